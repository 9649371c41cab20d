//! Which files of a folder are briefings, and reading them within the size limit.
//!
//! The folder may fight back: links out of it (to `/`, `/proc`, `/dev/zero`),
//! FIFOs, sockets and devices named `*.yaml`, files growing while read, more
//! files than any briefings folder holds. The walk stays inside the
//! folder's own tree and stops after `LoadOptions::max_files` files, keeping
//! what it walked and naming what it did not read; only
//! regular files are read, opened without blocking, and never more than the
//! size limit plus one byte.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Input, LoadOptions, REGISTRY_FILE, problem};
use crate::model::{Problem, Severity};
use crate::stamp::Walked;

/// What a file that is not a regular file or a folder is, for messages.
pub(crate) fn kind_name(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        return "a folder";
    }
    if kind.is_symlink() {
        return "a symlink";
    }
    "something else"
}

fn not_regular(path: &Path, kind: std::fs::FileType) -> Problem {
    problem(
        path,
        Severity::Error,
        format!("not a regular file but {}; not read", kind_name(kind)),
    )
}

/// What tells one folder from another: its device and inode (one stat),
/// elsewhere its real path.
#[cfg(unix)]
fn folder_key(dir: &Path) -> std::io::Result<FolderKey> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_key(dir: &Path) -> std::io::Result<FolderKey> {
    std::fs::canonicalize(dir)
}

pub(crate) fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
}

/// What tells a folder from another, links or not.
#[cfg(unix)]
type FolderKey = (u64, u64);
#[cfg(not(unix))]
type FolderKey = PathBuf;

/// Lists every `*.yaml`/`*.yml` below `start` (`root` or a folder inside it;
/// the registry apart), following symlinks while they stay inside `root`'s
/// tree, never twice into the same folder, and visiting at most
/// `opts.max_files` files (folders are not counted); with what the walk met.
pub(crate) fn walk_below(
    root: &Path,
    start: &Path,
    opts: &LoadOptions,
    problems: &mut Vec<Problem>,
) -> (Vec<PathBuf>, Walked) {
    let problems_before = problems.len();
    let mut full = false;
    let mut walk = Walk {
        root,
        // Links are followed only to what lies below the folder's real path.
        home: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
        max_files: opts.max_files,
        problems,
        files: Vec::new(),
        seen: HashSet::new(),
        stack: vec![start.to_path_buf()],
        visited: 0,
        links: false,
    };
    while let Some(dir) = walk.stack.pop() {
        match walk.list(&dir) {
            Listed::Names(names) => {
                let below = walk.stack.len();
                let at_root = dir == walk.root;
                for (path, kind) in names {
                    walk.take(at_root, path, kind);
                }
                // Entered in path order, so the files usually come out in
                // order and need no sort.
                walk.stack
                    .get_mut(below..)
                    .into_iter()
                    .for_each(|s| s.reverse());
            }
            Listed::Skipped => {}
            Listed::Full(names) => {
                // What was listed of this folder is kept; the rest is said.
                let at_root = dir == walk.root;
                for (path, kind) in names {
                    if kind.is_none_or(|k| !k.is_dir()) {
                        walk.take(at_root, path, kind);
                    }
                }
                walk.say_full(&dir);
                full = true;
                break;
            }
        }
    }
    let Walk {
        mut files,
        visited,
        links,
        problems,
        ..
    } = walk;
    // In path order compared as bytes (`path_order`). Folders are entered in
    // order, so only files that sort after a subfolder of their own folder
    // come out of order: checking costs one pass, where
    // sorting a million paths took a tenth of a one-shot command's CPU.
    if !files.is_sorted_by(|a, b| path_order(a, b).is_le()) {
        rayon::slice::ParallelSliceMut::par_sort_by(&mut files[..], |a, b| path_order(a, b));
    }
    let walked = Walked {
        entries: visited,
        plain: !links && !full,
        problems: problems[problems_before..].to_vec(),
    };
    (files, walked)
}

/// `Path`'s order, component by component, for the paths a walk makes
/// (one separator between components, none at the end): their bytes
/// compared with the separator below every other byte, as the end of a
/// component is. The same order (reload and the cache binary-search it),
/// without splitting both paths into components at every comparison: that
/// was a tenth of a one-shot command's time at 100,000 briefings.
pub(crate) fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    #[cfg(unix)]
    {
        let (a, b) = (
            a.as_os_str().as_encoded_bytes(),
            b.as_os_str().as_encoded_bytes(),
        );
        let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let rank = |c: Option<&u8>| c.map(|&c| if c == b'/' { 0 } else { u16::from(c) + 1 });
        rank(a.get(same)).cmp(&rank(b.get(same)))
    }
    #[cfg(not(unix))]
    a.cmp(b)
}

