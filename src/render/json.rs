//! The JSON document of OUTPUT.md, which scripts and CI systems read.

use super::{Checked, FileResult};
use crate::finding::LineIndex;
use serde_json::{Value, json};

/// Render checked files as the version-1 JSON document.
pub fn render(files: &[FileResult]) -> String {
    let files: Vec<Value> = files.iter().map(file).collect();
    let doc = json!({ "version": 1, "files": files });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn file(f: &FileResult) -> Value {
    match &f.outcome {
        Err(e) => json!({ "path": f.path, "error": e }),
        Ok(c) => json!({
            "path": f.path,
            "summary": c.summary,
            "diagnostics": diagnostics(c),
        }),
    }
}

fn diagnostics(c: &Checked) -> Vec<Value> {
    let index = LineIndex::new(&c.document.source);
    c.findings
        .iter()
        .map(|d| {
            let (line, column) = index.line_column(d.span.start);
            let labels: Vec<Value> = d
                .labels
                .iter()
                .map(|l| json!({ "span": { "start": l.span.start, "end": l.span.end }, "text": l.text }))
                .collect();
            json!({
                "rule": d.rule,
                "kind": d.kind,
                "level": d.level,
                "message": d.message,
                "span": { "start": d.span.start, "end": d.span.end },
                "line": line,
                "column": column,
                "labels": labels,
                "help": d.help,
            })
        })
        .collect()
}
