//! Live reload off the input path: `reload_folder` is the one call that reads
//! the folder again and says what changed; `Reloader` runs it on a thread of
//! its own when `update` asks (`Effect::Reload`), looks again at files caught
//! half-written, and caches a reloaded corpus once the folder has settled.
//!
//! Only the paths the watcher named are looked at (`reload`): they
//! are gathered across bursts not read yet and across the second look at
//! files caught half-written. The first reading after the load, and any
//! after the watcher lost track, walk the whole folder.
//!
//! The thread blocks while nothing happens: no CPU when idle.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use brief_core::Folder;
use brief_core::load::reload::Touched;

use super::event::Event;
use super::state::{Msg, Reload};

/// How long the folder stays quiet before a reloaded corpus is cached.
const CACHE_AFTER: Duration = Duration::from_millis(2500);
/// How soon a half-written file is looked at again.
const RETRY: Duration = Duration::from_millis(250);

/// What one reading of the folder gave.
pub struct Outcome {
    /// For `update`: the new corpus, or why it could not be read; `None` when
    /// nothing changed.
    pub msg: Option<Msg>,
    /// The corpus now current: the new one, or `prev` when nothing changed.
    pub current: Arc<Folder>,
    /// Files caught half-written: look at them again soon.
    pub unsettled: Vec<PathBuf>,
}

/// Reads `prev`'s folder again, looking at what `touched` names: only
/// changed files are parsed, the search index moves over when the registry
/// is the same, and each briefing of `prev` is mapped to its place in the
/// new corpus.
pub fn reload_folder(prev: &Arc<Folder>, touched: &Touched) -> Outcome {
    let unchanged = |unsettled| Outcome {
        msg: None,
        current: prev.clone(),
        unsettled,
    };
    match brief_core::load::reload::reload(prev, touched) {
        Ok(r) => {
            let unsettled = r.unsettled;
            if r.changes.is_empty() && r.corpus.problems == prev.problems && !r.full {
                return unchanged(unsettled);
            }
            let corpus = Arc::new(r.corpus);
            let doc_map = r.doc_map;
            if !r.full {
                // Same registry: the index moves over instead of being rebuilt.
                corpus.carry_index(prev, &doc_map);
            }
            Outcome {
                msg: Some(Msg::Reloaded(Reload {
                    corpus: corpus.clone(),
                    changes: r.changes,
                    doc_map,
                })),
                current: corpus,
                unsettled,
            }
        }
        Err(e) => Outcome {
            msg: Some(Msg::ReloadFailed(e.to_string())),
            ..unchanged(Vec::new())
        },
    }
}

enum Input {
    /// The corpus the browser shows, once loaded.
    Loaded(Arc<Folder>),
    /// The folder is watched, or cannot be.
    WatchSettled,
    /// The folder changed: read it again, looking at what was touched.
    Reload(Touched),
}

/// The reload thread. Dropping it ends the thread.
pub(super) struct Reloader {
    tx: Sender<Input>,
}

impl Reloader {
    pub(super) fn spawn(events: Sender<Event>) -> Reloader {
        let (tx, rx) = channel();
        let failed = events.clone();
        super::spawn_worker(failed, move || run(&rx, &events));
        Reloader { tx }
    }

    /// The folder's first corpus: changes made before the watch was in
    /// place are found by comparing the folder with it.
    pub(super) fn loaded(&self, corpus: Arc<Folder>) {
        let _ = self.tx.send(Input::Loaded(corpus));
    }

    /// The folder is watched (or cannot be): changes from now on are
    /// events, and those made before are found by comparing the folder
    /// with the corpus loaded, once both are there.
    pub(super) fn watch_settled(&self) {
        let _ = self.tx.send(Input::WatchSettled);
    }

    pub(super) fn reload(&self, touched: Touched) {
        let _ = self.tx.send(Input::Reload(touched));
    }
}

