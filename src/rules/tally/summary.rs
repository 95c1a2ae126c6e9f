//! A summary table of counts by area, written as text ("方面\t问题数\t已完成\t正在整改", then one
//! row per area and a 合计 row): each row against the items under the heading that names its area.

use crate::document::{Item, Span, Status};
use crate::facts::tallies::Bucket;
use crate::rules::{Context, Hit};

/// What a column of the table counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// The area's name.
    Name,
    /// The area's problems.
    Total,
    /// The area's problems of one status.
    Status(Bucket),
}

/// Words of a header cell that counts the problems.
const TOTAL_WORDS: &[&str] = &["问题数", "问题个数", "反馈问题", "问题总数", "数量", "总数"];

/// Names of a row that sums the others.
const SUM_ROW: &[&str] = &["合计", "总计", "小计"];

/// The column a header cell names.
fn column(vocab: &crate::parse::vocab::Vocabulary, name: &str) -> Option<Column> {
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let said = |words: &[String]| words.iter().any(|w| name.contains(w.as_str()));
    let t = &vocab.tally;
    if has(TOTAL_WORDS) {
        Some(Column::Total)
    } else if let Some(k) = vocab.class_named(name) {
        Some(Column::Status(Bucket::Class(k)))
    } else if said(&t.partial) {
        Some(Column::Status(Bucket::Partial))
    } else if said(&t.open) {
        Some(Column::Status(Bucket::Open))
    } else if said(&t.done) {
        Some(Column::Status(Bucket::Done))
    } else {
        None
    }
}

/// One row's comparison: the stated figure's bytes and value, what it counts, the items.
pub(in crate::rules) struct RowCheck {
    /// The cell.
    pub span: Span,
    /// Its value.
    pub stated: u32,
    /// What it counts.
    pub column: Bucket,
    /// The row's stated total, when it has one.
    pub total: Option<(Span, u32)>,
    /// The items under the area's heading.
    pub items: Vec<usize>,
    /// The classes the table counts apart.
    pub classes: Vec<usize>,
    /// Whether the table counts partial items apart.
    pub split_partial: bool,
    /// The heading's title.
    pub heading: Span,
}

/// The rows of summary tables of counts, each status cell with the items it counts.
pub(in crate::rules) fn rows(cx: &Context) -> Vec<RowCheck> {
    let doc = cx.doc;
    let mut out = Vec::new();
    let mut header: Option<Vec<Option<Column>>> = None;
    for b in &doc.blocks {
        let cells = crate::parse::item::cells(doc.text(&b.span), b.span.start);
        if cells.len() < 3 {
            header = None;
            continue;
        }
        let names: Vec<&str> = cells.iter().map(|c| doc.text(c)).collect();
        let numbers: Vec<Option<u32>> = names[1..]
            .iter()
            .map(|n| crate::text::numeral::digits_value(n))
            .collect();
        if numbers.iter().all(Option::is_none) {
            let cols: Vec<Option<Column>> = std::iter::once(Some(Column::Name))
                .chain(names[1..].iter().map(|n| column(cx.vocab, n)))
                .collect();
            let statuses = cols
                .iter()
                .filter(|c| matches!(c, Some(Column::Status(_))))
                .count();
            header = (statuses >= 2 && cols.iter().skip(1).all(Option::is_some)).then_some(cols);
            continue;
        }
        let Some(cols) = header.as_ref().filter(|h| h.len() == cells.len()) else {
            continue;
        };
        if numbers.iter().any(Option::is_none) {
            continue;
        }
        let Some((items, heading)) = area_items(doc, names[0]) else {
            continue;
        };
        let buckets: Vec<Bucket> = cols
            .iter()
            .filter_map(|c| match c {
                Some(Column::Status(b)) => Some(*b),
                _ => None,
            })
            .collect();
        let classes = buckets
            .iter()
            .filter_map(|b| match b {
                Bucket::Class(k) => Some(*k),
                _ => None,
            })
            .collect::<Vec<_>>();
        let total = cols
            .iter()
            .position(|c| *c == Some(Column::Total))
            .and_then(|k| Some((cells[k].clone(), numbers[k - 1]?)));
        for (k, col) in cols.iter().enumerate().skip(1) {
            if let (Some(Column::Status(bucket)), Some(value)) = (col, numbers[k - 1]) {
                out.push(RowCheck {
                    span: cells[k].clone(),
                    stated: value,
                    column: *bucket,
                    total: total.clone(),
                    items: items.clone(),
                    classes: classes.clone(),
                    split_partial: buckets.contains(&Bucket::Partial),
                    heading: heading.clone(),
                });
            }
        }
    }
    out
}

