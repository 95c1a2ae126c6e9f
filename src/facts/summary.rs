//! What a report states about itself: the `summary` object of the JSON output.

use crate::document::{Document, Status};
use crate::facts::Facts;
use crate::facts::timeline::Milestone;
use serde::Serialize;

/// The inspection's dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inspection {
    /// First day, "YYYY-MM-DD" (or "YYYY-MM").
    pub start: Option<String>,
    /// Last day.
    pub end: Option<String>,
}

/// Items by status.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StatusCounts {
    /// Reported done.
    pub done: usize,
    /// Reported partly done.
    pub partial: usize,
    /// Reported in progress.
    pub ongoing: usize,
    /// No status stated.
    pub unknown: usize,
}

/// The summary of one report (see OUTPUT.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The title.
    pub title: Option<String>,
    /// The issuing body.
    pub issuer: Option<String>,
    /// The signing date (成文日期).
    pub signed: Option<String>,
    /// The publication date from the web page.
    pub published: Option<String>,
    /// The inspection's dates.
    pub inspection: Option<Inspection>,
    /// The feedback date.
    pub feedback: Option<String>,
    /// The as-of date (截至).
    pub as_of: Option<String>,
    /// The number of itemized problems.
    pub items: usize,
    /// Items by status.
    pub status: StatusCounts,
}

fn iso(m: &Option<Milestone>) -> Option<String> {
    m.as_ref().and_then(|m| m.date.iso())
}

/// Summarise a parsed report.
pub fn summarize(doc: &Document, facts: &Facts) -> Summary {
    let t = &facts.timeline;
    let mut status = StatusCounts::default();
    for item in &doc.items {
        match item.status {
            Status::Done => status.done += 1,
            Status::Partial => status.partial += 1,
            Status::Ongoing => status.ongoing += 1,
            Status::Unknown => status.unknown += 1,
        }
    }
    let inspection =
        (t.inspection_start.is_some() || t.inspection_end.is_some()).then(|| Inspection {
            start: iso(&t.inspection_start),
            end: iso(&t.inspection_end),
        });
    Summary {
        title: doc.title.as_ref().map(|t| t.text.clone()),
        issuer: doc.closing.issuer.clone(),
        signed: iso(&t.signed),
        published: iso(&t.published),
        inspection,
        feedback: iso(&t.feedback),
        as_of: iso(&t.as_of),
        items: doc.items.len(),
        status,
    }
}
