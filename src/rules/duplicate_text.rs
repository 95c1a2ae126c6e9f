//! `duplicate_text`: Two different items whose rectification text is the same, or nearly.
//!
//! Each item's rectification text (its labelled paragraphs and its sub-points, or else the text
//! after its heading) is normalised (punctuation, blanks, enumeration markers and labels
//! dropped) and handed to [`similar`], which compares the texts' character shingles, and to
//! [`runs`], which finds runs of whole sentences copied word for word.

mod runs;
mod similar;

use super::{Check, Context, Hit, Kind};
use crate::document::{Document, Inline, Item, Span};
use runs::{Sentence, sentences, shared_runs};
use serde::Deserialize;
use similar::{Shingled, similar_pairs};
use std::collections::HashMap;

/// The kind's name.
pub const NAME: &str = "duplicate_text";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
两个不同问题的整改情况文字相同或几乎相同。整改情况取各项的“整改情况:”等标注段落及其前面的
分项(“(1)……(2)……”);没有标注段落的,取问题标题之后的文字。报告没有可识别的问题项时,
比较一级标题以下、最内层的编号条目各自的文字。比较前去掉标点、空白、“一是”“(1)”等序号和标签,
按字符片段(shingle)计算 Jaccard 相似度,或找出两段逐字相同的连续整句(至少两句、占两段文字
各自的大部分,如只改了开头一句说明),达到阈值即报告:指向后一处整改文字的开头,
并标注前一处的开头和后一处所答的问题。
Two different items whose rectification text is the same, or nearly: the labelled rectification
paragraphs with the sub-points before them (or the text after the item's heading; where the
report has no items, the innermost numbered entries below the top level), normalised, compared by
the Jaccard similarity of their character shingles, or by the longest run of whole sentences
they share word for word (a copy whose opening sentence alone was changed). The finding points
at the opening of the later copy, with labels at the opening of the earlier one and at the
problem the copy answers.

## 为什么 / Why it matters
不同的问题需要不同的整改措施。整改情况逐字照搬另一项,多半是复制粘贴时漏改,读者(纪委、下一轮
巡察组)会据此认为整改流于形式。只是开头套话相同、内容不同的,不会报告。
Different problems need different measures. A rectification text copied word for word from another
item is usually a copy-and-paste slip, and readers take it as a sign of perfunctory work. Texts that
share only a boilerplate opening are not reported.

## 示例 / Example
报告 / Reported:
```text
(1)关于“村务公开不及时”的问题。
整改情况:一是制定村务公开月度检查制度,由镇纪委每月抽查;二是对全镇12个村近三年财务收支补充公开,已完成整改。
(2)关于“集体资产台账不全”的问题。
整改情况:一是制定村务公开月度检查制度,由镇纪委每月抽查;二是对全镇12个村近三年财务收支补充公开,已完成整改。
```
不报告 / Not reported (同样的开头,不同的措施):
```text
(1)关于“村务公开不及时”的问题。
整改情况:一是制定村务公开月度检查制度,由镇纪委每月抽查;二是对全镇12个村近三年财务收支补充公开。
(2)关于“集体资产台账不全”的问题。
整改情况:一是组织各村清查集体资产,登记房屋、土地和设备共386项;二是建立资产台账年度核对制度。
```

## 参数 / Parameters
- `min_similarity`(默认 0.8):两段文字字符片段集合的 Jaccard 相似度达到此值即报告(0 到 1)。
  The Jaccard similarity at or above which two texts are reported.
- `shingle`(默认 5):字符片段的长度。The shingle length, in characters.
- `min_chars`(默认 40):规范化后少于此字数的整改文字不比较(如“已完成整改。”)。
  Normalised texts shorter than this are not compared (short status lines repeat by nature).
- `common_items`(默认 50):出现在多于此数目的项中的字符片段视为套话,不用于寻找候选对
  (相似度仍按全部片段计算)。Shingles found in more items than this are boilerplate: they are
  not followed when looking for candidate pairs (similarity still counts them).
