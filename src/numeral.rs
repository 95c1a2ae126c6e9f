//! Small numerals in markers and dates: "十二" → 12, "１２" → 12.

/// The value of a Chinese numeral below 100, e.g. "二十一" → 21; None if it is not one.
pub fn cn_value(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
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
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
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
