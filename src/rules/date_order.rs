//! `date_order`: The timeline in order: inspection start ≤ end < feedback ≤ measures ≤ as-of ≤ signing ≤ publication; every range's start ≤ its end.
//!
//! Dates are compared at their written precision: `2023年12月` stands for 1–31 December, and two
//! dates are out of order only when no reading of them puts them in order. A year the text does
//! not write is trusted only when the date scanner took it from a written, past-tense date earlier
//! in the same paragraph (the inspection range, say): a year taken from a deadline, a plan or the
//! report's own date is a guess, and guesses are not reported.

use super::{Check, Context, Hit, Kind};
use crate::document::Span;
use crate::facts::DateInText;
use crate::facts::timeline::Milestone;
use chrono::{Months, NaiveDate};
use serde::Deserialize;

/// The kind's name.
pub const NAME: &str = "date_order";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
时间线的先后：巡察开始≤巡察结束<反馈≤截至日期≤成文日期≤发布日期；每个日期区间起点不晚于终点；\
已采取的整改措施（写明年份、过去时的动作）不晚于成文日期。日期按写出的精度比较（“2023年12月”\
指整个12月）；未写年份的日期只在其年份取自同段前文已发生的日期时才比较，并说明推定的年份。
The timeline in order: inspection start ≤ end < feedback ≤ as-of ≤ signing ≤ publication; every
range's start ≤ its end; measures already taken (year written, past tense) no later than the
signing date. Dates compare at their written precision; a year-less date is compared only when
its year came from a past event earlier in the same paragraph, and the finding says which year
was inferred and from where.

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
- `check`：`timeline`（默认，里程碑先后）、`ranges`（区间起止）或 `measures`（措施日期晚于成文日期；\
完成整改的表述由 `deadline` 检查）。
  `check`: `timeline` (default: the milestones), `ranges` (range start ≤ end) or `measures` (a
  measure dated after the report's date; claims of completion are left to `deadline`).
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
];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
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
        }
    }
}

fn compile(params: &serde_yaml::Value) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    Ok(Box::new(DateOrder { what: p.check }))
}

// ---------------------------------------------------------------------------------------------
// Reading a date's surroundings (shared with `deadline`)

/// Marks that end a clause inside a sentence.
const CLAUSE_STOPS: &[char] = &[
    '，', ',', '；', ';', '：', ':', '。', '！', '？', '(', '（', ')', '）',
];

/// The clause text before and after a date, within its sentence.
pub(super) fn clause<'a>(source: &'a str, d: &DateInText) -> (&'a str, &'a str) {
    let before = &source[d.sentence.start.min(d.date.span.start)..d.date.span.start];
    let after = &source[d.date.span.end..d.sentence.end.max(d.date.span.end)];
    let before = before.rfind(CLAUSE_STOPS).map_or(before, |i| {
        let c = before[i..].chars().next().map_or(1, char::len_utf8);
        &before[i + c..]
    });
    let after = after.find(CLAUSE_STOPS).map_or(after, |i| &after[..i]);
    (before, after)
}

/// Like [`clause`], but a date that ends its clause ("2021年9月,该项目已完成……") reaches on
/// into the next clause, which says what happened then.
pub(super) fn clause_on<'a>(source: &'a str, d: &DateInText) -> (&'a str, &'a str) {
    let (before, after) = clause(source, d);
    if !after.trim().is_empty() {
        return (before, after);
    }
    let rest = &source[d.date.span.end..d.sentence.end.max(d.date.span.end)];
    let rest = rest.trim_start();
    let Some(rest) = rest.strip_prefix([',', '，']) else {
        return (before, after);
    };
    (before, rest.find(CLAUSE_STOPS).map_or(rest, |i| &rest[..i]))
}

/// Words before a date, in its clause, that make it a plan or a deadline.
const FUTURE_BEFORE: &[&str] = &[
    "计划",
    "将",
    "拟",
    "预计",
    "力争",
    "争取",
    "确保",
    "预期",
    "目标",
    "需",
    "下一步",
    "今后",
    "定于",
    "准备",
    "要求",
    "期限",
    "时限",
];

