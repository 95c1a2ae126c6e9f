//! `ratio`: A percentage against the figures it is computed from (占……%, 完成率), by interval
//! arithmetic.

use super::{Check, Context, Hit, Kind, Tag};
use crate::document::Span;
use crate::facts::arith::{Interval, show};
use crate::facts::sentences::{Fig, Pairing, Sentence, sentences_in, tail, wanted};
use crate::facts::statement::Relation;
use regex::Regex;
use serde::Deserialize;

/// The kind's name.
pub const NAME: &str = "ratio";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
百分比与据以计算的数字，按书写精度的区间算术核对（`96%` 代表 [95.5, 96.5]），只在同一句内配对：
A percentage against the figures it is computed from, by interval arithmetic at the written precision, within one sentence:
- 占比：`310名……282人已取得证书,占比93.5%`，部分是“占”前最近的数字，基数是它前面不小于它的同单位数字
  （282 / 310 = 90.97%）；有两个不同的可能基数，或可能的基数是约数时，基数有歧义，不核对；
  A share: the part is the figure just before 占, the base the earlier figure of its unit that is not smaller; two
  different candidates, or an approximate one, make the base ambiguous and the share is not checked.
- 完成率：`反馈问题27个,整改完成率95%`，基数是句中“率”之前唯一的整数计数（时长、年龄除外）；没有任何整数 k 使
  k / 27 落在 [94.5, 95.5] 内（25 / 27 = 92.6%，26 / 27 = 96.3%）。句中有两个以上计数时，比率可能由它们组合算出；
  计数所在分句带“已”、“完成”或比率名称（`已整改到位问题45个`）时，它是分子而不是基数：比率紧接在下一分句时，须有某个
  不小于它的整数基数能得出该比率（314 件得不出 84.3%：372 为 84.41%，373 为 84.18%），否则报告为不够确定
  （`rate_part`）；其余情形不核对。
  A completion rate that no whole count of its base (the one count before it in the sentence) can give; with two
  counts or more the rate may combine them (not checked), and a count of what was done (已, 完成, the rate's name) is
  its numerator: with the rate in the next clause some whole base must give the rate from it, else an unsure
  `rate_part` finding.
- 写明完成数的完成率：`巡察反馈的4个问题,已完成整改3个,整改完成率80%`，完成数是句中率之前唯一一个所在分句说明已完成
  （完成、办结、销号、已整改……，且无“未、正在、部分、剩余”）的计数，基数是它前面同单位、同名词且不小于它的计数；
  按 100 · 完成数 / 基数 核对（3 / 4 = 75%）。完成数与比率之间只能有其余部分的计数（正在整改1个）；
  基数有两个不同的值时不核对。
  A completion rate whose done count is stated (the one count before the rate in a clause saying it was done) and
  whose base is the earlier count of its unit and noun that is not smaller: 100 · done / base against the rate.
  Between the done count and the rate only counts of the rest may stand; two different bases are not checked.

- 写明两个完成数的完成率：`已办结42件、阶段办结3件,办结率93.3%`，比率可能只算第一个，也可能算两者之和；
  任一种算法相符即视为相符，都不相符时报告（不够确定）。
  Two done counts listed together: the rate may be of the first or of both; it holds when either reading does.
- 前文总数的占比（`stated_share`，由 `facts::statement` 读出）：`占总数的53.3%`、`占全部整改措施的85.6%`、
  `占一般公共预算收入93.75%`（按名称找前文的数字），以及句中没有基数的一组 `N件,占比p%`，基数是前文标明为总数的
  数字（`共受理……N件`、`N个……中`、下一句以“其中”开头）。列表紧跟总数时直接核对；否则列表须有三项以上且至少三分之二
  与该总数相符，才认定该总数是基数（报告为不够确定）。各占比之和为100%的列表，其各项之和也须等于总数（`parts_sum`）。
  A share of a total stated earlier, found by the name of the base or, for a list with no base in its sentence, the
  earlier figure marked as a whole; a list not right after it must have three shares or more, two thirds of which
  hold, for that total to be its base.
- 文本表格（`|` 或制表符分隔，表头含“……率”列）：每行的比率按本行的完成数列与总数列核对；合计行按各列之和核对
  （`parts_sum`，表格不完整时不核对）。A table written as text: each row's rate against its own columns.
- 增长率（`stated_share`）：`收入52.8万元,较上年增加4.8万元,增长10%`、`受理信访86件,同比减少14件,下降14%`，
  三个数字在同一句的相邻分句中，上期数为本期数减去增加量（或加上减少量）：按 100 · 增减量 / 上期数 核对
  （4.8 / 48 = 10%）；增减方向不一致、单位不同或本期数本身是百分比（百分点）的不核对。
  A growth rate after a figure and its change against an earlier period: 100 · change / (figure ∓ change).
- 完成率超过100%（`whole`）：`办结率102.5%`、`实现103%整改到位`。A completion rate above 100%.

- 前句总数的完成率（`stated_share`）：`共明确整改任务520项。截至年底,已完成310项,完成率近60%`，率紧接在完成数之后、
  句中没有同单位的其他数字时，基数是前一句中唯一一个同单位、标明为总数（共、合计、累计）的数字；完成数所在句不得指明其一部分
  （`民生领域问题已完成…`、`县级牵头的措施已落实…`，或总数分句中没有的事物）；只报告为不够确定。
  A completion rate right after its done count whose whole is the total of the sentence before, when the done count's
  sentence names no part of it (unsure only).
- 标题中的完成率或进度（`stated_share`）：`……办理进度已超91%` 在正文之前的标题行中，正文的完成率（有完成数与基数）
  只有一种算法、基数是正文中该单位最大的数字、标题写明的率名与正文相同时，按正文的完成数与基数核对；只报告为不够确定。
  A headline's rate or progress against the body's one completion rate and its counts (unsure only).
- 上述数量陈述中带限定词的百分比按限定词的范围核对：`近p%`（将近、接近）为 [p − 2.5, p]，`超p%`（超过、逾、以上）
  不低于 p，`约p%`（左右）整数为 p ± 1.5，`不足p%` 不高于 p（各加书写精度的一半）；只报告为不够确定。
  In these statements a qualified percentage is weighed by its qualifier's reach: 近p% within 2.5 points below p,
  超p% at least p, a whole 约p% within 1.5 points, 不足p% at most p.

基数未写明或有歧义（如“占应进事项的76%”）的不核对；句内读法中带“以上、近、超”等的百分比不核对。带“约”且有小数的占比按少一位
小数的精度核对（`约39.29%` 代表 [39.19, 39.39]，`约39.3%` 代表 [38.3, 40.3]），只报告为不够确定；带“约”的整数
百分比不核对。A share written `约p%` with decimals is read one decimal place coarser and reported as unsure only;
a whole `约40%` is not checked.
率名带有句中计数没有的限定（词表 `vocabulary.yaml` 的 `rate_qualifiers`：“按期、按时、如期、及时、一次性、首次、逾期、平均”，如`全县平均整改率`）的完成率不核对。
部分写作两个单位（`脱贫户32户120人,占10%`）时，任一单位与同单位的总数相符即视为相符，否则只报告为不够确定。
A rate qualified as its sentence's counts are not (按期整改率, 平均整改率; the vocabulary's `rate_qualifiers`) is not checked; a part written in two units
holds when either unit's figure meets the share against the whole of its unit.
只有按截断（舍去尾数）才对得上的百分比（99 / 101 = 98.0198%，写作 98.01%）仍然报告（为不够确定），并在帮助中说明。
`zglint parse` 在 `not checked` 下列出这些百分比及原因。
A percentage whose base is not stated is not checked; approximate figures are not checked (`zglint parse` lists
them under `not checked`, with why). A figure that is right
only if the author truncated is still reported, and the help says so.

