//! Counts per rule, printed instead of the findings (`--statistics`, as `ruff --statistics`), to
//! see at a glance what a folder of reports gets wrong most often.

use super::concise::level_name;
use crate::check::FileResult;
use crate::finding::Level;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Render the counts per rule of checked files.
pub fn render(files: &[FileResult]) -> String {
    super::render_all(&mut Statistics::default(), files)
}

/// How often one rule fired at one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The rule's id.
    pub rule: String,
    /// The level of its findings (a configuration may give one rule different levels in
    /// different folders: each level is a row).
    pub level: Level,
    /// How many findings.
    pub count: usize,
}

/// The statistics format: nothing per file, then a table `count  rule  level`, most frequent
/// first (ties by rule id), and a line for the files that could not be read.
#[derive(Default)]
pub struct Statistics {
    counts: BTreeMap<(String, Level), usize>,
    unreadable: usize,
    files: usize,
    json: bool,
}

impl Statistics {
    /// The same counts as a JSON document (`--statistics --format json`):
    /// `{"version": 1, "files": n, "unreadable": n, "statistics": [{"rule", "level", "count"}]}`,
    /// rows in the table's order.
    pub fn json() -> Self {
        Statistics {
            json: true,
            ..Statistics::default()
        }
    }

    /// The rows so far, sorted by count (descending), then rule id, then level (highest first).
    pub fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = self
            .counts
            .iter()
            .map(|((rule, level), &count)| Row {
                rule: rule.clone(),
                level: *level,
                count,
            })
            .collect();
        rows.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.rule.cmp(&b.rule))
                .then_with(|| b.level.cmp(&a.level))
        });
        rows
    }
}

impl super::Render for Statistics {
    fn file(&mut self, f: &FileResult) -> String {
        self.files += 1;
        match &f.outcome {
            Err(_) => self.unreadable += 1,
            Ok(c) => {
                for d in &c.findings {
                    *self.counts.entry((d.rule.clone(), d.level)).or_insert(0) += 1;
                }
                // Findings left out past the limit still count, at the level of those shown.
                for o in &c.omitted {
                    if let Some(d) = c.findings.iter().rev().find(|d| d.rule == o.rule) {
                        *self.counts.entry((d.rule.clone(), d.level)).or_insert(0) += o.count;
                    }
                }
            }
        }
        String::new()
    }

    fn finish(&mut self) -> String {
        let rows = self.rows();
        if self.json {
            let rows: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "rule": r.rule,
                        "level": level_name(r.level),
                        "count": r.count,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "version": 1,
                "files": self.files,
                "unreadable": self.unreadable,
                "statistics": rows,
            });
            return serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
        }
        let count_width = rows.first().map_or(1, |r| r.count.to_string().len());
        let rule_width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
        let mut out = String::new();
        for r in &rows {
            let _ = writeln!(
                out,
                "{:>count_width$}  {:<rule_width$}  {}",
                r.count,
                r.rule,
                level_name(r.level)
            );
        }
        match self.unreadable {
            0 => {}
            1 => out.push_str("1 file could not be read\n"),
            n => {
                let _ = writeln!(out, "{n} files could not be read");
            }
        }
        out
    }
}
