//! A cache of the parsed corpus, so a second start on an unchanged folder
//! skips parsing. It lives in the cache folder (never in the briefings folder),
//! is checked against every file's size and modification time, and is never
//! the only copy of anything: a stale, foreign or damaged cache is ignored and
//! rebuilt from the files.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::index::Index;
use crate::model::{Actor, Problem, Registries, Severity};
use crate::stamp::{Files, Stamp};

/// Bumped whenever the cached shapes change; with the crate version, a cache
/// from another build is ignored.
const FORMAT: u32 = 19;

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    version: String,
    #[serde(with = "crate::io::path_bytes")]
    root: PathBuf,
    max_file_size: u64,
    /// The registries in force when the briefings were resolved.
    registries: Registries,
}

/// After the header: the actors and problems; the files' stamps (`Files`,
/// records read in place); then each briefing's
/// length, the briefings one after the other (each its own postcard value,
/// so one is decoded without the others), and last the index of their titles
/// and names in four parts (`Index::encode_parts`), decoded side by side,
/// which is faster than building it, each file's briefing
/// (`Seen::docs`: a start would find them by path, 0.4 s at a million), and
/// last the index's postings as little-endian `u32`s, aligned, read in
/// place. The file is mapped, not read: a process decodes the briefings it
/// shows and reads the postings a search reaches, and the pages are shared.
#[derive(Serialize, Deserialize)]
struct Body {
    actors: Vec<Actor>,
    problems: Vec<Problem>,
    /// CRC-32 of the briefings' bytes, checked when the file is mapped: a
    /// briefing decoded later cannot meet damage.
    checksum: u32,
    /// CRC-32 of the postings' bytes, for the same reason: a search reads
    /// them in place.
    postings_checksum: u32,
    /// CRC-32 of the briefings' lengths, the index's first three parts
    /// and each file's briefing, one after the other: read at every start
    /// (they are decoded anyway), so the files' briefings are taken as
    /// written rather than each checked against its path.
    index_checksum: u32,
    /// CRC-32 of the files' stamps and the briefings' facts (the index's
    /// fourth part), one after the other: records read in place, checked
    /// with the briefings.
    records_checksum: u32,
}

/// The parsed corpus as it was cached, when the files are still the same.
pub(crate) struct Cached {
    pub briefings: crate::briefings::Briefings,
    pub registry: Registry,
    pub problems: Vec<Problem>,
    pub index: Index,
    /// The files as they were when the cache was written, every one with
    /// its stamp.
    pub stamps: Files,
    /// For each of `stamps`, its briefing's index, as written (covered by
    /// `Body::index_checksum`): taken when every briefing is placed once.
    pub places: Vec<Option<u32>>,
}

impl Cached {
    /// Whether the files are as they were when the cache was written.
    /// `files` are the paths stat'ed, in their order, to `now`; compared as
    /// bytes (`Path`'s `==` splits both into components, a million times).
    pub(crate) fn matches(&self, files: &[PathBuf], now: &[Option<Stamp>]) -> bool {
        self.stamps.are(files, now)
    }
}

/// Where the cache of the folder `root` lives in `cache_dir`. The folder is
/// taken as written, since the cached briefings keep their paths as read
/// (`briefings/x.yaml` or `/home/ana/briefings/x.yaml`).
pub fn file_for(cache_dir: &Path, root: &Path) -> PathBuf {
    use std::hash::BuildHasher;
    let hash = rustc_hash::FxBuildHasher.hash_one(root.as_os_str().as_encoded_bytes());
    cache_dir.join(format!("corpus-{hash:016x}.bin"))
}

/// What a cache must have been written with to be taken: besides the
/// folder, the loader's size limit and the registries in force.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    pub(crate) max_file_size: u64,
    pub(crate) registries: Registries,
}

fn header(root: &Path, key: Key) -> Header {
    Header {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        root: root.to_path_buf(),
        max_file_size: key.max_file_size,
        registries: key.registries,
    }
}

/// The outcome of looking at the cache.
pub(crate) enum Lookup {
    Hit(Box<Cached>),
    /// No cache, another build's, or files changed: load from the files.
    Miss,
    /// The cache could not be decoded: it was set aside, and this says where.
    Damaged(Problem),
}

