//! A cache of the parsed corpus, so a second start on an unchanged folder
//! skips parsing. It lives in the cache folder (never in the briefings folder),
//! is checked against every file's size and modification time, and is never
//! the only copy of anything: a stale, foreign or damaged cache is ignored and
//! rebuilt from the files.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::model::{Actor, Briefing, Problem, Severity};
use crate::stamp::Stamp;

/// Bumped whenever the cached shapes change; with the crate version, a cache
/// from another build is ignored.
const FORMAT: u32 = 7;

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    version: String,
    #[serde(with = "crate::path_bytes")]
    root: PathBuf,
    max_file_size: u64,
}

/// After the header: the stamps, actors and problems, then the briefings in
/// chunks of `CHUNK`, each its own blob, so they decode on every core, and
/// last the index of their titles and names, which decodes faster than it
/// is built.
#[derive(Serialize, Deserialize)]
struct Body {
    stamps: Vec<Stamp>,
    actors: Vec<Actor>,
    problems: Vec<Problem>,
    chunks: u32,
}

const CHUNK: usize = 2048;

/// The parsed corpus as it was cached, when the files are still the same.
pub(crate) struct Cached {
    pub briefings: Vec<std::sync::Arc<Briefing>>,
    pub registry: Registry,
    pub problems: Vec<Problem>,
    pub index: crate::index::Index,
    /// The files as they were when the cache was written.
    pub stamps: Vec<Stamp>,
}

/// Where the cache of the folder `root` lives in `cache_dir`. The folder is
/// taken as written, since the cached briefings keep their paths as read
/// (`briefings/x.yaml` or `/home/ana/briefings/x.yaml`).
pub fn file_for(cache_dir: &Path, root: &Path) -> PathBuf {
    use std::hash::BuildHasher;
    let hash = rustc_hash::FxBuildHasher.hash_one(root.as_os_str().as_encoded_bytes());
    cache_dir.join(format!("corpus-{hash:016x}.bin"))
}

