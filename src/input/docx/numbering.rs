//! Word's automatic numbering: the labels ("一、", "（一）", "1.") Word draws before numbered
//! paragraphs, which are not in the document's text.
//!
//! `numbering.xml` holds abstract lists (`w:abstractNum`, one `w:lvl` per level: `w:start`,
//! `w:numFmt`, `w:lvlText` such as `%1、` or `（%2）`, `w:lvlRestart`, `w:isLgl`, `w:suff`)
//! and list instances (`w:num`, pointing at an abstract list, with `w:lvlOverride`s). A
//! paragraph is numbered by its own `w:numPr` or by its style's (`styles.xml`, following
//! `w:basedOn`). Counters belong to the abstract list, so instances of one list continue each
//! other unless an instance overrides a level's start.

use super::format::format_number;
use super::xml::{self, Node};
use std::collections::{HashMap, HashSet};

/// The nine levels Word lists have.
const LEVELS: usize = 9;

/// One level of a list.
#[derive(Debug, Clone, Default)]
struct Level {
    /// `w:start` (0 when absent, as ECMA-376 says).
    start: u32,
    /// `w:numFmt`, e.g. "chineseCounting".
    format: String,
    /// `w:lvlText`, e.g. "%1、".
    text: String,
    /// `w:lvlRestart`: restart after this (1-based) level is used; 0 never.
    restart: Option<u32>,
    /// `w:isLgl`: show every level's number in decimal.
    legal: bool,
    /// `w:suff`: what follows the label, a tab unless it says otherwise.
    suffix: &'static str,
    /// `w:pStyle`: the paragraph style tied to this level.
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: Vec<Option<Level>>,
    /// `w:numStyleLink`: the list is defined by the numbering style of this id.
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// `w:lvlOverride`: a start override and/or a replacement level, by level.
    overrides: HashMap<usize, (Option<u32>, Option<Level>)>,
}

/// The lists of `numbering.xml`.
#[derive(Debug, Clone, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

/// What a style says about numbering.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// The paragraph styles of `styles.xml`, for the numbering they carry.
#[derive(Debug, Clone, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    /// The default paragraph style's id.
    default: Option<String>,
}

fn level_index(value: Option<String>) -> Option<usize> {
    value
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&i| i < LEVELS)
}

fn number(value: Option<String>) -> Option<u32> {
    value.and_then(|v| v.trim().parse().ok())
}

impl Numbering {
    /// Read `numbering.xml`.
    pub(super) fn parse(xml: &str, max_depth: usize) -> Result<Self, String> {
        let mut out = Numbering::default();
        let mut abs: Option<(String, Abstract)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        xml::walk("word/numbering.xml", xml, max_depth, |node, _| match node {
            Node::Open(e) => {
                let val = || xml::attr(e, b"w:val");
                match e.name().as_ref() {
                    b"w:abstractNum" => {
                        let id = xml::attr(e, b"w:abstractNumId").unwrap_or_default();
                        abs = Some((id, Abstract::default()));
                    }
                    b"w:num" => {
                        let id = xml::attr(e, b"w:numId").unwrap_or_default();
                        num = Some((id, Num::default()));
                    }
                    b"w:abstractNumId" => {
                        if let Some((_, n)) = &mut num {
                            n.abstract_id = val().unwrap_or_default();
                        }
                    }
                    b"w:lvlOverride" => override_level = level_index(xml::attr(e, b"w:ilvl")),
                    b"w:startOverride" => {
                        if let (Some((_, n)), Some(i)) = (&mut num, override_level) {
                            n.overrides.entry(i).or_default().0 = number(val());
                        }
                    }
                    b"w:lvl" => {
                        let i = level_index(xml::attr(e, b"w:ilvl"));
                        level = i.map(|i| {
                            let suffix = "\t";
                            (
                                i,
                                Level {
                                    suffix,
                                    ..Level::default()
                                },
                            )
                        });
                    }
                    b"w:numStyleLink" => {
                        if let Some((_, a)) = &mut abs {
                            a.style_link = val();
                        }
                    }
                    name => {
                        if let Some((_, l)) = &mut level {
                            read_level_property(l, name, e);
                        }
                    }
                }
            }
            Node::Close(name) => match name {
                b"w:lvl" => {
                    if let Some((i, l)) = level.take() {
                        if let Some((_, n)) = &mut num {
                            n.overrides.entry(i).or_default().1 = Some(l);
                        } else if let Some((_, a)) = &mut abs {
                            a.levels.resize(LEVELS, None);
                            a.levels[i] = Some(l);
                        }
                    }
                }
                b"w:abstractNum" => {
                    if let Some((id, a)) = abs.take() {
                        out.abstracts.insert(id, a);
                    }
                }
                b"w:num" => {
                    if let Some((id, n)) = num.take() {
                        out.nums.insert(id, n);
                    }
                }
                b"w:lvlOverride" => override_level = None,
                _ => {}
            },
            Node::Text(_) => {}
        })?;
        Ok(out)
    }
}

