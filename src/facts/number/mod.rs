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
//! Prefixes `约` `大约` (About), `近` `将近` `接近` `不足` `不到` `不超过` `不超` (Below), `超过`
//! `超` `逾` `至少` (AtLeast); suffixes `余` `多` (right after the figure or its scale: AtLeast, bounded),
//! `以上` (AtLeast), `以下` `以内` (Below), `左右` (About), after the figure or after the unit.
//! `约` after `节 制 预 契 公 条 违 履 …`, `近` after `最 附 临 靠 …` and `超` after `赶 高` are
//! parts of other words.
//! `近` before a time unit means "the last" (`近三年`), not "nearly": no marker. A `余`/`多`
//! marker wins over any other (their words are then left out of the span); a prefix and a suffix
//! that disagree give About. `多` counts only when a scale, a unit or a non-ideograph follows.

use serde::Serialize;
use std::ops::Range;

mod approx;
mod chars;
mod chinese;
mod figure;
mod scanner;
mod units;
mod words;

pub use chinese::parse_chinese_numeral;
pub use units::is_count_unit;

use scanner::Scanner;

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

/// Every figure in `text`, approximate where a word of `words` marks it; spans are byte offsets
/// into `text`.
pub fn scan_numbers(text: &str, words: &crate::parse::vocab::Approximations) -> Vec<Quantity> {
    let mut scanner = Scanner {
        text,
        words,
        out: Vec::new(),
        last_end: 0,
    };
    let mut i = 0;
    while i < text.len() {
        // Only a numeral starts a figure (百分之 and 千分之 start with one too): the scanner
        // goes straight to the next one.
        let Some(skip) = text[i..].find(figure::is_num_start) else {
            break;
        };
        i += skip;
        i = scanner.step(i).max(i + 1);
        while !text.is_char_boundary(i) {
            i += 1;
        }
    }
    scanner.out
}

#[cfg(test)]
mod tests;
