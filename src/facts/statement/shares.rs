//! Shares of a total stated earlier: `占总数的53.3%`, `占全部整改措施的85.6%`, `占一般公共预算
//! 收入93.75%`, and lists of `N件,占比p%` whose sentence states no base, with the total stated
//! before them (`共受理……2221件`, `2100个黑臭水体中`, `……654人次。其中,……`).
//!
//! The base of a share named by its noun is the nearest earlier figure of that noun and unit.
//! The base of a bare share (`占比p%`) or of one of `总数` is the nearest earlier figure of the
//! part's unit, not smaller than it, that the text marks as a whole: `共`, `总`, `合计`, `累计`
//! or `全部` before it in its clause, `……中` after it (`2100个黑臭水体中`), or `其中` opening the
//! sentence after its own. Such a base is taken only where the construction binds it:
//! - the list of shares stands right after it (in its passage, at most one `。` between);
//! - or the list has three shares or more and at least two thirds of them hold against it
//!   (a list of shares of another whole would not); otherwise the shares are not checked.
//!
//! A list whose shares add up to 100% (as intervals) exhausts its whole: its counts add up to
//! the base too (a second statement). Unless the shares are each of the counts' own sum, and that
//! sum is far from the base: then they are shares of another whole (a part of the year, a
//! subset), and not checked against the base.

use super::{
    Construction, Relation, SENTENCE_STOPS, Statement, ahead, behind, exact, family, statement,
};
use crate::facts::Figure;
use crate::facts::arith::Interval;
use regex::Regex;
use std::sync::LazyLock;

/// `占` and the name of the base, right before the share's figure.
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:占|佔)(?P<name>[^，,。；;：:、%％\d占佔]{0,20}?)(?:的)?(?:比例|比重|比)?(?:为|為|达到|达|達|是)?\s*$",
    )
    .expect("a valid pattern")
});

/// Names of a base that mean "the whole stated earlier".
const TOTAL_NAMES: &[&str] = &[
    "总数",
    "總數",
    "总人次",
    "總人次",
    "总量",
    "總量",
    "总额",
    "總額",
    "总人数",
    "總人數",
    "总件数",
    "总和",
    "全部",
    "所有",
    "总体",
    "總體",
];

/// Words before a figure, in its clause, that mark it as a whole.
const WHOLE_MARKS: &[&str] = &["共", "总", "總", "合计", "合計", "累计", "累計", "全部"];

/// A figure's interval as a pair of bounds.
type Bounds = (f64, f64);

/// How a share names its base.
#[derive(Debug, Clone, PartialEq)]
enum Name {
    /// `占p%`, `占比p%`.
    Bare,
    /// `占总数的p%`.
    Total,
    /// `占一般公共预算收入p%`: a noun.
    Noun(String),
}

/// A share read, before its list is weighed.
struct Found {
    pct: usize,
    part: usize,
    base: usize,
    name: Name,
    adjacent: bool,
}

/// How many figures back a base is looked for, and over how many passages.
const MAX_BACK: usize = 200;
/// How many bytes back a base is looked for.
const MAX_BACK_BYTES: usize = 12_000;
const MAX_PASSAGES: usize = 4;

