//! From text to [`Document`]: the pest grammar types each line, then the lines are placed
//! (chrome, title, sections, closing). No pest type leaves this module. Then [`item`] finds
//! the itemized problems and their statuses in the words of the [`vocab`].

pub mod item;
pub mod vocab;

use crate::document::{
    Block, BlockKind, Closing, Document, Inline, Marker, MarkerStyle, Region, Section, Span, Title,
};
use crate::text::numeral::{cn_value, digits_value};
use pest::Parser;
use pest::iterators::Pair;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/report.pest"]
struct ReportParser;

/// What a line holds, as the grammar typed it.
#[derive(Debug, Clone)]
enum LineKind {
    Blank,
    Heading { marker: Marker, rest: Span },
    Labelled { label: Span },
    Chrome,
    Date { date: Span },
    Paragraph,
}

/// One line: its content's bytes (indentation and trailing blanks excluded) and its type.
#[derive(Debug, Clone)]
struct Line {
    span: Span,
    kind: LineKind,
}

/// Parse a report. Never fails: text the grammar does not recognise becomes paragraphs.
pub fn parse(source: &str) -> Document {
    let mut lines = lines(source);
    follow_long_numbers(&mut lines);
    mark_chrome(source, &mut lines);
    let mut doc = Document {
        source: source.to_string(),
        chrome: Vec::new(),
        title: None,
        sections: Vec::new(),
        blocks: Vec::new(),
        closing: Closing::default(),
        items: Vec::new(),
        layout: Default::default(),
    };
    let (body_start, title) = head(source, &lines, &mut doc.chrome);
    doc.title = title;
    let body = tail(source, &lines, body_start, &mut doc);
    build_tree(source, &body, &mut doc);
    doc
}

/// Type every line with the grammar.
fn lines(source: &str) -> Vec<Line> {
    let pairs = match ReportParser::parse(Rule::document, source) {
        Ok(mut p) => p.next().map(|d| d.into_inner()),
        // The grammar accepts every input; this arm only guards against a grammar bug.
        Err(_) => None,
    };
    let Some(pairs) = pairs else {
        return fallback_lines(source);
    };
    pairs
        .filter(|p| p.as_rule() == Rule::line)
        .map(|p| typed_line(source, p))
        .collect()
}

/// Headings numbered past this are read as headings only where they follow on.
const MAX_PLAIN_NUMBER: u32 = 999;

/// How far a long number may run ahead of the heading before it and still be a heading (a small
/// gap is a numbering slip that the numbering rule reports).
const MAX_LONG_GAP: u32 = 5;

/// A heading numbered over 999 (`1000.`, `（1000）`, `一千、`) is a heading only where the last
/// heading before it in the same style is numbered a little below it (999 before 1000). Otherwise
/// it is a figure at the start of a line, e.g. "2023.全年……", and the line a paragraph.
fn follow_long_numbers(lines: &mut [Line]) {
    let mut last: Vec<(MarkerStyle, u32)> = Vec::new();
    for line in lines.iter_mut() {
        let LineKind::Heading { marker, .. } = &line.kind else {
            continue;
        };
        let style = marker.style;
        let Some(number) = marker.number else {
            continue;
        };
        let before = last.iter().find(|(s, _)| *s == style).map(|&(_, n)| n);
        let follows = before.is_some_and(|p| p < number && number - p <= MAX_LONG_GAP);
        if number > MAX_PLAIN_NUMBER && !follows {
            line.kind = LineKind::Paragraph;
            continue;
        }
        match last.iter_mut().find(|(s, _)| *s == style) {
            Some(entry) => entry.1 = number,
            None => last.push((style, number)),
        }
    }
}

/// Type as chrome the paragraphs where chrome can be: the lines [`head`] looks at, and the lines
/// [`tail`] walks back over from the end of the page (with the line before a closing date).
/// Elsewhere a chrome line would be read as a paragraph all the same, so the grammar's
/// `chrome_line` is not asked of every paragraph of the report.
fn mark_chrome(source: &str, lines: &mut [Line]) {
    let mut retype = |line: &mut Line| {
        if matches!(line.kind, LineKind::Paragraph)
            && ReportParser::parse(Rule::chrome_line, &source[line.span.clone()]).is_ok()
        {
            line.kind = LineKind::Chrome;
        }
    };
    let head_end = lines.len().min(MAX_HEAD_LINES + 1);
    lines[..head_end].iter_mut().for_each(&mut retype);
    let mut footer_lines = 0;
    let mut i = lines.len();
    while i > head_end {
        i -= 1;
        retype(&mut lines[i]);
        match &lines[i].kind {
            LineKind::Blank | LineKind::Chrome => {}
            LineKind::Labelled { .. } | LineKind::Paragraph
                if footer_lines < MAX_FOOTER_LINES
                    && is_footer_like(&source[lines[i].span.clone()]) =>
            {
                footer_lines += 1;
            }
            LineKind::Date { .. } => {
                // The issuer is the last line before the date that is not blank.
                if let Some(k) = lines[head_end..i]
                    .iter()
                    .rposition(|l| !matches!(l.kind, LineKind::Blank))
                {
                    retype(&mut lines[head_end + k]);
                }
                break;
            }
            _ => break,
        }
    }
}

