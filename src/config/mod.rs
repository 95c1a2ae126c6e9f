//! Configuration: `zglint.yaml` (or `.zglint.yaml`) found upward from each checked file, or
//! `--config FILE`, and the command line's `--select`, `--ignore` and `--fail-on`.
//!
//! ```yaml
//! fail-on: warning            # error (default) or warning
//! max-findings-per-rule: 100  # per rule and file; 0: no limit
//! rule-dirs: [local-rules]    # folders of YAML rules, relative to this file
//! select: [ratio, date-order] # only these rules (ids or kinds); default: all
//! ignore: [duplicate-item]    # these rules off (ids or kinds)
//! rules:                      # a rule's level: error, warning, info or off
//!   percent-mismatch: warning
//! overrides:                  # for files matching a glob (relative to this file)
//!   - files: ["archive/**"]
//!     ignore: [numbering]
//!     rules: { date-order: info }
//! ```
//!
//! Loading is strict: an unknown key, an unknown rule or kind, or a bad glob is an error that
//! points into the file. Each resolved value remembers where it came from, for `zglint config`.

// A configuration error carries its source text for miette; it is built once, on a failing load.
#![allow(clippy::result_large_err)]

use crate::finding::Level;
use crate::rules::pack::{Pack, RuleLevel};
use miette::SourceSpan;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The names a configuration file may have, looked for in this order in each folder.
pub const FILE_NAMES: &[&str] = &["zglint.yaml", ".zglint.yaml"];

/// The level at which a finding fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum FailOn {
    /// Errors fail the run (the default).
    Error,
    /// Warnings and errors fail the run.
    Warning,
}

impl FailOn {
    /// The lowest level that fails.
    pub fn level(self) -> Level {
        match self {
            FailOn::Error => Level::Error,
            FailOn::Warning => Level::Warning,
        }
    }
}

/// Settings that apply to some files only.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Globs, relative to the configuration file's folder.
    pub files: Vec<String>,
    /// As the top-level `select`.
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// As the top-level `ignore`.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// As the top-level `rules`.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
}

/// A configuration file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// The language of the output for people: `zh` (the default) or `en`; `--lang` overrides it.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The level at which a finding fails the run.
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    /// The most findings of one rule shown for one file (0: no limit).
    #[serde(default)]
    pub max_findings_per_rule: Option<usize>,
    /// Folders of YAML rules to add, relative to the file.
    #[serde(default)]
    pub rule_dirs: Vec<PathBuf>,
    /// Only these rules (ids or kind names); all when absent.
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// These rules off (ids or kind names).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Levels by rule id or kind name.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Settings for some files.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

/// A configuration that cannot be used, pointing at the place in the file.
pub type ConfigError = crate::located::FileError;

fn error(file: &str, text: &str, problem: String, at: Option<SourceSpan>) -> ConfigError {
    ConfigError::new("config", file, text, problem, at)
}

/// A loaded configuration file.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file.
    pub path: PathBuf,
    /// Its text, to point at.
    pub text: String,
    /// What it says.
    pub file: ConfigFile,
    globs: Vec<globset::GlobSet>,
}

/// The command line's settings, which come on top of any file's.
#[derive(Debug, Clone, Default)]
pub struct CliSettings {
    /// `--select`: replaces the file's `select`.
    pub select: Option<Vec<String>>,
    /// `--ignore`: added to the file's.
    pub ignore: Vec<String>,
    /// `--fail-on`.
    pub fail_on: Option<FailOn>,
    /// `--max-findings-per-rule`.
    pub max_findings_per_rule: Option<usize>,
}

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The rule's own level in its rule file.
    Default(String),
    /// A line of a configuration file.
    File(PathBuf, usize),
    /// The command line.
    Cli(&'static str),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Default(file) => write!(f, "default ({file})"),
            Origin::File(path, line) => write!(f, "{}:{line}", path.display()),
            Origin::Cli(flag) => write!(f, "command line {flag}"),
        }
    }
}

/// The settings in force for one file: each rule's level (None: off) and the failing level.
#[derive(Debug, Clone)]
pub struct Settings {
    /// By rule id: the level and where it came from.
    pub levels: BTreeMap<String, (Option<Level>, Origin)>,
    /// The failing level and where it came from.
    pub fail_on: (FailOn, Origin),
    /// The most findings of one rule kept for one file (0: no limit), and where it came from.
    pub max_findings_per_rule: (usize, Origin),
}

