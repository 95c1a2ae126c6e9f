//! `numbering`: Heading numbers at each level run from 一/1 without gaps, repeats or broken markers, in GB/T 9704 order; inline enumerations run in order.

use super::{Check, Context, Hit, Kind, Tag};
use crate::document::{Document, Inline, MarkerStyle, Span};
use serde::Deserialize;
use std::collections::HashMap;

/// The kind's name.
pub const NAME: &str = "numbering";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
同一上级标题下，各级标题编号从一/1开始连续，不跳号、不重号、不残缺（如只剩“)”）；同一上级下可在多项之后重新从1编号，但紧接在编号1之后的1（一、一、二、）是重号；下级编号不出现在上级之前（GB/T 9704：一、(一)1.(1)）；段内列举（一是、二是……，(1)(2)……）连续；同一序列混用全角、半角括号或不同的点号时提示。
Under each parent, heading numbers run from 一/1 without gaps, repeats or broken markers (a lone \")\"); a list may start again at 1 after several entries, but a 1 right after a 1 (一、一、二、) is a repeat; a higher level never follows a lower one among siblings (GB/T 9704: 一、(一)1.(1)); inline enumerations (一是、二是…, (1)(2)…) run in order; a sequence that mixes full- and half-width brackets or different dots is noted.

## 为什么 / Why it matters
编号错乱说明文稿经过删改而未复核：“三、”出现两次，读者会怀疑漏掉了一部分内容；残缺的编号在网页上显得草率，也让问题条目无法被准确引用。
Broken numbering shows an edited draft nobody re-read: a second 三、 makes readers ask what went missing, and a lost number leaves a problem that cannot be cited.

## 示例 / Example
不通过 / Fails:
    一、提高政治站位
    二、逐项推进整改
    三、正视差距不足
    三、下一步工作打算
通过 / Passes（下级编号可以在各上级下从1重新开始，也可以跨上级连续编号）:
Passes (a level may restart at 1 under each parent or run on across parents):
    (一)组织领导方面
    1.关于“学习不深入”的问题
    2.关于“落实不到位”的问题
    (二)作风建设方面
    3.关于“作风不实”的问题

## 参数 / Parameters
- `problem`: 本条规则报告哪一种问题 / which problem this rule reports: `skipped`（跳号 / a number skipped）, `repeated`（重号或倒退 / a number repeated or going back）, `broken`（编号残缺 / a marker that lost its number）, `misplaced`（层级次序颠倒 / a higher level after a lower one）, `enumeration`（段内列举跳号或重号 / an inline enumeration out of order）, `mixed`（同一序列括号或点号不统一 / mixed bracket or dot styles）。
- `continue_across_parents`（默认 true / default true）: 允许下级编号跨上级连续（如各“(一)”“(二)”下的条目 1.–51. 连续编号）/ accept a level numbered on across parents (items 1.–51. running through (一)…(二十)).
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["expected", "found", "marker", "parent"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/numbering.yaml",
        include_str!("../../rules/numbering.yaml"),
    ),
};

/// The problems this kind finds; each rule reports one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Problem {
    Skipped,
    Repeated,
    Broken,
    Misplaced,
    Enumeration,
    Mixed,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    problem: Option<Problem>,
    #[serde(default = "yes")]
    continue_across_parents: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            problem: None,
            continue_across_parents: true,
        }
    }
}

struct Numbering {
    problem: Problem,
    continue_across_parents: bool,
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    let problem = p.problem.ok_or(
        "`problem` is required: skipped, repeated, broken, misplaced, enumeration or mixed",
    )?;
    Ok(Box::new(Numbering {
        problem,
        continue_across_parents: p.continue_across_parents,
    }))
}

impl Check for Numbering {
    /// One walk of the headings finds all their problems for the five heading rules; the
    /// enumerations are a walk of their own.
    fn pass_key(&self) -> Option<String> {
        Some(if self.problem == Problem::Enumeration {
            "enumerations".to_string()
        } else {
            format!("headings {}", self.continue_across_parents)
        })
    }

