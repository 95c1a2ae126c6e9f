//! `pairing`: Paired punctuation balanced and nested within a paragraph; each 反馈问题: answered by its 整改情况:.

use super::{Check, Context, Hit, Kind, Tag};
use crate::document::{BlockKind, Document};
use crate::facts::stretches::{Unit, units};
use crate::parse::vocab::Vocabulary;
use serde::Deserialize;

/// The kind's name.
pub const NAME: &str = "pairing";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
成对标点（“” ‘’ 《》 () （） 【】 〔〕）在同一段落（或同一标题行）内配对：没有落单的前引号、前括号，也没有多出的后引号、后括号；引号按 GB/T 15834 嵌套（双引号内用单引号），双引号套双引号时提示；以“反馈问题:”开头的段落都有对应的“整改情况:”。标题编号“(一)”“(1)”“1)”以及段内列举“1)”不算括号。
Paired punctuation (“” ‘’ 《》 () （） 【】 〔〕) pairs up within a paragraph (or a heading line): no opening mark left open, no closing mark without its opening; quotes nest as GB/T 15834 prescribes (‘’ inside “”), double quotes inside double quotes are noted; every \"反馈问题:\" paragraph is answered by a \"整改情况:\". Heading markers (一) (1) 1) and inline 1) enumerators are not brackets.

## 为什么 / Why it matters
落单的引号让读者无法判断引文在哪里结束，问题名称因此含糊；缺少“整改情况”的问题等于没有回应。
An unclosed quotation leaves the reader unsure where a quoted problem ends; a problem with no rectification text is a problem left unanswered.

## 示例 / Example
不通过 / Fails:
    镇纪委建立“周调度、月通报工作机制,对滞后事项及时提醒。
通过 / Passes:
    镇纪委建立“周调度、月通报”工作机制,对村党组织‘三会一课’落实情况开展督查。
    关于“村党组织‘三会一课’制度落实不严”的问题

## 参数 / Parameters
- `problem`: 本条规则报告哪一种问题 / which problem this rule reports: `unclosed`（前引号或前括号未闭合 / an opening mark never closed）, `unopened`（后引号或后括号没有对应的前一半 / a closing mark with no opening）, `nesting`（双引号内又用双引号 / double quotes inside double quotes）, `unanswered`（反馈问题没有整改情况 / a 反馈问题 with no 整改情况）。
- `pairs`（默认 / default `[“”, ‘’, 《》, (), （）, 【】, 〔〕]`）: 检查的成对标点，每项两个字符；半角与全角圆括号可以互相配对 / the pairs checked, two characters each; half- and full-width round brackets pair with each other.
- `min_answered`（默认 2 / default 2，仅 `unanswered`）: 全文至少有这么多条反馈问题带有整改情况时，才报告缺少整改情况的那一条 / report a 反馈问题 with no 整改情况 only when at least this many others have one (the report does label its answers).
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["open", "close", "label", "text"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/pairing.yaml",
        include_str!("../../rules/pairing.yaml"),
    ),
};

/// The problems this kind finds; each rule reports one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Problem {
    Unclosed,
    Unopened,
    Nesting,
    Unanswered,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    problem: Option<Problem>,
    #[serde(default = "default_pairs")]
    pairs: Vec<String>,
    #[serde(default = "two")]
    min_answered: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            problem: None,
            pairs: default_pairs(),
            min_answered: two(),
        }
    }
}

fn default_pairs() -> Vec<String> {
    ["“”", "‘’", "《》", "()", "（）", "【】", "〔〕"]
        .map(String::from)
        .to_vec()
}

fn two() -> usize {
    2
}

struct Pairing {
    problem: Problem,
    /// (opening, closing), round brackets of both widths folded to ASCII.
    pairs: Vec<(char, char)>,
    min_answered: usize,
    /// No pair uses a CJK ideograph, so the ideographs (most of a report) need no look-up.
    skip_ideographs: bool,
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Round brackets of either width are one kind of bracket.
fn fold(c: char) -> char {
    match c {
        '（' => '(',
        '）' => ')',
        c => c,
    }
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    let problem = p
        .problem
        .ok_or("`problem` is required: unclosed, unopened, nesting or unanswered")?;
    let mut pairs = Vec::new();
    for pair in &p.pairs {
        let chars: Vec<char> = pair.chars().collect();
        let [open, close] = chars[..] else {
            return Err(format!("pair `{pair}` is not two characters"));
        };
        if open == close {
            return Err(format!("pair `{pair}` opens and closes with the same mark"));
        }
        let folded = (fold(open), fold(close));
        if !pairs.contains(&folded) {
            pairs.push(folded);
        }
    }
    let skip_ideographs = pairs
        .iter()
        .all(|&(open, close)| !is_ideograph(open) && !is_ideograph(close));
    Ok(Box::new(Pairing {
        problem,
        pairs,
        min_answered: p.min_answered,
        skip_ideographs,
    }))
}

impl Check for Pairing {
    /// One pairing of the marks finds the unclosed, the unopened and the nested for the three
    /// mark rules; an unanswered problem is a reading of its own.
    fn pass_key(&self) -> Option<String> {
        Some(if self.problem == Problem::Unanswered {
            format!("unanswered {}", self.min_answered)
        } else {
            format!("marks {:?}", self.pairs)
        })
    }

