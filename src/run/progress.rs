//! A one-line progress display on standard error for long batch runs: files done of the total,
//! findings so far, megabytes per second.
//!
//! It draws only on a terminal, and only once a run has lasted long enough to need it, so
//! piped output, tests and one-file runs never see it.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How long a run goes before the display first appears.
const DELAY: Duration = Duration::from_millis(500);
/// How often the display is redrawn at most.
const INTERVAL: Duration = Duration::from_millis(100);

/// The progress of a batch run, drawn on a terminal.
pub struct Progress {
    out: Option<Box<dyn Write + Send>>,
    total: usize,
    done: usize,
    findings: usize,
    bytes: u64,
    started: Instant,
    drawn_at: Option<Instant>,
    shown: bool,
    delay: Duration,
}

impl Progress {
    /// Progress of a run over `total` files, drawn on standard error when it is a terminal and
    /// `quiet` is false; otherwise it draws nothing.
    pub fn new(total: usize, quiet: bool) -> Progress {
        let stderr = std::io::stderr();
        let out: Option<Box<dyn Write + Send>> = if !quiet && stderr.is_terminal() {
            Some(Box::new(stderr))
        } else {
            None
        };
        Progress::with_output(total, out, DELAY)
    }

    /// Progress drawn on `out` (None: not drawn), first after `delay`.
    pub fn with_output(
        total: usize,
        out: Option<Box<dyn Write + Send>>,
        delay: Duration,
    ) -> Progress {
        Progress {
            out,
            total,
            done: 0,
            findings: 0,
            bytes: 0,
            started: Instant::now(),
            drawn_at: None,
            shown: false,
            delay,
        }
    }

    /// Count a finished file of `bytes` bytes with `findings` findings, and redraw if due.
    pub fn file_done(&mut self, bytes: u64, findings: usize) {
        self.done += 1;
        self.bytes += bytes;
        self.findings += findings;
        let now = Instant::now();
        let due = match self.drawn_at {
            _ if now.duration_since(self.started) < self.delay => false,
            Some(at) if self.shown => now.duration_since(at) >= INTERVAL,
            _ => true,
        };
        if due {
            let text = line(
                self.done,
                self.total,
                self.findings,
                self.bytes,
                now.duration_since(self.started),
            );
            self.write(&format!("\r\x1b[2K{text}"));
            self.drawn_at = Some(now);
            self.shown = true;
        }
    }

    /// Count a checked file: its size and findings (an unreadable file counts no bytes).
    pub fn record(&mut self, file: &crate::check::FileResult) {
        match &file.outcome {
            Ok(c) => self.file_done(c.written.len() as u64, c.findings.len()),
            Err(_) => self.file_done(0, 0),
        }
    }

    /// Erase the display before something else is written to the terminal; the next
    /// [`Progress::file_done`] draws it again.
    pub fn clear(&mut self) {
        if self.shown {
            self.write("\r\x1b[2K");
            self.shown = false;
        }
    }

    /// Erase the display at the end of a run.
    pub fn finish(mut self) {
        self.clear();
    }

    fn write(&mut self, text: &str) {
        if let Some(out) = &mut self.out {
            // A display that cannot be drawn is no reason to stop checking.
            let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
        }
    }
}

/// The display's text: "120/2000 files · 37 findings · 85.2 MB/s".
pub fn line(done: usize, total: usize, findings: usize, bytes: u64, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        bytes as f64 / 1e6 / seconds
    } else {
        0.0
    };
    format!("{done}/{total} files · {findings} findings · {rate:.1} MB/s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A writer whose text the test can read afterwards.
    #[derive(Clone, Default)]
    struct Screen(Arc<Mutex<Vec<u8>>>);

    impl Write for Screen {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Screen {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[test]
    fn the_line_counts_files_findings_and_speed() {
        let text = line(3, 10, 7, 5_000_000, Duration::from_secs(2));
        assert_eq!(text, "3/10 files · 7 findings · 2.5 MB/s");
        assert_eq!(
            line(0, 0, 0, 0, Duration::ZERO),
            "0/0 files · 0 findings · 0.0 MB/s"
        );
    }

    #[test]
    fn draws_after_the_delay_and_clears() {
        let screen = Screen::default();
        let mut p = Progress::with_output(2, Some(Box::new(screen.clone())), Duration::ZERO);
        p.file_done(1_000, 4);
        assert!(
            screen.text().contains("1/2 files · 4 findings"),
            "{}",
            screen.text()
        );
        p.finish();
        assert!(screen.text().ends_with("\r\x1b[2K"));
    }

    #[test]
    fn a_short_run_draws_nothing() {
        let screen = Screen::default();
        let mut p =
            Progress::with_output(2, Some(Box::new(screen.clone())), Duration::from_secs(3600));
        p.file_done(1_000, 4);
        p.file_done(1_000, 4);
        p.finish();
        assert_eq!(screen.text(), "");
    }

    #[test]
    fn not_on_a_terminal_nothing_is_drawn() {
        // Tests' standard error is captured, never a terminal; quiet always silences it.
        assert!(Progress::new(5, true).out.is_none());
        assert_eq!(
            Progress::new(5, false).out.is_some(),
            std::io::stderr().is_terminal()
        );
    }
}
