//! Fuzzing with proptest: the loader on arbitrary bytes and on near-YAML
//! mutations of real briefings, and the query parser and search on arbitrary
//! queries over the fixture briefings. Nothing may panic, hang or overflow the
//! stack, and what comes back must be consistent.
//!
//! `cargo test` runs a few cases per property; `BRIEF_FUZZ_CASES=N` runs N
//! (see "Robustness" in the README for the long run and its figures):
//!
//! ```sh
//! BRIEF_FUZZ_CASES=100000 cargo test --release --test fuzz
//! ```
//!
//! A failure is saved by proptest in `tests/fuzz.proptest-regressions` and
//! replayed first on every later run; keep that file.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::OnceLock;

use brief_core::load::{LoadOptions, load_dir, load_files};
use brief_core::query::Query;
use brief_core::search::search;
use brief_core::text::{is_dangerous, sanitize};
use brief_core::{Folder, Selection, Severity};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cases per property: `BRIEF_FUZZ_CASES`, else proptest's default
/// (`PROPTEST_CASES`, else 256) capped to 64 so `cargo test` stays quick.
fn config() -> Config {
    let base = Config::default();
    let cases = std::env::var("BRIEF_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            64
        });
    Config { cases, ..base }
}

mod support;
use support::fixtures;

fn corpus() -> &'static Folder {
    static CORPUS: OnceLock<Folder> = OnceLock::new();
    CORPUS.get_or_init(|| {
        load_dir(&fixtures::briefings(), &LoadOptions::default(), &|_, _| {})
            .expect("the fixture folder loads")
    })
}

/// Seeds for mutation: every fixture briefing, the registry, the hostile one.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(fixtures::briefings())
            .expect("the fixture folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .map(|p| std::fs::read(p).expect("readable"))
            .collect();
        seeds.push(fixtures::HOSTILE_YAML.as_bytes().to_vec());
        seeds.sort();
        seeds
    })
}

