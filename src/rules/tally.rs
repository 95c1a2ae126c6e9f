//! `tally`: A stated split of the items by status or deadline, against the items' own statuses and deadlines.
//!
//! This file also reads the counts and tally statements that `item_count` and `conflict` use:
//! a tally is a total with a problem or measure noun ("25项整改任务") followed, in the same
//! sentence and unit, by parts that name a status ("已按期完成17项") or a deadline
//! ("其中2021年7月底前需完成2项").

use super::{Check, Context, Hit, Kind};
use crate::document::{Item, Span, Status};
use crate::facts::Figure;
use crate::facts::number::Approx;
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
};

/// Units of whole-number counts of problems, tasks and measures.
pub(super) const COUNT_UNITS: &[&str] = &["个", "项", "条", "件"];

/// Nouns that name the report's own problems or tasks, after a count ("25项整改任务").
pub(super) const PROBLEM_NOUNS: &[&str] = &[
    "问题",
    "具体问题",
    "反馈问题",
    "巡察反馈问题",
    "巡视反馈问题",
    "审计发现问题",
    "整改问题",
    "整改任务",
    "问题整改任务",
    "具体整改任务",
    "整改事项",
    "任务",
];

/// Nouns that name rectification measures ("151条整改措施").
pub(super) const MEASURE_NOUNS: &[&str] = &["整改措施", "具体整改措施", "措施"];

/// Words before a count that make it a part or a subset, not a total.
pub(super) const PART_WORDS: &[&str] = &[
    "其中",
    "已整改",
    "完成",
    "剩余",
    "余下",
    "其余",
    "未",
    "正在",
    "尚",
    "部分",
    "基本",
    "到位",
    "销号",
    "办结",
    "另有",
    "仍有",
    "还有",
    "立行立改",
    "方面",
    "每",
    "各",
];

/// Sentence ends.
const SENTENCE_STOPS: &[char] = &['。', '；', ';', '！', '？', '!', '?'];

/// Segment ends inside a sentence.
const SEGMENT_STOPS: &[char] = &[
    '。', '；', ';', '！', '？', '!', '?', '，', ',', '、', '：', ':', '(', ')', '（', '）',
];

/// A whole-number count ("25项", "48个") with the words around it.
#[derive(Debug, Clone)]
pub(super) struct Count<'a> {
    /// The figure.
    pub fig: &'a Figure,
    /// Its value.
    pub value: u32,
    /// The sentence it stands in.
    pub sentence: Span,
    /// The words of its segment before it, after any earlier figure and that figure's noun.
    pub lead: &'a str,
    /// Where `lead` starts.
    pub lead_start: usize,
    /// Where its segment (between , 、 ( ) : and sentence ends) starts.
    pub segment_start: usize,
    /// The words after it and its noun, to the end of its segment or the next figure.
    pub tail: &'a str,
}

impl Count<'_> {
    /// The count and its unit, e.g. "25项".
    pub fn span(&self) -> Span {
        self.fig.quantity.span.clone()
    }

    /// The unit, e.g. "项".
    pub fn unit(&self) -> &str {
        &self.fig.quantity.unit
    }
}

/// The whole value of a figure written as an exact count in one of `units`.
pub(super) fn whole(fig: &Figure, units: &[&str]) -> Option<u32> {
    let q = &fig.quantity;
    let plain = q.approx == Approx::Exact && !q.ordinal && !q.in_range && q.decimals == 0;
    let whole = q.scale == 1.0 && q.written >= 0.0 && q.written < 1e6 && q.written.fract() == 0.0;
    (plain && whole && units.contains(&q.unit.as_str())).then_some(q.written as u32)
}

fn stop_before(text: &str, stops: &[char]) -> usize {
    text.rfind(stops).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Every count in `units`, in document order, with its sentence and the words around it.
pub(super) fn counts<'a>(cx: &'a Context, units: &[&str]) -> Vec<Count<'a>> {
    let src = cx.doc.source.as_str();
    let figs = &cx.facts.figures;
    let mut out = Vec::new();
    for (i, fig) in figs.iter().enumerate() {
        let Some(value) = whole(fig, units) else {
            continue;
        };
        let (p, span) = (&fig.passage, &fig.quantity.span);
        let before = &src[p.start..span.start];
        let after = &src[span.end..p.end];
        let sentence_start = p.start + stop_before(before, SENTENCE_STOPS);
        let sentence_end = after.find(SENTENCE_STOPS).map_or(p.end, |j| span.end + j);
        let prev_end = i
            .checked_sub(1)
            .map(|j| &figs[j])
            .filter(|f| f.passage == *p)
            .map_or(p.start, |f| f.quantity.span.end + f.noun.len());
        let segment_start = p.start + stop_before(before, SEGMENT_STOPS);
        let lead_start = segment_start.max(prev_end).min(span.start);
        let next_start = figs
            .get(i + 1)
            .filter(|f| f.passage == *p)
            .map_or(p.end, |f| f.quantity.span.start);
        let tail_start = (span.end + fig.noun.len()).min(next_start);
        let tail_end = after
            .find(SEGMENT_STOPS)
            .map_or(p.end, |j| span.end + j)
            .min(next_start)
            .max(tail_start);
        out.push(Count {
            fig,
            value,
            sentence: sentence_start..sentence_end,
            lead: &src[lead_start..span.start],
            lead_start,
            segment_start,
            tail: &src[tail_start..tail_end],
        });
    }
    out
}

