//! The properties every input must keep, shared by the cargo-fuzz targets in `fuzz/` and the
//! property tests in `tests/hostile.rs`: no panic, every span in bounds and on a character
//! boundary, the same output every time. Each function panics when a property fails.

use crate::check::FileResult;
use crate::config::Settings;
use crate::render::Render;
use crate::rules::pack::Pack;
use serde_json::Value;
use std::sync::LazyLock;

/// The packaged rules, compiled once.
static PACK: LazyLock<Pack> = LazyLock::new(|| Pack::packaged().expect("the packaged rules load"));
/// Each rule of the pack at its own level.
static SETTINGS: LazyLock<Settings> = LazyLock::new(|| Settings::defaults(&PACK));

/// A fuzz target: its name (that of its folder in `fuzz/corpus`) and its property over bytes.
pub type Target = (&'static str, fn(&[u8]));

/// Every fuzz target, as `fuzz/fuzz_targets/` runs them.
pub const TARGETS: [Target; 4] = [
    ("decode", decode),
    ("parse", |b| parse(&text(b))),
    ("facts", |b| facts(&text(b))),
    ("rules", |b| rules(&text(b))),
];

/// Text from arbitrary bytes, so every input reaches the reader (invalid UTF-8 becomes U+FFFD).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Reading a file's bytes as text, Markdown, a web page and a Word document (the format goes by
/// the name): the same outcome twice; an error names the file; paragraph starts lie in the text
/// on character boundaries; UTF-8 text read as text or Markdown is the file's own bytes as
/// written (after any BOM), and Markdown's text as shown has the same length and line ends.
pub fn decode(bytes: &[u8]) {
    let opts = crate::ReadOptions::default();
    for name in ["fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.docx"] {
        let read = || crate::read_bytes(name, bytes.to_vec(), &opts);
        let first = read();
        match (&first, read()) {
            (Ok(a), Ok(b)) => assert_eq!(a, &b, "{name}: reading is not deterministic"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}: errors differ"),
            _ => panic!("{name}: read once, not twice"),
        }
        let input = match first {
            Ok(input) => input,
            Err(e) => {
                assert!(
                    e.to_string().starts_with(name),
                    "{name}: the error does not name it: {e}"
                );
                continue;
            }
        };
        let text = &input.text;
        assert!(
            input.paragraphs.windows(2).all(|w| w[0] <= w[1]),
            "{name}: paragraph starts out of order"
        );
        for &p in &input.paragraphs {
            assert_span(text, p, p, &format!("{name} paragraph"));
        }
        if let crate::input::Format::Text {
            encoding: crate::input::Encoding::Utf8,
            bom,
        } = input.format
        {
            let own = if bom { &bytes[3..] } else { bytes };
            assert_eq!(
                input.written().as_bytes(),
                own,
                "{name}: UTF-8 text changed in reading"
            );
        }
        let written = input.written();
        assert_eq!(
            text.len(),
            written.len(),
            "{name}: shown and written differ in length"
        );
        assert!(
            text.match_indices('\n')
                .map(|(i, _)| i)
                .eq(written.match_indices('\n').map(|(i, _)| i)),
            "{name}: shown and written differ in their line ends"
        );
    }
}

/// The grammar: the document tree's spans hold, and parsing twice gives the same tree.
pub fn parse(text: &str) {
    let doc = crate::parse::parse(text);
    let tree = serde_json::to_value(&doc).expect("a document serialises");
    assert_spans(text, &tree, "document");
    assert_eq!(doc.source, text, "the document keeps its source");
    let again = serde_json::to_value(crate::parse::parse(text)).expect("a document serialises");
    assert_eq!(tree, again, "parsing is not deterministic");
}

/// The fact extractors: every span of the tree, the items and the facts holds, and reading
/// twice gives the same facts.
pub fn facts(text: &str) {
    let read = || {
        let (doc, facts) = crate::analyse(text);
        serde_json::json!({ "document": doc, "facts": facts })
    };
    let value = read();
    assert_spans(text, &value, "analysis");
    assert_eq!(value, read(), "analysis is not deterministic");
}

/// The check ([`crate::check()`], as `zglint check` runs it on a text file) with the packaged
/// pack: every finding's span, labels and edits hold, its fix applies, and the JSON and human
/// output are the same on a second run.
pub fn rules(text: &str) {
    let input = crate::check::plain(text);
    let checked = crate::check(&input, &PACK, &SETTINGS);
    for f in &checked.findings {
        let mut spans = vec![("finding", &f.span)];
        spans.extend(f.labels.iter().map(|l| ("label", &l.span)));
        spans.extend(f.fix.iter().map(|e| ("edit", &e.span)));
        for (what, span) in spans {
            assert_span(text, span.start, span.end, &format!("{} {what}", f.rule));
        }
        if !f.fix.is_empty() {
            assert!(
                crate::check::fix::apply(text, &f.fix).is_some(),
                "{}: its edits do not apply",
                f.rule
            );
        }
    }
    let render = |checked| {
        let file = FileResult {
            path: "fuzz.txt".to_string(),
            outcome: Ok(checked),
        };
        let json = crate::render::json::render(std::slice::from_ref(&file));
        serde_json::from_str::<Value>(&json).expect("the JSON output parses");
        let mut human = crate::render::human::Human::default();
        (json, human.file(&file))
    };
    let first = render(checked);
    let second = render(crate::check(&input, &PACK, &SETTINGS));
    assert_eq!(first, second, "checking is not deterministic");
}

/// Every `{start, end}` object in a serialised tree is a span into `text`.
fn assert_spans(text: &str, value: &Value, at: &str) {
    walk_spans(text, value, &mut vec![Step::Key(at)]);
}

/// One step of the path to a value in a tree, spelt out only when a span does not hold.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn walk_spans<'a>(text: &str, value: &'a Value, path: &mut Vec<Step<'a>>) {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) && !span_holds(text, start as usize, end as usize)
            {
                let at: String = path
                    .iter()
                    .map(|step| match step {
                        Step::Key(k) => format!(".{k}"),
                        Step::Index(i) => format!("[{i}]"),
                    })
                    .collect();
                assert_span(text, start as usize, end as usize, &at[1..]);
            }
            for (key, v) in map {
                path.push(Step::Key(key));
                walk_spans(text, v, path);
                path.pop();
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                path.push(Step::Index(i));
                walk_spans(text, v, path);
                path.pop();
            }
        }
        _ => {}
    }
}

fn span_holds(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

fn assert_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} out of bounds (text of {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} splits a character"
    );
}
