//! The rule pack: YAML rules loaded strictly, compiled by their kinds, run over a report.

// A rule-file error carries its source text for miette; it is built once, on a failing load.
#![allow(clippy::result_large_err)]

use crate::document::{Document, Span};
use crate::facts::Facts;
use crate::finding::{Finding, Level};
use crate::parse::vocab::Vocabulary;
use crate::rules::{self, Check, Context, Hit, Kind, Patterns, Tag};
use miette::SourceSpan;
use serde::Deserialize;
use std::path::Path;

/// A rule's level; `off` turns it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleLevel {
    /// Reported as an error.
    Error,
    /// Reported as a warning.
    Warning,
    /// Reported as information.
    Info,
    /// Not run.
    Off,
}

impl RuleLevel {
    /// The findings' level, None when off.
    pub fn level(self) -> Option<Level> {
        match self {
            RuleLevel::Error => Some(Level::Error),
            RuleLevel::Warning => Some(Level::Warning),
            RuleLevel::Info => Some(Level::Info),
            RuleLevel::Off => None,
        }
    }
}

/// Snippets a rule must fire on, and must not.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Each must give at least one finding of this rule.
    #[serde(default)]
    pub fail: Vec<String>,
    /// Each must give none.
    #[serde(default)]
    pub pass: Vec<String>,
}

/// A rule as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Kebab-case id naming the problem, e.g. "percent-mismatch".
    pub id: String,
    /// A short Chinese name shown beside the id (`统计数与逐项列出数不符`): required of the
    /// packaged rules, optional for a user's (the id stands in for it).
    #[serde(default)]
    pub name: Option<String>,
    /// The kind that checks it.
    pub kind: String,
    /// Its level.
    pub level: RuleLevel,
    /// The message template, in Chinese, with `{name}` values of the kind.
    pub message: String,
    /// The help template.
    #[serde(default)]
    pub help: Option<String>,
    /// The kind's parameters.
    #[serde(default)]
    pub params: serde_yaml::Value,
    /// Examples that `cargo test` runs through the rule.
    #[serde(default)]
    pub examples: Examples,
}

/// A compiled rule.
pub struct Rule {
    /// As written.
    pub spec: RuleSpec,
    /// Its kind.
    pub kind: &'static Kind,
    /// The file it came from.
    pub origin: String,
    check: Box<dyn Check>,
}

/// A rule file that cannot be used, pointing at the place in the file.
pub type PackError = crate::located::FileError;

fn error(file: &str, text: &str, problem: String, at: Option<SourceSpan>) -> PackError {
    PackError::new("rules", file, text, problem, at)
}

/// The line of `id: <id>` in a rule file, to point errors at.
fn locate(text: &str, id: &str) -> Option<SourceSpan> {
    locate_all(text, id).into_iter().next()
}

/// Every `id: …` line of a rule file that gives this id.
fn locate_all(text: &str, id: &str) -> Vec<SourceSpan> {
    let mut offset = 0;
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim_start().trim_start_matches("- ").trim_start();
        if t.strip_prefix("id:")
            .is_some_and(|rest| rest.trim().trim_matches(['"', '\'']) == id)
        {
            out.push((offset, line.trim_end().len()).into());
        }
        offset += line.len();
    }
    out
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |t| t.matches('\n').count()) + 1
}

/// The `{name}` placeholders of a template.
fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    out
}

/// What is wrong with a YAML file, in words a rule author can act on.
fn yaml_problem(e: &serde_yaml::Error) -> String {
    let message = e.to_string();
    if message.starts_with("repetition limit exceeded") {
        // Aliases of aliases (`*a` standing for a list of `*b`…) expand exponentially: the
        // parser stops them, and the author should hear why.
        format!("{message}: its aliases (`*name`) expand to too much text; write the values out")
    } else if message.starts_with("recursion limit exceeded") {
        format!("{message}: the YAML is nested too deeply")
    } else {
        message
    }
}

