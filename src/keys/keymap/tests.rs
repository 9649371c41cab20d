//! The keymap on its own: dispatch, overrides, parsing.
use super::*;
use brief_core::config::KeyOverride;
use std::path::Path;

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn input_scopes_take_letters_before_global_keys() {
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        dispatch(&[Scope::Search, Scope::Global], &q),
        Some(Action::Insert('q'))
    );
    assert_eq!(
        dispatch(&[Scope::List, Scope::Global], &q),
        Some(Action::Quit)
    );
}

#[test]
fn ctrl_u_clears_the_search_line_but_pages_elsewhere() {
    let cu = key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(
        dispatch(&[Scope::Search, Scope::Global], &cu),
        Some(Action::ClearLine)
    );
    assert_eq!(
        dispatch(&[Scope::List, Scope::Global], &cu),
        Some(Action::HalfPageUp)
    );
}

#[test]
fn ctrl_c_quits_from_anywhere_but_overlays_swallow_the_rest() {
    let cc = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        dispatch(&[Scope::Search, Scope::Global], &cc),
        Some(Action::Quit)
    );
    let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(dispatch(&[Scope::Help, Scope::Global], &x), None);
    assert_eq!(
        dispatch(&[Scope::Help, Scope::Global], &cc),
        Some(Action::Quit)
    );
}

#[test]
fn shifted_letters_and_backtab_match() {
    let n = key(KeyCode::Char('N'), KeyModifiers::SHIFT);
    assert_eq!(
        dispatch(&[Scope::Reader, Scope::Global], &n),
        Some(Action::PrevMatch)
    );
    let bt = key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        dispatch(&[Scope::List, Scope::Global], &bt),
        Some(Action::FocusPrev)
    );
}

#[test]
fn every_action_in_a_scope_has_distinct_keys() {
    let map = Keymap::default();
    for a in map.bindings() {
        for b in map.bindings() {
            if std::ptr::eq(a, b) || a.scope != b.scope {
                continue;
            }
            for ka in &a.keys {
                assert!(
                    !b.keys.contains(ka),
                    "{:?} bound twice in {:?}",
                    ka,
                    a.scope
                );
            }
        }
    }
}

