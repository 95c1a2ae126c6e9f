//! The rest of a whole restated after it: a whole and its done count
//! (`受理群众诉求640件,已办结587件`), and later a count of what is not done with the done
//! count's verb, marked as a total (`全镇共53件未办结诉求中`): the rest is the whole less the
//! done count, so the whole is the sum of the two.
//!
//! The rest must say `未` (尚未, 没有) with the verb of the done count (办结, 完成, 整改, 销号,
//! 结案, 化解, 解决), stand right after a total's word (共, 共有, 共计, 合计, 累计, 总计), be the
//! first figure of its unit in its sentence, not in a `其中` sentence, not count other years' or
//! new cases (含, 包括, 往年, 积案, 新增, 另), and name a thing that the
//! whole's sentence names too (two characters in common besides the status words), with no
//! scope of its own (every word before its denial, now and the whole area aside, is in the
//! whole's sentences: `县级交办的`, `2023年度` make a part). Every done
//! count of that verb and unit before it, with its whole ([`super::rates::whole_of`]), must be of
//! the same whole and done count: with two different pairs the rest is not read.

use super::{Construction, Relation, Statement, exact, family, statement};
use crate::facts::Figure;

/// Verbs of done things, in the order they are looked for (整改 inside 完成整改 is found
/// after 完成).
const VERBS: &[&str] = &[
    "办结", "辦結", "完成", "整改", "销号", "銷號", "结案", "結案", "化解", "解决", "解決",
];
/// Words that deny the verb.
const NOT: &[&str] = &["未", "没有", "沒有"];
/// Words that make the rest count other things than the whole's: earlier years' cases,
/// new ones, a cumulative count.
const OTHER_TIMES: &[&str] = &[
    "含",
    "包括",
    "往年",
    "历年",
    "歷年",
    "积案",
    "積案",
    "以前",
    "新增",
    "新受理",
    "另",
];
/// A total's words right before the rest.
const TOTAL: &[&str] = &[
    "共", "共有", "共计", "共計", "合计", "合計", "累计", "累計", "总计", "總計",
];

/// Every rest restated after its whole and done count.
pub fn read(
    source: &str,
    figures: &[Figure],
    words: &crate::parse::vocab::SplitWords,
) -> Vec<Statement> {
    let mut out = Vec::new();
    for (r, rf) in figures.iter().enumerate() {
        let Some(verb) = denied_verb(source, figures, r) else {
            continue;
        };
        if let Some(st) = rest_of(source, figures, r, rf, verb, words) {
            out.push(st);
        }
    }
    out
}

/// The text of figure `k`'s clause before it, and after it up to the next figure.
fn around<'a>(source: &'a str, figures: &[Figure], k: usize) -> (&'a str, &'a str) {
    let f = &figures[k];
    let q = &f.quantity;
    let head = source
        .get(f.clause.start.min(q.span.start)..q.span.start)
        .unwrap_or("");
    let next = figures
        .get(k + 1)
        .map_or(f.clause.end, |n| n.quantity.span.start.min(f.clause.end))
        .max(q.span.end);
    (head, source.get(q.span.end..next).unwrap_or(""))
}

/// The verb that figure `r` denies right after a total's word: `共53件未办结`.
fn denied_verb(source: &str, figures: &[Figure], r: usize) -> Option<&'static str> {
    let q = &figures[r].quantity;
    if q.in_range || q.ordinal || exact(&figures[r]).is_none() {
        return None;
    }
    let unit = family(&q.unit);
    if unit.is_empty() || unit == "%" {
        return None;
    }
    let (head, tail) = around(source, figures, r);
    if !TOTAL.iter().any(|w| head.trim_end().ends_with(w)) {
        return None;
    }
    let text = format!("{head}|{tail}");
    VERBS
        .iter()
        .copied()
        .find(|v| NOT.iter().any(|n| text.contains(&format!("{n}{v}"))))
}

/// True when `text` says `verb` as done: not denied, not planned.
fn done_with(text: &str, verb: &str) -> bool {
    text.match_indices(verb).any(|(i, _)| {
        let before = &text[..i];
        !NOT.iter().any(|n| before.ends_with(n))
            && !["应", "應", "需", "须", "須", "要", "计划", "計劃", "尚"]
                .iter()
                .any(|p| before.ends_with(p))
    })
}

/// The sentence of figure `k` up to it.
fn sentence_head<'a>(source: &'a str, f: &Figure) -> &'a str {
    let start = super::status::sentence_start(source, f);
    source.get(start..f.quantity.span.start).unwrap_or("")
}

