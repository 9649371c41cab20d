//! Asking for results and taking them in: stale answers are dropped.

use super::facets::rebuild_facets;
use super::focus::relayout;
use super::history::open_selected;
use super::marks::mark_read;
use super::{Effect, Focus, Results, State};

pub(super) fn on_results(state: &mut State, r: Results, effects: &mut Vec<Effect>) -> bool {
    if r.generation != state.results.generation {
        return false; // stale: a newer request is on its way
    }
    state.results.shown = r.generation;
    if let Some(said) = r.failed {
        // The worker caught it: said, and the list stays as it was.
        let said = brief_core::text::sanitize(&said, false).into_owned();
        state.message = Some((state.text().worker_failed)(&said));
        return true;
    }
    state.results.partial = r.partial;
    // The text index could not be written (a full disk): said once.
    let notice = state.folder.corpus.as_ref().and_then(|c| {
        let notices = c.index.notices.lock().ok()?;
        notices.get(state.folder.index_notices_shown).cloned()
    });
    if let Some(n) = notice {
        state.folder.index_notices_shown += 1;
        state.message = Some(brief_core::text::sanitize(&n, false).into_owned());
    }
    let before = state.selected_doc();
    state.results.query_error = r.error;
    if state.results.query_error.is_some() && state.launch.select.is_none() {
        // A filter that matches nothing shows nothing (and why, in the list);
        // the briefing selected before comes back once the query is fixed.
        state.launch.select = state.selected_id().map(str::to_string);
    }
    state.results.hits = r.hits;
    state.results.facets = r.facets;
    state.results.highlight = r.highlight;
    state.results.query = r.query;
    state.results.reading = r.reading;
    if state.results.query_error.is_some() {
        rebuild_facets(state);
        relayout(state);
        return true;
    }
    let open = state.launch.open.take();
    let select = state.launch.select.take();
    let corpus = state.folder.corpus.clone();
    // A new query or filter shows its results from the first; a reload or
    // a sort keeps the briefing selected.
    let to_top = std::mem::take(&mut state.results.to_top);
    let wanted = open
        .as_deref()
        .or(select.as_deref())
        .and_then(|id| corpus.as_ref().and_then(|c| c.position(id)))
        .or(before.filter(|_| !to_top));
    state.results.cursor = wanted
        .and_then(|d| state.results.hits.iter().position(|h| h.doc == d))
        .unwrap_or(0);
    if to_top && state.results.cursor == 0 {
        state.results.offset = 0;
    }
    if std::mem::take(&mut state.results.open_first) {
        rebuild_facets(state);
        relayout(state);
        open_selected(state, effects);
        return true;
    }
    if open.is_some()
        && wanted.is_some()
        && state.results.hits.iter().any(|h| Some(h.doc) == wanted)
    {
        state.focus = Focus::Reader;
        mark_read(state, effects);
    }
    rebuild_facets(state);
    relayout(state);
    true
}
