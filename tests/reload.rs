//! Live reload in the core: a folder read again after files were added,
//! changed or removed. Each reload is checked against a full load of the
//! folder as it now is, so reading only what changed never gives another
//! answer than reading everything.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, SystemTime};

use brief_core::load::reload::{Changes, Reloaded, SETTLE, Touched, changed_since, reload};
use brief_core::load::{LoadOptions, load_dir};
use brief_core::{Folder, Severity};
use tempfile::TempDir;

mod support;
use support::fixtures;

fn briefing(id: &str, title: &str, extra: &str) -> String {
    format!(
        "id: {id}\ntitle: \"{title}\"\ndate: 2021-11-28\ncountries: [FR]\n{extra}body: |\n  Un paragraphe.\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// Sets a file's modification time `ago` in the past: settled, and
/// certainly different from the time it had.
fn age(dir: &Path, name: &str, ago: Duration) {
    let f = std::fs::File::options()
        .write(true)
        .open(dir.join(name))
        .expect("open");
    f.set_modified(SystemTime::now() - ago).expect("set mtime");
}

fn folder(files: &[(&str, String)]) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        write(dir.path(), name, text);
        age(dir.path(), name, Duration::from_secs(60));
    }
    dir
}

fn load(dir: &Path) -> Folder {
    load_dir(dir, &LoadOptions::default(), &|_, _| {}).expect("folder loads")
}

fn again(prev: &Folder) -> Reloaded {
    reload(prev, &Touched::Unknown).expect("folder reloads")
}

fn ids(c: &Folder) -> Vec<&str> {
    let mut ids: Vec<&str> = c.briefings.iter().map(|b| b.id.as_str()).collect();
    ids.sort();
    ids
}

fn messages(c: &Folder) -> Vec<String> {
    c.problems
        .iter()
        .map(|p| {
            let name = p.path.file_name().unwrap_or_default().to_string_lossy();
            format!("{name}: {}", p.message)
        })
        .collect()
}

/// The reloaded corpus is what a full load of the folder gives.
fn same_as_full(r: &Reloaded, dir: &Path) {
    let full = load(dir);
    assert_eq!(r.corpus.briefings, full.briefings);
    assert_eq!(r.corpus.problems, full.problems);
}

#[test]
fn added_changed_and_removed_files_are_seen() {
    let dir = folder(&[
        ("a.yaml", briefing("a", "Premier", "")),
        ("b.yaml", briefing("b", "Deuxième", "")),
        ("sub/c.yaml", briefing("c", "Troisième", "")),
    ]);
    let first = load(dir.path());
    assert_eq!(ids(&first), ["a", "b", "c"]);

    write(dir.path(), "d.yml", &briefing("d", "Quatrième", ""));
    write(
        dir.path(),
        "b.yaml",
        &briefing("b", "Deuxième, revu et corrigé", ""),
    );
    std::fs::remove_file(dir.path().join("sub/c.yaml")).expect("rm");
    let r = again(&first);
    assert!(!r.full);
    assert!(r.unsettled.is_empty());
    assert_eq!(
        r.changes,
        Changes {
            added: 1,
            changed: 1,
            removed: 1
        }
    );
    assert_eq!(ids(&r.corpus), ["a", "b", "d"]);
    assert_eq!(
        r.corpus.get("b").map(|b| b.title.as_str()),
        Some("Deuxième, revu et corrigé")
    );
    same_as_full(&r, dir.path());

    // Nothing changed since: nothing to report.
    let r2 = again(&r.corpus);
    assert!(r2.changes.is_empty());
    assert_eq!(r2.corpus.briefings, r.corpus.briefings);
}

