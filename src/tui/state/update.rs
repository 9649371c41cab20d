//! `update(state, msg) -> effects`: the one place `State` changes. Messages
//! are dispatched here to the file of their concern.

use ratatui::layout::Rect;

use brief_core::Selection;
use brief_core::model::Only;
use brief_core::model::Sort;

use super::authorship::history_to_read;
use super::facets::{expand_year, rebuild_facets, toggle_facet};
use super::fit::is_move;
use super::focus::{relayout, set_focus};
use super::help::on_overlay_action;
use super::history::{open_from_search, recall, submit_search};
use super::launch::apply_launch;
use super::line_edit::{edit_text, insert};
use super::marks::{Mark, mark_read, only, toggle_mark};
use super::mouse::{Wheel, on_click, on_wheel};
use super::navigation::{back, move_cursor};
use super::notices::on_remembered;
use super::picks::{self, ReportTo};
use super::reader::{body_to_read, on_body, on_history, show_match};
use super::related::{choose_related, follow_related, show_actors, step_briefing};
use super::reload::on_reloaded;
use super::saved::{self, on_list_action, on_prompt_action};
use super::search::on_results;
use super::timeline::{focus_timeline, move_period, pick_period, toggle_timeline};
use super::{Effect, Focus, LineEdit, Msg, Overlay, State, Update};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;

pub fn update(state: &mut State, msg: Msg) -> Update {
    let mut effects = Vec::new();
    let redraw = match msg {
        Msg::Action(a) => {
            state.message = None;
            on_action(state, a, &mut effects);
            true
        }
        Msg::Resize(w, h) => {
            state.size = Rect::new(0, 0, w, h);
            relayout(state);
            true
        }
        Msg::Progress(done, total) => {
            state.folder.loading = Some((done, total));
            true
        }
        Msg::LoadFailed(e) => {
            state.folder.loading = None;
            state.folder.load_error = Some(e);
            true
        }
        Msg::Loaded(corpus) => {
            state.folder.loading = None;
            state.folder.origin = corpus.source.origin.clone();
            state.folder.corpus = Some(corpus);
            apply_launch(state);
            effects.push(state.request_search());
            true
        }
        Msg::Results(r) => on_results(state, *r, &mut effects),
        Msg::Click { column, row } => {
            state.message = None;
            if let Some(a) = on_click(state, column, row, &mut effects) {
                on_action(state, a, &mut effects);
            }
            true
        }
        Msg::Wheel { column, row, down } => match on_wheel(state, column, row, down) {
            Wheel::Nothing => false,
            Wheel::Scrolled => true,
            Wheel::Actions(actions) => {
                // The overlay scrolls as with the keys; effects of the keys
                // are not carried out, as before.
                let mut ignored = Vec::new();
                for a in actions {
                    on_action(state, a, &mut ignored);
                }
                true
            }
        },
        Msg::Notice(text) => {
            state.message = Some(text);
            true
        }
        Msg::WorkerFailed(said) => {
            let said = brief_core::text::sanitize(&said, false).into_owned();
            state.message = Some((state.text().worker_failed)(&said));
            true
        }
        Msg::FilesChanged(touched) => {
            // Before the folder is loaded, the first corpus is compared with
            // the folder anyway (see `tui::reload`).
            if state.folder.corpus.is_some() {
                effects.push(Effect::Reload(touched));
            }
            false
        }
        Msg::Reloaded(r) => {
            let redraw = on_reloaded(state, r, &mut effects);
            // What the saved searches find changed with the folder.
            if state.overlay == Overlay::Saved {
                saved::request_list(state, &mut effects);
            }
            redraw
        }
        Msg::SavedListed { ask, entries } => saved::on_listed(state, ask, entries, &mut effects),
        Msg::ReloadFailed(e) => {
            state.message = Some((state.text().cannot_reread)(&e));
            true
        }
        Msg::WatchFailed(e) => {
            state.folder.watch_off = Some(e);
            true
        }
        // For the reload thread (the loop hands it on): nothing to show.
        Msg::WatchSettled => false,
        Msg::WatchResumed => {
            state.folder.watch_off = None;
            state.message = Some(state.text().live_reload_back.into());
            // Changes made while unwatched are not known: all is looked at.
            if state.folder.corpus.is_some() {
                effects.push(Effect::Reload(brief_core::load::reload::Touched::Unknown));
            }
            true
        }
        Msg::Remembered(r) => {
            on_remembered(state, *r);
            true
        }
        Msg::Signal(_) => {
            state.quit = true;
            false
        }
        Msg::Body {
            read,
            doc,
            paragraphs,
        } => on_body(state, read, doc, paragraphs),
        Msg::History { ask, path, answer } => on_history(state, ask, path, answer),
    };
    effects.extend(body_to_read(state));
    effects.extend(history_to_read(state));
    if state.quit {
        effects.push(Effect::Quit);
    }
    Update { effects, redraw }
}