    fn pass(&self, cx: &Context) -> Vec<(Tag, Hit)> {
        let tag = |p: Problem| Tag {
            problem: p as u8,
            sure: true,
        };
        if self.problem == Problem::Unanswered {
            return unanswered(cx.doc, cx.vocab, self.min_answered)
                .into_iter()
                .map(|hit| (tag(Problem::Unanswered), hit))
                .collect();
        }
        units(cx.doc)
            .iter()
            .flat_map(|unit| self.marks(cx.doc, unit))
            .map(|(p, hit)| (tag(p), hit))
            .collect()
    }

    fn reports(&self, tag: Tag) -> bool {
        tag.problem == self.problem as u8
    }
}

/// A paired mark in a unit: its byte offset, the pair it belongs to, and whether it opens.
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    ch: char,
    pair: usize,
    opens: bool,
}

/// What pairing up a unit's marks leaves over.
#[derive(Debug, Default)]
struct Outcome {
    unclosed: Vec<Mark>,
    unopened: Vec<Mark>,
    /// (outer, inner) double quotes inside double quotes.
    nested: Vec<(Mark, Mark)>,
}

impl Outcome {
    fn faults(&self) -> usize {
        self.unclosed.len() + self.unopened.len()
    }
}

impl Pairing {
    fn marks_of(&self, text: &str, base: usize) -> Vec<Mark> {
        let mut out = Vec::new();
        for (i, c) in text.char_indices() {
            if self.skip_ideographs && is_ideograph(c) {
                continue;
            }
            let f = fold(c);
            for (k, &(open, close)) in self.pairs.iter().enumerate() {
                if f == open || f == close {
                    if f == close && is_enumerator(&text[..i]) {
                        break;
                    }
                    out.push(Mark {
                        at: base + i,
                        ch: c,
                        pair: k,
                        opens: f == open,
                    });
                    break;
                }
            }
        }
        out
    }

    /// The problems of one unit.
    fn marks(&self, doc: &Document, unit: &Unit) -> Vec<(Problem, Hit)> {
        let text = doc.text(&unit.span);
        let marks = self.marks_of(text, unit.span.start);
        let mut outcome = pair_up(&marks, &[]);
        if outcome.faults() > 0 && unit.heading {
            if let Some(better) = problem_quote(doc, unit, &marks)
                .map(|skip| pair_up(&marks, &skip))
                .filter(|o| o.faults() <= outcome.faults())
            {
                outcome = better;
            }
        }
        let mut out = Vec::new();
        let unclosed = turned(&marks, &outcome.unclosed);
        for (m, twin) in &unclosed {
            let close = self.pairs[m.pair].1;
            let mut hit = Hit::at(m.at..m.at + m.ch.len_utf8())
                .value("open", m.ch)
                .value("close", close)
                .value("text", context(doc, m.at + m.ch.len_utf8(), unit.span.end));
            if let Some(t) = twin {
                hit = hit.label(t.at..t.at + t.ch.len_utf8(), format!("此处或应为 {close}"));
            }
            out.push((Problem::Unclosed, hit));
        }
        for (m, _) in turned(&marks, &outcome.unopened) {
            let open = self.pairs[m.pair].0;
            let hit = Hit::at(m.at..m.at + m.ch.len_utf8())
                .value("open", open)
                .value("close", m.ch)
                .value(
                    "text",
                    context(
                        doc,
                        unit.span.start.max(m.at.saturating_sub(30)),
                        m.at + m.ch.len_utf8(),
                    ),
                );
            out.push((Problem::Unopened, hit));
        }
        // A quote mark turned the wrong way is not a nested quotation.
        let twins: std::collections::HashSet<usize> = unclosed
            .iter()
            .filter_map(|(_, t)| t.map(|t| t.at))
            .collect();
        outcome
            .nested
            .retain(|(_, inner)| !twins.contains(&inner.at));
        // Once per unit: a writer who nests double quotes does so throughout.
        for (outer, inner) in outcome.nested.iter().take(1) {
            let hit = Hit::at(inner.at..inner.at + inner.ch.len_utf8())
                .value("open", inner.ch)
                .value("close", self.pairs[inner.pair].1)
                .value(
                    "text",
                    context(doc, inner.at + inner.ch.len_utf8(), unit.span.end),
                )
                .label(outer.at..outer.at + outer.ch.len_utf8(), "外层引号");
            out.push((Problem::Nesting, hit));
        }
        out
    }
}