## 为什么 / Why it matters
百分比是读者最先核算的数字：据以计算的两个数字都写在文中，算不出文中的百分比，说明其中至少有一个数字写错了。
Both figures are in the text: a percentage that they do not give means one of the three figures is wrong.

## 示例 / Example
不通过 / Fails（27 / 30 = 90%）：
    针对反馈问题制定的30条整改措施已落实27条,占92%。
通过 / Passes（148 / 151 = 98.01%）：
    151条整改措施已完成148条,占98.01%。

## 参数 / Parameters
- `construction`: `share`（占、占比）、`rate`（……率，只写明基数）、`rate_part`（……率，写明完成数与基数）、
  `stated_share`（数量陈述中的占比：前文总数的占比、文本表格的各行）或 `whole`（完成率超过100%）。
  Which construction the rule checks: a share, a rate with only its base, a rate with its done count and base, the
  shares bound by the report's quantity statements (of a total stated earlier, table rows), or a completion rate
  above 100%.
- `pairing`: `sure` 只报告相邻的配对，`loose` 只报告不够确定的配对（部分、基数与百分比相隔一个分句以上）；
  省略时两者都报告。`sure` reports only adjacent pairings, `loose` only those further apart; omitted, both.
- `rates`: 核对的比率名称（`……率` 前面的词），默认 `[完成, 整改, 办结, 销号, 结案, 化解, 落实]`。
  The rates checked against a base, by the word before 率.
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["stated", "computed", "part", "base", "note"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: ("rules/ratio.yaml", include_str!("../../rules/ratio.yaml")),
};

