//! `zglint check`: configuration per file, the check, fixes, baseline, output, exit code.

use super::Selection;
use super::info::cli_settings;
use clap::ValueEnum;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zglint::check::{self, FileResult, baseline::Baseline};
use zglint::config::{self, CliSettings, Config, RuleInfo, Settings};
use zglint::render::{Lang, Render};
use zglint::rules::pack::Pack;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Report files or folders to check (folders recursively, hidden and .gitignored files
    /// skipped); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// In folders, check the files matching these globs (`*.txt`; `!drafts/**` leaves out)
    /// instead of the default extensions txt, md, markdown, docx, html, htm.
    #[arg(long, value_name = "GLOB")]
    glob: Vec<String>,
    /// Check files on N threads [default: every core].
    #[arg(
        long,
        short = 'j',
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    jobs: usize,
    /// No progress line on standard error.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// The encoding of text files and web pages: utf-8, gb18030, gbk, utf-16le, utf-16be or
    /// utf-16 [default: detected].
    #[arg(long, value_name = "ENCODING")]
    encoding: Option<zglint::input::Encoding>,
    /// The file name standard input (`-`) stands for: its extension chooses the reader (.docx,
    /// .html, .md, .txt), its folder the configuration, and it names the input in the output.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    statistics: bool,
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
    /// Exit 0 even when findings are reported or no file was found to check (errors reading
    /// files or writing outputs still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// A run that finds no report file to check (an empty folder, a glob that matches nothing)
    /// exits 0 instead of 2; the warning is still printed.
    #[arg(long)]
    allow_empty: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Each file's summary and its findings, for people.
    Human,
    /// The JSON document of OUTPUT.md, for scripts and CI.
    Json,
    /// One line per finding: `path:line:col: level[rule] message`.
    Concise,
    /// GitHub Actions workflow commands, which annotate the changed files.
    Github,
    /// JUnit XML: a test suite per report, a failed test case per error or warning.
    Junit,
    /// SARIF 2.1.0, for code scanning, with each rule's explanation.
    Sarif,
    /// The review page: one self-contained HTML file (use with -o review.html).
    Html,
    /// The report as a Word file with a comment per finding (use with -o reviewed.docx).
    Docx,
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
pub(super) struct Setup {
    pub(super) config: Option<Config>,
    pub(super) pack: Pack,
    pub(super) rules: Vec<RuleInfo>,
}

/// One checked file, with what the run does with it.
struct Done {
    /// The file (for standard input, the name it stands for).
    path: PathBuf,
    result: FileResult,
    /// The settings it was checked with (None when it could not be read).
    settings: Option<Settings>,
    /// The fixes as a diff, under `--diff`.
    diff: String,
    /// Findings fixed and written, under `--fix`.
    fixed: usize,
    /// Why the fixes could not be written back, under `--fix` (the findings are still shown).
    fix_error: Option<String>,
    /// Standard input with its fixes applied, under `--fix -`: it goes to standard output.
    fixed_stdin: Option<Vec<u8>>,
}

pub fn run(args: CheckArgs, lang: Option<Lang>) -> ExitCode {
    let cli = cli_settings(&args.selection);
    let discover_options = match zglint::run::discover::DiscoverOptions::new(&args.glob) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    // Folders become their report files, sorted by path; standard input comes last.
    let (named, stdin): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p != Path::new("-"));
    let walk = zglint::run::discover::discover(&named, &discover_options);
    let mut files = walk.files;
    files.extend(stdin.into_iter().take(1));
    // Nothing to check is most often a wrong path or glob: say so, and fail unless allowed.
    let empty = files.is_empty() && walk.errors.is_empty();
    if empty {
        let names: Vec<String> = args
            .paths
            .iter()
            .map(|p| zglint::text::escape_path(&p.display().to_string()).into_owned())
            .collect();
        let looked_for = if args.glob.is_empty() {
            "files ending .txt, .md, .markdown, .docx, .html or .htm".to_string()
        } else {
            format!("files matching --glob {}", args.glob.join(" "))
        };
        eprintln!(
            "warning: no report file to check in {}: looked for {looked_for} (--allow-empty exits 0)",
            names.join(", ")
        );
    }
    let (setups, which) = match setups(&files, &args, &cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // The packs serve the whole run, which ends with the process: freeing their compiled
    // patterns one by one at the end would be work for nothing.
    let setups = std::mem::ManuallyDrop::new(setups);
    let setup_of: HashMap<PathBuf, usize> = files.iter().cloned().zip(which).collect();
    let baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    if args.statistics
        && !matches!(
            args.format,
            CheckFormat::Human | CheckFormat::Concise | CheckFormat::Json
        )
    {
        eprintln!(
            "error: --statistics prints a table (--format human or concise) or JSON (--format json), not this format"
        );
        return ExitCode::from(2);
    }
    let mut recorded = args.write_baseline.as_deref().map(Baseline::new);
    if matches!(args.format, CheckFormat::Docx) && !args.statistics {
        if let Err(e) = zglint::render::docx::output(args.output.as_deref(), &files) {
            eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
            return ExitCode::from(2);
        }
    }
    if let Err(e) = outputs_are_not_inputs(&args, &files) {
        eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
        return ExitCode::from(2);
    }
    if args.fix || args.output.is_some() || args.write_baseline.is_some() {
        ignore_file_size_signal();
    }
    // Under `--fix -` the fixed text is standard output, so the report goes to standard error
    // (or to -o FILE).
    let fixing_stdin = args.fix && !args.diff && files.iter().any(|f| f == Path::new("-"));
    let mut sink = match &args.output {
        Some(path) if path == Path::new("-") => Sink::Stream(Stream::stdout()),
        Some(path) => Sink::File(path.clone(), Vec::new()),
        None if fixing_stdin => Sink::Stream(Stream::stderr()),
        None => Sink::Stream(Stream::stdout()),
    };
    let mut stdout = Stream::stdout();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && !fixing_stdin
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    // The command line's language, or the (first) configuration's, or Chinese.
    let lang = lang
        .or_else(|| {
            setups
                .iter()
                .find_map(|s| s.config.as_ref().and_then(|c| c.file.lang))
        })
        .unwrap_or_default();
    let mut renderer = renderer(&args, color, &setups, lang);
    let quiet_output = args.diff || recorded.is_some();
    let mut write = |text: String| {
        if !quiet_output {
            sink.write(text.as_bytes());
        }
    };
    write(renderer.start());
    let (mut errors, mut failing, mut diffs, mut fixed) = (false, false, false, 0);
    // Paths that could not be walked take their place in path order among the files.
    let mut walk_errors = walk.errors.clone();
    walk_errors.sort_by(|a, b| a.path.cmp(&b.path));
    let mut unwalked = walk_errors.iter().peekable();
    let mut flush_unwalked = |before: Option<&Path>, renderer: &mut Box<dyn Render>| {
        let mut out = String::new();
        while let Some(e) = unwalked.next_if(|e| before.is_none_or(|b| e.path.as_path() < b)) {
            eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
            let result = FileResult {
                path: e.path.display().to_string(),
                outcome: Err(e.to_string()),
            };
            out.push_str(&renderer.file(&result));
        }
        out
    };
    errors |= !walk.errors.is_empty();
    let mut progress = zglint::run::progress::Progress::new(files.len(), args.quiet);
    let check = |path: &Path| {
        let setup = &setups[setup_of[path]];
        check_one(path, setup, &cli, &args, baseline.as_ref())
    };
    zglint::run::batch::run(files.clone(), args.jobs, check, |done: Done| {
        progress.clear();
        if let Err(e) = &done.result.outcome {
            eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
            errors = true;
        }
        if let Some(e) = &done.fix_error {
            eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
            errors = true;
        }
        if let (Ok(c), Some(s)) = (&done.result.outcome, &done.settings) {
            failing |= c.findings.iter().any(|f| f.level >= s.fail_on.0.level());
            if let Some(b) = recorded.as_mut() {
                b.record(&done.path, c);
            }
        }
        if !done.diff.is_empty() {
            diffs = true;
            stdout.write(done.diff.as_bytes());
        }
        if let Some(text) = &done.fixed_stdin {
            stdout.write(text);
        }
        fixed += done.fixed;
        write(flush_unwalked(Some(&done.path), &mut renderer));
        write(renderer.file(&done.result));
        progress.record(&done.result);
    });
    progress.finish();
    write(flush_unwalked(None, &mut renderer));
    write(renderer.finish());
    match renderer.binary().filter(|_| !quiet_output) {
        Some(Ok(bytes)) => sink.write(&bytes),
        Some(Err(e)) => {
            if !e.is_empty() {
                eprintln!("error: {}", zglint::text::escape_controls(&e));
            }
            errors = true;
        }
        None => {}
    }
    // Outputs are written once the run is over, each whole or not at all.
    for e in [sink.finish(), stdout.finish()].into_iter().flatten() {
        eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
        errors = true;
    }
    if fixed > 0 {
        eprintln!(
            "zglint: fixed {fixed} finding{}",
            if fixed == 1 { "" } else { "s" }
        );
    }
    if let (Some(b), Some(path)) = (recorded, &args.write_baseline) {
        if let Err(e) = zglint::run::replace::write_output(path, b.to_json().as_bytes()) {
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
    if errors || empty && !args.allow_empty && !args.exit_zero {
        ExitCode::from(2)
    } else if failing && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Refuse an output file (`-o`, `--write-baseline`) that is also one of the run's inputs: a
/// report, the baseline, or a configuration named on the command line. Files are compared by
/// identity (device and inode), so another name or a link for the same file is caught too.
fn outputs_are_not_inputs(args: &CheckArgs, files: &[PathBuf]) -> Result<(), String> {
    let outputs = [
        (args.output.as_deref(), "-o"),
        (args.write_baseline.as_deref(), "--write-baseline"),
    ];
    let inputs = files
        .iter()
        .filter(|f| *f != Path::new("-"))
        .map(|f| (f.as_path(), "a report to check"))
        .chain(args.baseline.as_deref().map(|b| (b, "the baseline")))
        .chain(
            args.selection
                .config
                .as_deref()
                .map(|c| (c, "the configuration")),
        );
    let inputs: Vec<(&Path, &str)> = inputs.collect();
    for (output, option) in outputs {
        let Some(output) = output else { continue };
        if let Some((input, what)) = inputs
            .iter()
            .find(|(input, _)| zglint::run::replace::same_file(output, input))
        {
            return Err(format!(
                "{}: the output file ({option}) is {what} ({}); it would be overwritten. Write the output to another file",
                output.display(),
                input.display()
            ));
        }
    }
    Ok(())
}

/// A file-size limit (`ulimit -f`) ends a process that writes past it, which would leave a
/// temporary file behind: with the signal ignored the write fails instead, and is reported.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to ignored, before any thread that writes starts.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// Where the report goes: a file written at the end of the run, or a stream.
enum Sink {
    File(PathBuf, Vec<u8>),
    Stream(Stream),
}

impl Sink {
    fn write(&mut self, bytes: &[u8]) {
        match self {
            Sink::File(_, buffer) => buffer.extend_from_slice(bytes),
            Sink::Stream(s) => s.write(bytes),
        }
    }

    /// Write the file whole, or flush the stream; the error names where it went.
    fn finish(self) -> Option<String> {
        match self {
            Sink::File(path, buffer) => zglint::run::replace::write_output(&path, &buffer)
                .err()
                .map(|e| format!("{}: cannot write: {e}", path.display())),
            Sink::Stream(s) => s.finish(),
        }
    }
}

/// Standard output or standard error, remembering the first failed write. A reader that
/// closes the pipe early (`| head`) is not an error.
struct Stream {
    out: Box<dyn Write>,
    name: &'static str,
    error: Option<std::io::Error>,
}

impl Stream {
    fn stdout() -> Self {
        Stream {
            out: Box::new(std::io::stdout()),
            name: "standard output",
            error: None,
        }
    }

    fn stderr() -> Self {
        Stream {
            out: Box::new(std::io::stderr()),
            name: "standard error",
            error: None,
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.error.is_none() {
            self.error = self.out.write_all(bytes).err();
        }
    }

    fn finish(mut self) -> Option<String> {
        if self.error.is_none() {
            self.error = self.out.flush().err();
        }
        self.error
            .filter(|e| e.kind() != std::io::ErrorKind::BrokenPipe)
            .map(|e| format!("{}: cannot write: {e}", self.name))
    }
}

/// The output format's renderer.
fn renderer(args: &CheckArgs, color: bool, setups: &[Setup], lang: Lang) -> Box<dyn Render> {
    use zglint::render::*;
    let mut names = setups
        .first()
        .map(|s| RuleNames::of(&s.pack))
        .or_else(|| Pack::packaged().ok().map(|p| RuleNames::of(&p)))
        .unwrap_or_default();
    for setup in setups.iter().skip(1) {
        names.add(&setup.pack);
    }
    if args.statistics {
        return Box::new(match args.format {
            CheckFormat::Json => statistics::Statistics::json(),
            _ => statistics::Statistics::default(),
        });
    }
    match args.format {
        CheckFormat::Human => Box::new(human::Human::named(color, names).with_lang(lang)),
        CheckFormat::Json => Box::new(json::Json::default()),
        CheckFormat::Concise => Box::new(concise::Concise),
        CheckFormat::Github => Box::new(github::Github),
        CheckFormat::Junit => Box::new(junit::Junit),
        CheckFormat::Sarif => {
            let Some((first, rest)) = setups.split_first() else {
                // Nothing to check (an empty folder, only missing files), so no configuration
                // was loaded: describe the rules of the command line's folders, or failing
                // that the packaged ones. Loading them here never changes the exit code, which
                // is the same in every format.
                let pack = super::load_pack(&args.selection.rules, &mut Default::default())
                    .ok()
                    .or_else(|| Pack::packaged().ok())
                    .unwrap_or_default();
                return Box::new(sarif::Sarif::new(&pack));
            };
            let mut sarif = sarif::Sarif::new(&first.pack);
            for setup in rest {
                sarif.add_pack(&setup.pack);
            }
            Box::new(sarif)
        }
        CheckFormat::Html => Box::new(html::Html::new(lang, names)),
        CheckFormat::Docx => Box::new(docx::Docx::default()),
    }
}

/// Load the configuration of every file (each found once) and its rule pack; on an error, say
/// why and give the exit code.
fn setups(
    files: &[PathBuf],
    args: &CheckArgs,
    cli: &CliSettings,
) -> Result<(Vec<Setup>, Vec<usize>), ExitCode> {
    let mut by_config: HashMap<Option<PathBuf>, usize> = HashMap::new();
    let mut by_dir: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut setups = Vec::new();
    let mut which = Vec::new();
    // The warnings of the packs loaded so far, each said once.
    let mut said = std::collections::BTreeSet::new();
    for path in files {
        // Standard input takes its configuration from the folder of the name it stands for.
        let path = match &args.stdin_filename {
            Some(name) if path == Path::new("-") => name,
            _ => path,
        };
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
        let setup = load_setup(found.as_deref(), &args.selection.rules, cli, &mut said)?;
        by_config.insert(found, setups.len());
        which.push(setups.len());
        setups.push(setup);
    }
    Ok((setups, which))
}

pub(super) fn load_setup(
    found: Option<&Path>,
    extra: &[PathBuf],
    cli: &CliSettings,
    said: &mut std::collections::BTreeSet<String>,
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
    let pack = super::load_pack(&dirs, said).map_err(|e| report(miette::Report::new(e)))?;
    let rules = check::known_rules(&pack);
    if let Some(c) = &config {
        c.validate(&rules)
            .map_err(|e| report(miette::Report::new(e)))?;
    }
    if let Err(e) = config::validate_cli(cli, &rules) {
        eprintln!("error: {}", zglint::text::escape_controls(&e.to_string()));
        return Err(ExitCode::from(2));
    }
    Ok(Setup {
        config,
        pack,
        rules,
    })
}

/// Read one file and check it ([`zglint::check()`]); apply or show its fixes and drop what the
/// baseline records. What is left here is input, output and the run's bookkeeping.
fn check_one(
    path: &Path,
    setup: &Setup,
    cli: &CliSettings,
    args: &CheckArgs,
    baseline: Option<&Baseline>,
) -> Done {
    let opts = zglint::ReadOptions {
        encoding: args.encoding,
        ..Default::default()
    };
    let stdin = path == Path::new("-");
    let path = match (&args.stdin_filename, stdin) {
        (Some(name), true) => name.as_path(),
        _ => path,
    };
    let name = path.display().to_string();
    let mut done = Done {
        path: path.to_path_buf(),
        result: FileResult {
            path: name.clone(),
            outcome: Err(String::new()),
        },
        settings: None,
        diff: String::new(),
        fixed: 0,
        fix_error: None,
        fixed_stdin: None,
    };
    // Standard input is kept as read, to echo it under `--fix -` when there is nothing to fix.
    let read = if stdin {
        let limit = opts.limits.file_bytes;
        let mut bytes = Vec::new();
        match std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin().lock(), limit.saturating_add(1)),
            &mut bytes,
        ) {
            Ok(_) => {
                if args.fix && !args.diff {
                    done.fixed_stdin = Some(bytes.clone());
                }
                zglint::input::read_bytes(&name, bytes, &opts)
            }
            Err(source) => Err(zglint::input::ReadError::Io {
                path: name.clone(),
                source,
            }),
        }
    } else {
        zglint::read_input(path, &opts)
    };
    let mut input = match read {
        Ok(input) => input,
        Err(e) => {
            done.result.outcome = Err(e.to_string());
            done.fixed_stdin = None;
            return done;
        }
    };
    let settings = config::resolve(setup.config.as_ref(), cli, &setup.rules, path);
    if args.fix || args.diff {
        let markdown = zglint::input::is_markdown(&name);
        let out = check::fix(&input, markdown, &setup.pack, &settings);
        if out.applied > 0 {
            if args.diff {
                done.diff = check::fix::diff(&name, input.written(), &out.text);
            } else {
                // Fixes go back in the file's own encoding, replacing the file whole; a .docx
                // or a web page is not rewritten. Standard input's go to standard output.
                let written = match input.format.encode(&out.text) {
                    Some(bytes) if stdin => {
                        done.fixed_stdin = Some(bytes);
                        Ok(())
                    }
                    Some(bytes) => zglint::run::replace::replace(path, &bytes)
                        .map_err(|e| format!("cannot write the fixes: {e}")),
                    None => Err(format!(
                        "cannot write the fixes: zglint cannot rewrite a {}; see them with --diff",
                        input.format
                    )),
                };
                match written {
                    Ok(()) => {
                        done.fixed = out.applied;
                        input = check::rewritten(&input, out.text, markdown);
                    }
                    // The findings are still reported, those of the text as it is.
                    Err(e) => {
                        done.fix_error = Some(format!("{name}: {e}"));
                        done.fixed_stdin = None;
                    }
                }
            }
        }
    }
    let mut checked = zglint::check(&input, &setup.pack, &settings);
    if let Some(b) = baseline {
        b.filter(path, &mut checked);
    }
    done.result.outcome = Ok(checked);
    done.settings = Some(settings);
    done
}
