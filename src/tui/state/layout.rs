//! Where each pane goes for a terminal size. Part of the state's own data:
//! `update` pages and scrolls by the panes' heights, and `view` draws where
//! it says (importing it from here, never the other way).

use ratatui::layout::{Constraint, Layout, Rect};

use super::Focus;

/// Below this the screen shows a "terminal too small" notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width every pane is on screen at once.
pub const WIDE: u16 = 100;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub search: Rect,
    pub list: Option<Rect>,
    pub actors: Option<Rect>,
    pub countries: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

/// `facet_tab` is the facet pane shown in the narrow side column (Actors or Countries).
pub fn areas(size: Rect, focus: Focus, facet_tab: Focus) -> Areas {
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
    if size.width >= WIDE {
        let [left, reader] =
            Layout::horizontal([Constraint::Percentage(48), Constraint::Fill(1)]).areas(body);
        let [list, facets] =
            Layout::vertical([Constraint::Percentage(58), Constraint::Fill(1)]).areas(left);
        let [actors, countries] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(facets);
        a.list = Some(list);
        a.actors = Some(actors);
        a.countries = Some(countries);
        a.reader = Some(reader);
        return a;
    }
    let facet_focused = matches!(focus, Focus::Actors | Focus::Countries);
    let tab = if facet_focused { focus } else { facet_tab };
    let set_facet = |a: &mut Areas, r: Rect| {
        if tab == Focus::Actors {
            a.actors = Some(r);
        } else {
            a.countries = Some(r);
        }
    };
    if focus == Focus::Reader {
        a.reader = Some(body);
    } else if size.width >= 64 {
        let [list, side] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(30)]).areas(body);
        a.list = Some(list);
        set_facet(&mut a, side);
    } else if facet_focused {
        set_facet(&mut a, body);
    } else {
        a.list = Some(body);
    }
    a
}
