//! Status arithmetic: a total and its parts by status, in one sentence
//! (`反馈问题40个,已完成整改33个,正在整改5个,长期坚持2个`), or the parts with `其余`/`剩余`
//! after a total stated in the sentence before (`制定整改措施60条。目前,48条已完成,其余12条
//! 正在推进`).
//!
//! The parts are consecutive figures of the total's unit, each in its own clause with a status
//! word (已完成, 已办结, 整改到位, 基本完成, 阶段办结; 正在整改, 持续推进, 未完成, 长期坚持, 延期,
//! 其余, 剩余…). They exhaust the total only when they are completed and the rest: at least one
//! part says done and at least one says not done (a single status part less than the total is
//! no error). A list that a `其中`, a bracket or another figure of the unit interrupts is not
//! read.

use super::{Construction, Relation, SENTENCE_STOPS, Statement, exact, family, statement};
use crate::facts::Figure;
use crate::parse::vocab::SplitWords;

/// A part's status.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Status {
    Done,
    Rest,
}

/// Every total split by status.
pub fn read(source: &str, figures: &[Figure], words: &SplitWords) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < figures.len() {
        match run_at(source, figures, k, words) {
            Some((st, next)) => {
                out.extend(st);
                k = next;
            }
            None => k += 1,
        }
    }
    out
}

/// The status of figure `k` from the words of its clause around it: before it in its clause,
/// and after it up to the next figure or the clause's end.
pub(super) fn status(
    source: &str,
    figures: &[Figure],
    k: usize,
    words: &SplitWords,
) -> Option<Status> {
    let f = &figures[k];
    let q = &f.quantity;
    let head = source.get(f.clause.start.min(q.span.start)..q.span.start)?;
    let next = figures
        .get(k + 1)
        .map_or(f.clause.end, |n| n.quantity.span.start.min(f.clause.end))
        .max(q.span.end);
    let tail = source.get(q.span.end..next)?;
    // 未完成 holds 完成: the rest's words win. A plan (应完成) is no status; 需长期坚持 is.
    if words
        .rest
        .iter()
        .any(|w| head.contains(w.as_str()) || tail.contains(w.as_str()))
    {
        Some(Status::Rest)
    } else if words
        .done
        .iter()
        .any(|w| states(head, w, words) || states(tail, w, words))
    {
        Some(Status::Done)
    } else {
        None
    }
}

/// True when `text` says `word` as a status: not as a plan (应完成, 需办结).
fn states(text: &str, word: &str, words: &SplitWords) -> bool {
    text.match_indices(word).any(|(i, _)| {
        !words
            .planned
            .iter()
            .any(|p| text[..i].ends_with(p.as_str()))
    })
}

/// True when the text between two parts breaks their list: a nested `其中` or a sentence's
/// end. (There is no figure between them: the parts are consecutive figures.)
fn broken(between: &str) -> bool {
    between.contains("其中") || between.contains(SENTENCE_STOPS)
}

