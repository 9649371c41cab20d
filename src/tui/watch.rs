//! Live reload's ears: watches the briefings folder (the `notify` crate) and,
//! once a burst of changes has gone quiet, forwards one `Msg::FilesChanged`
//! to the loop, with the paths the burst touched (or `Touched::Unknown` when
//! the watcher lost track: then the whole folder is read again). Reading the
//! folder again is `reload`'s job.
//!
//! One thread blocks while nothing happens: no CPU when idle. The watch is
//! set up beside the loading, at a lower priority, so setting it up (a
//! visit of every folder) does not delay the list.
//!
//! Whenever live reload is off the loop is told why (`Msg::WatchFailed`, in
//! the status line): the folder was deleted or replaced, or it cannot be
//! watched. The thread then looks for the folder every few seconds, sleeping
//! in between, and watches it again when it is back (`Msg::WatchResumed`).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use brief_core::load::reload::Touched;
use notify::{EventKind, RecursiveMode, Watcher};

use super::event::Event;
use super::state::Msg;

/// A burst is over after this long without an event...
const QUIET: Duration = Duration::from_millis(100);
/// ...or this long after its first event, whichever comes first.
const LONGEST: Duration = Duration::from_millis(500);
/// While live reload is off, how often to look for the folder at first...
const LOOK_FIRST: Duration = Duration::from_secs(1);
/// ...and at most, the wait doubling each time it is still missing...
const LOOK_AT_MOST: Duration = Duration::from_secs(8);
/// ...or, when it is there but cannot be watched (setting a watch up visits
/// every folder), this often at most.
const RETRY_WATCH_AT_MOST: Duration = Duration::from_secs(60);

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

/// Which folder `dir` is now: a folder deleted and made again is another
/// one, and the watch on the first one sees nothing of it.
fn identity(dir: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(dir).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

/// Why the watch ended.
enum Ended {
    /// The loop is gone: the browser is ending.
    Quit,
    /// Live reload is off, for this reason.
    Off(String),
}

/// Starts watching `dir` on a thread of its own. Whenever the folder cannot
/// be watched, the thread tells the loop that live reload is off and why,
/// and watches again once it can.
pub(super) fn spawn(dir: PathBuf, tx: Sender<Event>, lang: brief_core::Lang) {
    let t = lang.text();
    thread::spawn(move || {
        // notify's own thread, started from this one, sets up the watch.
        super::lower_priority();
        let mut off: Option<String> = None;
        let mut wait = LOOK_FIRST;
        loop {
            let (why, most) = match identity(&dir) {
                None => {
                    // Nothing to wait for before comparing the folder.
                    if off.is_none() && tx.send(Event::App(Msg::WatchSettled)).is_err() {
                        return;
                    }
                    (t.folder_gone.to_string(), LOOK_AT_MOST)
                }
                Some(id) => match watch(&dir, id, &tx, off.is_some(), t) {
                    Ended::Quit => return,
                    Ended::Off(why) => (why, RETRY_WATCH_AT_MOST),
                },
            };
            // Watched for a while, then lost: look again soon.
            if off.is_none() {
                wait = LOOK_FIRST;
            }
            if off.as_ref() != Some(&why) {
                if tx.send(Event::App(Msg::WatchFailed(why.clone()))).is_err() {
                    return;
                }
                off = Some(why);
            }
            thread::sleep(wait);
            wait = (wait * 2).min(most);
        }
    });
}

/// Watches the folder `dir` (which is `id`) until the browser ends or live
/// reload goes off. `resumed`: it was off, so say it is back.
fn watch(
    dir: &Path,
    id: (u64, u64),
    tx: &Sender<Event>,
    resumed: bool,
    t: &brief_core::lang::Text,
) -> Ended {
    let (changed_tx, changed) = channel::<Touched>();
    let root = dir.to_path_buf();
    // The watcher makes a relative folder absolute, as this.
    let absolute = match dir.is_absolute() {
        true => None,
        false => std::env::current_dir().ok().map(|cwd| cwd.join(dir)),
    };
    let handler = move |res: notify::Result<notify::Event>| match res {
        // Hidden is judged below the folder as the watcher spells it: a
        // relative folder inside a hidden one (`~/.local/…`) is not hidden.
        Ok(ev) if relevant(&ev, absolute.as_deref().unwrap_or(&root)) => {
            let _ = changed_tx.send(touched(&ev, &root, absolute.as_deref()));
        }
        Ok(_) => {}
        // Events may have been lost.
        Err(_) => {
            let _ = changed_tx.send(Touched::Unknown);
        }
    };
    // Links are not followed: one to `/` would set a watch on every folder
    // of the file system. Links that stay inside lead to folders watched
    // under their own path anyway.
    let config = notify::Config::default().with_follow_symlinks(false);
    let watcher = notify::RecommendedWatcher::new(handler, config)
        .and_then(|mut w| watch_below(&mut w, dir).map(|()| w));
    // Kept alive while watching: dropping it stops the watch.
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            // Settled all the same: the folder is compared with what was
            // loaded, once, without a watch.
            if !resumed && tx.send(Event::App(Msg::WatchSettled)).is_err() {
                return Ended::Quit;
            }
            return Ended::Off((t.cannot_watch)(&e.to_string()));
        }
    };
    // Changes made while it was off, or before it was set up, are found by
    // reading the folder again, or comparing it with what was loaded.
    let settled = match resumed {
        true => Msg::WatchResumed,
        false => Msg::WatchSettled,
    };
    if tx.send(Event::App(settled)).is_err() {
        return Ended::Quit;
    }
    while let Ok(first) = changed.recv() {
        let touched = settle(&changed, first);
        // Folders made (or moved in) are watched before the reload walks
        // them: what is written there later is an event, what was written
        // before is found by the walk.
        if let Err(e) = watch_new_folders(&mut watcher, dir, &touched) {
            return Ended::Off((t.cannot_watch)(&e.to_string()));
        }
        if tx.send(Event::App(Msg::FilesChanged(touched))).is_err() {
            return Ended::Quit;
        }
        match identity(dir) {
            Some(now) if now == id => {}
            Some(_) => {
                return Ended::Off(t.folder_replaced.to_string());
            }
            None => {
                return Ended::Off(t.folder_gone.to_string());
            }
        }
    }
    // The watcher's thread ended: nothing more will come from it.
    Ended::Off(t.watch_stopped.to_string())
}

