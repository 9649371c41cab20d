//! The problems view: `path:line: message` for everything loading found.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use ratatui::widgets::{Paragraph, Wrap};

use brief_core::Severity;
use brief_core::text::sanitize;

use super::{Theme, clear};
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::state::State;

pub fn render(frame: &mut Frame, area: Rect, state: &State, scroll: usize, theme: &Theme) {
    clear(frame, area);
    let problems: Vec<&brief_core::Problem> = state.problems().collect();
    let close = state.keymap.key(Scope::Problems, Action::Back);
    let block = theme.pane(
        format!("Problems ({}) · {close} closes", problems.len()),
        true,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if problems.is_empty() {
        frame.render_widget(
            Paragraph::new("No problems: every file loaded cleanly.").style(theme.dim()),
            inner,
        );
        return;
    }
    let lines: Vec<Line> = problems
        .iter()
        .skip(scroll.min(problems.len().saturating_sub(1)))
        .map(|p| {
            let style = if p.severity == Severity::Error {
                theme.error()
            } else {
                theme.warn()
            };
            Line::from(Span::styled(
                sanitize(&p.to_string(), false).into_owned(),
                style,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
