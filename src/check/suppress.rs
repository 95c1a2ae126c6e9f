//! Suppression comments, which work in plain-text and Markdown reports alike:
//!
//! - `<!-- zglint-disable percent-mismatch: 原因 -->` turns the rules named off for the next
//!   paragraph (the next line that is not blank);
//! - `<!-- zglint-disable-file sum-mismatch, numbering: 原因 -->` turns them off for the file.
//!
//! Rules are named by id or by kind, separated by commas or spaces, or `all`; the reason after
//! the colon is for the reader. A comment that suppresses nothing, or names no known rule, is
//! itself reported as `unused-suppression`, so stale comments do not pile up.
//!
//! Every HTML comment is blanked out (each byte turned into a space, line ends kept) before the
//! report is read, so a comment never counts as a paragraph and offsets stay those of the file.

use crate::config::RuleInfo;
use crate::document::Span;
use crate::finding::{Finding, Label, Level};
use std::borrow::Cow;

/// The rule that reports suppression comments that do nothing.
pub const UNUSED: &str = "unused-suppression";

/// `unused-suppression` as the configuration and `zglint rules` see it.
pub fn unused_rule() -> RuleInfo {
    RuleInfo {
        id: UNUSED.to_string(),
        kind: "suppression".to_string(),
        level: Some(Level::Warning),
        origin: "built in".to_string(),
    }
}

/// The rule that reports comments that look like a zglint directive but are none
/// (`zglint-enable`, `zglint-disable-next-line`, `zglint-disbale`), which would otherwise
/// suppress nothing, silently.
pub const UNKNOWN: &str = "unknown-directive";

/// The short names of the two rules the suppressions themselves report.
pub fn builtin_name(id: &str) -> Option<&'static str> {
    match id {
        UNUSED => Some("多余的忽略注释"),
        UNKNOWN => Some("无法识别的注释指令"),
        _ => None,
    }
}

/// `unknown-directive` as the configuration and `zglint rules` see it.
pub fn unknown_rule() -> RuleInfo {
    RuleInfo {
        id: UNKNOWN.to_string(),
        kind: "suppression".to_string(),
        level: Some(Level::Warning),
        origin: "built in".to_string(),
    }
}

/// The directives zglint knows.
const DIRECTIVES: &[&str] = &["zglint-disable", "zglint-disable-file"];

/// What `zglint explain unknown-directive` prints.
pub const UNKNOWN_EXPLANATION: &str = "\
## 检查什么 / What it checks
以 zglint 开头、却不是 zglint-disable 或 zglint-disable-file 的注释（如 zglint-enable、zglint-disable-next-line、拼错的 zglint-disbale）。
A comment that starts like a zglint directive but is neither `zglint-disable` nor
`zglint-disable-file` (`zglint-enable`, `zglint-disable-next-line`, a misspelling such as
`zglint-disbale`).

## 为什么 / Why it matters
这样的注释什么也不抑制，作者却以为问题已被处理；zglint 没有“禁用……启用”的区间写法：zglint-disable 作用于下一段。
Such a comment suppresses nothing while its author believes it does. zglint has no
`disable … enable` range: `zglint-disable` covers the next paragraph, `zglint-disable-file` the
file.

## 示例 / Example
不通过 / Fails:
    <!-- zglint-disbale percent-mismatch: 已核对 -->
通过 / Passes:
    <!-- zglint-disable percent-mismatch: 已核对 -->

## 参数 / Parameters
无。可在配置文件中调整级别或关闭（rules: {unknown-directive: off}）。
None; its level can be changed or turned off in the configuration.
";

/// What `zglint explain unused-suppression` prints.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
抑制注释（<!-- zglint-disable 规则: 原因 --> 作用于下一段，<!-- zglint-disable-file 规则: 原因 --> 作用于全文）没有抑制任何问题，或写了不存在的规则名。
A suppression comment (`<!-- zglint-disable RULE: reason -->` for the next paragraph,
`<!-- zglint-disable-file RULE: reason -->` for the file) that suppresses nothing, or names no rule.

## 为什么 / Why it matters
文稿修改后，原来的问题可能已经不存在，留下的注释会悄悄屏蔽以后新出现的同类问题。
After edits the problem it was written for may be gone, and the comment would silently hide the
next real one.

## 示例 / Example
不通过 / Fails（下一段没有百分比问题）:
    <!-- zglint-disable percent-mismatch: 已与统计口径核对 -->
    共5个问题,已完成5个,完成率100%。
