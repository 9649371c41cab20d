//! What a file was when it was read (path, size, modification and change
//! times, inode), and
//! every file of a folder as it was: what the cache and live reload compare
//! against to know what changed without reading anything.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::column::records::{Record, Records, put, span, u32_at, u64_at};
use serde::{Deserialize, Serialize};

/// What a file was when it was read: its size, modification time, and the
/// inode and its change time. The last two catch an edit whose size and
/// modification time were put back (`touch -r`, a copy keeping times): the
/// system sets the change time whenever the file changes, and a file
/// replaced by rename is another inode. The path is not in it: a folder's
/// stamps sit beside its paths, which are held once (at a million files,
/// a path in each stamp was 200 MB more in every process).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    size: u64,
    /// Nanoseconds since the Unix epoch (`u64` holds them until 2554).
    modified_ns: u64,
    changed_ns: u64,
    inode: u64,
}

impl Stamp {
    /// Modification time, in nanoseconds since the Unix epoch.
    pub(crate) fn modified_ns(&self) -> u64 {
        self.modified_ns
    }

    /// Whether the file changed so recently, as of `now_ns`, that another
    /// change could keep the same times (its contents or its metadata).
    pub(crate) fn racy_at(&self, now_ns: u64) -> bool {
        [self.modified_ns, self.changed_ns]
            .iter()
            .any(|&t| t.saturating_add(RACY_WINDOW_NS) > now_ns)
    }

    /// Size, times and inode as one number, never 0 (which stands for
    /// "no stamp"), for the text index to tell one version of a file from another.
    pub(crate) fn hashed(&self) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher
            // The times as the wider integers they once were: the text
            // index keeps these numbers, and the same file must give the
            // same one, or an upgrade indexes every article again.
            .hash_one((
                self.size,
                u128::from(self.modified_ns),
                u128::from(self.changed_ns),
                self.inode,
            ))
            .max(1)
    }
}

/// A file and its stamp (none when it could not be stat'ed), borrowed from
/// a column of `Files`.
pub(crate) type FileRef<'a> = (&'a Path, Option<Stamp>);

/// A file's fixed part: its stamp's four numbers, whether it has one, three
/// bytes unused, then where its path lies among the chunk's strings.
pub(crate) struct FileRecord;

impl Record for FileRecord {
    const WIDTH: usize = 44;
    type Ref<'a> = FileRef<'a>;

    fn write((path, stamp): FileRef<'_>, fixed: &mut Vec<u8>, strings: &mut Vec<u8>) {
        let (at, len) = put(strings, path.as_os_str().as_encoded_bytes());
        let s = stamp.unwrap_or(Stamp {
            size: 0,
            modified_ns: 0,
            changed_ns: 0,
            inode: 0,
        });
        for n in [s.size, s.modified_ns, s.changed_ns, s.inode] {
            fixed.extend_from_slice(&n.to_le_bytes());
        }
        fixed.extend_from_slice(&[u8::from(stamp.is_some()), 0, 0, 0]);
        fixed.extend_from_slice(&at.to_le_bytes());
        fixed.extend_from_slice(&len.to_le_bytes());
    }

    fn read<'a>(fixed: &'a [u8], strings: &'a [u8]) -> Option<FileRef<'a>> {
        let path = span(strings, u32_at(fixed, 36)?, u32_at(fixed, 40)?)?;
        let stamp = Stamp {
            size: u64_at(fixed, 0)?,
            modified_ns: u64_at(fixed, 8)?,
            changed_ns: u64_at(fixed, 16)?,
            inode: u64_at(fixed, 24)?,
        };
        let present = match fixed.get(32)? {
            0 => false,
            1 => true,
            _ => return None,
        };
        Some((
            crate::io::path_bytes::path_of(path)?,
            present.then_some(stamp),
        ))
    }

    fn empty<'a>() -> FileRef<'a> {
        (Path::new(""), None)
    }
}

/// Files and their stamps, in the walk's order: what a folder's cache was
/// written from, and what a corpus saw of its folder (`Seen`).
pub(crate) type Files = Records<FileRecord>;

impl Files {
    /// How many of these are briefing files, and the stamp of the
    /// registry at `registry` when it is the last of them (a cache lists
    /// it last when there is one).
    pub(crate) fn split_registry(&self, registry: &Path) -> (usize, Option<Option<Stamp>>) {
        let last = self.len().checked_sub(1);
        match last.and_then(|l| Some((l, self.get(l)?))) {
            Some((l, (path, stamp))) if path == registry => (l, Some(stamp)),
            _ => (self.len(), None),
        }
    }

    /// Whether these are the paths `files` stat'ed to `now`, in order, each
    /// with a stamp: compared as bytes (`Path`'s `==` splits both into
    /// components, a million times).
    pub(crate) fn are(&self, files: &[PathBuf], now: &[Option<Stamp>]) -> bool {
        self.len() == now.len()
            && files.len() == now.len()
            && (self.iter().zip(files).zip(now)).all(|(((p, stamp), path), now)| {
                stamp.is_some() && *now == stamp && p.as_os_str() == path.as_os_str()
            })
    }
}

