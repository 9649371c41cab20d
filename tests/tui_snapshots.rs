//! What the browser draws: `TestBackend` screens compared with insta snapshots
//! (in `tests/snapshots/`), drawn without colour so the selection and the
//! highlights must show through characters and modifiers alone.
//!
//! Each snapshot is the screen text, then the runs of reversed cells (focus,
//! selection, current match) and of underlined cells (highlights), which a
//! plain text view would not show.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use brief::keys::action::Action;
use brief::keys::keymap::Keymap;
use brief::tui::state::{Focus, LineKind, Msg, Overlay, Settings, State};
use brief::tui::view::render;
use brief_core::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tui_support::*;

fn draw(state: &State) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(state.size().width, state.size().height)).unwrap();
    terminal.draw(|f| render(f, state)).unwrap();
    terminal
}

/// The text of row `y`, wide characters counted once.
fn row_text(buf: &Buffer, y: u16) -> String {
    let mut s = String::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        let cell = &buf[(x, y)];
        if skip == 0 {
            s.push_str(cell.symbol());
        }
        skip = skip.max(unicode_width(cell.symbol())).saturating_sub(1);
    }
    s
}

fn unicode_width(s: &str) -> usize {
    brief_core::text::width(s)
}

fn screen_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `row 3, 1..40 "text"` for each run of cells carrying `m`.
fn runs(buf: &Buffer, m: Modifier) -> String {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            if buf[(x, y)].modifier.contains(m) {
                let start = x;
                let mut text = String::new();
                while x < buf.area.width && buf[(x, y)].modifier.contains(m) {
                    text.push_str(buf[(x, y)].symbol());
                    x += 1;
                }
                out.push(format!("row {y:>2}, {start}..{x} {text:?}"));
            } else {
                x += 1;
            }
        }
    }
    out.join("\n")
}

fn snapshot_text(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    format!(
        "{}\n--- reversed ---\n{}\n--- underlined ---\n{}\n",
        terminal.backend(),
        runs(buf, Modifier::REVERSED),
        runs(buf, Modifier::UNDERLINED)
    )
}

fn browser(w: u16, h: u16) -> State {
    loaded(w, h)
}

/// The browser, its results shown, in `lang`, without colour.
fn browser_in(w: u16, h: u16, lang: Lang) -> State {
    loaded_in(w, h, brief::tui::launch::Launch::default(), lang)
}

/// The row of the screen showing `needle`, if any.
fn row_with(buf: &Buffer, needle: &str) -> Option<u16> {
    (0..buf.area.height).find(|&y| row_text(buf, y).contains(needle))
}

#[test]
fn main_screen_120x40() {
    let mut state = browser(120, 40);
    act(&mut state, Action::MoveDown);
    let terminal = draw(&state);
    let buf = terminal.backend().buffer();
    let text = screen_text(buf);
    assert!(text.contains("8 of 8 briefings"), "{text}");
    // The selected row shows without colour: a marker and reverse video.
    let title = &corpus().briefings[state.selected_doc().unwrap()].title;
    let prefix: String = title.chars().take(20).collect();
    let y = row_with(buf, "▶ ").expect("a marked row");
    assert!(row_text(buf, y).contains(&prefix), "{}", row_text(buf, y));
    let x = row_text(buf, y).chars().position(|c| c == '▶').unwrap() as u16;
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!("main_120x40", snapshot_text(&terminal));
}

#[test]
fn main_screen_80x24() {
    let state = browser(80, 24);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("8 of 8 briefings"), "{text}");
    // The facets are a summary line naming the key that reaches them.
    assert!(
        text.contains("Actors: any") && text.contains("Tab to filter"),
        "the way to the facets is shown: {text}"
    );
    insta::assert_snapshot!("main_80x24", snapshot_text(&terminal));
}

#[test]
fn countries_tab_at_80x24() {
    let mut state = browser(80, 24);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus(), Focus::Countries);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(
        text.contains("Countries") && text.contains("Niger (NE)"),
        "{text}"
    );
    insta::assert_snapshot!("countries_tab_80x24", snapshot_text(&terminal));
}

#[test]
fn reader_at_80x24_takes_the_screen() {
    let mut state = browser(80, 24);
    act(&mut state, Action::Open);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("Reader"), "{text}");
    assert!(
        !text.contains("Briefings 8/8"),
        "the list is hidden: {text}"
    );
    insta::assert_snapshot!("reader_80x24", snapshot_text(&terminal));
}

#[test]
fn help_overlay() {
    let mut state = browser(120, 40);
    act(&mut state, Action::Help);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("Help"), "{text}");
    insta::assert_snapshot!("help_120x40", snapshot_text(&terminal));
}

#[test]
fn help_lists_every_binding() {
    let mut state = browser(120, 40);
    act(&mut state, Action::Help);
    let mut seen = String::new();
    let keymap = Keymap::default();
    for _ in 0..keymap.bindings().len() {
        seen.push_str(&screen_text(draw(&state).backend().buffer()));
        act(&mut state, Action::MoveDown);
    }
    for b in keymap.bindings() {
        assert!(seen.contains(b.help), "'{}' is not in the help", b.help);
    }
    for label in [
        "Ctrl-C",
        "Ctrl-Z",
        "Ctrl-U",
        "Ctrl-D",
        "Shift-Tab",
        "PgDn",
        "PgUp",
        "Tab",
        "Esc",
        "Enter",
        "Space",
    ] {
        assert!(seen.contains(label), "key {label} is not in the help");
    }
}

/// The Channel meeting opened from a search for "manche", searched for "naufrage".
fn channel_with_naufrage() -> State {
    let mut state = browser(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "manche");
    acts(
        &mut state,
        &[Action::Submit, Action::Open, Action::FindInArticle],
    );
    type_text(&mut state, "naufrage");
    act(&mut state, Action::Submit);
    state
}

