use super::*;
use crate::finding::{Finding, Level};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn finding(span: std::ops::Range<usize>) -> Finding {
    Finding {
        rule: "percent-mismatch".into(),
        kind: "ratio".into(),
        level: Level::Error,
        message: "完成率应为90%".into(),
        span,
        labels: Vec::new(),
        help: Some("27 ÷ 30 = 90%".into()),
        fix: Vec::new(),
    }
}

fn part(docx: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut file = archive.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8");
    Some(text)
}

/// The text each comment range of `xml` covers, by id: `w:t` text and tabs, a line end where
/// a paragraph ends inside the range.
fn anchored(xml: &str) -> BTreeMap<u64, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: BTreeMap<u64, String> = BTreeMap::new();
    let mut done = BTreeMap::new();
    let mut in_t = false;
    let id = |e: &quick_xml::events::BytesStart<'_>| -> u64 {
        let a = e
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == b"w:id")
            .expect("an id");
        std::str::from_utf8(&a.value).unwrap().parse().unwrap()
    };
    let push = |open: &mut BTreeMap<u64, String>, t: &str| {
        for s in open.values_mut() {
            s.push_str(t);
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    b"w:commentRangeStart" => {
                        open.insert(id(&e), String::new());
                    }
                    b"w:commentRangeEnd" => {
                        let i = id(&e);
                        done.insert(i, open.remove(&i).expect("a range starts before it ends"));
                    }
                    b"w:t" => in_t = true,
                    b"w:tab" => push(&mut open, "\t"),
                    _ => {}
                }
            }
            quick_xml::events::Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:p" => push(&mut open, "\n"),
                _ => {}
            },
            quick_xml::events::Event::Text(t) if in_t => {
                push(&mut open, &t.xml10_content().unwrap())
            }
            quick_xml::events::Event::GeneralRef(r) if in_t => {
                let name = r.decode().unwrap();
                push(
                    &mut open,
                    quick_xml::escape::resolve_predefined_entity(&name).unwrap(),
                )
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "ranges left open: {open:?}");
    done
}

const TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;

fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, text) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx_of(document_body: &str) -> Vec<u8> {
    package::minimal(document_body).expect("a docx")
}

fn text_of(docx: &[u8]) -> crate::Input {
    crate::input::read_bytes("r.docx", docx.to_vec(), &crate::ReadOptions::default())
        .expect("the docx reads")
}