/// Split into plain paragraphs, for the impossible case that the grammar rejects the text.
fn fallback_lines(source: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in source.match_indices('\n').chain([(source.len(), "")]) {
        let span = trim_span(source, start..i);
        let kind = if span.is_empty() {
            LineKind::Blank
        } else {
            LineKind::Paragraph
        };
        out.push(Line { span, kind });
        start = (i + 1).min(source.len());
    }
    out
}

fn typed_line(source: &str, line: Pair<Rule>) -> Line {
    let whole = trim_span(source, line.as_span().start()..line.as_span().end());
    let Some(content) = line.into_inner().find(|p| p.as_rule() != Rule::indent) else {
        return Line {
            span: whole,
            kind: LineKind::Blank,
        };
    };
    let kind = match content.as_rule() {
        Rule::heading => {
            let mut inner = content.into_inner();
            let marker = inner.next().map(|m| marker(source, m));
            let rest = inner
                .next()
                .map(|r| span_of(&r))
                .unwrap_or(whole.end..whole.end);
            match marker {
                Some(marker) => LineKind::Heading {
                    marker,
                    rest: rest.start..whole.end.max(rest.start),
                },
                None => LineKind::Paragraph,
            }
        }
        Rule::labelled => {
            let label = content.into_inner().next().map(|l| span_of(&l));
            LineKind::Labelled {
                label: label.unwrap_or(whole.clone()),
            }
        }
        Rule::chrome => LineKind::Chrome,
        Rule::date_line => LineKind::Date {
            date: content
                .into_inner()
                .next()
                .map(|d| span_of(&d))
                .unwrap_or(whole.clone()),
        },
        _ if whole.is_empty() => LineKind::Blank,
        _ => LineKind::Paragraph,
    };
    Line { span: whole, kind }
}

fn span_of(pair: &Pair<Rule>) -> Span {
    pair.as_span().start()..pair.as_span().end()
}

fn marker(source: &str, pair: Pair<Rule>) -> Marker {
    let span = span_of(&pair);
    let text = &source[span.clone()];
    let fullwidth = text.contains(['（', '）', '．']);
    let style = match pair.as_rule() {
        Rule::m_cn_comma => MarkerStyle::CnComma,
        Rule::m_cn_paren => MarkerStyle::CnParen,
        Rule::m_ar_dot => MarkerStyle::ArabicDot,
        Rule::m_ar_paren => MarkerStyle::ArabicParen,
        Rule::m_ar_half => MarkerStyle::ArabicHalfParen,
        Rule::m_circled => MarkerStyle::Circled,
        _ => MarkerStyle::Broken,
    };
    let number = match style {
        MarkerStyle::Broken => None,
        MarkerStyle::Circled => text.chars().next().map(|c| c as u32 - '①' as u32 + 1),
        _ => pair.into_inner().next().and_then(|n| match n.as_rule() {
            Rule::cn_number => cn_ordinal(n.as_str()),
            _ => digits_value(n.as_str()),
        }),
    };
    Marker {
        style,
        number,
        span,
        fullwidth,
    }
}

/// The value of a Chinese ordinal the grammar's `cn_number` read, e.g. "一百零一" → 101,
/// "三千二百一十五" → 3215, "十二" → 12.
fn cn_ordinal(text: &str) -> Option<u32> {
    if !text.contains(['百', '千']) {
        return cn_value(text);
    }
    let (mut total, mut digit) = (0u32, None::<u32>);
    for c in text.chars() {
        let place = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '零' => continue,
            _ => {
                digit = Some(cn_value(c.encode_utf8(&mut [0; 4]))?);
                continue;
            }
        };
        total += digit.take().unwrap_or(1) * place;
    }
    Some(total + digit.unwrap_or(0))
}

