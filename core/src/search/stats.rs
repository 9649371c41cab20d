//! Hits counted by year, month, country, actor, topic or place: what
//! `brief stats` prints. Every count reads the index's columns (dates,
//! countries, actors, topic and place entries); no briefing is decoded.

use std::cmp::Reverse;

use serde::Serialize;

use super::periods::{Grain, periods};
use super::{Hit, facets};
use crate::index::{Field, Index};
use crate::lang::Lang;
use crate::load::Folder;
use crate::text::fold;

/// What hits are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Year,
    Month,
    Country,
    Actor,
    Topic,
    Place,
}

/// One row: a stable key (a year, a country code, an actor's or a topic's
/// id, a place as written), a label to show, and how many hits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// Rows (periods oldest first; anything else most frequent first, then by
/// label), and the hits with no value (undated, no country...), apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub by: By,
    pub rows: Vec<Row>,
    pub none: usize,
    /// How many hits were counted.
    pub total: usize,
}

/// `hits` counted by `by`, labels in `lang`. A hit counts once per row it
/// has a value for (a briefing with two countries in both).
pub fn stats(corpus: &Folder, hits: &[Hit], by: By, lang: Lang) -> Stats {
    let idx = corpus.index();
    let (rows, none) = match by {
        By::Year | By::Month => {
            let grain = if by == By::Year {
                Grain::Year
            } else {
                Grain::Month
            };
            let p = periods(corpus, hits, grain);
            let rows = p
                .counts
                .iter()
                .map(|(period, n)| Row {
                    key: period.to_string(),
                    label: period.to_string(),
                    count: *n,
                })
                .collect();
            (rows, p.undated)
        }
        By::Country | By::Actor => by_facet(corpus, idx, hits, by, lang),
        By::Topic => by_topic(corpus, idx, hits),
        By::Place => by_place(idx, hits, lang),
    };
    Stats {
        by,
        rows,
        none,
        total: hits.len(),
    }
}

fn by_facet(corpus: &Folder, idx: &Index, hits: &[Hit], by: By, lang: Lang) -> (Vec<Row>, usize) {
    let f = facets(corpus, hits);
    let rows = if by == By::Country {
        f.countries
            .iter()
            .map(|&(c, n)| Row {
                key: c.as_str().to_string(),
                label: c.name(lang).to_string(),
                count: n,
            })
            .collect()
    } else {
        f.actors
            .iter()
            .filter_map(|&(a, n)| {
                let actor = corpus.registry.get(a)?;
                Some(Row {
                    key: actor.id.clone(),
                    label: actor.short_label().to_string(),
                    count: n,
                })
            })
            .collect()
    };
    let lists: fn(&Index, usize) -> bool = if by == By::Country {
        |idx: &Index, d: usize| idx.doc_countries.get(d).is_some_and(|l| !l.is_empty())
    } else {
        |idx: &Index, d: usize| idx.doc_actors.get(d).is_some_and(|l| !l.is_empty())
    };
    let none = hits.iter().filter(|h| !lists(idx, h.doc)).count();
    (rows, none)
}

/// Which hits are in, by briefing.
fn hit_set(idx: &Index, hits: &[Hit]) -> Vec<bool> {
    let mut set = vec![false; idx.docs.len()];
    for h in hits {
        if let Some(x) = set.get_mut(h.doc) {
            *x = true;
        }
    }
    set
}

fn in_set(set: &[bool], doc: usize) -> bool {
    set.get(doc).copied().unwrap_or(false)
}

