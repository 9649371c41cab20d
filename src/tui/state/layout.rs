//! Where each pane goes for a terminal size. Part of the state's own data:
//! `update` pages and scrolls by the panes' heights, and `view` draws where
//! it says (importing it from here, never the other way).
//!
//! The list takes the full width so titles stay readable; the facet panes
//! are a one-line summary under it until one of them has the focus; the
//! reader takes the body when open, and sits beside the list only on wide
//! terminals.

use ratatui::layout::{Constraint, Layout, Rect};

use super::Focus;

/// Below this the screen shows a "terminal too small" notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the reader sits beside the list.
pub const WIDE: u16 = 160;
/// From this width both facet panes show side by side when one is focused.
const BOTH_FACETS: u16 = 60;
/// Below this body height a focused facet pane takes the body alone.
const SHORT_BODY: u16 = 14;

/// Cells of a list row before the title: marker, unread and bookmark signs
/// (five cells), then the date column (eleven).
pub const LIST_LEAD: usize = 5 + 11;
/// Widest country-code column: `FR BE NL +2`.
pub const CODES_MAX: usize = 11;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub search: Rect,
    pub list: Option<Rect>,
    /// The one-line summary of the facets while no facet pane shows.
    pub facet_line: Option<Rect>,
    pub actors: Option<Rect>,
    pub countries: Option<Rect>,
    pub dates: Option<Rect>,
    /// The timeline over the results, under the list.
    pub timeline: Option<Rect>,
    pub reader: Option<Rect>,
    /// The dossier, over the list, the panes and the reader.
    pub dossier: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

/// Cells the dates pane takes beside actors and countries.
const DATES_WIDTH: u16 = 22;

/// `facet_tab` is the facet pane shown when only one fits (Actors,
/// Countries or Dates); `timeline`: whether the strip is on.
pub fn areas(size: Rect, focus: Focus, facet_tab: Focus, timeline: bool) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let [search, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let mut a = Areas {
        search,
        status,
        ..Areas::default()
    };
    if focus == Focus::Dossier {
        a.dossier = Some(body);
        return a;
    }
    let left = if size.width >= WIDE {
        let [left, reader] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body);
        a.reader = Some(reader);
        left
    } else if focus == Focus::Reader {
        a.reader = Some(body);
        return a;
    } else {
        body
    };
    let facet_focused = focus.is_facet();
    let strip = Constraint::Length(if timeline {
        super::timeline::STRIP_HEIGHT
    } else {
        0
    });
    if !facet_focused {
        let [list, strip, line] =
            Layout::vertical([Constraint::Fill(1), strip, Constraint::Length(1)]).areas(left);
        a.list = Some(list);
        a.timeline = timeline.then_some(strip);
        a.facet_line = Some(line);
        return a;
    }
    let tab = if facet_focused { focus } else { facet_tab };
    let facets = if left.height < SHORT_BODY {
        left
    } else {
        let [list, strip, facets] =
            Layout::vertical([Constraint::Percentage(45), strip, Constraint::Fill(1)]).areas(left);
        a.list = Some(list);
        a.timeline = timeline.then_some(strip);
        facets
    };
    if facets.width >= BOTH_FACETS {
        let [actors, countries, dates] = Layout::horizontal([
            Constraint::Fill(11),
            Constraint::Fill(9),
            Constraint::Length(DATES_WIDTH),
        ])
        .areas(facets);
        a.actors = Some(actors);
        a.countries = Some(countries);
        a.dates = Some(dates);
    } else if tab == Focus::Actors {
        a.actors = Some(facets);
    } else if tab == Focus::Dates {
        a.dates = Some(facets);
    } else {
        a.countries = Some(facets);
    }
    a
}

/// Cells of the title column in a list row `inner` cells wide whose code
/// column takes `codes` cells.
pub fn title_width(inner: usize, codes: usize) -> usize {
    inner.saturating_sub(LIST_LEAD + codes + usize::from(codes > 0))
}

/// Cells of the country-code column for a list `inner` cells wide: three
/// codes and a count (`FR BE NL +2`), one and a count on narrow screens,
/// none on the narrowest, where the title needs every cell.
pub fn codes_width(inner: usize) -> usize {
    match inner {
        60.. => CODES_MAX,
        50.. => 5,
        _ => 0,
    }
}

/// How many codes fit the code column before `+N`.
pub fn codes_shown(inner: usize) -> usize {
    if inner >= 60 { 3 } else { 1 }
}

/// Whether the selected row of a list `inner` cells wide shows its title on
/// two lines: when the title is wider than the title column.
pub fn selected_takes_two_lines(inner: usize, title: &str) -> bool {
    let w = title_width(inner, codes_width(inner));
    brief_core::text::width(title) > w && w > 0
}
