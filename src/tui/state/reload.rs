//! A corpus read again while the browser runs.

use std::sync::Arc;

use brief_core::ActorId;

use super::facets::rebuild_facets;
use super::focus::relayout;
use super::{Effect, Overlay, State};

/// The folder read again while the browser runs.
#[derive(Debug)]
pub struct Reload {
    pub corpus: Arc<brief_core::Folder>,
    pub changes: brief_core::load::reload::Changes,
    /// For each briefing of the corpus shown until now, its index in the new one.
    pub doc_map: Vec<Option<usize>>,
}

/// A new corpus from live reload: the search, the filters, the selected
/// briefing (by id, or its neighbour if it went), the list and reader scroll
/// are kept; the hits on screen are mapped to the new corpus until the new
/// search answers.
pub(super) fn on_reloaded(state: &mut State, r: Reload, effects: &mut Vec<Effect>) -> bool {
    let Some(old) = state.folder.corpus.clone() else {
        return false;
    };
    let map = |d: usize| r.doc_map.get(d).copied().flatten();
    // Actors are matched by their id, which a new registry may number differently.
    let actor_by_id = |id: ActorId| {
        old.actor(id)
            .and_then(|a| r.corpus.registry.actors().iter().position(|n| n.id == a.id))
    };
    state.selection.actors = state
        .selection
        .actors
        .iter()
        .filter_map(|&a| actor_by_id(a))
        .collect();
    let selected = state.selected_doc().and_then(map);
    let cursor = state.results.cursor;
    state.results.hits = std::mem::take(&mut state.results.hits)
        .into_iter()
        .filter_map(|mut h| {
            h.doc = map(h.doc)?;
            Some(h)
        })
        .collect();
    state.results.cursor = match selected {
        Some(d) => state
            .results
            .hits
            .iter()
            .position(|h| h.doc == d)
            .unwrap_or(0),
        // Gone: its neighbour takes its place.
        None => cursor.min(state.results.hits.len().saturating_sub(1)),
    };
    state.reader.doc = state.reader.doc.and_then(map);
    // Followed briefings that went leave the back stack.
    let trail = std::mem::take(&mut state.reader.trail);
    state.reader.trail = trail
        .into_iter()
        .filter_map(|mut f| {
            f.doc = map(f.doc)?;
            Some(f)
        })
        .collect();
    // The open briefing may have changed: laid out again, its scroll kept.
    state.reader.lines.clear();
    state.reader.forget_bodies();
    // A file changed may have been committed too: its history is read again.
    state.histories.forget();
    state.folder.corpus = Some(r.corpus.clone());
    state.folder.origin = r.corpus.source.origin.clone();
    if let Overlay::Problems { scroll } = state.overlay {
        state.overlay = Overlay::Problems {
            scroll: scroll.min(r.corpus.problems.len().saturating_sub(1)),
        };
    }
    let c = r.changes;
    state.message = Some((state.text().reloaded)(c.added, c.changed, c.removed));
    // Freeing the previous corpus, when this is its last hold, is not
    // waited for.
    crate::tui::reload::drop_later(old);
    rebuild_facets(state);
    super::dossier::refresh_dossiers(state);
    relayout(state);
    effects.push(state.request_search());
    true
}
