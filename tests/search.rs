//! The one search module, on the fixture briefings (`tests/fixtures`):
//! accents, aliases, fields, filters, ranking and match positions; property
//! tests for robustness.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use brief_core::index::Field;
use brief_core::load::{LoadOptions, load_dir};
use brief_core::query::Query;
use brief_core::search::{FieldMatch, Hit, explain, search, title_ranges};
use brief_core::text::fold;
use brief_core::{Folder, Selection};
use proptest::prelude::*;

mod support;
use fixtures::*;
use support::fixtures;

fn corpus() -> &'static Folder {
    static CORPUS: OnceLock<Folder> = OnceLock::new();
    CORPUS.get_or_init(|| {
        load_dir(&fixtures::briefings(), &LoadOptions::default(), &|_, _| {})
            .expect("the fixture folder loads")
    })
}

fn hits(q: &str) -> Vec<Hit> {
    let corpus = corpus();
    let query =
        Query::parse(q, &corpus.registry).unwrap_or_else(|e| panic!("'{q}' should parse: {e}"));
    search(corpus, &query, &Selection::default())
}

/// Where a hit of query `q` matched.
fn why(q: &str, h: &Hit) -> Vec<FieldMatch> {
    let query =
        Query::parse(q, &corpus().registry).unwrap_or_else(|e| panic!("'{q}' should parse: {e}"));
    explain(corpus(), &query, h.doc)
}

/// Ids in rank order.
fn ranked(q: &str) -> Vec<String> {
    hits(q)
        .iter()
        .map(|h| corpus().briefings[h.doc].id.to_string())
        .collect()
}

/// Ids, sorted: for comparing result sets.
fn found(q: &str) -> Vec<String> {
    let mut ids = ranked(q);
    ids.sort();
    ids
}

