//! Scores every briefing for a query through the index: one pass over the
//! vocabulary per word, phrases checked only where all their words occur.

use super::{Selection, Stop};
use crate::actors::Registry;
use crate::index::{self, Field, Index, Part, TextIndex};
use crate::load::Folder;
use crate::model::{Briefing, PartialDate};
use crate::query::{DateRange, Filter, Query, Term};
use crate::text::fold;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

mod entities;
mod phrases;
mod typos;
mod words;

use entities::entity_scores;
pub(super) use entities::{ENTITY_BONUS, Name, another_countrys_name, concerns, entity_names};
use phrases::phrase_scores;
pub(super) use phrases::{accent_in, max_runs};
use typos::budget_for;
pub(super) use typos::{scattered, typo_floor, typo_points};
pub use typos::{typo_budget, typo_distance, typo_match};
use words::word_scores;
pub(super) use words::{found_as_word, word_score};

/// The short fields of a briefing, value by value: actor names (every name of
/// each actor), country names, topics, place, publisher.
pub(super) fn short_values<'a>(b: &'a Briefing, registry: &'a Registry) -> Vec<(Field, &'a str)> {
    let mut short = Vec::new();
    for a in &b.actors {
        if let Some(actor) = registry.get(a.actor) {
            for n in actor.names() {
                short.push((Field::Actors, n));
            }
        }
    }
    for c in &b.countries {
        for n in [c.as_str(), c.name_fr(), c.name_en()] {
            short.push((Field::Countries, n));
        }
        for n in c.country().variants {
            short.push((Field::Countries, *n));
        }
    }
    for t in &b.topics {
        short.push((Field::Topics, t.as_str()));
    }
    if let Some(city) = &b.location.city {
        short.push((Field::Location, city.as_str()));
    }
    if let Some(c) = &b.location.country {
        short.push((Field::Location, c.name_fr()));
        short.push((Field::Location, c.name_en()));
    }
    if let Some(p) = &b.source.publisher {
        short.push((Field::Publisher, p.as_str()));
    }
    short
}

pub(super) fn passes(b: &Briefing, filter: &Filter, registry: &Registry) -> bool {
    match filter {
        Filter::Country(c) => b.countries.contains(c),
        Filter::Actor(a) => b.actors.iter().any(|r| r.actor == *a),
        Filter::Actors(list) => b.actors.iter().any(|r| list.contains(&r.actor)),
        Filter::Topic(t, ids) => b.topics.iter().any(|x| {
            fold(x).contains(t.as_str())
                || registry
                    .topics()
                    .resolve(x)
                    .is_some_and(|id| ids.contains(&id))
        }),
        Filter::Years(..)
        | Filter::Date(_)
        | Filter::Since(_)
        | Filter::Until(_)
        | Filter::Before(_) => filter_dates(filter, b.date, b.end_date),
        Filter::Place(p) => {
            b.location
                .city
                .as_deref()
                .is_some_and(|c| fold(c).contains(p.as_str()))
                || b.location.country.is_some_and(|c| {
                    c.as_str().eq_ignore_ascii_case(p)
                        || fold(c.name_fr()).contains(p.as_str())
                        || fold(c.name_en()).contains(p.as_str())
                })
        }
    }
}

/// Whether a meeting from `date` to `end_date` passes a date filter: a
/// range (`DateRange::admits`), or `date:` (one of its dates written within
/// the period). Any other filter passes.
fn filter_dates(filter: &Filter, date: Option<PartialDate>, end_date: Option<PartialDate>) -> bool {
    match (filter, filter.date_range()) {
        (Filter::Date(d), _) => {
            date.is_some_and(|x| x.within(d)) || end_date.is_some_and(|x| x.within(d))
        }
        (_, Some(range)) => range.admits(date, end_date),
        _ => true,
    }
}

/// Whether a filter is read from the dates the index keeps.
fn on_dates(filter: &Filter) -> bool {
    matches!(filter, Filter::Date(_)) || filter.date_range().is_some()
}