/// The next length-prefixed frame of `map` from `*at`, which it moves past.
fn frame<'a>(map: &'a [u8], at: &mut usize) -> std::io::Result<&'a [u8]> {
    let eof = || std::io::Error::from(std::io::ErrorKind::UnexpectedEof);
    let len = map.get(*at..*at + 8).ok_or_else(eof)?;
    let len = u64::from_le_bytes(len.try_into().map_err(|_| eof())?);
    let start = *at + 8;
    let end = usize::try_from(len)
        .ok()
        .and_then(|len| start.checked_add(len))
        .filter(|&end| end <= map.len())
        .ok_or_else(eof)?;
    *at = end;
    Ok(&map[start..end])
}

fn write_frame(w: &mut dyn Write, bytes: &[u8]) -> std::io::Result<()> {
    w.write_all(&(bytes.len() as u64).to_le_bytes())?;
    w.write_all(bytes)
}

/// The cache file, if it is a regular file: opened without blocking, so a
/// FIFO in its place is a miss (replaced by the next write), not a hang.
fn open_regular(path: &Path) -> Option<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).ok()?;
    file.metadata().ok().filter(|m| m.is_file()).map(|_| file)
}

/// The cached corpus of `root` as it is: the caller compares its stamps
/// with the files (`Cached::matches`), before or after taking it. Its
/// checksums are read unless it was found sound before as it is now
/// (`checked_before`), or always with `verify`.
pub(crate) fn read(cache_dir: &Path, root: &Path, key: Key, verify: bool) -> Lookup {
    let path = file_for(cache_dir, root);
    let Some(file) = open_regular(&path) else {
        return Lookup::Miss;
    };
    // Safety: brief replaces the cache by renaming a new file over it, so
    // the mapped file never changes; one cut short by another program makes
    // reads fault, as tantivy's mapped segments would.
    #[allow(unsafe_code)]
    let map = match unsafe { memmap2::Mmap::map(&file) } {
        Ok(map) => map,
        Err(_) => return Lookup::Miss,
    };
    let stamp = file.metadata().ok().as_ref().and_then(Stamp::of);
    let checked = !verify && stamp.is_some_and(|s| checked_before(&path, s));
    match decode(map, &file, root, key, checked) {
        Ok(Some(cached)) => {
            if let (false, Some(stamp)) = (checked, stamp) {
                record_checked(&path, stamp);
            }
            Lookup::Hit(Box::new(cached))
        }
        Ok(None) => Lookup::Miss,
        Err(e) => damaged(&path, &e),
    }
}

/// Beside the cache: its stamp (`Stamp::hashed`) when its checksums were
/// last found right. A start that finds the cache with that stamp does not
/// read it all again to check them (1.2 GB at a million briefings, a third
/// of a second of a core on the way to the first screen). A cache written
/// again or changed in any way has another stamp (another inode, a new
/// change time) and is checked, as the text index's files are
/// (`brief-checked`). Named `corpus-….checked`, not `….bin.…`: its
/// temporary while written must not look like the cache's own
/// (`being_written`).
fn checked_path(cache: &Path) -> PathBuf {
    cache.with_extension("checked")
}

/// Whether the cache at `cache`, now `stamp`, was found sound as it is.
fn checked_before(cache: &Path, stamp: Stamp) -> bool {
    let Some(file) = open_regular(&checked_path(cache)) else {
        return false;
    };
    let mut text = String::new();
    use std::io::Read;
    // A record is one number: anything longer is not one.
    let read = file.take(64).read_to_string(&mut text);
    read.is_ok() && text.trim().parse::<u64>().ok() == Some(stamp.hashed())
}

/// Records the cache at `cache` as found sound with `stamp`: unless it was
/// written so recently that a change could keep its times, or the cache
/// folder cannot be written (a shared one): then it is checked next time.
fn record_checked(cache: &Path, stamp: Stamp) {
    record_checked_as_of(cache, stamp, crate::stamp::now_ns());
}

fn record_checked_as_of(cache: &Path, stamp: Stamp, now_ns: u64) {
    if stamp.racy_at(now_ns) {
        return;
    }
    let _ = crate::io::atomic_write::write_atomically(&checked_path(cache), |w| {
        writeln!(w, "{}", stamp.hashed())
    });
}

