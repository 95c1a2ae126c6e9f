//! `deadline`: A task counted as not yet due whose deadline is before the report's date; a measure reported done after the report's date; a time limit already past while its item is open.
//!
//! The report's date is its signing date, else its publication date; where the report states an
//! as-of date (截至……) earlier than that, counts stand at the as-of date and deadlines are measured
//! against it. A deadline's year counts only when it is written, or taken from a written deadline
//! just before it in the same sentence (`2021年7月底前需完成2项,9月底前需完成3项`).

use super::{Check, Context, Hit, Kind};
use crate::document::{Inline, Item, Span, Status};
use crate::facts::DateInText;
use crate::facts::date::Reading;
use crate::facts::date::reading::show;
use chrono::{Days, Months, NaiveDate};
use regex::Regex;
use serde::Deserialize;

/// The kind's name.
pub const NAME: &str = "deadline";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
被计为未到整改时限、正在整改或“需完成”的任务，其时限早于报告日期（成文日期，无则发布日期；写明的\
截至日期更早时以截至日期为准）；写明年份、已完成的措施日期（“已于……完成整改”或标注“完成时间”的日期，\
“计划完成时间”除外）晚于报告日期；事项标注的整改时限（`整改时限:3个月`，自反馈日期起算；或写明年份的\
日期，如`整改时限:2023年12月20日前`、`【整改时限】2024年3月底`）已过而该事项的状态为正在整改或部分完成。
A task counted as not yet due, in progress or “to be completed” whose deadline is before the
report's date (signed, else published; an earlier stated as-of date takes precedence); a
completion dated (year written) after the report's date, claimed (`已于……完成整改`) or labelled
(`完成时间`, not `计划完成时间`); an item's time limit (`整改时限:3个月`, counted from the feedback
date, or a dated label such as `整改时限:2023年12月20日前`, `【整改时限】2024年3月底`) already past
while the item is reported in progress or partly done (the item and its status as the item
reader finds them: a numbered problem, a `【问题N】` entry with its `【整改状态】` line, a table row
with its `完成情况` column). An overdue open item is possible in real life, so this last check is
a judgement (the packaged rule is a warning).

## 为什么 / Why it matters
报告日期已过的时限不能再算“未到整改时限”：要么该任务已完成、应计入已完成数，要么已逾期、应如实说明。\
日期在报告之后的“已完成”则不可能发生，多为年份笔误。
A deadline that passed before the report was written cannot still be “not yet due”: the task is
either done and belongs in the done count, or overdue and should be reported as such.

## 示例 / Example
不通过 / Fails (成文日期 2021年6月25日):
```text
已完成17项,未到整改时限、正在整改事项8项(其中2021年5月底前需完成整改1项,7月底前需完成7项)。
```
通过 / Passes:
```text
已完成17项,未到整改时限、正在整改事项8项(其中2021年7月底前需完成1项,9月底前需完成7项)。
```

## 参数 / Parameters
- `check`：`not_due`（默认，计为未到期的任务时限已过）、`done`（完成日期晚于报告日期）或\
`time_limit`（整改时限已过而事项未完成）。
  `check`: `not_due` (default: a task counted open whose deadline passed), `done` (a completion
  dated after the report) or `time_limit` (an item's time limit passed while it is still open).
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &[
    "deadline",
    "deadline_date",
    "report_role",
    "report_date",
    "item",
    "limit",
    "feedback",
    "status",
    "basis",
];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/deadline.yaml",
        include_str!("../../rules/deadline.yaml"),
    ),
};

/// What a rule checks.
#[derive(Deserialize, Default, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum What {
    /// A task counted as open whose deadline has passed.
    #[default]
    NotDue,
    /// A completion dated after the report.
    Done,
    /// An item's time limit passed while it is open.
    TimeLimit,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    check: What,
}

struct Deadline {
    what: What,
    /// A time-limit note inside a heading's own text: "(整改时限:3个月)".
    note: Regex,
}

impl Check for Deadline {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        match self.what {
            What::NotDue => not_due(cx),
            What::Done => done(cx),
            What::TimeLimit => time_limit(cx, &self.note),
        }
    }
}

