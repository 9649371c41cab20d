//! A corpus's search index, built when first needed: the index of titles
//! and names (`Index`), and the article text's (`TextIndex`), kept in a
//! store shared with every process on the folder or in memory, with its
//! progress while it is built.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use super::store::{DocKey, StoreError};
use super::{Index, TextIndex, TextStore};
use crate::actors::Registry;
use crate::briefings::{Bodies, Briefings};
use crate::io::spill::{Piece, Spill};
use crate::model::Briefing;
use crate::stamp::{Seen, Stamp};

/// What the index is built from: the corpus's briefings and registry, where
/// their bodies are, and the files as they were read (for the keys of the
/// text index).
#[derive(Clone, Copy)]
pub(crate) struct Docs<'a> {
    pub(crate) briefings: &'a Briefings,
    pub(crate) registry: &'a Registry,
    pub(crate) bodies: &'a Bodies,
    pub(crate) seen: Option<&'a Seen>,
}

/// A shared archive's text index this user may not write, and theirs.
#[derive(Debug, Clone)]
pub(crate) struct Fallback {
    /// The shared index's folder, for the message.
    pub(crate) shared: std::path::PathBuf,
    /// The user's own index (`None`: in memory).
    pub(crate) own: Option<std::path::PathBuf>,
}

/// A folder this small has its text indexed at once, even by a search that
/// would not wait: it takes less time than drawing the answer.
const SMALL: usize = 1_000;

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Built on first search, so listing and checking never pay for it.
    titles: OnceLock<Index>,
    /// Summary and body words, from `store` (or an index in memory): opened,
    /// and brought up to date, on the first word searched.
    text: OnceLock<TextIndex>,
    /// The index of the article text in the cache folder, shared with every
    /// process on the same folder; `None`: an index in memory.
    pub(crate) store: Option<Arc<TextStore>>,
    /// When `store` may only be read (a shared archive's index this user
    /// may not write): where the article text is indexed instead once it is
    /// not current (an index in the user's own cache folder).
    pub(crate) fallback: Option<Fallback>,
    /// Bodies read with the briefings and not yet indexed, by briefing:
    /// indexing takes them rather than reading the files again.
    unindexed: Mutex<Unindexed>,
    /// Problems met by the text index (a damaged index set aside), shown
    /// with the folder's problems.
    pub notices: Mutex<Vec<String>>,
    /// Briefings indexed and to index, while the text index is being built.
    progress: (AtomicUsize, AtomicUsize),
    /// What a search that does not wait reads meanwhile: nothing.
    no_text: OnceLock<TextIndex>,
    /// Whether the text index was found outdated, asked once: every
    /// keystroke while it is built would otherwise walk it again.
    outdated: OnceLock<bool>,
    /// The index built anew in place of `store`, once that one was found
    /// damaged (its checksums, or a panic reading it); set aside, the old
    /// one stays mapped for the searches still reading it.
    replacement: OnceLock<Option<Arc<TextStore>>>,
    /// The text index read from `replacement`, once `text` panicked.
    again: OnceLock<TextIndex>,
    /// Set when `text` was carried over from the corpus before a reload.
    carried: OnceLock<()>,
}

/// Bodies read with the briefings, waiting for the text index.
#[derive(Debug, Default)]
struct Unindexed {
    bodies: FxHashMap<usize, Waiting>,
    /// Where the bodies on disk are (a large folder's cold load).
    spill: Option<Arc<Spill>>,
}

/// A body waiting for the text index: in memory, or on disk.
#[derive(Debug)]
enum Waiting {
    Text(String),
    OnDisk(Piece),
}

impl SearchIndex {
    /// An index of nothing yet, on `store` (`None`: in memory).
    pub(crate) fn on(store: Option<Arc<TextStore>>) -> SearchIndex {
        SearchIndex {
            store,
            ..SearchIndex::default()
        }
    }

