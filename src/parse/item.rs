//! The itemized problems of a report and the status each one's text reports, however the
//! report lays them out: numbered headings (1. under (一), (1) anew under each heading, with or
//! without sub-points), lines that open with a label and a number (问题一:, 第一项:, 【问题1】),
//! lines that open with a status tag (【已完成】1.), rows of a table written as text (`|`, tab or
//! space-aligned, with a status column), and inline enumerations (一是……；二是……).
//!
//! The level that holds the problems is the one whose entries carry statuses; where none does,
//! headings that name a problem (关于“……”的问题) or "反馈问题:" paragraphs, else the innermost
//! headings with rectification text, else enumerations that name problems (问题及整改情况:一是……的
//! 问题,……). Sub-points of a problem are not items.
//!
//! Where the statuses stand only in a table (an attachment 序号 问题 …… 整改进展) and the body
//! lists the same problems without them, the body's entries are the items, each with the status
//! of the row that bears its number or names it; a table of some of them (the open ones) gives
//! those theirs and leaves the others unknown.

use crate::document::{
    Block, BlockKind, Document, Inline, Item, Layout, MarkerStyle, Region, Span, Status,
};
use crate::parse::vocab::Vocabulary;
use crate::text::numeral::{cn_value, digits_value};
use regex::Regex;
use std::sync::LazyLock;

/// Find the items of a parsed document and read their statuses.
///
/// Every numbered entry is a candidate: headings of each numbering style, lines that open with
/// a label and a number (问题一:, 第一项:, 【问题1】), and lines that open with a status tag
/// before the number (【已完成】1.). The level that holds the problems is the one whose
/// entries carry a status (an explicit tag or status line first, else a last sentence), among
/// those the one with the most entries; where no level carries statuses, headings that name a
/// problem, and else the innermost headings with rectification text.
pub fn find_items(doc: &mut Document, vocab: &Vocabulary) {
    let (name, items) = match status_level(doc, vocab) {
        Some((layout, mut items)) => {
            add_leaf_parents(doc, vocab, &mut items);
            (layout, items)
        }
        None => {
            let mut items = marked_items(doc, vocab);
            let mut name = "headings that name a problem";
            if items.is_empty() {
                items = innermost_items(doc, vocab);
                name = "innermost headings with rectification text";
            }
            items.sort_by_key(|i| i.span.start);
            for item in &mut items {
                read_status(doc, vocab, item);
                item.number = item.section.and_then(|s| doc.sections[s].marker.number);
            }
            if items.is_empty() {
                items = inline_problems(doc, vocab);
                name = INLINE_PROBLEMS;
            }
            let name = if items.is_empty() { "none" } else { name };
            (name.to_string(), items)
        }
    };
    let unchecked = if items.is_empty() {
        None
    } else if !consecutive(doc, &items) {
        Some(NOT_CONSECUTIVE)
    } else if introduced_as_examples(doc, vocab, &items) {
        Some(EXAMPLES)
    } else if name == INLINE_PROBLEMS && introduced_as_main(doc, &items) {
        Some(MAIN)
    } else {
        None
    };
    doc.layout = Layout {
        name,
        complete: !items.is_empty() && unchecked.is_none(),
        unchecked: unchecked.map(str::to_string),
    };
    doc.items = items;
}

/// How far before the first item, in bytes, the words introducing the list are looked for.
const INTRO: usize = 240;

/// True when the text right before the first item introduces the items as examples
/// ("现将典型问题整改情况通报如下").
fn introduced_as_examples(doc: &Document, vocab: &Vocabulary, items: &[Item]) -> bool {
    let Some(first) = items.first() else {
        return false;
    };
    let end = first.span.start;
    let mut start = end.saturating_sub(INTRO);
    while !doc.source.is_char_boundary(start) {
        start += 1;
    }
    let before = &doc.source[start..end];
    vocab
        .items
        .selection
        .iter()
        .any(|w| before.contains(w.as_str()))
}

/// The layout of enumerations that name problems.
const INLINE_PROBLEMS: &str = "inline enumerations naming problems 一是……的问题";

/// True when the words of the paragraph before its enumeration of problems call them the main
/// ones (主要问题): a summary that may group or leave out problems.
fn introduced_as_main(doc: &Document, items: &[Item]) -> bool {
    let Some(b) = items.first().and_then(|i| i.block) else {
        return false;
    };
    let start = doc.blocks[b].span.start;
    doc.source[start..items[0].span.start.max(start)].contains("主要")
}

/// Why a report's counts are not compared with an enumeration of the main problems.
const MAIN: &str = "未核对问题数: 逐项列出的是主要问题,可能归并或未列全 / problem counts not checked: \
the items are introduced as the main problems, which may group or leave out some";

/// Why a report's counts are not compared with items introduced as examples.
const EXAMPLES: &str = "未核对问题数: 逐项列出的是典型或部分问题 / problem counts not checked: the items \
are introduced as examples or a selection";

/// Why a report's counts of problems are not compared with its items.
const NOT_CONSECUTIVE: &str = "未核对问题数: 逐项列出的问题未从1起连续编号,可能只是举例或未列全 / \
problem counts not checked: the items are not numbered consecutively from 1, so they may be \
examples or an incomplete list";

/// True when the items are numbered 1, 2, 3 … across the report or anew from 1 under each
/// heading, style by style.
fn consecutive(doc: &Document, items: &[Item]) -> bool {
    if items.iter().all(|i| i.section.is_none()) {
        let numbers: Option<Vec<u32>> = items.iter().map(|i| i.number).collect();
        return numbers.is_some_and(|n| numbered_from_one(&n));
    }
    if items.iter().any(|i| i.section.is_none()) {
        return false;
    }
    // The items' headings, and the headings of the items' own styles that hold items (3. that
    // holds 1) 2), between item 2. and item 4.).
    let styles: Vec<MarkerStyle> = items
        .iter()
        .filter_map(|i| i.section)
        .map(|s| doc.sections[s].marker.style)
        .fold(Vec::new(), |mut v, st| {
            if !v.contains(&st) {
                v.push(st);
            }
            v
        });
    let mut marked = vec![false; doc.sections.len()];
    for i in items {
        let mut s = i.section;
        while let Some(k) = s {
            if styles.contains(&doc.sections[k].marker.style) {
                marked[k] = true;
            }
            s = doc.sections[k].parent;
        }
    }
    styles.iter().all(|style| {
        let numbers: Option<Vec<u32>> = (0..doc.sections.len())
            .filter(|&k| marked[k] && doc.sections[k].marker.style == *style)
            .map(|k| doc.sections[k].marker.number)
            .collect();
        numbers.is_some_and(|n| numbered_from_one(&n))
    })
}

/// True when numbers run 1, 2, 3 …, possibly starting anew from 1.
fn numbered_from_one(numbers: &[u32]) -> bool {
    if numbers.is_empty() || numbers[0] != 1 {
        return false;
    }
    numbers.windows(2).all(|w| w[1] == w[0] + 1 || w[1] == 1)
}

