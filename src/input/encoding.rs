//! Text encodings: the ones Chinese reports are saved in, how to tell them apart, and strict
//! decoding that names the first byte that does not fit.
//!
//! Detection, when no encoding is forced: a byte order mark decides (UTF-8, UTF-16 LE or BE);
//! without one, NUL bytes falling mostly on odd (or even) positions mean UTF-16 LE (or BE);
//! otherwise the text is UTF-8 if it is valid UTF-8, else GB18030 if it decodes cleanly as
//! GB18030 (which covers GBK and GB2312). Nothing is ever replaced: a byte that does not decode
//! is an error naming its offset. Text guessed to be GB18030 that decodes into characters Chinese
//! is not written in (Big5 or Shift-JIS bytes do) is refused by the readers ([`not_chinese`]).

use std::fmt;
use std::str::FromStr;

/// An encoding zglint reads text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// GB18030, the superset of GBK and GB2312.
    Gb18030,
    /// GBK (decoded as GB18030, which accepts every GBK byte sequence).
    Gbk,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-16 of either byte order: the byte order mark decides, else the NUL pattern, else
    /// little-endian. Only ever forced, never detected.
    Utf16,
}

/// The names `--encoding` accepts, in the order the error lists them.
pub const ENCODING_NAMES: [&str; 6] = ["utf-8", "gb18030", "gbk", "utf-16le", "utf-16be", "utf-16"];

impl Encoding {
    /// The name the CLI takes and errors print, e.g. "gb18030".
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Gb18030 => "gb18030",
            Encoding::Gbk => "gbk",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Utf16 => "utf-16",
        }
    }

    /// The name errors print, e.g. "GB18030".
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
            Encoding::Gbk => "GBK",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf16 => "UTF-16",
        }
    }

    /// The decoder that reads this encoding (UTF-16 of no stated order reads as little-endian).
    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Gbk => encoding_rs::GBK,
            Encoding::Utf16Le | Encoding::Utf16 => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
        }
    }

    /// The encoding a web page's `charset` label names, when it is one of ours.
    pub(crate) fn from_label(label: &str) -> Option<Encoding> {
        let codec = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
        Some(match codec.name() {
            "UTF-8" => Encoding::Utf8,
            "gb18030" => Encoding::Gb18030,
            "GBK" => Encoding::Gbk,
            "UTF-16LE" => Encoding::Utf16Le,
            "UTF-16BE" => Encoding::Utf16Be,
            _ => return None,
        })
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// An `--encoding` value zglint does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown encoding {given:?}: expected one of {}", ENCODING_NAMES.join(", "))]
pub struct EncodingNameError {
    /// What was given.
    pub given: String,
}

impl FromStr for Encoding {
    type Err = EncodingNameError;

    /// Parse a name, ignoring case, `-` and `_`: "UTF-8", "utf8", "GB18030", "utf_16le"…
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Ok(match key.as_str() {
            "utf8" => Encoding::Utf8,
            "gb18030" => Encoding::Gb18030,
            "gbk" | "gb2312" | "cp936" => Encoding::Gbk,
            "utf16le" => Encoding::Utf16Le,
            "utf16be" => Encoding::Utf16Be,
            "utf16" => Encoding::Utf16,
            _ => {
                return Err(EncodingNameError {
                    given: s.to_string(),
                });
            }
        })
    }
}

/// Bytes that do not decode: the encoding tried and the offset of the first bad byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecodable {
    /// The encoding tried.
    pub encoding: Encoding,
    /// Byte offset of the first byte that does not decode, counted in the whole input.
    pub offset: usize,
}

/// Text as decoded, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without its byte order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: Encoding,
    /// Whether the input began with a byte order mark.
    pub bom: bool,
}

/// The byte order mark at the start of `bytes`, if any: its encoding and length.
pub fn bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((Encoding::Utf8, 3)),
        [0xFF, 0xFE, ..] => Some((Encoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((Encoding::Utf16Be, 2)),
        _ => None,
    }
}