/// What a cache file holds, as far as telling whether it is current goes.
pub(crate) enum Held {
    Missing,
    /// Another build's, of another folder or settings, or unreadable.
    Other,
    /// The stamps of the files it was written from, in `load_dir`'s order.
    Stamps(Files),
}

/// The stamps `root`'s cache in `cache_dir` was written with: only its
/// header is decoded, the stamps read in place, and nothing is set aside.
pub(crate) fn held(cache_dir: &Path, root: &Path, key: Key) -> Held {
    let path = file_for(cache_dir, root);
    let Some(file) = open_regular(&path) else {
        return match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Held::Missing,
            // There, but not for this user to read.
            _ => Held::Other,
        };
    };
    // Safety: as in `read`.
    #[allow(unsafe_code)]
    let Ok(map) = (unsafe { memmap2::Mmap::map(&file) }) else {
        return Held::Other;
    };
    let mut at = 0;
    let Ok(head) = value::<Header>(&map, &mut at) else {
        return Held::Other;
    };
    let want = header(root, key);
    if head.format != want.format
        || head.version != want.version
        || head.root != want.root
        || head.max_file_size != want.max_file_size
        || head.registries != want.registries
    {
        return Held::Other;
    }
    let map = std::sync::Arc::new(map);
    let files = frame(&map, &mut at)
        .ok()
        .and_then(|_| frame(&map, &mut at).ok())
        .map(|f| (at - f.len(), f.len()));
    match files.and_then(|(from, len)| Files::mapped(&map, from, len)) {
        Some(files) => Held::Stamps(files),
        None => Held::Other,
    }
}

/// Whether another process is writing `root`'s cache in `cache_dir` now:
/// `write_atomically` holds a lock on its temporary while it writes.
pub(crate) fn being_written(cache_dir: &Path, root: &Path) -> bool {
    let path = file_for(cache_dir, root);
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(cache_dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let n = e.file_name();
        let n = n.to_string_lossy();
        n.starts_with(&prefix)
            && n.ends_with(".tmp")
            && std::fs::File::open(e.path())
                .is_ok_and(|f| matches!(f.try_lock(), Err(std::fs::TryLockError::WouldBlock)))
    })
}

/// A cache that could not be decoded, set aside.
fn damaged(path: &Path, e: &str) -> Lookup {
    let message = match crate::io::paths::set_aside(path) {
        Ok(bad) => format!(
            "the cache could not be read ({e}); set aside as {} and rebuilt from the files",
            bad.display()
        ),
        Err(r) => format!("the cache could not be read ({e}) nor set aside ({r})"),
    };
    Lookup::Damaged(Problem {
        path: path.to_path_buf(),
        line: None,
        column: None,
        severity: Severity::Warning,
        message,
    })
}

/// The next frame of `map` from `*at`, decoded.
fn value<'a, T: Deserialize<'a>>(map: &'a [u8], at: &mut usize) -> Result<T, String> {
    let bytes = frame(map, at).map_err(|e| e.to_string())?;
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}

