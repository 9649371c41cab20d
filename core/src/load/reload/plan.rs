//! The plan of a reload: every briefing file now, and what becomes of each
//! (parsed, kept as it was, or held while it is being written).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Changes, recent};

use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::index::{DocFacts, Index};
use crate::load::{self, LoadOptions, ParseResult, Parsed};
use crate::model::{ActorId, Problem};
use crate::stamp::{Seen, Stamp};

/// For each file looked at, its index among the files seen (`Ok`), or where
/// it would go among them (`Err`). Both lists are in path order.
fn positions(
    seen: &[(PathBuf, Option<Stamp>)],
    looked: &[(PathBuf, Option<Stamp>)],
) -> Vec<Result<usize, usize>> {
    // A few: a search each; many (after a walk): one pass over both.
    if looked.len() < seen.len() / 16 {
        return looked
            .iter()
            .map(|(p, _)| seen.binary_search_by(|(s, _)| s.cmp(p)))
            .collect();
    }
    let mut at = 0;
    looked
        .iter()
        .map(|(p, _)| {
            while seen.get(at).is_some_and(|(s, _)| s < p) {
                at += 1;
            }
            match seen.get(at) {
                Some((s, _)) if s == p => Ok(at),
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
    stamp: Option<&'a Stamp>,
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
    pub(super) facts: &'a [DocFacts],
    seen: &'a Seen,
    /// When the last reload did not keep each file's briefing: found by path
    /// (keyed by the path's bytes: hashing a `Path` walks its components).
    by_path: HashMap<&'a OsStr, usize>,
}

impl<'a> PrevDocs<'a> {
    pub(super) fn new(facts: &'a [DocFacts], seen: &'a Seen) -> PrevDocs<'a> {
        let by_path = match &seen.docs {
            Some(_) => HashMap::default(),
            None => facts
                .iter()
                .enumerate()
                .map(|(i, f)| (f.path.as_os_str(), i))
                .collect(),
        };
        PrevDocs {
            facts,
            seen,
            by_path,
        }
    }

    /// The briefing of the `i`th file seen, when it had one.
    pub(super) fn at(&self, i: usize) -> Option<usize> {
        let d = match &self.seen.docs {
            Some(docs) => docs.get(i).copied().flatten().map(|d| d as usize),
            None => self.by_path.get(self.seen.files[i].0.as_os_str()).copied(),
        };
        debug_assert!(d.is_none_or(|d| self.facts[d].path == self.seen.files[i].0));
        d
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
                stamp: stamp.as_ref(),
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
            Some(((_, now), _)) if now.is_some() && now == was => (now.as_ref(), Kind::Same),
            Some(((_, now), _)) => (now.as_ref(), Kind::Changed),
            None => (was.as_ref(), Kind::Same),
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
    pub(super) fn hold_unsettled(&mut self, first: &[usize], now: u128) -> Vec<PathBuf> {
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
        let mut again: Vec<usize> = (prev.doc_actors.iter().zip(&prev.docs))
            .filter(|(actors, _)| actors.iter().any(|&a| moving.contains(&(a as usize))))
            .filter_map(|(_, f)| self.at(&f.path))
            .filter(|&i| self.reused(i) && !self.held.contains(&i))
            .collect();
        again.sort_unstable();
        let more: Vec<_> = again.par_iter().map(|&i| (i, self.parse(i))).collect();
        self.parsed.extend(more);
    }

    /// The problems of the files kept as they were, less those that depend
    /// on other files (found again when the corpus is built); the registry's
    /// own problems.
    pub(super) fn kept_problems<'p>(
        &'p self,
        prev: &'p Corpus,
        registry: &'p Path,
    ) -> impl Iterator<Item = Problem> + 'p {
        prev.problems
            .iter()
            .filter(move |p| {
                let kept = |i: usize| self.reused(i);
                (!load::is_cross_file(p) && self.at(&p.path).is_some_and(kept))
                    || p.path == registry
            })
            .cloned()
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
    ) -> (Vec<SeenFile>, Vec<Option<u32>>) {
        self.files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let doc = result_of[i]
                    .and_then(|r| placed.get(r).copied().flatten())
                    .and_then(|d| u32::try_from(d).ok());
                match f.kind != Kind::Same && self.held.contains(&i) {
                    true => f
                        .seen_at
                        .map(|s| ((f.path.to_path_buf(), seen.files[s].1.clone()), doc)),
                    false => Some(((f.path.to_path_buf(), f.stamp.cloned()), doc)),
                }
            })
            .unzip()
    }
}

/// A file as seen: its path and its stamp.
type SeenFile = (PathBuf, Option<Stamp>);

/// What a reload builds the corpus from, in path order.
pub(super) struct Order {
    pub(super) results: Vec<ParseResult>,
    /// For each result, where its briefing stood in the previous corpus
    /// (`u32::MAX`: a new one), so the sort only merges the new ones in.
    pub(super) hint: Vec<u32>,
    /// Each file's result, when it gives one.
    pub(super) result_of: Vec<Option<usize>>,
}
