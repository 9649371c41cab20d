//! Parsed files -> the corpus: duplicate ids, related briefings, newest first.

use std::collections::HashSet;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{ParseResult, problem};
use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::model::{ActorId, ActorRef, Briefing, Problem, Severity};

pub(crate) fn build(
    results: Vec<ParseResult>,
    registry: Registry,
    problems: Vec<Problem>,
) -> Corpus {
    build_placed(results, registry, problems, None).0
}

/// As `build`, saying where each result's briefing went in the corpus.
/// `hint`: for each result, where its briefing stood in a corpus already in
/// date order (a reload's previous corpus), `u32::MAX` for a new one, so the
/// sort only merges the new ones in.
pub(crate) fn build_placed(
    results: Vec<ParseResult>,
    mut registry: Registry,
    mut problems: Vec<Problem>,
    hint: Option<&[u32]>,
) -> (Corpus, Vec<Option<usize>>) {
    let total = results.len();
    let (duplicate, missing_related) = cross_file(&results);
    let (briefings, from) = resolve(results, duplicate, &mut registry, &mut problems);
    problems.extend(missing_related);
    // Newest first; ids are unique, so the order does not depend on the
    // order the briefings came in.
    let order = hint
        .and_then(|hint| hinted_order(&briefings, &from, hint))
        .unwrap_or_else(|| date_order(&briefings));
    let mut placed = vec![None; total];
    let mut slots: Vec<Option<Arc<Briefing>>> = briefings.into_iter().map(Some).collect();
    let briefings: Vec<Arc<Briefing>> = order
        .iter()
        .enumerate()
        .filter_map(|(at, &k)| {
            placed[from[k]] = Some(at);
            slots[k].take()
        })
        .collect();
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    (Corpus::new(briefings, registry, problems), placed)
}

fn ok(r: &ParseResult) -> Option<&super::Parsed> {
    r.as_ref().ok().map(|(parsed, _)| parsed)
}

/// Duplicate ids (the first file in path order keeps its id), by result,
/// and missing related briefings, found on the results as they are: the ids
/// are borrowed, not copied.
fn cross_file(results: &[ParseResult]) -> (FxHashMap<usize, Problem>, Vec<Problem>) {
    let mut duplicate: FxHashMap<usize, Problem> = Default::default();
    let mut first: FxHashMap<&str, usize> = Default::default();
    first.reserve(results.len());
    for (i, parsed) in results.iter().enumerate() {
        let Some(parsed) = ok(parsed) else {
            continue;
        };
        let b = &parsed.briefing;
        match first.get(b.id.as_str()).and_then(|&at| ok(&results[at])) {
            Some(at) => {
                duplicate.insert(i, duplicate_id(parsed, &at.briefing.path));
            }
            None => {
                first.insert(&b.id, i);
            }
        }
    }
    let mut missing_related = Vec::new();
    for (i, parsed) in results.iter().enumerate() {
        let Some(parsed) = ok(parsed).filter(|_| !duplicate.contains_key(&i)) else {
            continue;
        };
        let b = &parsed.briefing;
        for r in b.related.iter().filter(|r| !first.contains_key(r.as_str())) {
            missing_related.push(no_related(&b.path, r));
        }
    }
    (duplicate, missing_related)
}

/// The error of a file whose id the file at `holder` already has.
pub(crate) fn duplicate_id(parsed: &super::Parsed, holder: &std::path::Path) -> Problem {
    let b = &parsed.briefing;
    Problem {
        line: parsed.id_line,
        column: Some(1),
        ..problem(
            &b.path,
            Severity::Error,
            format!(
                "duplicate id '{}': already used by {}; this file is skipped",
                b.id,
                holder.display()
            ),
        )
    }
}

/// The warning of a file naming a related briefing `r` that does not exist.
pub(crate) fn no_related(path: &std::path::Path, r: &str) -> Problem {
    problem(
        path,
        Severity::Warning,
        format!("related briefing '{r}' does not exist"),
    )
}

