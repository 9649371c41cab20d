//! One pure render function per pane, drawing from `&State`.

mod dossier;
mod empty;
mod facet_line;
mod facets;
mod help;
pub mod hyperlink;
pub use help::lines as help_lines;
mod list;
mod problems;
mod reader;
mod saved;
mod search;
pub mod status;
mod timeline;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::state::{Focus, Overlay, State};

/// Styles from the 16 ANSI colours, readable on dark and light backgrounds;
/// without colour every distinction still shows through modifiers.
pub struct Theme {
    pub color: bool,
    pub plain_glyphs: bool,
    /// Bright colours and bold in place of dim grey (`theme: high-contrast`).
    pub high_contrast: bool,
}

impl Theme {
    pub fn of(state: &State) -> Theme {
        Theme {
            color: state.color(),
            plain_glyphs: state.plain_glyphs(),
            high_contrast: state.theme() == brief_core::config::Theme::HighContrast,
        }
    }
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.high_contrast) {
            (true, false) => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, true) => self.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            (false, false) => self.fg(Color::DarkGray),
            (false, true) => self.fg(Color::White),
        }
    }
    pub fn title(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
    pub fn selected(&self) -> Style {
        if self.high_contrast {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    pub fn highlight(&self) -> Style {
        if self.high_contrast && self.color {
            return Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD);
        }
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// A briefing not opened yet.
    pub fn unread(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn unread_sign(&self) -> &'static str {
        if self.plain_glyphs { "+" } else { "•" }
    }
    /// A briefing marked to act on several (Space/`m`).
    pub fn mark_sign(&self) -> &'static str {
        if self.plain_glyphs { "x" } else { "✓" }
    }
    pub fn bookmark_sign(&self) -> &'static str {
        if self.plain_glyphs { "*" } else { "★" }
    }
    pub fn current_match(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// The selected row's marker.
    pub fn marker(&self) -> &'static str {
        if self.plain_glyphs { ">" } else { "▶" }
    }
    pub fn warning_sign(&self) -> &'static str {
        if self.plain_glyphs { "!" } else { "⚠" }
    }
    pub fn dim(&self) -> Style {
        if self.high_contrast {
            self.fg(Color::White)
        } else if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    pub fn accent(&self) -> Style {
        if self.high_contrast {
            self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::Cyan)
        }
    }
    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn marked(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// A bordered pane, its title reversed when focused so focus shows without colour.
    pub fn pane<'a>(&self, title: String, focused: bool) -> Block<'a> {
        Block::new()
            .borders(Borders::ALL)
            .border_type(if focused {
                if self.plain_glyphs {
                    BorderType::Double
                } else {
                    BorderType::Thick
                }
            } else {
                BorderType::Plain
            })
            .border_style(self.border(focused))
            .title(ratatui::text::Span::styled(
                format!(" {title} "),
                self.title(focused),
            ))
    }
}

pub fn render(frame: &mut Frame, state: &State) {
    let theme = Theme::of(state);
    let area = frame.area();
    let a = super::state::layout::areas(
        area,
        state.focus(),
        state.facet_tab(),
        state.timeline_shown(),
    );
    if a.too_small {
        let msg = (state.text().too_small)(
            area.width,
            area.height,
            super::state::layout::MIN_WIDTH,
            super::state::layout::MIN_HEIGHT,
        );
        frame.render_widget(
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center),
            area,
        );
        return;
    }
    search::render(frame, a.search, state, &theme);
    let no_briefings = state
        .corpus()
        .as_ref()
        .is_some_and(|c| c.briefings.is_empty());
    if no_briefings {
        let top = a.search.y + a.search.height;
        let body = Rect::new(area.x, top, area.width, a.status.y.saturating_sub(top));
        empty::render(frame, body, state, &theme);
    } else {
        panes(frame, &a, state, &theme);
    }
    status::render(frame, a.status, state, &theme);
    match state.overlay() {
        Overlay::Help { scroll } => help::render(frame, overlay_area(area), state, scroll, &theme),
        Overlay::Problems { scroll } => {
            problems::render(frame, overlay_area(area), state, scroll, &theme)
        }
        Overlay::Saved => saved::render(frame, overlay_area(area), state, &theme),
        Overlay::None => {}
    }
    if state.dossier_chooser().is_some() {
        dossier::chooser(frame, area, state, &theme);
    }
    if state.prompt().is_some() {
        status::prompt(frame, a.status, state, &theme);
    }
}

/// The list, the facet panes and the reader, where the layout puts them.
fn panes(frame: &mut Frame, a: &super::state::layout::Areas, state: &State, theme: &Theme) {
    if let Some(r) = a.list {
        list::render(frame, r, state, theme);
    }
    if let Some(r) = a.facet_line {
        facet_line::render(frame, r, state, theme);
    }
    if let Some(r) = a.actors {
        facets::render(frame, r, state, Focus::Actors, theme);
    }
    if let Some(r) = a.countries {
        facets::render(frame, r, state, Focus::Countries, theme);
    }
    if let Some(r) = a.dates {
        facets::render(frame, r, state, Focus::Dates, theme);
    }
    if let Some(r) = a.timeline {
        timeline::render(frame, r, state, theme);
    }
    if let Some(r) = a.reader {
        reader::render(frame, r, state, theme);
    }
    if let Some(r) = a.dossier {
        dossier::render(frame, r, state, theme);
    }
}

/// A centred box over most of the screen (where the state scrolls it).
fn overlay_area(area: Rect) -> Rect {
    super::state::overlay_area(area)
}

fn clear(frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
}

/// Splits `text` into spans, styling the char `ranges` with `mark` and the rest with `base`.
pub fn marked_spans<'a>(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    base: Style,
    mark: Style,
) -> Vec<ratatui::text::Span<'a>> {
    let mut spans = Vec::new();
    let mut cur = String::new();
    let mut in_mark = false;
    for (i, c) in text.chars().enumerate() {
        let m = ranges.iter().any(|r| r.contains(&i));
        if m != in_mark && !cur.is_empty() {
            spans.push(ratatui::text::Span::styled(
                std::mem::take(&mut cur),
                if in_mark { mark } else { base },
            ));
        }
        in_mark = m;
        cur.push(c);
    }
    if !cur.is_empty() {
        spans.push(ratatui::text::Span::styled(
            cur,
            if in_mark { mark } else { base },
        ));
    }
    spans
}

/// Splits `text` into spans: `base` patched, char by char, by the style of
/// every layer whose ranges hold that char (later layers win).
pub fn layered_spans<'a>(
    text: &str,
    base: Style,
    layers: &[(&[std::ops::Range<usize>], Style)],
) -> Vec<ratatui::text::Span<'a>> {
    let mut spans = Vec::new();
    let mut cur = String::new();
    let mut cur_style = base;
    for (i, c) in text.chars().enumerate() {
        let style = layers
            .iter()
            .filter(|(ranges, _)| ranges.iter().any(|r| r.contains(&i)))
            .fold(base, |s, (_, layer)| s.patch(*layer));
        if style != cur_style && !cur.is_empty() {
            spans.push(ratatui::text::Span::styled(
                std::mem::take(&mut cur),
                cur_style,
            ));
        }
        cur_style = style;
        cur.push(c);
    }
    if !cur.is_empty() {
        spans.push(ratatui::text::Span::styled(cur, cur_style));
    }
    spans
}
