//! `conflict`: The same quantity stated twice with values that cannot both be true.
//!
//! "The same quantity" needs a strong key, never a noun alone: a part of a tally is keyed by its
//! total and its status ("25项整改任务……已完成A项"), a measures total by the problems it serves
//! ("50个问题……151条整改措施"). Two figures with the same noun in different contexts are not
//! compared.

use super::tally::{
    COUNT_UNITS, Class, Count, MAX_UNKNOWN_SHARE, counts, judged, statuses, tallies, total_of,
};
use super::{Check, Context, Hit, Kind};
use crate::document::Span;
use std::collections::{BTreeMap, BTreeSet};

/// The kind's name.
pub const NAME: &str = "conflict";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
同一数量在两处给出了不可能同时成立的数值：开头与小结中对同一总数的分类统计
（“25项整改任务已完成17项”与“25项整改任务已完成18项”），或针对同一批问题的整改措施总数
（“50个问题……151条整改措施”与“50个问题……150条整改措施”）。只有总数、名词与状态都相同时
才视为同一数量；不同年份、不同村、不同方面的同名数字不比较。逐项状态足以判断对错时，
由 `tally` 报告，这里不重复。
The same quantity stated twice with values that cannot both be true: the same tally split in two
places, or the measures for the same problems counted twice. Figures are the same quantity only
when total, noun and status all agree. Where the items' statuses settle it, `tally` reports it.

## 为什么 / Why it matters
同一数字前后不一，读者无法判断哪一个是真的；这通常是修改稿时只改了一处。
When a figure is stated twice and differs, one of the two was not updated, and readers cannot tell which.

## 示例 / Example
不通过 / Failing：
    巡察反馈的12条整改措施已落实10条。
    ……
    截至目前，12条整改措施已落实11条。
通过 / Passing：
    巡察反馈的12条整改措施已落实11条。
    ……
    截至目前，12条整改措施已落实11条。

## 参数 / Parameters
无。 None.
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["first", "second", "quantity", "unit"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
};

struct Conflict;

/// The kind takes no parameters; any key is an error.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {}

fn compile(params: &serde_yaml::Value) -> Result<Box<dyn Check>, String> {
    let _: Params = super::params(params)?;
    Ok(Box::new(Conflict))
}

/// One statement of a keyed quantity.
struct Stated {
    /// What the quantity is, in words, e.g. "25项整改任务中已完成的".
    quantity: String,
    /// The dates the sentence gives before the total ("截至2023年9月21日"), as ISO text.
    when: String,
    value: u32,
    unit: String,
    span: Span,
    sentence: Span,
}

/// Words that tie a figure to a period or a batch ("集中整改期间", "第一批"): figures of
/// different periods may both be true, so such statements are not compared.
const PERIOD: &[&str] = &[
    "期间",
    "阶段",
    "以来",
    "批",
    "年度",
    "上半年",
    "下半年",
    "季度",
];

/// The dates before a total in its sentence, as ISO text; None when the sentence ties the
/// figure to a period.
fn when(cx: &Context, total: &Count) -> Option<String> {
    let start = total.sentence.start;
    let end = total.fig.quantity.span.start;
    if PERIOD.iter().any(|w| cx.doc.source[start..end].contains(w)) {
        return None;
    }
    let dates = &cx.facts.dates;
    let first = dates.partition_point(|d| d.date.span.start < start);
    let isos: Vec<String> = dates[first..]
        .iter()
        .take_while(|d| d.date.span.end <= end)
        .filter_map(|d| d.date.start.iso())
        .collect();
    Some(isos.join(","))
}

/// "具体整改措施" and "整改措施" name the same thing.
fn plain(noun: &str) -> &str {
    noun.trim_start_matches("具体")
}

/// Parts of tallies the items cannot settle, keyed by total, unit and status.
fn tally_parts(cx: &Context) -> Vec<Stated> {
    let mut out = Vec::new();
    let unknown = statuses(&cx.doc.items)[3];
    for t in tallies(cx) {
        if judged(cx, &t, unknown, MAX_UNKNOWN_SHARE) {
            continue;
        }
        let Some(when) = when(cx, &t.total) else {
            continue;
        };
        let total = format!("{}{}{}", t.total.value, t.total.unit(), plain(t.noun));
        for p in &t.parts {
            out.push(Stated {
                quantity: format!("{total}中{}的", p.bucket.words()),
                when: when.clone(),
                value: p.count.value,
                unit: p.count.unit().to_string(),
                span: p.count.span(),
                sentence: p.count.sentence.clone(),
            });
        }
    }
    out
}

