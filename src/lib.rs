//! zglint: a linter for Chinese rectification progress reports (巡察/巡视/审计 整改进展情况通报).
//!
//! A report goes through six stages, each a module (or a few) below, in this order:
//!
//! 1. **input** — [`read_input`] reads a file (text in any of the usual encodings, Markdown, a
//!    Word `.docx`, a saved web page) into an [`Input`]: the text as written and as shown.
//! 2. **parse** — [`parse`] turns the text into a [`document::Document`]: chrome (title,
//!    issuer, date), sections by their numbered headings, blocks of text, every part a byte
//!    span into the text. [`parse::item`] then finds the itemized problems and their statuses, with
//!    the words of [`parse::vocab`] ([`text::lexicon`] looks many words up at one position;
//!    [`text::numeral`] reads the small numerals of markers and dates).
//! 3. **facts** — [`facts`] reads what the report states: every figure and date with its
//!    place and context, and the report's timeline. [`analyse`] runs stages 2 and 3;
//!    [`facts::summary`] sums the report up for the output.
//! 4. **rules** — [`rules`] holds the kinds of check, each Rust code that reads the facts;
//!    [`rules::pack`] loads the YAML rule files that set a kind's parameters, id and level into a
//!    [`Pack`]. [`config`] gives each file's settings: which rules are on, at what level.
//! 5. **check** — [`check()`] is the one pipeline for one report: the three texts settled
//!    once, analysis, the rules at their levels, suppression comments; with [`check::fix()`]
//!    the safe fixes, with [`check::baseline`] the findings recorded earlier dropped. It gives
//!    a [`Checked`], made of [`finding`]s.
//! 6. **render** — [`render`] writes checked reports in an output format.
//!
//! Beside the stages: [`run`] finds the files of a batch run, checks them on several threads
//! and shows progress; [`text`] turns byte offsets into lines and columns and finds HTML
//! comments; [`located`] points into the rule and configuration files for errors.
#![warn(clippy::print_stdout, clippy::print_stderr)]

// 1. input
pub mod input;
// 2. parse
pub mod document;
pub mod parse;
// 3. facts
pub mod facts;
// 4. rules
pub mod config;
pub mod rules;
// 5. check
pub mod check;
pub mod finding;
// 6. render
pub mod render;
// Beside the stages.
#[doc(hidden)]
pub mod fuzzing;
pub mod located;
pub mod lsp;
pub mod run;
pub mod text;

use document::Document;
use facts::Facts;
use std::path::Path;

pub use check::{Checked, FileResult, check};
pub use input::{Input, ReadError, ReadOptions, read_bytes, read_from, read_input};
pub use rules::pack::Pack;

/// Decode a text report's bytes: UTF-8 (with or without BOM), UTF-16 or GB18030, detected.
/// `path` names the file in errors.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    input::read_text(path, bytes, None).map(|input| input.text)
}

/// Read a report file as text, in any format [`read_input`] reads, with default options.
pub fn read(path: &Path) -> Result<String, ReadError> {
    read_input(path, &ReadOptions::default()).map(|input| input.text)
}

/// Parse a report's text, find its items and read its facts, with the packaged vocabulary.
pub fn analyse(text: &str) -> (Document, Facts) {
    analyse_with(text, parse::vocab::Vocabulary::packaged())
}

/// Parse a report's text, find its items (their statuses in the words of `vocab`) and read its
/// facts.
pub fn analyse_with(text: &str, vocab: &parse::vocab::Vocabulary) -> (Document, Facts) {
    let mut doc = parse::parse(text);
    parse::item::find_items(&mut doc, vocab);
    let facts = facts::extract(&doc, vocab);
    (doc, facts)
}
