//! Live reload given the paths a watcher named (`reload_touched`): after
//! random edits (files changed, added, removed and renamed, folders added,
//! removed and renamed), it gives exactly what reading the whole folder
//! again (`reload`) gives, and it walks the whole folder when it cannot tell.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use brief_core::Folder;
use brief_core::load::reload::{Reloaded, Touched, reload};
use brief_core::load::{LoadOptions, load_dir};

/// A small deterministic generator, so a failure comes back the same.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const REGISTRY: &str = "- id: oim\n  name: OIM\n  kind: organisation\n";

/// A briefing whose id, actors and related briefings come from small pools,
/// so duplicate ids, unregistered actors and missing related briefings come
/// and go as files change.
fn briefing(dice: &mut Dice) -> String {
    let id = format!("b{}", dice.below(40));
    let actor = ["OIM", "Comité imaginaire", "Groupe fictif"][dice.below(3)];
    let related = format!("b{}", dice.below(40));
    let day = 1 + dice.below(28);
    match dice.below(12) {
        // Broken, and old enough not to be taken for half-written.
        0 => "id: [unclosed\n".to_string(),
        _ => format!(
            "id: {id}\ntitle: \"Réunion {id}\"\ndate: 2021-11-{day:02}\ncountries: [FR]\n\
             actors:\n  - name: \"{actor}\"\nrelated: [{related}]\nbody: |\n  Un paragraphe.\n"
        ),
    }
}

/// Writes a file, settled (older than `SETTLE`) and with a time unlike the
/// one it had.
fn write(path: &Path, text: &str, n: u64) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
    let f = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    f.set_modified(SystemTime::now() - Duration::from_secs(60 + n))
        .expect("set mtime");
}

/// Every briefing file below `dir`, hidden ones apart.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml")
                && path != dir.join("actors.yaml")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read_dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    found
}

/// One random edit; returns the paths a watcher would name.
fn edit(dir: &Path, dice: &mut Dice, n: &mut u64) -> Vec<PathBuf> {
    *n += 1;
    let existing = files(dir);
    let pick = |dice: &mut Dice| existing.get(dice.below(existing.len())).cloned();
    match dice.below(8) {
        // A file changed.
        0 | 1 => match pick(dice) {
            Some(p) => {
                write(&p, &briefing(dice), *n);
                vec![p]
            }
            None => Vec::new(),
        },
        // A file added, at the top or in a folder.
        2 => {
            let p = match dice.below(2) {
                0 => dir.join(format!("new-{n}.yaml")),
                _ => dir
                    .join(format!("d{}", dice.below(3)))
                    .join(format!("new-{n}.yaml")),
            };
            let made = p.parent().filter(|f| !f.exists()).map(Path::to_path_buf);
            write(&p, &briefing(dice), *n);
            // A new folder is named by the watcher; the file in it may not be.
            made.into_iter().chain([p]).collect()
        }
        // A file removed.
        3 => match pick(dice) {
            Some(p) => {
                std::fs::remove_file(&p).expect("rm");
                vec![p]
            }
            None => Vec::new(),
        },
        // A file renamed (moved to another folder, maybe).
        4 => match pick(dice) {
            Some(p) => {
                let to = dir
                    .join(format!("d{}", dice.below(3)))
                    .join(format!("moved-{n}.yaml"));
                std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
                std::fs::rename(&p, &to).expect("mv");
                vec![p, to]
            }
            None => Vec::new(),
        },
        // A folder of files added: only the folder is named.
        5 => {
            let f = dir.join(format!("sub-{n}")).join("inner");
            for i in 0..1 + dice.below(3) {
                write(&f.join(format!("f{i}.yaml")), &briefing(dice), *n);
            }
            vec![dir.join(format!("sub-{n}"))]
        }
        // A folder removed: only the folder is named.
        6 => match folders(dir).get(dice.below(3)) {
            Some(f) => {
                std::fs::remove_dir_all(f).expect("rm -r");
                vec![f.clone()]
            }
            None => Vec::new(),
        },
        // A folder renamed.
        _ => match folders(dir).first() {
            Some(f) => {
                let to = dir.join(format!("renamed-{n}"));
                std::fs::rename(f, &to).expect("mv");
                vec![f.clone(), to]
            }
            None => Vec::new(),
        },
    }
}

/// Briefings (id, path) in order, problems, changes, files caught half-written.
type Summary = (Vec<(String, PathBuf)>, Vec<String>, String, Vec<PathBuf>);

fn summary(r: &Reloaded) -> Summary {
    (
        r.corpus
            .briefings
            .iter()
            .map(|b| (b.id.to_string(), b.path.clone()))
            .collect(),
        r.corpus
            .problems
            .iter()
            .map(|p| {
                format!(
                    "{}:{:?}: {:?} {}",
                    p.path.display(),
                    p.line,
                    p.severity,
                    p.message
                )
            })
            .collect(),
        r.changes.to_string(),
        r.unsettled.clone(),
    )
}

