//! The vocabulary zglint reads reports with (statuses, labels, problem headings), loaded from
//! `rules/vocabulary.yaml`, which is compiled into the binary.

use crate::document::Status;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The packaged vocabulary file.
pub const DEFAULT_VOCABULARY: &str = include_str!("../../rules/vocabulary.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    status: RawStatus,
    #[serde(default)]
    classes: Vec<RawClass>,
    labels: Labels,
    problem_heading: Vec<String>,
    split: SplitWords,
    part_attributes: Vec<String>,
    rate_qualifiers: Vec<String>,
    rate_wholes: Vec<String>,
    rate_done: Vec<String>,
    tally: TallyWords,
    approx: RawApprox,
    deadline_open: Vec<String>,
    items: ItemWords,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApprox {
    before: RawBounds,
    after: RawBounds,
    not_after: BTreeMap<String, String>,
    recent: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBounds {
    below: Vec<String>,
    about: Vec<String>,
    at_least: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatus {
    partial: Vec<String>,
    ongoing: Vec<String>,
    done: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    name: String,
    status: RawKind,
    words: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RawKind {
    Done,
    Partial,
    Ongoing,
}

/// A status a report may count as a class of its own ("长期坚持1个").
#[derive(Debug)]
pub struct StatusClass {
    /// The class's name, e.g. "长期坚持".
    pub name: String,
    /// The status it counts as when a count names no such class.
    pub status: Status,
    /// Its words, as patterns.
    pub words: Vec<Regex>,
}

/// Labels of labelled paragraphs, by what they introduce.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// "反馈问题" …
    pub problem: Vec<String>,
    /// "整改情况" …
    pub rectification: Vec<String>,
    /// "整改时限" …
    pub deadline: Vec<String>,
    /// "整改进展" …: labels whose first clause states the status.
    #[serde(default)]
    pub status: Vec<String>,
    /// "完成时间" …: labels of the day a task was finished ("(完成时间:2024年4月)").
    pub completion: Vec<String>,
}

/// Words that give the status of each part of a count split by status
/// (`反馈问题40个,已完成整改33个,正在整改5个`). Exact words, found anywhere in the part's clause.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitWords {
    /// "已完成", "已办结" …: the part was done.
    pub done: Vec<String>,
    /// "正在", "未完成", "其余" …: the part is the rest, not (yet) done; they win over `done`.
    pub rest: Vec<String>,
    /// "其余", "剩余" …: the rest named without a status, which alone binds a total stated in
    /// the sentence before.
    pub remainder: Vec<String>,
    /// "应", "计划" …: right before a `done` word, they make it a plan, not a status.
    pub planned: Vec<String>,
    /// "其他", "另有" …: after the parts, with no figure, they name a further part besides the
    /// `rest` words, so the parts are not all of the total.
    pub further: Vec<String>,
}

/// Words that say what a count after a total counts, for the tally kind
/// (`反馈问题12个,已整改9个,正在整改2个`), and what a summary table's column counts. Exact words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TallyWords {
    /// "部分完成", "基本完成" …: partly done (tried first).
    pub partial: Vec<String>,
    /// "正在整改", "未完成" …: not (yet) done.
    pub open: Vec<String>,
    /// "完成", "办结" …: done.
    pub done: Vec<String>,
    /// "其余", "剩余" …: the rest of the items.
    pub rest: Vec<String>,
    /// "立行立改", "长期" …: a category of tasks rather than a status.
    pub category: Vec<String>,
}

/// How a word next to a figure bounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Below the figure: "近700", "不足10人".
    Below,
    /// Roughly the figure: "约1200吨", "300人左右".
    About,
    /// At least the figure: "超过20个", "10万元以上".
    AtLeast,
}

/// A word next to a figure that makes it approximate.
#[derive(Debug, Clone)]
pub struct ApproxWord {
    /// The word, e.g. "约".
    pub word: String,
    /// How it bounds the figure.
    pub bound: Bound,
    /// Characters that, right before the word, make another word with it (节约, 最近): then it
    /// is no marker.
    pub not_after: String,
    /// True when before a span of time it means "the last" (近3年), not an approximation.
    pub recent: bool,
}

