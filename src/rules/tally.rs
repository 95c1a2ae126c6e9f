//! `tally`: A stated split of the items by status or deadline, against the items' own statuses and deadlines.
//!
//! The reading of counts and tallies, which `item_count` and `conflict` share, is in
//! [`crate::facts::tallies`].

mod summary;

use crate::facts::tallies::*;

use super::{Check, Context, Hit, Kind};
use crate::document::{Item, Status};
use crate::parse::vocab::Vocabulary;
use serde::Deserialize;

/// The kind's name.
pub const NAME: &str = "tally";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
按状态或时限对问题的分类统计（“25项整改任务已完成18项，正在整改7项（其中7月底前需完成2项……）”），
与逐项列出的各项自身的状态（已完成整改、部分完成、正在整改中）和时限（按计划于……前完成）对照。
只在总数与逐项列出的数目相同、且状态不明的项很少时才比较。
A stated split of the items by status or deadline, against the statuses and deadlines the items
themselves report; only when the stated total equals the itemized count and few statuses are unknown.
也比较：没有总数、各部分之和等于逐项数的统计（“已办结4件,正在整改1件”）；标题下本方面的统计
（“本方面整改任务12项,已完成8项……”）与该标题下的各项；“其余9项”“尚未销号的8项”与未完成的项；
报告自己划分的类别（“长期坚持1个”）与标为该类的项；按方面汇总的统计表（“方面\t问题数\t已完成\t正在整改”）
每一行与该方面标题下的各项。“(含部分整改2个)”是前一部分中的一部分，不另算。
Also: a split with no total whose parts sum to the items; a heading's own split against the
items under it; `其余N项` and `尚未销号的N项` against the items not done; a class the report counts
apart (长期坚持) against the items of that class; each row of a summary table of counts by area
against the items under that area's heading. `(含……)` is a share of the part before it.

## 为什么 / Why it matters
开头的“已完成××项”是读者最先看到、也最常被引用的数字；它与正文各项不符，说明统计口径或
文字未随整改进展更新，整份通报的可信度随之受损。
The headline tally is the figure readers quote; when it disagrees with the items it was not updated.

## 示例 / Example
不通过 / Failing（正文两项中只有一项写明已完成整改）：
    截至目前，巡察反馈的2项整改任务已完成2项。
通过 / Passing：
    截至目前，巡察反馈的2项整改任务已完成1项，正在整改1项（其中2024年9月底前需完成1项）。

## 参数 / Parameters
- `by`: `status`（按状态：已完成、部分完成、正在整改）或 `deadline`（按“……前需完成”的时限）。
  What the split is by: `status` or `deadline`.
- `max_unknown_share`: 状态不明的项占全部项的比例上限，超过则不比较（默认 0.2）。
  The largest share of items with no stated status for which the check still runs (default 0.2).
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &[
    "stated",
    "counted",
    "status",
    "total",
    "unit",
    "noun",
    "done",
    "partial",
    "ongoing",
    "unknown",
    "deadlines",
];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: ("rules/tally.yaml", include_str!("../../rules/tally.yaml")),
};

/// Which split a rule checks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum By {
    /// 已完成 / 部分完成 / 正在整改.
    #[default]
    Status,
    /// ……前需完成.
    Deadline,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Params {
    by: By,
    max_unknown_share: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            by: By::Status,
            max_unknown_share: MAX_UNKNOWN_SHARE,
        }
    }
}

struct TallyCheck {
    params: Params,
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let params: Params = super::params(params)?;
    if !(0.0..=1.0).contains(&params.max_unknown_share) {
        return Err("max_unknown_share must be between 0 and 1".into());
    }
    Ok(Box::new(TallyCheck { params }))
}

/// "18" or "18至20" for a range of possible counts.
fn range(lo: u32, hi: u32) -> String {
    if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}至{hi}")
    }
}

/// The items still open and the month each is due.
struct Open<'a> {
    items: Vec<&'a Item>,
    dues: Vec<Option<(i32, u32)>>,
}

