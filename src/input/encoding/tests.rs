use super::*;

fn utf16(text: &str, le: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
        .collect()
}

fn gb(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

const TEXT: &str = "一、加强组织领导\n整改情况:已完成12项,占85.7%。\n";

#[test]
fn names_parse_loosely_and_unknown_names_list_the_accepted_ones() {
    assert_eq!("UTF-8".parse(), Ok(Encoding::Utf8));
    assert_eq!("utf8".parse(), Ok(Encoding::Utf8));
    assert_eq!("GB18030".parse(), Ok(Encoding::Gb18030));
    assert_eq!("gb2312".parse(), Ok(Encoding::Gbk));
    assert_eq!("utf_16le".parse(), Ok(Encoding::Utf16Le));
    assert_eq!("UTF-16BE".parse(), Ok(Encoding::Utf16Be));
    assert_eq!("utf-16".parse(), Ok(Encoding::Utf16));
    let err = "latin1".parse::<Encoding>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown encoding \"latin1\": expected one of utf-8, gb18030, gbk, utf-16le, utf-16be, utf-16"
    );
    for name in ENCODING_NAMES {
        assert_eq!(name.parse::<Encoding>().map(Encoding::name), Ok(name));
    }
}

#[test]
fn detection_reads_each_encoding() {
    let cases: Vec<(Vec<u8>, Encoding, bool)> = vec![
        (TEXT.as_bytes().to_vec(), Encoding::Utf8, false),
        (
            [&[0xEF, 0xBB, 0xBF], TEXT.as_bytes()].concat(),
            Encoding::Utf8,
            true,
        ),
        (gb(TEXT), Encoding::Gb18030, false),
        (
            [vec![0xFF, 0xFE], utf16(TEXT, true)].concat(),
            Encoding::Utf16Le,
            true,
        ),
        (
            [vec![0xFE, 0xFF], utf16(TEXT, false)].concat(),
            Encoding::Utf16Be,
            true,
        ),
        (utf16(TEXT, true), Encoding::Utf16Le, false),
        (utf16(TEXT, false), Encoding::Utf16Be, false),
    ];
    for (bytes, encoding, bom) in cases {
        let got = decode_text(&bytes, None).expect("decodes");
        assert_eq!(
            (got.text.as_str(), got.encoding, got.bom),
            (TEXT, encoding, bom)
        );
    }
}

#[test]
fn gb18030_four_byte_characters_decode() {
    // "𠀀" (U+20000) is a four-byte sequence in GB18030.
    let text = "整改𠀀完成";
    assert_eq!(decode_text(&gb(text), None).unwrap().text, text);
}

#[test]
fn forced_encodings_are_strict_and_name_the_offset() {
    let bytes = gb(TEXT);
    let err = decode_text(&bytes, Some(Encoding::Utf8)).unwrap_err();
    // "一" is D2 BB in GB18030, which UTF-8 reads as one character (U+04BB); "、" is not.
    assert_eq!(
        err,
        Undecodable {
            encoding: Encoding::Utf8,
            offset: 2
        }
    );
    let forced = decode_text(&bytes, Some(Encoding::Gbk)).unwrap();
    assert_eq!(
        (forced.text.as_str(), forced.encoding),
        (TEXT, Encoding::Gbk)
    );
    // "ab" then a lead byte with a trail byte GB18030 never uses.
    let err = decode_text(b"ab\x81\x20", Some(Encoding::Gb18030)).unwrap_err();
    assert_eq!(
        err,
        Undecodable {
            encoding: Encoding::Gb18030,
            offset: 2
        }
    );
    // An unpaired surrogate after a BOM: the offset counts the BOM.
    let err =
        decode_text(&[0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8], Some(Encoding::Utf16)).unwrap_err();
    assert_eq!(
        err,
        Undecodable {
            encoding: Encoding::Utf16Le,
            offset: 4
        }
    );
}

