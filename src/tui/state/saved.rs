//! Saved searches and named sets: saving the search (`S`) or the marked
//! briefings (`s` in the list) under a name typed in a prompt, the list of
//! what is saved (`L`) with each search's results and what is new, restored
//! with Enter, renamed, deleted.
//!
//! What is saved lives in the remembered state's journal: every change is
//! recorded (`Effect::Remember`), never the whole list, so two browsers
//! saving at once keep both. The list is read again from the state file
//! each time it opens, with this session's own changes replayed over it
//! (they may still be on their way to the journal), and counted off the
//! input path (`Effect::ListSaved`, answered by `Msg::SavedListed`; an
//! answer to an older request is dropped).

use brief_core::remembered::{Change, SavedSearch};

use super::facets::rebuild_facets;
use super::fit::{is_move, moved};
use super::focus::set_focus;
use super::{Effect, Focus, LineEdit, Overlay, State};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;

/// One saved search or named set, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedEntry {
    pub name: String,
    pub kind: SavedKind,
    pub counted: Counted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedKind {
    Search(SavedSearch),
    /// A named set: its ids.
    Set(Vec<String>),
}

/// What a saved search finds now, once counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counted {
    Pending,
    Found {
        results: usize,
        new: usize,
        /// Fingerprints of what it found, remembered when it is opened so
        /// that what is new drops to none.
        seen: Vec<u64>,
        /// When it was counted (seconds since the epoch).
        at: u64,
    },
    /// It cannot run any more (a country or actor the folder no longer knows).
    Failed(String),
}

/// The list of saved searches and sets.
#[derive(Debug, Default)]
pub(super) struct SavedView {
    /// Number of the latest list asked for: older answers are dropped.
    pub(super) ask: u64,
    pub(super) entries: Vec<SavedEntry>,
    /// The list was read from the state file at least once since it opened.
    pub(super) listed: bool,
    pub(super) cursor: usize,
    /// This session's changes to what is saved, replayed over the state
    /// file's when the list is read (the journal may not hold them yet).
    pub(super) own: Vec<Change>,
    /// A search just saved: what it finds on its first count is what was on
    /// screen, seen, so none of it is new.
    pub(super) fresh: Option<String>,
}

/// What the name typed in the prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    SaveSearch,
    SaveSet,
    Rename { from: String, set: bool },
}

/// A name being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub purpose: PromptFor,
    pub edit: LineEdit,
}

impl State {
    /// The list of saved searches and sets, as last read.
    pub fn saved_entries(&self) -> &[SavedEntry] {
        &self.saved.entries
    }

    /// The saved list's cursor.
    pub fn saved_cursor(&self) -> usize {
        self.saved.cursor
    }

    /// Whether the saved list was read since it opened.
    pub fn saved_listed(&self) -> bool {
        self.saved.listed
    }

    /// The name being typed, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// What the prompt says before the name.
    pub fn prompt_label(&self) -> String {
        let p = self.prefs.lang.picks();
        match self.prompt.as_ref().map(|p| &p.purpose) {
            Some(PromptFor::SaveSearch) | None => p.prompt_search.to_string(),
            Some(PromptFor::SaveSet) => {
                (p.prompt_set)(&self.prefs.lang.number(self.picks.ids.len()))
            }
            Some(PromptFor::Rename { from, .. }) => (p.prompt_rename)(from),
        }
    }
}

/// Records a change to what is saved: in the journal, and in this session's own list.
fn record(state: &mut State, change: Change, effects: &mut Vec<Effect>) {
    state.saved.own.push(change.clone());
    effects.push(Effect::Remember(change));
}

/// `L`: opens the list, read and counted again off the input path.
pub(super) fn open_list(state: &mut State, effects: &mut Vec<Effect>) {
    state.overlay = Overlay::Saved;
    state.saved.listed = false;
    // From the top, as read again.
    state.saved.entries.clear();
    state.saved.cursor = 0;
    request_list(state, effects);
}

/// Asks for the list again (opened, or the folder reloaded while it shows).
pub(super) fn request_list(state: &mut State, effects: &mut Vec<Effect>) {
    state.saved.ask += 1;
    effects.push(Effect::ListSaved {
        ask: state.saved.ask,
        own: state.saved.own.clone(),
    });
}

