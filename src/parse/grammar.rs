//! The grammar (`grammar/report.pest`) run by pest: the reference that the hand-written
//! reader in `lex.rs` must agree with, and the subject of the grammar's rule-by-rule tests.

use super::{Line, LineKind, trim_span};
use crate::document::{Inline, Marker, MarkerStyle, Span};
use crate::numeral::{cn_value, digits_value};
use pest::Parser;
use pest::iterators::Pair;
use pest_derive::Parser;

/// The grammar's parser.
#[derive(Parser)]
#[grammar = "../grammar/report.pest"]
pub(super) struct ReportParser;

/// Type every line with the grammar's `document` rule.
pub(super) fn lines(source: &str) -> Vec<Line> {
    let pairs = match ReportParser::parse(Rule::document, source) {
        Ok(mut p) => p.next().map(|d| d.into_inner()),
        // The grammar accepts every input; this arm only guards against a grammar bug.
        Err(_) => None,
    };
    let pairs = pairs.expect("the grammar accepts every input");
    pairs
        .filter(|p| p.as_rule() == Rule::line)
        .map(|p| typed_line(source, p))
        .collect()
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
            Rule::cn_number => cn_value(n.as_str()),
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

/// Read the structure inside one paragraph with the grammar's `inline` rule.
pub(super) fn inline(source: &str, span: Span) -> Vec<Inline> {
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
