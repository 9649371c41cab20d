//! Live reload: watches the briefings folder (the `notify` crate) and, after
//! a burst of changes has gone quiet, reads the folder again on this thread
//! (see `brief_core::reload`) and sends the new corpus to the loop.
//!
//! One thread does it all and blocks while nothing happens: no CPU when idle.
//! Changes coming during a reload make one more reload after it, so the
//! newest state of the folder always wins. Files caught half-written are
//! read again every `RETRY` until they settle, and a reloaded corpus is
//! cached once the folder has been quiet for `CACHE_AFTER`; then the thread
//! blocks again. The watch is set up beside the loading, so once loaded the
//! folder is compared (a stat per file) with what was read, for changes made
//! before the watch was in place.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use super::Event;
use super::state::{Msg, Reload};
use brief_core::Corpus;
use brief_core::load::LoadOptions;

/// A burst is over after this long without an event...
const QUIET: Duration = Duration::from_millis(100);
/// ...or this long after its first event, whichever comes first.
const LONGEST: Duration = Duration::from_millis(500);
/// How long the folder stays quiet before a reloaded corpus is cached.
const CACHE_AFTER: Duration = Duration::from_millis(2500);
/// How soon a half-written file is looked at again.
const RETRY: Duration = Duration::from_millis(250);

/// What the watch thread hears.
pub(super) enum Input {
    /// Something changed in the folder.
    Changed,
    /// The corpus the browser shows, once loaded.
    Loaded(Arc<Corpus>),
}

/// Whether an event may change what the folder holds: reads (ours included)
/// and hidden files (editors' swap files) do not.
fn relevant(ev: &notify::Event, root: &Path) -> bool {
    use notify::event::{AccessKind, AccessMode};
    let kind = match ev.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    let hidden = |p: &PathBuf| {
        p.strip_prefix(root).unwrap_or(p).components().any(|c| {
            c.as_os_str()
                .to_str()
                .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
        })
    };
    kind && (ev.paths.is_empty() || ev.paths.iter().any(|p| !hidden(p)))
}

/// Starts watching `dir` on a thread of its own, beside the loading: setting
/// up a recursive watch visits every folder, which should not delay the
/// list. Returns where to send the loaded corpus. If the folder cannot be
/// watched, the thread tells the loop that live reload is off and ends.
pub(super) fn spawn(dir: PathBuf, opts: LoadOptions, tx: Sender<Event>) -> Sender<Input> {
    let (in_tx, in_rx) = channel::<Input>();
    let events = in_tx.clone();
    thread::spawn(move || {
        let root = dir.clone();
        let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(ev) = res
                && relevant(&ev, &root)
            {
                let _ = events.send(Input::Changed);
            }
        })
        .and_then(|mut w| w.watch(&dir, RecursiveMode::Recursive).map(|()| w));
        // Kept alive as long as the thread: dropping it stops the watch.
        let _watcher = match watcher {
            Ok(w) => w,
            Err(e) => {
                let _ = tx.send(Event::App(Msg::WatchFailed(e.to_string())));
                return;
            }
        };
        run(&dir, &opts, &in_rx, &tx);
    });
    in_tx
}

/// Waits until a burst of events is over; keeps a corpus that arrives meanwhile.
/// False once the browser is gone.
fn settle(rx: &Receiver<Input>, current: &mut Option<Arc<Corpus>>) -> bool {
    let start = Instant::now();
    loop {
        let left = LONGEST.saturating_sub(start.elapsed());
        if left.is_zero() {
            return true;
        }
        match rx.recv_timeout(QUIET.min(left)) {
            Ok(Input::Changed) => {}
            Ok(Input::Loaded(c)) => *current = Some(c),
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

fn run(dir: &Path, opts: &LoadOptions, rx: &Receiver<Input>, tx: &Sender<Event>) {
    let mut current: Option<Arc<Corpus>> = None;
    // Files changed since `current` was read.
    let mut dirty = false;
    // Changes made while the watch was being set up went unseen: once loaded,
    // the folder is compared with what was read (a stat per file, no parsing).
    let mut unchecked = true;
    // Half-written files to look at again.
    let mut retry = false;
    // A reloaded corpus not cached yet: once the folder has been quiet long
    // enough, the next start reads the cache rather than every file.
    let mut uncached = false;
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
            Some(Input::Loaded(c)) => {
                if unchecked {
                    unchecked = false;
                    dirty = brief_core::reload::changed_since(&c, dir);
                }
                current = Some(c);
            }
            Some(Input::Changed) => {
                dirty = true;
                if !settle(rx, &mut current) {
                    return;
                }
            }
            None if retry => dirty = true,
            None => {
                // Still being changed (too recent to trust): try again later.
                uncached = current.as_ref().is_some_and(|c| {
                    matches!(brief_core::reload::store_cache(c, dir, opts), Ok(false))
                });
            }
        }
        // Before the first load, changes wait for it.
        let Some(prev) = current.clone().filter(|_| dirty) else {
            continue;
        };
        dirty = false;
        match brief_core::reload::reload(&prev, dir, opts) {
            Ok(r) => {
                retry = !r.unsettled.is_empty();
                if r.changes.is_empty() && r.corpus.problems == prev.problems && !r.full {
                    continue;
                }
                let corpus = Arc::new(r.corpus);
                let doc_map = brief_core::reload::doc_map(&prev, &corpus);
                if !r.full {
                    // Same registry: the index moves over instead of being rebuilt.
                    corpus.carry_index(&prev, &doc_map);
                }
                current = Some(corpus.clone());
                uncached = opts.cache.is_some();
                let msg = Msg::Reloaded(Reload {
                    corpus,
                    changes: r.changes,
                    doc_map,
                });
                if tx.send(Event::App(msg)).is_err() {
                    return;
                }
            }
            Err(e) => {
                retry = false;
                if tx
                    .send(Event::App(Msg::ReloadFailed(e.to_string())))
                    .is_err()
                {
                    return;
                }
            }
        }
    }
}
