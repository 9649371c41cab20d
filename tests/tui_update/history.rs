//! The search line's history (`state/history.rs`).

use super::*;

#[test]
fn up_and_down_in_the_search_line_walk_the_history() {
    let mut state = loaded(120, 40);
    for q in ["niger", "frontex"] {
        act(&mut state, Action::FocusSearch);
        act(&mut state, Action::ClearLine);
        type_text(&mut state, q);
        let up = act(&mut state, Action::Submit);
        assert_eq!(remembered(&up), Some(Change::Searched { query: q.into() }));
    }
    assert_eq!(state.history(), vec!["niger", "frontex"]);
    act(&mut state, Action::FocusSearch);
    act(&mut state, Action::ClearLine);
    type_text(&mut state, "draf");
    act(&mut state, Action::HistoryPrev);
    assert_eq!(state.search().text, "frontex");
    act(&mut state, Action::HistoryPrev);
    assert_eq!(state.search().text, "niger");
    act(&mut state, Action::HistoryPrev);
    assert_eq!(state.search().text, "niger", "the oldest stays");
    act(&mut state, Action::HistoryNext);
    assert_eq!(state.search().text, "frontex");
    // The results follow the recalled query.
    assert_eq!(state.query_error(), None);
    assert!(state.hits().len() < 8);
    act(&mut state, Action::HistoryNext);
    assert_eq!(
        state.search().text,
        "draf",
        "past the newest: the line as typed"
    );
    assert_eq!(state.focus(), Focus::Search);
    act(&mut state, Action::HistoryNext);
    assert_eq!(
        state.focus(),
        Focus::List,
        "Down with nothing recalled: the results"
    );
}
