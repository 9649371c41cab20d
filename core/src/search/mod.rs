//! Corpus + Query -> ranked hits with match positions; facet counts.
//!
//! Text is folded once at load (`Index::build`). A term matches fuzzily, word by
//! word, against the short fields (title, actor names, countries, topics,
//! location, publisher) and by word prefix against summary and body.

use std::cmp::Reverse;
use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use serde::Serialize;

use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::model::{ActorId, Briefing, CountryCode};
use crate::query::{Filter, Query, Term};
use crate::text::{Folded, fold};

mod index;
pub(crate) use index::{Index, TextIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    fn tier(self) -> i64 {
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

/// Facet selections: several values in one facet mean any of them; facets combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub countries: Vec<CountryCode>,
    pub actors: Vec<ActorId>,
    pub years: Option<(u16, u16)>,
    /// Briefings kept by id: the bookmarked or unread filters.
    pub ids: Option<IdFilter>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
            && self.actors.is_empty()
            && self.years.is_none()
            && self.ids.is_none()
    }
}

/// A set of briefing ids, shared rather than copied on every keystroke.
pub type IdSet = std::sync::Arc<rustc_hash::FxHashSet<String>>;

/// Keeps the briefings whose id is in the set (`Only`) or not in it (`Except`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdFilter {
    Only(IdSet),
    Except(IdSet),
}

impl IdFilter {
    pub fn keeps(&self, id: &str) -> bool {
        match self {
            IdFilter::Only(set) => set.contains(id),
            IdFilter::Except(set) => !set.contains(id),
        }
    }
}

/// The order of the hits: best match first, or newest meeting first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sort {
    #[default]
    Relevance,
    Date,
}

impl Sort {
    pub fn name(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
        }
    }
    pub fn other(self) -> Sort {
        match self {
            Sort::Relevance => Sort::Date,
            Sort::Date => Sort::Relevance,
        }
    }
}

/// Puts ranked hits in `sort` order. Briefings are stored newest first, so by
/// date is by index.
pub fn sort_hits(hits: &mut [Hit], sort: Sort) {
    if sort == Sort::Date {
        hits.par_sort_unstable_by_key(|h| h.doc);
    }
}

/// Where a term matched: the field, the value within it, and char ranges in that value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMatch {
    pub field: Field,
    pub value: String,
    pub ranges: Vec<Range<usize>>,
}

/// A briefing that matches, and how well. `explain` says where it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Corpus::briefings`.
    pub doc: usize,
    pub score: i64,
}

/// One short text, folded, with its words' char offsets in the folded form.
#[derive(Debug, Clone, Default)]
struct Text {
    original: String,
    folded: Folded,
    words: Vec<(usize, String)>,
}

impl Text {
    fn new(s: &str) -> Text {
        let folded = Folded::new(s);
        let words = word_spans(&folded.text);
        Text {
            original: s.to_string(),
            folded,
            words,
        }
    }
}

