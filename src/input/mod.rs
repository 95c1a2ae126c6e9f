//! Reading the files editors have: plain text and Markdown in UTF-8, GB18030/GBK or UTF-16;
//! Word documents (`.docx`), numbering labels included; saved web pages (`.html`, `.htm`).
//!
//! Every reader returns an [`Input`]: the text zglint checks, and what it was read from. Spans
//! are byte offsets into `Input::text`. For a UTF-8 text file that is the file's own bytes (a
//! byte order mark is not part of the text, so offsets start after it); CRLF line ends are kept
//! as they are (the grammar reads `\r\n` as a line end). For other encodings, `.docx` and HTML,
//! the offsets are into the text as extracted and decoded to UTF-8. A Markdown report
//! (`.md`, `.markdown`) is read as the rendered page shows it, its marks blanked out with spaces
//! ([`markdown::rendered`]), so its offsets are still those of the text as written, which
//! [`Input::written`] keeps for quoting and fixing.
//!
//! Hostile files meet [`Limits`]: the file's size, the bytes a `.docx` inflates to (counted
//! while inflating, never trusted from the zip's headers), its number of entries and the depth
//! of its XML. Each problem is a [`ReadError`] naming the file; nothing panics.

pub(crate) mod docx;
pub mod encoding;
mod error;
mod html;
pub mod markdown;

pub use encoding::{Encoding, EncodingNameError};
pub use error::ReadError;

use std::io::Read;
use std::path::Path;

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// An encoding to use instead of detecting one (`--encoding`), for text and web pages.
    pub encoding: Option<Encoding>,
    /// Size limits against hostile files.
    pub limits: Limits,
}

/// Size limits against hostile files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes (a `.docx` counts its compressed size).
    pub file_bytes: u64,
    /// The most bytes a `.docx`'s parts may inflate to, all parts together.
    pub inflated_bytes: u64,
    /// The most entries a `.docx` may list.
    pub zip_entries: usize,
    /// The deepest nesting of XML elements in a `.docx` part.
    pub xml_depth: usize,
}

impl Default for Limits {
    /// 32 MiB files, 64 MiB inflated, 10,000 zip entries, XML 256 elements deep: far above
    /// any real report (a long one is under 1 MiB of text).
    fn default() -> Self {
        Limits {
            file_bytes: 32 << 20,
            inflated_bytes: 64 << 20,
            zip_entries: 10_000,
            xml_depth: 256,
        }
    }
}

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Format {
    /// Plain text or Markdown.
    Text {
        /// The encoding it was decoded from.
        encoding: Encoding,
        /// Whether it began with a byte order mark (not part of the text).
        bom: bool,
    },
    /// A saved web page: its main text, one line per block.
    Html {
        /// The encoding the page was decoded from.
        encoding: Encoding,
    },
    /// A Word document: its paragraphs, one per line, numbering labels included.
    Docx,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Format::Text { encoding, bom } => {
                let bom = if *bom { " with BOM" } else { "" };
                write!(f, "text ({encoding}{bom})")
            }
            Format::Html { encoding } => write!(f, "web page ({encoding})"),
            Format::Docx => f.write_str("Word document"),
        }
    }
}

impl Format {
    /// The bytes of `text` in this format, to write fixes back into the file: a text file
    /// keeps its encoding and byte order mark. `None` for a web page or a Word document,
    /// which zglint reads but cannot rewrite, and for text that GBK cannot encode.
    pub fn encode(&self, text: &str) -> Option<Vec<u8>> {
        let Format::Text { encoding, bom } = *self else {
            return None;
        };
        let mut out = Vec::with_capacity(text.len() + 3);
        let units = |big: bool| -> Vec<u8> {
            text.encode_utf16()
                .flat_map(|u| {
                    if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect()
        };
        match encoding {
            Encoding::Utf8 => {
                if bom {
                    out.extend_from_slice(b"\xEF\xBB\xBF");
                }
                out.extend_from_slice(text.as_bytes());
            }
            Encoding::Gb18030 | Encoding::Gbk => {
                let codec = if encoding == Encoding::Gbk {
                    encoding_rs::GBK
                } else {
                    encoding_rs::GB18030
                };
                let (bytes, _, unmappable) = codec.encode(text);
                if unmappable {
                    return None;
                }
                out.extend_from_slice(&bytes);
            }
            Encoding::Utf16Le | Encoding::Utf16 => {
                if bom {
                    out.extend_from_slice(&[0xFF, 0xFE]);
                }
                out.extend(units(false));
            }
            Encoding::Utf16Be => {
                if bom {
                    out.extend_from_slice(&[0xFE, 0xFF]);
                }
                out.extend(units(true));
            }
        }
        Some(out)
    }
}

/// A file as zglint reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The text to check; spans are byte offsets into it. For Markdown, the page as rendered:
    /// the text as written with its marks blanked out by spaces (same length, same lines).
    pub text: String,
    /// For a Markdown report whose marks were blanked, the text as written; `None` when `text`
    /// is the text as written. See [`Input::written`].
    pub written: Option<String>,
    /// What it was read from.
    pub format: Format,
    /// For a `.docx`, the byte offset in `text` where each Word paragraph starts, in order
    /// (empty otherwise). See [`Input::paragraph_of`].
    pub paragraphs: Vec<usize>,
}

impl Input {
    /// The text as written (decoded), which output quotes and fixes edit: for Markdown, with
    /// its marks; otherwise `text` itself. Its offsets are those of `text`.
    pub fn written(&self) -> &str {
        self.written.as_deref().unwrap_or(&self.text)
    }

