//! A walk over one XML part of a `.docx`, with a depth limit and errors that name the part.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use std::ops::Range;

/// One step of the walk.
pub(crate) enum Node<'e, 'x> {
    /// An element opens (an empty element opens and then closes).
    Open(&'e BytesStart<'x>),
    /// The element with this qualified name closes.
    Close(&'e [u8]),
    /// Character data, entities resolved.
    Text(&'e str),
}

/// Where a node stands in the XML.
#[derive(Clone, Debug)]
pub(crate) struct Span {
    /// The bytes of its event: a start tag, an end tag, a whole empty element, character data.
    pub xml: Range<usize>,
    /// The node opens or closes an empty element (`<w:br/>`).
    pub empty: bool,
}

/// Walk `xml`, calling `f` with each node and the depth of its element (1 for the root).
/// Errors: the XML is broken or nests deeper than `max_depth`; the message names `part`.
pub(super) fn walk(
    part: &str,
    xml: &str,
    max_depth: usize,
    mut f: impl FnMut(Node<'_, '_>, usize),
) -> Result<(), String> {
    walk_spans(part, xml, max_depth, |node, depth, _| f(node, depth))
}

/// [`walk`], also giving each node's [`Span`].
pub(crate) fn walk_spans(
    part: &str,
    xml: &str,
    max_depth: usize,
    mut f: impl FnMut(Node<'_, '_>, usize, Span),
) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    let index = |at: u64| usize::try_from(at).unwrap_or(usize::MAX);
    loop {
        let from = index(reader.buffer_position());
        let event = reader.read_event().map_err(|e| {
            format!(
                "broken XML in {part} at byte {}: {e}",
                reader.error_position()
            )
        })?;
        let at = reader.buffer_position();
        let span = |empty| Span {
            xml: from..index(at),
            empty,
        };
        let broken = |what: &str| format!("broken XML in {part} at byte {at}: {what}");
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > max_depth {
                    return Err(format!(
                        "{part} nests XML elements more than {max_depth} deep"
                    ));
                }
                f(Node::Open(&e), depth, span(false));
            }
            Event::Empty(e) => {
                if depth + 1 > max_depth {
                    return Err(format!(
                        "{part} nests XML elements more than {max_depth} deep"
                    ));
                }
                f(Node::Open(&e), depth + 1, span(true));
                f(Node::Close(e.name().as_ref()), depth + 1, span(true));
            }
            Event::End(e) => {
                f(Node::Close(e.name().as_ref()), depth, span(false));
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                let text = t.xml10_content().map_err(|e| broken(&e.to_string()))?;
                f(Node::Text(&text), depth, span(false));
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| broken(&e.to_string()))?;
                f(Node::Text(&text), depth, span(false));
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
                f(Node::Text(&text), depth, span(false));
            }
            Event::Eof if depth > 0 => return Err(broken("the part ends inside an element")),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of attribute `key` (a qualified name such as `w:val`), entities resolved.
pub(crate) fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// An on/off property (`<w:vanish/>`, `<w:isLgl w:val="0"/>`): on unless its value says off.
pub(crate) fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, b"w:val").as_deref(), Some("0" | "false" | "off"))
}
