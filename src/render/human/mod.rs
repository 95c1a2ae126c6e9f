//! Output for people: per file a short header, then each finding drawn by miette's graphical
//! handler, then one line of counts.
//!
//! # Widths
//!
//! A terminal gives a character one or two columns. zglint counts them as miette and the
//! `unicode-width` crate do, by East Asian Width: Chinese characters, full-width digits and
//! punctuation (，。：《》（）) take two columns; “” ‘’ … · — and the other "ambiguous" characters
//! take one. That is what terminals do by default (VTE, xterm.js, Windows Terminal, iTerm2, kitty,
//! Alacritty), whatever the font draws, and it is what miette's own box-drawing characters assume:
//! they too are "ambiguous". A terminal set to draw ambiguous characters wide shifts every line
//! of miette's output, not only zglint's.
//!
//! miette measures the line it prints, so an underline sits under its text when the text it is
//! given prints as it is measured. The windows (module `window`) make sure of it: a long line is
//! cut to a window that fits the width instead of wrapping in the terminal, and control
//! characters (tabs, carriage returns, escapes), which miette measures but a terminal acts on,
//! print as spaces.

mod report;
mod source;
mod window;

#[cfg(test)]
mod tests;

use super::{Lang, RuleNames};
use crate::check::{Checked, FileResult};
use crate::finding::Level;
use crate::text::LineIndex;
use miette::{GraphicalReportHandler, GraphicalTheme};
use report::Report;
use std::fmt::Write;

/// Render checked files for a terminal or a CI log, without colour.
pub fn render(files: &[FileResult]) -> String {
    super::render_all(&mut Human::default(), files)
}

/// The human format, written one file at a time; the count of findings comes last.
pub struct Human {
    color: bool,
    lang: Lang,
    names: RuleNames,
    width: usize,
    errors: usize,
    warnings: usize,
    files: usize,
    unreadable: usize,
}

impl Default for Human {
    /// No colour, 80 columns.
    fn default() -> Self {
        Human::new(false)
    }
}

impl Human {
    /// The human format, with ANSI colours or without, for 80 columns, in Chinese, naming the
    /// packaged rules.
    pub fn new(color: bool) -> Self {
        let names = crate::rules::pack::Pack::packaged()
            .map(|p| RuleNames::of(&p))
            .unwrap_or_default();
        Human::named(color, names)
    }

    /// The same naming the rules of `names` (those of the run's packs) beside their ids. A run
    /// that has loaded its packs gives their names here rather than through [`Human::new`],
    /// which would load (and compile) the packaged rules once more.
    pub fn named(color: bool, names: RuleNames) -> Self {
        Human {
            color,
            lang: Lang::default(),
            names,
            width: 80,
            errors: 0,
            warnings: 0,
            files: 0,
            unreadable: 0,
        }
    }

    /// The same for a terminal `width` columns wide: windows, messages and help fit in it.
    pub fn with_width(mut self, width: usize) -> Self {
        self.width = width.max(40);
        self
    }

    /// The same in `lang`.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The same naming the rules of `names` (those of the run's packs) beside their ids.
    pub fn with_names(mut self, names: RuleNames) -> Self {
        self.names = names;
        self
    }

    fn handler(&self) -> GraphicalReportHandler {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_context_lines(0)
    }

    /// `text` in an ANSI style (`1` bold, `1;31` bold red, ...) when colour is on.
    fn paint(&self, style: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{style}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn header(&self, out: &mut String, path: &str, c: &Checked) {
        let s = &c.summary;
        let _ = writeln!(out, "{}", self.paint("1", path));
        let none = match self.lang {
            Lang::Zh => "（无标题）",
            Lang::En => "(no title)",
        };
        let title = s.title.as_deref().unwrap_or(none);
        let _ = writeln!(out, "  {}", crate::text::escape_controls(title));
        let _ = writeln!(out, "  {}", items(s, self.lang));
        out.push_str(&wrap(&timeline(s, self.lang), self.width, "  ", "    "));
    }
}

impl super::Render for Human {
    fn file(&mut self, f: &FileResult) -> String {
        let mut out = String::new();
        self.files += 1;
        // File names and report text never reach the terminal raw: see `text::escape_controls`.
        let path = crate::text::escape_path(&f.path);
        match &f.outcome {
            // The error itself is on standard error (once: `cli::check` writes it there); the
            // closing count says how many files could not be read.
            Err(_) => self.unreadable += 1,
            Ok(c) => {
                self.header(&mut out, &path, c);
                let index = LineIndex::new(&c.written);
                let handler = self.handler();
                for d in &c.findings {
                    out.push('\n');
                    let code = match self.lang {
                        Lang::Zh => self.names.heading(&d.rule),
                        Lang::En => d.rule.clone(),
                    };
                    let report = Report::new(&f.path, &c.written, &index, d, self.width, code);
                    // Writing to a String cannot fail; miette fails only on spans it cannot
                    // read, and the windows hold every span.
                    let _ = handler.render_report(&mut out, &report);
                    if let Some(n) = crate::input::paragraph_at(&c.paragraphs, d.span.start) {
                        let _ = match self.lang {
                            Lang::Zh => writeln!(out, "  note: Word 文档第{n}段"),
                            Lang::En => writeln!(out, "  note: paragraph {n} of the document"),
                        };
                    }
                    self.errors += usize::from(d.level == Level::Error);
                    self.warnings += usize::from(d.level == Level::Warning);
                }
                for o in &c.omitted {
                    let line = match self.lang {
                        Lang::Zh => format!(
                            "…… {}：另有{}条未显示（--max-findings-per-rule）",
                            self.names.heading(&o.rule),
                            o.count
                        ),
                        Lang::En => format!(
                            "… {} more {} finding{} not shown (--max-findings-per-rule)",
                            o.count,
                            o.rule,
                            if o.count == 1 { "" } else { "s" }
                        ),
                    };
                    let _ = writeln!(out, "\n{}", self.paint("1", &line));
                }
                out.push('\n');
            }
        }
        out
    }

