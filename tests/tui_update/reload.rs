//! Live reload (`state/reload.rs`).

use super::*;

/// A copy of the fixture briefings in a folder of its own, loaded into a
/// browser of `w`x`h` with its first results shown.
pub(crate) fn loaded_copy(w: u16, h: u16) -> (tempfile::TempDir, State) {
    loaded_copy_in(w, h, brief_core::Lang::En)
}

/// `loaded_copy` with the interface in `lang`.
fn loaded_copy_in(w: u16, h: u16, lang: brief_core::Lang) -> (tempfile::TempDir, State) {
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
        lang,
        ..Settings::default()
    });
    send(&mut state, Msg::Loaded(std::sync::Arc::new(corpus)));
    (dir, state)
}

/// Reads the folder again, as the watch thread does, and hands it to `update`.
pub(crate) fn reload_into(state: &mut State) -> brief::tui::state::Update {
    let prev = state.corpus().expect("loaded");
    let r = brief_core::load::reload::reload(prev, &brief_core::load::reload::Touched::Unknown)
        .expect("reloads");
    let corpus = std::sync::Arc::new(r.corpus);
    let doc_map = brief_core::load::reload::doc_map(prev, &corpus);
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
    assert_eq!(state.reader().scroll, 2);
    let offset = state.offset();

    // Newest of all, so every index in the corpus shifts; and a broken file.
    std::fs::write(dir.path().join("toute-nouvelle.yaml"), NEWEST).expect("write");
    std::fs::write(dir.path().join("casse.yaml"), "title: [\n").expect("write");
    let old = SystemTime::now() - Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(dir.path().join("casse.yaml"))
        .and_then(|f| f.set_modified(old))
        .expect("aged");
    let up = reload_into(&mut state);
    assert!(up.redraw);

    assert_eq!(state.hits().len(), 9);
    assert_eq!(
        id_of(&state, state.selected_doc().expect("a selection")),
        selected
    );
    assert_eq!(state.focus(), Focus::Reader);
    assert_eq!(state.reader().doc.map(|d| id_of(&state, d)), Some(selected));
    assert_eq!(state.reader().scroll, 2, "the reader keeps its place");
    assert_eq!(state.offset(), offset);
    assert_eq!(
        state.message(),
        Some("reloaded: 2 added, 0 changed, 0 removed")
    );
    let corpus = state.corpus().expect("loaded");
    assert_eq!(corpus.problems.len(), 1);
    assert!(corpus.problems[0].path.ends_with("casse.yaml"));

    // The problems view lists the new problem; fixing the file clears it.
    act(&mut state, Action::Problems);
    std::fs::write(
        dir.path().join("casse.yaml"),
        NEWEST.replace("toute-nouvelle", "reparee"),
    )
    .expect("write");
    reload_into(&mut state);
    assert!(state.corpus().as_ref().expect("loaded").problems.is_empty());
    assert_eq!(state.overlay(), Overlay::Problems { scroll: 0 });
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
    assert_eq!(state.focus(), Focus::List);

    std::fs::write(dir.path().join("toute-nouvelle.yaml"), NEWEST).expect("write");
    reload_into(&mut state);
    assert_eq!(state.search().text, "manche");
    assert_eq!(selected_country_codes(&state), ["FR"]);
    assert_eq!(hit_ids(&state), ["toute-nouvelle", CHANNEL]);
    assert_eq!(
        id_of(&state, state.selected_doc().expect("a selection")),
        CHANNEL
    );

    // The selected briefing goes: its neighbour is selected.
    let path = dir.path().join(format!("{CHANNEL}.yaml"));
    std::fs::remove_file(path).expect("rm");
    reload_into(&mut state);
    assert_eq!(hit_ids(&state), ["toute-nouvelle"]);
    assert_eq!(
        state.selected_doc().map(|d| id_of(&state, d)).as_deref(),
        Some("toute-nouvelle")
    );
    assert_eq!(
        state.message(),
        Some("reloaded: 0 added, 0 changed, 1 removed")
    );
}

#[test]
fn files_changed_asks_for_a_reload_of_the_paths_touched_once_loaded() {
    use brief_core::load::reload::Touched;
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
        [Effect::Reload(brief_core::load::reload::Touched::Unknown)]
    );
    assert_eq!(state.watch_off(), None);
}

/// What changed is said in the interface's language, counts and all.
#[test]
fn a_reload_says_what_changed_in_french() {
    let (dir, mut state) = loaded_copy_in(120, 40, brief_core::Lang::Fr);
    std::fs::write(dir.path().join("zz-nouvelle.yaml"), NEWEST).expect("write");
    std::fs::write(
        dir.path().join("zz-autre.yaml"),
        NEWEST.replace("toute-nouvelle", "autre-nouvelle"),
    )
    .expect("write");
    reload_into(&mut state);
    assert_eq!(
        state.message(),
        Some("rechargé : 2 ajoutées, 0 modifiée, 0 supprimée")
    );
}
