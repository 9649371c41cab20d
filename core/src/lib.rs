//! `brief-core`: briefings, registries, loading, search and settings.
//!
//! This crate has no terminal or command-line dependency and prints nothing;
//! the `brief` binary's CLI and browser are two thin faces on it.
//!
//! Layers, lowest first. A module uses only modules of lower layers, so there
//! is no cycle. `tests/layers.rs` checks it, and that this list is its `LAYERS`:
//!
//! 1. `io`, `text`, `lang`, `column`: plumbing only (`io::paths`: which folders;
//!    `io::atomic_write`: crash-safe writes; `io::path_bytes`: paths in serde as bytes);
//!    folding, width and the word splitter; the interface language and its catalogue;
//!    a column of values in chunks that successive corpora share
//! 2. `countries`: the ISO table and country names
//! 3. `model`: briefings, actors, dates, problems, sort and id filters
//! 4. `topics`: the topic registry (built-in and the folder's `topics.yaml`)
//! 5. `actors`: the actor registry
//! 6. `stamp`, `briefings`: what a file was when read; a corpus's briefings, in
//!    memory or in the mapped cache
//! 7. `index`: the search indexes (titles and short values; the article text's tantivy index)
//! 8. `corpus`: the data of a loaded folder (briefings, registries, problems)
//! 9. `cache`: the parsed corpus persisted in the cache folder
//! 10. `load`: walk, parse, shared YAML handling, build; `Folder` (a corpus, its `Source`,
//!     its `SearchIndex`); `reload` is its incremental mode
//! 11. `query`: query text -> `Query`, resolved against the registry
//! 12. `search`: scoring, highlighting, facets, periods, stats, suggestions, how a query
//!     was read
//! 13. `searcher`: the search worker behind `find`/`results`, stale answers dropped
//! 14. `markdown`, `config`, `remembered`: a briefing as Markdown; settings (checked
//!     with load's YAML guards, found through `io::paths`); marks and history
//!     (written through `io`)
//! 15. `saved`, `report`: saved searches run and counted for what is new, their
//!     export; several briefings as one Markdown report to hand on
//!
//! Drafting a briefing from an article is the `brief-draft` crate (`draft/`).

pub mod actors;
pub mod briefings;
pub mod cache;
pub(crate) mod column;
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
pub mod report;
pub mod saved;
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
