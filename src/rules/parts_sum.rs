//! `parts_sum`: A total against the sum of its parts (其中……, 共计, 合计, 剩余), compared as
//! intervals at their written precision.

use super::{Check, Context, Hit, Kind, Tag};
use crate::facts::arith::Interval;
use crate::facts::sentences::{Fig, Pairing, Sentence, in_unit_of, sentences_in, wanted, written};
use serde::Deserialize;

/// The kind's name.
pub const NAME: &str = "parts_sum";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
总数与其组成部分之和，按书写精度的区间比较（万元与元换算后相加）。识别三种句式，且只在同一句内配对：
A total against the sum of its parts, as intervals at their written precision (万元 converted to 元), in three constructions, within one sentence:
- 总数在前、“其中/包括/含”后列出两个以上同单位的部分：`16名……其中党内警告9人,党内严重警告2人,开除党籍5人`；
- 部分在前、“共计/合计/总计/累计”后给出总数：`税金7755元和……7380.71元,共计15135.71元`；分句开头的单字“共”
  （`对12名干部诫勉谈话,对3名干部给予处分,共处理15人`）同样读作总数，报告为不够确定；
- 总数、已完成部分、“剩余/其余/余下/尚有/另有/未完成”的其余部分：`涉及32.24万元,已退缴16.25万元,尚有15.98万元`。

