//! `pairing`: Paired punctuation balanced and nested within a paragraph; each 反馈问题: answered by its 整改情况:.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "pairing";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
成对标点（“” ‘’ 《》 （） 【】 〔〕）在段落内配对且正确嵌套；每个“反馈问题:”有对应的“整改情况:”。
Paired punctuation balanced and nested within a paragraph; each 反馈问题: answered by its 整改情况:.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["open", "close", "label"];

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
