//! The reader: its layout, its body read by an effect, the search in the article (`state/reader.rs`).

use super::*;

#[test]
fn reader_scrolls_within_bounds() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let height = reader_height(&state);
    let max = max_scroll(&state);
    assert!(
        max > 0,
        "the Channel meeting is longer than the pane ({} lines)",
        state.reader().lines.len()
    );
    act(&mut state, Action::MoveDown);
    assert_eq!(state.reader().scroll, 1);
    act(&mut state, Action::MoveUp);
    act(&mut state, Action::MoveUp);
    assert_eq!(state.reader().scroll, 0);
    act(&mut state, Action::PageDown);
    assert_eq!(
        state.reader().scroll,
        (height - 1).min(max),
        "a page keeps one line of context"
    );
    for _ in 0..50 {
        act(&mut state, Action::PageDown);
        assert!(state.reader().scroll <= max);
    }
    assert_eq!(
        state.reader().scroll,
        max,
        "the last page shows the end of the article"
    );
    act(&mut state, Action::MoveDown);
    assert_eq!(state.reader().scroll, max);
    act(&mut state, Action::HalfPageUp);
    assert!(state.reader().scroll < max);
    act(&mut state, Action::First);
    assert_eq!(state.reader().scroll, 0);
    act(&mut state, Action::Last);
    assert_eq!(state.reader().scroll, max);
    // Paging the reader does not move the list.
    assert_eq!(hit_ids(&state), [CHANNEL]);
    assert_eq!(state.cursor(), 0);
}

#[test]
fn find_in_article_counts_matches_and_n_wraps() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::FindInArticle);
    assert!(state.reader().find.is_some());
    assert_eq!(state.scopes()[0], Scope::ArticleFind);
    for c in "naufrage".chars() {
        let up = act(&mut state, Action::Insert(c));
        assert!(
            up.effects.is_empty(),
            "searching the article does not search the corpus"
        );
    }
    assert_eq!(state.reader().find_term, "naufrage");
    let n = state.reader().matches.len();
    assert!(
        n >= 2,
        "the Channel meeting says naufrage several times: {n}"
    );
    assert_eq!(state.reader().current, Some(0));
    for (line, range) in &state.reader().matches {
        let text: String = state.reader().lines[*line]
            .text
            .chars()
            .skip(range.start)
            .take(range.len())
            .collect();
        assert_eq!(text.to_lowercase(), "naufrage");
    }
    // Enter keeps the matches and goes back to reading, where n/N apply.
    act(&mut state, Action::Submit);
    assert!(state.reader().find.is_none());
    assert_eq!(state.reader().matches.len(), n);
    assert_eq!(state.scopes()[0], Scope::Reader);
    for i in 1..n {
        act(&mut state, Action::NextMatch);
        assert_eq!(state.reader().current, Some(i));
        let (line, _) = state.reader().matches[i];
        let h = reader_height(&state);
        assert!(
            state.reader().scroll <= line && line < state.reader().scroll + h,
            "match {i} on line {line} is visible from {}",
            state.reader().scroll
        );
    }
    act(&mut state, Action::NextMatch);
    assert_eq!(
        state.reader().current,
        Some(0),
        "n wraps to the first match"
    );
    act(&mut state, Action::PrevMatch);
    assert_eq!(
        state.reader().current,
        Some(n - 1),
        "N wraps to the last match"
    );
    act(&mut state, Action::PrevMatch);
    assert_eq!(state.reader().current, Some(n - 2));
    // `/` again starts from the last term; Esc drops the search and its marks.
    act(&mut state, Action::FindInArticle);
    assert_eq!(state.reader().find.as_ref().unwrap().text, "naufrage");
    act(&mut state, Action::Back);
    assert!(state.reader().find.is_none());
    assert!(state.reader().find_term.is_empty());
    assert!(state.reader().matches.is_empty());
    assert_eq!(state.reader().current, None);
    assert_eq!(state.focus(), Focus::Reader);
}

#[test]
fn find_in_article_without_a_match_says_so() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::NextMatch);
    assert!(
        state.message().unwrap_or("").contains("press Ctrl-F"),
        "{:?}",
        state.message()
    );
    act(&mut state, Action::FindInArticle);
    type_text(&mut state, "zzqx");
    assert!(state.reader().matches.is_empty());
    assert_eq!(state.reader().current, None);
    act(&mut state, Action::Submit);
    act(&mut state, Action::NextMatch);
    assert!(
        state.message().unwrap_or("").contains("zzqx"),
        "{:?}",
        state.message()
    );
    // Any next action clears the message.
    act(&mut state, Action::MoveDown);
    assert_eq!(state.message(), None);
}

#[test]
fn article_find_editing_updates_the_matches() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::FindInArticle);
    type_text(&mut state, "naufragex");
    assert!(state.reader().matches.is_empty());
    act(&mut state, Action::DeleteBack);
    assert_eq!(state.reader().find_term, "naufrage");
    assert!(!state.reader().matches.is_empty());
    assert!(state.reader().current.is_some());
    act(&mut state, Action::ClearLine);
    assert!(state.reader().find_term.is_empty());
    assert!(state.reader().matches.is_empty());
}

#[test]
fn the_reader_width_setting_caps_the_text_width() {
    let state = loaded(170, 40);
    let wide = state
        .reader()
        .lines
        .iter()
        .map(|l| l.text.chars().count())
        .max();
    let mut state = loaded_set(
        170,
        40,
        Settings {
            reader_width: Some(40),
            ..Settings::default()
        },
    );
    send(&mut state, Msg::Resize(170, 40));
    let narrow = state
        .reader()
        .lines
        .iter()
        .map(|l| l.text.chars().count())
        .max();
    assert!(narrow <= Some(40) && wide > Some(40), "{narrow:?} {wide:?}");
}