fn run(rx: &Receiver<Input>, events: &Sender<Event>) {
    // The newest corpus: the one loaded, then each reloaded one, in the order
    // the loop receives them, so each `doc_map` maps from what it shows.
    let mut current: Option<Arc<Folder>> = None;
    // The comparison of the folder with the corpus loaded: waits for the
    // corpus and for the watch, so a change made before the watch was in
    // place is found by it, and one made after is an event.
    let mut first_look = FirstLook::default();
    // What changed since `current` was read and was not looked at yet
    // (half-written files included): `None` when nothing did.
    let mut pending: Option<Touched> = None;
    // Files caught half-written: look again soon.
    let mut retry = false;
    // A reloaded corpus not cached yet: once the folder has been quiet long
    // enough, the next start reads the cache rather than every file.
    let mut uncached = false;
    let one_core = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .start_handler(|_| super::lower_priority())
        .build()
        .ok();
    // The corpus cache being written, and of which corpus.
    let mut writing: Option<(std::thread::JoinHandle<bool>, Arc<Folder>)> = None;
    loop {
        let wait = match (retry, uncached) {
            (true, _) => Some(RETRY),
            (false, true) => Some(CACHE_AFTER),
            (false, false) => None,
        };
        let got = match wait {
            Some(t) => match rx.recv_timeout(t) {
                Ok(input) => Some(input),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            },
            None => match rx.recv() {
                Ok(input) => Some(input),
                Err(_) => return,
            },
        };
        match got {
            None if retry => {}
            None => {
                // Written on a thread of its own, so a change made meanwhile
                // is read at once; one write at a time, looked at again
                // after the same wait.
                if writing.as_ref().is_some_and(|(w, _)| !w.is_finished()) {
                    continue;
                }
                let done = writing.take().map(|(w, c)| (w.join().unwrap_or(true), c));
                uncached = match (done, &current) {
                    // Written, and still the newest: nothing left to write.
                    (Some((true, c)), Some(now)) if Arc::ptr_eq(&c, now) => false,
                    (_, Some(now)) => {
                        writing = write_cache(now.clone()).map(|w| (w, now.clone()));
                        true
                    }
                    (_, None) => false,
                };
                continue;
            }
            Some(input) => {
                // Bursts queued meanwhile are read in one go.
                for input in std::iter::once(input).chain(rx.try_iter()) {
                    take(input, &mut first_look, &mut current, &mut pending);
                }
                if first_look.due(current.is_some())
                    && let Some(c) = &current
                    && changed_since(c, one_core.as_ref())
                {
                    // Not known by path: the whole folder is read.
                    match &mut pending {
                        Some(p) => p.merge(Touched::Unknown),
                        None => pending = Some(Touched::Unknown),
                    }
                }
            }
        }
        let (Some(prev), Some(touched)) = (current.clone(), pending.take()) else {
            continue;
        };
        let outcome = reload_folder(&prev, &touched);
        retry = !outcome.unsettled.is_empty();
        if retry {
            pending = Some(Touched::Paths(outcome.unsettled));
        }
        let Some(msg) = outcome.msg else {
            continue;
        };
        if matches!(msg, Msg::Reloaded(_)) {
            uncached = outcome.current.source.has_cache_folder();
        }
        // Shown first; the previous corpus goes meanwhile, off this thread.
        let previous = current.replace(outcome.current);
        if events.send(Event::App(msg)).is_err() {
            return;
        }
        drop_later((previous, prev));
    }
}

/// Drops `what` on a thread of its own: the last hold on a corpus frees
/// every briefing, its index and its stamps (tens of milliseconds at
/// 100,000 briefings), which neither the loop nor the next reload waits for.
pub(super) fn drop_later<T: Send + 'static>(what: T) {
    if std::thread::Builder::new()
        .name("drop".into())
        .spawn(move || drop(what))
        .is_err()
    {
        // No thread to be had: dropped here, as it would have been.
    }
}

/// Writes `corpus`'s cache on a thread of its own, which answers whether
/// that is done: `false` when a file changed too recently to be trusted
/// (try again later). A cache that cannot be written is not tried again:
/// the next start reads the files. `None`: no thread could be had.
fn write_cache(corpus: Arc<Folder>) -> Option<std::thread::JoinHandle<bool>> {
    std::thread::Builder::new()
        .name("cache".into())
        .spawn(move || !matches!(corpus.store_cache(), Ok(false)))
        .ok()
}

/// Whether a file of `corpus`'s folder changed since it was read: a stat
/// per file, no parsing, on one core (the first search, running meanwhile,
/// keeps the other).
fn changed_since(corpus: &Folder, one_core: Option<&rayon::ThreadPool>) -> bool {
    match one_core {
        Some(pool) => pool.install(|| brief_core::load::reload::changed_since(corpus)),
        None => brief_core::load::reload::changed_since(corpus),
    }
}

/// Where the first comparison of the folder with the corpus loaded stands.
#[derive(Default)]
struct FirstLook {
    watch_settled: bool,
    done: bool,
}

impl FirstLook {
    /// Whether it is to be made now (once), given whether the corpus is loaded.
    fn due(&mut self, loaded: bool) -> bool {
        // Once: later changes are the watch's.
        let due = !self.done && self.watch_settled && loaded;
        self.done |= due;
        due
    }
}

/// One message from the loop: the first corpus, the watch in place, or
/// what changed.
fn take(
    input: Input,
    first_look: &mut FirstLook,
    current: &mut Option<Arc<Folder>>,
    pending: &mut Option<Touched>,
) {
    match input {
        Input::Loaded(c) => *current = Some(c),
        Input::WatchSettled => first_look.watch_settled = true,
        Input::Reload(touched) => match pending {
            Some(p) => p.merge(touched),
            None => *pending = Some(touched),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::FirstLook;

    /// The folder is compared once, when it is both loaded and watched,
    /// whichever comes first: a change made before the watch is in place
    /// is found then, not lost between the load and the watch.
    #[test]
    fn the_first_look_waits_for_the_load_and_the_watch_and_is_made_once() {
        let mut loaded_first = FirstLook::default();
        assert!(!loaded_first.due(true), "loaded, not watched yet");
        loaded_first.watch_settled = true;
        assert!(loaded_first.due(true));
        assert!(!loaded_first.due(true), "once");

        let mut watched_first = FirstLook {
            watch_settled: true,
            ..FirstLook::default()
        };
        assert!(!watched_first.due(false), "watched, not loaded yet");
        assert!(watched_first.due(true));
        assert!(!watched_first.due(true));
    }
}
