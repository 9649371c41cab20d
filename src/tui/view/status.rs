//! The status line: counts, active filters, problems, the query's error, key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use brief_core::Severity;
use brief_core::text::{sanitize, width};

use super::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::state::State;

/// `3 of 8 briefings · pays: Tunisie · acteur: CIDPM`.
pub fn summary(state: &State) -> String {
    let Some(corpus) = &state.corpus else {
        return match (&state.load_error, state.loading) {
            (Some(e), _) => format!("cannot load: {e}"),
            (None, Some((done, total))) if total > 0 => format!("loading {done}/{total}…"),
            _ => "loading…".to_string(),
        };
    };
    let mut parts = vec![format!(
        "{} of {} briefing{}",
        state.hits.len(),
        corpus.briefings.len(),
        if corpus.briefings.len() == 1 { "" } else { "s" }
    )];
    if !state.selection.countries.is_empty() {
        let names: Vec<&str> = state
            .selection
            .countries
            .iter()
            .map(|c| c.name_fr())
            .collect();
        parts.push(format!("pays: {}", names.join(" | ")));
    }
    if !state.selection.actors.is_empty() {
        let names: Vec<&str> = state
            .selection
            .actors
            .iter()
            .filter_map(|&a| corpus.actor(a))
            .map(|a| a.short_label())
            .collect();
        parts.push(format!("acteur: {}", names.join(" | ")));
    }
    // How the query was read, unless a message needs the room.
    if state.message.is_none() && state.query_error.is_none() {
        parts.extend(
            (state.query.readings(&corpus.registry).into_iter())
                .chain(state.query.notices.iter().cloned()),
        );
    }
    if state.generation != state.shown {
        parts.push("searching…".to_string());
    }
    parts.join(" · ")
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let mut spans = vec![Span::styled(
        sanitize(&summary(state), false).into_owned(),
        theme.title(false),
    )];
    if let Some(corpus) = &state.corpus {
        let errors = corpus.count(Severity::Error);
        let warnings = corpus.count(Severity::Warning);
        if errors + warnings > 0 {
            let style = if errors > 0 {
                theme.error()
            } else {
                theme.warn()
            };
            spans.push(Span::raw(" · "));
            spans.push(Span::styled(
                format!(
                    "{} {} problem{} ({})",
                    theme.warning_sign(),
                    errors + warnings,
                    if errors + warnings == 1 { "" } else { "s" },
                    state.keymap.key(Scope::Global, Action::Problems)
                ),
                style,
            ));
        }
    }
    if let Some(w) = &state.watch_off {
        spans.push(Span::raw(" · "));
        let text = format!("live reload off: {w}");
        spans.push(Span::styled(
            sanitize(&text, false).into_owned(),
            theme.warn(),
        ));
    }
    if let Some(e) = &state.query_error {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(sanitize(e, false).into_owned(), theme.error()));
    } else if let Some(m) = &state.message {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(sanitize(m, false).into_owned(), theme.warn()));
    }
    // The way to the help always shows; the other hints fill the room left.
    let help = state.keymap.key(Scope::Global, Action::Help);
    spans.push(Span::styled(format!(" · {help} help"), theme.title(false)));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let hints: Vec<String> = state
        .keymap
        .hints(&state.scopes())
        .into_iter()
        .filter(|(_, _, action)| *action != Action::Help)
        .map(|(k, h, _)| format!("{k} {h}"))
        .collect();
    let room = usize::from(area.width).saturating_sub(used + 3);
    let mut hint_text = String::new();
    for h in hints {
        let next = if hint_text.is_empty() {
            h
        } else {
            format!("{hint_text} · {h}")
        };
        if width(&next) > room {
            break;
        }
        hint_text = next;
    }
    if !hint_text.is_empty() {
        let gap = usize::from(area.width).saturating_sub(used + width(&hint_text));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(hint_text, theme.dim()));
    }
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), area);
}
