//! How a report groups its items: the sections around them, their sub-points and inline
//! enumerations, and the names a multi-body report lists. `item_count` counts these.

use crate::document::{Block, Document, Inline, Span};
use std::collections::BTreeSet;

/// The items of the innermost section around `passage` that holds items, else all items.
pub(super) fn scope(doc: &Document, passage: &Span) -> Vec<usize> {
    let within = |s: &Span| -> Vec<usize> {
        (0..doc.items.len())
            .filter(|&i| s.start <= doc.items[i].span.start && doc.items[i].span.end <= s.end)
            .collect()
    };
    doc.sections
        .iter()
        .filter(|s| s.span.start <= passage.start && passage.end <= s.span.end)
        .map(|s| within(&s.span))
        .rfind(|items| !items.is_empty())
        .unwrap_or_else(|| (0..doc.items.len()).collect())
}

/// The section that holds an item's heading or paragraph.
fn item_section(doc: &Document, item: usize) -> Option<usize> {
    let it = &doc.items[item];
    match (it.section, it.block) {
        (Some(s), _) => doc.sections[s].parent,
        (None, Some(b)) => doc.blocks[b].section,
        _ => None,
    }
}

/// The sections that directly hold the items.
pub(super) fn distinct_parents(doc: &Document, items: &[usize]) -> BTreeSet<usize> {
    items.iter().filter_map(|&i| item_section(doc, i)).collect()
}

/// The numbers of groups the items fall into: distinct parents, and distinct ancestors at
/// each depth.
pub(super) fn grouping_counts(doc: &Document, items: &[usize]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let parents = distinct_parents(doc, items);
    if parents.is_empty() {
        return out;
    }
    out.insert(parents.len());
    for depth in 1..=8u8 {
        let at: BTreeSet<usize> = parents
            .iter()
            .filter_map(|&p| ancestor_at(doc, p, depth))
            .collect();
        if !at.is_empty() {
            out.insert(at.len());
        }
    }
    out
}

fn ancestor_at(doc: &Document, mut s: usize, depth: u8) -> Option<usize> {
    loop {
        let sec = &doc.sections[s];
        if sec.depth == depth {
            return Some(s);
        }
        s = sec.parent?;
    }
}

/// Items counted as the problems their own statement enumerates inline ("一是……二是……"),
/// outside their rectification text: a report may list several problems under one entry.
pub(super) fn enumerated_count(doc: &Document) -> usize {
    let enumerations = |b: &Block| {
        b.inline
            .iter()
            .filter(|x| matches!(x, Inline::EnumCn { .. } | Inline::EnumParen { .. }))
            .count()
    };
    doc.items
        .iter()
        .map(|it| {
            doc.blocks_in(&it.span)
                // `rectification` is in block order: a binary search keeps this linear.
                .filter(|b| it.rectification.binary_search(b).is_err())
                .map(|b| enumerations(&doc.blocks[b]))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .sum()
}

/// Items counted as their sub-points where they have numbered ones.
pub(super) fn leaf_count(doc: &Document) -> usize {
    doc.items
        .iter()
        .map(|it| match it.section {
            Some(s) => {
                let span = &doc.sections[s].span;
                let leaves = doc.sections[s + 1..]
                    .iter()
                    .take_while(|d| d.span.start < span.end)
                    .filter(|d| d.children.is_empty())
                    .count();
                leaves.max(1)
            }
            None => 1,
        })
        .sum()
}

/// The top-level sections that hold items.
pub(super) fn body_sections(doc: &Document) -> Vec<usize> {
    let mut out: Vec<usize> = (0..doc.items.len())
        .filter_map(|i| item_section(doc, i).or(doc.items[i].section))
        .filter_map(|s| ancestor_at(doc, s, 1))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The names listed with "、" right before a count: "对甲镇、乙乡、丙街道" → 3 names.
pub(super) fn listed_names(before: &str) -> Vec<&str> {
    let start = before
        .rfind(['，', ',', '。', '；', ';', '：', ':', '(', '（'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let list = &before[start..];
    // "甲镇、乙乡等5个乡镇": the list is not complete.
    if list.ends_with('等') || list.ends_with("等等") {
        return Vec::new();
    }
    let mut names: Vec<&str> = list.split('、').collect();
    if let Some(first) = names.first_mut() {
        if let Some(i) = first.rfind('对') {
            *first = &first[i + '对'.len_utf8()..];
        }
    }
    let plausible = |n: &&str| {
        let len = n.chars().count();
        (2..=20).contains(&len) && !n.chars().any(|c| c.is_ascii_digit())
    };
    if names.len() < 2 || !names.iter().all(plausible) {
        return Vec::new();
    }
    names
}
