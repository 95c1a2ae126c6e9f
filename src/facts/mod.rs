//! Facts read off a report: every figure and date with its place and context, and the
//! report's timeline.

pub mod arith;
pub mod date;
pub mod lists;
pub mod number;
pub mod restated;
pub mod sentences;
pub mod statement;
pub mod stretches;
pub mod summary;
pub mod tallies;
pub mod timeline;

use crate::document::{Document, Span};
use date::{DateFact, scan_dates};
use number::{Quantity, scan_numbers};
use serde::Serialize;
pub use timeline::Timeline;

/// A figure in its context.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// The figure as the number scanner read it; spans are into the document's source.
    #[serde(flatten)]
    pub quantity: Quantity,
    /// The noun counted, e.g. "具体问题" in "50个具体问题"; empty when none follows.
    pub noun: String,
    /// The clause it sits in, between the nearest punctuation marks.
    pub clause: Span,
    /// The text passage (block or heading title) it was read from.
    pub passage: Span,
}

/// A date in its context.
#[derive(Debug, Clone, Serialize)]
pub struct DateInText {
    /// The date as the date scanner read it; spans are into the document's source.
    #[serde(flatten)]
    pub date: DateFact,
    /// The sentence it sits in (between "。" marks).
    pub sentence: Span,
    /// The text passage (block, heading title, chrome line) it was read from.
    pub passage: Span,
}

/// Everything zglint read off a report.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    /// Figures in the report's text (not in chrome, not in dates, not ordinals' markers).
    pub figures: Vec<Figure>,
    /// Dates in the report's text and in its chrome, in document order.
    pub dates: Vec<DateInText>,
    /// The milestones.
    pub timeline: Timeline,
    /// What each date stands for (parallel to `dates`), and the dates that cannot exist.
    pub date_readings: date::Readings,
    /// The quantity statements: which figures a share, a rate or a sum binds.
    pub statements: Vec<statement::Statement>,
    /// Where each whole count stands (its sentence, the words around it), which the count kinds
    /// read through [`tallies::counts`].
    #[serde(skip)]
    pub counts: Vec<tallies::CountAt>,
}

/// The passages of the report's text in document order: heading titles and blocks.
pub fn passages(doc: &Document) -> Vec<Span> {
    let mut out: Vec<Span> = doc
        .sections
        .iter()
        .map(|s| s.title_span.clone())
        .chain(doc.blocks.iter().map(|b| b.span.clone()))
        .filter(|s| !s.is_empty())
        .collect();
    out.sort_by_key(|s| s.start);
    out
}

/// Read every figure and date of a parsed document, with the words of `vocab`.
pub fn extract(doc: &Document, vocab: &crate::parse::vocab::Vocabulary) -> Facts {
    let own_date = own_date_year(doc);
    let mut dates = Vec::new();
    let mut chrome_and_text: Vec<Span> = doc.chrome.clone();
    chrome_and_text.extend(passages(doc));
    if let Some(d) = &doc.closing.date_span {
        chrome_and_text.push(d.clone());
    }
    chrome_and_text.sort_by_key(|s| s.start);
    for passage in &chrome_and_text {
        for mut d in scan_dates(&doc.source[passage.clone()], own_date) {
            d.span = shift(&d.span, passage.start);
            let sentence = around(&doc.source, passage, &d.span, is_sentence_stop);
            dates.push(DateInText {
                date: d,
                sentence,
                passage: passage.clone(),
            });
        }
    }
    let mut figures = Vec::new();
    for passage in passages(doc) {
        let text = &doc.source[passage.clone()];
        for mut q in scan_numbers(text, &vocab.approx) {
            q.span = shift(&q.span, passage.start);
            q.num_span = shift(&q.num_span, passage.start);
            if overlaps_any(&dates, &q.span) {
                continue;
            }
            let clause = around(&doc.source, &passage, &q.span, is_clause_stop);
            let noun = noun_after(&doc.source[q.span.end..passage.end]);
            figures.push(Figure {
                quantity: q,
                noun,
                clause,
                passage: passage.clone(),
            });
        }
    }
    let timeline = timeline::read(doc, &dates);
    let statements = statement::read(doc, &figures, vocab);
    let counts = tallies::read_counts(&doc.source, &figures);
    Facts {
        counts,
        figures,
        date_readings: date::Readings::read(&doc.source, &dates, &chrome_and_text),
        dates,
        timeline,
        statements,
    }
}