/// What a tally's total counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Class {
    /// The report's problems or tasks, which the items list.
    Problems,
    /// Rectification measures, which the items do not list one by one.
    Measures,
}

/// What a part of a tally counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Bucket {
    /// 已完成.
    Done,
    /// 部分完成, 基本完成.
    Partial,
    /// 正在整改, 未到整改时限.
    Open,
    /// 需在 (year, month) 底前完成.
    Due(i32, u32),
}

impl Bucket {
    /// The status in words, for messages.
    pub fn words(self) -> String {
        match self {
            Bucket::Done => "已完成".into(),
            Bucket::Partial => "部分完成".into(),
            Bucket::Open => "正在整改".into(),
            Bucket::Due(y, m) => format!("{y}年{m}月底前需完成"),
        }
    }
}

/// One part of a tally.
#[derive(Debug, Clone)]
pub(super) struct Part<'a> {
    /// The stated count.
    pub count: Count<'a>,
    /// What it counts.
    pub bucket: Bucket,
}

/// A total and its parts, all in one sentence and one unit.
#[derive(Debug, Clone)]
pub(super) struct Tally<'a> {
    /// The total, e.g. "25项整改任务".
    pub total: Count<'a>,
    /// What the total counts.
    pub class: Class,
    /// The parts, in order.
    pub parts: Vec<Part<'a>>,
}

/// The class of a count that states a total: a problem or measure noun follows it, and no
/// word before it makes it a part.
pub(super) fn total_class(c: &Count) -> Option<Class> {
    if PART_WORDS.iter().any(|w| c.lead.contains(w)) {
        return None;
    }
    let noun = c.fig.noun.as_str();
    if PROBLEM_NOUNS.contains(&noun) {
        Some(Class::Problems)
    } else if MEASURE_NOUNS.contains(&noun) {
        Some(Class::Measures)
    } else {
        None
    }
}

const PARTIAL: &[&str] = &["部分完成", "部分整改", "基本完成", "基本整改"];
const OPEN: &[&str] = &[
    "正在整改",
    "正在推进",
    "未到整改时限",
    "未到时限",
    "未完成",
    "未落实",
    "未整改",
    "尚未",
    "整改中",
    "推进中",
    "持续整改",
];
const DONE: &[&str] = &["完成", "到位", "销号", "办结", "已整改", "落实"];

/// What a count that follows a total counts, from the words around it.
fn bucket(cx: &Context, c: &Count) -> Option<Bucket> {
    let text = format!("{}|{}", c.lead, c.tail);
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    let start = c.fig.quantity.span.start;
    let dates = &cx.facts.dates;
    let first = dates.partition_point(|d| d.date.span.start < c.lead_start);
    let date = dates[first..]
        .iter()
        .take_while(|d| d.date.span.start < start)
        .filter(|d| d.date.span.end <= start)
        .last();
    if let Some(d) = date {
        if !c.lead.contains('前') {
            return None;
        }
        let last = d.date.latest()?;
        return Some(Bucket::Due(
            chrono::Datelike::year(&last),
            chrono::Datelike::month(&last),
        ));
    }
    if text.contains("需完成") || text.contains("前完成") {
        None
    } else if has(PARTIAL) {
        Some(Bucket::Partial)
    } else if has(OPEN) {
        Some(Bucket::Open)
    } else if has(DONE) {
        Some(Bucket::Done)
    } else {
        None
    }
}

/// Every tally of the report, in document order.
pub(super) fn tallies<'a>(cx: &'a Context) -> Vec<Tally<'a>> {
    let mut out: Vec<Tally> = Vec::new();
    let mut open: Option<Tally> = None;
    for c in counts(cx, COUNT_UNITS) {
        if open
            .as_ref()
            .is_some_and(|t| t.total.sentence != c.sentence)
        {
            out.extend(open.take());
        }
        if let Some(class) = total_class(&c) {
            out.extend(open.take());
            open = Some(Tally {
                total: c,
                class,
                parts: Vec::new(),
            });
            continue;
        }
        if let Some(t) = open.as_mut().filter(|t| t.total.unit() == c.unit()) {
            if let Some(bucket) = bucket(cx, &c) {
                t.parts.push(Part { count: c, bucket });
            }
        }
    }
    out.extend(open);
    out.retain(|t| !t.parts.is_empty());
    out
}