/// Two-character runs of ideographs in `text`, with status words removed.
fn pairs(text: &str) -> Vec<(char, char)> {
    let mut t = text.to_string();
    for w in VERBS.iter().chain(NOT).chain(TOTAL) {
        t = t.replace(w, "|");
    }
    for w in ["已", "尚", "中", "其", "有", "为", "為"] {
        t = t.replace(w, "|");
    }
    let chars: Vec<char> = t.chars().collect();
    chars
        .windows(2)
        .filter(|w| w.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)))
        .map(|w| (w[0], w[1]))
        .collect()
}

/// Words of a rest's scope that say only now or the whole area.
const NOW: &[&str] = &[
    "截至目前",
    "截止目前",
    "截至當前",
    "截至当前",
    "目前",
    "当前",
    "當前",
    "至今",
    "现在",
    "現在",
];

/// True when every word of `scope` (a rest's sentence before its denial) is in `whole` (the
/// sentences of its whole and done count): each ideograph, each run of digits; words of now,
/// of the whole area (全镇, 全县), totals and fillers aside.
fn within(scope: &str, whole: &str) -> bool {
    let mut t = scope.to_string();
    for w in NOW.iter().chain(TOTAL) {
        t = t.replace(w, "|");
    }
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            let run: String = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(*c))
                .collect();
            if !whole.contains(&run) {
                return false;
            }
            i += run.chars().count();
            continue;
        }
        let area = c == '全'
            && chars
                .get(i + 1)
                .is_some_and(|n| "省市县縣区區州盟旗镇鎮乡鄉村".contains(*n));
        if area {
            i += 2;
            continue;
        }
        let filler = "的已尚还還仍有均中其为為,，、 ".contains(c);
        if ('\u{4e00}'..='\u{9fff}').contains(&c) && !filler && !whole.contains(c) {
            return false;
        }
        i += 1;
    }
    true
}

/// The statement for the rest at figure `r`, if its whole and done count are read surely.
fn rest_of(
    source: &str,
    figures: &[Figure],
    r: usize,
    rf: &Figure,
    verb: &str,
    words: &crate::parse::vocab::SplitWords,
) -> Option<Statement> {
    let unit = family(&rf.quantity.unit);
    let own = sentence_head(source, rf);
    let start = super::status::sentence_start(source, rf);
    let (_, tail) = around(source, figures, r);
    if own.trim_start().starts_with("其中")
        || OTHER_TIMES
            .iter()
            .any(|w| own.contains(w) || tail.contains(w))
        || figures[..r]
            .iter()
            .rev()
            .take_while(|g| g.passage == rf.passage && g.quantity.span.start >= start)
            .any(|g| family(&g.quantity.unit) == unit)
    {
        return None;
    }
    let mut found: Option<(usize, usize)> = None;
    let value = |k: usize| exact(&figures[k]).map(|iv| iv.0);
    for d in 0..r {
        let df = &figures[d];
        if family(&df.quantity.unit) != unit {
            continue;
        }
        let (head, tail) = around(source, figures, d);
        if !(done_with(head, verb) || done_with(tail, verb)) {
            continue;
        }
        let Some((t, _)) = super::rates::whole_of(source, figures, d, words) else {
            continue;
        };
        match found {
            Some((t0, d0)) if value(t0) != value(t) || value(d0) != value(d) => return None,
            Some(_) => {}
            None => found = Some((t, d)),
        }
    }
    let (t, d) = found?;
    let (tv, rv) = (value(t)?, value(r)?);
    if tv <= rv {
        return None;
    }
    // The rest names a thing the whole's sentence names: after the rest's denial
    // (`53件未办结诉求`, `未办结的诉求共53件`), not a place before it.
    let (rhead, rtail) = around(source, figures, r);
    let named = NOT
        .iter()
        .filter_map(|n| rhead.rfind(n))
        .max()
        .map_or("", |i| &rhead[i..]);
    let whole_text = format!(
        "{}|{}",
        sentence_head(source, &figures[t]),
        sentence_head(source, &figures[d])
    );
    let theirs = pairs(&whole_text);
    let ours = pairs(&format!("{named}|{rtail}"));
    if !ours.iter().any(|p| theirs.contains(p)) {
        return None;
    }
    // The rest's own scope (what its sentence says before the denial) must be the whole's:
    // another year, a source or a place (`2023年度`, `县级交办的`, `东坡村`) makes it a part.
    let scope = own
        .get(
            ..NOT
                .iter()
                .filter_map(|n| own.rfind(n))
                .max()
                .unwrap_or(own.len()),
        )
        .unwrap_or(own);
    if !within(scope, &whole_text) {
        return None;
    }
    Some(statement(
        figures,
        Construction::Complement,
        Relation::Sum {
            total: t,
            parts: vec![d, r],
        },
        false,
    ))
}