通过 / Passes（注释确有所指）:
    <!-- zglint-disable percent-mismatch: 已与统计口径核对 -->
    共5个问题,已完成4个,完成率90%。

## 参数 / Parameters
无。可在配置文件中调整级别或关闭（rules: {unused-suppression: off}）。
None; its level can be changed or turned off in the configuration.
";

/// One suppression comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    /// The whole comment.
    pub span: Span,
    /// The rules named, each with its span in the comment.
    pub rules: Vec<(String, Span)>,
    /// Where it applies: the next paragraph, or None for the whole file.
    pub scope: Option<Span>,
    /// For a comment that looks like a directive but is none, the word it starts with
    /// (`zglint-enable`); it suppresses nothing and is reported as `unknown-directive`.
    pub unknown: Option<String>,
}

/// The comments of a text: the text with every HTML comment blanked out, and the suppressions.
pub fn scan(text: &str) -> (Cow<'_, str>, Vec<Suppression>) {
    if !text.contains("<!--") {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut blanked = text.as_bytes().to_vec();
    let mut found = Vec::new();
    for Span {
        start: open,
        end: close,
    } in crate::text::comments(text)
    {
        for b in &mut blanked[open..close] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
        if let Some(s) = parse(text, open, close) {
            found.push(s);
        }
    }
    // Every byte of a comment became an ASCII space or stayed a line end, and a comment starts and
    // ends on ASCII, so the text is still UTF-8.
    let blanked = String::from_utf8(blanked).map_or(Cow::Borrowed(text), Cow::Owned);
    for s in &mut found {
        if s.scope.is_some() && s.unknown.is_none() {
            s.scope = Some(next_paragraph(&blanked, s.span.end));
        }
    }
    (blanked, found)
}

/// A `zglint-disable` comment between `open` and `close`, if it is one.
fn parse(text: &str, open: usize, close: usize) -> Option<Suppression> {
    let inner_start = open + 4;
    let inner_end = if text[..close].ends_with("-->") {
        close - 3
    } else {
        close
    };
    let inner = &text[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let body = inner.trim_start();
    // The directive: the first word, if it starts like one (any case, `zglint` and a dash or
    // a letter: `zglint-enable`, `zglintdisable`, `ZGLINT-DISABLE`).
    let word_end = body
        .find(|c: char| c.is_whitespace() || c == ':' || c == '：')
        .unwrap_or(body.len());
    let word = &body[..word_end];
    let looks = word
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("zglint"))
        && word[6..]
            .chars()
            .next()
            .is_some_and(|c| c == '-' || c.is_ascii_alphabetic());
    if !looks {
        return None;
    }
    if !DIRECTIVES.contains(&word) {
        let start = inner_start + lead;
        return Some(Suppression {
            span: start..start + word.len(),
            rules: Vec::new(),
            scope: None,
            unknown: Some(word.to_string()),
        });
    }
    let file_wide = word == "zglint-disable-file";
    let (rest, directive) = (&body[word_end..], word.len());
    let base = inner_start + lead + directive;
    // The reason follows the first colon (either width).
    let list_end = rest.find([':', '：']).unwrap_or(rest.len());
    let mut rules = Vec::new();
    let mut pos = 0;
    for piece in rest[..list_end].split([',', '，', ' ', '\t', '、']) {
        if !piece.is_empty() {
            let start = base + pos;
            rules.push((piece.to_string(), start..start + piece.len()));
        }
        pos += piece.len()
            + rest[pos + piece.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
    }
    Some(Suppression {
        span: open..close,
        rules,
        scope: if file_wide { None } else { Some(0..0) },
        unknown: None,
    })
}

/// The next line after `offset` that is not blank, as a span (empty at the end of the text).
fn next_paragraph(text: &str, offset: usize) -> Span {
    let mut start = text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1);
    // A comment followed by text on its own line covers that text.
    if !text[offset..start].trim().is_empty() {
        start = offset;
    }
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if !text[start..end].trim().is_empty() {
            return start..end;
        }
        start = end + 1;
    }
    text.len()..text.len()
}

