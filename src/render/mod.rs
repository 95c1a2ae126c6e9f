//! Output formats. Each renders reports that have already been checked ([`crate::check()`]),
//! quoting and pointing into each report's text as written ([`crate::Checked::written`]).

pub mod concise;
pub mod docx;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod outline;
pub mod sarif;
pub mod statistics;

use crate::check::FileResult;

pub use crate::config::Lang;

/// Rule ids and their short names, for headings: `count-mismatch 统计数与逐项列出数不符`.
#[derive(Debug, Clone, Default)]
pub struct RuleNames(std::collections::BTreeMap<String, String>);

impl RuleNames {
    /// The names of a pack's rules (and of the rules zglint itself reports).
    pub fn of(pack: &crate::rules::pack::Pack) -> Self {
        let mut names = RuleNames::default();
        names.add(pack);
        names
    }

    /// Add the names of another pack's rules; a name already known for an id is kept.
    pub fn add(&mut self, pack: &crate::rules::pack::Pack) {
        let ids = pack.rules.iter().map(|r| r.spec.id.as_str()).chain([
            crate::check::suppress::UNUSED,
            crate::check::suppress::UNKNOWN,
        ]);
        for id in ids {
            if let Some(name) = pack
                .name_of(id)
                .or_else(|| crate::check::suppress::builtin_name(id))
            {
                self.0
                    .entry(id.to_string())
                    .or_insert_with(|| name.to_string());
            }
        }
    }

    /// The short name of rule `id`, if it has one.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }

    /// `id name` when the rule has a name, else `id`.
    pub fn heading(&self, id: &str) -> String {
        match self.get(id) {
            Some(name) => format!("{id} {name}"),
            None => id.to_string(),
        }
    }
}

/// An output format, fed one file at a time so results stream out as files are checked.
///
/// The caller writes what each method returns, in order: `start`, then `file` for each file in
/// path order, then `finish`. A renderer keeps whatever totals it needs between calls.
pub trait Render {
    /// Text before the first file (e.g. the opening of a JSON document).
    fn start(&mut self) -> String {
        String::new()
    }
    /// The text for one file.
    fn file(&mut self, file: &FileResult) -> String;
    /// Text after the last file (e.g. the closing of a document, a count of findings).
    fn finish(&mut self) -> String {
        String::new()
    }
    /// A binary file written after `finish` instead of text (the Word file of `docx`), or why
    /// there is none (empty when the reason was given already); `None` for text formats.
    fn binary(&mut self) -> Option<Result<Vec<u8>, String>> {
        None
    }
}

/// Render a whole run at once: `start`, every file, `finish`.
pub fn render_all(renderer: &mut dyn Render, files: &[FileResult]) -> String {
    let mut out = renderer.start();
    for f in files {
        out.push_str(&renderer.file(f));
    }
    out.push_str(&renderer.finish());
    out
}