- `min_run_share`(默认 0.6):两段文字共有的连续整句(至少两句、不少于 `min_chars` 字)
  占每段文字字数的比例达到此值即报告(0 到 1)。The share of each text's characters that a run
  of at least two whole sentences (and `min_chars` characters) shared word for word must reach.
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["similarity", "item", "other"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/duplicate_text.yaml",
        include_str!("../../rules/duplicate_text.yaml"),
    ),
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Params {
    min_similarity: f64,
    shingle: usize,
    min_chars: usize,
    common_items: usize,
    min_run_share: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_similarity: 0.8,
            shingle: 5,
            min_chars: 40,
            common_items: 50,
            min_run_share: 0.6,
        }
    }
}

/// The fewest sentences a copied run holds: one shared sentence is a set phrase, not a copy.
const MIN_RUN_SENTENCES: usize = 2;

struct DuplicateText {
    params: Params,
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let params: Params = super::params(params)?;
    if !(params.min_similarity > 0.0 && params.min_similarity <= 1.0) {
        return Err(format!(
            "min_similarity must be in (0, 1], not {}",
            params.min_similarity
        ));
    }
    if !(params.min_run_share > 0.0 && params.min_run_share <= 1.0) {
        return Err(format!(
            "min_run_share must be in (0, 1], not {}",
            params.min_run_share
        ));
    }
    if params.shingle == 0 {
        return Err("shingle must be at least 1".to_string());
    }
    Ok(Box::new(DuplicateText { params }))
}

/// One item's rectification text, as compared.
struct Text {
    /// The item's index in the units compared (see [`units`]).
    item: usize,
    /// The bytes of the text in the report.
    span: Span,
    /// Its normalised characters, shingled.
    set: Shingled,
    /// Its normalised sentences.
    sentences: Vec<Sentence>,
}

impl Check for DuplicateText {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        let doc = cx.doc;
        let units = units(doc);
        let texts = texts(doc, &units, &self.params);
        let mut best: HashMap<usize, (usize, f64)> = HashMap::new();
        let sets: Vec<&Shingled> = texts.iter().map(|t| &t.set).collect();
        let p = &self.params;
        let lists: Vec<&[Sentence]> = texts.iter().map(|t| t.sentences.as_slice()).collect();
        let copied = shared_runs(
            &lists,
            MIN_RUN_SENTENCES,
            p.min_chars,
            p.min_run_share,
            p.common_items,
        );
        let pairs = similar_pairs(&sets, p.min_similarity, p.common_items);
        for (a, b, sim) in pairs.into_iter().chain(copied) {
            // Report each later copy once, against the earlier text it is closest to.
            let entry = best.entry(b).or_insert((a, sim));
            if sim > entry.1 {
                *entry = (a, sim);
            }
        }
        let mut later: Vec<_> = best.into_iter().collect();
        later.sort_by_key(|&(b, _)| texts[b].span.start);
        later
            .into_iter()
            .map(|(b, (a, sim))| hit(doc, &units, &texts[a], &texts[b], sim))
            .collect()
    }
}

/// The finding: at the opening of the later copy, with a label at the opening of the earlier
/// one and one at the heading of the problem the copy answers. Openings, not whole paragraphs,
/// so that the output shows where each copy starts without printing it twice.
fn hit(doc: &Document, units: &[Item], first: &Text, copy: &Text, sim: f64) -> Hit {
    let name = |t: &Text| item_name(doc, &units[t.item]);
    let percent = (sim * 100.0).floor();
    Hit::at(opening(doc, &copy.span))
        .value("similarity", format!("{percent}%"))
        .value("item", name(copy))
        .value("other", name(first))
        .label(
            opening(doc, &first.span),
            format!("{}的整改情况,后一处与此相同", name(first)),
        )
        .label(
            units[copy.item].head_span.clone(),
            format!("重复的整改情况所答的问题(相似度 {percent}%)"),
        )
}

/// Characters of a text's opening that a finding points at.
const OPENING_CHARS: usize = 40;

