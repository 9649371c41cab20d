//! The briefing files of a folder as they are now, against those seen when
//! it was last read: every file walked and stat'ed, or only the paths a
//! watcher named, when that tells the same.

use std::path::{Path, PathBuf};

use crate::load::{self, LoadOptions, Walked};
use crate::model::Problem;
use crate::stamp::{self, Seen, Stamp};

/// The briefing files as they are now, against those seen: what a walk of
/// the folder, or a look at the paths a watcher named, found.
pub(crate) struct Listing {
    /// Files that may differ from what was seen (after a walk, every file),
    /// in path order, with their stamps now.
    pub(crate) looked: Vec<(PathBuf, Option<Stamp>)>,
    /// Files seen that are no longer there: indices in `Seen::files`, in order.
    pub(crate) gone: Vec<usize>,
    /// What the walk met (links out of the folder, FIFOs...).
    pub(crate) problems: Vec<Problem>,
    pub(crate) walked: Walked,
    /// The whole folder was walked.
    pub(crate) whole: bool,
}

/// Every file of the folder walked and stat'ed.
pub(crate) fn walk_all(seen: &Seen, root: &Path, opts: &LoadOptions) -> Listing {
    let mut problems = Vec::new();
    let (files, walked) = load::walk_below(root, root, opts, &mut problems);
    let stamps = stamp::stamps(&files);
    // Both lists are in path order.
    let mut gone = Vec::new();
    let mut at = 0;
    for (i, (path, _)) in seen.files.iter().enumerate() {
        while files.get(at).is_some_and(|f| f.as_path() < path) {
            at += 1;
        }
        if files.get(at).map(PathBuf::as_path) != Some(path) {
            gone.push(i);
        }
    }
    Listing {
        looked: files.into_iter().zip(stamps).collect(),
        gone,
        problems,
        walked,
        whole: true,
    }
}

/// The type of what is at `root`/`rel`, without following links: `None`
/// when it cannot be told (a folder on the way is a link, or cannot be
/// stat'ed), `Some(None)` when nothing is there.
fn kind_below(root: &Path, rel: &Path) -> Option<Option<std::fs::FileType>> {
    let absent = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
        )
    };
    let mut path = root.to_path_buf();
    let mut parts = rel.components().peekable();
    while let Some(part) = parts.next() {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if parts.peek().is_none() => return Some(Some(m.file_type())),
            Ok(m) if m.file_type().is_symlink() => return None,
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Some(None),
            Err(e) if absent(&e) => return Some(None),
            Err(_) => return None,
        }
    }
    None
}

/// Most paths looked at one by one: beyond, walking the folder costs less.
const MOST_TOUCHED: usize = 1_000;

/// Only the paths a watcher named, looked at: `None` when that cannot tell
/// what a walk of the whole folder would (see `reload::reload_touched`).
pub(crate) fn look_at(
    seen: &Seen,
    root: &Path,
    opts: &LoadOptions,
    paths: &[PathBuf],
) -> Option<Listing> {
    let walked = seen.walked.get().filter(|w| w.plain)?;
    if paths.is_empty() || paths.len() > MOST_TOUCHED.max(seen.files.len() / 4) {
        return None;
    }
    let mut found = Found {
        // At most this many files now: a walk stops at `max_files`.
        entries: walked.entries,
        ..Found::default()
    };
    for path in paths {
        found.look(root, path, opts)?;
    }
    if found.entries > opts.max_files {
        return None;
    }
    let gone = gone_below(seen, &found.below, &found.looked);
    let looked: Vec<PathBuf> = found.looked.into_iter().collect();
    let stamps = stamp::stamps(&looked);
    // What the last walk said elsewhere still holds; at or below a path
    // looked at, what was found now.
    let mut problems: Vec<Problem> = walked
        .problems
        .iter()
        .filter(|p| !found.below.iter().any(|b| p.path.starts_with(b)))
        .cloned()
        .collect();
    problems.extend(found.problems);
    Some(Listing {
        looked: looked.into_iter().zip(stamps).collect(),
        gone,
        problems: problems.clone(),
        walked: Walked {
            entries: found.entries,
            plain: true,
            problems,
        },
        whole: false,
    })
}

/// What looking at the paths a watcher named found.
#[derive(Default)]
struct Found {
    /// The briefing files there now.
    looked: std::collections::BTreeSet<PathBuf>,
    /// The paths looked at, each a file or a folder, or nothing now.
    below: Vec<PathBuf>,
    /// What walking the folders named met.
    problems: Vec<Problem>,
    /// The entries of the folder, as far as can be told.
    entries: usize,
}

impl Found {
    /// Looks at one path: `None` when a walk of the whole folder must tell
    /// (a path outside the folder or the folder itself, the registries, a
    /// link, a special file named like a briefing).
    fn look(&mut self, root: &Path, path: &Path, opts: &LoadOptions) -> Option<()> {
        let rel = path.strip_prefix(root).ok()?;
        let normal = |c: std::path::Component| matches!(c, std::path::Component::Normal(_));
        if rel.as_os_str().is_empty() || !rel.components().all(normal) {
            return None;
        }
        // Walks skip hidden files and folders (editors' swap files).
        let hidden = |c: std::path::Component| load::is_hidden(Path::new(c.as_os_str()));
        if rel.components().any(hidden) {
            return Some(());
        }
        // In the walk's own spelling.
        let path = root.join(rel.components().collect::<PathBuf>());
        if rel.components().count() == 1 && (load::is_registry(&path) || load::is_topics(&path)) {
            return None;
        }
        match kind_below(root, rel)? {
            Some(k) if k.is_symlink() => return None,
            Some(k) if k.is_dir() => {
                let (files, walked) = load::walk_below(root, &path, opts, &mut self.problems);
                if !walked.plain {
                    return None;
                }
                self.entries += walked.entries;
                self.looked.extend(files);
            }
            Some(k) if k.is_file() => {
                if load::is_briefing_name(&path) {
                    self.looked.insert(path.clone());
                }
            }
            // A FIFO or a device named like a briefing: the walk says so.
            Some(_) if load::is_briefing_name(&path) => return None,
            Some(_) | None => {}
        }
        self.entries += 1;
        self.below.push(path);
        Some(())
    }
}

/// Files seen at or below a path looked at (`below`), and not found there
/// now (`looked`), are gone: their indices in `Seen::files`, in order.
fn gone_below(
    seen: &Seen,
    below: &[PathBuf],
    looked: &std::collections::BTreeSet<PathBuf>,
) -> Vec<usize> {
    let mut gone: Vec<usize> = Vec::new();
    for path in below {
        let from = seen.files.partition_point(|(p, _)| p < path);
        gone.extend(
            seen.files
                .iter_from(from)
                .take_while(|(p, _)| p.starts_with(path))
                .enumerate()
                .filter(|(_, (p, _))| !looked.contains(*p))
                .map(|(i, _)| from + i),
        );
    }
    gone.sort_unstable();
    gone.dedup();
    gone
}
