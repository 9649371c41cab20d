//! The timeline over the results and the dates pane (`state/timeline.rs`,
//! `state/facets.rs`), on `tests/fixtures/dates`: fifteen briefings from
//! 2016 to 2023, some dated to the year or the month only, two undated.

use super::*;
use brief::tui::state::timeline::{SHOWN_FROM_ROWS, Strip, periods_label};
use brief_core::search::periods::{Grain, Period};

fn dates_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates")
}

fn on_dates(w: u16, h: u16) -> State {
    loaded_from(&dates_dir(), w, h)
}

fn bars(strip: &Strip) -> Vec<(String, usize)> {
    strip
        .bars
        .iter()
        .map(|(p, n)| (p.to_string(), *n))
        .collect()
}

fn key(state: &mut State, code: KeyCode) -> Option<Action> {
    press(state, code, KeyModifiers::NONE)
}

fn chosen(state: &State) -> Vec<String> {
    state
        .selection()
        .periods
        .iter()
        .map(Period::to_string)
        .collect()
}

// The strip's model.

#[test]
fn years_from_first_to_last_with_the_empty_ones_and_the_undated_apart() {
    let state = on_dates(120, 40);
    let s = state.timeline();
    assert_eq!(
        s.grain,
        Grain::Year,
        "2016 to 2023 is more than three years"
    );
    assert_eq!(
        bars(s),
        [
            ("2016", 2),
            ("2017", 1),
            ("2018", 1),
            ("2019", 3),
            ("2020", 0),
            ("2021", 4),
            ("2022", 2),
            ("2023", 1)
        ]
        .map(|(p, n)| (p.to_string(), n))
    );
    assert_eq!(s.undated, 2);
    assert_eq!(s.highest, 4);
}

#[test]
fn three_years_or_less_go_by_month_dates_known_to_the_year_in_their_own_bar() {
    let mut state = on_dates(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "année:2021..2023");
    let s = state.timeline();
    assert_eq!(s.grain, Grain::Month);
    let b = bars(s);
    assert_eq!(
        b.first(),
        Some(&("2021".to_string(), 1)),
        "2021, month unknown"
    );
    assert_eq!(b.get(1), Some(&("2021-05".to_string(), 1)));
    assert_eq!(b.get(2), Some(&("2021-06".to_string(), 2)));
    assert_eq!(b.last(), Some(&("2023-02".to_string(), 1)));
    // Every month between, and the year-only row of 2022 before its January.
    assert_eq!(b.len(), 1 + 22 + 1);
    let jan = b.iter().position(|(p, _)| p == "2022-01");
    let year = b.iter().position(|(p, _)| p == "2022");
    assert_eq!(year.map(|y| y + 1), jan);
    assert_eq!(s.undated, 0, "année: keeps no undated briefing");
    // The search narrows the bars as it is typed.
    type_text(&mut state, " tunisie");
    let s = state.timeline();
    assert_eq!(s.highest, 1);
    assert_eq!(s.bars.iter().map(|b| b.1).sum::<usize>(), 2);
}

#[test]
fn nothing_dated_makes_no_bar() {
    let mut state = on_dates(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "sans date");
    let s = state.timeline();
    assert!(s.bars.is_empty());
    assert_eq!(s.undated, 2);
    assert_eq!(s.highest, 0);
}

// Shown, toggled, focused.

#[test]
fn shown_from_30_rows_and_toggled_at_any_size() {
    let state = on_dates(120, 40);
    assert!(state.timeline_shown());
    assert_eq!(state.areas().timeline.map(|r| r.height), Some(2));
    let mut state = on_dates(80, SHOWN_FROM_ROWS - 1);
    assert!(!state.timeline_shown());
    assert_eq!(state.areas().timeline, None);
    let list = state.areas().list.map(|r| r.height);
    assert_eq!(
        key(&mut state, KeyCode::Char('t')),
        Some(Action::ToggleTimeline)
    );
    assert_eq!(state.areas().timeline.map(|r| r.height), Some(2));
    assert_eq!(state.areas().list.map(|r| r.height + 2), list);
    key(&mut state, KeyCode::Char('t'));
    assert_eq!(state.areas().timeline, None);
    // `T` shows it and gives it the keys; `t` hides it and the list has them.
    assert_eq!(
        key(&mut state, KeyCode::Char('T')),
        Some(Action::FocusTimeline)
    );
    assert_eq!(state.focus(), Focus::Timeline);
    assert!(state.timeline_shown());
    key(&mut state, KeyCode::Char('t'));
    assert_eq!(state.focus(), Focus::List);
    assert!(!state.timeline_shown());
}

