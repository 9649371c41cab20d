//! Marked briefings: a working set for the session (Space/`m`, `M`, `X`).
//!
//! Marks are ids, in the order they were marked, so they survive a new
//! query and a live reload. What acts on "the briefing" (`y`, `b`, `u`,
//! `E`) acts on the marked ones when there are any; `J`/`K` in the reader go
//! through them in turn.

use std::collections::HashSet;
use std::sync::Arc;

use brief_core::remembered::Change;
use brief_core::text::{sanitize, truncate};

use super::focus::relayout;
use super::related::remember_read;
use super::{Effect, State};
use crate::keys::action::Action;

/// The marked briefings, by id, in the order they were marked.
#[derive(Debug, Clone, Default)]
pub(super) struct Picks {
    pub(super) ids: Vec<String>,
    pub(super) set: HashSet<String>,
    /// The marked briefing `J`/`K` show in the reader when it is not among
    /// the results on screen.
    pub(super) showing: Option<usize>,
}

impl Picks {
    fn insert(&mut self, id: &str) -> bool {
        if self.set.insert(id.to_string()) {
            self.ids.push(id.to_string());
            true
        } else {
            false
        }
    }

    fn remove(&mut self, id: &str) -> bool {
        if self.set.remove(id) {
            self.ids.retain(|i| i != id);
            true
        } else {
            false
        }
    }

    pub(super) fn clear(&mut self) {
        self.ids.clear();
        self.set.clear();
        self.showing = None;
    }

    /// Marks exactly `ids`, in that order.
    pub(super) fn replace(&mut self, ids: impl IntoIterator<Item = String>) {
        self.clear();
        for id in ids {
            self.insert(&id);
        }
    }
}

impl State {
    /// Whether the briefing `id` is marked.
    pub fn is_marked(&self, id: &str) -> bool {
        self.picks.set.contains(id)
    }

    /// The marked briefings' ids, in the order they were marked.
    pub fn marked(&self) -> &[String] {
        &self.picks.ids
    }

    /// The marked briefings of the corpus shown, in the order they were
    /// marked (ids no longer in the folder left out).
    pub fn marked_docs(&self) -> Vec<usize> {
        let Some(corpus) = &self.folder.corpus else {
            return Vec::new();
        };
        corpus
            .positions(self.picks.ids.iter().map(String::as_str))
            .into_iter()
            .flatten()
            .collect()
    }
}

fn count(state: &State) -> String {
    state.prefs.lang.number(state.picks.ids.len())
}

/// Space/`m`: marks or unmarks the briefing acted on.
pub(super) fn toggle(state: &mut State) {
    let Some(b) = state.acted_on() else {
        return;
    };
    let now = if state.picks.remove(&b.id) {
        false
    } else {
        state.picks.insert(&b.id)
    };
    let title = truncate(&sanitize(&b.title, false), 40);
    let n = count(state);
    let p = state.prefs.lang.picks();
    state.message = Some(if now {
        (p.marked)(&title, &n)
    } else {
        (p.unmarked)(&title, &n)
    });
    // In the list, marking moves on to the next result, as fzf's Tab.
    if state.focus == super::Focus::List {
        let h = state.list_height();
        state.results.cursor = super::fit::moved(
            Action::MoveDown,
            state.results.cursor,
            state.results.hits.len(),
            h,
        );
        relayout(state);
    }
}

/// `M`: marks every current result (those marked already stay where they are).
pub(super) fn mark_all(state: &mut State) {
    let Some(corpus) = state.folder.corpus.clone() else {
        return;
    };
    for h in &state.results.hits {
        if let Some(b) = corpus.briefings.get(h.doc) {
            state.picks.insert(&b.id);
        }
    }
    let lang = state.prefs.lang;
    state.message = Some((lang.picks().marked_all)(
        &lang.number(state.results.hits.len()),
        &count(state),
    ));
}

