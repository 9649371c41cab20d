//! The shipped corpus: each meeting carries the countries and actors its
//! source names, the text is clean, and the built-in copy matches the folder.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use brief_core::load::{LoadOptions, load_dir};
use brief_core::{Briefing, Folder, Severity};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
}

fn corpus() -> Folder {
    load_dir(&root(), &LoadOptions::default(), &|_, _| {}).expect("the shipped folder loads")
}

// The shipped briefings these tests check by name. The other tests use their
// own frozen copy (`tests/fixtures`), so only this file follows `briefings/`.
const EMSC_2019: &str = "2019-02-emsc-cidpm-trafic-migrants";
const EUROMED: &str = "2021-10-27-euromed-migration-v-la-valette";
const CHANNEL: &str = "2021-11-28-manche-mer-du-nord-reunion-intergouvernementale";
const ZINDER: &str = "2023-01-30-zinder-anltp-tim-naptip-victimes";
const NIAMEY: &str = "2023-03-06-niamey-gttc-niger-nigeria";
const MAURITANIA: &str = "anltp-tim-visite-instance-mauritanienne";
const BRUSSELS: &str = "oim-bruxelles-migrations-irregulieres-argo";
const ITALY: &str = "oim-visite-etude-italie-gestion-frontieres";

fn get<'a>(corpus: &'a Folder, id: &str) -> &'a Briefing {
    corpus
        .get(id)
        .unwrap_or_else(|| panic!("the shipped corpus has no briefing '{id}'"))
}

fn codes(b: &Briefing) -> Vec<&str> {
    let mut c: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
    c.sort_unstable();
    c
}

/// Asserts the briefing concerns exactly `expected` countries.
fn assert_countries(corpus: &Folder, id: &str, expected: &[&str]) {
    let mut expected = expected.to_vec();
    expected.sort_unstable();
    assert_eq!(codes(get(corpus, id)), expected, "countries of {id}");
}

