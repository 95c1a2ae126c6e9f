//! The figure itself (Arabic or Chinese digits, a Chinese numeral's final 万/亿) and what
//! follows it (`余`/`多`, a scale, a unit).

use super::Numeral;
use super::chars::{
    arabic_digit, char_at, char_before, cn_big, cn_digit, is_cn_num, is_ideograph, is_latin,
};
use super::chinese::parse_cn;
use super::units::{UnitMatch, match_unit};

/// Chinese numeral runs longer than this are not figures.
const MAX_CN_RUN: usize = 24;

#[derive(Debug, Clone)]
pub(super) struct CnInfo {
    /// The numeral is one character.
    pub(super) single: Option<char>,
    /// Only multipliers (百, 千万), not 十.
    pub(super) multiplier_only: bool,
    pub(super) spread: bool,
    /// End of the whole run of numeral characters.
    pub(super) run_end: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Core {
    pub(super) start: usize,
    pub(super) num_end: usize,
    /// After the numeral and a Chinese numeral's final 万/亿.
    pub(super) end: usize,
    pub(super) written: f64,
    pub(super) decimals: u8,
    pub(super) numeral: Numeral,
    pub(super) scale: f64,
    pub(super) cn: Option<CnInfo>,
}

impl Core {
    pub(super) fn reject_end(&self) -> usize {
        self.cn
            .as_ref()
            .map_or(self.end, |c| c.run_end.max(self.end))
    }
}

pub(super) enum Parsed {
    Core(Core),
    /// Not a figure: go on from here.
    Skip(usize),
}

pub(super) fn is_num_start(c: char) -> bool {
    arabic_digit(c).is_some() || is_cn_num(c)
}

pub(super) fn parse_core(text: &str, pos: usize) -> Parsed {
    match char_at(text, pos) {
        Some(c) if arabic_digit(c).is_some() => parse_arabic(text, pos),
        Some(c) if is_cn_num(c) => parse_chinese(text, pos),
        Some(c) => Parsed::Skip(pos + c.len_utf8()),
        None => Parsed::Skip(pos + 1),
    }
}

fn parse_arabic(text: &str, pos: usize) -> Parsed {
    let mut run = ArabicRun {
        text,
        p: pos,
        buf: String::new(),
        full_width: false,
    };
    let int_len = run.digits();
    // thousands separators: 1,200 and 12,345,678
    if int_len <= 3 {
        run.separators();
    }
    let Some(decimals) = run.decimals() else {
        return Parsed::Skip(run.p);
    };
    let p = run.p;
    if char_before(text, pos).is_some_and(is_latin) || char_at(text, p).is_some_and(is_latin) {
        return Parsed::Skip(p);
    }
    let written = match run.buf.parse::<f64>() {
        Ok(v) if v.is_finite() => v,
        _ => return Parsed::Skip(p),
    };
    Parsed::Core(Core {
        start: pos,
        num_end: p,
        end: p,
        written,
        decimals: decimals.min(255) as u8,
        numeral: if run.full_width {
            Numeral::FullWidth
        } else {
            Numeral::Arabic
        },
        scale: 1.0,
        cn: None,
    })
}

/// Arabic digits being read: where reading stands, the digits read (in ASCII, with `.`) and
/// whether any was full-width.
struct ArabicRun<'t> {
    text: &'t str,
    p: usize,
    buf: String,
    full_width: bool,
}

impl ArabicRun<'_> {
    /// Reads the digits at `p`; gives how many there were.
    fn digits(&mut self) -> usize {
        let mut n = 0;
        while let Some(c) = char_at(self.text, self.p) {
            let Some(d) = arabic_digit(c) else { break };
            self.full_width |= !c.is_ascii();
            self.buf.push(char::from(b'0' + d));
            self.p += c.len_utf8();
            n += 1;
        }
        n
    }

    /// Reads `,` and three digits as often as they follow (not four: `12,3456`).
    fn separators(&mut self) {
        let text = self.text;
        while char_at(text, self.p) == Some(',') {
            let group: Vec<char> = text[self.p + 1..].chars().take(4).collect();
            let three = group.len() >= 3 && group[..3].iter().all(|c| arabic_digit(*c).is_some());
            let fourth_digit = group.get(3).is_some_and(|c| arabic_digit(*c).is_some());
            if !three || fourth_digit {
                break;
            }
            self.p += 1;
            self.digits();
        }
    }

    /// True when a decimal point and a digit stand at `p`.
    fn point_then_digit(&self) -> bool {
        let text = self.text;
        let q = self.p;
        let is_point = matches!(char_at(text, q), Some('.') | Some('．'));
        let digit_after = || {
            char_at(text, q)
                .map(|c| q + c.len_utf8())
                .and_then(|q2| char_at(text, q2))
                .and_then(arabic_digit)
                .is_some()
        };
        is_point && digit_after()
    }

    /// Reads a decimal point and the decimals; gives how many decimals (0 when there is no
    /// point), or `None` for a dotted chain `1.2.3`, read to its end.
    fn decimals(&mut self) -> Option<usize> {
        let text = self.text;
        let mut decimals = 0usize;
        if self.point_then_digit() {
            self.full_width |= char_at(text, self.p) == Some('．');
            self.p += char_at(text, self.p).map_or(1, char::len_utf8);
            self.buf.push('.');
            decimals = self.digits();
            if self.point_then_digit() {
                // 1.2.3: a section or version number
                while let Some(c) = char_at(text, self.p) {
                    if arabic_digit(c).is_none() && c != '.' && c != '．' {
                        break;
                    }
                    self.p += c.len_utf8();
                }
                return None;
            }
        }
        Some(decimals)
    }
}

fn parse_chinese(text: &str, pos: usize) -> Parsed {
    let (chars, ends, run_end) = chinese_run(text, pos);
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

/// The run of Chinese numeral characters at `pos` (with `点` between digits): the characters,
/// the end of each, and the end of the run.
fn chinese_run(text: &str, pos: usize) -> (Vec<char>, Vec<usize>, usize) {
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
    (chars, ends, p)
}

/// What follows a figure: `余`/`多`, a scale, a unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tail {
    pub(super) marker: bool,
    pub(super) scale: f64,
    pub(super) unit: Option<UnitMatch>,
    pub(super) end: usize,
}

fn scale_at(text: &str, p: usize) -> Option<(f64, usize)> {
    let rest = &text[p..];
    [
        ("万亿", 1e12),
        ("萬億", 1e12),
        ("千万", 1e7),
        ("千萬", 1e7),
        ("百万", 1e6),
        ("百萬", 1e6),
        ("万", 1e4),
        ("萬", 1e4),
        ("亿", 1e8),
        ("億", 1e8),
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

pub(super) fn parse_tail(text: &str, core: &Core) -> Tail {
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