/// A FIFO at `path` (`mkfifo`).
#[cfg(unix)]
fn fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

fn load(dir: &Path) -> Folder {
    load_dir(dir, &LoadOptions::default(), &|_, _| {}).expect("loads")
}

#[test]
fn touched_reloads_equal_full_reloads_after_random_edits() {
    for seed in 1..=12u64 {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let mut dice = Dice(seed);
        let mut n = 0;
        write(&root.join("actors.yaml"), REGISTRY, 0);
        // A FIFO named like a briefing: a problem the walk says, never
        // touched, kept by every touched reload.
        #[cfg(unix)]
        fifo(&root.join("pipe.yml"));
        for i in 0..12 {
            let name = match i % 3 {
                0 => format!("top-{i}.yaml"),
                k => format!("d{k}/f-{i}.yaml"),
            };
            write(&root.join(name), &briefing(&mut dice), 0);
        }
        let mut prev = load(root);
        for round in 0..15 {
            let mut touched = Vec::new();
            for _ in 0..1 + dice.below(3) {
                touched.extend(edit(root, &mut dice, &mut n));
            }
            let full = reload(&prev, &Touched::Unknown).expect("reloads");
            let part = reload(&prev, &Touched::Paths(touched.clone())).expect("reloads");
            assert!(!full.full && !part.full, "seed {seed} round {round}");
            // Only the paths named were looked at (none named: all were).
            assert!(full.walked, "seed {seed} round {round}");
            assert_eq!(part.walked, touched.is_empty(), "seed {seed} round {round}");
            assert_eq!(
                summary(&part),
                summary(&full),
                "seed {seed} round {round}: touched {touched:?}"
            );
            // Each briefing shown is mapped to its place, by id.
            let by_id = brief_core::load::reload::doc_map(&prev, &part.corpus);
            assert_eq!(part.doc_map, by_id, "seed {seed} round {round}");
            assert_eq!(full.doc_map, by_id, "seed {seed} round {round}");
            // And what a fresh load of the folder gives.
            let fresh = load(root);
            let order = |c: &Folder| {
                c.briefings
                    .iter()
                    .map(|b| b.path.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                order(&part.corpus),
                order(&fresh),
                "seed {seed} round {round}"
            );
            // The next reload starts from the touched one: what it kept of
            // the files seen must be right too.
            prev = part.corpus;
        }
        // Nothing touched since: a full reload finds nothing left to see.
        let last = reload(&prev, &Touched::Unknown).expect("reloads");
        assert!(last.changes.is_empty(), "seed {seed}: {}", last.changes);
    }
}

/// A touched reload that cannot tell what changed reads the whole folder:
/// the answer is the full one, which finds a change no path named.
#[test]
fn what_a_touched_reload_cannot_tell_walks_the_whole_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let text = |id: &str| {
        format!("id: {id}\ntitle: \"{id}\"\ndate: 2021-11-28\ncountries: [FR]\nbody: |\n  Un.\n")
    };
    write(&root.join("actors.yaml"), REGISTRY, 0);
    write(&root.join("a.yaml"), &text("a"), 0);
    write(&root.join("d/b.yaml"), &text("b"), 0);
    let prev = load(root);
    // Changed without being named.
    write(&root.join("d/b.yaml"), &text("b2"), 5);
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let cases = [
        ("nothing named", Touched::Paths(Vec::new())),
        ("not known", Touched::Unknown),
        (
            "outside the folder",
            Touched::Paths(vec![elsewhere.path().join("x.yaml")]),
        ),
        (
            "the folder itself",
            Touched::Paths(vec![root.to_path_buf()]),
        ),
        (
            "the registry",
            Touched::Paths(vec![root.join("actors.yaml")]),
        ),
        ("the topics", Touched::Paths(vec![root.join("topics.yaml")])),
        ("not plain", Touched::Paths(vec![root.join("../x.yaml")])),
    ];
    for (why, touched) in cases {
        let r = reload(&prev, &touched).expect("reloads");
        assert!(r.walked, "{why}");
        assert_eq!(r.changes.changed, 1, "{why}: {}", r.changes);
        assert!(r.corpus.get("b2").is_some(), "{why}");
    }
    // Named: only what is named is looked at.
    let r = reload(&prev, &Touched::Paths(vec![root.join("a.yaml")])).expect("reloads");
    assert!(!r.walked);
    assert!(r.changes.is_empty(), "{}", r.changes);
    // A symlink met: the whole folder.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("a.yaml"), root.join("link.yaml")).expect("ln -s");
        let r = reload(&prev, &Touched::Paths(vec![root.join("link.yaml")])).expect("reloads");
        assert!(r.walked);
        assert_eq!(
            (r.changes.added, r.changes.changed),
            (1, 1),
            "{}",
            r.changes
        );
    }
}

