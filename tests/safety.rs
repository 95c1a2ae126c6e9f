//! A report is never lost and outputs never fail silently: fixes and output files are written
//! whole or not at all, an output that is also an input is refused, failed writes are errors
//! that name the file, and a fix that cannot be written still shows the file's findings.

use assert_cmd::Command;
use std::path::Path;

fn zglint() -> Command {
    Command::cargo_bin("zglint").expect("the binary is built")
}

fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("zglint-safety-{name}-"))
        .tempdir()
        .unwrap()
}

/// A fictional report of about 9 KB: a wrong completion rate, and a repeated heading 二、 that
/// `--fix` renumbers.
fn report() -> String {
    let mut text = String::from(
        "中共桐岭镇委员会关于巡察整改进展情况的通报\n一、总体情况\n\
         桐岭镇党委把巡察整改作为重要政治任务。\n共5个问题,已完成4个,完成率90%。\n二、主要做法\n",
    );
    for _ in 0..120 {
        text.push_str("逐项建立台账,明确责任人和完成时限,每周调度一次。\n");
    }
    text.push_str("二、下步打算\n共8项措施,已落实6项,占75%。\n中共桐岭镇委员会\n2024年3月8日\n");
    text
}

/// Names in `dir` other than `keep`: what a run left behind.
fn others(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_mid_fix_leaves_the_report_whole() {
    let tmp = scratch("ulimit");
    let dir = tmp.path();
    let text = report();
    assert!(text.len() > 8192);
    std::fs::write(dir.join("r.txt"), &text).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("zglint");
    let out = std::process::Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(format!(
            "ulimit -f 4; exec '{}' check --fix r.txt",
            bin.display()
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("r.txt: cannot write the fixes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(dir.join("r.txt")).unwrap(), text);
    assert_eq!(
        others(dir, &["r.txt"]),
        Vec::<String>::new(),
        "no temporary file left"
    );
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_permissions_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = scratch("perms");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), report()).unwrap();
    std::fs::set_permissions(dir.join("r.txt"), std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--fix", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(dir.join("r.txt")).unwrap();
    assert_eq!(fixed, report().replace("二、下步打算", "三、下步打算"));
    let mode = std::fs::metadata(dir.join("r.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
    assert_eq!(others(dir, &["r.txt"]), Vec::<String>::new());
}

#[test]
fn an_output_file_that_is_an_input_is_refused() {
    let tmp = scratch("same");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), report()).unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--format", "json", "-o", "r.txt", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("r.txt: the output file (-o) is a report to check"));
    assert_eq!(
        std::fs::read_to_string(dir.join("r.txt")).unwrap(),
        report()
    );

    // Another name for the same file (a folder walked, a ./ prefix) is the same file.
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--write-baseline", "./r.txt", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("(--write-baseline) is a report to check"));
    assert_eq!(
        std::fs::read_to_string(dir.join("r.txt")).unwrap(),
        report()
    );

    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("r.txt", dir.join("link.json")).unwrap();
        let out = zglint()
            .current_dir(dir)
            .args(["check", "-o", "link.json", "r.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            std::fs::read_to_string(dir.join("r.txt")).unwrap(),
            report()
        );
    }
}

#[test]
fn the_output_file_is_written_after_the_run_and_replaces_the_old_one() {
    let tmp = scratch("after");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), report()).unwrap();
    std::fs::write(dir.join("out.json"), "an older output").unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--format", "json", "-o", "out.json", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    assert_eq!(json["files"][0]["diagnostics"].as_array().unwrap().len(), 2);
    assert_eq!(others(dir, &["r.txt", "out.json"]), Vec::<String>::new());
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_an_error_that_names_the_file() {
    let dir = common_dir();
    let out = zglint()
        .current_dir(&dir)
        .args(["check", "-o", "/dev/full", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/full: cannot write"),
        "{}",
        stderr(&out)
    );

    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("zglint"))
        .current_dir(&dir)
        .args(["check", "--format", "sarif", "r.txt"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("standard output: cannot write"),
        "{}",
        stderr(&out)
    );

    let out = zglint()
        .current_dir(&dir)
        .args(["check", "--write-baseline", "/dev/full", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/dev/full: cannot write"));
    let _ = std::fs::remove_dir_all(dir);
}

/// A folder holding `r.txt`, for tests that do not write into it.
fn common_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zglint-safety-full-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("r.txt"), report()).unwrap();
    dir
}

#[test]
fn a_fix_that_cannot_be_written_still_shows_the_findings() {
    let tmp = scratch("readonly");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), report()).unwrap();
    let mut perms = std::fs::metadata(dir.join("r.txt")).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(dir.join("r.txt"), perms).unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--fix", "--format", "concise", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        stdout.contains("r.txt:4:16: error[rate-mismatch]"),
        "{stdout}"
    );
    assert!(stdout.contains("heading-number-repeated"), "{stdout}");
    let err = stderr(&out);
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(err.contains("r.txt: cannot write the fixes"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("r.txt")).unwrap(),
        report()
    );
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let out = zglint()
        .args(["check", "--fix", "--format", "concise", "-"])
        .write_stdin(report())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        report().replace("二、下步打算", "三、下步打算")
    );
    let err = stderr(&out);
    assert!(
        err.contains("-:4:16: error[rate-mismatch]"),
        "the report goes to standard error: {err}"
    );
    assert!(!err.contains("heading-number-repeated"), "{err}");

    // Nothing to fix: the text comes back as it was.
    let clean = report().replace("二、下步打算", "三、下步打算");
    let out = zglint()
        .args(["check", "--fix", "-q", "--format", "json", "-"])
        .write_stdin(clean.clone())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), clean);
}

