//! Tests of the number scanner: spans and kinds, Chinese numeral values, intervals, and
//! properties on any text.

use super::*;
use Approx::AtLeast;
use proptest::prelude::*;

/// The figures of `text`, with the packaged vocabulary's approximation words.
fn scan_numbers(text: &str) -> Vec<Quantity> {
    super::scan_numbers(text, &crate::parse::vocab::Vocabulary::packaged().approx)
}

mod table;

#[test]
fn numeral_kinds_and_spans() {
    let text = "排查１２３个，完成48个，剩余十二个";
    let got = scan_numbers(text);
    let kinds: Vec<Numeral> = got.iter().map(|q| q.numeral).collect();
    assert_eq!(
        kinds,
        [Numeral::FullWidth, Numeral::Arabic, Numeral::Chinese]
    );
    let nums: Vec<&str> = got.iter().map(|q| &text[q.num_span.clone()]).collect();
    assert_eq!(nums, ["１２３", "48", "十二"]);
    let q = &scan_numbers("约1.5万余元")[0];
    assert_eq!(q.approx, AtLeast, "余 wins over 约");
    assert_eq!(q.span, 3..15);
    let q = &scan_numbers("百分之九十")[0];
    assert_eq!(q.num_span, 9..15);
}

#[test]
fn chinese_numeral_values() {
    for (s, v) in [
        ("十", Some(10.0)),
        ("十二", Some(12.0)),
        ("二十", Some(20.0)),
        ("一百零五", Some(105.0)),
        ("一百〇五", Some(105.0)),
        ("一千零十", Some(1010.0)),
        ("两千", Some(2000.0)),
        ("三万五千", Some(35000.0)),
        ("三万零五", Some(30005.0)),
        ("一百二", Some(120.0)),
        ("三千五", Some(3500.0)),
        ("两万三", Some(23000.0)),
        ("一亿二千万", Some(1.2e8)),
        ("一万亿", Some(1e12)),
        ("二〇二三", Some(2023.0)),
        ("一九九八", Some(1998.0)),
        ("十二点五", Some(12.5)),
        ("零点零五", Some(0.05)),
        ("百", Some(100.0)),
        ("三四", None),
        ("十十", None),
        ("百千", None),
        ("点五", None),
        ("五点", None),
        ("", None),
        ("万万", None),
    ] {
        assert_eq!(parse_chinese_numeral(s), v, "{s}");
    }
}

fn iv(text: &str) -> Option<(f64, f64)> {
    let got = scan_numbers(text);
    assert_eq!(got.len(), 1, "{text}: {got:?}");
    got[0].interval()
}

fn close(a: Option<(f64, f64)>, b: (f64, f64)) -> bool {
    let same = |x: f64, y: f64| x == y || (x - y).abs() <= 1e-9 * x.abs().max(1.0);
    a.is_some_and(|(lo, hi)| same(lo, b.0) && same(hi, b.1))
}

#[test]
fn intervals_exact() {
    assert_eq!(iv("98.01%"), Some((98.005, 98.015)));
    assert_eq!(iv("占96%"), Some((95.5, 96.5)));
    assert_eq!(iv("32.24万元"), Some((322350.0, 322450.0)));
    assert_eq!(iv("16.25万元"), Some((162450.0, 162550.0)));
    assert!(close(iv("3945.00元"), (3944.995, 3945.005)));
    assert_eq!(iv("66.57万元"), Some((665650.0, 665750.0)));
    assert_eq!(iv("两千元"), Some((1999.5, 2000.5)));
    // whole counts are exact
    assert_eq!(iv("48个"), Some((48.0, 48.0)));
    assert_eq!(iv("151条"), Some((151.0, 151.0)));
    assert_eq!(iv("三方面"), Some((3.0, 3.0)));
    assert_eq!(iv("3个月"), Some((3.0, 3.0)));
    // a count with decimals or a scale is a rounded figure
    assert_eq!(iv("2.5万人"), Some((24500.0, 25500.0)));
    assert_eq!(iv("3万人"), Some((25000.0, 35000.0)));
    // a fraction is exact
    assert_eq!(iv("三分之一"), Some((1.0 / 3.0, 1.0 / 3.0)));
    // an ordinal is read like any figure
    assert_eq!(iv("第14次"), Some((14.0, 14.0)));
}

