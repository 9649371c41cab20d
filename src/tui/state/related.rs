//! Moving between briefings in the reader: related briefings chosen and
//! followed with a back stack, `J`/`K` through the results, `a` to the
//! actors.

use super::focus::relayout;
use super::marks::mark_read;
use super::reader::show_line;
use super::{Effect, Followed, State};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;

/// `r`/`R`: chooses the next or previous related briefing and shows it.
pub(super) fn choose_related(state: &mut State, forward: bool) {
    let n = state.reader.related.len();
    if n == 0 {
        state.message = Some(state.text().no_related.to_string());
        return;
    }
    let next = match (state.reader.chosen, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(c), true) => (c + 1) % n,
        (Some(c), false) => (c + n - 1) % n,
    };
    state.reader.chosen = Some(next);
    if let Some(link) = state.reader.related.get(next) {
        let (first, last) = (link.lines.start, link.lines.end.saturating_sub(1));
        show_line(state, last);
        show_line(state, first);
    }
}

/// `Enter` on a chosen related briefing: opens it, the one before kept on the back stack.
pub(super) fn follow_related(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(link) = state
        .reader
        .chosen
        .and_then(|c| state.reader.related.get(c))
        .cloned()
    else {
        let key = state.prefs.keymap.key(Scope::Reader, Action::NextRelated);
        state.message = Some(if state.reader.related.is_empty() {
            state.text().no_related.to_string()
        } else {
            let open = state.prefs.keymap.key(Scope::Reader, Action::Open);
            (state.text().choose_first)(&key, &open)
        });
        return;
    };
    let Some(doc) = link.doc else {
        state.message = Some(format!("{}: {}", link.id, state.text().not_in_folder));
        return;
    };
    state.reader.trail.push(Followed {
        doc,
        from_scroll: state.reader.scroll,
    });
    relayout(state);
    remember_read(state, doc, effects);
}

/// Back from a followed briefing to the one it was opened from, where it was
/// scrolled. False when there is nothing to go back to.
pub(super) fn back_from_related(state: &mut State) -> bool {
    let Some(f) = state.reader.trail.pop() else {
        return false;
    };
    relayout(state);
    state.reader.scroll = f.from_scroll;
    relayout(state);
    true
}

/// `J`/`K`: the next or previous briefing of the results, in the reader.
pub(super) fn step_briefing(state: &mut State, forward: bool, effects: &mut Vec<Effect>) {
    let n = state.results.hits.len();
    let at = state.results.cursor;
    let Some(next) = step_in(at, n, forward) else {
        say_edge(state, forward);
        return;
    };
    state.results.cursor = next;
    state.reader.trail.clear();
    relayout(state);
    mark_read(state, effects);
}

/// `a`: the full list of actors, or back to the top from it.
pub(super) fn show_actors(state: &mut State) {
    let Some(at) = state.reader.actors_at else {
        return;
    };
    let h = state.reader_height();
    let max = state.reader.lines.len().saturating_sub(h);
    state.reader.scroll = if state.reader.scroll == at.min(max) {
        0
    } else {
        at.min(max)
    };
}

/// A followed briefing is read like one opened from the list.
pub(super) fn remember_read(state: &mut State, doc: usize, effects: &mut Vec<Effect>) {
    let Some(id) = state
        .folder
        .corpus
        .as_ref()
        .and_then(|c| c.briefings.get(doc))
        .map(|b| b.id.to_string())
    else {
        return;
    };
    if state.marks.read.contains(&id) {
        return;
    }
    std::sync::Arc::make_mut(&mut state.marks.read).insert(id.clone());
    effects.push(Effect::Remember(brief_core::remembered::Change::Read {
        id,
        read: true,
    }));
}

/// The row after (or before) `at` among `n`; `None` past either end.
pub(super) fn step_in(at: usize, n: usize, forward: bool) -> Option<usize> {
    if forward {
        (at + 1 < n).then_some(at + 1)
    } else {
        at.checked_sub(1)
    }
}

/// `J`/`K` past the last (or before the first) of the results, said.
pub(super) fn say_edge(state: &mut State, forward: bool) {
    let t = state.text();
    let edge = if forward {
        t.last_of_results
    } else {
        t.first_of_results
    };
    state.message = Some(edge.to_string());
}