不核对的情形：“其中”后只有一个部分（举例或子集）；列举以“等”结尾，或部分名称表示人员特征（女、党员、……岁）；
列举之后另有不带数字的其余部分（`其余为群众评议`、`其他正在核查`、`另有部分……`）；
单位不同的数字（不相加）；带“余、约、近、以上、左右”的数字（不核等式）；各部分之和不超过总数的一半或不低于其两倍
（这些数字并非同一总数的组成部分）。括号内对某一部分的再细分不计入外层列举（但括号内的“其中”单独核对）。
列举后面还跟着别的同单位数字时，前几项之和与总数相符即视为相符；
“累计”可能包含前期数量，只在部分之和超过总数时报告；本身带“累计”的数字不是另一总数的部分。
总数与部分之间隔着别的数字（配对不够确定）时，部分之和须不低于总数的四分之三。
Sums bound by the report's quantity statements (`facts::statement`) are checked too: a list of shares that add up to
100% against the total they are shares of, a table's 合计 row against its columns' sums, and counts listed each with
its own name and followed straight by `共` and their total (`21个机关党组织、6个乡镇,4个国企党组织共31个党组织`;
unsure: reported as a warning), and the weights of a score's indicators after `其中` in the sentence after the full
score (`满分100分。其中……占40分;……占35分`; unsure; whole points are held exact: weights are set, not measured).
A count restated with a demonstrative opening its sentence (`这5份`) after a sentence that lists groups each with its
count and nothing else (`甲、乙、丙3个镇及丁、戊2个街道……`) is held to the groups' sum (unsure).
数量陈述中的求和关系也核对：各占比之和为100%的一组数字与其总数；文本表格的合计行与各列之和（表格完整时）；
“数字+名称”逐项列举、紧接“共”与总数的列举（总数的名称须与某一项名称同尾，如“党组织”与“国企党组织”，或没有名称；
列举以“等”结尾、只有一项、各项之和不到总数一半或超过两倍的不核对；报告为不够确定）；
前文写明总数与已完成数（`受理诉求640件,已办结587件`）后，紧接“共、合计、累计”以同一动词否定的其余数
（`全镇共53件未办结诉求`，须是其句中该单位的第一个数字、不在“其中”句内、与总数所在句有相同的事物名称，
全文该动词的完成数与总数只有一组）：总数 = 完成数 + 其余数（报告为不够确定）。
按应完成年份划分的总数（`反馈的40项问题中,2022年应完成整改的24项……;2023年应完成整改的10项……`）：各年份连续、
每年一项、两项以上，句中同单位的其他数字都是前一年份项的状态部分且恰好相加等于该项，句中与下一句开头没有“其余、
其他、另有、此外、长期”：总数 = 各年份项之和（报告为不够确定）。
A whole split by due year (`N项X中`, parts after `YYYY年应完成整改的`, consecutive years, every other figure a status
part adding up to its year's part, no other rest named): whole = the years' parts (unsure).
The rest restated after a whole and its done count (`共53件未办结诉求`, the done count's verb denied, right after
共/合计/累计, one such whole and done count in the report): whole = done + rest (unsure).
句首以“这/上述”重述的数量（`这5份`）与上一句逐组列举的各组数量之和（上一句只有以名称列举结尾的整数，且重述的名词不是其中某一组的名词；报告为不够确定）。
评分办法中各指标分值与满分（`满分/总分/基础分100分`，下一句`其中……占40分;……占35分`；分值是设定的，整数分按精确值核对；报告为不够确定）。

“其中”后各部分之和少于总数时，只有部分名称表示办理阶段（已、未、正在、尚）或列出其余部分（其他、其余）才报告为确定；
其他类别（`其中党纪处分8人,诫勉谈话5人`）可能只列了主要几类，报告为不够确定。
A 其中 list that falls short of its total is sure only when its parts are stages of the work (已, 未, 正在, 尚) or
it names the rest (其他, 其余); other classes may be the main ones only (unsure).
Not checked: a single part after 其中 (a subset); a rest named after the list with no figure (其余为……, 其他正在核查,
另有……); a list ending in 等 or naming traits (女, 党员, 岁); figures of
different units; approximate figures; parts at most half or at least twice the total (not its parts). A breakdown in
brackets is not part of the outer list (its own 其中 is checked by itself). A list that runs
on holds when its leading parts meet the total; a running total (累计) is reported only when its parts exceed it, and
a figure that is itself a running total is no part. A bare 共 opening a clause after the parts reads as their total
(unsure). An unsure reading's parts must come within a quarter of the total from below.

## 为什么 / Why it matters
整改通报中的合计数常被读者（纪委、下一轮巡察组、群众）逐项加总核对；合计与分项对不上，整份通报的可信度就会受损。
Readers add these figures up; a total that its own parts contradict undermines the whole report.

## 示例 / Example
不通过 / Fails（12600 + 4380 = 16980）：
    清退耕地地力保护补贴12600元和农机购置补贴4380元,共计17980元。
通过 / Passes（4 + 2 + 1 = 7）：
    给予党纪政务处分7人,其中党内警告4人,党内严重警告2人,政务记过1人。

## 参数 / Parameters
- `pairing`: `sure` 只报告句式明确的配对，`loose` 只报告不够确定的配对（列举中夹有其他数字、部分分散在几个分句、
  “另有”等可能表示额外数量的词）；省略时两者都报告。
  `sure` reports only unambiguous pairings, `loose` only less certain ones; omitted, both.
- `of_which`: 引出部分的词，默认 `[其中, 包括, 含]`（单字词须在分句开头）。Words that introduce the parts.
- `totals`: 引出总数的词，默认 `[共计, 合计, 总计]`。Words that introduce a total after its parts.
- `running`: 累计性总数的词，默认 `[累计]`，只在部分之和超过总数时报告。Running totals: only an excess is reported.
- `remainders`: 引出其余部分的词，默认 `[剩余, 其余, 余下, 尚余, 还剩]`。Words for the rest of a total (sure).
- `others`: 可能是其余部分也可能是额外数量的词，默认 `[尚有, 另有, 另外, 未完成]`，其配对不够确定。
  Words that may name the rest or something extra: their pairings are less certain.
- `differences`: `true` 时只报告“差数”：独立成句的“其余N”（前文同名总数减去其间任一组同单位数字都不等于N时）、
  `比第一批多/少N`（比较的两批数字都在文中、且另一批的数字只在只提到那一批的句子里出现一次）、
  `除A和B外,N个X中已有M个`（M = N − 所除项数）、`N项X中,还有k项未完成`（与别处同名的“已完成d项”相对）；
  默认 `false` 时不报告这些。这些配对都跨越分句或句子，均不够确定。
  `true`: report only differences (a rest in a sentence of its own, a comparison with an earlier round, named
  exceptions, the count not done against the count done stated elsewhere); all are less certain. Default `false`: the others.
- `attributes`: 部分名称中表示人员特征的词（`女`、`党员`、`岁`、`以上`……），含这些词的列举是交叉的特征，不是划分，不核对；
  默认取词表 `vocabulary.yaml` 的 `part_attributes`。
  Words of a part's label that describe a trait: such lists overlap and are not checked. Default: the
  vocabulary's `part_attributes`.
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["stated", "computed", "parts", "unit"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/parts_sum.yaml",
        include_str!("../../rules/parts_sum.yaml"),
    ),
};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    pairing: Option<Pairing>,
    #[serde(default)]
    of_which: Option<Vec<String>>,
    #[serde(default)]
    totals: Option<Vec<String>>,
    #[serde(default)]
    running: Option<Vec<String>>,
    #[serde(default)]
    remainders: Option<Vec<String>>,
    #[serde(default)]
    others: Option<Vec<String>>,
    #[serde(default)]
    attributes: Option<Vec<String>>,
    #[serde(default)]
    differences: bool,
}