/// Measures totals with the problem total they serve in the same sentence before them.
fn measure_totals(cx: &Context) -> Vec<Stated> {
    let mut out = Vec::new();
    let mut base: Option<(Count, &str)> = None;
    for c in counts(cx, COUNT_UNITS) {
        if base.as_ref().is_some_and(|(b, _)| b.sentence != c.sentence) {
            base = None;
        }
        match total_of(&c) {
            Some((Class::Problems, noun)) => base = Some((c, noun)),
            Some((Class::Measures, noun))
                if !super::item_count::in_items(cx.doc, &c.fig.quantity.span) =>
            {
                let (Some((b, base_noun)), Some(when)) = (&base, when(cx, &c)) else {
                    continue;
                };
                out.push(Stated {
                    quantity: format!(
                        "{}{}{}的{}",
                        b.value,
                        b.unit(),
                        plain(base_noun),
                        plain(noun)
                    ),
                    when,
                    value: c.value,
                    unit: c.unit().to_string(),
                    span: c.span(),
                    sentence: c.sentence.clone(),
                });
            }
            _ => {}
        }
    }
    out
}

impl Check for Conflict {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        let mut stated = tally_parts(cx);
        stated.extend(measure_totals(cx));
        stated.sort_by_key(|s| s.span.start);
        let mut by_key: BTreeMap<(&str, &str, &str), Vec<&Stated>> = BTreeMap::new();
        for s in &stated {
            by_key
                .entry((&s.quantity, &s.unit, &s.when))
                .or_default()
                .push(s);
        }
        let mut hits = Vec::new();
        for same in by_key.values() {
            let first = same[0];
            let mut reported = BTreeSet::new();
            for later in &same[1..] {
                if later.value == first.value
                    || later.sentence == first.sentence
                    || !reported.insert(later.value)
                {
                    continue;
                }
                hits.push(
                    Hit::at(first.span.clone())
                        .value("first", first.value)
                        .value("second", later.value)
                        .value("quantity", &first.quantity)
                        .value("unit", &first.unit)
                        .label(
                            later.span.clone(),
                            format!("此处为{}{}", later.value, later.unit),
                        ),
                );
            }
        }
        hits.sort_by_key(|h| h.span.start);
        hits
    }
}

#[cfg(test)]
mod tests {

    /// The ids of this kind's packaged rules that fire on `text`.
    fn fired(text: &str) -> Vec<String> {
        crate::rules::testing::fired_of_kind(super::NAME, text)
    }

    /// An opening and a closing paragraph around a heading with no items.
    fn twice(opening: &str, later: &str) -> String {
        format!("{opening}\n一、工作开展情况\n{later}\n")
    }

    const ITEMS: &str = "二、整改落实情况\n(1)关于“桂花村账目不清”的问题。\n整改情况:已完成整改。\n(2)关于“竹园村记录缺失”的问题。\n整改情况:正在整改中,按计划于2024年9月底前完成。\n";