/// Add the headings of the level above the items that have no items under them but carry
/// their own status or rectification text: a problem listed without sub-problems among
/// problems that have them (3. with 1) 2) under it, then 4. alone).
fn add_leaf_parents(doc: &Document, vocab: &Vocabulary, items: &mut Vec<Item>) {
    let mut styles: Vec<MarkerStyle> = Vec::new();
    let mut roots: Vec<Option<usize>> = Vec::new();
    for i in items.iter() {
        let Some(s) = i.section else {
            return;
        };
        if let Some(p) = doc.sections[s].parent {
            if !styles.contains(&doc.sections[p].marker.style) {
                styles.push(doc.sections[p].marker.style);
            }
        }
        let mut r = s;
        while let Some(p) = doc.sections[r].parent {
            r = p;
        }
        roots.push(Some(r));
    }
    let mut added = Vec::new();
    for (k, s) in doc.sections.iter().enumerate() {
        if !styles.contains(&s.marker.style) || s.parent.is_none() {
            continue;
        }
        let e = Entry {
            key: Key::Heading(s.marker.style),
            section: Some(k),
            block: None,
            head: s.title_span.clone(),
            span: s.span.clone(),
            number: s.marker.number,
            tag: None,
            text: None,
        };
        let holds_items = items
            .iter()
            .any(|i| s.span.start <= i.span.start && i.span.end <= s.span.end);
        if holds_items || !roots.contains(&root_of(doc, &e)) {
            continue;
        }
        let (found, rectification) = read_entry(doc, vocab, &e);
        if found.is_none() && rectification.is_empty() {
            continue;
        }
        added.push(to_item(vocab, &e, found, rectification));
    }
    items.extend(added);
    items.sort_by_key(|i| i.span.start);
}

fn to_item(vocab: &Vocabulary, e: &Entry, found: Option<Found>, rectification: Vec<usize>) -> Item {
    Item {
        section: e.section,
        block: e.block,
        head_span: e.head.clone(),
        span: e.span.clone(),
        rectification,
        status: found.as_ref().map_or(Status::Unknown, |f| f.status),
        status_span: found.as_ref().map(|f| f.span.clone()),
        class: found
            .and_then(|f| f.class)
            .and_then(|c| vocab.classes.get(c))
            .map(|c| c.name.clone()),
        number: e.number,
    }
}

/// What kind of numbered entry a candidate item is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    /// A heading of one numbering style.
    Heading(MarkerStyle),
    /// A line opening with a label and a number, e.g. "问题" for 问题一: or "【问题】" for 【问题1】.
    Line(String),
    /// A line opening with a status tag and then a number: 【已完成】1.
    Tagged,
    /// A row of a table written as text, with a status column.
    Row,
    /// A piece of a paragraph's enumeration: 一是……；二是…….
    Inline,
}

/// A candidate item.
#[derive(Debug, Clone)]
struct Entry {
    key: Key,
    section: Option<usize>,
    block: Option<usize>,
    head: Span,
    span: Span,
    number: Option<u32>,
    /// The status tag before the number, for [`Key::Tagged`], or the status cell of a
    /// [`Key::Row`].
    tag: Option<Found>,
    /// The cell of a [`Key::Row`] that names the problem (问题, 整改事项 …), if the header
    /// names one.
    text: Option<Span>,
}

/// A status read off an item.
#[derive(Debug, Clone)]
struct Found {
    status: Status,
    span: Span,
    class: Option<usize>,
    /// From a tag or a status line, not from a last sentence.
    explicit: bool,
}

/// A line that opens with a label and a number: "问题一:", "第三项：", "【问题12】", "【整改任务3】".
static LINE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([【\[［]?)[ \t\u{3000}]*(问题|整改任务|任务|事项|第)[ \t\u{3000}]*([一二三四五六七八九十百零〇两]+|[0-9０-９]{1,3})[ \t\u{3000}]*(项|个|条)?[ \t\u{3000}]*([】\]］]|[：:、．.]|[ \t\u{3000}])",
    )
    .expect("valid pattern")
});

/// A line that opens with a bracketed tag and then a number: "【已完成】1."
static TAGGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([【\[［(（])([^】\]］)）]{2,12})[】\]］)）][ \t\u{3000}]*([0-9０-９]{1,3})[ \t\u{3000}]*[.．、]")
        .expect("valid pattern")
});

/// A bracketed tag at the start of a title: "【已完成】……".
static TAG_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t\u{3000}]*[【\[［(（]([^】\]］)）【\[［(（]{2,12})[】\]］)）]")
        .expect("valid pattern")
});

/// A bracketed tag at the end of a title: "……(已完成整改)", "……［持续整改］。".
static TAG_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[【\[［(（]([^】\]］)）【\[［(（]{2,12})[】\]］)）][ \t\u{3000}]*[。.]?[ \t\u{3000}]*$",
    )
    .expect("valid pattern")
});

/// A bracketed label at the start of a line: "【整改状态】正在推进".
static BRACKET_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[【\[［]([\p{Han}]{2,10})[】\]］][：:]?").expect("valid pattern")
});

/// The value of a number as written, Chinese or Arabic.
fn number_value(text: &str) -> Option<u32> {
    cn_value(text).or_else(|| digits_value(text))
}

/// Every candidate item, by kind, in order of first appearance.
fn entries(doc: &Document, vocab: &Vocabulary) -> Vec<(Key, Vec<Entry>)> {
    let mut groups: Vec<(Key, Vec<Entry>)> = Vec::new();
    let mut push = |e: Entry| match groups.iter_mut().find(|(k, _)| *k == e.key) {
        Some((_, list)) => list.push(e),
        None => groups.push((e.key.clone(), vec![e])),
    };
    for (i, s) in doc.sections.iter().enumerate() {
        if s.marker.style == MarkerStyle::Broken {
            continue;
        }
        push(Entry {
            key: Key::Heading(s.marker.style),
            section: Some(i),
            block: None,
            head: s.title_span.clone(),
            span: s.span.clone(),
            number: s.marker.number,
            tag: None,
            text: None,
        });
    }
    let mut lines: Vec<Entry> = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        if b.kind == BlockKind::RunOn || b.region == Region::Closing {
            continue;
        }
        let text = doc.text(&b.span);
        if let Some(c) = LINE_ITEM.captures(text) {
            let bracket = if c[1].is_empty() { "" } else { "【】" };
            let suffix = c.get(4).map_or("", |m| m.as_str());
            lines.push(Entry {
                key: Key::Line(format!("{bracket}{}N{suffix}", &c[2])),
                section: None,
                block: Some(i),
                head: b.span.clone(),
                span: b.span.clone(),
                number: number_value(&c[3]),
                tag: None,
                text: None,
            });
        } else if let Some(c) = TAGGED.captures(text) {
            let tag = c.get(2).expect("group 2 always takes part");
            let Some((status, r, class)) = vocab.status_class_in(tag.as_str()) else {
                continue;
            };
            let at = b.span.start + tag.start();
            lines.push(Entry {
                key: Key::Tagged,
                section: None,
                block: Some(i),
                head: b.span.clone(),
                span: b.span.clone(),
                number: number_value(&c[3]),
                tag: Some(Found {
                    status,
                    span: at + r.start..at + r.end,
                    class,
                    explicit: true,
                }),
                text: None,
            });
        }
    }
    // A line entry runs to the next entry of its kind or the end of its heading's text.
    for k in 0..lines.len() {
        let b = &doc.blocks[lines[k].block.expect("line entries have a block")];
        let bound = match b.section {
            Some(s) => doc.sections[s].span.end,
            None => doc
                .next_section_after(b.span.start)
                .map_or(doc.source.len(), |s| doc.sections[s].line_span.start),
        };
        let next = lines[k + 1..]
            .iter()
            .find(|e| e.key == lines[k].key)
            .map_or(usize::MAX, |e| e.span.start);
        let end = bound.min(next);
        let within = doc.blocks_in(&(b.span.start..end));
        let last = doc.blocks[within].last().map_or(b.span.end, |l| l.span.end);
        lines[k].span = b.span.start..last.max(b.span.end);
    }
    lines.into_iter().for_each(&mut push);
    table_rows(doc, vocab).into_iter().for_each(&mut push);
    inline_pieces(doc, vocab, false)
        .into_iter()
        .for_each(&mut push);
    groups
}

