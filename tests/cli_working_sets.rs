//! Working sets from the shell: `--ids-from`, saved searches (`brief saved`,
//! `brief search --saved NAME --new`) and `brief report`, on a copy of the
//! fixture folder in one sandbox (so the state persists between commands).
// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Output, Stdio};

mod support;
use support::cli::{Sandbox, code, json_of, stderr, stdout};
use support::fixtures::{self, CHANNEL, EMSC_2019, ITALY, MAURITANIA, NIAMEY, ZINDER};

/// A sandbox with its own copy of the fixture briefings at `cwd/folder`.
struct Archive {
    sandbox: Sandbox,
    dir: PathBuf,
}

impl Archive {
    fn new() -> Archive {
        let sandbox = Sandbox::new();
        let dir = sandbox.cwd.path().join("folder");
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(fixtures::briefings()).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            fixtures::put_settled(&dir, path.file_name().unwrap().to_str().unwrap(), &text);
        }
        Archive { sandbox, dir }
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut all = vec!["--dir", self.dir.to_str().unwrap()];
        all.extend_from_slice(args);
        self.sandbox.run(&all)
    }

    fn run_with_input(&self, args: &[&str], input: &str) -> Output {
        let mut cmd = self.sandbox.cmd();
        cmd.arg("--dir").arg(&self.dir).args(args);
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }
}

/// The ids of a `--format tsv` output, in order.
fn tsv_ids(o: &Output) -> Vec<String> {
    let text = stdout(o);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let at = header
        .iter()
        .position(|c| *c == "id")
        .expect("an id column");
    lines
        .map(|l| l.split('\t').nth(at).unwrap().to_string())
        .collect()
}

