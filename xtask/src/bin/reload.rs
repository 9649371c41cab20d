//! Times a live reload after one file changed: `cargo run --release -p xtask
//! --bin reload -- DIR`. Loads DIR (no cache), rewrites the first briefing found
//! with its own bytes and a new modification time, then reloads; prints both
//! times, and the time to carry the search index over to the new corpus.
//! `RELOAD_ROUNDS=N` for more rounds than 3.
//! The file's content is unchanged, so the folder is left as it was.
//! With a second argument, a cache folder: the corpus cache and the text
//! index are kept there, as the browser keeps them (`reload -- DIR CACHE`).
//! Each round times the reload that walks the whole folder, then the one
//! given the changed file's path (as the browser's watcher gives it).
//! `RELOAD_TOUCHED_ONLY=1`: only the latter; `RELOAD_GAPS=1`: a second of
//! quiet between steps, to tell them apart in a profile.

// A measuring tool: it states its assumptions with unwrap, expect and
// panic, and prints what it measured (both denied in the crates themselves).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::time::{Duration, Instant, SystemTime};

use brief_core::load::{LoadOptions, load_dir};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: reload DIR")?;
    let dir = std::path::Path::new(&dir);
    let opts = LoadOptions {
        cache: std::env::args().nth(2).map(std::path::PathBuf::from),
        ..LoadOptions::default()
    };
    let t = Instant::now();
    let corpus = load_dir(dir, &opts, &|_, _| {})?;
    println!(
        "load: {} briefings in {:.2?}",
        corpus.briefings.len(),
        t.elapsed()
    );
    let t = Instant::now();
    corpus.prepare_search();
    println!("search index built in {:.2?}", t.elapsed());
    let path = corpus
        .briefings
        .first()
        .map(|b| b.path.clone())
        .ok_or("no briefing")?;
    let bytes = std::fs::read(&path)?;
    let touched = brief_core::load::reload::Touched::Paths(vec![path.clone()]);
    // Only the reload the browser's watcher makes (no walk, no doc map by
    // id to compare with), and a second of quiet around each step so a
    // profile tells them apart.
    let touched_only = std::env::var_os("RELOAD_TOUCHED_ONLY").is_some();
    let gap = || {
        if std::env::var_os("RELOAD_GAPS").is_some() {
            std::thread::sleep(Duration::from_secs(1));
        }
    };
    let rounds: usize = std::env::var("RELOAD_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    // What the browser would show: each touched reload starts from the
    // previous one, as the browser's do.
    let mut shown = std::sync::Arc::new(corpus);
    for round in 0..rounds {
        // The same bytes, and a time of its own each round: old enough to be
        // settled, so the reload reads it rather than waiting.
        std::fs::write(&path, &bytes)?;
        std::fs::File::options()
            .write(true)
            .open(&path)?
            .set_modified(SystemTime::now() - Duration::from_secs(10 + round as u64))?;
        let walk = ("walk", brief_core::load::reload::Touched::Unknown);
        let hows = match touched_only {
            true => vec![("touched", touched.clone())],
            false => vec![walk, ("touched", touched.clone())],
        };
        for (how, touched) in hows {
            let prev = shown.clone();
            gap();
            let t = Instant::now();
            let r = brief_core::load::reload::reload(&prev, &touched)?;
            let took = t.elapsed();
            gap();
            // The reload gives it; as it was computed before, for comparison.
            let t = Instant::now();
            if !touched_only {
                let by_id = brief_core::load::reload::doc_map(&prev, &r.corpus);
                assert_eq!(by_id, r.doc_map);
            }
            let mapped = t.elapsed();
            let map = r.doc_map.clone();
            let t = Instant::now();
            r.corpus.carry_index(&prev, &map);
            let carried = t.elapsed();
            gap();
            let changes = r.changes;
            println!(
                "reload {round} ({how}): {changes} in {took:.2?}{}; doc map by id (no longer needed) {mapped:.2?} ({} kept); index carried over in {carried:.2?}{}",
                if r.in_place { " (in place)" } else { "" },
                map.iter().flatten().count(),
                if r.corpus.text_carried() {
                    " (text view remapped)"
                } else {
                    ""
                },
            );
            if how == "touched" {
                shown = std::sync::Arc::new(r.corpus);
                let t = Instant::now();
                drop(prev);
                println!("  previous corpus dropped in {:.2?}", t.elapsed());
            }
        }
    }
    Ok(())
}
