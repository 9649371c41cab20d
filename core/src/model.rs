//! The domain: briefings, actors, countries, dates, problems.

use std::cmp::Ordering;
use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::countries::{self, Country};

/// A short value (an id, a name, a role, a topic): up to 24 bytes are kept
/// inline, so the many short values of 100,000 briefings cost no allocation
/// each when they are decoded from the cache.
pub type Name = compact_str::CompactString;

/// An ISO 3166-1 alpha-2 code, always one of the table's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn new(code: &str) -> Option<CountryCode> {
        let c = countries::by_code(code)?;
        let b = c.code.as_bytes();
        Some(CountryCode([b[0], b[1]]))
    }
    /// The code of these two letters, when the table has it.
    pub fn from_bytes(letters: [u8; 2]) -> Option<CountryCode> {
        countries::by_letters(letters).map(|_| CountryCode(letters))
    }
    /// Its two letters.
    pub fn bytes(self) -> [u8; 2] {
        self.0
    }
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
    pub fn country(&self) -> &'static Country {
        // Constructed only from table entries, so the lookup cannot fail;
        // fall back to the first entry rather than panic.
        countries::by_letters(self.0).unwrap_or(&countries::all()[0])
    }
    pub fn name_fr(&self) -> &'static str {
        self.country().name_fr
    }
    pub fn name_en(&self) -> &'static str {
        self.country().name_en
    }
    /// The country's name in the interface language.
    pub fn name(&self, lang: crate::lang::Lang) -> &'static str {
        match lang {
            crate::lang::Lang::Fr => self.name_fr(),
            crate::lang::Lang::En => self.name_en(),
        }
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar day as (year, month, day), ordered chronologically.
pub type Day = (u16, u8, u8);

/// A date known to the year, the month or the day. Never completed with
/// invented parts: `2019-02` stays `2019-02`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Written out in `lang`: `27 October 2021`, `1er octobre 2021`,
    /// `octobre 2021`, `2021`.
    pub fn written(self, lang: crate::lang::Lang) -> String {
        let words = lang.report();
        let month = self
            .month
            .and_then(|m| words.months.get(usize::from(m).wrapping_sub(1)));
        match (self.day, month) {
            (Some(day), Some(m)) => format!("{} {m} {}", (words.day)(day), self.year),
            (None, Some(m)) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    /// A date from its parts, held to what `parse` accepts: a year of four
    /// digits, a month of the year, a day of that month (only with a month).
    pub fn from_parts(
        year: u16,
        month: Option<u8>,
        day: Option<u8>,
    ) -> Result<PartialDate, String> {
        let bad = || format!("invalid date: year {year}, month {month:?}, day {day:?}");
        if !(1..=9999).contains(&year) || month.is_some_and(|m| !(1..=12).contains(&m)) {
            return Err(bad());
        }
        if let Some(d) = day {
            let Some(m) = month else {
                return Err(bad());
            };
            if d == 0 || d > days_in_month(year, m) {
                return Err(bad());
            }
        }
        Ok(PartialDate { year, month, day })
    }

    pub fn parse(s: &str) -> Result<PartialDate, String> {
        let s = s.trim();
        let bad = || format!("invalid date '{s}': expected YYYY-MM-DD, YYYY-MM or YYYY");
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse::<u32>().map_err(|_| bad())
        };
        let year = num(parts[0], 4)? as u16;
        if year == 0 {
            return Err(bad());
        }
        let month = match parts.get(1) {
            Some(m) => {
                let m = num(m, 2)?;
                if !(1..=12).contains(&m) {
                    return Err(format!("invalid date '{s}': month {m} does not exist"));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) => {
                let d = num(d, 2)?;
                let max = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > u32::from(max) {
                    return Err(format!(
                        "invalid date '{s}': day {d} does not exist in that month"
                    ));
                }
                Some(d as u8)
            }
            None => None,
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }

    /// The first day of the period the date names: `2019` is 2019-01-01,
    /// `2019-02` is 2019-02-01.
    pub fn first_day(&self) -> Day {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day of the period the date names: `2019` is 2019-12-31,
    /// `2020-02` is 2020-02-29.
    pub fn last_day(&self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// Whether `self` lies within the period written as `prefix` (`2021`, `2021-11`).
    pub fn within(&self, period: &PartialDate) -> bool {
        self.year == period.year
            && period.month.is_none_or(|m| self.month == Some(m))
            && period.day.is_none_or(|d| self.day == Some(d))
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Ord for PartialDate {
    /// Chronological; a less precise date sorts before the more precise ones it contains.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_string(FromStr("a date", |s: &str| {
            PartialDate::parse(s).map_err(|e| e.to_string())
        }))
    }
}

/// A value read from a string as serde hands it over, without copying it
/// into one of its own first (a million dates and country codes are read
/// from the cache at every start).
struct FromStr<F>(&'static str, F);

impl<'de, T, F: FnOnce(&str) -> Result<T, String>> serde::de::Visitor<'de> for FromStr<F> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.1)(v).map_err(E::custom)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    Organisation,
    EuAgency,
    EuInstitution,
    Government,
    Person,
    Programme,
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 7] = [
        ActorKind::Organisation,
        ActorKind::EuAgency,
        ActorKind::EuInstitution,
        ActorKind::Government,
        ActorKind::Person,
        ActorKind::Programme,
        ActorKind::Other,
    ];
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Organisation => "organisation",
            ActorKind::EuAgency => "eu-agency",
            ActorKind::EuInstitution => "eu-institution",
            ActorKind::Government => "government",
            ActorKind::Person => "person",
            ActorKind::Programme => "programme",
            ActorKind::Other => "other",
        }
    }
    /// The heading used when actors are grouped by kind, in `lang`.
    pub fn label(&self, lang: crate::lang::Lang) -> &'static str {
        let i = ActorKind::ALL.iter().position(|k| k == self).unwrap_or(0);
        lang.text().actor_kinds[i]
    }
    /// French heading used when actors are grouped by kind.
    pub fn label_fr(&self) -> &'static str {
        match self {
            ActorKind::Organisation => "Organisations",
            ActorKind::EuAgency => "Agences de l’UE",
            ActorKind::EuInstitution => "Institutions de l’UE",
            ActorKind::Government => "Gouvernements",
            ActorKind::Person => "Personnes",
            ActorKind::Programme => "Programmes",
            ActorKind::Other => "Autres",
        }
    }
}