/// Asserts the current match is drawn reversed, and returns the screen text.
fn assert_current_match_reversed(state: &State, terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let text = screen_text(buf);
    let c = state.reader().current.expect("a current match");
    let n = state.reader().matches.len();
    assert!(
        text.contains(&format!("{}/{n}", c + 1)),
        "the counter shows the current match: {text}"
    );
    let (line, range) = state.reader().matches[c].clone();
    let word: String = state.reader().lines[line]
        .text
        .chars()
        .skip(range.start)
        .take(range.len())
        .collect();
    let reversed = runs(buf, Modifier::REVERSED);
    assert!(
        reversed.contains(&format!("{word:?}")),
        "the current match {word:?} ({:?}) is not reversed:\n{reversed}\n{text}",
        state.reader().lines[line]
    );
    text
}

#[test]
fn reader_with_a_highlighted_match() {
    let mut state = channel_with_naufrage();
    // The third match is in the body, below the first page.
    acts(&mut state, &[Action::NextMatch, Action::NextMatch]);
    let n = state.reader().matches.len();
    assert_eq!(state.reader().current, Some(2));
    assert!(n >= 3);
    assert!(
        state.reader().scroll > 0,
        "the reader scrolled to the match"
    );
    let terminal = draw(&state);
    assert_current_match_reversed(&state, &terminal);
    insta::assert_snapshot!("reader_match_120x40", snapshot_text(&terminal));
}

/// The counter says 2/4 but the match in the "Sujets" metadata line looks
/// like every other match: `view/reader.rs` only reversed the current match
/// on lines that are not `LineKind::Meta`.
#[test]
fn current_match_in_a_metadata_line_is_shown() {
    let mut state = channel_with_naufrage();
    let in_meta = state
        .reader()
        .matches
        .iter()
        .position(|(l, _)| matches!(state.reader().lines[*l].kind, LineKind::Meta(_)))
        .expect("a match in the metadata");
    for _ in 0..in_meta {
        act(&mut state, Action::NextMatch);
    }
    let (line, _) = state.reader().matches[in_meta].clone();
    assert_eq!(state.reader().current, Some(in_meta));
    assert!(matches!(state.reader().lines[line].kind, LineKind::Meta(_)));
    let terminal = draw(&state);
    assert_current_match_reversed(&state, &terminal);
}

#[test]
fn facet_selection() {
    let mut state = browser(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    move_facet_cursor_to(&mut state, "Niger (NE)");
    act(&mut state, Action::Toggle);
    assert_eq!(state.hits().len(), 4);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("4 of 8 briefings"), "{text}");
    assert!(text.contains("countries: Niger"), "{text}");
    assert!(text.contains("[x] Niger (NE)"), "{text}");
    insta::assert_snapshot!("facet_niger_120x40", snapshot_text(&terminal));
}

#[test]
fn malformed_query() {
    let mut state = browser(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "pays:Narnia");
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("Narnia"), "{text}");
    insta::assert_snapshot!("query_error_120x40", snapshot_text(&terminal));
}

/// How the query was read, said in the interface language while it is typed.
#[test]
fn the_reading_of_a_query_speaks_the_interface_language() {
    for (lang, read) in [
        (Lang::En, "royaume uni → country GB"),
        (Lang::Fr, "royaume uni → pays GB"),
    ] {
        let mut state = browser_in(120, 40, lang);
        act(&mut state, Action::FocusSearch);
        type_text(&mut state, "Royaume-Uni ");
        let text = screen_text(draw(&state).backend().buffer());
        assert!(text.contains(read), "{lang:?}: {text}");
    }
}

#[test]
fn too_small_notice() {
    let state = browser(30, 8);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("too small"), "{text}");
    insta::assert_snapshot!("too_small_30x8", snapshot_text(&terminal));
}

#[test]
fn one_by_one() {
    let mut state = browser(120, 40);
    act(&mut state, Action::Open);
    send(&mut state, Msg::Resize(1, 1));
    let terminal = draw(&state);
    insta::assert_snapshot!("tiny_1x1", snapshot_text(&terminal));
}

#[test]
fn loading_screen() {
    let mut state = State::new(Settings {
        origin: "briefings".into(),
        size: ratatui::layout::Rect::new(0, 0, 80, 24),
        ..Settings::default()
    });
    brief::tui::state::update(&mut state, Msg::Progress(3, 9));
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("3/9"), "{text}");
}

/// Every size, every pane focused, help open or not: no panic, and the
/// selected briefing survives.
#[test]
fn no_panic_at_any_size() {
    let mut state = browser(120, 40);
    act(&mut state, Action::MoveDown);
    let doc = state.selected_doc();
    let sizes = (0..=130u16)
        .flat_map(|w| [0u16, 1, 2, 5, 9, 10, 11, 12, 24].map(|h| (w, h)))
        .chain((0..=45u16).flat_map(|h| [1u16, 20, 39, 40, 41, 63, 64, 99, 100].map(|w| (w, h))));
    let sizes: Vec<(u16, u16)> = sizes.collect();
    let mut drawn = 0;
    for (i, &(w, h)) in sizes.iter().enumerate() {
        send(&mut state, Msg::Resize(w, h));
        // Cycle the focus now and then so each layout is drawn with various panes.
        if i % 7 == 0 {
            act(&mut state, Action::FocusNext);
        }
        if i % 97 == 0 {
            let toggle = if state.overlay() == Overlay::None {
                Action::Help
            } else {
                Action::Back
            };
            act(&mut state, toggle);
        }
        if w > 0 && h > 0 {
            draw(&state);
            drawn += 1;
        }
    }
    assert!(drawn > 1000);
    if state.overlay() != Overlay::None {
        act(&mut state, Action::Back);
    }
    assert_eq!(state.selected_doc(), doc);
}

