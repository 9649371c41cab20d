//! The plan of a reload: every briefing file now, and what becomes of each
//! (parsed, kept as it was, or held while it is being written).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Changes, recent};

use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::index::{Facts, Index};
use crate::load::{self, LoadOptions, ParseResult, Parsed};
use crate::model::{ActorId, Problem};
use crate::stamp::{Files, Seen, Stamp};

/// For each file looked at, its index among the files seen (`Ok`), or where
/// it would go among them (`Err`). Both lists are in path order.
fn positions(seen: &Files, looked: &[(PathBuf, Option<Stamp>)]) -> Vec<Result<usize, usize>> {
    // A few: a search each; many (after a walk): one pass over both.
    if looked.len() < seen.len() / 16 {
        return looked
            .iter()
            .map(|(p, _)| seen.binary_search_by(|(s, _)| s.cmp(p.as_path())))
            .collect();
    }
    let mut at = 0;
    looked
        .iter()
        .map(|(p, _)| {
            while seen.get(at).is_some_and(|(s, _)| s < p.as_path()) {
                at += 1;
            }
            match seen.get(at) {
                Some((s, _)) if s == p.as_path() => Ok(at),
                _ => Err(at),
            }
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Same,
    Changed,
    Added,
}

/// One briefing file now.
pub(super) struct File<'a> {
    path: &'a Path,
    stamp: Option<Stamp>,
    kind: Kind,
    /// Its index in `Seen::files`, when it was seen.
    seen_at: Option<usize>,
    /// Its briefing in the previous corpus, when it had one.
    doc: Option<usize>,
}

/// Each briefing of the previous corpus, by the file it was read from.
pub(super) struct PrevDocs<'a> {
    /// What the index holds of each briefing of `prev`: read rather than the
    /// briefings, which a corpus from the cache decodes only when shown.
    pub(super) facts: &'a Facts,
    /// For each file seen, its briefing (see `doc_places`).
    places: &'a [Option<u32>],
}

/// For each file of `seen`, its briefing's index in `facts`: as the last
/// reload kept them, or found once (`Seen::docs_by_path`).
pub(crate) fn doc_places<'a>(seen: &'a Seen, facts: &Facts) -> &'a [Option<u32>] {
    seen.docs_by_path(facts.iter().map(|f| f.path))
}

impl<'a> PrevDocs<'a> {
    pub(super) fn new(facts: &'a Facts, seen: &'a Seen) -> PrevDocs<'a> {
        PrevDocs {
            facts,
            places: doc_places(seen, facts),
        }
    }

    /// The briefing of the `i`th file seen, when it had one.
    pub(super) fn at(&self, i: usize) -> Option<usize> {
        self.places.get(i).copied().flatten().map(|d| d as usize)
    }

    /// A stand-in for the briefing `d`, replaced by the briefing itself once
    /// the corpus is built, left undecoded.
    pub(super) fn stand_in(&self, d: usize) -> ParseResult {
        let briefing = self.facts.get(d).map(|f| f.stand_in()).unwrap_or_default();
        Ok((
            Parsed {
                briefing: std::sync::Arc::new(briefing),
                actors: Vec::new(),
                id_line: None,
            },
            Vec::new(),
        ))
    }
}

/// Every file now, in path order: those seen and still there, and those
/// added (`looked` at, not seen), each with its stamp now.
pub(super) fn files_now<'a>(
    seen: &'a Seen,
    looked: &'a [(PathBuf, Option<Stamp>)],
    gone: &[usize],
    docs: &PrevDocs<'_>,
) -> Vec<File<'a>> {
    let at = positions(&seen.files, looked);
    let mut files: Vec<File> = Vec::with_capacity(seen.files.len() + looked.len());
    let mut next = looked.iter().zip(&at).peekable();
    let mut gone_next = gone.iter().peekable();
    for i in 0..=seen.files.len() {
        while let Some(((path, stamp), _)) = next.next_if(|(_, at)| **at == Err(i)) {
            files.push(File {
                path,
                stamp: *stamp,
                kind: Kind::Added,
                seen_at: None,
                doc: None,
            });
        }
        let Some((path, was)) = seen.files.get(i) else {
            break;
        };
        if gone_next.next_if(|&&g| g == i).is_some() {
            continue;
        }
        let (stamp, kind) = match next.next_if(|(_, at)| **at == Ok(i)) {
            Some(((_, now), _)) if now.is_some() && *now == was => (*now, Kind::Same),
            Some(((_, now), _)) => (*now, Kind::Changed),
            None => (was, Kind::Same),
        };
        files.push(File {
            path,
            stamp,
            kind,
            seen_at: Some(i),
            doc: docs.at(i),
        });
    }
    files
}