/// Index of an actor in `Corpus::actors`.
pub type ActorId = usize;

/// A canonical actor: from the registry, or a name met in a briefing and found nowhere in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub short: Option<String>,
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    pub description: Option<String>,
    /// False for names that are not in `actors.yaml`.
    pub registered: bool,
    /// Offices the actor held (`commissaire européenne aux affaires
    /// intérieures`, 2019–2024): how an article may name a person without
    /// their name.
    #[serde(default)]
    pub offices: Vec<Office>,
}

/// An office an actor held, by all its names, and the years held (both
/// included; `to` is `None` while it is still held).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub names: Vec<String>,
    pub from: u16,
    pub to: Option<u16>,
}

impl Office {
    /// Whether the office was held at some time in `year`.
    pub fn held_in(&self, year: u16) -> bool {
        self.from <= year && self.to.is_none_or(|to| year <= to)
    }

    /// `2019–2024`, or `2018–` while still held.
    pub fn years(&self) -> String {
        match self.to {
            Some(to) if to == self.from => self.from.to_string(),
            Some(to) => format!("{}–{to}", self.from),
            None => format!("{}–", self.from),
        }
    }
}

impl Actor {
    /// Name, short name, then aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.short.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
    }
    /// `Centre international … (CIDPM)`, or the name alone.
    pub fn label(&self) -> String {
        match &self.short {
            Some(s) if s != &self.name => format!("{} ({s})", self.name),
            _ => self.name.clone(),
        }
    }
    /// The acronym when there is one, else the name: for compact displays.
    pub fn short_label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub actor: ActorId,
    /// The name as written in the briefing.
    pub written: Name,
    pub role: Option<Name>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub city: Option<String>,
    pub country: Option<CountryCode>,
    pub online: bool,
}

impl Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_string(FromStr("a country code", |code: &str| {
            CountryCode::new(code).ok_or_else(|| format!("unknown country code '{code}'"))
        }))
    }
}

