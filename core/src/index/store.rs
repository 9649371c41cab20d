//! The article text's index on disk (or in memory): a tantivy index of the
//! summary and body words, shared by every process that opens the same
//! folder. It is derived from the briefings and never the only copy of
//! anything: a damaged one is set aside and built again.
//!
//! - Words are cut and folded by `text::each_word_flagged`, the same cut as the
//!   query's, and handed to tantivy already tokenized, so both sides agree.
//! - `words` holds each distinct word of a briefing once per flag: its term
//!   frequency *is* the posting's flags (`in summary`, `written plain`,
//!   `written with accents`), what the in-memory postings held.
//! - `summary` and `body` keep positions, for phrases and names.
//! - `caps` holds the short words written in capitals (`UK`, `OIM`), term
//!   frequency 1 in the summary, 2 in the body, 3 in both.
//! - `key` (the briefing's path and id, hashed) and `stamp` (its file's size
//!   and modification time, hashed) say which briefing a document is and
//!   whether it is still current.
//!
//! One process writes at a time (tantivy's writer lock, a file lock the
//! system releases if the process dies); the others wait for it, then read.
//! A commit is atomic: a process killed mid-update leaves the previous
//! commit, and its half-written files are collected by the next writer.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::index::SegmentId;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::dir::IndexDir;
use crate::model::Briefing;
use crate::text::each_word_flagged;

/// Bumped when the schema or the way words are cut changes: an index of
/// another format is set aside and built again.
const FORMAT: u32 = 2;
const FORMAT_FILE: &str = "brief-format";

/// How long a process waits for another one's update before it gives up
/// writing (and reads what is there).
const LOCK_WAIT: Duration = Duration::from_secs(120);

/// Memory the writer may use before it writes a segment: large, so a first
/// build writes few segments and needs no merge.
const WRITER_BUDGET: usize = 192 * 1024 * 1024;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub(crate) key: Field,
    pub(crate) stamp: Field,
    pub(crate) words: Field,
    pub(crate) summary: Field,
    pub(crate) body: Field,
    pub(crate) caps: Field,
}

/// The fields, as every index of this format has them.
pub(crate) fn fields() -> Fields {
    schema().1
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexing = |option| {
        // The text handed over is words already cut and folded, one space
        // apart: tantivy's whitespace tokenizer only has to split them.
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("whitespace")
                .set_index_option(option),
        )
    };
    let fields = Fields {
        key: b.add_u64_field("key", INDEXED | FAST),
        stamp: b.add_u64_field("stamp", NumericOptions::default() | FAST),
        words: b.add_text_field("words", indexing(IndexRecordOption::WithFreqs)),
        summary: b.add_text_field(
            "summary",
            indexing(IndexRecordOption::WithFreqsAndPositions),
        ),
        body: b.add_text_field("body", indexing(IndexRecordOption::WithFreqsAndPositions)),
        caps: b.add_text_field("caps", indexing(IndexRecordOption::WithFreqs)),
    };
    (b.build(), fields)
}

/// A briefing as the index knows it: which one, and as of which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct DocKey {
    pub(crate) key: u64,
    pub(crate) stamp: u64,
}

impl DocKey {
    /// The key of the briefing `id` read from `path`.
    pub(crate) fn of(path: &std::path::Path, id: &str, stamp: u64) -> DocKey {
        use std::hash::BuildHasher;
        let key = rustc_hash::FxBuildHasher.hash_one((path.as_os_str(), id));
        DocKey { key, stamp }
    }
}

/// Where the files of the index found sound are recorded, with the size
/// and time they had: `name size seconds nanoseconds` per line.
const CHECKED_FILE: &str = "brief-checked";

/// A file's size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    secs: u64,
    nanos: u32,
}

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        let since = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some(FileStamp {
            len: meta.len(),
            secs: since.as_secs(),
            nanos: since.subsec_nanos(),
        })
    }
}

/// The files of an index recorded as checked (`CHECKED_FILE`).
#[derive(Debug, Default)]
struct Checked(FxHashMap<PathBuf, FileStamp>);