/// The longest time-limit note read from a heading, in characters.
const NOTE_CHARS: usize = 40;

fn compile(
    params: &serde_yaml::Value,
    vocab: &crate::parse::vocab::Vocabulary,
    patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    let labels = &vocab.labels.deadline;
    let alternatives: Vec<String> = labels.iter().map(|l| regex::escape(l)).collect();
    // The note's text is at most `NOTE_CHARS` characters, counted when it is read: a bounded
    // repetition of a Unicode class would compile to a large automaton at every start-up.
    let note = patterns
        .regex(&format!(
            "[(（](?:{})[:：][ \u{3000}]*([^()（）]+)[)）]",
            alternatives.join("|")
        ))
        .map_err(|e| e.to_string())?;
    Ok(Box::new(Deadline {
        what: p.check,
        note,
    }))
}

/// The day counts stand at: the report's date, or an earlier trusted as-of date; with its name,
/// its date for messages and where it is.
struct Reference {
    day: NaiveDate,
    role: &'static str,
    shown: String,
    span: Span,
}

fn reference(cx: &Context) -> Option<Reference> {
    let (m, role) = cx.facts.timeline.report_date()?;
    let mut r = Reference {
        day: m.date.earliest()?,
        role,
        shown: show(&m.date),
        span: m.span.clone(),
    };
    if let Some(a) = cx.facts.timeline.as_of.as_ref()
        && reading(cx, a.index).year_trusted
        && let Some(day) = a.date.earliest()
        && day < r.day
    {
        r = Reference {
            day,
            role: "截至日期",
            shown: show(&a.date),
            span: a.span.clone(),
        };
    }
    Some(r)
}

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

/// True when a date lies in the report's text (not its chrome, not its closing date line).
fn in_text(cx: &Context, d: &DateInText) -> bool {
    let s = &d.date.span;
    let inside = |c: &Span| c.start <= s.start && s.end <= c.end;
    !d.date.web && !cx.doc.chrome.iter().any(inside) && !cx.doc.closing.date_span.iter().any(inside)
}

// ---------------------------------------------------------------------------------------------
// A task counted open whose deadline has passed

/// True when a deadline's year is written or comes from a written deadline earlier in its sentence.
fn deadline_year_ok(cx: &Context, index: usize) -> bool {
    let mut at = index;
    for _ in 0..8 {
        let d = &cx.facts.dates[at];
        if !d.date.start.year_inferred {
            return true;
        }
        let Some(j) = reading(cx, at).year_source else {
            return false;
        };
        let s = &cx.facts.dates[j];
        if s.sentence != d.sentence || s.date.end.is_some() || !reading(cx, j).deadline {
            return false;
        }
        at = j;
    }
    false
}

fn not_due(cx: &Context) -> Vec<Hit> {
    let Some(r) = reference(cx) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (i, d) in cx.facts.dates.iter().enumerate() {
        let rd = reading(cx, i);
        if !in_text(cx, d) || d.date.end.is_some() || rd.in_title {
            continue;
        }
        let (before, after) = words(cx, rd, false);
        let claimed = |t: &str| t.contains('已') || t.contains('了');
        if !rd.deadline || claimed(before) || claimed(after) {
            continue;
        }
        // Counted open: the sentence says so, and the deadline is still to be met (需完成) or
        // planned (按计划……前完成); "其中2020年底前完成8项" alone counts tasks done.
        let sentence = cx.doc.text(&d.sentence);
        let open = cx
            .vocab
            .deadline_open
            .iter()
            .any(|w| sentence.contains(w.as_str()))
            && (after.contains('需') || before.contains("计划"));
        if !open || !deadline_year_ok(cx, i) {
            continue;
        }
        let Some(latest) = d.date.start.latest() else {
            continue;
        };
        if latest >= r.day {
            continue;
        }
        let item = if after.contains('需') {
            "计为未到整改时限的任务"
        } else {
            "计为正在整改的任务"
        };
        hits.push(
            Hit::at(d.date.span.clone())
                .label(r.span.clone(), r.role)
                .value("deadline", cx.doc.text(&d.date.span))
                .value("deadline_date", latest)
                .value("report_role", r.role)
                .value("report_date", &r.shown)
                .value("item", item),
        );
    }
    hits
}

