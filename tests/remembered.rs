//! The remembered state file: round trips, merging, and what happens when it
//! is damaged. It is never fatal and never lost silently.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use brief_core::model::Only;
use brief_core::model::Sort;
use brief_core::remembered::{Folder, LastView, Remembered, load, save, save_folder};

fn sample() -> Folder {
    Folder {
        read: BTreeSet::from(["a".to_string(), "b".to_string()]),
        bookmarks: BTreeSet::from(["b".to_string()]),
        last: LastView {
            query: "frontex \"trafic de migrants\"".into(),
            countries: vec!["NE".into(), "TN".into()],
            actors: vec!["Organisation internationale pour les migrations".into()],
            selected: Some("b".into()),
            sort: Some(Sort::Date),
            only: Some(Only::Bookmarked),
        },
        saved: std::collections::BTreeMap::from([(
            "Burundi".to_string(),
            brief_core::remembered::SavedSearch {
                query: "pays:BI année:2016".into(),
                countries: vec!["RW".into()],
                actors: vec![],
                periods: vec!["2016-03".into()],
                opened: Some(1_700_000_000),
                seen: vec![3, 7],
            },
        )]),
        sets: std::collections::BTreeMap::from([(
            "Méditerranée centrale".to_string(),
            BTreeSet::from(["a".to_string()]),
        )]),
    }
}

#[test]
fn what_is_saved_is_what_is_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/state.json");
    let mut all = Remembered {
        history: vec!["niger".into(), "icmpd".into()],
        ..Remembered::default()
    };
    all.folders.insert("/data/briefings".into(), sample());
    save(&path, &all).expect("saved, creating the folder");
    let (back, problem) = load(&path);
    assert!(problem.is_none(), "{problem:?}");
    assert_eq!(back, all);
    // Nothing but the file and its journal is left behind (no temporary file).
    let mut names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, vec!["state.json", "state.json.journal"]);
}

#[test]
fn no_file_is_a_first_run() {
    let dir = tempfile::tempdir().unwrap();
    let (r, problem) = load(&dir.path().join("state.json"));
    assert_eq!(r, Remembered::default());
    assert!(problem.is_none());
}

#[test]
fn a_damaged_file_is_set_aside_reported_and_brief_starts_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    for damage in [
        &b"{\"history\": [\"half"[..],
        b"\xff\xfe not json",
        b"[1, 2, 3]",
    ] {
        std::fs::write(&path, damage).unwrap();
        let (r, problem) = load(&path);
        assert_eq!(r, Remembered::default());
        let problem = problem.expect("the damage is reported");
        assert_eq!(problem.path, path);
        assert!(
            problem.message.contains("set aside as"),
            "{}",
            problem.message
        );
        let copies = brief_core::io::paths::set_aside_copies(&path);
        let bad = copies.last().expect("set aside");
        assert_eq!(
            std::fs::read(bad).unwrap(),
            damage,
            "the damaged file is kept"
        );
        assert!(!path.exists());
        // The next save starts a good file again.
        save_folder(&path, "/x", sample(), vec!["q".into()]).unwrap();
        assert!(load(&path).1.is_none());
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn a_state_file_that_cannot_be_read_is_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be: reading fails, setting aside works.
    let path = dir.path().join("state.json");
    std::fs::create_dir(&path).unwrap();
    let (r, problem) = load(&path);
    assert_eq!(r, Remembered::default());
    assert!(problem.is_some());
}

#[test]
fn saving_one_folder_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    save_folder(&path, "/one", sample(), vec!["a".into()]).unwrap();
    let mut other = sample();
    other.bookmarks.clear();
    save_folder(&path, "/two", other.clone(), vec!["a".into(), "b".into()]).unwrap();
    let (all, _) = load(&path);
    assert_eq!(all.folders.get("/one"), Some(&sample()));
    assert_eq!(all.folders.get("/two"), Some(&other));
    assert_eq!(all.history, vec!["a", "b"]);
}

#[test]
fn a_file_from_an_older_brief_with_fewer_fields_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    std::fs::write(&path, r#"{"folders": {"/x": {"bookmarks": ["k"]}}}"#).unwrap();
    let (all, problem) = load(&path);
    assert!(problem.is_none());
    let f = &all.folders["/x"];
    assert!(f.bookmarks.contains("k") && f.read.is_empty());
    assert_eq!(f.last, LastView::default());
}

