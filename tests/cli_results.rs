//! The command line as analysts use it, on the fixture folder `tests/fixtures/results`:
//! whole titles into a pipe, lines that fit a terminal, unquoted queries,
//! `show` by id prefix or query, `--limit 0`, every `--format` read back, and
//! `brief check` on a folder without actors.yaml.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;

use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod support;
use support::cli::*;
use support::fixtures;
use tempfile::TempDir;

const CHINA: &str = "2024-05-12-pekin-chine-promet";
const LIBYA: &str = "2023-02-01-tripoli-frontex-libye";
const GREECE: &str = "2022-09-20-athenes-frontex-grece";
const FORMULA: &str = "2021-03-04-formule";
const UNDATED: &str = "tunis-rabat-coordination";

/// Newest first, undated last.
const ALL: [&str; 5] = [CHINA, LIBYA, GREECE, FORMULA, UNDATED];

/// `brief --dir tests/fixtures/results args...`, piped, with the folder's
/// own registry only (`registries: folder-only`): these tests own their
/// actors, the OIM among them unregistered.
fn brief(args: &[&str]) -> Output {
    let sandbox = support::cli::Sandbox::new();
    let config = sandbox.home.path().join("config/brief");
    std::fs::create_dir_all(&config).expect("config folder");
    std::fs::write(config.join("config.yaml"), "registries: folder-only\n").expect("config");
    let dir = fixtures::results();
    let mut all = vec!["--dir", dir.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    sandbox.run(&all)
}

/// The titles as the JSON gives them, by id.
fn titles() -> std::collections::HashMap<String, String> {
    let o = brief(&["list", "--json"]);
    json_of(&o)
        .as_array()
        .expect("an array")
        .iter()
        .map(|b| {
            (
                b["id"].as_str().expect("id").to_string(),
                b["title"].as_str().expect("title").to_string(),
            )
        })
        .collect()
}

// ---- titles ----

#[test]
fn a_piped_title_is_whole_so_grep_finds_it() {
    let full = &titles()[CHINA];
    assert!(full.chars().count() > 120, "the fixture title is long");
    for args in [&["list"][..], &["search", "chine"], &["list", "--ids"]] {
        let o = brief(args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        let line = out
            .lines()
            .find(|l| l.contains("Chine promet"))
            .unwrap_or_else(|| panic!("{args:?}: grep finds it: {out}"));
        assert!(line.contains(full.as_str()), "{args:?}: whole: {line}");
        assert!(!out.contains('…'), "{args:?}: nothing cut: {out}");
        // Every country code, none counted away.
        assert!(line.ends_with("CN NE FR DE IT ES GB"), "{line}");
    }
}

#[test]
fn text_columns_are_date_title_countries_and_the_id_only_with_ids() {
    let o = brief(&["list"]);
    let out = stdout(&o);
    for id in ALL {
        assert!(!out.contains(id), "no id without --ids: {out}");
    }
    let first = out.lines().next().expect("a row");
    assert!(first.starts_with("2024-05-12  Sommet de Pékin"), "{first}");
    let o = brief(&["list", "-l"]);
    assert_eq!(listed_ids(&o), ALL);
}

#[test]
fn an_undated_meeting_shows_the_same_mark_in_list_search_show_and_markdown() {
    let row = |o: &Output| {
        stdout(o)
            .lines()
            .find(|l| l.contains("Tunis"))
            .unwrap_or_else(|| panic!("a row: {}", stdout(o)))
            .to_string()
    };
    assert!(row(&brief(&["list"])).starts_with("inconnue  "));
    assert!(row(&brief(&["search", "tunis"])).starts_with("inconnue  "));
    assert!(row(&brief(&["list", "--format", "markdown"])).starts_with("| inconnue | "));
    let shown = stdout(&brief(&["show", UNDATED]));
    let date = shown
        .lines()
        .find(|l| l.starts_with("Date"))
        .expect("a Date line");
    assert!(date.ends_with(" inconnue"), "{date}");
    let md = stdout(&brief(&["show", UNDATED, "--markdown"]));
    assert!(md.contains("- **Date :** inconnue"), "{md}");
}

/// Runs `brief --dir tests/fixtures/results args` on a pseudo-terminal `cols` wide,
/// without colour, and returns its lines.
fn on_a_terminal(args: &[&str], cols: u16, columns_env: Option<&str>) -> Vec<String> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let sandbox = Sandbox::new();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
    cmd.arg("--dir");
    cmd.arg(fixtures::results());
    cmd.args(args);
    cmd.cwd(sandbox.cwd.path());
    cmd.env("HOME", sandbox.home.path());
    cmd.env("XDG_CACHE_HOME", sandbox.home.path().join("cache"));
    cmd.env("XDG_STATE_HOME", sandbox.home.path().join("state"));
    cmd.env("XDG_CONFIG_HOME", sandbox.home.path().join("config"));
    cmd.env_remove("BRIEF_DIR");
    cmd.env("LANG", "fr_FR.UTF-8");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_MESSAGES");
    cmd.env("NO_COLOR", "1");
    match columns_env {
        Some(c) => cmd.env("COLUMNS", c),
        None => cmd.env_remove("COLUMNS"),
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawn on the pty");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut out = Vec::new();
    // On Linux the read fails with EIO once the child has exited: that is the end.
    let _ = reader.read_to_end(&mut out);
    let status = child.wait().expect("wait");
    assert!(status.success(), "{args:?}: {status:?}");
    String::from_utf8(out)
        .expect("UTF-8")
        .replace('\r', "")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn on_a_terminal_every_line_fits_its_width() {
    for args in [
        &["list"][..],
        &["search", "frontex"],
        &["actors"],
        &["countries"],
    ] {
        let lines = on_a_terminal(args, 80, None);
        assert!(!lines.is_empty(), "{args:?}");
        for l in &lines {
            assert!(
                brief_core::text::width(l) <= 80,
                "{args:?}: {} cells: {l}",
                brief_core::text::width(l)
            );
        }
    }
    let lines = on_a_terminal(&["list"], 80, None);
    let china = lines
        .iter()
        .find(|l| l.contains("Sommet de Pékin"))
        .expect("the row");
    assert!(china.contains('…'), "the long title is cut: {china}");
    assert!(china.starts_with("2024-05-12  "), "{china}");
    // The rows still end with their country codes, counted beyond four.
    assert!(china.ends_with("CN NE FR DE +3"), "{china}");
    // A short title is not cut.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Frontex en Grèce : bilan des opérations en mer Égée")),
        "{lines:?}"
    );
}

#[test]
fn on_a_terminal_columns_sets_the_width() {
    let lines = on_a_terminal(&["list"], 120, Some("60"));
    assert_eq!(lines.len(), ALL.len(), "{lines:?}");
    for l in &lines {
        assert!(brief_core::text::width(l) <= 60, "{l}");
    }
}

#[test]
fn columns_does_not_cut_a_piped_title() {
    let o = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args([
            "--dir",
            fixtures::results().to_str().expect("utf-8"),
            "--no-cache",
            "list",
        ])
        .env("COLUMNS", "40")
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert!(stdout(&o).contains(&titles()[CHINA]), "{}", stdout(&o));
}

// ---- the command line as typed ----

#[test]
fn search_takes_its_words_without_quotes() {
    let o = brief(&["search", "frontex", "libye", "--ids"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(listed_ids(&o), [LIBYA]);
    // The same as one quoted argument.
    let quoted = brief(&["search", "frontex libye", "--ids"]);
    assert_eq!(stdout(&quoted), stdout(&o));
    // Options before, among and after the words; exclusions without `--`.
    let o = brief(&["search", "-n", "5", "frontex", "--json", "-libye"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut ids = json_ids(&json_of(&o));
    ids.sort();
    assert_eq!(ids, [GREECE, CHINA]);
    // A quoted argument holding spaces stays a phrase among other words.
    let o = brief(&["search", "patrouilles conjointes", "libye", "--ids"]);
    assert_eq!(listed_ids(&o), [LIBYA]);
    // A field's value with a space, as one argument among several.
    let o = brief(&["search", "lieu:Pékin", "frontex", "--ids"]);
    assert_eq!(listed_ids(&o), [CHINA]);
    // An unknown option after the words is still an error.
    let o = brief(&["search", "frontex", "--bogus"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("'--bogus'"), "{}", stderr(&o));
    let o = brief(&["search", "conjointes patrouilles", "libye", "--ids"]);
    assert_eq!(
        code(&o),
        1,
        "the phrase is in that order only: {}",
        stdout(&o)
    );
}

#[test]
fn limit_zero_means_no_limit() {
    let o = brief(&["search", "frontex", "--limit", "0", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(json_ids(&json_of(&o)).len(), 3);
    let o = brief(&["search", "frontex", "-n", "1", "--json"]);
    assert_eq!(json_ids(&json_of(&o)).len(), 1);
    let o = brief(&["list", "--limit", "0", "--json"]);
    assert_eq!(json_ids(&json_of(&o)), ALL);
    let o = brief(&["list", "-n", "2", "--json"]);
    assert_eq!(json_ids(&json_of(&o)), [CHINA, LIBYA]);
}

#[test]
fn show_takes_a_unique_id_prefix() {
    let o = brief(&["show", "2024-05", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(json_of(&o)["id"], CHINA);
    // A prefix of several ids lists them and exits 2.
    let o = brief(&["show", "202"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("4 briefings start with '202'"), "{err}");
    for id in [CHINA, LIBYA, GREECE, FORMULA] {
        assert!(err.contains(id), "{id}: {err}");
    }
}

#[test]
fn show_takes_a_query_and_shows_the_clear_best() {
    // One hit is the clear best.
    let o = brief(&["show", "frontex", "libye", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(json_of(&o)["id"], LIBYA);
    let o = brief(&["show", "chine", "promet"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains(CHINA), "{}", stdout(&o));
}

#[test]
fn show_lists_the_candidates_of_an_ambiguous_query_and_exits_2() {
    let o = brief(&["show", "frontex"]);
    assert_eq!(code(&o), 2, "{}", stdout(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("3 briefings match 'frontex'"), "{err}");
    for id in [LIBYA, GREECE, CHINA] {
        assert!(err.contains(id), "{id}: {err}");
    }
    // Nothing matching at all is still "no briefing".
    let o = brief(&["show", "zzzqqq"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("no briefing 'zzzqqq'"),
        "{}",
        stderr(&o)
    );
}

// ---- formats ----

#[test]
fn json_format_and_its_shorthand_agree() {
    let a = brief(&["list", "--format", "json"]);
    let b = brief(&["list", "--json"]);
    assert_eq!(code(&a), 0);
    assert_eq!(json_of(&a), json_of(&b));
    assert_eq!(json_ids(&json_of(&a)), ALL);
    let o = brief(&["search", "frontex", "--format", "json"]);
    let hits = json_of(&o);
    assert!(
        hits[0]["score"].is_i64() && hits[0]["matches"].is_array(),
        "{hits}"
    );
    // Both at once is a usage error.
    let o = brief(&["list", "--json", "--format", "csv"]);
    assert_eq!(code(&o), 2);
}

/// The expected exported row of each briefing, from its JSON.
fn expected_rows(list: &Value) -> Vec<Vec<String>> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|b| {
            let codes: Vec<&str> = b["countries"]
                .as_array()
                .expect("countries")
                .iter()
                .map(|c| c["code"].as_str().expect("code"))
                .collect();
            vec![
                b["date"].as_str().unwrap_or_default().to_string(),
                b["title"].as_str().expect("title").to_string(),
                codes.join(" "),
                b["id"].as_str().expect("id").to_string(),
            ]
        })
        .collect()
}

/// date, title, countries and id of an exported row.
fn key_columns(row: &[String]) -> Vec<String> {
    vec![
        row[0].clone(),
        row[1].clone(),
        row[2].clone(),
        row[5].clone(),
    ]
}

const HEADER: [&str; 7] = ["date", "title", "countries", "actors", "place", "id", "url"];

#[test]
fn csv_reads_back_with_the_csv_crate() {
    let expected = expected_rows(&json_of(&brief(&["list", "--json"])));
    let o = brief(&["list", "--format", "csv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    assert_eq!(reader.headers().expect("a header"), HEADER.as_slice());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), ALL.len());
    for (row, want) in rows.iter().zip(&expected) {
        let mut want = want.clone();
        // What a spreadsheet would read as a formula starts with a quote; a tab is a space.
        if want[1].starts_with('=') {
            want[1] = format!("'{}", want[1]);
        }
        want[1] = want[1].replace('\t', " ");
        assert_eq!(key_columns(row), want);
    }
    let china = &rows[0];
    assert_eq!(
        china[3],
        "Agence européenne de garde-frontières et de garde-côtes (Frontex); OIM"
    );
    assert_eq!(china[4], "Pékin, Chine");
    let search = brief(&["search", "frontex", "libye", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(search.stdout.as_slice());
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.expect("a record")[5].to_string())
        .collect();
    assert_eq!(ids, [LIBYA]);
}

#[test]
fn tsv_has_one_line_of_seven_fields_per_briefing() {
    let expected = expected_rows(&json_of(&brief(&["list", "--json"])));
    let o = brief(&["list", "--format", "tsv"]);
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some(HEADER.join("\t").as_str()));
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), ALL.len(), "{out}");
    for (row, want) in rows.iter().zip(&expected) {
        assert_eq!(row.len(), 7, "{row:?}");
        let unescaped: Vec<String> = row
            .iter()
            .map(|f| f.replace("\\t", "\t").replace("\\\\", "\\"))
            .collect();
        assert_eq!(key_columns(&unescaped), *want);
    }
    // The tab inside a title is written as \t, not as a column break.
    assert!(out.contains("coordination\\tdes garde-côtes"), "{out}");
}

/// The source's address of the Libya briefing (tests/results).
const LIBYA_URL: &str = "https://www.example.org/actualites/2023/02/frontex-et-la-libye-patrouilles-conjointes-en-mediterranee-centrale";

#[test]
fn tsv_csv_and_markdown_carry_the_url_last() {
    let o = brief(&["list", "--format", "tsv"]);
    let out = stdout(&o);
    let libya = out.lines().find(|l| l.contains(LIBYA)).expect("libya row");
    assert!(
        libya.ends_with(&format!("\t{LIBYA}\t{LIBYA_URL}")),
        "{libya}"
    );
    // A briefing without a source URL has the column, empty.
    let china = out.lines().find(|l| l.contains(CHINA)).expect("china row");
    assert!(china.ends_with(&format!("\t{CHINA}\t")), "{china}");
    let o = brief(&["search", "frontex", "libye", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let urls: Vec<String> = reader
        .records()
        .map(|r| r.expect("a record")[6].to_string())
        .collect();
    assert_eq!(urls, [LIBYA_URL]);
    let o = brief(&["list", "--format", "markdown"]);
    let out = stdout(&o);
    assert!(out.contains(&format!("| {LIBYA} | {LIBYA_URL} |")), "{out}");
}

#[test]
fn into_a_pipe_rows_carry_no_alignment_padding() {
    // One separator between cells, whatever the other rows' widths.
    let o = brief(&["list"]);
    let out = stdout(&o);
    assert!(
        out.lines()
            .any(|l| l == "2022-09-20  Frontex en Grèce : bilan des opérations en mer Égée  GR"),
        "{out}"
    );
    let o = brief(&["list", "-l"]);
    assert!(
        stdout(&o).lines().any(|l| l
            == "2023-02-01  2023-02-01-tripoli-frontex-libye  Frontex et la Libye : patrouilles conjointes en Méditerranée centrale  LY IT"),
        "{}",
        stdout(&o)
    );
    let o = brief(&["search", "frontex"]);
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l == "2022-09-20  Frontex en Grèce : bilan des opérations en mer Égée  GR"),
        "{}",
        stdout(&o)
    );
    let o = brief(&["actors"]);
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l
            == "3  Frontex  Agence européenne de garde-frontières et de garde-côtes  eu-agency"),
        "{out}"
    );
    // An empty cell (no acronym) keeps its place: two separators.
    assert!(out.lines().any(|l| l == "1    OIM  organisation"), "{out}");
    let o = brief(&["countries"]);
    let out = stdout(&o);
    assert!(out.lines().any(|l| l == "1  GR  Grèce  Greece"), "{out}");
    for args in [&["list"][..], &["search", "frontex"], &["countries"]] {
        for l in stdout(&brief(args)).lines() {
            assert!(!l.contains("   "), "{args:?}: padded: {l:?}");
        }
    }
}

#[test]
fn on_a_terminal_columns_stay_aligned() {
    let lines = on_a_terminal(&["list"], 220, None);
    // The country codes start in one column.
    let start = |title: &str, codes: &str| {
        let l = lines
            .iter()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title}: {lines:?}"));
        let at = l.rfind(codes).expect("codes");
        brief_core::text::width(&l[..at])
    };
    assert_eq!(
        start("Frontex en Grèce", "GR"),
        start("Frontex et la Libye", "LY IT"),
        "{lines:#?}"
    );
    let lines = on_a_terminal(&["actors"], 120, None);
    let frontex = lines
        .iter()
        .find(|l| l.contains("Frontex"))
        .expect("frontex");
    let oim = lines.iter().find(|l| l.contains("OIM")).expect("oim");
    let col = |l: &str, word: &str| brief_core::text::width(&l[..l.find(word).expect(word)]);
    // The OIM is registered here (the built-in registry): its name is in the
    // name column, as Frontex's.
    assert_eq!(
        col(frontex, "Agence"),
        col(oim, "Organisation"),
        "{lines:#?}"
    );
    assert_eq!(
        col(frontex, "eu-agency"),
        col(oim, "organisation"),
        "{lines:#?}"
    );
}

#[test]
fn show_never_breaks_a_url() {
    // Into a pipe (80 columns) and on a narrow terminal alike.
    let piped = stdout(&brief(&["show", LIBYA]));
    let shown = on_a_terminal(&["show", LIBYA], 60, None);
    for lines in [piped.lines().map(str::to_string).collect::<Vec<_>>(), shown] {
        assert!(
            lines.iter().any(|l| l.ends_with(LIBYA_URL)),
            "the source URL whole: {lines:#?}"
        );
        let in_body = format!("{LIBYA_URL}-communique-de-presse");
        assert!(
            lines.iter().any(|l| l.trim() == in_body),
            "the body's URL whole, on its own line: {lines:#?}"
        );
    }
}

#[test]
fn markdown_is_a_table_with_pipes_escaped() {
    let o = brief(&["list", "--format", "markdown"]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "| date | title | countries | actors | place | id | url |"
    );
    assert_eq!(lines[1], "|---|---|---|---|---|---|---|");
    assert_eq!(lines.len(), 2 + ALL.len());
    for l in &lines[2..] {
        // Eight unescaped pipes: seven cells.
        let bars = l.matches('|').count() - l.matches("\\|").count();
        assert_eq!(bars, 8, "{l}");
    }
    assert!(out.contains("Tunis \\| Rabat"), "{out}");
}

#[test]
fn exports_carry_no_raw_control_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("h.yaml"),
        "id: h\ntitle: \"A\\e[31mB\\u202eC\\u0007\"\ndate: 2020-01-01\n",
    )
    .expect("write");
    for format in ["text", "tsv", "csv", "markdown", "json"] {
        let o = Sandbox::new().run(&[
            "--dir",
            dir.path().to_str().expect("utf-8"),
            "list",
            "--format",
            format,
        ]);
        assert_eq!(code(&o), 0, "{format}: {}", stderr(&o));
        let out = stdout(&o);
        // Newlines end rows; tabs separate TSV fields.
        let separator = |c: char| c == '\n' || (format == "tsv" && c == '\t');
        assert!(
            !out.chars()
                .any(|c| (c.is_control() && !separator(c)) || c == '\u{202e}'),
            "{format}: {out:?}"
        );
    }
}

// ---- check ----

/// A folder without actors.yaml whose briefings name `n` different actors.
fn unregistered_folder(n: usize) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("b{i}.yaml")),
            format!(
                "id: b{i}\ntitle: \"Réunion {i}\"\ndate: 2020-01-01\nactors:\n  - name: \"Acteur {i}\"\n"
            ),
        )
        .expect("write");
    }
    std::fs::write(
        dir.path().join("broken.yaml"),
        "id: broken\ntitle: x\ncontries: [FR]\n",
    )
    .expect("write");
    dir
}

#[test]
fn check_summarises_actor_names_not_in_actors_yaml() {
    let dir = unregistered_folder(1200);
    let path = dir.path().to_str().expect("utf-8");
    let o = Sandbox::new().run(&["check", path]);
    assert_eq!(code(&o), 1, "the broken file is an error");
    let out = stdout(&o);
    assert!(
        !out.contains("is not in actors.yaml"),
        "not one by one: {out}"
    );
    assert!(
        out.contains(
            "1,200 actor names are not in actors.yaml; brief actors --unregistered lists them"
        ),
        "{out}"
    );
    assert!(
        out.contains("broken.yaml:3:1: error: unknown field 'contries'"),
        "{out}"
    );
    let summary = out.lines().last().expect("a summary");
    assert!(summary.starts_with("1,200 briefings, "), "{summary}");
    assert!(summary.ends_with(": 1 error, 1,200 warnings"), "{summary}");
    assert!(out.lines().count() < 5, "{out}");

    // --verbose lists each.
    let o = Sandbox::new().run(&["check", "--verbose", path]);
    let each = stdout(&o)
        .lines()
        .filter(|l| l.contains(": warning: actor 'Acteur "))
        .count();
    assert_eq!(each, 1200);

    // And brief actors --unregistered names them.
    let o = Sandbox::new().run(&["--dir", path, "actors", "--unregistered", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let names = json_of(&o);
    assert_eq!(names.as_array().expect("array").len(), 1200);
    assert_eq!(names[0]["registered"], false);
}

#[test]
fn check_quiet_prints_errors_only() {
    let dir = unregistered_folder(3);
    let path = dir.path().to_str().expect("utf-8");
    let o = Sandbox::new().run(&["check", "--quiet", path]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains(": error: unknown field 'contries'"), "{out}");
    // Without errors, nothing at all, and exit 0.
    let o = Sandbox::new().run(&["check", "-q", fixtures::results().to_str().expect("utf-8")]);
    assert_eq!(code(&o), 0);
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    // A few unregistered names are still listed one by one, with their hint.
    let o = Sandbox::new().run(&["check", path]);
    let out = stdout(&o);
    assert_eq!(out.matches("is not in actors.yaml").count(), 3, "{out}");
}

#[test]
fn actors_unregistered_lists_only_the_names_not_in_actors_yaml() {
    let o = brief(&["actors", "--unregistered", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let names: Vec<&str> = json_of(&o)
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["name"].as_str().expect("name"))
        .map(|n| if n == "OIM" { "OIM" } else { "other" })
        .collect();
    assert_eq!(names, ["OIM"]);
    let o = brief(&["actors", "--unregistered"]);
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    assert!(stdout(&brief(&["actors"])).contains("Frontex"));
}