/// The pieces of the enumerations (一是……；二是……) in the report's body paragraphs (and, with
/// `opening`, those before the first heading), each from its marker to the next; enumerations
/// inside rectification or status text are measures.
fn inline_pieces(doc: &Document, vocab: &Vocabulary, opening: bool) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        if b.region != Region::Body && !(opening && b.region == Region::Opening) {
            continue;
        }
        if let Some((label, _)) = block_label(doc, b) {
            if vocab.is_rectification_label(label) || vocab.is_status_label(label) {
                continue;
            }
        }
        let marks: Vec<(u32, &Span)> = b
            .inline
            .iter()
            .filter_map(|x| match x {
                Inline::EnumCn { number, span } => Some((*number, span)),
                _ => None,
            })
            .collect();
        if marks.len() < 2 || marks[0].0 != 1 {
            continue;
        }
        for (k, (number, span)) in marks.iter().enumerate() {
            let end = marks.get(k + 1).map_or(b.span.end, |(_, next)| next.start);
            out.push(Entry {
                key: Key::Inline,
                section: None,
                block: Some(i),
                head: span.start..end,
                span: span.start..end,
                number: Some(*number),
                tag: None,
                text: None,
            });
        }
    }
    out
}

/// The pieces of enumerations that list the problems, where nothing else holds items: a
/// paragraph (of the body, or of a report with no headings) whose words before the first
/// marker speak of problems (审计发现的问题及整改情况:), each of whose pieces names one
/// (一是……的问题,……;二是……的问题,……). Pieces that do not all name a problem are measures
/// or plans.
fn inline_problems(doc: &Document, vocab: &Vocabulary) -> Vec<Item> {
    let pieces = inline_pieces(doc, vocab, true);
    let mut items = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        let block = pieces[k].block;
        let n = pieces[k..].iter().take_while(|p| p.block == block).count();
        let group = &pieces[k..k + n];
        k += n;
        let Some(b) = block.map(|b| &doc.blocks[b]) else {
            continue;
        };
        let intro = &doc.source[b.span.start..group[0].span.start];
        let of_measures_part =
            root_of(doc, &group[0]).is_some_and(|r| of_measures(vocab, &doc.sections[r].title));
        let named = group.iter().all(|p| doc.text(&p.span).contains("问题"));
        if of_measures_part || !intro.contains("问题") || !named {
            continue;
        }
        for e in group {
            let (found, rectification) = read_entry(doc, vocab, e);
            items.push(to_item(vocab, e, found, rectification));
        }
    }
    items
}

/// The last clause of a piece of text, outside brackets, without its final stop.
fn last_clause(doc: &Document, span: &Span) -> Span {
    let text = doc.text(span);
    let text = text.trim_end_matches(['。', ';', '；', '，', ',', ' ', '\u{3000}']);
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            '。' | ';' | '；' | '，' | ',' if depth <= 0 => start = i + c.len_utf8(),
            _ => {}
        }
    }
    span.start + start..span.start + text.len()
}

/// The cells of a line of a table written as text: `|`-separated, tab-separated, or aligned
/// with runs of two or more spaces. Each cell's bytes, trimmed.
pub fn cells(text: &str, at: usize) -> Vec<Span> {
    let trimmed = |r: Span| {
        let t = &text[r.clone()];
        let lead = t.len() - t.trim_start().len();
        let trail = (t.len() - t.trim_end().len()).min(t.len() - lead);
        at + r.start + lead..at + r.end - trail
    };
    let mut out = Vec::new();
    let mut push_split = |seps: &mut dyn Iterator<Item = (usize, usize)>| {
        let mut start = 0;
        for (i, len) in seps {
            out.push(trimmed(start..i));
            start = i + len;
        }
        out.push(trimmed(start..text.len()));
    };
    if text.contains('|') {
        push_split(&mut text.match_indices('|').map(|(i, m)| (i, m.len())));
        // "| a | b |": the empty cells outside the first and last bar are not cells.
        if text.trim_start().starts_with('|') && !out.is_empty() {
            out.remove(0);
        }
        if text.trim_end().ends_with('|') {
            out.pop();
        }
    } else if text.contains('\t') {
        push_split(&mut text.match_indices('\t').map(|(i, m)| (i, m.len())));
    } else {
        push_split(&mut ALIGNED.find_iter(text).map(|m| (m.start(), m.len())));
    }
    out
}

/// The gap between two cells of a space-aligned table.
static ALIGNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?: {2,}|\u{3000}+)").expect("valid pattern"));

/// True when a column's name says its cells name the problems.
fn names_problems(vocab: &Vocabulary, name: &str) -> bool {
    let has = |words: &[String]| words.iter().any(|w| name.contains(w.as_str()));
    has(&vocab.items.problem_column) && !has(&vocab.items.not_problem_column)
}

