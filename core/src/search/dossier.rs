//! A dossier: what the corpus says about one actor or one country. Its
//! meetings (newest first), the first and the last, how many a year, the
//! actors and countries it meets with most, its topics and places, and for
//! an actor the roles it was listed in, with when. Everything is read from
//! the index's columns (dates, place, countries, actors, roles, topic and
//! place entries): no briefing is decoded, so a dossier of 100,000
//! briefings is a few passes over small integers.
//!
//! `brief dossier NAME` and the browser's dossier view both call `dossier`;
//! `named` reads a name as the CLI is given it.

use std::cmp::Reverse;

use super::Hit;
use super::periods::{Grain, periods};
use super::stats::{By, Row, stats};
use crate::index::NO_ROLE;
use crate::lang::Lang;
use crate::load::Folder;
use crate::model::{ActorId, ActorKind, CountryCode, Name, PartialDate};
use crate::text::{NameMatch, fold, name_match};

/// Whose dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Actor(ActorId),
    Country(CountryCode),
}

/// A role an actor was listed in, how often, and the first and last
/// meetings in it (dated ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSeen {
    pub role: Name,
    pub count: usize,
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
}

/// Everything a dossier shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dossier {
    pub subject: Subject,
    /// Its meetings, newest first, the undated last (indices in the corpus,
    /// which keeps its briefings in that order).
    pub meetings: Vec<usize>,
    /// The earliest and the latest meeting dates.
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
    /// Meetings with no date.
    pub undated: usize,
    /// Meetings per year, every year from the first to the last (a year
    /// with none at 0), oldest first; a meeting over two years counts in both.
    pub years: Vec<(u16, usize)>,
    /// The actors it meets with, most often first (itself left out).
    pub actors: Vec<(ActorId, usize)>,
    /// The countries its meetings concern, most often first (itself left out).
    pub countries: Vec<(CountryCode, usize)>,
    /// Its meetings' topics and places, most frequent first.
    pub topics: Vec<Row>,
    pub places: Vec<Row>,
    /// For an actor: the roles it was listed in, most frequent first.
    pub roles: Vec<RoleSeen>,
    /// For a country: how many of its meetings took place there.
    pub held_there: usize,
}

/// Longest run of years filled in: a date far off (a typo) leaves gaps.
const MAX_YEARS: u16 = 200;

/// The briefings of `subject`: listing the actor; listing the country or
/// held there. In corpus order, which is newest first.
pub fn meetings(corpus: &Folder, subject: Subject) -> Vec<usize> {
    let idx = corpus.index();
    match subject {
        Subject::Actor(a) => (idx.doc_actors.iter().enumerate())
            .filter(|(_, l)| l.iter().any(|&x| x as usize == a))
            .map(|(d, _)| d)
            .collect(),
        Subject::Country(c) => {
            let k = idx.countries.iter().position(|&x| x == c);
            (idx.doc_countries.iter().zip(idx.docs.iter()).enumerate())
                .filter(|(_, (l, f))| {
                    f.place == Some(c) || k.is_some_and(|k| l.iter().any(|&x| x as usize == k))
                })
                .map(|(d, _)| d)
                .collect()
        }
    }
}