/// The start of a text up to its first sentence end, at most `OPENING_CHARS` characters.
fn opening(doc: &Document, span: &Span) -> Span {
    let text = doc.text(span);
    let end = text
        .char_indices()
        .take(OPENING_CHARS)
        .find(|&(_, c)| matches!(c, '。' | ';' | '\u{ff1b}' | '\n'))
        .map(|(i, c)| i + c.len_utf8())
        .or_else(|| text.char_indices().nth(OPENING_CHARS).map(|(i, _)| i))
        .unwrap_or(text.len());
    span.start..span.start + end
}

/// A short name for an item: its marker and the start of its heading, e.g. "(21)关于“有的项目……”".
fn item_name(doc: &Document, item: &Item) -> String {
    let marker = item
        .section
        .map(|s| doc.text(&doc.sections[s].marker.span).to_string())
        .unwrap_or_default();
    let head = doc.text(&item.head_span).trim();
    let head = head.trim_end_matches(['。', '.', ' ']);
    let short: String = head.chars().take(24).collect();
    let ellipsis = if short.len() < head.len() {
        "……"
    } else {
        ""
    };
    format!("{marker}{short}{ellipsis}")
}

/// The entries compared: the report's items; where it has none (numbered entries whose
/// rectification text carries no label, "1.公务用车管理不严格(已完成整改)" and a paragraph),
/// the innermost numbered entries below the top level that have text of their own. Top-level
/// sections (工作开展情况, 下一步打算) are parts of the report, not entries, and are not compared.
fn units(doc: &Document) -> std::borrow::Cow<'_, [Item]> {
    if !doc.items.is_empty() {
        return std::borrow::Cow::Borrowed(&doc.items);
    }
    let entries = doc
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.depth >= 2 && s.children.is_empty() && !s.blocks.is_empty())
        .map(|(i, s)| Item {
            section: Some(i),
            block: None,
            head_span: s.title_span.clone(),
            span: s.span.clone(),
            rectification: Vec::new(),
            status: crate::document::Status::Unknown,
            status_span: None,
            class: None,
            number: None,
        })
        .collect();
    std::borrow::Cow::Owned(entries)
}

/// The rectification texts of the units that are long enough to compare.
fn texts(doc: &Document, units: &[Item], params: &Params) -> Vec<Text> {
    // One buffer of characters and one of skipped spans for all the items.
    let mut chars: Vec<char> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut skip: Vec<Span> = Vec::new();
    units
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let span = rectification_span(doc, item)?;
            normalise(doc, &span, &mut skip, &mut chars, &mut ends);
            if chars.len() < params.min_chars.max(params.shingle) {
                return None;
            }
            Some(Text {
                item: i,
                span,
                set: Shingled::new(&chars, params.shingle),
                sentences: sentences(&chars, &ends),
            })
        })
        .collect()
}

/// The item's rectification blocks with its sub-points before them ("(1)……(2)……整改情况:
/// 已完成。": the sub-points are the measures), or else its text after the heading.
fn rectification_span(doc: &Document, item: &Item) -> Option<Span> {
    // The first sub-point: a heading after the item's own, inside the item.
    let first_sub = doc
        .sections
        .get(
            doc.sections
                .partition_point(|s| s.marker.span.start < item.head_span.end),
        )
        .map(|s| s.marker.span.start)
        .filter(|&s| s < item.span.end);
    let blocks = &item.rectification;
    if let (Some(&first), Some(&last)) = (blocks.first(), blocks.last()) {
        let start = doc.blocks[first].span.start;
        let start = first_sub.map_or(start, |s| s.min(start));
        return Some(start..doc.blocks[last].span.end);
    }
    // Blocks are in document order: the first one after the heading, by binary search.
    let first = doc
        .blocks
        .partition_point(|b| b.span.start < item.head_span.end);
    let start = doc
        .blocks
        .get(first)
        .map(|b| b.span.start)
        .into_iter()
        .chain(first_sub)
        .min()
        .filter(|&s| s < item.span.end)?;
    Some(start..item.span.end)
}

