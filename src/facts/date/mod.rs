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
//!   leaves out (year, month) from the start.
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
use regex::{Captures, Regex};
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

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

// ---------------------------------------------------------------------------------------------
// Patterns

/// An Arabic digit, ASCII or full-width.
const D: &str = "[0-9０-９]";
/// A few spaces between the parts of a date (never a line break). Bounded, so every match is short.
const S: &str = "[ \t\u{3000}\u{a0}]{0,3}";
/// A range separator. 一 is not one.
const SEP: &str = "(?:至|到|——|—|–|―|－|-|～|~|〜)";
/// A named part of a month.
const MPART: &str = "(?:上旬|中旬|下旬|底|末|初|中)";
/// A named part of a year.
const YPART: &str = "(?:底|末|初|中)";
/// A year in Chinese numerals written digit by digit.
const CY: &str = "[〇○零一二三四五六七八九OＯ]{4}";
/// A month in Chinese numerals.
const CM: &str = "(?:十[一二]|十|[一二三四五六七八九])";
/// A day in Chinese numerals.
const CD: &str =
    "(?:三十一|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";

/// `<p>m` month, then `<p>d` day, or `<p>f` 份 and `<p>p` part.
fn month_tail(p: &str) -> String {
    format!(
        "(?P<{p}m>{D}{{1,2}}){S}月(?:{S}(?P<{p}d>{D}{{1,2}}){S}[日号]|(?P<{p}f>份)?(?P<{p}p>{MPART})?)"
    )
}

/// One date, in order of preference at a position: web, Arabic year, Chinese year, 今年,
/// Arabic month, Chinese month with a day.
fn atom_pattern() -> String {
    let web = format!(
        "(?P<wy>{D}{{4}}){S}(?P<ws1>[-/－／]){S}(?P<wm>{D}{{1,2}}){S}(?P<ws2>[-/－／]){S}(?P<wd>{D}{{1,2}})\
         (?:[ \t\u{3000}]{{1,3}}(?P<wh>{D}{{1,2}}){S}[:：]{S}(?P<wn>{D}{{2}})(?:{S}[:：]{S}(?P<wsec>{D}{{2}}))?)?"
    );
    let arabic = format!(
        "(?P<ay>{D}{{4}}){S}年(?:(?P<ayd>度)|{S}{}|(?P<ayp>{YPART}))?",
        month_tail("a")
    );
    let chinese = format!(
        "(?P<cy>{CY}){S}年(?:{S}(?P<cm>{CM}){S}月(?:{S}(?P<cd>{CD}){S}[日号]|(?P<cp>{MPART}))?|(?P<cyp>{YPART}))?"
    );
    let relative = format!(
        "(?P<ry>今年|去年|明年){S}(?:{}|(?P<ryp>{YPART}))",
        month_tail("r")
    );
    let month = month_tail("b");
    let chinese_month = format!("(?P<em>{CM}){S}月{S}(?P<ed>{CD}){S}[日号]");
    format!("{web}|{arabic}|{chinese}|{relative}|{month}|{chinese_month}")
}

static ATOM: LazyLock<Regex> = LazyLock::new(|| Regex::new(&atom_pattern()).expect("date atom"));
static ATOM_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", atom_pattern())).expect("date atom at"));
static SEP_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{S}{SEP}{S}")).expect("separator"));
static NUM_SEP_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^{S}(?P<n>{D}{{1,2}}){S}{SEP}{S}")).expect("number, separator")
});
static DAY_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?P<n>{D}{{1,2}}){S}[日号]")).expect("bare day"));
static YEAR_SEP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?:^|[^0-9０-９.．])(?P<n>{D}{{4}}){S}{SEP}{S}$")).expect("year before")
});
static MONTH_SEP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?:^|[^0-9０-９.．])(?P<n>{D}{{1,2}}){S}{SEP}{S}$"
    ))
    .expect("month before")
});

/// How many characters before a date the backward range patterns may look at. Longer than the
/// longest match of `YEAR_SEP_BEFORE` (13 characters), so `^` there means the start of the text.
const LOOK_BACK: usize = 16;

// ---------------------------------------------------------------------------------------------
// Numbers and checks

fn is_arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A character that glues onto an Arabic number before it: then the number is not a date.
fn blocks_arabic(c: char) -> bool {
    is_arabic_digit(c) || c == '.' || c == '．'
}

