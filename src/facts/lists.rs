//! Enumerations and their counts: "对甲镇、乙乡、丙街道3个乡镇", "“好”“较好”“差”三个等次",
//! "吉林、湖南二省".
//!
//! A list is a run of names separated by `、` (or written as adjacent quotations `“甲”“乙”`)
//! that ends right before a count and its noun. How many names a list holds is a range, not one
//! number: `和`, `及`, `与` may join two names ("四川和江苏") or sit inside one ("党风廉政建设和
//! 反腐败斗争"), so the fewest names counts no joint and the most counts every joint. A list
//! may continue across a comma when the clause before it is a list too ("X县甲镇、乙镇,Y县丙镇")
//! or ends in the same class character as the names ("X县甲镇,Y县乙镇、丙镇"); such a clause
//! may also be an aside ("开展了学习、讨论,对甲镇、乙镇2个镇"), so its names count only for the
//! most. Bracketed text inside a name is not part of the list ("新疆(含兵团)").
//!
//! No count is read when the list is open (`等`), when a name holds a figure or a word of scope
//! (`各`, `所辖`, `其中`: the count is then of members, not of names), or when the count stands
//! far from the number of names (more than half of it away: then it counts something else).

use crate::document::{Document, Span};
use crate::facts::number::parse_chinese_numeral;

/// A list of names with the count stated right after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enumeration {
    /// From the first name to the last.
    pub list: Span,
    /// The count, its measure word and its noun ("10个省区市").
    pub count: Span,
    /// The stated count.
    pub stated: u32,
    /// The fewest names the list can hold (no `和` joins two names).
    pub min: u32,
    /// The most names the list can hold (every `和` joins two names).
    pub max: u32,
    /// The measure word between the count and its noun ("个"), empty for "6县".
    pub measure: String,
    /// The noun counted, e.g. "省区市"; the class character for "6县".
    pub noun: String,
}

impl Enumeration {
    /// True when no reading of the list gives the stated count.
    pub fn disagrees(&self) -> bool {
        self.stated < self.min || self.stated > self.max
    }

    /// The reading nearest the stated count.
    pub fn nearest(&self) -> u32 {
        self.stated.clamp(self.min, self.max)
    }
}

/// Measure words between a count and its noun ("3个单位", "4項指標").
const MEASURES: &[char] = &[
    '个', '個', '项', '項', '家', '所', '名', '位', '条', '條', '类', '類', '种', '種', '大', '张',
    '張', '份', '座', '支',
];

/// Class characters that follow a count with no measure word ("3省", "6县").
const CLASSES: &[char] = &[
    '省', '市', '县', '縣', '区', '區', '镇', '鎮', '乡', '鄉', '州', '国', '國',
];

/// Nouns after a measure word that make the figure a duration or a share, not a count of names.
const NOT_NOUNS: &[&str] = &[
    "月",
    "小时",
    "小時",
    "星期",
    "工作日",
    "季度",
    "百分点",
    "百分點",
    "方面工作",
];

/// Words that end the noun after a count ("3个乡镇开展了巡察").
const NOUN_STOPS: &[&str] = &[
    "的", "开展", "開展", "进行", "進行", "实施", "實施", "已", "是", "在", "和", "及", "与", "并",
    "均", "共", "中", "为", "為", "对", "對", "分别", "分別", "进驻", "被", "完成", "存在", "召开",
    "反馈", "整改", "要", "相继", "陆续", "同步", "推进", "接受",
];

/// Words in a name that make the count one of members, not of names.
const SCOPE_WORDS: &[&str] = &[
    "各", "所辖", "所轄", "下属", "下屬", "其中", "分别", "分別", "以下", "全部", "所有",
];

/// Ends of a clause; a list never crosses them, except a comma (see the module docs).
fn is_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | ';' | '：' | ':' | '！' | '？' | '!' | '?' | '\n' | '，' | ','
    )
}

fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',')
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

const CN_DIGITS: &str = "零〇一二两兩三四五六七八九十百";

/// How far back, in characters, a list is looked for before a count.
const REACH: usize = 400;