/// The two constructions a percentage is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
enum Construction {
    /// 部分……占（比）P%.
    #[default]
    Share,
    /// 基数……完成率 P%, where only the base is stated.
    Rate,
    /// 基数……已完成 k……完成率 P%, where the part is stated too.
    RatePart,
    /// The shares the report's quantity statements bind: of a total stated earlier
    /// (占总数的P%, a list of 占比P% after 共……N件), and the rows of tables.
    StatedShare,
    /// A completion rate of countable things above 100%.
    Whole,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    construction: Construction,
    #[serde(default)]
    pairing: Option<Pairing>,
    #[serde(default)]
    rates: Option<Vec<String>>,
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    let rates = p.rates.unwrap_or_else(|| {
        ["完成", "整改", "办结", "销号", "结案", "化解", "落实"]
            .iter()
            .map(|w| w.to_string())
            .collect()
    });
    let names: Vec<String> = rates.iter().map(|r| regex::escape(r)).collect();
    let rate = patterns.pattern(&format!(r"(?:{})率(?:达到|达|为|是)?\s*$", names.join("|")))?;
    Ok(Box::new(Ratio {
        rates,
        construction: p.construction,
        pairing: p.pairing,
        share: patterns
            .regex(r"占(?:比|比例)?(?:为|达到|达|是)?\s*$")
            .expect("a valid pattern"),
        rate,
    }))
}

struct Ratio {
    /// The rate names checked; a count in a clause that uses one counts what was done.
    rates: Vec<String>,
    construction: Construction,
    pairing: Option<Pairing>,
    share: Regex,
    rate: Regex,
}

impl Check for Ratio {
    /// The rules of one construction (a sure and a probable one) share its reading.
    fn pass_key(&self) -> Option<String> {
        Some(format!(
            "{:?} {:?} {} {}",
            self.construction,
            self.rates,
            self.share.as_str(),
            self.rate.as_str()
        ))
    }

    fn pass(&self, cx: &Context) -> Vec<(Tag, Hit)> {
        self.readings(cx)
            .into_iter()
            .filter_map(|(_, r)| r.ok().flatten())
            .map(|(hit, sure)| (Tag { problem: 0, sure }, hit))
            .collect()
    }

    fn reports(&self, tag: Tag) -> bool {
        wanted(self.pairing, tag.sure)
    }

    fn unchecked(&self, cx: &Context) -> Vec<(Span, String)> {
        // A percentage that a statement weighs is checked, whatever the sentence readers made
        // of it.
        let weighed: Vec<Span> = match self.construction {
            Construction::StatedShare | Construction::Whole => Vec::new(),
            _ => cx
                .facts
                .statements
                .iter()
                .filter_map(|st| match &st.relation {
                    Relation::Share { percent, .. } | Relation::Growth { percent, .. } => {
                        Some(cx.facts.figures[*percent].quantity.span.clone())
                    }
                    _ => None,
                })
                .collect(),
        };
        self.readings(cx)
            .into_iter()
            .filter(|(span, _)| !weighed.contains(span))
            .filter_map(|(span, r)| Some((span, r.err()?)))
            .collect()
    }
}

/// One percentage read by a rule: a hit and whether its pairing is sure, `None` when the
/// percentage holds, or why it is not checked.
type Reading = Result<Option<(Hit, bool)>, String>;

