//! Atoms: one date as written, read from the captures of the date patterns.

use super::checks::{
    arabic, blocks_arabic, blocks_chinese, chinese_small, chinese_year, day_ok, is_arabic_digit,
    next_char, part_of, part_stands, prev_char, web_sep, year_ok,
};
use super::patterns::{ATOM, ATOM_MAX, may_atom_at};
use super::{Part, PartialDate};
use chrono::NaiveDate;
use regex::Captures;
use std::ops::Range;

/// One date as written, before ranges are joined and years inferred.
#[derive(Debug, Clone)]
pub(super) struct Atom {
    pub(super) span: Range<usize>,
    pub(super) date: PartialDate,
    /// 今年 (0), 去年 (-1), 明年 (1): the year counts from `default_year`.
    pub(super) rel: Option<i32>,
    pub(super) web: bool,
}

impl Atom {
    pub(super) fn year_only(&self) -> bool {
        self.date.month.is_none() && self.date.part == Part::None && self.rel.is_none()
    }
    pub(super) fn month_only(&self) -> bool {
        self.date.month.is_some() && self.date.day.is_none() && self.date.part == Part::None
    }
}

pub(super) const NO_DATE: PartialDate = PartialDate {
    year: None,
    year_inferred: false,
    month: None,
    day: None,
    part: Part::None,
};

/// Reads the month tail `<p>m`, `<p>d`, `<p>p` into `date`; trims a part that is a word.
/// None when the month or day is impossible.
fn read_month_tail(
    c: &Captures,
    p: &str,
    base: usize,
    text: &str,
    date: &mut PartialDate,
    end: &mut usize,
) -> Option<()> {
    let m = c.name(&format!("{p}m"))?;
    let month = arabic(m.as_str())?;
    if !(1..=12).contains(&month) {
        return None;
    }
    date.month = Some(month);
    if let Some(d) = c.name(&format!("{p}d")) {
        let day = arabic(d.as_str())?;
        if !day_ok(date.year, month, day) {
            return None;
        }
        date.day = Some(day);
    } else if let Some(part) = c.name(&format!("{p}p")) {
        read_part(part, base, text, date, end);
    }
    Some(())
}

/// Reads a named part, or trims it off the span when it is the start of a word.
fn read_part(part: regex::Match, base: usize, text: &str, date: &mut PartialDate, end: &mut usize) {
    if part_stands(part.as_str(), next_char(text, base + part.end())) {
        date.part = part_of(part.as_str());
    } else {
        *end = base + part.start();
    }
}

/// The date in captures of `ATOM` run on `text[base..]`, or None when it is not one.
pub(super) fn read_atom(c: &Captures, base: usize, text: &str) -> Option<Atom> {
    let whole = c.get(0)?;
    let start = base + whole.start();
    let mut end = base + whole.end();
    let prev = prev_char(text, start);
    let arabic_prev_ok = !prev.is_some_and(blocks_arabic);
    let chinese_prev_ok = !prev.is_some_and(blocks_chinese);
    let mut date = NO_DATE;
    let mut rel = None;
    let mut web = false;

    if let Some(y) = c.name("wy") {
        if !arabic_prev_ok {
            return None;
        }
        read_web(c, y, base, text, &mut date, &mut end)?;
        web = true;
    } else if let Some(y) = c.name("ay") {
        if !arabic_prev_ok {
            return None;
        }
        date.year = Some(year_ok(arabic(y.as_str())?)?);
        if c.name("am").is_some() {
            read_month_tail(c, "a", base, text, &mut date, &mut end)?;
        } else if let Some(part) = c.name("ayp") {
            read_part(part, base, text, &mut date, &mut end);
        }
    } else if let Some(y) = c.name("cy") {
        if !chinese_prev_ok {
            return None;
        }
        date.year = Some(year_ok(chinese_year(y.as_str())?)?);
        read_chinese_tail(c, base, text, &mut date, &mut end)?;
    } else if let Some(r) = c.name("ry") {
        rel = Some(match r.as_str() {
            "去年" => -1,
            "明年" => 1,
            _ => 0,
        });
        read_relative_tail(c, base, text, &mut date, &mut end)?;
    } else if c.name("bm").is_some() {
        if !arabic_prev_ok {
            return None;
        }
        read_month_tail(c, "b", base, text, &mut date, &mut end)?;
    } else if let Some(m) = c.name("em") {
        if !chinese_prev_ok {
            return None;
        }
        read_chinese_month_day(c, m, &mut date)?;
    } else {
        return None;
    }
    Some(Atom {
        span: start..end,
        date,
        rel,
        web,
    })
}

