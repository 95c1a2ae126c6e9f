//! A figure stated once and referred back to later: "追缴违规资金36.58万元" … "追缴的36.58万元
//! 违规资金已全部上缴", "建立完善制度18项" … "将整改中形成的18项制度汇编成册", "整改措施156条" …
//! "对照156条整改措施逐项对账销号".
//!
//! The later statement is a definite reference: the figure follows `的` or a word that points
//! back (`对照`, `上述`), and its noun comes after it. The earlier one names the same noun, before
//! its figure ("追缴违规资金36.58万元") or after it ("形成12项制度"), with the same unit. Both
//! stand outside the items, in no clause with a word of scope (`其中`, `各`, `今年`, `已完成`
//! …: a part, not the whole), and in the same part of the report (not two parallel sub-sections).
//! The verb must be the same quantity's: the later clause shares a two-character word with the
//! earlier clause's words before the noun ("追缴" … "追缴的"), or its verb only points back or
//! says the figure resulted (`对照`, `形成`). When several earlier statements name the noun with
//! different figures, which one is meant is unknown, and nothing is read. A count with no noun
//! ("追责问责23人" … "被追责问责的23人中") is keyed by its words alone: the later words, the
//! passive 被/受到 dropped, must end the earlier ones. Totals of the
//! report's problems and tasks are left to the kinds that count the items.

use super::Figure;
use super::tallies::PROBLEM_NOUNS;
use crate::document::{Document, Span};

/// A later statement that refers back to an earlier one.
#[derive(Debug, Clone, PartialEq)]
pub struct Restatement {
    /// The earlier figure ("36.58万元").
    pub first: Span,
    /// The later figure.
    pub second: Span,
    /// The noun they share, e.g. "违规资金".
    pub noun: String,
    /// True when the two figures' intervals cannot meet.
    pub differs: bool,
}

/// Words before a figure that refer back to a quantity stated before.
const POINTING: &[&str] = &["对照", "對照", "上述", "前述", "以上", "这些", "這些"];

/// Verbs that only say a quantity resulted or is referred to, not which action counted it.
const GENERIC_VERBS: &[&str] = &[
    "形成", "对照", "對照", "上述", "前述", "以上", "这", "這", "此", "该", "該",
];

/// Words that narrow a clause to a part or another period: a figure there is another quantity.
const SCOPE_WORDS: &[&str] = &[
    "其中",
    "各",
    "每",
    "今年",
    "本年",
    "当年",
    "當年",
    "本季度",
    "本月",
    "上半年",
    "下半年",
    "已完成",
    "完成",
    "未",
    "正在",
    "尚",
    "剩余",
    "其余",
    "另",
    "新增",
    "部分",
    "期间",
    "期間",
    "累计",
    "累計",
    "第",
    "一个",
    "一個",
    "个别",
    "個別",
    "均",
    "分别",
    "分別",
    "全市",
    "全县",
    "全區",
    "全区",
    "全省",
    "全镇",
    "以来",
    "新",
    "再",
    "又",
    "另外",
    "先后",
];

/// Words that end the noun after a later figure.
const NOUN_STOPS: &[&str] = &[
    "已",
    "的",
    "中",
    "开展",
    "開展",
    "进行",
    "進行",
    "纳入",
    "納入",
    "汇编",
    "彙編",
    "逐",
    "全部",
    "均",
    "要",
    "和",
    "及",
    "与",
    "并",
    "是",
    "在",
    "为",
    "為",
    "进一步",
    "适时",
    "適時",
    "抓",
    "落实",
    "落實",
    "上缴",
    "上繳",
];

/// Clause ends: a figure and its noun, and a restated figure and its noun, stand in one clause.
fn is_clause_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | ';' | '，' | ',' | '：' | ':' | '！' | '？' | '、' | '\n'
    )
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// How far, in bytes, a clause is read on either side of a figure.
const REACH: usize = 300;

/// One figure outside the items, with its clause's words before and after it.
struct Read<'a> {
    fig: &'a Figure,
    /// From the clause start to the figure.
    lead: &'a str,
    /// The noun after the figure ("违规资金"), possibly empty.
    noun: String,
    /// The figure's scope: the innermost sub-section (depth ≥ 2) holding it, if any.
    scope: Option<usize>,
}

/// The clause's text before `at`, within `passage`.
fn lead_of<'a>(source: &'a str, passage: &Span, at: usize) -> &'a str {
    let mut lo = at.saturating_sub(REACH).max(passage.start);
    while !source.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &source[lo..at];
    let start = before.rfind(is_clause_stop).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    &before[start..]
}

