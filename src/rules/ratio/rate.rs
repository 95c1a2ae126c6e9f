//! ……完成率 P%: a completion rate against the counts it is a rate of. Where the sentence
//! states what was done (已完成整改3个) and the total before it (反馈的4个问题), the rate is
//! 100 · done / total; where it states only the total, some whole count of it must give P;
//! where it states only what was done, right before the rate, some whole total must give P
//! from it (314 done cannot be 84.3% of any whole number: 372 gives 84.41%, 373 gives 84.18%).

use super::{Stated, number};
use crate::facts::arith::{Interval, show};
use crate::facts::sentences::{Fig, Sentence};
use crate::parse::vocab::Vocabulary;
use crate::rules::Hit;

/// Words of a clause that say its count was not (yet) done, or was only partly.
const NOT_DONE: &[&str] = &[
    "未", "尚", "正在", "部分", "剩余", "其余", "需", "待", "率", "%", "％",
];

/// How far back a rate of the whole looks for the split of its total.
const PERIOD_CHARS: usize = 400;

/// What a rate's sentence states besides the rate.
pub(super) enum RateReading {
    /// The done count and its base are stated: the rate is checked against them.
    Part(Option<(Hit, bool)>),
    /// Only the base is stated: the rate is checked for reachability.
    Reach(Option<(Hit, bool)>),
}

/// Read a rate: with its part where the sentence states it, else against its lone base.
/// `Err` says why the rate is not checked. From `vocab`: the words before a rate's name that
/// make it a rate of something narrower or wider than the counts done and in all (按期, 一次性,
/// 平均; `rate_qualifiers`), the words that make it a rate of a whole across its parts
/// (总体; `rate_wholes`), and the words of a clause that say its count was done (`rate_done`).
pub(super) fn rate(
    st: &Stated,
    rates: &[String],
    vocab: &Vocabulary,
) -> Result<RateReading, String> {
    let s = st.s;
    if st.value.lo > 100.0 {
        return Err("未核对: 超过100%的比率 / not checked: a rate above 100%".into());
    }
    // A rate named with a qualifier the sentence's counts do not carry (按期整改率, 全县平均
    // 整改率) is of another numerator or of other bodies' counts, not of those stated.
    let name = s.clause_head(st.mark);
    let before = s.head(st.mark - name.len());
    if let Some(q) = vocab
        .rate_qualifiers
        .iter()
        .find(|q| name.contains(q.as_str()) && !before.contains(q.as_str()))
    {
        return Err(format!(
            "未核对: “{q}”限定的比率, 句中的计数没有这一限定 / not checked: a rate qualified by {q}, which the counts are not"
        ));
    }
    // A rate of the whole (总体完成率) after a whole split into parts (其中A…, B…已完成8个) is
    // of all the parts' counts together, not of the last part's. The parts may stand in
    // clauses of their own, cut by `;`: look back to the last full stop, over at most
    // PERIOD_CHARS characters (a line with no full stop is not scanned back to its start).
    if vocab.rate_wholes.iter().any(|q| name.contains(q.as_str())) {
        let period: String = st.source[..st.mark]
            .chars()
            .rev()
            .take(PERIOD_CHARS)
            .take_while(|&c| c != '。' && c != '\n')
            .collect();
        // `period` runs backwards: 其中 reads 中其.
        if period.contains("中其") {
            return Err(
                "未核对: 总体比率, 句中把总数分成了几部分 / not checked: a rate of the whole after its parts".into(),
            );
        }
    }
    let counts: Vec<(usize, f64)> = s
        .window_before(s.first_at(st.mark))
        .filter(|&k| !is_time(&s.figs[k]))
        .filter_map(|k| Some((k, s.figs[k].whole_count()?)))
        .collect();
    if let Some(part) = stated_part(st, &counts, rates, vocab)? {
        return Ok(RateReading::Part(part));
    }
    // With two counts or more the rate may come from them in several ways (42 done and 3
    // left give 42 / 45): only a lone count is its base.
    let (base, b) = match counts[..] {
        [] => return Err("未核对: 基数不明 / not checked: no base stated".into()),
        [one] => one,
        _ => {
            let shown: Vec<String> = counts.iter().map(|(_, v)| v.to_string()).collect();
            return Err(format!(
                "未核对: 句中有多个计数 ({}), 不能确定基数 / not checked: several counts, none sure to be the base",
                shown.join(", ")
            ));
        }
    };
    let lead = s.clause_head(s.figs[base].start());
    let done = ["已", "完成"].iter().any(|w| lead.contains(w))
        || rates.iter().any(|w| lead.contains(w.as_str()));
    if done {
        // "已整改到位问题45个": the count done, not the base. Some whole base must still give
        // the rate from it: none does, and the rate or the count is wrong. A rate in the next
        // clause is weighed so, never surely (it may be of a wider count: 本月办结5件,累计办结率
        // 95%); a rate further off is not.
        let only = || {
            format!(
                "未核对: 只写明了完成数 {b}, 基数不明 / not checked: only the count done is stated"
            )
        };
        if s.clause_at(st.mark) != s.figs[base].clause + 1 || base_reachable(b, st.value) {
            return Err(only());
        }
        let (lo, hi) = (
            100.0 * b / st.value.hi,
            100.0 * b / st.value.lo.max(f64::MIN_POSITIVE),
        );
        let bw = number(st.source, &s.figs[base], &s.figs[base]);
        let decimals = st.decimals();
        let n = lo.floor().max(b);
        let shown = |n: f64| show(100.0 * b / n, decimals);
        let computed = format!(
            "{bw} / {n} = {}%, {bw} / {} = {}%（基数须在 {} 与 {} 之间，其间没有整数）",
            shown(n),
            n + 1.0,
            shown(n + 1.0),
            show(lo, 2),
            show(hi, 2)
        );
        let hit = st
            .hit(computed, bw, "任何整数基数".to_string(), String::new())
            .label(s.figs[base].span(), "完成数");
        // Its done count is stated: it is the done-count rules' (rate_part) to report.
        return Ok(RateReading::Part(Some((hit, false))));
    }
    if reachable(b, st.value) {
        return Ok(RateReading::Reach(None));
    }
    let sure = s.clause_at(st.mark) <= s.figs[base].clause + 1;
    let decimals = st.decimals();
    let k = (st.value.mid() * b / 100.0).floor();
    let share = |k: f64| show(100.0 * k / b, decimals);
    let bw = number(st.source, &s.figs[base], &s.figs[base]);
    let computed = format!(
        "{k} / {bw} = {}%, {} / {bw} = {}%",
        share(k),
        k + 1.0,
        share(k + 1.0)
    );
    let gap = |k: f64| (100.0 * k / b - st.value.mid()).abs();
    let near = share(if gap(k) <= gap(k + 1.0) { k } else { k + 1.0 });
    let truncated = |t: Interval| {
        [k, k + 1.0]
            .iter()
            .any(|&k| Interval::exact(100.0 * k / b).meets(t))
    };
    let note = st.truncation_note(truncated, &near);
    let sure = sure && note.is_empty();
    let part = format!("{k} 或 {}", k + 1.0);
    let hit = st
        .hit(computed, part, bw, note)
        .label(s.figs[base].span(), "基数");
    Ok(RateReading::Reach(Some((hit, sure))))
}

