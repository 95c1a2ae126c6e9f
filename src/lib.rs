//! zglint: a linter for Chinese rectification progress reports (巡察/巡视/审计 整改进展情况通报).
//!
//! The pipeline is plain functions: [`read_input`] a file (text, `.docx` or a web page),
//! [`analyse`] its text (parse, find the items, extract the facts), then check it and render
//! the findings.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod batch;
pub mod config;
pub mod document;
pub mod facts;
pub mod finding;
pub mod fingerprint;
pub mod fix;
#[doc(hidden)]
pub mod fuzzing;
pub mod input;
pub mod item;
pub mod lexicon;
pub mod lint;
pub mod located;
pub mod numeral;
pub mod pack;
pub mod parse;
pub mod progress;
pub mod render;
pub mod rules;
pub mod summary;
pub mod suppress;
pub mod vocab;
pub mod walk;

use document::Document;
use facts::Facts;
use std::path::Path;

pub use input::{Input, ReadError, ReadOptions, read_bytes, read_from, read_input};

/// Decode a text report's bytes: UTF-8 (with or without BOM), UTF-16 or GB18030, detected.
/// `path` names the file in errors.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    input::read_text(path, bytes, None).map(|input| input.text)
}

/// Read a report file as text, in any format [`read_input`] reads, with default options.
pub fn read(path: &Path) -> Result<String, ReadError> {
    read_input(path, &ReadOptions::default()).map(|input| input.text)
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
        paragraphs: Vec::new(),
    }
}
