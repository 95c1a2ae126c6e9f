//! Batch runs: check many files on several threads and hand the results on in path order.
//!
//! Workers take the next file in order; a result waits in a small reorder window until every
//! earlier result has been handed on. Workers stop claiming files while the window is full, so
//! memory holds a few files' results at a time, never the whole corpus.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard};

/// The number of threads a run uses by default: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// How many results per thread may be ready or in the making ahead of the next one to hand on.
pub const WINDOW_PER_JOB: usize = 4;

/// Run `work` on every path on `jobs` threads (0: [`default_jobs`]) and call `emit` with each
/// result in the order of `paths`, as soon as it and every earlier one are ready.
///
/// `emit` runs on the calling thread. A panic in `work` or `emit` stops the run and is passed
/// on to the caller.
pub fn run<T: Send>(
    paths: Vec<PathBuf>,
    jobs: usize,
    work: impl Fn(&Path) -> T + Sync,
    mut emit: impl FnMut(T),
) {
    let jobs = if jobs == 0 { default_jobs() } else { jobs };
    let jobs = jobs.min(paths.len());
    if jobs <= 1 {
        for p in &paths {
            emit(work(p));
        }
        return;
    }
    let shared = Shared {
        state: Mutex::new(State {
            claimed: 0,
            emitted: 0,
            ready: BTreeMap::new(),
            stopped: false,
        }),
        changed: Condvar::new(),
        window: WINDOW_PER_JOB * jobs,
    };
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                let _stop = StopOnUnwind(&shared);
                while let Some(i) = shared.claim(paths.len()) {
                    let result = work(&paths[i]);
                    shared.lock().ready.insert(i, result);
                    shared.changed.notify_all();
                }
            });
        }
        let _stop = StopOnUnwind(&shared);
        for i in 0..paths.len() {
            let Some(result) = shared.take(i) else {
                // A worker panicked; leaving the scope passes its panic on.
                return;
            };
            emit(result);
        }
    });
}

struct State<T> {
    /// Paths handed to workers so far: the next one claimed is this index.
    claimed: usize,
    /// Results handed on so far, bar the one being handed on.
    emitted: usize,
    /// Results waiting for an earlier one.
    ready: BTreeMap<usize, T>,
    /// A thread panicked: everyone stops.
    stopped: bool,
}

struct Shared<T> {
    state: Mutex<State<T>>,
    changed: Condvar,
    window: usize,
}

impl<T> Shared<T> {
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // A poisoned lock means a thread panicked while holding it; the state is still
        // consistent (every update is a single step), and `stopped` ends the run.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, State<T>>) -> MutexGuard<'a, State<T>> {
        self.changed.wait(guard).unwrap_or_else(|e| e.into_inner())
    }

    /// The next path for a worker, waiting while the window is full; None when all are taken
    /// or the run stopped.
    fn claim(&self, total: usize) -> Option<usize> {
        let mut s = self.lock();
        loop {
            if s.stopped || s.claimed >= total {
                return None;
            }
            if s.claimed < s.emitted + self.window {
                s.claimed += 1;
                return Some(s.claimed - 1);
            }
            s = self.wait(s);
        }
    }

    /// Result `i`, once ready; None if the run stopped.
    fn take(&self, i: usize) -> Option<T> {
        let mut s = self.lock();
        loop {
            if let Some(result) = s.ready.remove(&i) {
                // The result being handed on still counts in the window until the next take.
                s.emitted = i;
                drop(s);
                self.changed.notify_all();
                return Some(result);
            }
            if s.stopped {
                return None;
            }
            s = self.wait(s);
        }
    }
}

/// Stops the run if its thread unwinds, so that no other thread waits forever for it.
struct StopOnUnwind<'a, T>(&'a Shared<T>);

impl<T> Drop for StopOnUnwind<'_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().stopped = true;
            self.0.changed.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(n: usize) -> Vec<PathBuf> {
        (0..n).map(|i| PathBuf::from(format!("{i:05}"))).collect()
    }

    #[test]
    fn one_thread_and_no_paths() {
        let mut out = Vec::new();
        run(paths(3), 1, |p| p.to_path_buf(), |r| out.push(r));
        assert_eq!(out, paths(3));
        run(
            Vec::new(),
            4,
            |p| p.to_path_buf(),
            |_: PathBuf| panic!("no paths"),
        );
    }

    #[test]
    fn a_panicking_worker_ends_the_run_with_its_panic() {
        let result = std::panic::catch_unwind(|| {
            run(
                paths(100),
                3,
                |p| assert_ne!(p, Path::new("00042"), "bad file"),
                |_| {},
            )
        });
        assert!(result.is_err());
    }

    #[test]
    fn a_panicking_emit_ends_the_run_with_its_panic() {
        let result = std::panic::catch_unwind(|| {
            run(
                paths(100),
                3,
                |p| p.to_path_buf(),
                |p| assert_ne!(p, Path::new("00005")),
            )
        });
        assert!(result.is_err());
    }
}
