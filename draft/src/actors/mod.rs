//! Actors named in a text: every name, acronym and alias of the registry
//! (whole words, after elisions such as "l'OIM"), the governments a sentence
//! designates ("ses homologues belges et néerlandais", "les gouvernements"
//! of the countries it lists), and a role only where the sentence says it
//! ("en coopération avec", "organisés par", "financé par"). Capitalised
//! organisation names that the registry does not know are only proposed.
//! A person named only by an office ("la Directrice exécutive d'Europol") is
//! its holder only when the meeting's year falls within the years held, or,
//! when the article gives no year, when the registry knows one holder only
//! (marked for checking).

use std::collections::HashMap;

use crate::matcher::{Matcher, key};
use brief_core::actors::Registry;
use brief_core::model::{ActorId, ActorKind, CountryCode};

mod names;
mod offices;
mod proposals;

/// An actor the text names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorGuess {
    pub id: ActorId,
    /// The name to write: the registry's acronym when the text uses it, else its name.
    pub name: String,
    /// The words of the text that name it.
    pub from: String,
    /// A role, and the words that say it.
    pub role: Option<(String, String)>,
    /// How the words name it, when not by a name: "office held 2019–2024".
    pub note: Option<String>,
}

/// Actors named by an office: the holders proposed, and what the reviewer
/// should know about the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeFinds {
    pub actors: Vec<ActorGuess>,
    /// One line per office named whose holder is not proposed, naming the
    /// candidates.
    pub notes: Vec<String>,
}

/// The year an office holder is checked against: the meeting's, or failing
/// it the publication's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFrom {
    Meeting(u16),
    Published(u16),
}

impl YearFrom {
    fn year(self) -> u16 {
        match self {
            YearFrom::Meeting(y) | YearFrom::Published(y) => y,
        }
    }
}

/// The registry's names, its offices, and its governments by country.
pub struct ActorIndex<'r> {
    registry: &'r Registry,
    names: Matcher<ActorId>,
    /// Office names, each to its index in `holders`.
    offices: Matcher<usize>,
    /// For each office name (folded), who held it: actor and office index.
    holders: Vec<Vec<(ActorId, usize)>>,
    governments: HashMap<CountryCode, ActorId>,
}