// ---------------------------------------------------------------------------------------------
// A completion dated after the report

/// True when the date is labelled as the day its task was finished, not as a plan
/// ("计划完成时间", "预计完成时间").
fn completion_label(cx: &Context, d: &DateInText) -> bool {
    let done_label = |t: &str| {
        cx.vocab.labels.completion.iter().any(|l| {
            t.strip_suffix(l.as_str()).is_some_and(|rest| {
                !rest.ends_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
            })
        })
    };
    done_label(label_before(cx, d)) || column_header(cx, d).is_some_and(done_label)
}

fn done(cx: &Context) -> Vec<Hit> {
    let Some((report, role)) = cx.facts.timeline.report_date() else {
        return Vec::new();
    };
    let Some(limit) = report.date.latest() else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (i, d) in cx.facts.dates.iter().enumerate() {
        let start = d.date.start;
        let r = reading(cx, i);
        if !in_text(cx, d)
            || d.date.end.is_some()
            || start.year_inferred
            || start.month.is_none()
            || r.in_title
        {
            continue;
        }
        let (before, after) = words(cx, r, true);
        let claimed = ["已", "了", "业已"]
            .iter()
            .any(|w| before.contains(w) || after.contains(w));
        if !(claimed && r.completion && !r.planned || completion_label(cx, d)) {
            continue;
        }
        if start.earliest().is_none_or(|e| e <= limit) {
            continue;
        }
        hits.push(
            Hit::at(d.date.span.clone())
                .label(report.span.clone(), role)
                .value("deadline", cx.doc.text(&d.date.span))
                .value("deadline_date", show(&start))
                .value("report_role", role)
                .value("report_date", show(&report.date)),
        );
    }
    hits
}

// ---------------------------------------------------------------------------------------------
// An item's time limit passed while it is open

/// A time limit written as a duration: "3个月", "三个月", "半年", "1年", "15天"; (months, days).
fn duration(text: &str) -> Option<(u32, u64)> {
    let t = text.trim();
    let t = t.strip_suffix('内').unwrap_or(t);
    if t == "半年" {
        return Some((6, 0));
    }
    let number = |s: &str| crate::text::numeral::digits_value(s).or_else(|| cn_number(s));
    if let Some(n) = t.strip_suffix("个月").or_else(|| t.strip_suffix('月')) {
        return number(n).filter(|&n| (1..=60).contains(&n)).map(|n| (n, 0));
    }
    if let Some(n) = t.strip_suffix('年') {
        return number(n)
            .filter(|&n| (1..=5).contains(&n))
            .map(|n| (12 * n, 0));
    }
    if let Some(n) = t.strip_suffix('天').or_else(|| t.strip_suffix('日')) {
        return number(n)
            .filter(|&n| (1..=1000).contains(&n))
            .map(|n| (0, u64::from(n)));
    }
    None
}

/// A small Chinese count: 三, 十二, 两.
fn cn_number(s: &str) -> Option<u32> {
    if s == "两" {
        return Some(2);
    }
    crate::text::numeral::cn_value(s)
}

/// The item's time-limit note: (the note, its text, the text's bytes). Read from the notes the
/// parser found in the item's blocks, else from its heading's own text.
fn limit_note(cx: &Context, item: &Item, note: &Regex) -> Option<(Span, String, Span)> {
    let labels = &cx.vocab.labels.deadline;
    let inline = cx.doc.blocks[cx.doc.blocks_in(&item.span)]
        .iter()
        .flat_map(|b| &b.inline)
        .find_map(|i| match i {
            Inline::Note {
                label,
                text,
                span,
                text_span,
            } if labels.iter().any(|l| l == label) => {
                Some((span.clone(), text.clone(), text_span.clone()))
            }
            _ => None,
        });
    inline.or_else(|| heading_note(cx, item, note)).or_else(|| {
        // A date labelled as the deadline anywhere in the item: "整改时限:2023年12月20日前",
        // "【整改时限】2024年3月底", the label in its own paragraph or run into the text.
        let dates = &cx.facts.dates;
        let first = dates.partition_point(|d| d.date.span.start < item.span.start);
        let d = dates[first..]
            .iter()
            .take_while(|d| d.date.span.end <= item.span.end)
            .find(|d| {
                d.date.end.is_none() && (labelled_by(cx, d, labels) || column_of(cx, d, labels))
            })?;
        Some((
            d.date.span.clone(),
            cx.doc.text(&d.date.span).to_string(),
            d.date.span.clone(),
        ))
    })
}

