//! `update` unit tests: actions in, state out, on the fixture briefings. The
//! search worker is replaced by a synchronous call (see `tui_support`).

mod tui_support;

use brief::tui::action::Action;
use brief::tui::keymap::{Scope, dispatch};
use brief::tui::state::{
    Effect, FacetKey, Focus, Launch, Msg, Overlay, Results, Settings, State, update,
};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::fixtures::{CHANNEL, ITALY};
use tui_support::*;

use std::time::{Duration, SystemTime};

fn reader_height(state: &State) -> usize {
    usize::from(
        state
            .areas()
            .reader
            .expect("the reader is on screen")
            .height
            - 2,
    )
}

fn max_scroll(state: &State) -> usize {
    state
        .reader
        .lines
        .len()
        .saturating_sub(reader_height(state))
}

/// Opens the Channel meeting in the reader, through the search line and the list.
fn open_channel(state: &mut State) {
    act(state, Action::FocusSearch);
    type_text(state, "manche");
    act(state, Action::Submit);
    assert_eq!(state.focus, Focus::List);
    act(state, Action::Open);
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(
        state.reader.doc.map(|d| id_of(state, d)).as_deref(),
        Some(CHANNEL)
    );
}

fn selected_country_codes(state: &State) -> Vec<String> {
    state
        .selection
        .countries
        .iter()
        .map(|c| c.as_str().to_string())
        .collect()
}

#[test]
fn loading_shows_every_briefing_with_the_list_focused() {
    let state = loaded(170, 40);
    assert_eq!(state.loading, None);
    assert_eq!(state.hits.len(), 8);
    assert_eq!(state.focus, Focus::List);
    assert_eq!(state.cursor, 0);
    assert_eq!(state.shown, state.generation);
    assert!(state.query_error.is_none());
    assert!(!state.actors.items.is_empty());
    assert!(!state.countries.items.is_empty());
    // Wide screen (from 160 columns): the reader already shows the selected briefing.
    assert_eq!(state.reader.doc, state.selected_doc());
    assert!(!state.reader.lines.is_empty());
}

#[test]
fn before_loading_nothing_is_selected_and_keys_do_not_panic() {
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        ..Settings::default()
    });
    assert!(state.loading.is_some());
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
    assert_eq!(state.loading, Some((3, 9)));
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
    assert_eq!(state.loading, None);
    assert_eq!(state.load_error.as_deref(), Some("no such folder"));
}

#[test]
fn tab_and_shift_tab_cycle_through_every_pane() {
    let mut state = loaded(120, 40);
    let mut seen = vec![state.focus];
    for _ in 0..5 {
        act(&mut state, Action::FocusNext);
        seen.push(state.focus);
    }
    assert_eq!(
        seen,
        [
            Focus::List,
            Focus::Actors,
            Focus::Countries,
            Focus::Reader,
            Focus::Search,
            Focus::List
        ]
    );
    let mut back = vec![state.focus];
    for _ in 0..5 {
        act(&mut state, Action::FocusPrev);
        back.push(state.focus);
    }
    assert_eq!(
        back,
        [
            Focus::List,
            Focus::Search,
            Focus::Reader,
            Focus::Countries,
            Focus::Actors,
            Focus::List
        ]
    );
}

#[test]
fn focusing_a_facet_pane_makes_it_the_tab_shown_at_50_columns() {
    let mut state = loaded(50, 24);
    assert_eq!(state.facet_tab, Focus::Actors);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus, Focus::Countries);
    assert_eq!(state.facet_tab, Focus::Countries);
    let a = state.areas();
    assert!(a.countries.is_some() && a.actors.is_none());
    assert!(a.list.is_some(), "the list stays above the pane");
    // Back to the list: the tab is remembered, the facets fold into their summary line.
    act(&mut state, Action::Back);
    assert_eq!(state.focus, Focus::List);
    assert_eq!(state.facet_tab, Focus::Countries);
    let a = state.areas();
    assert!(a.countries.is_none() && a.facet_line.is_some());
}

#[test]
fn from_60_columns_a_focused_facet_shows_both_panes_under_the_list() {
    let mut state = loaded(80, 24);
    assert!(state.areas().actors.is_none() && state.areas().countries.is_none());
    act(&mut state, Action::FocusNext);
    act(&mut state, Action::FocusNext);
    assert_eq!(state.focus, Focus::Countries);
    let a = state.areas();
    let (list, actors, countries) = (a.list.unwrap(), a.actors.unwrap(), a.countries.unwrap());
    assert_eq!(list.width, 80, "the list keeps the full width");
    assert!(actors.y > list.y && countries.y > list.y);
}

#[test]
fn typing_manche_finds_the_channel_meeting_and_ctrl_u_clears() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    assert_eq!(state.focus, Focus::Search);
    for c in "manche".chars() {
        let up = update(&mut state, Msg::Action(Action::Insert(c)));
        assert!(up.redraw);
        assert!(
            matches!(up.effects.as_slice(), [Effect::Search(r)] if r.text == state.search.text && r.generation == state.generation),
            "every key asks for a search of the whole line: {:?}",
            up.effects
        );
        settle(&mut state, up.effects);
    }
    assert_eq!(state.search.text, "manche");
    assert_eq!(state.search.cursor, 6);
    assert_eq!(hit_ids(&state), [CHANNEL]);
    assert_eq!(state.cursor, 0);
    assert_eq!(state.highlight, ["manche"]);
    // The counts follow the results: only the Channel meeting's countries remain.
    let mut codes: Vec<_> = state
        .countries
        .items
        .iter()
        .map(|i| match i.key {
            FacetKey::Country(c) => c.as_str().to_string(),
            FacetKey::Actor(_) => unreachable!(),
        })
        .collect();
    codes.sort();
    assert_eq!(codes, ["BE", "DE", "FR", "GB", "NL"]);
    assert!(state.countries.items.iter().all(|i| i.count == 1));

    let up = act(&mut state, Action::ClearLine);
    assert!(matches!(up.effects.as_slice(), [Effect::Search(r)] if r.text.is_empty()));
    assert_eq!(state.search.text, "");
    assert_eq!(state.search.cursor, 0);
    assert_eq!(state.hits.len(), 8);
    // Clearing an empty line asks for nothing.
    let up = act(&mut state, Action::ClearLine);
    assert!(up.effects.is_empty());
}

#[test]
fn line_editing_moves_the_cursor_by_characters() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "nigér");
    assert_eq!(state.search.cursor, 5);
    act(&mut state, Action::CursorLeft);
    act(&mut state, Action::DeleteBack); // the é
    assert_eq!(state.search.text, "nigr");
    assert_eq!(state.search.cursor, 3);
    type_text(&mut state, "e");
    assert_eq!(state.search.text, "niger");
    act(&mut state, Action::LineStart);
    act(&mut state, Action::DeleteForward);
    assert_eq!(state.search.text, "iger");
    act(&mut state, Action::LineStart);
    let up = act(&mut state, Action::DeleteBack);
    assert!(up.effects.is_empty(), "nothing to delete: no search");
    act(&mut state, Action::LineEnd);
    let up = act(&mut state, Action::DeleteForward);
    assert!(up.effects.is_empty(), "nothing to delete: no search");
    act(&mut state, Action::CursorRight);
    assert_eq!(state.search.cursor, 4);
}

