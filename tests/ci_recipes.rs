//! The README's GitHub Actions workflow and pre-commit hook, run for real against a scratch
//! repository of fictional draft reports.

use std::path::Path;
use std::process::Command;

/// A short fictional report; `RATE` is its completion rate (4 of 5 done is 80%).
const DRAFT: &str = "中共柳塘镇委员会关于巡察整改进展情况的通报\n\
一、总体情况\n\
柳塘镇党委把巡察整改作为重要政治任务。\n\
共5个问题,已完成4个,完成率RATE。\n\
二、下步打算\n\
持续巩固整改成果。\n\
中共柳塘镇委员会\n\
2024年3月8日\n";

fn draft(rate: &str) -> String {
    DRAFT.replace("RATE", rate)
}

fn readme_block(after: &str) -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find(after)
        .unwrap_or_else(|| panic!("README shows {after}"));
    let rest = &readme[start..];
    rest[..rest.find("```").unwrap()].to_string()
}

fn scratch(name: &str) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix(&format!("zglint-ci-{name}-"))
        .tempdir()
        .unwrap();
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    dir
}

/// PATH with the built zglint first.
fn path_with_zglint() -> std::ffi::OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_zglint")).parent().unwrap();
    let mut paths = vec![bin.to_path_buf()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap()
}

#[test]
fn the_workflow_commands_annotate_a_wrong_figure() {
    let workflow: serde_yaml::Value =
        serde_yaml::from_str(&readme_block("# .github/workflows/zglint.yml")).unwrap();
    let steps = workflow["jobs"]["zglint"]["steps"].as_sequence().unwrap();
    let commands: Vec<String> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .filter(|r| r.starts_with("zglint "))
        .map(str::to_string)
        .collect();
    assert_eq!(commands.len(), 2, "{commands:?}");

    let tmp = scratch("workflow");
    let dir = tmp.path();
    std::fs::write(dir.join("drafts/liutang.txt"), draft("90%")).unwrap();
    let run = |command: &str| {
        let words: Vec<&str> = command.split_whitespace().collect();
        Command::new(env!("CARGO_BIN_EXE_zglint"))
            .args(&words[1..])
            .current_dir(dir)
            .output()
            .unwrap()
    };
    let out = run(&commands[0]);
    assert_eq!(out.status.code(), Some(1), "the step fails the job");
    let annotations = String::from_utf8(out.stdout).unwrap();
    assert!(
        annotations.starts_with("::error file=drafts/liutang.txt,line=4,"),
        "{annotations}"
    );
    let out = run(&commands[1]);
    assert_eq!(out.status.code(), Some(1));
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("zglint.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "rate-mismatch");

    std::fs::write(dir.join("drafts/liutang.txt"), draft("80%")).unwrap();
    assert_eq!(
        run(&commands[0]).status.code(),
        Some(0),
        "a correct draft passes"
    );
}

#[test]
fn the_pre_commit_hook_refuses_a_wrong_figure() {
    let pre_commit = Command::new("python3")
        .args(["-m", "pre_commit", "--version"])
        .output();
    assert!(
        pre_commit.is_ok_and(|o| o.status.success()),
        "this test runs the README's hook through pre-commit: `python3 -m pip install pre-commit`"
    );
    let tmp = scratch("precommit");
    let dir = tmp.path();
    std::fs::write(
        dir.join(".pre-commit-config.yaml"),
        readme_block("# .pre-commit-config.yaml"),
    )
    .unwrap();
    let path = path_with_zglint();
    let run = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .current_dir(dir)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", dir.join(".cache"))
            .env("GIT_AUTHOR_NAME", "Editor")
            .env("GIT_AUTHOR_EMAIL", "editor@example.com")
            .env("GIT_COMMITTER_NAME", "Editor")
            .env("GIT_COMMITTER_EMAIL", "editor@example.com")
            .output()
            .unwrap()
    };
    assert!(run("git", &["init", "-q"]).status.success());
    let out = run("python3", &["-m", "pre_commit", "install"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(dir.join("drafts/liutang.txt"), draft("90%")).unwrap();
    assert!(run("git", &["add", "."]).status.success());
    let out = run("git", &["commit", "-q", "-m", "draft"]);
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the commit is refused: {said}");
    assert!(
        said.contains("drafts/liutang.txt:4:") && said.contains("rate-mismatch"),
        "{said}"
    );

    std::fs::write(dir.join("drafts/liutang.txt"), draft("80%")).unwrap();
    assert!(run("git", &["add", "."]).status.success());
    let out = run("git", &["commit", "-q", "-m", "draft"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
