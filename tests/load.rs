//! The loader, on valid files and on each kind of broken file. Every broken
//! file sits in a folder beside a good one: the good one must still load, and
//! the problem must name the right file, with a line where the parser knows it,
//! a severity and a plain message.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use brief_core::load::{LoadError, LoadOptions, load_dir};
use brief_core::{Folder, PartialDate, Problem, Severity};
use tempfile::TempDir;

const GOOD: &str = "\
id: good-one
title: \"Une réunion qui se charge\"
date: 2021-11-28
countries: [FR, Belgique]
topics: [trafic de migrants]
body: |
  Un paragraphe.
";

const REGISTRY: &str = "\
- id: cidpm
  name: \"Centre international pour le développement des politiques migratoires\"
  short: \"CIDPM\"
  aliases: [\"ICMPD\", \"International Centre for Migration Policy Development\"]
  kind: organisation
- id: frontex
  name: \"Frontex\"
  aliases: [\"Agence européenne de garde-frontières et de garde-côtes\"]
  kind: eu-agency
";

/// A folder holding `files` (relative path, bytes).
fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, bytes).expect("write");
    }
    dir
}

fn load(dir: &Path) -> Folder {
    load_dir(dir, &LoadOptions::default(), &|_, _| {}).expect("folder loads")
}

fn ids(corpus: &Folder) -> Vec<&str> {
    corpus.briefings.iter().map(|b| b.id.as_str()).collect()
}

/// Loads a folder with `GOOD` beside `bad.yaml` holding `bad`; checks the good
/// one loaded and returns the problems of the bad file (there must be some).
fn broken(bad: &[u8]) -> (Folder, Vec<Problem>) {
    broken_with(bad, &LoadOptions::default())
}

fn broken_with(bad: &[u8], opts: &LoadOptions) -> (Folder, Vec<Problem>) {
    let dir = folder(&[("good.yaml", GOOD.as_bytes()), ("bad.yaml", bad)]);
    let corpus = load_dir(dir.path(), opts, &|_, _| {}).expect("folder loads");
    assert!(
        corpus.get("good-one").is_some(),
        "the good file must still load beside a broken one; problems: {:?}",
        corpus.problems
    );
    let bad_path = dir.path().join("bad.yaml");
    let good_path = dir.path().join("good.yaml");
    assert!(
        corpus.problems.iter().all(|p| p.path != good_path),
        "the good file has no problem: {:?}",
        corpus.problems
    );
    let problems: Vec<Problem> = corpus
        .problems
        .iter()
        .filter(|p| p.path == bad_path)
        .cloned()
        .collect();
    assert!(
        !problems.is_empty(),
        "the broken file must be reported: {:?}",
        corpus.problems
    );
    (corpus, problems)
}

/// The single error of a broken file.
fn one_error(problems: &[Problem]) -> &Problem {
    let errors: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "exactly one error expected: {problems:?}");
    errors[0]
}

