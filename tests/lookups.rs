//! Quick lookups that open the right briefing (issue 23), on the tests' own
//! folder without registries (`tests/fixtures/lookups`): typos on title
//! words, whole words before words inside other words, actor values.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use brief_core::load::{LoadOptions, load_dir};
use brief_core::model::Registries;
use brief_core::search::search;
use brief_core::{Folder, Query, Selection};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lookups")
}

fn corpus() -> &'static Folder {
    static CORPUS: OnceLock<Folder> = OnceLock::new();
    CORPUS.get_or_init(|| {
        load_dir(&folder(), &LoadOptions::default(), &|_, _| {}).expect("the lookups folder loads")
    })
}

/// Ids in rank order.
fn ranked(q: &str) -> Vec<String> {
    let corpus = corpus();
    let query = Query::parse(q, &corpus.registry).unwrap_or_else(|e| panic!("'{q}': {e}"));
    search(corpus, &query, &Selection::default())
        .iter()
        .map(|h| corpus.briefings[h.doc].id.to_string())
        .collect()
}

#[test]
fn a_one_edit_whole_word_ranks_above_the_start_of_another_word() {
    // `frontxe`: Frontex with two letters swapped, and one edit from the
    // start of "frontières" too: the whole word is the reading.
    let r = ranked("frontxe");
    let mut top: Vec<&str> = r.iter().take(2).map(String::as_str).collect();
    top.sort();
    assert_eq!(top, ["frontex-exercice", "frontex-rapport"], "{r:?}");
    // With no whole word that near, the start of a longer word is a match.
    assert!(ranked("frontiares").contains(&"frontieres-ceuta".to_string()));
}

#[test]
fn a_typo_is_tried_when_its_letters_are_found_only_scattered_in_other_words() {
    // `rontre`: "contre" with one letter changed, whose letters also stand
    // in order, scattered, in "frontières": the one-edit whole word is found
    // and ranks above the scattered letters.
    let r = ranked("rontre");
    let mut top: Vec<&str> = r.iter().take(2).map(String::as_str).collect();
    top.sort();
    assert_eq!(top, ["polio-riom", "traite-niger"], "{r:?}");
    // Typos found as before where nothing else holds the letters.
    for (typo, id) in [
        ("lesbso", "frontex-exercice"),
        ("lampedsua", "naufrage"),
        ("refugeis", "norvege-quotas"),
    ] {
        assert!(
            ranked(typo).contains(&id.to_string()),
            "{typo}: {:?}",
            ranked(typo)
        );
    }
}

#[test]
fn an_unaccented_whole_word_ranks_above_accented_forms_and_words_inside_others() {
    let r = ranked("traite");
    assert_eq!(r.first().map(String::as_str), Some("traite-niger"), "{r:?}");
    if let Some(inside) = r.iter().position(|x| x == "retraite-directeur") {
        let rome = r
            .iter()
            .position(|x| x == "traite-rome")
            .expect("traité is found");
        assert!(rome < inside, "{r:?}");
    }
}

#[test]
fn an_actor_value_names_every_actor_it_is_a_word_of() {
    let both = ranked("acteur:Nkurunziza");
    assert_eq!(both.len(), 2, "{both:?}");
    assert_eq!(
        ranked("acteur:\"Pierre Nkurunziza\""),
        vec!["burundi-nkurunziza".to_string()]
    );
}

fn load_with(registries: Registries) -> Folder {
    let opts = LoadOptions {
        registries,
        ..LoadOptions::default()
    };
    load_dir(&folder(), &opts, &|_, _| {}).expect("the lookups folder loads")
}

fn ids(folder: &Folder, q: &str) -> Vec<String> {
    let query = Query::parse(q, &folder.registry).unwrap_or_else(|e| panic!("'{q}': {e}"));
    search(folder, &query, &Selection::default())
        .iter()
        .map(|h| folder.briefings[h.doc].id.to_string())
        .collect()
}

#[test]
fn a_folder_without_registries_reads_names_and_topics_as_the_shipped_one() {
    // Built-in registries: the IOM is the OIM, not "poliomyélite" or "Riom";
    // `border` is border management, not Bordeaux; `shipwreck` a naufrage.
    let built_in = load_with(Registries::BuiltIn);
    assert_eq!(ids(&built_in, "IOM"), ["iom-bruxelles"]);
    assert_eq!(ids(&built_in, "icmpd"), ["iom-bruxelles"]);
    assert!(!ids(&built_in, "border").contains(&"bordeaux-salon".to_string()));
    assert_eq!(ids(&built_in, "shipwreck"), ["naufrage"]);
    // The folder's files alone: none of that.
    let alone = load_with(Registries::FolderOnly);
    assert!(ids(&alone, "IOM").contains(&"polio-riom".to_string()));
    assert!(ids(&alone, "shipwreck").is_empty());
}

#[test]
fn brief_paths_and_check_say_which_registries_are_in_force() {
    let exe = env!("CARGO_BIN_EXE_brief");
    let dir = folder();
    let run = |config: Option<&Path>, args: &[&str]| {
        let mut cmd = std::process::Command::new(exe);
        cmd.arg("--dir").arg(&dir).env("NO_COLOR", "1");
        if let Some(c) = config {
            cmd.arg("--config").arg(c);
        }
        let out = cmd.args(args).output().expect("brief runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let tmp = tempfile::tempdir().expect("a folder");
    let cfg = tmp.path().join("config.yaml");
    std::fs::write(&cfg, "registries: folder-only\n").expect("written");
    for args in [&["paths"][..], &["--no-cache", "check"][..]] {
        let default = run(Some(&tmp.path().join("none.yaml")), args);
        assert!(default.contains("built-in ("), "{default}");
        assert!(
            default.contains("no actors.yaml or topics.yaml"),
            "{default}"
        );
        let alone = run(Some(&cfg), args);
        assert!(alone.contains("only (folder-only)"), "{alone}");
    }
    // And the search follows: with folder-only, IOM is a word again.
    let alone = run(Some(&cfg), &["--no-cache", "search", "IOM", "--ids"]);
    assert!(alone.contains("polio-riom"), "{alone}");
}
