//! Characters: reading a character at a byte offset, and the classes of digits and letters.

pub(super) fn char_at(text: &str, p: usize) -> Option<char> {
    text.get(p..).and_then(|s| s.chars().next())
}

pub(super) fn char_before(text: &str, p: usize) -> Option<char> {
    text.get(..p).and_then(|s| s.chars().next_back())
}

pub(super) fn arabic_digit(c: char) -> Option<u8> {
    crate::text::numeral::arabic_digit(c).map(|d| d as u8)
}

pub(super) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c) || c == '_'
}

pub(super) fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

pub(super) use crate::text::numeral::cn_digit;

pub(super) fn cn_small(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// 万 and 亿: the power of ten.
pub(super) fn cn_big(c: char) -> Option<i32> {
    match c {
        '万' => Some(4),
        '亿' => Some(8),
        _ => None,
    }
}

pub(super) fn is_cn_num(c: char) -> bool {
    cn_digit(c).is_some() || cn_small(c).is_some() || cn_big(c).is_some()
}

/// Two neighbouring digits that mean "a or b": 一两, 两三, 三四, 三五, …
pub(super) fn is_spread(a: u32, b: u32) -> bool {
    (a >= 1 && b == a + 1) || (a == 3 && b == 5)
}