/// Trim blanks (ASCII, full-width, no-break) and a carriage return from both ends of a span.
pub(crate) fn trim_span(source: &str, span: Span) -> Span {
    let text = &source[span.clone()];
    let blank = |c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}';
    let start = span.start + (text.len() - text.trim_start_matches(blank).len());
    let end = span.end - (text.len() - text.trim_end_matches(blank).len());
    start..end.max(start)
}

fn is_content(line: &Line) -> bool {
    !matches!(line.kind, LineKind::Blank | LineKind::Chrome)
}

/// Words a title ends with, e.g. "……情况的通报".
const TITLE_ENDINGS: [&str; 7] = ["通报", "情况", "报告", "公告", "公示", "说明", "进展"];

/// Lines before the first sentence or heading beyond which there is no head (chrome and title).
const MAX_HEAD_LINES: usize = 12;

/// The head of the page: chrome and the title. Returns the first line of the body.
fn head(source: &str, lines: &[Line], chrome: &mut Vec<Span>) -> (usize, Option<Title>) {
    // The lines before the first sentence or heading: chrome, the site's name, the title.
    let mut pre = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = &source[line.span.clone()];
        let sentence = text.contains('。') || text.chars().count() > 80;
        if matches!(line.kind, LineKind::Heading { .. }) || (is_content(line) && sentence) {
            break;
        }
        pre.push(i);
        if pre.len() > MAX_HEAD_LINES {
            return (0, None);
        }
    }
    let body_start = pre.last().map_or(0, |&i| i + 1);
    let is_title = |i: usize| {
        let text = source[lines[i].span.clone()].trim_end_matches(['。', '.']);
        matches!(lines[i].kind, LineKind::Paragraph)
            && (TITLE_ENDINGS.iter().any(|e| text.ends_with(e))
                || (text.contains("关于") && text.contains("整改")))
    };
    let Some(t) = pre.iter().rev().copied().find(|&i| is_title(i)) else {
        // No title: only the lines the grammar calls chrome are chrome; others are the opening.
        let chrome_only = pre
            .iter()
            .take_while(|&&i| !matches!(lines[i].kind, LineKind::Paragraph))
            .copied()
            .collect::<Vec<_>>();
        for &i in &chrome_only {
            if matches!(lines[i].kind, LineKind::Chrome) {
                chrome.push(lines[i].span.clone());
            }
        }
        return (chrome_only.last().map_or(0, |&i| i + 1), None);
    };
    let mut first = t;
    // A short last line continues the line above it: "……7个乡镇(街道)" / "整改进展情况".
    let previous = pre
        .iter()
        .rev()
        .copied()
        .find(|&i| i < t && is_content(&lines[i]));
    if let Some(p) = previous {
        let short = source[lines[t].span.clone()].chars().count() <= 12;
        if short && matches!(lines[p].kind, LineKind::Paragraph) {
            first = p;
        }
    }
    let text = pre
        .iter()
        .filter(|&&i| i >= first && i <= t && is_content(&lines[i]))
        .map(|&i| &source[lines[i].span.clone()])
        .collect::<String>();
    for &i in &pre {
        if (i < first || i > t) && !lines[i].span.is_empty() {
            chrome.push(lines[i].span.clone());
        }
    }
    let title = Title {
        text,
        span: lines[first].span.start..lines[t].span.end,
    };
    (body_start, Some(title))
}

/// The tail of the page: the closing (issuer and date) and the chrome after it.
/// Returns the body's lines: those before the closing and, where attachments follow the
/// closing (附件：…一览表), those of the attachments, which belong to the report.
fn tail(source: &str, lines: &[Line], body_start: usize, doc: &mut Document) -> Vec<Line> {
    // The last date line that only chrome and blanks follow.
    let mut i = lines.len();
    let mut footer_lines = 0;
    while i > body_start {
        i -= 1;
        match &lines[i].kind {
            LineKind::Blank | LineKind::Chrome => continue,
            // Footers hold labelled lines too ("版权所有:…", "联系地址:…"): a few short lines
            // with no full stop may stand between the date and the end of the page.
            // An attachment's title is no footer: a short attachment (a table of a few rows)
            // after the closing belongs to the report.
            LineKind::Labelled { .. } | LineKind::Paragraph
                if footer_lines < MAX_FOOTER_LINES
                    && is_footer_like(&source[lines[i].span.clone()])
                    && !is_attachment_title(source, &lines[i]) =>
            {
                footer_lines += 1;
                continue;
            }
            LineKind::Date { .. } => {
                let end = closing_at(source, lines, body_start, i, doc);
                for line in &lines[i + 1..] {
                    if !line.span.is_empty() {
                        doc.chrome.push(line.span.clone());
                    }
                }
                return lines[body_start..end].to_vec();
            }
            _ => break,
        }
    }
    // A closing followed by attachments: the date line right before the first attachment's
    // title.
    if let Some(a) = (body_start..lines.len()).find(|&a| is_attachment_title(source, &lines[a])) {
        let date = lines[body_start..a]
            .iter()
            .rposition(|l| !matches!(l.kind, LineKind::Blank | LineKind::Chrome))
            .map(|k| body_start + k)
            .filter(|&k| matches!(lines[k].kind, LineKind::Date { .. }));
        if let Some(i) = date {
            let end = closing_at(source, lines, body_start, i, doc);
            let mut body = lines[body_start..end].to_vec();
            body.extend(lines[a..trailing_chrome(lines, a, doc)].iter().cloned());
            return body;
        }
    }
    lines[body_start..trailing_chrome(lines, body_start, doc)].to_vec()
}