/// On the current match's line, `view/reader.rs` redraws the whole line with
/// only that match styled: the query's highlights ("Manche" here), any other
/// match on the line and the line's own style (italic summary) are lost.
#[test]
fn the_current_match_line_keeps_its_other_highlights() {
    let mut state = channel_with_naufrage();
    acts(&mut state, &[Action::NextMatch, Action::NextMatch]);
    let (line, _) = state.reader().matches[2].clone();
    let text = state.reader().lines[line].text.clone();
    assert!(
        text.contains("naufrage") && text.contains("Manche"),
        "{text}"
    );
    let terminal = draw(&state);
    let buf = terminal.backend().buffer();
    let y =
        row_with(buf, "naufrage du 24 novembre 2021 dans la Manche").expect("the line on screen");
    let underlined = runs(buf, Modifier::UNDERLINED);
    assert!(
        underlined.contains(&format!("row {y:>2}")) && underlined.contains("\"Manche\""),
        "\"Manche\" (the query) is not highlighted on row {y}:\n{underlined}"
    );
}

/// Control characters, and the bidirectional overrides, isolates and marks.
fn is_control(c: char) -> bool {
    c.is_control() || ('\u{80}'..='\u{9f}').contains(&c) || brief_core::text::is_dangerous(c)
}

/// Control characters in the data never reach a cell; double-width and
/// right-to-left text and over-long words stay inside their panes.
#[test]
fn hostile_text_is_drawn_safely() {
    let dir = hostile_dir();
    for (w, h) in [(120, 40), (80, 24), (60, 20), (40, 10)] {
        let mut state = loaded_from(dir.path(), w, h);
        assert_eq!(state.hits().len(), 1);
        let screens = [
            draw(&state),
            {
                act(&mut state, Action::Open);
                draw(&state)
            },
            {
                act(&mut state, Action::PageDown);
                draw(&state)
            },
            {
                act(&mut state, Action::Problems);
                draw(&state)
            },
        ];
        for terminal in &screens {
            let buf = terminal.backend().buffer();
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    let sym = buf[(x, y)].symbol();
                    assert!(
                        !sym.chars().any(is_control),
                        "control character {sym:?} at {x},{y} at {w}x{h}:\n{}",
                        terminal.backend()
                    );
                }
                let row = row_text(buf, y);
                assert_eq!(
                    brief_core::text::width(&row),
                    usize::from(w),
                    "row {y} at {w}x{h} is not {w} cells wide: {row:?}"
                );
            }
        }
        // The reader's right border is intact on every row of the body.
        let buf = screens[1].backend().buffer();
        for y in 1..h - 1 {
            let sym = buf[(w - 1, y)].symbol();
            assert!(
                "┃│║█▲▼┓┛".contains(sym),
                "right border broken at row {y} at {w}x{h}: {sym:?}\n{}",
                screens[1].backend()
            );
        }
    }
}

#[test]
fn empty_folder_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut state = loaded_from(dir.path(), 80, 24);
    assert!(state.hits().is_empty());
    for a in [
        Action::Open,
        Action::MoveDown,
        Action::FocusNext,
        Action::Toggle,
        Action::FocusNext,
        Action::FindInArticle,
    ] {
        act(&mut state, a);
    }
    act(&mut state, Action::Back);
    act(&mut state, Action::Back);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("No briefings yet"), "{text}");
    assert!(text.contains(&dir.path().display().to_string()), "{text}");
    assert!(text.contains("0 of 0 briefings"), "{text}");
}

/// On the Linux console (`plain_glyphs`): no glyph its fonts may lack.
#[test]
fn plain_glyphs_for_the_linux_console() {
    let state = loaded_set(
        80,
        24,
        Settings {
            plain_glyphs: true,
            ..Settings::default()
        },
    );
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(!text.contains('▶') && !text.contains('┏'), "{text}");
    assert!(
        text.lines().any(|l| l.contains("║> + ")),
        "the selected row keeps a marker: {text}"
    );
    insta::assert_snapshot!("plain_glyphs_80x24", snapshot_text(&terminal));
}

/// A browser on a folder without briefings (`files` may hold broken ones).
fn empty_browser(w: u16, h: u16, files: Vec<(std::path::PathBuf, Vec<u8>)>) -> State {
    let corpus = brief_core::load::load_files(files, "/srv/briefings".into());
    let mut state = State::new(Settings {
        origin: "/srv/briefings".into(),
        size: ratatui::layout::Rect::new(0, 0, w, h),
        ..Settings::default()
    });
    send(&mut state, Msg::Loaded(std::sync::Arc::new(corpus)));
    state
}

/// An empty folder gets a screen saying where brief looked and how to add
/// briefings, not empty panes; every size stays safe.
#[test]
fn an_empty_folder_has_a_friendly_screen() {
    let state = empty_browser(120, 40, Vec::new());
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    for needle in [
        "No briefings yet",
        "/srv/briefings",
        "*.yaml",
        "BRIEF_DIR",
        "0 of 0 briefings",
    ] {
        assert!(text.contains(needle), "{needle}:\n{text}");
    }
    insta::assert_snapshot!("empty_folder_120x40", snapshot_text(&terminal));
    let terminal = draw(&empty_browser(80, 24, Vec::new()));
    insta::assert_snapshot!("empty_folder_80x24", snapshot_text(&terminal));
    for (w, h) in [(40, 10), (1, 1), (200, 60)] {
        let terminal = draw(&empty_browser(w, h, Vec::new()));
        let text = screen_text(terminal.backend().buffer());
        assert!(text.lines().count() <= usize::from(h));
    }
}

