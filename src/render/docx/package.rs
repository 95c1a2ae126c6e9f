//! The `.docx` package: the parts a comment needs (`word/comments.xml`, its relationship in
//! `word/_rels/document.xml.rels`, its content type in `[Content_Types].xml`) added or
//! extended, `word/document.xml` replaced, every other entry copied as it is compressed.

use std::io::{Cursor, Read, Write};

pub(super) const DOCUMENT: &str = "word/document.xml";
const RELS: &str = "word/_rels/document.xml.rels";
const TYPES: &str = "[Content_Types].xml";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const COMMENTS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

/// An archive being read.
pub(super) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes a part may inflate to.
    limit: u64,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8], limit: u64) -> Result<Self, String> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a zip archive ({e})"))?;
        Ok(Package { archive, limit })
    }

    /// A part as text; `None` when absent.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<String>, String> {
        let file = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("cannot open {name}: {e}")),
        };
        let mut bytes = Vec::new();
        file.take(self.limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot inflate {name}: {e}"))?;
        if bytes.len() as u64 > self.limit {
            return Err(format!("{name} is larger than {} bytes", self.limit));
        }
        let bytes = bytes
            .strip_prefix("\u{FEFF}".as_bytes())
            .map(<[u8]>::to_vec)
            .unwrap_or(bytes);
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| format!("{name} is not UTF-8"))
    }

    /// The name of the comments part: the one the document's relationships name, else
    /// `word/comments.xml`; and whether the relationship exists.
    pub(super) fn comments_name(rels: Option<&str>) -> (String, bool) {
        let target = rels.and_then(|rels| {
            relationships(rels)
                .into_iter()
                .find(|(ty, _)| ty == COMMENTS_REL)
                .map(|(_, target)| target)
        });
        match target {
            Some(t) if t.starts_with('/') => (t.trim_start_matches('/').to_string(), true),
            Some(t) => (format!("word/{}", t.trim_start_matches("./")), true),
            None => ("word/comments.xml".to_string(), false),
        }
    }

    /// A copy of the archive with `replaced` parts written anew (added when absent), every
    /// other entry copied without inflating it.
    pub(super) fn rewrite(mut self, replaced: &[(String, String)]) -> Result<Vec<u8>, String> {
        let zip_err = |e: zip::result::ZipError| format!("cannot write the archive: {e}");
        let io_err = |e: std::io::Error| format!("cannot write the archive: {e}");
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut written = vec![false; replaced.len()];
        for i in 0..self.archive.len() {
            let file = self.archive.by_index_raw(i).map_err(zip_err)?;
            let name = file.name().to_string();
            match replaced.iter().position(|(n, _)| *n == name) {
                Some(j) => {
                    drop(file);
                    out.start_file(name, opts).map_err(zip_err)?;
                    out.write_all(replaced[j].1.as_bytes()).map_err(io_err)?;
                    written[j] = true;
                }
                None => out.raw_copy_file(file).map_err(zip_err)?,
            }
        }
        for ((name, text), done) in replaced.iter().zip(written) {
            if !done {
                out.start_file(name.as_str(), opts).map_err(zip_err)?;
                out.write_all(text.as_bytes()).map_err(io_err)?;
            }
        }
        Ok(out.finish().map_err(zip_err)?.into_inner())
    }
}

/// The `(Type, Target)` of each relationship.
fn relationships(rels: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(rels);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship" =>
            {
                let get = |key: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                };
                if let (Some(ty), Some(target)) = (get(b"Type"), get(b"Target")) {
                    out.push((ty, target));
                }
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// `xml` with `content` put at the end of its root element.
pub(super) fn append_to_root(part: &str, xml: &str, content: &str) -> Result<String, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        let from = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader
            .read_event()
            .map_err(|e| format!("broken XML in {part}: {e}"))?;
        let to = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) if depth == 1 => {
                return Ok(format!("{}{content}{}", &xml[..from], &xml[from..]));
            }
            quick_xml::events::Event::End(_) => depth = depth.saturating_sub(1),
            quick_xml::events::Event::Empty(e) if depth == 0 => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let tag = xml[from..to].trim_end_matches("/>").trim_end();
                return Ok(format!(
                    "{}{tag}>{content}</{name}>{}",
                    &xml[..from],
                    &xml[to..]
                ));
            }
            quick_xml::events::Event::Eof => return Err(format!("{part} has no root element")),
            _ => {}
        }
    }
}