/// The rows of tables written as text whose header names a status column (整改情况, 整改结果 …):
/// each row that opens with its number is an entry, its status read from that column, and the
/// cell of the column that names the problem (问题, 整改事项 …) kept to match the row to the
/// problem it refers to.
fn table_rows(doc: &Document, vocab: &Vocabulary) -> Vec<Entry> {
    let mut out = Vec::new();
    // (columns, status column, problem column)
    let mut header: Option<(usize, usize, Option<usize>)> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let text = doc.text(&b.span);
        let row = cells(text, b.span.start);
        if row.len() < 2 || b.kind == BlockKind::RunOn {
            header = None;
            continue;
        }
        let names: Vec<&str> = row.iter().map(|r| doc.text(r)).collect();
        if let Some(col) = names.iter().position(|n| vocab.is_status_label(n)) {
            let problem = names.iter().enumerate().position(|(k, n)| {
                k != col && !vocab.is_status_label(n) && names_problems(vocab, n)
            });
            header = (row.len() >= 3).then_some((row.len(), col, problem));
            continue;
        }
        let Some((columns, col, problem)) = header else {
            continue;
        };
        if names
            .iter()
            .all(|n| n.chars().all(|c| matches!(c, '-' | ':' | '：' | '—')))
        {
            continue;
        }
        let Some(number) = digits_value(names[0]) else {
            continue;
        };
        // A row with more or fewer cells than the header: count the status column from the
        // end when it is among the last columns.
        let cell = if row.len() == columns {
            row.get(col)
        } else {
            row.len()
                .checked_sub(columns - col)
                .filter(|_| col > 0)
                .and_then(|k| row.get(k))
        };
        let tag = cell.and_then(|c| {
            let (status, r, class) = vocab.status_class_in(doc.text(c))?;
            Some(Found {
                status,
                span: c.start + r.start..c.start + r.end,
                class,
                explicit: true,
            })
        });
        // The problem's cell only where the row has the header's cells.
        let text = problem
            .filter(|&p| p > 0 && row.len() == columns)
            .map(|p| row[p].clone());
        out.push(Entry {
            key: Key::Row,
            section: None,
            block: Some(i),
            head: b.span.clone(),
            span: b.span.clone(),
            number: Some(number),
            tag,
            text,
        });
    }
    out
}

/// The top-level heading an entry stands under, if any.
fn root_of(doc: &Document, e: &Entry) -> Option<usize> {
    let mut s = e
        .section
        .or_else(|| e.block.and_then(|b| doc.blocks[b].section))?;
    while let Some(p) = doc.sections[s].parent {
        s = p;
    }
    Some(s)
}

/// True when a top-level heading's title is about the work, not the problems.
fn of_measures(vocab: &Vocabulary, title: &str) -> bool {
    !title.contains("问题")
        && vocab
            .items
            .measure_heading
            .iter()
            .any(|w| title.contains(w.as_str()))
}

/// How a level ranks: explicit statuses, entries, entries with explicit statuses, depth.
type Score = (bool, usize, usize, usize);

/// How deep an entry stands: a heading's depth, or one below the heading a line stands under.
fn depth_of(doc: &Document, e: &Entry) -> usize {
    match (e.section, e.block) {
        (Some(s), _) => usize::from(doc.sections[s].depth),
        (None, Some(b)) => {
            doc.blocks[b]
                .section
                .map_or(0, |s| usize::from(doc.sections[s].depth))
                + 1
        }
        (None, None) => 0,
    }
}

/// The level whose entries carry statuses, as items, with the layout's name.
fn status_level(doc: &Document, vocab: &Vocabulary) -> Option<(String, Vec<Item>)> {
    let groups = entries(doc, vocab);
    let mut best: Option<(Score, Vec<Item>, String, Vec<Entry>)> = None;
    for (key, list) in &groups {
        if list.len() < 2 {
            continue;
        }
        let read: Vec<(Option<Found>, Vec<usize>)> =
            list.iter().map(|e| read_entry(doc, vocab, e)).collect();
        // Only the parts of the report where this level carries statuses, and not a part that
        // tells how the work was done (一、整改工作开展情况): its numbered lines are measures.
        // A table's rows under the last part may be an attachment after it (附件：……一览表),
        // whatever that part tells.
        let last_part = doc.sections.iter().rposition(|s| s.parent.is_none());
        let roots: Vec<Option<usize>> = list
            .iter()
            .zip(&read)
            .filter(|(_, r)| r.0.is_some())
            .map(|(e, _)| root_of(doc, e))
            .filter(|r| {
                (*key == Key::Row && *r == last_part)
                    || !r.is_some_and(|r| of_measures(vocab, &doc.sections[r].title))
            })
            .collect();
        let kept: Vec<usize> = (0..list.len())
            .filter(|&i| roots.contains(&root_of(doc, &list[i])))
            .collect();
        let n = kept.len();
        let any = kept.iter().filter(|&&i| read[i].0.is_some()).count();
        let explicit = kept
            .iter()
            .filter(|&&i| read[i].0.as_ref().is_some_and(|f| f.explicit))
            .count();
        if n < 2 || 5 * any < 3 * n {
            continue;
        }
        let is_explicit = 5 * explicit >= 3 * n;
        // On a tie the deeper level: items under the headings that group them.
        let depth = kept
            .iter()
            .map(|&i| depth_of(doc, &list[i]))
            .min()
            .unwrap_or(0);
        let score = (is_explicit, n, explicit, depth);
        let better = best.as_ref().is_none_or(|(b, ..)| score > *b);
        if !better {
            continue;
        }
        let items = kept
            .iter()
            .map(|&i| {
                let (found, rectification) = read[i].clone();
                to_item(vocab, &list[i], found, rectification)
            })
            .collect();
        let rows = if *key == Key::Row {
            kept.iter().map(|&i| list[i].clone()).collect()
        } else {
            Vec::new()
        };
        best = Some((score, items, layout_name(doc, key, &list[0]), rows));
    }
    let (_, mut items, mut name, rows) = best?;
    if let Some((joined_name, joined_items)) = joined(doc, vocab, &groups, &rows) {
        name = joined_name;
        items = joined_items;
    }
    items.sort_by_key(|i| i.span.start);
    Some((name, items))
}

/// The items listed in the body (numbered headings or lines) whose statuses stand only in a
/// table's rows elsewhere (序号 问题 …… 整改进展), as one list: each body entry with its row's
/// status. The body's entries and the rows must be as many, and each pair must refer to the
/// same problem: the same number, or the row's problem cell matching the entry's words; where
/// the rows name the problems, at least half the pairs must match by words.
fn joined(
    doc: &Document,
    vocab: &Vocabulary,
    groups: &[(Key, Vec<Entry>)],
    rows: &[Entry],
) -> Option<(String, Vec<Item>)> {
    if rows.len() < 2 {
        return None;
    }
    let named = rows.iter().filter(|r| r.text.is_some()).count();
    let table = table_start(doc, &rows[0]);
    // (pairs matched by words, depth): the best body level.
    let mut best: Option<((usize, usize), String, Vec<Item>)> = None;
    for (key, list) in groups {
        if matches!(key, Key::Row | Key::Inline) {
            continue;
        }
        let body: Vec<Entry> = list
            .iter()
            .filter(|e| {
                !root_of(doc, e).is_some_and(|r| of_measures(vocab, &doc.sections[r].title))
            })
            .map(|e| before_table(doc, e, table))
            .collect();
        let body: Vec<&Entry> = body.iter().collect();
        if body.len() < rows.len() {
            continue;
        }
        // The table stands apart from the entries, not inside one of them; a table after the
        // last entry may read as part of its text (an attachment with no heading of its own).
        let inside = |r: &Entry| {
            body[..body.len() - 1]
                .iter()
                .any(|e| e.span.start <= r.span.start && r.span.start < e.span.end)
        };
        if rows.iter().any(inside) {
            continue;
        }
        let Some((pairs, by_words)) = pair_rows(doc, &body, rows) else {
            continue;
        };
        if 2 * by_words < named {
            continue;
        }
        let depth = body.iter().map(|e| depth_of(doc, e)).min().unwrap_or(0);
        let score = (by_words, depth);
        if best.as_ref().is_some_and(|(b, ..)| *b >= score) {
            continue;
        }
        let items = body
            .iter()
            .enumerate()
            .map(|(j, e)| {
                let (own, rectification) = read_entry(doc, vocab, e);
                let row = pairs.iter().find(|&&(b, _)| b == j).map(|&(_, r)| &rows[r]);
                let found = row.and_then(|r| r.tag.clone()).or(own);
                to_item(vocab, e, found, rectification)
            })
            .collect();
        let name = format!(
            "{}, statuses in a table's rows",
            layout_name(doc, key, body[0])
        );
        best = Some((score, name, items));
    }
    best.map(|(_, name, items)| (name, items))
}