/// The items of the area a row names: under the one heading whose title contains the name,
/// or all items for a 合计 row.
fn area_items(doc: &crate::document::Document, name: &str) -> Option<(Vec<usize>, Span)> {
    if !doc.layout.complete || doc.items.is_empty() {
        return None;
    }
    let under = |span: &Span| -> Vec<usize> {
        (0..doc.items.len())
            .filter(|&i| span.start <= doc.items[i].span.start && doc.items[i].span.end <= span.end)
            .collect()
    };
    if SUM_ROW.contains(&name) {
        let first = doc.items[0].head_span.clone();
        return Some(((0..doc.items.len()).collect(), first));
    }
    if name.chars().count() < 2 {
        return None;
    }
    let mut found = doc
        .sections
        .iter()
        .filter(|s| s.title.contains(name))
        .map(|s| (under(&s.span), s.title_span.clone()))
        .filter(|(items, _)| !items.is_empty());
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// The items a row's status cell counts, as a range: items of unknown status, and of a class
/// the table does not count apart, may be any.
pub(in crate::rules) fn counted(
    doc: &crate::document::Document,
    vocab: &crate::parse::vocab::Vocabulary,
    r: &RowCheck,
) -> (u32, u32) {
    let (mut lo, mut slack) = (0, 0);
    for &i in &r.items {
        let item: &Item = &doc.items[i];
        let class = item
            .class
            .as_ref()
            .and_then(|n| vocab.classes.iter().position(|c| c.name == *n));
        let fits = match (r.column, class) {
            (Bucket::Class(k), Some(c)) => k == c,
            (Bucket::Class(_), None) => false,
            (_, Some(c)) if r.classes.contains(&c) => false,
            (Bucket::Done | Bucket::Open, Some(_)) => {
                slack += 1;
                false
            }
            (Bucket::Done, None) => item.status == Status::Done,
            (Bucket::Partial, None) => item.status == Status::Partial,
            (Bucket::Open, None) => {
                item.status == Status::Ongoing
                    || (!r.split_partial && item.status == Status::Partial)
            }
            _ => false,
        };
        if item.status == Status::Unknown {
            slack += 1;
        } else if fits {
            lo += 1;
        }
    }
    (lo, lo + slack)
}

/// A hit for a row's cell that the items under its heading cannot give.
pub(in crate::rules) fn hit(
    doc: &crate::document::Document,
    vocab: &crate::parse::vocab::Vocabulary,
    r: &RowCheck,
) -> Option<Hit> {
    let (lo, hi) = counted(doc, vocab, r);
    if (lo..=hi).contains(&r.stated) {
        return None;
    }
    let counted = if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}至{hi}")
    };
    let [done, partial, ongoing, unknown] = crate::facts::tallies::statuses(
        &r.items
            .iter()
            .map(|&i| doc.items[i].clone())
            .collect::<Vec<_>>(),
    );
    let total = r.total.as_ref().map_or(r.items.len() as u32, |t| t.1);
    let mut hit = Hit::at(r.span.clone())
        .value("stated", r.stated)
        .value("counted", counted)
        .value("status", r.column.words(vocab))
        .value("total", total)
        .value("unit", "个")
        .value("noun", "问题")
        .value("done", done)
        .value("partial", partial)
        .value("ongoing", ongoing)
        .value("unknown", unknown)
        .value("deadlines", "无")
        .label(r.heading.clone(), "该方面的标题");
    if let Some((span, _)) = &r.total {
        hit = hit.label(span.clone(), "总数");
    }
    Some(hit)
}