/// The characters of a span with punctuation, blanks, labels, notes and enumeration markers
/// dropped, into `out` (cleared first), and where in `out` each sentence ended, into `ends`
/// (cleared first); `skip` is a buffer for the spans dropped.
fn normalise(
    doc: &Document,
    span: &Span,
    skip: &mut Vec<Span>,
    out: &mut Vec<char>,
    ends: &mut Vec<usize>,
) {
    skip.clear();
    out.clear();
    ends.clear();
    // Blocks and sections are in document order: only those inside the span are visited, so
    // the cost follows the item, not the report (no item × block product).
    let first = doc.blocks.partition_point(|b| b.span.end <= span.start);
    for b in doc.blocks[first..]
        .iter()
        .take_while(|b| b.span.start < span.end)
    {
        if let crate::document::BlockKind::Labelled { label_span, .. } = &b.kind {
            skip.push(label_span.clone());
        }
        skip.extend(b.inline.iter().map(|i| match i {
            Inline::Note { span, .. } => span.clone(),
            other => other.span().clone(),
        }));
    }
    let first = doc
        .sections
        .partition_point(|s| s.marker.span.start < span.start);
    for s in doc.sections[first..]
        .iter()
        .take_while(|s| s.marker.span.start < span.end)
    {
        if s.marker.span.end <= span.end {
            skip.push(s.marker.span.clone());
        }
    }
    skip.sort_by_key(|s| s.start);
    let mut next = 0;
    let mut pos = span.start;
    for c in doc.text(span).chars() {
        let at = pos;
        pos += c.len_utf8();
        while next < skip.len() && skip[next].end <= at {
            next += 1;
        }
        if is_sentence_end(c) && ends.last() != Some(&out.len()) {
            ends.push(out.len());
        }
        if next < skip.len() && skip[next].start <= at {
            continue;
        }
        if kept(c) {
            out.push(c);
        }
    }
}

/// Characters that end a sentence, or a sub-point on its own line.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

