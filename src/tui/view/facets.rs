//! The actors and countries panes: values with their counts in the current results.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use brief_core::text::{sanitize, truncate, width};

use super::Theme;
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::state::{Focus, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, which: Focus, theme: &Theme) {
    let Some(pane) = state.facet(which) else {
        return;
    };
    let focused = state.focus() == which;
    let t = state.text();
    let (name, chosen) = match which {
        // Counted from the selection, as the status line names it, not from
        // the values the filter leaves on screen.
        Focus::Actors => (t.actors, state.selection().actors.len()),
        Focus::Dates => (t.timeline.dates, state.selection().periods.len()),
        _ => (t.countries, state.selection().countries.len()),
    };
    let room = usize::from(area.width.saturating_sub(4));
    let title = match &pane.narrow {
        // While a filter is typed it goes first: the count shortens, and the
        // filter keeps its end (what was just typed) behind an ellipsis.
        Some(n) => {
            let head = if chosen > 0 {
                format!("{name} {} ⌕ ", (t.chosen)(chosen))
            } else {
                format!("{name} ⌕ ")
            };
            let text = sanitize(&n.text, false);
            let left = room.saturating_sub(width(&head));
            format!("{head}{}", tail(&text, left))
        }
        None if chosen > 0 => truncate(&format!("{name} {}", (t.chosen)(chosen)), room),
        None => name.to_string(),
    };
    let block = theme.pane(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if pane.items.is_empty() {
        let msg = if pane.narrow.is_some() {
            let scopes = state.scopes();
            let key = |action| {
                state
                    .keymap()
                    .key_now(&scopes, action)
                    .unwrap_or_else(|| state.keymap().key(Scope::FacetNarrow, action))
            };
            (t.facet_nothing_matches)(&key(Action::DeleteBack), &key(Action::Back))
        } else {
            "—".to_string()
        };
        frame.render_widget(
            Paragraph::new(msg)
                .style(theme.dim())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    let lines: Vec<Line> = pane
        .items
        .iter()
        .enumerate()
        .skip(pane.offset)
        .take(height)
        .map(|(i, item)| {
            let cursor = focused && i == pane.cursor;
            let check = if item.selected { "[x] " } else { "[ ] " };
            let count = item.count.to_string();
            let room = w.saturating_sub(4 + count.len() + 1);
            let label = truncate(&sanitize(&item.label, false), room);
            let gap = w.saturating_sub(4 + width(&label) + count.len());
            let mut style = if item.count == 0 {
                theme.dim()
            } else {
                ratatui::style::Style::new()
            };
            if item.selected {
                style = style.patch(theme.marked());
            }
            if cursor {
                style = style.patch(theme.selected());
            }
            Line::from(vec![
                Span::styled(check, style),
                Span::styled(label, style),
                Span::styled(" ".repeat(gap), style),
                Span::styled(count, style.patch(theme.dim())),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The end of `text` in at most `cells` cells, an ellipsis first when cut.
fn tail(text: &str, cells: usize) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1; // the ellipsis
    for c in text.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    std::iter::once('…').chain(out.into_iter().rev()).collect()
}
