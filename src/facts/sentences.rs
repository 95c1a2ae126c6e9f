//! Figures read sentence by sentence, for the kinds that weigh figures against each other
//! (`parts_sum`, `ratio`): a total and its parts, or a share and its base, are stated in one
//! sentence, so nothing here looks across sentences (and the work stays linear). A reading below
//! the rules: it takes the document and its facts, and no kind owns it.

use crate::document::{Document, Span};
use crate::facts::Facts;
use crate::facts::Figure;
use crate::facts::arith::{Interval, show};
use crate::facts::number::Approx;

/// How many figures a reading looks back or ahead over. A total and its parts, or a share and
/// its base, stand a few figures apart; the bound keeps a run-on sentence of thousands of
/// figures linear.
pub const WINDOW: usize = 32;

/// Ends of a sentence: a total is not paired with figures past these.
const SENTENCE_STOPS: &[char] = &['。', '！', '？', '；', ';'];
/// Ends of a clause inside a sentence. `、` joins the items of one list, so it is not one.
const CLAUSE_STOPS: &[char] = &['，', ',', '：', ':'];

/// A figure that can be weighed: it has a unit and is neither an ordinal nor a range's end.
pub struct Fig<'a> {
    /// The figure as the facts hold it.
    pub figure: &'a Figure,
    /// Units that count the same thing share a family: 人, 名 and 位 are "人".
    pub family: &'a str,
    /// The values it stands for (scaled: 万元 in 元); None when it is not to be checked.
    pub iv: Option<Interval>,
    /// Written as an exact figure: no 余, 约, 近, 以上 ….
    pub exact: bool,
    /// Its clause within the sentence (clauses end at `,` `:`, not at `、`).
    pub clause: usize,
}

impl Fig<'_> {
    /// Where it starts.
    pub fn start(&self) -> usize {
        self.figure.quantity.span.start
    }

    /// Its bytes.
    pub fn span(&self) -> Span {
        self.figure.quantity.span.clone()
    }

    /// An exact figure with an interval: one that may be held to a sum or a share.
    pub fn checkable(&self) -> Option<Interval> {
        self.iv.filter(|_| self.exact)
    }

    /// A whole count of things: its interval is one integer.
    pub fn whole_count(&self) -> Option<f64> {
        let iv = self.checkable()?;
        (iv.lo == iv.hi && iv.lo.fract() == 0.0 && iv.lo > 0.0).then_some(iv.lo)
    }
}

/// One sentence and the figures in it.
pub struct Sentence<'a> {
    /// Its bytes in the source.
    pub span: Span,
    /// Its text.
    pub text: &'a str,
    /// Where each clause starts (absolute offsets, ascending; the first is `span.start`).
    clause_starts: Vec<usize>,
    /// Its figures, in order.
    pub figs: Vec<Fig<'a>>,
}

impl Sentence<'_> {
    /// The clause holding the byte at `pos` (an absolute offset inside the sentence).
    pub fn clause_at(&self, pos: usize) -> usize {
        self.clause_starts
            .partition_point(|&s| s <= pos)
            .saturating_sub(1)
    }

    /// The index of the first figure that starts at or after `pos`.
    pub fn first_at(&self, pos: usize) -> usize {
        self.figs.partition_point(|f| f.start() < pos)
    }

    /// The text of the clause of `pos` up to `pos`.
    pub fn clause_head(&self, pos: usize) -> &str {
        let start = self.clause_starts[self.clause_at(pos)];
        &self.text[start - self.span.start..pos - self.span.start]
    }

    /// Where the clause of `pos` ends (absolute): the next clause's start, or the sentence's end.
    pub fn clause_end(&self, pos: usize) -> usize {
        let c = self.clause_at(pos);
        self.clause_starts
            .get(c + 1)
            .copied()
            .unwrap_or(self.span.end)
    }

    /// The first figure at or after `pos`, if it stands in the clause of `pos`.
    pub fn next_in_clause(&self, pos: usize) -> Option<usize> {
        let k = self.first_at(pos);
        (self.figs.get(k)?.clause == self.clause_at(pos)).then_some(k)
    }

    /// The indices of at most [`WINDOW`] figures before index `k`.
    pub fn window_before(&self, k: usize) -> std::ops::Range<usize> {
        k.saturating_sub(WINDOW)..k
    }

    /// Absolute offsets of each occurrence of `word` in the sentence.
    pub fn find(&self, word: &str) -> Vec<usize> {
        self.text
            .match_indices(word)
            .map(|(i, _)| self.span.start + i)
            .collect()
    }

    /// The text from `from` (absolute) to the sentence's end.
    pub fn rest(&self, from: usize) -> &str {
        &self.text[from - self.span.start..]
    }

    /// The text from the sentence's start to `to` (absolute).
    pub fn head(&self, to: usize) -> &str {
        &self.text[..to - self.span.start]
    }
}

/// `除(了)A(以)外` in `lead`, the text before a total: the total counts things the parts after
/// it need not cover (除了青禾村和石桥村外,全镇9个村中已有5个……,另有2个……), so a split of it is not
/// read as whole. `消除`, `排除`, `解除`… are verbs, not an exception.
pub fn excepts(lead: &str) -> bool {
    static EXCEPTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[^消排剔免解去拆废删扣开革破根])除了?[^,，。；;:：]{1,60}?(?:以)?外",
        )
        .expect("a valid pattern")
    });
    EXCEPTION.is_match(lead)
}

