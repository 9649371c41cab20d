//! Measures how search reads what analysts type (issue 14), repeatably:
//!
//!     cargo run -p xtask --bin measure_search -- DIR [DIR...] [--titles N] [--seed S] [--typos-only]
//!
//! `--typos-only` leaves out the country queries (minutes on a folder of
//! 100,000 briefings).
//! What is measured: `xtask::measure`. `MEASURE_VERBOSE=1` prints each missed
//! typo query (with how it was read) and the first wrong and missed country hits.

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
use xtask::measure::{Draw, KINDS, country_queries, typo_recall};

fn main() -> std::process::ExitCode {
    let mut dirs = Vec::new();
    let (mut titles, mut seed, mut countries) = (200usize, 14u64, true);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--titles" => titles = args.next().and_then(|n| n.parse().ok()).unwrap_or(titles),
            "--seed" => seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(seed),
            "--typos-only" => countries = false,
            _ => dirs.push(a),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: measure_search DIR [DIR...] [--titles N] [--seed S] [--typos-only]");
        return std::process::ExitCode::from(2);
    }
    for dir in dirs {
        let corpus = match load_dir(
            std::path::Path::new(&dir),
            &LoadOptions::default(),
            &|_, _| {},
        ) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{dir}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        };
        println!("{dir}: {} briefings (seed {seed})", corpus.briefings.len());
        let verbose = std::env::var_os("MEASURE_VERBOSE").is_some();
        let mut notes = Vec::new();
        let recall = typo_recall(&corpus, titles, seed, verbose.then_some(&mut notes));
        for note in notes.drain(..) {
            eprintln!("{note}");
        }
        for (kind, (hit, n)) in KINDS.iter().zip(recall.per_kind) {
            println!(
                "  typo {kind:<10} {hit:>4}/{n:<4} in the top 5 ({:.1}%)",
                100.0 * hit as f64 / n.max(1) as f64
            );
        }
        let (ok, all) = recall.all();
        println!(
            "  typo all        {ok:>4}/{all:<4} in the top 5 ({:.1}%)",
            recall.percent()
        );
        if !countries {
            continue;
        }
        let (exact, with_typo) =
            country_queries(&corpus, &mut Draw(seed), verbose.then_some(&mut notes));
        for note in notes.drain(..) {
            eprintln!("{note}");
        }
        for (label, t) in [("countries", exact), ("misspelt", with_typo)] {
            println!(
                "  {label}: {} queries, precision {:.1}%, recall {:.1}% ({} right, {} wrong, {} missed)",
                t.queries,
                t.precision(),
                t.recall(),
                t.right,
                t.wrong,
                t.missed
            );
        }
    }
    std::process::ExitCode::SUCCESS
}
