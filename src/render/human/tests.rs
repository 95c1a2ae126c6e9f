//! Windows and their source code, in small cases. Whole reports are in `tests/human.rs`.

use super::source::Windows;
use super::window::{Mark, display_width, frames, wrap};
use crate::text::LineIndex;
use miette::SourceCode;

fn mark(source: &str, text: &str, nth: usize, label: Option<&str>) -> Mark {
    let start = source
        .match_indices(text)
        .nth(nth)
        .expect("text in source")
        .0;
    Mark {
        span: start..start + text.len(),
        text: label.map(str::to_string),
        primary: label.is_none(),
    }
}

/// A paragraph of `n` Chinese characters with `insert` after the `at`th.
fn paragraph(n: usize, at: usize, insert: &str) -> String {
    let body: String = "巡察整改工作取得阶段性成效"
        .chars()
        .cycle()
        .take(n)
        .collect();
    let (a, b) = body.split_at(body.char_indices().nth(at).unwrap().0);
    format!("{a}{insert}{b}")
}

#[test]
fn a_window_fits_the_budget_and_holds_its_mark() {
    let source = paragraph(300, 150, "占92%");
    let index = LineIndex::new(&source);
    let marks = [mark(&source, "92%", 0, None)];
    let f = frames(&source, &index, &marks, 60);
    assert_eq!(f.len(), 1);
    let shown = &source[f[0].shown.clone()];
    assert!(shown.contains("占92%"), "{shown}");
    // Two columns for the `…` marks at both ends.
    assert!(display_width(shown) <= 58, "{}", display_width(shown));
    assert!(display_width(shown) >= 56, "{}", display_width(shown));
    assert!(f[0].more_before() && f[0].more_after());
}

#[test]
fn a_window_at_the_start_of_a_line_has_no_mark_before() {
    let source = paragraph(300, 3, "占92%");
    let index = LineIndex::new(&source);
    let marks = [mark(&source, "92%", 0, None)];
    let f = frames(&source, &index, &marks, 60);
    assert!(!f[0].more_before() && f[0].more_after());
    assert_eq!(f[0].shown.start, 0);
}

#[test]
fn marks_far_apart_on_a_line_get_windows_of_their_own_primary_first() {
    let source = paragraph(150, 20, "30条") + &paragraph(150, 30, "占92%");
    let index = LineIndex::new(&source);
    let marks = [
        mark(&source, "92%", 0, None),
        mark(&source, "30条", 0, Some("基数")),
    ];
    let f = frames(&source, &index, &marks, 60);
    assert_eq!(f.len(), 2);
    assert!(f[0].marks[0].mark.primary);
    assert!(f[1].shown.end <= f[0].shown.start, "windows do not overlap");
}

#[test]
fn marks_close_together_share_a_window() {
    let source = paragraph(300, 150, "制定30条措施已落实27条,占92%");
    let index = LineIndex::new(&source);
    let marks = [
        mark(&source, "92%", 0, None),
        mark(&source, "30条", 0, Some("基数")),
        mark(&source, "27条", 0, Some("部分")),
    ];
    let f = frames(&source, &index, &marks, 72);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].marks.len(), 3);
}

#[test]
fn overlapping_marks_get_windows_of_their_own() {
    let source = "整改情况:建立“一村一册”资产台账。";
    let index = LineIndex::new(source);
    let marks = [
        mark(source, "“一村一册”", 0, None),
        mark(source, "一村", 0, Some("内")),
    ];
    assert_eq!(frames(source, &index, &marks, 60).len(), 2);
}

#[test]
fn a_mark_across_lines_is_cut_to_its_first_line_and_a_wide_one_to_the_window() {
    let source = format!("{}\r\n第二行", paragraph(200, 0, ""));
    let index = LineIndex::new(&source);
    let marks = [Mark {
        span: 0..source.len(),
        text: None,
        primary: true,
    }];
    let f = frames(&source, &index, &marks, 40);
    assert_eq!(f[0].marks[0].span, 0..source.find('\r').unwrap());
    assert!(display_width(&source[f[0].shown.clone()]) <= 38);
    assert!(f[0].more_after());
}

