//! The summary read off each fixture report matches tests/fixtures/reports/summary.yaml, and
//! the seed reports' summaries match ../shared/seeds/summary.yaml.

mod common;

use serde_yaml::Value;
use std::path::Path;

fn summary_json(path: &Path) -> serde_json::Value {
    let text = zglint::read(path).expect("readable");
    let (doc, facts) = zglint::analyse(&text);
    serde_json::to_value(zglint::facts::summary::summarize(&doc, &facts)).expect("serializable")
}

fn yaml_to_json(v: &Value) -> serde_json::Value {
    serde_json::to_value(v).expect("yaml is json")
}

/// Compare every key the YAML gives; return the mismatches.
fn compare(dir: &Path, spec: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    let map = spec.as_mapping().expect("a mapping of files");
    for (name, want) in map {
        let name = name.as_str().expect("file name");
        let got = summary_json(&dir.join(name));
        for (key, want) in want.as_mapping().expect("a mapping of fields") {
            let key = key.as_str().expect("key");
            let want = yaml_to_json(want);
            if key == "title_prefix" {
                let title = got["title"].as_str().unwrap_or("");
                if !title.starts_with(want.as_str().unwrap_or("")) {
                    bad.push(format!("{name}: title {title:?} lacks prefix {want}"));
                }
                continue;
            }
            let mut have = got[key].clone();
            if let (Some(w), Some(h)) = (want.as_object(), have.as_object()) {
                have = w.keys().map(|k| (k.clone(), h[k].clone())).collect();
            }
            if have != want {
                bad.push(format!("{name}: {key}: want {want}, got {have}"));
            }
        }
    }
    bad
}

#[test]
fn fixture_summaries() {
    let dir = common::fixture("");
    let spec: Value =
        serde_yaml::from_str(&std::fs::read_to_string(dir.join("summary.yaml")).unwrap()).unwrap();
    let bad = compare(&dir, &spec);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn seed_summaries() {
    let dir = common::seeds();
    let spec: Value =
        serde_yaml::from_str(&std::fs::read_to_string(dir.join("summary.yaml")).unwrap()).unwrap();
    let bad = compare(&dir, &spec);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
