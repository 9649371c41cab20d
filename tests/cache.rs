//! The cache of parsed corpora: used when nothing changed, bypassed for what
//! changed, rebuilt when damaged, and never written into the briefings folder.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use std::time::{Duration, SystemTime};
use support::fixtures;

use brief_core::Folder;
use brief_core::load::reload::{Touched, changed_since, reload};
use brief_core::load::{LoadOptions, load_dir};
use tempfile::TempDir;

fn briefing(id: &str, title: &str) -> String {
    format!(
        "id: {id}\ntitle: \"{title}\"\ndate: 2021-11-28\ncountries: [FR]\nbody: |\n  Texte de {id}.\n"
    )
}

use fixtures::put_settled as put;

/// Writes one settled briefing file `{id}.yaml` for each `(id, title)`.
fn put_all(dir: &std::path::Path, briefings: impl IntoIterator<Item = (String, String)>) {
    for (id, title) in briefings {
        put(dir, &format!("{id}.yaml"), &briefing(&id, &title));
    }
}

struct Setup {
    briefings: TempDir,
    cache: TempDir,
}

impl Setup {
    fn new() -> Setup {
        let s = Setup {
            briefings: tempfile::tempdir().expect("tempdir"),
            cache: tempfile::tempdir().expect("tempdir"),
        };
        put(s.briefings.path(), "a.yaml", &briefing("a", "Réunion A"));
        put(s.briefings.path(), "b.yaml", &briefing("b", "Réunion B"));
        s
    }
    fn opts(&self) -> LoadOptions {
        LoadOptions {
            cache: Some(self.cache.path().to_path_buf()),
            ..LoadOptions::default()
        }
    }
    fn load(&self) -> Folder {
        load_dir(self.briefings.path(), &self.opts(), &|_, _| {}).expect("loads")
    }
    /// Loads and caches, as a first start does.
    fn first_start(&self) -> Folder {
        let c = self.load();
        c.store_cache().expect("cache written");
        c
    }
    /// Options that keep the folder as a large one is kept: the text in an
    /// index of its own, bodies in their files.
    fn large(&self) -> LoadOptions {
        LoadOptions {
            persist_text_from: 0,
            ..self.opts()
        }
    }
    /// A start from the cache after a first start that cached the folder
    /// and indexed its text, both kept as for a large folder.
    fn second_start_kept_large(&self) -> Folder {
        let load = || load_dir(self.briefings.path(), &self.large(), &|_, _| {}).expect("loads");
        let first = load();
        first.store_cache().expect("cached");
        first.prepare_search();
        let c = load();
        assert!(c.source.from_cache);
        c
    }
    /// The parsed corpus's cache files (the text index has a folder of its own).
    fn cache_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.cache.path())
            .expect("cache dir")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn titles(c: &Folder) -> Vec<(String, String)> {
    let mut t: Vec<_> = c
        .briefings
        .iter()
        .map(|b| (b.id.to_string(), b.title.clone()))
        .collect();
    t.sort();
    t
}

#[test]
fn a_second_start_on_an_unchanged_folder_reads_the_cache_and_gets_the_same_corpus() {
    let s = Setup::new();
    let first = s.first_start();
    assert!(!first.source.from_cache);
    let second = s.load();
    assert!(
        second.source.from_cache,
        "nothing changed, so the cache is used"
    );
    assert_eq!(second.briefings, first.briefings);
    assert_eq!(second.problems, first.problems);
    assert_eq!(second.registry.actors(), first.registry.actors());
}

#[test]
fn a_changed_file_is_read_again() {
    let s = Setup::new();
    s.first_start();
    put(
        s.briefings.path(),
        "b.yaml",
        &briefing("b", "Réunion B, titre corrigé"),
    );
    let c = s.load();
    assert!(!c.source.from_cache);
    assert!(titles(&c).contains(&("b".into(), "Réunion B, titre corrigé".into())));
}

