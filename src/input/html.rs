//! Saved web pages: the text a reader sees, one line per block.
//!
//! The page is decoded by its byte order mark, else its declared charset (`<meta charset>`,
//! `<meta http-equiv="Content-Type" content="…; charset=gb2312">`, `<?xml … encoding>`),
//! else detected as for text files; `--encoding` overrides all three. html5ever's tokenizer
//! (no tree is built, so memory stays within a few times the page) reads the markup:
//! scripts, styles, the `<head>`, navigation bars, forms' controls and hidden elements are
//! dropped; block elements end lines; table cells are separated by a tab; runs of white space
//! collapse to one space, as a browser shows them; entities are decoded; comments are dropped,
//! but for zglint's suppression comments, each kept on a line. What is left of the
//! site's chrome (breadcrumbs, "打印本页", "来源:…" lines, footers) stays as lines of its
//! own, which the parser recognises as chrome.

use super::encoding::{self, Encoding};
use super::{Format, Input, ReadError, ReadOptions};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use regex::bytes::Regex;
use std::cell::RefCell;
use std::sync::LazyLock;

/// Read a web page's main text.
pub(super) fn read(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Input, ReadError> {
    let (text, encoding, guessed) =
        decode(bytes, opts.encoding).map_err(|e| super::undecodable(name, e))?;
    let text = extract(&text);
    super::check_guess(name, &text, encoding, guessed)?;
    Ok(Input {
        text,
        format: Format::Html { encoding },
        written: None,
        paragraphs: Vec::new(),
    })
}

/// How far into the page to look for a declared charset.
const PRESCAN_BYTES: usize = 8 * 1024;

/// `<meta charset=…>`, `<meta http-equiv … content="text/html; charset=…">` or an XML
/// declaration's `encoding`.
static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)|<\?xml\b[^>]*?\bencoding\s*=\s*["']([a-z0-9_:.\-]+)"#,
    )
    .expect("valid regex")
});

/// The charset a page declares, when it is one zglint reads.
fn declared(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let caps = CHARSET.captures(head)?;
    let label = caps.get(1).or_else(|| caps.get(2))?.as_bytes();
    match Encoding::from_label(std::str::from_utf8(label).ok()?)? {
        // A page read as bytes cannot be UTF-16 without a byte order mark (the label would
        // not have been readable as ASCII); browsers read it as UTF-8.
        Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Utf16 => Some(Encoding::Utf8),
        other => Some(other),
    }
}

/// Decode a page: forced, else by BOM, else by its declared charset, else detected. A page
/// whose declared charset does not fit its bytes (a GBK page labelled UTF-8) is detected.
/// Also whether the encoding is a guess (GB18030 detected, not forced, declared or marked).
fn decode(
    bytes: &[u8],
    forced: Option<Encoding>,
) -> Result<(String, Encoding, bool), encoding::Undecodable> {
    let guess = |d: encoding::Decoded| {
        let guessed = d.encoding == Encoding::Gb18030;
        (d.text, d.encoding, guessed)
    };
    if forced.is_none() && encoding::bom(bytes).is_none() {
        if let Some(label) = declared(bytes) {
            return match encoding::decode_strict(bytes, label, 0) {
                Ok(text) => Ok((text, label, false)),
                Err(wrong) => encoding::decode_text(bytes, None)
                    .map(guess)
                    .map_err(|_| wrong),
            };
        }
    }
    match forced {
        Some(_) => encoding::decode_text(bytes, forced).map(|d| (d.text, d.encoding, false)),
        None => encoding::decode_text(bytes, None).map(guess),
    }
}

/// How much decoded text the tokenizer is handed at a time.
const CHUNK: usize = 64 * 1024;

/// The text of a page's markup, one line per block.
pub(crate) fn extract(html: &str) -> String {
    let sink = Sink {
        state: RefCell::new(Text::with_capacity(html.len() / 4)),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        queue.push_back(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        // The sink never asks to pause for a script, so each feed consumes its input.
        let _ = tokenizer.feed(&queue);
    }
    tokenizer.end();
    tokenizer.sink.state.into_inner().finish()
}

/// Elements whose content is not part of the page's text.
const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "nav", "iframe", "object", "svg",
    "math", "select", "textarea", "button", "canvas", "audio", "video", "map", "noembed",
    "noframes", "xmp",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "br",
];

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag HTML lets a page leave out.
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
    "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp",
];

