//! The `?` help and the problems view: where they are drawn, scrolling them
//! like any pane, and searching the help.

use ratatui::layout::Rect;

use brief_core::text::fold;

use super::fit::{is_move, moved};
use super::{LineEdit, Overlay, State};
use crate::keys::action::Action;
use crate::keys::keymap::HelpLine;

/// The search typed in the help, and the line it was last found on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpSearch {
    /// The search being typed, if any.
    pub find: Option<LineEdit>,
    /// The last search, kept for `n`/`N` and the highlight.
    pub term: String,
}

/// A centred box over most of the screen, for the help and the problems view.
pub fn overlay_area(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    r.intersection(area)
}

/// Rows inside the overlay's border.
fn overlay_inner(state: &State) -> (usize, usize) {
    let r = overlay_area(state.size);
    (
        usize::from(r.width.saturating_sub(2)).max(1),
        usize::from(r.height.saturating_sub(2)).max(1),
    )
}

impl State {
    /// The help's lines as drawn at the current size.
    pub fn help_lines(&self) -> Vec<HelpLine> {
        self.prefs.keymap.help_lines(overlay_inner(self).0)
    }
}

/// Lines in the open overlay.
fn overlay_len(state: &State) -> usize {
    match state.overlay {
        Overlay::Help { .. } => state.help_lines().len(),
        Overlay::Problems { .. } => state.problems().count(),
        Overlay::Saved | Overlay::None => 0,
    }
}

/// Lines of `lines` holding `term` (case and accents ignored).
pub fn help_matches(lines: &[HelpLine], term: &str) -> Vec<usize> {
    let needle = fold(term);
    if needle.trim().is_empty() {
        return Vec::new();
    }
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| fold(&l.text).contains(&needle))
        .map(|(i, _)| i)
        .collect()
}

/// An action while the help or the problems view is open.
pub(super) fn on_overlay_action(state: &mut State, action: Action) {
    let (_, height) = overlay_inner(state);
    let last = overlay_len(state).saturating_sub(height);
    let (Overlay::Help { scroll } | Overlay::Problems { scroll }) = state.overlay else {
        return;
    };
    let help = matches!(state.overlay, Overlay::Help { .. });
    let scroll = match action {
        Action::Back if help && state.help.find.is_some() => {
            state.help = HelpSearch::default();
            scroll
        }
        Action::Back => {
            state.overlay = Overlay::None;
            state.help = HelpSearch::default();
            return;
        }
        Action::FocusSearch if help => {
            let mut edit = LineEdit::default();
            edit.set(&state.help.term);
            state.help.find = Some(edit);
            scroll
        }
        Action::Submit if help => {
            state.help.find = None;
            scroll
        }
        Action::Insert(_) | Action::DeleteBack | Action::ClearLine if help => {
            let Some(edit) = &mut state.help.find else {
                return;
            };
            match action {
                Action::Insert(c) => edit.insert(c),
                Action::DeleteBack => {
                    edit.delete_back();
                }
                _ => edit.clear(),
            }
            state.help.term = edit.text.clone();
            // Jump to the first match from where the help is.
            let matches = help_matches(&state.help_lines(), &state.help.term);
            matches
                .iter()
                .find(|&&i| i >= scroll)
                .or(matches.first())
                .copied()
                .unwrap_or(scroll)
        }
        Action::NextMatch | Action::PrevMatch if help => {
            let matches = help_matches(&state.help_lines(), &state.help.term);
            if matches.is_empty() {
                state.message = Some(if state.help.term.is_empty() {
                    let key = state
                        .prefs
                        .keymap
                        .key(crate::keys::keymap::Scope::Help, Action::FocusSearch);
                    (state.text().no_help_search)(&key)
                } else {
                    (state.text().not_in_help)(&state.help.term)
                });
                scroll
            } else if action == Action::NextMatch {
                matches
                    .iter()
                    .find(|&&i| i > scroll)
                    .or(matches.first())
                    .copied()
                    .unwrap_or(scroll)
            } else {
                matches
                    .iter()
                    .rev()
                    .find(|&&i| i < scroll)
                    .or(matches.last())
                    .copied()
                    .unwrap_or(scroll)
            }
        }
        a if is_move(a) => moved(a, scroll, last + 1, height.saturating_sub(1).max(1)),
        _ => scroll,
    };
    let scroll = scroll.min(last);
    state.overlay = match state.overlay {
        Overlay::Help { .. } => Overlay::Help { scroll },
        _ => Overlay::Problems { scroll },
    };
}
