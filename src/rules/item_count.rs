//! `item_count`: A stated number of problems, areas, measures or units, against what the report itemizes.

mod layout;

use super::{Check, Context, Hit, Kind};
use crate::document::{Document, Span};
use crate::facts::Figure;
use crate::facts::tallies::{COUNT_UNITS, Count, PART_WORDS, PROBLEM_NOUNS, counts};
use layout::{
    body_sections, distinct_parents, enumerated_count, grouping_counts, leaf_count, listed_names,
    scope,
};
use serde::Deserialize;
use std::collections::HashMap;

/// The kind's name.
pub const NAME: &str = "item_count";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
报告自己声明的问题数（“细化分解为50个具体问题”）、方面数（“4个方面13个具体问题”）、
被巡察单位数（“对甲镇、乙乡……7个乡镇”），与正文逐项列出的问题、问题所属的上级标题、
列出的名称及各单位章节对照。只看逐项列出之外（开头、工作情况、小结）的声明，
只认问题、整改任务一类名词；整改措施通常不逐条列出，不作比较。
A stated number of problems, areas or inspected units, against the items the report lists, the
headings that group them, and the names and sections it gives. Only statements outside the items,
with a problem or task noun; measures are not itemized and are not compared.
标题自己声明的问题数（“(二)……方面(5个问题)”“四、……(共6个问题)”，或标题下第一句“……方面反馈问题6个”）
与该标题下逐项列出的问题对照。问题数只与完整的逐项列表比较：各项须从1起连续编号（全文连续，或在
每个标题下重新编号），且前文未称其为典型或部分问题；只列举典型问题、编号不连续的，不作比较，
`zglint parse` 在 `not checked` 下说明。
A heading's own count is compared with the items under it. Counts are compared only with a
complete list: items numbered consecutively from 1 (across the report or anew under each
heading) and not introduced as examples (典型问题); a list of examples is not compared, and
`zglint parse` says so under `not checked`.

## 为什么 / Why it matters
声明“50个问题”却只逐项列出45个，读者无从知道其余5个问题是否整改、如何整改，
这是通报中最容易被追问的漏项。
A problem that is counted but never listed is a problem whose rectification nobody can check.

## 示例 / Example
不通过 / Failing（只列出了1项）：
    巡察反馈了2个具体问题。
    (1)关于“甲村账目不清”的问题。
    整改情况:已完成整改。
通过 / Passing：
    巡察反馈了1个具体问题。
    (1)关于“甲村账目不清”的问题。
    整改情况:已完成整改。

## 参数 / Parameters
- `counts`: 比较什么：`problems`（问题数，默认）、`areas`（方面数）、`bodies`（被巡察单位数）、
  `headings`（标题自己声明的问题数）。
  What is counted: `problems` (default), `areas`, `bodies` or `headings`.
- `nouns`: 被计数的名词（问题数默认为“问题、具体问题、整改任务……”，单位数默认为“乡镇、街道、单位……”）。
  The nouns that name what is counted; each count has its own default list.
- `context`: 声明所在句中须出现的词之一（默认“巡察、巡视、审计、反馈、整改”）。
  Words one of which the statement's sentence must contain.
- `exclude`: 句中出现即不比较的词，指向另一轮或另一批问题（默认“上一轮、以往、历次、一并……”）。
  Words that put the sentence about another round or another set of problems; such sentences are skipped.
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["stated", "counted", "noun", "unit", "basis", "listed"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/item_count.yaml",
        include_str!("../../rules/item_count.yaml"),
    ),
};

/// At most this many places are labelled in one finding.
const MAX_LABELS: usize = 12;

/// Nouns of inspected bodies in a multi-body report.
const BODY_NOUNS: &[&str] = &[
    "乡镇",
    "街道",
    "乡",
    "镇",
    "村",
    "社区",
    "单位",
    "部门",
    "党组织",
    "县",
    "区",
    "学校",
    "企业",
];

/// Words before a count, in its segment, that make it the whole set the inspection handed over
/// ("细化分解为50个具体问题", "巡察组指出的4个方面13个具体问题"), not a subset ("针对3个问题")
/// nor problems the body found itself ("排查问题12个").
const WHOLE_SET: &[&str] = &[
    "反馈", "指出", "细化", "分解", "交办", "移交", "归纳", "上述", "巡察", "巡视", "审计",
];

