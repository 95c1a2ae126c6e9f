//! The `zglint` command: parses arguments, runs the library's pipeline, prints, exits.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use zglint::finding::Level;
use zglint::pack::Pack;
use zglint::render::FileResult;

#[derive(Parser)]
#[command(
    name = "zglint",
    version,
    about = "Lint Chinese rectification progress reports (整改进展情况通报)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports for internal consistency.
    Check {
        /// Report files to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// A folder of YAML rules to add; a rule with a packaged rule's id replaces it.
        #[arg(long, value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// List every rule: id, kind, level and message.
    Rules {
        /// A folder of YAML rules to add, as for `check`.
        #[arg(long, value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Explain a rule (by id) or a rule kind (by name): what it checks, why, examples, parameters.
    Explain {
        /// A rule id such as `percent-mismatch`, or a kind such as `ratio`.
        name: String,
        /// A folder of YAML rules to add, as for `check`.
        #[arg(long, value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Show what zglint reads off a report: its tree, items, dates, figures and timeline, and
    /// the percentages the packaged rules did not check, with why.
    Parse {
        /// The report file.
        path: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// A summary and the findings, for people.
    Human,
    /// The JSON document of OUTPUT.md, for scripts and CI.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    /// A readable outline.
    Text,
    /// The document tree and facts as JSON.
    Json,
}

fn check_file(pack: &Pack, path: &std::path::Path) -> FileResult {
    let outcome = zglint::read(path)
        .map_err(|e| e.to_string())
        .map(|text| zglint::check_text(pack, &text));
    FileResult {
        path: path.display().to_string(),
        outcome,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            rules,
        } => {
            let pack = match load_pack(&rules) {
                Ok(pack) => pack,
                Err(e) => {
                    eprintln!("{:?}", miette::Report::new(e));
                    return ExitCode::from(2);
                }
            };
            let results: Vec<FileResult> = paths.iter().map(|p| check_file(&pack, p)).collect();
            let text = match format {
                CheckFormat::Json => zglint::render::json::render(&results),
                CheckFormat::Human => zglint::render::human::render(&results),
            };
            for r in &results {
                if let Err(e) = &r.outcome {
                    eprintln!("error: {e}");
                }
            }
            print(&text);
            exit_code(&results)
        }
        Command::Rules { rules } => with_pack(&rules, |pack| {
            let mut out = String::new();
            for r in &pack.rules {
                let level = format!("{:?}", r.spec.level).to_lowercase();
                out.push_str(&format!(
                    "{:<28} {:<15} {:<8} {}\n",
                    r.spec.id, r.kind.name, level, r.spec.message
                ));
            }
            print(&out);
            ExitCode::SUCCESS
        }),
        Command::Explain { name, rules } => with_pack(&rules, |pack| explain(pack, &name)),
        Command::Parse { path, format } => match zglint::read(&path) {
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
            Ok(text) => {
                let (doc, facts) = zglint::analyse(&text);
                let out = match format {
                    ParseFormat::Text => {
                        // The packaged rules say which percentages they could not check.
                        let unchecked = Pack::packaged()
                            .map(|p| p.unchecked(&doc, &facts))
                            .unwrap_or_default();
                        zglint::render::outline::render(&doc, &facts, &unchecked)
                    }
                    ParseFormat::Json => {
                        let value = serde_json::json!({ "document": doc, "facts": facts });
                        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
                    }
                };
                print(&out);
                ExitCode::SUCCESS
            }
        },
    }
}

/// Run `f` with the rule pack, or report why it cannot be loaded (exit 2).
fn with_pack(dirs: &[PathBuf], f: impl FnOnce(&Pack) -> ExitCode) -> ExitCode {
    match load_pack(dirs) {
        Ok(pack) => f(&pack),
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            ExitCode::from(2)
        }
    }
}

/// Print a rule's or a kind's explanation; exit 2 if there is no such rule or kind.
fn explain(pack: &Pack, name: &str) -> ExitCode {
    let rule = pack.rules.iter().find(|r| r.spec.id == name);
    let Some(kind) = rule.map(|r| r.kind).or_else(|| zglint::rules::kind(name)) else {
        eprintln!("error: no rule or kind named `{name}` (see `zglint rules`)");
        return ExitCode::from(2);
    };
    let mut out = String::new();
    if let Some(r) = rule {
        let level = format!("{:?}", r.spec.level).to_lowercase();
        out.push_str(&format!(
            "{} ({}, {level}, from {})\n",
            r.spec.id, kind.name, r.origin
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
    let rules_of_kind: Vec<&str> = pack
        .rules
        .iter()
        .filter(|r| r.kind.name == kind.name)
        .map(|r| r.spec.id.as_str())
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

/// The packaged rules and those of the `--rules` folders.
#[allow(clippy::result_large_err)]
fn load_pack(dirs: &[PathBuf]) -> Result<Pack, zglint::pack::PackError> {
    let mut pack = Pack::packaged()?;
    for dir in dirs {
        pack.add_dir(dir)?;
    }
    Ok(pack)
}

/// Print to standard output; a closed pipe (`| head`) is not an error.
fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// 2 if a file could not be read, 1 if a finding reaches the failing level, else 0.
fn exit_code(results: &[FileResult]) -> ExitCode {
    let unreadable = results.iter().any(|r| r.outcome.is_err());
    let failing = results.iter().any(|r| {
        r.outcome
            .as_ref()
            .is_ok_and(|c| c.findings.iter().any(|f| f.level >= Level::Error))
    });
    if unreadable {
        ExitCode::from(2)
    } else if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