#[test]
fn intervals_approximate() {
    // 余/多: up to the next unit of the lowest written digit
    assert_eq!(iv("50余次"), Some((50.0, 60.0)));
    assert_eq!(iv("50多次"), Some((50.0, 60.0)));
    assert_eq!(iv("三千余个"), Some((3000.0, 4000.0)));
    assert_eq!(iv("1200余吨"), Some((1200.0, 1300.0)));
    assert_eq!(iv("120余人"), Some((120.0, 130.0)));
    assert_eq!(iv("1.5万余元"), Some((15000.0, 16000.0)));
    assert_eq!(iv("50余万元"), Some((500000.0, 600000.0)));
    assert_eq!(iv("三千余万元"), Some((3e7, 4e7)));
    assert_eq!(iv("三万余元"), Some((30000.0, 40000.0)));
    assert_eq!(iv("万余元"), Some((10000.0, 20000.0)));
    assert_eq!(iv("二十余"), Some((20.0, 30.0)));
    assert_eq!(iv("3个多月"), Some((3.0, 4.0)));
    assert_eq!(iv("90余%"), Some((90.0, 100.0)));
    assert_eq!(iv("90余％"), Some((90.0, 100.0)));
    assert_eq!(iv("4余方面"), Some((4.0, 5.0)));
    // open upwards
    let inf = f64::INFINITY;
    assert_eq!(iv("10万元以上"), Some((100000.0, inf)));
    assert_eq!(iv("10万以上"), Some((100000.0, inf)));
    assert_eq!(iv("50以上"), Some((50.0, inf)));
    assert_eq!(iv("50次以上"), Some((50.0, inf)));
    assert_eq!(iv("超过20个"), Some((20.0, inf)));
    assert_eq!(iv("逾百人"), Some((100.0, inf)));
    assert_eq!(iv("至少3项"), Some((3.0, inf)));
    assert_eq!(iv("96%以上"), Some((96.0, inf)));
    assert_eq!(iv("96％以上"), Some((96.0, inf)));
    assert_eq!(iv("百分之九十以上"), Some((90.0, inf)));
    assert_eq!(iv("超过百分之九十"), Some((90.0, inf)));
    assert_eq!(iv("4个方面以上"), Some((4.0, inf)));
    assert_eq!(iv("4方面以上"), Some((4.0, inf)));
    assert_eq!(iv("3个月以上"), Some((3.0, inf)));
    // below
    let ninf = f64::NEG_INFINITY;
    assert_eq!(iv("近700户"), Some((ninf, 700.0)));
    assert_eq!(iv("不足10人"), Some((ninf, 10.0)));
    assert_eq!(iv("不到5个"), Some((ninf, 5.0)));
    assert_eq!(iv("10万元以下"), Some((ninf, 100000.0)));
    // about: never checked
    assert_eq!(iv("约1200吨"), None);
    assert_eq!(iv("300人左右"), None);
    assert_eq!(iv("两三个"), None);
}

