//! JUnit XML, the test-report format that GitLab, Jenkins and most CI systems display.
//!
//! The shape, chosen so that each finding shows up as a failed test in those views:
//!
//! ```xml
//! <testsuites name="zglint">
//!   <testsuite name="reports/a.txt" tests="2" failures="1" errors="0">
//!     <testcase name="rate-mismatch 7:37" classname="reports/a" file="reports/a.txt" line="7">
//!       <failure type="rate-mismatch" message="90% 与 4 / 5 不符">…</failure>
//!     </testcase>
//!     <testcase name="quote-nested-double 21:11" …><system-out>…</system-out></testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! One `<testsuite>` per file, one `<testcase>` per finding: an error or a warning is a
//! `<failure>` whose body gives the place, the labels and the help; an info passes, with its text
//! in `<system-out>`. A file with no finding has one passing test case, `zglint`, so it still counts
//! as a passed test. A file that could not be read has one test case with an `<error>`. The
//! `classname` is the path without its extension, since Jenkins splits class names at the last `.`.

use super::concise::{level_name, read_error};
use crate::check::FileResult;
use crate::document::Span;
use crate::finding::{Finding, Level};
use crate::text::LineIndex;
use std::fmt::Write;

/// Render checked files as one JUnit XML document.
pub fn render(files: &[FileResult]) -> String {
    super::render_all(&mut Junit, files)
}

/// The JUnit XML format, one test suite per file.
#[derive(Default)]
pub struct Junit;

impl super::Render for Junit {
    fn start(&mut self) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"zglint\">\n".to_string()
    }

    fn file(&mut self, f: &FileResult) -> String {
        let class = class_name(&f.path);
        let case = |name: &str, line: Option<usize>| {
            let line = line.map_or(String::new(), |l| format!(" line=\"{l}\""));
            format!(
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"{line}>",
                attr(name),
                attr(&class),
                attr(&f.path)
            )
        };
        let mut out = String::new();
        match &f.outcome {
            Err(e) => {
                let why = read_error(&f.path, e);
                let _ = writeln!(out, "{}", suite(&f.path, 1, 0, 1));
                let _ = writeln!(out, "{}", case("read", None));
                let _ = writeln!(
                    out,
                    "      <error type=\"read\" message=\"{}\">{}</error>",
                    attr(why),
                    text(e)
                );
                out.push_str("    </testcase>\n");
            }
            Ok(c) if c.findings.is_empty() => {
                let _ = writeln!(out, "{}", suite(&f.path, 1, 0, 0));
                let _ = writeln!(out, "{}</testcase>", case("zglint", None));
            }
            Ok(c) => {
                let failures = c.findings.iter().filter(|d| fails(d)).count();
                let _ = writeln!(out, "{}", suite(&f.path, c.findings.len(), failures, 0));
                let index = LineIndex::new(&c.written);
                for d in &c.findings {
                    let (line, col) = index.line_column(d.span.start);
                    let _ = writeln!(
                        out,
                        "{}",
                        case(&format!("{} {line}:{col}", d.rule), Some(line))
                    );
                    let body = details(&f.path, &c.written, &index, d);
                    if fails(d) {
                        let _ = writeln!(
                            out,
                            "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                            attr(&d.rule),
                            attr(&d.message),
                            text(&body)
                        );
                    } else {
                        let _ = writeln!(out, "      <system-out>{}</system-out>", text(&body));
                    }
                    out.push_str("    </testcase>\n");
                }
            }
        }
        out.push_str("  </testsuite>\n");
        out
    }

    fn finish(&mut self) -> String {
        "</testsuites>\n".to_string()
    }
}

/// Whether a finding fails its test case: errors and warnings do, infos do not.
fn fails(d: &Finding) -> bool {
    d.level >= Level::Warning
}

fn suite(path: &str, tests: usize, failures: usize, errors: usize) -> String {
    format!(
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">",
        attr(path)
    )
}

/// The path without its extension.
fn class_name(path: &str) -> String {
    let name_start = path.rfind(['/', '\\']).map_or(0, |i| i + 1);
    match path[name_start..].rfind('.') {
        Some(dot) if dot > 0 => path[..name_start + dot].to_string(),
        _ => path.to_string(),
    }
}

/// A finding in full: where, what, the places it was checked against, the help.
fn details(path: &str, source: &str, index: &LineIndex, d: &Finding) -> String {
    let (line, col) = index.line_column(d.span.start);
    let mut out = format!(
        "{path}:{line}:{col}: {}[{}] {}\n",
        level_name(d.level),
        d.rule,
        d.message
    );
    let _ = writeln!(out, "  {}", excerpt(source, &d.span));
    for l in &d.labels {
        let (ll, lc) = index.line_column(l.span.start);
        let _ = writeln!(out, "  {ll}:{lc} {}: {}", l.text, excerpt(source, &l.span));
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "help: {help}");
    }
    out
}

/// Characters of context shown on each side of a span.
const CONTEXT: usize = 12;

/// The text of a span marked 【…】 with a little of its line on each side, on one line.
fn excerpt(source: &str, span: &Span) -> String {
    let (Some(before), Some(inner), Some(after)) = (
        source.get(..span.start),
        source.get(span.clone()),
        source.get(span.end..),
    ) else {
        return String::new();
    };
    let before = before.rsplit('\n').next().unwrap_or("");
    let skip = before.chars().count().saturating_sub(CONTEXT);
    let before: String = before.chars().skip(skip).collect();
    let after: String = after
        .split('\n')
        .next()
        .unwrap_or("")
        .chars()
        .take(CONTEXT)
        .collect();
    format!("{before}【{}】{after}", inner.replace('\n', " "))
        .trim()
        .to_string()
}

/// A character XML 1.0 can hold (even escaped, it cannot hold most control characters).
fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
        _ => c,
    }
}

/// Escape element text.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escape an attribute value in double quotes; line breaks and tabs as references, so that
/// attribute-value normalisation keeps them.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(xml_char) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_class_names() {
        assert_eq!(text("a<b & c>d"), "a&lt;b &amp; c&gt;d");
        assert_eq!(attr("\"一\"\n\t'"), "&quot;一&quot;&#10;&#9;'");
        assert_eq!(text("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(class_name("reports/柳塘镇.txt"), "reports/柳塘镇");
        assert_eq!(class_name("a.b/report"), "a.b/report");
        assert_eq!(class_name(".zglint"), ".zglint");
    }
}