/// True when the text just before a date, in its passage, is one of `labels` as a label:
/// `整改时限:`, `整改时限：`, `【整改时限】`, `[整改时限]`, `整改时限为`; a label may be
/// preceded by 计划 ("计划完成时限") but not be the end of a longer word.
fn labelled_by<S: AsRef<str>>(cx: &Context, d: &DateInText, labels: &[S]) -> bool {
    let t = label_before(cx, d);
    labels.iter().any(|l| {
        t.strip_suffix(l.as_ref()).is_some_and(|rest| {
            !rest.ends_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '划')
        })
    })
}

/// How many rows above a table cell its header is looked for.
const TABLE_ROWS: usize = 300;

/// The header of the table column a date stands in, when its line is a row of a table whose
/// cells are divided by `|` or tabs: the cell of the table's first row in the same column.
fn column_header<'a>(cx: &'a Context, d: &DateInText) -> Option<&'a str> {
    let src = &cx.doc.source;
    let at = d.date.span.start;
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[at..].find('\n').map_or(src.len(), |i| at + i);
    let line = &src[line_start..line_end];
    let sep = if line.trim_start().starts_with('|') {
        '|'
    } else if line.contains('\t') {
        '\t'
    } else {
        return None;
    };
    let column = src[line_start..at].matches(sep).count();
    let mut header = None;
    let mut end = line_start;
    for _ in 0..TABLE_ROWS {
        if end == 0 {
            break;
        }
        let prev_end = end - 1;
        let prev_start = src[..prev_end].rfind('\n').map_or(0, |i| i + 1);
        let prev = &src[prev_start..prev_end];
        if !prev.contains(sep) {
            break;
        }
        // A Markdown rule row (|---|:---:|) divides the header from the body.
        if !prev
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t' | '\r'))
        {
            header = Some(prev);
        }
        end = prev_start;
    }
    header?.split(sep).nth(column).map(str::trim)
}

/// True when the date stands in a table column headed by one of `labels` ("完成时限").
fn column_of<S: AsRef<str>>(cx: &Context, d: &DateInText, labels: &[S]) -> bool {
    column_header(cx, d).is_some_and(|h| {
        labels.iter().any(|l| {
            h.strip_suffix(l.as_ref()).is_some_and(|rest| {
                !rest.ends_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '划')
            })
        })
    })
}

/// The text before a date in its passage, with the marks that end a label taken off
/// (`:`, `：`, `为`, `是`, `】`, `]`, and blanks).
fn label_before<'a>(cx: &'a Context, d: &DateInText) -> &'a str {
    let before = &cx.doc.source[d.passage.start.min(d.date.span.start)..d.date.span.start];
    let blanks = [' ', '\u{3000}', '\t'];
    let mut t = before.trim_end_matches(blanks);
    for marks in [&[':', '：'][..], &['为', '是'][..], &['】', ']', '］'][..]] {
        t = t.trim_end_matches(marks).trim_end_matches(blanks);
    }
    t
}

/// A time-limit note inside the item's heading: "(整改时限:3个月)".
fn heading_note(cx: &Context, item: &Item, note: &Regex) -> Option<(Span, String, Span)> {
    {
        let head = cx.doc.text(&item.head_span);
        // The text holds no bracket, so a note too long is skipped whole.
        let c = note.captures_iter(head).find(|c| {
            c.get(1)
                .is_some_and(|t| t.as_str().chars().count() <= NOTE_CHARS)
        })?;
        let (whole, text) = (c.get(0)?, c.get(1)?);
        let at = item.head_span.start;
        Some((
            at + whole.start()..at + whole.end(),
            text.as_str().to_string(),
            at + text.start()..at + text.end(),
        ))
    }
}