#[test]
fn a_valid_file_loads_every_field() {
    let text = "\
id: 2019-02-emsc
title: \"L’UE s’attaque au trafic de migrants\"
date: 2019-02-25
end_date: 2019-02-26
date_note: \"Deux jours.\"
published: 2019-03
location: { city: La Valette, country: Malte, online: true }
language: en
summary: \"  Un résumé.  \"
actors:
  - name: CIDPM
    role: co-organisateur
    kind: organisation
  - name: Frontex
countries: [JO, Liban, Tunisia]
topics: [trafic de migrants, fraude documentaire]
source: { publisher: CIDPM, url: \"https://example.org/a\", translations: [en, ar] }
body: |
  Premier paragraphe,
  sur deux lignes.

  Second paragraphe.
related: [good-one]
";
    let dir = folder(&[
        ("actors.yaml", REGISTRY.as_bytes()),
        ("good.yaml", GOOD.as_bytes()),
        ("full.yaml", text.as_bytes()),
    ]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let b = corpus.get("2019-02-emsc").expect("loaded");
    assert_eq!(b.title, "L’UE s’attaque au trafic de migrants");
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2019-02-25"));
    assert_eq!(
        b.end_date.map(|d| d.to_string()).as_deref(),
        Some("2019-02-26")
    );
    assert_eq!(b.date_label(), "2019-02-25 → 2019-02-26");
    assert_eq!(b.date_note.as_deref(), Some("Deux jours."));
    assert_eq!(
        b.published.map(|d| d.to_string()).as_deref(),
        Some("2019-03")
    );
    assert_eq!(b.location.city.as_deref(), Some("La Valette"));
    assert_eq!(
        b.location.country.map(|c| c.to_string()).as_deref(),
        Some("MT")
    );
    assert!(b.location.online);
    assert_eq!(b.language, "en");
    assert_eq!(b.summary.as_deref(), Some("Un résumé."));
    let codes: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
    assert_eq!(codes, ["JO", "LB", "TN"]);
    assert_eq!(b.topics, ["trafic de migrants", "fraude documentaire"]);
    assert_eq!(b.source.publisher.as_deref(), Some("CIDPM"));
    assert_eq!(b.source.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(b.source.translations, ["en", "ar"]);
    assert_eq!(b.related, ["good-one"]);
    assert_eq!(
        b.paragraphs(),
        ["Premier paragraphe, sur deux lignes.", "Second paragraphe."]
    );
    assert_eq!(b.path, dir.path().join("full.yaml"));

    let actors: Vec<(&str, Option<&str>, &str)> = b
        .actors
        .iter()
        .map(|r| {
            let a = corpus.actor(r.actor).expect("actor exists");
            (a.id.as_str(), r.role.as_deref(), r.written.as_str())
        })
        .collect();
    assert_eq!(
        actors,
        [
            ("cidpm", Some("co-organisateur"), "CIDPM"),
            ("frontex", None, "Frontex")
        ]
    );
}

#[test]
fn id_defaults_to_the_file_name_and_language_to_french() {
    let dir = folder(&[("une-reunion.yaml", b"title: Sans id\n")]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let b = corpus.get("une-reunion").expect("id from the file name");
    assert_eq!(b.language, "fr");
    assert!(b.date.is_none());
    assert!(b.body.is_empty());
}

#[test]
fn invalid_yaml_syntax_is_an_error_with_its_line() {
    let (_, problems) = broken(b"title: \"ok\"\ncountries: [FR, BE\ntopics: [a]\n");
    let p = one_error(&problems);
    assert!(p.line.is_some(), "the parser knows where: {p:?}");
    assert!(p.column.is_some(), "{p:?}");
    assert!(!p.message.is_empty());
    assert!(
        !p.message.contains(" at line "),
        "the position is reported once, as path:line:col, not again in the message: {p}"
    );
    assert!(p.to_string().starts_with(&format!("{}:", p.path.display())));
}

#[test]
fn a_tab_indented_mapping_is_an_error_not_a_crash() {
    let (_, problems) = broken(b"title: x\nlocation:\n\tcity: Calais\n");
    let p = one_error(&problems);
    assert!(p.line.is_some(), "{p:?}");
}

#[test]
fn a_wrong_type_is_an_error_naming_the_field_and_line() {
    let (_, problems) = broken(b"title: \"Titre\"\ntopics: 3\nbody: x\n");
    let p = one_error(&problems);
    assert_eq!(p.line, Some(2), "{p:?}");
    assert!(
        p.message.contains("topics"),
        "the message names the field: {p}"
    );
    assert!(
        p.message.contains("sequence") || p.message.contains("list"),
        "the message says what was expected: {p}"
    );
}

#[test]
fn a_duplicate_key_is_an_error_not_a_silent_overwrite() {
    let (corpus, problems) = broken(b"id: twice\ntitle: Premier\ntitle: Second\n");
    let p = one_error(&problems);
    assert!(p.message.contains("duplicate"), "{p}");
    assert!(p.message.contains("title"), "{p}");
    assert_eq!(p.line, Some(3), "the second one: {p:?}");
    assert!(p.message.contains("line 2"), "names the first: {p}");
    assert!(corpus.get("twice").is_none());
}

#[test]
fn a_missing_title_is_an_error() {
    let (_, problems) = broken(b"id: sans-titre\ndate: 2021\nbody: x\n");
    let p = one_error(&problems);
    assert!(p.message.contains("title"), "{p}");
    assert!(p.message.contains("missing"), "{p}");
}

#[test]
fn an_empty_title_is_an_error_at_its_line() {
    let (corpus, problems) = broken(b"id: vide\ndate: 2021\ntitle: \"   \"\n");
    let p = one_error(&problems);
    assert_eq!(p.line, Some(3), "{p:?}");
    assert!(p.message.contains("title is empty"), "{p}");
    assert!(corpus.get("vide").is_none());
}

#[test]
fn an_unknown_field_is_an_error_with_did_you_mean() {
    let (corpus, problems) = broken(b"id: typo\ntitle: x\ncontries: [FR]\n");
    let p = one_error(&problems);
    assert!(
        p.message.contains("did you mean 'countries'"),
        "a typo must never silently drop data: {p}"
    );
    assert!(p.message.contains("contries"), "{p}");
    assert_eq!(p.line, Some(3), "{p:?}");
    assert!(corpus.get("typo").is_none());
}

#[test]
fn an_unknown_nested_field_is_an_error_too() {
    let (_, problems) = broken(b"title: x\nlocation: { city: Calais, contry: FR }\n");
    let p = one_error(&problems);
    assert!(p.message.contains("contry"), "{p}");
    assert_eq!(p.line, Some(2), "{p:?}");
}

#[test]
fn an_impossible_date_is_an_error_at_its_line() {
    let (_, problems) = broken(b"title: x\ndate: 2021-02-30\n");
    let p = one_error(&problems);
    assert_eq!(p.line, Some(2), "{p:?}");
    assert!(p.message.contains("2021-02-30"), "{p}");
    assert!(p.message.contains("date"), "{p}");
}

#[test]
fn a_malformed_date_is_an_error() {
    let (_, problems) = broken(b"title: x\ndate: 28/11/2021\n");
    let p = one_error(&problems);
    assert!(p.message.contains("YYYY-MM-DD"), "{p}");
}

#[test]
fn an_end_date_before_the_date_is_an_error() {
    let (_, problems) = broken(b"title: x\ndate: 2021-11-28\nend_date: 2021-11-27\n");
    let p = one_error(&problems);
    assert_eq!(p.line, Some(3), "{p:?}");
    assert!(p.message.contains("end_date"), "{p}");
    assert!(p.message.contains("before"), "{p}");
}

#[test]
fn an_end_date_in_the_same_partial_period_is_fine() {
    let dir = folder(&[("a.yaml", b"title: x\ndate: 2021-11-28\nend_date: 2021-11\n")]);
    let corpus = load(dir.path());
    assert!(
        corpus
            .problems
            .iter()
            .all(|p| p.severity != Severity::Error),
        "{:?}",
        corpus.problems
    );
}

#[test]
fn an_unknown_country_is_an_error_with_a_suggestion() {
    let (_, problems) = broken(b"title: x\ncountries:\n  - FR\n  - Tunisei\n");
    let p = one_error(&problems);
    assert!(p.message.contains("unknown country 'Tunisei'"), "{p}");
    assert!(p.message.contains("Tunisie"), "suggests Tunisie: {p}");
    assert_eq!((p.line, p.column), (Some(4), Some(5)), "{p:?}");
}

#[test]
fn countries_resolve_from_codes_and_french_or_english_names() {
    let dir = folder(&[(
        "a.yaml",
        "title: x\ncountries: [tn, Pays-Bas, Netherlands, United Kingdom, Royaume-Uni, Côte d’Ivoire, Palestine, Grande-Bretagne]\n"
            .as_bytes(),
    )]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let codes: Vec<&str> = corpus.briefings[0]
        .countries
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        codes,
        ["TN", "NL", "GB", "CI", "PS"],
        "deduplicated, in order"
    );
}

#[test]
fn duplicate_ids_are_an_error_naming_both_files() {
    let dir = folder(&[
        ("a.yaml", b"id: same\ntitle: Premier\n"),
        ("b.yaml", b"id: same\ntitle: Second\n"),
        ("good.yaml", GOOD.as_bytes()),
    ]);
    let corpus = load(dir.path());
    assert!(corpus.get("good-one").is_some());
    let dups: Vec<&Problem> = corpus
        .problems
        .iter()
        .filter(|p| p.message.contains("duplicate id"))
        .collect();
    assert_eq!(dups.len(), 1, "{:?}", corpus.problems);
    let p = dups[0];
    assert_eq!(p.severity, Severity::Error);
    let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    let text = p.to_string();
    assert!(
        text.contains(&a.display().to_string()) && text.contains(&b.display().to_string()),
        "names both files: {text}"
    );
    assert_eq!(p.line, Some(1), "{p:?}");
    // Nothing disappears silently: one of the two stays reachable.
    assert_eq!(
        corpus.briefings.iter().filter(|b| b.id == "same").count(),
        1
    );
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_with_its_position() {
    let (_, problems) = broken(b"title: x\nbody: caf\xe9 cr\xe8me\n");
    let p = one_error(&problems);
    assert!(p.message.contains("UTF-8"), "{p}");
    assert_eq!((p.line, p.column), (Some(2), Some(10)), "{p:?}");
}

#[test]
fn utf8_with_bom_and_crlf_is_accepted() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(b"id: windows\r\ntitle: \"R\xc3\xa9union\"\r\ndate: 2021-11\r\nbody: |\r\n  Ligne un.\r\n\r\n  Ligne deux.\r\n");
    let dir = folder(&[("windows.yaml", &bytes), ("good.yaml", GOOD.as_bytes())]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let b = corpus.get("windows").expect("loaded");
    assert_eq!(b.title, "Réunion");
    assert!(!b.body.contains('\r'), "{:?}", b.body);
    assert_eq!(b.paragraphs(), ["Ligne un.", "Ligne deux."]);
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2021-11"));
}

#[test]
fn an_empty_file_is_an_error() {
    for empty in [&b""[..], b"\n  \n", b"\xef\xbb\xbf"] {
        let (_, problems) = broken(empty);
        let p = one_error(&problems);
        assert!(p.message.contains("empty"), "{p}");
    }
}

#[test]
fn a_comment_only_file_is_an_error_not_a_crash() {
    let (_, problems) = broken(b"# nothing here yet\n");
    one_error(&problems);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let big = format!("title: x\nbody: |\n  {}\n", "a".repeat(500));
    let opts = LoadOptions {
        max_file_size: 400,
        ..LoadOptions::default()
    };
    assert!(GOOD.len() < 400);
    let (_, problems) = broken_with(big.as_bytes(), &opts);
    let p = one_error(&problems);
    assert!(p.message.contains("limit"), "{p}");
    assert!(p.message.contains("400"), "{p}");
    assert_eq!(p.line, None, "not parsed, so no line: {p:?}");
}

#[test]
fn the_default_size_limit_is_one_mebibyte() {
    assert_eq!(LoadOptions::default().max_file_size, 1024 * 1024);
    let big = format!("title: x\nbody: |\n  {}\n", "a".repeat(1024 * 1024));
    let (_, problems) = broken(big.as_bytes());
    assert!(one_error(&problems).message.contains("limit"));
}

#[test]
fn a_yaml_alias_bomb_is_refused_not_expanded() {
    let bomb = "\
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
title: x
";
    let (_, problems) = broken(bomb.as_bytes());
    one_error(&problems);
}

/// A wide alias bomb inside a field that takes any value: 8 KB that the
/// parser alone would expand to a billion values (and gigabytes) before its
/// own alias limit stops it.
fn wide_alias_bomb() -> String {
    let list = |item: &str| format!("[{}]", vec![item; 1000].join(","));
    format!("[&a {}, &b {}, {}]", list("x"), list("*a"), list("*b"))
}

#[test]
fn a_wide_alias_bomb_in_a_briefing_is_refused_before_expanding() {
    let bomb = format!("title: x\ncountries: {}\n", wide_alias_bomb());
    let (_, problems) = broken(bomb.as_bytes());
    let p = one_error(&problems);
    assert!(p.message.contains("alias"), "{p}");
    assert_eq!(p.line, Some(2), "{p}");
}

#[test]
fn a_wide_alias_bomb_in_the_registry_is_refused_before_expanding() {
    let bomb = format!("- {}\n", wide_alias_bomb());
    let dir = folder(&[
        ("actors.yaml", bomb.as_bytes()),
        ("good.yaml", GOOD.as_bytes()),
    ]);
    let corpus = load(dir.path());
    assert_eq!(ids(&corpus), ["good-one"]);
    assert_eq!(corpus.problems.len(), 1, "{:?}", corpus.problems);
    assert!(corpus.problems[0].message.contains("alias"));
    assert!(corpus.problems[0].path.ends_with("actors.yaml"));
}

#[test]
fn aliases_that_expand_modestly_are_fine() {
    let text =
        "title: x\ntopics: &t [migration, traite]\nrelated: []\ndate_note: \"*important*\"\n";
    let dir = folder(&[("a.yaml", text.as_bytes())]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let text = "title: x\ncountries: &c [FR, BE]\nlocation: { country: FR }\ndate: &d 2021-01-02\npublished: *d\n";
    let dir = folder(&[("a.yaml", text.as_bytes())]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.briefings[0].published, corpus.briefings[0].date);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "title: x\ntopics: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (_, problems) = broken(deep.as_bytes());
    one_error(&problems);
    // Mappings inside a field that takes any value, and block style.
    let deep = format!(
        "title: x\ndate: {}b{}\n",
        "{a: ".repeat(10_000),
        "}".repeat(10_000)
    );
    let (_, problems) = broken(deep.as_bytes());
    assert!(one_error(&problems).message.contains("recursion limit"));
    let block: String = (0..1000)
        .map(|i| format!("{}k:\n", " ".repeat(i + 1)))
        .collect();
    let deep = format!("title: x\ndate:\n{block}{}v\n", " ".repeat(1001));
    let (_, problems) = broken(deep.as_bytes());
    one_error(&problems);
}

#[test]
fn an_unregistered_actor_is_a_warning_and_still_an_actor() {
    let text = "id: avec-inconnu\ntitle: x\nactors:\n  - name: CIDPM\n  - name: Groupe inconnu\n    kind: government\n";
    let dir = folder(&[
        ("actors.yaml", REGISTRY.as_bytes()),
        ("a.yaml", text.as_bytes()),
    ]);
    let corpus = load(dir.path());
    assert_eq!(corpus.count(Severity::Error), 0, "{:?}", corpus.problems);
    let warnings: Vec<&Problem> = corpus
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{:?}", corpus.problems);
    let w = warnings[0];
    assert_eq!(w.path, dir.path().join("a.yaml"));
    assert!(w.message.contains("Groupe inconnu"), "{w}");
    assert!(w.message.contains("actors.yaml"), "{w}");
    assert_eq!(w.line, Some(5), "{w:?}");
    assert!(w.to_string().contains(": warning: "), "{w}");

    let b = corpus.get("avec-inconnu").expect("loaded");
    assert_eq!(b.actors.len(), 2);
    let unknown = corpus.actor(b.actors[1].actor).expect("actor");
    assert!(!unknown.registered);
    assert_eq!(unknown.name, "Groupe inconnu");
    assert_eq!(unknown.kind, brief_core::ActorKind::Government);
    assert!(corpus.actor(b.actors[0].actor).expect("actor").registered);
}

#[test]
fn registry_aliases_resolve_to_one_actor() {
    let briefing = |id: &str, name: &str| {
        format!("id: {id}\ntitle: x\nactors:\n  - name: \"{name}\"\n    kind: other\n")
    };
    let a = briefing("a", "CIDPM");
    let b = briefing("b", "icmpd");
    let c = briefing(
        "c",
        "Centre international pour le developpement des politiques  migratoires",
    );
    let d = briefing("d", "International Centre for Migration Policy Development");
    let dir = folder(&[
        ("actors.yaml", REGISTRY.as_bytes()),
        ("a.yaml", a.as_bytes()),
        ("b.yaml", b.as_bytes()),
        ("c.yaml", c.as_bytes()),
        ("d.yaml", d.as_bytes()),
    ]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let actor_of = |id: &str| corpus.get(id).expect("loaded").actors[0].actor;
    let cidpm = corpus.registry.resolve("CIDPM").expect("registered");
    for id in ["a", "b", "c", "d"] {
        assert_eq!(actor_of(id), cidpm, "{id}");
    }
    let actor = corpus.actor(cidpm).expect("actor");
    assert_eq!(actor.id, "cidpm");
    assert_eq!(actor.short.as_deref(), Some("CIDPM"));
    assert_eq!(
        actor.kind,
        brief_core::ActorKind::Organisation,
        "the registry's kind wins over the briefing's"
    );
    assert_eq!(corpus.actor_count(), 1);
    assert_eq!(corpus.registry.resolve("ICMPD"), Some(cidpm));
    assert_eq!(
        corpus
            .registry
            .resolve("Centre international pour le développement des politiques migratoires"),
        Some(cidpm)
    );
}

#[test]
fn a_broken_registry_entry_is_reported_and_the_rest_loads() {
    let registry = format!("{REGISTRY}- id: bad\n  name: Bad\n  kinde: other\n");
    let dir = folder(&[
        ("actors.yaml", registry.as_bytes()),
        ("good.yaml", GOOD.as_bytes()),
    ]);
    let corpus = load(dir.path());
    assert!(corpus.get("good-one").is_some());
    assert!(corpus.registry.resolve("ICMPD").is_some());
    let p = corpus
        .problems
        .iter()
        .find(|p| p.path == dir.path().join("actors.yaml"))
        .expect("registry problem");
    assert_eq!(p.severity, Severity::Error);
    assert!(p.message.contains("did you mean 'kind'"), "{p}");
}

#[test]
fn partial_dates_stay_partial() {
    let dir = folder(&[
        ("y.yaml", b"title: x\ndate: 2019\n"),
        ("ym.yaml", b"title: x\ndate: 2019-02\n"),
        ("ymq.yaml", b"title: x\ndate: \"2019-02\"\n"),
        ("ymd.yaml", b"title: x\ndate: 2019-02-25\n"),
    ]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let date = |id: &str| corpus.get(id).and_then(|b| b.date).expect("dated");
    assert_eq!(date("y").to_string(), "2019");
    assert_eq!(
        date("y"),
        PartialDate {
            year: 2019,
            month: None,
            day: None
        }
    );
    assert_eq!(date("ym").to_string(), "2019-02");
    assert_eq!(date("ym").day, None, "never invent a day");
    assert_eq!(date("ymq").to_string(), "2019-02");
    assert_eq!(date("ymd").to_string(), "2019-02-25");
    assert_eq!(corpus.get("ym").expect("loaded").date_label(), "2019-02");
}

#[test]
fn briefings_are_newest_first_and_undated_last() {
    let dir = folder(&[
        ("b-2020.yaml", b"title: x\ndate: 2020\n"),
        ("a-undated.yaml", b"title: x\n"),
        ("c-2021-05.yaml", b"title: x\ndate: 2021-05\n"),
        ("d-2021-05-03.yaml", b"title: x\ndate: 2021-05-03\n"),
        ("z-undated.yaml", b"title: x\n"),
        ("e-2019-12-31.yaml", b"title: x\ndate: 2019-12-31\n"),
    ]);
    let corpus = load(dir.path());
    assert_eq!(
        ids(&corpus),
        [
            "d-2021-05-03",
            "c-2021-05",
            "b-2020",
            "e-2019-12-31",
            "a-undated",
            "z-undated"
        ]
    );
}

#[test]
fn decomposed_text_is_nfc_normalised() {
    // "Réunion à Genève", "Côte d'Ivoire" with combining accents.
    let text = "id: nfc\ntitle: \"Re\u{301}union a\u{300} Gene\u{300}ve\"\nsummary: \"e\u{301}te\u{301}\"\nlocation: { city: \"Gene\u{300}ve\" }\ncountries: [\"Co\u{302}te d'Ivoire\"]\ntopics: [\"coope\u{301}ration\"]\nbody: |\n  De\u{301}but.\n";
    let dir = folder(&[("nfc.yaml", text.as_bytes())]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let b = corpus.get("nfc").expect("loaded");
    assert_eq!(b.title, "Réunion à Genève");
    assert_eq!(b.summary.as_deref(), Some("été"));
    assert_eq!(b.location.city.as_deref(), Some("Genève"));
    assert_eq!(b.topics, ["coopération"]);
    assert_eq!(b.body, "Début.");
    assert_eq!(b.countries[0].as_str(), "CI");
    for s in [b.title.as_str(), b.body.as_str(), b.topics[0].as_str()] {
        assert!(
            !s.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)),
            "no combining marks left: {s:?}"
        );
    }
}

#[test]
fn yml_files_in_sub_folders_are_found_and_others_ignored() {
    let dir = folder(&[
        ("top.yaml", b"title: x\n"),
        ("2021/novembre/deep.yml", b"title: x\n"),
        ("2019/mid.yaml", b"title: x\n"),
        ("notes.txt", b"not a briefing"),
        ("README.md", b"# notes"),
        (".hidden/secret.yaml", b"title: x\n"),
    ]);
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let mut found = ids(&corpus);
    found.sort();
    assert_eq!(found, ["deep", "mid", "top"]);
    assert_eq!(
        corpus.get("deep").expect("loaded").path,
        dir.path().join("2021/novembre/deep.yml")
    );
}

#[test]
fn actors_yaml_in_a_sub_folder_is_a_briefing_not_the_registry() {
    let dir = folder(&[("sub/actors.yaml", b"title: x\n")]);
    let corpus = load(dir.path());
    assert_eq!(ids(&corpus), ["actors"]);
}

#[test]
fn a_missing_folder_is_a_load_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing: PathBuf = dir.path().join("nope");
    match load_dir(&missing, &LoadOptions::default(), &|_, _| {}) {
        Err(LoadError::Missing(p)) => assert_eq!(p, missing),
        Err(e) => panic!("expected LoadError::Missing, got {e}"),
        Ok(_) => panic!("a missing folder must not load"),
    }
    let err = load_dir(&missing, &LoadOptions::default(), &|_, _| {}).expect_err("error");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn a_file_given_as_folder_is_a_load_error() {
    let dir = folder(&[("a.yaml", b"title: x\n")]);
    let file = dir.path().join("a.yaml");
    assert!(matches!(
        load_dir(&file, &LoadOptions::default(), &|_, _| {}),
        Err(LoadError::NotADir(_))
    ));
}

#[test]
fn an_empty_folder_loads_as_an_empty_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = load(dir.path());
    assert!(corpus.briefings.is_empty());
    assert!(corpus.problems.is_empty());
}

#[test]
fn progress_reports_every_file() {
    let dir = folder(&[
        ("a.yaml", b"title: x\n"),
        ("b.yaml", b"title: x\n"),
        ("c.yml", b"title: x\n"),
    ]);
    let seen = std::sync::Mutex::new(Vec::new());
    load_dir(dir.path(), &LoadOptions::default(), &|done, total| {
        seen.lock().expect("lock").push((done, total));
    })
    .expect("loads");
    let mut seen = seen.into_inner().expect("lock");
    seen.sort();
    assert_eq!(seen, [(1, 3), (2, 3), (3, 3)]);
}

#[test]
fn a_bad_id_is_an_error() {
    let (corpus, problems) = broken(b"id: Pas Bon\ntitle: x\n");
    let p = one_error(&problems);
    assert!(p.message.contains("Pas Bon"), "{p}");
    assert_eq!(p.line, Some(1));
    // The briefing loads under its file name.
    assert!(corpus.get("bad").is_some(), "{:?}", ids(&corpus));
}

/// Found by the fuzz suite: `id: !tag` (a tag with no value) and `id: ""`
/// loaded a briefing with an empty id.
#[test]
fn an_empty_id_is_an_error_and_the_file_name_is_used() {
    for text in [
        &b"id: !2023-03-06-niamey\ntitle: x\n"[..],
        b"id: \"\"\ntitle: x\n",
        b"id: ' '\ntitle: x\n",
    ] {
        let (corpus, problems) = broken(text);
        let p = one_error(&problems);
        assert!(p.message.contains("id ''"), "{p}");
        assert!(corpus.get("bad").is_some(), "{:?}", ids(&corpus));
        assert!(corpus.briefings.iter().all(|b| !b.id.is_empty()));
    }
}

#[test]
fn a_dangling_related_id_is_a_warning() {
    let dir = folder(&[("a.yaml", b"title: x\nrelated: [nowhere]\n")]);
    let corpus = load(dir.path());
    assert_eq!(corpus.count(Severity::Error), 0);
    assert_eq!(corpus.count(Severity::Warning), 1, "{:?}", corpus.problems);
    assert!(corpus.problems[0].message.contains("nowhere"));
}

/// Links inside the folder's tree are followed (a briefing, a sub-folder);
/// links out of it are skipped with a warning naming where they point, and
/// the registry is read only as a regular file inside the folder.
#[cfg(unix)]
#[test]
fn links_are_followed_only_while_they_stay_inside_the_folder() {
    use std::os::unix::fs::symlink;
    let outside = folder(&[
        ("away.yaml", b"id: away\ntitle: Ailleurs\n"),
        ("deep/far.yaml", b"id: far\ntitle: Loin\n"),
        ("actors.yaml", b"- name: Office\n  kind: organisation\n"),
    ]);
    let dir = folder(&[
        ("real/inside.yaml", b"id: inside\ntitle: Dedans\n"),
        ("good.yaml", b"id: good\ntitle: Bon\n"),
    ]);
    let d = dir.path();
    symlink(d.join("real"), d.join("alias")).expect("symlink");
    symlink(d.join("good.yaml"), d.join("real/again.yaml")).expect("symlink");
    symlink(outside.path().join("away.yaml"), d.join("away.yaml")).expect("symlink");
    symlink(outside.path().join("deep"), d.join("deep")).expect("symlink");
    symlink(outside.path().join("actors.yaml"), d.join("actors.yaml")).expect("symlink");
    let c = load(d);
    let loaded: Vec<_> = c.briefings.iter().map(|b| b.id.as_str()).collect();
    assert!(
        loaded.contains(&"inside") && loaded.contains(&"good"),
        "{loaded:?}"
    );
    assert!(
        !loaded.contains(&"away") && !loaded.contains(&"far"),
        "{loaded:?}"
    );
    for name in ["away.yaml", "deep"] {
        let p = c
            .problems
            .iter()
            .find(|p| p.path == d.join(name))
            .unwrap_or_else(|| panic!("{name} reported: {:?}", c.problems));
        assert_eq!(p.severity, Severity::Warning);
        assert!(
            p.message.contains("outside the briefings folder")
                && p.message.contains(&outside.path().display().to_string()),
            "{}",
            p.message
        );
    }
    assert!(
        c.registry.resolve("Office").is_none(),
        "the outside registry is not read"
    );
    assert!(
        c.problems
            .iter()
            .any(|p| p.path == d.join("actors.yaml") && p.severity == Severity::Error),
        "{:?}",
        c.problems
    );
}

/// A walk stops after `max_files` files and says so, rather than walking a
/// whole file system (`--dir /`, `--dir /proc`); what it walked until then
/// is loaded, and the message names what was not read. Folders do not count.
#[test]
fn the_walk_stops_after_the_most_files_keeps_what_it_walked_and_says_what_not() {
    let mut files: Vec<(String, &[u8])> = Vec::new();
    for i in 0..30 {
        files.push((format!("d{i:02}/b{i:02}.yaml"), b"title: x\n"));
    }
    for i in 0..10 {
        files.push((format!("top{i:02}.yaml"), b"title: y\n"));
    }
    let named: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let dir = folder(&named);
    // 40 files in 31 folders: a bound of 35 files is met in the sub-folders.
    let opts = LoadOptions {
        max_files: 35,
        ..LoadOptions::default()
    };
    let c = load_dir(dir.path(), &opts, &|_, _| {}).expect("loads");
    assert_eq!(
        c.briefings.len(),
        35,
        "every file met before the bound is loaded"
    );
    let stop = c
        .problems
        .iter()
        .find(|p| p.message.contains("stopped after meeting 35 files"))
        .unwrap_or_else(|| panic!("{:?}", c.problems));
    assert_eq!(stop.path, dir.path());
    assert_eq!(stop.severity, Severity::Error);
    assert!(stop.message.contains("not read"), "{}", stop.message);
    assert!(
        stop.message.contains("folders not entered: d"),
        "{}",
        stop.message
    );
    // Met in the folder itself: its files listed until then are kept.
    let opts = LoadOptions {
        max_files: 4,
        ..LoadOptions::default()
    };
    let c = load_dir(dir.path(), &opts, &|_, _| {}).expect("loads");
    assert_eq!(c.briefings.len(), 4);
    let stop = c
        .problems
        .iter()
        .find(|p| p.message.contains("stopped"))
        .unwrap();
    assert!(
        stop.message.contains("the rest of the folder itself"),
        "{}",
        stop.message
    );
    // Folders do not count: 30 folders and 40 files pass a bound of 40.
    let opts = LoadOptions {
        max_files: 40,
        ..LoadOptions::default()
    };
    let c = load_dir(dir.path(), &opts, &|_, _| {}).expect("loads");
    assert_eq!(c.briefings.len(), 40);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    // The default bound is far above any real folder.
    let c = load(dir.path());
    assert_eq!(c.briefings.len(), 40);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
}

/// 5,000 empty sub-folders beside one briefing: loaded in seconds, nothing
/// reported.
#[test]
fn many_empty_sub_folders_cost_little() {
    let dir = folder(&[("a.yaml", b"id: a\ntitle: A\n")]);
    for i in 0..5_000 {
        std::fs::create_dir(dir.path().join(format!("e{i}"))).expect("mkdir");
    }
    let started = std::time::Instant::now();
    let c = load(dir.path());
    assert_eq!(ids(&c), ["a"]);
    assert!(c.problems.is_empty());
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// `actors.yaml` as a FIFO: reported, not read (before: loading hung).
#[cfg(unix)]
#[test]
fn a_registry_that_is_a_fifo_is_reported_not_read() {
    let dir = folder(&[("a.yaml", b"id: a\ntitle: A\n")]);
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("actors.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let path = dir.path().to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(
            load_dir(&path, &LoadOptions::default(), &|_, _| {}).map(|c| {
                let ids: Vec<String> = c.briefings.iter().map(|b| b.id.to_string()).collect();
                (ids, c.corpus.problems)
            }),
        );
    });
    let (ids, problems) = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("loading finishes")
        .expect("loads");
    assert_eq!(ids, ["a"]);
    assert!(
        problems.iter().any(|p| p.path.ends_with("actors.yaml")
            && p.severity == Severity::Error
            && p.message.contains("not a regular file")),
        "{problems:?}"
    );
}

/// `topics.yaml` gets the briefings' guards: a FIFO in its place is not read
/// (no hang), and one over the size limit is reported, not read.
#[test]
fn a_topics_file_that_is_a_fifo_or_too_big_never_hangs_nor_is_read() {
    let dir = TempDir::new().expect("a folder");
    std::fs::write(dir.path().join("a.yaml"), "title: Réunion\n").expect("written");
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("topics.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let c = load(dir.path());
    assert_eq!(c.briefings.len(), 1);

    std::fs::remove_file(dir.path().join("topics.yaml")).expect("removed");
    let big = format!("- id: x\n  name: \"{}\"\n", "a".repeat(2 * 1024 * 1024));
    std::fs::write(dir.path().join("topics.yaml"), big).expect("written");
    let c = load(dir.path());
    assert_eq!(c.briefings.len(), 1);
    assert!(
        c.problems
            .iter()
            .any(|p| p.path.ends_with("topics.yaml") && p.message.contains("byte limit")),
        "{:?}",
        c.problems
    );
}
