//! Folder -> `Folder` (its `Corpus`, with the problems met, its `Source` and
//! its `SearchIndex`): walk the folder, read and parse each file on every
//! core, resolve actors and countries, then build the corpus. The cache is
//! consulted first; `reload` is the incremental mode after changes.
//! Briefings and the registry are read as YAML here only; `yaml` holds what
//! the config shares (positions of problems, the alias-bomb guard).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::actors::Registry;
use crate::briefings::Bodies;
use crate::cache;
use crate::corpus::Corpus;
use crate::index::TextStore;
use crate::model::{ActorId, ActorKind, Briefing, Problem, Registries, Severity};
use crate::stamp::{self, Seen};
use set_aside::SetAside;

mod build;
pub mod defaults;
mod folder;
mod listing;
mod parse;
pub mod reload;
mod set_aside;
mod source;
pub(crate) mod walk;
pub(crate) mod yaml;

pub use folder::Folder;
pub use source::Source;

pub(crate) use crate::stamp::Walked;
pub(crate) use build::{build, build_placed, duplicate_id, is_cross_file, no_related, resolve};
pub(crate) use parse::{parse_briefing, parse_registry};
pub(crate) use walk::{
    is_briefing_name, is_hidden, is_registry, is_topics, read_input, walk_below,
};

/// The reserved file name of the actor registry, at the top of the folder.
pub const REGISTRY_FILE: &str = "actors.yaml";

/// Files above this size are refused before parsing.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 1024 * 1024;

/// The most files (every entry but folders: files, links, others) a walk
/// meets before it stops: twenty times a million-briefing archive, so that
/// only `--dir /` or the like reaches it. `max_files` in config.yaml sets it.
pub const DEFAULT_MAX_FILES: usize = 20_000_000;

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_size: u64,
    /// The walk stops after meeting this many files (folders not counted),
    /// keeps what it walked, and says what it did not read.
    pub max_files: usize,
    /// Folder for the cache of parsed corpora; `None` reads every file each time.
    pub cache: Option<PathBuf>,
    /// `cache` is a shared archive's `.brief/` this user may not write: its
    /// corpus cache and text index are read while they are current and never
    /// written. The caller checks the corpus cache first (`cache_state`);
    /// what would be written there (the cache of a corpus read again, a
    /// text index brought up to date) goes to `own_cache` instead.
    pub cache_read_only: bool,
    /// With `cache_read_only`: the user's own cache folder (`None`: none,
    /// the article text is then indexed in memory when the shared index is
    /// not current).
    pub own_cache: Option<PathBuf>,
    /// From this many briefings, the article text is indexed into the cache
    /// folder and bodies are read from their files; a smaller folder is
    /// indexed in memory at each start, which costs less than the files.
    pub persist_text_from: usize,
    /// The cache is taken as it is, without a stat of every file first: the
    /// caller compares it with the files afterwards (`reload::changed_since`)
    /// and reads again what changed. The browser's first screen so waits for
    /// no stat of 100,000 files; a one-shot command checks first.
    pub check_cache_after: bool,
    /// The corpus cache is read whole against its checksums even when it
    /// was found sound before and has not changed since (`brief check`);
    /// otherwise such a cache is taken without (see `cache::read`).
    pub verify_cache: bool,
    /// The built-in actor and topic registries under the folder's, or not.
    pub registries: Registries,
    /// A folder whose text goes to the cache folder's index keeps this many
    /// bytes of the bodies it parses in memory for the index; the others
    /// wait on disk (`io::spill`), so a cold load of a million briefings
    /// does not hold their 4 GB of article text.
    pub bodies_kept: usize,
}

/// See `LoadOptions::bodies_kept`.
pub const DEFAULT_BODIES_KEPT: usize = 64 << 20;

/// See `LoadOptions::persist_text_from`.
pub const DEFAULT_PERSIST_TEXT_FROM: usize = 1_000;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_files: DEFAULT_MAX_FILES,
            cache: None,
            cache_read_only: false,
            own_cache: None,
            persist_text_from: DEFAULT_PERSIST_TEXT_FROM,
            check_cache_after: false,
            verify_cache: false,
            registries: Registries::default(),
            bodies_kept: DEFAULT_BODIES_KEPT,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("briefings folder '{0}' does not exist")]
    Missing(PathBuf),
    #[error("'{0}' is not a folder")]
    NotADir(PathBuf),
    #[error("cannot read briefings folder '{path}': {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Reading again a corpus that was not read from a folder.
    #[error("the built-in corpus has no folder to read again")]
    NoFolder,
}

