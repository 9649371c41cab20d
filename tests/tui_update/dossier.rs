//! Dossiers (`state/dossier.rs`): opened from the countries pane and from
//! the reader, moved through, a co-actor's dossier over it, a meeting in the
//! reader, and Esc back one step at a time.

use brief::tui::state::DossierSection;
use brief_core::CountryCode;
use brief_core::search::dossier::Subject;

use super::*;

fn key(state: &mut State, code: KeyCode) -> Option<Action> {
    press(state, code, KeyModifiers::NONE)
}

fn subject(state: &State) -> Subject {
    state.dossier().expect("a dossier is open").dossier.subject
}

fn section(state: &State) -> DossierSection {
    state.dossier().expect("a dossier is open").section
}

/// The countries pane, narrowed to Niger, its dossier opened with `→`.
fn niger_dossier(state: &mut State) {
    to_countries(state);
    typed(state, "niger");
    assert_eq!(
        state.countries().items[state.countries().cursor].label,
        "Niger (NE)"
    );
    assert_eq!(key(state, KeyCode::Right), Some(Action::OpenDossier));
    assert_eq!(state.focus(), Focus::Dossier);
    assert_eq!(state.scopes(), [Scope::Dossier, Scope::Global]);
}

#[test]
fn a_dossier_opens_from_the_countries_pane_with_its_counts() {
    let mut state = loaded(120, 40);
    niger_dossier(&mut state);
    let ne = CountryCode::new("NE").unwrap();
    assert_eq!(subject(&state), Subject::Country(ne));
    let page = state.dossier().unwrap();
    let d = &page.dossier;
    // The four Niger meetings of the fixture, newest first.
    assert_eq!(d.meetings.len(), 4);
    let corpus = corpus();
    assert!(
        d.meetings.windows(2).all(|w| w[0] < w[1]),
        "corpus order is newest first"
    );
    for &m in &d.meetings {
        let b = &corpus.briefings[m];
        assert!(b.countries.contains(&ne) || b.location.country == Some(ne));
    }
    // The same counts as the core's, which `brief dossier` prints.
    assert_eq!(
        **d,
        brief_core::search::dossier::dossier(&corpus, Subject::Country(ne), brief_core::Lang::En)
    );
    assert!(!d.actors.is_empty());
    assert_eq!(
        section(&state),
        DossierSection::Meetings,
        "the meetings first"
    );
    let screen = screen_rows(&state).join("\n");
    assert!(screen.contains("Dossier: Niger (NE)"), "{screen}");
    assert!(screen.contains("Meets most with"), "{screen}");
}

#[test]
fn tab_moves_between_sections_and_the_cursor_within_one() {
    let mut state = loaded(120, 40);
    niger_dossier(&mut state);
    assert_eq!(key(&mut state, KeyCode::Tab), Some(Action::FocusNext));
    assert_eq!(section(&state), DossierSection::Actors);
    assert_eq!(state.focus(), Focus::Dossier, "Tab stays in the dossier");
    key(&mut state, KeyCode::Tab);
    assert_eq!(section(&state), DossierSection::Countries);
    key(&mut state, KeyCode::BackTab);
    key(&mut state, KeyCode::BackTab);
    assert_eq!(section(&state), DossierSection::Meetings);
    key(&mut state, KeyCode::Char('j'));
    key(&mut state, KeyCode::Char('j'));
    let page = state.dossier().unwrap();
    assert_eq!(page.cursor(DossierSection::Meetings), 2);
    key(&mut state, KeyCode::Char('G'));
    assert_eq!(state.dossier().unwrap().cursor(DossierSection::Meetings), 3);
    key(&mut state, KeyCode::Char('g'));
    assert_eq!(state.dossier().unwrap().cursor(DossierSection::Meetings), 0);
    // Each section keeps its own cursor.
    key(&mut state, KeyCode::Tab);
    assert_eq!(state.dossier().unwrap().cursor(DossierSection::Actors), 0);
}

#[test]
fn enter_on_a_co_actor_opens_its_dossier_and_on_a_meeting_the_reader_esc_back_step_by_step() {
    let mut state = loaded(120, 40);
    niger_dossier(&mut state);
    let niger = subject(&state);
    key(&mut state, KeyCode::Tab);
    let (first, _) = state.dossier().unwrap().dossier.actors[0];
    assert_eq!(key(&mut state, KeyCode::Enter), Some(Action::Open));
    assert_eq!(subject(&state), Subject::Actor(first));
    assert_eq!(state.dossier_depth(), 2);

    // A meeting of the co-actor's dossier in the reader.
    assert_eq!(section(&state), DossierSection::Meetings);
    key(&mut state, KeyCode::Char('j'));
    let meeting = state.dossier().unwrap().dossier.meetings[1];
    let up = act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.reader().doc, Some(meeting));
    assert!(
        up.effects.iter().any(|e| matches!(e, Effect::Remember(_))),
        "read, as from the list"
    );
    assert!(state.is_read(&id_of(&state, meeting)));
    // J and K go through the dossier's meetings, not the list's.
    let meetings = state.dossier().unwrap().dossier.meetings.clone();
    if meetings.len() > 2 {
        act(&mut state, Action::NextBriefing);
        assert_eq!(state.reader().doc, Some(meetings[2]));
        act(&mut state, Action::PrevBriefing);
        assert_eq!(state.reader().doc, Some(meeting));
    }

    // Esc: the reader, then the co-actor's dossier, then Niger's, then the pane.
    assert_eq!(key(&mut state, KeyCode::Esc), Some(Action::Back));
    assert_eq!(state.focus(), Focus::Dossier);
    assert_eq!(subject(&state), Subject::Actor(first));
    assert_eq!(
        state.dossier().unwrap().cursor(DossierSection::Meetings),
        1,
        "where it was"
    );
    key(&mut state, KeyCode::Esc);
    assert_eq!(subject(&state), niger);
    assert_eq!(state.dossier_depth(), 1);
    assert_eq!(section(&state), DossierSection::Actors, "as it was left");
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.focus(), Focus::Countries);
    assert!(state.dossier().is_none());
    assert_eq!(
        state.countries().items[state.countries().cursor].label,
        "Niger (NE)",
        "the pane as it was"
    );
}