    fn pass(&self, cx: &Context) -> Vec<(Tag, Hit)> {
        let found = if self.problem == Problem::Enumeration {
            enumerations(cx.doc)
        } else {
            headings(cx.doc, self.continue_across_parents)
        };
        found
            .into_iter()
            .map(|(p, hit)| {
                let tag = Tag {
                    problem: p as u8,
                    sure: true,
                };
                (tag, hit)
            })
            .collect()
    }

    fn reports(&self, tag: Tag) -> bool {
        tag.problem == self.problem as u8
    }
}

/// A sequence of sibling headings of one style under one parent.
#[derive(Default)]
struct Run {
    /// The last number, given or assigned to a broken marker.
    prev: u32,
    /// The last heading of the run.
    last: Option<usize>,
    /// A sibling marker to write expected numbers like.
    like: Option<usize>,
    /// A mixed style was already reported for this run.
    mixed: bool,
    /// The run sits under a misplaced level; its numbers are not checked.
    suppressed: bool,
}

/// Heading problems, in document order. A skipped or repeated number is reported only when it
/// is one both with "1." and "1、" counted as one style and as two: a report that numbers its
/// items "1." and their sub-points "1、" (which the tree cannot tell apart) is not out of
/// sequence, nor is "1. 2、 3." (only mixed).
fn headings(doc: &Document, across: bool) -> Vec<(Problem, Hit)> {
    // The places of the split walk's skipped and repeated numbers, looked up for each problem
    // of the other walk (a set, so that a report of many bad headings is not quadratic).
    let split: std::collections::HashSet<(usize, usize)> = walk(doc, across, true)
        .into_iter()
        .filter(|(p, _)| matches!(p, Problem::Skipped | Problem::Repeated))
        .map(|(_, g)| (g.span.start, g.span.end))
        .collect();
    let confirmed = |h: &Hit| split.contains(&(h.span.start, h.span.end));
    walk(doc, across, false)
        .into_iter()
        .filter(|(p, h)| !matches!(p, Problem::Skipped | Problem::Repeated) || confirmed(h))
        .collect()
}

fn walk(doc: &Document, across: bool, split: bool) -> Vec<(Problem, Hit)> {
    let mut walk = Walk {
        doc,
        across,
        split,
        out: Vec::new(),
        runs: HashMap::new(),
        last_seen: HashMap::new(),
        first_shape: HashMap::new(),
        lowest: HashMap::new(),
    };
    for i in 0..doc.sections.len() {
        walk.visit(i);
    }
    walk.out
}

/// A run's key: the parent, the style's rank, and with `split` the marker's closing
/// punctuation ("." or "、"; brackets of either width are one).
type Key = (Option<usize>, u8, char);

/// The state of a walk through the headings in document order.
struct Walk<'a> {
    doc: &'a Document,
    across: bool,
    split: bool,
    out: Vec<(Problem, Hit)>,
    /// Runs by parent and style rank.
    runs: HashMap<Key, Run>,
    /// The last number of each style anywhere so far, for numbering that runs on across parents.
    last_seen: HashMap<(u8, char), u32>,
    /// The first heading of each style, whose written form is the reference.
    first_shape: HashMap<u8, usize>,
    /// Per parent, the child of the lowest level so far.
    lowest: HashMap<Option<usize>, usize>,
}