/// A report whose line holds a bidi override, a terminal title sequence and a bell, in a file
/// whose name holds an escape.
#[cfg(unix)]
fn hostile_report(dir: &Path) -> std::path::PathBuf {
    let text = "中共桐岭镇委员会关于巡察整改进展情况的通报\n一、总体情况\n\
                共5个问题\u{202e},已完成4个,完成率90%。\u{1b}]0;pwned\u{7}另有说明。\n\
                二、主要做法\n逐项建立台账。\n";
    let path = dir.join("r\u{1b}[31m.txt");
    std::fs::write(&path, text).unwrap();
    path
}

/// Bytes that would drive a terminal: C0 controls but line breaks, DEL, C1, bidi controls.
#[cfg(unix)]
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn report_text_and_file_names_never_reach_the_terminal_raw() {
    let tmp = scratch("controls");
    let dir = tmp.path();
    let path = hostile_report(dir);
    for format in ["human", "concise", "github"] {
        let out = zglint()
            .current_dir(dir)
            .args(["check", "--color", "never", "--format", format])
            .arg(path.file_name().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            raw_controls(&stdout),
            Vec::<char>::new(),
            "{format}: {stdout}"
        );
        assert!(stdout.contains("r\\u{1b}[31m.txt"), "{format}: {stdout}");
        if format == "concise" {
            // Columns stay those of the source: the escape is one character there.
            assert!(
                stdout.contains(".txt:3:17: error[rate-mismatch]"),
                "{stdout}"
            );
        }
        if format == "human" {
            assert!(stdout.contains(".txt:3:17]"), "{stdout}");
            assert!(stdout.contains("\\u{202e}"), "{stdout}");
            assert!(stdout.contains("\\u{1b}]0;pwned\\u{7}"), "{stdout}");
            underlines_sit_under(&stdout, &["5个", "4个", "90%"]);
        }
    }
    // An unreadable file's name is escaped in the error too.
    let out = zglint()
        .current_dir(dir)
        .args(["check", "no\u{1b}]0;x\u{7}.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let all = String::from_utf8(out.stdout.clone()).unwrap() + &stderr(&out);
    assert_eq!(raw_controls(&all), Vec::<char>::new(), "{all}");
}

/// In the human output, the window line that holds the marks and the underline below it: each
/// text in `marks` starts at the display column of an underline's start.
#[cfg(unix)]
fn underlines_sit_under(out: &str, marks: &[&str]) {
    use unicode_width::UnicodeWidthStr;
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("│ ") && l.contains("90%"))
        .unwrap_or_else(|| panic!("no window: {out}"));
    let (window, under) = (lines[at], lines[at + 1]);
    let starts: Vec<usize> = under
        .char_indices()
        .filter(|&(i, c)| c == '─' && !under[..i].ends_with('─'))
        .map(|(i, _)| under[..i].width())
        .collect();
    for mark in marks {
        let i = window.find(mark).unwrap();
        let column = window[..i].width();
        assert!(
            starts.contains(&column),
            "{mark} at {column}, underlines at {starts:?}:\n{window}\n{under}"
        );
    }
}

/// A report with a thousand opening quotes that never close.
fn unclosed_quotes() -> String {
    format!(
        "中共桐岭镇委员会关于巡察整改进展情况的通报\n一、总体情况\n{}\n",
        "“".repeat(1000)
    )
}

fn json_of(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stderr(out)))
}

