//! What a date in a report stands for, read once per report from the words around it: a plan
//! or a deadline, a bound, an action already taken, a claim of completion; whether its year can
//! be trusted; and the dates written that cannot exist (`2023年4月31日`).
//!
//! Both date kinds (`date_order`, `deadline`) read dates through these readings, so neither has
//! to ask the other.

use super::PartialDate;
use super::checks::{arabic, chinese_small, chinese_year, day_ok};
use crate::document::Span;
use crate::facts::DateInText;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// How one date reads in its clause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// The clause text before the date, within its sentence.
    pub before: Span,
    /// The clause text after the date, within its sentence.
    pub after: Span,
    /// Like `after`, but a date that ends its clause ("2021年9月,该项目已完成……") reaches on
    /// into the next clause, which says what happened then.
    pub after_on: Span,
    /// A plan or a deadline: what is to happen (计划, 将, ……前).
    pub future: bool,
    /// A plan, a deadline, a bound or the start of a period (read reaching on): not the day
    /// something was done.
    pub planned: bool,
    /// The clause (reaching on) reports an action already taken at the date.
    pub past_action: bool,
    /// The clause (reaching on) after the date claims completion ("已完成整改", "已全部办结").
    pub completion: bool,
    /// The date is a deadline ("2021年5月底前", "按计划于9月底完成").
    pub deadline: bool,
    /// The date stands inside a book-title mark 《……》 (a document's name).
    pub in_title: bool,
    /// The year is written, or was taken (through at most a few steps) from a written date
    /// earlier in the paragraph that records something that happened, not a plan.
    pub year_trusted: bool,
    /// The date the year of a year-less date was taken from (an index into the dates): the
    /// nearest earlier date in the same passage; None when the year was written, or came from
    /// the report's own date or 今年/去年/明年.
    pub year_source: Option<usize>,
}

/// A date as written that cannot exist: `2月30日`, `2023年2月29日`, `4月31日`, `2023年13月`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Impossible {
    /// The expression's bytes.
    pub span: Span,
    /// The year when written.
    pub year: Option<i32>,
    /// The month as written.
    pub month: u32,
    /// The day as written.
    pub day: Option<u32>,
}

/// The readings of a report's dates, parallel to [`crate::facts::Facts::dates`], and the
/// impossible dates of its text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Readings {
    /// One reading per date, in the order of the dates.
    pub dates: Vec<Reading>,
    /// Dates that cannot exist, in text order.
    pub impossible: Vec<Impossible>,
}

impl Readings {
    /// Read every date of `dates` (spans into `source`) and find the impossible dates of the
    /// `passages` of `source`.
    pub fn read(source: &str, dates: &[DateInText], passages: &[Span]) -> Readings {
        let mut out: Vec<Reading> = dates
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let (before, after) = clause(source, d);
                let (_, after_on) = clause_on(source, d);
                let (b, a, o) = (
                    &source[before.clone()],
                    &source[after.clone()],
                    &source[after_on.clone()],
                );
                Reading {
                    future: future(b, a),
                    planned: planned(b, o),
                    past_action: past_action(b, o),
                    completion: completion_claim(o),
                    deadline: deadline_form(b, a),
                    in_title: in_title(source, d),
                    before,
                    after,
                    after_on,
                    year_trusted: false,
                    year_source: year_source(source, dates, i),
                }
            })
            .collect();
        for i in 0..out.len() {
            out[i].year_trusted = year_trusted(source, dates, &out, i);
        }
        let impossible = passages
            .iter()
            .flat_map(|p| {
                impossible_dates(&source[p.clone()])
                    .into_iter()
                    .map(move |mut x| {
                        x.span = x.span.start + p.start..x.span.end + p.start;
                        x
                    })
            })
            .collect();
        Readings {
            dates: out,
            impossible,
        }
    }
}

/// Marks that end a clause inside a sentence.
const CLAUSE_STOPS: &[char] = &[
    '，', ',', '；', ';', '：', ':', '。', '！', '？', '(', '（', ')', '）',
];

