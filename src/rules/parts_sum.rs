//! `parts_sum`: A total against the sum of its parts (其中……, 共计, 合计), compared as intervals at their written precision.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "parts_sum";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
总数与其组成部分之和（其中……、共计、合计），按书写精度的区间比较。
A total against the sum of its parts (其中……, 共计, 合计), compared as intervals at their written precision.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["stated", "computed", "parts", "unit"];

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
