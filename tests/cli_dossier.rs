//! `brief dossier NAME` on the fixture folders: every format (JSON parsed
//! back), names read forgivingly, exit 1 with a suggestion when nothing is
//! named, nothing from a file driving the terminal.
// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};

use support::cli::*;

fn dates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates")
}

fn dossier(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--no-cache", "dossier"];
    all.extend_from_slice(args);
    brief_on(dir, &all)
}

#[test]
fn a_country_in_text_has_its_sections_a_bar_per_year_and_its_meetings_newest_first() {
    let o = dossier(&dates(), &["niger"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Niger (NE)");
    // French labels (the sandbox's locale); `profil`, as `dossier` is the folder.
    assert!(out.contains("Code  NE"), "{out}");
    assert!(
        out.contains(
            "7 réunions, la première 2016-03-10, la dernière 2022 · 1 sans date · 3 sur place"
        ),
        "{out}"
    );
    // A bar per year, 2018 and 2020 empty; into a pipe the bar is 40 cells.
    let years: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.len() > 4 && l[..4].parse::<u16>().is_ok() && l.contains(' '))
        .take(7)
        .collect();
    assert_eq!(years.len(), 7, "{out}");
    assert!(years[0].starts_with("2016 █"), "{out}");
    assert!(years[2].starts_with("2018  "), "{out}");
    assert!(
        years[5].starts_with("2021 ") && years[5].ends_with(" 2"),
        "{out}"
    );
    assert!(
        years[5].contains(&"█".repeat(40)),
        "the busiest year fills the bar"
    );
    // Whom it meets most, with counts; its places.
    let meets = out.split("Rencontre surtout").nth(1).unwrap();
    assert!(meets.trim_start().starts_with("5  OIM"), "{out}");
    assert!(out.contains("3  Niamey"), "{out}");
    // Its meetings newest first, the undated last.
    let meetings = out.split("Réunions, de la plus récente").nth(1).unwrap();
    let dates: Vec<&str> = meetings
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        dates,
        [
            "2022",
            "2021-06",
            "2021",
            "2019",
            "2017-11",
            "2016-03-10",
            "inconnue"
        ]
    );
}