/// Whether briefing `doc` passes the query's filters: dates, countries and
/// actors read from the index's columns, a topic or a place from the
/// briefing (decoded only when the others have not already refused it).
fn passes_all(corpus: &Folder, idx: &Index, doc: usize, filters: &[(bool, Filter)]) -> bool {
    let in_range = doc < idx.docs.len();
    let (date, end_date) = idx.dates(doc);
    let dated = filters
        .iter()
        .filter(|(_, f)| on_dates(f))
        .all(|(neg, f)| (in_range && filter_dates(f, date, end_date)) != *neg);
    // Countries and actors are read from the index's columns too; only a
    // topic or place filter decodes the briefing (`pays:NE` decoded most
    // of a million for seconds).
    let on_index = |f: &Filter| -> Option<bool> {
        match f {
            Filter::Country(c) => Some(idx.lists_country(doc, *c)),
            Filter::Actor(a) => Some(idx.has_actor(doc, *a)),
            Filter::Actors(list) => Some(list.iter().any(|&a| idx.has_actor(doc, a))),
            _ => None,
        }
    };
    let mut rest = filters.iter().filter(|(_, f)| !on_dates(f));
    dated
        && rest
            .clone()
            .all(|(neg, f)| on_index(f).is_none_or(|yes| yes != *neg))
        && (rest.all(|(_, f)| on_index(f).is_some())
            || corpus.briefings.get(doc).is_some_and(|b| {
                filters
                    .iter()
                    .filter(|(_, f)| !on_dates(f) && on_index(f).is_none())
                    .all(|(neg, f)| passes(b, f, &corpus.registry) != *neg)
            }))
}

/// The selection is read from the index's columns, not from the briefings:
/// a corpus from the cache decodes a briefing only when it is shown.
impl Selection {
    /// Whether the briefing passes the country facet (any selected country).
    pub(super) fn has_country(&self, idx: &Index, doc: usize) -> bool {
        self.countries.is_empty() || self.countries.iter().any(|&c| idx.lists_country(doc, c))
    }
    /// Whether the briefing passes the actor facet (any selected actor).
    pub(super) fn has_actor(&self, idx: &Index, doc: usize) -> bool {
        self.actors.is_empty() || self.actors.iter().any(|&a| idx.has_actor(doc, a))
    }
    /// Whether the briefing passes the dates facet (any selected period).
    pub(super) fn has_period(&self, idx: &Index, doc: usize) -> bool {
        if self.periods.is_empty() {
            return true;
        }
        let (date, end_date) = idx.dates(doc);
        doc < idx.docs.len() && self.periods.iter().any(|p| p.admits(date, end_date))
    }
    /// Whether the briefing passes the filters that are not facets: years
    /// and ids. Its facts are read only for ids.
    pub(super) fn has_years_and_id(&self, idx: &Index, doc: usize) -> bool {
        if doc >= idx.docs.len() {
            return false;
        }
        let (date, end_date) = idx.dates(doc);
        self.years
            .is_none_or(|(a, z)| DateRange::years(a, z).admits(date, end_date))
            && self
                .ids
                .as_ref()
                .is_none_or(|ids| idx.docs.get(doc).is_some_and(|f| ids.keeps(f.id)))
    }
    pub(super) fn admits(&self, idx: &Index, doc: usize) -> bool {
        self.has_country(idx, doc)
            && self.has_actor(idx, doc)
            && self.has_period(idx, doc)
            && self.has_years_and_id(idx, doc)
    }
}

/// Score of a summary or body prefix match from its posting: the field's
/// tier, and 2 more where the word is written plain (an unaccented query
/// word ranks text without accents first).
pub(super) fn text_points(posting: u32) -> i64 {
    let tier = if posting & 1 == 1 {
        Field::Summary.tier()
    } else {
        Field::Body.tier()
    };
    tier + 10 + 2 * i64::from((posting >> 1) & 1)
}