/// The briefings of the results, their actors resolved through `registry`
/// (unknown ones added), with the result each came from; the results'
/// problems, and the duplicates', go to `problems`.
pub(crate) fn resolve(
    results: Vec<ParseResult>,
    mut duplicate: FxHashMap<usize, Problem>,
    registry: &mut Registry,
    problems: &mut Vec<Problem>,
) -> (Vec<Arc<Briefing>>, Vec<usize>) {
    let mut briefings: Vec<Arc<Briefing>> = Vec::with_capacity(results.len());
    let mut from: Vec<usize> = Vec::with_capacity(results.len());
    // Unregistered actors already warned about: the warning goes with the
    // first file that names one (the registry may already know it, on reload).
    let mut warned: HashSet<ActorId> = HashSet::new();
    for (i, result) in results.into_iter().enumerate() {
        let (mut parsed, file_problems) = match result {
            Ok(ok) => ok,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        problems.extend(file_problems);
        if let Some(p) = duplicate.remove(&i) {
            problems.push(p);
            continue;
        }
        for named in std::mem::take(&mut parsed.actors) {
            add_actor(&mut parsed.briefing, named, registry, &mut warned, problems);
        }
        briefings.push(parsed.briefing);
        from.push(i);
    }
    (briefings, from)
}

/// An actor named in a briefing, resolved and added to it once.
fn add_actor(
    briefing: &mut Arc<Briefing>,
    named: super::NamedActor,
    registry: &mut Registry,
    warned: &mut HashSet<ActorId>,
    problems: &mut Vec<Problem>,
) {
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
    if !briefing.actors.iter().any(|a| a.actor == actor) {
        Arc::make_mut(briefing).actors.push(ActorRef {
            actor,
            written: named.written.into(),
            role: named.role.map(Into::into),
        });
    }
}

/// The briefings' order, newest first.
fn date_order(briefings: &[Arc<Briefing>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..briefings.len()).collect();
    order.sort_by(|a, b| crate::model::by_date_desc(&briefings[*a], &briefings[*b]));
    order
}

/// The briefings' order, newest first, from where each stood before
/// (`hint`, by result; `from`: each briefing's result): the kept ones in
/// their previous order, the new ones merged in. `None` when the hint is not
/// one (two in one place).
fn hinted_order(briefings: &[Arc<Briefing>], from: &[usize], hint: &[u32]) -> Option<Vec<usize>> {
    let by_date = |a: &usize, b: &usize| crate::model::by_date_desc(&briefings[*a], &briefings[*b]);
    let place = |k: usize| hint.get(from[k]).copied().unwrap_or(u32::MAX);
    let (kept, mut new): (Vec<usize>, Vec<usize>) =
        (0..briefings.len()).partition(|&k| place(k) != u32::MAX);
    // The kept ones in their previous order, which is date order: a
    // slot each, no comparison.
    let slots = kept
        .iter()
        .map(|&k| place(k) as usize + 1)
        .max()
        .unwrap_or(0);
    let mut at_place: Vec<Option<usize>> = vec![None; slots];
    for &k in &kept {
        if let Some(slot) = at_place.get_mut(place(k) as usize) {
            *slot = Some(k);
        }
    }
    let placed = kept.len();
    let kept: Vec<usize> = at_place.into_iter().flatten().collect();
    if kept.len() != placed {
        return None;
    }
    // The few new ones each where a search puts them.
    new.sort_by(by_date);
    let mut order = Vec::with_capacity(briefings.len());
    let mut rest: &[usize] = &kept;
    for n in new {
        let split = rest.partition_point(|k| by_date(k, &n) == std::cmp::Ordering::Less);
        order.extend_from_slice(&rest[..split]);
        order.push(n);
        rest = &rest[split..];
    }
    order.extend_from_slice(rest);
    Some(order)
}

/// Whether a problem depends on other files (a duplicate id, a missing related
/// briefing), so that a reload finds it again rather than keeping it.
pub(crate) fn is_cross_file(p: &Problem) -> bool {
    p.message.starts_with("duplicate id '") || p.message.starts_with("related briefing '")
}
