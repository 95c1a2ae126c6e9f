//! The shape of the code: which module may use which.
//!
//! Read off the source files' paths (`crate::…`, `super::…`, `rules::…`): a kind (a module
//! `src/rules/<kind>.rs` or `src/rules/<kind>/`) reads the report's facts and structure, never
//! another kind; the stages of `lib.rs` come in order and no stage reads a later one; readings
//! are computed per report, with no thread-local state and no process-wide mutable state; the
//! readings and kinds are given the vocabulary rather than reaching for the packaged one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A kind's use of another kind, waiting to be moved: (from, to). Each must still be there, so
/// that the list only shrinks.
const KNOWN_KIND_USES: &[(&str, &str)] = &[];

/// A stage's use of a later stage outside tests, waiting to be moved: (file, module path used).
/// `config`'s default settings ask `check` for the rules a run knows (the pack's and
/// `unused-suppression`).
const KNOWN_STAGE_USES: &[(&str, &str)] = &[("src/config/mod.rs", "check::known_rules")];

/// The stages in order, each with the top-level modules that make it up. `finding` (what a rule
/// finds, and its level) is declared with `check` but read by the rules, so it is in none.
const STAGES: &[(&str, &[&str])] = &[
    ("input", &["input"]),
    ("parse", &["document", "parse"]),
    ("facts", &["facts"]),
    ("rules", &["config", "rules"]),
    ("check", &["check"]),
    ("render", &["render"]),
];

/// A source file: its path from the crate root and its text.
struct Source {
    path: String,
    text: String,
}

fn sources(dir: &Path, out: &mut Vec<Source>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            out.push(Source {
                path: path
                    .strip_prefix(root)
                    .expect("under the crate")
                    .to_string_lossy()
                    .replace('\\', "/"),
                text: std::fs::read_to_string(&path).expect("a source file"),
            });
        }
    }
}

fn all_sources() -> Vec<Source> {
    let mut out = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    assert!(out.len() > 20, "found only {} source files", out.len());
    out
}

/// The module path of a file: `src/rules/tally.rs` → `rules::tally`,
/// `src/rules/date_order/mod.rs` → `rules::date_order`, `src/lib.rs` → the crate root.
fn module_of(path: &str) -> Vec<String> {
    let rel = path.strip_prefix("src/").expect("a file under src");
    let rel = rel.strip_suffix(".rs").expect("a Rust file");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// A module path used on a line, absolute (from the crate root), with whether the line is in
/// test code.
#[derive(Debug)]
struct Use {
    line: usize,
    path: Vec<String>,
    test: bool,
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// A line of a source file with the module it stands in and whether it is test code.
struct Line<'a> {
    /// 0-based.
    n: usize,
    text: &'a str,
    module: Vec<String>,
    test: bool,
}

/// The lines of a file that are not comments, attributes or the openings and closings of inline
/// modules. Inline modules (`mod tests {`, closed by a `}` at the same indent, as rustfmt writes
/// them) extend the module path that `super::` counts from; `#[cfg(test)]` modules and
/// `tests.rs`/`testing.rs` files and `tests/` folders are test code.
fn lines(src: &Source) -> Vec<Line<'_>> {
    let file_module = module_of(&src.path);
    // A file of a `tests/` folder under `src/` (`src/facts/number/tests/mod.rs`, declared
    // `#[cfg(test)] mod tests;`) is test code throughout.
    let file_is_test = src.path.ends_with("/tests.rs")
        || src.path.ends_with("/testing.rs")
        || src.path.contains("/tests/");
    // (indent, name, test) of each open inline module.
    let mut open: Vec<(usize, String, bool)> = Vec::new();
    let mut cfg_test = false;
    let mut out = Vec::new();
    for (n, raw) in src.text.lines().enumerate() {
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if open
            .last()
            .is_some_and(|(i, _, _)| *i == indent && line.starts_with('}'))
        {
            open.pop();
            continue;
        }
        if line.starts_with("//") {
            continue;
        }
        if line == "#[cfg(test)]" {
            cfg_test = true;
            continue;
        }
        let inline_mod = line
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ")
            .strip_prefix("mod ")
            .and_then(|rest| rest.strip_suffix(" {"));
        if let Some(name) = inline_mod {
            let test = cfg_test || open.last().is_some_and(|o| o.2);
            open.push((indent, name.to_string(), test));
            cfg_test = false;
            continue;
        }
        if !line.starts_with("#[") {
            cfg_test = false;
        }
        let mut module = file_module.clone();
        module.extend(open.iter().map(|o| o.1.clone()));
        out.push(Line {
            n,
            text: line,
            module,
            test: file_is_test || open.iter().any(|o| o.2),
        });
    }
    out
}

