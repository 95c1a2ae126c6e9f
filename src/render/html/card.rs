//! The summary card at the head of each report: title, issuer, items by status as a stacked
//! bar, and the timeline from inspection to publication as a line with the report's dates.

use super::{escape, level_class, pick};
use crate::check::Checked;
use crate::facts::summary::Summary;
use crate::finding::Level;
use crate::render::Lang;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// The card of one checked report.
pub(super) fn card(out: &mut String, path: &str, c: &Checked, lang: Lang) {
    let s = &c.summary;
    out.push_str("<header class=\"card\">");
    let _ = write!(
        out,
        "<h2>{}</h2>",
        s.title.as_deref().map_or_else(
            || pick(lang, "（无标题）", "(no title)").to_string(),
            escape
        )
    );
    let _ = write!(out, "<p class=\"path\">{}", escape(path));
    if let Some(issuer) = &s.issuer {
        let _ = write!(
            out,
            " · {}{}",
            pick(lang, "发文机关：", "issued by "),
            escape(issuer)
        );
    }
    out.push_str("</p><p class=\"counts\">");
    let count = |level: Level| c.findings.iter().filter(|f| f.level == level).count();
    let _ = match lang {
        Lang::Zh => write!(out, "{}个问题：", c.findings.len()),
        Lang::En => write!(out, "{} findings:", c.findings.len()),
    };
    for level in [Level::Error, Level::Warning, Level::Info] {
        let name = super::level_label(level, lang);
        let _ = write!(
            out,
            " <span class=\"badge {}\">{name} {}</span>",
            level_class(level),
            count(level)
        );
    }
    out.push_str("</p>");
    bar(out, s, lang);
    timeline(out, s, lang);
    out.push_str("</header>\n");
}

/// The items by status as one horizontal stacked bar, with a legend of the counts.
fn bar(out: &mut String, s: &Summary, lang: Lang) {
    let st = &s.status;
    let parts = [
        ("done", pick(lang, "已完成", "done"), st.done),
        ("partial", pick(lang, "部分完成", "partial"), st.partial),
        ("ongoing", pick(lang, "正在整改", "ongoing"), st.ongoing),
        ("unknown", pick(lang, "状态不明", "unknown"), st.unknown),
    ];
    let total: usize = parts.iter().map(|p| p.2).sum();
    let _ = match lang {
        Lang::Zh => write!(
            out,
            "<div class=\"items\"><h3>整改事项：共{}个</h3>",
            s.items
        ),
        Lang::En => write!(out, "<div class=\"items\"><h3>Items: {}</h3>", s.items),
    };
    if total == 0 {
        let _ = write!(
            out,
            "<p class=\"none\">{}</p></div>",
            pick(lang, "未逐项列出问题", "no itemized problems")
        );
        return;
    }
    out.push_str(
        "<svg class=\"bar\" viewBox=\"0 0 1000 24\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"items by status\">",
    );
    let mut x = 0.0;
    for (class, name, n) in parts {
        if n == 0 {
            continue;
        }
        let w = 1000.0 * n as f64 / total as f64;
        let _ = write!(
            out,
            "<rect class=\"s-{class}\" x=\"{x:.1}\" y=\"0\" width=\"{w:.1}\" height=\"24\"><title>{name} {n}</title></rect>"
        );
        x += w;
    }
    out.push_str("</svg><ul class=\"legend\">");
    for (class, name, n) in parts {
        let _ = write!(
            out,
            "<li><span class=\"swatch s-{class}\"></span>{name} <b>{n}</b></li>"
        );
    }
    out.push_str("</ul></div>");
}

/// One date on the timeline.
struct Event {
    name: &'static str,
    iso: String,
    day: i32,
    /// Earlier than a milestone that should come before it.
    out_of_order: bool,
}