/// Read the closing whose date is line `i`: the date and, on the line before, a short issuer.
/// Returns the line where the closing starts.
fn closing_at(
    source: &str,
    lines: &[Line],
    body_start: usize,
    i: usize,
    doc: &mut Document,
) -> usize {
    let LineKind::Date { date } = &lines[i].kind else {
        return i;
    };
    doc.closing.date_span = Some(date.clone());
    let issuer = lines[body_start..i]
        .iter()
        .rposition(|l| !matches!(l.kind, LineKind::Blank))
        .map(|k| body_start + k);
    if let Some(k) = issuer {
        let text = &source[lines[k].span.clone()];
        let short = text.chars().count() <= 40 && !text.contains(['。', ',', '，']);
        if short && matches!(lines[k].kind, LineKind::Paragraph) {
            doc.closing.issuer = Some(text.to_string());
            doc.closing.issuer_span = Some(lines[k].span.clone());
            return k;
        }
    }
    i
}

/// With no closing at the end, the chrome lines at the very end (after `from`) are chrome.
/// Returns the line after the last content line.
fn trailing_chrome(lines: &[Line], from: usize, doc: &mut Document) -> usize {
    let mut k = lines.len();
    while k > from && !is_content(&lines[k - 1]) {
        k -= 1;
        if matches!(lines[k].kind, LineKind::Chrome) {
            doc.chrome.push(lines[k].span.clone());
        }
    }
    k
}

/// An attachment's title line: 附件, an optional number, then a colon or the end of a short
/// line (附件：…一览表, 附件2：…, 附件).
fn is_attachment_title(source: &str, line: &Line) -> bool {
    if matches!(line.kind, LineKind::Blank | LineKind::Chrome) {
        return false;
    }
    let Some(rest) = source[line.span.clone()].strip_prefix("附件") else {
        return false;
    };
    let rest =
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    rest.is_empty()
        || (rest.starts_with([':', '：']) && rest.chars().count() <= 60 && !rest.contains('。'))
}

/// Lines after the closing date that may be footer rather than report.
const MAX_FOOTER_LINES: usize = 6;

/// A short line with no sentence in it, like a page footer's.
fn is_footer_like(text: &str) -> bool {
    text.chars().count() <= 100 && !text.contains('。')
}

/// Place the body's lines into the tree of sections and their blocks.
fn build_tree(source: &str, lines: &[Line], doc: &mut Document) {
    let mut stack: Vec<(usize, u8)> = Vec::new(); // (section index, rank)
    for line in lines {
        match &line.kind {
            LineKind::Blank => {}
            LineKind::Heading { marker, rest } => {
                let rank = match marker.style {
                    MarkerStyle::Broken => broken_rank(doc, &stack),
                    style => style.rank(),
                };
                while stack.last().is_some_and(|&(_, r)| r >= rank) {
                    stack.pop();
                }
                let parent = stack.last().map(|&(s, _)| s);
                let index = doc.sections.len();
                let title_end = first_full_stop(source, rest.clone());
                let title_span = trim_span(source, rest.start..title_end);
                doc.sections.push(Section {
                    depth: stack.len() as u8 + 1,
                    marker: marker.clone(),
                    title: source[title_span.clone()].to_string(),
                    title_span,
                    line_span: line.span.clone(),
                    span: line.span.clone(),
                    parent,
                    children: Vec::new(),
                    blocks: Vec::new(),
                });
                if let Some(p) = parent {
                    doc.sections[p].children.push(index);
                }
                stack.push((index, rank));
                let run_on = trim_span(source, title_end..rest.end);
                if !run_on.is_empty() {
                    push_block(source, doc, BlockKind::RunOn, run_on, Some(index));
                }
            }
            LineKind::Labelled { label, .. } => {
                let kind = BlockKind::Labelled {
                    label: source[label.clone()].to_string(),
                    label_span: label.clone(),
                };
                let section = stack.last().map(|&(s, _)| s);
                push_block(source, doc, kind, line.span.clone(), section);
            }
            _ => {
                let section = stack.last().map(|&(s, _)| s);
                push_block(
                    source,
                    doc,
                    BlockKind::Paragraph,
                    line.span.clone(),
                    section,
                );
            }
        }
    }
    // A section reaches to the end of its last block or sub-section.
    for i in (0..doc.sections.len()).rev() {
        let s = &doc.sections[i];
        let mut end = s.span.end;
        if let Some(&b) = s.blocks.last() {
            end = end.max(doc.blocks[b].span.end);
        }
        if let Some(&c) = s.children.last() {
            end = end.max(doc.sections[c].span.end);
        }
        doc.sections[i].span.end = end;
    }
}