impl Checked {
    /// The record in `dir`; lines that do not read are left out (their
    /// files are checked again).
    fn read(dir: &Path) -> Checked {
        let text = std::fs::read_to_string(dir.join(CHECKED_FILE)).unwrap_or_default();
        let line = |l: &str| {
            let mut f = l.split(' ');
            let name = PathBuf::from(f.next()?);
            let stamp = FileStamp {
                len: f.next()?.parse().ok()?,
                secs: f.next()?.parse().ok()?,
                nanos: f.next()?.parse().ok()?,
            };
            f.next().is_none().then_some((name, stamp))
        };
        Checked(text.lines().filter_map(line).collect())
    }

    fn holds(&self, file: &Path, now: Option<&FileStamp>) -> bool {
        now.is_some() && self.0.get(file) == now
    }

    fn write(dir: &Path, files: &[(PathBuf, Option<FileStamp>)]) -> std::io::Result<()> {
        crate::io::atomic_write::write_atomically(&dir.join(CHECKED_FILE), |w| {
            for (file, stamp) in files {
                // tantivy names its files `uuid.ext`: any other name is not
                // recorded. Nor is a file written so recently that damage
                // could keep its time: it is checked again next time.
                if let (Some(s), Some(name)) = (stamp, file.to_str())
                    && !name.contains([' ', '\n'])
                    && !crate::stamp::racy_time(
                        s.secs
                            .saturating_mul(1_000_000_000)
                            .saturating_add(u64::from(s.nanos)),
                    )
                {
                    writeln!(w, "{name} {} {} {}", s.len, s.secs, s.nanos)?;
                }
            }
            Ok(())
        })
    }
}

/// Briefings to index: index in the corpus, key.
type Todo = Vec<(usize, DocKey)>;

/// Why the index could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("another brief is updating the index")]
    Busy,
    #[error("the index is not current and this user may not write it")]
    ReadOnly,
}

/// Where the index lives, and what opening it met.
pub struct TextStore {
    index: Index,
    reader: IndexReader,
    pub(crate) fields: Fields,
    /// The index folder; `None` in memory.
    dir: Option<PathBuf>,
    /// What happened on opening (a damaged index set aside), for the problems list.
    pub(crate) notice: Option<String>,
    /// Serialises this process's own updates (tantivy's lock serialises processes).
    writing: std::sync::Mutex<()>,
    /// Opened by a user who may not write it (a shared archive's index):
    /// read while current, never brought up to date.
    pub(crate) read_only: bool,
}

impl std::fmt::Debug for TextStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextStore").field("dir", &self.dir).finish()
    }
}

/// Where the index of the folder `root` lives in `cache_dir`.
pub fn dir_for(cache_dir: &Path, root: &Path) -> PathBuf {
    use std::hash::BuildHasher;
    let hash = rustc_hash::FxBuildHasher.hash_one(root.as_os_str().as_encoded_bytes());
    cache_dir.join(format!("index-{hash:016x}"))
}

