//! Read marks and bookmarks (`state/marks.rs`).

use super::*;

#[test]
fn b_bookmarks_and_the_bookmarked_filter_keeps_only_those() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::MoveDown);
    let id = state.selected_id().unwrap().to_string();
    let up = act(&mut state, Action::ToggleBookmark);
    let change = remembered(&up).expect("a bookmark is remembered at once");
    assert_eq!(
        change,
        Change::Bookmark {
            id: id.clone(),
            on: true
        }
    );
    assert!(state.is_bookmarked(&id));
    assert!(state.message().unwrap().contains("bookmarked"));
    act(&mut state, Action::OnlyBookmarked);
    assert_eq!(hit_ids(&state), vec![id.clone()]);
    // B again shows everything, from the first result (a filter changed).
    act(&mut state, Action::OnlyBookmarked);
    assert_eq!(state.hits().len(), 8);
    assert_eq!(
        state.selected_id().map(str::to_string),
        hit_ids(&state).first().cloned()
    );
    // b again, on the bookmarked one, removes the bookmark.
    act(&mut state, Action::OnlyBookmarked);
    assert_eq!(state.selected_id(), Some(id.as_str()));
    let up = act(&mut state, Action::ToggleBookmark);
    assert_eq!(
        remembered(&up),
        Some(Change::Bookmark {
            id: id.clone(),
            on: false
        })
    );
    act(&mut state, Action::OnlyBookmarked);
    act(&mut state, Action::OnlyBookmarked);
    assert!(state.hits().is_empty());
    // x clears this filter too.
    act(&mut state, Action::ClearFilters);
    assert_eq!(state.hits().len(), 8);
}

#[test]
fn opening_marks_read_u_toggles_and_the_unread_filter_hides_read_ones() {
    let mut state = loaded(120, 40);
    let id = state.selected_id().unwrap().to_string();
    assert!(!state.is_read(&id), "nothing is read on a first run");
    let up = act(&mut state, Action::Open);
    assert_eq!(
        remembered(&up),
        Some(Change::Read {
            id: id.clone(),
            read: true
        })
    );
    assert!(state.is_read(&id));
    act(&mut state, Action::Back);
    act(&mut state, Action::OnlyUnread);
    assert_eq!(state.hits().len(), 7);
    assert!(!hit_ids(&state).contains(&id));
    act(&mut state, Action::OnlyUnread);
    // u marks it unread again, from the list.
    let at = hit_ids(&state).iter().position(|h| *h == id).unwrap();
    act(&mut state, Action::First);
    for _ in 0..at {
        act(&mut state, Action::MoveDown);
    }
    let up = act(&mut state, Action::ToggleRead);
    assert_eq!(
        remembered(&up),
        Some(Change::Read {
            id: id.clone(),
            read: false
        })
    );
    act(&mut state, Action::OnlyUnread);
    assert_eq!(state.hits().len(), 8);
}
