//! SARIF 2.1.0, the static-analysis format that GitHub code scanning, GitLab and IDEs import.
//!
//! One run: the tool with every rule of the pack (descriptions from the kinds' explanations, the
//! text `zglint explain` prints), then the results, streamed a file at a time, then the
//! invocation, which records the files that could not be read. Columns count Unicode code points
//! (`columnKind: unicodeCodePoints`) and are 1-based, with an exclusive end, as SARIF defines them.
//! Each result carries its labels as `relatedLocations` and the finding's fingerprint
//! ([`crate::check::fingerprint`]) as a partial fingerprint, so code scanning follows an alert across
//! edits elsewhere in the report.

use super::concise::read_error;
use crate::check::FileResult;
use crate::document::Span;
use crate::finding::{Finding, Level};
use crate::rules::pack::Pack;
use crate::text::LineIndex;
use serde_json::{Value, json};
use std::collections::HashMap;

/// The schema a SARIF 2.1.0 log names.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of zglint's fingerprint in `partialFingerprints`.
pub const FINGERPRINT: &str = "zglintFingerprint/v1";

/// Render checked files as a SARIF log, with the rules of `pack`.
pub fn render(pack: &Pack, files: &[FileResult]) -> String {
    super::render_all(&mut Sarif::new(pack), files)
}

/// The SARIF format. It needs the rule pack for the rules' metadata.
pub struct Sarif {
    /// `reportingDescriptor`s, in the order of `ruleIndex`.
    rules: Vec<Value>,
    /// Rule id → index in `rules`.
    index: HashMap<String, usize>,
    results: usize,
    /// Whether `start` has written the rules.
    started: bool,
    /// Files that could not be read, as `toolExecutionNotifications`.
    notifications: Vec<Value>,
}

impl Sarif {
    /// A SARIF renderer that describes the rules of `pack` and `unused-suppression`.
    pub fn new(pack: &Pack) -> Self {
        let mut sarif = Sarif {
            rules: Vec::new(),
            index: HashMap::new(),
            results: 0,
            started: false,
            notifications: Vec::new(),
        };
        sarif.add_pack(pack);
        let unused = crate::check::suppress::unused_rule();
        sarif.add_rule(descriptor(
            &unused.id,
            "suppression",
            unused.level,
            "抑制注释没有抑制任何问题",
            crate::check::suppress::EXPLANATION,
        ));
        let unknown = crate::check::suppress::unknown_rule();
        sarif.add_rule(descriptor(
            &unknown.id,
            "suppression",
            unknown.level,
            "注释以 zglint 开头却不是已知的指令",
            crate::check::suppress::UNKNOWN_EXPLANATION,
        ));
        sarif
    }

    /// Describe the rules of another pack too (a configuration's extra rule folders); a rule
    /// already described is kept. Call it before [`super::Render::start`].
    pub fn add_pack(&mut self, pack: &Pack) {
        for r in &pack.rules {
            self.add_rule(descriptor(
                &r.spec.id,
                r.kind.name,
                r.spec.level.level(),
                &r.spec.message,
                r.kind.explanation,
            ));
        }
    }

    fn add_rule(&mut self, rule: Value) {
        let id = rule["id"].as_str().unwrap_or_default().to_string();
        // Once the tool is written, a new rule could not be described: its results go without
        // a `ruleIndex`.
        if !self.started && !self.index.contains_key(&id) {
            self.index.insert(id, self.rules.len());
            self.rules.push(rule);
        }
    }

    fn result(
        &self,
        path: &str,
        source: &str,
        index: &LineIndex,
        d: &Finding,
        print: String,
    ) -> Value {
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let related: Vec<Value> = d
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                json!({
                    "id": i + 1,
                    "message": { "text": l.text },
                    "physicalLocation": physical(path, source, index, &l.span),
                })
            })
            .collect();
        let mut result = json!({
            "ruleId": d.rule,
            "level": level(d.level),
            "message": { "text": message },
            "locations": [{ "physicalLocation": physical(path, source, index, &d.span) }],
            "partialFingerprints": { FINGERPRINT: print },
        });
        if let Some(&i) = self.index.get(&d.rule) {
            result["ruleIndex"] = json!(i);
        }
        if !related.is_empty() {
            result["relatedLocations"] = Value::Array(related);
        }
        result
    }
}

impl super::Render for Sarif {
    fn start(&mut self) -> String {
        self.started = true;
        let tool = json!({
            "driver": {
                "name": "zglint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": self.rules,
            }
        });
        format!(
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \
             \"tool\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
            indent(&tool, 6)
        )
    }

    fn file(&mut self, f: &FileResult) -> String {
        let mut out = String::new();
        match &f.outcome {
            Err(e) => self.notifications.push(json!({
                "level": "error",
                "message": { "text": read_error(&f.path, e) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&f.path) } } }],
            })),
            Ok(c) => {
                let index = LineIndex::new(&c.written);
                let prints =
                    crate::check::fingerprint::fingerprints(&c.written, &c.document, &c.findings);
                for (d, print) in c.findings.iter().zip(prints) {
                    let result = self.result(&f.path, &c.written, &index, d, print.key());
                    out.push_str(if self.results == 0 { "\n        " } else { ",\n        " });
                    out.push_str(&indent(&result, 8));
                    self.results += 1;
                }
            }
        }
        out
    }

    fn finish(&mut self) -> String {
        let mut invocation = json!({ "executionSuccessful": self.notifications.is_empty() });
        if !self.notifications.is_empty() {
            invocation["toolExecutionNotifications"] = json!(self.notifications);
        }
        let close = if self.results == 0 { "]" } else { "\n      ]" };
        format!(
            "{close},\n      \"invocations\": [\n        {}\n      ]\n    }}\n  ]\n}}\n",
            indent(&invocation, 8)
        )
    }
}

