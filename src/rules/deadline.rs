//! `deadline`: A task counted as not yet due whose deadline is before the report's date; a measure reported done after the report's date; a time limit already past while its item is open.

use super::{Check, Context, Hit, Kind};

/// The kind's name.
pub const NAME: &str = "deadline";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
被计为未到期或正在整改的任务，其时限早于报告日期；报告完成的措施日期晚于报告日期；整改时限已过而事项未完成。
A task counted as not yet due whose deadline is before the report's date; a measure reported done after the report's date; a time limit already past while its item is open.

## 为什么 / Why it matters
(to be written with the kind)

## 示例 / Example
(to be written with the kind)

## 参数 / Parameters
(to be written with the kind)
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["deadline", "report_date", "item"];

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