/// Nanoseconds since the epoch of a time given as seconds and nanoseconds.
fn epoch_ns(s: i64, n: i64) -> Option<u64> {
    u64::try_from(s)
        .ok()?
        .checked_mul(1_000_000_000)?
        .checked_add(u64::try_from(n).ok()?)
}

/// Stamps of `files`, in their order; a file that cannot be stat'ed gets none
/// and so never matches a cached stamp.
///
/// Files of one folder are stat'ed relative to the folder, opened once: the
/// kernel then looks up one name, not every component of the path again
/// (a third of a one-shot command's time at 100,000 briefings went to
/// those lookups). Folders are shared out among the cores.
pub(crate) fn stamps(files: &[PathBuf]) -> Vec<Option<Stamp>> {
    // Runs of files with the same parent (the walk lists them together).
    let mut runs: Vec<&[PathBuf]> = Vec::new();
    let mut start = 0;
    for i in 1..=files.len() {
        let cut = i == files.len()
            || files.get(i).map(|p| folder_bytes(p)) != files.get(start).map(|p| folder_bytes(p));
        if cut {
            if let Some(run) = files.get(start..i)
                && !run.is_empty()
            {
                runs.push(run);
            }
            start = i;
        }
    }
    runs.par_iter()
        .map(|run| stamps_in_one_folder(run))
        .collect::<Vec<_>>()
        .concat()
}

/// What comes before a path's last separator: its folder, as bytes, for
/// grouping a walk's files (`Path::parent` splits the whole path into
/// components, twice per file at a million files).
fn folder_bytes(p: &std::path::Path) -> &[u8] {
    let bytes = p.as_os_str().as_encoded_bytes();
    let cut = bytes
        .iter()
        .rposition(|&c| std::path::is_separator(char::from(c)))
        .unwrap_or(0);
    bytes.get(..cut).unwrap_or_default()
}

#[cfg(unix)]
fn stamps_in_one_folder(run: &[PathBuf]) -> Vec<Option<Stamp>> {
    use rustix::fs::{AtFlags, Mode, OFlags};
    use std::os::unix::ffi::OsStrExt;
    let parent = run
        .first()
        .and_then(|p| p.parent())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let Ok(dir) = rustix::fs::open(
        parent,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    ) else {
        return run.iter().map(|p| stamp_of(p)).collect();
    };
    run.iter()
        .map(|p| {
            // The bytes after the folder's (`folder_bytes`).
            let bytes = p.as_os_str().as_encoded_bytes();
            let name = std::ffi::OsStr::from_bytes(
                bytes
                    .get(folder_bytes(p).len()..)?
                    .strip_prefix(b"/")
                    .unwrap_or(bytes),
            );
            // Links are followed, as `std::fs::metadata` does.
            let st = rustix::fs::statat(&dir, name, AtFlags::empty()).ok()?;
            #[allow(clippy::useless_conversion, clippy::unnecessary_cast)]
            Some(Stamp {
                size: u64::try_from(st.st_size).unwrap_or(0),
                modified_ns: epoch_ns(st.st_mtime as i64, st.st_mtime_nsec as i64)?,
                changed_ns: epoch_ns(st.st_ctime as i64, st.st_ctime_nsec as i64).unwrap_or(0),
                inode: u64::from(st.st_ino),
            })
        })
        .collect()
}

#[cfg(not(unix))]
fn stamps_in_one_folder(run: &[PathBuf]) -> Vec<Option<Stamp>> {
    run.iter().map(|p| stamp_of(p)).collect()
}

/// One file's stamp by its path.
fn stamp_of(p: &std::path::Path) -> Option<Stamp> {
    Stamp::of(&std::fs::metadata(p).ok()?)
}

impl Stamp {
    /// The stamp of a file as `meta` (from `stat` or an open file) has it.
    pub(crate) fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        let modified_ns = u64::try_from(
            modified
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_nanos(),
        )
        .ok()?;
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                epoch_ns(meta.ctime(), meta.ctime_nsec()).unwrap_or(0),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        Some(Stamp {
            size: meta.len(),
            modified_ns,
            changed_ns,
            inode,
        })
    }
}

/// Whether a file changed so recently that a change within the file system's
/// timestamp granularity could go unseen: then the folder is not cached.
pub(crate) fn racy<'s>(mut stamps: impl Iterator<Item = &'s Stamp>) -> bool {
    stamps.any(|s| racy_time(s.modified_ns))
}

/// Whether a file modified at `modified_ns` (since the epoch) may be
/// changed again with the same time: within the file system's timestamp
/// granularity (the kernel's coarse clock, milliseconds) of now.
pub(crate) fn racy_time(modified_ns: u64) -> bool {
    modified_ns.saturating_add(RACY_WINDOW_NS) > now_ns()
}

