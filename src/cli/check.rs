//! `zglint check`: configuration per file, the check, fixes, baseline, output, exit code.

use super::Selection;
use super::info::cli_settings;
use clap::ValueEnum;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zglint::baseline::Baseline;
use zglint::config::{self, CliSettings, Config, RuleInfo, Settings};
use zglint::pack::Pack;
use zglint::render::{FileResult, Render};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Report files to check.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    selection: Selection,
    /// Report only findings that the baseline FILE does not record.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every finding in FILE as the baseline, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Apply safe fixes (renumbering headings that skip or repeat) to the files.
    #[arg(long)]
    fix: bool,
    /// Show the safe fixes as a unified diff; write nothing. Exits 1 when there is a fix.
    #[arg(long)]
    diff: bool,
    /// Colour in the human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Each file's summary and its findings, for people.
    Human,
    /// The JSON document of OUTPUT.md, for scripts and CI.
    Json,
    /// The review page: one self-contained HTML file (use with -o review.html).
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    /// When writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// What a configuration brings: itself, its rule pack, and the rules a run knows.
struct Setup {
    config: Option<Config>,
    pack: Pack,
    rules: Vec<RuleInfo>,
}

/// One checked file, with what the run does with it.
struct Done {
    result: FileResult,
    /// The settings it was checked with (None when it could not be read).
    settings: Option<Settings>,
    /// The fixes as a diff, under `--diff`.
    diff: String,
    /// Findings fixed and written, under `--fix`.
    fixed: usize,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let cli = cli_settings(&args.selection);
    let (setups, which) = match setups(&args, &cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut recorded = args.write_baseline.as_deref().map(Baseline::new);
    let mut sink: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("error: {}: cannot write: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut renderer: Box<dyn Render> = match args.format {
        CheckFormat::Human => Box::new(zglint::render::human::Human::new(color)),
        CheckFormat::Json => Box::new(zglint::render::json::Json::default()),
        CheckFormat::Html => Box::new(zglint::render::html::Html::default()),
    };
    let quiet_output = args.diff || recorded.is_some();
    let mut write = |text: String| {
        if !quiet_output {
            let _ = sink.write_all(text.as_bytes());
        }
    };
    write(renderer.start());
    let (mut errors, mut failing, mut diffs, mut fixed) = (false, false, false, 0);
    for (path, setup) in args.paths.iter().zip(&which) {
        let done = check_one(path, &setups[*setup], &cli, &args, baseline.as_ref());
        if let Err(e) = &done.result.outcome {
            eprintln!("error: {e}");
            errors = true;
        }
        if let (Ok(c), Some(s)) = (&done.result.outcome, &done.settings) {
            failing |= c.findings.iter().any(|f| f.level >= s.fail_on.0.level());
            if let Some(b) = recorded.as_mut() {
                b.record(path, &c.document, &c.findings);
            }
        }
        if !done.diff.is_empty() {
            diffs = true;
            super::print(&done.diff);
        }
        fixed += done.fixed;
        write(renderer.file(&done.result));
    }
    write(renderer.finish());
    let _ = sink.flush();
    drop(sink);
    if fixed > 0 {
        eprintln!(
            "zglint: fixed {fixed} finding{}",
            if fixed == 1 { "" } else { "s" }
        );
    }
    if let (Some(b), Some(path)) = (recorded, &args.write_baseline) {
        if let Err(e) = std::fs::write(path, b.to_json()) {
            eprintln!("error: {}: cannot write: {e}", path.display());
            return ExitCode::from(2);
        }
        eprintln!(
            "zglint: recorded {} finding{} in {}",
            b.len(),
            if b.len() == 1 { "" } else { "s" },
            path.display()
        );
        return ExitCode::from(if errors { 2 } else { 0 });
    }
    // Under --diff the exit says whether there is a fix to apply, as the findings are not shown.
    let failing = if args.diff { diffs } else { failing };
    if errors {
        ExitCode::from(2)
    } else if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Load the configuration of every file (each found once) and its rule pack; on an error, say
/// why and give the exit code.
fn setups(args: &CheckArgs, cli: &CliSettings) -> Result<(Vec<Setup>, Vec<usize>), ExitCode> {
    let mut by_config: HashMap<Option<PathBuf>, usize> = HashMap::new();
    let mut by_dir: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut setups = Vec::new();
    let mut which = Vec::new();
    for path in &args.paths {
        let found = match &args.selection.config {
            Some(c) => Some(c.clone()),
            None => {
                let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
                by_dir
                    .entry(dir)
                    .or_insert_with(|| config::discover(path))
                    .clone()
            }
        };
        if let Some(&i) = by_config.get(&found) {
            which.push(i);
            continue;
        }
        let setup = load_setup(found.as_deref(), &args.selection.rules, cli)?;
        by_config.insert(found, setups.len());
        which.push(setups.len());
        setups.push(setup);
    }
    Ok((setups, which))
}

fn load_setup(
    found: Option<&Path>,
    extra: &[PathBuf],
    cli: &CliSettings,
) -> Result<Setup, ExitCode> {
    let report = |e: miette::Report| {
        eprintln!("{e:?}");
        ExitCode::from(2)
    };
    let config = found
        .map(Config::load)
        .transpose()
        .map_err(|e| report(miette::Report::new(e)))?;
    let mut dirs = config.as_ref().map(Config::rule_dirs).unwrap_or_default();
    dirs.extend(extra.iter().cloned());
    let pack = super::load_pack(&dirs).map_err(|e| report(miette::Report::new(e)))?;
    let rules = zglint::lint::known_rules(&pack);
    if let Some(c) = &config {
        c.validate(&rules)
            .map_err(|e| report(miette::Report::new(e)))?;
    }
    if let Err(e) = config::validate_cli(cli, &rules) {
        eprintln!("error: {e}");
        return Err(ExitCode::from(2));
    }
    Ok(Setup {
        config,
        pack,
        rules,
    })
}

/// Read, check, fix and filter one file.
fn check_one(
    path: &Path,
    setup: &Setup,
    cli: &CliSettings,
    args: &CheckArgs,
    baseline: Option<&Baseline>,
) -> Done {
    let name = path.display().to_string();
    let text = match zglint::read(path) {
        Ok(t) => t,
        Err(e) => {
            return Done {
                result: FileResult {
                    path: name,
                    outcome: Err(e.to_string()),
                },
                settings: None,
                diff: String::new(),
                fixed: 0,
            };
        }
    };
    let settings = config::resolve(setup.config.as_ref(), cli, &setup.rules, path);
    let lint = |t: &str| zglint::lint::lint(&setup.pack, &setup.rules, &settings, t);
    let (mut diff, mut fixed, mut text) = (String::new(), 0, text);
    if args.fix || args.diff {
        let out = zglint::fix::fix(&text, |t| lint(t).findings);
        if out.applied > 0 {
            if args.diff {
                diff = zglint::fix::diff(&name, &text, &out.text);
            } else if let Err(e) = std::fs::write(path, &out.text) {
                return Done {
                    result: FileResult {
                        path: name.clone(),
                        outcome: Err(format!("{name}: cannot write the fixes: {e}")),
                    },
                    settings: None,
                    diff,
                    fixed,
                };
            } else {
                fixed = out.applied;
                text = out.text;
            }
        }
    }
    let mut checked = lint(&text);
    if let Some(b) = baseline {
        checked.findings = b.filter(
            path,
            &checked.document,
            std::mem::take(&mut checked.findings),
        );
    }
    Done {
        result: FileResult {
            path: name,
            outcome: Ok(checked),
        },
        settings: Some(settings),
        diff,
        fixed,
    }
}