/// Words of a body's own search for problems: a bare count ("12个问题已整改") in such a
/// sentence is not the inspection's set.
const SELF_FOUND: &[&str] = &["自查", "自纠", "排查", "举一反三", "查摆", "查找", "梳理"];

/// Words that put a sentence about another round or another set of problems.
const ELSEWHERE: &[&str] = &[
    "上一轮",
    "上轮",
    "上次",
    "前次",
    "以往",
    "历次",
    "往年",
    "去年",
    "一并",
    "审计发现",
];

/// Words of an inspection context.
const CONTEXT: &[&str] = &["巡察", "巡视", "审计", "反馈", "整改"];

/// What a rule counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Counts {
    /// The problems (items).
    #[default]
    Problems,
    /// The areas (方面) that group the items.
    Areas,
    /// The inspected bodies of a multi-body report.
    Bodies,
    /// The problems a heading says it holds ("(二)……方面(5个问题)").
    Headings,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Params {
    counts: Counts,
    nouns: Option<Vec<String>>,
    context: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
}

struct ItemCount {
    counts: Counts,
    nouns: Vec<String>,
    context: Vec<String>,
    exclude: Vec<String>,
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    let default_nouns: &[&str] = match p.counts {
        Counts::Problems | Counts::Areas | Counts::Headings => PROBLEM_NOUNS,
        Counts::Bodies => BODY_NOUNS,
    };
    let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let nouns = p.nouns.unwrap_or_else(|| own(default_nouns));
    if nouns.iter().any(String::is_empty) {
        return Err("nouns may not be empty strings".into());
    }
    Ok(Box::new(ItemCount {
        counts: p.counts,
        nouns,
        context: p.context.unwrap_or_else(|| own(CONTEXT)),
        exclude: p.exclude.unwrap_or_else(|| own(ELSEWHERE)),
    }))
}

/// The items as numbered, e.g. "(1)至(45)共45项", or "共21项" when they carry no numbers.
fn listed_range(doc: &Document) -> String {
    let marker = |i: Option<&crate::document::Item>| {
        let s = i?.section?;
        Some(doc.text(&doc.sections[s].marker.span).to_string())
    };
    let n = doc.items.len();
    match (marker(doc.items.first()), marker(doc.items.last())) {
        (Some(a), Some(b)) if n > 1 => format!("{a}至{b}共{n}项"),
        _ => format!("共{n}项"),
    }
}

/// True when a span stands under a sub-heading that names an area and holds no items
/// ("(一)预算管理方面。审计指出问题12个……" with the items in a table further on): its counts
/// are that area's, not the report's.
fn sub_area(doc: &Document, span: &Span) -> bool {
    let Some(s) = doc.section_at(span.start) else {
        return false;
    };
    let section = &doc.sections[s];
    let holds = |sp: &Span| {
        doc.items
            .iter()
            .any(|it| sp.start <= it.span.start && it.span.end <= sp.end)
    };
    let area = ["方面", "领域", "类"]
        .iter()
        .any(|w| section.title.contains(w));
    span.end <= section.span.end && section.parent.is_some() && area && !holds(&section.span)
}

/// True when a span lies inside one of the items.
pub(super) fn in_items(doc: &Document, span: &Span) -> bool {
    doc.item_containing(span).is_some()
}

impl ItemCount {
    fn in_context(&self, cx: &Context, c: &Count) -> bool {
        self.context_ok(&cx.doc.source[c.sentence.clone()])
    }

    /// True when a sentence speaks of the inspection, and not of another round.
    fn context_ok(&self, sentence: &str) -> bool {
        self.context.iter().any(|w| sentence.contains(w.as_str()))
            && !self.exclude.iter().any(|w| sentence.contains(w.as_str()))
    }

