//! `required`: The report lacks its title, its issuing body or its date (成文日期).

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "required";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
报告缺少标题、发文机关或成文日期。
The report lacks its title, its issuing body or its date (成文日期).

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["missing"];

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
