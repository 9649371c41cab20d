//! The article text's index as one corpus sees it: a snapshot of the
//! `TextStore` with, for every document, the briefing it is in this corpus.
//! Postings come out as the in-memory index gave them,
//! `briefing << 3 | written_with_accents << 2 | written_plain << 1 | in_summary`,
//! so scoring reads them the same way whatever holds them.

use std::ops::ControlFlow;

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::index::SegmentId;
use tantivy::postings::Postings;
use tantivy::query::{EnableScoring, PhraseQuery, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Searcher, TERMINATED, Term};

use super::store::{DocKey, Fields, StoreError, TextStore};

/// No briefing of this corpus: a deleted document, or one of another version of its file.
const NONE: u32 = u32::MAX;

/// Keys looked at, for each briefing, along the keys before they are all
/// hashed (see `KeyFinder`).
const SCANS_PER_KEY: usize = 64;

/// Finds each text-index document's briefing by its key. Documents sit in
/// the order their briefings were indexed, each writer thread's segment
/// with gaps where the other's went, and a merged segment going back a few
/// dozen times: the briefing after the last one found is tried first, then
/// the keys from there on (a millisecond for a million), and they are
/// hashed only once that looked at too many (hashing a million was a tenth
/// of a second on one core, every other segment waiting, and 32 MB).
struct KeyFinder<'k> {
    keys: &'k [DocKey],
    /// The keys alone, side by side, for the scans.
    bare: std::sync::OnceLock<Vec<u64>>,
    hashed: std::sync::OnceLock<FxHashMap<u64, (u32, u64)>>,
    /// Keys the scans may still look at.
    budget: std::sync::atomic::AtomicUsize,
}

impl<'k> KeyFinder<'k> {
    fn new(keys: &'k [DocKey], scans_per_key: usize) -> KeyFinder<'k> {
        KeyFinder {
            keys,
            bare: Default::default(),
            hashed: Default::default(),
            budget: keys.len().saturating_mul(scans_per_key).into(),
        }
    }

    /// The briefing with key `k` and its stamp, looked for from `guess` on.
    fn find(&self, k: u64, guess: u32) -> Option<(u32, u64)> {
        use std::sync::atomic::Ordering::Relaxed;
        if let Some(g) = self.keys.get(guess as usize)
            && g.key == k
        {
            return Some((guess, g.stamp));
        }
        let left = self.budget.load(Relaxed);
        if self.hashed.get().is_none() && left > 0 {
            let bare = (self.bare).get_or_init(|| self.keys.iter().map(|g| g.key).collect());
            let from = (guess as usize).min(bare.len());
            let (after, before) = (bare.get(from..)?, bare.get(..from)?);
            let found = match after.iter().take(left).position(|&g| g == k) {
                Some(i) => Some(from + i),
                None => {
                    (before.iter().take(left.saturating_sub(after.len()))).position(|&g| g == k)
                }
            };
            let looked = found.map_or(bare.len(), |i| (i + bare.len() - from) % bare.len() + 1);
            let _ =
                (self.budget).fetch_update(Relaxed, Relaxed, |b| Some(b.saturating_sub(looked)));
            if let Some(i) = found {
                return Some((u32::try_from(i).ok()?, self.keys.get(i)?.stamp));
            }
        }
        let hashed = self.hashed.get_or_init(|| {
            (self.keys.iter().enumerate())
                .map(|(i, k)| (k.key, (i as u32, k.stamp)))
                .collect()
        });
        hashed.get(&k).copied()
    }
}

/// For each document of `segment`, its briefing: found by its key with
/// `find` (briefing, and the stamp of the file it must be read from; given
/// a guess, the briefing after the last one found), else `NONE`.
fn ords_by_key(
    segment: &tantivy::SegmentReader,
    find: impl Fn(u64, u32) -> Option<(u32, u64)>,
) -> Result<Vec<u32>, StoreError> {
    let ff = segment.fast_fields();
    let (key, stamp) = (ff.u64("key")?, ff.u64("stamp")?);
    let mut guess = 0;
    Ok((0..segment.max_doc())
        .map(|doc| {
            if segment.is_deleted(doc) {
                return NONE;
            }
            match (key.first(doc), stamp.first(doc)) {
                (Some(k), Some(s)) => match find(k, guess) {
                    Some((ord, want)) if want == s => {
                        guess = ord.wrapping_add(1);
                        ord
                    }
                    _ => NONE,
                },
                _ => NONE,
            }
        })
        .collect())
}

/// Which text a phrase or capitals are looked for in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Summary,
    Body,
}

