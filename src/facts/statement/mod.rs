//! Quantity statements: which figures of a report a relation binds, read once per report from
//! the constructions that state them, so that the rules weigh relations instead of reading the
//! text their own way.
//!
//! A statement names figures by their index in [`Facts::figures`](super::Facts) and says how
//! they relate; whether the relation holds is the rules' business (interval arithmetic,
//! DOMAIN.md). Constructions read:
//! - a share of a total stated earlier ([`shares`]): `共受理诉求86件。……其中,来信12件,占比13.95%;
//!   来电……`, `占总数的53.3%`, `占总人次的65.9%`, `占全部整改措施的85.6%`, `占一般公共预算收入
//!   93.75%`; a list of shares of one whole that add up to 100% also states that its counts add
//!   up to the whole;
//! - a completion rate of countable things, which cannot exceed 100% ([`rates`]): `办结率102.5%`,
//!   `实现103%整改到位`; after its done count with the whole stated in the sentence before, the
//!   done count's share of that whole; a headline's rate restating the body's one completion
//!   rate, against the body's counts;
//! - a total split by status: completed and the rest ([`status`]); the rest restated after the
//!   whole and its done count (`共53件未办结诉求`, [`complements`]);
//! - a whole split by the year its parts fall due ([`due`]);
//! - people by rank with the rest named, against the total of their measure ([`ranks`]);
//! - a total across regions against the regions' figures given after it ([`regions`]);
//! - a growth rate after a figure and its change against an earlier period ([`growth`]):
//!   `收入52.8万元,较上年增加4.8万元,增长10%`;
//! - parts listed one after another with their total right after them ([`lists`]):
//!   `12个机关、5个乡镇共17个党组织`;
//! - tables written as text ([`table`]): each row's rate against its own count columns, the
//!   合计 row against the column sums.
//!
//! Where a construction is read but its figures cannot be bound surely, the statement says why
//! it is not checked ([`Relation::NotChecked`]).

pub mod complements;
pub mod differences;
pub mod due;
pub mod growth;
pub mod lists;
pub mod ranks;
pub mod rates;
pub mod regions;
pub mod scores;
pub mod shares;
pub mod status;
pub mod table;
pub mod these;

#[cfg(test)]
mod tests;

use super::Figure;
use crate::document::{Document, Span};
use serde::Serialize;

/// One quantity statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// The construction it was read from.
    pub construction: Construction,
    /// How its figures relate.
    pub relation: Relation,
    /// The text it was read from: from its first figure to its last.
    pub span: Span,
    /// True when the construction leaves no doubt which figures go together; false when the
    /// binding is probable only (the rules report it at a lower level).
    pub sure: bool,
}

/// The constructions statements are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Construction {
    /// `……占总数的p%`, `占X的p%`, or a share whose sentence states no base, with the total
    /// stated earlier (`共……N件`, `N个X中`, a figure followed by `其中`).
    Share,
    /// A list of shares of one whole that exhausts it (the shares add up to 100%).
    ShareList,
    /// A completion rate (`办结率`, `整改率`, `实现p%整改到位`): at most 100%.
    Rate,
    /// A completion rate right after its done count, whose whole is the total of the sentence
    /// before (`共明确整改任务120项。截至年底,已完成70项,完成率近60%`).
    RateOfTotal,
    /// A headline's rate (`办理进度已超91%`) restating the body's one completion rate, against
    /// the body's done count and whole.
    Headline,
    /// A row of a table written as text, with count columns and a rate column.
    TableRow,
    /// A table's 合计 row against the sums of its columns.
    TableTotal,
    /// A total and its parts by status (`已完成…, 正在整改…, 其余…`).
    StatusSplit,
    /// A completion rate after parts by status that name the rest, with no total stated
    /// (`已完成17项,其余9项…,完成率65.4%`): done / (done + the rest).
    StatusRate,
    /// People by rank with the rest named (`处分科级干部…,一般干部…,其他人员…`) after the total
    /// of the same measure in the sentence before.
    RankList,
    /// A total across regions (`8省共问责N人`) against the regions' own figures after it.
    RegionTotal,
    /// A figure, its change against an earlier period and the growth rate
    /// (`收入52.8万元,较上年增加4.8万元,增长10%`).
    Growth,
    /// The rest of a whole restated after the whole and its done count (`受理诉求640件,已办结
    /// 587件……共53件未办结诉求`): the whole is the done count and the rest.
    Complement,
    /// A whole split by the year its parts fall due (`60项问题中,2021年应完成整改的35项……;
    /// 2022年应完成整改的25项……`).
    DueYears,
    /// Parts listed one after another and their total right after them
    /// (`3个村、2个社区共5个村(社区)`).
    ListTotal,
    /// The rest opening its own sentence, of a total stated before (`其余22处……`).
    Rest,
    /// A count against an earlier round's (`比第一批多2个省份`).
    Comparison,
    /// A count of a total less the exceptions named before it (`除A和B外,9个村中已有7个`).
    Except,
    /// A count restated with a demonstrative (`这5份`) after a sentence listing groups with
    /// their counts: the sum of the groups' counts.
    These,
    /// The weights of a score's indicators against the full score (`满分100分……其中……占40分`).
    ScoreWeights,
    /// The count not done of a total (`15项任务中,还有4项未完成`) against its count done stated
    /// elsewhere.
    NotDone,
}

