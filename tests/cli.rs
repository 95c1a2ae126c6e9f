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
fn a_read_error_is_printed_once_on_standard_error() {
    let dir = std::env::temp_dir().join(format!("zglint-cli-once-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for format in ["human", "concise"] {
        let out = zglint()
            .args(["check", "--format", format])
            .arg(dir.join("gone.txt"))
            .arg(common::fixture("sample.txt"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.matches("gone.txt").count(), 1, "{stderr}");
        assert!(!stdout.contains("gone.txt"), "{format}: {stdout}");
        if format == "human" {
            assert!(stdout.contains("1个文件无法读取"), "{stdout}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_run_with_no_file_to_check_warns_and_exits_2_unless_allowed() {
    let dir = std::env::temp_dir().join(format!("zglint-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |extra: &[&str]| {
        zglint()
            .arg("check")
            .args(extra)
            .arg(&dir)
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: no report file to check in"),
        "{stderr}"
    );
    assert!(stderr.contains(".docx"), "{stderr}");
    let out = run(&["--glob", "*.rpt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--glob *.rpt"));
    assert_eq!(run(&["--allow-empty"]).status.code(), Some(0));
    assert_eq!(run(&["--exit-zero"]).status.code(), Some(0));
    // A folder with a report in it is not empty.
    std::fs::copy(common::fixture("sample.txt"), dir.join("a.txt")).unwrap();
    let out = run(&[]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("no report file"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn exit_zero_keeps_the_findings_and_exits_0() {
    let failing = zglint()
        .arg("check")
        .arg(common::fixture("sample.txt"))
        .output()
        .unwrap();
    assert_eq!(failing.status.code(), Some(1), "the sample has errors");
    let out = zglint()
        .args(["check", "--exit-zero"])
        .arg(common::fixture("sample.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, failing.stdout);
    // An unreadable file is still an error of the run.
    let out = zglint()
        .args(["check", "--exit-zero", "no-such-report.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn human_output_ends_with_a_count() {
    zglint()
        .arg("check")
        .arg(common::fixture("baiyun.txt"))
        .assert()
        .stdout(predicate::str::contains(
            "共16个问题：已完成12个、部分完成0个、正在整改4个\n",
        ))
        .stdout(predicate::str::contains("1个文件："));
    zglint()
        .args(["check", "--lang", "en"])
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
    let section = &stdout[stdout.find("\nnot checked (3)\n").expect(&stdout)..];
    let line = |pct: &str| {
        section
            .lines()
            .find(|l| l.contains(pct))
            .unwrap_or_else(|| panic!("{pct} not listed: {section}"))
    };
    assert!(line("76%").contains("3:24"), "{section}");
    assert!(line("76%").contains("未核对: 基数不明 / not checked: no base stated"));
    assert!(line("20%").contains("基数有两种可能 (120人, 30人)"));
    // The 其中 list of traits is not read as parts of the 120.
    assert!(line("其中").contains("特征"), "{section}");
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
    // An empty folder is a warning and exit 2 (a wrong path or glob, most often), as a missing
    // file is an error and exit 2; in every format the output is still well formed.
    for format in FORMATS {
        for (path, want) in [(&missing, 2), (&empty, 2)] {
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

/// A short fictional report (an invented 柏溪镇) whose completion rate is wrong: 4 / 5 = 80%.
const WRONG_RATE: &str = "中共柏溪镇委员会关于巡察整改进展情况的通报\n\
一、总体情况\n\
柏溪镇党委把巡察整改作为重要政治任务。\n\
巡察反馈共5个问题,已完成整改4个,整改完成率90%。\n\
二、下步打算\n\
逐项建立台账,明确责任人和完成时限。\n\
中共柏溪镇委员会\n\
2024年3月8日\n";

/// What a run printed: its exit code, standard output, and the `-o` file if there was one.
struct Run {
    code: Option<i32>,
    stdout: String,
    written: Option<String>,
}

/// Run `check` with `format` on `report` in `dir`; `--format html` writes to `-o review.html`.
fn run_format(dir: &std::path::Path, format: &[&str], report: &str) -> Run {
    let html = format == ["--format", "html"];
    let page = dir.join("review.html");
    std::fs::remove_file(&page).ok();
    let mut cmd = zglint();
    cmd.current_dir(dir).arg("check").args(format);
    if html {
        cmd.args(["-o", "review.html"]);
    }
    let out = cmd.arg(report).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "{format:?} {report}: {stderr}"
    );
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        written: html.then(|| std::fs::read_to_string(&page).expect("the page is written")),
    }
}

/// JUnit output: (test cases, failures, errors), panicking where it is not well-formed XML.
fn junit_counts(xml: &str) -> (usize, usize, usize) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut counts = (0, 0, 0);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => match e.name().as_ref() {
                b"testcase" => counts.0 += 1,
                b"failure" => counts.1 += 1,
                b"error" => counts.2 += 1,
                _ => {}
            },
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML ({e}):\n{xml}"),
        }
    }
    counts
}

#[test]
fn every_format_gives_the_same_exit_code() {
    let tmp = tempfile::Builder::new()
        .prefix("zglint-formats-")
        .tempdir()
        .unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("wrong.txt"), WRONG_RATE).unwrap();
    let clean = WRONG_RATE.replace("完成率90%", "完成率80%");
    std::fs::write(dir.join("clean.txt"), clean).unwrap();
    for format in FORMATS {
        let wrong = run_format(dir, format, "wrong.txt");
        let ok = run_format(dir, format, "clean.txt");
        let missing = run_format(dir, format, "missing.txt");
        assert_eq!(
            (wrong.code, ok.code, missing.code),
            (Some(1), Some(0), Some(2)),
            "{format:?}"
        );
        let (out, clean_out) = (&wrong.stdout, &ok.stdout);
        match format[format.len() - 1] {
            "human" => {
                assert!(
                    out.contains("rate-mismatch") && out.contains("wrong.txt:4:"),
                    "{out}"
                );
                assert!(out.contains("1个错误"), "{out}");
                assert!(clean_out.contains("1个文件："), "{clean_out}");
            }
            "concise" => {
                assert_eq!(out.lines().count(), 1, "{out}");
                assert!(out.starts_with("wrong.txt:4:"), "{out}");
                assert!(out.contains(": error[rate-mismatch] "), "{out}");
                assert_eq!(clean_out, "");
            }
            "json" => {
                let json: serde_json::Value = serde_json::from_str(out).unwrap();
                assert_eq!(json["files"][0]["diagnostics"][0]["rule"], "rate-mismatch");
                let json: serde_json::Value = serde_json::from_str(&missing.stdout).unwrap();
                assert!(json["files"][0]["error"].is_string(), "{json}");
            }
            "sarif" => {
                let log: serde_json::Value = serde_json::from_str(out).unwrap();
                let results = log["runs"][0]["results"].as_array().unwrap();
                assert_eq!(results.len(), 1, "{log}");
                assert_eq!(results[0]["ruleId"], "rate-mismatch");
                assert_eq!(results[0]["level"], "error");
                let log: serde_json::Value = serde_json::from_str(&missing.stdout).unwrap();
                assert_eq!(
                    log["runs"][0]["invocations"][0]["executionSuccessful"],
                    false
                );
            }
            "github" => {
                assert!(out.starts_with("::error "), "{out}");
                assert!(out.contains("file=wrong.txt,line=4"), "{out}");
                assert!(out.contains("rate-mismatch"), "{out}");
            }
            "junit" => {
                let (cases, failures, _) = junit_counts(out);
                assert!(cases >= 1 && failures == 1, "{out}");
                assert_eq!(junit_counts(clean_out).1, 0, "{clean_out}");
                assert_eq!(junit_counts(&missing.stdout).2, 1, "{}", missing.stdout);
            }
            "html" => {
                assert_eq!(out, "", "the page goes to -o");
                let page = wrong.written.as_deref().unwrap();
                assert!(page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"));
                assert!(page.contains("rate-mismatch"));
                assert!(!ok.written.as_deref().unwrap().contains("rate-mismatch"));
            }
            "--statistics" => {
                let rows: Vec<Vec<&str>> = out
                    .lines()
                    .map(|l| l.split_whitespace().collect())
                    .collect();
                assert_eq!(rows, [["1", "rate-mismatch", "error"]], "{out}");
                assert!(!clean_out.contains("rate-mismatch"), "{clean_out}");
                assert!(
                    missing.stdout.contains("could not be read"),
                    "{}",
                    missing.stdout
                );
            }
            other => panic!("no property checked for {other}"),
        }
    }
}

#[test]
fn rules_lists_one_line_per_rule_in_aligned_columns() {
    use unicode_width::UnicodeWidthStr;
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let out = zglint()
        .arg("rules")
        .arg("--rules")
        .arg(rules)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    // The description is the message with its values shown as …, not the raw template.
    assert!(!stdout.contains('{'), "{stdout}");
    let line = |id: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id} not listed:\n{stdout}"))
    };
    assert!(
        line("heading-number-skipped").ends_with("标题编号跳号：…中此处为“…”，按顺序应为“…”"),
        "{stdout}"
    );
    // A message that is nearly all values is described by what its kind checks.
    assert!(line("date-out-of-order").contains("时间线"), "{stdout}");
    assert!(line("rectification-rate-unreachable").contains(" ratio "));
    assert!(line("unused-suppression").contains(" warning "));
    // Every column starts at the same display column on every line, the longest id included.
    let starts = |l: &str| -> Vec<usize> {
        let mut starts = Vec::new();
        let mut prev_blank = true;
        for (at, c) in l.char_indices() {
            if prev_blank && c != ' ' && starts.len() < 4 {
                starts.push(l[..at].width());
            }
            prev_blank = c == ' ';
        }
        starts
    };
    let first = starts(stdout.lines().next().unwrap());
    assert_eq!(first.len(), 4, "{stdout}");
    for l in stdout.lines() {
        assert_eq!(starts(l), first, "{l}\n{stdout}");
    }
}

/// Colour in the human output: on a terminal (a pseudo-terminal from util-linux's `script`)
/// unless `NO_COLOR` is set, never into a pipe, always with `--color always`.
#[test]
fn colour_only_on_a_terminal_without_no_color() {
    const ESC: &str = "\u{1b}[";
    let report = "tests/fixtures/reports/sample.txt";
    let piped = zglint().args(["check", report]).output().expect("runs");
    assert!(!String::from_utf8_lossy(&piped.stdout).contains(ESC));
    let forced = zglint()
        .args(["check", "--color", "always", report])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&forced.stdout).contains(ESC));
    let on_terminal = |no_color: Option<&str>| {
        let command = format!("{} check {report}", env!("CARGO_BIN_EXE_zglint"));
        let mut script = std::process::Command::new("script");
        script.args(["-qec", &command, "/dev/null"]);
        script.env_remove("NO_COLOR");
        if let Some(v) = no_color {
            script.env("NO_COLOR", v);
        }
        let out = script.output().expect("util-linux script runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let terminal = on_terminal(None);
    assert!(terminal.contains("count-mismatch"), "{terminal}");
    assert!(terminal.contains(ESC), "no colour on a terminal");
    let no_color = on_terminal(Some("1"));
    assert!(no_color.contains("count-mismatch"), "{no_color}");
    assert!(!no_color.contains(ESC), "colour despite NO_COLOR");
}

/// `rule-dirs` in a `zglint.yaml` loads a folder of rules relative to the file: its rule fires,
/// `zglint rules` and `config` know it, and a bad rule file there is an error at its line.
#[test]
fn rule_dirs_in_the_configuration_load_local_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let local = dir.path().join("local-rules");
    std::fs::create_dir_all(&local).unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/local.yaml"),
        local.join("local.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("zglint.yaml"), "rule-dirs: [local-rules]\n").unwrap();
    let report = dir.path().join("report.txt");
    std::fs::write(
        &report,
        "中共青石镇委员会关于巡察整改进展情况的通报\n一、总体情况\n\
         截至2024年11月20日,反馈的4个问题,整改到位率80%,其中已完成整改3个,正在整改1个。\n\
         \n中共青石镇委员会\n2024年11月25日\n",
    )
    .unwrap();
    zglint()
        .args(["check", "--format", "concise"])
        .arg(&report)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("rectification-rate-unreachable"));
    zglint()
        .arg("config")
        .arg(&report)
        .assert()
        .success()
        .stdout(predicate::str::contains("rectification-rate-unreachable"));
    std::fs::write(
        local.join("bad.yaml"),
        "- id: bad-rule\n  kind: ratio\n  level: loud\n  message: \"x\"\n",
    )
    .unwrap();
    zglint()
        .args(["check", "--format", "concise"])
        .arg(&report)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.yaml:3:10"))
        .stderr(predicate::str::contains("loud"));
}