    /// Moves the bodies of briefings whose bodies live in files out of them,
    /// for the text index to take; briefings shared with another corpus
    /// (carried over by a reload) have none left to move.
    pub(crate) fn take_bodies(&mut self, briefings: &mut Briefings, bodies: &Bodies) {
        if !bodies.in_files() {
            return;
        }
        let pending = self.unindexed.get_mut().unwrap_or_else(|e| e.into_inner());
        for (i, b) in briefings.loaded_mut() {
            if let Some(b) = Arc::get_mut(b)
                && !b.body.is_empty()
            {
                let text = std::mem::take(&mut b.body);
                pending.bodies.insert(i, Waiting::Text(text));
            }
        }
    }

    /// Bodies set aside on disk while the briefings were parsed, by
    /// briefing: indexing reads each back once.
    pub(crate) fn wait_on_disk(&mut self, spill: Arc<Spill>, waiting: Vec<(usize, Piece)>) {
        let pending = self.unindexed.get_mut().unwrap_or_else(|e| e.into_inner());
        pending
            .bodies
            .extend(waiting.into_iter().map(|(i, p)| (i, Waiting::OnDisk(p))));
        pending.spill = Some(spill);
    }

    /// The index of titles and names, built now if it is not yet.
    pub(crate) fn titles(&self, briefings: &Briefings, registry: &Registry) -> &Index {
        self.titles
            .get_or_init(|| Index::build(briefings, registry))
    }

    /// The index of titles and names as the cache kept it, built from these very briefings.
    pub(crate) fn set_titles(&mut self, index: Index) {
        self.titles = OnceLock::from(index);
    }

    /// The article text's index, brought up to date now if it is not yet;
    /// once reading it panicked, the one built again in its place.
    pub(crate) fn text(&self, docs: Docs<'_>) -> &TextIndex {
        let progress = |d, t| self.progress_at(d, t);
        let text = self.text.get_or_init(|| self.open_text(docs, &progress));
        match text.damaged() {
            None => text,
            Some(said) => self.again.get_or_init(|| {
                self.replace_store(said);
                self.open_text(docs, &progress)
            }),
        }
    }

    /// Whether the last search read a text index that panicked and was not
    /// built again since: that search's answer is incomplete, and asking
    /// again reads an index built anew.
    pub fn text_damaged(&self) -> bool {
        self.again.get().is_none() && self.text.get().is_some_and(|t| t.damaged().is_some())
    }

    /// Checks the text index's files against their checksums (`brief
    /// check`): one found damaged is set aside and built again, and said in
    /// `notices`. Returns whether it was sound.
    pub fn check_text(&self) -> bool {
        let Some(store) = self.store() else {
            return true;
        };
        match store.validate() {
            Ok(()) => true,
            Err(said) => {
                self.replace_store(&said);
                false
            }
        }
    }

    /// The store the text is indexed in: the one built anew in place of a
    /// damaged one, else the one opened with the folder.
    fn store(&self) -> Option<&Arc<TextStore>> {
        match self.replacement.get() {
            Some(replaced) => replaced.as_ref(),
            None => self.store.as_ref(),
        }
    }

    /// Sets the store aside (it is damaged: `why`) and opens a new one in its
    /// place, once; said in `notices`. Without a folder nothing changes.
    fn replace_store(&self, why: &str) {
        let Some(dir) = self.store.as_ref().and_then(|s| s.dir()) else {
            return;
        };
        self.replacement.get_or_init(|| {
            match TextStore::set_aside_and_open(dir) {
                Ok((store, moved)) => {
                    self.notice(&format!(
                        "the search index in {} is damaged ({why}); it was set aside as {} and is built again",
                        dir.display(),
                        moved.display()
                    ));
                    Some(Arc::new(store))
                }
                Err(e) => {
                    self.notice(&format!(
                        "the search index in {} is damaged ({why}) and cannot be replaced ({e}); the article text is indexed in memory for this session",
                        dir.display()
                    ));
                    None
                }
            }
        });
    }

