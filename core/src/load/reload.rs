//! Live reload: the corpus of a folder again after some of its files changed,
//! reading only the files whose size or modification time changed and the
//! files added. A change to the actor registry reads everything again.
//!
//! A file caught while being written (it does not parse, or is empty, and was
//! modified within [`SETTLE`]) is "unsettled": its previous version is kept
//! (or it stays out), it is not reported, and the caller reads again shortly.
//! The registry gets the same grace: caught empty or broken while fresh, the
//! previous one is kept and it is read again shortly.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rayon::prelude::*;

use crate::actors::Registry;
use crate::briefings::{Briefings, Slot};
use crate::corpus::Corpus;
use crate::index::{DocFacts, Index};
use crate::load::listing::{Listing, look_at, walk_all};
use crate::load::{
    self, Folder, LoadError, LoadOptions, ParseResult, Parsed, REGISTRY_FILE, Source,
};
use crate::model::{ActorId, Problem};
use crate::stamp::{self, Seen, Stamp};

/// How long after its last modification a file that does not parse is taken
/// to be still being written.
pub const SETTLE: Duration = Duration::from_secs(2);

/// How many briefing files appeared, changed or went away.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added + self.changed + self.removed == 0
    }
}

impl std::fmt::Display for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} added, {} changed, {} removed",
            self.added, self.changed, self.removed
        )
    }
}

/// The folder read again.
#[derive(Debug)]
pub struct Reloaded {
    /// The folder as it is now.
    pub corpus: Folder,
    pub changes: Changes,
    /// Files caught while being written: not reported, to read again shortly
    /// (they are reported once older than [`SETTLE`]).
    pub unsettled: Vec<PathBuf>,
    /// True when every file was read again (the registry changed, or the
    /// previous corpus did not say what it had read).
    pub full: bool,
    /// True when the whole folder was walked, rather than only the paths
    /// a watcher named.
    pub walked: bool,
    /// For each briefing of the previous corpus, its index in the new one
    /// (as [`doc_map`] gives it).
    pub doc_map: Vec<Option<usize>>,
}

fn now_ns() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Whether a file with this stamp may still be being written.
fn recent(stamp: Option<&Stamp>, now: u128) -> bool {
    stamp.is_none_or(|s| s.modified_ns() + SETTLE.as_nanos() > now)
}

/// The registry as read from `actors.yaml`, without the unregistered actors
/// met in briefings, so that parsing warns about those again. Registered
/// actors come first, so their ids are the same.
fn registered_only(registry: &Registry) -> Registry {
    let actors = registry
        .actors()
        .iter()
        .filter(|a| a.registered)
        .cloned()
        .collect();
    Registry::new(actors).0
}

/// The registry's path in `root`, and its stamp: `None` when there is no
/// registry, `Some(None)` when it cannot be stat'ed.
fn registry_stamp(root: &Path) -> (PathBuf, Option<Option<Stamp>>) {
    let path = root.join(REGISTRY_FILE);
    let stamp = load::is_registry_file(root, &path)
        .then(|| stamp::stamps(std::slice::from_ref(&path)).pop().flatten());
    (path, stamp)
}

/// Whether the registry looks caught mid-save: empty, or it does not parse.
fn registry_half_written(path: &Path, opts: &LoadOptions) -> bool {
    let input = load::read_input(path, opts);
    let empty = input
        .bytes
        .as_ref()
        .is_ok_and(|b| b.trim_ascii().is_empty());
    let mut problems = Vec::new();
    load::parse_registry(input, &mut problems);
    empty
        || problems
            .iter()
            .any(|p| p.severity == crate::model::Severity::Error)
}

/// Whether any briefing file or the registry was added, changed or removed
/// since `prev` was read from its folder: a walk and a stat of every file, no
/// parsing. A corpus given in memory never changes.
pub fn changed_since(prev: &Folder) -> bool {
    let Some(root) = prev.source.root.as_deref() else {
        return false;
    };
    let Some(seen) = &prev.source.seen else {
        return true;
    };
    let mut problems = Vec::new();
    let (files, walked) = load::walk_below(root, root, &LoadOptions::default(), &mut problems);
    let (_, registry) = registry_stamp(root);
    if registry != seen.registry
        || stamp::topics_stamp(root) != seen.topics
        || files.len() != seen.files.len()
    {
        return true;
    }
    let stamps = stamp::stamps(&files);
    let changed = files
        .iter()
        .zip(&stamps)
        .zip(&seen.files)
        .any(|((p, s), (seen_p, seen_s))| p != seen_p || s.is_none() || s != seen_s);
    // The files as seen: the next reload may look only where the watcher
    // saw changes (a corpus from the cache was not walked when loaded).
    if !changed {
        let _ = seen.walked.set(walked);
    }
    changed
}

/// Which paths changed since a corpus was read, as a folder watcher saw them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// Not known (the watcher lost events, or was not watching): every file
    /// is looked at.
    Unknown,
    /// Files or folders created, written, removed or renamed (under either
    /// name). Paths outside the folder, or that cannot be judged cheaply,
    /// make the reload look at every file.
    Paths(Vec<PathBuf>),
}