/// `(char offset, word)` for each alphanumeric word.
fn word_spans(s: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in s.chars().enumerate() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            cur.push(c);
        } else if !cur.is_empty() {
            out.push((start, std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push((start, cur));
    }
    out
}

#[derive(Debug, Clone, Default)]
struct Doc {
    title: Text,
    short: Vec<(Field, Text)>,
    summary_words: Vec<String>,
    body_words: Vec<String>,
}

fn sorted_words(s: &str) -> Vec<String> {
    let mut w = crate::query::words(s);
    w.sort_unstable();
    w.dedup();
    w
}

/// The short fields of a briefing, value by value: actor names (every name of
/// each actor), country names, topics, place, publisher.
fn short_values<'a>(b: &'a Briefing, registry: &'a Registry) -> Vec<(Field, &'a str)> {
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

impl Doc {
    /// One briefing's folded fields: what `explain` reads, match by match, the
    /// same way the index scores the whole corpus.
    fn new(b: &Briefing, registry: &Registry) -> Doc {
        let short = short_values(b, registry)
            .into_iter()
            .map(|(f, v)| (f, Text::new(v)))
            .collect();
        Doc {
            title: Text::new(&b.title),
            short,
            summary_words: sorted_words(b.summary.as_deref().unwrap_or_default()),
            body_words: sorted_words(&b.body),
        }
    }
}

/// Sorted char indices -> merged ranges.
fn to_ranges(mut idx: Vec<usize>) -> Vec<Range<usize>> {
    idx.sort_unstable();
    idx.dedup();
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in idx {
        match out.last_mut() {
            Some(r) if r.end == i => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Largest number of separate runs a fuzzy match of `term` may have.
fn max_runs(term: &str) -> usize {
    1 + (term.chars().count().saturating_sub(1)) / 4
}

/// Fuzzy score of the folded `term` in one folded `word`, with the matched
/// char positions. A match must be compact (few separate runs), so short terms
/// do not match scattered letters; whole-word and word-start matches rank higher.
fn word_score(
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

/// Best fuzzy match of one folded word `term` against the words of `text`:
/// the score and the original char positions. A match stays within one word.
fn match_words(matcher: &SkimMatcherV2, text: &Text, term: &str) -> Option<(i64, Vec<usize>)> {
    let runs = max_runs(term);
    let mut best: Option<(i64, Vec<usize>)> = None;
    for (start, word) in &text.words {
        let Some((score, idx)) = word_score(matcher, word, term, runs) else {
            continue;
        };
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            let orig = idx
                .iter()
                .filter_map(|i| text.folded.origin.get(start + i).map(|&o| o as usize))
                .collect();
            best = Some((score, orig));
        }
    }
    best
}

/// Whether one of the sorted `words` starts with `prefix`.
fn has_prefix(words: &[String], prefix: &str) -> bool {
    let at = words.partition_point(|w| w.as_str() < prefix);
    words.get(at).is_some_and(|w| w.starts_with(prefix))
}

/// Char ranges in `text` of the words starting with one of `prefixes` (folded):
/// what the reader highlights and `n`/`N` walk.
pub fn word_ranges(text: &str, prefixes: &[String]) -> Vec<Range<usize>> {
    if prefixes.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let mut out = Vec::new();
    for (start, word) in word_spans(&folded.text) {
        let best = prefixes
            .iter()
            .filter(|p| !p.is_empty() && word.starts_with(p.as_str()))
            .map(|p| p.chars().count())
            .max();
        if let Some(len) = best {
            let first = folded.origin.get(start).copied();
            let last = folded.origin.get(start + len - 1).copied();
            if let (Some(a), Some(b)) = (first, last) {
                out.push(a as usize..b as usize + 1);
            }
        }
    }
    out
}

/// Char ranges in `text` of every occurrence of `needle`, ignoring case and
/// accents: the reader's search within an article.
pub fn find_ranges(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle = fold(needle);
    if needle.trim().is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let chars: Vec<char> = folded.text.chars().collect();
    let pat: Vec<char> = needle.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + pat.len() <= chars.len() {
        if chars[i..i + pat.len()] == pat[..] {
            if let (Some(&a), Some(&b)) =
                (folded.origin.get(i), folded.origin.get(i + pat.len() - 1))
            {
                out.push(a as usize..b as usize + 1);
            }
            i += pat.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Char ranges in `text` where the folded word sequence `phrase` occurs.
fn phrase_ranges(text: &str, phrase: &[String], exact: Option<&str>) -> Vec<Range<usize>> {
    if let Some(exact) = exact {
        let lower = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !lower.contains(exact) {
            return Vec::new();
        }
    }
    let folded = Folded::new(text);
    let spans = word_spans(&folded.text);
    let mut out = Vec::new();
    if phrase.is_empty() || spans.len() < phrase.len() {
        return out;
    }
    for w in spans.windows(phrase.len()) {
        if w.iter().zip(phrase).all(|((_, a), b)| a == b) {
            let (s, _) = &w[0];
            let (e, last) = &w[phrase.len() - 1];
            let end = e + last.chars().count() - 1;
            if let (Some(&a), Some(&b)) = (folded.origin.get(*s), folded.origin.get(end)) {
                out.push(a as usize..b as usize + 1);
            }
        }
    }
    out
}

/// Best match of a term in a briefing: score and where it matched.
fn match_term(
    matcher: &SkimMatcherV2,
    doc: &Doc,
    b: &Briefing,
    term: &Term,
) -> Option<(i64, Vec<FieldMatch>)> {
    if term.phrase {
        let exact = term.exact.as_deref();
        let mut found: Vec<FieldMatch> = Vec::new();
        let mut push = |field: Field, value: &str| {
            let ranges = phrase_ranges(value, &term.words, exact);
            if !ranges.is_empty() {
                found.push(FieldMatch {
                    field,
                    value: value.to_string(),
                    ranges,
                });
            }
        };
        push(Field::Title, &b.title);
        for (f, t) in &doc.short {
            push(*f, &t.original);
        }
        push(Field::Summary, b.summary.as_deref().unwrap_or_default());
        push(Field::Body, &b.body);
        let tier = found.iter().map(|m| m.field.tier()).max()?;
        return Some((tier + 100 * term.words.len() as i64, found));
    }
    let word = term.words.first()?;
    if let Some((score, idx)) = match_words(matcher, &doc.title, word) {
        return Some((
            Field::Title.tier() + score,
            vec![FieldMatch {
                field: Field::Title,
                value: b.title.clone(),
                ranges: to_ranges(idx),
            }],
        ));
    }
    let mut best: Option<(i64, FieldMatch)> = None;
    for (field, text) in &doc.short {
        if let Some((score, idx)) = match_words(matcher, text, word)
            && best.as_ref().is_none_or(|(s, _)| score > *s)
        {
            best = Some((
                score,
                FieldMatch {
                    field: *field,
                    value: text.original.clone(),
                    ranges: to_ranges(idx),
                },
            ));
        }
    }
    if let Some((score, m)) = best {
        return Some((m.field.tier() + score, vec![m]));
    }
    let words = std::slice::from_ref(word);
    if has_prefix(&doc.summary_words, word) {
        let summary = b.summary.clone().unwrap_or_default();
        let ranges = word_ranges(&summary, words);
        return Some((
            Field::Summary.tier() + 10,
            vec![FieldMatch {
                field: Field::Summary,
                value: summary,
                ranges,
            }],
        ));
    }
    if has_prefix(&doc.body_words, word) {
        return Some((
            Field::Body.tier() + 10,
            vec![FieldMatch {
                field: Field::Body,
                value: String::new(),
                ranges: word_ranges(&b.body, words),
            }],
        ));
    }
    None
}

fn passes(b: &Briefing, filter: &Filter) -> bool {
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
fn meeting_in_years(b: &Briefing, from: u16, to: u16) -> bool {
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
    fn has_country(&self, b: &Briefing) -> bool {
        self.countries.is_empty() || b.countries.iter().any(|c| self.countries.contains(c))
    }
    /// Whether the briefing passes the actor facet (any selected actor).
    fn has_actor(&self, b: &Briefing) -> bool {
        self.actors.is_empty() || b.actors.iter().any(|a| self.actors.contains(&a.actor))
    }
    /// Whether the briefing passes the filters that are not facets: years and ids.
    fn has_years_and_id(&self, b: &Briefing) -> bool {
        self.years.is_none_or(|(a, z)| meeting_in_years(b, a, z))
            && self.ids.as_ref().is_none_or(|f| f.keeps(&b.id))
    }
    fn admits(&self, b: &Briefing) -> bool {
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
fn matched(corpus: &Corpus, query: &Query) -> Vec<Option<i64>> {
    matched_until(corpus, query, &|| false).unwrap_or_default()
}

/// `matched`, abandoned (`None`) as soon as `stop` says the answer is no
/// longer wanted: a newer keystroke.
fn matched_until(corpus: &Corpus, query: &Query, stop: &Stop<'_>) -> Option<Vec<Option<i64>>> {
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

/// Says whether the work under way is still wanted.
pub type Stop<'a> = dyn Fn() -> bool + Sync + 'a;

/// Ranked hits: by score when the query has words, else newest first. Ties go to
/// the newer meeting, then the id, so the order is stable.
pub fn search(corpus: &Corpus, query: &Query, selection: &Selection) -> Vec<Hit> {
    rank(
        query,
        matched(corpus, query)
            .into_iter()
            .enumerate()
            .filter(|(d, s)| {
                s.is_some()
                    && corpus
                        .briefings
                        .get(*d)
                        .is_some_and(|b| selection.admits(b))
            })
            .filter_map(|(doc, s)| s.map(|score| Hit { doc, score }))
            .collect(),
    )
}

fn rank(query: &Query, mut hits: Vec<Hit>) -> Vec<Hit> {
    // Briefings are stored newest first, so their index breaks score ties by date then id.
    if !query.is_unranked() {
        hits.par_sort_unstable_by_key(|h| (Reverse(h.score), h.doc));
    }
    hits
}

/// Where each term of `query` matched in one briefing, with char ranges to highlight.
pub fn explain(corpus: &Corpus, query: &Query, doc: usize) -> Vec<FieldMatch> {
    let Some(b) = corpus.briefings.get(doc) else {
        return Vec::new();
    };
    let matcher = SkimMatcherV2::default().ignore_case();
    let d = Doc::new(b, &corpus.registry);
    query
        .terms
        .iter()
        .filter(|t| !t.negated)
        .filter_map(|t| match_term(&matcher, &d, b, t))
        .flat_map(|(_, m)| m)
        .collect()
}

/// Char ranges of `title` that the query's terms match, for highlighting a list row.
pub fn title_ranges(query: &Query, title: &str) -> Vec<Range<usize>> {
    let matcher = SkimMatcherV2::default().ignore_case();
    let text = Text::new(title);
    let mut idx = Vec::new();
    for t in query.terms.iter().filter(|t| !t.negated) {
        if t.phrase {
            let ranges = phrase_ranges(title, &t.words, t.exact.as_deref());
            idx.extend(ranges.into_iter().flatten());
        } else if let Some(w) = t.words.first()
            && let Some((_, positions)) = match_words(&matcher, &text, w)
        {
            idx.extend(positions);
        }
    }
    to_ranges(idx)
}

/// Counts of briefings per actor and per country in a result set, most frequent
/// first, then alphabetical.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub actors: Vec<(ActorId, usize)>,
    pub countries: Vec<(CountryCode, usize)>,
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
    Facets { actors, countries }
}

type Counts = (Vec<usize>, Vec<usize>);

fn add_counts(mut a: Counts, b: Counts) -> Counts {
    for (x, y) in a.0.iter_mut().zip(b.0) {
        *x += y;
    }
    for (x, y) in a.1.iter_mut().zip(b.1) {
        *x += y;
    }
    a
}

pub fn facets(corpus: &Corpus, hits: &[Hit]) -> Facets {
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
    sorted_facets(idx, actors, countries)
}

/// Hits for `query` and `selection`, with facet counts as users of faceted search
/// expect: each facet counted with every filter except its own, so that values
/// one could add (any of them) stay visible. One pass over the briefings.
pub fn faceted(corpus: &Corpus, query: &Query, selection: &Selection) -> (Vec<Hit>, Facets) {
    faceted_until(corpus, query, selection, &|| false).unwrap_or_default()
}

/// `faceted`, abandoned (`None`) as soon as `stop` returns true.
pub fn faceted_until(
    corpus: &Corpus,
    query: &Query,
    selection: &Selection,
    stop: &Stop<'_>,
) -> Option<(Vec<Hit>, Facets)> {
    let idx = corpus.index();
    let scores = matched_until(corpus, query, stop)?;
    let (na, nc) = (corpus.registry.actors().len(), idx.countries.len());
    let (hits, (actors, countries)) = scores
        .par_chunks(4096)
        .enumerate()
        .map(|(c, chunk)| {
            let mut hits = Vec::new();
            let (mut a, mut k) = (vec![0; na], vec![0; nc]);
            for (i, s) in chunk.iter().enumerate() {
                let doc = c * 4096 + i;
                let (Some(score), Some(b)) = (s, corpus.briefings.get(doc)) else {
                    continue;
                };
                if !selection.has_years_and_id(b) {
                    continue;
                }
                let (ic, ia) = (selection.has_country(b), selection.has_actor(b));
                count(idx, doc, &mut a, &mut k, (ic, ia));
                if ic && ia {
                    hits.push(Hit { doc, score: *score });
                }
            }
            (hits, (a, k))
        })
        .reduce(
            || (Vec::new(), (vec![0; na], vec![0; nc])),
            |mut x, y| {
                x.0.extend(y.0);
                (x.0, add_counts(x.1, y.1))
            },
        );
    Some((rank(query, hits), sorted_facets(idx, actors, countries)))
}

/// For a query with no result: the nearest actor, country or title word to one
/// of its words, as `Frontex (actor)`.
pub fn suggest(corpus: &Corpus, query: &Query) -> Option<String> {
    let mut candidates: Vec<(String, &str)> = Vec::new();
    for a in corpus.registry.actors() {
        for n in a.names() {
            candidates.push((n.to_string(), "actor"));
        }
    }
    for b in &corpus.briefings {
        for c in &b.countries {
            candidates.push((c.name_fr().to_string(), "country"));
            candidates.push((c.name_en().to_string(), "country"));
        }
        for w in b
            .title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
        {
            candidates.push((w.to_lowercase(), "title word"));
        }
    }
    for term in query.terms.iter().filter(|t| !t.negated) {
        let word = term.words.join(" ");
        if let Some(best) = crate::text::closest(&word, candidates.iter().map(|(c, _)| c.as_str()))
            && fold(best) != word
        {
            let kind = candidates
                .iter()
                .find(|(c, _)| c == best)
                .map_or("", |(_, k)| k);
            return Some(format!("{best} ({kind})"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The meaning of `matched`, briefing by briefing, without the index.
    fn reference(corpus: &Corpus, query: &Query) -> Vec<Option<i64>> {
        let matcher = SkimMatcherV2::default().ignore_case();
        corpus
            .briefings
            .iter()
            .map(|b| {
                if !query.filters.iter().all(|(neg, f)| passes(b, f) != *neg) {
                    return None;
                }
                let doc = Doc::new(b, &corpus.registry);
                let mut total = 0;
                for t in &query.terms {
                    match (match_term(&matcher, &doc, b, t), t.negated) {
                        (Some((s, _)), false) => total += s,
                        (None, true) => {}
                        _ => return None,
                    }
                }
                Some(total)
            })
            .collect()
    }

    /// The tests' frozen briefings, not the shipped ones, which change.
    fn fixture() -> &'static Corpus {
        static CORPUS: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
        CORPUS.get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../tests/fixtures/briefings");
            crate::load::load_dir(&dir, &Default::default(), &|_, _| {})
                .expect("the fixture folder loads")
        })
    }

    #[test]
    fn the_index_scores_like_a_briefing_by_briefing_scan() {
        let corpus = fixture();
        for q in [
            "migrants",
            "frontx",
            "cooperation transfrontaliere",
            "oim",
            "IOM",
            "niger -nigeria",
            "\"trafic de migrants\"",
            "naufr",
            "m",
            "de",
            "zz",
            "pays:NE mig",
            "tunisie",
            "bruxelles",
            "EMSC",
            "2021",
            "œuvre",
            "l'UE",
        ] {
            let query = Query::parse(q, corpus).expect("parses");
            assert_eq!(matched(corpus, &query), reference(corpus, &query), "{q}");
        }
    }

    proptest! {
        #[test]
        fn the_index_agrees_with_the_scan_on_any_words(
            s in "(-?[a-zéèçœ’' ]{1,8}|\"[a-zé ]{1,12}\"|migr|coop|front|oim|niam|agad)( -?[a-zé]{1,6}){0,2}"
        ) {
            let corpus = fixture();
            if let Ok(query) = Query::parse(&s, corpus) {
                prop_assert_eq!(matched(corpus, &query), reference(corpus, &query), "{}", s);
            }
        }
    }

    #[test]
    fn word_ranges_map_back_to_accented_text() {
        let text = "La Coopération transfrontalière";
        let r = word_ranges(text, &["cooper".into()]);
        assert_eq!(r, vec![3..9]);
        let s: String = text.chars().skip(3).take(6).collect();
        assert_eq!(s, "Coopér");
    }

    #[test]
    fn phrases_match_words_in_order_only() {
        let p = vec![
            "trafic".to_string(),
            "de".to_string(),
            "migrants".to_string(),
        ];
        assert_eq!(phrase_ranges("le trafic de migrants", &p, None).len(), 1);
        assert!(phrase_ranges("trafic, migrants de", &p, None).is_empty());
    }

    #[test]
    fn fuzzy_stays_within_a_word() {
        let m = SkimMatcherV2::default();
        let t = Text::new("Intergovernmental meeting on Frontex");
        assert!(match_words(&m, &t, "frontx").is_some());
        assert!(match_words(&m, &Text::new("migratoires et mer"), "iom").is_none());
    }
}
