//! Numbers in report text: Arabic, full-width and Chinese numerals, 万/亿 scaling,
//! written precision, approximation markers and the unit that follows.
//!
//! # What is found
//! - Arabic digits `48`, `98.01`, `3945.00` (trailing zeros count as decimals), thousands
//!   separators `1,200` (only groups of exactly three digits after a first group of one to three),
//!   full-width digits `１２３．５`.
//! - Chinese numerals `十二`, `一百零五`, `一百〇五`, `两千`, `三万五千`, colloquial `一百二` (120)
//!   and `三千五` (3500), digit-by-digit `二〇二三`, decimals `十二点五`. Financial numerals
//!   (`壹贰叁…陆…拾佰仟`) are not read: in reports they are far more often names (`陆`, `伍`).
//!   `三四个`, `两三百`, `十五六` (a spread of two neighbouring digits) are one figure, the lower,
//!   with [`Approx::About`].
//! - Percentages `96%`, `96％`, `百分之九十`, `百分之十二点五`; per mille `千分之五` (unit `‰`);
//!   fractions `三分之一` (one figure: written ⅓, unit `分之`, `num_span` covering `三分之一`).
//! - A scale right after the figure: `万` (1e4), `亿` (1e8); after Arabic digits also `百万`,
//!   `千万`, `万亿`. In a Chinese numeral a final `万`/`亿` is the scale when the rest holds no
//!   other `万`/`亿` (`三千万元`: written 3000, scale 1e4); inside it is just part of the value
//!   (`三万五千`: 35000, scale 1).
//! - Ranges `100—3000元`, `100-3000元`, `3至5个`, `3～5个`, `3到5人`: both ends, `in_range`; the
//!   first end takes the unit of the second (and its scale, unless the first is the larger).
//!   When both ends have units they must agree, else it is no range.
//! - Ordinals `第二巡察组`, `第14次`, `第一责任人`: `ordinal`; `第` itself is not in the span.
//!
//! # Units
//! The unit is the longest entry of `UNITS` right after the figure (after the scale and `余`/`多`;
//! one space may stand before it). Decisions:
//! - `个方面` gives unit `方面` (as `三方面` does), so both ways of counting areas agree.
//! - `个月`, `个小时`, `个星期`, `个工作日`, `个季度`, `个百分点` are units of their own (a
//!   duration is not a count of 个); `3个多月` is unit `个月`, at least 3 and below 4.
//! - `度` and `分` follow Arabic digits only (`十分重视`, `一度` are words).
//! - A unit followed by a character that makes a word with it is no unit (`三轮车`, `一次性`,
//!   `期间`, `条件`, `台账`, …), nor is a place-name unit before a place suffix (`七户乡`).
//!
//! # Chinese numerals used as words
//! Arabic figures are always reported (except codes: a Latin letter right before or after,
//! `X814`, `PM2.5`, `5G`; and dotted chains `1.2.3`). A Chinese numeral is reported only when
//! - it is an ordinal (`第…`), or follows `百分之`/`千分之`, or is the denominator of `分之`; or
//! - a unit follows it (directly or through a range), or it carries an approximation marker and is
//!   at least 10 (`二十余`, `逾百`);
//!
//! and never when
//! - it sits in a set phrase (`SET_PHRASES`: `两个维护`, `四个意识`, `八项规定`, `一岗双责`, …)
//!   or in a short quotation of at most 8 characters (`“两个责任”`, `“七站八所”`): slogans;
//! - it is a bare multiplier `百`, `千`, `万`, `千万` with no approximation marker (`千家万户`),
//!   or starts with a multiplier after `几`/`数` (`几十个`, `数百人`: no figure);
//! - it is a lone `一` after a character that makes a word of it (`统一`, `唯一`, `进一步`,
//!   `同一人`, `又一次`, `上一年`, `每一`, `周一`, …), or a lone numeral after `周`/`期`/`初`
//!   (weekdays, 初三);
//! - it is a lone `一` before a unit outside a short list (`个 名 人 项 次 件 条 户 家 所 处 宗 份
//!   场 位 篇 轮 组 类 村 座 本 张 台 辆 套 栋 间 例 种 期 届 号 元 年 月 日 天 周 小时 个月…`), so
//!   `一批`, `一起`, `一层`, `一块`, `一对` are words; a lone `二` before any unit (counting says
//!   `两`: `二次`, `二期` are words);
//! - it is a lone numeral whose unit is followed by a numeral, `多` or `双` (`一户一宅`,
//!   `三天两头`, `五位一体`, `一人多岗`), or any Chinese numeral whose unit is doubled
//!   (`一个个`, `一条条`);
//! - it has decimals but no unit (`零点五` alone; `一点一滴`).
//!
//! A Chinese year written digit by digit is a figure only with its unit: `二〇二三` alone gives
//! nothing, `二〇二三年` gives 2023 年 (dates are the caller's to remove, as with `2023年`).
//!
//! # Approximations
//! Prefixes `约` `大约` (About), `近` `将近` `接近` `不足` `不到` `不超过` (Below), `超过` `逾`
//! `至少` (AtLeast); suffixes `余` `多` (right after the figure or its scale: AtLeast, bounded),
//! `以上` (AtLeast), `以下` `以内` (Below), `左右` (About), after the figure or after the unit.
//! `约` after `节 制 预 契 公 条 违 履 …` and `近` after `最 附 临 靠 …` are parts of other words.
//! `近` before a time unit means "the last" (`近三年`), not "nearly": no marker. A `余`/`多`
//! marker wins over any other (their words are then left out of the span); a prefix and a suffix
//! that disagree give About. `多` counts only when a scale, a unit or a non-ideograph follows.

use serde::Serialize;
use std::ops::Range;

/// How exact a written figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// Written as an exact figure, e.g. "48个", "15.7万元".
    Exact,
    /// At least the figure: "50余次", "三千余个", "10万元以上", "超过20个", "逾百".
    AtLeast,
    /// Below the figure: "近700", "不足10人", "不到5个".
    Below,
    /// Roughly: "约1200吨", "300人左右", "大约".
    About,
}

/// Which digits the figure was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Numeral {
    /// "48", "98.01"
    Arabic,
    /// "４８"
    FullWidth,
    /// "四十八", "两", "一百零五", "〇"
    Chinese,
}

/// One figure found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Bytes of the whole expression: approximation words, digits, scale, unit.
    pub span: Range<usize>,
    /// Bytes of the digits (or Chinese numeral) alone.
    pub num_span: Range<usize>,
    /// The figure as written, before scaling: 15.7 for "15.7万元", 90 for "百分之九十".
    pub written: f64,
    /// Digits written after the decimal point: 2 for "98.01%", 0 for "48".
    pub decimals: u8,
    /// Scale written after the digits: 1e4 for 万, 1e8 for 亿, 1 otherwise.
    pub scale: f64,
    /// The unit that follows (scale excluded): "个", "项", "元", "%", "人次", "方面"; "" when none.
    pub unit: String,
    /// Which digits were used.
    pub numeral: Numeral,
    /// Exact or approximate.
    pub approx: Approx,
    /// Preceded by 第: an ordinal, not a quantity.
    pub ordinal: bool,
    /// One end of a range such as "100—3000元" or "3至5个".
    pub in_range: bool,
}

impl Quantity {
    /// The value in the unit as written, scaled: 157000.0 for "15.7万元".
    pub fn value(&self) -> f64 {
        self.written * self.scale
    }

    /// The values the written figure can stand for, scaled, as `(lo, hi)`; `None` when it is
    /// not to be checked.
    ///
    /// - Exact: `[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]·scale` for `d` written decimals (`98.01` →
    ///   `[98.005, 98.015]`, `32.24万元` → `[322350, 322450]`); a whole, unscaled count of things
    ///   (a unit of [`is_count_unit`]: `48个`, `3个月`) is exactly `[v, v]`, and so is a fraction.
    /// - AtLeast by `余`/`多`: `[v, v + 10ᵏ)·scale`, `10ᵏ` the place of the lowest non-zero
    ///   written digit (`50余` → `[50, 60)`, `三千余` → `[3000, 4000)`, `1.5万余` →
    ///   `[15000, 16000)`, `3个多月` → `[3, 4)`).
    /// - AtLeast by `以上`/`超过`/`逾`/`至少`: `[v, +∞)`.
    /// - Below: `(−∞, v)`.
    /// - About: `None`.
    ///
    /// The bounds are returned as a plain pair; which end is open is as described above.
    /// The kind of an AtLeast is read back from the span layout (`余`/`多` is the only marker of
    /// one ideograph after the figure with no word before it); when that layout is unusual
    /// (a space before the unit, the first end of a range, `10余个方面`, which lays out like
    /// `10方面以上`) the wider `[v, +∞)` is returned, never a narrower one.
    pub fn interval(&self) -> Option<(f64, f64)> {
        let v = self.value();
        if !v.is_finite() {
            return None;
        }
        match self.approx {
            Approx::About => None,
            Approx::Below => Some((f64::NEG_INFINITY, v)),
            Approx::AtLeast => {
                if !self.bounded_at_least() {
                    return Some((v, f64::INFINITY));
                }
                match self.mantissa() {
                    Some((m, p)) => {
                        let mut step = 1.0;
                        let mut rest = m;
                        while rest != 0.0 && rest % 10.0 == 0.0 {
                            rest /= 10.0;
                            step *= 10.0;
                        }
                        Some((m * self.scale / p, (m + step) * self.scale / p))
                    }
                    None => Some((v, f64::INFINITY)),
                }
            }
            Approx::Exact => {
                if self.unit == FRACTION_UNIT
                    || (is_count_unit(&self.unit)
                        && self.decimals == 0
                        && self.written.fract() == 0.0
                        && self.scale == 1.0)
                {
                    return Some((v, v));
                }
                match self.mantissa() {
                    Some((m, p)) => Some((
                        (2.0 * m - 1.0) * self.scale / (2.0 * p),
                        (2.0 * m + 1.0) * self.scale / (2.0 * p),
                    )),
                    None => {
                        let half = 0.5 * 10f64.powi(-i32::from(self.decimals)) * self.scale;
                        Some((v - half, v + half))
                    }
                }
            }
        }
    }