/// Only broken files: the same screen, pointing at the problems, which `p` shows.
#[test]
fn a_folder_of_broken_files_points_to_the_problems() {
    let files = vec![
        ("/srv/briefings/a.yaml".into(), b"title: [\n".to_vec()),
        ("/srv/briefings/b.yaml".into(), b"titel: x\n".to_vec()),
    ];
    let mut state = empty_browser(100, 30, files);
    let text = screen_text(draw(&state).backend().buffer());
    assert!(
        text.contains("2 problems found while loading: press p"),
        "{text}"
    );
    act(&mut state, Action::Problems);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("Problems (2)"), "{text}");
    assert!(
        text.contains("b.yaml:1:1: error: unknown field 'titel'"),
        "{text}"
    );
    insta::assert_snapshot!("empty_folder_problems_100x30", snapshot_text(&terminal));
}

/// Rows of the terminal's screen holding OSC 8 link cells.
fn linked_rows(buf: &Buffer) -> Vec<u16> {
    (0..buf.area.height)
        .filter(|&y| (0..buf.area.width).any(|x| buf[(x, y)].symbol().contains("\x1b]8;;")))
        .collect()
}

/// The source URL's cells carry OSC 8 links; scrolling redraws through the
/// diff leave them only where the URL now is, and with links off none are written.
#[test]
fn source_links_follow_the_scroll_and_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (0..60).map(|i| format!("  Paragraphe {i}.\n\n")).collect();
    std::fs::write(
        dir.path().join("with-url.yaml"),
        format!(
            "id: with-url\ntitle: Une réunion avec une source\ndate: 2022-05-04\ncountries: [FR]\nsource: {{ publisher: Éditeur, url: \"https://example.org/r\" }}\nrelated: [autre-a, autre-b, autre-c]\nbody: |\n{body}"
        ),
    )
    .unwrap();
    let mut state = loaded_from(dir.path(), 120, 40);
    act(&mut state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    let url_line = state
        .reader()
        .lines
        .iter()
        .position(|l| l.link.is_some())
        .expect("the URL line");
    // The source comes after the body: on the last page.
    act(&mut state, Action::Last);
    let top = state.reader().scroll;
    assert!(top > 0 && url_line >= top, "{top} {url_line}");
    let mut terminal =
        Terminal::new(TestBackend::new(state.size().width, state.size().height)).unwrap();
    terminal.draw(|f| render(f, &state)).unwrap();
    let first = linked_rows(terminal.backend().buffer());
    assert_eq!(first.len(), 1, "one linked row");
    let row = first[0];
    // Every cell on its own: a linked cell's symbol is wider than its one cell.
    let buf = terminal.backend().buffer();
    let text: String = (0..buf.area.width)
        .map(|x| buf[(x, row)].symbol())
        .collect();
    let link = "\x1b]8;;https://example.org/r\x1b\\";
    assert_eq!(text.matches(link).count(), "https://example.org/r".len());
    assert!(
        text.replace(link, "")
            .replace("\x1b]8;;\x1b\\", "")
            .contains(" https://example.org/r")
    );
    // One line up: the link moves down a row, the old row is plain again.
    act(&mut state, Action::MoveUp);
    assert_eq!(state.reader().scroll, top - 1);
    terminal.draw(|f| render(f, &state)).unwrap();
    assert_eq!(linked_rows(terminal.backend().buffer()), vec![row + 1]);
    // Scrolled away from it: no link anywhere.
    for _ in 0..40 {
        act(&mut state, Action::MoveUp);
    }
    terminal.draw(|f| render(f, &state)).unwrap();
    assert!(linked_rows(terminal.backend().buffer()).is_empty());
    // Back where it was with links off: the URL is plain text.
    act(&mut state, Action::Last);
    assert_eq!(state.reader().scroll, top);
    let mut state = loaded_from_set(
        dir.path(),
        120,
        40,
        Settings {
            links: false,
            ..Settings::default()
        },
    );
    acts(&mut state, &[Action::Open, Action::Last]);
    assert_eq!(state.reader().scroll, top);
    terminal.draw(|f| render(f, &state)).unwrap();
    let buf = terminal.backend().buffer();
    assert!(linked_rows(buf).is_empty());
    assert!(row_text(buf, row).contains(" https://example.org/r"));
}

/// `theme:` in config.yaml: high contrast swaps dim grey for white and
/// brightens focus; monochrome (as NO_COLOR) draws no colour at all.
#[test]
fn themes_change_the_colours_and_monochrome_has_none() {
    use brief_core::config::Theme;
    use ratatui::style::Color;
    let colours = |state: &State| {
        let terminal = draw(state);
        let buf = terminal.backend().buffer().clone();
        let focused_border = buf[(0, 1)].fg;
        let used: std::collections::BTreeSet<String> = buf
            .content()
            .iter()
            .flat_map(|c| [c.fg, c.bg])
            .map(|c| format!("{c:?}"))
            .collect();
        (focused_border, used)
    };
    let themed = |theme| {
        loaded_set(
            120,
            40,
            Settings {
                color: true,
                theme,
                ..Settings::default()
            },
        )
    };
    let (border, used) = colours(&themed(Theme::default()));
    assert_eq!(border, Color::Cyan);
    assert!(used.contains("DarkGray"), "{used:?}");
    let (border, used) = colours(&themed(Theme::HighContrast));
    assert_eq!(border, Color::LightYellow);
    assert!(!used.contains("DarkGray"), "no dim grey: {used:?}");
    // Monochrome means no colour, whatever the terminal can do.
    let (_, used) = colours(&themed(Theme::Monochrome));
    assert_eq!(
        used,
        std::collections::BTreeSet::from(["Reset".to_string()])
    );
}