/// A run of status parts starting at figure `first`, with its total; and the index to go on
/// from.
fn run_at(
    source: &str,
    figures: &[Figure],
    first: usize,
    words: &SplitWords,
) -> Option<(Option<Statement>, usize)> {
    let f = &figures[first];
    let unit = family(&f.quantity.unit);
    if unit.is_empty() || unit == "%" || f.quantity.in_range || f.quantity.ordinal {
        return None;
    }
    let s0 = status(source, figures, first, words)?;
    // The parts: consecutive figures of the unit, one per clause, each with a status.
    let mut parts = vec![(first, s0)];
    let mut k = first + 1;
    while k < figures.len() {
        let g = &figures[k];
        let prev = &figures[parts[parts.len() - 1].0];
        if g.passage != f.passage {
            break;
        }
        // A part's share (已完成119项,占85.6%,其余20项) stands between parts.
        if g.quantity.unit == "%" && g.clause != prev.clause {
            k += 1;
            continue;
        }
        if family(&g.quantity.unit) != unit {
            break;
        }
        let between = source.get(prev.quantity.span.end..g.quantity.span.start)?;
        if broken(between) || g.clause == prev.clause {
            break;
        }
        let Some(s) = status(source, figures, k, words) else {
            break;
        };
        parts.push((k, s));
        k += 1;
    }
    let next = k;
    let has = |s: Status| parts.iter().any(|p| p.1 == s);
    if parts.len() < 2 || !has(Status::Done) || !has(Status::Rest) {
        return Some((None, next.max(first + 1)));
    }
    // The figure after the run must not continue it in the unit within the clause.
    let ids: Vec<usize> = parts.iter().map(|p| p.0).collect();
    if ids.iter().any(|&i| exact(&figures[i]).is_none()) {
        return Some((None, next));
    }
    // A figure of the unit later in the sentence may be a part with no status word
    // (正在整改5个,2个暂缓): the list may not be whole.
    let last = &figures[*ids.last()?];
    let end = last.quantity.span.end;
    let more = figures[next..]
        .iter()
        .take_while(|g| {
            g.passage == last.passage
                && !super::ahead(source, end, g.quantity.span.start).contains(SENTENCE_STOPS)
                && g.quantity.span.start < end + super::REACH
        })
        .any(|g| family(&g.quantity.unit) == unit);
    if more {
        return Some((None, next));
    }
    // A later clause of the sentence that names a further stage or rest with no figure
    // (…,正在办理5件,其他正在核查) says the parts are not all of the total.
    let tail = super::ahead(source, last.clause.end, usize::MAX);
    let tail = &tail[..tail.find(SENTENCE_STOPS).unwrap_or(tail.len())];
    if words
        .rest
        .iter()
        .chain(&words.further)
        .any(|w| tail.contains(w.as_str()))
    {
        return Some((None, next));
    }
    let sum: f64 = ids
        .iter()
        .filter_map(|&i| exact(&figures[i]))
        .map(|iv| iv.0)
        .sum();
    let total = total_before(source, figures, first, sum, &parts, words);
    let st = match total {
        Some((t, sure)) => Some(statement(
            figures,
            Construction::StatusSplit,
            Relation::Sum {
                total: t,
                parts: ids.clone(),
            },
            sure,
        )),
        None => rate_of_split(source, figures, first, &parts, words),
    };
    Some((st, next))
}

/// `已完成17项,其余9项……,完成率65.4%`: parts that name the rest, with no total in their
/// sentence, and a completion rate after them in it: the rate of the done parts in their sum.
fn rate_of_split(
    source: &str,
    figures: &[Figure],
    first: usize,
    parts: &[(usize, Status)],
    words: &SplitWords,
) -> Option<Statement> {
    let f = &figures[first];
    let unit = family(&f.quantity.unit);
    let named_rest = parts.iter().any(|&(k, s)| {
        let g = &figures[k];
        let head = source
            .get(g.clause.start.min(g.quantity.span.start)..g.quantity.span.start)
            .unwrap_or("");
        s == Status::Rest && words.remainder.iter().any(|w| head.contains(w.as_str()))
    });
    if !named_rest {
        return None;
    }
    // No total in the sentence before the parts.
    let start = sentence_start(source, f);
    if figures[..first]
        .iter()
        .rev()
        .take_while(|g| g.passage == f.passage && g.quantity.span.start >= start)
        .any(|g| family(&g.quantity.unit) == unit)
    {
        return None;
    }
    let last = parts.last()?.0;
    let lf = &figures[last];
    let (r, rf) = figures
        .iter()
        .enumerate()
        .skip(last + 1)
        .take(3)
        .find(|(_, g)| g.quantity.unit == "%")?;
    let between = source.get(lf.quantity.span.end..rf.quantity.span.start)?;
    let lead = source
        .get(rf.clause.start.min(rf.quantity.span.start)..rf.quantity.span.start)
        .unwrap_or("");
    if rf.passage != f.passage
        || between.contains(SENTENCE_STOPS)
        || figures[last + 1..r]
            .iter()
            .any(|g| family(&g.quantity.unit) == unit)
        || !super::rates::BEFORE.is_match(lead)
    {
        return None;
    }
    let done: Vec<usize> = parts
        .iter()
        .filter(|p| p.1 == Status::Done)
        .map(|p| p.0)
        .collect();
    Some(statement(
        figures,
        Construction::StatusRate,
        Relation::Share {
            numerators: vec![done],
            base: parts.iter().map(|p| p.0).collect(),
            percent: r,
        },
        true,
    ))
}

