//! Writes a deterministic folder of generated briefings for measuring `brief`:
//!
//!     cargo run --release -p xtask --bin generate -- 100000 /tmp/brief-100k [seed]

// A measuring tool: it states its assumptions with unwrap, expect and
// panic, and prints what it measured (both denied in the crates themselves).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use xtask::generate;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (args.first().and_then(|n| n.parse().ok()), args.get(1)) else {
        eprintln!("usage: generate N DIR [SEED]");
        return std::process::ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2026);
    match generate::generate(std::path::Path::new(dir), n, seed) {
        Ok(g) => {
            println!(
                "{} briefings, {} actors, {} bytes in {dir}",
                g.briefings, g.actors, g.bytes
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
