//! The screen for a folder without briefings: where brief looked, and how to
//! add some, instead of empty panes.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use brief_core::Severity;
use brief_core::text::sanitize;

use super::Theme;
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::state::State;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let origin = state
        .corpus()
        .as_ref()
        .map_or(state.origin(), |c| c.source.origin.as_str());
    let bullet = if theme.plain_glyphs { "-" } else { "•" };
    let t = state.text();
    let mut lines = vec![
        Line::from(t.looked_in),
        Line::from(Span::styled(
            sanitize(origin, false).into_owned(),
            theme.accent().add_modifier(ratatui::style::Modifier::BOLD),
        )),
        Line::from(t.found_none),
        Line::from(""),
        Line::from(t.reads_every),
        Line::from(""),
        Line::from(t.to_add),
        Line::from(format!("  {bullet} {}", t.add_files)),
        Line::from(format!("  {bullet} {}", t.add_other_folder)),
        Line::from(""),
        Line::from(t.format_pointer),
    ];
    if let Some(corpus) = &state.corpus() {
        let n = corpus.count_real(Severity::Error) + corpus.count_real(Severity::Warning);
        if n > 0 {
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                (t.problems_while_loading)(
                    theme.warning_sign(),
                    n,
                    &key_here(state, Action::Problems),
                ),
                theme.error(),
            )));
        }
    }
    lines.push(Line::from(""));
    let quit = key_here(state, Action::Quit);
    lines.push(Line::from(Span::styled((t.quits)(&quit), theme.dim())));
    // A box as tall as its wrapped text (an estimate by width), centred.
    let w = area.width.min(78);
    let text_w = usize::from(w.saturating_sub(4)).max(1);
    let rows: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(text_w).max(1))
        .sum();
    let h = u16::try_from(rows + 2).unwrap_or(u16::MAX).min(area.height);
    let box_area = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 3,
        w,
        h,
    );
    let block = theme
        .pane(t.no_briefings_yet.to_string(), true)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .alignment(Alignment::Left),
        inner,
    );
}

/// The key for `action` that acts from where the cursor is; else the way
/// there (`Esc, then q` from the search line, where `q` would be typed).
fn key_here(state: &State, action: Action) -> String {
    let keymap = &state.keymap();
    keymap.key_now(&state.scopes(), action).unwrap_or_else(|| {
        let back = keymap
            .key_now(&state.scopes(), Action::Back)
            .unwrap_or_else(|| keymap.key(Scope::Global, Action::Back));
        (state.text().then)(&back, &keymap.key(Scope::Global, action))
    })
}

/// What the list says when nothing matches: why (the query's error, such as
/// an unknown country), and the way out, naming only keys that act from
/// where the cursor is (never a letter the search line would type).
pub fn no_results(state: &State, theme: &Theme) -> Vec<Line<'static>> {
    let t = state.text();
    let mut lines = Vec::new();
    match &state.query_error() {
        Some(e) => lines.push(Line::from(Span::styled(
            (t.no_match_because)(&sanitize(&e.message(state.lang()), false)),
            theme.error(),
        ))),
        None => lines.push(Line::from(t.no_match)),
    }
    let scopes = state.scopes();
    let now = |action| state.keymap().key_now(&scopes, action);
    let list = [Scope::List, Scope::Global];
    let in_list = |action| {
        state
            .keymap()
            .key_now(&list, action)
            .unwrap_or_else(|| state.keymap().key(Scope::Global, action))
    };
    let clear_all = in_list(Action::ClearFilters);
    let way_out = if let Some(k) = now(Action::ClearFilters) {
        (t.clears_every_filter)(&k)
    } else {
        let back =
            now(Action::Back).unwrap_or_else(|| state.keymap().key(Scope::Global, Action::Back));
        let clear_line = now(Action::ClearLine).filter(|_| {
            state.focus() == crate::tui::state::Focus::Search && !state.search().text.is_empty()
        });
        match clear_line {
            Some(c) => (t.clears_search_then)(&c, &back, &clear_all),
            None => (t.back_to_list_then)(&back, &clear_all),
        }
    };
    lines.push(Line::from(Span::styled(way_out, theme.dim())));
    lines
}
