//! Numbers in report text: Arabic, full-width and Chinese numerals, 万/亿 scaling,
//! written precision, approximation markers and the unit that follows.

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
}

/// Every figure in `text`; spans are byte offsets into `text`.
pub fn scan_numbers(_text: &str) -> Vec<Quantity> {
    Vec::new()
}
