//! The search line and its results; stale answers dropped (`state/search.rs`, `state/line_edit.rs`).

use super::*;

#[test]
fn typing_manche_finds_the_channel_meeting_and_ctrl_u_clears() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    assert_eq!(state.focus(), Focus::Search);
    for c in "manche".chars() {
        let up = update(&mut state, Msg::Action(Action::Insert(c)));
        assert!(up.redraw);
        assert!(
            matches!(up.effects.as_slice(), [Effect::Search(r)] if r.text == state.search().text && r.generation == state.generation()),
            "every key asks for a search of the whole line: {:?}",
            up.effects
        );
        settle(&mut state, up.effects);
    }
    assert_eq!(state.search().text, "manche");
    assert_eq!(state.search().cursor, 6);
    assert_eq!(hit_ids(&state), [CHANNEL]);
    assert_eq!(state.cursor(), 0);
    assert_eq!(state.highlight(), ["manche"]);
    // The counts follow the results: only the Channel meeting's countries remain.
    let mut codes: Vec<_> = state
        .countries()
        .items
        .iter()
        .map(|i| match i.key {
            FacetKey::Country(c) => c.as_str().to_string(),
            FacetKey::Actor(_) | FacetKey::Period(_) => unreachable!(),
        })
        .collect();
    codes.sort();
    assert_eq!(codes, ["BE", "DE", "FR", "GB", "NL"]);
    assert!(state.countries().items.iter().all(|i| i.count == 1));

    let up = act(&mut state, Action::ClearLine);
    assert!(matches!(up.effects.as_slice(), [Effect::Search(r)] if r.text.is_empty()));
    assert_eq!(state.search().text, "");
    assert_eq!(state.search().cursor, 0);
    assert_eq!(state.hits().len(), 8);
    // Clearing an empty line asks for nothing.
    let up = act(&mut state, Action::ClearLine);
    assert!(up.effects.is_empty());
}

#[test]
fn line_editing_moves_the_cursor_by_characters() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "nigér");
    assert_eq!(state.search().cursor, 5);
    act(&mut state, Action::CursorLeft);
    act(&mut state, Action::DeleteBack); // the é
    assert_eq!(state.search().text, "nigr");
    assert_eq!(state.search().cursor, 3);
    type_text(&mut state, "e");
    assert_eq!(state.search().text, "niger");
    act(&mut state, Action::LineStart);
    act(&mut state, Action::DeleteForward);
    assert_eq!(state.search().text, "iger");
    act(&mut state, Action::LineStart);
    let up = act(&mut state, Action::DeleteBack);
    assert!(up.effects.is_empty(), "nothing to delete: no search");
    act(&mut state, Action::LineEnd);
    let up = act(&mut state, Action::DeleteForward);
    assert!(up.effects.is_empty(), "nothing to delete: no search");
    act(&mut state, Action::CursorRight);
    assert_eq!(state.search().cursor, 4);
}

#[test]
fn a_stale_answer_is_dropped() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    let first = update(&mut state, Msg::Action(Action::Insert('m'))).effects;
    let second = update(&mut state, Msg::Action(Action::Insert('a'))).effects;
    let (Effect::Search(old), Effect::Search(new)) = (&first[0], &second[0]) else {
        panic!("searches expected: {first:?} {second:?}")
    };
    assert!(old.generation < new.generation);
    let before: Vec<_> = state.hits().iter().map(|h| h.doc).collect();
    let shown = state.shown();

    // The answer to "m" arrives after "ma" was asked for: dropped.
    let stale = run_search(&corpus(), old);
    assert!(!stale.hits.is_empty());
    let up = update(&mut state, Msg::Results(Box::new(stale)));
    assert!(!up.redraw);
    assert!(up.effects.is_empty());
    assert_eq!(
        state.hits().iter().map(|h| h.doc).collect::<Vec<_>>(),
        before
    );
    assert_eq!(state.shown(), shown);

    // An empty answer with an old generation changes nothing either.
    let up = update(
        &mut state,
        Msg::Results(Box::new(Results {
            generation: old.generation,
            ..Results::default()
        })),
    );
    assert!(!up.redraw);
    assert_eq!(state.hits().len(), before.len());

    let fresh = run_search(&corpus(), new);
    let up = update(&mut state, Msg::Results(Box::new(fresh)));
    assert!(up.redraw);
    assert_eq!(state.shown(), new.generation);
    assert_eq!(state.highlight(), ["ma"]);
}