/// A text posting's flags (bit 0 in the summary, bit 1 written plain) as a
/// rank from 1, in the order of their `text_points`: a briefing keeps the
/// best rank of its words, one byte each rather than a score.
pub(super) fn text_rank(flags: u32) -> u8 {
    1 + (((flags & 1) << 1) | ((flags >> 1) & 1)) as u8
}

/// The points of a `text_rank` (from 1).
pub(super) fn rank_points(rank: u8) -> i64 {
    let r = u32::from(rank.saturating_sub(1));
    text_points(((r >> 1) & 1) | ((r & 1) << 1))
}

/// Score of one plain (one-word) term for every briefing, 0 where it does not
/// match: the tiers of `Field::tier` plus the best fuzzy score, computed once
/// per distinct word and spread to the briefings through the postings.
fn term_scores(
    idx: &Index,
    text: &TextIndex,
    matcher: &SkimMatcherV2,
    term: &str,
    plain: bool,
    n: usize,
) -> Vec<i64> {
    let mut best = vec![0i64; n];
    let runs = max_runs(term);
    let mask = index::char_mask(term);
    let words = &idx.words;
    let scored: Vec<(usize, i64)> = (0..words.text.len())
        .into_par_iter()
        .filter(|&w| words.masks[w] & mask == mask)
        .filter_map(|w| word_score(matcher, &words.text[w], term, runs).map(|(s, _)| (w, s)))
        .collect();
    // Tiers dominate any fuzzy score, so `max` ranks title > short fields > summary > body.
    let ranks = text.best_prefixed(term, text_rank);
    for (slot, &r) in best.iter_mut().zip(&ranks) {
        if r > 0 {
            *slot = (*slot).max(rank_points(r));
        }
    }
    spread_to_briefings(idx, &scored, &mut best, plain);
    best
}

/// What a title word written plain adds for an unaccented query word
/// (`traite` before "traité"), as `text_points` does in summary and body.
pub(super) fn title_plain_points(plain: bool) -> i64 {
    if plain { 2 } else { 0 }
}

/// Spreads scores given to distinct short-field words (`(word, score)`) to
/// the briefings holding them: each briefing keeps, per field, its field's
/// tier plus the best score of its words there.
fn spread_to_briefings(idx: &Index, scored: &[(usize, i64)], best: &mut [i64], plain: bool) {
    if scored.is_empty() {
        return;
    }
    let mut word_best = vec![None; idx.words.text.len()];
    for &(w, s) in scored {
        word_best[w] = Some(s);
        let accented = idx.title_accented.get(w).map_or(&[][..], |a| &a[..]);
        for &d in idx.title_docs[w].iter() {
            let bonus = title_plain_points(plain && accented.binary_search(&d).is_err());
            let slot = &mut best[d as usize];
            *slot = (*slot).max(Field::Title.tier() + s + bonus);
        }
    }
    for e in &idx.entries {
        if let Some(s) = e.words.iter().filter_map(|&w| word_best[w as usize]).max() {
            for &d in e.docs.iter() {
                let slot = &mut best[d as usize];
                *slot = (*slot).max(e.field.tier() + s);
            }
        }
    }
}

/// Where the text index finds a phrase (or, for a name in capitals, the
/// capitals): per briefing, bit 0 in the summary, bit 1 in the body.
fn in_text(text: &TextIndex, words: &[String], caps: Option<&str>) -> Vec<u8> {
    if let Some(caps) = caps {
        return text.caps(caps);
    }
    let summary = text.phrase(words, Part::Summary);
    let body = text.phrase(words, Part::Body);
    summary
        .into_iter()
        .zip(body)
        .map(|(s, b)| u8::from(s) | u8::from(b) << 1)
        .collect()
}

/// Briefings holding every word of a phrase in their title or short fields,
/// as a superset to check one by one.
fn short_candidates(idx: &Index, words: &[String], n: usize) -> Vec<bool> {
    let mut all = vec![true; n];
    for w in words {
        let mut has = vec![false; n];
        if let Some(id) = idx.words.text.iter().position(|x| **x == **w) {
            for &d in idx.title_docs[id].iter() {
                has[d as usize] = true;
            }
            for e in idx
                .entries
                .iter()
                .filter(|e| e.words.contains(&(id as u32)))
            {
                for &d in e.docs.iter() {
                    has[d as usize] = true;
                }
            }
        }
        for (a, h) in all.iter_mut().zip(has) {
            *a &= h;
        }
    }
    all
}