    #[test]
    fn table() {
        let cases: Vec<(String, &[&str])> = vec![
            (
                twice(
                    "巡察反馈的8项整改任务已完成5项。",
                    "截至目前,8项整改任务已完成6项。",
                ),
                &["conflicting-figures"],
            ),
            (
                twice(
                    "巡察反馈的8项整改任务已完成5项,正在整改3项。",
                    "截至目前,8项整改任务已完成6项,正在整改2项。",
                ),
                &["conflicting-figures", "conflicting-figures"],
            ),
            (
                twice(
                    "巡察反馈的12条整改措施已落实10条。",
                    "截至目前,12条整改措施已落实11条。",
                ),
                &["conflicting-figures"],
            ),
            (
                twice(
                    "巡察反馈的8项整改任务正在整改3项(其中2024年9月底前需完成1项)。",
                    "8项整改任务正在整改3项(其中2024年9月底前需完成2项)。",
                ),
                &["conflicting-figures"],
            ),
            (
                twice(
                    "镇党委将巡察反馈的6个具体问题,分解为20条整改措施。",
                    "针对6个问题,共制定18条整改措施。",
                ),
                &["conflicting-figures"],
            ),
            // The same values twice.
            (
                twice(
                    "巡察反馈的8项整改任务已完成5项。",
                    "截至目前,8项整改任务已完成5项。",
                ),
                &[],
            ),
            // Different totals (8 and 9 tasks) are different quantities.
            (
                twice(
                    "巡察反馈的8项整改任务已完成5项。",
                    "巡察反馈的9项整改任务已完成6项。",
                ),
                &[],
            ),
            // The same noun for different villages is not the same quantity (村小组 is no tally noun).
            (
                twice(
                    "桂花村12个村小组已完成改造10个。",
                    "竹园村12个村小组已完成改造11个。",
                ),
                &[],
            ),
            // Within one sentence the second figure is another part, not a restatement.
            (
                twice("巡察反馈的8项整改任务已完成5项,已完成6项。", "无。"),
                &[],
            ),
            // The items settle it (1 done of 2): tally reports the wrong statement, not conflict.
            (
                format!(
                    "巡察反馈的2项整改任务已完成2项。\n一、工作开展情况\n截至目前,2项整改任务已完成1项。\n{ITEMS}"
                ),
                &[],
            ),
            // Measures for different problems (6 and 3) are different quantities.
            (
                twice(
                    "镇党委将巡察反馈的6个具体问题,分解为20条整改措施。",
                    "针对3个问题,共制定8条整改措施。",
                ),
                &[],
            ),
            // Measures with no problem total beside them have no key.
            (twice("共制定20条整改措施。", "共制定18条整改措施。"), &[]),
            // Approximate figures are never held to one value.
            (
                twice(
                    "巡察反馈的8项整改任务已完成5项以上。",
                    "截至目前,8项整改任务已完成6项。",
                ),
                &[],
            ),
            // A part stated only once (June) is not contradicted by its absence.
            (
                twice(
                    "巡察反馈的8项整改任务正在整改3项(其中2024年6月底前需完成1项,9月底前需完成2项)。",
                    "8项整改任务正在整改3项(其中2024年9月底前需完成2项)。",
                ),
                &[],
            ),
            // Two totals of problems are item_count's business.
            (
                twice(
                    "巡察组反馈了6个具体问题。",
                    "巡察组反馈的7个具体问题已全部整改。",
                ),
                &[],
            ),
            // Different years are different quantities: the total differs with them.
            (
                twice(
                    "2023年巡察反馈的8项整改任务已完成5项。",
                    "2024年巡察反馈的5项整改任务已完成4项。",
                ),
                &[],
            ),
            // Done and open parts of the same total are different quantities.
            (
                twice(
                    "巡察反馈的8项整改任务已完成5项。",
                    "8项整改任务中正在整改3项。",
                ),
                &[],
            ),
            // Two items' own figures are about two problems, not one quantity.
            (
                "一、整改落实情况\n(1)关于“桂花村账目不清”的问题。\n整改情况:梳理问题12个,已整改10个。\n(2)关于“竹园村记录缺失”的问题。\n整改情况:梳理问题12个,已整改8个。\n".to_string(),
                &[],
            ),
            // Different as-of dates: both figures can be true.
            (
                twice(
                    "截至2024年3月31日,巡察反馈的8项整改任务已完成5项。",
                    "截至2024年6月30日,8项整改任务已完成7项。",
                ),
                &[],
            ),
            // A figure tied to a period (集中整改期间) is not the figure as of now.
            (
                twice(
                    "集中整改期间,巡察反馈的8项整改任务已完成5项。",
                    "截至目前,8项整改任务已完成7项。",
                ),
                &[],
            ),
        ];
        for (text, want) in &cases {
            assert_eq!(fired(text), *want, "{text}");
        }
        let passing = cases.iter().filter(|(_, w)| w.is_empty()).count();
        assert!(cases.len() >= 15 && 2 * passing >= cases.len());
    }
}
