//! The inverted index built once per corpus: every distinct folded word once,
//! with the briefings it occurs in, so a keystroke costs a pass over the
//! vocabulary and the postings it reaches, not a pass over every briefing.
//!
//! - Title words and the words of each distinct actor, country, topic, place
//!   and publisher are matched fuzzily, once per distinct word.
//! - Summary and body words live in tantivy (`store`, `text`): mapped from
//!   the cache folder, with positions for phrases.
//! - Each briefing's actors and countries are kept as small integers for
//!   counting facets.

mod dir;
mod facts;
mod packed;
mod postings;
pub(crate) mod search_index;
pub mod store;
pub(crate) mod text;

pub use search_index::SearchIndex;
pub use store::{TextStore, dir_for};

/// Whether another process is bringing the text index in `dir` up to date
/// now (it holds the writer's lock).
pub fn being_written(dir: &std::path::Path) -> bool {
    dir::being_written(dir)
}

pub(crate) use crate::column::Lists;
pub(crate) use facts::{Fact, Facts};
pub(crate) use text::{Part, TextIndex};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::actors::Registry;
use crate::model::{Briefing, CountryCode, PartialDate};
use crate::text::{each_word, each_word_flagged, fold};

use serde::{Deserialize, Serialize};

/// A field of a briefing that a search term can match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Actors,
    Countries,
    Topics,
    Location,
    Publisher,
    Summary,
    Body,
}

impl Field {
    /// Rank tier: title above actor/country/topic above summary above body.
    pub(crate) fn tier(self) -> i64 {
        match self {
            Field::Title => 30_000,
            Field::Actors
            | Field::Countries
            | Field::Topics
            | Field::Location
            | Field::Publisher => 20_000,
            Field::Summary => 10_000,
            Field::Body => 0,
        }
    }
}

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

/// Distinct folded words that are matched fuzzily (titles and short fields).
#[derive(Debug, Default, Serialize, Deserialize)]
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

pub(crate) use postings::Postings;

/// One distinct short value (an actor's name, a country's name, a topic...):
/// its words and the briefings that carry it.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) field: Field,
    /// The value as written, so a later briefing with it finds this entry.
    pub(crate) value: Box<str>,
    pub(crate) words: Vec<u32>,
    pub(crate) docs: Postings,
}

/// Kept in the corpus cache with the briefings it was built from, so a
/// start from the cache decodes it rather than building it again.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub(crate) words: Words,
    /// For each word of `words`, the briefings whose title holds it.
    pub(crate) title_docs: Vec<Postings>,
    /// For each word of `words`, the briefings whose title writes it only
    /// with accents (`traité`), sorted: an unaccented query word ranks the
    /// titles writing it plain (`traite`) first.
    pub(crate) title_accented: Vec<Postings>,
    pub(crate) entries: Vec<Entry>,
    /// Per briefing, its actors and its countries (as indices in `countries`).
    pub(crate) doc_actors: Lists<u32>,
    pub(crate) doc_countries: Lists<u16>,
    pub(crate) countries: Vec<CountryCode>,
    /// Per briefing, the role of each of its actors (as `doc_actors` lists
    /// them), as an index in `roles`, or `NO_ROLE`: what a dossier reads.
    pub(crate) doc_roles: Lists<u32>,
    /// Every distinct role as written.
    pub(crate) roles: Vec<crate::model::Name>,
    /// Alphabetical rank of each actor, for ordering facet counts.
    pub(crate) actor_rank: Vec<u32>,
    /// Per briefing, what passes over the whole corpus read rather than the
    /// briefing itself.
    pub(crate) docs: Facts,
    /// Per briefing, its dates, side by side: what every search's facets
    /// read for every hit (a million facts of a hundred bytes each, read
    /// for two dates, was a fifth of a keystroke's search). Made from
    /// `docs` when first read.
    dates: std::sync::OnceLock<Vec<Dates>>,
}

/// A meeting's date and end date.
pub(crate) type Dates = (Option<PartialDate>, Option<PartialDate>);

