//! A briefings folder with every kind of broken file beside good ones, built
//! in a temporary folder because some cases cannot be committed: a 50 MB
//! file, symlink loops, a dangling link, an unreadable file and folder.
//! Shared by the CLI tests (`brief check`) and the PTY tests (the browser).
// Each test file uses only some of it.
#![allow(dead_code)]

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// One broken thing in the folder and how `brief check` must report it.
#[derive(Debug, Clone)]
pub struct Case {
    /// Path relative to the folder.
    pub file: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The line reported, where the problem has one.
    pub line: Option<usize>,
    /// A piece of the message.
    pub message: &'static str,
    /// Whether the briefing still loads (a bad value is dropped, the rest kept).
    pub loads_as: Option<&'static str>,
}

/// The folder; restores permissions before it is deleted.
pub struct BrokenFolder {
    pub dir: TempDir,
    /// False when file permissions do not stop this process (root, or
    /// CAP_DAC_OVERRIDE): the unreadable file and folder are then read like
    /// any other, and their problems cannot be expected.
    pub permissions_enforced: bool,
}

/// Ids of the files that load without any problem, and their paths.
pub const GOOD: &[(&str, &str)] = &[
    ("good-one", "good.yaml"),
    ("bom-crlf", "bom-crlf.yaml"),
    ("nested-good", "sub/nested-good.yml"),
    ("twin", "dup-a.yaml"),
];

/// Ids of the briefings that load although their file has an error.
pub const LOADED_WITH_ERRORS: &[&str] = &["impossible-date", "end-before-start", "unknown-country"];

const GOOD_YAML: &str = "\
id: good-one
title: \"Une réunion qui se charge\"
date: 2021-11-28
countries: [FR, Belgique]
topics: [trafic de migrants]
body: |
  Un paragraphe sur la coopération transfrontalière.
";

/// A wide alias bomb: 8 KB that would expand to a billion values.
fn alias_bomb() -> String {
    let list = |item: &str| format!("[{}]", vec![item; 1000].join(","));
    format!(
        "title: x\ncountries: [&a {}, &b {}, {}]\n",
        list("x"),
        list("*a"),
        list("*b")
    )
}

impl BrokenFolder {
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Every case expected here, given whether permissions are enforced.
    pub fn cases(&self) -> Vec<Case> {
        let mut cases = vec![
            Case {
                file: "invalid-yaml.yaml",
                severity: "error",
                line: Some(3),
                message: "",
                loads_as: None,
            },
            Case {
                file: "wrong-type.yaml",
                severity: "error",
                line: Some(2),
                message: "topics",
                loads_as: None,
            },
            Case {
                file: "missing-title.yaml",
                severity: "error",
                line: Some(1),
                message: "title",
                loads_as: None,
            },
            Case {
                file: "impossible-date.yaml",
                severity: "error",
                line: Some(3),
                message: "2021-02-30",
                loads_as: Some("impossible-date"),
            },
            Case {
                file: "end-before-start.yaml",
                severity: "error",
                line: Some(4),
                message: "before",
                loads_as: Some("end-before-start"),
            },
            Case {
                file: "unknown-country.yaml",
                severity: "error",
                line: Some(3),
                message: "Narnia",
                loads_as: Some("unknown-country"),
            },
            Case {
                file: "dup-b.yaml",
                severity: "error",
                line: Some(1),
                message: "duplicate id 'twin'",
                loads_as: None,
            },
            Case {
                file: "duplicate-key.yaml",
                severity: "error",
                line: Some(3),
                message: "title",
                loads_as: None,
            },
            Case {
                file: "not-utf8.yaml",
                severity: "error",
                line: Some(2),
                message: "UTF-8",
                loads_as: None,
            },
            Case {
                file: "empty.yaml",
                severity: "error",
                line: None,
                message: "empty",
                loads_as: None,
            },
            Case {
                file: "huge.yaml",
                severity: "error",
                line: None,
                message: "limit",
                loads_as: None,
            },
            Case {
                file: "alias-bomb.yaml",
                severity: "error",
                line: Some(2),
                message: "alias",
                loads_as: None,
            },
            Case {
                file: "deep.yaml",
                severity: "error",
                line: Some(2),
                message: "recursion limit",
                loads_as: None,
            },
            Case {
                file: "loop",
                severity: "warning",
                line: None,
                message: "symlink loop",
                loads_as: None,
            },
            Case {
                file: "self-loop.yaml",
                severity: "warning",
                line: None,
                message: "symlink",
                loads_as: None,
            },
            Case {
                file: "dangling.yaml",
                severity: "warning",
                line: None,
                message: "broken symlink",
                loads_as: None,
            },
        ];
        if self.permissions_enforced {
            cases.push(Case {
                file: "unreadable.yaml",
                severity: "error",
                line: None,
                message: "cannot read file",
                loads_as: None,
            });
            cases.push(Case {
                file: "locked",
                severity: "error",
                line: None,
                message: "cannot read folder",
                loads_as: None,
            });
        }
        cases
    }

