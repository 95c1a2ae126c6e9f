//! One report through the whole check: comments, rules at the configured levels, suppressions.

use crate::config::{RuleInfo, Settings};
use crate::finding::Finding;
use crate::pack::Pack;
use crate::render::Checked;
use crate::suppress;

/// The rules a run knows: the pack's and `unused-suppression`.
pub fn known_rules(pack: &Pack) -> Vec<RuleInfo> {
    crate::config::rule_infos(pack, &[suppress::unused_rule()])
}

/// Check a report's text with the settings in force for it: blank its comments, run the rules
/// that are on at their configured levels, drop what suppression comments cover and report
/// those that cover nothing.
pub fn lint(pack: &Pack, rules: &[RuleInfo], settings: &Settings, text: &str) -> Checked {
    let (blanked, suppressions) = suppress::scan(text);
    let (document, facts) = crate::analyse(&blanked);
    let summary = crate::summary::summarize(&document, &facts);
    let findings = pack.check_with(&document, &facts, |rule| settings.level(&rule.spec.id));
    let findings = suppress::apply(
        &suppressions,
        findings,
        rules,
        settings.level(suppress::UNUSED),
    );
    // The rules read the text with its comments blanked; output quotes and counts columns in the
    // text as written (the offsets are the same), so a comment before a figure on its line does
    // not shift the figure's column.
    let mut document = document;
    if !suppressions.is_empty() || blanked != text {
        document.source = text.to_string();
    }
    Checked {
        document,
        facts,
        summary,
        findings,
        paragraphs: Vec::new(),
    }
}

/// The findings of a text, for the fix loop.
pub fn findings(pack: &Pack, rules: &[RuleInfo], settings: &Settings, text: &str) -> Vec<Finding> {
    lint(pack, rules, settings, text).findings
}
