//! Query text -> `Query`: terms, quoted phrases, field filters, negations.
//!
//! Syntax: words must all match (AND); `"exact phrase"`; `pays:`/`country:`,
//! `acteur:`/`actor:`, `sujet:`/`topic:`, `année:`/`year:` (`2021` or `2019..2021`),
//! `date:` (`2021-11`), `depuis:`/`since:` and `avant:`/`before:` (`2021-06`),
//! `lieu:`/`place:`; a leading `-` excludes.
//!
//! Dates are periods: `2019` is the whole of 2019, and a meeting matches a
//! date filter when its period can overlap the filter's (see [`DateRange`]).

use crate::actors::Registry;
use crate::model::{ActorId, CountryCode, PartialDate};
use crate::topics::TopicId;

mod entities;
mod errors;
mod filters;
mod tokens;

pub use entities::{KnownWord, read_entity, read_entity_with_typo};
use entities::{Run, actor_typo_names};
pub use errors::{Notice, QueryError};
use filters::read_filter;
pub use filters::{
    DateRange, actors_named, parse_actor, parse_actors, parse_country, parse_date, parse_years,
};
use tokens::tokens;
pub use tokens::{accent_form, accent_words, plural_forms, words};

/// Longest word a query keeps: longer ones are cut, with a notice.
pub const MAX_WORD_CHARS: usize = 64;
/// Most terms a query keeps: the rest are dropped, with a notice.
pub const MAX_TERMS: usize = 32;
/// Country names that are common words too, read as countries only with
/// more words (`La Réunion`, `île Maurice`) or in a filter (`pays:RE`).
const COMMON_WORDS: &[&str] = &["reunion", "maurice", "jersey", "chad", "turkey", "georgia"];

/// Something a briefing must (or, negated, must not) satisfy besides the text terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Country(CountryCode),
    Actor(ActorId),
    /// Any of these actors: a word prefix several actors' names share.
    Actors(Vec<ActorId>),
    /// Folded text that one of the topics contains, or the registered topics
    /// (from `topics.yaml`) whose names the value starts.
    Topic(String, Vec<TopicId>),
    /// Inclusive range of years the meeting falls in.
    Years(u16, u16),
    Date(PartialDate),
    /// Meetings from the start of that period on (`depuis:2021-06`).
    Since(PartialDate),
    /// Meetings up to the end of that period (`--until 2022`: to 31 December 2022).
    Until(PartialDate),
    /// Meetings before that period begins (`avant:2022`: to 31 December 2021).
    Before(PartialDate),
    /// Folded text the location (city or country) contains.
    Place(String),
}

/// What a run of query words names: read as that, not as letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Country(CountryCode),
    Actor(ActorId),
    Topic(TopicId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded words; one word for a plain term, several for a phrase or an entity.
    pub words: Vec<String>,
    pub phrase: bool,
    /// For phrases: the phrase lowercased, accents kept, which must occur as
    /// written (a quoted word matches its accents only).
    pub exact: Option<String>,
    pub negated: bool,
    /// The country, actor or topic the words name, if they name one.
    pub entity: Option<Entity>,
    /// For a plain word typed with accents: the word lowercased, accents
    /// kept; only text with these accents matches.
    pub accented: Option<String>,
    /// Other forms of a plain word that match as well: singular or plural.
    pub forms: Vec<String>,
    /// The word still being typed (last, no space after it): typos are
    /// forgiven on its prefix.
    pub prefix: bool,
    /// For an entity read from a misspelt name: the words as typed (`words`
    /// then holds the name they were read as).
    pub typo: Option<String>,
}

impl Term {
    fn word(w: String, negated: bool) -> Term {
        Term {
            forms: plural_forms(&w),
            words: vec![w],
            phrase: false,
            exact: None,
            negated,
            entity: None,
            accented: None,
            prefix: false,
            typo: None,
        }
    }