/// Where the table a row belongs to starts: its header line, or the attachment title right
/// before the header (附件：……一览表).
fn table_start(doc: &Document, row: &Entry) -> usize {
    let Some(b) = row.block else {
        return row.span.start;
    };
    let mut k = b;
    while k > 0 && doc.blocks[k - 1].kind != BlockKind::RunOn {
        let text = doc.text(&doc.blocks[k - 1].span);
        if cells(text, 0).len() >= 2 {
            k -= 1;
        } else {
            break;
        }
    }
    if k > 0 {
        let text = doc.text(&doc.blocks[k - 1].span);
        if text.starts_with("附") && !text.contains('。') {
            k -= 1;
        }
    }
    doc.blocks[k].span.start
}

/// An entry whose text runs on into a table after it (the last problem before an attachment),
/// cut short where the table starts.
fn before_table(doc: &Document, e: &Entry, table: usize) -> Entry {
    let mut e = e.clone();
    if e.span.start < table && table < e.span.end {
        let end = doc.blocks[doc.blocks_in(&(e.span.start..table))]
            .last()
            .map_or(e.head.end, |b| b.span.end);
        e.span = e.span.start..end.max(e.head.end);
    }
    e
}

/// Each row's body entry, as (entry, row) pairs, and how many pairs match by words. As many
/// rows as entries pair in order, each pair naming the same problem or bearing the same
/// number; fewer rows (a table of the open problems only) each find the next entry that names
/// the same problem, else the one entry with the row's number where the body numbers each
/// problem once.
fn pair_rows(
    doc: &Document,
    body: &[&Entry],
    rows: &[Entry],
) -> Option<(Vec<(usize, usize)>, usize)> {
    let words = |e: &Entry, r: &Entry| {
        r.text
            .as_ref()
            .is_some_and(|t| same_problem(doc.text(t), doc.text(&e.head)))
    };
    let numbered = |e: &Entry, r: &Entry| e.number.is_some() && e.number == r.number;
    let mut pairs = Vec::new();
    let mut by_words = 0;
    if body.len() == rows.len() {
        for (j, (e, r)) in body.iter().zip(rows).enumerate() {
            let w = words(e, r);
            if !w && !numbered(e, r) {
                return None;
            }
            by_words += usize::from(w);
            pairs.push((j, j));
        }
        return Some((pairs, by_words));
    }
    let mut numbers: Vec<Option<u32>> = body.iter().map(|e| e.number).collect();
    numbers.sort_unstable();
    let unique = numbers.iter().all(Option::is_some) && numbers.windows(2).all(|w| w[0] != w[1]);
    let mut next = 0;
    for (k, r) in rows.iter().enumerate() {
        let j = match (next..body.len()).find(|&j| words(body[j], r)) {
            Some(j) => {
                by_words += 1;
                j
            }
            None if unique => (next..body.len()).find(|&j| numbered(body[j], r))?,
            None => return None,
        };
        pairs.push((j, k));
        next = j + 1;
    }
    Some((pairs, by_words))
}

/// Characters of a problem's words that do not tell problems apart.
fn is_filler(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || "，。；：、“”‘’（）《》【】！？…—\u{3000}".contains(c)
}

/// True when a table's cell naming a problem and an entry's words name the same problem: the
/// one holds the other, or they open alike for most of the shorter's first clause.
fn same_problem(cell: &str, entry: &str) -> bool {
    let first = entry
        .find(['，', ',', '。', '；', ';', '\n'])
        .map_or(entry, |i| &entry[..i]);
    let squeeze = |t: &str| -> Vec<char> { t.chars().filter(|&c| !is_filler(c)).collect() };
    let (c, e, f) = (squeeze(cell), squeeze(entry), squeeze(first));
    if c.len() < 4 {
        return false;
    }
    let holds = |a: &[char], b: &[char]| b.len() >= 4 && a.windows(b.len()).any(|w| w == b);
    if holds(&e, &c) || holds(&c, &f) {
        return true;
    }
    let common = c.iter().zip(&f).take_while(|(a, b)| a == b).count();
    common >= 4 && 5 * common >= 3 * c.len().min(f.len())
}

/// The layout in words.
fn layout_name(doc: &Document, key: &Key, first: &Entry) -> String {
    match key {
        Key::Heading(_) => {
            let s = first
                .section
                .map_or("", |s| doc.text(&doc.sections[s].marker.span));
            format!("numbered headings {s}")
        }
        Key::Line(k) => format!("lines opening with {k}"),
        Key::Tagged => "lines opening with a status tag, then a number".to_string(),
        Key::Row => "rows of a table with a status column".to_string(),
        Key::Inline => "inline enumerations 一是……二是……".to_string(),
    }
}

/// The label a block opens with: its own, a bracketed one, or a run-on one.
fn block_label<'a>(doc: &'a Document, b: &'a Block) -> Option<(&'a str, usize)> {
    if let BlockKind::Labelled { label, label_span } = &b.kind {
        return Some((label, label_span.end));
    }
    let text = doc.text(&b.span);
    if let Some(c) = BRACKET_LABEL.captures(text) {
        let m = c.get(0).expect("group 0 always takes part");
        let l = c.get(1).expect("group 1 always takes part");
        return Some((&text[l.range()], b.span.start + m.end()));
    }
    b.inline.iter().find_map(|i| match i {
        Inline::Label { label, span } if span.start == b.span.start => {
            Some((label.as_str(), span.end))
        }
        _ => None,
    })
}

/// The status a bracketed tag at the start or end of a title states.
fn title_tag(doc: &Document, vocab: &Vocabulary, head: &Span) -> Option<Found> {
    let text = doc.text(head);
    let first_line = &text[..text.find('\n').unwrap_or(text.len())];
    let first_sentence = first_line
        .find('。')
        .map_or(first_line, |i| &first_line[..i + '。'.len_utf8()]);
    for (re, within) in [(&*TAG_START, first_line), (&*TAG_END, first_sentence)] {
        let Some(c) = re.captures(within) else {
            continue;
        };
        let tag = c.get(1).expect("group 1 always takes part");
        if let Some((status, r, class)) = vocab.status_class_in(tag.as_str()) {
            let at = head.start + tag.start();
            return Some(Found {
                status,
                span: at + r.start..at + r.end,
                class,
                explicit: true,
            });
        }
    }
    None
}

