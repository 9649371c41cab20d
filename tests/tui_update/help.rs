//! The `?` help and the problems view (`state/help.rs`).

use super::*;

#[test]
fn help_opens_scrolls_and_closes() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusNext);
    let focus = state.focus();
    act(&mut state, Action::Help);
    assert_eq!(state.overlay(), Overlay::Help { scroll: 0 });
    assert_eq!(state.scopes(), [Scope::Help]);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveUp);
    assert_eq!(state.overlay(), Overlay::Help { scroll: 1 });
    // Keys meant for the panes do nothing under the help.
    let up = act(&mut state, Action::ClearFilters);
    assert!(up.effects.is_empty());
    act(&mut state, Action::Back);
    assert_eq!(state.overlay(), Overlay::None);
    assert_eq!(
        state.focus(),
        focus,
        "closing the help goes back where we were"
    );
}

#[test]
fn problems_view_opens_and_closes() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::Problems);
    assert_eq!(state.overlay(), Overlay::Problems { scroll: 0 });
    // The fixture briefings have no problems: nothing to scroll to.
    act(&mut state, Action::MoveDown);
    assert_eq!(state.overlay(), Overlay::Problems { scroll: 0 });
    act(&mut state, Action::Back);
    assert_eq!(state.overlay(), Overlay::None);
}

/// The help view clamps its scroll when drawing, but `update` keeps counting:
/// after many `j`, as many `k` are needed before the help moves back up.
#[test]
fn help_scroll_is_bounded() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::Help);
    for _ in 0..200 {
        act(&mut state, Action::MoveDown);
    }
    let Overlay::Help { scroll } = state.overlay() else {
        unreachable!()
    };
    assert!(
        scroll < 200,
        "help scroll grew to {scroll}, past the end of the help"
    );
}

/// `update` bounds the help's scroll by the lines the view draws at the
/// current size: scrolling to the end shows the last line.
#[test]
fn the_help_length_the_state_uses_is_the_drawn_one() {
    let mut state = loaded(80, 24);
    act(&mut state, Action::Help);
    act(&mut state, Action::Last);
    let Overlay::Help { scroll } = state.overlay() else {
        panic!("the help is open")
    };
    let lines = state.help_lines();
    let inner = usize::from(brief::tui::state::overlay_area(state.size()).height - 2);
    assert_eq!(
        scroll + inner,
        lines.len(),
        "the last line is the bottom one"
    );
}

/// The help scrolls like a pane (PgDn, Space, PgUp, g, G) and is searched
/// with `/`, jumping to the lines that match, then n and N.
#[test]
fn the_help_pages_and_searches() {
    let mut state = loaded(80, 24);
    press(&mut state, KeyCode::Char('?'), KeyModifiers::NONE);
    let scroll = |s: &State| match s.overlay() {
        Overlay::Help { scroll } => scroll,
        _ => panic!("the help is open"),
    };
    press(&mut state, KeyCode::PageDown, KeyModifiers::NONE);
    let page = scroll(&state);
    assert!(page > 5, "{page}");
    press(&mut state, KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(scroll(&state), 2 * page);
    press(&mut state, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(scroll(&state), page);
    press(&mut state, KeyCode::Char('G'), KeyModifiers::NONE);
    let last = scroll(&state);
    assert!(last > page);
    press(&mut state, KeyCode::Char('g'), KeyModifiers::NONE);
    assert_eq!(scroll(&state), 0);
    // Search: the first line holding the word comes to the top.
    press(&mut state, KeyCode::Char('/'), KeyModifiers::NONE);
    assert_eq!(state.scopes()[0], Scope::HelpFind);
    typed(&mut state, "bookmark");
    let lines = state.help_lines();
    let matches = brief::tui::state::help_matches(&lines, "bookmark");
    assert!(matches.len() >= 2, "{matches:?}");
    assert_eq!(scroll(&state), matches[0].min(last));
    press(&mut state, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(state.scopes()[0], Scope::Help);
    press(&mut state, KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(scroll(&state), matches[1].min(last));
    press(&mut state, KeyCode::Char('N'), KeyModifiers::NONE);
    assert_eq!(scroll(&state), matches[0].min(last));
    // Esc closes the help; the search goes with it.
    press(&mut state, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(state.overlay(), Overlay::None);
    assert!(state.help().term.is_empty());
}

/// No help line is wider than the box at any width: long lines wrap.
#[test]
fn help_lines_wrap_and_are_never_cut() {
    let keymap = brief::keys::keymap::Keymap::default();
    for w in [20, 36, 60, 76, 98] {
        let lines = keymap.help_lines(w);
        for l in &lines {
            assert!(
                brief_core::text::width(&l.text) <= w,
                "{w}: {:?} is too wide",
                l.text
            );
        }
        let all: String = lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(all.contains("-exclude."), "{w}: the last note is whole");
    }
}

/// A message never names a key that the line in use would type.
#[test]
fn keys_named_are_keys_that_act_from_where_the_cursor_is() {
    let mut state = loaded(120, 40);
    let keymap = state.keymap().clone();
    act(&mut state, Action::FocusSearch);
    assert_eq!(keymap.key_now(&state.scopes(), Action::ClearFilters), None);
    assert_eq!(
        keymap
            .key_now(&state.scopes(), Action::ClearLine)
            .as_deref(),
        Some("Ctrl-U")
    );
    assert_eq!(
        keymap.key_now(&state.scopes(), Action::Help).as_deref(),
        Some("F1")
    );
    act(&mut state, Action::Back);
    assert_eq!(
        keymap
            .key_now(&state.scopes(), Action::ClearFilters)
            .as_deref(),
        Some("x")
    );
    assert_eq!(
        keymap.key_now(&state.scopes(), Action::Help).as_deref(),
        Some("?")
    );
    to_countries(&mut state);
    assert_eq!(keymap.key_now(&state.scopes(), Action::ClearFilters), None);
    assert_eq!(
        keymap.key_now(&state.scopes(), Action::Back).as_deref(),
        Some("Esc")
    );
}