/// The keymap with `keys: {quit: Q, help: F1}` from a config file.
fn rebound_quit_and_help() -> std::sync::Arc<Keymap> {
    let overrides: Vec<brief_core::config::KeyOverride> = [("quit", "Q"), ("help", "F1")]
        .iter()
        .enumerate()
        .map(|(i, (action, key))| brief_core::config::KeyOverride {
            action: action.to_string(),
            keys: vec![key.to_string()],
            line: Some(i + 2),
        })
        .collect();
    let (keymap, problems) =
        Keymap::with_overrides(&overrides, std::path::Path::new("config.yaml"));
    assert!(problems.is_empty(), "{problems:?}");
    std::sync::Arc::new(keymap)
}

/// The words of a screen, split where key names end (`Esc/?/q`, `(p)`).
fn screen_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "/·()┃│".contains(c))
        .map(|w| w.trim_end_matches(['.', ',', ':']).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// After `keys: {quit: Q, help: F1}`, no screen names `q` or `?` any more:
/// the main screen's hints, empty results, the empty-folder screen, the
/// help and the problems view all take their keys from the keymap in force.
#[test]
fn rebound_keys_show_everywhere_and_the_old_ones_nowhere() {
    let keymap = rebound_quit_and_help();
    let status_row = |state: &State| {
        let terminal = draw(state);
        let buf = terminal.backend().buffer();
        row_text(buf, buf.area.height - 1)
    };
    let old_keys_absent = |what: &str, text: &str| {
        let words = screen_words(text);
        for old in ["q", "?"] {
            assert!(
                !words.iter().any(|w| w == old),
                "{what} still names '{old}':\n{text}"
            );
        }
    };

    // The main screen: the status line's hints.
    let mut state = State::new(Settings {
        origin: "test".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        keymap: keymap.clone(),
        ..Settings::default()
    });
    send(&mut state, Msg::Loaded(corpus()));
    let status = status_row(&state);
    assert!(status.contains("F1 help"), "{status}");
    assert!(status.contains("Q quit"), "{status}");
    old_keys_absent("the main screen's status line", &status);

    // A search that finds nothing.
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "zzzzyyyy");
    act(&mut state, Action::Submit);
    assert!(state.hits().is_empty());
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("No briefing matches"), "{text}");
    old_keys_absent("the empty results", &text);

    // A folder without briefings but with problems: its own screen, the
    // problems view and the help, where nothing of a briefing shows through.
    let files = vec![
        ("/srv/briefings/a.yaml".into(), b"title: [\n".to_vec()),
        ("/srv/briefings/b.yaml".into(), b"titel: x\n".to_vec()),
    ];
    let corpus = brief_core::load::load_files(files, "/srv/briefings".into());
    let mut state = State::new(Settings {
        origin: "/srv/briefings".into(),
        size: ratatui::layout::Rect::new(0, 0, 120, 40),
        keymap,
        ..Settings::default()
    });
    send(&mut state, Msg::Loaded(std::sync::Arc::new(corpus)));
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("Q quits."), "{text}");
    old_keys_absent("the empty-folder screen", &text);

    act(&mut state, Action::Problems);
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("Problems (2)"), "{text}");
    old_keys_absent("the problems view", &text);
    act(&mut state, Action::Back);

    act(&mut state, Action::Help);
    let mut seen = String::new();
    for _ in 0..state.help_lines().len() {
        seen.push_str(&screen_text(draw(&state).backend().buffer()));
        act(&mut state, Action::MoveDown);
    }
    old_keys_absent("the help", &seen);
    let rows: Vec<&str> = seen.lines().collect();
    let row = |help: &str| {
        rows.iter()
            .find(|r| {
                r.trim_end()
                    .trim_end_matches('┃')
                    .trim_end()
                    .ends_with(help)
            })
            .map(|r| screen_words(r))
            .unwrap_or_else(|| panic!("no '{help}' row in the help:\n{seen}"))
    };
    assert_eq!(row(" quit").first().map(String::as_str), Some("Q"));
    assert_eq!(row(" help").first().map(String::as_str), Some("F1"));
    assert!(row("close the help").contains(&"F1".to_string()));
    assert!(row("close the help").contains(&"Q".to_string()));
}

/// The reader opens on the text: title, header, id, then the body.
#[test]
fn reader_opens_on_the_text_at_120x40() {
    let mut state = browser(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "manche");
    acts(&mut state, &[Action::Submit, Action::Open]);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("Après le naufrage"), "{text}");
    insta::assert_snapshot!("reader_120x40", snapshot_text(&terminal));
}

/// The reader's details with who added the briefing and who changed it last
/// (git's history, as the loop's worker answers it), in each language.
#[test]
fn reader_details_say_who_added_and_changed_the_briefing() {
    use brief::git::LogEntry;
    use brief::tui::state::{Effect, HistoryAnswer};
    let entry = |author: &str, date: &str| LogEntry {
        commit: "abc1234".into(),
        author: author.into(),
        date: date.into(),
        subject: "a change".into(),
    };
    for (lang, added, changed) in [
        (
            Lang::En,
            "Added    2024-05-02 by Alice Martin",
            "Changed  2025-01-10 by Bob",
        ),
        (
            Lang::Fr,
            "Ajoutée   2024-05-02 par Alice Martin",
            "Modifiée  2025-01-10 par Bob",
        ),
    ] {
        let mut state = loaded_set(
            80,
            24,
            Settings {
                lang,
                git_history: true,
                ..Settings::default()
            },
        );
        act(&mut state, Action::FocusSearch);
        type_text(&mut state, "manche");
        act(&mut state, Action::Submit);
        let up = act(&mut state, Action::Open);
        let (ask, path) = up
            .effects
            .iter()
            .find_map(|e| match e {
                Effect::History { ask, path } => Some((*ask, path.clone())),
                _ => None,
            })
            .expect("the history is asked for");
        let answer = HistoryAnswer::Entries(vec![
            entry("Bob", "2025-01-10"),
            entry("Alice Martin", "2024-05-02"),
        ]);
        send(&mut state, Msg::History { ask, path, answer });
        // Scrolled down to the details.
        let heading = lang.text().details;
        let at = state
            .reader()
            .lines
            .iter()
            .position(|l| l.kind == LineKind::Heading && l.text == heading)
            .expect("a details heading");
        for _ in 0..at {
            act(&mut state, Action::MoveDown);
        }
        let terminal = draw(&state);
        let text = screen_text(terminal.backend().buffer());
        assert!(text.contains(added), "{text}");
        assert!(text.contains(changed), "{text}");
        let tag = lang.as_str();
        insta::assert_snapshot!(
            format!("reader_history_{tag}_80x24"),
            snapshot_text(&terminal)
        );
    }
}

