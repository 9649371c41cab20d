//! Where a process's memory goes at start: `cargo run --release -p xtask
//! --bin memory -- DIR CACHE`. Resident memory after loading (from the cache when
//! it is current), after preparing the search, and after one search. With
//! `--check-after`, the cache is taken as the browser takes it: without a
//! stat of every file first.

// A measuring tool: it states its assumptions with unwrap, expect and
// panic, and prints what it measured (both denied in the crates themselves).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use brief_core::load::{LoadOptions, load_dir};

/// The binary's allocator, so the figures are the browser's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Resident and private memory, as `/proc/self/smaps_rollup` gives them:
/// the cache's mapped pages are resident but shared with every process.
fn rss_mb() -> String {
    let text = std::fs::read_to_string("/proc/self/smaps_rollup").unwrap_or_default();
    let kb = |key: &str| -> u64 {
        text.lines()
            .filter(|l| l.starts_with(key))
            .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .sum()
    };
    format!(
        "Rss {} MB, private {} (of which written {})",
        kb("Rss:") / 1024,
        (kb("Private_Clean:") + kb("Private_Dirty:")) / 1024,
        kb("Private_Dirty:") / 1024
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: memory DIR CACHE")?;
    let opts = LoadOptions {
        cache: std::env::args().nth(2).map(std::path::PathBuf::from),
        check_cache_after: std::env::args().any(|a| a == "--check-after"),
        ..LoadOptions::default()
    };
    println!("start: {} MB", rss_mb());
    let t = std::time::Instant::now();
    let corpus = load_dir(std::path::Path::new(&dir), &opts, &|_, _| {})?;
    println!(
        "loaded {} briefings in {:.2?}: {} MB",
        corpus.briefings.len(),
        t.elapsed(),
        rss_mb()
    );
    let t = std::time::Instant::now();
    corpus.prepare_search();
    println!("search prepared in {:.2?}: {} MB", t.elapsed(), rss_mb());
    let q = brief_core::search::parse_query(
        &corpus,
        &std::env::var("QUERY").unwrap_or_else(|_| "migrants".into()),
    )?;
    let t = std::time::Instant::now();
    let hits = brief_core::search::search(&corpus, &q, &brief_core::Selection::default());
    println!(
        "{} hits in {:.2?}: {} MB; {} briefings decoded",
        hits.len(),
        t.elapsed(),
        rss_mb(),
        corpus.briefings.decoded()
    );
    // With `--reload`: a file rewritten (same bytes, a new time) and the
    // folder read again, as the browser does after a change; `ROUNDS`
    // times (3 unless set), a different file each time.
    if std::env::args().any(|a| a == "--reload") {
        let rounds: usize = std::env::var("ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(3);
        let mut current = corpus;
        for round in 0..rounds {
            // A different briefing each time, as edits across a folder.
            let path = current.briefings[round * 7919 % current.briefings.len()]
                .path
                .clone();
            let bytes = std::fs::read(&path)?;
            std::fs::write(&path, &bytes)?;
            std::fs::File::options()
                .write(true)
                .open(&path)?
                .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(10))?;
            let t = std::time::Instant::now();
            let touched = brief_core::load::reload::Touched::Paths(vec![path]);
            let r = brief_core::load::reload::reload(&current, &touched)?;
            r.corpus.carry_index(&current, &r.doc_map);
            let hits = brief_core::search::search(&r.corpus, &q, &brief_core::Selection::default());
            let elapsed = t.elapsed();
            // The previous corpus gone, as the browser drops it.
            drop(std::mem::replace(&mut current, r.corpus));
            println!(
                "reload {round}: {}, {} hits in {:.2?}: {}; {} decoded",
                r.changes,
                hits.len(),
                elapsed,
                rss_mb(),
                current.briefings.decoded()
            );
        }
    }
    Ok(())
}
