//! The reader: the selected briefing's metadata, actors by kind, then the body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Theme, layered_spans};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::state::{Focus, LineKind, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.focus() == Focus::Reader;
    let r = &state.reader();
    let height = usize::from(area.height.saturating_sub(2));
    let total = r.lines.len();
    let t = state.text();
    let mut title = t.reader.to_string();
    if total > height {
        let last = (r.scroll + height).min(total);
        let n = |v: usize| state.lang().number(v);
        title = format!("{title} {}–{}/{}", n(r.scroll + 1), n(last), n(total));
    }
    if !r.trail.is_empty() {
        // Where a followed briefing leads back.
        let back = state.keymap().key(Scope::Reader, Action::Back);
        title = format!("{title} · {back} {}", t.reader_back);
    }
    if let Some(f) = &r.find {
        title = format!("{title} · /{}", brief_core::text::sanitize(&f.text, false));
    }
    if !r.find_term.is_empty() {
        let counter = match r.current {
            Some(c) => format!(
                "{}/{}",
                state.lang().number(c + 1),
                state.lang().number(r.matches.len())
            ),
            None => "0/0".to_string(),
        };
        title = format!("{title} · {counter}");
    }
    let block = theme.pane(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if r.lines.is_empty() {
        frame.render_widget(Paragraph::new(t.reader_empty).style(theme.dim()), inner);
        return;
    }
    let current = r.current.and_then(|c| r.matches.get(c));
    let chosen = r
        .chosen
        .and_then(|c| r.related.get(c))
        .map(|l| l.lines.clone());
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
                LineKind::Header => theme.accent(),
                LineKind::Link => theme.accent().add_modifier(Modifier::UNDERLINED),
                LineKind::Related if chosen.as_ref().is_some_and(|c| c.contains(&i)) => {
                    theme.selected()
                }
                _ => Style::new(),
            };
            let finds: Vec<_> = r
                .matches
                .iter()
                .filter(|(l, _)| *l == i)
                .map(|(_, rg)| rg.clone())
                .collect();
            let current: Vec<_> = current
                .filter(|(l, _)| *l == i)
                .map(|(_, rg)| rg.clone())
                .into_iter()
                .collect();
            // Layers, later ones winning: the label, query words and article
            // matches, then the current match reversed.
            let label: Vec<std::ops::Range<usize>> = match line.kind {
                LineKind::Subheading => std::iter::once(0..line.text.chars().count()).collect(),
                LineKind::Meta(w) => std::iter::once(0..w).collect(),
                _ => Vec::new(),
            };
            let label_style = if line.kind == LineKind::Subheading {
                theme.dim().add_modifier(Modifier::BOLD)
            } else {
                theme.dim()
            };
            let spans = layered_spans(
                &line.text,
                base,
                &[
                    (&label, label_style),
                    (&line.marks, theme.highlight()),
                    (&finds, theme.highlight()),
                    (&current, theme.current_match()),
                ],
            );
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if state.links() {
        let visible = r.lines.iter().skip(r.scroll).take(height);
        for (row, line) in (inner.y..inner.bottom()).zip(visible) {
            let from = match line.kind {
                LineKind::Meta(label) => Some(label),
                LineKind::Link => Some(0),
                _ => None,
            };
            if let (Some(target), Some(label)) = (&line.link, from) {
                let right = inner.right();
                super::hyperlink::link(
                    frame.buffer_mut(),
                    (inner.x, row),
                    right,
                    &line.text,
                    label,
                    target,
                );
            }
        }
    }
    if total > height {
        let mut sb = ScrollbarState::new(total.saturating_sub(height)).position(r.scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area,
            &mut sb,
        );
    }
}
