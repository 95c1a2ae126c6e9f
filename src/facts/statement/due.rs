//! A whole split by the year its parts fall due: `反馈的60项问题中,2021年应完成整改的35项问题
//! 已完成整改33项,2项未达到序时进度;2022年应完成整改的25项问题……` — every part is due in one
//! year, so the parts of consecutive years exhaust the whole.
//!
//! Read only when the construction leaves no doubt that the list is whole: the whole is a
//! `N项X中` head; each part stands right after `YYYY年(底)(前)应完成(整改)的` (应办结, 应销号,
//! 需完成), with two parts or more of consecutive years, each year once; every other figure of
//! the unit in the sentence is a status part of the year part before it (已完成, 未达到, 剩余…),
//! and a year part's status parts, when it has any, add up to it exactly; and no word of
//! another rest (其余, 其他, 另有, 此外, 长期) stands in the sentence or starts the next one.

use super::status::{sentence_start, status};
use super::{Construction, Relation, SENTENCE_STOPS, Statement, exact, family, statement};
use crate::facts::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// The words right before a part due in a year.
static DUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<year>\d{4})年(?:底|年底|内)?(?:前)?(?:应|應|需|须|須)(?:完成|办结|辦結|销号|銷號)(?:整改)?(?:任务|任務)?的?\s*$",
    )
    .expect("a valid pattern")
});

/// Words of another rest of the whole.
const OTHER: &[&str] = &[
    "其余", "其餘", "其他", "其它", "另有", "另外", "此外", "长期", "長期",
];

/// Every whole split by due year.
pub fn read(
    source: &str,
    figures: &[Figure],
    words: &crate::parse::vocab::SplitWords,
) -> Vec<Statement> {
    (0..figures.len())
        .filter_map(|t| split_at(source, figures, t, words))
        .collect()
}

/// The year a figure is due in, from the words right before it in its clause.
fn due_year(source: &str, f: &Figure) -> Option<i32> {
    let head = source.get(f.clause.start.min(f.quantity.span.start)..f.quantity.span.start)?;
    DUE.captures(head)?["year"].parse().ok()
}

/// The split of the whole at figure `t`, if it is a `N项X中` head of parts by due year.
fn split_at(
    source: &str,
    figures: &[Figure],
    t: usize,
    words: &crate::parse::vocab::SplitWords,
) -> Option<Statement> {
    let tf = &figures[t];
    let unit = family(&tf.quantity.unit);
    if unit.is_empty() || unit == "%" || exact(tf).is_none() {
        return None;
    }
    // `N项问题中,`: the whole's clause ends in 中 after it.
    let rest_of_clause =
        source.get(tf.quantity.span.end..tf.clause.end.max(tf.quantity.span.end))?;
    if !rest_of_clause.trim_end().ends_with('中') || rest_of_clause.contains(SENTENCE_STOPS) {
        return None;
    }
    // The sentence after the whole, whose parts `;` may separate.
    let from = tf.quantity.span.end;
    let ahead = super::ahead(source, from, tf.passage.end);
    let end = ahead
        .find(['。', '！', '？'])
        .map_or(from + ahead.len(), |i| from + i);
    let text = source.get(from..end)?;
    if OTHER.iter().any(|w| text.contains(w)) {
        return None;
    }
    let next = source.get(end..tf.passage.end).unwrap_or("");
    let next = next
        .char_indices()
        .nth(1)
        .map_or("", |(i, _)| &next[i..])
        .trim_start();
    if OTHER.iter().any(|w| next.starts_with(w)) {
        return None;
    }
    // The figures of the unit in the sentence, in groups under their year parts.
    let mut groups: Vec<(usize, i32, Vec<usize>)> = Vec::new();
    for (k, g) in figures.iter().enumerate().skip(t + 1) {
        if g.quantity.span.start >= end || g.passage != tf.passage {
            break;
        }
        if family(&g.quantity.unit) != unit {
            continue;
        }
        exact(g)?;
        if let Some(y) = due_year(source, g) {
            groups.push((k, y, Vec::new()));
            continue;
        }
        let group = groups.last_mut()?;
        status(source, figures, k, words)?;
        group.2.push(k);
    }
    if groups.len() < 2 {
        return None;
    }
    if groups.windows(2).any(|w| w[1].1 != w[0].1 + 1) {
        return None;
    }
    let value = |k: usize| exact(&figures[k]).map_or(f64::NAN, |iv| iv.0);
    for (k, _, subs) in &groups {
        if !subs.is_empty() {
            let sum: f64 = subs.iter().map(|&s| value(s)).sum();
            if (sum - value(*k)).abs() > 1e-9 {
                return None;
            }
        }
    }
    // The whole opens its sentence's list: no figure of the unit before it in the sentence.
    let start = sentence_start(source, tf);
    if figures[..t]
        .iter()
        .rev()
        .take_while(|g| g.passage == tf.passage && g.quantity.span.start >= start)
        .any(|g| family(&g.quantity.unit) == unit)
    {
        return None;
    }
    Some(statement(
        figures,
        Construction::DueYears,
        Relation::Sum {
            total: t,
            parts: groups.iter().map(|g| g.0).collect(),
        },
        false,
    ))
}