    /// A term naming a country, an actor or a topic; its words are the name's.
    fn entity(entity: Entity, negated: bool) -> Term {
        Term {
            forms: Vec::new(),
            words: Vec::new(),
            phrase: false,
            exact: None,
            negated,
            entity: Some(entity),
            accented: None,
            prefix: false,
            typo: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub filters: Vec<(bool, Filter)>,
    /// What was cut from an oversized query, to tell the user.
    pub notices: Vec<Notice>,
}

impl Query {
    /// Reads `input`; a misspelt country or actor name is not read as one
    /// (that needs the corpus's words: `parse_with`).
    pub fn parse(input: &str, registry: &Registry) -> Result<Query, QueryError> {
        Query::read(input, registry, None)
    }

    /// `parse`, reading a country or actor name typed with a typo in one
    /// word as that entity too (`Royame-Uni`, `Eurpol`), unless the misspelt
    /// word is one the corpus knows (`known`) or several entities are as close.
    pub fn parse_with(
        input: &str,
        registry: &Registry,
        known: &KnownWord<'_>,
    ) -> Result<Query, QueryError> {
        Query::read(input, registry, Some(known))
    }

    fn read(
        input: &str,
        registry: &Registry,
        known: Option<&KnownWord<'_>>,
    ) -> Result<Query, QueryError> {
        let mut query = Query::default();
        let mut all = tokens(input)?;
        // Each kept term needs at most a token or two: beyond that is cut unread.
        if all.len() > 2 * MAX_TERMS {
            all.truncate(2 * MAX_TERMS);
            query.notices.push(Notice::TermsCut);
        }
        // Plain words wait here until something else comes, to be read in runs.
        let mut run: Vec<(String, bool)> = Vec::new();
        for token in all {
            let (negated, body) = match token.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, token.as_str()),
            };
            if let Some(filter) = read_filter(body, registry)? {
                query.filters.push((negated, filter));
            } else if body.starts_with('"') {
                query.read_run(std::mem::take(&mut run), registry, known);
                query.push_phrase(body, negated);
            } else if negated {
                query.read_run(std::mem::take(&mut run), registry, known);
                query.read_run(vec![(body.to_string(), true)], registry, known);
            } else {
                run.push((body.to_string(), false));
            }
        }
        query.read_run(run, registry, known);
        query.finish(input)?;
        Ok(query)
    }

    /// A phrase (`"trafic de migrants"`), as a term of its own.
    fn push_phrase(&mut self, body: &str, negated: bool) {
        let inner = body.trim_matches('"');
        let w = cut_words(words(inner), &mut self.notices);
        if w.is_empty() {
            return;
        }
        let lower = accent_words(inner).join(" ");
        self.terms.push(Term {
            words: w,
            phrase: true,
            exact: Some(lower),
            forms: Vec::new(),
            ..Term::word(String::new(), negated)
        });
    }

    /// The query read: cut to its most terms, the word still being typed
    /// (the last plain word, with no space after it) a prefix; an error when
    /// nothing is left to search.
    fn finish(&mut self, input: &str) -> Result<(), QueryError> {
        if self.terms.len() > MAX_TERMS {
            self.terms.truncate(MAX_TERMS);
            if !self.notices.contains(&Notice::TermsCut) {
                self.notices.push(Notice::TermsCut);
            }
        }
        if !input.ends_with(char::is_whitespace)
            && let Some(t) = self.terms.last_mut()
            && !t.phrase
            && t.entity.is_none()
        {
            t.prefix = true;
        }
        if self.is_empty() && !input.trim().is_empty() {
            return Err(QueryError::NothingToSearch {
                input: input.trim().to_string(),
            });
        }
        Ok(())
    }

