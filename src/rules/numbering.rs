//! `numbering`: Heading numbers at each level run from 一/1 without gaps, repeats or broken markers, in GB/T 9704 order; inline enumerations run in order.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "numbering";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
各级标题编号从一/1开始连续、不重复、不残缺，层级符合 GB/T 9704 顺序；段内列举（一是、二是）连续。
Heading numbers at each level run from 一/1 without gaps, repeats or broken markers, in GB/T 9704 order; inline enumerations run in order.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["expected", "found", "marker"];

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