// The journal: concurrent sessions, damage at write time, links, size.

use brief_core::remembered::{COMPACT_AT, Change, HISTORY_MAX, compact, journal_path, record};

fn bookmark(id: &str) -> Change {
    Change::Bookmark {
        id: id.into(),
        on: true,
    }
}

#[test]
fn two_sessions_on_one_folder_keep_each_others_bookmarks_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    // Each "session" records its own toggles, interleaved, from its own thread.
    let sessions: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                for i in 0..200 {
                    record(&path, "/f", &[bookmark(&format!("{who}{i}"))]).unwrap();
                    if i % 50 == 0 {
                        let query = format!("{who} query {i}");
                        record(&path, "/f", &[Change::Searched { query }]).unwrap();
                    }
                }
            })
        })
        .collect();
    for s in sessions {
        s.join().unwrap();
    }
    compact(&path).unwrap();
    let (all, problem) = load(&path);
    assert!(problem.is_none());
    let marks = &all.folders["/f"].bookmarks;
    assert_eq!(marks.len(), 400, "no session's bookmark was lost");
    assert!(marks.contains("a199") && marks.contains("b0"));
    assert_eq!(all.history.len(), 8, "{:?}", all.history);
}

#[test]
fn two_processes_on_one_folder_keep_each_others_bookmarks() {
    // The same through two real processes: this test binary re-run as a child.
    if let Ok(path) = std::env::var("BRIEF_TEST_RECORD_INTO") {
        let who = std::env::var("BRIEF_TEST_WHO").unwrap();
        for i in 0..300 {
            record(
                std::path::Path::new(&path),
                "/f",
                &[bookmark(&format!("{who}{i}"))],
            )
            .unwrap();
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let me = std::env::current_exe().unwrap();
    let children: Vec<_> = ["p", "q"]
        .into_iter()
        .map(|who| {
            std::process::Command::new(&me)
                .args([
                    "--exact",
                    "two_processes_on_one_folder_keep_each_others_bookmarks",
                ])
                .env("BRIEF_TEST_RECORD_INTO", &path)
                .env("BRIEF_TEST_WHO", who)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let (all, _) = load(&path);
    assert_eq!(all.folders["/f"].bookmarks.len(), 600);
}

#[test]
fn a_state_file_damaged_at_write_time_is_set_aside_and_said_and_the_new_marks_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut other = Remembered::default();
    other.folders.insert("/other".into(), sample());
    save(&path, &other).unwrap();
    // Damaged while a session runs: the next compaction meets it.
    std::fs::write(&path, b"{ damaged").unwrap();
    record(&path, "/mine", &[bookmark("x")]).unwrap();
    let problem = compact(&path).unwrap().expect("the damage is said");
    assert!(
        problem.message.contains("set aside as"),
        "{}",
        problem.message
    );
    let copies = brief_core::io::paths::set_aside_copies(&path);
    assert_eq!(copies.len(), 1);
    assert_eq!(std::fs::read(&copies[0]).unwrap(), b"{ damaged");
    let (all, _) = load(&path);
    assert!(all.folders["/mine"].bookmarks.contains("x"));
}

#[test]
fn a_linked_state_file_is_written_through_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles/state.json");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    save(&real, &Remembered::default()).unwrap();
    let link = dir.path().join("state/state.json");
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    record(&link, "/f", &[bookmark("x")]).unwrap();
    compact(&link).unwrap();
    save_folder(&link, "/g", sample(), vec![]).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is kept"
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.contains("/g"), "the target holds the state: {text}");
    assert!(load(&link).0.folders.contains_key("/g"));
}

#[test]
fn a_toggle_appends_to_the_journal_and_leaves_a_big_state_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut big = Remembered::default();
    let f = Folder {
        read: (0..200_000).map(|i| format!("briefing-{i}")).collect(),
        ..Folder::default()
    };
    big.folders.insert("/f".into(), f);
    big.history = (0..5_000).map(|i| format!("q{i}")).collect();
    // Written as another version might have: more history than is kept.
    std::fs::write(&path, serde_json::to_vec(&big).unwrap()).unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    record(&path, "/f", &[bookmark("briefing-7")]).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before,
        "the state file is not rewritten for one toggle"
    );
    assert!(std::fs::metadata(journal_path(&path)).unwrap().len() < 200);
    let (all, _) = load(&path);
    assert!(all.folders["/f"].bookmarks.contains("briefing-7"));
    assert_eq!(all.history.len(), HISTORY_MAX, "the history is capped");
    assert_eq!(all.history.last().map(String::as_str), Some("q4999"));
}