/// Why a list with a count is not checked.
pub const OPEN: &str = "未核对:列举以“等”结尾,名称未列全 / not checked: an open list (等)";
/// Why a list with a count is not checked.
pub const SCOPE: &str = "未核对:名称中有“各、所辖、其中”等词,数目可能是其成员数 / not checked: a word of scope in the names";
/// Why a list with a count is not checked.
pub const FIGURE: &str =
    "未核对:名称中含有数字,列举与数目的关系不明 / not checked: a name holds a figure";
/// Why a list with a count is not checked.
pub const FAR: &str = "未核对:数目与名称数相差过大,计的可能是其成员 / not checked: the count is far from the number of names";

/// Every list with a count in the report's text, in document order, and the counts after a
/// list that are not checked, with why (one of [`OPEN`], [`SCOPE`], [`FIGURE`], [`FAR`]).
pub fn read(doc: &Document) -> (Vec<Enumeration>, Vec<(Span, &'static str)>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for passage in super::passages(doc) {
        let text = &doc.source[passage.clone()];
        let (read, skip) = scan_all(text);
        for mut e in read {
            e.list = e.list.start + passage.start..e.list.end + passage.start;
            e.count = e.count.start + passage.start..e.count.end + passage.start;
            out.push(e);
        }
        for (s, why) in skip {
            skipped.push((s.start + passage.start..s.end + passage.start, why));
        }
    }
    (out, skipped)
}

/// The lists with a count in one passage; spans are into `text`.
pub fn scan(text: &str) -> Vec<Enumeration> {
    scan_all(text).0
}

