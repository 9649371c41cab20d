//! Quick lookups that open the right briefing (issue 23), on the tests' own
//! folder without registries (`tests/fixtures/lookups`): typos on title
//! words, whole words before words inside other words, actor values.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use brief_core::load::{LoadOptions, load_dir};
use brief_core::search::search;
use brief_core::{Corpus, Query, Selection};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lookups")
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
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
