//! Loading, and what the command line or the last session asks for first (`state/launch.rs`).

use super::*;

#[test]
fn loading_shows_every_briefing_with_the_list_focused() {
    let state = loaded(170, 40);
    assert_eq!(state.loading(), None);
    assert_eq!(state.hits().len(), 8);
    assert_eq!(state.focus(), Focus::List);
    assert_eq!(state.cursor(), 0);
    assert_eq!(state.shown(), state.generation());
    assert!(state.query_error().is_none());
    assert!(!state.actors().items.is_empty());
    assert!(!state.countries().items.is_empty());
    // Wide screen (from 160 columns): the reader already shows the selected briefing.
    assert_eq!(state.reader().doc, state.selected_doc());
    assert!(!state.reader().lines.is_empty());
}

#[test]
fn before_loading_nothing_is_selected_and_keys_do_not_panic() {
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        ..Settings::default()
    });
    assert!(state.loading().is_some());
    for a in [
        Action::MoveDown,
        Action::Open,
        Action::Toggle,
        Action::FocusNext,
        Action::FindInArticle,
        Action::Insert('x'),
        Action::NextMatch,
        Action::Back,
        Action::FocusSearch,
    ] {
        update(&mut state, Msg::Action(a));
    }
    assert_eq!(state.selected_doc(), None);
    update(&mut state, Msg::Progress(3, 9));
    assert_eq!(state.loading(), Some((3, 9)));
}

#[test]
fn load_failure_is_kept_for_the_status_line() {
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        ..Settings::default()
    });
    let up = update(&mut state, Msg::LoadFailed("no such folder".into()));
    assert!(up.redraw);
    assert_eq!(state.loading(), None);
    assert_eq!(state.load_error(), Some("no such folder"));
}

#[test]
fn launch_options_filter_and_open() {
    let launch = Launch {
        query: Some("migrants".into()),
        countries: vec!["NE".into()],
        actors: vec![],
        open: Some(ITALY.into()),
        ..Launch::default()
    };
    let state = loaded_with(120, 40, launch);
    assert_eq!(state.search().text, "migrants");
    assert_eq!(selected_country_codes(&state), ["NE"]);
    assert!(state.hits().iter().all(|h| {
        corpus().briefings[h.doc]
            .countries
            .iter()
            .any(|c| c.as_str() == "NE")
    }));
    assert_eq!(
        state.selected_doc().map(|d| id_of(&state, d)).as_deref(),
        Some(ITALY)
    );
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.reader().doc, state.selected_doc());
    assert!(state.message().is_none());
}

#[test]
fn launch_with_unknown_values_says_so_and_shows_everything() {
    let launch = Launch {
        query: None,
        countries: vec!["Narnia".into()],
        actors: vec!["Nobody at all".into()],
        open: Some("2021-11-28-nowhere".into()),
        ..Launch::default()
    };
    let state = loaded_with(120, 40, launch);
    let msg = state.message().expect("the bad values are reported");
    assert!(msg.contains("Narnia"), "{msg}");
    assert!(msg.contains("no briefing '2021-11-28-nowhere'"), "{msg}");
    assert!(state.selection().countries.is_empty());
    assert_eq!(state.hits().len(), 8);
    assert_eq!(state.focus(), Focus::List);
}

#[test]
fn open_takes_an_id_as_every_command_does() {
    // A unique start of an id opens that briefing, as `brief show` and `brief edit` take it.
    let launch = Launch {
        open: Some("2021-11-28".into()),
        ..Launch::default()
    };
    let state = loaded_with(120, 40, launch);
    assert_eq!(state.message(), None);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.selected_id(), Some(CHANNEL));
    // A start shared by several ids opens none and says which.
    let launch = Launch {
        open: Some("20".into()),
        ..Launch::default()
    };
    let state = loaded_with(120, 40, launch);
    let msg = state.message().expect("the ambiguity is reported");
    assert!(msg.contains("briefings start with '20'"), "{msg}");
    assert!(msg.contains(CHANNEL), "{msg}");
    assert_eq!(state.focus(), Focus::List);
}

#[test]
fn the_last_view_comes_back_selected_but_not_opened() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "migrants");
    act(&mut state, Action::Submit);
    act(&mut state, Action::SwitchSort);
    act(&mut state, Action::MoveDown);
    let id = state.selected_id().unwrap().to_string();
    let last = state.last_view();
    assert_eq!(last.query, "migrants");
    assert_eq!(last.selected.as_deref(), Some(id.as_str()));
    assert_eq!(last.sort, Some(brief_core::model::Sort::Date));

    let mut again = loaded_with(120, 40, Launch::from_last(&last));
    assert_eq!(again.search().text, "migrants");
    assert_eq!(again.sort(), brief_core::model::Sort::Date);
    assert_eq!(again.selected_id(), Some(id.as_str()));
    assert_eq!(again.focus(), Focus::List);
    assert_eq!(again.message(), None);
    assert_eq!(hit_ids(&again), hit_ids(&state));
    act(&mut again, Action::Open);
    assert_eq!(again.focus(), Focus::Reader);
}

#[test]
fn a_last_view_naming_what_is_gone_restores_the_rest_quietly() {
    let last = brief_core::remembered::LastView {
        query: String::new(),
        countries: vec!["NE".into(), "Atlantis".into()],
        actors: vec!["Nobody at all".into()],
        selected: Some("deleted-since".into()),
        sort: None,
        only: None,
    };
    let state = loaded_with(120, 40, Launch::from_last(&last));
    assert_eq!(state.message(), None);
    assert_eq!(state.selection().countries.len(), 1);
    assert!(state.selection().actors.is_empty());
    assert_eq!(state.cursor(), 0);
}
