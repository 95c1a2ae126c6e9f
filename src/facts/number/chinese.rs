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
