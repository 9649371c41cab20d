//! Scores every briefing for a query through the index: one pass over the
//! vocabulary per word, phrases checked only where all their words occur.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::{Selection, Stop};
use crate::actors::Registry;
use crate::index::{self, Field, Index, Part, TextIndex};
use crate::load::Folder;
use crate::model::{Briefing, PartialDate};
use crate::query::{DateRange, Entity, Filter, Query, Term, accent_words};
use crate::text::fold;

/// What an exact entity match adds to its field's tier: above any fuzzy word score.
pub(super) const ENTITY_BONUS: i64 = 1_000;

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
    crate::text::each_word(text, &mut buf, |w| {
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
    found && exact.is_none_or(|exact| exact_in(text, exact))
}

/// Whether the words of `exact` (accent form, space-separated) occur in
/// order in `text` with their accents as written.
pub(super) fn exact_in(text: &str, exact: &str) -> bool {
    // Most texts hold the phrase as typed, lower case or capitalised: found
    // at the speed of a substring search, without cutting the text into words.
    if cased(exact).iter().any(|e| bounded_in(text, e)) {
        return true;
    }
    let want: Vec<&str> = exact.split(' ').filter(|w| !w.is_empty()).collect();
    let have = accent_words(text);
    !want.is_empty()
        && have
            .windows(want.len())
            .any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
}

/// `s` in lower case, capitalised and in capitals: the ways text writes a word.
fn cased(s: &str) -> [String; 3] {
    let mut chars = s.chars();
    let capital = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    [s.to_string(), capital, s.to_uppercase()]
}

/// Whether `needle` occurs in `text` starting a word and ending one.
fn bounded_in(text: &str, needle: &str) -> bool {
    !needle.is_empty()
        && text.match_indices(needle).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + needle.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}

/// Whether a word of `text` starts with `accented` (lower case, accents kept),
/// written in lower case, capitalised or in capitals.
pub(super) fn accent_prefix_in(text: &str, variants: &[String; 3]) -> bool {
    variants.iter().any(|v| {
        !v.is_empty()
            && text.match_indices(v.as_str()).any(|(at, _)| {
                text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
    })
}

/// Whether a plain term typed with accents finds them, as typed, in the
/// title or a short field. (In summary and body, a word written with
/// accents is enough: the index knows it without reading the text.)
pub(super) fn accent_in(b: &Briefing, registry: &Registry, accented: &str) -> bool {
    let variants = cased(accented);
    accent_prefix_in(&b.title, &variants)
        || short_values(b, registry)
            .iter()
            .any(|(_, v)| accent_prefix_in(v, &variants))
}

/// Briefings whose summary or body holds a word starting with `folded`
/// written with accents.
fn accented_docs(text: &TextIndex, folded: &str, n: usize) -> Vec<bool> {
    let mut has = vec![false; n];
    text.each_prefixed(folded, |posts| {
        for &p in posts {
            if p & 4 != 0
                && let Some(h) = has.get_mut((p >> 3) as usize)
            {
                *h = true;
            }
        }
    });
    has
}

/// A name of a country, actor or topic, as found literally in text: its
/// folded words, or for a short acronym (`UK`, `EAU`) the capitals as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Name {
    pub(super) words: Vec<String>,
    pub(super) caps: Option<String>,
}

/// Every name an entity is known by, but codes and other names of two letters.
pub(super) fn entity_names(e: Entity, registry: &Registry) -> Vec<Name> {
    let names: Vec<&str> = match e {
        Entity::Country(c) => c.country().names().skip(1).collect(),
        Entity::Actor(a) => registry
            .get(a)
            .map(|a| a.names().collect())
            .unwrap_or_default(),
        Entity::Topic(t) => registry
            .topics()
            .get(t)
            .map(|t| t.names().collect())
            .unwrap_or_default(),
    };
    let mut out: Vec<Name> = Vec::new();
    for n in names {
        let words = crate::query::words(n);
        let letters: usize = words.iter().map(|w| w.chars().count()).sum();
        if words.is_empty() || letters <= 2 && !matches!(e, Entity::Actor(_)) {
            continue;
        }
        let caps = (letters <= 3 && n.chars().all(|c| !c.is_lowercase())).then(|| n.to_string());
        let name = Name { words, caps };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Whether `caps` occurs in `text` as a whole word, in capitals as written.
fn caps_in(text: &str, caps: &str) -> bool {
    text.match_indices(caps).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + caps.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether the name occurs in `text`: whole words in order, never inside another name.
pub(super) fn name_in(text: &str, name: &Name) -> bool {
    match &name.caps {
        Some(caps) => caps_in(text, caps),
        None => phrase_in(text, &name.words, None),
    }
}

/// Whether a short value is the name of a country other than the entity:
/// the entity's names inside it are a fragment of another name (Ireland in
/// "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"), never a mention.
pub(super) fn another_countrys_name(value: &str, e: Entity) -> bool {
    match crate::countries::resolve(value) {
        Ok(c) => !matches!(e, Entity::Country(code) if code.as_str() == c.code),
        Err(_) => false,
    }
}

/// Whether the briefing concerns the entity: its country, actor or topic is listed.
pub(super) fn concerns(b: &Briefing, e: Entity, registry: &Registry) -> bool {
    match e {
        Entity::Country(c) => b.countries.contains(&c) || b.location.country == Some(c),
        Entity::Actor(a) => b.actors.iter().any(|r| r.actor == a),
        Entity::Topic(t) => b
            .topics
            .iter()
            .any(|x| registry.topics().resolve(x) == Some(t)),
    }
}

/// `concerns` for the briefing `doc`, from the index where it can say
/// (countries and actors), so that the briefing itself is not decoded.
fn doc_concerns(corpus: &Folder, idx: &Index, doc: usize, e: Entity) -> bool {
    match e {
        Entity::Country(c) => idx.has_country(doc, c),
        Entity::Actor(a) => idx.has_actor(doc, a),
        Entity::Topic(_) => corpus
            .briefings
            .get(doc)
            .is_some_and(|b| concerns(b, e, &corpus.registry)),
    }
}

/// Score of an entity term in one briefing: the best field where it is
/// listed or named, plus `ENTITY_BONUS`. Where its names are in summary and
/// body, the text index has said (`in_text`: bit 0 summary, bit 1 body);
/// title and short fields are read only where they hold a name's words
/// (`in_short`).
pub(super) fn entity_score(
    b: &Briefing,
    registry: &Registry,
    e: Entity,
    names: &[Name],
    in_short: bool,
    in_text: u8,
) -> Option<i64> {
    let named = |t: &str| in_short && names.iter().any(|n| name_in(t, n));
    let field = if named(&b.title) {
        Field::Title
    } else if concerns(b, e, registry)
        || in_short
            && short_values(b, registry)
                .iter()
                .any(|(_, v)| !another_countrys_name(v, e) && named(v))
    {
        Field::Actors
    } else if in_text & 1 != 0 {
        Field::Summary
    } else if in_text & 2 != 0 {
        Field::Body
    } else {
        return None;
    };
    Some(field.tier() + ENTITY_BONUS)
}

/// Edits a word of `n` letters may have and still match: 1 from 5 letters, 2 from 9.
pub fn typo_budget(term: &str) -> usize {
    budget_for(term.chars().count())
}

fn budget_for(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Edits from a typed word to a word of the text, if within the budget of
/// the longer of the two (so `cdre`, `cadre` less a letter, finds `cadre`);
/// for the word still being typed, to a prefix of the word within the
/// budget of the typed word.
pub fn typo_match(term: &str, word: &str, prefix: bool) -> Option<usize> {
    let (tl, wl) = (term.chars().count(), word.chars().count());
    let whole = typo_distance(term, word, budget_for(tl.max(wl)), false);
    let start = if prefix {
        typo_distance(term, word, budget_for(tl), true)
    } else {
        None
    };
    match (whole, start) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Damerau-Levenshtein (adjacent swaps) edits from `term` to `word`, or, for
/// the word still being typed, to a prefix of `word`; `None` beyond `budget`.
pub fn typo_distance(term: &str, word: &str, budget: usize, prefix: bool) -> Option<usize> {
    let (tl, wl) = (term.chars().count(), word.chars().count());
    let mut best = None;
    if tl.abs_diff(wl) <= budget {
        let d = strsim::osa_distance(term, word);
        if d <= budget {
            best = Some(d);
        }
    }
    if prefix && wl > tl {
        for len in tl.saturating_sub(budget).max(1)..=(tl + budget).min(wl - 1) {
            let p: String = word.chars().take(len).collect();
            let d = strsim::osa_distance(term, &p);
            if d <= budget && best.is_none_or(|b| d < b) {
                best = Some(d);
            }
        }
    }
    best
}

/// What a typo match of `term` to `word` adds to its field's tier: fewer
/// edits first, and at equal edits a whole word (even points) before the
/// start of a longer one (odd points; `frontxe`: Frontex before frontières). A typo is tried only for a
/// word found nowhere as a word, and scattered letters then count for less
/// (`scattered`), so these points rank above them.
pub(super) fn typo_points(term: &str, word: &str, prefix: bool) -> Option<i64> {
    let (tl, wl) = (term.chars().count(), word.chars().count());
    let whole = typo_distance(term, word, budget_for(tl.max(wl)), false).map(|d| 8 - 2 * d as i64);
    let start = prefix
        .then(|| typo_distance(term, word, budget_for(tl), true))
        .flatten()
        .map(|d| 7 - 2 * d as i64);
    whole.max(start)
}

/// The score of a fuzzy match (letters in order, scattered over a word) of
/// a word found nowhere as a word: its field's tier, below any typo there.
pub(super) fn scattered(score: i64) -> i64 {
    if score <= 0 {
        return score;
    }
    score - score.rem_euclid(10_000) + 1
}

/// Whether a word (or one of its forms) is a word of the corpus or the start
/// of one, in a title, a short value, a summary or a body. Typos are tried
/// for a word that is not, even when its letters are found in order inside
/// another word.
pub(super) fn found_as_word(idx: &Index, text: &TextIndex, term: &Term) -> bool {
    term.words
        .first()
        .into_iter()
        .chain(&term.forms)
        .any(|w| text.has_prefix(w) || idx.words.text.par_iter().any(|x| x.starts_with(w.as_str())))
}

/// Score of a phrase term in one briefing: the best field's tier, checked from
/// the best tier down, so the body is read only when nothing else has it.
///
/// `text_exact`: whether summary and body must be checked for the accents as
/// written; not when no word of the phrase is written with accents there
/// anywhere and none was typed with them, which is then the same.
/// What a phrase's accents ask of one briefing's summary and body.
#[derive(Clone, Copy)]
struct Accents {
    /// The accents must be compared (typed, or written somewhere in the corpus).
    check: bool,
    /// The phrase was typed with accents.
    typed: bool,
    /// This briefing writes a word of the phrase with accents somewhere.
    in_text: bool,
}

/// Where a phrase may be, or is, in a briefing's short text.
#[derive(Clone, Copy)]
struct Short {
    /// Title and short fields hold every word: the title may hold the phrase.
    title: bool,
    /// One of its short values (actor, country, topic, place, publisher) holds it.
    values: bool,
}

/// Briefings with a short value holding the phrase as typed: each distinct
/// value is read once, not once per briefing that carries it.
fn short_phrase_docs(idx: &Index, term: &Term, n: usize) -> Vec<bool> {
    let ids: Option<Vec<u32>> = term
        .words
        .iter()
        .map(|w| {
            let at = idx.words.text.iter().position(|x| **x == **w)?;
            Some(at as u32)
        })
        .collect();
    let mut has = vec![false; n];
    let Some(ids) = ids else {
        return has;
    };
    for e in &idx.entries {
        if ids.iter().all(|id| e.words.contains(id))
            && phrase_in(&e.value, &term.words, term.exact.as_deref())
        {
            for &d in &e.docs {
                if let Some(h) = has.get_mut(d as usize) {
                    *h = true;
                }
            }
        }
    }
    has
}

/// `in_text`: where the text index found the folded phrase (bit 0 summary,
/// bit 1 body); the body is read only to check accents there, and only
/// where the briefing writes a word of the phrase with accents (elsewhere
/// its words are written as folded, so the phrase matches exactly when it
/// was typed without accents).
fn phrase_score(
    corpus: &Folder,
    b: &Briefing,
    term: &Term,
    accents: Accents,
    short: Short,
    in_text: u8,
) -> Option<i64> {
    let (words, exact) = (&term.words, term.exact.as_deref());
    let text = if accents.check { exact } else { None };
    let bonus = 100 * words.len() as i64;
    if short.title && phrase_in(&b.title, words, exact) {
        return Some(Field::Title.tier() + bonus);
    }
    if short.values {
        return Some(Field::Actors.tier() + bonus);
    }
    let accents_in = |t: &str| text.is_none_or(|e| exact_in(t, e));
    if in_text & 1 != 0 && accents_in(b.summary.as_deref().unwrap_or_default()) {
        return Some(Field::Summary.tier() + bonus);
    }
    let body_matches = match (text, accents.in_text) {
        (None, _) => true,
        (Some(_), false) => !accents.typed,
        (Some(_), true) => corpus.body(b).is_ok_and(|body| accents_in(&body)),
    };
    (in_text & 2 != 0 && body_matches).then_some(Field::Body.tier() + bonus)
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

/// Whether briefing `doc` passes the query's filters: the date filters
/// read from the index's columns, the others from the briefing (decoded
/// only when a date filter has not already refused it).
fn passes_all(corpus: &Folder, idx: &Index, doc: usize, filters: &[(bool, Filter)]) -> bool {
    let facts = idx.docs.get(doc);
    let dated = filters
        .iter()
        .filter(|(_, f)| on_dates(f))
        .all(|(neg, f)| facts.is_some_and(|x| filter_dates(f, x.date, x.end_date)) != *neg);
    dated
        && (filters.iter().all(|(_, f)| on_dates(f))
            || corpus.briefings.get(doc).is_some_and(|b| {
                filters
                    .iter()
                    .filter(|(_, f)| !on_dates(f))
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
    /// Whether the briefing passes the filters that are not facets: years and ids.
    pub(super) fn has_years_and_id(&self, idx: &Index, doc: usize) -> bool {
        let Some(f) = idx.docs.get(doc) else {
            return false;
        };
        self.years
            .is_none_or(|(a, z)| DateRange::years(a, z).admits(f.date, f.end_date))
            && self.ids.as_ref().is_none_or(|ids| ids.keeps(&f.id))
    }
    pub(super) fn admits(&self, idx: &Index, doc: usize) -> bool {
        self.has_country(idx, doc) && self.has_actor(idx, doc) && self.has_years_and_id(idx, doc)
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
    text.each_prefixed(term, |posts| {
        for &p in posts {
            if let Some(slot) = best.get_mut((p >> 3) as usize) {
                *slot = (*slot).max(text_points(p));
            }
        }
    });
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
        let accented = idx.title_accented.get(w).map_or(&[][..], Vec::as_slice);
        for &d in &idx.title_docs[w] {
            let bonus = title_plain_points(plain && accented.binary_search(&d).is_err());
            let slot = &mut best[d as usize];
            *slot = (*slot).max(Field::Title.tier() + s + bonus);
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

/// The typo matches of one word in the vocabulary: title and short-field
/// words, then summary and body words, with their points.
type TypoWords = (Vec<(usize, i64)>, Vec<(usize, i64)>);

fn typo_words(idx: &Index, text: &TextIndex, term: &str, prefix: bool) -> TypoWords {
    // The most edits any word may be from `term`: that of a word one letter longer.
    let budget = budget_for(term.chars().count() + 1);
    if budget == 0 {
        return (Vec::new(), Vec::new());
    }
    let mask = index::char_mask(term);
    // Each edit brings at most one letter the word lacks.
    let near = |m: u64| (mask & !m).count_ones() as usize <= budget;
    let words = &idx.words;
    let short: Vec<(usize, i64)> = (0..words.text.len())
        .into_par_iter()
        .filter(|&w| near(words.masks[w]))
        .filter_map(|w| typo_points(term, &words.text[w], prefix).map(|p| (w, p)))
        .collect();
    let (vocabulary, masks) = text.vocabulary();
    let long: Vec<(usize, i64)> = (0..vocabulary.len())
        .into_par_iter()
        .filter(|&w| near(masks[w]))
        .filter_map(|w| typo_points(term, &vocabulary[w], prefix).map(|p| (w, p)))
        .collect();
    (short, long)
}

/// The points of the best whole-word typo match of `term` anywhere (0 when
/// none): the start of a longer word as near as that is no match then, so
/// `frontx` finds Frontex, not "frontières" too.
pub(super) fn typo_floor(idx: &Index, text: &TextIndex, term: &str, prefix: bool) -> i64 {
    let (short, long) = typo_words(idx, text, term, prefix);
    floor_of(&short, &long)
}

fn floor_of(short: &[(usize, i64)], long: &[(usize, i64)]) -> i64 {
    short
        .iter()
        .chain(long)
        .map(|&(_, p)| p)
        .filter(|&p| is_whole(p))
        .max()
        .unwrap_or(0)
}

/// Whole-word typo points are even, those of a word's start odd (`typo_points`).
pub(super) fn is_whole(points: i64) -> bool {
    points % 2 == 0
}

/// Whether a typo match's points count beside the best whole-word match.
pub(super) fn above_floor(points: i64, floor: i64) -> bool {
    is_whole(points) || points > floor
}

/// Typo matches of one word for every briefing, 0 where none: the words of
/// the vocabulary within `typo_budget` edits, spread through their postings.
fn typo_scores(idx: &Index, text: &TextIndex, term: &str, prefix: bool, n: usize) -> Vec<i64> {
    let mut best = vec![0i64; n];
    let (mut short, mut long) = typo_words(idx, text, term, prefix);
    let floor = floor_of(&short, &long);
    short.retain(|&(_, p)| above_floor(p, floor));
    long.retain(|&(_, p)| above_floor(p, floor));
    spread_to_briefings(idx, &short, &mut best, false);
    let (vocabulary, _) = text.vocabulary();
    for (w, s) in long {
        for p in text.exact(&vocabulary[w]) {
            let tier = if p & 1 == 1 {
                Field::Summary.tier()
            } else {
                Field::Body.tier()
            };
            let slot = &mut best[(p >> 3) as usize];
            *slot = (*slot).max(tier + s);
        }
    }
    best
}

/// Score of an entity term for every briefing still in the running (`alive`).
fn entity_scores(
    corpus: &Folder,
    wait: bool,
    e: Entity,
    alive: &[Option<i64>],
    stop: &Stop<'_>,
) -> Vec<i64> {
    let n = corpus.briefings.len();
    let (idx, text) = (corpus.index(), corpus.text_index(wait));
    let names = entity_names(e, &corpus.registry);
    let mut named = vec![false; n];
    let mut texts = vec![0u8; n];
    for name in &names {
        for (d, c) in short_candidates(idx, &name.words, n)
            .into_iter()
            .enumerate()
        {
            named[d] |= c;
        }
        for (d, t) in in_text(text, &name.words, name.caps.as_deref())
            .into_iter()
            .enumerate()
        {
            texts[d] |= t;
        }
    }
    (0..n)
        .into_par_iter()
        .map(|d| match alive[d] {
            None => 0,
            Some(_) if stop() => 0,
            Some(_) if named[d] || texts[d] != 0 => corpus
                .briefings
                .get(d)
                .and_then(|b| entity_score(b, &corpus.registry, e, &names, named[d], texts[d]))
                .unwrap_or(0),
            Some(_) if doc_concerns(corpus, idx, d, e) => Field::Actors.tier() + ENTITY_BONUS,
            Some(_) => 0,
        })
        .collect()
}

/// Score of a plain word term for every briefing: the best of its forms
/// (singular, plural); a word typed with accents only where they are found.
fn word_scores(
    corpus: &Folder,
    wait: bool,
    matcher: &SkimMatcherV2,
    term: &Term,
    alive: &[Option<i64>],
    typos: bool,
) -> Vec<i64> {
    let n = corpus.briefings.len();
    let (idx, text) = (corpus.index(), corpus.text_index(wait));
    let Some(word) = term.words.first() else {
        return vec![0; n];
    };
    let plain = term.accented.is_none();
    let mut best = if typos {
        typo_scores(idx, text, word, term.prefix, n)
    } else {
        term_scores(idx, text, matcher, word, plain, n)
    };
    if !typos {
        for form in &term.forms {
            for (b, s) in best
                .iter_mut()
                .zip(term_scores(idx, text, matcher, form, plain, n))
            {
                *b = (*b).max(s);
            }
        }
    }
    // A typed accent is kept, unless the word is matched with typos: typos forgive.
    if let Some(accented) = term.accented.as_ref().filter(|_| !typos) {
        let in_text = accented_docs(text, word, n);
        // Short values are read once each, not once per briefing carrying them.
        let variants = cased(accented);
        let mut in_values = vec![false; n];
        for e in &idx.entries {
            if accent_prefix_in(&e.value, &variants) {
                for &d in &e.docs {
                    if let Some(v) = in_values.get_mut(d as usize) {
                        *v = true;
                    }
                }
            }
        }
        best.par_iter_mut().enumerate().for_each(|(d, s)| {
            if *s > 0
                && alive[d].is_some()
                && !in_text[d]
                && !in_values[d]
                && !corpus
                    .briefings
                    .get(d)
                    .is_some_and(|b| accent_prefix_in(&b.title, &variants))
            {
                *s = 0;
            }
        });
    }
    best
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

/// Score of a phrase term for every briefing still in the running (`alive`),
/// each read where the indexes say the phrase may be.
fn phrase_scores(
    corpus: &Folder,
    wait: bool,
    term: &Term,
    alive: &[Option<i64>],
    stop: &Stop<'_>,
) -> Vec<i64> {
    let n = corpus.briefings.len();
    let text = corpus.text_index(wait);
    let idx = corpus.index();
    let short = short_candidates(idx, &term.words, n);
    let in_values = short_phrase_docs(idx, term, n);
    let texts = in_text(text, &term.words, None);
    let typed_accents = term
        .exact
        .as_deref()
        .is_some_and(|e| e.split(' ').ne(term.words.iter().map(String::as_str)));
    // Briefings writing a word of the phrase with accents somewhere:
    // only there must the text be read to compare accents.
    let mut accented = vec![false; n];
    for w in &term.words {
        for p in text.exact(w) {
            if p & 4 != 0
                && let Some(a) = accented.get_mut((p >> 3) as usize)
            {
                *a = true;
            }
        }
    }
    let text_exact = typed_accents || accented.iter().any(|&a| a);
    let accents = |d: usize| Accents {
        check: text_exact,
        typed: typed_accents,
        in_text: accented[d],
    };
    (0..n)
        .into_par_iter()
        .map(|d| {
            let candidate = short[d] || in_values[d] || texts[d] != 0;
            match (candidate, alive[d].is_some(), corpus.briefings.get(d)) {
                (true, true, Some(_)) if stop() => 0,
                (true, true, Some(b)) => {
                    let short = Short {
                        title: short[d],
                        values: in_values[d],
                    };
                    phrase_score(corpus, b, term, accents(d), short, texts[d]).unwrap_or(0)
                }
                _ => 0,
            }
        })
        .collect()
}