/// Watches `dir` and every folder below it, links not followed. On Linux
/// each folder is watched on its own, found from its parent's entries'
/// types: `notify`'s recursive watch stats every entry below the folder to
/// find the folders (a million calls for a million briefings, a third of a
/// start's CPU). A folder is watched before it is listed, so one made
/// meanwhile is either listed or an event (`watch_new_folders`).
fn watch_below(w: &mut notify::RecommendedWatcher, dir: &Path) -> notify::Result<()> {
    if !cfg!(target_os = "linux") {
        return w.watch(dir, RecursiveMode::Recursive);
    }
    let mut folders = vec![dir.to_path_buf()];
    // A folder mounted inside itself would be listed for ever: each is
    // watched once (links are not followed, so only a mount can do it).
    let mut entered = std::collections::HashSet::new();
    while let Some(folder) = folders.pop() {
        if identity(&folder).is_some_and(|id| !entered.insert(id)) {
            continue;
        }
        match w.watch(&folder, RecursiveMode::NonRecursive) {
            Ok(()) => {}
            // Removed meanwhile: an event of its parent says so.
            Err(e) if folder != dir && matches!(e.kind, notify::ErrorKind::PathNotFound) => {
                continue;
            }
            Err(e) => return Err(e),
        }
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        folders.extend(
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path()),
        );
    }
    Ok(())
}

/// After a burst: each folder it touched that is a folder now (made, moved
/// in, or made again) is watched with what is below it; when the watcher
/// lost track, every folder again (watching one twice is harmless).
fn watch_new_folders(
    w: &mut notify::RecommendedWatcher,
    dir: &Path,
    touched: &Touched,
) -> notify::Result<()> {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    match touched {
        Touched::Unknown => watch_below(w, dir),
        Touched::Paths(paths) => {
            for p in paths {
                let folder = std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
                if folder && p.starts_with(dir) && p != dir {
                    watch_below(w, p)?;
                }
            }
            Ok(())
        }
    }
}

/// Waits until a burst of events is over; what it touched, `first` included.
fn settle(rx: &Receiver<Touched>, first: Touched) -> Touched {
    let mut touched = first;
    let start = Instant::now();
    loop {
        let left = LONGEST.saturating_sub(start.elapsed());
        if left.is_zero() {
            return touched;
        }
        match rx.recv_timeout(QUIET.min(left)) {
            Ok(more) => touched.merge(more),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return touched,
        }
    }
}

/// The paths an event touched, spelled from `root` as the loader spells them
/// (`absolute`: how the watcher spells a relative `root`); `Unknown` when
/// the watcher asks for a rescan (its queue overflowed) or names no path.
fn touched(ev: &notify::Event, root: &Path, absolute: Option<&Path>) -> Touched {
    if ev.need_rescan() || ev.paths.is_empty() {
        return Touched::Unknown;
    }
    let paths = ev
        .paths
        .iter()
        .map(|p| match absolute.map(|a| p.strip_prefix(a)) {
            Some(Ok(rel)) => root.join(rel),
            _ => p.clone(),
        })
        .collect();
    Touched::Paths(paths)
}