/// A walk under way.
struct Walk<'a> {
    root: &'a Path,
    home: PathBuf,
    max_files: usize,
    problems: &'a mut Vec<Problem>,
    files: Vec<PathBuf>,
    /// The folders entered.
    seen: HashSet<FolderKey>,
    /// The folders to enter.
    stack: Vec<PathBuf>,
    /// Files met (every entry but folders).
    visited: usize,
    /// Whether a link was met.
    links: bool,
}

/// The entries of a folder, each with its type when known.
type Names = Vec<(PathBuf, Option<std::fs::FileType>)>;

/// What listing a folder gave.
enum Listed {
    /// Its entries, in path order.
    Names(Names),
    /// It cannot be read, or was entered before.
    Skipped,
    /// The walk met the most files it may, and stops: the entries listed
    /// of this folder until then.
    Full(Names),
}

impl Walk<'_> {
    /// The entries of `dir`.
    fn list(&mut self, dir: &Path) -> Listed {
        match folder_key(dir) {
            Ok(key) if !self.seen.insert(key) => {
                self.problems.push(problem(
                    dir,
                    Severity::Warning,
                    "folder already visited (symlink loop?), skipped",
                ));
                return Listed::Skipped;
            }
            Ok(_) => {}
            Err(e) => {
                let said = format!("cannot open folder: {e}");
                self.problems.push(problem(dir, Severity::Error, said));
                return Listed::Skipped;
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                let said = format!("cannot read folder: {e}");
                self.problems.push(problem(dir, Severity::Error, said));
                return Listed::Skipped;
            }
        };
        // The entry's own type costs no system call; only symlinks are followed with a stat.
        let mut names: Names = Vec::new();
        for entry in entries {
            let Ok(e) = entry else { continue };
            let kind = e.file_type().ok();
            if kind.is_none_or(|k| !k.is_dir()) {
                self.visited += 1;
                if self.visited > self.max_files {
                    names.sort_by(|a, b| path_order(&a.0, &b.0));
                    return Listed::Full(names);
                }
            }
            names.push((e.path(), kind));
        }
        names.sort_by(|a, b| path_order(&a.0, &b.0));
        Listed::Names(names)
    }

    /// Says that the walk stopped in `dir`, and what it did not read: the
    /// rest of `dir` and the folders not entered yet (named, the first few).
    fn say_full(&mut self, dir: &Path) {
        const NAMED: usize = 5;
        let rel = |p: &Path| p.strip_prefix(self.root).unwrap_or(p).display().to_string();
        let mut later: Vec<String> = self
            .stack
            .iter()
            .rev()
            .take(NAMED)
            .map(|p| rel(p))
            .collect();
        if self.stack.len() > NAMED {
            later.push(format!("and {} more", self.stack.len() - NAMED));
        }
        let folders = match self.stack.len() {
            0 => String::new(),
            1 => format!("; 1 folder not entered: {}", later.join(", ")),
            n => format!("; {n} folders not entered: {}", later.join(", ")),
        };
        let here = match rel(dir) {
            r if r.is_empty() => "the folder itself".to_string(),
            r => format!("'{r}'"),
        };
        self.problems.push(problem(
            self.root,
            Severity::Error,
            format!(
                "stopped after meeting {} files, the most a walk reads (max_files in \
                 config.yaml); everything walked until then is loaded; not read: the rest of \
                 {here}{folders}",
                self.max_files
            ),
        ));
    }

    /// One entry of a folder (the walk's root when `at_root`): a folder to
    /// enter, a briefing file, or a problem. Its name is read from the
    /// path's bytes: `Path::file_name` and `extension` split the whole path
    /// into components, three times per file.
    fn take(&mut self, at_root: bool, path: PathBuf, kind: Option<std::fs::FileType>) {
        let name = entry_name(&path);
        if name.starts_with(b".") {
            return;
        }
        let is_briefing_name = is_briefing_file_name(name);
        let kind = match kind {
            Some(k) if k.is_dir() || k.is_file() => k,
            Some(k) if !k.is_symlink() => {
                if is_briefing_name {
                    self.problems.push(not_regular(&path, k));
                }
                return;
            }
            _ => {
                self.links = true;
                match follow(&path, &self.home) {
                    Ok(k) => k,
                    Err(p) => {
                        self.problems.extend(p);
                        return;
                    }
                }
            }
        };
        if kind.is_dir() {
            self.stack.push(path);
            return;
        }
        let registry = at_root
            && (name == REGISTRY_FILE.as_bytes() || name == crate::topics::TOPICS_FILE.as_bytes());
        if !is_briefing_name || registry {
            return;
        }
        if kind.is_file() {
            self.files.push(path);
        } else {
            self.problems.push(not_regular(&path, kind));
        }
    }
}

