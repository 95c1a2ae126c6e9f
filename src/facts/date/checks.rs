//! Numbers and checks: digits, Chinese numerals, possible months and days, named parts.

use super::Part;
use chrono::NaiveDate;

pub(super) fn is_arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A character that glues onto an Arabic number before it: then the number is not a date.
pub(super) fn blocks_arabic(c: char) -> bool {
    is_arabic_digit(c) || c == '.' || c == '．'
}

/// A character that glues onto a Chinese number before it.
pub(super) fn blocks_chinese(c: char) -> bool {
    "〇○零一二三四五六七八九十百千万两OＯ".contains(c)
}

/// The value of a run of Arabic digits (ASCII or full-width).
pub(super) use crate::text::numeral::digits_value as arabic;

/// A Chinese digit as dates write it: a letter O may stand for 〇, and 两 is never a date's digit.
fn chinese_digit(c: char) -> Option<u32> {
    match c {
        'O' | 'Ｏ' => Some(0),
        '两' => None,
        c => crate::text::numeral::cn_digit(c),
    }
}

/// A year written digit by digit: 二〇二三.
pub(super) fn chinese_year(s: &str) -> Option<u32> {
    s.chars()
        .try_fold(0u32, |v, c| Some(v * 10 + chinese_digit(c)?))
}

/// 1..=99 in Chinese numerals: 五, 十, 十三, 二十, 三十一.
pub(super) fn chinese_small(s: &str) -> Option<u32> {
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

pub(super) fn year_ok(y: u32) -> Option<i32> {
    (1900..=2099).contains(&y).then_some(y as i32)
}

/// Whether `day` can be in `month` (of `year` when known; 29 February without a year).
pub(super) fn day_ok(year: Option<i32>, month: u32, day: u32) -> bool {
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).is_some(),
        None => NaiveDate::from_ymd_opt(2000, month, day).is_some(),
    }
}

pub(super) fn part_of(s: &str) -> Part {
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
pub(super) fn part_stands(part: &str, next: Option<char>) -> bool {
    let Some(n) = next else { return true };
    match part {
        "中" => !is_han(n) || "前后以之完开召起至到将已".contains(n),
        "初" => !"步心中审稿始次级见衷选评查核任创期设具露现衷".contains(n),
        "底" => !"线数子层气板座稿".contains(n),
        "末" => !"端位梢尾".contains(n),
        _ => true,
    }
}

pub(super) fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

pub(super) fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// A normalized web separator: `-` or `/`.
pub(super) fn web_sep(s: &str) -> char {
    match s {
        "－" => '-',
        "／" => '/',
        _ => s.chars().next().unwrap_or('-'),
    }
}