    /// Every id that loads: the good files and those with a bad value.
    pub fn loaded_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = GOOD.iter().map(|(id, _)| id.to_string()).collect();
        ids.extend(LOADED_WITH_ERRORS.iter().map(|s| s.to_string()));
        if !self.permissions_enforced {
            // Read like any other file.
            ids.push("unreadable".into());
            ids.push("locked-inside".into());
        }
        ids.sort();
        ids
    }
}

impl Drop for BrokenFolder {
    fn drop(&mut self) {
        // Give the folder back its permissions, so that it can be deleted.
        let _ = std::fs::set_permissions(
            self.dir.path().join("locked"),
            std::fs::Permissions::from_mode(0o755),
        );
        let _ = std::fs::set_permissions(
            self.dir.path().join("unreadable.yaml"),
            std::fs::Permissions::from_mode(0o644),
        );
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, bytes).expect("write");
    path
}

/// Builds the folder. Nothing in it is committed; it is rebuilt by each test.
pub fn broken_folder() -> BrokenFolder {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    // Good files, one of them with a byte-order mark and Windows line ends,
    // one in a sub-folder.
    write(d, "good.yaml", GOOD_YAML.as_bytes());
    write(
        d,
        "bom-crlf.yaml",
        b"\xef\xbb\xbfid: bom-crlf\r\ntitle: \"Fichier Windows\"\r\ndate: 2020-01-02\r\ncountries: [NE]\r\n",
    );
    write(
        d,
        "sub/nested-good.yml",
        b"id: nested-good\ntitle: Dans un sous-dossier\ndate: 2019\n",
    );
    write(d, "dup-a.yaml", b"id: twin\ntitle: Le premier\n");
    // Broken files.
    write(
        d,
        "invalid-yaml.yaml",
        b"title: x\ncountries: [FR\ntopics: [a]\n",
    );
    write(d, "wrong-type.yaml", b"title: x\ntopics: 3\n");
    write(
        d,
        "missing-title.yaml",
        b"id: missing-title\ndate: 2021-01-01\n",
    );
    write(
        d,
        "impossible-date.yaml",
        b"id: impossible-date\ntitle: x\ndate: 2021-02-30\n",
    );
    write(
        d,
        "end-before-start.yaml",
        b"id: end-before-start\ntitle: x\ndate: 2021-03-02\nend_date: 2021-03-01\n",
    );
    write(
        d,
        "unknown-country.yaml",
        b"id: unknown-country\ntitle: x\ncountries: [FR, Narnia]\n",
    );
    write(d, "dup-b.yaml", b"id: twin\ntitle: Le second\n");
    write(d, "duplicate-key.yaml", b"id: dupkey\ntitle: x\ntitle: y\n");
    write(d, "not-utf8.yaml", b"id: latin1\ntitle: caf\xe9\n");
    write(d, "empty.yaml", b"");
    // 50 MB, sparse: refused by its size before a byte is read.
    let huge = write(d, "huge.yaml", b"title: x\n");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .and_then(|f| f.set_len(50 * 1024 * 1024))
        .expect("50 MB");
    write(d, "alias-bomb.yaml", alias_bomb().as_bytes());
    write(
        d,
        "deep.yaml",
        format!(
            "title: x\ndate: {}b{}\n",
            "{a: ".repeat(10_000),
            "}".repeat(10_000)
        )
        .as_bytes(),
    );
    // Links: a folder linking back to the top, a link to itself, a link to nothing.
    symlink(d, d.join("loop")).expect("symlink");
    symlink("self-loop.yaml", d.join("self-loop.yaml")).expect("symlink");
    symlink("nowhere.yaml", d.join("dangling.yaml")).expect("symlink");
    // Unreadable file and folder.
    let unreadable = write(d, "unreadable.yaml", b"id: unreadable\ntitle: x\n");
    write(d, "locked/inside.yaml", b"id: locked-inside\ntitle: x\n");
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o000))
        .expect("chmod");
    // As root, chmod 000 does not stop a read: find out rather than guess.
    let permissions_enforced = std::fs::read(&unreadable).is_err();
    BrokenFolder {
        dir,
        permissions_enforced,
    }
}