/// The items' statuses: done, partial, ongoing, unknown.
pub(super) fn statuses(items: &[Item]) -> [u32; 4] {
    let mut n = [0; 4];
    for i in items {
        n[match i.status {
            Status::Done => 0,
            Status::Partial => 1,
            Status::Ongoing => 2,
            Status::Unknown => 3,
        }] += 1;
    }
    n
}

/// The share of unknown statuses above which no tally is compared with the items.
pub(super) const MAX_UNKNOWN_SHARE: f64 = 0.2;

/// True when a tally can be compared with the items: it counts problems, its total is the
/// number of items, and few items leave their status unknown.
pub(super) fn judged(cx: &Context, t: &Tally, max_unknown_share: f64) -> bool {
    let items = &cx.doc.items;
    let unknown = statuses(items)[3];
    t.class == Class::Problems
        && !items.is_empty()
        && t.total.value as usize == items.len()
        && f64::from(unknown) <= max_unknown_share * items.len() as f64
}

/// The month an open item is due: the last date after its status words in their sentence.
fn item_due(cx: &Context, item: &Item) -> Option<(i32, u32)> {
    let status = item.status_span.as_ref()?;
    let dates = &cx.facts.dates;
    let first = dates.partition_point(|d| d.date.span.start < status.start);
    let d = dates[first..]
        .iter()
        .take_while(|d| d.date.span.end <= item.span.end)
        .filter(|d| d.sentence.start <= status.start && status.start < d.sentence.end)
        .last()?;
    let last = d.date.latest()?;
    Some((
        chrono::Datelike::year(&last),
        chrono::Datelike::month(&last),
    ))
}

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

fn compile(params: &serde_yaml::Value) -> Result<Box<dyn Check>, String> {
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

impl Check for TallyCheck {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        let [done, partial, ongoing, unknown] = statuses(&cx.doc.items);
        let mut hits = Vec::new();
        for t in tallies(cx) {
            if !judged(cx, &t, self.params.max_unknown_share) {
                continue;
            }
            let split_partial = t.parts.iter().any(|p| p.bucket == Bucket::Partial);
            // Items still open: partial ones count as open unless the tally names them apart.
            let open = |i: &Item| {
                i.status == Status::Ongoing || (!split_partial && i.status == Status::Partial)
            };
            let open_items: Vec<&Item> = cx.doc.items.iter().filter(|i| open(i)).collect();
            let dues: Vec<Option<(i32, u32)>> =
                open_items.iter().map(|i| item_due(cx, i)).collect();
            for p in &t.parts {
                let (lo, labels) = match (self.params.by, p.bucket) {
                    (By::Status, Bucket::Done) => (done, Vec::new()),
                    (By::Status, Bucket::Partial) => (partial, Vec::new()),
                    (By::Status, Bucket::Open) => (open_items.len() as u32, Vec::new()),
                    (By::Deadline, Bucket::Due(y, m)) => {
                        let due: Vec<&Item> = open_items
                            .iter()
                            .zip(&dues)
                            .filter(|(_, d)| **d == Some((y, m)))
                            .map(|(i, _)| *i)
                            .collect();
                        (due.len() as u32, due)
                    }
                    _ => continue,
                };
                let slack = match p.bucket {
                    Bucket::Due(..) => unknown + dues.iter().filter(|d| d.is_none()).count() as u32,
                    _ => unknown,
                };
                let stated = p.count.value;
                if (lo..=lo + slack).contains(&stated) {
                    continue;
                }
                let mut hit = Hit::at(p.count.span())
                    .value("stated", stated)
                    .value("counted", range(lo, lo + slack))
                    .value("status", p.bucket.words())
                    .value("total", t.total.value)
                    .value("unit", p.count.unit())
                    .value("noun", &t.total.fig.noun)
                    .value("done", done)
                    .value("partial", partial)
                    .value("ongoing", ongoing)
                    .value("unknown", unknown)
                    .value("deadlines", deadline_list(&dues, p.count.unit()))
                    .label(t.total.span(), "总数");
                let parent = t.parts.iter().rfind(|o| {
                    o.bucket == Bucket::Open
                        && o.count.fig.quantity.span.start < p.count.span().start
                });
                if let (Bucket::Due(..), Some(o)) = (p.bucket, parent) {
                    hit = hit.label(o.count.span(), "其中所属的正在整改数");
                }
                for i in labels.iter().take(5) {
                    if let Some(s) = &i.status_span {
                        hit = hit.label(s.clone(), "逐项所列的时限");
                    }
                }
                hits.push(hit);
            }
        }
        hits
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
    use crate::pack::Pack;

    /// The ids of this kind's packaged rules that fire on `text`.
    fn fired(text: &str) -> Vec<String> {
        let pack = Pack::packaged().expect("the packaged rules load");
        let (doc, facts) = crate::analyse(text);
        pack.check(&doc, &facts)
            .into_iter()
            .filter(|f| f.kind == super::NAME)
            .map(|f| f.rule)
            .collect()
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
            // A count before the total is not one of its parts.
            (
                report("已完成1项,巡察反馈的2项整改任务均在推进。", &[DONE, DONE]),
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