/// The dossier of `subject`, labels (places) in `lang`.
pub fn dossier(corpus: &Folder, subject: Subject, lang: Lang) -> Dossier {
    let idx = corpus.index();
    let meetings = meetings(corpus, subject);
    let hits: Vec<Hit> = meetings.iter().map(|&doc| Hit { doc, score: 0 }).collect();
    let dates = || {
        meetings
            .iter()
            .filter_map(|&d| idx.docs.get(d).and_then(|f| f.date))
    };
    let first = dates().min();
    let last = dates().max();
    let p = periods(corpus, &hits, Grain::Year);
    let mut years: Vec<(u16, usize)> = Vec::new();
    for (period, n) in &p.counts {
        if let Some(&(prev, _)) = years.last()
            && period.year > prev + 1
            && period.year - prev < MAX_YEARS
        {
            years.extend((prev + 1..period.year).map(|y| (y, 0)));
        }
        years.push((period.year, *n));
    }

    let me_actor = match subject {
        Subject::Actor(a) => Some(a),
        Subject::Country(_) => None,
    };
    let me_country = match subject {
        Subject::Country(c) => idx.countries.iter().position(|&x| x == c),
        Subject::Actor(_) => None,
    };
    // Each meeting counts once per actor and country, even when listed twice.
    let mut actor_n = vec![0usize; corpus.registry.actors().len()];
    let mut actor_at = vec![usize::MAX; actor_n.len()];
    let mut country_n = vec![0usize; idx.countries.len()];
    let mut country_at = vec![usize::MAX; country_n.len()];
    for &d in &meetings {
        for &a in idx.doc_actors.get(d).into_iter().flatten() {
            let a = a as usize;
            if Some(a) != me_actor
                && let (Some(n), Some(at)) = (actor_n.get_mut(a), actor_at.get_mut(a))
                && *at != d
            {
                *n += 1;
                *at = d;
            }
        }
        for &c in idx.doc_countries.get(d).into_iter().flatten() {
            let c = c as usize;
            if Some(c) != me_country
                && let (Some(n), Some(at)) = (country_n.get_mut(c), country_at.get_mut(c))
                && *at != d
            {
                *n += 1;
                *at = d;
            }
        }
    }
    let mut actors: Vec<(ActorId, usize)> = (actor_n.into_iter().enumerate())
        .filter(|&(_, n)| n > 0)
        .collect();
    actors.sort_unstable_by_key(|&(a, n)| (Reverse(n), idx.actor_rank.get(a).copied()));
    let mut countries: Vec<(CountryCode, usize)> = (country_n.into_iter().enumerate())
        .filter(|&(_, n)| n > 0)
        .filter_map(|(i, n)| idx.countries.get(i).map(|&c| (c, n)))
        .collect();
    countries.sort_by_cached_key(|&(c, n)| (Reverse(n), fold(c.name(lang))));

    let roles = match subject {
        Subject::Actor(a) => roles_seen(corpus, a, &meetings),
        Subject::Country(_) => Vec::new(),
    };
    let held_there = match subject {
        Subject::Country(c) => (meetings.iter())
            .filter(|&&d| idx.docs.get(d).is_some_and(|f| f.place == Some(c)))
            .count(),
        Subject::Actor(_) => 0,
    };
    Dossier {
        subject,
        first,
        last,
        undated: p.undated,
        years,
        actors,
        countries,
        topics: stats(corpus, &hits, By::Topic, lang).rows,
        places: stats(corpus, &hits, By::Place, lang).rows,
        roles,
        held_there,
        meetings,
    }
}

/// The roles `actor` was listed in at `meetings`.
fn roles_seen(corpus: &Folder, actor: ActorId, meetings: &[usize]) -> Vec<RoleSeen> {
    let idx = corpus.index();
    let mut seen: rustc_hash::FxHashMap<u32, RoleSeen> = Default::default();
    for &d in meetings {
        let (Some(actors), Some(roles)) = (idx.doc_actors.get(d), idx.doc_roles.get(d)) else {
            continue;
        };
        let date = idx.docs.get(d).and_then(|f| f.date);
        let mut counted: Vec<u32> = Vec::new();
        for (&a, &r) in actors.iter().zip(roles) {
            if a as usize != actor || r == NO_ROLE || counted.contains(&r) {
                continue;
            }
            counted.push(r);
            let Some(name) = idx.roles.get(r as usize) else {
                continue;
            };
            let e = seen.entry(r).or_insert_with(|| RoleSeen {
                role: name.clone(),
                count: 0,
                first: None,
                last: None,
            });
            e.count += 1;
            if let Some(date) = date {
                e.first = Some(e.first.map_or(date, |f| f.min(date)));
                e.last = Some(e.last.map_or(date, |l| l.max(date)));
            }
        }
    }
    let mut roles: Vec<RoleSeen> = seen.into_values().collect();
    roles.sort_by_cached_key(|r| (Reverse(r.count), fold(&r.role)));
    roles
}