/// The lists with a count in one passage, and the counts not checked with why; spans are into
/// `text`.
fn scan_all(text: &str) -> (Vec<Enumeration>, Vec<(Span, &'static str)>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut i = 1;
    while i < chars.len() {
        match at(text, &chars, i) {
            Some((Ok(e), next)) => {
                out.push(e);
                i = next;
            }
            Some((Err(skip), next)) => {
                skipped.push(skip);
                i = next;
            }
            None => i += 1,
        }
    }
    (out, skipped)
}

/// A list read, or the count after a list and why it is not checked.
type Reading = Result<Enumeration, (Span, &'static str)>;

/// The count starting at char `i` (or its opening quote) with the list before it, and the char
/// index after it.
fn at(text: &str, chars: &[(usize, char)], i: usize) -> Option<(Reading, usize)> {
    let (start, first) = chars[i];
    let prev = chars[i - 1].1;
    // The char before the count ends a name: an ideograph, a closing quotation or bracket.
    if !(is_cjk(prev) || matches!(prev, '”' | '）' | ')' | '’')) || CN_DIGITS.contains(prev) {
        return None;
    }
    if prev == '第' {
        return None;
    }
    let quoted = first == '“';
    let mut j = i + usize::from(quoted);
    let num_start = j;
    let arabic = chars.get(j).is_some_and(|(_, c)| c.is_ascii_digit());
    while chars.get(j).is_some_and(|(_, c)| {
        if arabic {
            c.is_ascii_digit()
        } else {
            CN_DIGITS.contains(*c)
        }
    }) && j - num_start < 6
    {
        j += 1;
    }
    if j == num_start {
        return None;
    }
    let end_byte = |k: usize| chars.get(k).map_or(text.len(), |(b, _)| *b);
    let digits = &text[chars[num_start].0..end_byte(j)];
    let stated = if arabic {
        digits.parse::<u32>().ok()?
    } else {
        let v = parse_chinese_numeral(digits)?;
        (v.fract() == 0.0 && (0.0..1e6).contains(&v)).then_some(v as u32)?
    };
    // The measure word and the noun.
    let noun_start;
    let c = chars.get(j)?.1;
    let mut measure = String::new();
    if MEASURES.contains(&c) {
        measure.push(c);
        j += 1;
        noun_start = j;
        while chars
            .get(j)
            .is_some_and(|(_, c)| is_cjk(*c) && !CN_DIGITS.contains(*c))
            && j - noun_start < 6
            && !NOUN_STOPS.iter().any(|w| text[chars[j].0..].starts_with(w))
        {
            j += 1;
        }
        if j == noun_start {
            return None;
        }
    } else if CLASSES.contains(&c) && !quoted {
        // A quoted count with no measure word is a term ("“三区”"), not a count of names.
        noun_start = j;
        j += 1;
    } else {
        return None;
    }
    let noun = &text[chars[noun_start].0..end_byte(j)];
    if NOT_NOUNS.iter().any(|n| noun.starts_with(n)) {
        return None;
    }
    if quoted && chars.get(j).is_some_and(|(_, c)| *c == '”') {
        j += 1;
    }
    if stated < 2 {
        return None;
    }
    let count = start..end_byte(j);
    let (list, min, max) = match list_before(text, chars, i) {
        Ok(list) => list,
        Err(Some(why)) => return Some((Err((count, why)), j)),
        Err(None) => return None,
    };
    let e = Enumeration {
        list,
        count,
        stated,
        min,
        max,
        measure,
        noun: noun.to_string(),
    };
    // A count far from the names counts something else ("学校、医院12家单位": the units).
    let off = e.stated.abs_diff(e.nearest());
    if off > e.nearest().div_ceil(2) {
        return Some((Err((e.count, FAR)), j));
    }
    Some((Ok(e), j))
}

/// The list ending at char `end` (exclusive): its span and its fewest and most names; `Err`
/// with why when a list stands there but is not counted, `Err(None)` when there is no list.
fn list_before(
    text: &str,
    chars: &[(usize, char)],
    end: usize,
) -> Result<(Span, u32, u32), Option<&'static str>> {
    let lo = end.saturating_sub(REACH);
    // The clauses, from the last back, while each continues the list.
    let mut clause_end = end;
    let mut names: Vec<String> = Vec::new();
    let mut list_start = chars[end].0;
    // The names of the last clause: the fewest the list can hold.
    let mut own = 0;
    loop {
        let mut k = clause_end;
        let mut depth = 0usize;
        while k > lo {
            let c = chars[k - 1].1;
            match c {
                ')' | '）' => depth += 1,
                '(' | '（' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                _ if depth == 0 && is_stop(c) => break,
                _ => {}
            }
            k -= 1;
        }
        if depth != 0 {
            return Err(None);
        }
        let clause = &text[chars.get(k).map_or(text.len(), |(b, _)| *b)..chars[clause_end].0];
        let clause_names = split(clause).ok_or(None)?;
        let continues = names.is_empty()
            || clause_names.len() >= 2
            || common_last(&names).is_some_and(|c| clause.ends_with(c));
        if !continues {
            break;
        }
        if names.is_empty() {
            own = clause_names.len();
        }
        let mut all = clause_names;
        all.extend(names);
        names = all;
        list_start = chars.get(k).map_or(text.len(), |(b, _)| *b);
        // Across a comma only, and only when the clause before may continue the list.
        if k == 0 || k <= lo || !is_comma(chars[k - 1].1) {
            break;
        }
        clause_end = k - 1;
    }
    // "指标评定出“好”“较好”": a run of quotations is the list, what stands before the first
    // quotation of the run only leads to it.
    if names.last().is_some_and(|n| n.starts_with('“')) {
        if let Some(k) = names.iter().rposition(|n| !n.starts_with('“')) {
            names.drain(..k);
            own = own.min(names.len());
            if let Some(q) = names[0].find('“') {
                names[0].drain(..q);
            }
        }
    }
    if names.len() < 2 {
        return Err(None);
    }
    let last = names.last().map_or("", String::as_str);
    // "对漏报、错报的3名干部": the names describe what is counted, they are not its members;
    // "……清单和“两个责任”": the count is part of a name.
    if last.ends_with(['的', '和', '及', '与', '與']) {
        return Err(None);
    }
    // "增强“四个意识”、坚定“四个自信”、做到“两个维护”": slogans, each with its own count.
    if names.iter().any(|n| {
        n.match_indices('“')
            .any(|(i, q)| n[i + q.len()..].starts_with(|c| CN_DIGITS.contains(c)))
    }) {
        return Err(None);
    }
    let names: Vec<String> = names
        .iter()
        .map(|n| n.trim_matches(|c: char| matches!(c, '“' | '”')).to_string())
        .collect();
    let tail = &names[1..];
    let plausible = |n: &String| {
        let len = n.chars().count();
        (1..=25).contains(&len)
    };
    if !tail.iter().all(plausible)
        || names[0].is_empty()
        || names.iter().any(|n| n.contains(['《', '》']))
    {
        return Err(None);
    }
    if names.iter().any(|n| n.contains('等')) {
        return Err(Some(OPEN));
    }
    if names.iter().any(|n| {
        n.chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || counted_inside(n)
    }) {
        return Err(Some(FIGURE));
    }
    if names
        .iter()
        .any(|n| SCOPE_WORDS.iter().any(|w| n.contains(w)))
    {
        return Err(Some(SCOPE));
    }
    // A clause before a comma may or may not continue the list: its names count only for the
    // most names, as every joint does.
    let min = u32::try_from(own).map_err(|_| None)?;
    let joints: usize = names
        .iter()
        .map(|n| {
            n.chars()
                .filter(|c| matches!(c, '和' | '及' | '与' | '與'))
                .count()
        })
        .sum();
    let max = u32::try_from(names.len() + joints).map_err(|_| None)?;
    Ok((list_start..chars[end].0, min, max))
}

/// True when a name holds a Chinese count of its own ("东乡两区"): the list then has counts
/// inside it, and its own count is unsure.
fn counted_inside(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    chars.windows(2).any(|w| {
        CN_DIGITS.contains(w[0])
            && w[0] != '零'
            && (MEASURES.contains(&w[1]) || CLASSES.contains(&w[1]))
    })
}

/// The names of one clause, brackets removed: split at `、` and between adjacent quotations.
/// None when a bracket is left open.
fn split(clause: &str) -> Option<Vec<String>> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in clause.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.checked_sub(1)?,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    if depth != 0 {
        return None;
    }
    let plain = plain.replace("”“", "”、“");
    Some(
        plain
            .split('、')
            .map(|n| n.trim_matches(|c: char| matches!(c, ' ' | '\u{3000}')))
            .map(str::to_string)
            .collect(),
    )
}