    /// The 1-based number of the Word paragraph that holds byte `offset` of the text, for a
    /// `.docx`; `None` for other formats or an offset past the end.
    ///
    /// Paragraphs are counted as Word's object model counts the body's paragraphs: every
    /// `w:p` in document order, empty ones included, and each paragraph of a table cell
    /// (cells are read row by row). Text boxes, headers, footers and footnotes are not read.
    pub fn paragraph_of(&self, offset: usize) -> Option<usize> {
        if offset > self.text.len() {
            return None;
        }
        paragraph_at(&self.paragraphs, offset)
    }
}

/// The 1-based number of the paragraph holding byte `offset`, given where each paragraph
/// starts ([`Input::paragraphs`]); `None` when there are none. For renderers that keep the
/// starts without the text.
pub fn paragraph_at(paragraphs: &[usize], offset: usize) -> Option<usize> {
    match paragraphs.partition_point(|&start| start <= offset) {
        0 => None,
        n => Some(n),
    }
}

/// Read a report file: the format from its extension, the encoding detected or forced.
pub fn read_input(path: &Path, opts: &ReadOptions) -> Result<Input, ReadError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| ReadError::Io {
        path: name.clone(),
        source,
    })?;
    read_from(&name, file, opts)
}

/// Read a report from a stream (standard input), at most `opts.limits.file_bytes` of it;
/// `name` chooses the format by its extension (`--stdin-filename`) and names the input in
/// errors.
pub fn read_from(name: &str, reader: impl Read, opts: &ReadOptions) -> Result<Input, ReadError> {
    let limit = opts.limits.file_bytes;
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            path: name.to_string(),
            source,
        })?;
    read_bytes(name, bytes, opts)
}

/// Whether `name` is a Markdown report's (`.md`, `.markdown`), read as [`markdown::rendered`].
pub fn is_markdown(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        e == "md" || e == "markdown"
    })
}

/// Read a report's bytes. `name` chooses the format by its extension (`.docx`; `.html` or
/// `.htm`; `.md` or `.markdown` is Markdown; anything else is text) and names the file in
/// errors.
pub fn read_bytes(name: &str, bytes: Vec<u8>, opts: &ReadOptions) -> Result<Input, ReadError> {
    let limit = opts.limits.file_bytes;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: name.to_string(),
            what: "the file".to_string(),
            limit,
        });
    }
    let extension = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "docx" | "docm" | "dotx" => docx::read(name, &bytes, &opts.limits),
        "html" | "htm" | "xhtml" | "shtml" => html::read(name, &bytes, opts),
        _ if bytes.starts_with(ZIP_MAGIC) => docx::read(name, &bytes, &opts.limits),
        _ => {
            let mut input = read_text(name, bytes, opts.encoding)?;
            if is_markdown(name) {
                if let std::borrow::Cow::Owned(shown) = markdown::rendered(&input.text) {
                    input.written = Some(std::mem::replace(&mut input.text, shown));
                }
            }
            Ok(input)
        }
    }
}

/// A zip archive's first bytes: a `.docx` read from a file of another name.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// An OLE compound file's first bytes: Word 97–2003 `.doc`, WPS `.wps`.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Read plain text or Markdown: the encoding forced, or detected.
pub(crate) fn read_text(
    name: &str,
    bytes: Vec<u8>,
    forced: Option<Encoding>,
) -> Result<Input, ReadError> {
    let unsupported = |what: &str| ReadError::Unsupported {
        path: name.to_string(),
        problem: format!("{what}, which zglint does not read: save it as .docx or as text"),
    };
    if bytes.starts_with(OLE_MAGIC) {
        return Err(unsupported("a Word 97–2003 or WPS document"));
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(unsupported("a PDF"));
    }
    // UTF-16 is full of NUL bytes; any other text has none.
    let utf16 = match forced {
        Some(e) => matches!(e, Encoding::Utf16 | Encoding::Utf16Le | Encoding::Utf16Be),
        None => {
            encoding::bom(&bytes).is_some_and(|(e, _)| e != Encoding::Utf8)
                || encoding::guess_utf16(&bytes).is_some()
        }
    };
    let nul = bytes.iter().position(|&b| b == 0);
    if let (false, Some(offset)) = (utf16, nul) {
        return Err(ReadError::Binary {
            path: name.to_string(),
            offset,
        });
    }
    let decoded = encoding::decode_text(&bytes, forced).map_err(|e| undecodable(name, e))?;
    // Undetected, GB18030 is the guess when the bytes are not UTF-8.
    let guessed = forced.is_none() && decoded.encoding == Encoding::Gb18030;
    check_guess(name, &decoded.text, decoded.encoding, guessed)?;
    Ok(Input {
        text: decoded.text,
        format: Format::Text {
            encoding: decoded.encoding,
            bom: decoded.bom,
        },
        written: None,
        paragraphs: Vec::new(),
    })
}

/// The error for text whose encoding was `guessed` and that is not Chinese text
/// ([`encoding::not_chinese`]).
fn check_guess(name: &str, text: &str, encoding: Encoding, guessed: bool) -> Result<(), ReadError> {
    if !guessed {
        return Ok(());
    }
    match encoding::not_chinese(text) {
        Some(percent) => Err(ReadError::NotChinese {
            path: name.to_string(),
            encoding: encoding.label().to_string(),
            percent,
        }),
        _ => Ok(()),
    }
}

/// The error for bytes that do not decode.
fn undecodable(name: &str, e: encoding::Undecodable) -> ReadError {
    ReadError::Encoding {
        path: name.to_string(),
        encoding: e.encoding.label().to_string(),
        offset: e.offset,
    }
}

#[cfg(test)]
mod tests;
