//! Query text -> `Query`: terms, quoted phrases, field filters, negations.
//!
//! Syntax: words must all match (AND); `"exact phrase"`; `pays:`/`country:`,
//! `acteur:`/`actor:`, `sujet:`/`topic:`, `année:`/`year:` (`2021` or `2019..2021`),
//! `date:` (`2021-11`), `lieu:`/`place:`; a leading `-` excludes.

use crate::actors::Registry;
use crate::lang::Lang;
use crate::model::{ActorId, CountryCode, PartialDate};
use crate::topics::TopicId;

mod entities;
mod filters;
mod tokens;

pub use entities::{KnownWord, read_entity, read_entity_with_typo};
use entities::{Run, actor_typo_names};
use filters::read_filter;
pub use filters::{actors_named, parse_actor, parse_actors, parse_country, parse_years};
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

/// What was cut from an oversized query. `message` says it in the interface
/// language, `Display` in English (the CLI's notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Terms beyond the first `MAX_TERMS` were left unread.
    TermsCut,
    /// Words were cut to `MAX_WORD_CHARS` letters.
    WordsCut,
}

impl Notice {
    pub fn message(self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            Notice::TermsCut => (t.query_cut)(MAX_TERMS),
            Notice::WordsCut => (t.words_cut)(MAX_WORD_CHARS),
        }
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why a query or a typed value was refused. `message` says it in the
/// interface language; it quotes what was typed, so `Display` (English)
/// shows it neutralised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    UnclosedQuote,
    UnknownCountry {
        value: String,
        suggestion: Option<CountryCode>,
    },
    UnknownActor {
        value: String,
        suggestion: Option<String>,
    },
    InvalidYear {
        value: String,
    },
    InvalidYearRange {
        value: String,
        from: u16,
        to: u16,
    },
    UnknownFilter {
        key: String,
    },
    NeedsValue {
        key: String,
        example: &'static str,
    },
    InvalidDate {
        value: String,
        reason: String,
    },
    /// Only operators or empty quotes: `-`, `""`, `*`, `:`.
    NothingToSearch {
        input: String,
    },
}

impl QueryError {
    /// What went wrong, in `lang`, with what was typed quoted as typed.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            QueryError::UnclosedQuote => t.unclosed_quote.to_string(),
            QueryError::UnknownCountry {
                value,
                suggestion: Some(c),
            } => (t.unknown_country_hint)(value, c.name(lang), c.as_str()),
            QueryError::UnknownCountry { value, .. } => (t.unknown_country)(value),
            QueryError::UnknownActor {
                value,
                suggestion: Some(a),
            } => (t.unknown_actor_hint)(value, a),
            QueryError::UnknownActor { value, .. } => (t.unknown_actor)(value),
            QueryError::InvalidYear { value } => (t.invalid_year)(value),
            QueryError::InvalidYearRange { value, from, to } => {
                (t.invalid_year_range)(value, *from, *to)
            }
            QueryError::UnknownFilter { key } => (t.unknown_filter)(key),
            QueryError::NeedsValue { key, example } => (t.filter_needs_value)(key, example),
            QueryError::InvalidDate { value, reason } => format!("date:{value}: {reason}"),
            QueryError::NothingToSearch { input } => (t.nothing_to_search)(input),
        }
    }

    /// True when the query is well formed but names nothing known: an
    /// answer of 0 results, not a usage error.
    pub fn is_unknown_value(&self) -> bool {
        matches!(self, QueryError::UnknownActor { .. })
    }
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::text::Neutral(&self.message(Lang::En)))
    }
}

impl std::error::Error for QueryError {}

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
        "date" => "2021-11",
        _ => "Niamey",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
