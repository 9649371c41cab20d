//! A corpus: the briefings, newest first, the registries they were read
//! with, and the problems met reading them. Data only: where it came from is
//! its `Source`, what searches read is its `SearchIndex` (both in a `Folder`).

use crate::actors::Registry;
use crate::lang::Lang;
use crate::model::{Actor, ActorId, Briefing, Problem, Severity};

#[derive(Debug, Default)]
pub struct Corpus {
    /// Newest first, undated last; from the cache, each decoded when read.
    pub briefings: crate::briefings::Briefings,
    pub registry: Registry,
    pub problems: Vec<Problem>,
}

impl Corpus {
    pub fn new(
        briefings: impl Into<crate::briefings::Briefings>,
        registry: Registry,
        problems: Vec<Problem>,
    ) -> Corpus {
        Corpus {
            briefings: briefings.into(),
            registry,
            problems,
        }
    }

    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.registry.get(id)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }

    /// Problems of `severity` that are real problems: actor names merely not
    /// in `actors.yaml` (every name, in a folder without one) are left out.
    pub fn count_real(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity && !p.is_unregistered_actor())
            .count()
    }

    /// Actor names not in `actors.yaml`, each reported once.
    pub fn count_unregistered(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.is_unregistered_actor())
            .count()
    }
}

/// Actors of one kind in a briefing, each with its role.
pub type ActorGroup<'a> = (crate::model::ActorKind, Vec<(&'a Actor, Option<&'a str>)>);

/// The reading form of a briefing shared by `brief show` and the TUI reader, so they never disagree.
impl Corpus {
    /// Actors grouped by kind (registry order of kinds), each with its role.
    pub fn actors_by_kind<'a>(&'a self, b: &'a Briefing) -> Vec<ActorGroup<'a>> {
        crate::model::ActorKind::ALL
            .iter()
            .filter_map(|kind| {
                let group: Vec<_> = b
                    .actors
                    .iter()
                    .filter_map(|r| self.actor(r.actor).map(|a| (a, r.role.as_deref())))
                    .filter(|(a, _)| a.kind == *kind)
                    .collect();
                (!group.is_empty()).then_some((*kind, group))
            })
            .collect()
    }

    /// Metadata lines, in reading order, with values in `lang`; empty fields
    /// are left out, except the date (`unknown` when there is none).
    pub fn metadata(&self, b: &Briefing, lang: Lang) -> Vec<(MetaField, String)> {
        let t = lang.text();
        let mut out = Vec::new();
        let date = b.date_label();
        out.push((
            MetaField::Date,
            if date.is_empty() {
                t.undated.to_string()
            } else {
                date
            },
        ));
        if let Some(n) = &b.date_note {
            out.push((MetaField::Note, n.clone()));
        }
        if !b.location.is_empty() {
            out.push((MetaField::Place, b.location.label(lang)));
        }
        if !b.countries.is_empty() {
            let names: Vec<String> = b
                .countries
                .iter()
                .map(|c| format!("{} ({c})", c.name(lang)))
                .collect();
            out.push((MetaField::Countries, names.join(", ")));
        }
        if !b.topics.is_empty() {
            out.push((MetaField::Topics, b.topics.join(", ")));
        }
        if let Some(p) = &b.source.publisher {
            out.push((MetaField::Source, p.clone()));
        }
        if let Some(p) = &b.published {
            out.push((MetaField::Published, p.to_string()));
        }
        if let Some(u) = &b.source.url {
            out.push((MetaField::Url, u.clone()));
        }
        if !b.source.translations.is_empty() {
            out.push((MetaField::Translations, b.source.translations.join(", ")));
        }
        if !b.related.is_empty() {
            out.push((MetaField::Related, b.related.join(", ")));
        }
        out
    }
}

/// A metadata line's field: `label` names it in the interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    Date,
    Note,
    Place,
    Countries,
    Topics,
    Source,
    Published,
    Url,
    Translations,
    Related,
}

impl MetaField {
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.text();
        match self {
            MetaField::Date => t.date,
            MetaField::Note => t.note,
            MetaField::Place => t.place,
            MetaField::Countries => t.countries,
            MetaField::Topics => t.topics,
            MetaField::Source => t.source,
            MetaField::Published => t.published,
            MetaField::Url => t.url,
            MetaField::Translations => t.translations,
            MetaField::Related => t.see_also,
        }
    }
}