/// Counts per key of the index's entries of `field` that `key_of` keeps,
/// each briefing once per key; and which hits had any.
fn count_entries(
    idx: &Index,
    hits: &[Hit],
    field: Field,
    key_of: impl Fn(&str) -> Option<(String, String)>,
) -> (Vec<Row>, Vec<bool>) {
    let set = hit_set(idx, hits);
    let mut had = vec![false; set.len()];
    let mut docs: rustc_hash::FxHashMap<String, (String, Vec<u32>)> = Default::default();
    for e in idx.entries.iter().filter(|e| e.field == field) {
        let Some((key, label)) = key_of(&e.value) else {
            continue;
        };
        let list = &mut docs.entry(key).or_insert_with(|| (label, Vec::new())).1;
        for &d in e.docs.iter() {
            if in_set(&set, d as usize)
                && let Some(h) = had.get_mut(d as usize)
            {
                list.push(d);
                *h = true;
            }
        }
    }
    let rows = docs
        .into_iter()
        .map(|(key, (label, mut list))| {
            list.sort_unstable();
            list.dedup();
            Row {
                key,
                label,
                count: list.len(),
            }
        })
        .filter(|r| r.count > 0)
        .collect();
    (rows, had)
}

/// Most frequent first, then by label.
fn by_count(mut rows: Vec<Row>) -> Vec<Row> {
    rows.sort_by_cached_key(|r| (Reverse(r.count), fold(&r.label), r.key.clone()));
    rows
}

/// Topics: the registered ones (`topics.yaml`) under their id, whatever
/// name a briefing used; the others as written, folded.
fn by_topic(corpus: &Folder, idx: &Index, hits: &[Hit]) -> (Vec<Row>, usize) {
    let topics = corpus.registry.topics();
    let (rows, had) = count_entries(idx, hits, Field::Topics, |value| {
        Some(match topics.resolve(value).and_then(|t| topics.get(t)) {
            Some(t) => (t.id.clone(), t.id.clone()),
            None => (fold(value), value.to_string()),
        })
    });
    let none = hits.iter().filter(|h| !in_set(&had, h.doc)).count();
    (by_count(rows), none)
}

/// Places: the city as written; a meeting with no city under its country.
fn by_place(idx: &Index, hits: &[Hit], lang: Lang) -> (Vec<Row>, usize) {
    // A place entry that is a country's name is the country of a meeting:
    // counted below, from the index's column, under one name.
    let (rows, had) = count_entries(idx, hits, Field::Location, |value| {
        crate::countries::lookup(value)
            .is_none()
            .then(|| (fold(value), value.to_string()))
    });
    let mut rows = rows;
    let mut countries: rustc_hash::FxHashMap<crate::model::CountryCode, usize> = Default::default();
    let mut none = 0;
    for h in hits.iter().filter(|h| !in_set(&had, h.doc)) {
        match idx.docs.get(h.doc).and_then(|f| f.place) {
            Some(c) => *countries.entry(c).or_default() += 1,
            None => none += 1,
        }
    }
    for (c, n) in countries {
        let label = c.name(lang).to_string();
        match rows.iter_mut().find(|r| r.key == fold(&label)) {
            Some(r) => r.count += n,
            None => rows.push(Row {
                key: fold(&label),
                label,
                count: n,
            }),
        }
    }
    (by_count(rows), none)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;

    fn fixture() -> Folder {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/briefings");
        crate::load::load_dir(&dir, &Default::default(), &|_, _| {}).expect("loads")
    }

    #[test]
    fn every_count_adds_up_to_the_hits() {
        let corpus = fixture();
        let hits = super::super::search(&corpus, &Query::default(), &Default::default());
        for by in [By::Year, By::Country, By::Actor, By::Topic, By::Place] {
            let s = stats(&corpus, &hits, by, Lang::En);
            assert_eq!(s.total, hits.len());
            assert!(s.none <= hits.len(), "{by:?}");
            let most = s.rows.iter().map(|r| r.count).max().unwrap_or(0);
            assert!(most + s.none <= hits.len(), "{by:?}");
            assert!(s.rows.iter().all(|r| r.count > 0), "{by:?}");
            if by != By::Year {
                let mut sorted = s.rows.clone();
                sorted.sort_by_key(|r| Reverse(r.count));
                assert_eq!(
                    sorted.iter().map(|r| r.count).collect::<Vec<_>>(),
                    s.rows.iter().map(|r| r.count).collect::<Vec<_>>()
                );
            }
        }
    }
}
