//! The search line's history: Enter keeps a query, Up and Down recall them.

use brief_core::remembered::{Change, push_history};

use super::focus::set_focus;
use super::marks::mark_read;
use super::{Effect, Focus, State};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;

/// Adds the search line to the history, and remembers it if that changed it.
pub(super) fn remember_query(state: &mut State, effects: &mut Vec<Effect>) {
    state.recalling = None;
    let before = state.history.last().cloned();
    push_history(&mut state.history, &state.search.text);
    if state.history.last() != before.as_ref()
        && let Some(query) = state.history.last()
    {
        effects.push(Effect::Remember(Change::Searched {
            query: query.clone(),
        }));
    }
}

/// Enter in the search line: keep the query in the history, go to the results.
pub(super) fn submit_search(state: &mut State, effects: &mut Vec<Effect>) {
    remember_query(state, effects);
    set_focus(state, Focus::List);
}

/// Enter in the search line, as fzf's accepts: the query is remembered and
/// the selected result opens in the reader; with the results still on their
/// way, the first of them opens when they come.
pub(super) fn open_from_search(state: &mut State, effects: &mut Vec<Effect>) {
    remember_query(state, effects);
    // Results on their way, or the folder still loading: the first result
    // opens when they come.
    if state.results.shown != state.results.generation || state.folder.corpus.is_none() {
        // The keys typed next are commands, not more of the query.
        state.results.open_first = true;
        set_focus(state, Focus::List);
        return;
    }
    open_selected(state, effects);
}

/// The selected result in the reader, or the list when there is none.
pub(super) fn open_selected(state: &mut State, effects: &mut Vec<Effect>) {
    if state.selected_doc().is_some() {
        state.reader.trail.clear();
        set_focus(state, Focus::Reader);
        mark_read(state, effects);
    } else {
        set_focus(state, Focus::List);
    }
}

/// Up (`back`) or Down in the search line: walks the history, and Down past
/// the newest entry gives back the line as it was typed.
pub(super) fn recall(state: &mut State, back: bool, effects: &mut Vec<Effect>) {
    let n = state.history.len();
    if n == 0 {
        let key = state.prefs.keymap.key(Scope::Search, Action::Open);
        state.message = Some((state.text().no_history)(&key));
        return;
    }
    let next = match (state.recalling.take(), back) {
        (None, true) => Some((n - 1, state.search.text.clone())),
        (None, false) => None,
        (Some((i, draft)), true) => Some((i.saturating_sub(1), draft)),
        (Some((i, draft)), false) if i + 1 < n => Some((i + 1, draft)),
        (Some((_, draft)), false) => {
            state.search.set(&draft);
            None
        }
    };
    if let Some((i, draft)) = next {
        if let Some(q) = state.history.get(i) {
            state.search.set(&q.clone());
        }
        state.recalling = Some((i, draft));
    }
    effects.push(state.request_new_search());
}