impl TextStore {
    /// An index in memory, for a corpus that has no folder to cache in.
    pub fn in_ram() -> Result<TextStore, StoreError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(TextStore {
            index,
            reader,
            fields,
            dir: None,
            notice: None,
            writing: Default::default(),
            read_only: false,
        })
    }

    /// Opens the index in `dir`, creating it if there is none. One that cannot
    /// be opened (damaged, or of another format) is set aside and created
    /// again, with a notice saying so.
    pub fn open(dir: &Path) -> Result<TextStore, StoreError> {
        if let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) {
            remove_stale_making(parent, &name.to_string_lossy());
        }
        let opened = crate::io::contain::contain(|| Self::open_as_is(dir))
            .unwrap_or_else(|said| Err(StoreError::Io(std::io::Error::other(said))));
        match opened {
            Ok(store) => Ok(store),
            Err(e) if dir.exists() => {
                // The checksums name the damaged files, when that is the cause.
                let e = damaged_files(dir)
                    .map_or(e, |said| StoreError::Io(std::io::Error::other(said)));
                let moved = crate::io::paths::set_aside(dir)?;
                let mut store = Self::open_as_is(dir)?;
                store.notice = Some(format!(
                    "the search index is damaged or cannot be read ({e}); it was set aside as {} and is built again",
                    moved.display()
                ));
                Ok(store)
            }
            Err(e) => Err(e),
        }
    }

    /// Opens the index in `dir` for reading only: never created, set aside
    /// nor written (a shared archive's index this user may not write).
    pub fn open_read_only(dir: &Path) -> Result<TextStore, StoreError> {
        if !dir.join("meta.json").is_file() {
            return Err(StoreError::Io(std::io::ErrorKind::NotFound.into()));
        }
        let mut store = Self::open_as_is(dir)?;
        store.read_only = true;
        Ok(store)
    }

    fn open_as_is(dir: &Path) -> Result<TextStore, StoreError> {
        let (schema, fields) = schema();
        if !dir.exists() {
            Self::create(dir, &schema)?;
        }
        let written = std::fs::read_to_string(dir.join(FORMAT_FILE)).unwrap_or_default();
        if written.trim() != FORMAT.to_string() {
            return Err(StoreError::Io(std::io::Error::other(format!(
                "format '{}' where {FORMAT} is expected",
                written.trim()
            ))));
        }
        let index = Index::open(IndexDir::open(dir)?)?;
        if index.schema() != schema {
            return Err(StoreError::Io(std::io::Error::other("another schema")));
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        // Every segment must open: a damaged one is found now, not mid-search.
        for segment in reader.searcher().segment_readers() {
            segment.inverted_index(fields.words)?;
            segment.fast_fields().u64("key")?;
        }
        Ok(TextStore {
            index,
            reader,
            fields,
            dir: Some(dir.to_path_buf()),
            notice: None,
            writing: Default::default(),
            read_only: false,
        })
    }

    /// Sets this index's folder aside (`index-….<UTC>.bad`) and opens a new,
    /// empty one in its place; says where the old one went.
    pub(crate) fn set_aside_and_open(dir: &Path) -> Result<(TextStore, PathBuf), StoreError> {
        let moved = crate::io::paths::set_aside(dir)?;
        Ok((Self::open_as_is(dir)?, moved))
    }

    /// Checks every file of the newest commit against the checksum tantivy
    /// wrote at its end (a few milliseconds for 10,000 briefings: the files
    /// are read once, mapped); `Err` names the damaged ones. A file cut
    /// short or flipped bytes are caught here rather than read as wrong
    /// answers or a panic mid-search. What `brief check` does; each file
    /// found sound is recorded (`CHECKED_FILE`).
    pub(crate) fn validate(&self) -> Result<(), String> {
        self.validate_files(&Checked::default())
    }

    /// `validate`, but the files recorded as checked that have kept their
    /// size and time since are not read again: opening a million
    /// briefings' index read its 1.1 GB (0.13 s, and as much memory
    /// counted to the process) at every start. A file damaged since it was
    /// checked with its size and time kept (a disk's decay, not a write) is
    /// found by `brief check`; read meanwhile, a panic is contained and the
    /// index built again.
    pub(crate) fn validate_since_checked(&self) -> Result<(), String> {
        let checked = self.dir.as_deref().map(Checked::read).unwrap_or_default();
        self.validate_files(&checked)
    }

    /// Checks the files of the newest commit that `checked` does not hold
    /// as they are now, then records them all as checked when sound.
    fn validate_files(&self, checked: &Checked) -> Result<(), String> {
        let failed = |e: &dyn std::fmt::Display| format!("checking it failed: {e}");
        let metas = (self.index.searchable_segment_metas()).map_err(|e| failed(&e))?;
        let managed = self.index.directory().list_managed_files();
        let mut files: Vec<PathBuf> = metas.iter().flat_map(|m| m.list_files()).collect();
        files.retain(|f| managed.contains(f));
        files.sort();
        files.dedup();
        let now: Vec<(PathBuf, Option<FileStamp>)> = files
            .into_iter()
            .map(|f| {
                let stamp = self.dir.as_deref().and_then(|d| FileStamp::of(&d.join(&f)));
                (f, stamp)
            })
            .collect();
        let mut damaged = std::collections::HashSet::new();
        for (file, stamp) in &now {
            if stamp.is_some() && checked.holds(file, stamp.as_ref()) {
                continue;
            }
            let sound =
                crate::io::contain::contain(|| self.index.directory().validate_checksum(file))
                    .map_err(|said| failed(&said))?;
            if !sound.map_err(|e| failed(&e))? {
                damaged.insert(file.clone());
            }
        }
        if !damaged.is_empty() {
            return Err(said_damaged(damaged));
        }
        if let Some(dir) = &self.dir
            && !self.read_only
            && now.iter().any(|(f, s)| !checked.holds(f, s.as_ref()))
        {
            // Only a faster next start is lost when it cannot be written.
            let _ = Checked::write(dir, &now);
        }
        Ok(())
    }

    /// Makes an empty index in a folder of its own, then moves it to `dir`
    /// whole, so another process starting at the same time never sees one
    /// half made; if that process's index got there first, it is the one.
    fn create(dir: &Path, schema: &Schema) -> Result<(), StoreError> {
        let parent = dir.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        let prefix = format!("{name}.making-");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix);
        // The modes a plain `create_dir` gives (the umask applies), not the
        // owner-only ones of a temporary folder: a shared archive's index is
        // read by the whole group.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o777));
        let making = builder.tempdir_in(parent)?;
        std::fs::write(making.path().join(FORMAT_FILE), FORMAT.to_string())?;
        drop(Index::create(
            IndexDir::open(making.path())?,
            schema.clone(),
            Default::default(),
        )?);
        match std::fs::rename(making.path(), dir) {
            Ok(()) => Ok(()),
            // Another process made it meanwhile: ours is removed with `making`.
            Err(_) if dir.join("meta.json").is_file() => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// The folder it lives in, `None` in memory.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The briefings the index holds now, as of which file.
    fn held(&self, searcher: &tantivy::Searcher) -> Result<FxHashMap<u64, u64>, StoreError> {
        let mut held = FxHashMap::default();
        for segment in searcher.segment_readers() {
            let ff = segment.fast_fields();
            let (key, stamp) = (ff.u64("key")?, ff.u64("stamp")?);
            for doc in 0..segment.max_doc() {
                if segment.is_deleted(doc) {
                    continue;
                }
                if let (Some(k), Some(s)) = (key.first(doc), stamp.first(doc)) {
                    held.insert(k, s);
                }
            }
        }
        Ok(held)
    }

    /// Brings the index up to date with `docs` (each briefing and its key):
    /// briefings it lacks or holds as of another file are (re)indexed, with
    /// the text `body(i)` gives for `docs[i]`; briefings no longer there are
    /// removed. Waits for another process's update to end first, then does
    /// only what is still left. `progress(done, total)` follows the briefings
    /// indexed. Returns how many were (re)indexed.
    pub(crate) fn sync<'a>(
        &self,
        docs: &[DocKey],
        body: &(dyn Fn(usize) -> Option<(&'a Briefing, String)> + Sync),
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<usize, StoreError> {
        let _ours = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        self.reader.reload()?;
        if !self.outdated(docs)? {
            return Ok(0);
        }
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let mut writer = self.writer()?;
        // Another process may have done the work while we waited.
        self.reader.reload()?;
        let held = self.held(&self.reader.searcher())?;
        let wanted: FxHashMap<u64, u64> = docs.iter().map(|k| (k.key, k.stamp)).collect();
        for (&key, &stamp) in &held {
            if wanted.get(&key) != Some(&stamp) {
                writer.delete_term(Term::from_field_u64(self.fields.key, key));
            }
        }
        let todo: Vec<(usize, DocKey)> = (docs.iter().copied().enumerate())
            .filter(|(_, k)| held.get(&k.key) != Some(&k.stamp))
            .collect();
        self.add_all(&writer, &todo, body, progress)?;
        writer.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        // What was just written is read back once: a disk that damages it is
        // found now, not by a search.
        if self.dir.is_some() {
            self.validate()
                .map_err(|said| StoreError::Io(std::io::Error::other(said)))?;
        }
        Ok(todo.len())
    }

    /// Indexes the briefings `todo` (index in the corpus, key), with the
    /// text `body(i)` gives.
    fn add_all<'a>(
        &self,
        writer: &IndexWriter<TantivyDocument>,
        todo: &[(usize, DocKey)],
        body: &(dyn Fn(usize) -> Option<(&'a Briefing, String)> + Sync),
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<(), StoreError> {
        let total = todo.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let fields = self.fields;
        // Documents are made on every core, a batch at a time so that few
        // wait in memory; the writer's own threads index them.
        use rayon::prelude::*;
        for batch in todo.chunks(256) {
            let made: Vec<TantivyDocument> = batch
                .par_iter()
                .filter_map(|&(i, key)| {
                    let (b, text) = body(i)?;
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    progress(n, total);
                    Some(document(&fields, b, key, &text))
                })
                .collect();
            for doc in made {
                writer.add_document(doc)?;
            }
        }
        Ok(())
    }

    /// Brings the index up to date after a reload that changed a few
    /// briefings: `fresh` (index in the corpus, key) are indexed unless the
    /// index holds them as of that file already (another process on the
    /// folder did it), and the keys `gone` are removed. Looks up only
    /// those keys, where `sync` reads every key the index holds; then
    /// checks the files written (those of segments not in `known`, and
    /// the deletions). Returns how many were (re)indexed.
    pub(crate) fn sync_changed<'a>(
        &self,
        fresh: &[(usize, DocKey)],
        gone: &[u64],
        known: &FxHashSet<SegmentId>,
        body: &(dyn Fn(usize) -> Option<(&'a Briefing, String)> + Sync),
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<usize, StoreError> {
        let _ours = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        self.reader.reload()?;
        let (delete, todo) = self.left_to_do(fresh, gone)?;
        if !delete.is_empty() || !todo.is_empty() {
            if self.read_only {
                return Err(StoreError::ReadOnly);
            }
            let mut writer = self.writer()?;
            // Another process may have done the work while we waited.
            self.reader.reload()?;
            let (delete, todo) = self.left_to_do(fresh, gone)?;
            for key in delete {
                writer.delete_term(Term::from_field_u64(self.fields.key, key));
            }
            self.add_all(&writer, &todo, body, progress)?;
            writer.commit()?;
            writer.wait_merging_threads()?;
            self.reader.reload()?;
        }
        if self.dir.is_some() {
            self.validate_new(known)
                .map_err(|said| StoreError::Io(std::io::Error::other(said)))?;
        }
        Ok(todo.len())
    }

    /// Of `fresh` and `gone` (see `sync_changed`), the keys to delete and
    /// the briefings to index, as the newest commit stands.
    fn left_to_do(
        &self,
        fresh: &[(usize, DocKey)],
        gone: &[u64],
    ) -> Result<(Vec<u64>, Todo), StoreError> {
        let searcher = self.reader.searcher();
        let mut delete = Vec::new();
        let mut todo = Vec::new();
        for &(i, k) in fresh {
            let held = self.held_as(&searcher, k.key)?;
            if held == [k.stamp] {
                continue;
            }
            if !held.is_empty() {
                delete.push(k.key);
            }
            todo.push((i, k));
        }
        let fresh: FxHashSet<u64> = fresh.iter().map(|(_, k)| k.key).collect();
        for &key in gone.iter().filter(|k| !fresh.contains(k)) {
            if !self.held_as(&searcher, key)?.is_empty() {
                delete.push(key);
            }
        }
        Ok((delete, todo))
    }

    /// The stamps the index holds the briefing `key` as of (none, one, or
    /// more when versions were left behind).
    fn held_as(&self, searcher: &tantivy::Searcher, key: u64) -> Result<Vec<u64>, StoreError> {
        use tantivy::DocSet;
        let term = Term::from_field_u64(self.fields.key, key);
        let mut stamps = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.key)?;
            let Some(mut postings) =
                inverted.read_postings(&term, tantivy::schema::IndexRecordOption::Basic)?
            else {
                continue;
            };
            let stamp = segment.fast_fields().u64("stamp")?;
            let mut doc = postings.doc();
            while doc != tantivy::TERMINATED {
                if !segment.is_deleted(doc)
                    && let Some(s) = stamp.first(doc)
                {
                    stamps.push(s);
                }
                doc = postings.advance();
            }
        }
        Ok(stamps)
    }

    /// Checks the files of the newest commit that were not checked before:
    /// those of segments not in `known`, and every segment's deletions.
    pub(crate) fn validate_new(&self, known: &FxHashSet<SegmentId>) -> Result<(), String> {
        let metas = self
            .index
            .searchable_segment_metas()
            .map_err(|e| format!("checking it failed: {e}"))?;
        // A segment names every file it may have; those written are managed.
        let managed = self.index.directory().list_managed_files();
        let files = metas.iter().flat_map(|meta| {
            let new = !known.contains(&meta.id());
            meta.list_files()
                .into_iter()
                .filter(move |f| new || f.extension().is_some_and(|e| e == "del"))
        });
        let files = files.filter(|f| managed.contains(f));
        let mut damaged = std::collections::HashSet::new();
        for file in files {
            let sound =
                crate::io::contain::contain(|| self.index.directory().validate_checksum(&file))
                    .map_err(|said| format!("checking it failed: {said}"))?;
            if !sound.map_err(|e| format!("checking it failed: {e}"))? {
                damaged.insert(file);
            }
        }
        match damaged.is_empty() {
            true => Ok(()),
            false => Err(said_damaged(damaged)),
        }
    }

    /// Whether the index holds anything else than `docs` as they are now.
    pub(crate) fn outdated(&self, docs: &[DocKey]) -> Result<bool, StoreError> {
        let held = self.held(&self.reader.searcher())?;
        Ok(held.len() != docs.len() || docs.iter().any(|k| held.get(&k.key) != Some(&k.stamp)))
    }

    /// How many briefings the index lacks, holds as of another file, or
    /// holds though they are gone, against `docs` as they are now (its
    /// newest commit, read again first).
    pub(crate) fn stale(&self, docs: &[DocKey]) -> Result<usize, StoreError> {
        self.reader.reload()?;
        let held = self.held(&self.reader.searcher())?;
        let wanted: FxHashMap<u64, u64> = docs.iter().map(|k| (k.key, k.stamp)).collect();
        let differ = docs
            .iter()
            .filter(|k| held.get(&k.key) != Some(&k.stamp))
            .count();
        let gone = held.keys().filter(|k| !wanted.contains_key(k)).count();
        Ok(differ + gone)
    }

    /// The writer, once no other process holds it (waiting up to `LOCK_WAIT`).
    fn writer(&self) -> Result<IndexWriter<TantivyDocument>, StoreError> {
        let start = Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            match self
                .index
                .writer_with_num_threads::<TantivyDocument>(2, WRITER_BUDGET)
            {
                Ok(w) => return Ok(w),
                Err(tantivy::TantivyError::LockFailure(..)) if start.elapsed() < LOCK_WAIT => {
                    // Another process writes; its commit is what we wait for.
                    std::thread::park_timeout(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                Err(tantivy::TantivyError::LockFailure(..)) => return Err(StoreError::Busy),
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Reads the newest commit, another process's included.
    pub(crate) fn read_newest(&self) -> Result<(), StoreError> {
        Ok(self.reader.reload()?)
    }

    /// A searcher over the newest commit.
    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }
}

/// The files of the index in `dir` that fail their checksum, said; `None`
/// when none does or it cannot be told.
/// A file that cannot be read to its checksum (cut short, unreadable) is
/// one of them: named, rather than the reader's own error said.
fn damaged_files(dir: &Path) -> Option<String> {
    let damaged = crate::io::contain::contain(|| {
        let index = Index::open_in_dir(dir)?;
        let managed = index.directory().list_managed_files();
        let mut damaged = std::collections::HashSet::new();
        for meta in index.searchable_segment_metas()? {
            for file in meta.list_files() {
                if managed.contains(&file)
                    && !index.directory().validate_checksum(&file).unwrap_or(false)
                {
                    damaged.insert(file);
                }
            }
        }
        Ok::<_, tantivy::TantivyError>(damaged)
    })
    .ok()?
    .ok()?;
    (!damaged.is_empty()).then(|| said_damaged(damaged))
}

fn said_damaged(damaged: std::collections::HashSet<PathBuf>) -> String {
    let mut names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
    names.sort();
    format!(
        "damaged file{} {}: checksum mismatch",
        if names.len() > 1 { "s" } else { "" },
        names.join(", ")
    )
}

/// How long a half-made index (`index-….making-XXXX`) is left before it is
/// taken for one a killed process left: a new index is made in well under
/// a second, its documents are added only once it is in place.
const MAKING_STALE: Duration = Duration::from_secs(600);

/// Removes the half-made indexes of `name` in `parent` that a process killed
/// while making one left (untouched for [`MAKING_STALE`]); never through a link.
fn remove_stale_making(parent: &Path, name: &str) {
    let prefix = format!("{name}.making-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let is_ours = e
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix));
        let stale = e.path().symlink_metadata().is_ok_and(|m| {
            m.is_dir()
                && m.modified()
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age >= MAKING_STALE)
        });
        if is_ours && stale {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// The tantivy document of one briefing: its words with their flags, the
/// words of summary and body in order, the capitals. Each text is words one
/// space apart (a word never holds a space), which tantivy splits as they
/// are: cheaper than handing it tokens, which it would encode and decode.
fn document(f: &Fields, b: &Briefing, key: DocKey, body: &str) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_u64(f.key, key.key);
    doc.add_u64(f.stamp, key.stamp);
    // Per folded word: bit 0 first seen in the summary, bit 1 written plain
    // once, bit 2 written with accents once.
    let mut flags: FxHashMap<String, u8> = FxHashMap::default();
    let mut buf = String::new();
    let mut in_order = |text: &str, summary: bool, flags: &mut FxHashMap<String, u8>| {
        let mut words = String::with_capacity(text.len());
        each_word_flagged(text, &mut buf, |w, plain| {
            let bit = if plain { 2 } else { 4 };
            match flags.get_mut(w) {
                Some(f) => *f |= bit,
                None => {
                    flags.insert(w.to_string(), bit | u8::from(summary));
                }
            }
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(w);
        });
        words
    };
    let summary = b.summary.as_deref().unwrap_or_default();
    doc.add_text(f.summary, in_order(summary, true, &mut flags));
    doc.add_text(f.body, in_order(body, false, &mut flags));
    doc.add_text(
        f.words,
        repeated(flags.iter().map(|(w, &n)| (w.as_str(), n))),
    );
    let mut caps: FxHashMap<&str, u8> = FxHashMap::default();
    for (text, bit) in [(summary, 1), (body, 2)] {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if is_caps(w) {
                *caps.entry(w).or_default() |= bit;
            }
        }
    }
    doc.add_text(f.caps, repeated(caps.into_iter()));
    doc
}

/// Each word as many times as its number says, one space apart: its term
/// frequency in the document is then that number.
fn repeated<'a>(words: impl Iterator<Item = (&'a str, u8)>) -> String {
    let mut out = String::new();
    for (w, n) in words {
        for _ in 0..n {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// A short word written in capitals, as acronyms are (`UK`, `OIM`, `EAU`).
pub(crate) fn is_caps(w: &str) -> bool {
    !w.is_empty() && w.chars().count() <= 4 && w.chars().all(|c| !c.is_lowercase())
}