/// The status after a label: in its first clause, else in the block's last sentence.
fn after_label(doc: &Document, vocab: &Vocabulary, b: &Block, label_end: usize) -> Option<Found> {
    let text = &doc.source[label_end.min(b.span.end)..b.span.end];
    let text = text.trim_start_matches([':', '：', ' ', '\u{3000}']);
    let start = b.span.end - text.len();
    let clause_end = text.find(['。', ';', '；']).unwrap_or(text.len());
    let found = |(status, r, class): (Status, Span, Option<usize>), at: usize| Found {
        status,
        span: at + r.start..at + r.end,
        class,
        explicit: true,
    };
    if text[..clause_end].chars().count() <= 40 {
        if let Some(hit) = vocab.status_class_in(&text[..clause_end]) {
            return Some(found(hit, start));
        }
    }
    let sentence = last_sentence(doc, &b.span);
    let hit = vocab.status_class_in(&doc.source[sentence.clone()])?;
    Some(found(hit, sentence.start))
}

/// An entry's status and its rectification blocks. The entry's own marker wins: a status tag,
/// then status lines (整改进展:…), then the short clause after a rectification label, then the
/// last sentence of its text.
fn read_entry(doc: &Document, vocab: &Vocabulary, e: &Entry) -> (Option<Found>, Vec<usize>) {
    if e.key == Key::Inline {
        let clause = last_clause(doc, &e.span);
        let found = vocab
            .status_class_in(doc.text(&clause))
            .map(|(status, r, class)| Found {
                status,
                span: clause.start + r.start..clause.start + r.end,
                class,
                explicit: false,
            });
        return (found, Vec::new());
    }
    let within: Vec<usize> = doc.blocks_in(&e.span).collect();
    let mut rectification = Vec::new();
    let mut lines: Vec<Found> = Vec::new();
    let mut short: Option<Found> = None;
    for &i in &within {
        let b = &doc.blocks[i];
        let Some((label, end)) = block_label(doc, b) else {
            continue;
        };
        // A status line answers the problem as much as a rectification paragraph does.
        if vocab.is_rectification_label(label) || vocab.is_status_label(label) {
            rectification.push(i);
        }
        if vocab.is_status_label(label) {
            lines.extend(after_label(doc, vocab, b, end));
        } else if vocab.is_rectification_label(label) && short.is_none() {
            short = short_clause(doc, vocab, b, end);
        }
    }
    if let Some(tag) = e.tag.clone().or_else(|| title_tag(doc, vocab, &e.head)) {
        return (Some(tag), rectification);
    }
    if let Some(first) = lines.first().cloned() {
        if lines.iter().all(|f| f.status == first.status) {
            return (Some(first), rectification);
        }
        let open = lines.iter().find(|f| f.status != Status::Done).cloned();
        let mut f = open.unwrap_or(first);
        f.status = Status::Partial;
        f.class = None;
        return (Some(f), rectification);
    }
    if short.is_some() {
        return (short, rectification);
    }
    let last = within.last().map(|&i| &doc.blocks[i]);
    let found = last.and_then(|b| {
        let sentence = last_sentence(doc, &b.span);
        let (status, r, class) = vocab.status_class_in(&doc.source[sentence.clone()])?;
        Some(Found {
            status,
            span: sentence.start + r.start..sentence.start + r.end,
            class,
            explicit: false,
        })
    });
    (found, rectification)
}

/// The status in the short first clause after a rectification label ("整改措施:已完成。").
fn short_clause(doc: &Document, vocab: &Vocabulary, b: &Block, label_end: usize) -> Option<Found> {
    let text = &doc.source[label_end.min(b.span.end)..b.span.end];
    let text = text.trim_start_matches([':', '：', ' ', '\u{3000}']);
    let start = b.span.end - text.len();
    let clause_end = text.find(['。', ';', '；']).unwrap_or(text.len());
    if text[..clause_end].chars().count() > 24 {
        return None;
    }
    let (status, r, class) = vocab.status_class_in(&text[..clause_end])?;
    Some(Found {
        status,
        span: start + r.start..start + r.end,
        class,
        explicit: true,
    })
}

fn new_item(section: Option<usize>, block: Option<usize>, head: Span, span: Span) -> Item {
    Item {
        section,
        block,
        head_span: head,
        span,
        rectification: Vec::new(),
        status: Status::Unknown,
        status_span: None,
        class: None,
        number: None,
    }
}

/// Headings that name a problem, outermost only, and "反馈问题:" paragraphs outside them.
fn marked_items(doc: &Document, vocab: &Vocabulary) -> Vec<Item> {
    let mut items = Vec::new();
    let mut marked = vec![false; doc.sections.len()];
    for (i, s) in doc.sections.iter().enumerate() {
        let inside = s.parent.is_some_and(|p| marked[p]);
        marked[i] = inside || vocab.is_problem_heading(&s.title);
        if marked[i] && !inside {
            items.push(new_item(
                Some(i),
                None,
                s.title_span.clone(),
                s.span.clone(),
            ));
        }
    }
    let problem = |b: &Block| matches!(&b.kind, BlockKind::Labelled { label, .. } if vocab.is_problem_label(label));
    for (i, b) in doc.blocks.iter().enumerate() {
        if !problem(b) || b.section.is_some_and(|s| marked[s]) {
            continue;
        }
        // The item runs to the next problem paragraph or heading, whichever comes first.
        let end = doc.blocks[i + 1..]
            .iter()
            .take_while(|n| n.section == b.section && !problem(n))
            .last()
            .map_or(b.span.end, |n| n.span.end);
        let next_heading = doc
            .next_section_after(b.span.start)
            .map_or(usize::MAX, |s| doc.sections[s].line_span.start);
        items.push(new_item(
            None,
            Some(i),
            b.span.clone(),
            b.span.start..end.min(next_heading).max(b.span.end),
        ));
    }
    items
}

/// True when a block is, or carries, rectification text.
fn is_rectification(block: &Block, vocab: &Vocabulary) -> bool {
    match &block.kind {
        BlockKind::Labelled { label, .. } if vocab.is_rectification_label(label) => true,
        _ => block.inline.iter().any(
            |i| matches!(i, Inline::Label { label, .. } if vocab.is_rectification_label(label)),
        ),
    }
}

/// The innermost headings whose own text includes rectification text.
fn innermost_items(doc: &Document, vocab: &Vocabulary) -> Vec<Item> {
    let own = |s: usize| {
        doc.sections[s]
            .blocks
            .iter()
            .any(|&b| is_rectification(&doc.blocks[b], vocab))
    };
    let has: Vec<bool> = (0..doc.sections.len()).map(own).collect();
    let mut below = vec![false; doc.sections.len()];
    for i in (0..doc.sections.len()).rev() {
        if let Some(p) = doc.sections[i].parent {
            below[p] |= has[i] || below[i];
        }
    }
    (0..doc.sections.len())
        .filter(|&i| has[i] && !below[i])
        .map(|i| {
            let s = &doc.sections[i];
            new_item(Some(i), None, s.title_span.clone(), s.span.clone())
        })
        .collect()
}

