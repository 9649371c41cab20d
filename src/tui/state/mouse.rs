//! Clicks and the wheel: the pane under the pointer gets them.

use super::facets::toggle_facet;
use super::navigation::{clamp_view, list_item_at, relayout, set_focus};
use super::update::on_action;
use super::{Effect, Focus, Overlay, State};
use crate::keys::action::Action;

/// The pane under a cell, if any, with the row inside its border (0 = first item).
pub(super) fn pane_at(state: &State, column: u16, row: u16) -> Option<(Focus, usize)> {
    let a = state.areas();
    let pos = ratatui::layout::Position::new(column, row);
    if a.search.contains(pos) {
        return Some((Focus::Search, 0));
    }
    let panes = [
        (a.list, Focus::List),
        (a.actors, Focus::Actors),
        (a.countries, Focus::Countries),
        (a.reader, Focus::Reader),
    ];
    panes.into_iter().find_map(|(r, f)| {
        let r = r?;
        r.contains(pos)
            .then(|| (f, usize::from(row.saturating_sub(r.y + 1))))
    })
}

/// A click focuses the pane under it; on a list row it selects the briefing
/// (a second click opens it), on a facet value it selects or unselects it.
pub(super) fn on_click(state: &mut State, column: u16, row: u16, effects: &mut Vec<Effect>) {
    if state.overlay != Overlay::None {
        state.overlay = Overlay::None;
        return;
    }
    // The facets' summary line opens the actors pane.
    let pos = ratatui::layout::Position::new(column, row);
    if state.areas().facet_line.is_some_and(|r| r.contains(pos)) {
        set_focus(state, Focus::Actors);
        return;
    }
    let Some((pane, inner_row)) = pane_at(state, column, row) else {
        return;
    };
    match pane {
        Focus::Search => on_action(state, Action::FocusSearch, effects),
        Focus::List => {
            let at = list_item_at(state, inner_row);
            if at < state.results.hits.len() {
                let again = state.focus == Focus::List && state.results.cursor == at;
                state.results.cursor = at;
                // The reader follows the list again.
                state.reader.trail.clear();
                set_focus(state, Focus::List);
                if again {
                    on_action(state, Action::Open, effects);
                }
            } else {
                set_focus(state, Focus::List);
            }
        }
        Focus::Actors | Focus::Countries => {
            set_focus(state, pane);
            let h = state.facet_height(pane);
            let Some(p) = state.facet_mut(pane) else {
                return;
            };
            let at = p.offset + inner_row;
            if at < p.items.len() {
                p.cursor = at;
                clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
                toggle_facet(state, effects);
            }
        }
        Focus::Reader => set_focus(state, Focus::Reader),
    }
}

/// The wheel scrolls the pane under the pointer, three lines a notch.
pub(super) fn on_wheel(state: &mut State, column: u16, row: u16, down: bool) -> bool {
    if state.overlay != Overlay::None {
        let mut effects = Vec::new();
        let a = if down {
            Action::MoveDown
        } else {
            Action::MoveUp
        };
        for _ in 0..3 {
            on_action(state, a, &mut effects);
        }
        return true;
    }
    let Some((pane, _)) = pane_at(state, column, row) else {
        return false;
    };
    let step = |n: usize| if down { n + 3 } else { n.saturating_sub(3) };
    match pane {
        Focus::Search => return false,
        Focus::List => {
            let last = state.results.hits.len().saturating_sub(1);
            state.results.cursor = step(state.results.cursor).min(last);
            relayout(state);
        }
        Focus::Actors | Focus::Countries => {
            let h = state.facet_height(pane);
            if let Some(p) = state.facet_mut(pane) {
                p.cursor = step(p.cursor).min(p.items.len().saturating_sub(1));
                clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
            }
        }
        Focus::Reader => {
            let h = state.reader_height();
            let max = state.reader.lines.len().saturating_sub(h);
            state.reader.scroll = step(state.reader.scroll).min(max);
        }
    }
    true
}
