//! Counts stated as what is left of another: a total less some of its parts. Four
//! constructions, all of whole counts of things, none sure (their figures are bound across
//! clauses or sentences):
//! - the rest opening its own sentence (`共排查隐患60处,整治38处。其余22处……`): the rest is the
//!   total less some of the figures of its unit stated after the total. A total of the rest's
//!   noun stated in the sentences before (in its passage) and any choice of the figures between
//!   them may make it up; the reading is reported only when no choice does.
//! - a comparison with an earlier round (`第三轮覆盖9个乡镇,比第二轮多2个乡镇`): the figure
//!   before `比第X轮多/少` and the figure of the same noun stated in the one sentence that
//!   names that round alone; the difference is their difference. Only ordinal rounds (第一批,
//!   第二轮) are read: an earlier year or period is seldom stated in the report. Things counted
//!   with no noun after the figures (`交办信访件3200件`) are matched by the words before them
//!   (the two labels end alike in three characters or more). With no figure
//!   before it, a comparison at a named level (`在科一级,第二轮……比第一轮多7人`) takes each
//!   round's one figure of its unit labelled with that level (`科级干部19人`, not a rank inside
//!   it in brackets, `(正科级干部8人)`) in a sentence naming that round alone.
//! - an exception before a count (`除A村和B村外,9个村中已有7个完成`): the named exceptions
//!   are the part of the total that the count leaves out.
//! - the part not done of a total (`15项任务中,目前还有4项未完成`) against the count done of
//!   the same things stated elsewhere (`15项任务已完成11项`): read only when the other
//!   statement names the same total, or its own done and not-done counts make up its total.

use super::{Construction, Minus, Relation, SENTENCE_STOPS, Statement, exact, family, statement};
use crate::facts::Figure;
use regex::Regex;
use std::sync::LazyLock;

/// Words that name the rest of a total.
const REST: &[&str] = &["其余", "其餘", "剩余", "剩餘", "余下", "尚余"];

/// How many figures before the rest its total and parts are looked for among.
const BACK: usize = 24;

/// At most this many candidate parts are weighed (2^n choices).
const MAX_PARTS: usize = 10;

/// Every difference the report states.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    for k in 0..figures.len() {
        if let Some(st) = rest_alone(source, figures, k) {
            out.push(st);
        }
        if let Some(st) = comparison(source, figures, k) {
            out.push(st);
        }
        if let Some(st) = except(source, figures, k) {
            out.push(st);
        }
        if let Some(st) = not_done(source, figures, k) {
            out.push(st);
        }
    }
    out
}

/// An exact whole count of things, as a whole number.
fn count(f: &Figure) -> Option<u64> {
    let q = &f.quantity;
    if q.unit == "%" || q.in_range || q.ordinal || q.decimals != 0 || q.scale != 1.0 {
        return None;
    }
    let (lo, hi) = exact(f)?;
    (lo == hi && lo >= 0.0 && lo.fract() == 0.0).then_some(lo as u64)
}

