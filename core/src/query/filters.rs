//! Field filters (`pays:`, `acteur:`, `année:`, `depuis:` …): each key and its
//! value read; dates as ranges of days.

use super::errors::QueryError;
use super::{Filter, example};
use crate::actors::Registry;
use crate::countries;
use crate::model::{ActorId, CountryCode, Day, PartialDate};
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
        "date" => Filter::Date(parse_date(&format!("{key}:"), value)?),
        "since" => Filter::Since(parse_date(&format!("{key}:"), value)?),
        "before" => Filter::Before(parse_date(&format!("{key}:"), value)?),
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
    ("depuis", "since"),
    ("since", "since"),
    ("avant", "before"),
    ("before", "before"),
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

/// `2021`, `2021-06` or `2021-06-15`, as the value of a date filter
/// `key` (`date:`, `depuis:`, `--since `...), which an error names.
pub fn parse_date(key: &str, value: &str) -> Result<PartialDate, QueryError> {
    PartialDate::parse(value).map_err(|e| QueryError::InvalidDate {
        value: format!("{key}{value}"),
        reason: e.to_string(),
    })
}

/// An inclusive range of days, either end open: what a date filter asks.
///
/// The rule for dates known to the year or the month: a date stands for the
/// whole period it names (`2019` runs from 1 January to 31 December 2019), a
/// meeting runs from the first day of its `date` to the last day of its
/// `end_date` (or of its `date`), and it is in the range when that span can
/// overlap the range. So a briefing dated `2019` is in `depuis:2019-02` and
/// in `avant:2019-06` alike: it may have been either. An undated briefing is
/// in no range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl DateRange {
    /// From the first day of `d` on.
    pub fn since(d: PartialDate) -> DateRange {
        DateRange {
            from: Some(d.first_day()),
            to: None,
        }
    }

    /// Up to the last day of `d`, included.
    pub fn until(d: PartialDate) -> DateRange {
        DateRange {
            from: None,
            to: Some(d.last_day()),
        }
    }

    /// Up to the day before `d` begins.
    pub fn before(d: PartialDate) -> DateRange {
        DateRange {
            from: None,
            to: Some(day_before(d.first_day())),
        }
    }

    /// The years `from..=to`, whole.
    pub fn years(from: u16, to: u16) -> DateRange {
        DateRange {
            from: Some((from, 1, 1)),
            to: Some((to, 12, 31)),
        }
    }

    /// Whether a meeting from `date` to `end_date` can fall in the range
    /// (the rule above); an undated meeting never does.
    pub fn admits(&self, date: Option<PartialDate>, end_date: Option<PartialDate>) -> bool {
        let Some(start) = date else {
            return false;
        };
        let end = end_date.map_or(start.last_day(), |e| e.last_day().max(start.last_day()));
        self.from.is_none_or(|f| end >= f) && self.to.is_none_or(|t| start.first_day() <= t)
    }
}

/// The day before `d`, as far as ordering goes: `(2021, 2, 31)` stands for
/// the last day of February, which sorts the same.
fn day_before((y, m, d): Day) -> Day {
    match (m, d) {
        (_, 2..) => (y, m, d - 1),
        (2.., _) => (y, m - 1, 31),
        _ => (y.saturating_sub(1), 12, 31),
    }
}

impl Filter {
    /// The days a range filter (`année:`, `depuis:`, `avant:`, `--until`)
    /// keeps. `date:` is not one: its meeting's date or end date must be
    /// written within the period it names.
    pub fn date_range(&self) -> Option<DateRange> {
        match *self {
            Filter::Years(a, b) => Some(DateRange::years(a, b)),
            Filter::Since(d) => Some(DateRange::since(d)),
            Filter::Until(d) => Some(DateRange::until(d)),
            Filter::Before(d) => Some(DateRange::before(d)),
            _ => None,
        }
    }
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
