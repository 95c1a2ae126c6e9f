//! Checking one report: the one pipeline that `zglint check`, the tests, the benches and the fuzz
//! targets all run.
//!
//! [`check`] takes a report as read ([`Input`]) and
//!
//! 1. settles its three texts once ([`Texts`]): as written, as shown (a Markdown report's marks
//!    blanked) and as checked (the shown text with its HTML comments blanked, each suppression
//!    comment noted). They have the same length and the same lines, so a span is the same
//!    place in each, and none is changed afterwards;
//! 2. analyses the checked text ([`crate::analyse`]: parse, items, facts) and summarises it;
//! 3. runs the rules that are on, at the levels the [`Settings`] give;
//! 4. drops what suppression comments cover and reports those that cover nothing
//!    ([`suppress`]).
//!
//! [`fix()`] applies the safe fixes, checking again after each ([`fix::fix`]); a
//! [`baseline::Baseline`] drops the findings it records, known by their [`fingerprint`]s.
//! The result, a [`Checked`], is what the renderers render.

pub mod baseline;
pub mod fingerprint;
pub mod fix;
pub mod suppress;

use crate::config::{RuleInfo, Settings};
use crate::document::Document;
use crate::facts::Facts;
use crate::facts::summary::Summary;
use crate::finding::Finding;
use crate::input::{Encoding, Format, Input};
use crate::rules::pack::Pack;
use std::borrow::Cow;
use suppress::Suppression;

/// A report that was read and checked.
pub struct Checked {
    /// The report as written (decoded): what output quotes, points into and counts columns in.
    pub written: String,
    /// The parsed report. Its [`Document::source`] is the text as checked: `written` with any
    /// Markdown marks and HTML comments blanked by spaces, at the same offsets.
    pub document: Document,
    /// Its facts.
    pub facts: Facts,
    /// Its summary.
    pub summary: Summary,
    /// What the rules found, in document order.
    pub findings: Vec<Finding>,
    /// Rules whose findings went past the limit for one file
    /// ([`Settings::max_findings_per_rule`]), with how many were left out, by rule id.
    pub omitted: Vec<Omitted>,
    /// For a `.docx`, where each Word paragraph starts in the text (see
    /// [`crate::input::paragraph_at`]); empty for other files, whose lines are what users see.
    pub paragraphs: Vec<usize>,
}

/// Findings of one rule left out of a file's past the limit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Omitted {
    /// The rule's id.
    pub rule: String,
    /// How many of its findings were left out.
    pub count: usize,
}

/// One file of a run, ready to render.
pub struct FileResult {
    /// The path as given.
    pub path: String,
    /// The result: the report and its findings, or why it could not be read.
    pub outcome: Result<Checked, String>,
}

/// The three texts of a report. They have the same length and the same line ends, so a byte
/// offset is the same place in each.
pub struct Texts<'a> {
    /// As written (decoded): what output quotes and fixes edit.
    pub written: &'a str,
    /// As shown: a Markdown report as the rendered page shows it, its marks blanked by spaces;
    /// any other report as written.
    pub shown: Cow<'a, str>,
    /// The shown text with every HTML comment blanked (line ends kept), when it has any.
    blanked: Option<String>,
    /// The suppression comments, found in the shown text.
    pub suppressions: Vec<Suppression>,
}

