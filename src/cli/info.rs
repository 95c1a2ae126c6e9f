//! The commands that describe rather than check: `rules`, `explain`, `config`, `parse`.

use super::{Selection, print};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zglint::check::suppress;
use zglint::config::{self, CliSettings, Config};
use zglint::render::Lang;
use zglint::rules::pack::Pack;

fn level_name(level: Option<zglint::finding::Level>) -> String {
    level.map_or("off".to_string(), |l| format!("{l:?}").to_lowercase())
}

/// `zglint rules`: every rule, one per line: id, (in Chinese) its short name, kind, level and a
/// one-line description (its message, with each value it fills in shown as `…`), in columns
/// aligned by display width.
pub fn rules(pack: &Pack, lang: Lang) -> ExitCode {
    let mut rows: Vec<[String; 4]> = pack
        .rules
        .iter()
        .map(|r| {
            [
                r.spec.id.clone(),
                r.kind.name.to_string(),
                level_name(r.spec.level.level()),
                description(&r.spec.message, r.kind.explanation),
            ]
        })
        .collect();
    let unused = suppress::unused_rule();
    rows.push([
        unused.id.clone(),
        unused.kind.clone(),
        level_name(unused.level),
        "抑制注释未起作用，或写了不存在的规则名".to_string(),
    ]);
    let unknown = suppress::unknown_rule();
    rows.push([
        unknown.id.clone(),
        unknown.kind.clone(),
        level_name(unknown.level),
        "注释以 zglint 开头却不是已知的指令（zglint-enable、拼错的 zglint-disbale）".to_string(),
    ]);
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|[id, kind, level, description]| match lang {
            Lang::Zh => {
                let name = pack
                    .name_of(&id)
                    .or_else(|| zglint::check::suppress::builtin_name(&id))
                    .unwrap_or("-")
                    .to_string();
                vec![id, name, kind, level, description]
            }
            Lang::En => vec![id, kind, level, description],
        })
        .collect();
    print(&columns(&rows));
    ExitCode::SUCCESS
}

/// A rule's one-line description: its message with the values shown as `…`, or where that
/// leaves next to no words (`{role}（{date}）{relation}…`), the first clause of what its kind
/// checks.
fn description(message: &str, explanation: &str) -> String {
    let line = one_line(message);
    let words = line.chars().filter(|c| c.is_alphanumeric()).count();
    if words >= 4 {
        return line;
    }
    let checks = explanation
        .lines()
        .skip_while(|l| !l.starts_with("## "))
        .nth(1)
        .unwrap_or_default();
    match checks.split(['；', '。']).next() {
        Some(first) if !first.trim().is_empty() => first.trim().to_string(),
        _ => line,
    }
}