/// The index kept in the cache in four parts, decoded side by side: one
/// postcard value took 0.7 s of one core to decode at a million briefings,
/// on the way to a browser's first screen. Its lists of postings are not in
/// them: they follow, as they are in memory (`Index::postings`), and the
/// parts say where each lies (`Span`).
pub(crate) type IndexParts = [Vec<u8>; 4];

/// Where a list of postings lies among those the cache file gives: from
/// the `at`th value, `len` values.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Span {
    at: u64,
    len: u64,
}

/// An entry as the cache writes it.
#[derive(Serialize)]
struct EntryOut<'a> {
    field: Field,
    value: &'a str,
    words: &'a [u32],
    docs: Span,
}

/// An entry as the cache gives it.
#[derive(Deserialize)]
struct EntryIn {
    field: Field,
    value: Box<str>,
    words: Vec<u32>,
    docs: Span,
}

/// The postings a cache file gives: `len` little-endian values from byte
/// `at` of `map`.
pub(crate) struct MappedPostings<'a> {
    pub(crate) map: &'a std::sync::Arc<memmap2::Mmap>,
    pub(crate) at: usize,
    pub(crate) len: u64,
}

impl MappedPostings<'_> {
    /// The list at `span`, read in place where it can be.
    fn list(&self, span: Span) -> Result<Postings, String> {
        let outside = || "a list of postings lies outside the file".to_string();
        let end = span.at.checked_add(span.len).ok_or_else(outside)?;
        if end > self.len {
            return Err(outside());
        }
        let at = usize::try_from(span.at)
            .ok()
            .and_then(|a| a.checked_mul(4))
            .and_then(|a| a.checked_add(self.at))
            .ok_or_else(outside)?;
        let len = usize::try_from(span.len).map_err(|_| outside())?;
        Postings::mapped(self.map, at, len)
            .or_else(|| Postings::copied(self.map, at, len))
            .ok_or_else(outside)
    }

    fn lists(&self, spans: Vec<Span>) -> Result<Vec<Postings>, String> {
        spans.into_iter().map(|s| self.list(s)).collect()
    }
}

impl Index {
    /// Every list of postings, in the order the cache writes them.
    pub(crate) fn postings(&self) -> impl Iterator<Item = &[u32]> {
        (self.title_docs.iter())
            .chain(&self.title_accented)
            .chain(self.entries.iter().map(|e| &e.docs))
            .map(|p| &**p)
    }

    /// The index as its four parts: title words, short values, columns by
    /// briefing, facts by briefing; each list of postings as its place
    /// among `Index::postings`.
    pub(crate) fn encode_parts(&self) -> Result<IndexParts, postcard::Error> {
        let mut next = 0;
        let mut span = |p: &Postings| {
            let len = p.len() as u64;
            let s = Span { at: next, len };
            next += len;
            s
        };
        let title_docs: Vec<Span> = self.title_docs.iter().map(&mut span).collect();
        let title_accented: Vec<Span> = self.title_accented.iter().map(&mut span).collect();
        let entries: Vec<EntryOut<'_>> = (self.entries.iter())
            .map(|e| EntryOut {
                field: e.field,
                value: &e.value,
                words: &e.words,
                docs: span(&e.docs),
            })
            .collect();
        Ok([
            postcard::to_stdvec(&(&self.words, &title_docs, &title_accented))?,
            postcard::to_stdvec(&entries)?,
            postcard::to_stdvec(&(
                &self.doc_actors,
                &self.doc_countries,
                &self.countries,
                &self.doc_roles,
                &self.roles,
                &self.actor_rank,
            ))?,
            self.docs.encode(),
        ])
    }