    fn noun_of<'n>(&'n self, cx: &Context, c: &Count) -> Option<&'n str> {
        let after = self.nouns.iter().find(|n| **n == c.fig.noun);
        let before = || {
            let n = self.nouns.iter().filter(|n| c.lead.ends_with(n.as_str()));
            n.max_by_key(|n| n.len())
        };
        let noun = match after {
            Some(n) => n,
            None if c.fig.noun.is_empty() => before()?,
            None => return None,
        };
        let cut = if after.is_some() { 0 } else { noun.len() };
        let lead = &c.lead[..c.lead.len() - cut];
        let segment = &cx.doc.source[c.segment_start..c.fig.quantity.span.start - cut];
        let sentence = &cx.doc.source[c.sentence.clone()];
        let bare = segment.trim().is_empty() && !SELF_FOUND.iter().any(|w| sentence.contains(w));
        let whole = bare || WHOLE_SET.iter().any(|w| segment.contains(w));
        (whole && !PART_WORDS.iter().any(|w| lead.contains(w))).then_some(noun.as_str())
    }

    /// Stated counts of the report's problems, outside the items; compared only when the
    /// items evidently form the whole list.
    fn problems(&self, cx: &Context) -> Vec<Hit> {
        let doc = cx.doc;
        let all = doc.items.len();
        if all == 0 || !doc.layout.complete {
            return Vec::new();
        }
        let fixed = [all, leaf_count(doc), enumerated_count(doc)];
        let mut scopes: HashMap<usize, usize> = HashMap::new();
        // Statements that fit no count, grouped by value in order of first appearance.
        let mut groups: Vec<(Count, &str, Vec<Span>)> = Vec::new();
        let mut index: HashMap<u32, usize> = HashMap::new();
        for c in counts(cx.doc, cx.facts, COUNT_UNITS) {
            if in_items(doc, &c.fig.quantity.span) || !self.in_context(cx, &c) {
                continue;
            }
            let Some(noun) = self.noun_of(cx, &c) else {
                continue;
            };
            if sub_area(doc, &c.span()) {
                continue;
            }
            let p = &c.fig.passage;
            let scoped = *scopes.entry(p.start).or_insert_with(|| scope(doc, p).len());
            let value = c.value as usize;
            if fixed.contains(&value) || scoped == value {
                continue;
            }
            match index.get(&c.value) {
                Some(&g) => groups[g].2.push(c.span()),
                None => {
                    index.insert(c.value, groups.len());
                    groups.push((c, noun, Vec::new()));
                }
            }
        }
        let last = doc.items.last().map(|i| i.head_span.clone());
        let listed = listed_range(doc);
        let mut hits = Vec::new();
        for (c, noun, again) in groups.into_iter().take(MAX_LABELS) {
            let mut hit = Hit::at(c.span())
                .value("stated", c.value)
                .value("counted", all)
                .value("noun", noun)
                .value("unit", c.unit())
                .value("basis", "逐项列出的问题")
                .value("listed", &listed);
            for s in again.into_iter().take(MAX_LABELS) {
                hit = hit.label(s, "此处再次称同一数目");
            }
            if let Some(last) = &last {
                hit = hit.label(last.clone(), format!("逐项列出的第{all}项,即最后一项"));
            }
            hits.push(hit);
        }
        hits
    }

    /// Counts of problems a heading states for itself ("(二)……方面(5个问题)",
    /// "四、……(共6个问题)"), against the items under it.
    fn headings(&self, cx: &Context) -> Vec<Hit> {
        let doc = cx.doc;
        if doc.items.is_empty() || !doc.layout.complete {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for c in counts(cx.doc, cx.facts, COUNT_UNITS) {
            let Some(s) = self.heading_of(cx, &c) else {
                continue;
            };
            let span = &doc.sections[s].span;
            let under: Vec<&crate::document::Item> = doc
                .items
                .iter()
                .filter(|i| span.start <= i.span.start && i.span.end <= span.end)
                .collect();
            if under.is_empty() || under.len() == c.value as usize {
                continue;
            }
            let mut hit = Hit::at(c.span())
                .value("stated", c.value)
                .value("counted", under.len())
                .value("noun", c.fig.noun.as_str())
                .value("unit", c.unit())
                .value("basis", "该标题下逐项列出的问题")
                .value("listed", format!("共{}{}", under.len(), c.unit()));
            if let Some(last) = under.last() {
                hit = hit.label(last.head_span.clone(), "该标题下的最后一项");
            }
            hits.push(hit);
        }
        hits
    }

    /// The heading whose own title states a count of its problems: the count stands in the
    /// heading's line or in the first sentence of the text right under it, with a problem noun
    /// after it ("(5个问题)") or before it ("反馈问题6个"), and no word making it a part.
    fn heading_of(&self, cx: &Context, c: &Count) -> Option<usize> {
        let doc = cx.doc;
        let at = c.fig.quantity.span.start;
        let s = doc.section_at(at)?;
        let section = &doc.sections[s];
        let in_title =
            section.title_span.start <= at && c.fig.quantity.span.end <= section.title_span.end;
        // Or the first sentence of the text right under the heading: "三、……方面\n……方面反馈问题6个。一是……".
        let first = section.blocks.first().map(|&b| &doc.blocks[b]);
        let opens = first.is_some_and(|b| {
            let starts = c.sentence.start <= b.span.start;
            b.span.start <= at && c.fig.quantity.span.end <= b.span.end && starts
        });
        if !(in_title || opens) {
            return None;
        }
        if in_items(doc, &section.title_span) {
            return None;
        }
        let noun_after = self.nouns.contains(&c.fig.noun);
        let noun_before =
            c.fig.noun.is_empty() && self.nouns.iter().any(|n| c.lead.ends_with(n.as_str()));
        let part = PART_WORDS
            .iter()
            .filter(|w| **w != "方面")
            .any(|w| c.lead.contains(w) || c.tail.contains(w));
        ((noun_after || noun_before) && !part).then_some(s)
    }

    /// Stated counts of areas ("4个方面13个具体问题", "三方面问题"), outside the items.
    fn areas(&self, cx: &Context) -> Vec<Hit> {
        let doc = cx.doc;
        if doc.items.is_empty() {
            return Vec::new();
        }
        let mut scopes: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut hits = Vec::new();
        for c in counts(cx.doc, cx.facts, &["个", "方面"]) {
            let (f, value) = (c.fig, c.value);
            if in_items(doc, &f.quantity.span)
                || !self.names_problems(cx, f)
                || !self.context_ok(&doc.source[c.sentence.clone()])
            {
                continue;
            }
            let p = &f.passage;
            let scoped = scopes.entry(p.start).or_insert_with(|| scope(doc, p));
            let candidates = grouping_counts(doc, scoped);
            if candidates.is_empty() || candidates.contains(&(value as usize)) {
                continue;
            }
            let parents = distinct_parents(doc, scoped);
            let mut hit = Hit::at(f.quantity.span.clone())
                .value("stated", value)
                .value("counted", parents.len())
                .value("noun", "方面")
                .value("unit", "个")
                .value("basis", "逐项列出的问题所属的上级标题");
            for (k, &p) in parents.iter().enumerate().take(MAX_LABELS) {
                hit = hit.label(
                    doc.sections[p].title_span.clone(),
                    format!("第{}个方面", k + 1),
                );
            }
            hits.push(hit);
        }
        hits
    }

    /// True when an area figure counts areas of problems: "三方面问题", "4个方面13个具体问题".
    fn names_problems(&self, cx: &Context, f: &Figure) -> bool {
        let src = &cx.doc.source;
        let mut at = f.quantity.span.end;
        if f.quantity.unit == "个" {
            if !src[at..].starts_with("方面") {
                return false;
            }
            at += "方面".len();
        }
        if src[at..].starts_with('的') {
            at += '的'.len_utf8();
        }
        let rest = &src[at..f.passage.end];
        self.nouns.iter().any(|n| rest.starts_with(n.as_str()))
            || figure_at(cx, at).is_some_and(|n| self.nouns.contains(&n.noun))
    }

    /// Stated counts of inspected bodies after a list of their names.
    fn bodies(&self, cx: &Context) -> Vec<Hit> {
        let doc = cx.doc;
        let mut sections: Option<Vec<usize>> = None;
        let mut hits = Vec::new();
        for c in counts(cx.doc, cx.facts, &["个", "家"]) {
            let noun = &c.fig.noun;
            if in_items(doc, &c.fig.quantity.span)
                || !self.nouns.iter().any(|n| noun.starts_with(n.as_str()))
                || !self.in_context(cx, &c)
            {
                continue;
            }
            let names = listed_names(&doc.source[c.sentence.start..c.fig.quantity.span.start]);
            if names.len() < 2 {
                continue;
            }
            let sections = sections.get_or_insert_with(|| body_sections(doc));
            let named = sections.iter().all(|&s| {
                let title = &doc.sections[s].title;
                names
                    .iter()
                    .any(|n| title.contains(n) || n.contains(title.as_str()))
            });
            let (counted, basis) = if names.len() != c.value as usize {
                (names.len(), "列出的名称")
            } else if named && !sections.is_empty() && sections.len() != c.value as usize {
                (sections.len(), "逐一列出的单位章节")
            } else {
                continue;
            };
            let mut hit = Hit::at(c.span())
                .value("stated", c.value)
                .value("counted", counted)
                .value("noun", noun)
                .value("unit", c.unit())
                .value("basis", basis);
            if counted == sections.len() && names.len() == c.value as usize {
                for (k, &s) in sections.iter().enumerate().take(MAX_LABELS) {
                    let title = doc.sections[s].title_span.clone();
                    hit = hit.label(title, format!("第{}个单位章节", k + 1));
                }
            }
            hits.push(hit);
        }
        hits
    }
}

