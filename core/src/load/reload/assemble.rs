//! Assembling a reload's result: the corpus built from the plan, the
//! previous briefings put back in place, and where each went.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use super::plan::{InPlace, Plan, PrevDocs, files_now};
use super::{RegistryNow, Reloaded, registered_only};

use crate::briefings::{Briefings, Slot};
use crate::corpus::Corpus;
use crate::load::listing::Listing;
use crate::load::{self, Folder, LoadOptions, Source};
use crate::model::Problem;
use crate::stamp::Seen;

/// For each briefing of the previous corpus, its place in `corpus`: each
/// kept as it was is where it was placed, the others are found by id.
fn map_docs(
    corpus: &Corpus,
    hint: &[u32],
    placed: &[Option<usize>],
    docs: &PrevDocs<'_>,
) -> Vec<Option<usize>> {
    let mut doc_map = vec![None; docs.facts.len()];
    for (r, &h) in hint.iter().enumerate() {
        if let (Some(d), Some(&at)) = (doc_map.get_mut(h as usize), placed.get(r)) {
            *d = at;
        }
    }
    let by_id: Vec<usize> = (0..doc_map.len())
        .filter(|&d| doc_map[d].is_none())
        .collect();
    // Found among the corpus's briefings, stand-ins included, before they
    // are replaced.
    let id_of = |d: usize| docs.facts.get(d).map_or("", |f| f.id);
    if by_id.len() <= 8 {
        // Not `Folder::position`: it would build the new corpus's index,
        // which is carried over from `prev` instead.
        for d in by_id {
            doc_map[d] = corpus.briefings.iter().position(|b| b.id == id_of(d));
        }
    } else {
        let at: HashMap<&str, usize> = corpus
            .briefings
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.as_str(), i))
            .collect();
        for d in by_id {
            doc_map[d] = at.get(id_of(d)).copied();
        }
    }
    doc_map
}

/// The briefings of `built` with its stand-ins giving way to the briefings
/// of `prev`, as they are there (decoded or not).
fn reassemble(
    built: &Briefings,
    prev: &Briefings,
    hint: &[u32],
    placed: &[Option<usize>],
) -> Briefings {
    let mut origin: Vec<Option<usize>> = vec![None; built.len()];
    for (r, &h) in hint.iter().enumerate() {
        if let (true, Some(Some(at))) = (h != u32::MAX, placed.get(r)) {
            origin[*at] = Some(h as usize);
        }
    }
    Briefings::assemble(
        origin
            .iter()
            .enumerate()
            .filter_map(|(at, o)| match o {
                Some(d) => Some(Slot::From(prev, *d)),
                None => built.get(at).cloned().map(Slot::New),
            })
            .collect(),
    )
}

/// The previous corpus with the briefings parsed again in their places:
/// the actors they name resolved and the problems sorted as `build` does,
/// nothing else built again.
fn kept_in_place(prev: &Folder, found: InPlace, mut problems: Vec<Problem>) -> Corpus {
    let mut registry = prev.registry.clone();
    let (briefings, from) =
        load::resolve(found.results, found.duplicate, &mut registry, &mut problems);
    problems.extend(found.missing_related);
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    let new = (briefings.into_iter().zip(from))
        .filter_map(|(b, r)| Some((found.places.get(r).copied().flatten()?, b)))
        .collect();
    Corpus::new(prev.briefings.replaced(new), registry, problems)
}

/// The new corpus from the files found now: only the changed and added files
/// are parsed (and those whose problems may move), the others' briefings
/// are taken from `prev` as they are.
pub(super) fn reread(
    prev: &Folder,
    seen: &Seen,
    root: &Path,
    opts: &LoadOptions,
    listing: Listing,
    registry: RegistryNow,
    now: u64,
) -> Reloaded {
    let prev_index = prev.index();
    let docs = PrevDocs::new(&prev_index.docs, seen);
    let mut plan = Plan {
        files: files_now(seen, &listing.looked, &listing.gone, &docs),
        pristine: registered_only(&prev.registry),
        opts,
        parsed: HashMap::default(),
        held: HashSet::default(),
    };
    let first = plan.parse_first();
    let looked = listing.looked.len();
    let mut unsettled = plan.hold_unsettled(&first, now);
    let changes = plan.changes(&first, listing.gone.len());
    let gone = listing.gone.iter().filter_map(|&g| docs.at(g));
    let moving = plan.moving_actors(prev, &first, gone);
    plan.parse_again(&moving, prev_index);
    let mut problems = listing.problems;
    let in_place = match listing.gone.is_empty() {
        true => plan.in_place(docs.facts),
        false => None,
    };
    let kept_places = in_place.is_some();
    if !kept_places {
        plan.parse_namesakes(prev, prev_index);
    }
    let parsed = plan.parsed.len();
    let (corpus, doc_map, (files, docs)) = match in_place {
        Some(kept) => {
            problems.extend(plan.kept_problems(prev, &registry.path, true));
            let found = plan.take_in_place(kept);
            let corpus = kept_in_place(prev, found, problems);
            let doc_map = (0..prev.briefings.len()).map(Some).collect();
            (corpus, doc_map, plan.seen_in_place(seen))
        }
        None => {
            problems.extend(plan.kept_problems(prev, &registry.path, false));
            let order = plan.results(&docs);
            let (mut corpus, placed) = load::build_placed(
                order.results,
                prev.registry.clone(),
                problems,
                Some(&order.hint),
            );
            let doc_map = map_docs(&corpus, &order.hint, &placed, &docs);
            corpus.briefings = reassemble(&corpus.briefings, &prev.briefings, &order.hint, &placed);
            let seen_files = plan.seen_files(seen, &order.result_of, &placed);
            (corpus, doc_map, seen_files)
        }
    };
    let registry_seen = match registry.unsettled {
        true => {
            unsettled.push(registry.path);
            seen.registry
        }
        false => registry.stamp,
    };
    let seen = Seen {
        files,
        registry: registry_seen,
        topics: seen.topics,
        walked: listing.walked.into(),
        docs: docs.into(),
    };
    let source = Source {
        bodies: prev.source.bodies.clone(),
        ..Source::folder(root, opts, seen)
    };
    Reloaded {
        corpus: Folder::new(corpus, source, prev.index.store.clone()),
        changes,
        unsettled,
        full: false,
        walked: listing.whole,
        looked,
        parsed,
        in_place: kept_places,
        doc_map,
    }
}
