//! The article text's index in the cache folder: kept up to date file by
//! file, shared by processes on one folder, recovered after a crash, set
//! aside and rebuilt when damaged; bodies read from their files.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::fixtures;

use brief_core::Folder;
use brief_core::load::reload::{Touched, reload};
use brief_core::load::{LoadOptions, load_dir};
use brief_core::query::Query;
use brief_core::search::{Selection, search};
use tempfile::TempDir;

fn briefing(id: &str, title: &str, body: &str) -> String {
    format!("id: {id}\ntitle: \"{title}\"\ndate: 2021-11-28\ncountries: [FR]\nbody: |\n  {body}\n")
}

use fixtures::put_settled as put;

struct Setup {
    briefings: TempDir,
    home: TempDir,
}

impl Setup {
    fn new() -> Setup {
        let s = Setup {
            briefings: tempfile::tempdir().expect("tempdir"),
            home: tempfile::tempdir().expect("tempdir"),
        };
        put(
            s.briefings.path(),
            "a.yaml",
            &briefing("a", "Réunion A", "Les passeurs opèrent en mer Égée."),
        );
        put(
            s.briefings.path(),
            "b.yaml",
            &briefing("b", "Réunion B", "La lutte contre le trafic de migrants."),
        );
        s
    }
    fn cache(&self) -> PathBuf {
        self.home.path().join("cache")
    }
    fn opts(&self) -> LoadOptions {
        LoadOptions {
            cache: Some(self.cache()),
            // Two briefings: kept on disk all the same, as a large folder's are.
            persist_text_from: 0,
            ..LoadOptions::default()
        }
    }
    fn load(&self) -> Folder {
        load_dir(self.briefings.path(), &self.opts(), &|_, _| {}).expect("loads")
    }
    fn index_dir(&self) -> PathBuf {
        brief_core::index::dir_for(&self.cache(), self.briefings.path())
    }
    /// `brief ARGS` on the folder, with this setup's cache.
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_brief"));
        c.arg("--dir")
            .arg(self.briefings.path())
            .args(args)
            .env("HOME", self.home.path())
            .env("XDG_CACHE_HOME", self.cache())
            .env("XDG_STATE_HOME", self.home.path().join("state"))
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("LANG", "fr_FR.UTF-8")
            .env_remove("BRIEF_DIR")
            .stdin(Stdio::null());
        c
    }
    /// The index folders the command line made (in `$XDG_CACHE_HOME/brief`).
    fn cli_index_dirs(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.cache().join("brief"))
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.is_dir()
                    && p.file_name().is_some_and(|n| {
                        let n = n.to_string_lossy();
                        n.starts_with("index-") && !n.contains('.')
                    })
            })
            .collect()
    }
    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("brief runs")
    }
}

