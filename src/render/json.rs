//! The JSON document of OUTPUT.md, which scripts and CI systems read.

use crate::check::{Checked, FileResult};
use crate::text::LineIndex;
use serde_json::{Value, json};

/// Render checked files as the version-1 JSON document.
pub fn render(files: &[FileResult]) -> String {
    super::render_all(&mut Json::default(), files)
}

/// The version-1 JSON document, written one file at a time.
#[derive(Default)]
pub struct Json {
    files: usize,
}

impl super::Render for Json {
    fn start(&mut self) -> String {
        "{\n  \"version\": 1,\n  \"files\": [".to_string()
    }

    fn file(&mut self, f: &FileResult) -> String {
        let text = serde_json::to_string_pretty(&file(f)).unwrap_or_default();
        let sep = if self.files == 0 { "\n" } else { ",\n" };
        self.files += 1;
        let indented: Vec<String> = text.lines().map(|l| format!("    {l}")).collect();
        format!("{sep}{}", indented.join("\n"))
    }

    fn finish(&mut self) -> String {
        if self.files == 0 {
            "]\n}\n".to_string()
        } else {
            "\n  ]\n}\n".to_string()
        }
    }
}

fn file(f: &FileResult) -> Value {
    match &f.outcome {
        Err(e) => json!({ "path": f.path, "error": e }),
        Ok(c) => {
            let mut v = json!({
                "path": f.path,
                "summary": c.summary,
                "diagnostics": diagnostics(c),
            });
            // Findings past the limit per rule: `[{"rule": id, "count": n}]`, only when some
            // were left out (OUTPUT.md allows fields to be added).
            if !c.omitted.is_empty() {
                v["omitted"] = json!(c.omitted);
            }
            v
        }
    }
}

fn diagnostics(c: &Checked) -> Vec<Value> {
    let index = LineIndex::new(&c.written);
    c.findings
        .iter()
        .map(|d| {
            let (line, column) = index.line_column(d.span.start);
            let labels: Vec<Value> = d
                .labels
                .iter()
                .map(|l| json!({ "span": { "start": l.span.start, "end": l.span.end }, "text": l.text }))
                .collect();
            let mut value = json!({
                "rule": d.rule,
                "kind": d.kind,
                "level": d.level,
                "message": d.message,
                "span": { "start": d.span.start, "end": d.span.end },
                "line": line,
                "column": column,
                "labels": labels,
                "help": d.help,
            });
            // Word has no lines: a finding in a .docx also gives its paragraph and its text.
            if let Some(n) = crate::input::paragraph_at(&c.paragraphs, d.span.start) {
                value["paragraph"] = json!(n);
                value["quote"] = json!(c.written.get(d.span.clone()).unwrap_or(""));
            }
            value
        })
        .collect()
}