#[test]
fn another_briefing_in_the_reader_drops_the_article_search_and_its_counter() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::FindInArticle);
    type_text(&mut state, "zzzz");
    act(&mut state, Action::Submit);
    assert_eq!(state.reader().find_term, "zzzz");
    let screen = screen_rows(&state).join("\n");
    assert!(screen.contains("0/0"), "{screen}");
    act(&mut state, Action::Back);
    act(&mut state, Action::Back);
    act(&mut state, Action::FocusSearch);
    act(&mut state, Action::ClearLine);
    act(&mut state, Action::Submit);
    act(&mut state, Action::Open);
    act(&mut state, Action::NextBriefing);
    assert!(state.reader().find_term.is_empty() && state.reader().current.is_none());
    let screen = screen_rows(&state).join("\n");
    assert!(!screen.contains("0/0"), "{screen}");
}

#[test]
fn the_reader_opens_on_the_text() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut state = loaded(w, h);
        open_channel(&mut state);
        let rows = screen_rows(&state);
        let screen = rows.join("\n");
        let corpus = state.corpus().unwrap();
        let b = corpus.get(CHANNEL).unwrap();
        let body: String = b.paragraphs()[0].chars().take(25).collect();
        assert!(
            screen.contains(&body),
            "{w}x{h}: the body's start\n{screen}"
        );
        assert!(screen.contains(CHANNEL), "{w}x{h}: the id\n{screen}");
        assert!(screen.contains("2021-11-28"), "{w}x{h}: the date\n{screen}");
        assert!(screen.contains("Actors: "), "{w}x{h}: the actors\n{screen}");
    }
}

#[test]
fn a_url_in_the_text_gets_a_line_of_its_own_whole_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let url = "https://example.org/a/very/long/path/that/would/be/cut/by/a/narrow/pane?with=query&and=more";
    std::fs::write(
        dir.path().join("u.yaml"),
        format!("id: u\ntitle: Lien\ndate: 2022-05-04\ncountries: [FR]\nsource: {{ url: \"{url}\" }}\nbody: |\n  Voir {url}. Et la suite du texte.\n"),
    )
    .unwrap();
    let mut state = loaded_from(dir.path(), 80, 24);
    act(&mut state, Action::Open);
    let links: Vec<_> = state
        .reader()
        .lines
        .iter()
        .filter(|l| l.link.is_some())
        .collect();
    assert_eq!(links.len(), 2, "{:?}", state.reader().lines);
    for l in links {
        assert_eq!(l.text, url);
        assert_eq!(l.link.as_deref(), Some(url));
    }
    assert!(
        state
            .reader()
            .lines
            .iter()
            .any(|l| l.text.starts_with(". Et la suite"))
    );
}

#[test]
fn the_full_list_of_actors_is_one_key_away() {
    let mut state = loaded(80, 24);
    open_channel(&mut state);
    let at = state.reader().actors_at.expect("an actors section");
    act(&mut state, Action::ShowActors);
    assert!(state.reader().scroll > 0 && state.reader().scroll <= at);
    act(&mut state, Action::ShowActors);
    assert_eq!(state.reader().scroll, 0);
}

/// The reader's body is read off `update`: asked as an effect, laid out when
/// it comes; a resize lays out again without reading it again.
#[test]
fn the_body_is_read_by_an_effect_and_kept_for_a_resize() {
    let mut state = loaded(170, 40);
    let doc = state.reader().doc.expect("the reader shows the selection");
    let paragraphs = brief::tui::body::load_body(state.corpus().expect("loaded"), doc);
    assert!(!paragraphs.is_empty());
    let has_body = |s: &State| {
        s.reader()
            .lines
            .iter()
            .any(|l| l.kind == brief::tui::state::LineKind::Body)
    };
    assert!(has_body(&state));
    let up = update(&mut state, Msg::Resize(180, 40));
    assert!(
        !up.effects
            .iter()
            .any(|e| matches!(e, Effect::ReadBody { .. })),
        "a resize reads nothing: {:?}",
        up.effects
    );
    assert!(has_body(&state));
}

/// An answer for a briefing no longer shown is dropped; the one asked for
/// last is laid out.
#[test]
fn a_stale_body_is_dropped() {
    let mut state = loaded(170, 40);
    let read_of = |up: brief::tui::state::Update| {
        up.effects
            .into_iter()
            .find_map(|e| match e {
                Effect::ReadBody { read, doc } => Some((read, doc)),
                _ => None,
            })
            .expect("another briefing's body is asked for")
    };
    let first = read_of(update(&mut state, Msg::Action(Action::MoveDown)));
    let second = read_of(update(&mut state, Msg::Action(Action::MoveDown)));
    assert_ne!(first, second);
    let body = |(read, doc): (u64, usize), text: &str| Msg::Body {
        read,
        doc,
        paragraphs: vec![text.to_string()],
    };
    let up = update(&mut state, body(first, "stale text"));
    assert!(!up.redraw);
    assert!(!state.reader().lines.iter().any(|l| l.text == "stale text"));
    let up = update(&mut state, body(second, "fresh text"));
    assert!(up.redraw);
    assert!(state.reader().lines.iter().any(|l| l.text == "fresh text"));
}
