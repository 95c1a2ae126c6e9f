//! The editor's own Word file back, with a Word comment (批注) per finding: `--format docx`.
//!
//! For a `.docx` report the result is a copy of the file as it is, but for one comment per
//! finding, authored "zglint", anchored on the finding's text, holding the message, the
//! computation (the help line), the other places the finding names and the rule id. Existing
//! comments are kept; the new ones take ids after the highest in use. The file is read again
//! from its path and must still give the text that was checked. A text or Markdown report
//! becomes a new `.docx`, a paragraph a line, with the same comments.
//!
//! How a finding finds its place: the reader gives where each Word paragraph starts in the
//! text; `scan` reads `word/document.xml` as the reader does and knows, for each paragraph,
//! the text of each run; what precedes a paragraph's runs in the text is the label Word's
//! numbering draws. A finding on a label is anchored at its paragraph's start.

mod anchor;
mod package;
mod scan;

use super::Render;
use crate::check::{Checked, FileResult};
use crate::finding::{Finding, Level};
use anchor::{Anchors, Map, escape, is_xml_char};

/// The `--format docx` output: the one checked report, as a Word file with comments.
#[derive(Default)]
pub struct Docx {
    /// The Word file, or why there is none.
    out: Option<Result<Vec<u8>, String>>,
    files: usize,
}

impl Render for Docx {
    fn file(&mut self, file: &FileResult) -> String {
        self.files += 1;
        if let Ok(checked) = &file.outcome {
            self.out =
                Some(reviewed(&file.path, checked).map_err(|e| format!("{}: {e}", file.path)));
        }
        String::new()
    }

    fn binary(&mut self) -> Option<Result<Vec<u8>, String>> {
        if self.files > 1 {
            return Some(Err(format!(
                "--format docx writes one Word file, and {} reports were given: check one at a time",
                self.files
            )));
        }
        if self.files == 0 {
            return Some(Err("--format docx: no report was checked".into()));
        }
        // A report that could not be read has said so already.
        self.out.take().or(Some(Err(String::new())))
    }
}

/// Whether `--format docx` may write to `output` (`-` standard output), checking `inputs`:
/// it must be given, and must not be one of the reports, which are never modified.
pub fn output(
    output: Option<&std::path::Path>,
    inputs: &[std::path::PathBuf],
) -> Result<(), String> {
    let Some(output) = output else {
        return Err(
            "--format docx writes a Word file: give -o FILE (-o - for standard output)".into(),
        );
    };
    let same = |input: &std::path::PathBuf| {
        let output = std::fs::canonicalize(output).ok();
        output.is_some() && std::fs::canonicalize(input).ok() == output
    };
    match inputs.iter().find(|i| same(i)) {
        Some(input) => Err(format!(
            "-o {} is the report itself: the reviewed copy goes to another file",
            input.display()
        )),
        None => Ok(()),
    }
}

/// The reviewed Word file of a checked report: the `.docx` at `path` with comments, or for
/// any other report a new `.docx` of its text.
pub fn reviewed(path: &str, checked: &Checked) -> Result<Vec<u8>, String> {
    let is_docx = std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if !is_docx {
        return from_text(&checked.written, &checked.findings);
    }
    let bytes = std::fs::read(path).map_err(|e| {
        format!("cannot read the Word file again to write its reviewed copy (give the file, not standard input): {e}")
    })?;
    reviewed_bytes(path, &bytes, checked)
}

/// The reviewed Word file of a report checked from `bytes` (named `name`, whose extension
/// says whether it is a `.docx`): for a server, which keeps no file to read again.
pub fn reviewed_bytes(name: &str, bytes: &[u8], checked: &Checked) -> Result<Vec<u8>, String> {
    let is_docx = std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if !is_docx {
        return from_text(&checked.written, &checked.findings);
    }
    let input = crate::input::read_bytes(name, bytes.to_vec(), &crate::ReadOptions::default())
        .map_err(|e| e.to_string())?;
    if input.text != checked.written {
        return Err("the Word file changed while it was checked".into());
    }
    with_comments(bytes, &input.text, &input.paragraphs, &checked.findings)
}

