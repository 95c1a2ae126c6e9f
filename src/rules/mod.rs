//! Rule kinds. Each kind is Rust (one file here, with `NAME`, `EXPLANATION`, `VALUES` and
//! `compile`); rules are YAML instances of a kind (`rules/<kind>.yaml`). This is the registry;
//! [`pack`] loads the YAML rules into a [`pack::Pack`].

pub mod pack;

pub mod conflict;
pub mod date_order;
pub mod deadline;
pub mod duplicate_text;
pub mod item_count;
pub mod numbering;
pub mod pairing;
pub mod parts_sum;
pub mod placeholder;
pub mod ratio;
pub mod required;
pub mod tally;
#[cfg(test)]
pub mod testing;

use crate::document::{Document, Span};
use crate::facts::Facts;
use crate::finding::{Edit, Label};
use crate::parse::vocab::Vocabulary;
use std::collections::{BTreeMap, HashMap};

/// What a rule sees: the parsed report and its facts.
pub struct Context<'a> {
    /// The report.
    pub doc: &'a Document,
    /// Its facts.
    pub facts: &'a Facts,
    /// The vocabulary the report was read with (statuses, classes, labels), the pack's.
    pub vocab: &'a Vocabulary,
}

/// One place a rule fires, before the engine fills in the rule's message and help.
#[derive(Debug, Clone, Default)]
pub struct Hit {
    /// The primary place: the stated figure or the faulty text.
    pub span: Span,
    /// Other places involved, each with what it is.
    pub labels: Vec<Label>,
    /// Values for the rule's templates, by name (each listed in the kind's `VALUES`).
    pub values: BTreeMap<&'static str, String>,
    /// A safe fix, if the kind can offer one.
    pub fix: Vec<Edit>,
}

impl Hit {
    /// A hit at `span` with no labels or values yet.
    pub fn at(span: Span) -> Self {
        Hit {
            span,
            ..Hit::default()
        }
    }

    /// Add a template value.
    pub fn value(mut self, name: &'static str, value: impl ToString) -> Self {
        self.values.insert(name, value.to_string());
        self
    }

    /// Add an edit to the hit's safe fix.
    pub fn edit(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix.push(Edit {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Add a label.
    pub fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            text: text.into(),
        });
        self
    }
}

/// What a hit of a kind's one pass is: the problem among the kind's problems (a kind's own
/// numbering, 0 for a kind with one) and whether its pairing of figures is sure. A rule binds
/// one tag, or a set of tags, to its id, level and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tag {
    /// The problem, numbered by the kind.
    pub problem: u8,
    /// The pairing of figures is sure (false: probable).
    pub sure: bool,
}

/// A compiled rule's check.
///
/// A kind whose rules differ only in which of its problems they report runs once per report:
/// it gives each rule the same [`Check::pass_key`], and the pack runs [`Check::pass`] once for
/// all the rules with that key (within one report, not across reports) and hands each rule the
/// hits whose tags it [`Check::reports`]. A kind that does not share a pass overrides
/// [`Check::check`] alone.
pub trait Check: Send + Sync {
    /// Every place the rule fires in the report: by default the hits of its pass that it
    /// reports.
    fn check(&self, cx: &Context) -> Vec<Hit> {
        self.pass(cx)
            .into_iter()
            .filter(|(tag, _)| self.reports(*tag))
            .map(|(_, hit)| hit)
            .collect()
    }

    /// The key of the pass this rule shares: rules of one kind with equal keys get the same
    /// hits from [`Check::pass`]. None: the rule shares no pass, and the pack calls `check`.
    fn pass_key(&self) -> Option<String> {
        None
    }

    /// Every hit of the kind's pass over the report, tagged with the problem it is.
    fn pass(&self, _cx: &Context) -> Vec<(Tag, Hit)> {
        Vec::new()
    }

    /// True for the tags this rule reports.
    fn reports(&self, _tag: Tag) -> bool {
        true
    }

    /// The places the rule looked at but did not check, each with a short reason in Chinese
    /// and English (`未核对: 基数不明 / not checked: no base stated`), for `zglint parse`.
    fn unchecked(&self, _cx: &Context) -> Vec<(Span, String)> {
        Vec::new()
    }
}

/// The check of a kind compiled from a rule's `params`, or why the params are wrong; with the
/// vocabulary the pack reads reports with, and the load's [`Patterns`] to compile through.
pub type Compile =
    fn(&serde_yaml::Value, &Vocabulary, &mut Patterns) -> Result<Box<dyn Check>, String>;

/// A rule kind.
pub struct Kind {
    /// Its name, as rules write it in `kind:`.
    pub name: &'static str,
    /// Its explanation (Chinese, with an English line under each heading).
    pub explanation: &'static str,
    /// The names its message and help templates may use.
    pub values: &'static [&'static str],
    /// Builds a check from a rule's parameters.
    pub compile: Compile,
    /// Its packaged rules: the file's path and text, compiled into the binary.
    pub rules: (&'static str, &'static str),
}