/// Left-over marks, each with the left-over mark of its kind right after it (no other mark
/// between), which is then not reported on its own: in "“周调度“机制" the second “ is most
/// likely a ” typed the wrong way, one mistake, not two. `marks` are in text order.
fn turned(marks: &[Mark], left: &[Mark]) -> Vec<(Mark, Option<Mark>)> {
    let mut out: Vec<(Mark, Option<Mark>)> = Vec::new();
    for m in left {
        if let Some((prev, twin @ None)) = out.last_mut() {
            // Marks are in text order: the next one is found by binary search, so a line of a
            // million left-over marks is not scanned once per mark.
            let next = marks.get(marks.partition_point(|x| x.at <= prev.at));
            if next.is_some_and(|n| n.at == m.at) && prev.pair == m.pair && prev.opens == m.opens {
                *twin = Some(*m);
                continue;
            }
        }
        out.push((*m, None));
    }
    out
}

/// Up to 16 characters of text from `start`, not past `end`, on a char boundary.
fn context(doc: &Document, start: usize, end: usize) -> String {
    let start = (start..=end)
        .find(|&i| doc.source.is_char_boundary(i))
        .unwrap_or(end);
    doc.source[start..end].chars().take(16).collect()
}

/// True when a ")" right after `before` closes an enumerator such as "1)" or "；2)" rather
/// than a bracket: one to three digits (or a Chinese numeral) at the start or after a separator.
fn is_enumerator(before: &str) -> bool {
    let numeral = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
    };
    let mut chars = before.chars().rev();
    let mut count = 0;
    let mut prior = None;
    for c in chars.by_ref() {
        if numeral(c) {
            count += 1;
        } else {
            prior = Some(c);
            break;
        }
    }
    (1..=3).contains(&count)
        && prior.is_none_or(|c| c.is_whitespace() || "。；;，,：:、！？".contains(c))
}

/// Pair up marks, leaving out those at `skip` (indices into `marks`).
fn pair_up(marks: &[Mark], skip: &[usize]) -> Outcome {
    let mut out = Outcome::default();
    let mut stack: Vec<Mark> = Vec::new();
    // Open marks on the stack, by pair: a closing mark with none open is not searched for
    // down a stack of a million other marks.
    let mut open: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (i, m) in marks.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        let opened = open.get(&m.pair).copied().unwrap_or(0);
        if m.opens {
            if m.ch == '“' && opened > 0 {
                if let Some(outer) = stack.iter().rev().find(|o| o.pair == m.pair) {
                    out.nested.push((*outer, *m));
                }
            }
            stack.push(*m);
            *open.entry(m.pair).or_default() += 1;
        } else if let Some(j) = (opened > 0)
            .then(|| stack.iter().rposition(|o| o.pair == m.pair))
            .flatten()
        {
            for left in stack.drain(j..).skip(1) {
                *open.entry(left.pair).or_default() -= 1;
                out.unclosed.push(left);
            }
            *open.entry(m.pair).or_default() -= 1;
        } else {
            out.unopened.push(*m);
        }
    }
    out.unclosed.extend(stack);
    out.unclosed.sort_by_key(|m| m.at);
    out
}

/// In a heading that names a problem (`关于“……”的问题`), the quotation mark that opens its
/// title and the one that closes it before "的问题"/"方面": they pair with each other whatever
/// stands between. Indices into `marks`.
fn problem_quote(doc: &Document, unit: &Unit, marks: &[Mark]) -> Option<Vec<usize>> {
    let text = doc.text(&unit.span);
    let first = marks.iter().position(|m| m.opens && m.ch == '“')?;
    let lead = &text[..marks[first].at - unit.span.start];
    if !["", "关于", "针对", "对"].contains(&lead.trim()) {
        return None;
    }
    let last = marks.iter().rposition(|m| {
        let after = &doc.source[m.at + m.ch.len_utf8()..unit.span.end];
        !m.opens
            && m.ch == '”'
            && ["的问题", "问题", "方面", "等问题"]
                .iter()
                .any(|w| after.starts_with(w))
    })?;
    Some(vec![first, last])
}