#[test]
fn forced_utf16_finds_its_byte_order() {
    let be = utf16(TEXT, false);
    let got = decode_text(&be, Some(Encoding::Utf16)).unwrap();
    assert_eq!((got.text.as_str(), got.encoding), (TEXT, Encoding::Utf16Be));
    let got = decode_text(&[vec![0xFE, 0xFF], be].concat(), Some(Encoding::Utf16)).unwrap();
    assert_eq!((got.text.as_str(), got.bom), (TEXT, true));
}

#[test]
fn neither_utf8_nor_gb18030_names_the_first_non_utf8_byte() {
    let err = decode_text(b"\xe4\xb8\x80\xff\xfe", None).unwrap_err();
    assert_eq!(
        err,
        Undecodable {
            encoding: Encoding::Utf8,
            offset: 3
        }
    );
}

#[test]
fn nul_patterns_that_are_not_utf16() {
    // Binary: NULs on both sides, or a whole NUL code unit.
    assert_eq!(guess_utf16(b"PK\x03\x04\x00\x00"), None);
    assert_eq!(guess_utf16(b"a\x00\x00b"), None);
    // Odd length.
    assert_eq!(guess_utf16(b"a\x00b"), None);
    // Chinese UTF-16 LE with a few ASCII characters is still found.
    let mostly_cjk = utf16(
        "整改整改整改整改整改整改整改整改整改1整改整改整改整改整改\n",
        true,
    );
    assert_eq!(guess_utf16(&mostly_cjk), Some(Encoding::Utf16Le));
}

#[test]
fn utf16_without_bom_is_found_in_chinese_with_few_ascii_characters() {
    // Full-width punctuation, ideographic spaces and many "一" (U+4E00, whose low byte is NUL).
    let text = "　　一是进一步统一思想；二是一以贯之，逐一整改。\n".repeat(3);
    for (bytes, want) in [
        (utf16(&text, true), Encoding::Utf16Le),
        (utf16(&text, false), Encoding::Utf16Be),
    ] {
        assert_eq!(guess_utf16(&bytes), Some(want));
        assert_eq!(decode_text(&bytes, None).unwrap().text, text);
    }
}

/// A Chinese report's sentences: GB2312 ideographs, CJK punctuation, ASCII figures.
const REPORT: &str = "一、强化政治站位\n(一)关于“会议记录不全”的问题。整改情况:一是补齐2023年以来的会议记录;二是建立月检查制度,已完成整改12项,占85.7%。\n";

#[test]
fn chinese_text_is_chinese_and_big5_read_as_gb18030_is_not() {
    assert_eq!(not_chinese(REPORT), None);
    assert_eq!(not_chinese(&REPORT.repeat(50)), None);
    // A rare ideograph in a name (堃, from GBK's additions) is not enough.
    assert_eq!(
        not_chinese(&format!("{}由王堃负责。", REPORT.repeat(3))),
        None
    );
    // The report in Big5 (traditional characters), read as GB18030: decodes, into nonsense.
    let traditional = "一、強化政治站位\n(一)關於“會議記錄不全”的問題。整改情況:一是補齊2023年以來的會議記錄;二是建立月檢查制度,已完成整改12項,占85.7%。\n";
    let (big5, _, lossy) = encoding_rs::BIG5.encode(traditional);
    assert!(!lossy);
    let (misread, _, malformed) = encoding_rs::GB18030.decode(&big5);
    assert!(!malformed, "Big5 bytes are GBK bytes: {misread}");
    let percent = not_chinese(&misread).expect("not Chinese");
    assert!(percent >= 50, "{percent}%: {misread}");
    // Kana, Greek, Cyrillic, box drawing and private use are not Chinese either.
    assert!(not_chinese("あいうえおかきくけこαβγδεжзий┌┐└┘\u{e000}\u{e001}").is_some());
    // Too few characters to judge, or mostly ASCII: never refused.
    assert_eq!(not_chinese("あいうえお"), None);
    let ascii = format!("{}{misread}", "Minutes of the meeting, item 4. ".repeat(40));
    assert_eq!(not_chinese(&ascii), None);
}
