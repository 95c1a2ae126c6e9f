//! Windows: the part of a long line shown around a finding's labels.
//!
//! A Chinese paragraph is often one line of hundreds of characters. Printing it whole would wrap
//! in the terminal and push the underlines away from their text, so each label gets a window of
//! its line: the labelled text with some context either side, cut at character boundaries and
//! marked `…` where the line goes on. Labels close together on one line share a window; labels
//! far apart, on one line or on different lines, get windows of their own.

use crate::document::Span;
use crate::text::LineIndex;
use unicode_width::UnicodeWidthChar;

/// Columns of context kept on each side of a label, at least, when labels share a window.
const MIN_CONTEXT: usize = 6;

/// Columns of a label's text that windows make room for; a longer text is wrapped.
const LABEL_MIN: usize = 24;

/// The label of a primary mark that shares its window with labelled marks, to tell it from
/// them (and because miette hangs a bar that leads nowhere from an unlabelled underline left
/// of a labelled one).
pub const HERE: &str = "此处";

/// A place to show: a finding's primary span or one of its labels.
pub struct Mark {
    /// Bytes in the source.
    pub span: Span,
    /// The label's text, if any.
    pub text: Option<String>,
    /// Whether this is the finding's primary span.
    pub primary: bool,
}

/// A mark placed on its line.
pub struct Placed<'m> {
    /// The mark.
    pub mark: &'m Mark,
    /// 1-based line in the source.
    pub line: usize,
    /// The line's bytes, without its line break.
    pub line_span: Span,
    /// The mark's bytes, cut to its first line.
    pub span: Span,
}

/// A window: some marks of one line and the bytes of the line shown around them.
pub struct Frame<'m> {
    /// The marks, in the order of the line.
    pub marks: Vec<Placed<'m>>,
    /// The bytes of the line shown.
    pub shown: Span,
}

impl Frame<'_> {
    /// 1-based line in the source.
    pub fn line(&self) -> usize {
        self.marks[0].line
    }

    /// Whether the line goes on before the window.
    pub fn more_before(&self) -> bool {
        self.shown.start > self.marks[0].line_span.start
    }

    /// Whether the line goes on after the window.
    pub fn more_after(&self) -> bool {
        self.shown.end < self.marks[0].line_span.end
    }
}

/// The windows for `marks` in `source`, each at most `budget` columns wide with its `…` marks,
/// with room under it for its labels' text (`╰── ` and the text) in `budget` columns: the
/// primary mark's window first, then the others in the order of the report.
pub fn frames<'m>(
    source: &str,
    index: &LineIndex,
    marks: &'m [Mark],
    budget: usize,
) -> Vec<Frame<'m>> {
    let mut placed: Vec<Placed> = marks.iter().map(|m| place(source, index, m)).collect();
    placed.sort_by_key(|p| (p.line, p.span.start, p.span.end));
    let groups = group(source, &placed, budget);
    let mut spans: Vec<Span> = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let first = &placed[g[0]];
        let last = &placed[*g.last().unwrap_or(&g[0])];
        // A window stays clear of its neighbours on the line, unless their marks overlap.
        let floor = match (g[0].checked_sub(1).map(|j| &placed[j]), spans.last()) {
            (Some(prev), Some(s))
                if prev.line == first.line && prev.span.end <= first.span.start =>
            {
                s.end
            }
            _ => first.line_span.start,
        };
        let ceiling = match groups.get(i + 1).map(|n| &placed[n[0]]) {
            Some(next) if next.line == last.line && last.span.end <= next.span.start => {
                next.span.start
            }
            _ => first.line_span.end,
        };
        spans.push(frame(source, &placed, g, floor..ceiling, budget));
    }
    let mut placed: Vec<Option<Placed>> = placed.into_iter().map(Some).collect();
    let mut frames: Vec<Frame> = groups
        .iter()
        .zip(spans)
        .map(|(g, shown)| Frame {
            marks: g.iter().filter_map(|&j| placed[j].take()).collect(),
            shown,
        })
        .collect();
    // The primary mark's window first: its box heads the finding with its place.
    frames.sort_by_key(|f| !f.marks.iter().any(|p| p.mark.primary));
    frames
}

/// Display columns of a text, as miette counts them (see the module `human`).
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    match c {
        '\t' | '\r' => 1, // shown as a space
        c if crate::text::is_hidden_control(c) => crate::text::escaped(c).len(),
        c => c.width().unwrap_or(0),
    }
}

/// Push a character as printed: a tab or a carriage return as a space, and other control
/// characters (escapes, bells) and bidirectional controls, which would drive the terminal or
/// reorder the line, escaped (`\u{1b}`, `\u{202e}`) with the width of their escape.
pub fn push_shown(out: &mut String, c: char) {
    match c {
        '\t' | '\r' => out.push(' '),
        c if crate::text::is_hidden_control(c) => out.push_str(&crate::text::escaped(c)),
        c => out.push(c),
    }
}

/// Bytes of `text` once printed.
pub fn shown_len(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\t' | '\r' => 1,
            c if crate::text::is_hidden_control(c) => crate::text::escaped(c).len(),
            c => c.len_utf8(),
        })
        .sum()
}