#[test]
fn a_file_made_broken_then_fixed() {
    let dir = folder(&[
        ("a.yaml", briefing("a", "Premier", "")),
        ("b.yaml", briefing("b", "Deuxième", "")),
    ]);
    let first = load(dir.path());
    write(dir.path(), "b.yaml", "id: b\ntitle: [unclosed\n");
    age(dir.path(), "b.yaml", SETTLE * 5);
    let broken = again(&first);
    assert!(broken.unsettled.is_empty(), "an old broken file is settled");
    assert_eq!(broken.changes.changed, 1);
    assert_eq!(ids(&broken.corpus), ["a"]);
    assert_eq!(broken.corpus.count(Severity::Error), 1);
    assert!(broken.corpus.problems[0].path.ends_with("b.yaml"));
    same_as_full(&broken, dir.path());

    write(dir.path(), "b.yaml", &briefing("b", "Deuxième, réparé", ""));
    let fixed = again(&broken.corpus);
    assert_eq!(ids(&fixed.corpus), ["a", "b"]);
    assert!(
        fixed.corpus.problems.is_empty(),
        "{:?}",
        fixed.corpus.problems
    );
    same_as_full(&fixed, dir.path());
}

#[test]
fn a_half_written_file_keeps_its_previous_version_and_is_not_reported() {
    let dir = folder(&[
        ("a.yaml", briefing("a", "Premier", "")),
        ("b.yaml", briefing("b", "Deuxième", "")),
    ]);
    let first = load(dir.path());
    // Caught mid-write: cut inside a quoted string, modified just now.
    write(dir.path(), "b.yaml", "id: b\ntitle: \"Deuxi");
    write(dir.path(), "new.yaml", "");
    let r = again(&first);
    let mut unsettled: Vec<String> = r
        .unsettled
        .iter()
        .map(|p| p.file_name().unwrap_or_default().to_string_lossy().into())
        .collect();
    unsettled.sort();
    assert_eq!(unsettled, ["b.yaml", "new.yaml"]);
    assert!(r.corpus.problems.is_empty(), "{:?}", r.corpus.problems);
    assert_eq!(ids(&r.corpus), ["a", "b"]);
    assert_eq!(
        r.corpus.get("b").map(|b| b.title.as_str()),
        Some("Deuxième")
    );
    assert!(
        r.changes.is_empty(),
        "nothing settled changed: {:?}",
        r.changes
    );

    // Still unsettled on the next look: kept again.
    let r2 = again(&r.corpus);
    assert_eq!(r2.unsettled.len(), 2);
    assert_eq!(
        r2.corpus.get("b").map(|b| b.title.as_str()),
        Some("Deuxième")
    );

    // The writer finished one file; the other stayed broken past the window.
    write(dir.path(), "b.yaml", &briefing("b", "Deuxième, fini", ""));
    age(dir.path(), "new.yaml", SETTLE * 5);
    let r3 = again(&r2.corpus);
    assert!(r3.unsettled.is_empty());
    assert_eq!(
        r3.corpus.get("b").map(|b| b.title.as_str()),
        Some("Deuxième, fini")
    );
    assert_eq!(
        messages(&r3.corpus),
        ["new.yaml: empty file: no briefing in it"]
    );
    assert_eq!(
        r3.changes,
        Changes {
            added: 1,
            changed: 1,
            removed: 0
        }
    );
    same_as_full(&r3, dir.path());
}

#[test]
fn duplicate_ids_across_a_changed_file() {
    let dir = folder(&[
        ("a.yaml", briefing("a", "Premier", "")),
        ("b.yaml", briefing("b", "Deuxième", "")),
    ]);
    let first = load(dir.path());
    write(
        dir.path(),
        "b.yaml",
        &briefing("a", "Deuxième, même id", ""),
    );
    let dup = again(&first);
    assert_eq!(ids(&dup.corpus), ["a"]);
    assert_eq!(dup.corpus.problems.len(), 1);
    assert!(
        dup.corpus.problems[0]
            .message
            .starts_with("duplicate id 'a'"),
        "{:?}",
        dup.corpus.problems
    );
    same_as_full(&dup, dir.path());

    // The first file takes another id: the unchanged second one is free to load.
    write(dir.path(), "a.yaml", &briefing("z", "Premier, renommé", ""));
    let freed = again(&dup.corpus);
    assert_eq!(ids(&freed.corpus), ["a", "z"]);
    assert!(
        freed.corpus.problems.is_empty(),
        "{:?}",
        freed.corpus.problems
    );
    same_as_full(&freed, dir.path());
}

