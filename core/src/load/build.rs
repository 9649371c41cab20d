//! Parsed files -> the corpus: duplicate ids, related briefings, newest first.

use std::collections::HashSet;

use super::{ParseResult, problem};
use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::model::{ActorId, ActorRef, Briefing, Problem, Severity};

pub(crate) fn build(
    results: Vec<ParseResult>,
    mut registry: Registry,
    mut problems: Vec<Problem>,
    origin: String,
) -> Corpus {
    let mut briefings: Vec<std::sync::Arc<Briefing>> = Vec::with_capacity(results.len());
    // Each id's briefing (its index in `briefings`), to find duplicates.
    let mut first: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    first.reserve(results.len());
    // Unregistered actors already warned about: the warning goes with the
    // first file that names one (the registry may already know it, on reload).
    let mut warned: HashSet<ActorId> = HashSet::new();
    for result in results {
        let (mut parsed, file_problems) = match result {
            Ok(ok) => ok,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        problems.extend(file_problems);
        if let Some(&at) = first.get(parsed.briefing.id.as_str()) {
            problems.push(Problem {
                line: parsed.id_line,
                column: Some(1),
                ..problem(
                    &parsed.briefing.path,
                    Severity::Error,
                    format!(
                        "duplicate id '{}': already used by {}; this file is skipped",
                        parsed.briefing.id,
                        briefings[at].path.display()
                    ),
                )
            });
            continue;
        }
        first.insert(parsed.briefing.id.to_string(), briefings.len());
        for named in std::mem::take(&mut parsed.actors) {
            let actor = match named.resolved {
                Ok(actor) => actor,
                Err((kind, warning)) => {
                    // Warned once, where the corpus first names it.
                    let (actor, _) = registry.resolve_or_add(&named.written, kind);
                    let unregistered = registry.get(actor).is_some_and(|a| !a.registered);
                    if unregistered && warned.insert(actor) {
                        problems.push(warning);
                    }
                    actor
                }
            };
            if !parsed.briefing.actors.iter().any(|a| a.actor == actor) {
                std::sync::Arc::make_mut(&mut parsed.briefing)
                    .actors
                    .push(ActorRef {
                        actor,
                        written: named.written.into(),
                        role: named.role.map(Into::into),
                    });
            }
        }
        briefings.push(parsed.briefing);
    }
    for b in &briefings {
        for r in &b.related {
            if !first.contains_key(r) {
                problems.push(problem(
                    &b.path,
                    Severity::Warning,
                    format!("related briefing '{r}' does not exist"),
                ));
            }
        }
    }
    briefings.sort_by(|a, b| crate::model::by_date_desc(a, b));
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    Corpus::new(briefings, registry, problems, origin)
}

/// Whether a problem depends on other files (a duplicate id, a missing related
/// briefing), so that a reload finds it again rather than keeping it.
pub(crate) fn is_cross_file(p: &Problem) -> bool {
    p.message.starts_with("duplicate id '") || p.message.starts_with("related briefing '")
}