#[test]
fn ids_from_takes_bare_ids_and_the_lines_list_prints() {
    let a = Archive::new();
    // As `brief list -l | fzf -m` hands them on: date, id, title.
    let listed = stdout(&a.run(&["list", "-l"]));
    let picked: String = listed
        .lines()
        .filter(|l| l.contains(NIAMEY) || l.contains(EMSC_2019))
        .map(|l| format!("{l}\n"))
        .collect();
    let o = a.run_with_input(&["list", "--ids-from", "-", "--format", "tsv"], &picked);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(tsv_ids(&o), vec![NIAMEY, EMSC_2019]);

    // A file of bare ids, one unknown: said with its line, the rest kept.
    let file = a.sandbox.cwd.path().join("ids.txt");
    std::fs::write(&file, format!("{ZINDER}\nno-such-briefing\n\n{ITALY}\n")).unwrap();
    let o = a.run(&[
        "search",
        "traite",
        "--ids-from",
        file.to_str().unwrap(),
        "--format",
        "tsv",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut ids = tsv_ids(&o);
    ids.sort();
    assert_eq!(ids, vec![ZINDER, ITALY]);
    assert!(
        stderr(&o).contains("ids.txt:2: no briefing has the id 'no-such-briefing'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn ids_from_keeps_within_the_other_filters_and_refuses_what_is_no_list() {
    let a = Archive::new();
    let o = a.run_with_input(
        &[
            "list",
            "--ids-from",
            "-",
            "--country",
            "NE",
            "--format",
            "tsv",
        ],
        &format!("{NIAMEY}\n{CHANNEL}\n"),
    );
    assert_eq!(tsv_ids(&o), vec![NIAMEY]);
    // A folder is no list of ids: a usage error that names it.
    let o = a.run(&["list", "--ids-from", a.dir.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--ids-from"), "{}", stderr(&o));
    // Nothing named: nothing found.
    let o = a.run_with_input(&["list", "--ids-from", "-"], "nothing-here\n");
    assert_eq!(code(&o), 1);
}

#[test]
fn a_saved_search_lists_its_results_and_what_is_new_once() {
    let a = Archive::new();
    let o = a.run(&["saved", "add", "Niger", "pays:NE"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = a.run(&[
        "saved",
        "add",
        "Traite",
        "traite",
        "--country",
        "Mauritanie",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));

    let listed = json_of(&a.run(&["saved", "--json"]));
    let rows = listed.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let niger = rows.iter().find(|r| r["name"] == "Niger").unwrap();
    assert_eq!(niger["query"], "pays:NE");
    assert_eq!(niger["results"], 4);
    // Never opened: everything it finds is new.
    assert_eq!(niger["new"], 4);
    let traite = rows.iter().find(|r| r["name"] == "Traite").unwrap();
    assert_eq!(traite["countries"][0], "Mauritanie");
    assert_eq!(traite["results"], 1);

    // --new prints what is new, then counts it as seen.
    let o = a.run(&["search", "--saved", "Niger", "--new", "--format", "tsv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(tsv_ids(&o).len(), 4);
    let o = a.run(&["search", "--saved", "Niger", "--new"]);
    assert_eq!(code(&o), 1, "nothing new the second time: {}", stdout(&o));
    assert!(stdout(&o).trim().is_empty(), "{}", stdout(&o));

    // A briefing added about Niger: one new, printed once.
    let text = std::fs::read_to_string(fixtures::briefings().join(format!("{ZINDER}.yaml")))
        .unwrap()
        .replace(ZINDER, "2024-05-02-maradi")
        .replace("Zinder", "Maradi");
    fixtures::put_settled(&a.dir, "2024-05-02-maradi.yaml", &text);
    let listed = json_of(&a.run(&["saved", "--json"]));
    let niger = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Niger")
        .unwrap()
        .clone();
    assert_eq!(
        (niger["results"].clone(), niger["new"].clone()),
        (5.into(), 1.into())
    );
    let o = a.run(&["search", "--saved", "Niger", "--new", "--format", "tsv"]);
    assert_eq!(tsv_ids(&o), vec!["2024-05-02-maradi"]);
    assert_eq!(code(&a.run(&["search", "--saved", "Niger", "--new"])), 1);

    // Running it without --new neither prints only the new nor marks them seen.
    let o = a.run(&["search", "--saved", "Niger", "--format", "tsv"]);
    assert_eq!(tsv_ids(&o).len(), 5);
}

#[test]
fn a_changed_briefing_is_new_again() {
    let a = Archive::new();
    a.run(&["saved", "add", "Mauritanie", "pays:MR"]);
    assert_eq!(
        code(&a.run(&["search", "--saved", "Mauritanie", "--new"])),
        0
    );
    assert_eq!(
        code(&a.run(&["search", "--saved", "Mauritanie", "--new"])),
        1
    );
    let path = a.dir.join(format!("{MAURITANIA}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap() + "\n# relu\n";
    fixtures::put_settled(&a.dir, &format!("{MAURITANIA}.yaml"), &text);
    let o = a.run(&[
        "search",
        "--saved",
        "Mauritanie",
        "--new",
        "--format",
        "tsv",
    ]);
    assert_eq!(tsv_ids(&o), vec![MAURITANIA]);
}

#[test]
fn saved_searches_are_renamed_deleted_and_moved_between_machines() {
    let a = Archive::new();
    a.run(&["saved", "add", "Niger", "pays:NE", "année:2023"]);
    a.run(&["saved", "add", "Manche", "manche", "-pays:BE"]);
    assert_eq!(
        code(&a.run(&["saved", "mv", "Niger", "Manche"])),
        2,
        "no rename onto another"
    );
    assert_eq!(code(&a.run(&["saved", "mv", "Niger", "Niger 2023"])), 0);
    let o = a.run(&["saved", "rm", "Nigre 2023"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("did you mean 'Niger 2023'"),
        "{}",
        stderr(&o)
    );

    let export = stdout(&a.run(&["saved", "--export"]));
    let yaml: serde_yaml::Value = serde_yaml::from_str(&export).unwrap();
    let names: Vec<&str> = yaml["saved"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Manche", "Niger 2023"]);

    // Another machine: another sandbox, the same folder's copy.
    let b = Archive::new();
    let o = b.run_with_input(&["saved", "--import", "-"], &export);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let listed = json_of(&b.run(&["saved", "--json"]));
    let rows = listed.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let niger = rows.iter().find(|r| r["name"] == "Niger 2023").unwrap();
    assert_eq!(niger["query"], "pays:NE année:2023");
    assert_eq!(niger["results"], 2);

    assert_eq!(code(&a.run(&["saved", "rm", "Manche"])), 0);
    let o = a.run_with_input(
        &["saved", "--import", "-"],
        "saved:\n  - name: x\n    query: [\n",
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("line "), "{}", stderr(&o));
}

#[test]
fn two_processes_saving_at_once_keep_both() {
    let a = Archive::new();
    let dir = a.dir.to_str().unwrap().to_string();
    let spawn = |name: &str| {
        let mut cmd = a.sandbox.cmd();
        cmd.args(["--dir", &dir, "saved", "add", name, "frontex"]);
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        cmd.spawn().unwrap()
    };
    let mut children: Vec<_> = (0..6).map(|i| spawn(&format!("s{i}"))).collect();
    for c in &mut children {
        assert!(c.wait().unwrap().success());
    }
    let listed = json_of(&a.run(&["saved", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 6);
}

fn metadata(report: &str) -> serde_yaml::Value {
    let rest = report
        .strip_prefix("---\n")
        .expect("a metadata block first");
    let end = rest.find("\n---\n").expect("the block closed");
    serde_yaml::from_str(&rest[..end]).unwrap()
}

#[test]
fn a_report_is_markdown_with_metadata_pandoc_reads() {
    let a = Archive::new();
    std::fs::create_dir_all(a.sandbox.home.path().join("config/brief")).unwrap();
    std::fs::write(
        a.sandbox.home.path().join("config/brief/config.yaml"),
        "author: \"Awa: Diallo\"\n",
    )
    .unwrap();
    let o = a.run(&["report", "pays:NE", "traite"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let report = stdout(&o);
    let meta = metadata(&report);
    assert_eq!(meta["author"], "Awa: Diallo");
    assert_eq!(meta["query"], "pays:NE traite");
    assert_eq!(meta["lang"], "fr");
    assert_eq!(meta["title"], "Fiches");
    // The summary table: a header, a rule, a row per briefing, dates written out.
    let rows: Vec<&str> = report.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(
        rows[0],
        "| Date | Titre | Lieu | Pays | Principaux acteurs |"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("| 6 mars 2023 |")),
        "{rows:?}"
    );
    let sections = report.lines().filter(|l| l.starts_with("### ")).count();
    assert_eq!(sections, rows.len() - 1);
    // Summaries only, unless --full.
    let body = "prennent part à partir de ce lundi 6";
    assert!(!report.contains(body));
    let full = stdout(&a.run(&["report", "pays:NE", "traite", "--full"]));
    assert!(full.contains(body));
}

#[test]
fn a_report_file_is_never_written_over_without_force() {
    let a = Archive::new();
    let out = a.sandbox.cwd.path().join("note.md");
    let out_s = out.to_str().unwrap();
    let o = a.run(&["report", "--ids-from", "-", "-o", out_s]);
    // No input: stdin is null, nothing named.
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let ids = a.sandbox.cwd.path().join("ids.txt");
    std::fs::write(&ids, format!("{NIAMEY}\n{CHANNEL}\n")).unwrap();
    let o = a.run(&["report", "--ids-from", ids.to_str().unwrap(), "-o", out_s]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.contains("Manche") && first.contains("Niamey"));
    assert!(
        stderr(&o).contains("wrote the report of 2 briefings"),
        "{}",
        stderr(&o)
    );

    std::fs::write(&ids, format!("{ZINDER}\n")).unwrap();
    let o = a.run(&["report", "--ids-from", ids.to_str().unwrap(), "-o", out_s]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        first,
        "left as it was"
    );
    let o = a.run(&[
        "report",
        "--ids-from",
        ids.to_str().unwrap(),
        "-o",
        out_s,
        "--force",
    ]);
    assert_eq!(code(&o), 0);
    assert!(std::fs::read_to_string(&out).unwrap().contains("Zinder"));
}
