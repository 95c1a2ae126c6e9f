//! One line per finding, `path:line:col: level[rule] message`, for grep, editors' quickfix lists
//! and CI logs.

use crate::check::FileResult;
use crate::finding::Level;
use crate::text::{LineIndex, escape_controls, escape_path};
use std::fmt::Write;

/// Render checked files one finding a line.
pub fn render(files: &[FileResult]) -> String {
    super::render_all(&mut Concise, files)
}

/// The concise format: `path:line:col: level[rule] message` per finding (line and column
/// 1-based, the column in characters), and `path: error: why` for a file that could not be read.
/// Nothing else, so every line is a finding.
#[derive(Default)]
pub struct Concise;

impl super::Render for Concise {
    fn file(&mut self, f: &FileResult) -> String {
        let mut out = String::new();
        let path = escape_path(&f.path);
        match &f.outcome {
            // Read errors go to standard error only (`cli::check`), not twice on a terminal.
            Err(_) => {}
            Ok(c) => {
                let index = LineIndex::new(&c.written);
                for d in &c.findings {
                    let (line, col) = index.line_column(d.span.start);
                    let _ = writeln!(
                        out,
                        "{path}:{line}:{col}: {}[{}] {}",
                        level_name(d.level),
                        d.rule,
                        one_line(&d.message)
                    );
                }
            }
        }
        out
    }
}

/// The name of a level as the formats write it: `error`, `warning`, `info`.
pub(super) fn level_name(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "info",
    }
}

/// Why a file could not be read, without the leading `path: ` that read errors carry, since the
/// formats name the file themselves.
pub(super) fn read_error<'a>(path: &str, error: &'a str) -> &'a str {
    error
        .strip_prefix(path)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(error)
}

/// Text on one line: line breaks become spaces, control characters are escaped.
fn one_line(text: &str) -> String {
    let text = text.replace("\r\n", " ").replace(['\r', '\n'], " ");
    escape_controls(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_errors_lose_the_repeated_path() {
        assert_eq!(
            read_error("a.txt", "a.txt: cannot read: gone"),
            "cannot read: gone"
        );
        assert_eq!(
            read_error("a.txt", "b.txt: cannot read"),
            "b.txt: cannot read"
        );
        assert_eq!(one_line("一\r\n二\n三"), "一 二 三");
    }
}