#[test]
fn related_and_unknown_actor_warnings_follow_the_files() {
    let actor = "actors:\n  - name: \"Comité imaginaire\"\n";
    let dir = folder(&[
        ("a.yaml", briefing("a", "Premier", actor)),
        (
            "b.yaml",
            briefing("b", "Deuxième", &format!("{actor}related: [c]\n")),
        ),
        ("c.yaml", briefing("c", "Troisième", "")),
    ]);
    let first = load(dir.path());
    assert_eq!(
        messages(&first),
        ["a.yaml: actor 'Comité imaginaire' is not in actors.yaml"]
    );
    // The file that held the warning goes, and so does the related briefing.
    std::fs::remove_file(dir.path().join("a.yaml")).expect("rm");
    std::fs::remove_file(dir.path().join("c.yaml")).expect("rm");
    let r = again(&first);
    assert_eq!(
        messages(&r.corpus),
        [
            "b.yaml: related briefing 'c' does not exist",
            "b.yaml: actor 'Comité imaginaire' is not in actors.yaml",
        ]
    );
    same_as_full(&r, dir.path());
}

#[test]
fn a_changed_registry_reads_everything_again() {
    let dir = folder(&[
        (
            "a.yaml",
            briefing("a", "Premier", "actors:\n  - name: Zorglub\n"),
        ),
        (
            "actors.yaml",
            "- id: zorglub\n  name: Zorglub\n  kind: eu-agency\n".into(),
        ),
    ]);
    let first = load(dir.path());
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    write(dir.path(), "actors.yaml", "- id: oim\n  name: OIM\n");
    let r = again(&first);
    assert!(r.full);
    assert!(r.changes.is_empty(), "no briefing changed: {:?}", r.changes);
    assert_eq!(
        messages(&r.corpus),
        ["a.yaml: actor 'Zorglub' is not in actors.yaml"]
    );
    same_as_full(&r, dir.path());
}

#[test]
fn a_folder_gone_is_an_error() {
    let dir = folder(&[("a.yaml", briefing("a", "Premier", ""))]);
    let first = load(dir.path());
    drop(dir);
    assert!(reload(&first, &Touched::Unknown).is_err());
}

/// Every query gives, on the reloaded corpus with its index carried over
/// (`Corpus::carry_index`), the same hits, scores and facet counts as on a
/// full load of the folder: updating the index never changes an answer.
#[test]
fn a_carried_index_answers_as_a_freshly_built_one() {
    carried_index_answers_as_a_fresh_one(None);
}

/// With the text index in a cache folder, as the browser keeps it: the
/// reload looks up, indexes and removes only the changed briefings, and
/// the new corpus sees the index through the old one's view, remapped.
#[test]
fn a_carried_index_on_disk_answers_as_a_freshly_built_one() {
    let cache = tempfile::tempdir().expect("cache dir");
    carried_index_answers_as_a_fresh_one(Some(cache.path()));
}