fn read_level_property(l: &mut Level, name: &[u8], e: &quick_xml::events::BytesStart<'_>) {
    let val = || xml::attr(e, b"w:val");
    match name {
        b"w:start" => l.start = number(val()).unwrap_or(0),
        b"w:numFmt" => l.format = val().unwrap_or_default(),
        b"w:lvlText" => l.text = val().unwrap_or_default(),
        b"w:lvlRestart" => l.restart = number(val()),
        b"w:isLgl" => l.legal = xml::on(e),
        b"w:pStyle" => l.style = val(),
        b"w:suff" => {
            l.suffix = match val().as_deref() {
                Some("space") => " ",
                Some("nothing") => "",
                _ => "\t",
            }
        }
        _ => {}
    }
}

impl Styles {
    /// Read `styles.xml`.
    pub(super) fn parse(xml: &str, max_depth: usize) -> Result<Self, String> {
        let mut out = Styles::default();
        let mut current: Option<(String, Style)> = None;
        xml::walk("word/styles.xml", xml, max_depth, |node, _| match node {
            Node::Open(e) => {
                let val = || xml::attr(e, b"w:val");
                match (e.name().as_ref(), &mut current) {
                    (b"w:style", _) => {
                        let id = xml::attr(e, b"w:styleId").unwrap_or_default();
                        let paragraph = xml::attr(e, b"w:type").as_deref() == Some("paragraph");
                        if xml::attr(e, b"w:default").as_deref() == Some("1") && paragraph {
                            out.default = Some(id.clone());
                        }
                        current = Some((id, Style::default()));
                    }
                    (b"w:basedOn", Some((_, s))) => s.based_on = val(),
                    (b"w:numId", Some((_, s))) => s.num_id = val(),
                    (b"w:ilvl", Some((_, s))) => s.ilvl = level_index(val()),
                    _ => {}
                }
            }
            Node::Close(b"w:style") => {
                if let Some((id, s)) = current.take() {
                    out.styles.insert(id, s);
                }
            }
            _ => {}
        })?;
        Ok(out)
    }

    /// The list instance and level a style numbers its paragraphs with, following `basedOn`.
    fn numbering(&self, style: &str) -> (Option<String>, Option<usize>) {
        let (mut num_id, mut ilvl) = (None, None);
        let mut seen = HashSet::new();
        let mut id = Some(style.to_string());
        while let Some(s) = id.take().and_then(|i| {
            seen.insert(i.clone()).then_some(())?;
            self.styles.get(&i)
        }) {
            num_id = num_id.or_else(|| s.num_id.clone());
            ilvl = ilvl.or(s.ilvl);
            id = s.based_on.clone();
        }
        (num_id, ilvl)
    }
}

