//! The review page: one self-contained HTML file that editors read instead of a log.
//!
//! Each report gets a summary card (items by status, the timeline) and its text with every
//! finding's places marked and the finding explained beside them; filters by level and rule sit
//! at the top. The page loads nothing: its style and script are inline, allowed by a
//! Content-Security-Policy that names their hashes, so no other script can run even if report
//! text were ever left unescaped (it never is: see [`escape`]).

mod card;
pub mod split;
mod text;

use super::{Lang, Render, RuleNames};
use crate::check::FileResult;
use crate::finding::{Finding, Level};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Render checked files as one review page.
pub fn render(files: &[FileResult]) -> String {
    super::render_all(&mut Html::default(), files)
}

/// `zh` or `en` of a pair of words, by the page's language.
fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The review page, written one file at a time; the filters and totals come last and are
/// placed at the top of the page by its style.
pub struct Html {
    lang: Lang,
    /// The rules' short names, shown beside their ids.
    names: RuleNames,
    /// (anchor, path, findings or None when the file could not be read).
    files: Vec<(String, String, Option<usize>)>,
    levels: BTreeMap<Level, usize>,
    rules: BTreeMap<String, (Level, usize)>,
    /// The policy the page names in its `<meta>`: [`content_security_policy`] unless a server
    /// that sends the page gives its own ([`Html::with_policy`]).
    policy: String,
    /// Forms shown at the top of the page (the served page's download button).
    actions: Vec<Action>,
}

/// A button at the top of the page that posts hidden fields: `zglint serve` uses it for the
/// commented `.docx`, re-posting the report itself so that nothing is kept on the server.
#[derive(Debug, Clone)]
pub struct Action {
    /// Where the form posts (`/docx`).
    pub action: String,
    /// The button's text.
    pub label: String,
    /// Hidden fields, name and value; escaped when written.
    pub fields: Vec<(String, String)>,
}

impl Default for Html {
    /// In Chinese, naming the packaged rules.
    fn default() -> Self {
        let names = crate::rules::pack::Pack::packaged()
            .map(|p| RuleNames::of(&p))
            .unwrap_or_default();
        Html::new(Lang::default(), names)
    }
}

impl Html {
    /// The review page in `lang`, naming the rules of `names` beside their ids.
    pub fn new(lang: Lang, names: RuleNames) -> Self {
        Html {
            lang,
            names,
            files: Vec::new(),
            levels: BTreeMap::new(),
            rules: BTreeMap::new(),
            policy: content_security_policy(),
            actions: Vec::new(),
        }
    }

    /// The same page under another Content-Security-Policy (a server's, which lets the page's
    /// forms post back to it).
    pub fn with_policy(mut self, policy: String) -> Self {
        self.policy = policy;
        self
    }

    /// The same page with a button that posts `action`'s fields.
    pub fn with_action(mut self, action: Action) -> Self {
        self.actions.push(action);
        self
    }
}

impl Render for Html {
    fn start(&mut self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"generator\" content=\"zglint\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n\
             <title>zglint {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main class=\"reports\">\n",
            pick(self.lang, "zh-CN", "en"),
            escape(&self.policy),
            pick(self.lang, "审阅", "review")
        )
    }

    fn file(&mut self, f: &FileResult) -> String {
        let key = format!("r{}", self.files.len());
        let mut out = String::new();
        let _ = writeln!(out, "<section class=\"report\" id=\"{key}\">");
        match &f.outcome {
            Err(e) => {
                let _ = writeln!(
                    out,
                    "<header class=\"card failed\"><h2>{}</h2><p class=\"error\">{}{}</p></header>",
                    escape(&f.path),
                    pick(self.lang, "无法读取：", "cannot read: "),
                    escape(e)
                );
                self.files.push((key, f.path.clone(), None));
            }
            Ok(c) => {
                card::card(&mut out, &f.path, c, self.lang);
                text::body(&mut out, &key, c, self.lang, &self.names);
                for finding in &c.findings {
                    *self.levels.entry(finding.level).or_default() += 1;
                    self.rules
                        .entry(finding.rule.clone())
                        .or_insert((finding.level, 0))
                        .1 += 1;
                }
                self.files
                    .push((key, f.path.clone(), Some(c.findings.len())));
            }
        }
        out.push_str("</section>\n");
        out
    }

    fn finish(&mut self) -> String {
        let mut out = String::from("</main>\n<header class=\"run\">\n");
        let total: usize = self.levels.values().sum();
        let n = self.files.len();
        let _ = match self.lang {
            Lang::Zh => write!(
                out,
                "<h1>zglint 审阅</h1><p class=\"totals\">{n}个文件，{total}个问题</p>"
            ),
            Lang::En => write!(
                out,
                "<h1>zglint review</h1><p class=\"totals\">{n} files, {total} findings</p>"
            ),
        };
        for a in &self.actions {
            let _ = write!(
                out,
                "<form class=\"action\" method=\"post\" action=\"{}\" enctype=\"multipart/form-data\">",
                escape(&a.action)
            );
            for (name, value) in &a.fields {
                let _ = write!(
                    out,
                    "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                    escape(name),
                    escape(value)
                );
            }
            let _ = write!(
                out,
                "<button type=\"submit\">{}</button></form>",
                escape(&a.label)
            );
        }
        if self.files.len() > 1 {
            out.push_str("<ol class=\"files\">");
            for (key, path, n) in &self.files {
                let what = n.map_or_else(
                    || pick(self.lang, "无法读取", "cannot read").to_string(),
                    |n| format!("{n}"),
                );
                let _ = write!(
                    out,
                    "<li><a href=\"#{key}\">{}</a> <span>{what}</span></li>",
                    escape(path)
                );
            }
            out.push_str("</ol>");
        }
        out.push_str("\n</header>\n");
        self.filters(&mut out);
        let _ = write!(out, "\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
        out
    }
}

