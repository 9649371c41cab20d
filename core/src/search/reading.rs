//! How a query was read, to show discreetly while it is typed: each term
//! read as a country, actor or topic, and what was cut from an oversized
//! query. Computed once with the results; said in the interface language by
//! `message` (the catalogue's words), never formatted in English here.

use super::ReadAs;
use crate::actors::Registry;
use crate::lang::Lang;
use crate::query::{Notice, Query};

/// One thing to say about how a query was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Words read as an entity (`royaume uni → country GB`); `typo` when
    /// read so despite a typo in one word (the words are then as typed).
    Entity {
        typed: String,
        read_as: ReadAs,
        typo: bool,
    },
    /// Something cut from an oversized query.
    Cut(Notice),
}

impl Reading {
    /// How each positive term of `query` was read, then what was cut from it.
    pub fn of(query: &Query, registry: &Registry) -> Vec<Reading> {
        let entities = query.terms.iter().filter_map(|t| {
            let e = t.entity?;
            Some(Reading::Entity {
                typed: t.typo.clone().unwrap_or_else(|| t.words.join(" ")),
                read_as: ReadAs::new(e, registry),
                typo: t.typo.is_some(),
            })
        });
        let cuts = query.notices.iter().map(|&n| Reading::Cut(n));
        entities.chain(cuts).collect()
    }

    /// The reading in `lang`: `royaume uni → pays GB`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            Reading::Entity {
                typed,
                read_as,
                typo,
            } => {
                let read = match read_as {
                    ReadAs::Country(code) => (t.read_as_country)(typed, code),
                    ReadAs::Actor(id) => (t.read_as_actor)(typed, id),
                    ReadAs::Topic(id) => (t.read_as_topic)(typed, id),
                };
                if *typo { read + t.read_with_typo } else { read }
            }
            Reading::Cut(notice) => notice.message(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_speak_the_interface_language() {
        let entity = Reading::Entity {
            typed: "Royame-Uni".into(),
            read_as: ReadAs::Country("GB".into()),
            typo: true,
        };
        assert_eq!(entity.message(Lang::En), "Royame-Uni → country GB (typo)");
        assert_eq!(
            entity.message(Lang::Fr),
            "Royame-Uni → pays GB (faute de frappe)"
        );
        let actor = Reading::Entity {
            typed: "oim".into(),
            read_as: ReadAs::Actor("oim".into()),
            typo: false,
        };
        assert_eq!(actor.message(Lang::Fr), "oim → acteur oim");
        let cut = Reading::Cut(Notice::TermsCut);
        assert_eq!(cut.message(Lang::En), "query cut to its first 32 terms");
        assert_eq!(
            cut.message(Lang::Fr),
            "requête réduite à ses 32 premiers termes"
        );
    }
}