fn carried_index_answers_as_a_fresh_one(cache: Option<&Path>) {
    use brief_core::search::{Selection, faceted};
    let opts = LoadOptions {
        cache: cache.map(Path::to_path_buf),
        // The text in the cache folder at any size.
        persist_text_from: 0,
        ..LoadOptions::default()
    };
    let load = |dir: &Path| load_dir(dir, &opts, &|_, _| {}).expect("folder loads");
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(fixtures::briefings()).expect("the fixture folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        std::fs::copy(&path, dir.path().join(&name)).expect("copied");
        age(dir.path(), &name, Duration::from_secs(60));
    }
    let answers = |c: &Folder, q: &str| {
        let query = brief_core::Query::parse(q, &c.registry).expect("query parses");
        let (hits, facets) = faceted(c, &query, &Selection::default());
        let hits: Vec<(String, i64)> = hits
            .iter()
            .map(|h| (c.briefings[h.doc].id.to_string(), h.score))
            .collect();
        let actors: Vec<(String, usize)> = facets
            .actors
            .iter()
            .map(|&(a, n)| (c.actor(a).expect("actor").name.clone(), n))
            .collect();
        (hits, actors, facets.countries)
    };
    let queries = [
        "",
        "frontex",
        "niger",
        "cooperation transfrontaliere",
        "naufr",
        "\"trafic de migrants\"",
        "zanzibar",
        "pays:TN",
        "pays:TZ",
        "acteur:OIM",
        "Garde côtière de Zanzibar",
        "sujet:xenophobie",
        "migr",
        "lieu:Stone",
        "ZINDER",
        "-niger migrants",
        "pemba",
        "unguj",
        "paragraphe",
    ];
    let mut prev = load(dir.path());
    prev.prepare_search();
    let edits: [&dyn Fn(&Path); 5] = [
        // A word in one body, nothing else: the briefing keeps its place.
        &|d| {
            let p = d.join("2023-01-30-zinder-anltp-tim-naptip-victimes.yaml");
            let text = std::fs::read_to_string(&p).expect("read");
            std::fs::write(&p, text.replacen("body: |\n", "body: |\n  Pemba.\n", 1))
                .expect("write");
        },
        // A new briefing with words, a country, a topic and an actor never seen.
        &|d| {
            write(
                d,
                "zz-zanzibar.yaml",
                &briefing(
                    "zanzibar-2031",
                    "Réunion à Zanzibar sur la xénophobie",
                    "summary: Pemba et Unguja\ntopics: [xenophobie]\nlocation: { city: Stone Town }\nactors: [{ name: Garde côtière de Zanzibar }]\ncountries: [TZ, NE]\n",
                )
                .replace("countries: [FR]\n", ""),
            );
        },
        // One title changed (a new word), read in place.
        &|d| {
            let p = d.join("2023-01-30-zinder-anltp-tim-naptip-victimes.yaml");
            let text = std::fs::read_to_string(&p).expect("read");
            std::fs::write(&p, text.replacen("title: ", "title: Zanzibar — ", 1)).expect("write");
        },
        // One title changed back, one briefing removed.
        &|d| {
            let p = d.join("2023-01-30-zinder-anltp-tim-naptip-victimes.yaml");
            let text = std::fs::read_to_string(&p).expect("read");
            std::fs::write(&p, text.replacen("title: Zanzibar — ", "title: ", 1)).expect("write");
            std::fs::remove_file(d.join("2019-02-emsc-cidpm-trafic-migrants.yaml")).expect("rm");
        },
        // The new one goes again.
        &|d| std::fs::remove_file(d.join("zz-zanzibar.yaml")).expect("rm"),
    ];
    for edit in edits {
        edit(dir.path());
        // Settled, and new modification times for what was written.
        for name in [
            "zz-zanzibar.yaml",
            "2023-01-30-zinder-anltp-tim-naptip-victimes.yaml",
        ] {
            if dir.path().join(name).exists() {
                age(dir.path(), name, Duration::from_secs(30));
            }
        }
        let r = again(&prev);
        assert!(!r.full);
        assert!(!r.changes.is_empty());
        let map = brief_core::load::reload::doc_map(&prev, &r.corpus);
        assert_eq!(map, r.doc_map);
        r.corpus.carry_index(&prev, &map);
        assert!(r.corpus.is_indexed(), "carried over, not left to build");
        assert_eq!(
            r.corpus.text_carried(),
            cache.is_some(),
            "the view remapped on disk only"
        );
        let full = load(dir.path());
        for q in queries {
            assert_eq!(answers(&r.corpus, q), answers(&full, q), "query {q:?}");
        }
        prev = r.corpus;
    }
}