#[test]
fn list_moves_stay_within_the_results() {
    let mut state = loaded(170, 40);
    assert_eq!(state.focus, Focus::List);
    let doc0 = state.selected_doc();
    act(&mut state, Action::MoveUp);
    assert_eq!(state.cursor, 0);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.cursor, 1);
    assert_ne!(state.selected_doc(), doc0);
    act(&mut state, Action::Last);
    assert_eq!(state.cursor, 7);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.cursor, 7);
    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor, 7);
    act(&mut state, Action::First);
    assert_eq!(state.cursor, 0);
    assert_eq!(state.selected_doc(), doc0);
    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor, 7, "all eight fit in a page at 170x40");
    act(&mut state, Action::HalfPageUp);
    assert!(state.cursor < 7);
    // On a wide screen the reader follows the list.
    assert_eq!(state.reader.doc, state.selected_doc());
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
    assert_eq!(state.cursor, 7);
    assert!(state.offset <= state.cursor && state.cursor < state.offset + height);
    act(&mut state, Action::First);
    assert_eq!(state.offset, 0);
    // A page is one row less while the selected title takes a second line.
    let page = height - usize::from(state.selected_two_lines());
    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor, page);
    assert!(state.offset <= state.cursor && state.cursor < state.offset + height);
}

#[test]
fn open_focuses_the_reader_and_back_returns_to_the_list() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::MoveDown);
    let doc = state.selected_doc();
    act(&mut state, Action::Open);
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(state.reader.doc, doc);
    assert_eq!(state.reader.scroll, 0);
    let title = &state.corpus.as_ref().unwrap().briefings[doc.unwrap()].title;
    assert!(
        title.starts_with(&state.reader.lines[0].text),
        "the reader starts with the title: {:?}",
        state.reader.lines[0]
    );
    act(&mut state, Action::Back);
    assert_eq!(state.focus, Focus::List);
    assert_eq!(state.selected_doc(), doc);
}

#[test]
fn open_with_no_results_does_nothing() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "zzzqqqxxx");
    assert!(state.hits.is_empty());
    act(&mut state, Action::Submit);
    act(&mut state, Action::Open);
    assert_eq!(state.focus, Focus::List);
    assert_eq!(state.selected_doc(), None);
}

#[test]
fn at_80_columns_open_gives_the_reader_the_screen() {
    let mut state = loaded(80, 24);
    assert!(state.areas().reader.is_none());
    act(&mut state, Action::Open);
    let a = state.areas();
    assert!(a.reader.is_some() && a.list.is_none());
    assert_eq!(state.reader.doc, state.selected_doc());
    assert!(!state.reader.lines.is_empty());
}

#[test]
fn reader_scrolls_within_bounds() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let height = reader_height(&state);
    let max = max_scroll(&state);
    assert!(
        max > 0,
        "the Channel meeting is longer than the pane ({} lines)",
        state.reader.lines.len()
    );
    act(&mut state, Action::MoveDown);
    assert_eq!(state.reader.scroll, 1);
    act(&mut state, Action::MoveUp);
    act(&mut state, Action::MoveUp);
    assert_eq!(state.reader.scroll, 0);
    act(&mut state, Action::PageDown);
    assert_eq!(
        state.reader.scroll,
        (height - 1).min(max),
        "a page keeps one line of context"
    );
    for _ in 0..50 {
        act(&mut state, Action::PageDown);
        assert!(state.reader.scroll <= max);
    }
    assert_eq!(
        state.reader.scroll, max,
        "the last page shows the end of the article"
    );
    act(&mut state, Action::MoveDown);
    assert_eq!(state.reader.scroll, max);
    act(&mut state, Action::HalfPageUp);
    assert!(state.reader.scroll < max);
    act(&mut state, Action::First);
    assert_eq!(state.reader.scroll, 0);
    act(&mut state, Action::Last);
    assert_eq!(state.reader.scroll, max);
    // Paging the reader does not move the list.
    assert_eq!(hit_ids(&state), [CHANNEL]);
    assert_eq!(state.cursor, 0);
}

#[test]
fn find_in_article_counts_matches_and_n_wraps() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::FindInArticle);
    assert!(state.reader.find.is_some());
    assert_eq!(state.scopes()[0], Scope::ArticleFind);
    for c in "naufrage".chars() {
        let up = act(&mut state, Action::Insert(c));
        assert!(
            up.effects.is_empty(),
            "searching the article does not search the corpus"
        );
    }
    assert_eq!(state.reader.find_term, "naufrage");
    let n = state.reader.matches.len();
    assert!(
        n >= 2,
        "the Channel meeting says naufrage several times: {n}"
    );
    assert_eq!(state.reader.current, Some(0));
    for (line, range) in &state.reader.matches {
        let text: String = state.reader.lines[*line]
            .text
            .chars()
            .skip(range.start)
            .take(range.len())
            .collect();
        assert_eq!(text.to_lowercase(), "naufrage");
    }
    // Enter keeps the matches and goes back to reading, where n/N apply.
    act(&mut state, Action::Submit);
    assert!(state.reader.find.is_none());
    assert_eq!(state.reader.matches.len(), n);
    assert_eq!(state.scopes()[0], Scope::Reader);
    for i in 1..n {
        act(&mut state, Action::NextMatch);
        assert_eq!(state.reader.current, Some(i));
        let (line, _) = state.reader.matches[i];
        let h = reader_height(&state);
        assert!(
            state.reader.scroll <= line && line < state.reader.scroll + h,
            "match {i} on line {line} is visible from {}",
            state.reader.scroll
        );
    }
    act(&mut state, Action::NextMatch);
    assert_eq!(state.reader.current, Some(0), "n wraps to the first match");
    act(&mut state, Action::PrevMatch);
    assert_eq!(
        state.reader.current,
        Some(n - 1),
        "N wraps to the last match"
    );
    act(&mut state, Action::PrevMatch);
    assert_eq!(state.reader.current, Some(n - 2));
    // `/` again starts from the last term; Esc drops the search and its marks.
    act(&mut state, Action::FindInArticle);
    assert_eq!(state.reader.find.as_ref().unwrap().text, "naufrage");
    act(&mut state, Action::Back);
    assert!(state.reader.find.is_none());
    assert!(state.reader.find_term.is_empty());
    assert!(state.reader.matches.is_empty());
    assert_eq!(state.reader.current, None);
    assert_eq!(state.focus, Focus::Reader);
}

#[test]
fn find_in_article_without_a_match_says_so() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::NextMatch);
    assert!(
        state
            .message
            .as_deref()
            .unwrap_or("")
            .contains("press Ctrl-F"),
        "{:?}",
        state.message
    );
    act(&mut state, Action::FindInArticle);
    type_text(&mut state, "zzqx");
    assert!(state.reader.matches.is_empty());
    assert_eq!(state.reader.current, None);
    act(&mut state, Action::Submit);
    act(&mut state, Action::NextMatch);
    assert!(
        state.message.as_deref().unwrap_or("").contains("zzqx"),
        "{:?}",
        state.message
    );
    // Any next action clears the message.
    act(&mut state, Action::MoveDown);
    assert_eq!(state.message, None);
}

#[test]
fn article_find_editing_updates_the_matches() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::FindInArticle);
    type_text(&mut state, "naufragex");
    assert!(state.reader.matches.is_empty());
    act(&mut state, Action::DeleteBack);
    assert_eq!(state.reader.find_term, "naufrage");
    assert!(!state.reader.matches.is_empty());
    assert!(state.reader.current.is_some());
    act(&mut state, Action::ClearLine);
    assert!(state.reader.find_term.is_empty());
    assert!(state.reader.matches.is_empty());
}

