//! The briefing list: date as written, title with matched characters, country codes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use brief_core::text::{pad, sanitize, truncate, width};

use super::{Theme, marked_spans};
use crate::tui::state::{Focus, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = matches!(state.focus, Focus::List | Focus::Search);
    let total = state.corpus.as_ref().map_or(0, |c| c.briefings.len());
    let mut title = format!("Briefings {}/{}", state.hits.len(), total);
    match state.only {
        Some(brief_core::remembered::Only::Unread) => title.push_str(" · unread"),
        Some(brief_core::remembered::Only::Bookmarked) => title.push_str(" · bookmarked"),
        None => {}
    }
    if state.sort == brief_core::search::Sort::Date && !state.query.is_unranked() {
        title.push_str(" · by date");
    }
    let block = theme.pane(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(corpus) = &state.corpus else {
        let msg = match state.loading {
            Some((done, total)) if total > 0 => format!("loading {done}/{total} files…"),
            _ => "loading…".to_string(),
        };
        frame.render_widget(Paragraph::new(msg).style(theme.dim()), inner);
        return;
    };
    if state.hits.is_empty() {
        // An empty folder has its own screen (`empty.rs`).
        let msg = super::empty::no_results(state, theme);
        frame.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: false }),
            inner,
        );
        return;
    }
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    let mut lines = Vec::with_capacity(height);
    for (row, hit) in state
        .hits
        .iter()
        .enumerate()
        .skip(state.offset)
        .take(height)
    {
        let Some(b) = corpus.briefings.get(hit.doc) else {
            continue;
        };
        let selected = row == state.cursor;
        let marker = if selected { theme.marker() } else { " " };
        let unread = !state.is_read(&b.id);
        // Marker, unread dot and bookmark star, each followed by a space: five cells.
        let flags = format!(
            "{}{} ",
            if unread { theme.unread_sign() } else { " " },
            if state.is_bookmarked(&b.id) {
                theme.bookmark_sign()
            } else {
                " "
            }
        );
        let date = b.date.map_or_else(|| "—".to_string(), |d| d.to_string());
        let codes: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
        let title_room = w.saturating_sub(5 + 11);
        // A fixed column for the codes keeps the titles aligned.
        let codes_w = (title_room / 4).clamp(5, 15);
        let codes = pad(&truncate(&codes.join(" "), codes_w), codes_w);
        let title_w = title_room.saturating_sub(codes_w + 1);
        let title = truncate(&sanitize(&b.title, false), title_w);
        let base = if selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let title_style = if unread {
            base.patch(theme.unread())
        } else {
            base
        };
        let mut spans = vec![
            Span::styled(format!("{marker} "), base),
            Span::styled(flags, base.patch(theme.marked())),
            Span::styled(format!("{date:<10} "), base.patch(theme.dim())),
        ];
        spans.extend(marked_spans(
            &title,
            &brief_core::search::title_ranges(&state.query, &b.title),
            title_style,
            title_style.patch(theme.highlight()),
        ));
        let used = 5 + 11 + width(&title);
        let gap = w.saturating_sub(used + width(&codes));
        spans.push(Span::styled(" ".repeat(gap), base));
        spans.push(Span::styled(codes, base.patch(theme.accent())));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if state.hits.len() > height {
        let mut sb =
            ScrollbarState::new(state.hits.len().saturating_sub(height)).position(state.offset);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area,
            &mut sb,
        );
    }
}