/// Where the sentence around byte `at` of `passage` starts and ends.
fn sentence(source: &str, f: &Figure) -> (usize, usize) {
    let at = f.quantity.span.start;
    let (from, before) = super::behind(source, at, f.passage.start.min(at));
    let start = before.rfind(SENTENCE_STOPS).map_or(from, |i| {
        from + i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let after = super::ahead(source, at, f.passage.end);
    let end = after
        .find(SENTENCE_STOPS)
        .map_or(at + after.len(), |i| at + i);
    (start, end)
}

/// True when two figures count the same things: the same unit family and nouns of which one
/// ends the other (问题 and 具体问题), or, with one of them unit-less (`8省`), one noun begins
/// the other (省 and 省份).
fn same_things(a: &Figure, b: &Figure) -> bool {
    let (x, y) = (a.noun.as_str(), b.noun.as_str());
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let (ua, ub) = (family(&a.quantity.unit), family(&b.quantity.unit));
    if ua == ub {
        return x.ends_with(y) || y.ends_with(x) || runs_on(x, y) || runs_on(y, x);
    }
    (ua.is_empty() || ub.is_empty()) && (x.starts_with(y) || y.starts_with(x))
}

/// True when the noun `y` begins with the head of `x` (two characters or more of its end) and
/// runs on past it: `隐患限期整治` after `安全隐患` (the noun reader stops at no verb).
fn runs_on(x: &str, y: &str) -> bool {
    let chars: Vec<(usize, char)> = x.char_indices().collect();
    chars.len() >= 2 && (0..=chars.len() - 2).any(|i| y.starts_with(&x[chars[i].0..]))
}

/// True when a figure with no noun after it has the noun's first two characters before it in
/// its clause: `排查安全隐患64处` for `隐患`.
fn named_before(source: &str, f: &Figure, noun: &str) -> bool {
    let lead: String = noun.chars().take(2).collect();
    f.noun.is_empty()
        && lead.chars().count() == 2
        && source
            .get(f.clause.start.min(f.quantity.span.start)..f.quantity.span.start)
            .is_some_and(|h| h.contains(lead.as_str()))
}

/// The rest opening its sentence: `其余N X`, with no other figure of its unit in the sentence.
fn rest_alone(source: &str, figures: &[Figure], r: usize) -> Option<Statement> {
    let rf = &figures[r];
    let rv = count(rf)?;
    if rf.noun.chars().count() < 2 {
        return None;
    }
    let head = source.get(rf.clause.start.min(rf.quantity.span.start)..rf.quantity.span.start)?;
    if !REST.iter().any(|w| head.trim_end().ends_with(w)) {
        return None;
    }
    let unit = family(&rf.quantity.unit);
    let (start, end) = sentence(source, rf);
    let in_sentence = |g: &Figure| {
        g.passage == rf.passage && g.quantity.span.start >= start && g.quantity.span.start < end
    };
    if figures
        .iter()
        .enumerate()
        .any(|(i, g)| i != r && in_sentence(g) && family(&g.quantity.unit) == unit)
    {
        return None; // the sentence's own readers (status, parts_sum) weigh it
    }
    // The figures of its unit before it in its passage, within reach.
    let before: Vec<usize> = (r.saturating_sub(BACK)..r)
        .filter(|&i| {
            let g = &figures[i];
            g.passage == rf.passage && family(&g.quantity.unit) == unit && !g.quantity.ordinal
        })
        .collect();
    if before.iter().any(|&i| count(&figures[i]).is_none()) {
        return not_checked(
            figures,
            Construction::Rest,
            r,
            "未核对:其余数之前有约数,无法精确相减 / not checked: an approximate figure before the rest",
        );
    }
    let totals: Vec<usize> = before
        .iter()
        .copied()
        .filter(|&i| {
            let g = &figures[i];
            (same_things(g, rf) || named_before(source, g, &rf.noun))
                && count(g).is_some_and(|t| t > rv)
        })
        .collect();
    let &first = totals.first()?;
    let mut failed: Option<Minus> = None;
    for &t in &totals {
        let tv = count(&figures[t])?;
        let parts: Vec<usize> = before.iter().copied().filter(|&i| i > t).collect();
        if parts.is_empty() {
            continue;
        }
        if parts.len() > MAX_PARTS {
            return not_checked(
                figures,
                Construction::Rest,
                r,
                "未核对:总数与其余数之间数字过多 / not checked: too many figures between the total and the rest",
            );
        }
        let values: Vec<u64> = parts.iter().filter_map(|&i| count(&figures[i])).collect();
        if let Some(mask) = (1u32..1 << parts.len()).find(|&m| {
            // Counts as written may be as large as a u64 holds: a sum that overflows meets nothing.
            (0..parts.len())
                .filter(|&i| m & (1 << i) != 0)
                .try_fold(rv, |acc, i| acc.checked_add(values[i]))
                == Some(tv)
        }) {
            let less = (0..parts.len())
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| parts[i])
                .collect();
            return Some(difference(figures, Construction::Rest, r, t, less));
        }
        if t == first {
            failed = Some(Minus {
                from: t,
                less: vec![told_again(figures, &parts, r)],
                named: Vec::new(),
            });
        }
    }
    let minus = failed?;
    Some(statement(
        figures,
        Construction::Rest,
        Relation::Difference {
            stated: r,
            readings: vec![minus],
        },
        false,
    ))
}

/// The part to show in a failed reading of the rest: the first part whose count is stated
/// again before the rest (the part the text went on to speak of), else the first part.
fn told_again(figures: &[Figure], parts: &[usize], r: usize) -> usize {
    parts
        .iter()
        .copied()
        .find(|&p| {
            let v = count(&figures[p]);
            figures[p + 1..r]
                .iter()
                .any(|g| count(g) == v && g.noun == figures[p].noun)
        })
        .unwrap_or(parts[0])
}

/// Why a comparison is not checked: the rounds' figures are not found once each.
const UNSURE_ROUND: &str = "未核对:比较的另一批(轮)数字未找到或不止一个 / not checked: the other round's figure is not stated once";

/// A construction read at `figure` whose figures cannot be bound surely.
fn not_checked(
    figures: &[Figure],
    construction: Construction,
    figure: usize,
    why: &str,
) -> Option<Statement> {
    Some(statement(
        figures,
        construction,
        Relation::NotChecked {
            figure,
            why: why.to_string(),
        },
        false,
    ))
}

/// A difference of one reading.
fn difference(
    figures: &[Figure],
    construction: Construction,
    stated: usize,
    from: usize,
    less: Vec<usize>,
) -> Statement {
    statement(
        figures,
        construction,
        Relation::Difference {
            stated,
            readings: vec![Minus {
                from,
                less,
                named: Vec::new(),
            }],
        },
        false,
    )
}

/// `比第二轮多2个`: the round named, the way, the difference right after.
static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^比(?P<round>第[一二三四五六七八九十0-9]{1,3}(?:批|轮|輪))(?:要|还|還|反而|共)?(?P<dir>多|少)了?$",
    )
    .expect("a valid pattern")
});