#[test]
fn niger_then_oim_narrows_and_x_brings_everything_back() {
    let mut state = loaded(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus, Focus::Countries);
    move_facet_cursor_to(&mut state, "Niger (NE)");
    let niger = state.countries.items[state.countries.cursor].clone();
    assert_eq!(niger.count, 4);
    assert!(!niger.selected);

    let up = act(&mut state, Action::Toggle);
    assert!(
        matches!(up.effects.as_slice(), [Effect::Search(r)] if r.selection.countries.len() == 1)
    );
    assert_eq!(selected_country_codes(&state), ["NE"]);
    assert_eq!(state.hits.len(), 4);
    let corpus = corpus();
    for h in &state.hits {
        assert!(
            corpus.briefings[h.doc]
                .countries
                .iter()
                .any(|c| c.as_str() == "NE")
        );
    }
    // The cursor stays on Niger, now ticked; counts in the countries pane
    // ignore the countries selection so the other values can still be added.
    let cur = &state.countries.items[state.countries.cursor];
    assert_eq!(cur.label, "Niger (NE)");
    assert!(cur.selected);
    assert_eq!(
        state.countries.items.iter().filter(|i| i.selected).count(),
        1
    );
    let all_countries: usize = state.countries.items.len();
    assert!(
        all_countries > 5,
        "other countries still listed: {all_countries}"
    );

    // The actors pane counts within the four Niger meetings.
    act(&mut state, Action::FocusPrev);
    assert_eq!(state.focus, Focus::Actors);
    let oim = state
        .actors
        .items
        .iter()
        .find(|i| matches!(i.key, FacetKey::Actor(id) if corpus.actor(id).is_some_and(|a| a.short.as_deref() == Some("OIM"))))
        .expect("OIM in the actors pane")
        .clone();
    assert_eq!(oim.count, 1, "one Niger meeting involves the IOM");
    move_facet_cursor_to(&mut state, &oim.label);
    act(&mut state, Action::Toggle);
    assert_eq!(hit_ids(&state), [ITALY]);
    assert_eq!(state.selection.actors.len(), 1);
    let FacetKey::Actor(oim_id) = oim.key else {
        unreachable!()
    };
    for h in &state.hits {
        let b = &corpus.briefings[h.doc];
        assert!(b.actors.iter().any(|a| a.actor == oim_id));
        assert!(b.countries.iter().any(|c| c.as_str() == "NE"));
    }

    // Toggling OIM again unselects it: back to the four.
    act(&mut state, Action::Toggle);
    assert_eq!(state.hits.len(), 4);
    act(&mut state, Action::Toggle);
    assert_eq!(state.hits.len(), 1);

    let up = act(&mut state, Action::ClearFilters);
    assert!(up.effects.iter().any(|e| matches!(e, Effect::Search(_))));
    assert_eq!(state.hits.len(), 8);
    assert!(state.selection.countries.is_empty() && state.selection.actors.is_empty());
    assert!(
        state
            .actors
            .items
            .iter()
            .chain(&state.countries.items)
            .all(|i| !i.selected)
    );
    assert!(state.message.is_some(), "x says what it did");
}

#[test]
fn two_countries_mean_either() {
    let mut state = loaded(120, 40);
    // French country names are typed and read here.
    state.lang = brief_core::Lang::Fr;
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    move_facet_cursor_to(&mut state, "Niger (NE)");
    act(&mut state, Action::Toggle);
    move_facet_cursor_to(&mut state, "Belgique (BE)");
    act(&mut state, Action::Toggle);
    assert_eq!(selected_country_codes(&state), ["NE", "BE"]);
    // Four Niger meetings, plus the Channel and Brussels ones.
    assert_eq!(state.hits.len(), 6);
}

#[test]
fn a_selected_value_with_no_results_stays_visible_at_zero() {
    let mut state = loaded(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    move_facet_cursor_to(&mut state, "Niger (NE)");
    act(&mut state, Action::Toggle);
    // A query no Niger meeting matches.
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "manche");
    assert!(state.hits.is_empty());
    let niger = state
        .countries
        .items
        .iter()
        .find(|i| i.label == "Niger (NE)")
        .expect("the selected value stays listed");
    assert!(niger.selected);
    assert_eq!(niger.count, 0);
}

#[test]
fn typing_in_a_facet_pane_narrows_its_values() {
    let mut state = loaded(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.scopes()[0], Scope::Facets);
    let up = act(&mut state, Action::Insert('n'));
    assert!(up.effects.is_empty(), "narrowing a pane does not search");
    assert_eq!(state.scopes()[0], Scope::FacetNarrow);
    type_text(&mut state, "ig");
    let labels: Vec<_> = state
        .countries
        .items
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(
        labels.contains(&"Niger (NE)") && labels.contains(&"Nigeria (NG)"),
        "{labels:?}"
    );
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Toggle);
    assert_eq!(state.selection.countries.len(), 1);
    // The filter clears after a toggle, and the chosen value is at the top.
    assert!(state.countries.narrow.is_none(), "the filter clears");
    assert!(state.countries.items.len() > 2);
    assert!(state.countries.items[0].selected);
    // Backspace to empty, then once more, stops narrowing.
    type_text(&mut state, "ni");
    acts(&mut state, &[Action::DeleteBack, Action::DeleteBack]);
    assert_eq!(
        state.countries.narrow.as_ref().map(|n| n.text.as_str()),
        Some("")
    );
    act(&mut state, Action::DeleteBack);
    assert!(state.countries.narrow.is_none());
    assert!(state.countries.items.len() > 2);
    // Esc while narrowing stops narrowing but keeps the focus.
    type_text(&mut state, "zz");
    assert!(state.countries.items.is_empty());
    act(&mut state, Action::Back);
    assert!(state.countries.narrow.is_none());
    assert_eq!(state.focus, Focus::Countries);
    act(&mut state, Action::Back);
    assert_eq!(state.focus, Focus::List);
}