/// The clause before and after a date, within its sentence (bytes into the source).
pub fn clause(source: &str, d: &DateInText) -> (Span, Span) {
    let s0 = d.sentence.start.min(d.date.span.start);
    let e0 = d.sentence.end.max(d.date.span.end);
    let before = &source[s0..d.date.span.start];
    let after = &source[d.date.span.end..e0];
    let b = before.rfind(CLAUSE_STOPS).map_or(s0, |i| {
        s0 + i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let a = after.find(CLAUSE_STOPS).map_or(e0, |i| d.date.span.end + i);
    (b..d.date.span.start, d.date.span.end..a)
}

/// Like [`clause`], but a date that ends its clause ("2021年9月,该项目已完成……") reaches on
/// into the next clause, which says what happened then.
pub fn clause_on(source: &str, d: &DateInText) -> (Span, Span) {
    let (before, after) = clause(source, d);
    if !source[after.clone()].trim().is_empty() {
        return (before, after);
    }
    let e0 = d.sentence.end.max(d.date.span.end);
    let rest = &source[d.date.span.end..e0];
    let trimmed = rest.trim_start();
    let Some(r) = trimmed.strip_prefix([',', '，']) else {
        return (before, after);
    };
    let from = e0 - r.len();
    let to = r.find(CLAUSE_STOPS).map_or(e0, |i| from + i);
    (before, from..to)
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
pub fn future(before: &str, after: &str) -> bool {
    let after = after.trim_start();
    FUTURE_BEFORE.iter().any(|w| before.contains(w))
        || DEADLINE_AFTER.iter().any(|w| after.starts_with(w))
        || FUTURE_AFTER.iter().any(|w| after.contains(w))
}

/// True when the date is a plan, a deadline, a bound or the start of a period: not the day
/// something was done.
pub fn planned(before: &str, after: &str) -> bool {
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
pub fn past_action(before: &str, after: &str) -> bool {
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

/// How far back (in bytes, about 100 characters) a 《 can open the title a date stands in.
const TITLE_REACH: usize = 300;

/// True when the date stands inside a book-title mark 《……》 (a document's name).
pub fn in_title(source: &str, d: &DateInText) -> bool {
    // A title is short: look back at most TITLE_REACH bytes for its 《, so that a paragraph of
    // many dates costs each date a bounded search, not one back to the paragraph's start.
    let mut from = d
        .passage
        .start
        .min(d.date.span.start)
        .max(d.date.span.start.saturating_sub(TITLE_REACH));
    while !source.is_char_boundary(from) {
        from += 1;
    }
    let before = &source[from..d.date.span.start];
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// True when the date is a deadline: "2021年5月底前", "按计划于9月底完成", "整改时限为……".
pub fn deadline_form(before: &str, after: &str) -> bool {
    let after = after.trim_start();
    let rest = ["全面", "全部", "如期"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after);
    ["前", "之前", "以前"].iter().any(|w| after.starts_with(w))
        || before.contains("计划") && (rest.starts_with("完成") || rest.starts_with("整改"))
}

/// True when the clause after a date claims completion ("完成整改", "已全部办结").
pub fn completion_claim(after: &str) -> bool {
    let t = after.trim_start();
    // The claim follows the date, or a short subject after it ("该项目已全部完成").
    let near: usize = t.char_indices().nth(12).map_or(t.len(), |(i, _)| i);
    let starts = std::iter::once(0).chain(t[..near].match_indices('已').map(|(i, _)| i));
    starts.into_iter().any(|at| {
        let mut rest = &t[at..];
        while let Some(r) = ADVERBS.iter().find_map(|w| rest.strip_prefix(w)) {
            rest = r;
        }
        COMPLETED.iter().any(|w| {
            rest.strip_prefix(w).is_some_and(|tail| {
                // "已完成整改的事项" names tasks; it does not report one done.
                !tail.strip_prefix("整改").unwrap_or(tail).starts_with('的')
            })
        })
    })
}

/// Adverbs that may come between a date and the word of completion.
const ADVERBS: &[&str] = &[
    "已经", "已", "均", "全部", "全面", "基本", "顺利", "如期", "按期",
];

/// Words that say a task is finished.
const COMPLETED: &[&str] = &[
    "完成",
    "整改完成",
    "整改到位",
    "办结",
    "销号",
    "竣工",
    "建成",
    "通过验收",
];

/// 今年, 去年, 明年: the year counts from the report's date.
fn relative(source: &str, d: &DateInText) -> bool {
    let text = &source[d.date.span.clone()];
    ["今年", "去年", "明年"].iter().any(|w| text.starts_with(w))
}

/// The date the scanner took a year-less date's year from: the nearest earlier date in the
/// same passage; None when the year was written, or came from the report's own date.
pub fn year_source(source: &str, dates: &[DateInText], index: usize) -> Option<usize> {
    let d = dates.get(index)?;
    if !d.date.start.year_inferred || relative(source, d) {
        return None;
    }
    (0..index)
        .rev()
        .take_while(|&j| dates[j].passage == d.passage)
        .find(|&j| dates[j].date.start.year.is_some())
}

/// True when a range's end is before its start.
pub fn reversed(d: &DateInText) -> bool {
    match (d.date.earliest(), d.date.latest()) {
        (Some(a), Some(b)) => a > b,
        _ => false,
    }
}

/// [`Reading::year_trusted`] for date `index`, given the readings of the dates before it.
fn year_trusted(source: &str, dates: &[DateInText], readings: &[Reading], index: usize) -> bool {
    let mut at = index;
    for _ in 0..8 {
        let Some(d) = dates.get(at) else {
            return false;
        };
        if !d.date.start.year_inferred {
            return true;
        }
        let Some(from) = year_source(source, dates, at) else {
            return false;
        };
        if readings[from].future || reversed(&dates[from]) {
            return false;
        }
        at = from;
    }
    false
}

/// A date for messages: "2023-01-23", or "2023-12" for a month.
pub fn show(d: &PartialDate) -> String {
    d.iso().unwrap_or_default()
}

/// An Arabic-digit date as written, month and day possibly impossible; the year optional. A
/// digit or decimal point glued before it is checked by hand.
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:(?P<y>[0-9０-９]{4})[ \u{3000}]{0,3}年[ \u{3000}]{0,3})?(?P<m>[0-9０-９]{1,2})[ \u{3000}]{0,3}月(?:[ \u{3000}]{0,3}(?P<d>[0-9０-９]{1,2})[ \u{3000}]{0,3}[日号])?",
    )
    .expect("written date")
});

/// A date in Chinese numerals with its year written digit by digit: 二〇二三年二月三十日.
static WRITTEN_CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?P<y>[〇○零一二三四五六七八九OＯ]{4})[ \u{3000}]{0,3}年[ \u{3000}]{0,3}(?P<m>十[一二]?|[一二三四五六七八九])[ \u{3000}]{0,3}月[ \u{3000}]{0,3}(?P<d>三十[一二三四五六七八九]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[ \u{3000}]{0,3}[日号]",
    )
    .expect("written Chinese date")
});

