//! A loaded folder: its corpus (the data), its source (where it came from,
//! what reading it again and caching it need) and its search index.

use std::borrow::Cow;
use std::sync::Arc;

use super::Source;
use crate::corpus::Corpus;
use crate::index::search_index::Docs;
use crate::index::{Index, SearchIndex, TextIndex, TextStore};
use crate::model::{Briefing, Problem};

#[derive(Debug, Default)]
pub struct Folder {
    pub corpus: Corpus,
    pub source: Source,
    pub index: SearchIndex,
}

/// A folder reads as its corpus: `folder.briefings`, `folder.problems`.
impl std::ops::Deref for Folder {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.corpus
    }
}

impl Folder {
    /// `corpus` from `source`, its text indexed in `store` (`None`: in
    /// memory); bodies read with it wait, out of its briefings, for the index
    /// to take them when they live in their files.
    pub(crate) fn new(mut corpus: Corpus, source: Source, store: Option<Arc<TextStore>>) -> Folder {
        let mut index = SearchIndex::on(store);
        index.take_bodies(&mut corpus.briefings, &source.bodies);
        Folder {
            corpus,
            source,
            index,
        }
    }

    /// A corpus given in memory (the built-in one), shown as `origin`.
    pub fn in_memory(corpus: Corpus, origin: String) -> Folder {
        Folder::new(corpus, Source::in_memory(origin), None)
    }

