//! The search line at the top.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use brief_core::text::{sanitize, width};

use super::Theme;
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::state::{Focus, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.focus() == Focus::Search;
    // The prompt is the key that comes here, as in vi and less.
    let prompt = format!(
        " {} ",
        state.keymap().key(Scope::Global, Action::FocusSearch)
    );
    let text = sanitize(&state.search().text, false);
    let mut spans = vec![Span::styled(prompt.clone(), theme.title(focused))];
    spans.push(Span::raw(" "));
    if text.is_empty() && !focused {
        spans.push(Span::styled(state.text().search_placeholder, theme.dim()));
    } else {
        spans.push(Span::raw(text.to_string()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if focused {
        let before: String = text.chars().take(state.search().cursor).collect();
        let x = area.x + (width(&prompt) + 1 + width(&before)) as u16;
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
}