/// The words that make a figure approximate, each list longest first (the longest word that
/// fits wins: 不超过 over 超过 over 超).
#[derive(Debug, Clone)]
pub struct Approximations {
    /// Words right before a figure: "约", "超过", "不足".
    pub before: Vec<ApproxWord>,
    /// Words right after a figure (and its unit): "以上", "左右".
    pub after: Vec<ApproxWord>,
}

/// Words that find a report's items: what introduces a selection of them, which column of a
/// table names them, which headings are over the work rather than the problems. Exact words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemWords {
    /// "典型", "选取" …: before the first item, the items are a selection, not all problems.
    pub selection: Vec<String>,
    /// "问题", "事项" …: a column whose name has one names the problems …
    pub problem_column: Vec<String>,
    /// "类别", "情况" …: … unless its name has one of these.
    pub not_problem_column: Vec<String>,
    /// "主要做法", "下一步" …: a top-level heading over the work done, not the problems.
    pub measure_heading: Vec<String>,
}

/// The compiled vocabulary.
#[derive(Debug)]
pub struct Vocabulary {
    /// Status patterns in the order they are tried.
    pub status: Vec<(Status, Regex)>,
    /// Classes of status a report may count apart, tried after `status`.
    pub classes: Vec<StatusClass>,
    /// Labels by kind.
    pub labels: Labels,
    /// Patterns of headings that name a problem.
    pub problem_heading: Vec<Regex>,
    /// Status words of the parts of a count split by status.
    pub split: SplitWords,
    /// Words of a part's label that describe a trait ("女", "党员"): such parts overlap, so
    /// they are not a partition (the default of `parts_sum`'s `attributes`).
    pub part_attributes: Vec<String>,
    /// Words before a rate's name that make it a rate of something narrower or wider than the
    /// counts done and in all ("按期", "平均").
    pub rate_qualifiers: Vec<String>,
    /// Words before a rate's name that make it the rate of a whole across its parts ("总体完成率"
    /// after "其中A…,B…"): not checked against the last part's counts.
    pub rate_wholes: Vec<String>,
    /// Words of a clause that say its count was done ("完成", "办结"), for a completion rate
    /// of the counts stated before it (the ratio kind's `rate_part`).
    pub rate_done: Vec<String>,
    /// What a count after a total counts, for the tally kind.
    pub tally: TallyWords,
    /// The words that make a figure approximate.
    pub approx: Approximations,
    /// Words of a sentence that count its task as not yet done ("未到整改时限", "正在整改"), for
    /// the deadline kind.
    pub deadline_open: Vec<String>,
    /// Words that find a report's items.
    pub items: ItemWords,
}

/// A vocabulary file that cannot be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum VocabularyError {
    /// Not valid YAML, or not of the vocabulary's shape.
    #[error("vocabulary: {0}")]
    #[diagnostic(code(zglint::vocabulary))]
    Yaml(#[from] serde_yaml::Error),
    /// A pattern that does not compile.
    #[error("vocabulary: pattern `{pattern}` does not compile: {source}")]
    #[diagnostic(code(zglint::vocabulary))]
    Pattern {
        /// The pattern.
        pattern: String,
        /// Why.
        source: regex::Error,
    },
    /// A list that must name at least one word is empty, or names an empty word.
    #[error("vocabulary: `{key}` must list at least one word, and no empty one")]
    #[diagnostic(code(zglint::vocabulary))]
    Empty {
        /// The list's key, e.g. `split.done`.
        key: &'static str,
    },
    /// A list that names a word its key's list does not have.
    #[error("vocabulary: `{key}` names `{word}`, which is not among the words of `{of}`")]
    #[diagnostic(code(zglint::vocabulary))]
    NotAWord {
        /// The list's key, e.g. `approx.recent`.
        key: &'static str,
        /// The word.
        word: String,
        /// The key of the words it must be among.
        of: &'static str,
    },
}

