//! Completion rates of countable things (`办结率`, `整改完成率`, `销号率`, `实现p%整改到位`): a
//! share of problems, cases or measures done, which cannot exceed 100%.

use super::{Construction, Relation, Statement, statement};
use crate::facts::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// A rate's name right before its figure: `整改完成率98%`, `办结率达到99.5%`.
pub(super) static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<name>完成|整改|办结|辦結|销号|銷號|结案|結案|化解|落实|落實|到位|清零)率(?:已经|已|均)?(?:达到|达|達到|達|为|為|是)?\s*$",
    )
    .expect("a valid pattern")
});

/// `实现p%整改到位`: the rate's words follow its figure.
static VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:实现|實現|达到|達到)\s*$").expect("a valid pattern"));
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:的)?(?:整改到位|整改完成|完成整改|办结|辦結|销号|銷號|清零)")
        .expect("a valid pattern")
});

/// Words near a general completion rate that make it a rate of countable things.
const COUNTABLE: &[&str] = &[
    "整改", "问题", "問題", "信访", "信訪", "案件", "线索", "線索", "投诉", "投訴",
];

/// Every completion rate among the figures.
pub fn read(
    source: &str,
    figures: &[Figure],
    words: &crate::parse::vocab::SplitWords,
) -> Vec<Statement> {
    let mut out = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        let q = &f.quantity;
        if q.unit != "%" || q.in_range {
            continue;
        }
        let (Some(lead), Some(trail)) = (
            source.get(f.clause.start.min(q.span.start)..q.span.start),
            source.get(q.span.end..f.clause.end.max(q.span.end)),
        ) else {
            continue;
        };
        let named = BEFORE.captures(lead).is_some_and(|c| {
            // 完成率 and 落实率 may be of a plan's target (任务完成率105%): only a rate of
            // problems, cases or rectification is of countable things.
            let general = matches!(&c["name"], "完成" | "落实" | "落實");
            !general || {
                let (_, before) = super::behind(source, q.span.start, f.passage.start);
                COUNTABLE.iter().any(|w| before.contains(w))
            }
        });
        if named || (VERB.is_match(lead) && AFTER.is_match(trail)) {
            out.push(statement(
                figures,
                Construction::Rate,
                Relation::AtMostWhole { percent: i },
                true,
            ));
        }
        // A rate whose whole is the total of the sentence before: the rules' sentence readers
        // do not reach it.
        if named && let Some(c) = counts(source, figures, i, words).filter(|c| !c.in_sentence) {
            out.push(statement(
                figures,
                Construction::RateOfTotal,
                Relation::Share {
                    numerators: vec![vec![c.done]],
                    base: vec![c.base],
                    percent: i,
                },
                false,
            ));
        }
    }
    out.extend(headlines(source, figures, words));
    out
}

/// A total's marker before it in its clause: `共明确整改任务120项`, `总计`, `合计`, `累计`.
const TOTAL: &[&str] = &["共", "总", "總", "合计", "合計", "累计", "累計", "全部"];

/// Words in a rate's sentence that make its done count a part of the total stated before:
/// `年度目标任务`, `应完成的`, `其中`.
const SUBSET: &[&str] = &[
    "应", "應", "年度", "目标", "目標", "计划", "計劃", "本年", "今年", "当年", "當年", "序时",
    "序時", "其中", "阶段", "階段",
];

/// A clause before a done count that says only when, how or by what account (`截至8月底`,
/// `通过专项整治`, `根据调度情况`).
static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:截至|截止|到|至|自|从|從|经过|經過|通过|通過|根据|根據|据|據|按照|依据|依據|目前|当前|當前|现|現)")
        .expect("a valid pattern")
});
/// The opening of a done count's own clause with no subject: `已完成`, `目前已办结`.
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:目前|当前|當前|现|現|共|累计|累計|全部|均|基本|均已|已经|已經|已)*(?P<rest>.*)$",
    )
    .expect("a valid pattern")
});
/// Status words in a done count's clause, not the thing counted.
const DONE_WORDS: &[&str] = &[
    "完成", "整改", "办结", "辦結", "销号", "銷號", "结案", "結案", "化解", "落实", "落實", "到位",
    "清零", "解决", "解決", "共", "累计", "累計", "已", "均", "全部",
];