/// The last character all names share ("甲镇、乙镇" → 镇), if any.
fn common_last(names: &[String]) -> Option<char> {
    let last = names.last()?.chars().last()?;
    names
        .iter()
        .all(|n| n.ends_with(last))
        .then_some(last)
        .filter(|c| is_cjk(*c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Stated count, fewest and most names, noun.
    type Reading<'a> = (u32, u32, u32, &'a str);

    /// (stated, min, max, noun) of each list read in `text`.
    fn read_all(text: &str) -> Vec<(u32, u32, u32, String)> {
        scan(text)
            .into_iter()
            .map(|e| (e.stated, e.min, e.max, e.noun))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[Reading])] = &[
            (
                "县委巡察组对甲镇、乙乡、丙街道3个乡镇开展了巡察。",
                &[(3, 3, 3, "乡镇")],
            ),
            (
                "督导组已进驻青山、绿水、白云、红岭和金沙6个乡镇开展督导。",
                &[(6, 4, 5, "乡镇")],
            ),
            (
                "督导组已进驻青山、绿水、白云、红岭和金沙5个乡镇开展督导。",
                &[(5, 4, 5, "乡镇")],
            ),
            ("对甲县、乙县、丙县四县开展督察。", &[(4, 3, 3, "县")]),
            ("对东湖、西湖二省开展督察。", &[(2, 2, 2, "省")]),
            (
                "评估结果分为“优”“良”“中”“差”四个等次。",
                &[(4, 4, 4, "等次")],
            ),
            (
                "根据重视程度、整改成效等指标评定出“优”“良”“差”三个等次。",
                &[(3, 3, 3, "等次")],
            ),
            (
                "围绕组织领导、整改落实、建章立制“三项措施”推进。",
                &[(3, 3, 3, "措施")],
            ),
            (
                "对北岭县甲镇、乙镇,南溪县丙镇3个镇开展督查。",
                &[(3, 1, 3, "镇")],
            ),
            (
                "对北岭县甲镇,南溪县乙镇、丙镇3个镇开展督查。",
                &[(3, 2, 3, "镇")],
            ),
            (
                "对甲村(社区)、乙村(含新区)3个村开展巡察。",
                &[(3, 2, 2, "村")],
            ),
            (
                "指出作风建设和纪律建设、财务管理、资产管理3个方面问题。",
                &[(3, 3, 4, "方面问题")],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want
                .iter()
                .map(|(s, a, b, n)| (*s, *a, *b, n.to_string()))
                .collect();
            assert_eq!(read_all(text), want, "{text}");
        }
        // The two districts are read; the quoted term after them is not.
        assert_eq!(
            read_all("沿用东湖、西湖两区的《林地“三区”》方案。"),
            vec![(2, 2, 2, "区".to_string())]
        );
        let none = [
            // Slogans, each with its own count.
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            // A count inside a name.
            "移送问题清单和“两个责任”落实清单。",
            // The names describe what is counted.
            "对漏报、错报的3名干部进行批评教育。",
            // Open lists.
            "对甲镇、乙乡等4个乡镇开展了巡察。",
            // Counts of members, not of names.
            "走访学校、医院12家单位。",
            "对各乡镇、街道3个单位开展检查。",
            // No noun after the count: the count is of something else.
            "收集意见、建议3条。",
            // A duration.
            "整改期限、验收2个月。",
            // A quoted term; a count inside a name.
            "落实甲镇、乙镇的“三区”。",
            "对东湖两区、西湖3个单位开展检查。",
            "落实甲镇、乙镇的“三区”划定。",
            // A figure inside a name.
            "对甲镇及所辖9个村、乙镇3个单位开展巡察。",
            // No list.
            "对甲镇3个村开展巡察。",
            "",
            "3个",
        ];
        for text in none {
            assert_eq!(read_all(text), vec![], "{text}");
        }
    }

    #[test]
    fn why_not_checked() {
        let why = |text: &str| {
            scan_all(text)
                .1
                .into_iter()
                .map(|(_, w)| w)
                .collect::<Vec<_>>()
        };
        assert_eq!(why("对甲镇、乙乡等4个乡镇开展了巡察。"), vec![OPEN]);
        assert_eq!(why("对各乡镇、街道3个单位开展检查。"), vec![SCOPE]);
        assert_eq!(why("对东湖两区、西湖3个单位开展检查。"), vec![FIGURE]);
        assert_eq!(why("走访学校、医院12家单位。"), vec![FAR]);
        assert_eq!(why("对甲镇、乙乡2个乡镇开展了巡察。"), Vec::<&str>::new());
        assert_eq!(why("收集意见、建议3条。"), Vec::<&str>::new());
    }

    #[test]
    fn disagreement() {
        let e = |text: &str| scan(text).pop().expect(text);
        assert!(e("督导组已进驻青山、绿水、白云、红岭和金沙6个乡镇。").disagrees());
        assert_eq!(
            e("督导组已进驻青山、绿水、白云、红岭和金沙6个乡镇。").nearest(),
            5
        );
        assert!(!e("督导组已进驻青山、绿水、白云、红岭和金沙4个乡镇。").disagrees());
        assert!(e("对甲县、乙县、丙县四县开展督察。").disagrees());
        assert!(!e("对甲县、乙县、丙县三县开展督察。").disagrees());
    }

    const NAMES: &[&str] = &[
        "青山", "绿水", "白云", "红岭", "金沙", "石门", "柳溪", "松坪", "竹园", "桂花",
    ];

    proptest! {
        /// A list of n names with its count n is never in disagreement; with n ± 1 (at least 2) it
        /// always is.
        #[test]
        fn counted_lists(n in 2usize..=10, off in prop::sample::select(vec![-1i32, 1]), noun in prop::sample::select(vec!["个乡镇", "个单位", "家企业", "县"])) {
            let list = NAMES[..n].join("、");
            let ok = format!("督查组对{list}{n}{noun}开展督查。");
            let read = scan(&ok);
            prop_assert_eq!(read.len(), 1);
            prop_assert!(!read[0].disagrees());
            // A count of one names nothing listed; two names off by one are three.
            let wrong = if n == 2 { 3 } else { usize::try_from(n as i32 + off).unwrap() };
            let bad = format!("督查组对{list}{wrong}{noun}开展督查。");
            let read = scan(&bad);
            prop_assert_eq!(read.len(), 1);
            prop_assert!(read[0].disagrees());
        }

        /// Any text reads without panicking, and spans are on character boundaries.
        #[test]
        fn any_text(text in "[、和“”()（）,，。甲乙丙县镇个项0-9一二三四五等 ]{0,40}") {
            for e in scan(&text) {
                prop_assert!(text.is_char_boundary(e.list.start) && text.is_char_boundary(e.list.end));
                prop_assert!(text.is_char_boundary(e.count.start) && text.is_char_boundary(e.count.end));
                prop_assert!(e.min <= e.max);
            }
        }
    }
}
