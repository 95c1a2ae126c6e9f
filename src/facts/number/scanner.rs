//! The scanner: figures, ranges, fractions and percentages, one after another through the text.

use super::approx::{Marker, combine, find_prefix, find_suffix, range_sep};
use super::chars::char_before;
use super::figure::{Core, Parsed, Tail, is_num_start, parse_core, parse_tail};
use super::units::{TIME, UnitMatch};
use super::words::{CnContext, cn_accept, in_set_phrase, in_short_quote};
use super::{Approx, FRACTION_UNIT, Quantity};
use std::ops::Range;

pub(super) struct Scanner<'a> {
    pub(super) text: &'a str,
    pub(super) out: Vec<Quantity>,
    pub(super) last_end: usize,
    /// The words that make a figure approximate.
    pub(super) words: &'a crate::parse::vocab::Approximations,
}

impl Scanner<'_> {
    pub(super) fn step(&mut self, i: usize) -> usize {
        let text = self.text;
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            return i + 1;
        };
        if matches!(c, '百' | '千') && (rest.starts_with("百分之") || rest.starts_with("千分之"))
        {
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
        let prefix = find_prefix(text, self.last_end, pos, self.words);
        let suffix = find_suffix(text, core.end, self.words);
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
            find_prefix(text, self.last_end, core1.start, self.words)
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

    /// `近` (a word of the vocabulary's `approx.recent`) before a time unit means "the last":
    /// not a marker.
    fn drop_recent(prefix: Option<Marker>, unit: Option<&UnitMatch>) -> Option<Marker> {
        match (prefix, unit) {
            (Some(m), Some(u)) if m.recent && u.flags & TIME != 0 => None,
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
                find_suffix(text, tail.end, self.words),
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

    /// The markers of a range: the prefix before its first end and the suffix after its
    /// second, each left out when that end has `余`/`多`; `近` before a time unit is no marker.
    fn range_markers(
        &self,
        tail1: &Tail,
        tail2: &Tail,
        prefix: Option<Marker>,
    ) -> (Option<Marker>, Option<Marker>) {
        let suffix = if tail2.marker {
            None
        } else {
            find_suffix(self.text, tail2.end, self.words)
        };
        let unit2 = tail2.unit.as_ref();
        let prefix = if tail1.marker {
            None
        } else {
            Self::drop_recent(prefix, tail1.unit.as_ref().or(unit2))
        };
        (prefix, suffix)
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
        let (prefix, suffix) = self.range_markers(tail1, tail2, prefix);
        let unit2 = tail2.unit.as_ref();
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
        let scale1 = first_scale(core1, tail1, core2, tail2);
        let ctx1 = CnContext {
            unit: unit1,
            own_unit: tail1.unit.is_some(),
            has_marker: has_marker || tail1.marker,
            ordinal,
            partner: true,
        };
        let ctx2 = CnContext {
            unit: unit2,
            own_unit: true,
            has_marker: has_marker || tail2.marker,
            ordinal,
            partner: false,
        };
        if !(range_end_ok(text, core1, &ctx1) && range_end_ok(text, core2, &ctx2)) {
            return None;
        }
        let span1 = prefix.map_or(core1.start, |m| m.start)..tail1.end;
        let span2 = core2.start..suffix.map_or(tail2.end, |m| m.end);
        let end = span2.end;
        let (approx1, approx2) = (approx_of(core1, tail1), approx_of(core2, tail2));
        let scale2 = tail2.scale;
        self.push(range_end(span1, core1, scale1, unit1, approx1, ordinal));
        self.push(range_end(span2, core2, scale2, unit2, approx2, ordinal));
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
        let suffix = find_suffix(text, core2.end, self.words);
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

/// Whether one end of a range is a figure: a Chinese numeral must be accepted (with `ctx.unit`,
/// the unit it is read with) and, with decimals, have that unit.
fn range_end_ok(text: &str, core: &Core, ctx: &CnContext) -> bool {
    cn_accept(text, core, ctx) && (core.cn.is_none() || core.decimals == 0 || ctx.unit.is_some())
}

/// The scale of a range's first end: its own when it has a unit or a scale or is the larger
/// figure, else the second end's (`3至5万元`: both in 万).
fn first_scale(core1: &Core, tail1: &Tail, core2: &Core, tail2: &Tail) -> f64 {
    if tail1.unit.is_some() || tail1.scale != 1.0 || core1.written > core2.written {
        tail1.scale
    } else {
        tail2.scale
    }
}

/// One end of a range, as a figure.
fn range_end(
    span: Range<usize>,
    core: &Core,
    scale: f64,
    unit: Option<&UnitMatch>,
    approx: Approx,
    ordinal: bool,
) -> Quantity {
    Quantity {
        span,
        num_span: core.start..core.num_end,
        written: core.written,
        decimals: core.decimals,
        scale,
        unit: unit.map_or("", |u| u.canon).to_string(),
        numeral: core.numeral,
        approx,
        ordinal,
        in_range: true,
    }
}
