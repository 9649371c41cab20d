//! What happened (`Msg`, what the user asks arriving as `Msg::Action`), and
//! what to do outside `update` (`Effect`).

use std::sync::Arc;

use brief_core::load::reload::Touched;
use brief_core::remembered::Change;

use super::authorship::HistoryAnswer;
use super::notices::Remembered;
use super::picks::ReportTo;
use super::saved::SavedEntry;
use super::{Reload, Results, SearchRequest};
use crate::keys::action::Action;

/// What happened.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    Resize(u16, u16),
    Progress(usize, usize),
    Loaded(Arc<brief_core::Folder>),
    LoadFailed(String),
    // Boxed: the largest message by far, and the one sent most.
    Results(Box<Results>),
    /// Something to tell the user on the status line.
    Notice(String),
    /// A mouse click at a cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel over a cell: down (towards the end) or up.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Files of the folder changed (a burst of them, gone quiet): these
    /// paths, or not known which.
    FilesChanged(Touched),
    /// Files of the folder changed and it was read again.
    Reloaded(Reload),
    /// Reading the folder again failed, or it cannot be watched.
    ReloadFailed(String),
    /// The folder cannot be watched: live reload is off.
    WatchFailed(String),
    /// The folder is watched again after live reload was off: read it again.
    WatchResumed,
    /// The folder is watched (or cannot be) for the first time: what
    /// changed before is found by comparing it with the corpus loaded.
    WatchSettled,
    /// What was remembered about this folder between runs.
    Remembered(Box<Remembered>),
    /// A signal (TERM, HUP, INT) asks the browser to end.
    Signal(i32),
    /// The body of briefing `doc` (its paragraphs, or why it could not be
    /// read), answering `Effect::ReadBody` number `read`.
    Body {
        read: u64,
        doc: usize,
        paragraphs: Vec<String>,
    },
    /// The saved searches and sets, read and counted, answering
    /// `Effect::ListSaved` number `ask` (sent twice: as soon as read, then
    /// counted).
    SavedListed {
        ask: u64,
        entries: Vec<SavedEntry>,
    },
    /// The git history of briefing file `path`, answering `Effect::History`
    /// number `ask`.
    History {
        ask: u64,
        path: std::path::PathBuf,
        answer: HistoryAnswer,
    },
    /// A worker thread failed (a panic, caught): what it said.
    WorkerFailed(String),
}

/// What to do outside `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Search(SearchRequest),
    /// Record a change to what is remembered between runs (off the input path).
    Remember(Change),
    Suspend,
    /// Read the folder again (off the input path), looking at what was
    /// touched; the answer is `Msg::Reloaded`.
    Reload(Touched),
    /// The session ends: the one way out, whatever asked for it.
    Quit,
    /// Put this text on the clipboard (OSC 52, written by the event loop).
    Copy {
        text: String,
    },
    /// Read the body of briefing `doc` of the corpus shown (off the input
    /// path: it may be a file); the answer is `Msg::Body` with the same `read`.
    ReadBody {
        read: u64,
        doc: usize,
    },
    /// Read the git history of briefing file `path` (`Briefing::path`), off
    /// the input path; the answer is `Msg::History` with the same `ask`.
    History {
        ask: u64,
        path: std::path::PathBuf,
    },
    /// Hand the terminal to `brief edit ID` and take it back when it ends;
    /// live reload then shows the change.
    Edit {
        id: String,
    },
    /// Read the saved searches and sets from the state file, replay `own`
    /// (this session's changes) over them, and count what each finds and
    /// what is new, off the input path; the answer is `Msg::SavedListed`.
    ListSaved {
        ask: u64,
        own: Vec<Change>,
    },
    /// Write the report of the briefings at `docs` (to a new file in the
    /// current folder, or to the clipboard), off the input path; what
    /// became of it comes back as `Msg::Notice`.
    Report {
        docs: Vec<usize>,
        query: Option<String>,
        to: ReportTo,
    },
}

/// The result of one `update`: what to do, and whether the screen changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Update {
    pub effects: Vec<Effect>,
    pub redraw: bool,
}
