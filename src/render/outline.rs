//! `zglint parse`: a readable outline of what zglint read off a report, for rule authors.

use crate::document::{Block, BlockKind, Document, Inline, Region, Span, Status};
use crate::facts::Facts;
use crate::facts::timeline::Milestone;
use crate::text::LineIndex;
use std::fmt::Write;

/// Characters of text shown per line of the outline.
const WIDTH: usize = 36;

fn clip(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    if text.chars().count() <= WIDTH {
        text
    } else {
        text.chars().take(WIDTH).collect::<String>() + "…"
    }
}

fn at(ix: &LineIndex, span: &Span) -> String {
    let (l, c) = ix.line_column(span.start);
    format!("{l}:{c}")
}

/// Render the outline: chrome, title, the tree with its items, the closing, then the facts,
/// and the places the rules looked at but did not check (`unchecked`, with why).
pub fn render(doc: &Document, facts: &Facts, unchecked: &[(Span, String)]) -> String {
    let ix = &LineIndex::new(&doc.source);
    let mut out = String::new();
    for c in &doc.chrome {
        let _ = writeln!(out, "chrome    {:>7}  {}", at(ix, c), clip(doc.text(c)));
    }
    match &doc.title {
        Some(t) => {
            let _ = writeln!(out, "title     {:>7}  {}", at(ix, &t.span), t.text);
        }
        None => out.push_str("title     (none)\n"),
    }
    for (i, b) in doc.blocks.iter().enumerate() {
        if b.region == Region::Opening {
            block(&mut out, ix, doc, i, b, 0);
        }
    }
    for (i, s) in doc.sections.iter().enumerate() {
        if s.parent.is_none() {
            section(&mut out, ix, doc, i);
        }
    }
    let issuer = doc.closing.issuer.as_deref().unwrap_or("(none)");
    let date = doc
        .closing
        .date_span
        .as_ref()
        .map_or("(none)", |s| doc.text(s));
    let _ = writeln!(out, "closing   issuer {issuer}, date {date}");
    items_part(&mut out, ix, doc);
    facts_part(&mut out, ix, doc, facts);
    let _ = writeln!(out, "\nnot checked ({})", unchecked.len());
    for (span, why) in unchecked {
        let _ = writeln!(
            out,
            "  {:>7}  {:<14} {why}",
            at(ix, span),
            clip(doc.text(span))
        );
    }
    out
}

fn section(out: &mut String, ix: &LineIndex, doc: &Document, index: usize) {
    let s = &doc.sections[index];
    let indent = "  ".repeat(s.depth as usize - 1);
    let item = doc.items.iter().find(|i| i.section == Some(index));
    let tag = item.map_or(String::new(), |i| format!("  [item: {}]", status(i.status)));
    let _ = writeln!(
        out,
        "{indent}{} {:>7}  {}{tag}",
        doc.text(&s.marker.span),
        at(ix, &s.line_span),
        clip(&s.title)
    );
    let mut children = s.children.iter().peekable();
    for &b in &s.blocks {
        // Keep document order between blocks and sub-sections.
        while let Some(&&c) = children.peek() {
            if doc.sections[c].line_span.start > doc.blocks[b].span.start {
                break;
            }
            section(out, ix, doc, c);
            children.next();
        }
        block(out, ix, doc, b, &doc.blocks[b], s.depth as usize);
    }
    for &c in children {
        section(out, ix, doc, c);
    }
}

/// The items, the layout they were read from, and whether counts are compared with them.
fn items_part(out: &mut String, ix: &LineIndex, doc: &Document) {
    let layout = &doc.layout;
    let whole = if layout.complete {
        "the whole list"
    } else {
        "maybe not the whole list"
    };
    let _ = writeln!(
        out,
        "\nitems ({}): {}; {whole}",
        doc.items.len(),
        if layout.name.is_empty() {
            "none"
        } else {
            &layout.name
        }
    );
    for item in &doc.items {
        let number = item.number.map_or("-".to_string(), |n| n.to_string());
        let class = item
            .class
            .as_ref()
            .map_or(String::new(), |c| format!(" ({c})"));
        let words = item
            .status_span
            .as_ref()
            .map_or(String::new(), |s| format!(" «{}»", doc.text(s)));
        let _ = writeln!(
            out,
            "  {:>7}  {number:>3}  {:<8} {}{words}",
            at(ix, &item.head_span),
            format!("{}{class}", status(item.status)),
            clip(doc.text(&item.head_span)),
        );
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Done => "done",
        Status::Partial => "partial",
        Status::Ongoing => "ongoing",
        Status::Unknown => "unknown",
    }
}

