//! `brief-core`: briefings, registries, loading, search and settings.
//!
//! This crate has no terminal or command-line dependency and prints nothing;
//! the `brief` binary's CLI and browser are two thin faces on it.
//!
//! Layers, lowest first. A module uses only modules of lower layers, so there
//! is no cycle. `tests/layers.rs` checks it, and that this list is its `LAYERS`:
//!
//! 1. `text`, `paths`, `atomic_write`, `path_bytes`, `lang`: folding, width and the
//!    word splitter; which folders; crash-safe writes; paths in serde as bytes; the
//!    interface language and its catalogue
//! 2. `countries`: the ISO table and country names
//! 3. `model`: briefings, actors, dates, problems, sort and id filters
//! 4. `topics`: the topic registry (built-in and the folder's `topics.yaml`)
//! 5. `actors`: the actor registry
//! 6. `stamp`, `briefings`: what a file was when read; a corpus's briefings, in
//!    memory or in the mapped cache
//! 7. `index`: the search indexes (titles and short values; the article text's tantivy index)
//! 8. `corpus`: a loaded folder, data only
//! 9. `cache`: the parsed corpus persisted in the cache folder
//! 10. `load`: walk, parse, shared YAML handling, build; `reload` is its incremental mode
//! 11. `query`: query text -> `Query`, resolved against the registry
//! 12. `search`: scoring, highlighting, facets, suggestions, how a query was read
//! 13. `searcher`: the search worker behind `find`/`results`, stale answers dropped
//! 14. `markdown`, `config`, `remembered`, `draft`: a briefing as Markdown; settings;
//!     marks and history; a briefing drafted from an article

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
pub fn load_embedded() -> Corpus {
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
        corpus.registry.set_topics(t);
    }
    corpus
}
