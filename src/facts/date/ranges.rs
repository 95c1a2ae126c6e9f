//! Ranges: the end of a range after a date, or a bare start before one.

use super::atom::{Atom, NO_DATE, atom_at};
use super::checks::{arabic, blocks_arabic, day_ok, prev_char, year_ok};
use super::patterns::{LOOK_BACK, day_at, num_sep_at, num_sep_before, sep_at};
use super::{Part, PartialDate};

/// Where a range's end takes a year it does not write from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EndYear {
    /// 今年 (0), 去年 (-1), 明年 (1): counted from the report's year.
    Report(i32),
    /// 次年, 翌年, 第二年: the year after the range's start.
    NextAfterStart,
}

/// A range: its start, its end, where the end's year comes from when it is not written, and
/// where the range ends.
type RangeEnd = (PartialDate, PartialDate, Option<EndYear>, usize);

/// Words that put a range's end in the year after its start: `2023年11月至次年2月`.
const NEXT_YEAR: [&str; 3] = ["次年", "翌年", "第二年"];

/// A range's end at `at`: a date, or 次年/翌年/第二年 and a year-less month.
fn end_at(text: &str, at: usize) -> Option<(PartialDate, Option<EndYear>, usize)> {
    if let Some(e) = atom_at(text, at) {
        return Some((e.date, e.rel.map(EndYear::Report), e.span.end));
    }
    let word = NEXT_YEAR.iter().find(|w| text[at..].starts_with(**w))?;
    let e = atom_at(text, at + word.len())
        .filter(|e| e.rel.is_none() && e.date.year.is_none() && e.date.month.is_some())?;
    Some((e.date, Some(EndYear::NextAfterStart), e.span.end))
}

/// The end of a range that begins with `a`, if the text after `a` makes one. Gives the start
/// (possibly with a bare number filled in), the end, its relative year, and where the range ends.
pub(super) fn range_after(text: &str, a: &Atom) -> Option<RangeEnd> {
    if let Some(r) = range_after_number(text, a) {
        return Some(r);
    }
    let at = a.span.end + sep_at(&text[a.span.end..])?;
    if let Some((end, year, stop)) = end_at(text, at) {
        return Some((a.date, end, year, stop));
    }
    if a.date.day.is_some() {
        return bare_day(text, at, &a.date);
    }
    None
}

/// `2023年1-3月`, `3月15至20日`: a bare number after `a` completes the start of a range.
fn range_after_number(text: &str, a: &Atom) -> Option<RangeEnd> {
    if !a.year_only() && !a.month_only() {
        return None;
    }
    let rest = &text[a.span.end..];
    let (digits, end) = num_sep_at(rest)?;
    let n = arabic(&rest[digits])?;
    let at = a.span.end + end;
    let mut start = a.date;
    if a.year_only() {
        if !(1..=12).contains(&n) {
            return None;
        }
        start.month = Some(n);
        let e = atom_at(text, at).filter(|e| e.date.month.is_some())?;
        return Some((start, e.date, e.rel.map(EndYear::Report), e.span.end));
    }
    if !day_ok(start.year, start.month?, n) {
        return None;
    }
    start.day = Some(n);
    match atom_at(text, at) {
        Some(e) => Some((start, e.date, e.rel.map(EndYear::Report), e.span.end)),
        None => bare_day(text, at, &start),
    }
}

/// `28日` at `at`, ending a range that starts with `start` (which has a month).
fn bare_day(text: &str, at: usize, start: &PartialDate) -> Option<RangeEnd> {
    let (digits, day_end) = day_at(&text[at..])?;
    let day = arabic(&text[at..][digits])?;
    let month = start.month?;
    if !day_ok(start.year, month, day) {
        return None;
    }
    let end = PartialDate {
        year: None,
        year_inferred: false,
        month: Some(month),
        day: Some(day),
        part: Part::None,
    };
    Some((*start, end, None, at + day_end))
}

/// The start of the text window of at most `LOOK_BACK` characters before `at`.
fn window_start(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .take(LOOK_BACK)
        .last()
        .map_or(at, |(i, _)| i)
}

/// A bare start before `a`: `2016至` before `2019年`, `1-` before `3月`. Gives the start and
/// where it begins; never reaches back to `floor`.
pub(super) fn range_before(text: &str, a: &Atom, floor: usize) -> Option<(PartialDate, usize)> {
    if a.rel.is_some() || a.web {
        return None;
    }
    let w = window_start(text, a.span.start).max(floor);
    if !text.is_char_boundary(w) {
        return None;
    }
    let window = &text[w..a.span.start];
    if a.year_only() {
        let n = num_sep_before(window, 4..=4)?;
        if prev_char(text, w + n.start).is_some_and(blocks_arabic) {
            return None;
        }
        let year = year_ok(arabic(&window[n.clone()])?)?;
        let start = PartialDate {
            year: Some(year),
            ..NO_DATE
        };
        return Some((start, w + n.start));
    }
    if a.date.year.is_none() && a.date.month.is_some() && a.date.day.is_none() {
        let n = num_sep_before(window, 1..=2)?;
        if prev_char(text, w + n.start).is_some_and(blocks_arabic) {
            return None;
        }
        let month = arabic(&window[n.clone()])?;
        if !(1..=12).contains(&month) {
            return None;
        }
        let start = PartialDate {
            month: Some(month),
            ..NO_DATE
        };
        return Some((start, w + n.start));
    }
    None
}
