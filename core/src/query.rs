//! Query text -> `Query`: terms, quoted phrases, field filters, negations.
//!
//! Syntax: words must all match (AND); `"exact phrase"`; `pays:`/`country:`,
//! `acteur:`/`actor:`, `sujet:`/`topic:`, `année:`/`year:` (`2021` or `2019..2021`),
//! `date:` (`2021-11`), `lieu:`/`place:`; a leading `-` excludes.

use crate::actors::Registry;
use crate::countries;
use crate::lang::Lang;
use crate::model::{ActorId, CountryCode, PartialDate};
use crate::text::fold;

/// Something a briefing must (or, negated, must not) satisfy besides the text terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Country(CountryCode),
    Actor(ActorId),
    /// Folded text that one of the topics contains.
    Topic(String),
    /// Inclusive range of years the meeting falls in.
    Years(u16, u16),
    Date(PartialDate),
    /// Folded text the location (city or country) contains.
    Place(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded words; one word for a plain term, several for a phrase.
    pub words: Vec<String>,
    pub phrase: bool,
    /// For phrases with accents: the phrase lowercased, accents kept.
    pub exact: Option<String>,
    pub negated: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub filters: Vec<(bool, Filter)>,
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
        }
    }
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::text::Neutral(&self.message(Lang::En)))
    }
}

impl std::error::Error for QueryError {}

const FILTER_KEYS: &[(&str, &str)] = &[
    ("pays", "country"),
    ("country", "country"),
    ("acteur", "actor"),
    ("actor", "actor"),
    ("sujet", "topic"),
    ("topic", "topic"),
    ("annee", "year"),
    ("year", "year"),
    ("date", "date"),
    ("lieu", "place"),
    ("place", "place"),
];

/// Folded alphanumeric words of `s`.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Splits on whitespace, keeping `"quoted phrases"` (possibly after `-` or `key:`) whole.
fn tokens(input: &str) -> Result<Vec<String>, QueryError> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in input.chars() {
        match c {
            '"' | '«' | '»' | '“' | '”' => {
                quoted = !quoted;
                cur.push('"');
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if quoted {
        return Err(QueryError::UnclosedQuote);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Resolves a country given as code, French or English name.
pub fn parse_country(value: &str) -> Result<CountryCode, QueryError> {
    match countries::resolve(value) {
        Ok(c) => CountryCode::new(c.code).ok_or_else(|| QueryError::UnknownCountry {
            value: value.to_string(),
            suggestion: None,
        }),
        Err(s) => Err(QueryError::UnknownCountry {
            value: value.to_string(),
            suggestion: s.and_then(|c| CountryCode::new(c.code)),
        }),
    }
}

/// Resolves an actor given by any name, acronym or alias.
pub fn parse_actor(value: &str, registry: &Registry) -> Result<ActorId, QueryError> {
    registry
        .resolve(value)
        .ok_or_else(|| QueryError::UnknownActor {
            value: value.to_string(),
            suggestion: registry.suggest(value).map(|a| a.short_label().to_string()),
        })
}

/// `2021` or `2019..2021`.
pub fn parse_years(value: &str) -> Result<(u16, u16), QueryError> {
    let year = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
            .ok_or_else(|| QueryError::InvalidYear {
                value: value.to_string(),
            })
    };
    match value.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            if a > b {
                return Err(QueryError::InvalidYearRange {
                    value: value.to_string(),
                    from: a,
                    to: b,
                });
            }
            Ok((a, b))
        }
        None => year(value).map(|y| (y, y)),
    }
}

impl Query {
    pub fn parse(input: &str, registry: &Registry) -> Result<Query, QueryError> {
        let mut query = Query::default();
        for token in tokens(input)? {
            let (negated, body) = match token.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, token.as_str()),
            };
            if let Some((key, value)) = body.split_once(':') {
                let folded_key = fold(key);
                if !folded_key.is_empty() && folded_key.chars().all(|c| c.is_alphabetic()) {
                    let Some((_, kind)) = FILTER_KEYS.iter().find(|(k, _)| *k == folded_key) else {
                        return Err(QueryError::UnknownFilter {
                            key: key.to_string(),
                        });
                    };
                    let value = value.trim_matches('"');
                    if value.is_empty() {
                        return Err(QueryError::NeedsValue {
                            key: key.to_string(),
                            example: example(kind),
                        });
                    }
                    let filter = match *kind {
                        "country" => Filter::Country(parse_country(value)?),
                        "actor" => Filter::Actor(parse_actor(value, registry)?),
                        "topic" => Filter::Topic(fold(value)),
                        "year" => {
                            let (a, b) = parse_years(value)?;
                            Filter::Years(a, b)
                        }
                        "date" => Filter::Date(PartialDate::parse(value).map_err(|e| {
                            QueryError::InvalidDate {
                                value: value.to_string(),
                                reason: e.to_string(),
                            }
                        })?),
                        _ => Filter::Place(fold(value)),
                    };
                    query.filters.push((negated, filter));
                    continue;
                }
            }
            if body.starts_with('"') {
                let inner = body.trim_matches('"');
                let w = words(inner);
                if w.is_empty() {
                    continue;
                }
                let lower = inner
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                let exact = (!inner.is_ascii()).then_some(lower);
                query.terms.push(Term {
                    words: w,
                    phrase: true,
                    exact,
                    negated,
                });
            } else {
                // `ANLTP/TIM` or `l'UE` hold several words: each must match.
                for w in words(body) {
                    query.terms.push(Term {
                        words: vec![w],
                        phrase: false,
                        exact: None,
                        negated,
                    });
                }
            }
        }
        Ok(query)
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
            .flat_map(|t| t.words.iter().cloned())
            .collect()
    }
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
        ] {
            assert!(Query::parse(bad, &registry).is_err(), "{bad}");
        }
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
}
