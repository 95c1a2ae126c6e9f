//! zglint: a linter for Chinese rectification progress reports (巡察/巡视/审计 整改进展情况通报).
//!
//! The pipeline is plain functions: [`read`] a file, [`analyse`] its text (parse, find the
//! items, extract the facts), then check it and render the findings.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod config;
pub mod document;
pub mod facts;
pub mod finding;
pub mod fingerprint;
pub mod fix;
pub mod item;
pub mod lexicon;
pub mod lint;
pub mod located;
pub mod numeral;
pub mod pack;
pub mod parse;
pub mod render;
pub mod rules;
pub mod summary;
pub mod suppress;
pub mod vocab;

use document::Document;
use facts::Facts;
use std::path::Path;

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
    /// The bytes are not UTF-8.
    #[error("{path}: not valid UTF-8 at byte {offset}")]
    #[diagnostic(code(zglint::encoding), help("save the report as UTF-8"))]
    Encoding {
        /// The file.
        path: String,
        /// The first byte that is not part of valid UTF-8.
        offset: usize,
    },
    /// The file holds NUL bytes: a binary file, not a text report.
    #[error("{path}: a binary file (NUL byte at {offset}), not a text report")]
    #[diagnostic(code(zglint::binary))]
    Binary {
        /// The file.
        path: String,
        /// The first NUL byte.
        offset: usize,
    },
}

/// Decode a report's bytes as UTF-8 text. `path` names the file in errors.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| ReadError::Encoding {
        path: path.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Read a report file as text.
pub fn read(path: &Path) -> Result<String, ReadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: name.clone(),
        source,
    })?;
    decode(&name, bytes)
}

/// Parse a report's text, find its items and read its facts.
pub fn analyse(text: &str) -> (Document, Facts) {
    let vocab = vocab::Vocabulary::packaged();
    let mut doc = parse::parse(text);
    item::find_items(&mut doc, vocab);
    let facts = facts::extract(&doc);
    (doc, facts)
}

/// Check a report's text with a rule pack: analyse it, summarise it, run the rules.
pub fn check_text(pack: &pack::Pack, text: &str) -> render::Checked {
    let (document, facts) = analyse(text);
    let summary = summary::summarize(&document, &facts);
    let findings = pack.check(&document, &facts);
    render::Checked {
        document,
        facts,
        summary,
        findings,
    }
}