/// Where the sentence of a figure starts.
pub(super) fn sentence_start(source: &str, f: &Figure) -> usize {
    let at = f.quantity.span.start;
    let (from, before) = super::behind(source, at, f.passage.start.min(at));
    before.rfind(SENTENCE_STOPS).map_or(from, |i| {
        from + i + before[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// The total the parts split: the figure of their unit just before the first part, in its
/// clause or the one before it, not itself a status part; or, when the parts name the rest
/// (其余) and their sentence has no such figure, the last figure of their unit and noun in the
/// sentence before (less sure); a figure of their noun counted with another classifier of
/// things (条 for 项) is of their unit.
fn total_before(
    source: &str,
    figures: &[Figure],
    first: usize,
    sum: f64,
    parts: &[(usize, Status)],
    words: &SplitWords,
) -> Option<(usize, bool)> {
    let f = &figures[first];
    let unit = family(&f.quantity.unit);
    let t = first.checked_sub(1)?;
    let tf = &figures[t];
    let between = source.get(tf.quantity.span.end..f.quantity.span.start)?;
    let largest = parts
        .iter()
        .filter_map(|p| exact(&figures[p.0]))
        .map(|iv| iv.0)
        .fold(0.0, f64::max);
    // Of the parts' size: not below the largest part, between half and twice their sum.
    let big = |g: &Figure| {
        exact(g).is_some_and(|iv| iv.1 >= largest && iv.1 * 2.0 > sum && iv.0 < sum * 2.0)
    };
    let ours = tf.passage == f.passage && family(&tf.quantity.unit) == unit;
    if ours && !between.contains(SENTENCE_STOPS) {
        let clauses = between.matches([',', '，', ':', '：']).count();
        let head = source
            .get(tf.clause.start.min(tf.quantity.span.start)..tf.quantity.span.start)
            .unwrap_or("");
        let bare = !words.done.iter().any(|w| states(head, w, words))
            && !words.rest.iter().any(|w| head.contains(w.as_str()));
        // Exceptions before the total (除了A和B外): the parts need not cover it.
        let lead = source
            .get(sentence_start(source, tf)..tf.quantity.span.start)
            .unwrap_or("");
        // At most one clause between (a date's: 截至8月20日), no bracket.
        let fits = clauses <= 2
            && !crate::facts::sentences::excepts(lead)
            && !between.contains(['(', '（', ')', '）'])
            && bare
            && big(tf)
            && same_noun(tf, f);
        return fits.then_some((t, true));
    }
    // The sentence before: only for parts that name the rest.
    let rest = parts.iter().any(|&(k, _)| {
        let g = &figures[k];
        let head = source
            .get(g.clause.start.min(g.quantity.span.start)..g.quantity.span.start)
            .unwrap_or("");
        words.remainder.iter().any(|w| head.contains(w.as_str()))
    });
    if !rest || f.noun.chars().count() < 2 {
        return None;
    }
    let prev = figures[..first]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, g)| g.passage == f.passage)
        .find(|(_, g)| {
            // The same things may be counted with another classifier (150条整改措施, then
            // 128项整改措施已完成): the same noun then says they are the same things.
            family(&g.quantity.unit) == unit
                || (g.noun == f.noun
                    && crate::facts::number::is_count_unit(&g.quantity.unit)
                    && crate::facts::number::is_count_unit(&f.quantity.unit))
        })?;
    let (p, pf) = prev;
    let gap = source.get(pf.quantity.span.end..f.quantity.span.start)?;
    let head = source
        .get(pf.clause.start.min(pf.quantity.span.start)..pf.quantity.span.start)
        .unwrap_or("");
    let named = pf.noun == f.noun || (pf.noun.is_empty() && head.contains(f.noun.as_str()));
    if gap.matches('。').count() != 1 || !named || !big(pf) {
        return None;
    }
    Some((p, false))
}

/// True when the total may count what the parts count: a part names no noun, or both name the
/// same (one ends the other).
pub(super) fn same_noun(total: &Figure, part: &Figure) -> bool {
    let (x, y) = (&total.noun, &part.noun);
    x.is_empty() || y.is_empty() || x.ends_with(y.as_str()) || y.ends_with(x.as_str())
}