impl<'a> Open<'a> {
    /// Partial items count as open unless the tally names them apart (`split_partial`).
    fn read(cx: &Context<'a>, split_partial: bool) -> Self {
        Open::of(cx, cx.doc.items.iter().collect(), split_partial)
    }

    /// The open ones among some of the items.
    fn of(cx: &Context<'a>, all: Vec<&'a Item>, split_partial: bool) -> Self {
        let open = |i: &&Item| {
            i.status == Status::Ongoing || (!split_partial && i.status == Status::Partial)
        };
        let items: Vec<&Item> = all.into_iter().filter(open).collect();
        let dues = items.iter().map(|i| item_due(cx.facts, i)).collect();
        Open { items, dues }
    }

    /// The open items due in a month.
    fn due_in(&self, month: (i32, u32)) -> Vec<&'a Item> {
        let due = self.items.iter().zip(&self.dues);
        due.filter(|(_, d)| **d == Some(month))
            .map(|(i, _)| *i)
            .collect()
    }
}

/// Why a tally of the items is not compared with them.
const TOO_MANY_UNKNOWN: &str =
    "未核对: 逐项所列状态不明的项过多 / not checked: too many items state no status";

impl Check for TallyCheck {
    fn unchecked(&self, cx: &Context) -> Vec<(crate::document::Span, String)> {
        let items = &cx.doc.items;
        let unknown = statuses(items)[3];
        if self.params.by != By::Status
            || items.is_empty()
            || f64::from(unknown) <= self.params.max_unknown_share * items.len() as f64
        {
            return Vec::new();
        }
        tallies(cx.doc, cx.facts, cx.vocab)
            .iter()
            .filter(|t| t.class == Class::Problems && t.total.value as usize == items.len())
            .flat_map(|t| t.parts.iter().map(|p| p.count.span()))
            .map(|span| (span, TOO_MANY_UNKNOWN.to_string()))
            .collect()
    }

    fn check(&self, cx: &Context) -> Vec<Hit> {
        let unknown = statuses(&cx.doc.items)[3];
        let mut open: [Option<Open>; 2] = [None, None];
        let mut hits = Vec::new();
        let areas = area_tallies(cx.doc, cx.facts, cx.vocab);
        for t in tallies(cx.doc, cx.facts, cx.vocab).into_iter().chain(areas) {
            let split = t.parts.iter().any(|p| p.bucket == Bucket::Partial);
            if !judged(&cx.doc.items, &t, unknown, self.params.max_unknown_share) {
                // A heading's own tally ("本方面整改任务12项,已完成8项……") against its items.
                if let Some(scope) = self.scope(cx, &t) {
                    let open = Open::of(cx, scope.clone(), split);
                    let counts = ClassCounts::of(cx.vocab, &scope, &t, split);
                    for p in &t.parts {
                        hits.extend(self.compare(cx.vocab, &t, t.total.value, p, &counts, &open));
                    }
                }
                continue;
            }
            let open = open[usize::from(split)].get_or_insert_with(|| Open::read(cx, split));
            let counts = ClassCounts::read(cx, &t, split);
            for p in &t.parts {
                hits.extend(self.compare(cx.vocab, &t, t.total.value, p, &counts, open));
            }
        }
        // A summary table of counts by area, row by row.
        if self.params.by == By::Status
            && f64::from(unknown) <= self.params.max_unknown_share * cx.doc.items.len() as f64
        {
            for r in summary::rows(cx) {
                hits.extend(summary::hit(cx.doc, cx.vocab, &r));
            }
        }
        // "尚未销号的8项": the items not done, when the items are the whole list.
        let few = f64::from(unknown) <= self.params.max_unknown_share * cx.doc.items.len() as f64;
        if cx.doc.layout.complete && !cx.doc.items.is_empty() && few {
            let all = cx.doc.items.len() as u32;
            for t in not_done(cx.doc, cx.facts) {
                let open = open[0].get_or_insert_with(|| Open::read(cx, false));
                let counts = ClassCounts::read(cx, &t, false);
                hits.extend(self.compare(cx.vocab, &t, all, &t.parts[0], &counts, open));
            }
        }
        // Parts with no total: their sum must be the number of items for them to be the items' split.
        for t in headless(cx.doc, cx.facts, cx.vocab) {
            let sum: u32 = t.parts.iter().map(|p| p.count.value).sum();
            let items = cx.doc.items.len();
            let few_unknown = f64::from(unknown) <= self.params.max_unknown_share * items as f64;
            if sum as usize != items || items == 0 || !few_unknown {
                continue;
            }
            let split = t.parts.iter().any(|p| p.bucket == Bucket::Partial);
            let open = open[usize::from(split)].get_or_insert_with(|| Open::read(cx, split));
            let counts = ClassCounts::read(cx, &t, split);
            for p in &t.parts {
                hits.extend(self.compare(cx.vocab, &t, sum, p, &counts, open));
            }
        }
        hits
    }
}