/// Words before a date, in its clause, that make it a bound or the start of a period.
const BOUND_BEFORE: &[&str] = &["截至", "截止", "到", "至", "以前", "从", "自"];

/// How a deadline goes on: "12月底前".
const DEADLINE_AFTER: &[&str] = &["前", "之前", "以前"];

/// How a bound or the start of a period goes on.
const PERIOD_AFTER: &[&str] = &[
    "止", "为止", "以来", "起", "开始", "至今", "后", "以后", "之后", "内",
];

/// Words after a date, in its clause, that make it a plan.
const FUTURE_AFTER: &[&str] = &["将", "需", "计划", "预计", "力争", "要", "拟", "争取"];

/// True when the date is a plan or a deadline: what is to happen, not what happened.
pub(super) fn future(before: &str, after: &str) -> bool {
    let after = after.trim_start();
    FUTURE_BEFORE.iter().any(|w| before.contains(w))
        || DEADLINE_AFTER.iter().any(|w| after.starts_with(w))
        || FUTURE_AFTER.iter().any(|w| after.contains(w))
}

/// True when the date is a plan, a deadline, a bound or the start of a period: not the day
/// something was done.
pub(super) fn planned(before: &str, after: &str) -> bool {
    future(before, after)
        || BOUND_BEFORE.iter().any(|w| before.contains(w))
        || PERIOD_AFTER
            .iter()
            .any(|w| after.trim_start().starts_with(w))
}

/// Verbs of a completed action that may follow a date directly ("3月11日制发《……》").
const ACTION_VERBS: &[&str] = &[
    "召开", "印发", "下发", "制发", "出台", "制定", "成立", "开展", "组织", "举办", "举行", "签订",
    "签署", "注册", "完成", "拆除", "追回", "退缴", "清退", "约谈", "立案", "给予", "通报", "发布",
    "主持", "启动", "召集", "上线", "建成", "竣工", "验收", "修订", "审议", "研究", "部署", "实施",
    "对", "向",
];

/// True when the clause reports an action already taken at the date.
pub(super) fn past_action(before: &str, after: &str) -> bool {
    let after = after.trim_start();
    let after = ["上午", "下午", "晚上", "晚", "底", "初"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after);
    ["已", "了", "先后", "业已"]
        .iter()
        .any(|w| before.contains(w) || after.contains(w))
        || ACTION_VERBS.iter().any(|w| after.starts_with(w))
}

/// True when the date stands inside a book-title mark 《……》 (a document's name).
pub(super) fn in_title(source: &str, d: &DateInText) -> bool {
    let before = &source[d.passage.start.min(d.date.span.start)..d.date.span.start];
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The date the scanner took a year-less date's year from: the nearest earlier date in the
/// same passage; None when the year was written, or came from the report's own date.
pub(super) fn year_source(cx: &Context, index: usize) -> Option<usize> {
    let d = cx.facts.dates.get(index)?;
    if !d.date.start.year_inferred || relative(cx, d) {
        return None;
    }
    (0..index)
        .rev()
        .take_while(|&j| cx.facts.dates[j].passage == d.passage)
        .find(|&j| cx.facts.dates[j].date.start.year.is_some())
}

/// 今年, 去年, 明年: the year counts from the report's date.
fn relative(cx: &Context, d: &DateInText) -> bool {
    let text = cx.doc.text(&d.date.span);
    ["今年", "去年", "明年"].iter().any(|w| text.starts_with(w))
}

/// True when a date's year is written, or was taken (through at most a few steps) from a
/// written date earlier in the paragraph that records something that happened, not a plan.
pub(super) fn year_trusted(cx: &Context, index: usize) -> bool {
    let mut at = index;
    for _ in 0..8 {
        let Some(d) = cx.facts.dates.get(at) else {
            return false;
        };
        if !d.date.start.year_inferred {
            return true;
        }
        let Some(source) = year_source(cx, at) else {
            return false;
        };
        let s = &cx.facts.dates[source];
        let (before, after) = clause(&cx.doc.source, s);
        if future(before, after) || reversed(s) {
            return false;
        }
        at = source;
    }
    false
}

/// True when a range's end is before its start.
fn reversed(d: &DateInText) -> bool {
    match (d.date.earliest(), d.date.latest()) {
        (Some(a), Some(b)) => a > b,
        _ => false,
    }
}

/// The report's own date: the signing date, else the publication date; with its name.
pub(super) fn report_date<'a>(cx: &'a Context) -> Option<(&'a Milestone, &'static str)> {
    let t = &cx.facts.timeline;
    let trusted = |m: &&Milestone| !m.date.year_inferred;
    t.signed
        .as_ref()
        .filter(trusted)
        .map(|m| (m, "成文日期"))
        .or_else(|| {
            t.published
                .as_ref()
                .filter(trusted)
                .map(|m| (m, "发布日期"))
        })
}