/// The mapped cache file decoded: `Ok(None)` when it is another build's or
/// of another folder; `Err` says why it is damaged.
fn decode(
    map: memmap2::Mmap,
    file: &std::fs::File,
    root: &Path,
    key: Key,
    checked: bool,
) -> Result<Option<Cached>, String> {
    let map = std::sync::Arc::new(map);
    let mut at = 0;
    let head: Header = value(&map, &mut at)?;
    let want = header(root, key);
    if head.format != want.format
        || head.version != want.version
        || head.root != want.root
        || head.max_file_size != want.max_file_size
        || head.registries != want.registries
    {
        return Ok(None);
    }
    let eof = |e: std::io::Error| e.to_string();
    let body = frame(&map, &mut at).map_err(eof)?;
    let files = frame(&map, &mut at).map_err(eof)?;
    let files = (at - files.len(), files.len());
    let lengths = frame(&map, &mut at).map_err(eof)?;
    let all = frame(&map, &mut at).map_err(eof)?;
    let (start, end) = (at - all.len(), at);
    let mut parts: [&[u8]; 3] = [&[]; 3];
    for part in &mut parts {
        *part = frame(&map, &mut at).map_err(eof)?;
    }
    let facts = frame(&map, &mut at).map_err(eof)?;
    let facts = (at - facts.len(), facts.len());
    let places = frame(&map, &mut at).map_err(eof)?;
    let _padding = frame(&map, &mut at).map_err(eof)?;
    let postings = frame(&map, &mut at).map_err(eof)?;
    let postings = crate::index::MappedPostings {
        map: &map,
        at: at - postings.len(),
        len: (postings.len() / 4) as u64,
    };
    let unread = || "a column of records lies outside the file".to_string();
    let stamps = Files::mapped(&map, files.0, files.1).ok_or_else(unread)?;
    let docs = crate::index::Facts::mapped(&map, facts.0, facts.1).ok_or_else(unread)?;
    // The checksums and the index's parts are decoded side by side: on two
    // cores, one after the other left a core waiting for the largest part.
    let ((body, lengths, index_checksum), ((checksum, postings_checksum, records_checksum), index)) =
        rayon::join(
            || {
                (
                    postcard::from_bytes::<Body>(body),
                    postcard::from_bytes::<Vec<u32>>(lengths),
                    checksum_of_parts(
                        std::iter::once(lengths)
                            .chain(parts.iter().copied())
                            .chain(std::iter::once(places)),
                    ),
                )
            },
            || {
                rayon::join(
                    || match checked {
                        true => (Ok(None), Ok(None), Ok(None)),
                        false => (
                            checksum_of(file, &[(start, all.len())]).map(Some),
                            checksum_of(file, &[(postings.at, postings.len as usize * 4)])
                                .map(Some),
                            checksum_of(file, &[files, facts]).map(Some),
                        ),
                    },
                    || Index::decode_parts(parts, docs, &postings),
                )
            },
        );
    let (body, lengths) = (
        body.map_err(|e| e.to_string())?,
        lengths.map_err(|e| e.to_string())?,
    );
    let right = |sum: Option<u32>, want: u32| sum.is_none_or(|sum| sum == want);
    if !right(checksum?, body.checksum)
        || !right(postings_checksum?, body.postings_checksum)
        || !right(records_checksum?, body.records_checksum)
        || index_checksum != body.index_checksum
    {
        return Err("its checksum does not match".into());
    }
    let index = index?;
    let places: Vec<u32> = postcard::from_bytes(places).map_err(|e| e.to_string())?;
    let places = places
        .into_iter()
        .map(|d| (d != NO_PLACE).then_some(d))
        .collect();
    let spans = spans(start, &lengths);
    if index.docs.len() != spans.len() || spans.last().map_or(start, |&(f, l)| f + l) != end {
        return Err("the index does not match the briefings".into());
    }
    let kept = crate::briefings::Kept::new(map.clone(), spans)
        .ok_or_else(|| "a briefing lies outside the file".to_string())?;
    let (mut registry, _) = Registry::new(body.actors);
    // Topics are resolved at search time, so they are read afresh, not cached.
    // The built-in topics are added by the loader, which knows them.
    registry.set_topics(crate::topics::read_in(root, &mut Vec::new()));
    Ok(Some(Cached {
        briefings: crate::briefings::Briefings::kept(kept),
        registry,
        problems: body.problems,
        index,
        stamps,
        places,
    }))
}

/// The CRC-32 of the `(at, len)` spans of `file`, one after the other,
/// read through a buffer rather than the map: the briefings are checked
/// without mapping them all into the process (at a million, 1.2 GB counted
/// in its memory and a page fault every 64 KiB); those shown are mapped
/// when decoded.
fn checksum_of(file: &std::fs::File, spans: &[(usize, usize)]) -> Result<u32, String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut crc = crc32fast::Hasher::new();
    let mut buf = vec![0; 1 << 20];
    for &(at, len) in spans {
        let mut file = file;
        file.seek(SeekFrom::Start(at as u64))
            .map_err(|e| e.to_string())?;
        let mut part = file.take(len as u64);
        let mut read = 0;
        loop {
            let n = part.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            crc.update(buf.get(..n).unwrap_or_default());
            read += n;
        }
        if read != len {
            return Err("it is shorter than it says".into());
        }
    }
    Ok(crc.finalize())
}

/// Where each briefing lies, one after the other from `start`.
fn spans(start: usize, lengths: &[u32]) -> Vec<(usize, usize)> {
    let mut spans = Vec::with_capacity(lengths.len());
    let mut from = start;
    for &len in lengths {
        spans.push((from, len as usize));
        from += len as usize;
    }
    spans
}

