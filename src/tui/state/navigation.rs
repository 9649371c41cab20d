//! Movement: `Esc` backs out of what is open, and the cursors and scrolling
//! move within their panes.

use super::facets::rebuild_facets;
use super::fit::{clamp_view, moved};
use super::focus::{relayout, set_focus};
use super::history::remember_query;
use super::reader::mark_reader;
use super::related::back_from_related;
use super::{Effect, Focus, State};
use crate::keys::action::Action;

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
            } else {
                super::dossier::back_to_dossier(state);
            }
        }
        Focus::Timeline => set_focus(state, Focus::List),
        Focus::Dossier => super::dossier::back_from_dossier(state),
        Focus::Actors | Focus::Countries | Focus::Dates => {
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
            state.picks.showing = None;
            relayout(state);
        }
        Focus::Timeline => match a {
            Action::First => super::timeline::move_period(state, isize::MIN),
            Action::Last => super::timeline::move_period(state, isize::MAX),
            _ => {}
        },
        Focus::Actors | Focus::Countries | Focus::Dates => {
            let h = state.facet_height(state.focus);
            if let Some(p) = state.facet_mut(state.focus) {
                p.cursor = moved(a, p.cursor, p.items.len(), h);
                clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
            }
        }
        Focus::Dossier => super::dossier::move_in_dossier(state, a),
        Focus::Reader => {
            let h = state.reader_height();
            let max = state.reader.lines.len().saturating_sub(h);
            // The reader scrolls its view: the "cursor" is the top line.
            state.reader.scroll =
                moved(a, state.reader.scroll, max + 1, h.saturating_sub(1).max(1));
        }
    }
}
