//! Output formats. Each renders reports that have already been checked.

pub mod human;
pub mod json;
pub mod outline;

use crate::document::Document;
use crate::facts::Facts;
use crate::finding::Finding;
use crate::summary::Summary;

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
}
