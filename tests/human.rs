//! The human output: snapshots of fictional reports, and checks over every report (fixtures and
//! the real seed reports) that each underline sits under its own text, on the line and at the
//! column the report has it, within the width.

mod common;

use std::path::Path;
use std::sync::LazyLock;
use unicode_width::UnicodeWidthStr;
use zglint::finding::Finding;
use zglint::render::human::Human;
use zglint::render::render_all;
use zglint::rules::pack::Pack;
use zglint::text::LineIndex;
use zglint::{Checked, FileResult};

static PACK: LazyLock<Pack> = LazyLock::new(|| Pack::packaged().expect("packaged rules"));

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn checked(text: &str) -> Checked {
    zglint::check::check_str(text, &PACK)
}

/// The human output for one report, as the command prints it for `path`.
fn render(human: Human, path: &str, text: &str) -> String {
    let file = FileResult {
        path: path.to_string(),
        outcome: Ok(checked(text)),
    };
    render_all(&mut { human }, &[file])
}

fn fixture(name: &str) -> (String, String) {
    let path = format!("tests/fixtures/human/{name}");
    let text = std::fs::read_to_string(root().join(&path)).unwrap();
    (path, text)
}

#[test]
fn the_fixture_renders_as_snapshotted() {
    let (path, text) = fixture("heting.txt");
    insta::assert_snapshot!("heting", render(Human::default(), &path, &text));
}

#[test]
fn the_sample_report_renders_as_snapshotted() {
    let path = "tests/fixtures/reports/sample.txt";
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    insta::assert_snapshot!("sample", render(Human::default(), path, &text));
}

#[test]
fn english_is_the_same_report_with_english_words_and_bare_ids() {
    let (path, text) = fixture("heting.txt");
    let zh = render(Human::default(), &path, &text);
    let en = render(
        Human::default().with_lang(zglint::render::Lang::En),
        &path,
        &text,
    );
    assert!(
        zh.contains("\n  共5个问题：已完成4个、部分完成0个、正在整改1个\n"),
        "{zh}"
    );
    assert!(
        zh.contains("\ncount-mismatch 统计数与逐项列出数不符\n"),
        "{zh}"
    );
    assert!(zh.ends_with("\n1个文件：2个错误，2个警告\n"), "{zh}");
    assert!(
        en.contains("\n  5 items: 4 done, 0 partial, 1 ongoing, 0 unknown\n"),
        "{en}"
    );
    assert!(
        en.contains("\n  inspected 2023-03-13..04-28 → feedback 06-09"),
        "{en}"
    );
    assert!(en.contains("\ncount-mismatch\n"), "{en}");
    assert!(en.ends_with("\n2 errors, 2 warnings in 1 file\n"), "{en}");
    // The findings themselves are the same.
    let messages = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| l.trim_start().starts_with(['×', '⚠']))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(messages(&zh), messages(&en));
    assert_eq!(messages(&zh).len(), 4);
}

/// Display columns of `text`, by East Asian Width with ambiguous characters narrow (see the
/// module `render::human`).
fn columns(text: &str) -> usize {
    text.width()
}

/// The printed text that starts `col` columns into `line` and is `width` columns wide.
fn at_columns(line: &str, col: usize, width: usize) -> Option<String> {
    let mut used = 0;
    let mut out = String::new();
    for c in line.chars() {
        if used >= col + width {
            break;
        }
        if used >= col {
            out.push(c);
        }
        used += columns(c.encode_utf8(&mut [0; 4]));
    }
    (used >= col).then_some(out)
}

#[test]
fn the_figure_after_quotes_and_full_width_digits_is_underlined_at_its_column() {
    let (path, text) = fixture("heting.txt");
    let out = render(Human::default(), &path, &text);
    let lines: Vec<&str> = out.lines().collect();
    // The percentage, after 《方案》“清单化” and full-width digits, on line 5 of the report.
    let row = lines
        .iter()
        .position(|l| l.trim_start().starts_with("5 │") && l.contains("占９０%"))
        .expect("a window of line 5 around the percentage");
    let figure = columns(&lines[row][..lines[row].find("９０%").unwrap()]);
    let underline = lines[row + 1];
    let start = underline.rfind(" ─").expect("an underline") + 1;
    assert_eq!(
        columns(&underline[..start]),
        figure,
        "\n{}\n{underline}",
        lines[row]
    );
    assert_eq!(
        at_columns(lines[row], figure, columns("９０%")).as_deref(),
        Some("９０%")
    );
    assert!(lines[row].contains("《方案》“清单化”"), "{}", lines[row]);
}

/// A place a finding points at: its line, its character column and its text on that line.
struct Place {
    line: usize,
    column: usize,
    /// The column as the window shows the line (an escaped control takes several).
    shown_column: usize,
    text: String,
}

