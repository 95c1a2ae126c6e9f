use super::*;

const TEXT: &str = "一、总体情况\r\n整改情况:已完成。\r\n";

fn opts() -> ReadOptions {
    ReadOptions::default()
}

#[test]
fn the_extension_chooses_the_reader() {
    let page = b"<p>\xe6\x95\xb4\xe6\x94\xb9</p>".to_vec();
    let html = read_bytes("a.HTML", page.clone(), &opts()).unwrap();
    assert_eq!(
        (html.text.as_str(), html.format),
        (
            "整改\n",
            Format::Html {
                encoding: Encoding::Utf8
            }
        )
    );
    let text = read_bytes("a.md", page, &opts()).unwrap();
    assert_eq!(text.text, "<p>整改</p>");
    assert_eq!(
        text.format,
        Format::Text {
            encoding: Encoding::Utf8,
            bom: false
        }
    );
    let err = read_bytes("a.docx", TEXT.as_bytes().to_vec(), &opts()).unwrap_err();
    assert!(matches!(err, ReadError::Docx { .. }), "{err}");
}

#[test]
fn a_bom_is_not_part_of_the_text_and_crlf_is_kept() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
    let input = read_bytes("a.txt", bytes, &opts()).unwrap();
    assert_eq!(input.text, TEXT);
    assert_eq!(
        input.format,
        Format::Text {
            encoding: Encoding::Utf8,
            bom: true
        }
    );
    assert_eq!(input.paragraph_of(0), None);
}

#[test]
fn a_zip_under_another_name_is_read_as_docx() {
    let err = read_bytes("-", b"PK\x03\x04rest".to_vec(), &opts()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("-: not a readable .docx: not a zip archive"),
        "{err}"
    );
}

#[test]
fn binary_word_and_pdf_files_say_what_they_are() {
    let err = read_bytes("a.txt", b"ab\x00cd\x00\x00e".to_vec(), &opts()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.txt: a binary file (NUL byte at 2), not a text report"
    );
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".to_vec();
    let err = read_bytes("a.doc", ole, &opts()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.doc: a Word 97–2003 or WPS document, which zglint does not read: save it as .docx or as text"
    );
    let err = read_bytes("a.pdf", b"%PDF-1.7\n".to_vec(), &opts()).unwrap_err();
    assert!(
        err.to_string().starts_with("a.pdf: a PDF, which zglint"),
        "{err}"
    );
}

#[test]
fn utf16_is_not_taken_for_binary() {
    let le: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let input = read_bytes("a.txt", le.clone(), &opts()).unwrap();
    assert_eq!(input.text, TEXT);
    let forced = ReadOptions {
        encoding: Some(Encoding::Utf16Le),
        ..opts()
    };
    assert_eq!(read_bytes("a.txt", le, &forced).unwrap().text, TEXT);
}

#[test]
fn forced_encodings_apply_to_text() {
    let gb = encoding_rs::GB18030.encode(TEXT).0.into_owned();
    let forced = ReadOptions {
        encoding: Some(Encoding::Utf8),
        ..opts()
    };
    let err = read_bytes("a.txt", gb.clone(), &forced).unwrap_err();
    assert_eq!(err.to_string(), "a.txt: not valid UTF-8 at byte 2");
    let input = read_bytes("a.txt", gb, &opts()).unwrap();
    assert_eq!(
        input.format,
        Format::Text {
            encoding: Encoding::Gb18030,
            bom: false
        }
    );
    assert_eq!(input.format.to_string(), "text (GB18030)");
}

#[test]
fn files_past_the_size_limit_are_refused_unread() {
    let small = ReadOptions {
        limits: Limits {
            file_bytes: 10,
            ..Limits::default()
        },
        ..opts()
    };
    let err = read_from("big.txt", std::io::repeat(b'a'), &small).unwrap_err();
    assert_eq!(
        err.to_string(),
        "big.txt: the file is larger than 10 bytes, more than a report can be"
    );
    let input = read_from("ok.txt", &b"0123456789"[..], &small).unwrap();
    assert_eq!(input.text, "0123456789");
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = read_input(Path::new("/nonexistent/r.txt"), &opts()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/nonexistent/r.txt: cannot read:"),
        "{err}"
    );
}

#[test]
fn paragraph_numbers_follow_the_starts() {
    let input = Input {
        text: "一、甲\n\n乙\t丙\n".to_string(),
        format: Format::Docx,
        written: None,
        paragraphs: vec![0, 10, 11, 15],
    };
    let cases = [
        (0, Some(1)),
        (9, Some(1)),
        (10, Some(2)),
        (11, Some(3)),
        (14, Some(3)),
        (15, Some(4)),
        (19, Some(4)),
        (20, None),
    ];
    for (offset, want) in cases {
        assert_eq!(input.paragraph_of(offset), want, "offset {offset}");
    }
}

#[test]
fn text_formats_encode_back_to_their_own_bytes() {
    let text = "一、总体情况\n（二）整改𠀀\n";
    let files: Vec<Vec<u8>> = vec![
        text.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        encoding_rs::GB18030.encode(text).0.into_owned(),
        [
            vec![0xFF, 0xFE],
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ]
        .concat(),
        text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    ];
    for bytes in files {
        let input = read_bytes("a.txt", bytes.clone(), &opts()).unwrap();
        assert_eq!(input.text, text);
        assert_eq!(
            input.format.encode(&input.text),
            Some(bytes),
            "{}",
            input.format
        );
    }
    // GBK has no "𠀀"; web pages and Word documents are not rewritten.
    let gbk = Format::Text {
        encoding: Encoding::Gbk,
        bom: false,
    };
    assert_eq!(gbk.encode(text), None);
    assert_eq!(gbk.encode("一、"), Some(vec![0xD2, 0xBB, 0xA1, 0xA2]));
    assert_eq!(Format::Docx.encode(text), None);
    assert_eq!(
        Format::Html {
            encoding: Encoding::Utf8
        }
        .encode(text),
        None
    );
}