#[test]
fn an_edit_whose_size_and_time_were_put_back_is_read_again() {
    // `touch -r` after an edit of the same length: size and modification
    // time as cached, but the change time (and, replaced by rename, the
    // inode) tell the edit.
    let s = Setup::new();
    let path = s.briefings.path().join("b.yaml");
    let text = |title: &str, word: &str| {
        format!(
            "id: b\ntitle: \"{title}\"\ndate: 2021-11-28\ncountries: [FR]\nbody: |\n  Le mot {word}.\n"
        )
    };
    put(s.briefings.path(), "b.yaml", &text("Réunion B", "ancien"));
    let before = std::fs::metadata(&path).unwrap();
    let hits = |c: &Folder, q: &str| {
        let query = brief_core::query::Query::parse(q, &c.registry).unwrap();
        brief_core::search::search(c, &query, &Default::default()).len()
    };
    let first = s.second_start_kept_large();
    assert_eq!(hits(&first, "ancien"), 1);
    drop(first);
    for (replaced, title, word) in [
        (false, "Réunion Z", "nouvel"),
        (true, "Réunion Y", "fusain"),
    ] {
        let edited = text(title, word);
        assert_eq!(edited.len() as u64, before.len(), "the same length");
        if replaced {
            let tmp = s.briefings.path().join(".b.tmp");
            std::fs::write(&tmp, &edited).unwrap();
            std::fs::rename(&tmp, &path).unwrap();
        } else {
            std::fs::write(&path, &edited).unwrap();
        }
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(before.modified().unwrap()))
            .unwrap();
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!(
            (after.len(), after.modified().unwrap()),
            (before.len(), before.modified().unwrap())
        );
        let c = load_dir(s.briefings.path(), &s.large(), &|_, _| {}).unwrap();
        assert!(
            titles(&c).contains(&("b".into(), title.into())),
            "{:?}",
            titles(&c)
        );
        assert_eq!(hits(&c, word), 1, "the new text is searched");
        assert_eq!(hits(&c, "ancien"), 0, "the old text is gone");
        c.store_cache().ok();
    }
}

#[test]
fn added_and_removed_files_are_seen() {
    let s = Setup::new();
    s.first_start();
    put(s.briefings.path(), "c.yaml", &briefing("c", "Réunion C"));
    std::fs::remove_file(s.briefings.path().join("a.yaml")).expect("rm");
    let c = s.load();
    assert!(!c.source.from_cache);
    let ids: Vec<String> = titles(&c).into_iter().map(|t| t.0).collect();
    assert_eq!(ids, ["b", "c"]);
}

#[test]
fn a_damaged_cache_is_set_aside_reported_once_and_rebuilt() {
    let s = Setup::new();
    s.first_start();
    let [cache] = s.cache_files().try_into().expect("one cache file");
    let path = s.cache.path().join(&cache);
    let mut bytes = std::fs::read(&path).expect("read cache");
    let half = bytes.len() / 2;
    bytes.truncate(half);
    std::fs::write(&path, bytes).expect("damage it");

    let c = s.load();
    assert!(!c.source.from_cache);
    assert_eq!(titles(&c).len(), 2, "every briefing still loads");
    let warning = c
        .problems
        .iter()
        .find(|p| p.path == path)
        .expect("the damaged cache is reported");
    assert!(warning.message.contains("set aside"), "{}", warning.message);
    assert!(
        s.cache_files()
            .iter()
            .any(|f| f.starts_with(&format!("{cache}.")) && f.ends_with(".bad")),
        "{:?}",
        s.cache_files()
    );

    c.store_cache().expect("rebuilt");
    let again = s.load();
    assert!(again.source.from_cache);
    assert!(
        again.problems.iter().all(|p| p.path != path),
        "reported once, not carried in the new cache"
    );
}

#[test]
fn a_cache_with_the_wrong_header_is_ignored() {
    let s = Setup::new();
    s.first_start();
    let [cache] = s.cache_files().try_into().expect("one cache file");
    std::fs::write(s.cache.path().join(&cache), b"not a cache at all").expect("write");
    let c = s.load();
    assert!(!c.source.from_cache);
    assert_eq!(titles(&c).len(), 2);
}

