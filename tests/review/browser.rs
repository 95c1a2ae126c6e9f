// Headless Chromium for the review page's tests: the DOM after the page's script ran, and a
// screenshot. Chromium is part of the test set-up (Debian's `chromium` package): a machine
// without it fails these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The browser's executable: `$CHROMIUM`, else `chromium` on the PATH.
fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return PathBuf::from(path);
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromium"))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "headless Chromium is needed to test the review page and `chromium` is not on the \
             PATH: apt-get install chromium (or set CHROMIUM to the browser)"
        )
    })
}

/// Where screenshots and pages are kept: `$ZGLINT_ARTIFACTS`, else artifacts/review in the target folder.
pub fn artifacts() -> PathBuf {
    let dir = std::env::var_os("ZGLINT_ARTIFACTS").map_or_else(
        // Cargo's target folder (CARGO_TARGET_TMPDIR is its tmp/), wherever CARGO_TARGET_DIR puts it.
        || PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../artifacts/review"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

/// The DOM of `page` after load, as Chromium serializes it.
pub fn dump_dom(page: &Path) -> String {
    dump_dom_with(page, "")
}

/// The DOM of `page` opened with a query string (e.g. "?off=info").
pub fn dump_dom_with(page: &Path, query: &str) -> String {
    run(page, query, &["--dump-dom".to_string()])
}

/// A 1280×2000 screenshot of the top of `page`, written to `png`.
pub fn screenshot(page: &Path, png: &Path) {
    let _ = std::fs::remove_file(png);
    run(
        page,
        "",
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".to_string(),
            "--hide-scrollbars".to_string(),
        ],
    );
    assert!(
        png.is_file(),
        "chromium wrote no screenshot at {}",
        png.display()
    );
}

/// Run the browser on a page with its own profile; its standard output.
fn run(page: &Path, query: &str, args: &[String]) -> String {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let page = page.canonicalize().expect("page path");
    let profile = std::env::temp_dir().join(format!(
        "zglint-chromium-{}-{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    let out_file = profile.with_extension("out");
    let stdout = std::fs::File::create(&out_file).expect("browser output file");
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}{query}", page.display()))
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start chromium ({e}): apt-get install chromium"));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 180 s on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = std::fs::remove_dir_all(&profile);
    let out = std::fs::read_to_string(&out_file).expect("browser output");
    let _ = std::fs::remove_file(&out_file);
    assert!(
        status.success(),
        "chromium failed ({status}) on {}",
        page.display()
    );
    out
}
