//! `y` and `Y` (`state/copy.rs`).

use super::*;

/// A folder with one briefing whose source has a URL.
const WITH_URL: &str = "id: with-url\ntitle: \"Une réunion avec une source\"\ndate: 2022-05-04\ncountries: [FR]\nsource: { publisher: \"Éditeur\", url: \"https://example.org/reunion?id=1\" }\nbody: |\n  Texte.\n";

#[test]
fn y_copies_the_selected_briefing_as_markdown() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let up = act(&mut state, Action::CopyMarkdown);
    let corpus = corpus();
    let b = corpus.get(CHANNEL).unwrap();
    let md = brief_core::markdown::briefing(&corpus, b, state.lang());
    assert_eq!(up.effects, vec![Effect::Copy { text: md.clone() }]);
    let message = state.message().unwrap_or_default();
    assert!(
        message.starts_with("copied 'Les enjeux migratoires")
            && message.contains(&format!(
                "as Markdown to the clipboard ({} bytes, OSC 52)",
                brief::tui::clipboard::thousands(md.len())
            )),
        "{message}"
    );
    // From the list too, for the row under the cursor.
    act(&mut state, Action::Back);
    assert_eq!(state.focus(), Focus::List);
    let up = act(&mut state, Action::CopyMarkdown);
    assert_eq!(up.effects, vec![Effect::Copy { text: md }]);
    // Any key then clears the confirmation.
    act(&mut state, Action::MoveDown);
    assert_eq!(state.message(), None);
}

#[test]
fn y_and_shift_y_are_bound_in_the_list_and_the_reader() {
    let y = KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE);
    let shift_y = KeyEvent::new(KeyCode::Char('Y'), KeyModifiers::SHIFT);
    for scope in [Scope::List, Scope::Reader] {
        assert_eq!(
            dispatch(&[scope, Scope::Global], &y),
            Some(Action::CopyMarkdown)
        );
        assert_eq!(
            dispatch(&[scope, Scope::Global], &shift_y),
            Some(Action::CopyUrl)
        );
    }
    // Typed as text in the search line.
    assert_eq!(
        dispatch(&[Scope::Search, Scope::Global], &y),
        Some(Action::Insert('y'))
    );
    let help: Vec<String> = brief::keys::keymap::Keymap::default()
        .help_lines(100)
        .into_iter()
        .map(|l| l.text)
        .collect();
    let help = help.join("\n");
    assert!(help.contains("copy the briefing as Markdown"), "{help}");
}

#[test]
fn shift_y_without_a_source_url_says_so_and_copies_nothing() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let up = act(&mut state, Action::CopyUrl);
    assert!(up.effects.is_empty(), "{:?}", up.effects);
    assert_eq!(state.message(), Some("this briefing has no source URL"));
}

#[test]
fn shift_y_copies_the_source_url_and_the_reader_links_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("with-url.yaml"), WITH_URL).unwrap();
    let mut state = loaded_from(dir.path(), 170, 40);
    let up = act(&mut state, Action::CopyUrl);
    assert_eq!(
        up.effects,
        vec![Effect::Copy {
            text: "https://example.org/reunion?id=1".into()
        }]
    );
    let message = state.message().unwrap_or_default();
    assert!(
        message.contains("https://example.org/reunion?id=1"),
        "{message}"
    );
    let linked: Vec<_> = state
        .reader()
        .lines
        .iter()
        .filter(|l| l.link.is_some())
        .collect();
    assert_eq!(linked.len(), 1, "{:?}", state.reader().lines);
    assert!(linked[0].text.starts_with("URL"));
    assert_eq!(
        linked[0].link.as_deref(),
        Some("https://example.org/reunion?id=1")
    );
}

#[test]
fn a_hostile_source_url_is_neither_linked_nor_copied() {
    let dir = hostile_dir();
    let mut state = loaded_from(dir.path(), 170, 40);
    assert!(state.reader().lines.iter().all(|l| l.link.is_none()));
    let up = act(&mut state, Action::CopyUrl);
    assert!(up.effects.is_empty(), "{:?}", up.effects);
    assert!(
        state
            .message()
            .is_some_and(|m| m.contains("control characters")),
        "{:?}",
        state.message()
    );
    // The Markdown goes, its control characters made visible.
    let up = act(&mut state, Action::CopyMarkdown);
    let [Effect::Copy { text }] = up.effects.as_slice() else {
        panic!("{:?}", up.effects)
    };
    assert!(
        !text
            .chars()
            .any(|c| c != '\n' && brief_core::text::is_dangerous(c)),
        "{text:?}"
    );
}

#[test]
fn nothing_to_copy_before_loading() {
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        ..Settings::default()
    });
    for a in [Action::CopyMarkdown, Action::CopyUrl] {
        let up = update(&mut state, Msg::Action(a));
        assert!(up.effects.is_empty());
        assert_eq!(
            state.message(),
            Some("no briefing selected: nothing copied")
        );
    }
}