/// Text as the windows show it: a tab as a space, other controls escaped.
fn as_shown(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\r' => " ".to_string(),
            c if zglint::text::is_hidden_control(c) => zglint::text::escaped(c),
            c => c.to_string(),
        })
        .collect()
}

fn places(source: &str, index: &LineIndex, f: &Finding) -> Vec<Place> {
    let spans = std::iter::once(&f.span).chain(f.labels.iter().map(|l| &l.span));
    spans
        .map(|s| {
            let (line, column) = index.line_column(s.start);
            let text = source[s.clone()].split(['\r', '\n']).next().unwrap_or("");
            let line_start = index.line_span(s.start).start;
            Place {
                line,
                column,
                shown_column: as_shown(&source[line_start..s.start]).chars().count() + 1,
                text: as_shown(text),
            }
        })
        .collect()
}

/// Check one finding's output against its report: every line number is the real one and the
/// printed text is part of that line; every box heads with the place of one of its marks; every
/// underline is under the text of a mark, at its column; every mark is underlined once.
fn check_finding(source: &str, f: &Finding, out: &str, width: usize) {
    let index = LineIndex::new(source);
    let real: Vec<String> = source
        .split('\n')
        .map(|l| as_shown(l.trim_end_matches('\r')))
        .collect();
    let mut wanted = places(source, &index, f);
    let lines: Vec<&str> = out.lines().collect();
    let fail = |why: String| panic!("{why}\nfinding {f:#?}\noutput:\n{out}");
    for (i, l) in lines.iter().enumerate() {
        // Box headers hold the path, which may be as long as it likes.
        if l.contains(['│', '·', '╰']) && !l.contains('╭') && columns(l) > width {
            fail(format!("line wider than {width}: {l}"));
        }
        if let Some(head) = l.trim_start().strip_prefix("╭─[") {
            let head = head.trim_end_matches(']');
            let mut parts = head.rsplitn(3, ':');
            let col: usize = parts.next().unwrap().parse().unwrap();
            let line: usize = parts.next().unwrap().parse().unwrap();
            if !wanted.iter().any(|p| (p.line, p.column) == (line, col)) {
                fail(format!("box header {head} is not the place of a mark"));
            }
        }
        let Some((number, shown)) = l.split_once(" │ ") else {
            continue;
        };
        let Ok(number) = number.trim().parse::<usize>() else {
            continue;
        };
        let body = shown.trim_start_matches('…').trim_end_matches('…');
        let line_text = &real[number - 1];
        let Some(byte) = line_text.find(body) else {
            fail(format!("line {number} does not hold {body:?}"))
        };
        let window_column = line_text[..byte].chars().count() + 1;
        let lead = l.len() - shown.len() + (shown.len() - shown.trim_start_matches('…').len());
        let underline = lines.get(i + 1).copied().unwrap_or("");
        let mut chars = underline.char_indices().peekable();
        while let Some((b, c)) = chars.next() {
            if !matches!(c, '─' | '┬' | '▲') {
                continue;
            }
            let mut end = b + c.len_utf8();
            while let Some(&(b2, c2)) = chars.peek() {
                if !matches!(c2, '─' | '┬') || c == '▲' {
                    break;
                }
                end = b2 + c2.len_utf8();
                chars.next();
            }
            let start_col = columns(&underline[..b]);
            let under = at_columns(l, start_col, columns(&underline[b..end])).unwrap_or_default();
            let body_col = columns(&l[..lead]);
            let Some(gap) = start_col.checked_sub(body_col) else {
                fail(format!(
                    "underline at line {number} starts left of the text"
                ))
            };
            let before = at_columns(l, body_col, gap).unwrap_or_default();
            let column = window_column + before.chars().count();
            let found = wanted.iter().position(|p| {
                p.line == number
                    && p.shown_column == column
                    && if c == '▲' {
                        p.text.is_empty()
                    } else {
                        !under.is_empty() && p.text.starts_with(&under)
                    }
            });
            match found {
                Some(k) => {
                    wanted.remove(k);
                }
                None => fail(format!(
                    "underline at line {number} column {column} under {under:?} is under no mark"
                )),
            }
        }
    }
    if !wanted.is_empty() {
        let left: Vec<String> = wanted
            .iter()
            .map(|p| format!("{}:{} {:?}", p.line, p.column, p.text))
            .collect();
        fail(format!("marks not underlined: {}", left.join(", ")));
    }
}

/// Render each finding of a report alone and check it.
fn check_report(path: &str, text: &str, width: usize) -> usize {
    let all = checked(text);
    for f in &all.findings {
        let one = Checked {
            written: all.written.clone(),
            paragraphs: Vec::new(),
            findings: vec![f.clone()],
            omitted: Vec::new(),
            document: all.document.clone(),
            facts: all.facts.clone(),
            summary: all.summary.clone(),
        };
        let file = FileResult {
            path: path.to_string(),
            outcome: Ok(one),
        };
        let out = render_all(&mut Human::default().with_width(width), &[file]);
        check_finding(text, f, &out, width);
    }
    all.findings.len()
}

