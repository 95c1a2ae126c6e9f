//! `tally`: A stated split of the items by status or deadline, against the items' own statuses and deadlines.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "tally";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
按状态或时限对问题的分类统计（已完成、正在整改、其中……月底前需完成），与各项自身的状态和时限对照。
A stated split of the items by status or deadline, against the items' own statuses and deadlines.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["stated", "counted", "status", "total"];

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