struct Sink {
    state: RefCell<Text>,
}

/// The text being built.
struct Text {
    out: String,
    /// The element being skipped, and how many of its name are open inside it.
    skip: Option<(String, usize)>,
    /// Inside `<pre>`: white space is kept.
    pre: usize,
    /// White space seen since the last character written.
    space: bool,
}

impl Text {
    fn with_capacity(n: usize) -> Self {
        Text {
            out: String::with_capacity(n),
            skip: None,
            pre: 0,
            space: false,
        }
    }

    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn chars(&mut self, text: &str) {
        for c in text.chars() {
            if self.pre > 0 {
                if c != '\r' {
                    self.out.push(c);
                }
            } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                self.space = true;
            } else if c != '\0' {
                if self.space && !self.at_line_start() {
                    self.out.push(' ');
                }
                self.space = false;
                self.out.push(c);
            }
        }
    }

    fn trim_end(&mut self) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
    }

    fn line_break(&mut self) {
        self.trim_end();
        // A line of only no-break or full-width spaces (`<p>&nbsp;</p>`) reads as no line.
        let line = self.out.rfind('\n').map_or(0, |i| i + 1);
        if self.out[line..].chars().all(char::is_whitespace) {
            self.out.truncate(line);
        }
        if !self.at_line_start() {
            self.out.push('\n');
        }
        self.space = false;
    }

    fn cell(&mut self) {
        self.trim_end();
        if !self.at_line_start() {
            self.out.push('\t');
        }
        self.space = false;
    }

    fn tag(&mut self, kind: TagKind, name: &str, hidden: bool, self_closing: bool) {
        if let Some((skipped, open)) = &mut self.skip {
            if name == skipped {
                match kind {
                    TagKind::StartTag if !self_closing => *open += 1,
                    TagKind::EndTag => *open -= 1,
                    TagKind::StartTag => {}
                }
            } else if skipped == "head" && name == "body" && kind == TagKind::StartTag {
                // A page that never closes its head.
                *open = 0;
            }
            if *open == 0 {
                self.skip = None;
            }
            return;
        }
        let void = VOID.contains(&name);
        // An element whose end tag may be left out cannot be skipped by counting tags.
        let hidden = hidden && !OPTIONAL_END.contains(&name);
        if kind == TagKind::StartTag
            && !self_closing
            && !void
            && (hidden || SKIPPED.contains(&name))
        {
            self.skip = Some((name.to_string(), 1));
            return;
        }
        match name {
            "td" | "th" if kind == TagKind::StartTag => self.cell(),
            "pre" if kind == TagKind::StartTag => {
                self.line_break();
                self.pre += 1;
            }
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                self.line_break();
            }
            _ if BLOCKS.contains(&name) => self.line_break(),
            _ => {}
        }
    }

    fn finish(mut self) -> String {
        self.line_break();
        self.out
    }
}

/// Whether a start tag hides its element: the `hidden` attribute or `display:none`.
fn hides(tag: &html5ever::tokenizer::Tag) -> bool {
    tag.attrs.iter().any(|a| match &*a.name.local {
        "hidden" => true,
        "style" => {
            let style: String = a.value.chars().filter(|c| !c.is_whitespace()).collect();
            style.to_ascii_lowercase().contains("display:none")
        }
        _ => false,
    })
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut text = self.state.borrow_mut();
        match token {
            Token::CharacterTokens(chars) if text.skip.is_none() => text.chars(&chars),
            // Suppression comments (`<!-- zglint-disable … -->`) are kept, on a line of their own.
            Token::CommentToken(comment)
                if text.skip.is_none() && comment.trim_start().starts_with("zglint-") =>
            {
                text.line_break();
                text.out.push_str(&format!("<!--{comment}-->"));
                text.line_break();
            }
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                let start = tag.kind == TagKind::StartTag;
                text.tag(tag.kind, &name, start && hides(&tag), tag.self_closing);
                // Raw text elements: their content is not markup, whether kept or skipped.
                if start && !tag.self_closing {
                    let raw = match name.as_str() {
                        "script" => Some(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                            Some(RawKind::Rawtext)
                        }
                        "title" | "textarea" => Some(RawKind::Rcdata),
                        _ => None,
                    };
                    if let Some(raw) = raw {
                        return TokenSinkResult::RawData(raw);
                    }
                    if name == "plaintext" {
                        return TokenSinkResult::Plaintext;
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests;
