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
        .find(|&i| feedback_after(doc, dates, i))
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

impl Timeline {
    /// The report's own date: the signing date, else the publication date, with its name;
    /// only one whose year is written.
    pub fn report_date(&self) -> Option<(&Milestone, &'static str)> {
        let trusted = |m: &&Milestone| !m.date.year_inferred;
        self.signed
            .as_ref()
            .filter(trusted)
            .map(|m| (m, "成文日期"))
            .or_else(|| {
                self.published
                    .as_ref()
                    .filter(trusted)
                    .map(|m| (m, "发布日期"))
            })
    }
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

/// Marks that divide a sentence into parts about different things.
const PART_STOPS: [char; 2] = ['；', ';'];

/// How close, in characters, 反馈 must follow a date when its part of the sentence names no
/// inspection ("5月8日,县委第一巡察组向……反馈" names one; "5月8日反馈意见" is close).
const FEEDBACK_NEAR: usize = 24;

/// True when date `i` dates the feedback: 反馈 follows it in its part of the sentence (up to a
/// `；`), no other date stands between them, and that part names an inspection or 反馈 follows
/// closely. A date of something else before it ("8月7日,根据……通知精神,……;巡察组于10月17日反馈")
/// is not the feedback's; a sentence that says 反馈 with no date of its own dates none.
fn feedback_after(doc: &Document, dates: &[DateInText], i: usize) -> bool {
    feedback_follows(doc, dates, i) || feedback_names(doc, &dates[i])
}

/// How many characters may stand between 反馈 and a date it names ("反馈会于", "反馈时间为").
const FEEDBACK_NAMES: usize = 6;

/// True when 反馈 closely precedes the date in its clause: "巡察反馈会于2023年5月8日召开",
/// "反馈时间:2023年5月8日". A clause between them ("巡察反馈后,我镇于……") names another event.
fn feedback_names(doc: &Document, d: &DateInText) -> bool {
    let before = &doc.source[d.sentence.start.min(d.date.span.start)..d.date.span.start];
    let Some(at) = before.rfind("反馈") else {
        return false;
    };
    let between = &before[at + "反馈".len()..];
    between.chars().count() <= FEEDBACK_NAMES
        && !between.contains([',', '，', '；', ';', '。'])
        && !between.contains("后")
}

/// True when 反馈 follows the date in its part of the sentence (see [`feedback_after`]).
fn feedback_follows(doc: &Document, dates: &[DateInText], i: usize) -> bool {
    let d = &dates[i];
    let (from, to) = (d.date.span.end, d.sentence.end.max(d.date.span.end));
    let after = &doc.source[from..to];
    let after = &after[..after.find(PART_STOPS).unwrap_or(after.len())];
    let Some(at) = after.find("反馈") else {
        return false;
    };
    if dates
        .get(i + 1)
        .is_some_and(|n| n.date.span.start < from + at)
    {
        return false;
    }
    let before = &doc.source[d.sentence.start.min(d.date.span.start)..d.date.span.start];
    let before = before.rfind(PART_STOPS).map_or(before, |k| {
        &before[k + before[k..].chars().next().map_or(1, char::len_utf8)..]
    });
    let part = [before, after];
    part.iter()
        .any(|t| INSPECTION.iter().any(|w| t.contains(w)))
        || after[..at].chars().count() <= FEEDBACK_NEAR
}
