//! A shared archive (`brief share DIR`): its `.brief/` holds the corpus
//! cache and the text index for every user, with the archive's group and
//! group-writable modes; two processes on it both answer; a user who cannot
//! write it reads it while it is current and falls back to their own cache,
//! saying so, when it is not; `brief check` reports its state.
//!
//! Two users cannot be made in a test: the reader who cannot write is the
//! `nobody` user when the tests run as root (through `setpriv`), else the
//! same user with `.brief/` made read-only.
// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod support;
use support::cli::{code, stderr, stdout};
use support::fixtures::put_settled;

/// From this many briefings the text index is kept on disk.
const LARGE: usize = 1_000;

fn briefing(n: usize, title: &str, word: &str) -> String {
    format!(
        "id: b{n:04}\ntitle: \"{title}\"\ndate: 2021-11-28\ncountries: [FR]\nbody: |\n  Texte commun de la réunion {n}, {word}.\n"
    )
}

/// A user of the archive: their own home (cache, data, config), and the
/// uid they run as (`None`: this process's).
struct User {
    home: tempfile::TempDir,
    uid: Option<u32>,
}

impl User {
    fn new(uid: Option<u32>) -> User {
        let home = tempfile::tempdir().unwrap();
        if let Some(uid) = uid {
            std::os::unix::fs::chown(home.path(), Some(uid), Some(uid)).unwrap();
        }
        std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        User { home, uid }
    }

    fn cmd(&self) -> Command {
        let brief = env!("CARGO_BIN_EXE_brief");
        let mut c = match self.uid {
            Some(uid) => {
                let mut c = Command::new("setpriv");
                c.arg(format!("--reuid={uid}"))
                    .arg(format!("--regid={uid}"))
                    .arg("--clear-groups")
                    .arg("--")
                    .arg(brief);
                c
            }
            None => Command::new(brief),
        };
        let h = self.home.path();
        c.current_dir(h)
            .env("HOME", h)
            .env("XDG_DATA_HOME", h.join("data"))
            .env("XDG_CONFIG_HOME", h.join("config"))
            .env("XDG_STATE_HOME", h.join("state"))
            .env("XDG_CACHE_HOME", h.join("cache"))
            .env_remove("BRIEF_DIR")
            .env("LANG", "en_GB.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("COLUMNS")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, archive: &Path, args: &[&str]) -> Output {
        self.cmd()
            .arg("--dir")
            .arg(archive)
            .args(args)
            .output()
            .unwrap()
    }

    /// The user's own cache folder for brief.
    fn cache(&self) -> PathBuf {
        self.home.path().join("cache").join("brief")
    }

    /// Files in the user's own cache folder, at any depth.
    fn cached(&self) -> Vec<PathBuf> {
        all_below(&self.cache())
    }
}

/// Every entry below `dir`, folders included.
fn all_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                todo.push(p.clone());
            }
            found.push(p);
        }
    }
    found.sort();
    found
}

/// An archive of `n` briefings (`b0001`…, each with its own word `motN`),
/// readable by everyone, its files settled (old enough to be cached).
struct Archive {
    _parent: tempfile::TempDir,
    dir: PathBuf,
}

