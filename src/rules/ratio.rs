//! `ratio`: A percentage against the figures it is computed from (占……%, 完成率), by interval arithmetic.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "ratio";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
百分比与据以计算的数字（占……%、完成率），按区间算术核对。
A percentage against the figures it is computed from (占……%, 完成率), by interval arithmetic.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["stated", "computed", "part", "base"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
};

struct Unbuilt;

impl Check for Unbuilt {
    fn check(&self, _cx: &Context) -> Vec<Hit> {
        Vec::new()
    }
}

fn compile(_params: &serde_yaml::Value) -> Result<Box<dyn Check>, String> {
    Ok(Box::new(Unbuilt))
}
