//! The body of `word/document.xml` as text: one line per paragraph, one line per table row.
//!
//! What text a paragraph has is `text::Rules`' to say; here it follows the label its numbering
//! draws. A table row is one line: its cells separated by a tab, the paragraphs of a cell by a
//! space; a nested table's rows join their cell the same way.

use super::numbering::{Counters, ParaNumbering};
use super::text::{Rules, Step};
use super::xml::{self, Node};

/// The text of a body and the offset where each paragraph starts, in document order.
pub(super) fn read(
    xml: &str,
    counters: Counters<'_>,
    max_depth: usize,
) -> Result<(String, Vec<usize>), String> {
    let mut body = Body {
        counters,
        out: Piece::default(),
        para: None,
        tables: Vec::new(),
        rules: Rules::default(),
    };
    xml::walk("word/document.xml", xml, max_depth, |node, depth| {
        body.node(node, depth)
    })?;
    let Piece { text, starts } = body.out;
    Ok((text, starts))
}

/// Text with the offsets, local to it, where paragraphs start.
#[derive(Default)]
struct Piece {
    text: String,
    starts: Vec<usize>,
}

impl Piece {
    /// Append `other`, after `sep` when this piece is not empty.
    fn join(&mut self, other: Piece, sep: char) {
        if !self.text.is_empty() || !self.starts.is_empty() {
            self.text.push(sep);
        }
        let base = self.text.len();
        self.starts.extend(other.starts.iter().map(|s| s + base));
        self.text.push_str(&other.text);
    }
}

/// The paragraph being read.
struct Para {
    numbering: ParaNumbering,
    text: String,
}

/// A table being read: the cells of its current row, and the current cell.
#[derive(Default)]
struct Table {
    row: Vec<Piece>,
    cell: Option<Piece>,
}

struct Body<'a> {
    counters: Counters<'a>,
    out: Piece,
    para: Option<Para>,
    tables: Vec<Table>,
    /// What text the nodes give.
    rules: Rules,
}

impl Body<'_> {
    fn node(&mut self, node: Node<'_, '_>, depth: usize) {
        let Step::Read(text) = self.rules.step(&node, depth) else {
            return;
        };
        if let (Some(p), Some(t)) = (&mut self.para, text) {
            p.text.push_str(t);
        }
        match node {
            Node::Open(e) => {
                let name = e.name();
                self.open(name.as_ref(), e);
            }
            Node::Close(name) => self.close(name),
            Node::Text(_) => {}
        }
    }

    fn open(&mut self, name: &[u8], e: &quick_xml::events::BytesStart<'_>) {
        let val = || xml::attr(e, b"w:val");
        let in_run = self.rules.in_run();
        match name {
            b"w:p" => {
                self.para = Some(Para {
                    numbering: ParaNumbering::default(),
                    text: String::new(),
                })
            }
            b"w:pStyle" if !in_run => {
                if let Some(p) = &mut self.para {
                    p.numbering.style = val();
                }
            }
            b"w:numId" if !in_run => {
                if let Some(p) = &mut self.para {
                    p.numbering.num_id = val();
                }
            }
            b"w:ilvl" if !in_run => {
                if let Some(p) = &mut self.para {
                    p.numbering.ilvl = val().and_then(|v| v.parse().ok());
                }
            }
            b"w:tbl" => self.tables.push(Table::default()),
            b"w:tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(Piece::default());
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"w:p" => {
                if let Some(p) = self.para.take() {
                    let label = self.counters.label(&p.numbering).unwrap_or_default();
                    let piece = Piece {
                        text: label + &p.text,
                        starts: vec![0],
                    };
                    self.emit(piece, 1);
                }
            }
            b"w:tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(cell) = t.cell.take() {
                        t.row.push(cell);
                    }
                }
            }
            b"w:tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let mut line = Piece::default();
                    for (i, cell) in std::mem::take(&mut t.row).into_iter().enumerate() {
                        if i > 0 {
                            line.text.push('\t');
                        }
                        let base = line.text.len();
                        line.starts.extend(cell.starts.iter().map(|s| s + base));
                        line.text.push_str(&cell.text);
                    }
                    self.emit(line, 2);
                }
            }
            b"w:tbl" => {
                self.tables.pop();
            }
            _ => {}
        }
    }

    /// Put a paragraph (`up` 1) or a table row (`up` 2: its own table is still open) where
    /// it belongs: the enclosing table's open cell, after a space, or the body, as a line.
    fn emit(&mut self, piece: Piece, up: usize) {
        let n = self.tables.len();
        let cell = n.checked_sub(up).and_then(|i| self.tables[i].cell.as_mut());
        match cell {
            Some(cell) => cell.join(piece, ' '),
            None => {
                let base = self.out.text.len();
                self.out
                    .starts
                    .extend(piece.starts.iter().map(|s| s + base));
                self.out.text.push_str(&piece.text);
                self.out.text.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests;