impl<'a> Texts<'a> {
    /// The texts of a report as written; `markdown` for a Markdown report (`.md`, `.markdown`).
    pub fn new(written: &'a str, markdown: bool) -> Texts<'a> {
        let shown = if markdown {
            crate::input::markdown::rendered(written)
        } else {
            Cow::Borrowed(written)
        };
        Texts::settle(written, shown)
    }

    /// The texts of a report read by [`crate::read_input`], whose reader already rendered a
    /// Markdown report.
    pub fn of(input: &'a Input) -> Texts<'a> {
        Texts::settle(input.written(), Cow::Borrowed(&input.text))
    }

    fn settle(written: &'a str, shown: Cow<'a, str>) -> Texts<'a> {
        let (checked, suppressions) = suppress::scan(&shown);
        let blanked = match checked {
            Cow::Borrowed(_) => None,
            Cow::Owned(text) => Some(text),
        };
        Texts {
            written,
            shown,
            blanked,
            suppressions,
        }
    }

    /// The text the rules read: the shown text with its HTML comments blanked.
    pub fn checked(&self) -> &str {
        self.blanked.as_deref().unwrap_or(&self.shown)
    }
}

/// The rules a run knows: the pack's and `unused-suppression`.
pub fn known_rules(pack: &Pack) -> Vec<RuleInfo> {
    crate::config::rule_infos(pack, &[suppress::unused_rule(), suppress::unknown_rule()])
}

/// Check a report with the settings in force for it (see the module's documentation).
pub fn check(input: &Input, pack: &Pack, settings: &Settings) -> Checked {
    let texts = Texts::of(input);
    let (document, facts) = crate::analyse_with(texts.checked(), pack.vocab());
    let summary = crate::facts::summary::summarize(&document, &facts);
    let found = findings(&texts, &document, &facts, pack, settings);
    let (findings, omitted) = cap(found, settings.max_findings_per_rule.0);
    Checked {
        written: texts.written.to_string(),
        document,
        facts,
        summary,
        findings,
        omitted,
        paragraphs: input.paragraphs.clone(),
    }
}

/// Keep the first `max` findings of each rule (all when `max` is 0), in document order, and
/// count the others by rule.
pub fn cap(findings: Vec<Finding>, max: usize) -> (Vec<Finding>, Vec<Omitted>) {
    if max == 0 || findings.len() <= max {
        return (findings, Vec::new());
    }
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut kept = Vec::new();
    for f in findings {
        let n = seen.entry(f.rule.clone()).or_insert(0);
        *n += 1;
        if *n <= max {
            kept.push(f);
        }
    }
    let mut omitted: Vec<Omitted> = seen
        .into_iter()
        .filter(|&(_, n)| n > max)
        .map(|(rule, n)| Omitted {
            rule,
            count: n - max,
        })
        .collect();
    omitted.sort_by(|a, b| a.rule.cmp(&b.rule));
    (kept, omitted)
}

/// The findings of a report's texts once analysed: the rules that are on at their levels, then
/// the suppression comments.
fn findings(
    texts: &Texts,
    document: &Document,
    facts: &Facts,
    pack: &Pack,
    settings: &Settings,
) -> Vec<Finding> {
    let found = pack.check_with(document, facts, |rule| settings.level(&rule.spec.id));
    if texts.suppressions.is_empty() {
        // Nothing to drop and nothing to report as unused; the findings are in order.
        return found;
    }
    suppress::apply(
        &texts.suppressions,
        found,
        &known_rules(pack),
        settings.level(suppress::UNUSED),
        settings.level(suppress::UNKNOWN),
    )
}

/// Apply a report's safe fixes to its text as written: fix, check again, repeat
/// ([`fix::fix`]). `markdown`: the report is Markdown, shown anew after each fix.
pub fn fix(input: &Input, markdown: bool, pack: &Pack, settings: &Settings) -> fix::Fixed {
    fix::fix(input.written(), |text| {
        let texts = Texts::new(text, markdown);
        let (document, facts) = crate::analyse_with(texts.checked(), pack.vocab());
        findings(&texts, &document, &facts, pack, settings)
    })
}

/// The report `input` with `text` as written (after fixes); `markdown` as for [`fix()`].
pub fn rewritten(input: &Input, text: String, markdown: bool) -> Input {
    let shown = match markdown.then(|| crate::input::markdown::rendered(&text)) {
        Some(Cow::Owned(shown)) => Some(shown),
        _ => None,
    };
    let (text, written) = match shown {
        Some(shown) => (shown, Some(text)),
        None => (text, None),
    };
    Input {
        text,
        written,
        format: input.format,
        paragraphs: input.paragraphs.clone(),
    }
}

/// A report given as a string: plain UTF-8 text, as written.
pub fn plain(text: &str) -> Input {
    Input {
        text: text.to_string(),
        written: None,
        format: Format::Text {
            encoding: Encoding::Utf8,
            bom: false,
        },
        paragraphs: Vec::new(),
    }
}

/// [`check`] a plain-text report given as a string, with the pack's own levels.
pub fn check_str(text: &str, pack: &Pack) -> Checked {
    check(&plain(text), pack, &Settings::defaults(pack))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{ReadOptions, read_bytes};

    /// A Markdown report of an invented town: marks, a plain comment, a wrong rate.
    const MARKDOWN: &str = "# 中共柳溪镇委员会关于巡察整改进展情况的通报\n\n## 一、总体情况\n\n<!-- 备注：初稿 -->共5个问题,已完成4个,完成率90%。\n\n## 三、下步打算\n\n**继续**推进。\n";

    fn pack() -> Pack {
        Pack::packaged().expect("the packaged rules load")
    }

    fn read_markdown(text: &str) -> Input {
        read_bytes("r.md", text.as_bytes().to_vec(), &ReadOptions::default()).expect("reads")
    }

    #[test]
    fn the_three_texts_line_up_and_the_rules_read_the_checked_one() {
        let texts = Texts::new(MARKDOWN, true);
        assert_eq!(texts.written, MARKDOWN);
        assert!(!texts.shown.contains("**") && texts.shown.contains("备注"));
        assert!(!texts.checked().contains("备注") && !texts.checked().contains("**"));
        for t in [&*texts.shown, texts.checked()] {
            assert_eq!(t.len(), MARKDOWN.len());
            assert_eq!(t.lines().count(), MARKDOWN.lines().count());
        }
        // Read from a file, the reader has shown the page already: the same texts.
        let input = read_markdown(MARKDOWN);
        let read = Texts::of(&input);
        assert_eq!(read.shown, texts.shown);
        assert_eq!(read.checked(), texts.checked());

        let checked = check(&input, &pack(), &Settings::defaults(&pack()));
        assert_eq!(
            checked.written, MARKDOWN,
            "output quotes the text as written"
        );
        assert_eq!(
            checked.document.source,
            texts.checked(),
            "never overwritten"
        );
        let rate = checked
            .findings
            .iter()
            .find(|f| f.rule == "rate-mismatch")
            .expect("the wrong rate is found");
        assert_eq!(&checked.written[rate.span.clone()], "90%");
    }

    #[test]
    fn plain_text_keeps_its_comments_out_of_the_rules_and_its_settings_hold() {
        let pack = pack();
        let text = "一、总体情况\n<!-- zglint-disable rate-mismatch: 口径已核对 -->\n共5个问题,已完成4个,完成率90%。\n共8项措施,已落实6项,完成率80%。\n";
        let found = check_str(text, &pack).findings;
        let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["rate-mismatch"], "{found:?}");
        assert!(
            found[0].span.start > text.find("共8").unwrap(),
            "the second line's"
        );

        // A rule turned off by the settings is not run; the comment then covers nothing.
        let mut settings = Settings::defaults(&pack);
        settings.levels.get_mut("rate-mismatch").unwrap().0 = None;
        let found = check(&plain(text), &pack, &settings).findings;
        let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, [suppress::UNUSED], "{found:?}");
    }

    #[test]
    fn fixes_edit_the_text_as_written_and_the_fixed_report_is_shown_anew() {
        let pack = pack();
        let settings = Settings::defaults(&pack);
        let input = read_markdown(MARKDOWN);
        let out = fix(&input, true, &pack, &settings);
        assert_eq!(out.applied, 1);
        assert_eq!(out.text, MARKDOWN.replace("## 三、", "## 二、"));
        let fixed = rewritten(&input, out.text.clone(), true);
        assert_eq!(fixed.written(), out.text);
        assert_eq!(fixed.text, read_markdown(&out.text).text);
        let again = check(&fixed, &pack, &settings);
        assert!(again.findings.iter().all(|f| f.fix.is_empty()));
        assert_eq!(again.written, out.text);
        // Plain text is its own page.
        let plain_fixed = rewritten(&plain("一、甲\n三、乙\n"), "一、甲\n二、乙\n".into(), false);
        assert_eq!(plain_fixed.text, "一、甲\n二、乙\n");
        assert_eq!(plain_fixed.written, None);
    }
}