    /// The text index a search reads: the text index, or, while it is being
    /// built for a search that does not `wait`, an index of nothing.
    pub(crate) fn text_for_search(&self, docs: Docs<'_>, wait: bool) -> &TextIndex {
        if self.text.get().is_some() {
            return self.text(docs);
        }
        // Waiting is cheap when the index on disk is current (it is only
        // opened: found current, it is opened there and then, its keys
        // read once) or the folder small (it is built at once).
        if wait || docs.briefings.len() <= SMALL {
            return self.text(docs);
        }
        let outdated = *self.outdated.get_or_init(|| {
            let keys = self.keys(docs);
            match self.current_view(&keys) {
                Some(view) => {
                    let _ = self.text.set(view);
                    false
                }
                None => true,
            }
        });
        if !outdated {
            return self.text(docs);
        }
        self.no_text
            .get_or_init(|| TextIndex::empty(docs.briefings.len()))
    }

    /// Whether searches read the article text yet.
    pub fn text_searched(&self) -> bool {
        self.text.get().is_some()
    }

    /// Whether a search that did not wait was answered without the article
    /// text because its index had to be brought up to date first (a search
    /// that found it current opened it and read it).
    pub fn text_deferred(&self) -> bool {
        self.outdated.get() == Some(&true)
    }

    /// While the text index is being built: briefings indexed, and to index.
    pub fn text_progress(&self) -> (usize, usize) {
        let (done, total) = &self.progress;
        (done.load(Ordering::Relaxed), total.load(Ordering::Relaxed))
    }

    /// Brings the article text's index up to date now, with `progress(done,
    /// total)` over the briefings indexed (none when it is current).
    pub(crate) fn index_text(&self, docs: Docs<'_>, progress: &(dyn Fn(usize, usize) + Sync)) {
        self.text.get_or_init(|| self.open_text(docs, progress));
    }

    /// Whether the text index lives in a folder (and not in memory).
    pub fn text_on_disk(&self) -> bool {
        self.store().is_some()
    }

    /// Whether searching the article text would have to index briefings first.
    pub(crate) fn text_outdated(&self, docs: Docs<'_>) -> bool {
        if self.text.get().is_some() {
            return false;
        }
        let keys = self.keys(docs);
        match self.store() {
            Some(store) => crate::io::contain::contain(|| store.outdated(&keys))
                .ok()
                .and_then(Result::ok)
                .unwrap_or(true),
            None => !keys.is_empty(),
        }
    }

    /// See `Folder::text_index_stale_in`.
    pub(crate) fn text_stale_in(&self, docs: Docs<'_>, dir: &std::path::Path) -> Option<usize> {
        let store = TextStore::open_read_only(dir).ok()?;
        let stale = store.stale(&self.keys_with(docs, true)).ok()?;
        // An index that holds nothing is not built yet.
        (store.searcher().num_docs() > 0).then_some(stale)
    }

    /// Whether the whole search index is built (or was carried over).
    pub fn is_built(&self) -> bool {
        self.titles.get().is_some() && self.text.get().is_some()
    }

    /// After a reload from `prev`: the parts of `prev` already built are
    /// carried over, updated for the briefings that changed (`kept`: for
    /// each briefing of `prev`, its place in `docs` when it is the same).
    pub(crate) fn carry(&self, prev: &SearchIndex, kept: &[Option<u32>], docs: Docs<'_>) {
        if let Some(old) = prev.titles.get() {
            let _ = self
                .titles
                .set(old.updated(kept, docs.briefings, docs.registry));
        }
        if prev.text.get().is_some() {
            // Only the briefings that changed are indexed again.
            match self.carry_text(prev, kept, docs) {
                Some(text) => {
                    let _ = self.text.set(text);
                    let _ = self.carried.set(());
                }
                None => {
                    self.text(docs);
                }
            }
        }
    }

    /// Whether `text` was carried over by `carry` (see `Folder::text_carried`).
    pub(crate) fn text_carried(&self) -> bool {
        self.carried.get().is_some()
    }