    /// The index from its first three parts, decoded on every core, its
    /// facts read in place from the fourth (`Facts::mapped`), and its
    /// postings in `postings`.
    pub(crate) fn decode_parts(
        parts: [&[u8]; 3],
        docs: Facts,
        postings: &MappedPostings<'_>,
    ) -> Result<Index, String> {
        type Titles = (Words, Vec<Span>, Vec<Span>);
        type Columns = (
            Lists<u32>,
            Lists<u16>,
            Vec<CountryCode>,
            Lists<u32>,
            Vec<crate::model::Name>,
            Vec<u32>,
        );
        let said = |e: postcard::Error| e.to_string();
        let [a, b, c] = parts;
        let ((titles, entries), columns) = rayon::join(
            || {
                rayon::join(
                    || {
                        let (words, docs, accented) =
                            postcard::from_bytes::<Titles>(a).map_err(said)?;
                        Ok::<_, String>((words, postings.lists(docs)?, postings.lists(accented)?))
                    },
                    || {
                        (postcard::from_bytes::<Vec<EntryIn>>(b).map_err(said)?)
                            .into_iter()
                            .map(|e| {
                                Ok(Entry {
                                    field: e.field,
                                    value: e.value,
                                    words: e.words,
                                    docs: postings.list(e.docs)?,
                                })
                            })
                            .collect::<Result<Vec<Entry>, String>>()
                    },
                )
            },
            || postcard::from_bytes::<Columns>(c),
        );
        let (words, title_docs, title_accented) = titles?;
        let (doc_actors, doc_countries, countries, doc_roles, roles, actor_rank) =
            columns.map_err(said)?;
        if [doc_actors.len(), doc_countries.len(), doc_roles.len()] != [docs.len(); 3] {
            return Err("the index's columns are not of one length".into());
        }
        Ok(Index {
            words,
            title_docs,
            title_accented,
            entries: entries?,
            doc_actors,
            doc_countries,
            countries,
            doc_roles,
            roles,
            actor_rank,
            docs,
            dates: std::sync::OnceLock::new(),
        })
    }
}

/// In `Index::doc_roles`: an actor listed with no role.
pub(crate) const NO_ROLE: u32 = u32::MAX;

impl Index {
    /// Whether the briefing `doc` lists the country `c`.
    pub(crate) fn lists_country(&self, doc: usize, c: CountryCode) -> bool {
        self.doc_countries.get(doc).is_some_and(|l| {
            l.iter()
                .any(|&k| self.countries.get(k as usize) == Some(&c))
        })
    }

    /// Whether the briefing `doc` concerns the country `c`: listed, or its place.
    pub(crate) fn has_country(&self, doc: usize, c: CountryCode) -> bool {
        self.lists_country(doc, c) || self.docs.get(doc).is_some_and(|f| f.place == Some(c))
    }

    /// The dates of the briefing `doc` (none out of range).
    pub(crate) fn dates(&self, doc: usize) -> Dates {
        let all = self.dates.get_or_init(|| {
            self.docs
                .fixed_parts()
                .map(facts::FactRecord::dates_of)
                .collect()
        });
        all.get(doc).copied().unwrap_or_default()
    }

    /// Whether the briefing `doc` lists the actor `a`.
    pub(crate) fn has_actor(&self, doc: usize, a: usize) -> bool {
        self.doc_actors
            .get(doc)
            .is_some_and(|l| l.iter().any(|&x| x as usize == a))
    }
}

/// What an index already holds, by value, so briefings can be added to it:
/// by `Index::build` from nothing, by `Index::updated` after a reload.
struct Ids<'r> {
    words: FxHashMap<Box<str>, u32>,
    /// Per field (`Field as usize`), each distinct value's entry.
    entries: Vec<FxHashMap<Box<str>, u32>>,
    countries: FxHashMap<CountryCode, u16>,
    /// Per actor, the entries of its names, filled on first use.
    actors: Vec<Vec<u32>>,
    /// Per country, the entries of its names, filled on first use: a
    /// country's names are looked up once, not once per briefing.
    country_names: FxHashMap<CountryCode, Vec<u32>>,
    registry: &'r Registry,
    /// Each distinct role's index in `Index::roles`.
    roles: FxHashMap<crate::model::Name, u32>,
    buf: String,
}

