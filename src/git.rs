//! An archive kept in git, reached by running `git` as a command (as nb and
//! lazygit do): the user's own git, its configuration, credentials and SSH
//! agent apply, and no C library or second implementation of git's merge and
//! transport is built into brief. Used by `brief sync`, `brief log` and the
//! commits of `brief new`/`brief edit` (`git: commit` in config.yaml).
//!
//! Nothing here reaches the network but `sync`'s fetch and push, and only
//! when asked: browsing calls git only for the history of the briefing the
//! reader opens (`git log`, on a worker thread, see `tui::git_history`).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A git work tree holding the archive.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The work tree's top folder.
    pub top: PathBuf,
    /// The archive folder, inside it.
    pub archive: PathBuf,
}

/// Why git could not be used.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("git is not installed (or not on PATH): {0}")]
    Missing(std::io::Error),
    #[error("{0} is not inside a git work tree (git init, or git clone the archive)")]
    NotARepo(String),
    #[error("git {args}: {message}")]
    Failed { args: String, message: String },
}

/// `git -C dir args…`, its output captured; never reads the terminal
/// (no pager, no prompt for credentials: a sync from cron fails clearly).
fn git(dir: &Path, args: &[&OsStr]) -> Result<Output, GitError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .output()
        .map_err(GitError::Missing)
}

