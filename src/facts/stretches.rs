//! The report's own text in stretches (paragraphs, heading lines, the title), which the kinds
//! that read marks and placeholders go through.

use crate::document::{BlockKind, Document, Region, Span};

/// A stretch of the report's own text: a paragraph, a heading line without its marker, or the
/// title. `pairing` pairs marks up within one; `placeholder` looks for placeholders in them.
pub struct Unit {
    /// Its bytes.
    pub span: Span,
    /// A heading line (its title may name a problem in quotation marks).
    pub heading: bool,
}

/// The report's text in units, in order: no chrome, no heading markers, nothing after the closing.
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out = Vec::new();
    if let Some(t) = &doc.title {
        out.push(Unit {
            span: t.span.clone(),
            heading: false,
        });
    }
    for s in &doc.sections {
        out.push(Unit {
            span: s.marker.span.end..s.line_span.end,
            heading: true,
        });
    }
    for b in &doc.blocks {
        if b.kind != BlockKind::RunOn && b.region != Region::Closing {
            out.push(Unit {
                span: b.span.clone(),
                heading: false,
            });
        }
    }
    out.sort_by_key(|u| u.span.start);
    out
}
