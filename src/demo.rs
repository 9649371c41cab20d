//! The demo corpus shipped with brief (`briefings/` at the top of the
//! repository), compiled into the binary by `build.rs` so `brief` works from
//! any folder after `cargo install`.

use std::path::{Path, PathBuf};

use brief_core::{Folder, load, topics};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// `briefings/topics.yaml`: at the top of the shipped folder.
fn is_topics(p: &str) -> bool {
    let p = Path::new(p);
    p.components().count() <= 2
        && p.file_name().and_then(|n| n.to_str()) == Some(topics::TOPICS_FILE)
}

/// The shipped corpus, compiled into the binary.
pub fn load_embedded() -> Folder {
    let files = embedded::FILES
        .iter()
        .filter(|(p, _)| !is_topics(p))
        .map(|(p, b)| (PathBuf::from(p), b.to_vec()))
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