/// The done count and its base, when the sentence states both before the rate (巡察反馈的4个
/// 问题,已完成整改3个,整改完成率80%): the done count is the one count in a clause that says it
/// was done, the base the earlier counts of its unit and noun that are not smaller. `Ok(None)`
/// when the sentence does not state them surely, `Err` when the base may be either of two.
fn stated_part(
    st: &Stated,
    counts: &[(usize, f64)],
    rates: &[String],
    vocab: &Vocabulary,
) -> Result<Option<Option<(Hit, bool)>>, String> {
    let s = st.s;
    let done: Vec<(usize, f64)> = counts
        .iter()
        .copied()
        .filter(|&(k, _)| is_done(st, k, rates, vocab))
        .collect();
    // Two done counts listed together (已办结2750件、阶段性办结660件) give two readings: the
    // rate of the first alone, or of both; it holds when either does.
    let (d, dv, second) = match done[..] {
        [(d, dv)] => (d, dv, None),
        [(d, dv), (e, ev)] if e == d + 1 && s.figs[e].family == s.figs[d].family => {
            (d, dv, Some((e, ev)))
        }
        _ => return Ok(None),
    };
    let df = &s.figs[d];
    let last = second.map_or(d, |(e, _)| e);
    // Between the done count and the rate only counts of the rest (正在整改1个) may stand:
    // another figure, or another percentage, may be what the rate is of.
    let end = s.first_at(st.mark);
    let rest = |k: usize| {
        let f = &s.figs[k];
        f.family == df.family && f.whole_count().is_some() && clause_says(st, k, NOT_DONE)
    };
    if !(last + 1..end).all(rest) {
        return Ok(None);
    }
    let bases: Vec<(usize, f64)> = counts
        .iter()
        .copied()
        .filter(|&(k, v)| k < d && v >= dv && s.figs[k].family == df.family)
        .filter(|&(k, _)| same_noun(s, &s.figs[k], df) && !is_done(st, k, rates, vocab))
        .collect();
    let Some(&(base, bv)) = bases.last() else {
        return Ok(None);
    };
    if bases.iter().any(|&(_, v)| v != bv) {
        let shown: Vec<String> = bases.iter().map(|(_, v)| v.to_string()).collect();
        return Err(format!(
            "未核对: 基数有两种可能 ({}) / not checked: ambiguous base",
            shown.join(", ")
        ));
    }
    let Some(c) = Interval::exact(dv).percent_of(Interval::exact(bv)) else {
        return Ok(None);
    };
    let both = second.and_then(|(_, ev)| Interval::exact(dv + ev).percent_of(Interval::exact(bv)));
    if c.meets(st.value) || both.is_some_and(|b| b.meets(st.value)) {
        return Ok(Some(None));
    }
    let bf = &s.figs[base];
    let sure =
        s.clause_at(st.mark) <= df.clause + 1 && df.clause <= bf.clause + 1 && second.is_none();
    let (dw, bw) = (number(st.source, df, bf), number(st.source, bf, df));
    let shown = show(c.mid(), st.decimals());
    let note = st.truncation_note(|t| c.meets(t) || both.is_some_and(|b| b.meets(t)), &shown);
    let sure = sure && note.is_empty();
    let mut computed = format!("{dw} / {bw} = {shown}%");
    if let (Some((e, _)), Some(b)) = (second, both) {
        let ew = number(st.source, &s.figs[e], bf);
        computed.push_str(&format!(
            "; ({dw} + {ew}) / {bw} = {}%",
            show(b.mid(), st.decimals())
        ));
    }
    let mut hit = st.hit(computed, dw, bw, note).label(df.span(), "部分");
    if let Some((e, _)) = second {
        hit = hit.label(s.figs[e].span(), "部分");
    }
    let hit = hit.label(bf.span(), "基数");
    Ok(Some(Some((hit, sure))))
}