/// How a statement's figures relate (indices into the report's figures).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "relation", rename_all = "snake_case")]
pub enum Relation {
    /// `percent` = 100 · numerator / base, for one of the `numerators` (each a sum of figures;
    /// more than one when the construction allows several readings, and the relation holds
    /// when any of them does); the base is the sum of the `base` figures (one, or the parts of
    /// a split whose total is not stated).
    Share {
        numerators: Vec<Vec<usize>>,
        base: Vec<usize>,
        percent: usize,
    },
    /// `total` = the sum of `parts`.
    Sum { total: usize, parts: Vec<usize> },
    /// `percent` is a share of countable things: at most 100%.
    AtMostWhole { percent: usize },
    /// `percent` = 100 · `change` / the earlier figure, which is `value` − `change` (or
    /// `value` + `change` when `fall`).
    Growth {
        value: usize,
        change: usize,
        percent: usize,
        fall: bool,
    },
    /// `stated` = `from` less the sum of `less` and the count of `named` things, for one of the
    /// `readings` (the relation holds when any of them does).
    Difference { stated: usize, readings: Vec<Minus> },
    /// The construction was read at `figure`, but its figures cannot be bound surely.
    NotChecked { figure: usize, why: String },
}

/// One reading of a difference: a figure less some figures and some things named in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Minus {
    /// The figure taken from.
    pub from: usize,
    /// The figures taken away.
    pub less: Vec<usize>,
    /// The things named in the text that are taken away, one each (`除A和B外`).
    pub named: Vec<Span>,
}

impl Relation {
    /// The figures the relation names.
    pub fn figures(&self) -> Vec<usize> {
        match self {
            Relation::Share {
                numerators,
                base,
                percent,
            } => {
                let mut v: Vec<usize> = numerators.iter().flatten().copied().collect();
                v.extend(base);
                v.push(*percent);
                v
            }
            Relation::Sum { total, parts } => {
                let mut v = parts.clone();
                v.push(*total);
                v
            }
            Relation::AtMostWhole { percent } => vec![*percent],
            Relation::Growth {
                value,
                change,
                percent,
                ..
            } => vec![*value, *change, *percent],
            Relation::Difference { stated, readings } => {
                let mut v: Vec<usize> = readings
                    .iter()
                    .flat_map(|m| std::iter::once(m.from).chain(m.less.iter().copied()))
                    .collect();
                v.push(*stated);
                v
            }
            Relation::NotChecked { figure, .. } => vec![*figure],
        }
    }
}

/// Read every quantity statement of a report, with the status words of `vocab`.
pub fn read(
    doc: &Document,
    figures: &[Figure],
    vocab: &crate::parse::vocab::Vocabulary,
) -> Vec<Statement> {
    let words = &vocab.split;
    let mut out = shares::read(&doc.source, figures);
    out.extend(rates::read(&doc.source, figures, words));
    out.extend(table::read(doc, figures));
    out.extend(regions::read(&doc.source, figures));
    out.extend(status::read(&doc.source, figures, words));
    out.extend(complements::read(&doc.source, figures, words));
    out.extend(due::read(&doc.source, figures, words));
    out.extend(ranks::read(&doc.source, figures));
    out.extend(growth::read(&doc.source, figures));
    out.extend(lists::read(&doc.source, figures));
    out.extend(differences::read(&doc.source, figures));
    out.extend(scores::read(&doc.source, figures));
    out.extend(these::read(&doc.source, figures));
    out.sort_by_key(|s| (s.span.start, s.span.end));
    out
}

/// Units that count the same thing share a family: 人, 名 and 位 are "人".
pub fn family(unit: &str) -> &str {
    match unit {
        "名" | "位" => "人",
        u => u,
    }
}