/// The help says "narrow (or type any other letter)" and the spec says "Typing
/// letters in a facet pane jumps to or narrows to matching values", but in the
/// Facets scope (not yet narrowing) a plain letter dispatches to nothing.
#[test]
fn a_letter_typed_in_a_facet_pane_starts_narrowing() {
    let mut state = loaded(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &n), Some(Action::Insert('n')));
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
    let before: Vec<_> = state.hits.iter().map(|h| h.doc).collect();
    let shown = state.shown;

    // The answer to "m" arrives after "ma" was asked for: dropped.
    let stale = run_search(&corpus(), old);
    assert!(!stale.hits.is_empty());
    let up = update(&mut state, Msg::Results(Box::new(stale)));
    assert!(!up.redraw);
    assert!(up.effects.is_empty());
    assert_eq!(state.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), before);
    assert_eq!(state.shown, shown);

    // An empty answer with an old generation changes nothing either.
    let up = update(
        &mut state,
        Msg::Results(Box::new(Results {
            generation: old.generation,
            ..Results::default()
        })),
    );
    assert!(!up.redraw);
    assert_eq!(state.hits.len(), before.len());

    let fresh = run_search(&corpus(), new);
    let up = update(&mut state, Msg::Results(Box::new(fresh)));
    assert!(up.redraw);
    assert_eq!(state.shown, new.generation);
    assert_eq!(state.highlight, ["ma"]);
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
    let err = state.query_error.clone().expect("Narnia is no country");
    assert!(
        err.to_string().contains("Narnia"),
        "the error names the value: {err}"
    );
    assert_eq!(state.hits.len(), 0, "an unknown country matches nothing");
    assert_eq!(state.selected_doc(), None);
    // Fixing the query clears the error, and the briefing selected before comes back.
    act(&mut state, Action::ClearLine);
    assert!(state.query_error.is_none());
    assert_eq!(state.hits.len(), 8);
    assert_eq!(state.selected_doc(), doc);
    type_text(&mut state, "pays:NE");
    assert!(state.query_error.is_none());
    assert_eq!(state.hits.len(), 4);
    // An unknown filter key is an error too; Esc in the list leaves it: it is
    // the reason the list is empty while the bad query stays in the search line.
    type_text(&mut state, " foo:bar");
    assert!(state.query_error.is_some());
    assert_eq!(state.hits.len(), 0);
    act(&mut state, Action::Back);
    assert_eq!(state.focus, Focus::List);
    act(&mut state, Action::Back);
    assert!(
        state.query_error.is_some(),
        "the reason stays with the bad query"
    );
    assert_eq!(state.hits.len(), 0);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusNext);
    let focus = state.focus;
    act(&mut state, Action::Help);
    assert_eq!(state.overlay, Overlay::Help { scroll: 0 });
    assert_eq!(state.scopes(), [Scope::Help]);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveUp);
    assert_eq!(state.overlay, Overlay::Help { scroll: 1 });
    // Keys meant for the panes do nothing under the help.
    let up = act(&mut state, Action::ClearFilters);
    assert!(up.effects.is_empty());
    act(&mut state, Action::Back);
    assert_eq!(state.overlay, Overlay::None);
    assert_eq!(
        state.focus, focus,
        "closing the help goes back where we were"
    );
}

#[test]
fn problems_view_opens_and_closes() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::Problems);
    assert_eq!(state.overlay, Overlay::Problems { scroll: 0 });
    // The fixture briefings have no problems: nothing to scroll to.
    act(&mut state, Action::MoveDown);
    assert_eq!(state.overlay, Overlay::Problems { scroll: 0 });
    act(&mut state, Action::Back);
    assert_eq!(state.overlay, Overlay::None);
}

#[test]
fn quit_and_suspend_are_effects() {
    let mut state = loaded(120, 40);
    let up = update(&mut state, Msg::Action(Action::Suspend));
    assert_eq!(up.effects, [Effect::Suspend]);
    let up = update(&mut state, Msg::Action(Action::Quit));
    assert!(up.effects.contains(&Effect::Quit));
    assert!(state.quit);

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
fn a_resize_to_60x20_and_back_keeps_the_selection() {
    let mut state = loaded(120, 40);
    acts(
        &mut state,
        &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
    );
    let doc = state.selected_doc();
    assert!(doc.is_some());
    let up = send(&mut state, Msg::Resize(60, 20));
    assert!(up.redraw);
    assert_eq!(state.size, ratatui::layout::Rect::new(0, 0, 60, 20));
    assert_eq!(state.selected_doc(), doc);
    let h = usize::from(
        state
            .areas()
            .list
            .expect("the list fills a 60x20 screen")
            .height
            - 2,
    );
    assert!(state.offset <= state.cursor && state.cursor < state.offset + h);
    send(&mut state, Msg::Resize(170, 40));
    assert_eq!(state.selected_doc(), doc);
    assert_eq!(state.reader.doc, doc);
    assert_eq!(state.focus, Focus::List);
}

#[test]
fn a_resize_while_reading_keeps_the_briefing_and_a_valid_scroll() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::Last);
    let width = state.reader.width;
    send(&mut state, Msg::Resize(60, 20));
    assert_eq!(
        state.reader.doc.map(|d| id_of(&state, d)).as_deref(),
        Some(CHANNEL)
    );
    assert!(
        state.reader.width < width,
        "the article is rewrapped to the narrower pane"
    );
    assert!(state.reader.scroll <= max_scroll(&state));
    act(&mut state, Action::Last);
    send(&mut state, Msg::Resize(120, 40));
    assert_eq!(state.reader.width, width);
    assert!(
        state.reader.scroll <= max_scroll(&state),
        "{} > {}",
        state.reader.scroll,
        max_scroll(&state)
    );
    assert_eq!(state.focus, Focus::Reader);
}

#[test]
fn a_resize_to_1x1_and_any_key_there_do_not_panic() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::MoveDown);
    let doc = state.selected_doc();
    send(&mut state, Msg::Resize(1, 1));
    assert!(state.areas().too_small);
    assert_eq!(state.selected_doc(), doc);
    send(&mut state, Msg::Resize(170, 40));
    assert_eq!(state.selected_doc(), doc);
    assert_eq!(state.reader.doc, doc);
    send(&mut state, Msg::Resize(1, 1));
    for a in [
        Action::MoveDown,
        Action::PageDown,
        Action::Last,
        Action::FocusNext,
        Action::FocusNext,
        Action::Toggle,
        Action::FocusNext,
        Action::PageDown,
        Action::FindInArticle,
        Action::Insert('e'),
        Action::NextMatch,
        Action::Back,
        Action::Back,
        Action::Help,
        Action::MoveDown,
        Action::Back,
    ] {
        act(&mut state, a);
    }
    for (w, h) in [(0, 0), (1, 40), (200, 1), (39, 9), (40, 10)] {
        send(&mut state, Msg::Resize(w, h));
    }
    send(&mut state, Msg::Resize(120, 40));
    assert!(state.selected_doc().is_some());
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
    assert_eq!(state.search.text, "migrants");
    assert_eq!(selected_country_codes(&state), ["NE"]);
    assert!(state.hits.iter().all(|h| {
        corpus().briefings[h.doc]
            .countries
            .iter()
            .any(|c| c.as_str() == "NE")
    }));
    assert_eq!(
        state.selected_doc().map(|d| id_of(&state, d)).as_deref(),
        Some(ITALY)
    );
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(state.reader.doc, state.selected_doc());
    assert!(state.message.is_none());
}

#[test]
fn launch_with_unknown_values_says_so_and_shows_everything() {
    let launch = Launch {
        query: None,
        countries: vec!["Narnia".into()],
        actors: vec!["Nobody at all".into()],
        open: Some("2021-11-28-manche".into()),
        ..Launch::default()
    };
    let state = loaded_with(120, 40, launch);
    let msg = state.message.clone().expect("the bad values are reported");
    assert!(msg.contains("Narnia"), "{msg}");
    assert!(msg.contains("no briefing '2021-11-28-manche'"), "{msg}");
    assert!(state.selection.countries.is_empty());
    assert_eq!(state.hits.len(), 8);
    assert_eq!(state.focus, Focus::List);
}

