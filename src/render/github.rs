//! GitHub Actions workflow commands: each finding becomes an annotation on the report's line in
//! the pull request and the run's summary.
//!
//! `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`, one a line; a warning is
//! `::warning`, an info `::notice`. The escaping is the one of `@actions/core` (`command.ts`): in
//! the message `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in property values `:` and `,` also
//! become `%3A` and `%2C`, since they separate the properties.

use super::concise::read_error;
use crate::check::FileResult;
use crate::finding::{Finding, Level};
use crate::text::LineIndex;
use std::fmt::Write;

/// Render checked files as workflow commands.
pub fn render(files: &[FileResult]) -> String {
    super::render_all(&mut Github, files)
}

/// The GitHub Actions format, one workflow command per finding.
///
/// Columns count characters and `endColumn` is the column of the last character, inclusive (the
/// toolkit's `endColumn` defaults to `col`: a one-character annotation). GitHub accepts columns
/// only on a one-line annotation, so a finding that spans lines gives `line` and `endLine` alone.
/// The help follows the message on a line of its own.
#[derive(Default)]
pub struct Github;

impl super::Render for Github {
    fn file(&mut self, f: &FileResult) -> String {
        let mut out = String::new();
        match &f.outcome {
            Err(e) => {
                let props = format!(
                    "file={},title={}",
                    escape_property(&f.path),
                    escape_property("zglint (unreadable)")
                );
                let _ = writeln!(
                    out,
                    "::error {props}::{}",
                    escape_data(read_error(&f.path, e))
                );
            }
            Ok(c) => {
                let index = LineIndex::new(&c.written);
                for d in &c.findings {
                    out.push_str(&command(&f.path, &c.written, &index, d));
                }
            }
        }
        out
    }
}

/// The workflow command for one finding, with its line end.
fn command(path: &str, source: &str, index: &LineIndex, d: &Finding) -> String {
    let name = match d.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "notice",
    };
    let (line, col) = index.line_column(d.span.start);
    let last = source
        .get(d.span.clone())
        .and_then(|t| t.char_indices().last())
        .map_or(d.span.start, |(i, _)| d.span.start + i);
    let (end_line, end_col) = index.line_column(last);
    let mut props = format!("file={},line={line}", escape_property(path));
    if end_line == line {
        let _ = write!(props, ",col={col},endLine={end_line},endColumn={end_col}");
    } else {
        let _ = write!(props, ",endLine={end_line}");
    }
    let title = format!("zglint ({})", d.rule);
    let _ = write!(props, ",title={}", escape_property(&title));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!("::{name} {props}::{}\n", escape_data(&message))
}

/// Escape a command's message (data): `%`, `\r`, `\n`; other control characters, which the
/// log would pass to a terminal, escaped as `\u{1b}`.
pub fn escape_data(text: &str) -> String {
    let text = text.replace('%', "%25");
    let mut kept = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => kept.push(c),
            c if crate::text::is_hidden_control(c) => kept.push_str(&crate::text::escaped(c)),
            c => kept.push(c),
        }
    }
    kept.replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value: as data, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_toolkit() {
        assert_eq!(escape_data("90%"), "90%25");
        assert_eq!(escape_data("一\r\n二"), "一%0D%0A二");
        assert_eq!(escape_data("a:b,c"), "a:b,c");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_property("%0A\n"), "%250A%0A");
    }
}
