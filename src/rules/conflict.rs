//! `conflict`: The same quantity stated twice with values that cannot both be true, and a list
//! of names against its count (readings in `facts::tallies`, `facts::restated`, `facts::lists`).
//!
//! "The same quantity" needs a strong key, never a noun alone: a part of a tally is keyed by its
//! total and its status ("25项整改任务……已完成A项"), a measures total by the problems it serves
//! ("50个问题……151条整改措施"). Two figures with the same noun in different contexts are not
//! compared.

use super::{Check, Context, Hit, Kind};
use crate::document::Span;
use crate::facts::restated::scope_of;
use crate::facts::tallies::{
    COUNT_UNITS, Class, Count, MAX_UNKNOWN_SHARE, all_tallies, counts, judged, statuses, total_of,
};
use crate::facts::{lists, restated};
use std::collections::{BTreeMap, BTreeSet};

/// The kind's name.
pub const NAME: &str = "conflict";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
同一数量在两处给出了不可能同时成立的数值：开头与小结中对同一总数的分类统计
（“25项整改任务已完成17项”与“25项整改任务已完成18项”），针对同一批问题的整改措施总数
（“50个问题……151条整改措施”与“50个问题……150条整改措施”），或后文回指前文的数字
（“追缴违规资金36.58万元”……“追缴的38.56万元违规资金”：`的`或“对照”回指，名词与动词相同，
无“其中、各、今年、已完成”等范围词）。只有总数、名词与状态都相同时才视为同一数量；
不同年份、不同村、不同方面（并列的小节）的同名数字不比较。逐项状态足以判断对错时，
由 `tally` 报告，这里不重复。
`reads: lists` 时，比较“、”列举的名称与紧随其后的数目（“对甲镇、乙乡、丙街道3个乡镇”）：
“和、及、与”可能连接两个名称，也可能在一个名称之内，两种读法都不符时才报告；
以“等”结尾的列举、名称中含数字或“各、所辖”的列举、与名称数相差过大的数目不比较。
The same quantity stated twice with values that cannot both be true: the same tally split in two
places, the measures for the same problems counted twice, or a figure referred back to (after
`的` or `对照`, same noun, same verb, no word of scope) with another value. Figures are the same
quantity only when total, noun and status all agree, and two parallel sub-sections' figures never
are. Where the items' statuses settle it, `tally` reports it. With `reads: lists`, a list of names
against the count right after it; `和` may join two names or sit inside one, and only a count that
no reading gives is reported; open lists (`等`) are never counted.

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
不通过 / Failing（`reads: lists`，列举了3个名称）：
    县委巡察组对甲镇、乙乡、丙街道4个乡镇开展了巡察。

## 参数 / Parameters
- `reads`: `restated`（默认：同一数量两次陈述、回指的数字）或 `lists`（列举的名称与数目）。
  `restated` (default: a quantity stated twice, a figure referred back to) or `lists` (a list of
  names against its count).
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["first", "second", "quantity", "unit"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/conflict.yaml",
        include_str!("../../rules/conflict.yaml"),
    ),
};

struct Conflict {
    reads: Reads,
}

/// Which statements a rule compares.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Reads {
    /// A figure stated twice: tallies, measures totals, figures referred back to.
    #[default]
    Restated,
    /// A list of names against the count stated right after it.
    Lists,
}

/// The kind's parameters.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    /// `restated` (default) or `lists`.
    #[serde(default)]
    reads: Reads,
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    Ok(Box::new(Conflict { reads: p.reads }))
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
    /// The sub-section the statement is about (see [`scope_of`]); None for the whole report.
    scope: Option<usize>,
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
    for t in all_tallies(cx.doc, cx.facts, cx.vocab) {
        if judged(&cx.doc.items, &t, unknown, MAX_UNKNOWN_SHARE) {
            continue;
        }
        let Some(when) = when(cx, &t.total) else {
            continue;
        };
        let total = format!("{}{}{}", t.total.value, t.total.unit(), plain(t.noun));
        for p in &t.parts {
            out.push(Stated {
                quantity: format!("{total}中{}的", p.bucket.words(cx.vocab)),
                when: when.clone(),
                value: p.count.value,
                unit: p.count.unit().to_string(),
                span: p.count.span(),
                sentence: p.count.sentence.clone(),
                scope: scope_of(cx.doc, p.count.span().start),
            });
        }
    }
    out
}