/// A filter that matches nothing (an unknown country) shows no result and
/// says why, rather than leaving every briefing on screen.
#[test]
fn a_malformed_query_shows_its_error_and_no_results() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::MoveDown);
    let doc = state.selected_doc();
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "pays:Narnia");
    let err = state.query_error().expect("Narnia is no country");
    assert!(
        err.to_string().contains("Narnia"),
        "the error names the value: {err}"
    );
    assert_eq!(state.hits().len(), 0, "an unknown country matches nothing");
    assert_eq!(state.selected_doc(), None);
    // Fixing the query clears the error, and the briefing selected before comes back.
    act(&mut state, Action::ClearLine);
    assert!(state.query_error().is_none());
    assert_eq!(state.hits().len(), 8);
    assert_eq!(state.selected_doc(), doc);
    type_text(&mut state, "pays:NE");
    assert!(state.query_error().is_none());
    assert_eq!(state.hits().len(), 4);
    // An unknown filter key is an error too; Esc in the list leaves it: it is
    // the reason the list is empty while the bad query stays in the search line.
    type_text(&mut state, " foo:bar");
    assert!(state.query_error().is_some());
    assert_eq!(state.hits().len(), 0);
    act(&mut state, Action::Back);
    assert_eq!(state.focus(), Focus::List);
    act(&mut state, Action::Back);
    assert!(
        state.query_error().is_some(),
        "the reason stays with the bad query"
    );
    assert_eq!(state.hits().len(), 0);
}

#[test]
fn the_status_line_says_searching_until_the_newest_results_arrive() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    let effects = update(&mut state, Msg::Action(Action::Insert('n'))).effects;
    let summary = brief::tui::view::status::summary(&state);
    assert!(summary.contains("searching…"), "{summary}");
    settle(&mut state, effects);
    let summary = brief::tui::view::status::summary(&state);
    assert!(!summary.contains("searching"), "{summary}");
}

#[test]
fn date_order_puts_the_newest_meeting_first_whatever_the_score() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "migrants");
    let by_score: Vec<usize> = state.hits().iter().map(|h| h.doc).collect();
    act(&mut state, Action::Submit);
    act(&mut state, Action::SwitchSort);
    let by_date: Vec<usize> = state.hits().iter().map(|h| h.doc).collect();
    let mut sorted = by_score.clone();
    sorted.sort_unstable();
    assert_eq!(by_date, sorted, "briefings are stored newest first");
    assert_ne!(by_date, by_score, "the query ranks them otherwise");
}

/// A text index that could not be written (a full disk) is said once in the
/// status line, with the results it came with; the next results say nothing.
#[test]
fn a_text_index_notice_is_said_once() {
    let corpus = std::sync::Arc::new(
        brief_core::load::load_dir(
            &tui_support::fixtures::briefings(),
            &Default::default(),
            &|_, _| {},
        )
        .expect("the fixture folder loads"),
    );
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        ..Settings::default()
    });
    let up = update(&mut state, Msg::Loaded(corpus.clone()));
    settle(&mut state, up.effects);
    assert!(state.message().is_none());
    corpus
        .index
        .notices
        .lock()
        .expect("notices")
        .push("the search index could not be used (no space left on device)".into());
    act(&mut state, Action::FocusSearch);
    let up = update(&mut state, Msg::Action(Action::Insert('m')));
    settle(&mut state, up.effects);
    let said = state.message().unwrap_or_default();
    assert!(said.contains("no space left"), "{said:?}");
    // The next key clears the status line (as any action does).
    let up = update(&mut state, Msg::Action(Action::Insert('a')));
    settle(&mut state, up.effects);
    assert!(state.message().is_none(), "{:?}", state.message());
}