/// Dates in `text` that cannot exist: a month outside 1..=12 after a written year
/// (`2023年13月`), or a day the month does not have (`4月31日`, `2月30日`, `2023年2月29日`;
/// 29 February without a year is possible). Spans are into `text`.
pub fn impossible_dates(text: &str) -> Vec<Impossible> {
    let mut out = Vec::new();
    if !text.contains('月') {
        return out;
    }
    for c in WRITTEN_CHINESE.captures_iter(text) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let glued = text[..whole.start]
            .chars()
            .next_back()
            .is_some_and(|p| "〇○零一二三四五六七八九十百千万两OＯ".contains(p));
        let read =
            |name: &str, f: fn(&str) -> Option<u32>| c.name(name).and_then(|m| f(m.as_str()));
        let (Some(y), Some(month), Some(day)) = (
            read("y", chinese_year).and_then(|y| (1900..=2099).contains(&y).then_some(y as i32)),
            read("m", chinese_small),
            read("d", chinese_small),
        ) else {
            continue;
        };
        if !glued && !day_ok(Some(y), month, day) {
            out.push(Impossible {
                span: whole,
                year: Some(y),
                month,
                day: Some(day),
            });
        }
    }
    for c in WRITTEN.captures_iter(text) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let glued = text[..whole.start].chars().next_back().is_some_and(|p| {
            p.is_ascii_digit() || ('０'..='９').contains(&p) || p == '.' || p == '．'
        });
        if glued {
            continue;
        }
        let year = c
            .name("y")
            .and_then(|y| arabic(y.as_str()))
            .filter(|y| (1900..=2099).contains(y))
            .map(|y| y as i32);
        if c.name("y").is_some() && year.is_none() {
            continue;
        }
        let Some(month) = c.name("m").and_then(|m| arabic(m.as_str())) else {
            continue;
        };
        let day = c.name("d").and_then(|d| arabic(d.as_str()));
        let bad = match day {
            // A month out of range only with a year: "13月" alone may be a count of months.
            None => year.is_some() && !(1..=12).contains(&month),
            Some(d) => {
                (1..=12).contains(&month) && (1..=31).contains(&d) && !day_ok(year, month, d)
                    || year.is_some() && !(1..=12).contains(&month)
            }
        };
        if bad {
            out.push(Impossible {
                span: whole,
                year,
                month,
                day,
            });
        }
    }
    out.sort_by_key(|x| x.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The impossible dates of `text`, as written.
    fn found(text: &str) -> Vec<&str> {
        impossible_dates(text)
            .into_iter()
            .map(|x| &text[x.span])
            .collect()
    }

    #[test]
    fn impossible_dates_table() {
        let cases: &[(&str, &[&str])] = &[
            ("2023年4月31日,镇党委召开会议", &["2023年4月31日"]),
            ("于2024年2月30日召开", &["2024年2月30日"]),
            ("2023年2月29日", &["2023年2月29日"]),
            ("6月31号前上报", &["6月31号"]),
            ("２０２３年１１月３１日", &["２０２３年１１月３１日"]),
            ("2023年13月", &["2023年13月"]),
            ("2023 年 9 月 31 日", &["2023 年 9 月 31 日"]),
            ("二〇二三年二月三十日", &["二〇二三年二月三十日"]),
            ("二○二三年四月三十一日印发", &["二○二三年四月三十一日"]),
            ("二〇二四年二月二十九日", &[]),
            ("二〇二三年十月十三日", &[]),
            // Possible dates, counts, glued numbers.
            ("2024年2月29日", &[]),
            ("2月29日", &[]),
            ("2023年4月30日至5月31日", &[]),
            ("共计13月次", &[]),
            ("12.4月31日", &[]),
            ("编号12023年4月31日", &[]),
            ("每月31日前", &[]),
            ("4月0日", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), *want, "{text}");
        }
    }

    proptest! {
        /// A day the month has is never reported; the day after the month's last always is.
        #[test]
        fn a_day_past_the_month_is_impossible(
            year in 1990i32..2060,
            month in 1u32..=12,
            day in 1u32..=31,
        ) {
            let last = (28..=31)
                .rev()
                .find(|&d| chrono::NaiveDate::from_ymd_opt(year, month, d).is_some())
                .unwrap();
            let day = day.min(last);
            let fine = format!("于{year}年{month}月{day}日召开会议");
            prop_assert!(found(&fine).is_empty(), "{}", fine);
            if last < 31 {
                let bad = format!("于{year}年{month}月{}日召开会议", last + 1);
                prop_assert_eq!(found(&bad).len(), 1, "{}", bad);
            }
        }

        /// Any text: no panic, spans on character boundaries.
        #[test]
        fn any_text(text in "[0-9０-９年月日号. 至一二\u{3000}a]{0,40}") {
            for x in impossible_dates(&text) {
                prop_assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
            }
        }
    }

    #[test]
    fn readings_of_dates_in_a_report() {
        let text = "中共青柳镇委员会关于巡察整改进展情况的通报\n2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。\n一、整改情况\n计划于2023年12月底前完成整改。该项目已于2023年9月8日完成整改。2023年10月5日,召开了党委会议。印发《2023年工作方案》。\n中共青柳镇委员会\n2024年1月10日\n";
        let (doc, facts) = crate::analyse(text);
        let reading = |date: &str| {
            let i = facts
                .dates
                .iter()
                .position(|d| doc.text(&d.date.span) == date)
                .expect("date found");
            facts.date_readings.dates[i].clone()
        };
        let plan = reading("2023年12月底");
        assert!(plan.future && plan.planned && plan.deadline && !plan.completion);
        let done = reading("2023年9月8日");
        assert!(done.completion && done.past_action && !done.planned);
        let meeting = reading("2023年10月5日");
        assert!(meeting.past_action && !meeting.future && !meeting.completion);
        assert!(reading("2023年").in_title);
        let end_of_range = reading("2023年3月6日至4月14日");
        assert!(end_of_range.year_trusted);
        assert_eq!(facts.date_readings.dates.len(), facts.dates.len());
    }
}