    /// What the search index is built from.
    fn docs(&self) -> Docs<'_> {
        Docs {
            briefings: &self.corpus.briefings,
            registry: &self.corpus.registry,
            bodies: &self.source.bodies,
            seen: self.source.seen.as_ref(),
        }
    }

    /// The index of titles and names, built now if it is not yet.
    pub(crate) fn index(&self) -> &Index {
        self.index
            .titles(&self.corpus.briefings, &self.corpus.registry)
    }

    /// The article text's index as a search reads it: waiting for it to be
    /// built, or (`wait` false, while it is built) an index of nothing.
    pub(crate) fn text_index(&self, wait: bool) -> &TextIndex {
        self.index.text_for_search(self.docs(), wait)
    }

    /// Brings the article text's index up to date now, with `progress(done,
    /// total)` over the briefings indexed (none when it is current).
    pub fn index_text(&self, progress: &(dyn Fn(usize, usize) + Sync)) {
        self.index.index_text(self.docs(), progress);
    }

    /// How many briefings the text index in `dir` (a shared archive's,
    /// say) lacks or holds as of another file, or holds though they are
    /// gone, against this corpus: `None` when there is no index there, it
    /// holds nothing yet or cannot be read. Read only: nothing is written.
    pub fn text_index_stale_in(&self, dir: &std::path::Path) -> Option<usize> {
        self.index.text_stale_in(self.docs(), dir)
    }

    /// Whether searching the article text would have to index briefings first.
    pub fn text_index_outdated(&self) -> bool {
        self.index.text_outdated(self.docs())
    }

    /// Builds the whole search index ahead of the first search (the browser
    /// does it in the background once the list is on screen).
    pub fn prepare_search(&self) {
        // The cheap part first: facet counts and the list wait only for it.
        self.index();
        self.index.text(self.docs());
    }

    /// Whether the whole search index is built (or was carried over).
    pub fn is_indexed(&self) -> bool {
        self.index.is_built()
    }

    /// Whether the article text's index was carried over from the corpus
    /// before a reload, only the changed briefings looked up (rather than
    /// opened again, every key compared): for a measure or a test.
    pub fn text_carried(&self) -> bool {
        self.index.text_carried()
    }

    /// After a reload from `prev` (`doc_map` from `Reloaded::doc_map`): the
    /// parts of `prev`'s search index already built are carried over, updated
    /// for the briefings that changed, instead of built again from nothing.
    /// Worth it while few changed; otherwise the index is built as usual.
    pub fn carry_index(&self, prev: &Folder, doc_map: &[Option<usize>]) {
        let briefings = &self.corpus.briefings;
        let kept: Vec<Option<u32>> = doc_map
            .iter()
            .enumerate()
            .map(|(old, new)| {
                let n = (*new)?;
                briefings
                    .same(n, &prev.corpus.briefings, old)
                    .then_some(n as u32)
            })
            .collect();
        let fresh = briefings.len() - kept.iter().flatten().count();
        if fresh <= briefings.len() / 4 {
            self.index.carry(&prev.index, &kept, self.docs());
        }
    }

    /// A briefing's body: in memory, or read from its file.
    pub fn body<'a>(&self, b: &'a Briefing) -> Result<Cow<'a, str>, Problem> {
        self.source.bodies.body(b)
    }

    /// A briefing with its body, for reading it, showing it or exporting it.
    pub fn full<'a>(&self, b: &'a Briefing) -> Result<Cow<'a, Briefing>, Problem> {
        self.source.bodies.full(b)
    }

    pub fn get(&self, id: &str) -> Option<&Briefing> {
        self.corpus.briefings.get(self.position(id)?).map(|b| &**b)
    }

    /// Looked up in the index's columns, so no briefing is decoded for it.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index().docs.iter().position(|f| f.id == id)
    }

    /// The position of each of `ids` (`None`: no such briefing), from the
    /// index's columns in one pass: for a list of ids from a script.
    pub fn positions<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<Option<usize>> {
        let by_id: rustc_hash::FxHashMap<&str, usize> = self
            .index()
            .docs
            .iter()
            .enumerate()
            .map(|(doc, f)| (f.id, doc))
            .collect();
        ids.into_iter().map(|id| by_id.get(id).copied()).collect()
    }

    /// The id closest to an unknown one: a prefix or substring first, else the smallest edit distance.
    pub fn suggest_id(&self, id: &str) -> Option<&str> {
        let ids = || self.index().docs.iter().map(|f| f.id);
        if !id.is_empty()
            && let Some(hit) = ids().find(|i| i.contains(id))
        {
            return Some(hit);
        }
        crate::text::closest(id, ids())
    }

    /// For each briefing of `docs` (indices in the corpus), a number that
    /// changes when its id or its file changes: what a saved search remembers
    /// of what it found, to tell what is new since. From the index's columns
    /// and the stamps the load took: nothing is read or decoded.
    pub fn fingerprints(&self, docs: &[usize]) -> Vec<u64> {
        use std::hash::BuildHasher;
        let none = crate::stamp::Files::default();
        let files = self.source.seen.as_ref().map_or(&none, |s| &s.files);
        // Walks list files in path order; any other order is looked up by hash.
        let by_path: Option<rustc_hash::FxHashMap<&std::path::Path, u64>> =
            (!files.iter().is_sorted_by(|a, b| a.0 <= b.0)).then(|| {
                let hashed = |s: Option<crate::stamp::Stamp>| s.map_or(0, |s| s.hashed());
                files.iter().map(|(p, s)| (p, hashed(s))).collect()
            });
        let version = |path: &std::path::Path| -> u64 {
            if let Some(map) = &by_path {
                return map.get(path).copied().unwrap_or(0);
            }
            files
                .binary_search_by(|(p, _)| p.cmp(path))
                .ok()
                .and_then(|i| files.get(i)?.1)
                .map_or(0, |s| s.hashed())
        };
        let facts = &self.index().docs;
        docs.iter()
            .filter_map(|&d| facts.get(d))
            .map(|f| rustc_hash::FxBuildHasher.hash_one((f.id, version(f.path))))
            .collect()
    }

    /// Number of distinct countries named by the briefings.
    pub fn country_count(&self) -> usize {
        let mut all: Vec<u16> = self
            .index()
            .doc_countries
            .iter()
            .flatten()
            .copied()
            .collect();
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

    /// Writes the cache of a folder read from its files (or read again), so
    /// the next start skips parsing. `Ok(false)`: a file changed too recently
    /// to be trusted (or could not be stat'ed), so nothing was written; try
    /// again later. A folder the cache gave, or with no cache folder, has
    /// nothing to write.
    pub fn store_cache(&self) -> std::io::Result<bool> {
        let source = &self.source;
        // A shared cache this user may not write: theirs instead.
        let dir = match source.opts.cache_read_only {
            true => &source.opts.own_cache,
            false => &source.opts.cache,
        };
        let (Some(root), Some(dir), false) = (&source.root, dir, source.from_cache) else {
            return Ok(true);
        };
        let Some(stamps) = source.stamps_to_cache() else {
            return Ok(false);
        };
        let key = super::cache_key(&source.opts);
        let index = self.index();
        let places = (source.seen.as_ref())
            .map(|seen| seen.docs_by_path(index.docs.iter().map(|f| f.path)))
            .unwrap_or_default();
        crate::cache::write(dir, root, key, &stamps, places, &self.corpus, index)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use crate::load::{LoadOptions, load_dir};

    /// The cache lays its postings out so a start reads them in place
    /// (aligned, after the padding `cache::write` computes): none is copied.
    #[test]
    fn a_start_from_the_cache_reads_every_list_of_postings_in_place() {
        let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for (id, title) in [
            ("a", "Réunion à Niamey"),
            ("bb", "Frontex à Varsovie"),
            ("ccc", "Réunion OIM"),
        ] {
            let path = dir.path().join(format!("{id}.yaml"));
            let yaml = format!(
                "id: {id}\ntitle: \"{title}\"\ncountries: [NE]\nactors:\n- name: Europol\n"
            );
            std::fs::write(&path, yaml).unwrap();
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
        let opts = LoadOptions {
            cache: Some(cache.path().to_path_buf()),
            ..LoadOptions::default()
        };
        let first = load_dir(dir.path(), &opts, &|_, _| {}).unwrap();
        assert!(first.store_cache().unwrap(), "cached");
        let again = load_dir(dir.path(), &opts, &|_, _| {}).unwrap();
        assert!(again.source.from_cache, "{:?}", again.problems);
        let idx = again.index();
        let lists: Vec<&crate::index::Postings> = (idx.title_docs.iter())
            .chain(&idx.title_accented)
            .chain(idx.entries.iter().map(|e| &e.docs))
            .collect();
        assert!(lists.iter().any(|p| !p.is_empty()));
        if cfg!(target_endian = "little") {
            assert!(
                lists.iter().all(|p| p.is_mapped()),
                "every list read in place"
            );
        }
        let built = first.index();
        assert!(
            idx.postings().eq(built.postings()),
            "the same lists as built"
        );
    }
}
