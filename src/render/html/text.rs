//! The report's text, paragraph by paragraph, each finding's places marked in it and the
//! finding's note beside the paragraph where its primary place starts.

use super::split::{Piece, split, usable};
use super::{escape, level_class, level_name, pick};
use crate::check::Checked;
use crate::document::{Document, Span};
use crate::finding::Finding;
use crate::render::{Lang, RuleNames};
use crate::text::LineIndex;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A highlighted place: a finding's primary span (`label` None) or one of its labels; or a
/// heading's marker and title, set in bold.
enum Target {
    Finding {
        finding: usize,
        label: Option<usize>,
    },
    Heading,
}

/// The text of one report with its marks and notes; `key` prefixes every id (e.g. "r0").
pub(super) fn body(out: &mut String, key: &str, c: &Checked, lang: Lang, names: &RuleNames) {
    let source = &c.written;
    let mut targets = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    for (i, f) in c.findings.iter().enumerate() {
        targets.push(Target::Finding {
            finding: i,
            label: None,
        });
        spans.push(f.span.clone());
        for (j, l) in f.labels.iter().enumerate() {
            targets.push(Target::Finding {
                finding: i,
                label: Some(j),
            });
            spans.push(l.span.clone());
        }
    }
    for s in &c.document.sections {
        if s.title_span.end > s.line_span.start {
            targets.push(Target::Heading);
            spans.push(s.line_span.start..s.title_span.end);
        }
    }
    let index = LineIndex::new(source);
    let mut notes: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    for (i, f) in c.findings.iter().enumerate() {
        if usable(source, &f.span) {
            notes
                .entry(index.line_column(f.span.start).0)
                .or_default()
                .push(i);
        } else {
            unplaced.push(i);
        }
    }
    let ctx = Context {
        key,
        c,
        index: &index,
        lang,
        names,
    };
    if !unplaced.is_empty() {
        let _ = write!(
            out,
            "<div class=\"unplaced\"><h3>{}</h3>",
            pick(lang, "未能定位的问题", "Findings without a place")
        );
        for &i in &unplaced {
            ctx.note(out, i);
        }
        out.push_str("</div>\n");
    }

    out.push_str("<div class=\"text\">\n");
    let mut opened = vec![false; targets.len()];
    let mut para = String::new();
    let mut line = 1;
    let mut line_start = 0;
    for piece in split(source, &spans) {
        let text = &source[piece.start..piece.end];
        let ends_line = text.ends_with('\n');
        let shown = text.trim_end_matches(['\n', '\r']);
        ctx.piece(&mut para, &piece, shown, &targets, &mut opened);
        if ends_line {
            let line_end = piece.end;
            ctx.row(out, &para, line, line_start..line_end, notes.get(&line));
            para.clear();
            line += 1;
            line_start = line_end;
        }
    }
    if !para.is_empty() || notes.contains_key(&line) {
        ctx.row(out, &para, line, line_start..source.len(), notes.get(&line));
    }
    out.push_str("</div>\n");
}

struct Context<'a> {
    key: &'a str,
    c: &'a Checked,
    index: &'a LineIndex<'a>,
    lang: Lang,
    names: &'a RuleNames,
}

