//! `brief check`: every problem, then a summary; exit 1 on any error.

use std::io::Write;

use brief_core::load::REGISTRY_FILE;
use brief_core::{Folder, Severity};

use super::Outcome;
use super::output::Out;

/// Up to this many actor names not in actors.yaml are reported one by one
/// (likely typos, each with its "did you mean"); beyond, a folder simply has
/// no registry for them, and one line says how many.
const UNREGISTERED_LISTED: usize = 10;

/// How `brief check` reports.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Also every briefing loaded, and every unregistered actor one by one.
    pub verbose: bool,
    /// Errors only: no warnings, no summary.
    pub quiet: bool,
    /// A shared archive's index state, said before the summary.
    pub index: Option<String>,
}

/// With `verbose`, every briefing loaded is listed after the problems, in
/// path order, as `path: loaded as 'id'`.
pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    report: Report,
) -> std::io::Result<Outcome> {
    let unregistered = corpus
        .problems
        .iter()
        .filter(|p| p.is_unregistered_actor())
        .count();
    let listed = report.verbose || unregistered <= UNREGISTERED_LISTED;
    for p in &corpus.problems {
        let shown = match p.severity {
            Severity::Error => true,
            Severity::Warning => !report.quiet && (listed || !p.is_unregistered_actor()),
        };
        if !shown {
            continue;
        }
        let line = p.to_string();
        let styled = match p.severity {
            Severity::Error => out.red(&line),
            Severity::Warning => out.yellow(&line),
        };
        writeln!(out.w, "{styled}")?;
    }
    // The text index's files against their checksums: one damaged is set
    // aside (and built again by the next search), said as a warning.
    corpus.index.check_text();
    // One found when the folder was opened is a problem already, said above.
    let index_notices: Vec<String> = corpus
        .index
        .notices
        .lock()
        .map(|n| n.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|n| !corpus.problems.iter().any(|p| &p.message == n))
        .collect();
    if !report.quiet {
        for n in &index_notices {
            let line = format!("warning: {n}");
            writeln!(out.w, "{}", out.yellow(&line))?;
        }
    }
    let errors = corpus.count(Severity::Error);
    let outcome = if errors > 0 {
        Outcome::Nothing
    } else {
        Outcome::Found
    };
    if report.quiet {
        return Ok(outcome);
    }
    if !listed {
        let line = format!(
            "{} actor names are not in {REGISTRY_FILE}; brief actors --unregistered lists them",
            thousands(unregistered)
        );
        writeln!(out.w, "{}", out.yellow(&line))?;
    }
    if report.verbose {
        let mut loaded: Vec<_> = corpus.briefings.iter().collect();
        loaded.sort_by(|a, b| a.path.cmp(&b.path));
        for b in loaded {
            let line = format!("{}: loaded as '{}'", b.path.display(), b.id);
            writeln!(out.w, "{}", out.dim(&line))?;
        }
    }
    let warnings = corpus.count(Severity::Warning) + index_notices.len();
    let count = |n: usize, one: &str, many: &str| {
        format!("{} {}", thousands(n), if n == 1 { one } else { many })
    };
    let summary = format!(
        "{}, {}, {}: {}, {}",
        count(corpus.briefings.len(), "briefing", "briefings"),
        count(corpus.actor_count(), "actor", "actors"),
        count(corpus.country_count(), "country", "countries"),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
    );
    let registries = super::paths::registries_in_force(
        corpus.source.root.as_deref(),
        corpus.source.registries(),
    );
    writeln!(out.w, "{}", out.dim(&format!("registries: {registries}")))?;
    if let Some(index) = &report.index {
        writeln!(out.w, "{}", out.dim(index))?;
    }
    // The summary last, for scripts reading `tail -1`.
    writeln!(out.w, "{}", out.bold(&summary))?;
    Ok(outcome)
}

/// `3488` as `3,488`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_separated() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(3488), "3,488");
        assert_eq!(super::thousands(1234567), "1,234,567");
    }
}
