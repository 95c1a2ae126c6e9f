//! The itemized problems of a report and the status each one's text reports.
//!
//! An item is a numbered entry that names a problem (关于/针对“……”的问题) or a "反馈问题:"
//! paragraph; where a report has neither, the innermost numbered entries that carry their own
//! rectification text. Sub-points of a problem are not items.

use crate::document::{Block, BlockKind, Document, Inline, Item, Span, Status};
use crate::vocab::Vocabulary;

/// Find the items of a parsed document and read their statuses.
pub fn find_items(doc: &mut Document, vocab: &Vocabulary) {
    let mut items = marked_items(doc, vocab);
    if items.is_empty() {
        items = innermost_items(doc, vocab);
    }
    items.sort_by_key(|i| i.span.start);
    for item in &mut items {
        read_status(doc, vocab, item);
    }
    doc.items = items;
}

fn new_item(section: Option<usize>, block: Option<usize>, head: Span, span: Span) -> Item {
    Item {
        section,
        block,
        head_span: head,
        span,
        rectification: Vec::new(),
        status: Status::Unknown,
        status_span: None,
    }
}

/// Headings that name a problem, outermost only, and "反馈问题:" paragraphs outside them.
fn marked_items(doc: &Document, vocab: &Vocabulary) -> Vec<Item> {
    let mut items = Vec::new();
    let mut marked = vec![false; doc.sections.len()];
    for (i, s) in doc.sections.iter().enumerate() {
        let inside = s.parent.is_some_and(|p| marked[p]);
        marked[i] = inside || vocab.is_problem_heading(&s.title);
        if marked[i] && !inside {
            items.push(new_item(
                Some(i),
                None,
                s.title_span.clone(),
                s.span.clone(),
            ));
        }
    }
    let problem = |b: &Block| matches!(&b.kind, BlockKind::Labelled { label, .. } if vocab.is_problem_label(label));
    for (i, b) in doc.blocks.iter().enumerate() {
        if !problem(b) || b.section.is_some_and(|s| marked[s]) {
            continue;
        }
        // The item runs to the next problem paragraph or heading, whichever comes first.
        let end = doc.blocks[i + 1..]
            .iter()
            .take_while(|n| n.section == b.section && !problem(n))
            .last()
            .map_or(b.span.end, |n| n.span.end);
        let next_heading = doc
            .next_section_after(b.span.start)
            .map_or(usize::MAX, |s| doc.sections[s].line_span.start);
        items.push(new_item(
            None,
            Some(i),
            b.span.clone(),
            b.span.start..end.min(next_heading).max(b.span.end),
        ));
    }
    items
}

/// True when a block is, or carries, rectification text.
fn is_rectification(block: &Block, vocab: &Vocabulary) -> bool {
    match &block.kind {
        BlockKind::Labelled { label, .. } if vocab.is_rectification_label(label) => true,
        _ => block.inline.iter().any(
            |i| matches!(i, Inline::Label { label, .. } if vocab.is_rectification_label(label)),
        ),
    }
}

/// The innermost headings whose own text includes rectification text.
fn innermost_items(doc: &Document, vocab: &Vocabulary) -> Vec<Item> {
    let own = |s: usize| {
        doc.sections[s]
            .blocks
            .iter()
            .any(|&b| is_rectification(&doc.blocks[b], vocab))
    };
    let has: Vec<bool> = (0..doc.sections.len()).map(own).collect();
    let mut below = vec![false; doc.sections.len()];
    for i in (0..doc.sections.len()).rev() {
        if let Some(p) = doc.sections[i].parent {
            below[p] |= has[i] || below[i];
        }
    }
    (0..doc.sections.len())
        .filter(|&i| has[i] && !below[i])
        .map(|i| {
            let s = &doc.sections[i];
            new_item(Some(i), None, s.title_span.clone(), s.span.clone())
        })
        .collect()
}

/// Read an item's status: from the first words of each piece of rectification text, else
/// from the last sentence; sub-points that disagree make the item partial.
fn read_status(doc: &Document, vocab: &Vocabulary, item: &mut Item) {
    let within: Vec<usize> = doc.blocks_in(&item.span).collect();
    item.rectification = within
        .iter()
        .copied()
        .filter(|&b| is_rectification(&doc.blocks[b], vocab))
        .collect();
    let sources: Vec<usize> = if item.rectification.is_empty() {
        within.last().copied().into_iter().collect()
    } else {
        item.rectification.clone()
    };
    let mut found: Vec<(Status, Span)> = Vec::new();
    for b in sources {
        if let Some(hit) = block_status(doc, vocab, &doc.blocks[b]) {
            found.push(hit);
        }
    }
    let Some(first) = found.first().cloned() else {
        return;
    };
    if found.iter().all(|(s, _)| *s == first.0) {
        item.status = first.0;
        item.status_span = Some(first.1);
    } else {
        item.status = Status::Partial;
        item.status_span = found
            .iter()
            .find(|(s, _)| *s != Status::Done)
            .map(|(_, span)| span.clone());
    }
}

/// The status one block states: in the short clause after its label ("整改情况:整改完成。"),
/// else in its last sentence.
fn block_status(doc: &Document, vocab: &Vocabulary, block: &Block) -> Option<(Status, Span)> {
    let label_end = match &block.kind {
        BlockKind::Labelled { label_span, .. } => Some(label_span.end),
        _ => block.inline.iter().find_map(|i| match i {
            Inline::Label { label, span } if vocab.is_rectification_label(label) => Some(span.end),
            _ => None,
        }),
    };
    if let Some(start) = label_end {
        let text = &doc.source[start..block.span.end];
        let text = text.trim_start_matches([':', '：', ' ', '\u{3000}']);
        let start = block.span.end - text.len();
        let clause_end = text.find(['。', ';', '；']).unwrap_or(text.len());
        if text[..clause_end].chars().count() <= 24 {
            if let Some((s, r)) = vocab.status_in(&text[..clause_end]) {
                return Some((s, start + r.start..start + r.end));
            }
        }
    }
    let sentence = last_sentence(doc, &block.span);
    let (s, r) = vocab.status_in(&doc.source[sentence.clone()])?;
    Some((s, sentence.start + r.start..sentence.start + r.end))
}

/// The last sentence of a block, without its final stop.
fn last_sentence(doc: &Document, span: &Span) -> Span {
    let text = doc.source[span.clone()].trim_end_matches(['。', ';', '；', ' ', '\u{3000}']);
    let start = text.rfind(['。', ';', '；', ':', '：']).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    span.start + start..span.start + text.len()
}