fn header(root: &Path, max_file_size: u64) -> Header {
    Header {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        root: root.to_path_buf(),
        max_file_size,
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

/// Reads one length-prefixed frame.
fn frame(r: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut len = [0u8; 8];
    r.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    // Read into room made once, not grown by doubling (a copy each time); a
    // damaged length reserves address space only, never filled past the file.
    let mut buf = Vec::with_capacity(len.min(1 << 28) as usize);
    r.take(len).read_to_end(&mut buf)?;
    if buf.len() as u64 != len {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(buf)
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

/// The cached corpus of `root`, if the cache file matches `stamps` exactly;
/// with no `stamps`, as it is (the caller compares it with the files later).
pub(crate) fn read(
    cache_dir: &Path,
    root: &Path,
    max_file_size: u64,
    stamps: Option<&[Option<Stamp>]>,
) -> Lookup {
    let path = file_for(cache_dir, root);
    let Some(file) = open_regular(&path) else {
        return Lookup::Miss;
    };
    let mut file = std::io::BufReader::new(file);
    let damaged = |e: &dyn std::fmt::Display| {
        let message = match crate::paths::set_aside(&path) {
            Ok(bad) => format!(
                "the cache could not be read ({e}); set aside as {} and rebuilt from the files",
                bad.display()
            ),
            Err(r) => format!("the cache could not be read ({e}) nor set aside ({r})"),
        };
        Lookup::Damaged(Problem {
            path: path.clone(),
            line: None,
            column: None,
            severity: Severity::Warning,
            message,
        })
    };
    let head: Header = match frame(&mut file).map(|b| postcard::from_bytes(&b)) {
        Ok(Ok(h)) => h,
        Ok(Err(e)) => return damaged(&e),
        Err(e) => return damaged(&e),
    };
    let want = header(root, max_file_size);
    if head.format != want.format
        || head.version != want.version
        || head.root != want.root
        || head.max_file_size != want.max_file_size
    {
        return Lookup::Miss;
    }
    let body: Body = match frame(&mut file).map(|b| postcard::from_bytes(&b)) {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => return damaged(&e),
        Err(e) => return damaged(&e),
    };
    let same = stamps.is_none_or(|stamps| {
        body.stamps.len() == stamps.len()
            && body
                .stamps
                .iter()
                .zip(stamps)
                .all(|(a, b)| b.as_ref() == Some(a))
    });
    if !same {
        return Lookup::Miss;
    }
    // Chunks decode on the pool while the next ones are read, so only a few
    // chunks' bytes are in memory at once.
    let n = body.chunks as usize;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut read_error = None;
    let mut index = None;
    rayon::scope(|s| {
        for i in 0..n {
            match frame(&mut file) {
                Ok(blob) => {
                    let tx = tx.clone();
                    s.spawn(move |_| {
                        let _ = tx.send((
                            i,
                            postcard::from_bytes::<Vec<std::sync::Arc<Briefing>>>(&blob),
                        ));
                    });
                }
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            }
        }
        if read_error.is_none() {
            match frame(&mut file) {
                Ok(blob) => index = Some(postcard::from_bytes::<crate::index::Index>(&blob)),
                Err(e) => read_error = Some(e),
            }
        }
    });
    drop(tx);
    if let Some(e) = read_error {
        return damaged(&e);
    }
    let index = match index {
        Some(Ok(index)) => index,
        Some(Err(e)) => return damaged(&e),
        None => return damaged(&"no index"),
    };
    let mut chunks: Vec<Option<Vec<std::sync::Arc<Briefing>>>> = (0..n).map(|_| None).collect();
    for (i, decoded) in rx {
        match decoded {
            Ok(c) => chunks[i] = Some(c),
            Err(e) => return damaged(&e),
        }
    }
    let briefings: Vec<_> = chunks.into_iter().flatten().flatten().collect();
    if index.doc_actors.len() != briefings.len() {
        return damaged(&"the index does not match the briefings");
    }
    let (mut registry, _) = Registry::new(body.actors);
    // Topics are resolved at search time, so they are read afresh, not cached.
    registry.set_topics(crate::topics::read_in(root, &mut Vec::new()));
    Lookup::Hit(Box::new(Cached {
        briefings,
        registry,
        problems: body.problems,
        index,
        stamps: body.stamps,
    }))
}

/// Writes the cache atomically (`atomic_write`), so a reader never sees half a cache.
pub(crate) fn write(
    cache_dir: &Path,
    root: &Path,
    max_file_size: u64,
    stamps: &[Stamp],
    corpus: &Corpus,
) -> std::io::Result<()> {
    let path = file_for(cache_dir, root);
    // A damaged-cache warning belongs to this run only.
    let problems: Vec<&Problem> = corpus.problems.iter().filter(|p| p.path != path).collect();
    let chunks = corpus.briefings.chunks(CHUNK);
    let body = BodyRef {
        stamps,
        actors: corpus.registry.actors(),
        problems: &problems,
        chunks: chunks.len() as u32,
    };
    let err = std::io::Error::other;
    let head = postcard::to_stdvec(&header(root, max_file_size)).map_err(err)?;
    let body = postcard::to_stdvec(&body).map_err(err)?;
    crate::atomic_write::write_atomically(&path, |f| {
        write_frame(f, &head)?;
        write_frame(f, &body)?;
        for chunk in chunks {
            write_frame(f, &postcard::to_stdvec(chunk).map_err(err)?)?;
        }
        write_frame(f, &postcard::to_stdvec(corpus.index()).map_err(err)?)
    })
}

/// `Body` by reference, so writing the cache copies nothing.
#[derive(Serialize)]
struct BodyRef<'a> {
    stamps: &'a [Stamp],
    actors: &'a [Actor],
    problems: &'a [&'a Problem],
    chunks: u32,
}

impl Corpus {
    /// Writes the cache of a corpus just read from its files, so the next start
    /// skips parsing. Does nothing for a corpus that came from the cache.
    pub fn store_cache(&self) -> std::io::Result<()> {
        match &self.to_cache {
            Some(c) => write(&c.dir, &c.root, c.max_file_size, &c.stamps, self),
            None => Ok(()),
        }
    }
}
