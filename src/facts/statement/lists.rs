//! Parts listed one after another and their total right after them:
//! `对12个机关、5个乡镇(街道),3个国有企业共20个党组织开展巡察`.
//!
//! Each part is a count followed by its own name (`12个机关`), the parts are separated by `、`
//! or `,`, and the last part's name runs straight into `共` and the total: nothing but the name
//! (and a bracketed note such as `(社区)`) stands between a part's figure and the next
//! separator. There must be at least two parts with different names, all exact and counted in
//! the total's unit. A list ending in `等` is open and is not read (its name then ends in 等).
//! The total may be of a wider name than the parts (党组织 over 机关 and 乡镇) and a list of
//! counts of different things could be followed by a total of yet another (`3个镇、15个村共20个
//! 项目`): the total's name must have no name or end as one of the parts' names does (its head:
//! 组织 over 群团组织), and parts whose sum is at most half or at least twice the total are not read, and the
//! statement is never sure.

use super::{Construction, Relation, Statement, exact, family, statement};
use crate::facts::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// A part's name, an optional bracketed note, and what follows it: a separator (`sep`) or the
/// total's `共` (`total`).
static AFTER_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>[^\s,，。；;:：、()（）\[\]【】0-9０-９%“”\x22]{1,12})(?:[(（][^()（）]{1,10}[)）])?(?:(?P<sep>[、,，])|(?P<total>共))$",
    )
    .expect("a valid pattern")
});

/// The fewest parts a list must have.
const MIN_PARTS: usize = 2;

/// Every list whose total follows it.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    for t in 1..figures.len() {
        let tf = &figures[t];
        if !countable(tf) {
            continue;
        }
        let Some(last) = name_after(source, &figures[t - 1], tf) else {
            continue;
        };
        if !last.1 {
            continue;
        }
        // Walk back over the parts.
        let mut parts = vec![t - 1];
        let mut names = vec![last.0];
        while let Some(&first) = parts.last() {
            if first == 0 {
                break;
            }
            let prev = &figures[first - 1];
            match name_after(source, prev, &figures[first]) {
                Some((name, false)) if prev.passage == tf.passage => {
                    parts.push(first - 1);
                    names.push(name);
                }
                _ => break,
            }
        }
        parts.reverse();
        let unit = family(&tf.quantity.unit);
        let fits = parts.len() >= MIN_PARTS
            && parts
                .iter()
                .all(|&k| countable(&figures[k]) && family(&figures[k].quantity.unit) == unit)
            && names.iter().all(|n| !n.ends_with('等'))
            && headed(&tf.noun, &names)
            && {
                let mut sorted = names.clone();
                sorted.sort();
                sorted.dedup();
                sorted.len() == names.len()
            };
        if !fits {
            continue;
        }
        let sum: f64 = parts
            .iter()
            .filter_map(|&k| exact(&figures[k]).map(|(lo, _)| lo))
            .sum();
        let total = exact(tf).map_or(0.0, |(lo, _)| lo);
        if !(sum > total / 2.0 && sum < total * 2.0) {
            continue;
        }
        out.push(statement(
            figures,
            Construction::ListTotal,
            Relation::Sum { total: t, parts },
            false,
        ));
    }
    out
}

/// Whether the total names what the parts are: no name of its own, or a name whose head (its
/// last character: 组织 over 群团组织, 干部 over 科级干部) ends one of the parts' names.
fn headed(total: &str, names: &[String]) -> bool {
    match total.chars().last() {
        None => true,
        Some(head) => names.iter().any(|n| n.ends_with(head)),
    }
}

/// An exact whole count of things in a unit.
fn countable(f: &Figure) -> bool {
    let q = &f.quantity;
    !q.unit.is_empty()
        && q.unit != "%"
        && !q.in_range
        && !q.ordinal
        && q.decimals == 0
        && q.scale == 1.0
        && exact(f).is_some_and(|(lo, hi)| lo == hi)
}

/// The name standing between a part's figure and the next figure, and whether the total's
/// `共` ends it (else a separator does). None when anything else stands there.
fn name_after(source: &str, part: &Figure, next: &Figure) -> Option<(String, bool)> {
    if part.passage != next.passage {
        return None;
    }
    let between = source.get(part.quantity.span.end..next.quantity.span.start)?;
    let c = AFTER_PART.captures(between)?;
    Some((c["name"].to_string(), c.name("total").is_some()))
}
