//! The worked example of rules/README.md: a province's own rule file, loaded with `--rules`,
//! adds a rule and overrides a packaged one by id.

use assert_cmd::Command;
use std::path::PathBuf;
use zglint::rules::pack::Pack;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rules_dir() -> PathBuf {
    root().join("tests/fixtures/rules")
}

fn report(name: &str) -> PathBuf {
    root().join("tests/fixtures/authoring").join(name)
}

/// The diagnostics of one file as JSON, with or without the example's rules.
fn diagnostics(path: &std::path::Path, with_rules: bool) -> Vec<serde_json::Value> {
    let mut cmd = Command::cargo_bin("zglint").expect("the binary is built");
    cmd.args(["check", "--format", "json"]);
    if with_rules {
        cmd.arg("--rules").arg(rules_dir());
    }
    let out = cmd.arg(path).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["files"][0]["diagnostics"].as_array().unwrap().clone()
}

fn by_rule<'a>(found: &'a [serde_json::Value], rule: &str) -> Vec<&'a serde_json::Value> {
    found.iter().filter(|d| d["rule"] == rule).collect()
}

/// The text of a diagnostic's primary span.
fn spanned<'a>(text: &'a str, d: &serde_json::Value) -> &'a str {
    let at = |k: &str| d["span"][k].as_u64().unwrap() as usize;
    &text[at("start")..at("end")]
}

