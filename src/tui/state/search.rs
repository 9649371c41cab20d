//! Asking for results and taking them in: stale answers are dropped.

use super::facets::rebuild_facets;
use super::marks::mark_read;
use super::navigation::relayout;
use super::{Effect, Focus, Results, State};

pub(super) fn on_results(state: &mut State, r: Results, effects: &mut Vec<Effect>) -> bool {
    if r.generation != state.generation {
        return false; // stale: a newer request is on its way
    }
    state.shown = r.generation;
    state.partial = r.partial;
    // The text index could not be written (a full disk): said once.
    let notice = state.corpus.as_ref().and_then(|c| {
        let notices = c.index_notices.lock().ok()?;
        notices.get(state.index_notices_shown).cloned()
    });
    if let Some(n) = notice {
        state.index_notices_shown += 1;
        state.message = Some(brief_core::text::sanitize(&n, false).into_owned());
    }
    let before = state.selected_doc();
    state.query_error = r.error;
    if state.query_error.is_some() && state.launch.select.is_none() {
        // A filter that matches nothing shows nothing (and why, in the list);
        // the briefing selected before comes back once the query is fixed.
        state.launch.select = state.selected_id().map(str::to_string);
    }
    state.hits = r.hits;
    state.facets = r.facets;
    state.highlight = r.highlight;
    state.query = r.query;
    state.reading = r.reading;
    if state.query_error.is_some() {
        rebuild_facets(state);
        relayout(state);
        return true;
    }
    let open = state.launch.open.take();
    let select = state.launch.select.take();
    let corpus = state.corpus.clone();
    let wanted = open
        .as_deref()
        .or(select.as_deref())
        .and_then(|id| corpus.as_ref().and_then(|c| c.position(id)))
        .or(before);
    state.cursor = wanted
        .and_then(|d| state.hits.iter().position(|h| h.doc == d))
        .unwrap_or(0);
    if open.is_some() && wanted.is_some() && state.hits.iter().any(|h| Some(h.doc) == wanted) {
        state.focus = Focus::Reader;
        mark_read(state, effects);
    }
    rebuild_facets(state);
    relayout(state);
    true
}
