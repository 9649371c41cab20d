//! Words read as a country, an actor or a topic: exactly, or with a typo
//! in one word (`Marroc` -> Morocco).

use super::tokens::{without_elision, words};
use super::{COMMON_WORDS, Entity, MAX_WORD_CHARS};
use crate::actors::Registry;
use crate::countries;
use crate::model::CountryCode;
use crate::text::fold;

/// Most words a run read as one country, actor or topic may have.
const MAX_ENTITY_WORDS: usize = 16;

/// A run of plain tokens being read, as typed and without elisions, each
/// with whether it is negated.
pub(super) struct Run<'a> {
    raw: &'a [(String, bool)],
    pub(super) toks: Vec<(&'a str, bool)>,
}

impl<'a> Run<'a> {
    pub(super) fn new(raw: &'a [(String, bool)]) -> Run<'a> {
        let toks = raw
            .iter()
            .map(|(t, neg)| (without_elision(t), *neg))
            .collect();
        Run { raw, toks }
    }

    pub(super) fn len(&self) -> usize {
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
    pub(super) fn entity_at(
        &self,
        i: usize,
        registry: &Registry,
    ) -> Option<(usize, Entity, String)> {
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
    pub(super) fn misspelt_at(
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

/// Every name of every registered actor: made once per registry (its
/// edition), not at every keystroke (thousands of names folded and looked
/// up as countries were a sixth of a keystroke's search at 100,000
/// briefings).
pub(super) fn actor_typo_names(registry: &Registry) -> std::sync::Arc<Vec<TypoName>> {
    type Made = Option<(u64, std::sync::Arc<Vec<TypoName>>)>;
    static LAST: std::sync::Mutex<Made> = std::sync::Mutex::new(None);
    let edition = registry.edition();
    if let Ok(last) = LAST.lock()
        && let Some((e, names)) = &*last
        && *e == edition
    {
        return names.clone();
    }
    let names = std::sync::Arc::new(make_actor_typo_names(registry));
    if let Ok(mut last) = LAST.lock() {
        *last = Some((edition, names.clone()));
    }
    names
}

fn make_actor_typo_names(registry: &Registry) -> Vec<TypoName> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind};

    fn registry(names: &[&str]) -> Registry {
        let actors = names
            .iter()
            .map(|n| Actor {
                id: n.to_lowercase(),
                name: n.to_string(),
                short: None,
                aliases: Vec::new(),
                kind: ActorKind::Other,
                description: None,
                registered: true,
                offices: Vec::new(),
            })
            .collect();
        Registry::new(actors).0
    }

    /// The names read with a typo are made once per registry and kept:
    /// each registry reads its own, whichever was read before.
    #[test]
    fn each_registry_reads_typos_in_its_own_names() {
        let (europol, interpol) = (registry(&["Europol"]), registry(&["Interpol"]));
        let unknown = |_: &str| false;
        let named = |typed: &str, r: &Registry| {
            read_entity_with_typo(typed, r, &unknown).map(|(_, name, _)| name.join(" "))
        };
        for _ in 0..2 {
            assert_eq!(named("Europl", &europol).as_deref(), Some("europol"));
            assert_eq!(named("Europl", &interpol), None);
            assert_eq!(named("Interpl", &interpol).as_deref(), Some("interpol"));
            assert_eq!(named("Interpl", &europol), None);
        }
        // A clone reads as its original; a registry made again anew.
        assert_eq!(
            named("Europl", &europol.clone()).as_deref(),
            Some("europol")
        );
        assert_ne!(europol.edition(), registry(&["Europol"]).edition());
    }
}