/// The words of `approx`, each list longest first, checked: every list names a word, and the
/// words `not_after` and `recent` name are words before a figure.
fn approximations(raw: RawApprox) -> Result<Approximations, VocabularyError> {
    let mut before = Vec::new();
    for (key, bound, list) in [
        ("approx.before.below", Bound::Below, raw.before.below),
        ("approx.before.about", Bound::About, raw.before.about),
        (
            "approx.before.at_least",
            Bound::AtLeast,
            raw.before.at_least,
        ),
    ] {
        for word in words(key, list)? {
            before.push(ApproxWord {
                not_after: raw.not_after.get(&word).cloned().unwrap_or_default(),
                recent: raw.recent.contains(&word),
                word,
                bound,
            });
        }
    }
    let mut after = Vec::new();
    for (key, bound, list) in [
        ("approx.after.below", Bound::Below, raw.after.below),
        ("approx.after.about", Bound::About, raw.after.about),
        ("approx.after.at_least", Bound::AtLeast, raw.after.at_least),
    ] {
        for word in words(key, list)? {
            after.push(ApproxWord {
                word,
                bound,
                not_after: String::new(),
                recent: false,
            });
        }
    }
    let named = raw
        .not_after
        .keys()
        .map(|w| ("approx.not_after", w))
        .chain(raw.recent.iter().map(|w| ("approx.recent", w)));
    for (key, word) in named {
        if !before.iter().any(|b| &b.word == word) {
            return Err(VocabularyError::NotAWord {
                key,
                word: word.clone(),
                of: "approx.before",
            });
        }
    }
    // Longest first (a stable sort: words of one length keep their order, and at most one of
    // them fits at a place).
    before.sort_by_key(|w| std::cmp::Reverse(w.word.len()));
    after.sort_by_key(|w| std::cmp::Reverse(w.word.len()));
    Ok(Approximations { before, after })
}

/// The words of a list that must not be empty, nor name an empty word (which every text
/// contains).
fn words(key: &'static str, list: Vec<String>) -> Result<Vec<String>, VocabularyError> {
    if list.is_empty() || list.iter().any(String::is_empty) {
        return Err(VocabularyError::Empty { key });
    }
    Ok(list)
}

fn compile(pattern: &str) -> Result<Regex, VocabularyError> {
    Regex::new(pattern).map_err(|source| VocabularyError::Pattern {
        pattern: pattern.to_string(),
        source,
    })
}

/// True when a status phrase ends its clause: the text after it starts with punctuation, a
/// blank, "并" ("已完成整改并长期坚持"), or nothing.
fn ends_clause(after: &str) -> bool {
    after.chars().next().is_none_or(|c| {
        c == '并' || c.is_whitespace() || c == '\u{3000}' || (!c.is_alphanumeric() && c != '“')
    })
}