#[test]
fn a_folder_being_edited_is_not_cached() {
    let s = Setup::new();
    // Written just now: a change within the clock's granularity could go unseen.
    std::fs::write(
        s.briefings.path().join("c.yaml"),
        briefing("c", "Réunion C"),
    )
    .expect("write");
    s.first_start();
    assert!(s.cache_files().is_empty(), "{:?}", s.cache_files());
    assert!(!s.load().source.from_cache);
}

#[test]
fn the_briefings_folder_is_never_written() {
    let s = Setup::new();
    let before: Vec<_> = std::fs::read_dir(s.briefings.path())
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    s.first_start();
    s.load();
    let mut after: Vec<_> = std::fs::read_dir(s.briefings.path())
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    let mut before = before;
    before.sort();
    after.sort();
    assert_eq!(before, after);
    assert_eq!(s.cache_files().len(), 1);
}

/// A briefing whose file name is not UTF-8 loads under a lossless id and
/// the cache keeps working (before: every run failed to write it, with
/// `Serde Serialization Error`); the path comes back byte for byte.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_cached_like_any_other() {
    use std::os::unix::ffi::OsStrExt;
    let s = Setup::new();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    let path = s.briefings.path().join(name);
    std::fs::write(&path, "title: \"Latin-1\"\n").expect("write");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(SystemTime::now() - Duration::from_secs(3600)))
        .expect("set mtime");
    let first = s.first_start();
    assert!(first.get("caf-xe9-").is_some(), "{:?}", first.problems);
    let again = s.load();
    assert!(again.source.from_cache);
    assert_eq!(titles(&again), titles(&first));
    assert_eq!(
        again.get("caf-xe9-").map(|b| b.path.clone()),
        Some(path.clone())
    );
    assert_eq!(again.problems, first.problems);
}

/// A FIFO where the cache file goes is a miss, not a hang, and the next
/// write replaces it.
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_cache_is_a_miss_not_a_hang() {
    let s = Setup::new();
    let path = brief_core::cache::file_for(s.cache.path(), s.briefings.path());
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let (briefings, opts) = (s.briefings.path().to_path_buf(), s.opts());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load_dir(&briefings, &opts, &|_, _| {}).map(|c| {
            let cached = c.source.from_cache;
            c.store_cache().map(|_| cached).map_err(|e| e.to_string())
        }));
    });
    let stored = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("loading finishes (a FIFO cache hung it)")
        .expect("loads");
    assert_eq!(stored, Ok(false));
    assert!(
        s.load().source.from_cache,
        "the FIFO was replaced by the cache"
    );
}

/// Hits of `query` as (id, score), in rank order.
fn hits(c: &Folder, query: &str) -> Vec<(String, i64)> {
    let q = brief_core::search::parse_query(c, query).expect("query parses");
    brief_core::search::search(c, &q, &brief_core::Selection::default())
        .into_iter()
        .map(|h| (c.briefings[h.doc].id.to_string(), h.score))
        .collect()
}

#[test]
fn the_index_kept_in_the_cache_answers_as_one_built_from_the_files() {
    let s = Setup::new();
    put(
        s.briefings.path(),
        "c.yaml",
        "id: c\ntitle: \"Réunion Europol à Niamey\"\ndate: 2020-01-02\ncountries: [NE, ML]\nactors:\n- name: Europol\nlocation: {city: Niamey, country: NE}\nbody: |\n  Texte.\n",
    );
    let built = s.first_start();
    assert_eq!(built.briefings.len(), 3, "{:?}", built.problems);
    let cached = s.load();
    assert!(cached.source.from_cache);
    for query in [
        "réunion",
        "niam",
        "europol",
        "pays:NE",
        "mali",
        "reunon",
        "a",
        "\"europol à niamey\"",
        "\"Réunion Europol\"",
    ] {
        let want = hits(&built, query);
        assert!(!want.is_empty(), "'{query}' finds something");
        assert_eq!(hits(&cached, query), want, "'{query}'");
    }
    let q = brief_core::search::parse_query(&cached, "").expect("query");
    let (_, facets) = brief_core::search::faceted(&cached, &q, &brief_core::Selection::default());
    let q = brief_core::search::parse_query(&built, "").expect("query");
    let (_, want) = brief_core::search::faceted(&built, &q, &brief_core::Selection::default());
    assert_eq!(facets, want, "the same facet counts");
}

