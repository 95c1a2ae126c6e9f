//! Batch runs: which files a walk finds, what it reports, and results in path order whatever
//! the threads do.

mod common;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use zglint::run::discover::{self, DiscoverOptions};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn names(root: &Path, files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .collect()
}

/// A folder of reports with files to skip: hidden, ignored, of other types.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in [
        "a.txt",
        "b.md",
        "c.html",
        "sub/d.TXT",
        "sub/deeper/e.markdown",
        "f.docx",
        "g.htm",
        "skip.pdf",
        "noext",
        ".hidden.txt",
        ".secret/x.txt",
        "ignored.txt",
        "build/out.txt",
    ] {
        write(d, name, "一、标题\n");
    }
    write(d, ".gitignore", "ignored.txt\nbuild/\n");
    dir
}

#[test]
fn folders_are_walked_recursively_skipping_hidden_ignored_and_other_types() {
    let dir = corpus();
    let walk = discover::discover(&[dir.path().to_path_buf()], &DiscoverOptions::default());
    assert!(walk.errors.is_empty(), "{:?}", walk.errors);
    assert_eq!(
        names(dir.path(), &walk.files),
        [
            "a.txt",
            "b.md",
            "c.html",
            "f.docx",
            "g.htm",
            "sub/d.TXT",
            "sub/deeper/e.markdown"
        ]
    );
}

#[test]
fn a_file_given_by_path_is_checked_whatever_its_name_and_only_once() {
    let dir = corpus();
    let d = dir.path();
    let paths = [
        d.join("skip.pdf"),
        d.join(".hidden.txt"),
        d.join("ignored.txt"),
        d.join("sub"),
        d.join("sub/d.TXT"),
        d.join("sub/./d.TXT"),
        d.join("sub/deeper/../d.TXT"),
        d.join("skip.pdf"),
        // A hidden folder given by path is walked.
        d.join(".secret"),
    ];
    let walk = discover::discover(&paths, &DiscoverOptions::default());
    assert!(walk.errors.is_empty(), "{:?}", walk.errors);
    assert_eq!(
        names(d, &walk.files),
        [
            ".hidden.txt",
            ".secret/x.txt",
            "ignored.txt",
            "skip.pdf",
            "sub/d.TXT",
            "sub/deeper/e.markdown"
        ]
    );
}

#[test]
fn globs_choose_files_and_leave_files_out() {
    let dir = corpus();
    let root = [dir.path().to_path_buf()];
    let with = |globs: &[&str]| {
        let globs: Vec<String> = globs.iter().map(|g| g.to_string()).collect();
        names(
            dir.path(),
            &discover::discover(&root, &DiscoverOptions::new(&globs).unwrap()).files,
        )
    };
    assert_eq!(with(&["*.md", "*.pdf"]), ["b.md", "skip.pdf"]);
    assert_eq!(with(&["sub/**"]), ["sub/d.TXT", "sub/deeper/e.markdown"]);
    assert_eq!(
        with(&["!sub/**", "!*.htm*"]),
        ["a.txt", "b.md", "f.docx"],
        "only exclusions: the default extensions, minus those"
    );
    let err = DiscoverOptions::new(&["a[".to_string()]).unwrap_err();
    assert!(err.to_string().starts_with("--glob `a[`: "), "{err}");
}