/// What a paragraph's properties say about its numbering.
#[derive(Debug, Clone, Default)]
pub(super) struct ParaNumbering {
    /// `w:pStyle`.
    pub(super) style: Option<String>,
    /// `w:numPr/w:numId`.
    pub(super) num_id: Option<String>,
    /// `w:numPr/w:ilvl`.
    pub(super) ilvl: Option<usize>,
}

/// The counters of a document's lists, advanced paragraph by paragraph.
pub(super) struct Counters<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    /// The last value used at each level, by abstract list.
    values: HashMap<String, Vec<Option<u32>>>,
    /// Instances already used (their start overrides apply once, at first use).
    started: HashSet<String>,
}

impl<'a> Counters<'a> {
    pub(super) fn new(numbering: &'a Numbering, styles: &'a Styles) -> Self {
        Counters {
            numbering,
            styles,
            values: HashMap::new(),
            started: HashSet::new(),
        }
    }

    /// The label and the text after it for a paragraph, advancing its list; `None` when the
    /// paragraph is not numbered (or is a bullet, whose glyph says nothing to zglint).
    pub(super) fn label(&mut self, p: &ParaNumbering) -> Option<String> {
        let (numbering, styles) = (self.numbering, self.styles);
        let style = p.style.as_deref().or(styles.default.as_deref());
        let (style_num, style_ilvl) = style.map_or((None, None), |s| styles.numbering(s));
        let num_id = p.num_id.clone().or(style_num)?;
        let num = numbering.nums.get(&num_id)?;
        let abs_id = self.resolve_abstract(&num.abstract_id);
        let abs = numbering.abstracts.get(&abs_id)?;
        let level_def = |i: usize| -> Option<&Level> {
            match num.overrides.get(&i) {
                Some((_, Some(l))) => Some(l),
                _ => abs.levels.get(i).and_then(Option::as_ref),
            }
        };
        let tied = |i: &usize| {
            level_def(*i).is_some_and(|l| l.style.is_some() && l.style.as_deref() == style)
        };
        let ilvl = p
            .ilvl
            .or(style_ilvl)
            .or_else(|| (0..LEVELS).find(tied))
            .unwrap_or(0);
        let start_of = |i: usize| -> u32 {
            match num.overrides.get(&i) {
                Some((Some(s), _)) => *s,
                _ => level_def(i).map_or(1, |l| l.start),
            }
        };
        let level = level_def(ilvl)?;
        let values = self
            .values
            .entry(abs_id)
            .or_insert_with(|| vec![None; LEVELS]);
        if self.started.insert(num_id.clone()) {
            for (&i, (start, _)) in &num.overrides {
                if start.is_some() {
                    values[i] = None;
                }
            }
        }
        values[ilvl] = Some(values[ilvl].map_or(start_of(ilvl), |v| v + 1));
        for (j, value) in values.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = match level_def(j).and_then(|l| l.restart) {
                None => true,
                Some(r) => (ilvl as u32) < r,
            };
            if restarts {
                *value = None;
            }
        }
        if level.format == "bullet" {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(k @ 1..=9) if c == '%' => {
                    chars.next();
                    let i = k as usize - 1;
                    let value = values[i].unwrap_or_else(|| start_of(i));
                    let format = match level_def(i) {
                        _ if level.legal && i < ilvl => "decimal",
                        Some(l) => l.format.as_str(),
                        None => "decimal",
                    };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        if label.is_empty() {
            return None;
        }
        label.push_str(level.suffix);
        Some(label)
    }

    /// The abstract list an instance uses, through a numbering style's link.
    fn resolve_abstract(&self, id: &str) -> String {
        let link = self
            .numbering
            .abstracts
            .get(id)
            .and_then(|a| a.style_link.as_deref());
        let linked = link
            .and_then(|style| self.styles.numbering(style).0)
            .and_then(|num| self.numbering.nums.get(&num))
            .map(|n| n.abstract_id.clone());
        match linked {
            Some(abs) if abs != id => abs,
            _ => id.to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