/// Every share of an earlier total among the figures.
pub fn read(source: &str, figures: &[Figure]) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    // Whether each figure is marked as a whole, worked out once.
    let mut marks: Vec<Option<bool>> = vec![None; figures.len()];
    let values: Vec<Option<Bounds>> = figures.iter().map(exact).collect();
    for (i, f) in figures.iter().enumerate() {
        let q = &f.quantity;
        if q.unit != "%" || q.in_range || q.ordinal || i == 0 {
            continue;
        }
        let Some(lead) = source.get(f.clause.start.min(q.span.start)..q.span.start) else {
            continue;
        };
        let Some(caps) = SHARE.captures(lead) else {
            continue;
        };
        let name = name_of(caps.name("name").map_or("", |m| m.as_str()));
        let p = i - 1;
        let part = &figures[p];
        if !is_part(source, part, f) {
            continue;
        }
        if name == Name::Bare && sentence_has_base(source, figures, p) {
            continue; // the sentence states its own base: the sentence readers weigh it
        }
        match find_base(source, figures, p, &name, (&values, &mut marks)) {
            Some((base, adjacent)) => found.push(Found {
                pct: i,
                part: p,
                base,
                name,
                adjacent,
            }),
            None if name != Name::Bare => out.push(statement(
                figures,
                Construction::Share,
                Relation::NotChecked {
                    figure: i,
                    why: "未核对: 未找到所占的基数 / not checked: the base named is not stated"
                        .into(),
                },
                false,
            )),
            None => {}
        }
    }
    // Lists: consecutive shares of one base in one passage.
    let mut start = 0;
    while start < found.len() {
        let mut end = start + 1;
        while end < found.len()
            && found[end].base == found[start].base
            && figures[found[end].pct].passage == figures[found[start].pct].passage
        {
            end += 1;
        }
        out.extend(weigh(figures, &found[start..end]));
        start = end;
    }
    out
}

/// The statements of one list of shares of one base.
fn weigh(figures: &[Figure], list: &[Found]) -> Vec<Statement> {
    let n = list.len();
    let held = list
        .iter()
        .filter(|s| holds(figures, s.part, s.base, s.pct))
        .count();
    let first = &list[0];
    // The list's counts exhaust the base, or at least half its shares hold against it.
    let exhausts = n >= 2 && {
        let parts = list
            .iter()
            .map(|s| exact(&figures[s.part]))
            .try_fold((0.0, 0.0), |acc, iv| {
                iv.map(|(lo, hi)| (acc.0 + lo, acc.1 + hi))
            });
        let base = exact(&figures[first.base]);
        matches!((parts, base), (Some(p), Some(b)) if p.0 <= b.1 + 1e-9 && b.0 <= p.1 + 1e-9)
    };
    let agreed = exhausts || (n >= 3 && 2 * held >= n && held >= 2);
    let own = own_whole(figures, list);
    let mut out = Vec::new();
    for s in list {
        if let Some(sum) = own.filter(|_| !matches!(s.name, Name::Noun(_))) {
            out.push(statement(
                figures,
                Construction::Share,
                Relation::NotChecked {
                    figure: s.pct,
                    why: format!(
                        "未核对: 各占比是所列各项之和 ({sum}) 的占比, 不是前文的总数的 / not checked: the shares are of their list's own sum, another whole"
                    ),
                },
                false,
            ));
            continue;
        }
        let bound = matches!(s.name, Name::Noun(_)) || first.adjacent || agreed;
        let relation = if bound {
            Relation::Share {
                numerators: vec![vec![s.part]],
                base: vec![s.base],
                percent: s.pct,
            }
        } else {
            Relation::NotChecked {
                figure: s.pct,
                why: "未核对: 基数可能是前文的总数, 但不能确定 / not checked: the base may be a total stated earlier, not surely".into(),
            }
        };
        let sure = matches!(s.name, Name::Noun(_)) || first.adjacent;
        out.push(statement(figures, Construction::Share, relation, sure));
    }
    // A list whose shares make up the whole: its counts make up the base.
    let bound = (first.adjacent || agreed) && own.is_none();
    if bound && n >= 2 {
        let shares = list
            .iter()
            .map(|s| exact(&figures[s.pct]))
            .try_fold((0.0, 0.0), |acc, iv| {
                iv.map(|(lo, hi)| (acc.0 + lo, acc.1 + hi))
            });
        let unit = family(&figures[first.base].quantity.unit);
        let same = list
            .iter()
            .all(|s| family(&figures[s.part].quantity.unit) == unit);
        if let Some((lo, hi)) = shares
            && same
            && lo <= 100.0 + 1e-9
            && 100.0 <= hi + 1e-9
        {
            out.push(statement(
                figures,
                Construction::ShareList,
                Relation::Sum {
                    total: first.base,
                    parts: list.iter().map(|s| s.part).collect(),
                },
                first.adjacent,
            ));
        }
    }
    out
}

