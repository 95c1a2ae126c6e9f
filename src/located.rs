//! Errors in files the user wrote (a rule file, a configuration), pointing at the place.

use miette::{LabeledSpan, NamedSource, SourceCode, SourceSpan};
use std::fmt::Display;

/// A file that cannot be used: which file, what is wrong, and where in it.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct FileError {
    /// What sort of file: `rules` or `config` (the diagnostic code is `zglint::<what>`).
    pub what: &'static str,
    /// The file.
    pub file: String,
    /// What is wrong.
    pub problem: String,
    /// Where, when known.
    pub at: Option<SourceSpan>,
    /// How to put it right, when there is more to say than the problem.
    pub help: Option<String>,
    src: NamedSource<String>,
}

impl FileError {
    /// An error in `file`, whose text is `text`, at `at`.
    pub fn new(
        what: &'static str,
        file: &str,
        text: &str,
        problem: String,
        at: Option<SourceSpan>,
    ) -> Self {
        FileError {
            what,
            file: file.to_string(),
            problem,
            at,
            help: None,
            src: NamedSource::new(file, text.to_string()),
        }
    }

    /// The same error with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl miette::Diagnostic for FileError {
    fn code<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        Some(Box::new(format!("zglint::{}", self.what)))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let at = self.at?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some("here".to_string()),
            at,
        ))))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn Display>)
    }
}
