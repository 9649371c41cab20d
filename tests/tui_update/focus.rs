//! Which pane has the keys, and the layout kept right on a resize (`state/focus.rs`).

use super::*;

#[test]
fn tab_and_shift_tab_cycle_through_every_pane() {
    // At 40 rows the timeline shows, and is one of the stops.
    let mut state = loaded(120, 40);
    let mut seen = vec![state.focus()];
    for _ in 0..7 {
        act(&mut state, Action::FocusNext);
        seen.push(state.focus());
    }
    assert_eq!(
        seen,
        [
            Focus::List,
            Focus::Actors,
            Focus::Countries,
            Focus::Dates,
            Focus::Timeline,
            Focus::Reader,
            Focus::Search,
            Focus::List
        ]
    );
    let mut back = vec![state.focus()];
    for _ in 0..7 {
        act(&mut state, Action::FocusPrev);
        back.push(state.focus());
    }
    assert_eq!(
        back,
        [
            Focus::List,
            Focus::Search,
            Focus::Reader,
            Focus::Timeline,
            Focus::Dates,
            Focus::Countries,
            Focus::Actors,
            Focus::List
        ]
    );
}

#[test]
fn a_hidden_timeline_is_no_stop_of_tab() {
    let mut state = loaded(80, 24);
    assert!(!state.timeline_shown(), "hidden below 30 rows");
    acts(&mut state, &[Action::FocusNext; 4]);
    assert_eq!(state.focus(), Focus::Reader);
}

#[test]
fn focusing_a_facet_pane_makes_it_the_tab_shown_at_50_columns() {
    let mut state = loaded(50, 24);
    assert_eq!(state.facet_tab(), Focus::Actors);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus(), Focus::Countries);
    assert_eq!(state.facet_tab(), Focus::Countries);
    let a = state.areas();
    assert!(a.countries.is_some() && a.actors.is_none());
    assert!(a.list.is_some(), "the list stays above the pane");
    // Back to the list: the tab is remembered, the facets fold into their summary line.
    act(&mut state, Action::Back);
    assert_eq!(state.focus(), Focus::List);
    assert_eq!(state.facet_tab(), Focus::Countries);
    let a = state.areas();
    assert!(a.countries.is_none() && a.facet_line.is_some());
}

#[test]
fn from_60_columns_a_focused_facet_shows_both_panes_under_the_list() {
    let mut state = loaded(80, 24);
    assert!(state.areas().actors.is_none() && state.areas().countries.is_none());
    act(&mut state, Action::FocusNext);
    act(&mut state, Action::FocusNext);
    assert_eq!(state.focus(), Focus::Countries);
    let a = state.areas();
    let (list, actors, countries) = (a.list.unwrap(), a.actors.unwrap(), a.countries.unwrap());
    assert_eq!(list.width, 80, "the list keeps the full width");
    assert!(actors.y > list.y && countries.y > list.y);
}

#[test]
fn a_resize_to_60x20_and_back_keeps_the_selection() {
    let mut state = loaded(120, 40);
    acts(
        &mut state,
        &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
    );
    let doc = state.selected_doc();
    assert!(doc.is_some());
    let up = send(&mut state, Msg::Resize(60, 20));
    assert!(up.redraw);
    assert_eq!(state.size(), ratatui::layout::Rect::new(0, 0, 60, 20));
    assert_eq!(state.selected_doc(), doc);
    let h = usize::from(
        state
            .areas()
            .list
            .expect("the list fills a 60x20 screen")
            .height
            - 2,
    );
    assert!(state.offset() <= state.cursor() && state.cursor() < state.offset() + h);
    send(&mut state, Msg::Resize(170, 40));
    assert_eq!(state.selected_doc(), doc);
    assert_eq!(state.reader().doc, doc);
    assert_eq!(state.focus(), Focus::List);
}

#[test]
fn a_resize_while_reading_keeps_the_briefing_and_a_valid_scroll() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::Last);
    let width = state.reader().width;
    send(&mut state, Msg::Resize(60, 20));
    assert_eq!(
        state.reader().doc.map(|d| id_of(&state, d)).as_deref(),
        Some(CHANNEL)
    );
    assert!(
        state.reader().width < width,
        "the article is rewrapped to the narrower pane"
    );
    assert!(state.reader().scroll <= max_scroll(&state));
    act(&mut state, Action::Last);
    send(&mut state, Msg::Resize(120, 40));
    assert_eq!(state.reader().width, width);
    assert!(
        state.reader().scroll <= max_scroll(&state),
        "{} > {}",
        state.reader().scroll,
        max_scroll(&state)
    );
    assert_eq!(state.focus(), Focus::Reader);
}

#[test]
fn a_resize_to_1x1_and_any_key_there_do_not_panic() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::MoveDown);
    let doc = state.selected_doc();
    send(&mut state, Msg::Resize(1, 1));
    assert!(state.areas().too_small);
    assert_eq!(state.selected_doc(), doc);
    send(&mut state, Msg::Resize(170, 40));
    assert_eq!(state.selected_doc(), doc);
    assert_eq!(state.reader().doc, doc);
    send(&mut state, Msg::Resize(1, 1));
    for a in [
        Action::MoveDown,
        Action::PageDown,
        Action::Last,
        Action::FocusNext,
        Action::FocusNext,
        Action::Toggle,
        Action::FocusNext,
        Action::PageDown,
        Action::FindInArticle,
        Action::Insert('e'),
        Action::NextMatch,
        Action::Back,
        Action::Back,
        Action::Help,
        Action::MoveDown,
        Action::Back,
    ] {
        act(&mut state, a);
    }
    for (w, h) in [(0, 0), (1, 40), (200, 1), (39, 9), (40, 10)] {
        send(&mut state, Msg::Resize(w, h));
    }
    send(&mut state, Msg::Resize(120, 40));
    assert!(state.selected_doc().is_some());
}

/// `relayout` keeps the list and the reader in view on a resize, but not the
/// facet panes: their `offset` stays what it was for the taller pane.
#[test]
fn a_resize_keeps_the_facet_cursor_visible() {
    let mut state = loaded(120, 40);
    acts(
        &mut state,
        &[Action::FocusNext, Action::FocusNext, Action::Last],
    );
    send(&mut state, Msg::Resize(120, 24));
    let h = usize::from(state.areas().countries.unwrap().height - 2);
    let p = &state.countries();
    assert!(
        p.offset <= p.cursor && p.cursor < p.offset + h,
        "cursor {} outside rows {}..{} of the countries pane",
        p.cursor,
        p.offset,
        p.offset + h
    );
}

/// `/` goes to the search line from every pane; the article search is Ctrl-F.
#[test]
fn slash_goes_to_the_search_line_from_every_pane() {
    for steps in 0..5 {
        let mut state = loaded(120, 40);
        act(&mut state, Action::FocusSearch);
        act(&mut state, Action::Back);
        for _ in 0..steps {
            act(&mut state, Action::FocusNext);
        }
        let from = state.focus();
        if from == Focus::Search {
            continue;
        }
        assert_eq!(
            press(&mut state, KeyCode::Char('/'), KeyModifiers::NONE),
            Some(Action::FocusSearch),
            "from {from:?}"
        );
        assert_eq!(state.focus(), Focus::Search, "from {from:?}");
    }
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    assert_eq!(
        press(&mut state, KeyCode::Char('f'), KeyModifiers::CONTROL),
        Some(Action::FindInArticle)
    );
    assert!(state.reader().find.is_some());
}
