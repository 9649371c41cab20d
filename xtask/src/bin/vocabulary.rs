//! Counts the distinct words of folders of briefings, as the text index cuts
//! and folds them (`brief_core::text::each_word`), and how they grow (issue 27):
//!
//!     cargo run --release -p xtask --bin vocabulary -- DIR [DIR...]
//!     cargo run --release -p xtask --bin vocabulary -- --heaps N [SEED]
//!
//! For a folder: the distinct words of the titles, summaries and bodies of
//! the first quarter of its briefings (in the order loaded) and of all, the
//! exponent β that Heaps' law `V = K·n^β` gives between the two, the words
//! seen once, and the distinct words of the titles alone. `--heaps N`
//! counts the text `generate --vocabulary heaps` would write for N
//! briefings, at N/16, N/4 and N, without writing it.

// A measuring tool: it states its assumptions with unwrap, expect and
// panic, and prints what it measured (both denied in the crates themselves).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::collections::HashMap;

use brief_core::load::{LoadOptions, load_dir};
use brief_core::text::each_word;

fn beta(small: usize, large: usize, factor: f64) -> f64 {
    (large as f64 / small.max(1) as f64).ln() / factor.ln()
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--heaps") {
        let Some(n) = args.get(1).and_then(|n| n.parse::<usize>().ok()) else {
            eprintln!("usage: vocabulary --heaps N [SEED]");
            return std::process::ExitCode::from(2);
        };
        let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2026);
        let at = [n / 16, n / 4, n];
        let v = xtask::heaps::vocabulary(n, seed, &at);
        for (n, v) in at.iter().zip(&v) {
            println!("{n:>9} briefings: {v:>9} distinct words");
        }
        println!(
            "β {:.3} (N/16 → N/4), {:.3} (N/4 → N)",
            beta(v[0], v[1], 4.0),
            beta(v[1], v[2], 4.0)
        );
        return std::process::ExitCode::SUCCESS;
    }
    if args.is_empty() {
        eprintln!("usage: vocabulary DIR [DIR...] | --heaps N [SEED]");
        return std::process::ExitCode::from(2);
    }
    for dir in args {
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
        let n = corpus.briefings.len();
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut titles: HashMap<String, u32> = HashMap::new();
        let (mut quarter, mut words) = (0, 0u64);
        let mut buf = String::new();
        for (i, b) in corpus.briefings.iter().enumerate() {
            if i == n / 4 {
                quarter = counts.len();
            }
            each_word(&b.title, &mut buf, |w| {
                *titles.entry(w.to_string()).or_default() += 1;
            });
            for text in [Some(b.title.as_str()), b.summary.as_deref(), Some(&b.body)]
                .into_iter()
                .flatten()
            {
                each_word(text, &mut buf, |w| {
                    words += 1;
                    *counts.entry(w.to_string()).or_default() += 1;
                });
            }
        }
        let once = counts.values().filter(|&&c| c == 1).count();
        println!(
            "{dir}: {n} briefings, {words} words, {} distinct ({quarter} in the first {}: β {:.3}), {once} seen once; titles {} distinct",
            counts.len(),
            n / 4,
            beta(quarter, counts.len(), n as f64 / (n / 4).max(1) as f64),
            titles.len()
        );
    }
    std::process::ExitCode::SUCCESS
}