fn words(given: Option<Vec<String>>, default: &[&str]) -> Vec<String> {
    given.unwrap_or_else(|| default.iter().map(|w| w.to_string()).collect())
}

fn compile(
    params: &serde_yaml::Value,
    vocab: &crate::parse::vocab::Vocabulary,
    _patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    let check = PartsSum {
        pairing: p.pairing,
        of_which: words(p.of_which, &["其中", "包括", "含"]),
        totals: words(p.totals, &["共计", "合计", "总计"]),
        running: words(p.running, &["累计"]),
        remainders: words(p.remainders, &["剩余", "其余", "余下", "尚余", "还剩"]),
        others: words(p.others, &["尚有", "另有", "另外", "未完成"]),
        // Left out, the vocabulary's trait words (`part_attributes`).
        attributes: p
            .attributes
            .unwrap_or_else(|| vocab.part_attributes.clone()),
        // The vocabulary's words of a further part (`split.further`: 其他, 另有).
        further: vocab.split.further.clone(),
        differences: p.differences,
    };
    let all = [
        &check.of_which,
        &check.totals,
        &check.running,
        &check.remainders,
        &check.others,
    ];
    if all.iter().any(|ws| ws.iter().any(String::is_empty)) {
        return Err("marker words must not be empty".to_string());
    }
    Ok(Box::new(check))
}

struct PartsSum {
    pairing: Option<Pairing>,
    of_which: Vec<String>,
    totals: Vec<String>,
    running: Vec<String>,
    remainders: Vec<String>,
    others: Vec<String>,
    attributes: Vec<String>,
    further: Vec<String>,
    /// Report the differences (其余 in a sentence of its own, 比第一批多, 除……外, 还有……未完成)
    /// and nothing else; false: everything else.
    differences: bool,
}

/// A total and the figures a sentence says make it up (indices into the sentence's figures).
struct Reading {
    total: usize,
    parts: Vec<usize>,
    sure: bool,
}

/// What one construction made of a sentence.
enum Outcome {
    /// The total is met by (some of) its parts.
    Holds(usize),
    /// No reading meets the total.
    Fails(Reading),
    /// A list that may not be all of its total, at its marker, and why it is not read.
    Unchecked(crate::document::Span, &'static str),
}

/// The sum of some figures' intervals; None when one is not checkable.
fn sum(s: &Sentence, parts: &[usize]) -> Option<Interval> {
    parts
        .iter()
        .map(|&i| s.figs[i].checkable())
        .try_fold(Interval::exact(0.0), |acc, iv| Some(acc + iv?))
}

/// True for units that are not added up: shares.
fn is_share(fig: &Fig) -> bool {
    matches!(fig.family, "%" | "‰" | "分之")
}

impl Check for PartsSum {
    /// The sure and the probable rule share one reading of the report (and the differences
    /// their own).
    fn pass_key(&self) -> Option<String> {
        Some(format!(
            "{} {:?} {:?} {:?} {:?} {:?} {:?}",
            self.differences,
            self.of_which,
            self.totals,
            self.running,
            self.remainders,
            self.others,
            self.attributes
        ))
    }