/// A character that glues onto a Chinese number before it.
fn blocks_chinese(c: char) -> bool {
    "〇○零一二三四五六七八九十百千万两OＯ".contains(c)
}

/// The value of a run of Arabic digits (ASCII or full-width), at most nine of them.
fn arabic(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    for c in s.chars() {
        let d = if c.is_ascii_digit() {
            c as u32 - '0' as u32
        } else if ('０'..='９').contains(&c) {
            c as u32 - '０' as u32
        } else {
            return None;
        };
        v = v.checked_mul(10)?.checked_add(d)?;
    }
    Some(v)
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'O' | 'Ｏ' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A year written digit by digit: 二〇二三.
fn chinese_year(s: &str) -> Option<u32> {
    s.chars()
        .try_fold(0u32, |v, c| Some(v * 10 + chinese_digit(c)?))
}

/// 1..=99 in Chinese numerals: 五, 十, 十三, 二十, 三十一.
fn chinese_small(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] if *d != '十' => chinese_digit(*d),
        ['十'] => Some(10),
        ['十', u] => Some(10 + chinese_digit(*u)?),
        [t, '十'] => Some(chinese_digit(*t)? * 10),
        [t, '十', u] => Some(chinese_digit(*t)? * 10 + chinese_digit(*u)?),
        _ => None,
    }
}

fn year_ok(y: u32) -> Option<i32> {
    (1900..=2099).contains(&y).then_some(y as i32)
}

/// Whether `day` can be in `month` (of `year` when known; 29 February without a year).
fn day_ok(year: Option<i32>, month: u32, day: u32) -> bool {
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).is_some(),
        None => NaiveDate::from_ymd_opt(2000, month, day).is_some(),
    }
}

