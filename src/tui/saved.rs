//! The saved searches and sets listed and counted off the input path
//! (`Effect::ListSaved`): read from the state file (so what another browser
//! saved shows too), this session's own changes replayed over it, then each
//! search run over the folder (a few milliseconds to tens at 100,000
//! briefings). The list is sent as soon as it is read, and again once
//! counted; a newer request stops an older count between two searches.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;

use brief_core::Folder;
use brief_core::remembered::{Change, Remembered};

use super::event::Event;
use super::state::{Counted, Msg, SavedEntry, SavedKind};

/// The saved searches, then the named sets, of folder `key` in `file` with
/// `own` replayed over them, not counted yet.
pub fn read(file: Option<&std::path::Path>, key: &str, own: &[Change]) -> Vec<SavedEntry> {
    let mut all = match file {
        Some(f) => brief_core::remembered::load(f).0,
        None => Remembered::default(),
    };
    for change in own {
        all.apply(key, change);
    }
    let folder = all.folders.remove(key).unwrap_or_default();
    let searches = folder.saved.into_iter().map(|(name, s)| SavedEntry {
        name,
        kind: SavedKind::Search(s),
        counted: Counted::Pending,
    });
    let sets = folder.sets.into_iter().map(|(name, ids)| SavedEntry {
        name,
        kind: SavedKind::Set(ids.into_iter().collect()),
        counted: Counted::Pending,
    });
    searches.chain(sets).collect()
}

/// What one saved search finds in `corpus` now, and how much of it is new.
pub fn count(corpus: &Folder, entry: &mut SavedEntry, at: u64) {
    let SavedKind::Search(search) = &entry.kind else {
        return;
    };
    entry.counted =
        match brief_core::saved::find(corpus, search, &brief_core::Selection::default(), &[]) {
            Ok(found) => Counted::Found {
                results: found.hits.len(),
                new: found.count_new(search),
                seen: found.fingerprints,
                at,
            },
            Err(e) => Counted::Failed(e.message(brief_core::Lang::default())),
        };
}

/// Where the list is read from: the state file and the folder's key in it.
#[derive(Clone)]
pub(super) struct Lister {
    pub file: Option<PathBuf>,
    pub key: String,
    /// The newest request: an older one stops counting.
    pub latest: Arc<AtomicU64>,
}

impl Lister {
    pub(super) fn spawn(&self, corpus: Arc<Folder>, ask: u64, own: Vec<Change>, tx: Sender<Event>) {
        self.latest.store(ask, Ordering::SeqCst);
        let this = self.clone();
        std::thread::spawn(move || {
            let mut entries = read(this.file.as_deref(), &this.key, &own);
            let send = |entries: Vec<SavedEntry>| {
                tx.send(Event::App(Msg::SavedListed { ask, entries }))
                    .is_ok()
            };
            if !send(entries.clone()) {
                return;
            }
            let at = brief_core::saved::now();
            for e in &mut entries {
                if this.latest.load(Ordering::SeqCst) != ask {
                    return;
                }
                count(&corpus, e, at);
            }
            send(entries);
        });
    }
}