/// The paths a file uses, absolute, outside comments and string literals.
fn uses(src: &Source) -> Vec<Use> {
    let mut out = Vec::new();
    for l in lines(src) {
        for path in paths_in(&code_of(l.text), &l.module) {
            out.push(Use {
                line: l.n + 1,
                path,
                test: l.test,
            });
        }
    }
    out
}

/// A line without its string literals and trailing comment.
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut in_str = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if in_str {
            if c == '\\' {
                chars.next();
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '/' if chars.peek() == Some(&'/') => break,
            _ => out.push(c),
        }
    }
    out
}

/// The absolute module paths written in `code`, in module `module`: `crate::a::b`,
/// `super::super::a`, `self::a`, and `rules::a` (the rules module as imported by name), with
/// the braces of a `use` list opened (`crate::a::{b, c::d}` gives `a::b` and `a::c::d`).
fn paths_in(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let at_start = i == 0 || !is_ident(bytes[i - 1] as char) && bytes[i - 1] != b':';
        let rest = &code[i..];
        let head = ["crate::", "super::", "self::", "rules::"]
            .into_iter()
            .find(|h| rest.starts_with(h));
        let (true, Some(head)) = (at_start, head) else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut base: Vec<String> = match head {
            "crate::" => Vec::new(),
            "rules::" => vec!["rules".to_string()],
            "self::" => module.to_vec(),
            _ => {
                let mut m = module.to_vec();
                m.pop();
                m
            }
        };
        let mut j = i + head.len();
        while code[j..].starts_with("super::") {
            base.pop();
            j += "super::".len();
        }
        let (found, end) = segments(code, j);
        for tail in found {
            let mut p = base.clone();
            p.extend(tail);
            out.push(p);
        }
        i = end.max(i + 1);
    }
    out
}

/// The paths that start at byte `j` of `code` (identifiers joined by `::`, a `{…}` list opened),
/// and where they end.
fn segments(code: &str, mut j: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix: Vec<String> = Vec::new();
    loop {
        let rest = &code[j..];
        if let Some(inner) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut close = inner.len();
            for (k, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            close = k;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let list = &inner[..close];
            let mut out = Vec::new();
            let mut depth = 0;
            let mut from = 0;
            for (k, c) in list
                .char_indices()
                .chain(std::iter::once((list.len(), ',')))
            {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let item = list[from..k].trim();
                        if !item.is_empty() {
                            let (paths, _) = segments(item, 0);
                            for p in paths {
                                let mut full = prefix.clone();
                                full.extend(p);
                                out.push(full);
                            }
                        }
                        from = k + 1;
                    }
                    _ => {}
                }
            }
            return (out, j + 1 + close);
        }
        let len = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        if len == 0 {
            return (vec![prefix], j);
        }
        prefix.push(rest[..len].to_string());
        j += len;
        if code[j..].starts_with("::") {
            j += 2;
        } else {
            return (vec![prefix], j);
        }
    }
}

