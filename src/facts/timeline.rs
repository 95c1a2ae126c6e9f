//! The report's milestones: inspection, feedback, as-of, signing, publication.

use super::DateInText;
use super::date::PartialDate;
use crate::document::{Document, Span};
use serde::Serialize;

/// One milestone: the date and where the report states it.
#[derive(Debug, Clone, Serialize)]
pub struct Milestone {
    /// The date (for the inspection: its start).
    pub date: PartialDate,
    /// The date expression's bytes.
    pub span: Span,
    /// Index into [`super::Facts::dates`].
    pub index: usize,
}

/// The milestones a report states; None where it states none.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timeline {
    /// The inspection's first day (the start of its date range).
    pub inspection_start: Option<Milestone>,
    /// The inspection's last day (the end of its date range).
    pub inspection_end: Option<Milestone>,
    /// When the feedback (反馈意见) was given.
    pub feedback: Option<Milestone>,
    /// The date the report's figures stand at (截至……).
    pub as_of: Option<Milestone>,
    /// The date the report was signed (成文日期), from its closing.
    pub signed: Option<Milestone>,
    /// The date the web page was published, from its chrome.
    pub published: Option<Milestone>,
}

/// Words that name an inspection in a sentence.
const INSPECTION: [&str; 3] = ["巡察", "巡视", "审计"];

/// Read the timeline. Opening paragraphs are searched first, then the rest of the text
/// outside the itemized problems.
pub fn read(doc: &Document, dates: &[DateInText]) -> Timeline {
    let in_items = |s: &Span| doc.item_containing(s).is_some();
    let in_chrome = |s: &Span| {
        doc.chrome
            .iter()
            .any(|c| c.start <= s.start && s.end <= c.end)
    };
    let opening_end = doc
        .sections
        .first()
        .map_or(usize::MAX, |s| s.line_span.start);
    // Report text, opening first, each in document order.
    let mut order: Vec<usize> = (0..dates.len())
        .filter(|&i| !in_chrome(&dates[i].date.span) && !in_items(&dates[i].date.span))
        .filter(|&i| Some(&dates[i].date.span) != doc.closing.date_span.as_ref())
        .collect();
    order.sort_by_key(|&i| {
        (
            dates[i].date.span.start >= opening_end,
            dates[i].date.span.start,
        )
    });
    let sentence = |i: usize| &doc.source[dates[i].sentence.clone()];
    let names_inspection = |i: usize| INSPECTION.iter().any(|w| sentence(i).contains(w));
    let mut t = Timeline::default();

    let inspection = order.iter().copied().find(|&i| {
        dates[i].date.end.is_some()
            && names_inspection(i)
            && !before_in_sentence(doc, &dates[i], "反馈")
    });
    if let Some(i) = inspection {
        let d = &dates[i].date;
        t.inspection_start = Some(milestone(d.start, d.span.clone(), i));
        t.inspection_end = d.end.map(|e| milestone(e, d.span.clone(), i));
    }
    t.feedback = order
        .iter()
        .copied()
        .filter(|&i| Some(i) != inspection && dates[i].date.end.is_none())
        .find(|&i| {
            sentence(i).contains("反馈") && names_inspection(i)
                || after_word(doc, &dates[i], "反馈")
        })
        .map(|i| milestone(dates[i].date.start, dates[i].date.span.clone(), i));
    t.as_of = order
        .iter()
        .copied()
        .find(|&i| preceded_by(doc, &dates[i], &["截至", "截止", "截止到", "截至到"]))
        .map(|i| milestone(dates[i].date.start, dates[i].date.span.clone(), i));
    if let Some(span) = &doc.closing.date_span {
        t.signed = dates
            .iter()
            .position(|d| {
                &d.date.span == span
                    || (d.date.span.start >= span.start && d.date.span.end <= span.end)
            })
            .map(|i| milestone(dates[i].date.start, dates[i].date.span.clone(), i));
    }
    t.published = (0..dates.len())
        .filter(|&i| in_chrome(&dates[i].date.span) && dates[i].date.start.day.is_some())
        .min_by_key(|&i| (!dates[i].date.web, dates[i].date.span.start))
        .map(|i| milestone(dates[i].date.start, dates[i].date.span.clone(), i));
    t
}

fn milestone(date: PartialDate, span: Span, index: usize) -> Milestone {
    Milestone { date, span, index }
}

/// True when the date is directly preceded by one of `words` (blanks allowed between).
fn preceded_by(doc: &Document, d: &DateInText, words: &[&str]) -> bool {
    let before = doc.source[d.passage.start..d.date.span.start].trim_end_matches([' ', '\u{3000}']);
    words.iter().any(|w| before.ends_with(w))
}

/// True when `word` occurs in the date's sentence before the date.
fn before_in_sentence(doc: &Document, d: &DateInText, word: &str) -> bool {
    doc.source[d.sentence.start..d.date.span.start].contains(word)
}

/// True when `word` follows the date closely in its sentence ("……,县委巡察组反馈问题后").
fn after_word(doc: &Document, d: &DateInText, word: &str) -> bool {
    let after = &doc.source[d.date.span.end..d.sentence.end];
    after.chars().take(24).collect::<String>().contains(word)
}
