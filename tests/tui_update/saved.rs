//! Saved searches and named sets (`state/saved.rs`): saved from a prompt,
//! listed with what is new, restored, renamed, deleted.

use super::*;
use brief::tui::state::{Counted, SavedKind};

const KEY: &str = "test-folder";

/// Carries out the list requests in `effects` as the loop's worker does:
/// the state file (none here) with this session's changes replayed,
/// counted, and answered.
fn answer_lists(state: &mut State, effects: &[Effect]) -> Vec<Change> {
    let mut changes = Vec::new();
    for e in effects {
        if let Effect::ListSaved { ask, own } = e {
            let mut entries = brief::tui::saved::read(None, KEY, own);
            let corpus = state.corpus().cloned().unwrap();
            for entry in &mut entries {
                brief::tui::saved::count(&corpus, entry, 1_000);
            }
            let up = send(state, Msg::SavedListed { ask: *ask, entries });
            changes.extend(remembered_all(&up.effects));
            changes.extend(answer_lists(state, &up.effects));
        }
    }
    changes
}

fn remembered_all(effects: &[Effect]) -> Vec<Change> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Remember(c) => Some(c.clone()),
            _ => None,
        })
        .collect()
}

/// An action, with the lists it asks for answered.
fn act_listed(state: &mut State, action: Action) -> Vec<Change> {
    let up = act(state, action);
    let mut changes = remembered_all(&up.effects);
    changes.extend(answer_lists(state, &up.effects));
    changes
}

fn type_name(state: &mut State, name: &str) {
    for c in name.chars() {
        act(state, Action::Insert(c));
    }
}

/// Saves the current search as `name`; the changes it made.
fn save_as(state: &mut State, name: &str) -> Vec<Change> {
    act(state, Action::SaveSearch);
    assert!(state.prompt().is_some(), "{:?}", state.message());
    assert_eq!(state.scopes(), vec![Scope::Prompt]);
    type_name(state, name);
    act_listed(state, Action::Submit)
}

fn search(state: &mut State, text: &str) {
    act(state, Action::FocusSearch);
    act(state, Action::ClearLine);
    type_text(state, text);
    act(state, Action::Submit);
}

#[test]
fn s_saves_the_search_and_what_it_finds_now_is_not_new() {
    let mut state = loaded(120, 40);
    let up = act(&mut state, Action::SaveSearch);
    assert!(state.prompt().is_none(), "nothing to save without a search");
    assert!(up.effects.is_empty());
    search(&mut state, "tunisie");
    let changes = save_as(&mut state, "Tunisie");
    assert!(state.prompt().is_none());
    assert_eq!(
        changes[0],
        Change::SaveSearch {
            name: "Tunisie".into(),
            query: "tunisie".into(),
            countries: vec![],
            actors: vec![],
            periods: vec![],
        }
    );
    // Counted in the background, what was on screen is seen.
    let Some(Change::OpenedSearch { name, seen, .. }) = changes.get(1) else {
        panic!("{changes:?}");
    };
    assert_eq!(name, "Tunisie");
    assert_eq!(seen.len(), state.hits().len());
    assert!(
        state.message().unwrap().contains("L lists"),
        "{:?}",
        state.message()
    );
    // Typed letters are the name's, not commands; Esc cancels.
    act(&mut state, Action::SaveSearch);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &q), Some(Action::Insert('q')));
    act(&mut state, Action::Back);
    assert!(state.prompt().is_none());
    assert!(!state.quit());
}

#[test]
fn the_list_counts_results_and_what_is_new_and_enter_restores() {
    let mut state = loaded(120, 40);
    search(&mut state, "tunisie");
    let found = state.hits().len();
    save_as(&mut state, "Tunisie");
    act(&mut state, Action::ClearFilters);
    // A search saved from elsewhere (the CLI), never opened: all of it is new.
    let mut state2 = loaded(120, 40);
    search(&mut state2, "manche");
    act(&mut state2, Action::SaveSearch);
    type_name(&mut state2, "Manche");
    let up = act(&mut state2, Action::Submit);
    assert!(
        up.effects
            .iter()
            .any(|e| matches!(e, Effect::ListSaved { .. }))
    );
    act_listed(&mut state, Action::SavedSearches);
    assert_eq!(state.overlay(), Overlay::Saved);
    assert_eq!(state.scopes(), vec![Scope::Saved]);
    let e = &state.saved_entries()[0];
    assert_eq!(e.name, "Tunisie");
    let Counted::Found { results, new, .. } = e.counted else {
        panic!("{:?}", e.counted);
    };
    assert_eq!((results, new), (found, 0));
    act(&mut state, Action::Back);
    assert_eq!(state.overlay(), Overlay::None);
    // Enter: the query back, the list closed, the search recorded as opened.
    act_listed(&mut state, Action::SavedSearches);
    let changes = act_listed(&mut state, Action::Open);
    assert_eq!(state.overlay(), Overlay::None);
    assert_eq!(state.search().text, "tunisie");
    assert_eq!(state.hits().len(), found);
    assert!(
        matches!(changes[0], Change::OpenedSearch { .. }),
        "{changes:?}"
    );
    assert_eq!(state.message(), Some("'Tunisie' restored"));
}