/// Load the rules of one YAML file for reports read with `vocab`, compiling their patterns
/// through `patterns` (those of the load they are part of).
pub fn load(
    file: &str,
    text: &str,
    vocab: &Vocabulary,
    patterns: &mut Patterns,
) -> Result<Vec<Rule>, PackError> {
    let specs: Vec<RuleSpec> = serde_yaml::from_str(text).map_err(|e| {
        let at = e.location().map(|l| SourceSpan::from((l.index(), 1)));
        error(file, text, yaml_problem(&e), at)
    })?;
    let mut rules: Vec<Rule> = Vec::new();
    for spec in specs {
        let err = |problem: String| error(file, text, problem, locate(text, &spec.id));
        if rules.iter().any(|r| r.spec.id == spec.id) {
            // Both places: the second definition would otherwise silently win.
            let places = locate_all(text, &spec.id);
            let lines: Vec<String> = places
                .iter()
                .map(|p| line_of(text, p.offset()).to_string())
                .collect();
            let problem = format!(
                "rule id `{}` is defined twice in {file} (lines {}); give each rule its own id",
                spec.id,
                lines.join(" and ")
            );
            return Err(error(file, text, problem, places.get(1).copied()));
        }
        let valid_id = !spec.id.is_empty()
            && spec
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid_id {
            return Err(err(format!("rule id `{}` is not kebab-case", spec.id)));
        }
        if let Some(name) = &spec.name {
            let name = name.trim();
            if name.is_empty() || name.chars().any(char::is_control) {
                return Err(err(format!(
                    "rule `{}`: `name` must be a short name on one line, or left out",
                    spec.id
                )));
            }
        }
        let Some(kind) = rules::kind(&spec.kind) else {
            let known: Vec<&str> = rules::KINDS.iter().map(|k| k.name).collect();
            return Err(err(format!(
                "rule `{}`: unknown kind `{}` (known: {})",
                spec.id,
                spec.kind,
                known.join(", ")
            )));
        };
        let templates = std::iter::once(&spec.message).chain(spec.help.iter());
        for name in templates.flat_map(|t| placeholders(t)) {
            if !kind.values.contains(&name) {
                return Err(err(format!(
                    "rule `{}`: the template names `{{{name}}}`, which kind `{}` does not give (it gives: {})",
                    spec.id,
                    kind.name,
                    kind.values.join(", ")
                )));
            }
        }
        let check = (kind.compile)(&spec.params, vocab, patterns)
            .map_err(|e| err(format!("rule `{}`: params: {e}", spec.id)))?;
        rules.push(Rule {
            spec,
            kind,
            origin: file.to_string(),
            check,
        });
    }
    Ok(rules)
}

/// A set of rules with unique ids, and the vocabulary they read reports with.
pub struct Pack {
    /// The rules, in the order they were loaded.
    pub rules: Vec<Rule>,
    /// What loading found worth saying: a local rule that replaced another local rule of the
    /// same id (replacing a packaged rule is what local rules are for, and is not remarked).
    pub warnings: Vec<String>,
    /// The patterns its rules were compiled with, kept so that the rules of files added later
    /// share them too. Owned by the pack, not the process: nothing outlives the load.
    patterns: Patterns,
    /// The vocabulary the rules were compiled with, and reports are read with.
    vocab: &'static Vocabulary,
}

impl Default for Pack {
    /// No rules, with the packaged vocabulary.
    fn default() -> Self {
        Pack::new(Vocabulary::packaged())
    }
}

impl Pack {
    /// The packaged rules, compiled into the binary.
    pub fn packaged() -> Result<Pack, PackError> {
        let mut pack = Pack::new(Vocabulary::packaged());
        for &(file, text) in rules::KINDS.iter().map(|k| &k.rules) {
            pack.add(file, text, false)?;
        }
        Ok(pack)
    }

    /// No rules yet, for reports read with `vocab` (which lives as long as the run: the
    /// packaged one is static).
    pub fn new(vocab: &'static Vocabulary) -> Pack {
        Pack {
            rules: Vec::new(),
            warnings: Vec::new(),
            patterns: Patterns::default(),
            vocab,
        }
    }