/// A `.docx` of a text report, a paragraph a line, with a comment per finding.
pub fn from_text(text: &str, findings: &[Finding]) -> Result<Vec<u8>, String> {
    // Characters XML cannot hold become ones of the same length, so offsets stay.
    let text: String = text
        .chars()
        .map(|c| match c {
            c if is_xml_char(c) => c,
            c if c.len_utf8() == 1 => ' ',
            _ => '\u{FFFD}',
        })
        .collect();
    let mut body = String::new();
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        starts.push(at);
        at += line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        body.push_str("<w:p>");
        for (i, piece) in line.split('\t').enumerate() {
            if i > 0 {
                body.push_str("<w:r><w:tab/></w:r>");
            }
            if !piece.is_empty() {
                body.push_str(&format!(
                    r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    escape(piece)
                ));
            }
        }
        body.push_str("</w:p>");
    }
    let bytes = package::minimal(&body)?;
    with_comments(&bytes, &text, &starts, findings)
}

/// `bytes` (a `.docx` whose text is `text`, its paragraphs starting at `starts`) with a
/// comment per finding.
fn with_comments(
    bytes: &[u8],
    text: &str,
    starts: &[usize],
    findings: &[Finding],
) -> Result<Vec<u8>, String> {
    let limits = crate::input::Limits::default();
    let mut pkg = package::Package::open(bytes, limits.inflated_bytes)?;
    let document = pkg
        .part(package::DOCUMENT)?
        .ok_or("no word/document.xml in the archive")?;
    let body = scan::scan(&document, limits.xml_depth)?;
    let map = Map::new(text, starts, &body)?;
    let rels = pkg.part("word/_rels/document.xml.rels")?;
    let (comments_name, _) = package::Package::comments_name(rels.as_deref());
    let existing = pkg.part(&comments_name)?;
    let first = body
        .max_comment_id
        .max(existing.as_deref().and_then(package::max_comment_id))
        .map_or(0, |m| m + 1);
    let date = now();
    let mut anchors = Anchors::default();
    let mut comments = String::new();
    for (i, f) in findings.iter().enumerate() {
        let id = first + i as u64;
        let span = clamp(text, f.span.clone());
        anchors.add(&map, &body, id, span);
        comments.push_str(&comment(id, f, text, starts, &date));
    }
    let mut parts = vec![(
        package::DOCUMENT.to_string(),
        anchors.write(&document, &body),
    )];
    if !findings.is_empty() {
        parts.extend(package::comment_parts(&mut pkg, &comments)?);
    }
    pkg.rewrite(&parts)
}

/// A span inside the text, on character boundaries.
fn clamp(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The `w:comment` of a finding: its message, its help, the other places it names, its rule.
fn comment(id: u64, f: &Finding, text: &str, starts: &[usize], date: &str) -> String {
    let level = match f.level {
        Level::Error => "错误",
        Level::Warning => "警告",
        Level::Info => "提示",
    };
    let mut paras = vec![f.message.clone()];
    if let Some(help) = &f.help {
        paras.push(help.clone());
    }
    for label in &f.labels {
        let span = clamp(text, label.span.clone());
        let quoted = quote(&text[span.clone()]);
        let place = match crate::input::paragraph_at(starts, span.start) {
            Some(n) => format!("（第{n}段）"),
            None => String::new(),
        };
        paras.push(format!("{}：「{quoted}」{place}", label.text));
    }
    paras.push(format!("{level} [{}]", f.rule));
    let mut out = format!(r#"<w:comment w:id="{id}" w:author="zglint" w:initials="ZG"{date}>"#);
    for (i, p) in paras.iter().enumerate() {
        out.push_str("<w:p>");
        if i == 0 {
            out.push_str("<w:r><w:annotationRef/></w:r>");
        }
        for (j, line) in p.split('\n').enumerate() {
            if j > 0 {
                out.push_str("<w:r><w:br/></w:r>");
            }
            out.push_str(&format!(
                r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(line)
            ));
        }
        out.push_str("</w:p>");
    }
    out + "</w:comment>"
}

/// The `w:date` attribute of the comments: now, in UTC (none if the clock is unreadable).
fn now() -> String {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| chrono::DateTime::from_timestamp(i64::try_from(d.as_secs()).ok()?, 0))
        .map_or(String::new(), |t| {
            format!(r#" w:date="{}""#, t.format("%Y-%m-%dT%H:%M:%SZ"))
        })
}

/// A place's text, shortened to 40 characters, on one line.
fn quote(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let n = one_line.chars().count();
    if n <= 40 {
        return one_line;
    }
    let head: String = one_line.chars().take(39).collect();
    head + "…"
}

#[cfg(test)]
mod tests;
