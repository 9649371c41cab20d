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
use crate::countries;
use crate::lang::Lang;
use crate::model::{ActorId, CountryCode, Day, PartialDate};
use crate::text::fold;
use crate::topics::TopicId;

/// Longest word a query keeps: longer ones are cut, with a notice.
pub const MAX_WORD_CHARS: usize = 64;
/// Most terms a query keeps: the rest are dropped, with a notice.
pub const MAX_TERMS: usize = 32;
/// Country names that are common words too, read as countries only with
/// more words (`La Réunion`, `île Maurice`) or in a filter (`pays:RE`).
const COMMON_WORDS: &[&str] = &["reunion", "maurice", "jersey", "chad", "turkey", "georgia"];

/// Most words a run read as one country, actor or topic may have.
const MAX_ENTITY_WORDS: usize = 16;

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

/// A run of plain tokens being read, as typed and without elisions, each
/// with whether it is negated.
struct Run<'a> {
    raw: &'a [(String, bool)],
    toks: Vec<(&'a str, bool)>,
}

impl<'a> Run<'a> {
    fn new(raw: &'a [(String, bool)]) -> Run<'a> {
        let toks = raw
            .iter()
            .map(|(t, neg)| (without_elision(t), *neg))
            .collect();
        Run { raw, toks }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    /// Tokens `i..j` joined, as typed (`Principauté d'Andorre`), then
    /// without elisions (`l'OIM`).
    fn spellings(&self, i: usize, j: usize) -> [String; 2] {
        let raw: Vec<&str> = self.raw[i..j].iter().map(|(t, _)| t.as_str()).collect();
        let bare: Vec<&str> = self.toks[i..j].iter().map(|(t, _)| *t).collect();
        [raw.join(" "), bare.join(" ")]
    }

    /// The longest stretch from `i` naming an entity exactly: where it
    /// ends, the entity, and the stretch as typed.
    fn entity_at(&self, i: usize, registry: &Registry) -> Option<(usize, Entity, String)> {
        (i + 1..=self.len().min(i + MAX_ENTITY_WORDS))
            .rev()
            .find_map(|j| {
                self.spellings(i, j)
                    .into_iter()
                    .find_map(|typed| read_entity(&typed, registry).map(|e| (j, e, typed)))
            })
    }

    /// The longest stretch from `i`, ending past `exact_end`, naming an
    /// entity with a typo in one word: where it ends, the entity, the name's
    /// words, and the stretch as typed.
    fn misspelt_at(
        &self,
        i: usize,
        exact_end: usize,
        actor_names: &[TypoName],
        known: &KnownWord<'_>,
    ) -> Option<(usize, Entity, Vec<String>, String)> {
        (exact_end + 1..=self.len().min(i + MAX_ENTITY_WORDS))
            .rev()
            .find_map(|j| {
                self.spellings(i, j).into_iter().find_map(|typed| {
                    typo_reading(&typed, actor_names, known).map(|(e, name, _)| (j, e, name, typed))
                })
            })
    }
}

/// `key:value` as a filter: `None` when `body` is not one (no key, or not
/// letters only); an error for an unknown key, no value or a bad one.
fn read_filter(body: &str, registry: &Registry) -> Result<Option<Filter>, QueryError> {
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
        /// The filter as typed: `date:2021-13`, `--since 21`.
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
            QueryError::InvalidDate { value, reason } => format!("{value}: {reason}"),
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

/// French elided articles and pronouns: `l'OIM` is read as `OIM`.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Folded alphanumeric words of `s`.
pub fn words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    crate::text::each_word(s, &mut String::new(), |w| words.push(w.to_string()));
    words
}

/// Lowercase with accents kept, ligatures and apostrophes as folding makes
/// them: the form a typed accent or a quoted word must match.
pub fn accent_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            '’' | '‘' | 'ʼ' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Alphanumeric words of `s` in `accent_form`.
pub fn accent_words(s: &str) -> Vec<String> {
    accent_form(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The other number of a folded French word, so that `passeurs` meets
/// `passeur`, `reseau` meets `reseaux` and `journal` meets `journaux`.
/// Words of fewer than 4 letters have none.
pub fn plural_forms(w: &str) -> Vec<String> {
    let n = w.chars().count();
    if n < 4 || !w.chars().all(|c| c.is_alphabetic()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(stem) = w.strip_suffix("aux") {
        out.push(format!("{stem}al"));
        out.push(format!("{stem}ail"));
        out.push(format!("{stem}au"));
    } else if let Some(stem) = w.strip_suffix("eux").or_else(|| w.strip_suffix("oux")) {
        out.push(w[..stem.len() + 2].to_string());
    } else if let Some(stem) = w.strip_suffix('s') {
        if !stem.ends_with('s') {
            out.push(stem.to_string());
        }
    } else if let Some(stem) = w.strip_suffix("al") {
        out.push(format!("{stem}aux"));
    } else if w.ends_with("au") || w.ends_with("eu") {
        out.push(format!("{w}x"));
    }
    out
}

/// `token` without a leading French elision (`l'`, `d'`, `qu'`...).
fn without_elision(token: &str) -> &str {
    let Some((at, c)) = token
        .char_indices()
        .find(|(_, c)| matches!(c, '\'' | '’' | 'ʼ' | '‘'))
    else {
        return token;
    };
    let rest = &token[at + c.len_utf8()..];
    if !rest.is_empty() && ELISIONS.contains(&fold(&token[..at]).as_str()) {
        rest
    } else {
        token
    }
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

/// The country, actor or topic that the words `typed` name, in any form the
/// country table or the registries know. Names of three letters or fewer
/// (codes, acronyms: `UK`, `NE`, `OIM`) count only typed in capitals, so
/// `ne`, `de` or `eau` stay words.
pub fn read_entity(typed: &str, registry: &Registry) -> Option<Entity> {
    let letters = typed.chars().filter(|c| c.is_alphanumeric()).count();
    // No name is that long: a huge word is not looked up.
    if letters == 0 || typed.len() > 4 * MAX_WORD_CHARS {
        return None;
    }
    if letters <= 3 && typed.chars().any(char::is_lowercase) {
        return None;
    }
    // An acronym (a name written in capitals: `ICMPD`, `USA`) counts typed
    // in capitals; in lower case it stays a word, matched fuzzily.
    let lower = typed.chars().any(char::is_lowercase);
    let key = crate::actors::name_key(typed);
    let acronym = |names: Vec<&str>| {
        lower
            && names.iter().any(|n| {
                crate::actors::name_key(n) == key
                    && n.chars().any(char::is_alphabetic)
                    && !n.chars().any(char::is_lowercase)
            })
    };
    if let Some(c) = countries::lookup(typed)
        && !COMMON_WORDS.contains(&fold(typed.trim()).as_str())
        && !acronym(c.names().collect())
        && let Some(code) = CountryCode::new(c.code)
    {
        return Some(Entity::Country(code));
    }
    if let Some(a) = registry.resolve(typed)
        && !registry
            .get(a)
            .is_some_and(|x| acronym(x.names().collect()))
    {
        return Some(Entity::Actor(a));
    }
    registry
        .topics()
        .resolve(typed)
        .filter(|&t| {
            !registry
                .topics()
                .get(t)
                .is_some_and(|x| acronym(x.names().collect()))
        })
        .map(Entity::Topic)
}

/// Whether a folded word is a word of the corpus (or the start of one):
/// such a word is never read as a misspelt name.
pub type KnownWord<'a> = dyn Fn(&str) -> bool + 'a;

/// Letters and digits of `s`.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Most edits a word of `letters` letters may carry (Meilisearch's rule, as
/// for words: 1 from 5 letters, 2 from 9).
fn name_budget(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A name as folded words, whether it is written in capitals (an acronym),
/// and what it names.
type TypoName = (Vec<String>, bool, Entity);

fn in_capitals(n: &str) -> bool {
    n.chars().any(char::is_alphabetic) && !n.chars().any(char::is_lowercase)
}

/// Every name of the country table but codes, built once.
fn country_typo_names() -> &'static [TypoName] {
    static NAMES: std::sync::OnceLock<Vec<TypoName>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = Vec::new();
        for c in countries::all() {
            let Some(code) = CountryCode::new(c.code) else {
                continue;
            };
            for n in c.names().skip(1) {
                if !COMMON_WORDS.contains(&fold(n).as_str()) {
                    out.push((words(n), in_capitals(n), Entity::Country(code)));
                }
            }
        }
        out
    })
}

/// Every name of every registered actor.
fn actor_typo_names(registry: &Registry) -> Vec<TypoName> {
    let mut out = Vec::new();
    for (id, a) in registry.actors().iter().enumerate() {
        if !a.registered {
            continue;
        }
        for n in a.names() {
            // A country's name taken by an actor reads as the country, as when exact.
            let entity = match countries::lookup(n).and_then(|c| CountryCode::new(c.code)) {
                Some(code) => Entity::Country(code),
                None => Entity::Actor(id),
            };
            out.push((words(n), in_capitals(n), entity));
        }
    }
    out
}

/// The country or actor that `typed` names with a typo in one word, when
/// only one does: the other words as the name writes them, the one word
/// within its edits (Damerau-Levenshtein; the budget of the longer of the
/// typed run and the name, 1 edit from 5 letters, 2 from 9; at most 1 in a
/// word of fewer than 5 letters). A word the corpus knows as typed (`known`)
/// is never taken for a misspelling; names in capitals (acronyms) count only
/// typed in capitals. Returns the entity, the name's words and the edits.
pub fn read_entity_with_typo(
    typed: &str,
    registry: &Registry,
    known: &KnownWord<'_>,
) -> Option<(Entity, Vec<String>, usize)> {
    typo_reading(typed, &actor_typo_names(registry), known)
}

fn typo_reading(
    typed: &str,
    actor_names: &[TypoName],
    known: &KnownWord<'_>,
) -> Option<(Entity, Vec<String>, usize)> {
    if typed.len() > 4 * MAX_WORD_CHARS {
        return None;
    }
    let typed_words = words(typed);
    let typed_letters = letters(typed);
    if typed_words.is_empty() || name_budget(typed_letters + 1) == 0 {
        return None;
    }
    let lower = typed.chars().any(char::is_lowercase);
    let mut best: Option<(usize, Entity, Vec<String>)> = None;
    let mut ambiguous = false;
    for (name, caps, entity) in country_typo_names().iter().chain(actor_names) {
        let (caps, entity) = (*caps, *entity);
        if name.len() != typed_words.len() || (caps && lower) {
            continue;
        }
        let mut differing = name.iter().zip(&typed_words).filter(|(a, b)| a != b);
        let (Some((want, got)), None) = (differing.next(), differing.next()) else {
            continue;
        };
        let name_letters: usize = name.iter().map(|w| w.chars().count()).sum();
        let word_letters = want.chars().count().max(got.chars().count());
        let budget =
            name_budget(typed_letters.max(name_letters)).min(name_budget(word_letters).max(1));
        if want.chars().count().abs_diff(got.chars().count()) > budget {
            continue;
        }
        let d = strsim::osa_distance(want, got);
        if d == 0 || d > budget {
            continue;
        }
        match &best {
            Some((b, e, _)) if *b == d && *e != entity => ambiguous = true,
            Some((b, _, _)) if *b <= d => {}
            _ => {
                ambiguous = false;
                best = Some((d, entity, name.clone()));
            }
        }
    }
    let (d, entity, name) = best.filter(|_| !ambiguous)?;
    // The misspelt word, if the corpus has it, is meant as written.
    let misspelt = typed_words.iter().zip(name.iter()).find(|(a, b)| a != b)?.0;
    (!known(misspelt)).then_some((entity, name, d))
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
