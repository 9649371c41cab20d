//! Corpus + Query -> ranked hits with match positions; facet counts.
//!
//! Text is folded once at load (`Index::build`). A term matches fuzzily, word by
//! word, against the short fields (title, actor names, countries, topics,
//! location, publisher) and by word prefix against summary and body.
//!
//! - `scoring`: every briefing's score through the index (what ranks).
//! - `highlighting`: where one briefing matched, as char ranges (what is shown).
//! - `facets`: counts per actor and country, each facet without its own filter.
//! - `periods`: hits counted by year or month (a timeline, `brief stats`).
//! - `stats`: hits counted by year, month, country, actor, topic or place.
//! - `suggestions`: "did you mean" for a query with no result.
//! - `dossier`: one actor's or country's meetings, who it meets, when.

use std::cmp::Reverse;
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::load::Folder;
use crate::model::{ActorId, CountryCode};
use crate::query::Query;

pub mod dossier;
mod facets;
mod highlighting;
pub mod periods;
pub mod reading;
mod scoring;
pub mod stats;
mod suggestions;

use crate::index::Field;
use crate::model::{IdFilter, Sort};
pub use facets::{Facets, faceted, faceted_until, facets};
pub use highlighting::{explain, find_ranges, title_ranges, word_ranges};
pub use scoring::{typo_budget, typo_distance, typo_match};
pub use suggestions::suggest;

/// Facet selections: several values in one facet mean any of them; facets combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub countries: Vec<CountryCode>,
    pub actors: Vec<ActorId>,
    pub years: Option<(u16, u16)>,
    /// The dates facet: meetings touching any of these years or months (the
    /// browser's timeline and dates pane).
    pub periods: Vec<periods::Period>,
    /// Briefings kept by id: the bookmarked or unread filters.
    pub ids: Option<IdFilter>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
            && self.actors.is_empty()
            && self.years.is_none()
            && self.periods.is_empty()
            && self.ids.is_none()
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
    /// How the term was read when it named a country, actor or topic:
    /// `{"country": "GB"}`, `{"actor": "oim"}`, `{"topic": "naufrage"}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<ReadAs>,
    /// When the entity was read from a misspelt name: the words as typed
    /// (`"typo": "Royame-Uni"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typo: Option<String>,
}

impl FieldMatch {
    /// A match of the words as typed: not read as an entity, not a typo.
    pub(crate) fn plain(field: Field, value: String, ranges: Vec<Range<usize>>) -> Self {
        FieldMatch {
            field,
            value,
            ranges,
            read_as: None,
            typo: None,
        }
    }
}

/// The entity a term was read as, by code or id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadAs {
    Country(String),
    Actor(String),
    Topic(String),
}

impl ReadAs {
    pub fn new(e: crate::query::Entity, registry: &crate::actors::Registry) -> ReadAs {
        use crate::query::Entity;
        match e {
            Entity::Country(c) => ReadAs::Country(c.as_str().to_string()),
            Entity::Actor(a) => {
                ReadAs::Actor(registry.get(a).map(|a| a.id.clone()).unwrap_or_default())
            }
            Entity::Topic(t) => ReadAs::Topic(
                registry
                    .topics()
                    .get(t)
                    .map(|t| t.id.clone())
                    .unwrap_or_default(),
            ),
        }
    }
}

/// Reads `input` for searching `corpus`: `Query::parse`, and a country or
/// actor name typed with a typo in one word is read as that entity unless the
/// corpus knows the misspelt word as typed (as a word or the start of one).
///
/// A misspelt name whose entity the corpus neither concerns nor names is
/// read as words instead (`inder` is Zinder misspelt more likely than India
/// where nothing is about India).
pub fn parse_query(corpus: &Folder, input: &str) -> Result<Query, crate::query::QueryError> {
    read_query(corpus, input, true)
}