/// The item's time limit as written and the last day it allows, counted from `feedback`.
fn item_limit(
    cx: &Context,
    item: &Item,
    note: &Regex,
    feedback: Option<NaiveDate>,
) -> Option<(Span, String, NaiveDate, bool)> {
    let (note_span, text, text_span) = limit_note(cx, item, note)?;
    let first = text.split([',', '，', ';', '；', '、']).next()?.trim();
    let counted = duration(first).is_some();
    let day = match duration(first) {
        Some((months, days)) => feedback?
            .checked_add_months(Months::new(months))?
            .checked_add_days(Days::new(days))?,
        // A date written in the note: "整改时限:2023年6月底前".
        None => {
            let dates = &cx.facts.dates;
            let first = dates.partition_point(|d| d.date.span.start < text_span.start);
            dates[first..]
                .iter()
                .take_while(|d| d.date.span.end <= text_span.end)
                .find(|d| !d.date.start.year_inferred)?
                .date
                .latest()?
        }
    };
    Some((note_span, first.to_string(), day, counted))
}

fn time_limit(cx: &Context, note: &Regex) -> Vec<Hit> {
    let Some(r) = reference(cx) else {
        return Vec::new();
    };
    // Durations count from the feedback; a limit written as a date needs none.
    let fb = cx.facts.timeline.feedback.as_ref();
    let feedback = fb.and_then(|fb| {
        fb.date
            .latest()
            .filter(|_| reading(cx, fb.index).year_trusted)
    });
    let mut hits = Vec::new();
    for item in &cx.doc.items {
        let status = match item.status {
            Status::Ongoing => "正在整改",
            Status::Partial => "部分完成",
            Status::Done | Status::Unknown => continue,
        };
        let Some((span, limit, day, counted)) = item_limit(cx, item, note, feedback) else {
            continue;
        };
        if day >= r.day {
            continue;
        }
        let mut hit = Hit::at(span);
        let (mut basis, mut fed_back) = (String::new(), String::new());
        if let Some(fb) = fb.filter(|_| counted) {
            hit = hit.label(fb.span.clone(), "反馈日期");
            fed_back = show(&fb.date);
            basis = format!("自反馈日期{fed_back}起算{limit}，");
        }
        hit = hit.label(r.span.clone(), r.role);
        if let Some(s) = &item.status_span {
            hit = hit.label(s.clone(), "事项状态");
        }
        hits.push(
            hit.value("limit", limit)
                .value("feedback", fed_back)
                .value("basis", basis)
                .value("deadline_date", day)
                .value("report_role", r.role)
                .value("report_date", &r.shown)
                .value("status", status)
                .value("item", cx.doc.text(&item.head_span)),
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

    /// A report on 白石乡, inspected in 2020, fed back on 2020-12-10, signed 2021-06-25.
    fn report(opening: &str, body: &str) -> String {
        format!(
            "中共白石乡委员会关于巡察整改进展情况的通报\n\
             2020年9月7日至11月13日,县委第四巡察组对白石乡党委进行了巡察。2020年12月10日,县委第四巡察组向白石乡党委反馈了巡察意见。{opening}\n\
             一、整改落实情况\n{body}\n中共白石乡委员会\n2021年6月25日\n"
        )
    }

    /// An item with a time limit and a status.
    fn item(limit: &str, status: &str) -> String {
        report(
            "",
            &format!(
                "(一)关于“学习不深入”的问题。(整改时限:{limit})\n整改情况:制定了学习计划。{status}"
            ),
        )
    }

    /// Entries with a bracketed number and labelled lines (the item reader's `【问题N】` layout):
    /// the first with `lines`, the second done and with no time limit.
    fn entry(lines: &str) -> String {
        report(
            "",
            &format!(
                "【问题1】村级财务公开不及时\n【整改措施】制定公开制度。\n{lines}\n【问题2】村务会议记录缺失\n【整改措施】建立记录制度。\n【整改状态】已完成"
            ),
        )
    }

    /// An item with a line of its own before its rectification text, and a status.
    fn labelled(line: &str, status: &str) -> String {
        report(
            "",
            &format!("(一)关于“学习不深入”的问题。\n{line}\n整改情况:制定了学习计划。{status}"),
        )
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, String, usize)> = vec![
            // A deadline counted among the not-yet-due tasks, passed before the signing date.
            (
                "not_due",
                report(
                    "已完成17项,未到整改时限、正在整改事项8项(其中2021年5月底前需完成整改1项,7月底前需完成7项)。",
                    "",
                ),
                1,
            ),
            // Not flagged: every not-yet-due deadline is after the signing date.
            (
                "not_due",
                report(
                    "已完成17项,未到整改时限、正在整改事项8项(其中2021年7月底前需完成1项,9月底前需完成7项)。",
                    "",
                ),
                0,
            ),
            // Two passed deadlines, the second's year taken from the first deadline.
            (
                "not_due",
                report(
                    "未到整改时限、正在整改事项3项(其中2021年3月底前需完成1项,4月底前需完成2项)。",
                    "",
                ),
                2,
            ),
            // An item still in progress, planned for a date already past.
            (
                "not_due",
                report("", "正在整改中,按计划于2021年4月底前完成。"),
                1,
            ),
            // Not flagged: done before its deadline.
            ("not_due", report("", "已于2021年4月底前完成整改。"), 0),
            // Not flagged: "其中……前完成8项" counts tasks done, not open ones.
            (
                "not_due",
                report("", "其中2020年底前完成8项,正在整改3项。"),
                0,
            ),
            // Not flagged: the deadline's year came from a past event, not from a deadline.
            (
                "not_due",
                report(
                    "",
                    "2020年12月21日下发了通知,正在整改中,按计划于5月底前完成。",
                ),
                0,
            ),
            // Not flagged: the counts stand at an as-of date before the deadline.
            (
                "not_due",
                report(
                    "截至2021年5月20日,未到整改时限、正在整改事项1项(其中2021年5月底前需完成1项)。",
                    "",
                ),
                0,
            ),
            // A completion dated after the signing date.
            ("done", report("", "该问题已于2021年8月8日完成整改。"), 1),
            // Another way to claim it.
            ("done", report("", "2021年9月,该项目已全部完成整改。"), 1),
            // Not flagged: a plan.
            ("done", report("", "该问题计划于2021年8月8日完成整改。"), 0),
            // Not flagged: a bound ("前已完成"), not the day it was done.
            ("done", report("", "该问题2021年8月底前已完成整改。"), 0),
            // Not flagged: the year is not written, so it is a guess.
            ("done", report("", "该问题已于8月8日完成整改。"), 0),
            // Not flagged: "已完成整改的事项" names tasks; the sentence is a plan for September.
            (
                "done",
                report("", "2021年9月,对已完成整改的事项开展回头看。"),
                0,
            ),
            // A 3-month time limit from 2020-12-10 passed while the item is still in progress.
            ("time_limit", item("3个月,长期坚持", "正在整改中。"), 1),
            // Half a year, passed, partly done.
            ("time_limit", item("半年", "部分整改未完成。"), 1),
            // A time limit written as a date, passed.
            ("time_limit", item("2021年3月底前", "正在整改中。"), 1),
            // The note inside the heading's own text (no "。" before it).
            (
                "time_limit",
                report(
                    "",
                    "(一)关于“学习不深入”的问题(整改时限:3个月)\n整改情况:制定了学习计划。正在整改中。",
                ),
                1,
            ),
            // A note in the heading of 40 characters is read; one longer is not a note.
            (
                "time_limit",
                report(
                    "",
                    &format!(
                        "(一)关于“学习不深入”的问题(整改时限:3个月,{})\n整改情况:正在整改中。",
                        "长".repeat(36)
                    ),
                ),
                1,
            ),
            (
                "time_limit",
                report(
                    "",
                    &format!(
                        "(一)关于“学习不深入”的问题(整改时限:3个月,{})\n整改情况:正在整改中。",
                        "长".repeat(37)
                    ),
                ),
                0,
            ),
            // Not flagged: the item is done.
            ("time_limit", item("3个月,长期坚持", "已完成整改。"), 0),
            // Not flagged: one year from the feedback is after the signing date.
            ("time_limit", item("1年", "正在整改中。"), 0),
            // Not flagged: the status is not stated.
            ("time_limit", item("3个月", "制定了制度。"), 0),
            // Not flagged: 立行立改 gives no date.
            ("time_limit", item("立行立改", "正在整改中。"), 0),
            // A deadline date in a labelled line of the item, passed while it is in progress.
            (
                "time_limit",
                labelled("整改时限:2021年3月20日前", "正在整改中。"),
                1,
            ),
            (
                "time_limit",
                labelled("【整改时限】2021年5月底", "正在整改中。"),
                1,
            ),
            (
                "time_limit",
                labelled("完成时限:2021年4月30日前", "部分整改未完成。"),
                1,
            ),
            // Not flagged: the deadline is after the report date, or the item is done.
            (
                "time_limit",
                labelled("整改时限:2021年9月20日前", "正在整改中。"),
                0,
            ),
            (
                "time_limit",
                labelled("整改时限:2021年3月20日前", "已完成整改。"),
                0,
            ),
            // Not flagged: a date not labelled as the deadline.
            (
                "time_limit",
                labelled("2021年3月20日召开了专题会议", "正在整改中。"),
                0,
            ),
            // Not flagged: a year-less deadline is a guess.
            (
                "time_limit",
                labelled("整改时限:3月20日前", "正在整改中。"),
                0,
            ),
            // Entries of the `【问题N】` layout: a labelled deadline and status.
            (
                "time_limit",
                entry("【整改时限】2021年3月20日前\n【整改状态】正在推进"),
                1,
            ),
            (
                "time_limit",
                entry("整改时限:2021年5月底\n整改状态:部分整改未完成。"),
                1,
            ),
            (
                "time_limit",
                entry("整改时限:2021年4月30日前;整改状态:整改中"),
                1,
            ),
            (
                "time_limit",
                report(
                    "",
                    "| 序号 | 整改任务 | 完成时限 | 完成情况 |\n|---|---|---|---|\n| 1 | 新建村道2公里 | 2021年3月20日前 | 推进中 |\n| 2 | 清理河道3处 | 2021年9月20日前 | 推进中 |\n| 3 | 拆除违建5处 | 2021年2月20日前 | 已完成 |",
                ),
                1,
            ),
            // Not flagged: done, not yet due, no status stated, no deadline label.
            (
                "time_limit",
                entry("【整改时限】2021年3月20日前\n【整改状态】已完成"),
                0,
            ),
            (
                "time_limit",
                entry("【整改时限】2021年9月20日前\n【整改状态】正在推进"),
                0,
            ),
            (
                "time_limit",
                entry("【整改时限】2021年3月20日前\n【责任单位】镇农办"),
                0,
            ),
            // The item's status, wherever its label stands in the item.
            (
                "time_limit",
                entry("【整改时限】2021年3月20日前\n【责任单位】镇农办\n【整改状态】正在推进"),
                1,
            ),
            (
                "time_limit",
                entry("【计划】2021年3月20日前完成\n【整改状态】正在推进"),
                0,
            ),
            // A completion labelled as such, dated after the signing date.
            (
                "done",
                report("", "建成污水管网3公里(完成时间:2021年8月)。"),
                1,
            ),
            ("done", report("", "【完成时间】2021年7月5日"), 1),
            // A completion date in a table column headed 完成时间.
            (
                "done",
                report(
                    "",
                    "| 序号 | 整改任务 | 完成时间 |\n|---|---|---|\n| 1 | 新建村道2公里 | 2021年5月 |\n| 2 | 清理河道3处 | 2021年8月 |",
                ),
                1,
            ),
            // Not flagged: the column is a plan, or every completion is before the signing date.
            (
                "done",
                report(
                    "",
                    "| 序号 | 整改任务 | 计划完成时间 |\n|---|---|---|\n| 1 | 新建村道2公里 | 2021年8月 |",
                ),
                0,
            ),
            (
                "done",
                report(
                    "",
                    "序号\t整改任务\t完成时间\n1\t新建村道2公里\t2021年5月\n2\t清理河道3处\t2021年6月",
                ),
                0,
            ),
            // Not flagged: a planned completion, or one before the signing date.
            (
                "done",
                report("", "建成污水管网3公里(计划完成时间:2021年8月)。"),
                0,
            ),
            (
                "done",
                report("", "建成污水管网3公里(完成时间:2021年5月)。"),
                0,
            ),
        ];
        assert!(cases.len() >= 15);
        let passing = cases.iter().filter(|c| c.2 == 0).count();
        assert!(2 * passing >= cases.len());
        for (what, text, want) in &cases {
            assert_eq!(fires(what, text), *want, "{what}: {text}");
        }
    }

    proptest::proptest! {
        /// An item in progress whose labelled deadline is on or after the report's date is
        /// never reported; the same item with its deadline before that date always is.
        #[test]
        fn a_passed_deadline_of_an_open_item_is_reported(
            month in 1u32..=12,
            day in 1u32..=28,
            years_after in 0i32..3,
            form in 0usize..3,
        ) {
            let shown = |y: i32| match form {
                0 => format!("整改时限:{y}年{month}月{day}日前"),
                1 => format!("【整改时限】{y}年{month}月底"),
                _ => format!("完成时限:{y}年{month}月{day}日"),
            };
            // Signed 2021-06-25: a deadline in 2022 or later is not yet due, one in 2020 passed.
            let fine = labelled(&shown(2022 + years_after), "正在整改中。");
            let late = labelled(&shown(2020 - years_after), "正在整改中。");
            proptest::prop_assert_eq!(fires("time_limit", &fine), 0, "{}", fine);
            proptest::prop_assert_eq!(fires("time_limit", &late), 1, "{}", late);
        }
    }

    #[test]
    fn a_date_in_a_table_reads_its_column_header() {
        let text = report(
            "",
            "| 序号 | 整改任务 | 完成时限 | 完成情况 |\n| --- | --- | :---: | --- |\n| 1 | 新建村道 | 2021年3月20日前 | 推进中 |\n| 2 | 清理河道 | 2021年9月底前 | 推进中 |\n序号\t任务\t整改时限\n1\t清理河道\t2021年10月底前\n散文中2021年4月8日召开会议。",
        );
        let (doc, facts) = crate::analyse(&text);
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        };
        let header = |date: &str| {
            let d = facts
                .dates
                .iter()
                .find(|d| doc.text(&d.date.span) == date)
                .expect("date found");
            column_header(&cx, d)
        };
        assert_eq!(header("2021年3月20日"), Some("完成时限"));
        assert_eq!(header("2021年9月底"), Some("完成时限"));
        assert_eq!(header("2021年10月底"), Some("整改时限"));
        assert_eq!(header("2021年4月8日"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(duration("3个月"), Some((3, 0)));
        assert_eq!(duration("三个月"), Some((3, 0)));
        assert_eq!(duration("两个月内"), Some((2, 0)));
        assert_eq!(duration("半年"), Some((6, 0)));
        assert_eq!(duration("1年"), Some((12, 0)));
        assert_eq!(duration("15天"), Some((0, 15)));
        assert_eq!(duration("半年后"), None);
        assert_eq!(duration("长期坚持"), None);
        assert_eq!(duration("立行立改"), None);
        assert_eq!(duration("0个月"), None);
    }

    #[test]
    fn the_finding_names_the_deadline_and_the_report_date() {
        let text = report(
            "未到整改时限、正在整改事项2项(其中2021年5月底前需完成整改1项,7月底前需完成1项)。",
            "",
        );
        let (doc, facts) = crate::analyse(&text);
        let hits = not_due(&Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        });
        assert_eq!(hits.len(), 1);
        assert_eq!(doc.text(&hits[0].span), "2021年5月底");
        assert_eq!(hits[0].values["deadline_date"], "2021-05-31");
        assert_eq!(hits[0].values["report_date"], "2021-06-25");
        assert_eq!(doc.text(&hits[0].labels[0].span), "2021年6月25日");
    }
}
