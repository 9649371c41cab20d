//! The problems view: `path:line: message` for everything loading found.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use ratatui::widgets::{Paragraph, Wrap};

use brief_core::Severity;
use brief_core::text::sanitize;

use super::{Theme, clear};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::state::State;

pub fn render(frame: &mut Frame, area: Rect, state: &State, scroll: usize, theme: &Theme) {
    clear(frame, area);
    let t = state.text();
    // Real problems first; actor names merely not in actors.yaml (every name,
    // in a folder without one) after them, under one summary line.
    let (unregistered, problems): (Vec<&brief_core::Problem>, Vec<&brief_core::Problem>) =
        state.problems().partition(|p| p.is_unregistered_actor());
    let close = state.keymap().key(Scope::Problems, Action::Back);
    // Every entry is counted in the title; the status line's marker leaves
    // the unregistered names out.
    let block = theme.pane(
        (t.problems_title)(
            &state.lang().number(problems.len() + unregistered.len()),
            &close,
        ),
        true,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if problems.is_empty() && unregistered.is_empty() {
        frame.render_widget(Paragraph::new(t.no_problems).style(theme.dim()), inner);
        return;
    }
    let line = |p: &brief_core::Problem, indent: &str| {
        let style = if p.severity == Severity::Error {
            theme.error()
        } else {
            theme.warn()
        };
        // `path:line:col: severity: message`, the severity and the commonest
        // message in the interface language.
        let mut at = p.path.display().to_string();
        if let Some(l) = p.line {
            at = format!("{at}:{l}");
            if let Some(c) = p.column {
                at = format!("{at}:{c}");
            }
        }
        let severity = match p.severity {
            Severity::Error => t.severity_error,
            Severity::Warning => t.severity_warning,
        };
        let message = match p.unregistered_actor() {
            Some((name, hint)) => (t.unregistered_actor)(name, hint),
            None => p.message.clone(),
        };
        let text = format!("{at}: {severity}: {message}");
        Line::from(Span::styled(
            format!("{indent}{}", sanitize(&text, false)),
            style,
        ))
    };
    let mut all: Vec<Line> = problems.iter().map(|p| line(p, "")).collect();
    if !unregistered.is_empty() {
        all.push(Line::from(Span::styled(
            (t.unregistered_actors)(&state.lang().number(unregistered.len()), unregistered.len()),
            theme.dim(),
        )));
        all.extend(unregistered.iter().map(|p| line(p, "  ")));
    }
    let lines: Vec<Line> = all
        .into_iter()
        .skip(scroll.min(problems.len() + unregistered.len()))
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
