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
use std::path::{Path, PathBuf};
use std::time::Duration;

use rayon::prelude::*;

use crate::actors::Registry;
use crate::cache;
use crate::corpus::Corpus;
use crate::load::{self, LoadError, LoadOptions, ParseResult, Parsed, REGISTRY_FILE};
use crate::model::ActorId;
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
    pub corpus: Corpus,
    pub changes: Changes,
    /// Files caught while being written: not reported, to read again shortly
    /// (they are reported once older than [`SETTLE`]).
    pub unsettled: Vec<PathBuf>,
    /// True when every file was read again (the registry changed, or the
    /// previous corpus did not say what it had read).
    pub full: bool,
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
/// since `prev` was read from `root`: a walk and a stat of every file, no parsing.
pub fn changed_since(prev: &Corpus, root: &Path) -> bool {
    let Some(seen) = &prev.seen else {
        return true;
    };
    let mut problems = Vec::new();
    let files = load::walk(root, &LoadOptions::default(), &mut problems);
    let (_, registry) = registry_stamp(root);
    if registry != seen.registry
        || stamp::topics_stamp(root) != seen.topics
        || files.len() != seen.files.len()
    {
        return true;
    }
    let stamps = stamp::stamps(&files);
    files
        .iter()
        .zip(&stamps)
        .zip(&seen.files)
        .any(|((p, s), (seen_p, seen_s))| p != seen_p || s.is_none() || s != seen_s)
}

/// Reads `root` again after `prev` was read from it: see the module docs.
pub fn reload(prev: &Corpus, root: &Path, opts: &LoadOptions) -> Result<Reloaded, LoadError> {
    let Some(seen) = &prev.seen else {
        return full(prev, root, opts);
    };
    load::check_root(root)?;
    // The topic registry changes how every briefing's topics read.
    if stamp::topics_stamp(root) != seen.topics {
        return full(prev, root, opts);
    }
    let mut problems = Vec::new();
    let files = load::walk(root, opts, &mut problems);
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
    let stamps = stamp::stamps(&files);
    let before: HashMap<&Path, Option<&Stamp>> = seen
        .files
        .iter()
        .map(|(p, s)| (p.as_path(), s.as_ref()))
        .collect();
    let doc_of: HashMap<&Path, usize> = prev
        .briefings
        .iter()
        .enumerate()
        .map(|(i, b)| (b.path.as_path(), i))
        .collect();
    let here: HashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
    let removed: Vec<&Path> = seen
        .files
        .iter()
        .map(|(p, _)| p.as_path())
        .filter(|p| !here.contains(p))
        .collect();

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Kind {
        Same,
        Changed,
        Added,
    }
    let kinds: Vec<Kind> = files
        .iter()
        .zip(&stamps)
        .map(|(p, s)| match before.get(p.as_path()) {
            None => Kind::Added,
            Some(old) if s.is_some() && s.as_ref() == *old => Kind::Same,
            Some(_) => Kind::Changed,
        })
        .collect();

    // What to parse first: the changed and added files, and the unchanged
    // ones that are not in the corpus (broken, or a duplicate id that may now
    // be free).
    let pristine = registered_only(&prev.registry);
    let parse = |i: usize| load::parse_briefing(load::read_input(&files[i], opts), &pristine);
    let first: Vec<usize> = (0..files.len())
        .filter(|&i| kinds[i] != Kind::Same || !doc_of.contains_key(files[i].as_path()))
        .collect();
    let mut parsed: HashMap<usize, ParseResult> = first
        .par_iter()
        .map(|&i| (i, parse(i)))
        .collect::<Vec<_>>()
        .into_iter()
        .collect();

    // Caught half-written: keep the previous version, say nothing yet.
    let mut unsettled = Vec::new();
    let mut kept_stamps: HashMap<usize, Option<Stamp>> = HashMap::default();
    for &i in &first {
        let failed = matches!(parsed.get(&i), Some(Err(_)));
        if kinds[i] != Kind::Same && failed && recent(stamps[i].as_ref(), now) {
            parsed.remove(&i);
            unsettled.push(files[i].clone());
            kept_stamps.insert(i, before.get(files[i].as_path()).and_then(|s| s.cloned()));
        }
    }

    let mut changes = Changes {
        removed: removed.len(),
        ..Changes::default()
    };
    for (i, k) in kinds.iter().enumerate() {
        if kept_stamps.contains_key(&i) {
            continue;
        }
        match k {
            Kind::Added => changes.added += 1,
            Kind::Changed => changes.changed += 1,
            Kind::Same => {}
        }
    }

    // Unregistered actors whose "not in the registry" warning may move: those
    // of the previous versions of changed and removed files, and those named
    // by the files just parsed. Unchanged files naming them are parsed again
    // so the warning goes, as on a full load, to the first file naming one.
    let unregistered = |a: ActorId| prev.registry.get(a).is_some_and(|a| !a.registered);
    let mut moving: HashSet<ActorId> = HashSet::default();
    let gone = files
        .iter()
        .enumerate()
        .filter(|(i, _)| kinds[*i] == Kind::Changed && !kept_stamps.contains_key(i))
        .map(|(_, p)| p.as_path())
        .chain(removed.iter().copied());
    for path in gone {
        if let Some(&d) = doc_of.get(path) {
            moving.extend(
                prev.briefings[d]
                    .actors
                    .iter()
                    .map(|r| r.actor)
                    .filter(|&a| unregistered(a)),
            );
        }
    }
    for (parsed, _) in parsed.values().flatten() {
        for named in &parsed.actors {
            if named.resolved.is_err()
                && let Some(a) = prev.registry.resolve(&named.written)
            {
                moving.insert(a);
            }
        }
    }
    let reused: Vec<bool> = (0..files.len())
        .map(|i| {
            (kinds[i] == Kind::Same || kept_stamps.contains_key(&i)) && !parsed.contains_key(&i)
        })
        .collect();
    if !moving.is_empty() {
        let again: Vec<usize> = (0..files.len())
            .filter(|&i| reused[i] && !kept_stamps.contains_key(&i))
            .filter(|&i| {
                doc_of.get(files[i].as_path()).is_some_and(|&d| {
                    prev.briefings[d]
                        .actors
                        .iter()
                        .any(|r| moving.contains(&r.actor))
                })
            })
            .collect();
        let more: Vec<(usize, ParseResult)> = again.par_iter().map(|&i| (i, parse(i))).collect();
        parsed.extend(more);
    }

    // Problems of the files kept as they were, less those that depend on
    // other files (found again below); the registry's own problems.
    let kept: HashSet<&Path> = (0..files.len())
        .filter(|&i| reused[i] && !parsed.contains_key(&i))
        .map(|i| files[i].as_path())
        .collect();
    problems.extend(
        prev.problems
            .iter()
            .filter(|p| {
                (kept.contains(p.path.as_path()) && !load::is_cross_file(p))
                    || p.path == registry_path
            })
            .cloned(),
    );

    // Every file in path order, as a full load would see them.
    let fresh: Vec<Option<ParseResult>> = (0..files.len()).map(|i| parsed.remove(&i)).collect();
    let results: Vec<ParseResult> = fresh
        .into_par_iter()
        .enumerate()
        .filter_map(|(i, result)| match result {
            Some(r) => Some(r),
            None => doc_of.get(files[i].as_path()).map(|&d| {
                Ok((
                    Parsed {
                        briefing: prev.briefings[d].clone(),
                        actors: Vec::new(),
                        id_line: None,
                    },
                    Vec::new(),
                ))
            }),
        })
        .collect();
    let mut corpus = load::build(
        results,
        prev.registry.clone(),
        problems,
        root.display().to_string(),
    );
    // A file caught half-written keeps the stamp it had, so it is looked at
    // again; one that is new stays unseen, to count as added once settled.
    let (seen_files, seen_stamps): (Vec<PathBuf>, Vec<Option<Stamp>>) = files
        .iter()
        .zip(stamps)
        .enumerate()
        .filter_map(|(i, (p, s))| match kept_stamps.remove(&i) {
            Some(_) if kinds[i] == Kind::Added => None,
            Some(old) => Some((p.clone(), old)),
            None => Some((p.clone(), s)),
        })
        .unzip();
    let registry_seen = match registry_unsettled {
        true => {
            unsettled.push(registry_path.clone());
            seen.registry.clone()
        }
        false => registry_stamp.clone(),
    };
    let seen_stamps: Vec<Option<Stamp>> = seen_stamps
        .into_iter()
        .chain(registry_seen.clone())
        .collect();
    let mut next = Seen::new(&seen_files, &seen_stamps, registry_seen.is_some());
    next.topics = seen.topics.clone();
    corpus.seen = Some(next);
    corpus.store = prev.store.clone();
    corpus.bodies = prev.bodies.clone();
    corpus.detach_bodies();
    Ok(Reloaded {
        corpus,
        changes,
        unsettled,
        full: false,
    })
}