impl Check for ItemCount {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        match self.counts {
            Counts::Problems => self.problems(cx),
            Counts::Areas => self.areas(cx),
            Counts::Bodies => self.bodies(cx),
            Counts::Headings => self.headings(cx),
        }
    }

    fn unchecked(&self, cx: &Context) -> Vec<(Span, String)> {
        let doc = cx.doc;
        let why = match (&doc.layout.unchecked, self.counts) {
            (Some(why), Counts::Problems) => why,
            _ => return Vec::new(),
        };
        let mut out = Vec::new();
        for c in counts(cx.doc, cx.facts, COUNT_UNITS) {
            if in_items(doc, &c.fig.quantity.span) || !self.in_context(cx, &c) {
                continue;
            }
            if self.noun_of(cx, &c).is_some() {
                out.push((c.span(), why.clone()));
            }
        }
        out
    }
}

/// The figure that starts at byte `at`, by binary search (figures are in document order).
fn figure_at<'a>(cx: &Context<'a>, at: usize) -> Option<&'a Figure> {
    let figs = &cx.facts.figures;
    let i = figs.partition_point(|f| f.quantity.span.start < at);
    figs.get(i).filter(|f| f.quantity.span.start == at)
}

#[cfg(test)]
mod tests {

    /// The ids of this kind's packaged rules that fire on `text`.
    fn fired(text: &str) -> Vec<String> {
        crate::rules::testing::fired_of_kind(super::NAME, text)
    }