fn ids(corpus: &Folder, q: &str) -> Vec<String> {
    let query = Query::parse(q, &corpus.registry).expect("parses");
    let mut ids: Vec<String> = search(corpus, &query, &Selection::default())
        .iter()
        .map(|h| corpus.briefings[h.doc].id.to_string())
        .collect();
    ids.sort();
    ids
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn bodies_stay_in_their_files_and_are_read_when_shown() {
    let s = Setup::new();
    let c = s.load();
    assert!(
        c.briefings.iter().all(|b| b.body.is_empty()),
        "no body held in memory"
    );
    assert_eq!(ids(&c, "passeurs"), ["a"]);
    assert_eq!(ids(&c, "\"trafic de migrants\""), ["b"]);
    let a = c.get("a").expect("a");
    assert_eq!(
        c.body(a).expect("read").trim(),
        "Les passeurs opèrent en mer Égée."
    );
    assert!(s.index_dir().join("meta.json").is_file());
    // A second start opens the same index rather than building another.
    let again = s.load();
    assert!(!again.text_index_outdated(), "nothing left to index");
    assert_eq!(ids(&again, "égée"), ["a"]);
}

#[test]
fn a_changed_added_or_removed_file_updates_the_index_in_place() {
    let s = Setup::new();
    let prev = std::sync::Arc::new(s.load());
    prev.prepare_search();
    put(
        s.briefings.path(),
        "a.yaml",
        &briefing("a", "Réunion A", "Un naufrage au large de Lampedusa."),
    );
    put(
        s.briefings.path(),
        "c.yaml",
        &briefing("c", "Réunion C", "Un second naufrage."),
    );
    std::fs::remove_file(s.briefings.path().join("b.yaml")).expect("rm");
    let r = reload(&prev, &Touched::Unknown).expect("reloads");
    let map = brief_core::load::reload::doc_map(&prev, &r.corpus);
    r.corpus.carry_index(&prev, &map);
    assert_eq!(ids(&r.corpus, "naufrage"), ["a", "c"]);
    assert!(
        ids(&r.corpus, "passeurs").is_empty(),
        "the old text is gone"
    );
    assert!(
        ids(&r.corpus, "migrants").is_empty(),
        "the removed file is gone"
    );
    // The process that comes next finds it all done.
    let next = s.load();
    assert!(!next.text_index_outdated());
    assert_eq!(ids(&next, "naufrage"), ["a", "c"]);
}

#[test]
fn a_damaged_index_is_set_aside_reported_and_rebuilt() {
    let s = Setup::new();
    assert_eq!(ids(&s.load(), "passeurs"), ["a"]);
    std::fs::write(s.index_dir().join("meta.json"), b"{ not json").expect("damage it");
    let c = s.load();
    let warning = c
        .problems
        .iter()
        .find(|p| p.path == s.index_dir())
        .expect("the damaged index is reported");
    assert!(warning.message.contains("set aside"), "{}", warning.message);
    assert_eq!(ids(&c, "passeurs"), ["a"], "searches as before");
    let aside = std::fs::read_dir(s.cache())
        .expect("cache")
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().ends_with(".bad"));
    assert!(aside, "the damaged index is kept aside");
    assert!(
        s.load().problems.iter().all(|p| p.path != s.index_dir()),
        "reported once"
    );
}

/// Enough briefings that building their index takes a moment.
fn many(s: &Setup, n: usize) {
    let words = [
        "migrants",
        "passeurs",
        "frontières",
        "coopération",
        "naufrage",
        "réseaux",
        "Europol",
        "Frontex",
        "trafic",
        "traite",
    ];
    for i in 0..n {
        let mut body: Vec<String> = (0..200)
            .map(|j| words[(i * 7 + j * 3) % words.len()].to_string())
            .collect();
        // One briefing in three holds the phrase; the others its near miss.
        body.push(
            if i % 3 == 0 {
                "trafic de migrants"
            } else {
                "trafic des migrants"
            }
            .into(),
        );
        put(
            s.briefings.path(),
            &format!("m{i:05}.yaml"),
            &briefing(
                &format!("m{i:05}"),
                &format!("Réunion {i}"),
                &body.join(" "),
            ),
        );
    }
}

/// Waits for `ready`, up to `limit`.
fn wait_for(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ready() {
            return true;
        }
        std::thread::yield_now();
    }
    false
}

