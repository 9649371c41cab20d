//! Words read as a country, an actor or a topic: the names each goes by,
//! whether a briefing concerns it, and the points that earns.

use super::phrases::phrase_in;
use super::{in_text, short_candidates};
use crate::actors::Registry;
use crate::index::{Field, Index};
use crate::load::Folder;
use crate::model::Briefing;
use crate::query::Entity;
use crate::search::Stop;
use rayon::prelude::*;

/// What an exact entity match adds to its field's tier: above any fuzzy word score.
pub(in crate::search) const ENTITY_BONUS: i64 = 1_000;

/// A name of a country, actor or topic, as found literally in text: its
/// folded words, or for a short acronym (`UK`, `EAU`) the capitals as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::search) struct Name {
    pub(in crate::search) words: Vec<String>,
    pub(in crate::search) caps: Option<String>,
}

/// Every name an entity is known by, but codes and other names of two letters.
pub(in crate::search) fn entity_names(e: Entity, registry: &Registry) -> Vec<Name> {
    let names: Vec<&str> = match e {
        Entity::Country(c) => c.country().names().skip(1).collect(),
        Entity::Actor(a) => registry
            .get(a)
            .map(|a| a.names().collect())
            .unwrap_or_default(),
        Entity::Topic(t) => registry
            .topics()
            .get(t)
            .map(|t| t.names().collect())
            .unwrap_or_default(),
    };
    let mut out: Vec<Name> = Vec::new();
    for n in names {
        let words = crate::query::words(n);
        let letters: usize = words.iter().map(|w| w.chars().count()).sum();
        if words.is_empty() || letters <= 2 && !matches!(e, Entity::Actor(_)) {
            continue;
        }
        let caps = (letters <= 3 && n.chars().all(|c| !c.is_lowercase())).then(|| n.to_string());
        let name = Name { words, caps };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Whether `caps` occurs in `text` as a whole word, in capitals as written.
fn caps_in(text: &str, caps: &str) -> bool {
    text.match_indices(caps).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + caps.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether the name occurs in `text`: whole words in order, never inside another name.
pub(super) fn name_in(text: &str, name: &Name) -> bool {
    match &name.caps {
        Some(caps) => caps_in(text, caps),
        None => phrase_in(text, &name.words, None),
    }
}

/// Whether a short value is the name of a country other than the entity:
/// the entity's names inside it are a fragment of another name (Ireland in
/// "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"), never a mention.
/// An exact lookup: `resolve` would also look for the nearest country to
/// suggest, every country name against every short value (60 s for
/// `europol` over 10,000 briefings).
pub(in crate::search) fn another_countrys_name(value: &str, e: Entity) -> bool {
    // `lookup`, not `resolve`: no suggestion is wanted, and computing one
    // for every actor name of every briefing made `frontex` take minutes.
    match crate::countries::lookup(value) {
        Some(c) => !matches!(e, Entity::Country(code) if code.as_str() == c.code),
        None => false,
    }
}

/// Whether the briefing concerns the entity: its country, actor or topic is listed.
pub(in crate::search) fn concerns(b: &Briefing, e: Entity, registry: &Registry) -> bool {
    match e {
        Entity::Country(c) => b.countries.contains(&c) || b.location.country == Some(c),
        Entity::Actor(a) => b.actors.iter().any(|r| r.actor == a),
        Entity::Topic(t) => b
            .topics
            .iter()
            .any(|x| registry.topics().resolve(x) == Some(t)),
    }
}

/// `concerns` for the briefing `doc`, from the index where it can say
/// (countries and actors), so that the briefing itself is not decoded.
fn doc_concerns(corpus: &Folder, idx: &Index, doc: usize, e: Entity) -> bool {
    match e {
        Entity::Country(c) => idx.has_country(doc, c),
        Entity::Actor(a) => idx.has_actor(doc, a),
        Entity::Topic(_) => corpus
            .briefings
            .get(doc)
            .is_some_and(|b| concerns(b, e, &corpus.registry)),
    }
}

/// The points of an entity term in a briefing: its field's tier, plus
/// `ENTITY_BONUS`. The field is the best where it is named or listed: the
/// title names it; the briefing lists it or one of its short values names
/// it; its summary or body names it (`in_text`: bit 0 summary, bit 1 body,
/// as the text index says).
fn field_of(in_title: bool, listed: bool, in_text: u8) -> Option<i64> {
    let field = if in_title {
        Field::Title
    } else if listed {
        Field::Actors
    } else if in_text & 1 != 0 {
        Field::Summary
    } else if in_text & 2 != 0 {
        Field::Body
    } else {
        return None;
    };
    Some(field.tier() + ENTITY_BONUS)
}

/// The briefings with a short value that names the entity (not inside
/// another country's name): each distinct value is read once, from the
/// index, rather than every briefing's values from the briefing.
fn named_in_values(idx: &Index, names: &[Name], e: Entity, n: usize) -> Vec<bool> {
    let mut has = vec![false; n];
    for entry in &idx.entries {
        if names.iter().any(|name| name_in(&entry.value, name))
            && !another_countrys_name(&entry.value, e)
        {
            for &d in entry.docs.iter() {
                if let Some(h) = has.get_mut(d as usize) {
                    *h = true;
                }
            }
        }
    }
    has
}

/// Score of an entity term for every briefing still in the running (`alive`).
pub(super) fn entity_scores(
    corpus: &Folder,
    wait: bool,
    e: Entity,
    alive: &[Option<i64>],
    stop: &Stop<'_>,
) -> Vec<i64> {
    let n = corpus.briefings.len();
    let (idx, text) = (corpus.index(), corpus.text_index(wait));
    let names = entity_names(e, &corpus.registry);
    let mut named = vec![false; n];
    let mut texts = vec![0u8; n];
    for name in &names {
        for (d, c) in short_candidates(idx, &name.words, n)
            .into_iter()
            .enumerate()
        {
            named[d] |= c;
        }
        for (d, t) in in_text(text, &name.words, name.caps.as_deref())
            .into_iter()
            .enumerate()
        {
            texts[d] |= t;
        }
    }
    // What `entity_score` reads of a briefing, read from the index and the
    // titles alone: decoding every briefing that names the entity took
    // seconds for an actor named in most of a million.
    let in_values = match named.iter().any(|&x| x) {
        true => named_in_values(idx, &names, e, n),
        false => vec![false; n],
    };
    (0..n)
        .into_par_iter()
        .map(|d| match alive[d] {
            None => 0,
            Some(_) if stop() => 0,
            Some(_) if named[d] || texts[d] != 0 => {
                let in_title = named[d]
                    && (corpus.briefings.title(d))
                        .is_some_and(|t| names.iter().any(|n| name_in(&t, n)));
                let listed =
                    !in_title && (doc_concerns(corpus, idx, d, e) || named[d] && in_values[d]);
                field_of(in_title, listed, texts[d]).unwrap_or(0)
            }
            Some(_) if doc_concerns(corpus, idx, d, e) => Field::Actors.tier() + ENTITY_BONUS,
            Some(_) => 0,
        })
        .collect()
}