/// Read an item's status: from the first words of each piece of rectification text, else
/// from the last sentence; sub-points that disagree make the item partial.
fn read_status(doc: &Document, vocab: &Vocabulary, item: &mut Item) {
    let within: Vec<usize> = doc.blocks_in(&item.span).collect();
    item.rectification = within
        .iter()
        .copied()
        .filter(|&b| is_rectification(&doc.blocks[b], vocab))
        .collect();
    let sources: Vec<usize> = if item.rectification.is_empty() {
        within.last().copied().into_iter().collect()
    } else {
        item.rectification.clone()
    };
    let mut found: Vec<(Status, Span)> = Vec::new();
    for b in sources {
        if let Some(hit) = block_status(doc, vocab, &doc.blocks[b]) {
            found.push(hit);
        }
    }
    let Some(first) = found.first().cloned() else {
        return;
    };
    if found.iter().all(|(s, _)| *s == first.0) {
        item.status = first.0;
        item.status_span = Some(first.1);
    } else {
        item.status = Status::Partial;
        item.status_span = found
            .iter()
            .find(|(s, _)| *s != Status::Done)
            .map(|(_, span)| span.clone());
    }
}

/// The status one block states: in the short clause after its label ("整改情况:整改完成。"),
/// else in its last sentence.
fn block_status(doc: &Document, vocab: &Vocabulary, block: &Block) -> Option<(Status, Span)> {
    let label_end = match &block.kind {
        BlockKind::Labelled { label_span, .. } => Some(label_span.end),
        _ => block.inline.iter().find_map(|i| match i {
            Inline::Label { label, span } if vocab.is_rectification_label(label) => Some(span.end),
            _ => None,
        }),
    };
    if let Some(start) = label_end {
        let text = &doc.source[start..block.span.end];
        let text = text.trim_start_matches([':', '：', ' ', '\u{3000}']);
        let start = block.span.end - text.len();
        let clause_end = text.find(['。', ';', '；']).unwrap_or(text.len());
        if text[..clause_end].chars().count() <= 24 {
            if let Some((s, r)) = vocab.status_in(&text[..clause_end]) {
                return Some((s, start + r.start..start + r.end));
            }
        }
    }
    let sentence = last_sentence(doc, &block.span);
    let (s, r) = vocab.status_in(&doc.source[sentence.clone()])?;
    Some((s, sentence.start + r.start..sentence.start + r.end))
}

/// The last sentence of a block, without its final stop.
fn last_sentence(doc: &Document, span: &Span) -> Span {
    let text = doc.source[span.clone()].trim_end_matches(['。', ';', '；', ' ', '\u{3000}']);
    let start = text.rfind(['。', ';', '；', ':', '：']).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    span.start + start..span.start + text.len()
}

#[cfg(test)]
mod tests {
    use super::same_problem;
    use crate::analyse;
    use crate::document::Status;

    #[test]
    fn a_cell_names_the_problem_it_abridges() {
        // The cell holds the entry's first clause, or the entry holds the cell.
        assert!(same_problem(
            "防汛物资管理台账不全",
            "防汛物资管理台账不全。"
        ));
        assert!(same_problem(
            "镇属公房出租未公开招租",
            "镇属公房出租未公开招租，租金收缴不及时。"
        ));
        assert!(same_problem(
            "“一村一策”落实不到位",
            "一村一策落实不到位，进度偏慢。"
        ));
        // Openings alike for most of the shorter.
        assert!(same_problem(
            "村级财务公开不及时问题",
            "村级财务公开不及时，公开内容不全。"
        ));
        // Other problems, or words too short to tell.
        assert!(!same_problem(
            "防汛物资管理台账不全",
            "惠农补贴发放审核把关不严。"
        ));
        assert!(!same_problem("副镇长", "副镇长分管领域廉政风险排查不全。"));
        assert!(!same_problem(
            "村级党组织书记培训不够",
            "村级财务公开不及时。"
        ));
    }

    /// A report whose problems 1.–3. are listed in the body without statuses, and a table after
    /// the closing with the given rows (序号, problem, status).
    fn report(header: &str, rows: &[(&str, &str, &str)]) -> String {
        let mut t = String::from(
            "中共桤木县苇塘镇委员会关于巡察整改进展情况的通报\n\n\
             截至2024年9月30日，巡察反馈问题3个，已完成整改2个，正在整改1个。\n\
             一、巡察反馈问题整改情况\n\
             1．村务监督委员会作用发挥不充分。\n建立村务监督月报制度。\n\
             2．集体资产台账登记不全。\n逐村清查集体资产。\n\
             3．河道保洁责任落实不到位。\n签订河道保洁责任书。\n\
             二、下一步工作打算\n持续推进整改。\n\n中共桤木县苇塘镇委员会\n2024年10月9日\n\n附件：整改进展一览表\n",
        );
        t.push_str(header);
        t.push('\n');
        for (n, p, s) in rows {
            t.push_str(&format!("{n}\t{p}\t苇塘镇\t{s}\n"));
        }
        t
    }

    fn summary(text: &str) -> (String, Vec<(Option<u32>, Status, bool)>) {
        let (doc, _) = analyse(text);
        let items = doc
            .items
            .iter()
            .map(|i| (i.number, i.status, i.section.is_some()))
            .collect();
        (doc.layout.name, items)
    }

    #[test]
    fn body_items_take_the_statuses_of_the_rows_that_name_them() {
        let text = report(
            "序号\t问题\t责任单位\t整改进展",
            &[
                ("1", "村务监督委员会作用发挥不充分", "已完成"),
                ("2", "集体资产台账登记不全", "正在整改"),
                ("3", "河道保洁责任落实不到位", "已完成"),
            ],
        );
        let (name, items) = summary(&text);
        assert!(name.ends_with("statuses in a table's rows"), "{name}");
        assert_eq!(
            items,
            [
                (Some(1), Status::Done, true),
                (Some(2), Status::Ongoing, true),
                (Some(3), Status::Done, true)
            ]
        );
    }

    #[test]
    fn rows_keyed_by_number_alone_are_joined_by_number() {
        let text = report(
            "序号\t牵头领导\t责任单位\t整改进展",
            &[
                ("1", "党委书记", "正在整改"),
                ("2", "党委副书记", "已完成"),
                ("3", "纪委书记", "已完成"),
            ],
        );
        let (name, items) = summary(&text);
        assert!(name.ends_with("statuses in a table's rows"), "{name}");
        let statuses: Vec<Status> = items.iter().map(|i| i.1).collect();
        assert_eq!(statuses, [Status::Ongoing, Status::Done, Status::Done]);
    }

