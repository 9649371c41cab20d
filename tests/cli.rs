//! The `brief` binary, run as a user runs it: exit codes, text and JSON output,
//! folder choice, broken pipes and colour.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::{Value, json};

mod support;
use support::cli::*;
use support::fixtures::{self, *};

const GOOD: &str = "id: good-one\ntitle: \"Une bonne réunion\"\ndate: 2022-05-04\ncountries: [FR]\nbody: |\n  Texte.\n";
const BAD: &str = "id: bad-one\ntitle: x\ncontries: [FR]\n";

/// Runs `brief --dir <fixture folder> args...` in a sandbox.
fn brief(args: &[&str]) -> Output {
    brief_on(&fixtures::briefings(), args)
}

fn sorted(ids: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

// ---- check ----

#[test]
fn check_on_the_fixture_folder_passes() {
    let o = brief(&["check"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    let summary = out.lines().last().expect("a summary line");
    assert!(summary.starts_with("8 briefings, "), "{summary}");
    assert!(summary.ends_with(": 0 errors, 0 warnings"), "{summary}");
    // No problems listed: the registries in force, then the summary.
    assert_eq!(out.lines().count(), 2, "no problems listed: {out}");
    assert!(out.starts_with("registries: built-in ("), "{out}");
}

#[test]
fn check_accepts_the_folder_as_an_argument() {
    let sandbox = Sandbox::new();
    let dir = fixtures::briefings();
    let o = sandbox.run(&["check", dir.to_str().expect("utf-8")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("8 briefings"));
}

#[test]
fn check_reports_a_broken_file_with_its_line_and_exits_1() {
    let sandbox = Sandbox::new();
    sandbox.write(&[("mixed/good.yaml", GOOD), ("mixed/bad.yaml", BAD)]);
    let o = sandbox.run(&["check", "mixed"]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.contains("bad.yaml"))
        .unwrap_or_else(|| panic!("the broken file is reported: {out}"));
    assert_eq!(
        line,
        "mixed/bad.yaml:3:1: error: unknown field 'contries'; did you mean 'countries'?"
    );
    assert!(!out.contains("good.yaml"), "{out}");
    let summary = out.lines().last().expect("summary");
    assert!(summary.starts_with("1 briefing, "), "{summary}");
    assert!(summary.ends_with(": 1 error, 0 warnings"), "{summary}");
}

#[test]
fn check_reports_warnings_but_exits_0() {
    let sandbox = Sandbox::new();
    sandbox.write(&[("w/a.yaml", "title: x\nactors:\n  - name: Inconnu\n")]);
    let o = sandbox.run(&["check", "w"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("w/a.yaml:3:"), "{out}");
    assert!(out.contains(": warning: actor 'Inconnu'"), "{out}");
    assert!(out.contains("0 errors, 1 warning"), "{out}");
}

#[test]
fn a_missing_folder_exits_2() {
    let sandbox = Sandbox::new();
    for args in [
        &["--dir", "nowhere", "list"][..],
        &["check", "nowhere"],
        &["--dir", "nowhere", "search", "x"],
    ] {
        let o = sandbox.run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
    }
    // A BRIEF_DIR that does not exist is an error, not a silent fall-back.
    sandbox.write(&[("briefings/a.yaml", GOOD)]);
    let o = sandbox
        .cmd()
        .arg("list")
        .env("BRIEF_DIR", "nowhere")
        .output()
        .expect("runs");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
}

// ---- list ----

#[test]
fn list_shows_every_briefing_newest_first() {
    let o = brief(&["list", "--ids"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        listed_ids(&o),
        [
            NIAMEY, ZINDER, CHANNEL, EUROMED, EMSC_2019, MAURITANIA, BRUSSELS, ITALY
        ]
    );
    let out = stdout(&o);
    assert!(
        out.lines()
            .next()
            .expect("a row")
            .starts_with("2023-03-06  ")
    );
    // Into a pipe, no padding: one separator after the partial date.
    assert!(
        out.contains(&format!("\n2019  {EMSC_2019}  ")),
        "partial date shown as written:\n{out}"
    );
}

#[test]
fn list_still_lists_the_good_file_beside_a_broken_one() {
    let sandbox = Sandbox::new();
    sandbox.write(&[("mixed/good.yaml", GOOD), ("mixed/bad.yaml", BAD)]);
    let o = sandbox.run(&["--dir", "mixed", "list", "--ids"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(listed_ids(&o), ["good-one"]);
    assert!(
        stderr(&o).contains("brief check"),
        "the user is told some files failed: {}",
        stderr(&o)
    );
}

#[test]
fn list_by_country_tunisie_gives_exactly_two_meetings() {
    for c in ["Tunisie", "TN", "tunisia"] {
        let o = brief(&["list", "--country", c, "--ids"]);
        assert_eq!(code(&o), 0);
        assert_eq!(listed_ids(&o), [EUROMED, EMSC_2019], "{c}");
    }
}

#[test]
fn list_by_actor_iom_gives_the_iom_meetings() {
    for a in [
        "IOM",
        "OIM",
        "Organisation internationale pour les migrations",
    ] {
        let o = brief(&["list", "--actor", a, "--ids"]);
        assert_eq!(code(&o), 0);
        assert_eq!(
            sorted(
                &listed_ids(&o)
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
            ),
            sorted(&[BRUSSELS, ITALY]),
            "{a}"
        );
    }
}

#[test]
fn list_options_combine_any_within_and_across() {
    let o = brief(&["list", "--country", "TN", "--country", "Niger", "--ids"]);
    assert_eq!(
        sorted(
            &listed_ids(&o)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        ),
        sorted(&[EUROMED, EMSC_2019, NIAMEY, ZINDER, MAURITANIA, ITALY])
    );
    let o = brief(&["list", "--country", "NE", "--actor", "IOM", "--ids"]);
    assert_eq!(listed_ids(&o), [ITALY]);
    let o = brief(&["list", "--year", "2019..2021", "--ids"]);
    assert_eq!(listed_ids(&o), [CHANNEL, EUROMED, EMSC_2019]);
    let o = brief(&["list", "--year", "2023", "--json"]);
    assert_eq!(json_ids(&json_of(&o)), [NIAMEY, ZINDER]);
}

#[test]
fn list_with_no_match_exits_1() {
    let o = brief(&["list", "--year", "1999"]);
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
}

#[test]
fn list_with_an_unknown_country_exits_2_and_an_unknown_actor_finds_nothing() {
    let o = brief(&["list", "--country", "Narnia"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("unknown country 'Narnia'"),
        "{}",
        stderr(&o)
    );

    let o = brief(&["list", "--country", "Tunisei"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("Tunisia (TN)"),
        "suggests: {}",
        stderr(&o)
    );

    // An unknown actor is an answer, as `acteur:` in a query: nothing, exit 1.
    let o = brief(&["list", "--actor", "Frontx"]);
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("did you mean Frontex"),
        "{}",
        stderr(&o)
    );

    let o = brief(&["list", "--year", "20x1"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn list_json_has_the_documented_shape() {
    let o = brief(&["list", "--json"]);
    assert_eq!(code(&o), 0);
    let v = json_of(&o);
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 8);
    for item in items {
        assert_eq!(
            keys(item),
            [
                "actors",
                "countries",
                "date",
                "date_note",
                "end_date",
                "id",
                "language",
                "location",
                "path",
                "published",
                "related",
                "source",
                "summary",
                "title",
                "topics"
            ],
            "{}",
            item["id"]
        );
        assert!(item.get("body").is_none(), "list leaves the body out");
    }
    let undated = items.iter().find(|i| i["id"] == ITALY).expect("italy");
    assert_eq!(undated["date"], Value::Null);
}

// ---- search ----

#[test]
fn search_icmpd_json_checked_field_by_field() {
    let o = brief(&["search", "icmpd", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json_of(&o);
    let hits = v.as_array().expect("array");
    assert_eq!(
        sorted(&json_ids(&v).iter().map(String::as_str).collect::<Vec<_>>()),
        sorted(&[EMSC_2019, EUROMED])
    );

    for hit in hits {
        assert_eq!(
            keys(hit),
            [
                "actors",
                "countries",
                "date",
                "date_note",
                "end_date",
                "id",
                "language",
                "location",
                "matches",
                "path",
                "published",
                "related",
                "score",
                "source",
                "summary",
                "title",
                "topics"
            ]
        );
        assert!(hit["score"].as_i64().expect("integer score") > 0);
        // Why it matched: the CIDPM actor, by its English acronym.
        let matches = hit["matches"].as_array().expect("matches");
        assert_eq!(
            matches,
            &vec![json!({"field": "actors", "value": "ICMPD", "ranges": [{"start": 0, "end": 5}]})]
        );
        for c in hit["countries"].as_array().expect("countries") {
            assert_eq!(keys(c), ["code", "name_en", "name_fr"]);
        }
        for a in hit["actors"].as_array().expect("actors") {
            assert_eq!(keys(a), ["id", "kind", "name", "role", "short"], "{a}");
        }
        let cidpm = hit["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .find(|a| a["id"] == "cidpm")
            .expect("the CIDPM is an actor");
        assert_eq!(
            cidpm["name"],
            "Centre international pour le développement des politiques migratoires"
        );
        assert_eq!(cidpm["short"], "CIDPM");
        assert_eq!(cidpm["kind"], "organisation");
        assert!(cidpm["role"].is_string());
    }

    let euromed = hits.iter().find(|h| h["id"] == EUROMED).expect("euromed");
    assert_eq!(
        euromed["title"],
        "EUROMED Migration V organise un événement sur les partenariats en matière de migration entre l’UE et les pays partenaires du sud"
    );
    assert_eq!(euromed["date"], "2021-10-27");
    assert_eq!(euromed["end_date"], "2021-10-28");
    assert_eq!(euromed["published"], "2021-11-11");
    assert!(
        euromed["date_note"]
            .as_str()
            .expect("note")
            .contains("2021")
    );
    assert_eq!(
        euromed["location"],
        json!({"city": "La Valette", "country": "MT", "online": true})
    );
    assert_eq!(euromed["language"], "fr");
    let codes: Vec<&str> = euromed["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .map(|c| c["code"].as_str().expect("code"))
        .collect();
    assert_eq!(
        codes,
        [
            "DZ", "EG", "IL", "JO", "LB", "LY", "MA", "PS", "SY", "TN", "MT"
        ]
    );
    let tn = euromed["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .find(|c| c["code"] == "TN")
        .expect("TN");
    assert_eq!(
        tn,
        &json!({"code": "TN", "name_fr": "Tunisie", "name_en": "Tunisia"})
    );
    let cidpm = euromed["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .find(|a| a["id"] == "cidpm")
        .expect("cidpm");
    assert_eq!(cidpm["role"], "met en œuvre le programme");
    let programme = &euromed["actors"][0];
    assert_eq!(
        programme,
        &json!({"id": "euromed-migration-v", "name": "EUROMED Migration V", "short": "EMM5", "kind": "programme", "role": "organisateur"})
    );
    assert_eq!(
        euromed["source"],
        json!({"publisher": "EU Neighbours South", "url": null, "translations": ["ar", "en"]})
    );
    assert_eq!(euromed["related"], json!([EMSC_2019]));
    assert!(
        euromed["topics"]
            .as_array()
            .expect("topics")
            .contains(&json!("retour volontaire"))
    );
    let path = euromed["path"].as_str().expect("path");
    assert!(path.ends_with(&format!("{EUROMED}.yaml")), "{path}");

    let emsc = hits.iter().find(|h| h["id"] == EMSC_2019).expect("emsc");
    assert_eq!(emsc["date"], "2019", "partial dates stay partial");
    assert_eq!(emsc["end_date"], Value::Null);
    assert_eq!(emsc["published"], "2019-02-25");
    let codes: Vec<&str> = emsc["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .map(|c| c["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["JO", "LB", "TN"]);
}

#[test]
fn search_json_ranges_point_into_the_value() {
    let o = brief(&["search", "cooperation transfrontaliere", "--json"]);
    assert_eq!(code(&o), 0);
    let v = json_of(&o);
    assert_eq!(
        json_ids(&v)[0],
        EMSC_2019,
        "the 2019 EMSC meeting ranks first"
    );
    let mut checked = 0;
    for hit in v.as_array().expect("array") {
        for m in hit["matches"].as_array().expect("matches") {
            let value = m["value"].as_str().expect("value");
            if value.is_empty() {
                continue; // body matches leave the (long) value out
            }
            let chars: Vec<char> = value.chars().collect();
            for r in m["ranges"].as_array().expect("ranges") {
                let (s, e) = (
                    r["start"].as_u64().expect("start") as usize,
                    r["end"].as_u64().expect("end") as usize,
                );
                assert!(s < e && e <= chars.len(), "{m}");
                let matched: String = chars[s..e].iter().collect();
                let folded = brief_core::text::fold(&matched);
                assert!(
                    "cooperation transfrontaliere".contains(&folded)
                        || folded.starts_with("coop")
                        || folded.starts_with("transf"),
                    "{matched:?} in {m}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn search_text_output_and_limit() {
    let o = brief(&["search", "Tunisie", "--ids"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        sorted(
            &listed_ids(&o)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        ),
        sorted(&[EMSC_2019, EUROMED])
    );
    let o = brief(&["search", "traite", "--limit", "1", "--ids"]);
    assert_eq!(listed_ids(&o).len(), 1);
    let o = brief(&["search", "traite", "-n", "2", "--json"]);
    assert_eq!(json_ids(&json_of(&o)).len(), 2);
}

#[test]
fn search_takes_exclusions_without_double_dash() {
    let o = brief(&["search", "-pays:NE", "--ids"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(listed_ids(&o), [CHANNEL, EUROMED, EMSC_2019, BRUSSELS]);
    let o = brief(&["search", "-frontex", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let ids = json_ids(&json_of(&o));
    assert_eq!(ids.len(), 6);
    assert!(!ids.contains(&CHANNEL.to_string()));
}

#[test]
fn search_with_no_result_exits_1_and_suggests() {
    let o = brief(&["search", "zzzzqqq"]);
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("no briefing matches 'zzzzqqq'"),
        "{}",
        stderr(&o)
    );

    let o = brief(&["search", "frontx naufrage niamey"]);
    assert_eq!(code(&o), 1);

    let o = brief(&["search", "zzzzqqq", "--json"]);
    assert_eq!(code(&o), 1);
    assert_eq!(json_of(&o), json!([]), "JSON stays parseable");
}

#[test]
fn search_suggests_the_nearest_name() {
    // `Tunisei` (one swap) is now found with typos: three edits are not.
    let o = brief(&["search", "Tunisieaaa"]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert!(
        stderr(&o).contains("did you mean Tunisie"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_malformed_query_exits_2() {
    for q in ["pays:Narnia", "année:20x1", "foo:bar", "\"unclosed"] {
        let o = brief(&["search", q]);
        assert_eq!(code(&o), 2, "{q}");
        assert!(o.stdout.is_empty());
        assert!(stderr(&o).contains("invalid query"), "{q}: {}", stderr(&o));
    }
}

// ---- show ----

#[test]
fn show_prints_metadata_then_the_wrapped_body() {
    let o = brief(&["show", CHANNEL]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert!(
        lines
            .next()
            .expect("title")
            .starts_with("Les enjeux migratoires et la coopération policière"),
        "{out}"
    );
    assert!(out.contains(CHANNEL));
    assert!(out.contains("Calais, France"), "{out}");
    assert!(out.contains("Royaume-Uni (GB)"), "{out}");
    assert!(out.contains("Frontex"), "{out}");
    // The body, wrapped to 80 columns when not on a terminal.
    assert!(out.contains("naufrage"));
    assert!(out.contains("Schengen"));
    for line in out.lines() {
        assert!(
            brief_core::text::width(line) <= 80,
            "{} cells: {line}",
            brief_core::text::width(line)
        );
    }
    let first_words = "Après le naufrage, le 24 novembre,";
    assert!(out.contains(first_words), "{out}");
    // Paragraphs stay separated.
    assert!(out.contains("\n\nLes États conviés"), "{out}");
}

#[test]
fn show_reads_cleanly_for_every_briefing() {
    for id in [
        EMSC_2019, EUROMED, CHANNEL, ZINDER, NIAMEY, MAURITANIA, BRUSSELS, ITALY,
    ] {
        let o = brief(&["show", id]);
        assert_eq!(code(&o), 0, "{id}");
        let out = stdout(&o);
        assert!(out.lines().count() > 5, "{id}");
        assert!(!out.contains('\u{1b}'), "{id}");
        assert!(
            out.lines().all(|l| brief_core::text::width(l) <= 80),
            "{id}"
        );
        assert!(out.contains("Date"), "{id}");
    }
    let o = brief(&["show", ITALY]);
    assert!(stdout(&o).contains("inconnue"), "an unknown date says so");
    let o = brief(&["show", EMSC_2019]);
    assert!(
        stdout(&o).contains("2019\n") || stdout(&o).contains("2019 "),
        "partial date"
    );
}

#[test]
fn show_json_includes_the_body() {
    let o = brief(&["show", ZINDER, "--json"]);
    assert_eq!(code(&o), 0);
    let v = json_of(&o);
    assert_eq!(v["id"], ZINDER);
    assert!(v["body"].as_str().expect("body").contains("NAPTIP"));
    assert_eq!(v["date"], "2023-01-30");
    assert_eq!(v["end_date"], "2023-01-31");
}

#[test]
fn show_markdown_prints_the_briefing_as_markdown() {
    let o = brief(&["show", CHANNEL, "--markdown"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("# Les enjeux migratoires et la coopération policière"),
        "{out}"
    );
    for part in [
        // The id first: a copied briefing can be found again.
        &format!(
            "\n\n- **Identifiant :** {}\n- **Date :** 2021-11-28\n",
            CHANNEL.replace('_', "\\_")
        ),
        "- **Lieu :** Calais, France\n",
        "- **Pays :** France (FR), Belgique (BE), Pays-Bas (NL), Allemagne (DE), Royaume-Uni (GB)\n",
        "- **Source :** Lexis Veille\n",
        "- **Acteurs :**\n",
        "  - Personnes\n    - Gérald Darmanin — ministre de l’Intérieur, a réuni les participants\n",
        "\n> Après le naufrage du 24 novembre 2021",
        "\n\nLes États conviés ont réaffirmé",
    ] {
        assert!(out.contains(part), "{part:?} missing from:\n{out}");
    }
    assert!(out.ends_with(".\n"), "{out}");
    assert!(!out.contains('\u{1b}'));
    // Deterministic: the same bytes every time.
    assert_eq!(brief(&["show", CHANNEL, "--markdown"]).stdout, o.stdout);
    // Not with --json.
    let o = brief(&["show", CHANNEL, "--markdown", "--json"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
    let o = brief(&["show", "nope", "--markdown"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no briefing 'nope'"), "{}", stderr(&o));
}

#[test]
fn show_markdown_links_the_source_and_escapes_the_rest() {
    let sandbox = Sandbox::new();
    sandbox.write(&[(
        "b/x.yaml",
        "id: x\ntitle: \"*Gras* et [lien](javascript:x) #1\"\ndate: 2022-05-04\ncountries: [FR]\n\
         source: { publisher: \"Éditeur\", url: \"https://example.org/a_(b)\" }\n\
         body: \"- pas une liste\\n\\n# pas un titre \\x1b[31m\"\n",
    )]);
    let o = sandbox.run(&["--dir", "b", "show", "x", "--markdown"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("# \\*Gras\\* et \\[lien\\](javascript:x) \\#1\n"),
        "{out}"
    );
    assert!(
        out.contains("- **URL :** [https://example.org/a\\_(b)](https://example.org/a_%28b%29)\n"),
        "{out}"
    );
    assert!(out.contains("\n\\- pas une liste\n"), "{out}");
    assert!(out.contains("\n\\# pas un titre ␛\\[31m\n"), "{out}");
    assert!(!out.contains('\u{1b}'), "{out}");
}

#[test]
fn show_an_unknown_id_exits_2() {
    let o = brief(&["show", "nope"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("no briefing 'nope'"), "{}", stderr(&o));

    // Not an id nor the start of one, "zinder" is a query; it finds one briefing.
    let o = brief(&["show", "zinder"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains(ZINDER), "{}", stdout(&o));

    let typo = "2023-03-06-niamey-gttc-niger-nigeira";
    let o = brief(&["show", typo]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains(&format!("did you mean '{NIAMEY}'")),
        "{}",
        stderr(&o)
    );
}

// ---- actors, countries ----

#[test]
fn actors_and_countries_count_briefings_most_frequent_first() {
    let o = brief(&["countries", "--json"]);
    assert_eq!(code(&o), 0);
    let v = json_of(&o);
    let first = &v[0];
    assert_eq!(
        first,
        &json!({"code": "NE", "name_fr": "Niger", "name_en": "Niger", "count": 4})
    );
    let counts: Vec<u64> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["count"].as_u64().expect("count"))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let tn = v
        .as_array()
        .expect("array")
        .iter()
        .find(|c| c["code"] == "TN")
        .expect("TN");
    assert_eq!(tn["count"], 2);

    let o = brief(&["actors", "--json"]);
    assert_eq!(code(&o), 0);
    let v = json_of(&o);
    let actors = v.as_array().expect("array");
    let counts: Vec<u64> = actors
        .iter()
        .map(|a| a["count"].as_u64().expect("count"))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let cidpm = actors.iter().find(|a| a["id"] == "cidpm").expect("cidpm");
    assert_eq!(cidpm["count"], 2);
    assert_eq!(cidpm["short"], "CIDPM");
    assert_eq!(cidpm["registered"], true);

    let o = brief(&["countries"]);
    assert_eq!(code(&o), 0);
    let first = stdout(&o).lines().next().expect("row").to_string();
    assert!(first.contains("NE") && first.contains("Niger"), "{first}");
    let o = brief(&["actors"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("Frontex"));
}

// ---- no subcommand, help ----

#[test]
fn no_subcommand_without_a_terminal_exits_2_and_points_to_list() {
    let sandbox = Sandbox::new();
    let o = sandbox.run(&[]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("'brief list'"), "{}", stderr(&o));
}

#[test]
fn every_subcommand_has_help() {
    let sandbox = Sandbox::new();
    for sub in [
        "check",
        "list",
        "search",
        "show",
        "actors",
        "countries",
        "paths",
        "saved",
        "report",
        "stats",
        "dossier",
    ] {
        let o = sandbox.run(&[sub, "--help"]);
        assert_eq!(code(&o), 0, "{sub}");
        assert!(stdout(&o).contains("Usage: brief"), "{sub}");
    }
    let o = sandbox.run(&["search", "--help"]);
    assert!(stdout(&o).contains("SEARCHING"));
    assert!(stdout(&o).contains("pays:TN"));
    let o = sandbox.run(&["dossier", "--help"]);
    assert!(stdout(&o).contains("WHICH ACTOR OR COUNTRY"));
    let o = sandbox.run(&["--help"]);
    assert_eq!(code(&o), 0);
    let o = sandbox.run(&["frobnicate"]);
    assert_eq!(code(&o), 2, "a usage error exits 2");
}

// ---- pipes and colour ----

/// A folder large enough that `list` writes more than a pipe holds.
fn big_folder(sandbox: &Sandbox) {
    let dir = sandbox.cwd.path().join("big");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for i in 0..1500 {
        let text = format!(
            "title: \"Réunion numéro {i} sur la coopération transfrontalière contre le trafic de migrants\"\ndate: 2020-01-01\ncountries: [FR]\n"
        );
        std::fs::write(dir.join(format!("b{i:04}.yaml")), text).expect("write");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_0() {
    let sandbox = Sandbox::new();
    big_folder(&sandbox);
    for args in [
        &["--dir", "big", "list"][..],
        &["--dir", "big", "list", "--json"],
        &["--dir", "big", "search", "reunion", "--json"],
    ] {
        let mut child = sandbox
            .cmd()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let out = child.stdout.take().expect("stdout");
        let mut first = String::new();
        BufReader::new(out).read_line(&mut first).expect("one line");
        assert!(!first.is_empty(), "{args:?}");
        // The reader is dropped here, like `head -1` exiting.
        let mut err = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err)
            .expect("stderr");
        let status = child.wait().expect("wait");
        assert_eq!(
            status.code(),
            Some(0),
            "{args:?}: {status:?}, stderr: {err}"
        );
        assert!(err.is_empty(), "quietly: {err}");
    }
}

#[test]
fn piped_output_has_no_escape_bytes() {
    for no_color in [false, true] {
        for args in [
            &["list"][..],
            &["search", "frontex"],
            &["show", CHANNEL],
            &["actors"],
            &["countries"],
            &["check"],
            &["paths"],
        ] {
            let sandbox = Sandbox::new();
            let dir = fixtures::briefings();
            let mut cmd = sandbox.cmd();
            cmd.arg("--dir").arg(&dir).args(args);
            if no_color {
                cmd.env("NO_COLOR", "1");
            }
            let o = cmd.output().expect("runs");
            assert_eq!(code(&o), 0, "{args:?}");
            assert!(!o.stdout.contains(&0x1b), "{args:?}: {}", stdout(&o));
            assert!(!o.stderr.contains(&0x1b), "{args:?}");
        }
    }
}

/// Runs `brief` on a pseudo-terminal and returns all it printed.
fn on_a_terminal(args: &[&str], no_color: bool) -> Vec<u8> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let sandbox = Sandbox::new();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
    cmd.arg("--dir");
    cmd.arg(fixtures::briefings());
    cmd.args(args);
    cmd.cwd(sandbox.cwd.path());
    cmd.env("HOME", sandbox.home.path());
    cmd.env_remove("BRIEF_DIR");
    cmd.env("LANG", "fr_FR.UTF-8");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_MESSAGES");
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawn on the pty");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut out = Vec::new();
    // On Linux the read fails with EIO once the child has exited: that is the end.
    let _ = reader.read_to_end(&mut out);
    let status = child.wait().expect("wait");
    assert!(status.success(), "{args:?}: {status:?}");
    out
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    let coloured = on_a_terminal(&["list"], false);
    assert!(
        coloured.contains(&0x1b),
        "a terminal gets colour: {}",
        String::from_utf8_lossy(&coloured)
    );
    for args in [&["list"][..], &["show", CHANNEL], &["check"]] {
        let plain = on_a_terminal(args, true);
        assert!(!plain.is_empty(), "{args:?}");
        assert!(
            !plain.contains(&0x1b),
            "NO_COLOR: {}",
            String::from_utf8_lossy(&plain)
        );
    }
}

// ---- which folder ----

/// The `briefings` row of `brief paths`.
fn briefings_row(o: &Output) -> String {
    assert_eq!(code(o), 0, "{}", stderr(o));
    stdout(o)
        .lines()
        .find(|l| l.starts_with("briefings"))
        .unwrap_or_else(|| panic!("a briefings row: {}", stdout(o)))
        .to_string()
}

#[test]
fn paths_prints_the_folder_choice_and_why() {
    let sandbox = Sandbox::new();
    // Nothing anywhere: the built-in corpus.
    let row = briefings_row(&sandbox.run(&["paths"]));
    assert!(row.contains("built-in"), "{row}");

    // The user data folder.
    let user = sandbox.home.path().join("data/brief/briefings");
    std::fs::create_dir_all(&user).expect("mkdir");
    let row = briefings_row(&sandbox.run(&["paths"]));
    assert!(row.contains(&user.display().to_string()), "{row}");
    assert!(row.contains("user data"), "{row}");

    // ./briefings beats the user data folder.
    std::fs::create_dir_all(sandbox.cwd.path().join("briefings")).expect("mkdir");
    let row = briefings_row(&sandbox.run(&["paths"]));
    assert!(row.contains("./briefings in the current folder"), "{row}");

    // BRIEF_DIR beats ./briefings.
    let o = sandbox
        .cmd()
        .arg("paths")
        .env("BRIEF_DIR", "/from/env")
        .output()
        .expect("runs");
    let row = briefings_row(&o);
    assert!(row.contains("/from/env"), "{row}");
    assert!(row.contains("BRIEF_DIR"), "{row}");

    // --dir beats BRIEF_DIR.
    let o = sandbox
        .cmd()
        .args(["--dir", "/from/flag", "paths"])
        .env("BRIEF_DIR", "/from/env")
        .output()
        .expect("runs");
    let row = briefings_row(&o);
    assert!(row.contains("/from/flag"), "{row}");
    assert!(row.contains("command line"), "{row}");

    let out = stdout(&sandbox.run(&["paths"]));
    for label in ["config", "state", "cache"] {
        assert!(
            out.lines().any(|l| l.starts_with(label)),
            "{label} row: {out}"
        );
    }
}

#[test]
fn dir_flag_beats_brief_dir_which_beats_local_briefings() {
    let sandbox = Sandbox::new();
    let one = |id: &str| format!("id: {id}\ntitle: \"{id}\"\n");
    let (flag, env, local) = (one("from-flag"), one("from-env"), one("from-local"));
    sandbox.write(&[
        ("flag/a.yaml", &flag),
        ("env/a.yaml", &env),
        ("briefings/a.yaml", &local),
    ]);
    let env_dir = sandbox.cwd.path().join("env");

    let o = sandbox.run(&["list", "--ids"]);
    assert_eq!(listed_ids(&o), ["from-local"]);

    let o = sandbox
        .cmd()
        .args(["list", "--ids"])
        .env("BRIEF_DIR", &env_dir)
        .output()
        .expect("runs");
    assert_eq!(listed_ids(&o), ["from-env"]);

    let o = sandbox
        .cmd()
        .args(["--dir", "flag", "list", "--ids"])
        .env("BRIEF_DIR", &env_dir)
        .output()
        .expect("runs");
    assert_eq!(listed_ids(&o), ["from-flag"]);

    // The flag works after the subcommand too.
    let o = sandbox.run(&["list", "--dir", "flag", "--ids"]);
    assert_eq!(listed_ids(&o), ["from-flag"]);

    // An empty BRIEF_DIR counts as unset.
    let o = sandbox
        .cmd()
        .args(["list", "--ids"])
        .env("BRIEF_DIR", "")
        .output()
        .expect("runs");
    assert_eq!(listed_ids(&o), ["from-local"]);
}

/// The fallback is built from `briefings/` at compile time: with no folder,
/// brief lists what `--dir briefings` lists, however many briefings that is.
#[test]
fn with_no_folder_the_built_in_corpus_is_used() {
    let sandbox = Sandbox::new();
    let o = sandbox.run(&["list", "--ids"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let built_in = listed_ids(&o);
    assert!(!built_in.is_empty(), "{}", stdout(&o));
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let o = sandbox.run(&[
        "--dir",
        shipped.to_str().expect("utf-8 path"),
        "list",
        "--ids",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(built_in, listed_ids(&o));
    let o = sandbox.run(&["check"]);
    assert_eq!(code(&o), 0);
    let noun = if built_in.len() == 1 {
        "briefing"
    } else {
        "briefings"
    };
    let summary = format!("{} {noun}", built_in.len());
    assert!(stdout(&o).contains(&summary), "{}", stdout(&o));
}

#[test]
fn json_keys_are_stable_when_values_are_missing() {
    // An actor without a role, a briefing without location, date or source:
    // every key is still there, as null (or false), so the shape never changes.
    let sandbox = Sandbox::new();
    sandbox.write(&[(
        "sparse/a.yaml",
        "id: sparse\ntitle: Peu de choses\nactors:\n  - name: Quelqu'un\n",
    )]);
    let o = sandbox.run(&["--dir", "sparse", "list", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json_of(&o);
    let b = &v[0];
    assert_eq!(b["date"], Value::Null);
    assert_eq!(b["summary"], Value::Null);
    assert_eq!(
        b["location"],
        json!({"city": null, "country": null, "online": false})
    );
    assert_eq!(
        b["source"],
        json!({"publisher": null, "url": null, "translations": []})
    );
    assert_eq!(
        b["actors"],
        json!([{"id": "quelqu-un", "name": "Quelqu'un", "short": null, "kind": "other", "role": null}])
    );
    assert_eq!(b["countries"], json!([]));
}

// ---- broken files, empty folders, hostile text ----

use support::broken;

/// The problem lines `brief check` printed for `file` (relative to `dir`).
fn problem_lines<'a>(out: &'a str, dir: &Path, file: &str) -> Vec<&'a str> {
    let prefix = format!("{}:", dir.join(file).display());
    out.lines().filter(|l| l.starts_with(&prefix)).collect()
}

#[test]
fn check_reports_every_broken_file_with_its_line_and_lists_the_good_ones() {
    let folder = broken::broken_folder();
    let dir = folder.path();
    let sandbox = Sandbox::new();
    let o = sandbox.run(&["check", "--verbose", dir.to_str().expect("utf-8")]);
    let out = stdout(&o);
    assert_eq!(code(&o), 1, "errors found: exit 1\n{out}");
    for case in folder.cases() {
        let lines = problem_lines(&out, dir, case.file);
        let prefix = match case.line {
            Some(line) => format!("{}:{line}:", dir.join(case.file).display()),
            None => format!("{}: ", dir.join(case.file).display()),
        };
        assert!(
            lines.iter().any(|l| l.starts_with(&prefix)
                && l.contains(&format!(" {}: ", case.severity))
                && l.contains(case.message)),
            "{case:?} not reported as expected; lines for it: {lines:?}\n{out}"
        );
    }
    // Every good file is listed, and has no problem.
    for (id, file) in broken::GOOD {
        let lines = problem_lines(&out, dir, file);
        assert_eq!(
            lines,
            [format!("{}: loaded as '{id}'", dir.join(file).display())],
            "{out}"
        );
    }
    // Briefings with a bad value load without it: listed too.
    let loaded: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(": loaded as '"))
        .collect();
    assert_eq!(loaded.len(), folder.loaded_ids().len(), "{out}");
    assert!(
        out.lines()
            .last()
            .is_some_and(|l| l.starts_with(&format!("{} briefings", folder.loaded_ids().len()))),
        "{out}"
    );
    // Without --verbose: the problems and the summary only.
    let quiet = stdout(&sandbox.run(&["check", dir.to_str().expect("utf-8")]));
    assert!(!quiet.contains("loaded as"), "{quiet}");
    assert_eq!(
        quiet.lines().count() + folder.loaded_ids().len(),
        out.lines().count()
    );
}

#[test]
fn list_shows_every_briefing_that_loads_beside_broken_files() {
    let folder = broken::broken_folder();
    let sandbox = Sandbox::new();
    let dir = folder.path().to_str().expect("utf-8");
    let o = sandbox.run(&["--dir", dir, "list", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut ids = json_ids(&json_of(&o));
    ids.sort();
    assert_eq!(ids, folder.loaded_ids());
    assert!(stderr(&o).contains("run 'brief check'"), "{}", stderr(&o));
    // The browser's search finds the good ones.
    let o = sandbox.run(&["--dir", dir, "search", "transfrontaliere", "--ids"]);
    assert_eq!(code(&o), 0);
    assert_eq!(listed_ids(&o), ["good-one"]);
}

#[test]
fn an_empty_folder_says_where_brief_looked() {
    let sandbox = Sandbox::new();
    let empty = tempfile::tempdir().expect("tempdir");
    let dir = empty.path().to_str().expect("utf-8");
    let o = sandbox.run(&["check", dir]);
    assert_eq!(code(&o), 0, "no error in an empty folder");
    assert!(
        stdout(&o)
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("0 briefings, 0 actors, 0 countries: 0 errors")),
        "{}",
        stdout(&o)
    );
    let note = format!("no briefings in {dir}: brief reads the *.yaml and *.yml files");
    assert!(stderr(&o).contains(&note), "{}", stderr(&o));
    for args in [&["list"][..], &["search", "x"], &["actors"], &["countries"]] {
        let mut all = vec!["--dir", dir];
        all.extend_from_slice(args);
        let o = sandbox.run(&all);
        assert!(stderr(&o).contains(&note), "{args:?}: {}", stderr(&o));
    }
    let o = sandbox.run(&["--dir", dir, "list"]);
    assert_eq!(code(&o), 1, "nothing listed");
    assert!(o.stdout.is_empty());
    // A folder that does not exist is another matter: exit 2.
    let gone = empty.path().join("gone");
    let o = sandbox.run(&["check", gone.to_str().expect("utf-8")]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
}

/// Bytes that must never be written raw: ESC, BEL, C1 controls and the
/// bidirectional overrides, embeddings, isolates and marks, UTF-8 encoded.
fn raw_dangerous(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .filter(|&c| c != '\n' && brief_core::text::is_dangerous(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect()
}

#[test]
fn hostile_text_is_neutralised_in_human_output() {
    let sandbox = Sandbox::new();
    sandbox.write(&[("briefings/hostile.yaml", HOSTILE_YAML)]);
    for args in [
        &["list"][..],
        &["search", "rouge"],
        &["show", "hostile"],
        &["actors"],
        &["check"],
    ] {
        let o = sandbox.run(args);
        assert!(
            o.status.success() || code(&o) == 1,
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(!o.stdout.is_empty(), "{args:?}");
        assert_eq!(raw_dangerous(&o.stdout), Vec::<String>::new(), "{args:?}");
        assert_eq!(raw_dangerous(&o.stderr), Vec::<String>::new(), "{args:?}");
    }
    // The placeholders are there, one per character.
    let shown = stdout(&sandbox.run(&["show", "hostile"]));
    assert!(shown.contains("␛[31mrouge"), "{shown}");
    assert!(shown.contains("\u{fffd}esrever\u{fffd}"), "{shown}");
    assert!(shown.contains("\u{fffd}isolé\u{fffd}"), "{shown}");
}

#[test]
fn hostile_text_is_escaped_in_json_and_kept_as_data() {
    let sandbox = Sandbox::new();
    sandbox.write(&[("briefings/hostile.yaml", HOSTILE_YAML)]);
    for args in [
        &["list", "--json"][..],
        &["search", "rouge", "--json"],
        &["show", "hostile", "--json"],
    ] {
        let o = sandbox.run(args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert_eq!(raw_dangerous(&o.stdout), Vec::<String>::new(), "{args:?}");
        let text = stdout(&o);
        for escaped in [
            r"\u202e", r"\u202c", r"\u2066", r"\u2069", r"\u200f", r"\u009b", r"\u001b",
        ] {
            assert!(text.contains(escaped), "{args:?}: {escaped} missing");
        }
        // Parsed back, the text is the file's, characters and all.
        let v = json_of(&o);
        let b = if v.is_array() { &v[0] } else { &v };
        let title = b["title"].as_str().expect("title");
        assert!(title.contains("\u{202e}esrever\u{202c}"), "{title:?}");
        assert!(title.contains("\u{1b}[31mrouge"), "{title:?}");
        let summary = b["summary"].as_str().expect("summary");
        assert!(
            summary.contains("\u{202d}forcé\u{202c} \u{2067}\u{2068}\u{61c}\u{200e}"),
            "{summary:?}"
        );
    }
}

#[test]
fn completions_cover_every_subcommand_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_brief()"),
        ("zsh", "#compdef brief"),
        ("fish", "complete -c brief"),
    ] {
        let o = brief(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains(marker), "{shell}: {script}");
        for sub in [
            "check",
            "list",
            "search",
            "show",
            "actors",
            "countries",
            "paths",
            "saved",
            "report",
            "stats",
            "dossier",
        ] {
            assert!(script.contains(sub), "{shell} completes '{sub}'");
        }
    }
    let o = brief(&["completions", "tcsh"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn the_man_page_is_generated_from_the_same_definitions_as_help() {
    let o = brief(&["man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH brief 1"), "{page}");
    for item in ["search", "--no-cache", "--dir"] {
        assert!(
            page.contains(item) || page.contains(&item.replace('-', "\\-")),
            "the page mentions {item}"
        );
    }
}

/// `--help` and the man page point to the reference files in docs/, each of which exists.
#[test]
fn help_and_the_man_page_point_to_the_docs() {
    let help = stdout(&brief(&["--help"]));
    let man = stdout(&brief(&["man"]));
    for doc in [
        "docs/cli.md",
        "docs/search.md",
        "docs/browser.md",
        "docs/configuration.md",
        "docs/format.md",
    ] {
        assert!(help.contains(doc), "--help names {doc}: {help}");
        assert!(man.contains(doc), "the man page names {doc}");
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(doc).is_file(),
            "{doc} exists"
        );
    }
}

// Configuration and remembered state.

impl Sandbox {
    fn config_file(&self) -> PathBuf {
        self.home.path().join("config/brief/config.yaml")
    }

    fn write_config(&self, text: &str) {
        let path = self.config_file();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// `ui_language` in config.yaml sets the language of `brief show`'s labels
/// and of the Markdown, over the locale; `brief config` shows it.
#[test]
fn ui_language_sets_the_labels_of_show_and_markdown() {
    let sandbox = Sandbox::new();
    let dir = fixtures::briefings();
    let dir = dir.to_str().unwrap();
    sandbox.write_config("ui_language: en\n");
    let text = stdout(&sandbox.run(&["--dir", dir, "show", CHANNEL]));
    assert!(
        text.contains("Place") && text.contains("Countries"),
        "{text}"
    );
    assert!(text.contains("France (FR), Belgium (BE)"), "{text}");
    assert!(!text.contains("Lieu") && !text.contains("Pays  "), "{text}");
    let md = stdout(&sandbox.run(&["--dir", dir, "show", CHANNEL, "--markdown"]));
    assert!(md.contains("- **Id:** 2021-11-28-manche"), "{md}");
    assert!(md.contains("- **Place:** Calais, France\n"), "{md}");
    assert!(md.contains("- **Actors:**\n  - EU agencies\n"), "{md}");
    assert!(md.contains("\n  - People\n"), "{md}");
    let config = stdout(&sandbox.run(&["config"]));
    assert!(config.contains("ui_language: en"), "{config}");
    sandbox.write_config("ui_language: fr\n");
    let md = stdout(&sandbox.run(&["--dir", dir, "show", CHANNEL, "--markdown"]));
    assert!(md.contains("- **Lieu :** Calais, France\n"), "{md}");
}

#[test]
fn config_default_prints_a_commented_file_that_reads_back_as_the_defaults() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["config", "--default"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines().filter(|l| l.starts_with('#')).count() > 10,
        "{text}"
    );
    for setting in [
        "theme:",
        "reader_width:",
        "sort:",
        "mouse:",
        "links:",
        "keys:",
        "# briefings:",
    ] {
        assert!(text.contains(setting), "{setting} is missing:\n{text}");
    }
    sandbox.write_config(&text);
    let out = sandbox.run(&["config"]);
    assert_eq!(
        code(&out),
        0,
        "no problem with the default file: {}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("theme: default"), "{}", stdout(&out));
}

#[test]
fn a_bad_config_names_the_line_and_value_and_brief_runs_on_the_defaults() {
    let sandbox = Sandbox::new();
    sandbox.write_config("sort: date\n\ntheme: purple\nkeys:\n  quit: Q\n  bookmrk: m\n");
    let dir = fixtures::briefings();
    let out = sandbox.run(&["--dir", dir.to_str().unwrap(), "list", "--ids"]);
    assert_eq!(code(&out), 0, "the command still runs");
    assert_eq!(listed_ids(&out).len(), 8);
    let err = stderr(&out);
    let config = sandbox.config_file().display().to_string();
    assert!(
        err.contains(&format!(
            "{config}:3: warning: theme: 'purple' is not a theme"
        )),
        "{err}"
    );
    // `brief config` also checks the keys, and says which settings apply.
    let out = sandbox.run(&["config"]);
    assert_eq!(code(&out), 1, "problems found");
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{config}:6: warning: keys: 'bookmrk' is not an action"
        )),
        "{text}"
    );
    assert!(
        text.contains("sort: date"),
        "the good settings apply: {text}"
    );
    assert!(text.contains("theme: default"), "{text}");
    assert!(text.contains("quit: [\"Q\"]"), "{text}");
    assert!(!text.contains("bookmrk: ["), "not in force: {text}");
    // A config that is there but cannot be read is said so, not called missing.
    let folder = sandbox.cwd.path().to_str().unwrap();
    let out = sandbox.run(&["--config", folder, "config"]);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains("cannot read the config"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("does not exist"), "{}", stdout(&out));
}

#[test]
fn broken_yaml_in_the_config_gives_its_position_and_the_defaults() {
    let sandbox = Sandbox::new();
    sandbox.write_config("theme: monochrome\nkeys: [oops\n");
    let out = sandbox.run(&["config"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let config = sandbox.config_file().display().to_string();
    assert!(
        text.contains(&format!("{config}:3:")) || text.contains(&format!("{config}:2:")),
        "{text}"
    );
    assert!(
        text.contains("running on the defaults") && text.contains("theme: default"),
        "{text}"
    );
}

#[test]
fn the_config_can_name_the_briefings_folder_and_config_flag_reads_another_file() {
    let sandbox = Sandbox::new();
    sandbox.write(&[("elsewhere/good.yaml", GOOD)]);
    let other = sandbox.cwd.path().join("other.yaml");
    std::fs::write(
        &other,
        format!(
            "briefings: {}\n",
            sandbox.cwd.path().join("elsewhere").display()
        ),
    )
    .unwrap();
    let out = sandbox.run(&["--config", other.to_str().unwrap(), "list", "--ids"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(listed_ids(&out), vec!["good-one"]);
    let out = sandbox.run(&["--config", other.to_str().unwrap(), "paths"]);
    assert!(
        stdout(&out).contains("from config.yaml"),
        "{}",
        stdout(&out)
    );
    // --dir still wins over the config.
    let dir = fixtures::briefings();
    let out = sandbox.run(&[
        "--config",
        other.to_str().unwrap(),
        "--dir",
        dir.to_str().unwrap(),
        "list",
        "--ids",
    ]);
    assert_eq!(listed_ids(&out).len(), 8);
    // A config file asked for by name that does not exist is said, not fatal.
    let out = sandbox.run(&[
        "--config",
        "/no/such/config.yaml",
        "--dir",
        dir.to_str().unwrap(),
        "list",
    ]);
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains("/no/such/config.yaml: warning: no such config file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn list_bookmarked_and_unread_read_the_browsers_state() {
    let sandbox = Sandbox::new();
    let dir = fixtures::briefings();
    let key = std::fs::canonicalize(&dir).unwrap().display().to_string();
    let state = sandbox.home.path().join("state/brief/state.json");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    let remembered = json!({
        "folders": { key: {
            "bookmarks": [ITALY, CHANNEL],
            "read": [CHANNEL],
        }}
    });
    std::fs::write(&state, remembered.to_string()).unwrap();
    let d = dir.to_str().unwrap();
    let out = sandbox.run(&["--dir", d, "list", "--bookmarked", "--ids"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        sorted(
            &listed_ids(&out)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        ),
        sorted(&[ITALY, CHANNEL])
    );
    let out = sandbox.run(&["--dir", d, "list", "--unread", "--json"]);
    let ids = json_ids(&json_of(&out));
    assert_eq!(ids.len(), 7);
    assert!(!ids.contains(&CHANNEL.to_string()));
    // No bookmark at all: nothing listed, exit 1.
    std::fs::remove_file(&state).unwrap();
    let out = sandbox.run(&["--dir", d, "list", "--bookmarked", "--ids"]);
    assert_eq!(code(&out), 1);
    // A damaged state file is set aside, said once, and not fatal.
    std::fs::write(&state, "{ not json").unwrap();
    let out = sandbox.run(&["--dir", d, "list", "--unread"]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("set aside as"), "{}", stderr(&out));
    assert_eq!(brief_core::io::paths::set_aside_copies(&state).len(), 1);
    // A journal that is a FIFO, a link to /dev/zero or a folder: said, at once.
    let journal = brief_core::remembered::journal_path(&state);
    for kind in ["fifo", "zero", "folder"] {
        let _ = std::fs::remove_file(&journal);
        let _ = std::fs::remove_dir(&journal);
        match kind {
            "fifo" => assert!(
                std::process::Command::new("mkfifo")
                    .arg(&journal)
                    .status()
                    .unwrap()
                    .success()
            ),
            "zero" => std::os::unix::fs::symlink("/dev/zero", &journal).unwrap(),
            _ => std::fs::create_dir(&journal).unwrap(),
        }
        let out = sandbox.run(&["--dir", d, "list", "--bookmarked", "--ids"]);
        assert_eq!(code(&out), 1, "{kind}");
        let err = stderr(&out);
        assert!(
            err.contains("state.json.journal") && err.contains("not a regular file"),
            "{kind}: {err}"
        );
    }
    let _ = std::fs::remove_dir(&journal);
}

// ---- nothing raw reaches the terminal ----

/// The title-setting sequence an attacker hides in a name or a value.
const TITLE: &str = "\x1b]0;PWNED\x07";

/// No ESC and no BEL in anything written: the CLI writes no colour into a
/// pipe, so any ESC there came from a value.
fn assert_nothing_raw(o: &Output, channel: &str) {
    for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        assert!(
            !bytes.contains(&0x1b) && !bytes.contains(&0x07),
            "{channel}: raw ESC or BEL on {stream}: {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn escapes_in_paths_and_typed_values_never_reach_the_terminal() {
    let sandbox = Sandbox::new();
    let dir = fixtures::briefings();
    let d = dir.to_str().unwrap();

    // A `briefings:` folder in config.yaml (YAML's \e and \a are ESC and BEL).
    let config = sandbox.home.path().join("config/brief/config.yaml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "briefings: \"/tmp/nope\\e]0;PWNED\\a\"\n").unwrap();
    let out = sandbox.run(&["list"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("␛]0;PWNED␇"), "{}", stderr(&out));
    assert_nothing_raw(&out, "config briefings:");
    let out = sandbox.run(&["paths"]);
    assert_nothing_raw(&out, "config briefings: in brief paths");
    let out = sandbox.run(&["config"]);
    assert_nothing_raw(&out, "config briefings: in brief config");
    std::fs::remove_file(&config).unwrap();

    // BRIEF_DIR.
    let out = sandbox
        .cmd()
        .env("BRIEF_DIR", format!("/tmp/nope{TITLE}"))
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert_nothing_raw(&out, "BRIEF_DIR");

    // --dir naming a file.
    let file = sandbox.cwd.path().join(format!("file{TITLE}.yaml"));
    std::fs::write(&file, GOOD).unwrap();
    let out = sandbox.run(&["--dir", file.to_str().unwrap(), "list"]);
    assert_eq!(code(&out), 2);
    assert_nothing_raw(&out, "--dir naming a file");

    // A folder whose name holds an escape, with a broken file in it.
    let folder = format!("folder{TITLE}");
    sandbox.write(&[
        (&format!("{folder}/good.yaml"), GOOD),
        (&format!("{folder}/bad.yaml"), BAD),
    ]);
    let folder = sandbox.cwd.path().join(&folder);
    let f = folder.to_str().unwrap();
    let out = sandbox.run(&["--dir", f, "list"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 file problem(s) while loading"),
        "{}",
        stderr(&out)
    );
    assert_nothing_raw(&out, "folder name in the loading warning");
    let out = sandbox.run(&["--no-cache", "check", f]);
    assert_eq!(code(&out), 1);
    assert_nothing_raw(&out, "folder name in brief check");

    // Values typed on the command line.
    let country = format!("--country={TITLE}");
    let out = sandbox.run(&["--dir", d, "list", &country]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown country"), "{}", stderr(&out));
    assert_nothing_raw(&out, "--country");
    let actor = format!("--actor={TITLE}");
    let out = sandbox.run(&["--dir", d, "list", &actor]);
    assert_eq!(code(&out), 1);
    assert_nothing_raw(&out, "--actor");
    let query = format!("pays:{TITLE}");
    let out = sandbox.run(&["--dir", d, "search", &query]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown country"), "{}", stderr(&out));
    assert_nothing_raw(&out, "pays: in a query");
    let out = sandbox.run(&["--dir", d, "list", "--year", TITLE]);
    assert_eq!(code(&out), 2);
    assert_nothing_raw(&out, "--year");
    // What clap itself reports: a bad value, an unknown option or subcommand.
    let format = format!("--format={TITLE}");
    let out = sandbox.run(&["--dir", d, "list", &format]);
    assert_eq!(code(&out), 2);
    assert_nothing_raw(&out, "--format");
    let out = sandbox.run(&["--dir", d, "list", &format!("--x{TITLE}")]);
    assert_eq!(code(&out), 2);
    assert_nothing_raw(&out, "an unknown option");
    let out = sandbox.run(&["--dir", d, &format!("li{TITLE}")]);
    assert_eq!(code(&out), 2);
    assert_nothing_raw(&out, "an unknown subcommand");
    let out = sandbox.run(&["--dir", d, "search", "frontex", &format!("--x{TITLE}")]);
    assert_eq!(code(&out), 2);
    assert_nothing_raw(&out, "an unknown option among the words");
    // A config file named on the command line that does not exist.
    let missing = format!("/no/such{TITLE}.yaml");
    let out = sandbox.run(&["--config", &missing, "--dir", d, "list"]);
    assert_nothing_raw(&out, "--config naming a missing file");
}

// ---- key configuration ----

#[test]
fn brief_config_lists_only_the_keys_in_force_and_warns_about_the_rest() {
    let sandbox = Sandbox::new();
    let config = sandbox.home.path().join("config/brief/config.yaml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        "keys:\n  quit: x\n  help: x\n  suspend: q\n  toggle_read: m\n",
    )
    .unwrap();
    let out = sandbox.run(&["config"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let text = stdout(&out);
    let keys = &text[text.find("\nkeys:").expect("a keys section") + 1..];
    assert_eq!(
        keys, "keys:\n  help: [\"x\"]\n  toggle_read: [\"m\"]\n",
        "{text}"
    );
    for warning in [
        "config.yaml:3: warning: keys: x is given to both quit (line 2) and help; help, the later line, wins",
        "config.yaml:3: warning: keys: quit was left without a key; it keeps its default key q",
        "config.yaml:4: warning: keys: suspend stays on Ctrl-Z",
        "config.yaml:2: warning: keys: clear_filters is left without a key",
    ] {
        assert!(text.contains(warning), "{warning}\n{text}");
    }
}

#[test]
fn an_unknown_setting_written_with_an_escape_keeps_its_line() {
    let sandbox = Sandbox::new();
    let config = sandbox.home.path().join("config/brief/config.yaml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "sort: date\n\"th\\e]0;x\\ame\": monochrome\n").unwrap();
    let out = sandbox.run(&["config"]);
    assert!(
        stdout(&out).contains("config.yaml:2: warning: unknown setting 'th␛]0;x␇me'"),
        "{}",
        stdout(&out)
    );
    assert_nothing_raw(&out, "an unknown setting");
}

/// `/dev/zero` behind a link, a FIFO, a socket, links to `/` and `/proc`, a
/// briefing linked from outside and a name that is not UTF-8, beside good
/// files: `check` finishes at once (before: it spun or hung forever),
/// reports each bad path and loads every good file, and the cache keeps
/// working (before: `could not write the cache (Serde Serialization Error)`).
#[test]
fn check_on_a_folder_that_fights_back_finishes_and_reports_each_bad_path() {
    let folder = broken::hostile_folder();
    let sandbox = Sandbox::new();
    let d = folder.dir.path().to_str().expect("utf-8 path");
    let (tx, rx) = std::sync::mpsc::channel();
    let cmd = sandbox.cmd();
    let args = vec![
        "--no-cache".to_string(),
        "--dir".into(),
        d.into(),
        "check".into(),
        "--verbose".into(),
    ];
    let started = std::time::Instant::now();
    std::thread::spawn(move || {
        let mut cmd = cmd;
        let _ = tx.send(cmd.args(&args).output());
    });
    let out = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("brief check finishes (it hung)")
        .expect("brief runs");
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let all = format!("{}{err}", String::from_utf8_lossy(&out.stdout));
    assert!(
        took < std::time::Duration::from_secs(5),
        "took {took:?} (under a second on an idle machine)"
    );
    assert_eq!(code(&out), 1, "{all}");
    for (path, message) in broken::HOSTILE_BAD {
        assert!(
            all.lines().any(|l| l.contains(path) && l.contains(message)),
            "{path}: {message} not reported in:\n{all}"
        );
    }
    assert!(!all.contains("no id and no file name"), "{all}");
    let out = sandbox.run(&["--dir", d, "list", "--ids", "--limit", "0"]);
    let mut ids = listed_ids(&out);
    ids.sort();
    assert_eq!(
        ids,
        sorted(broken::HOSTILE_GOOD),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Cached, though one path is not UTF-8: the second run reads the cache
    // and says nothing about it.
    let out = sandbox.run(&["--dir", d, "list", "--ids", "--limit", "0"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("cache"), "{err}");
    let cached: Vec<_> = std::fs::read_dir(sandbox.home.path().join("cache/brief"))
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(
        cached
            .iter()
            .any(|p| p.extension().is_some_and(|x| x == "bin")),
        "a cache was written: {cached:?}; {err}; {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(listed_ids(&out).len(), broken::HOSTILE_GOOD.len());
}

/// `--dir /proc`: the walk stays bounded and never follows the links out
/// (`/proc/*/root` → `/`), so `check` ends (before: it walked the whole file
/// system and did not finish in 60 s).
#[cfg(target_os = "linux")]
#[test]
fn check_on_proc_finishes() {
    let sandbox = Sandbox::new();
    let (tx, rx) = std::sync::mpsc::channel();
    let mut cmd = sandbox.cmd();
    std::thread::spawn(move || {
        let _ = tx.send(cmd.args(["--no-cache", "--dir", "/proc", "check"]).output());
    });
    let out = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("brief check --dir /proc finishes")
        .expect("brief runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let text = format!("{}{err}", String::from_utf8_lossy(&out.stdout));
    assert!(text.contains("0 briefings"), "{text}");
    assert!(
        out.status.code().is_some(),
        "exited, not killed by a signal"
    );
}

/// A large folder read from its files: the progress bar is for a terminal
/// only, so piped stderr holds the summary and nothing else.
#[test]
fn a_large_folder_read_into_a_pipe_shows_no_progress_bar() {
    let sandbox = Sandbox::new();
    let files: Vec<(String, String)> = (0..2_100)
        .map(|i| {
            (
                format!("many/b{i:04}.yaml"),
                format!("title: Réunion numéro {i}\ncountries: [NE]\n"),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    sandbox.write(&refs);
    let out = sandbox.run(&["--no-cache", "--dir", "many", "check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out)
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("2,100 briefings")),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("reading"), "{}", stderr(&out));
    assert!(!out.stderr.contains(&0x1b), "no escape sequence on a pipe");
}
