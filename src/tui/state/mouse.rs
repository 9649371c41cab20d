//! Clicks and the wheel: the pane under the pointer gets them. What a click
//! means beyond pointing (open, focus the search line, scroll an overlay)
//! is handed back as actions, which `update` runs as if keyed.

use super::facets::toggle_facet;
use super::fit::clamp_view;
use super::focus::{list_item_at, relayout, set_focus};
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
        (a.dates, Focus::Dates),
        (a.timeline, Focus::Timeline),
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
/// Returns the action the click stands for, if any, for `update` to run.
pub(super) fn on_click(
    state: &mut State,
    column: u16,
    row: u16,
    effects: &mut Vec<Effect>,
) -> Option<Action> {
    if state.overlay != Overlay::None {
        state.overlay = Overlay::None;
        return None;
    }
    // The facets' summary line opens the actors pane.
    let pos = ratatui::layout::Position::new(column, row);
    if state.areas().facet_line.is_some_and(|r| r.contains(pos)) {
        set_focus(state, Focus::Actors);
        return None;
    }
    let (pane, inner_row) = pane_at(state, column, row)?;
    match pane {
        Focus::Search => return Some(Action::FocusSearch),
        Focus::List => {
            let at = list_item_at(state, inner_row);
            if at < state.results.hits.len() {
                let again = state.focus == Focus::List && state.results.cursor == at;
                state.results.cursor = at;
                // The reader follows the list again.
                state.reader.trail.clear();
                set_focus(state, Focus::List);
                if again {
                    return Some(Action::Open);
                }
            } else {
                set_focus(state, Focus::List);
            }
        }
        Focus::Actors | Focus::Countries | Focus::Dates => {
            set_focus(state, pane);
            let h = state.facet_height(pane);
            let p = state.facet_mut(pane)?;
            let at = p.offset + inner_row;
            if at < p.items.len() {
                p.cursor = at;
                clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
                toggle_facet(state, effects);
            }
        }
        Focus::Reader | Focus::Timeline => set_focus(state, pane),
        Focus::Dossier => {}
    }
    None
}

/// What a notch of the wheel does.
pub(super) enum Wheel {
    /// Nothing to scroll there.
    Nothing,
    /// A pane scrolled.
    Scrolled,
    /// Over an overlay: these actions scroll it, for `update` to run.
    Actions([Action; 3]),
}

/// The wheel scrolls the pane under the pointer, three lines a notch.
pub(super) fn on_wheel(state: &mut State, column: u16, row: u16, down: bool) -> Wheel {
    if state.overlay != Overlay::None {
        let a = if down {
            Action::MoveDown
        } else {
            Action::MoveUp
        };
        return Wheel::Actions([a; 3]);
    }
    let Some((pane, _)) = pane_at(state, column, row) else {
        return Wheel::Nothing;
    };
    let step = |n: usize| if down { n + 3 } else { n.saturating_sub(3) };
    match pane {
        Focus::Search | Focus::Timeline | Focus::Dossier => return Wheel::Nothing,
        Focus::List => {
            let last = state.results.hits.len().saturating_sub(1);
            state.results.cursor = step(state.results.cursor).min(last);
            relayout(state);
        }
        Focus::Actors | Focus::Countries | Focus::Dates => {
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
    Wheel::Scrolled
}
