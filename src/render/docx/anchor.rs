//! Comment ranges in `word/document.xml`: a finding's byte span in the checked text becomes a
//! `w:commentRangeStart`, a `w:commentRangeEnd` and a run holding the `w:commentReference`,
//! placed between runs, or in a run cut in two (its `w:rPr` copied onto both halves) when the
//! span starts or ends inside it. Everything else is copied byte for byte.

use super::scan::{Body, Para, Run};
use std::collections::BTreeMap;
use std::ops::Range;

/// Where each paragraph's own text (without its numbering label) lies in the checked text.
pub(super) struct Map {
    /// For each paragraph: where it starts in the text, and the length of its label.
    starts: Vec<(usize, usize)>,
}

impl Map {
    /// Match the body's paragraphs with the reader's paragraph starts in `text`.
    pub(super) fn new(text: &str, starts: &[usize], body: &Body) -> Result<Map, String> {
        if starts.len() != body.paras.len() {
            return Err(format!(
                "the document has {} paragraphs where the text checked has {}",
                body.paras.len(),
                starts.len()
            ));
        }
        let mut out = Vec::with_capacity(starts.len());
        for (i, (&start, para)) in starts.iter().zip(&body.paras).enumerate() {
            let next = starts.get(i + 1).copied().unwrap_or(text.len());
            let label = label_len(text, start, next, &para.text).ok_or_else(|| {
                format!(
                    "paragraph {} of the document is not the text checked at byte {start}",
                    i + 1
                )
            })?;
            out.push((start, label));
        }
        Ok(Map { starts: out })
    }
}

/// The length of the label before `own` in the paragraph starting at `start`: the one that
/// ends the paragraph's text just before the separator preceding the next paragraph, else the
/// shortest that fits.
fn label_len(text: &str, start: usize, next: usize, own: &str) -> Option<usize> {
    let fits = |label: usize| {
        let at = start + label;
        text.is_char_boundary(at)
            && text.get(at..).is_some_and(|t| t.starts_with(own))
            && at + own.len() <= next
    };
    let exact = next
        .checked_sub(1 + own.len())
        .and_then(|e| e.checked_sub(start));
    if let Some(label) = exact.filter(|&l| fits(l)) {
        return Some(label);
    }
    (0..=next.saturating_sub(start)).find(|&l| fits(l))
}

/// One marker of one comment.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Mark {
    /// The end of a comment that started elsewhere.
    EndAfter(u64),
    Start(u64),
    /// The end of a comment that started at the same place (an empty range).
    EndHere(u64),
}

impl Mark {
    fn xml(self) -> String {
        match self {
            Mark::Start(id) => format!(r#"<w:commentRangeStart w:id="{id}"/>"#),
            Mark::EndAfter(id) | Mark::EndHere(id) => format!(
                r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#
            ),
        }
    }
}

/// A place in the XML.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Place {
    /// A byte offset between elements.
    At(usize),
    /// Inside run `run` of paragraph `para`, after `offset` bytes of its text.
    Cut {
        para: usize,
        run: usize,
        offset: usize,
    },
    /// Inside the empty paragraph `para` (`<w:p/>`).
    Empty(usize),
}

/// The comment ranges to add.
#[derive(Default)]
pub(super) struct Anchors {
    at: BTreeMap<usize, Vec<Mark>>,
    cuts: BTreeMap<(usize, usize), BTreeMap<usize, Vec<Mark>>>,
    empty: BTreeMap<usize, Vec<Mark>>,
}

impl Anchors {
    /// Anchor comment `id` on `span` of the text.
    pub(super) fn add(&mut self, map: &Map, body: &Body, id: u64, span: Range<usize>) {
        let start = place(map, body, span.start, true);
        let end = if span.end > span.start {
            place(map, body, span.end, false)
        } else {
            start
        };
        let end_mark = if end == start {
            Mark::EndHere(id)
        } else {
            Mark::EndAfter(id)
        };
        self.put(start, Mark::Start(id));
        self.put(end, end_mark);
    }

    fn put(&mut self, place: Place, mark: Mark) {
        let marks = match place {
            Place::At(at) => self.at.entry(at).or_default(),
            Place::Cut { para, run, offset } => self
                .cuts
                .entry((para, run))
                .or_default()
                .entry(offset)
                .or_default(),
            Place::Empty(para) => self.empty.entry(para).or_default(),
        };
        marks.push(mark);
    }

    /// The document with the comment ranges in.
    pub(super) fn write(&self, xml: &str, body: &Body) -> String {
        // Edits by position: (start, end, replacement); insertions have start == end.
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        for (&at, marks) in &self.at {
            edits.push((at, at, marks_xml(marks)));
        }
        for (&(p, r), cuts) in &self.cuts {
            let run = &body.paras[p].runs[r];
            edits.push((run.xml.start, run.xml.end, cut_run(xml, run, cuts)));
        }
        for (&p, marks) in &self.empty {
            let para = &body.paras[p];
            let tag = xml[para.open.clone()].trim_end_matches("/>").trim_end();
            edits.push((
                para.open.start,
                para.open.end,
                format!("{tag}>{}</w:p>", marks_xml(marks)),
            ));
        }
        // Insertions at a run's start go before the run; those at its end come after it.
        edits.sort_by_key(|(s, e, _)| (*s, *e));
        let mut out = String::with_capacity(xml.len() + edits.len() * 120);
        let mut from = 0;
        for (s, e, text) in edits {
            if s < from {
                continue;
            }
            out.push_str(&xml[from..s]);
            out.push_str(&text);
            from = e;
        }
        out.push_str(&xml[from..]);
        out
    }
}