impl Vocabulary {
    /// Load a vocabulary from YAML text.
    pub fn from_yaml(text: &str) -> Result<Self, VocabularyError> {
        let raw: RawVocabulary = serde_yaml::from_str(text)?;
        let mut status = Vec::new();
        for (kind, list) in [
            (Status::Partial, &raw.status.partial),
            (Status::Ongoing, &raw.status.ongoing),
            (Status::Done, &raw.status.done),
        ] {
            for p in list {
                status.push((kind, compile(p)?));
            }
        }
        let mut classes = Vec::new();
        for c in &raw.classes {
            let status = match c.status {
                RawKind::Done => Status::Done,
                RawKind::Partial => Status::Partial,
                RawKind::Ongoing => Status::Ongoing,
            };
            let words = c
                .words
                .iter()
                .map(|p| compile(p))
                .collect::<Result<_, _>>()?;
            classes.push(StatusClass {
                name: c.name.clone(),
                status,
                words,
            });
        }
        let problem_heading = raw
            .problem_heading
            .iter()
            .map(|p| compile(p))
            .collect::<Result<_, _>>()?;
        let split = SplitWords {
            done: words("split.done", raw.split.done)?,
            rest: words("split.rest", raw.split.rest)?,
            remainder: words("split.remainder", raw.split.remainder)?,
            planned: words("split.planned", raw.split.planned)?,
            further: words("split.further", raw.split.further)?,
        };
        let mut labels = raw.labels;
        labels.completion = words("labels.completion", labels.completion)?;
        Ok(Vocabulary {
            status,
            classes,
            labels,
            problem_heading,
            split,
            part_attributes: words("part_attributes", raw.part_attributes)?,
            rate_qualifiers: words("rate_qualifiers", raw.rate_qualifiers)?,
            rate_wholes: words("rate_wholes", raw.rate_wholes)?,
            rate_done: words("rate_done", raw.rate_done)?,
            tally: TallyWords {
                partial: words("tally.partial", raw.tally.partial)?,
                open: words("tally.open", raw.tally.open)?,
                done: words("tally.done", raw.tally.done)?,
                rest: words("tally.rest", raw.tally.rest)?,
                category: words("tally.category", raw.tally.category)?,
            },
            approx: approximations(raw.approx)?,
            deadline_open: words("deadline_open", raw.deadline_open)?,
            items: ItemWords {
                selection: words("items.selection", raw.items.selection)?,
                problem_column: words("items.problem_column", raw.items.problem_column)?,
                not_problem_column: words(
                    "items.not_problem_column",
                    raw.items.not_problem_column,
                )?,
                measure_heading: words("items.measure_heading", raw.items.measure_heading)?,
            },
        })
    }