fn sorted(ids: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

fn has_actor(id: &str, name: &str) -> bool {
    let corpus = corpus();
    let actor = corpus.registry.resolve(name).expect("registered actor");
    corpus
        .get(id)
        .is_some_and(|b| b.actors.iter().any(|r| r.actor == actor))
}

#[test]
fn icmpd_cidpm_and_the_full_name_find_the_same_two_meetings() {
    let expected = sorted(&[EMSC_2019, EUROMED]);
    for q in [
        "ICMPD",
        "icmpd",
        "CIDPM",
        "Centre international pour le développement des politiques migratoires",
        "centre international pour le developpement des politiques migratoires",
    ] {
        assert_eq!(found(q), expected, "{q}");
    }
}

#[test]
fn iom_and_oim_find_the_same_meetings() {
    let iom = found("IOM");
    assert_eq!(iom, sorted(&[BRUSSELS, ITALY]));
    assert_eq!(found("OIM"), iom);
    assert_eq!(found("oim"), iom);
}

#[test]
fn tunisia_in_any_form_finds_the_same_two_meetings() {
    let expected = sorted(&[EMSC_2019, EUROMED]);
    for q in [
        "Tunisia",
        "Tunisie",
        "tunisie",
        "TUNISIE",
        "pays:TN",
        "country:Tunisia",
        "pays:tunisie",
    ] {
        assert_eq!(found(q), expected, "{q}");
    }
}

#[test]
fn cooperation_transfrontaliere_ranks_the_2019_emsc_meeting_first() {
    for q in [
        "cooperation transfrontaliere",
        "coopération transfrontalière",
        "COOPÉRATION TRANSFRONTALIÈRE",
    ] {
        let r = ranked(q);
        assert_eq!(r.first().map(String::as_str), Some(EMSC_2019), "{q}: {r:?}");
    }
}

#[test]
fn accents_and_case_are_ignored_both_ways() {
    assert_eq!(found("etats"), found("États"));
    assert_eq!(found("reseaux"), found("RÉSEAUX"));
    assert!(!found("etats").is_empty());
}

#[test]
fn naufrage_finds_the_channel_meeting() {
    assert_eq!(found("naufrage"), [CHANNEL]);
    // By word prefix in the body and summary too.
    assert_eq!(found("naufr"), [CHANNEL]);
    let body = &corpus().get(CHANNEL).expect("channel").body;
    assert!(fold(body).contains("naufrage"));
}

#[test]
fn body_words_match_by_prefix() {
    // "interoperabilite" appears only in the Brussels body.
    assert_eq!(found("interoperab"), [BRUSSELS]);
    let h = hits("interoperab");
    let why = why("interoperab", &h[0]);
    assert!(why.iter().any(|m| m.field == Field::Body), "{why:?}");
}

#[test]
fn frontx_finds_exactly_the_meetings_with_frontex() {
    let with_frontex: Vec<String> = corpus()
        .briefings
        .iter()
        .filter(|b| has_actor(&b.id, "Frontex"))
        .map(|b| b.id.to_string())
        .collect();
    let mut with_frontex = with_frontex;
    with_frontex.sort();
    assert_eq!(with_frontex, sorted(&[CHANNEL, BRUSSELS]));
    assert_eq!(found("frontx"), with_frontex);
    assert_eq!(found("frontex"), with_frontex);
}

#[test]
fn year_filter_gives_only_that_years_meetings() {
    let expected = sorted(&[ZINDER, NIAMEY]);
    assert_eq!(found("année:2023"), expected);
    assert_eq!(found("annee:2023"), expected);
    assert_eq!(found("year:2023"), expected);
    for h in hits("année:2023") {
        let b = &corpus().briefings[h.doc];
        assert_eq!(b.date.map(|d| d.year), Some(2023), "{}", b.id);
    }
    assert_eq!(
        found("year:2019..2021"),
        sorted(&[EMSC_2019, EUROMED, CHANNEL])
    );
    assert_eq!(found("date:2021-11"), [CHANNEL]);
}

#[test]
fn excluding_niger_leaves_out_every_niger_meeting() {
    let r = found("-pays:NE");
    for id in [ZINDER, NIAMEY, MAURITANIA, ITALY] {
        assert!(
            !r.contains(&id.to_string()),
            "{id} is a Niger meeting: {r:?}"
        );
    }
    assert_eq!(r, sorted(&[EMSC_2019, EUROMED, CHANNEL, BRUSSELS]));
    assert_eq!(found("-country:Niger"), r);
}

#[test]
fn negated_words_exclude() {
    let r = found("-frontex");
    assert!(!r.contains(&CHANNEL.to_string()));
    assert!(!r.contains(&BRUSSELS.to_string()));
    assert_eq!(r.len(), corpus().briefings.len() - 2);
}

#[test]
fn actor_and_place_filters() {
    assert_eq!(found("acteur:ICMPD"), sorted(&[EMSC_2019, EUROMED]));
    assert_eq!(found("actor:IOM"), sorted(&[BRUSSELS, ITALY]));
    assert_eq!(
        found("pays:NE -acteur:OIM"),
        sorted(&[ZINDER, NIAMEY, MAURITANIA])
    );
    assert_eq!(found("lieu:Niamey"), [NIAMEY]);
    assert_eq!(found("place:calais"), [CHANNEL]);
}

#[test]
fn a_phrase_matches_the_words_in_order_not_scattered() {
    let phrase = found("\"trafic de migrants\"");
    let loose = found("trafic de migrants");
    assert!(!phrase.is_empty());
    assert!(phrase.contains(&EMSC_2019.to_string()));
    // Zinder has the three words, but never in that order.
    assert!(loose.contains(&ZINDER.to_string()), "{loose:?}");
    assert!(!phrase.contains(&ZINDER.to_string()), "{phrase:?}");
    let q = "\"trafic de migrants\"";
    for h in hits(q) {
        let b = &corpus().briefings[h.doc];
        let why = why(q, &h);
        assert!(!why.is_empty());
        for m in &why {
            let text = if m.field == Field::Body {
                &b.body
            } else {
                &m.value
            };
            for r in &m.ranges {
                let s: String = text.chars().skip(r.start).take(r.len()).collect();
                assert_eq!(fold(&s), "trafic de migrants", "{}: {m:?}", b.id);
            }
        }
    }
}

#[test]
fn words_must_all_match() {
    assert_eq!(found("naufrage frontex"), [CHANNEL]);
    assert!(found("naufrage niamey").is_empty());
}

#[test]
fn title_matches_rank_above_other_fields() {
    // "migrants" is in the 2019 EMSC title; others have it in topics or body only.
    let r = hits("migrants");
    let first = &r[0];
    assert_eq!(corpus().briefings[first.doc].id, EMSC_2019);
    assert!(
        why("migrants", first)
            .iter()
            .any(|m| m.field == Field::Title)
    );
    assert!(
        r.windows(2).all(|w| w[0].score >= w[1].score),
        "sorted by score"
    );
}

#[test]
fn ties_break_by_date_then_id() {
    // A filter-only query ranks nothing: newest first, undated last.
    let r = ranked("-pays:NE");
    assert_eq!(r, [CHANNEL, EUROMED, EMSC_2019, BRUSSELS]);
    let again = ranked("-pays:NE");
    assert_eq!(r, again, "stable order");
}

#[test]
fn malformed_filters_are_errors() {
    for q in [
        "pays:Narnia",
        "pays:",
        "année:20x1",
        "année:2022..2019",
        "year:abc",
        "date:2021-13",
        "date:2021-02-30",
        "foo:bar",
        "acteur:nobody-at-all",
        "\"unclosed phrase",
    ] {
        let err = Query::parse(q, &corpus().registry);
        assert!(
            err.is_err(),
            "'{q}' must be reported, not silently match everything"
        );
        assert!(
            !err.err()
                .map(|e| e.to_string())
                .unwrap_or_default()
                .is_empty()
        );
    }
    let e = Query::parse("pays:Tunisei", &corpus().registry).expect_err("error");
    assert!(e.to_string().contains("Tunisia (TN)"), "{e}");
    assert!(
        e.message(brief_core::Lang::Fr).contains("Tunisie (TN)"),
        "{e}"
    );
}

#[test]
fn a_url_like_word_with_a_colon_is_not_a_filter_error() {
    // Only alphabetic keys are filter names.
    assert!(Query::parse("10:30", &corpus().registry).is_ok());
}

#[test]
fn an_empty_query_returns_everything_newest_first() {
    let r = ranked("");
    assert_eq!(r.len(), corpus().briefings.len());
    let all: Vec<String> = corpus()
        .briefings
        .iter()
        .map(|b| b.id.to_string())
        .collect();
    assert_eq!(r, all);
}

#[test]
fn selection_combines_with_the_query() {
    let corpus = corpus();
    let q = Query::parse("traite", &corpus.registry).expect("parses");
    let tn = brief_core::query::parse_country("NG").expect("country");
    let sel = Selection {
        countries: vec![tn],
        ..Selection::default()
    };
    let mut ids: Vec<&str> = search(corpus, &q, &sel)
        .iter()
        .map(|h| corpus.briefings[h.doc].id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, [ZINDER, NIAMEY]);
}

/// Checks a match's ranges lie within its text, on char boundaries.
fn check_ranges(b: &brief_core::Briefing, m: &FieldMatch) -> Result<(), String> {
    let text = if m.field == Field::Body && m.value.is_empty() {
        b.body.as_str()
    } else {
        m.value.as_str()
    };
    let n = text.chars().count();
    for r in &m.ranges {
        if r.start >= r.end || r.end > n {
            return Err(format!(
                "{}: range {r:?} outside {:?} ({n} chars) in {m:?}",
                b.id, m.field
            ));
        }
    }
    Ok(())
}

#[test]
fn matched_ranges_lie_within_their_field() {
    for q in [
        "ICMPD",
        "cooperation transfrontaliere",
        "naufrage",
        "frontx",
        "\"trafic de migrants\"",
        "l'UE",
        "œuvre",
        "Côte",
        "tunisia",
        "etats membres",
    ] {
        for h in hits(q) {
            let b = &corpus().briefings[h.doc];
            for m in &why(q, &h) {
                check_ranges(b, m).unwrap_or_else(|e| panic!("{q}: {e}"));
            }
        }
    }
}

#[test]
fn title_ranges_highlight_the_matched_letters() {
    let h = hits("transfrontaliere");
    let b = &corpus().briefings[h[0].doc];
    let query = Query::parse("transfrontaliere", &corpus().registry).expect("parses");
    let ranges = title_ranges(&query, &b.title);
    assert_eq!(ranges.len(), 1, "{ranges:?}");
    let s: String = b
        .title
        .chars()
        .skip(ranges[0].start)
        .take(ranges[0].len())
        .collect();
    assert_eq!(s, "transfrontalière");
}

#[test]
fn folding_every_character_is_idempotent() {
    // Exhaustive over all of Unicode: random strings rarely hit the few
    // characters whose fold is itself foldable (ẞ -> ß -> ss, ǣ -> æ -> ae).
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let once = fold(&c.to_string());
        assert_eq!(fold(&once), once, "U+{:04X} {c:?}", c as u32);
    }
}

