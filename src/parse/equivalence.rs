//! The hand-written reader (`lex.rs`) and the grammar run by pest (`grammar.rs`) read the same
//! lines and the same inline elements: on every fixture, every seed report (both widths), the
//! grammar's own table cases, and random text made of the characters the grammar cares about.

use super::{grammar, inline, lines};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Compare both readings of a text; the error says where they differ.
fn agree(text: &str) -> Result<(), String> {
    let want = format!("{:#?}", grammar::lines(text));
    let got = format!("{:#?}", lines(text));
    if want != got {
        return Err(format!(
            "lines differ for {text:?}\npest: {want}\nlex:  {got}"
        ));
    }
    // Every line, every run-on after a heading's first full stop, and the text as a whole.
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    spans.push(0..text.len());
    for line in lines(text) {
        let run_on = text[line.span.clone()]
            .find('。')
            .map(|i| line.span.start + i + '。'.len_utf8());
        spans.extend(run_on.map(|s| s..line.span.end));
        spans.push(line.span);
    }
    for span in spans {
        let want = format!("{:?}", grammar::inline(text, span.clone()));
        let got = format!("{:?}", inline(text, span.clone()));
        if want != got {
            return Err(format!(
                "inline differs for {:?}\npest: {want}\nlex:  {got}",
                &text[span]
            ));
        }
    }
    Ok(())
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
}

#[test]
fn fixtures_and_seed_reports_read_alike() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds = std::env::var_os("ZGLINT_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/seeds"));
    assert!(
        seeds.is_dir(),
        "the seed reports are not at {}",
        seeds.display()
    );
    let mut files = Vec::new();
    txt_files(&root.join("tests/fixtures"), &mut files);
    let fixtures = files.len();
    txt_files(&seeds, &mut files);
    assert!(
        fixtures > 0 && files.len() > fixtures,
        "no fixtures or no seeds"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a UTF-8 report");
        // The same report with ASCII punctuation, as the widths test writes it.
        let ascii: String = text
            .chars()
            .map(|c| match c {
                '，' => ',',
                '（' => '(',
                '）' => ')',
                '：' => ':',
                '；' => ';',
                c => c,
            })
            .collect();
        for t in [&text, &ascii] {
            if let Err(e) = agree(t) {
                panic!("{}: {e}", path.display());
            }
        }
    }
}

#[test]
fn edge_cases_read_alike() {
    let cases = [
        "",
        "\n",
        "\r\n\r\r\n",
        "一、提高政治站位\r\n(一)加强\r二十一、其他",
        "十十、 ．x",
        "一 .5",
        "一 .",
        "( 一 )a",
        "（ 12 ）b",
        "1234.",
        "1.5万元",
        "12)x\n１）y\n③z\n)w\n（ ）v\n()",
        "整改情况:整改完成。",
        "来源 : 党政办\n编辑:x\n责任编辑：y\n作者:z",
        "一二三四五六七八九十一:超长标签",
        "首页\n首页》\n首页x\n a >> b\n>>\n> \nICP\n字号:\n【打印】",
        "2023年10月13日\n  2023 年 1 月 3 号  \n二〇二三年十月十三日x\n2023年123月1日\n20231年1月1日",
        "一是学习;二是整改。(1)a,(2)b。 整改措施及成效:一是",
        "“一是二是”,“未闭合,一是",
        "(整改时限:3个月,长期坚持)(以下简称“镇党委”)(整改时限:未闭(合)",
        "整改措施:(3)x(4)",
        "：十是",
    ];
    for case in cases {
        if let Err(e) = agree(case) {
            panic!("{e}");
        }
    }
}

/// Characters the grammar reads, and a few it does not.
const ALPHABET: &[char] = &[
    '一', '二', '三', '十', '是', '〇', '零', '年', '月', '日', '号', '整', '改', '情', '况', '来',
    '源', '编', '辑', '发', '布', '日', '期', '首', '页', '版', '权', '所', '有', '1', '2', '0',
    '９', '.', '．', '、', '(', ')', '（', '）', ':', '：', ';', '；', ',', '，', '。', '！', '？',
    '“', '”', ' ', '\t', '\u{3000}', '\u{a0}', '\n', '\r', '>', '|', '》', '①', '⑳', 'I', 'C', 'P',
    'a', '【', '】',
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn random_text_reads_alike(indices in proptest::collection::vec(0..ALPHABET.len(), 0..60)) {
        let text: String = indices.into_iter().map(|i| ALPHABET[i]).collect();
        prop_assert!(agree(&text).is_ok(), "{}", agree(&text).unwrap_err());
    }
}