/// A date for messages: "2023-01-23", or "2023-12" for a month.
pub(super) fn show(d: &crate::facts::date::PartialDate) -> String {
    d.iso().unwrap_or_default()
}

/// Why a year-less date reads as it does, for the help text; empty when the year is written.
fn inferred_note(cx: &Context, index: usize) -> String {
    let d = &cx.facts.dates[index];
    let Some(year) = d.date.start.year.filter(|_| d.date.start.year_inferred) else {
        return String::new();
    };
    let text = cx.doc.text(&d.date.span);
    match year_source(cx, index) {
        Some(j) => format!(
            "“{text}”未写年份，按同段前文“{}”推定为{year}年；若指其他年份，请写明。",
            cx.doc.text(&cx.facts.dates[j].date.span)
        ),
        None => format!("“{text}”未写年份，按报告日期推定为{year}年；请写明年份。"),
    }
}

// ---------------------------------------------------------------------------------------------
// The timeline

/// A milestone as the timeline check sees it.
struct Node {
    role: &'static str,
    rank: u8,
    index: usize,
    span: Span,
    shown: String,
    /// The earliest and latest day of the date (for the inspection: of its end).
    lo: NaiveDate,
    hi: NaiveDate,
}

fn node(cx: &Context, role: &'static str, rank: u8, m: &Milestone) -> Option<Node> {
    if !year_trusted(cx, m.index) {
        return None;
    }
    Some(Node {
        role,
        rank,
        index: m.index,
        span: m.span.clone(),
        shown: show(&m.date),
        lo: m.date.earliest()?,
        hi: m.date.latest()?,
    })
}

/// The milestones the report states, in the order they must come.
fn nodes(cx: &Context) -> Vec<Node> {
    let t = &cx.facts.timeline;
    let mut out = Vec::new();
    if let (Some(s), Some(e)) = (&t.inspection_start, &t.inspection_end) {
        let d = &cx.facts.dates[s.index];
        let word = ["巡视", "巡察", "审计"]
            .into_iter()
            .find(|w| cx.doc.text(&d.sentence).contains(w))
            .unwrap_or("巡察");
        let role = match word {
            "巡视" => "巡视期间",
            "审计" => "审计期间",
            _ => "巡察期间",
        };
        if let Some(mut n) = node(cx, role, 0, e) {
            n.shown = format!("{}至{}", show(&s.date), show(&e.date));
            if !reversed(d) {
                out.push(n);
            }
        }
    }
    out.extend(t.feedback.as_ref().and_then(|m| node(cx, "反馈日期", 1, m)));
    // An as-of date counts only where it dates the rectification, not background figures.
    let as_of = t.as_of.as_ref().filter(|m| {
        let d = &cx.facts.dates[m.index];
        let (before, after) = clause(&cx.doc.source, d);
        let before = ["截至到", "截止到", "截至", "截止"]
            .iter()
            .find_map(|w| before.trim_end().strip_suffix(w))
            .unwrap_or(before);
        cx.doc.text(&d.sentence).contains("整改") && !planned(before, after)
    });
    out.extend(as_of.and_then(|m| node(cx, "截至日期", 2, m)));
    out.extend(t.signed.as_ref().and_then(|m| node(cx, "成文日期", 3, m)));
    out.extend(
        t.published
            .as_ref()
            .and_then(|m| node(cx, "发布日期", 4, m)),
    );
    let keep: Vec<bool> = (0..out.len())
        .map(|k| !(inferred(cx, &out[k]) && next_year_fits(&out, k)))
        .collect();
    out.into_iter()
        .zip(keep)
        .filter_map(|(n, k)| k.then_some(n))
        .collect()
}

