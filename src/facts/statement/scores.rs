//! The weights of a score's indicators against the full score: `满分100分……其中,甲指标占40分;
//! 乙指标占35分;丙指标占25分`. A full score (`满分`, `总分`, `基础分` right before a figure in
//! 分) is followed in its passage by `其中`; the weights are the figures in 分 from there to the
//! end of that sentence, each right after `占` (or `为`, `计`), and there must be two or more and
//! no other figure in 分 among them (a deduction, `每项扣2分`, is no weight). Nothing in 分
//! may stand between the full score and the `其中`, and a sentence must end between them (in
//! one sentence the sentence readers of `parts_sum` weigh them). Never sure: an indicator may
//! be left out. The rule holds the weights as exact (set, not measured), not as rounded figures.

use super::{Construction, Relation, SENTENCE_STOPS, Statement, exact, statement};
use crate::facts::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// Right before the full score.
static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:满分|滿分|总分|總分|基础分|基礎分|总分值|總分值)(?:为|為|是|设为|設為)?\s*$")
        .expect("a valid pattern")
});

/// Right before a weight.
static WEIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:占|佔|为|為|计|計)\s*$").expect("a valid pattern"));

/// The fewest weights read.
const MIN_PARTS: usize = 2;

/// A figure in 分, exact.
fn points(f: &Figure) -> bool {
    f.quantity.unit == "分" && !f.quantity.ordinal && !f.quantity.in_range && exact(f).is_some()
}

/// Every full score whose weights follow it.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    for (t, tf) in figures.iter().enumerate() {
        if !points(tf) {
            continue;
        }
        let (_, head) = super::behind(source, tf.quantity.span.start, tf.passage.start);
        if !FULL.is_match(head) {
            continue;
        }
        let after = super::ahead(source, tf.quantity.span.end, tf.passage.end);
        let Some(i) = after.find("其中") else {
            continue;
        };
        // In the total's own sentence the sentence readers weigh them.
        if !after[..i].contains(SENTENCE_STOPS) {
            continue;
        }
        let open = tf.quantity.span.end + i;
        let close = source
            .get(open..tf.passage.end)
            .and_then(|s| s.find('。'))
            .map_or(tf.passage.end, |j| open + j);
        let mut parts = Vec::new();
        let mut fits = true;
        for (k, g) in figures.iter().enumerate().skip(t + 1) {
            let at = g.quantity.span.start;
            if g.passage != tf.passage || at >= close {
                break;
            }
            if g.quantity.unit != "分" {
                continue;
            }
            let lead = source.get(g.clause.start.min(at)..at).unwrap_or("");
            if at < open || !points(g) || !WEIGHT.is_match(lead) {
                fits = false;
                break;
            }
            parts.push(k);
        }
        if fits && parts.len() >= MIN_PARTS {
            out.push(statement(
                figures,
                Construction::ScoreWeights,
                Relation::Sum { total: t, parts },
                false,
            ));
        }
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
        ("考评满分100分,设3项指标。其中,“班子建设”占40分;“整改成效”占35分;“群众评价”占25分。", NONE),
        ("考评满分100分,设3项指标。其中,“班子建设”占40分;“整改成效”占35分;“群众评价”占20分。", FIRES),
        // Weights are set, not measured: one point over is a finding.
        ("考评满分100分,设3项指标。其中,“班子建设”占40分;“整改成效”占35分;“群众评价”占26分。", FIRES),
        ("实行减分制,基础分120分;其中“制度执行”占70分,“作风纪律”占50分。", NONE),
        ("实行减分制,基础分120分;其中“制度执行”占70分,“作风纪律”占40分。", FIRES),
        // A deduction among them is no weight: not read.
        ("考评满分100分。其中,“班子建设”占40分,每项扣2分;“整改成效”占35分。", NONE),
        // One weight only: some of the indicators.
        ("考评满分100分。其中,“班子建设”占40分。", NONE),
        // No full score named: not read.
        ("考评得分88分。其中,“班子建设”占40分;“整改成效”占35分。", NONE),
    ];

    #[test]
    fn table() {
        for (text, want) in CASES {
            assert_eq!(fired(text), *want, "{text}");
        }
    }
}
