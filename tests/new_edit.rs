//! `brief new` and `brief edit` with a fake editor (a small shell script as
//! $EDITOR) and no terminal on standard input: errors are shown, the draft is
//! kept in the state folder, the exit status is 1 and nothing reaches the
//! briefings folder; a valid text is created, never over an existing file.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct Sandbox {
    home: tempfile::TempDir,
    dir: PathBuf,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

impl Sandbox {
    fn new() -> Sandbox {
        let home = tempfile::tempdir().expect("temp dir");
        let dir = home.path().join("briefings");
        std::fs::create_dir_all(&dir).expect("briefings dir");
        // The fixture briefings and actors, without their topics.yaml: a
        // folder with no topic registry (a test adds it when it needs it).
        for e in std::fs::read_dir(fixtures().join("briefings")).expect("fixtures") {
            let p = e.expect("entry").path();
            if p.file_name().is_some_and(|n| n == "topics.yaml") {
                continue;
            }
            std::fs::copy(&p, dir.join(p.file_name().expect("name"))).expect("copy");
        }
        Sandbox { home, dir }
    }

    /// A shell script to act as the editor; `$F` is the file it is given
    /// (the last argument), `$@` all its arguments.
    fn editor(&self, name: &str, body: &str) -> PathBuf {
        let bin = self.home.path().join("bin");
        std::fs::create_dir_all(&bin).expect("bin");
        let path = bin.join(name);
        let script = format!("#!/bin/sh\nfor F in \"$@\"; do :; done\n{body}\n");
        std::fs::write(&path, script).expect("script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        path
    }

    /// `brief --dir DIR --no-cache ARGS` in this setup's home, no editor
    /// named, nothing on standard input.
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_brief"));
        c.arg("--dir")
            .arg(&self.dir)
            .arg("--no-cache")
            .args(args)
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .env("HOME", self.home.path())
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_STATE_HOME", self.home.path().join("state"))
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, editor: &Path, args: &[&str]) -> Output {
        self.command(args)
            .env("EDITOR", editor)
            .output()
            .expect("brief runs")
    }

    /// Every file of the briefings folder with its content.
    fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(&self.dir)
            .expect("dir")
            .map(|e| {
                let p = e.expect("entry").path();
                (
                    p.file_name().expect("name").to_string_lossy().into_owned(),
                    std::fs::read(&p).expect("read"),
                )
            })
            .collect()
    }

    fn drafts(&self) -> Vec<PathBuf> {
        let d = self.home.path().join("state/brief/drafts");
        let Ok(entries) = std::fs::read_dir(&d) else {
            // directories may name the project folder differently
            return find_drafts(&self.home.path().join("state"));
        };
        entries.map(|e| e.expect("entry").path()).collect()
    }
}

fn find_drafts(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.parent().is_some_and(|p| p.ends_with("drafts")) {
                out.push(p);
            }
        }
    }
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const VALID: &str = "id: 2024-05-14-atelier-test\n\
title: \"Atelier de test\"\n\
date: 2024-05-14\n\
location: { city: Niamey, country: NE }\n\
actors:\n  - name: OIM\n\
countries: [NE]\n\
body: |\n  Un atelier.\n";

