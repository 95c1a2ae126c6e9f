//! Findings: what a rule reports, as data. Rendering lives in `render`.

use crate::document::Span;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Worth a look.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

/// A secondary place a finding points at, e.g. the figure a stated total was checked against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    /// Bytes in the source.
    pub span: Span,
    /// What this place is.
    pub text: String,
}

/// A safe edit a rule offers: replace the text of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Bytes in the source.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// One problem found in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's id, e.g. "percent-mismatch".
    pub rule: String,
    /// The rule's kind, e.g. "ratio".
    pub kind: String,
    /// Its level.
    pub level: Level,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The primary place: the stated figure or the faulty text.
    pub span: Span,
    /// Other places involved.
    pub labels: Vec<Label>,
    /// How to fix it, with the computed value where there is one.
    pub help: Option<String>,
    /// Edits that fix it without changing the report's meaning (renumbering headings); empty
    /// when there is no safe fix. `--fix` applies them, `--diff` shows them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fix: Vec<Edit>,
}