/// Everything read again; the changes are counted from the stamps.
fn full(prev: &Corpus, root: &Path, opts: &LoadOptions) -> Result<Reloaded, LoadError> {
    let corpus = load::load_dir(root, opts, &|_, _| {})?;
    let old: HashMap<&Path, Option<&Stamp>> = match &prev.seen {
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
    for (path, stamp) in corpus.seen.iter().flat_map(|s| s.files.iter()) {
        here.insert(path.as_path());
        match old.get(path.as_path()) {
            None => changes.added += 1,
            Some(o) if o.is_some() && *o == stamp.as_ref() => {}
            Some(_) => changes.changed += 1,
        }
    }
    changes.removed = old.keys().filter(|p| !here.contains(*p)).count();
    Ok(Reloaded {
        corpus,
        changes,
        unsettled: Vec::new(),
        full: true,
    })
}

/// Writes the cache of a reloaded corpus, as `load_dir` does for one read
/// from the files. `Ok(false)`: a file changed too recently to be trusted
/// (or could not be stat'ed), so nothing was written; try again later.
pub fn store_cache(corpus: &Corpus, root: &Path, opts: &LoadOptions) -> std::io::Result<bool> {
    let (Some(dir), Some(seen)) = (&opts.cache, &corpus.seen) else {
        return Ok(true);
    };
    // In the order `load_dir` takes them: the briefings, then the registry.
    let stamps: Option<Vec<Stamp>> = seen
        .files
        .iter()
        .map(|(_, s)| s.clone())
        .chain(seen.registry.clone())
        .collect();
    match stamps {
        Some(stamps) if !stamp::racy(&stamps) => {
            cache::write(dir, root, opts.max_file_size, &stamps, corpus)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// For each briefing of `old` (by index), its index in `new`, matched by id.
pub fn doc_map(old: &Corpus, new: &Corpus) -> Vec<Option<usize>> {
    let at: HashMap<&str, usize> = new
        .briefings
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    old.briefings
        .iter()
        .map(|b| at.get(b.id.as_str()).copied())
        .collect()
}
