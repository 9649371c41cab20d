//! Writes a deterministic folder of generated briefings for measuring `brief`:
//!
//!     cargo run --release -p xtask --bin generate -- 100000 /tmp/brief-100k [seed]
//!     cargo run --release -p xtask --bin generate -- 100000 /tmp/heaps-100k [seed] --vocabulary heaps
//!
//! `--vocabulary heaps` writes briefings whose vocabulary grows with their
//! number as real text does (`xtask::heaps`); without it, the bench
//! generator's (`benches/support/generate.rs`), byte for byte as before.

// A measuring tool: it states its assumptions with unwrap, expect and
// panic, and prints what it measured (both denied in the crates themselves).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use xtask::{generate, heaps};

fn main() -> std::process::ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut growing = false;
    if let Some(at) = args.iter().position(|a| a == "--vocabulary") {
        match args.get(at + 1).map(String::as_str) {
            Some("heaps") => growing = true,
            Some("bench") => {}
            _ => {
                eprintln!("--vocabulary: bench or heaps");
                return std::process::ExitCode::from(2);
            }
        }
        args.drain(at..at + 2);
    }
    let (Some(n), Some(dir)) = (args.first().and_then(|n| n.parse().ok()), args.get(1)) else {
        eprintln!("usage: generate N DIR [SEED] [--vocabulary bench|heaps]");
        return std::process::ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2026);
    let dir = std::path::Path::new(dir);
    let written = if growing {
        heaps::generate(dir, n, seed)
    } else {
        generate::generate(dir, n, seed)
    };
    match written {
        Ok(g) => {
            println!(
                "{} briefings, {} actors, {} bytes in {}",
                g.briefings,
                g.actors,
                g.bytes,
                dir.display()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
