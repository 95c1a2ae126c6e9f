//! A, B,共计 T: the parts, then their total after 共计 (合计, 总计, 累计).

use super::reading::Sentence;
use super::{Outcome, PartsSum, Reading, is_share, sum};

impl PartsSum {
    /// A, B,共计 T: the total follows the marker in its clause; the parts are the figures of its
    /// unit in the clauses just before, back to the first clause without one.
    pub(super) fn in_total(&self, s: &Sentence) -> Vec<Outcome> {
        let marks = self.totals.iter().map(|w| (w, false));
        let marks = marks.chain(self.running.iter().map(|w| (w, true)));
        let mut out = Vec::new();
        for (word, running) in marks {
            for start in s.find(word) {
                out.extend(self.in_total_at(s, start, start + word.len(), running));
            }
        }
        out
    }

    fn in_total_at(
        &self,
        s: &Sentence,
        start: usize,
        end: usize,
        running: bool,
    ) -> Option<Outcome> {
        let clause = s.clause_at(start);
        let total =
            (0..s.figs.len()).find(|&k| s.figs[k].start() >= end && s.figs[k].clause == clause)?;
        let fam = s.figs[total].family;
        if is_share(&s.figs[total]) {
            return None;
        }
        let t = s.figs[total].checkable()?;
        let mut parts: Vec<usize> = Vec::new();
        for c in (0..=clause).rev() {
            let here: Vec<usize> = (0..total)
                .filter(|&k| s.figs[k].clause == c && s.figs[k].family == fam)
                .filter(|&k| s.figs[k].start() < start)
                .collect();
            if here.is_empty() && c < clause {
                break;
            }
            parts.splice(0..0, here);
        }
        let n = parts.len();
        if n < 2 {
            return None;
        }
        let all = sum(s, &parts)?;
        if (2..=n).any(|k| sum(s, &parts[n - k..]).is_some_and(|p| p.meets(t))) {
            return Some(Outcome::Holds(total));
        }
        if running && all.lo <= t.hi {
            return None; // a running total may hold earlier amounts too
        }
        let first_clause = s.figs[parts[0]].clause;
        let sure = !running && parts.iter().all(|&k| s.figs[k].clause == first_clause);
        Some(Outcome::Fails(Reading { total, parts, sure }))
    }
}
