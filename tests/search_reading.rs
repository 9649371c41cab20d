//! How search reads a query (issue 14), on the fixture briefings: countries,
//! actors and topics as entities, typos, the smart accent rule, plurals and
//! elisions, bounds and queries with nothing to search for.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use brief_core::countries;
use brief_core::lang::Lang;
use brief_core::load::{LoadOptions, load_dir};
use brief_core::query::{
    Entity, MAX_TERMS, MAX_WORD_CHARS, Notice, Query, plural_forms, read_entity,
};
use brief_core::search::reading::Reading;
use brief_core::search::{ReadAs, explain, search, typo_budget, typo_distance, typo_match};
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

fn parse(q: &str) -> Query {
    Query::parse(q, &corpus().registry).unwrap_or_else(|e| panic!("'{q}' should parse: {e}"))
}

fn ranked(q: &str) -> Vec<String> {
    search(corpus(), &parse(q), &Selection::default())
        .iter()
        .map(|h| corpus().briefings[h.doc].id.to_string())
        .collect()
}

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

fn concerning(code: &str) -> Vec<String> {
    let c = brief_core::query::parse_country(code).expect("country");
    let mut ids: Vec<String> = corpus()
        .briefings
        .iter()
        .filter(|b| b.countries.contains(&c) || b.location.country == Some(c))
        .map(|b| b.id.to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_fixture_folder_reads_without_problems() {
    assert!(corpus().problems.is_empty(), "{:?}", corpus().problems);
    assert!(!corpus().registry.topics().is_empty());
}

#[test]
fn royaume_uni_in_every_form_finds_the_united_kingdom_only() {
    let uk = concerning("GB");
    assert_eq!(uk, [CHANNEL]);
    for q in [
        "Royaume-Uni",
        "royaume uni",
        "ROYAUME-UNI",
        "United Kingdom",
        "UK",
        "GB",
    ] {
        assert_eq!(found(q), uk, "{q}");
        let query = parse(q);
        assert_eq!(query.terms.len(), 1, "{q} is one term");
        assert!(
            matches!(query.terms[0].entity, Some(Entity::Country(c)) if c.as_str() == "GB"),
            "{q}"
        );
    }
    // "Royaume de Belgique" is not the United Kingdom.
    assert!(!found("Royaume-Uni").contains(&BRUSSELS.to_string()));
}

#[test]
fn etats_unis_never_matches_etats_membres_or_tunisie() {
    for q in [
        "etats-unis",
        "États-Unis",
        "etats unis",
        "USA",
        "United States",
    ] {
        assert!(found(q).is_empty(), "{q}: {:?}", found(q));
        assert!(
            matches!(parse(q).terms[0].entity, Some(Entity::Country(c)) if c.as_str() == "US"),
            "{q}"
        );
    }
}

#[test]
fn pays_bas_and_other_countries_find_what_concerns_them_or_names_them() {
    for (q, code) in [
        ("Pays-Bas", "NL"),
        ("pays bas", "NL"),
        ("Netherlands", "NL"),
        ("Niger", "NE"),
        ("Nigeria", "NG"),
        ("Tunisie", "TN"),
        ("Belgique", "BE"),
    ] {
        let hits = found(q);
        for id in concerning(code) {
            assert!(hits.contains(&id), "{q}: {id} concerns {code}");
        }
        // Every other hit names the country in its text.
        for id in hits.iter().filter(|id| !concerning(code).contains(id)) {
            let doc = corpus().position(id).expect("doc");
            let why = explain(corpus(), &parse(q), doc);
            assert!(
                why.iter()
                    .any(|m| m.read_as == Some(ReadAs::Country(code.into()))),
                "{q}: {id} neither concerns nor names {code}: {why:?}"
            );
        }
    }
    // Niger is not Nigeria.
    assert!(!found("Niger").is_empty());
    assert_ne!(found("Niger"), found("Nigeria"));
}

#[test]
fn lower_case_codes_and_short_words_stay_words() {
    for w in ["ne", "de", "la", "et", "eau", "uk"] {
        assert!(
            parse(w).terms.iter().all(|t| t.entity.is_none()),
            "{w} is a word"
        );
    }
    assert!(parse("NE").terms[0].entity.is_some());
}

#[test]
fn uk_puts_the_united_kingdom_first_not_ukraine() {
    let r = ranked("UK");
    assert_eq!(r.first().map(String::as_str), Some(CHANNEL));
}

#[test]
fn actors_are_read_by_any_name_multi_word_included() {
    let oim = sorted(&[BRUSSELS, ITALY]);
    for q in [
        "OIM",
        "IOM",
        "l'OIM",
        "Organisation internationale pour les migrations",
        "International Organization for Migration",
    ] {
        assert_eq!(found(q), oim, "{q}");
        assert!(
            matches!(parse(q).terms.as_slice(), [t] if matches!(t.entity, Some(Entity::Actor(_)))),
            "{q}: {:?}",
            parse(q).terms
        );
    }
}

#[test]
fn an_entity_match_says_how_it_was_read() {
    let query = parse("Royaume-Uni");
    let hits = search(corpus(), &query, &Selection::default());
    let why = explain(corpus(), &query, hits[0].doc);
    assert!(
        why.iter()
            .all(|m| m.read_as == Some(ReadAs::Country("GB".into())))
    );
    let json = serde_json::to_string(&why[0]).expect("json");
    assert!(json.contains(r#""read_as":{"country":"GB"}"#), "{json}");
    let reading: Vec<String> = Reading::of(&query, &corpus().registry)
        .iter()
        .map(|r| r.message(Lang::En))
        .collect();
    assert_eq!(reading, ["royaume uni → country GB"]);
}

#[test]
fn actor_filters_forgive_a_word_prefix_and_unknown_values_are_answers() {
    // Word prefix on any name or alias, accents and case folded.
    assert_eq!(found("acteur:frontex"), found("acteur:Frontex"));
    assert_eq!(found("acteur:garde-front"), found("acteur:Frontex"));
    assert_eq!(found("acteur:europeenne de garde"), found("acteur:Frontex"));
    // (UNHCR is in the built-in registry: Zorglub is in none.)
    let e = Query::parse("acteur:Zorglub", &corpus().registry).expect_err("unknown");
    assert!(e.is_unknown_value(), "{e}");
    let e = Query::parse("acteur:Frontx", &corpus().registry).expect_err("unknown");
    assert!(e.to_string().contains("Frontex"), "a suggestion: {e}");
    // The country table is complete: a country it does not know is a mistake.
    let e = Query::parse("pays:Narnia", &corpus().registry).expect_err("unknown");
    assert!(!e.is_unknown_value());
    let e = Query::parse("année:20x1", &corpus().registry).expect_err("malformed");
    assert!(!e.is_unknown_value());
}

#[test]
fn topics_read_english_words_into_french_briefings() {
    let smuggling = found("smuggling");
    for id in [EMSC_2019, MAURITANIA, ITALY] {
        assert!(smuggling.contains(&id.to_string()), "smuggling: {id}");
    }
    // Its briefings, and those naming it in any form (an actor's name, here).
    for id in found("\"trafic de migrants\"") {
        assert!(smuggling.contains(&id), "{id}");
    }
    assert_eq!(found("shipwreck"), [CHANNEL]);
    assert_eq!(found("Channel"), [CHANNEL]);
    assert_eq!(
        found("sujet:smuggling"),
        found("sujet:\"trafic de migrants\"")
    );
    assert_eq!(found("topic:trafficking"), found("sujet:traite"));
    assert!(found("trafficking").len() >= 5);
    assert_eq!(found("sujet:nothing-like-it"), Vec::<String>::new());
}

#[test]
fn typos_of_each_kind_find_the_word() {
    for (typo, id) in [
        ("naufrge", CHANNEL),   // drop
        ("naufraage", CHANNEL), // add
        ("naufrege", CHANNEL),  // substitute
        ("nuafrage", CHANNEL),  // swap
        ("intergouvernemantale", CHANNEL),
        ("mauritanniene", MAURITANIA), // two edits, 13 letters
    ] {
        assert!(found(typo).contains(&id.to_string()), "{typo}");
    }
    // Under 5 letters, no typo is forgiven.
    assert!(found("oimx").is_empty() || found("oimx") != found("OIM"));
}

#[test]
fn a_correctly_spelled_query_is_not_widened_by_typos() {
    // `frontx` is found as typed (fuzzily): typos add nothing to it.
    assert_eq!(found("frontx"), sorted(&[CHANNEL, BRUSSELS]));
    assert_eq!(found("naufrage"), [CHANNEL]);
}

#[test]
fn the_typo_rule_counts_edits_exactly() {
    assert_eq!(typo_budget("oim"), 0);
    assert_eq!(typo_budget("niger"), 1);
    assert_eq!(typo_budget("frontieres"), 2);
    assert_eq!(typo_distance("nuafrage", "naufrage", 1, false), Some(1));
    assert_eq!(typo_distance("naufrge", "naufrage", 1, false), Some(1));
    assert_eq!(typo_distance("naufrege", "naufrage", 1, false), Some(1));
    assert_eq!(typo_distance("nufrge", "naufrage", 1, false), None);
    assert_eq!(typo_distance("nufrge", "naufrage", 2, false), Some(2));
    // The budget is that of the longer word: `cdre` is `cadre` less a letter.
    assert_eq!(typo_match("cdre", "cadre", false), Some(1));
    assert_eq!(typo_match("oim", "oims", false), None);
    assert_eq!(typo_match("frontieers", "frontieres", false), Some(1));
    assert_eq!(typo_match("frnotieers", "frontieres", false), Some(2));
    assert_eq!(typo_match("frnotieersx", "frontieres", false), None);
    // The word being typed matches a prefix with typos.
    assert_eq!(typo_distance("nuafr", "naufrage", 1, true), Some(1));
    assert_eq!(typo_distance("nuafr", "naufrage", 1, false), None);
}

#[test]
fn the_smart_accent_rule() {
    // Unaccented: both, plain text first.
    let traite = found("traite");
    assert!(traite.contains(&BRUSSELS.to_string()));
    // Typed accent: that accent only (the Brussels text has "ont traité des problèmes").
    assert_eq!(found("traité"), [BRUSSELS]);
    // Quoted: as written, so "traite" is not "traité".
    let quoted = found("\"traite\"");
    assert!(quoted.len() >= 5, "{quoted:?}");
    assert_eq!(found("\"traité\""), [BRUSSELS]);
    let r = ranked("traite");
    assert_ne!(r.first().map(String::as_str), Some(BRUSSELS), "{r:?}");
}

#[test]
fn plurals_and_elisions_meet() {
    assert_eq!(found("passeurs"), found("passeur"));
    assert!(!found("passeurs").is_empty());
    assert_eq!(found("reseau"), found("reseaux"));
    assert!(!found("reseau").is_empty());
    assert_eq!(plural_forms("journal"), ["journaux"]);
    assert!(plural_forms("journaux").contains(&"journal".to_string()));
    assert_eq!(plural_forms("reseaux")[2], "reseau");
    assert_eq!(plural_forms("passeurs"), ["passeur"]);
    assert_eq!(found("d'Europol"), found("Europol"));
    let q = parse("qu'il");
    assert_eq!(q.terms.len(), 1);
    assert_eq!(q.terms[0].words, ["il"]);
}

#[test]
fn queries_of_only_operators_are_errors() {
    for q in ["-", "\"\"", "*", ":", " - \"\" * ", "--", "-\"\""] {
        let e = Query::parse(q, &corpus().registry).expect_err(q);
        assert!(!e.is_unknown_value(), "{q}");
        assert!(e.to_string().contains("nothing to search for"), "{e}");
    }
    // The empty query still lists everything.
    assert!(Query::parse("", &corpus().registry).is_ok());
    assert!(Query::parse("   ", &corpus().registry).is_ok());
}

#[test]
fn huge_queries_are_cut_with_a_notice() {
    let long = "a".repeat(130_000);
    let q = parse(&long);
    assert_eq!(q.terms[0].words[0].chars().count(), MAX_WORD_CHARS);
    assert_eq!(q.notices, [Notice::WordsCut]);
    let many: Vec<String> = (0..500).map(|i| format!("mot{i}")).collect();
    let q = parse(&many.join(" "));
    assert_eq!(q.terms.len(), MAX_TERMS);
    assert!(q.notices.contains(&Notice::TermsCut));
    let started = std::time::Instant::now();
    let _ = search(
        corpus(),
        &parse(&format!("{long} {}", many.join(" "))),
        &Selection::default(),
    );
    assert!(started.elapsed().as_secs() < 5);
}

/// Every name of the country table, as written: read as that country.
#[test]
fn every_country_table_name_is_read_as_its_country() {
    let registry = &corpus().registry;
    for c in countries::all() {
        for name in c.names() {
            let letters = name.chars().filter(|c| c.is_alphanumeric()).count();
            // Short names count only in capitals, as they are in the table.
            if letters <= 3 && name.chars().any(char::is_lowercase) {
                continue;
            }
            // Common words first ("réunion" is a meeting), countries with more words.
            if ["reunion", "maurice", "jersey", "chad", "turkey", "georgia"]
                .contains(&brief_core::text::fold(name).as_str())
            {
                assert!(read_entity(name, registry).is_none(), "{name}");
                continue;
            }
            let q = Query::parse(name, registry).expect("parses");
            let read: Vec<_> = q.terms.iter().map(|t| t.entity).collect();
            assert!(
                matches!(read.as_slice(), [Some(Entity::Country(x))] if x.as_str() == c.code),
                "{name} ({}) read as {read:?}",
                c.code
            );
        }
    }
}

/// Every name, acronym and alias of the registry: read as its actor.
#[test]
fn every_registry_alias_is_read_as_its_actor() {
    let registry = &corpus().registry;
    for (id, a) in registry.actors().iter().enumerate() {
        for name in a.names() {
            let letters = name.chars().filter(|c| c.is_alphanumeric()).count();
            if letters <= 3 && name.chars().any(char::is_lowercase) {
                continue;
            }
            let read = read_entity(name, registry);
            // A country's name taken by an actor reads as the country.
            if matches!(read, Some(Entity::Country(_))) {
                continue;
            }
            assert_eq!(read, Some(Entity::Actor(id)), "{name}");
            let q = Query::parse(name, registry).expect("parses");
            assert_eq!(q.terms.len(), 1, "{name}: {:?}", q.terms);
        }
    }
    for (id, t) in registry.topics().all().iter().enumerate() {
        for name in t.names() {
            let read = read_entity(name, registry);
            assert!(
                read == Some(Entity::Topic(id)) || matches!(read, Some(Entity::Actor(_))),
                "{name}: {read:?}"
            );
        }
    }
}

fn typo_of(word: &str, kind: usize, at: usize) -> String {
    let mut c: Vec<char> = word.chars().collect();
    let i = at % c.len();
    match kind % 4 {
        0 => {
            c.remove(i);
        }
        1 => c.insert(i, 'x'),
        2 => c[i] = if c[i] == 'z' { 'y' } else { 'z' },
        _ => {
            let j = (i + 1).min(c.len() - 1);
            c.swap(i.min(j.saturating_sub(1)), j);
        }
    }
    c.into_iter().collect()
}

proptest! {
    /// One edit in a word of 5 letters or more of a title finds its briefing.
    #[test]
    fn one_typo_in_a_title_word_still_finds_the_briefing(
        doc in 0usize..8, pick in 0usize..100, kind in 0usize..4, at in 0usize..20
    ) {
        let b = &corpus().briefings[doc % corpus().briefings.len()];
        let words: Vec<String> = brief_core::query::words(&b.title)
            .into_iter()
            .filter(|w| w.chars().count() >= 5 && w.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        prop_assume!(!words.is_empty());
        let word = &words[pick % words.len()];
        let typo = typo_of(word, kind, at);
        prop_assume!(typo != *word);
        let d = typo_distance(&typo, word, 2, false);
        prop_assert_eq!(d, Some(1), "{} -> {}", word, typo);
        // Typos forgive a word found nowhere as typed; a typo that is itself
        // found (fuzzily: `imgration` in "immigration") is read as typed.
        let q = parse(&format!("{typo} "));
        let as_typed = !search(corpus(), &q, &Selection::default()).is_empty()
            && !found(&format!("{typo} ")).contains(&b.id.to_string());
        prop_assert!(found(&format!("{typo} ")).contains(&b.id.to_string()) || as_typed, "{} -> {}", word, typo);
    }

    /// A word matched without typos keeps its results: no typo match is added.
    #[test]
    fn no_typo_match_outranks_or_joins_an_exact_one(pick in 0usize..200) {
        let words: Vec<String> = corpus().briefings.iter()
            .flat_map(|b| brief_core::query::words(&b.title))
            .filter(|w| w.chars().count() >= 5)
            .collect();
        let w = &words[pick % words.len()];
        let hits = found(w);
        prop_assert!(!hits.is_empty());
        let q = parse(w);
        for id in &hits {
            let doc = corpus().position(id).expect("doc");
            // Each hit matched the word as typed or as an entity, never by typo.
            prop_assert!(!explain(corpus(), &q, doc).is_empty(), "{}", w);
        }
    }
}

/// Ireland is named inside the United Kingdom's full name ("… et d'Irlande du
/// Nord"): a fragment of another country's name, so `IE` and `Irlande` do not
/// find the Channel meeting, which concerns the United Kingdom only.
#[test]
fn a_country_named_inside_another_countrys_name_is_not_found_there() {
    let channel = "2021-11-28-manche-mer-du-nord-reunion-intergouvernementale";
    for q in ["IE", "Irlande", "Ireland"] {
        assert!(!found(q).contains(&channel.to_string()), "{q}");
    }
    // The United Kingdom itself still is, by every name.
    for q in ["GB", "Royaume-Uni", "Grande-Bretagne"] {
        assert!(found(q).contains(&channel.to_string()), "{q}");
    }
}

/// Reads `typed` as the search reads it with typos, knowing no corpus word.
fn read_with_typos(typed: &str) -> Vec<(Option<Entity>, Option<String>)> {
    Query::parse_with(typed, &corpus().registry, &|_| false)
        .unwrap_or_else(|e| panic!("'{typed}' should parse: {e}"))
        .terms
        .into_iter()
        .map(|t| (t.entity, t.typo))
        .collect()
}

/// `name` with one letter of its `word`-th word (of 5 letters or more)
/// substituted at `at`, as folded words.
fn substituted(name: &str, word: usize, at: usize) -> Option<String> {
    let mut w = brief_core::query::words(name);
    let target = w.get_mut(word)?;
    let mut c: Vec<char> = target.chars().collect();
    if c.len() < 5 || !c.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let i = at % c.len();
    c[i] = if c[i] == 'q' { 'w' } else { 'q' };
    *target = c.into_iter().collect();
    Some(w.join(" "))
}

/// Every entity (country or registered actor) one of whose names is within
/// one edit of `typed`, folded, comparing whole names.
fn entities_within_one_edit(typed: &str) -> Vec<Entity> {
    let registry = &corpus().registry;
    let key = |n: &str| brief_core::query::words(n).join(" ");
    let typed = key(typed);
    let mut out = Vec::new();
    let mut add = |e: Entity, n: &str| {
        if typo_distance(&typed, &key(n), 1, false).is_some() && !out.contains(&e) {
            out.push(e);
        }
    };
    for c in countries::all() {
        for n in c.names().skip(1) {
            let code = brief_core::query::parse_country(c.code).expect("table code");
            add(Entity::Country(code), n);
        }
    }
    for (id, a) in registry.actors().iter().enumerate() {
        for n in a.names() {
            add(Entity::Actor(id), n);
        }
    }
    out
}

/// Checks that a name of `entity`, misspelt, is read as it with a typo, or as
/// an exact name when the misspelling is one, or not at all when another
/// entity is as close.
fn assert_misspelt_reads_as(name: &str, entity: Entity) -> usize {
    let registry = &corpus().registry;
    let mut checked = 0;
    // Acronyms count typed in capitals, as written.
    let caps = !name.chars().any(char::is_lowercase);
    for word in 0..brief_core::query::words(name).len() {
        for at in [0, 2, 5] {
            let Some(typed) = substituted(name, word, at) else {
                continue;
            };
            let typed = if caps { typed.to_uppercase() } else { typed };
            let read = read_with_typos(&typed);
            // An exact reading of what was typed wins over any typo reading.
            if let Some(exact) = read_entity(&typed, registry) {
                assert_eq!(read, vec![(Some(exact), None)], "{typed} (from {name})");
                continue;
            }
            let close = entities_within_one_edit(&typed);
            checked += 1;
            if close.len() > 1 {
                assert!(
                    read.len() != 1 || read[0].0.is_none() || close.contains(&entity),
                    "{typed} (from {name}): {read:?}, close: {close:?}"
                );
                continue;
            }
            assert_eq!(
                read,
                vec![(Some(entity), Some(typed.clone()))],
                "{typed} (from {name})"
            );
        }
    }
    checked
}

/// Every name of the country table with one letter substituted in a word
/// of 5 letters or more: read as its country, unless another is as close.
#[test]
fn every_country_table_name_misspelt_is_read_as_its_country() {
    let mut checked = 0;
    for c in countries::all() {
        let code = brief_core::query::parse_country(c.code).expect("table code");
        for name in c.names().skip(1) {
            if ["reunion", "maurice", "jersey", "chad", "turkey", "georgia"]
                .contains(&brief_core::text::fold(name).as_str())
            {
                continue;
            }
            checked += assert_misspelt_reads_as(name, Entity::Country(code));
        }
    }
    assert!(checked > 500, "{checked}");
}

/// Every name and alias of the registry with one letter substituted in a
/// word of 5 letters or more: read as its actor, unless another is as close.
#[test]
fn every_registry_alias_misspelt_is_read_as_its_actor() {
    let registry = &corpus().registry;
    let mut checked = 0;
    for (id, a) in registry.actors().iter().enumerate() {
        if !a.registered {
            continue;
        }
        for name in a.names() {
            // A country's name taken by an actor reads as the country.
            let entity = match read_entity(name, registry) {
                Some(Entity::Country(c)) => Entity::Country(c),
                _ => Entity::Actor(id),
            };
            checked += assert_misspelt_reads_as(name, entity);
        }
    }
    assert!(checked > 20, "{checked}");
}

#[test]
fn names_typed_with_a_typo_are_read_as_their_entity() {
    let registry = &corpus().registry;
    let oim = registry.resolve("OIM").expect("OIM is registered");
    let europol = registry.resolve("Europol").expect("Europol is registered");
    let gb = Entity::Country(brief_core::query::parse_country("GB").expect("GB"));
    for (typed, entity) in [
        ("Royame-Uni", gb),
        ("royaume unni", gb),
        ("Royaume-Unii", gb),
        (
            "Organisation internationale pour les migratons",
            Entity::Actor(oim),
        ),
        ("Eurpol", Entity::Actor(europol)),
    ] {
        assert_eq!(
            read_with_typos(typed),
            vec![(Some(entity), Some(typed.to_string()))],
            "{typed}"
        );
        // The corpus does not know the misspelt word: the search reads it so too.
        let q = brief_core::search::parse_query(corpus(), typed).expect("parses");
        assert_eq!(q.terms.len(), 1, "{typed}");
        assert_eq!(q.terms[0].entity, Some(entity), "{typed}");
    }
    // Two edits in a word of 8 letters: beyond the budget of one.
    assert!(read_with_typos("Fronteks").iter().all(|(e, _)| e.is_none()));
    // Codes and short acronyms carry no typo (fewer than 5 letters).
    assert!(read_with_typos("UX").iter().all(|(e, _)| e.is_none()));
    assert!(read_with_typos("OIN").iter().all(|(e, _)| e.is_none()));
    // `Query::parse` alone, without the corpus's words, reads no typo.
    assert!(parse("Royame-Uni").terms.iter().all(|t| t.entity.is_none()));
}

#[test]
fn a_word_the_corpus_knows_is_not_read_as_a_misspelt_name() {
    // `italien` is one edit from `Italie`, and a word of the fixture's text.
    assert_eq!(
        read_with_typos("italien"),
        vec![(
            Some(Entity::Country(
                brief_core::query::parse_country("IT").expect("IT")
            )),
            Some("italien".to_string())
        )]
    );
    let q = brief_core::search::parse_query(corpus(), "italien").expect("parses");
    assert_eq!(q.terms.len(), 1);
    assert_eq!(q.terms[0].entity, None);
    assert_eq!(found("italien"), {
        let mut ids: Vec<String> = search(corpus(), &q, &Selection::default())
            .iter()
            .map(|h| corpus().briefings[h.doc].id.to_string())
            .collect();
        ids.sort();
        ids
    });
    // Told the word is known, a misspelt name stays a word.
    let q = Query::parse_with("Eurpol", &corpus().registry, &|w| w == "eurpol").expect("parses");
    assert_eq!(q.terms[0].entity, None);
}

/// A typo reading finds what the exact name finds, and an exact name
/// (anywhere in the run) is read exactly, never by typo.
#[test]
fn no_typo_reading_outranks_an_exact_one() {
    let exact = ranked("Royaume-Uni");
    let q = brief_core::search::parse_query(corpus(), "Royame-Uni").expect("parses");
    let typo: Vec<String> = search(corpus(), &q, &Selection::default())
        .iter()
        .map(|h| corpus().briefings[h.doc].id.to_string())
        .collect();
    assert!(!exact.is_empty());
    assert_eq!(typo, exact);
    // `Niger` is a name: not a misspelt `Nigeria`, nor swallowed with the next word.
    let read = read_with_typos("Niger Nigeria");
    let ne = brief_core::query::parse_country("NE").expect("NE");
    let ng = brief_core::query::parse_country("NG").expect("NG");
    assert_eq!(
        read,
        vec![
            (Some(Entity::Country(ne)), None),
            (Some(Entity::Country(ng)), None)
        ]
    );
    // Every correctly spelled name reads the same with typos allowed.
    for c in countries::all() {
        for name in c.names().skip(1) {
            let plain: Vec<_> = Query::parse(name, &corpus().registry)
                .expect("parses")
                .terms
                .into_iter()
                .map(|t| t.entity)
                .collect();
            if plain.iter().all(Option::is_some) {
                let with: Vec<_> = read_with_typos(name).into_iter().map(|(e, _)| e).collect();
                assert_eq!(with, plain, "{name}");
            }
        }
    }
}

/// A misspelt name of something the corpus neither concerns nor names is
/// read as words: `inder` (Zinder less a letter, or Inde plus one) finds Zinder.
#[test]
fn a_misspelt_name_of_nothing_in_the_corpus_stays_a_word() {
    assert!(matches!(
        read_with_typos("inder").as_slice(),
        [(Some(Entity::Country(_)), Some(_))]
    ));
    let q = brief_core::search::parse_query(corpus(), "inder").expect("parses");
    assert_eq!(q.terms.len(), 1);
    assert_eq!(q.terms[0].entity, None);
    let hits = search(corpus(), &q, &Selection::default());
    assert!(
        hits.iter()
            .any(|h| corpus().briefings[h.doc].id == "2023-01-30-zinder-anltp-tim-naptip-victimes"),
        "{hits:?}"
    );
}
