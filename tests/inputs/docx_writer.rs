//! A small `.docx` writer for the tests: a report's lines become Word paragraphs, and its
//! headings' markers (一、 （一） 1. (1) 1) ①) are taken out of the text and drawn by Word
//! numbering instead, as in a document whose headings use automatic numbering.

use std::collections::HashMap;
use std::io::{Cursor, Write};
use zglint::document::MarkerStyle;

/// Word's namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// One numbered level: its `w:lvlText` with the number as `%N`, and its `w:numFmt`.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Template {
    ilvl: usize,
    text: String,
    format: &'static str,
}

/// The lists the document uses, as numbering.xml will hold them.
#[derive(Default)]
struct Lists {
    /// One abstract list per level template; the index is its w:abstractNumId.
    templates: Vec<Template>,
    by_template: HashMap<Template, usize>,
    /// w:num instances: (abstract list, start override at its level); numId = index + 1.
    nums: Vec<(usize, u32)>,
    /// The instance in use for each abstract list.
    current: HashMap<usize, usize>,
    /// The last value each abstract list drew.
    last: HashMap<usize, u32>,
}

impl Lists {
    /// The numId that draws `value` with `template`, continuing the list where Word would
    /// and starting a new instance (`w:startOverride`) where the report's number jumps.
    fn number(&mut self, template: Template, value: u32) -> usize {
        let abs = match self.by_template.get(&template) {
            Some(&a) => a,
            None => {
                self.templates.push(template.clone());
                self.by_template.insert(template, self.templates.len() - 1);
                self.templates.len() - 1
            }
        };
        let natural = self.last.get(&abs).map_or(1, |v| v + 1);
        let num = match self.current.get(&abs) {
            Some(&n) if natural == value => n,
            _ => {
                // Instances of one list share its counters: a new one restarts explicitly.
                self.nums.push((abs, value));
                self.nums.len() - 1
            }
        };
        self.current.insert(abs, num);
        self.last.insert(abs, value);
        num + 1
    }

    fn xml(&self) -> String {
        let mut out = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">"#
        );
        for (id, t) in self.templates.iter().enumerate() {
            out += &format!(
                r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="multilevel"/>"#
            );
            for ilvl in 0..9 {
                let (text, format) = if ilvl == t.ilvl {
                    (escape(&t.text), t.format)
                } else {
                    (format!("%{}.", ilvl + 1), "decimal")
                };
                out += &format!(
                    r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>"#
                );
            }
            out += "</w:abstractNum>";
        }
        for (i, (abs, start)) in self.nums.iter().enumerate() {
            out += &format!(
                r#"<w:num w:numId="{}"><w:abstractNumId w:val="{abs}"/>"#,
                i + 1
            );
            let ilvl = self.templates[*abs].ilvl;
            out += &format!(
                r#"<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>"#
            );
            out += "</w:num>";
        }
        out + "</w:numbering>"
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A paragraph's runs: text, with tabs as `w:tab`, split into a few runs as Word does.
fn runs(text: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    for piece in chars.chunks(40) {
        let piece: String = piece.iter().collect();
        for (i, part) in piece.split('\t').enumerate() {
            if i > 0 {
                out += "<w:r><w:tab/></w:r>";
            }
            if !part.is_empty() {
                out += &format!(
                    r#"<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    escape(part)
                );
            }
        }
    }
    out
}

/// The level template of a heading marker: the number replaced by `%N`.
fn template(marker: &str, style: MarkerStyle) -> Option<Template> {
    let ilvl = match style {
        MarkerStyle::Broken => return None,
        MarkerStyle::Circled => 5,
        s => usize::from(s.rank()) - 1,
    };
    let is_number = |c: char| match style {
        MarkerStyle::CnComma | MarkerStyle::CnParen => "一二三四五六七八九十".contains(c),
        MarkerStyle::Circled => ('①'..='⑳').contains(&c),
        _ => c.is_ascii_digit() || ('０'..='９').contains(&c),
    };
    let start = marker.find(is_number)?;
    let end = marker[start..]
        .find(|c| !is_number(c))
        .map_or(marker.len(), |e| start + e);
    let digits = &marker[start..end];
    let format = match style {
        MarkerStyle::CnComma | MarkerStyle::CnParen => "chineseCounting",
        MarkerStyle::Circled => "decimalEnclosedCircle",
        _ if digits.chars().all(|c| c.is_ascii_digit()) => "decimal",
        _ => "decimalFullWidth",
    };
    let text = format!("{}%{}{}", &marker[..start], ilvl + 1, &marker[end..]);
    Some(Template { ilvl, text, format })
}

/// A `.docx` of `text`: one paragraph per line; each heading the parser finds loses its
/// marker, which Word numbering draws instead. Level-1 headings take their numbering from a
/// paragraph style while their list continues, as Word's heading styles do. Returns the
/// archive and the number of headings Word numbers.
pub fn report_docx(text: &str) -> (Vec<u8>, usize) {
    let (doc, _) = zglint::analyse(text);
    // Heading lines by the byte where their marker starts.
    let markers: HashMap<usize, (usize, u32, MarkerStyle)> = doc
        .sections
        .iter()
        .filter_map(|s| {
            Some((
                s.marker.span.start,
                (s.marker.span.end, s.marker.number?, s.marker.style),
            ))
        })
        .collect();
    let mut lists = Lists::default();
    let mut style_num: Option<usize> = None;
    let mut body = String::new();
    let mut numbered = 0;
    let mut start = 0;
    for line in text.split('\n') {
        let line_start = start;
        start += line.len() + 1;
        let indent = line.len() - line.trim_start().len();
        let heading = markers
            .get(&(line_start + indent))
            .and_then(|&(end, number, style)| {
                let marker = &text[line_start + indent..end];
                Some((template(marker, style)?, number, end - line_start))
            });
        let Some((template, number, rest)) = heading else {
            body += &format!("<w:p>{}</w:p>", runs(line));
            continue;
        };
        numbered += 1;
        let ilvl = template.ilvl;
        let num = lists.number(template, number);
        let props = if ilvl == 0 && style_num.is_none_or(|s| s == num) {
            style_num = Some(num);
            r#"<w:pPr><w:pStyle w:val="ZgHeading1"/></w:pPr>"#.to_string()
        } else {
            format!(
                r#"<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>"#
            )
        };
        body += &format!("<w:p>{props}{}</w:p>", runs(&line[rest..]));
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    );
    let heading_num = style_num.map_or(String::new(), |n| {
        format!(r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{n}"/></w:numPr></w:pPr>"#)
    });
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="ZgHeading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>{heading_num}</w:style></w:styles>"#
    );
    let bytes = write_docx(&document, Some(&lists.xml()), Some(&styles));
    (bytes, numbered)
}

/// A `.docx` archive of the given parts.
pub fn write_docx(document: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut parts = vec![
        ("[Content_Types].xml", content_types.to_string()),
        ("_rels/.rels", rels.to_string()),
        ("word/document.xml", document.to_string()),
    ];
    if let Some(n) = numbering {
        parts.push(("word/numbering.xml", n.to_string()));
    }
    if let Some(s) = styles {
        parts.push(("word/styles.xml", s.to_string()));
    }
    let entries: Vec<(&str, &[u8])> = parts.iter().map(|(n, c)| (*n, c.as_bytes())).collect();
    zip(&entries)
}

/// A zip archive of `(name, bytes)` entries, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, bytes) in entries {
        w.start_file(*name, opts).expect("zip entry");
        w.write_all(bytes).expect("zip write");
    }
    w.finish().expect("zip").into_inner()
}