/// A reloaded corpus is cached once its files have settled, so the next
/// start reads the cache; while a file is fresh nothing is written.
#[test]
fn a_reloaded_corpus_is_cached_once_the_folder_has_settled() {
    let cache = tempfile::tempdir().expect("cache dir");
    let opts = LoadOptions {
        cache: Some(cache.path().to_path_buf()),
        ..LoadOptions::default()
    };
    let dir = folder(&[("a.yaml", briefing("a", "Première", ""))]);
    let prev = load_dir(dir.path(), &opts, &|_, _| {}).expect("loads");
    write(dir.path(), "b.yaml", &briefing("b", "Seconde", ""));
    let r = reload(&prev, &Touched::Unknown).expect("reloads");
    assert_eq!(r.corpus.briefings.len(), 2);
    // b.yaml was written just now: too recent to cache.
    assert!(!r.corpus.store_cache().expect("no error"));
    assert!(
        !load_dir(dir.path(), &opts, &|_, _| {})
            .expect("loads")
            .source
            .from_cache
    );
    // Once settled (as the watcher waits), it is written and used.
    age(dir.path(), "b.yaml", Duration::from_secs(30));
    let r = reload(&prev, &Touched::Unknown).expect("reloads");
    assert!(r.corpus.store_cache().expect("written"));
    let next = load_dir(dir.path(), &opts, &|_, _| {}).expect("loads");
    assert!(next.source.from_cache, "the next start reads the cache");
    assert_eq!(next.briefings, r.corpus.briefings);
}

/// The check the watcher makes once loaded: a stat per file, true only when
/// something was added, changed or removed since the folder was read.
#[test]
fn changed_since_sees_additions_changes_and_removals_only() {
    let dir = folder(&[
        ("a.yaml", briefing("a", "Première", "")),
        ("sub/b.yaml", briefing("b", "Seconde", "")),
    ]);
    let c = load(dir.path());
    assert!(!changed_since(&c));
    write(dir.path(), "c.yaml", &briefing("c", "Troisième", ""));
    assert!(changed_since(&c));
    std::fs::remove_file(dir.path().join("c.yaml")).expect("rm");
    assert!(!changed_since(&c));
    age(dir.path(), "sub/b.yaml", Duration::from_secs(5));
    assert!(changed_since(&c));
    let c = load(dir.path());
    std::fs::remove_file(dir.path().join("a.yaml")).expect("rm");
    assert!(changed_since(&c));
}

/// `actors.yaml` caught mid-save (emptied, or cut inside an entry) gets the
/// grace briefings get: the previous registry stays, nothing is reported,
/// and it is read again until it is whole or old enough to be broken for
/// good. Before: every actor became unregistered at once.
#[test]
fn a_half_written_registry_keeps_the_previous_one() {
    let dir = folder(&[
        (
            "a.yaml",
            briefing("a", "Premier", "actors:\n  - name: Frontex\n"),
        ),
        (
            "actors.yaml",
            "- id: frontex\n  name: Frontex\n  short: FX\n  kind: eu-agency\n".into(),
        ),
    ]);
    let first = load(dir.path());
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    for half in ["", "- id: frontex\n  name: \"Fron"] {
        write(dir.path(), "actors.yaml", half);
        let r = again(&first);
        assert!(!r.full);
        assert!(r.corpus.problems.is_empty(), "{:?}", r.corpus.problems);
        assert!(
            r.unsettled.iter().any(|p| p.ends_with("actors.yaml")),
            "{:?}",
            r.unsettled
        );
        // The folder's Frontex (FX) is still the one in force.
        assert!(r.corpus.registry.resolve("FX").is_some());
        assert!(r.changes.is_empty());
        // Looked at again next time, still with the grace.
        let r2 = again(&r.corpus);
        assert!(r2.corpus.problems.is_empty(), "{:?}", r2.corpus.problems);
        assert_eq!(r2.unsettled.len(), 1);
    }
    // Finished: read in full.
    write(
        dir.path(),
        "actors.yaml",
        "- id: frontex\n  name: Frontex\n  short: FX\n  kind: eu-agency\n- id: oim\n  name: OIM\n",
    );
    let r = again(&first);
    assert!(r.full && r.unsettled.is_empty());
    // The folder's two (its OIM in place of the built-in one).
    let actors = r.corpus.registry.actors();
    assert!(actors.iter().any(|a| a.id == "oim" && a.name == "OIM"));
    assert!(
        actors
            .iter()
            .any(|a| a.id == "frontex" && a.short.as_deref() == Some("FX"))
    );
    same_as_full(&r, dir.path());
    // Broken past the window: reported as a full load reports it.
    write(dir.path(), "actors.yaml", "- id: frontex\n  name: \"Fron");
    age(dir.path(), "actors.yaml", SETTLE * 5);
    let r = again(&r.corpus);
    assert!(r.full);
    assert!(
        messages(&r.corpus)
            .iter()
            .any(|m| m.starts_with("actors.yaml")),
        "{:?}",
        r.corpus.problems
    );
    same_as_full(&r, dir.path());
}

