//! Focus and movement: which pane has the keys, cursors and scrolling kept
//! within their panes, and what depends on the layout.

use super::facets::rebuild_facets;
use super::history::remember_query;
use super::reader::{back_from_related, forget_article_search, layout_reader, mark_reader};
use super::{Effect, Focus, State};
use crate::keys::action::Action;

/// Keeps `cursor` within `len` items and visible in a window of `height` rows from `offset`.
pub(super) fn clamp_view(cursor: &mut usize, offset: &mut usize, len: usize, height: usize) {
    *cursor = (*cursor).min(len.saturating_sub(1));
    if *cursor < *offset {
        *offset = *cursor;
    } else if *cursor >= *offset + height {
        *offset = *cursor + 1 - height;
    }
    *offset = (*offset).min(len.saturating_sub(height));
}

/// New cursor after a movement action over `len` items with a page of `page` rows.
pub(super) fn moved(action: Action, cursor: usize, len: usize, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::MoveUp => cursor.saturating_sub(1),
        Action::MoveDown => (cursor + 1).min(last),
        Action::First => 0,
        Action::Last => last,
        Action::PageUp => cursor.saturating_sub(page),
        Action::PageDown => (cursor + page).min(last),
        Action::HalfPageUp => cursor.saturating_sub((page / 2).max(1)),
        Action::HalfPageDown => (cursor + (page / 2).max(1)).min(last),
        _ => cursor,
    }
}

pub(super) fn is_move(a: Action) -> bool {
    matches!(
        a,
        Action::MoveUp
            | Action::MoveDown
            | Action::First
            | Action::Last
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
    )
}

pub(super) fn set_focus(state: &mut State, focus: Focus) {
    if matches!(focus, Focus::Actors | Focus::Countries) {
        state.facet_tab = focus;
    }
    state.focus = focus;
    relayout(state);
}

pub(super) fn back(state: &mut State, effects: &mut Vec<Effect>) {
    match state.focus {
        Focus::Reader if state.reader.find.is_some() => {
            state.reader.find = None;
            state.reader.find_term.clear();
            mark_reader(state);
        }
        Focus::Search => {
            remember_query(state, effects);
            set_focus(state, Focus::List);
        }
        Focus::Reader => {
            if !back_from_related(state) {
                set_focus(state, Focus::List);
            }
        }
        Focus::Actors | Focus::Countries => {
            if let Some(p) = state.facet_mut(state.focus)
                && p.narrow.take().is_some()
            {
                rebuild_facets(state);
                return;
            }
            set_focus(state, Focus::List);
        }
        // The query's error stays while the query is bad: it is the reason
        // the list is empty, and the bad query is still in the search line.
        Focus::List => {
            let _ = effects;
        }
    }
}

pub(super) fn move_cursor(state: &mut State, a: Action) {
    match state.focus {
        Focus::List | Focus::Search => {
            let h = state.list_height();
            state.results.cursor = moved(a, state.results.cursor, state.results.hits.len(), h);
            state.reader.trail.clear();
            relayout(state);
        }
        Focus::Actors | Focus::Countries => {
            let h = state.facet_height(state.focus);
            if let Some(p) = state.facet_mut(state.focus) {
                p.cursor = moved(a, p.cursor, p.items.len(), h);
                clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
            }
        }
        Focus::Reader => {
            let h = state.reader_height();
            let max = state.reader.lines.len().saturating_sub(h);
            // The reader scrolls its view: the "cursor" is the top line.
            state.reader.scroll =
                moved(a, state.reader.scroll, max + 1, h.saturating_sub(1).max(1));
        }
    }
}

/// The list item drawn on row `inner_row` of the list pane: rows below a
/// selected title on two lines are one item further up.
pub(super) fn list_item_at(state: &State, inner_row: usize) -> usize {
    let at = state.results.offset + inner_row;
    if state.selected_two_lines()
        && at > state.results.cursor
        && state.results.cursor >= state.results.offset
    {
        at - 1
    } else {
        at
    }
}

/// Recomputes what depends on the layout: list and reader windows, reader lines.
pub(super) fn relayout(state: &mut State) {
    let h = state.list_height();
    clamp_view(
        &mut state.results.cursor,
        &mut state.results.offset,
        state.results.hits.len(),
        h,
    );
    for f in [Focus::Actors, Focus::Countries] {
        let h = state.facet_height(f);
        if let Some(p) = state.facet_mut(f) {
            clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
        }
    }
    let a = state.areas();
    if let Some(r) = a.reader {
        let pane = r.width.saturating_sub(3).max(10);
        let width = state.prefs.reader_width.map_or(pane, |w| w.min(pane));
        let doc = state.reader_doc();
        if doc != state.reader.doc || width != state.reader.width || state.reader.lines.is_empty() {
            let same = doc == state.reader.doc;
            if !same {
                forget_article_search(state);
            }
            state.reader.doc = doc;
            state.reader.width = width;
            layout_reader(state);
            if !same {
                state.reader.scroll = 0;
            }
        } else {
            mark_reader(state);
        }
    }
    let h = state.reader_height();
    state.reader.scroll = state
        .reader
        .scroll
        .min(state.reader.lines.len().saturating_sub(h));
}
