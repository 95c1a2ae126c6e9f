//! `placeholder`: An unfilled slot: an ordinal with no number (第巡察组), a date unit with no number (于日召开, X月X日), ××, empty 【】.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "placeholder";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
未填写的占位：缺序数的“第巡察组”、缺数字的“于日召开”、“X月X日”、“××”、空的【】。
An unfilled slot: an ordinal with no number (第巡察组), a date unit with no number (于日召开, X月X日), ××, empty 【】.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["text"];

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