/// An ordinal round anywhere in a text.
static ROUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第[一二三四五六七八九十0-9]{1,3}(?:批|轮|輪)").expect("a valid pattern")
});

/// `比第一批多2个` at the end of a clause that says what is compared (`问责人数反而比第一批多`).
static COMPARED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^0-9０-９%]{0,16}?比(?P<round>第[一二三四五六七八九十0-9]{1,3}(?:批|轮|輪))(?:要|还|還|反而|共)?(?P<dir>多|少)了?$",
    )
    .expect("a valid pattern")
});

/// The level a comparison is at: `在厅一级`, `厅级层面`.
static LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[,，])\s*(?:在)?(?P<key>[\p{Han}]{1,3}?)(?:一级|级层面|級層面|一級)[,，]")
        .expect("a valid pattern")
});

/// `A个X,比第一批多/少N个X`: N against A and the first round's figure of X; or, with A not in
/// the sentence, `在厅一级,第二批……比第一批多N人`: N against the two rounds' figures labelled
/// with that level.
fn comparison(source: &str, figures: &[Figure], n: usize) -> Option<Statement> {
    let nf = &figures[n];
    count(nf)?;
    let head = source.get(nf.clause.start.min(nf.quantity.span.start)..nf.quantity.span.start)?;
    if let Some(c) = COMPARED.captures(head.trim()) {
        return compared_to_the_clause_before(source, figures, n, &c["round"], &c["dir"]);
    }
    let c = COMPARED_AFTER.captures(head.trim())?;
    at_a_level(source, figures, n, &c["round"], &c["dir"])
}

/// The rounds an ordinal names in a text.
fn rounds_in(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = ROUND.find_iter(text).map(|m| m.as_str()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The figures other than those of the sentence of `n` that `fits` and whose sentence names
/// `round` and no other round.
fn in_round_alone(
    source: &str,
    figures: &[Figure],
    n: usize,
    round: &str,
    fits: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let (own_start, own_end) = sentence(source, &figures[n]);
    let mut found = Vec::new();
    for (i, g) in figures.iter().enumerate() {
        let at = g.quantity.span.start;
        if (at >= own_start && at < own_end) || count(g).is_none() || !fits(i) {
            continue;
        }
        let (s, e) = sentence(source, g);
        if source.get(s..e).map(rounds_in).as_deref() == Some(&[round][..]) {
            found.push(i);
        }
    }
    found
}

fn compared_to_the_clause_before(
    source: &str,
    figures: &[Figure],
    n: usize,
    round: &str,
    dir: &str,
) -> Option<Statement> {
    let nf = &figures[n];
    // The figure compared: the last count before the clause, in the clause just before it.
    let a = (0..n).rev().find(|&i| !figures[i].quantity.ordinal)?;
    let af = &figures[a];
    count(af)?;
    let gap = source.get(af.quantity.span.end..nf.clause.start)?;
    let unit = family(&nf.quantity.unit);
    // Counted things named after the figures (`9个乡镇`), or only before them (`交办信访件
    // 3200件`): then the other round's figure must have the same words before it.
    let named = same_things(af, nf);
    let unnamed = af.noun.is_empty() && nf.noun.is_empty();
    if af.passage != nf.passage
        || gap.contains(SENTENCE_STOPS)
        || gap.matches([',', '，']).count() != 1
        || !(named || unnamed)
        || family(&af.quantity.unit) != unit
    {
        return None;
    }
    let a_label = label(source, figures, a);
    let alike = |i: usize| {
        let g = &figures[i];
        if named {
            return same_things(g, nf);
        }
        g.noun.is_empty()
            && family(&g.quantity.unit) == unit
            && a_label
                .zip(label(source, figures, i))
                .is_some_and(|(x, y)| common_tail(x, y) >= MIN_LABEL)
    };
    // The other round's figure: the one figure of the same things in the sentences that name
    // that round and no other.
    let found = in_round_alone(source, figures, n, round, alike);
    let [b] = found.as_slice() else {
        return not_checked(figures, Construction::Comparison, n, UNSURE_ROUND);
    };
    let (from, less) = if dir == "多" { (a, *b) } else { (*b, a) };
    Some(difference(
        figures,
        Construction::Comparison,
        n,
        from,
        vec![less],
    ))
}

/// The fewest characters two labels must end alike in to name the same measure: `交办信访件`
/// and `共交办信访件`, not `发现问题` and `整改问题`.
const MIN_LABEL: usize = 3;

/// How many characters two texts end alike in.
fn common_tail(x: &str, y: &str) -> usize {
    x.chars()
        .rev()
        .zip(y.chars().rev())
        .take_while(|(a, b)| a == b)
        .count()
}

/// The label of a figure: the text from the figure before it (or its clause's start) to it.
/// None when a bracket stands in it (a breakdown inside brackets is not the level's figure).
fn label<'s>(source: &'s str, figures: &[Figure], i: usize) -> Option<&'s str> {
    let g = &figures[i];
    let mut from = g.clause.start.min(g.quantity.span.start);
    if let Some(p) = i.checked_sub(1).map(|p| &figures[p])
        && p.quantity.span.end > from
        && p.quantity.span.end <= g.quantity.span.start
    {
        from = p.quantity.span.end;
    }
    let text = source.get(from..g.quantity.span.start)?;
    (!text.contains(['(', '（', ')', '）'])).then_some(text)
}