/// The dates from inspection to publication on a line, placed by date; missing dates are left out.
fn timeline(out: &mut String, s: &Summary, lang: Lang) {
    let inspection = s.inspection.as_ref();
    let named = [
        (
            pick(lang, "巡察开始", "inspection"),
            inspection.and_then(|i| i.start.clone()),
        ),
        (
            pick(lang, "巡察结束", "inspected"),
            inspection.and_then(|i| i.end.clone()),
        ),
        (pick(lang, "反馈", "feedback"), s.feedback.clone()),
        (pick(lang, "截至", "as of"), s.as_of.clone()),
        (pick(lang, "成文", "signed"), s.signed.clone()),
        (pick(lang, "发布", "published"), s.published.clone()),
    ];
    let (start_name, end_name) = (named[0].0, named[1].0);
    let mut events: Vec<Event> = Vec::new();
    let mut latest = i32::MIN;
    for (name, iso) in named {
        let Some((iso, day)) = iso.and_then(|d| day_of(&d).map(|day| (d, day))) else {
            continue;
        };
        events.push(Event {
            name,
            iso,
            day,
            out_of_order: day < latest,
        });
        latest = latest.max(day);
    }
    let _ = write!(
        out,
        "<div class=\"timeline\"><h3>{}</h3>",
        pick(lang, "时间线", "Timeline")
    );
    if events.is_empty() {
        let _ = write!(
            out,
            "<p class=\"none\">{}</p></div>",
            pick(lang, "文中没有日期", "no dates")
        );
        return;
    }
    let (first, last) = (
        events.iter().map(|e| e.day).min().unwrap_or(0),
        events.iter().map(|e| e.day).max().unwrap_or(0),
    );
    let (left, right) = (70.0, 930.0);
    let x_of = |day: i32| {
        if last == first {
            (left + right) / 2.0
        } else {
            left + (right - left) * f64::from(day - first) / f64::from(last - first)
        }
    };
    let _ = write!(
        out,
        "<svg class=\"line\" viewBox=\"0 0 1000 110\" role=\"img\" aria-label=\"timeline\"><line class=\"axis\" x1=\"{left}\" y1=\"55\" x2=\"{right}\" y2=\"55\"/>"
    );
    if let [start, end, ..] = &events[..] {
        if start.name == start_name && end.name == end_name {
            let _ = write!(
                out,
                "<line class=\"span\" x1=\"{:.1}\" y1=\"55\" x2=\"{:.1}\" y2=\"55\"/>",
                x_of(start.day),
                x_of(end.day)
            );
        }
    }
    events.sort_by_key(|e| e.day);
    let dots: Vec<f64> = events.iter().map(|e| x_of(e.day)).collect();
    let labels = spread(&dots, 140.0, 60.0, 940.0);
    for ((e, &dot), &at) in events.iter().zip(&dots).zip(&labels) {
        let class = if e.out_of_order { "ev late" } else { "ev" };
        let _ = write!(
            out,
            "<g class=\"{class}\"><title>{} {}</title><line class=\"lead\" x1=\"{at:.1}\" y1=\"30\" x2=\"{dot:.1}\" y2=\"49\"/><line class=\"lead\" x1=\"{dot:.1}\" y1=\"61\" x2=\"{at:.1}\" y2=\"80\"/><circle cx=\"{dot:.1}\" cy=\"55\" r=\"6\"/><text x=\"{at:.1}\" y=\"22\">{}</text><text class=\"date\" x=\"{at:.1}\" y=\"100\">{}</text></g>",
            e.name, e.iso, e.name, e.iso
        );
    }
    out.push_str("</svg></div>");
}

/// Label positions near `xs` (sorted) at least `gap` apart, kept within `lo..=hi`.
fn spread(xs: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let n = xs.len();
    let gap = if n > 1 {
        gap.min((hi - lo) / (n - 1) as f64)
    } else {
        gap
    };
    let mut at: Vec<f64> = xs.to_vec();
    for i in 0..n {
        let min = if i == 0 { lo } else { at[i - 1] + gap };
        at[i] = at[i].max(min);
    }
    for i in (0..n).rev() {
        let max = if i + 1 == n { hi } else { at[i + 1] - gap };
        at[i] = at[i].min(max);
    }
    at
}

/// Days since the common era of "YYYY-MM-DD" or "YYYY-MM" (the first of the month).
fn day_of(iso: &str) -> Option<i32> {
    let mut parts = iso.split('-').map(|p| p.parse::<u32>().ok());
    let year = i32::try_from(parts.next()??).ok()?;
    let month = parts.next()??;
    let day = parts.next().flatten().unwrap_or(1);
    NaiveDate::from_ymd_opt(year, month, day).map(|d| d.num_days_from_ce())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_months_are_days() {
        assert_eq!(day_of("2023-12"), day_of("2023-12-01"));
        assert_eq!(
            day_of("2024-03-01").unwrap() - day_of("2024-02-28").unwrap(),
            2
        );
        assert_eq!(day_of("2023-13-01"), None);
        assert_eq!(day_of("二〇二三年"), None);
    }

    #[test]
    fn labels_keep_apart_and_in_bounds() {
        let at = spread(&[100.0, 100.0, 100.0, 900.0], 140.0, 60.0, 940.0);
        assert!(at.windows(2).all(|w| w[1] - w[0] >= 140.0 - 1e-9), "{at:?}");
        assert!(at.iter().all(|&x| (60.0..=940.0).contains(&x)), "{at:?}");
        let crowded = spread(&[500.0; 8], 140.0, 60.0, 940.0);
        assert!(crowded.windows(2).all(|w| w[1] > w[0]), "{crowded:?}");
    }
}