/// A rule's `reportingDescriptor`.
fn descriptor(id: &str, kind: &str, level: Option<Level>, short: &str, explanation: &str) -> Value {
    let configuration = match level {
        Some(l) => json!({ "level": self::level(l) }),
        None => json!({ "enabled": false, "level": "none" }),
    };
    json!({
        "id": id,
        "name": pascal_case(id),
        "shortDescription": { "text": short_description(short) },
        "fullDescription": { "text": what_it_checks(explanation) },
        "help": { "text": explanation, "markdown": markdown(explanation) },
        "defaultConfiguration": configuration,
        "properties": { "kind": kind, "tags": [kind] },
    })
}

/// A message template as a description: each run of `{value}` placeholders becomes `…`.
fn short_description(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        if !out.ends_with('…') {
            out.push('…');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The first section of an explanation (`## 检查什么 / What it checks`), without its heading.
fn what_it_checks(explanation: &str) -> &str {
    let body = explanation
        .strip_prefix("## ")
        .and_then(|e| e.split_once('\n'))
        .map_or(explanation, |(_, body)| body);
    body.split("\n## ").next().unwrap_or(body).trim()
}

/// An explanation as Markdown: it is Markdown already (headings, `code`, indented examples),
/// except that a `<` in prose would start an HTML tag (`<!-- zglint-disable … -->` would vanish).
fn markdown(explanation: &str) -> String {
    let mut out = String::with_capacity(explanation.len());
    for line in explanation.split_inclusive('\n') {
        if line.starts_with("    ") {
            out.push_str(line);
            continue;
        }
        let mut code = false;
        for c in line.chars() {
            code ^= c == '`';
            if c == '<' && !code {
                out.push_str("&lt;");
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// SARIF's name for a level.
fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// `percent-mismatch` → `PercentMismatch`, the identifier form SARIF suggests for `name`.
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_ascii_uppercase().to_string() + c.as_str()
            })
        })
        .collect()
}

/// A `physicalLocation`: the file and the region of a span, with its text as the snippet.
fn physical(path: &str, source: &str, index: &LineIndex, span: &Span) -> Value {
    let (start_line, start_column) = index.line_column(span.start);
    let (end_line, end_column) = index.line_column(span.end);
    json!({
        "artifactLocation": { "uri": uri(path) },
        "region": {
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
            "snippet": { "text": source.get(span.clone()).unwrap_or("") },
        }
    })
}

/// A path as a URI reference: relative paths stay relative (with `/` separators, no leading
/// `./`), absolute ones become `file://` URIs; every byte outside the unreserved characters and
/// `/` is percent-encoded, so Chinese names, spaces, `%`, `#` and `:` survive.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/";
    let (prefix, rest) = if drive {
        (format!("file:///{}", &path[..2]), &path[2..])
    } else if path.starts_with('/') {
        ("file://".to_string(), path.as_str())
    } else {
        let mut rest = path.as_str();
        while let Some(r) = rest.strip_prefix("./") {
            rest = r;
        }
        (String::new(), rest)
    };
    let mut out = prefix;
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Pretty JSON with every line after the first indented by `by` spaces.
fn indent(value: &Value, by: usize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let pad = " ".repeat(by);
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.to_string()
            } else {
                format!("\n{pad}{l}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri("reports/柳塘镇 1.txt"),
            "reports/%E6%9F%B3%E5%A1%98%E9%95%87%201.txt"
        );
        assert_eq!(uri("./a/./b%#.txt"), "a/./b%25%23.txt");
        assert_eq!(uri("a:b.txt"), "a%3Ab.txt");
        assert_eq!(uri("/srv/r.txt"), "file:///srv/r.txt");
        assert_eq!(uri("C:\\r\\a.txt"), "file:///C:/r/a.txt");
        assert_eq!(pascal_case("percent-mismatch"), "PercentMismatch");
    }

    #[test]
    fn descriptions_come_from_the_templates_and_explanations() {
        assert_eq!(
            short_description("文中称{stated}{unit}{noun},逐项列出{counted}{unit}"),
            "文中称…,逐项列出…"
        );
        assert_eq!(short_description("百分比 {a"), "百分比 {a");
        let explanation =
            "## 检查什么 / What it checks\n甲。\nA.\n\n## 为什么 / Why it matters\n乙。\n";
        assert_eq!(what_it_checks(explanation), "甲。\nA.");
        assert_eq!(what_it_checks("无标题"), "无标题");
        assert_eq!(
            markdown("注释（<!-- a -->）与 `<!-- b -->`\n    <!-- c -->\n"),
            "注释（&lt;!-- a -->）与 `<!-- b -->`\n    <!-- c -->\n"
        );
    }
}