impl<'r> ActorIndex<'r> {
    pub fn new(registry: &'r Registry) -> ActorIndex<'r> {
        let mut names = Vec::new();
        let mut governments = HashMap::new();
        // One pattern per office name, however many held it.
        let mut office_names: Vec<(String, usize)> = Vec::new();
        let mut holders: Vec<Vec<(ActorId, usize)>> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (id, actor) in registry.actors().iter().enumerate() {
            if !actor.registered {
                continue;
            }
            for n in actor.names() {
                names.push((n.to_string(), id));
            }
            for (o, office) in actor.offices.iter().enumerate() {
                for n in &office.names {
                    let k = key(n);
                    if k.is_empty() {
                        continue;
                    }
                    let at = *by_key.entry(k).or_insert_with(|| {
                        holders.push(Vec::new());
                        office_names.push((n.clone(), holders.len() - 1));
                        holders.len() - 1
                    });
                    if let Some(h) = holders.get_mut(at)
                        && !h.contains(&(id, o))
                    {
                        h.push((id, o));
                    }
                }
            }
            if actor.kind == ActorKind::Government
                && let Some(code) = government_country(&actor.name)
            {
                governments.entry(code).or_insert(id);
            }
        }
        ActorIndex {
            registry,
            names: Matcher::new(names),
            offices: Matcher::new(office_names),
            holders,
            governments,
        }
    }

    pub fn registry(&self) -> &Registry {
        self.registry
    }

    /// The registry's government entry for a country, if any.
    pub fn government(&self, code: CountryCode) -> Option<ActorId> {
        self.governments.get(&code).copied()
    }
}

/// "Gouvernement du Mali" -> ML.
fn government_country(name: &str) -> Option<CountryCode> {
    let k = key(name);
    let rest = k.strip_prefix("gouvernement ")?;
    let rest = ["de la ", "de l'", "du ", "des ", "de "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let c = brief_core::countries::resolve(rest).ok()?;
    CountryCode::new(c.code)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How far a sentence reaches on each side of a word, in bytes: a sentence
/// is read around each date, city and name found, so an article without
/// sentence ends (one 8 MB line) must not make each one the whole text.
pub const SENTENCE_REACH: usize = 400;

/// The sentence of `text` around byte `at`, at most `SENTENCE_REACH` bytes
/// on each side.
pub fn sentence_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let at = floor_char(text, at.min(text.len()));
    let low = floor_char(text, at.saturating_sub(SENTENCE_REACH));
    let high = ceil_char(text, at.saturating_add(SENTENCE_REACH));
    let start = text[low..at].rfind(is_end).map_or(low, |p| low + p + 1);
    let end = text[at..high].find(is_end).map_or(high, |p| at + p + 1);
    start..end
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The last words of `text` before byte `at`, folded (`matcher::key`): at
/// most `reach` bytes, without a word cut at its start. What a word found
/// follows ("à", "in"), read without folding all the text before it.
pub fn key_before(text: &str, at: usize, reach: usize) -> String {
    let at = floor_char(text, at.min(text.len()));
    let low = floor_char(text, at.saturating_sub(reach));
    let mut window = &text[low..at];
    if low > 0 && !text[..low].ends_with(char::is_whitespace) {
        window = window
            .find(char::is_whitespace)
            .map_or("", |p| &window[p..]);
    }
    super::matcher::key(window)
}

/// Words (letters, with '/' inside acronyms) and where they start.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || (c == '/' && start.is_some());
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::model::{Actor, Office};

    fn person(id: &str, name: &str, office: &[&str], from: u16, to: Option<u16>) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            short: None,
            aliases: Vec::new(),
            kind: ActorKind::Person,
            description: None,
            registered: true,
            offices: vec![Office {
                names: office.iter().map(|s| s.to_string()).collect(),
                from,
                to,
            }],
        }
    }

    fn registry() -> Registry {
        let office = [
            "directeur exécutif de l’agence Frontex",
            "Executive Director of Frontex",
        ];
        Registry::new(vec![
            person(
                "ylva-johansson",
                "Ylva Johansson",
                &[
                    "commissaire européenne aux affaires intérieures",
                    "European Commissioner for Home Affairs",
                ],
                2019,
                Some(2024),
            ),
            person(
                "fabrice-leggeri",
                "Fabrice Leggeri",
                &office,
                2015,
                Some(2022),
            ),
            person("hans-leijtens", "Hans Leijtens", &office, 2023, None),
        ])
        .0
    }

    const TEXT: &str = "Étaient présents la Commissaire européenne aux Affaires Intérieures \
        et le Directeur exécutif de l'agence Frontex.";

