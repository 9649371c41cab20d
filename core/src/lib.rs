//! `brief-core`: briefings, registries, loading, search and settings.
//!
//! This crate has no terminal or command-line dependency and prints nothing;
//! the `brief` binary's CLI and browser are two thin faces on it.
//!
//! Layers, lowest first. A module uses only modules of lower layers, so there
//! is no cycle (`tests/layers.rs` checks it):
//!
//! 1. `text`, `paths`, `atomic_write`, `path_bytes`, `lang`: folding and width; which folders;
//!    crash-safe writes; paths in serde as bytes; the interface language and its catalogue
//! 2. `countries`: the ISO table and country names
//! 3. `model`: briefings, actors, dates, problems, sort and id filters
//! 4. `actors`: the actor registry
//! 5. `stamp` (what a file was when read), `index` (the inverted search index)
//! 6. `corpus`: the data of a loaded folder (briefings, registries, problems)
//! 7. `cache`: the parsed corpus persisted in the cache folder
//! 8. `load`: walk, parse, shared YAML handling, build; `Folder` (a corpus, its `Source`, its
//!    `SearchIndex`); `reload` is its incremental mode
//! 9. `query`: query text -> `Query`, resolved against the registry
//! 10. `search`: scoring, highlighting, facets, periods, stats, suggestions
//! 11. `searcher`: the search worker behind `find`/`results`, stale answers dropped
//! 12. `markdown`, `config`, `remembered`, `draft` (a briefing drafted from an article)

pub mod actors;
pub mod atomic_write;
pub mod briefings;
pub mod cache;
pub mod config;
pub mod corpus;
pub mod countries;
pub mod draft;
pub mod index;
pub mod lang;
pub mod load;
pub mod markdown;
pub mod model;
pub(crate) mod path_bytes;
pub mod paths;
pub mod query;
pub mod remembered;
pub mod search;
pub mod searcher;
pub(crate) mod stamp;
pub mod text;
pub mod topics;

pub use briefings::Briefings;
pub use corpus::{Corpus, MetaField};
pub use lang::Lang;
pub use load::Folder;
/// Live reload lives in `load` as its incremental mode; kept at its old path.
pub use load::reload;
pub use model::{
    Actor, ActorId, ActorKind, Briefing, CountryCode, Office, PartialDate, Problem, Severity,
};
pub use query::Query;
pub use search::{Hit, Selection};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The shipped corpus, compiled into the binary.
pub fn load_embedded() -> Folder {
    // `briefings/topics.yaml`: at the top of the shipped folder.
    let is_topics = |p: &str| {
        let p = std::path::Path::new(p);
        p.components().count() <= 2
            && p.file_name().and_then(|n| n.to_str()) == Some(topics::TOPICS_FILE)
    };
    let files = embedded::FILES
        .iter()
        .filter(|(p, _)| !is_topics(p))
        .map(|(p, b)| (std::path::PathBuf::from(p), b.to_vec()))
        .collect();
    let mut corpus = load::load_files(files, "built-in corpus".to_string());
    // The shipped topic registry: known good, so a failure only leaves it out.
    let shipped = embedded::FILES.iter().find(|(p, _)| is_topics(p));
    if let Some((_, bytes)) = shipped
        && let Ok(text) = std::str::from_utf8(bytes)
        && let Ok((t, _)) = topics::Topics::parse(text)
    {
        corpus.corpus.registry.set_topics(t);
    }
    corpus
}