/// 40x12, the smallest full screen: titles take the codes' room too.
#[test]
fn list_at_40x12() {
    let state = browser(40, 12);
    let terminal = draw(&state);
    insta::assert_snapshot!("list_40x12", snapshot_text(&terminal));
}

/// From 160 columns the reader sits beside the list.
#[test]
fn wide_screen_170x40() {
    let state = browser(170, 40);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(
        text.contains("Briefings 8/8") && text.contains("Reader"),
        "{text}"
    );
    insta::assert_snapshot!("wide_170x40", snapshot_text(&terminal));
}

/// The empty list never suggests a letter while the cursor is in the search
/// line (it would be typed): it names Ctrl-U and Esc, and says why.
#[test]
fn the_empty_list_names_keys_that_act_from_the_search_line() {
    let mut state = browser(120, 40);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "zzzqqq");
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("0 of 8 briefings"), "{text}");
    assert!(text.contains("No briefing matches."), "{text}");
    assert!(text.contains("Ctrl-U clears the search"), "{text}");
    // x is named only as a key of the list, after Esc has left the line.
    assert!(
        !text
            .replace("goes to the list, where x clears every filter", "")
            .contains("x clears every filter"),
        "{text}"
    );
    // From the list, x does clear.
    act(&mut state, Action::Back);
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("x clears every filter."), "{text}");
    // An unknown actor: 0 results and the reason in the list.
    act(&mut state, Action::FocusSearch);
    act(&mut state, Action::ClearLine);
    type_text(&mut state, "acteur:Zorglub");
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("0 of 8 briefings"), "{text}");
    assert!(text.contains("No briefing matches: "), "{text}");
    assert!(text.contains("Zorglub"), "{text}");
}

/// The countries pane's title counts what the status line names.
#[test]
fn the_pane_title_and_the_status_line_agree() {
    let mut state = browser(120, 40);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    for name in ["tunis", "niger"] {
        type_text(&mut state, name);
        act(&mut state, Action::Toggle);
    }
    // A filter on screen that hides one of them changes neither.
    type_text(&mut state, "tun");
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("Countries (2 chosen) ⌕ tun"), "{text}");
    assert!(text.contains("countries: Tunisia | Niger"), "{text}");
    act(&mut state, Action::Back);
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("Countries (2 chosen)"), "{text}");
}

/// On the empty-folder screen with the cursor in the search line, where `q`
/// would be typed, the way out names a key that quits from there.
#[test]
fn the_empty_folder_screen_names_keys_that_act_from_the_search_line() {
    let mut state = empty_browser(120, 40, Vec::new());
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("q quits."), "{text}");
    act(&mut state, Action::FocusSearch);
    let text = screen_text(draw(&state).backend().buffer());
    assert!(text.contains("Ctrl-C quits."), "{text}");
    assert!(!text.contains("q quits."), "{text}");
}

/// The main screen, the reader and the help in each language at 80x24 and
/// 120x40, and a tiny terminal: everything on screen in the one language.
#[test]
fn every_screen_in_one_language() {
    // Words only the other language would show.
    let foreign = |lang: Lang| match lang {
        Lang::En => ["Lecture", "Fiches", "Acteurs", "Pays", "sur 8", "fiches"],
        Lang::Fr => [
            "Reader",
            "Briefings",
            "Actors",
            "Countries",
            " of 8",
            "help",
        ],
    };
    // The interface's own words: pane titles, the facet line and the status
    // line (the briefings' text is French whatever the interface speaks).
    let chrome = |text: &str| -> String {
        let lines: Vec<&str> = text.lines().collect();
        let n = lines.len();
        lines
            .iter()
            .enumerate()
            .filter(|&(i, l)| i + 2 >= n || l.starts_with(['┌', '┏']))
            .map(|(_, l)| *l)
            .collect::<Vec<_>>()
            .join("\n")
    };
    for lang in Lang::ALL {
        let tag = lang.as_str();
        for (w, h) in [(80, 24), (120, 40)] {
            let mut state = browser_in(w, h, lang);
            let main = draw(&state);
            let text = chrome(&screen_text(main.backend().buffer()));
            for word in foreign(lang) {
                assert!(!text.contains(word), "{tag} main {w}x{h}: '{word}'\n{text}");
            }
            insta::assert_snapshot!(format!("main_{tag}_{w}x{h}"), snapshot_text(&main));
            act(&mut state, Action::FocusSearch);
            type_text(&mut state, "manche");
            acts(&mut state, &[Action::Submit, Action::Open]);
            let terminal = draw(&state);
            let text = chrome(&screen_text(terminal.backend().buffer()));
            for word in foreign(lang) {
                assert!(
                    !text.contains(word),
                    "{tag} reader {w}x{h}: '{word}'\n{text}"
                );
            }
            insta::assert_snapshot!(format!("reader_{tag}_{w}x{h}"), snapshot_text(&terminal));
            acts(&mut state, &[Action::Back, Action::Help]);
            let terminal = draw(&state);
            insta::assert_snapshot!(format!("help_{tag}_{w}x{h}"), snapshot_text(&terminal));
        }
        let state = browser_in(30, 8, lang);
        let terminal = draw(&state);
        insta::assert_snapshot!(format!("too_small_{tag}_30x8"), snapshot_text(&terminal));
    }
}