#[test]
fn left_and_right_move_over_the_periods_from_the_latest() {
    let mut state = on_dates(80, 24);
    key(&mut state, KeyCode::Char('T'));
    assert_eq!(state.timeline_period(), Some(Period::year(2023)));
    assert_eq!(key(&mut state, KeyCode::Left), Some(Action::PrevPeriod));
    key(&mut state, KeyCode::Char('h'));
    assert_eq!(state.timeline_period(), Some(Period::year(2021)));
    key(&mut state, KeyCode::Right);
    assert_eq!(state.timeline_period(), Some(Period::year(2022)));
    for _ in 0..5 {
        key(&mut state, KeyCode::Char('l'));
    }
    assert_eq!(
        state.timeline_period(),
        Some(Period::year(2023)),
        "stops at the end"
    );
    key(&mut state, KeyCode::Home);
    assert_eq!(state.timeline_period(), Some(Period::year(2016)));
    key(&mut state, KeyCode::End);
    assert_eq!(state.timeline_period(), Some(Period::year(2023)));
    // Nothing searched while moving.
    let up = act(&mut state, Action::PrevPeriod);
    assert!(up.effects.is_empty());
    // Esc gives the keys back to the list.
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.focus(), Focus::List);
}

#[test]
fn enter_restricts_a_second_period_extends_and_x_clears() {
    let mut state = on_dates(120, 40);
    key(&mut state, KeyCode::Char('T'));
    for _ in 0..4 {
        key(&mut state, KeyCode::Left);
    }
    assert_eq!(state.timeline_period(), Some(Period::year(2019)));
    let up = act(&mut state, Action::Toggle);
    assert!(
        matches!(up.effects.as_slice(), [Effect::Search(r)] if r.selection.periods == [Period::year(2019)])
    );
    settle(&mut state, up.effects);
    assert_eq!(chosen(&state), ["2019"]);
    assert_eq!(
        state.hits().len(),
        3,
        "2019, and the conference ending in 2019"
    );
    // The strip still counts every year: the dates are counted without their own filter.
    assert_eq!(state.timeline().bars.len(), 8);
    // A second period: the range between them.
    key(&mut state, KeyCode::Right);
    key(&mut state, KeyCode::Right);
    key(&mut state, KeyCode::Enter);
    assert_eq!(chosen(&state), ["2019", "2020", "2021"]);
    assert_eq!(periods_label(&state.selection().periods), "2019–2021");
    assert_eq!(state.hits().len(), 3 + 4);
    // Further: the range grows from where it began.
    key(&mut state, KeyCode::Right);
    key(&mut state, KeyCode::Enter);
    assert_eq!(chosen(&state), ["2019", "2020", "2021", "2022"]);
    key(&mut state, KeyCode::Home);
    key(&mut state, KeyCode::Enter);
    assert_eq!(chosen(&state), ["2016", "2017", "2018", "2019"]);
    // `x` clears it with the other filters; the cursor stays.
    let x = key(&mut state, KeyCode::Char('x'));
    assert_eq!(x, Some(Action::ClearFilters));
    assert!(state.selection().periods.is_empty());
    assert_eq!(state.hits().len(), 15);
    assert_eq!(state.timeline_period(), Some(Period::year(2016)));
}

