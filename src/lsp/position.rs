//! Positions as LSP counts them: a line (split at `\n`, `\r\n` or `\r`) and a column in code
//! units of the negotiated encoding — UTF-16 unless the client and server agreed on another.

use lsp_types::{Position, PositionEncodingKind, Range};

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units: a character outside the BMP (𠀀) counts two. LSP's default.
    Utf16,
    /// Characters (Unicode scalar values).
    Utf32,
}

impl Units {
    /// The first encoding of the client's list (its order of preference) the server speaks;
    /// UTF-16 when it offers none.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Units {
        offered
            .into_iter()
            .flatten()
            .find_map(|kind| match kind.as_str() {
                "utf-8" => Some(Units::Utf8),
                "utf-16" => Some(Units::Utf16),
                "utf-32" => Some(Units::Utf32),
                _ => None,
            })
            .unwrap_or(Units::Utf16)
    }

    /// The name LSP gives it.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Units::Utf8 => PositionEncodingKind::UTF8,
            Units::Utf16 => PositionEncodingKind::UTF16,
            Units::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn of(self, c: char) -> usize {
        match self {
            Units::Utf8 => c.len_utf8(),
            Units::Utf16 => c.len_utf16(),
            Units::Utf32 => 1,
        }
    }
}

/// A text's lines, to turn byte offsets into LSP positions and back.
pub struct LineMap<'a> {
    text: &'a str,
    /// The byte offset where each line starts.
    starts: Vec<usize>,
    units: Units,
}

impl<'a> LineMap<'a> {
    /// The lines of `text`, with columns counted in `units`.
    pub fn new(text: &'a str, units: Units) -> LineMap<'a> {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineMap {
            text,
            starts,
            units,
        }
    }

    /// The content of line `n` (without its line break), as a byte range.
    fn line(&self, n: usize) -> std::ops::Range<usize> {
        let start = self.starts[n];
        let end = self.starts.get(n + 1).map_or(self.text.len(), |&next| {
            let mut end = next;
            let b = self.text.as_bytes();
            if end > start && b[end - 1] == b'\n' {
                end -= 1;
            }
            if end > start && b[end - 1] == b'\r' {
                end -= 1;
            }
            end
        });
        start..end
    }

    /// The position of byte `offset` (clamped to the text, and back to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let n = self.starts.partition_point(|&s| s <= offset) - 1;
        let line = self.line(n);
        // An offset inside a line break stands at the end of the line's content.
        let upto = offset.min(line.end);
        let column: usize = self.text[line.start..upto]
            .chars()
            .map(|c| self.units.of(c))
            .sum();
        Position::new(saturate(n), saturate(column))
    }

    /// The range of bytes `span`.
    pub fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position: a line past the end is the end of the text, a column past
    /// the line's end is the line's end, a column inside a character is that character's start.
    pub fn offset(&self, position: Position) -> usize {
        let n = position.line as usize;
        if n >= self.starts.len() {
            return self.text.len();
        }
        let line = self.line(n);
        let want = position.character as usize;
        let mut column = 0;
        for (i, c) in self.text[line.clone()].char_indices() {
            let next = column + self.units.of(c);
            if next > want {
                return line.start + i;
            }
            column = next;
        }
        line.end
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_by_default_and_non_bmp_characters_twice() {
        let text = "一、总体情况\n𠀀柳溪镇共5个问题\r\n末行";
        let map = LineMap::new(text, Units::Utf16);
        let five = text.find('5').unwrap();
        assert_eq!(map.position(five), Position::new(1, 6));
        assert_eq!(map.offset(Position::new(1, 6)), five);
        // The same in UTF-8 bytes and in characters.
        assert_eq!(
            LineMap::new(text, Units::Utf8).position(five),
            Position::new(1, 16)
        );
        assert_eq!(
            LineMap::new(text, Units::Utf32).position(five),
            Position::new(1, 5)
        );
        // After a CRLF the next line starts at column 0.
        let last = text.find('末').unwrap();
        assert_eq!(map.position(last), Position::new(2, 0));
        assert_eq!(map.offset(Position::new(2, 0)), last);
    }

    #[test]
    fn positions_out_of_the_text_are_clamped_and_never_panic() {
        let text = "𠀀甲\n乙";
        let map = LineMap::new(text, Units::Utf16);
        // Inside the surrogate pair: the character's start.
        assert_eq!(map.offset(Position::new(0, 1)), 0);
        // Past the line's end: before its line break.
        assert_eq!(map.offset(Position::new(0, 99)), text.find('\n').unwrap());
        assert_eq!(map.offset(Position::new(7, 0)), text.len());
        // An offset inside a character or past the end.
        assert_eq!(map.position(1), Position::new(0, 0));
        assert_eq!(map.position(999), Position::new(1, 1));
        assert_eq!(
            LineMap::new("", Units::Utf16).position(0),
            Position::new(0, 0)
        );
    }

    #[test]
    fn the_client_s_first_known_encoding_is_chosen() {
        let offered = [
            PositionEncodingKind::new("utf-7"),
            PositionEncodingKind::UTF32,
            PositionEncodingKind::UTF8,
        ];
        assert_eq!(Units::negotiate(Some(&offered)), Units::Utf32);
        assert_eq!(Units::negotiate(None), Units::Utf16);
        assert_eq!(Units::negotiate(Some(&[])), Units::Utf16);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every character boundary that is not inside a line break survives the round trip, in
        /// every encoding, and the column matches the units counted independently.
        #[test]
        fn offsets_and_positions_round_trip(text in "[a-z一-龥𠀀-𠀉\r\n，]{0,40}") {
            for units in [Units::Utf8, Units::Utf16, Units::Utf32] {
                let map = LineMap::new(&text, units);
                for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    let position = map.position(offset);
                    let before = &text[..offset];
                    if before.ends_with('\r') && text[offset..].starts_with('\n') {
                        continue;
                    }
                    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
                    let lines = before.matches('\n').count() + before.matches('\r').count()
                        - before.matches("\r\n").count();
                    let prefix = &text[line_start..offset];
                    let column = match units {
                        Units::Utf8 => prefix.len(),
                        Units::Utf16 => prefix.encode_utf16().count(),
                        Units::Utf32 => prefix.chars().count(),
                    };
                    prop_assert_eq!(position, Position::new(lines as u32, column as u32));
                    prop_assert_eq!(map.offset(position), offset);
                }
            }
        }
    }
}