/// The findings of one rule kept for one file unless configured otherwise: enough to act on,
/// and a bound on what one hostile or broken file can make a run print and hold.
pub const MAX_FINDINGS_PER_RULE: usize = 100;

impl Settings {
    /// The settings with no configuration and no command line: each rule of the pack at its
    /// own level.
    pub fn defaults(pack: &Pack) -> Settings {
        resolve(
            None,
            &CliSettings::default(),
            &crate::check::known_rules(pack),
            Path::new(""),
        )
    }

    /// The level of a rule, None when it is off or unknown.
    pub fn level(&self, rule: &str) -> Option<Level> {
        self.levels.get(rule).and_then(|(l, _)| *l)
    }
}

/// A rule as the configuration sees it: its id, its kind and its default level.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// The id.
    pub id: String,
    /// The kind's name.
    pub kind: String,
    /// The level its rule file gives.
    pub level: Option<Level>,
    /// The file it came from.
    pub origin: String,
}

/// The rules of a pack, with any extra rules (such as `unused-suppression`) the run reports.
pub fn rule_infos(pack: &Pack, extra: &[RuleInfo]) -> Vec<RuleInfo> {
    pack.rules
        .iter()
        .map(|r| RuleInfo {
            id: r.spec.id.clone(),
            kind: r.kind.name.to_string(),
            level: r.spec.level.level(),
            origin: r.origin.clone(),
        })
        .chain(extra.iter().cloned())
        .collect()
}

/// The configuration file that applies to `file`: the first of [`FILE_NAMES`] found in its
/// folder or a folder above.
pub fn discover(file: &Path) -> Option<PathBuf> {
    let start = if file.is_dir() {
        file.to_path_buf()
    } else {
        file.parent().unwrap_or(Path::new(".")).to_path_buf()
    };
    let start = if start.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        start
    };
    let start = std::fs::canonicalize(&start).unwrap_or(start);
    start.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|p| p.is_file())
    })
}

impl Config {
    /// Load and check a configuration file against the rules it may name.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| error(&name, "", format!("cannot read: {e}"), None))?;
        Config::parse(path, &text)
    }

    /// Parse a configuration's text; `path` names it and anchors its relative paths.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let file: ConfigFile = if text.trim().is_empty() {
            ConfigFile::default()
        } else {
            // Read as plain YAML first: a key given twice in a map (`rules:` naming one rule
            // twice) is an error there, where the typed reading would keep the last one.
            serde_yaml::from_str::<serde_yaml::Value>(text)
                .and_then(|_| serde_yaml::from_str(text))
                .map_err(|e| {
                    let message = e.to_string();
                    // serde_yaml places a duplicate key at the start of its mapping: point at the
                    // duplicate itself.
                    let at = duplicate_key(&message)
                        .and_then(|key| second_key(text, key))
                        .or_else(|| e.location().map(|l| SourceSpan::from((l.index(), 1))));
                    error(&name, text, message, at)
                })?
        };
        // A rule folder that is not there is an error at its entry, not a bare path later.
        for d in &file.rule_dirs {
            let dir = path.parent().unwrap_or(Path::new("")).join(d);
            if !dir.is_dir() {
                let shown = d.display().to_string();
                let problem = format!(
                    "rule-dirs: no folder {} (relative to this file)",
                    dir.display()
                );
                return Err(error(&name, text, problem, locate(text, &shown, 0)));
            }
        }
        let mut globs = Vec::new();
        for o in &file.overrides {
            let mut set = globset::GlobSetBuilder::new();
            for g in &o.files {
                let glob = globset::GlobBuilder::new(g)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| {
                        error(&name, text, format!("bad glob: {e}"), locate(text, g, 0))
                    })?;
                set.add(glob);
            }
            globs.push(
                set.build()
                    .map_err(|e| error(&name, text, format!("bad glob: {e}"), None))?,
            );
        }
        Ok(Config {
            path: path.to_path_buf(),
            text: text.to_string(),
            file,
            globs,
        })
    }

    /// The folder relative paths are taken from.
    pub fn dir(&self) -> PathBuf {
        self.path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    }

    /// The extra rule folders, resolved against the file's folder.
    pub fn rule_dirs(&self) -> Vec<PathBuf> {
        self.file
            .rule_dirs
            .iter()
            .map(|d| self.dir().join(d))
            .collect()
    }

    /// Check every rule id or kind the file names against the rules known.
    pub fn validate(&self, rules: &[RuleInfo]) -> Result<(), ConfigError> {
        let f = &self.file;
        let mut names: Vec<&String> = f.select.iter().flatten().chain(&f.ignore).collect();
        names.extend(f.rules.keys());
        for o in &f.overrides {
            names.extend(o.select.iter().flatten().chain(&o.ignore));
            names.extend(o.rules.keys());
        }
        for name in names {
            check_name(rules, name).map_err(|problem| {
                error(
                    &self.path.display().to_string(),
                    &self.text,
                    problem,
                    locate(&self.text, name, 0),
                )
                .with_help("`zglint rules` lists the rule ids; a kind's name selects all its rules")
            })?;
        }
        Ok(())
    }

    /// The line (1-based) where `needle` first appears as a word, for origins.
    fn line_of(&self, needle: &str, from_line: usize) -> usize {
        locate(&self.text, needle, from_line)
            .map_or(1, |s| self.text[..s.offset()].matches('\n').count() + 1)
    }

    /// The line of the n-th `- files:` entry of `overrides`.
    fn override_line(&self, n: usize) -> usize {
        let start = self.line_of("overrides", 0);
        self.text
            .lines()
            .enumerate()
            .skip(start)
            .filter(|(_, l)| l.trim_start().starts_with('-') && l.contains("files"))
            .nth(n)
            .map_or(start, |(i, _)| i + 1)
    }

    fn applies(&self, n: usize, file: &Path) -> bool {
        let dir = std::fs::canonicalize(self.dir()).unwrap_or_else(|_| self.dir());
        let file = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
        let rel = file.strip_prefix(&dir).unwrap_or(&file);
        self.globs[n].is_match(rel)
    }
}

