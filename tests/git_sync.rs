//! An archive kept in git: `brief sync` between two clones of a bare
//! remote, a conflict stopped with both versions kept, `brief check` pointing
//! at the markers, `brief log`, and `git: commit` for `brief edit`. Skipped,
//! with a message, where `git` is not installed (`.ci/run` installs it).
// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod support;
use support::cli::{code, stderr, stdout};
use support::fixtures;

fn have_git() -> bool {
    let ok = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: git is not installed");
    }
    ok
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
    o
}

/// A bare remote and two clones of it (`a` and `b`), each with a user, the
/// fixture briefings committed and pushed from `a`, pulled in `b`.
struct Site {
    root: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        git(r, &["init", "-q", "--bare", "-b", "main", "remote.git"]);
        for (clone, name) in [("a", "Analyste A"), ("b", "Analyste B")] {
            git(r, &["clone", "-q", "remote.git", clone]);
            let c = r.join(clone);
            git(&c, &["config", "user.name", name]);
            git(
                &c,
                &["config", "user.email", &format!("{clone}@example.org")],
            );
            git(&c, &["checkout", "-q", "-B", "main"]);
        }
        let site = Site { root };
        let a = site.archive("a");
        std::fs::create_dir_all(&a).unwrap();
        for entry in std::fs::read_dir(fixtures::briefings()).unwrap() {
            let p = entry.unwrap().path();
            std::fs::copy(&p, a.join(p.file_name().unwrap())).unwrap();
        }
        git(&site.clone_dir("a"), &["add", "-A"]);
        git(&site.clone_dir("a"), &["commit", "-q", "-m", "the archive"]);
        git(
            &site.clone_dir("a"),
            &["push", "-q", "-u", "origin", "main"],
        );
        git(&site.clone_dir("b"), &["pull", "-q", "origin", "main"]);
        git(
            &site.clone_dir("b"),
            &["branch", "-q", "--set-upstream-to=origin/main"],
        );
        site
    }

    fn clone_dir(&self, clone: &str) -> PathBuf {
        self.root.path().join(clone)
    }

    fn archive(&self, clone: &str) -> PathBuf {
        self.clone_dir(clone).join("briefings")
    }

    /// `brief --dir <clone>/briefings args…`, in the clone, its own home.
    fn brief(&self, clone: &str, args: &[&str]) -> Output {
        self.brief_with(clone, args, None)
    }

    fn brief_with(&self, clone: &str, args: &[&str], editor: Option<&Path>) -> Output {
        let home = self.root.path().join(format!("home-{clone}"));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
        cmd.arg("--dir")
            .arg(self.archive(clone))
            .args(args)
            .current_dir(self.clone_dir(clone))
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LANG", "en_US.UTF-8")
            .env_remove("VISUAL")
            .env_remove("BRIEF_DIR")
            .stdin(Stdio::null());
        if let Some(e) = editor {
            cmd.env("EDITOR", e);
        }
        cmd.output().unwrap()
    }

    fn edit_title(&self, clone: &str, file: &str, title: &str) {
        let path = self.archive(clone).join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let text: String = text
            .lines()
            .map(|l| {
                if l.starts_with("title:") {
                    format!("title: \"{title}\"\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        std::fs::write(path, text).unwrap();
    }
}

fn titles(site: &Site, clone: &str) -> String {
    stdout(&site.brief(clone, &["list", "--format", "tsv"]))
}

#[test]
fn a_briefing_added_in_one_clone_reaches_the_other_through_sync() {
    if !have_git() {
        return;
    }
    let site = Site::new();
    let text =
        std::fs::read_to_string(site.archive("a").join(format!("{}.yaml", fixtures::ZINDER)))
            .unwrap()
            .replace(fixtures::ZINDER, "2024-06-01-maradi")
            .replace("Zinder", "Maradi");
    std::fs::write(site.archive("a").join("2024-06-01-maradi.yaml"), text).unwrap();
    let o = site.brief("a", &["sync"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("committed: brief sync: 1 briefing (added: 2024-06-01-maradi)"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("1 commit pushed"), "{}", stdout(&o));
    assert!(!titles(&site, "b").contains("Maradi"));
    let o = site.brief("b", &["sync"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(titles(&site, "b").contains("Maradi"));

    let o = site.brief("b", &["log", "2024-06-01"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let log = stdout(&o);
    assert!(log.contains("Analyste A"), "{log}");
    assert!(log.contains("brief sync: 1 briefing"), "{log}");
}

#[test]
fn conflicting_edits_stop_the_sync_keep_both_versions_and_finish_once_resolved() {
    if !have_git() {
        return;
    }
    let site = Site::new();
    let file = format!("{}.yaml", fixtures::BRUSSELS);
    site.edit_title("a", &file, "Titre de A");
    assert_eq!(code(&site.brief("a", &["sync"])), 0);
    site.edit_title("b", &file, "Titre de B");
    let o = site.brief("b", &["sync"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(&format!("briefings/{file}")), "{err}");
    assert!(err.contains("merge --abort"), "{err}");

    // Both versions recoverable: ours and theirs, as git keeps them.
    let ours = git(
        &site.clone_dir("b"),
        &["show", &format!(":2:briefings/{file}")],
    );
    let theirs = git(
        &site.clone_dir("b"),
        &["show", &format!(":3:briefings/{file}")],
    );
    assert!(stdout(&ours).contains("Titre de B"));
    assert!(stdout(&theirs).contains("Titre de A"));
    // brief check names the file and the line of the first marker.
    let o = site.brief("b", &["check"]);
    assert!(
        stdout(&o).contains(&format!("{file}:2:1: error: git conflict markers")),
        "{}",
        stdout(&o)
    );
    // Another sync before it is resolved says so and changes nothing.
    let o = site.brief("b", &["sync"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("both versions are still in this briefing"),
        "{}",
        stderr(&o)
    );

    // Resolved by hand (theirs kept), then sync finishes the merge and pushes.
    std::fs::write(site.archive("b").join(&file), stdout(&theirs)).unwrap();
    let o = site.brief("b", &["sync"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("conflicts resolved"), "{}", stdout(&o));
    assert_eq!(code(&site.brief("a", &["sync"])), 0);
    assert!(titles(&site, "a").contains("Titre de A"));
    assert!(!titles(&site, "a").contains("Titre de B"));
}

#[test]
fn sync_outside_git_is_a_clear_error_and_without_remote_commits_here() {
    if !have_git() {
        return;
    }
    let plain = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["--dir", plain.path().to_str().unwrap(), "sync"])
        .env("HOME", plain.path())
        .env("GIT_CEILING_DIRECTORIES", plain.path().parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("not inside a git work tree"),
        "{}",
        stderr(&o)
    );

    let site = Site::new();
    git(&site.clone_dir("a"), &["branch", "-q", "--unset-upstream"]);
    site.edit_title("a", &format!("{}.yaml", fixtures::ITALY), "Titre local");
    let o = site.brief("a", &["sync"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("committed here only"), "{}", stdout(&o));
}

#[test]
fn git_commit_in_config_commits_what_brief_edit_saved() {
    if !have_git() {
        return;
    }
    let site = Site::new();
    let home = site.root.path().join("home-a");
    std::fs::create_dir_all(home.join("config/brief")).unwrap();
    std::fs::write(home.join("config/brief/config.yaml"), "git: commit\n").unwrap();
    let editor = site.root.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nfor F in \"$@\"; do :; done\nsed -i 's/^title: .*/title: \"Relu\"/' \"$F\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = site.brief_with("a", &["edit", fixtures::ITALY], Some(&editor));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("committed: brief edit:"),
        "{}",
        stderr(&o)
    );
    let log = git(&site.clone_dir("a"), &["log", "-1", "--format=%s"]);
    assert_eq!(
        stdout(&log).trim(),
        format!("brief edit: {}", fixtures::ITALY)
    );
    let status = git(&site.clone_dir("a"), &["status", "--porcelain"]);
    assert!(stdout(&status).trim().is_empty(), "{}", stdout(&status));
}