/// The list read (and counted): shown unless a newer one was asked for.
pub(super) fn on_listed(
    state: &mut State,
    ask: u64,
    mut entries: Vec<SavedEntry>,
    effects: &mut Vec<Effect>,
) -> bool {
    if ask != state.saved.ask {
        return false;
    }
    if let Some(name) = state.saved.fresh.clone()
        && let Some(e) = entries.iter_mut().find(|e| e.name == name)
        && let Counted::Found { new, seen, at, .. } = &mut e.counted
    {
        *new = 0;
        let change = Change::OpenedSearch {
            name,
            at: *at,
            seen: seen.clone(),
        };
        state.saved.fresh = None;
        record(state, change, effects);
    }
    // The cursor stays on the same name when it can.
    let at = state
        .saved
        .entries
        .get(state.saved.cursor)
        .map(|e| e.name.clone());
    state.saved.entries = entries;
    state.saved.listed = true;
    state.saved.cursor = at
        .and_then(|n| state.saved.entries.iter().position(|e| e.name == n))
        .unwrap_or(state.saved.cursor)
        .min(state.saved.entries.len().saturating_sub(1));
    state.overlay == Overlay::Saved
}

/// `S`: a prompt for the name to save the current search under.
pub(super) fn ask_save_search(state: &mut State) {
    let sel = &state.selection;
    if state.search.text.trim().is_empty()
        && sel.countries.is_empty()
        && sel.actors.is_empty()
        && sel.periods.is_empty()
    {
        state.message = Some(state.prefs.lang.picks().nothing_to_save.to_string());
        return;
    }
    state.prompt = Some(Prompt {
        purpose: PromptFor::SaveSearch,
        edit: LineEdit::default(),
    });
}

/// A key while the prompt is open: typing, Enter to save, Esc to cancel.
pub(super) fn on_prompt_action(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    let Some(prompt) = state.prompt.as_mut() else {
        return;
    };
    match action {
        Action::Insert(c) => prompt.edit.insert(c),
        Action::DeleteBack => {
            prompt.edit.delete_back();
        }
        Action::ClearLine => prompt.edit.clear(),
        Action::Back => state.prompt = None,
        Action::Submit => submit_prompt(state, effects),
        _ => {}
    }
}

fn submit_prompt(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(prompt) = state.prompt.clone() else {
        return;
    };
    // A name is one line of plain text: what a paste may hold is dropped.
    let name: String = prompt
        .edit
        .text
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let name = name.trim().to_string();
    let p = state.prefs.lang.picks();
    if name.is_empty() {
        state.message = Some(p.name_empty.to_string());
        return;
    }
    let list_key = state.prefs.keymap.key(Scope::List, Action::SavedSearches);
    match prompt.purpose {
        PromptFor::SaveSearch => {
            let last = state.last_view();
            record(
                state,
                Change::SaveSearch {
                    name: name.clone(),
                    query: last.query,
                    countries: last.countries,
                    actors: last.actors,
                    periods: state
                        .selection
                        .periods
                        .iter()
                        .map(|p| p.to_string())
                        .collect(),
                },
                effects,
            );
            state.message = Some((p.search_saved)(&name, &list_key));
            // Counted in the background: what it finds now is seen.
            state.saved.fresh = Some(name);
            request_list(state, effects);
        }
        PromptFor::SaveSet => {
            if taken(state, &name, None) {
                state.message = Some((p.name_taken)(&name));
                return;
            }
            let ids = state.picks.ids.clone();
            record(
                state,
                Change::SaveSet {
                    name: name.clone(),
                    ids: ids.clone(),
                },
                effects,
            );
            state.message = Some((p.set_saved)(&name, &list_key));
            state.saved.entries.push(SavedEntry {
                name,
                kind: SavedKind::Set(ids),
                counted: Counted::Pending,
            });
            request_list(state, effects);
        }
        PromptFor::Rename { from, set } => {
            if name == from {
                state.prompt = None;
                return;
            }
            if taken(state, &name, None) {
                state.message = Some((p.name_taken)(&name));
                return;
            }
            rename(state, &from, &name, set, effects);
            state.message = Some((p.renamed)(&from, &name));
        }
    }
    state.prompt = None;
}

/// Whether `name` is the name of a saved search or set in the list.
fn taken(state: &State, name: &str, but: Option<&str>) -> bool {
    state
        .saved
        .entries
        .iter()
        .any(|e| e.name == name && Some(e.name.as_str()) != but)
}

