//! The actors and countries panes: selecting, narrowing (`state/facets.rs`).

use super::*;

#[test]
fn niger_then_oim_narrows_and_x_brings_everything_back() {
    let mut state = loaded(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus(), Focus::Countries);
    move_facet_cursor_to(&mut state, "Niger (NE)");
    let niger = state.countries().items[state.countries().cursor].clone();
    assert_eq!(niger.count, 4);
    assert!(!niger.selected);

    let up = act(&mut state, Action::Toggle);
    assert!(
        matches!(up.effects.as_slice(), [Effect::Search(r)] if r.selection.countries.len() == 1)
    );
    assert_eq!(selected_country_codes(&state), ["NE"]);
    assert_eq!(state.hits().len(), 4);
    let corpus = corpus();
    for h in state.hits() {
        assert!(
            corpus.briefings[h.doc]
                .countries
                .iter()
                .any(|c| c.as_str() == "NE")
        );
    }
    // The cursor stays on Niger, now ticked; counts in the countries pane
    // ignore the countries selection so the other values can still be added.
    let cur = &state.countries().items[state.countries().cursor];
    assert_eq!(cur.label, "Niger (NE)");
    assert!(cur.selected);
    assert_eq!(
        state
            .countries()
            .items
            .iter()
            .filter(|i| i.selected)
            .count(),
        1
    );
    let all_countries: usize = state.countries().items.len();
    assert!(
        all_countries > 5,
        "other countries still listed: {all_countries}"
    );

    // The actors pane counts within the four Niger meetings.
    act(&mut state, Action::FocusPrev);
    assert_eq!(state.focus(), Focus::Actors);
    let oim = state
        .actors()
        .items
        .iter()
        .find(|i| matches!(i.key, FacetKey::Actor(id) if corpus.actor(id).is_some_and(|a| a.short.as_deref() == Some("OIM"))))
        .expect("OIM in the actors pane")
        .clone();
    assert_eq!(oim.count, 1, "one Niger meeting involves the IOM");
    move_facet_cursor_to(&mut state, &oim.label);
    act(&mut state, Action::Toggle);
    assert_eq!(hit_ids(&state), [ITALY]);
    assert_eq!(state.selection().actors.len(), 1);
    let FacetKey::Actor(oim_id) = oim.key else {
        unreachable!()
    };
    for h in state.hits() {
        let b = &corpus.briefings[h.doc];
        assert!(b.actors.iter().any(|a| a.actor == oim_id));
        assert!(b.countries.iter().any(|c| c.as_str() == "NE"));
    }

    // Toggling OIM again unselects it: back to the four.
    act(&mut state, Action::Toggle);
    assert_eq!(state.hits().len(), 4);
    act(&mut state, Action::Toggle);
    assert_eq!(state.hits().len(), 1);

    let up = act(&mut state, Action::ClearFilters);
    assert!(up.effects.iter().any(|e| matches!(e, Effect::Search(_))));
    assert_eq!(state.hits().len(), 8);
    assert!(state.selection().countries.is_empty() && state.selection().actors.is_empty());
    assert!(
        state
            .actors()
            .items
            .iter()
            .chain(&state.countries().items)
            .all(|i| !i.selected)
    );
    assert!(state.message().is_some(), "x says what it did");
}

#[test]
fn two_countries_mean_either() {
    // French country names are typed and read here.
    let mut state = loaded_in(120, 40, Launch::default(), brief_core::Lang::Fr);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    move_facet_cursor_to(&mut state, "Niger (NE)");
    act(&mut state, Action::Toggle);
    move_facet_cursor_to(&mut state, "Belgique (BE)");
    act(&mut state, Action::Toggle);
    assert_eq!(selected_country_codes(&state), ["NE", "BE"]);
    // Four Niger meetings, plus the Channel and Brussels ones.
    assert_eq!(state.hits().len(), 6);
}

#[test]
fn a_selected_value_with_no_results_stays_visible_at_zero() {
    let mut state = loaded(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    move_facet_cursor_to(&mut state, "Niger (NE)");
    act(&mut state, Action::Toggle);
    // A query no Niger meeting matches.
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "manche");
    assert!(state.hits().is_empty());
    let niger = state
        .countries()
        .items
        .iter()
        .find(|i| i.label == "Niger (NE)")
        .expect("the selected value stays listed");
    assert!(niger.selected);
    assert_eq!(niger.count, 0);
}

