//! One pass of quick-xml over `word/document.xml`: each paragraph the reader
//! (`crate::input::docx`) turns into text, its runs and their children with the byte ranges
//! they occupy in the XML and the text each contributes.
//!
//! The reader's rules are followed exactly, so a paragraph's text here is the reader's, less
//! the numbering label Word draws: deleted and moved-away text, field instructions, hidden
//! runs, text boxes and `mc:Fallback` copies give no text; `w:tab` is a tab, `w:br` a line
//! break (a space in a table cell), `w:noBreakHyphen` a hyphen.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use std::ops::Range;

/// Elements whose content the reader does not read (as `crate::input::docx::body`).
const SKIPPED: &[&[u8]] = &[
    b"w:del",
    b"w:moveFrom",
    b"w:delText",
    b"w:instrText",
    b"w:txbxContent",
    b"mc:Fallback",
    b"w:pPrChange",
    b"w:rPrChange",
];

/// A direct child of a run (`w:t`, `w:tab`, `w:br`, …; not `w:rPr`).
#[derive(Debug, Default)]
pub(super) struct Child {
    /// The element in the XML, start tag to end tag.
    pub xml: Range<usize>,
    /// The text it contributes.
    pub text: String,
    /// A `w:t`: it can be cut in two at any character.
    pub is_t: bool,
}

/// An outermost run of a paragraph.
#[derive(Debug, Default)]
pub(super) struct Run {
    /// The whole element.
    pub xml: Range<usize>,
    /// Its start tag (empty when the run is an empty element).
    pub open: Range<usize>,
    /// Its `w:rPr`, copied onto each piece when the run is cut.
    pub props: Option<Range<usize>>,
    pub children: Vec<Child>,
    /// Where its text starts in the paragraph's text.
    pub at: usize,
    pub len: usize,
}

/// A paragraph the reader reads.
#[derive(Debug, Default)]
pub(super) struct Para {
    /// Its start tag (the whole element when it is empty: `<w:p/>`).
    pub open: Range<usize>,
    pub empty: bool,
    /// Where its content starts: after `w:pPr`, else after the start tag.
    pub content: usize,
    /// Where its end tag starts.
    pub close: usize,
    pub runs: Vec<Run>,
    /// Its text, without the numbering label.
    pub text: String,
}

/// The paragraphs of a body, and the highest comment id the body uses.
pub(super) struct Body {
    pub paras: Vec<Para>,
    pub max_comment_id: Option<u64>,
}

/// The reader's state (`crate::input::docx::body::Body`), mirrored.
#[derive(Default)]
struct State {
    paras: Vec<Para>,
    para: Option<(Para, usize)>,
    /// Open tables: whether each has an open cell.
    tables: Vec<bool>,
    skip: Option<usize>,
    /// The reader's current run: `Some(hidden)`.
    reader_run: Option<bool>,
    in_t: bool,
    in_rpr: bool,
    /// The outermost run being read, and its depth.
    run: Option<(Run, usize)>,
    /// The run child being read.
    child: Option<Child>,
    max_comment_id: Option<u64>,
}

pub(super) fn scan(xml: &str, max_depth: usize) -> Result<Body, String> {
    let part = "word/document.xml";
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut s = State::default();
    let mut depth = 0usize;
    loop {
        let from = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            format!(
                "broken XML in {part} at byte {}: {e}",
                reader.error_position()
            )
        })?;
        let to = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let broken = |what: &str| format!("broken XML in {part} at byte {to}: {what}");
        let too_deep = || format!("{part} nests XML elements more than {max_depth} deep");
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > max_depth {
                    return Err(too_deep());
                }
                s.open(&e, depth, from..to, false);
            }
            Event::Empty(e) => {
                if depth + 1 > max_depth {
                    return Err(too_deep());
                }
                s.open(&e, depth + 1, from..to, true);
                s.close(e.name().as_ref(), depth + 1, from..to);
            }
            Event::End(e) => {
                s.close(e.name().as_ref(), depth, from..to);
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                let text = t.xml10_content().map_err(|e| broken(&e.to_string()))?;
                s.text(&text);
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| broken(&e.to_string()))?;
                s.text(&text);
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.decode().map_err(|e| broken(&e.to_string()))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| broken(&format!("undefined entity &{name};")))?
                            .to_string()
                    }
                    Err(e) => return Err(broken(&e.to_string())),
                };
                s.text(&text);
            }
            Event::Eof if depth > 0 => return Err(broken("the part ends inside an element")),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Body {
        paras: s.paras,
        max_comment_id: s.max_comment_id,
    })
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// An on/off property: on unless its value says off.
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, b"w:val").as_deref(), Some("0" | "false" | "off"))
}

