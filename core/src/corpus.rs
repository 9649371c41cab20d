//! A loaded folder: briefings newest first, the actor registry, the problems met, the search index.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

use crate::actors::Registry;
use crate::index::store::DocKey;
use crate::index::{Index, TextIndex, TextStore};
use crate::lang::Lang;
use crate::model::{Actor, ActorId, Briefing, Problem, Severity};
use crate::stamp::{Seen, Stamp};

#[derive(Debug, Default)]
pub struct Corpus {
    /// Newest first, undated last; from the cache, each decoded when read.
    pub briefings: crate::briefings::Briefings,
    pub registry: Registry,
    pub problems: Vec<Problem>,
    /// Where it came from, for display (`briefings`, `built-in corpus`).
    pub origin: String,
    /// Built on first search, so listing and checking never pay for it.
    index: std::sync::OnceLock<Index>,
    /// Summary and body words, from `store` (or an index in memory): opened,
    /// and brought up to date, on the first word searched.
    text_index: OnceLock<TextIndex>,
    /// The index of the article text in the cache folder, shared with every
    /// process on the same folder; `None`: an index in memory.
    pub(crate) store: Option<Arc<TextStore>>,
    /// Where bodies are read from.
    pub(crate) bodies: Bodies,
    /// Bodies read with the briefings and not yet indexed, by briefing:
    /// indexing takes them rather than reading the files again.
    pub(crate) unindexed: Mutex<rustc_hash::FxHashMap<usize, String>>,
    /// Problems met by the text index (a damaged index set aside), shown
    /// with the folder's problems.
    pub index_notices: Mutex<Vec<String>>,
    /// False: a search does not wait for the text index being built, it
    /// searches titles and names meanwhile (the browser, while typing).
    text_wait: std::sync::atomic::AtomicBool,
    /// Briefings indexed and to index, while the text index is being built.
    text_progress: (
        std::sync::atomic::AtomicUsize,
        std::sync::atomic::AtomicUsize,
    ),
    /// What a search that does not wait reads meanwhile: nothing.
    no_text: OnceLock<TextIndex>,
    /// Whether the text index was found outdated, asked once: every
    /// keystroke while it is built would otherwise walk it again.
    text_outdated: OnceLock<bool>,
    /// Set when the corpus was read from files and may be cached.
    pub(crate) to_cache: Option<ToCache>,
    /// True when it was read from the cache rather than the files.
    pub from_cache: bool,
    /// Every file as it was when read, for live reload.
    pub(crate) seen: Option<Seen>,
}

/// A folder this small has its text indexed at once, even by a search that
/// would not wait: it takes less time than drawing the answer.
const SMALL: usize = 1_000;

/// Where a corpus's bodies are: in its briefings, or in their files (read
/// by a function the loader gives, so a body is parsed as its briefing was).
#[derive(Clone, Default)]
pub(crate) enum Bodies {
    #[default]
    InBriefings,
    Files(Arc<BodyReader>),
}

/// Reads and parses one briefing file again.
pub(crate) type BodyReader = dyn Fn(&std::path::Path) -> Result<Briefing, Problem> + Send + Sync;

impl std::fmt::Debug for Bodies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Bodies::InBriefings => "InBriefings",
            Bodies::Files(_) => "Files",
        })
    }
}

/// What writing the cache of a freshly read folder needs.
#[derive(Debug)]
pub(crate) struct ToCache {
    pub dir: std::path::PathBuf,
    pub root: std::path::PathBuf,
    pub max_file_size: u64,
    pub stamps: Vec<Stamp>,
}

impl Corpus {
    pub fn new(
        briefings: impl Into<crate::briefings::Briefings>,
        registry: Registry,
        problems: Vec<Problem>,
        origin: String,
    ) -> Corpus {
        Corpus {
            briefings: briefings.into(),
            registry,
            problems,
            origin,
            index: std::sync::OnceLock::new(),
            text_index: OnceLock::new(),
            store: None,
            bodies: Bodies::InBriefings,
            unindexed: Mutex::default(),
            index_notices: Mutex::default(),
            text_wait: std::sync::atomic::AtomicBool::new(true),
            text_progress: Default::default(),
            no_text: OnceLock::new(),
            text_outdated: OnceLock::new(),
            to_cache: None,
            from_cache: false,
            seen: None,
        }
    }

