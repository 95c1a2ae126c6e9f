//! Hostile and broken input: never a panic, always a result or a clear error.

mod common;

use proptest::prelude::*;
use zglint::document::Span;

/// Every span zglint reports, from the tree and the facts.
fn all_spans(text: &str) -> Vec<Span> {
    let (doc, facts) = zglint::analyse(text);
    let mut spans: Vec<Span> = doc.chrome.clone();
    spans.extend(doc.title.iter().map(|t| t.span.clone()));
    for s in &doc.sections {
        spans.extend([
            s.marker.span.clone(),
            s.title_span.clone(),
            s.line_span.clone(),
            s.span.clone(),
        ]);
    }
    for b in &doc.blocks {
        spans.push(b.span.clone());
        for i in &b.inline {
            spans.push(i.span().clone());
            if let zglint::document::Inline::Note { text_span, .. } = i {
                spans.push(text_span.clone());
            }
        }
    }
    for i in &doc.items {
        spans.extend([i.head_span.clone(), i.span.clone()]);
        spans.extend(i.status_span.iter().cloned());
    }
    spans.extend(doc.closing.issuer_span.iter().cloned());
    spans.extend(doc.closing.date_span.iter().cloned());
    for d in &facts.dates {
        spans.extend([d.date.span.clone(), d.sentence.clone(), d.passage.clone()]);
    }
    for f in &facts.figures {
        spans.extend([
            f.quantity.span.clone(),
            f.quantity.num_span.clone(),
            f.clause.clone(),
        ]);
    }
    spans
}

fn assert_spans_ok(text: &str) {
    for s in all_spans(text) {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {s:?} out of bounds"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} splits a character"
        );
    }
}

use common::PIECES;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_gives_spans_in_bounds(text in "\\PC{0,300}") {
        assert_spans_ok(&text);
    }

    #[test]
    fn report_like_text_gives_spans_in_bounds(parts in prop::collection::vec(0..PIECES.len(), 0..120)) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        assert_spans_ok(&text);
    }

    #[test]
    fn reading_is_deterministic(parts in prop::collection::vec(0..PIECES.len(), 0..80)) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        prop_assert_eq!(all_spans(&text), all_spans(&text));
    }
}

#[test]
fn empty_and_blank_files() {
    for text in ["", "\n", "\r\n\r\n", "　\n \t\n", "\u{feff}"] {
        let (doc, _) = zglint::analyse(text);
        assert!(doc.sections.is_empty() && doc.items.is_empty());
        assert_spans_ok(text);
    }
}

#[test]
fn a_file_of_only_chrome() {
    let text = "首页 > 通知公告\n发布日期: 2024-02-02 10:30 浏览次数:\n版权所有 ICP备00000000号\n";
    let (doc, facts) = zglint::analyse(text);
    assert_eq!(doc.chrome.len(), 3);
    assert!(doc.sections.is_empty() && doc.blocks.is_empty() && doc.title.is_none());
    let summary = zglint::facts::summary::summarize(&doc, &facts);
    assert_eq!(summary.items, 0);
}

#[test]
fn binary_and_invalid_utf8_are_errors_naming_the_offset() {
    let err = zglint::decode("a.txt", b"\xe4\xb8\x80\xff\xfe".to_vec()).unwrap_err();
    assert_eq!(err.to_string(), "a.txt: not valid UTF-8 at byte 3");
    let err = zglint::decode("b.bin", b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "b.bin: a binary file (NUL byte at 4), not a text report"
    );
}

#[test]
fn unbalanced_brackets_everywhere() {
    let text = "((((（（“““《《【【)))))）”》\n".repeat(200) + "一、((((标题\n)))))\n(一)“未闭合\n";
    assert_spans_ok(&text);
    let (doc, _) = zglint::analyse(&text);
    assert!(doc.sections.len() >= 2);
}

#[test]
fn five_thousand_headings() {
    let mut text = String::new();
    // Markers run to 999 at most (a four-digit number at a line's start is a year, not a
    // marker), so the numbers repeat: the numbering rule's business, not the reader's.
    for i in 0..5000 {
        let n = i % 999 + 1;
        text.push_str(&format!(
            "({n})关于“问题{i}”的问题。\n整改情况:已完成整改。\n"
        ));
    }
    let (doc, _) = zglint::analyse(&text);
    assert_eq!(doc.sections.len(), 5000);
    assert_eq!(doc.items.len(), 5000);
    assert!(
        doc.items
            .iter()
            .all(|i| i.status == zglint::document::Status::Done)
    );
}

#[test]
fn ten_megabytes_of_random_chinese_text() {
    // A deterministic generator: no new dependency, the same text every run.
    let mut state: u32 = 0x9e37_79b9;
    let mut text = String::with_capacity(10 << 20);
    while text.len() < 10 << 20 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let c = match state % 50 {
            0 => '\n',
            1 => '。',
            2 => '，',
            3 => '(',
            4 => ')',
            5..=9 => char::from_digit(state % 10, 10).unwrap_or('0'),
            _ => char::from_u32(0x4e00 + (state >> 8) % 0x5000).unwrap_or('一'),
        };
        text.push(c);
    }
    assert_spans_ok(&text);
}

#[test]
fn a_long_single_line() {
    let text = "整改情况:".to_string() + &"一是完成48个,占96%;".repeat(100_000);
    assert_spans_ok(&text);
}