/// The type of what the symlink (or entry of unknown type) `path` leads to,
/// if it stays inside `home`; otherwise the problem to report, if any.
fn follow(path: &Path, home: &Path) -> Result<std::fs::FileType, Option<Problem>> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            return Err(match (link, is_briefing_name(path)) {
                (true, _) => Some(problem(
                    path,
                    Severity::Warning,
                    format!("broken symlink skipped: {e}"),
                )),
                (false, true) => Some(problem(
                    path,
                    Severity::Error,
                    format!("cannot read file: {e}"),
                )),
                (false, false) => None,
            });
        }
    };
    // Links to anything that is not a briefing or a folder pass unsaid.
    let worth_saying = meta.is_dir() || is_briefing_name(path);
    let real = std::fs::canonicalize(path).map_err(|e| {
        worth_saying.then(|| problem(path, Severity::Warning, format!("symlink skipped: {e}")))
    })?;
    if !real.starts_with(home) {
        if !worth_saying {
            return Err(None);
        }
        let target = std::fs::read_link(path).unwrap_or(real);
        return Err(Some(problem(
            path,
            Severity::Warning,
            format!(
                "symlink to '{}', outside the briefings folder, skipped",
                target.display()
            ),
        )));
    }
    Ok(meta.file_type())
}

/// The name of an entry a folder listed (its path's last part, as bytes).
fn entry_name(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    let after = bytes
        .iter()
        .rposition(|&c| std::path::is_separator(char::from(c)))
        .map_or(0, |at| at + 1);
    bytes.get(after..).unwrap_or_default()
}

/// `is_briefing_name` for an entry's name: an extension `yaml` or `yml`
/// after something (`.yaml` alone has none).
fn is_briefing_file_name(name: &[u8]) -> bool {
    [&b".yaml"[..], b".yml"]
        .iter()
        .any(|ext| name.len() > ext.len() && name.ends_with(ext))
}

pub(crate) fn is_briefing_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// The topic registry beside the actors': not a briefing.
pub(crate) fn is_topics(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()) == Some(crate::topics::TOPICS_FILE)
}

pub(crate) fn is_registry(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()) == Some(REGISTRY_FILE)
}

