//! Fingerprints: a finding's identity that survives edits elsewhere in the report.
//!
//! A fingerprint is the rule, the path of section titles the finding lies in, and a hash of the
//! normalised text of its primary span, plus an occurrence number when the same rule finds the
//! same text twice in one section. Line numbers and byte offsets are left out on purpose: adding a
//! paragraph above a finding must not make it new. Baselines and SARIF's `partialFingerprints`
//! both use it.

use crate::document::Document;
use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A finding's identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Fingerprint {
    /// The rule's id.
    pub rule: String,
    /// The titles of the sections the finding lies in, outermost first, joined by ` > `
    /// (headings' numbers left out, so renumbering does not change it).
    pub section: String,
    /// FNV-1a 64 of the normalised text of the finding's primary span, in hex.
    pub hash: String,
    /// 0 for the first finding with this rule, section and hash in the report, 1 for the next…
    pub occurrence: usize,
}

impl Fingerprint {
    /// One string for the whole fingerprint, e.g. for SARIF's `partialFingerprints`.
    pub fn key(&self) -> String {
        format!(
            "{}:{:016x}:{}:{}",
            self.rule,
            fnv1a(self.section.as_bytes()),
            self.hash,
            self.occurrence
        )
    }
}

/// The fingerprints of a report's findings, in the same order. `written` is the text the
/// findings' spans quote (that of [`crate::Checked::written`]), `doc` the report as parsed.
pub fn fingerprints(written: &str, doc: &Document, findings: &[Finding]) -> Vec<Fingerprint> {
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let section = section_titles(doc, f.span.start);
            let text = written.get(f.span.clone()).unwrap_or("");
            let hash = format!("{:016x}", fnv1a(normalise(text).as_bytes()));
            let n = seen
                .entry((f.rule.clone(), section.clone(), hash.clone()))
                .or_insert(0);
            let occurrence = *n;
            *n += 1;
            Fingerprint {
                rule: f.rule.clone(),
                section,
                hash,
                occurrence,
            }
        })
        .collect()
}

/// The titles of the sections containing `offset`, outermost first, normalised.
fn section_titles(doc: &Document, offset: usize) -> String {
    // The last heading at or before the offset is the innermost section holding it.
    let Some(mut index) = doc.section_at(offset) else {
        return String::new();
    };
    if offset >= doc.sections[index].span.end {
        // Past the section's end: in the closing or the tail, outside every section.
        return String::new();
    }
    let mut titles = Vec::new();
    loop {
        let s = &doc.sections[index];
        titles.push(normalise(&s.title));
        match s.parent {
            Some(p) => index = p,
            None => break,
        }
    }
    titles.reverse();
    titles.join(" > ")
}

/// Text with white space removed and full-width ASCII folded to half-width, so re-spacing or
/// re-typing a figure in the other width does not change a fingerprint.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// FNV-1a, 64 bits: small, and stable across Rust releases (unlike `DefaultHasher`), which a
/// baseline file kept in a repository needs.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Level;

    fn finding(rule: &str, source: &str, needle: &str) -> Finding {
        let start = source.find(needle).unwrap();
        Finding {
            rule: rule.to_string(),
            kind: "ratio".to_string(),
            level: Level::Error,
            message: String::new(),
            span: start..start + needle.len(),
            labels: vec![],
            help: None,
            fix: vec![],
        }
    }

    const REPORT: &str =
        "一、总体情况\n共3个问题,已完成2个,完成率80%。\n二、下步打算\n完成率80%。\n";

    #[test]
    fn survives_edits_elsewhere_and_renumbering() {
        let (doc, _) = crate::analyse(REPORT);
        let f = finding("rate-mismatch", REPORT, "80%");
        let before = fingerprints(REPORT, &doc, std::slice::from_ref(&f));
        assert_eq!(before[0].section, "总体情况");

        let edited = "前言一段。\n\n(一)总体情况\n共3个问题,已完成2个,完成率80%。\n";
        let (doc2, _) = crate::analyse(edited);
        let after = fingerprints(edited, &doc2, &[finding("rate-mismatch", edited, "80%")]);
        assert_eq!(before, after);
    }

    #[test]
    fn a_changed_figure_or_section_is_a_new_fingerprint() {
        let (doc, _) = crate::analyse(REPORT);
        let first = fingerprints(REPORT, &doc, &[finding("rate-mismatch", REPORT, "80%")]);
        let changed = REPORT.replacen("80%", "85%", 1);
        let (doc2, _) = crate::analyse(&changed);
        let second = fingerprints(
            &changed,
            &doc2,
            &[finding("rate-mismatch", &changed, "85%")],
        );
        assert_ne!(first[0].hash, second[0].hash);

        let start = REPORT.rfind("80%").unwrap();
        let mut later = finding("rate-mismatch", REPORT, "80%");
        later.span = start..start + 3;
        let other = fingerprints(REPORT, &doc, &[later]);
        assert_eq!(other[0].section, "下步打算");
        assert_ne!(first[0].key(), other[0].key());
    }

    #[test]
    fn repeats_in_one_section_are_numbered() {
        let text = "一、总体情况\n完成率80%,另一处完成率80%。\n";
        let (doc, _) = crate::analyse(text);
        let a = finding("rate-mismatch", text, "80%");
        let second = text.rfind("80%").unwrap();
        let mut b = a.clone();
        b.span = second..second + 3;
        let prints = fingerprints(text, &doc, &[a, b]);
        assert_eq!(prints[0].occurrence, 0);
        assert_eq!(prints[1].occurrence, 1);
        assert_eq!(normalise("８０ ％"), "80%");
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