impl State {
    fn open(&mut self, e: &BytesStart<'_>, depth: usize, xml: Range<usize>, empty: bool) {
        let name = e.name();
        let name = name.as_ref();
        if matches!(
            name,
            b"w:commentRangeStart" | b"w:commentRangeEnd" | b"w:commentReference"
        ) {
            if let Some(id) = attr(e, b"w:id").and_then(|v| v.trim().parse::<u64>().ok()) {
                self.max_comment_id = self.max_comment_id.max(Some(id));
            }
        }
        // The structure: a run's direct children, whatever the reader makes of them.
        if let Some((run, d)) = &mut self.run {
            if depth == *d + 1 {
                if name == b"w:rPr" {
                    run.props = Some(xml.start..xml.end);
                } else {
                    self.child = Some(Child {
                        xml: xml.clone(),
                        text: String::new(),
                        is_t: name == b"w:t",
                    });
                }
            }
        }
        if self.skip.is_some() {
            return;
        }
        if SKIPPED.contains(&name) || (name == b"w:p" && self.para.is_some()) {
            self.skip = Some(depth);
            return;
        }
        let in_cell = self.tables.last().copied().unwrap_or(false);
        match name {
            b"w:p" => {
                let para = Para {
                    open: xml.clone(),
                    empty,
                    content: xml.end,
                    close: xml.start,
                    ..Para::default()
                };
                self.para = Some((para, depth));
            }
            b"w:r" if self.para.is_some() => {
                self.reader_run = Some(false);
                if self.run.is_none() {
                    let at = self.para.as_ref().map_or(0, |(p, _)| p.text.len());
                    let open = if empty { xml.end..xml.end } else { xml.clone() };
                    let run = Run {
                        xml: xml.clone(),
                        open,
                        at,
                        ..Run::default()
                    };
                    self.run = Some((run, depth));
                }
            }
            b"w:rPr" => self.in_rpr = self.reader_run.is_some(),
            b"w:vanish" | b"w:webHidden" if self.in_rpr => {
                if let Some(hidden) = &mut self.reader_run {
                    *hidden = on(e);
                }
            }
            b"w:t" if self.reader_run.is_some() => self.in_t = true,
            b"w:tab" | b"w:ptab" if self.reader_run.is_some() => self.push("\t"),
            b"w:br" | b"w:cr" if self.reader_run.is_some() => {
                self.push(if in_cell { " " } else { "\n" })
            }
            b"w:noBreakHyphen" if self.reader_run.is_some() => self.push("-"),
            b"w:tbl" => self.tables.push(false),
            b"w:tc" => {
                if let Some(t) = self.tables.last_mut() {
                    *t = true;
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8], depth: usize, xml: Range<usize>) {
        // The structure first: a run child or a run ends, a paragraph's properties end.
        if let Some((run, d)) = &mut self.run {
            if depth == *d + 1 && name == b"w:rPr" {
                if let Some(props) = &mut run.props {
                    props.end = xml.end;
                }
            } else if depth == *d + 1 {
                if let Some(mut child) = self.child.take() {
                    child.xml.end = xml.end;
                    run.children.push(child);
                }
            } else if depth == *d {
                run.xml.end = xml.end;
                if let Some((run, _)) = self.run.take() {
                    if let Some((p, _)) = &mut self.para {
                        let mut run = run;
                        run.len = p.text.len() - run.at;
                        p.runs.push(run);
                    }
                }
            }
        }
        if let Some((p, d)) = &mut self.para {
            if depth == *d + 1 && name == b"w:pPr" {
                p.content = xml.end;
            }
        }
        if let Some(d) = self.skip {
            if depth == d {
                self.skip = None;
            }
            return;
        }
        match name {
            b"w:t" => self.in_t = false,
            b"w:rPr" => self.in_rpr = false,
            b"w:r" => self.reader_run = None,
            b"w:p" => {
                if let Some((mut p, _)) = self.para.take() {
                    p.close = if p.empty { p.open.end } else { xml.start };
                    self.paras.push(p);
                }
            }
            b"w:tc" => {
                if let Some(t) = self.tables.last_mut() {
                    *t = false;
                }
            }
            b"w:tbl" => {
                self.tables.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if self.skip.is_none() && self.in_t {
            self.push(t);
        }
    }

    /// Text the reader keeps: the current run's, unless hidden.
    fn push(&mut self, t: &str) {
        if let (Some((p, _)), Some(false)) = (&mut self.para, self.reader_run) {
            p.text.push_str(t);
            if let Some(child) = &mut self.child {
                child.text.push_str(t);
            }
        }
    }
}
