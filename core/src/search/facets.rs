//! Counts of briefings per actor and per country in a result set.

use std::cmp::Reverse;

use rayon::prelude::*;

use super::periods::{Grain, Periods, count_periods};
use super::{Hit, Selection, Stop, rank, scoring};
use crate::index::Index;
use crate::load::Folder;
use crate::model::{ActorId, CountryCode};
use crate::query::Query;
use crate::text::fold;

/// Counts of briefings per actor and per country in a result set, most frequent
/// first, then alphabetical; and per year and per month (oldest first, the
/// undated apart), read from the index's date columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub actors: Vec<(ActorId, usize)>,
    pub countries: Vec<(CountryCode, usize)>,
    /// By year: the dates pane's years and the timeline over long spans.
    pub years: Periods,
    /// By month: the dates pane's months and the timeline over three years or less.
    pub months: Periods,
}

/// The briefings' dates counted by year and by month.
fn date_counts(idx: &Index, docs: &[usize]) -> (Periods, Periods) {
    let dates = || docs.iter().map(|&d| idx.dates(d));
    (
        count_periods(dates(), Grain::Year),
        count_periods(dates(), Grain::Month),
    )
}

/// Adds one briefing's actors and countries to the counts.
fn count(
    idx: &Index,
    doc: usize,
    actors: &mut [usize],
    countries: &mut [usize],
    which: (bool, bool),
) {
    if which.0
        && let Some(list) = idx.doc_actors.get(doc)
    {
        for &a in list {
            if let Some(n) = actors.get_mut(a as usize) {
                *n += 1;
            }
        }
    }
    if which.1
        && let Some(list) = idx.doc_countries.get(doc)
    {
        for &c in list {
            if let Some(n) = countries.get_mut(c as usize) {
                *n += 1;
            }
        }
    }
}

fn sorted_facets(idx: &Index, actors: Vec<usize>, countries: Vec<usize>) -> Facets {
    let mut actors: Vec<(ActorId, usize)> = actors
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .collect();
    actors.sort_unstable_by_key(|&(id, n)| (Reverse(n), idx.actor_rank.get(id).copied()));
    let mut countries: Vec<(CountryCode, usize)> = countries
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .filter_map(|(i, n)| idx.countries.get(i).map(|&c| (c, n)))
        .collect();
    countries.sort_by_cached_key(|&(c, n)| (Reverse(n), fold(c.name_fr())));
    Facets {
        actors,
        countries,
        ..Facets::default()
    }
}

type Counts = (Vec<usize>, Vec<usize>);

/// What one chunk of briefings gives: its hits, its actors and countries
/// counted, its years and months.
type ChunkCounts = (Vec<Hit>, (Counts, (Periods, Periods)));

fn add_counts(mut a: Counts, b: Counts) -> Counts {
    for (x, y) in a.0.iter_mut().zip(b.0) {
        *x += y;
    }
    for (x, y) in a.1.iter_mut().zip(b.1) {
        *x += y;
    }
    a
}

pub fn facets(corpus: &Folder, hits: &[Hit]) -> Facets {
    let idx = corpus.index();
    let (na, nc) = (corpus.registry.actors().len(), idx.countries.len());
    let (actors, countries) = hits
        .par_chunks(4096)
        .map(|chunk| {
            let (mut a, mut c) = (vec![0; na], vec![0; nc]);
            for h in chunk {
                count(idx, h.doc, &mut a, &mut c, (true, true));
            }
            (a, c)
        })
        .reduce(|| (vec![0; na], vec![0; nc]), add_counts);
    let docs: Vec<usize> = hits.iter().map(|h| h.doc).collect();
    let (years, months) = date_counts(idx, &docs);
    Facets {
        years,
        months,
        ..sorted_facets(idx, actors, countries)
    }
}

/// Hits for `query` and `selection`, with facet counts as users of faceted search
/// expect: each facet counted with every filter except its own, so that values
/// one could add (any of them) stay visible. One pass over the briefings.
pub fn faceted(corpus: &Folder, query: &Query, selection: &Selection) -> (Vec<Hit>, Facets) {
    faceted_until(corpus, query, selection, true, &|| false).unwrap_or_default()
}

/// `faceted`, abandoned (`None`) as soon as `stop` returns true; while the
/// article text's index is built, waiting for it or (`wait_for_text` false)
/// searching titles and names only.
pub fn faceted_until(
    corpus: &Folder,
    query: &Query,
    selection: &Selection,
    wait_for_text: bool,
    stop: &Stop<'_>,
) -> Option<(Vec<Hit>, Facets)> {
    let idx = corpus.index();
    let scores = scoring::matched_until(corpus, query, wait_for_text, stop)?;
    let (na, nc) = (corpus.registry.actors().len(), idx.countries.len());
    let parts: Vec<ChunkCounts> = scores
        .par_chunks(4096)
        .enumerate()
        .map(|(c, chunk)| {
            let mut hits = Vec::new();
            let (mut a, mut k) = (vec![0; na], vec![0; nc]);
            // What the dates facet counts: every filter but its own.
            let mut dated = Vec::new();
            for (i, s) in chunk.iter().enumerate() {
                let doc = c * 4096 + i;
                let Some(score) = s else {
                    continue;
                };
                if !selection.has_years_and_id(idx, doc) {
                    continue;
                }
                let (ic, ia, id) = (
                    selection.has_country(idx, doc),
                    selection.has_actor(idx, doc),
                    selection.has_period(idx, doc),
                );
                count(idx, doc, &mut a, &mut k, (ic && id, ia && id));
                if ic && ia {
                    dated.push(doc);
                    if id {
                        hits.push(Hit { doc, score: *score });
                    }
                }
            }
            (hits, ((a, k), date_counts(idx, &dated)))
        })
        .collect();
    // Put together once, in order: merged pairwise, the hits were copied
    // again at every level (a tenth of a keystroke's search).
    let mut hits = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
    let mut counts: Counts = (vec![0; na], vec![0; nc]);
    let mut years = Periods::default();
    let mut months = Periods {
        grain: Grain::Month,
        ..Periods::default()
    };
    for (h, (c, (y, m))) in parts {
        hits.extend(h);
        counts = add_counts(counts, c);
        years = years.merge(y);
        months = months.merge(m);
    }
    let (actors, countries) = counts;
    let facets = Facets {
        years,
        months,
        ..sorted_facets(idx, actors, countries)
    };
    Some((rank(query, hits), facets))
}
