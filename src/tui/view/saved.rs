//! The list of saved searches and named sets (`L`): each with what it
//! finds now and how much of it is new since it was last opened.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use brief_core::text::{sanitize, truncate, width};

use super::{Theme, clear};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::state::{Counted, SavedKind, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    clear(frame, area);
    let lang = state.lang();
    let p = lang.picks();
    let entries = state.saved_entries();
    let block = theme.pane((p.list_title)(&lang.number(entries.len())), true);
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    // The list's keys at its foot: the status line has little room for them.
    let keys: Vec<String> = state
        .keymap()
        .hints(&[Scope::Saved])
        .into_iter()
        .map(|(k, h, _)| format!("{k} {h}"))
        .collect();
    // A key and what it does never broken across two lines.
    let mut foot: Vec<String> = Vec::new();
    for k in keys {
        match foot.last_mut() {
            Some(line) if width(line) + 3 + width(&k) <= usize::from(inner.width) => {
                line.push_str(" · ");
                line.push_str(&k);
            }
            _ => foot.push(k),
        }
    }
    let foot_h = u16::try_from(foot.len()).unwrap_or(0).min(inner.height / 3);
    if foot_h > 0 {
        let at = Rect::new(inner.x, inner.bottom() - foot_h, inner.width, foot_h);
        let lines: Vec<Line> = foot
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.dim())))
            .collect();
        frame.render_widget(Paragraph::new(lines), at);
        inner.height -= foot_h;
    }
    if entries.is_empty() {
        let text = if state.saved_listed() {
            (p.list_empty)(&state.keymap().key(Scope::List, Action::SaveSearch))
        } else {
            p.counting.to_string()
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim()), inner);
        return;
    }
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    // Two lines an entry; the chosen one kept in view.
    let per = 2;
    let first = ((state.saved_cursor() + 1) * per).saturating_sub(height) / per;
    let mut lines = Vec::new();
    for (i, e) in entries.iter().enumerate().skip(first) {
        if lines.len() + per > height.max(per) {
            break;
        }
        let chosen = i == state.saved_cursor();
        let base = if chosen {
            theme.selected()
        } else {
            Style::new()
        };
        let marker = if chosen { theme.marker() } else { " " };
        let (right, new) = match (&e.kind, &e.counted) {
            (SavedKind::Set(ids), _) => {
                ((p.set)(&lang.number(ids.len()), ids.len()), String::new())
            }
            (SavedKind::Search(_), Counted::Pending) => (p.counting.to_string(), String::new()),
            (SavedKind::Search(_), Counted::Failed(why)) => ((p.cannot_run)(why), String::new()),
            (SavedKind::Search(_), Counted::Found { results, new, .. }) => (
                (p.results)(&lang.number(*results), *results),
                if *new > 0 {
                    format!(" · {}", (p.new)(&lang.number(*new), *new))
                } else {
                    String::new()
                },
            ),
        };
        let right_w = width(&right) + width(&new);
        let name_room = w.saturating_sub(right_w + 4).max(8);
        let name = truncate(&sanitize(&e.name, false), name_room);
        let gap = w.saturating_sub(2 + width(&name) + right_w);
        lines.push(Line::from(vec![
            Span::styled(format!("{marker} "), base),
            Span::styled(name, base.patch(theme.unread())),
            Span::styled(" ".repeat(gap), base),
            Span::styled(right, base.patch(theme.dim())),
            Span::styled(new, base.patch(theme.warn())),
        ]));
        let what = match &e.kind {
            SavedKind::Search(s) => {
                let mut parts = Vec::new();
                if !s.query.trim().is_empty() {
                    parts.push(s.query.clone());
                }
                if !s.countries.is_empty() {
                    parts.push(format!(
                        "{}{} {}",
                        state.text().countries_filter,
                        state.text().colon,
                        s.countries.join(", ")
                    ));
                }
                if !s.actors.is_empty() {
                    parts.push(format!(
                        "{}{} {}",
                        state.text().actors_filter,
                        state.text().colon,
                        s.actors.join(", ")
                    ));
                }
                parts.join(" · ")
            }
            SavedKind::Set(ids) => ids.join(", "),
        };
        let what = truncate(&sanitize(&what, false), w.saturating_sub(4));
        lines.push(Line::from(Span::styled(format!("    {what}"), theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