/// The items' statuses as one tally counts them: items of a class the tally names (长期坚持1个)
/// count in that class only; items of a class it does not name may be counted as done or open.
struct ClassCounts {
    done: u32,
    partial: u32,
    ongoing: u32,
    unknown: u32,
    /// Items of a class the tally does not name.
    unnamed: u32,
    /// Open items (ongoing, and partial unless the tally names partial ones apart), outside
    /// any class.
    open: u32,
    /// Items per class index.
    classes: Vec<u32>,
    /// Items with a status other than done.
    not_done: u32,
}

impl ClassCounts {
    fn read(cx: &Context, t: &Tally, split_partial: bool) -> Self {
        ClassCounts::of(
            cx.vocab,
            &cx.doc.items.iter().collect::<Vec<_>>(),
            t,
            split_partial,
        )
    }

    fn of(vocab: &Vocabulary, items: &[&Item], t: &Tally, split_partial: bool) -> Self {
        let named: Vec<usize> = t
            .parts
            .iter()
            .filter_map(|p| match p.bucket {
                Bucket::Class(k) => Some(k),
                _ => None,
            })
            .collect();
        let mut c = ClassCounts {
            done: 0,
            partial: 0,
            ongoing: 0,
            unknown: 0,
            unnamed: 0,
            open: 0,
            classes: vec![0; vocab.classes.len()],
            not_done: 0,
        };
        for i in items {
            if !matches!(i.status, Status::Done | Status::Unknown) {
                c.not_done += 1;
            }
            let class = i
                .class
                .as_ref()
                .and_then(|n| vocab.classes.iter().position(|c| c.name == *n));
            match class {
                Some(k) if named.contains(&k) => {
                    c.classes[k] += 1;
                    continue;
                }
                Some(_) => {
                    c.unnamed += 1;
                    continue;
                }
                None => {}
            }
            match i.status {
                Status::Done => c.done += 1,
                Status::Partial => c.partial += 1,
                Status::Ongoing => c.ongoing += 1,
                Status::Unknown => c.unknown += 1,
            }
        }
        c.open = c.ongoing + if split_partial { 0 } else { c.partial };
        c
    }
}