fn marks_xml(marks: &[Mark]) -> String {
    let mut marks = marks.to_vec();
    marks.sort();
    marks.into_iter().map(Mark::xml).collect()
}

/// Where byte `offset` of the text lies in the XML: before the character at `offset` for a
/// start, after the one before it for an end. A place in a numbering label, which no run
/// holds, is the paragraph's start (a start) or its end (an end).
fn place(map: &Map, body: &Body, offset: usize, start: bool) -> Place {
    // The paragraph holding the character (for an end, the one before `offset`).
    let probe = if start {
        offset
    } else {
        offset.saturating_sub(1)
    };
    let i = map
        .starts
        .partition_point(|&(s, _)| s <= probe)
        .saturating_sub(1);
    let Some((&(para_start, label), para)) = map.starts.get(i).zip(body.paras.get(i)) else {
        return Place::At(0);
    };
    if para.empty {
        return Place::Empty(i);
    }
    let own = offset.saturating_sub(para_start + label);
    let in_label = offset < para_start + label || (!start && offset == para_start + label);
    if in_label {
        return Place::At(if start { para.content } else { para.close });
    }
    let own = own.min(para.text.len());
    if start {
        match para
            .runs
            .iter()
            .position(|r| r.len > 0 && own < r.at + r.len)
        {
            None => Place::At(para.close),
            Some(r) if own <= para.runs[r].at => Place::At(para.runs[r].xml.start),
            Some(r) => cut(para, r, own - para.runs[r].at, true),
        }
    } else {
        match para.runs.iter().rposition(|r| r.len > 0 && own > r.at) {
            None => Place::At(para.content),
            Some(r) if own >= para.runs[r].at + para.runs[r].len => Place::At(para.runs[r].xml.end),
            Some(r) => cut(para, r, own - para.runs[r].at, false),
        }
    }
    .with_para(i)
}

impl Place {
    fn with_para(self, para: usize) -> Place {
        match self {
            Place::Cut { run, offset, .. } => Place::Cut { para, run, offset },
            other => other,
        }
    }
}

/// A cut inside run `r` after `offset` bytes of its text, moved to the edge of a child that
/// cannot be cut (not a `w:t`) or to a character boundary; at the run's edge, no cut.
fn cut(para: &Para, r: usize, offset: usize, start: bool) -> Place {
    let run = &para.runs[r];
    let mut at = 0;
    for child in &run.children {
        let end = at + child.text.len();
        if offset > at && offset < end {
            let inside = offset - at;
            let offset = if child.is_t {
                let mut o = inside;
                while !child.text.is_char_boundary(o) {
                    o -= 1;
                }
                at + o
            } else if start {
                at
            } else {
                end
            };
            return edge(para, r, offset);
        }
        at = end;
    }
    edge(para, r, offset)
}

fn edge(para: &Para, r: usize, offset: usize) -> Place {
    let run = &para.runs[r];
    if offset == 0 {
        Place::At(run.xml.start)
    } else if offset >= run.len {
        Place::At(run.xml.end)
    } else {
        Place::Cut {
            para: 0,
            run: r,
            offset,
        }
    }
}

/// Run `run` cut at each offset of `cuts`, the marks between the pieces.
fn cut_run(xml: &str, run: &Run, cuts: &BTreeMap<usize, Vec<Mark>>) -> String {
    let open = &xml[run.open.clone()];
    let props = run.props.clone().map_or("", |p| &xml[p]);
    let mut out = format!("{open}{props}");
    let mut cuts = cuts.iter().peekable();
    let mut at = 0;
    for child in &run.children {
        let end = at + child.text.len();
        // Cuts inside this child (a w:t) or at its start.
        let mut from = 0;
        while let Some((&offset, marks)) = cuts.next_if(|(o, _)| **o < end || **o == at) {
            let inside = offset.saturating_sub(at);
            if inside > from {
                out.push_str(&text_element(&child.text[from..inside]));
            }
            out.push_str("</w:r>");
            out.push_str(&marks_xml(marks));
            out.push_str(open);
            out.push_str(props);
            from = inside;
        }
        if from == 0 {
            out.push_str(&xml[child.xml.clone()]);
        } else if from < child.text.len() {
            out.push_str(&text_element(&child.text[from..]));
        }
        at = end;
    }
    for (_, marks) in cuts {
        out.push_str("</w:r>");
        out.push_str(&marks_xml(marks));
        out.push_str(open);
        out.push_str(props);
    }
    out.push_str("</w:r>");
    out
}

fn text_element(text: &str) -> String {
    format!(r#"<w:t xml:space="preserve">{}</w:t>"#, escape(text))
}

/// Text as XML character data or an attribute value.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// A character XML 1.0 allows.
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
