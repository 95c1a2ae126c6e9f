use super::*;
use std::io::Write;

/// A zip of `(name, content)` entries, deflated.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, content) in entries {
        w.start_file(*name, opts).expect("entry");
        w.write_all(content).expect("write");
    }
    w.finish().expect("zip").into_inner()
}

const DOC: &str = r#"<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p></w:body></w:document>"#;
const NUM: &str = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

fn read_default(bytes: &[u8]) -> Result<Input, ReadError> {
    read("r.docx", bytes, &Limits::default())
}

#[test]
fn a_docx_reads_with_its_numbering() {
    let bytes = zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", DOC.as_bytes()),
        ("word/numbering.xml", NUM.as_bytes()),
    ]);
    let input = read_default(&bytes).unwrap();
    assert_eq!(input.text, "一、总体情况\n正文。\n");
    assert_eq!(input.format, Format::Docx);
    assert_eq!(input.paragraphs, vec![0, "一、总体情况\n".len()]);
    assert_eq!(input.paragraph_of(0), Some(1));
    assert_eq!(
        input.paragraph_of(input.text.find("正文").unwrap()),
        Some(2)
    );
}

#[test]
fn without_numbering_the_labels_are_simply_absent() {
    let bytes = zip(&[("word/document.xml", DOC.as_bytes())]);
    assert_eq!(read_default(&bytes).unwrap().text, "总体情况\n正文。\n");
}

#[test]
fn not_a_zip_and_no_document_are_errors() {
    let err = read_default(b"just text").unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.docx: not a readable .docx: not a zip archive (a .docx is a zip of XML parts)"
    );
    let err = read_default(b"PK\x03\x04 truncated").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("r.docx: not a readable .docx: not a zip archive ("),
        "{err}"
    );
    let err = read_default(&zip(&[("other.xml", b"<a/>")])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.docx: not a readable .docx: no word/document.xml in the archive: a zip, but not a Word document"
    );
}

#[test]
fn broken_parts_are_errors_naming_the_part() {
    let err = read_default(&zip(&[("word/document.xml", b"<w:document><w:body>")])).unwrap_err();
    assert!(
        err.to_string().contains("broken XML in word/document.xml"),
        "{err}"
    );
    let bytes = zip(&[
        ("word/document.xml", DOC.as_bytes()),
        ("word/styles.xml", b"<w:styles><"),
    ]);
    let err = read_default(&bytes).unwrap_err();
    assert!(
        err.to_string().contains("broken XML in word/styles.xml"),
        "{err}"
    );
    let err = read_default(&zip(&[("word/document.xml", b"<a>\xff</a>")])).unwrap_err();
    assert!(
        err.to_string()
            .contains("word/document.xml is not valid UTF-8 at byte 3"),
        "{err}"
    );
}

#[test]
fn inflating_past_the_limit_is_an_error() {
    let limits = Limits {
        inflated_bytes: 1000,
        ..Limits::default()
    };
    let big = format!("<w:document>{}</w:document>", " ".repeat(5000));
    let bytes = zip(&[("word/document.xml", big.as_bytes())]);
    assert!(bytes.len() < 1000, "the archive is small: {}", bytes.len());
    let err = read("r.docx", &bytes, &limits).unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.docx: word/document.xml once inflated (with the parts read before it) is larger than 1000 bytes, more than a report can be"
    );
    // The budget is shared: each part fits alone, not both together.
    let doc = format!("<w:document>{}</w:document>", " ".repeat(600));
    let styles = format!("<w:styles>{}</w:styles>", " ".repeat(600));
    let bytes = zip(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    let err = read("r.docx", &bytes, &limits).unwrap_err();
    assert!(
        err.to_string().contains("word/styles.xml once inflated"),
        "{err}"
    );
}

#[test]
fn too_many_entries_is_an_error_before_the_directory_is_read() {
    let names: Vec<String> = (0..30).map(|i| format!("media/{i}.bin")).collect();
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    entries.push(("word/document.xml", DOC.as_bytes()));
    let bytes = zip(&entries);
    assert_eq!(declared_entries(&bytes), Some(31));
    let limits = Limits {
        zip_entries: 20,
        ..Limits::default()
    };
    let err = read("r.docx", &bytes, &limits).unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.docx: not a readable .docx: the archive lists 31 entries, more than the 20 a .docx may have"
    );
}