/// The noun after a figure: ideographs and quotations, up to a stop word, at most 10 characters.
fn noun_after(text: &str) -> String {
    let mut noun = String::new();
    let mut rest = text;
    let mut n = 0;
    while let Some(c) = rest.chars().next() {
        if !(is_cjk(c) || matches!(c, '“' | '”' | '‘' | '’'))
            || NOUN_STOPS.iter().any(|w| rest.starts_with(w))
            || n == 10
        {
            break;
        }
        noun.push(c);
        rest = &rest[c.len_utf8()..];
        n += 1;
    }
    noun
}

/// The innermost section of depth 2 or more holding `at`: the part of the report a figure
/// there is about ("(四)工程建设方面。涉及问题11个"); None for the report as a whole.
pub fn scope_of(doc: &Document, at: usize) -> Option<usize> {
    doc.sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.depth >= 2 && s.span.start <= at && at < s.span.end)
        .max_by_key(|(_, s)| s.depth)
        .map(|(i, _)| i)
}

/// The longest tail of `lead` (at least two characters) that the noun `noun` starts with.
fn shared_noun<'a>(lead: &'a str, noun: &str) -> Option<&'a str> {
    lead.char_indices()
        .map(|(i, _)| &lead[i..])
        .find(|tail| tail.chars().count() >= 2 && noun.starts_with(tail))
}

/// The two-character words of `text`'s ideographs.
fn bigrams(text: &str) -> Vec<[char; 2]> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| is_cjk(w[0]) && is_cjk(w[1]))
        .map(|w| [w[0], w[1]])
        .collect()
}

/// True when the restated figure's words (`later`, before its `的`) can name the action of the
/// first figure, whose words before its noun are `verb` (noun before the figure): the last word
/// of `verb` recurs in `later` ("追缴违规资金" … "追缴的"), or `later` only points back or says
/// the figure resulted and nothing but a verb of making stands before the noun ("建立完善制度"
/// … "形成的"; not "修订内部管理制度" … "形成的": 内部管理 narrows it).
fn same_verb_before(verb: &str, later: &str) -> bool {
    let generic = GENERIC_VERBS.iter().any(|w| later.contains(w));
    let last = bigrams(verb).last().copied();
    let made = verb.is_empty() || MAKING.iter().any(|w| verb.ends_with(w));
    generic && made || last.is_some_and(|b| bigrams(later).contains(&b))
}

/// Verbs of making or fixing a set of things ("建立完善制度", "制定整改措施").
const MAKING: &[&str] = &[
    "建立",
    "完善",
    "健全",
    "制定",
    "出台",
    "修订",
    "修訂",
    "新建",
    "印发",
    "印發",
    "形成",
    "明确",
    "明確",
    "梳理",
    "细化",
    "細化",
    "建立健全",
    "制定完善",
];

/// The words before a figure without the words that only lead to it ("对", "将", "把", a
/// subject ending in 将/把) and its closing 的.
fn core(lead: &str) -> &str {
    let lead = lead.trim_end_matches('的');
    let lead = lead
        .rfind(['将', '將', '把'])
        .map_or(lead, |i| &lead[i + '将'.len_utf8()..]);
    lead.trim_start_matches(['对', '對'])
}

/// True when a restated figure's words (`later`) name the same action as the first figure's
/// (`earlier`), both with the noun after the figure: the same words, or words that only point
/// back or say the figure resulted ("形成12项制度" … "将形成的12项制度"; not "反馈的52个问题"
/// … "上轮巡察反馈的38个问题": 上轮 is another round).
fn same_verb_after(earlier: &str, later: &str) -> bool {
    let (e, l) = (core(earlier), core(later));
    e == l || (l.is_empty() || GENERIC_VERBS.contains(&l)) && !e.is_empty()
}

/// The words before a figure with no noun, as a key: without 对/将/把 and a subject before
/// them, the passive 被/受到 and the closing 的 ("被追责问责的" → "追责问责"). The earlier
/// statement's words may have a subject before them ("镇党委追责问责5人").
fn bare_verb(lead: &str) -> &str {
    let c = core(lead);
    ["受到", "被", "受"]
        .iter()
        .find_map(|p| c.strip_prefix(p))
        .unwrap_or(c)
}

