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
        if s.scope.is_some() {
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
    let (file_wide, rest, directive) = if let Some(r) = body.strip_prefix("zglint-disable-file") {
        (true, r, "zglint-disable-file".len())
    } else if let Some(r) = body.strip_prefix("zglint-disable") {
        (false, r, "zglint-disable".len())
    } else {
        return None;
    };
    if rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
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
    let Some(level) = unused_level else {
        return kept;
    };
    for (s, u) in suppressions.iter().zip(&used) {
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
    use crate::pack::Pack;

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
        assert!(sups.is_empty(), "{sups:?}");
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
}