/// True when a label names the level `key` (`厅级干部` for 厅), not a rank within it
/// (`正厅级`, `副厅级`).
fn at_level(text: &str, key: &str) -> bool {
    let word = format!("{key}级");
    let word_t = format!("{key}級");
    text.match_indices(word.as_str())
        .chain(text.match_indices(word_t.as_str()))
        .any(|(i, _)| !text[..i].ends_with(['正', '副']))
}

/// `在厅一级,第二批……比第一批多N人`: the subject round is the other round the sentence names;
/// each round's figure is the one figure of N's unit, labelled with the level, in a sentence
/// naming that round alone.
fn at_a_level(
    source: &str,
    figures: &[Figure],
    n: usize,
    round: &str,
    dir: &str,
) -> Option<Statement> {
    let nf = &figures[n];
    let (start, end) = sentence(source, nf);
    let text = source.get(start..end)?;
    let key = LEVEL.captures(text)?.name("key")?.as_str().to_string();
    let others: Vec<&str> = rounds_in(text)
        .into_iter()
        .filter(|r| *r != round)
        .collect();
    let [subject] = others.as_slice() else {
        return None;
    };
    let unit = family(&nf.quantity.unit);
    let fits = |i: usize| {
        family(&figures[i].quantity.unit) == unit
            && label(source, figures, i).is_some_and(|l| at_level(l, &key))
    };
    let mine = in_round_alone(source, figures, n, subject, fits);
    let theirs = in_round_alone(source, figures, n, round, fits);
    let ([a], [b]) = (mine.as_slice(), theirs.as_slice()) else {
        return not_checked(figures, Construction::Comparison, n, UNSURE_ROUND);
    };
    let (from, less) = if dir == "多" { (*a, *b) } else { (*b, *a) };
    Some(difference(
        figures,
        Construction::Comparison,
        n,
        from,
        vec![less],
    ))
}

/// `除(了)A和B(以)外,`: the exceptions, at a clause's start.
static EXCEPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[,，。；;:：])\s*除了?(?P<names>[^,，。；;:：0-9０-９%“”()（）]{2,60}?)(?:以)?外[,，]?(?P<rest>[^,，。；;:：0-9０-９]{0,16})$",
    )
    .expect("a valid pattern")
});

/// How the names of bodies and places end: an exception must be one of these.
const BODIES: &[&str] = &[
    "省", "市", "县", "縣", "区", "區", "州", "盟", "旗", "镇", "鎮", "乡", "鄉", "村", "社区",
    "社區", "街道", "院", "部", "局", "委", "厅", "廳", "办", "辦", "署", "会", "會", "集团",
    "集團", "公司", "银行", "銀行", "大学", "大學", "学院", "學院", "学校", "學校", "中心", "所",
    "站", "队", "隊", "馆", "館", "社", "台", "报", "報", "总局", "總局", "单位", "單位", "园",
    "園", "场", "場", "厂", "廠",
];

/// Words that make an exception a class of things, not a name.
const CLASS: &[&str] = &[
    "级", "級", "类", "類", "等", "各", "部分", "有关", "有關", "相关", "相關", "其他", "其它",
    "个别", "個別", "所有", "一些",
];