#[test]
fn a_cache_checked_after_is_shown_as_kept_then_the_files_win() {
    let s = Setup::new();
    s.first_start();
    put(
        s.briefings.path(),
        "b.yaml",
        &briefing("b", "Réunion B revue"),
    );
    put(s.briefings.path(), "d.yaml", &briefing("d", "Réunion D"));
    let opts = LoadOptions {
        check_cache_after: true,
        ..s.opts()
    };
    let first = load_dir(s.briefings.path(), &opts, &|_, _| {}).expect("loads");
    assert!(
        first.source.from_cache,
        "the cache is taken without a stat of every file"
    );
    assert_eq!(
        titles(&first),
        [
            ("a".into(), "Réunion A".into()),
            ("b".into(), "Réunion B".into())
        ]
    );
    assert!(changed_since(&first));
    let r = reload(&first, &Touched::Unknown).expect("reloads");
    assert_eq!(r.changes.added, 1);
    assert_eq!(r.changes.changed, 1);
    assert_eq!(titles(&r.corpus), titles(&s.load()));
    assert!(titles(&r.corpus).contains(&("b".into(), "Réunion B revue".into())));
}

#[test]
fn a_corpus_from_the_cache_decodes_only_the_briefings_read() {
    let s = Setup::new();
    for i in 0..40 {
        put(
            s.briefings.path(),
            &format!("m{i:02}.yaml"),
            &format!(
                "id: m{i:02}\ntitle: \"Réunion {i} sur les migrations\"\ndate: 2020-01-{:02}\ncountries: [{}]\nbody: |\n  Texte {i}.\n",
                i % 28 + 1,
                if i % 2 == 0 { "NE" } else { "ML" }
            ),
        );
    }
    let c = s.second_start_kept_large();
    assert_eq!(c.briefings.len(), 42);
    assert_eq!(c.briefings.decoded(), 0, "nothing is decoded to load");
    let sel = brief_core::Selection {
        countries: vec![brief_core::model::CountryCode::new("NE").expect("a country")],
        ..Default::default()
    };
    // A phrase in the titles reads each title on its own.
    for query in ["", "migrations", "reunion 3", "\"sur les migrations\""] {
        let q = brief_core::search::parse_query(&c, query).expect("query");
        let (hits, _) = brief_core::search::faceted(&c, &q, &sel);
        assert!(!hits.is_empty(), "'{query}' finds something");
        assert_eq!(c.briefings.decoded(), 0, "'{query}'");
    }
    assert!(c.position("m17").is_some());
    assert_eq!(c.country_count(), 3, "FR, NE and ML");
    assert_eq!(
        c.briefings.decoded(),
        0,
        "searches, facets, selections and id lookups read the index"
    );
    let shown = c.briefings.get(5).expect("a briefing").id.clone();
    assert_eq!(c.briefings.decoded(), 1, "the one shown");
    // A country named in a query, or a country filter, is read from the
    // index and the titles: no briefing is decoded for it (seconds at a
    // million, for a name most briefings carry).
    for (query, n) in [
        ("niger", 20),
        ("pays:NE", 20),
        ("pays:NE -pays:ML migrations", 20),
    ] {
        let q = brief_core::search::parse_query(&c, query).expect("query");
        let hits = brief_core::search::search(&c, &q, &brief_core::Selection::default());
        assert_eq!(hits.len(), n, "'{query}'");
        assert_eq!(c.briefings.decoded(), 1, "'{query}': only the one shown");
    }
    // And it is the same briefing as read from the file.
    let fresh = load_dir(s.briefings.path(), &LoadOptions::default(), &|_, _| {}).expect("loads");
    assert_eq!(
        fresh.get(&shown).map(|b| (&b.title, &b.countries)),
        c.get(&shown).map(|b| (&b.title, &b.countries))
    );
}

