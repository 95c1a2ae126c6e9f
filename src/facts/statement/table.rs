//! Tables written as text: rows of cells separated by `|` or tabs, a header row of names, rows
//! of figures and perhaps a 合计 row.
//!
//! ```text
//! 序号 | 地区 | 问题数 | 已整改 | 整改率
//! 1 | 东岭镇 | 12 | 11 | 91.7%
//! 合计 | 30 | 28 | 93.3%
//! ```
//!
//! A rate column (its name holds `率`, `占比` or `比例`) is a share of the nearest column before
//! it whose name says what was done (`已`, `完成`, `整改`, `办结`, `销号`), of the nearest column
//! before that one which counts the whole (`数`, `量`, `总`). Each row's rate is read against its
//! own counts. The 合计 row's counts are the sums of the columns when every other row is whole
//! (a table cut short states no sums). Rows are aligned to the header from the right, so a 合计
//! row whose label spans two columns still lines up.

use super::{Construction, Relation, Statement, exact, statement};
use crate::document::{Document, Span};
use crate::facts::{Figure, passages};

/// Words of a column name that say its count is what was done.
const DONE: &[&str] = &[
    "已", "完成", "整改", "办结", "辦結", "销号", "銷號", "到位", "解决", "解決",
];
/// Words of a column name that say it counts a whole.
const WHOLE: &[&str] = &["数", "數", "量", "总", "總", "合计", "合計"];
/// Words of a column name that say it is a rate.
const RATE: &[&str] = &["率", "占比", "佔比", "比例"];
/// Labels of a total row.
const TOTAL_ROW: &[&str] = &["合计", "合計", "总计", "總計", "合 计", "全部"];

/// One row: its cells' spans (trimmed, trailing empty cells dropped).
struct Row {
    cells: Vec<Span>,
}

/// Every statement of every table in the report.
pub fn read(doc: &Document, figures: &[Figure]) -> Vec<Statement> {
    let source = &doc.source;
    let mut out = Vec::new();
    let mut table: Vec<Row> = Vec::new();
    let mut last_end = 0;
    for p in passages(doc) {
        let text = &source[p.clone()];
        let is_row = text.contains('|') || text.contains('｜') || text.contains('\t');
        let joined = source
            .get(last_end.min(p.start)..p.start)
            .is_some_and(|gap| gap.trim().is_empty());
        if !(is_row && (table.is_empty() || joined)) {
            out.extend(weigh(source, figures, &table));
            table.clear();
        }
        if is_row {
            table.push(row(source, &p));
        }
        last_end = p.end;
    }
    out.extend(weigh(source, figures, &table));
    out
}

/// Split a line into its cells.
fn row(source: &str, line: &Span) -> Row {
    let text = &source[line.clone()];
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '|' | '｜' | '\t') {
            cells.push(trimmed(text, start, i, line.start));
            start = i + c.len_utf8();
        }
    }
    cells.push(trimmed(text, start, text.len(), line.start));
    // A leading separator opens no cell.
    if text.trim_start().starts_with(['|', '｜']) && cells.first().is_some_and(Span::is_empty) {
        cells.remove(0);
    }
    while cells.last().is_some_and(Span::is_empty) {
        cells.pop();
    }
    Row { cells }
}

fn trimmed(text: &str, start: usize, end: usize, at: usize) -> Span {
    let cell = &text[start..end];
    let lead = cell.len() - cell.trim_start().len();
    let body = cell.trim();
    let s = at + start + lead;
    s..s + body.len()
}

/// The figures inside a span.
fn inside(figures: &[Figure], span: &Span) -> Vec<usize> {
    let first = figures.partition_point(|f| f.quantity.span.start < span.start);
    (first..figures.len())
        .take_while(|&i| figures[i].quantity.span.start < span.end)
        .filter(|&i| figures[i].quantity.span.end <= span.end)
        .collect()
}

/// The one exact figure of a cell, if it holds exactly one.
fn cell_figure(figures: &[Figure], span: &Span, percent: bool) -> Option<usize> {
    let [k] = inside(figures, span)[..] else {
        return None;
    };
    let f = &figures[k];
    exact(f)?;
    let is_pct = f.quantity.unit == "%";
    (is_pct == percent).then_some(k)
}

fn has(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The statements of one table.
fn weigh(source: &str, figures: &[Figure], rows: &[Row]) -> Vec<Statement> {
    let mut out = Vec::new();
    // The header: the last row with no figure before the first row with one.
    let Some(first_data) = rows
        .iter()
        .position(|r| r.cells.iter().any(|c| !inside(figures, c).is_empty()))
    else {
        return out;
    };
    let Some(header) = rows[..first_data].iter().rev().find(|r| r.cells.len() >= 3) else {
        return out;
    };
    let names: Vec<&str> = header.cells.iter().map(|c| &source[c.clone()]).collect();
    let width = names.len();
    // Columns: (base, done, rate), by name.
    let mut columns = Vec::new();
    for (r, name) in names.iter().enumerate() {
        if !has(name, RATE) {
            continue;
        }
        let Some(d) = (0..r)
            .rev()
            .find(|&c| has(names[c], DONE) && !has(names[c], RATE))
        else {
            continue;
        };
        let Some(b) = (0..d)
            .rev()
            .find(|&c| !has(names[c], DONE) && has(names[c], WHOLE) && !has(names[c], RATE))
        else {
            continue;
        };
        columns.push((b, d, r));
    }
    if columns.is_empty() {
        return out;
    }
    let data = &rows[first_data..];
    // A row's cell for a header column, aligned from the right.
    let cell = |row: &Row, col: usize| -> Option<Span> {
        let shift = width.checked_sub(row.cells.len())?;
        col.checked_sub(shift)
            .and_then(|c| row.cells.get(c).cloned())
    };
    let is_total = |row: &Row| {
        row.cells
            .first()
            .is_some_and(|c| has(&source[c.clone()], TOTAL_ROW))
    };
    let mut whole = true;
    for row in data {
        if !is_total(row) && row.cells.len() != width {
            whole = false;
        }
        for &(b, d, r) in &columns {
            let (Some(bc), Some(dc), Some(rc)) = (cell(row, b), cell(row, d), cell(row, r)) else {
                continue;
            };
            let (Some(bf), Some(df), Some(rf)) = (
                cell_figure(figures, &bc, false),
                cell_figure(figures, &dc, false),
                cell_figure(figures, &rc, true),
            ) else {
                continue;
            };
            out.push(statement(
                figures,
                Construction::TableRow,
                Relation::Share {
                    numerators: vec![vec![df]],
                    base: vec![bf],
                    percent: rf,
                },
                true,
            ));
        }
    }
    let totals: Vec<&Row> = data.iter().filter(|r| is_total(r)).collect();
    let [total] = totals[..] else {
        return out;
    };
    let body: Vec<&Row> = data.iter().filter(|r| !is_total(r)).collect();
    if !whole || body.len() < 2 {
        return out;
    }
    let mut sums: Vec<usize> = columns.iter().flat_map(|&(b, d, _)| [b, d]).collect();
    sums.sort_unstable();
    sums.dedup();
    for c in sums {
        let Some(t) = cell(total, c).and_then(|s| cell_figure(figures, &s, false)) else {
            continue;
        };
        let parts: Option<Vec<usize>> = body
            .iter()
            .map(|r| cell(r, c).and_then(|s| cell_figure(figures, &s, false)))
            .collect();
        if let Some(parts) = parts {
            out.push(statement(
                figures,
                Construction::TableTotal,
                Relation::Sum { total: t, parts },
                true,
            ));
        }
    }
    out
}