/// Whole-word typo points are even, those of a word's start odd (`typo_points`).
pub(super) fn is_whole(points: i64) -> bool {
    points % 2 == 0
}

/// Whether a typo match's points count beside the best whole-word match.
pub(super) fn above_floor(points: i64, floor: i64) -> bool {
    is_whole(points) || points > floor
}

/// Whether a term that matched nothing may be matched again with typos.
pub(super) fn typos_allowed(term: &Term) -> bool {
    !term.negated
        && !term.phrase
        && term.entity.is_none()
        && term
            .words
            .first()
            .is_some_and(|w| budget_for(w.chars().count() + 1) > 0)
}

/// Score of every term for every briefing; `None` where a briefing fails a
/// term. Query filters apply; facet selections do not.
pub(super) fn matched(corpus: &Folder, query: &Query) -> Vec<Option<i64>> {
    matched_until(corpus, query, true, &|| false).unwrap_or_default()
}

/// `matched`, abandoned (`None`) as soon as `stop` says the answer is no
/// longer wanted: a newer keystroke.
pub(super) fn matched_until(
    corpus: &Folder,
    query: &Query,
    wait: bool,
    stop: &Stop<'_>,
) -> Option<Vec<Option<i64>>> {
    let n = corpus.briefings.len();
    let matcher = SkimMatcherV2::default().ignore_case();
    // Without filters every briefing is in the running: none is looked at.
    let mut total: Vec<Option<i64>> = if query.filters.is_empty() {
        vec![Some(0); n]
    } else {
        let idx = corpus.index();
        (0..n)
            .into_par_iter()
            .map(|d| passes_all(corpus, idx, d, &query.filters).then_some(0))
            .collect()
    };
    // Phrases are checked briefing by briefing: last, on what the words left.
    let mut terms: Vec<&Term> = query.terms.iter().collect();
    terms.sort_by_key(|t| t.phrase);
    for term in terms {
        if stop() {
            return None;
        }
        let scores: Vec<i64> = if term.phrase {
            phrase_scores(corpus, wait, term, &total, stop)
        } else if let Some(e) = term.entity {
            entity_scores(corpus, wait, e, &total, stop)
        } else {
            let scores = word_scores(corpus, wait, &matcher, term, &total, false);
            // Typos forgive only a word found nowhere as a word, so that a
            // correctly spelled query's results never change; letters found
            // in order inside other words then rank below the typos.
            if typos_allowed(term) && !found_as_word(corpus.index(), corpus.text_index(wait), term)
            {
                let typos = word_scores(corpus, wait, &matcher, term, &total, true);
                scores
                    .into_iter()
                    .zip(typos)
                    .map(|(s, t)| scattered(s).max(t))
                    .collect()
            } else {
                scores
            }
        };
        if stop() {
            return None;
        }
        for (t, s) in total.iter_mut().zip(scores) {
            *t = match (*t, s > 0, term.negated) {
                (Some(t), true, false) => Some(t + s),
                (Some(t), false, true) => Some(t),
                _ => None,
            };
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::{rank_points, text_points, text_rank};

    #[test]
    fn text_ranks_keep_the_order_and_the_points_of_the_flags() {
        // Bit 0: in the summary; bit 1: written plain; bit 2 (accented) plays no part.
        for a in 0..8u32 {
            assert_eq!(rank_points(text_rank(a)), text_points(a), "{a:#b}");
            for b in 0..8u32 {
                assert_eq!(
                    text_rank(a).cmp(&text_rank(b)),
                    text_points(a).cmp(&text_points(b)),
                    "{a:#b} against {b:#b}"
                );
            }
        }
        assert!((0..8).all(|f| text_rank(f) > 0), "0 stands for no word");
    }
}