/// The folder of issue 23's lookups: Norway and Rwanda, the OIM and the CIDPM.
fn lookups(w: u16, h: u16) -> State {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lookups");
    loaded_from(&dir, w, h)
}

#[test]
fn a_new_query_selects_its_first_result_and_shows_the_top() {
    let mut state = loaded(100, 12);
    acts(&mut state, &[Action::Last]);
    assert!(state.cursor() > 0);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "migrants");
    assert!(!state.hits().is_empty());
    assert_eq!((state.cursor(), state.offset()), (0, 0));
    // A filter changed from a pane does the same.
    act(&mut state, Action::Back);
    acts(&mut state, &[Action::Last]);
    act(&mut state, Action::FocusNext);
    act(&mut state, Action::FocusNext);
    act(&mut state, Action::Toggle);
    assert_eq!((state.cursor(), state.offset()), (0, 0));
    // A sort keeps the briefing selected.
    act(&mut state, Action::ClearFilters);
    acts(&mut state, &[Action::FocusNext, Action::MoveDown]);
    let before = state.selected_id().map(str::to_string);
    act(&mut state, Action::SwitchSort);
    assert_eq!(state.selected_id().map(str::to_string), before);
}

#[test]
fn enter_in_the_search_line_opens_the_first_result_and_ctrl_n_moves_first() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "niger");
    let first = hit_ids(&state)[0].clone();
    act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.selected_id(), Some(first.as_str()));
    // Ctrl-N (the search line's MoveDown) moves the selection, not the focus.
    act(&mut state, Action::FocusSearch);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.focus(), Focus::Search);
    assert_eq!(state.cursor(), 1);
    act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.selected_id(), Some(hit_ids(&state)[1].as_str()));
}

#[test]
fn enter_before_the_results_come_opens_the_first_of_them() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    let up = update(&mut state, Msg::Action(Action::Insert('m')));
    // The results are not in yet when Enter is pressed.
    let pending = up.effects;
    let opened = act(&mut state, Action::Open);
    // Keys typed meanwhile are commands, not more of the query.
    assert_eq!(state.focus(), Focus::List);
    settle(&mut state, pending);
    settle(&mut state, opened.effects);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.cursor(), 0);
}

#[test]
fn a_pane_ranks_names_starting_with_the_typed_text_first() {
    let mut state = lookups(120, 40);
    // The countries pane: `rwa` is Rwanda before Norway ("No-rwa-y").
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus(), Focus::Countries);
    act(&mut state, Action::NarrowFacet);
    type_text(&mut state, "rwa");
    let first = state.countries().items.first().map(|i| i.label.clone());
    assert!(
        first.is_some_and(|l| l.contains("(RW)")),
        "{:?}",
        state.countries().items
    );
    act(&mut state, Action::Toggle);
    assert_eq!(hit_ids(&state), ["burundi-nkurunziza"]);
}

#[test]
fn the_actors_pane_reads_every_name_of_an_actor() {
    let mut state = lookups(120, 40);
    act(&mut state, Action::FocusNext);
    assert_eq!(state.focus(), Focus::Actors);
    for typed in ["iom", "icmpd", "frontex", "nkuru"] {
        act(&mut state, Action::NarrowFacet);
        type_text(&mut state, typed);
        assert!(!state.actors().items.is_empty(), "{typed}");
        act(&mut state, Action::Back);
    }
}

#[test]
fn enter_while_the_folder_loads_opens_the_first_result_once_loaded() {
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        ..Settings::default()
    });
    act(&mut state, Action::FocusSearch);
    for c in "manche".chars() {
        update(&mut state, Msg::Action(Action::Insert(c)));
    }
    act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::List);
    let up = update(&mut state, Msg::Loaded(corpus()));
    settle(&mut state, up.effects);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.selected_id(), Some(CHANNEL));
}