    /// Moves the bodies of a corpus whose bodies live in files out of its
    /// briefings, for the text index to take; briefings shared with another
    /// corpus (carried over by a reload) have none left to move.
    pub(crate) fn detach_bodies(&mut self) {
        if matches!(self.bodies, Bodies::InBriefings) {
            return;
        }
        let pending = self.unindexed.get_mut().unwrap_or_else(|e| e.into_inner());
        for (i, b) in self.briefings.loaded_mut() {
            if let Some(b) = Arc::get_mut(b)
                && !b.body.is_empty()
            {
                pending.insert(i, std::mem::take(&mut b.body));
            }
        }
    }

    /// The search index, built now if it is not yet.
    pub(crate) fn index(&self) -> &Index {
        self.index
            .get_or_init(|| Index::build(&self.briefings, &self.registry))
    }

    /// The search index as the cache kept it, built from these very briefings.
    pub(crate) fn set_index(&mut self, index: Index) {
        self.index = OnceLock::from(index);
    }

    pub(crate) fn text_index(&self) -> &TextIndex {
        self.text_index.get_or_init(|| {
            let (done, total) = &self.text_progress;
            self.open_text_index(&|d, t| {
                done.store(d, std::sync::atomic::Ordering::Relaxed);
                total.store(t, std::sync::atomic::Ordering::Relaxed);
            })
        })
    }

    /// The text index a search reads: the text index, or, while it is being
    /// built for a search that does not wait, an index of nothing.
    pub(crate) fn text_for_search(&self) -> &TextIndex {
        if let Some(text) = self.text_index.get() {
            return text;
        }
        // Waiting is cheap when the index on disk is current (it is only
        // opened) or the folder small (it is built at once).
        if self.text_wait.load(std::sync::atomic::Ordering::Relaxed)
            || self.briefings.len() <= SMALL
            || !*self
                .text_outdated
                .get_or_init(|| self.text_index_outdated())
        {
            return self.text_index();
        }
        self.no_text
            .get_or_init(|| TextIndex::empty(self.briefings.len()))
    }

    /// Searches stop waiting for the text index: until it is ready they find
    /// titles, names and places only (`text_searched` says so).
    pub fn search_text_without_waiting(&self) {
        self.text_wait
            .store(false, std::sync::atomic::Ordering::Relaxed);
    }

    /// Whether searches read the article text yet.
    pub fn text_searched(&self) -> bool {
        self.text_index.get().is_some()
    }

    /// While the text index is being built: briefings indexed, and to index.
    pub fn text_progress(&self) -> (usize, usize) {
        let (done, total) = &self.text_progress;
        (
            done.load(std::sync::atomic::Ordering::Relaxed),
            total.load(std::sync::atomic::Ordering::Relaxed),
        )
    }

    /// Brings the article text's index up to date now, with `progress(done,
    /// total)` over the briefings indexed (none when it is current).
    pub fn index_text(&self, progress: &(dyn Fn(usize, usize) + Sync)) {
        self.text_index
            .get_or_init(|| self.open_text_index(progress));
    }

    /// Whether searching the article text would have to index briefings first.
    pub fn text_index_outdated(&self) -> bool {
        if self.text_index.get().is_some() {
            return false;
        }
        let keys = self.keys();
        match &self.store {
            Some(store) => store.outdated(&keys).unwrap_or(true),
            None => !keys.is_empty(),
        }
    }

    /// Each briefing's key in the text index: its file and id, and the
    /// file's stamp (so a changed file's old text is never taken for it).
    fn keys(&self) -> Vec<DocKey> {
        // Keyed by the path's bytes: hashing a `Path` walks its components.
        let stamps: rustc_hash::FxHashMap<&std::ffi::OsStr, u64> = match (&self.store, &self.seen) {
            (Some(_), Some(seen)) => seen
                .files
                .iter()
                .map(|(p, s)| (p.as_os_str(), s.as_ref().map_or(0, Stamp::hashed)))
                .collect(),
            _ => Default::default(),
        };
        // From the index's columns: no briefing is decoded for its key.
        self.index()
            .docs
            .iter()
            .map(|f| {
                let stamp = stamps.get(f.path.as_os_str()).copied().unwrap_or(0);
                DocKey::of(&f.path, &f.id, stamp)
            })
            .collect()
    }