/// One file's bytes (or why they could not be had), before parsing.
pub(crate) struct Input {
    pub(crate) path: PathBuf,
    pub(crate) bytes: Result<Vec<u8>, Problem>,
}

/// A file parsed on its own, before actors are resolved across the corpus.
pub(crate) struct Parsed {
    pub(crate) briefing: std::sync::Arc<Briefing>,
    /// Actors as written, resolved through the registry where it knows them.
    pub(crate) actors: Vec<NamedActor>,
    /// Line of the `id` key, for a duplicate id.
    pub(crate) id_line: Option<usize>,
}

/// An actor named in a briefing. Unknown names keep their kind and the
/// warning to give if the name is new to the whole corpus.
pub(crate) struct NamedActor {
    pub(crate) written: String,
    role: Option<String>,
    pub(crate) resolved: Result<ActorId, (Option<ActorKind>, Problem)>,
}

pub(crate) type ParseResult = Result<(Parsed, Vec<Problem>), Problem>;

pub(crate) fn problem(path: &Path, severity: Severity, message: impl Into<String>) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line: None,
        column: None,
        severity,
        message: message.into(),
    }
}

/// Loads every briefing below `root`. Fails only when the folder itself cannot be read;
/// problems with single files are in `Corpus::problems`. `progress(done, total)` is
/// called from worker threads as files are parsed.
pub fn load_dir(
    root: &Path,
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Folder, LoadError> {
    check_root(root)?;
    let mut problems = Vec::new();
    if let (Some(dir), true) = (&opts.cache, opts.check_cache_after) {
        match cache::read(dir, root, cache_key(opts), opts.verify_cache) {
            cache::Lookup::Hit(c) => return Ok(from_cache(c, root, opts, progress)),
            cache::Lookup::Miss => {}
            cache::Lookup::Damaged(p) => problems.push(p),
        }
    }
    let registry_path = root.join(REGISTRY_FILE);
    // Stamps are taken before reading, so a file changed meanwhile looks
    // changed next time rather than cached with the wrong content; live
    // reload compares them too.
    // `all`: the briefing files, then the registry when there is one.
    let walk = |problems: &mut Vec<Problem>| {
        let (mut all, walked) = walk_below(root, root, opts, problems);
        let has_registry = registry_present(root, &registry_path, problems);
        all.extend(has_registry.then(|| registry_path.clone()));
        let all_stamps = stamp::stamps(&all);
        (all, walked, has_registry, all_stamps)
    };
    // The cache is decoded on one core while the folder is walked and
    // stat'ed on the other, then compared with what the walk found: a
    // one-shot command pays for the longer of the two, not both (at a
    // million briefings, about a second each).
    let ((all, walked, has_registry, all_stamps), cached) = match &opts.cache {
        Some(dir) => rayon::join(
            || walk(&mut problems),
            || cache::read(dir, root, cache_key(opts), opts.verify_cache),
        ),
        None => (walk(&mut problems), cache::Lookup::Miss),
    };
    let files = all
        .get(..all.len() - usize::from(has_registry))
        .unwrap_or(&all);
    match cached {
        cache::Lookup::Hit(c) if c.matches(&all, &all_stamps) => {
            // Freed first: the cache's own list of the files takes their
            // place (at a million, 180 MB more at the command's peak).
            drop((all, all_stamps));
            return Ok(from_cache(c, root, opts, progress));
        }
        cache::Lookup::Hit(c) => {
            // A few files changed since the cache was written (an edit, a
            // file added): the cache with those read again, as the browser
            // does, rather than every file (77 s at a million).
            if let Some(touched) = touched_since(
                &c,
                files,
                &all_stamps,
                has_registry.then_some(registry_path.as_path()),
            ) {
                let prev = from_cache(c, root, opts, progress);
                let _ = prev
                    .source
                    .seen
                    .as_ref()
                    .map(|s| s.walked.set(walked.clone()));
                // A file caught half-written is kept at its previous
                // version by a reload; a command says its error instead,
                // as reading every file would.
                if let Ok(r) = reload::reload(&prev, &touched)
                    && r.unsettled.is_empty()
                {
                    r.corpus.carry_index(&prev, &r.doc_map);
                    return Ok(r.corpus);
                }
            }
        }
        cache::Lookup::Miss => {}
        cache::Lookup::Damaged(p) => problems.push(p),
    }
    let mut seen = Seen::new(files, &all_stamps, has_registry);
    seen.topics = stamp::topics_stamp(root);
    seen.walked = walked.into();
    let registry = match has_registry {
        true => parse_registry(read_input(&registry_path, opts), &mut problems),
        // Topics without actors: `topics.yaml` alone still applies.
        false => {
            let mut r = Registry::default();
            r.set_topics(crate::topics::read_in(root, &mut problems));
            r
        }
    };
    let registry = defaults::apply(registry, opts.registries);
    let set_aside = SetAside::for_load(opts, files.len());
    let results = parse_all(files, &registry, opts, progress, set_aside.as_ref());
    let mut corpus = build(results, registry, problems);
    let source = Source::folder(root, opts, seen);
    let Some(set_aside) = set_aside else {
        return Ok(with_source(corpus, source));
    };
    if !text_in_files(&corpus, &source) {
        // Fewer briefings than files: too few parsed for the index on disk.
        set_aside.restore(&mut corpus.briefings, files);
        return Ok(with_source(corpus, source));
    }
    let mut folder = with_source(corpus, source);
    let Folder { corpus, index, .. } = &mut folder;
    set_aside.hand_to(index, &mut corpus.briefings, files);
    Ok(folder)
}

/// Whether the folder has an actor registry: only a regular file (a link to
/// one inside the folder) is one; anything else by its name is a problem.
fn registry_present(root: &Path, registry_path: &Path, problems: &mut Vec<Problem>) -> bool {
    let has_registry = is_registry_file(root, registry_path);
    if !has_registry && std::fs::symlink_metadata(registry_path).is_ok() {
        problems.push(problem(
            registry_path,
            Severity::Error,
            "the actor registry is not a regular file inside the briefings folder; not read",
        ));
    }
    has_registry
}

/// Each file read and parsed in one go, so its bytes are freed at once and
/// the peak memory stays near the size of the parsed corpus.
fn parse_all(
    files: &[PathBuf],
    registry: &Registry,
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
    set_aside: Option<&SetAside>,
) -> Vec<ParseResult> {
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    files
        .par_iter()
        .enumerate()
        .map(|(n, p)| {
            let mut result = parse_briefing(read_input(p, opts), registry);
            if let (Some(s), Ok((parsed, _))) = (set_aside, &mut result) {
                s.body_of(n, &mut parsed.briefing);
            }
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, total);
            result
        })
        .collect()
}