fn count_of(file: &serde_json::Value, rule: &str) -> usize {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .count()
}

#[test]
fn the_findings_of_one_rule_in_one_file_are_capped_and_the_rest_counted() {
    let tmp = scratch("cap");
    let dir = tmp.path();
    std::fs::write(dir.join("q.txt"), unclosed_quotes()).unwrap();
    let run = |args: &[&str]| {
        zglint()
            .current_dir(dir)
            .args(["check", "--format", "json"])
            .args(args)
            .arg("q.txt")
            .output()
            .unwrap()
    };
    let all = json_of(&run(&["--max-findings-per-rule", "0"]));
    let total = count_of(&all["files"][0], "pair-unclosed");
    assert!(total > 150, "{total}");
    assert!(all["files"][0].get("omitted").is_none());

    let capped = json_of(&run(&[]));
    let file = &capped["files"][0];
    assert_eq!(count_of(file, "pair-unclosed"), 100, "the default is 100");
    assert_eq!(
        file["omitted"],
        serde_json::json!([{ "rule": "pair-unclosed", "count": total - 100 }])
    );

    let few = json_of(&run(&["--max-findings-per-rule", "5"]));
    assert_eq!(count_of(&few["files"][0], "pair-unclosed"), 5);
    assert_eq!(few["files"][0]["omitted"][0]["count"], total - 5);

    // The configuration sets it too, and the command line wins.
    std::fs::write(dir.join("zglint.yaml"), "max-findings-per-rule: 7\n").unwrap();
    let configured = json_of(&run(&[]));
    assert_eq!(count_of(&configured["files"][0], "pair-unclosed"), 7);
    let cli = json_of(&run(&["--max-findings-per-rule", "3"]));
    assert_eq!(count_of(&cli["files"][0], "pair-unclosed"), 3);

    let human = zglint()
        .current_dir(dir)
        .args(["check", "--color", "never", "q.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "…… pair-unclosed 标点缺少后一半：另有{}条未显示",
            total - 7
        )),
        "{text}"
    );
    // Statistics still count every finding.
    let stats = zglint()
        .current_dir(dir)
        .args(["check", "--statistics", "q.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8(stats.stdout).unwrap();
    assert!(text.contains(&format!("{total}  pair-unclosed")), "{text}");
}

#[test]
fn did_you_mean_names_the_nearest_rule() {
    let out = zglint()
        .args(["check", "--select", "percent-mismatchh", "-"])
        .write_stdin(report())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("(did you mean percent-mismatch?)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_review_page_of_a_folder_is_not_checked_by_the_next_run() {
    let tmp = scratch("review");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), report()).unwrap();
    let run = || {
        zglint()
            .current_dir(dir)
            .args(["check", "--format", "html", "-o", "review.html", "."])
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let page = std::fs::read_to_string(dir.join("review.html")).unwrap();
    let second = run();
    assert_eq!(second.status.code(), Some(1), "{}", stderr(&second));
    assert_eq!(
        std::fs::read_to_string(dir.join("review.html")).unwrap(),
        page,
        "the second run checks the same one report"
    );
    // Renamed, it is still known by its content; a web page of the report's own is checked.
    std::fs::rename(dir.join("review.html"), dir.join("old.html")).unwrap();
    std::fs::write(
        dir.join("page.html"),
        format!(
            "<html><body><p>{}</p></body></html>",
            report().replace('\n', "</p><p>")
        ),
    )
    .unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let json = json_of(&out);
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./page.html", "./r.txt"]);
}

#[test]
fn statistics_follow_the_format() {
    let tmp = scratch("stats");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), report()).unwrap();
    let out = zglint()
        .current_dir(dir)
        .args([
            "check",
            "--statistics",
            "--format",
            "json",
            "r.txt",
            "gone.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json = json_of(&out);
    assert_eq!(json["files"], 2);
    assert_eq!(json["unreadable"], 1);
    let rows = json["statistics"].as_array().unwrap();
    assert!(
        rows.iter()
            .any(|r| r["rule"] == "rate-mismatch" && r["level"] == "error" && r["count"] == 1),
        "{json}"
    );
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--statistics", "--format", "sarif", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--statistics"));
}