/// `git args…` that must succeed: its standard output.
fn run(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let os: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let out = git(dir, &os)?;
    if !out.status.success() {
        return Err(failed(args, &out));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn failed(args: &[&str], out: &Output) -> GitError {
    let err = String::from_utf8_lossy(&out.stderr);
    let message = err
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    GitError::Failed {
        args: args.join(" "),
        message,
    }
}

impl Repo {
    /// The work tree holding `archive`, if any.
    pub fn find(archive: &Path) -> Result<Repo, GitError> {
        let archive = std::fs::canonicalize(archive).unwrap_or_else(|_| archive.to_path_buf());
        let out = git(
            &archive,
            &[OsStr::new("rev-parse"), OsStr::new("--show-toplevel")],
        )?;
        if !out.status.success() {
            return Err(GitError::NotARepo(archive.display().to_string()));
        }
        let top = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Ok(Repo {
            top: PathBuf::from(top),
            archive,
        })
    }

    fn run(&self, args: &[&str]) -> Result<String, GitError> {
        run(&self.top, args)
    }

    /// The archive as a pathspec of the work tree.
    fn spec(&self) -> String {
        let rel = self
            .archive
            .strip_prefix(&self.top)
            .unwrap_or(Path::new(""));
        match rel.as_os_str().is_empty() {
            true => ".".to_string(),
            false => rel.display().to_string(),
        }
    }

    /// The briefing files of the archive that differ from the last commit
    /// (added, changed, removed, or not yet tracked), relative to the top.
    pub fn changed(&self) -> Result<Vec<Change>, GitError> {
        let out = self.run(&[
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--",
            &self.spec(),
        ])?;
        let mut changes = Vec::new();
        let mut fields = out.split('\0').filter(|f| !f.is_empty());
        while let Some(entry) = fields.next() {
            let (code, path) = entry.split_at(entry.len().min(3));
            // A rename names the old path next: skipped, the new one counts.
            if code.starts_with('R') {
                fields.next();
            }
            let path = PathBuf::from(path);
            if !is_briefing(&path) {
                continue;
            }
            let kind = match code.trim() {
                "??" | "A" => ChangeKind::Added,
                c if c.contains('D') => ChangeKind::Removed,
                c if c.contains('U') || c == "AA" || c == "DD" => ChangeKind::Conflicted,
                _ => ChangeKind::Changed,
            };
            changes.push(Change { path, kind });
        }
        Ok(changes)
    }

    /// Commits the archive's changed briefings (only them), with a message
    /// that lists their ids. `None`: nothing to commit.
    pub fn commit_archive(&self, why: &str) -> Result<Option<String>, GitError> {
        let changes = self.changed()?;
        if changes.is_empty() {
            return Ok(None);
        }
        let mut add: Vec<&str> = vec!["add", "-A", "--"];
        let paths: Vec<String> = changes
            .iter()
            .map(|c| c.path.display().to_string())
            .collect();
        add.extend(paths.iter().map(String::as_str));
        self.run(&add)?;
        let message = commit_message(why, &changes, &self.top);
        let mut commit: Vec<&str> = vec!["commit", "--quiet", "-m", &message, "--"];
        commit.extend(paths.iter().map(String::as_str));
        self.run(&commit)?;
        Ok(Some(message))
    }

    /// `path` as git names it: relative to the work tree's top.
    fn relative(&self, path: &Path) -> String {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        path.strip_prefix(&self.top)
            .unwrap_or(&path)
            .display()
            .to_string()
    }

    /// Commits one file brief just wrote (`brief new`, `brief edit`).
    pub fn commit_file(&self, path: &Path, message: &str) -> Result<(), GitError> {
        let rel = self.relative(path);
        self.run(&["add", "--", &rel])?;
        self.run(&["commit", "--quiet", "-m", message, "--", &rel])?;
        Ok(())
    }

    /// The upstream of the current branch (`origin/main`), if one is set.
    pub fn upstream(&self) -> Option<String> {
        self.run(&["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    /// A merge stopped on conflicts is under way.
    pub fn merging(&self) -> bool {
        self.run(&["rev-parse", "-q", "--verify", "MERGE_HEAD"])
            .is_ok()
    }

    /// Another operation (a rebase, a cherry-pick) left under way by hand.
    pub fn other_operation(&self) -> Option<&'static str> {
        let git_dir = self.run(&["rev-parse", "--git-dir"]).ok()?;
        let dir = self.top.join(git_dir.trim());
        [
            ("rebase-merge", "a rebase"),
            ("rebase-apply", "a rebase"),
            ("CHERRY_PICK_HEAD", "a cherry-pick"),
            ("REVERT_HEAD", "a revert"),
        ]
        .into_iter()
        .find(|(f, _)| dir.join(f).exists())
        .map(|(_, what)| what)
    }

    pub fn fetch(&self) -> Result<(), GitError> {
        self.run(&["fetch", "--quiet"]).map(drop)
    }

    /// Merges the upstream in: `Ok(conflicted briefings)`, empty when it merged.
    pub fn merge_upstream(&self, upstream: &str) -> Result<Vec<PathBuf>, GitError> {
        let out = git(
            &self.top,
            &["merge", "--no-edit", "--quiet", upstream].map(OsStr::new),
        )?;
        if out.status.success() {
            return Ok(Vec::new());
        }
        let conflicted = self.conflicted()?;
        if conflicted.is_empty() {
            return Err(failed(&["merge", upstream], &out));
        }
        Ok(conflicted)
    }

    /// Files git marks as conflicted.
    pub fn conflicted(&self) -> Result<Vec<PathBuf>, GitError> {
        let out = self.run(&["diff", "--name-only", "--diff-filter=U", "-z"])?;
        Ok(out
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect())
    }

    /// Ends a merge whose conflicts were resolved: the archive's files added
    /// and the merge committed.
    pub fn finish_merge(&self) -> Result<(), GitError> {
        self.run(&["add", "-A", "--", &self.spec()])?;
        self.run(&["commit", "--no-edit", "--quiet"]).map(drop)
    }

    /// Commits of the current branch the upstream lacks.
    pub fn ahead(&self) -> usize {
        self.run(&["rev-list", "--count", "@{u}..HEAD"])
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    }

    pub fn push(&self) -> Result<(), GitError> {
        self.run(&["push", "--quiet"]).map(drop)
    }

    /// The history of one file, newest first, following renames.
    pub fn log(&self, path: &Path) -> Result<Vec<LogEntry>, GitError> {
        let rel = self.relative(path);
        let out = self.run(&[
            "log",
            "--follow",
            "--format=%h%x1f%an%x1f%aI%x1f%s",
            "--",
            &rel,
        ])?;
        Ok(out
            .lines()
            .filter_map(|l| {
                let mut f = l.split('\u{1f}');
                Some(LogEntry {
                    commit: f.next()?.to_string(),
                    author: f.next()?.to_string(),
                    date: f.next()?.chars().take(10).collect(),
                    subject: f.next().unwrap_or_default().to_string(),
                })
            })
            .collect())
    }
}

/// The file of a briefing read from `dir`: its path as walked (the folder's
/// path as given, then the file's below it), else below `dir`.
pub fn briefing_path(dir: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() || path.exists() {
        path.to_path_buf()
    } else {
        dir.join(path)
    }
}

/// One commit of a briefing's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LogEntry {
    pub commit: String,
    pub author: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub subject: String,
}

/// A briefing file that differs from the last commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Relative to the work tree's top.
    pub path: PathBuf,
    pub kind: ChangeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Changed,
    Removed,
    Conflicted,
}

fn is_briefing(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    ) && !path.components().any(|c| c.as_os_str() == ".brief")
}

/// A briefing's id as its file gives it (`id:` at the start of a line, in
/// its first 64 KiB), else its file's name (a removed file, say).
fn briefing_id(top: &Path, path: &Path) -> String {
    use std::io::Read;
    let stem = || {
        path.file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned())
    };
    let mut head = Vec::new();
    let read =
        std::fs::File::open(top.join(path)).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    if read.is_err() {
        return stem();
    }
    let text = String::from_utf8_lossy(&head);
    text.lines()
        .find_map(|l| l.strip_prefix("id:"))
        // A trailing YAML comment is not part of the id.
        .map(|v| v.split(" #").next().unwrap_or(v))
        .map(|v| v.trim().trim_matches(|c| c == '"' || c == '\'').trim())
        .filter(|v| !v.is_empty() && !v.contains(char::is_control))
        .map_or_else(stem, str::to_string)
}