/// The corpus as the cache kept it, with the files as they were when it was
/// written (the same as now, unless `check_cache_after`).
fn from_cache(
    c: Box<cache::Cached>,
    root: &Path,
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Folder {
    let registry_path = root.join(REGISTRY_FILE);
    // Read in place in the mapped cache: nothing is decoded per file.
    let mut files = c.stamps;
    let (briefing_files, registry) = files.split_registry(&registry_path);
    files.truncate(briefing_files);
    progress(files.len(), files.len());
    // Each file's briefing as written, taken when it names the briefing of
    // that file; else found again when first asked.
    let docs = std::sync::OnceLock::new();
    let mut places = c.places;
    places.truncate(files.len());
    let facts = &c.index.docs;
    // Taken as written (the index checksum covers them) when every
    // briefing is placed exactly once; else found again by path when first
    // asked. Comparing every path instead was a sixth of a start's work at
    // a million briefings, most of it waiting on memory.
    let mut placed = vec![false; facts.len()];
    if places.len() == files.len()
        && places.iter().flatten().all(|&d| {
            placed
                .get_mut(d as usize)
                .is_some_and(|p| !std::mem::replace(p, true))
        })
        && placed.iter().all(|&p| p)
    {
        let _ = docs.set(places);
    }
    let seen = Seen {
        files,
        registry,
        topics: stamp::topics_stamp(root),
        docs,
        ..Seen::default()
    };
    let mut registry = c.registry;
    let topics = defaults::apply_topics(registry.topics().clone(), opts.registries);
    registry.set_topics(topics);
    let corpus = Corpus::new(c.briefings, registry, c.problems);
    let source = Source {
        from_cache: true,
        ..Source::folder(root, opts, seen)
    };
    let mut folder = with_source(corpus, source);
    folder.index.set_titles(c.index);
    folder
}

/// `corpus` read from `source`. With a cache folder, a large corpus keeps
/// its article text there: the text index in `index-…/`, shared with every
/// process on the folder, and the bodies in their files, read when a
/// briefing is shown. Bodies just parsed wait, out of the briefings, for the
/// index to take them.
fn with_source(mut corpus: Corpus, mut source: Source) -> Folder {
    let (Some(cache_dir), Some(root)) = (&source.opts.cache, &source.root) else {
        return Folder::new(corpus, source, None);
    };
    if !text_in_files(&corpus, &source) {
        return Folder::new(corpus, source, None);
    }
    let index_dir = crate::index::dir_for(cache_dir, root);
    if source.opts.cache_read_only {
        // Read while current; the user's own index once it is not (said then).
        let store = TextStore::open_read_only(&index_dir)
            .ok()
            .map(std::sync::Arc::new);
        let fallback = crate::index::search_index::Fallback {
            shared: index_dir,
            own: source
                .opts
                .own_cache
                .as_deref()
                .map(|own| crate::index::dir_for(own, root)),
        };
        source.bodies = body_reader(&corpus.registry, &source.opts);
        let mut folder = Folder::new(corpus, source, store);
        folder.index.fallback = Some(fallback);
        return folder;
    }
    let mut said = None;
    let store = match TextStore::open(&index_dir) {
        Ok(store) => {
            if let Some(notice) = &store.notice {
                corpus
                    .problems
                    .push(problem(&index_dir, Severity::Warning, notice.clone()));
                said = Some(notice.clone());
            }
            Some(std::sync::Arc::new(store))
        }
        Err(e) => {
            let said = format!(
                "the search index cannot be written in {} ({e}); the article text is indexed in memory, for this run only",
                index_dir.display()
            );
            corpus
                .problems
                .push(problem(&index_dir, Severity::Warning, said.clone()));
            source.bodies = body_reader(&corpus.registry, &source.opts);
            let folder = Folder::new(corpus, source, None);
            // Said by a search too: each one indexes the text again.
            folder.index.notice(&said);
            return folder;
        }
    };
    source.bodies = body_reader(&corpus.registry, &source.opts);
    let folder = Folder::new(corpus, source, store);
    // Said by what reports the text index's notices too (a one-shot search,
    // the browser's status line), not only among the problems.
    if let Some(said) = said {
        folder.index.notice(&said);
    }
    folder
}

/// The files added, changed or removed since the cache `c` was written, as
/// a reload reads them: `files` and their `stamps` (the registry's last when
/// `has_registry`) against the cache's. `None` when the registry changed or
/// more than a quarter of the files did: then every file is read again.
fn touched_since(
    c: &cache::Cached,
    files: &[PathBuf],
    stamps: &[Option<stamp::Stamp>],
    registry: Option<&Path>,
) -> Option<reload::Touched> {
    // The registry's stamp is last on both sides when there is one.
    let (now, now_registry) = match registry {
        Some(_) => (stamps.get(..files.len())?, stamps.last().cloned().flatten()),
        None => (stamps, None),
    };
    let (cached, cached_registry) = match registry {
        Some(registry) => c.stamps.split_registry(registry),
        None => (c.stamps.len(), None),
    };
    let cached_registry = cached_registry.flatten();
    if now_registry != cached_registry {
        return None;
    }
    // Both sorted in the walk's order: one pass side by side.
    let mut touched = Vec::new();
    let (mut i, mut j) = (0, 0);
    let cached_at = |j: usize| (j < cached).then(|| c.stamps.get(j)).flatten();
    while i < files.len() || j < cached {
        let order = match (files.get(i), cached_at(j)) {
            (Some(f), Some((p, _))) => walk::path_order(f, p),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, _) => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                touched.push(files.get(i)?.clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                touched.push(cached_at(j)?.0.to_path_buf());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                if *now.get(i)? != cached_at(j)?.1 {
                    touched.push(files.get(i)?.clone());
                }
                i += 1;
                j += 1;
            }
        }
        if touched.len() > files.len() / 4 + 1 {
            return None;
        }
    }
    Some(reload::Touched::Paths(touched))
}