#[test]
fn a_finding_inside_a_run_cuts_it_and_both_halves_keep_its_properties() {
    let body = r#"<w:p><w:r w:rsidR="00A1"><w:rPr><w:b/><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>已完成27条，完成率为92%，其余&amp;3条</w:t></w:r></w:p>"#;
    let docx = docx_of(body);
    let input = text_of(&docx);
    let at = input.text.find("92%").unwrap();
    let out = with_comments(
        &docx,
        &input.text,
        &input.paragraphs,
        &[finding(at..at + 3)],
    )
    .expect("written");
    let xml = part(&out, "word/document.xml").unwrap();
    assert_eq!(anchored(&xml)[&0], "92%");
    // Three runs, each with the bold properties and the run's attributes.
    assert_eq!(
        xml.matches(r#"<w:r w:rsidR="00A1"><w:rPr><w:b/>"#).count(),
        3
    );
    assert!(xml.contains("其余&amp;3条"), "{xml}");
    // The text reads the same.
    assert_eq!(text_of(&out).text, input.text);
    assert!(xml.contains(r#"<w:r><w:commentReference w:id="0"/></w:r>"#));
}

#[test]
fn a_finding_on_a_numbering_label_anchors_on_its_paragraph() {
    let numbering = format!(
        r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let document = format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p></w:body></w:document>"#
    );
    let docx = zip_of(&[
        ("[Content_Types].xml", TYPES),
        ("word/document.xml", &document),
        ("word/numbering.xml", &numbering),
    ]);
    let input = text_of(&docx);
    assert_eq!(input.text, "一、总体情况\n");
    let label = 0.."一、".len();
    let out =
        with_comments(&docx, &input.text, &input.paragraphs, &[finding(label)]).expect("written");
    let xml = part(&out, "word/document.xml").unwrap();
    assert_eq!(anchored(&xml)[&0], "总体情况");
    assert!(
        xml.contains(r#"</w:pPr><w:commentRangeStart w:id="0"/>"#),
        "{xml}"
    );
}

#[test]
fn comments_already_there_are_kept_and_new_ids_follow_them() {
    let document = format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:commentRangeStart w:id="7"/><w:r><w:t>整改率为80%</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p></w:body></w:document>"#
    );
    let comments = format!(
        r#"<w:comments xmlns:w="{W}"><w:comment w:id="7" w:author="王小明"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#;
    let types = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#;
    let docx = zip_of(&[
        ("[Content_Types].xml", types),
        ("word/document.xml", &document),
        ("word/comments.xml", &comments),
        ("word/_rels/document.xml.rels", rels),
    ]);
    let input = text_of(&docx);
    let at = input.text.find("80%").unwrap();
    let out = with_comments(
        &docx,
        &input.text,
        &input.paragraphs,
        &[finding(at..at + 3)],
    )
    .expect("written");
    let xml = part(&out, "word/document.xml").unwrap();
    let ranges = anchored(&xml);
    assert_eq!(ranges[&7], "整改率为80%");
    assert_eq!(ranges[&8], "80%");
    let comments = part(&out, "word/comments.xml").unwrap();
    assert!(comments.contains(r#"<w:comment w:id="7" w:author="王小明">"#));
    assert!(
        comments.contains(r#"<w:comment w:id="8" w:author="zglint" w:initials="ZG" w:date="20"#)
    );
    // The relationship and content type are there already: not added twice.
    assert_eq!(part(&out, "word/_rels/document.xml.rels").unwrap(), rels);
    assert_eq!(part(&out, "[Content_Types].xml").unwrap(), types);
}

#[test]
fn a_new_comments_part_is_related_and_typed() {
    let docx = docx_of("<w:p><w:r><w:t>完成率为92%</w:t></w:r></w:p>");
    let input = text_of(&docx);
    let out =
        with_comments(&docx, &input.text, &input.paragraphs, &[finding(0..3)]).expect("written");
    let rels = part(&out, "word/_rels/document.xml.rels").unwrap();
    assert!(rels.contains(r#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml""#), "{rels}");
    let types = part(&out, "[Content_Types].xml").unwrap();
    assert!(types.contains(r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#), "{types}");
    let comments = part(&out, "word/comments.xml").unwrap();
    for piece in ["完成率应为90%", "27 ÷ 30 = 90%", "错误 [percent-mismatch]"] {
        assert!(comments.contains(piece), "{piece} in {comments}");
    }
}

#[test]
fn no_findings_leave_the_document_as_it_was() {
    let docx = docx_of("<w:p><w:r><w:t>完成率为90%</w:t></w:r></w:p>");
    let input = text_of(&docx);
    let out = with_comments(&docx, &input.text, &input.paragraphs, &[]).expect("written");
    assert_eq!(
        part(&out, "word/document.xml"),
        part(&docx, "word/document.xml")
    );
    assert!(part(&out, "word/comments.xml").is_none());
}

#[test]
fn hidden_and_deleted_text_and_empty_paragraphs_are_passed_over() {
    let body = r#"<w:p/><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t>完成</w:t></w:r><w:r><w:tab/><w:t>率</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>丙丁</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let docx = docx_of(body);
    let input = text_of(&docx);
    assert_eq!(input.text, "\n完成\t率\n甲 乙\t丙丁\n");
    let spans = [
        0..0,
        input.text.find("成").unwrap()..input.text.find("率").unwrap(),
        input.text.find("乙").unwrap()..input.text.find("丁").unwrap(),
    ];
    let findings: Vec<Finding> = spans.iter().cloned().map(finding).collect();
    let out = with_comments(&docx, &input.text, &input.paragraphs, &findings).expect("written");
    let ranges = anchored(&part(&out, "word/document.xml").unwrap());
    assert_eq!(ranges[&0], "");
    assert_eq!(ranges[&1], "成\t");
    assert_eq!(ranges[&2], "乙\n丙");
    assert_eq!(text_of(&out).text, input.text);
}

#[test]
fn a_file_that_is_not_the_text_checked_is_refused() {
    let docx = docx_of("<w:p><w:r><w:t>完成率为92%</w:t></w:r></w:p>");
    let err = with_comments(&docx, "别的文字\n", &[0], &[finding(0..3)]).unwrap_err();
    assert_eq!(
        err,
        "paragraph 1 of the document is not the text checked at byte 0"
    );
    let err = with_comments(&docx, "a\nb\n", &[0, 2], &[]).unwrap_err();
    assert_eq!(
        err,
        "the document has 1 paragraphs where the text checked has 2"
    );
    assert!(with_comments(b"PK not a zip", "", &[], &[]).is_err());
}

/// Text of a few lines of Chinese, ASCII, tabs and XML's special characters.
fn lines() -> impl Strategy<Value = String> {
    proptest::collection::vec("[整改完成率为0-9%&<>\" \ta-c]{0,12}", 1..6)
        .prop_map(|l| l.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A text report becomes a Word file that reads back as the same text, each comment
    /// covering exactly its finding's text.
    #[test]
    fn every_comment_covers_its_findings_text(text in lines(), cuts in proptest::collection::vec((0usize..200, 0usize..200), 0..6)) {
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let spans: Vec<_> = cuts
            .iter()
            .map(|&(a, b)| {
                let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                a.min(b)..a.max(b)
            })
            .collect();
        let findings: Vec<Finding> = spans.iter().cloned().map(finding).collect();
        let out = from_text(&text, &findings).expect("written");
        let back = text_of(&out).text;
        prop_assert_eq!(back.trim_end_matches('\n'), text.trim_end_matches('\n'));
        let ranges = anchored(&part(&out, "word/document.xml").unwrap());
        prop_assert_eq!(ranges.len(), spans.len());
        for (i, span) in spans.iter().enumerate() {
            prop_assert_eq!(
                ranges[&(i as u64)].trim_matches('\n'),
                text[span.clone()].trim_matches('\n'),
                "span {:?}", span
            );
        }
    }
}
