//! Live reload's ears: watches the briefings folder (the `notify` crate) and,
//! once a burst of changes has gone quiet, forwards one `Msg::FilesChanged`
//! to the loop. Reading the folder again is `reload`'s job.
//!
//! One thread blocks while nothing happens: no CPU when idle. The watch is
//! set up beside the loading, so setting up a recursive watch (which visits
//! every folder) does not delay the list.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use super::Event;
use super::state::Msg;

/// A burst is over after this long without an event...
const QUIET: Duration = Duration::from_millis(100);
/// ...or this long after its first event, whichever comes first.
const LONGEST: Duration = Duration::from_millis(500);

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

/// Starts watching `dir` on a thread of its own. If the folder cannot be
/// watched, the thread tells the loop that live reload is off and ends.
pub(super) fn spawn(dir: PathBuf, tx: Sender<Event>) {
    thread::spawn(move || {
        let (changed_tx, changed) = channel::<()>();
        let root = dir.clone();
        let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(ev) = res
                && relevant(&ev, &root)
            {
                let _ = changed_tx.send(());
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
        while changed.recv().is_ok() {
            settle(&changed);
            if tx.send(Event::App(Msg::FilesChanged)).is_err() {
                return;
            }
        }
    });
}

/// Waits until a burst of events is over.
fn settle(rx: &Receiver<()>) {
    let start = Instant::now();
    loop {
        let left = LONGEST.saturating_sub(start.elapsed());
        if left.is_zero() {
            return;
        }
        match rx.recv_timeout(QUIET.min(left)) {
            Ok(()) => {}
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return,
        }
    }
}
