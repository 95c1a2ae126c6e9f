//! `date_order`: The timeline in order: inspection start ≤ end < feedback ≤ measures ≤ as-of ≤ signing ≤ publication; every range's start ≤ its end; no date that cannot exist.
//!
//! Dates are compared at their written precision: `2023年12月` stands for 1–31 December, and two
//! dates are out of order only when no reading of them puts them in order. A year the text does
//! not write is trusted only when the date scanner took it from a written, past-tense date earlier
//! in the same paragraph (the inspection range, say): a year taken from a deadline, a plan or the
//! report's own date is a guess, and guesses are not reported.

use super::{Check, Context, Hit, Kind};
use crate::document::Span;
use crate::facts::date::Reading;
use crate::facts::date::reading::show;
use serde::Deserialize;

mod measures;
mod ranges;
mod timeline;

use measures::measures;
use ranges::{impossible, ranges};
use timeline::timeline;

/// The kind's name.
pub const NAME: &str = "date_order";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
时间线的先后：巡察开始≤巡察结束<反馈≤截至日期≤成文日期≤发布日期；每个日期区间起点不晚于终点；\
已采取的整改措施（写明年份、过去时的动作）不晚于成文日期；日期须真实存在（没有“4月31日”“2月30日”）。\
日期按写出的精度比较（“2023年12月”指整个12月）；未写年份的日期只在其年份取自同段前文已发生的日期时\
才比较，并说明推定的年份。区间终点未写年份时沿用起点年份（“2024年9月12日至8月20日”首尾颠倒）；\
终点月份早于起点、按次年理解不超过6个月的（“2022年11月至3月”“12月至1月”）视为跨年，不报告；\
写明“次年”“翌年”“第二年”或年份的按所写理解。
The timeline in order: inspection start ≤ end < feedback ≤ as-of ≤ signing ≤ publication; every
range's start ≤ its end; measures already taken (year written, past tense) no later than the
signing date; every date one that exists (no `4月31日`, `2月30日`). Dates compare at their written
precision; a year-less date is compared only when its year came from a past event earlier in the
same paragraph, and the finding says which year was inferred and from where. A range's end with
no year takes the start's (`2024年9月12日至8月20日` runs backwards); an end month before the
start's that, read in the next year, closes a range of at most 6 months (`2022年11月至3月`,
`12月至1月`) is taken to run over the year end and not reported; `次年`/`翌年`/`第二年` or a written
year are read as written.

## 为什么 / Why it matters
反馈早于巡察、成文早于截至日期、区间首尾颠倒，读者会据此怀疑整篇通报的真实性；多半是年份\
漏写或笔误（“1月23日”紧跟“2023年3月6日至4月14日”，读作2023年1月23日，早于巡察开始）。
A feedback date before the inspection, or a report signed before its own as-of date, makes readers
doubt the whole report; usually a year was left out or mistyped.

## 示例 / Example
不通过 / Fails:
```text
2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。1月23日,县委第一巡察组反馈了巡察意见。
```
通过 / Passes:
```text
2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。2024年1月23日,县委第一巡察组反馈了巡察意见。
```

## 参数 / Parameters
- `check`：`timeline`（默认，里程碑先后）、`ranges`（区间起止）、`measures`（措施日期晚于成文日期；\
完成整改的表述由 `deadline` 检查）或 `impossible`（不存在的日期）。
  `check`: `timeline` (default: the milestones), `ranges` (range start ≤ end), `measures` (a
  measure dated after the report's date; claims of completion are left to `deadline`) or
  `impossible` (a date that cannot exist).
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &[
    "role",
    "date",
    "relation",
    "other_role",
    "other",
    "expected",
    "inferred",
    "text",
    "first",
    "second",
    "report_role",
    "report_date",
    "reason",
];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/date_order.yaml",
        include_str!("../../../rules/date_order.yaml"),
    ),
};

/// Which order a rule checks.
#[derive(Deserialize, Default, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum What {
    /// The milestones.
    #[default]
    Timeline,
    /// Every range's start against its end.
    Ranges,
    /// Dated measures against the report's date.
    Measures,
    /// Dates that cannot exist.
    Impossible,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    check: What,
}

struct DateOrder {
    what: What,
}

impl Check for DateOrder {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        match self.what {
            What::Timeline => timeline(cx),
            What::Ranges => ranges(cx),
            What::Measures => measures(cx),
            What::Impossible => impossible(cx),
        }
    }

    fn unchecked(&self, cx: &Context) -> Vec<(Span, String)> {
        match self.what {
            What::Ranges => ranges::unchecked(cx),
            _ => Vec::new(),
        }
    }
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    Ok(Box::new(DateOrder { what: p.check }))
}

// ---------------------------------------------------------------------------------------------
// A date's reading (computed once per report in `facts::date::reading`)

/// The reading of date `index`.
fn reading<'a>(cx: &'a Context, index: usize) -> &'a Reading {
    &cx.facts.date_readings.dates[index]
}

/// The clause words before and after a date, as its reading found them (`on`: reaching on into
/// the next clause when the date ends its own).
fn words<'a>(cx: &'a Context, r: &Reading, on: bool) -> (&'a str, &'a str) {
    let after = if on { &r.after_on } else { &r.after };
    (cx.doc.text(&r.before), cx.doc.text(after))
}

/// True when a span lies inside the page's chrome.
fn in_chrome(cx: &Context, s: &Span) -> bool {
    cx.doc
        .chrome
        .iter()
        .any(|c| c.start <= s.start && s.end <= c.end)
}

/// Why a year-less date reads as it does, for the help text; empty when the year is written.
fn inferred_note(cx: &Context, index: usize) -> String {
    let d = &cx.facts.dates[index];
    let Some(year) = d.date.start.year.filter(|_| d.date.start.year_inferred) else {
        return String::new();
    };
    let text = cx.doc.text(&d.date.span);
    match reading(cx, index).year_source {
        Some(j) => format!(
            "“{text}”未写年份，按同段前文“{}”推定为{year}年；若指其他年份，请写明。",
            cx.doc.text(&cx.facts.dates[j].date.span)
        ),
        None => format!("“{text}”未写年份，按报告日期推定为{year}年；请写明年份。"),
    }
}

#[cfg(test)]
mod tests;