/// Words joining the names of a list.
static JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"、|和|及|与|與|以及").expect("a valid pattern"));

/// Between the total and the count: `X中(,)(已|已经|均已)?有`.
static AMONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^中[,，]?\s*(?:目前|现已|現已)?(?:已经|已經|已|均已)?有?$")
        .expect("a valid pattern")
});

/// `除了A和B外,N个X中已有M个…`: M is N less the exceptions.
fn except(source: &str, figures: &[Figure], t: usize) -> Option<Statement> {
    let tf = &figures[t];
    let tv = count(tf)?;
    let m = t + 1;
    let mf = figures.get(m)?;
    let mv = count(mf)?;
    if mf.passage != tf.passage || family(&mf.quantity.unit) != family(&tf.quantity.unit) {
        return None;
    }
    let noun_end = tf.quantity.span.end + tf.noun.len();
    let between = source.get(noun_end..mf.quantity.span.start)?;
    if tf.noun.is_empty() || !AMONG.is_match(between) {
        return None;
    }
    // The exceptions end the text before the total, in its sentence.
    let (start, _) = sentence(source, tf);
    let before = source.get(start.max(tf.passage.start)..tf.quantity.span.start)?;
    let c = EXCEPT.captures(before)?;
    // `除A外,其余8个村`: the total already leaves the exceptions out.
    if [
        "其余", "其餘", "其他", "其它", "剩余", "剩餘", "另外", "余下",
    ]
    .iter()
    .any(|w| c["rest"].contains(w))
    {
        return None;
    }
    let names = c.name("names")?;
    let pieces: Vec<&str> = JOIN.split(names.as_str()).collect();
    if pieces
        .iter()
        .any(|p| p.trim().is_empty() || p.chars().count() > 12)
    {
        return None;
    }
    // The exceptions are bodies or places (陕西省, 科学院, 青禾村), not a clause (除了要求自查外).
    if !pieces.iter().all(|p| {
        let p = p.trim();
        BODIES.iter().any(|b| p.ends_with(b)) && p.chars().count() >= 2
    }) {
        return None;
    }
    // A class of things (县级统筹项目, 有关单位) is no one name.
    if pieces.iter().any(|p| CLASS.iter().any(|w| p.contains(w))) {
        return None;
    }
    let k = pieces.len() as u64;
    if k >= tv || mv > tv {
        return None;
    }
    // Another count of the unit after M in its sentence (另有2个正在施工): M is not all the
    // others.
    let (_, end) = sentence(source, tf);
    if figures[m + 1..].iter().any(|g| {
        g.passage == mf.passage
            && g.quantity.span.start < end
            && family(&g.quantity.unit) == family(&mf.quantity.unit)
    }) {
        return None;
    }
    // An ordinal in the text between (今年第二轮的) is no figure; any other figure breaks it.
    let from = start + names.start();
    if figures[..t]
        .iter()
        .any(|g| g.quantity.span.start >= from && !g.quantity.ordinal)
    {
        return None;
    }
    let mut at = from;
    let mut named = Vec::new();
    for p in &pieces {
        let rel = source.get(at..)?.find(p)?;
        named.push(at + rel..at + rel + p.len());
        at += rel + p.len();
    }
    Some(statement(
        figures,
        Construction::Except,
        Relation::Difference {
            stated: m,
            readings: vec![Minus {
                from: t,
                less: Vec::new(),
                named,
            }],
        },
        false,
    ))
}

/// `N项X中,(目前)还有k项未完成`: between the total and the count not done.
static STILL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^中[,，]?\s*(?:目前|截至目前|当前|當前|现在)?[,，]?\s*(?:还有|還有|尚有|仍有)$")
        .expect("a valid pattern")
});

/// After the count not done.
static NOT_DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:尚未|未|没有|沒有)(?:完成|整改|办结|辦結|销号|銷號)").expect("a valid pattern")
});

/// `N项X(中)已(基本)完成d项`: between a total and its count done.
static DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:中)?[,，]?\s*(?:目前|截至目前)?[,，]?\s*(?:已经|已經|已)(?:基本)?(?:完成整改|整改完成|完成|办结|辦結|销号|銷號)(?:了)?$",
    )
    .expect("a valid pattern")
});

/// The words scoping a total in its clause before it (`2023年度`, `东坡村`), fillers aside.
fn scope(source: &str, f: &Figure) -> String {
    let lead = source
        .get(f.clause.start.min(f.quantity.span.start)..f.quantity.span.start)
        .unwrap_or("");
    lead.chars()
        .filter(|c| !c.is_whitespace() && !"的,，、".contains(*c))
        .collect()
}