/// Whether `corpus` read from `source` keeps its article text in the cache
/// folder's index, its bodies in their files (`with_source`).
fn text_in_files(corpus: &Corpus, source: &Source) -> bool {
    source.opts.cache.is_some()
        && source.root.is_some()
        && corpus.briefings.len() >= source.opts.persist_text_from
}

/// Reads one briefing file again as the loader did, for its body.
pub(crate) fn body_reader(registry: &Registry, opts: &LoadOptions) -> Bodies {
    let (registry, opts) = (registry.clone(), opts.clone());
    Bodies::Files(std::sync::Arc::new(move |path: &Path| {
        parse_briefing(read_input(path, &opts), &registry)
            .map(|(parsed, _)| std::sync::Arc::unwrap_or_clone(parsed.briefing))
    }))
}

/// Whether the registry path is a regular file, or a link to one that stays
/// inside the folder.
pub(crate) fn is_registry_file(root: &Path, registry: &Path) -> bool {
    registry.is_file()
        && match (std::fs::canonicalize(root), std::fs::canonicalize(registry)) {
            (Ok(home), Ok(real)) => real.starts_with(home),
            _ => false,
        }
}

/// Fails when the folder itself cannot be read.
pub(crate) fn check_root(root: &Path) -> Result<(), LoadError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing(root.to_path_buf()),
        _ => LoadError::Unreadable {
            path: root.to_path_buf(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotADir(root.to_path_buf()));
    }
    std::fs::read_dir(root).map_err(|e| LoadError::Unreadable {
        path: root.to_path_buf(),
        source: e,
    })?;
    Ok(())
}