/// A FIFO, a socket or a name that is not UTF-8 appearing while browsing:
/// each reload finishes (before: a FIFO hung live reload for good), reports
/// the special file, and loads the rest.
#[cfg(unix)]
#[test]
fn special_files_added_while_browsing_do_not_stop_reloading() {
    use std::os::unix::ffi::OsStrExt;
    let dir = folder(&[("a.yaml", briefing("a", "Premier", ""))]);
    let first = load(dir.path());
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(fifo.success());
    let _socket =
        std::os::unix::net::UnixListener::bind(dir.path().join("sock.yml")).expect("a socket");
    std::fs::write(
        dir.path()
            .join(std::ffi::OsStr::from_bytes(b"caf\xe9.yaml")),
        "title: Latin-1\n",
    )
    .expect("write");
    write(dir.path(), "b.yaml", &briefing("b", "Deuxième", ""));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(reload(&first, &Touched::Unknown).map(|r| {
            let mut ids: Vec<String> = r
                .corpus
                .briefings
                .iter()
                .map(|b| b.id.to_string())
                .collect();
            ids.sort();
            (ids, messages(&r.corpus))
        }));
    });
    let (ids, messages) = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("reloading finishes (a FIFO hung it)")
        .expect("reloads");
    assert_eq!(ids, ["a", "b", "caf-xe9-"]);
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("pipe.yaml") && m.contains("FIFO")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("sock.yml") && m.contains("socket")),
        "{messages:?}"
    );
}

/// A change to `topics.yaml` reaches a running session: the briefings'
/// topics read through the new names (live reload and `changed_since`).
#[test]
fn a_changed_topics_file_is_read_again() {
    let topics =
        |en: &str| format!("- id: naufrage\n  name: naufrage\n  translations: {{ en: [{en}] }}\n");
    let dir = folder(&[
        ("a.yaml", briefing("a", "Réunion", "topics: [naufrage]\n")),
        ("topics.yaml", topics("wreck")),
    ]);
    let finds = |c: &Folder, word: &str| {
        let q = brief_core::Query::parse(word, &c.registry).expect("parses");
        !brief_core::search::search(c, &q, &brief_core::Selection::default()).is_empty()
    };
    let first = load(dir.path());
    assert!(finds(&first, "wreck"));
    assert!(!finds(&first, "shipwreck"));
    assert!(!changed_since(&first));
    write(dir.path(), "topics.yaml", &topics("shipwreck"));
    age(dir.path(), "topics.yaml", Duration::from_secs(30));
    assert!(changed_since(&first));
    let next = again(&first).corpus;
    assert!(finds(&next, "shipwreck"), "the new name is read");
    assert!(!changed_since(&next));
}