/// `N项X中,还有k项未完成` against the count done of the same things stated elsewhere.
fn not_done(source: &str, figures: &[Figure], t: usize) -> Option<Statement> {
    let tf = &figures[t];
    let tv = count(tf)?;
    let kf = figures.get(t + 1)?;
    let kv = count(kf)?;
    if tf.noun.chars().count() < 2
        || kf.passage != tf.passage
        || family(&kf.quantity.unit) != family(&tf.quantity.unit)
        || kv >= tv
    {
        return None;
    }
    let between = source.get(tf.quantity.span.end + tf.noun.len()..kf.quantity.span.start)?;
    let after = source.get(kf.quantity.span.end + kf.noun.len()..kf.passage.end)?;
    let said = NOT_DONE.find(after).map(|m| &after[m.end()..]);
    // The verb ends what is not done (未完成, 未完成整改的), not another thing's (未完成销号手续).
    let closed = |rest: &str| {
        rest.is_empty()
            || rest.starts_with(|c: char| !('\u{4e00}'..='\u{9fff}').contains(&c))
            || rest.starts_with('的')
            || rest.starts_with(tf.noun.as_str())
    };
    let ends = said.is_some_and(|rest| {
        closed(rest)
            || ["整改", "销号", "銷號", "任务", "任務"]
                .iter()
                .any(|w| rest.strip_prefix(w).is_some_and(closed))
    });
    if !STILL.is_match(between) || !ends {
        return None;
    }
    // The statements of a count done of the same noun elsewhere.
    let mut done: Vec<(usize, usize)> = Vec::new();
    for (i, g) in figures.iter().enumerate() {
        if i == t || g.noun != tf.noun || count(g).is_none() {
            continue;
        }
        let Some(d) = figures.get(i + 1) else {
            continue;
        };
        if d.passage != g.passage
            || family(&d.quantity.unit) != family(&g.quantity.unit)
            || family(&g.quantity.unit) != family(&tf.quantity.unit)
            || count(d).is_none()
        {
            continue;
        }
        let gap = source.get(g.quantity.span.end + g.noun.len()..d.quantity.span.start);
        if gap.is_some_and(|s| DONE.is_match(s)) {
            done.push((i, i + 1));
        }
    }
    let &[(total, d)] = done.as_slice() else {
        if done.is_empty() {
            return None;
        }
        return not_checked(
            figures,
            Construction::NotDone,
            t + 1,
            "未核对:同名事项的已完成数不止一处 / not checked: more than one count done of these things",
        );
    };
    let (gv, dv) = (count(&figures[total])?, count(&figures[d])?);
    // The same things: the same total, or a total its own counts make up.
    if gv != tv && dv.checked_add(kv) != Some(gv) {
        return None;
    }
    // Both totals scoped, differently (2023年度 and 2024年度, 上一轮 and 本轮, two villages):
    // other things of the same number.
    let (a, b) = (scope(source, tf), scope(source, &figures[total]));
    if !a.is_empty() && !b.is_empty() && a != b {
        return None;
    }
    Some(difference(
        figures,
        Construction::NotDone,
        t + 1,
        t,
        vec![d],
    ))
}

#[cfg(test)]
mod tests {
    use super::super::Relation;

    /// The differences read off `text`, each as "stated=from-less…", figures as written.
    fn read(text: &str) -> Vec<String> {
        let (doc, facts) = crate::analyse(text);
        let fig = |i: usize| doc.text(&facts.figures[i].quantity.span).to_string();
        facts
            .statements
            .iter()
            .filter_map(|st| match &st.relation {
                Relation::Difference { stated, readings } => {
                    let m = &readings[0];
                    let mut t = format!("{:?} {}={}", st.construction, fig(*stated), fig(m.from));
                    for &l in &m.less {
                        t.push_str(&format!("-{}", fig(l)));
                    }
                    for n in &m.named {
                        t.push_str(&format!("-{}", &doc.source[n.clone()]));
                    }
                    Some(t)
                }
                _ => None,
            })
            .collect()
    }

    /// The ids of the packaged parts_sum rules that fire on `text`.
    fn fired(text: &str) -> Vec<String> {
        crate::rules::testing::fired_in(
            "rules/parts_sum.yaml",
            include_str!("../../../rules/parts_sum.yaml"),
            text,
        )
    }

    const FIRES: &[&str] = &["difference-mismatch-uncertain"];
    const NONE: &[&str] = &[];