    fn open_text_index(&self, progress: &(dyn Fn(usize, usize) + Sync)) -> TextIndex {
        let docs = self.keys();
        let keys = &docs;
        let body = |i: usize| -> Option<(&Briefing, String)> {
            let b = self.briefings.get(i)?;
            if let Some(text) = self.unindexed.lock().ok()?.remove(&i) {
                return Some((b, text));
            }
            self.body(b).ok().map(|text| (&**b, text.into_owned()))
        };
        let notice = |e: &dyn std::fmt::Display| {
            if let Ok(mut n) = self.index_notices.lock() {
                n.push(e.to_string());
            }
        };
        if let Some(store) = &self.store {
            match store
                .sync(&docs, &body, progress)
                .and_then(|_| TextIndex::new(store, keys))
            {
                Ok(index) => {
                    self.forget_unindexed();
                    return index;
                }
                Err(e) => notice(&format!(
                    "the search index in {} could not be used ({e}); the article text is indexed in memory for this session",
                    store
                        .dir()
                        .map(|d| d.display().to_string())
                        .unwrap_or_default()
                )),
            }
        }
        let in_memory = TextStore::in_ram().and_then(|store| {
            store.sync(&docs, &body, progress)?;
            TextIndex::new(&store, keys)
        });
        self.forget_unindexed();
        match in_memory {
            Ok(index) => index,
            Err(e) => {
                notice(&format!("the article text could not be indexed: {e}"));
                TextIndex::empty(keys.len())
            }
        }
    }

    fn forget_unindexed(&self) {
        if let Ok(mut pending) = self.unindexed.lock() {
            *pending = Default::default();
        }
    }

    /// A briefing's body: in memory, or read from its file.
    pub fn body<'a>(&'a self, b: &'a Briefing) -> Result<Cow<'a, str>, Problem> {
        match &self.bodies {
            Bodies::InBriefings => Ok(Cow::Borrowed(&b.body)),
            Bodies::Files(read) => read(&b.path).map(|full| Cow::Owned(full.body)),
        }
    }

    /// A briefing with its body, for reading it, showing it or exporting it.
    pub fn full<'a>(&'a self, b: &'a Briefing) -> Result<Cow<'a, Briefing>, Problem> {
        match &self.bodies {
            Bodies::InBriefings => Ok(Cow::Borrowed(b)),
            Bodies::Files(read) => {
                let mut full = read(&b.path)?;
                // The list's briefing is the one shown: only the body comes from the file.
                let body = std::mem::take(&mut full.body);
                Ok(Cow::Owned(Briefing { body, ..b.clone() }))
            }
        }
    }

    /// After a reload from `prev` (`doc_map` from `reload::doc_map`): the
    /// parts of `prev`'s search index already built are carried over, updated
    /// for the briefings that changed, instead of built again from nothing.
    /// Worth it while few changed; otherwise the index is built as usual.
    pub fn carry_index(&self, prev: &Corpus, doc_map: &[Option<usize>]) {
        let kept: Vec<Option<u32>> = doc_map
            .iter()
            .enumerate()
            .map(|(old, new)| {
                let n = (*new)?;
                self.briefings
                    .same(n, &prev.briefings, old)
                    .then_some(n as u32)
            })
            .collect();
        let fresh = self.briefings.len() - kept.iter().flatten().count();
        if fresh > self.briefings.len() / 4 {
            return;
        }
        if let Some(old) = prev.index.get() {
            let _ = self
                .index
                .set(old.updated(&kept, &self.briefings, &self.registry));
        }
        if prev.text_index.get().is_some() {
            // Only the briefings that changed are indexed again.
            self.text_index();
        }
    }

    /// Whether the whole search index is built (or was carried over).
    pub fn is_indexed(&self) -> bool {
        self.index.get().is_some() && self.text_index.get().is_some()
    }

    /// Builds the whole search index ahead of the first search (the browser
    /// does it in the background once the list is on screen).
    pub fn prepare_search(&self) {
        // The cheap part first: facet counts and the list wait only for it.
        self.index();
        self.text_index();
    }

    pub fn get(&self, id: &str) -> Option<&Briefing> {
        self.briefings.get(self.position(id)?).map(|b| &**b)
    }

