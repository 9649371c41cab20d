//! The bodies of a large folder set aside while it is parsed: the first
//! `LoadOptions::bodies_kept` bytes wait in memory for the text index, the
//! rest on disk (`io::spill`), and the index reads each back once. A cold
//! load then holds the list data, not the article text (9.7 GB at a million
//! briefings, 4.3 GB of YAML, before).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use super::LoadOptions;
use super::walk::path_order;
use crate::briefings::Briefings;
use crate::index::SearchIndex;
use crate::io::spill::{Piece, Spill};
use crate::model::Briefing;

pub(crate) struct SetAside {
    spill: Arc<Spill>,
    budget: usize,
    /// Bytes of bodies met so far.
    met: AtomicUsize,
    /// Where each file's body went, by its place in the walk's sorted list.
    pieces: Vec<OnceLock<Piece>>,
}

impl SetAside {
    /// For parsing `files` (sorted as the walk sorts them) with `opts`: only
    /// when their text goes to the index on disk, and a spill can be made
    /// (in the cache folder, else the system's temporary folder: a shared
    /// archive's cache may be read-only). `None`: bodies stay in memory.
    pub(crate) fn for_load(opts: &LoadOptions, files: usize) -> Option<SetAside> {
        let dir = opts.cache.as_ref()?;
        if files < opts.persist_text_from {
            return None;
        }
        let spill = Spill::new_in(dir)
            .or_else(|_| Spill::new_in(&std::env::temp_dir()))
            .ok()?;
        Some(SetAside {
            spill: Arc::new(spill),
            budget: opts.bodies_kept,
            met: AtomicUsize::new(0),
            pieces: (0..files).map(|_| OnceLock::new()).collect(),
        })
    }

    /// Sets the body of the `n`th file's briefing aside once the budget is
    /// spent; kept in memory when it cannot be written.
    pub(crate) fn body_of(&self, n: usize, briefing: &mut Arc<Briefing>) {
        let Some(b) = Arc::get_mut(briefing) else {
            return;
        };
        let len = b.body.len();
        if len == 0 || self.met.fetch_add(len, Ordering::Relaxed) + len <= self.budget {
            return;
        }
        let (Some(slot), Ok(piece)) = (self.pieces.get(n), self.spill.put(&b.body)) else {
            return;
        };
        if slot.set(piece).is_ok() {
            b.body = String::new();
        }
    }

    /// Where the body of the briefing read from `path` went, if on disk.
    fn piece(&self, files: &[PathBuf], path: &std::path::Path) -> Option<Piece> {
        let n = files.binary_search_by(|f| path_order(f, path)).ok()?;
        self.pieces.get(n)?.get().copied()
    }

    /// Puts the bodies back into the briefings (a corpus whose text is
    /// indexed in memory after all: fewer parsed than the files promised).
    pub(crate) fn restore(self, briefings: &mut Briefings, files: &[PathBuf]) {
        for (_, b) in briefings.loaded_mut() {
            if let Some(piece) = self.piece(files, &b.path)
                && let Some(b) = Arc::get_mut(b)
                && let Ok(text) = self.spill.get(piece)
            {
                b.body = text;
            }
        }
    }

    /// Hands the bodies on disk to `index`, by briefing, for it to read once.
    pub(crate) fn hand_to(
        self,
        index: &mut SearchIndex,
        briefings: &mut Briefings,
        files: &[PathBuf],
    ) {
        let waiting: Vec<(usize, Piece)> = briefings
            .loaded_mut()
            .filter_map(|(i, b)| Some((i, self.piece(files, &b.path)?)))
            .collect();
        index.wait_on_disk(self.spill, waiting);
    }
}