    /// Items `(1)`… under one area heading, each done.
    fn items(n: usize) -> String {
        (1..=n)
            .map(|i| format!("({i})关于“松岗村问题{i}”的问题。\n整改情况:已完成整改。\n"))
            .collect()
    }

    #[test]
    fn table() {
        let two = items(2);
        let areas = "一、整改落实情况\n(一)组织建设方面\n1.关于“松岗村账目不清”的问题。\n整改情况:已完成整改。\n(二)作风建设方面\n2.关于“柏树村会议记录缺失”的问题。\n整改情况:已完成整改。\n";
        let sub = "一、整改落实情况\n1.关于“松岗村账目不清”的问题。\n(1)现金账不清。\n整改情况:已完成整改。\n(2)票据不全。\n整改情况:已完成整改。\n2.关于“柏树村会议记录缺失”的问题。\n(1)记录缺页。\n整改情况:已完成整改。\n(2)签名不全。\n整改情况:已完成整改。\n";
        let inline = "一、整改落实情况\n(一)村务管理方面。一是松岗村账目不清;二是柏树村票据不全。\n整改情况:已完成整改。\n(二)作风建设方面。一是会议记录缺失;二是签到流于形式。\n整改情况:已完成整改。\n";
        let towns = |list: &str, n: usize, sections: &[&str]| {
            let body: String = sections
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let m = ["一", "二", "三", "四"][i];
                    format!("{m}、{s}党委\n反馈问题:账目不清。\n整改情况:已完成整改。\n")
                })
                .collect();
            format!("州委巡察组对{list}{n}个乡镇党组织开展了巡察。\n{body}")
        };
        let cases: Vec<(String, &[&str])> = vec![
            (format!("巡察组反馈了3个具体问题。\n一、整改情况\n{two}"), &["count-mismatch"]),
            (format!("巡察组反馈问题3个。\n一、整改情况\n{two}"), &["count-mismatch"]),
            (format!("按巡察反馈意见细化为3项整改任务。\n一、整改情况\n{two}"), &["count-mismatch"]),
            // Said twice with the same wrong figure: one finding, the repeat as a label.
            (format!("巡察组反馈了3个具体问题。截至目前,3个问题已完成整改2个。\n一、整改情况\n{two}"), &["count-mismatch"]),
            (format!("巡察组指出了3个方面2个具体问题。\n{areas}"), &["area-count-mismatch"]),
            (format!("镇党委将巡察反馈的三方面问题逐条梳理。\n{areas}"), &["area-count-mismatch"]),
            (towns("甲镇、乙乡、丙街道", 4, &["甲镇", "乙乡", "丙街道"]), &["body-count-mismatch"]),
            (towns("甲镇、乙乡", 2, &["甲镇"]), &["body-count-mismatch"]),
            // Consistent: 2 stated, 2 listed.
            (format!("巡察组反馈了2个具体问题。\n一、整改情况\n{two}"), &[]),
            // A subset ("针对3个问题开展专项整治"), not the whole set the inspection handed over.
            (format!("巡察反馈后,镇党委针对3个问题开展专项整治。\n一、整改情况\n{two}"), &[]),
            // A count inside an item's own text is about that item, not the report.
            ("一、整改情况\n(1)关于“松岗村账目不清”的问题。\n整改情况:巡察组反馈问题5个,已完成整改。\n".to_string(), &[]),
            // A part ("其中……1个"), not the total.
            (format!("巡察反馈问题后,其中立行立改问题1个。\n一、整改情况\n{two}"), &[]),
            // Measures are not itemized one by one, so they are not compared with the items.
            (format!("巡察反馈后,共制定30条整改措施。\n一、整改情况\n{two}"), &[]),
            // No inspection context in the sentence.
            (format!("会议共讨论了3个问题。\n一、整改情况\n{two}"), &[]),
            // Approximate: "10余个" is never held to an exact count.
            (format!("巡察组反馈了10余个具体问题。\n一、整改情况\n{two}"), &[]),
            // 4 = the items' numbered sub-points; the report may count at that level.
            (format!("巡察组反馈了4个具体问题。\n{sub}"), &[]),
            // 4 = the problems the two entries enumerate inline (一是……二是……).
            (
                format!("巡察组反馈了4个具体问题。\n{inline}"),
                &[],
            ),
            // Areas of work, not areas of problems.
            (format!("镇党委围绕3个方面抓好巡察整改。\n{areas}"), &[]),
            // 2 areas, 2 problems, both as listed.
            (format!("巡察组指出了2个方面2个具体问题。\n{areas}"), &[]),
            // "等" ends an incomplete list: 2 names for 3 bodies is no error.
            (
                towns("甲镇、乙乡等", 3, &["甲镇", "乙乡", "丙街道"]),
                &[],
            ),
            // One name is no list.
            (towns("甲镇", 1, &["甲镇"]), &[]),
            // 3 names, 3 sections, 3 stated.
            (towns("甲镇、乙乡、丙街道", 3, &["甲镇", "乙乡", "丙街道"]), &[]),
            // Nothing itemized: nothing to count against.
            ("巡察组反馈了3个具体问题,均已完成整改。\n".to_string(), &[]),
            // Problems the body found itself, not the inspection's set.
            (
                format!("镇党委举一反三开展自查,排查问题12个,已整改10个。\n一、整改情况\n{two}"),
                &[],
            ),
            (
                format!("镇党委举一反三开展自查,12个问题已全部整改。\n一、整改情况\n{two}"),
                &[],
            ),
            // Another round's problems.
            (
                format!("上一轮巡察反馈的5个问题已全部整改。\n一、整改情况\n{two}"),
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
