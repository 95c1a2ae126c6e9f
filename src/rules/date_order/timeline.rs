//! The timeline: inspection ≤ feedback ≤ as-of ≤ signing ≤ publication.

use super::{Context, Hit, inferred_note, reading, show, words};
use crate::document::Span;
use crate::facts::date::reading::reversed;
use crate::facts::timeline::Milestone;
use chrono::{Months, NaiveDate};

/// A milestone as the timeline check sees it.
struct Node {
    role: &'static str,
    rank: u8,
    index: usize,
    span: Span,
    shown: String,
    /// The earliest and latest day of the date (for the inspection: of its end).
    lo: NaiveDate,
    hi: NaiveDate,
}

fn node(cx: &Context, role: &'static str, rank: u8, m: &Milestone) -> Option<Node> {
    if !reading(cx, m.index).year_trusted {
        return None;
    }
    Some(Node {
        role,
        rank,
        index: m.index,
        span: m.span.clone(),
        shown: show(&m.date),
        lo: m.date.earliest()?,
        hi: m.date.latest()?,
    })
}

/// The milestones the report states, in the order they must come.
fn nodes(cx: &Context) -> Vec<Node> {
    let t = &cx.facts.timeline;
    let mut out = Vec::new();
    if let (Some(s), Some(e)) = (&t.inspection_start, &t.inspection_end) {
        let d = &cx.facts.dates[s.index];
        let word = ["巡视", "巡察", "审计"]
            .into_iter()
            .find(|w| cx.doc.text(&d.sentence).contains(w))
            .unwrap_or("巡察");
        let role = match word {
            "巡视" => "巡视期间",
            "审计" => "审计期间",
            _ => "巡察期间",
        };
        if let Some(mut n) = node(cx, role, 0, e) {
            n.shown = format!("{}至{}", show(&s.date), show(&e.date));
            if !reversed(d) {
                out.push(n);
            }
        }
    }
    out.extend(t.feedback.as_ref().and_then(|m| node(cx, "反馈日期", 1, m)));
    // An as-of date counts only where it dates the rectification, not background figures.
    let as_of = t.as_of.as_ref().filter(|m| {
        let d = &cx.facts.dates[m.index];
        let (before, after) = words(cx, reading(cx, m.index), false);
        let before = ["截至到", "截止到", "截至", "截止"]
            .iter()
            .find_map(|w| before.trim_end().strip_suffix(w))
            .unwrap_or(before);
        cx.doc.text(&d.sentence).contains("整改")
            && !crate::facts::date::reading::planned(before, after)
    });
    out.extend(as_of.and_then(|m| node(cx, "截至日期", 2, m)));
    out.extend(t.signed.as_ref().and_then(|m| node(cx, "成文日期", 3, m)));
    out.extend(
        t.published
            .as_ref()
            .and_then(|m| node(cx, "发布日期", 4, m)),
    );
    let keep: Vec<bool> = (0..out.len())
        .map(|k| !(inferred(cx, &out[k]) && next_year_fits(&out, k)))
        .collect();
    out.into_iter()
        .zip(keep)
        .filter_map(|(n, k)| k.then_some(n))
        .collect()
}

/// True when the node's own year (not a range end's) was inferred.
fn inferred(cx: &Context, n: &Node) -> bool {
    n.rank > 0 && cx.facts.dates[n.index].date.start.year_inferred
}

/// True when a year-less milestone out of order would sit in order, shortly (within a quarter)
/// after the milestone before it, read in the next year: "2022年10月至12月……1月18日反馈" most
/// likely means January of the next year, so the year is ambiguous, not wrong.
fn next_year_fits(nodes: &[Node], k: usize) -> bool {
    let n = &nodes[k];
    let out_of_order = nodes
        .iter()
        .any(|o| o.rank < n.rank && violated(o, n) || o.rank > n.rank && violated(n, o));
    let (Some(lo), Some(hi)) = (
        n.lo.checked_add_months(Months::new(12)),
        n.hi.checked_add_months(Months::new(12)),
    ) else {
        return false;
    };
    let shifted = Node {
        role: n.role,
        rank: n.rank,
        index: n.index,
        span: n.span.clone(),
        shown: String::new(),
        lo,
        hi,
    };
    let in_order = nodes.iter().enumerate().all(|(i, o)| {
        i == k
            || o.rank < n.rank && !violated(o, &shifted)
            || o.rank > n.rank && !violated(&shifted, o)
            || o.rank == n.rank
    });
    let close = nodes
        .iter()
        .filter(|o| o.rank < n.rank)
        .max_by_key(|o| o.rank)
        .is_some_and(|p| (lo - p.hi).num_days() <= 92);
    out_of_order && in_order && close
}

/// True when `b`, which must come after `a`, cannot: no reading of the two puts them in order.
fn violated(a: &Node, b: &Node) -> bool {
    if a.rank == 0 && b.rank == 1 {
        b.hi <= a.lo
    } else {
        b.hi < a.lo
    }
}

pub(super) fn timeline(cx: &Context) -> Vec<Hit> {
    let nodes = nodes(cx);
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (i, a) in nodes.iter().enumerate() {
        for (j, b) in nodes.iter().enumerate().skip(i + 1) {
            if a.index != b.index && violated(a, b) {
                edges.push((i, j));
            }
        }
    }
    let mut hits = Vec::new();
    // Blame the date most conflicts share (a later one on a tie): one wrong date gives one finding.
    while !edges.is_empty() {
        let count = |n: usize| edges.iter().filter(|&&(a, b)| a == n || b == n).count();
        let Some(culprit) = (0..nodes.len()).max_by_key(|&n| (count(n), n)) else {
            break;
        };
        let mine: Vec<(usize, usize)> = edges
            .iter()
            .copied()
            .filter(|&(a, b)| a == culprit || b == culprit)
            .collect();
        edges.retain(|&(a, b)| a != culprit && b != culprit);
        hits.push(timeline_hit(cx, &nodes, culprit, &mine));
    }
    hits
}

fn timeline_hit(cx: &Context, nodes: &[Node], culprit: usize, edges: &[(usize, usize)]) -> Hit {
    let n = &nodes[culprit];
    let (a, b) = edges[0];
    let other = &nodes[if a == culprit { b } else { a }];
    let relation = if a == culprit {
        "晚于"
    } else if n.hi < other.lo {
        "早于"
    } else {
        "不晚于"
    };
    let (first, second) = (&nodes[a], &nodes[b]);
    let expected = format!(
        "{}{}{}",
        role_end(first),
        if first.rank == 0 && second.rank == 1 {
            " < "
        } else {
            " ≤ "
        },
        second.role
    );
    let mut notes = inferred_note(cx, n.index);
    let mut hit = Hit::at(n.span.clone());
    for &(a, b) in edges {
        let o = &nodes[if a == culprit { b } else { a }];
        hit = hit.label(o.span.clone(), format!("{}:{}", o.role, o.shown));
        notes.push_str(&inferred_note(cx, o.index));
    }
    hit.value("role", n.role)
        .value("date", &n.shown)
        .value("relation", relation)
        .value("other_role", other.role)
        .value("other", &other.shown)
        .value("expected", expected)
        .value("inferred", notes)
}

/// The inspection's end as the earlier side of an order.
fn role_end(n: &Node) -> String {
    if n.rank == 0 {
        n.role.replace("期间", "结束")
    } else {
        n.role.to_string()
    }
}
