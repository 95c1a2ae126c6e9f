//! ……完成率 P%: a completion rate against the whole count it is a rate of.

use super::{Stated, number};
use crate::rules::Hit;
use crate::rules::arith::{Interval, show};
use crate::rules::parts_sum::reading::Fig;

/// The base is the one whole count before the rate in the sentence, unless its clause says it
/// was done; some count k of it must give P. A rate above 100% is not a share of a whole and
/// is left alone.
pub(super) fn rate(st: &Stated, rates: &[String]) -> Option<(Hit, bool)> {
    let s = st.s;
    if st.value.lo > 100.0 {
        return None;
    }
    let bases: Vec<(usize, f64)> = s
        .window_before(s.first_at(st.mark))
        .filter(|&k| !is_time(&s.figs[k]))
        .filter_map(|k| Some((k, s.figs[k].whole_count()?)))
        .collect();
    // With two counts or more the rate may come from them in several ways (42 done and 3
    // left give 42 / 45): only a lone count is its base.
    let [(base, b)] = bases[..] else {
        return None;
    };
    let lead = s.clause_head(s.figs[base].start());
    let done = ["已", "完成"].iter().any(|w| lead.contains(w))
        || rates.iter().any(|w| lead.contains(w.as_str()));
    if done || reachable(b, st.value) {
        return None; // "已整改到位问题45个": the count done, not the base
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
    let part = format!("{k} 或 {}", k + 1.0);
    let hit = st
        .hit(computed, part, bw, note)
        .label(s.figs[base].span(), "基数");
    Some((hit, sure))
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
fn reachable(base: f64, stated: Interval) -> bool {
    // The first count at or above the interval's low end, and the one before it in case
    // floating point lifted the ceiling.
    let k = (stated.lo * base / 100.0).ceil();
    [k - 1.0, k]
        .iter()
        .any(|&k| (0.0..=base).contains(&k) && Interval::exact(100.0 * k / base).meets(stated))
}