    fn names(found: &OfficeFinds) -> Vec<&str> {
        found.actors.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn an_office_held_in_the_meetings_year_proposes_its_holder() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2021)));
        assert_eq!(names(&found), ["Ylva Johansson", "Fabrice Leggeri"]);
        assert!(found.notes.is_empty(), "{:?}", found.notes);
        let ylva = &found.actors[0];
        assert_eq!(
            ylva.from,
            "la Commissaire européenne aux Affaires Intérieures"
        );
        assert_eq!(ylva.note.as_deref(), Some("office held 2019–2024"));
        assert_eq!(ylva.role, None);
        // The years are inclusive.
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2019)));
        assert_eq!(names(&found), ["Ylva Johansson", "Fabrice Leggeri"]);
        // In English too.
        let found = index.by_office(
            "The European Commissioner for Home Affairs spoke.",
            Some(YearFrom::Meeting(2024)),
        );
        assert_eq!(names(&found), ["Ylva Johansson"]);
    }

    #[test]
    fn an_office_outside_its_years_proposes_nobody_but_says_so() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2012)));
        assert!(found.actors.is_empty());
        assert_eq!(found.notes.len(), 2);
        assert!(
            found.notes[0].contains("Ylva Johansson (office held 2019–2024); not in 2012"),
            "{:?}",
            found.notes
        );
        // After Leggeri, his successor.
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2025)));
        assert_eq!(names(&found), ["Hans Leijtens"]);
        assert_eq!(found.actors[0].note.as_deref(), Some("office held 2023–"));
    }

    #[test]
    fn the_publication_year_stands_in_for_the_meetings_and_says_so() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, Some(YearFrom::Published(2023)));
        assert_eq!(names(&found), ["Ylva Johansson", "Hans Leijtens"]);
        assert!(
            found.actors[0]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("publication year 2023")),
            "{:?}",
            found.actors[0].note
        );
    }

    #[test]
    fn without_a_date_the_only_holder_of_an_office_is_proposed_for_checking() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(
            "Étaient présents la Commissaire européenne aux Affaires Intérieures.",
            None,
        );
        assert_eq!(names(&found), ["Ylva Johansson"]);
        assert!(found.notes.is_empty(), "{:?}", found.notes);
        let ylva = &found.actors[0];
        assert_eq!(
            ylva.from,
            "la Commissaire européenne aux Affaires Intérieures"
        );
        assert_eq!(
            ylva.note.as_deref(),
            Some(
                "the only holder of this office in the registry, 2019–2024; \
                 the article gives no year: check"
            )
        );
        assert_eq!(ylva.role, None);
        // One person holding it twice is still its only holder.
        let mut actors = registry.actors().to_vec();
        let mut again = actors[0].offices[0].clone();
        (again.from, again.to) = (2026, None);
        actors[0].offices.push(again);
        let twice = Registry::new(actors).0;
        let found = ActorIndex::new(&twice).by_office(TEXT, None);
        assert_eq!(names(&found), ["Ylva Johansson"]);
        assert!(
            found.actors[0]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("registry, 2019–2024, 2026–;")),
            "{:?}",
            found.actors[0].note
        );
    }

    #[test]
    fn without_a_date_two_holders_of_an_office_are_only_named_as_candidates() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, None);
        // The Commissioner has one holder in the registry, Frontex's
        // Executive Director two: only the first is proposed.
        assert_eq!(names(&found), ["Ylva Johansson"]);
        assert!(
            !found
                .actors
                .iter()
                .any(|a| a.name.contains("Leggeri") || a.name.contains("Leijtens"))
        );
        assert_eq!(found.notes.len(), 1, "{:?}", found.notes);
        assert!(
            found.notes[0].starts_with(
                "\"le Directeur exécutif de l'agence Frontex\": \
                 Fabrice Leggeri (office held 2015–2022), Hans Leijtens (office held 2023–); no date"
            ),
            "{:?}",
            found.notes
        );
    }

    #[test]
    fn two_holders_in_the_same_year_propose_neither() {
        let mut actors = registry().actors().to_vec();
        actors[2].offices[0].from = 2022;
        let registry = Registry::new(actors).0;
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2022)));
        assert_eq!(names(&found), ["Ylva Johansson"]);
        assert!(
            found.notes[0].contains("all held it in 2022"),
            "{:?}",
            found.notes
        );
    }

    #[test]
    fn an_office_is_not_a_name_and_a_word_inside_it_is_not_an_office() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        // `find` does not take an office for a name.
        assert!(index.find(TEXT).is_empty());
        // Part of an office's name is not the office.
        let found = index.by_office(
            "le directeur exécutif a parlé de l'agence Frontex",
            Some(YearFrom::Meeting(2021)),
        );
        assert_eq!(found, OfficeFinds::default());
    }
}
