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

mod assemble;
mod plan;

use crate::actors::Registry;
use crate::load::listing::{look_at, walk_all};
use crate::load::{self, Folder, LoadError, LoadOptions, REGISTRY_FILE};
use crate::stamp::{self, Stamp};
use assemble::reread;

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
    /// Briefing files stat'ed (after a walk, every file); files read and
    /// parsed: what the reload cost, for a measure or a test.
    pub looked: usize,
    pub parsed: usize,
    /// The briefings parsed kept their places (same ids, same dates, nothing
    /// added or gone): the previous corpus was shared, not built again.
    pub in_place: bool,
    /// For each briefing of the previous corpus, its index in the new one
    /// (as [`doc_map`] gives it).
    pub doc_map: Vec<Option<usize>>,
}

/// Whether a file with this stamp may still be being written.
fn recent(stamp: Option<Stamp>, now: u64) -> bool {
    let settle = u64::try_from(SETTLE.as_nanos()).unwrap_or(u64::MAX);
    stamp.is_none_or(|s| s.modified_ns().saturating_add(settle) > now)
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
    let (files, walked) = load::walk_below(root, root, &prev.source.opts, &mut problems);
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
        .zip(seen.files.iter())
        .any(|((p, s), (seen_p, seen_s))| p != seen_p || s.is_none() || *s != seen_s);
    // The files as seen: the next reload may look only where the watcher
    // saw changes (a corpus from the cache was not walked when loaded).
    if !changed {
        let _ = seen.walked.set(walked);
        // Where each file's briefing is, for the first reload.
        plan::doc_places(seen, &prev.index().docs);
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
    let now = stamp::now_ns();
    // A registry caught half-written keeps the previous one, as a briefing
    // does: its stamp stays the old one, so it is looked at again.
    let mut registry_unsettled = false;
    if registry_stamp != seen.registry || registry_stamp == Some(None) {
        let half_written = seen.registry.is_some()
            && matches!(registry_stamp, Some(Some(s)) if recent(Some(s), now))
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

/// The registry as found now.
struct RegistryNow {
    path: PathBuf,
    stamp: Option<Option<Stamp>>,
    /// Caught half-written: the previous one is kept.
    unsettled: bool,
}

/// Everything read again; the changes are counted from the stamps.
fn full(prev: &Folder, root: &Path, opts: &LoadOptions) -> Result<Reloaded, LoadError> {
    // The files as they are now, not a cache taken as it is.
    let opts = LoadOptions {
        check_cache_after: false,
        ..opts.clone()
    };
    let corpus = load::load_dir(root, &opts, &|_, _| {})?;
    let old: HashMap<&Path, Option<Stamp>> = match &prev.source.seen {
        Some(seen) => seen.files.iter().collect(),
        None => prev
            .briefings
            .iter()
            .map(|b| (b.path.as_path(), None))
            .collect(),
    };
    let mut changes = Changes::default();
    let mut here = HashSet::default();
    for (path, stamp) in corpus.source.seen.iter().flat_map(|s| s.files.iter()) {
        here.insert(path);
        match old.get(path) {
            None => changes.added += 1,
            Some(o) if o.is_some() && *o == stamp => {}
            Some(_) => changes.changed += 1,
        }
    }
    changes.removed = old.keys().filter(|p| !here.contains(*p)).count();
    let files = here.len();
    Ok(Reloaded {
        doc_map: doc_map(prev, &corpus),
        corpus,
        changes,
        unsettled: Vec::new(),
        full: true,
        walked: true,
        looked: files,
        parsed: files,
        in_place: false,
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
        .map(|f| at.get(f.id).copied())
        .collect()
}