impl Ratio {
    /// Every percentage this rule's construction applies to, with its reading. A share rule
    /// also answers for the percentages that neither construction applies to.
    fn readings(&self, cx: &Context) -> Vec<(Span, Reading)> {
        let source = &cx.doc.source;
        let figures = &cx.facts.figures;
        let mut out = Vec::new();
        if matches!(
            self.construction,
            Construction::StatedShare | Construction::Whole
        ) {
            for st in &cx.facts.statements {
                let at = st.span.clone();
                let reading = match (&st.relation, self.construction) {
                    (Relation::NotChecked { figure, why }, Construction::StatedShare) => {
                        out.push((figures[*figure].quantity.span.clone(), Err(why.clone())));
                        continue;
                    }
                    (Relation::Share { .. }, Construction::StatedShare) => {
                        Ok(stated::share(source, figures, st))
                    }
                    (Relation::Growth { .. }, Construction::StatedShare) => {
                        Ok(stated::growth(source, figures, st))
                    }
                    (Relation::AtMostWhole { .. }, Construction::Whole) => {
                        Ok(stated::over_whole(source, figures, st).map(|h| (h, true)))
                    }
                    _ => continue,
                };
                out.push((at, reading));
            }
            return out;
        }
        // Percentages a statement weighs are not this construction's to list as unchecked.
        let stated: Vec<Span> = cx
            .facts
            .statements
            .iter()
            .filter_map(|st| match &st.relation {
                Relation::Share { percent, .. }
                | Relation::NotChecked {
                    figure: percent, ..
                } => Some(figures[*percent].quantity.span.clone()),
                Relation::AtMostWhole { percent } | Relation::Growth { percent, .. } => {
                    Some(figures[*percent].quantity.span.clone())
                }
                Relation::Sum { .. } | Relation::Difference { .. } => None,
            })
            .collect();
        for s in sentences_in(cx.doc, cx.facts) {
            for (pct, p) in s.figs.iter().enumerate() {
                if p.family != "%" {
                    continue;
                }
                let head = s.head(p.start());
                let (by_share, by_rate) = (self.share.find(head), self.rate.find(head));
                let m = match self.construction {
                    Construction::Share => by_share,
                    Construction::Rate | Construction::RatePart => by_rate,
                    Construction::StatedShare | Construction::Whole => None,
                };
                let Some(m) = m else {
                    if self.construction == Construction::Share
                        && by_rate.is_none()
                        && !stated.contains(&p.span())
                    {
                        out.push((p.span(), Err(NO_BASE.to_string())));
                    }
                    continue;
                };
                if p.figure.quantity.in_range {
                    out.push((p.span(), Err(IN_RANGE.to_string())));
                    continue;
                }
                let about = about(&p.figure.quantity).filter(|_| {
                    self.construction == Construction::Share && p.checkable().is_none()
                });
                let Some(value) = p.checkable().or(about) else {
                    out.push((p.span(), Err(APPROX.to_string())));
                    continue;
                };
                let st = Stated {
                    source,
                    s: &s,
                    pct,
                    value,
                    mark: s.span.start + m.start(),
                    about: about.is_some(),
                };
                let reading = match self.construction {
                    Construction::Share => share(&st),
                    Construction::Rate => match rate::rate(&st, &self.rates, cx.vocab) {
                        Ok(rate::RateReading::Reach(r)) => Ok(r),
                        Ok(rate::RateReading::Part(_)) => Ok(None),
                        Err(e) => Err(e),
                    },
                    Construction::RatePart => match rate::rate(&st, &self.rates, cx.vocab) {
                        Ok(rate::RateReading::Part(r)) => Ok(r),
                        Ok(rate::RateReading::Reach(_)) => Ok(None),
                        Err(e) => Err(e),
                    },
                    Construction::StatedShare | Construction::Whole => continue,
                };
                out.push((p.span(), reading));
            }
        }
        out
    }
}

/// Why a percentage is not checked.
const NO_BASE: &str = "未核对: 基数不明 / not checked: no base stated";
const IN_RANGE: &str = "未核对: 百分比是范围的一端 / not checked: a range's end";
const APPROX: &str = "未核对: 百分比是约数 / not checked: an approximate figure";