pub(crate) struct TextIndex {
    /// `None`: no index could be made.
    searcher: Option<Searcher>,
    fields: Fields,
    /// Per segment, per document: its briefing, or `NONE`.
    ords: Vec<Vec<u32>>,
    /// Number of briefings.
    n: usize,
    /// The vocabulary and each word's character set, read once, when typos
    /// are first looked for.
    vocabulary: std::sync::OnceLock<(Vec<String>, Vec<u64>)>,
    /// Seen on the folder's store (not an index in memory): a reload may
    /// carry this view over (`carried`).
    pub(crate) on_store: bool,
    /// Set when reading the index panicked (a damaged file tantivy does not
    /// check): what it said. Every later read answers nothing; the search is
    /// done again on an index built anew (`SearchIndex::text_for_search`).
    damaged: std::sync::OnceLock<String>,
}

impl std::fmt::Debug for TextIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextIndex").field("n", &self.n).finish()
    }
}

impl TextIndex {
    /// The store's newest commit, seen through `keys` (each briefing's key, in order).
    pub(crate) fn new(store: &TextStore, keys: &[DocKey]) -> Result<TextIndex, StoreError> {
        let searcher = store.searcher();
        let ords = Self::ords(&searcher, keys)?;
        Ok(Self::over(store, searcher, ords, keys.len()))
    }

    /// The store's newest commit seen through `keys`, when it holds exactly
    /// the briefings `keys` name, each once and as of its file, and nothing
    /// else: the view, with nothing to bring up to date. One pass over the
    /// index's keys where asking whether it is current and then opening it
    /// made two (at a million briefings, 0.25 s of a start).
    pub(crate) fn current(
        store: &TextStore,
        keys: &[DocKey],
    ) -> Result<Option<TextIndex>, StoreError> {
        store.read_newest()?;
        let searcher = store.searcher();
        let live: u64 = (searcher.segment_readers().iter())
            .map(|s| u64::from(s.num_docs()))
            .sum();
        if live != keys.len() as u64 {
            return Ok(None);
        }
        let ords = Self::ords(&searcher, keys)?;
        // As many live documents as briefings: each found once, none missing.
        let mut seen = vec![false; keys.len()];
        for (segment, ords) in searcher.segment_readers().iter().zip(&ords) {
            for (doc, &ord) in ords.iter().enumerate() {
                if segment.is_deleted(doc as u32) {
                    continue;
                }
                match seen.get_mut(ord as usize) {
                    Some(once @ false) => *once = true,
                    _ => return Ok(None),
                }
            }
        }
        Ok(Some(Self::over(store, searcher, ords, keys.len())))
    }

    /// For each segment of `searcher`, each document's briefing by `keys`.
    fn ords(searcher: &Searcher, keys: &[DocKey]) -> Result<Vec<Vec<u32>>, StoreError> {
        let finder = KeyFinder::new(keys, SCANS_PER_KEY);
        let find = |k: u64, guess: u32| finder.find(k, guess);
        use rayon::prelude::*;
        (searcher.segment_readers().par_iter())
            .map(|segment| ords_by_key(segment, find))
            .collect()
    }

    fn over(store: &TextStore, searcher: Searcher, ords: Vec<Vec<u32>>, n: usize) -> TextIndex {
        TextIndex {
            searcher: Some(searcher),
            fields: store.fields,
            ords,
            n,
            vocabulary: Default::default(),
            on_store: false,
            damaged: Default::default(),
        }
    }