/// True when the clause of figure `k` (up to the rate) says its count was done: 已完成整改3个,
/// 有38个完成整改, 已落实27条: a word of the vocabulary's `rate_done`, or 已 and a rate's name.
fn is_done(st: &Stated, k: usize, rates: &[String], vocab: &Vocabulary) -> bool {
    let done: Vec<String> = vocab
        .rate_done
        .iter()
        .cloned()
        .chain(rates.iter().map(|r| format!("已{r}")))
        .collect();
    let words: Vec<&str> = done.iter().map(String::as_str).collect();
    clause_says(st, k, &words) && !clause_says(st, k, NOT_DONE)
}

/// True when the words around figure `k` in its clause hold one of `words`: the clause before
/// it, and after it too when it is the clause's last figure before the rate (what follows a
/// figure that another figure follows is about that one).
fn clause_says(st: &Stated, k: usize, words: &[&str]) -> bool {
    let s: &Sentence = st.s;
    let f = &s.figs[k];
    let head = s.clause_head(f.start());
    let next = s
        .figs
        .get(k + 1)
        .map_or(s.span.end, |n| n.start())
        .min(st.mark);
    let tail = if s.figs.get(k + 1).is_none_or(|n| n.clause != f.clause) || next == st.mark {
        let from = f.span().end.min(next);
        let to = s.clause_end(from).min(next).max(from);
        &st.source[from..to]
    } else {
        ""
    };
    words.iter().any(|w| head.contains(w) || tail.contains(w))
}

/// True when the base may count what the done count counts: the done count names no noun
/// (已完成整改3个), or the base names the same one, after it (4个问题) or before it in its
/// clause (反馈问题30个); 12个村 is not a part of 30 problems.
fn same_noun(s: &Sentence, base: &Fig, done: &Fig) -> bool {
    let (x, y) = (&base.figure.noun, &done.figure.noun);
    if y.is_empty() {
        return true;
    }
    if x.is_empty() {
        return s.clause_head(base.start()).contains(y.as_str());
    }
    x.ends_with(y.as_str()) || y.ends_with(x.as_str())
}

/// True for spans of time and ages: "3个月" is no base of a rate.
fn is_time(fig: &Fig) -> bool {
    const TIME: &[&str] = &[
        "个月",
        "个小时",
        "个星期",
        "个工作日",
        "个季度",
        "工作日",
        "季度",
        "周年",
        "小时",
        "分钟",
        "天",
        "日",
        "月",
        "年",
        "周",
        "岁",
    ];
    TIME.contains(&fig.family)
}

/// True when some whole count k of `base` gives a share inside `stated`.
/// Whether some whole base not below the done count `done` gives the stated rate.
fn base_reachable(done: f64, stated: Interval) -> bool {
    if stated.lo <= 0.0 || done <= 0.0 {
        return true;
    }
    // Bases from 100·done/hi to 100·done/lo; the ones at the ends are tried with the
    // interval test itself, so floating point cannot drop one.
    let first = (100.0 * done / stated.hi).floor().max(done);
    let last = (100.0 * done / stated.lo).ceil();
    if last - first > 3.0 {
        return true;
    }
    let mut n = first;
    while n <= last {
        if n >= done && Interval::exact(100.0 * done / n).meets(stated) {
            return true;
        }
        n += 1.0;
    }
    false
}

fn reachable(base: f64, stated: Interval) -> bool {
    // The first count at or above the interval's low end, and the one before it in case
    // floating point lifted the ceiling.
    let k = (stated.lo * base / 100.0).ceil();
    [k - 1.0, k]
        .iter()
        .any(|&k| (0.0..=base).contains(&k) && Interval::exact(100.0 * k / base).meets(stated))
}
