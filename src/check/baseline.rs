//! Baselines: adopt zglint on old reports and fail only on new findings.
//!
//! `--write-baseline FILE` records every finding of the run; `--baseline FILE` drops the findings
//! it records. Entries are keyed by the report's path (relative to the baseline file's folder),
//! the rule, the section titles and a hash of the finding's normalised text
//! ([`super::fingerprint`]), so they survive edits elsewhere in the report; a changed figure is
//! a new finding.

use super::Checked;
use super::fingerprint::{Fingerprint, fingerprints};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The version of the baseline file's format.
const VERSION: u32 = 1;

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The report, relative to the baseline file's folder, with `/` separators.
    pub path: String,
    /// The finding's identity.
    #[serde(flatten)]
    pub fingerprint: Fingerprint,
    /// The message when recorded, for people reading the file (not part of the key).
    #[serde(default)]
    pub message: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// A baseline: where it lives and what it records.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    dir: PathBuf,
    keys: BTreeSet<(String, Fingerprint)>,
    entries: Vec<Entry>,
}

impl Baseline {
    /// An empty baseline to be written to `path`.
    pub fn new(path: &Path) -> Self {
        Baseline {
            dir: folder(path),
            ..Baseline::default()
        }
    }

    /// Read a baseline file; the error names the file and the problem.
    pub fn load(path: &Path) -> Result<Self, String> {
        let name = path.display();
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let file: File = serde_json::from_str(&text)
            .map_err(|e| format!("{name}: not a zglint baseline: {e}"))?;
        if file.version != VERSION {
            return Err(format!(
                "{name}: baseline version {} (this zglint reads version {VERSION})",
                file.version
            ));
        }
        let keys = file
            .findings
            .iter()
            .map(|e| (e.path.clone(), e.fingerprint.clone()))
            .collect();
        Ok(Baseline {
            dir: folder(path),
            keys,
            entries: file.findings,
        })
    }

    /// The key of a report's path: relative to the baseline's folder when under it.
    fn path_key(&self, report: &Path) -> String {
        let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let (dir, report) = (abs(&self.dir), abs(report));
        let rel = report.strip_prefix(&dir).unwrap_or(&report);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Record a checked report's findings.
    pub fn record(&mut self, report: &Path, checked: &Checked) {
        let path = self.path_key(report);
        let prints = fingerprints(&checked.written, &checked.document, &checked.findings);
        for (f, fingerprint) in checked.findings.iter().zip(prints) {
            self.keys.insert((path.clone(), fingerprint.clone()));
            self.entries.push(Entry {
                path: path.clone(),
                fingerprint,
                message: f.message.clone(),
            });
        }
    }

    /// Drop the findings of a checked report that the baseline records.
    pub fn filter(&self, report: &Path, checked: &mut Checked) {
        if self.keys.is_empty() {
            return;
        }
        let path = self.path_key(report);
        let prints = fingerprints(&checked.written, &checked.document, &checked.findings);
        let mut prints = prints.into_iter();
        checked.findings.retain(|_| {
            prints
                .next()
                .is_none_or(|p| !self.keys.contains(&(path.clone(), p)))
        });
    }

    /// How many findings it records.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it records none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The file's text: entries sorted, so the file diffs well under version control.
    pub fn to_json(&self) -> String {
        let mut findings = self.entries.clone();
        findings.sort();
        let file = File {
            version: VERSION,
            findings,
        };
        serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
    }
}

fn folder(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Finding;
    use crate::rules::pack::Pack;

    const REPORT: &str = "中共青石镇委员会关于巡察整改进展情况的通报\n一、总体情况\n共5个问题,已完成4个,完成率90%。\n二、下步打算\n共8项措施,已落实6项,占75%。\n中共青石镇委员会\n2024年3月8日\n";

    fn check(text: &str) -> Checked {
        crate::check::check_str(text, &Pack::packaged().unwrap())
    }

    /// The findings of `checked` that `baseline` does not record.
    fn left(baseline: &Baseline, report: &Path, mut checked: Checked) -> Vec<Finding> {
        baseline.filter(report, &mut checked);
        checked.findings
    }

    #[test]
    fn a_round_trip_drops_recorded_findings_and_keeps_new_ones() {
        let dir = std::env::temp_dir().join(format!("zglint-baseline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("baseline.json");
        let report = dir.join("r.txt");
        let checked = check(REPORT);
        assert_eq!(checked.findings.len(), 1, "{:?}", checked.findings);
        let mut b = Baseline::new(&file);
        b.record(&report, &checked);
        std::fs::write(&file, b.to_json()).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("\"path\": \"r.txt\""), "{text}");

        let loaded = Baseline::load(&file).unwrap();
        assert_eq!(loaded.len(), 1);
        assert!(left(&loaded, &report, checked).is_empty());

        // An edit elsewhere: a paragraph added above the figure. Still recorded.
        let edited = REPORT.replace("情况\n", "情况\n全镇上下高度重视，逐项推进。\n");
        assert!(left(&loaded, &report, check(&edited)).is_empty());

        // A figure changed in the other paragraph: only the new finding remains.
        let changed = REPORT.replace("占75%", "占80%");
        let left = left(&loaded, &report, check(&changed));
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(changed[left[0].span.clone()].contains("80%"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_bad_file_is_a_clear_error() {
        let dir = std::env::temp_dir().join(format!("zglint-baseline-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("b.json");
        std::fs::write(&file, "{\"version\": 1, \"findngs\": []}").unwrap();
        let e = Baseline::load(&file).unwrap_err();
        assert!(
            e.contains("not a zglint baseline") && e.contains("findngs"),
            "{e}"
        );
        std::fs::write(&file, "{\"version\": 9, \"findings\": []}").unwrap();
        assert!(Baseline::load(&file).unwrap_err().contains("version 9"));
        assert!(
            Baseline::load(&dir.join("missing.json"))
                .unwrap_err()
                .contains("cannot read")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