    /// Looked up in the index's columns, so no briefing is decoded for it.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index().docs.iter().position(|f| f.id == id)
    }

    /// The id closest to an unknown one: a prefix or substring first, else the smallest edit distance.
    pub fn suggest_id(&self, id: &str) -> Option<&str> {
        let ids = || self.index().docs.iter().map(|f| f.id.as_str());
        if !id.is_empty()
            && let Some(hit) = ids().find(|i| i.contains(id))
        {
            return Some(hit);
        }
        crate::text::closest(id, ids())
    }

    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.registry.get(id)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }

    /// Problems of `severity` that are real problems: actor names merely not
    /// in `actors.yaml` (every name, in a folder without one) are left out.
    pub fn count_real(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity && !p.is_unregistered_actor())
            .count()
    }

    /// Actor names not in `actors.yaml`, each reported once.
    pub fn count_unregistered(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.is_unregistered_actor())
            .count()
    }

    /// Number of distinct countries named by the briefings.
    pub fn country_count(&self) -> usize {
        let idx = self.index();
        let mut all: Vec<u16> = idx.doc_countries.iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        all.len()
    }

    /// Number of distinct actors taking part in the briefings.
    pub fn actor_count(&self) -> usize {
        let mut all: Vec<u32> = self.index().doc_actors.iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        all.len()
    }
}

/// Actors of one kind in a briefing, each with its role.
pub type ActorGroup<'a> = (crate::model::ActorKind, Vec<(&'a Actor, Option<&'a str>)>);

/// The reading form of a briefing shared by `brief show` and the TUI reader, so they never disagree.
impl Corpus {
    /// Actors grouped by kind (registry order of kinds), each with its role.
    pub fn actors_by_kind<'a>(&'a self, b: &'a Briefing) -> Vec<ActorGroup<'a>> {
        crate::model::ActorKind::ALL
            .iter()
            .filter_map(|kind| {
                let group: Vec<_> = b
                    .actors
                    .iter()
                    .filter_map(|r| self.actor(r.actor).map(|a| (a, r.role.as_deref())))
                    .filter(|(a, _)| a.kind == *kind)
                    .collect();
                (!group.is_empty()).then_some((*kind, group))
            })
            .collect()
    }

    /// Metadata lines, in reading order, with values in `lang`; empty fields
    /// are left out, except the date (`unknown` when there is none).
    pub fn metadata(&self, b: &Briefing, lang: Lang) -> Vec<(MetaField, String)> {
        let t = lang.text();
        let mut out = Vec::new();
        let date = b.date_label();
        out.push((
            MetaField::Date,
            if date.is_empty() {
                t.undated.to_string()
            } else {
                date
            },
        ));
        if let Some(n) = &b.date_note {
            out.push((MetaField::Note, n.clone()));
        }
        if !b.location.is_empty() {
            out.push((MetaField::Place, b.location.label(lang)));
        }
        if !b.countries.is_empty() {
            let names: Vec<String> = b
                .countries
                .iter()
                .map(|c| format!("{} ({c})", c.name(lang)))
                .collect();
            out.push((MetaField::Countries, names.join(", ")));
        }
        if !b.topics.is_empty() {
            out.push((MetaField::Topics, b.topics.join(", ")));
        }
        if let Some(p) = &b.source.publisher {
            out.push((MetaField::Source, p.clone()));
        }
        if let Some(p) = &b.published {
            out.push((MetaField::Published, p.to_string()));
        }
        if let Some(u) = &b.source.url {
            out.push((MetaField::Url, u.clone()));
        }
        if !b.source.translations.is_empty() {
            out.push((MetaField::Translations, b.source.translations.join(", ")));
        }
        if !b.related.is_empty() {
            out.push((MetaField::Related, b.related.join(", ")));
        }
        out
    }
}

/// A metadata line's field: `label` names it in the interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    Date,
    Note,
    Place,
    Countries,
    Topics,
    Source,
    Published,
    Url,
    Translations,
    Related,
}

impl MetaField {
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.text();
        match self {
            MetaField::Date => t.date,
            MetaField::Note => t.note,
            MetaField::Place => t.place,
            MetaField::Countries => t.countries,
            MetaField::Topics => t.topics,
            MetaField::Source => t.source,
            MetaField::Published => t.published,
            MetaField::Url => t.url,
            MetaField::Translations => t.translations,
            MetaField::Related => t.see_also,
        }
    }
}