/// True when the node's own year (not a range end's) was inferred.
fn inferred(cx: &Context, n: &Node) -> bool {
    n.rank > 0 && cx.facts.dates[n.index].date.start.year_inferred
}

/// True when a year-less milestone out of order would sit in order, shortly (within a quarter)
/// after the milestone before it, read in the next year: "2022年10月至12月……1月18日反馈" most
/// likely means January of the next year, so the year is ambiguous, not wrong.
fn next_year_fits(nodes: &[Node], k: usize) -> bool {
    let n = &nodes[k];
    let out_of_order = nodes
        .iter()
        .any(|o| o.rank < n.rank && violated(o, n) || o.rank > n.rank && violated(n, o));
    let (Some(lo), Some(hi)) = (
        n.lo.checked_add_months(Months::new(12)),
        n.hi.checked_add_months(Months::new(12)),
    ) else {
        return false;
    };
    let shifted = Node {
        role: n.role,
        rank: n.rank,
        index: n.index,
        span: n.span.clone(),
        shown: String::new(),
        lo,
        hi,
    };
    let in_order = nodes.iter().enumerate().all(|(i, o)| {
        i == k
            || o.rank < n.rank && !violated(o, &shifted)
            || o.rank > n.rank && !violated(&shifted, o)
            || o.rank == n.rank
    });
    let close = nodes
        .iter()
        .filter(|o| o.rank < n.rank)
        .max_by_key(|o| o.rank)
        .is_some_and(|p| (lo - p.hi).num_days() <= 92);
    out_of_order && in_order && close
}

/// True when `b`, which must come after `a`, cannot: no reading of the two puts them in order.
fn violated(a: &Node, b: &Node) -> bool {
    if a.rank == 0 && b.rank == 1 {
        b.hi <= a.lo
    } else {
        b.hi < a.lo
    }
}

fn timeline(cx: &Context) -> Vec<Hit> {
    let nodes = nodes(cx);
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (i, a) in nodes.iter().enumerate() {
        for (j, b) in nodes.iter().enumerate().skip(i + 1) {
            if a.index != b.index && violated(a, b) {
                edges.push((i, j));
            }
        }
    }
    let mut hits = Vec::new();
    // Blame the date most conflicts share (a later one on a tie): one wrong date gives one finding.
    while !edges.is_empty() {
        let count = |n: usize| edges.iter().filter(|&&(a, b)| a == n || b == n).count();
        let Some(culprit) = (0..nodes.len()).max_by_key(|&n| (count(n), n)) else {
            break;
        };
        let mine: Vec<(usize, usize)> = edges
            .iter()
            .copied()
            .filter(|&(a, b)| a == culprit || b == culprit)
            .collect();
        edges.retain(|&(a, b)| a != culprit && b != culprit);
        hits.push(timeline_hit(cx, &nodes, culprit, &mine));
    }
    hits
}

fn timeline_hit(cx: &Context, nodes: &[Node], culprit: usize, edges: &[(usize, usize)]) -> Hit {
    let n = &nodes[culprit];
    let (a, b) = edges[0];
    let other = &nodes[if a == culprit { b } else { a }];
    let relation = if a == culprit {
        "晚于"
    } else if n.hi < other.lo {
        "早于"
    } else {
        "不晚于"
    };
    let (first, second) = (&nodes[a], &nodes[b]);
    let expected = format!(
        "{}{}{}",
        role_end(first),
        if first.rank == 0 && second.rank == 1 {
            " < "
        } else {
            " ≤ "
        },
        second.role
    );
    let mut notes = inferred_note(cx, n.index);
    let mut hit = Hit::at(n.span.clone());
    for &(a, b) in edges {
        let o = &nodes[if a == culprit { b } else { a }];
        hit = hit.label(o.span.clone(), format!("{}:{}", o.role, o.shown));
        notes.push_str(&inferred_note(cx, o.index));
    }
    hit.value("role", n.role)
        .value("date", &n.shown)
        .value("relation", relation)
        .value("other_role", other.role)
        .value("other", &other.shown)
        .value("expected", expected)
        .value("inferred", notes)
}