    /// The written figure as an integer `m` and the power `p = 10ᵈ` with `written = m / p`,
    /// when `m` is small enough to be exact in an f64.
    fn mantissa(&self) -> Option<(f64, f64)> {
        let p = 10f64.powi(i32::from(self.decimals));
        let m = (self.written * p).round();
        (m.is_finite() && p.is_finite() && m.abs() < 9.0e15).then_some((m, p))
    }

    /// True when this AtLeast came from `余`/`多`: no word before the figure, and after it
    /// exactly one ideograph besides the scale and the unit.
    fn bounded_at_least(&self) -> bool {
        if self.approx != Approx::AtLeast || self.span.start != self.num_span.start {
            return false;
        }
        let tail = self.span.end.saturating_sub(self.num_span.end);
        let scale_len = scale_bytes(self.scale);
        let surfaces: &[usize] = if self.unit == "%" {
            &[1, 3]
        } else {
            &[self.unit.len()]
        };
        surfaces
            .iter()
            .any(|&s| tail == MARKER_BYTES + scale_len + s)
    }
}

/// Bytes of the one-ideograph markers `余`, `多`.
const MARKER_BYTES: usize = 3;

/// The unit given to fractions `三分之一`.
const FRACTION_UNIT: &str = "分之";

/// Bytes of the scale word for a scale value: `万`, `亿` one ideograph, `百万` `千万` `万亿` two.
fn scale_bytes(scale: f64) -> usize {
    if scale == 1.0 {
        0
    } else if scale == 1e4 || scale == 1e8 {
        3
    } else {
        6
    }
}

// ---------------------------------------------------------------------------------------------
// Units

/// A count of things: whole figures are exact.
const COUNT: u8 = 1;
/// A span of time: `近` before it means "the last".
const TIME: u8 = 2;
/// Allowed after a lone `一`.
const ONE: u8 = 4;
/// Only after Arabic digits.
const ARABIC_ONLY: u8 = 8;
/// Also a place-name syllable (`七户乡`, `五台山`).
const PLACE: u8 = 16;

/// One unit: how it is written and what is reported.
struct UnitDef {
    /// As written.
    surface: &'static str,
    /// As reported in [`Quantity::unit`].
    canon: &'static str,
    flags: u8,
}

const fn unit(surface: &'static str, canon: &'static str, flags: u8) -> UnitDef {
    UnitDef {
        surface,
        canon,
        flags,
    }
}

/// The units recognised after a figure; the longest written form wins.
const UNITS: &[UnitDef] = &[
    // areas and points
    unit("个方面", "方面", COUNT),
    unit("方面", "方面", COUNT),
    unit("个百分点", "个百分点", 0),
    unit("百分点", "百分点", 0),
    // time
    unit("个月", "个月", COUNT | TIME | ONE),
    unit("个小时", "个小时", COUNT | TIME | ONE),
    unit("个星期", "个星期", COUNT | TIME | ONE),
    unit("个工作日", "个工作日", COUNT | TIME | ONE),
    unit("个季度", "个季度", COUNT | TIME | ONE),
    unit("工作日", "工作日", COUNT | TIME | ONE),
    unit("季度", "季度", COUNT | TIME | ONE),
    unit("周年", "周年", COUNT | TIME | ONE),
    unit("小时", "小时", COUNT | TIME | ONE),
    unit("分钟", "分钟", COUNT | TIME | ONE),
    unit("天", "天", COUNT | TIME | ONE),
    unit("日", "日", COUNT | TIME | ONE),
    unit("月", "月", COUNT | TIME | ONE),
    unit("年", "年", COUNT | TIME | ONE),
    unit("周", "周", COUNT | TIME | ONE),
    unit("岁", "岁", 0),
    // counts
    unit("个", "个", COUNT | ONE),
    unit("项", "项", COUNT | ONE),
    unit("条", "条", COUNT | ONE),
    unit("名", "名", COUNT | ONE),
    unit("人次", "人次", COUNT),
    unit("人", "人", COUNT | ONE),
    unit("次", "次", COUNT | ONE),
    unit("件次", "件次", COUNT),
    unit("件", "件", COUNT | ONE),
    unit("户次", "户次", COUNT),
    unit("户", "户", COUNT | ONE | PLACE),
    unit("家", "家", COUNT | ONE | PLACE),
    unit("所", "所", COUNT | ONE),
    unit("处", "处", COUNT | ONE | PLACE),
    unit("起", "起", COUNT),
    unit("宗", "宗", COUNT | ONE),
    unit("份", "份", COUNT | ONE),
    unit("场次", "场次", COUNT),
    unit("场", "场", COUNT | ONE | PLACE),
    unit("批次", "批次", COUNT),
    unit("批", "批", COUNT),
    unit("组", "组", COUNT | ONE),
    unit("村", "村", COUNT | ONE),
    unit("篇", "篇", COUNT | ONE),
    unit("轮", "轮", COUNT | ONE),
    unit("位", "位", COUNT | ONE),
    unit("种", "种", COUNT | ONE),
    unit("类", "类", COUNT | ONE),
    unit("支", "支", COUNT),
    unit("座", "座", COUNT | ONE | PLACE),
    unit("本", "本", COUNT | ONE),
    unit("张", "张", COUNT | ONE),
    unit("块", "块", COUNT),
    unit("层", "层", COUNT),
    unit("栋", "栋", COUNT | ONE),
    unit("间", "间", COUNT | ONE | PLACE),
    unit("套", "套", COUNT | ONE),
    unit("台", "台", COUNT | ONE | PLACE),
    unit("辆", "辆", COUNT | ONE),
    unit("例", "例", COUNT | ONE),
    unit("头", "头", COUNT | ARABIC_ONLY),
    unit("只", "只", COUNT | ARABIC_ONLY),
    unit("棵", "棵", COUNT),
    unit("册", "册", COUNT | ONE),
    unit("盏", "盏", COUNT),
    unit("幅", "幅", COUNT),
    unit("根", "根", COUNT),
    unit("节", "节", COUNT | ARABIC_ONLY),
    unit("课时", "课时", COUNT),
    unit("学时", "学时", COUNT),
    unit("株", "株", COUNT),
    unit("期", "期", COUNT | ONE),
    unit("届", "届", COUNT | ONE),
    unit("号", "号", COUNT | ONE),
    // money, ratios, measures
    unit("元", "元", ONE),
    unit("%", "%", 0),
    unit("％", "%", 0),
    unit("﹪", "%", 0),
    unit("‰", "‰", 0),
    unit("倍", "倍", 0),
    unit("平方公里", "平方公里", 0),
    unit("平方千米", "平方千米", 0),
    unit("平方米", "平方米", 0),
    unit("立方米", "立方米", 0),
    unit("公里", "公里", 0),
    unit("千米", "千米", 0),
    unit("米", "米", 0),
    unit("公顷", "公顷", 0),
    unit("亩", "亩", 0),
    unit("吨", "吨", 0),
    unit("千克", "千克", 0),
    unit("公斤", "公斤", 0),
    unit("斤", "斤", 0),
    unit("千瓦", "千瓦", 0),
    unit("度", "度", ARABIC_ONLY),
    unit("分", "分", ARABIC_ONLY),
];

/// True for units whose whole, unscaled figures are exact counts (`个 项 件 条 人 名 户 次 …`,
/// durations `天 个月 年 …`, `方面`).
pub fn is_count_unit(unit: &str) -> bool {
    UNITS
        .iter()
        .any(|u| u.canon == unit && u.flags & COUNT != 0)
}

/// A unit followed by these characters makes another word: no unit there.
const UNIT_WORDS: &[&str] = &[
    "轮车", "次性", "期间", "个体", "个性", "个案", "条件", "条例", "条龙", "处理", "处置", "处分",
    "起来", "起诉", "组织", "组长", "人民", "所有", "所在", "所以", "名义", "家庭", "家属", "家长",
    "台账", "层面", "层级", "类型", "类别", "天然", "场所", "场地", "张贴", "座谈", "周边", "周围",
    "宗旨", "份额", "户籍", "村民", "村级", "村委", "支部", "支持", "日常", "日益", "年轻", "年龄",
    "种植", "位置", "位于", "本地", "本级", "间隙", "批准", "批评", "元化", "月亮",
];

/// After a place-name unit (`户 家 处 场 座 间 台`) these end a place name.
const PLACE_SUFFIXES: &str = "乡镇县街路庄屯寨堡桥沟岭坪坝湾塘港山河湖峰巷";

#[derive(Debug, Clone, Copy)]
struct UnitMatch {
    canon: &'static str,
    flags: u8,
    end: usize,
    /// `个多月`: the `余`/`多` sits inside the unit.
    marker_inside: bool,
}

/// The unit written at `p`, if any.
fn match_unit(text: &str, p: usize, chinese: bool) -> Option<UnitMatch> {
    let rest = &text[p..];
    // 个多月, 个余月, 个多小时 …
    if let Some(after) = rest.strip_prefix('个') {
        if let Some(after) = after.strip_prefix(['多', '余']) {
            for (word, canon) in [
                ("月", "个月"),
                ("小时", "个小时"),
                ("星期", "个星期"),
                ("工作日", "个工作日"),
                ("季度", "个季度"),
            ] {
                if after.starts_with(word) {
                    return Some(UnitMatch {
                        canon,
                        flags: COUNT | TIME | ONE,
                        end: p + 3 + MARKER_BYTES + word.len(),
                        marker_inside: true,
                    });
                }
            }
        }
    }
    let best = UNITS
        .iter()
        .filter(|u| rest.starts_with(u.surface) && !(chinese && u.flags & ARABIC_ONLY != 0))
        .max_by_key(|u| u.surface.len())?;
    if UNIT_WORDS
        .iter()
        .any(|w| w.len() > best.surface.len() && w.starts_with(best.surface) && rest.starts_with(w))
    {
        return None;
    }
    let end = p + best.surface.len();
    if best.flags & PLACE != 0 && char_at(text, end).is_some_and(|c| PLACE_SUFFIXES.contains(c)) {
        return None;
    }
    Some(UnitMatch {
        canon: best.canon,
        flags: best.flags,
        end,
        marker_inside: false,
    })
}

