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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.actors.is_empty() && self.years.is_none()
    }
}

/// Where a term matched: the field, the value within it, and char ranges in that value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMatch {
    pub field: Field,
    pub value: String,
    pub ranges: Vec<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Corpus::briefings`.
    pub doc: usize,
    pub score: i64,
    pub matches: Vec<FieldMatch>,
}

impl Hit {
    /// Char ranges of the title to highlight.
    pub fn title_ranges(&self) -> &[Range<usize>] {
        self.matches
            .iter()
            .find(|m| m.field == Field::Title)
            .map(|m| m.ranges.as_slice())
            .unwrap_or(&[])
    }
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

/// Per-briefing folded text, built once at load.
#[derive(Debug, Default)]
pub(crate) struct Index {
    docs: Vec<Doc>,
}

fn sorted_words(s: &str) -> Vec<String> {
    let mut w = crate::query::words(s);
    w.sort_unstable();
    w.dedup();
    w
}

impl Index {
    pub(crate) fn build(briefings: &[Briefing], registry: &Registry) -> Index {
        let docs = briefings
            .par_iter()
            .map(|b| {
                let mut short = Vec::new();
                for a in &b.actors {
                    if let Some(actor) = registry.get(a.actor) {
                        for n in actor.names() {
                            short.push((Field::Actors, Text::new(n)));
                        }
                    }
                }
                for c in &b.countries {
                    for n in [c.as_str(), c.name_fr(), c.name_en()] {
                        short.push((Field::Countries, Text::new(n)));
                    }
                    for n in c.country().variants {
                        short.push((Field::Countries, Text::new(n)));
                    }
                }
                for t in &b.topics {
                    short.push((Field::Topics, Text::new(t)));
                }
                if let Some(city) = &b.location.city {
                    short.push((Field::Location, Text::new(city)));
                }
                if let Some(c) = &b.location.country {
                    short.push((Field::Location, Text::new(c.name_fr())));
                    short.push((Field::Location, Text::new(c.name_en())));
                }
                if let Some(p) = &b.source.publisher {
                    short.push((Field::Publisher, Text::new(p)));
                }
                Doc {
                    title: Text::new(&b.title),
                    short,
                    summary_words: sorted_words(b.summary.as_deref().unwrap_or_default()),
                    body_words: sorted_words(&b.body),
                }
            })
            .collect();
        Index { docs }
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

/// Best fuzzy match of one folded word `term` against the words of `text`:
/// the score and the original char positions. A match must stay within one word
/// and be compact (few separate runs), so short terms do not match scattered letters.
fn match_words(matcher: &SkimMatcherV2, text: &Text, term: &str) -> Option<(i64, Vec<usize>)> {
    let term_len = term.chars().count();
    let max_runs = 1 + (term_len.saturating_sub(1)) / 4;
    let mut best: Option<(i64, Vec<usize>)> = None;
    for (start, word) in &text.words {
        if word.len() < term.len() / 2 {
            continue;
        }
        let Some((score, idx)) = matcher.fuzzy_indices(word, term) else {
            continue;
        };
        let runs = 1 + idx.windows(2).filter(|w| w[1] != w[0] + 1).count();
        if runs > max_runs {
            continue;
        }
        // Whole-word and word-start matches rank higher.
        let bonus =
            if idx.first() == Some(&0) { 20 } else { 0 } + if word == term { 20 } else { 0 };
        let score = score + bonus;
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

fn selected(b: &Briefing, sel: &Selection) -> bool {
    (sel.countries.is_empty() || b.countries.iter().any(|c| sel.countries.contains(c)))
        && (sel.actors.is_empty() || b.actors.iter().any(|a| sel.actors.contains(&a.actor)))
        && sel.years.is_none_or(|(a, z)| meeting_in_years(b, a, z))
}

/// Ranked hits: by score when the query has words, else newest first. Ties go to
/// the newer meeting, then the id, so the order is stable.
pub fn search(corpus: &Corpus, query: &Query, selection: &Selection) -> Vec<Hit> {
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut hits: Vec<Hit> = corpus
        .briefings
        .par_iter()
        .zip(corpus.index.docs.par_iter())
        .enumerate()
        .filter_map(|(i, (b, doc))| {
            if !selected(b, selection) || !query.filters.iter().all(|(neg, f)| passes(b, f) != *neg)
            {
                return None;
            }
            let mut score = 0;
            let mut matches = Vec::new();
            for term in &query.terms {
                let found = match_term(&matcher, doc, b, term);
                match (found, term.negated) {
                    (Some(_), true) | (None, false) => return None,
                    (Some((s, m)), false) => {
                        score += s;
                        matches.extend(m);
                    }
                    (None, true) => {}
                }
            }
            Some(Hit {
                doc: i,
                score,
                matches,
            })
        })
        .collect();
    // Briefings are stored newest first, so their index breaks score ties by date then id.
    if !query.is_unranked() {
        hits.sort_by_key(|h| (Reverse(h.score), h.doc));
    }
    hits
}

/// Counts of briefings per actor and per country in a result set, most frequent
/// first, then alphabetical.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub actors: Vec<(ActorId, usize)>,
    pub countries: Vec<(CountryCode, usize)>,
}

pub fn facets(corpus: &Corpus, hits: &[Hit]) -> Facets {
    let mut actors = vec![0usize; corpus.registry.actors().len()];
    let mut countries = std::collections::HashMap::<CountryCode, usize>::new();
    for h in hits {
        if let Some(b) = corpus.briefings.get(h.doc) {
            for a in &b.actors {
                if let Some(n) = actors.get_mut(a.actor) {
                    *n += 1;
                }
            }
            for c in &b.countries {
                *countries.entry(*c).or_default() += 1;
            }
        }
    }
    let mut actors: Vec<(ActorId, usize)> = actors
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .collect();
    let actor_key = |id: ActorId| corpus.actor(id).map(|a| fold(&a.name)).unwrap_or_default();
    actors.sort_by_cached_key(|&(id, n)| (Reverse(n), actor_key(id)));
    let mut countries: Vec<(CountryCode, usize)> = countries.into_iter().collect();
    countries.sort_by_cached_key(|&(c, n)| (Reverse(n), fold(c.name_fr())));
    Facets { actors, countries }
}

/// Hits for `query` and `selection`, with facet counts as users of faceted search
/// expect: each facet counted with every filter except its own, so that values
/// one could add (any of them) stay visible.
pub fn faceted(corpus: &Corpus, query: &Query, selection: &Selection) -> (Vec<Hit>, Facets) {
    let hits = search(corpus, query, selection);
    let actors = if selection.actors.is_empty() {
        facets(corpus, &hits).actors
    } else {
        let others = Selection {
            actors: Vec::new(),
            ..selection.clone()
        };
        facets(corpus, &search(corpus, query, &others)).actors
    };
    let countries = if selection.countries.is_empty() {
        facets(corpus, &hits).countries
    } else {
        let others = Selection {
            countries: Vec::new(),
            ..selection.clone()
        };
        facets(corpus, &search(corpus, query, &others)).countries
    };
    (hits, Facets { actors, countries })
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
