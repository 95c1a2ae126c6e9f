//! The windows of one finding as miette's source code.
//!
//! The windows are laid out one per line in a text of their own, which miette renders through
//! [`Windows`], a [`SourceCode`] that reports each window under its real line number and the
//! real (character) column of the span asked for.

use super::window::{self, Mark, display_width, push_shown, shown_len};
use crate::document::Span;
use crate::text::LineIndex;
use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// The mark at either end of a window whose line goes on.
const MORE: char = '…';

/// One window in the text.
struct Window {
    /// 1-based line in the source.
    line: usize,
    /// 1-based character column in the source of the first character shown.
    column: usize,
    /// Bytes of `Windows::text`: the window with its `…` marks, without its newline.
    at: Span,
    /// Where the shown source text starts in `Windows::text` (after a leading `…`).
    body: usize,
    /// Where a character is shown as an escape of several (`\u{202e}`): its offset in
    /// `Windows::text` and the characters the escape adds, so columns stay the source's.
    escapes: Vec<(usize, usize)>,
}

/// The windows of one finding, as miette's source code.
pub struct Windows {
    name: String,
    text: String,
    windows: Vec<Window>,
}

impl Windows {
    /// Windows for `marks` in `source`, fitting in `width` columns with miette's gutter, and
    /// the marks as miette labels into them.
    pub fn new(
        name: &str,
        source: &str,
        index: &LineIndex,
        marks: &[Mark],
        width: usize,
    ) -> (Windows, Vec<LabeledSpan>) {
        let last_line = marks
            .iter()
            .map(|m| index.line_column(m.span.start).0)
            .max();
        // miette's gutter is ` 123 │ `: the line number's digits and four columns.
        let gutter = last_line.unwrap_or(1).to_string().len() + 4;
        let budget = width.saturating_sub(gutter);
        let mut out = Windows {
            name: name.to_string(),
            text: String::new(),
            windows: Vec::new(),
        };
        let mut labels = Vec::new();
        for frame in window::frames(source, index, marks, budget) {
            let shown_span = frame.shown.clone();
            let start = out.text.len();
            if frame.more_before() {
                out.text.push(MORE);
            }
            let body = out.text.len();
            let mut escapes = Vec::new();
            for c in source[shown_span.clone()].chars() {
                let at = out.text.len();
                push_shown(&mut out.text, c);
                let added = out.text[at..].chars().count() - 1;
                if added > 0 {
                    escapes.push((at, added));
                }
            }
            if frame.more_after() {
                out.text.push(MORE);
            }
            out.windows.push(Window {
                line: frame.line(),
                column: index.line_column(shown_span.start).1,
                at: start..out.text.len(),
                body,
                escapes,
            });
            out.text.push('\n');
            let labelled = frame.marks.iter().any(|p| p.mark.text.is_some());
            for p in &frame.marks {
                // Where the mark is in the text, from where it is in the source.
                let at = |offset: usize| {
                    let offset = offset.clamp(shown_span.start, shown_span.end);
                    body + shown_len(&source[shown_span.start..offset])
                };
                let (from, to) = (at(p.span.start), at(p.span.end));
                // miette hangs a label's text off the middle of its underline and does not
                // wrap it: wrap it to the columns left of the width.
                let left = display_width(&out.text[start..from]);
                let right = display_width(&out.text[start..to]).max(left + 1);
                let room = width.saturating_sub(gutter + (left + right) / 2 + 4);
                let text = match &p.mark.text {
                    Some(t) => Some(window::wrap(t, room.max(12))),
                    None if p.mark.primary && labelled => Some(window::HERE.to_string()),
                    None => None,
                };
                let span = SourceSpan::from(from..to);
                labels.push(if p.mark.primary {
                    LabeledSpan::new_primary_with_span(text, span)
                } else {
                    LabeledSpan::new_with_span(text, span)
                });
            }
        }
        (out, labels)
    }

    /// The text miette renders: the windows, one per line.
    #[cfg(test)]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The index of the window holding byte `offset` of the text, its newline included.
    fn window_at(&self, offset: usize) -> Option<usize> {
        self.windows
            .iter()
            .position(|w| w.at.start <= offset && offset <= w.at.end)
    }
}

impl SourceCode for Windows {
    /// The window(s) holding `span`. A span across windows is readable only when they show
    /// consecutive lines, so miette draws windows of neighbouring lines in one box and every
    /// other window in a box of its own. Context lines are never added.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let first = self
            .window_at(span.offset())
            .ok_or(MietteError::OutOfBounds)?;
        let end = span.offset() + span.len().saturating_sub(1);
        let last = self.window_at(end).ok_or(MietteError::OutOfBounds)?;
        if last < first
            || (first..last).any(|i| self.windows[i + 1].line != self.windows[i].line + 1)
        {
            return Err(MietteError::OutOfBounds);
        }
        let w = &self.windows[first];
        let data_end = (self.windows[last].at.end + 1).min(self.text.len());
        let before = span.offset().clamp(w.body, w.at.end);
        let added: usize = w
            .escapes
            .iter()
            .filter(|&&(at, _)| at < before)
            .map(|&(_, n)| n)
            .sum();
        let column = w.column - 1 + self.text[w.body..before].chars().count() - added;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[w.at.start..data_end],
            SourceSpan::from(w.at.start..data_end),
            w.line - 1,
            column,
            last - first + 1,
        )))
    }
}