/// The files now, and what a reload does with each: parse it, keep its
/// previous version, or hold it while it is being written.
pub(super) struct Plan<'a> {
    pub(super) files: Vec<File<'a>>,
    /// The registry the files are parsed with (see `registered_only`).
    pub(super) pristine: Registry,
    pub(super) opts: &'a LoadOptions,
    /// The files parsed, by index in `files`.
    pub(super) parsed: HashMap<usize, ParseResult>,
    /// Files caught half-written: their previous version is kept.
    pub(super) held: HashSet<usize>,
}

impl Plan<'_> {
    /// A file in path order, by its path.
    pub(super) fn at(&self, path: &Path) -> Option<usize> {
        self.files.binary_search_by(|f| f.path.cmp(path)).ok()
    }

    /// Whether a file's briefing is taken from `prev` as it was.
    fn reused(&self, i: usize) -> bool {
        (self.files[i].kind == Kind::Same || self.held.contains(&i))
            && !self.parsed.contains_key(&i)
    }

    fn parse(&self, i: usize) -> ParseResult {
        load::parse_briefing(
            load::read_input(self.files[i].path, self.opts),
            &self.pristine,
        )
    }

    /// Parses, on every core, the changed and added files, and the unchanged
    /// ones that are not in the corpus (broken, or a duplicate id that may
    /// now be free); says which.
    pub(super) fn parse_first(&mut self) -> Vec<usize> {
        let first: Vec<usize> = (0..self.files.len())
            .filter(|&i| self.files[i].kind != Kind::Same || self.files[i].doc.is_none())
            .collect();
        let parsed: Vec<_> = first.par_iter().map(|&i| (i, self.parse(i))).collect();
        self.parsed.extend(parsed);
        first
    }

    /// Files of `first` caught half-written: their previous version is kept
    /// and nothing is said yet. Gives their paths.
    pub(super) fn hold_unsettled(&mut self, first: &[usize], now: u64) -> Vec<PathBuf> {
        let mut unsettled = Vec::new();
        for &i in first {
            let failed = matches!(self.parsed.get(&i), Some(Err(_)));
            let file = &self.files[i];
            if file.kind != Kind::Same && failed && recent(file.stamp, now) {
                self.parsed.remove(&i);
                unsettled.push(file.path.to_path_buf());
                self.held.insert(i);
            }
        }
        unsettled
    }

    /// The files of `first` added and changed, and `removed`.
    pub(super) fn changes(&self, first: &[usize], removed: usize) -> Changes {
        let mut changes = Changes {
            removed,
            ..Changes::default()
        };
        for &i in first {
            match self.files[i].kind {
                _ if self.held.contains(&i) => {}
                Kind::Added => changes.added += 1,
                Kind::Changed => changes.changed += 1,
                Kind::Same => {}
            }
        }
        changes
    }

    /// Unregistered actors whose "not in the registry" warning may move:
    /// those of the previous versions of changed and removed (`gone`) files,
    /// and those named by the files just parsed.
    pub(super) fn moving_actors(
        &self,
        prev: &Corpus,
        first: &[usize],
        gone: impl Iterator<Item = usize>,
    ) -> HashSet<ActorId> {
        let unregistered = |a: ActorId| prev.registry.get(a).is_some_and(|a| !a.registered);
        let mut moving: HashSet<ActorId> = HashSet::default();
        let changed = first
            .iter()
            .filter(|&&i| self.files[i].kind == Kind::Changed && !self.held.contains(&i))
            .filter_map(|&i| self.files[i].doc);
        for d in changed.chain(gone) {
            let actors = prev.briefings[d].actors.iter().map(|r| r.actor);
            moving.extend(actors.filter(|&a| unregistered(a)));
        }
        for (parsed, _) in self.parsed.values().flatten() {
            for named in &parsed.actors {
                if named.resolved.is_err()
                    && let Some(a) = prev.registry.resolve(&named.written)
                {
                    moving.insert(a);
                }
            }
        }
        moving
    }

    /// Unchanged files naming a `moving` actor are parsed again, so the
    /// warning goes, as on a full load, to the first file naming one.
    pub(super) fn parse_again(&mut self, moving: &HashSet<ActorId>, prev: &Index) {
        if moving.is_empty() {
            return;
        }
        let mut again: Vec<usize> = (prev.doc_actors.iter().zip(prev.docs.iter()))
            .filter(|(actors, _)| actors.iter().any(|&a| moving.contains(&(a as usize))))
            .filter_map(|(_, f)| self.at(f.path))
            .filter(|&i| self.reused(i) && !self.held.contains(&i))
            .collect();
        again.sort_unstable();
        let more: Vec<_> = again.par_iter().map(|&i| (i, self.parse(i))).collect();
        self.parsed.extend(more);
    }

    /// The problems of the files kept as they were, less those that depend
    /// on other files unless `cross_file` (otherwise found again when the
    /// corpus is built); the registry's own problems.
    pub(super) fn kept_problems<'p>(
        &'p self,
        prev: &'p Corpus,
        registry: &'p Path,
        cross_file: bool,
    ) -> impl Iterator<Item = Problem> + 'p {
        prev.problems
            .iter()
            .filter(move |p| {
                let kept = |i: usize| self.reused(i);
                ((cross_file || !load::is_cross_file(p)) && self.at(&p.path).is_some_and(kept))
                    || p.path == registry
            })
            .cloned()
    }

    /// Whether every briefing keeps its place: nothing added or gone (the
    /// caller checks `gone`), each briefing parsed keeps its id and date (so
    /// its place in date order), and each file that gave no briefing still
    /// gives none (broken, or a duplicate of a file before it). Then the set
    /// of ids is the same, the other files' problems stand, and the corpus
    /// need not be built again: `take_in_place` takes the results.
    pub(super) fn in_place(&self, facts: &Facts) -> Option<KeptPlaces> {
        let added = |(i, f): (usize, &File)| f.kind == Kind::Added && !self.held.contains(&i);
        if self.files.iter().enumerate().any(added) {
            return None;
        }
        let mut order: Vec<usize> = self.parsed.keys().copied().collect();
        order.sort_unstable();
        // The ids to find in the corpus: the related ones named, and those
        // of files that gave no briefing (a duplicate's holder).
        let mut wanted: HashMap<String, Option<usize>> = HashMap::default();
        for &i in &order {
            match (self.files[i].doc, self.parsed.get(&i)?) {
                (Some(d), Ok((p, _))) => {
                    let f = facts.get(d)?;
                    if p.briefing.id != f.id || p.briefing.date != f.date {
                        return None;
                    }
                    for r in &p.briefing.related {
                        wanted.insert(r.clone(), None);
                    }
                }
                // A briefing gone from the corpus.
                (Some(_), Err(_)) => return None,
                (None, Err(_)) => {}
                (None, Ok((p, _))) => {
                    wanted.insert(p.briefing.id.to_string(), None);
                }
            }
        }
        if !wanted.is_empty() {
            for (d, f) in facts.iter().enumerate() {
                if let Some(at) = wanted.get_mut(f.id) {
                    *at = Some(d);
                }
            }
        }
        // Still a duplicate of a file before it, or it would take the id.
        let holder = |i: usize| -> Option<&Path> {
            let Some(Ok((p, _))) = self.parsed.get(&i) else {
                return None;
            };
            let h = wanted.get(p.briefing.id.as_str()).copied().flatten()?;
            let h = facts.get(h).map(|f| f.path)?;
            (h < self.files[i].path).then_some(h)
        };
        let gives_none = |i: usize| matches!(self.parsed.get(&i), Some(Err(_)));
        let still_out =
            |&i: &usize| self.files[i].doc.is_some() || gives_none(i) || holder(i).is_some();
        if !order.iter().all(still_out) {
            return None;
        }
        let holders = (order.iter())
            .filter_map(|&i| Some((i, holder(i)?.to_path_buf())))
            .collect();
        let known = wanted.into_iter().filter(|(_, d)| d.is_some());
        Some(KeptPlaces {
            order,
            holders,
            known: known.map(|(id, _)| id).collect(),
        })
    }

    /// The results parsed, taken out of the plan, when `in_place` said
    /// every briefing keeps its place.
    pub(super) fn take_in_place(&mut self, kept: KeptPlaces) -> InPlace {
        let mut found = InPlace::default();
        for i in kept.order {
            let Some(result) = self.parsed.remove(&i) else {
                continue;
            };
            let (place, path) = (self.files[i].doc, self.files[i].path);
            if let (Some(h), Ok((p, _))) = (kept.holders.get(&i), &result) {
                let problem = load::duplicate_id(p, h);
                found.duplicate.insert(found.results.len(), problem);
            }
            if let (Some(_), Ok((p, _))) = (place, &result) {
                let missing =
                    (p.briefing.related.iter()).filter(|r| !kept.known.contains(r.as_str()));
                found
                    .missing_related
                    .extend(missing.map(|r| load::no_related(path, r)));
            }
            found.results.push(result);
            found.places.push(place);
        }
        found
    }

    /// Files kept as they were whose briefing has the id of one just parsed
    /// are parsed again: the one of them that gives way says so at the line
    /// of its id, as on a full load, and its unregistered actors' warnings
    /// may move to other files (see `parse_again`).
    pub(super) fn parse_namesakes(&mut self, prev: &Corpus, index: &Index) {
        let ids: HashSet<&str> = (self.parsed.values().flatten())
            .map(|(p, _)| p.briefing.id.as_str())
            .collect();
        if ids.is_empty() {
            return;
        }
        let mut again: Vec<usize> = (index.docs.iter())
            .filter(|f| ids.contains(f.id))
            .filter_map(|f| self.at(f.path))
            .filter(|&i| self.reused(i) && !self.held.contains(&i))
            .collect();
        drop(ids);
        again.sort_unstable();
        let more: Vec<_> = again.par_iter().map(|&i| (i, self.parse(i))).collect();
        self.parsed.extend(more);
        let unregistered = |a: ActorId| prev.registry.get(a).is_some_and(|a| !a.registered);
        let moving: HashSet<ActorId> = (again.iter())
            .filter_map(|&i| self.files[i].doc)
            .flat_map(|d| prev.briefings[d].actors.iter().map(|r| r.actor))
            .filter(|&a| unregistered(a))
            .collect();
        self.parse_again(&moving, index);
    }

    /// The files as seen now (see `seen_files`) when every briefing kept
    /// its place (`in_place`): those seen before, sharing their chunks,
    /// with the new stamps of the files that changed (not of those caught
    /// half-written, looked at again); each file's briefing where it was.
    pub(super) fn seen_in_place(&self, seen: &Seen) -> (Files, Vec<Option<u32>>) {
        let mut files = seen.files.clone();
        for (i, f) in self.files.iter().enumerate() {
            if let (Kind::Changed, Some(at), false) = (f.kind, f.seen_at, self.held.contains(&i)) {
                files.set(at, (f.path, f.stamp));
            }
        }
        let docs = match seen.docs.get() {
            Some(docs) => docs.clone(),
            // A new file caught half-written stays unseen.
            None => (self.files.iter())
                .filter(|f| f.seen_at.is_some())
                .map(|f| f.doc.and_then(|d| u32::try_from(d).ok()))
                .collect(),
        };
        (files, docs)
    }

    /// Every file in path order, as a full load would see them: the results
    /// parsed, and a stand-in for each briefing kept (taken out of the plan).
    pub(super) fn results(&mut self, docs: &PrevDocs<'_>) -> Order {
        let mut order = Order {
            results: Vec::with_capacity(self.files.len()),
            hint: Vec::with_capacity(self.files.len()),
            result_of: Vec::with_capacity(self.files.len()),
        };
        for (i, f) in self.files.iter().enumerate() {
            let (result, hint) = match (self.parsed.remove(&i), f.doc) {
                (Some(r), _) => (r, u32::MAX),
                (None, Some(d)) => (docs.stand_in(d), u32::try_from(d).unwrap_or(u32::MAX)),
                (None, None) => {
                    order.result_of.push(None);
                    continue;
                }
            };
            order.result_of.push(Some(order.hint.len()));
            order.hint.push(hint);
            order.results.push(result);
        }
        order
    }

    /// The files as seen now, each with its briefing's place in the new
    /// corpus (`placed`, for each result). A file caught half-written keeps
    /// the stamp it had, so it is looked at again; one that is new stays
    /// unseen, to count as added once settled.
    pub(super) fn seen_files(
        &self,
        seen: &Seen,
        result_of: &[Option<usize>],
        placed: &[Option<usize>],
    ) -> (Files, Vec<Option<u32>>) {
        let mut files = Files::default();
        let mut docs = Vec::with_capacity(self.files.len());
        for (i, f) in self.files.iter().enumerate() {
            let doc = result_of[i]
                .and_then(|r| placed.get(r).copied().flatten())
                .and_then(|d| u32::try_from(d).ok());
            let stamp = match f.kind != Kind::Same && self.held.contains(&i) {
                true => match f.seen_at.and_then(|s| seen.files.get(s)) {
                    Some((_, was)) => was,
                    None => continue,
                },
                false => f.stamp,
            };
            files.push((f.path, stamp));
            docs.push(doc);
        }
        (files, docs)
    }
}

/// What `Plan::in_place` found: the files parsed in path order, the
/// duplicates' holders, the related ids that exist.
pub(super) struct KeptPlaces {
    order: Vec<usize>,
    holders: HashMap<usize, PathBuf>,
    known: HashSet<String>,
}

/// The files parsed by a reload whose briefings keep their places.
#[derive(Default)]
pub(super) struct InPlace {
    /// In path order.
    pub(super) results: Vec<ParseResult>,
    /// For each result, the place its briefing keeps; `None`: it gives none.
    pub(super) places: Vec<Option<usize>>,
    /// Duplicate ids, by result.
    pub(super) duplicate: HashMap<usize, Problem>,
    pub(super) missing_related: Vec<Problem>,
}

/// What a reload builds the corpus from, in path order.
pub(super) struct Order {
    pub(super) results: Vec<ParseResult>,
    /// For each result, where its briefing stood in the previous corpus
    /// (`u32::MAX`: a new one), so the sort only merges the new ones in.
    pub(super) hint: Vec<u32>,
    /// Each file's result, when it gives one.
    pub(super) result_of: Vec<Option<usize>>,
}