/// `X`: unmarks every briefing.
pub(super) fn clear(state: &mut State) {
    let p = state.prefs.lang.picks();
    state.message = Some(if state.picks.ids.is_empty() {
        p.none_to_clear.to_string()
    } else {
        (p.cleared)(&count(state))
    });
    state.picks.clear();
    relayout(state);
}

/// `J`/`K` with briefings marked: the next or previous marked one in the
/// reader, selected in the list when it is among the results.
pub(super) fn step(state: &mut State, forward: bool, effects: &mut Vec<Effect>) {
    let docs = state.marked_docs();
    let at = state
        .reader_doc()
        .and_then(|d| docs.iter().position(|&m| m == d));
    let next = match (at, forward) {
        (None, true) => docs.first().copied(),
        (None, false) => docs.last().copied(),
        (Some(i), true) => docs.get(i + 1).copied(),
        (Some(i), false) => i.checked_sub(1).and_then(|i| docs.get(i).copied()),
    };
    let Some(doc) = next else {
        let p = state.prefs.lang.picks();
        state.message = Some(
            if forward {
                p.last_of_marked
            } else {
                p.first_of_marked
            }
            .to_string(),
        );
        return;
    };
    state.reader.trail.clear();
    match state.results.hits.iter().position(|h| h.doc == doc) {
        Some(row) => {
            state.results.cursor = row;
            state.picks.showing = None;
        }
        None => state.picks.showing = Some(doc),
    }
    relayout(state);
    remember_read(state, doc, effects);
    let lang = state.prefs.lang;
    if let Some(i) = docs.iter().position(|&m| m == doc) {
        state.message = Some(format!(
            "{}/{}",
            lang.number(i + 1),
            (lang.picks().count)(&lang.number(docs.len()), docs.len())
        ));
    }
}

/// `b`/`u` with briefings marked: every marked one bookmarked (or read), or
/// unbookmarked (unread) when all of them already were.
pub(super) fn toggle_remembered(state: &mut State, bookmark: bool, effects: &mut Vec<Effect>) {
    let ids = state.picks.ids.clone();
    let set = if bookmark {
        &state.marks.bookmarks
    } else {
        &state.marks.read
    };
    let on = !ids.iter().all(|id| set.contains(id));
    let set = Arc::make_mut(if bookmark {
        &mut state.marks.bookmarks
    } else {
        &mut state.marks.read
    });
    for id in ids {
        let changed = if on {
            set.insert(id.clone())
        } else {
            set.remove(&id)
        };
        if changed {
            effects.push(Effect::Remember(if bookmark {
                Change::Bookmark { id, on }
            } else {
                Change::Read { id, read: on }
            }));
        }
    }
    let n = count(state);
    let p = state.prefs.lang.picks();
    state.message = Some(match (bookmark, on) {
        (true, true) => (p.bookmarked)(&n),
        (true, false) => (p.unbookmarked)(&n),
        (false, true) => (p.marked_read)(&n),
        (false, false) => (p.marked_unread)(&n),
    });
}

/// Where a report goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportTo {
    /// A new file in the current folder, its path said on the status line.
    File,
    /// The clipboard (OSC 52), for pasting.
    Clipboard,
}

/// `E` (to a file) and `y` with briefings marked (to the clipboard): the
/// report of the marked briefings, or of the results when none is marked.
/// Written off the input path (`Effect::Report`).
pub(super) fn report(state: &mut State, to: ReportTo, effects: &mut Vec<Effect>) {
    let docs = if state.picks.ids.is_empty() {
        state.results.hits.iter().map(|h| h.doc).collect()
    } else {
        state.marked_docs()
    };
    if docs.is_empty() {
        state.message = Some(state.prefs.lang.picks().report_nothing.to_string());
        return;
    }
    // The query is said when the report is of the results it found.
    let query = (state.picks.ids.is_empty() && !state.search.text.trim().is_empty())
        .then(|| state.search.text.clone());
    effects.push(Effect::Report { docs, query, to });
}