#[test]
fn new_from_the_template_with_a_valid_text_creates_the_file() {
    let s = Sandbox::new();
    let before = s.snapshot();
    let ed = s.editor("fake-editor", &format!("cat > \"$F\" <<'EOF'\n{VALID}EOF"));
    let o = s.run(&ed, &["new", "--title", "Atelier de test"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let target = s.dir.join("2024-05-14-atelier-test.yaml");
    assert_eq!(std::fs::read_to_string(&target).expect("created"), VALID);
    assert!(stderr(&o).contains("created"), "{}", stderr(&o));
    let after = s.snapshot();
    assert_eq!(after.len(), before.len() + 1, "only the new file");
    assert!(s.drafts().is_empty(), "no draft left: {:?}", s.drafts());
}

#[test]
fn new_with_a_yaml_error_keeps_the_draft_and_writes_nothing() {
    let s = Sandbox::new();
    let before = s.snapshot();
    let ed = s.editor(
        "fake-editor",
        &format!("cat > \"$F\" <<'EOF'\n{VALID}EOF\nprintf 'contries: [NE]\\n' >> \"$F\""),
    );
    let o = s.run(&ed, &["new"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("unknown field 'contries'"), "{err}");
    // path:line:col of the draft being edited
    let drafts = s.drafts();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let shown = format!("{}:10:1: error", drafts[0].display());
    assert!(err.contains(&shown), "{err}\nexpected {shown}");
    assert!(err.contains("draft kept in"), "{err}");
    assert!(
        std::fs::read_to_string(&drafts[0])
            .expect("draft")
            .contains("contries")
    );
    assert_eq!(
        s.snapshot(),
        before,
        "nothing written in the briefings folder"
    );
}

#[test]
fn new_never_overwrites_an_existing_briefing() {
    let s = Sandbox::new();
    let before = s.snapshot();
    // The editor keeps the id of a briefing that exists.
    let text = VALID.replace(
        "2024-05-14-atelier-test",
        "2023-03-06-niamey-gttc-niger-nigeria",
    );
    let ed = s.editor("fake-editor", &format!("cat > \"$F\" <<'EOF'\n{text}EOF"));
    let o = s.run(&ed, &["new"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("already"), "{}", stderr(&o));
    assert_eq!(s.snapshot(), before);
    assert_eq!(s.drafts().len(), 1);
}

#[test]
fn new_from_a_seed_page_writes_its_draft() {
    let s = Sandbox::new();
    let page = fixtures().join("pages/003_5dbb62f1ada71ef4.txt");
    // The existing briefing from that page has another id; the draft's own is new.
    let ed = s.editor("fake-editor", "true");
    let o = s.run(&ed, &["new", "--from", page.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let created = s
        .dir
        .join("2021-10-27-euromed-migration-v-organise-un-evenement-sur-les.yaml");
    let text = std::fs::read_to_string(&created).expect("created");
    assert!(text.contains("date: 2021-10-27  # from"), "{text}");
    assert!(
        text.contains("  - MT  # from \"à La Valette (Malte)\""),
        "{text}"
    );
    // And it loads with the folder.
    let check = s.run(&ed, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // A second time: the same id exists now, so nothing is overwritten.
    let again = s.run(&ed, &["new", "--from", page.to_str().expect("path")]);
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&created).expect("kept"), text);
}

#[test]
fn edit_with_an_error_leaves_the_file_untouched_and_keeps_the_edit() {
    let s = Sandbox::new();
    let before = s.snapshot();
    let ed = s.editor("fake-editor", "printf 'title: [unclosed\\n' >> \"$F\"");
    let o = s.run(&ed, &["edit", "2023-03-06-niamey-gttc-niger-nigeria"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("error"), "{err}");
    assert!(err.contains("draft kept in"), "{err}");
    assert_eq!(s.snapshot(), before, "the original is untouched");
    let drafts = s.drafts();
    assert_eq!(drafts.len(), 1);
    assert!(
        std::fs::read_to_string(&drafts[0])
            .expect("draft")
            .contains("[unclosed")
    );
}

#[test]
fn edit_with_a_valid_change_replaces_the_file() {
    let s = Sandbox::new();
    let ed = s.editor(
        "fake-editor",
        "sed 's/^title: .*/title: \"Titre corrigé\"/' \"$F\" > \"$F.new\" && mv \"$F.new\" \"$F\"",
    );
    let o = s.run(&ed, &["edit", "2023-03-06-niamey-gttc-niger-nigeria"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(s.dir.join("2023-03-06-niamey-gttc-niger-nigeria.yaml"))
        .expect("file");
    assert!(text.contains("title: \"Titre corrigé\""), "{text}");
    assert!(s.drafts().is_empty());
    let names: Vec<String> = s.snapshot().into_keys().collect();
    assert!(
        names.iter().all(|n| !n.starts_with('.')),
        "no temporary file left: {names:?}"
    );
}

#[test]
fn edit_opens_a_vi_like_editor_at_the_title_line() {
    let s = Sandbox::new();
    let log = s.home.path().join("args.log");
    let ed = s.editor("vi", &format!("echo \"$@\" > '{}'", log.display()));
    let o = s.run(&ed, &["edit", "2023-03-06-niamey-gttc-niger-nigeria"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let args = std::fs::read_to_string(&log).expect("editor ran");
    assert!(args.starts_with("+2 "), "{args}");
    assert!(stderr(&o).contains("no change"), "{}", stderr(&o));
    // --line overrides it.
    let o = s.run(
        &ed,
        &[
            "edit",
            "2023-03-06-niamey-gttc-niger-nigeria",
            "--line",
            "7",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&log)
            .expect("log")
            .starts_with("+7 ")
    );
}

#[test]
fn edit_of_an_unknown_id_suggests_the_nearest() {
    let s = Sandbox::new();
    let ed = s.editor("fake-editor", "true");
    let o = s.run(&ed, &["edit", "2023-03-06-niamey-gttc-niger-nigerya"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean"), "{}", stderr(&o));
}

#[test]
fn edit_takes_an_id_as_show_does_and_checks_related_ids_against_the_folder() {
    let s = Sandbox::new();
    let channel = "2021-11-28-manche-mer-du-nord-reunion-intergouvernementale";
    // A unique start of an id, as `brief show` takes it; the file is saved.
    let ed = s.editor(
        "fake-editor",
        "sed -i 's/^title: .*/title: \"Manche\"/' \"$F\"",
    );
    let o = s.run(&ed, &["edit", "2021-11-28"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("brief: saved "), "{}", stderr(&o));
    let text = std::fs::read_to_string(s.dir.join(format!("{channel}.yaml"))).expect("file");
    assert!(text.contains("title: \"Manche\""), "{text}");
    // Its related briefing exists in the folder: no warning that it does not.
    assert!(!stderr(&o).contains("does not exist"), "{}", stderr(&o));
    // A related id that is really missing is still reported.
    let ed = s.editor(
        "fake-editor2",
        "sed -i 's/^related: .*/related: [oim-bruxelles-migrations-irregulieres-argo, nulle-part]/' \"$F\"",
    );
    let o = s.run(&ed, &["edit", channel]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("related briefing 'nulle-part' does not exist"),
        "{err}"
    );
    assert!(
        !err.contains("'oim-bruxelles-migrations-irregulieres-argo' does not exist"),
        "{err}"
    );
    // A start shared by several ids lists them and exits 2, as `brief show` does.
    let before = s.snapshot();
    let o = s.run(&ed, &["edit", "2021"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("2 briefings start with '2021'"), "{err}");
    assert!(err.contains("brief edit ID"), "{err}");
    assert!(
        err.contains(channel) && err.contains("2021-10-27-euromed-migration-v-la-valette"),
        "{err}"
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn an_editor_that_fails_writes_nothing() {
    let s = Sandbox::new();
    let before = s.snapshot();
    let ed = s.editor("fake-editor", "exit 3");
    let o = s.run(&ed, &["new", "--title", "Abandon"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("draft kept in"));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn draft_prints_a_marked_draft_of_each_meeting() {
    let s = Sandbox::new();
    let ed = s.editor("fake-editor", "true");
    let page = fixtures().join("pages/002_ddb81b77b6e763d9.txt");
    let o = s.run(&ed, &["draft", page.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.matches("\n---\n").count(), 3, "{out}");
    assert!(
        out.contains("date: 2023-03-06  # from \"à partir de ce lundi 6"),
        "{out}"
    );
    // From standard input too.
    let o = s
        .command(&["draft", "-"])
        .stdin(
            std::fs::File::open(fixtures().join("pages/004_06b4552aa55b655f.txt")).expect("page"),
        )
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("city: \"Bruxelles\"  # from \"à Bruxelles\""),
        "{out}"
    );
}

#[test]
fn the_writing_commands_have_help_and_completions() {
    let s = Sandbox::new();
    let ed = s.editor("fake-editor", "true");
    for sub in ["draft", "new", "edit"] {
        let o = s.run(&ed, &[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{sub}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("Usage: brief"),
            "{sub}"
        );
    }
    let o = s.run(&ed, &["completions", "bash"]);
    let script = String::from_utf8_lossy(&o.stdout);
    for sub in ["draft", "new", "edit"] {
        assert!(script.contains(sub), "completes '{sub}'");
    }
}

#[test]
fn new_from_the_template_names_the_file_from_the_date_and_title_written() {
    let s = Sandbox::new();
    let ed = s.editor(
        "fake-editor",
        "sed -i 's/^title: .*/title: \"Un atelier à Agadez\"/; s/^# date: 2024-01-31/date: 2024-06-01/' \"$F\"",
    );
    let o = s.run(&ed, &["new"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let created = s.dir.join("2024-06-01-un-atelier-a-agadez.yaml");
    let text = std::fs::read_to_string(&created).expect("created");
    assert!(text.contains("title: \"Un atelier à Agadez\""), "{text}");
    // The folder still loads cleanly, the new briefing with the others.
    let check = s.run(&ed, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // An empty template is refused, as an untouched one.
    let ed = s.editor("keep", "true");
    let o = s.run(&ed, &["new"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("the template was not changed"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_untouched_template_is_not_saved() {
    let s = Sandbox::new();
    let before = s.snapshot();
    // Like `git commit` with an untouched template: exit 1, a message, nothing written.
    let ed = s.editor("keep", "true");
    let o = s.run(&ed, &["new", "--title", "Atelier à Agadez"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("the template was not changed; aborting"),
        "{}",
        stderr(&o)
    );
    assert_eq!(s.snapshot(), before);
    assert!(s.drafts().is_empty(), "{:?}", s.drafts());
    // The same template with a date written is a briefing.
    let ed = s.editor(
        "date",
        "sed -i 's/^# date: 2024-01-31/date: 2024-06-01/' \"$F\"",
    );
    let o = s.run(&ed, &["new", "--title", "Atelier à Agadez"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(s.dir.join("2024-06-01-atelier-a-agadez.yaml").is_file());
}

/// The pages of tests/fixtures/drafts.
fn draft_page(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/drafts")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `brief draft PAGE` in the sandbox, its standard output.
fn draft_of(s: &Sandbox, name: &str) -> String {
    let ed = s.editor("keep", "true");
    let o = s.run(&ed, &["draft", &draft_page(name)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The `countries:` list of a draft, codes only.
fn countries_of(draft: &str) -> Vec<String> {
    draft
        .lines()
        .skip_while(|l| !l.starts_with("countries:"))
        .skip(1)
        .take_while(|l| l.starts_with("  - "))
        .filter_map(|l| l.trim_start_matches("  - ").split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn a_place_name_that_is_also_a_common_word_needs_evidence() {
    let s = Sandbox::new();
    // "Réunion" opening the title and a sentence, "le président Hollande",
    // "François Hollande", "Trinité :" at a sentence start: no country.
    let d = draft_of(&s, "reunion-title.txt");
    assert_eq!(countries_of(&d), ["NE", "TD"], "{d}");
    assert!(d.contains("country: NE  # from \"à Niamey\""), "{d}");
    // With a preposition ("à La Réunion", "de Hollande", "de la Trinité"): countries.
    let d = draft_of(&s, "reunion-place.txt");
    assert_eq!(countries_of(&d), ["RE", "NL", "TT"], "{d}");
    // And `brief new --from` saves what the draft says, no more.
    let ed = s.editor("keep", "true");
    let o = s.run(&ed, &["new", "--from", &draft_page("reunion-title.txt")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let created = s
        .dir
        .join("2023-04-12-reunion-des-ministres-de-l-interieur-sur-le-trafic-de.yaml");
    let text = std::fs::read_to_string(&created).expect("created");
    assert!(!text.contains("RE  #") && !text.contains("NL  #"), "{text}");
    // A saved HTML page whose title and first sentence start with "Réunion".
    let o = s.run(&ed, &["new", "--from", &draft_page("reunion.html")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let created = s
        .dir
        .join("2022-06-14-reunion-du-comite-de-pilotage-sur-la-traite-des-personnes.yaml");
    let text = std::fs::read_to_string(&created).expect("created");
    assert_eq!(countries_of(&text), ["SN", "MR", "ML"], "{text}");
    assert!(text.contains("country: SN  # from \"à Dakar\""), "{text}");
}

#[test]
fn press_datelines_are_read_as_dates() {
    let s = Sandbox::new();
    for page in ["dateline.txt", "dateline-city.txt", "dateline-numeric.txt"] {
        let d = draft_of(&s, page);
        assert!(d.contains("\ndate: 2018-03-17  # from \""), "{page}: {d}");
        assert!(d.contains("date_note: \"Date de la dépêche"), "{page}: {d}");
        assert!(
            d.starts_with("# Draft") && d.contains("\nid: 2018-03-17-"),
            "{d}"
        );
    }
    // A date inside a sentence that is not about a meeting is still no date.
    let d = draft_of(&s, "reunion-place.txt");
    assert!(d.contains("date: 2022-05-03"), "{d}");
}

#[test]
fn topics_come_from_the_title_and_body_by_the_registry_names() {
    let s = Sandbox::new();
    // Without topics.yaml, the built-in topics apply.
    let d = draft_of(&s, "reunion-title.txt");
    assert!(d.contains("  - \"trafic de migrants\"  # from"), "{d}");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/briefings/topics.yaml"),
        s.dir.join("topics.yaml"),
    )
    .expect("topics.yaml");
    // "trafic de migrants" in the title.
    let d = draft_of(&s, "reunion-title.txt");
    assert!(
        d.contains("topics:\n  - \"trafic de migrants\"  # from \"trafic de migrants\""),
        "{d}"
    );
    // An alias in the body gives the topic's name; the Channel by "la Manche".
    let d = draft_of(&s, "dateline-numeric.txt");
    assert!(d.contains("  - \"naufrage\"  # from \"naufrage\""), "{d}");
    assert!(
        d.contains("  - \"Manche et mer du Nord\"  # from \"la Manche\""),
        "{d}"
    );
}

impl Sandbox {
    /// `brief ARGS` run in `cwd` with no `--dir` (the folder comes from
    /// `args`, `BRIEF_DIR` or `./briefings`), `env` added.
    fn run_in(&self, cwd: &Path, editor: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_brief"));
        c.current_dir(cwd)
            .args(args)
            .env_remove("VISUAL")
            .env_remove("BRIEF_DIR")
            .env("EDITOR", editor)
            .env("HOME", self.home.path())
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_STATE_HOME", self.home.path().join("state"))
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null());
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().expect("brief runs")
    }
}

const NIAMEY: &str = "2023-03-06-niamey-gttc-niger-nigeria";

#[test]
fn edit_works_with_a_relative_folder_the_default_one_brief_dir_and_dir() {
    let s = Sandbox::new();
    let ed = s.editor(
        "fake-editor",
        "sed 's/^title: .*/title: \"Titre corrigé\"/' \"$F\" > \"$F.new\" && mv \"$F.new\" \"$F\"",
    );
    let home = s.home.path();
    let file = s.dir.join(format!("{NIAMEY}.yaml"));
    let original = std::fs::read_to_string(&file).unwrap();
    type Case<'a> = (&'a str, Vec<&'a str>, Vec<(&'a str, &'a str)>);
    let cases: [Case; 4] = [
        ("default ./briefings", vec!["edit", NIAMEY], vec![]),
        (
            "--dir briefings",
            vec!["--dir", "briefings", "edit", NIAMEY],
            vec![],
        ),
        (
            "--dir ./briefings",
            vec!["--dir", "./briefings", "edit", NIAMEY],
            vec![],
        ),
        (
            "BRIEF_DIR",
            vec!["edit", NIAMEY],
            vec![("BRIEF_DIR", "briefings")],
        ),
    ];
    for (what, args, env) in cases {
        std::fs::write(&file, &original).unwrap();
        let o = s.run_in(home, &ed, &args, &env);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("Titre corrigé"), "{what}: {text}");
    }
}

#[test]
fn an_edit_over_the_size_limit_is_refused_and_kept_as_a_draft() {
    let s = Sandbox::new();
    let file = s.dir.join(format!("{NIAMEY}.yaml"));
    let before = s.snapshot();
    // Grows the file past 1 MiB with comments: valid YAML, too big to load.
    let ed = s.editor(
        "fake-editor",
        "i=0; while [ $i -lt 18000 ]; do echo '# Une ligne de commentaire assez longue pour grossir le fichier.'; i=$((i+1)); done >> \"$F\"",
    );
    let o = s.run(&ed, &["edit", NIAMEY]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("1048576 byte limit"), "{err}");
    assert!(err.contains("draft kept in"), "{err}");
    assert_eq!(s.snapshot(), before, "the briefing is as it was");
    assert!(std::fs::metadata(&file).unwrap().len() < 1024 * 1024);
    let drafts = s.drafts();
    assert_eq!(drafts.len(), 1);
    assert!(std::fs::metadata(&drafts[0]).unwrap().len() > 1024 * 1024);
    // And it still lists, shows and edits.
    let o = s.run(&ed, &["show", NIAMEY]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn an_editor_that_removes_the_draft_is_said() {
    let s = Sandbox::new();
    let before = s.snapshot();
    let ed = s.editor("fake-editor", "rm -f \"$F\"");
    let o = s.run(&ed, &["edit", NIAMEY]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("the editor removed the draft"), "{err}");
    assert!(err.contains("is as it was"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    assert_eq!(s.snapshot(), before);
}

#[test]
fn a_briefing_deleted_while_edited_keeps_the_edit_as_a_draft() {
    let s = Sandbox::new();
    let file = s.dir.join(format!("{NIAMEY}.yaml"));
    let ed = s.editor(
        "fake-editor",
        &format!(
            "rm -f '{}'; sed 's/^title: .*/title: \"Titre corrigé\"/' \"$F\" > \"$F.new\" && mv \"$F.new\" \"$F\"",
            file.display()
        ),
    );
    let o = s.run(&ed, &["edit", NIAMEY]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("was deleted while you were editing"), "{err}");
    assert!(!file.exists(), "not made again");
    let drafts = s.drafts();
    assert_eq!(drafts.len(), 1);
    assert!(
        std::fs::read_to_string(&drafts[0])
            .unwrap()
            .contains("Titre corrigé")
    );
}

#[test]
fn without_a_terminal_no_default_editor_is_started() {
    let s = Sandbox::new();
    let before = s.snapshot();
    // A `vi` on PATH that would write a briefing if it were started.
    let bin = s.home.path().join("bin");
    s.editor(
        "vi",
        &format!("printf '{}' > \"$F\"", VALID.replace('\n', "\\n")),
    );
    s.editor(
        "nano",
        &format!("printf '{}' > \"$F\"", VALID.replace('\n', "\\n")),
    );
    let o = s
        .command(&["new", "--title", "T"])
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .stdin(Stdio::piped())
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("neither VISUAL nor EDITOR"), "{err}");
    assert!(err.contains("brief new --from FILE"), "{err}");
    assert_eq!(s.snapshot(), before, "nothing created");
    // A draft given with --from is checked as it is, no editor needed.
    let page = s.home.path().join("page.yaml");
    std::fs::write(&page, VALID).unwrap();
    let o = s
        .command(&["new", "--from"])
        .arg(&page)
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .output()
        .expect("runs");
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert!(!stderr(&o).contains("neither VISUAL"), "{}", stderr(&o));
}

/// `brief draft` reads at most 16 MiB, from a file or standard input, and
/// refuses what is no article: endless input stops at the bound (before:
/// `draft /dev/zero`, `yes | brief draft -` and `new --from /dev/zero` read
/// gigabytes), a file over it is refused from its size, empty input and
/// random bytes are said (before: a skeleton and a garbage draft, exit 0).
/// Each exits 1 with one line saying why, and writes nothing.
#[test]
fn draft_and_new_from_refuse_endless_oversized_empty_and_binary_input() {
    let s = Sandbox::new();
    let before = s.snapshot();
    let ed = s.editor("keep", "true");
    let said = |o: &Output, what: &str| {
        assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
        assert!(stderr(o).contains(what), "{what}: {}", stderr(o));
        assert!(
            o.stdout.is_empty(),
            "{}",
            String::from_utf8_lossy(&o.stdout)
        );
    };
    said(&s.run(&ed, &["draft", "/dev/zero"]), "is over 16 MiB");
    said(
        &s.run(&ed, &["new", "--from", "/dev/zero"]),
        "is over 16 MiB",
    );
    // `yes | brief draft -`: brief stops reading, `yes` ends on its closed pipe.
    let mut yes = Command::new("yes")
        .stdout(Stdio::piped())
        .spawn()
        .expect("yes runs");
    let o = s
        .command(&["draft", "-"])
        .stdin(yes.stdout.take().expect("yes's output"))
        .output()
        .expect("brief runs");
    let _ = yes.kill();
    let _ = yes.wait();
    said(&o, "'standard input' is over 16 MiB");
    // A file over the limit, refused from its size (sparse: nothing written).
    let big = s.home.path().join("big.html");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(20 << 20))
        .expect("a 20 MiB file");
    said(
        &s.run(&ed, &["draft", big.to_str().expect("path")]),
        "is over 16 MiB",
    );
    // Empty: a file, and standard input (null in the sandbox).
    let empty = s.home.path().join("empty.txt");
    std::fs::write(&empty, "  \n").expect("written");
    said(
        &s.run(&ed, &["draft", empty.to_str().expect("path")]),
        "is empty",
    );
    said(&s.run(&ed, &["draft", "-"]), "'standard input' is empty");
    // Random bytes.
    let mut rng = fastrand::Rng::with_seed(9);
    let random = s.home.path().join("random.bin");
    std::fs::write(
        &random,
        (0..2_000_000).map(|_| rng.u8(..)).collect::<Vec<u8>>(),
    )
    .expect("written");
    said(
        &s.run(&ed, &["draft", random.to_str().expect("path")]),
        "is not text",
    );
    said(
        &s.run(&ed, &["new", "--from", random.to_str().expect("path")]),
        "is not text",
    );
    assert_eq!(s.snapshot(), before, "nothing written to the folder");
    assert!(s.drafts().is_empty(), "no draft kept: {:?}", s.drafts());
}

/// A page in latin-1 declaring it (`<meta charset=iso-8859-1>`) is read in
/// it (before: `R�union � Niamey`); so is latin-1 text without a declaration.
#[test]
fn draft_reads_a_latin1_page_by_its_charset() {
    let s = Sandbox::new();
    let ed = s.editor("keep", "true");
    let page = s.home.path().join("latin1.html");
    std::fs::write(
        &page,
        b"<!DOCTYPE html><html><head><meta charset=iso-8859-1><title>R\xe9union \xe0 Niamey</title></head>\
          <body><article><h1>R\xe9union \xe0 Niamey</h1><p>Les experts du Niger et du Nigeria se sont r\xe9unis \
          \xe0 Niamey le 6 mars 2023 pour la sixi\xe8me r\xe9union du groupe de travail technique conjoint.</p>\
          </article></body></html>",
    )
    .expect("written");
    let o = s.run(&ed, &["draft", page.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("title: \"Réunion à Niamey\""), "{out}");
    assert!(!out.contains('\u{fffd}'), "{out}");
    let text = s.home.path().join("latin1.txt");
    std::fs::write(
        &text,
        b"R\xe9union \xe0 Niamey\n\nLes experts se sont r\xe9unis \xe0 Niamey le 6 mars 2023 pour la r\xe9union annuelle.\n",
    )
    .expect("written");
    let o = s.run(&ed, &["draft", text.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("title: \"Réunion à Niamey\""),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}