impl Archive {
    fn new(n: usize) -> Archive {
        let parent = tempfile::tempdir().unwrap();
        std::fs::set_permissions(parent.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        // Named by its canonical path, as brief names a shared archive.
        let dir = std::fs::canonicalize(parent.path())
            .unwrap()
            .join("archive");
        std::fs::create_dir(&dir).unwrap();
        for i in 1..=n {
            put_settled(
                &dir,
                &format!("b{i:04}.yaml"),
                &briefing(i, &format!("Réunion numéro {i}"), &format!("mot{i}")),
            );
        }
        Archive {
            _parent: parent,
            dir,
        }
    }

    fn shared(&self) -> PathBuf {
        self.dir.join(".brief")
    }

    fn share(&self, user: &User) {
        let o = user.run(&self.dir, &["share"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }

    /// Briefing `n` rewritten with `word` in its body, as of an hour ago
    /// (another stamp than the one cached).
    fn change(&self, n: usize, word: &str) {
        let name = format!("b{n:04}.yaml");
        put_settled(&self.dir, &name, &briefing(n, "Réunion changée", word));
        let later = std::time::SystemTime::now() - std::time::Duration::from_secs(1800);
        std::fs::File::options()
            .write(true)
            .open(self.dir.join(name))
            .and_then(|f| f.set_modified(later))
            .unwrap();
    }
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// The reader who cannot write `.brief/`: `nobody` through `setpriv` when
/// the tests run as root (root writes anywhere), else this user with
/// `.brief/` read-only (see `ReadOnly`). `None`: no way here, said.
fn reader() -> Option<User> {
    if !is_root() {
        return Some(User::new(None));
    }
    // `nobody` must reach the binary too: a checkout under a private home
    // (/root) is out of its reach.
    let ok = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_brief"))
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!(
            "skipped: running as root, and `nobody` cannot run brief here (no setpriv, or the checkout is out of its reach)"
        );
        return None;
    }
    Some(User::new(Some(65534)))
}

/// `.brief/` made read-only while it lives, when the reader is this user.
struct ReadOnly {
    shared: PathBuf,
    active: bool,
}

impl ReadOnly {
    fn new(archive: &Archive, reader: &User) -> ReadOnly {
        let shared = archive.shared();
        let active = reader.uid.is_none();
        if active {
            let mode = std::fs::Permissions::from_mode(0o555);
            std::fs::set_permissions(&shared, mode).unwrap();
        }
        ReadOnly { shared, active }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.active {
            let mode = std::fs::Permissions::from_mode(0o2775);
            let _ = std::fs::set_permissions(&self.shared, mode);
        }
    }
}

#[test]
fn share_creates_the_folder_setgid_group_writable_and_out_of_git() {
    let archive = Archive::new(3);
    let user = User::new(None);
    let o = user.run(&archive.dir, &["share"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("created"), "{}", stdout(&o));
    let shared = archive.shared();
    let meta = std::fs::metadata(&shared).unwrap();
    assert!(meta.is_dir());
    assert_eq!(meta.mode() & 0o7777, 0o2775, "setgid, group-writable");
    assert_eq!(meta.gid(), std::fs::metadata(&archive.dir).unwrap().gid());
    let ignore = std::fs::read_to_string(shared.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l.trim() == "*"), "{ignore}");
    // Again: said, nothing changed.
    let again = user.run(&archive.dir, &["share"]);
    assert_eq!(code(&again), 0);
    assert!(
        stdout(&again).contains("shared already"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn after_share_the_cache_and_index_live_in_the_archive_group_writable() {
    let archive = Archive::new(LARGE);
    let user = User::new(None);
    archive.share(&user);
    let o = user.run(&archive.dir, &["search", "mot42", "--ids"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("b0042"), "{}", stdout(&o));
    let made = all_below(&archive.shared());
    let name = |p: &PathBuf| p.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        made.iter().any(|p| name(p).starts_with("corpus-")),
        "{made:?}"
    );
    assert!(
        made.iter().any(|p| name(p) == "meta.json"),
        "the text index is there: {made:?}"
    );
    assert!(
        user.cached().is_empty(),
        "nothing in the user's cache: {:?}",
        user.cached()
    );
    // Every file and folder the cache and index made: the group may read
    // and write it; folders pass the group on (setgid).
    for p in made.iter().filter(|p| name(p) != ".gitignore") {
        let meta = std::fs::metadata(p).unwrap();
        assert_eq!(meta.mode() & 0o060, 0o060, "{} is group rw", p.display());
        if meta.is_dir() {
            assert_eq!(meta.mode() & 0o2010, 0o2010, "{} setgid", p.display());
        }
    }
}

#[test]
fn two_processes_on_a_shared_archive_both_answer_and_build_one_index() {
    let archive = Archive::new(LARGE);
    let user = User::new(None);
    archive.share(&user);
    let spawn = || {
        user.cmd()
            .arg("--dir")
            .arg(&archive.dir)
            .args(["search", "mot7", "--ids"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for o in [&a, &b] {
        assert_eq!(code(o), 0, "{}", stderr(o));
        assert!(stdout(o).contains("b0007"), "{}", stdout(o));
        assert!(!stderr(o).contains("warning"), "{}", stderr(o));
    }
    assert_eq!(stdout(&a), stdout(&b));
    let top: Vec<String> = std::fs::read_dir(archive.shared())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        top.iter().filter(|n| n.starts_with("index-")).count(),
        1,
        "{top:?}"
    );
    assert_eq!(
        top.iter().filter(|n| n.starts_with("corpus-")).count(),
        1,
        "{top:?}"
    );
    assert!(!top.iter().any(|n| n.contains(".making-")), "{top:?}");
    // A third start reads what they built.
    let c = user.run(&archive.dir, &["search", "mot7", "--ids"]);
    assert_eq!(stdout(&c), stdout(&a));
}

#[test]
fn paths_says_the_index_is_shared() {
    let archive = Archive::new(3);
    let user = User::new(None);
    let before = user.run(&archive.dir, &["paths"]);
    let row = |o: &Output| {
        stdout(o)
            .lines()
            .find(|l| l.starts_with("index"))
            .unwrap_or_default()
            .to_string()
    };
    assert!(!row(&before).contains(".brief"), "{}", row(&before));
    archive.share(&user);
    let after = user.run(&archive.dir, &["paths"]);
    let row = row(&after);
    assert!(
        row.contains(&archive.shared().display().to_string()),
        "{row}"
    );
    assert!(row.contains("shared"), "{row}");
}

#[test]
fn the_walk_never_reads_the_shared_folder_as_briefings() {
    let archive = Archive::new(3);
    let user = User::new(None);
    archive.share(&user);
    // A briefing there (by mistake, or a file named like one) is not read.
    put_settled(
        &archive.shared(),
        "stray.yaml",
        "id: stray\ntitle: \"Pas une note\"\ndate: 2021-11-28\n",
    );
    let o = user.run(&archive.dir, &["list", "--ids"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 3, "{}", stdout(&o));
    assert!(!stdout(&o).contains("stray"));
    let check = user.run(&archive.dir, &["check"]);
    assert!(!stdout(&check).contains("stray"), "{}", stdout(&check));
}

#[test]
fn a_user_who_cannot_write_reads_the_shared_index_while_current_and_falls_back_saying_so() {
    let Some(reader) = reader() else {
        return;
    };
    let archive = Archive::new(LARGE);
    let writer = User::new(None);
    archive.share(&writer);
    let built = writer.run(&archive.dir, &["search", "mot42", "--ids"]);
    assert_eq!(code(&built), 0, "{}", stderr(&built));

    // Current: read as it is, nothing written in the reader's cache.
    {
        let _ro = ReadOnly::new(&archive, &reader);
        let o = reader.run(&archive.dir, &["search", "mot42", "--ids"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert_eq!(stdout(&o), stdout(&built));
        assert_eq!(stderr(&o), "", "nothing to say");
        assert!(reader.cached().is_empty(), "{:?}", reader.cached());
        let paths = reader.run(&archive.dir, &["paths"]);
        assert!(stdout(&paths).contains("read only"), "{}", stdout(&paths));
    }

    // A file changed: the shared index is stale; the reader's own cache,
    // said once, and the answer is today's.
    archive.change(42, "motneuf");
    {
        let _ro = ReadOnly::new(&archive, &reader);
        let o = reader.run(&archive.dir, &["search", "motneuf", "--ids"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(stdout(&o).contains("b0042"), "{}", stdout(&o));
        let said = stderr(&o);
        assert_eq!(said.matches("stale for 1 file").count(), 1, "{said}");
        assert!(said.contains("your own cache"), "{said}");
        assert!(
            !reader.cached().is_empty(),
            "the reader's own cache is used"
        );
    }

    // The writer brings it up to date, but only the corpus (a list does
    // not index the text): the reader takes the corpus from the shared
    // cache, and indexes the text in their own, saying so.
    let listed = writer.run(&archive.dir, &["list", "--limit", "1"]);
    assert_eq!(code(&listed), 0, "{}", stderr(&listed));
    archive.change(43, "motautre");
    let listed = writer.run(&archive.dir, &["list", "--limit", "1"]);
    assert_eq!(code(&listed), 0, "{}", stderr(&listed));
    {
        let _ro = ReadOnly::new(&archive, &reader);
        let o = reader.run(&archive.dir, &["search", "motautre", "--ids"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(stdout(&o).contains("b0043"), "{}", stdout(&o));
        let said = stderr(&o);
        assert!(!said.contains("stale for"), "the corpus is current: {said}");
        assert_eq!(said.matches("not current").count(), 1, "{said}");
        assert!(said.contains("your own cache"), "{said}");
    }

    // Once the writer searched, all is current again: nothing said.
    let searched = writer.run(&archive.dir, &["search", "motautre", "--ids"]);
    assert_eq!(code(&searched), 0, "{}", stderr(&searched));
    {
        let _ro = ReadOnly::new(&archive, &reader);
        let o = reader.run(&archive.dir, &["search", "motautre", "--ids"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert_eq!(stdout(&o), stdout(&searched));
        assert_eq!(stderr(&o), "", "nothing to say");
    }
}

#[test]
fn check_reports_the_shared_index_state() {
    let archive = Archive::new(LARGE);
    let user = User::new(None);
    archive.share(&user);
    let line = |o: &Output| {
        stdout(o)
            .lines()
            .find(|l| l.starts_with("shared index"))
            .unwrap_or_else(|| panic!("no index line: {}", stdout(o)))
            .to_string()
    };
    let first = user.run(&archive.dir, &["check"]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let first = line(&first);
    assert!(first.contains("corpus not built yet"), "{first}");
    assert!(first.contains("text not built yet"), "{first}");
    // The check cached the corpus; a search indexes the text.
    user.run(&archive.dir, &["search", "mot1", "--ids"]);
    let current = line(&user.run(&archive.dir, &["check"]));
    assert!(current.contains("corpus current"), "{current}");
    assert!(current.contains("text current"), "{current}");
    assert!(!current.contains("rebuilt"), "{current}");
    archive.change(5, "motneuf");
    let stale = line(&user.run(&archive.dir, &["check"]));
    assert!(stale.contains("corpus stale for 1 file"), "{stale}");
    assert!(stale.contains("text stale for 1 briefing"), "{stale}");
    // A brief holding the writer's lock: being rebuilt.
    let index = std::fs::read_dir(archive.shared())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("index-")
        })
        .unwrap();
    let held = std::fs::File::open(index.join(".tantivy-writer.lock")).unwrap();
    held.lock().unwrap();
    let busy = line(&user.run(&archive.dir, &["check"]));
    assert!(busy.contains("being rebuilt"), "{busy}");
    drop(held);
    // Not shared: no such line.
    let plain = Archive::new(3);
    let o = user.run(&plain.dir, &["check"]);
    assert!(!stdout(&o).contains("shared index"), "{}", stdout(&o));
}