/// True when done count `df`, taking its whole `tf` from the sentence before, names no part of
/// it: the clauses before its own say only when or how, its own opens with its status (no
/// subject such as `民生领域问题`, `县级牵头的措施`), and any thing it names between the status
/// and the figure (`已完成整改问题15个`) is named in the whole's clause too.
fn bare(source: &str, df: &Figure, tf: &Figure) -> bool {
    let start = super::status::sentence_start(source, df);
    let head = source.get(start..df.quantity.span.start).unwrap_or("");
    let mut clauses: Vec<&str> = head.split([',', '，', ';', '；', ':', '：']).collect();
    let own = clauses.pop().unwrap_or("");
    if !clauses
        .iter()
        .all(|c| c.trim().is_empty() || WHEN.is_match(c))
    {
        return false;
    }
    let Some(rest) = BARE.captures(own).and_then(|c| c.name("rest")) else {
        return false;
    };
    let rest = rest.as_str();
    if !own.contains('已') || !DONE_WORDS.iter().any(|w| rest.starts_with(w)) {
        return false;
    }
    let mut named = rest.to_string();
    for w in DONE_WORDS {
        named = named.replace(w, "|");
    }
    let whole = source
        .get(tf.clause.start.min(tf.quantity.span.start)..tf.quantity.span.end)
        .unwrap_or("");
    let whole = format!("{whole}{}", tf.noun);
    let chars: Vec<char> = named.chars().filter(|c| *c != '的').collect();
    let pairs: Vec<String> = chars
        .windows(2)
        .filter(|w| w.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)))
        .map(|w| w.iter().collect())
        .collect();
    pairs.is_empty() || pairs.iter().any(|p| whole.contains(p.as_str()))
}

/// The counts a completion rate at figure `r` is computed from.
#[derive(Debug, Clone, Copy)]
pub(super) struct Counts {
    /// The done count right before the rate.
    pub(super) done: usize,
    /// The whole the rate is a share of.
    pub(super) base: usize,
    /// True when the whole stands in the rate's sentence; false when it is the total of the
    /// sentence before.
    pub(super) in_sentence: bool,
}

/// The done count and the whole of the completion rate at figure `r`: the figure right before
/// the rate is a count saying it was done (已完成, 已办结, …), in the rate's clause or the one
/// before; its whole is read by [`whole_of`]. A whole in the sentence before is not taken
/// when the rate's sentence names a part of it (`今年`, `年度目标`, `应完成`, `其中`, `阶段`).
pub(super) fn counts(
    source: &str,
    figures: &[Figure],
    r: usize,
    words: &crate::parse::vocab::SplitWords,
) -> Option<Counts> {
    use super::{SENTENCE_STOPS, family};
    let rf = &figures[r];
    let d = r.checked_sub(1)?;
    let df = &figures[d];
    let unit = family(&df.quantity.unit);
    if df.passage != rf.passage
        || unit.is_empty()
        || unit == "%"
        || !crate::facts::number::is_count_unit(&df.quantity.unit)
        || df.quantity.ordinal
    {
        return None;
    }
    let between = source.get(df.quantity.span.end..rf.quantity.span.start)?;
    if between.contains(SENTENCE_STOPS) || between.matches([',', '，', ':', '：']).count() > 1 {
        return None;
    }
    let (base, in_sentence) = whole_of(source, figures, d, words)?;
    // A rate of a part of the whole stated before (this year's tasks, those due): not of it.
    if !in_sentence {
        let start = super::status::sentence_start(source, df);
        let head = source.get(start..rf.quantity.span.start).unwrap_or("");
        if SUBSET.iter().any(|w| head.contains(w)) || !bare(source, df, &figures[base]) {
            return None;
        }
    }
    Some(Counts {
        done: d,
        base,
        in_sentence,
    })
}

/// The whole of the done count at figure `d`: the one other figure of its unit in its
/// sentence, bare of any status and not smaller (true); with no other figure of the unit in
/// the sentence, the one figure of the unit in the sentence before, marked as a total (`共`,
/// `合计`, `累计`) (false). None when `d` says no status of done, or for two figures of the
/// unit, a status on the whole, or a whole of another noun.
pub(super) fn whole_of(
    source: &str,
    figures: &[Figure],
    d: usize,
    words: &crate::parse::vocab::SplitWords,
) -> Option<(usize, bool)> {
    use super::status::{Status, same_noun, sentence_start, status};
    use super::{exact, family};
    let df = &figures[d];
    let unit = family(&df.quantity.unit);
    if unit.is_empty() || unit == "%" || df.quantity.ordinal || df.quantity.in_range {
        return None;
    }
    let (dv, _) = exact(df)?;
    if status(source, figures, d, words) != Some(Status::Done) {
        return None;
    }
    let whole = |t: usize| {
        let tf = &figures[t];
        exact(tf).is_some_and(|(_, hi)| hi >= dv)
            && status(source, figures, t, words).is_none()
            && same_noun(tf, df)
    };
    let start = sentence_start(source, df);
    let mine: Vec<usize> = (0..d)
        .rev()
        .take_while(|&k| {
            figures[k].passage == df.passage && figures[k].quantity.span.start >= start
        })
        .filter(|&k| family(&figures[k].quantity.unit) == unit)
        .collect();
    match mine.as_slice() {
        [t] => return whole(*t).then_some((*t, true)),
        [] => {}
        _ => return None,
    }
    // The sentence before, in the same passage.
    let last = (0..d)
        .rev()
        .take_while(|&k| figures[k].passage == df.passage)
        .find(|&k| figures[k].quantity.span.start < start)?;
    let before = sentence_start(source, &figures[last]);
    let theirs: Vec<usize> = (0..=last)
        .rev()
        .take_while(|&k| {
            figures[k].passage == df.passage && figures[k].quantity.span.start >= before
        })
        .filter(|&k| family(&figures[k].quantity.unit) == unit)
        .collect();
    let [t] = theirs.as_slice() else {
        return None;
    };
    let tf = &figures[*t];
    let head = source
        .get(tf.clause.start.min(tf.quantity.span.start)..tf.quantity.span.start)
        .unwrap_or("");
    (TOTAL.iter().any(|w| head.contains(w)) && whole(*t)).then_some((*t, false))
}

