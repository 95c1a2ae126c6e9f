//! Patterns: the regular expressions that find date atoms, range separators and bare numbers.

use regex::Regex;
use std::ops::{Range, RangeInclusive};
use std::sync::LazyLock;

/// An Arabic digit, ASCII or full-width.
const D: &str = "[0-9０-９]";
/// A few spaces between the parts of a date (never a line break). Bounded, so every match is short.
const S: &str = "[ \t\u{3000}\u{a0}]{0,3}";
/// A range separator. 一 is not one.
#[cfg(test)]
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
#[cfg(test)]
pub(super) static SEP_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{S}{SEP}{S}")).expect("separator"));
#[cfg(test)]
pub(super) static NUM_SEP_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^{S}(?P<n>{D}{{1,2}}){S}{SEP}{S}")).expect("number, separator")
});
#[cfg(test)]
pub(super) static DAY_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?P<n>{D}{{1,2}}){S}[日号]")).expect("bare day"));
#[cfg(test)]
pub(super) static YEAR_SEP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?:^|[^0-9０-９.．])(?P<n>{D}{{4}}){S}{SEP}{S}$")).expect("year before")
});
#[cfg(test)]
pub(super) static MONTH_SEP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?:^|[^0-9０-９.．])(?P<n>{D}{{1,2}}){S}{SEP}{S}$"
    ))
    .expect("month before")
});

/// How many characters before a date the backward range patterns may look at. Longer than the
/// longest match of `YEAR_SEP_BEFORE` (13 characters), so `^` there means the start of the text.
pub(super) const LOOK_BACK: usize = 16;

// The range patterns, read by hand: `SEP_AT`, `NUM_SEP_AT`, `DAY_AT`, `YEAR_SEP_BEFORE` and
// `MONTH_SEP_BEFORE` above say what each reader matches (the tests compare them); compiling
// them cost every process about 2 M instructions, more than reading them by hand ever does.
// Before `ATOM_AT`, a cheap test: true whenever it can match (a necessary condition), so that a
// false one spares the pattern without changing what is found.

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

/// Where at most three of `S`'s spaces from `at` end.
fn spaces_end(s: &str, mut at: usize) -> usize {
    for _ in 0..3 {
        match s[at..].chars().next() {
            Some(c) if is_space(c) => at += c.len_utf8(),
            _ => break,
        }
    }
    at
}

