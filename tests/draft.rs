//! Drafting briefings from articles: the date grammar against a table of
//! expressions, and the five seed pages against the eight briefings written
//! from them (tests/fixtures: the pages, and the fixture briefings and their
//! registry).

// A test states its assumptions with unwrap, expect and panic, and prints
// what it found (both denied in the crates themselves by [workspace.lints]).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use brief_core::load::{LoadOptions, load_dir, load_files};
use brief_core::{Briefing, Folder, Severity};
use brief_draft::dates::find_dates;
use brief_draft::{MeetingDraft, draft};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The first date expression of `text`, as `start..end`, or "none".
fn first_date(text: &str) -> String {
    find_dates(text)
        .first()
        .map_or_else(|| "none".to_string(), |d| d.label())
}

#[test]
fn french_and_english_date_expressions() {
    // (sentence, expected): ???? is a year the text does not give.
    let table: &[(&str, &str)] = &[
        (
            "Les 27 et 28 octobre, des représentants",
            "????-10-27..????-10-28",
        ),
        ("du 10 au 14 juillet", "????-07-10..????-07-14"),
        ("a réuni le 28 novembre ces homologues", "????-11-28"),
        (
            "prennent part à partir de ce lundi 6 et ce, jusqu’au mardi 7 mars 2023, à la",
            "2023-03-06..2023-03-07",
        ),
        (
            "distribution des kits 30-31 janvier 2023",
            "2023-01-30..2023-01-31",
        ),
        ("Février 25, 2019", "2019-02-25"),
        ("Novembre 11, 2021", "2021-11-11"),
        ("à Bruxelles le 4 juin pour discuter", "????-06-04"),
        ("le 1er mars 2023", "2023-03-01"),
        ("le 1er juin", "????-06-01"),
        ("le premier mai 2022", "2022-05-01"),
        ("le 2e jour, le 2 février 2020", "2020-02-02"),
        ("le 3ème et dernier jour, le 3 avril 2021", "2021-04-03"),
        ("lundi 6 mars 2023", "2023-03-06"),
        ("le mardi, 7 mars 2023", "2023-03-07"),
        ("du 28 février au 2 mars 2023", "2023-02-28..2023-03-02"),
        ("du 30 janvier au 2 février", "????-01-30..????-02-02"),
        ("entre le 3 et le 5 mai 2021", "2021-05-03..2021-05-05"),
        ("les 3, 4 et 5 mai 2021", "2021-05-03..2021-05-05"),
        ("le 4 et le 5 juin 2019", "2019-06-04..2019-06-05"),
        ("10 au 14 juillet 2023", "2023-07-10..2023-07-14"),
        ("30 - 31 janvier 2023", "2023-01-30..2023-01-31"),
        ("30–31 janvier 2023", "2023-01-30..2023-01-31"),
        ("le 15 août 2020", "2020-08-15"),
        ("le 15 aout 2020", "2020-08-15"),
        ("le 31 décembre 2019", "2019-12-31"),
        ("le 3 sept. 2019", "2019-09-03"),
        ("le 12 janv. 2024", "2024-01-12"),
        ("en mars 2023", "2023-03"),
        ("en juillet 2021, une mission", "2021-07"),
        ("25/02/2019", "2019-02-25"),
        ("le 25.02.2019", "2019-02-25"),
        ("publié le 2019-02-25", "2019-02-25"),
        ("jeudi 9 novembre", "????-11-09"),
        ("mi-mars", "none"),
        ("mi-mars 2023", "none"),
        ("mars", "none"),
        ("ce lundi 6", "none"),
        ("la 6ème réunion du Groupe", "none"),
        ("17 États membres", "none"),
        ("la mort de 27 personnes", "none"),
        ("depuis 1951", "none"),
        ("le Programme 2030", "none"),
        ("Tél.: + 32 2 235 66 97", "none"),
        ("pour une durée de 24 mois", "none"),
        ("le 30 février 2021", "2021-02-30"),
        // English
        ("February 25, 2019", "2019-02-25"),
        ("on 4 June 2020", "2020-06-04"),
        ("June 2nd, 2021", "2021-06-02"),
        ("the 4th of June 2020", "2020-06-04"),
        ("from 10 to 14 July 2023", "2023-07-10..2023-07-14"),
        ("February 25-26, 2019", "2019-02-25..2019-02-26"),
        ("25-26 February 2019", "2019-02-25..2019-02-26"),
        ("between 3 and 5 May 2021", "2021-05-03..2021-05-05"),
        ("in March 2023", "2023-03"),
        ("Monday 6 March 2023", "2023-03-06"),
        ("you may go", "none"),
    ];
    assert!(table.len() >= 40);
    let mut wrong = Vec::new();
    for (text, expected) in table {
        let got = first_date(text);
        if got != *expected {
            wrong.push(format!("{text:?}: expected {expected}, got {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_date_that_does_not_exist_is_never_a_partial_date() {
    let d = &find_dates("le 30 février 2021")[0];
    assert_eq!(d.start.to_partial(None), None);
    let d = &find_dates("le 28 novembre")[0];
    assert_eq!(d.start.to_partial(None), None, "no year, no date");
    assert_eq!(
        d.start.to_partial(Some(2021)).map(|d| d.to_string()),
        Some("2021-11-28".to_string())
    );
    assert_eq!(d.text, "le 28 novembre");
}

fn shipped() -> Folder {
    let corpus = load_dir(
        &fixtures().join("briefings"),
        &LoadOptions::default(),
        &|_, _| {},
    )
    .expect("fixture folder");
    assert_eq!(corpus.count(Severity::Error), 0, "{:?}", corpus.problems);
    corpus
}

/// Each seed page and the ids of the briefings written from it, in the
/// page's order (the main article first).
const SEEDS: &[(&str, &[&str])] = &[
    (
        "000_0bec1036208360b3.txt",
        &["2019-02-emsc-cidpm-trafic-migrants"],
    ),
    (
        "001_151656dc25dff925.txt",
        &["2021-11-28-manche-mer-du-nord-reunion-intergouvernementale"],
    ),
    (
        "002_ddb81b77b6e763d9.txt",
        &[
            "oim-visite-etude-italie-gestion-frontieres",
            "2023-03-06-niamey-gttc-niger-nigeria",
            "anltp-tim-visite-instance-mauritanienne",
            "2023-01-30-zinder-anltp-tim-naptip-victimes",
        ],
    ),
    (
        "003_5dbb62f1ada71ef4.txt",
        &["2021-10-27-euromed-migration-v-la-valette"],
    ),
    (
        "004_06b4552aa55b655f.txt",
        &["oim-bruxelles-migrations-irregulieres-argo"],
    ),
];

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Folded, one space between words: for "does the page say this".
fn plain(s: &str) -> String {
    brief_draft::matcher::key(s)
}

struct Figures {
    id: String,
    countries_exact: bool,
    recall: (usize, usize),
    missed: Vec<String>,
    dates: &'static str,
    place: &'static str,
    body: bool,
}

fn measure(page: &str, m: &MeetingDraft, b: &Briefing, corpus: &Folder) -> Figures {
    // Countries: exactly the shipped set.
    let got: BTreeSet<String> = m.countries.iter().map(|(c, _)| c.to_string()).collect();
    let want: BTreeSet<String> = b.countries.iter().map(|c| c.to_string()).collect();
    // Actors: the shipped briefing's registered actors found, and no actor
    // whose words are not on the page.
    let page_plain = plain(page);
    for a in &m.actors {
        for part in a.from.split(" … ") {
            assert!(
                page_plain.contains(&plain(part)),
                "{}: actor {} from {:?}, not on the page",
                b.id,
                a.name,
                a.from
            );
        }
        // A person named by an office: the words are one of its offices.
        if a.note.is_some() {
            let offices = corpus
                .actor(a.id)
                .map(|x| x.offices.clone())
                .unwrap_or_default();
            assert!(
                offices
                    .iter()
                    .flat_map(|o| o.names.iter())
                    .any(|n| plain(&a.from).contains(&plain(n))),
                "{}: {} from {:?} is none of its offices",
                b.id,
                a.name,
                a.from
            );
        }
    }
    let registered: Vec<usize> = b
        .actors
        .iter()
        .map(|r| r.actor)
        .filter(|id| corpus.actor(*id).is_some_and(|a| a.registered))
        .collect();
    let found: BTreeSet<usize> = m.actors.iter().map(|a| a.id).collect();
    let hit = registered.iter().filter(|id| found.contains(id)).count();
    let missed = registered
        .iter()
        .filter(|id| !found.contains(id))
        .filter_map(|id| corpus.actor(*id).map(|a| a.name.clone()))
        .collect();
    // Dates: the same, or left out; never another.
    let same = |got: Option<String>, want: Option<String>| got.map(|g| Some(g) == want);
    let checks = [
        same(
            m.date.as_ref().map(|d| d.0.to_string()),
            b.date.map(|d| d.to_string()),
        ),
        same(
            m.end_date.as_ref().map(|d| d.0.to_string()),
            b.end_date.map(|d| d.to_string()),
        ),
        same(
            m.published.as_ref().map(|d| d.0.to_string()),
            b.published.map(|d| d.to_string()),
        ),
    ];
    assert!(
        !checks.contains(&Some(false)),
        "{}: a wrong date: {:?} {:?} {:?}",
        b.id,
        m.date,
        m.end_date,
        m.published
    );
    let all_given = b.date.is_some() == m.date.is_some()
        && b.end_date.is_some() == m.end_date.is_some()
        && b.published.is_some() == m.published.is_some();
    let dates = if all_given { "same" } else { "fewer" };
    // Place: the same, or left out; never another.
    let city = m.place.city.as_ref().map(|c| c.0.clone());
    let country = m.place.country.as_ref().map(|c| c.0);
    assert!(
        city.is_none() || city == b.location.city,
        "{}: city {city:?}",
        b.id
    );
    assert!(
        country.is_none() || country == b.location.country,
        "{}: country {country:?}",
        b.id
    );
    assert!(
        m.place.online.is_none() || b.location.online,
        "{}: online",
        b.id
    );
    let place = if city == b.location.city
        && country == b.location.country
        && m.place.online.is_some() == b.location.online
    {
        "same"
    } else {
        "fewer"
    };
    Figures {
        id: b.id.to_string(),
        countries_exact: got == want,
        recall: (hit, registered.len()),
        missed,
        dates,
        place,
        body: squash(&m.body) == squash(&b.body),
    }
}

#[test]
fn drafts_of_the_seed_pages_match_the_shipped_briefings() {
    let corpus = shipped();
    let mut report = Vec::new();
    for (file, ids) in SEEDS {
        let page = std::fs::read_to_string(fixtures().join("pages").join(file)).expect("seed page");
        let d = draft(&page, &corpus.registry);
        assert_eq!(d.meetings.len(), ids.len(), "{file}: one draft per meeting");
        for (m, id) in d.meetings.iter().zip(ids.iter()) {
            let b = corpus.get(id).expect("shipped briefing");
            let f = measure(&page, m, b, &corpus);
            report.push(format!(
                "{file} {:<60} countries {:<5} actors {}/{} ({:.0}%) dates {:<5} place {:<5} body {}{}",
                f.id,
                if f.countries_exact { "exact" } else { "NO" },
                f.recall.0,
                f.recall.1,
                100.0 * f.recall.0 as f64 / f.recall.1.max(1) as f64,
                f.dates,
                f.place,
                if f.body { "same" } else { "DIFFERENT" },
                if f.missed.is_empty() {
                    String::new()
                } else {
                    format!(" (missed: {})", f.missed.join(", "))
                }
            ));
            assert!(f.countries_exact, "{id}: countries {:?}", m.countries);
            assert!(f.body, "{id}: body\n{}\n---\n{}", m.body, b.body);
            let (hit, total) = f.recall;
            // Every page, the Channel page included: the three people it
            // names only by their office, without a year, are the registry's
            // only holders of those offices, proposed for checking.
            assert!(hit * 10 >= total * 8, "{id}: {hit}/{total} {:?}", f.missed);
        }
    }
    println!("{}", report.join("\n"));
}

/// The Channel page as it is: no year ("le 28 novembre", no publication
/// date), and three people named only by their office. Each office has one
/// holder in the registry, so each is proposed, with a comment that says why
/// and asks to check.
#[test]
fn the_only_holder_of_an_office_is_proposed_for_checking_without_a_year() {
    let corpus = shipped();
    let id = "2021-11-28-manche-mer-du-nord-reunion-intergouvernementale";
    let page = std::fs::read_to_string(fixtures().join("pages/001_151656dc25dff925.txt"))
        .expect("seed page");
    let m = &draft(&page, &corpus.registry).meetings[0];
    assert!(m.date.is_none() && m.published.is_none());
    let b = corpus.get(id).expect("shipped briefing");
    let f = measure(&page, m, b, &corpus);
    assert_eq!(f.recall, (11, 11), "{:?}", f.missed);
    assert!(m.office_notes.is_empty(), "{:?}", m.office_notes);
    let yaml = m.to_yaml(&corpus.registry, "001", (&[], 0));
    for line in [
        "  - name: \"Ylva Johansson\"  # from \"la Commissaire européenne aux Affaires Intérieures\" (the only holder of this office in the registry, 2019–2024; the article gives no year: check)",
        "  - name: \"Catherine De Bolle\"  # from \"la Directrice exécutive d'Europol\" (the only holder of this office in the registry, 2018–; the article gives no year: check)",
        "  - name: \"Fabrice Leggeri\"  # from \"le Directeur exécutif de l'agence Frontex\" (the only holder of this office in the registry, 2015–2022; the article gives no year: check)",
    ] {
        assert!(yaml.contains(line), "{line}\n{yaml}");
    }
}

/// The Channel page with the year its meeting was held (the page itself
/// says only "le 28 novembre"): the three people it names by their office
/// held it in 2021, so they are proposed, each with where it came from.
#[test]
fn a_person_named_by_an_office_held_that_year_is_proposed() {
    let corpus = shipped();
    let id = "2021-11-28-manche-mer-du-nord-reunion-intergouvernementale";
    let page = std::fs::read_to_string(fixtures().join("pages/001_151656dc25dff925.txt"))
        .expect("seed page");
    let with_year = page.replacen("le 28\u{a0}novembre", "le 28 novembre 2021", 1);
    assert_ne!(with_year, page);
    let d = draft(&with_year, &corpus.registry);
    let m = &d.meetings[0];
    let b = corpus.get(id).expect("shipped briefing");
    let f = measure(&with_year, m, b, &corpus);
    let (hit, total) = f.recall;
    println!(
        "001 with its year: actors {hit}/{total} (missed: {:?})",
        f.missed
    );
    assert!(hit * 10 >= total * 8, "{hit}/{total} {:?}", f.missed);
    assert!(f.missed.is_empty(), "{:?}", f.missed);
    assert!(m.office_notes.is_empty(), "{:?}", m.office_notes);
    let yaml = m.to_yaml(&corpus.registry, "001", (&[], 0));
    for line in [
        "  - name: \"Ylva Johansson\"  # from \"la Commissaire européenne aux Affaires Intérieures\" (office held 2019–2024)",
        "  - name: \"Catherine De Bolle\"  # from \"la Directrice exécutive d'Europol\" (office held 2018–)",
        "  - name: \"Fabrice Leggeri\"  # from \"le Directeur exécutif de l'agence Frontex\" (office held 2015–2022)",
    ] {
        assert!(yaml.contains(line), "{line}\n{yaml}");
    }
    // Two years later Leggeri no longer held his: not proposed, and said.
    let later = page.replacen("le 28\u{a0}novembre", "le 28 novembre 2023", 1);
    let m = &draft(&later, &corpus.registry).meetings[0];
    let names: Vec<&str> = m.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Ylva Johansson") && !names.contains(&"Fabrice Leggeri"));
    assert!(
        m.office_notes
            .iter()
            .any(|n| n.contains("Fabrice Leggeri") && n.contains("not in 2023")),
        "{:?}",
        m.office_notes
    );
}

#[test]
fn the_dates_places_and_roles_the_seeds_state_are_found() {
    let corpus = shipped();
    let page = |f: &str| std::fs::read_to_string(fixtures().join("pages").join(f)).expect("page");
    let euromed = draft(&page("003_5dbb62f1ada71ef4.txt"), &corpus.registry);
    let m = &euromed.meetings[0];
    assert_eq!(
        m.date.as_ref().map(|d| d.0.to_string()).as_deref(),
        Some("2021-10-27")
    );
    assert_eq!(
        m.date
            .as_ref()
            .map(|d| d.1.replace('\u{a0}', " "))
            .as_deref(),
        Some("Les 27 et 28 octobre")
    );
    let note = m.date_note.as_deref().unwrap_or("");
    assert!(
        note.contains("sans l’année") && note.contains("publication"),
        "{note}"
    );
    assert_eq!(
        m.place.city.as_ref().map(|c| c.0.as_str()),
        Some("La Valette")
    );
    assert!(m.place.online.is_some());
    assert_eq!(
        m.translations.as_ref().map(|t| t.0.clone()),
        Some(vec!["ar".to_string(), "en".to_string()])
    );
    // A missing year without a publication date: left out, and said.
    let manche = draft(&page("001_151656dc25dff925.txt"), &corpus.registry);
    let m = &manche.meetings[0];
    assert!(m.date.is_none());
    assert!(
        m.date_note
            .as_deref()
            .unwrap_or("")
            .contains("le 28 novembre")
    );
    // Roles only where the sentence says them.
    let role = |m: &MeetingDraft, name: &str| {
        m.actors
            .iter()
            .find(|a| a.name == name)
            .and_then(|a| a.role.clone())
            .map(|r| r.0)
    };
    let emsc = draft(&page("000_0bec1036208360b3.txt"), &corpus.registry);
    assert_eq!(
        role(&emsc.meetings[0], "CIDPM").as_deref(),
        Some("co-organisateur")
    );
    assert_eq!(role(&emsc.meetings[0], "Europol"), None);
    let multi = draft(&page("002_ddb81b77b6e763d9.txt"), &corpus.registry);
    assert_eq!(
        role(&multi.meetings[3], "NAPTIP").as_deref(),
        Some("co-organisateur")
    );
    assert_eq!(
        multi.meetings[1].place.city.as_ref().map(|c| c.0.as_str()),
        Some("Niamey")
    );
}

#[test]
fn every_seed_draft_is_a_valid_briefing_file() {
    let corpus = shipped();
    let registry = std::fs::read(fixtures().join("briefings/actors.yaml")).expect("registry");
    for (file, _) in SEEDS {
        let page = std::fs::read_to_string(fixtures().join("pages").join(file)).expect("page");
        let d = draft(&page, &corpus.registry);
        for (i, m) in d.meetings.iter().enumerate() {
            let yaml = m.to_yaml(&corpus.registry, file, (&[], 0));
            assert!(yaml.contains("# from \""), "{file}: guesses are marked");
            let loaded = load_files(
                vec![
                    (PathBuf::from("actors.yaml"), registry.clone()),
                    (
                        PathBuf::from(format!("draft-{i}.yaml")),
                        yaml.clone().into_bytes(),
                    ),
                ],
                "test".into(),
            );
            let errors: Vec<_> = loaded
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{file} #{i}: {errors:?}\n{yaml}");
            let b = &loaded.briefings[0];
            assert_eq!(b.title, m.title);
            assert_eq!(squash(&b.body), squash(&m.body));
            assert_eq!(b.countries.len(), m.countries.len());
        }
    }
}

#[test]
fn scraping_debris_is_left_out() {
    let page = "accordion-iconalert-iconarrow-leftarrowarticleShowedbacktotopCreated with Sketch. bookmarkcall-iconcheck\n\
        Offert\n\nUn titre\n\nPartager sur\n\nLe texte de l'article.\n\n0 commentaires\n\nSoumettre un commentaire\n\n\
        Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *\n";
    let p = brief_draft::text::from_plain(page);
    assert_eq!(p.sections[0].title, "Un titre");
    assert_eq!(
        p.sections[0].paragraphs,
        vec!["Le texte de l'article.".to_string()]
    );
}

#[test]
fn hard_wrapped_lines_become_paragraphs() {
    let page = "Titre\nUne phrase coupée\nen deux lignes.\nUne autre\nphrase.\nPour plus d'informations, veuillez contacter:\nJean Dupont\nE-mail:\n\"mailto:jd@example.org\">jd@example.org\n";
    let p = brief_draft::text::from_plain(page);
    assert_eq!(
        p.sections[0].paragraphs,
        vec![
            "Une phrase coupée en deux lignes.".to_string(),
            "Une autre phrase.".to_string(),
            "Pour plus d'informations, veuillez contacter: Jean Dupont, E-mail: jd@example.org"
                .to_string(),
        ]
    );
}

#[test]
fn countries_by_name_variant_and_demonym() {
    let found = |t: &str| -> Vec<String> {
        brief_draft::countries::distinct(t)
            .into_iter()
            .map(|(c, _)| c.to_string())
            .collect()
    };
    assert_eq!(
        found("des législateurs belges, lettons, polonais et slovaques"),
        ["BE", "LV", "PL", "SK"]
    );
    assert_eq!(
        found("des déléguées lettonnes et une experte néerlandaise"),
        ["LV", "NL"]
    );
    assert_eq!(found("vers le Royaume-Uni et les Pays-Bas"), ["GB", "NL"]);
    assert_eq!(found("entre le Niger et le Nigeria"), ["NE", "NG"]);
    assert_eq!(found("la Côte d’Ivoire"), ["CI"]);
    assert_eq!(found("British and Italian officials"), ["GB", "IT"]);
    // Not countries: a meeting, a language, a common word.
    assert!(found("La réunion de Bruxelles").is_empty());
    assert!(found("un texte traduit en français").is_empty());
}

#[test]
fn html_pages_go_through_the_extractor_and_their_metadata() {
    let html = r#"<!DOCTYPE html><html lang="fr"><head>
        <title>Réunion à Niamey</title>
        <link rel="canonical" href="https://example.org/reunion-niamey">
        <meta property="og:site_name" content="ANLTP/TIM">
        <meta property="article:published_time" content="2023-03-08T10:00:00+00:00">
        </head><body>
        <nav><ul><li>Accueil</li><li>Qui sommes-nous</li></ul></nav>
        <article><h1>Réunion à Niamey</h1>
        <p>Une trentaine d’experts venus du Nigeria et du Niger prennent part à partir de ce lundi 6 et ce, jusqu’au mardi 7 mars 2023, à la 6ème réunion du Groupe de Travail Technique Conjoint (GTTC) à Niamey. Les experts évaluent les bonnes pratiques et les leçons apprises du projet de coopération entre les deux pays.</p>
        <p>La rencontre a permis de faire le point sur la mise en œuvre de l’accord de coopération bilatérale dans la lutte contre la traite des personnes, et de proposer de nouvelles actions pour les années à venir, avec l’appui des partenaires techniques et financiers.</p>
        </article>
        <footer>Partager sur</footer></body></html>"#;
    let corpus = shipped();
    let d = draft(html, &corpus.registry);
    let m = &d.meetings[0];
    assert_eq!(m.title, "Réunion à Niamey");
    assert_eq!(m.url.as_deref(), Some("https://example.org/reunion-niamey"));
    assert_eq!(
        m.publisher.as_ref().map(|p| p.0.as_str()),
        Some("ANLTP/TIM")
    );
    assert_eq!(
        m.published.as_ref().map(|p| p.0.to_string()).as_deref(),
        Some("2023-03-08")
    );
    assert_eq!(
        m.date.as_ref().map(|p| p.0.to_string()).as_deref(),
        Some("2023-03-06")
    );
    assert_eq!(m.place.city.as_ref().map(|c| c.0.as_str()), Some("Niamey"));
    assert!(m.body.contains("Une trentaine d’experts"), "{}", m.body);
    assert!(!m.body.contains("Accueil"), "{}", m.body);
    assert_eq!(m.body.split("\n\n").count(), 2, "{}", m.body);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, registry: &brief_core::actors::Registry) {
        for m in draft(text, registry).meetings {
            let yaml = m.to_yaml(registry, "fuzz", (&[], 0));
            let parsed: Result<serde_yaml::Value, _> = serde_yaml::from_str(&yaml);
            assert!(parsed.is_ok(), "{parsed:?}\n{yaml}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any text: no panic, and every draft is YAML.
        #[test]
        fn any_text(text in "\\PC{0,400}") {
            let corpus = shipped();
            check(&text, &corpus.registry);
        }

        /// Date-like noise: digits, month names, separators.
        #[test]
        fn date_noise(words in proptest::collection::vec(
            prop_oneof![
                Just("le".to_string()), Just("du".to_string()), Just("au".to_string()),
                Just("et".to_string()), Just("-".to_string()), Just(",".to_string()),
                Just("jusqu’au".to_string()), Just("à partir de".to_string()),
                Just("mars".to_string()), Just("Février".to_string()), Just("1er".to_string()),
                (0u32..40).prop_map(|n| n.to_string()), (1890u32..2110).prop_map(|n| n.to_string()),
            ], 0..20)) {
            let text = words.join(" ");
            for d in find_dates(&text) {
                assert_eq!(&text[d.span.clone()], d.text);
                if let Some(e) = d.end {
                    let key = |p: &brief_draft::dates::DateParts| (p.year, p.month, p.day);
                    assert!(key(&d.start) < key(&e) || d.start.year.is_none(), "{text}: {}", d.label());
                }
            }
        }

        /// Any bytes, as a file gives them: a draft or a refusal, no panic.
        #[test]
        fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let corpus = shipped();
            if let Ok(d) = brief_draft::draft_bytes(&bytes, &corpus.registry) {
                for m in d.meetings {
                    let yaml = m.to_yaml(&corpus.registry, "fuzz", (&[], 0));
                    let parsed: Result<serde_yaml::Value, _> = serde_yaml::from_str(&yaml);
                    prop_assert!(parsed.is_ok(), "{parsed:?}\n{yaml}");
                }
            }
        }

        /// HTML made of tags that nest, close out of order, are left open,
        /// hide in comments and scripts: a draft, and the tree the parser
        /// builds from the flattened page no deeper than the bound allows.
        #[test]
        fn any_html(pieces in proptest::collection::vec(prop_oneof![
            Just("<div>"), Just("</div>"), Just("<p>"), Just("</p>"), Just("<span>"),
            Just("</span>"), Just("<b>"), Just("</b>"), Just("<i>"), Just("<a href=\"x>y\">"),
            Just("</a>"), Just("<table>"), Just("</table>"), Just("<tr>"), Just("<td>"),
            Just("</td>"), Just("<ul>"), Just("</ul>"), Just("<li>"), Just("</li>"),
            Just("<dl>"), Just("<dt>"), Just("<dd>"), Just("<h2>"), Just("</h2>"),
            Just("<button>"), Just("</button>"), Just("<select>"), Just("<option>"),
            Just("<svg>"), Just("<g/>"), Just("</svg>"), Just("<br>"), Just("<img src=x>"),
            Just("<!--"), Just("-->"), Just("<script>"), Just("</script>"), Just("<title>"),
            Just("</title>"), Just("<body>"), Just("<form>"), Just("<object>"), Just("<font>"),
            Just("<template>"), Just("</template>"), Just("<plaintext>"), Just("<"), Just(">"),
            Just("le 6 mars 2023 à Niamey. "), Just("Réunion de l'OIM "), Just("\n\n"),
        ], 0..1500)) {
            let corpus = shipped();
            let html = format!("<html><body>{}</body></html>", pieces.concat());
            check(&html, &corpus.registry);
            let max = 40;
            let flat = brief_draft::html::flatten(&html, max);
            let deepest = brief_draft::html::depth_of(&flat.html);
            prop_assert!(deepest <= max + 8, "{deepest} deep after flattening to {max}:\n{html}");
        }

        /// A seed page with lines dropped and characters inserted.
        #[test]
        fn damaged_seed(seed in 0usize..5, drop in proptest::collection::vec(any::<bool>(), 80),
                        insert in "\\PC{0,3}", at in any::<usize>()) {
            let corpus = shipped();
            let (file, _) = SEEDS[seed];
            let page = std::fs::read_to_string(fixtures().join("pages").join(file)).expect("page");
            let mut lines: Vec<&str> = page.lines().enumerate()
                .filter(|(i, _)| !drop.get(*i).copied().unwrap_or(false))
                .map(|(_, l)| l).collect();
            let extra = insert.clone();
            if !lines.is_empty() {
                let i = at % lines.len();
                lines.insert(i, &extra);
            }
            check(&lines.join("\n"), &corpus.registry);
        }
    }
}

#[test]
fn unregistered_organisations_are_proposed_not_added() {
    let corpus = shipped();
    let index = brief_draft::actors::ActorIndex::new(&corpus.registry);
    // (The ONU is in the built-in registry: UNITAR is not.)
    let text = "Le Bureau International du Travail et l’UNITAR, avec l’OIM et le Fonds (FIDA), ont participé.";
    let proposals = index.proposals(text);
    assert_eq!(
        proposals,
        ["Bureau International du Travail", "UNITAR", "FIDA"]
    );
    let found: Vec<String> = index.find(text).into_iter().map(|a| a.name).collect();
    assert_eq!(found, ["OIM"]);
}

#[test]
fn an_impossible_day_with_its_year_written_is_said_impossible_not_yearless() {
    let corpus = shipped();
    let text = "Réunion des experts à Niamey\n\nLa réunion s’est tenue le 31 février 2022 à Niamey, avec les experts du Niger.\n";
    let d = draft(text, &corpus.registry);
    let m = &d.meetings[0];
    assert!(m.date.is_none(), "{:?}", m.date);
    let note = m.date_note.as_deref().unwrap_or("");
    assert!(note.contains("n’existe pas"), "{note}");
    assert!(!note.contains("sans l’année"), "{note}");
    // Without the year, it is the year that is missing, as before.
    let d = draft(&text.replace(" 2022", ""), &corpus.registry);
    let note = d.meetings[0].date_note.clone().unwrap_or_default();
    assert!(note.contains("sans l’année"), "{note}");
}

#[test]
fn a_latin1_page_is_read_by_its_declared_charset() {
    let corpus = shipped();
    let page = b"<!DOCTYPE html><html><head><meta charset=iso-8859-1><title>R\xe9union \xe0 Niamey</title></head>\
        <body><article><h1>R\xe9union \xe0 Niamey</h1><p>Une trentaine d'experts venus du Nigeria et du Niger se sont r\xe9unis \xe0 Niamey \
        le 6 mars 2023 pour la sixi\xe8me r\xe9union du groupe de travail technique conjoint sur la traite des personnes.</p>\
        <p>Les experts ont \xe9valu\xe9 les bonnes pratiques et les le\xe7ons apprises du projet de coop\xe9ration entre les deux pays, \
        et propos\xe9 de nouvelles actions pour les ann\xe9es \xe0 venir.</p></article></body></html>";
    let d = brief_draft::draft_bytes(page, &corpus.registry).expect("a draft");
    let m = &d.meetings[0];
    assert_eq!(m.title, "Réunion à Niamey");
    assert!(m.body.contains("se sont réunis à Niamey"), "{}", m.body);
    assert!(!m.body.contains('\u{fffd}'), "{}", m.body);
}

#[test]
fn empty_and_binary_input_give_no_draft() {
    use brief_draft::input::Refusal;
    let corpus = shipped();
    let refusal = |bytes: &[u8]| brief_draft::draft_bytes(bytes, &corpus.registry).err();
    assert_eq!(refusal(b""), Some(Refusal::Empty));
    assert_eq!(refusal(b"\n  \n"), Some(Refusal::Empty));
    let mut rng = fastrand::Rng::with_seed(26);
    let random: Vec<u8> = (0..2_000_000).map(|_| rng.u8(..)).collect();
    assert!(matches!(refusal(&random), Some(Refusal::NotText { .. })));
    let over = vec![b'a'; brief_draft::input::MAX_INPUT + 1];
    assert_eq!(refusal(&over), Some(Refusal::TooLarge));
}

/// The CPU time this thread has used, from `/proc/thread-self/schedstat`
/// (nanoseconds): unlike the clock, it does not count the time other
/// processes and tests took the cores.
fn thread_cpu() -> std::time::Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").expect("schedstat");
    let ns: u64 = stat
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("CPU time in ns");
    std::time::Duration::from_nanos(ns)
}

/// The CPU time `f` takes on this thread, a run: repeated until the runs
/// took 200 ms (the count is updated at the scheduler's ticks, so one short
/// run can read as 0).
fn cpu_time<T>(f: impl Fn() -> T) -> (std::time::Duration, T) {
    let start = thread_cpu();
    let mut runs = 1;
    let mut out = f();
    while thread_cpu().saturating_sub(start) < std::time::Duration::from_millis(200) && runs < 1000
    {
        out = f();
        runs += 1;
    }
    (thread_cpu().saturating_sub(start) / runs, out)
}

/// An article of about `bytes` bytes: sentences with dates, places and
/// names, in paragraphs (`lines`) or on one line without a sentence end.
fn long_article(bytes: usize, lines: bool) -> String {
    let words = [
        "la",
        "réunion",
        "de",
        "Niamey",
        "le",
        "6",
        "mars",
        "2023",
        "OIM",
        "experts",
        "Niger",
        "Nigeria",
        "traite",
        "des",
        "personnes",
        "à",
        "Bruxelles",
        "Frontex",
        "ont",
        "participé",
        "Réunion",
        "Hollande",
    ];
    let mut rng = fastrand::Rng::with_seed(9);
    let mut s = String::from("Un titre\n\n");
    while s.len() < bytes {
        s.push_str(words[rng.usize(..words.len())]);
        s.push(' ');
        if lines && rng.u8(..20) == 0 {
            s.push_str(".\n");
        }
    }
    s
}

/// Time linear in the input (before: quadratic, 8 MB of text 7.9 s, one
/// line of 1 MB minutes): ten times the input may take at most 25 times
/// the CPU time, a bound on the ratio rather than on the clock.
#[test]
fn drafting_time_is_linear_in_the_input() {
    let corpus = shipped();
    for lines in [true, false] {
        let small = long_article(1 << 20, lines);
        let big = long_article(10 << 20, lines);
        let (t_small, _) = cpu_time(|| draft(&small, &corpus.registry));
        let (t_big, _) = cpu_time(|| draft(&big, &corpus.registry));
        let ratio = t_big.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        assert!(
            ratio < 25.0,
            "lines {lines}: 1 MiB in {t_small:?}, 10 MiB in {t_big:?}: {ratio:.1} times"
        );
    }
}

/// Deep HTML (before: 20,000 nested `<div>` 59.6 s, quadratic; 100,000
/// unclosed `<b><i>` overflowed the stack): nesting is bounded before the
/// parser, so 20,000 levels cost about ten times 2,000, and the text stays.
#[test]
fn deep_html_is_flattened_in_linear_time() {
    let corpus = shipped();
    let page = |depth: usize, open: &str, close: &str| {
        format!(
            "<html><body>{}<p>Les experts se sont réunis à Niamey le 6 mars 2023.</p>{}</body></html>",
            open.repeat(depth),
            close.repeat(depth)
        )
    };
    for (open, close) in [
        ("<div>", "</div>"),
        ("<b><i>", ""),
        ("<span><div></span>", ""),
    ] {
        let small = page(2_000, open, close);
        let big = page(20_000, open, close);
        let (t_small, _) = cpu_time(|| draft(&small, &corpus.registry));
        let (t_big, d) = cpu_time(|| draft(&big, &corpus.registry));
        let ratio = t_big.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        assert!(
            ratio < 25.0,
            "{open}: 2,000 deep in {t_small:?}, 20,000 in {t_big:?}: {ratio:.1} times"
        );
        let m = &d.meetings[0];
        assert!(
            m.body.contains("se sont réunis à Niamey"),
            "{open}: {}",
            m.body
        );
        // Formatting tags are left out at any depth: nothing else is cut.
        let cut = d.notes.iter().any(|n| n.contains("512"));
        assert_eq!(cut, open != "<b><i>", "{open}: {:?}", d.notes);
    }
    // 100,000 unclosed formatting elements: no stack overflow.
    let d = draft(&page(100_000, "<b><i>", ""), &corpus.registry);
    assert!(
        d.meetings[0].body.contains("Niamey"),
        "{:?}",
        d.meetings[0].body
    );
}

/// A page announcing many meetings (before: each draft listed every other
/// meeting, so a page of 1,065 meetings, 8 MB, gave 176 MB of drafts in
/// 2.1 s): ten times the meetings give about ten times the drafts and the
/// time, and each draft names a few of the others, then how many in all.
#[test]
fn a_page_of_many_meetings_drafts_in_linear_time_and_size() {
    let corpus = shipped();
    // The seed pages, one after the other, announce two meetings or more each.
    let pages: String = (0..5)
        .map(|i| {
            let dir = fixtures().join("pages");
            let prefix = format!("00{i}_");
            let name = std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                })
                .unwrap();
            std::fs::read_to_string(name).unwrap() + "\n\n"
        })
        .collect();
    let small = pages.repeat(20);
    let big = pages.repeat(200);
    let all = |page: &str| {
        let d = draft(page, &corpus.registry);
        (d.meetings.len(), d.all_yaml(&corpus.registry, "page.txt"))
    };
    let (t_small, (n_small, y_small)) = cpu_time(|| all(&small));
    let (t_big, (n_big, y_big)) = cpu_time(|| all(&big));
    assert!(
        n_big >= 10 * n_small - 10 && n_small > 40,
        "{n_small} then {n_big} meetings"
    );
    let size = y_big.len() as f64 / y_small.len() as f64;
    assert!(
        size < 15.0,
        "{} then {} bytes of drafts",
        y_small.len(),
        y_big.len()
    );
    let ratio = t_big.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    assert!(ratio < 25.0, "{t_small:?} then {t_big:?}: {ratio:.1} times");
    let first = y_big.split("\n---\n").next().unwrap();
    let listed = first
        .lines()
        .skip_while(|l| !l.starts_with("# The page announces other meetings"))
        .skip(1)
        .take_while(|l| l.starts_with("#   - "))
        .count();
    assert_eq!(listed, 10, "{first}");
    assert!(
        first.contains(&format!(
            "#   … and {} more ({n_big} meetings in all)",
            n_big - 11
        )),
        "{first}"
    );
}
