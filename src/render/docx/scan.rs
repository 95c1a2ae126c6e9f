//! One pass of quick-xml over `word/document.xml`: each paragraph the reader
//! (`crate::input::docx`) turns into text, its runs and their children with the byte ranges
//! they occupy in the XML and the text each contributes.
//!
//! The walk and the rules of what text counts are the reader's own (`xml::walk_spans`,
//! `text::Rules`), so a paragraph's text here is the reader's, less the numbering label Word
//! draws.

use crate::input::docx::text::{Rules, Step};
use crate::input::docx::xml::{self, Node, Span};
use quick_xml::events::BytesStart;
use std::ops::Range;

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

/// The structure being gathered, and the reader's rules.
#[derive(Default)]
struct State {
    paras: Vec<Para>,
    para: Option<(Para, usize)>,
    rules: Rules,
    /// The outermost run being read, and its depth.
    run: Option<(Run, usize)>,
    /// The run child being read.
    child: Option<Child>,
    max_comment_id: Option<u64>,
}

pub(super) fn scan(xml: &str, max_depth: usize) -> Result<Body, String> {
    let mut s = State::default();
    xml::walk_spans("word/document.xml", xml, max_depth, |node, depth, span| {
        s.node(node, depth, span)
    })?;
    Ok(Body {
        paras: s.paras,
        max_comment_id: s.max_comment_id,
    })
}

impl State {
    fn node(&mut self, node: Node<'_, '_>, depth: usize, span: Span) {
        // The structure, whatever the reader makes of it.
        match &node {
            Node::Open(e) => self.open_structure(e, depth, &span.xml),
            Node::Close(name) => self.close_structure(name, depth, &span.xml),
            Node::Text(_) => {}
        }
        let Step::Read(text) = self.rules.step(&node, depth) else {
            return;
        };
        if let (Some((p, _)), Some(t)) = (&mut self.para, text) {
            p.text.push_str(t);
            if let Some(child) = &mut self.child {
                child.text.push_str(t);
            }
        }
        match node {
            Node::Open(e) => match e.name().as_ref() {
                b"w:p" => {
                    let para = Para {
                        open: span.xml.clone(),
                        empty: span.empty,
                        content: span.xml.end,
                        close: span.xml.start,
                        ..Para::default()
                    };
                    self.para = Some((para, depth));
                }
                b"w:r" if self.para.is_some() && self.run.is_none() => {
                    let at = self.para.as_ref().map_or(0, |(p, _)| p.text.len());
                    let open = if span.empty {
                        span.xml.end..span.xml.end
                    } else {
                        span.xml.clone()
                    };
                    let run = Run {
                        xml: span.xml,
                        open,
                        at,
                        ..Run::default()
                    };
                    self.run = Some((run, depth));
                }
                _ => {}
            },
            Node::Close(b"w:p") => {
                if let Some((mut p, _)) = self.para.take() {
                    p.close = if p.empty { p.open.end } else { span.xml.start };
                    self.paras.push(p);
                }
            }
            _ => {}
        }
    }

    fn open_structure(&mut self, e: &BytesStart<'_>, depth: usize, xml: &Range<usize>) {
        let name = e.name();
        let name = name.as_ref();
        if matches!(
            name,
            b"w:commentRangeStart" | b"w:commentRangeEnd" | b"w:commentReference"
        ) {
            if let Some(id) = xml::attr(e, b"w:id").and_then(|v| v.trim().parse::<u64>().ok()) {
                self.max_comment_id = self.max_comment_id.max(Some(id));
            }
        }
        // A run's direct children, whatever the reader makes of them.
        if let Some((run, d)) = &mut self.run {
            if depth == *d + 1 {
                if name == b"w:rPr" {
                    run.props = Some(xml.clone());
                } else {
                    self.child = Some(Child {
                        xml: xml.clone(),
                        text: String::new(),
                        is_t: name == b"w:t",
                    });
                }
            }
        }
    }

    fn close_structure(&mut self, name: &[u8], depth: usize, xml: &Range<usize>) {
        // A run child or a run ends, a paragraph's properties end.
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
    }
}