/// "反馈问题:" paragraphs with no "整改情况:" of their own, in a report that answers its other
/// problems with one.
fn unanswered(doc: &Document, vocab: &Vocabulary, min_answered: usize) -> Vec<Hit> {
    let labelled: Vec<_> = doc.items.iter().filter(|i| i.block.is_some()).collect();
    let answered = labelled
        .iter()
        .filter(|i| !i.rectification.is_empty())
        .count();
    if answered < min_answered.max(1) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for item in labelled.iter().filter(|i| i.rectification.is_empty()) {
        let Some(b) = item.block else { continue };
        let BlockKind::Labelled { label, label_span } = &doc.blocks[b].kind else {
            continue;
        };
        let answer = vocab
            .labels
            .rectification
            .first()
            .cloned()
            .unwrap_or_default();
        out.push(
            Hit::at(label_span.clone())
                .value("label", label)
                .value("text", answer),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Problem::*;

    /// The problems of every kind found in a snippet, in order of place.
    fn problems(text: &str) -> Vec<Problem> {
        let (doc, facts) = crate::analyse(text);
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        };
        let mut all = Vec::new();
        for (name, problem) in [
            ("unclosed", Unclosed),
            ("unopened", Unopened),
            ("nesting", Nesting),
            ("unanswered", Unanswered),
        ] {
            let params = serde_yaml::from_str(&format!("{{problem: {name}}}")).unwrap();
            let rule = crate::rules::testing::compile(compile, &params).unwrap();
            all.extend(rule.check(&cx).into_iter().map(|h| (h.span.start, problem)));
        }
        all.sort_by_key(|(at, _)| *at);
        all.into_iter().map(|(_, p)| p).collect()
    }

    /// Pairing as first written, scanning the stack for every mark: the reference for the
    /// counted version, which must find the same.
    fn pair_up_by_scanning(marks: &[Mark]) -> (Vec<usize>, Vec<usize>, Vec<(usize, usize)>) {
        let (mut unclosed, mut unopened, mut nested) = (Vec::new(), Vec::new(), Vec::new());
        let mut stack: Vec<Mark> = Vec::new();
        for m in marks {
            if m.opens {
                if let Some(o) = stack.iter().rev().find(|o| o.pair == m.pair && m.ch == '“') {
                    nested.push((o.at, m.at));
                }
                stack.push(*m);
            } else if let Some(j) = stack.iter().rposition(|o| o.pair == m.pair) {
                unclosed.extend(stack.drain(j..).skip(1).map(|m| m.at));
            } else {
                unopened.push(m.at);
            }
        }
        unclosed.extend(stack.iter().map(|m| m.at));
        unclosed.sort();
        (unclosed, unopened, nested)
    }

    #[test]
    fn pairing_counts_find_what_scanning_finds() {
        let kinds = [
            ('“', 0, true),
            ('”', 0, false),
            ('（', 1, true),
            ('）', 1, false),
        ];
        let mut state: u32 = 12345;
        for len in (0..400).map(|i| i % 40) {
            let marks: Vec<Mark> = (0..len)
                .map(|at| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    let (ch, pair, opens) = kinds[state as usize % 4];
                    Mark {
                        at,
                        ch,
                        pair,
                        opens,
                    }
                })
                .collect();
            let got = pair_up(&marks, &[]);
            let at = |v: &[Mark]| v.iter().map(|m| m.at).collect::<Vec<_>>();
            let nested: Vec<_> = got.nested.iter().map(|(o, i)| (o.at, i.at)).collect();
            assert_eq!(
                (at(&got.unclosed), at(&got.unopened), nested),
                pair_up_by_scanning(&marks),
                "{marks:?}"
            );
        }
    }

    const ANSWERED: &str = "一、梅坞镇党委\n反馈问题:村务公开不及时。\n整改情况:已按月公开。\n反馈问题:台账不全。\n整改情况:已建立台账。\n";

    #[test]
    fn table() {
        let unanswered = format!("{ANSWERED}反馈问题:后备干部不足。\n二、杉溪镇党委\n");
        let cases: &[(&str, &[Problem])] = &[
            // Balanced quotes, title marks and brackets of both widths.
            (
                "建立“周调度、月通报”机制,印发《管理办法》(试行)（草案）。\n",
                &[],
            ),
            ("建立“周调度、月通报工作机制,及时提醒。\n", &[Unclosed]),
            ("印发《村级财务管理办法,规范审批。\n", &[Unclosed]),
            ("对公开栏进行整改”,按月公开。\n", &[Unopened]),
            ("整改情况(已完成）】。\n", &[Unopened]),
            // A round bracket may open half-width and close full-width.
            ("整改情况(已完成）。\n", &[]),
            // Single quotes inside double quotes, as GB/T 15834 prescribes.
            ("关于“村党组织‘三会一课’制度落实不严”的问题\n", &[]),
            ("关于“2021年指出的“三资”问题整改不彻底”的问题\n", &[Nesting]),
            // An inner quotation left open inside a problem heading's quotation.
            (
                "9.关于“党建不实。方案中出现“基层党工委“街道”等表述。二是执行不到位”的问题\n",
                &[Unclosed, Nesting],
            ),
            // A quotation spanning a heading's title and its run-on text is one unit.
            (
                "2.关于“矿产资源保护不力。一是打击不够。二是监管缺位”的问题\n",
                &[],
            ),
            // Heading markers are not brackets: (一), (1), 1) and a broken ")".
            (
                "(一)加强领导。\n(1)成立小组。\n1)制定方案。\n)持续用力。\n",
                &[],
            ),
            // An inline enumerator "1)" is not a bracket either.
            ("整改措施:1)建立台账;2)按月公开。\n", &[]),
            // Web chrome (a font-size bar) is not part of the report.
            (
                "首页 > 通知公告\n发布日期: 2024-03-12 【字体大小:\n中共杉溪镇委员会关于巡察整改进展情况的通报\n按照县委统一部署开展巡察。\n",
                &[],
            ),
            // A quote mark turned the wrong way is one mistake, not two (nor a nesting).
            ("建立“周调度“机制。\n", &[Unclosed]),
            ("建立”周调度”机制。\n", &[Unopened]),
            // Each paragraph pairs on its own: a quote is not carried to the next line.
            ("建立“周调度\n月通报”机制。\n", &[Unclosed, Unopened]),
            (ANSWERED, &[]),
            (&unanswered, &[Unanswered]),
            // Reports that do not label their answers are not judged.
            (
                "一、梅坞镇党委\n反馈问题:村务公开不及时。\n已按月公开。\n",
                &[],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&problems(text), want, "{text}");
        }
    }

    #[test]
    fn bad_pairs_are_refused() {
        let bad = serde_yaml::from_str("{problem: unclosed, pairs: [\"“\"]}").unwrap();
        assert!(crate::rules::testing::compile(compile, &bad).is_err());
        let bad = serde_yaml::from_str("{problem: unclosed, pairs: [\"''\"]}").unwrap();
        assert!(crate::rules::testing::compile(compile, &bad).is_err());
        assert!(crate::rules::testing::compile(compile, &serde_yaml::Value::Null).is_err());
    }

    const PROBLEMS: &[&str] = &["unclosed", "unopened", "nesting", "unanswered"];

    /// Spans of every finding on hostile text stay in bounds and on character boundaries.
    fn spans_hold(text: &str) {
        crate::rules::testing::assert_spans_hold_for(compile, PROBLEMS, text);
    }

    proptest::proptest! {
        #[test]
        fn hostile_text_never_panics(text in "[“”‘’《》()（）【】〔〕1一、关于的问题反馈整改情况:\\n 。]{0,160}") {
            spans_hold(&text);
        }
    }

    #[test]
    fn the_fixture_report() {
        let text = include_str!("../../tests/fixtures/pairing/zhuxi.txt");
        let mut at: Vec<(usize, Problem)> = Vec::new();
        let (doc, facts) = crate::analyse(text);
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        };
        for (name, problem) in [
            ("unclosed", Unclosed),
            ("unopened", Unopened),
            ("nesting", Nesting),
            ("unanswered", Unanswered),
        ] {
            let params = serde_yaml::from_str(&format!("{{problem: {name}}}")).unwrap();
            for h in crate::rules::testing::compile(compile, &params)
                .unwrap()
                .check(&cx)
            {
                at.push((text[..h.span.start].matches('\n').count() + 1, problem));
            }
        }
        at.sort_by_key(|(line, _)| *line);
        let want = [
            (9, Unclosed),
            (10, Unanswered),
            (12, Nesting),
            (15, Unopened),
        ];
        assert_eq!(at, want);
    }
}