/// The kind of an AtLeast (bounded 余/多 or open 以上/超过/逾/至少) is read back from the
/// span layout: check every layout the scanner makes.
#[test]
fn at_least_kind_round_trips() {
    let mut checked = 0;
    for num in ["50", "五十", "1.5", "１２"] {
        for scale in ["", "万"] {
            for unit in [
                "",
                "个",
                "%",
                "％",
                "个方面",
                "方面",
                "元",
                "个月",
                "平方米",
            ] {
                for (before, after_num, after_unit, bounded) in [
                    ("", "余", "", true),
                    ("", "多", "", true),
                    ("", "", "以上", false),
                    ("超过", "", "", false),
                    ("逾", "", "", false),
                    ("至少", "", "", false),
                ] {
                    let text = format!("{before}{num}{after_num}{scale}{unit}{after_unit}");
                    let got = scan_numbers(&text);
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    let q = &got[0];
                    assert_eq!(q.approx, AtLeast, "{text}: {q:?}");
                    assert_eq!(&text[q.span.clone()], text, "{text}");
                    let (lo, hi) = q.interval().unwrap();
                    assert_eq!(lo, q.value(), "{text}");
                    // 余个方面 reads like 方面以上 (unit 方面 either way): the wider reading
                    let bounded = bounded && unit != "个方面";
                    assert_eq!(hi.is_finite(), bounded, "{text}: {q:?} {hi}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 4 * 2 * 9 * 6);
}

#[test]
fn range_intervals() {
    let got = scan_numbers("50余至60余次");
    assert_eq!(got.len(), 2);
    // the first end's unit is not in its span: the wider reading
    assert_eq!(got[0].interval(), Some((50.0, f64::INFINITY)));
    assert_eq!(got[1].interval(), Some((60.0, 70.0)));
    let got = scan_numbers("3至5个以上");
    assert_eq!(got[0].interval(), Some((3.0, f64::INFINITY)));
    assert_eq!(got[1].interval(), Some((5.0, f64::INFINITY)));
}

#[test]
fn long_and_odd_inputs() {
    let long_digits = "9".repeat(400);
    assert!(scan_numbers(&long_digits).is_empty(), "not a finite figure");
    let long_cn = "一".repeat(100);
    assert!(scan_numbers(&long_cn).is_empty());
    assert!(scan_numbers("").is_empty());
    assert!(scan_numbers("，。%万元余").is_empty());
}

fn alphabet() -> impl Strategy<Value = String> {
    let atoms = vec![
        "0",
        "1",
        "2",
        "5",
        "9",
        "５",
        ".",
        "．",
        ",",
        "一",
        "二",
        "两",
        "三",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "〇",
        "零",
        "点",
        "余",
        "多",
        "约",
        "近",
        "不足",
        "超过",
        "第",
        "个",
        "方面",
        "个方面",
        "%",
        "％",
        "元",
        "万元",
        "以上",
        "左右",
        "至",
        "—",
        "-",
        "分之",
        "百分之",
        "“",
        "”",
        "X",
        "a",
        " ",
        "，",
        "次",
        "性",
        "年",
        "月",
        "户",
        "乡",
    ];
    prop::collection::vec(prop::sample::select(atoms), 0..40).prop_map(|v| v.concat())
}

fn invariants(text: &str) {
    let got = scan_numbers(text);
    let mut last = 0;
    for q in &got {
        for r in [&q.span, &q.num_span] {
            assert!(r.start <= r.end && r.end <= text.len(), "{text:?} {q:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert!(q.span.start <= q.num_span.start && q.num_span.end <= q.span.end);
        assert!(!q.num_span.is_empty());
        assert!(
            q.span.start >= last,
            "spans in order, apart: {text:?} {got:?}"
        );
        last = q.span.end;
        assert!(q.written.is_finite() && q.scale.is_finite());
        if let Some((lo, hi)) = q.interval() {
            assert!(lo <= hi, "{text:?} {q:?}");
        }
    }
    assert_eq!(got, scan_numbers(text), "deterministic");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_text(text in "\\PC*") {
        invariants(&text);
    }

    #[test]
    fn numeral_soup(text in alphabet()) {
        invariants(&text);
    }
}

#[test]
fn traditional_units_and_scales_read_as_simplified() {
    let q = scan_numbers("制定了139項整改措施,退回3.5萬元,共12個問題");
    let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value(), q.unit.as_str())).collect();
    assert_eq!(got, [(139.0, "项"), (35000.0, "元"), (12.0, "个")]);
    // 處理 is a word, not 處 as a unit.
    assert_eq!(scan_numbers("3處理")[0].unit, "");
}
