//! The remembered state file: round trips, merging, and what happens when it
//! is damaged. It is never fatal and never lost silently.

use std::collections::BTreeSet;

use brief_core::remembered::{Folder, LastView, Only, Remembered, load, save, save_folder};
use brief_core::search::Sort;

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
    // Nothing but the file itself is left behind (no temporary file).
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec!["state.json"]);
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
        let bad = dir.path().join("state.json.bad");
        assert_eq!(
            std::fs::read(&bad).unwrap(),
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