#[test]
fn folding_handles_the_tricky_cases() {
    assert_eq!(fold("ẞ"), "ss");
    assert_eq!(fold("ǣ"), "ae");
    assert_eq!(fold("İstanbul"), "istanbul");
    assert_eq!(fold("l’Union"), "l'union");
    assert_eq!(fold("Œuvre"), "oeuvre");
}

/// Words of the corpus, to build queries that actually match something.
fn corpus_words() -> Vec<String> {
    let corpus = corpus();
    let mut words: Vec<String> = corpus
        .briefings
        .iter()
        .flat_map(|b| {
            let mut texts = vec![b.title.clone(), b.body.clone()];
            texts.extend(b.topics.iter().map(|t| t.to_string()));
            texts.extend(b.summary.clone());
            texts
        })
        .chain(
            corpus
                .registry
                .actors()
                .iter()
                .flat_map(|a| a.names().map(str::to_string).collect::<Vec<_>>()),
        )
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A corpus word, cut, recased or with a stray character, as a user types it.
fn typed_word() -> impl Strategy<Value = String> {
    (
        prop::sample::select(corpus_words()),
        0usize..12,
        any::<bool>(),
        prop::option::of(any::<char>()),
    )
        .prop_map(|(w, cut, upper, stray)| {
            let n = w.chars().count();
            let mut s: String = w.chars().take(n.saturating_sub(cut % 3).max(1)).collect();
            if upper {
                s = s.to_uppercase();
            }
            if let Some(c) = stray {
                s.push(c);
            }
            s
        })
}

proptest! {
    #[test]
    fn corpus_shaped_queries_have_ranges_inside_their_fields(
        words in prop::collection::vec(typed_word(), 1..4),
        quoted in any::<bool>(),
    ) {
        let q = if quoted { format!("\"{}\"", words.join(" ")) } else { words.join(" ") };
        if let Ok(query) = Query::parse(&q, &corpus().registry) {
            for h in search(corpus(), &query, &Selection::default()) {
                let b = &corpus().briefings[h.doc];
                let why = explain(corpus(), &query, h.doc);
                prop_assert!(!why.is_empty() || query.is_unranked(), "{q}: a hit says why");
                for m in &why {
                    if let Err(e) = check_ranges(b, m) {
                        return Err(TestCaseError::fail(format!("{q}: {e}")));
                    }
                }
            }
        }
    }

    #[test]
    fn word_ranges_lie_inside_the_text(text in any::<String>(), prefixes in prop::collection::vec(any::<String>(), 0..3)) {
        let n = text.chars().count();
        for r in brief_core::search::word_ranges(&text, &prefixes) {
            prop_assert!(r.start < r.end && r.end <= n, "{r:?} in {n} chars");
        }
    }

    #[test]
    fn find_ranges_lie_inside_the_text(text in any::<String>(), needle in any::<String>()) {
        let n = text.chars().count();
        for r in brief_core::search::find_ranges(&text, &needle) {
            prop_assert!(r.start < r.end && r.end <= n, "{r:?} in {n} chars");
        }
    }

    #[test]
    fn folding_is_idempotent(s in "\\PC*") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone());
    }

    #[test]
    fn folding_any_string_is_idempotent(s in any::<String>()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone());
    }

    #[test]
    fn any_query_returns_without_panic(s in any::<String>()) {
        if let Ok(q) = Query::parse(&s, &corpus().registry) {
            let _ = search(corpus(), &q, &Selection::default());
        }
    }

    #[test]
    fn query_shaped_input_returns_without_panic(
        s in "(-?(pays|acteur|sujet|année|date|lieu|country|foo)?:?\"?[a-zA-Zéèœ’'0-9.\\- ]{0,12}\"?\\s){0,5}"
    ) {
        if let Ok(q) = Query::parse(&s, &corpus().registry) {
            let _ = search(corpus(), &q, &Selection::default());
        }
    }

    #[test]
    fn every_range_lies_inside_its_field(
        s in "([a-zA-Zéèêàçôœ’' ]{1,10}|\"[a-zA-Zéè ]{1,20}\"|tunis|migr|coop|front|oim|é|œ|ß|İ)( [a-zé]{1,6}){0,2}"
    ) {
        if let Ok(q) = Query::parse(&s, &corpus().registry) {
            for h in search(corpus(), &q, &Selection::default()) {
                let b = &corpus().briefings[h.doc];
                for m in &explain(corpus(), &q, h.doc) {
                    if let Err(e) = check_ranges(b, m) {
                        return Err(TestCaseError::fail(e));
                    }
                }
            }
        }
    }

    #[test]
    fn ranges_are_within_field_for_random_unicode(s in any::<String>()) {
        if let Ok(q) = Query::parse(&s, &corpus().registry) {
            for h in search(corpus(), &q, &Selection::default()) {
                let b = &corpus().briefings[h.doc];
                for m in &explain(corpus(), &q, h.doc) {
                    if let Err(e) = check_ranges(b, m) {
                        return Err(TestCaseError::fail(e));
                    }
                }
            }
        }
    }
}

#[test]
fn a_search_no_longer_wanted_is_abandoned() {
    use brief_core::search::{faceted, faceted_until};
    for q in ["migrants", "\"trafic de migrants\"", "frontx niger"] {
        let query = Query::parse(q, &corpus().registry).expect("parses");
        let sel = Selection::default();
        assert!(
            faceted_until(corpus(), &query, &sel, true, &|| true).is_none(),
            "{q}"
        );
        assert_eq!(
            faceted_until(corpus(), &query, &sel, true, &|| false),
            Some(faceted(corpus(), &query, &sel)),
            "{q}"
        );
    }
}
