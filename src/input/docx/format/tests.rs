use super::*;

#[test]
fn formats_write_numbers_as_word_draws_them() {
    let cases = [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (21, "chineseCounting", "二十一"),
        (105, "chineseCountingThousand", "一百〇五"),
        (110, "chineseCountingThousand", "一百一十"),
        (1010, "chineseCountingThousand", "一千〇一十"),
        (12, "chineseLegalSimplified", "拾贰"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "甲"),
        (2, "ideographZodiac", "丑"),
        (10, "ideographDigital", "一〇"),
        (7, "decimal", "7"),
        (7, "decimalZero", "07"),
        (12, "decimalFullWidth", "１２"),
        (3, "decimalEnclosedCircle", "③"),
        (21, "decimalEnclosedCircle", "21"),
        (4, "decimalEnclosedParen", "(4)"),
        (2, "upperLetter", "B"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (5, "none", ""),
        (5, "someFormatWordAddsLater", "5"),
    ];
    for (n, format, want) in cases {
        assert_eq!(format_number(n, format), want, "{n} in {format}");
    }
}