/// Drop the findings the suppressions cover and report each rule a suppression names that
/// covered nothing (or that is unknown) as `unused-suppression` at `unused_level` (None: not
/// reported). Findings stay in document order.
pub fn apply(
    suppressions: &[Suppression],
    findings: Vec<Finding>,
    rules: &[RuleInfo],
    unused_level: Option<Level>,
    unknown_level: Option<Level>,
) -> Vec<Finding> {
    let mut used = vec![vec![false; 0]; suppressions.len()];
    for (s, u) in suppressions.iter().zip(&mut used) {
        *u = vec![false; s.rules.len()];
    }
    let names = |name: &str, f: &Finding| name == "all" || name == f.rule || name == f.kind;
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            let mut suppressed = false;
            for (s, u) in suppressions.iter().zip(&mut used) {
                let covers = s.scope.as_ref().is_none_or(|p| {
                    f.span.start >= p.start && f.span.start < p.end.max(p.start + 1)
                });
                if !covers {
                    continue;
                }
                for ((name, _), hit) in s.rules.iter().zip(u.iter_mut()) {
                    if names(name, f) {
                        *hit = true;
                        suppressed = true;
                    }
                }
            }
            !suppressed
        })
        .collect();
    for s in suppressions {
        if let (Some(word), Some(level)) = (&s.unknown, unknown_level) {
            kept.push(unknown(level, s.span.clone(), word));
        }
    }
    let Some(level) = unused_level else {
        kept.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        return kept;
    };
    for (s, u) in suppressions.iter().zip(&used) {
        if s.unknown.is_some() {
            continue;
        }
        if s.rules.is_empty() {
            kept.push(unused(level, s.span.clone(), "抑制注释没有写明规则名", s));
            continue;
        }
        for ((name, span), hit) in s.rules.iter().zip(u) {
            let known = name == "all" || rules.iter().any(|r| &r.id == name || &r.kind == name);
            if !known {
                let msg = format!("抑制注释中的“{name}”不是已知的规则或规则类别");
                kept.push(unused(level, span.clone(), &msg, s));
            } else if !hit {
                let place = if s.scope.is_some() {
                    "下一段"
                } else {
                    "全文"
                };
                let msg = format!("抑制注释未起作用：{place}没有“{name}”的问题");
                kept.push(unused(level, span.clone(), &msg, s));
            }
        }
    }
    kept.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    kept
}

fn unknown(level: Level, span: Span, word: &str) -> Finding {
    let help = match word.to_ascii_lowercase().as_str() {
        "zglint-enable" => {
            "zglint 没有区间写法：zglint-disable 只作用于下一段，无需 zglint-enable；请删除这条注释"
                .to_string()
        }
        "zglint-disable-next-line" | "zglint-disable-line" | "zglint-disable-next" => {
            "请写 zglint-disable（作用于下一段）".to_string()
        }
        _ => "请写 zglint-disable（作用于下一段）或 zglint-disable-file（作用于全文）".to_string(),
    };
    Finding {
        rule: UNKNOWN.to_string(),
        kind: "suppression".to_string(),
        level,
        message: format!("“{word}”不是 zglint 的指令，这条注释不抑制任何问题"),
        span,
        labels: Vec::new(),
        help: Some(help),
        fix: Vec::new(),
    }
}