    /// The segments this view reads, to tell which a later commit added.
    pub(crate) fn segment_ids(&self) -> FxHashSet<SegmentId> {
        self.segments().iter().map(|s| s.segment_id()).collect()
    }

    /// This view after a reload, on the store's newest commit: `kept[old]`
    /// is the new place of each briefing that did not change, `fresh` the
    /// briefings just indexed (place, key), `n` the briefings now. Segments
    /// seen before keep their places remapped; a segment made since (the
    /// new briefings, or a merge) is read by key, the keys of merged
    /// documents taken from the segments they came from. Proportional to
    /// the documents, with no key hashed but the new ones and the merged.
    /// `None` when some briefing is not found exactly once: the caller
    /// opens the index as usual.
    pub(crate) fn carried(
        &self,
        store: &TextStore,
        kept: &[Option<u32>],
        n: usize,
        fresh: &[(u32, DocKey)],
    ) -> Result<Option<TextIndex>, StoreError> {
        let Some(old) = &self.searcher else {
            return Ok(None);
        };
        if self.damaged.get().is_some() {
            return Ok(None);
        }
        let new_of = |ord: u32| kept.get(ord as usize).copied().flatten();
        let searcher = store.searcher();
        let now: FxHashSet<SegmentId> = (searcher.segment_readers().iter())
            .map(|s| s.segment_id())
            .collect();
        let mut by_key: FxHashMap<u64, (u32, u64)> = fresh
            .iter()
            .map(|&(at, k)| (k.key, (at, k.stamp)))
            .collect();
        let mut before: FxHashMap<SegmentId, usize> = FxHashMap::default();
        for (s, segment) in old.segment_readers().iter().enumerate() {
            if now.contains(&segment.segment_id()) {
                before.insert(segment.segment_id(), s);
                continue;
            }
            // Merged away: its documents are found again by key.
            let ff = segment.fast_fields();
            let (key, stamp) = (ff.u64("key")?, ff.u64("stamp")?);
            for (doc, &ord) in self.ords.get(s).into_iter().flatten().enumerate() {
                if let (Some(new), Some(k), Some(st)) =
                    (new_of(ord), key.first(doc as u32), stamp.first(doc as u32))
                {
                    by_key.insert(k, (new, st));
                }
            }
        }
        let mut ords = Vec::with_capacity(now.len());
        for segment in searcher.segment_readers() {
            let seg: Vec<u32> = match before.get(&segment.segment_id()) {
                Some(&s) => (self.ords.get(s).into_iter().flatten().enumerate())
                    .map(|(doc, &ord)| match segment.is_deleted(doc as u32) {
                        true => NONE,
                        false => new_of(ord).unwrap_or(NONE),
                    })
                    .collect(),
                None => ords_by_key(segment, |k, _| by_key.get(&k).copied())?,
            };
            ords.push(seg);
        }
        let mut found = vec![false; n];
        for &ord in ords.iter().flatten().filter(|&&o| o != NONE) {
            match found.get_mut(ord as usize) {
                Some(f) if !*f => *f = true,
                _ => return Ok(None),
            }
        }
        if found.contains(&false) {
            return Ok(None);
        }
        Ok(Some(TextIndex {
            searcher: Some(searcher),
            fields: self.fields,
            ords,
            n,
            vocabulary: Default::default(),
            on_store: true,
            damaged: Default::default(),
        }))
    }

    /// An index of nothing, when none could be made: every text search finds nothing.
    pub(crate) fn empty(n: usize) -> TextIndex {
        TextIndex {
            searcher: None,
            fields: super::store::fields(),
            ords: Vec::new(),
            n,
            vocabulary: Default::default(),
            on_store: false,
            damaged: Default::default(),
        }
    }