#[test]
fn the_province_rule_checks_its_own_rate() {
    let path = report("xikou-rate.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let found = diagnostics(&path, true);
    let hits = by_rule(&found, "rectification-rate-unreachable");
    assert_eq!(hits.len(), 1, "{found:#?}");
    let d = hits[0];
    assert_eq!(d["kind"], "ratio");
    assert_eq!(d["level"], "error");
    assert_eq!(d["message"], "整改到位率80%不能由基数4中的整数个得到");
    assert!(
        d["help"].as_str().unwrap().contains("3 / 4 = 75%"),
        "{d:#?}"
    );
    assert!(spanned(&text, d).contains("80%"), "{d:#?}");
    // The report states the rate, so the rule that asks for it is satisfied.
    assert!(by_rule(&found, "rectification-rate-missing").is_empty());
    // The packaged rules do not read 到位率: without the folder, no ratio finding.
    let packaged = diagnostics(&path, false);
    assert!(
        packaged.iter().all(|d| d["kind"] != "ratio"),
        "{packaged:#?}"
    );
}

#[test]
fn the_province_rule_requires_its_rate() {
    let path = report("xikou.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let found = diagnostics(&path, true);
    let hits = by_rule(&found, "rectification-rate-missing");
    assert_eq!(hits.len(), 1, "{found:#?}");
    let d = hits[0];
    assert_eq!(d["kind"], "required");
    assert_eq!(d["level"], "warning");
    assert_eq!(d["message"], "报告没有写明整改到位率");
    // It points at the title, the report's first line.
    assert_eq!(
        spanned(&text, d),
        "中共鹭江县溪口镇委员会关于巡察整改进展情况的通报"
    );
    assert!(by_rule(&diagnostics(&path, false), "rectification-rate-missing").is_empty());
}

#[test]
fn a_report_that_states_a_reachable_rate_passes() {
    let text = std::fs::read_to_string(report("xikou-rate.txt")).unwrap();
    let stated = text.replace("整改到位率80%", "整改到位率75%");
    assert_ne!(stated, text);
    let dir = std::env::temp_dir().join(format!("zglint-authoring-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("xikou-75.txt");
    std::fs::write(&path, stated).unwrap();
    let found = diagnostics(&path, true);
    std::fs::remove_dir_all(&dir).ok();
    for rule in [
        "rectification-rate-unreachable",
        "rectification-rate-missing",
    ] {
        assert!(by_rule(&found, rule).is_empty(), "{found:#?}");
    }
}

#[test]
fn the_same_id_overrides_the_packaged_rule() {
    let path = report("xikou-untitled.txt");
    let level = |with_rules| {
        let found = diagnostics(&path, with_rules);
        let hits = by_rule(&found, "title-missing");
        assert_eq!(hits.len(), 1, "{found:#?}");
        hits[0]["level"].as_str().unwrap().to_string()
    };
    assert_eq!(level(false), "info");
    assert_eq!(level(true), "warning");
}

#[test]
fn the_example_rules_load_and_their_examples_hold() {
    let mut pack = Pack::packaged().unwrap();
    let before = pack.rules.len();
    pack.add_dir(&rules_dir()).unwrap();
    // Two rules added, one replaced.
    assert_eq!(pack.rules.len(), before + 2);
    let failures: Vec<String> = pack.rules.iter().flat_map(|r| r.run_examples()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_readme_shows_the_rules_that_are_tested() {
    let readme = std::fs::read_to_string(root().join("rules/README.md")).unwrap();
    let example = std::fs::read_to_string(rules_dir().join("local.yaml")).unwrap();
    // All of the file but its first comment, which says where it is used.
    let shown = &example[example.find("\n\n").unwrap() + 2..];
    assert!(
        readme.contains(shown),
        "rules/README.md does not show tests/fixtures/rules/local.yaml as it is"
    );
}

#[test]
fn the_readme_vocabulary_example_reads_a_local_status_phrase() {
    use zglint::document::Status;
    use zglint::parse::vocab::{DEFAULT_VOCABULARY, Vocabulary};
    let readme = std::fs::read_to_string(root().join("rules/README.md")).unwrap();
    assert!(readme.contains("status:\n  done:\n    - 已?通过验收\n"));
    let extended = DEFAULT_VOCABULARY.replacen("  done:\n", "  done:\n    - 已?通过验收\n", 1);
    assert_ne!(extended, DEFAULT_VOCABULARY);
    let vocab = Vocabulary::from_yaml(&extended).unwrap();
    let text = "一、问题整改落实情况\n(一)关于“村级财务公开不及时”的问题。\n整改情况:全镇9个村已按月公开2024年财务收支,该问题已通过验收。\n";
    let status = |v: &Vocabulary| {
        let mut doc = zglint::parse::parse(text);
        zglint::parse::item::find_items(&mut doc, v);
        doc.items.iter().map(|i| i.status).collect::<Vec<_>>()
    };
    assert_eq!(status(Vocabulary::packaged()), vec![Status::Unknown]);
    assert_eq!(status(&vocab), vec![Status::Done]);
}

#[test]
fn the_readme_lists_every_kind_with_its_values_and_packaged_rules() {
    let readme = std::fs::read_to_string(root().join("rules/README.md")).unwrap();
    let pack = Pack::packaged().unwrap();
    for kind in zglint::rules::KINDS {
        let start = format!("| `{}` |", kind.name);
        let row = readme
            .lines()
            .find(|l| l.starts_with(&start))
            .unwrap_or_else(|| panic!("rules/README.md has no row for `{}`", kind.name));
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        let values: Vec<String> = kind.values.iter().map(|v| format!("`{v}`")).collect();
        assert_eq!(cells[2], values.join(", "), "values of `{}`", kind.name);
        let rules: Vec<String> = pack
            .rules
            .iter()
            .filter(|r| r.kind.name == kind.name)
            .map(|r| {
                let level = format!("{:?}", r.spec.level).to_lowercase();
                format!("`{}` ({level})", r.spec.id)
            })
            .collect();
        let rules = if rules.is_empty() {
            "—".to_string()
        } else {
            rules.join(", ")
        };
        assert_eq!(cells[3], rules, "packaged rules of `{}`", kind.name);
    }
}

#[test]
fn the_readme_shows_the_output_the_example_gives() {
    let readme = std::fs::read_to_string(root().join("rules/README.md")).unwrap();
    let args = [
        "check",
        "--rules",
        "tests/fixtures/rules",
        "tests/fixtures/authoring/xikou-rate.txt",
        "tests/fixtures/authoring/xikou.txt",
    ];
    let command = format!("$ zglint {}\n", args.join(" "));
    let start = readme.find(&command).expect("the README shows the command") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = Command::cargo_bin("zglint")
        .unwrap()
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the example has an error");
    assert_eq!(shown, String::from_utf8(out.stdout).unwrap());
}

#[test]
fn the_readme_counts_the_packaged_rules_as_zglint_rules_lists_them() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let n = Pack::packaged().unwrap().rules.len();
    assert!(
        readme.contains(&format!("lists the {n} packaged rules")),
        "README.md does not say `lists the {n} packaged rules`"
    );
}