/// A headline's words that make its percentage a completion rate or the progress of one.
static HEADLINE_RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<name>完成|整改|办结|辦結|销号|銷號|结案|結案)率|(?:办理|辦理|整改|完成|办结|辦結)(?:进度|進度)",
    )
    .expect("a valid pattern")
});

/// Longest headline read, in characters.
const HEADLINE_CHARS: usize = 80;

/// A headline's percentage restating the body's completion rate (`……办理进度已超91%` above a
/// body that says `受理信访件7878件,已办结7201件,办结率达91.41%`): the headline is a line
/// without a sentence's stop before the first line that has one, its percentage named as a
/// completion rate or the progress of handling (办理进度, 整改进度; not 序时进度); the body's completion rates that have their counts
/// ([`counts`]) must all be of the same done count and whole, that whole the largest figure of
/// its unit in the body, and a rate named in the headline must be the body's rate's name. The
/// headline is then weighed against the body's done count and whole.
pub(super) fn headlines(
    source: &str,
    figures: &[Figure],
    words: &crate::parse::vocab::SplitWords,
) -> Vec<Statement> {
    use super::{SENTENCE_STOPS, exact, family};
    let body = source
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain(std::iter::once(0))
        .filter(|&i| {
            let line = source[i..].split('\n').next().unwrap_or("");
            line.contains(SENTENCE_STOPS)
        })
        .min()
        .unwrap_or(source.len());
    // The headline's percentages named as a completion rate or a progress, with the rate's
    // name when they name one.
    let mut heads = Vec::new();
    for (h, f) in figures.iter().enumerate() {
        let at = f.quantity.span.start;
        if at >= body {
            break;
        }
        if f.quantity.unit != "%" || f.quantity.in_range {
            continue;
        }
        let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
        let line = source[line_start..].split('\n').next().unwrap_or("");
        let lead = source.get(f.clause.start.min(at)..at).unwrap_or("");
        // 序时进度 is the share of the schedule, not of the things.
        let Some(m) = HEADLINE_RATE.captures(lead).filter(|_| {
            !["序时", "序時", "时序", "時序"]
                .iter()
                .any(|w| lead.contains(w))
        }) else {
            continue;
        };
        if line.chars().count() <= HEADLINE_CHARS {
            heads.push((h, m.name("name").map(|n| n.as_str().to_string())));
        }
    }
    if heads.is_empty() {
        return Vec::new();
    }
    let mut rates = Vec::new();
    for (r, f) in figures.iter().enumerate() {
        if f.quantity.span.start < body || f.quantity.unit != "%" {
            continue;
        }
        let lead = source
            .get(f.clause.start.min(f.quantity.span.start)..f.quantity.span.start)
            .unwrap_or("");
        let Some(name) = BEFORE.captures(lead).map(|c| c["name"].to_string()) else {
            continue;
        };
        if let Some(c) = counts(source, figures, r, words) {
            rates.push((name, c));
        }
    }
    let Some((name, c)) = rates.first().cloned() else {
        return Vec::new();
    };
    let not_checked = |why: &str| -> Vec<Statement> {
        heads
            .iter()
            .map(|&(h, _)| {
                statement(
                    figures,
                    Construction::Headline,
                    Relation::NotChecked {
                        figure: h,
                        why: why.to_string(),
                    },
                    false,
                )
            })
            .collect()
    };
    let value = |k: usize| exact(&figures[k]).map(|iv| iv.0);
    if rates.iter().any(|(n, o)| {
        *n != name || value(o.done) != value(c.done) || value(o.base) != value(c.base)
    }) {
        return not_checked(
            "未核对: 正文有多个完成率 / not checked: the body states more than one completion rate",
        );
    }
    let unit = family(&figures[c.base].quantity.unit);
    let whole = value(c.base).unwrap_or(f64::INFINITY);
    if figures.iter().any(|g| {
        g.quantity.span.start >= body
            && family(&g.quantity.unit) == unit
            && exact(g).is_some_and(|iv| iv.0 > whole)
    }) {
        return not_checked(
            "未核对: 正文完成率的基数不是全文最大的总数 / not checked: the body's rate may be of a part",
        );
    }
    heads
        .iter()
        .filter(|(_, named)| named.as_ref().is_none_or(|n| *n == name))
        .map(|&(h, _)| {
            statement(
                figures,
                Construction::Headline,
                Relation::Share {
                    numerators: vec![vec![c.done]],
                    base: vec![c.base],
                    percent: h,
                },
                false,
            )
        })
        .collect()
}