/// Opens without blocking (a FIFO would wait for a writer forever).
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// The bytes of the regular file `path`, at most `opts.max_file_size` of them.
pub(crate) fn read_input(path: &Path, opts: &LoadOptions) -> Input {
    let cannot =
        |e: std::io::Error| problem(path, Severity::Error, format!("cannot read file: {e}"));
    let too_big = |size: u64| {
        problem(
            path,
            Severity::Error,
            format!(
                "file is {size} bytes, over the {} byte limit; not parsed",
                opts.max_file_size
            ),
        )
    };
    let bytes = (|| {
        // Checked before opening too: opening a device may do something.
        let meta = std::fs::metadata(path).map_err(cannot)?;
        if !meta.is_file() {
            return Err(not_regular(path, meta.file_type()));
        }
        let file = open(path).map_err(cannot)?;
        // And on the handle: the path may have been replaced meanwhile.
        let meta = file.metadata().map_err(cannot)?;
        if !meta.is_file() {
            return Err(not_regular(path, meta.file_type()));
        }
        if meta.len() > opts.max_file_size {
            return Err(too_big(meta.len()));
        }
        // Whatever the size said (a file may grow while read, or report 0
        // as /proc files do), never more than the limit plus one byte.
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(opts.max_file_size.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > opts.max_file_size {
            return Err(problem(
                path,
                Severity::Error,
                format!(
                    "file grew past the {} byte limit while read (or its size is not known); not parsed",
                    opts.max_file_size
                ),
            ));
        }
        Ok(bytes)
    })();
    Input {
        path: path.to_path_buf(),
        bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// An entry's name read from the bytes says what `Path` says of it:
        /// hidden, a briefing by its extension.
        #[test]
        fn entry_names_read_as_bytes_as_paths_read_them(
            name in "[.a-zé]{0,3}(\\.yaml|\\.yml|\\.YAML|yaml|\\.|)[.a-z]{0,2}",
        ) {
            // A folder lists neither itself nor its parent, nor a nameless entry.
            proptest::prop_assume!(!matches!(name.as_str(), "" | "." | ".."));
            let path = PathBuf::from("/tmp/briefings/sub").join(&name);
            let bytes = entry_name(&path);
            proptest::prop_assert_eq!(bytes.starts_with(b"."), is_hidden(&path), "{}", name);
            if !is_hidden(&path) {
                proptest::prop_assert_eq!(
                    is_briefing_file_name(bytes),
                    is_briefing_name(&path),
                    "{}", name
                );
            }
        }

        /// The byte order of walked paths is `Path`'s, which binary
        /// searches over them rely on.
        #[test]
        fn path_order_is_the_order_of_paths(
            parts in proptest::collection::vec(
                proptest::collection::vec("[ab. !(-]|é|0", 1..4), 1..4),
            others in proptest::collection::vec(
                proptest::collection::vec("[ab. !(-]|é|0", 1..4), 1..4),
        ) {
            let path = |parts: &[Vec<String>]| {
                let mut p = PathBuf::from("/tmp/briefings");
                for part in parts {
                    // "." and ".." are components of their own kind, which
                    // no folder listing gives.
                    let name = part.concat();
                    p.push(if name == "." || name == ".." { "x".to_string() } else { name });
                }
                p
            };
            let (a, b) = (path(&parts), path(&others));
            proptest::prop_assert_eq!(path_order(&a, &b), a.cmp(&b), "{:?} {:?}", a, b);
        }
    }

    /// Folders are entered in order, and a folder whose files sort after
    /// one of its subfolders still gives every file in path order.
    #[test]
    fn the_walk_gives_its_files_in_path_order_whatever_the_layout() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let files = [
            "b.yaml",
            "a/x.yaml",
            "a.yaml",
            "0/y.yaml",
            "z/w.yaml",
            "a/b/c.yaml",
            "a/a.yaml",
            "a-b/d.yaml",
        ];
        for f in files {
            let path = dir.path().join(f);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, "id: x\n")?;
        }
        let (walked, _) = walk_below(
            dir.path(),
            dir.path(),
            &LoadOptions::default(),
            &mut Vec::new(),
        );
        let mut sorted: Vec<PathBuf> = files.iter().map(|f| dir.path().join(f)).collect();
        sorted.sort();
        assert_eq!(walked, sorted);
        // Only in subfolders: already in order as walked.
        let (walked, _) = walk_below(
            dir.path(),
            &dir.path().join("a"),
            &LoadOptions::default(),
            &mut Vec::new(),
        );
        let in_a: Vec<PathBuf> = sorted
            .into_iter()
            .filter(|p| p.starts_with(dir.path().join("a")))
            .collect();
        assert_eq!(walked, in_a);
        Ok(())
    }

    fn read(path: &Path, max_file_size: u64) -> Result<Vec<u8>, Problem> {
        let opts = LoadOptions {
            max_file_size,
            ..LoadOptions::default()
        };
        read_input(path, &opts).bytes
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_reading_it() {
        // Before: its size (0) passed the limit and it was read without end.
        let refused = read(Path::new("/dev/zero"), 1024);
        assert!(
            refused.as_ref().is_err_and(|p| p
                .message
                .contains("not a regular file but a character device")),
            "{refused:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let fifo = dir.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status()?;
        assert!(made.success());
        // On a thread: before, opening it waited for a writer forever.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(read(&fifo, 1024));
        });
        let refused = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .map_err(|_| std::io::Error::other("reading a FIFO hangs"))?;
        assert!(
            refused.as_ref().is_err_and(|p| p.message.contains("FIFO")),
            "{refused:?}"
        );
        Ok(())
    }

    /// A file whose size says 0 (as /proc files do) or that grows while read
    /// is read up to the limit and one byte, never further.
    #[cfg(target_os = "linux")]
    #[test]
    fn never_more_than_the_limit_whatever_the_size_says() {
        let path = Path::new("/proc/self/status");
        assert_eq!(std::fs::metadata(path).map(|m| m.len()).ok(), Some(0));
        let refused = read(path, 16);
        assert!(
            refused
                .as_ref()
                .is_err_and(|p| p.message.contains("grew past the 16 byte limit")),
            "{refused:?}"
        );
        assert!(read(path, 1024 * 1024).is_ok_and(|b| b.len() > 16));
    }
}
