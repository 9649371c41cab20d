//! How well search reads what analysts type, held to thresholds: the figures
//! of `measure_search` (`xtask::measure`), with the same seeds, on the
//! fixture briefings and on a generated folder. The thresholds sit just under
//! the figures measured when they were set (2026-12-07): a change that loses
//! recall or precision fails here instead of going unnoticed until someone
//! measures again. The country queries run on the fixture folder only: on a
//! generated one they take minutes in a debug build.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use brief_core::Folder;
use brief_core::load::{LoadOptions, load_dir};
use xtask::measure::{Draw, KINDS, country_queries, typo_recall};

const SEED: u64 = 14;

fn load(dir: &Path) -> Folder {
    load_dir(dir, &LoadOptions::default(), &|_, _| {}).expect("the folder loads")
}

fn fixtures() -> Folder {
    load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/briefings"))
}

#[test]
fn typo_recall_on_the_fixture_briefings() {
    // Measured: 797/800 (drop 199, add 200, substitute 199, swap 199 of 200).
    let recall = typo_recall(&fixtures(), 200, SEED, None);
    for (kind, (hit, n)) in KINDS.iter().zip(recall.per_kind) {
        assert_eq!(n, 200, "{kind}: every drawn title is tried");
        assert!(hit >= 198, "typo {kind}: {hit}/{n} in the top 5");
    }
    let (hit, n) = recall.all();
    assert!(hit >= 795, "typo recall {hit}/{n}");
}

#[test]
fn country_queries_on_the_fixture_briefings() {
    // Measured: 140 queries, 180 right, none wrong or missed; misspelt: 110
    // queries, 142 right, none wrong or missed.
    let (exact, misspelt) = country_queries(&fixtures(), &mut Draw(SEED), None);
    assert!(exact.queries >= 140, "{exact:?}");
    assert!(exact.right >= 180, "{exact:?}");
    assert!(
        exact.precision() >= 99.5 && exact.recall() >= 99.5,
        "{exact:?}"
    );
    assert!(misspelt.queries >= 110, "{misspelt:?}");
    assert!(misspelt.right >= 142, "{misspelt:?}");
    assert!(
        misspelt.precision() >= 99.5 && misspelt.recall() >= 99.5,
        "{misspelt:?}"
    );
}

#[test]
fn typo_recall_on_a_generated_folder() {
    // Measured on 300 generated briefings (seed 2026), 100 titles: 397/400
    // (drop 100, add 100, substitute 98, swap 99).
    let dir = tempfile::tempdir().expect("a temporary folder");
    xtask::generate::generate(dir.path(), 300, 2026).expect("generated");
    let recall = typo_recall(&load(dir.path()), 100, SEED, None);
    for (kind, (hit, n)) in KINDS.iter().zip(recall.per_kind) {
        assert_eq!(n, 100, "{kind}: every drawn title is tried");
        assert!(hit >= 97, "typo {kind}: {hit}/{n} in the top 5");
    }
    let (hit, n) = recall.all();
    assert!(hit >= 394, "typo recall {hit}/{n}");
}
