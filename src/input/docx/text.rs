//! What text `word/document.xml` gives: the one set of rules both the reader (`body`) and
//! the Word writer (`crate::render::docx`) follow, so the two cannot read a body differently.
//!
//! A paragraph's text is its runs' `w:t`, `w:tab` (a tab), `w:br`/`w:cr` (a line break; a
//! space inside a table cell) and `w:noBreakHyphen` (a hyphen). Deleted and moved-away text
//! (`w:del`, `w:moveFrom`), field instructions, hidden runs (`w:vanish`), text boxes, tracked
//! property changes and the fallback copies of `mc:AlternateContent` are left out, as is a
//! paragraph inside a paragraph (a frame or shape).

use super::xml::{self, Node};

/// Elements whose content is not text the reader sees.
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

/// What one node of the walk is to the reading.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Step<'t> {
    /// The node is in, or opens or closes, content that is left out.
    Skipped,
    /// The node is read; `Some` is the text it adds to the open paragraph.
    Read(Option<&'t str>),
}

/// The state of the reading, fed every node of the walk in order.
#[derive(Default)]
pub(crate) struct Rules {
    /// The depth of the element whose content is being skipped.
    skip: Option<usize>,
    in_para: bool,
    /// The current run: `Some(hidden)`.
    run: Option<bool>,
    /// Inside a `w:t`: its character data is text.
    in_t: bool,
    /// Inside a `w:rPr` of a run.
    in_rpr: bool,
    /// Open tables: whether each has an open cell.
    cells: Vec<bool>,
}

impl Rules {
    /// Inside a run (hidden or not).
    pub(crate) fn in_run(&self) -> bool {
        self.run.is_some()
    }

    /// Take `node` at `depth` and say what it is to the reading.
    pub(crate) fn step<'t>(&mut self, node: &Node<'t, '_>, depth: usize) -> Step<'t> {
        if let Some(d) = self.skip {
            if matches!(node, Node::Close(_)) && depth == d {
                self.skip = None;
            }
            return Step::Skipped;
        }
        let text = match node {
            Node::Open(e) => {
                let name = e.name();
                let name = name.as_ref();
                if SKIPPED.contains(&name) || (name == b"w:p" && self.in_para) {
                    self.skip = Some(depth);
                    return Step::Skipped;
                }
                self.open(name, e)
            }
            Node::Close(name) => {
                self.close(name);
                None
            }
            Node::Text(t) => self.in_t.then_some(*t),
        };
        // Text counts inside a paragraph's run that is not hidden.
        Step::Read(text.filter(|_| self.in_para && self.run == Some(false)))
    }

    fn open(&mut self, name: &[u8], e: &quick_xml::events::BytesStart<'_>) -> Option<&'static str> {
        let in_run = self.run.is_some();
        match name {
            b"w:p" => self.in_para = true,
            b"w:r" if self.in_para => self.run = Some(false),
            b"w:rPr" => self.in_rpr = in_run,
            b"w:vanish" | b"w:webHidden" if self.in_rpr => {
                if let Some(hidden) = &mut self.run {
                    *hidden = xml::on(e);
                }
            }
            b"w:t" if in_run => self.in_t = true,
            b"w:tab" | b"w:ptab" if in_run => return Some("\t"),
            b"w:br" | b"w:cr" if in_run => {
                let in_cell = self.cells.last().copied().unwrap_or(false);
                return Some(if in_cell { " " } else { "\n" });
            }
            b"w:noBreakHyphen" if in_run => return Some("-"),
            b"w:tbl" => self.cells.push(false),
            b"w:tc" => {
                if let Some(cell) = self.cells.last_mut() {
                    *cell = true;
                }
            }
            _ => {}
        }
        None
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"w:t" => self.in_t = false,
            b"w:rPr" => self.in_rpr = false,
            b"w:r" => self.run = None,
            b"w:p" => self.in_para = false,
            b"w:tc" => {
                if let Some(cell) = self.cells.last_mut() {
                    *cell = false;
                }
            }
            b"w:tbl" => {
                self.cells.pop();
            }
            _ => {}
        }
    }
}
