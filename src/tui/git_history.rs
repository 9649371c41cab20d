//! The history of the briefing the reader opens, read from git off the input
//! path (`Effect::History`, answered by `Msg::History`). One thread, started
//! idle with the browser: it finds the work tree on the first question (never
//! while the list is built), then runs `git log --follow` on one file at a
//! time. Questions that queued while git ran are skipped but for the newest:
//! holding `J` runs git for the briefing that stays on screen, not for each
//! one passed.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};

use crate::git::{GitError, Repo};

use super::event::Event;
use super::state::{HistoryAnswer, Msg};

/// Hands questions to the history thread.
pub(super) struct Historian {
    asks: Sender<(u64, PathBuf)>,
}

impl Historian {
    /// The thread for the folder `dir`, waiting for its first question.
    pub(super) fn spawn(dir: PathBuf, tx: Sender<Event>) -> Historian {
        let (asks, rx) = channel::<(u64, PathBuf)>();
        let failed = tx.clone();
        super::spawn_worker(failed, move || {
            // Found on the first question: `Some(None)`, not in git.
            let mut repo: Option<Option<Repo>> = None;
            while let Ok(first) = rx.recv() {
                let (ask, path) = rx.try_iter().last().unwrap_or(first);
                let repo = repo.get_or_insert_with(|| Repo::find(&dir).ok());
                let answer = match repo {
                    Some(r) => answer(r, &dir, &path),
                    None => HistoryAnswer::NoGit,
                };
                let msg = Msg::History { ask, path, answer };
                if tx.send(Event::App(msg)).is_err() {
                    break;
                }
            }
        });
        Historian { asks }
    }

    pub(super) fn ask(&self, ask: u64, path: PathBuf) {
        let _ = self.asks.send((ask, path));
    }
}

/// `git log --follow` on one briefing file of `dir`.
fn answer(repo: &Repo, dir: &Path, path: &Path) -> HistoryAnswer {
    match repo.log(&crate::git::briefing_path(dir, path)) {
        Ok(entries) => HistoryAnswer::Entries(entries),
        // git went away meanwhile: as if it never was.
        Err(GitError::Missing(_) | GitError::NotARepo(_)) => HistoryAnswer::NoGit,
        // A work tree without a commit yet: no history, nothing wrong.
        Err(GitError::Failed { message, .. }) if message.contains("does not have any commits") => {
            HistoryAnswer::Entries(Vec::new())
        }
        Err(e) => HistoryAnswer::Failed(e.to_string()),
    }
}
