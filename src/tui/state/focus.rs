//! Which pane has the keys, and what depends on the layout: the list and
//! facet windows kept around their cursors, the reader laid out again when
//! its briefing or width changed. Below every action: it imports only the
//! reader's layout and the cursor arithmetic.

use super::fit::clamp_view;
use super::reader::{forget_article_search, layout_reader, mark_reader};
use super::{Focus, State};

pub(super) fn set_focus(state: &mut State, focus: Focus) {
    if focus.is_facet() {
        state.facet_tab = focus;
    }
    // Back among the panes: the dossiers are closed.
    if !matches!(focus, Focus::Reader | Focus::Dossier) {
        state.dossiers.stack.clear();
        state.dossiers.reading = None;
    }
    state.focus = focus;
    relayout(state);
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
    for f in [Focus::Actors, Focus::Countries, Focus::Dates] {
        let h = state.facet_height(f);
        if let Some(p) = state.facet_mut(f) {
            clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
        }
    }
    state.clamp_dossier();
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
                state.reader.held_scroll = None;
            }
        } else {
            mark_reader(state);
        }
    }
    let h = state.reader_height();
    let max = state.reader.lines.len().saturating_sub(h);
    if state.reader.scroll > max && state.reader.awaits_body() {
        // Laid out without its body for now: where the reader was is taken
        // back when the body comes.
        state.reader.held_scroll.get_or_insert(state.reader.scroll);
    }
    state.reader.scroll = state.reader.scroll.min(max);
}
