//! Text shared by the stages: byte offsets to lines and columns, the HTML comments of a text
//! (which the Markdown reader leaves alone and the check blanks out), the small numerals of
//! markers and dates ([`numeral`]) and many words looked up at one position ([`lexicon`]).

pub mod lexicon;
pub mod numeral;

use crate::document::Span;

/// Line starts of a text, to turn byte offsets into 1-based lines and character columns
/// without rescanning the text for every finding.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// (byte offset, characters before it) about every [`MARK_STRIDE`] bytes, so a column on a
    /// line of megabytes costs a few kilobytes of counting, not the whole line.
    marks: Vec<(usize, usize)>,
}

/// Bytes between two character-count marks.
const MARK_STRIDE: usize = 4096;

impl<'a> LineIndex<'a> {
    /// Index the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut marks = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        while text.len() - at > MARK_STRIDE {
            let mut next = at + MARK_STRIDE;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[at..next].chars().count();
            at = next;
            marks.push((at, chars));
        }
        LineIndex {
            text,
            starts,
            marks,
        }
    }

    /// Characters before a byte offset; None off a character boundary.
    fn chars_before(&self, offset: usize) -> Option<usize> {
        let i = self.marks.partition_point(|&(b, _)| b <= offset) - 1;
        let (at, chars) = self.marks[i];
        Some(chars + self.text.get(at..offset)?.chars().count())
    }

    /// The byte range of the line that holds `offset`, without its `\n`.
    pub fn line_span(&self, offset: usize) -> std::ops::Range<usize> {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        self.starts[line - 1]..end
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = match (self.chars_before(start), self.chars_before(offset)) {
            (Some(a), Some(b)) => b - a,
            _ => 0,
        };
        (line, column + 1)
    }
}

/// 1-based line and column (in characters) of a byte offset, for a single look-up.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(source).line_column(offset)
}

/// The HTML comments of a text, `<!--` to `-->` (or to the end of the text), in order.
pub fn comments(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find("<!--").map(|i| at + i) {
        let close = text[open + 4..]
            .find("-->")
            .map_or(text.len(), |i| open + 4 + i + 3);
        out.push(open..close);
        at = close;
    }
    out
}

/// Whether a character would drive a terminal or reorder what is shown, rather than be shown:
/// control characters (escape, bell, backspace, ...; line breaks and tabs apart) and the
/// bidirectional controls (U+202E and its kin), which let a text show other than it reads.
pub fn is_hidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How such a character is shown: `\u{1b}`, `\u{202e}` (ASCII, one column a byte).
pub fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// Report text (a message, a quote) as a terminal or a log may show it: each
/// [hidden control](is_hidden_control) escaped, line breaks and tabs kept.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden_control(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// A file name as shown: every control character escaped, line breaks and tabs too, so that a
/// name stays on its line.
pub fn escape_path(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| c == '\n' || c == '\t' || is_hidden_control(c);
    if !text.chars().any(hidden) {
        return text.into();
    }
    text.chars()
        .map(|c| if hidden(c) { escaped(c) } else { c.to_string() })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "一、总则\n巡察组于2023年";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, "一、".len()), (1, 3));
        let second = text.find('巡').unwrap();
        assert_eq!(line_column(text, second), (2, 1));
        let index = LineIndex::new(text);
        assert_eq!(index.line_span(0), 0..second - 1);
        assert_eq!(index.line_span(second - 1), 0..second - 1, "the line end");
        assert_eq!(index.line_span(second + 3), second..text.len());
        assert_eq!(index.line_span(text.len() + 1), second..text.len());
        assert_eq!(line_column(text, text.find('2').unwrap()), (2, 5));
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text.len()), (2, 10));
        assert_eq!(index.line_column(text.len() + 5), (2, 10));
    }

    #[test]
    fn columns_on_a_line_longer_than_the_marks() {
        // Mixed widths, so the marks fall inside characters and are moved to boundaries.
        let line = "a一二b".repeat(3000);
        let text = format!("首行\n{line}\n末行");
        let index = LineIndex::new(&text);
        assert!(index.marks.len() > 5);
        let second = text.find('a').unwrap();
        for (chars, (byte, _)) in line.char_indices().enumerate().step_by(997) {
            assert_eq!(index.line_column(second + byte), (2, chars + 1));
        }
        let last = text.rfind('末').unwrap();
        assert_eq!(index.line_column(last + 3), (3, 2));
        assert_eq!(
            index.line_column(second + 1 + 1),
            (2, 1),
            "inside a character"
        );
    }

    #[test]
    fn controls_and_bidi_are_escaped_text_is_not() {
        assert_eq!(escape_controls("占92%。"), "占92%。");
        assert_eq!(
            escape_controls("a\u{1b}]0;x\u{7}b\u{202e}c\n\td\r"),
            "a\\u{1b}]0;x\\u{7}b\\u{202e}c\n\td\\u{d}"
        );
        assert_eq!(escape_path("a\nb\u{2066}.txt"), "a\\u{a}b\\u{2066}.txt");
        assert!(!is_hidden_control('，'));
        assert!(is_hidden_control('\u{9b}'));
    }
}