#[test]
fn enter_within_a_range_keeps_that_period_and_on_the_only_one_lifts_it() {
    let mut state = on_dates(120, 40);
    key(&mut state, KeyCode::Char('T'));
    key(&mut state, KeyCode::Enter); // 2023
    key(&mut state, KeyCode::Left);
    key(&mut state, KeyCode::Left);
    key(&mut state, KeyCode::Enter); // 2021..2023
    assert_eq!(chosen(&state), ["2021", "2022", "2023"]);
    key(&mut state, KeyCode::Right);
    key(&mut state, KeyCode::Enter); // 2022 alone
    assert_eq!(chosen(&state), ["2022"]);
    assert_eq!(state.hits().len(), 2);
    key(&mut state, KeyCode::Enter);
    assert!(state.selection().periods.is_empty());
    assert_eq!(state.hits().len(), 15);
}

#[test]
fn the_restriction_shows_in_the_facet_and_status_lines() {
    let mut state = on_dates(120, 40);
    key(&mut state, KeyCode::Char('T'));
    key(&mut state, KeyCode::Left);
    key(&mut state, KeyCode::Enter);
    let rows = screen_rows(&state);
    let status = rows.last().expect("a status line");
    assert!(
        status.contains("2022: 2 briefings, 2022-01-01 to 2022-12-31"),
        "{status}"
    );
    assert!(
        rows.iter().any(|r| r.contains("Dates: 2022 ·")),
        "the facet line names the restriction:\n{}",
        rows.join("\n")
    );
}

// The dates pane.

#[test]
fn the_dates_pane_lists_years_newest_first_and_opens_a_year_to_its_months() {
    let mut state = on_dates(120, 40);
    acts(&mut state, &[Action::FocusNext; 3]);
    assert_eq!(state.focus(), Focus::Dates);
    let labels = |s: &State| -> Vec<(String, usize)> {
        s.dates()
            .items
            .iter()
            .map(|i| (i.label.clone(), i.count))
            .collect()
    };
    assert_eq!(
        labels(&state),
        [
            ("2023", 1),
            ("2022", 2),
            ("2021", 4),
            ("2019", 3),
            ("2018", 1),
            ("2017", 1),
            ("2016", 2)
        ]
        .map(|(p, n)| (p.to_string(), n))
    );
    // 2021 opens to its months, newest first; ← closes it again.
    move_facet_cursor_to(&mut state, "2021");
    assert_eq!(key(&mut state, KeyCode::Right), Some(Action::OpenDossier));
    let l = labels(&state);
    assert_eq!(
        &l[2..5],
        &[
            ("2021".to_string(), 4),
            ("  2021-06".to_string(), 2),
            ("  2021-05".to_string(), 1)
        ]
    );
    // A month chosen: any of the chosen periods, counted like the other panes.
    move_facet_cursor_to(&mut state, "  2021-06");
    key(&mut state, KeyCode::Enter);
    assert_eq!(chosen(&state), ["2021-06"]);
    assert_eq!(
        state.hits().len(),
        3,
        "June 2021, and 2021 known to the year"
    );
    move_facet_cursor_to(&mut state, "2016");
    key(&mut state, KeyCode::Enter);
    assert_eq!(state.hits().len(), 3 + 2);
    // Every year still counted in its own pane.
    assert_eq!(labels(&state).first(), Some(&("2023".to_string(), 1)));
    // Closed, the year keeps its chosen month in view.
    move_facet_cursor_to(&mut state, "  2021-05");
    key(&mut state, KeyCode::Left);
    assert_eq!(state.dates().items[state.dates().cursor].label, "2021");
    assert!(labels(&state).iter().any(|(l, _)| l == "  2021-06"));
    assert!(!labels(&state).iter().any(|(l, _)| l == "  2021-05"));
    // The country pane counts with the dates filter.
    let niger = state
        .countries()
        .items
        .iter()
        .find(|i| i.label.starts_with("Niger"))
        .map(|i| i.count);
    assert_eq!(niger, Some(2 + 1), "June 2021, 2021, and 2016 in Niamey");
    act(&mut state, Action::ClearFilters);
    assert!(state.selection().periods.is_empty());
}