    fn finish(&mut self) -> String {
        match self.lang {
            Lang::Zh => self.finish_zh(),
            Lang::En => self.finish_en(),
        }
    }
}

impl Human {
    /// `1个文件：4个错误，2个警告`, and how many files could not be read.
    fn finish_zh(&self) -> String {
        let errors = format!("{}个错误", self.errors);
        let warnings = format!("{}个警告", self.warnings);
        let errors = if self.errors > 0 {
            self.paint("1;31", &errors)
        } else {
            errors
        };
        let warnings = if self.warnings > 0 {
            self.paint("1;33", &warnings)
        } else {
            warnings
        };
        let mut line = format!("{}个文件：{errors}，{warnings}", self.files);
        if self.unreadable > 0 {
            let _ = write!(line, "；{}个文件无法读取", self.unreadable);
        }
        line + "\n"
    }

    /// `4 errors, 2 warnings in 1 file`.
    fn finish_en(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let errors = plural(self.errors, "error");
        let warnings = plural(self.warnings, "warning");
        let errors = if self.errors > 0 {
            self.paint("1;31", &errors)
        } else {
            errors
        };
        let warnings = if self.warnings > 0 {
            self.paint("1;33", &warnings)
        } else {
            warnings
        };
        let mut line = format!("{errors}, {warnings} in {}", plural(self.files, "file"));
        if self.unreadable > 0 {
            let _ = write!(
                line,
                "; {} could not be read",
                plural(self.unreadable, "file")
            );
        }
        line + "\n"
    }
}

/// `共15个问题：已完成12个、部分完成1个、正在整改2个` (items whose status the report does not
/// write are added as `、状态不明1个`), or in English `15 items: 12 done, 1 partial, 2 ongoing,
/// 0 unknown`: the same statuses for every file, so that files compare at a glance.
pub(crate) fn items(s: &crate::facts::summary::Summary, lang: Lang) -> String {
    let st = &s.status;
    if lang == Lang::Zh {
        let mut line = format!(
            "共{}个问题：已完成{}个、部分完成{}个、正在整改{}个",
            s.items, st.done, st.partial, st.ongoing
        );
        if st.unknown > 0 {
            let _ = write!(line, "、状态不明{}个", st.unknown);
        }
        return line;
    }
    let noun = if s.items == 1 { "item" } else { "items" };
    format!(
        "{} {noun}: {} done, {} partial, {} ongoing, {} unknown",
        s.items, st.done, st.partial, st.ongoing, st.unknown
    )
}

/// The timeline from inspection to publication, `?` where the report does not say; a date in
/// the same year as the date before it is written without its year.
fn timeline(s: &crate::facts::summary::Summary, lang: Lang) -> Vec<String> {
    let inspection = s.inspection.as_ref();
    let words = match lang {
        Lang::Zh => ["巡察", "反馈", "截至", "成文", "发布"],
        Lang::En => ["inspected", "feedback", "as of", "signed", "published"],
    };
    let steps: [(&str, Option<&String>); 6] = [
        (words[0], inspection.and_then(|i| i.start.as_ref())),
        ("..", inspection.and_then(|i| i.end.as_ref())),
        (words[1], s.feedback.as_ref()),
        (words[2], s.as_of.as_ref()),
        (words[3], s.signed.as_ref()),
        (words[4], s.published.as_ref()),
    ];
    let mut year: Option<&str> = None;
    let mut shown = Vec::new();
    for (name, date) in steps {
        let text = match date {
            None => "?".to_string(),
            Some(d) => {
                let this = d.get(..4);
                let short = d.len() == 10 && this.is_some() && this == year;
                year = this;
                if short { d[5..].to_string() } else { d.clone() }
            }
        };
        match (name, shown.last_mut()) {
            ("..", Some(last)) => *last = format!("{last}..{text}"),
            _ => shown.push(format!("{name} {text}")),
        }
    }
    shown
}

/// Steps joined by ` → `, wrapped to `width` columns: the first line after `first`, the
/// others after `rest`, each ending in a newline.
fn wrap(steps: &[String], width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    for (i, step) in steps.iter().enumerate() {
        let piece = if i == 0 {
            step.clone()
        } else {
            format!(" → {step}")
        };
        if i > 0 && window::display_width(&line) + window::display_width(&piece) > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = format!("{rest}→ {step}");
        } else {
            line.push_str(&piece);
        }
    }
    out + &line + "\n"
}
