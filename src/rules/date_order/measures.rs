//! Measures: a dated action already taken after the report's own date.

use super::{Context, Hit, in_chrome, reading, show};

pub(super) fn measures(cx: &Context) -> Vec<Hit> {
    let Some((report, report_role)) = cx.facts.timeline.report_date() else {
        return Vec::new();
    };
    let Some(limit) = report.date.latest() else {
        return Vec::new();
    };
    let body_start = cx
        .doc
        .sections
        .first()
        .map_or(usize::MAX, |s| s.line_span.start);
    let closing = cx.doc.closing.date_span.as_ref();
    let mut hits = Vec::new();
    for (i, d) in cx.facts.dates.iter().enumerate() {
        let start = d.date.start;
        let r = reading(cx, i);
        if d.date.end.is_some()
            || d.date.web
            || start.year_inferred
            || start.month.is_none()
            || d.date.span.start < body_start
            || closing.is_some_and(|c| c.start <= d.date.span.start && d.date.span.end <= c.end)
            || in_chrome(cx, &d.date.span)
            || r.in_title
        {
            continue;
        }
        let Some(earliest) = start.earliest() else {
            continue;
        };
        if earliest <= limit {
            continue;
        }
        if r.planned || !r.past_action || r.completion {
            continue;
        }
        hits.push(
            Hit::at(d.date.span.clone())
                .label(report.span.clone(), report_role)
                .value("date", show(&start))
                .value("text", cx.doc.text(&d.date.span))
                .value("report_role", report_role)
                .value("report_date", show(&report.date)),
        );
    }
    hits
}