    /// Reads a run of plain tokens: the longest stretches naming a country,
    /// an actor or a topic become one entity term each, the rest words.
    fn read_run(
        &mut self,
        run: Vec<(String, bool)>,
        registry: &Registry,
        known: Option<&KnownWord<'_>>,
    ) {
        let run = Run::new(&run);
        // Only when a typo may be read, once for the run.
        let actor_names = known
            .filter(|_| run.len() > 0)
            .map(|_| actor_typo_names(registry));
        let mut i = 0;
        while i < run.len() {
            let negated = run.toks[i].1;
            let longest = run.entity_at(i, registry);
            // A name typed with a typo in one word, if it reads more of the
            // words than an exact name does: the longest run wins, and at equal
            // length the exact name (`Samoa amricaines` is American Samoa,
            // `Niger Nigeria` two countries).
            let exact_end = longest.as_ref().map_or(i, |(j, ..)| *j);
            let misspelt = known
                .zip(actor_names.as_deref())
                .and_then(|(known, names)| run.misspelt_at(i, exact_end, names, known));
            let (j, term) = match (misspelt, longest) {
                (Some((j, entity, name, typed)), _) => (
                    j,
                    Term {
                        words: name,
                        typo: Some(typed),
                        ..Term::entity(entity, negated)
                    },
                ),
                (None, Some((j, entity, typed))) => (
                    j,
                    Term {
                        words: words(&typed),
                        ..Term::entity(entity, negated)
                    },
                ),
                (None, None) => {
                    self.push_words(run.toks[i].0, negated);
                    i += 1;
                    continue;
                }
            };
            self.terms.push(term);
            i = j;
        }
    }

    /// A plain token as word terms: `ANLTP/TIM` holds several words, each
    /// must match.
    fn push_words(&mut self, token: &str, negated: bool) {
        let folded = cut_words(words(token), &mut self.notices);
        let accented = accent_words(token);
        let same_count = accented.len() == folded.len();
        for (k, w) in folded.into_iter().enumerate() {
            let mut term = Term::word(w, negated);
            if same_count
                && let Some(a) = accented.get(k)
                && *a != term.words[0]
                && a.chars().count() <= MAX_WORD_CHARS
            {
                term.accented = Some(a.clone());
                // A typed accent names one form: no other number is guessed.
                term.forms.clear();
            }
            self.terms.push(term);
        }
    }

    /// True when there is no positive text to rank by.
    pub fn is_unranked(&self) -> bool {
        self.terms.iter().all(|t| t.negated)
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.filters.is_empty()
    }

    /// The positive words, for highlighting in the reader.
    pub fn highlight_words(&self) -> Vec<String> {
        self.terms
            .iter()
            .filter(|t| !t.negated)
            .flat_map(|t| t.words.iter().chain(&t.forms).cloned())
            .collect()
    }
}

/// Words cut to `MAX_WORD_CHARS`, with a notice when one was.
fn cut_words(mut words: Vec<String>, notices: &mut Vec<Notice>) -> Vec<String> {
    for w in &mut words {
        if w.chars().count() > MAX_WORD_CHARS {
            *w = w.chars().take(MAX_WORD_CHARS).collect();
            if !notices.contains(&Notice::WordsCut) {
                notices.push(Notice::WordsCut);
            }
        }
    }
    words
}