impl Walk<'_> {
    fn hit(&self, i: usize) -> Hit {
        let s = &self.doc.sections[i];
        let parent = s
            .parent
            .map_or_else(|| "一级标题".to_string(), |p| self.doc.section_path(p));
        Hit::at(s.marker.span.clone())
            .value("found", self.doc.text(&s.marker.span))
            .value("parent", parent)
    }

    fn key(&self, i: usize, style: MarkerStyle) -> Key {
        let s = &self.doc.sections[i];
        let class = match s.marker.style {
            _ if !self.split => ' ',
            MarkerStyle::Broken => ')',
            _ => match shape(self.doc, i).chars().next_back() {
                Some('）') => ')',
                Some('．') => '.',
                Some(c) => c,
                None => ' ',
            },
        };
        (s.parent, style.rank(), class)
    }

    fn visit(&mut self, i: usize) {
        let doc = self.doc;
        let s = &doc.sections[i];
        let Some(style) = family(doc, i) else {
            let hit = self.hit(i).value("expected", "带编号的标题");
            self.out.push((Problem::Broken, hit));
            return;
        };
        let key = self.key(i, style);
        let first = !self.runs.contains_key(&key);
        let suppressed = self.misplaced(i);
        let run = self.runs.entry(key).or_default();
        run.suppressed |= suppressed;
        let like = run.like.unwrap_or(i);
        let admissible: Vec<u32> = if first {
            let seen = self.last_seen.get(&(key.1, key.2)).filter(|_| self.across);
            let inline = s.parent.and_then(|p| inline_before(doc, p, style));
            [Some(0), seen.copied(), inline]
                .into_iter()
                .flatten()
                .map(|n| n + 1)
                .collect()
        } else {
            vec![run.prev + 1]
        };
        let (prev, last, suppressed) = (run.prev, run.last, run.suppressed);
        let number = match s.marker.number {
            Some(n) if s.marker.style != MarkerStyle::Broken => n,
            _ => {
                let n = if first {
                    next_sibling_number(doc, i, style)
                        .filter(|&m| m > 1)
                        .map_or(1, |m| m - 1)
                } else {
                    prev + 1
                };
                let hit = self.hit(i).value("expected", render(doc, like, style, n));
                self.out.push((Problem::Broken, hit));
                n
            }
        };
        // A list may start again at 1 under the same parent (a second list of 1. 2. 3. after
        // one of several entries), but not right after a sibling that was itself 1: 一、一、二、
        // is a repeat, not a list of one entry followed by a new list.
        let after_one = !first
            && last.is_some_and(|j| {
                let m = &doc.sections[j].marker;
                m.style != MarkerStyle::Broken && m.number == Some(1)
            });
        let restart = number == 1 && !after_one;
        let mut continues = number;
        if !(admissible.contains(&number) || restart || suppressed) {
            self.out_of_sequence(i, number, &admissible, like, style, last);
            // (一)(一)(三): the second (一) stands for (二), which the (三) after it continues;
            // one finding, not a second one for the (三).
            if number == 1 && after_one && next_sibling_number(doc, i, style) == Some(prev + 2) {
                continues = prev + 1;
            }
        }
        let run = self.runs.entry(key).or_default();
        run.prev = continues;
        run.last = Some(i);
        if s.marker.style != MarkerStyle::Broken {
            run.like = Some(i);
            self.mixed(i, style, number);
        }
        self.last_seen.insert((key.1, key.2), number);
    }

    /// Report a heading of a higher level than an earlier sibling; true when it is one.
    fn misplaced(&mut self, i: usize) -> bool {
        let doc = self.doc;
        let s = &doc.sections[i];
        // Numbered lines before the first 一、 belong to the opening, not to an order of levels.
        if s.marker.style == MarkerStyle::Broken || s.parent.is_none() {
            return false;
        }
        let rank = s.marker.style.rank();
        let Some(&low) = self.lowest.get(&s.parent) else {
            self.lowest.insert(s.parent, i);
            return false;
        };
        let low_marker = &doc.sections[low].marker;
        if rank >= low_marker.style.rank() {
            self.lowest.insert(s.parent, i);
            return false;
        }
        let hit = self
            .hit(i)
            .value("marker", doc.text(&low_marker.span))
            .label(low_marker.span.clone(), "更低一级的编号在前");
        self.out.push((Problem::Misplaced, hit));
        true
    }

    /// Report a number that is neither the next in its run nor a restart at 1.
    fn out_of_sequence(
        &mut self,
        i: usize,
        number: u32,
        admissible: &[u32],
        like: usize,
        style: MarkerStyle,
        last: Option<usize>,
    ) {
        let problem = if number > admissible.iter().copied().max().unwrap_or(1) {
            Problem::Skipped
        } else {
            Problem::Repeated
        };
        let shown: Vec<String> = admissible
            .iter()
            .map(|&n| render(self.doc, like, style, n))
            .collect();
        let mut hit = self.hit(i).value("expected", shown.join(" 或 "));
        if let Some(prev) = last {
            hit = hit.label(self.doc.sections[prev].marker.span.clone(), "上一个编号");
        }
        let target = admissible.iter().copied().max().unwrap_or(1);
        for (j, n) in self.renumbering(i, number, target, style) {
            let span = self.doc.sections[j].marker.span.clone();
            hit = hit.edit(span, render(self.doc, j, style, n));
        }
        self.out.push((problem, hit));
    }

    /// The safe fix for heading `i` numbered `number` where `target` was due: it and every later
    /// sibling of its style under the same parent move by the same step, so 一二三三四 becomes
    /// 一二三四五, 一一二 becomes 一二三 and 一二四五 becomes 一二三四; when the next sibling
    /// already follows `target`, only heading `i` changes, so 一一三 becomes 一二三. Numbering that runs on under the next parent is
    /// left to the next pass of `--fix`, which checks again after each fix.
    fn renumbering(
        &self,
        i: usize,
        number: u32,
        target: u32,
        style: MarkerStyle,
    ) -> Vec<(usize, u32)> {
        let doc = self.doc;
        let step = i64::from(target) - i64::from(number);
        let mut out = vec![(i, target)];
        let mut first_after = true;
        for j in siblings(doc, doc.sections[i].parent) {
            let m = &doc.sections[j].marker;
            if j <= i || family(doc, j) != Some(style) {
                continue;
            }
            // A broken marker among them has no number to move: stop there, fix nothing more.
            let Some(n) = m.number.filter(|_| m.style != MarkerStyle::Broken) else {
                break;
            };
            // The next sibling already follows the fixed number ((一)(一)(三): the second
            // (一) becomes (二) and the (三) stays): nothing after it moves.
            if std::mem::take(&mut first_after) && n == target + 1 {
                break;
            }
            match u32::try_from(i64::from(n) + step) {
                Ok(moved) if moved >= 1 => out.push((j, moved)),
                _ => break,
            }
        }
        out
    }

    /// Report, once per run, a marker written unlike the first of its style.
    fn mixed(&mut self, i: usize, style: MarkerStyle, number: u32) {
        let doc = self.doc;
        let reference = *self.first_shape.entry(style.rank()).or_insert(i);
        let key = self.key(i, style);
        let run = self.runs.entry(key).or_default();
        if shape(doc, reference) == shape(doc, i) || run.mixed {
            return;
        }
        run.mixed = true;
        let r = &doc.sections[reference].marker.span;
        let hit = self
            .hit(i)
            .value("marker", doc.text(r))
            .value("expected", render(doc, reference, style, number))
            .label(r.clone(), "先前的写法");
        self.out.push((Problem::Mixed, hit));
    }
}

