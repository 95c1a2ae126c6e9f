//! Tests of the date scanner: earliest and latest days, spans and flags, ranges, and
//! properties on any text.

use super::*;
use proptest::prelude::*;

mod table;

fn pd(year: i32, month: Option<u32>, day: Option<u32>, part: Part) -> PartialDate {
    PartialDate {
        year: Some(year),
        year_inferred: false,
        month,
        day,
        part,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn earliest_latest_by_precision_and_part() {
    let cases = [
        (
            pd(2023, Some(3), Some(6), Part::None),
            (2023, 3, 6),
            (2023, 3, 6),
        ),
        (
            pd(2023, Some(4), None, Part::None),
            (2023, 4, 1),
            (2023, 4, 30),
        ),
        (
            pd(2023, Some(3), None, Part::Early),
            (2023, 3, 1),
            (2023, 3, 10),
        ),
        (
            pd(2023, Some(3), None, Part::Mid),
            (2023, 3, 11),
            (2023, 3, 20),
        ),
        (
            pd(2023, Some(3), None, Part::Late),
            (2023, 3, 21),
            (2023, 3, 31),
        ),
        (
            pd(2023, Some(12), None, Part::End),
            (2023, 12, 21),
            (2023, 12, 31),
        ),
        (
            pd(2024, Some(2), None, Part::End),
            (2024, 2, 21),
            (2024, 2, 29),
        ),
        (
            pd(2023, Some(2), None, Part::End),
            (2023, 2, 21),
            (2023, 2, 28),
        ),
        (
            pd(2023, Some(2), None, Part::None),
            (2023, 2, 1),
            (2023, 2, 28),
        ),
        (
            pd(2023, None, None, Part::None),
            (2023, 1, 1),
            (2023, 12, 31),
        ),
        (
            pd(2023, None, None, Part::Early),
            (2023, 1, 1),
            (2023, 3, 31),
        ),
        (pd(2023, None, None, Part::Mid), (2023, 6, 1), (2023, 7, 31)),
        (
            pd(2023, None, None, Part::Late),
            (2023, 10, 1),
            (2023, 12, 31),
        ),
        (
            pd(2019, None, None, Part::End),
            (2019, 12, 1),
            (2019, 12, 31),
        ),
    ];
    for (d, (ey, em, ed), (ly, lm, ld)) in cases {
        assert_eq!(d.earliest(), ymd(ey, em, ed), "{d:?}");
        assert_eq!(d.latest(), ymd(ly, lm, ld), "{d:?}");
    }
    let no_year = PartialDate {
        year: None,
        ..pd(2023, Some(3), Some(6), Part::None)
    };
    assert_eq!(no_year.earliest(), None);
    assert_eq!(no_year.latest(), None);
    assert_eq!(no_year.iso(), None);
}

#[test]
fn scanned_bounds_and_leap_years() {
    let f = scan_dates("2024年2月底前完成，2023年2月底前完成", None);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].start.latest(), ymd(2024, 2, 29));
    assert_eq!(f[0].start.part, Part::End);
    assert_eq!(f[0].start.iso().as_deref(), Some("2024-02"));
    assert_eq!(f[1].start.latest(), ymd(2023, 2, 28));

    let f = scan_dates("2023年12月20日完成，12月底前验收", None);
    assert_eq!(f[0].start.earliest(), ymd(2023, 12, 20));
    assert_eq!(f[0].start.latest(), ymd(2023, 12, 20));
    assert_eq!(f[1].start.earliest(), ymd(2023, 12, 21));
    assert_eq!(f[1].start.latest(), ymd(2023, 12, 31));
    assert!(f[0].latest() < f[1].earliest());

    let f = scan_dates("2019年底，3月中旬，2022年", Some(2020));
    assert_eq!(f[0].start.part, Part::End);
    assert_eq!(f[0].earliest(), ymd(2019, 12, 1));
    assert_eq!(f[0].latest(), ymd(2019, 12, 31));
    assert_eq!(f[1].start.part, Part::Mid);
    assert_eq!(f[1].earliest(), ymd(2019, 3, 11));
    assert_eq!(f[2].earliest(), ymd(2022, 1, 1));
    assert_eq!(f[2].latest(), ymd(2022, 12, 31));

    let f = scan_dates("2022年6月24日至8月10日", None);
    assert_eq!(f[0].earliest(), ymd(2022, 6, 24));
    assert_eq!(f[0].latest(), ymd(2022, 8, 10));
}

#[test]
fn range_ends_inherit_and_flag() {
    let f = scan_dates("2022年6月24日至8月10日", None);
    let end = f[0].end.unwrap();
    assert!(!f[0].start.year_inferred);
    assert!(end.year_inferred);
    assert_eq!(end.month, Some(8));

    let f = scan_dates("2022年11月1日至2022年11月30日", None);
    assert!(!f[0].end.unwrap().year_inferred);

    let f = scan_dates("8月25日-28日", Some(2020));
    let end = f[0].end.unwrap();
    assert_eq!(
        (end.year, end.month, end.day),
        (Some(2020), Some(8), Some(28))
    );
    assert!(end.year_inferred);
    assert!(!f[0].web);
}