fn example(kind: &str) -> &'static str {
    match kind {
        "country" => "TN",
        "actor" => "Frontex",
        "topic" => "traite",
        "year" => "2021",
        "date" | "since" | "before" => "2021-11",
        _ => "Niamey",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_refused_value_displays_neutralised() {
        let e = parse_country("\x1b]0;PWNED\x07").unwrap_err();
        assert_eq!(e.to_string(), "unknown country '␛]0;PWNED␇'");
    }

    #[test]
    fn errors_speak_the_interface_language() {
        let e = parse_country("Narnia").unwrap_err();
        assert_eq!(e.message(Lang::En), "unknown country 'Narnia'");
        assert_eq!(e.message(Lang::Fr), "pays inconnu « Narnia »");
        assert_eq!(e.to_string(), "unknown country 'Narnia'");
        let e = parse_country("Tunisi").unwrap_err();
        assert!(
            e.message(Lang::En).contains("did you mean Tunisia (TN)?"),
            "{e}"
        );
        assert!(
            e.message(Lang::Fr)
                .contains("vouliez-vous dire Tunisie (TN) ?"),
            "{}",
            e.message(Lang::Fr)
        );
        let e = parse_years("2021..2019").unwrap_err();
        assert_eq!(
            e.message(Lang::Fr),
            "période invalide « 2021..2019 » : 2021 est après 2019"
        );
    }

    #[test]
    fn tokens_keep_quoted_phrases() {
        assert_eq!(
            tokens(r#"a "b c" -"d e" pays:"Pays-Bas""#).unwrap(),
            vec!["a", "\"b c\"", "-\"d e\"", "pays:\"Pays-Bas\""]
        );
        assert!(tokens("\"open").is_err());
    }

    #[test]
    fn filters_and_negations_parse() {
        let registry = Registry::default();
        let q = Query::parse(
            "-pays:NE année:2019..2021 date:2021-11 frontex -naufrage",
            &registry,
        )
        .unwrap();
        assert_eq!(q.filters.len(), 3);
        assert!(q.filters[0].0);
        assert_eq!(q.filters[1], (false, Filter::Years(2019, 2021)));
        assert_eq!(q.terms.len(), 2);
        assert!(q.terms[1].negated);
    }

    #[test]
    fn date_words_read_in_both_languages() {
        let registry = Registry::default();
        let d = |s| PartialDate::parse(s).unwrap();
        let q = Query::parse("depuis:2021-06 avant:2022 année:2016..2018", &registry).unwrap();
        assert_eq!(
            q.filters,
            vec![
                (false, Filter::Since(d("2021-06"))),
                (false, Filter::Before(d("2022"))),
                (false, Filter::Years(2016, 2018)),
            ]
        );
        let q = Query::parse("since:2021-06 -before:2022 year:2016", &registry).unwrap();
        assert_eq!(
            q.filters,
            vec![
                (false, Filter::Since(d("2021-06"))),
                (true, Filter::Before(d("2022"))),
                (false, Filter::Years(2016, 2016)),
            ]
        );
        for bad in ["depuis:2021-13", "avant:", "since:21", "before:2021-02-30"] {
            assert!(Query::parse(bad, &registry).is_err(), "{bad}");
        }
    }

    #[test]
    fn partial_dates_are_periods_that_can_overlap_a_range() {
        let d = |s| PartialDate::parse(s).ok();
        let p = |s| PartialDate::parse(s).unwrap();
        // `since` and `until` include the period they name, `before` excludes it.
        let since = DateRange::since(p("2019-02"));
        assert!(since.admits(d("2019-02-01"), None));
        assert!(!since.admits(d("2019-01-31"), None));
        // A briefing dated 2019 may have been in February: it is in.
        assert!(since.admits(d("2019"), None));
        assert!(!since.admits(d("2018"), None));
        // A meeting that ends in the range is in it.
        assert!(since.admits(d("2019-01-30"), d("2019-02-02")));
        let until = DateRange::until(p("2022"));
        assert_eq!(until.to, Some((2022, 12, 31)));
        assert!(until.admits(d("2022-12-31"), None));
        assert!(!until.admits(d("2023-01-01"), None));
        assert_eq!(DateRange::until(p("2020-02")).to, Some((2020, 2, 29)));
        let before = DateRange::before(p("2022"));
        assert!(before.admits(d("2021-12-31"), None));
        assert!(!before.admits(d("2022-01-01"), None));
        assert!(!before.admits(d("2022"), None));
        let before = DateRange::before(p("2021-03"));
        assert!(before.admits(d("2021-02-28"), None));
        assert!(before.admits(d("2021"), None));
        assert!(!before.admits(d("2021-03"), None));
        let before = DateRange::before(p("2021-03-01"));
        assert!(before.admits(d("2021-02-28"), None));
        assert!(!before.admits(d("2021-03-01"), None));
        // Years: the same overlap; an undated briefing is in no range.
        let years = DateRange::years(2016, 2018);
        assert!(years.admits(d("2015-12-30"), d("2016-01-02")));
        assert!(years.admits(d("2018-12"), None));
        assert!(!years.admits(d("2019-01-01"), None));
        assert!(!years.admits(None, d("2017")));
        assert!(!DateRange::default().admits(None, None));
        assert!(DateRange::default().admits(d("1999"), None));
    }

    #[test]
    fn malformed_filters_are_errors() {
        let registry = Registry::default();
        for bad in [
            "pays:Tunisei",
            "pays:",
            "année:20x1",
            "année:2022..2019",
            "date:2021-13",
            "foo:bar",
            "acteur:nobody",
            "-",
            "\"\"",
            "*",
            ":",
            " - \"\" ",
        ] {
            assert!(Query::parse(bad, &registry).is_err(), "{bad}");
        }
    }
}
