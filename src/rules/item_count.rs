//! `item_count`: A stated number of problems, areas, measures or units, against what the report itemizes.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "item_count";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
一个声明的问题数、方面数、措施数或单位数，与报告逐项列出的数目对照。
A stated number of problems, areas, measures or units, against what the report itemizes.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["stated", "counted", "noun"];

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