    /// The vocabulary the pack's rules read reports with: [`crate::analyse_with`] reads a
    /// report for them with it.
    pub fn vocab(&self) -> &'static Vocabulary {
        self.vocab
    }

    /// The short name of rule `id`: its YAML `name`, or for the rules zglint itself reports
    /// (suppression comments) a built-in one; None for an unknown id or a rule without a name.
    pub fn name_of(&self, id: &str) -> Option<&str> {
        self.rules
            .iter()
            .find(|r| r.spec.id == id)
            .and_then(|r| r.spec.name.as_deref())
            .map(str::trim)
    }

    /// Add the rules of a file. With `replace`, a rule whose id is already in the pack replaces
    /// it; without, a repeated id is an error.
    pub fn add(&mut self, file: &str, text: &str, replace: bool) -> Result<(), PackError> {
        for rule in load(file, text, self.vocab, &mut self.patterns)? {
            match self.rules.iter().position(|r| r.spec.id == rule.spec.id) {
                Some(i) if replace => {
                    let old = &self.rules[i].origin;
                    if !rules::KINDS.iter().any(|k| k.rules.0 == old) {
                        self.warnings.push(format!(
                            "rule `{}` of {file} replaces the rule of the same id in {old}",
                            rule.spec.id
                        ));
                    }
                    self.rules[i] = rule;
                }
                Some(i) => {
                    let problem = format!(
                        "rule id `{}` is already defined in {}",
                        rule.spec.id, self.rules[i].origin
                    );
                    return Err(error(file, text, problem, locate(text, &rule.spec.id)));
                }
                None => self.rules.push(rule),
            }
        }
        Ok(())
    }

    /// Add every `*.yaml` rule file of a folder (the vocabulary excepted), overriding by id.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), PackError> {
        let io = |e: std::io::Error| error(&dir.display().to_string(), "", e.to_string(), None);
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .filter(|p| p.file_stem().is_some_and(|s| s != "vocabulary"))
            .collect();
        files.sort();
        for path in files {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| error(&name, "", e.to_string(), None))?;
            self.add(&name, &text, true)?;
        }
        Ok(())
    }

    /// Run every rule that is not off over a report, at its own level; findings in document
    /// order. The rules alone, for rule tests: a report is checked by [`crate::check()`].
    pub fn check(&self, doc: &Document, facts: &Facts) -> Vec<Finding> {
        self.check_with(doc, facts, |rule| rule.spec.level.level())
    }

    /// Run the rules at the levels `level_of` gives (None: the rule is off, and not run);
    /// findings in document order.
    pub fn check_with(
        &self,
        doc: &Document,
        facts: &Facts,
        level_of: impl Fn(&Rule) -> Option<Level>,
    ) -> Vec<Finding> {
        let cx = Context {
            doc,
            facts,
            vocab: self.vocab,
        };
        let mut out = Vec::new();
        // The passes run so far, by kind and key: each kind's pass runs once for this report,
        // whatever number of its rules share it.
        let mut passes: std::collections::HashMap<(&str, String), Vec<(Tag, Hit)>> =
            std::collections::HashMap::new();
        for rule in &self.rules {
            let Some(level) = level_of(rule) else {
                continue;
            };
            let hits = match rule.check.pass_key() {
                Some(key) => passes
                    .entry((rule.kind.name, key))
                    .or_insert_with(|| rule.check.pass(&cx))
                    .iter()
                    .filter(|(tag, _)| rule.check.reports(*tag))
                    .map(|(_, hit)| hit.clone())
                    .collect(),
                None => rule.check.check(&cx),
            };
            out.extend(rule.findings(hits, level));
        }
        out.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        out
    }
}

impl Pack {
    /// The places no rule checked though some rule looked at them, with the first rule's
    /// reason, in document order; each place once.
    pub fn unchecked(&self, doc: &Document, facts: &Facts) -> Vec<(Span, String)> {
        let cx = Context {
            doc,
            facts,
            vocab: self.vocab,
        };
        let mut out = std::collections::BTreeMap::new();
        for rule in &self.rules {
            for (span, why) in rule.unchecked(&cx) {
                out.entry((span.start, span.end)).or_insert(why);
            }
        }
        out.into_iter().map(|((s, e), why)| (s..e, why)).collect()
    }
}

