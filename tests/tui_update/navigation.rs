//! Moving in the list, opening and backing out (`state/navigation.rs`, `state/layout.rs`).

use super::*;

/// Cells of the title column, measured on screen: from where the titles
/// start to the country codes of a row whose title is cut.
fn title_column(state: &State) -> usize {
    let rows = screen_rows(state);
    let corpus = state.corpus().unwrap();
    let mut widths = Vec::new();
    for (i, hit) in state.hits().iter().enumerate() {
        let b = &corpus.briefings[hit.doc];
        if i == state.cursor() || b.countries.is_empty() {
            continue;
        }
        let head: String = b.title.chars().take(12).collect();
        let Some(row) = rows.iter().find(|r| r.contains(&head)) else {
            continue;
        };
        let chars: Vec<char> = row.chars().collect();
        let text: String = chars.iter().collect();
        let title_at = text.find(&head).map(|byte| text[..byte].chars().count());
        let code = b.countries[0].as_str();
        // The codes column: the last place the first code starts at.
        let codes_at = (0..chars.len().saturating_sub(1)).rev().find(|&x| {
            chars[x..].iter().collect::<String>().starts_with(code) && chars[x - 1] == ' '
        });
        if let (Some(t), Some(c)) = (title_at, codes_at) {
            widths.push(c - 1 - t);
        }
    }
    widths
        .into_iter()
        .min()
        .expect("a row with a title and codes")
}

#[test]
fn list_moves_stay_within_the_results() {
    let mut state = loaded(170, 40);
    assert_eq!(state.focus(), Focus::List);
    let doc0 = state.selected_doc();
    act(&mut state, Action::MoveUp);
    assert_eq!(state.cursor(), 0);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.cursor(), 1);
    assert_ne!(state.selected_doc(), doc0);
    act(&mut state, Action::Last);
    assert_eq!(state.cursor(), 7);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.cursor(), 7);
    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor(), 7);
    act(&mut state, Action::First);
    assert_eq!(state.cursor(), 0);
    assert_eq!(state.selected_doc(), doc0);
    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor(), 7, "all eight fit in a page at 170x40");
    act(&mut state, Action::HalfPageUp);
    assert!(state.cursor() < 7);
    // On a wide screen the reader follows the list.
    assert_eq!(state.reader().doc, state.selected_doc());
}

#[test]
fn a_short_list_scrolls_to_keep_the_cursor_visible() {
    // At 80x10 the list pane has 6 rows inside its borders, for 8 results.
    let mut state = loaded(80, 10);
    let height = usize::from(state.areas().list.unwrap().height - 2);
    assert!(
        height < 8,
        "the list must be shorter than the results: {height}"
    );
    act(&mut state, Action::Last);
    assert_eq!(state.cursor(), 7);
    assert!(state.offset() <= state.cursor() && state.cursor() < state.offset() + height);
    act(&mut state, Action::First);
    assert_eq!(state.offset(), 0);
    // A page is one row less while the selected title takes a second line.
    let page = height - usize::from(state.selected_two_lines());
    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor(), page);
    assert!(state.offset() <= state.cursor() && state.cursor() < state.offset() + height);
}

#[test]
fn open_focuses_the_reader_and_back_returns_to_the_list() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::MoveDown);
    let doc = state.selected_doc();
    act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.reader().doc, doc);
    assert_eq!(state.reader().scroll, 0);
    let title = &state.corpus().as_ref().unwrap().briefings[doc.unwrap()].title;
    assert!(
        title.starts_with(&state.reader().lines[0].text),
        "the reader starts with the title: {:?}",
        state.reader().lines[0]
    );
    act(&mut state, Action::Back);
    assert_eq!(state.focus(), Focus::List);
    assert_eq!(state.selected_doc(), doc);
}

#[test]
fn open_with_no_results_does_nothing() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "zzzqqqxxx");
    assert!(state.hits().is_empty());
    act(&mut state, Action::Submit);
    act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::List);
    assert_eq!(state.selected_doc(), None);
}

#[test]
fn at_80_columns_open_gives_the_reader_the_screen() {
    let mut state = loaded(80, 24);
    assert!(state.areas().reader.is_none());
    act(&mut state, Action::Open);
    let a = state.areas();
    assert!(a.reader.is_some() && a.list.is_none());
    assert_eq!(state.reader().doc, state.selected_doc());
    assert!(!state.reader().lines.is_empty());
}

#[test]
fn quit_and_suspend_are_effects() {
    let mut state = loaded(120, 40);
    let up = update(&mut state, Msg::Action(Action::Suspend));
    assert_eq!(up.effects, [Effect::Suspend]);
    let up = update(&mut state, Msg::Action(Action::Quit));
    assert!(up.effects.contains(&Effect::Quit));
    assert!(state.quit());

    // From the help overlay and the search line too.
    let mut state = loaded(120, 40);
    act(&mut state, Action::Help);
    let up = update(&mut state, Msg::Action(Action::Quit));
    assert!(up.effects.contains(&Effect::Quit));
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    let up = update(&mut state, Msg::Action(Action::Quit));
    assert!(up.effects.contains(&Effect::Quit));
}

#[test]
fn titles_get_at_least_60_columns_at_120x40_and_45_at_80x24() {
    let state = loaded(120, 40);
    let w = title_column(&state);
    assert!(w >= 60, "title column at 120x40: {w}");
    let state = loaded(80, 24);
    let w = title_column(&state);
    assert!(w >= 45, "title column at 80x24: {w}");
}

#[test]
fn titles_that_differ_only_at_the_end_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Réunion du groupe de travail conjoint sur la lutte contre la traite des personnes et le trafic illicite de migrants";
    for (id, end) in [
        ("session-a", "première session"),
        ("session-b", "seconde session"),
    ] {
        std::fs::write(
            dir.path().join(format!("{id}.yaml")),
            format!("id: {id}\ntitle: \"{title}, {end}\"\ndate: 2022-05-04\ncountries: [FR]\nbody: |\n  Texte.\n"),
        )
        .unwrap();
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let state = loaded_from(dir.path(), w, h);
        let rows = screen_rows(&state);
        let screen = rows.join("\n");
        // Each end shows, on the selected row's second line or after a middle cut.
        assert!(
            screen.contains("première session") && screen.contains("seconde session"),
            "{w}x{h}:\n{screen}"
        );
    }
}

#[test]
fn the_selected_title_shows_whole_on_two_lines() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::MoveDown);
    let b = state.selected_briefing().unwrap();
    assert!(state.selected_two_lines(), "a title longer than its column");
    let rows = screen_rows(&state);
    let shown: String = rows
        .iter()
        .map(|r| r.trim_matches(|c: char| c == '┃' || c == '│' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = b.title.split_whitespace().collect();
    let last = words.last().unwrap();
    assert!(
        shown.contains(&format!("{} {last}", words[words.len() - 2])),
        "{shown}"
    );
}
