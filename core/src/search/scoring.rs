//! Scores every briefing for a query through the index: one pass over the
//! vocabulary per word, phrases checked only where all their words occur.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::{Selection, Stop};
use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::index::{self, Field, Index, TextIndex};
use crate::model::Briefing;
use crate::query::{Filter, Query, Term};
use crate::text::fold;

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

/// Whether the folded word sequence `phrase` occurs in `text` (and, for a
/// phrase with accents, the phrase as written): what `phrase_ranges` finds,
/// in one pass and without building the ranges.
fn phrase_in(text: &str, phrase: &[String], exact: Option<&str>) -> bool {
    let n = phrase.len();
    if n == 0 {
        return false;
    }
    let mut window: std::collections::VecDeque<String> =
        std::collections::VecDeque::with_capacity(n);
    let mut found = false;
    let mut buf = String::new();
    index::each_word(text, &mut buf, |w| {
        if found {
            return;
        }
        let mut slot = if window.len() == n {
            window.pop_front().unwrap_or_default()
        } else {
            String::new()
        };
        slot.clear();
        slot.push_str(w);
        window.push_back(slot);
        found = window.len() == n && window.iter().zip(phrase).all(|(a, b)| a == b);
    });
    found
        && exact.is_none_or(|exact| {
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
                .contains(exact)
        })
}

/// Score of a phrase term in one briefing: the best field's tier, checked from
/// the best tier down, so the body is read only when nothing else has it.
fn phrase_score(b: &Briefing, registry: &Registry, term: &Term) -> Option<i64> {
    let (words, exact) = (&term.words, term.exact.as_deref());
    let bonus = 100 * words.len() as i64;
    if phrase_in(&b.title, words, exact) {
        return Some(Field::Title.tier() + bonus);
    }
    if short_values(b, registry)
        .iter()
        .any(|(_, v)| phrase_in(v, words, exact))
    {
        return Some(Field::Actors.tier() + bonus);
    }
    if phrase_in(b.summary.as_deref().unwrap_or_default(), words, exact) {
        return Some(Field::Summary.tier() + bonus);
    }
    phrase_in(&b.body, words, exact).then_some(Field::Body.tier() + bonus)
}

/// Largest number of separate runs a fuzzy match of `term` may have.
pub(super) fn max_runs(term: &str) -> usize {
    1 + (term.chars().count().saturating_sub(1)) / 4
}

/// Fuzzy score of the folded `term` in one folded `word`, with the matched
/// char positions. A match must be compact (few separate runs), so short terms
/// do not match scattered letters; whole-word and word-start matches rank higher.
pub(super) fn word_score(
    matcher: &SkimMatcherV2,
    word: &str,
    term: &str,
    max_runs: usize,
) -> Option<(i64, Vec<usize>)> {
    if word.len() < term.len() / 2 {
        return None;
    }
    let (score, idx) = matcher.fuzzy_indices(word, term)?;
    let runs = 1 + idx.windows(2).filter(|w| w[1] != w[0] + 1).count();
    if runs > max_runs {
        return None;
    }
    let bonus = if idx.first() == Some(&0) { 20 } else { 0 } + if word == term { 20 } else { 0 };
    Some((score + bonus, idx))
}