/// Ok if `name` is a rule id, a kind with rules, or `all`; else why not.
fn check_name(rules: &[RuleInfo], name: &str) -> Result<(), String> {
    if name == "all" || rules.iter().any(|r| r.id == name || r.kind == name) {
        return Ok(());
    }
    let near = suggestions(rules, name);
    Err(if near.is_empty() {
        format!("unknown rule or kind `{name}`")
    } else {
        format!(
            "unknown rule or kind `{name}` (did you mean {}?)",
            near.join(", ")
        )
    })
}

/// The rule ids and kinds `name` may have meant, nearest first: those within a few edits of it
/// (a third of its length, at least two), or else those sharing a word with it; at most three.
fn suggestions<'a>(rules: &'a [RuleInfo], name: &str) -> Vec<&'a str> {
    let mut names: Vec<&str> = rules
        .iter()
        .flat_map(|r| [r.id.as_str(), r.kind.as_str()])
        .collect();
    names.sort_unstable();
    names.dedup();
    let within = (name.chars().count() / 3).max(2);
    let mut near: Vec<(usize, &str)> = names
        .iter()
        .map(|n| (edit_distance(name, n), *n))
        .filter(|&(d, _)| d <= within)
        .collect();
    if near.is_empty() {
        near = names
            .iter()
            .filter(|n| n.split(['-', '_']).any(|w| w.len() > 2 && name.contains(w)))
            .map(|n| (edit_distance(name, n), *n))
            .collect();
    }
    near.sort();
    near.into_iter().take(3).map(|(_, n)| n).collect()
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Does `name` (a rule id, a kind or `all`) name this rule?
fn names(name: &str, rule: &RuleInfo) -> bool {
    name == "all" || name == rule.id || name == rule.kind
}

/// The first occurrence of `needle` as a whole word at or after line `from_line` (0-based).
/// The key a serde_yaml "duplicate field `x`" or "duplicate entry with key \"x\"" error names.
fn duplicate_key(message: &str) -> Option<&str> {
    if let Some(rest) = message.split("duplicate field `").nth(1) {
        return rest.split('`').next();
    }
    message
        .split("duplicate entry with key \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
}

/// The second line that opens with `key:` at the same indentation as an earlier one: the
/// duplicate.
fn second_key(text: &str, key: &str) -> Option<SourceSpan> {
    let mut seen: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '-']);
        let indent = line.len() - body.len();
        let opens = body
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'));
        if opens {
            if seen.contains(&indent) {
                return Some((offset + indent, key.len()).into());
            }
            seen.push(indent);
        }
        offset += line.len();
    }
    None
}

