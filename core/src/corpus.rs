//! A loaded folder: briefings newest first, the actor registry, the problems met, the search index.

use crate::actors::Registry;
use crate::index::{Index, TextIndex};
use crate::lang::Lang;
use crate::model::{Actor, ActorId, Briefing, Problem, Severity};
use crate::stamp::{Seen, Stamp};

#[derive(Debug, Default)]
pub struct Corpus {
    /// Newest first, undated last.
    pub briefings: Vec<std::sync::Arc<Briefing>>,
    pub registry: Registry,
    pub problems: Vec<Problem>,
    /// Where it came from, for display (`briefings`, `built-in corpus`).
    pub origin: String,
    /// Built on first search, so listing and checking never pay for it.
    index: std::sync::OnceLock<Index>,
    /// Summary and body words: the costly part, built on the first word searched.
    text_index: std::sync::OnceLock<TextIndex>,
    /// Set when the corpus was read from files and may be cached.
    pub(crate) to_cache: Option<ToCache>,
    /// True when it was read from the cache rather than the files.
    pub from_cache: bool,
    /// Every file as it was when read, for live reload.
    pub(crate) seen: Option<Seen>,
}

/// What writing the cache of a freshly read folder needs.
#[derive(Debug)]
pub(crate) struct ToCache {
    pub dir: std::path::PathBuf,
    pub root: std::path::PathBuf,
    pub max_file_size: u64,
    pub stamps: Vec<Stamp>,
}

impl Corpus {
    pub fn new(
        briefings: Vec<std::sync::Arc<Briefing>>,
        registry: Registry,
        problems: Vec<Problem>,
        origin: String,
    ) -> Corpus {
        Corpus {
            briefings,
            registry,
            problems,
            origin,
            index: std::sync::OnceLock::new(),
            text_index: std::sync::OnceLock::new(),
            to_cache: None,
            from_cache: false,
            seen: None,
        }
    }

    /// The search index, built now if it is not yet.
    pub(crate) fn index(&self) -> &Index {
        self.index
            .get_or_init(|| Index::build(&self.briefings, &self.registry))
    }

    pub(crate) fn text_index(&self) -> &TextIndex {
        self.text_index
            .get_or_init(|| TextIndex::build(&self.briefings))
    }

    /// After a reload from `prev` (`doc_map` from `reload::doc_map`): the
    /// parts of `prev`'s search index already built are carried over, updated
    /// for the briefings that changed, instead of built again from nothing.
    /// Worth it while few changed; otherwise the index is built as usual.
    pub fn carry_index(&self, prev: &Corpus, doc_map: &[Option<usize>]) {
        let kept: Vec<Option<u32>> = doc_map
            .iter()
            .enumerate()
            .map(|(old, new)| {
                let n = (*new)?;
                let same = std::sync::Arc::ptr_eq(prev.briefings.get(old)?, self.briefings.get(n)?);
                same.then_some(n as u32)
            })
            .collect();
        let fresh = self.briefings.len() - kept.iter().flatten().count();
        if fresh > self.briefings.len() / 4 {
            return;
        }
        if let Some(old) = prev.index.get() {
            let _ = self
                .index
                .set(old.updated(&kept, &self.briefings, &self.registry));
        }
        if let Some(old) = prev.text_index.get() {
            let _ = self.text_index.set(old.updated(&kept, &self.briefings));
        }
    }

    /// Whether the whole search index is built (or was carried over).
    pub fn is_indexed(&self) -> bool {
        self.index.get().is_some() && self.text_index.get().is_some()
    }

    /// Builds the whole search index ahead of the first search (the browser
    /// does it in the background once the list is on screen).
    pub fn prepare_search(&self) {
        // The cheap part first: facet counts and the list wait only for it.
        self.index();
        self.text_index();
    }

    pub fn get(&self, id: &str) -> Option<&Briefing> {
        self.briefings.iter().find(|b| b.id == id).map(|b| &**b)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.briefings.iter().position(|b| b.id == id)
    }

    /// The id closest to an unknown one: a prefix or substring first, else the smallest edit distance.
    pub fn suggest_id(&self, id: &str) -> Option<&str> {
        let ids = || self.briefings.iter().map(|b| b.id.as_str());
        if !id.is_empty()
            && let Some(hit) = ids().find(|i| i.contains(id))
        {
            return Some(hit);
        }
        crate::text::closest(id, ids())
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

    /// Number of distinct countries named by the briefings.
    pub fn country_count(&self) -> usize {
        let mut all: Vec<_> = self
            .briefings
            .iter()
            .flat_map(|b| b.countries.iter())
            .collect();
        all.sort();
        all.dedup();
        all.len()
    }

    /// Number of distinct actors taking part in the briefings.
    pub fn actor_count(&self) -> usize {
        let mut all: Vec<_> = self
            .briefings
            .iter()
            .flat_map(|b| b.actors.iter().map(|a| a.actor))
            .collect();
        all.sort();
        all.dedup();
        all.len()
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
