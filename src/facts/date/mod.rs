//! Dates in report text: full, year-less, month-only, 月底/年底/上旬, ranges, web style.
//!
//! # What is found
//! - Full dates `2022年6月24日`, `2022年6月24号`, spaced `2022 年 6 月 24 日`, full-width digits,
//!   Chinese numerals written digit by digit `二〇二三年十月十三日` (`〇`, `○`, `零`, `O` as zero).
//! - Year-less `7月31日`, month-only `2023年12月`, `12月`, `5月份`, year-only `2019年`,
//!   `2022年度`, parts `12月底`/`12月末`, `3月上旬`/`中旬`/`下旬`, `3月初`, `2019年底`, `年初`,
//!   `年中`. A part with no number (`年底前`) is not a date.
//! - `今年8月`, `去年8月`, `明年3月`: the year counts from `default_year` (inferred), never from
//!   the context; with no `default_year` the year stays `None`.
//! - Ranges joined by 至, 到, —, –, ―, －, -, ～, ~, 〜 (never 一): `2022年6月24日至8月10日`,
//!   `8月25日-28日`, `2016至2019年`, `2023年1-3月`, `3月15至20日`. The end inherits what it
//!   leaves out (year, month) from the start; an end after `次年`, `翌年` or `第二年`
//!   (`2023年11月至次年2月`) is in the year after the start's.
//! - Web style `2024-02-02 10:30`, `2021- 06- 28 16: 53`, `2024/02/02` (`web: true`); the time
//!   belongs to the span but is otherwise ignored.
//!
//! # What is not a date
//! Durations (`3个月`, `半年`, `近三年`, `3年`: an Arabic year needs four digits in 1900..=2099, a
//! Chinese year four digits written one by one), ordinals (`第14次`), document numbers
//! (`〔2022〕100号`: no 年), numbers glued to other digits or a decimal point (`12023年`, `2.5月`),
//! impossible dates (`13月`, `2月30日`, `2023年2月29日`: the whole expression is skipped), a
//! Chinese month with no year and no day (`一月一研判`), a bare day (`每月5日`).
//! `年中`/`月中` and `年初`/`月初` lose their part when the next character makes a word of it
//! (`2023年中央…`, `2023年初步…` give just `2023年`).
//!
//! # Year inference
//! A date whose year is not written takes the year of the nearest earlier date expression that has
//! one (written or inferred; for a range, its end), else `default_year`, with `year_inferred`. No
//! other guessing: dates that come out of order are for the rules to report.
//!
//! # Earliest and latest day
//! | written            | earliest  | latest        |
//! |--------------------|-----------|---------------|
//! | day                | the day   | the day       |
//! | month              | 1st       | last day      |
//! | 上旬, 月初         | 1st       | 10th          |
//! | 中旬, 月中         | 11th      | 20th          |
//! | 下旬               | 21st      | last day      |
//! | 月底, 月末         | 21st      | last day      |
//! | year               | 1 Jan     | 31 Dec        |
//! | 年初               | 1 Jan     | 31 Mar        |
//! | 年中               | 1 Jun     | 31 Jul        |
//! | 年底, 年末         | 1 Dec     | 31 Dec        |
//!
//! 月底 ends on the month's last day (a deadline `12月底前` is met on 31 Dec), but as the date
//! of an event it means "late in the month", so it may begin on the 21st like 下旬; the rules
//! compare intervals and so do not report an event `12月底` next to `12月25日`.

use chrono::NaiveDate;
use serde::Serialize;
use std::ops::Range;

mod atom;
mod checks;
mod patterns;
mod ranges;
pub mod reading;

use atom::read_atom;
use patterns::ATOM;
use ranges::{EndYear, range_after, range_before};
pub use reading::{Impossible, Reading, Readings};

/// A part of a month or year named instead of a day: 上旬, 中旬, 下旬, 初, 底/末.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// No part named.
    None,
    /// 上旬, 初 (月初, 年初)
    Early,
    /// 中旬, 年中
    Mid,
    /// 下旬
    Late,
    /// 底, 末 (月底, 年底, 年末)
    End,
}

/// A date as precise as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    /// The year, written or inferred; None when neither the text nor the default gives one.
    pub year: Option<i32>,
    /// True when the year was not written but taken from context.
    pub year_inferred: bool,
    /// 1..=12 when given.
    pub month: Option<u32>,
    /// 1..=31 when given.
    pub day: Option<u32>,
    /// A named part of the month (or of the year, when month is None).
    pub part: Part,
}

/// One date or date range found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateFact {
    /// Bytes of the whole expression, range included.
    pub span: Range<usize>,
    /// The date, or the start of the range.
    pub start: PartialDate,
    /// The end of a range ("至8月10日"), with year and month inherited from the start.
    pub end: Option<PartialDate>,
    /// Written in web style: "2024-02-02 10:30", "2021- 06- 28 16: 53".
    pub web: bool,
}