/// Fill a template's `{name}` placeholders.
fn fill(template: &str, values: &std::collections::BTreeMap<&'static str, String>) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

impl Rule {
    /// The findings of this rule alone, at its own level.
    pub fn run(&self, cx: &Context) -> Vec<Finding> {
        match self.spec.level.level() {
            Some(level) => self.run_at(cx, level),
            None => Vec::new(),
        }
    }

    /// The findings of this rule alone, at `level` (a configuration may change a rule's level).
    pub fn run_at(&self, cx: &Context, level: Level) -> Vec<Finding> {
        self.findings(self.check.check(cx), level)
    }

    /// This rule's findings from its hits, at `level`: its words filled in.
    fn findings(&self, hits: Vec<Hit>, level: Level) -> Vec<Finding> {
        hits.into_iter()
            .map(|hit| Finding {
                rule: self.spec.id.clone(),
                kind: self.kind.name.to_string(),
                level,
                message: fill(&self.spec.message, &hit.values),
                span: hit.span,
                labels: hit.labels,
                help: self.spec.help.as_ref().map(|h| fill(h, &hit.values)),
                fix: hit.fix,
            })
            .collect()
    }

    /// The places this rule looked at but did not check, with why (none when it is off).
    pub fn unchecked(&self, cx: &Context) -> Vec<(Span, String)> {
        if self.spec.level.level().is_none() {
            return Vec::new();
        }
        self.check.unchecked(cx)
    }

    /// Run the rule's examples; each failure is described.
    pub fn run_examples(&self) -> Vec<String> {
        let mut failures = Vec::new();
        let count = |text: &str| {
            let (doc, facts) = crate::analyse(text);
            self.run(&Context {
                doc: &doc,
                facts: &facts,
                vocab: crate::parse::vocab::Vocabulary::packaged(),
            })
            .len()
        };
        for text in &self.spec.examples.fail {
            if count(text) == 0 {
                failures.push(format!(
                    "{}: the failing example gives no finding: {text}",
                    self.spec.id
                ));
            }
        }
        for text in &self.spec.examples.pass {
            let n = count(text);
            if n > 0 {
                failures.push(format!(
                    "{}: the passing example gives {n} findings: {text}",
                    self.spec.id
                ));
            }
        }
        failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A check that counts its passes and tags one hit per problem 0 and 1.
    struct Counting {
        passes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
        problem: u8,
    }

    impl Check for Counting {
        fn pass_key(&self) -> Option<String> {
            Some("one".to_string())
        }
        fn pass(&self, _cx: &Context) -> Vec<(Tag, Hit)> {
            self.passes
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            (0..2u8)
                .map(|p| {
                    let tag = Tag {
                        problem: p,
                        sure: true,
                    };
                    (tag, Hit::at(usize::from(p)..usize::from(p) + 1))
                })
                .collect()
        }
        fn reports(&self, tag: Tag) -> bool {
            tag.problem == self.problem
        }
    }

    #[test]
    fn rules_that_share_a_pass_run_it_once_per_report_and_each_takes_its_own_hits() {
        let two = format!("{GOOD}{}", GOOD.replace("id: ", "id: second-"));
        let mut rules = load("t.yaml", &two).expect("loads");
        let passes = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for (i, rule) in rules.iter_mut().enumerate() {
            rule.check = Box::new(Counting {
                passes: passes.clone(),
                problem: i as u8,
            });
        }
        let pack = Pack {
            rules,
            ..Pack::default()
        };
        let (doc, facts) = crate::analyse("一二三");
        let found = pack.check(&doc, &facts);
        assert_eq!(passes.load(std::sync::atomic::Ordering::SeqCst), 1);
        let spans: Vec<_> = found
            .iter()
            .map(|f| (f.rule.as_str(), f.span.start))
            .collect();
        assert_eq!(spans.len(), 2, "{spans:?}");
        assert!(
            spans[0].0 != spans[1].0 && spans[0].1 != spans[1].1,
            "{spans:?}"
        );
        // Another report runs the pass again.
        pack.check(&doc, &facts);
        assert_eq!(passes.load(std::sync::atomic::Ordering::SeqCst), 2);
    }

    #[test]
    fn a_shared_pass_gives_each_packaged_rule_what_it_finds_alone() {
        let pack = Pack::packaged().expect("the packaged rules load");
        let mut text = String::new();
        for r in &pack.rules {
            for t in &r.spec.examples.fail {
                text.push_str(t);
                text.push('\n');
            }
        }
        let (doc, facts) = crate::analyse(&text);
        let cx = Context {
            doc: &doc,
            facts: &facts,
            vocab: pack.vocab,
        };
        let mut alone: Vec<(String, usize, usize)> = pack
            .rules
            .iter()
            .flat_map(|r| r.run(&cx))
            .map(|f| (f.rule, f.span.start, f.span.end))
            .collect();
        alone.sort();
        let mut shared: Vec<(String, usize, usize)> = pack
            .check(&doc, &facts)
            .into_iter()
            .map(|f| (f.rule, f.span.start, f.span.end))
            .collect();
        shared.sort();
        assert!(alone.len() > 20, "only {} findings", alone.len());
        assert_eq!(alone, shared);
    }

    #[test]
    fn the_packaged_rules_load_and_their_examples_hold() {
        let pack = Pack::packaged().expect("the packaged rules load");
        let failures: Vec<String> = pack.rules.iter().flat_map(|r| r.run_examples()).collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_packaged_rule_has_a_short_chinese_name() {
        let pack = Pack::packaged().expect("the packaged rules load");
        for r in &pack.rules {
            let name = r.spec.name.as_deref().unwrap_or_default();
            assert!(!name.is_empty(), "{} has no name", r.spec.id);
            assert!(name.chars().count() <= 12, "{}: {name} is long", r.spec.id);
            assert!(
                name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: {name} is not Chinese",
                r.spec.id
            );
            assert_eq!(pack.name_of(&r.spec.id), Some(name));
        }
        let names: std::collections::BTreeSet<_> =
            pack.rules.iter().map(|r| r.spec.name.clone()).collect();
        assert_eq!(names.len(), pack.rules.len(), "two rules share a name");
    }

    #[test]
    fn a_users_rule_may_leave_out_its_name() {
        let rules = load("t.yaml", GOOD).expect("loads");
        assert_eq!(rules[0].spec.name, None);
        let named = GOOD.replace("kind:", "name: 测试规则\n  kind:");
        let rules = load("t.yaml", &named).expect("loads");
        assert_eq!(rules[0].spec.name.as_deref(), Some("测试规则"));
        let mut pack = Pack::default();
        pack.add("t.yaml", GOOD, false).expect("adds");
        assert_eq!(pack.name_of("test-rule"), None);
        let err = load("t.yaml", &GOOD.replace("kind:", "name: \"\"\n  kind:"))
            .err()
            .expect("an empty name is refused");
        assert!(err.to_string().contains("`name`"), "{err}");
    }

    /// The rules of one file, loaded on their own.
    fn load(file: &str, text: &str) -> Result<Vec<Rule>, PackError> {
        super::load(file, text, Vocabulary::packaged(), &mut Patterns::default())
    }

    const GOOD: &str =
        "- id: test-rule\n  kind: required\n  level: warning\n  message: \"缺少{missing}\"\n";

    #[test]
    fn strict_loading() {
        assert!(load("t.yaml", GOOD).is_ok());
        let cases = [
            (
                GOOD.replace("level: warning", "level: warning\n  colour: red"),
                "unknown field `colour`",
            ),
            (
                GOOD.replace("kind: required", "kind: nonsense"),
                "unknown kind `nonsense`",
            ),
            (GOOD.replace("{missing}", "{nothing}"), "`{nothing}`"),
            (GOOD.replace("test-rule", "TestRule"), "not kebab-case"),
            (
                GOOD.replace("level: warning", "level: loud"),
                "unknown variant `loud`",
            ),
        ];
        for (text, want) in cases {
            let err = load("t.yaml", &text).err().expect("an error");
            assert!(err.to_string().contains(want), "{err} lacks {want}");
        }
        let err = load("t.yaml", &GOOD.replace("kind: required", "kind: nonsense"))
            .err()
            .unwrap();
        assert_eq!(
            err.at,
            Some(SourceSpan::from((0, 15))),
            "points at the rule's id line"
        );
    }

    #[test]
    fn repeated_ids_are_errors_unless_overriding() {
        let mut pack = Pack::default();
        pack.add("a.yaml", GOOD, false).unwrap();
        assert!(pack.add("b.yaml", GOOD, false).is_err());
        pack.add("b.yaml", &GOOD.replace("warning", "error"), true)
            .unwrap();
        assert_eq!(pack.rules.len(), 1);
        assert_eq!(pack.rules[0].spec.level, RuleLevel::Error);
        assert_eq!(
            pack.warnings,
            ["rule `test-rule` of b.yaml replaces the rule of the same id in a.yaml"]
        );
    }

    #[test]
    fn an_id_twice_in_one_file_is_an_error_naming_both_lines() {
        let twice = format!("{GOOD}{}", GOOD.replace("warning", "error"));
        let err = load("t.yaml", &twice).err().expect("an error");
        let lines = GOOD.lines().count();
        assert!(
            err.to_string().contains(&format!(
                "defined twice in t.yaml (lines 1 and {})",
                lines + 1
            )),
            "{err}"
        );
    }

    #[test]
    fn replacing_a_packaged_rule_is_not_remarked() {
        let mut pack = Pack::packaged().unwrap();
        let id = pack.rules[0].spec.id.clone();
        let text = rules::KINDS[0].rules.1;
        pack.add("local.yaml", text, true).unwrap();
        assert!(pack.warnings.is_empty(), "{:?}", pack.warnings);
        assert!(
            pack.rules
                .iter()
                .any(|r| r.spec.id == id && r.origin == "local.yaml")
        );
    }
}