fn overrides(pairs: &[(&str, &[&str], usize)]) -> Vec<KeyOverride> {
    pairs
        .iter()
        .map(|(action, keys, line)| KeyOverride {
            action: action.to_string(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            line: Some(*line),
        })
        .collect()
}

fn plain(c: char) -> KeyEvent {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

const LIST: &[Scope] = &[Scope::List, Scope::Global];

#[test]
fn an_override_replaces_the_default_keys_and_takes_its_key_from_others() {
    let (map, problems) = Keymap::with_overrides(
        &overrides(&[("toggle_bookmark", &["j"], 3)]),
        Path::new("config.yaml"),
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        map.dispatch(LIST, &plain('j')),
        Some(Action::ToggleBookmark)
    );
    assert_eq!(
        map.dispatch(LIST, &plain('b')),
        None,
        "b is no longer bound"
    );
    // In the list j bookmarks and the arrow moves; where bookmarking is
    // not bound (the help), j still moves; in the facet panes it is typed.
    let down = key(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(map.dispatch(LIST, &down), Some(Action::MoveDown));
    assert_eq!(
        map.dispatch(&[Scope::Help], &plain('j')),
        Some(Action::MoveDown)
    );
    let facets = [Scope::Facets, Scope::Global];
    assert_eq!(
        map.dispatch(&facets, &plain('j')),
        Some(Action::Insert('j'))
    );
    assert_eq!(map.dispatch(&facets, &down), Some(Action::MoveDown));
    let help = map.help_sections();
    let list = &help.iter().find(|(s, _)| *s == Scope::List).unwrap().1;
    assert!(list.contains(&("j".to_string(), "bookmark or unbookmark")));
    assert!(!list.iter().any(|(k, _)| k.contains('b')), "{list:?}");
}

#[test]
fn overrides_leave_typing_and_ctrl_c_alone() {
    let (map, _) = Keymap::with_overrides(
        &overrides(&[("quit", &["Q", "Ctrl-q"], 2)]),
        Path::new("config.yaml"),
    );
    let search = [Scope::Search, Scope::Global];
    assert_eq!(
        map.dispatch(&search, &plain('Q')),
        Some(Action::Insert('Q'))
    );
    assert_eq!(map.dispatch(LIST, &plain('Q')), Some(Action::Quit));
    assert_eq!(map.dispatch(LIST, &plain('q')), None);
    let cc = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(map.dispatch(&search, &cc), Some(Action::Quit));
    let cq = key(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(map.dispatch(LIST, &cq), Some(Action::Quit));
}

#[test]
fn bad_actions_and_keys_are_reported_with_their_line_and_the_rest_applies() {
    let (map, problems) = Keymap::with_overrides(
        &overrides(&[
            ("bookmrk", &["m"], 4),
            ("quit", &["Hyper-x"], 5),
            ("help", &["F1", "Alt-h"], 6),
        ]),
        Path::new("config.yaml"),
    );
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 4, "{text:?}");
    assert!(text[0].starts_with("config.yaml:4:"), "{}", text[0]);
    assert!(text[0].contains("'bookmrk'"), "{}", text[0]);
    assert!(text[1].starts_with("config.yaml:5:") && text[1].contains("'Hyper-x'"));
    assert!(text[2].contains("keeping its default keys"), "{}", text[2]);
    assert!(text[3].starts_with("config.yaml:6:") && text[3].contains("'Alt-h'"));
    assert_eq!(map.dispatch(LIST, &plain('q')), Some(Action::Quit));
    let f1 = key(KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(map.dispatch(LIST, &f1), Some(Action::Help));
}

#[test]
fn keys_parse_as_written_in_the_config() {
    let k = |s: &str| Key::parse(s).map(|k| (k.code, k.mods));
    assert_eq!(k("j"), Ok((KeyCode::Char('j'), KeyModifiers::NONE)));
    assert_eq!(k("J"), Ok((KeyCode::Char('J'), KeyModifiers::NONE)));
    assert_eq!(k("Ctrl-D"), Ok((KeyCode::Char('d'), KeyModifiers::CONTROL)));
    assert_eq!(k("C-n"), Ok((KeyCode::Char('n'), KeyModifiers::CONTROL)));
    assert_eq!(k("enter"), Ok((KeyCode::Enter, KeyModifiers::NONE)));
    assert_eq!(k("Shift-Tab"), Ok((KeyCode::BackTab, KeyModifiers::NONE)));
    assert_eq!(k("PgDn"), Ok((KeyCode::PageDown, KeyModifiers::NONE)));
    assert_eq!(k("Space"), Ok((KeyCode::Char(' '), KeyModifiers::NONE)));
    assert_eq!(k("F12"), Ok((KeyCode::F(12), KeyModifiers::NONE)));
    assert_eq!(k("-"), Ok((KeyCode::Char('-'), KeyModifiers::NONE)));
    assert!(k("F13").is_err() && k("").is_err() && k("Alt-x").is_err());
    // A key's label parses back to the key.
    for b in Keymap::default().bindings() {
        for key in &b.keys {
            let label = key.label();
            let label = match label.as_str() {
                "↑" => "Up".to_string(),
                "↓" => "Down".to_string(),
                "←" => "Left".to_string(),
                "→" => "Right".to_string(),
                _ => label,
            };
            assert_eq!(Key::parse(&label).as_ref(), Ok(key), "{label}");
        }
    }
}

#[test]
fn every_bound_action_can_be_named_in_the_config_and_is_documented() {
    let editing = [
        Action::Submit,
        Action::DeleteBack,
        Action::DeleteForward,
        Action::ClearLine,
        Action::CursorLeft,
        Action::CursorRight,
        Action::LineStart,
        Action::LineEnd,
    ];
    for b in Keymap::default().bindings() {
        if editing.contains(&b.action) {
            continue; // text editing keeps its keys
        }
        let Some(name) = b.action.name() else {
            panic!("{:?} has no config name", b.action);
        };
        assert!(
            brief_core::config::DEFAULT_FILE.contains(name),
            "{name} is not listed in the default config"
        );
        assert_eq!(Action::from_name(name), Some(b.action));
    }
}

/// Names are derived from the variants; these are the ones config files
/// already use, and they must keep working.
#[test]
fn derived_action_names_are_the_ones_config_files_use() {
    let names = [
        "quit",
        "suspend",
        "help",
        "problems",
        "back",
        "focus_next",
        "focus_prev",
        "focus_search",
        "move_up",
        "move_down",
        "first",
        "last",
        "page_up",
        "page_down",
        "half_page_up",
        "half_page_down",
        "open",
        "toggle",
        "clear_filters",
        "find_in_article",
        "next_match",
        "prev_match",
        "narrow_facet",
        "toggle_read",
        "toggle_bookmark",
        "only_unread",
        "only_bookmarked",
        "switch_sort",
        "history_prev",
        "history_next",
        "copy_markdown",
        "copy_url",
        "next_briefing",
        "prev_briefing",
        "next_related",
        "prev_related",
        "show_actors",
        "edit",
        "toggle_timeline",
        "focus_timeline",
        "prev_period",
        "next_period",
        "collapse_year",
        "open_dossier",
        "mark",
        "mark_all",
        "clear_marks",
        "save_search",
        "saved_searches",
        "report",
        "rename",
        "delete",
        "save_set",
    ];
    let derived: Vec<&str> = Action::named().map(|(n, _)| n).collect();
    assert_eq!(derived, names);
    for name in names {
        let action = Action::from_name(name).expect("a known name");
        assert_eq!(action.name(), Some(name));
    }
    assert_eq!(
        Action::from_name("Toggle-Bookmark"),
        Some(Action::ToggleBookmark)
    );
    // Text editing keeps its keys: no name for it.
    assert_eq!(Action::from_name("insert"), None);
    assert_eq!(Action::from_name("submit"), None);
    assert_eq!(Action::Insert('x').name(), None);
}

/// A rebound help or quit key closes the overlays too, in place of the old one.
#[test]
fn overlays_close_with_the_rebound_keys() {
    let (map, _) = Keymap::with_overrides(
        &overrides(&[("quit", &["Q"], 2), ("help", &["F1"], 3)]),
        Path::new("config.yaml"),
    );
    let help = [Scope::Help, Scope::Global];
    let f1 = key(KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(map.dispatch(&help, &plain('Q')), Some(Action::Back));
    assert_eq!(map.dispatch(&help, &f1), Some(Action::Back));
    assert_eq!(map.dispatch(&help, &plain('q')), None);
    assert_eq!(map.dispatch(&help, &plain('?')), None);
    let problems = [Scope::Problems, Scope::Global];
    assert_eq!(map.dispatch(&problems, &plain('Q')), Some(Action::Back));
    assert_eq!(map.dispatch(&problems, &plain('p')), Some(Action::Back));
}

/// Every binding's help is written in both languages, and the French help
/// and headings show no English help text.
#[test]
fn every_help_text_is_in_both_languages() {
    let map = Keymap::default();
    for b in map.bindings() {
        assert!(
            !b.help.is_empty() && !b.help_fr.is_empty(),
            "{:?}",
            b.action
        );
    }
    let french = Keymap {
        lang: brief_core::Lang::Fr,
        ..Keymap::default()
    };
    let lines: Vec<String> = french.help_lines(100).into_iter().map(|l| l.text).collect();
    for english in [
        "close the help",
        "next pane",
        "open in the reader",
        "Search line",
    ] {
        assert!(
            lines.iter().all(|l| !l.contains(english)),
            "'{english}' in the French help"
        );
    }
    let hints = french.hints(&[Scope::List, Scope::Global]);
    assert!(
        hints.iter().any(|(_, h, _)| *h == "ouvrir en lecture"),
        "{hints:?}"
    );
}

#[test]
fn the_facet_notes_name_the_keys_in_force() {
    let map = Keymap::default();
    assert_eq!(map.select_unless_filtering().as_deref(), Some("Space"));
    assert!(
        map.title(Scope::FacetNarrow)
            .ends_with("(Space types a space)")
    );
    // Space no longer selects: the note does not say it does, and it still
    // types a space in a filter.
    let (map, _) = Keymap::with_overrides(
        &overrides(&[("toggle", &["Enter"], 2)]),
        Path::new("config.yaml"),
    );
    assert_eq!(map.select_unless_filtering(), None);
    let note = map.help_lines(2000);
    assert!(!note.iter().any(|l| l.text.contains("selects too")));
    assert!(
        map.title(Scope::FacetNarrow)
            .ends_with("(Space types a space)")
    );
    // Every scope has a heading of its own.
    let all = [
        Scope::Always,
        Scope::Global,
        Scope::Search,
        Scope::List,
        Scope::Facets,
        Scope::Reader,
        Scope::ArticleFind,
        Scope::FacetNarrow,
        Scope::Help,
        Scope::HelpFind,
        Scope::Problems,
        Scope::Dossier,
        Scope::DossierChoice,
    ];
    let titles: std::collections::HashSet<String> = all.iter().map(|&s| map.title(s)).collect();
    assert_eq!(titles.len(), all.len());
}