#[test]
fn unreadable_entries_and_symlink_loops_are_reported_and_the_walk_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good/a.txt", "一、标题\n");
    write(d, "good/z.txt", "一、标题\n");
    // A link to a file that does not exist.
    symlink(d.join("nowhere.txt"), d.join("good/dangling.txt")).unwrap();
    // A link to the folder it is in: followed naively it never ends.
    symlink(d.join("good"), d.join("good/loop")).unwrap();
    // A link to a sibling folder: its files are found twice, and checked once.
    write(d, "other/c.txt", "一、标题\n");
    symlink(d.join("other"), d.join("good/other")).unwrap();
    // A socket named like a report: opening it to read would fail or block.
    let _socket = std::os::unix::net::UnixListener::bind(d.join("good/socket.txt")).unwrap();
    // A folder its owner cannot read (not enforced for root, which reads anything).
    let locked = d.join("good/locked");
    write(d, "good/locked/b.txt", "一、标题\n");
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let enforced = std::fs::read_dir(&locked).is_err();

    let paths = [d.join("good"), d.join("missing.txt")];
    let walk = discover::discover(&paths, &DiscoverOptions::default());
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();

    let mut want = vec!["good/a.txt", "good/other/c.txt", "good/z.txt"];
    if !enforced {
        want.insert(1, "good/locked/b.txt");
    }
    assert_eq!(names(d, &walk.files), want);
    let errors: Vec<String> = walk
        .errors
        .iter()
        .map(|e| e.to_string().replace(&format!("{}/", d.display()), ""))
        .collect();
    let has = |prefix: &str, words: &str| {
        errors
            .iter()
            .any(|e| e.starts_with(prefix) && e.contains(words))
    };
    assert!(
        has("good/dangling.txt: ", "symbolic link to nothing"),
        "{errors:?}"
    );
    assert!(has("good/loop: ", "symbolic-link loop"), "{errors:?}");
    assert!(has("good/socket.txt: ", "not a regular file"), "{errors:?}");
    assert!(has("missing.txt: ", "No such file"), "{errors:?}");
    if enforced {
        assert!(has("good/locked: ", "denied"), "{errors:?}");
    }
    assert_eq!(errors.len(), if enforced { 5 } else { 4 }, "{errors:?}");
}

/// A deterministic pause of 0–3 ms that differs from file to file.
fn jitter(path: &Path) -> Duration {
    let h = path
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
        });
    Duration::from_micros(h % 3000)
}

#[test]
fn results_come_in_path_order_whatever_the_thread_timing() {
    let paths: Vec<PathBuf> = (0..400)
        .map(|i| PathBuf::from(format!("{i:04}.txt")))
        .collect();
    for jobs in [2, 3, 8] {
        let mut out = Vec::new();
        zglint::run::batch::run(
            paths.clone(),
            jobs,
            |p| {
                std::thread::sleep(jitter(p));
                p.to_path_buf()
            },
            |p| out.push(p),
        );
        assert_eq!(out, paths, "with {jobs} jobs");
    }
}

#[test]
fn results_stream_out_and_few_wait_in_memory() {
    let paths: Vec<PathBuf> = (0..300).map(|i| PathBuf::from(format!("{i:04}"))).collect();
    let jobs = 3;
    let pending = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    let started = AtomicUsize::new(0);
    let mut started_at_first_emit = None;
    let mut emitted = 0;
    zglint::run::batch::run(
        paths.clone(),
        jobs,
        |p| {
            started.fetch_add(1, Ordering::SeqCst);
            // The first file is slow: without a bound every other result would pile up.
            if p == Path::new("0000") {
                std::thread::sleep(Duration::from_millis(200));
            }
            let now = pending.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            p.to_path_buf()
        },
        |p| {
            started_at_first_emit.get_or_insert(started.load(Ordering::SeqCst));
            pending.fetch_sub(1, Ordering::SeqCst);
            assert_eq!(p, paths[emitted]);
            emitted += 1;
        },
    );
    assert_eq!(emitted, paths.len());
    let bound = zglint::run::batch::WINDOW_PER_JOB * jobs;
    let most = most.into_inner();
    assert!(most <= bound, "{most} results waited, more than {bound}");
    assert!(
        started_at_first_emit.unwrap() <= bound,
        "the first result came after the rest"
    );
}

#[test]
fn a_parallel_check_gives_the_same_output_as_a_serial_one() {
    let dir = common::fixture("");
    let walk = discover::discover(&[dir], &DiscoverOptions::default());
    assert!(walk.files.len() >= 3, "{:?}", walk.files);
    let pack = zglint::rules::pack::Pack::packaged().unwrap();
    let render = |jobs| {
        let mut json = zglint::render::json::Json::default();
        let mut out = zglint::render::Render::start(&mut json);
        zglint::run::batch::run(
            walk.files.clone(),
            jobs,
            |p| zglint::FileResult {
                path: p.display().to_string(),
                outcome: zglint::read(p)
                    .map(|t| zglint::check::check_str(&t, &pack))
                    .map_err(|e| e.to_string()),
            },
            |r| out.push_str(&zglint::render::Render::file(&mut json, &r)),
        );
        out + &zglint::render::Render::finish(&mut json)
    };
    let serial = render(1);
    assert!(serial.contains("\"diagnostics\""));
    assert_eq!(render(2), serial);
    assert_eq!(render(4), serial);
}
