//! The command line's workflow features: configuration, selection, suppression comments,
//! baselines, fixes and output files, run through the binary on fictional reports.

mod common;

use assert_cmd::Command;
use std::path::Path;

fn zglint() -> Command {
    Command::cargo_bin("zglint").expect("the binary is built")
}

/// A fresh folder for one test, removed when it ends.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("zglint-wf-{name}-"))
        .tempdir()
        .unwrap()
}

/// A short fictional report: one wrong completion rate in 一、, a repeated heading 二、.
const REPORT: &str = "中共杉溪镇委员会关于巡察整改进展情况的通报\n\
一、总体情况\n\
杉溪镇党委把巡察整改作为重要政治任务。\n\
共5个问题,已完成4个,完成率90%。\n\
二、主要做法\n\
逐项建立台账,明确责任人和完成时限。\n\
二、下步打算\n\
共8项措施,已落实6项,占75%。\n\
中共杉溪镇委员会\n\
2024年3月8日\n";

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn rules(out: &std::process::Output) -> Vec<String> {
    json(out)["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

fn check_json(dir: &Path, args: &[&str]) -> std::process::Output {
    zglint()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_report_has_two_errors_by_default() {
    let tmp = scratch("default");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), REPORT).unwrap();
    let out = check_json(dir, &["r.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(rules(&out), ["rate-mismatch", "heading-number-repeated"]);
}

#[test]
fn a_configuration_found_upward_changes_levels_and_fail_on() {
    let tmp = scratch("config");
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("drafts/2024")).unwrap();
    std::fs::write(dir.join("drafts/2024/r.txt"), REPORT).unwrap();
    std::fs::write(
        dir.join("zglint.yaml"),
        "rules:\n  rate-mismatch: warning\n  numbering: off\n",
    )
    .unwrap();
    let out = check_json(dir, &["drafts/2024/r.txt"]);
    assert_eq!(rules(&out), ["rate-mismatch"]);
    assert_eq!(json(&out)["files"][0]["diagnostics"][0]["level"], "warning");
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning does not fail by default"
    );
    let out = check_json(dir, &["--fail-on", "warning", "drafts/2024/r.txt"]);
    assert_eq!(out.status.code(), Some(1));

    // `zglint config` says where each value came from.
    let out = zglint()
        .current_dir(dir)
        .args(["config", "drafts/2024/r.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("zglint.yaml"), "{text}");
    let line = |id: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(id))
            .unwrap()
            .to_string()
    };
    assert!(
        line("rate-mismatch ").contains("warning")
            && line("rate-mismatch ").contains("zglint.yaml:2"),
        "{text}"
    );
    assert!(
        line("heading-number-repeated").contains("off")
            && line("heading-number-repeated").contains("zglint.yaml:3"),
        "{text}"
    );
    assert!(
        line("percent-mismatch ").contains("default (rules/ratio.yaml)"),
        "{text}"
    );

    // --config names another file, which then applies instead.
    std::fs::write(
        dir.join("strict.yaml"),
        "fail-on: warning\nselect: [numbering]\n",
    )
    .unwrap();
    let out = check_json(dir, &["--config", "strict.yaml", "drafts/2024/r.txt"]);
    assert_eq!(rules(&out), ["heading-number-repeated"]);
}

#[test]
fn overrides_select_and_ignore() {
    let tmp = scratch("overrides");
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("archive")).unwrap();
    std::fs::write(dir.join("archive/old.txt"), REPORT).unwrap();
    std::fs::write(dir.join("new.txt"), REPORT).unwrap();
    std::fs::write(
        dir.join(".zglint.yaml"),
        "overrides:\n  - files: [\"archive/**\"]\n    ignore: [ratio]\n",
    )
    .unwrap();
    assert_eq!(
        rules(&check_json(dir, &["archive/old.txt"])),
        ["heading-number-repeated"]
    );
    assert_eq!(rules(&check_json(dir, &["new.txt"])).len(), 2);
    assert_eq!(
        rules(&check_json(dir, &["--select", "ratio", "new.txt"])),
        ["rate-mismatch"]
    );
    assert_eq!(
        rules(&check_json(
            dir,
            &[
                "--ignore",
                "rate-mismatch,heading-number-repeated",
                "new.txt"
            ]
        )),
        Vec::<String>::new()
    );
}