/// `relayout` keeps the list and the reader in view on a resize, but not the
/// facet panes: their `offset` stays what it was for the taller pane.
#[test]
fn a_resize_keeps_the_facet_cursor_visible() {
    let mut state = loaded(120, 40);
    acts(
        &mut state,
        &[Action::FocusNext, Action::FocusNext, Action::Last],
    );
    send(&mut state, Msg::Resize(120, 24));
    let h = usize::from(state.areas().countries.unwrap().height - 2);
    let p = &state.countries;
    assert!(
        p.offset <= p.cursor && p.cursor < p.offset + h,
        "cursor {} outside rows {}..{} of the countries pane",
        p.cursor,
        p.offset,
        p.offset + h
    );
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
    let Overlay::Help { scroll } = state.overlay else {
        unreachable!()
    };
    assert!(
        scroll < 200,
        "help scroll grew to {scroll}, past the end of the help"
    );
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

// Remembered state: read marks, bookmarks, history, the last view.

/// The change to remember in an update's effects, if any.
fn remembered(up: &brief::tui::state::Update) -> Option<Change> {
    up.effects.iter().find_map(|e| match e {
        Effect::Remember(c) => Some(c.clone()),
        _ => None,
    })
}

use brief_core::remembered::Change;

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
    assert!(state.message.as_deref().unwrap().contains("bookmarked"));
    act(&mut state, Action::OnlyBookmarked);
    assert_eq!(hit_ids(&state), vec![id.clone()]);
    // B again shows everything; b again removes the bookmark.
    act(&mut state, Action::OnlyBookmarked);
    assert_eq!(state.hits.len(), 8);
    let up = act(&mut state, Action::ToggleBookmark);
    assert_eq!(
        remembered(&up),
        Some(Change::Bookmark {
            id: id.clone(),
            on: false
        })
    );
    act(&mut state, Action::OnlyBookmarked);
    assert!(state.hits.is_empty());
    // x clears this filter too.
    act(&mut state, Action::ClearFilters);
    assert_eq!(state.hits.len(), 8);
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
    assert_eq!(state.hits.len(), 7);
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
    assert_eq!(state.hits.len(), 8);
}

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
    assert_eq!(state.history, vec!["niger", "frontex"]);
    act(&mut state, Action::FocusSearch);
    act(&mut state, Action::ClearLine);
    type_text(&mut state, "draf");
    act(&mut state, Action::HistoryPrev);
    assert_eq!(state.search.text, "frontex");
    act(&mut state, Action::HistoryPrev);
    assert_eq!(state.search.text, "niger");
    act(&mut state, Action::HistoryPrev);
    assert_eq!(state.search.text, "niger", "the oldest stays");
    act(&mut state, Action::HistoryNext);
    assert_eq!(state.search.text, "frontex");
    // The results follow the recalled query.
    assert_eq!(state.query_error, None);
    assert!(state.hits.len() < 8);
    act(&mut state, Action::HistoryNext);
    assert_eq!(
        state.search.text, "draf",
        "past the newest: the line as typed"
    );
    assert_eq!(state.focus, Focus::Search);
    act(&mut state, Action::HistoryNext);
    assert_eq!(
        state.focus,
        Focus::List,
        "Down with nothing recalled: the results"
    );
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
    assert_eq!(last.sort, Some(brief_core::search::Sort::Date));

    let mut again = loaded_with(120, 40, Launch::from_last(&last));
    assert_eq!(again.search.text, "migrants");
    assert_eq!(again.sort, brief_core::search::Sort::Date);
    assert_eq!(again.selected_id(), Some(id.as_str()));
    assert_eq!(again.focus, Focus::List);
    assert_eq!(again.message, None);
    assert_eq!(hit_ids(&again), hit_ids(&state));
    act(&mut again, Action::Open);
    assert_eq!(again.focus, Focus::Reader);
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
    assert_eq!(state.message, None);
    assert_eq!(state.selection.countries.len(), 1);
    assert!(state.selection.actors.is_empty());
    assert_eq!(state.cursor, 0);
}

#[test]
fn date_order_puts_the_newest_meeting_first_whatever_the_score() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "migrants");
    let by_score: Vec<usize> = state.hits.iter().map(|h| h.doc).collect();
    act(&mut state, Action::Submit);
    act(&mut state, Action::SwitchSort);
    let by_date: Vec<usize> = state.hits.iter().map(|h| h.doc).collect();
    let mut sorted = by_score.clone();
    sorted.sort_unstable();
    assert_eq!(by_date, sorted, "briefings are stored newest first");
    assert_ne!(by_date, by_score, "the query ranks them otherwise");
}

#[test]
fn a_click_focuses_and_selects_a_second_click_opens() {
    let mut state = loaded(120, 40);
    // No title takes two lines above the third row.
    act(&mut state, Action::Last);
    let list = state.areas().list.unwrap();
    let third = || Msg::Click {
        column: list.x + 5,
        row: list.y + 3,
    };
    send(&mut state, third());
    assert_eq!(state.focus, Focus::List);
    assert_eq!(state.cursor, 2);
    send(&mut state, third());
    assert_eq!(state.focus, Focus::Reader);
    // A click on a country value, in its pane, selects it.
    act(&mut state, Action::Back);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus, Focus::Countries);
    let countries = state.areas().countries.unwrap();
    let label = state.countries.items[0].label.clone();
    send(
        &mut state,
        Msg::Click {
            column: countries.x + 3,
            row: countries.y + 1,
        },
    );
    assert_eq!(state.focus, Focus::Countries);
    assert!(
        state
            .countries
            .items
            .iter()
            .any(|i| i.label == label && i.selected)
    );
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut state = loaded(170, 40);
    open_channel(&mut state);
    act(&mut state, Action::Back);
    assert!(max_scroll(&state) > 6, "a long article");
    let reader = state.areas().reader.unwrap();
    let at = |down| Msg::Wheel {
        column: reader.x + 4,
        row: reader.y + 4,
        down,
    };
    send(&mut state, at(true));
    send(&mut state, at(true));
    assert_eq!(state.reader.scroll, 6);
    assert_eq!(state.focus, Focus::List, "the wheel does not move focus");
    send(&mut state, at(false));
    assert_eq!(state.reader.scroll, 3);
}

#[test]
fn the_reader_width_setting_caps_the_text_width() {
    let mut state = loaded(170, 40);
    let wide = state
        .reader
        .lines
        .iter()
        .map(|l| l.text.chars().count())
        .max();
    state.reader_width = Some(40);
    send(&mut state, Msg::Resize(170, 40));
    let narrow = state
        .reader
        .lines
        .iter()
        .map(|l| l.text.chars().count())
        .max();
    assert!(narrow <= Some(40) && wide > Some(40), "{narrow:?} {wide:?}");
}

/// A folder with one briefing whose source has a URL.
const WITH_URL: &str = "id: with-url\ntitle: \"Une réunion avec une source\"\ndate: 2022-05-04\ncountries: [FR]\nsource: { publisher: \"Éditeur\", url: \"https://example.org/reunion?id=1\" }\nbody: |\n  Texte.\n";