/// The inspection's end as the earlier side of an order.
fn role_end(n: &Node) -> String {
    if n.rank == 0 {
        n.role.replace("期间", "结束")
    } else {
        n.role.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Ranges

fn ranges(cx: &Context) -> Vec<Hit> {
    let in_chrome = |s: &Span| {
        cx.doc
            .chrome
            .iter()
            .any(|c| c.start <= s.start && s.end <= c.end)
    };
    let mut hits = Vec::new();
    for d in &cx.facts.dates {
        let (start, Some(end)) = (d.date.start, d.date.end) else {
            continue;
        };
        if d.date.web || in_chrome(&d.date.span) {
            continue;
        }
        // The end takes its year from the start, or both are written.
        if start.year_inferred && !end.year_inferred {
            continue;
        }
        // "2022年11月至3月" may run into the next year: not reported.
        if end.year_inferred && matches!((start.month, end.month), (Some(a), Some(b)) if b < a) {
            continue;
        }
        let (Some(lo), Some(hi)) = (start.earliest(), end.latest()) else {
            continue;
        };
        if lo > hi {
            hits.push(
                Hit::at(d.date.span.clone())
                    .value("text", cx.doc.text(&d.date.span))
                    .value("first", show(&start))
                    .value("second", show(&end)),
            );
        }
    }
    hits
}

// ---------------------------------------------------------------------------------------------
// Measures

fn measures(cx: &Context) -> Vec<Hit> {
    let Some((report, report_role)) = report_date(cx) else {
        return Vec::new();
    };
    let Some(limit) = report.date.latest() else {
        return Vec::new();
    };
    let body_start = cx
        .doc
        .sections
        .first()
        .map_or(usize::MAX, |s| s.line_span.start);
    let closing = cx.doc.closing.date_span.as_ref();
    let in_chrome = |s: &Span| {
        cx.doc
            .chrome
            .iter()
            .any(|c| c.start <= s.start && s.end <= c.end)
    };
    let mut hits = Vec::new();
    for d in &cx.facts.dates {
        let start = d.date.start;
        if d.date.end.is_some()
            || d.date.web
            || start.year_inferred
            || start.month.is_none()
            || d.date.span.start < body_start
            || closing.is_some_and(|c| c.start <= d.date.span.start && d.date.span.end <= c.end)
            || in_chrome(&d.date.span)
            || in_title(&cx.doc.source, d)
        {
            continue;
        }
        let Some(earliest) = start.earliest() else {
            continue;
        };
        if earliest <= limit {
            continue;
        }
        let (before, after) = clause_on(&cx.doc.source, d);
        if planned(before, after)
            || !past_action(before, after)
            || super::deadline::completion_claim(after)
        {
            continue;
        }
        hits.push(
            Hit::at(d.date.span.clone())
                .label(report.span.clone(), report_role)
                .value("date", show(&start))
                .value("text", cx.doc.text(&d.date.span))
                .value("report_role", report_role)
                .value("report_date", show(&report.date)),
        );
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many times the rule with `check: <what>` fires on `text`.
    fn fires(what: &str, text: &str) -> usize {
        crate::rules::testing::hits_with(compile, &format!("check: {what}"), text).len()
    }

    const OPENING: &str = "2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。";
    const CLOSING: &str = "\n中共青柳镇委员会\n2024年1月10日\n";

    fn report(opening: &str, body: &str) -> String {
        format!(
            "中共青柳镇委员会关于巡察整改进展情况的通报\n{opening}\n一、整改落实情况\n{body}{CLOSING}"
        )
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, String, usize)> = vec![
            // A year-less feedback read in the inspection's year falls before the inspection.
            (
                "timeline",
                report(
                    &format!("{OPENING}1月23日,县委第一巡察组向青柳镇党委反馈了巡察意见。"),
                    "召开了会议。",
                ),
                1,
            ),
            // A written feedback date inside the inspection.
            (
                "timeline",
                report(
                    &format!("{OPENING}2023年4月2日,县委第一巡察组反馈了巡察意见。"),
                    "召开了会议。",
                ),
                1,
            ),
            // Feedback on the inspection's last day: the feedback must come after it.
            (
                "timeline",
                report(
                    &format!("{OPENING}2023年4月14日,县委第一巡察组反馈了巡察意见。"),
                    "召开了会议。",
                ),
                1,
            ),
            // Not flagged: a month-only feedback after the inspection.
            (
                "timeline",
                report(
                    &format!("{OPENING}2023年5月,县委第一巡察组反馈了巡察意见。"),
                    "召开了会议。",
                ),
                0,
            ),
            // "自……至……": the range opens a period; its year still dates the feedback after it.
            (
                "timeline",
                report(
                    "自2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。1月23日,县委第一巡察组反馈了巡察意见。",
                    "召开了会议。",
                ),
                1,
            ),
            // Not flagged: "2023年4月" can be 15–30 April, after the inspection ended on the 14th.
            (
                "timeline",
                report(
                    &format!("{OPENING}2023年4月,县委第一巡察组反馈了巡察意见。"),
                    "召开了会议。",
                ),
                0,
            ),
            // Not flagged: the feedback's year came from a deadline, not from a past event.
            (
                "timeline",
                report(
                    "县委要求2023年12月底前完成整改。1月23日,县委第一巡察组对青柳镇党委反馈了巡察意见。",
                    "召开了会议。",
                ),
                0,
            ),
            // Not flagged: January right after a December inspection is most likely the next year.
            (
                "timeline",
                report(
                    "2022年10月10日至12月2日,县委第二巡察组对青柳镇党委进行了巡察。1月18日,县委第二巡察组反馈了巡察意见。",
                    "召开了会议。",
                ),
                0,
            ),
            // Not flagged: a year-less feedback alone in its paragraph takes the report's year, a guess.
            (
                "timeline",
                report(
                    &format!("{OPENING}\n5月20日,县委第一巡察组反馈了巡察意见。"),
                    "召开了会议。",
                ),
                0,
            ),
            // Signed before the as-of date of the rectification figures.
            (
                "timeline",
                report(
                    &format!(
                        "{OPENING}2023年5月8日,县委第一巡察组反馈了巡察意见。截至2024年2月29日,已完成整改12个问题。"
                    ),
                    "召开了会议。",
                ),
                1,
            ),
            // Not flagged: an as-of date of background figures (no 整改) is not the report's as-of.
            (
                "timeline",
                report(
                    &format!(
                        "截至2019年底,全镇共有党员512名。{OPENING}2023年5月8日,县委第一巡察组反馈了巡察意见。"
                    ),
                    "召开了会议。",
                ),
                0,
            ),
            // Published (web chrome) before the signing date.
            (
                "timeline",
                format!(
                    "青柳镇人民政府网\n发布日期: 2024-01-05 10:30\n{}",
                    report(OPENING, "召开了会议。")
                ),
                1,
            ),
            // Not flagged: published on the signing date.
            (
                "timeline",
                format!(
                    "青柳镇人民政府网\n发布日期: 2024-01-10 10:30\n{}",
                    report(OPENING, "召开了会议。")
                ),
                0,
            ),
            // A range whose end is before its start.
            (
                "ranges",
                report(OPENING, "2023年8月25日至8月18日,开展了专项检查。"),
                1,
            ),
            // A day range within one month, reversed.
            (
                "ranges",
                report(OPENING, "2023年9月25日-18日,开展了专项检查。"),
                1,
            ),
            // Not flagged: "11月至3月" may run into the next year.
            (
                "ranges",
                report(OPENING, "2022年11月至3月,开展了冬春整治。"),
                0,
            ),
            // Not flagged: a range in order.
            (
                "ranges",
                report(OPENING, "2023年8月18日至25日,开展了专项检查。"),
                0,
            ),
            // A measure taken, year written, after the signing date.
            (
                "measures",
                report(OPENING, "2024年3月5日召开党委会议,专题研究整改。"),
                1,
            ),
            // The date opens its clause; the next clause says what was done.
            (
                "measures",
                report(OPENING, "2024年3月5日,镇党委召开了专题会议。"),
                1,
            ),
            // Not flagged: a plan.
            (
                "measures",
                report(OPENING, "计划于2024年3月召开党委会议,专题研究整改。"),
                0,
            ),
            // Not flagged: a year-less date takes the report's year by guess.
            (
                "measures",
                report(OPENING, "3月5日召开党委会议,专题研究整改。"),
                0,
            ),
            // Not flagged: a date in a document's name.
            (
                "measures",
                report(OPENING, "印发了《2024年3月集中整治工作方案》。"),
                0,
            ),
            // Not flagged: January 2024 may be before 10 January.
            ("measures", report(OPENING, "2024年1月召开了党委会议。"), 0),
            // Not flagged: a completion claim is left to the `deadline` kind.
            (
                "measures",
                report(OPENING, "该问题已于2024年3月5日完成整改。"),
                0,
            ),
            // Not flagged: a year alone is too coarse for a measure.
            ("measures", report(OPENING, "2024年开展了专项整治。"), 0),
        ];
        assert!(cases.len() >= 15);
        let passing = cases.iter().filter(|c| c.2 == 0).count();
        assert!(2 * passing >= cases.len());
        for (what, text, want) in &cases {
            assert_eq!(fires(what, text), *want, "{what}: {text}");
        }
    }

    #[test]
    fn the_finding_says_which_year_was_inferred_and_from_where() {
        let text = report(
            &format!("{OPENING}1月23日,县委第一巡察组向青柳镇党委反馈了巡察意见。"),
            "召开了会议。",
        );
        let (doc, facts) = crate::analyse(&text);
        let hits = timeline(&Context {
            doc: &doc,
            facts: &facts,
        });
        assert_eq!(hits.len(), 1);
        let h = &hits[0];
        assert_eq!(doc.text(&h.span), "1月23日");
        assert_eq!(h.values["date"], "2023-01-23");
        assert_eq!(h.values["relation"], "早于");
        assert!(h.values["inferred"].contains("2023年3月6日至4月14日"));
        assert!(h.values["inferred"].contains("推定为2023年"));
        assert_eq!(doc.text(&h.labels[0].span), "2023年3月6日至4月14日");
    }

    #[test]
    fn one_wrong_date_gives_one_finding() {
        // The inspection year is mistyped: it conflicts with the feedback, the signing date and
        // the publication date, and is reported once, at the inspection.
        let text = format!(
            "发布日期: 2024-01-12 10:30\n{}",
            report(
                "2024年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。2023年5月8日,县委第一巡察组反馈了巡察意见。",
                "召开了会议。"
            )
        );
        let (doc, facts) = crate::analyse(&text);
        let hits = timeline(&Context {
            doc: &doc,
            facts: &facts,
        });
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(doc.text(&hits[0].span), "2024年3月6日至4月14日");
        assert_eq!(hits[0].values["relation"], "晚于");
        assert_eq!(hits[0].labels.len(), 3);
    }

    /// Every check of both date kinds over `text`: no panic, spans on character boundaries.
    fn run_all(text: &str) {
        let (doc, facts) = crate::analyse(text);
        let cx = Context {
            doc: &doc,
            facts: &facts,
        };
        let mut hits = Vec::new();
        for what in ["timeline", "ranges", "measures"] {
            let p: serde_yaml::Value = serde_yaml::from_str(&format!("check: {what}")).unwrap();
            hits.extend(compile(&p).unwrap().check(&cx));
        }
        for what in ["not_due", "done", "time_limit"] {
            let p: serde_yaml::Value = serde_yaml::from_str(&format!("check: {what}")).unwrap();
            hits.extend(
                (super::super::deadline::KIND.compile)(&p)
                    .unwrap()
                    .check(&cx),
            );
        }
        for h in &hits {
            for s in std::iter::once(&h.span).chain(h.labels.iter().map(|l| &l.span)) {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_in_a_report(
            body in "[0-9年月日底前后至已了需计划完成整改正在中于,，。()（）:：《》\n 巡察反馈截时限个半]{0,80}",
        ) {
            run_all(&report(OPENING, &body));
            run_all(&body);
        }
    }
}