/// A rule file of one rule with this id (the kind and template of a packaged rule).
fn rule_file(id: &str) -> String {
    format!(
        "- id: {id}\n  kind: required\n  level: warning\n  message: \"缺少{{missing}}\"\n  params:\n    elements: [title]\n"
    )
}

#[test]
fn a_rule_id_defined_twice_is_an_error_or_a_warning_saying_which_wins() {
    let tmp = scratch("twice");
    let dir = tmp.path();
    std::fs::write(dir.join("r.txt"), report()).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a/x.yaml"), rule_file("local-rule")).unwrap();
    std::fs::write(dir.join("b/y.yaml"), rule_file("local-rule")).unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--rules", "a", "--rules", "b", "r.txt"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains(
            "warning: rule `local-rule` of b/y.yaml replaces the rule of the same id in a/x.yaml"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(stderr(&out).matches("replaces").count(), 1);

    std::fs::write(
        dir.join("a/x.yaml"),
        rule_file("local-rule") + &rule_file("local-rule"),
    )
    .unwrap();
    let out = zglint()
        .current_dir(dir)
        .args(["check", "--rules", "a", "r.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("rule id `local-rule` is defined twice in a/x.yaml (lines 1 and 7)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_misspelt_directive_is_reported_not_silently_ignored() {
    let text = report().replace(
        "共5个问题,已完成4个,完成率90%。",
        "<!-- zglint-disbale rate-mismatch: 已核对 -->\n共5个问题,已完成4个,完成率90%。",
    );
    let out = zglint()
        .args(["check", "--format", "concise", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("-:4:6: warning[unknown-directive] “zglint-disbale”不是 zglint 的指令"),
        "{stdout}"
    );
    assert!(stdout.contains("error[rate-mismatch]"), "{stdout}");
    // It is a rule like any other: listed, explained, configurable.
    let rules = zglint().arg("rules").output().unwrap();
    assert!(
        String::from_utf8(rules.stdout)
            .unwrap()
            .contains("unknown-directive")
    );
    let explain = zglint()
        .args(["explain", "unknown-directive"])
        .output()
        .unwrap();
    assert_eq!(explain.status.code(), Some(0));
    let out = zglint()
        .args([
            "check",
            "--ignore",
            "unknown-directive",
            "--format",
            "concise",
            "-",
        ])
        .write_stdin(report().replace("一、总体情况\n", "一、总体情况\n<!-- zglint-enable -->\n"))
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("unknown-directive")
    );
}