#[test]
fn y_copies_the_selected_briefing_as_markdown() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let up = act(&mut state, Action::CopyMarkdown);
    let corpus = corpus();
    let b = corpus.get(CHANNEL).unwrap();
    let md = brief_core::markdown::briefing(&corpus, b, state.lang);
    assert_eq!(up.effects, vec![Effect::Copy { text: md.clone() }]);
    let message = state.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("sent 'Les enjeux migratoires")
            && message.contains(&format!(
                "as Markdown ({} bytes) to the terminal's clipboard (OSC 52)",
                brief::tui::clipboard::thousands(md.len())
            )),
        "{message}"
    );
    // From the list too, for the row under the cursor.
    act(&mut state, Action::Back);
    assert_eq!(state.focus, Focus::List);
    let up = act(&mut state, Action::CopyMarkdown);
    assert_eq!(up.effects, vec![Effect::Copy { text: md }]);
    // Any key then clears the confirmation.
    act(&mut state, Action::MoveDown);
    assert_eq!(state.message, None);
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
    let help: Vec<String> = brief::tui::keymap::Keymap::default()
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
    assert_eq!(
        state.message.as_deref(),
        Some("this briefing has no source URL")
    );
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
    let message = state.message.clone().unwrap_or_default();
    assert!(
        message.contains("https://example.org/reunion?id=1"),
        "{message}"
    );
    let linked: Vec<_> = state
        .reader
        .lines
        .iter()
        .filter(|l| l.link.is_some())
        .collect();
    assert_eq!(linked.len(), 1, "{:?}", state.reader.lines);
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
    assert!(state.reader.lines.iter().all(|l| l.link.is_none()));
    let up = act(&mut state, Action::CopyUrl);
    assert!(up.effects.is_empty(), "{:?}", up.effects);
    assert!(
        state
            .message
            .as_deref()
            .is_some_and(|m| m.contains("control characters")),
        "{:?}",
        state.message
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
            state.message.as_deref(),
            Some("no briefing selected: nothing copied")
        );
    }
}

/// A copy of the fixture briefings in a folder of its own, loaded into a
/// browser of `w`x`h` with its first results shown.
fn loaded_copy(w: u16, h: u16) -> (tempfile::TempDir, State) {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(fixtures::briefings()).expect("the fixture folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, dir.path().join(name)).expect("copied");
    }
    let corpus = brief_core::load::load_dir(dir.path(), &Default::default(), &|_, _| {})
        .expect("the copy loads");
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, w, h),
        ..Settings::default()
    });
    send(&mut state, Msg::Loaded(std::sync::Arc::new(corpus)));
    (dir, state)
}

/// Reads the folder again, as the watch thread does, and hands it to `update`.
fn reload_into(state: &mut State, dir: &std::path::Path) -> brief::tui::state::Update {
    let prev = state.corpus.clone().expect("loaded");
    let r = brief_core::reload::reload(&prev, dir, &Default::default()).expect("reloads");
    let corpus = std::sync::Arc::new(r.corpus);
    let doc_map = brief_core::reload::doc_map(&prev, &corpus);
    send(
        state,
        Msg::Reloaded(brief::tui::state::Reload {
            corpus,
            changes: r.changes,
            doc_map,
        }),
    )
}

const NEWEST: &str = "id: toute-nouvelle\ntitle: \"Réunion toute nouvelle sur la Manche\"\ndate: 2030-01-01\ncountries: [FR]\nbody: |\n  Un paragraphe.\n";

#[test]
fn a_reload_keeps_the_selection_by_id_the_scroll_and_shows_new_problems() {
    let (dir, mut state) = loaded_copy(120, 40);
    acts(
        &mut state,
        &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
    );
    let selected = id_of(&state, state.selected_doc().expect("a selection"));
    act(&mut state, Action::Open);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.reader.scroll, 2);
    let offset = state.offset;

    // Newest of all, so every index in the corpus shifts; and a broken file.
    std::fs::write(dir.path().join("toute-nouvelle.yaml"), NEWEST).expect("write");
    std::fs::write(dir.path().join("casse.yaml"), "title: [\n").expect("write");
    let old = SystemTime::now() - Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(dir.path().join("casse.yaml"))
        .and_then(|f| f.set_modified(old))
        .expect("aged");
    let up = reload_into(&mut state, dir.path());
    assert!(up.redraw);

    assert_eq!(state.hits.len(), 9);
    assert_eq!(
        id_of(&state, state.selected_doc().expect("a selection")),
        selected
    );
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(state.reader.doc.map(|d| id_of(&state, d)), Some(selected));
    assert_eq!(state.reader.scroll, 2, "the reader keeps its place");
    assert_eq!(state.offset, offset);
    assert_eq!(
        state.message.as_deref(),
        Some("reloaded: 2 added, 0 changed, 0 removed")
    );
    let corpus = state.corpus.clone().expect("loaded");
    assert_eq!(corpus.problems.len(), 1);
    assert!(corpus.problems[0].path.ends_with("casse.yaml"));

    // The problems view lists the new problem; fixing the file clears it.
    act(&mut state, Action::Problems);
    std::fs::write(
        dir.path().join("casse.yaml"),
        NEWEST.replace("toute-nouvelle", "reparee"),
    )
    .expect("write");
    reload_into(&mut state, dir.path());
    assert!(state.corpus.as_ref().expect("loaded").problems.is_empty());
    assert_eq!(state.overlay, Overlay::Problems { scroll: 0 });
}

#[test]
fn a_reload_keeps_the_search_and_filters_and_a_removed_selection_moves_to_its_neighbour() {
    let (dir, mut state) = loaded_copy(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "manche");
    act(&mut state, Action::Submit);
    assert_eq!(hit_ids(&state), [CHANNEL]);
    act(&mut state, Action::FocusNext); // actors
    act(&mut state, Action::FocusNext); // countries
    move_facet_cursor_to(&mut state, "France (FR)");
    act(&mut state, Action::Toggle);
    assert_eq!(selected_country_codes(&state), ["FR"]);
    act(&mut state, Action::FocusPrev);
    act(&mut state, Action::FocusPrev);
    assert_eq!(state.focus, Focus::List);

    std::fs::write(dir.path().join("toute-nouvelle.yaml"), NEWEST).expect("write");
    reload_into(&mut state, dir.path());
    assert_eq!(state.search.text, "manche");
    assert_eq!(selected_country_codes(&state), ["FR"]);
    assert_eq!(hit_ids(&state), ["toute-nouvelle", CHANNEL]);
    assert_eq!(
        id_of(&state, state.selected_doc().expect("a selection")),
        CHANNEL
    );

    // The selected briefing goes: its neighbour is selected.
    let path = dir.path().join(format!("{CHANNEL}.yaml"));
    std::fs::remove_file(path).expect("rm");
    reload_into(&mut state, dir.path());
    assert_eq!(hit_ids(&state), ["toute-nouvelle"]);
    assert_eq!(
        state.selected_doc().map(|d| id_of(&state, d)).as_deref(),
        Some("toute-nouvelle")
    );
    assert_eq!(
        state.message.as_deref(),
        Some("reloaded: 0 added, 0 changed, 1 removed")
    );
}

/// `update` bounds the help's scroll by the lines the view draws at the
/// current size: scrolling to the end shows the last line.
#[test]
fn the_help_length_the_state_uses_is_the_drawn_one() {
    let mut state = loaded(80, 24);
    act(&mut state, Action::Help);
    act(&mut state, Action::Last);
    let Overlay::Help { scroll } = state.overlay else {
        panic!("the help is open")
    };
    let lines = state.help_lines();
    let inner = usize::from(brief::tui::state::overlay_area(state.size).height - 2);
    assert_eq!(
        scroll + inner,
        lines.len(),
        "the last line is the bottom one"
    );
}

fn press(state: &mut State, code: KeyCode, mods: KeyModifiers) -> Option<Action> {
    let action = state
        .keymap
        .dispatch(&state.scopes(), &KeyEvent::new(code, mods));
    if let Some(a) = action {
        act(state, a);
    }
    action
}

fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        press(state, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn to_countries(state: &mut State) {
    acts(state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus, Focus::Countries);
}

/// In a facet pane every letter filters, the letters the list binds included
/// (q quits, p opens the problems, j moves, x clears, ? helps elsewhere).
#[test]
fn in_a_facet_pane_global_letters_are_typed_into_the_filter() {
    let mut state = loaded(120, 40);
    // French country names are typed and read here.
    state.lang = brief_core::Lang::Fr;
    to_countries(&mut state);
    for c in ['q', 'p', 'j', 'x', '?', 'k', 'g', 'G', 'b', 'y'] {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            dispatch(&state.scopes(), &ev),
            Some(Action::Insert(c)),
            "{c} is typed"
        );
    }
    typed(&mut state, "pologne");
    assert!(!state.quit);
    assert_eq!(state.overlay, Overlay::None, "p opened nothing");
    let labels: Vec<_> = state.countries.items.iter().map(|i| &i.label).collect();
    assert_eq!(labels, ["Pologne (PL)"]);
    // Ways out that are not letters still work: Ctrl-C quits, F1 helps.
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &f1), Some(Action::Help));
    let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(dispatch(&state.scopes(), &cc), Some(Action::Quit));
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &down), Some(Action::MoveDown));
}

/// Space selects while no filter is typed, and types a space once one is
/// ("burkina faso"); Enter always selects.
#[test]
fn space_selects_without_a_filter_and_types_with_one() {
    let mut state = loaded(120, 40);
    to_countries(&mut state);
    assert_eq!(
        press(&mut state, KeyCode::Char(' '), KeyModifiers::NONE),
        Some(Action::Toggle)
    );
    assert_eq!(state.selection.countries.len(), 1);
    typed(&mut state, "burkina f");
    assert_eq!(
        state.countries.narrow.as_ref().map(|n| n.text.as_str()),
        Some("burkina f")
    );
    assert_eq!(state.countries.items.len(), 1);
    assert_eq!(
        press(&mut state, KeyCode::Enter, KeyModifiers::NONE),
        Some(Action::Toggle)
    );
    assert_eq!(
        selected_country_codes(&state).last().map(String::as_str),
        Some("BF")
    );
}

/// After a value is chosen the filter clears, so the next name is typed at
/// once; chosen values stay at the top, in the order chosen, as the status
/// line names them.
#[test]
fn choosing_clears_the_filter_and_keeps_chosen_values_on_top_in_order() {
    let mut state = loaded(120, 40);
    // French country names are typed and read here.
    state.lang = brief_core::Lang::Fr;
    to_countries(&mut state);
    typed(&mut state, "tunis");
    press(&mut state, KeyCode::Enter, KeyModifiers::NONE);
    assert!(state.countries.narrow.is_none());
    typed(&mut state, "jordan");
    press(&mut state, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(selected_country_codes(&state), ["TN", "JO"]);
    let top: Vec<_> = state.countries.items[..2]
        .iter()
        .map(|i| (i.label.as_str(), i.selected))
        .collect();
    assert_eq!(top, [("Tunisie (TN)", true), ("Jordanie (JO)", true)]);
    assert!(state.countries.items[2..].iter().all(|i| !i.selected));
    let summary = brief::tui::view::status::summary(&state);
    assert!(summary.contains("pays : Tunisie | Jordanie"), "{summary}");
    // Typing a chosen name puts the cursor on the first value not chosen yet.
    typed(&mut state, "n");
    let pane = &state.countries;
    assert!(!pane.items[pane.cursor].selected, "{:?}", pane.items);
}

/// `/` goes to the search line from every pane; the article search is Ctrl-F.
#[test]
fn slash_goes_to_the_search_line_from_every_pane() {
    for steps in 0..5 {
        let mut state = loaded(120, 40);
        act(&mut state, Action::FocusSearch);
        act(&mut state, Action::Back);
        for _ in 0..steps {
            act(&mut state, Action::FocusNext);
        }
        let from = state.focus;
        if from == Focus::Search {
            continue;
        }
        assert_eq!(
            press(&mut state, KeyCode::Char('/'), KeyModifiers::NONE),
            Some(Action::FocusSearch),
            "from {from:?}"
        );
        assert_eq!(state.focus, Focus::Search, "from {from:?}");
    }
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    assert_eq!(
        press(&mut state, KeyCode::Char('f'), KeyModifiers::CONTROL),
        Some(Action::FindInArticle)
    );
    assert!(state.reader.find.is_some());
}

/// The help scrolls like a pane (PgDn, Space, PgUp, g, G) and is searched
/// with `/`, jumping to the lines that match, then n and N.
#[test]
fn the_help_pages_and_searches() {
    let mut state = loaded(80, 24);
    press(&mut state, KeyCode::Char('?'), KeyModifiers::NONE);
    let scroll = |s: &State| match s.overlay {
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
    assert_eq!(state.overlay, Overlay::None);
    assert!(state.help.term.is_empty());
}

/// No help line is wider than the box at any width: long lines wrap.
#[test]
fn help_lines_wrap_and_are_never_cut() {
    let keymap = brief::tui::keymap::Keymap::default();
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
    let keymap = state.keymap.clone();
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

/// The screen drawn for `state`, row by row (wide characters counted once).
fn screen_rows(state: &State) -> Vec<String> {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        state.size.width,
        state.size.height,
    ))
    .unwrap();
    terminal
        .draw(|f| brief::tui::view::render(f, state))
        .unwrap();
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut s = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = brief_core::text::width(sym).saturating_sub(1);
                s.push_str(sym);
            }
            s
        })
        .collect()
}