/// `text` in lines of at most `columns` columns, broken after punctuation where one falls in
/// the second half of a line.
pub fn wrap(text: &str, columns: usize) -> String {
    let mut lines: Vec<&str> = Vec::new();
    let mut rest = text;
    while display_width(rest) > columns {
        let cut = take_right(rest, 0, rest.len(), columns);
        let half = take_right(rest, 0, cut, columns / 2);
        let at = rest[half..cut]
            .char_indices()
            .rev()
            .find(|&(_, c)| "，,、；;。：:）)”’》 ".contains(c))
            .map(|(i, c)| half + i + c.len_utf8())
            .unwrap_or(cut)
            .max(rest.chars().next().map_or(1, char::len_utf8));
        lines.push(rest[..at].trim_end());
        rest = &rest[at..];
    }
    lines.push(rest);
    lines.join("\n")
}

/// Find a mark's line and cut the mark to that line.
fn place<'m>(source: &str, index: &LineIndex, mark: &'m Mark) -> Placed<'m> {
    // Spans are on character boundaries; a stray one is moved to the nearest, not a panic.
    let mut start = mark.span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    // From the index, not by searching the text: a line of megabytes holds many marks.
    let std::ops::Range {
        start: line_start,
        end: mut line_end,
    } = index.line_span(start);
    if source[..line_end].ends_with('\r') && line_end > start {
        line_end -= 1;
    }
    let mut end = mark.span.end.clamp(start, line_end.max(start));
    while !source.is_char_boundary(end) {
        end += 1;
    }
    Placed {
        mark,
        line: index.line_column(start).0,
        line_span: line_start..line_end.max(start),
        span: start..end,
    }
}

/// Group marks (sorted by line and start) that can share a window: on one line, not
/// overlapping, together narrow enough to leave some context in the budget, and each with
/// room for its label's text right of its underline.
fn group(source: &str, placed: &[Placed], budget: usize) -> Vec<Vec<usize>> {
    let room = budget.saturating_sub(2 + 2 * MIN_CONTEXT);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        if let Some(g) = groups.last_mut() {
            let first = &placed[g[0]];
            let end = g.iter().map(|&j| placed[j].span.end).max().unwrap_or(0);
            let fits = display_width(&source[first.span.start..end.max(p.span.end)]) <= room
                && 1 + MIN_CONTEXT + bar(source, first.span.start, p) + need(p) <= budget;
            if first.line == p.line && end <= p.span.start && fits {
                g.push(i);
                continue;
            }
        }
        groups.push(vec![i]);
    }
    groups
}

/// Columns a label's text wants right of its bar: `╰── ` and the text, or the first
/// `LABEL_MIN` columns of a longer text, which is wrapped ([`HERE`] for a primary mark).
fn need(p: &Placed) -> usize {
    let text = match (&p.mark.text, p.mark.primary) {
        (Some(t), _) => t.as_str(),
        (None, true) => HERE,
        (None, false) => return 0,
    };
    4 + display_width(text).min(LABEL_MIN)
}

/// The column of the bar miette hangs a label from, counted from `start` (miette puts it
/// in the middle of the underline).
pub fn bar(source: &str, start: usize, p: &Placed) -> usize {
    let before = display_width(&source[start..p.span.start]);
    before + display_width(&source[p.span.clone()]).max(1) / 2
}

/// The bytes of the line shown for a group of marks: the marks, cut if they are too wide for
/// the budget, and as much context either side as the budget leaves within `bounds` (the
/// line, less the neighbouring windows). The left context is kept short enough for the
/// labels' text to fit right of their bars.
fn frame(source: &str, placed: &[Placed], group: &[usize], bounds: Span, budget: usize) -> Span {
    let line = &placed[group[0]].line_span;
    let start = placed[group[0]].span.start;
    let mut end = group
        .iter()
        .map(|&j| placed[j].span.end)
        .max()
        .unwrap_or(start);
    let lean = group
        .iter()
        .map(|&j| budget.saturating_sub(1 + bar(source, start, &placed[j]) + need(&placed[j])))
        .min()
        .unwrap_or(budget);
    // Two columns for the `…` marks.
    let budget = budget.saturating_sub(2);
    let cap = budget.saturating_sub(MIN_CONTEXT).max(1);
    let cut = display_width(&source[start..end]) > cap;
    if cut {
        // A mark too wide for the window is shown up to the cut, then `…`.
        let one = source[start..].chars().next().map_or(0, char::len_utf8);
        end = take_right(source, start, end, cap).max(start + one);
    }
    let used = display_width(&source[start..end]);
    let mut left = (budget.saturating_sub(used) / 2).min(lean);
    let mut right = budget.saturating_sub(used + left);
    if cut {
        left = (left + right).min(lean.max(MIN_CONTEXT));
        right = 0;
    }
    let ceiling = bounds.end.max(end).min(line.end);
    let mut to = take_right(source, end, ceiling, right);
    left = (left + right - display_width(&source[end..to])).min(lean);
    let from = take_left(source, bounds.start.min(start).max(line.start), start, left);
    let spare = left - display_width(&source[from..start]);
    if spare > 0 && !cut {
        to = take_right(source, to, ceiling, spare);
    }
    from..to
}

/// The byte after the characters from `from` that fit in `columns`, not past `limit`.
fn take_right(source: &str, from: usize, limit: usize, columns: usize) -> usize {
    let mut used = 0;
    for (i, c) in source[from..limit].char_indices() {
        used += char_width(c);
        if used > columns {
            return from + i;
        }
    }
    limit
}

/// The first byte of the characters before `to` that fit in `columns`, not before `limit`.
fn take_left(source: &str, limit: usize, to: usize, columns: usize) -> usize {
    let mut used = 0;
    for (i, c) in source[limit..to].char_indices().rev() {
        used += char_width(c);
        if used > columns {
            return limit + i + c.len_utf8();
        }
    }
    limit
}