/// Loads from in-memory files: `(path, bytes)`, the registry being the one named `actors.yaml`
/// at the top.
pub fn load_files(files: Vec<(PathBuf, Vec<u8>)>, origin: String) -> Folder {
    let mut registry = None;
    let mut inputs = Vec::new();
    for (path, bytes) in files {
        let input = Input {
            path: path.clone(),
            bytes: Ok(bytes),
        };
        if path.components().count() <= 2 && is_registry(&path) {
            registry = Some(input);
        } else {
            inputs.push(input);
        }
    }
    let mut problems = Vec::new();
    let registry = match registry {
        Some(input) => parse_registry(input, &mut problems),
        None => Registry::default(),
    };
    let registry = defaults::apply(registry, Registries::default());
    let results = inputs
        .into_par_iter()
        .map(|input| parse_briefing(input, &registry))
        .collect();
    Folder::in_memory(build(results, registry, problems), origin)
}

/// What a cache folder holds for a folder, against its files now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheState {
    /// No cache of this folder there.
    Missing,
    /// A cache written by another version of brief, or with other settings
    /// (size limit, registries), or that this user cannot read: not used.
    OtherBuild,
    /// Every file as it was when the cache was written.
    Current,
    /// This many files were added, changed or removed since.
    Stale { changed: usize },
}

/// The state of `root`'s corpus cache in `cache_dir`: the folder is walked
/// and every file stat'ed (nothing is read or parsed), then compared with
/// the stamps the cache was written with.
pub fn cache_state(cache_dir: &Path, root: &Path, opts: &LoadOptions) -> CacheState {
    let held = match cache::held(cache_dir, root, cache_key(opts)) {
        cache::Held::Missing => return CacheState::Missing,
        cache::Held::Other => return CacheState::OtherBuild,
        cache::Held::Stamps(stamps) => stamps,
    };
    let mut problems = Vec::new();
    let (mut files, _) = walk_below(root, root, opts, &mut problems);
    let registry_path = root.join(REGISTRY_FILE);
    if registry_present(root, &registry_path, &mut problems) {
        files.push(registry_path);
    }
    let now = stamp::stamps(&files);
    if held.are(&files, &now) {
        return CacheState::Current;
    }
    let by_path: rustc_hash::FxHashMap<&Path, Option<stamp::Stamp>> = held.iter().collect();
    let changed = files
        .iter()
        .zip(&now)
        .filter(|(p, s)| by_path.get(p.as_path()).copied().flatten() != **s)
        .count();
    let present: rustc_hash::FxHashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
    let gone = held.iter().filter(|(p, _)| !present.contains(p)).count();
    CacheState::Stale {
        changed: (changed + gone).max(1),
    }
}

/// Whether another process is writing `root`'s corpus cache or text index
/// in `cache_dir` now.
pub fn cache_being_written(cache_dir: &Path, root: &Path) -> bool {
    cache::being_written(cache_dir, root)
        || crate::index::being_written(&crate::index::dir_for(cache_dir, root))
}

/// What the cache must have been written with to be taken for `opts`.
pub(crate) fn cache_key(opts: &LoadOptions) -> cache::Key {
    cache::Key {
        max_file_size: opts.max_file_size,
        registries: opts.registries,
    }
}
