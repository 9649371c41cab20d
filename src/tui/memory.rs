//! The remembered state as the browser uses it: read for this folder at
//! start, recorded off the input path as the session goes, and the last
//! word (where the session was) when it ends.

use std::sync::mpsc::{Sender, channel};
use std::thread;

use brief_core::remembered::Change;

use super::Exit;
use super::event::Event;
use super::state::{Msg, Remembered, State};

/// Where the remembered state is written, and for which folder.
#[derive(Clone)]
pub(super) struct Memory {
    pub(super) file: std::path::PathBuf,
    pub(super) key: String,
}

impl Memory {
    /// What the state file holds for this folder; `fresh` leaves out where
    /// the last session was.
    pub(super) fn load(&self, fresh: bool) -> Remembered {
        let (all, problem) = brief_core::remembered::load(&self.file);
        let folder = all.folders.get(&self.key).cloned().unwrap_or_default();
        Remembered {
            history: all.history,
            read: folder.read.into_iter().collect(),
            bookmarks: folder.bookmarks.into_iter().collect(),
            last: (!fresh).then_some(folder.last),
            problem,
        }
    }

    /// Records changes in the state file's journal, under its lock, so
    /// sessions running at once keep each other's marks.
    fn record(&self, changes: &[Change]) -> std::io::Result<Option<brief_core::Problem>> {
        brief_core::remembered::record(&self.file, &self.key, changes)
    }
}

/// Records remembered changes off the input path, a burst at a time; a
/// failure is reported back once rather than stopping anything, and a state
/// file found damaged is said (it was set aside).
pub(super) fn spawn_saver(
    memory: Memory,
    tx: Sender<Event>,
    lang: brief_core::Lang,
) -> (Sender<Change>, thread::JoinHandle<()>) {
    let (change_tx, change_rx) = channel::<Change>();
    let handle = thread::spawn(move || {
        let mut warned = false;
        while let Ok(first) = change_rx.recv() {
            let mut batch = vec![first];
            batch.extend(change_rx.try_iter());
            match memory.record(&batch) {
                Ok(None) => {}
                Ok(Some(problem)) => {
                    let _ = tx.send(Event::App(Msg::Notice(
                        brief_core::text::sanitize(&problem.message, false).into_owned(),
                    )));
                }
                Err(e) if !warned => {
                    warned = true;
                    let text =
                        (lang.text().cannot_remember)(&format!("{}: {e}", memory.file.display()));
                    let _ = tx.send(Event::App(Msg::Notice(
                        brief_core::text::sanitize(&text, false).into_owned(),
                    )));
                }
                Err(_) => {}
            }
        }
    });
    (change_tx, handle)
}

/// Whatever ends the session, the last word goes to the state file: the saver
/// is drained first, then where the session was is recorded.
pub(super) fn end(
    state: &State,
    memory: Option<&Memory>,
    change_tx: Option<Sender<Change>>,
    saver: Option<thread::JoinHandle<()>>,
    exit: Exit,
) -> Exit {
    drop(change_tx);
    if let Some(h) = saver {
        let _ = h.join();
    }
    // Before the folder is loaded nothing could change, and the last view
    // would be saved empty over the one still waiting to be restored.
    if let Some(m) = memory.filter(|_| state.corpus().is_some()) {
        let _ = m.record(&[Change::Left {
            last: state.last_view(),
        }]);
    }
    exit
}