    fn reports(&self, tag: Tag) -> bool {
        wanted(self.pairing, tag.sure)
    }

    /// The 其中 lists that may be only some of their total: at their marker, with why.
    fn unchecked(&self, cx: &Context) -> Vec<(crate::document::Span, String)> {
        if self.differences {
            return Vec::new();
        }
        sentences_in(cx.doc, cx.facts)
            .iter()
            .flat_map(|s| self.of_which(s))
            .filter_map(|o| match o {
                Outcome::Unchecked(span, why) => Some((span, why.to_string())),
                _ => None,
            })
            .collect()
    }

    fn pass(&self, cx: &Context) -> Vec<(Tag, Hit)> {
        let source = &cx.doc.source;
        let mut hits = Vec::new();
        if self.differences {
            return cx
                .facts
                .statements
                .iter()
                .filter_map(|st| {
                    let hit = stated::difference(source, &cx.facts.figures, st)?;
                    Some((
                        Tag {
                            problem: 0,
                            sure: st.sure,
                        },
                        hit,
                    ))
                })
                .collect();
        }
        for s in sentences_in(cx.doc, cx.facts) {
            let mut outcomes = self.of_which(&s);
            outcomes.extend(self.in_total(&s));
            outcomes.extend(self.split(&s));
            let held: Vec<usize> = outcomes
                .iter()
                .filter_map(|o| match o {
                    Outcome::Holds(t) => Some(*t),
                    Outcome::Fails(_) | Outcome::Unchecked(..) => None,
                })
                .collect();
            let mut reported: Vec<usize> = Vec::new();
            for o in outcomes {
                let Outcome::Fails(r) = o else { continue };
                if held.contains(&r.total) || reported.contains(&r.total) || !plausible(&s, &r) {
                    continue;
                }
                reported.push(r.total);
                if let Some(h) = hit(source, &s, &r) {
                    hits.push((h, r.sure));
                }
            }
        }
        // The statements' sums, where a sentence reading has not already reported the total; a
        // total read both ways is one finding, sure only when both readings are (a word such as
        // 另有 leaves the sentence reading unsure whatever the status words say), so the sure and
        // the loose rule never both report it.
        for st in &cx.facts.statements {
            if stated::completed(source, &cx.facts.figures, &cx.facts.statements, st) {
                continue;
            }
            let Some(h) = stated::sum(source, &cx.facts.figures, st) else {
                continue;
            };
            match hits.iter_mut().find(|(o, _)| o.span == h.span) {
                Some((_, sure)) => *sure &= st.sure,
                None => hits.push((h, st.sure)),
            }
        }
        hits.into_iter()
            .map(|(hit, sure)| (Tag { problem: 0, sure }, hit))
            .collect()
    }
}

/// True when the parts are of the total's size: between half and twice it. Parts that fall
/// far short are some of the parts, not all ("其中市纪委转办6件" of 18); parts far above it
/// overlap or count something else. A slip in a figure of a partition stays within these bounds.
/// A reading that is unsure which figures are the parts (a figure stands between the total and
/// its parts) must come closer from below: more than a quarter short is a list of some sources
/// ("完成投资1.2亿元,占年度计划的80%,其中中央资金3000万元,省级资金5000万元").
fn plausible(s: &Sentence, r: &Reading) -> bool {
    let floor = if r.sure { 0.5 } else { 0.75 };
    match (sum(s, &r.parts), s.figs[r.total].checkable()) {
        (Some(p), Some(t)) => p.mid() >= t.mid() * floor && p.mid() < t.mid() * 2.0,
        _ => false,
    }
}

/// The finding for a reading whose parts do not meet its total.
fn hit(source: &str, s: &Sentence, r: &Reading) -> Option<Hit> {
    let total = &s.figs[r.total];
    let sum = sum(s, &r.parts)?;
    let decimals = r
        .parts
        .iter()
        .chain(std::iter::once(&r.total))
        .map(|&i| usize::from(s.figs[i].figure.quantity.decimals))
        .max()
        .unwrap_or(0);
    let parts: Vec<String> = r
        .parts
        .iter()
        .map(|&i| {
            let scale = s.figs[i].figure.quantity.scale;
            written(source, &s.figs[i], scale != total.figure.quantity.scale)
        })
        .collect();
    let computed = in_unit_of(source, total, sum.mid(), decimals + 2);
    let mut hit = Hit::at(total.span())
        .value("stated", &source[total.span()])
        .value("computed", computed)
        .value("parts", parts.join(" + "))
        .value("unit", total.figure.quantity.unit.clone());
    for &i in &r.parts {
        hit = hit.label(s.figs[i].span(), "组成部分");
    }
    Some(hit)
}

mod of_which;
mod split;
mod stated;
mod total;

#[cfg(test)]
mod tests {
    use crate::rules::Context;