impl Touched {
    /// What either says was touched; not known stays not known.
    pub fn merge(&mut self, other: Touched) {
        match (&mut *self, other) {
            (Touched::Paths(mine), Touched::Paths(more)) => {
                mine.extend(more);
                mine.sort_unstable();
                mine.dedup();
            }
            _ => *self = Touched::Unknown,
        }
    }
}

/// Reads `prev`'s folder again, looking only at what `touched` names (all of
/// it when `Touched::Unknown`): see [`reload_touched`].
pub fn reload(prev: &Folder, touched: &Touched) -> Result<Reloaded, LoadError> {
    let root = prev.source.root.as_deref().ok_or(LoadError::NoFolder)?;
    reload_touched(prev, root, &prev.source.opts, touched)
}

/// Reads `root` again after `prev` was read from it, looking only at the
/// paths `touched` names: a file is stat'ed, a folder walked; files seen at
/// or below a path that is no longer there are removed. The answer is the
/// one `Touched::Unknown` (a walk of the whole folder) gives; when that cannot
/// be told cheaply (`Touched::Unknown`, no paths, a path outside `root` or
/// `root` itself, the actor or topic registry touched, a symlink met now or
/// when the folder was last walked), the whole folder is walked.
fn reload_touched(
    prev: &Folder,
    root: &Path,
    opts: &LoadOptions,
    touched: &Touched,
) -> Result<Reloaded, LoadError> {
    let Some(seen) = &prev.source.seen else {
        return full(prev, root, opts);
    };
    load::check_root(root)?;
    // The topic registry changes how every briefing's topics read.
    if stamp::topics_stamp(root) != seen.topics {
        return full(prev, root, opts);
    }
    let (registry_path, registry_stamp) = registry_stamp(root);
    let now = now_ns();
    // A registry caught half-written keeps the previous one, as a briefing
    // does: its stamp stays the old one, so it is looked at again.
    let mut registry_unsettled = false;
    if registry_stamp != seen.registry || registry_stamp == Some(None) {
        let half_written = seen.registry.is_some()
            && matches!(&registry_stamp, Some(Some(s)) if recent(Some(s), now))
            && registry_half_written(&registry_path, opts);
        if !half_written {
            return full(prev, root, opts);
        }
        registry_unsettled = true;
    }
    let listing = match touched {
        Touched::Paths(paths) => look_at(seen, root, opts, paths),
        Touched::Unknown => None,
    }
    .unwrap_or_else(|| walk_all(seen, root, opts));
    let registry = RegistryNow {
        path: registry_path,
        stamp: registry_stamp,
        unsettled: registry_unsettled,
    };
    Ok(reread(prev, seen, root, opts, listing, registry, now))
}

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

/// The registry as found now.
struct RegistryNow {
    path: PathBuf,
    stamp: Option<Option<Stamp>>,
    /// Caught half-written: the previous one is kept.
    unsettled: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Same,
    Changed,
    Added,
}

/// One briefing file now.
struct File<'a> {
    path: &'a Path,
    stamp: Option<&'a Stamp>,
    kind: Kind,
    /// Its index in `Seen::files`, when it was seen.
    seen_at: Option<usize>,
    /// Its briefing in the previous corpus, when it had one.
    doc: Option<usize>,
}

/// Each briefing of the previous corpus, by the file it was read from.
struct PrevDocs<'a> {
    /// What the index holds of each briefing of `prev`: read rather than the
    /// briefings, which a corpus from the cache decodes only when shown.
    facts: &'a [DocFacts],
    seen: &'a Seen,
    /// When the last reload did not keep each file's briefing: found by path
    /// (keyed by the path's bytes: hashing a `Path` walks its components).
    by_path: HashMap<&'a OsStr, usize>,
}

impl<'a> PrevDocs<'a> {
    fn new(facts: &'a [DocFacts], seen: &'a Seen) -> PrevDocs<'a> {
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
    fn at(&self, i: usize) -> Option<usize> {
        let d = match &self.seen.docs {
            Some(docs) => docs.get(i).copied().flatten().map(|d| d as usize),
            None => self.by_path.get(self.seen.files[i].0.as_os_str()).copied(),
        };
        debug_assert!(d.is_none_or(|d| self.facts[d].path == self.seen.files[i].0));
        d
    }