    /// The text index of `prev` carried over, when it was read from the
    /// same store as it was opened (not one built again, nor in memory):
    /// only the briefings not `kept` are looked up, indexed and removed,
    /// and the view is remapped rather than every key hashed and looked up
    /// again. `None`: opened as usual (`text`), which says what went wrong.
    fn carry_text(
        &self,
        prev: &SearchIndex,
        kept: &[Option<u32>],
        docs: Docs<'_>,
    ) -> Option<TextIndex> {
        let old = prev.text.get()?;
        let plain = old.on_store
            && prev.again.get().is_none()
            && prev.replacement.get().is_none()
            && self.replacement.get().is_none()
            && self.fallback.is_none();
        let store = self.store.as_ref()?;
        if !plain || !prev.store.as_ref().is_some_and(|p| Arc::ptr_eq(p, store)) {
            return None;
        }
        let (titles, before) = (self.titles.get()?, prev.titles.get()?);
        let n = docs.briefings.len();
        let mut is_kept = vec![false; n];
        for &k in kept.iter().flatten() {
            *is_kept.get_mut(k as usize)? = true;
        }
        let fresh: Vec<(usize, DocKey)> = (0..n)
            .filter(|&i| !is_kept[i])
            .map(|i| {
                let f = titles.docs.get(i)?;
                let stamp = docs
                    .seen
                    .and_then(|seen| seen.stamp_of(f.path))
                    .map_or(0, |s| s.hashed());
                Some((i, DocKey::of(f.path, f.id, stamp)))
            })
            .collect::<Option<_>>()?;
        let gone: Vec<u64> = (kept.iter().enumerate())
            .filter(|(_, k)| k.is_none())
            .filter_map(|(old, _)| before.docs.get(old))
            .map(|f| DocKey::of(f.path, f.id, 0).key)
            .collect();
        let known = old.segment_ids();
        let body = |i: usize| self.body_of(docs, i);
        let progress = |d, t| self.progress_at(d, t);
        let carried = crate::io::contain::contain(|| {
            store.sync_changed(&fresh, &gone, &known, &body, &progress)?;
            let fresh: Vec<(u32, DocKey)> = fresh.iter().map(|&(i, k)| (i as u32, k)).collect();
            old.carried(store, kept, n, &fresh)
        });
        let text = carried.ok()?.ok()??;
        self.forget_unindexed();
        Some(text)
    }

    /// Briefings indexed and to index, for the progress shown.
    fn progress_at(&self, done: usize, total: usize) {
        self.progress.0.store(done, Ordering::Relaxed);
        self.progress.1.store(total, Ordering::Relaxed);
    }