/// A message template as a description on one line: each `{value}` (or run of adjacent ones,
/// `{stated}{unit}{noun}`) shown as `…`.
fn one_line(template: &str) -> String {
    let mut out = String::new();
    let mut in_value = false;
    for c in template.chars() {
        match c {
            '{' => {
                in_value = true;
                if !out.ends_with('…') {
                    out.push('…');
                }
            }
            '}' if in_value => in_value = false,
            _ if in_value => {}
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Rows as columns, each padded to its widest cell by display width (a CJK character takes two
/// columns), the last one not padded.
fn columns(rows: &[Vec<String>]) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut widths = vec![0; rows.iter().map(Vec::len).max().unwrap_or(0)];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if i + 1 < row.len() {
                out.push_str(&" ".repeat(widths[i] - cell.width() + 1));
            }
        }
        out.push('\n');
    }
    out
}

/// `zglint explain NAME`: a rule's or a kind's explanation; exit 2 if there is no such thing.
pub fn explain(pack: &Pack, name: &str, lang: Lang) -> ExitCode {
    // `id 名称` in Chinese, `id` in English.
    let named = |id: &str| match (
        lang,
        pack.name_of(id)
            .or_else(|| zglint::check::suppress::builtin_name(id)),
    ) {
        (Lang::Zh, Some(n)) => format!("{id} {n}"),
        _ => id.to_string(),
    };
    if name == suppress::UNUSED || name == "suppression" {
        print(&format!(
            "{} (suppression, warning, built in)\n\nkind `suppression`\n\n{}",
            named(suppress::UNUSED),
            suppress::EXPLANATION
        ));
        return ExitCode::SUCCESS;
    }
    if name == suppress::UNKNOWN {
        print(&format!(
            "{} (suppression, warning, built in)\n\nkind `suppression`\n\n{}",
            named(suppress::UNKNOWN),
            suppress::UNKNOWN_EXPLANATION
        ));
        return ExitCode::SUCCESS;
    }
    let rule = pack.rules.iter().find(|r| r.spec.id == name);
    let Some(kind) = rule.map(|r| r.kind).or_else(|| zglint::rules::kind(name)) else {
        eprintln!("error: no rule or kind named `{name}` (see `zglint rules`)");
        return ExitCode::from(2);
    };
    let mut out = String::new();
    if let Some(r) = rule {
        out.push_str(&format!(
            "{} ({}, {}, from {})\n",
            named(&r.spec.id),
            kind.name,
            level_name(r.spec.level.level()),
            r.origin
        ));
        out.push_str(&format!("message: {}\n", r.spec.message));
        if let Some(h) = &r.spec.help {
            out.push_str(&format!("help: {h}\n"));
        }
        if !r.spec.params.is_null() {
            let params = serde_yaml::to_string(&r.spec.params).unwrap_or_default();
            out.push_str(&format!("params:\n{}", indent(&params)));
        }
        for (name, list) in [
            ("fail", &r.spec.examples.fail),
            ("pass", &r.spec.examples.pass),
        ] {
            for e in list {
                out.push_str(&format!("example ({name}):\n{}", indent(e)));
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("kind `{}`\n\n{}", kind.name, kind.explanation));
    let rules_of_kind: Vec<String> = pack
        .rules
        .iter()
        .filter(|r| r.kind.name == kind.name)
        .map(|r| named(&r.spec.id))
        .collect();
    out.push_str(&format!(
        "\nrules of this kind: {}\n",
        if rules_of_kind.is_empty() {
            "(none)".to_string()
        } else {
            rules_of_kind.join(", ")
        }
    ));
    print(&out);
    ExitCode::SUCCESS
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

/// `zglint config [FILE]`: the configuration in force for a file and where each value came from.
pub fn config(path: Option<PathBuf>, selection: &Selection) -> ExitCode {
    let file = path.unwrap_or_else(|| PathBuf::from("report.txt"));
    let found = selection.config.clone().or_else(|| config::discover(&file));
    let loaded = match found.as_deref().map(Config::load).transpose() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    };
    let mut dirs = loaded.as_ref().map(Config::rule_dirs).unwrap_or_default();
    dirs.extend(selection.rules.iter().cloned());
    super::with_pack(&dirs, |pack| {
        let rules = zglint::check::known_rules(pack);
        if let Some(c) = &loaded
            && let Err(e) = c.validate(&rules)
        {
            eprintln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
        let cli = cli_settings(selection);
        if let Err(e) = config::validate_cli(&cli, &rules) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        let settings = config::resolve(loaded.as_ref(), &cli, &rules, &file);
        print(&describe(&file, loaded.as_ref(), &dirs, &settings));
        ExitCode::SUCCESS
    })
}

/// The command line's part of the settings.
pub fn cli_settings(selection: &Selection) -> CliSettings {
    CliSettings {
        select: selection.select.clone(),
        ignore: selection.ignore.clone(),
        fail_on: selection.fail_on,
        max_findings_per_rule: selection.max_findings_per_rule,
    }
}

fn describe(
    file: &Path,
    config: Option<&Config>,
    dirs: &[PathBuf],
    settings: &config::Settings,
) -> String {
    let mut out = format!("file:      {}\n", file.display());
    out.push_str(&format!(
        "config:    {}\n",
        config.map_or("(none found; packaged defaults)".to_string(), |c| c
            .path
            .display()
            .to_string())
    ));
    for d in dirs {
        out.push_str(&format!("rule dir:  {}\n", d.display()));
    }
    let (fail_on, origin) = &settings.fail_on;
    out.push_str(&format!(
        "fail-on:   {:<8} {origin}\n",
        format!("{fail_on:?}").to_lowercase()
    ));
    let (max, origin) = &settings.max_findings_per_rule;
    out.push_str(&format!(
        "max-findings-per-rule: {max} {origin}\n\nrules:\n"
    ));
    for (id, (level, origin)) in &settings.levels {
        out.push_str(&format!("  {id:<30} {:<8} {origin}\n", level_name(*level)));
    }
    out
}

/// `zglint parse FILE`: what zglint read off a report.
pub fn parse(path: &Path, json: bool) -> ExitCode {
    match zglint::read(path) {
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Ok(text) => {
            let (doc, facts) = zglint::analyse(&text);
            let out = if json {
                let value = serde_json::json!({ "document": doc, "facts": facts });
                serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
            } else {
                // The packaged rules say which percentages they could not check.
                let unchecked = Pack::packaged()
                    .map(|p| p.unchecked(&doc, &facts))
                    .unwrap_or_default();
                zglint::render::outline::render(&doc, &facts, &unchecked)
            };
            print(&out);
            ExitCode::SUCCESS
        }
    }
}
