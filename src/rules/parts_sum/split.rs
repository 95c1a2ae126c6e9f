//! 总数 T, 已完成 A, 剩余 R: a total split into what was done and the rest.

use super::{Outcome, PartsSum, Reading, is_share, sum};
use crate::facts::sentences::Sentence;

/// At most this many figures before the rest are weighed (2^n readings).
const MAX_BEFORE: usize = 8;

impl PartsSum {
    /// Every split in the sentence: for each word that names the rest.
    pub(super) fn split(&self, s: &Sentence) -> Vec<Outcome> {
        let marks = self.remainders.iter().map(|w| (w, true));
        let marks = marks.chain(self.others.iter().map(|w| (w, false)));
        let mut out = Vec::new();
        for (word, sure) in marks {
            for start in s.find(word) {
                out.extend(split_at(s, start, start + word.len(), sure));
            }
        }
        out
    }
}

/// The rest R is the first figure after the marker in its clause; the total and the parts are
/// earlier figures of its unit. Any total with any choice of parts that meets it holds (so a
/// figure that counts something else, "四个行政村", does not spoil the reading); otherwise the
/// reading is the first figure larger than all that follow it.
fn split_at(s: &Sentence, start: usize, end: usize, sure_word: bool) -> Option<Outcome> {
    let rest = s.next_in_clause(end)?;
    let r = &s.figs[rest];
    if is_share(r) {
        return None;
    }
    r.checkable()?;
    let same: Vec<usize> = s
        .window_before(s.first_at(start))
        .filter(|&k| s.figs[k].family == r.family)
        .collect();
    if same.iter().any(|&k| s.figs[k].checkable().is_none()) {
        return None; // an approximate figure among them: not an exact split
    }
    let before = &same[same.len().saturating_sub(MAX_BEFORE)..];
    if before.len() < 2 {
        return None;
    }
    for (j, &total) in before.iter().enumerate() {
        if some_parts_meet(s, total, &before[j + 1..], rest) {
            return Some(Outcome::Holds(total));
        }
    }
    let j = (0..before.len() - 1).find(|&j| {
        let t = s.figs[before[j]].iv.map_or(0.0, |iv| iv.lo);
        before[j + 1..]
            .iter()
            .chain(std::iter::once(&rest))
            .all(|&k| s.figs[k].iv.is_some_and(|iv| iv.hi < t))
    })?;
    let total = before[j];
    // Exceptions before the total (除了A和B外): the split need not cover it.
    if crate::facts::sentences::excepts(s.head(s.figs[total].start())) {
        return None;
    }
    let mut parts = before[j + 1..].to_vec();
    parts.push(rest);
    let in_order =
        s.figs[total].clause < s.figs[parts[0]].clause && s.figs[parts[0]].clause < r.clause;
    let sure = sure_word && parts.len() == 2 && in_order;
    Some(Outcome::Fails(Reading { total, parts, sure }))
}

/// True when the rest and some non-empty choice of `candidates` add up to the total.
fn some_parts_meet(s: &Sentence, total: usize, candidates: &[usize], rest: usize) -> bool {
    let Some(t) = s.figs[total].checkable() else {
        return false;
    };
    (1u32..1 << candidates.len()).any(|mask| {
        let mut parts: Vec<usize> = (0..candidates.len())
            .filter(|&i| mask & (1 << i) != 0)
            .map(|i| candidates[i])
            .collect();
        parts.push(rest);
        sum(s, &parts).is_some_and(|p| p.meets(t))
    })
}
