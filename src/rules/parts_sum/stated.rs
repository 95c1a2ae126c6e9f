//! The sums of the report's quantity statements (`facts::statement`): a list of shares that
//! exhausts its whole, a table's 合计 row.

use super::Interval;
use crate::facts::Figure;
use crate::facts::arith::show;
use crate::facts::statement::{Construction, Minus, Relation, Statement, exact};
use crate::rules::Hit;

fn iv(f: &Figure) -> Option<Interval> {
    exact(f).map(|(lo, hi)| Interval { lo, hi })
}

/// A hit when the statement's parts do not add up to its total.
pub(super) fn sum(source: &str, figures: &[Figure], st: &Statement) -> Option<Hit> {
    let Relation::Sum { total, parts } = &st.relation else {
        return None;
    };
    // A scheme's weights (满分100分, 占40分) are set, not measured: whole points are exact.
    let set = st.construction == Construction::ScoreWeights;
    let iv = |f: &Figure| match iv(f) {
        Some(_) if set && f.quantity.decimals == 0 => Some(Interval::exact(f.quantity.value())),
        other => other,
    };
    let t = iv(&figures[*total])?;
    let all = parts
        .iter()
        .try_fold(Interval::exact(0.0), |acc, &i| Some(acc + iv(&figures[i])?))?;
    if all.meets(t) {
        return None;
    }
    let tq = &figures[*total].quantity;
    let decimals = parts
        .iter()
        .chain(std::iter::once(total))
        .map(|&i| usize::from(figures[i].quantity.decimals))
        .max()
        .unwrap_or(0);
    let shown: Vec<String> = parts
        .iter()
        .map(|&i| {
            let q = &figures[i].quantity;
            if q.scale == tq.scale {
                source[q.num_span.clone()].to_string()
            } else {
                source[q.num_span.start..q.span.end].to_string()
            }
        })
        .collect();
    let unit_tail = &source[tq.num_span.end..tq.span.end];
    let computed = format!("{}{unit_tail}", show(all.mid() / tq.scale, decimals + 2));
    let mut hit = Hit::at(tq.span.clone())
        .value("stated", &source[tq.span.clone()])
        .value("computed", computed)
        .value("parts", shown.join(" + "))
        .value("unit", tq.unit.clone());
    for &i in parts {
        hit = hit.label(figures[i].quantity.span.clone(), "组成部分");
    }
    Some(hit)
}

/// The value of one reading of a difference: `from` less its figures and its named things.
fn minus(figures: &[Figure], m: &Minus) -> Option<Interval> {
    let less = m
        .less
        .iter()
        .try_fold(Interval::exact(m.named.len() as f64), |acc, &i| {
            Some(acc + iv(&figures[i])?)
        })?;
    let from = iv(&figures[m.from])?;
    Some(Interval {
        lo: from.lo - less.hi,
        hi: from.hi - less.lo,
    })
}

/// A hit when no reading of a difference meets the figure stated for it; the first reading is
/// shown. The hit is at the stated figure (the rest, the difference), the readings' figures
/// and named things are its labels.
pub(super) fn difference(source: &str, figures: &[Figure], st: &Statement) -> Option<Hit> {
    let Relation::Difference { stated, readings } = &st.relation else {
        return None;
    };
    let s = iv(&figures[*stated])?;
    let mut values = Vec::new();
    for m in readings {
        let v = minus(figures, m)?;
        if v.meets(s) {
            return None;
        }
        values.push(v);
    }
    let (m, v) = readings.first().zip(values.first())?;
    let sq = &figures[*stated].quantity;
    let mut shown = vec![source[figures[m.from].quantity.num_span.clone()].to_string()];
    shown.extend(
        m.less
            .iter()
            .map(|&i| source[figures[i].quantity.num_span.clone()].to_string()),
    );
    if !m.named.is_empty() {
        shown.push(m.named.len().to_string());
    }
    let unit_tail = &source[sq.num_span.end..sq.span.end];
    let computed = format!("{}{unit_tail}", show(v.mid() / sq.scale, 0));
    let mut hit = Hit::at(sq.span.clone())
        .value("stated", &source[sq.span.clone()])
        .value("computed", computed)
        .value("parts", shown.join(" - "))
        .value("unit", sq.unit.clone());
    hit = hit.label(figures[m.from].quantity.span.clone(), "总数");
    for &i in &m.less {
        hit = hit.label(figures[i].quantity.span.clone(), "组成部分");
    }
    for n in &m.named {
        hit = hit.label(n.clone(), "组成部分");
    }
    Some(hit)
}

/// True when a sum's parts are continued by the rest in a sentence of its own that holds
/// (`共21个,已整改18个,2个正在整改。其余1个……`: 21 = 18 + 2 + 1): the sum's list was not whole.
pub(super) fn completed(
    source: &str,
    figures: &[Figure],
    all: &[Statement],
    st: &Statement,
) -> bool {
    let Relation::Sum { total, parts } = &st.relation else {
        return false;
    };
    all.iter().any(|o| {
        let Relation::Difference { readings, .. } = &o.relation else {
            return false;
        };
        o.construction == Construction::Rest
            && readings
                .iter()
                .any(|m| m.from == *total && parts.iter().all(|p| m.less.contains(p)))
            && difference(source, figures, o).is_none()
    })
}