/// Writes the cache atomically (`atomic_write`), so a reader never sees half a cache.
pub(crate) fn write(
    cache_dir: &Path,
    root: &Path,
    key: Key,
    stamps: &Files,
    places: &[Option<u32>],
    corpus: &Corpus,
    index: &Index,
) -> std::io::Result<()> {
    let path = file_for(cache_dir, root);
    // A damaged-cache warning belongs to this run only.
    let problems: Vec<&Problem> = corpus.problems.iter().filter(|p| p.path != path).collect();
    use rayon::prelude::*;
    // Kept briefings are copied from the mapped file as they are, straight
    // into the new one: writing the cache of a reloaded corpus decodes none
    // and copies none into memory. The others are encoded twice, a chunk
    // at a time on every core: once for their lengths and checksum, which
    // the file gives first, once to write them. Holding them all encoded
    // was a gigabyte at a million briefings.
    let n = corpus.briefings.len();
    let encoded = |i: usize| -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
        if let Some(kept) = corpus.briefings.kept_bytes(i) {
            return Ok(std::borrow::Cow::Borrowed(kept));
        }
        let b = corpus
            .briefings
            .get(i)
            .ok_or_else(|| std::io::Error::other("a briefing is missing"))?;
        postcard::to_stdvec(&**b)
            .map(std::borrow::Cow::Owned)
            .map_err(std::io::Error::other)
    };
    let chunks: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(WRITE_CHUNK)
        .map(|start| start..(start + WRITE_CHUNK).min(n))
        .collect();
    let measured: Vec<(Vec<u32>, crc32fast::Hasher)> = chunks
        .par_iter()
        .map(|range| {
            let mut crc = crc32fast::Hasher::new();
            let mut lengths = Vec::with_capacity(range.len());
            for i in range.clone() {
                let bytes = encoded(i)?;
                crc.update(&bytes);
                lengths.push(u32::try_from(bytes.len()).map_err(std::io::Error::other)?);
            }
            Ok((lengths, crc))
        })
        .collect::<std::io::Result<_>>()?;
    let mut crc = crc32fast::Hasher::new();
    let mut lengths: Vec<u32> = Vec::with_capacity(n);
    for (l, c) in measured {
        lengths.extend(l);
        crc.combine(&c);
    }
    let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
    let mut postings_crc = crc32fast::Hasher::new();
    let postings_len = each_postings_chunk(index, |bytes| {
        postings_crc.update(bytes);
        Ok(())
    })?;
    let lengths_frame = postcard::to_stdvec(&lengths).map_err(std::io::Error::other)?;
    let parts = index.encode_parts().map_err(std::io::Error::other)?;
    let places: Vec<u32> = places.iter().map(|d| d.unwrap_or(NO_PLACE)).collect();
    let places = postcard::to_stdvec(&places).map_err(std::io::Error::other)?;
    let files = stamps.encode();
    let body = BodyRef {
        actors: corpus.registry.actors(),
        problems: &problems,
        checksum: crc.finalize(),
        postings_checksum: postings_crc.finalize(),
        index_checksum: checksum_of_parts(
            std::iter::once(&lengths_frame[..])
                .chain(parts[..3].iter().map(|p| &p[..]))
                .chain(std::iter::once(&places[..])),
        ),
        records_checksum: checksum_of_parts([&files[..], &parts[3][..]]),
    };
    let head = postcard::to_stdvec(&header(root, key)).map_err(std::io::Error::other)?;
    let body = postcard::to_stdvec(&body).map_err(std::io::Error::other)?;
    crate::io::atomic_write::write_atomically(&path, |f| {
        write_frame(f, &head)?;
        write_frame(f, &body)?;
        write_frame(f, &files)?;
        write_frame(f, &lengths_frame)?;
        f.write_all(&total.to_le_bytes())?;
        for range in &chunks {
            let bytes: Vec<std::borrow::Cow<'_, [u8]>> = range
                .clone()
                .into_par_iter()
                .map(encoded)
                .collect::<std::io::Result<_>>()?;
            for (i, b) in range.clone().zip(&bytes) {
                // The same briefing encodes to the same bytes; a length that
                // moved would misplace every briefing after it.
                if lengths.get(i).map(|&l| l as usize) != Some(b.len()) {
                    return Err(std::io::Error::other(
                        "a briefing encoded differently twice",
                    ));
                }
                f.write_all(b)?;
            }
        }
        for part in &parts {
            write_frame(f, part)?;
        }
        write_frame(f, &places)?;
        // The postings' first byte at a multiple of 8 in the file, which
        // the map's start is: read in place as `u32`s.
        let framed = |b: &[u8]| 8 + b.len() as u64;
        let before = framed(&head)
            + framed(&body)
            + framed(&files)
            + framed(&lengths_frame)
            + 8
            + total
            + parts.iter().map(|p| framed(p)).sum::<u64>()
            + framed(&places);
        let padding = (8 - (before + 16) % 8) % 8;
        write_frame(f, &vec![0; padding as usize])?;
        f.write_all(&postings_len.to_le_bytes())?;
        each_postings_chunk(index, |bytes| f.write_all(bytes))?;
        Ok(())
    })
}