#[test]
fn the_journal_is_folded_in_once_it_is_big_and_a_torn_line_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    record(&path, "/f", &[bookmark("first")]).unwrap();
    // A write cut short by a crash.
    use std::io::Write;
    let mut j = std::fs::OpenOptions::new()
        .append(true)
        .open(journal_path(&path))
        .unwrap();
    j.write_all(br#"{"op":"bookmark","folder":"/f","id":"to"#)
        .unwrap();
    j.write_all(b"\n").unwrap();
    drop(j);
    let mut n = 0;
    while std::fs::metadata(journal_path(&path)).unwrap().len() > 0 {
        let batch: Vec<Change> = (n..n + 100).map(|i| bookmark(&format!("b{i}"))).collect();
        record(&path, "/f", &batch).unwrap();
        n += 100;
        assert!(
            n < 100_000,
            "the journal is never folded in past {COMPACT_AT}"
        );
    }
    let (all, _) = load(&path);
    let marks = &all.folders["/f"].bookmarks;
    assert_eq!(marks.len(), n + 1);
    assert!(marks.contains("first"));
}

fn append_raw(path: &std::path::Path, bytes: &[u8]) {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(journal_path(path))
        .unwrap()
        .write_all(bytes)
        .unwrap();
}

#[test]
fn a_change_recorded_after_a_cut_line_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    record(&path, "/f", &[bookmark("first")]).unwrap();
    // The journal ends in the middle of a record: a write cut short.
    append_raw(&path, br#"{"folder":"/f","op":"bookmark","id":"cu"#);
    record(&path, "/f", &[bookmark("after")]).unwrap();
    let (all, problem) = load(&path);
    assert!(problem.is_none());
    let marks = &all.folders["/f"].bookmarks;
    assert_eq!(
        marks.iter().map(String::as_str).collect::<Vec<_>>(),
        ["after", "first"],
        "the cut record, and only it, is lost"
    );
}

#[test]
fn a_record_an_older_brief_wrote_onto_a_cut_line_is_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    append_raw(
        &path,
        concat!(
            r#"{"folder":"/f","op":"bookmark","id":"one","on":true}"#,
            "\n",
            r#"{"folder":"/f","op":"bookm{"folder":"/f","op":"bookmark","id":"two","on":true}"#,
            "\n",
            r#"{"folder":"/f","op":"bookmark","id":"three","on":true}"#,
            "\n",
        )
        .as_bytes(),
    );
    let (all, _) = load(&path);
    let marks = &all.folders["/f"].bookmarks;
    assert_eq!(
        marks.iter().map(String::as_str).collect::<Vec<_>>(),
        ["one", "three", "two"]
    );
}

/// Runs `f` on another thread and fails if it has not returned within 10 s
/// (a read blocked on a FIFO never would).
fn within_10s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .expect("finished without blocking")
}

#[test]
fn a_journal_that_is_a_fifo_a_device_or_a_folder_is_said_never_read() {
    for kind in ["fifo", "zero", "folder"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let journal = journal_path(&path);
        match kind {
            "fifo" => assert!(
                std::process::Command::new("mkfifo")
                    .arg(&journal)
                    .status()
                    .expect("mkfifo runs")
                    .success()
            ),
            "zero" => std::os::unix::fs::symlink("/dev/zero", &journal).unwrap(),
            _ => std::fs::create_dir(&journal).unwrap(),
        }
        let p = path.clone();
        let (_, problem) = within_10s(move || load(&p));
        let problem = problem.unwrap_or_else(|| panic!("{kind}: said"));
        assert_eq!(problem.path, journal, "{kind}: names the journal");
        assert!(
            problem.message.contains("not a regular file"),
            "{kind}: {}",
            problem.message
        );
        let p = path.clone();
        let recorded = within_10s(move || record(&p, "/f", &[bookmark("x")]));
        let e = recorded.expect_err("not written into");
        assert!(e.to_string().contains("not a regular file"), "{kind}: {e}");
    }
}