#[test]
fn a_reload_keeps_the_briefings_it_did_not_read_undecoded() {
    let s = Setup::new();
    put_all(
        s.briefings.path(),
        (0..30).map(|i| (format!("r{i:02}"), format!("Réunion {i}"))),
    );
    let c = s.second_start_kept_large();
    c.prepare_search();
    assert_eq!(c.briefings.decoded(), 0, "the text index was current");
    put(
        s.briefings.path(),
        "r07.yaml",
        &briefing("r07", "Réunion 7 revue"),
    );
    put(
        s.briefings.path(),
        "r99.yaml",
        &briefing("r99", "Réunion 99"),
    );
    let r = reload(&c, &Touched::Unknown).expect("reloads");
    assert_eq!((r.changes.added, r.changes.changed), (1, 1));
    assert!(
        r.corpus.briefings.decoded() <= 2,
        "only the files read again are in memory: {} decoded",
        r.corpus.briefings.decoded()
    );
    r.corpus.carry_index(&c, &r.doc_map);
    let q = brief_core::search::parse_query(&r.corpus, "revue").expect("query");
    let hits = brief_core::search::search(&r.corpus, &q, &brief_core::Selection::default());
    assert_eq!(hits.len(), 1);
    assert_eq!(r.corpus.briefings[hits[0].doc].id, "r07");
    assert!(r.corpus.is_indexed(), "the index was carried over");
    assert!(
        r.corpus.briefings.decoded() <= 3,
        "carrying the index over and searching decode nothing more: {}",
        r.corpus.briefings.decoded()
    );
    // Read whole (each decoded now), the same as a fresh load.
    assert_eq!(titles(&r.corpus), titles(&s.load()));
    // Cached again from the kept bytes, and read back whole.
    r.corpus.store_cache().ok();
}

#[test]
fn a_flipped_byte_in_the_cached_briefings_is_caught_by_the_checksum() {
    let s = Setup::new();
    s.first_start();
    let c = checksum_catches(&s, |bytes| {
        // A title's letter, inside the briefings' bytes.
        let at = bytes
            .windows("Réunion A".len())
            .position(|w| w == "Réunion A".as_bytes())
            .expect("the title is in the cache");
        bytes[at + 1] ^= 0x20;
    });
    assert!(titles(&c).contains(&("a".into(), "Réunion A".into())));
}

/// `s`'s one cache file damaged by `damage`, then a start: the cache is set
/// aside, its checksum said to be why, and the folder read from its files.
fn checksum_catches(s: &Setup, damage: impl FnOnce(&mut Vec<u8>)) -> Folder {
    let [cache] = s.cache_files().try_into().expect("one cache file");
    let path = s.cache.path().join(&cache);
    let mut bytes = std::fs::read(&path).expect("read cache");
    damage(&mut bytes);
    std::fs::write(&path, bytes).expect("damage it");
    let c = s.load();
    assert!(!c.source.from_cache, "a damaged cache is not used");
    assert!(
        c.problems
            .iter()
            .any(|p| p.path == path && p.message.contains("checksum")),
        "{:?}",
        c.problems
    );
    c
}

/// The postings are read in place, last in the file: a doc number damaged
/// there (the last byte, the high byte of the last posting) would point
/// past the briefings. Their own checksum catches it; the files answer.
#[test]
fn a_flipped_byte_in_the_cached_postings_is_caught_by_the_checksum() {
    let s = Setup::new();
    let built = s.first_start();
    let c = checksum_catches(&s, |bytes| {
        *bytes.last_mut().expect("a cache is not empty") ^= 0x40;
    });
    for query in ["réunion", "pays:FR", "france"] {
        assert_eq!(hits(&c, query), hits(&built, query), "'{query}'");
    }
}

