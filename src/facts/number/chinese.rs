//! Chinese numerals: the value of a run such as `一百零五`, `三万五千`, `二〇二三`, `十二点五`.

use super::chars::{cn_big, cn_digit, cn_small, is_spread};

#[derive(Debug, Clone, Copy)]
pub(super) struct CnValue {
    pub(super) value: f64,
    pub(super) decimals: u8,
    /// `三四`, `十五六`: two neighbouring digits, the value is the lower.
    pub(super) spread: bool,
    /// Holds a digit (not only 十百千万亿).
    pub(super) has_digit: bool,
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

pub(super) fn parse_cn(chars: &[char]) -> Option<CnValue> {
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
        return parse_cn_digits(int);
    }
    let mut reading = Positional::new();
    for (i, &c) in int.iter().enumerate() {
        if let Some(d) = cn_digit(c) {
            reading.digit(d)?;
        } else if let Some(u) = cn_small(c) {
            reading.small(u, i)?;
        } else if let Some(e) = cn_big(c) {
            reading.big(e, i)?;
        } else {
            return None;
        }
    }
    Some((reading.value(), reading.spread, has_digit))
}

/// An integer part with no 十百千万亿: one digit, digits written one by one (`二〇二三`) or a
/// spread (`三四`). `(value, spread, has_digit)` as for [`parse_cn_int`].
fn parse_cn_digits(int: &[char]) -> Option<(f64, bool, bool)> {
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
    is_spread(ds[0], ds[1]).then_some((f64::from(ds[0]), true, true))
}

/// An integer part with 十百千万亿 read so far, one character after another; each step gives
/// `None` when the characters are not one numeral.
struct Positional {
    high: f64, // the 亿 part
    wan: f64,  // the 万 part
    sec: f64,  // below 万
    pending: Option<u32>,
    last_small: u32,
    last_unit: f64,
    zero: bool,
    spread: bool,
    seen_wan: bool,
    seen_yi: bool,
}

impl Positional {
    fn new() -> Self {
        Positional {
            high: 0.0,
            wan: 0.0,
            sec: 0.0,
            pending: None,
            last_small: 10_000,
            last_unit: 1.0,
            zero: false,
            spread: false,
            seen_wan: false,
            seen_yi: false,
        }
    }

    /// A digit `d`, 零 included.
    fn digit(&mut self, d: u32) -> Option<()> {
        if d == 0 {
            if self.pending.is_some() {
                return None;
            }
            self.zero = true;
            return Some(());
        }
        match self.pending {
            None => self.pending = Some(d),
            Some(p) if !self.spread && is_spread(p, d) => self.spread = true,
            Some(_) => return None,
        }
        Some(())
    }

    /// 十, 百 or 千 (`u`) as the `i`-th character.
    fn small(&mut self, u: u32, i: usize) -> Option<()> {
        if u >= self.last_small {
            return None;
        }
        let m = match self.pending {
            Some(p) => p,
            None if u == 10 || i == 0 => 1,
            None => return None,
        };
        self.sec += f64::from(m * u);
        self.last_small = u;
        self.last_unit = f64::from(u);
        self.pending = None;
        self.zero = false;
        Some(())
    }

    /// 万 (`e` = 4) or 亿 (`e` = 8) as the `i`-th character.
    fn big(&mut self, e: i32, i: usize) -> Option<()> {
        let mut s = self.sec + self.pending.map_or(0.0, f64::from);
        if e == 4 {
            if self.seen_wan {
                return None;
            }
            if s == 0.0 {
                if i != 0 {
                    return None;
                }
                s = 1.0;
            }
            self.wan = s;
            self.seen_wan = true;
            self.last_unit = 1e4;
        } else {
            if self.seen_yi {
                return None;
            }
            s += self.wan * 1e4;
            if s == 0.0 {
                if i != 0 {
                    return None;
                }
                s = 1.0;
            }
            self.high = s * 1e8;
            self.wan = 0.0;
            self.seen_wan = false;
            self.seen_yi = true;
            self.last_unit = 1e8;
        }
        self.sec = 0.0;
        self.pending = None;
        self.last_small = 10_000;
        self.zero = false;
        Some(())
    }

    /// The value read, with a final digit after 百/千/万/亿 scaled one place below it.
    fn value(&self) -> f64 {
        let last = match self.pending {
            // 一百二 = 120, 三千五 = 3500, 两万三 = 23000
            Some(d) if !self.zero && self.last_unit >= 100.0 => {
                f64::from(d) * self.last_unit / 10.0
            }
            Some(d) => f64::from(d),
            None => 0.0,
        };
        self.high + self.wan * 1e4 + self.sec + last
    }
}
