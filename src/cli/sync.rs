//! `brief sync` (the archive's briefings committed, the remote's merged in,
//! pushed) and `brief log ID` (a briefing's history), through `brief::git`.

use std::io::Write;
use std::path::{Path, PathBuf};

use brief::git::{GitError, Repo};
use brief_core::Folder;

use super::output::Out;
use super::{Failure, Outcome};

impl From<GitError> for Failure {
    fn from(e: GitError) -> Failure {
        Failure::Usage(e.to_string())
    }
}

/// The ids of briefing files (their names), for messages.
fn ids(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| {
            p.file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().into_owned())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the file still holds a conflict marker at the start of a line.
fn has_markers(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| {
        text.lines().any(|l| {
            ["<<<<<<<", "=======", ">>>>>>>"].iter().any(|m| {
                l.strip_prefix(m)
                    .is_some_and(|r| r.is_empty() || r.starts_with(' '))
            })
        })
    })
}

/// Commits a file `brief new` or `brief edit` just wrote, when the archive
/// is in git (`git: commit` in config.yaml): a failure is said, never fatal,
/// the file being written already.
pub fn commit_written(path: &Path, message: &str) {
    let dir = path.parent().unwrap_or(Path::new("."));
    let done = Repo::find(dir).and_then(|repo| repo.commit_file(path, message));
    match done {
        Ok(()) => super::say(format_args!("brief: committed: {message}")),
        Err(e) => super::say(format_args!("brief: note: not committed: {e}")),
    }
}

pub fn sync<W: Write>(out: &mut Out<W>, dir: &Path) -> Result<Outcome, Failure> {
    let repo = Repo::find(dir)?;
    let top = repo.top.display().to_string();
    if let Some(op) = repo.other_operation() {
        return Err(Failure::Usage(format!(
            "{op} is under way in {top}: finish it or abort it with git first, then run brief sync"
        )));
    }
    if repo.merging() {
        let still: Vec<PathBuf> = repo
            .conflicted()?
            .into_iter()
            .filter(|p| has_markers(&repo.top.join(p)))
            .collect();
        if !still.is_empty() {
            return Err(Failure::Nothing(format!(
                "the last sync stopped on a conflict, and both versions are still in {}: {}; \
                 edit them (brief check points at the markers) and run brief sync again, \
                 or git -C {top} merge --abort to go back to before that sync",
                if still.len() == 1 {
                    "this briefing"
                } else {
                    "these briefings"
                },
                ids(&still)
            )));
        }
        repo.finish_merge()?;
        writeln!(out.w, "conflicts resolved: merge committed")?;
    } else if let Some(message) = repo.commit_archive("brief sync")? {
        writeln!(out.w, "committed: {message}")?;
    }
    let Some(upstream) = repo.upstream() else {
        writeln!(
            out.w,
            "no remote branch to sync with: committed here only (set one once with git -C {top} push -u origin HEAD)"
        )?;
        return Ok(Outcome::Found);
    };
    repo.fetch()?;
    let conflicts = repo.merge_upstream(&upstream)?;
    if !conflicts.is_empty() {
        let names: Vec<String> = conflicts.iter().map(|p| p.display().to_string()).collect();
        return Err(Failure::Nothing(format!(
            "conflict with {upstream} in {}: {}. Both versions are kept: each file shows them \
             between <<<<<<< (yours) and >>>>>>> (theirs), brief check points at them, and \
             git -C {top} show :2:PATH / :3:PATH prints each whole. Keep the right text, then \
             run brief sync again to finish; git -C {top} merge --abort goes back to before \
             this sync",
            super::briefings(conflicts.len()),
            names.join(", ")
        )));
    }
    let ahead = repo.ahead();
    if ahead > 0 {
        repo.push()?;
    }
    writeln!(
        out.w,
        "synced with {upstream}: up to date{}",
        match ahead {
            0 => String::new(),
            1 => ", 1 commit pushed".to_string(),
            n => format!(", {n} commits pushed"),
        }
    )?;
    Ok(Outcome::Found)
}

pub fn log<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    dir: &Path,
    id: &str,
    json: bool,
) -> Result<Outcome, Failure> {
    let doc = match brief::ids::resolve(corpus, id) {
        brief::ids::Resolved::One(doc) => doc,
        brief::ids::Resolved::Many(docs) => {
            return Err(Failure::Usage(format!(
                "{} start with '{id}': say more",
                super::briefings(docs.len())
            )));
        }
        brief::ids::Resolved::None => {
            return Err(Failure::Nothing(format!("no briefing '{id}'")));
        }
    };
    let Some(b) = corpus.briefings.get(doc) else {
        return Err(Failure::Nothing(format!("no briefing '{id}'")));
    };
    let repo = Repo::find(dir)?;
    let entries = repo.log(&brief::git::briefing_path(dir, &b.path))?;
    if json {
        serde_json::to_writer_pretty(&mut out.w, &entries).map_err(std::io::Error::other)?;
        writeln!(out.w)?;
    } else {
        for e in &entries {
            let clean = |s: &str| brief_core::text::sanitize(s, false).into_owned();
            writeln!(
                out.w,
                "{}  {}  {}  {}",
                e.date,
                e.commit,
                clean(&e.author),
                clean(&e.subject)
            )?;
        }
    }
    Ok(if entries.is_empty() {
        super::say(format_args!("'{id}' has no history yet: not committed"));
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
