//! `brief check`: every problem, then a summary; exit 1 on any error.

use std::io::Write;

use brief_core::{Corpus, Severity};

use super::Outcome;
use super::output::Out;

/// With `verbose`, every briefing loaded is listed after the problems, in
/// path order, as `path: loaded as 'id'`.
pub fn run<W: Write>(out: &mut Out<W>, corpus: &Corpus, verbose: bool) -> std::io::Result<Outcome> {
    for p in &corpus.problems {
        let line = p.to_string();
        let styled = match p.severity {
            Severity::Error => out.red(&line),
            Severity::Warning => out.yellow(&line),
        };
        writeln!(out.w, "{styled}")?;
    }
    if verbose {
        let mut loaded: Vec<_> = corpus.briefings.iter().collect();
        loaded.sort_by(|a, b| a.path.cmp(&b.path));
        for b in loaded {
            let line = format!("{}: loaded as '{}'", b.path.display(), b.id);
            writeln!(out.w, "{}", out.dim(&line))?;
        }
    }
    let errors = corpus.count(Severity::Error);
    let warnings = corpus.count(Severity::Warning);
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let summary = format!(
        "{}, {}, {}: {}, {}",
        count(corpus.briefings.len(), "briefing", "briefings"),
        count(corpus.actor_count(), "actor", "actors"),
        count(corpus.country_count(), "country", "countries"),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
    );
    writeln!(out.w, "{}", out.bold(&summary))?;
    Ok(if errors > 0 {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
