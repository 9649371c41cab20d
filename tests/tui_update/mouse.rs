//! Clicks and the wheel (`state/mouse.rs`).

use super::*;

#[test]
fn a_click_focuses_and_selects_a_second_click_opens() {
    let mut state = loaded(120, 40);
    // No title takes two lines above the third row.
    act(&mut state, Action::Last);
    let list = state.areas().list.unwrap();
    let third = || Msg::Click {
        column: list.x + 5,
        row: list.y + 3,
    };
    send(&mut state, third());
    assert_eq!(state.focus(), Focus::List);
    assert_eq!(state.cursor(), 2);
    send(&mut state, third());
    assert_eq!(state.focus(), Focus::Reader);
    // A click on a country value, in its pane, selects it.
    act(&mut state, Action::Back);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus(), Focus::Countries);
    let countries = state.areas().countries.unwrap();
    let label = state.countries().items[0].label.clone();
    send(
        &mut state,
        Msg::Click {
            column: countries.x + 3,
            row: countries.y + 1,
        },
    );
    assert_eq!(state.focus(), Focus::Countries);
    assert!(
        state
            .countries()
            .items
            .iter()
            .any(|i| i.label == label && i.selected)
    );
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut state = loaded(170, 40);
    open_channel(&mut state);
    act(&mut state, Action::Back);
    assert!(max_scroll(&state) > 6, "a long article");
    let reader = state.areas().reader.unwrap();
    let at = |down| Msg::Wheel {
        column: reader.x + 4,
        row: reader.y + 4,
        down,
    };
    send(&mut state, at(true));
    send(&mut state, at(true));
    assert_eq!(state.reader().scroll, 6);
    assert_eq!(state.focus(), Focus::List, "the wheel does not move focus");
    send(&mut state, at(false));
    assert_eq!(state.reader().scroll, 3);
}

#[test]
fn a_click_on_the_facet_summary_opens_the_actors_pane() {
    let mut state = loaded(120, 40);
    let line = state.areas().facet_line.expect("the summary line");
    send(
        &mut state,
        Msg::Click {
            column: line.x + 3,
            row: line.y,
        },
    );
    assert_eq!(state.focus(), Focus::Actors);
    assert!(state.areas().actors.is_some());
}

#[test]
fn a_click_below_a_two_line_title_selects_the_row_drawn_there() {
    let mut state = loaded(120, 40);
    assert!(state.selected_two_lines());
    let list = state.areas().list.unwrap();
    // Rows: 0 and 1 are the selected title, 2 is the second briefing.
    send(
        &mut state,
        Msg::Click {
            column: list.x + 5,
            row: list.y + 3,
        },
    );
    assert_eq!(state.cursor(), 1);
}