/// The kind a module path is in: `rules::tally::…` → `tally`.
fn kind_of(path: &[String]) -> Option<&'static str> {
    if path.first().map(String::as_str) != Some("rules") {
        return None;
    }
    let name = path.get(1)?;
    zglint::rules::KINDS
        .iter()
        .map(|k| k.name)
        .find(|k| k == name)
}

/// The stage of a module path, by its first segment.
fn stage_of(path: &[String]) -> Option<usize> {
    let first = path.first()?;
    STAGES
        .iter()
        .position(|(_, modules)| modules.contains(&first.as_str()))
}

/// Every use of one kind by another: (from, to, where).
fn kind_uses(sources: &[Source]) -> Vec<(&'static str, &'static str, String)> {
    let mut out = Vec::new();
    for src in sources {
        let Some(from) = kind_of(&module_of(&src.path)) else {
            continue;
        };
        for u in uses(src) {
            if let Some(to) = kind_of(&u.path).filter(|to| *to != from) {
                out.push((from, to, format!("{}:{}", src.path, u.line)));
            }
        }
    }
    out
}

/// Every use of a later stage outside test code: (file, module path, where).
fn stage_uses(sources: &[Source]) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for src in sources {
        let Some(from) = stage_of(&module_of(&src.path)) else {
            continue;
        };
        for u in uses(src).into_iter().filter(|u| !u.test) {
            if stage_of(&u.path).is_some_and(|to| to > from) {
                let used: Vec<&str> = u.path.iter().take(2).map(String::as_str).collect();
                out.push((
                    src.path.clone(),
                    used.join("::"),
                    format!("{}:{}", src.path, u.line),
                ));
            }
        }
    }
    out
}

