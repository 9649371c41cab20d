//! `brief-core`: briefings, registries, loading, search and settings.
//!
//! This crate has no terminal or command-line dependency and prints nothing;
//! the `brief` binary's CLI and browser are two thin faces on it.

pub mod actors;
pub mod cache;
pub mod config;
pub mod corpus;
pub mod countries;
pub mod draft;
pub mod load;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod query;
pub mod reload;
pub mod remembered;
pub mod search;
pub mod text;

pub use corpus::Corpus;
pub use model::{Actor, ActorId, ActorKind, Briefing, CountryCode, PartialDate, Problem, Severity};
pub use query::Query;
pub use search::{Hit, Selection};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The shipped corpus, compiled into the binary.
pub fn load_embedded() -> Corpus {
    let files = embedded::FILES
        .iter()
        .map(|(p, b)| (std::path::PathBuf::from(p), b.to_vec()))
        .collect();
    load::load_files(files, "built-in corpus".to_string())
}