/// The values a share written `约p%` with decimals stands for: the figure read one decimal
/// place coarser than written (`约39.29%` is [39.19, 39.39], `约39.3%` is [38.3, 40.3]). The
/// decimals say the author computed the share; 约 loosens its last place. A whole `约40%` is
/// not checked (None).
fn about(q: &crate::facts::number::Quantity) -> Option<Interval> {
    if q.approx != crate::facts::number::Approx::About
        || q.decimals == 0
        || q.unit != "%"
        || q.in_range
        || !q.written.is_finite()
    {
        return None;
    }
    let half = 10f64.powi(1 - i32::from(q.decimals));
    Some(Interval {
        lo: q.written - half,
        hi: q.written + half,
    })
}

/// A stated percentage and where it stands.
struct Stated<'a> {
    source: &'a str,
    /// Its sentence.
    s: &'a Sentence<'a>,
    /// Its index among the sentence's figures.
    pct: usize,
    /// The values it stands for.
    value: Interval,
    /// Where its marker (占, ……率) starts.
    mark: usize,
    /// Written as approximate (`约39.29%`): read one decimal place coarser, never sure.
    about: bool,
}

impl Stated<'_> {
    /// The percentage's figure.
    fn fig(&self) -> &Fig<'_> {
        &self.s.figs[self.pct]
    }

    /// A hit at the percentage with its template values.
    fn hit(&self, computed: String, part: String, base: String, note: String) -> Hit {
        let span = self.fig().span();
        Hit::at(span.clone())
            .value("stated", &self.source[span])
            .value("computed", computed)
            .value("part", part)
            .value("base", base)
            .value("note", note)
    }

    /// The help's remark when the stated percentage is what truncating (not rounding) a
    /// computed value gives: `meets` tells whether the computed value lies in an interval.
    fn truncation_note(&self, meets: impl Fn(Interval) -> bool, rounded: &str) -> String {
        let q = &self.fig().figure.quantity;
        let step = 10f64.powi(-i32::from(q.decimals));
        // Truncation gives v for values in [v, v + step); the open end is kept off by a hair.
        let cut = Interval {
            lo: q.written,
            hi: q.written + step * 0.999,
        };
        if meets(cut) {
            format!("；若作者是舍去尾数而非四舍五入，可得文中数字，但按四舍五入应为 {rounded}%")
        } else {
            String::new()
        }
    }

    /// Decimals to show a computed percentage with: one more than written, at least two.
    fn decimals(&self) -> usize {
        usize::from(self.fig().figure.quantity.decimals).max(1) + 1
    }
}