// ---------------------------------------------------------------------------------------------
// Set phrases and word contexts for Chinese numerals

/// Phrases whose numerals are words, not figures.
const SET_PHRASES: &[&str] = &[
    "两个维护",
    "两个确立",
    "两个责任",
    "两个务必",
    "两个一百年",
    "两个毫不动摇",
    "两个基本点",
    "两个大局",
    "两个结合",
    "两个先锋队",
    "三个代表",
    "三个务必",
    "三个有利于",
    "三个区分开来",
    "三个不放过",
    "四个意识",
    "四个自信",
    "四个全面",
    "四个服从",
    "四个最严",
    "四种形态",
    "一个中心",
    "五位一体",
    "三严三实",
    "两学一做",
    "四风",
    "一岗双责",
    "三重一大",
    "三会一课",
    "一把手",
    "一案双查",
    "一户一宅",
    "一户一档",
    "两委",
    "两违",
    "两新",
    "三资",
    "三农",
    "三务",
    "四下基层",
    "四议两公开",
    "一次性",
    "一起",
    "一件一件",
    "一条一条",
    "一个一个",
    "一项一项",
    "一方面",
    "另一方面",
    "进一步",
    "八项规定",
    "十四五",
    "十三五",
    "十二五",
    "十五五",
    "一带一路",
    "一票否决",
    "一张蓝图",
    "一条龙",
    "一盘棋",
    "一线",
    "一站式",
    "一网通办",
    "跑一次",
    "一次不跑",
    "一对一",
    "一事一议",
    "一村一品",
    "一企一策",
    "一年一度",
    "五个一",
    "六稳六保",
    "一揽子",
    "一体化",
    "七站八所",
    "三线一单",
    "两不愁三保障",
    "九小场所",
    "一点一滴",
    "两点一线",
    "一肩挑",
    "一次办",
    "一门式",
    "一窗受理",
    "一竿子",
    "一刀切",
    "一阵风",
    "一言堂",
    "一锅端",
    "三公经费",
    "五险一金",
    "一本账",
    "一张图",
    "一张网",
    "一张表",
    "三级联动",
    "两个全覆盖",
];

/// Characters before a lone `一` that make a word of it: 统一 唯一 逐一 进一步 同一 又一次 …
const BEFORE_LONE_ONE: &str = "统唯逐进万之同单专如划归合不均纯整某每任另这那哪其初又再上下无周期";

/// Characters before a lone numeral that make it a day name: 周二, 星期三, 初五.
const BEFORE_LONE_DAY: &str = "周期初";

/// True when the numeral run starting at `start` is part of a set phrase.
fn in_set_phrase(text: &str, start: usize) -> bool {
    SET_PHRASES.iter().any(|phrase| {
        let mut prev_num = false;
        phrase.char_indices().any(|(off, c)| {
            let is_start = is_cn_num(c) && !prev_num;
            prev_num = is_cn_num(c);
            is_start
                && start >= off
                && text
                    .get(start - off..)
                    .is_some_and(|s| s.starts_with(phrase))
        })
    })
}

