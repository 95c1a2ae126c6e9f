//! The sums of the report's quantity statements (`facts::statement`): a list of shares that
//! exhausts its whole, a table's 合计 row.

use super::Interval;
use crate::facts::Figure;
use crate::facts::statement::{Relation, Statement, exact};
use crate::rules::Hit;
use crate::rules::arith::show;

fn iv(f: &Figure) -> Option<Interval> {
    exact(f).map(|(lo, hi)| Interval { lo, hi })
}

/// A hit when the statement's parts do not add up to its total.
pub(super) fn sum(source: &str, figures: &[Figure], st: &Statement) -> Option<Hit> {
    let Relation::Sum { total, parts } = &st.relation else {
        return None;
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