    /// What reading the index met when it panicked, if it did.
    pub(crate) fn damaged(&self) -> Option<&str> {
        self.damaged.get().map(String::as_str)
    }

    /// `f`, or `fallback` once reading the index panicked (now or before):
    /// a damaged index answers nothing rather than take the process down.
    fn guarded<T>(&self, fallback: impl FnOnce() -> T, f: impl FnOnce() -> T) -> T {
        if self.damaged.get().is_some() {
            return fallback();
        }
        match crate::io::contain::contain(f) {
            Ok(v) => v,
            Err(said) => {
                let _ = self.damaged.set(said);
                fallback()
            }
        }
    }

    fn segments(&self) -> &[tantivy::SegmentReader] {
        self.searcher.as_ref().map_or(&[], |s| s.segment_readers())
    }

    /// Calls `f` with the postings of every summary and body word starting
    /// with `prefix`, word by word, until it says to stop.
    fn prefixed(&self, prefix: &str, mut f: impl FnMut(Vec<u32>) -> ControlFlow<()>) {
        for s in 0..self.segments().len() {
            let stopped = self.segment_prefixed(s, prefix, |p| f(self.collect(s, p)));
            if stopped.is_break() {
                return;
            }
        }
    }

    /// Calls `f` with the postings of each word of the segment `s` starting
    /// with `prefix`, until it says to stop.
    fn segment_prefixed(
        &self,
        s: usize,
        prefix: &str,
        mut f: impl FnMut(tantivy::postings::SegmentPostings) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let Some(Ok(inverted)) = self
            .segments()
            .get(s)
            .map(|r| r.inverted_index(self.fields.words))
        else {
            return ControlFlow::Continue(());
        };
        let mut range = inverted.terms().range().ge(prefix.as_bytes());
        if let Some(end) = prefix_end(prefix) {
            range = range.lt(end);
        }
        let Ok(mut stream) = range.into_stream() else {
            return ControlFlow::Continue(());
        };
        while stream.advance() {
            if let Ok(postings) =
                inverted.read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)
            {
                f(postings)?;
            }
        }
        ControlFlow::Continue(())
    }

    /// A segment's postings as briefing postings, flags from the term frequency.
    fn collect(&self, segment: usize, postings: tantivy::postings::SegmentPostings) -> Vec<u32> {
        let mut out = Vec::with_capacity(postings.size_hint() as usize);
        self.each_posting(segment, postings, |ord, flags| out.push(ord << 3 | flags));
        out
    }

    /// Each document of a segment's postings that is a briefing of this
    /// corpus, as the briefing and its flags (from the term frequency).
    fn each_posting(
        &self,
        segment: usize,
        mut postings: tantivy::postings::SegmentPostings,
        mut f: impl FnMut(u32, u32),
    ) {
        let Some(ords) = self.ords.get(segment) else {
            return;
        };
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if let Some(&ord) = ords.get(doc as usize)
                && ord != NONE
            {
                f(ord, postings.term_freq() & 7);
            }
            doc = postings.advance();
        }
    }

    /// For every briefing, the best `rank` of the flags of its summary and
    /// body words starting with `prefix` (0: none), the segments read side
    /// by side and no word's postings collected. A short prefix reaches
    /// thousands of words and tens of millions of postings at a million
    /// briefings (`r`, `rés`: 0.4–0.5 s one segment after the other).
    pub(crate) fn best_prefixed(&self, prefix: &str, rank: impl Fn(u32) -> u8 + Sync) -> Vec<u8> {
        use rayon::prelude::*;
        let n = self.n;
        self.guarded(
            || vec![0; n],
            || {
                (0..self.segments().len())
                    .into_par_iter()
                    .fold(
                        || vec![0u8; n],
                        |mut best, s| {
                            self.rank_segment(s, prefix, &rank, &mut best);
                            best
                        },
                    )
                    .reduce_with(|mut a, b| {
                        for (x, y) in a.iter_mut().zip(b) {
                            *x = (*x).max(y);
                        }
                        a
                    })
                    .unwrap_or_else(|| vec![0; n])
            },
        )
    }

    /// `best_prefixed` over the segment `s`, into `best`.
    fn rank_segment(&self, s: usize, prefix: &str, rank: &impl Fn(u32) -> u8, best: &mut [u8]) {
        let _ = self.segment_prefixed(s, prefix, |postings| {
            self.each_posting(s, postings, |ord, flags| {
                if let Some(b) = best.get_mut(ord as usize) {
                    *b = (*b).max(rank(flags));
                }
            });
            ControlFlow::Continue(())
        });
    }

    /// Postings of every summary and body word starting with `prefix`, word by word.
    pub(crate) fn each_prefixed(&self, prefix: &str, mut f: impl FnMut(&[u32])) {
        self.guarded(
            || {},
            || {
                self.prefixed(prefix, |p| {
                    f(&p);
                    ControlFlow::Continue(())
                })
            },
        );
    }

    /// Whether a summary or body word of this corpus starts with `prefix`
    /// (a word only deleted or outdated briefings hold is not one).
    pub(crate) fn has_prefix(&self, prefix: &str) -> bool {
        self.guarded(
            || false,
            || {
                let mut found = false;
                self.prefixed(prefix, |p| {
                    found = !p.is_empty();
                    if found {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                });
                found
            },
        )
    }

    /// Postings of the exact word `w`.
    pub(crate) fn exact(&self, w: &str) -> Vec<u32> {
        self.guarded(Vec::new, || self.exact_unguarded(w))
    }

    fn exact_unguarded(&self, w: &str) -> Vec<u32> {
        let term = Term::from_field_text(self.fields.words, w);
        let mut out = Vec::new();
        for (s, segment) in self.segments().iter().enumerate() {
            if let Ok(inverted) = segment.inverted_index(self.fields.words)
                && let Ok(Some(postings)) =
                    inverted.read_postings(&term, IndexRecordOption::WithFreqs)
            {
                out.extend(self.collect(s, postings));
            }
        }
        out
    }

    /// Every distinct summary and body word, with its character set
    /// (`char_mask`): the vocabulary typos are looked up in.
    pub(crate) fn vocabulary(&self) -> (&[String], &[u64]) {
        let (words, masks) = self.vocabulary.get_or_init(|| {
            let words = self.guarded(Vec::new, || self.read_vocabulary());
            let masks = words.iter().map(|w| super::char_mask(w)).collect();
            (words, masks)
        });
        (words, masks)
    }

    fn read_vocabulary(&self) -> Vec<String> {
        let mut words = Vec::new();
        for segment in self.segments() {
            let Ok(inverted) = segment.inverted_index(self.fields.words) else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().stream() else {
                continue;
            };
            while stream.advance() {
                if let Ok(w) = std::str::from_utf8(stream.key()) {
                    words.push(w.to_string());
                }
            }
        }
        if self.segments().len() > 1 {
            words.sort_unstable();
            words.dedup();
        }
        words
    }

    /// Briefings whose summary (or body) holds the folded words in this order.
    pub(crate) fn phrase(&self, words: &[String], part: Part) -> Vec<bool> {
        self.guarded(
            || vec![false; self.n],
            || self.phrase_unguarded(words, part),
        )
    }

    fn phrase_unguarded(&self, words: &[String], part: Part) -> Vec<bool> {
        let field = match part {
            Part::Summary => self.fields.summary,
            Part::Body => self.fields.body,
        };
        let mut has = vec![false; self.n];
        let terms: Vec<Term> = words
            .iter()
            .map(|w| Term::from_field_text(field, w))
            .collect();
        let mark = |s: usize, docs: &[u32], has: &mut Vec<bool>| {
            for &d in docs {
                if let Some(&ord) = self.ords[s].get(d as usize)
                    && let Some(h) = has.get_mut(ord as usize)
                {
                    *h = true;
                }
            }
        };
        match terms.len() {
            0 => {}
            1 => {
                for (s, segment) in self.segments().iter().enumerate() {
                    if let Ok(inverted) = segment.inverted_index(field)
                        && let Ok(Some(mut postings)) =
                            inverted.read_postings(&terms[0], IndexRecordOption::Basic)
                    {
                        let mut docs = Vec::new();
                        let mut doc = postings.doc();
                        while doc != TERMINATED {
                            docs.push(doc);
                            doc = postings.advance();
                        }
                        mark(s, &docs, &mut has);
                    }
                }
            }
            _ => {
                let query = PhraseQuery::new(terms);
                let Some(Ok(weight)) = (self.searcher.as_ref())
                    .map(|s| query.weight(EnableScoring::disabled_from_searcher(s)))
                else {
                    return has;
                };
                for (s, segment) in self.segments().iter().enumerate() {
                    let _ = weight.for_each_no_score(segment, &mut |docs| mark(s, docs, &mut has));
                }
            }
        }
        has
    }

    /// Per briefing, where `caps` is written in capitals as a whole word:
    /// bit 0 in the summary, bit 1 in the body.
    pub(crate) fn caps(&self, caps: &str) -> Vec<u8> {
        self.guarded(|| vec![0u8; self.n], || self.caps_unguarded(caps))
    }

    fn caps_unguarded(&self, caps: &str) -> Vec<u8> {
        let mut out = vec![0u8; self.n];
        let term = Term::from_field_text(self.fields.caps, caps);
        for (s, segment) in self.segments().iter().enumerate() {
            if let Ok(inverted) = segment.inverted_index(self.fields.caps)
                && let Ok(Some(postings)) =
                    inverted.read_postings(&term, IndexRecordOption::WithFreqs)
            {
                for p in self.collect(s, postings) {
                    if let Some(o) = out.get_mut((p >> 3) as usize) {
                        *o |= (p & 3) as u8;
                    }
                }
            }
        }
        out
    }
}