impl<'r> Ids<'r> {
    fn of(index: &Index, registry: &'r Registry) -> Ids<'r> {
        let mut entries: Vec<FxHashMap<Box<str>, u32>> = (0..=Field::Body as usize)
            .map(|_| FxHashMap::default())
            .collect();
        for (id, e) in index.entries.iter().enumerate() {
            entries[e.field as usize].insert(e.value.clone(), id as u32);
        }
        Ids {
            words: (index.words.text.iter().enumerate())
                .map(|(id, w)| (w.clone(), id as u32))
                .collect(),
            entries,
            countries: (index.countries.iter().enumerate())
                .map(|(id, &c)| (c, id as u16))
                .collect(),
            actors: vec![Vec::new(); registry.actors().len()],
            country_names: FxHashMap::default(),
            registry,
            roles: (index.roles.iter().enumerate())
                .map(|(id, r)| (r.clone(), id as u32))
                .collect(),
            buf: String::new(),
        }
    }
}

impl Index {
    /// Everything but the summary and body words: cheap, one pass.
    pub(crate) fn build(briefings: &crate::briefings::Briefings, registry: &Registry) -> Index {
        let mut index = Index::default();
        let mut ids = Ids::of(&index, registry);
        for (doc, b) in briefings.iter().enumerate() {
            let (actors, countries) = index.add(doc as u32, b, &mut ids);
            index.doc_actors.push(actors);
            index.doc_countries.push(countries);
            let roles = index.roles_of(b, &mut ids);
            index.doc_roles.push(roles);
            index.docs.push(Fact::of(b));
        }
        index.finish(registry);
        index
    }

    /// The index of a corpus read again, from the index of the one before:
    /// `kept[old]` is the new place of each briefing that did not change
    /// (the very same `Arc`); every other briefing of `briefings` is added.
    /// Far cheaper than `build` when few files changed. Words and values no
    /// briefing holds any more stay in the vocabulary, reaching nothing.
    pub(crate) fn updated(
        &self,
        kept: &[Option<u32>],
        briefings: &crate::briefings::Briefings,
        registry: &Registry,
    ) -> Index {
        // Every briefing where it was (a reload that read a few files in
        // place): the lists and columns are shared, and only the changed
        // briefings taken out of the lists they were in and set.
        let in_place = kept.len() == briefings.len()
            && (kept.iter().enumerate()).all(|(old, new)| new.is_none_or(|n| n as usize == old));
        let changed: Vec<u32> = match in_place {
            true => (kept.iter().enumerate())
                .filter(|(_, k)| k.is_none())
                .map(|(d, _)| d as u32)
                .collect(),
            false => Vec::new(),
        };
        // A few changed: a vectorised `contains` over each list per
        // briefing (every list is read: a hash lookup per posting cost
        // more than the rest of the update); more: a bit per briefing.
        let mut bits = vec![
            0u64;
            if changed.len() > 16 {
                kept.len() / 64 + 1
            } else {
                0
            }
        ];
        for &d in &changed {
            if let Some(word) = bits.get_mut(d as usize / 64) {
                *word |= 1 << (d % 64);
            }
        }
        let is_changed = |d: u32| match bits.is_empty() {
            true => changed.contains(&d),
            false => bits
                .get(d as usize / 64)
                .is_some_and(|w| w >> (d % 64) & 1 == 1),
        };
        let holds_changed = |docs: &[u32]| match bits.is_empty() {
            true => changed.iter().any(|c| docs.contains(c)),
            false => docs.iter().any(|&d| is_changed(d)),
        };
        let remap = |docs: &Postings| -> Postings {
            if in_place {
                return match holds_changed(docs) {
                    false => docs.clone(),
                    true => {
                        Postings::new(docs.iter().copied().filter(|&d| !is_changed(d)).collect())
                    }
                };
            }
            Postings::new(
                docs.iter()
                    .filter_map(|&d| kept.get(d as usize).copied().flatten())
                    .collect(),
            )
        };
        let mut index = Index {
            words: Words {
                text: self.words.text.clone(),
                masks: self.words.masks.clone(),
            },
            title_docs: self.title_docs.par_iter().map(remap).collect(),
            title_accented: self.title_accented.par_iter().map(remap).collect(),
            entries: (self.entries.par_iter())
                .map(|e| Entry {
                    field: e.field,
                    value: e.value.clone(),
                    words: e.words.clone(),
                    docs: remap(&e.docs),
                })
                .collect(),
            countries: self.countries.clone(),
            roles: self.roles.clone(),
            actor_rank: self.actor_rank.clone(),
            ..Index::default()
        };
        let mut from: Vec<Option<usize>> = vec![None; briefings.len()];
        for (old, new) in kept.iter().enumerate() {
            if let Some(slot) = new.and_then(|n| from.get_mut(n as usize)) {
                *slot = Some(old);
            }
        }
        let mut ids = Ids::of(&index, registry);
        if in_place {
            index.doc_actors = self.doc_actors.clone();
            index.doc_countries = self.doc_countries.clone();
            index.doc_roles = self.doc_roles.clone();
            index.docs = self.docs.clone();
            // The dates read so far, carried over with the changed ones
            // set: read again from every fact, they were a tenth of the
            // first search after a change at a million briefings.
            let mut dates = (self.dates.get())
                .filter(|d| d.len() == index.docs.len())
                .cloned();
            for (doc, _) in from.iter().enumerate().filter(|(_, old)| old.is_none()) {
                let Some(b) = briefings.get(doc) else {
                    continue;
                };
                let (a, c) = index.add(doc as u32, b, &mut ids);
                let r = index.roles_of(b, &mut ids);
                index.doc_actors.set(doc, &a);
                index.doc_countries.set(doc, &c);
                index.doc_roles.set(doc, &r);
                index.docs.set(doc, Fact::of(b));
                if let Some(slot) = dates.as_mut().and_then(|d| d.get_mut(doc)) {
                    *slot = (b.date, b.end_date);
                }
            }
            if let Some(dates) = dates {
                let _ = index.dates.set(dates);
            }
            index.finish(registry);
            return index;
        }
        // Only the briefings that changed are read: the others, perhaps
        // never decoded, keep what the index held of them.
        for (doc, &old) in from.iter().enumerate() {
            let kept = old.zip(old.and_then(|o| self.docs.get(o)));
            let (actors, countries, roles, facts) = match kept {
                Some((old, facts)) => (
                    self.doc_actors
                        .get(old)
                        .map(<[_]>::to_vec)
                        .unwrap_or_default(),
                    self.doc_countries
                        .get(old)
                        .map(<[_]>::to_vec)
                        .unwrap_or_default(),
                    self.doc_roles
                        .get(old)
                        .map(<[_]>::to_vec)
                        .unwrap_or_default(),
                    facts,
                ),
                None => {
                    let Some(b) = briefings.get(doc) else {
                        continue;
                    };
                    let (a, c) = index.add(doc as u32, b, &mut ids);
                    let r = index.roles_of(b, &mut ids);
                    (a, c, r, Fact::of(b))
                }
            };
            index.doc_actors.push(actors);
            index.doc_countries.push(countries);
            index.doc_roles.push(roles);
            index.docs.push(facts);
        }
        index.finish(registry);
        index
    }