    #[rustfmt::skip]
    const CASES: &[(&str, &[&str], &[&str])] = &[
        // The rest in a sentence of its own: 64 - 45 = 19.
        ("共排查安全隐患64处,已整治45处。其余19处隐患限期整治。", &["Rest 19处=64处-45处"], NONE),
        ("共排查安全隐患64处,已整治45处。其余20处隐患限期整治。", &["Rest 20处=64处-45处"], FIRES),
        // Any of the figures between may be the part: 70 - 12 = 58, not 70 - 9.
        ("全市70个项目中,今年应完工的12个,已完工9个。其余58个项目按计划推进。", &["Rest 58个=70个-12个"], NONE),
        ("全市70个项目中,今年应完工的12个,已完工9个。其余59个项目按计划推进。", &["Rest 59个=70个-12个"], FIRES),
        // The rest completes a split of the sentence before, which then holds: 21 = 18 + 2 + 1.
        ("反馈问题共21个,已整改到位18个,2个正在整改。其余1个问题需长期坚持。", &["Rest 1个=21个-18个-2个"], NONE),
        // When it does not, the split is reported too.
        ("反馈问题共21个,已整改到位18个,2个正在整改。其余2个问题需长期坚持。", &["Rest 2个=21个-18个"], &["sum-mismatch", "difference-mismatch-uncertain"]),
        // No total of its noun before it: not read.
        ("已走访群众45户。其余12个村按计划走访。", &[], NONE),
        // Other figures of its unit in its sentence: the sentence's own readers weigh it.
        ("共有问题30个。已完成20个,其余10个问题正在整改。", &[], NONE),
        // An approximate figure among the candidates: no exact reading.
        ("共排查隐患60余处,已整治45处。其余15处隐患限期整治。", &[], NONE),
        // A comparison with an earlier round whose figure is stated in a sentence naming it alone.
        ("第一批试点覆盖5个乡镇,投入资金80万元。第二批试点覆盖9个乡镇,比第一批多4个乡镇。", &["Comparison 4个=9个-5个"], NONE),
        ("第一批试点覆盖5个乡镇,投入资金80万元。第二批试点覆盖9个乡镇,比第一批多3个乡镇。", &["Comparison 3个=9个-5个"], FIRES),
        ("第一批试点覆盖8个乡镇。第二批试点覆盖6个乡镇,比第一批要少2个乡镇。", &["Comparison 2个=8个-6个"], NONE),
        ("第一批试点覆盖8个乡镇。第二批试点覆盖6个乡镇,比第一批要少1个乡镇。", &["Comparison 1个=8个-6个"], FIRES),
        // The earlier round's figure is not stated alone: not read.
        ("第一批和第二批试点覆盖8个乡镇。第二批试点覆盖6个乡镇,比第一批少1个乡镇。", &[], NONE),
        ("第二批试点覆盖6个乡镇,比去年少1个乡镇。", &[], NONE),
        // Two figures of the round: ambiguous, not read.
        ("第一批试点覆盖8个乡镇。第一批试点后来增加到10个乡镇。第二批试点覆盖6个乡镇,比第一批少2个乡镇。", &[], NONE),
        // At a level, with neither round's figure in the sentence: each round's figure labelled
        // with the level, in a sentence naming that round alone (the bracketed 正科级 is a rank
        // within the level, not it).
        ("第一轮共处理42人,其中科级干部12人(正科级干部5人),一般干部30人。第二轮共处理50人,其中科级干部19人(正科级干部8人),一般干部31人。在科一级,第二轮处理人数比第一轮多7人。", &["Comparison 7人=19人-12人"], NONE),
        ("第一轮共处理42人,其中科级干部12人(正科级干部5人),一般干部30人。第二轮共处理50人,其中科级干部19人(正科级干部8人),一般干部31人。在科一级,第二轮处理人数比第一轮多6人。", &["Comparison 6人=19人-12人"], FIRES),
        // The counted things named before the figures only: the other round's figure has the
        // same words before it (交办信访件), not another measure of the round (办结).
        ("第一轮督察交办信访件2800件,办结2700件。第二轮督察交办信访件3200件,比第一轮多了400件。", &["Comparison 400件=3200件-2800件"], NONE),
        ("第一轮督察交办信访件2800件,办结2700件。第二轮督察交办信访件3200件,比第一轮多了500件。", &["Comparison 500件=3200件-2800件"], FIRES),
        ("第一轮督察发现问题2800件。第二轮督察整改问题3200件,比第一轮多了500件。", &[], NONE),
        // No level named: which figures are compared is not known.
        ("第一轮共处理42人,其中科级干部12人。第二轮共处理50人,其中科级干部19人。第二轮处理人数比第一轮多6人。", &[], NONE),
        // Named exceptions before a count of a total.
        ("截至目前,除了青禾村和石桥村外,全镇9个村中已有7个完成改厕。", &["Except 7个=9个-青禾村-石桥村"], NONE),
        ("截至目前,除了青禾村和石桥村外,全镇9个村中已有8个完成改厕。", &["Except 8个=9个-青禾村-石桥村"], FIRES),
        ("除青禾村外,全镇9个村中已有8个完成改厕。", &["Except 8个=9个-青禾村"], NONE),
        // A clause, not bodies: not read.
        ("除了要求各村自查外,全镇9个村中已有6个完成改厕。", &[], NONE),
        // The total already leaves the exceptions out: not read.
        ("除了青禾村和石桥村外,其余7个村中已有7个完成改厕。", &[], NONE),
        // A class of things is no one name; a further count after M says M is not all the others.
        ("除县级示范村外,全镇9个村中已有6个完成改厕。", &[], NONE),
        ("除了青禾村和石桥村外,全镇9个村中已有5个完成改厕,另有2个正在施工。", &[], NONE),
        // 消除 is no exception; a count not "among" the total is not read.
        ("全力消除隐患外,9个村中已有8个完成改厕。", &[], NONE),
        ("除了青禾村和石桥村外,其他9个村均已完成改厕,共计7个。", &[], NONE),
        // The count not done against the count done of the same total stated elsewhere.
        ("18项整改任务已完成11项。截至月底,18项整改任务中,目前还有7项未完成。", &["NotDone 7项=18项-11项"], NONE),
        ("18项整改任务已完成11项。截至月底,18项整改任务中,目前还有6项未完成。", &["NotDone 6项=18项-11项"], FIRES),
        // Another total whose own counts make up the first one's: the same things restated.
        ("18项整改任务已完成11项。19项整改任务中,还有7项未完成。", &["NotDone 7项=19项-11项"], FIRES),
        // Another total that its counts do not make up: other things, not read.
        ("18项整改任务已完成11项。40项整改任务中,还有9项未完成。", &[], NONE),
        // Two counts done of the noun: which one is meant is not sure.
        ("18项整改任务已完成11项,20项整改任务已完成12项。18项整改任务中,还有7项未完成。", &[], NONE),
        // Totals of other scopes with the same number: other things.
        ("上一轮18项整改任务已完成11项。本轮18项整改任务中,还有9项未完成。", &[], NONE),
        ("2023年度18项整改任务已完成11项。2024年度18项整改任务中,还有4项未完成。", &[], NONE),
        // Another thing not done (销号手续 of the tasks done).
        ("18项整改任务已完成11项。18项整改任务中,还有3项未完成销号手续。", &[], NONE),
        ("18项整改任务已完成11项。18项整改任务中,还有6项未完成整改。", &["NotDone 6项=18项-11项"], FIRES),
    ];