fn locate(text: &str, needle: &str, from_line: usize) -> Option<SourceSpan> {
    if needle.is_empty() {
        return None;
    }
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i >= from_line {
            let mut search = 0;
            while let Some(pos) = line[search..].find(needle) {
                let at = search + pos;
                let before = line[..at].chars().next_back();
                let after = line[at + needle.len()..].chars().next();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
                if !word(before) && !word(after) {
                    return Some((offset + at, needle.len()).into());
                }
                search = at + needle.len();
            }
        }
        offset += line.len();
    }
    None
}

/// Resolve the settings for one file: the rules' own levels, then the configuration file (its
/// top level, then each override whose globs match the file, in order), then the command line.
pub fn resolve(
    config: Option<&Config>,
    cli: &CliSettings,
    rules: &[RuleInfo],
    file: &Path,
) -> Settings {
    let mut levels: BTreeMap<String, (Option<Level>, Origin)> = rules
        .iter()
        .map(|r| (r.id.clone(), (r.level, Origin::Default(r.origin.clone()))))
        .collect();
    let mut fail_on = (FailOn::Error, Origin::Default("built in".into()));
    let mut max_findings_per_rule = (MAX_FINDINGS_PER_RULE, Origin::Default("built in".into()));
    if let Some(c) = config {
        let f = &c.file;
        if let Some(v) = f.fail_on {
            fail_on = (v, Origin::File(c.path.clone(), c.line_of("fail-on", 0)));
        }
        if let Some(v) = f.max_findings_per_rule {
            let line = c.line_of("max-findings-per-rule", 0);
            max_findings_per_rule = (v, Origin::File(c.path.clone(), line));
        }
        let top = Override {
            files: Vec::new(),
            select: f.select.clone(),
            ignore: f.ignore.clone(),
            rules: f.rules.clone(),
        };
        let mut layers: Vec<(usize, &Override)> = vec![(0, &top)];
        for (n, o) in f.overrides.iter().enumerate() {
            if c.applies(n, file) {
                layers.push((c.override_line(n), o));
            }
        }
        for (from, layer) in layers {
            let at =
                |key: &str| Origin::File(c.path.clone(), c.line_of(key, from.saturating_sub(1)));
            let (select, ignore, set) = (&layer.select, &layer.ignore, &layer.rules);
            if let Some(select) = select {
                for r in rules {
                    if !select.iter().any(|n| names(n, r)) {
                        levels.insert(r.id.clone(), (None, at("select")));
                    }
                }
            }
            for name in ignore {
                for r in rules.iter().filter(|r| names(name, r)) {
                    levels.insert(r.id.clone(), (None, at(name)));
                }
            }
            // Kinds first, then ids, so an id's level wins over its kind's.
            let mut entries: Vec<(&String, &RuleLevel)> = set.iter().collect();
            entries.sort_by_key(|(name, _)| rules.iter().any(|r| &r.id == *name));
            for (name, level) in entries {
                for r in rules.iter().filter(|r| names(name, r)) {
                    levels.insert(r.id.clone(), (level.level(), at(name)));
                }
            }
        }
    }
    if let Some(select) = &cli.select {
        for r in rules {
            if !select.iter().any(|n| names(n, r)) {
                levels.insert(r.id.clone(), (None, Origin::Cli("--select")));
            } else if levels[&r.id].0.is_none() && r.level.is_some() {
                // Selecting a rule on the command line turns it on again at its own level.
                levels.insert(r.id.clone(), (r.level, Origin::Cli("--select")));
            }
        }
    }
    for name in &cli.ignore {
        for r in rules.iter().filter(|r| names(name, r)) {
            levels.insert(r.id.clone(), (None, Origin::Cli("--ignore")));
        }
    }
    if let Some(v) = cli.fail_on {
        fail_on = (v, Origin::Cli("--fail-on"));
    }
    if let Some(v) = cli.max_findings_per_rule {
        max_findings_per_rule = (v, Origin::Cli("--max-findings-per-rule"));
    }
    Settings {
        levels,
        fail_on,
        max_findings_per_rule,
    }
}

/// Check the command line's rule names; the error says which is unknown.
pub fn validate_cli(cli: &CliSettings, rules: &[RuleInfo]) -> Result<(), String> {
    for name in cli.select.iter().flatten().chain(&cli.ignore) {
        check_name(rules, name)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;

/// The language of the output for people (the human format, the review page, `zglint rules` and
/// `explain`). Machine formats keep their ids and keys whatever it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Chinese, the language of the reports and of the people who edit them (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `zh` or `en`, as the option and the configuration write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}
