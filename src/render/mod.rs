//! Output formats. Each renders reports that have already been checked.

pub mod concise;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod outline;
pub mod sarif;
pub mod statistics;

use crate::document::Document;
use crate::facts::Facts;
use crate::finding::Finding;
use crate::summary::Summary;

/// An output format, fed one file at a time so results stream out as files are checked.
///
/// The caller writes what each method returns, in order: `start`, then `file` for each file in
/// path order, then `finish`. A renderer keeps whatever totals it needs between calls.
pub trait Render {
    /// Text before the first file (e.g. the opening of a JSON document).
    fn start(&mut self) -> String {
        String::new()
    }
    /// The text for one file.
    fn file(&mut self, file: &FileResult) -> String;
    /// Text after the last file (e.g. the closing of a document, a count of findings).
    fn finish(&mut self) -> String {
        String::new()
    }
}

/// Render a whole run at once: `start`, every file, `finish`.
pub fn render_all(renderer: &mut dyn Render, files: &[FileResult]) -> String {
    let mut out = renderer.start();
    for f in files {
        out.push_str(&renderer.file(f));
    }
    out.push_str(&renderer.finish());
    out
}

/// One checked file, ready to render.
pub struct FileResult {
    /// The path as given.
    pub path: String,
    /// The result: the report and its findings, or why it could not be read.
    pub outcome: Result<Checked, String>,
}

/// A report that was read and checked.
pub struct Checked {
    /// The parsed report.
    pub document: Document,
    /// Its facts.
    pub facts: Facts,
    /// Its summary.
    pub summary: Summary,
    /// What the rules found.
    pub findings: Vec<Finding>,
    /// For a `.docx`, where each Word paragraph starts in the text (see
    /// [`crate::input::paragraph_at`]); empty for other files, whose lines are what users see.
    pub paragraphs: Vec<usize>,
}
