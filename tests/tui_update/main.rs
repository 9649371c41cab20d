//! `update` unit tests: actions in, state out, on the fixture briefings. The
//! search worker is replaced by a synchronous call (see `tui_support`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod copy;
mod dossier;
mod facets;
mod focus;
mod git_history;
mod help;
mod history;
mod launch;
mod marks;
mod mouse;
mod navigation;
mod picks;
mod reader;
mod related;
mod reload;
mod saved;
mod search;
mod timeline;
#[path = "../tui_support/mod.rs"]
mod tui_support;

use brief::keys::action::Action;
use brief::keys::keymap::{Scope, dispatch};
use brief::tui::launch::Launch;
use brief::tui::state::{Effect, FacetKey, Focus, Msg, Overlay, Results, Settings, State, update};
use brief_core::remembered::Change;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::time::{Duration, SystemTime};
use tui_support::fixtures::{CHANNEL, ITALY};
use tui_support::*;

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
        .reader()
        .lines
        .len()
        .saturating_sub(reader_height(state))
}

/// Opens the Channel meeting in the reader, through the search line and the list.
fn open_channel(state: &mut State) {
    act(state, Action::FocusSearch);
    type_text(state, "manche");
    act(state, Action::Submit);
    assert_eq!(state.focus(), Focus::List);
    act(state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(
        state.reader().doc.map(|d| id_of(state, d)).as_deref(),
        Some(CHANNEL)
    );
}

fn selected_country_codes(state: &State) -> Vec<String> {
    state
        .selection()
        .countries
        .iter()
        .map(|c| c.as_str().to_string())
        .collect()
}

// Remembered state: read marks, bookmarks, history, the last view.

/// The change to remember in an update's effects, if any.
fn remembered(up: &brief::tui::state::Update) -> Option<Change> {
    up.effects.iter().find_map(|e| match e {
        Effect::Remember(c) => Some(c.clone()),
        _ => None,
    })
}

fn press(state: &mut State, code: KeyCode, mods: KeyModifiers) -> Option<Action> {
    let action = state
        .keymap()
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
    assert_eq!(state.focus(), Focus::Countries);
}

/// The screen drawn for `state`, row by row (wide characters counted once).
fn screen_rows(state: &State) -> Vec<String> {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        state.size().width,
        state.size().height,
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
