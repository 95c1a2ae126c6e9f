//! One finding as a miette diagnostic over its windows.

use super::source::Windows;
use super::window::Mark;
use crate::finding::{Finding, Level};
use crate::text::{LineIndex, escape_controls, escape_path};
use miette::{Diagnostic, LabeledSpan, Severity, SourceCode};
use std::fmt;

/// A finding ready for miette's graphical handler: the rule id (and name) as its code, the level as its
/// severity, the message, the labels over the windows of its lines, the help.
pub struct Report<'a> {
    finding: &'a Finding,
    /// The heading: the rule id, and its short name when it has one.
    code: String,
    /// The message and the help with control characters escaped.
    message: String,
    help: Option<String>,
    windows: Windows,
    labels: Vec<LabeledSpan>,
}

impl<'a> Report<'a> {
    /// The diagnostic for `finding` in the report `source` read from `path`, with windows that
    /// fit in `width` columns.
    pub fn new(
        path: &str,
        source: &str,
        index: &LineIndex,
        finding: &'a Finding,
        width: usize,
        code: String,
    ) -> Self {
        let primary = Mark {
            span: finding.span.clone(),
            text: None,
            primary: true,
        };
        let marks: Vec<Mark> = std::iter::once(primary)
            .chain(finding.labels.iter().map(|l| Mark {
                span: l.span.clone(),
                text: Some(escape_controls(&l.text).into_owned()),
                primary: false,
            }))
            .collect();
        let (windows, labels) = Windows::new(&escape_path(path), source, index, &marks, width);
        Report {
            finding,
            code: escape_controls(&code).into_owned(),
            message: escape_controls(&finding.message).into_owned(),
            help: finding
                .help
                .as_deref()
                .map(|h| escape_controls(h).into_owned()),
            windows,
            labels,
        }
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.finding, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<Severity> {
        Some(match self.finding.level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.windows)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}