    /// The ids of the packaged `parts_sum` rules that fire on `text`.
    fn fired(text: &str) -> Vec<String> {
        let yaml = include_str!("../../rules/parts_sum.yaml");
        crate::rules::testing::fired_in("rules/parts_sum.yaml", yaml, text)
    }

    const SURE: &[&str] = &["sum-mismatch"];
    const LOOSE: &[&str] = &["sum-mismatch-uncertain"];
    const NONE: &[&str] = &[];

    #[rustfmt::skip]
    const CASES: &[(&str, &[&str])] = &[
        ("清退补贴12600元和农机购置补贴4380元,共计17980元。", SURE),
        // 3200 + 5800 = 9000.
        ("退缴礼金3200元和加班补贴5800元,共计9000元。", NONE),
        ("给予处分16名,其中警告9人,严重警告2人,撤职4人。", LOOSE),
        // The list runs on past the parts, but 9 + 2 + 5 meets 16.
        ("给予处分16名,其中警告9人,严重警告2人,撤职5人,诫勉谈话18人。", NONE),
        // One part after 其中 is an example or a subset, not a partition.
        ("共发现并制止违法用地3起,其中拆除违建一起。", NONE),
        // One part: a subset of the 10 villages.
        ("50万元以上的村有10个,其中100万元以上的村有4个。", NONE),
        // 14.2 + 12.3 = 26.5.
        ("收回租金26.5万元,其中石门村14.2万元、柳塘村12.3万元。", NONE),
        // Parts in 元 against a total in 万元: 142000 + 123000 = 265000.
        ("收回租金26.5万元,其中石门村142000元、柳塘村123000元。", NONE),
        ("收回租金26.5万元,其中石门村142000元、柳塘村113000元。", LOOSE),
        // 16.25 + 15.98 = 32.23 meets 32.24 within the rounding of two decimals.
        ("涉及金额32.24万元,已退缴16.25万元,尚有15.98万元未退缴。", NONE),
        ("涉及资金46.8万元,已清退31.5万元,余下16.3万元尚未清退。", SURE),
        // 21 + 2 = 23.
        ("发现隐患23处,督促21处当场整改,其余2处限期整改。", NONE),
        // An approximate total is never held to equality.
        ("共组织约30人,其中镇干部12人、村干部20人。", NONE),
        // Traits overlap (女性, 党员): not a partition.
        ("全村党员45名,其中女党员12名、60岁以上党员20名。", NONE),
        // Parts far short of the total are some of the parts, not all: 6 + 3 against 18.
        ("全年受理举报18件,其中市纪委转办6件、县纪委转办3件。", NONE),
        // A list that runs into the next clause: 300 + 280 is not the 5万亩.
        ("全镇共有耕地5万亩,其中撂荒地300亩,目前已复耕280亩,占93.3%。", NONE),
        // "等" ends a list of some of the parts, not all of them.
        ("全年受理举报18件,其中市纪委转办6件、县纪委转办9件等。", NONE),
        // A rest named with no figure: the parts are not the whole list.
        ("考核满分100分,其中基础工作40分,重点工作30分,其余为群众评议。", NONE),
        ("受理信访件50件,其中已办结42件,正在办理5件,其他正在核查。", NONE),
        ("受理信访件50件,其中已办结42件,正在办理5件,另有部分转交相关部门。", NONE),
        ("受理信访件50件,其中已办结42件,正在办理5件。", SURE),
        // The total need not be the nearest figure: 13 + 40 = 53, not 120.
        ("共有网格员53名、楼栋长120名,其中专职网格员13名,兼职网格员40名。", NONE),
        // A bracket breaks a part down: 5 + 4 + 3 = 12, the 2 + 2 inside make up the 4.
        ("处理12人,其中诫勉谈话5人、党纪处分4人(其中警告2人、严重警告2人)、组织处理3人。", NONE),
        ("处理12人,其中诫勉谈话5人、党纪处分4人(其中警告2人、严重警告1人)、组织处理3人。", LOOSE),
        // Percentages are not added up.
        ("事项占应进事项的76%,其中一次不跑的占比61.3%,只跑一次的占比64.5%。", NONE),
        // The clause before 共计 has no figure: 12000 is not the sum of the earlier two.
        ("审核价为306609.48元,所缺工程量为11390.52元,已于3月补齐,共计12000元。", NONE),
        ("罚款500元,没收违法所得300元,共计900元。", LOOSE),
        // A running total may include earlier amounts: 5 + 3 below 120 is no finding.
        ("本月新增5个、销号3个,累计120个。", NONE),
        // A bare 共 opening a clause after the parts states their total.
        ("对12名干部进行了诫勉谈话,对3名干部给予党纪处分,共处理15人。", NONE),
        ("对12名干部进行了诫勉谈话,对3名干部给予党纪处分,共处理16人。", LOOSE),
        ("第一批发现问题12个,第二批发现问题15个,共28个。", LOOSE),
        // 共同, 共享 are words; a per-group count is not a part of the whole.
        ("共3个巡察组,每组5人,共15人。", NONE),
        ("组建3个工作组,每组4人,另有2名联络员,共14人。", NONE),
        ("东岭村12户、西岭村8户,共同出资30万元。", NONE),
        ("本月销号5个、新增3个,累计6个。", LOOSE),
        // A running total is no part of another one: 累计 80 counts 整改到位, not 12 + 86.
        ("本期新增问题12个,累计发现问题86个,累计整改到位80个。", NONE),
        ("本期新增问题12个,本期整改到位10个,累计发现问题86个,累计整改到位80个。", NONE),
        // 另有 may name something extra; 25 + 3 = 28 anyway.
        ("全镇28个村中已有25个完成复耕,另有3个村需先修建引水设施。", NONE),
        ("全镇28个村中已有20个完成复耕,另有5个村需先修建引水设施。", LOOSE),
        // 24 + 19 = 43; the "四个" of the villages counts another thing.
        ("四个行政村43个村小组已开工,目前已完成四个行政村24个村小组通水,剩余19个村小组年底完成。", NONE),
        // Parts of different units are not added: 5 + 7 = 12 without the 3人.
        ("共走访12户,其中甲村5户、乙村3人、丙村7户。", NONE),
        // Two units side by side: the 户 are checked against the 户 (5 + 3 = 8), the 人 against
        // the 人 (12 + 8 = 20).
        ("涉及8户20人,其中甲村5户12人、乙村3户8人。", NONE),
        ("涉及8户20人,其中甲村5户12人、乙村3户7人。", LOOSE),
        ("涉及8户20人,其中甲村4户12人、乙村3户8人。", LOOSE),
        // A label that is a figure (一类) is not the list's unit: the 户 are.
        ("全镇有低保户120户,其中一类低保35户、二类低保48户、三类低保37户。", NONE),
        ("全镇有低保户120户,其中一类低保35户、二类低保48户、三类低保36户。", LOOSE),
        // Ranks are some of those held to account: 问责 also reaches ranks not named.
        ("全县共问责45人,其中科级干部12人,股级干部20人。", NONE),
        ("青石镇问责30人,其中处级干部4人,科级干部11人;白沙镇问责25人,其中科级干部9人。", NONE),
        // With the rest named, the ranks make up the whole: 3 + 10 + 31 = 44, not 45.
        ("全县共处分45人,其中处级干部3人,科级干部10人,一般干部31人。", SURE),
        ("全县共处分44人,其中处级干部3人,科级干部10人,一般干部31人。", NONE),
        // A share between the total and 其中 leaves the parts unsure; a third short, they are
        // some of the sources, not all.
        ("完成投资1.2亿元,占年度计划的80%,其中中央资金3000万元,省级资金5000万元。", NONE),
        ("完成投资1.2亿元,占年度计划的80%,其中中央资金3000万元,省级资金8000万元。", LOOSE),
    ];