pub(super) fn passes(b: &Briefing, filter: &Filter) -> bool {
    match filter {
        Filter::Country(c) => b.countries.contains(c),
        Filter::Actor(a) => b.actors.iter().any(|r| r.actor == *a),
        Filter::Topic(t) => b.topics.iter().any(|x| fold(x).contains(t.as_str())),
        Filter::Years(from, to) => meeting_in_years(b, *from, *to),
        Filter::Date(d) => {
            b.date.is_some_and(|x| x.within(d)) || b.end_date.is_some_and(|x| x.within(d))
        }
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

/// Whether the meeting (from `date` to `end_date`) overlaps the years `from..=to`.
pub(super) fn meeting_in_years(b: &Briefing, from: u16, to: u16) -> bool {
    match b.date {
        Some(d) => {
            let end = b.end_date.map_or(d.year, |e| e.year.max(d.year));
            d.year <= to && end >= from
        }
        None => false,
    }
}

impl Selection {
    /// Whether the briefing passes the country facet (any selected country).
    pub(super) fn has_country(&self, b: &Briefing) -> bool {
        self.countries.is_empty() || b.countries.iter().any(|c| self.countries.contains(c))
    }
    /// Whether the briefing passes the actor facet (any selected actor).
    pub(super) fn has_actor(&self, b: &Briefing) -> bool {
        self.actors.is_empty() || b.actors.iter().any(|a| self.actors.contains(&a.actor))
    }
    /// Whether the briefing passes the filters that are not facets: years and ids.
    pub(super) fn has_years_and_id(&self, b: &Briefing) -> bool {
        self.years.is_none_or(|(a, z)| meeting_in_years(b, a, z))
            && self.ids.as_ref().is_none_or(|f| f.keeps(&b.id))
    }
    pub(super) fn admits(&self, b: &Briefing) -> bool {
        self.has_country(b) && self.has_actor(b) && self.has_years_and_id(b)
    }
}

/// Score of one plain (one-word) term for every briefing, 0 where it does not
/// match: the tiers of `Field::tier` plus the best fuzzy score, computed once
/// per distinct word and spread to the briefings through the postings.
fn term_scores(
    idx: &Index,
    text: &TextIndex,
    matcher: &SkimMatcherV2,
    term: &str,
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
    for r in text.prefixed(term) {
        for &p in &text.docs[r] {
            let tier = if p & 1 == 1 {
                Field::Summary.tier()
            } else {
                Field::Body.tier()
            };
            let slot = &mut best[(p >> 1) as usize];
            *slot = (*slot).max(tier + 10);
        }
    }
    if !scored.is_empty() {
        let mut word_best = vec![None; words.text.len()];
        for &(w, s) in &scored {
            word_best[w] = Some(s);
            for &d in &idx.title_docs[w] {
                let slot = &mut best[d as usize];
                *slot = (*slot).max(Field::Title.tier() + s);
            }
        }
        for e in &idx.entries {
            if let Some(s) = e.words.iter().filter_map(|&w| word_best[w as usize]).max() {
                for &d in &e.docs {
                    let slot = &mut best[d as usize];
                    *slot = (*slot).max(e.field.tier() + s);
                }
            }
        }
    }
    best
}

/// Briefings holding every word of a phrase somewhere, as a superset to check one by one.
fn phrase_candidates(idx: &Index, text: &TextIndex, words: &[String], n: usize) -> Vec<bool> {
    let mut all = vec![true; n];
    for w in words {
        let mut has = vec![false; n];
        for &p in text.exact(w) {
            has[(p >> 1) as usize] = true;
        }
        if let Some(id) = idx.words.text.iter().position(|x| **x == **w) {
            for &d in &idx.title_docs[id] {
                has[d as usize] = true;
            }
            for e in idx
                .entries
                .iter()
                .filter(|e| e.words.contains(&(id as u32)))
            {
                for &d in &e.docs {
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

/// Score of every term for every briefing; `None` where a briefing fails a
/// term. Query filters apply; facet selections do not.
pub(super) fn matched(corpus: &Corpus, query: &Query) -> Vec<Option<i64>> {
    matched_until(corpus, query, &|| false).unwrap_or_default()
}

/// `matched`, abandoned (`None`) as soon as `stop` says the answer is no
/// longer wanted: a newer keystroke.
pub(super) fn matched_until(
    corpus: &Corpus,
    query: &Query,
    stop: &Stop<'_>,
) -> Option<Vec<Option<i64>>> {
    let n = corpus.briefings.len();
    let idx = corpus.index();
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut total: Vec<Option<i64>> = corpus
        .briefings
        .par_iter()
        .map(|b| {
            query
                .filters
                .iter()
                .all(|(neg, f)| passes(b, f) != *neg)
                .then_some(0)
        })
        .collect();
    // Phrases are checked briefing by briefing: last, on what the words left.
    let mut terms: Vec<&Term> = query.terms.iter().collect();
    terms.sort_by_key(|t| t.phrase);
    for term in terms {
        if stop() {
            return None;
        }
        let scores: Vec<i64> = if term.phrase {
            let candidates = phrase_candidates(idx, corpus.text_index(), &term.words, n);
            (0..n)
                .into_par_iter()
                .map(
                    |d| match (candidates[d], total[d].is_some(), corpus.briefings.get(d)) {
                        (true, true, Some(_)) if stop() => 0,
                        (true, true, Some(b)) => {
                            phrase_score(b, &corpus.registry, term).unwrap_or(0)
                        }
                        _ => 0,
                    },
                )
                .collect()
        } else {
            match term.words.first() {
                Some(w) => term_scores(idx, corpus.text_index(), &matcher, w, n),
                None => vec![0; n],
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
