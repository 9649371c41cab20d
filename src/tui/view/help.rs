//! The `?` help, generated from the keymap table, wrapped to the box (see
//! `Keymap::help_lines`), with the help's search highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use brief_core::search::find_ranges;
use brief_core::text::{sanitize, truncate};

use super::{Theme, clear, layered_spans};
use crate::keys::action::Action;
use crate::keys::keymap::{HelpLine, HelpLineKind, Keymap, Scope};
use crate::tui::state::State;

/// The help at `width` cells, styled, `term` highlighted.
pub fn lines(keymap: &Keymap, width: usize, term: &str, theme: &Theme) -> Vec<Line<'static>> {
    keymap
        .help_lines(width)
        .iter()
        .map(|l| styled(l, term, theme))
        .collect()
}

fn styled(line: &HelpLine, term: &str, theme: &Theme) -> Line<'static> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    // The keys of a binding's first line, bold.
    let keys: Vec<std::ops::Range<usize>> = match line.kind {
        HelpLineKind::Keys(cells) => std::iter::once(0..cells).collect(),
        _ => Vec::new(),
    };
    let base = if line.kind == HelpLineKind::Title {
        bold.add_modifier(Modifier::UNDERLINED)
    } else {
        Style::new()
    };
    let found = find_ranges(&line.text, term);
    Line::from(layered_spans(
        &line.text,
        base,
        &[(&keys, bold), (&found, theme.highlight())],
    ))
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, scroll: usize, theme: &Theme) {
    clear(frame, area);
    let scopes = state.scopes();
    let key = |action| {
        state
            .keymap()
            .key_now(&scopes, action)
            .unwrap_or_else(|| state.keymap().key(Scope::Help, action))
    };
    let t = state.text();
    let mut title = (t.help_title)(
        &key(Action::Back),
        &key(Action::PageDown),
        &key(Action::PageUp),
        &state.keymap().key(Scope::Help, Action::FocusSearch),
    );
    if let Some(f) = &state.help().find {
        title = (t.help_title_search)(&sanitize(&f.text, false));
    } else if !state.help().term.is_empty() {
        // The scroll keys stay in the status line's hints.
        title = (t.help_title_matches)(
            &key(Action::Back),
            &key(Action::NextMatch),
            &key(Action::PrevMatch),
            &sanitize(&state.help().term, false),
        );
    }
    // The title fits the border, or ends with an ellipsis.
    let title = truncate(&title, usize::from(area.width.saturating_sub(4)));
    let block = theme.pane(title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let all = lines(
        state.keymap(),
        usize::from(inner.width).max(1),
        &state.help().term,
        theme,
    );
    let max = all.len().saturating_sub(usize::from(inner.height));
    let shown: Vec<Line> = all.into_iter().skip(scroll.min(max)).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