#[test]
fn a_saved_search_keeps_its_countries_and_actors() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusNext);
    act(&mut state, Action::FocusNext);
    assert_eq!(state.focus(), Focus::Countries);
    move_facet_cursor_to(&mut state, "Niger (NE)");
    act(&mut state, Action::Toggle);
    act(&mut state, Action::Back);
    let narrowed = state.hits().len();
    assert!(narrowed < 8);
    let changes = save_as(&mut state, "Niger");
    let Change::SaveSearch { countries, .. } = &changes[0] else {
        panic!()
    };
    assert_eq!(countries, &vec!["NE".to_string()]);
    act(&mut state, Action::ClearFilters);
    assert_eq!(state.hits().len(), 8);
    act_listed(&mut state, Action::SavedSearches);
    act_listed(&mut state, Action::Open);
    assert_eq!(state.hits().len(), narrowed);
    assert_eq!(selected_country_codes(&state), vec!["NE".to_string()]);
}

#[test]
fn rename_refuses_a_name_in_use_and_delete_removes() {
    let mut state = loaded(120, 40);
    search(&mut state, "tunisie");
    save_as(&mut state, "Tunisie");
    search(&mut state, "manche");
    save_as(&mut state, "Manche");
    act_listed(&mut state, Action::SavedSearches);
    let names = |s: &State| {
        s.saved_entries()
            .iter()
            .map(|e| e.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&state), vec!["Manche", "Tunisie"]);
    // r on Manche: the prompt holds its name; onto Tunisie is refused.
    act(&mut state, Action::Rename);
    assert_eq!(state.prompt().unwrap().edit.text, "Manche");
    act(&mut state, Action::ClearLine);
    type_name(&mut state, "Tunisie");
    let changes = act_listed(&mut state, Action::Submit);
    assert!(changes.is_empty());
    assert!(state.prompt().is_some(), "still asking");
    assert!(state.message().unwrap().contains("exists already"));
    act(&mut state, Action::ClearLine);
    type_name(&mut state, "La Manche");
    let changes = act_listed(&mut state, Action::Submit);
    assert_eq!(
        changes,
        vec![Change::RenameSearch {
            from: "Manche".into(),
            to: "La Manche".into()
        }]
    );
    assert_eq!(names(&state), vec!["La Manche", "Tunisie"]);
    act(&mut state, Action::Last);
    let changes = act_listed(&mut state, Action::Delete);
    assert_eq!(
        changes,
        vec![Change::DeleteSearch {
            name: "Tunisie".into()
        }]
    );
    assert_eq!(names(&state), vec!["La Manche"]);
    // Read again, with this session's changes replayed: the same.
    act(&mut state, Action::Back);
    act_listed(&mut state, Action::SavedSearches);
    assert_eq!(names(&state), vec!["La Manche"]);
}

#[test]
fn the_marked_saved_as_a_set_come_back_marked() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::Mark);
    act(&mut state, Action::Mark);
    let marked = state.marked().to_vec();
    act_listed(&mut state, Action::SavedSearches);
    act(&mut state, Action::SaveSet);
    type_name(&mut state, "Dossier Niger");
    let changes = act_listed(&mut state, Action::Submit);
    assert_eq!(
        changes,
        vec![Change::SaveSet {
            name: "Dossier Niger".into(),
            ids: marked.clone()
        }]
    );
    let e = &state.saved_entries()[0];
    assert!(matches!(&e.kind, SavedKind::Set(ids) if ids.len() == 2));
    act(&mut state, Action::Back);
    act(&mut state, Action::ClearMarks);
    act_listed(&mut state, Action::SavedSearches);
    act_listed(&mut state, Action::Open);
    let mut back = state.marked().to_vec();
    back.sort();
    let mut want = marked;
    want.sort();
    assert_eq!(back, want);
    assert!(state.message().unwrap().contains("2 marked"));
}

#[test]
fn an_answer_to_an_older_list_is_dropped() {
    let mut state = loaded(120, 40);
    search(&mut state, "tunisie");
    save_as(&mut state, "Tunisie");
    let first = act(&mut state, Action::SavedSearches);
    act(&mut state, Action::Back);
    let second = act(&mut state, Action::SavedSearches);
    let ask_of = |effects: &[Effect]| {
        effects.iter().find_map(|e| match e {
            Effect::ListSaved { ask, .. } => Some(*ask),
            _ => None,
        })
    };
    let (a, b) = (
        ask_of(&first.effects).unwrap(),
        ask_of(&second.effects).unwrap(),
    );
    assert!(b > a);
    send(
        &mut state,
        Msg::SavedListed {
            ask: a,
            entries: Vec::new(),
        },
    );
    assert!(!state.saved_listed(), "a stale answer is not shown");
    answer_lists(&mut state, &second.effects);
    assert_eq!(state.saved_entries().len(), 1);
}

/// A period chosen on the timeline is saved with the search, and restored.
#[test]
fn a_saved_search_keeps_its_dates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates");
    let mut state = loaded_from(&dir, 120, 40);
    let all = state.hits().len();
    act(&mut state, Action::FocusTimeline);
    act(&mut state, Action::PrevPeriod);
    act(&mut state, Action::PrevPeriod);
    act(&mut state, Action::Toggle);
    let restricted = state.hits().len();
    assert!(restricted < all, "{restricted} of {all}");
    let period = state.selection().periods.clone();
    assert_eq!(period.len(), 1);
    let changes = save_as(&mut state, "Two years ago");
    let Change::SaveSearch { periods, .. } = &changes[0] else {
        panic!("{changes:?}")
    };
    assert_eq!(periods, &vec![period[0].to_string()]);
    act(&mut state, Action::ClearFilters);
    assert_eq!(state.hits().len(), all);
    act_listed(&mut state, Action::SavedSearches);
    act_listed(&mut state, Action::Open);
    assert_eq!(state.selection().periods, period);
    assert_eq!(state.hits().len(), restricted);
}
