//! Completion rates of countable things (`办结率`, `整改完成率`, `销号率`, `实现p%整改到位`): a
//! share of problems, cases or measures done, which cannot exceed 100%.

use super::{Construction, Relation, Statement, statement};
use crate::facts::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// A rate's name right before its figure: `整改完成率98%`, `办结率达到99.5%`.
pub(super) static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<name>完成|整改|办结|辦結|销号|銷號|结案|結案|化解|落实|落實|到位|清零)率(?:已经|已|均)?(?:达到|达|達到|達|为|為|是)?\s*$",
    )
    .expect("a valid pattern")
});

/// `实现p%整改到位`: the rate's words follow its figure.
static VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:实现|實現|达到|達到)\s*$").expect("a valid pattern"));
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:的)?(?:整改到位|整改完成|完成整改|办结|辦結|销号|銷號|清零)")
        .expect("a valid pattern")
});

/// Words near a general completion rate that make it a rate of countable things.
const COUNTABLE: &[&str] = &[
    "整改", "问题", "問題", "信访", "信訪", "案件", "线索", "線索", "投诉", "投訴",
];

/// Every completion rate among the figures.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        let q = &f.quantity;
        if q.unit != "%" || q.in_range {
            continue;
        }
        let (Some(lead), Some(trail)) = (
            source.get(f.clause.start.min(q.span.start)..q.span.start),
            source.get(q.span.end..f.clause.end.max(q.span.end)),
        ) else {
            continue;
        };
        let named = BEFORE.captures(lead).is_some_and(|c| {
            // 完成率 and 落实率 may be of a plan's target (任务完成率105%): only a rate of
            // problems, cases or rectification is of countable things.
            let general = matches!(&c["name"], "完成" | "落实" | "落實");
            !general || {
                let (_, before) = super::behind(source, q.span.start, f.passage.start);
                COUNTABLE.iter().any(|w| before.contains(w))
            }
        });
        if named || (VERB.is_match(lead) && AFTER.is_match(trail)) {
            out.push(statement(
                figures,
                Construction::Rate,
                Relation::AtMostWhole { percent: i },
                true,
            ));
        }
    }
    out
}