/// The sum of a list's counts when the list is of another whole than its base: its shares
/// add up to 100% and each holds against the counts' own sum, which is more than a tenth away
/// from the base (`全年共受理150件。今年1至6月,来信30件,占25%;来访45件,占37.5%;……45件,
/// 占37.5%`: shares of 120, a part of the year). A slip in the base or in one count leaves the
/// sum near the base, and the list is still held to it.
fn own_whole(figures: &[Figure], list: &[Found]) -> Option<f64> {
    if list.len() < 2 {
        return None;
    }
    let mut sum = (0.0, 0.0);
    let mut shares = (0.0, 0.0);
    for s in list {
        let (p, c) = (exact(&figures[s.part])?, exact(&figures[s.pct])?);
        sum = (sum.0 + p.0, sum.1 + p.1);
        shares = (shares.0 + c.0, shares.1 + c.1);
    }
    let base = exact(&figures[list[0].base])?;
    let whole = Interval {
        lo: sum.0,
        hi: sum.1,
    };
    let exhausts = shares.0 <= 100.0 + 1e-9 && 100.0 <= shares.1 + 1e-9;
    let far = sum.1 < 0.9 * base.0 || sum.0 > 1.1 * base.1;
    let each = list.iter().all(|s| {
        let (Some(p), Some(c)) = (exact(&figures[s.part]), exact(&figures[s.pct])) else {
            return false;
        };
        (Interval { lo: p.0, hi: p.1 })
            .percent_of(whole)
            .is_some_and(|v| v.meets(Interval { lo: c.0, hi: c.1 }))
    });
    (exhausts && far && each).then_some(sum.0)
}

/// True when 100 · part / base rounds (or truncates) to the share.
fn holds(figures: &[Figure], part: usize, base: usize, pct: usize) -> bool {
    let (Some(p), Some(b), Some(s)) = (
        exact(&figures[part]),
        exact(&figures[base]),
        exact(&figures[pct]),
    ) else {
        return false;
    };
    let Some(c) = (Interval { lo: p.0, hi: p.1 }).percent_of(Interval { lo: b.0, hi: b.1 }) else {
        return false;
    };
    let q = &figures[pct].quantity;
    let step = 10f64.powi(-i32::from(q.decimals));
    c.meets(Interval { lo: s.0, hi: s.1 })
        || c.meets(Interval {
            lo: q.written,
            hi: q.written + step * 0.999,
        })
}

/// How the words between `占` and the figure name the base.
fn name_of(raw: &str) -> Name {
    let mut name = raw.trim();
    for tail in ["的", "比例", "比重", "比", "的"] {
        name = name.strip_suffix(tail).unwrap_or(name);
    }
    if name.is_empty() {
        return Name::Bare;
    }
    if TOTAL_NAMES.contains(&name) {
        return Name::Total;
    }
    for head in ["全部", "所有", "全", "总", "總"] {
        if let Some(rest) = name.strip_prefix(head)
            && rest.chars().count() >= 2
        {
            return Name::Noun(rest.to_string());
        }
    }
    Name::Noun(name.to_string())
}

/// True when the figure before a share can be its part: a count or an amount, exact, standing
/// in the share's clause or the one before it, in the same sentence.
fn is_part(source: &str, part: &Figure, pct: &Figure) -> bool {
    let q = &part.quantity;
    if part.passage != pct.passage
        || q.unit.is_empty()
        || matches!(q.unit.as_str(), "%" | "‰" | "分之")
        || exact(part).is_none()
    {
        return false;
    }
    let Some(between) = source.get(q.span.end..pct.quantity.span.start) else {
        return false;
    };
    !between.contains(SENTENCE_STOPS) && between.matches([',', '，']).count() <= 1
}

/// True when the sentence of the part holds, before it, a figure of its unit that may be its
/// base (not smaller, or approximate).
fn sentence_has_base(source: &str, figures: &[Figure], p: usize) -> bool {
    let part = &figures[p];
    let start = sentence_start(source, part);
    let unit = family(&part.quantity.unit);
    let lo = exact(part).map_or(0.0, |iv| iv.0);
    figures[..p]
        .iter()
        .rev()
        .take_while(|f| f.passage == part.passage && f.quantity.span.start >= start)
        .filter(|f| !f.quantity.in_range && !f.quantity.ordinal)
        .any(|f| {
            family(&f.quantity.unit) == unit && f.quantity.interval().is_none_or(|iv| iv.1 >= lo)
        })
}