/// The first string after every string starting with `prefix`.
fn prefix_end(prefix: &str) -> Option<Vec<u8>> {
    let mut end = prefix.as_bytes().to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_by_scanning_or_by_hash_whatever_the_order() {
        let keys: Vec<DocKey> = (0..5_000u64)
            .map(|i| DocKey {
                key: i.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1,
                stamp: i,
            })
            .collect();
        // In order with gaps, going back once; then shuffled.
        let mut order: Vec<usize> = (0..5_000).filter(|i| i % 3 != 1).collect();
        order.extend((0..5_000).filter(|i| i % 3 == 1));
        let mut shuffled = order.clone();
        let mut x = 7u64;
        for i in (1..shuffled.len()).rev() {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            shuffled.swap(i, (x >> 33) as usize % (i + 1));
        }
        for (order, scans) in [(&order, 64), (&shuffled, 64), (&order, 0), (&shuffled, 1)] {
            let finder = KeyFinder::new(&keys, scans);
            let mut guess = 0;
            for &i in order.iter() {
                let found = finder.find(keys[i].key, guess);
                assert_eq!(found, Some((i as u32, i as u64)), "scans {scans}");
                guess = i as u32 + 1;
            }
            assert_eq!(finder.find(2, 0), None, "a key that is not there");
        }
        // In order with gaps: found by the scans alone, nothing hashed.
        let finder = KeyFinder::new(&keys, 64);
        let mut guess = 0;
        for &i in &order {
            guess = finder.find(keys[i].key, guess).map_or(0, |(o, _)| o + 1);
        }
        assert!(finder.hashed.get().is_none(), "no key hashed");
        // Shuffled with a small budget: the keys end up hashed.
        let finder = KeyFinder::new(&keys, 1);
        for &i in &shuffled {
            assert!(finder.find(keys[i].key, 0).is_some());
        }
        assert!(
            finder.hashed.get().is_some(),
            "hashed once the scans looked too far"
        );
    }
}