/// Cells of the title column, measured on screen: from where the titles
/// start to the country codes of a row whose title is cut.
fn title_column(state: &State) -> usize {
    let rows = screen_rows(state);
    let corpus = state.corpus.clone().unwrap();
    let mut widths = Vec::new();
    for (i, hit) in state.hits.iter().enumerate() {
        let b = &corpus.briefings[hit.doc];
        if i == state.cursor || b.countries.is_empty() {
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

#[test]
fn shift_j_and_k_read_the_next_and_previous_briefing_without_leaving_the_reader() {
    let mut state = loaded(120, 40);
    act(&mut state, Action::Open);
    assert_eq!(state.focus, Focus::Reader);
    let first = state.reader.doc;
    let ev = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
    assert_eq!(
        dispatch(&state.scopes(), &ev('J')),
        Some(Action::NextBriefing)
    );
    assert_eq!(
        dispatch(&state.scopes(), &ev('K')),
        Some(Action::PrevBriefing)
    );
    let up = act(&mut state, Action::NextBriefing);
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(state.cursor, 1);
    assert_eq!(state.reader.doc, state.selected_doc());
    assert_ne!(state.reader.doc, first);
    assert_eq!(state.reader.scroll, 0);
    let id = state.selected_id().unwrap().to_string();
    assert!(state.is_read(&id), "J marks the briefing read");
    assert!(
        up.effects.iter().any(|e| matches!(e, Effect::Remember(_))),
        "{:?}",
        up.effects
    );
    act(&mut state, Action::PrevBriefing);
    assert_eq!(state.reader.doc, first);
    act(&mut state, Action::PrevBriefing);
    assert_eq!(state.reader.doc, first, "K stops at the first");
    assert!(state.message.is_some());
    act(&mut state, Action::Last);
    for _ in 0..20 {
        act(&mut state, Action::NextBriefing);
    }
    assert_eq!(state.cursor, state.hits.len() - 1, "J stops at the last");
    assert_eq!(state.focus, Focus::Reader);
}

#[test]
fn a_related_briefing_opens_from_the_reader_and_esc_comes_back() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let channel = state.reader.doc;
    assert_eq!(state.reader.related.len(), 1);
    act(&mut state, Action::NextRelated);
    assert_eq!(state.reader.chosen, Some(0));
    // Scrolled to show the link: Esc comes back to this place.
    let scroll = state.reader.scroll;
    assert!(scroll > 0);
    let line = state.reader.related[0].lines.start;
    let h = reader_height(&state);
    assert!(state.reader.scroll <= line && line < state.reader.scroll + h);
    act(&mut state, Action::Open);
    assert_eq!(
        state.reader.doc.map(|d| id_of(&state, d)).as_deref(),
        Some("oim-bruxelles-migrations-irregulieres-argo")
    );
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(state.reader.scroll, 0);
    assert_eq!(state.reader.trail.len(), 1);
    // And on: its own related briefing is the Channel meeting again.
    acts(&mut state, &[Action::NextRelated, Action::Open]);
    assert_eq!(state.reader.doc, channel);
    assert_eq!(state.reader.trail.len(), 2);
    // Esc and Backspace go back one step each, to where the reader was.
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let bs = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(dispatch(&state.scopes(), &esc), Some(Action::Back));
    assert_eq!(dispatch(&state.scopes(), &bs), Some(Action::Back));
    act(&mut state, Action::Back);
    assert_eq!(
        state.reader.doc.map(|d| id_of(&state, d)).as_deref(),
        Some("oim-bruxelles-migrations-irregulieres-argo")
    );
    act(&mut state, Action::Back);
    assert_eq!(state.reader.doc, channel);
    assert_eq!(state.reader.scroll, scroll);
    assert_eq!(state.focus, Focus::Reader);
    act(&mut state, Action::Back);
    assert_eq!(state.focus, Focus::List, "the last Esc closes the reader");
}

#[test]
fn another_briefing_in_the_reader_drops_the_article_search_and_its_counter() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    act(&mut state, Action::FindInArticle);
    type_text(&mut state, "zzzz");
    act(&mut state, Action::Submit);
    assert_eq!(state.reader.find_term, "zzzz");
    let screen = screen_rows(&state).join("\n");
    assert!(screen.contains("0/0"), "{screen}");
    act(&mut state, Action::Back);
    act(&mut state, Action::Back);
    act(&mut state, Action::FocusSearch);
    act(&mut state, Action::ClearLine);
    act(&mut state, Action::Submit);
    act(&mut state, Action::Open);
    act(&mut state, Action::NextBriefing);
    assert!(state.reader.find_term.is_empty() && state.reader.current.is_none());
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
        let corpus = state.corpus.clone().unwrap();
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
        .reader
        .lines
        .iter()
        .filter(|l| l.link.is_some())
        .collect();
    assert_eq!(links.len(), 2, "{:?}", state.reader.lines);
    for l in links {
        assert_eq!(l.text, url);
        assert_eq!(l.link.as_deref(), Some(url));
    }
    assert!(
        state
            .reader
            .lines
            .iter()
            .any(|l| l.text.starts_with(". Et la suite"))
    );
}

#[test]
fn the_full_list_of_actors_is_one_key_away() {
    let mut state = loaded(80, 24);
    open_channel(&mut state);
    let at = state.reader.actors_at.expect("an actors section");
    act(&mut state, Action::ShowActors);
    assert!(state.reader.scroll > 0 && state.reader.scroll <= at);
    act(&mut state, Action::ShowActors);
    assert_eq!(state.reader.scroll, 0);
}

#[test]
fn enter_in_the_reader_without_a_chosen_related_briefing_says_how() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    let doc = state.reader.doc;
    act(&mut state, Action::Open);
    assert_eq!(state.reader.doc, doc);
    let m = state.message.clone().unwrap_or_default();
    assert!(
        m.starts_with("r to choose") && m.contains("Enter to open"),
        "{m}"
    );
}

#[test]
fn a_click_on_the_facet_summary_opens_the_actors_pane() {
    let mut state = loaded(120, 40);
    let line = state.areas().facet_line.expect("the summary line");
    send(
        &mut state,
        Msg::Click {
            column: line.x + 3,
            row: line.y,
        },
    );
    assert_eq!(state.focus, Focus::Actors);
    assert!(state.areas().actors.is_some());
}

#[test]
fn a_click_below_a_two_line_title_selects_the_row_drawn_there() {
    let mut state = loaded(120, 40);
    assert!(state.selected_two_lines());
    let list = state.areas().list.unwrap();
    // Rows: 0 and 1 are the selected title, 2 is the second briefing.
    send(
        &mut state,
        Msg::Click {
            column: list.x + 5,
            row: list.y + 3,
        },
    );
    assert_eq!(state.cursor, 1);
}

#[test]
fn in_a_followed_briefing_y_and_b_act_on_the_briefing_shown() {
    let mut state = loaded(120, 40);
    open_channel(&mut state);
    acts(&mut state, &[Action::NextRelated, Action::Open]);
    let shown = "oim-bruxelles-migrations-irregulieres-argo";
    let up = act(&mut state, Action::CopyMarkdown);
    let corpus = corpus();
    let md = brief_core::markdown::briefing(&corpus, corpus.get(shown).unwrap(), state.lang);
    assert_eq!(up.effects, vec![Effect::Copy { text: md }]);
    act(&mut state, Action::ToggleBookmark);
    assert!(state.is_bookmarked(shown));
    assert!(!state.is_bookmarked(CHANNEL));
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
    assert!(state.message.is_none());
    corpus
        .index_notices
        .lock()
        .expect("notices")
        .push("the search index could not be used (no space left on device)".into());
    act(&mut state, Action::FocusSearch);
    let up = update(&mut state, Msg::Action(Action::Insert('m')));
    settle(&mut state, up.effects);
    let said = state.message.clone().unwrap_or_default();
    assert!(said.contains("no space left"), "{said:?}");
    state.message = None;
    let up = update(&mut state, Msg::Action(Action::Insert('a')));
    settle(&mut state, up.effects);
    assert!(state.message.is_none(), "{:?}", state.message);
}

#[test]
fn files_changed_asks_for_a_reload_of_the_paths_touched_once_loaded() {
    use brief_core::reload::Touched;
    let touched = Touched::Paths(vec!["briefings/a.yaml".into(), "briefings/new".into()]);
    let mut waiting = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        ..Settings::default()
    });
    // Before the load, the first corpus is compared with the folder anyway.
    let up = update(&mut waiting, Msg::FilesChanged(touched.clone()));
    assert!(up.effects.is_empty());
    let mut state = loaded(120, 40);
    let up = update(&mut state, Msg::FilesChanged(touched.clone()));
    assert_eq!(up.effects, [Effect::Reload(touched)]);
    let up = update(&mut state, Msg::FilesChanged(Touched::Unknown));
    assert_eq!(up.effects, [Effect::Reload(Touched::Unknown)]);
}

#[test]
fn a_watch_resumed_reads_the_whole_folder_again() {
    let mut state = loaded(120, 40);
    update(&mut state, Msg::WatchFailed("gone".into()));
    let up = update(&mut state, Msg::WatchResumed);
    assert_eq!(
        up.effects,
        [Effect::Reload(brief_core::reload::Touched::Unknown)]
    );
    assert_eq!(state.watch_off, None);
}