/// Where the sentence of a figure starts.
fn sentence_start(source: &str, f: &Figure) -> usize {
    let at = f.quantity.span.start;
    let (from, before) = behind(source, at, f.passage.start.min(at));
    before.rfind(SENTENCE_STOPS).map_or(from, |i| {
        from + i + before[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// The base of the share whose part is figure `p`, and whether it stands right before the
/// part (same passage, at most one `。` between).
fn find_base(
    source: &str,
    figures: &[Figure],
    p: usize,
    name: &Name,
    (values, marks): (&[Option<Bounds>], &mut [Option<bool>]),
) -> Option<(usize, bool)> {
    let part = &figures[p];
    let unit = family(&part.quantity.unit);
    let lo = exact(part)?.0;
    let mut passages = 1;
    let mut passage = part.passage.clone();
    for k in (p.saturating_sub(MAX_BACK)..p).rev() {
        let f = &figures[k];
        if f.quantity.span.end + MAX_BACK_BYTES < part.quantity.span.start {
            return None;
        }
        if f.passage != passage {
            passages += 1;
            if passages > MAX_PASSAGES {
                return None;
            }
            passage = f.passage.clone();
        }
        if family(&f.quantity.unit) != unit
            || f.quantity.ordinal
            || f.quantity.in_range
            || f.quantity.scale != part.quantity.scale && unit != "元"
        {
            continue;
        }
        let Some(iv) = values[k] else { continue };
        if iv.1 < lo {
            continue;
        }
        let fits = match name {
            Name::Noun(n) => names(source, f, n),
            Name::Bare | Name::Total => *marks[k].get_or_insert_with(|| marked(source, figures, k)),
        };
        if fits {
            let between = source.get(f.quantity.span.end..part.quantity.span.start)?;
            let adjacent = f.passage == part.passage && between.matches('。').count() <= 1;
            return Some((k, adjacent));
        }
    }
    None
}

/// True when figure `f` counts what `name` names: its noun, or its clause before it, holds it.
fn names(source: &str, f: &Figure, name: &str) -> bool {
    let head = source
        .get(f.clause.start.min(f.quantity.span.start)..f.quantity.span.start)
        .unwrap_or("");
    let noun = f.noun.as_str();
    head.contains(name)
        || (noun.chars().count() >= 2 && (name.contains(noun) || noun.contains(name)))
}

/// True when the text marks figure `k` as a whole: `共`, `总`… before it in its clause,
/// `……中` closing its clause, or `其中` opening the next sentence after it, the last figure
/// of its unit in its sentence.
fn marked(source: &str, figures: &[Figure], k: usize) -> bool {
    let f = &figures[k];
    let q = &f.quantity;
    let head = source
        .get(f.clause.start.min(q.span.start)..q.span.start)
        .unwrap_or("");
    if WHOLE_MARKS.iter().any(|w| head.contains(w)) {
        return true;
    }
    let tail = source
        .get(q.span.end..f.clause.end.max(q.span.end))
        .unwrap_or("");
    if tail.trim_end().ends_with('中') && tail.chars().count() <= 12 {
        return true;
    }
    // "……654人次。其中,……"
    let rest = ahead(source, q.span.end, f.passage.end);
    let Some(stop) = rest.find(SENTENCE_STOPS) else {
        return false;
    };
    if !rest[stop..].starts_with('。') {
        return false;
    }
    let unit = family(&q.unit);
    let later_same = figures[k + 1..]
        .iter()
        .take_while(|g| g.quantity.span.start < q.span.end + stop)
        .any(|g| family(&g.quantity.unit) == unit);
    !later_same
        && rest[stop + '。'.len_utf8()..]
            .trim_start()
            .starts_with("其中")
}
