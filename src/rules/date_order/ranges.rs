//! Ranges whose end precedes their start, and dates that cannot exist.
//!
//! A range's end that does not write its year takes the start's (`2024年9月12日至8月20日` runs
//! backwards). One exception, decided here: an end month before the start month, read in the
//! next year, gives a range of at most [`YEAR_END_MONTHS`] months (`2022年11月至3月`,
//! `12月28日至1月5日`, `12月至1月`): such a range most likely runs over the year end with the
//! second year left out, as winter campaigns are written, so it is not reported. A longer one
//! (`9月9日至8月10日` would last eleven months) is a slip of the pen far more often than a
//! campaign whose end year the author left out. `次年`/`翌年`/`第二年` or a written year settle
//! the question (the scanner reads them).

use super::{Context, Hit, in_chrome};
use crate::document::Span;
use crate::facts::date::PartialDate;
use chrono::NaiveDate;

/// The longest range, in months, read as running over the year end when its end writes no year.
pub(super) const YEAR_END_MONTHS: u32 = 6;

/// A year for dates written with none at all (a leap year: 29 February is possible).
const ANY_YEAR: i32 = 2000;

pub(super) fn ranges(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    for d in &cx.facts.dates {
        let (start, Some(end)) = (d.date.start, d.date.end) else {
            continue;
        };
        if d.date.web || in_chrome(cx, &d.date.span) {
            continue;
        }
        // No year known, yet one is named (去年3月至今年2月, 11月至次年10月, with no report
        // date to count from): the two ends may be in different years.
        if start.year.is_none() && end_text(cx.doc.text(&d.date.span)).contains('年') {
            continue;
        }
        if backward(&start, &end) {
            hits.push(
                Hit::at(d.date.span.clone())
                    .value("text", cx.doc.text(&d.date.span))
                    .value("first", shown(&start))
                    .value("second", shown(&end)),
            );
        }
    }
    hits
}

/// How a range reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// In order on some reading, or not comparable.
    Forward,
    /// Backwards on every reading the text allows.
    Backward,
    /// Backwards as written, but its end may be in a later year: not checked, with why.
    Unsure(&'static str),
}

/// How the range from `start` to `end` reads.
pub(super) fn order(start: &PartialDate, end: &PartialDate) -> Order {
    let (mut s, mut e) = (*start, *end);
    match (s.year, e.year) {
        (Some(_), Some(_)) => {}
        (None, None) => {
            s.year = Some(ANY_YEAR);
            e.year = Some(ANY_YEAR);
        }
        _ => return Order::Forward,
    }
    let (Some(lo), Some(hi)) = (s.earliest(), e.latest()) else {
        return Order::Forward;
    };
    if lo <= hi {
        return Order::Forward;
    }
    // A written end after a start whose year is a guess: the start may be in an earlier year.
    if start.year_inferred && !end.year_inferred {
        return Order::Unsure(
            "未核对：起点未写年份而终点写明年份，起点可能在更早的年份 / not checked: the start's year is not written",
        );
    }
    // The end took the start's year: it may run into the next year (see the module's notes).
    let unwritten = end.year_inferred || end.year.is_none();
    if unwritten && end.year == start.year && over_year_end(start, end) {
        return Order::Unsure(
            "未核对：终点未写年份，按次年理解为不超过6个月的跨年区间 / not checked: may run into the next year",
        );
    }
    Order::Backward
}

/// The text of a range after its last separator: its end as written.
fn end_text(range: &str) -> &str {
    range
        .rfind(['至', '到', '—', '–', '―', '－', '-', '～', '~', '〜'])
        .map_or(range, |i| &range[i..])
}

/// True when the range from `start` to `end` runs backwards on every reading the text allows.
pub(super) fn backward(start: &PartialDate, end: &PartialDate) -> bool {
    order(start, end) == Order::Backward
}

/// The ranges that read backwards as written but may run into a later year, with why.
pub(super) fn unchecked(cx: &Context) -> Vec<(Span, String)> {
    cx.facts
        .dates
        .iter()
        .filter(|d| !d.date.web && !in_chrome(cx, &d.date.span))
        .filter_map(|d| match order(&d.date.start, d.date.end.as_ref()?) {
            Order::Unsure(why) => Some((d.date.span.clone(), why.to_string())),
            _ => None,
        })
        .collect()
}

/// True when the end's month, read in the year after the start's, closes a range of at most
/// [`YEAR_END_MONTHS`] months.
fn over_year_end(start: &PartialDate, end: &PartialDate) -> bool {
    match (start.month, end.month) {
        (Some(a), Some(b)) if b < a => b + 12 - a <= YEAR_END_MONTHS,
        _ => false,
    }
}

/// A date for messages, "2023-08-25", or "8月25日" when no year is known.
fn shown(d: &PartialDate) -> String {
    if let Some(iso) = d.iso() {
        return iso;
    }
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{m}月{day}日"),
        (Some(m), None) => format!("{m}月"),
        _ => String::new(),
    }
}

/// The number of days in month `m` of year `y` (of a leap year when `y` is not known).
fn days_in(y: Option<i32>, m: u32) -> Option<u32> {
    let y = y.unwrap_or(ANY_YEAR);
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(y, m, d).is_some())
}

pub(super) fn impossible(cx: &Context) -> Vec<Hit> {
    cx.facts
        .date_readings
        .impossible
        .iter()
        .map(|x| {
            let reason = match (x.day, days_in(x.year, x.month)) {
                (Some(_), Some(n)) => match x.year {
                    Some(y) => format!("{y}年{}月只有{n}天", x.month),
                    None if x.month == 2 => "2月最多29天".to_string(),
                    None => format!("{}月只有{n}天", x.month),
                },
                _ => "一年只有12个月".to_string(),
            };
            Hit::at(x.span.clone())
                .value("text", cx.doc.text(&x.span))
                .value("reason", reason)
        })
        .collect()
}