impl PartialDate {
    /// The first day this date can mean (1 Jan for a bare year, the 21st for 下旬).
    pub fn earliest(&self) -> Option<NaiveDate> {
        let y = self.year?;
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
            (Some(m), None) => {
                let d = match self.part {
                    Part::None | Part::Early => 1,
                    Part::Mid => 11,
                    Part::Late | Part::End => 21,
                };
                NaiveDate::from_ymd_opt(y, m, d)
            }
            (None, Some(_)) => None,
            (None, None) => {
                let m = match self.part {
                    Part::None | Part::Early => 1,
                    Part::Mid => 6,
                    Part::Late => 10,
                    Part::End => 12,
                };
                NaiveDate::from_ymd_opt(y, m, 1)
            }
        }
    }

    /// The last day this date can mean (31 Dec for a bare year, the month's last day for 月底).
    pub fn latest(&self) -> Option<NaiveDate> {
        let y = self.year?;
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
            (Some(m), None) => match self.part {
                Part::Early => NaiveDate::from_ymd_opt(y, m, 10),
                Part::Mid => NaiveDate::from_ymd_opt(y, m, 20),
                Part::None | Part::Late | Part::End => last_day(y, m),
            },
            (None, Some(_)) => None,
            (None, None) => match self.part {
                Part::Early => NaiveDate::from_ymd_opt(y, 3, 31),
                Part::Mid => NaiveDate::from_ymd_opt(y, 7, 31),
                Part::None | Part::Late | Part::End => NaiveDate::from_ymd_opt(y, 12, 31),
            },
        }
    }

    /// "YYYY-MM-DD" when the day is known, "YYYY-MM" when only the month, "YYYY" when only the year.
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        Some(match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y:04}-{m:02}"),
            (None, _) => format!("{y:04}"),
        })
    }
}

impl DateFact {
    /// The first day the expression can mean: the start's earliest day.
    pub fn earliest(&self) -> Option<NaiveDate> {
        self.start.earliest()
    }

    /// The last day the expression can mean: the end's latest day for a range, else the start's.
    pub fn latest(&self) -> Option<NaiveDate> {
        match &self.end {
            Some(end) => end.latest(),
            None => self.start.latest(),
        }
    }
}

/// The last day of month `m` in year `y`.
fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 {
        (y.checked_add(1)?, 1)
    } else {
        (y, m + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// One expression before year inference.
struct Found {
    span: Range<usize>,
    start: PartialDate,
    start_rel: Option<i32>,
    end: Option<(PartialDate, Option<EndYear>)>,
    web: bool,
}

/// Every date in `text`. A year-less date takes its year from the nearest earlier dated
/// expression in `text`, else from `default_year`. Spans are byte offsets into `text`.
pub fn scan_dates(text: &str, default_year: Option<i32>) -> Vec<DateFact> {
    scan(text, default_year, true)
}

/// [`scan_dates`]; with `skip_ahead` false the pattern is asked from every position the scan
/// reaches, not from near the next `TRIGGERS` character (the tests compare the two).
fn scan(text: &str, default_year: Option<i32>, skip_ahead: bool) -> Vec<DateFact> {
    let mut found: Vec<Found> = Vec::new();
    let mut pos = 0;
    let mut floor = 0;
    while pos < text.len() {
        // The pattern is asked only from a little before the next character that every atom
        // holds (see `TRIGGERS`): most of a report's text is never searched, and a passage
        // without one is not searched at all. The same atoms are found: none starts earlier.
        let mut from = pos;
        if skip_ahead {
            let Some(t) = text[pos..].find(TRIGGERS) else {
                break;
            };
            from = (pos + t).saturating_sub(TRIGGER_LEAD).max(pos);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
        }
        let Some(c) = ATOM.captures_at(text, from) else {
            break;
        };
        let whole = c.get(0).map_or(pos..text.len(), |m| m.range());
        let Some(a) = read_atom(&c, 0, text) else {
            // Skip the whole expression: nothing inside it is a date on its own.
            pos = whole.end.max(pos + 1);
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
            continue;
        };
        let f = if let Some((start, end, end_rel, stop)) = range_after(text, &a) {
            Found {
                span: a.span.start..stop,
                start,
                start_rel: a.rel,
                end: Some((end, end_rel)),
                web: a.web,
            }
        } else if let Some((start, from)) = range_before(text, &a, floor) {
            Found {
                span: from..a.span.end,
                start,
                start_rel: None,
                end: Some((a.date, a.rel.map(EndYear::Report))),
                web: false,
            }
        } else {
            Found {
                span: a.span.clone(),
                start: a.date,
                start_rel: a.rel,
                end: None,
                web: a.web,
            }
        };
        pos = f.span.end;
        floor = f.span.end;
        found.push(f);
    }
    infer_years(found, default_year)
}

/// Characters one of which every date atom holds: 年 (a year, 今年), 月 (a month) or a web
/// date's separator.
const TRIGGERS: [char; 6] = ['年', '月', '-', '/', '－', '／'];

/// Bytes an atom can start before its first `TRIGGERS` character: at most seven characters
/// (four digits of a year and three spaces), of at most three bytes each.
const TRIGGER_LEAD: usize = 7 * 3;

/// Fills in years that are not written, in text order.
fn infer_years(found: Vec<Found>, default_year: Option<i32>) -> Vec<DateFact> {
    let relative = |off: i32| default_year.and_then(|y| y.checked_add(off));
    let mut context: Option<i32> = None;
    found
        .into_iter()
        .map(|f| {
            let mut start = f.start;
            if start.year.is_none() {
                start.year = match f.start_rel {
                    Some(off) => relative(off),
                    None => context.or(default_year),
                };
                start.year_inferred = start.year.is_some();
            }
            let end = f.end.map(|(mut end, rel)| {
                if end.year.is_none() {
                    end.year = match rel {
                        Some(EndYear::Report(off)) => relative(off),
                        Some(EndYear::NextAfterStart) => start.year.and_then(|y| y.checked_add(1)),
                        None => start.year,
                    };
                    end.year_inferred = end.year.is_some();
                }
                end
            });
            if let Some(y) = end.and_then(|e| e.year).or(start.year) {
                context = Some(y);
            }
            DateFact {
                span: f.span,
                start,
                end,
                web: f.web,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