/// Every rule kind, once.
pub const KINDS: &[Kind] = &[
    item_count::KIND,
    tally::KIND,
    parts_sum::KIND,
    ratio::KIND,
    conflict::KIND,
    date_order::KIND,
    deadline::KIND,
    numbering::KIND,
    pairing::KIND,
    placeholder::KIND,
    required::KIND,
    duplicate_text::KIND,
];

/// The patterns one load of a pack has compiled, by their source. The loader owns it and hands
/// it to each kind's `compile`, so that rules of one kind share their patterns (the three
/// deadline rules, the six ratio rules) without a process-wide cache: compiling is most of
/// loading a pack, and a `Regex` clone shares the compiled program. Every pattern is compiled
/// within [`PATTERN_SIZE_LIMIT`], as every pattern from a rule file must be.
#[derive(Default)]
pub struct Patterns {
    compiled: HashMap<String, regex::Regex>,
}

impl Patterns {
    /// The compiled `pattern`, compiled now unless this load has compiled it already.
    pub fn regex(&mut self, pattern: &str) -> Result<regex::Regex, regex::Error> {
        if let Some(re) = self.compiled.get(pattern) {
            return Ok(re.clone());
        }
        let re = regex::RegexBuilder::new(pattern)
            .size_limit(PATTERN_SIZE_LIMIT)
            .dfa_size_limit(2 * PATTERN_SIZE_LIMIT)
            .build()?;
        self.compiled.insert(pattern.to_string(), re.clone());
        Ok(re)
    }

    /// A pattern from a rule's parameters, compiled as [`Patterns::regex`] does, with an error
    /// a rule author can act on.
    pub fn pattern(&mut self, source: &str) -> Result<regex::Regex, String> {
        self.regex(source).map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => format!(
                "the pattern is too big once compiled (over {} KB); make it simpler, with fewer \
                 or shorter repetitions and alternatives",
                limit / 1024
            ),
            // The message repeats the pattern with a caret line under it: of a long pattern,
            // keep only what is wrong.
            e if source.len() > 120 => e
                .to_string()
                .lines()
                .filter(|l| l.starts_with("error:"))
                .collect::<Vec<_>>()
                .join("; "),
            e => e.to_string(),
        })
    }
}

/// The kind of a name.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Read a kind's parameters into its own struct; unknown keys are errors.
pub fn params<T: serde::de::DeserializeOwned + Default>(
    value: &serde_yaml::Value,
) -> Result<T, String> {
    if value.is_null() {
        return Ok(T::default());
    }
    serde_yaml::from_value(value.clone()).map_err(|e| e.to_string())
}

/// The size a rule's pattern may reach once compiled: enough for any phrase list, small
/// enough that compiling and matching stay quick on a long report.
pub const PATTERN_SIZE_LIMIT: usize = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_have_a_size_limit() {
        let mut patterns = Patterns::default();
        let mut pattern = |source: &str| patterns.pattern(source);
        assert!(pattern("[一-龥]{2,20}(?:完成|办结)").is_ok());
        let huge = pattern(r"(?:\w{100}){100}").unwrap_err();
        assert!(
            huge.contains("too big once compiled (over 1024 KB)"),
            "{huge}"
        );
        let nested = pattern(&format!("{}a{}", "(".repeat(1000), ")".repeat(1000))).unwrap_err();
        assert_eq!(
            nested,
            "error: exceed the maximum number of nested parentheses/brackets (250)"
        );
        let short = pattern("(完成").unwrap_err();
        assert!(
            short.contains("(完成\n") && short.contains("unclosed group"),
            "{short}"
        );
    }

    #[test]
    fn a_load_compiles_each_pattern_once() {
        let mut patterns = Patterns::default();
        let a = patterns.regex("已完成").unwrap();
        let b = patterns.pattern("已完成").unwrap();
        assert_eq!(patterns.compiled.len(), 1);
        assert!(a.is_match("已完成整改") && b.is_match("已完成整改"));
        // Two loads share nothing.
        assert!(Patterns::default().compiled.is_empty());
    }

    const HEADINGS: [&str; 4] = [
        "## 检查什么 / What it checks",
        "## 为什么 / Why it matters",
        "## 示例 / Example",
        "## 参数 / Parameters",
    ];

    #[test]
    fn every_kind_is_explained_under_the_fixed_headings() {
        for k in KINDS {
            for h in HEADINGS {
                assert!(k.explanation.contains(h), "{} lacks {h}", k.name);
            }
        }
    }

    #[test]
    fn kind_names_are_unique_and_snake_case() {
        let mut names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), KINDS.len());
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
    }
}
