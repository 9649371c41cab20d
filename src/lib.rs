//! `brief`: a browser for folders of YAML meeting briefings.
//!
//! The core (model, loading, countries, actors, query, search) has no terminal
//! code and prints nothing; `cli` (in the binary) and `tui` are two thin faces
//! on top of it: nothing in the core imports ratatui, crossterm or clap.

pub mod actors;
pub mod cache;
pub mod config;
pub mod corpus;
pub mod countries;
pub mod load;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod query;
pub mod reload;
pub mod remembered;
pub mod search;
pub mod text;
pub mod tui;

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
