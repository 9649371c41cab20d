//! The actor registry: canonical actors and every name they go by.

use std::collections::HashMap;

use crate::model::{Actor, ActorId, ActorKind};
use crate::text::fold;
use crate::topics::{Topics, words_start_with};

/// Canonical actors plus a lookup from any folded name, acronym or alias.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    actors: Vec<Actor>,
    by_name: HashMap<String, ActorId>,
    /// The topic registry read beside the actors (`topics.yaml`), if any.
    topics: Topics,
    /// Which `Registry::new` made it (0: none). Its registered actors are
    /// those it was made with, so what is derived from them alone (the
    /// names a query reads with a typo) is kept per edition.
    edition: u64,
}

/// Names are compared folded, with runs of spaces and hyphens collapsed.
pub fn name_key(name: &str) -> String {
    fold(name)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Registry {
    /// Builds the registry; returns messages for names claimed by two entries
    /// (the first entry keeps the name).
    pub fn new(entries: Vec<Actor>) -> (Registry, Vec<String>) {
        static EDITIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let mut reg = Registry {
            edition: EDITIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..Registry::default()
        };
        let mut clashes = Vec::new();
        for actor in entries {
            let id = reg.actors.len();
            for name in actor.names() {
                let key = name_key(name);
                if key.is_empty() {
                    continue;
                }
                match reg.by_name.get(&key) {
                    Some(&other) if other != id => clashes.push(format!(
                        "the name '{name}' of actor '{}' already belongs to '{}'",
                        actor.id, reg.actors[other].id
                    )),
                    Some(_) => {}
                    None => {
                        reg.by_name.insert(key, id);
                    }
                }
            }
            reg.actors.push(actor);
        }
        (reg, clashes)
    }

    /// Which `Registry::new` made this registry (or its original, for a
    /// clone): two with the same edition have the same registered actors.
    pub(crate) fn edition(&self) -> u64 {
        self.edition
    }

    pub fn topics(&self) -> &Topics {
        &self.topics
    }

    pub fn set_topics(&mut self, topics: Topics) {
        self.topics = topics;
    }

    /// Every actor `value` names: the one whose name, acronym or alias it is,
    /// first, then every actor one of whose names holds its words as word
    /// prefixes (`Nkurunziza` is "Nkurunziza" and "Pierre Nkurunziza").
    pub fn matching(&self, value: &str) -> Vec<ActorId> {
        let exact = self.resolve(value);
        exact
            .into_iter()
            .chain((0..self.actors.len()).filter(|&i| {
                Some(i) != exact && self.actors[i].names().any(|n| words_start_with(n, value))
            }))
            .collect()
    }

    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    pub fn get(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id)
    }

    /// The actor that has `name` as its name, acronym or an alias.
    pub fn resolve(&self, name: &str) -> Option<ActorId> {
        self.by_name.get(&name_key(name)).copied()
    }

    /// The actor for a name met in a briefing: the registry's, or a new
    /// unregistered actor of its own.
    pub fn resolve_or_add(&mut self, name: &str, kind: Option<ActorKind>) -> (ActorId, bool) {
        if let Some(id) = self.resolve(name) {
            return (id, true);
        }
        let id = self.actors.len();
        let mut slug: String = name_key(name)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        while slug.contains("--") {
            slug = slug.replace("--", "-");
        }
        self.actors.push(Actor {
            id: slug.trim_matches('-').to_string(),
            name: name.to_string(),
            short: None,
            aliases: Vec::new(),
            kind: kind.unwrap_or(ActorKind::Other),
            description: None,
            registered: false,
            offices: Vec::new(),
        });
        self.by_name.insert(name_key(name), id);
        (id, false)
    }

    /// The registered actor whose names come closest to `name`, for "did you mean".
    pub fn suggest(&self, name: &str) -> Option<&Actor> {
        let key = name_key(name);
        let names: Vec<(&str, ActorId)> = self
            .actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| a.names().map(move |n| (n, i)))
            .collect();
        if let Some(hit) = names
            .iter()
            .find(|(n, _)| key.len() >= 3 && name_key(n).starts_with(&key))
        {
            return self.actors.get(hit.1);
        }
        let best = crate::text::closest(name, names.iter().map(|(n, _)| *n))?;
        names
            .iter()
            .find(|(n, _)| *n == best)
            .and_then(|(_, i)| self.actors.get(*i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, name: &str, short: Option<&str>, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            short: short.map(Into::into),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind: ActorKind::Organisation,
            description: None,
            registered: true,
            offices: Vec::new(),
        }
    }

    #[test]
    fn every_name_of_an_actor_resolves_to_it() {
        let (reg, clashes) = Registry::new(vec![actor(
            "cidpm",
            "Centre international pour le développement des politiques migratoires",
            Some("CIDPM"),
            &["ICMPD"],
        )]);
        assert!(clashes.is_empty());
        assert_eq!(reg.resolve("icmpd"), Some(0));
        assert_eq!(reg.resolve("CIDPM"), Some(0));
        assert_eq!(
            reg.resolve("centre international pour le developpement des politiques  migratoires"),
            Some(0)
        );
        assert_eq!(reg.resolve("OIM"), None);
    }

    #[test]
    fn clashing_names_are_reported_and_first_wins() {
        let (reg, clashes) = Registry::new(vec![
            actor("a", "Alpha", Some("AL"), &[]),
            actor("b", "Beta", Some("al"), &[]),
        ]);
        assert_eq!(clashes.len(), 1);
        assert_eq!(reg.resolve("AL"), Some(0));
    }

    #[test]
    fn a_value_names_the_exact_actor_first_and_every_actor_it_is_a_word_of() {
        let (reg, _) = Registry::new(vec![
            actor("pierre", "Pierre Nkurunziza", None, &[]),
            actor("nk", "Nkurunziza", None, &[]),
            actor("other", "Agathon Rwasa", None, &[]),
        ]);
        assert_eq!(reg.matching("Nkurunziza"), vec![1, 0]);
        assert_eq!(reg.matching("pierre nku"), vec![0]);
        assert!(reg.matching("Ndayishimiye").is_empty());
    }

    #[test]
    fn unknown_names_become_their_own_actor_once() {
        let (mut reg, _) = Registry::new(vec![actor("a", "Alpha", None, &[])]);
        let (x, known) = reg.resolve_or_add("Groupe X", None);
        assert!(!known);
        assert_eq!(reg.resolve_or_add("groupe x", None), (x, true));
        assert_eq!(reg.actors()[x].id, "groupe-x");
    }
}