/// One edit an analyst (or a sync) makes to one of the folder's files.
#[derive(Debug, Clone)]
enum Edit {
    /// Another title: the briefing keeps its id and date.
    Title(u8),
    /// Related ids, some of which may not exist.
    Related(Vec<u8>),
    /// An unregistered actor named (its warning goes to the first file).
    Actor(u8),
    /// Another id, perhaps one already used.
    Id(u8),
    /// Another date: the briefing moves in the list.
    Date(u8),
    Broken,
    Removed,
}

fn edit() -> impl proptest::strategy::Strategy<Value = Edit> {
    use proptest::prelude::*;
    prop_oneof![
        3 => any::<u8>().prop_map(Edit::Title),
        2 => proptest::collection::vec(0u8..8, 0..3).prop_map(Edit::Related),
        2 => (0u8..2).prop_map(Edit::Actor),
        1 => (0u8..8).prop_map(Edit::Id),
        1 => (1u8..28).prop_map(Edit::Date),
        1 => Just(Edit::Broken),
        1 => Just(Edit::Removed),
    ]
}

/// The text of file `f` after `edit`, `None` when it is removed.
fn edited(f: usize, edit: &Edit) -> Option<String> {
    let id = format!("b{f}");
    let text = |id: &str, title: &str, date: u8, extra: &str| {
        format!(
            "id: {id}\ntitle: \"{title}\"\ndate: 2021-11-{date:02}\ncountries: [FR]\n{extra}body: |\n  Un paragraphe.\n"
        )
    };
    Some(match edit {
        Edit::Title(n) => text(&id, &format!("Titre {n}"), 1 + f as u8, ""),
        Edit::Related(r) => {
            let r: Vec<String> = r.iter().map(|r| format!("b{r}")).collect();
            text(
                &id,
                "Lié",
                1 + f as u8,
                &format!("related: [{}]\n", r.join(", ")),
            )
        }
        Edit::Actor(a) => text(
            &id,
            "Acteur",
            1 + f as u8,
            &format!("actors:\n  - name: \"Comité imaginaire {a}\"\n"),
        ),
        Edit::Id(n) => text(&format!("b{n}"), "Autre id", 1 + f as u8, ""),
        Edit::Date(d) => text(&id, "Autre date", *d, ""),
        Edit::Broken => format!("id: {id}\ntitle: [unclosed\n"),
        Edit::Removed => return None,
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Whatever the edits, a reload told which file changed (as the
    /// watcher tells it) gives the corpus a full load gives: the same
    /// briefings in the same order, the same problems on the same files,
    /// the same actors named.
    #[test]
    fn a_reload_after_any_edits_is_a_full_load(
        edits in proptest::collection::vec((0usize..6, edit()), 1..10)
    ) {
        let start: Vec<(String, String)> = (0..6)
            .map(|f| (format!("f{f}.yaml"), edited(f, &Edit::Title(0)).unwrap_or_default()))
            .collect();
        let files: Vec<(&str, String)> = start.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
        let dir = folder(&files);
        let mut shown = load(dir.path());
        for (step, (f, e)) in edits.iter().enumerate() {
            let name = format!("f{f}.yaml");
            let path = dir.path().join(&name);
            match edited(*f, e) {
                Some(text) => {
                    write(dir.path(), &name, &text);
                    // Settled, and a time of its own at each step.
                    age(dir.path(), &name, SETTLE * 5 + Duration::from_secs(step as u64));
                }
                None => {
                    let _ = std::fs::remove_file(&path);
                }
            }
            let r = reload(&shown, &Touched::Paths(vec![path])).expect("folder reloads");
            let full = load(dir.path());
            // Actors by name (below): their ids are the order they were met.
            let plain = |c: &Folder| -> Vec<brief_core::Briefing> {
                c.briefings.iter().map(|b| brief_core::Briefing { actors: Vec::new(), ..(**b).clone() }).collect()
            };
            proptest::prop_assert_eq!(plain(&r.corpus), plain(&full), "after {:?}", &edits[..=step]);
            proptest::prop_assert_eq!(&r.corpus.problems, &full.problems, "after {:?}", &edits[..=step]);
            // The actors each briefing names, by name: a reload keeps the
            // ids of actors met before (the carried index counts on them),
            // so the registries may differ by actors no briefing names.
            let actors = |c: &Folder| -> Vec<Vec<(String, String)>> {
                let name = |a| c.actor(a).map(|a| a.name.to_string()).unwrap_or_default();
                let named = |r: &brief_core::model::ActorRef| (name(r.actor), r.written.to_string());
                c.briefings.iter().map(|b| b.actors.iter().map(named).collect()).collect()
            };
            proptest::prop_assert_eq!(actors(&r.corpus), actors(&full), "after {:?}", &edits[..=step]);
            // And it knows the files as they are: nothing changed since.
            proptest::prop_assert!(!changed_since(&r.corpus), "after {:?}", &edits[..=step]);
            shown = r.corpus;
        }
    }
}

#[test]
fn a_changed_title_is_read_in_place() {
    let dir = folder(&[
        ("a.yaml", briefing("a", "Premier", "")),
        ("b.yaml", briefing("b", "Deuxième", "related: [a, z]\n")),
        ("c.yaml", "id: c\ntitle: [unclosed\n".to_string()),
    ]);
    let first = load(dir.path());
    write(
        dir.path(),
        "b.yaml",
        &briefing("b", "Deuxième, revu", "related: [a, z]\n"),
    );
    age(dir.path(), "b.yaml", SETTLE * 5);
    let r = reload(&first, &Touched::Paths(vec![dir.path().join("b.yaml")])).expect("reloads");
    assert!(r.in_place, "a title changed: nothing moves");
    assert_eq!(r.parsed, 2, "the changed file, and the broken one again");
    same_as_full(&r, dir.path());
    // Another date moves the briefing: the corpus is built again.
    write(
        dir.path(),
        "b.yaml",
        &briefing("b", "Deuxième", "").replace("2021-11-28", "2020-01-01"),
    );
    age(dir.path(), "b.yaml", SETTLE * 6);
    let moved =
        reload(&r.corpus, &Touched::Paths(vec![dir.path().join("b.yaml")])).expect("reloads");
    assert!(!moved.in_place);
    same_as_full(&moved, dir.path());
}

/// A reload in place carries the dates every search reads, with those of
/// the changed briefing set: an end date moved into another year is what
/// a year filter reads next.
#[test]
fn an_end_date_changed_in_place_is_what_a_year_filter_reads() {
    // Enough briefings that the index is carried over, not built again.
    let files: Vec<(String, String)> = ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .map(|id| (format!("{id}.yaml"), briefing(id, "Réunion", "")))
        .collect();
    let files: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let dir = folder(&files);
    let ids = |c: &Folder, q: &str| -> Vec<String> {
        let q = brief_core::search::parse_query(c, q).expect("a query");
        brief_core::search::search(c, &q, &brief_core::Selection::default())
            .iter()
            .map(|h| c.briefings[h.doc].id.to_string())
            .collect()
    };
    let first = load(dir.path());
    // Searched once, so its dates have been read.
    assert_eq!(ids(&first, "année:2023"), Vec::<String>::new());
    assert_eq!(ids(&first, "année:2021").len(), 8);
    write(
        dir.path(),
        "b.yaml",
        &briefing("b", "Réunion", "end_date: 2023-02-01\n"),
    );
    age(dir.path(), "b.yaml", SETTLE * 5);
    let r = reload(&first, &Touched::Paths(vec![dir.path().join("b.yaml")])).expect("reloads");
    assert!(r.in_place, "the same id and date: nothing moves");
    r.corpus.carry_index(&first, &r.doc_map);
    assert_eq!(ids(&r.corpus, "année:2023"), ["b"]);
    assert_eq!(ids(&r.corpus, "année:2021").len(), 8);
}