/// Where at most three of `S`'s spaces before `end` begin.
fn spaces_start(s: &str, mut end: usize) -> usize {
    for _ in 0..3 {
        match s[..end].chars().next_back() {
            Some(c) if is_space(c) => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// Where a `SEP` at `at` ends: —— before —, as the pattern prefers it.
fn sep_end(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    if rest.starts_with("——") {
        return Some(at + "——".len());
    }
    let c = rest.chars().next().filter(|&c| is_sep(c))?;
    Some(at + c.len_utf8())
}

/// Where a `SEP` that ends at `end` begins (the longer —— when it is there).
fn sep_start(s: &str, end: usize) -> Option<usize> {
    let before = &s[..end];
    if before.ends_with("——") {
        return Some(end - "——".len());
    }
    let c = before.chars().next_back().filter(|&c| is_sep(c))?;
    Some(end - c.len_utf8())
}

/// Where the run of one or two digits at `at` ends (a third digit is not read: the patterns
/// that use it then fail on it, as `{D}{{1,2}}` does).
fn two_digits_end(s: &str, at: usize) -> Option<usize> {
    let mut end = at;
    for c in s[at..].chars().take(2) {
        if !is_digit(c) {
            break;
        }
        end += c.len_utf8();
    }
    (end > at).then_some(end)
}

/// `SEP_AT`: where a separator with its spaces at the start of `s` ends.
pub(super) fn sep_at(s: &str) -> Option<usize> {
    Some(spaces_end(s, sep_end(s, spaces_end(s, 0))?))
}

/// `NUM_SEP_AT`: one or two digits then a separator at the start of `s`: the digits' bytes and
/// where the separator's spaces end.
pub(super) fn num_sep_at(s: &str) -> Option<(Range<usize>, usize)> {
    let from = spaces_end(s, 0);
    let to = two_digits_end(s, from)?;
    let end = sep_at(&s[to..])?;
    Some((from..to, to + end))
}

/// `DAY_AT`: one or two digits and 日 or 号 at the start of `s`: the digits' bytes and where
/// the day ends.
pub(super) fn day_at(s: &str) -> Option<(Range<usize>, usize)> {
    let to = two_digits_end(s, 0)?;
    let unit = spaces_end(s, to);
    let c = s[unit..]
        .chars()
        .next()
        .filter(|&c| matches!(c, '日' | '号'))?;
    Some((0..to, unit + c.len_utf8()))
}

/// `YEAR_SEP_BEFORE` (`digits` 4..=4) and `MONTH_SEP_BEFORE` (1..=2): a number of so many
/// digits, a separator and spaces at the end of `s`, the number not glued to a digit or a
/// decimal point before it. Gives the number's bytes.
pub(super) fn num_sep_before(s: &str, digits: RangeInclusive<usize>) -> Option<Range<usize>> {
    let to = spaces_start(s, sep_start(s, spaces_start(s, s.len()))?);
    let mut from = to;
    let mut count = 0;
    for c in s[..to].chars().rev() {
        if !is_digit(c) {
            break;
        }
        from -= c.len_utf8();
        count += 1;
    }
    let glued = s[..from]
        .chars()
        .next_back()
        .is_some_and(|c| c == '.' || c == '．');
    (digits.contains(&count) && !glued).then_some(from..to)
}

/// Whether `ATOM_AT` can match at the start of `s`: every atom starts with a digit, a Chinese
/// year's or month's digit, or 今/去/明.
pub(super) fn may_atom_at(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| is_digit(c) || "〇○零一二三四五六七八九OＯ十今去明".contains(c))
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
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Each cheap test is true wherever its pattern matches.
        #[test]
        fn the_cheap_tests_never_refuse_a_match(
            parts in prop::collection::vec(0..PIECES.len(), 0..12),
        ) {
            let s: String = parts.iter().map(|&i| PIECES[i]).collect();
            prop_assert!(may_atom_at(&s) || !ATOM_AT.is_match(&s));
        }

        /// The hand readers match what their patterns match: on any pieces, and on a number, a
        /// separator and spaces with something glued before and after.
        #[test]
        fn the_readers_read_as_the_patterns(
            parts in prop::collection::vec(0..PIECES.len(), 0..12),
            glue in "[.．1１a年]?",
            digits in "[0-9０-９]{0,5}",
            space in "[ \u{3000}\t\u{a0}]{0,4}",
            sep in "(——|—|至|~|-|日|号)?",
            after in "[ \u{3000}]{0,4}",
            tail in "[0-9a]?",
            structured in any::<bool>(),
        ) {
            let s: String = if structured {
                format!("{glue}{digits}{space}{sep}{after}{tail}")
            } else {
                parts.iter().map(|&i| PIECES[i]).collect()
            };
            let whole = |re: &Regex| re.find(&s).map(|m| m.end());
            let number = |re: &Regex| {
                re.captures(&s).map(|c| (c.name("n").unwrap().range(), c.get(0).unwrap().end()))
            };
            prop_assert_eq!(sep_at(&s), whole(&SEP_AT));
            prop_assert_eq!(num_sep_at(&s), number(&NUM_SEP_AT));
            prop_assert_eq!(day_at(&s), number(&DAY_AT));
            let n = |re: &Regex| re.captures(&s).map(|c| c.name("n").unwrap().range());
            prop_assert_eq!(num_sep_before(&s, 4..=4), n(&YEAR_SEP_BEFORE));
            prop_assert_eq!(num_sep_before(&s, 1..=2), n(&MONTH_SEP_BEFORE));
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
