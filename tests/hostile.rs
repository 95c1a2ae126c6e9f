//! Hostile input, one test each: every case gives a result or a clear error, in bounded time
//! (a generous timeout catches a hang; speed is measured elsewhere) and bounded memory. Also
//! the fuzz targets' properties, as property tests and by replaying the fuzz corpus.

mod common;

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, mpsc};
use std::time::Duration;
use zglint::rules::pack::Pack;

/// Long enough for a debug build on a busy machine; a hang never ends.
const LIMIT: Duration = Duration::from_secs(600);

static PACK: LazyLock<Pack> = LazyLock::new(|| Pack::packaged().unwrap());

/// Run `f` on its own thread and wait at most `LIMIT` for it; its panic is passed on.
fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(LIMIT) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker sends before it ends"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: no result in {LIMIT:?}"),
    }
}

/// Check a text with the packaged rules, within the limit, asserting every span holds.
fn check(what: &str, text: String) -> zglint::Checked {
    within(what, move || {
        let checked = zglint::check::check_str(&text, &PACK);
        for f in &checked.findings {
            for span in std::iter::once(&f.span).chain(f.labels.iter().map(|l| &l.span)) {
                assert!(
                    text.get(span.clone()).is_some(),
                    "{}: bad span {span:?}",
                    f.rule
                );
            }
        }
        checked
    })
}

fn rules_of(checked: &zglint::Checked) -> Vec<&str> {
    checked.findings.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn a_million_nested_brackets() {
    let n = 1_000_000;
    let nested = format!("一、{}整改{}\n", "（".repeat(n), "）".repeat(n));
    let checked = check("nested brackets", nested);
    assert_eq!(checked.document.sections.len(), 1);

    let unclosed = format!("一、标题\n{}\n", "（".repeat(n));
    let checked = check("unclosed brackets", unclosed);
    assert!(
        rules_of(&checked).contains(&"pair-unclosed"),
        "{:?}",
        rules_of(&checked)
    );

    let quotes = format!("一、标题\n关于{}的问题。\n", "“".repeat(n));
    let checked = check("nested quotes", quotes);
    assert!(!checked.findings.is_empty());
}

/// A number in Chinese numerals, 1 to 99: 七, 十二, 二十.
fn chinese(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, units) = (n / 10, n % 10);
    let tens = match tens {
        0 => String::new(),
        1 => "十".to_string(),
        t => format!("{}十", DIGITS[t]),
    };
    tens + DIGITS[units]
}

#[test]
fn ten_thousand_headings() {
    // 20 parts of 499 numbered sections each, without a gap: 10,000 headings.
    let mut text = String::from("青石镇关于巡察整改进展情况的通报\n");
    for part in 1..=20 {
        text += &format!("{}、第{}部分\n", chinese(part), chinese(part));
        for section in 1..=499 {
            text += &format!("{section}.关于问题{part}-{section}的整改。已完成整改。\n");
        }
    }
    let checked = check("10,000 headings", text);
    assert_eq!(checked.document.sections.len(), 10_000);
    let numbering: Vec<&str> = checked
        .findings
        .iter()
        .filter(|f| f.kind == "numbering")
        .map(|f| f.rule.as_str())
        .collect();
    assert!(numbering.is_empty(), "the numbering holds: {numbering:?}");
}

#[test]
fn a_report_of_only_numbers() {
    let mut text = String::new();
    let mut state: u64 = 7;
    while text.len() < 1 << 20 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        let n = state >> 33;
        text += &match n % 6 {
            0 => format!("{}\n", n % 10_000),
            1 => format!("{}.{} ", n % 1000, n % 100),
            2 => format!("{}% ", n % 150),
            3 => format!("{},{:03} ", n % 1000, n % 1000),
            4 => format!("{}-{}-{} ", 1990 + n % 50, n % 14, n % 33),
            _ => format!("（{}）{}、", n % 20, n % 12),
        };
    }
    let checked = check("only numbers", text);
    assert!(checked.document.items.is_empty());
}

#[test]
fn invalid_utf8_in_the_middle_is_an_error_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "一、标题\n整改情况：已完成整改。\n"
        .repeat(1000)
        .into_bytes();
    let middle = bytes.len() / 2;
    let middle = (middle..).find(|&i| bytes[i] == b'\n').unwrap() + 1;
    bytes.insert(middle, 0xff);
    std::fs::write(dir.path().join("a-broken.txt"), &bytes).unwrap();
    std::fs::write(dir.path().join("b-good.txt"), "一、标题\n已完成整改。\n").unwrap();

    let output = assert_cmd::Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(dir.path().join("a-broken.txt"))
        .arg(dir.path().join("b-good.txt"))
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "an unreadable file exits 2");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("a-broken.txt: not valid UTF-8 at byte {middle}")),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert!(
        files[0]["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8")
    );
    assert!(
        files[1]["diagnostics"].is_array(),
        "the good file is checked"
    );
}

