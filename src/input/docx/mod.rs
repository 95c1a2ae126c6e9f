//! Word documents (`.docx`): the body's paragraphs, numbering labels included, one per line.
//!
//! A `.docx` is a zip of XML parts. zglint reads three: `word/document.xml` (the body, see
//! `body`), and `word/numbering.xml` and `word/styles.xml` for the labels automatic
//! numbering draws (see `numbering`). Against hostile files: the zip's entry count is checked
//! before its directory is read, each part is inflated through a reader that stops at the
//! bytes left of [`Limits::inflated_bytes`] (the sizes the zip declares are not trusted), and
//! XML may nest only [`Limits::xml_depth`] deep. quick-xml expands no entities but XML's five.

mod body;
mod format;
mod numbering;
pub(crate) mod text;
pub(crate) mod xml;

use super::{Format, Input, Limits, ReadError};
use std::io::{Cursor, Read};

/// Read a `.docx`'s text.
pub(super) fn read(name: &str, bytes: &[u8], limits: &Limits) -> Result<Input, ReadError> {
    let problem = |problem: String| ReadError::Docx {
        path: name.to_string(),
        problem,
    };
    if !bytes.starts_with(b"PK") {
        return Err(problem(
            "not a zip archive (a .docx is a zip of XML parts)".into(),
        ));
    }
    if let Some(n) = declared_entries(bytes).filter(|&n| n > limits.zip_entries) {
        return Err(problem(too_many(n, limits)));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| problem(format!("not a zip archive ({e})")))?;
    if archive.len() > limits.zip_entries {
        return Err(problem(too_many(archive.len(), limits)));
    }
    let mut budget = limits.inflated_bytes;
    let mut part = |part: &str| inflate(name, &mut archive, part, &mut budget, limits);
    let document = part("word/document.xml")?.ok_or_else(|| {
        problem("no word/document.xml in the archive: a zip, but not a Word document".into())
    })?;
    let styles = match part("word/styles.xml")? {
        Some(xml) => numbering::Styles::parse(&xml, limits.xml_depth).map_err(problem)?,
        None => numbering::Styles::default(),
    };
    let lists = match part("word/numbering.xml")? {
        Some(xml) => numbering::Numbering::parse(&xml, limits.xml_depth).map_err(problem)?,
        None => numbering::Numbering::default(),
    };
    let counters = numbering::Counters::new(&lists, &styles);
    let (text, paragraphs) = body::read(&document, counters, limits.xml_depth).map_err(problem)?;
    Ok(Input {
        text,
        format: Format::Docx,
        written: None,
        paragraphs,
    })
}

fn too_many(n: usize, limits: &Limits) -> String {
    format!(
        "the archive lists {n} entries, more than the {} a .docx may have",
        limits.zip_entries
    )
}

/// The entry count in the zip's end-of-central-directory record, read before the directory
/// itself (`None` when there is no record, or it defers to a ZIP64 record).
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    const EOCD: &[u8] = b"PK\x05\x06";
    // The record is 22 bytes plus a comment of at most 65,535.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let at = bytes[from..].windows(4).rposition(|w| w == EOCD)? + from;
    let field = bytes.get(at + 10..at + 12)?;
    let n = u16::from_le_bytes([field[0], field[1]]);
    (n != u16::MAX).then_some(usize::from(n))
}

/// Inflate one part as text, counting its bytes against `budget`; `None` when it is absent.
fn inflate(
    name: &str,
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    part: &str,
    budget: &mut u64,
    limits: &Limits,
) -> Result<Option<String>, ReadError> {
    let problem = |problem: String| ReadError::Docx {
        path: name.to_string(),
        problem,
    };
    let mut file = match archive.by_name(part) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(problem(format!("cannot open {part}: {e}"))),
    };
    let mut bytes = Vec::new();
    (&mut file)
        .take(budget.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| problem(format!("cannot inflate {part}: {e}")))?;
    if bytes.len() as u64 > *budget {
        return Err(ReadError::TooLarge {
            path: name.to_string(),
            what: format!("{part} once inflated (with the parts read before it)"),
            limit: limits.inflated_bytes,
        });
    }
    *budget -= bytes.len() as u64;
    let text = match super::encoding::bom(&bytes) {
        Some((encoding, skip)) => super::encoding::decode_strict(&bytes[skip..], encoding, skip),
        None => super::encoding::decode_strict(&bytes, super::Encoding::Utf8, 0),
    };
    text.map(Some).map_err(|e| {
        problem(format!(
            "{part} is not valid {} at byte {}",
            e.encoding.label(),
            e.offset
        ))
    })
}

#[cfg(test)]
mod tests;