/// True when `start` sits inside a quotation of at most 8 characters: “两个责任”, “七站八所”.
fn in_short_quote(text: &str, start: usize) -> bool {
    const OPEN: &[char] = &['“', '‘', '「', '『', '"'];
    const CLOSE: &[char] = &['”', '’', '」', '』', '"'];
    const STOP: &[char] = &[
        '。', '，', ',', '；', ';', '：', ':', '！', '？', '!', '?', '\n', '\r',
    ];
    let mut back = 0;
    let mut opened = false;
    for c in text[..start].chars().rev().take(9) {
        if OPEN.contains(&c) {
            opened = true;
            break;
        }
        if CLOSE.contains(&c) || STOP.contains(&c) {
            return false;
        }
        back += 1;
    }
    if !opened {
        return false;
    }
    for (fwd, c) in text[start..].chars().take(10).enumerate() {
        if CLOSE.contains(&c) {
            return back + fwd <= 8;
        }
        if OPEN.contains(&c) || STOP.contains(&c) {
            return false;
        }
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Characters

fn char_at(text: &str, p: usize) -> Option<char> {
    text.get(p..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, p: usize) -> Option<char> {
    text.get(..p).and_then(|s| s.chars().next_back())
}

fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c) || c == '_'
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_small(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// 万 and 亿: the power of ten.
fn cn_big(c: char) -> Option<i32> {
    match c {
        '万' => Some(4),
        '亿' => Some(8),
        _ => None,
    }
}

fn is_cn_num(c: char) -> bool {
    cn_digit(c).is_some() || cn_small(c).is_some() || cn_big(c).is_some()
}

/// Two neighbouring digits that mean "a or b": 一两, 两三, 三四, 三五, …
fn is_spread(a: u32, b: u32) -> bool {
    (a >= 1 && b == a + 1) || (a == 3 && b == 5)
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

#[derive(Debug, Clone, Copy)]
struct CnValue {
    value: f64,
    decimals: u8,
    /// `三四`, `十五六`: two neighbouring digits, the value is the lower.
    spread: bool,
    /// Holds a digit (not only 十百千万亿).
    has_digit: bool,
}

/// The value of a whole Chinese numeral such as `一百零五`, `三万五千`, `二〇二三`, `十二点五`,
/// `一百二` (120); `None` when `s` is not one numeral (also for spreads like `三四`).
pub fn parse_chinese_numeral(s: &str) -> Option<f64> {
    let chars: Vec<char> = s.chars().collect();
    match parse_cn(&chars) {
        Some(v) if !v.spread => Some(v.value),
        _ => None,
    }
}

fn parse_cn(chars: &[char]) -> Option<CnValue> {
    let (int, frac) = match chars.iter().position(|&c| c == '点') {
        Some(i) => (&chars[..i], Some(&chars[i + 1..])),
        None => (chars, None),
    };
    if int.is_empty() {
        return None;
    }
    let mut frac_digits = String::new();
    if let Some(f) = frac {
        if f.is_empty() {
            return None;
        }
        for &c in f {
            let d = cn_digit(c)?;
            if c == '两' {
                return None;
            }
            frac_digits.push(char::from(b'0' + d as u8));
        }
    }
    let (int_value, spread, has_digit) = parse_cn_int(int)?;
    if spread && frac.is_some() {
        return None;
    }
    let value = if frac_digits.is_empty() {
        int_value
    } else {
        format!("{int_value:.0}.{frac_digits}")
            .parse::<f64>()
            .ok()?
    };
    Some(CnValue {
        value,
        decimals: frac_digits.len().min(255) as u8,
        spread,
        has_digit,
    })
}

/// The integer part: `(value, spread, has_digit)`.
fn parse_cn_int(int: &[char]) -> Option<(f64, bool, bool)> {
    let has_digit = int.iter().any(|&c| cn_digit(c).is_some());
    let has_unit = int
        .iter()
        .any(|&c| cn_small(c).is_some() || cn_big(c).is_some());
    if !has_unit {
        let ds: Vec<u32> = int.iter().map(|&c| cn_digit(c)).collect::<Option<_>>()?;
        if ds.len() == 1 {
            return Some((f64::from(ds[0]), false, true));
        }
        let has_zero = ds.contains(&0);
        if has_zero || ds.len() >= 3 {
            // written digit by digit: 二〇二三
            if int.contains(&'两') {
                return None;
            }
            let v = ds.iter().fold(0f64, |v, &d| v * 10.0 + f64::from(d));
            return Some((v, false, true));
        }
        return is_spread(ds[0], ds[1]).then_some((f64::from(ds[0]), true, true));
    }
    let mut high = 0f64; // the 亿 part
    let mut wan = 0f64; // the 万 part
    let mut sec = 0f64; // below 万
    let mut pending: Option<u32> = None;
    let mut last_small = 10_000u32;
    let mut last_unit = 1f64;
    let mut zero = false;
    let mut spread = false;
    let mut seen_wan = false;
    let mut seen_yi = false;
    for (i, &c) in int.iter().enumerate() {
        if let Some(d) = cn_digit(c) {
            if d == 0 {
                if pending.is_some() {
                    return None;
                }
                zero = true;
                continue;
            }
            match pending {
                None => pending = Some(d),
                Some(p) if !spread && is_spread(p, d) => spread = true,
                Some(_) => return None,
            }
        } else if let Some(u) = cn_small(c) {
            if u >= last_small {
                return None;
            }
            let m = match pending {
                Some(p) => p,
                None if u == 10 || i == 0 => 1,
                None => return None,
            };
            sec += f64::from(m * u);
            last_small = u;
            last_unit = f64::from(u);
            pending = None;
            zero = false;
        } else if let Some(e) = cn_big(c) {
            let mut s = sec + pending.map_or(0.0, f64::from);
            if e == 4 {
                if seen_wan {
                    return None;
                }
                if s == 0.0 {
                    if i != 0 {
                        return None;
                    }
                    s = 1.0;
                }
                wan = s;
                seen_wan = true;
                last_unit = 1e4;
            } else {
                if seen_yi {
                    return None;
                }
                s += wan * 1e4;
                if s == 0.0 {
                    if i != 0 {
                        return None;
                    }
                    s = 1.0;
                }
                high = s * 1e8;
                wan = 0.0;
                seen_wan = false;
                seen_yi = true;
                last_unit = 1e8;
            }
            sec = 0.0;
            pending = None;
            last_small = 10_000;
            zero = false;
        } else {
            return None;
        }
    }
    let last = match pending {
        // 一百二 = 120, 三千五 = 3500, 两万三 = 23000
        Some(d) if !zero && last_unit >= 100.0 => f64::from(d) * last_unit / 10.0,
        Some(d) => f64::from(d),
        None => 0.0,
    };
    Some((high + wan * 1e4 + sec + last, spread, has_digit))
}

// ---------------------------------------------------------------------------------------------
// The scanner

/// Chinese numeral runs longer than this are not figures.
const MAX_CN_RUN: usize = 24;

#[derive(Debug, Clone)]
struct CnInfo {
    /// The numeral is one character.
    single: Option<char>,
    /// Only multipliers (百, 千万), not 十.
    multiplier_only: bool,
    spread: bool,
    /// End of the whole run of numeral characters.
    run_end: usize,
}

#[derive(Debug, Clone)]
struct Core {
    start: usize,
    num_end: usize,
    /// After the numeral and a Chinese numeral's final 万/亿.
    end: usize,
    written: f64,
    decimals: u8,
    numeral: Numeral,
    scale: f64,
    cn: Option<CnInfo>,
}

impl Core {
    fn reject_end(&self) -> usize {
        self.cn
            .as_ref()
            .map_or(self.end, |c| c.run_end.max(self.end))
    }
}

enum Parsed {
    Core(Core),
    /// Not a figure: go on from here.
    Skip(usize),
}

fn is_num_start(c: char) -> bool {
    arabic_digit(c).is_some() || is_cn_num(c)
}

fn parse_core(text: &str, pos: usize) -> Parsed {
    match char_at(text, pos) {
        Some(c) if arabic_digit(c).is_some() => parse_arabic(text, pos),
        Some(c) if is_cn_num(c) => parse_chinese(text, pos),
        Some(c) => Parsed::Skip(pos + c.len_utf8()),
        None => Parsed::Skip(pos + 1),
    }
}

fn parse_arabic(text: &str, pos: usize) -> Parsed {
    let mut buf = String::new();
    let mut full_width = false;
    let mut p = pos;
    let digits = |p: &mut usize, buf: &mut String, fw: &mut bool| -> usize {
        let mut n = 0;
        while let Some(c) = char_at(text, *p) {
            let Some(d) = arabic_digit(c) else { break };
            *fw |= !c.is_ascii();
            buf.push(char::from(b'0' + d));
            *p += c.len_utf8();
            n += 1;
        }
        n
    };
    let int_len = digits(&mut p, &mut buf, &mut full_width);
    // thousands separators: 1,200 and 12,345,678
    if int_len <= 3 {
        while char_at(text, p) == Some(',') {
            let group: Vec<char> = text[p + 1..].chars().take(4).collect();
            let three = group.len() >= 3 && group[..3].iter().all(|c| arabic_digit(*c).is_some());
            let fourth_digit = group.get(3).is_some_and(|c| arabic_digit(*c).is_some());
            if !three || fourth_digit {
                break;
            }
            p += 1;
            digits(&mut p, &mut buf, &mut full_width);
        }
    }
    let is_point = |c: Option<char>| matches!(c, Some('.') | Some('．'));
    let digit_after = |q: usize| {
        char_at(text, q)
            .map(|c| q + c.len_utf8())
            .and_then(|q2| char_at(text, q2))
            .and_then(arabic_digit)
            .is_some()
    };
    let mut decimals = 0usize;
    if is_point(char_at(text, p)) && digit_after(p) {
        full_width |= char_at(text, p) == Some('．');
        p += char_at(text, p).map_or(1, char::len_utf8);
        buf.push('.');
        decimals = digits(&mut p, &mut buf, &mut full_width);
        if is_point(char_at(text, p)) && digit_after(p) {
            // 1.2.3: a section or version number
            while let Some(c) = char_at(text, p) {
                if arabic_digit(c).is_none() && c != '.' && c != '．' {
                    break;
                }
                p += c.len_utf8();
            }
            return Parsed::Skip(p);
        }
    }
    if char_before(text, pos).is_some_and(is_latin) || char_at(text, p).is_some_and(is_latin) {
        return Parsed::Skip(p);
    }
    let written = match buf.parse::<f64>() {
        Ok(v) if v.is_finite() => v,
        _ => return Parsed::Skip(p),
    };
    Parsed::Core(Core {
        start: pos,
        num_end: p,
        end: p,
        written,
        decimals: decimals.min(255) as u8,
        numeral: if full_width {
            Numeral::FullWidth
        } else {
            Numeral::Arabic
        },
        scale: 1.0,
        cn: None,
    })
}

fn parse_chinese(text: &str, pos: usize) -> Parsed {
    let mut chars = Vec::new();
    let mut ends = Vec::new();
    let mut p = pos;
    while let Some(c) = char_at(text, p) {
        let take = is_cn_num(c)
            || (c == '点'
                && !chars.is_empty()
                && char_at(text, p + c.len_utf8()).is_some_and(|n| cn_digit(n).is_some()));
        if !take {
            break;
        }
        p += c.len_utf8();
        chars.push(c);
        ends.push(p);
    }
    let run_end = p;
    if chars.len() > MAX_CN_RUN {
        return Parsed::Skip(run_end);
    }
    let Some((k, v)) = (1..=chars.len())
        .rev()
        .find_map(|k| parse_cn(&chars[..k]).map(|v| (k, v)))
    else {
        return Parsed::Skip(run_end);
    };
    let end = ends[k - 1];
    let mut num_chars = &chars[..k];
    let mut value = v;
    let mut scale = 1.0;
    let mut num_end = end;
    // a final 万/亿 with no other 万/亿 before it is the scale: 三千万 = 3000 × 1e4
    if let Some(e) = cn_big(chars[k - 1]) {
        let rest = &chars[..k - 1];
        if !rest.is_empty() && !rest.iter().any(|&c| cn_big(c).is_some() || c == '点') {
            if let Some(rv) = parse_cn(rest) {
                value = rv;
                scale = 10f64.powi(e);
                num_chars = rest;
                num_end = ends[k - 2];
            }
        }
    }
    let single = match num_chars {
        [c] => Some(*c),
        _ => None,
    };
    let multiplier_only = !value.has_digit && single != Some('十');
    Parsed::Core(Core {
        start: pos,
        num_end,
        end,
        written: value.value,
        decimals: value.decimals,
        numeral: Numeral::Chinese,
        scale,
        cn: Some(CnInfo {
            single,
            multiplier_only,
            spread: value.spread,
            run_end,
        }),
    })
}

/// What follows a figure: `余`/`多`, a scale, a unit.
#[derive(Debug, Clone, Copy)]
struct Tail {
    marker: bool,
    scale: f64,
    unit: Option<UnitMatch>,
    end: usize,
}

fn scale_at(text: &str, p: usize) -> Option<(f64, usize)> {
    let rest = &text[p..];
    [
        ("万亿", 1e12),
        ("千万", 1e7),
        ("百万", 1e6),
        ("万", 1e4),
        ("亿", 1e8),
    ]
    .iter()
    .find(|(w, _)| rest.starts_with(w))
    .map(|&(w, s)| (s, p + w.len()))
}

fn marker_at(text: &str, p: usize) -> Option<(char, usize)> {
    match char_at(text, p) {
        Some(c @ ('余' | '多')) => Some((c, p + c.len_utf8())),
        _ => None,
    }
}

fn parse_tail(text: &str, core: &Core) -> Tail {
    let with = parse_tail_with(text, core, true);
    match with.1 {
        // 多 counts only before a scale, a unit or a non-ideograph: not in "3多举措"
        Some(after) if with.0.end == after && char_at(text, after).is_some_and(is_ideograph) => {
            parse_tail_with(text, core, false).0
        }
        _ => with.0,
    }
}

/// The tail, and where a `多` marker ended if one was taken.
fn parse_tail_with(text: &str, core: &Core, allow_marker: bool) -> (Tail, Option<usize>) {
    let chinese = core.cn.is_some();
    let mut p = core.end;
    let mut marker = false;
    let mut duo_end = None;
    let mut take_marker = |p: &mut usize, marker: &mut bool| {
        if allow_marker && !*marker {
            if let Some((c, q)) = marker_at(text, *p) {
                *marker = true;
                if c == '多' {
                    duo_end = Some(q);
                }
                *p = q;
            }
        }
    };
    take_marker(&mut p, &mut marker);
    let mut scale = core.scale;
    // a Chinese numeral swallows a following 万 itself, except after 余: 三千余万
    if scale == 1.0 && (!chinese || marker || core.decimals > 0) {
        if let Some((s, q)) = scale_at(text, p) {
            scale = s;
            p = q;
        }
    }
    take_marker(&mut p, &mut marker);
    let mut q = p;
    if matches!(char_at(text, q), Some(' ' | '\u{3000}' | '\u{a0}')) {
        q += char_at(text, q).map_or(1, char::len_utf8);
    }
    let mut unit = match_unit(text, q, chinese);
    if unit.is_some_and(|u| u.marker_inside) && marker {
        unit = None;
    }
    let end = unit.map_or(p, |u| u.end);
    if unit.is_some_and(|u| u.marker_inside) {
        marker = true;
    }
    (
        Tail {
            marker,
            scale,
            unit,
            end,
        },
        duo_end,
    )
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    start: usize,
    end: usize,
    approx: Approx,
    word: &'static str,
}

const PREFIXES: &[(&str, Approx)] = &[
    ("不超过", Approx::Below),
    ("大约", Approx::About),
    ("将近", Approx::Below),
    ("接近", Approx::Below),
    ("超过", Approx::AtLeast),
    ("不足", Approx::Below),
    ("不到", Approx::Below),
    ("至少", Approx::AtLeast),
    ("约", Approx::About),
    ("近", Approx::Below),
    ("逾", Approx::AtLeast),
];

/// Before 约 these make another word: 节约, 制约, 预约 …
const NOT_BEFORE_YUE: &str = "节制预契公条违履邀签集简隐特相婉誓合失践赴要守爽协盟租";
/// Before 近 these make another word: 最近, 附近, 临近 …
const NOT_BEFORE_JIN: &str = "最附临靠亲邻贴就逼新相浅平挨";

fn find_prefix(text: &str, lo: usize, p: usize) -> Option<Marker> {
    let before = text.get(lo..p)?;
    let &(word, approx) = PREFIXES.iter().find(|(w, _)| before.ends_with(w))?;
    let start = p - word.len();
    let prev = char_before(text, start);
    let blocked = match word {
        "约" => prev.is_some_and(|c| NOT_BEFORE_YUE.contains(c)),
        "近" => prev.is_some_and(|c| NOT_BEFORE_JIN.contains(c)),
        _ => false,
    };
    (!blocked).then_some(Marker {
        start,
        end: p,
        approx,
        word,
    })
}

fn find_suffix(text: &str, q: usize) -> Option<Marker> {
    let rest = &text[q..];
    [
        ("以上", Approx::AtLeast),
        ("以下", Approx::Below),
        ("以内", Approx::Below),
        ("左右", Approx::About),
    ]
    .iter()
    .find(|(w, _)| rest.starts_with(w))
    .map(|&(word, approx)| Marker {
        start: q,
        end: q + word.len(),
        approx,
        word,
    })
}

fn combine(prefix: Option<Marker>, suffix: Option<Marker>) -> Approx {
    match (prefix, suffix) {
        (None, None) => Approx::Exact,
        (Some(a), None) | (None, Some(a)) => a.approx,
        (Some(a), Some(b)) if a.approx == b.approx => a.approx,
        _ => Approx::About,
    }
}

const RANGE_SEPARATORS: &[&str] = &["——", "—", "–", "―", "－", "-", "～", "~", "〜", "至", "到"];

fn range_sep(text: &str, p: usize) -> Option<usize> {
    let rest = &text[p..];
    let sep = RANGE_SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
    let q = p + sep.len();
    char_at(text, q).filter(|&c| is_num_start(c)).map(|_| q)
}

/// Whether a Chinese numeral is a figure here (see the module docs).
struct CnContext<'u> {
    unit: Option<&'u UnitMatch>,
    /// The unit is the numeral's own (not inherited from the other end of a range).
    own_unit: bool,
    has_marker: bool,
    ordinal: bool,
    /// First end of a range whose other end is a figure.
    partner: bool,
}

fn cn_accept(text: &str, core: &Core, ctx: &CnContext) -> bool {
    let Some(info) = &core.cn else {
        return true;
    };
    if ctx.ordinal {
        return true;
    }
    if in_set_phrase(text, core.start) || in_short_quote(text, core.start) {
        return false;
    }
    let prev = char_before(text, core.start);
    let first = text[core.start..].chars().next();
    if prev.is_some_and(|p| p == '几' || p == '数')
        && first.is_some_and(|f| cn_small(f).is_some() || cn_big(f).is_some())
    {
        // 几十个, 数百人: "dozens", "hundreds"
        return false;
    }
    if let Some(c) = info.single {
        if c == '一' && prev.is_some_and(|p| BEFORE_LONE_ONE.contains(p)) {
            return false;
        }
        if prev.is_some_and(|p| BEFORE_LONE_DAY.contains(p)) || c == '二' {
            return false;
        }
    }
    if info.multiplier_only && !ctx.has_marker {
        return false;
    }
    match ctx.unit {
        Some(u) => {
            if let Some(c) = info.single {
                if c == '一' && u.flags & ONE == 0 {
                    return false;
                }
                if ctx.own_unit
                    && char_at(text, u.end).is_some_and(|n| is_cn_num(n) || n == '多' || n == '双')
                {
                    return false;
                }
            }
            if ctx.own_unit && char_at(text, u.end) == char_before(text, u.end) {
                // 一个个, 一条条
                return false;
            }
            true
        }
        None => {
            ctx.partner
                || (ctx.has_marker && core.decimals == 0 && core.written * core.scale >= 10.0)
        }
    }
}

struct Scanner<'a> {
    text: &'a str,
    out: Vec<Quantity>,
    last_end: usize,
}

/// Every figure in `text`; spans are byte offsets into `text`.
pub fn scan_numbers(text: &str) -> Vec<Quantity> {
    let mut scanner = Scanner {
        text,
        out: Vec::new(),
        last_end: 0,
    };
    let mut i = 0;
    while i < text.len() {
        i = scanner.step(i).max(i + 1);
        while !text.is_char_boundary(i) {
            i += 1;
        }
    }
    scanner.out
}

impl Scanner<'_> {
    fn step(&mut self, i: usize) -> usize {
        let text = self.text;
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            return i + 1;
        };
        if rest.starts_with("百分之") || rest.starts_with("千分之") {
            if let Some(end) = self.percent(i) {
                return end;
            }
        }
        if is_num_start(c) {
            return self.item(i);
        }
        i + c.len_utf8()
    }

    fn push(&mut self, q: Quantity) {
        self.last_end = q.span.end;
        self.out.push(q);
    }

    /// 百分之九十, 千分之五.
    fn percent(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let unit = if text[pos..].starts_with("百分之") {
            "%"
        } else {
            "‰"
        };
        let Parsed::Core(core) = parse_core(text, pos + 9) else {
            return None;
        };
        if core.scale != 1.0 || core.end != core.num_end {
            return None;
        }
        let prefix = find_prefix(text, self.last_end, pos);
        let suffix = find_suffix(text, core.end);
        let approx = if core.cn.as_ref().is_some_and(|c| c.spread) {
            Approx::About
        } else {
            combine(prefix, suffix)
        };
        let span = prefix.map_or(pos, |m| m.start)..suffix.map_or(core.end, |m| m.end);
        let end = span.end;
        self.push(Quantity {
            span,
            num_span: core.start..core.num_end,
            written: core.written,
            decimals: core.decimals,
            scale: 1.0,
            unit: unit.to_string(),
            numeral: core.numeral,
            approx,
            ordinal: false,
            in_range: false,
        });
        Some(end)
    }

    fn item(&mut self, pos: usize) -> usize {
        let text = self.text;
        let core1 = match parse_core(text, pos) {
            Parsed::Skip(end) => return end,
            Parsed::Core(c) => c,
        };
        let ordinal = char_before(text, core1.start) == Some('第');
        let prefix = if ordinal {
            None
        } else {
            find_prefix(text, self.last_end, core1.start)
        };
        if let Some(end) = self.fraction(&core1, prefix, ordinal) {
            return end;
        }
        let tail1 = parse_tail(text, &core1);
        if let Some(sep_end) = range_sep(text, tail1.end) {
            if let Parsed::Core(core2) = parse_core(text, sep_end) {
                let tail2 = parse_tail(text, &core2);
                let compatible = match (&tail1.unit, &tail2.unit) {
                    (Some(a), Some(b)) => a.canon == b.canon,
                    (Some(_), None) => false,
                    _ => true,
                };
                if compatible {
                    if let Some(end) = self.range(&core1, &tail1, &core2, &tail2, prefix, ordinal) {
                        return end;
                    }
                }
            }
        }
        self.single(&core1, &tail1, prefix, ordinal)
            .unwrap_or_else(|| core1.reject_end())
    }

    /// `近` before a time unit means "the last": not a marker.
    fn drop_recent(prefix: Option<Marker>, unit: Option<&UnitMatch>) -> Option<Marker> {
        match (prefix, unit) {
            (Some(m), Some(u)) if m.word == "近" && u.flags & TIME != 0 => None,
            _ => prefix,
        }
    }

    fn single(
        &mut self,
        core: &Core,
        tail: &Tail,
        prefix: Option<Marker>,
        ordinal: bool,
    ) -> Option<usize> {
        let text = self.text;
        let (prefix, suffix) = if tail.marker {
            (None, None)
        } else {
            (
                Self::drop_recent(prefix, tail.unit.as_ref()),
                find_suffix(text, tail.end),
            )
        };
        let spread = core.cn.as_ref().is_some_and(|c| c.spread);
        let approx = if tail.marker {
            Approx::AtLeast
        } else if spread {
            Approx::About
        } else {
            combine(prefix, suffix)
        };
        let ctx = CnContext {
            unit: tail.unit.as_ref(),
            own_unit: true,
            has_marker: tail.marker || prefix.is_some() || suffix.is_some(),
            ordinal,
            partner: false,
        };
        if core.cn.is_some()
            && (core.decimals > 0 && tail.unit.is_none() || !cn_accept(text, core, &ctx))
        {
            return None;
        }
        let span = prefix.map_or(core.start, |m| m.start)..suffix.map_or(tail.end, |m| m.end);
        let end = span.end;
        self.push(Quantity {
            span,
            num_span: core.start..core.num_end,
            written: core.written,
            decimals: core.decimals,
            scale: tail.scale,
            unit: tail.unit.map_or("", |u| u.canon).to_string(),
            numeral: core.numeral,
            approx,
            ordinal,
            in_range: false,
        });
        Some(end)
    }

    fn range(
        &mut self,
        core1: &Core,
        tail1: &Tail,
        core2: &Core,
        tail2: &Tail,
        prefix: Option<Marker>,
        ordinal: bool,
    ) -> Option<usize> {
        let text = self.text;
        let suffix = if tail2.marker {
            None
        } else {
            find_suffix(text, tail2.end)
        };
        let unit2 = tail2.unit.as_ref();
        let prefix = if tail1.marker {
            None
        } else {
            Self::drop_recent(prefix, tail1.unit.as_ref().or(unit2))
        };
        let shared = combine(prefix, suffix);
        let has_marker = prefix.is_some() || suffix.is_some();
        let approx_of = |core: &Core, tail: &Tail| {
            if tail.marker {
                Approx::AtLeast
            } else if core.cn.as_ref().is_some_and(|c| c.spread) {
                Approx::About
            } else {
                shared
            }
        };
        let unit1 = tail1.unit.as_ref().or(unit2);
        let scale1 = if tail1.unit.is_some() || tail1.scale != 1.0 || core1.written > core2.written
        {
            tail1.scale
        } else {
            tail2.scale
        };
        let ok1 = cn_accept(
            text,
            core1,
            &CnContext {
                unit: unit1,
                own_unit: tail1.unit.is_some(),
                has_marker: has_marker || tail1.marker,
                ordinal,
                partner: true,
            },
        );
        let ok2 = cn_accept(
            text,
            core2,
            &CnContext {
                unit: unit2,
                own_unit: true,
                has_marker: has_marker || tail2.marker,
                ordinal,
                partner: false,
            },
        );
        let no_decimal_words = |core: &Core, unit: Option<&UnitMatch>| {
            core.cn.is_none() || core.decimals == 0 || unit.is_some()
        };
        if !(ok1 && ok2 && no_decimal_words(core1, unit1) && no_decimal_words(core2, unit2)) {
            return None;
        }
        let span1 = prefix.map_or(core1.start, |m| m.start)..tail1.end;
        let span2 = core2.start..suffix.map_or(tail2.end, |m| m.end);
        let end = span2.end;
        self.push(Quantity {
            span: span1,
            num_span: core1.start..core1.num_end,
            written: core1.written,
            decimals: core1.decimals,
            scale: scale1,
            unit: unit1.map_or("", |u| u.canon).to_string(),
            numeral: core1.numeral,
            approx: approx_of(core1, tail1),
            ordinal,
            in_range: true,
        });
        self.push(Quantity {
            span: span2,
            num_span: core2.start..core2.num_end,
            written: core2.written,
            decimals: core2.decimals,
            scale: tail2.scale,
            unit: unit2.map_or("", |u| u.canon).to_string(),
            numeral: core2.numeral,
            approx: approx_of(core2, tail2),
            ordinal,
            in_range: true,
        });
        Some(end)
    }

    /// 三分之一: one figure, written ⅓, unit 分之.
    fn fraction(&mut self, core1: &Core, prefix: Option<Marker>, ordinal: bool) -> Option<usize> {
        let text = self.text;
        if ordinal || core1.scale != 1.0 || core1.written == 0.0 || core1.end != core1.num_end {
            return None;
        }
        let q = core1.end + FRACTION_UNIT.len();
        if !text[core1.end..].starts_with(FRACTION_UNIT) {
            return None;
        }
        let Parsed::Core(core2) = parse_core(text, q) else {
            return None;
        };
        if core2.scale != 1.0 || core2.end != core2.num_end {
            return None;
        }
        if core1.cn.is_some()
            && (in_set_phrase(text, core1.start) || in_short_quote(text, core1.start))
        {
            return None;
        }
        let suffix = find_suffix(text, core2.end);
        let span = prefix.map_or(core1.start, |m| m.start)..suffix.map_or(core2.end, |m| m.end);
        let end = span.end;
        self.push(Quantity {
            span,
            num_span: core1.start..core2.num_end,
            written: core2.written / core1.written,
            decimals: 0,
            scale: 1.0,
            unit: FRACTION_UNIT.to_string(),
            numeral: core1.numeral,
            approx: combine(prefix, suffix),
            ordinal: false,
            in_range: false,
        });
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Approx::{About, AtLeast, Below, Exact};
    use proptest::prelude::*;

    /// One expected figure: spanned text, written, decimals, scale, unit, approx, ordinal, range.
    #[derive(Debug)]
    struct Want {
        span: &'static str,
        written: f64,
        decimals: u8,
        scale: f64,
        unit: &'static str,
        approx: Approx,
        ordinal: bool,
        in_range: bool,
    }

    fn w(
        span: &'static str,
        written: f64,
        decimals: u8,
        scale: f64,
        unit: &'static str,
        approx: Approx,
    ) -> Want {
        Want {
            span,
            written,
            decimals,
            scale,
            unit,
            approx,
            ordinal: false,
            in_range: false,
        }
    }

    impl Want {
        fn ord(mut self) -> Want {
            self.ordinal = true;
            self
        }
        fn rng(mut self) -> Want {
            self.in_range = true;
            self
        }
    }

    fn check(input: &str, want: &[Want]) {
        let got = scan_numbers(input);
        let shown: Vec<String> = got
            .iter()
            .map(|q| format!("{:?}={:?}", &input[q.span.clone()], q))
            .collect();
        assert_eq!(got.len(), want.len(), "{input}: got {shown:#?}");
        for (q, e) in got.iter().zip(want) {
            let ctx = format!("{input}: {e:?} vs {shown:#?}");
            assert_eq!(&input[q.span.clone()], e.span, "{ctx}");
            assert!((q.written - e.written).abs() < 1e-9, "{ctx}");
            assert_eq!(q.decimals, e.decimals, "{ctx}");
            assert_eq!(q.scale, e.scale, "{ctx}");
            assert_eq!(q.unit, e.unit, "{ctx}");
            assert_eq!(q.approx, e.approx, "{ctx}");
            assert_eq!(q.ordinal, e.ordinal, "{ctx}");
            assert_eq!(q.in_range, e.in_range, "{ctx}");
        }
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, Vec<Want>)> = vec![
            // counts, money, percentages
            (
                "白鹭村共梳理出48个问题",
                vec![w("48个", 48.0, 0, 1.0, "个", Exact)],
            ),
            (
                "整改完成率达98.01%。",
                vec![w("98.01%", 98.01, 2, 1.0, "%", Exact)],
            ),
            ("已销号的占96％", vec![w("96％", 96.0, 0, 1.0, "%", Exact)]),
            (
                "发放耕地补助15.7万元",
                vec![w("15.7万元", 15.7, 1, 1e4, "元", Exact)],
            ),
            (
                "追回资金204946.55元",
                vec![w("204946.55元", 204946.55, 2, 1.0, "元", Exact)],
            ),
            (
                "累计退缴35.1996万元",
                vec![w("35.1996万元", 35.1996, 4, 1e4, "元", Exact)],
            ),
            (
                "清偿欠款850万元",
                vec![w("850万元", 850.0, 0, 1e4, "元", Exact)],
            ),
            (
                "收回租金3945.00元",
                vec![w("3945.00元", 3945.0, 2, 1.0, "元", Exact)],
            ),
            (
                "清运淤泥1,200吨",
                vec![w("1,200吨", 1200.0, 0, 1.0, "吨", Exact)],
            ),
            (
                "投入12,345,678.5元",
                vec![w("12,345,678.5元", 12345678.5, 1, 1.0, "元", Exact)],
            ),
            (
                "排查１２３个点位",
                vec![w("１２３个", 123.0, 0, 1.0, "个", Exact)],
            ),
            (
                "堆放１２３．５吨",
                vec![w("１２３．５吨", 123.5, 1, 1.0, "吨", Exact)],
            ),
            ("投资1.5亿元", vec![w("1.5亿元", 1.5, 1, 1e8, "元", Exact)]),
            ("一笔3千万元", vec![w("3千万元", 3.0, 0, 1e7, "元", Exact)]),
            ("参训2 项", vec![w("2 项", 2.0, 0, 1.0, "项", Exact)]),
            // Chinese numerals
            (
                "查出十二个问题",
                vec![w("十二个", 12.0, 0, 1.0, "个", Exact)],
            ),
            (
                "涉及一百零五人",
                vec![w("一百零五人", 105.0, 0, 1.0, "人", Exact)],
            ),
            (
                "涉及一百〇五户",
                vec![w("一百〇五户", 105.0, 0, 1.0, "户", Exact)],
            ),
            ("补贴两千元", vec![w("两千元", 2000.0, 0, 1.0, "元", Exact)]),
            (
                "涉及一百二十人",
                vec![w("一百二十人", 120.0, 0, 1.0, "人", Exact)],
            ),
            (
                "整治坑塘三千余个",
                vec![w("三千余个", 3000.0, 0, 1.0, "个", AtLeast)],
            ),
            (
                "覆盖三万五千人",
                vec![w("三万五千人", 35000.0, 0, 1.0, "人", Exact)],
            ),
            (
                "安排三千万元",
                vec![w("三千万元", 3000.0, 0, 1e4, "元", Exact)],
            ),
            (
                "筹集三千余万元",
                vec![w("三千余万元", 3000.0, 0, 1e4, "元", AtLeast)],
            ),
            (
                "归集三万余元",
                vec![w("三万余元", 3.0, 0, 1e4, "元", AtLeast)],
            ),
            ("梳理两个问题", vec![w("两个", 2.0, 0, 1.0, "个", Exact)]),
            ("约谈一名干部", vec![w("一名", 1.0, 0, 1.0, "名", Exact)]),
            // deliberately not reported: a set phrase, not a count
            ("坚决做到两个维护", vec![]),
            // deliberately not reported: a set phrase
            ("牢固树立四个意识", vec![]),
            // deliberately not reported: a slogan in a short quotation
            ("落实“两个责任”不力", vec![]),
            // deliberately not reported: 八项规定 is a name
            ("违反中央八项规定精神", vec![]),
            // deliberately not reported: both numerals sit in a short quotation
            ("沿用“七站八所”模式", vec![]),
            (
                "分为三方面问题",
                vec![w("三方面", 3.0, 0, 1.0, "方面", Exact)],
            ),
            (
                "归纳为4个方面",
                vec![w("4个方面", 4.0, 0, 1.0, "方面", Exact)],
            ),
            // approximations
            (
                "入户走访50余次",
                vec![w("50余次", 50.0, 0, 1.0, "次", AtLeast)],
            ),
            (
                "召开院坝会50多次",
                vec![w("50多次", 50.0, 0, 1.0, "次", AtLeast)],
            ),
            (
                "清理垃圾约1200吨",
                vec![w("约1200吨", 1200.0, 0, 1.0, "吨", About)],
            ),
            (
                "参训300人左右",
                vec![w("300人左右", 300.0, 0, 1.0, "人", About)],
            ),
            (
                "单笔10万元以上",
                vec![w("10万元以上", 10.0, 0, 1e4, "元", AtLeast)],
            ),
            (
                "惠及近700户",
                vec![w("近700户", 700.0, 0, 1.0, "户", Below)],
            ),
            (
                "在岗不足10人",
                vec![w("不足10人", 10.0, 0, 1.0, "人", Below)],
            ),
            (
                "覆盖超过20个村",
                vec![w("超过20个", 20.0, 0, 1.0, "个", AtLeast)],
            ),
            (
                "收回1.5万余元",
                vec![w("1.5万余元", 1.5, 1, 1e4, "元", AtLeast)],
            ),
            (
                "拖延3个多月",
                vec![w("3个多月", 3.0, 0, 1.0, "个月", AtLeast)],
            ),
            (
                "接访两个多小时",
                vec![w("两个多小时", 2.0, 0, 1.0, "个小时", AtLeast)],
            ),
            (
                "达标率百分之九十以上",
                vec![w("百分之九十以上", 90.0, 0, 1.0, "%", AtLeast)],
            ),
            (
                "合格率96%以上",
                vec![w("96%以上", 96.0, 0, 1.0, "%", AtLeast)],
            ),
            (
                "招募逾百人",
                vec![w("逾百人", 100.0, 0, 1.0, "人", AtLeast)],
            ),
            ("收到二十余封", vec![w("二十余", 20.0, 0, 1.0, "", AtLeast)]),
            ("新建两三个", vec![w("两三个", 2.0, 0, 1.0, "个", About)]),
            (
                "抽调十五六人",
                vec![w("十五六人", 15.0, 0, 1.0, "人", About)],
            ),
            ("将近3年未缴", vec![w("将近3年", 3.0, 0, 1.0, "年", Below)]),
            // 近 before a time unit is "the last", not "nearly"
            ("近三年来", vec![w("三年", 3.0, 0, 1.0, "年", Exact)]),
            // 节约 is a word, 约 no marker
            ("节约资金3万元", vec![w("3万元", 3.0, 0, 1e4, "元", Exact)]),
            // ranges
            (
                "每户补助100—3000元",
                vec![
                    w("100", 100.0, 0, 1.0, "元", Exact).rng(),
                    w("3000元", 3000.0, 0, 1.0, "元", Exact).rng(),
                ],
            ),
            (
                "每月100-3000元左右",
                vec![
                    w("100", 100.0, 0, 1.0, "元", About).rng(),
                    w("3000元左右", 3000.0, 0, 1.0, "元", About).rng(),
                ],
            ),
            (
                "每村3至5个",
                vec![
                    w("3", 3.0, 0, 1.0, "个", Exact).rng(),
                    w("5个", 5.0, 0, 1.0, "个", Exact).rng(),
                ],
            ),
            (
                "每组3～5个",
                vec![
                    w("3", 3.0, 0, 1.0, "个", Exact).rng(),
                    w("5个", 5.0, 0, 1.0, "个", Exact).rng(),
                ],
            ),
            (
                "每组3到5人",
                vec![
                    w("3", 3.0, 0, 1.0, "人", Exact).rng(),
                    w("5人", 5.0, 0, 1.0, "人", Exact).rng(),
                ],
            ),
            (
                "每组三至五个",
                vec![
                    w("三", 3.0, 0, 1.0, "个", Exact).rng(),
                    w("五个", 5.0, 0, 1.0, "个", Exact).rng(),
                ],
            ),
            (
                "奖励3至5万元",
                vec![
                    w("3", 3.0, 0, 1e4, "元", Exact).rng(),
                    w("5万元", 5.0, 0, 1e4, "元", Exact).rng(),
                ],
            ),
            (
                "约3至5个",
                vec![
                    w("约3", 3.0, 0, 1.0, "个", About).rng(),
                    w("5个", 5.0, 0, 1.0, "个", About).rng(),
                ],
            ),
            (
                "规划2031—2035年",
                vec![
                    w("2031", 2031.0, 0, 1.0, "年", Exact).rng(),
                    w("2035年", 2035.0, 0, 1.0, "年", Exact).rng(),
                ],
            ),
            // units disagree: no range
            (
                "3个到5人",
                vec![
                    w("3个", 3.0, 0, 1.0, "个", Exact),
                    w("5人", 5.0, 0, 1.0, "人", Exact),
                ],
            ),
            // ordinals
            (
                "县委第二巡察组",
                vec![w("二", 2.0, 0, 1.0, "", Exact).ord()],
            ),
            (
                "第14次会议",
                vec![w("14次", 14.0, 0, 1.0, "次", Exact).ord()],
            ),
            (
                "作为第一责任人",
                vec![w("一", 1.0, 0, 1.0, "", Exact).ord()],
            ),
            (
                "第3至5条",
                vec![
                    w("3", 3.0, 0, 1.0, "条", Exact).ord().rng(),
                    w("5条", 5.0, 0, 1.0, "条", Exact).ord().rng(),
                ],
            ),
            // deliberately not reported: 一是 has no unit
            ("一是强化学习", vec![]),
            // deliberately not reported: 一方面 is a set phrase
            ("一方面加强监督，另一方面压实责任", vec![]),
            // deliberately not reported: 进一步 is a word
            ("进一步压实责任", vec![]),
            // deliberately not reported: 统一, 唯一, 同一 make words of 一
            ("统一部署，唯一标准，同一人", vec![]),
            // deliberately not reported: set phrases
            ("落实一岗双责和三重一大，坚持三会一课", vec![]),
            // deliberately not reported: set phrases
            ("一把手一案双查，一户一宅，两委两违三资，四下基层", vec![]),
            // deliberately not reported: 一次性 and 一批 are words
            ("一次性告知，引进一批企业，深入一线", vec![]),
            // deliberately not reported: 一起 is "together"
            ("一起研究", vec![]),
            // deliberately not reported: 又一次, 三天两头, 五位一体
            ("又一次督办，三天两头，五位一体", vec![]),
            // deliberately not reported: 三轮车, 十分 (very), 千家万户
            ("三轮车载人，十分重视，千家万户", vec![]),
            // deliberately not reported: 七户乡 is a place name
            ("青石县七户乡", vec![]),
            // deliberately not reported: 周一 is Monday
            ("每周一例会", vec![]),
            // deliberately not reported: 几十, 数百 name no figure
            ("几十个村，数百人", vec![]),
            // deliberately not reported: 二次 is "secondary" (two times is 两次)
            ("防止二次污染", vec![]),
            // percent words
            (
                "知晓率达百分之九十",
                vec![w("百分之九十", 90.0, 0, 1.0, "%", Exact)],
            ),
            (
                "下降百分之十二点五",
                vec![w("百分之十二点五", 12.5, 1, 1.0, "%", Exact)],
            ),
            (
                "差错率千分之五",
                vec![w("千分之五", 5.0, 0, 1.0, "‰", Exact)],
            ),
            (
                "不少于三分之一",
                vec![w("三分之一", 1.0 / 3.0, 0, 1.0, "分之", Exact)],
            ),
            // codes: deliberately not reported
            ("沿X814县道", vec![]),
            // deliberately not reported: PM2.5 is a name
            ("PM2.5浓度", vec![]),
            // deliberately not reported: 5G is a name
            ("建成5G基站", vec![]),
            // deliberately not reported: a dotted section number
            ("见1.2.3节", vec![]),
            // deliberately not reported: a Chinese year with no unit after it
            ("二〇二三", vec![]),
            (
                "二〇二三年",
                vec![w("二〇二三年", 2023.0, 0, 1.0, "年", Exact)],
            ),
            // deliberately not reported: a Chinese decimal with no unit
            ("零点五", vec![]),
            (
                "下降零点五个百分点",
                vec![w("零点五个百分点", 0.5, 1, 1.0, "个百分点", Exact)],
            ),
            (
                "结余零点五亿元",
                vec![w("零点五亿元", 0.5, 1, 1e8, "元", Exact)],
            ),
            // a heading number: no decimals
            ("1.针对", vec![w("1", 1.0, 0, 1.0, "", Exact)]),
            (
                "〔2023〕18号",
                vec![
                    w("2023", 2023.0, 0, 1.0, "", Exact),
                    w("18号", 18.0, 0, 1.0, "号", Exact),
                ],
            ),
            // not thousands: groups of other lengths
            (
                "2,3,4项",
                vec![
                    w("2", 2.0, 0, 1.0, "", Exact),
                    w("3", 3.0, 0, 1.0, "", Exact),
                    w("4项", 4.0, 0, 1.0, "项", Exact),
                ],
            ),
            (
                "12,3456元",
                vec![
                    w("12", 12.0, 0, 1.0, "", Exact),
                    w("3456元", 3456.0, 0, 1.0, "元", Exact),
                ],
            ),
        ];
        assert!(cases.len() >= 45);
        for (input, want) in &cases {
            check(input, want);
        }
    }

    #[test]
    fn numeral_kinds_and_spans() {
        let text = "排查１２３个，完成48个，剩余十二个";
        let got = scan_numbers(text);
        let kinds: Vec<Numeral> = got.iter().map(|q| q.numeral).collect();
        assert_eq!(
            kinds,
            [Numeral::FullWidth, Numeral::Arabic, Numeral::Chinese]
        );
        let nums: Vec<&str> = got.iter().map(|q| &text[q.num_span.clone()]).collect();
        assert_eq!(nums, ["１２３", "48", "十二"]);
        let q = &scan_numbers("约1.5万余元")[0];
        assert_eq!(q.approx, AtLeast, "余 wins over 约");
        assert_eq!(q.span, 3..15);
        let q = &scan_numbers("百分之九十")[0];
        assert_eq!(q.num_span, 9..15);
    }

    #[test]
    fn chinese_numeral_values() {
        for (s, v) in [
            ("十", Some(10.0)),
            ("十二", Some(12.0)),
            ("二十", Some(20.0)),
            ("一百零五", Some(105.0)),
            ("一百〇五", Some(105.0)),
            ("一千零十", Some(1010.0)),
            ("两千", Some(2000.0)),
            ("三万五千", Some(35000.0)),
            ("三万零五", Some(30005.0)),
            ("一百二", Some(120.0)),
            ("三千五", Some(3500.0)),
            ("两万三", Some(23000.0)),
            ("一亿二千万", Some(1.2e8)),
            ("一万亿", Some(1e12)),
            ("二〇二三", Some(2023.0)),
            ("一九九八", Some(1998.0)),
            ("十二点五", Some(12.5)),
            ("零点零五", Some(0.05)),
            ("百", Some(100.0)),
            ("三四", None),
            ("十十", None),
            ("百千", None),
            ("点五", None),
            ("五点", None),
            ("", None),
            ("万万", None),
        ] {
            assert_eq!(parse_chinese_numeral(s), v, "{s}");
        }
    }

    fn iv(text: &str) -> Option<(f64, f64)> {
        let got = scan_numbers(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        got[0].interval()
    }

    fn close(a: Option<(f64, f64)>, b: (f64, f64)) -> bool {
        let same = |x: f64, y: f64| x == y || (x - y).abs() <= 1e-9 * x.abs().max(1.0);
        a.is_some_and(|(lo, hi)| same(lo, b.0) && same(hi, b.1))
    }

    #[test]
    fn intervals_exact() {
        assert_eq!(iv("98.01%"), Some((98.005, 98.015)));
        assert_eq!(iv("占96%"), Some((95.5, 96.5)));
        assert_eq!(iv("32.24万元"), Some((322350.0, 322450.0)));
        assert_eq!(iv("16.25万元"), Some((162450.0, 162550.0)));
        assert!(close(iv("3945.00元"), (3944.995, 3945.005)));
        assert_eq!(iv("66.57万元"), Some((665650.0, 665750.0)));
        assert_eq!(iv("两千元"), Some((1999.5, 2000.5)));
        // whole counts are exact
        assert_eq!(iv("48个"), Some((48.0, 48.0)));
        assert_eq!(iv("151条"), Some((151.0, 151.0)));
        assert_eq!(iv("三方面"), Some((3.0, 3.0)));
        assert_eq!(iv("3个月"), Some((3.0, 3.0)));
        // a count with decimals or a scale is a rounded figure
        assert_eq!(iv("2.5万人"), Some((24500.0, 25500.0)));
        assert_eq!(iv("3万人"), Some((25000.0, 35000.0)));
        // a fraction is exact
        assert_eq!(iv("三分之一"), Some((1.0 / 3.0, 1.0 / 3.0)));
        // an ordinal is read like any figure
        assert_eq!(iv("第14次"), Some((14.0, 14.0)));
    }

    #[test]
    fn intervals_approximate() {
        // 余/多: up to the next unit of the lowest written digit
        assert_eq!(iv("50余次"), Some((50.0, 60.0)));
        assert_eq!(iv("50多次"), Some((50.0, 60.0)));
        assert_eq!(iv("三千余个"), Some((3000.0, 4000.0)));
        assert_eq!(iv("1200余吨"), Some((1200.0, 1300.0)));
        assert_eq!(iv("120余人"), Some((120.0, 130.0)));
        assert_eq!(iv("1.5万余元"), Some((15000.0, 16000.0)));
        assert_eq!(iv("50余万元"), Some((500000.0, 600000.0)));
        assert_eq!(iv("三千余万元"), Some((3e7, 4e7)));
        assert_eq!(iv("三万余元"), Some((30000.0, 40000.0)));
        assert_eq!(iv("万余元"), Some((10000.0, 20000.0)));
        assert_eq!(iv("二十余"), Some((20.0, 30.0)));
        assert_eq!(iv("3个多月"), Some((3.0, 4.0)));
        assert_eq!(iv("90余%"), Some((90.0, 100.0)));
        assert_eq!(iv("90余％"), Some((90.0, 100.0)));
        assert_eq!(iv("4余方面"), Some((4.0, 5.0)));
        // open upwards
        let inf = f64::INFINITY;
        assert_eq!(iv("10万元以上"), Some((100000.0, inf)));
        assert_eq!(iv("10万以上"), Some((100000.0, inf)));
        assert_eq!(iv("50以上"), Some((50.0, inf)));
        assert_eq!(iv("50次以上"), Some((50.0, inf)));
        assert_eq!(iv("超过20个"), Some((20.0, inf)));
        assert_eq!(iv("逾百人"), Some((100.0, inf)));
        assert_eq!(iv("至少3项"), Some((3.0, inf)));
        assert_eq!(iv("96%以上"), Some((96.0, inf)));
        assert_eq!(iv("96％以上"), Some((96.0, inf)));
        assert_eq!(iv("百分之九十以上"), Some((90.0, inf)));
        assert_eq!(iv("超过百分之九十"), Some((90.0, inf)));
        assert_eq!(iv("4个方面以上"), Some((4.0, inf)));
        assert_eq!(iv("4方面以上"), Some((4.0, inf)));
        assert_eq!(iv("3个月以上"), Some((3.0, inf)));
        // below
        let ninf = f64::NEG_INFINITY;
        assert_eq!(iv("近700户"), Some((ninf, 700.0)));
        assert_eq!(iv("不足10人"), Some((ninf, 10.0)));
        assert_eq!(iv("不到5个"), Some((ninf, 5.0)));
        assert_eq!(iv("10万元以下"), Some((ninf, 100000.0)));
        // about: never checked
        assert_eq!(iv("约1200吨"), None);
        assert_eq!(iv("300人左右"), None);
        assert_eq!(iv("两三个"), None);
    }

    /// The kind of an AtLeast (bounded 余/多 or open 以上/超过/逾/至少) is read back from the
    /// span layout: check every layout the scanner makes.
    #[test]
    fn at_least_kind_round_trips() {
        let mut checked = 0;
        for num in ["50", "五十", "1.5", "１２"] {
            for scale in ["", "万"] {
                for unit in [
                    "",
                    "个",
                    "%",
                    "％",
                    "个方面",
                    "方面",
                    "元",
                    "个月",
                    "平方米",
                ] {
                    for (before, after_num, after_unit, bounded) in [
                        ("", "余", "", true),
                        ("", "多", "", true),
                        ("", "", "以上", false),
                        ("超过", "", "", false),
                        ("逾", "", "", false),
                        ("至少", "", "", false),
                    ] {
                        let text = format!("{before}{num}{after_num}{scale}{unit}{after_unit}");
                        let got = scan_numbers(&text);
                        assert_eq!(got.len(), 1, "{text}: {got:?}");
                        let q = &got[0];
                        assert_eq!(q.approx, AtLeast, "{text}: {q:?}");
                        assert_eq!(&text[q.span.clone()], text, "{text}");
                        let (lo, hi) = q.interval().unwrap();
                        assert_eq!(lo, q.value(), "{text}");
                        // 余个方面 reads like 方面以上 (unit 方面 either way): the wider reading
                        let bounded = bounded && unit != "个方面";
                        assert_eq!(hi.is_finite(), bounded, "{text}: {q:?} {hi}");
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 4 * 2 * 9 * 6);
    }

    #[test]
    fn range_intervals() {
        let got = scan_numbers("50余至60余次");
        assert_eq!(got.len(), 2);
        // the first end's unit is not in its span: the wider reading
        assert_eq!(got[0].interval(), Some((50.0, f64::INFINITY)));
        assert_eq!(got[1].interval(), Some((60.0, 70.0)));
        let got = scan_numbers("3至5个以上");
        assert_eq!(got[0].interval(), Some((3.0, f64::INFINITY)));
        assert_eq!(got[1].interval(), Some((5.0, f64::INFINITY)));
    }

    #[test]
    fn long_and_odd_inputs() {
        let long_digits = "9".repeat(400);
        assert!(scan_numbers(&long_digits).is_empty(), "not a finite figure");
        let long_cn = "一".repeat(100);
        assert!(scan_numbers(&long_cn).is_empty());
        assert!(scan_numbers("").is_empty());
        assert!(scan_numbers("，。%万元余").is_empty());
    }

    fn alphabet() -> impl Strategy<Value = String> {
        let atoms = vec![
            "0",
            "1",
            "2",
            "5",
            "9",
            "５",
            ".",
            "．",
            ",",
            "一",
            "二",
            "两",
            "三",
            "十",
            "百",
            "千",
            "万",
            "亿",
            "〇",
            "零",
            "点",
            "余",
            "多",
            "约",
            "近",
            "不足",
            "超过",
            "第",
            "个",
            "方面",
            "个方面",
            "%",
            "％",
            "元",
            "万元",
            "以上",
            "左右",
            "至",
            "—",
            "-",
            "分之",
            "百分之",
            "“",
            "”",
            "X",
            "a",
            " ",
            "，",
            "次",
            "性",
            "年",
            "月",
            "户",
            "乡",
        ];
        prop::collection::vec(prop::sample::select(atoms), 0..40).prop_map(|v| v.concat())
    }

    fn invariants(text: &str) {
        let got = scan_numbers(text);
        let mut last = 0;
        for q in &got {
            for r in [&q.span, &q.num_span] {
                assert!(r.start <= r.end && r.end <= text.len(), "{text:?} {q:?}");
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
            assert!(q.span.start <= q.num_span.start && q.num_span.end <= q.span.end);
            assert!(!q.num_span.is_empty());
            assert!(
                q.span.start >= last,
                "spans in order, apart: {text:?} {got:?}"
            );
            last = q.span.end;
            assert!(q.written.is_finite() && q.scale.is_finite());
            if let Some((lo, hi)) = q.interval() {
                assert!(lo <= hi, "{text:?} {q:?}");
            }
        }
        assert_eq!(got, scan_numbers(text), "deterministic");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn any_text(text in "\\PC*") {
            invariants(&text);
        }

        #[test]
        fn numeral_soup(text in alphabet()) {
            invariants(&text);
        }
    }
}
