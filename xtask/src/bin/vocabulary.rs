//! Counts the distinct words of folders of briefings, as the text index cuts
//! and folds them (`brief_core::text::each_word`), and how they grow (issue 27):
//!
//!     cargo run --release -p xtask --bin vocabulary -- DIR [DIR...]
//!     cargo run --release -p xtask --bin vocabulary -- --heaps N [SEED]
//!
//! For a folder (its YAML files read one at a time, in the order of their
//! paths): the distinct words of the titles, summaries and bodies of
//! the first quarter of its briefings and of all, the
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
use std::path::{Path, PathBuf};

use brief_core::text::each_word;

/// What is counted of a briefing.
#[derive(serde::Deserialize)]
struct Texts {
    title: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    body: String,
}

/// The YAML files under `dir`, sorted: read one at a time, so that a
/// folder of a million briefings is counted in little memory.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                todo.push(path);
            } else if path.extension().is_some_and(|x| x == "yaml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

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
        let files = yaml_files(std::path::Path::new(&dir));
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut titles: HashMap<String, u32> = HashMap::new();
        let (mut n, mut quarter, mut words) = (0usize, (0usize, 0usize), 0u64);
        let mut buf = String::new();
        for (i, file) in files.iter().enumerate() {
            if i == files.len() / 4 {
                quarter = (n, counts.len());
            }
            let Ok(text) = std::fs::read_to_string(file) else {
                continue;
            };
            // The registries and anything else that is not a briefing are skipped.
            let Ok(b) = serde_yaml::from_str::<Texts>(&text) else {
                continue;
            };
            n += 1;
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
        let (first, at_quarter) = quarter;
        println!(
            "{dir}: {n} briefings, {words} words, {} distinct ({at_quarter} in the first {first}: β {:.3}), {once} seen once; titles {} distinct",
            counts.len(),
            beta(at_quarter, counts.len(), n as f64 / first.max(1) as f64),
            titles.len()
        );
    }
    std::process::ExitCode::SUCCESS
}
