//! Field filters (`pays:`, `acteur:`, `année:` …): each key and its value read.

use super::{Filter, QueryError, example};
use crate::actors::Registry;
use crate::countries;
use crate::model::{ActorId, CountryCode, PartialDate};
use crate::text::fold;

/// `key:value` as a filter: `None` when `body` is not one (no key, or not
/// letters only); an error for an unknown key, no value or a bad one.
pub(super) fn read_filter(body: &str, registry: &Registry) -> Result<Option<Filter>, QueryError> {
    let Some((key, value)) = body.split_once(':') else {
        return Ok(None);
    };
    let folded_key = fold(key);
    if folded_key.is_empty() || !folded_key.chars().all(|c| c.is_alphabetic()) {
        return Ok(None);
    }
    let Some((_, kind)) = FILTER_KEYS.iter().find(|(k, _)| *k == folded_key) else {
        return Err(QueryError::UnknownFilter {
            key: key.to_string(),
        });
    };
    let value = value.trim_matches('"');
    if value.trim().is_empty() {
        return Err(QueryError::NeedsValue {
            key: key.to_string(),
            example: example(kind),
        });
    }
    Ok(Some(match *kind {
        "country" => Filter::Country(parse_country(value)?),
        "actor" => parse_actors(value, registry)?,
        "topic" => Filter::Topic(fold(value), registry.topics().matching(value)),
        "year" => {
            let (a, b) = parse_years(value)?;
            Filter::Years(a, b)
        }
        "date" => Filter::Date(
            PartialDate::parse(value).map_err(|e| QueryError::InvalidDate {
                value: value.to_string(),
                reason: e.to_string(),
            })?,
        ),
        _ => Filter::Place(fold(value)),
    }))
}

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
        .ok_or_else(|| unknown_actor(value, registry))
}

fn unknown_actor(value: &str, registry: &Registry) -> QueryError {
    QueryError::UnknownActor {
        value: value.to_string(),
        suggestion: registry.suggest(value).map(|a| a.short_label().to_string()),
    }
}

/// The actors a value names (`acteur:`, `--actor`): the one it is a name of
/// first, then every actor one of whose names the value's words start
/// (`Nkurunziza`); an unknown value is an error with a suggestion.
pub fn actors_named(value: &str, registry: &Registry) -> Result<Vec<ActorId>, QueryError> {
    let ids = registry.matching(value);
    if ids.is_empty() {
        return Err(unknown_actor(value, registry));
    }
    Ok(ids)
}

/// The filter of an `acteur:` value: any of the actors it names.
pub fn parse_actors(value: &str, registry: &Registry) -> Result<Filter, QueryError> {
    let ids = actors_named(value, registry)?;
    Ok(match ids.as_slice() {
        [one] => Filter::Actor(*one),
        _ => Filter::Actors(ids),
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
