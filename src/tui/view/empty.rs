//! The screen for a folder without briefings: where brief looked, and how to
//! add some, instead of empty panes.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use brief_core::Severity;
use brief_core::text::sanitize;

use super::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::state::State;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let origin = state
        .corpus
        .as_ref()
        .map_or(state.origin.as_str(), |c| c.origin.as_str());
    let bullet = if theme.plain_glyphs { "-" } else { "•" };
    let mut lines = vec![
        Line::from("brief looked in"),
        Line::from(Span::styled(
            sanitize(origin, false).into_owned(),
            theme.accent().add_modifier(ratatui::style::Modifier::BOLD),
        )),
        Line::from("and found no briefing there."),
        Line::from(""),
        Line::from(
            "It reads every *.yaml and *.yml file in that folder and its sub-folders \
             (names starting with '.' are skipped), one meeting per file.",
        ),
        Line::from(""),
        Line::from("To add briefings:"),
        Line::from(format!(
            "  {bullet} put briefing files in that folder, then start brief again;"
        )),
        Line::from(format!(
            "  {bullet} or open another folder: brief DIR, or set BRIEF_DIR."
        )),
        Line::from(""),
        Line::from(
            "The format is in the README (\"The briefing format\"); \
             brief check DIR says what is wrong with a file.",
        ),
    ];
    if let Some(corpus) = &state.corpus {
        let n = corpus.count(Severity::Error) + corpus.count(Severity::Warning);
        if n > 0 {
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                format!(
                    "{} {n} problem{} found while loading: press {} to see them.",
                    theme.warning_sign(),
                    if n == 1 { "" } else { "s" },
                    state.keymap.key(Scope::Global, Action::Problems)
                ),
                theme.error(),
            )));
        }
    }
    lines.push(Line::from(""));
    let quit = state.keymap.key(Scope::Global, Action::Quit);
    lines.push(Line::from(Span::styled(
        format!("{quit} quits."),
        theme.dim(),
    )));
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
        .pane("No briefings yet".to_string(), true)
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