    #[test]
    fn table() {
        for (text, want, fires) in CASES {
            assert_eq!(read(text), *want, "{text}");
            assert_eq!(fired(text), *fires, "{text}");
        }
    }

    #[test]
    fn unsure_readings_say_why_they_are_not_checked() {
        for text in [
            "第一轮试点覆盖8个乡镇。第一轮试点后来增加到10个乡镇。第二轮试点覆盖6个乡镇,比第一轮少2个乡镇。",
            "18项整改任务已完成11项,18项整改任务已完成12项。18项整改任务中,还有7项未完成。",
            "共排查安全隐患60余处,已整治45处。其余15处隐患限期整治。",
        ] {
            let (_, facts) = crate::analyse(text);
            let why: Vec<&str> = facts
                .statements
                .iter()
                .filter_map(|st| match &st.relation {
                    Relation::NotChecked { why, .. } => Some(why.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(why.len(), 1, "{text}: {why:?}");
            assert!(why[0].starts_with("未核对"), "{text}");
            assert!(fired(text).is_empty(), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn the_rest_in_its_own_sentence(total in 20u32..900, done in 2u32..19, off in 0u32..2) {
            let rest = total - done + off;
            let text = format!("共排查安全隐患{total}处,已整治{done}处。其余{rest}处隐患限期整治。");
            let found = fired(&text);
            proptest::prop_assert_eq!(found.is_empty(), off == 0, "{}", text);
        }

        #[test]
        fn exceptions(total in 5u32..60, named in 1usize..4, off in 0u32..2) {
            let names = ["青禾村", "石桥村", "柳塘村"][..named].join("和");
            let started = total - named as u32 + off;
            let text = format!("除了{names}外,全镇{total}个村中已有{started}个完成改厕。");
            let found = fired(&text);
            proptest::prop_assert_eq!(found.is_empty(), off == 0, "{}", text);
        }
    }
}