fn on_action(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    // Ways out, whatever is open.
    match action {
        Action::Quit => {
            state.quit = true;
            return;
        }
        Action::Suspend => {
            effects.push(Effect::Suspend);
            return;
        }
        _ => {}
    }
    // The chooser of whose dossier to open takes every key while open.
    if state.dossiers.chooser.is_some() {
        super::dossier::on_chooser_action(state, action);
        return;
    }
    // A name being typed takes every key, then the saved list.
    if state.prompt.is_some() {
        on_prompt_action(state, action, effects);
        return;
    }
    if state.overlay == Overlay::Saved {
        on_list_action(state, action, effects);
        return;
    }
    // Overlays next.
    if state.overlay != Overlay::None {
        on_overlay_action(state, action);
        return;
    }
    match action {
        Action::Help => state.overlay = Overlay::Help { scroll: 0 },
        // With briefings marked, these act on all of them.
        Action::ToggleRead if !state.picks.ids.is_empty() => {
            picks::toggle_remembered(state, false, effects)
        }
        Action::ToggleBookmark if !state.picks.ids.is_empty() => {
            picks::toggle_remembered(state, true, effects)
        }
        Action::CopyMarkdown if !state.picks.ids.is_empty() => {
            picks::report(state, ReportTo::Clipboard, effects)
        }
        Action::NextBriefing | Action::PrevBriefing if !state.picks.ids.is_empty() => {
            picks::step(state, action == Action::NextBriefing, effects)
        }
        Action::Mark => picks::toggle(state),
        Action::MarkAll => picks::mark_all(state),
        Action::ClearMarks => picks::clear(state),
        Action::Report => picks::report(state, ReportTo::File, effects),
        Action::SaveSearch => saved::ask_save_search(state),
        Action::SavedSearches => saved::open_list(state, effects),
        Action::ToggleRead => toggle_mark(state, Mark::Read, effects),
        Action::ToggleBookmark => toggle_mark(state, Mark::Bookmark, effects),
        Action::OnlyUnread => only(state, Only::Unread, effects),
        Action::OnlyBookmarked => only(state, Only::Bookmarked, effects),
        Action::SwitchSort => {
            state.sort = state.sort.other();
            state.message = Some(match state.sort {
                Sort::Relevance => state.text().sorted_relevance.into(),
                Sort::Date => state.text().sorted_date.into(),
            });
            effects.push(state.request_search());
        }
        Action::HistoryPrev => recall(state, true, effects),
        Action::HistoryNext => {
            if state.recalling.is_some() {
                recall(state, false, effects);
            } else {
                submit_search(state, effects);
            }
        }
        Action::Problems => state.overlay = Overlay::Problems { scroll: 0 },
        Action::FocusSearch => {
            state.focus = Focus::Search;
            state.search.cursor = state.search.text.chars().count();
        }
        Action::FocusNext | Action::FocusPrev if state.focus == Focus::Dossier => {
            super::dossier::next_section(state, action == Action::FocusNext)
        }
        Action::FocusNext | Action::FocusPrev => {
            let i = Focus::CYCLE
                .iter()
                .position(|f| *f == state.focus)
                .unwrap_or(0);
            let n = Focus::CYCLE.len();
            let step = |i: usize| {
                if action == Action::FocusNext {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }
            };
            let mut next = step(i);
            // A hidden timeline is no stop.
            if Focus::CYCLE[next] == Focus::Timeline && !state.timeline_shown() {
                next = step(next);
            }
            set_focus(state, Focus::CYCLE[next]);
        }
        Action::Back => {
            back(state, effects);
            if state.focus != Focus::Reader {
                state.picks.showing = None;
            }
        }
        Action::ClearFilters => {
            state.search.clear();
            state.recalling = None;
            state.marks.only = None;
            state.selection = Selection::default();
            state.timeline.anchor = None;
            state.actors.narrow = None;
            state.countries.narrow = None;
            state.dates.narrow = None;
            state.results.query_error = None;
            rebuild_facets(state);
            effects.push(state.request_new_search());
            state.message = Some(state.text().filters_cleared.into());
        }
        Action::Submit if state.focus == Focus::Search => submit_search(state, effects),
        Action::Submit if state.focus == Focus::Reader => {
            // Keep the matches; back to reading.
            state.reader.find = None;
        }
        Action::Open if state.focus == Focus::Dossier => {
            super::dossier::open_in_dossier(state, effects)
        }
        Action::Open if state.focus == Focus::Reader => follow_related(state, effects),
        Action::Open if state.focus == Focus::Search => open_from_search(state, effects),
        Action::Open if state.selected_doc().is_some() => {
            state.reader.trail.clear();
            state.picks.showing = None;
            set_focus(state, Focus::Reader);
            mark_read(state, effects);
        }
        Action::Toggle if state.focus == Focus::Timeline => period_picked(state, effects),
        Action::Toggle => toggle_facet(state, effects),
        Action::ToggleTimeline => toggle_timeline(state),
        Action::FocusTimeline => focus_timeline(state),
        Action::PrevPeriod => move_period(state, -1),
        Action::NextPeriod => move_period(state, 1),
        // → opens a dossier in the actors and countries panes, and shows a
        // year's months in the dates pane: one key, what the pane holds.
        Action::OpenDossier if state.focus == Focus::Dates => expand_year(state, true),
        Action::CollapseYear if state.focus == Focus::Dates => expand_year(state, false),
        Action::NarrowFacet => {
            if let Some(p) = state.facet_mut(state.focus) {
                p.narrow = Some(LineEdit::default());
            }
        }
        Action::FindInArticle => {
            let mut edit = LineEdit::default();
            edit.set(&state.reader.find_term);
            state.reader.find = Some(edit);
        }
        Action::NextMatch | Action::PrevMatch => {
            let n = state.reader.matches.len();
            if n == 0 {
                state.message = Some(if state.reader.find_term.is_empty() {
                    let key = state.prefs.keymap.key(Scope::Reader, Action::FindInArticle);
                    (state.text().no_article_search)(&key)
                } else {
                    (state.text().not_in_article)(&state.reader.find_term)
                });
                return;
            }
            let c = state.reader.current.unwrap_or(0);
            state.reader.current = Some(if action == Action::NextMatch {
                (c + 1) % n
            } else {
                (c + n - 1) % n
            });
            show_match(state);
        }
        Action::Insert(c) => insert(state, c, effects),
        Action::DeleteBack | Action::DeleteForward | Action::ClearLine => {
            edit_text(state, action, effects)
        }
        Action::CursorLeft => state.search.cursor = state.search.cursor.saturating_sub(1),
        Action::CursorRight => {
            state.search.cursor = (state.search.cursor + 1).min(state.search.text.chars().count())
        }
        Action::LineStart => state.search.cursor = 0,
        Action::LineEnd => state.search.cursor = state.search.text.chars().count(),
        Action::CopyMarkdown => super::copy::markdown(state, effects),
        Action::CopyUrl => super::copy::url(state, effects),
        Action::NextBriefing | Action::PrevBriefing => {
            let forward = action == Action::NextBriefing;
            if !super::dossier::step_meeting(state, forward, effects) {
                step_briefing(state, forward, effects)
            }
        }
        Action::NextRelated | Action::PrevRelated => {
            choose_related(state, action == Action::NextRelated)
        }
        Action::ShowActors => show_actors(state),
        Action::Edit => {
            if let Some(b) = state.acted_on() {
                effects.push(Effect::Edit {
                    id: b.id.to_string(),
                });
            }
        }
        Action::OpenDossier => super::dossier::open_dossier(state),
        a if is_move(a) => move_cursor(state, a),
        _ => {}
    }
}

/// Enter on the timeline. The panes are rebuilt here, not by the timeline:
/// facets.rs rebuilds the strip, so the timeline may not call back into it.
fn period_picked(state: &mut State, effects: &mut Vec<Effect>) {
    if pick_period(state) {
        rebuild_facets(state);
        effects.push(state.request_new_search());
    }
}