/// `parse_query`, waiting for the article text's index or (`wait_for_text`
/// false, while it is built) knowing the words of titles and names only.
pub(crate) fn read_query(
    corpus: &Folder,
    input: &str,
    wait_for_text: bool,
) -> Result<Query, crate::query::QueryError> {
    let mut refused: Vec<String> = Vec::new();
    // Each round refuses at least one more word; a query has few terms.
    for _ in 0..crate::query::MAX_TERMS {
        let known =
            |w: &str| refused.iter().any(|r| r == w) || knows_word(corpus, w, wait_for_text);
        let query = Query::parse_with(input, &corpus.registry, &known)?;
        let mut more = Vec::new();
        for t in query.terms.iter().filter(|t| t.typo.is_some()) {
            let alone = Query {
                terms: vec![crate::query::Term {
                    negated: false,
                    ..t.clone()
                }],
                ..Query::default()
            };
            let scores = scoring::matched_until(corpus, &alone, wait_for_text, &|| false);
            if scores.unwrap_or_default().iter().all(Option::is_none) {
                let typed = crate::query::words(t.typo.as_deref().unwrap_or_default());
                more.extend(typed.into_iter().filter(|w| !t.words.contains(w)));
            }
        }
        if more.iter().all(|w| refused.contains(w)) {
            return Ok(query);
        }
        refused.extend(more);
    }
    Query::parse(input, &corpus.registry)
}

/// Whether a folded word starts a word of the corpus: in summaries and
/// bodies, or in titles and short fields.
fn knows_word(corpus: &Folder, w: &str, wait: bool) -> bool {
    corpus.text_index(wait).has_prefix(w)
        || corpus.index().words.text.iter().any(|t| t.starts_with(w))
}

/// A briefing that matches, and how well. `explain` says where it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Corpus::briefings`.
    pub doc: usize,
    pub score: i64,
}

/// Says whether the work under way is still wanted.
pub type Stop<'a> = dyn Fn() -> bool + Sync + 'a;

/// Ranked hits: by score when the query has words, else newest first. Ties go to
/// the newer meeting, then the id, so the order is stable.
pub fn search(corpus: &Folder, query: &Query, selection: &Selection) -> Vec<Hit> {
    let scores = scoring::matched(corpus, query);
    let idx = (!selection.is_empty()).then(|| corpus.index());
    rank(
        query,
        scores
            .into_iter()
            .enumerate()
            .filter(|(d, s)| s.is_some() && idx.is_none_or(|idx| selection.admits(idx, *d)))
            .filter_map(|(doc, s)| s.map(|score| Hit { doc, score }))
            .collect(),
    )
}

pub(crate) fn rank(query: &Query, mut hits: Vec<Hit>) -> Vec<Hit> {
    // Briefings are stored newest first, so their index breaks score ties by date then id.
    if query.is_unranked() {
        return hits;
    }
    match by_score(&hits) {
        Some(ranked) => ranked,
        None => {
            hits.par_sort_unstable_by_key(|h| (Reverse(h.score), h.doc));
            hits
        }
    }
}

/// Hits in briefing order ranked by score in one pass, each score's hits
/// kept in that order: what sorting by score then briefing gives, when
/// the scores are few (a field's tier and a few bonuses). Sorting a
/// million hits took a fifth of a keystroke's search. `None` when they
/// are not in briefing order or their scores are many.
fn by_score(hits: &[Hit]) -> Option<Vec<Hit>> {
    const MOST_SCORES: usize = 4096;
    if !hits.is_sorted_by_key(|h| h.doc) {
        return None;
    }
    let mut counts: rustc_hash::FxHashMap<i64, usize> = rustc_hash::FxHashMap::default();
    for h in hits {
        *counts.entry(h.score).or_default() += 1;
        if counts.len() > MOST_SCORES {
            return None;
        }
    }
    let mut scores: Vec<(i64, usize)> = counts.into_iter().collect();
    scores.sort_unstable_by_key(|&(s, _)| Reverse(s));
    // Where each score's next hit goes.
    let mut at = 0;
    let mut next: rustc_hash::FxHashMap<i64, usize> = rustc_hash::FxHashMap::default();
    for (s, n) in scores {
        next.insert(s, at);
        at += n;
    }
    let mut ranked = vec![Hit { doc: 0, score: 0 }; hits.len()];
    for h in hits {
        let slot = next.get_mut(&h.score)?;
        *ranked.get_mut(*slot)? = *h;
        *slot += 1;
    }
    Some(ranked)
}

