//! Shared by the TUI tests: the fixture briefings (`tests/fixtures`), and a
//! synchronous stand-in for the search worker of `brief::tui` so `update` can
//! be driven step by step.

#![allow(dead_code)]

use std::path::Path;
use std::sync::{Arc, OnceLock};

use brief::keys::action::Action;
use brief::tui::launch::Launch;
use brief::tui::state::{Effect, Msg, Results, SearchRequest, Settings, State, Update, update};
use brief_core::Folder;
use brief_core::load::{LoadOptions, load_dir};
use ratatui::layout::Rect;

#[path = "../support/fixtures.rs"]
pub mod fixtures;

/// The fixture folder, loaded once per test binary.
pub fn corpus() -> Arc<Folder> {
    static CORPUS: OnceLock<Arc<Folder>> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            Arc::new(
                load_dir(&fixtures::briefings(), &LoadOptions::default(), &|_, _| {})
                    .expect("the fixture folder loads"),
            )
        })
        .clone()
}

/// What the worker in `src/tui/mod.rs` answers to one request.
pub fn run_search(corpus: &Folder, req: &SearchRequest) -> Results {
    brief_core::searcher::answer(corpus, req)
}

/// Answers every search request in `effects` (in order, so older ones arrive
/// stale and are dropped like the real worker's), until none is left.
/// Returns the effects that are not searches.
pub fn settle(state: &mut State, effects: Vec<Effect>) -> Vec<Effect> {
    let mut pending = effects;
    let mut others = Vec::new();
    while !pending.is_empty() {
        let mut next = Vec::new();
        for effect in pending {
            match effect {
                Effect::Search(req) => {
                    let corpus = state
                        .corpus()
                        .expect("a search is only requested once loaded");
                    let up = update(state, Msg::Results(Box::new(run_search(corpus, &req))));
                    next.extend(up.effects);
                }
                // What the loop does on a thread of its own, done here and now.
                Effect::ReadBody { read, doc } => {
                    let corpus = state.corpus().cloned().expect("a body is read once loaded");
                    let paragraphs = brief::tui::body::load_body(&corpus, doc);
                    let up = update(
                        state,
                        Msg::Body {
                            read,
                            doc,
                            paragraphs,
                        },
                    );
                    next.extend(up.effects);
                }
                other => others.push(other),
            }
        }
        pending = next;
    }
    others
}

/// One message, then its searches answered; returns the update as `update` gave it.
pub fn send(state: &mut State, msg: Msg) -> Update {
    let up = update(state, msg);
    settle(state, up.effects.clone());
    up
}

pub fn act(state: &mut State, action: Action) -> Update {
    send(state, Msg::Action(action))
}

pub fn acts(state: &mut State, actions: &[Action]) {
    for &a in actions {
        act(state, a);
    }
}

/// Types `text` as a burst of keys, the way a fast typist would: every key asks
/// for a search, the answers come afterwards and only the newest is kept.
pub fn type_text(state: &mut State, text: &str) {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(update(state, Msg::Action(Action::Insert(c))).effects);
    }
    settle(state, effects);
}

/// A browser of `w`x`h` with the fixture briefings loaded and its first results shown.
pub fn loaded(w: u16, h: u16) -> State {
    loaded_with(w, h, Launch::default())
}

pub fn loaded_with(w: u16, h: u16, launch: Launch) -> State {
    loaded_in(w, h, launch, brief_core::Lang::En)
}

/// As `loaded_with`, in the interface language `lang` (the tests' sessions
/// never take the machine's locale: `Settings` default to English).
pub fn loaded_in(w: u16, h: u16, launch: Launch, lang: brief_core::Lang) -> State {
    loaded_set(
        w,
        h,
        Settings {
            launch,
            lang,
            ..Settings::default()
        },
    )
}

/// As `loaded`, set up from `settings` (the size is `w`x`h`): the way to
/// test a setting, since the state's fields are its own.
pub fn loaded_set(w: u16, h: u16, settings: Settings) -> State {
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: Rect::new(0, 0, w, h),
        ..settings
    });
    let up = update(&mut state, Msg::Loaded(corpus()));
    assert!(up.redraw);
    assert!(
        up.effects.iter().any(|e| matches!(e, Effect::Search(_))),
        "loading asks for the first results: {:?}",
        up.effects
    );
    settle(&mut state, up.effects);
    state
}

/// Id of the briefing at `doc` in the corpus.
pub fn id_of(state: &State, doc: usize) -> String {
    state.corpus().as_ref().unwrap().briefings[doc]
        .id
        .to_string()
}

/// Ids of the current hits, in order.
pub fn hit_ids(state: &State) -> Vec<String> {
    state.hits().iter().map(|h| id_of(state, h.doc)).collect()
}

/// Puts the focused facet pane's cursor on the value labelled `label`, with
/// movement actions only.
pub fn move_facet_cursor_to(state: &mut State, label: &str) {
    let pane = state.facet(state.focus()).expect("a facet pane has focus");
    let target = pane
        .items
        .iter()
        .position(|i| i.label == label)
        .unwrap_or_else(|| {
            panic!(
                "'{label}' not among {:?}",
                pane.items.iter().map(|i| &i.label).collect::<Vec<_>>()
            )
        });
    act(state, Action::First);
    for _ in 0..target {
        act(state, Action::MoveDown);
    }
    let pane = state.facet(state.focus()).unwrap();
    assert_eq!(pane.items[pane.cursor].label, label);
}

/// A briefing full of escape sequences, bells, C1 controls, right-to-left
/// and double-width text, and a word longer than any pane.
pub const HOSTILE_YAML: &str = fixtures::HOSTILE_YAML;

/// A folder holding only the hostile briefing.
pub fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("hostile.yaml"), HOSTILE_YAML).expect("written");
    dir
}

/// A browser of `w`x`h` on the corpus in `dir`, its first results shown.
pub fn loaded_from(dir: &Path, w: u16, h: u16) -> State {
    loaded_from_set(dir, w, h, Settings::default())
}

/// As `loaded_from`, set up from `settings`.
pub fn loaded_from_set(dir: &Path, w: u16, h: u16, settings: Settings) -> State {
    let corpus = load_dir(dir, &LoadOptions::default(), &|_, _| {}).expect("the folder loads");
    let mut state = State::new(Settings {
        origin: dir.display().to_string(),
        size: Rect::new(0, 0, w, h),
        ..settings
    });
    let up = update(&mut state, Msg::Loaded(Arc::new(corpus)));
    settle(&mut state, up.effects);
    state
}