    /// A stand-in for the briefing `d`, replaced by the briefing itself once
    /// the corpus is built, left undecoded.
    fn stand_in(&self, d: usize) -> ParseResult {
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
fn files_now<'a>(
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
struct Plan<'a> {
    files: Vec<File<'a>>,
    /// The registry the files are parsed with (see `registered_only`).
    pristine: Registry,
    opts: &'a LoadOptions,
    /// The files parsed, by index in `files`.
    parsed: HashMap<usize, ParseResult>,
    /// Files caught half-written: their previous version is kept.
    held: HashSet<usize>,
}

impl Plan<'_> {
    /// A file in path order, by its path.
    fn at(&self, path: &Path) -> Option<usize> {
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
    fn parse_first(&mut self) -> Vec<usize> {
        let first: Vec<usize> = (0..self.files.len())
            .filter(|&i| self.files[i].kind != Kind::Same || self.files[i].doc.is_none())
            .collect();
        let parsed: Vec<_> = first.par_iter().map(|&i| (i, self.parse(i))).collect();
        self.parsed.extend(parsed);
        first
    }

    /// Files of `first` caught half-written: their previous version is kept
    /// and nothing is said yet. Gives their paths.
    fn hold_unsettled(&mut self, first: &[usize], now: u128) -> Vec<PathBuf> {
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
    fn changes(&self, first: &[usize], removed: usize) -> Changes {
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
    fn moving_actors(
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
    fn parse_again(&mut self, moving: &HashSet<ActorId>, prev: &Index) {
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
    fn kept_problems<'p>(
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
    fn results(&mut self, docs: &PrevDocs<'_>) -> Order {
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
    fn seen_files(
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
struct Order {
    results: Vec<ParseResult>,
    /// For each result, where its briefing stood in the previous corpus
    /// (`u32::MAX`: a new one), so the sort only merges the new ones in.
    hint: Vec<u32>,
    /// Each file's result, when it gives one.
    result_of: Vec<Option<usize>>,
}

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
    let id_of = |d: usize| docs.facts.get(d).map_or("", |f| f.id.as_str());
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

/// The new corpus from the files found now: only the changed and added files
/// are parsed (and those whose problems may move), the others' briefings
/// are taken from `prev` as they are.
fn reread(
    prev: &Folder,
    seen: &Seen,
    root: &Path,
    opts: &LoadOptions,
    listing: Listing,
    registry: RegistryNow,
    now: u128,
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
    let mut unsettled = plan.hold_unsettled(&first, now);
    let changes = plan.changes(&first, listing.gone.len());
    let gone = listing.gone.iter().filter_map(|&g| docs.at(g));
    let moving = plan.moving_actors(prev, &first, gone);
    plan.parse_again(&moving, prev_index);
    let mut problems = listing.problems;
    problems.extend(plan.kept_problems(prev, &registry.path));
    let order = plan.results(&docs);
    let (mut corpus, placed) = load::build_placed(
        order.results,
        prev.registry.clone(),
        problems,
        Some(&order.hint),
    );
    let doc_map = map_docs(&corpus, &order.hint, &placed, &docs);
    corpus.briefings = reassemble(&corpus.briefings, &prev.briefings, &order.hint, &placed);
    let (files, docs) = plan.seen_files(seen, &order.result_of, &placed);
    let registry_seen = match registry.unsettled {
        true => {
            unsettled.push(registry.path);
            seen.registry.clone()
        }
        false => registry.stamp,
    };
    let seen = Seen {
        files,
        registry: registry_seen,
        topics: seen.topics.clone(),
        walked: listing.walked.into(),
        docs: Some(docs),
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
        doc_map,
    }
}

/// Everything read again; the changes are counted from the stamps.
fn full(prev: &Folder, root: &Path, opts: &LoadOptions) -> Result<Reloaded, LoadError> {
    // The files as they are now, not a cache taken as it is.
    let opts = LoadOptions {
        check_cache_after: false,
        ..opts.clone()
    };
    let corpus = load::load_dir(root, &opts, &|_, _| {})?;
    let old: HashMap<&Path, Option<&Stamp>> = match &prev.source.seen {
        Some(seen) => seen
            .files
            .iter()
            .map(|(p, s)| (p.as_path(), s.as_ref()))
            .collect(),
        None => prev
            .briefings
            .iter()
            .map(|b| (b.path.as_path(), None))
            .collect(),
    };
    let mut changes = Changes::default();
    let mut here = HashSet::default();
    for (path, stamp) in corpus.source.seen.iter().flat_map(|s| s.files.iter()) {
        here.insert(path.as_path());
        match old.get(path.as_path()) {
            None => changes.added += 1,
            Some(o) if o.is_some() && *o == stamp.as_ref() => {}
            Some(_) => changes.changed += 1,
        }
    }
    changes.removed = old.keys().filter(|p| !here.contains(*p)).count();
    Ok(Reloaded {
        doc_map: doc_map(prev, &corpus),
        corpus,
        changes,
        unsettled: Vec::new(),
        full: true,
        walked: true,
    })
}

/// For each briefing of `old` (by index), its index in `new`, matched by id.
pub fn doc_map(old: &Folder, new: &Folder) -> Vec<Option<usize>> {
    let at: HashMap<&str, usize> = new
        .briefings
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    // The old ids from its index: its briefings may never have been decoded.
    old.index()
        .docs
        .iter()
        .map(|f| at.get(f.id.as_str()).copied())
        .collect()
}