/// Punctuation that ends a clause. (Tests by `matches!`, not a slice of characters: the
/// search for them runs over up to `MAX_REACH` bytes on each side of every figure.)
fn is_clause_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | ';' | '，' | ',' | '：' | ':' | '！' | '？' | '、'
    )
}

/// Punctuation that ends a sentence.
fn is_sentence_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// The year of the report's own date (signing, else publication), read from the closing or
/// the chrome; year-less dates with no earlier year in their passage take it.
fn own_date_year(doc: &Document) -> Option<i32> {
    let closing = doc.closing.date_span.iter();
    closing
        .chain(doc.chrome.iter())
        .flat_map(|s| scan_dates(&doc.source[s.clone()], None))
        .find_map(|d| d.start.year)
}

fn shift(span: &Span, by: usize) -> Span {
    span.start + by..span.end + by
}

/// True when a span overlaps a date; the dates are in document order and do not overlap.
fn overlaps_any(dates: &[DateInText], span: &Span) -> bool {
    let i = dates.partition_point(|d| d.date.span.end <= span.start);
    dates.get(i).is_some_and(|d| overlaps(&d.date.span, span))
}

/// True when two spans share a byte.
pub fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The stretch of `passage` around `inner` bounded by the nearest `stops` on either side.
fn around(source: &str, passage: &Span, inner: &Span, stops: impl Fn(char) -> bool + Copy) -> Span {
    // Look no further than MAX_REACH bytes each way, so that a long passage with no
    // punctuation costs linear time, not a scan back to its start for every fact.
    let lo = floor_boundary(
        source,
        inner.start.saturating_sub(MAX_REACH).max(passage.start),
    );
    let hi = ceil_boundary(source, (inner.end + MAX_REACH).min(passage.end));
    let before = &source[lo..inner.start];
    let after = &source[inner.end..hi];
    let start = before.rfind(stops).map_or(lo, |i| {
        lo + i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = after.find(stops).map_or(hi, |i| inner.end + i);
    start..end
}

/// How far, in bytes, a clause or sentence is looked for on either side of a fact.
const MAX_REACH: usize = 1200;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Words that end a noun phrase after a figure: "48个完成整改" counts nothing named.
const NOUN_STOPS: &[&str] = &[
    "的", "已", "完成", "是", "在", "和", "及", "与", "并", "均", "全部", "共", "其中", "被", "中",
    "占", "为", "以", "对", "从", "到", "至", "进行", "开展", "次", "未", "正在", "累计",
];

/// The noun counted after a figure, e.g. "具体问题" in "50个具体问题,"; at most 8 characters.
fn noun_after(text: &str) -> String {
    let mut noun = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // A stop is compared whole only when its first character is this one.
        if !('\u{4e00}'..='\u{9fff}').contains(&c)
            || NOUN_STOPS
                .iter()
                .any(|s| s.starts_with(c) && rest.starts_with(s))
        {
            break;
        }
        noun.push(c);
        rest = &rest[c.len_utf8()..];
        if noun.chars().count() == 8 {
            break;
        }
    }
    noun
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns() {
        assert_eq!(noun_after("具体问题,提出了"), "具体问题");
        assert_eq!(noun_after("完成整改,占96%"), "");
        assert_eq!(noun_after("整改措施。"), "整改措施");
        assert_eq!(noun_after(",其中"), "");
    }
}
