//! One-line text fields: the search line, the article search and a facet
//! pane's narrowing, and what typing and deleting do to whichever has focus.

use super::facets::refilter;
use super::reader::{mark_reader, show_match};
use super::{Effect, Focus, State};
use crate::keys::action::Action;

/// A one-line text field with a cursor counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    pub text: String,
    pub cursor: usize,
}

impl LineEdit {
    pub(super) fn byte(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map_or(self.text.len(), |(b, _)| b)
    }
    pub(super) fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }
    pub(super) fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        let at = self.byte(self.cursor);
        self.text.remove(at);
        true
    }
    pub(super) fn delete_forward(&mut self) -> bool {
        if self.cursor >= self.text.chars().count() {
            return false;
        }
        let at = self.byte(self.cursor);
        self.text.remove(at);
        true
    }
    pub(super) fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
    pub(super) fn set(&mut self, s: &str) {
        self.text = s.to_string();
        self.cursor = s.chars().count();
    }
}

pub(super) fn insert(state: &mut State, c: char, effects: &mut Vec<Effect>) {
    match state.focus {
        Focus::Search => {
            state.search.insert(c);
            state.recalling = None;
            effects.push(state.request_new_search());
        }
        Focus::Reader => {
            if let Some(f) = &mut state.reader.find {
                f.insert(c);
                state.reader.find_term = f.text.clone();
                state.reader.current = None;
                mark_reader(state);
                show_match(state);
            }
        }
        Focus::Actors | Focus::Countries | Focus::Dates => {
            if let Some(p) = state.facet_mut(state.focus) {
                let narrow = p.narrow.get_or_insert_with(LineEdit::default);
                // A space starts no filter: with none typed, Space selects.
                if c == ' ' && narrow.text.is_empty() {
                    return;
                }
                narrow.insert(c);
            }
            refilter(state);
        }
        Focus::List | Focus::Timeline | Focus::Dossier => {}
    }
}

pub(super) fn edit_text(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    let apply = |e: &mut LineEdit| match action {
        Action::DeleteBack => e.delete_back(),
        Action::DeleteForward => e.delete_forward(),
        _ => {
            let had = !e.text.is_empty();
            e.clear();
            had
        }
    };
    match state.focus {
        Focus::Search => {
            if apply(&mut state.search) {
                state.recalling = None;
                effects.push(state.request_new_search());
            }
        }
        Focus::Reader => {
            if let Some(f) = &mut state.reader.find {
                apply(f);
                state.reader.find_term = f.text.clone();
                mark_reader(state);
                show_match(state);
            }
        }
        Focus::Actors | Focus::Countries | Focus::Dates => {
            if let Some(p) = state.facet_mut(state.focus)
                && let Some(n) = &mut p.narrow
            {
                if n.text.is_empty() {
                    p.narrow = None;
                } else {
                    apply(n);
                }
            }
            refilter(state);
        }
        Focus::List | Focus::Timeline | Focus::Dossier => {}
    }
}
