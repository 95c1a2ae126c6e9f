//! Output for people: a short header per file, then its findings, then a count.

use super::{Checked, FileResult};
use crate::finding::{Level, LineIndex};
use std::fmt::Write;

/// Render checked files for a terminal or a CI log.
pub fn render(files: &[FileResult]) -> String {
    super::render_all(&mut Human::default(), files)
}

/// The human format, written one file at a time; the count of findings comes last.
#[derive(Default)]
pub struct Human {
    errors: usize,
    warnings: usize,
    files: usize,
}

impl super::Render for Human {
    fn file(&mut self, f: &FileResult) -> String {
        let mut out = String::new();
        self.files += 1;
        let (errors, warnings) = (&mut self.errors, &mut self.warnings);
        match &f.outcome {
            Err(e) => {
                let _ = writeln!(out, "{}: error: {e}\n", f.path);
            }
            Ok(c) => {
                header(&mut out, &f.path, c);
                let index = LineIndex::new(&c.document.source);
                for d in &c.findings {
                    let (line, col) = index.line_column(d.span.start);
                    let level = match d.level {
                        Level::Error => "error",
                        Level::Warning => "warning",
                        Level::Info => "info",
                    };
                    let _ = writeln!(
                        out,
                        "{}:{line}:{col}: {level}[{}] {}",
                        f.path, d.rule, d.message
                    );
                    let _ = writeln!(out, "    | {}", excerpt(&c.document.source, &d.span));
                    for l in &d.labels {
                        let (ll, lc) = index.line_column(l.span.start);
                        let _ = writeln!(
                            out,
                            "    | {ll}:{lc} {}: {}",
                            l.text,
                            excerpt(&c.document.source, &l.span)
                        );
                    }
                    if let Some(help) = &d.help {
                        let _ = writeln!(out, "    = help: {help}");
                    }
                    *errors += usize::from(d.level == Level::Error);
                    *warnings += usize::from(d.level == Level::Warning);
                }
                out.push('\n');
            }
        }
        out
    }

    fn finish(&mut self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {} in {}\n",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.files, "file")
        )
    }
}

fn header(out: &mut String, path: &str, c: &Checked) {
    let s = &c.summary;
    let _ = writeln!(out, "{path}");
    let _ = writeln!(out, "  {}", s.title.as_deref().unwrap_or("(no title)"));
    let _ = writeln!(
        out,
        "  {} items: {} done, {} partial, {} ongoing, {} unknown",
        s.items, s.status.done, s.status.partial, s.status.ongoing, s.status.unknown
    );
    let date = |d: &Option<String>| d.clone().unwrap_or_else(|| "?".to_string());
    let (start, end) = s
        .inspection
        .as_ref()
        .map_or(("?".to_string(), "?".to_string()), |i| {
            (date(&i.start), date(&i.end))
        });
    let _ = writeln!(
        out,
        "  inspected {start}..{end} → feedback {} → as of {} → signed {} → published {}",
        date(&s.feedback),
        date(&s.as_of),
        date(&s.signed),
        date(&s.published)
    );
}

/// Characters of context shown on each side of a finding's text.
const CONTEXT: usize = 12;

/// The text of a span with a little context, marked 【…】, on one line.
fn excerpt(source: &str, span: &crate::document::Span) -> String {
    let line_start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |i| span.end + i);
    let before: String = source[line_start..span.start]
        .chars()
        .rev()
        .take(CONTEXT)
        .collect();
    let before: String = before.chars().rev().collect();
    let after: String = source[span.end..line_end].chars().take(CONTEXT).collect();
    let inner = source[span.clone()].replace('\n', " ");
    format!("{before}【{inner}】{after}").trim().to_string()
}