/// 部分……占 P%: the part is the last figure before 占, the base the earlier figure of its
/// unit that is not smaller. Two bases of different values, or one that is approximate, make
/// the base ambiguous: not checked. The pairing is sure when the part stands within a clause
/// of 占 and the base within a clause of the part.
fn share(st: &Stated) -> Reading {
    let s = st.s;
    let no_part = || "未核对: 部分不明 / not checked: no part stated".to_string();
    let part = s.first_at(st.mark).checked_sub(1).ok_or_else(no_part)?;
    let pf = &s.figs[part];
    if matches!(pf.family, "%" | "‰" | "分之") {
        return Err(no_part());
    }
    let pv = pf
        .checkable()
        .ok_or_else(|| "未核对: 部分是约数 / not checked: an approximate part".to_string())?;
    let bigger = |k: &usize| s.figs[*k].iv.is_some_and(|b| b.lo > 0.0 && b.hi >= pv.lo);
    let bases: Vec<usize> = s
        .window_before(part)
        .filter(|&k| s.figs[k].family == pf.family)
        .filter(|k| bigger(k) || s.figs[*k].iv.is_none())
        .collect();
    // A candidate whose later figures of the unit, the part's among them, add up to it is the
    // whole they partition (来电156个,其中咨询类120个,投诉类36个,占23.1%): the 120 is the
    // part's sibling, not its base.
    let partitioned = bases.iter().rev().copied().find(|&k| {
        let siblings: Vec<usize> = (k + 1..=part)
            .filter(|&j| s.figs[j].family == pf.family)
            .collect();
        let total = s.figs[k].checkable();
        siblings.len() >= 2
            && siblings
                .iter()
                .map(|&j| s.figs[j].checkable())
                .try_fold(Interval::exact(0.0), |acc, iv| Some(acc + iv?))
                .zip(total)
                .is_some_and(|(sum, t)| sum.meets(t))
    });
    let bases: Vec<usize> = match partitioned {
        Some(k) => vec![k],
        None => bases,
    };
    let base = *bases.last().ok_or_else(|| NO_BASE.to_string())?;
    let ambiguous = || {
        let shown: Vec<&str> = bases
            .iter()
            .map(|&k| &st.source[s.figs[k].span()])
            .collect();
        format!(
            "未核对: 基数有两种可能 ({}) / not checked: ambiguous base",
            shown.join(", ")
        )
    };
    let b = s.figs[base].checkable().ok_or_else(ambiguous)?;
    if bases.iter().any(|&k| s.figs[k].checkable() != Some(b)) {
        return Err(ambiguous());
    }
    let Some(c) = pv.percent_of(b) else {
        return Err(NO_BASE.to_string());
    };
    if c.meets(st.value) {
        return Ok(None);
    }
    // A count written in two units (32户120人) may be the part in either: the share holds when
    // the figure of the other unit, against the whole of its unit (320户1280人), meets it.
    let paired = part
        .checked_sub(1)
        .filter(|&k| s.figs[k].span().end == pf.start() && s.figs[k].family != pf.family);
    if let Some(other) = paired {
        let of = &s.figs[other];
        let whole = s
            .window_before(other)
            .rfind(|&k| s.figs[k].family == of.family)
            .and_then(|k| s.figs[k].checkable());
        let holds = of
            .checkable()
            .zip(whole)
            .and_then(|(v, w)| v.percent_of(w))
            .is_some_and(|c| c.meets(st.value));
        if holds {
            return Ok(None);
        }
    }
    let sure = s.clause_at(st.mark) <= pf.clause + 1
        && pf.clause <= s.figs[base].clause + 1
        && paired.is_none();
    let bf = &s.figs[base];
    let (pw, bw) = (number(st.source, pf, bf), number(st.source, bf, pf));
    let shown = show(c.mid(), st.decimals());
    let note = st.truncation_note(|t| c.meets(t), &shown);
    // A figure right if the author truncated is reported, but not as sure; nor is one written
    // as approximate.
    let sure = sure && note.is_empty() && !st.about;
    let note = if st.about {
        format!("{note}；文中为约数，按少一位小数的精度核对")
    } else {
        note
    };
    let hit = st
        .hit(format!("{pw} / {bw} = {shown}%"), pw, bw, note)
        .label(pf.span(), "部分")
        .label(bf.span(), "基数");
    Ok(Some((hit, sure)))
}

/// A figure's digits, with its scale and unit when `other`'s scale differs (15.98万元 against
/// 元).
fn number(source: &str, fig: &Fig, other: &Fig) -> String {
    let q = &fig.figure.quantity;
    let digits = &source[q.num_span.clone()];
    if q.scale == other.figure.quantity.scale {
        digits.to_string()
    } else {
        format!("{digits}{}", tail(source, fig))
    }
}

mod rate;
mod stated;

#[cfg(test)]
mod tests {
    use crate::rules::Context;

    /// The ids of the packaged `ratio` rules that fire on `text`.
    fn fired(text: &str) -> Vec<String> {
        let yaml = include_str!("../../rules/ratio.yaml");
        crate::rules::testing::fired_in("rules/ratio.yaml", yaml, text)
    }

    const SHARE: &[&str] = &["percent-mismatch"];
    const SHARE_LOOSE: &[&str] = &["percent-mismatch-uncertain"];
    const RATE: &[&str] = &["rate-unreachable"];
    const RATE_LOOSE: &[&str] = &["rate-unreachable-uncertain"];
    const PART: &[&str] = &["rate-mismatch"];
    const PART_LOOSE: &[&str] = &["rate-mismatch-uncertain"];
    const NONE: &[&str] = &[];