#[test]
fn touched_paths_merge_and_not_known_wins() {
    let mut t = Touched::Paths(vec!["b".into(), "a".into()]);
    t.merge(Touched::Paths(vec!["a".into(), "c".into()]));
    assert_eq!(t, Touched::Paths(vec!["a".into(), "b".into(), "c".into()]));
    t.merge(Touched::Unknown);
    assert_eq!(t, Touched::Unknown);
    t.merge(Touched::Paths(vec!["d".into()]));
    assert_eq!(t, Touched::Unknown);
}

/// A file caught half-written is held back alike by both, and looked at
/// again when its path is named once more (the browser names the files it
/// holds back at the next reload).
#[test]
fn a_half_written_file_is_held_back_alike_and_read_once_named_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let text = |id: &str| {
        format!("id: {id}\ntitle: \"{id}\"\ndate: 2021-11-28\ncountries: [FR]\nbody: |\n  Un.\n")
    };
    write(&root.join("a.yaml"), &text("a"), 0);
    write(&root.join("d/b.yaml"), &text("b"), 0);
    let prev = load(root);
    // Caught mid-save: broken, and just written.
    let b = root.join("d/b.yaml");
    std::fs::write(&b, "id: b\ntitle: [").expect("write");
    let named = Touched::Paths(vec![b.clone()]);
    let full = reload(&prev, &Touched::Unknown).expect("reloads");
    let part = reload(&prev, &named).expect("reloads");
    assert_eq!(summary(&part), summary(&full));
    assert_eq!(part.unsettled, std::slice::from_ref(&b));
    assert!(
        part.corpus.get("b").is_some(),
        "the previous version is kept"
    );
    // Saved at last: named again, it is read.
    write(&b, &text("b2"), 7);
    let full = reload(&part.corpus, &Touched::Unknown).expect("reloads");
    let again = reload(&part.corpus, &named).expect("reloads");
    assert!(!again.walked);
    assert_eq!(summary(&again), summary(&full));
    assert_eq!(again.changes.changed, 1, "{}", again.changes);
    assert!(again.corpus.get("b2").is_some());
}

/// A reload given one changed file stats and parses that file alone, even
/// when the walk said a problem elsewhere (which it keeps), and once the
/// new corpus has its index the previous one is let go: nothing the new
/// one holds keeps it alive.
#[test]
fn a_touched_reload_looks_only_at_what_was_named_and_lets_the_previous_corpus_go() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let text = |id: &str| {
        format!(
            "id: {id}\ntitle: \"{id}\"\ndate: 2021-11-28\ncountries: [FR]\nbody: |\n  Un {id}.\n"
        )
    };
    write(&root.join("actors.yaml"), REGISTRY, 0);
    for i in 0..200 {
        write(
            &root.join(format!("d{}/f{i}.yaml", i % 7)),
            &text(&format!("b{i}")),
            0,
        );
    }
    #[cfg(unix)]
    fifo(&root.join("d3/odd.yaml"));
    let said = |f: &Folder| {
        f.problems
            .iter()
            .filter(|p| p.path.ends_with("odd.yaml"))
            .count()
    };
    let prev = std::sync::Arc::new(load(root));
    #[cfg(unix)]
    assert_eq!(said(&prev), 1);
    prev.prepare_search();
    let changed = root.join("d5/f12.yaml");
    write(&changed, &text("b12-new"), 9);
    let r = reload(&prev, &Touched::Paths(vec![changed.clone()])).expect("reloads");
    let full = reload(&prev, &Touched::Unknown).expect("reloads");
    assert_eq!(summary(&r), summary(&full));
    assert!(!r.walked, "only the named file is looked at");
    assert_eq!((r.looked, r.parsed), (1, 1));
    assert_eq!(r.changes.changed, 1, "{}", r.changes);
    assert!(full.walked && full.looked == 200);
    assert_eq!(said(&r.corpus), said(&prev));
    drop(full);
    // As the browser does: the index carried over, the previous corpus let go.
    let next = std::sync::Arc::new(r.corpus);
    next.carry_index(&prev, &r.doc_map);
    assert!(next.is_indexed());
    let gone = std::sync::Arc::downgrade(&prev);
    drop(prev);
    assert!(
        gone.upgrade().is_none(),
        "the previous corpus is still held"
    );
    assert!(next.get("b12-new").is_some() && next.get("b12").is_none());
    // And the next one starts from it alike.
    let again = root.join("d0/f7.yaml");
    write(&again, &text("b7-new"), 11);
    let r = reload(&next, &Touched::Paths(vec![again])).expect("reloads");
    assert_eq!((r.walked, r.looked, r.parsed), (false, 1, 1));
    let gone = std::sync::Arc::downgrade(&next);
    let newest = std::sync::Arc::new(r.corpus);
    newest.carry_index(&next, &r.doc_map);
    drop(next);
    assert!(
        gone.upgrade().is_none(),
        "the previous corpus is still held"
    );
}
