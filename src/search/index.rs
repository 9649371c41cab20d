//! The inverted index built once per corpus: every distinct folded word once,
//! with the briefings it occurs in, so a keystroke costs a pass over the
//! vocabulary and the postings it reaches, not a pass over every briefing.
//!
//! - Title words and the words of each distinct actor, country, topic, place
//!   and publisher are matched fuzzily, once per distinct word.
//! - Summary and body words are sorted, so a prefix is a binary search.
//! - Each briefing's actors and countries are kept as small integers for
//!   counting facets.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::actors::Registry;
use crate::model::{Briefing, CountryCode};
use crate::text::{fold, fold_char};

use super::Field;

/// Bit set of the characters of a folded word, for a cheap test before fuzzy
/// scoring: a term can only match a word holding all of its characters.
pub(crate) fn char_mask(word: &str) -> u64 {
    word.chars().fold(0, |m, c| {
        m | 1
            << match c {
                'a'..='z' => c as u32 - 'a' as u32,
                '0'..='9' => 26 + c as u32 - '0' as u32,
                c => 36 + (c as u32) % 28,
            }
    })
}

/// Calls `f` with each folded alphanumeric word of `s`, as `query::words` cuts them.
pub(crate) fn each_word(s: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for c in s.chars() {
        // Most text is ASCII: fold it without the general path.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                f(&word);
                word.clear();
            }
            continue;
        }
        buf.clear();
        fold_char(c, buf);
        for fc in buf.chars() {
            if fc.is_alphanumeric() {
                word.push(fc);
            } else if !word.is_empty() {
                f(&word);
                word.clear();
            }
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// Distinct folded words that are matched fuzzily (titles and short fields).
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub(crate) text: Vec<Box<str>>,
    pub(crate) masks: Vec<u64>,
}

impl Words {
    fn intern(&mut self, ids: &mut FxHashMap<Box<str>, u32>, w: &str) -> u32 {
        if let Some(&id) = ids.get(w) {
            return id;
        }
        let id = self.text.len() as u32;
        self.text.push(w.into());
        self.masks.push(char_mask(w));
        ids.insert(w.into(), id);
        id
    }
}

/// One distinct short value (an actor's name, a country's name, a topic...):
/// its words and the briefings that carry it.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) field: Field,
    pub(crate) words: Vec<u32>,
    pub(crate) docs: Vec<u32>,
}

#[derive(Debug, Default)]
pub(crate) struct Index {
    pub(crate) words: Words,
    /// For each word of `words`, the briefings whose title holds it.
    pub(crate) title_docs: Vec<Vec<u32>>,
    pub(crate) entries: Vec<Entry>,
    /// Per briefing, its actors and its countries (as indices in `countries`).
    pub(crate) doc_actors: Vec<Vec<u32>>,
    pub(crate) doc_countries: Vec<Vec<u16>>,
    pub(crate) countries: Vec<CountryCode>,
    /// Alphabetical rank of each actor, for ordering facet counts.
    pub(crate) actor_rank: Vec<u32>,
}

/// Word -> postings of one chunk of briefings, split into shards by hash so
/// that the chunks merge shard by shard on every core.
type Postings = FxHashMap<Box<str>, Vec<u32>>;

const SHARDS: usize = 64;

fn shard_of(w: &str) -> usize {
    use std::hash::BuildHasher;
    (rustc_hash::FxBuildHasher.hash_one(w) >> 58) as usize % SHARDS
}

/// Summary and body words of briefings `offset..offset + chunk.len()`.
fn text_postings(offset: usize, chunk: &[std::sync::Arc<Briefing>]) -> Vec<Postings> {
    let mut shards: Vec<Postings> = (0..SHARDS).map(|_| Postings::default()).collect();
    let mut buf = String::new();
    for (i, b) in chunk.iter().enumerate() {
        let doc = ((offset + i) as u32) << 1;
        let mut add = |w: &str, flag: u32| {
            let map = &mut shards[shard_of(w)];
            match map.get_mut(w) {
                // A word seen earlier in this briefing keeps its first (summary) flag.
                Some(docs) if docs.last().is_some_and(|&d| d >> 1 == doc >> 1) => {}
                Some(docs) => docs.push(doc | flag),
                None => {
                    map.insert(w.into(), vec![doc | flag]);
                }
            }
        };
        if let Some(s) = &b.summary {
            each_word(s, &mut buf, |w| add(w, 1));
        }
        each_word(&b.body, &mut buf, |w| add(w, 0));
    }
    shards
}

/// Summary and body words, sorted, each with postings `doc << 1 | in_summary`.
/// The costly part of the index, so it is built apart, when first needed.
#[derive(Debug, Default)]
pub(crate) struct TextIndex {
    words: Vec<Box<str>>,
    pub(crate) docs: Vec<Vec<u32>>,
}

impl TextIndex {
    pub(crate) fn build(briefings: &[std::sync::Arc<Briefing>]) -> TextIndex {
        let (words, docs) = text_index(briefings).into_iter().unzip();
        TextIndex { words, docs }
    }

    /// Range of `words` starting with `prefix`.
    pub(crate) fn prefixed(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.words.partition_point(|w| &**w < prefix);
        // Words with the prefix sort together, right after `start`.
        let end = self
            .words
            .partition_point(|w| &**w < prefix || w.starts_with(prefix));
        start..end
    }

