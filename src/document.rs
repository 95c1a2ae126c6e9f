//! The report as zglint reads it: regions, a tree of sections, blocks of text, items.
//! Every position is a byte range into [`Document::source`].

use serde::Serialize;
use std::ops::Range;

/// A byte range into the source text, end exclusive.
pub type Span = Range<usize>;

/// A parsed report.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The text as decoded to UTF-8.
    #[serde(skip)]
    pub source: String,
    /// Web-page chrome before and after the report (site name, breadcrumbs, footers).
    pub chrome: Vec<Span>,
    /// The title, when the report has one.
    pub title: Option<Title>,
    /// Every heading, in document order; the tree is given by `parent` and `children`.
    pub sections: Vec<Section>,
    /// Paragraphs, labelled paragraphs and the text run on after a heading, in document order.
    pub blocks: Vec<Block>,
    /// The issuing body and date at the end, when present.
    pub closing: Closing,
    /// The itemized problems, with their status.
    pub items: Vec<Item>,
    /// How the items are laid out, and whether they form the whole list.
    pub layout: Layout,
}

/// How a report lays out its items, as [`crate::parse::item::find_items`] recognised it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Layout {
    /// The layout in words, e.g. "numbered headings 1." or "labels 问题一:".
    pub name: String,
    /// True when the items evidently form the whole list: numbered consecutively from 1
    /// (across the report or anew under each heading). Counts of problems are compared with
    /// the items only then.
    pub complete: bool,
    /// Why the items are not compared with the report's counts, when they are not.
    pub unchecked: Option<String>,
}

/// The title, which may span two lines.
#[derive(Debug, Clone, Serialize)]
pub struct Title {
    /// The title's text, its lines joined.
    pub text: String,
    /// From the start of its first line to the end of its last.
    pub span: Span,
}

/// How a heading is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerStyle {
    /// "一、"
    CnComma,
    /// "(一)"
    CnParen,
    /// "1." "1．" "1、"
    ArabicDot,
    /// "(1)"
    ArabicParen,
    /// "1)"
    ArabicHalfParen,
    /// "①"
    Circled,
    /// A bracket whose number is lost: ")" or "()".
    Broken,
}

impl MarkerStyle {
    /// The GB/T 9704 rank of the style: 1 for "一、" down to 6 for "①".
    pub fn rank(self) -> u8 {
        match self {
            MarkerStyle::CnComma => 1,
            MarkerStyle::CnParen => 2,
            MarkerStyle::ArabicDot => 3,
            MarkerStyle::ArabicParen => 4,
            MarkerStyle::ArabicHalfParen => 5,
            MarkerStyle::Circled => 6,
            MarkerStyle::Broken => 0,
        }
    }
}

/// A heading's numbering marker.
#[derive(Debug, Clone, Serialize)]
pub struct Marker {
    /// The style of numbering.
    pub style: MarkerStyle,
    /// The number the marker gives (三 → 3, ⑤ → 5); None for a broken marker.
    pub number: Option<u32>,
    /// The marker's bytes, e.g. "(一)".
    pub span: Span,
    /// Written with full-width brackets or dots (（一） 1．).
    pub fullwidth: bool,
}

/// A numbered heading and what it contains.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Depth in the tree, 1 for top-level headings.
    pub depth: u8,
    /// The marker.
    pub marker: Marker,
    /// The heading's own text, up to its first "。" (outside quotes) or the end of the line.
    pub title: String,
    /// Bytes of `title`.
    pub title_span: Span,
    /// The whole heading line, marker included.
    pub line_span: Span,
    /// From the marker to the end of the last descendant's text.
    pub span: Span,
    /// The enclosing section.
    pub parent: Option<usize>,
    /// Sub-sections, in order.
    pub children: Vec<usize>,
    /// Blocks directly under this heading (not under a sub-section), in order.
    pub blocks: Vec<usize>,
}

/// What kind of text a block is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BlockKind {
    /// A plain paragraph.
    Paragraph,
    /// A paragraph introduced by a label, e.g. "整改情况:".
    Labelled {
        /// The label's text, e.g. "整改情况".
        label: String,
        /// The label's bytes.
        label_span: Span,
    },
    /// The text that runs on after a heading's first "。" on the same line.
    RunOn,
}

/// Where a block stands in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// Before the first heading: the opening.
    Opening,
    /// Under a heading.
    Body,
    /// After the issuing body and date.
    Closing,
}

/// A paragraph of text and the structure inside it.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// Its kind.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Its bytes (a labelled block includes its label).
    pub span: Span,
    /// Where it stands.
    pub region: Region,
    /// The innermost section that contains it.
    pub section: Option<usize>,
    /// Enumerations, notes and run-on labels inside it.
    pub inline: Vec<Inline>,
}

