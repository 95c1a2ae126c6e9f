//! Dates in report text: full, year-less, month-only, 月底/年底/上旬, ranges, web style.

use chrono::NaiveDate;
use serde::Serialize;
use std::ops::Range;

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
        None
    }
    /// The last day this date can mean (31 Dec for a bare year, the month's last day for 月底).
    pub fn latest(&self) -> Option<NaiveDate> {
        None
    }
    /// "YYYY-MM-DD" when the day is known, "YYYY-MM" when only the month, "YYYY" when only the year.
    pub fn iso(&self) -> Option<String> {
        None
    }
}

/// Every date in `text`. A year-less date takes its year from the nearest earlier dated
/// expression in `text`, else from `default_year`. Spans are byte offsets into `text`.
pub fn scan_dates(_text: &str, _default_year: Option<i32>) -> Vec<DateFact> {
    Vec::new()
}
