//! The command line: exit codes, formats, and errors that name the file.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn zglint() -> Command {
    Command::cargo_bin("zglint").expect("the binary is built")
}

#[test]
fn check_json_follows_the_output_contract() {
    let out = zglint()
        .args(["check", "--format", "json"])
        .arg(common::fixture("baiyun.txt"))
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c == 0 || c == 1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let file = &json["files"][0];
    assert!(file["path"].as_str().unwrap().ends_with("baiyun.txt"));
    assert!(file["diagnostics"].is_array());
    let summary = &file["summary"];
    for key in [
        "title",
        "issuer",
        "signed",
        "published",
        "inspection",
        "feedback",
        "as_of",
        "items",
        "status",
    ] {
        assert!(summary.get(key).is_some(), "summary lacks {key}");
    }
    assert_eq!(summary["items"], 16);
}

#[test]
fn unreadable_files_exit_2_and_the_others_are_still_checked() {
    let dir = std::env::temp_dir().join(format!("zglint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"\xe4\xb8\x80\xff").unwrap();
    let out = zglint()
        .args(["check", "--format", "json"])
        .arg(&bad)
        .arg(dir.join("missing.txt"))
        .arg(common::fixture("sample.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    // Output is sorted by path, and where the checkout sits decides whether the
    // fixture comes before or after the temporary folder: look each file up.
    let file = |name: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .unwrap_or_else(|| panic!("no entry for {name} in {json}"))
    };
    assert!(
        file("bad.txt")["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8 at byte 3")
    );
    assert!(file("bad.txt").get("diagnostics").is_none());
    assert!(
        file("missing.txt")["error"]
            .as_str()
            .unwrap()
            .contains("missing.txt")
    );
    assert_eq!(file("sample.txt")["summary"]["items"], 15);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt") && stderr.contains("byte 3"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn human_output_ends_with_a_count() {
    zglint()
        .arg("check")
        .arg(common::fixture("baiyun.txt"))
        .assert()
        .stdout(predicate::str::contains(
            "16 items: 12 done, 0 partial, 4 ongoing, 0 unknown",
        ))
        .stdout(predicate::str::contains("in 1 file"));
}

#[test]
fn parse_shows_the_tree_and_the_facts() {
    zglint()
        .arg("parse")
        .arg(common::fixture("sample.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("title"))
        .stdout(predicate::str::contains("[item: done]"))
        .stdout(predicate::str::contains("timeline"));
    let out = zglint()
        .args(["parse", "--format", "json"])
        .arg(common::fixture("towns.txt"))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document"]["items"].as_array().unwrap().len(), 11);
    assert!(json["facts"]["dates"].is_array());
}

#[test]
fn usage_errors_exit_2() {
    zglint().arg("check").assert().code(2);
    zglint()
        .args(["check", "--format", "nope", "x.txt"])
        .assert()
        .code(2);
    zglint()
        .arg("parse")
        .arg("/nonexistent/report.txt")
        .assert()
        .code(2);
}

#[test]
fn explain_and_rules() {
    zglint()
        .args(["explain", "ratio"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## 检查什么 / What it checks"))
        .stdout(predicate::str::contains("## 参数 / Parameters"));
    zglint().args(["explain", "no-such-rule"]).assert().code(2);
    zglint().arg("rules").assert().success();
}

#[test]
fn a_bad_rule_file_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("zglint-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("local.yaml"),
        "- id: local-rule\n  kind: no_such_kind\n  level: warning\n  message: \"x\"\n",
    )
    .unwrap();
    zglint()
        .args(["check", "--rules"])
        .arg(&dir)
        .arg(common::fixture("sample.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("local.yaml"))
        .stderr(predicate::str::contains("unknown kind"))
        .stderr(predicate::str::contains("no_such_kind"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn parse_says_which_percentages_are_not_checked_and_why() {
    let dir = std::env::temp_dir().join(format!("zglint-unchecked-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.txt");
    std::fs::write(
        &report,
        "中共青石镇委员会关于巡察整改进展情况的通报\n\
         一、总体情况\n\
         截至2024年3月1日,已进驻事项占应进事项的76%。\
         全村党员120人,其中女党员30人,45岁以下的20人,占20%。\
         反馈问题30个,已完成整改27个,整改完成率90%。\n\
         中共青石镇委员会\n\
         2024年3月8日\n",
    )
    .unwrap();
    let out = zglint().arg("parse").arg(&report).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let section = &stdout[stdout.find("\nnot checked (2)\n").expect(&stdout)..];
    let line = |pct: &str| {
        section
            .lines()
            .find(|l| l.contains(pct))
            .unwrap_or_else(|| panic!("{pct} not listed: {section}"))
    };
    assert!(line("76%").contains("3:24"), "{section}");
    assert!(line("76%").contains("未核对: 基数不明 / not checked: no base stated"));
    assert!(line("20%").contains("基数有两种可能 (120人, 30人)"));
    // 27 / 30 = 90% is checked, so not listed.
    assert!(!section.contains("90%"), "{section}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Every `--format` (and `--statistics`), for the cases where no file gets checked.
const FORMATS: &[&[&str]] = &[
    &["--format", "human"],
    &["--format", "concise"],
    &["--format", "json"],
    &["--format", "sarif"],
    &["--format", "github"],
    &["--format", "junit"],
    &["--format", "html"],
    &["--statistics"],
];

#[test]
fn nothing_to_check_exits_as_json_does_in_every_format() {
    let tmp = tempfile::Builder::new()
        .prefix("zglint-nothing-")
        .tempdir()
        .unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let missing = tmp.path().join("nonexist.txt");
    for format in FORMATS {
        for (path, want) in [(&missing, 2), (&empty, 0)] {
            let out = zglint()
                .arg("check")
                .args(*format)
                .arg(path)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                !stderr.contains("panicked"),
                "{format:?} {path:?}: {stderr}"
            );
            assert_eq!(
                out.status.code(),
                Some(want),
                "{format:?} {}: {stderr}",
                path.display()
            );
        }
    }
    // SARIF still describes the rules when nothing was checked.
    let out = zglint()
        .args(["check", "--format", "sarif"])
        .arg(&empty)
        .output()
        .unwrap();
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.iter().any(|r| r["id"] == "heading-number-repeated"));
}
