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
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, source[line_start..offset].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "一、总则\n巡察组于2023年";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, "一、".len()), (1, 3));
        let second = text.find('巡').unwrap();
        assert_eq!(line_column(text, second), (2, 1));
        assert_eq!(line_column(text, text.find('2').unwrap()), (2, 5));
    }
}