fn block(out: &mut String, ix: &LineIndex, doc: &Document, index: usize, b: &Block, depth: usize) {
    let indent = "  ".repeat(depth);
    let kind = match &b.kind {
        BlockKind::Paragraph => "¶".to_string(),
        BlockKind::Labelled { label, .. } => format!("[{label}]"),
        BlockKind::RunOn => "…".to_string(),
    };
    let item = doc.items.iter().find(|i| i.block == Some(index));
    let tag = item.map_or(String::new(), |i| format!("  [item: {}]", status(i.status)));
    let _ = writeln!(
        out,
        "{indent}{kind} {:>7}  {}{tag}",
        at(ix, &b.span),
        clip(doc.text(&b.span))
    );
    let inline: Vec<String> = b
        .inline
        .iter()
        .map(|i| match i {
            Inline::EnumCn { number, .. } => format!("{number}是"),
            Inline::EnumParen { number, .. } => format!("({number})"),
            Inline::Note { label, text, .. } => format!("({label}:{text})"),
            Inline::Label { label, .. } => format!("{label}:"),
        })
        .collect();
    if !inline.is_empty() {
        let _ = writeln!(out, "{indent}    inline: {}", inline.join(" "));
    }
}

fn facts_part(out: &mut String, ix: &LineIndex, doc: &Document, facts: &Facts) {
    out.push_str("\ntimeline\n");
    let t = &facts.timeline;
    let rows: [(&str, &Option<Milestone>); 6] = [
        ("inspection start", &t.inspection_start),
        ("inspection end", &t.inspection_end),
        ("feedback", &t.feedback),
        ("as of", &t.as_of),
        ("signed", &t.signed),
        ("published", &t.published),
    ];
    for (name, m) in rows {
        let value = m.as_ref().map_or("(not stated)".to_string(), |m| {
            let inferred = if m.date.year_inferred {
                ", year inferred"
            } else {
                ""
            };
            format!(
                "{} at {}{inferred}",
                m.date.iso().unwrap_or_default(),
                at(ix, &m.span)
            )
        });
        let _ = writeln!(out, "  {name:<17} {value}");
    }
    let _ = writeln!(out, "\ndates ({})", facts.dates.len());
    for d in &facts.dates {
        let start = d.date.start.iso().unwrap_or_else(|| "?".into());
        let end = d
            .date
            .end
            .and_then(|e| e.iso())
            .map(|e| format!(" .. {e}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:>7}  {:<20} {start}{end}",
            at(ix, &d.date.span),
            doc.text(&d.date.span)
        );
    }
    let _ = writeln!(out, "\nfigures ({})", facts.figures.len());
    for f in &facts.figures {
        let q = &f.quantity;
        let approx = format!("{:?}", q.approx).to_lowercase();
        let _ = writeln!(
            out,
            "  {:>7}  {:<14} value {} unit {:?} noun {:?} {approx}{}",
            at(ix, &q.span),
            doc.text(&q.span),
            q.value(),
            q.unit,
            f.noun,
            if q.ordinal { " ordinal" } else { "" }
        );
    }
    statements(out, ix, doc, facts);
}

/// The quantity statements: each relation with its figures as written.
fn statements(out: &mut String, ix: &LineIndex, doc: &Document, facts: &Facts) {
    use crate::facts::statement::Relation;
    let _ = writeln!(
        out,
        "
statements ({})",
        facts.statements.len()
    );
    let fig = |i: &usize| doc.text(&facts.figures[*i].quantity.span).to_string();
    let join = |ids: &[usize]| ids.iter().map(fig).collect::<Vec<_>>().join(" + ");
    for st in &facts.statements {
        let what = match &st.relation {
            Relation::Share {
                numerators,
                base,
                percent,
            } => {
                let nums: Vec<String> = numerators.iter().map(|n| join(n)).collect();
                format!("{} = ({}) / {}", fig(percent), nums.join(" | "), join(base))
            }
            Relation::Sum { total, parts } => format!("{} = {}", fig(total), join(parts)),
            Relation::AtMostWhole { percent } => format!("{} <= 100%", fig(percent)),
            Relation::Growth {
                value,
                change,
                percent,
                fall,
            } => {
                let sign = if *fall { '+' } else { '-' };
                format!(
                    "{} = {} / ({} {sign} {})",
                    fig(percent),
                    fig(change),
                    fig(value),
                    fig(change)
                )
            }
            Relation::Difference { stated, readings } => {
                let each: Vec<String> = readings
                    .iter()
                    .map(|m| {
                        let mut t = fig(&m.from);
                        for l in &m.less {
                            t.push_str(&format!(" - {}", fig(l)));
                        }
                        if !m.named.is_empty() {
                            t.push_str(&format!(" - {} named", m.named.len()));
                        }
                        t
                    })
                    .collect();
                format!("{} = {}", fig(stated), each.join(" | "))
            }
            Relation::NotChecked { figure, why } => format!("{} {why}", fig(figure)),
        };
        // Placed at the figure the relation is about: the percentage, the total.
        let subject = match &st.relation {
            Relation::Share { percent, .. }
            | Relation::AtMostWhole { percent }
            | Relation::Growth { percent, .. } => *percent,
            Relation::Sum { total, .. } => *total,
            Relation::Difference { stated, .. } => *stated,
            Relation::NotChecked { figure, .. } => *figure,
        };
        let construction = format!("{:?}", st.construction);
        let _ = writeln!(
            out,
            "  {:>7}  {construction:<12} {}{what}",
            at(ix, &facts.figures[subject].quantity.span),
            if st.sure { "" } else { "(loose) " }
        );
    }
}