/// Longer than the file system's timestamp granularity, with a margin.
const RACY_WINDOW_NS: u64 = 2_000_000_000;

/// Now, in nanoseconds since the epoch.
pub(crate) fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// What a walk met besides the files: live reload walks only where the
/// watcher saw changes while that gives what a walk of the whole folder would.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Walked {
    /// Entries visited.
    pub(crate) entries: usize,
    /// No symlink (or entry of unknown type) was met and the walk did not
    /// stop at its bound: each file is reached by one path only, and
    /// walking part of the folder finds what walking all of it finds there.
    pub(crate) plain: bool,
    /// What the walk said (a FIFO named like a briefing, a folder that
    /// cannot be read...), each about its own path: a reload that looks
    /// only at the paths a watcher named keeps those said elsewhere.
    pub(crate) problems: Vec<crate::model::Problem>,
}

/// Every file of a folder as it was when read: the briefings' paths (sorted)
/// with their stamps, and the registry's stamp if there is a registry.
#[derive(Debug, Clone, Default)]
pub(crate) struct Seen {
    pub(crate) files: Files,
    pub(crate) registry: Option<Option<Stamp>>,
    /// `topics.yaml`'s stamp, when there is one: a change reads everything again.
    pub(crate) topics: Option<Option<Stamp>>,
    /// What the walk that listed `files` met: whether live reload may look
    /// only where the watcher saw changes. Set once a walk found the files
    /// as listed (a corpus from the cache may be checked after its load).
    pub(crate) walked: std::sync::OnceLock<Walked>,
    /// For each file, its briefing's index in the corpus this belongs to:
    /// set by live reload, or found by path once (the start-up check does
    /// it off the input path, so the first change does not map a million
    /// paths).
    pub(crate) docs: std::sync::OnceLock<Vec<Option<u32>>>,
}

impl Seen {
    /// The stamp of the file at `path`, when it was seen and stat'ed.
    pub(crate) fn stamp_of(&self, path: &std::path::Path) -> Option<Stamp> {
        let at = self.files.binary_search_by(|(p, _)| p.cmp(path)).ok()?;
        self.files.get(at)?.1
    }

    /// For each file, its briefing's index in the corpus this belongs to,
    /// given each briefing's file in corpus order (`paths`): as a reload or
    /// the cache set them, else found by path once and kept (keyed by the
    /// path's bytes: hashing a `Path` walks its components).
    pub(crate) fn docs_by_path<'p>(
        &self,
        paths: impl Iterator<Item = &'p std::path::Path>,
    ) -> &[Option<u32>] {
        self.docs.get_or_init(|| {
            let by_path: rustc_hash::FxHashMap<&std::ffi::OsStr, u32> =
                paths.map(|p| p.as_os_str()).zip(0u32..).collect();
            (self.files.iter())
                .map(|(p, _)| by_path.get(p.as_os_str()).copied())
                .collect()
        })
    }

    /// From the briefing files and their stamps, the registry's stamp last
    /// when there is a registry.
    pub(crate) fn new(files: &[PathBuf], stamps: &[Option<Stamp>], has_registry: bool) -> Seen {
        Seen {
            files: Files::from_values(
                files
                    .iter()
                    .map(PathBuf::as_path)
                    .zip(stamps.iter().copied()),
            ),
            registry: has_registry.then(|| stamps.get(files.len()).cloned().flatten()),
            topics: None,
            walked: std::sync::OnceLock::new(),
            docs: std::sync::OnceLock::new(),
        }
    }
}

/// The stamp of the topic registry in `root`: `None` without one.
pub(crate) fn topics_stamp(root: &std::path::Path) -> Option<Option<Stamp>> {
    let path = root.join(crate::topics::TOPICS_FILE);
    path.is_file()
        .then(|| stamps(std::slice::from_ref(&path)).pop().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_is_small_and_apart_from_its_path() {
        // A million of them are held by every process on a folder.
        assert!(std::mem::size_of::<Option<Stamp>>() <= 40);
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "id: a\n").expect("write");
        let first = stamps(std::slice::from_ref(&path));
        assert!(first[0].is_some(), "a file there is stamped");
        std::fs::write(&path, "id: a, changed\n").expect("write");
        let second = stamps(std::slice::from_ref(&path));
        assert_ne!(first, second, "a change of the file changes its stamp");
        assert_eq!(stamps(&[dir.path().join("gone.yaml")]), vec![None]);
    }

    #[test]
    fn a_stamp_hashes_as_it_did_with_wider_times() {
        // The text index on disk keeps these numbers from earlier versions.
        use std::hash::BuildHasher;
        let s = Stamp {
            size: 1,
            modified_ns: 2,
            changed_ns: 3,
            inode: 4,
        };
        let before = rustc_hash::FxBuildHasher.hash_one((1u64, 2u128, 3u128, 4u64));
        assert_eq!(s.hashed(), before.max(1));
    }
}
