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

/// A history read by the loop: kept and laid out if it is the one asked
/// for last, dropped otherwise. True when the screen changed.
pub(super) fn on_history(
    state: &mut State,
    ask: u64,
    path: PathBuf,
    answer: HistoryAnswer,
) -> bool {
    if state
        .histories
        .asking
        .as_ref()
        .is_none_or(|a| a.ask != ask || a.path != path)
    {
        return false; // stale: another briefing was opened since
    }
    state.histories.asking = None;
    let shown = state
        .reader
        .doc
        .and_then(|d| state.folder.corpus.as_ref()?.briefings.get(d))
        .is_some_and(|b| b.path == path);
    let mut redraw = false;
    match answer {
        HistoryAnswer::Entries(entries) => {
            let authorship = Authorship::from_log(&entries);
            let lines = authorship.is_some();
            state.histories.known.insert(path, authorship);
            if lines && shown {
                super::reader::relayout_kept(state);
                redraw = true;
            }
        }
        HistoryAnswer::NoGit => {
            state.histories.on = false;
            state.histories.known.clear();
        }
        HistoryAnswer::Failed(said) => {
            // Not asked again for this file; said once, the details stay as they are.
            state.histories.known.insert(path, None);
            if !state.histories.failure_said {
                state.histories.failure_said = true;
                let said = sanitize(&said, false).into_owned();
                state.message = Some((state.text().history_failed)(&said));
                redraw = true;
            }
        }
    }
    redraw
}