#[test]
fn a_bad_configuration_points_at_the_line_and_exits_2() {
    let tmp = scratch("badconfig");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), REPORT).unwrap();
    std::fs::write(
        dir.join("zglint.yaml"),
        "rules:\n  rate-mismatch: warning\n  percent-mismatc: off\n",
    )
    .unwrap();
    let out = check_json(dir, &["r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown rule or kind `percent-mismatc`"),
        "{err}"
    );
    assert!(err.contains("did you mean"), "{err}");
    assert!(
        err.contains("zglint.yaml:3"),
        "the error points at line 3: {err}"
    );

    std::fs::write(dir.join("zglint.yaml"), "fail_on: warning\n").unwrap();
    let out = check_json(dir, &["r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown field `fail_on`"), "{err}");

    let out = zglint()
        .current_dir(dir)
        .args(["config", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = check_json(dir, &["--config", "zglint.yaml.missing", "r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn suppression_comments_used_and_unused() {
    let tmp = scratch("suppress");
    let dir = tmp.path();
    let text = REPORT
        .replace(
            "共5个问题",
            "<!-- zglint-disable rate-mismatch: 口径已与县委巡察办核对 -->\n共5个问题",
        )
        .replace(
            "二、下步打算",
            "<!-- zglint-disable percent-mismatch: 旧注释 -->\n二、下步打算",
        );
    std::fs::write(dir.join("r.txt"), &text).unwrap();
    let out = check_json(dir, &["r.txt"]);
    let found = rules(&out);
    assert_eq!(
        found,
        ["unused-suppression", "heading-number-repeated"],
        "{found:?}"
    );
    let d = &json(&out)["files"][0]["diagnostics"][0];
    let start = d["span"]["start"].as_u64().unwrap() as usize;
    let end = d["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "percent-mismatch");
    assert_eq!(d["level"], "warning");
    // A comment before a figure on its line does not shift the figure's column.
    let inline = REPORT.replace("共5个问题", "<!-- 备注：草稿 -->共5个问题");
    std::fs::write(dir.join("inline.txt"), &inline).unwrap();
    let out = check_json(dir, &["inline.txt"]);
    let d = &json(&out)["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "rate-mismatch");
    let line = inline.lines().nth(3).unwrap();
    let col = line[..line.find("90%").unwrap()].chars().count() + 1;
    assert_eq!(d["column"], col, "{d}");
    // It can be configured like any rule.
    let out = check_json(dir, &["--ignore", "unused-suppression", "r.txt"]);
    assert_eq!(rules(&out), ["heading-number-repeated"]);
}

#[test]
fn a_baseline_round_trip() {
    let tmp = scratch("baseline");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), REPORT).unwrap();
    let out = check_json(dir, &["--write-baseline", "zglint-baseline.json", "r.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("recorded 2 findings"));
    let saved = std::fs::read_to_string(dir.join("zglint-baseline.json")).unwrap();
    assert!(
        saved.contains("\"rule\": \"rate-mismatch\"") && saved.contains("\"path\": \"r.txt\""),
        "{saved}"
    );

    let out = check_json(dir, &["--baseline", "zglint-baseline.json", "r.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(rules(&out).is_empty());

    // Change one figure: only the new finding appears.
    std::fs::write(dir.join("r.txt"), REPORT.replace("占75%", "占70%")).unwrap();
    let out = check_json(dir, &["--baseline", "zglint-baseline.json", "r.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(rules(&out), ["percent-mismatch"]);

    // A baseline that is not one is a clear error.
    std::fs::write(dir.join("bad.json"), "[]").unwrap();
    let out = check_json(dir, &["--baseline", "bad.json", "r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a zglint baseline"));
}

#[test]
fn diff_shows_the_renumbering_and_fix_writes_it() {
    let tmp = scratch("fix");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), REPORT).unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--diff", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("-二、下步打算\n+三、下步打算\n"), "{diff}");
    assert!(
        !diff.contains("90%\n+"),
        "figures are never changed: {diff}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("r.txt")).unwrap(),
        REPORT,
        "--diff writes nothing"
    );

    let out = check_json(dir, &["--fix", "r.txt"]);
    assert_eq!(
        rules(&out),
        ["rate-mismatch"],
        "the fixed finding is gone, the figure stays"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 1 finding"));
    let fixed = std::fs::read_to_string(dir.join("r.txt")).unwrap();
    assert_eq!(fixed, REPORT.replace("二、下步打算", "三、下步打算"));
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--diff", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn output_goes_to_a_file() {
    let tmp = scratch("output");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), REPORT).unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--format", "json", "-o", "out.json", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the exit code does not depend on where output goes"
    );
    assert!(out.stdout.is_empty());
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    assert_eq!(
        written["files"][0]["diagnostics"].as_array().unwrap().len(),
        2
    );
    let out = zglint()
        .current_dir(dir)
        .args(["check", "-o", "no/such/dir/out.txt", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}
