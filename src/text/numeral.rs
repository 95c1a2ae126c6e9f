//! Small numerals in markers and dates: "十二" → 12, "１２" → 12.

/// The value of a Chinese digit: 零/〇/○ → 0, 一 → 1, 二/两 → 2, … 九 → 9.
pub fn cn_digit(c: char) -> Option<u32> {
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

/// The value of an Arabic digit, half- or full-width: '7' or '７' → 7.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of a Chinese numeral below 100, e.g. "二十一" → 21; None if it is not one.
pub fn cn_value(text: &str) -> Option<u32> {
    let digit = cn_digit;
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// The value of Arabic digits, half- or full-width, e.g. "１２" → 12.
pub fn digits_value(text: &str) -> Option<u32> {
    let mut value: u32 = 0;
    for c in text.chars() {
        value = value.checked_mul(10)?.checked_add(arabic_digit(c)?)?;
    }
    (!text.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numerals() {
        for (text, want) in [
            ("一", Some(1)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("二十一", Some(21)),
            ("九十九", Some(99)),
            ("百", None),
            ("", None),
        ] {
            assert_eq!(cn_value(text), want, "{text}");
        }
        assert_eq!(digits_value("１２"), Some(12));
        assert_eq!(digits_value("07"), Some(7));
        assert_eq!(digits_value("1a"), None);
        assert_eq!(digits_value("99999999999"), None);
    }
}