/// Reads a web date `wy`-`wm`-`wd` into `date`; when what follows is no time, `end` stops
/// after the day. None when the separators differ, a digit follows or the date is impossible.
fn read_web(
    c: &Captures,
    y: regex::Match,
    base: usize,
    text: &str,
    date: &mut PartialDate,
    end: &mut usize,
) -> Option<()> {
    let (ws1, ws2) = (c.name("ws1")?, c.name("ws2")?);
    let day_m = c.name("wd")?;
    if web_sep(ws1.as_str()) != web_sep(ws2.as_str())
        || next_char(text, base + day_m.end()).is_some_and(is_arabic_digit)
    {
        return None;
    }
    let year = year_ok(arabic(y.as_str())?)?;
    let month = arabic(c.name("wm")?.as_str())?;
    let day = arabic(day_m.as_str())?;
    NaiveDate::from_ymd_opt(year, month, day)?;
    date.year = Some(year);
    date.month = Some(month);
    date.day = Some(day);
    if let (Some(h), Some(n)) = (c.name("wh"), c.name("wn")) {
        let sec_ok = c
            .name("wsec")
            .is_none_or(|s| arabic(s.as_str()).is_some_and(|s| s <= 59));
        let time_ok = arabic(h.as_str()).is_some_and(|h| h <= 23)
            && arabic(n.as_str()).is_some_and(|n| n <= 59)
            && sec_ok
            && !next_char(text, *end).is_some_and(is_arabic_digit);
        if !time_ok {
            *end = base + day_m.end();
        }
    }
    Some(())
}

/// Reads what follows a Chinese year: month `cm` with day `cd` or part `cp`, or a part of the
/// year `cyp`. None when the month or day is impossible.
fn read_chinese_tail(
    c: &Captures,
    base: usize,
    text: &str,
    date: &mut PartialDate,
    end: &mut usize,
) -> Option<()> {
    if let Some(m) = c.name("cm") {
        let month = chinese_small(m.as_str())?;
        if !(1..=12).contains(&month) {
            return None;
        }
        date.month = Some(month);
        if let Some(d) = c.name("cd") {
            let day = chinese_small(d.as_str())?;
            if !day_ok(date.year, month, day) {
                return None;
            }
            date.day = Some(day);
        } else if let Some(part) = c.name("cp") {
            read_part(part, base, text, date, end);
        }
    } else if let Some(part) = c.name("cyp") {
        read_part(part, base, text, date, end);
    }
    Some(())
}

/// Reads what follows 今年/去年/明年: the month tail `r…` or a part of the year `ryp`. None
/// when the month or day is impossible, or the part is a word.
fn read_relative_tail(
    c: &Captures,
    base: usize,
    text: &str,
    date: &mut PartialDate,
    end: &mut usize,
) -> Option<()> {
    if c.name("rm").is_some() {
        read_month_tail(c, "r", base, text, date, end)?;
    } else if let Some(part) = c.name("ryp") {
        read_part(part, base, text, date, end);
        if date.part == Part::None {
            // 今年中央…: no number and no part left, so no date.
            return None;
        }
    }
    Some(())
}

/// Reads a Chinese month `em` and day `ed` with no year. None when they are impossible.
fn read_chinese_month_day(c: &Captures, m: regex::Match, date: &mut PartialDate) -> Option<()> {
    let month = chinese_small(m.as_str())?;
    let day = chinese_small(c.name("ed")?.as_str())?;
    if !(1..=12).contains(&month) || !day_ok(None, month, day) {
        return None;
    }
    date.month = Some(month);
    date.day = Some(day);
    Some(())
}

/// A date that starts exactly at `at`.
///
/// `ATOM` itself is asked, from `at` in the text cut `ATOM_MAX` bytes after it, rather than
/// an anchored copy of the pattern compiled for it (a second large automaton per process):
/// leftmost-first, it gives the match that starts at `at` if there is one, and no atom is so
/// long that the cut shortens it (the pattern has no anchors or look-around for the cut to
/// disturb). A match further on is not this one; the cut bounds the search for it.
pub(super) fn atom_at(text: &str, at: usize) -> Option<Atom> {
    if !may_atom_at(&text[at..]) {
        return None;
    }
    let mut end = (at + ATOM_MAX).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let c = ATOM.captures_at(&text[..end], at)?;
    if c.get(0)?.start() != at {
        return None;
    }
    read_atom(&c, 0, text)
}
