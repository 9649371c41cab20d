//! Moving between briefings in the reader (`state/related.rs`).

use super::*;

#[test]
fn shift_j_and_k_read_the_next_and_previous_briefing_without_leaving_the_reader() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    let first = state.reader().doc;
    let ev = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
    assert_eq!(
        dispatch(&state.scopes(), &ev('J')),
        Some(Action::NextBriefing)
    );
    assert_eq!(
        dispatch(&state.scopes(), &ev('K')),
        Some(Action::PrevBriefing)
    );
    let up = act(&mut state, Action::NextBriefing);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.cursor(), 1);
    assert_eq!(state.reader().doc, state.selected_doc());
    assert_ne!(state.reader().doc, first);
    assert_eq!(state.reader().scroll, 0);
    let id = state.selected_id().unwrap().to_string();
    assert!(state.is_read(&id), "J marks the briefing read");
    assert!(
        up.effects.iter().any(|e| matches!(e, Effect::Remember(_))),
        "{:?}",
        up.effects
    );
    act(&mut state, Action::PrevBriefing);
    assert_eq!(state.reader().doc, first);
    act(&mut state, Action::PrevBriefing);
    assert_eq!(state.reader().doc, first, "K stops at the first");
    assert!(state.message().is_some());
    act(&mut state, Action::Last);
    for _ in 0..20 {
        act(&mut state, Action::NextBriefing);
    }
    assert_eq!(
        state.cursor(),
        state.hits().len() - 1,
        "J stops at the last"
    );
    assert_eq!(state.focus(), Focus::Reader);
}

#[test]
fn a_related_briefing_opens_from_the_reader_and_esc_comes_back() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let channel = state.reader().doc;
    assert_eq!(state.reader().related.len(), 1);
    act(&mut state, Action::NextRelated);
    assert_eq!(state.reader().chosen, Some(0));
    // Scrolled to show the link: Esc comes back to this place.
    let scroll = state.reader().scroll;
    assert!(scroll > 0);
    let line = state.reader().related[0].lines.start;
    let h = reader_height(&state);
    assert!(state.reader().scroll <= line && line < state.reader().scroll + h);
    act(&mut state, Action::Open);
    assert_eq!(
        state.reader().doc.map(|d| id_of(&state, d)).as_deref(),
        Some("oim-bruxelles-migrations-irregulieres-argo")
    );
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.reader().scroll, 0);
    assert_eq!(state.reader().trail.len(), 1);
    // And on: its own related briefing is the Channel meeting again.
    acts(&mut state, &[Action::NextRelated, Action::Open]);
    assert_eq!(state.reader().doc, channel);
    assert_eq!(state.reader().trail.len(), 2);
    // Esc and Backspace go back one step each, to where the reader was.
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let bs = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &esc), Some(Action::Back));
    assert_eq!(dispatch(&state.scopes(), &bs), Some(Action::Back));
    act(&mut state, Action::Back);
    assert_eq!(
        state.reader().doc.map(|d| id_of(&state, d)).as_deref(),
        Some("oim-bruxelles-migrations-irregulieres-argo")
    );
    act(&mut state, Action::Back);
    assert_eq!(state.reader().doc, channel);
    assert_eq!(state.reader().scroll, scroll);
    assert_eq!(state.focus(), Focus::Reader);
    act(&mut state, Action::Back);
    assert_eq!(state.focus(), Focus::List, "the last Esc closes the reader");
}

#[test]
fn enter_in_the_reader_without_a_chosen_related_briefing_says_how() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let doc = state.reader().doc;
    act(&mut state, Action::Open);
    assert_eq!(state.reader().doc, doc);
    let m = state.message().unwrap_or_default();
    assert!(
        m.starts_with("r to choose") && m.contains("Enter to open"),
        "{m}"
    );
}

#[test]
fn in_a_followed_briefing_y_and_b_act_on_the_briefing_shown() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    acts(&mut state, &[Action::NextRelated, Action::Open]);
    let shown = "oim-bruxelles-migrations-irregulieres-argo";
    let up = act(&mut state, Action::CopyMarkdown);
    let corpus = corpus();
    let md = brief_core::markdown::briefing(&corpus, corpus.get(shown).unwrap(), state.lang());
    assert_eq!(up.effects, vec![Effect::Copy { text: md }]);
    act(&mut state, Action::ToggleBookmark);
    assert!(state.is_bookmarked(shown));
    assert!(!state.is_bookmarked(CHANNEL));
}