#[test]
fn typing_in_a_facet_pane_narrows_its_values() {
    let mut state = loaded(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.scopes()[0], Scope::Facets);
    let up = act(&mut state, Action::Insert('n'));
    assert!(up.effects.is_empty(), "narrowing a pane does not search");
    assert_eq!(state.scopes()[0], Scope::FacetNarrow);
    type_text(&mut state, "ig");
    let labels: Vec<_> = state
        .countries()
        .items
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(
        labels.contains(&"Niger (NE)") && labels.contains(&"Nigeria (NG)"),
        "{labels:?}"
    );
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Toggle);
    assert_eq!(state.selection().countries.len(), 1);
    // The filter clears after a toggle, and the chosen value is at the top.
    assert!(state.countries().narrow.is_none(), "the filter clears");
    assert!(state.countries().items.len() > 2);
    assert!(state.countries().items[0].selected);
    // Backspace to empty, then once more, stops narrowing.
    type_text(&mut state, "ni");
    acts(&mut state, &[Action::DeleteBack, Action::DeleteBack]);
    assert_eq!(
        state.countries().narrow.as_ref().map(|n| n.text.as_str()),
        Some("")
    );
    act(&mut state, Action::DeleteBack);
    assert!(state.countries().narrow.is_none());
    assert!(state.countries().items.len() > 2);
    // Esc while narrowing stops narrowing but keeps the focus.
    type_text(&mut state, "zz");
    assert!(state.countries().items.is_empty());
    act(&mut state, Action::Back);
    assert!(state.countries().narrow.is_none());
    assert_eq!(state.focus(), Focus::Countries);
    act(&mut state, Action::Back);
    assert_eq!(state.focus(), Focus::List);
}

/// The help says "narrow (or type any other letter)" and the spec says "Typing
/// letters in a facet pane jumps to or narrows to matching values", but in the
/// Facets scope (not yet narrowing) a plain letter dispatches to nothing.
#[test]
fn a_letter_typed_in_a_facet_pane_starts_narrowing() {
    let mut state = loaded(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &n), Some(Action::Insert('n')));
}

/// In a facet pane every letter filters, the letters the list binds included
/// (q quits, p opens the problems, j moves, x clears, ? helps elsewhere).
#[test]
fn in_a_facet_pane_global_letters_are_typed_into_the_filter() {
    // French country names are typed and read here.
    let mut state = loaded_in(120, 40, Launch::default(), brief_core::Lang::Fr);
    to_countries(&mut state);
    for c in ['q', 'p', 'j', 'x', '?', 'k', 'g', 'G', 'b', 'y'] {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            dispatch(&state.scopes(), &ev),
            Some(Action::Insert(c)),
            "{c} is typed"
        );
    }
    typed(&mut state, "pologne");
    assert!(!state.quit());
    assert_eq!(state.overlay(), Overlay::None, "p opened nothing");
    let labels: Vec<_> = state.countries().items.iter().map(|i| &i.label).collect();
    assert_eq!(labels, ["Pologne (PL)"]);
    // Ways out that are not letters still work: Ctrl-C quits, F1 helps.
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &f1), Some(Action::Help));
    let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(dispatch(&state.scopes(), &cc), Some(Action::Quit));
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &down), Some(Action::MoveDown));
}

/// Space selects while no filter is typed, and types a space once one is
/// ("burkina faso"); Enter always selects.
#[test]
fn space_selects_without_a_filter_and_types_with_one() {
    let mut state = loaded(120, 40);
    to_countries(&mut state);
    assert_eq!(
        press(&mut state, KeyCode::Char(' '), KeyModifiers::NONE),
        Some(Action::Toggle)
    );
    assert_eq!(state.selection().countries.len(), 1);
    typed(&mut state, "burkina f");
    assert_eq!(
        state.countries().narrow.as_ref().map(|n| n.text.as_str()),
        Some("burkina f")
    );
    assert_eq!(state.countries().items.len(), 1);
    assert_eq!(
        press(&mut state, KeyCode::Enter, KeyModifiers::NONE),
        Some(Action::Toggle)
    );
    assert_eq!(
        selected_country_codes(&state).last().map(String::as_str),
        Some("BF")
    );
}

/// After a value is chosen the filter clears, so the next name is typed at
/// once; chosen values stay at the top, in the order chosen, as the status
/// line names them.
#[test]
fn choosing_clears_the_filter_and_keeps_chosen_values_on_top_in_order() {
    // French country names are typed and read here.
    let mut state = loaded_in(120, 40, Launch::default(), brief_core::Lang::Fr);
    to_countries(&mut state);
    typed(&mut state, "tunis");
    press(&mut state, KeyCode::Enter, KeyModifiers::NONE);
    assert!(state.countries().narrow.is_none());
    typed(&mut state, "jordan");
    press(&mut state, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(selected_country_codes(&state), ["TN", "JO"]);
    let top: Vec<_> = state.countries().items[..2]
        .iter()
        .map(|i| (i.label.as_str(), i.selected))
        .collect();
    assert_eq!(top, [("Tunisie (TN)", true), ("Jordanie (JO)", true)]);
    assert!(state.countries().items[2..].iter().all(|i| !i.selected));
    let summary = brief::tui::view::status::summary(&state);
    assert!(summary.contains("pays : Tunisie | Jordanie"), "{summary}");
    // Typing a chosen name puts the cursor on the first value not chosen yet.
    typed(&mut state, "n");
    let pane = &state.countries();
    assert!(!pane.items[pane.cursor].selected, "{:?}", pane.items);
}