#[test]
fn json_parses_back_with_every_count() {
    let o = dossier(&dates(), &["Frontex", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json_of(&o);
    assert_eq!(v["subject"], "actor");
    assert_eq!(v["id"], "frontex");
    assert_eq!(v["short"], "Frontex");
    assert_eq!(v["kind"], "eu-agency");
    assert_eq!(v["aliases"][0], "European Border and Coast Guard Agency");
    assert_eq!(v["meetings_total"], 6);
    assert_eq!(v["first"], "2016");
    assert_eq!(v["last"], "2023-02-01");
    assert_eq!(v["undated"], 0);
    assert_eq!(v["roles"][0]["role"], "participant");
    assert_eq!(v["roles"][0]["count"], 6);
    assert_eq!(v["roles"][0]["first"], "2016");
    assert_eq!(v["roles"][0]["last"], "2023-02-01");
    let years = v["years"].as_array().unwrap();
    assert_eq!(years.first().unwrap()["year"], 2016);
    assert_eq!(years.last().unwrap()["year"], 2023);
    let sum: u64 = years.iter().map(|y| y["count"].as_u64().unwrap()).sum();
    // The Tripoli conference, 2018-12-30 to 2019, counts in both years.
    assert_eq!(sum, 7);
    // The countries it meets in: Tunisia three times, most often first.
    let countries = v["countries"].as_array().unwrap();
    assert_eq!(countries[0]["code"], "TN");
    assert_eq!(countries[0]["name_fr"], "Tunisie");
    assert_eq!(countries[0]["count"], 3);
    let ids: Vec<&str> = v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "2023-02-tunisie-accord");
    assert_eq!(ids.last(), Some(&"2016-frontex-tunis"));

    // A country: its code, both names, how many held there; --limit.
    let o = dossier(&dates(), &["NE", "--format", "json", "--limit", "2"]);
    let v = json_of(&o);
    assert_eq!(v["subject"], "country");
    assert_eq!(v["id"], "NE");
    assert_eq!(v["country"]["name_en"], "Niger");
    assert_eq!(v["held_there"], 3);
    assert_eq!(v["meetings_total"], 7);
    assert_eq!(v["meetings"].as_array().unwrap().len(), 2);
    assert_eq!(v["actors"][0]["id"], "oim");
    assert_eq!(v["actors"][0]["count"], 5);
}

#[test]
fn markdown_has_headings_and_tables() {
    let o = dossier(&dates(), &["IOM", "--format", "markdown"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.starts_with("# Profil : Organisation internationale pour les migrations (OIM)\n"),
        "{md}"
    );
    assert!(md.contains("\n## Par année\n"), "{md}");
    assert!(md.contains("| Année | Réunions |\n|---|---:|\n"), "{md}");
    assert!(md.contains("\n## Pays\n"), "{md}");
    assert!(md.contains("| Niger (NE) | 5 |"), "{md}");
    assert!(md.contains("\n## Réunions, de la plus récente\n"), "{md}");
    assert!(md.contains("| Date | Réunion | Pays | id |"), "{md}");
}

#[test]
fn names_are_read_forgivingly() {
    let fixture = support::fixtures::briefings();
    for name in [
        "ICMPD",
        "cidpm",
        "Centre international pour le développement des politiques migratoires",
    ] {
        let o = dossier(&fixture, &[name, "--format", "json"]);
        assert_eq!(code(&o), 0, "{name}: {}", stderr(&o));
        assert_eq!(json_of(&o)["short"], "CIDPM", "{name}");
    }
    // A country in either language, words without quotes, a start of a name.
    for name in [&["Royaume-Uni"][..], &["United", "Kingdom"], &["GB"]] {
        let mut args = name.to_vec();
        args.extend(["--format", "json"]);
        let o = dossier(&fixture, &args);
        assert_eq!(code(&o), 0, "{name:?}: {}", stderr(&o));
        assert_eq!(json_of(&o)["id"], "GB", "{name:?}");
    }
    let o = dossier(&fixture, &["burkina", "--format", "json"]);
    assert_eq!(json_of(&o)["id"], "BF");
}

#[test]
fn nothing_named_exits_1_with_a_suggestion() {
    let o = dossier(&dates(), &["Frontx"]);
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("Frontx") && err.contains("Frontex"), "{err}");
    let o = dossier(&dates(), &["Nigr", "--format", "json"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("« Niger »"), "{}", stderr(&o));
    let o = dossier(&dates(), &["qqqqqqqqqqqq"]);
    assert_eq!(code(&o), 1);
    assert!(!stderr(&o).contains("vouliez-vous"), "{}", stderr(&o));
    // No name is a usage error.
    let o = brief_on(&dates(), &["dossier"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn nothing_from_a_file_or_the_command_line_drives_the_terminal() {
    let sandbox = Sandbox::new();
    sandbox.write(&[("b/hostile.yaml", support::fixtures::HOSTILE_YAML)]);
    for args in [
        &["--dir", "b", "dossier", "FR"][..],
        &["--dir", "b", "dossier", "FR", "--format", "markdown"],
        &["--dir", "b", "dossier", "FR", "--format", "json"],
        &["--dir", "b", "dossier", "Acteur"],
        &["--dir", "b", "dossier", "x\u{1b}]0;PWNED\u{7}"],
    ] {
        let o = sandbox.run(args);
        for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            assert!(
                !bytes.contains(&0x1b) && !bytes.contains(&0x07),
                "{args:?}: raw ESC or BEL on {stream}: {:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
    let o = sandbox.run(&["--dir", "b", "dossier", "FR", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json_of(&o);
    assert!(
        v["meetings"][0]["title"]
            .as_str()
            .unwrap()
            .contains('\u{1b}'),
        "the JSON keeps the value, escaped"
    );
}

#[test]
fn into_a_pipe_rows_are_whole_whatever_columns_says() {
    // COLUMNS counts only on a terminal; into a pipe every row is whole.
    let o = Sandbox::new()
        .cmd()
        .args([
            "--no-cache",
            "--dir",
            dates().to_str().unwrap(),
            "dossier",
            "niger",
        ])
        .env("COLUMNS", "30")
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l.chars().count() > 30),
        "a pipe gets whole rows"
    );
}