/// A folder that fights back: beside good briefings, a link to `/dev/zero`, a
/// FIFO, a socket, links to `/` and `/proc`, a briefing linked from outside
/// the folder, and a file name that is not UTF-8 (its content is good).
pub struct HostileFolder {
    pub dir: TempDir,
    /// Where the briefing linked from outside lives; kept while the folder is.
    pub outside: TempDir,
    /// Kept open so the socket file stays a socket.
    _socket: std::os::unix::net::UnixListener,
}

/// Ids that load from the hostile folder: the good files, the one whose
/// name is not UTF-8 and the one with a newline in its name (each under its
/// lossless name).
pub const HOSTILE_GOOD: &[&str] = &["good-one", "nested-good", "raw--xff-", "nl-x0a-name"];

/// The bad paths of the hostile folder (as `brief check` prints them, relative
/// to the folder) and a piece of each one's message.
pub const HOSTILE_BAD: &[(&str, &str)] = &[
    ("zero.yaml", "outside the briefings folder"),
    ("pipe.yaml", "FIFO"),
    ("sock.yaml", "socket"),
    ("rootlink", "outside the briefings folder"),
    ("proclink", "outside the briefings folder"),
    ("outside.yaml", "outside the briefings folder"),
    ("raw-\u{FFFD}.yaml", "not valid UTF-8"),
];

pub fn hostile_folder() -> HostileFolder {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let outside = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    write(d, "good.yaml", GOOD_YAML.as_bytes());
    write(
        d,
        "sub/nested-good.yml",
        b"id: nested-good\ntitle: Dans un sous-dossier\ndate: 2019\n",
    );
    let raw = d.join(std::ffi::OsStr::from_bytes(b"raw-\xff.yaml"));
    std::fs::write(&raw, b"title: Un nom de fichier en Latin-1\ndate: 2020\n").expect("write");
    let newline = d.join("nl\nname.yaml");
    std::fs::write(&newline, b"title: Un saut de ligne dans le nom\n").expect("write");
    // Old enough to be cached at once.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for f in [
        d.join("good.yaml"),
        d.join("sub/nested-good.yml"),
        raw.clone(),
        newline,
    ] {
        std::fs::File::options()
            .write(true)
            .open(&f)
            .and_then(|f| f.set_modified(hour_ago))
            .expect("set the modification time");
    }
    symlink("/dev/zero", d.join("zero.yaml")).expect("symlink");
    symlink("/", d.join("rootlink")).expect("symlink");
    symlink("/proc", d.join("proclink")).expect("symlink");
    let away = write(outside.path(), "away.yaml", b"id: away\ntitle: Ailleurs\n");
    symlink(&away, d.join("outside.yaml")).expect("symlink");
    let fifo = std::process::Command::new("mkfifo")
        .arg(d.join("pipe.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(fifo.success(), "mkfifo");
    let socket = std::os::unix::net::UnixListener::bind(d.join("sock.yaml")).expect("a socket");
    HostileFolder {
        dir,
        outside,
        _socket: socket,
    }
}