#[test]
fn a_directory_with_an_unreadable_file_and_a_symlink_loop() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    std::fs::write(d.join("good.txt"), "一、标题\n已完成整改。\n").unwrap();
    std::fs::write(d.join("locked.txt"), "一、标题\n").unwrap();
    std::fs::set_permissions(d.join("locked.txt"), PermissionsExt::from_mode(0o000)).unwrap();
    // Root reads a file whatever its mode: then only the other unreadable entries count.
    let locked = std::fs::read(d.join("locked.txt")).is_err();
    symlink(d.join("gone.txt"), d.join("dangling.txt")).unwrap();
    symlink(&d, d.join("loop")).unwrap();
    let fifo = std::ffi::CString::new(d.join("pipe.txt").into_os_string().into_encoded_bytes());
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(fifo.unwrap().as_ptr(), 0o644) }, 0);

    let results = within("walk and check", move || {
        let walk = zglint::run::discover::discover(
            &[d],
            &zglint::run::discover::DiscoverOptions::default(),
        );
        let mut results = Vec::new();
        zglint::run::batch::run(
            walk.files,
            2,
            |p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (
                    name,
                    zglint::read(p).map(|t| zglint::check::check_str(&t, &PACK)),
                )
            },
            |r| results.push(r),
        );
        (results, walk.errors)
    });
    let (checked, errors) = results;
    let names: Vec<&str> = checked.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["good.txt", "locked.txt"]);
    assert!(checked[0].1.is_ok());
    match &checked[1].1 {
        Err(e) => assert!(locked && e.to_string().contains("Permission denied"), "{e}"),
        Ok(_) => assert!(!locked),
    }
    let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors[0].contains("dangling.txt: a symbolic link to nothing"));
    assert!(errors[1].contains("loop: a symbolic-link loop"));
    assert!(errors[2].contains("pipe.txt: not a regular file"));
}

/// A rule file with one `required` rule whose statement has this pattern.
fn rule_with_pattern(pattern: &str) -> String {
    format!(
        "- id: hostile-pattern\n  kind: required\n  level: warning\n  message: \"缺少{{missing}}\"\n  \
         params:\n    statements:\n      - name: 声明\n        pattern: '{pattern}'\n"
    )
}

#[test]
fn a_rule_with_a_huge_or_pathological_regex() {
    let huge = rule_with_pattern(r"(?:\w{100}){100}");
    let err = within("a huge pattern", move || {
        let mut pack = Pack::default();
        pack.add("hostile.yaml", &huge, false).unwrap_err()
    });
    let text = err.to_string();
    assert!(
        text.starts_with("hostile.yaml: rule `hostile-pattern`: params: statement `声明`: ")
            && text.contains("too big once compiled"),
        "{text}"
    );
    let label = miette::Diagnostic::labels(&err).unwrap().next().unwrap();
    assert_eq!(label.offset(), 0, "the error points at the rule's id line");

    // Nested repetitions that make a backtracking engine take exponential time.
    let rule = rule_with_pattern("^(?:(?:完成)+)+整改$");
    let checked = within("a pathological pattern", move || {
        let mut pack = Pack::default();
        pack.add("hostile.yaml", &rule, false).unwrap();
        let text = format!("关于巡察整改情况的通报\n{}完成\n", "完成".repeat(200_000));
        let (doc, facts) = zglint::analyse(&text);
        pack.check(&doc, &facts)
    });
    assert!(checked.iter().any(|f| f.message == "缺少声明"));

    // Through the command line: a clear error and exit 2.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("big.yaml"),
        rule_with_pattern(r"(?:\w{100}){100}"),
    )
    .unwrap();
    let output = assert_cmd::Command::cargo_bin("zglint")
        .unwrap()
        .args(["rules", "--rules"])
        .arg(dir.path())
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("big.yaml") && stderr.contains("too big"),
        "{stderr}"
    );
}

#[test]
fn yaml_whose_aliases_expand_exponentially() {
    // Each level is nine of the level before: nine levels stand for 9^9 strings.
    let mut yaml = String::from(
        "- id: laughs\n  kind: required\n  level: warning\n  message: \"缺少{missing}\"\n  params:\n",
    );
    yaml += "    a0: &a0 [\"哈哈\", \"哈哈\", \"哈哈\", \"哈哈\", \"哈哈\", \"哈哈\", \"哈哈\", \"哈哈\", \"哈哈\"]\n";
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        yaml += &format!("    a{i}: &a{i} [{refs}]\n");
    }
    let err = within("billion laughs", move || {
        Pack::default()
            .add("laughs.yaml", &yaml, false)
            .unwrap_err()
    });
    let text = err.to_string();
    assert!(
        text.starts_with("laughs.yaml: repetition limit exceeded: its aliases"),
        "{text}"
    );
}