/// Measures totals with the problem total they serve in the same sentence before them.
fn measure_totals(cx: &Context) -> Vec<Stated> {
    let mut out = Vec::new();
    let mut base: Option<(Count, &str)> = None;
    for c in counts(cx.doc, cx.facts, COUNT_UNITS) {
        if base.as_ref().is_some_and(|(b, _)| b.sentence != c.sentence) {
            base = None;
        }
        match total_of(&c) {
            Some((Class::Problems, noun)) => base = Some((c, noun)),
            Some((Class::Measures, noun))
                if cx.doc.item_containing(&c.fig.quantity.span).is_none() =>
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
                    scope: scope_of(cx.doc, c.span().start),
                });
            }
            _ => {}
        }
    }
    out
}

impl Check for Conflict {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        let mut hits = match self.reads {
            Reads::Restated => {
                let mut hits = keyed(cx);
                hits.extend(referred_back(cx));
                hits
            }
            Reads::Lists => listed(cx),
        };
        hits.sort_by_key(|h| h.span.start);
        hits
    }

    fn unchecked(&self, cx: &Context) -> Vec<(Span, String)> {
        match self.reads {
            Reads::Lists => lists::read(cx.doc)
                .1
                .into_iter()
                .map(|(span, why)| (span, why.to_string()))
                .collect(),
            Reads::Restated => Vec::new(),
        }
    }
}

/// Two statements can be of one quantity when they are about the same part of the report, or
/// one of them is about the whole: two parallel sub-sections' tallies are two quantities.
fn same_scope(a: Option<usize>, b: Option<usize>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Tally parts and measures totals with the same key and different values.
fn keyed(cx: &Context) -> Vec<Hit> {
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
        let mut reported = BTreeSet::new();
        for (k, later) in same.iter().enumerate().skip(1) {
            let Some(first) = same[..k]
                .iter()
                .find(|e| same_scope(e.scope, later.scope) && e.sentence != later.sentence)
            else {
                continue;
            };
            if later.value == first.value || !reported.insert((first.span.start, later.value)) {
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
    hits
}

/// Figures referred back to ("追缴的38.56万元违规资金") with another value than stated before.
fn referred_back(cx: &Context) -> Vec<Hit> {
    restated::read(cx.doc, &cx.facts.figures)
        .into_iter()
        .filter(|r| r.differs)
        .map(|r| {
            let src = cx.doc.source.as_str();
            let (first, second) = (&src[r.first.clone()], &src[r.second.clone()]);
            Hit::at(r.second.clone())
                .value("first", second)
                .value("second", first)
                .value("quantity", &r.noun)
                .value("unit", "")
                .label(r.first.clone(), format!("前文为{first}"))
        })
        .collect()
}

/// Lists whose names no reading makes as many as the count after them.
fn listed(cx: &Context) -> Vec<Hit> {
    lists::read(cx.doc)
        .0
        .into_iter()
        .filter(lists::Enumeration::disagrees)
        .map(|e| {
            Hit::at(e.count.clone())
                .value("first", e.stated)
                .value("second", e.nearest())
                .value("quantity", &e.noun)
                .value("unit", &e.measure)
                .label(e.list.clone(), format!("列举了{}个名称", e.nearest()))
        })
        .collect()
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
            // Two parallel sub-sections' tallies are two quantities, even with equal totals.
            (
                "一、分类整改情况\n(一)组织建设方面。涉及问题6个,已整改4个,部分整改1个,正在整改1个。\n(二)作风建设方面。涉及问题6个,已整改5个,正在整改1个。\n".to_string(),
                &[],
            ),
            // A figure referred back to with another value.
            (
                twice(
                    "镇党委收回违规补贴12.35万元。",
                    "收回的12.53万元违规补贴已全部上缴镇财政。",
                ),
                &["conflicting-figures"],
            ),
            (
                twice(
                    "镇党委收回违规补贴12.35万元。",
                    "收回的12.35万元违规补贴已全部上缴镇财政。",
                ),
                &[],
            ),
            // A list against its count.
            (
                twice("督导组已进驻青山、绿水和白云4个乡镇。", "无。"),
                &["list-count-mismatch"],
            ),
            (
                twice("督导组已进驻青山、绿水和白云3个乡镇。", "无。"),
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
