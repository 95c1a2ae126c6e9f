//! A, B,共计 T: the parts, then their total after 共计 (合计, 总计, 累计).

use super::{Outcome, PartsSum, Reading, is_share, sum};
use crate::facts::sentences::Sentence;

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
        // A bare 共 is a total's word only where it opens a clause after the parts
        // ("对12名干部诫勉谈话,对3名干部给予处分,共处理15人"); elsewhere it is part of a word
        // (公共, 共同, 共享, 中共) or opens a sentence that states a total before its parts.
        if self.totals.iter().any(|w| w.starts_with('共')) {
            for start in s.find("共") {
                if bare_total(s, start) {
                    out.extend(self.in_total_at(s, start, start + "共".len(), false));
                }
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
        let total = s.next_in_clause(end)?;
        let fam = s.figs[total].family;
        if is_share(&s.figs[total]) {
            return None;
        }
        let t = s.figs[total].checkable()?;
        // Back from the marker, clause by clause, to the first clause without a part (the
        // marker's own clause may have none: "…7380.71元,共计…").
        let mut parts: Vec<usize> = Vec::new();
        let mut current = clause;
        for k in s.window_before(s.first_at(start)).rev() {
            let f = &s.figs[k];
            if f.family != fam {
                continue;
            }
            if f.clause + 1 < current {
                break;
            }
            // A figure that is itself a running total (累计发现问题86个) holds earlier periods
            // too: it is no part of another total, and the parts lie after it.
            let head = s.clause_head(f.start());
            if self.running.iter().any(|w| head.contains(w.as_str())) {
                break;
            }
            current = f.clause;
            parts.push(k);
        }
        parts.reverse();
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

/// True when the 共 at `start` opens a clause that is not the sentence's first and is no word
/// of its own (共同, 共享, 共建…) nor another total's word already read (共计).
fn bare_total(s: &Sentence, start: usize) -> bool {
    let opens = s
        .head(start)
        .chars()
        .next_back()
        .is_some_and(|c| ",，;；".contains(c));
    let next = s.rest(start)["共".len()..].chars().next();
    opens && next.is_some_and(|c| !"计計同享建性识產产青商治担赢振有".contains(c))
}