/// Fragments that matter to a YAML parser, and a few bytes that matter to
/// the decoder.
const TOKENS: &[&[u8]] = &[
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b"&a ",
    b"*a",
    b"&b [*a, *a, *a]",
    b"<<: *a",
    b"!!str ",
    b"!!binary ",
    b"!tag ",
    b"\"",
    b"'",
    b"\\",
    b"\\u202e",
    b"\n",
    b"\n  ",
    b"\t",
    b"---\n",
    b"...\n",
    b"? ",
    b"|",
    b">-",
    b"#",
    b"%YAML 1.2\n",
    b"%TAG ! tag:x:\n",
    b"~",
    b"null",
    b"true",
    b"2021-02-30",
    b"0x1F",
    b"1e999",
    b"title: ",
    b"id: ",
    b"date: ",
    b"end_date: ",
    b"countries: ",
    b"actors:\n  - name: ",
    b"title:",
    b"\xef\xbb\xbf",
    b"\r\n",
    b"\r",
    b"\xff",
    b"\xc3",
    b"\xe2\x80\xae",
    b"\x1b[31m",
    b"\x00",
    b"\xc2\x9b",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, token: usize },
    InsertBytes { at: usize, bytes: Vec<u8> },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
    Indent { line: usize, by: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        (at, 1..64usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (at, 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        (at, proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::InsertBytes { at, bytes }),
        at.prop_map(|line| Mutation::DuplicateLine { line }),
        (at, at).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        (at, 1..6usize).prop_map(|(line, by)| Mutation::Indent { line, by }),
        at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let pos = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
    let lines = |bytes: &[u8]| -> Vec<Vec<u8>> {
        bytes
            .split_inclusive(|&b| b == b'\n')
            .map(<[u8]>::to_vec)
            .collect()
    };
    match m {
        Mutation::Delete { at, len } => {
            let start = pos(*at, bytes.len());
            let end = (start + len).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Insert { at, token } => {
            let at = pos(*at, bytes.len());
            bytes.splice(at..at, TOKENS[*token].iter().copied());
        }
        Mutation::InsertBytes { at, bytes: new } => {
            let at = pos(*at, bytes.len());
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::DuplicateLine { line } => {
            let mut ls = lines(&bytes);
            if !ls.is_empty() {
                let i = line % ls.len();
                ls.insert(i, ls[i].clone());
            }
            bytes = ls.concat();
        }
        Mutation::SwapLines { a, b } => {
            let mut ls = lines(&bytes);
            if !ls.is_empty() {
                let n = ls.len();
                ls.swap(a % n, b % n);
            }
            bytes = ls.concat();
        }
        Mutation::Indent { line, by } => {
            let mut ls = lines(&bytes);
            if !ls.is_empty() {
                let n = ls.len();
                ls[line % n].splice(0..0, std::iter::repeat_n(b' ', *by));
            }
            bytes = ls.concat();
        }
        Mutation::Truncate { at } => {
            let at = pos(*at, bytes.len());
            bytes.truncate(at);
        }
    }
    bytes
}

/// A real briefing with 1 to 8 mutations.
fn near_yaml() -> impl Strategy<Value = Vec<u8>> {
    (
        0..seeds().len(),
        proptest::collection::vec(mutation(), 1..8),
    )
        .prop_map(|(seed, ms)| ms.iter().fold(seeds()[seed].clone(), apply))
}

/// Any bytes; printable ASCII; or text from YAML's punctuation, so that most
/// inputs get past the UTF-8 check and into the parser.
fn arbitrary_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2048),
        "[ -~\n\t]{0,1024}".prop_map(String::into_bytes),
        "[a-z0-9:\\-\\[\\]{}&*!|>'\"#,?%@` \n]{0,512}".prop_map(String::into_bytes),
    ]
}

/// A config.yaml with 1 to 8 mutations: the default file or one with every
/// setting and key overrides.
fn near_config() -> impl Strategy<Value = Vec<u8>> {
    const FULL: &str = "briefings: ~/briefings\ntheme: high-contrast\nreader_width: 80\nsort: date\nmouse: true\nlinks: false\nkeys:\n  toggle_bookmark: m\n  quit: [Q, Ctrl-q]\n  help: F1\n";
    (
        prop_oneof![
            Just(brief_core::config::DEFAULT_FILE.as_bytes().to_vec()),
            Just(FULL.as_bytes().to_vec())
        ],
        proptest::collection::vec(mutation(), 1..8),
    )
        .prop_map(|(seed, ms)| ms.iter().fold(seed, apply))
}

/// What must hold of any corpus, whatever the files were.
fn check_corpus(corpus: &Folder, files: &[PathBuf]) {
    for p in &corpus.problems {
        assert!(
            files.contains(&p.path) || p.path.is_dir() || p.path.ends_with("actors.yaml"),
            "a problem names an unknown file: {p}"
        );
        assert!(!p.message.is_empty());
        // The line is 1-based when known.
        assert!(p.line != Some(0), "{p}");
        assert!(!p.to_string().is_empty());
    }
    for b in &corpus.briefings {
        assert!(
            !b.title.trim().is_empty(),
            "a briefing without a title loaded"
        );
        assert!(!b.id.is_empty());
        let shown = sanitize(&b.title, false);
        assert!(!shown.chars().any(is_dangerous), "{shown:?}");
        assert_eq!(shown.chars().count(), b.title.chars().count());
        let body = sanitize(&b.body, true);
        assert!(!body.chars().any(|c| is_dangerous(c) && c != '\n'));
    }
    // Every file is either a briefing or the subject of an error.
    for f in files.iter().filter(|f| !f.ends_with("actors.yaml")) {
        let loaded = corpus.briefings.iter().any(|b| b.path == *f);
        let failed = corpus
            .problems
            .iter()
            .any(|p| p.path == *f && p.severity == Severity::Error);
        assert!(
            loaded || failed,
            "{} neither loaded nor reported",
            f.display()
        );
    }
    // Whatever loaded can be searched.
    let all = search(corpus, &Query::default(), &Selection::default());
    assert_eq!(all.len(), corpus.briefings.len());
}

/// Query text: anything, or something made of the query language's pieces.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("pays:".to_string()),
        Just("country:".to_string()),
        Just("acteur:".to_string()),
        Just("actor:".to_string()),
        Just("année:".to_string()),
        Just("year:".to_string()),
        Just("date:".to_string()),
        Just("lieu:".to_string()),
        Just("sujet:".to_string()),
        Just("-".to_string()),
        Just("\"".to_string()),
        Just("..".to_string()),
        Just(" ".to_string()),
        Just(":".to_string()),
        "[0-9]{1,6}",
        "[a-zA-ZéèœÉ' -]{1,12}",
        "\\PC{1,6}",
        Just("NE".to_string()),
        Just("Tunisie".to_string()),
        Just("OIM".to_string()),
        Just("2019..2021".to_string()),
        Just("\u{202e}\u{1b}[2J".to_string()),
    ];
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat()),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_loader_survives_arbitrary_bytes(bytes in arbitrary_bytes()) {
        let path = PathBuf::from("f/bytes.yaml");
        let corpus = load_files(vec![(path.clone(), bytes)], "fuzz".into());
        check_corpus(&corpus, &[path]);
    }

    #[test]
    fn the_registry_survives_near_yaml(bytes in near_yaml(), registry in near_yaml()) {
        // A briefing parsed as a registry and the other way round: wrong
        // shapes everywhere, in memory.
        let a = PathBuf::from("f/actors.yaml");
        let b = PathBuf::from("f/b.yaml");
        let corpus = load_files(vec![(a, registry), (b.clone(), bytes)], "fuzz".into());
        check_corpus(&corpus, &[b]);
    }

    #[test]
    fn the_loader_survives_near_yaml_on_disk(files in proptest::collection::vec(near_yaml(), 1..4)) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut paths = Vec::new();
        for (i, bytes) in files.iter().enumerate() {
            let p = dir.path().join(format!("b{i}.yaml"));
            std::fs::write(&p, bytes).expect("written");
            paths.push(p);
        }
        let corpus = load_dir(dir.path(), &LoadOptions::default(), &|_, _| {})
            .expect("the folder itself loads");
        check_corpus(&corpus, &paths);
    }

    #[test]
    fn any_config_runs_on_what_is_good_and_names_what_is_not(
        bytes in prop_oneof![near_config(), arbitrary_bytes()]
    ) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("config.yaml");
        std::fs::write(&path, &bytes).expect("written");
        let file = brief_core::config::load(Some(&path), true);
        let (_, key_problems) =
            brief::keys::keymap::Keymap::with_overrides(&file.config.keys, &path);
        // As YAML counts them: CR, LF, and NEL, LS and PS break lines too
        // (CRLF counted twice: a bound, not an exact count).
        let text = String::from_utf8_lossy(&bytes);
        let lines = text
            .chars()
            .filter(|c| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
            .count()
            + 1;
        for p in file.problems.iter().chain(&key_problems) {
            assert_eq!(p.path, path);
            assert!(!p.message.is_empty());
            assert!(p.line.is_none_or(|l| l >= 1 && l <= lines), "{p} in a {lines}-line file");
        }
    }

    #[test]
    fn any_state_file_loads_or_is_set_aside(bytes in arbitrary_bytes()) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("state.json");
        std::fs::write(&path, &bytes).expect("written");
        let (_, problem) = brief_core::remembered::load(&path);
        // Kept if it was read, set aside (never deleted) if it was not.
        assert_eq!(problem.is_some(), !path.exists());
        assert_eq!(problem.is_some(), brief_core::io::paths::set_aside_copies(&path).len() == 1);
    }

    #[test]
    fn a_journal_record_written_after_any_damage_is_never_lost(
        before in 0usize..4,
        cut in 0usize..60,
        junk in arbitrary_bytes(),
        after in 1usize..4,
    ) {
        use brief_core::remembered::{Change, journal_path, load, record};
        let mark = |id: String| Change::Bookmark { id, on: true };
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("state.json");
        let early: Vec<Change> = (0..before).map(|i| mark(format!("early{i}"))).collect();
        record(&path, "/f", &early).expect("recorded");
        // A record cut short, then junk: what a crash or another program left.
        let torn = br#"{"folder":"/f","op":"bookmark","id":"torn","on":true}"#;
        let mut damage = torn[..cut.min(torn.len() - 1)].to_vec();
        damage.extend_from_slice(&junk);
        let mut j = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(journal_path(&path))
            .expect("journal");
        std::io::Write::write_all(&mut j, &damage).expect("damaged");
        drop(j);
        let late: Vec<Change> = (0..after).map(|i| mark(format!("late{i}"))).collect();
        for change in &late {
            record(&path, "/f", std::slice::from_ref(change)).expect("recorded");
        }
        let (all, _) = load(&path);
        let marks = all.folders.get("/f").map(|f| f.bookmarks.clone()).unwrap_or_default();
        for i in 0..after {
            assert!(marks.contains(&format!("late{i}")), "late{i} lost after {damage:?}");
        }
        // What came before the damage is kept too unless the damage is a
        // record of its own undoing it (junk cannot be one that parses as ours).
        for i in 0..before {
            assert!(marks.contains(&format!("early{i}")), "early{i} lost");
        }
    }

    #[test]
    fn any_query_parses_or_fails_cleanly_and_searches(text in query_text()) {
        let corpus = corpus();
        match Query::parse(&text, &corpus.registry) {
            Ok(q) => {
                let hits = search(corpus, &q, &Selection::default());
                let mut docs: Vec<usize> = hits.iter().map(|h| h.doc).collect();
                assert!(docs.iter().all(|&d| d < corpus.briefings.len()));
                docs.sort_unstable();
                docs.dedup();
                assert_eq!(docs.len(), hits.len(), "a briefing listed twice for {text:?}");
            }
            Err(e) => assert!(
                brief_core::Lang::ALL.iter().all(|&l| !e.message(l).is_empty()),
                "an empty error for {text:?}"
            ),
        }
    }
}