#[test]
fn every_underline_of_the_fixtures_sits_under_its_mark() {
    let mut found = 0;
    // Every fixture folder: the kinds' (tests/kinds.rs), the layouts', the sample's.
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let name = path.strip_prefix(root()).unwrap_or(&path);
                found += check_report(&name.display().to_string(), &text, 80);
            }
        }
    }
    assert!(found >= 30, "only {found} findings in the fixtures");
}

#[test]
fn every_underline_of_the_seed_reports_sits_under_its_mark() {
    let mut found = 0;
    for path in common::seed_files() {
        let text = zglint::read(&path).unwrap();
        for width in [80, 120] {
            found += check_report(&path.display().to_string(), &text, width);
        }
    }
    assert!(found >= 20, "only {found} findings in the seeds");
}

#[test]
fn colour_only_when_asked() {
    let (path, text) = fixture("heting.txt");
    let plain = render(Human::default(), &path, &text);
    assert!(!plain.contains('\x1b'), "no ANSI codes without colour");
    assert_eq!(plain, render(Human::new(false), &path, &text));
    let coloured = render(Human::new(true), &path, &text);
    assert!(coloured.contains("\x1b["), "ANSI codes with colour");
    // The same text once the codes are taken out.
    let stripped = regex::Regex::new("\x1b\\[[0-9;]*m")
        .unwrap()
        .replace_all(&coloured, "");
    assert_eq!(stripped, plain);
}

#[test]
fn line_breaks_and_tabs_do_not_move_the_underlines() {
    let (path, text) = fixture("heting.txt");
    let lf = render(Human::default(), &path, &text);
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(render(Human::default(), &path, &crlf), lf);
    check_report(&path, &crlf, 80);
    // A tab prints as a space and an escape character escaped (`\u{1b}`, see tests/safety.rs),
    // and the underlines stay under their marks.
    let odd = text.replacen("针对反馈问题", "针对\t反馈\u{1b}问题", 1);
    let out = render(Human::default(), &path, &odd);
    assert!(out.contains("针对 反馈\\u{1b}问题"), "{out}");
    assert!(!out.contains(['\t', '\u{1b}', '\r']));
    check_report(&path, &odd, 80);
}

#[test]
fn a_wider_terminal_gets_wider_windows() {
    let (path, text) = fixture("heting.txt");
    let wide = render(Human::default().with_width(120), &path, &text);
    let widest = wide.lines().map(columns).max().unwrap();
    assert!((100..=120).contains(&widest), "{widest}\n{wide}");
    check_report(&path, &text, 120);
    check_report(&path, &text, 60);
}

#[test]
fn the_run_ends_with_its_counts_including_the_files_it_could_not_read() {
    let (path, text) = fixture("heting.txt");
    let files = vec![
        FileResult {
            path: path.clone(),
            outcome: Ok(checked(&text)),
        },
        FileResult {
            path: "missing.txt".to_string(),
            outcome: Err("missing.txt: cannot read: No such file or directory".to_string()),
        },
        FileResult {
            path: "clean.txt".to_string(),
            outcome: Ok(checked("中共鹤汀镇委员会关于巡察整改进展情况的通报\n")),
        },
    ];
    let out = render_all(&mut Human::default(), &files);
    // The read error itself goes to standard error only: counted here, not shown twice.
    assert!(!out.contains("missing.txt"), "{out}");
    assert!(out.contains("clean.txt\n  中共鹤汀镇委员会关于巡察整改进展情况的通报\n"));
    assert!(
        out.ends_with("\n3个文件：2个错误，2个警告；1个文件无法读取\n"),
        "{out}"
    );
    let en = Human::default().with_lang(zglint::render::Lang::En);
    let out = render_all(&mut { en }, &files);
    assert!(!out.contains("missing.txt"), "{out}");
    assert!(
        out.ends_with("\n2 errors, 2 warnings in 3 files; 1 file could not be read\n"),
        "{out}"
    );
}

#[test]
fn labels_far_apart_on_one_line_get_boxes_of_their_own_with_the_real_line() {
    let (path, text) = fixture("heting.txt");
    let out = render(Human::default(), &path, &text);
    let finding = &out[out.find("percent-mismatch").unwrap()..out.find("sum-mismatch").unwrap()];
    let heads: Vec<&str> = finding
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("╭─["))
        .collect();
    // The percentage first, at character 149 of line 5; then the base, at character 24.
    assert_eq!(heads, [format!("{path}:5:149]"), format!("{path}:5:24]")]);
    assert_eq!(finding.matches("\n 5 │ ").count(), 2, "{finding}");
}
