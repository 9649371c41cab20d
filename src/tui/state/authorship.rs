//! Who added the briefing the reader shows and who changed it last, from
//! git's history (issue 28 §2). Read when a briefing is opened, never while
//! the list is built: the reader asks the loop (`Effect::History`), whose
//! worker runs `git log --follow` on the file off the input path and answers
//! `Msg::History`. Answers are kept per file, so going back and forth reads
//! git once; an answer for a briefing no longer shown is dropped.
//!
//! Only asked while the folder may be in git (`Settings::git_history`): the
//! worker finds out on the first question, and an answer that it is not
//! (or that git is not installed) stops every later one.

use std::collections::HashMap;
use std::path::PathBuf;

use brief_core::text::sanitize;

use crate::git::LogEntry;

use super::State;

/// One commit of a briefing, as the reader says it: a date and an author,
/// neutralised for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub author: String,
}

/// Who added a briefing and, when another commit followed, who changed it last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorship {
    pub added: Stamp,
    pub changed: Option<Stamp>,
}

impl Authorship {
    /// From a file's history, newest first; `None` when it has none (the
    /// file is not committed).
    pub fn from_log(entries: &[LogEntry]) -> Option<Authorship> {
        let stamp = |e: &LogEntry| Stamp {
            date: sanitize(&e.date, false).into_owned(),
            author: sanitize(e.author.trim(), false).into_owned(),
        };
        let added = stamp(entries.last()?);
        let changed = (entries.len() > 1)
            .then(|| entries.first().map(stamp))
            .flatten();
        Some(Authorship { added, changed })
    }
}

/// What the history worker answers for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryAnswer {
    /// The file's commits, newest first; none when it is not committed.
    Entries(Vec<LogEntry>),
    /// The folder is not in a git work tree, or git is not installed:
    /// nothing more is asked this session.
    NoGit,
    /// git failed on this file: what it said.
    Failed(String),
}

/// The history asked for and not answered yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Asking {
    pub(super) ask: u64,
    pub(super) path: PathBuf,
    /// Handed to the loop as `Effect::History` already.
    pub(super) asked: bool,
}

#[derive(Debug, Default)]
pub(super) struct Histories {
    /// The reader asks for histories: the folder may be in git.
    pub(super) on: bool,
    /// Answers by briefing file (`Briefing::path`); `None`: no history.
    known: HashMap<PathBuf, Option<Authorship>>,
    pub(super) asking: Option<Asking>,
    asks: u64,
    /// git's failure was said on the status line already (once a session).
    failure_said: bool,
}

impl Histories {
    /// What is known of `path`'s history: `Some(None)` when it has none.
    pub(super) fn get(&self, path: &std::path::Path) -> Option<Option<&Authorship>> {
        self.known.get(path).map(Option::as_ref)
    }

    /// Asks for `path`'s history, unless it is known or asked already.
    pub(super) fn want(&mut self, path: &std::path::Path) {
        if !self.on
            || self.known.contains_key(path)
            || self.asking.as_ref().is_some_and(|a| a.path == path)
        {
            return;
        }
        self.asks += 1;
        self.asking = Some(Asking {
            ask: self.asks,
            path: path.to_path_buf(),
            asked: false,
        });
    }

    /// The files may have changed, and their history with them.
    pub(super) fn forget(&mut self) {
        self.known.clear();
        self.asking = None;
    }
}

/// The history asked for since the last `update`, as an effect for the loop.
pub(super) fn history_to_read(state: &mut State) -> Option<super::Effect> {
    let a = state.histories.asking.as_mut().filter(|a| !a.asked)?;
    a.asked = true;
    Some(super::Effect::History {
        ask: a.ask,
        path: a.path.clone(),
    })
}

/// What became of an answer of the history worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Answered {
    /// For a file no longer asked for: dropped.
    Stale,
    /// Kept: whether the file has a history to show.
    Kept { lines: bool },
    /// Not in git: nothing more is asked.
    Off,
    /// git failed on the file: what it said, the first time only (neutralised).
    Failed(Option<String>),
}

impl Histories {
    /// Takes the worker's answer for `path`, number `ask`, if it is the
    /// one asked for last (else it is stale).
    pub(super) fn answer(&mut self, ask: u64, path: PathBuf, answer: HistoryAnswer) -> Answered {
        if self
            .asking
            .as_ref()
            .is_none_or(|a| a.ask != ask || a.path != path)
        {
            return Answered::Stale; // another briefing was opened since
        }
        self.asking = None;
        match answer {
            HistoryAnswer::Entries(entries) => {
                let authorship = Authorship::from_log(&entries);
                let lines = authorship.is_some();
                self.known.insert(path, authorship);
                Answered::Kept { lines }
            }
            HistoryAnswer::NoGit => {
                self.on = false;
                self.known.clear();
                Answered::Off
            }
            HistoryAnswer::Failed(said) => {
                // Not asked again for this file; the details stay as they are.
                self.known.insert(path, None);
                let first = !std::mem::replace(&mut self.failure_said, true);
                Answered::Failed(first.then(|| sanitize(&said, false).into_owned()))
            }
        }
    }
}