#[test]
fn no_kind_uses_another_kind() {
    let found = kind_uses(&all_sources());
    let unexpected: Vec<_> = found
        .iter()
        .filter(|(from, to, _)| !KNOWN_KIND_USES.contains(&(*from, *to)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "a kind uses another kind; move the reading they share into src/facts/ or \
         src/parse/: {unexpected:#?}"
    );
    for known in KNOWN_KIND_USES {
        assert!(
            found.iter().any(|(f, t, _)| (*f, *t) == *known),
            "{known:?} is gone: take it off KNOWN_KIND_USES"
        );
    }
}

#[test]
fn no_stage_uses_a_later_stage() {
    let found = stage_uses(&all_sources());
    let unexpected: Vec<_> = found
        .iter()
        .filter(|(file, used, _)| !KNOWN_STAGE_USES.contains(&(file.as_str(), used.as_str())))
        .collect();
    assert!(
        unexpected.is_empty(),
        "a stage uses a later stage: {unexpected:#?}"
    );
    for known in KNOWN_STAGE_USES {
        assert!(
            found
                .iter()
                .any(|(file, used, _)| (file.as_str(), used.as_str()) == *known),
            "{known:?} is gone: take it off KNOWN_STAGE_USES"
        );
    }
}

#[test]
fn no_thread_local_state() {
    let found: Vec<String> = all_sources()
        .iter()
        .flat_map(|s| {
            s.text
                .lines()
                .enumerate()
                .filter(|(_, l)| code_of(l).contains("thread_local!"))
                .map(move |(n, _)| format!("{}:{}", s.path, n + 1))
        })
        .collect();
    assert!(
        found.is_empty(),
        "thread-local state: readings are computed per report: {found:?}"
    );
}

/// Where `static ` (not `'static`) starts in `code`, if anywhere.
fn static_item(code: &str) -> bool {
    code.match_indices("static ").any(|(i, _)| {
        i == 0
            || !code[..i].ends_with(['\'', '_'])
                && !is_ident(code[..i].chars().last().unwrap_or(' '))
    })
}

/// The process-wide mutable state declared in `sources`: a `static` whose type can change
/// (behind a lock or a cell), as `file:line`. Immutable statics (`LazyLock<Regex>` constants,
/// the packaged vocabulary) are not state.
fn mutable_statics(sources: &[Source]) -> Vec<String> {
    const MUTABLE: &[&str] = &[
        "Mutex",
        "RwLock",
        "RefCell",
        "Cell<",
        "Cell::",
        "static mut ",
    ];
    let mut out = Vec::new();
    for s in sources {
        for (n, line) in s.text.lines().enumerate() {
            let code = code_of(line);
            if static_item(&code) && MUTABLE.iter().any(|m| code.contains(m)) {
                out.push(format!("{}:{}", s.path, n + 1));
            }
        }
    }
    out
}

/// The lines that reach for the packaged vocabulary from inside a reading or a kind (under
/// `src/facts/` or `src/rules/`), outside test code: they are given the vocabulary instead. The
/// rule pack's loader (`src/rules/pack.rs`) is where a vocabulary is chosen: `Pack::packaged()`
/// takes the packaged one.
fn packaged_vocabulary_uses(sources: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources {
        let inside = s.path.starts_with("src/facts/") || s.path.starts_with("src/rules/");
        if !inside || s.path == "src/rules/pack.rs" {
            continue;
        }
        for l in lines(s).into_iter().filter(|l| !l.test) {
            if code_of(l.text).contains("Vocabulary::packaged") {
                out.push(format!("{}:{}", s.path, l.n + 1));
            }
        }
    }
    out
}

#[test]
fn no_process_wide_mutable_state() {
    let found = mutable_statics(&all_sources());
    assert!(
        found.is_empty(),
        "a static behind a lock or a cell: state belongs to a run or a load, passed where it \
         is needed: {found:?}"
    );
}

#[test]
fn readings_and_kinds_are_given_the_vocabulary() {
    let found = packaged_vocabulary_uses(&all_sources());
    assert!(
        found.is_empty(),
        "a reading or a kind reaches for the packaged vocabulary; use the one it is given \
         (`Context::vocab`, a parameter): {found:?}"
    );
}

#[test]
fn global_state_is_found() {
    let sources = [
        source(
            "src/cli/mod.rs",
            "fn f(v: &'static Vocabulary) {\n    static SAID: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());\n}\n",
        ),
        source(
            "src/rules/mod.rs",
            "static CACHE: LazyLock<Mutex<HashMap<String, Regex>>> = LazyLock::new(Default::default);\nstatic RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(\"Mutex\").unwrap());\n",
        ),
        source("src/facts/x.rs", "pub static mut N: usize = 0;\n"),
    ];
    assert_eq!(
        mutable_statics(&sources),
        ["src/cli/mod.rs:2", "src/rules/mod.rs:1", "src/facts/x.rs:1"]
    );
    let sources = [
        source(
            "src/rules/tally.rs",
            "fn f() { let v = Vocabulary::packaged(); }\n#[cfg(test)]\nmod tests {\n    fn g() { Vocabulary::packaged(); }\n}\n",
        ),
        source("src/facts/tests.rs", "fn g() { Vocabulary::packaged(); }\n"),
        source("src/lib.rs", "fn g() { Vocabulary::packaged(); }\n"),
    ];
    assert_eq!(packaged_vocabulary_uses(&sources), ["src/rules/tally.rs:1"]);
}

#[test]
fn lib_lists_the_stages_in_order() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("src/lib.rs");
    let mut stage: Option<usize> = None;
    let mut seen = BTreeSet::new();
    for line in lib.lines() {
        // "// 3. facts"
        if let Some((n, name)) = line
            .strip_prefix("// ")
            .and_then(|l| l.split_once(". "))
            .and_then(|(n, name)| Some((n.parse::<usize>().ok()?, name.trim())))
        {
            let next = stage.map_or(0, |s| s + 1);
            assert_eq!(n, next + 1, "stage {name} is numbered {n}");
            assert_eq!(
                Some(name),
                STAGES.get(next).map(|s| s.0),
                "stage {n} of lib.rs"
            );
            stage = Some(next);
            continue;
        }
        if let Some(module) = line
            .strip_prefix("pub mod ")
            .and_then(|m| m.strip_suffix(';'))
        {
            if let Some(s) = stage_of(&[module.to_string()]) {
                assert_eq!(
                    Some(s),
                    stage,
                    "lib.rs declares {module} under the wrong stage"
                );
                seen.insert(module.to_string());
            }
        }
    }
    assert_eq!(stage, Some(STAGES.len() - 1), "lib.rs lists every stage");
    for (_, modules) in STAGES {
        for m in *modules {
            assert!(seen.contains(*m), "lib.rs does not declare {m}");
        }
    }
}