impl Context<'_> {
    fn fkey(&self, i: usize) -> String {
        format!("{}-f{i}", self.key)
    }

    /// One piece of text inside its marks; the first piece of each place carries its id.
    fn piece(
        &self,
        out: &mut String,
        piece: &Piece,
        shown: &str,
        targets: &[Target],
        opened: &mut [bool],
    ) {
        for &t in &piece.spans {
            let Target::Finding { finding, label } = targets[t] else {
                out.push_str("<b class=\"hd\">");
                continue;
            };
            let f: &Finding = &self.c.findings[finding];
            let fkey = self.fkey(finding);
            let (role, title) = match label {
                None => (
                    "primary",
                    format!("{}[{}] {}", level_name(f, self.lang), f.rule, f.message),
                ),
                Some(j) => ("label", format!("{} ({})", f.labels[j].text, f.rule)),
            };
            let point = if piece.start == piece.end {
                " point"
            } else {
                ""
            };
            let _ = write!(
                out,
                "<mark class=\"m {role} {}{point}\"",
                level_class(f.level)
            );
            if !opened[t] {
                opened[t] = true;
                let id = match label {
                    None => fkey.clone(),
                    Some(j) => format!("{fkey}-l{j}"),
                };
                let _ = write!(out, " id=\"{id}\"");
            }
            let _ = write!(
                out,
                " data-f=\"{fkey}\" data-level=\"{}\" data-rule=\"{}\" title=\"{}\">",
                level_class(f.level),
                escape(&f.rule),
                escape(&title)
            );
        }
        out.push_str(&escape(shown));
        for &t in piece.spans.iter().rev() {
            out.push_str(match targets[t] {
                Target::Finding { .. } => "</mark>",
                Target::Heading => "</b>",
            });
        }
    }

    /// A paragraph and, beside it, the notes of the findings that start in it.
    fn row(
        &self,
        out: &mut String,
        para: &str,
        line: usize,
        span: Span,
        notes: Option<&Vec<usize>>,
    ) {
        let doc = &self.c.document;
        let blank = self.c.written[span.clone()].trim().is_empty();
        if blank && notes.is_none() && !para.contains("<mark") {
            return;
        }
        let _ = write!(out, "<div class=\"row{}\">", line_class(doc, &span));
        let _ = write!(out, "<p class=\"para\" data-line=\"{line}\">{para}</p>");
        if let Some(notes) = notes {
            out.push_str("<div class=\"notes\">");
            for &i in notes {
                self.note(out, i);
            }
            out.push_str("</div>");
        }
        out.push_str("</div>\n");
    }

    /// A finding's note: level, rule, message, each place linked, help.
    fn note(&self, out: &mut String, i: usize) {
        let f = &self.c.findings[i];
        let fkey = self.fkey(i);
        let level = level_class(f.level);
        let _ = write!(
            out,
            "<div class=\"note {level}\" id=\"{fkey}-note\" data-f=\"{fkey}\" data-level=\"{level}\" data-rule=\"{}\">",
            escape(&f.rule)
        );
        let _ = write!(
            out,
            "<p class=\"nh\"><span class=\"badge {level}\">{}</span> <code class=\"rule\">{}</code>{} {}</p>",
            level_name(f, self.lang),
            escape(&f.rule),
            match (self.lang, self.names.get(&f.rule)) {
                (Lang::Zh, Some(name)) => format!(" <span class=\"rn\">{}</span>", escape(name)),
                _ => String::new(),
            },
            self.place(&f.span, &fkey)
        );
        let _ = write!(out, "<p class=\"msg\">{}</p>", escape(&f.message));
        if !f.labels.is_empty() {
            out.push_str("<ul class=\"labels\">");
            for (j, l) in f.labels.iter().enumerate() {
                let _ = write!(
                    out,
                    "<li>{} {}",
                    self.place(&l.span, &format!("{fkey}-l{j}")),
                    escape(&l.text)
                );
                if let Some(quote) = self.c.written.get(l.span.clone()) {
                    let _ = write!(out, ": <q>{}</q>", escape(&excerpt(quote)));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        if let Some(help) = &f.help {
            let _ = write!(out, "<p class=\"help\">{}</p>", escape(help));
        }
        out.push_str("</div>");
    }

    /// A link to a place ("行 12:5"), or a remark that the place is not in the text.
    fn place(&self, span: &Span, id: &str) -> String {
        if usable(&self.c.written, span) {
            let (line, col) = self.index.line_column(span.start);
            format!("<a class=\"at\" href=\"#{id}\">{line}:{col}</a>")
        } else {
            format!(
                "<span class=\"at\">{}</span>",
                pick(self.lang, "位置无效", "no place")
            )
        }
    }
}

/// Classes for a line: web-page chrome, the title, a heading's depth.
fn line_class(doc: &Document, span: &Span) -> String {
    let mut class = String::new();
    if doc
        .chrome
        .iter()
        .any(|c| c.start <= span.start && span.start < c.end)
    {
        class.push_str(" chrome");
    }
    if let Some(t) = &doc.title {
        if t.span.start <= span.start && span.start < t.span.end.max(t.span.start + 1) {
            class.push_str(" title");
        }
    }
    if let Some(s) = doc
        .sections
        .iter()
        .find(|s| s.line_span.start == span.start)
    {
        let _ = write!(class, " h h{}", s.depth.min(4));
    }
    class
}

/// At most 40 characters of a quote.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