/// Every later statement of a figure that refers back to an earlier one, in document order.
pub fn read(doc: &Document, figures: &[Figure]) -> Vec<Restatement> {
    let src = doc.source.as_str();
    let reads: Vec<Read> = figures
        .iter()
        .filter(|f| f.quantity.interval().is_some() && !f.quantity.ordinal)
        .filter(|f| doc.item_containing(&f.quantity.span).is_none())
        .map(|f| {
            let end = f.quantity.span.end;
            let after = &src[end..f.passage.end.max(end)];
            Read {
                fig: f,
                lead: lead_of(src, &f.passage, f.quantity.span.start),
                noun: noun_after(after),
                scope: scope_of(doc, f.quantity.span.start),
            }
        })
        .collect();
    let scoped = |r: &Read| SCOPE_WORDS.iter().any(|w| r.lead.contains(w));
    let mut out = Vec::new();
    for (k, later) in reads.iter().enumerate() {
        let pointing =
            later.lead.ends_with('的') || POINTING.iter().any(|w| later.lead.ends_with(w));
        // Totals of the report's problems and tasks are `item_count`'s and `tally`'s to check
        // against the items.
        let problems = PROBLEM_NOUNS.iter().any(|n| later.noun.starts_with(n));
        // "被追责问责的23人": no noun, the unit counts people or things; the verb is the key.
        let bare_later = later.noun.is_empty() && later.lead.ends_with('的');
        if !pointing || (later.noun.chars().count() < 2 && !bare_later) || scoped(later) || problems
        {
            continue;
        }
        let verb = later.lead.trim_end_matches('的');
        let candidates: Vec<&Read> = reads[..k]
            .iter()
            .filter(|e| e.fig.quantity.unit == later.fig.quantity.unit && !scoped(e))
            .filter(|e| e.scope.is_none() || later.scope.is_none() || e.scope == later.scope)
            .filter(|e| {
                // The noun before the earlier figure ("追缴违规资金36.58万元") or after it
                // ("形成12项制度").
                let before = e.noun.is_empty()
                    && shared_noun(e.lead, &later.noun).is_some_and(|n| {
                        same_verb_before(&e.lead[..e.lead.len() - n.len()], verb)
                            && later.noun.starts_with(n)
                    });
                let after = !e.noun.is_empty()
                    && (later.noun == e.noun
                        || (later.noun.starts_with(&e.noun) && e.noun.chars().count() >= 2))
                    && same_verb_after(e.lead, later.lead);
                // "追责问责23人" … "被追责问责的23人": no noun on either side, the same
                // words before both figures.
                let bare = bare_later
                    && e.noun.is_empty()
                    && bare_verb(later.lead).chars().count() >= 2
                    && bare_verb(e.lead).ends_with(bare_verb(later.lead));
                before || after || bare
            })
            .collect();
        let Some(first) = candidates.last() else {
            continue;
        };
        let meets = |a: &Figure, b: &Figure| match (a.quantity.interval(), b.quantity.interval()) {
            (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
            _ => true,
        };
        // Earlier statements that disagree among themselves: which one is meant is unknown.
        if candidates.iter().any(|c| !meets(c.fig, first.fig)) {
            continue;
        }
        let noun = if later.noun.is_empty() {
            bare_verb(later.lead).to_string()
        } else {
            shared_noun(first.lead, &later.noun)
                .filter(|_| first.noun.is_empty())
                .unwrap_or(&first.noun)
                .to_string()
        };
        out.push(Restatement {
            first: first.fig.quantity.span.clone(),
            second: later.fig.quantity.span.clone(),
            noun,
            differs: !meets(first.fig, later.fig),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// First figure, second figure, noun, and whether they differ.
    type Read = (String, String, String, bool);

    /// Each restatement read in `text`, figures as text.
    fn read_all(text: &str) -> Vec<Read> {
        let (doc, facts) = crate::analyse(text);
        super::read(&doc, &facts.figures)
            .into_iter()
            .map(|r| {
                (
                    text[r.first].to_string(),
                    text[r.second].to_string(),
                    r.noun,
                    r.differs,
                )
            })
            .collect()
    }

    /// An opening and a closing paragraph around a heading.
    fn twice(opening: &str, later: &str) -> String {
        format!("{opening}\n一、下一步工作\n{later}\n")
    }

    #[test]
    fn table() {
        let r = |a: &str, b: &str, n: &str, d: bool| (a.into(), b.into(), n.into(), d);
        let cases: Vec<(String, Vec<Read>)> = vec![
            (
                twice(
                    "镇党委追责问责5人。",
                    "被追责问责的7人中,既有村干部,也有镇干部。",
                ),
                vec![r("5人", "7人", "追责问责", true)],
            ),
            (
                twice(
                    "镇党委追责问责5人。",
                    "被追责问责的5人中,既有村干部,也有镇干部。",
                ),
                vec![r("5人", "5人", "追责问责", false)],
            ),
            (
                twice(
                    "镇党委制定整改措施40条,收回违规补贴12.35万元。",
                    "收回的12.53万元违规补贴已全部上缴镇财政。",
                ),
                vec![r("12.35万元", "12.53万元", "违规补贴", true)],
            ),
            (
                twice(
                    "镇党委制定整改措施40条,收回违规补贴12.35万元。",
                    "收回的12.35万元违规补贴已全部上缴镇财政。",
                ),
                vec![r("12.35万元", "12.35万元", "违规补贴", false)],
            ),
            (
                twice(
                    "明确整改任务9项、整改措施40条。",
                    "镇党委将对照44条整改措施逐项销号。",
                ),
                vec![r("40条", "44条", "整改措施", true)],
            ),
            (
                twice(
                    "健全完善制度7项,清退资金2万元。",
                    "镇党委将整改中形成的8项制度汇编成册。",
                ),
                vec![r("7项", "8项", "制度", true)],
            ),
            (
                twice(
                    "拆除“违建”棚房14处,清理河道3公里。",
                    "对拆除的41处“违建”棚房开展复查。",
                ),
                vec![r("14处", "41处", "“违建”棚房", true)],
            ),
            (
                twice("镇党委形成12项制度。", "镇党委将形成的12项制度印发执行。"),
                vec![r("12项", "12项", "制度", false)],
            ),
        ];
        for (text, want) in &cases {
            assert_eq!(&read_all(text), want, "{text}");
        }
        let none = [
            // A part of the whole (已完成整改的) is another quantity.
            twice("巡察反馈问题12个。", "对已完成整改的10个问题开展回头看。"),
            // Problem totals are left to the kinds that count the items.
            twice("巡察反馈的8项整改任务已完成。", "巡察反馈的9项整改任务已完成。"),
            // Another verb: another quantity.
            twice("新建制度7项。", "镇党委将废止的3项制度予以公布。"),
            // A narrower noun before the first figure: another quantity.
            twice("修订内部管理制度7项。", "镇党委将整改中形成的9项制度汇编成册。"),
            // Another verb before a bare count: another quantity.
            twice("给予党纪处分2人。", "受到政务处分的3人已全部谈话。"),
            twice("问责6人。", "被诫勉谈话的3人中有2名村干部。"),
            // Another verb before a bare count: another quantity.
            twice("给予党纪处分2人。", "受到政务处分的3人已全部谈话。"),
            twice("问责6人。", "被诫勉谈话的3人中有2名村干部。"),
            // Newly made ones are a part of all those made.
            twice("完善制度7项。", "镇党委将新完善的3项制度印发执行。"),
            // Another round or source: another quantity.
            twice("巡察反馈的12个问题已全部整改。", "对上轮巡察反馈的9个问题开展回头看。"),
            twice("巡察反馈的12个问题已全部整改。", "对照专项检查反馈的9个问题逐项整改。"),
            // A scope word: another quantity.
            twice("收回违规补贴12.35万元。", "其中收回的2.1万元违规补贴上缴镇财政。"),
            // No pointing word: a new statement, not a reference.
            twice("收回违规补贴12.35万元。", "今年再收回违规补贴3万元。"),
            // Earlier statements disagree among themselves: unknown which is meant.
            twice(
                "收回违规补贴12.35万元,收回违规补贴3万元。",
                "收回的5万元违规补贴已上缴。",
            ),
            // Two parallel sub-sections are two scopes.
            "一、分类整改情况\n(一)组织建设方面。清退资金2万元。\n(二)作风建设方面。清退的3万元资金已上缴。\n".to_string(),
            // Approximate figures are not restated values.
            twice("收回违规补贴约12万元。", "收回的15万元违规补贴已上缴。"),
        ];
        for text in &none {
            let read = read_all(text);
            assert!(read.iter().all(|r| !r.3), "{text}: {read:?}");
        }
    }

    proptest! {
        /// A figure referred back to with the same value never differs; with another it does.
        #[test]
        fn restated(n in 2u32..500, m in 2u32..500) {
            let text = twice(&format!("镇党委建立完善制度{n}项。"), &format!("将整改中形成的{m}项制度汇编成册。"));
            let read = read_all(&text);
            prop_assert_eq!(read.len(), 1);
            prop_assert_eq!(read[0].3, n != m);
        }

        /// Money restated: the two figures stand for intervals of ±0.005万元, and differ only
        /// when those cannot meet (more than one cent of 万元 apart).
        #[test]
        fn restated_money(a in 100u32..100_000, b in 100u32..100_000) {
            let text = twice(
                &format!("镇党委清退违规资金{}.{:02}万元。", a / 100, a % 100),
                &format!("清退的{}.{:02}万元违规资金已全部上缴。", b / 100, b % 100),
            );
            let read = read_all(&text);
            prop_assert_eq!(read.len(), 1);
            prop_assert_eq!(read[0].3, a.abs_diff(b) > 1);
        }

        /// Any text reads without panicking.
        #[test]
        fn any_text(text in "[的对照形成制度项条个万元0-9.,。、其中“”\n一、]{0,60}") {
            let _ = read_all(&text);
        }
    }
}