impl Location {
    pub fn is_empty(&self) -> bool {
        self.city.is_none() && self.country.is_none() && !self.online
    }
}

impl Location {
    /// `La Valette, Malte (et en ligne)`, in `lang`.
    pub fn label(&self, lang: crate::lang::Lang) -> String {
        let mut parts = Vec::new();
        if let Some(c) = &self.city {
            parts.push(c.clone());
        }
        if let Some(c) = &self.country {
            parts.push(c.name(lang).to_string());
        }
        let place = parts.join(", ");
        let t = lang.text();
        match (place.is_empty(), self.online) {
            (true, true) => t.online.to_string(),
            (false, true) => (t.and_online)(&place),
            _ => place,
        }
    }
}

impl fmt::Display for Location {
    /// `La Valette, Malte (et en ligne)`: the French label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(crate::lang::Lang::Fr))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub translations: Vec<String>,
}

/// One meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Briefing {
    pub id: Name,
    pub title: String,
    pub date: Option<PartialDate>,
    pub end_date: Option<PartialDate>,
    pub date_note: Option<String>,
    pub published: Option<PartialDate>,
    pub location: Location,
    pub language: Name,
    pub summary: Option<String>,
    pub actors: Vec<ActorRef>,
    pub countries: Vec<CountryCode>,
    pub topics: Vec<Name>,
    pub source: Source,
    pub body: String,
    pub related: Vec<String>,
    /// Where it was read from, relative to the corpus root.
    #[serde(with = "crate::io::path_bytes")]
    pub path: PathBuf,
}

impl Briefing {
    /// `2019-02-25`, `2021-10-27 → 2021-10-28`, or `date inconnue`.
    pub fn date_label(&self) -> String {
        match (&self.date, &self.end_date) {
            (Some(d), Some(e)) if e != d => format!("{d} → {e}"),
            (Some(d), _) => d.to_string(),
            (None, _) => String::new(),
        }
    }

    /// Body paragraphs: split on blank lines, each paragraph's lines joined.
    pub fn paragraphs(&self) -> Vec<String> {
        self.body
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// Newest first, undated last, then by id so the order is stable.
pub fn by_date_desc(a: &Briefing, b: &Briefing) -> Ordering {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.id.cmp(&b.id))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Something wrong with one file, found while loading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(with = "crate::io::path_bytes")]
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    /// `path:line:col: error: message`, like a compiler.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}: {}", self.severity, self.message)
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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

/// Only the briefings not opened yet, or only the bookmarked ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Only {
    Unread,
    Bookmarked,
}

impl Only {
    /// The search filter keeping these briefings, from the read and bookmarked ids.
    pub fn filter(self, read: &IdSet, bookmarks: &IdSet) -> IdFilter {
        match self {
            Only::Unread => IdFilter::Except(read.clone()),
            Only::Bookmarked => IdFilter::Only(bookmarks.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_stay_partial() {
        assert_eq!(
            PartialDate::parse("2019").map(|d| d.to_string()),
            Ok("2019".into())
        );
        assert_eq!(
            PartialDate::parse("2019-02").map(|d| d.to_string()),
            Ok("2019-02".into())
        );
        assert_eq!(
            PartialDate::parse("2019-02-25").map(|d| d.to_string()),
            Ok("2019-02-25".into())
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(PartialDate::parse("2021-02-30").is_err());
        assert!(PartialDate::parse("2021-13").is_err());
        assert!(PartialDate::parse("21-02-03").is_err());
        assert!(PartialDate::parse("2021-02-03-04").is_err());
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(PartialDate::parse("2100-02-29").is_err());
    }

    #[test]
    fn dates_order_chronologically_with_partial_before_precise() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert!(d("2019") < d("2019-01"));
        assert!(d("2019-02") < d("2019-02-01"));
        assert!(d("2019-12-31") < d("2020"));
        assert!(d("2021-11-28").within(&d("2021-11")));
        assert!(!d("2021").within(&d("2021-11")));
    }
}

/// Which registries apply to a folder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Registries {
    /// The built-in registries, under the folder's own (whose entries win).
    #[default]
    BuiltIn,
    /// Only the folder's `actors.yaml` and `topics.yaml`.
    FolderOnly,
}