impl TallyCheck {
    /// The items under the innermost heading around a tally that holds items, when they are
    /// as many as its total, fewer than all the items, and few leave their status unknown.
    fn scope<'a>(&self, cx: &Context<'a>, t: &Tally) -> Option<Vec<&'a Item>> {
        let doc = cx.doc;
        if t.class != Class::Problems || !doc.layout.complete {
            return None;
        }
        let at = t.total.span();
        let items: Vec<&Item> = doc
            .sections
            .iter()
            .filter(|s| s.span.start <= at.start && at.end <= s.span.end)
            .map(|s| {
                doc.items
                    .iter()
                    .filter(|i| s.span.start <= i.span.start && i.span.end <= s.span.end)
                    .collect::<Vec<_>>()
            })
            .rfind(|items| !items.is_empty())?;
        let unknown = items.iter().filter(|i| i.status == Status::Unknown).count();
        let fits = items.len() == t.total.value as usize && items.len() < doc.items.len();
        let few = unknown as f64 <= self.params.max_unknown_share * items.len() as f64;
        (fits && few).then_some(items)
    }

    /// A hit when a part of a tally cannot be the items' own count.
    fn compare(
        &self,
        vocab: &Vocabulary,
        t: &Tally,
        total: u32,
        p: &Part,
        counts: &ClassCounts,
        open: &Open,
    ) -> Option<Hit> {
        let ClassCounts {
            done,
            partial,
            ongoing,
            unknown,
            unnamed,
            ..
        } = *counts;
        let (lo, labelled) = match (self.params.by, p.bucket) {
            (By::Status, Bucket::Done) => (done, Vec::new()),
            (By::Status, Bucket::Partial) => (partial, Vec::new()),
            (By::Status, Bucket::Open) => (counts.open, Vec::new()),
            (By::Status, Bucket::NotDone) => (counts.not_done, Vec::new()),
            (By::Status, Bucket::Class(k)) => {
                (counts.classes.get(k).copied().unwrap_or(0), Vec::new())
            }
            (By::Deadline, Bucket::Due(y, m)) => {
                let due = open.due_in((y, m));
                (due.len() as u32, due)
            }
            _ => return None,
        };
        // Items of unknown status (and open items with no deadline) may be any of them; items
        // of a class the tally does not name may be done or open.
        let slack = match p.bucket {
            Bucket::Due(..) => unknown + open.dues.iter().filter(|d| d.is_none()).count() as u32,
            Bucket::Class(_) | Bucket::NotDone => unknown,
            _ => unknown + unnamed,
        };
        let stated = p.count.value;
        if (lo..=lo + slack).contains(&stated) {
            return None;
        }
        let mut hit = Hit::at(p.count.span())
            .value("stated", stated)
            .value("counted", range(lo, lo + slack))
            .value("status", p.bucket.words(vocab))
            .value("total", total)
            .value("unit", p.count.unit())
            .value("noun", t.noun)
            .value("done", done)
            .value("partial", partial)
            .value("ongoing", ongoing)
            .value("unknown", unknown)
            .value("deadlines", deadline_list(&open.dues, p.count.unit()));
        if t.total.value == total && t.total.span() != p.count.span() {
            hit = hit.label(t.total.span(), "总数");
        }
        let before = |o: &&Part| o.count.fig.quantity.span.start < p.count.span().start;
        let parent = t
            .parts
            .iter()
            .filter(before)
            .rfind(|o| o.bucket == Bucket::Open);
        if let (Bucket::Due(..), Some(o)) = (p.bucket, parent) {
            hit = hit.label(o.count.span(), "其中所属的正在整改数");
        }
        for s in labelled
            .iter()
            .filter_map(|i| i.status_span.clone())
            .take(5)
        {
            hit = hit.label(s, "逐项所列的时限");
        }
        Some(hit)
    }
}

