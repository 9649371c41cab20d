//! Read marks and bookmarks: toggled, filtered on, remembered between runs.

use std::sync::Arc;

use brief_core::model::Only;
use brief_core::remembered::Change;
use brief_core::text::sanitize;

use super::{Effect, State};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;

/// Marks the selected briefing read, and remembers it if it was not.
pub(super) fn mark_read(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(id) = state.selected_id().map(str::to_string) else {
        return;
    };
    if state.marks.read.contains(&id) {
        return;
    }
    Arc::make_mut(&mut state.marks.read).insert(id.clone());
    effects.push(Effect::Remember(Change::Read { id, read: true }));
}

/// Which remembered mark `u` and `b` toggle.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Read,
    Bookmark,
}

/// `u` and `b`: toggles a mark on the selected briefing and remembers it at once.
pub(super) fn toggle_mark(state: &mut State, mark: Mark, effects: &mut Vec<Effect>) {
    let Some(b) = state.acted_on() else {
        return;
    };
    let set = Arc::make_mut(match mark {
        Mark::Read => &mut state.marks.read,
        Mark::Bookmark => &mut state.marks.bookmarks,
    });
    let now = if set.remove(b.id.as_str()) {
        false
    } else {
        set.insert(b.id.to_string());
        true
    };
    let title = brief_core::text::truncate(&sanitize(&b.title, false), 40);
    let t = state.text();
    state.message = Some(match (mark, now) {
        (Mark::Read, true) => (t.marked_read)(&title),
        (Mark::Read, false) => (t.marked_unread)(&title),
        (Mark::Bookmark, true) => {
            let key = state.prefs.keymap.key(Scope::List, Action::OnlyBookmarked);
            (t.bookmarked)(&title, &key)
        }
        (Mark::Bookmark, false) => (t.unbookmarked)(&title),
    });
    let id = b.id.to_string();
    effects.push(Effect::Remember(match mark {
        Mark::Read => Change::Read { id, read: now },
        Mark::Bookmark => Change::Bookmark { id, on: now },
    }));
}

/// `U` and `B`: only unread, or only bookmarked briefings; again: all of them.
pub(super) fn only(state: &mut State, want: Only, effects: &mut Vec<Effect>) {
    state.marks.only = if state.marks.only == Some(want) {
        None
    } else {
        Some(want)
    };
    let again = |action| state.prefs.keymap.key(Scope::List, action);
    let t = state.text();
    state.message = Some(match state.marks.only {
        Some(Only::Unread) => (t.showing_unread)(&again(Action::OnlyUnread)),
        Some(Only::Bookmarked) => (t.showing_bookmarked)(&again(Action::OnlyBookmarked)),
        None => t.showing_all.into(),
    });
    effects.push(state.request_new_search());
}