/// `brief sync: 3 briefings (added: a; changed: b, c)`: the ids, by kind.
fn commit_message(why: &str, changes: &[Change], top: &Path) -> String {
    let id = |c: &Change| briefing_id(top, &c.path);
    let registry = |c: &Change| {
        matches!(
            c.path.file_name().and_then(|n| n.to_str()),
            Some("actors.yaml" | "topics.yaml")
        )
    };
    let (registries, changes): (Vec<&Change>, Vec<&Change>) =
        changes.iter().partition(|c| registry(c));
    let mut parts = Vec::new();
    for (kind, label) in [
        (ChangeKind::Added, "added"),
        (ChangeKind::Changed, "changed"),
        (ChangeKind::Removed, "removed"),
        (ChangeKind::Conflicted, "resolved"),
    ] {
        let ids: Vec<String> = changes
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| id(c))
            .collect();
        if !ids.is_empty() {
            parts.push(format!("{label}: {}", ids.join(", ")));
        }
    }
    if !registries.is_empty() {
        let names: Vec<String> = registries
            .iter()
            .map(|c| {
                c.path
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned())
            })
            .collect();
        parts.push(format!("registries: {}", names.join(", ")));
    }
    let count = match changes.len() {
        0 => "the registries".to_string(),
        1 => "1 briefing".to_string(),
        n => format!("{n} briefings"),
    };
    format!("{why}: {count} ({})", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_message_names_the_id_the_file_gives() {
        let top = tempfile::tempdir().unwrap();
        std::fs::write(
            top.path().join("nouvelle.yaml"),
            "title: x\nid: 'nouvelle-a'  # site A\n",
        )
        .unwrap();
        std::fs::write(top.path().join("sans.yaml"), "title: x\n").unwrap();
        let m = commit_message(
            "brief sync",
            &[
                Change {
                    path: PathBuf::from("nouvelle.yaml"),
                    kind: ChangeKind::Added,
                },
                Change {
                    path: PathBuf::from("sans.yaml"),
                    kind: ChangeKind::Added,
                },
            ],
            top.path(),
        );
        assert_eq!(m, "brief sync: 2 briefings (added: nouvelle-a, sans)");
    }

    #[test]
    fn a_commit_message_lists_the_ids_by_kind() {
        let c = |p: &str, kind| Change {
            path: PathBuf::from(p),
            kind,
        };
        let m = commit_message(
            "brief sync",
            &[
                c("briefings/2024-a.yaml", ChangeKind::Added),
                c("briefings/x/b.yml", ChangeKind::Changed),
                c("briefings/c.yaml", ChangeKind::Added),
                c("briefings/actors.yaml", ChangeKind::Changed),
            ],
            Path::new("/nonexistent"),
        );
        assert_eq!(
            m,
            "brief sync: 3 briefings (added: 2024-a, c; changed: b; registries: actors.yaml)"
        );
    }

    #[test]
    fn only_briefings_count_and_the_shared_index_never() {
        assert!(is_briefing(Path::new("a/b.yaml")));
        assert!(!is_briefing(Path::new("a/notes.md")));
        assert!(!is_briefing(Path::new(".brief/x.yaml")));
    }
}