    #[test]
    fn rows_that_name_other_problems_stay_the_items() {
        // Same numbers, other problems: the table is another list, and its rows are the items.
        let text = report(
            "序号\t问题\t责任单位\t整改进展",
            &[
                ("1", "农贸市场消防通道堵塞", "已完成"),
                ("2", "校车接送登记制度缺失", "正在整改"),
                ("3", "老旧小区加装电梯进度慢", "已完成"),
            ],
        );
        let (name, items) = summary(&text);
        assert_eq!(name, "rows of a table with a status column");
        assert!(items.iter().all(|i| !i.2));
        // Fewer rows, naming other problems: not joined either.
        let text = report(
            "序号\t问题\t责任单位\t整改进展",
            &[
                ("1", "农贸市场消防通道堵塞", "已完成"),
                ("2", "校车接送登记制度缺失", "正在整改"),
            ],
        );
        let (name, items) = summary(&text);
        assert_eq!(name, "rows of a table with a status column");
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn a_table_of_some_problems_gives_those_their_statuses() {
        // A table of the open problems only: every body item stays, those in the table with
        // its status, by words even where the table numbers its rows anew.
        let text = report(
            "序号\t问题\t责任单位\t整改进展",
            &[("1", "集体资产台账登记不全", "正在整改")],
        ) + "2\t河道保洁责任落实不到位\t苇塘镇\t正在整改\n";
        let (name, items) = summary(&text);
        assert!(name.ends_with("statuses in a table's rows"), "{name}");
        assert_eq!(
            items,
            [
                (Some(1), Status::Unknown, true),
                (Some(2), Status::Ongoing, true),
                (Some(3), Status::Ongoing, true)
            ]
        );
        // Keyed by number alone, where the body numbers each problem once.
        let text = report(
            "序号\t牵头领导\t责任单位\t整改进展",
            &[("2", "党委书记", "正在整改"), ("3", "纪委书记", "已完成")],
        );
        let (_, items) = summary(&text);
        let statuses: Vec<Status> = items.iter().map(|i| i.1).collect();
        assert_eq!(statuses, [Status::Unknown, Status::Ongoing, Status::Done]);
        // A row whose words and number match no body item left: no join.
        let text = report(
            "序号\t问题\t责任单位\t整改进展",
            &[
                ("3", "河道保洁责任落实不到位", "已完成"),
                ("4", "农贸市场消防通道堵塞", "正在整改"),
            ],
        );
        let (name, _) = summary(&text);
        assert_eq!(name, "rows of a table with a status column");
    }

    fn layout_and_count(text: &str) -> (String, usize) {
        let (doc, _) = analyse(text);
        (doc.layout.name, doc.items.len())
    }

    #[test]
    fn an_enumeration_of_problems_lists_the_items() {
        let opening =
            "关于县水务公司审计发现问题整改情况的报告\n\n截至2024年6月30日，审计发现问题2个。\n";
        let problems = "审计发现的问题及整改情况：一是管网维修费用未按合同结算的问题，已重新结算；二是备用金长期未清理的问题，已全部收回。\n";
        let report = format!("{opening}{problems}\n县水务公司\n2024年7月9日\n");
        let (doc, _) = analyse(&report);
        assert!(
            doc.layout
                .name
                .starts_with("inline enumerations naming problems"),
            "{}",
            doc.layout.name
        );
        assert_eq!(doc.items.len(), 2);
        assert!(doc.layout.complete);
        // Called the main problems: listed, but not taken for the whole list.
        let (doc, _) = analyse(&report.replace("发现的问题", "发现的主要问题"));
        assert_eq!(doc.items.len(), 2);
        assert!(!doc.layout.complete);
        let why = doc.layout.unchecked.unwrap_or_default();
        assert!(why.contains("main problems"), "{why}");
        // Pieces that do not all name a problem are measures: no items.
        let measures = "针对审计发现的问题：一是建立费用结算台账；二是开展财务人员培训。\n";
        let (name, n) =
            layout_and_count(&format!("{opening}{measures}\n县水务公司\n2024年7月9日\n"));
        assert_eq!((name.as_str(), n), ("none", 0));
        // Nor an enumeration whose opening words do not speak of problems.
        let plans = "下一步工作：一是解决遗留问题；二是健全问题台账制度。\n";
        let (name, n) = layout_and_count(&format!("{opening}{plans}\n县水务公司\n2024年7月9日\n"));
        assert_eq!((name.as_str(), n), ("none", 0));
    }

    #[test]
    fn a_table_of_measures_in_an_earlier_part_is_no_list_of_problems() {
        let text = "中共桤木县竹溪镇委员会关于巡察整改进展情况的通报\n\n\
             一、整改工作开展情况\n\
             序号\t工作任务\t责任单位\t整改进展\n\
             1\t召开专题会议\t党政办\t已完成\n\
             2\t制定整改方案\t党政办\t已完成\n\
             3\t建立整改台账\t纪委\t已完成\n\
             二、巡察反馈问题整改情况\n\
             1．村级财务公开不及时。\n整改进展：已完成。\n\
             2．农村危房改造验收不严。\n整改进展：正在整改。\n\
             三、下一步工作打算\n持续推进整改。\n\n中共桤木县竹溪镇委员会\n2024年10月9日\n";
        let (name, items) = summary(text);
        assert!(name.starts_with("numbered headings"), "{name}");
        let statuses: Vec<Status> = items.iter().map(|i| i.1).collect();
        assert_eq!(statuses, [Status::Done, Status::Ongoing]);
        // The same table after the last part (an attachment read into it) is the problems'.
        let (body, table) = text.split_at(text.find("序号").unwrap());
        let (table, rest) = table.split_at(table.find("二、").unwrap());
        let moved = format!("{body}{rest}\n附件：整改任务一览表\n{table}").replace(
            "一、整改工作开展情况\n二、",
            "一、整改工作开展情况\n镇党委逐项推进。\n二、",
        );
        let (name, _) = summary(&moved);
        assert_eq!(name, "rows of a table with a status column", "{moved}");
    }

    #[test]
    fn a_category_column_is_not_the_problems_name() {
        let text = report(
            "序号\t问题类别\t问题\t责任单位\t整改进展",
            &[
                ("1", "基层治理\t村务监督委员会作用发挥不充分", "已完成"),
                ("2", "资产管理\t集体资产台账登记不全", "正在整改"),
                ("3", "生态环境\t河道保洁责任落实不到位", "已完成"),
            ],
        );
        let (name, items) = summary(&text);
        assert!(name.ends_with("statuses in a table's rows"), "{name}");
        let statuses: Vec<Status> = items.iter().map(|i| i.1).collect();
        assert_eq!(statuses, [Status::Done, Status::Ongoing, Status::Done]);
        // Categories only: nothing names the problems, and the numbers alone key the rows.
        let text = text.replace("\t问题\t责任单位", "\t牵头领导\t责任单位");
        let (name, _) = summary(&text);
        assert!(name.ends_with("statuses in a table's rows"), "{name}");
    }
}