/// How much of the start of a file the UTF-16 guess looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// UTF-16 without a byte order mark. Text of any other encoding has no NUL byte, and UTF-16
/// Chinese text has one in every ASCII character (`x 00` in LE) and in some ideographs (一 is
/// U+4E00), so a file with NUL bytes is read both ways: the byte order whose characters are
/// those Chinese reports are written in (ASCII, CJK ideographs and punctuation, full-width
/// forms) wins, if nine in ten of its characters are. Byte-swapped Chinese decodes to Hangul, rare
/// ideographs and symbols, and binary data to anything.
pub fn guess_utf16(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 2 || bytes.len() % 2 != 0 || !bytes.contains(&0) {
        return None;
    }
    // Whole code units (both lengths are even), not ending between a surrogate pair's halves.
    let end = bytes.len().min(SNIFF_BYTES);
    let score = |encoding: Encoding| -> Option<(usize, usize)> {
        let mut sample = &bytes[..end];
        let last = |s: &[u8]| match encoding {
            Encoding::Utf16Be => s.get(s.len().wrapping_sub(2)).copied(),
            _ => s.last().copied(),
        };
        if end < bytes.len() && last(sample).is_some_and(|b| (0xD8..0xDC).contains(&b)) {
            sample = &sample[..sample.len() - 2];
        }
        let text = decode_strict(sample, encoding, 0).ok()?;
        let (mut all, mut usual) = (0, 0);
        for c in text.chars() {
            all += 1;
            usual += usize::from(usual_in_reports(c));
        }
        Some((usual, all))
    };
    let le = score(Encoding::Utf16Le);
    let be = score(Encoding::Utf16Be);
    let fits = |s: Option<(usize, usize)>| s.filter(|&(u, a)| a > 0 && u * 10 >= a * 9);
    match (fits(le), fits(be)) {
        (Some((l, _)), Some((b, _))) if l == b => None,
        (Some((l, _)), Some((b, _))) => Some(if l > b {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        }),
        (Some(_), None) => Some(Encoding::Utf16Le),
        (None, Some(_)) => Some(Encoding::Utf16Be),
        (None, None) => None,
    }
}

/// Characters Chinese reports are written in: ASCII text, CJK ideographs, CJK and general
/// punctuation, full-width forms, circled numbers.
fn usual_in_reports(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~'
        | '\u{a0}' | '\u{b7}' | '\u{d7}' | '\u{2010}'..='\u{206f}' | '\u{2160}'..='\u{217f}'
        | '\u{2460}'..='\u{24ff}' | '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ff00}'..='\u{ffef}')
}

/// The least number of non-ASCII characters [`not_chinese`] judges a text by.
const JUDGED_CHARACTERS: usize = 16;

/// The share of its non-ASCII characters, in percent, from which a text is not Chinese.
const FOREIGN_PERCENT: usize = 30;

/// Whether a text read as GB18030 is not Chinese text after all: the percentage of its non-ASCII
/// characters that are not those Chinese reports are written in, when that share is at least
/// 30%, the text has at least 16 non-ASCII characters and they are at least half of its
/// characters (white space aside). A mostly-ASCII text is never judged.
///
/// Any two bytes from 0x81 on decode as GBK, so Big5 or Shift-JIS text read as GB18030 decodes
/// without an error into nonsense: Japanese kana, Greek, Cyrillic, box drawing, private-use
/// characters and the rare ideographs GBK added to GB2312. A real GB18030 report is nearly all
/// GB2312's ideographs, punctuation and full-width forms (of the seed reports, under 0.2% of the
/// non-ASCII characters are anything else; of the same reports saved as Big5, over 80%).
pub fn not_chinese(text: &str) -> Option<usize> {
    let (mut visible, mut non_ascii, mut foreign) = (0usize, 0usize, 0usize);
    // A report uses a few thousand distinct characters: each is encoded once.
    let mut known: std::collections::HashMap<char, bool> = std::collections::HashMap::new();
    for c in text.chars() {
        if c.is_ascii() {
            visible += usize::from(c.is_ascii_graphic());
            continue;
        }
        visible += 1;
        non_ascii += 1;
        foreign += usize::from(!*known.entry(c).or_insert_with(|| in_gb2312_text(c)));
    }
    let judged = non_ascii >= JUDGED_CHARACTERS && non_ascii * 2 >= visible;
    (judged && foreign * 100 >= non_ascii * FOREIGN_PERCENT).then(|| foreign * 100 / non_ascii)
}

