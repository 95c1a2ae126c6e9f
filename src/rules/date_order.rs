//! `date_order`: The timeline in order: inspection start ≤ end < feedback ≤ measures ≤ as-of ≤ signing ≤ publication; every range's start ≤ its end.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "date_order";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
时间线的先后：巡察开始≤巡察结束<反馈≤整改措施≤截至日期≤成文日期≤发布日期；每个日期区间起点不晚于终点。
The timeline in order: inspection start ≤ end < feedback ≤ measures ≤ as-of ≤ signing ≤ publication; every range's start ≤ its end.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["earlier", "later", "first", "second", "inferred"];

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