/// A folder without actors.yaml: its actor names are no problem to count on
/// the status line; the problems view sums them up in one line, with a real
/// problem (a broken file) counted and listed first.
#[test]
fn unregistered_actors_are_summed_up_not_counted_as_problems() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(
        dir.path().join("a.yaml"),
        "id: a\ntitle: Réunion A\nactors:\n  - name: Quelqu’un\n  - name: Autre Personne\n",
    )
    .expect("written");
    let mut state = loaded_from(dir.path(), 100, 30);
    let status = screen_text(draw(&state).backend().buffer());
    assert!(!status.contains("problem"), "{status}");
    act(&mut state, Action::Problems);
    let text = screen_text(draw(&state).backend().buffer());
    assert!(
        text.contains("2 actor names are not in actors.yaml"),
        "{text}"
    );
    std::fs::write(dir.path().join("b.yaml"), "id: [broken\n").expect("written");
    let mut state = loaded_from(dir.path(), 100, 30);
    let status = screen_text(draw(&state).backend().buffer());
    assert!(status.contains("1 problem"), "{status}");
    act(&mut state, Action::Problems);
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    let broken = text.find("b.yaml").expect("the broken file is listed");
    let summary = text.find("actor names are not").expect("the summary");
    assert!(broken < summary, "real problems first: {text}");
    // The temporary folder's name changes from run to run (its length does not).
    let shown = snapshot_text(&terminal).replace(&dir.path().display().to_string(), "/tmp/DIR");
    insta::assert_snapshot!("problems_unregistered_100x30", shown);
}

/// In French, the problems view says its warnings and counts in French.
#[test]
fn the_problems_view_speaks_the_interface_language() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(
        dir.path().join("a.yaml"),
        "id: a\ntitle: Réunion A\nactors:\n  - name: Grande Mosquée de Valence\n",
    )
    .expect("written");
    let settings = Settings {
        lang: Lang::Fr,
        ..Settings::default()
    };
    let mut state = loaded_from_set(dir.path(), 120, 30, settings);
    act(&mut state, Action::Problems);
    let text = screen_text(draw(&state).backend().buffer());
    // Lines wrap at the view's edge: compare the text as one line.
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        one.contains("avertissement: l’acteur « Grande Mosquée de Valence » n’est pas"),
        "{text}"
    );
    assert!(
        !one.contains("is not in") && !one.contains("warning"),
        "{text}"
    );
}

/// A status line too long for the screen drops the way to the help, then
/// ends its last text at a word with `…`: never a word cut by the edge.
#[test]
fn a_long_status_line_is_cut_at_a_word_with_a_mark() {
    for lang in [Lang::En, Lang::Fr] {
        let mut state = browser_in(40, 12, lang);
        act(&mut state, Action::ClearFilters);
        let buf = draw(&state).backend().buffer().clone();
        let status = row_text(&buf, buf.area.height - 1);
        let status = status.trim_end();
        let message = state.message().expect("x says so").to_string();
        let last = status.rsplit(' ').next().unwrap_or_default();
        assert!(
            status.ends_with('…') || message.ends_with(last),
            "{lang:?}: '{status}' ends mid-word ('{message}')"
        );
    }
}

/// The folder of dated briefings, fifteen from 2016 to 2023 and two undated.
fn dated_browser(w: u16, h: u16, lang: Lang) -> State {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates");
    loaded_from_set(
        &dir,
        w,
        h,
        Settings {
            lang,
            ..Settings::default()
        },
    )
}

/// The timeline: shown from 30 rows, toggled at 80x24 (two lines), focused
/// with a range of years chosen, in both languages.
#[test]
fn timeline_in_both_languages() {
    for lang in Lang::ALL {
        let tag = lang.as_str();
        for (w, h) in [(80, 24), (120, 40)] {
            let mut state = dated_browser(w, h, lang);
            if h < 30 {
                assert!(state.areas().timeline.is_none());
                act(&mut state, Action::ToggleTimeline);
            }
            assert_eq!(state.areas().timeline.map(|r| r.height), Some(2));
            let shown = draw(&state);
            let text = screen_text(shown.backend().buffer());
            assert!(text.contains("2016") && text.contains("max 4"), "{text}");
            insta::assert_snapshot!(format!("timeline_{tag}_{w}x{h}"), snapshot_text(&shown));
            acts(
                &mut state,
                &[
                    Action::FocusTimeline,
                    Action::PrevPeriod,
                    Action::Toggle,
                    Action::PrevPeriod,
                    Action::Toggle,
                ],
            );
            assert_eq!(state.hits().len(), 6);
            let focused = draw(&state);
            let text = screen_text(focused.backend().buffer());
            assert!(text.contains("2021–2022"), "{text}");
            insta::assert_snapshot!(
                format!("timeline_range_{tag}_{w}x{h}"),
                snapshot_text(&focused)
            );
        }
    }
}

/// The dates pane beside actors and countries, a year opened to its months.
#[test]
fn dates_pane_120x40() {
    let mut state = dated_browser(120, 40, Lang::En);
    acts(&mut state, &[Action::FocusNext; 3]);
    assert_eq!(state.focus(), Focus::Dates);
    move_facet_cursor_to(&mut state, "2021");
    acts(
        &mut state,
        &[Action::OpenDossier, Action::MoveDown, Action::Toggle],
    );
    let terminal = draw(&state);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("[x]   2021-06"), "{text}");
    insta::assert_snapshot!("dates_pane_120x40", snapshot_text(&terminal));
}