/// Hands the index's postings to `take` as little-endian bytes, a chunk at
/// a time, in `Index::postings`'s order; gives how many bytes they are.
fn each_postings_chunk(
    index: &Index,
    mut take: impl FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<u64> {
    let mut chunk: Vec<u8> = Vec::with_capacity(1 << 16);
    let mut len = 0;
    for list in index.postings() {
        for &doc in list {
            chunk.extend_from_slice(&doc.to_le_bytes());
            if chunk.len() >= 1 << 16 {
                take(&chunk)?;
                len += chunk.len() as u64;
                chunk.clear();
            }
        }
    }
    take(&chunk)?;
    Ok(len + chunk.len() as u64)
}

/// A file that gave no briefing, in the cache's list of places.
const NO_PLACE: u32 = u32::MAX;

/// Briefings encoded at a time when the cache is written.
const WRITE_CHUNK: usize = 4096;

/// `Body` by reference, so writing the cache copies nothing.
#[derive(Serialize)]
struct BodyRef<'a> {
    actors: &'a [Actor],
    problems: &'a [&'a Problem],
    checksum: u32,
    postings_checksum: u32,
    index_checksum: u32,
    records_checksum: u32,
}

/// The CRC-32 of `parts`, one after the other.
fn checksum_of_parts<'p>(parts: impl IntoIterator<Item = &'p [u8]>) -> u32 {
    let mut crc = crc32fast::Hasher::new();
    for p in parts {
        crc.update(p);
    }
    crc.finalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(path: &Path) -> Stamp {
        Stamp::of(&std::fs::metadata(path).expect("stat")).expect("a stamp")
    }

    /// Recorded as if checked `secs` seconds from now.
    fn record_later(cache: &Path, secs: u64) {
        let later = crate::stamp::now_ns() + secs * 1_000_000_000;
        record_checked_as_of(cache, stamp(cache), later);
    }

    #[test]
    fn a_cache_recorded_as_checked_is_trusted_only_as_it_was() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let cache = dir.path().join("corpus-1.bin");
        std::fs::write(&cache, b"cached bytes").expect("write");
        assert!(!checked_before(&cache, stamp(&cache)), "no record yet");

        // Written just now: its times could survive a change, so no record.
        record_checked(&cache, stamp(&cache));
        assert!(!checked_path(&cache).exists());

        record_later(&cache, 10);
        assert!(checked_before(&cache, stamp(&cache)));

        // Changed in place, same size: its times tell (set apart here, as
        // they are once the racy window is past; within it nothing is
        // recorded, as above).
        std::fs::write(&cache, b"cached byteZ").expect("damage");
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let file = std::fs::File::options()
            .write(true)
            .open(&cache)
            .expect("open");
        file.set_modified(hour_ago).expect("set its time");
        assert!(!checked_before(&cache, stamp(&cache)));

        // Replaced by another file: another inode.
        record_later(&cache, 10);
        assert!(checked_before(&cache, stamp(&cache)));
        let other = dir.path().join("new.bin");
        std::fs::write(&other, b"cached byteZ").expect("write");
        std::fs::rename(&other, &cache).expect("rename");
        assert!(!checked_before(&cache, stamp(&cache)));

        // Written beside the cache, under a name of its own.
        assert_eq!(checked_path(&cache), dir.path().join("corpus-1.checked"));

        // A record that does not read is no record.
        std::fs::write(checked_path(&cache), "not a number\n").expect("write");
        assert!(!checked_before(&cache, stamp(&cache)));
    }
}