#[test]
fn a_process_killed_in_the_middle_of_an_update_leaves_a_usable_index() {
    let s = Setup::new();
    many(&s, 2000);
    // The writer lock is taken for the update and given back after its commit.
    let lock = || {
        s.cli_index_dirs()
            .iter()
            .any(|d| d.join(".tantivy-writer.lock").exists())
    };
    let mut child = s
        .command(&["search", "naufrage", "--limit", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let writing = wait_for(Duration::from_secs(120), lock);
    child.kill().expect("kill");
    child.wait().expect("reaped");
    assert!(writing, "the update started");
    let after = stdout(&s.run(&["search", "naufrage", "--limit", "0", "--ids"]));
    let fresh = stdout(&s.run(&["--no-cache", "search", "naufrage", "--limit", "0", "--ids"]));
    assert_eq!(after.lines().count(), 2000, "{after}");
    assert_eq!(after, fresh);
}

#[test]
fn two_processes_on_one_folder_share_one_index_and_agree() {
    let s = Setup::new();
    many(&s, 1500);
    let args = ["search", "\"trafic de migrants\"", "--limit", "0", "--ids"];
    let first = s
        .command(&args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let second = s
        .command(&args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let (a, b) = (
        first.wait_with_output().expect("first"),
        second.wait_with_output().expect("second"),
    );
    let fresh = stdout(&s.run(&[
        "--no-cache",
        "search",
        "\"trafic de migrants\"",
        "--limit",
        "0",
        "--ids",
    ]));
    assert_eq!(fresh.lines().count(), 500 + 1, "{fresh}");
    assert_eq!(stdout(&a), fresh);
    assert_eq!(stdout(&b), fresh);
    assert_eq!(s.cli_index_dirs().len(), 1, "one index for the folder");
}

/// The segment files of the index in `dir` whose name ends with `ext`.
fn segment_files(dir: &std::path::Path, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("index folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found
}

/// Flips `n` bytes of `file` from the middle of its body (its footer, the
/// last bytes, left alone).
fn flip(file: &std::path::Path, n: usize) {
    let mut bytes = std::fs::read(file).expect("read");
    let n_all = bytes.len();
    let footer = u32::from_le_bytes(bytes[n_all - 8..n_all - 4].try_into().unwrap()) as usize;
    let body = n_all - 8 - footer;
    let from = body / 3;
    for b in bytes.iter_mut().skip(from).take(n.min(body - from)) {
        *b ^= 0x5a;
    }
    std::fs::write(file, bytes).expect("write");
}

/// Writes in `file`'s footer the CRC-32 of its body as it is now: damage
/// that tantivy's checksum cannot see, only reading the file can.
fn forge_checksum(file: &std::path::Path) {
    let bytes = std::fs::read(file).expect("read");
    let n = bytes.len();
    let len = u32::from_le_bytes(bytes[n - 8..n - 4].try_into().unwrap()) as usize;
    let body = &bytes[..n - 8 - len];
    let json = std::str::from_utf8(&bytes[n - 8 - len..n - 8]).expect("footer");
    let mut footer: serde_json::Value = serde_json::from_str(json).expect("footer json");
    footer["crc"] = crc32(body).into();
    let json = footer.to_string();
    let mut out = body.to_vec();
    out.extend_from_slice(json.as_bytes());
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&bytes[n - 4..]);
    std::fs::write(file, out).expect("write");
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn set_aside_indexes(cache: &std::path::Path) -> usize {
    std::fs::read_dir(cache)
        .expect("cache")
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with("index-") && n.ends_with(".bad") && e.path().is_dir()
        })
        .count()
}

#[test]
fn flipped_bytes_in_a_segment_are_caught_by_its_checksum_and_the_index_rebuilt() {
    for ext in ["term", "idx", "pos", "fast"] {
        let s = Setup::new();
        let before = s.load();
        assert_eq!(ids(&before, "passeurs"), ["a"]);
        drop(before);
        for f in segment_files(&s.index_dir(), ext) {
            flip(&f, 50);
        }
        let c = s.load();
        assert_eq!(ids(&c, "passeurs"), ["a"], ".{ext}: searches as before");
        assert_eq!(ids(&c, "\"trafic de migrants\""), ["b"]);
        // Said when opened (with the folder's problems) or when first read.
        let mut notices = c.index.notices.lock().unwrap().clone();
        notices.extend(
            c.problems
                .iter()
                .filter(|p| p.path == s.index_dir())
                .map(|p| p.message.clone()),
        );
        assert!(
            notices
                .iter()
                .any(|n| n.contains("damaged") && n.contains(&format!(".{ext}"))),
            ".{ext}: said, naming the file: {notices:?}"
        );
        assert_eq!(set_aside_indexes(&s.cache()), 1, ".{ext}: kept aside");
        // Built again: the next process finds it sound and current.
        let next = s.load();
        assert!(!next.text_index_outdated());
        assert_eq!(ids(&next, "passeurs"), ["a"]);
        assert!(next.index.notices.lock().unwrap().is_empty());
    }
}

#[test]
fn damage_the_checksum_misses_never_panics_a_search_out() {
    // Bytes flipped and the checksum forged: what tantivy reads is wrong, and
    // reading it may panic. Every search answers; one that met a panic is
    // answered again from an index built anew, and said.
    let words = [
        "passeurs", "égée", "trafic", "migrants", "mer", "lutte", "zzz",
    ];
    for ext in ["term", "idx", "pos"] {
        for n in [8, 50, 400] {
            let s = Setup::new();
            assert_eq!(ids(&s.load(), "passeurs"), ["a"]);
            for f in segment_files(&s.index_dir(), ext) {
                flip(&f, n);
                forge_checksum(&f);
            }
            let c = s.load();
            for w in words {
                let req = brief_core::searcher::SearchRequest {
                    generation: 1,
                    text: w.to_string(),
                    selection: Selection::default(),
                    sort: brief_core::model::Sort::default(),
                    wait_for_text: true,
                };
                let r = brief_core::searcher::answer(&c, &req);
                assert!(r.failed.is_none(), "{:?}", r.failed);
            }
            if c.index
                .notices
                .lock()
                .unwrap()
                .iter()
                .any(|n| n.contains("damaged"))
            {
                // Rebuilt: the answers are right again.
                assert_eq!(ids(&c, "passeurs"), ["a"], ".{ext} {n}");
                assert!(set_aside_indexes(&s.cache()) >= 1);
            }
        }
    }
}

/// A thousand briefings searched once, so the command line built their
/// index; the search's arguments and its answer read without any index.
fn indexed_by_a_search(s: &Setup) -> ([&'static str; 5], String) {
    many(s, 1000);
    let args = ["search", "naufrage", "--limit", "0", "--ids"];
    let fresh = stdout(&s.run(&["--no-cache", "search", "naufrage", "--limit", "0", "--ids"]));
    assert_eq!(stdout(&s.run(&args)), fresh);
    (args, fresh)
}

#[test]
fn search_and_check_say_a_damaged_index_and_search_answers_as_without_it() {
    let s = Setup::new();
    let (args, fresh) = indexed_by_a_search(&s);
    let dir = s.cli_index_dirs().pop().expect("an index");
    for f in segment_files(&dir, "term") {
        flip(&f, 50);
    }
    let o = s.run(&args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("damaged") && err.contains(".term"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(stdout(&o), fresh, "the same answer as without the index");
    // `brief check` reads the checksums too.
    let dir = s.cli_index_dirs().pop().expect("an index");
    for f in segment_files(&dir, "idx") {
        flip(&f, 50);
    }
    let o = s.run(&["check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("warning") && out.contains("damaged") && out.contains(".idx"),
        "{out}"
    );
}

/// The browser's first search does not wait for the text index; on a
/// current one it opens it there and then: the answer reads the article
/// text and is complete (not "titles and names only", then the same
/// search again). On an outdated one it is answered without the text,
/// and says so.
#[test]
fn a_first_search_on_a_current_index_reads_the_text_and_is_complete() {
    let s = Setup::new();
    many(&s, 1100);
    let first = s.load();
    let mut want = ids(&first, "\"trafic de migrants\"");
    want.sort();
    assert!(want.len() > 300, "one briefing in three holds the phrase");
    drop(first);
    let req = brief_core::searcher::SearchRequest {
        generation: 1,
        text: "\"trafic de migrants\"".to_string(),
        selection: Selection::default(),
        sort: brief_core::model::Sort::default(),
        wait_for_text: false,
    };
    let c = s.load();
    let r = brief_core::searcher::answer(&c, &req);
    assert!(!r.partial, "complete");
    let mut got: Vec<String> = (r.hits.iter())
        .map(|h| c.briefings[h.doc].id.to_string())
        .collect();
    got.sort();
    assert_eq!(got, want, "the phrase found in the article text");
    // Outdated (a file rewritten since): answered from titles and names.
    put(
        s.briefings.path(),
        "m00001.yaml",
        &briefing("m00001", "Réunion 1", "Un autre texte."),
    );
    let c = load_dir(
        s.briefings.path(),
        &LoadOptions {
            check_cache_after: false,
            ..s.opts()
        },
        &|_, _| {},
    )
    .expect("loads");
    let r = brief_core::searcher::answer(&c, &req);
    assert!(r.partial, "said to be titles and names only");
}

/// An index that cannot even be opened (its term files cut short) is set
/// aside when the folder is opened: a one-shot search says so on stderr,
/// not only among the problems `brief check` lists, and answers as
/// without it; `brief check` says it once.
#[test]
fn an_index_that_cannot_be_opened_is_said_by_a_one_shot_search() {
    let s = Setup::new();
    let (args, fresh) = indexed_by_a_search(&s);
    let cut = |s: &Setup| {
        let dir = s.cli_index_dirs().pop().expect("an index");
        for f in segment_files(&dir, "term") {
            std::fs::write(&f, b"cut").expect("cut short");
        }
    };
    cut(&s);
    let o = s.run(&args);
    let err = String::from_utf8_lossy(&o.stderr);
    // The files named, not the reader's own error.
    assert!(err.contains("damaged") && err.contains(".term"), "{err}");
    assert!(!err.contains("IoError"), "{err}");
    assert_eq!(stdout(&o), fresh, "the same answer as without the index");
    cut(&s);
    let o = s.run(&["check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let said = out.lines().filter(|l| l.contains("damaged")).count();
    assert_eq!(said, 1, "said once: {out}");
}

/// Sets `file`'s modification time back an hour: written "long ago".
fn age(file: &std::path::Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(file)
        .and_then(|f| f.set_modified(hour_ago))
        .expect("set the time");
}

/// `file` with `n` bytes flipped, its size and time kept.
fn flip_keeping_time(file: &std::path::Path, n: usize) {
    let time = std::fs::metadata(file)
        .and_then(|m| m.modified())
        .expect("time");
    flip(file, n);
    std::fs::File::options()
        .write(true)
        .open(file)
        .and_then(|f| f.set_modified(time))
        .expect("set the time");
}

#[test]
fn a_start_checks_again_only_index_files_changed_since_and_check_reads_them_all() {
    let s = Setup::new();
    let (args, fresh) = indexed_by_a_search(&s);
    let dir = s.cli_index_dirs().pop().expect("an index");
    let record = dir.join("brief-checked");
    // Files just written are not recorded (damage could keep their time);
    // once older, the next start records them.
    let files: Vec<PathBuf> = ["term", "idx", "pos", "fast"]
        .iter()
        .flat_map(|ext| segment_files(&dir, ext))
        .collect();
    assert!(!files.is_empty());
    files.iter().for_each(|f| age(f));
    assert_eq!(stdout(&s.run(&args)), fresh);
    let recorded = std::fs::read_to_string(&record).expect("a record of the files checked");
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            recorded.lines().any(|l| l.starts_with(&format!("{name} "))),
            "{name}: {recorded}"
        );
    }
    // A damaged record is a list of nothing checked: every file is read.
    std::fs::write(&record, "\u{1b}]52;c;aGk=\u{7}\nnot a line\n../x 1 2 3 4\n").unwrap();
    let o = s.run(&args);
    assert_eq!(stdout(&o), fresh);
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let recorded = std::fs::read_to_string(&record).expect("recorded again");
    assert!(
        !recorded.contains('\u{1b}') && !recorded.contains("not a line"),
        "{recorded}"
    );
    // Rewritten, a file is read at the next start: damage is found there.
    let idx = segment_files(&dir, "idx");
    flip(&idx[0], 50);
    let o = s.run(&args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("damaged") && err.contains(".idx"), "{err}");
    assert_eq!(stdout(&o), fresh);
    // Bytes that changed with the file's size and time kept (a disk's
    // decay, not a write) are what a start trusts the record for: `brief
    // check` reads every file.
    let dir = s.cli_index_dirs().pop().expect("the index built again");
    assert_eq!(stdout(&s.run(&args)), fresh);
    let files: Vec<PathBuf> = segment_files(&dir, "term");
    files.iter().for_each(|f| age(f));
    assert_eq!(stdout(&s.run(&args)), fresh);
    assert!(
        std::fs::read_to_string(dir.join("brief-checked")).is_ok_and(|r| {
            files
                .iter()
                .all(|f| r.contains(&*f.file_name().unwrap().to_string_lossy()))
        })
    );
    files.iter().for_each(|f| flip_keeping_time(f, 50));
    let o = s.run(&["check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("damaged") && out.contains(".term"), "{out}");
}

/// A cold load past its budget of bodies in memory sets the rest aside on
/// disk (`LoadOptions::bodies_kept`): the text index reads them back, so a
/// word only in the article text finds the same briefings as when every
/// body waited in memory; and a folder that turns out too small for the
/// index on disk (a file does not parse) gets its bodies back.
#[test]
fn bodies_set_aside_on_disk_are_indexed_as_those_kept_in_memory() {
    let s = Setup::new();
    for i in 0..30 {
        let body = if i % 3 == 0 {
            format!("Le démantèlement du réseau numéro {i} à Zinder.")
        } else {
            format!("Une réunion ordinaire, la {i}e.")
        };
        put(
            s.briefings.path(),
            &format!("m{i:02}.yaml"),
            &briefing(&format!("m{i:02}"), &format!("Réunion {i}"), &body),
        );
    }
    put(s.briefings.path(), "zz-broken.yaml", "id: [broken\n");
    let expected: Vec<String> = (0..30)
        .filter(|i| i % 3 == 0)
        .map(|i| format!("m{i:02}"))
        .collect();
    // The folder loaded with a cache folder of its own: the text indexed
    // there from `persist_text_from` briefings, `bodies_kept` bytes of
    // bodies kept in memory while it is.
    let load = |home: &std::path::Path, persist_text_from, bodies_kept| {
        let opts = LoadOptions {
            cache: Some(home.to_path_buf()),
            persist_text_from,
            bodies_kept,
            ..LoadOptions::default()
        };
        load_dir(s.briefings.path(), &opts, &|_, _| {}).unwrap()
    };
    let all_kept = {
        let home = tempfile::tempdir().unwrap();
        let corpus = load(home.path(), 0, LoadOptions::default().bodies_kept);
        ids(&corpus, "démantèlement")
    };
    assert_eq!(all_kept, expected);
    // None kept in memory: every body went to disk, and comes back.
    let home = tempfile::tempdir().unwrap();
    let corpus = load(home.path(), 0, 0);
    // Read back from disk, not from the files: a file rewritten before the
    // first search is indexed as it was parsed, as its list data is.
    std::fs::write(
        s.briefings.path().join("m03.yaml"),
        briefing("m03", "Réunion 3", "Rien à voir."),
    )
    .unwrap();
    assert_eq!(ids(&corpus, "démantèlement"), expected);
    assert_eq!(ids(&corpus, "\"réseau numéro 9\""), vec!["m09".to_string()]);
    put(
        s.briefings.path(),
        "m03.yaml",
        &briefing(
            "m03",
            "Réunion 3",
            "Le démantèlement du réseau numéro 3 à Zinder.",
        ),
    );
    // The spill has no name: the cache folder holds only what brief keeps.
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("corpus-") || n.starts_with("index-")),
        "{names:?}"
    );
    // 33 files, 32 briefings: under a threshold of 33 the text is indexed in
    // memory, with the bodies set aside put back.
    let home = tempfile::tempdir().unwrap();
    let corpus = load(home.path(), 33, 0);
    assert_eq!(corpus.briefings.len(), 32);
    let m03 = corpus.briefings.iter().find(|b| b.id == "m03").unwrap();
    assert!(m03.body.contains("démantèlement"), "{:?}", m03.body);
    assert_eq!(ids(&corpus, "démantèlement"), expected);
}
