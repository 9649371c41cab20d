//! brief's measuring tools, one binary each (`cargo run -p xtask --bin NAME`):
//! `generate` (a deterministic folder of generated briefings; with
//! `--vocabulary heaps`, one whose vocabulary grows as real text does),
//! `vocabulary` (distinct words of folders), `measure_search`
//! (typo recall, country precision and recall), `keystrokes` (latency in a real
//! pseudo-terminal), `prefixes` (each keystroke's search in process), `memory`
//! (where a process's memory goes), `reload` (a live reload's time),
//! `assemble_real` (real French text as briefings). What they
//! share lives here; `tests/search_quality.rs` holds `measure`'s figures to
//! thresholds.

/// The generator shared with the benchmarks (`benches/support/generate.rs`).
#[path = "../../benches/support/generate.rs"]
pub mod generate;
pub mod heaps;
pub mod measure;

/// The queries `keystrokes` types one character at a time and `prefixes`
/// searches prefix by prefix: the same keys, measured in a terminal and in
/// process.
pub const TYPED: &[&str] = &[
    "coopération",
    "frontex migr",
    "traite des êtres",
    "pays:NE passeurs",
    "réseaux criminels",
    "sauvetage mer",
    "dialogue sahel",
    "formation police",
];