    /// The briefing `i` and its body, for the text index: the body waiting
    /// in memory or on disk, else read from its file.
    fn body_of<'a>(&self, docs: Docs<'a>, i: usize) -> Option<(&'a Briefing, String)> {
        let b = docs.briefings.get(i)?;
        let (waiting, spill) = {
            let mut pending = self.unindexed.lock().unwrap_or_else(|e| e.into_inner());
            (pending.bodies.remove(&i), pending.spill.clone())
        };
        match (waiting, spill) {
            (Some(Waiting::Text(text)), _) => return Some((b, text)),
            // Read back off the lock; unreadable, it is read from its file.
            (Some(Waiting::OnDisk(piece)), Some(spill)) => {
                if let Ok(text) = spill.get(piece) {
                    return Some((b, text));
                }
            }
            _ => {}
        }
        docs.bodies
            .body(b)
            .ok()
            .map(|text| (&**b, text.into_owned()))
    }

    /// Each briefing's key in the text index: its file and id, and the
    /// file's stamp (so a changed file's old text is never taken for it).
    fn keys(&self, docs: Docs<'_>) -> Vec<DocKey> {
        self.keys_with(docs, self.store.is_some() || self.fallback.is_some())
    }

    /// Each briefing's key, with its file's stamp when `stamped` (an index
    /// on disk, which outlives the files' versions).
    fn keys_with(&self, docs: Docs<'_>, stamped: bool) -> Vec<DocKey> {
        // From the index's columns: no briefing is decoded for its key.
        let facts = &self.titles(docs.briefings, docs.registry).docs;
        let mut stamps = vec![0; facts.len()];
        if let (true, Some(seen)) = (stamped, docs.seen) {
            let places = seen.docs_by_path(facts.iter().map(|f| f.path));
            for ((_, stamp), place) in seen.files.iter().zip(places) {
                if let Some(at) = place.and_then(|d| stamps.get_mut(d as usize)) {
                    *at = stamp.as_ref().map_or(0, Stamp::hashed);
                }
            }
        }
        use rayon::prelude::*;
        (0..facts.len())
            .into_par_iter()
            .filter_map(|i| {
                let f = facts.get(i)?;
                Some(DocKey::of(
                    f.path,
                    f.id,
                    stamps.get(i).copied().unwrap_or(0),
                ))
            })
            .collect()
    }

    /// The text index, from the store when it can be used, else in memory.
    fn open_text(&self, docs: Docs<'_>, progress: &(dyn Fn(usize, usize) + Sync)) -> TextIndex {
        let keys = self.keys(docs);
        if let Some(view) = self.current_view(&keys) {
            return view;
        }
        let body = |i: usize| self.body_of(docs, i);
        let mut store = self.store().cloned();
        if let Some(fallback) = &self.fallback
            && store
                .as_ref()
                .is_none_or(|shared| shared.outdated(&keys).unwrap_or(true))
        {
            store = self.fallback_store(fallback);
        }
        if let Some(store) = &store {
            let synced = crate::io::contain::contain(|| {
                store
                    .sync(&keys, &body, progress)
                    .and_then(|_| TextIndex::new(store, &keys))
            })
            .unwrap_or_else(|said| Err(StoreError::Io(std::io::Error::other(said))));
            match synced {
                Ok(mut index) => {
                    self.forget_unindexed();
                    index.on_store = true;
                    return index;
                }
                Err(e) => self.notice(&format!(
                    "the search index in {} cannot be used ({e}); the article text is indexed in memory for this session",
                    store
                        .dir()
                        .map(|d| d.display().to_string())
                        .unwrap_or_default()
                )),
            }
        }
        let in_memory = crate::io::contain::contain(|| {
            TextStore::in_ram().and_then(|store| {
                store.sync(&keys, &body, progress)?;
                TextIndex::new(&store, &keys)
            })
        })
        .unwrap_or_else(|said| Err(StoreError::Io(std::io::Error::other(said))));
        self.forget_unindexed();
        match in_memory {
            Ok(index) => index,
            Err(e) => {
                self.notice(&format!("the article text could not be indexed: {e}"));
                TextIndex::empty(keys.len())
            }
        }
    }

    /// The folder's index on disk seen through `keys`, when it holds them
    /// all as they are and nothing else: opened with nothing to do. It is
    /// checked first (a damaged one is set aside and built again: `None`).
    fn current_view(&self, keys: &[DocKey]) -> Option<TextIndex> {
        let store = self.store()?;
        if let Err(said) = store.validate_since_checked() {
            self.replace_store(&said);
            return None;
        }
        let view = crate::io::contain::contain(|| TextIndex::current(store, keys)).ok()?;
        let mut view = view.ok()??;
        self.forget_unindexed();
        view.on_store = true;
        Some(view)
    }

    /// The user's own index, said once, when the shared one may only be
    /// read and is not current; `None`: in memory.
    fn fallback_store(&self, fallback: &Fallback) -> Option<Arc<TextStore>> {
        let shared = fallback.shared.display();
        let Some(own) = &fallback.own else {
            self.notice(&format!(
                "the shared search index in {shared} is not current and you cannot write there; the article text is indexed in memory for this session"
            ));
            return None;
        };
        match TextStore::open(own) {
            Ok(store) => {
                self.notice(&format!(
                    "the shared search index in {shared} is not current and you cannot write there; the article text is indexed in your own cache ({})",
                    own.display()
                ));
                Some(Arc::new(store))
            }
            Err(e) => {
                self.notice(&format!(
                    "the shared search index in {shared} is not current and you cannot write there, and your own ({}) cannot be opened ({e}); the article text is indexed in memory for this session",
                    own.display()
                ));
                None
            }
        }
    }

    /// Says `said` with the index's problems (shown by the browser, printed
    /// by `search` and `check`).
    pub(crate) fn notice(&self, said: &str) {
        if let Ok(mut n) = self.notices.lock() {
            n.push(said.to_string());
        }
    }

    fn forget_unindexed(&self) {
        if let Ok(mut pending) = self.unindexed.lock() {
            *pending = Default::default();
        }
    }
}