impl Html {
    /// Check boxes by level and by rule; hidden until the script runs, since only it acts on them.
    fn filters(&self, out: &mut String) {
        let _ = write!(
            out,
            "<form class=\"filters\" id=\"filters\" hidden><fieldset><legend>{}</legend>",
            pick(self.lang, "级别", "Level")
        );
        for level in [Level::Error, Level::Warning, Level::Info] {
            let n = self.levels.get(&level).copied().unwrap_or(0);
            let class = level_class(level);
            let _ = write!(
                out,
                "<label class=\"{class}\"><input type=\"checkbox\" data-filter=\"level\" value=\"{class}\" checked> {} <b>{n}</b></label>",
                level_label(level, self.lang)
            );
        }
        let _ = write!(
            out,
            "</fieldset><fieldset><legend>{}</legend>",
            pick(self.lang, "规则", "Rule")
        );
        for (rule, (level, n)) in &self.rules {
            let name = match (self.lang, self.names.get(rule)) {
                (Lang::Zh, Some(name)) => format!(" {}", escape(name)),
                _ => String::new(),
            };
            let _ = write!(
                out,
                "<label class=\"{}\"><input type=\"checkbox\" data-filter=\"rule\" value=\"{}\" checked> <code>{}</code>{name} <b>{n}</b></label>",
                level_class(*level),
                escape(rule),
                escape(rule)
            );
        }
        out.push_str("</fieldset></form>");
    }
}

/// Escape text for HTML content and quoted attribute values: `& < > " '`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's policy: nothing from anywhere, except its own style and script, named by hash.
pub fn content_security_policy() -> String {
    policy("'none'")
}

/// The policy of the pages `zglint serve` sends (the review page, the upload page, error pages):
/// the review page's, except that forms may post back to the server that sent them.
pub fn served_policy() -> String {
    policy("'self'")
}

fn policy(form_action: &str) -> String {
    format!(
        "default-src 'none'; style-src '{}'; script-src '{}'; img-src 'none'; base-uri 'none'; form-action {form_action}",
        hash(STYLE),
        hash(SCRIPT)
    )
}

/// The review page's style and script, for other pages under the same policy (the server's
/// upload and error pages), so one policy with two hashes covers every page.
pub fn style_and_script() -> (&'static str, &'static str) {
    (STYLE, SCRIPT)
}

/// A CSP source expression for inline content: "sha256-" and the base64 of its digest.
fn hash(content: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(content.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * k)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The class of a level: "error", "warning", "info".
fn level_class(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "info",
    }
}

/// A level in the page's language.
fn level_label(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Error => pick(lang, "错误", "error"),
        Level::Warning => pick(lang, "警告", "warning"),
        Level::Info => pick(lang, "提示", "info"),
    }
}

/// A finding's level in the page's language.
fn level_name(f: &Finding, lang: Lang) -> &'static str {
    level_label(f.level, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn the_policy_names_the_style_and_script() {
        // The SHA-256 of the empty string, as browsers compute it.
        assert_eq!(
            hash(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        let csp = content_security_policy();
        assert!(csp.contains(&hash(STYLE)) && csp.contains(&hash(SCRIPT)));
        assert!(csp.starts_with("default-src 'none'"));
    }

    #[test]
    fn the_served_policy_differs_only_in_where_forms_may_post() {
        let file = content_security_policy();
        let served = served_policy();
        assert!(file.ends_with("form-action 'none'"));
        assert_eq!(
            served,
            file.replace("form-action 'none'", "form-action 'self'")
        );
    }

    #[test]
    fn an_action_is_a_form_of_escaped_hidden_fields() {
        let mut page = Html::default()
            .with_policy("default-src 'none'".into())
            .with_action(Action {
                action: "/docx".into(),
                label: "下载".into(),
                fields: vec![("name".into(), "a\"><script>.txt".into())],
            });
        let top = page.start();
        assert!(top.contains("content=\"default-src &#39;none&#39;\""));
        let bottom = page.finish();
        assert!(bottom.contains(
            "<form class=\"action\" method=\"post\" action=\"/docx\" enctype=\"multipart/form-data\"><input type=\"hidden\" name=\"name\" value=\"a&quot;&gt;&lt;script&gt;.txt\"><button type=\"submit\">下载</button></form>"
        ));
    }
}