/// Ends of a sentence, as the rules that weigh figures read it.
pub const SENTENCE_STOPS: &[char] = &['。', '！', '？', '；', ';'];

/// How far, in bytes, a sentence's end or start is looked for from a figure: a passage
/// without stops costs linear time, not a scan to its end for every figure.
pub const REACH: usize = 1200;

/// The text from `from` towards `to`, at most [`REACH`] bytes (cut at a character boundary).
pub fn ahead(source: &str, from: usize, to: usize) -> &str {
    let mut end = to.min(from.saturating_add(REACH)).min(source.len());
    while end > from && !source.is_char_boundary(end) {
        end -= 1;
    }
    source.get(from..end.max(from)).unwrap_or("")
}

/// The text from `from` back to `to`, at most [`REACH`] bytes, and where it starts.
pub fn behind(source: &str, from: usize, to: usize) -> (usize, &str) {
    let mut start = from.saturating_sub(REACH).max(to);
    while start < from && !source.is_char_boundary(start) {
        start += 1;
    }
    (start, source.get(start..from).unwrap_or(""))
}

/// A statement spanning the given figures.
fn spanning(figures: &[Figure], ids: &[usize]) -> Span {
    let start = ids
        .iter()
        .map(|&i| figures[i].quantity.span.start)
        .min()
        .unwrap_or(0);
    let end = ids
        .iter()
        .map(|&i| figures[i].quantity.span.end)
        .max()
        .unwrap_or(start);
    start..end
}

/// Make a statement, its span from the relation's figures.
fn statement(
    figures: &[Figure],
    construction: Construction,
    relation: Relation,
    sure: bool,
) -> Statement {
    let span = spanning(figures, &relation.figures());
    Statement {
        construction,
        relation,
        span,
        sure,
    }
}

/// An exact figure's interval, scaled; None for approximate figures and ranges' ends.
pub fn exact(f: &Figure) -> Option<(f64, f64)> {
    let q = &f.quantity;
    if q.in_range || q.ordinal || q.approx != super::number::Approx::Exact {
        return None;
    }
    // A whole number with no unit is a count (a table's cells): exact.
    if q.unit.is_empty() && q.decimals == 0 && q.scale == 1.0 && q.written.fract() == 0.0 {
        return Some((q.written, q.written));
    }
    q.interval()
}

/// How far below a `近p%` (`将近`, `接近`) the true value may lie, in percentage points.
pub const NEAR_BELOW: f64 = 2.5;
/// How far from an `约p%` (`p%左右`) written as a whole number the true value may lie.
pub const ABOUT_WHOLE: f64 = 1.5;

/// The values an approximate percentage stands for, for weighing it against the counts it is
/// computed from; None for exact figures, ranges' ends and qualifiers that bound nothing
/// useful. `h` is half the written step (0.5 for a whole number):
/// - `近p%`, `将近p%`, `接近p%`: slightly below p, `[p − 2.5, p + h]` (`近60%` for 58.92%);
/// - `超p%`, `超过p%`, `逾p%`, `p%以上`, `至少p%`: above p, `[p − h, +∞)`;
/// - `约p%`, `p%左右`: near p, `±1.5` points for a whole p, one decimal place coarser than
///   written for decimals (`约39.29%` is [39.19, 39.39]);
/// - `不足p%`, `不到p%`, `p%以下`: below p only, `(−∞, p + h]`.
pub fn approx_percent(source: &str, f: &Figure) -> Option<(f64, f64)> {
    use super::number::Approx;
    let q = &f.quantity;
    if q.unit != "%" || q.in_range || q.ordinal || !q.written.is_finite() {
        return None;
    }
    let p = q.written;
    let half = 0.5 * 10f64.powi(-i32::from(q.decimals));
    let prefix = source.get(q.span.start..q.num_span.start).unwrap_or("");
    match q.approx {
        Approx::Exact => None,
        Approx::Below if prefix.ends_with('近') => Some((p - NEAR_BELOW, p + half)),
        Approx::Below => Some((f64::NEG_INFINITY, p + half)),
        Approx::AtLeast => Some((p - half, f64::INFINITY)),
        Approx::About if q.decimals == 0 => Some((p - ABOUT_WHOLE, p + ABOUT_WHOLE)),
        Approx::About => {
            let coarse = 10f64.powi(1 - i32::from(q.decimals));
            Some((p - coarse, p + coarse))
        }
    }
}
