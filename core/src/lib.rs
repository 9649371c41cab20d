//! `brief-core`: briefings, registries, loading, search and settings.
//!
//! This crate has no terminal or command-line dependency and prints nothing;
//! the `brief` binary's CLI and browser are two thin faces on it.
//!
//! Layers, lowest first. A module uses only modules of lower layers, so there
//! is no cycle (`tests/layers.rs` checks it):
//!
//! 1. `io` (`paths`, `atomic_write`, `path_bytes`: plumbing only), `text`, `lang`: which
//!    folders, crash-safe writes, paths in serde as bytes; folding and width; the interface
//!    language and its catalogue
//! 2. `countries`: the ISO table and country names
//! 3. `model`: briefings, actors, dates, problems, sort and id filters
//! 4. `actors`: the actor registry
//! 5. `stamp` (what a file was when read), `index` (the inverted search index)
//! 6. `corpus`: the data of a loaded folder (briefings, registries, problems)
//! 7. `cache`: the parsed corpus persisted in the cache folder
//! 8. `load`: walk, parse, shared YAML handling, build; `Folder` (a corpus, its `Source`, its
//!    `SearchIndex`); `reload` is its incremental mode
//! 9. `query`: query text -> `Query`, resolved against the registry
//! 10. `search`: scoring, highlighting, facets, suggestions
//! 11. `searcher`: the search worker behind `find`/`results`, stale answers dropped
//! 12. `markdown`; `config` (settings: checked with load's YAML guards, found through
//!     `io::paths`); `remembered` (marks and history, written through `io`)
//!
//! Drafting a briefing from an article is the `brief-draft` crate (`draft/`).

pub mod actors;
pub mod briefings;
pub mod cache;
pub mod config;
pub mod corpus;
pub mod countries;
pub mod index;
pub mod io;
pub mod lang;
pub mod load;
pub mod markdown;
pub mod model;
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
pub use model::{
    Actor, ActorId, ActorKind, Briefing, CountryCode, Office, PartialDate, Problem, Severity,
};
pub use query::Query;
pub use search::{Hit, Selection};
