//! Why a file cannot be read as a report. Every message starts with the file's name.

/// A file that cannot be read as a report.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    #[diagnostic(code(zglint::read))]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The bytes do not decode in the encoding tried (when detecting: neither UTF-8 nor
    /// GB18030, and the offset is the first byte that is not UTF-8).
    #[error("{path}: not valid {encoding} at byte {offset}")]
    #[diagnostic(
        code(zglint::encoding),
        help(
            "save the report as UTF-8, or name its encoding with --encoding (utf-8, gb18030, gbk, utf-16le, utf-16be, utf-16)"
        )
    )]
    Encoding {
        /// The file.
        path: String,
        /// The encoding tried, e.g. "GB18030" ("UTF-8" when detecting).
        encoding: String,
        /// The first byte that does not decode.
        offset: usize,
    },
    /// Text whose encoding was guessed (GB18030) decodes, but into characters Chinese is not
    /// written in: the file is in another encoding, such as Big5 or Shift-JIS.
    #[error(
        "{path}: does not look like {encoding} text ({percent}% of its non-ASCII characters are not Chinese); name the encoding with --encoding"
    )]
    #[diagnostic(
        code(zglint::encoding_guess),
        help(
            "zglint reads UTF-8, GB18030/GBK and UTF-16: save the report in one of them (a Big5 or Shift-JIS file as UTF-8), or force one with --encoding"
        )
    )]
    NotChinese {
        /// The file.
        path: String,
        /// The encoding guessed, e.g. "GB18030".
        encoding: String,
        /// The share of its non-ASCII characters that are not Chinese, in percent.
        percent: usize,
    },
    /// The file holds NUL bytes and is not UTF-16: a binary file, not a text report.
    #[error("{path}: a binary file (NUL byte at {offset}), not a text report")]
    #[diagnostic(code(zglint::binary))]
    Binary {
        /// The file.
        path: String,
        /// The first NUL byte.
        offset: usize,
    },
    /// The file, or a part of it once inflated, passes a size limit.
    #[error("{path}: {what} is larger than {limit} bytes, more than a report can be")]
    #[diagnostic(code(zglint::too_large))]
    TooLarge {
        /// The file.
        path: String,
        /// What passed the limit, e.g. "the file" or "word/document.xml once inflated".
        what: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A `.docx` that cannot be read: not a zip, a part missing, broken XML, too many entries.
    #[error("{path}: not a readable .docx: {problem}")]
    #[diagnostic(
        code(zglint::docx),
        help("open it in Word or WPS and save it again as .docx")
    )]
    Docx {
        /// The file.
        path: String,
        /// What is wrong, naming the part and the byte where there is one.
        problem: String,
    },
    /// A format zglint does not read, e.g. a Word 97–2003 `.doc`.
    #[error("{path}: {problem}")]
    #[diagnostic(code(zglint::unsupported))]
    Unsupported {
        /// The file.
        path: String,
        /// What the file is and what to do.
        problem: String,
    },
}