#[test]
fn d_in_the_reader_chooses_among_the_briefings_actors_and_countries() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let doc = state.reader().doc;
    assert_eq!(
        key(&mut state, KeyCode::Char('d')),
        Some(Action::OpenDossier)
    );
    let chooser = state.dossier_chooser().expect("the chooser").clone();
    assert_eq!(state.scopes(), [Scope::DossierChoice]);
    let b = corpus().briefings[doc.unwrap()].clone();
    let actors = b
        .actors
        .iter()
        .map(|a| a.actor)
        .collect::<std::collections::BTreeSet<_>>();
    assert!(chooser.items.len() >= actors.len() + b.countries.len().min(1));
    assert_eq!(chooser.items[0], Subject::Actor(b.actors[0].actor));
    let screen = screen_rows(&state).join("\n");
    assert!(screen.contains("Dossier of"), "{screen}");
    // q and letters do nothing but close or nothing: the chooser takes every key.
    key(&mut state, KeyCode::Char('x'));
    assert!(state.dossier_chooser().is_some());
    // A digit opens that one at once.
    key(&mut state, KeyCode::Char('2'));
    assert!(state.dossier_chooser().is_none());
    assert_eq!(state.focus(), Focus::Dossier);
    assert_eq!(subject(&state), chooser.items[1]);
    // Esc: back to the same briefing in the reader.
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.reader().doc, doc);

    // j and Enter, or Esc to close it with nothing opened.
    key(&mut state, KeyCode::Char('d'));
    key(&mut state, KeyCode::Char('j'));
    assert_eq!(state.dossier_chooser().unwrap().cursor, 1);
    key(&mut state, KeyCode::Esc);
    assert!(state.dossier_chooser().is_none());
    assert_eq!(state.focus(), Focus::Reader);
    key(&mut state, KeyCode::Char('d'));
    key(&mut state, KeyCode::Enter);
    assert_eq!(subject(&state), chooser.items[0]);
}

#[test]
fn d_in_the_list_opens_a_dossier_and_going_back_among_the_panes_closes_it() {
    let mut state = loaded(80, 24);
    assert_eq!(
        key(&mut state, KeyCode::Char('d')),
        Some(Action::OpenDossier)
    );
    if state.dossier_chooser().is_some() {
        key(&mut state, KeyCode::Char('1'));
    }
    assert_eq!(state.focus(), Focus::Dossier);
    // At 80x24 every section still shows a row or more.
    let screen = screen_rows(&state).join("\n");
    assert!(screen.contains("Meetings, newest first"), "{screen}");
    // Leaving for the search line and back among the panes closes it.
    act(&mut state, Action::FocusSearch);
    act(&mut state, Action::Back);
    assert_eq!(state.focus(), Focus::List);
    assert!(state.dossier().is_none());
}

#[test]
fn d_on_a_meeting_read_from_a_dossier_goes_over_it_and_esc_comes_back_through_each_step() {
    let mut state = loaded(120, 40);
    niger_dossier(&mut state);
    let meeting = state.dossier().unwrap().dossier.meetings[0];
    act(&mut state, Action::Open);
    assert_eq!(state.reader().doc, Some(meeting));
    key(&mut state, KeyCode::Char('d'));
    if state.dossier_chooser().is_some() {
        key(&mut state, KeyCode::Char('1'));
    }
    assert_eq!(state.focus(), Focus::Dossier);
    assert_eq!(state.dossier_depth(), 2);
    // Esc: the meeting, then Niger's dossier, then the countries pane.
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.reader().doc, Some(meeting));
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.focus(), Focus::Dossier);
    assert_eq!(state.dossier_depth(), 1);
    assert_eq!(
        subject(&state),
        Subject::Country(CountryCode::new("NE").unwrap())
    );
    key(&mut state, KeyCode::Esc);
    assert_eq!(state.focus(), Focus::Countries);
}

#[test]
fn nothing_from_a_file_reaches_the_screen_raw_in_a_dossier_or_its_chooser() {
    let dir = hostile_dir();
    let mut state = loaded_from(dir.path(), 100, 30);
    key(&mut state, KeyCode::Char('d'));
    let chooser = screen_rows(&state).join("\n");
    assert!(
        state.dossier_chooser().is_some(),
        "an actor and two countries"
    );
    key(&mut state, KeyCode::Char('1'));
    assert_eq!(state.focus(), Focus::Dossier);
    let dossier = screen_rows(&state).join("\n");
    for screen in [chooser, dossier] {
        assert!(
            !screen.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']),
            "{screen}"
        );
    }
}
