//! A count restated with a demonstrative (`这10份`, `上述8个`) right after a sentence that
//! lists groups each with its count (`甲、乙、丙3个镇及丁、戊2个街道已全部完成`): the count is of
//! all the groups, the sum of their counts.
//!
//! The demonstrative must open its sentence, the sentence before must be in the same passage
//! and hold two or more figures, every one of them (ordinals aside) a whole count that ends a
//! list of names (`、` before its last name, no punctuation between) and nothing but names and
//! joining words between them (`及`, `和`, `、`). The restated count must not count the things
//! one of the groups counts (`这3个镇` is that group, not all), must count things a group has
//! one of (个, 家, 份, 所: not 人 or 件), and must count what the sentence before names (`这5份台账`
//! after `……报送整改台账`) or the groups by a word for any of them (`上述5个单位`), not other
//! things (`这4个项目`). Never sure.

use super::{Construction, Relation, SENTENCE_STOPS, Statement, exact, statement};
use crate::facts::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// Classifiers of things one group has one of (a body, a report): `这6人` counts people, who
/// are not one to a group.
const ONE_EACH: &[&str] = &["个", "個", "家", "份", "所", "套", "本", "篇"];

/// The head of the sentence before the restated count.
static THESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:这|這|上述|以上|这些|這些)\s*$").expect("a valid pattern")
});

/// Right before a group's count: the last name of a list.
static LIST_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"、[^\s,，。；;:：、()（）0-9]{1,12}$").expect("a valid pattern"));

/// Between two groups: names, separators and joining words, no punctuation of a clause.
static BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^\s,，。；;:：()（）0-9]{1,80}$").expect("a valid pattern"));

/// An exact whole count.
fn whole(f: &Figure) -> bool {
    let q = &f.quantity;
    q.unit != "%"
        && !q.in_range
        && !q.ordinal
        && q.decimals == 0
        && q.scale == 1.0
        && exact(f).is_some_and(|(lo, hi)| lo == hi)
}

/// Nouns that name any of the groups listed (`上述5个单位`).
const GENERIC: &[&str] = &[
    "单位", "單位", "地方", "地区", "地區", "部门", "部門", "主体", "主體",
];

/// True when the demonstrative count counts what the sentence before names (`这5份台账` after
/// `……报送整改台账`) or the groups themselves (`单位`), not other things (`这4个项目`).
fn restates(source: &str, tf: &Figure, prev: std::ops::Range<usize>) -> bool {
    let noun = &tf.noun;
    if noun.is_empty() || GENERIC.iter().any(|g| noun.starts_with(g)) {
        return true;
    }
    let before = source.get(prev).unwrap_or("");
    let chars: Vec<char> = noun.chars().take(4).collect();
    chars.windows(2).any(|w| {
        w.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            && before.contains(&w.iter().collect::<String>())
    })
}

/// Every demonstrative count after a sentence of listed groups.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    for (t, tf) in figures.iter().enumerate() {
        if !whole(tf) || !ONE_EACH.contains(&tf.quantity.unit.as_str()) {
            continue;
        }
        let (from, before) = super::behind(source, tf.quantity.span.start, tf.passage.start);
        let Some(stop) = before.rfind(SENTENCE_STOPS) else {
            continue;
        };
        let stop_char = before[stop..].chars().next().map_or(1, char::len_utf8);
        if !THESE.is_match(&before[stop + stop_char..]) {
            continue;
        }
        // The sentence before: from the stop before it to `stop`.
        let prev_end = from + stop;
        let prev_start = before[..stop].rfind(SENTENCE_STOPS).map_or(from, |i| {
            from + i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let parts: Vec<usize> = (0..t)
            .rev()
            .take_while(|&k| figures[k].quantity.span.start >= prev_start)
            .filter(|&k| !figures[k].quantity.ordinal)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if parts.len() < 2
            || parts
                .iter()
                .any(|&k| !whole(&figures[k]) || figures[k].passage != tf.passage)
        {
            continue;
        }
        let fits = parts.iter().enumerate().all(|(j, &k)| {
            let g = &figures[k];
            let lead_from = if j == 0 {
                prev_start
            } else {
                figures[parts[j - 1]].quantity.span.end
            };
            let lead = source.get(lead_from..g.quantity.span.start).unwrap_or("");
            let named = LIST_END.is_match(lead);
            let joined = j == 0 || BETWEEN.is_match(lead);
            named && joined && g.noun != tf.noun && !g.noun.is_empty()
        });
        // Nothing but the last group's noun and the rest of the clause after it: no figure.
        let last = &figures[*parts.last().unwrap_or(&t)];
        if !fits || last.quantity.span.end > prev_end || !restates(source, tf, prev_start..prev_end)
        {
            continue;
        }
        out.push(statement(
            figures,
            Construction::These,
            Relation::Sum { total: t, parts },
            false,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    /// The ids of the packaged parts_sum rules that fire on `text`.
    fn fired(text: &str) -> Vec<String> {
        crate::rules::testing::fired_in(
            "rules/parts_sum.yaml",
            include_str!("../../../rules/parts_sum.yaml"),
            text,
        )
    }

    const FIRES: &[&str] = &["sum-mismatch-uncertain"];
    const NONE: &[&str] = &[];

    #[rustfmt::skip]
    const CASES: &[(&str, &[&str])] = &[
        ("青石、白沙、柳塘3个镇及东门、西关2个街道已全部报送整改台账。这5份台账涵盖了整改措施。", NONE),
        ("青石、白沙、柳塘3个镇及东门、西关2个街道已全部报送整改台账。这6份台账涵盖了整改措施。", FIRES),
        ("青石、白沙、柳塘3个镇和东门、西关2个街道已完成验收,上述5个单位均已销号。", NONE),
        // The demonstrative counts one of the groups: not the sum.
        ("青石、白沙、柳塘3个镇及东门、西关2个街道已全部报送整改台账。这3个镇的台账较完整。", NONE),
        // Another figure in the sentence before: not a list of groups alone.
        ("青石、白沙、柳塘3个镇及东门、西关2个街道共报送整改台账46份。这5份台账涵盖了整改措施。", NONE),
        // People are not one to a group: not read.
        ("青石、白沙2个镇及东门、西关、南湖3个社区参加了培训。这6人均获得结业证书。", NONE),
        // A count that ends no list: not read.
        ("3个镇及2个街道已全部报送整改台账。这6份台账涵盖了整改措施。", NONE),
        // Other things than the groups or what the sentence before names.
        ("青石、白沙、柳塘3个镇及东门、西关2个街道已完成验收。这4个项目将于年底前交付。", NONE),
        ("青石、白沙、柳塘3个镇及东门、西关2个街道已全部报送整改台账。这7项制度将于年底前印发。", NONE),
        // The groups themselves, by a noun for any of them.
        ("青石、白沙、柳塘3个镇和东门、西关2个街道已完成验收。上述6个单位均已销号。", FIRES),
    ];

    #[test]
    fn table() {
        for (text, want) in CASES {
            assert_eq!(fired(text), *want, "{text}");
        }
    }
}