fn unused(level: Level, span: Span, message: &str, s: &Suppression) -> Finding {
    let labels = s
        .scope
        .iter()
        .filter(|p| p.end > p.start)
        .map(|p| Label {
            span: p.clone(),
            text: "注释作用的段落".to_string(),
        })
        .collect();
    Finding {
        rule: UNUSED.to_string(),
        kind: "suppression".to_string(),
        level,
        message: message.to_string(),
        span,
        labels,
        help: Some("删除这条注释，或改正其中的规则名（zglint rules 列出全部规则）".to_string()),
        fix: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::pack::Pack;

    fn lint(text: &str) -> Vec<Finding> {
        let (blanked, _) = scan(text);
        assert_eq!(blanked.len(), text.len());
        crate::check::check_str(text, &Pack::packaged().unwrap()).findings
    }

    fn rules_of(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.rule.as_str()).collect()
    }

    const WRONG: &str = "一、总体情况\n共5个问题,已完成4个,完成率90%。\n";

    #[test]
    fn the_unsuppressed_report_has_the_finding() {
        assert!(
            rules_of(&lint(WRONG)).contains(&"rate-mismatch"),
            "{:?}",
            lint(WRONG)
        );
    }

    #[test]
    fn a_comment_covers_the_next_paragraph_only() {
        let text = "一、总体情况\n<!-- zglint-disable rate-mismatch: 口径已核对 -->\n共5个问题,已完成4个,完成率90%。\n共5个问题,已完成4个,完成率90%。\n";
        let found = lint(text);
        let rates: Vec<&Finding> = found.iter().filter(|f| f.rule == "rate-mismatch").collect();
        assert_eq!(rates.len(), 1, "{found:?}");
        assert!(rates[0].span.start > text.rfind("共5").unwrap());
        assert!(!rules_of(&found).contains(&UNUSED), "{found:?}");
    }

    #[test]
    fn a_kind_name_and_a_blank_line_work_too() {
        let text =
            "一、总体情况\n<!-- zglint-disable ratio -->\n\n共5个问题,已完成4个,完成率90%。\n";
        assert!(lint(text).is_empty(), "{:?}", lint(text));
    }

    #[test]
    fn a_file_comment_covers_the_file() {
        let text = "<!-- zglint-disable-file rate-mismatch，percent-mismatch：历史数据 -->\n一、总体情况\n共5个问题,已完成4个,完成率90%。\n";
        let found = lint(text);
        // percent-mismatch suppressed nothing: reported at its name.
        assert_eq!(rules_of(&found), vec![UNUSED], "{found:?}");
        let name = &text[found[0].span.clone()];
        assert_eq!(name, "percent-mismatch");
        assert!(found[0].message.contains("全文"), "{}", found[0].message);
    }

    #[test]
    fn unused_and_unknown_names_are_reported() {
        let text = "一、总体情况\n<!-- zglint-disable percent-mismatch: 旧注释 -->\n共5个问题,已完成5个,完成率100%。\n<!-- zglint-disable no-such-rule -->\n正文。\n<!-- zglint-disable -->\n正文。\n";
        let found = lint(text);
        assert_eq!(rules_of(&found), vec![UNUSED, UNUSED, UNUSED], "{found:?}");
        assert!(found[0].message.contains("下一段没有“percent-mismatch”"));
        assert!(found[1].message.contains("no-such-rule"));
        assert!(found[2].message.contains("没有写明规则名"));
        // Its label shows the paragraph it covered.
        assert_eq!(
            &text[found[0].labels[0].span.clone()],
            "共5个问题,已完成5个,完成率100%。"
        );
    }

    #[test]
    fn comments_are_blanked_and_other_comments_are_not_suppressions() {
        let text = "前言<!-- 备注：草稿 -->正文\n<!-- zglint-disable-files x -->\n<!-- 未闭合";
        let (blanked, sups) = scan(text);
        // A misspelt directive suppresses nothing; it is kept to be reported (unknown-directive).
        assert_eq!(sups.len(), 1, "{sups:?}");
        assert_eq!(sups[0].unknown.as_deref(), Some("zglint-disable-files"));
        assert!(sups[0].rules.is_empty());
        assert_eq!(blanked.len(), text.len());
        assert!(!blanked.contains("备注") && !blanked.contains("未闭合"));
        assert!(blanked.starts_with("前言") && blanked.contains("正文\n"));
    }

    #[test]
    fn hostile_comments_never_panic() {
        for text in [
            "<!--",
            "<!---->",
            "<!-- zglint-disable",
            "<!-- zglint-disable：-->",
            "<!-- zglint-disable ，，、 -->",
            "<!-- zglint-disable-file -->",
            "a<!-- zglint-disable all -->",
            "<!-- zglint-disable 规则 -->\n\n\n",
        ] {
            let _ = lint(text);
        }
    }

    #[test]
    fn unknown_directives_are_reported_and_suppress_nothing() {
        let body = "共5个问题,已完成4个,完成率90%。";
        for word in [
            "zglint-disbale",
            "zglint-enable",
            "zglint-disable-next-line",
            "ZGLINT-DISABLE",
        ] {
            let text = format!("<!-- {word} rate-mismatch: 已核对 -->\n{body}\n");
            let found = lint(&text);
            let rules = rules_of(&found);
            assert!(rules.contains(&UNKNOWN), "{word}: {rules:?}");
            assert!(
                rules.contains(&"rate-mismatch"),
                "{word} suppresses nothing: {rules:?}"
            );
            let f = found.iter().find(|f| f.rule == UNKNOWN).unwrap();
            assert_eq!(&text[f.span.clone()], word);
        }
        // Comments that merely mention zglint, and the real directive, are not reported.
        for comment in [
            "<!-- zglint is run in CI -->",
            "<!-- zglint's note -->",
            "<!-- 说明 -->",
        ] {
            let found = lint(&format!("{comment}\n{body}\n"));
            assert!(!rules_of(&found).contains(&UNKNOWN), "{comment}");
        }
        let found = lint(&format!(
            "<!-- zglint-disable rate-mismatch: 已核对 -->\n{body}\n"
        ));
        assert!(rules_of(&found).is_empty(), "{found:?}");
    }
}