/// The figures' family: units that count the same thing.
pub fn family(unit: &str) -> &str {
    match unit {
        "名" | "位" => "人",
        u => u,
    }
}

/// Which readings a rule reports: a sure pairing of figures, or a less certain one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pairing {
    /// The construction leaves no doubt which figures go together.
    Sure,
    /// The figures probably go together.
    Loose,
}

/// True when a reading of this sureness is for a rule that asks for `wanted` (None: any).
pub fn wanted(wanted: Option<Pairing>, sure: bool) -> bool {
    match wanted {
        None => true,
        Some(Pairing::Sure) => sure,
        Some(Pairing::Loose) => !sure,
    }
}

/// Split the report's figures into sentences. Figures come in document order, grouped by
/// passage; sentences without a usable figure are left out.
#[cfg(test)]
pub fn sentences<'a>(source: &'a str, figures: &'a [Figure]) -> Vec<Sentence<'a>> {
    build(source, figures, &shapes(source, figures))
}

/// [`sentences`] of a report, for the rules that weigh figures (`ratio`, `parts_sum`).
pub fn sentences_in<'a>(doc: &'a Document, facts: &'a Facts) -> Vec<Sentence<'a>> {
    let (source, figures) = (doc.source.as_str(), facts.figures.as_slice());
    let shapes = shapes(source, figures);
    build(source, figures, &shapes)
}

/// A sentence as [`sentences`] reads it, owned: its bytes, its clause starts and, for each of
/// its figures, the figure's index, interval, exactness and clause.
struct Shape {
    span: Span,
    clause_starts: Vec<usize>,
    figs: Vec<(usize, Option<Interval>, bool, usize)>,
}

fn shapes(source: &str, figures: &[Figure]) -> Vec<Shape> {
    let mut out: Vec<Shape> = Vec::new();
    for (index, f) in figures.iter().enumerate() {
        let q = &f.quantity;
        if q.ordinal || q.in_range || q.unit.is_empty() {
            continue;
        }
        let start = q.span.start;
        if out.last().is_none_or(|s| !s.span.contains(&start)) {
            out.push(sentence_around(source, &f.passage, start));
        }
        let Some(s) = out.last_mut() else { continue };
        let clause = s
            .clause_starts
            .partition_point(|&c| c <= start)
            .saturating_sub(1);
        let iv = q.interval().map(|(lo, hi)| Interval { lo, hi });
        s.figs.push((index, iv, q.approx == Approx::Exact, clause));
    }
    out
}

fn build<'a>(source: &'a str, figures: &'a [Figure], shapes: &[Shape]) -> Vec<Sentence<'a>> {
    shapes
        .iter()
        .map(|s| Sentence {
            span: s.span.clone(),
            text: &source[s.span.clone()],
            clause_starts: s.clause_starts.clone(),
            figs: s
                .figs
                .iter()
                .map(|&(index, iv, exact, clause)| {
                    let figure = &figures[index];
                    Fig {
                        figure,
                        family: family(&figure.quantity.unit),
                        iv,
                        exact,
                        clause,
                    }
                })
                .collect(),
        })
        .collect()
}

/// The sentence of `passage` around the byte at `pos`, with its clause starts.
fn sentence_around(source: &str, passage: &Span, pos: usize) -> Shape {
    let before = &source[passage.start..pos];
    let after = &source[pos..passage.end];
    let start = before.rfind(SENTENCE_STOPS).map_or(passage.start, |i| {
        passage.start + i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = after.find(SENTENCE_STOPS).map_or(passage.end, |i| pos + i);
    let text = &source[start..end];
    let mut clause_starts = vec![start];
    clause_starts.extend(
        text.char_indices()
            .filter(|(_, c)| CLAUSE_STOPS.contains(c))
            .map(|(i, c)| start + i + c.len_utf8()),
    );
    Shape {
        span: start..end,
        clause_starts,
        figs: Vec::new(),
    }
}

/// The digits of a figure as written, with its scale and unit when `with_unit`.
pub fn written(source: &str, fig: &Fig, with_unit: bool) -> String {
    let q = &fig.figure.quantity;
    if with_unit {
        source[q.num_span.start..q.span.end].to_string()
    } else {
        source[q.num_span.clone()].to_string()
    }
}

/// What follows a figure's digits: its scale and unit, e.g. "万元".
pub fn tail<'s>(source: &'s str, fig: &Fig) -> &'s str {
    let q = &fig.figure.quantity;
    &source[q.num_span.end..q.span.end]
}

/// A value for a message, in the unit and scale of `like`, with `decimals` decimals at most.
pub fn in_unit_of(source: &str, like: &Fig, value: f64, decimals: usize) -> String {
    let scale = like.figure.quantity.scale;
    format!("{}{}", show(value / scale, decimals), tail(source, like))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families() {
        assert_eq!(family("名"), "人");
        assert_eq!(family("人次"), "人次");
    }

    #[test]
    fn sentences_and_clauses() {
        let text = "全镇共有50个问题,已完成48个。另有3人参加;其中2人合格。";
        let (doc, facts) = crate::analyse(text);
        let ss = sentences(&doc.source, &facts.figures);
        assert_eq!(ss.len(), 3);
        assert_eq!(ss[0].text, "全镇共有50个问题,已完成48个");
        assert_eq!(ss[0].figs.len(), 2);
        assert_eq!(ss[0].figs[1].clause, 1);
        assert_eq!(ss[2].text, "其中2人合格");
    }
}