/// Whether a character counts in a normalised text: letters and digits, but not the circled
/// numbers ①…⑳ that enumerate. The ideographs of the basic block, most of a report, are
/// answered without the Unicode tables (all of them are letters).
fn kept(c: char) -> bool {
    if ('\u{4e00}'..='\u{9fff}').contains(&c) {
        return true;
    }
    c.is_alphanumeric() && !('①'..='⑳').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<Hit> {
        let (doc, facts) = crate::analyse(text);
        let check = crate::rules::testing::compile(compile, &serde_yaml::Value::Null).unwrap();
        check.check(&Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        })
    }

    const A: &str = "一是制定村务公开月度检查制度,由镇纪委每月抽查各村公开栏;二是对全镇12个村近三年财务收支进行补充公开,在村民微信群同步发布,群众查询渠道已经畅通。";
    const B: &str = "一是组织各村清查集体资产,登记房屋、土地和农机设备共386项;二是建立资产台账年度核对制度,由镇经管站逐村核对并签字确认,核对结果张榜公布。";

    fn pair(first: &str, second: &str) -> String {
        format!(
            "(1)关于“村务公开不及时”的问题。\n整改情况:{first}\n(2)关于“集体资产台账不全”的问题。\n整改情况:{second}\n"
        )
    }

    #[test]
    fn table() {
        let cases: Vec<(String, usize)> = vec![
            // The same text answers two different problems.
            (pair(A, A), 1),
            (pair(B, B), 1),
            // One figure changed in a long copy: still nearly the same.
            (pair(A, &A.replace("12个村", "13个村")), 1),
            // Other punctuation and other enumeration markers: the same words.
            (
                pair(
                    A,
                    &A.replace("一是", "(1)")
                        .replace("二是", "(2)")
                        .replace(',', "，"),
                ),
                1,
            ),
            // Run-on rectification text after the heading, no label.
            (
                format!("1.针对“村务公开不及时”的问题。{A}\n2.针对“集体资产台账不全”的问题。{A}\n"),
                1,
            ),
            // 反馈问题:/整改情况: pairs.
            (
                format!(
                    "反馈问题:村务公开不及时。\n整改情况:{A}\n反馈问题:集体资产台账不全。\n整改情况:{A}\n"
                ),
                1,
            ),
            // Three copies: each later copy is reported once.
            (
                format!(
                    "{}(3)关于“议事规则不规范”的问题。\n整改情况:{A}\n",
                    pair(A, A)
                ),
                2,
            ),
            // Different measures: nothing in common.
            (pair(A, B), 0),
            // Same boilerplate opening, different substance.
            (
                pair(
                    &format!("一是加强组织领导,压实整改责任,召开专题会议研究部署。{A}"),
                    &format!("一是加强组织领导,压实整改责任,召开专题会议研究部署。{B}"),
                ),
                0,
            ),
            // Short status lines repeat by nature: too short to compare.
            (pair("已完成整改。", "已完成整改。"), 0),
            (
                pair(
                    "正在整改中,按计划于2025年6月底前完成。",
                    "正在整改中,按计划于2025年6月底前完成。",
                ),
                0,
            ),
            // One shared sentence in otherwise different texts.
            (
                pair(
                    &format!("{A}下一步将持续跟踪问效。"),
                    &format!("{B}下一步将持续跟踪问效。"),
                ),
                0,
            ),
            // A copy with as much new text appended is no longer nearly the same.
            (pair(A, &format!("{A}{B}")), 0),
            // The same problem named twice but answered differently.
            (
                format!(
                    "(1)关于“村务公开不及时”的问题。\n整改情况:{A}\n(2)关于“村务公开不及时”的问题。\n整改情况:{B}\n"
                ),
                0,
            ),
            // One item only: nothing to compare with.
            (
                format!("(1)关于“村务公开不及时”的问题。\n整改情况:{A}\n"),
                0,
            ),
            // No items at all.
            (format!("一、工作开展情况\n{A}\n二、下一步打算\n{A}\n"), 0),
            // An empty file.
            (String::new(), 0),
            // The sub-points are the measures; the labelled paragraph only gives the status.
            (
                "一、整改落实情况\n1.关于“村务公开不及时”的问题。镇纪委抽查发现3个村未公开。\n(1)制定村务公开月度检查制度。\n(2)对全镇12个村近三年财务收支补充公开。\n(3)在村民微信群同步发布公开内容。\n整改情况:已完成。\n2.关于“集体资产台账不全”的问题。群众来信反映2次。\n(1)制定村务公开月度检查制度。\n(2)对全镇12个村近三年财务收支补充公开。\n(3)在村民微信群同步发布公开内容。\n整改情况:已完成。\n".to_string(),
                1,
            ),
            (
                "一、整改落实情况\n1.关于“村务公开不及时”的问题。\n(1)制定村务公开月度检查制度。\n(2)对全镇12个村近三年财务收支补充公开。\n整改情况:已完成。\n2.关于“集体资产台账不全”的问题。\n(1)组织各村清查集体资产,登记房屋和土地。\n(2)建立资产台账年度核对制度,逐村核对。\n整改情况:已完成。\n".to_string(),
                0,
            ),
            // No items: numbered entries whose text has no label. The copy keeps the
            // measures and changes only the opening sentence.
            (
                format!(
                    "一、整改落实情况\n(一)组织建设方面\n1.村务公开不及时(已完成整改)\n该问题在上轮巡察中也有反映。{A}\n2.集体资产台账不全(已完成整改)\n镇纪委走访5个村,发现问题较为普遍。{A}\n"
                ),
                1,
            ),
            (
                format!(
                    "一、整改落实情况\n(一)组织建设方面\n1.村务公开不及时(已完成整改)\n该问题在上轮巡察中也有反映。{A}\n2.集体资产台账不全(已完成整改)\n镇纪委走访5个村,发现问题较为普遍。{B}\n"
                ),
                0,
            ),
            // A shared run that is under the share of the longer text is not a copy.
            (
                format!(
                    "一、整改落实情况\n(一)组织建设方面\n1.村务公开不及时(已完成整改)\n{A}\n2.集体资产台账不全(已完成整改)\n{A}{B}\n"
                ),
                0,
            ),
        ];
        for (text, want) in &cases {
            assert_eq!(hits(text).len(), *want, "{text}");
        }
    }

    #[test]
    fn the_later_copy_is_reported_at_its_opening_and_the_earlier_is_labelled() {
        let text = pair(A, A);
        let found = hits(&text);
        let h = &found[0];
        let second = text.rfind("整改情况").unwrap();
        let first = text.find("整改情况").unwrap();
        assert_eq!(h.span.start, second);
        // The opening of each copy, up to its first sentence end or 40 characters.
        assert_eq!(
            &text[h.span.clone()],
            "整改情况:一是制定村务公开月度检查制度,由镇纪委每月抽查各村公开栏;"
        );
        assert_eq!(h.labels.len(), 2);
        assert_eq!(h.labels[0].span.start, first);
        assert_eq!(h.labels[0].span.len(), h.span.len());
        assert!(h.labels[0].text.starts_with("(1)关于“村务公开不及时”"));
        assert_eq!(
            &text[h.labels[1].span.clone()],
            "关于“集体资产台账不全”的问题。"
        );
        assert_eq!(h.values["similarity"], "100%");
        assert!(h.values["other"].starts_with("(1)"));
        assert!(h.values["item"].starts_with("(2)"));
    }

    #[test]
    fn the_basic_ideographs_are_all_alphanumeric() {
        // `kept` answers them without asking `char::is_alphanumeric`: the same answer.
        for c in '\u{4e00}'..='\u{9fff}' {
            assert!(c.is_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn params_are_checked() {
        let bad = |y: &str| {
            crate::rules::testing::compile(compile, &serde_yaml::from_str(y).unwrap()).is_err()
        };
        assert!(bad("min_similarity: 1.5"));
        assert!(bad("min_similarity: 0"));
        assert!(bad("shingle: 0"));
        assert!(bad("colour: red"));
        assert!(bad("min_run_share: 0"));
        assert!(bad("min_run_share: 1.2"));
        assert!(!bad(
            "min_similarity: 0.5\nshingle: 4\nmin_chars: 20\ncommon_items: 10\nmin_run_share: 0.7"
        ));
    }

    /// Invented text of `n` characters from a small alphabet, different for each seed.
    fn noise(seed: u64, n: usize) -> String {
        const ALPHABET: &[char] = &[
            '村', '镇', '组', '户', '账', '款', '查', '改', '建', '制', '督', '办', '项', '审',
            '核', '管', '理', '资', '金', '表', '档', '案', '规', '范', '落', '实', '清', '退',
        ];
        let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                ALPHABET[((x >> 33) % ALPHABET.len() as u64) as usize]
            })
            .collect()
    }

    #[test]
    fn five_thousand_items_with_boilerplate_stay_fast() {
        let mut text = String::new();
        for i in 0..5000u64 {
            // Every text opens with the same boilerplate; item 4000 copies item 17.
            let body = noise(if i == 4000 { 17 } else { i }, 120);
            text.push_str(&format!(
                "反馈问题:问题{i}。\n整改情况:一是加强组织领导,压实整改责任。{body}\n"
            ));
        }
        let start = std::time::Instant::now();
        let found = hits(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].values["other"], "反馈问题:问题17");
        // Generous even for a debug build; a quadratic comparison takes minutes.
        assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    }

    /// The explanation's two snippets: the first is reported, the second is not.
    #[test]
    fn the_explanation_examples_hold() {
        let check = crate::rules::testing::compile(compile, &serde_yaml::Value::Null).unwrap();
        crate::rules::testing::assert_explanation_examples(EXPLANATION, check.as_ref());
    }

    use crate::rules::testing::PIECES;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        #[test]
        fn any_text_gives_spans_on_char_boundaries(
            parts in proptest::collection::vec(0..PIECES.len(), 0..150),
            noise in "\\PC{0,40}",
        ) {
            let text: String = parts.iter().map(|&i| PIECES[i]).chain([noise.as_str()]).collect();
            let check = crate::rules::testing::compile(compile, &serde_yaml::Value::Null).unwrap();
            let hits = crate::rules::testing::hits(check.as_ref(), &text);
            crate::rules::testing::assert_spans_hold(&text, &hits);
        }
    }
}