    /// Pieces of the constructions both kinds read, to build hostile sentences from.
    const PIECES: &[&str] = &[
        "其中",
        "共计",
        "合计",
        "累计",
        "剩余",
        "尚有",
        "另有",
        "未完成",
        "含",
        "占",
        "占比",
        "完成率",
        "办结率",
        "12",
        "3.5",
        "48",
        "0",
        "100",
        "万元",
        "元",
        "个",
        "人",
        "名",
        "%",
        "余",
        "约",
        "以上",
        ",",
        "、",
        ";",
        "。",
        "(",
        ")",
        "等",
        "女",
        "户",
        "村",
        "已完成",
        "\n",
        "其余",
        "比第一批多",
        "比第二轮少了",
        "第一批",
        "在科一级,",
        "除了",
        "青禾村和",
        "外,",
        "中",
        "还有",
        "这",
        "满分",
        "分",
        "占",
        "科级干部",
        "、乙",
        "问题",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn hostile_sentences_give_spans_in_bounds(
            picks in proptest::collection::vec(0..PIECES.len(), 0..80)
        ) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let (doc, facts) = crate::analyse(&text);
            let cx = Context { doc: &doc, facts: &facts, vocab: crate::parse::vocab::Vocabulary::packaged() };
            let pack = crate::rules::pack::Pack::packaged().expect("rules load");
            for rule in pack.rules.iter().filter(|r| ["parts_sum", "ratio"].contains(&r.kind.name)) {
                for f in rule.run(&cx) {
                    for span in std::iter::once(&f.span).chain(f.labels.iter().map(|l| &l.span)) {
                        proptest::prop_assert!(span.start <= span.end && span.end <= text.len());
                        proptest::prop_assert!(text.is_char_boundary(span.start));
                        proptest::prop_assert!(text.is_char_boundary(span.end));
                    }
                }
            }
        }
    }