/// A character of GB2312's punctuation and symbols (row 1), numbers (row 2), full-width forms
/// (row 3) or ideographs (rows 16–87), as Chinese text is written in; U+3000 to U+303F too.
fn in_gb2312_text(c: char) -> bool {
    if ('\u{3000}'..='\u{303f}').contains(&c) {
        return true;
    }
    let mut utf8 = [0u8; 4];
    let mut gbk = [0u8; 8];
    let mut encoder = encoding_rs::GBK.new_encoder();
    let (result, _, written) =
        encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut utf8), &mut gbk, true);
    result == encoding_rs::EncoderResult::InputEmpty
        && written == 2
        && matches!(gbk[0], 0xA1..=0xA3 | 0xB0..=0xF7)
        && (0xA1..=0xFE).contains(&gbk[1])
}

/// Decode `bytes` in `encoding`, replacing nothing. `base` is added to the error's offset (the
/// length of a byte order mark already skipped).
pub fn decode_strict(bytes: &[u8], encoding: Encoding, base: usize) -> Result<String, Undecodable> {
    let fail = |offset: usize| Undecodable {
        encoding,
        offset: base + offset,
    };
    if encoding == Encoding::Utf8 {
        return std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|e| fail(e.valid_up_to()));
    }
    let mut decoder = encoding.codec().new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .ok_or(fail(0))?;
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(text),
        encoding_rs::DecoderResult::Malformed(bad, after) => {
            Err(fail(read - usize::from(after) - usize::from(bad)))
        }
        // The buffer was sized for the worst case; this arm is not reached.
        encoding_rs::DecoderResult::OutputFull => Err(fail(read)),
    }
}

/// Decode text in the encoding given, or the one detected when none is given.
///
/// Errors: the bytes do not decode. When detecting, the error names UTF-8 and the first byte
/// that is not UTF-8 (the file was neither UTF-8 nor GB18030).
pub fn decode_text(bytes: &[u8], forced: Option<Encoding>) -> Result<Decoded, Undecodable> {
    let mark = bom(bytes);
    let decoded = |text, encoding, bom| Decoded {
        text,
        encoding,
        bom,
    };
    if let Some(forced) = forced {
        let (encoding, skip) = match (forced, mark) {
            (Encoding::Utf16, Some((e @ (Encoding::Utf16Le | Encoding::Utf16Be), n))) => (e, n),
            (Encoding::Utf16, _) => (guess_utf16(bytes).unwrap_or(Encoding::Utf16Le), 0),
            (f, Some((e, n))) if f == e => (f, n),
            (f, _) => (f, 0),
        };
        let text = decode_strict(&bytes[skip..], encoding, skip)?;
        return Ok(decoded(text, encoding, skip > 0));
    }
    if let Some((encoding, skip)) = mark {
        let text = decode_strict(&bytes[skip..], encoding, skip)?;
        return Ok(decoded(text, encoding, true));
    }
    if let Some(encoding) = guess_utf16(bytes) {
        if let Ok(text) = decode_strict(bytes, encoding, 0) {
            return Ok(decoded(text, encoding, false));
        }
    }
    match decode_strict(bytes, Encoding::Utf8, 0) {
        Ok(text) => Ok(decoded(text, Encoding::Utf8, false)),
        Err(not_utf8) => match decode_strict(bytes, Encoding::Gb18030, 0) {
            Ok(text) => Ok(decoded(text, Encoding::Gb18030, false)),
            Err(_) => Err(not_utf8),
        },
    }
}

#[cfg(test)]
mod tests;