    /// The postings of the exact word `w`.
    pub(crate) fn exact(&self, w: &str) -> &[u32] {
        match self.words.binary_search_by(|x| (**x).cmp(w)) {
            Ok(i) => &self.docs[i],
            Err(_) => &[],
        }
    }
}

/// The summary and body words, sorted, with their postings in briefing order.
fn text_index(briefings: &[std::sync::Arc<Briefing>]) -> Vec<(Box<str>, Vec<u32>)> {
    const CHUNK: usize = 1024;
    let mut chunks: Vec<Vec<Postings>> = briefings
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, chunk)| text_postings(c * CHUNK, chunk))
        .collect();
    // Shard s of every chunk, in chunk order, so postings stay sorted.
    let mut by_shard: Vec<Vec<Postings>> = (0..SHARDS).map(|_| Vec::new()).collect();
    for chunk in &mut chunks {
        for (s, map) in chunk.drain(..).enumerate() {
            by_shard[s].push(map);
        }
    }
    let mut words: Vec<(Box<str>, Vec<u32>)> = by_shard
        .into_par_iter()
        .flat_map_iter(|maps| {
            let mut merged = Postings::default();
            for map in maps {
                for (w, docs) in map {
                    merged.entry(w).or_default().extend(docs);
                }
            }
            // Growth by doubling leaves up to half of each list unused.
            merged.into_iter().map(|(w, mut docs)| {
                docs.shrink_to_fit();
                (w, docs)
            })
        })
        .collect();
    words.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    words
}

impl Index {
    /// Everything but the summary and body words: cheap, one pass.
    pub(crate) fn build(briefings: &[std::sync::Arc<Briefing>], registry: &Registry) -> Index {
        let mut index = Index::default();
        let mut word_ids = FxHashMap::<Box<str>, u32>::default();
        let mut entry_ids = FxHashMap::<(Field, &str), u32>::default();
        let mut country_ids = FxHashMap::<CountryCode, u16>::default();
        let mut buf = String::new();
        let mut actor_entries: Vec<Vec<u32>> = vec![Vec::new(); registry.actors().len()];

        for (doc, b) in briefings.iter().enumerate() {
            let doc = doc as u32;
            let mut title = Vec::new();
            each_word(&b.title, &mut buf, |w| {
                title.push(index.words.intern(&mut word_ids, w))
            });
            title.sort_unstable();
            title.dedup();
            for w in title {
                if index.title_docs.len() <= w as usize {
                    index.title_docs.resize(w as usize + 1, Vec::new());
                }
                index.title_docs[w as usize].push(doc);
            }

            let mut values: Vec<(Field, &str)> = Vec::new();
            for c in &b.countries {
                for n in [c.as_str(), c.name_fr(), c.name_en()] {
                    values.push((Field::Countries, n));
                }
                for n in c.country().variants {
                    values.push((Field::Countries, n));
                }
            }
            for t in &b.topics {
                values.push((Field::Topics, t));
            }
            if let Some(city) = &b.location.city {
                values.push((Field::Location, city));
            }
            if let Some(c) = &b.location.country {
                values.push((Field::Location, c.name_fr()));
                values.push((Field::Location, c.name_en()));
            }
            if let Some(p) = &b.source.publisher {
                values.push((Field::Publisher, p));
            }
            let mut entries: Vec<u32> = Vec::new();
            for (field, value) in values {
                entries.push(index.entry(&mut entry_ids, &mut word_ids, &mut buf, field, value));
            }
            for a in &b.actors {
                let Some(slot) = actor_entries.get_mut(a.actor) else {
                    continue;
                };
                if slot.is_empty()
                    && let Some(actor) = registry.get(a.actor)
                {
                    for n in actor.names() {
                        let e =
                            index.entry(&mut entry_ids, &mut word_ids, &mut buf, Field::Actors, n);
                        slot.push(e);
                    }
                }
                entries.extend(slot.iter().copied());
            }
            entries.sort_unstable();
            entries.dedup();
            for e in entries {
                if let Some(entry) = index.entries.get_mut(e as usize) {
                    entry.docs.push(doc);
                }
            }

            index
                .doc_actors
                .push(b.actors.iter().map(|a| a.actor as u32).collect());
            let countries = b
                .countries
                .iter()
                .map(|c| {
                    let next = country_ids.len() as u16;
                    *country_ids.entry(*c).or_insert_with(|| {
                        index.countries.push(*c);
                        next
                    })
                })
                .collect();
            index.doc_countries.push(countries);
        }
        index.title_docs.resize(index.words.text.len(), Vec::new());

        let mut order: Vec<(String, usize)> = registry
            .actors()
            .iter()
            .enumerate()
            .map(|(i, a)| (fold(&a.name), i))
            .collect();
        order.sort();
        index.actor_rank = vec![0; order.len()];
        for (rank, (_, i)) in order.into_iter().enumerate() {
            index.actor_rank[i] = rank as u32;
        }
        index
    }

    fn entry<'a>(
        &mut self,
        entry_ids: &mut FxHashMap<(Field, &'a str), u32>,
        word_ids: &mut FxHashMap<Box<str>, u32>,
        buf: &mut String,
        field: Field,
        value: &'a str,
    ) -> u32 {
        if let Some(&id) = entry_ids.get(&(field, value)) {
            return id;
        }
        let id = self.entries.len() as u32;
        let mut words = Vec::new();
        each_word(value, buf, |w| words.push(self.words.intern(word_ids, w)));
        self.entries.push(Entry {
            field,
            words,
            docs: Vec::new(),
        });
        entry_ids.insert((field, value), id);
        id
    }
}