#[test]
fn wrapped_label_text_breaks_after_punctuation_within_the_columns() {
    let text = "(21)关于“有的项目没有履行招投标程序”的问题的整改情况,后一处与此相同";
    let wrapped = wrap(text, 40);
    assert!(wrapped.lines().all(|l| display_width(l) <= 40), "{wrapped}");
    assert_eq!(wrapped.replace('\n', ""), text);
    assert!(wrapped.lines().next().unwrap().ends_with('”'), "{wrapped}");
    assert_eq!(wrap("部分", 12), "部分");
}

#[test]
fn the_source_code_gives_real_lines_and_character_columns() {
    let source = format!("标题\n\n{}\n", paragraph(200, 120, "占92%"));
    let index = LineIndex::new(&source);
    let marks = [mark(&source, "92%", 0, None)];
    let (windows, labels) = Windows::new("a.txt", &source, &index, &marks, 80);
    let contents = windows.read_span(labels[0].inner(), 0, 0).unwrap();
    let (line, column) = index.line_column(marks[0].span.start);
    assert_eq!((contents.line() + 1, contents.column() + 1), (line, column));
    assert_eq!((line, column), (3, 122));
    assert_eq!(contents.name(), Some("a.txt"));
}

#[test]
fn windows_of_neighbouring_lines_read_together_and_of_one_line_apart() {
    let first = paragraph(100, 10, "占92%") + &paragraph(100, 0, "30条");
    let source = format!("{first}\n第二行有27条\n");
    let index = LineIndex::new(&source);
    let marks = [
        mark(&source, "92%", 0, None),
        mark(&source, "30条", 0, Some("基数")),
        mark(&source, "27条", 0, Some("部分")),
    ];
    let (windows, labels) = Windows::new("a.txt", &source, &index, &marks, 80);
    assert_eq!(windows.text().lines().count(), 3, "{}", windows.text());
    let span = |a: usize, b: usize| {
        let (a, b) = (labels[a].inner(), labels[b].inner());
        miette::SourceSpan::from(a.offset()..b.offset() + b.len())
    };
    // 92% (line 1) then 30条 (line 1 again): not one box.
    assert!(windows.read_span(&span(0, 1), 0, 0).is_err());
    // 30条 (line 1) then 27条 (line 2): one box of two lines.
    let both = windows.read_span(&span(1, 2), 0, 0).unwrap();
    assert_eq!((both.line(), both.line_count()), (0, 2));
}

#[test]
fn control_characters_print_as_spaces() {
    let source = "整改\t情况\u{1b}[31m:已落实27条,\r占92%。\r\n";
    let index = LineIndex::new(source);
    let marks = [mark(source, "92%", 0, None)];
    let (windows, labels) = Windows::new("a.txt", source, &index, &marks, 80);
    let text = windows.text();
    assert!(
        !text.trim_end_matches('\n').chars().any(char::is_control),
        "{text:?}"
    );
    let at = labels[0].inner();
    assert_eq!(&text[at.offset()..at.offset() + at.len()], "92%");
}

#[test]
fn odd_spans_render_without_a_panic() {
    use crate::check::FileResult;
    use crate::finding::{Finding, Label, Level};
    use crate::render::render_all;
    let text = "标题\n截至目前,已落实27条,占92%。\n";
    let mut checked = crate::check::check_str(text, &crate::rules::pack::Pack::packaged().unwrap());
    let finding = |span: std::ops::Range<usize>, labels: Vec<Label>| Finding {
        rule: "odd".into(),
        kind: "test".into(),
        level: Level::Warning,
        message: "测试".into(),
        span,
        labels,
        help: None,
        fix: Vec::new(),
    };
    let label = |span, text: &str| Label {
        span,
        text: text.into(),
    };
    checked.findings = vec![
        // Empty, at the very end.
        finding(text.len()..text.len(), vec![]),
        // Inside a character, and past the end.
        finding(1..5, vec![label(text.len() + 3..text.len() + 9, "外")]),
        // The whole text, across lines, with a label on the line break.
        finding(0..text.len(), vec![label(6..7, "换行")]),
    ];
    let file = FileResult {
        path: "odd.txt".into(),
        outcome: Ok(checked),
    };
    let out = render_all(&mut super::Human::default(), &[file]);
    assert_eq!(out.matches("╭─[odd.txt:").count(), 4, "{out}");
    assert!(out.contains(" 1 │ 标题\n   · ──┬─▲\n"), "{out}");
    assert!(out.contains('▲'), "{out}");
    assert!(out.ends_with("1个文件：0个错误，3个警告\n"), "{out}");
}