    /// Adds one briefing's title words and short values; returns its actors
    /// and countries for facet counting.
    fn add(&mut self, doc: u32, b: &Briefing, ids: &mut Ids) -> (Vec<u32>, Vec<u16>) {
        self.add_title(doc, b, ids);
        let mut entries = self.country_entries(b, ids);
        let mut values: Vec<(Field, &str)> = Vec::new();
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
        for (field, value) in values {
            entries.push(self.entry(ids, field, value));
        }
        entries.extend(self.actor_entries(b, ids));
        entries.sort_unstable();
        entries.dedup();
        for e in entries {
            if let Some(entry) = self.entries.get_mut(e as usize) {
                entry.docs.push(doc);
            }
        }
        let actors = b.actors.iter().map(|a| a.actor as u32).collect();
        let countries = b
            .countries
            .iter()
            .map(|c| {
                let next = ids.countries.len() as u16;
                *ids.countries.entry(*c).or_insert_with(|| {
                    self.countries.push(*c);
                    next
                })
            })
            .collect();
        (actors, countries)
    }

    /// The role of each of the briefing's actors, as `doc_actors` lists them.
    fn roles_of(&mut self, b: &Briefing, ids: &mut Ids) -> Vec<u32> {
        b.actors
            .iter()
            .map(|a| match &a.role {
                None => NO_ROLE,
                Some(r) => {
                    let next = self.roles.len() as u32;
                    *ids.roles.entry(r.clone()).or_insert_with(|| {
                        self.roles.push(r.clone());
                        next
                    })
                }
            })
            .collect()
    }