/// "2021年7月底前2项、2021年9月底前3项" for the open items' deadlines.
fn deadline_list(dues: &[Option<(i32, u32)>], unit: &str) -> String {
    let mut months: Vec<(i32, u32)> = dues.iter().flatten().copied().collect();
    months.sort();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < months.len() {
        let n = months[i..].iter().take_while(|m| **m == months[i]).count();
        parts.push(format!("{}年{}月底前{n}{unit}", months[i].0, months[i].1));
        i += n;
    }
    let missing = dues.iter().filter(|d| d.is_none()).count();
    if missing > 0 {
        parts.push(format!("未写时限{missing}{unit}"));
    }
    if parts.is_empty() {
        "无".into()
    } else {
        parts.join("、")
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::pack::Pack;
    use proptest::prelude::*;

    /// Pieces of reports, so that random inputs reach totals, parts, dates and items.
    const PIECES: &[&str] = &[
        "巡察反馈的",
        "25项",
        "整改任务",
        "已完成",
        "17项",
        "正在整改",
        "8个",
        "问题",
        "(其中",
        "2021年5月底前",
        "需完成",
        "1项",
        ")",
        ",",
        "、",
        "。",
        "\n",
        "(1)关于“",
        "”的问题。",
        "整改情况:",
        "已完成整改。",
        "按计划于2024年9月底前完成。",
        "一、",
        "(一)",
        "方面",
        "三方面",
        "对甲镇",
        "乙乡",
        "个乡镇",
        "等",
        "151条",
        "整改措施",
        "截至目前",
        "两",
        "余",
        "１２",
        "，",
        "（",
        "）",
        "é",
        "\u{3000}",
        "【已完成】",
        "［持续整改］",
        "(正在整改)",
        "问题一：",
        "第二项:",
        "【问题3】",
        "【整改状态】",
        "整改进展：",
        "序号\t问题\t整改结果\n",
        "| 1 | 甲 | 已整改 |",
        "\t",
        "  ",
        "|",
        "一是",
        "；二是",
        "其余",
        "尚未销号的",
        "长期坚持",
        "序时推进中",
        "本方面",
        "(3个问题)",
        "含",
        "方面\t问题数\t已完成\t正在整改\n",
        "甲\t2\t1\t1\n",
        "合计\t3\t2\t1\n",
    ];

    proptest! {
        #[test]
        fn no_panic_and_spans_on_char_boundaries(picks in prop::collection::vec(0..PIECES.len(), 0..80)) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let pack = Pack::packaged().expect("the packaged rules load");
            let (doc, facts) = crate::analyse(&text);
            // The items' spans too, which `zglint parse` prints, in order and not overlapping.
            let mut last_end = 0;
            for i in &doc.items {
                for s in [&i.head_span, &i.span].into_iter().chain(i.status_span.as_ref()) {
                    prop_assert!(s.start <= s.end && s.end <= text.len());
                    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
                prop_assert!(last_end <= i.span.start);
                last_end = i.span.end;
            }
            let _ = pack.unchecked(&doc, &facts);
            for f in pack.check(&doc, &facts) {
                if ["item_count", "tally", "conflict"].contains(&f.kind.as_str()) {
                    for s in std::iter::once(&f.span).chain(f.labels.iter().map(|l| &l.span)) {
                        prop_assert!(s.start <= s.end && s.end <= text.len());
                        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                    }
                }
            }
        }
    }

    /// The ids of this kind's packaged rules that fire on `text`.
    fn fired(text: &str) -> Vec<String> {
        crate::rules::testing::fired_of_kind(super::NAME, text)
    }

    /// A report opening with `opening`, then one item per status line.
    fn report(opening: &str, statuses: &[&str]) -> String {
        let items: String = statuses
            .iter()
            .enumerate()
            .map(|(i, s)| {
                format!(
                    "({})关于“枫林村问题{}”的问题。\n整改情况:{s}\n",
                    i + 1,
                    i + 1
                )
            })
            .collect();
        format!("{opening}\n一、整改落实情况\n{items}落款\n2024年6月20日\n")
    }

    const DONE: &str = "已完成整改。";
    const SEPT: &str = "正在整改中,按计划于2024年9月底前完成。";
    const DEC: &str = "正在整改中,按计划于2024年12月31日前完成。";
    const PART: &str = "部分整改未完成,正在积极推进整改。";
    const NONE: &str = "召开了专题会议。";

    #[test]
    fn table() {
        let cases: Vec<(String, &[&str])> = vec![
            (
                report("巡察反馈的3项整改任务已完成3项。", &[DONE, DONE, SEPT]),
                &["tally-mismatch"],
            ),
            (
                report(
                    "截至目前,3项整改任务已完成1项,正在整改2项。",
                    &[DONE, DONE, SEPT],
                ),
                &["tally-mismatch", "tally-mismatch"],
            ),
            (
                report("巡察反馈的3个问题,有3个完成整改。", &[DONE, DONE, SEPT]),
                &["tally-mismatch"],
            ),
            (
                report(
                    "巡察反馈的3个问题,已完成整改2个,1个部分完成。",
                    &[DONE, DONE, SEPT],
                ),
                &["tally-mismatch"],
            ),
            (
                report(
                    "巡察反馈的3项整改任务已完成两项,正在整改1项(其中2024年6月底前需完成1项)。",
                    &[DONE, DONE, SEPT],
                ),
                &["deadline-tally-mismatch"],
            ),
            (
                report(
                    "巡察反馈的3项整改任务已完成1项,正在整改2项(其中2024年9月底前需完成2项)。",
                    &[DONE, SEPT, DEC],
                ),
                &["deadline-tally-mismatch"],
            ),
            // Consistent: 2 done, 1 open with its deadline.
            (
                report(
                    "巡察反馈的3项整改任务已完成2项,正在整改1项(其中2024年9月底前需完成1项)。",
                    &[DONE, DONE, SEPT],
                ),
                &[],
            ),
            // The total (4) is not the number of items (3): item_count's business, not a split to compare.
            (
                report("巡察反馈的4项整改任务已完成3项。", &[DONE, DONE, SEPT]),
                &[],
            ),
            // Two of three items state no status: too little to compare with.
            (
                report("巡察反馈的3项整改任务已完成3项。", &[DONE, NONE, NONE]),
                &[],
            ),
            // A partial item is still open when the tally names no partial part.
            (
                report(
                    "巡察反馈的3项整改任务已完成1项,正在整改2项。",
                    &[DONE, PART, SEPT],
                ),
                &[],
            ),
            // Measures are not the items: 5条 of 6条 is not compared with 3 items.
            (
                report(
                    "巡察反馈问题涉及的6条整改措施已落实5条。",
                    &[DONE, DONE, SEPT],
                ),
                &[],
            ),
            // "12月31日" is due by the end of December.
            (
                report(
                    "巡察反馈的2项整改任务已完成1项,正在整改1项(其中2024年12月底前需完成1项)。",
                    &[DONE, DEC],
                ),
                &[],
            ),
            // One unknown status in five may be the fifth done item.
            (
                report(
                    "巡察反馈的5项整改任务已完成5项。",
                    &[DONE, DONE, DONE, DONE, NONE],
                ),
                &[],
            ),
            // An open item with no written deadline may be the one due in June.
            (
                report(
                    "巡察反馈的2项整改任务已完成1项,正在整改1项(其中2024年6月底前需完成1项)。",
                    &[DONE, "正在整改中。"],
                ),
                &[],
            ),
            // People (人) are not the tasks' unit.
            (
                report(
                    "巡察反馈的2项整改任务已完成2项,处理干部3人。",
                    &[DONE, DONE],
                ),
                &[],
            ),
            // "需完成" with no date names no status.
            (
                report("巡察反馈的2项整改任务需完成2项。", &[DONE, SEPT]),
                &[],
            ),
            // The noun before the count ("反馈问题3个") names a total too.
            (
                report(
                    "巡察反馈问题3个,已整改到位2个,正在整改1个。",
                    &[DONE, DONE, SEPT],
                ),
                &[],
            ),
            (
                report("巡察反馈问题3个,已整改到位3个。", &[DONE, DONE, SEPT]),
                &["tally-mismatch"],
            ),
            // An item's own figures are about that item, even when its total equals the item count.
            (
                report(
                    "巡察组反馈意见如下。",
                    &[
                        "梳理问题3个,已完成整改3个。正在整改中,按计划于2024年9月底前完成。",
                        DONE,
                        DONE,
                    ],
                ),
                &[],
            ),
            // A count before the total is not one of its parts.
            (
                report("已完成1项,巡察反馈的2项整改任务均在推进。", &[DONE, DONE]),
                &[],
            ),
            // A category of tasks (立行立改), not the count of done ones.
            (
                report(
                    "巡察反馈的3项整改任务中,立行立改的1项已完成。",
                    &[DONE, DONE, SEPT],
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