    /// The packaged vocabulary.
    pub fn packaged() -> &'static Vocabulary {
        static PACKAGED: LazyLock<Vocabulary> = LazyLock::new(|| {
            Vocabulary::from_yaml(DEFAULT_VOCABULARY).expect("the packaged vocabulary is valid")
        });
        &PACKAGED
    }

    /// The status a sentence states, with the byte range of the words, if any.
    pub fn status_in(&self, sentence: &str) -> Option<(Status, std::ops::Range<usize>)> {
        let mut best: Option<(Status, std::ops::Range<usize>)> = None;
        for (kind, re) in &self.status {
            if best.as_ref().is_some_and(|(k, _)| k != kind) {
                break;
            }
            let hit = re
                .find_iter(sentence)
                .find(|m| ends_clause(&sentence[m.end()..]));
            if let Some(m) = hit {
                if best.as_ref().is_none_or(|(_, r)| m.start() < r.start) {
                    best = Some((*kind, m.range()));
                }
            }
        }
        best
    }

    /// The status a sentence states, with the words and the class (an index into `classes`)
    /// when only a class's words state it.
    pub fn status_class_in(
        &self,
        sentence: &str,
    ) -> Option<(Status, std::ops::Range<usize>, Option<usize>)> {
        let base = self.status_in(sentence);
        let mut best: Option<(Status, std::ops::Range<usize>, Option<usize>)> = None;
        for (k, class) in self.classes.iter().enumerate() {
            for re in &class.words {
                let hit = re
                    .find_iter(sentence)
                    .find(|m| ends_clause(&sentence[m.end()..]));
                if let Some(m) = hit {
                    if best.as_ref().is_none_or(|(_, r, _)| m.start() < r.start) {
                        best = Some((class.status, m.range(), Some(k)));
                    }
                }
            }
        }
        // A class's words win only where they take in the status words ("序时推进中" over
        // "推进中"); elsewhere the status words do ("已完成整改并长期坚持" is done).
        match (base, best) {
            (Some((s, r)), Some(c)) if !(c.1.start <= r.start && r.end <= c.1.end) => {
                Some((s, r, None))
            }
            (Some(_), Some(c)) | (None, Some(c)) => Some(c),
            (Some((s, r)), None) => Some((s, r, None)),
            (None, None) => None,
        }
    }

    /// The class whose words a text contains anywhere (for the parts of a count).
    pub fn class_named(&self, text: &str) -> Option<usize> {
        self.classes
            .iter()
            .position(|c| c.words.iter().any(|re| re.is_match(text)))
    }

    /// True when a label's first clause states an item's status.
    pub fn is_status_label(&self, label: &str) -> bool {
        self.labels.status.iter().any(|l| l == label)
    }

    /// True when a label introduces a problem.
    pub fn is_problem_label(&self, label: &str) -> bool {
        self.labels.problem.iter().any(|l| l == label)
    }

    /// True when a label introduces rectification text.
    pub fn is_rectification_label(&self, label: &str) -> bool {
        self.labels.rectification.iter().any(|l| l == label)
    }

    /// True when a heading's title names a problem.
    pub fn is_problem_heading(&self, title: &str) -> bool {
        self.problem_heading.iter().any(|re| re.is_match(title))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packaged_vocabulary_loads() {
        let v = Vocabulary::packaged();
        assert!(v.is_problem_label("反馈问题"));
        assert!(v.is_rectification_label("整改措施及成效"));
        assert!(v.is_problem_heading("关于“村账管理不规范”的问题。"));
        assert!(!v.is_problem_heading("关于政治理论学用结合不够方面"));
    }

    #[test]
    fn status_precedence() {
        let v = Vocabulary::packaged();
        let kind = |s: &str| v.status_in(s).map(|(k, _)| k);
        assert_eq!(kind("已完成整改并长期坚持"), Some(Status::Done));
        assert_eq!(kind("整改完成"), Some(Status::Done));
        // "整改完成" also matches, but the sentence says the work is still going on.
        assert_eq!(
            kind("正在整改中,按计划于2025年12月31日整改完成"),
            Some(Status::Ongoing)
        );
        assert_eq!(
            kind("部分整改未完成,正在积极推进整改"),
            Some(Status::Partial)
        );
        assert_eq!(kind("按计划于2025年6月底前完成"), Some(Status::Ongoing));
        // Narrative, not a status: the phrase does not end its clause.
        assert_eq!(kind("已完成年度目标任务"), None);
        assert_eq!(kind("对已完成整改的事项逐户回访"), None);
        assert_eq!(kind("未完成项目已基本完成建设"), None);
        assert_eq!(kind("目前,公章管理问题已整改完成"), Some(Status::Done));
        assert_eq!(kind("正在整改中"), Some(Status::Ongoing));
    }

    #[test]
    fn classes() {
        let v = Vocabulary::packaged();
        let class = |s: &str| {
            v.status_class_in(s)
                .map(|(k, _, c)| (k, c.map(|c| v.classes[c].name.as_str())))
        };
        assert_eq!(class("长期坚持"), Some((Status::Ongoing, Some("长期坚持"))));
        assert_eq!(class("持续整改"), Some((Status::Ongoing, Some("长期坚持"))));
        assert_eq!(
            class("序时推进中"),
            Some((Status::Ongoing, Some("达到序时进度")))
        );
        assert_eq!(class("已完成整改并长期坚持"), Some((Status::Done, None)));
        assert_eq!(class("正在推进中"), Some((Status::Ongoing, None)));
        assert_eq!(class("已办结"), Some((Status::Done, None)));
        assert_eq!(class("已于2024年3月完成整改"), Some((Status::Done, None)));
        assert_eq!(class("阶段性完成"), Some((Status::Partial, None)));
        // Narrative: the words do not end the clause.
        assert_eq!(class("长期坚持学习制度"), None);
        assert!(v.is_status_label("整改进展"));
        assert!(v.class_named("需长期坚持1项").is_some());
    }

    #[test]
    fn bad_pattern_is_an_error() {
        let yaml = DEFAULT_VOCABULARY.replace("已销号", "已销号(");
        assert!(matches!(
            Vocabulary::from_yaml(&yaml),
            Err(VocabularyError::Pattern { .. })
        ));
    }
}