/// The highest `w:id` of the `w:comment`s of a comments part.
pub(super) fn max_comment_id(xml: &str) -> Option<u64> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut max = None;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e))
                if e.name().as_ref() == b"w:comment" =>
            {
                let id = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"w:id")
                    .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok());
                max = max.max(id);
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    max
}

/// The parts that carry `comments` (each a `w:comment` element): the comments part extended
/// or new, and, for a new one, its relationship and content type.
pub(super) fn comment_parts(
    pkg: &mut Package<'_>,
    comments: &str,
) -> Result<Vec<(String, String)>, String> {
    let rels = pkg.part(RELS)?;
    let (name, related) = Package::comments_name(rels.as_deref());
    let mut parts = Vec::new();
    let existing = if related { pkg.part(&name)? } else { None };
    match existing {
        Some(xml) => parts.push((name.clone(), append_to_root(&name, &xml, comments)?)),
        None => parts.push((
            name.clone(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W}">{comments}</w:comments>"#
            ),
        )),
    }
    if !related {
        let target = name
            .strip_prefix("word/")
            .map_or(format!("/{name}"), String::from);
        let taken: Vec<String> =
            rels.as_deref()
                .map(|r| {
                    let mut reader = quick_xml::Reader::from_str(r);
                    let mut ids = Vec::new();
                    while let Ok(ev) = reader.read_event() {
                        match ev {
                            quick_xml::events::Event::Start(e)
                            | quick_xml::events::Event::Empty(e) => ids.extend(
                                e.attributes()
                                    .flatten()
                                    .filter(|a| a.key.as_ref() == b"Id")
                                    .map(|a| String::from_utf8_lossy(&a.value).into_owned()),
                            ),
                            quick_xml::events::Event::Eof => break,
                            _ => {}
                        }
                    }
                    ids
                })
                .unwrap_or_default();
        let id = (1..)
            .map(|n| format!("rIdZglint{n}"))
            .find(|id| !taken.contains(id))
            .unwrap_or_default();
        let rel = format!(r#"<Relationship Id="{id}" Type="{COMMENTS_REL}" Target="{target}"/>"#);
        let rels = match rels {
            Some(xml) => append_to_root(RELS, &xml, &rel)?,
            None => format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel}</Relationships>"#
            ),
        };
        parts.push((RELS.to_string(), rels));
    }
    let types = pkg
        .part(TYPES)?
        .ok_or_else(|| format!("no {TYPES} in the archive"))?;
    let part_name = format!("/{name}");
    if !types.contains(&format!(r#"PartName="{part_name}""#)) {
        let over = format!(r#"<Override PartName="{part_name}" ContentType="{COMMENTS_TYPE}"/>"#);
        parts.push((TYPES.to_string(), append_to_root(TYPES, &types, &over)?));
    }
    Ok(parts)
}

/// A minimal `.docx` whose body is `document` (a `w:body`'s paragraphs).
pub(super) fn minimal(body: &str) -> Result<Vec<u8>, String> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let zip_err = |e: zip::result::ZipError| format!("cannot write the archive: {e}");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        (TYPES, types),
        ("_rels/.rels", rels),
        (DOCUMENT, document.as_str()),
    ] {
        out.start_file(name, opts).map_err(zip_err)?;
        out.write_all(text.as_bytes())
            .map_err(|e| format!("cannot write the archive: {e}"))?;
    }
    Ok(out.finish().map_err(zip_err)?.into_inner())
}