    #[rustfmt::skip]
    const CASES: &[(&str, &[&str])] = &[
        ("截止目前210名干部职工,190人已取得证书,占比92.5%。", SHARE),
        // 48 / 50 = 96%.
        ("40个问题,有38个完成整改,占95%,2个部分完成。", NONE),
        // 148 / 151 = 98.013%, inside [98.005, 98.015].
        ("151条整改措施,已完成148条,占98.01%。", NONE),
        // 99 / 101 = 98.0198%: only truncation gives 98.01%, at most a warning.
        ("101条整改措施,已完成99条,占98.01%。", SHARE_LOOSE),
        ("30条整改措施已落实27条,占92%。", SHARE),
        // 17 / 42 = 40.48%; the 10万元 between counts money, not villages.
        ("全区42个村中,收入低于10万元的有17个,占比40.5%。", NONE),
        // The base is named in words, not stated as a figure.
        ("已进驻事项占应进事项的76%,其中一次不跑的占比61.3%。", NONE),
        // No base in the sentence.
        ("2020年有集体收入的村占已验收的19.51%。", NONE),
        // Two possible bases (120, 30): the base is ambiguous.
        ("全村党员120人,其中女党员30人,45岁以下的20人,占20%。", NONE),
        // An approximate figure may be the base: ambiguous.
        ("全村300余名党员中有党员干部30人,已培训20人,占50%。", NONE),
        // The same total stated twice is one base: 48 / 50 = 96%.
        ("50个问题中,已销号的50个问题里有48个完成整改,占94%。", SHARE),
        ("全镇38个村,经过逐村摸排,已有30个村完成整改,经验收合格,占比85%。", SHARE_LOOSE),
        // Money shares convert 万元: 16.25万元 / 32.24万元 = 50.4%.
        ("涉及金额32.24万元,已退缴16.25万元,占50.4%。", NONE),
        ("反馈问题27个,整改完成率95%。", RATE),
        // 26 / 27 = 96.30%.
        ("反馈问题27个,整改完成率96.3%。", NONE),
        // A rate with no count before it has no base.
        ("全年空气质量优良率92.9%。", NONE),
        // 100% is reachable from any base.
        ("事件上报8件,其中2件为安全隐患,办结率达100%。", NONE),
        // Two counts: the rate may come from both (42 / 45 = 93.3%), so neither is its base.
        ("完成整改42项,剩余3项,整改完成率93.3%。", NONE),
        // A count of what was done is the numerator, not the base (of 50 unstated problems).
        ("已整改到位问题45个,整改率达90%。", NONE),
        // No whole base gives 84.3% from 314 done (372: 84.41%, 373: 84.18%); 386 gives 81.3%.
        ("我镇已完成问题整改314件,整改完成率84.3%。", PART_LOOSE),
        ("我镇已完成问题整改314件,整改完成率81.3%。", NONE),
        // A rate further off than the next clause may be of another count.
        ("我镇已完成问题整改314件,经过验收,整改完成率84.3%。", NONE),
        // A span of time is no base.
        ("整改时限3个月,整改完成率95%。", NONE),
        ("反馈问题27个,经过集中整改,目前整改完成率95%。", RATE_LOOSE),
        // A coverage rate is not a completion rate: its base is not checked.
        ("辖区76个小区,已成立业委会22个,覆盖率达到95%。", NONE),
        // An approximate percentage is never held to equality.
        ("50个问题已完成48个,占约95%。", NONE),
        // The part is stated: 3 / 4 = 75%.
        ("巡察反馈的4个问题,已完成整改3个,整改完成率80%。", PART),
        ("巡察反馈的4个问题,已完成整改3个,整改完成率75%。", NONE),
        ("30个问题,已完成27个,完成率90%。", NONE),
        // 29 / 30 = 96.667%, inside [96.665, 96.675].
        ("30个问题,已完成29个,完成率96.67%。", NONE),
        ("30个问题,已完成29个,完成率96.5%。", PART),
        // The done count stands after its clause's figure: 38 / 40 = 95%.
        ("反馈问题40个,其中38个已完成整改,整改完成率92%。", PART),
        // The rest between the part and the rate: a less certain pairing.
        ("反馈问题30个,已完成整改27个,正在整改3个,整改完成率93%。", PART_LOOSE),
        ("反馈问题30个,已完成整改27个,正在整改3个,整改完成率90%。", NONE),
        // The second rate is of the 12 towns, not of the 30 problems.
        ("反馈问题30个,已完成整改27个,整改完成率90%,12个乡镇办结率75%。", NONE),
        ("反馈问题30个,已完成整改27个,整改完成率90%,办结率80%。", NONE),
        // Two bases of the done count's unit: 27 of 30 or of 40 problems.
        ("反馈问题40个,其中本轮30个,已完成整改27个,整改完成率90%。", NONE),
        // A done count of another noun is not the part.
        ("反馈问题30个,已有12个村完成整改,整改完成率90%。", NONE),
        // The figures after 其中 add up to the first: it is the base, the others siblings.
        ("共接听群众来电156个,其中咨询类120个,投诉类36个,占23.1%。", NONE),
        ("共接听群众来电156个,其中咨询类120个,投诉类36个,占25%。", SHARE_LOOSE),
        // Traits that do not partition: two possible bases still.
        ("全村党员120人,其中女党员30人,45岁以下的20人,占25%。", NONE),
        // A rate of the whole after its parts: (15 + 8) / 25 = 92%, not 8 / 10.
        ("反馈问题25个,其中立行立改问题15个,已全部完成;限期整改问题10个,已完成8个,总体完成率92%。", NONE),
        ("反馈问题25个,已完成23个,总体完成率90%。", PART),
        // A count in two units: the share may be of either (32 / 320 = 10%).
        ("东岭村共有农户320户1280人,其中脱贫户32户120人,占10%。", NONE),
        ("东岭村共有农户320户1280人,其中脱贫户32户128人,占10%。", NONE),
        ("东岭村共有农户320户1280人,其中脱贫户36户120人,占10%。", SHARE_LOOSE),
        // A rate qualified as the counts are not: on time, an average of other bodies.
        ("共排查问题40个,已整改38个,按期整改率85%。", NONE),
        ("共排查问题40个,已整改38个,全县平均整改率为85%。", NONE),
        ("共排查问题40个,其中按期整改34个,按期整改率85%。", NONE),
        ("共排查问题40个,按期完成整改38个,按期整改率85%。", PART),
        // Ongoing is not done.
        ("反馈问题4个,正在整改3个,整改完成率80%。", NONE),
        // Two done counts: the rate of the first (40 / 50 = 80%) or of both (45 / 50 = 90%).
        ("交办信访件50件,已办结40件、阶段性办结5件,办结率80%。", NONE),
        ("交办信访件50件,已办结40件、阶段性办结5件,办结率90%。", NONE),
        ("交办信访件50件,已办结40件、阶段性办结5件,办结率85%。", PART_LOOSE),
        // Above 100%: the rate rule, not these.
        ("交办信访件50件,已办结40件、阶段性办结5件,办结率103%。", &["rate-over-100"]),
    ];

