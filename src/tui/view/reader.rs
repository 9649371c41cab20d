//! The reader: the selected briefing's metadata, actors by kind, then the body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Theme, marked_spans};
use crate::tui::state::{Focus, LineKind, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.focus == Focus::Reader;
    let r = &state.reader;
    let height = usize::from(area.height.saturating_sub(2));
    let total = r.lines.len();
    let mut title = "Lecture".to_string();
    if total > height {
        let last = (r.scroll + height).min(total);
        title = format!("{title} {}–{last}/{total}", r.scroll + 1);
    }
    if let Some(f) = &r.find {
        title = format!("{title} · /{}", crate::text::sanitize(&f.text, false));
    }
    if !r.find_term.is_empty() {
        let counter = match r.current {
            Some(c) => format!("{}/{}", c + 1, r.matches.len()),
            None => "0/0".to_string(),
        };
        title = format!("{title} · {counter}");
    }
    let block = theme.pane(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if r.lines.is_empty() {
        frame.render_widget(
            Paragraph::new("Select a briefing to read it here.").style(theme.dim()),
            inner,
        );
        return;
    }
    let current = r.current.and_then(|c| r.matches.get(c));
    let lines: Vec<Line> = r
        .lines
        .iter()
        .enumerate()
        .skip(r.scroll)
        .take(height)
        .map(|(i, line)| {
            let base = match line.kind {
                LineKind::Title => Style::new().add_modifier(Modifier::BOLD),
                LineKind::Heading => {
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                }
                LineKind::Summary => Style::new().add_modifier(Modifier::ITALIC),
                _ => Style::new(),
            };
            let finds: Vec<_> = r
                .matches
                .iter()
                .filter(|(l, _)| *l == i)
                .map(|(_, rg)| rg.clone())
                .collect();
            let mut spans: Vec<Span> = match line.kind {
                LineKind::Subheading => vec![Span::styled(
                    line.text.clone(),
                    theme.dim().add_modifier(Modifier::BOLD),
                )],
                LineKind::Meta(label_w) => {
                    let label: String = line.text.chars().take(label_w).collect();
                    let value: String = line.text.chars().skip(label_w).collect();
                    let shifted: Vec<_> = finds
                        .iter()
                        .filter(|r| r.start >= label_w)
                        .map(|r| r.start - label_w..r.end - label_w)
                        .collect();
                    let mut s = vec![Span::styled(label, theme.dim())];
                    s.extend(marked_spans(&value, &shifted, base, theme.highlight()));
                    s
                }
                _ => {
                    let mut ranges = line.marks.clone();
                    ranges.extend(finds.iter().cloned());
                    marked_spans(&line.text, &ranges, base, base.patch(theme.highlight()))
                }
            };
            if let Some((l, rg)) = current
                && *l == i
            {
                // Re-draw the current match reversed so it stands out from the others.
                let mark = marked_spans(
                    &line.text,
                    std::slice::from_ref(rg),
                    Style::new(),
                    theme.current_match(),
                );
                if !matches!(line.kind, LineKind::Meta(_)) {
                    spans = mark;
                }
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if total > height {
        let mut sb = ScrollbarState::new(total.saturating_sub(height)).position(r.scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area,
            &mut sb,
        );
    }
}
