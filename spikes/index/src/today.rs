//! Today's path: brief-core loads the parsed corpus from its cache and builds
//! the index in memory; `search::faceted` ranks and counts facets.

use std::path::Path;
use std::time::Instant;

use brief_core::Query;
use brief_core::search::{self, Selection};

use crate::{Error, PHRASE, PREFIX, WORD, report};

pub fn run(corpus: &Path, rest: &[&str]) -> Result<(), Error> {
    if let ["--one", words @ ..] = rest {
        return one_shot(corpus, &words.join(" "));
    }
    let start = Instant::now();
    let c = crate::load(corpus)?;
    report(
        "today",
        "load from cache",
        start,
        format!(
            "{} briefings, from cache: {}",
            c.briefings.len(),
            c.from_cache
        ),
    );
    let start = Instant::now();
    c.prepare_search();
    report("today", "build index in memory (prepare_search)", start, "");
    let phrase = format!("\"{}\"", PHRASE.join(" "));
    for (what, q) in [
        ("word", WORD),
        ("prefix", PREFIX),
        ("phrase", phrase.as_str()),
    ] {
        let query = Query::parse(q, &c.registry)?;
        let start = Instant::now();
        let hits = search::search(&c, &query, &Selection::default());
        report(
            "today",
            &format!("{what} ({q}), all hits ranked"),
            start,
            hits.len(),
        );
        let start = Instant::now();
        let (hits, facets) = search::faceted(&c, &query, &Selection::default());
        report(
            "today",
            &format!("{what} + facet counts (faceted)"),
            start,
            format!(
                "{} hits, {} actors, {} countries",
                hits.len(),
                facets.actors.len(),
                facets.countries.len()
            ),
        );
    }
    println!(
        "today\tmemory after load+index+queries\t\t{}",
        crate::memory()
    );
    crate::hold_if_asked(rest);
    Ok(())
}

/// What `brief search WORDS` does: load, search, print the first titles.
fn one_shot(corpus: &Path, q: &str) -> Result<(), Error> {
    let c = crate::load(corpus)?;
    let query = Query::parse(q, &c.registry)?;
    let hits = search::search(&c, &query, &Selection::default());
    for h in hits.iter().take(20) {
        if let Some(b) = c.briefings.get(h.doc) {
            println!("{}\t{}", b.id, b.title);
        }
    }
    println!("{} hits", hits.len());
    Ok(())
}