/// The style a heading's number counts in: its own, or for a broken marker that of the
/// bracketed sibling before it (else after it).
fn family(doc: &Document, i: usize) -> Option<MarkerStyle> {
    let s = &doc.sections[i];
    if s.marker.style != MarkerStyle::Broken {
        return Some(s.marker.style);
    }
    let bracketed = |st: MarkerStyle| {
        matches!(
            st,
            MarkerStyle::CnParen | MarkerStyle::ArabicParen | MarkerStyle::ArabicHalfParen
        )
    };
    let siblings = siblings(doc, s.parent);
    let at = siblings.iter().position(|&x| x == i)?;
    let styles = |it: &mut dyn Iterator<Item = &usize>| {
        it.map(|&x| doc.sections[x].marker.style)
            .find(|&st| st != MarkerStyle::Broken)
            .filter(|&st| bracketed(st))
    };
    styles(&mut siblings[..at].iter().rev()).or_else(|| styles(&mut siblings[at + 1..].iter()))
}

/// The children of a parent (the top-level headings for None), in order.
fn siblings(doc: &Document, parent: Option<usize>) -> Vec<usize> {
    match parent {
        Some(p) => doc.sections[p].children.clone(),
        None => (0..doc.sections.len())
            .filter(|&i| doc.sections[i].parent.is_none())
            .collect(),
    }
}

/// The number of the next sibling of the same style, if it has one.
fn next_sibling_number(doc: &Document, i: usize, style: MarkerStyle) -> Option<u32> {
    let sib = siblings(doc, doc.sections[i].parent);
    let at = sib.iter().position(|&x| x == i)?;
    sib[at + 1..]
        .iter()
        .map(|&x| &doc.sections[x].marker)
        .find(|m| m.style == style)
        .and_then(|m| m.number)
}

