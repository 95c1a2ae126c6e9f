//! The files a batch run checks: paths given on the command line, folders walked recursively.
//!
//! A folder is walked with the `ignore` crate, as ripgrep walks one: hidden files and folders
//! and those a `.gitignore` (or `.ignore`) names are skipped, symbolic links are followed and
//! loops among them reported. A file named on the command line is always checked.

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The extensions checked in a folder when no `--glob` chooses (compared ignoring case).
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "docx", "html", "htm"];

/// How to walk folders: which of their files to check.
#[derive(Debug, Clone, Default)]
pub struct DiscoverOptions {
    selection: Selection,
}

impl DiscoverOptions {
    /// Options choosing files by `globs` (`--glob`), matched against the path below the folder
    /// given (`*.txt` matches at any depth). A glob starting with `!` leaves files out. With
    /// no glob that chooses, the [`DEFAULT_EXTENSIONS`] are checked.
    pub fn new(globs: &[String]) -> Result<DiscoverOptions, GlobError> {
        Ok(DiscoverOptions {
            selection: Selection::new(globs)?,
        })
    }
}

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
#[error("{}: {problem}", path.display())]
#[diagnostic(code(zglint::walk))]
pub struct DiscoverError {
    /// The path.
    pub path: PathBuf,
    /// What went wrong.
    pub problem: String,
}

/// A glob given with `--glob` that is not a valid glob.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("--glob `{glob}`: {problem}")]
#[diagnostic(code(zglint::glob))]
pub struct GlobError {
    /// The glob as given.
    pub glob: String,
    /// Why it is not valid.
    pub problem: String,
}

/// The outcome of a walk: the files to check, and the paths that could not be walked.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files to check, sorted by path, each once.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked (missing, unreadable, a symbolic-link loop), sorted.
    pub errors: Vec<DiscoverError>,
}

/// Which files of a folder to check.
#[derive(Debug, Clone, Default)]
struct Selection {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Selection {
    fn new(globs: &[String]) -> Result<Selection, GlobError> {
        let mut include = GlobSetBuilder::new();
        let mut exclude = GlobSetBuilder::new();
        let mut includes = 0;
        for g in globs {
            let (set, pattern) = match g.strip_prefix('!') {
                Some(p) => (&mut exclude, p),
                None => {
                    includes += 1;
                    (&mut include, g.as_str())
                }
            };
            let glob = Glob::new(pattern).map_err(|e| GlobError {
                glob: g.clone(),
                problem: e.kind().to_string(),
            })?;
            set.add(glob);
        }
        let build = |b: GlobSetBuilder| b.build().expect("globs already checked one by one");
        Ok(Selection {
            include: (includes > 0).then(|| build(include)),
            exclude: build(exclude),
        })
    }

    /// Whether a file found at `relative` below a folder given is checked.
    fn chooses(&self, relative: &Path) -> bool {
        let included = match &self.include {
            Some(set) => set.is_match(relative),
            None => relative
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| DEFAULT_EXTENSIONS.iter().any(|d| d.eq_ignore_ascii_case(x))),
        };
        included && !self.exclude.is_match(relative)
    }
}

/// Expand files and folders into the files to check.
///
/// A path that is not a folder is kept whatever its name; a folder is walked recursively and
/// its regular files chosen by the options. Whatever cannot be walked is listed in
/// [`Discovered::errors`] and the walk goes on.
pub fn discover(paths: &[PathBuf], opts: &DiscoverOptions) -> Discovered {
    let selection = &opts.selection;
    let mut walk = Discovered::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, selection, &mut walk),
            Ok(_) => walk.files.push(path.clone()),
            Err(e) => walk.errors.push(DiscoverError {
                path: path.clone(),
                problem: e.to_string(),
            }),
        }
    }
    walk.files.sort();
    walk.files.dedup();
    // The same file reached by two spellings ("sub/../a.txt", "a.txt") or through links is
    // checked once, under its shortest path.
    let mut shortest: HashMap<PathBuf, &PathBuf> = HashMap::new();
    for p in &walk.files {
        let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        let kept = shortest.entry(key).or_insert(p);
        if p.components().count() < kept.components().count() {
            *kept = p;
        }
    }
    let keep: HashSet<PathBuf> = shortest.into_values().cloned().collect();
    walk.files.retain(|p| keep.contains(p));
    walk.errors.sort_by(|a, b| a.path.cmp(&b.path));
    walk.errors.dedup();
    walk
}

fn walk_dir(root: &Path, selection: &Selection, walk: &mut Discovered) {
    let walker = ignore::WalkBuilder::new(root)
        .follow_links(true)
        // A folder of reports need not be a git repository for its .gitignore to count.
        .require_git(false)
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                walk.errors.push(walk_error(root, &e));
                continue;
            }
        };
        if let Some(e) = entry.error() {
            // A .gitignore that could not be read or parsed: the walk went on without it.
            walk.errors.push(walk_error(root, e));
        }
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            continue;
        }
        let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
        if !selection.chooses(relative) {
            continue;
        }
        if kind.is_file() {
            // A review page zglint wrote (`--format html -o review.html .`) is no report.
            if !is_zglint_output(entry.path()) {
                walk.files.push(entry.into_path());
            }
        } else {
            // A FIFO, socket or device named like a report: reading it could block forever.
            walk.errors.push(DiscoverError {
                path: entry.into_path(),
                problem: "not a regular file".to_string(),
            });
        }
    }
}

/// Whether a file found in a folder is an output of zglint, known by its content: a web page
/// whose head names zglint as its generator (or, from before the tag, carries the review
/// page's title).
pub fn is_zglint_output(path: &Path) -> bool {
    let web = path.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        e == "html" || e == "htm"
    });
    if !web {
        return false;
    }
    let mut head = Vec::with_capacity(1024);
    let read = std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 1024), &mut head));
    if read.is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    head.contains("<meta name=\"generator\" content=\"zglint\">")
        || head.contains("<title>zglint 审阅 review</title>")
}

/// The path an `ignore` error is about, and a plain statement of the problem.
fn walk_error(root: &Path, err: &ignore::Error) -> DiscoverError {
    let mut path = None;
    let mut e = err;
    loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert_with(|| p.clone());
                e = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                e = err
            }
            ignore::Error::Partial(errs) if errs.len() == 1 => e = &errs[0],
            _ => break,
        }
    }
    let (path, problem) = match e {
        ignore::Error::Loop { ancestor, child } => (
            child.clone(),
            format!(
                "a symbolic-link loop: it leads back to {}",
                ancestor.display()
            ),
        ),
        other => {
            let path = path.unwrap_or_else(|| root.to_path_buf());
            let dangling = matches!(other, ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound)
                && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            let problem = if dangling {
                "a symbolic link to nothing (its target does not exist)".to_string()
            } else {
                other.to_string()
            };
            (path, problem)
        }
    };
    DiscoverError { path, problem }
}
