//! Approximation markers before and after a figure (`约`, `近`, `超过`, `以上`, `左右`, …) and
//! range separators.

use super::Approx;
use super::chars::{char_at, char_before};
use super::figure::is_num_start;
use crate::parse::vocab::{Approximations, Bound};

#[derive(Debug, Clone, Copy)]
pub(super) struct Marker {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) approx: Approx,
    /// True for a word that before a span of time means "the last" (近3年).
    pub(super) recent: bool,
}

/// How a word of the vocabulary bounds a figure.
fn approx_of(bound: Bound) -> Approx {
    match bound {
        Bound::Below => Approx::Below,
        Bound::About => Approx::About,
        Bound::AtLeast => Approx::AtLeast,
    }
}

/// The approximation word of `words.before` that ends `text[lo..p]`, the longest that fits,
/// unless the character before it makes another word with it (节约, 最近, 赶超).
pub(super) fn find_prefix(
    text: &str,
    lo: usize,
    p: usize,
    words: &Approximations,
) -> Option<Marker> {
    let before = text.get(lo..p)?;
    let w = words
        .before
        .iter()
        .find(|w| before.ends_with(w.word.as_str()))?;
    let start = p - w.word.len();
    let blocked = char_before(text, start).is_some_and(|c| w.not_after.contains(c));
    (!blocked).then_some(Marker {
        start,
        end: p,
        approx: approx_of(w.bound),
        recent: w.recent,
    })
}

/// The approximation word of `words.after` that starts `text[q..]`, the longest that fits.
pub(super) fn find_suffix(text: &str, q: usize, words: &Approximations) -> Option<Marker> {
    let rest = &text[q..];
    words
        .after
        .iter()
        .find(|w| rest.starts_with(w.word.as_str()))
        .map(|w| Marker {
            start: q,
            end: q + w.word.len(),
            approx: approx_of(w.bound),
            recent: false,
        })
}

pub(super) fn combine(prefix: Option<Marker>, suffix: Option<Marker>) -> Approx {
    match (prefix, suffix) {
        (None, None) => Approx::Exact,
        (Some(a), None) | (None, Some(a)) => a.approx,
        (Some(a), Some(b)) if a.approx == b.approx => a.approx,
        _ => Approx::About,
    }
}

const RANGE_SEPARATORS: &[&str] = &["——", "—", "–", "―", "－", "-", "～", "~", "〜", "至", "到"];

pub(super) fn range_sep(text: &str, p: usize) -> Option<usize> {
    let rest = &text[p..];
    let sep = RANGE_SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
    let q = p + sep.len();
    char_at(text, q).filter(|&c| is_num_start(c)).map(|_| q)
}