/// The last inline "(n)" in a parent's own text, for sub-headings that continue it
/// ("41.……(1)关于……。" then a line "(2)关于……").
fn inline_before(doc: &Document, parent: usize, style: MarkerStyle) -> Option<u32> {
    if style != MarkerStyle::ArabicParen {
        return None;
    }
    let blocks = &doc.sections[parent].blocks;
    blocks.iter().rev().find_map(|&b| {
        doc.blocks[b].inline.iter().rev().find_map(|x| match x {
            Inline::EnumParen { number, .. } => Some(*number),
            _ => None,
        })
    })
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇一二三四五六七八九十".contains(c)
}

/// A marker's written form without its number and blanks: "（一）" → "（）", "1、" → "、".
fn shape(doc: &Document, i: usize) -> String {
    doc.text(&doc.sections[i].marker.span)
        .chars()
        .filter(|&c| !is_numeral(c) && !c.is_whitespace() && !('①'..='⑳').contains(&c))
        .collect()
}

/// The marker of heading `like`, written with number `n` in the numerals of `style`.
fn render(doc: &Document, like: usize, style: MarkerStyle, n: u32) -> String {
    let text = doc.text(&doc.sections[like].marker.span);
    let digits = match style {
        MarkerStyle::CnComma | MarkerStyle::CnParen => cn_numeral(n),
        MarkerStyle::Circled => char::from_u32(0x2460 + n.saturating_sub(1))
            .filter(|_| (1..=20).contains(&n))
            .map_or(n.to_string(), String::from),
        _ if text.chars().any(|c| ('０'..='９').contains(&c)) => n
            .to_string()
            .chars()
            .filter_map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32))
            .collect(),
        _ => n.to_string(),
    };
    if doc.sections[like].marker.style == MarkerStyle::Broken {
        return match style {
            MarkerStyle::CnParen | MarkerStyle::ArabicParen => format!("({digits})"),
            _ => format!("{digits})"),
        };
    }
    let mut out = String::new();
    let mut placed = false;
    for c in text.chars() {
        if is_numeral(c) || ('①'..='⑳').contains(&c) {
            if !placed {
                out.push_str(&digits);
                placed = true;
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A Chinese numeral below 100: 3 → "三", 12 → "十二", 21 → "二十一".
fn cn_numeral(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n % 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// Inline enumerations out of order: within one block, a run that starts at 一是 (or (1))
/// and, with no other structure in between, skips or repeats a number.
fn enumerations(doc: &Document) -> Vec<(Problem, Hit)> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        // (run start, previous number, its span) per kind: 0 = 一是, 1 = (1).
        let mut runs: [Option<(u32, u32, Span)>; 2] = [None, None];
        for x in &b.inline {
            let (k, n, span) = match x {
                Inline::EnumCn { number, span } => (0, *number, span),
                Inline::EnumParen { number, span } => (1, *number, span),
                Inline::Label { .. } => {
                    runs = [None, None];
                    continue;
                }
                Inline::Note { .. } => continue,
            };
            if k == 1 {
                // A "(2)" sub-point opens a new context for 一是/二是.
                runs[0] = None;
            }
            let next = match &runs[k] {
                Some((1, prev, prev_span)) if n != prev + 1 && n != 1 => {
                    let hit = Hit::at(span.clone())
                        .value("found", doc.text(span))
                        .value("expected", enum_text(k, prev + 1, doc.text(span)))
                        .value("marker", doc.text(prev_span))
                        .value("parent", section_name(doc, b.section))
                        .label(prev_span.clone(), "上一项");
                    out.push((Problem::Enumeration, hit));
                    Some((1, n, span.clone()))
                }
                Some((start, _, _)) if n != 1 => Some((*start, n, span.clone())),
                _ => Some((n, n, span.clone())),
            };
            runs[k] = next;
        }
    }
    out
}

fn section_name(doc: &Document, s: Option<usize>) -> String {
    s.map_or_else(|| "开头部分".to_string(), |s| doc.section_path(s))
}

/// How an inline enumerator with number `n` is written, like `found`.
fn enum_text(kind: usize, n: u32, found: &str) -> String {
    if kind == 0 {
        format!("{}是", cn_numeral(n))
    } else if found.starts_with('（') {
        format!("（{n}）")
    } else {
        format!("({n})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every problem the kind finds in a snippet, in document order.
    fn problems(text: &str) -> Vec<Problem> {
        let (doc, _) = crate::analyse(text);
        let mut all = headings(&doc, true);
        all.extend(enumerations(&doc));
        all.sort_by_key(|(_, h)| h.span.start);
        all.into_iter().map(|(p, _)| p).collect()
    }

    use Problem::*;

    #[test]
    fn table() {
        let cases: &[(&str, &[Problem])] = &[
            // A clean top level.
            ("一、组织\n二、推进\n三、打算\n", &[]),
            ("一、组织\n二、推进\n三、差距\n三、打算\n", &[Repeated]),
            ("一、组织\n二、推进\n四、打算\n", &[Skipped]),
            // A first number repeated: after a sibling that was itself 1, a 1 is no restart.
            ("一、组织\n一、推进\n二、打算\n", &[Repeated]),
            (
                "一、总体\n(一)强化。\n(一)细化。\n(二)督查。\n",
                &[Repeated],
            ),
            // ... reported once: the (三) continues the (二) the second (一) stands for.
            (
                "一、总体\n(一)强化。\n(一)细化。\n(三)督查。\n",
                &[Repeated],
            ),
            ("一、总体\n二、做法\n(一)强化。\n(一)细化。\n", &[Repeated]),
            (
                "(一)甲方面\n1.关于“甲”的问题\n1.关于“乙”的问题\n2.关于“丙”的问题\n",
                &[Repeated],
            ),
            // A second list under the same parent, after a list of several entries, restarts.
            (
                "一、总体\n1.成立小组。\n2.制定方案。\n3.开展督查。\n1.建立台账。\n2.定期通报。\n",
                &[],
            ),
            // A broken marker before a 1 is not a 1 repeated.
            ("一、总体\n)强化。\n(一)细化。\n", &[Broken]),
            ("三、组织\n(一)强化。\n(三)细化。\n", &[Skipped, Skipped]),
            // Broken markers take the numbers between their neighbours: (四) is in order.
            (
                "一、总体\n(一)落实。\n)用力。\n)长效。\n(四)差距。\n",
                &[Broken, Broken],
            ),
            ("一、总体\n(一)落实。\n()用力。\n(三)长效。\n", &[Broken]),
            // A level may run on across parents (items 1.–4. through (一) and (二)).
            (
                "(一)甲方面\n1.关于“甲”的问题\n2.关于“乙”的问题\n(二)乙方面\n3.关于“丙”的问题\n4.关于“丁”的问题\n",
                &[],
            ),
            // ... or restart at 1 under each parent.
            (
                "(一)甲方面\n1.关于“甲”的问题\n2.关于“乙”的问题\n(二)乙方面\n1.关于“丙”的问题\n",
                &[],
            ),
            (
                "(一)甲方面\n1.关于“甲”的问题\n2.关于“乙”的问题\n(二)乙方面\n5.关于“丙”的问题\n",
                &[Skipped],
            ),
            (
                "(一)甲方面\n1.关于“甲”的问题\n2.关于“乙”的问题\n(二)乙方面\n2.关于“丙”的问题\n",
                &[Repeated],
            ),
            // (1) restarts under each item.
            (
                "1.关于“甲”的问题\n(1)小项。\n(2)小项。\n2.关于“乙”的问题\n(1)小项。\n",
                &[],
            ),
            // Circled numbers in order.
            ("(一)甲\n①成立。\n②制定。\n③督查。\n", &[]),
            // 1) items restart under each 1. area.
            (
                "1.甲方面\n1)问题一。\n2)问题二。\n2.乙方面\n1)问题三。\n",
                &[],
            ),
            // A skipped level still nests: 1. straight under 一、 is fine.
            ("一、总体\n1.成立小组。\n2.制定方案。\n二、打算\n", &[]),
            ("一、总体\n1.成立小组。\n(一)细化措施。\n", &[Misplaced]),
            // Numbered points in the opening, before the first 一、, are not a level order.
            (
                "按照部署:\n1.成立小组。\n2.制定方案。\n一、总体\n二、打算\n",
                &[],
            ),
            // A sub-heading continuing the inline "(1)" of its parent's text.
            (
                "1.针对“账务”的问题。(1)关于公章。已整改。\n(2)关于票据。已整改。\n",
                &[],
            ),
            ("一、总体\n(一)强化。\n（二）细化。\n", &[Mixed]),
            // "1." items with "1、" sub-points: two styles the tree cannot tell apart, not a
            // repeat (only noted as mixed).
            (
                "(一)甲\n1.关于“甲”的问题\n1、成立小组。\n2、制定方案。\n2.关于“乙”的问题\n",
                &[Mixed],
            ),
            // One run written with two dots is in order, only mixed.
            (
                "一、总体\n1.成立小组。\n2、制定方案。\n3.开展督查。\n",
                &[Mixed],
            ),
            // Full-width throughout is one style.
            ("一、总体\n（一）强化。\n（二）细化。\n", &[]),
            (
                "整改情况:一是建台账;二是压责任;四是督查。\n",
                &[Enumeration],
            ),
            (
                "整改情况:一是建台账;二是压责任;二是督查。\n",
                &[Enumeration],
            ),
            // Independent enumerations restart at 一是 after a sub-point.
            (
                "(1)关于公开。一是规范;二是公开。(2)关于审批。一是严格;二是审计。\n",
                &[],
            ),
            // A second enumeration in the same paragraph restarts at 一是.
            (
                "关于台账。一是建立;二是更新。关于督查。一是暗访;二是通报;三是问责。\n",
                &[],
            ),
            // A run that does not start at 一是 here (continuing another paragraph) is not judged.
            ("三是加强督查;五是严肃问责。\n", &[]),
            // A label between two numbers starts a new context.
            ("一是建立台账。整改成效:三是完成销号。\n", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&problems(text), want, "{text}");
        }
    }

    #[test]
    fn expected_markers_are_written_like_their_siblings() {
        let (doc, _) = crate::analyse("一、总体\n（一）落实。\n)用力。\n十一、其他\n");
        let found = headings(&doc, true);
        let broken: Vec<_> = found.iter().filter(|(p, _)| *p == Broken).collect();
        assert_eq!(broken[0].1.values["expected"], "（二）");
        let skipped: Vec<_> = found.iter().filter(|(p, _)| *p == Skipped).collect();
        assert_eq!(skipped[0].1.values["expected"], "二、");
        assert_eq!(cn_numeral(21), "二十一");
        assert_eq!(cn_numeral(10), "十");
    }

    #[test]
    fn across_parents_can_be_turned_off() {
        let text = "(一)甲\n1.关于“甲”的问题\n(二)乙\n2.关于“乙”的问题\n";
        let (doc, _) = crate::analyse(text);
        assert!(headings(&doc, true).is_empty());
        assert_eq!(headings(&doc, false).len(), 1);
    }

    const PROBLEMS: &[&str] = &[
        "skipped",
        "repeated",
        "broken",
        "misplaced",
        "enumeration",
        "mixed",
    ];

    /// Spans of every finding on hostile text stay in bounds and on character boundaries.
    fn spans_hold(text: &str) {
        crate::rules::testing::assert_spans_hold_for(compile, PROBLEMS, text);
    }

    proptest::proptest! {
        #[test]
        fn hostile_text_never_panics(text in "[一二三四十、()（）)1２3.．是:整改情况\\n 。;“”]{0,160}") {
            spans_hold(&text);
        }
    }

    #[test]
    fn the_fixture_report() {
        let text = include_str!("../../tests/fixtures/numbering/zhuxi.txt");
        let (doc, _) = crate::analyse(text);
        let mut found = headings(&doc, true);
        found.extend(enumerations(&doc));
        let mut at: Vec<(usize, Problem)> = found
            .iter()
            .map(|(p, h)| (text[..h.span.start].matches('\n').count() + 1, *p))
            .collect();
        at.sort_by_key(|(line, _)| *line);
        let want = [(14, Enumeration), (21, Repeated), (23, Broken), (24, Mixed)];
        assert_eq!(at, want);
    }
}