#[cfg(test)]
mod tests {
    use super::highlighting::{Doc, Text, match_term, match_words, phrase_ranges};
    use super::scoring::{matched, passes, scattered, short_values, typo_floor, typos_allowed};
    use super::*;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    proptest! {
        /// Ranking by score buckets gives what sorting by score, then
        /// briefing, gives; hits out of briefing order are left to the sort.
        #[test]
        fn ranking_by_score_is_sorting_by_score_then_briefing(
            scores in proptest::collection::vec(prop_oneof![Just(30_000i64), Just(20_100), Just(10_000), Just(0), -5i64..5], 0..300),
        ) {
            let hits: Vec<Hit> = scores.iter().enumerate().map(|(doc, &score)| Hit { doc: doc * 3, score }).collect();
            let mut want = hits.clone();
            want.sort_unstable_by_key(|h| (Reverse(h.score), h.doc));
            prop_assert_eq!(by_score(&hits), Some(want));
            let mut shuffled = hits.clone();
            shuffled.reverse();
            prop_assert!(shuffled.len() < 2 || shuffled.iter().all(|h| h.doc == shuffled[0].doc) || by_score(&shuffled).is_none());
        }
    }

    /// The meaning of `matched`, briefing by briefing, without the index:
    /// term by term, a word found in no briefing still in the running is
    /// matched again with typos.
    fn reference(corpus: &Folder, query: &Query) -> Vec<Option<i64>> {
        let matcher = SkimMatcherV2::default().ignore_case();
        let registry = &corpus.registry;
        let docs: Vec<Doc> = corpus
            .briefings
            .iter()
            .map(|b| Doc::new(b, registry))
            .collect();
        let mut total: Vec<Option<i64>> = corpus
            .briefings
            .iter()
            .map(|b| {
                query
                    .filters
                    .iter()
                    .all(|(neg, f)| passes(b, f, registry) != *neg)
                    .then_some(0)
            })
            .collect();
        let mut terms: Vec<&crate::query::Term> = query.terms.iter().collect();
        terms.sort_by_key(|t| t.phrase);
        for t in terms {
            let score = |typos: Option<i64>| -> Vec<Option<i64>> {
                corpus
                    .briefings
                    .iter()
                    .zip(&docs)
                    .map(|(b, d)| match_term(&matcher, d, b, registry, t, typos).map(|m| m.0))
                    .collect()
            };
            let mut scores = score(None);
            // Found as a word: some word of some briefing starts with it.
            let as_word = || {
                t.words.iter().take(1).chain(&t.forms).any(|w| {
                    corpus.briefings.iter().any(|b| {
                        let values = short_values(b, registry).into_iter().map(|(_, v)| v);
                        [
                            b.title.as_str(),
                            b.summary.as_deref().unwrap_or_default(),
                            &b.body,
                        ]
                        .into_iter()
                        .chain(values)
                        .flat_map(crate::query::words)
                        .any(|x| x.starts_with(w.as_str()))
                    })
                })
            };
            if typos_allowed(t) && !as_word() {
                scores = scores
                    .into_iter()
                    .zip(score(Some(typo_floor(
                        corpus.index(),
                        corpus.text_index(true),
                        &t.words[0],
                        t.prefix,
                    ))))
                    .map(|(s, t)| match (s, t) {
                        (Some(s), Some(t)) => Some(scattered(s).max(t)),
                        (Some(s), None) => Some(scattered(s)),
                        (None, t) => t,
                    })
                    .collect();
            }
            for (total, s) in total.iter_mut().zip(scores) {
                *total = match (*total, s, t.negated) {
                    (Some(x), Some(s), false) => Some(x + s),
                    (Some(x), None, true) => Some(x),
                    _ => None,
                };
            }
        }
        total
    }

    /// The tests' frozen briefings, not the shipped ones, which change.
    fn fixture() -> &'static Folder {
        static CORPUS: std::sync::OnceLock<Folder> = std::sync::OnceLock::new();
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
            "depuis:2019-02 mig",
            "avant:2020",
            "-année:2019..2020 pays:NE",
        ] {
            let query = Query::parse(q, &corpus.registry).expect("parses");
            assert_eq!(matched(corpus, &query), reference(corpus, &query), "{q}");
        }
    }

    proptest! {
        #[test]
        fn the_index_agrees_with_the_scan_on_any_words(
            s in "(-?[a-zéèçœ’' ]{1,8}|\"[a-zé ]{1,12}\"|migr|coop|front|oim|niam|agad)( -?[a-zé]{1,6}){0,2}"
        ) {
            let corpus = fixture();
            if let Ok(query) = Query::parse(&s, &corpus.registry) {
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
        assert!(match_words(&m, &t, "frontx", true).is_some());
        assert!(match_words(&m, &Text::new("migratoires et mer"), "iom", true).is_none());
    }
}
