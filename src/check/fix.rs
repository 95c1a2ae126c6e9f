//! Safe fixes: apply the edits findings offer, one finding at a time, checking again after each.
//!
//! Only kinds whose fix cannot change what the report says offer edits (today: renumbering a
//! heading sequence that skips or repeats). A figure that does not add up is never "fixed": which
//! side is wrong is the author's call, so its help shows the computed value instead.

use crate::finding::{Edit, Finding};

/// Passes before giving up on a fix that keeps producing new fixable findings.
const MAX_PASSES: usize = 100;

/// The text after fixing, and how many findings were fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// The findings whose fixes were applied.
    pub applied: usize,
}

/// Fix `text`: find the first finding with a fix, apply its edits, check again, repeat until no
/// finding offers one. `findings` checks a text (with the run's configuration and suppressions).
pub fn fix(text: &str, findings: impl Fn(&str) -> Vec<Finding>) -> Fixed {
    let mut text = text.to_string();
    let mut applied = 0;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..MAX_PASSES {
        let Some(finding) = findings(&text).into_iter().find(|f| !f.fix.is_empty()) else {
            break;
        };
        let Some(next) = apply(&text, &finding.fix) else {
            break;
        };
        // A fix that brings back an earlier text would loop: stop.
        if next == text || !seen.insert(next.clone()) {
            break;
        }
        text = next;
        applied += 1;
    }
    Fixed { text, applied }
}

