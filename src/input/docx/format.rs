//! Numbers written in Word's numbering formats (`w:numFmt`): 一 二 三, (1), ①, 甲 乙 丙….

/// A number written in one of Word's formats (`w:numFmt`).
pub(super) fn format_number(n: u32, format: &str) -> String {
    match format {
        "none" => String::new(),
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "chineseCounting" | "japaneseCounting" | "taiwaneseCounting" => counting(n, &SIMPLE),
        "chineseCountingThousand" | "taiwaneseCountingThousand" | "japaneseLegal" => {
            counting(n, &SIMPLE)
        }
        "chineseLegalSimplified" | "ideographLegalTraditional" => counting(n, &LEGAL),
        "ideographDigital" | "taiwaneseDigital" => n
            .to_string()
            .chars()
            .map(|c| SIMPLE.digits[c as usize - '0' as usize])
            .collect(),
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32('①' as u32 + n - 1).map_or(n.to_string(), String::from)
        }
        "ideographEnclosedCircle" if (1..=10).contains(&n) => {
            char::from_u32('㊀' as u32 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalEnclosedParen" => format!("({n})"),
        "decimalEnclosedFullstop" => format!("{n}."),
        _ => n.to_string(),
    }
}

/// Digits and units of a Chinese numeral system.
struct Numerals {
    digits: [char; 10],
    units: [char; 3],
}

const SIMPLE: Numerals = Numerals {
    digits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    units: ['十', '百', '千'],
};
const LEGAL: Numerals = Numerals {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟'],
};

/// Chinese counting: 1 一, 10 十, 11 十一, 20 二十, 105 一百〇五, 1010 一千〇一十.
fn counting(n: u32, sys: &Numerals) -> String {
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (pos, &d) in digits.iter().enumerate() {
        let unit = 3 - pos; // 3 = thousands … 0 = ones
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(sys.digits[0]);
            zero = false;
        }
        // 10–19 read 十, 十一… (not 一十) when the number starts there.
        if !(unit == 1 && d == 1 && out.is_empty()) {
            out.push(sys.digits[d as usize]);
        }
        if unit > 0 {
            out.push(sys.units[unit - 1]);
        }
    }
    out
}

/// A, B, … Z, AA, BB, … as Word letters lists.
fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return n.to_string();
    }
    let letter = char::from(base + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn cycle(n: u32, signs: &str) -> String {
    let signs: Vec<char> = signs.chars().collect();
    match n {
        0 => n.to_string(),
        n => signs[(n as usize - 1) % signs.len()].to_string(),
    }
}

#[cfg(test)]
mod tests;
