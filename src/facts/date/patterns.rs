//! Patterns: the regular expressions that find date atoms, range separators and bare numbers.

use regex::Regex;
use std::sync::LazyLock;

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

pub(super) static ATOM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&atom_pattern()).expect("date atom"));
/// Bytes an atom can span at most, with room to spare: the longest, a web date with a time and
/// seconds and every space allowed, is 45 characters, none of more than three bytes.
pub(super) const ATOM_MAX: usize = 256;
/// `ATOM` anchored, for the tests to compare `atom_at` with.
#[cfg(test)]
pub(super) static ATOM_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", atom_pattern())).expect("date atom at"));
pub(super) static SEP_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{S}{SEP}{S}")).expect("separator"));
pub(super) static NUM_SEP_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^{S}(?P<n>{D}{{1,2}}){S}{SEP}{S}")).expect("number, separator")
});
pub(super) static DAY_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?P<n>{D}{{1,2}}){S}[日号]")).expect("bare day"));
pub(super) static YEAR_SEP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?:^|[^0-9０-９.．])(?P<n>{D}{{4}}){S}{SEP}{S}$")).expect("year before")
});
pub(super) static MONTH_SEP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?:^|[^0-9０-９.．])(?P<n>{D}{{1,2}}){S}{SEP}{S}$"
    ))
    .expect("month before")
});

/// How many characters before a date the backward range patterns may look at. Longer than the
/// longest match of `YEAR_SEP_BEFORE` (13 characters), so `^` there means the start of the text.
pub(super) const LOOK_BACK: usize = 16;

// Cheap tests that come before the anchored patterns: each is true whenever its pattern can
// match (a necessary condition), so a false one spares the pattern without changing what is
// found. Most atoms are followed and preceded by no range at all.

/// A character of `S`.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// A character that begins or ends a `SEP` (—— begins and ends with —).
fn is_sep(c: char) -> bool {
    matches!(
        c,
        '至' | '到' | '—' | '–' | '―' | '－' | '-' | '～' | '~' | '〜'
    )
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The first character after at most three of `S`'s spaces at the start of `s`.
fn after_spaces(s: &str) -> Option<char> {
    let mut chars = s.chars();
    for _ in 0..3 {
        if !chars.clone().next().is_some_and(is_space) {
            break;
        }
        chars.next();
    }
    chars.next()
}

/// The last character before at most three of `S`'s spaces at the end of `s`.
fn before_spaces(s: &str) -> Option<char> {
    let mut chars = s.chars();
    for _ in 0..3 {
        if !chars.clone().next_back().is_some_and(is_space) {
            break;
        }
        chars.next_back();
    }
    chars.next_back()
}

/// Whether `SEP_AT` can match at the start of `s`.
pub(super) fn may_sep_at(s: &str) -> bool {
    after_spaces(s).is_some_and(is_sep)
}

/// Whether `NUM_SEP_AT` can match at the start of `s`.
pub(super) fn may_num_sep_at(s: &str) -> bool {
    after_spaces(s).is_some_and(is_digit)
}

/// Whether `DAY_AT` can match at the start of `s`.
pub(super) fn may_day_at(s: &str) -> bool {
    s.chars().next().is_some_and(is_digit)
}

/// Whether `ATOM_AT` can match at the start of `s`: every atom starts with a digit, a Chinese
/// year's or month's digit, or 今/去/明.
pub(super) fn may_atom_at(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| is_digit(c) || "〇○零一二三四五六七八九OＯ十今去明".contains(c))
}

/// Whether `YEAR_SEP_BEFORE` or `MONTH_SEP_BEFORE` can match `s` (they end with a separator
/// and at most three spaces).
pub(super) fn may_sep_before(s: &str) -> bool {
    before_spaces(s).is_some_and(is_sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of dates, ranges and what surrounds them.
    const PIECES: &[&str] = &[
        "2023",
        "２０",
        "二〇二三",
        "O",
        "Ｏ",
        "12",
        "5",
        "十二",
        "三",
        "年",
        "月",
        "日",
        "号",
        "底",
        "今年",
        "去年",
        "明",
        "至",
        "到",
        "——",
        "—",
        "–",
        "―",
        "－",
        "-",
        "～",
        "~",
        "〜",
        " ",
        "\u{3000}",
        "\t",
        "\u{a0}",
        ".",
        "，",
        "中",
        "a",
    ];

    proptest! {
        /// Each cheap test is true wherever its pattern matches.
        #[test]
        fn the_cheap_tests_never_refuse_a_match(
            parts in prop::collection::vec(0..PIECES.len(), 0..12),
        ) {
            let s: String = parts.iter().map(|&i| PIECES[i]).collect();
            prop_assert!(may_sep_at(&s) || !SEP_AT.is_match(&s));
            prop_assert!(may_num_sep_at(&s) || !NUM_SEP_AT.is_match(&s));
            prop_assert!(may_day_at(&s) || !DAY_AT.is_match(&s));
            prop_assert!(may_atom_at(&s) || !ATOM_AT.is_match(&s));
            prop_assert!(may_sep_before(&s) || !YEAR_SEP_BEFORE.is_match(&s));
            prop_assert!(may_sep_before(&s) || !MONTH_SEP_BEFORE.is_match(&s));
        }

        /// `atom_at` (the unanchored pattern, the text cut after `ATOM_MAX` bytes) finds what
        /// the anchored pattern finds at every position.
        #[test]
        fn atoms_at_a_position_as_the_anchored_pattern_finds_them(
            parts in prop::collection::vec(0..PIECES.len(), 0..40),
        ) {
            let s: String = parts.iter().map(|&i| PIECES[i]).collect();
            for (at, _) in s.char_indices() {
                let found = super::super::atom::atom_at(&s, at).map(|a| (a.span, a.date));
                let anchored = ATOM_AT
                    .captures(&s[at..])
                    .and_then(|c| super::super::atom::read_atom(&c, at, &s))
                    .map(|a| (a.span, a.date));
                prop_assert_eq!(found, anchored);
            }
        }
    }
}