/// Niger's dossier, opened from the countries pane, in `lang`.
fn niger_dossier(w: u16, h: u16, lang: Lang) -> State {
    let mut state = browser_in(w, h, lang);
    acts(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus(), Focus::Countries);
    for c in "niger".chars() {
        act(&mut state, Action::Insert(c));
    }
    act(&mut state, Action::OpenDossier);
    assert_eq!(state.focus(), Focus::Dossier);
    state
}

#[test]
fn dossier_in_both_languages_at_80x24_and_120x40() {
    for (lang, name, heading) in [
        (Lang::En, "en", "Dossier: Niger (NE)"),
        (Lang::Fr, "fr", "Profil : Niger (NE)"),
    ] {
        for (w, h) in [(80, 24), (120, 40)] {
            let state = niger_dossier(w, h, lang);
            let terminal = draw(&state);
            let text = screen_text(terminal.backend().buffer());
            assert!(text.contains(heading), "{text}");
            // A bar per year, its years under it.
            assert!(text.contains("2023"), "{text}");
            // The cursor on the newest meeting shows without colour.
            assert!(text.contains("▶ "), "{text}");
            insta::assert_snapshot!(format!("dossier_{name}_{w}x{h}"), snapshot_text(&terminal));
        }
    }
}

// Marked briefings and the list of saved searches (issue 25).

/// The browser with three briefings marked across two searches, back on
/// every result.
fn with_marks(w: u16, h: u16, lang: Lang) -> State {
    let mut state = browser_in(w, h, lang);
    act(&mut state, Action::Mark);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Mark);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "tunisie");
    act(&mut state, Action::Submit);
    act(&mut state, Action::Mark);
    act(&mut state, Action::ClearFilters);
    act(&mut state, Action::First);
    state
}

#[test]
fn marked_rows_show_without_colour() {
    for (lang, w, h) in [
        (Lang::En, 120, 40),
        (Lang::En, 80, 24),
        (Lang::Fr, 120, 40),
        (Lang::Fr, 80, 24),
    ] {
        let state = with_marks(w, h, lang);
        assert_eq!(state.marked().len(), 3);
        let terminal = draw(&state);
        let buf = terminal.backend().buffer();
        let text = screen_text(buf);
        let marked = (0..buf.area.height)
            .filter(|&y| row_text(buf, y).contains('✓'))
            .count();
        assert_eq!(marked, 3, "{text}");
        let count = if lang == Lang::En {
            "3 marked"
        } else {
            "3 cochées"
        };
        assert!(text.contains(count), "{text}");
        insta::assert_snapshot!(
            format!("marked_{}_{w}x{h}", lang.as_str()),
            snapshot_text(&terminal)
        );
    }
}

/// The list of saved searches as the worker answers it: two searches (one
/// with something new, one that cannot run any more) and a named set.
fn with_saved_list(w: u16, h: u16, lang: Lang) -> State {
    use brief::tui::state::{Counted, SavedEntry, SavedKind};
    use brief_core::remembered::SavedSearch;
    let mut state = browser_in(w, h, lang);
    let up = act(&mut state, Action::SavedSearches);
    let ask = up
        .effects
        .iter()
        .find_map(|e| match e {
            brief::tui::state::Effect::ListSaved { ask, .. } => Some(*ask),
            _ => None,
        })
        .expect("L asks for the list");
    let search = |query: &str, countries: &[&str]| {
        SavedKind::Search(SavedSearch {
            query: query.into(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
            ..SavedSearch::default()
        })
    };
    let entries = vec![
        SavedEntry {
            name: "Burundi".into(),
            kind: search("", &["BI"]),
            counted: Counted::Found {
                results: 0,
                new: 0,
                seen: vec![],
                at: 0,
            },
        },
        SavedEntry {
            name: "Méditerranée centrale".into(),
            kind: search("trafic de migrants", &["TN", "LY"]),
            counted: Counted::Found {
                results: 12,
                new: 1,
                seen: vec![],
                at: 0,
            },
        },
        SavedEntry {
            name: "Tunisie".into(),
            kind: search("tunisie", &[]),
            counted: Counted::Pending,
        },
        SavedEntry {
            name: "Note Niger".into(),
            kind: SavedKind::Set(vec![
                "2023-01-30-niger-nigeria".into(),
                "2023-03-06-niger-nigeria".into(),
            ]),
            counted: Counted::Pending,
        },
    ];
    send(&mut state, Msg::SavedListed { ask, entries });
    act(&mut state, Action::MoveDown);
    state
}

#[test]
fn the_saved_searches_list() {
    for (lang, w, h) in [
        (Lang::En, 120, 40),
        (Lang::En, 80, 24),
        (Lang::Fr, 120, 40),
        (Lang::Fr, 80, 24),
    ] {
        let state = with_saved_list(w, h, lang);
        assert_eq!(state.overlay(), Overlay::Saved);
        let terminal = draw(&state);
        let text = screen_text(terminal.backend().buffer());
        let new = if lang == Lang::En {
            "1 new"
        } else {
            "1 nouvelle"
        };
        assert!(text.contains(new), "{text}");
        insta::assert_snapshot!(
            format!("saved_{}_{w}x{h}", lang.as_str()),
            snapshot_text(&terminal)
        );
    }
}

#[test]
fn the_name_prompt_takes_the_status_line() {
    let mut state = browser(80, 24);
    act(&mut state, Action::FocusSearch);
    type_text(&mut state, "tunisie");
    act(&mut state, Action::Submit);
    act(&mut state, Action::SaveSearch);
    for c in "Tunisie".chars() {
        act(&mut state, Action::Insert(c));
    }
    let terminal = draw(&state);
    let buf = terminal.backend().buffer();
    let last = row_text(buf, buf.area.height - 1);
    assert!(last.starts_with("Save the search as: Tunisie"), "{last}");
    assert!(last.contains("Esc cancel"), "{last}");
    insta::assert_snapshot!("prompt_en_80x24", snapshot_text(&terminal));
}