    #[test]
    fn table() {
        for (input, want) in CASES {
            assert_eq!(fired(input), *want, "{input}");
        }
    }

    #[test]
    fn help_shows_the_computation() {
        let text = "截止目前310名干部职工,282人已取得证书,占比93.5%。";
        let yaml = include_str!("../../rules/ratio.yaml");
        let rules = crate::rules::pack::load(
            "rules/ratio.yaml",
            yaml,
            crate::parse::vocab::Vocabulary::packaged(),
            &mut super::super::Patterns::default(),
        )
        .expect("rules load");
        let (doc, facts) = crate::analyse(text);
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        };
        let found: Vec<_> = rules.iter().flat_map(|r| r.run(&cx)).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].help.as_deref(),
            Some("282 / 310 = 90.97%, 文中为 93.5%")
        );
        assert_eq!(&text[found[0].span.clone()], "93.5%");
        assert_eq!(found[0].labels.len(), 2);
        let text = "101条整改措施,已完成99条,占98.01%。";
        let (doc, facts) = crate::analyse(text);
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        };
        let found: Vec<_> = rules.iter().flat_map(|r| r.run(&cx)).collect();
        let help = found[0].help.clone().unwrap_or_default();
        assert!(
            help.starts_with("99 / 101 = 98.02%, 文中为 98.01%；若作者"),
            "{help}"
        );
        let text = "巡察反馈的4个问题,已完成整改3个,整改完成率80%。";
        let (doc, facts) = crate::analyse(text);
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        };
        let found: Vec<_> = rules.iter().flat_map(|r| r.run(&cx)).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "rate-mismatch");
        assert_eq!(found[0].help.as_deref(), Some("3 / 4 = 75%, 文中为 80%"));
        assert_eq!(&text[found[0].span.clone()], "80%");
        let labels: Vec<(&str, &str)> = found[0]
            .labels
            .iter()
            .map(|l| (&text[l.span.clone()], l.text.as_str()))
            .collect();
        assert_eq!(labels, [("3个", "部分"), ("4个", "基数")]);
    }
}