    #[test]
    fn a_run_on_sentence_of_many_figures_is_read_in_bounded_windows() {
        // One sentence of 40 000 figures: quadratic work would not finish.
        let text = format!(
            "共有{}户,其中{}",
            "5",
            "甲村5户、乙村3户,共计8户、".repeat(10_000)
        );
        let found = fired(&text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn table() {
        for (input, want) in CASES {
            assert_eq!(fired(input), *want, "{input}");
        }
    }

    #[test]
    fn lists_that_may_be_some_of_their_total_are_said_not_checked() {
        let pack = crate::Pack::packaged().expect("the packaged rules load");
        let notes = |text: &str| {
            let (doc, facts) = crate::analyse(text);
            pack.unchecked(&doc, &facts)
                .into_iter()
                .map(|(span, why)| (doc.text(&span).to_string(), why))
                .collect::<Vec<_>>()
        };
        for (text, why) in [
            (
                "考核满分100分,其中基础工作40分,重点工作30分,其余为群众评议。",
                "其余部分",
            ),
            (
                "全年受理举报18件,其中市纪委转办6件、县纪委转办9件等。",
                "“等”结尾",
            ),
            ("全村党员45名,其中女党员12名、60岁以上党员20名。", "特征"),
            ("全县共问责45人,其中科级干部12人,股级干部20人。", "职级"),
        ] {
            let found = notes(text);
            assert!(
                found.iter().any(|(at, w)| at == "其中" && w.contains(why)),
                "{text}: {found:?}"
            );
        }
        assert!(notes("受理信访件50件,其中已办结42件,正在办理8件。").is_empty());
    }
}