    /// The words of a briefing's title, each with the briefing among its docs.
    fn add_title(&mut self, doc: u32, b: &Briefing, ids: &mut Ids) {
        let mut title = Vec::new();
        each_word_flagged(&b.title, &mut ids.buf, |w, plain| {
            title.push((self.words.intern(&mut ids.words, w), !plain))
        });
        // Per word, accented only if never written plain.
        title.sort_unstable();
        title.dedup_by_key(|(w, _)| *w);
        for (w, accented) in title {
            if self.title_docs.len() <= w as usize {
                self.title_docs.resize(w as usize + 1, Postings::default());
                self.title_accented
                    .resize(w as usize + 1, Postings::default());
            }
            self.title_docs[w as usize].push(doc);
            if accented {
                self.title_accented[w as usize].push(doc);
            }
        }
    }

    /// The entries of every name of the briefing's countries.
    fn country_entries(&mut self, b: &Briefing, ids: &mut Ids) -> Vec<u32> {
        let mut entries: Vec<u32> = Vec::new();
        for c in &b.countries {
            if !ids.country_names.contains_key(c) {
                let country = c.country();
                let names: Vec<u32> = [country.code, country.name_fr, country.name_en]
                    .into_iter()
                    .chain(country.variants.iter().copied())
                    .map(|n| self.entry(ids, Field::Countries, n))
                    .collect();
                ids.country_names.insert(*c, names);
            }
            entries.extend(ids.country_names.get(c).into_iter().flatten());
        }
        entries
    }

    /// The entries of every name of the briefing's actors.
    fn actor_entries(&mut self, b: &Briefing, ids: &mut Ids) -> Vec<u32> {
        let mut entries: Vec<u32> = Vec::new();
        for a in &b.actors {
            if ids.actors.len() <= a.actor {
                ids.actors.resize(a.actor + 1, Vec::new());
            }
            if ids.actors[a.actor].is_empty()
                && let Some(actor) = ids.registry.get(a.actor)
            {
                let names: Vec<u32> = actor
                    .names()
                    .map(|n| self.entry(ids, Field::Actors, n))
                    .collect();
                ids.actors[a.actor] = names;
            }
            entries.extend(ids.actors[a.actor].iter().copied());
        }
        entries
    }

    /// What depends on the whole vocabulary and registry.
    fn finish(&mut self, registry: &Registry) {
        self.title_docs
            .resize(self.words.text.len(), Postings::default());
        self.title_accented
            .resize(self.words.text.len(), Postings::default());
        // Sorted where a briefing was added: a list shared with another
        // index is left as it is.
        self.title_accented.par_iter_mut().for_each(Postings::sort);
        // Actors are only ever added to a registry: as many, the same ones,
        // ranked as before (an index updated from another keeps its ranks).
        if self.actor_rank.len() == registry.actors().len() {
            return;
        }
        let mut order: Vec<(String, usize)> = registry
            .actors()
            .iter()
            .enumerate()
            .map(|(i, a)| (fold(&a.name), i))
            .collect();
        order.sort();
        self.actor_rank = vec![0; order.len()];
        for (rank, (_, i)) in order.into_iter().enumerate() {
            self.actor_rank[i] = rank as u32;
        }
    }

    fn entry(&mut self, ids: &mut Ids, field: Field, value: &str) -> u32 {
        if let Some(&id) = ids.entries[field as usize].get(value) {
            return id;
        }
        let id = self.entries.len() as u32;
        let mut words = Vec::new();
        each_word(value, &mut ids.buf, |w| {
            words.push(self.words.intern(&mut ids.words, w))
        });
        self.entries.push(Entry {
            field,
            value: value.into(),
            words,
            docs: Postings::default(),
        });
        ids.entries[field as usize].insert(value.into(), id);
        id
    }
}
