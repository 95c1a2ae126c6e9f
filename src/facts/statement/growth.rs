//! A growth rate after the figure and its change against an earlier period:
//! `收入52.8万元,较上年增加4.8万元,增长10%`, `受理信访86件,同比减少14件,下降14%`. The change is
//! against the earlier period's figure, which is the figure less the increase (or plus the
//! decrease): the rate is 100 · change / (figure ∓ change).
//!
//! The three figures must follow one another in consecutive clauses of one sentence, with no
//! other figure between them (a year or a date is not a figure): the figure, a clause opening
//! with a comparison (`较上年`, `比2021年`, `同比`) and a change word right before the change
//! (`增加`, `减少`, `多`, …), and a clause holding only a rate word (`增长`, `下降`, …) before the
//! percentage. The change and the rate must go the same way, and the figure and the change must
//! count in the same unit; a figure that is itself a percentage (a rate's change is in
//! percentage points) is not read.

use super::{Construction, Relation, Statement, family, statement};
use crate::facts::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// Between the figure and its change: a comparison with an earlier period and a change word.
static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[,，]\s*(?:同比|(?:较|較|比|與|与|同)[^,，。；;:：、%]{0,16}?)(?:共|净|淨)?(?P<dir>增加|增长|增長|上升|提高|多|减少|減少|下降|降低|少)了?\s*$",
    )
    .expect("a valid pattern")
});

/// Between the change and the percentage: a rate word alone.
static RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[,，]\s*(?:同比)?(?:增幅|增长率|增長率|降幅|下降率)?(?P<dir>增长|增長|增加|上升|提高|增|下降|减少|減少|降低|降)?了?(?:幅度)?(?:为|為|达|達)?\s*$",
    )
    .expect("a valid pattern")
});

/// Whether a change or rate word says "down".
fn falls(word: &str) -> bool {
    matches!(
        word,
        "减少" | "減少" | "下降" | "降低" | "少" | "降" | "降幅" | "下降率"
    )
}

/// Every growth rate whose figure and change are read.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    for p in 2..figures.len() {
        let (v, c) = (p - 2, p - 1);
        let (fv, fc, fp) = (&figures[v], &figures[c], &figures[p]);
        if fp.quantity.unit != "%"
            || fv.quantity.unit == "%"
            || fv.quantity.unit.is_empty()
            || family(&fv.quantity.unit) != family(&fc.quantity.unit)
            || [fv, fc, fp]
                .iter()
                .any(|f| f.quantity.in_range || f.quantity.ordinal || f.passage != fp.passage)
        {
            continue;
        }
        let (Some(between), Some(after)) = (
            source.get(fv.quantity.span.end..fc.quantity.span.start),
            source.get(fc.quantity.span.end..fp.quantity.span.start),
        ) else {
            continue;
        };
        let (Some(change), Some(rate)) = (CHANGE.captures(between), RATE.captures(after)) else {
            continue;
        };
        let fall = falls(&change["dir"]);
        // The rate word may be the 增幅/降幅 noun or a verb; it must go the change's way.
        let rate_word = rate
            .name("dir")
            .map(|m| m.as_str())
            .or_else(|| ["降幅", "下降率"].into_iter().find(|w| after.contains(w)))
            .or_else(|| {
                ["增幅", "增长率", "增長率"]
                    .into_iter()
                    .find(|w| after.contains(w))
            });
        let Some(word) = rate_word else {
            continue;
        };
        if falls(word) != fall {
            continue;
        }
        out.push(statement(
            figures,
            Construction::Growth,
            Relation::Growth {
                value: v,
                change: c,
                percent: p,
                fall,
            },
            true,
        ));
    }
    out
}