/// A marker that lost its number takes the rank of the nearest bracketed heading above it.
fn broken_rank(doc: &Document, stack: &[(usize, u8)]) -> u8 {
    let bracketed = |s: &Section| {
        matches!(
            s.marker.style,
            MarkerStyle::CnParen | MarkerStyle::ArabicParen | MarkerStyle::ArabicHalfParen
        )
    };
    stack
        .iter()
        .rev()
        .find(|&&(s, _)| bracketed(&doc.sections[s]))
        .or(stack.last())
        .map_or(2, |&(_, r)| r)
}

/// The end of a heading's own text: just after its first "。" outside quotation marks,
/// or the end of the line.
fn first_full_stop(source: &str, rest: Span) -> usize {
    let text = &source[rest.clone()];
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '“' => depth += 1,
            '”' => depth -= 1,
            '。' if depth <= 0 => return rest.start + i + c.len_utf8(),
            _ => {}
        }
    }
    // An unclosed quotation: fall back to the first "。" at all.
    text.find('。')
        .map_or(rest.end, |i| rest.start + i + '。'.len_utf8())
}

fn push_block(source: &str, doc: &mut Document, kind: BlockKind, span: Span, sec: Option<usize>) {
    let index = doc.blocks.len();
    let region = if sec.is_some() {
        Region::Body
    } else {
        Region::Opening
    };
    let inline = inline(source, span.clone());
    doc.blocks.push(Block {
        kind,
        span,
        region,
        section: sec,
        inline,
    });
    if let Some(s) = sec {
        doc.sections[s].blocks.push(index);
    }
}

/// Read the structure inside one paragraph with the grammar's `inline` rule.
fn inline(source: &str, span: Span) -> Vec<Inline> {
    let text = &source[span.clone()];
    let Ok(mut pairs) = ReportParser::parse(Rule::inline, text) else {
        return Vec::new();
    };
    let Some(root) = pairs.next() else {
        return Vec::new();
    };
    let base = span.start;
    let shift = |p: &Pair<Rule>| base + p.as_span().start()..base + p.as_span().end();
    let mut out = Vec::new();
    for p in root.into_inner() {
        match p.as_rule() {
            Rule::enum_cn | Rule::enum_paren => {
                let cn = p.as_rule() == Rule::enum_cn;
                let value = |n: Pair<Rule>| {
                    if cn {
                        cn_value(n.as_str())
                    } else {
                        digits_value(n.as_str())
                    }
                };
                let Some(number) = p.clone().into_inner().next().and_then(value) else {
                    continue;
                };
                let span = shift(&p);
                out.push(if cn {
                    Inline::EnumCn { number, span }
                } else {
                    Inline::EnumParen { number, span }
                });
            }
            Rule::note => {
                let span = shift(&p);
                let mut inner = p.into_inner();
                let label = inner
                    .next()
                    .map(|l| l.as_str().to_string())
                    .unwrap_or_default();
                let text_pair = inner.next();
                let text = text_pair.as_ref().map(|t| t.as_str().to_string());
                let text_span = text_pair.as_ref().map_or(span.clone(), shift);
                out.push(Inline::Note {
                    label,
                    text: text.unwrap_or_default(),
                    span,
                    text_span,
                });
            }
            Rule::inline_label => {
                let label = p
                    .clone()
                    .into_inner()
                    .next()
                    .map(|l| l.as_str().to_string());
                out.push(Inline::Label {
                    label: label.unwrap_or_default(),
                    span: shift(&p),
                });
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests;
