//! People held to account by rank, with the rest named, after the total in the sentence
//! before: `给予处分60人。其中,处分科级干部5人,一般干部15人,农村、企业等其他人员40人。`
//!
//! A list of ranks alone is some of the people (there are ranks it does not name); with the
//! rest named (`一般干部`, `其他人员`) it is all of them, and it adds up to the total of the same
//! measure (`处分`, `问责`) stated in the sentence before.

use super::{Construction, Relation, SENTENCE_STOPS, Statement, behind, exact, family, statement};
use crate::facts::Figure;

/// A rank in a part's label.
const RANKS: &[&str] = &["级干部", "級幹部"];
/// Labels of the rest.
const REST: &[&str] = &["一般干部", "一般幹部", "其他人员", "其他人員"];
/// Measures a list and its total must share.
const MEASURES: &[&str] = &["处分", "處分", "问责", "問責", "处理", "處理"];

/// Every such list whose total is found.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < figures.len() {
        let (st, next) = list_at(source, figures, k);
        out.extend(st);
        k = next.max(k + 1);
    }
    out
}

/// The label of figure `k`: its text back to the last separator (or `from`).
fn label(source: &str, figures: &[Figure], k: usize, from: usize) -> String {
    let f = &figures[k];
    let (_, before) = behind(
        source,
        f.quantity.span.start,
        from.min(f.quantity.span.start),
    );
    let cut = before
        .rfind([',', '，', '、', '。', ';', '；', ':', '：'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    before[cut..].to_string()
}

fn list_at(source: &str, figures: &[Figure], first: usize) -> (Option<Statement>, usize) {
    let f = &figures[first];
    if family(&f.quantity.unit) != "人" || exact(f).is_none() {
        return (None, first + 1);
    }
    let mut ids = vec![first];
    let mut k = first + 1;
    while let Some(g) = figures.get(k) {
        let prev = &figures[ids[ids.len() - 1]];
        let between = source
            .get(prev.quantity.span.end..g.quantity.span.start)
            .unwrap_or("。");
        if g.passage != f.passage
            || family(&g.quantity.unit) != "人"
            || exact(g).is_none()
            || between.contains(SENTENCE_STOPS)
            || between.contains(['(', '（', ')', '）'])
            || between.chars().count() > 20
        {
            break;
        }
        ids.push(k);
        k += 1;
    }
    if ids.len() < 3 {
        return (None, k);
    }
    let labels: Vec<String> = ids
        .iter()
        .map(|&i| label(source, figures, i, f.passage.start))
        .collect();
    let has = |ws: &[&str]| labels.iter().any(|l| ws.iter().any(|w| l.contains(w)));
    if !has(RANKS) || !has(REST) {
        return (None, k);
    }
    let Some(measure) = MEASURES.iter().find(|m| labels[0].starts_with(*m)) else {
        return (None, k);
    };
    // The total: in the sentence before, the figure right after the measure.
    let start = {
        let (from, before) = behind(source, f.quantity.span.start, f.passage.start);
        before.rfind(SENTENCE_STOPS).map_or(from, |i| from + i)
    };
    let Some(stop) = source.get(start..).and_then(|s| s.chars().next()) else {
        return (None, k);
    };
    if stop != '。' {
        return (None, k);
    }
    // The nearest figure of the measure in the sentence before, outside brackets (a `;` in
    // a bracket does not end that sentence).
    let total = (0..first)
        .rev()
        .take_while(|&i| figures[i].passage == f.passage)
        .filter(|&i| figures[i].quantity.span.end <= start)
        .take_while(|&i| {
            let between = source
                .get(figures[i].quantity.span.end..start)
                .unwrap_or("。");
            !between.contains('。')
        })
        .find(|&i| {
            let g = &figures[i];
            let between = source.get(g.quantity.span.end..start).unwrap_or("");
            let closes = between.matches([')', '）']).count();
            let opens = between.matches(['(', '（']).count();
            family(&g.quantity.unit) == "人"
                && exact(g).is_some()
                && closes <= opens
                && source
                    .get(g.clause.start.min(g.quantity.span.start)..g.quantity.span.start)
                    .is_some_and(|h| h.ends_with(measure))
        });
    let Some(t) = total else {
        return (None, k);
    };
    let st = statement(
        figures,
        Construction::RankList,
        Relation::Sum {
            total: t,
            parts: ids,
        },
        true,
    );
    (Some(st), k)
}