/// Run zglint with `args`, allowed `memory` bytes of address space: a process that needs more
/// fails to allocate and dies, failing the test.
fn zglint_within(args: &[&std::ffi::OsStr], memory: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("zglint"));
    cmd.args(args);
    // SAFETY: between fork and exec the closure only calls setrlimit, which is
    // async-signal-safe, and allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: memory,
                rlim_max: memory,
            };
            match libc::setrlimit(libc::RLIMIT_AS, &limit) {
                0 => Ok(()),
                _ => Err(std::io::Error::last_os_error()),
            }
        });
    }
    assert_cmd::Command::from_std(cmd)
        .timeout(LIMIT)
        .output()
        .unwrap()
}

#[test]
fn a_100_megabyte_single_line_file() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // A report's sentences run together with no line break, each with a rate its counts do
    // not give (10 of 12 is not 90%): a finding every 112 bytes.
    let unit = "截至2023年11月30日，反馈的12项问题已完成整改10项，完成率90%，其余2项正在整改中；";
    let write = |name: &str, bytes: usize| {
        let path = dir.path().join(name);
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for _ in 0..bytes.div_ceil(unit.len()) {
            f.write_all(unit.as_bytes()).unwrap();
        }
        f.flush().unwrap();
        path
    };
    let big = write("big.txt", 100 << 20);

    // Past the size limit: a clear error, without holding the file in memory.
    let output = zglint_within(&["check".as_ref(), big.as_os_str()], 512 << 20);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("big.txt: the file is larger than 33554432 bytes"),
        "{stderr}"
    );

    // Within the limit, the same line gives every finding (with no limit per rule), in place,
    // in each format.
    let units = (2usize << 20).div_ceil(unit.len());
    let line = write("line.txt", 2 << 20);
    let json = zglint_within(
        &[
            "check".as_ref(),
            "--format=json".as_ref(),
            "--max-findings-per-rule=0".as_ref(),
            line.as_os_str(),
        ],
        2 << 30,
    );
    assert_eq!(
        json.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let found = value["files"][0]["diagnostics"].as_array().unwrap();
    let rates: Vec<&serde_json::Value> = found
        .iter()
        .filter(|d| d["rule"] == "rate-mismatch")
        .collect();
    assert_eq!(rates.len(), units);
    let last = rates[units - 1];
    let at = last["span"]["start"].as_u64().unwrap() as usize;
    let columns = unit.chars().count() * (units - 1) + unit[..at % unit.len()].chars().count();
    assert_eq!(
        (&last["line"], &last["column"]),
        (&1.into(), &(columns + 1).into())
    );
    let human = zglint_within(
        &[
            "check".as_ref(),
            "--format=human".as_ref(),
            "--max-findings-per-rule=0".as_ref(),
            line.as_os_str(),
        ],
        2 << 30,
    );
    assert_eq!(human.status.code(), Some(1));
    let text = String::from_utf8_lossy(&human.stdout);
    assert_eq!(
        text.matches("rate-mismatch").count(),
        units,
        "one report per finding"
    );
    // By default, the first 100 of them and a count of the rest.
    let capped = zglint_within(
        &["check".as_ref(), "--format=json".as_ref(), line.as_os_str()],
        2 << 30,
    );
    let value: serde_json::Value = serde_json::from_slice(&capped.stdout).unwrap();
    let file = &value["files"][0];
    let shown = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "rate-mismatch")
        .count();
    assert_eq!(shown, 100);
    assert_eq!(
        file["omitted"],
        serde_json::json!([{ "rule": "rate-mismatch", "count": units - 100 }])
    );
}

use common::PIECES;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn fuzz_properties_hold_on_report_like_text(
        parts in prop::collection::vec(0..PIECES.len(), 0..150)
    ) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        zglint::fuzzing::decode(text.as_bytes());
        zglint::fuzzing::parse(&text);
        zglint::fuzzing::facts(&text);
        zglint::fuzzing::rules(&text);
    }

    #[test]
    fn fuzz_properties_hold_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        zglint::fuzzing::decode(&bytes);
        let text = zglint::fuzzing::text(&bytes);
        zglint::fuzzing::parse(&text);
        zglint::fuzzing::rules(&text);
    }
}

/// The files of `fuzz/corpus/<target>`; none is an error.
fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
}

#[test]
fn the_fuzz_corpus_replays() {
    for (target, property) in zglint::fuzzing::TARGETS {
        for file in corpus(target) {
            let bytes = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| property(&bytes));
            assert!(outcome.is_ok(), "{target}: {} fails", file.display());
        }
    }
}