/// Structure inside a paragraph.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Inline {
    /// "一是", "二是" …
    EnumCn {
        /// The number (二是 → 2).
        number: u32,
        /// Its bytes.
        span: Span,
    },
    /// "(1)", "(2)" … inside a paragraph.
    EnumParen {
        /// The number.
        number: u32,
        /// Its bytes.
        span: Span,
    },
    /// A bracketed note, e.g. "(整改时限:3个月,长期坚持)".
    Note {
        /// "整改时限"
        label: String,
        /// "3个月,长期坚持"
        text: String,
        /// The whole note.
        span: Span,
        /// Bytes of `text`.
        text_span: Span,
    },
    /// A label run on inside a paragraph, e.g. "整改措施及成效:".
    Label {
        /// "整改措施及成效"
        label: String,
        /// The label and its colon.
        span: Span,
    },
}

/// The end of the report: who issued it and when.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Closing {
    /// The issuing body, e.g. "中共××镇委员会".
    pub issuer: Option<String>,
    /// Bytes of the issuer.
    pub issuer_span: Option<Span>,
    /// Bytes of the date line's date (成文日期).
    pub date_span: Option<Span>,
}

/// What an item's text reports about its rectification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完成整改, 整改完成 …
    Done,
    /// 部分整改未完成, 基本完成 …
    Partial,
    /// 正在整改中, 按计划……前完成 …
    Ongoing,
    /// No status stated.
    Unknown,
}

/// One itemized problem.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The section that names the problem, for numbered items.
    pub section: Option<usize>,
    /// The "反馈问题:" block that names the problem, for labelled items.
    pub block: Option<usize>,
    /// The statement of the problem (the heading's title or the labelled block).
    pub head_span: Span,
    /// All of the item's text: the problem, its sub-points and its rectification.
    pub span: Span,
    /// The blocks of rectification text (整改情况:…), in order.
    pub rectification: Vec<usize>,
    /// The status its text reports.
    pub status: Status,
    /// The words the status was read from.
    pub status_span: Option<Span>,
    /// The class of status the words name when a report may count it apart ("长期坚持").
    pub class: Option<String>,
    /// The item's number as written (问题三 → 3), when it has one.
    pub number: Option<u32>,
}

impl Inline {
    /// The bytes of the whole structure.
    pub fn span(&self) -> &Span {
        match self {
            Inline::EnumCn { span, .. }
            | Inline::EnumParen { span, .. }
            | Inline::Note { span, .. }
            | Inline::Label { span, .. } => span,
        }
    }
}

impl Block {
    /// The kind's name, with the label of a labelled block, e.g. "labelled:整改情况".
    pub fn kind_name(&self) -> String {
        match &self.kind {
            BlockKind::Paragraph => "paragraph".to_string(),
            BlockKind::Labelled { label, .. } => format!("labelled:{label}"),
            BlockKind::RunOn => "run_on".to_string(),
        }
    }
}

impl Document {
    /// The text of a span.
    pub fn text(&self, span: &Span) -> &str {
        &self.source[span.clone()]
    }

    /// The section path of a section, e.g. "二、(一)3." — used to name places in output.
    pub fn section_path(&self, mut index: usize) -> String {
        let mut parts = Vec::new();
        loop {
            let s = &self.sections[index];
            parts.push(self.text(&s.marker.span).to_string());
            match s.parent {
                Some(p) => index = p,
                None => break,
            }
        }
        parts.reverse();
        parts.concat()
    }

    /// The indices of the blocks that lie inside `span`, by binary search (blocks are in
    /// document order and do not overlap).
    pub fn blocks_in(&self, span: &Span) -> std::ops::Range<usize> {
        let first = self.blocks.partition_point(|b| b.span.start < span.start);
        let last = self.blocks.partition_point(|b| b.span.end <= span.end);
        first..last.max(first)
    }

    /// The first heading that starts after `offset`, if any (sections are in document order).
    pub fn next_section_after(&self, offset: usize) -> Option<usize> {
        let i = self
            .sections
            .partition_point(|s| s.line_span.start <= offset);
        (i < self.sections.len()).then_some(i)
    }

    /// The last section whose heading line starts at or before `offset`, by binary search.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.sections
            .partition_point(|s| s.line_span.start <= offset)
            .checked_sub(1)
    }

    /// The item whose text contains `span`, by binary search (items are in document order).
    pub fn item_containing(&self, span: &Span) -> Option<usize> {
        let i = self.items.partition_point(|it| it.span.start <= span.start);
        let i = i.checked_sub(1)?;
        (span.end <= self.items[i].span.end).then_some(i)
    }
}