/// Apply edits to a text; None if an edit is out of bounds, off a character boundary, or
/// overlaps another.
pub fn apply(text: &str, edits: &[Edit]) -> Option<String> {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        if e.span.start < at || e.span.end < e.span.start {
            return None;
        }
        out.push_str(text.get(at..e.span.start)?);
        text.get(e.span.clone())?;
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// A unified diff of two texts, by lines, with `context` lines around each change, headed
/// `--- path` / `+++ path`. Empty when they are equal.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    use std::fmt::Write;
    if before == after {
        return String::new();
    }
    let a: Vec<&str> = before.split_inclusive('\n').collect();
    let b: Vec<&str> = after.split_inclusive('\n').collect();
    // Renumbering keeps the line count, so a line-by-line comparison finds the changes; for
    // texts of different lengths the common prefix and suffix frame one changed block.
    let changes: Vec<(usize, usize, usize, usize)> = if a.len() == b.len() {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < a.len() {
            if a[i] == b[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i < a.len() && a[i] != b[i] {
                i += 1;
            }
            runs.push((start, i, start, i));
        }
        runs
    } else {
        let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let suffix = a[prefix..]
            .iter()
            .rev()
            .zip(b[prefix..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        vec![(prefix, a.len() - suffix, prefix, b.len() - suffix)]
    };
    const CONTEXT: usize = 2;
    let mut out = format!("--- {path}\n+++ {path} (fixed)\n");
    let mut k = 0;
    while k < changes.len() {
        // Join changes whose context windows touch into one hunk.
        let mut last = k;
        while last + 1 < changes.len() && changes[last + 1].0 <= changes[last].1 + 2 * CONTEXT {
            last += 1;
        }
        let (a0, _, b0, _) = changes[k];
        let (_, a1, _, b1) = changes[last];
        let (from_a, from_b) = (a0.saturating_sub(CONTEXT), b0.saturating_sub(CONTEXT));
        let (to_a, to_b) = ((a1 + CONTEXT).min(a.len()), (b1 + CONTEXT).min(b.len()));
        let _ = writeln!(
            out,
            "@@ -{},{} +{},{} @@",
            from_a + 1,
            to_a - from_a,
            from_b + 1,
            to_b - from_b
        );
        let mut line = |sign: char, l: &str| {
            out.push(sign);
            out.push_str(l);
            if !l.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        };
        let mut ia = from_a;
        for &(s_a, e_a, s_b, e_b) in &changes[k..=last] {
            for l in &a[ia..s_a] {
                line(' ', l);
            }
            for l in &a[s_a..e_a] {
                line('-', l);
            }
            for l in &b[s_b..e_b] {
                line('+', l);
            }
            ia = e_a;
        }
        for l in &a[ia..to_a] {
            line(' ', l);
        }
        k = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::pack::Pack;

    fn fixed(text: &str) -> Fixed {
        let pack = Pack::packaged().unwrap();
        let settings = crate::config::Settings::defaults(&pack);
        crate::check::fix(&crate::check::plain(text), false, &pack, &settings)
    }

    /// `text` fixed is `want`, in `applied` fixes.
    fn assert_fixed(text: &str, want: &str, applied: usize) {
        let out = fixed(text);
        assert_eq!(out.text, want);
        assert_eq!(out.applied, applied, "fixes applied");
    }

    #[test]
    fn a_repeated_heading_and_those_after_it_move_up() {
        assert_fixed(
            "一、提高站位\n正文。\n二、推进整改\n正文。\n三、正视不足\n正文。\n三、下步打算\n正文。\n四、工作要求\n正文。\n",
            "一、提高站位\n正文。\n二、推进整改\n正文。\n三、正视不足\n正文。\n四、下步打算\n正文。\n五、工作要求\n正文。\n",
            1,
        );
    }

    #[test]
    fn a_skipped_number_closes_up_in_the_written_form() {
        let text = "一、总体情况\n（一）强化责任。正文。\n（三）细化措施。正文。\n（四）建章立制。正文。\n";
        let out = fixed(text);
        assert_eq!(
            out.text,
            "一、总体情况\n（一）强化责任。正文。\n（二）细化措施。正文。\n（三）建章立制。正文。\n"
        );
    }

    #[test]
    fn numbering_that_runs_on_across_parents_is_fixed_pass_by_pass() {
        assert_fixed(
            "（一）组织方面\n1.关于学习的问题\n2.关于落实的问题\n（二）作风方面\n3.关于作风的问题\n3.关于纪律的问题\n（三）制度方面\n4.关于制度的问题\n",
            "（一）组织方面\n1.关于学习的问题\n2.关于落实的问题\n（二）作风方面\n3.关于作风的问题\n4.关于纪律的问题\n（三）制度方面\n5.关于制度的问题\n",
            2,
        );
    }

    #[test]
    fn a_repeated_first_number_is_renumbered() {
        // The (三) already follows the (二) the second (一) stands for: only that one moves.
        assert_fixed(
            "一、总体情况\n正文。\n二、整改情况\n(一)强化责任。正文。\n(一)细化措施。正文。\n(三)建章立制。正文。\n",
            "一、总体情况\n正文。\n二、整改情况\n(一)强化责任。正文。\n(二)细化措施。正文。\n(三)建章立制。正文。\n",
            1,
        );
        // An extra 一、: it and those after it move up.
        assert_fixed(
            "一、提高站位\n正文。\n一、推进整改\n正文。\n二、下步打算\n正文。\n",
            "一、提高站位\n正文。\n二、推进整改\n正文。\n三、下步打算\n正文。\n",
            1,
        );
        let text = "(一)组织方面\n1.关于学习的问题\n1.关于落实的问题\n2.关于作风的问题\n";
        assert_eq!(
            fixed(text).text,
            "(一)组织方面\n1.关于学习的问题\n2.关于落实的问题\n3.关于作风的问题\n"
        );
    }

    #[test]
    fn figures_that_do_not_add_up_are_not_touched() {
        let text = "一、总体情况\n共5个问题,已完成4个,完成率90%。\n";
        let out = fixed(text);
        assert_eq!(out.text, text);
        assert_eq!(out.applied, 0);
    }

    #[test]
    fn edits_apply_only_when_they_fit() {
        let e = |s: usize, t: usize, r: &str| Edit {
            span: s..t,
            replacement: r.to_string(),
        };
        assert_eq!(apply("三、", &[e(0, 3, "四")]).unwrap(), "四、");
        assert_eq!(apply("三、", &[e(0, 1, "四")]), None);
        assert_eq!(apply("abc", &[e(0, 2, "x"), e(1, 3, "y")]), None);
        assert_eq!(apply("abc", &[e(2, 9, "x")]), None);
    }

    #[test]
    fn the_diff_shows_changed_lines_with_context() {
        let d = diff("r.txt", "a\nb\nc\nd\ne\nf\ng\n", "a\nb\nC\nd\ne\nf\nG\n");
        assert_eq!(
            d,
            "--- r.txt\n+++ r.txt (fixed)\n@@ -1,7 +1,7 @@\n a\n b\n-c\n+C\n d\n e\n f\n-g\n+G\n"
        );
        assert_eq!(diff("r.txt", "a\n", "a\n"), "");
        let far = diff(
            "r",
            "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
            "x\n2\n3\n4\n5\n6\n7\n8\ny\n",
        );
        assert_eq!(far.matches("@@ -").count(), 2, "{far}");
    }
}