/// The subject's name (`Agence … (Frontex)`, `Niger (NE)`) and the lines
/// about who it is, as `(label, value)` in `lang`: its names, its code, its
/// kind, an actor's offices.
pub fn identity(corpus: &Folder, subject: Subject, lang: Lang) -> (String, Vec<(String, String)>) {
    let t = &lang.text().dossier;
    let mut lines = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    match subject {
        Subject::Actor(a) => {
            let Some(actor) = corpus.registry.get(a) else {
                return (String::new(), lines);
            };
            for n in actor.names() {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            lines.push((t.names.to_string(), names.join(" · ")));
            let i = (ActorKind::ALL.iter())
                .position(|k| *k == actor.kind)
                .unwrap_or(0);
            lines.push((t.kind.to_string(), t.kinds[i].to_string()));
            for o in &actor.offices {
                lines.push((
                    t.offices.to_string(),
                    format!("{} ({})", o.names.join(" · "), o.years()),
                ));
            }
            (actor.label(), lines)
        }
        Subject::Country(c) => {
            let country = c.country();
            for n in [c.name(lang), country.name_fr, country.name_en]
                .into_iter()
                .chain(country.variants.iter().copied())
            {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            lines.push((t.names.to_string(), names.join(" · ")));
            lines.push((t.code.to_string(), c.as_str().to_string()));
            lines.push((t.kind.to_string(), t.country.to_string()));
            (format!("{} ({c})", c.name(lang)), lines)
        }
    }
}

impl Dossier {
    /// `6 meetings, the first 2016, the last 2023-02-01 · 1 undated · 4 held there`.
    pub fn summary(&self, lang: Lang) -> String {
        let t = &lang.text().dossier;
        let date = |d: Option<PartialDate>| d.map(|d| d.to_string());
        let mut s = (t.summary)(
            self.meetings.len(),
            date(self.first).as_deref(),
            date(self.last).as_deref(),
        );
        if self.undated > 0 {
            s.push_str(" · ");
            s.push_str(&(t.undated)(self.undated));
        }
        if matches!(self.subject, Subject::Country(_)) && self.held_there > 0 {
            s.push_str(" · ");
            s.push_str(&(t.held_there)(self.held_there));
        }
        s
    }

    /// The roles seen, one line each: `participant, 6 meetings, 2016 → 2023-02-01`.
    pub fn role_lines(&self, lang: Lang) -> Vec<String> {
        let t = &lang.text().dossier;
        let date = |d: Option<PartialDate>| d.map(|d| d.to_string());
        self.roles
            .iter()
            .map(|r| {
                (t.role)(
                    &r.role,
                    r.count,
                    date(r.first).as_deref(),
                    date(r.last).as_deref(),
                )
            })
            .collect()
    }
}

/// How many meetings each of `subjects` has, in one pass over the columns.
fn meeting_counts(corpus: &Folder, subjects: &[Subject]) -> Vec<usize> {
    if let [one] = subjects {
        return vec![meetings(corpus, *one).len()];
    }
    let idx = corpus.index();
    let mut actors = vec![0usize; corpus.registry.actors().len()];
    let mut actor_at = vec![usize::MAX; actors.len()];
    let mut listed = vec![0usize; idx.countries.len()];
    let mut places: rustc_hash::FxHashMap<CountryCode, usize> = Default::default();
    for (d, list) in idx.doc_actors.iter().enumerate() {
        for &a in list {
            // A briefing naming an actor twice counts once.
            if let (Some(n), Some(at)) = (actors.get_mut(a as usize), actor_at.get_mut(a as usize))
                && *at != d
            {
                *n += 1;
                *at = d;
            }
        }
        let here = idx.docs.get(d).and_then(|f| f.place);
        for &c in idx.doc_countries.get(d).into_iter().flatten() {
            if let Some(n) = listed.get_mut(c as usize) {
                *n += 1;
            }
        }
        if let Some(p) = here {
            let k = idx.countries.iter().position(|&x| x == p);
            // Held there and not listed: counted once, apart.
            let listed_too = k.is_some_and(|k| {
                idx.doc_countries
                    .get(d)
                    .is_some_and(|l| l.iter().any(|&c| c as usize == k))
            });
            if !listed_too {
                *places.entry(p).or_default() += 1;
            }
        }
    }
    subjects
        .iter()
        .map(|s| match *s {
            Subject::Actor(a) => actors.get(a).copied().unwrap_or(0),
            Subject::Country(c) => {
                let k = idx.countries.iter().position(|&x| x == c);
                k.and_then(|k| listed.get(k)).copied().unwrap_or(0)
                    + places.get(&c).copied().unwrap_or(0)
            }
        })
        .collect()
}

/// The subject a name names, as `brief dossier NAME` reads it: an actor by
/// any of its names, acronyms or aliases, or a country by its code or a
/// name in either language; else an actor or country one of whose names
/// starts with it (the one with the most meetings). `Err` with a
/// suggestion (a close name, typos included) when nothing is named.
pub fn named(corpus: &Folder, name: &str) -> Result<Subject, Option<String>> {
    let registry = &corpus.registry;
    if let Some(a) = registry.resolve(name) {
        return Ok(Subject::Actor(a));
    }
    if let Some(c) = crate::countries::lookup(name).and_then(|c| CountryCode::new(c.code)) {
        return Ok(Subject::Country(c));
    }
    // Forgiving: the start of a name's words (`nkuru`, `burkina`), as the
    // search and the panes read them.
    let mut candidates: Vec<Subject> = registry
        .matching(name)
        .into_iter()
        .map(Subject::Actor)
        .collect();
    if fold(name.trim()).chars().count() >= 3 {
        let mut best: Option<NameMatch> = None;
        let mut found: Vec<Subject> = Vec::new();
        for c in crate::countries::all() {
            let Some(how) = c.names().filter_map(|n| name_match(n, name)).min() else {
                continue;
            };
            if how > NameMatch::WordStart {
                continue;
            }
            let Some(code) = CountryCode::new(c.code) else {
                continue;
            };
            match best {
                Some(b) if how > b => {}
                Some(b) if how == b => found.push(Subject::Country(code)),
                _ => {
                    best = Some(how);
                    found = vec![Subject::Country(code)];
                }
            }
        }
        candidates.extend(found);
    }
    let counts = meeting_counts(corpus, &candidates);
    if let Some((s, _)) = candidates
        .iter()
        .copied()
        .zip(counts)
        .max_by_key(|&(s, n)| (n, Reverse(label_key(corpus, s))))
    {
        return Ok(s);
    }
    let actor = registry.suggest(name).map(|a| a.short_label().to_string());
    let country = crate::countries::resolve(name)
        .err()
        .flatten()
        .map(|c| c.name_en.to_string());
    Err(actor.or(country))
}

fn label_key(corpus: &Folder, s: Subject) -> String {
    match s {
        Subject::Actor(a) => corpus
            .registry
            .get(a)
            .map(|a| fold(&a.name))
            .unwrap_or_default(),
        Subject::Country(c) => fold(c.name_en()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(dir: &str) -> Folder {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(dir);
        crate::load::load_dir(&dir, &Default::default(), &|_, _| {}).expect("loads")
    }

    fn actor(corpus: &Folder, name: &str) -> ActorId {
        corpus.registry.resolve(name).expect("a known actor")
    }

    fn ids(corpus: &Folder, docs: &[usize]) -> Vec<String> {
        docs.iter()
            .map(|&d| {
                corpus
                    .index()
                    .docs
                    .get(d)
                    .map_or(String::new(), |f| f.id.to_string())
            })
            .collect()
    }

    fn date(s: &str) -> Option<PartialDate> {
        PartialDate::parse(s).ok()
    }

    #[test]
    fn a_country_has_its_meetings_newest_first_first_last_and_a_bar_per_year() {
        let corpus = load("dates");
        let niger = CountryCode::new("NE").expect("Niger");
        let d = dossier(&corpus, Subject::Country(niger), Lang::En);
        assert_eq!(
            ids(&corpus, &d.meetings),
            [
                "2022-niger-forum",
                "2021-06-niger-frontieres",
                "2021-rapport-annuel",
                "2019-niger-bilan",
                "2017-11-niger-passeurs",
                "2016-03-niamey-oim",
                "sans-date-niger-note",
            ]
        );
        assert_eq!(d.first, date("2016-03-10"));
        assert_eq!(d.last, date("2022"));
        assert_eq!(d.undated, 1);
        // Every year from the first to the last, 2018 and 2020 at 0.
        assert_eq!(
            d.years,
            [
                (2016, 1),
                (2017, 1),
                (2018, 0),
                (2019, 1),
                (2020, 0),
                (2021, 2),
                (2022, 1)
            ]
        );
        assert!(d.roles.is_empty());
        assert!(d.held_there <= d.meetings.len());
        assert!(d.countries.iter().all(|&(c, _)| c != niger));
    }

    #[test]
    fn an_actor_counts_who_it_meets_each_meeting_once_and_its_roles_with_dates() {
        let corpus = load("dates");
        let frontex = actor(&corpus, "Frontex");
        let d = dossier(&corpus, Subject::Actor(frontex), Lang::En);
        assert_eq!(
            ids(&corpus, &d.meetings),
            [
                "2023-02-tunisie-accord",
                "2021-06-15-frontex-atelier",
                "2021-06-niger-frontieres",
                "2021-05-tunisie-garde-cotes",
                "2018-12-libye-conference",
                "2016-frontex-tunis",
            ]
        );
        assert_eq!(d.first, date("2016"));
        assert_eq!(d.last, date("2023-02-01"));
        assert_eq!(d.years.first(), Some(&(2016, 1)));
        assert_eq!(d.years.len(), 8);
        assert!(d.actors.iter().all(|&(a, _)| a != frontex));
        let participant = d
            .roles
            .iter()
            .find(|r| r.role == "participant")
            .expect("the role of the Warsaw workshop");
        assert_eq!(participant.count, 6);
        assert_eq!(participant.first, date("2016"));
        assert_eq!(participant.last, date("2023-02-01"));

        // Co-occurrence against a count made by hand from the briefings.
        let corpus = load("briefings");
        let oim = actor(&corpus, "OIM");
        let d = dossier(&corpus, Subject::Actor(oim), Lang::En);
        let mut by_hand: rustc_hash::FxHashMap<ActorId, usize> = Default::default();
        let mut countries: rustc_hash::FxHashMap<CountryCode, usize> = Default::default();
        for &m in &d.meetings {
            let b = corpus.briefings.get(m).expect("a meeting");
            let mut seen: Vec<ActorId> = b.actors.iter().map(|a| a.actor).collect();
            seen.sort_unstable();
            seen.dedup();
            for a in seen.into_iter().filter(|&a| a != oim) {
                *by_hand.entry(a).or_default() += 1;
            }
            for &c in &b.countries {
                *countries.entry(c).or_default() += 1;
            }
        }
        assert_eq!(d.actors.len(), by_hand.len());
        for &(a, n) in &d.actors {
            assert_eq!(by_hand.get(&a), Some(&n), "{a}");
        }
        assert_eq!(d.countries.len(), countries.len());
        for &(c, n) in &d.countries {
            assert_eq!(countries.get(&c), Some(&n), "{c}");
        }
        // Most often first.
        assert!(d.actors.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(d.countries.windows(2).all(|w| w[0].1 >= w[1].1));
        let total: usize = d.years.iter().map(|(_, n)| n).sum();
        assert!(total + d.undated >= d.meetings.len());
    }

    #[test]
    fn names_are_read_forgivingly_and_a_typo_gets_a_suggestion() {
        let corpus = load("briefings");
        let oim = actor(&corpus, "OIM");
        assert_eq!(named(&corpus, "IOM"), Ok(Subject::Actor(oim)));
        assert_eq!(named(&corpus, "oim"), Ok(Subject::Actor(oim)));
        let ne = CountryCode::new("NE").expect("Niger");
        assert_eq!(named(&corpus, "Niger"), Ok(Subject::Country(ne)));
        assert_eq!(named(&corpus, "ne"), Ok(Subject::Country(ne)));
        let bf = CountryCode::new("BF").expect("Burkina Faso");
        assert_eq!(named(&corpus, "burkina"), Ok(Subject::Country(bf)));
        assert_eq!(
            named(&corpus, "Royaume-Uni"),
            Ok(Subject::Country(CountryCode::new("GB").expect("GB")))
        );
        assert!(matches!(named(&corpus, "Nigr"), Err(Some(_))));
        assert_eq!(named(&corpus, "zzzzzzzzqqq"), Err(None));
    }

    #[test]
    fn counts_in_one_pass_are_the_meetings_counted_one_by_one() {
        let corpus = load("dates");
        let mut all: Vec<Subject> = (0..corpus.registry.actors().len())
            .map(Subject::Actor)
            .collect();
        for code in ["NE", "TN", "BI", "LY", "PL", "FR"] {
            all.push(Subject::Country(CountryCode::new(code).expect("a code")));
        }
        let one_by_one: Vec<usize> = all.iter().map(|&s| meetings(&corpus, s).len()).collect();
        assert_eq!(meeting_counts(&corpus, &all), one_by_one);
    }
}