/// Each file's briefing (its place) is taken as the cache writes it, not
/// checked against its path: a byte damaged there, or in the index's parts
/// before it, is caught by the index's checksum, and the files answer.
#[test]
fn a_flipped_byte_in_the_cached_places_or_index_is_caught_by_the_checksum() {
    // The frames, each a little-endian length and bytes: the header, the
    // body, the files' stamps, the lengths, the briefings (their total
    // length, then them), the index's three parts, the facts, the places.
    fn frames(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
        let len_at = |at: usize| {
            let b: [u8; 8] = bytes[at..at + 8].try_into().expect("a length");
            u64::from_le_bytes(b) as usize
        };
        let mut at = 0;
        (0..10)
            .map(|_| {
                let frame = at + 8..at + 8 + len_at(at);
                at = frame.end;
                frame
            })
            .collect()
    }
    // The files' stamps and the facts are records read in place: their
    // bytes are checked with the briefings'; the others at every start.
    for (which, what) in [
        (2, "the files' stamps"),
        (5, "the titles' part"),
        (8, "the briefings' facts"),
        (9, "each file's briefing"),
    ] {
        let s = Setup::new();
        let built = s.first_start();
        let c = checksum_catches(&s, |bytes| {
            let frame = frames(bytes)[which].clone();
            bytes[frame.start + frame.len() / 2] ^= 0x01;
        });
        assert_eq!(titles(&c), titles(&built), "{what}");
    }
}

/// The cache is written a chunk of briefings at a time (4,096), its
/// checksum combined from the chunks': 9,000 briefings, over two chunk
/// boundaries, come back from it each with its own title, and the file is
/// taken (its checksum matches) rather than set aside.
#[test]
fn a_cache_written_in_chunks_reads_back_whole() {
    let s = Setup::new();
    put_all(
        s.briefings.path(),
        (0..9_000).map(|i| (format!("m{i:04}"), format!("Réunion numéro {i}"))),
    );
    let first = s.first_start();
    assert_eq!(first.briefings.len(), 9_002);
    let again = s.load();
    assert!(again.source.from_cache, "{:?}", again.problems);
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    for i in [0, 4_095, 4_096, 4_097, 8_191, 8_192, 8_999] {
        let id = format!("m{i:04}");
        let b = again
            .briefings
            .iter()
            .find(|b| b.id == id.as_str())
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(b.title, format!("Réunion numéro {i}"));
    }
}

/// A command on a folder changed since its cache was written takes the
/// cache and reads again only what changed (added, changed, removed), as
/// the browser does: the answer is the files', the progress is not counted
/// through every file, and the cache is written anew.
#[test]
fn a_command_after_a_few_changes_reads_only_what_changed() {
    let s = Setup::new();
    put_all(
        s.briefings.path(),
        (0..40).map(|i| (format!("m{i:02}"), format!("Réunion numéro {i}"))),
    );
    s.first_start();
    put(
        s.briefings.path(),
        "m03.yaml",
        &briefing("m03", "Réunion modifiée"),
    );
    put(
        s.briefings.path(),
        "new.yaml",
        &briefing("new", "Réunion ajoutée"),
    );
    std::fs::remove_file(s.briefings.path().join("m07.yaml")).unwrap();
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let c = load_dir(s.briefings.path(), &s.opts(), &|_, _| {
        calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    })
    .expect("loads");
    assert!(
        calls.into_inner() <= 2,
        "every file was read again rather than the changed ones"
    );
    assert!(!c.source.from_cache, "a corpus read again is cached again");
    assert_eq!(c.briefings.len(), 42);
    let title = |id: &str| {
        c.briefings
            .iter()
            .find(|b| b.id == id)
            .map(|b| b.title.to_string())
    };
    assert_eq!(title("m03").as_deref(), Some("Réunion modifiée"));
    assert_eq!(title("new").as_deref(), Some("Réunion ajoutée"));
    assert_eq!(title("m07"), None);
    assert_eq!(title("m08").as_deref(), Some("Réunion numéro 8"));
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    // The same answer as reading every file.
    let fresh = load_dir(
        s.briefings.path(),
        &LoadOptions {
            cache: None,
            ..s.opts()
        },
        &|_, _| {},
    )
    .expect("loads");
    let ids = |f: &Folder| {
        let mut v: Vec<String> = f.briefings.iter().map(|b| b.id.to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&c), ids(&fresh));
    c.store_cache().expect("cached");
    assert!(s.load().source.from_cache);
}
