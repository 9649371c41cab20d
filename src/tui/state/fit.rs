//! Keeping a cursor within its items and its window: pure arithmetic, used
//! by every pane. A leaf: it imports no other concern.

use crate::keys::action::Action;

/// Keeps `cursor` within `len` items and visible in a window of `height` rows from `offset`.
pub(super) fn clamp_view(cursor: &mut usize, offset: &mut usize, len: usize, height: usize) {
    *cursor = (*cursor).min(len.saturating_sub(1));
    if *cursor < *offset {
        *offset = *cursor;
    } else if *cursor >= *offset + height {
        *offset = *cursor + 1 - height;
    }
    *offset = (*offset).min(len.saturating_sub(height));
}

/// New cursor after a movement action over `len` items with a page of `page` rows.
pub(super) fn moved(action: Action, cursor: usize, len: usize, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::MoveUp => cursor.saturating_sub(1),
        Action::MoveDown => (cursor + 1).min(last),
        Action::First => 0,
        Action::Last => last,
        Action::PageUp => cursor.saturating_sub(page),
        Action::PageDown => (cursor + page).min(last),
        Action::HalfPageUp => cursor.saturating_sub((page / 2).max(1)),
        Action::HalfPageDown => (cursor + (page / 2).max(1)).min(last),
        _ => cursor,
    }
}

pub(super) fn is_move(a: Action) -> bool {
    matches!(
        a,
        Action::MoveUp
            | Action::MoveDown
            | Action::First
            | Action::Last
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
    )
}