fn part_of(s: &str) -> Part {
    match s {
        "上旬" | "初" => Part::Early,
        "中旬" | "中" => Part::Mid,
        "下旬" => Part::Late,
        "底" | "末" => Part::End,
        _ => Part::None,
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Whether a one-character part really names a part of the month or year, given the character
/// after it: `年中` in `2023年中央` or `年初` in `2023年初步` is a word, not a part.
fn part_stands(part: &str, next: Option<char>) -> bool {
    let Some(n) = next else { return true };
    match part {
        "中" => !is_han(n) || "前后以之完开召起至到将已".contains(n),
        "初" => !"步心中审稿始次级见衷选评查核任创期设具露现衷".contains(n),
        "底" => !"线数子层气板座稿".contains(n),
        "末" => !"端位梢尾".contains(n),
        _ => true,
    }
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// A normalized web separator: `-` or `/`.
fn web_sep(s: &str) -> char {
    match s {
        "－" => '-',
        "／" => '/',
        _ => s.chars().next().unwrap_or('-'),
    }
}

// ---------------------------------------------------------------------------------------------
// Atoms

/// One date as written, before ranges are joined and years inferred.
#[derive(Debug, Clone)]
struct Atom {
    span: Range<usize>,
    date: PartialDate,
    /// 今年 (0), 去年 (-1), 明年 (1): the year counts from `default_year`.
    rel: Option<i32>,
    web: bool,
}

impl Atom {
    fn year_only(&self) -> bool {
        self.date.month.is_none() && self.date.part == Part::None && self.rel.is_none()
    }
    fn month_only(&self) -> bool {
        self.date.month.is_some() && self.date.day.is_none() && self.date.part == Part::None
    }
}

const NO_DATE: PartialDate = PartialDate {
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

/// The date in captures of `ATOM`/`ATOM_AT` run on `text[base..]`, or None when it is not one.
fn read_atom(c: &Captures, base: usize, text: &str) -> Option<Atom> {
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
        let (ws1, ws2) = (c.name("ws1")?, c.name("ws2")?);
        let day_m = c.name("wd")?;
        if !arabic_prev_ok
            || web_sep(ws1.as_str()) != web_sep(ws2.as_str())
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
                && !next_char(text, end).is_some_and(is_arabic_digit);
            if !time_ok {
                end = base + day_m.end();
            }
        }
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
                read_part(part, base, text, &mut date, &mut end);
            }
        } else if let Some(part) = c.name("cyp") {
            read_part(part, base, text, &mut date, &mut end);
        }
    } else if let Some(r) = c.name("ry") {
        rel = Some(match r.as_str() {
            "去年" => -1,
            "明年" => 1,
            _ => 0,
        });
        if c.name("rm").is_some() {
            read_month_tail(c, "r", base, text, &mut date, &mut end)?;
        } else if let Some(part) = c.name("ryp") {
            read_part(part, base, text, &mut date, &mut end);
            if date.part == Part::None {
                // 今年中央…: no number and no part left, so no date.
                return None;
            }
        }
    } else if c.name("bm").is_some() {
        if !arabic_prev_ok {
            return None;
        }
        read_month_tail(c, "b", base, text, &mut date, &mut end)?;
    } else if let Some(m) = c.name("em") {
        if !chinese_prev_ok {
            return None;
        }
        let month = chinese_small(m.as_str())?;
        let day = chinese_small(c.name("ed")?.as_str())?;
        if !(1..=12).contains(&month) || !day_ok(None, month, day) {
            return None;
        }
        date.month = Some(month);
        date.day = Some(day);
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

/// A date that starts exactly at `at`.
fn atom_at(text: &str, at: usize) -> Option<Atom> {
    let c = ATOM_AT.captures(&text[at..])?;
    read_atom(&c, at, text)
}

// ---------------------------------------------------------------------------------------------
// Ranges

/// One expression before year inference.
struct Found {
    span: Range<usize>,
    start: PartialDate,
    start_rel: Option<i32>,
    end: Option<(PartialDate, Option<i32>)>,
    web: bool,
}

/// A range: its start, its end, the end's relative year, and where it ends.
type RangeEnd = (PartialDate, PartialDate, Option<i32>, usize);

/// The end of a range that begins with `a`, if the text after `a` makes one. Gives the start
/// (possibly with a bare number filled in), the end, its relative year, and where the range ends.
fn range_after(text: &str, a: &Atom) -> Option<RangeEnd> {
    if let Some(r) = range_after_number(text, a) {
        return Some(r);
    }
    let c = SEP_AT.captures(&text[a.span.end..])?;
    let at = a.span.end + c.get(0)?.end();
    if let Some(e) = atom_at(text, at) {
        return Some((a.date, e.date, e.rel, e.span.end));
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
    let c = NUM_SEP_AT.captures(&text[a.span.end..])?;
    let n = arabic(c.name("n")?.as_str())?;
    let at = a.span.end + c.get(0)?.end();
    let mut start = a.date;
    if a.year_only() {
        if !(1..=12).contains(&n) {
            return None;
        }
        start.month = Some(n);
        let e = atom_at(text, at).filter(|e| e.date.month.is_some())?;
        return Some((start, e.date, e.rel, e.span.end));
    }
    if !day_ok(start.year, start.month?, n) {
        return None;
    }
    start.day = Some(n);
    match atom_at(text, at) {
        Some(e) => Some((start, e.date, e.rel, e.span.end)),
        None => bare_day(text, at, &start),
    }
}

/// `28日` at `at`, ending a range that starts with `start` (which has a month).
fn bare_day(text: &str, at: usize, start: &PartialDate) -> Option<RangeEnd> {
    let c = DAY_AT.captures(&text[at..])?;
    let day = arabic(c.name("n")?.as_str())?;
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
    Some((*start, end, None, at + c.get(0)?.end()))
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
fn range_before(text: &str, a: &Atom, floor: usize) -> Option<(PartialDate, usize)> {
    if a.rel.is_some() || a.web {
        return None;
    }
    let w = window_start(text, a.span.start).max(floor);
    if !text.is_char_boundary(w) {
        return None;
    }
    let window = &text[w..a.span.start];
    if a.year_only() {
        let c = YEAR_SEP_BEFORE.captures(window)?;
        let n = c.name("n")?;
        if prev_char(text, w + n.start()).is_some_and(blocks_arabic) {
            return None;
        }
        let year = year_ok(arabic(n.as_str())?)?;
        let start = PartialDate {
            year: Some(year),
            ..NO_DATE
        };
        return Some((start, w + n.start()));
    }
    if a.date.year.is_none() && a.date.month.is_some() && a.date.day.is_none() {
        let c = MONTH_SEP_BEFORE.captures(window)?;
        let n = c.name("n")?;
        if prev_char(text, w + n.start()).is_some_and(blocks_arabic) {
            return None;
        }
        let month = arabic(n.as_str())?;
        if !(1..=12).contains(&month) {
            return None;
        }
        let start = PartialDate {
            month: Some(month),
            ..NO_DATE
        };
        return Some((start, w + n.start()));
    }
    None
}

/// Every date in `text`. A year-less date takes its year from the nearest earlier dated
/// expression in `text`, else from `default_year`. Spans are byte offsets into `text`.
pub fn scan_dates(text: &str, default_year: Option<i32>) -> Vec<DateFact> {
    let mut found: Vec<Found> = Vec::new();
    let mut pos = 0;
    let mut floor = 0;
    while pos < text.len() {
        let Some(c) = ATOM.captures_at(text, pos) else {
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
                end: Some((a.date, a.rel)),
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
                        Some(off) => relative(off),
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (span text, start iso, end iso or "", start year inferred); "" for an iso that is None.
    type Row = (&'static str, &'static str, &'static str, bool);

    fn rows(text: &str, default_year: Option<i32>) -> Vec<(String, String, String, bool)> {
        scan_dates(text, default_year)
            .into_iter()
            .map(|f| {
                (
                    text[f.span.clone()].to_string(),
                    f.start.iso().unwrap_or_default(),
                    f.end.and_then(|e| e.iso()).unwrap_or_default(),
                    f.start.year_inferred,
                )
            })
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, Option<i32>, &[Row])] = &[
            // Full dates.
            (
                "青石镇2022年6月24日召开动员会。",
                None,
                &[("2022年6月24日", "2022-06-24", "", false)],
            ),
            (
                "柳塘村于2022年6月24号完成清理",
                None,
                &[("2022年6月24号", "2022-06-24", "", false)],
            ),
            (
                "时间为2022 年 6 月 24 日上午",
                None,
                &[("2022 年 6 月 24 日", "2022-06-24", "", false)],
            ),
            (
                "白沙村于２０２２年６月２４日上报",
                None,
                &[("２０２２年６月２４日", "2022-06-24", "", false)],
            ),
            (
                "中共桂岭镇委员会\n二〇二三年十月十三日",
                None,
                &[("二〇二三年十月十三日", "2023-10-13", "", false)],
            ),
            (
                "二○二三年十月十三日印发",
                None,
                &[("二○二三年十月十三日", "2023-10-13", "", false)],
            ),
            (
                "二〇二〇年十二月二十日、二〇二一年三月三十一日",
                None,
                &[
                    ("二〇二〇年十二月二十日", "2020-12-20", "", false),
                    ("二〇二一年三月三十一日", "2021-03-31", "", false),
                ],
            ),
            (
                "1月23日，巡察组反馈意见",
                Some(2023),
                &[("1月23日", "2023-01-23", "", true)],
            ),
            // Year-less dates take the year of the nearest earlier date.
            (
                "柳塘村2023年8月5日开会，7月31日再次开会",
                Some(2020),
                &[
                    ("2023年8月5日", "2023-08-05", "", false),
                    ("7月31日", "2023-07-31", "", true),
                ],
            ),
            (
                "2022年10月25日，反馈巡察意见。\n白沙村于11月3日完成整改。",
                None,
                &[
                    ("2022年10月25日", "2022-10-25", "", false),
                    ("11月3日", "2022-11-03", "", true),
                ],
            ),
            (
                "桂岭镇2023年工作要点\n一、3月5日召开党委会",
                Some(2024),
                &[
                    ("2023年", "2023", "", false),
                    ("3月5日", "2023-03-05", "", true),
                ],
            ),
            (
                "2023年3月6日至4月14日，巡察组进驻。1月23日反馈意见",
                None,
                &[
                    ("2023年3月6日至4月14日", "2023-03-06", "2023-04-14", false),
                    ("1月23日", "2023-01-23", "", true),
                ],
            ),
            (
                "2021年1月8日、2月25日召开调度会",
                None,
                &[
                    ("2021年1月8日", "2021-01-08", "", false),
                    ("2月25日", "2021-02-25", "", true),
                ],
            ),
            (
                "一是2023年1月和7月开展谈话",
                None,
                &[
                    ("2023年1月", "2023-01", "", false),
                    ("7月", "2023-07", "", true),
                ],
            ),
            // No year anywhere and no default: the year stays unknown.
            ("7月31日召开", None, &[("7月31日", "", "", false)]),
            // Month only, year only, parts.
            (
                "截至2023年12月，12月份共走访",
                None,
                &[
                    ("2023年12月", "2023-12", "", false),
                    ("12月份", "2023-12", "", true),
                ],
            ),
            (
                "5月份以来，2019年以来，2022年度考核",
                Some(2023),
                &[
                    ("5月份", "2023-05", "", true),
                    ("2019年", "2019", "", false),
                    ("2022年度", "2022", "", false),
                ],
            ),
            (
                "按计划于2021年7月底前完成",
                None,
                &[("2021年7月底", "2021-07", "", false)],
            ),
            (
                "3月上旬、3月中旬、3月下旬、12月末",
                Some(2021),
                &[
                    ("3月上旬", "2021-03", "", true),
                    ("3月中旬", "2021-03", "", true),
                    ("3月下旬", "2021-03", "", true),
                    ("12月末", "2021-12", "", true),
                ],
            ),
            (
                "2021年1月初市投资公司成立",
                None,
                &[("2021年1月初", "2021-01", "", false)],
            ),
            (
                "养殖场于2019年底拆除；2024年初、2022年中，2022年末",
                None,
                &[
                    ("2019年底", "2019", "", false),
                    ("2024年初", "2024", "", false),
                    ("2022年中", "2022", "", false),
                    ("2022年末", "2022", "", false),
                ],
            ),
            // A bare 年底 has no number: not a date.
            ("确保年底前全部完成", Some(2023), &[]),
            // 中 and 初 start words here (中央, 初步): the year stands alone.
            (
                "2023年中央巡视，2023年初步完成",
                None,
                &[("2023年", "2023", "", false), ("2023年", "2023", "", false)],
            ),
            (
                "2023年12月20日完成，12月底前验收",
                None,
                &[
                    ("2023年12月20日", "2023-12-20", "", false),
                    ("12月底", "2023-12", "", true),
                ],
            ),
            (
                "二〇二三年十二月底",
                None,
                &[("二〇二三年十二月底", "2023-12", "", false)],
            ),
            // 今年/去年 count from the default year.
            (
                "2019年建成，今年8月召开，去年3月启动",
                Some(2023),
                &[
                    ("2019年", "2019", "", false),
                    ("今年8月", "2023-08", "", true),
                    ("去年3月", "2022-03", "", true),
                ],
            ),
            ("今年8月召开", None, &[("今年8月", "", "", false)]),
            // Ranges.
            (
                "2022年6月24日至8月10日，巡察组进驻",
                None,
                &[("2022年6月24日至8月10日", "2022-06-24", "2022-08-10", false)],
            ),
            (
                "2020年6月3日培训；8月25日-28日在青石镇集训",
                None,
                &[
                    ("2020年6月3日", "2020-06-03", "", false),
                    ("8月25日-28日", "2020-08-25", "2020-08-28", true),
                ],
            ),
            (
                "2023年10月至2024年1月分批考试",
                None,
                &[("2023年10月至2024年1月", "2023-10", "2024-01", false)],
            ),
            (
                "针对2016至2019年的项目",
                None,
                &[("2016至2019年", "2016", "2019", false)],
            ),
            (
                "柳塘村2022—2035年规划",
                None,
                &[("2022—2035年", "2022", "2035", false)],
            ),
            (
                "2022年11月1日至2022年11月30日，组织排查",
                None,
                &[(
                    "2022年11月1日至2022年11月30日",
                    "2022-11-01",
                    "2022-11-30",
                    false,
                )],
            ),
            (
                "2023年12月31日至2024年1月5日封闭管理。1月8日解除",
                None,
                &[
                    (
                        "2023年12月31日至2024年1月5日",
                        "2023-12-31",
                        "2024-01-05",
                        false,
                    ),
                    ("1月8日", "2024-01-08", "", true),
                ],
            ),
            (
                "2020年9月7日至11月13日",
                None,
                &[("2020年9月7日至11月13日", "2020-09-07", "2020-11-13", false)],
            ),
            (
                "2021年11月8日至11日召开",
                None,
                &[("2021年11月8日至11日", "2021-11-08", "2021-11-11", false)],
            ),
            (
                "2023年1-3月、3月15至20日",
                None,
                &[
                    ("2023年1-3月", "2023-01", "2023-03", false),
                    ("3月15至20日", "2023-03-15", "2023-03-20", true),
                ],
            ),
            (
                "5～6月份集中整治",
                Some(2022),
                &[("5～6月份", "2022-05", "2022-06", true)],
            ),
            // 至今 is not a date: only the start is reported.
            (
                "2022年10月至今共受理",
                None,
                &[("2022年10月", "2022-10", "", false)],
            ),
            // 到位 is not a range.
            (
                "已于2021年2月到位",
                None,
                &[("2021年2月", "2021-02", "", false)],
            ),
            // 一 is a numeral, never a dash.
            (
                "2023年3月一2023年5月",
                None,
                &[
                    ("2023年3月", "2023-03", "", false),
                    ("2023年5月", "2023-05", "", false),
                ],
            ),
            // Web style.
            (
                "来源:青石镇 发布日期: 2024-02-02 10:30 【字体大小",
                None,
                &[("2024-02-02 10:30", "2024-02-02", "", false)],
            ),
            (
                "发布日期: 2021- 06- 28 16: 53 浏览次数",
                None,
                &[("2021- 06- 28 16: 53", "2021-06-28", "", false)],
            ),
            (
                "2023-03-17 09:13，2024-02-02，2024/02/02",
                None,
                &[
                    ("2023-03-17 09:13", "2023-03-17", "", false),
                    ("2024-02-02", "2024-02-02", "", false),
                    ("2024/02/02", "2024-02-02", "", false),
                ],
            ),
            // A web date gives the year to what follows.
            (
                "2024-02-02\n3月6日进驻",
                None,
                &[
                    ("2024-02-02", "2024-02-02", "", false),
                    ("3月6日", "2024-03-06", "", true),
                ],
            ),
            // Mixed separators and a 25th hour are not web dates.
            (
                "2024-02/02，2024-02-02 25:10",
                None,
                &[("2024-02-02", "2024-02-02", "", false)],
            ),
            // Durations, not dates: no four-digit year, 个 between number and 月.
            (
                "整改时限:3个月，半年内完成，6个月内办结，12个月",
                Some(2023),
                &[],
            ),
            // 近三年, 三年行动, 3年: durations; a Chinese year needs four digits.
            (
                "近三年来，三年行动方案，分3年偿还，第8年还款",
                Some(2023),
                &[],
            ),
            // 第14次 is an ordinal.
            ("新区第14次党工委会议", Some(2023), &[]),
            // A document number: the year in 〔〕 has no 年.
            ("印发《方案》（柳发〔2022〕100号）", Some(2023), &[]),
            // 2.5月 is nonsense: the 5 belongs to a decimal.
            ("工期2.5月", Some(2023), &[]),
            // Impossible months and days are skipped whole.
            ("13月5日，2月30日，4月31日，2023年2月29日", Some(2023), &[]),
            (
                "2024年2月29日",
                None,
                &[("2024年2月29日", "2024-02-29", "", false)],
            ),
            // A five-digit number is not a year.
            ("编号12023年", None, &[]),
            // Out of the year range: 1000年 is a duration.
            ("1000年古树，2000多年", None, &[]),
            // A Chinese month with no year and no day is not a date (一月一研判).
            (
                "做到一月一研判，十月十三日召开",
                Some(2023),
                &[("十月十三日", "2023-10-13", "", true)],
            ),
            // A bare day without a month is not a date (每月5日).
            ("每月5日前制定计划，每月28日至30日召开", Some(2023), &[]),
            // Digits glued after a date do not spoil it.
            (
                "2020年5月26日5820051018638号支付凭证",
                None,
                &[("2020年5月26日", "2020-05-26", "", false)],
            ),
            // 2021、2022年: only 2022 carries 年.
            (
                "2021、2022年第一季度",
                None,
                &[("2022年", "2022", "", false)],
            ),
            // 100—3000元 is an amount range.
            ("罚款100—3000元", None, &[]),
        ];
        assert!(cases.len() >= 35);
        for (text, dy, expected) in cases {
            let got = rows(text, *dy);
            let want: Vec<(String, String, String, bool)> = expected
                .iter()
                .map(|(s, a, b, i)| (s.to_string(), a.to_string(), b.to_string(), *i))
                .collect();
            assert_eq!(got, want, "input: {text:?}, default year {dy:?}");
        }
    }

    fn pd(year: i32, month: Option<u32>, day: Option<u32>, part: Part) -> PartialDate {
        PartialDate {
            year: Some(year),
            year_inferred: false,
            month,
            day,
            part,
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn earliest_latest_by_precision_and_part() {
        let cases = [
            (
                pd(2023, Some(3), Some(6), Part::None),
                (2023, 3, 6),
                (2023, 3, 6),
            ),
            (
                pd(2023, Some(4), None, Part::None),
                (2023, 4, 1),
                (2023, 4, 30),
            ),
            (
                pd(2023, Some(3), None, Part::Early),
                (2023, 3, 1),
                (2023, 3, 10),
            ),
            (
                pd(2023, Some(3), None, Part::Mid),
                (2023, 3, 11),
                (2023, 3, 20),
            ),
            (
                pd(2023, Some(3), None, Part::Late),
                (2023, 3, 21),
                (2023, 3, 31),
            ),
            (
                pd(2023, Some(12), None, Part::End),
                (2023, 12, 21),
                (2023, 12, 31),
            ),
            (
                pd(2024, Some(2), None, Part::End),
                (2024, 2, 21),
                (2024, 2, 29),
            ),
            (
                pd(2023, Some(2), None, Part::End),
                (2023, 2, 21),
                (2023, 2, 28),
            ),
            (
                pd(2023, Some(2), None, Part::None),
                (2023, 2, 1),
                (2023, 2, 28),
            ),
            (
                pd(2023, None, None, Part::None),
                (2023, 1, 1),
                (2023, 12, 31),
            ),
            (
                pd(2023, None, None, Part::Early),
                (2023, 1, 1),
                (2023, 3, 31),
            ),
            (pd(2023, None, None, Part::Mid), (2023, 6, 1), (2023, 7, 31)),
            (
                pd(2023, None, None, Part::Late),
                (2023, 10, 1),
                (2023, 12, 31),
            ),
            (
                pd(2019, None, None, Part::End),
                (2019, 12, 1),
                (2019, 12, 31),
            ),
        ];
        for (d, (ey, em, ed), (ly, lm, ld)) in cases {
            assert_eq!(d.earliest(), ymd(ey, em, ed), "{d:?}");
            assert_eq!(d.latest(), ymd(ly, lm, ld), "{d:?}");
        }
        let no_year = PartialDate {
            year: None,
            ..pd(2023, Some(3), Some(6), Part::None)
        };
        assert_eq!(no_year.earliest(), None);
        assert_eq!(no_year.latest(), None);
        assert_eq!(no_year.iso(), None);
    }

    #[test]
    fn scanned_bounds_and_leap_years() {
        let f = scan_dates("2024年2月底前完成，2023年2月底前完成", None);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].start.latest(), ymd(2024, 2, 29));
        assert_eq!(f[0].start.part, Part::End);
        assert_eq!(f[0].start.iso().as_deref(), Some("2024-02"));
        assert_eq!(f[1].start.latest(), ymd(2023, 2, 28));

        let f = scan_dates("2023年12月20日完成，12月底前验收", None);
        assert_eq!(f[0].start.earliest(), ymd(2023, 12, 20));
        assert_eq!(f[0].start.latest(), ymd(2023, 12, 20));
        assert_eq!(f[1].start.earliest(), ymd(2023, 12, 21));
        assert_eq!(f[1].start.latest(), ymd(2023, 12, 31));
        assert!(f[0].latest() < f[1].earliest());

        let f = scan_dates("2019年底，3月中旬，2022年", Some(2020));
        assert_eq!(f[0].start.part, Part::End);
        assert_eq!(f[0].earliest(), ymd(2019, 12, 1));
        assert_eq!(f[0].latest(), ymd(2019, 12, 31));
        assert_eq!(f[1].start.part, Part::Mid);
        assert_eq!(f[1].earliest(), ymd(2019, 3, 11));
        assert_eq!(f[2].earliest(), ymd(2022, 1, 1));
        assert_eq!(f[2].latest(), ymd(2022, 12, 31));

        let f = scan_dates("2022年6月24日至8月10日", None);
        assert_eq!(f[0].earliest(), ymd(2022, 6, 24));
        assert_eq!(f[0].latest(), ymd(2022, 8, 10));
    }

    #[test]
    fn range_ends_inherit_and_flag() {
        let f = scan_dates("2022年6月24日至8月10日", None);
        let end = f[0].end.unwrap();
        assert!(!f[0].start.year_inferred);
        assert!(end.year_inferred);
        assert_eq!(end.month, Some(8));

        let f = scan_dates("2022年11月1日至2022年11月30日", None);
        assert!(!f[0].end.unwrap().year_inferred);

        let f = scan_dates("8月25日-28日", Some(2020));
        let end = f[0].end.unwrap();
        assert_eq!(
            (end.year, end.month, end.day),
            (Some(2020), Some(8), Some(28))
        );
        assert!(end.year_inferred);
        assert!(!f[0].web);
    }

    #[test]
    fn spans_and_flags() {
        let text = "发布日期: 2021- 06- 28 16: 53\n按计划于2021年7月底前完成";
        let f = scan_dates(text, None);
        assert_eq!(f.len(), 2);
        assert!(f[0].web);
        assert!(!f[1].web);
        assert_eq!(&text[f[1].span.clone()], "2021年7月底");
        assert_eq!(f[1].start.part, Part::End);
        assert_eq!(f[1].start.month, Some(7));
        assert_eq!(f[1].start.day, None);
    }

    #[test]
    fn linear_time() {
        let pieces = [
            "2022年",
            "8月25日-",
            "1111111111",
            "年年月月日日",
            "2022年 ",
            "二〇二三年十",
            "2024-02-",
            "12月底至",
            "  ",
        ];
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 1_000_000 {
            text.push_str(pieces[i % pieces.len()]);
            i += 1;
        }
        // No timing here (speed is measured in benchmarks): large hostile input must finish
        // and give well-formed facts.
        assert!(!scan_dates(&text, Some(2023)).is_empty());
        check_invariants(&text, Some(2023));
        // One long run of each alphabet character.
        for piece in ["1", "年", "-", " ", "〇", "至"] {
            check_invariants(&piece.repeat(200_000), None);
        }
    }

    fn check_invariants(text: &str, default_year: Option<i32>) {
        let facts = scan_dates(text, default_year);
        let mut last_end = 0;
        for f in &facts {
            assert!(f.span.start < f.span.end, "{f:?}");
            assert!(f.span.end <= text.len());
            assert!(text.is_char_boundary(f.span.start));
            assert!(text.is_char_boundary(f.span.end));
            assert!(f.span.start >= last_end, "overlap: {facts:?}");
            last_end = f.span.end;
            for d in std::iter::once(f.start).chain(f.end) {
                let _ = d.iso();
                if let Some(m) = d.month {
                    assert!((1..=12).contains(&m));
                }
                if let Some(day) = d.day {
                    assert!((1..=31).contains(&day));
                }
                if let (Some(a), Some(b)) = (d.earliest(), d.latest()) {
                    assert!(a <= b);
                }
            }
            let _ = (f.earliest(), f.latest());
        }
        assert_eq!(facts, scan_dates(text, default_year));
    }

    proptest! {
        #[test]
        fn any_text(text in "\\PC*", y in proptest::option::of(1900i32..2100)) {
            check_invariants(&text, y);
        }

        #[test]
        fn date_alphabet(
            text in "[0-9０-９年月日号份度至到底末初中旬上下今去明〇○十一二三 \\-—~～/:.、，]{0,40}",
            y in proptest::option::of(1900i32..2100),
        ) {
            check_invariants(&text, y);
        }

        #[test]
        fn dates_in_noise(
            y in 1900u32..2100, m in 1u32..13, d in 1u32..29,
            before in "[a-z中文，。]{0,5}", after in "[a-z中文，。前]{0,5}",
        ) {
            let date = format!("{y}年{m}月{d}日");
            let text = format!("{before}{date}{after}");
            let f = scan_dates(&text, None);
            prop_assert_eq!(f.len(), 1);
            prop_assert_eq!(&text[f[0].span.clone()], date.as_str());
            prop_assert_eq!(f[0].start.iso(), Some(format!("{y:04}-{m:02}-{d:02}")));
        }
    }
}