/// Asserts that each of `names` (any name, acronym or alias) resolves to a
/// registered actor that takes part in the briefing.
fn assert_actors(corpus: &Folder, id: &str, names: &[&str]) {
    let b = get(corpus, id);
    for name in names {
        let actor = corpus
            .registry
            .resolve(name)
            .unwrap_or_else(|| panic!("'{name}' is not in actors.yaml"));
        assert!(
            corpus.actor(actor).is_some_and(|a| a.registered),
            "'{name}' is registered"
        );
        assert!(
            b.actors.iter().any(|r| r.actor == actor),
            "{id} should have actor '{name}'; it has {:?}",
            b.actors.iter().map(|r| &r.written).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_shipped_corpus_loads_cleanly() {
    let corpus = corpus();
    assert!(
        corpus.briefings.len() >= 8,
        "at least eight briefings, got {}",
        corpus.briefings.len()
    );
    let shown: Vec<String> = corpus.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(corpus.count(Severity::Error), 0, "{shown:#?}");
    assert_eq!(corpus.count(Severity::Warning), 0, "{shown:#?}");
    for id in [
        EMSC_2019, EUROMED, CHANNEL, ZINDER, NIAMEY, MAURITANIA, BRUSSELS, ITALY,
    ] {
        get(&corpus, id);
    }
}

#[test]
fn every_actor_is_registered() {
    let corpus = corpus();
    for b in &corpus.briefings {
        for r in &b.actors {
            let a = corpus.actor(r.actor).expect("actor");
            assert!(
                a.registered,
                "{}: '{}' is not in actors.yaml",
                b.id, r.written
            );
        }
    }
}

#[test]
fn euromed_migration_v_has_its_ten_partners_and_malta() {
    let corpus = corpus();
    assert_countries(
        &corpus,
        EUROMED,
        &[
            "DZ", "EG", "IL", "JO", "LB", "LY", "MA", "PS", "SY", "TN", "MT",
        ],
    );
    assert_actors(
        &corpus,
        EUROMED,
        &[
            "EUROMED Migration V",
            "CIDPM",
            "ICMPD",
            "Gouvernement de Malte",
            "Union européenne",
        ],
    );
    let b = get(&corpus, EUROMED);
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2021-10-27"));
    assert_eq!(
        b.end_date.map(|d| d.to_string()).as_deref(),
        Some("2021-10-28")
    );
    assert_eq!(b.location.city.as_deref(), Some("La Valette"));
    assert_eq!(
        b.location.country.map(|c| c.to_string()).as_deref(),
        Some("MT")
    );
    assert!(b.location.online);
}

#[test]
fn the_channel_meeting_has_its_five_states_and_eu_actors() {
    let corpus = corpus();
    assert_countries(&corpus, CHANNEL, &["FR", "BE", "NL", "DE", "GB"]);
    assert_actors(
        &corpus,
        CHANNEL,
        &[
            "Commission européenne",
            "European Commission",
            "Europol",
            "Frontex",
            "Gérald Darmanin",
            "Ylva Johansson",
        ],
    );
    let b = get(&corpus, CHANNEL);
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2021-11-28"));
    assert_eq!(b.location.city.as_deref(), Some("Calais"));
    assert!(
        b.body.contains("naufrage"),
        "the body tells of the shipwreck"
    );
    assert!(b.body.contains("27 personnes"));
}

#[test]
fn the_italy_study_visit_has_mali_burkina_niger_and_italy() {
    let corpus = corpus();
    assert_countries(&corpus, ITALY, &["ML", "BF", "NE", "IT"]);
    assert_actors(
        &corpus,
        ITALY,
        &["OIM", "IOM", "MAECI", "Gouvernement de l’Italie"],
    );
    let b = get(&corpus, ITALY);
    assert!(b.date.is_none(), "the source gives no year: none invented");
    assert!(b.date_note.is_some(), "the missing year is explained");
}

#[test]
fn the_2019_emsc_meeting_has_its_countries_and_organisers() {
    let corpus = corpus();
    assert_countries(&corpus, EMSC_2019, &["JO", "LB", "TN"]);
    assert_actors(
        &corpus,
        EMSC_2019,
        &[
            "Europol",
            "EMSC",
            "CIDPM",
            "ICMPD",
            "Centre international pour le développement des politiques migratoires",
            "Commission européenne",
        ],
    );
    let b = get(&corpus, EMSC_2019);
    assert_eq!(
        b.date.map(|d| d.to_string()).as_deref(),
        Some("2019"),
        "only the year is certain"
    );
    assert_eq!(
        b.published.map(|d| d.to_string()).as_deref(),
        Some("2019-02-25")
    );
    assert!(b.date_note.is_some());
}

#[test]
fn the_four_niger_meetings() {
    let corpus = corpus();
    let niger: Vec<&str> = corpus
        .briefings
        .iter()
        .filter(|b| b.countries.iter().any(|c| c.as_str() == "NE"))
        .map(|b| b.id.as_str())
        .collect();
    let mut niger = niger;
    niger.sort_unstable();
    assert_eq!(niger, [ZINDER, NIAMEY, MAURITANIA, ITALY]);

    assert_countries(&corpus, NIAMEY, &["NE", "NG"]);
    assert_actors(&corpus, NIAMEY, &["GTTC"]);
    let b = get(&corpus, NIAMEY);
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2023-03-06"));
    assert_eq!(
        b.end_date.map(|d| d.to_string()).as_deref(),
        Some("2023-03-07")
    );
    assert_eq!(b.location.city.as_deref(), Some("Niamey"));

    assert_countries(&corpus, ZINDER, &["NE", "NG"]);
    assert_actors(&corpus, ZINDER, &["ANLTP/TIM", "ANLTP", "NAPTIP"]);
    let b = get(&corpus, ZINDER);
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2023-01-30"));
    assert_eq!(
        b.end_date.map(|d| d.to_string()).as_deref(),
        Some("2023-01-31")
    );
    assert_eq!(b.location.city.as_deref(), Some("Zinder"));

    assert_countries(&corpus, MAURITANIA, &["MR", "NE"]);
    assert_actors(
        &corpus,
        MAURITANIA,
        &[
            "ANLTP/TIM",
            "Instance nationale de lutte contre la traite des personnes et du trafic des migrants (Mauritanie)",
        ],
    );
    assert!(get(&corpus, MAURITANIA).date.is_none());
}

#[test]
fn the_brussels_meeting_has_iom_frontex_and_europol() {
    let corpus = corpus();
    assert_actors(
        &corpus,
        BRUSSELS,
        &["OIM", "IOM", "Frontex", "Europol", "Programme ARGO"],
    );
    let b = get(&corpus, BRUSSELS);
    assert_eq!(b.location.city.as_deref(), Some("Bruxelles"));
    assert!(b.date.is_none(), "the source gives no year: none invented");
    assert!(b.date_note.is_some());
}

#[test]
fn cidpm_and_iom_meetings_are_the_expected_ones() {
    let corpus = corpus();
    let with = |name: &str| {
        let actor = corpus.registry.resolve(name).expect("registered");
        let mut ids: Vec<&str> = corpus
            .briefings
            .iter()
            .filter(|b| b.actors.iter().any(|r| r.actor == actor))
            .map(|b| b.id.as_str())
            .collect();
        ids.sort_unstable();
        ids
    };
    assert_eq!(with("ICMPD"), [EMSC_2019, EUROMED]);
    assert_eq!(with("IOM"), [BRUSSELS, ITALY]);
    assert_eq!(with("Frontex"), [CHANNEL, BRUSSELS]);
}

#[test]
fn every_briefing_has_a_title_summary_source_and_body() {
    let corpus = corpus();
    for b in &corpus.briefings {
        assert!(!b.title.trim().is_empty(), "{}", b.id);
        assert!(
            b.summary.as_deref().is_some_and(|s| !s.is_empty()),
            "{}",
            b.id
        );
        assert!(b.source.publisher.is_some(), "{}", b.id);
        assert!(!b.body.trim().is_empty(), "{}", b.id);
        assert!(!b.countries.is_empty(), "{}", b.id);
        assert!(!b.actors.is_empty(), "{}", b.id);
        assert_eq!(b.language, "fr", "{}", b.id);
    }
}

#[test]
fn no_body_carries_scraping_debris() {
    let corpus = corpus();
    let debris = [
        "Partager sur",
        "mailto",
        "icon",
        "commentaire",
        "Lire en",
        "Soumettre",
        "adresse e-mail",
        "http",
    ];
    for b in &corpus.briefings {
        let fields = [
            ("body", b.body.as_str()),
            ("summary", b.summary.as_deref().unwrap_or("")),
        ];
        for (field, text) in fields {
            for d in debris {
                assert!(
                    !text.to_lowercase().contains(&d.to_lowercase()),
                    "{} {field} contains scraping debris '{d}'",
                    b.id
                );
            }
        }
    }
}

#[test]
fn related_ids_all_exist() {
    let corpus = corpus();
    for b in &corpus.briefings {
        for r in &b.related {
            assert!(corpus.get(r).is_some(), "{} relates to missing '{r}'", b.id);
            assert_ne!(r, &b.id, "{} relates to itself", b.id);
        }
    }
}

#[test]
fn the_built_in_corpus_equals_the_folder() {
    let folder = corpus();
    let embedded = brief::demo::load_embedded();
    assert!(embedded.problems.is_empty(), "{:?}", embedded.problems);
    assert_eq!(embedded.registry.actors(), folder.registry.actors());
    assert_eq!(embedded.briefings.len(), folder.briefings.len());
    let root = root();
    for (e, f) in embedded.briefings.iter().zip(&folder.briefings) {
        // Paths differ only by where the folder was read from.
        let relative = f.path.strip_prefix(&root).expect("below the root");
        assert_eq!(e.path, Path::new("briefings").join(relative), "{}", e.id);
        let e = Briefing {
            path: PathBuf::new(),
            ..(**e).clone()
        };
        let f = Briefing {
            path: PathBuf::new(),
            ..(**f).clone()
        };
        assert_eq!(e, f);
    }
}