#[test]
fn spans_and_flags() {
    let text = "发布日期: 2021- 06- 28 16: 53\n按计划于2021年7月底前完成";
    let f = scan_dates(text, None);
    assert_eq!(f.len(), 2);
    assert!(f[0].web);
    assert!(!f[1].web);
    assert_eq!(&text[f[1].span.clone()], "2021年7月底");
    assert_eq!(f[1].start.part, Part::End);
    assert_eq!(f[1].start.month, Some(7));
    assert_eq!(f[1].start.day, None);
}

#[test]
fn linear_time() {
    let pieces = [
        "2022年",
        "8月25日-",
        "1111111111",
        "年年月月日日",
        "2022年 ",
        "二〇二三年十",
        "2024-02-",
        "12月底至",
        "  ",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 1_000_000 {
        text.push_str(pieces[i % pieces.len()]);
        i += 1;
    }
    // No timing here (speed is measured in benchmarks): large hostile input must finish
    // and give well-formed facts.
    assert!(!scan_dates(&text, Some(2023)).is_empty());
    check_invariants(&text, Some(2023));
    // One long run of each alphabet character.
    for piece in ["1", "年", "-", " ", "〇", "至"] {
        check_invariants(&piece.repeat(200_000), None);
    }
}

fn check_invariants(text: &str, default_year: Option<i32>) {
    let facts = scan_dates(text, default_year);
    let mut last_end = 0;
    for f in &facts {
        assert!(f.span.start < f.span.end, "{f:?}");
        assert!(f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start));
        assert!(text.is_char_boundary(f.span.end));
        assert!(f.span.start >= last_end, "overlap: {facts:?}");
        last_end = f.span.end;
        for d in std::iter::once(f.start).chain(f.end) {
            let _ = d.iso();
            if let Some(m) = d.month {
                assert!((1..=12).contains(&m));
            }
            if let Some(day) = d.day {
                assert!((1..=31).contains(&day));
            }
            if let (Some(a), Some(b)) = (d.earliest(), d.latest()) {
                assert!(a <= b);
            }
        }
        let _ = (f.earliest(), f.latest());
    }
    assert_eq!(facts, scan_dates(text, default_year));
}

/// Pieces of dates and of what surrounds them.
const SKIP_PIECES: &[&str] = &[
    "2023",
    "２０２３",
    "二〇二三",
    "二○二四",
    "OＯ",
    "12",
    "６",
    "3",
    "十二",
    "三十一",
    "五",
    "年",
    "月",
    "日",
    "号",
    "份",
    "度",
    "底",
    "末",
    "初",
    "中",
    "上旬",
    "下旬",
    "今年",
    "去年",
    "至",
    "到",
    "—",
    "-",
    "－",
    "/",
    "／",
    "~",
    " ",
    "\u{3000}",
    "\t",
    "\u{a0}",
    ":",
    "10:30",
    ".",
    "、",
    "，",
    "。",
    "中央",
    "工作",
    "a",
];

proptest! {
    #[test]
    fn any_text(text in "\\PC*", y in proptest::option::of(1900i32..2100)) {
        check_invariants(&text, y);
    }

    #[test]
    fn date_alphabet(
        text in "[0-9０-９年月日号份度至到底末初中旬上下今去明〇○十一二三 \\-—~～/:.、，]{0,40}",
        y in proptest::option::of(1900i32..2100),
    ) {
        check_invariants(&text, y);
    }

    /// Searching only near the characters every atom holds finds what searching everywhere
    /// finds: texts made of the pieces of dates, the longest leads included (a year of four
    /// full-width or Chinese digits and three wide spaces before 年).
    #[test]
    fn skipping_ahead_changes_nothing(
        parts in prop::collection::vec(0..SKIP_PIECES.len(), 0..30),
        y in proptest::option::of(1900i32..2100),
    ) {
        let text: String = parts.iter().map(|&i| SKIP_PIECES[i]).collect();
        prop_assert_eq!(scan(&text, y, true), scan(&text, y, false));
    }

    #[test]
    fn dates_in_noise(
        y in 1900u32..2100, m in 1u32..13, d in 1u32..29,
        before in "[a-z中文，。]{0,5}", after in "[a-z中文，。前]{0,5}",
    ) {
        let date = format!("{y}年{m}月{d}日");
        let text = format!("{before}{date}{after}");
        let f = scan_dates(&text, None);
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(&text[f[0].span.clone()], date.as_str());
        prop_assert_eq!(f[0].start.iso(), Some(format!("{y:04}-{m:02}-{d:02}")));
    }
}
