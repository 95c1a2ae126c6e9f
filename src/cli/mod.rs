//! The command line's arguments and the commands they run.

mod check;
mod info;
mod serve;

use clap::{Parser, Subcommand, ValueEnum};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use zglint::config::FailOn;
use zglint::render::Lang;
use zglint::rules::pack::Pack;

#[derive(Parser)]
#[command(
    name = "zglint",
    version,
    about = "Lint Chinese rectification progress reports (整改进展情况通报)"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the output for people (the human format, the review page, `rules`,
    /// `explain`, `serve`'s pages): zh (Chinese) or en (English) [default: zh, or the
    /// configuration's `lang`].
    /// Machine formats keep their ids and keys.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<Lang>,
}

/// Rule selection and configuration, shared by `check` and `config`.
#[derive(clap::Args, Clone)]
pub struct Selection {
    /// A configuration file to use instead of the `zglint.yaml` / `.zglint.yaml` found upward
    /// from each checked file.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Check only these rules (ids or kinds, comma-separated); replaces the configuration's
    /// `select`.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Do not check these rules (ids or kinds, comma-separated); added to the configuration's.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    ignore: Vec<String>,
    /// The lowest level that makes the run fail (exit 1) [default: error, or the configuration's].
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<FailOn>,
    /// Show at most N findings of one rule in one file, and how many more there were (0: no
    /// limit) [default: 100, or the configuration's].
    #[arg(long, value_name = "N")]
    max_findings_per_rule: Option<usize>,
    /// A folder of YAML rules to add; a rule with a packaged rule's id replaces it.
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports for internal consistency.
    Check(check::CheckArgs),
    /// List every rule: id, kind, level and a one-line description.
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
    /// Show the configuration in force for a file: each rule's level, the failing level, and
    /// where each value came from.
    Config {
        /// The report whose configuration to show [default: a file in the current folder].
        path: Option<PathBuf>,
        #[command(flatten)]
        selection: Selection,
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
    /// Serve diagnostics, hover and fixes to editors: a Language Server on standard input/output.
    Lsp,
    /// Serve the review page to an office: editors upload a report in a browser, see its
    /// findings and download the commented Word file. Nothing is stored.
    Serve(serve::ServeArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    /// A readable outline.
    Text,
    /// The document tree and facts as JSON.
    Json,
}

/// Run a command; the exit code follows OUTPUT.md (0, 1 on failing findings, 2 on errors).
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check::run(args, cli.lang),
        Command::Rules { rules } => with_pack(&rules, |pack| {
            info::rules(pack, cli.lang.unwrap_or_default())
        }),
        Command::Explain { name, rules } => with_pack(&rules, |pack| {
            info::explain(pack, &name, cli.lang.unwrap_or_default())
        }),
        Command::Config { path, selection } => info::config(path, &selection),
        Command::Parse { path, format } => info::parse(&path, matches!(format, ParseFormat::Json)),
        Command::Lsp => ExitCode::from(zglint::lsp::run_stdio()),
        Command::Serve(args) => serve::run(args, cli.lang),
    }
}

/// Run `f` with the rule pack, or report why it cannot be loaded (exit 2).
fn with_pack(dirs: &[PathBuf], f: impl FnOnce(&Pack) -> ExitCode) -> ExitCode {
    match load_pack(dirs, &mut BTreeSet::new()) {
        Ok(pack) => f(&pack),
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            ExitCode::from(2)
        }
    }
}

/// The packaged rules and those of the given folders, in order. Each warning is said once a
/// run, though a run may load the same folders for several files: `said` holds those the run
/// has said.
#[allow(clippy::result_large_err)]
fn load_pack(
    dirs: &[PathBuf],
    said: &mut BTreeSet<String>,
) -> Result<Pack, zglint::rules::pack::PackError> {
    let mut pack = Pack::packaged()?;
    for dir in dirs {
        pack.add_dir(dir)?;
    }
    for w in &pack.warnings {
        if said.insert(w.clone()) {
            eprintln!("warning: {w}");
        }
    }
    Ok(pack)
}

/// Print to standard output; a closed pipe (`| head`) is not an error.
fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
