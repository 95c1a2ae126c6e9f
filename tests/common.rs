// Shared helpers for the integration tests (included with `mod common;`).
#![allow(dead_code)]

use std::path::PathBuf;

/// The project's fixture reports.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reports")
        .join(name)
}

/// The real seed reports live outside the repository, in ../shared/seeds (ZGLINT_SEEDS
/// overrides). They are part of the project's set-up: a missing folder fails the test.
pub fn seeds() -> PathBuf {
    let dir = std::env::var_os("ZGLINT_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    assert!(
        dir.is_dir(),
        "the seed reports are not at {} (set ZGLINT_SEEDS)",
        dir.display()
    );
    dir
}

/// Every seed report, sorted.
pub fn seed_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds())
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seed reports found");
    files
}

/// The same text with ASCII `,():;` as published reports write them: `，（）：；`
/// (a colon between two digits, as in a time, stays ASCII).
pub fn to_fullwidth(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    for (i, &c) in chars.iter().enumerate() {
        let digit = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_ascii_digit())
        };
        out.push(match c {
            ',' => '，',
            '(' => '（',
            ')' => '）',
            ';' => '；',
            ':' if !(digit(i.checked_sub(1)) && digit(Some(i + 1))) => '：',
            c => c,
        });
    }
    out
}

/// Fold full-width punctuation back to ASCII, to compare texts read in either form.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '（' => '(',
            '）' => ')',
            '；' => ';',
            '：' => ':',
            c => c,
        })
        .collect()
}

/// Pieces of report text (markers, numbers, units, dates, statuses, labels, punctuation of both
/// widths, chrome) that property tests join into report-like text.
#[allow(dead_code)]
pub const PIECES: &[&str] = &[
    "一、",
    "(一)",
    "（二）",
    "1.",
    "2、",
    "(3)",
    "4)",
    "①",
    ")",
    "(",
    "“",
    "”",
    "《",
    "》",
    "\n",
    "\r\n",
    "整改情况:",
    "反馈问题:",
    "关于“",
    "”的问题。",
    "一是",
    ";二是",
    "2023年",
    "5月",
    "10日",
    "至",
    "12月底",
    "截至",
    "反馈",
    "巡察",
    "48个",
    "占",
    "96%",
    "50余",
    "万元",
    "共计",
    "其中",
    "两个",
    "已完成整改",
    "正在整改中",
    "按计划于",
    "前完成",
    "中共青石镇委员会",
    "　",
    " ",
    "。",
    ",",
    "发布日期:",
    "2024-02-02 10:30",
    "首页 > ",
    "〇",
    "十二",
    "百分之",
    "１２",
    "（一）",
    "(二)",
    "（3）",
    "（",
    "）",
    "整改情况：",
    "反馈问题：",
    "；二是",
    "12月底前",
    "12项",
    "完成率",
    "，",
];

/// The ids of the rules of `pack` that fire on `text`, sorted.
pub fn rule_ids(text: &str, pack: &zglint::Pack) -> Vec<String> {
    let mut ids: Vec<String> = zglint::check::check_str(text, pack)
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect();
    ids.sort();
    ids
}
