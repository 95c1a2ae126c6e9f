// The fictional Word report of 青石镇 that the tests of `--format docx` and of `zglint serve`
// upload: Word-numbered headings, a rate that does not match its figures, a table.
// Included with `#[path = "word/report.rs"] mod word;`.
#![allow(dead_code)]

use std::io::{Cursor, Write};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A run of text with the properties Word gives Chinese text.
pub fn run(text: &str) -> String {
    format!(
        r#"<w:r w:rsidRPr="00C1A2B3"><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
    )
}

pub fn para(runs: &[&str]) -> String {
    let runs: String = runs.iter().map(|t| run(t)).collect();
    format!("<w:p>{runs}</w:p>")
}

/// A paragraph numbered by Word: list `num`, level `ilvl`.
pub fn numbered(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
        run(text)
    )
}

/// Lists: 一、 at level 0 and （一） at level 1; instance 2 of the same list restarts
/// level 0 at 3 (a heading that skips 二).
pub fn numbering() -> String {
    let lvl = |ilvl: u32, text: &str| {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>"#,
        lvl(0, "%1、"),
        lvl(1, "（%2）")
    )
}

/// The fictional report of 青石镇: a title, Word-numbered headings (the second skips a
/// number), a rate that does not match its figures in a sentence Word split into runs, a
/// table whose cell holds another, and, with `commented`, a comment of the editor's own.
pub fn report(commented: bool) -> Vec<u8> {
    let (c_start, c_end, c_ref) = if commented {
        (
            r#"<w:commentRangeStart w:id="3"/>"#,
            r#"<w:commentRangeEnd w:id="3"/>"#,
            r#"<w:r><w:commentReference w:id="3"/></w:r>"#,
        )
    } else {
        ("", "", "")
    };
    let cell = |text: &str| {
        format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
            para(&[text])
        )
    };
    let body = [
        para(&["中共青石镇委员会关于巡察整改", "进展情况的通报"]),
        format!(
            "<w:p>{c_start}{}{c_end}{c_ref}{}</w:p>",
            run("根据县委统一部署，2025年3月10日至5月20日，县委第三巡察组对青石镇党委开展了巡察。"),
            run("2025年6月15日，巡察组向青石镇党委反馈了巡察意见。现将整改进展情况通报如下。")
        ),
        numbered(1, 0, "整改工作总体情况"),
        para(&[
            "镇党委对巡察反馈的12个问题逐项制定整改措施30条，截至2025年9月30日，已完成27条，完成",
            "率为92%。",
        ]),
        numbered(2, 0, "具体问题整改情况"),
        numbered(2, 1, "关于落实主体责任不到位的问题"),
        format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr>{}{}</w:tr></w:tbl>"#,
            cell("村级财务"),
            cell("整改情况：排查村级财务隐患40处，已整改30处，整改率为80%。")
        ),
        numbered(2, 1, "关于作风建设不够扎实的问题"),
        para(&["整改情况：开展作风整顿专题会议5次，约谈干部12人。"]),
        para(&["中共青石镇委员会"]),
        para(&["2025年10月8日"]),
    ]
    .concat();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
    );
    let mut rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#.to_string();
    let mut parts = vec![
        ("_rels/.rels".to_string(), r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string()),
        ("word/document.xml".to_string(), document),
        ("word/numbering.xml".to_string(), numbering()),
    ];
    if commented {
        types += r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#;
        rels += r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#;
        parts.push((
            "word/comments.xml".to_string(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}"><w:comment w:id="3" w:author="李文静" w:date="2025-10-09T09:00:00Z" w:initials="LWJ"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>巡察时间请与反馈意见核对</w:t></w:r></w:p></w:comment></w:comments>"#
            ),
        ));
    }
    parts.insert(0, ("[Content_Types].xml".to_string(), types + "</Types>"));
    parts.push((
        "word/_rels/document.xml.rels".to_string(),
        rels + "</Relationships>",
    ));
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in &parts {
        w.start_file(name.as_str(), opts).expect("zip entry");
        w.write_all(text.as_bytes()).expect("zip write");
    }
    w.finish().expect("zip").into_inner()
}