// The reader of paths, on sources written here.

fn source(path: &str, text: &str) -> Source {
    Source {
        path: path.to_string(),
        text: text.to_string(),
    }
}

#[test]
fn paths_are_read_absolute() {
    let src = source(
        "src/rules/date_order/measures.rs",
        "use super::{Context, Hit, reading};\n\
         use crate::facts::{tallies::{Tally, counts}, Facts};\n\
         fn f() { let s = \"crate::rules::tally\"; super::super::deadline::KIND; } // crate::x\n\
         #[cfg(test)]\n\
         mod tests {\n    use super::*;\n    use crate::rules::testing::hits;\n}\n",
    );
    let found: Vec<(String, bool)> = uses(&src)
        .into_iter()
        .map(|u| (u.path.join("::"), u.test))
        .collect();
    let expect = [
        ("rules::date_order::Context", false),
        ("rules::date_order::Hit", false),
        ("rules::date_order::reading", false),
        ("facts::tallies::Tally", false),
        ("facts::tallies::counts", false),
        ("facts::Facts", false),
        ("rules::deadline::KIND", false),
        ("rules::date_order::measures", true),
        ("rules::testing::hits", true),
    ];
    let expect: Vec<(String, bool)> = expect.iter().map(|(p, t)| (p.to_string(), *t)).collect();
    assert_eq!(found, expect);
}

#[test]
fn a_kind_using_another_is_found() {
    let sources = [
        source(
            "src/rules/item_count.rs",
            "use super::tally::{COUNT_UNITS, counts};\nuse super::{Check, Context};\n",
        ),
        source(
            "src/rules/date_order/tests.rs",
            "fn f() { (super::super::deadline::KIND.compile)(&p); }\n",
        ),
        source(
            "src/rules/conflict.rs",
            "use crate::facts::tallies::counts;\nuse crate::rules::{Check, Hit};\n",
        ),
        source(
            "src/rules/pairing.rs",
            "use crate::rules::{placeholder::units, Check};\n",
        ),
    ];
    let found: Vec<(&str, &str)> = kind_uses(&sources)
        .into_iter()
        .map(|(f, t, _)| (f, t))
        .collect();
    assert_eq!(
        found,
        [
            ("item_count", "tally"),
            ("item_count", "tally"),
            ("date_order", "deadline"),
            ("pairing", "placeholder")
        ]
    );
}

#[test]
fn a_stage_using_a_later_one_is_found() {
    let sources = [
        source(
            "src/facts/lists.rs",
            "use crate::rules::Context;\nuse crate::document::Span;\n",
        ),
        source("src/parse/item.rs", "use crate::facts::Figure;\n"),
        source(
            "src/rules/tally.rs",
            "use crate::facts::tallies::counts;\n#[cfg(test)]\nmod tests {\n    use crate::check::check_str;\n}\n",
        ),
        source(
            "src/facts/statement/tests.rs",
            "use crate::rules::testing;\n",
        ),
    ];
    let found: Vec<(String, String)> = stage_uses(&sources)
        .into_iter()
        .map(|(f, u, _)| (f, u))
        .collect();
    assert_eq!(
        found,
        [
            (
                "src/facts/lists.rs".to_string(),
                "rules::Context".to_string()
            ),
            ("src/parse/item.rs".to_string(), "facts::Figure".to_string()),
        ]
    );
}