fn rename(state: &mut State, from: &str, to: &str, set: bool, effects: &mut Vec<Effect>) {
    let Some(entry) = state.saved.entries.iter_mut().find(|e| e.name == from) else {
        return;
    };
    entry.name = to.to_string();
    if set {
        let ids = match &entry.kind {
            SavedKind::Set(ids) => ids.clone(),
            SavedKind::Search(_) => Vec::new(),
        };
        record(
            state,
            Change::SaveSet {
                name: to.to_string(),
                ids,
            },
            effects,
        );
        record(
            state,
            Change::DeleteSet {
                name: from.to_string(),
            },
            effects,
        );
    } else {
        record(
            state,
            Change::RenameSearch {
                from: from.to_string(),
                to: to.to_string(),
            },
            effects,
        );
    }
}

/// A key while the list is open.
pub(super) fn on_list_action(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    let n = state.saved.entries.len();
    match action {
        Action::Back | Action::SavedSearches => state.overlay = Overlay::None,
        Action::Open | Action::Submit => restore(state, effects),
        Action::Rename => {
            if let Some(e) = state.saved.entries.get(state.saved.cursor) {
                let mut edit = LineEdit::default();
                edit.set(&e.name);
                state.prompt = Some(Prompt {
                    purpose: PromptFor::Rename {
                        from: e.name.clone(),
                        set: matches!(e.kind, SavedKind::Set(_)),
                    },
                    edit,
                });
            }
        }
        Action::Delete => {
            if state.saved.cursor >= n {
                return;
            }
            let e = state.saved.entries.remove(state.saved.cursor);
            let change = match e.kind {
                SavedKind::Search(_) => Change::DeleteSearch {
                    name: e.name.clone(),
                },
                SavedKind::Set(_) => Change::DeleteSet {
                    name: e.name.clone(),
                },
            };
            record(state, change, effects);
            state.saved.cursor = state
                .saved
                .cursor
                .min(state.saved.entries.len().saturating_sub(1));
            state.message = Some((state.prefs.lang.picks().deleted)(&e.name));
        }
        Action::SaveSet => {
            if state.picks.ids.is_empty() {
                state.message = Some(state.prefs.lang.picks().none_to_clear.to_string());
                return;
            }
            state.prompt = Some(Prompt {
                purpose: PromptFor::SaveSet,
                edit: LineEdit::default(),
            });
        }
        a if is_move(a) => {
            let h = usize::from(super::overlay_area(state.size).height.saturating_sub(2)) / 2;
            state.saved.cursor = moved(a, state.saved.cursor, n, h.max(1));
        }
        _ => {}
    }
}

/// Enter in the list: a search's query and facets restored (and it is
/// counted as opened: what it finds is no longer new); a set's briefings
/// marked.
fn restore(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(entry) = state.saved.entries.get(state.saved.cursor).cloned() else {
        return;
    };
    let Some(corpus) = state.folder.corpus.clone() else {
        return;
    };
    let p = state.prefs.lang.picks();
    match entry.kind {
        SavedKind::Search(search) => {
            let sel = match brief_core::saved::selection(&corpus, &search) {
                Ok(sel) => sel,
                Err(e) => {
                    state.message = Some((p.cannot_run)(&e.message(state.prefs.lang)));
                    return;
                }
            };
            state.search.set(&search.query);
            state.recalling = None;
            state.selection = sel;
            state.actors.narrow = None;
            state.countries.narrow = None;
            state.results.query_error = None;
            rebuild_facets(state);
            effects.push(state.request_new_search());
            if let Counted::Found { seen, at, .. } = &entry.counted {
                record(
                    state,
                    Change::OpenedSearch {
                        name: entry.name.clone(),
                        at: *at,
                        seen: seen.clone(),
                    },
                    effects,
                );
                if let Some(e) = state.saved.entries.get_mut(state.saved.cursor)
                    && let Counted::Found { new, .. } = &mut e.counted
                {
                    *new = 0;
                }
            } else {
                // Not counted yet: seen once it is.
                state.saved.fresh = Some(entry.name.clone());
                request_list(state, effects);
            }
            state.message = Some((p.restored)(&entry.name));
        }
        SavedKind::Set(ids) => {
            state.picks.replace(ids);
            let n = state.prefs.lang.number(state.marked_docs().len());
            state.message = Some((p.restored_set)(&entry.name, &n));
        }
    }
    state.overlay = Overlay::None;
    set_focus(state, Focus::List);
}
