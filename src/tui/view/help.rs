//! The `?` help, generated from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use brief_core::text::pad;

use super::{Theme, clear};
use crate::tui::action::Action;
use crate::tui::keymap::{Keymap, Scope};
use crate::tui::state::State;

/// The keys in force, by scope: `Keymap::help_len` lines.
pub fn lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (scope, rows) in keymap.help_sections() {
        if rows.is_empty() {
            continue;
        }
        out.push(Line::from(Span::styled(
            scope.title(),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )));
        for (keys, help) in rows {
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {}", pad(&keys, 22)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(help),
            ]));
        }
        out.push(Line::default());
    }
    out.push(Line::from("Facet panes: type letters to narrow the values; several values in one pane mean any of them."));
    out.push(Line::from("Search syntax: words, \"phrases\", pays:TN acteur:OIM sujet:traite année:2019..2021 date:2021-11 lieu:Niamey, -exclude."));
    out
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, scroll: usize, theme: &Theme) {
    clear(frame, area);
    let key = |action| state.keymap.key(Scope::Help, action);
    let title = format!(
        "Help · {} closes · {}/{} scroll",
        key(Action::Back),
        key(Action::MoveDown),
        key(Action::MoveUp)
    );
    let block = theme.pane(title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let all = lines(&state.keymap);
    let max = all.len().saturating_sub(usize::from(inner.height));
    let lines: Vec<Line> = all.into_iter().skip(scroll.min(max)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
