//! Who added the briefing and who changed it last, from git's history
//! (`state/authorship.rs`): asked by an effect when the reader opens a
//! briefing, answered by a message, kept per file, a stale answer dropped.

use super::*;
use brief::git::LogEntry;
use brief::tui::state::{HistoryAnswer, Update};
use std::path::PathBuf;

/// The fixture browser, the folder taken as one that may be in git.
fn in_git(w: u16, h: u16, lang: brief_core::Lang) -> State {
    loaded_set(
        w,
        h,
        Settings {
            lang,
            git_history: true,
            ..Settings::default()
        },
    )
}

fn asked(up: &Update) -> Option<(u64, PathBuf)> {
    up.effects.iter().find_map(|e| match e {
        Effect::History { ask, path } => Some((*ask, path.clone())),
        _ => None,
    })
}

fn entry(author: &str, date: &str) -> LogEntry {
    LogEntry {
        commit: "abc1234".into(),
        author: author.into(),
        date: date.into(),
        subject: "a change".into(),
    }
}

/// Newest first, as `git log` gives them.
fn two_commits() -> HistoryAnswer {
    HistoryAnswer::Entries(vec![
        entry("Bob", "2025-01-10"),
        entry("Alice Martin", "2024-05-02"),
    ])
}

fn answer(state: &mut State, (ask, path): (u64, PathBuf), answer: HistoryAnswer) -> Update {
    send(state, Msg::History { ask, path, answer })
}

/// The reader's `label  value` lines among the details that start with `label`.
fn detail(state: &State, label: &str) -> Option<String> {
    state
        .reader()
        .lines
        .iter()
        .find(|l| {
            matches!(l.kind, brief::tui::state::LineKind::Meta(_))
                && l.text.split_whitespace().next() == Some(label)
        })
        .map(|l| l.text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Opens the first briefing of the list in the reader: what it asked.
fn open_first(state: &mut State) -> Option<(u64, PathBuf)> {
    let up = act(state, Action::Open);
    assert_eq!(state.focus(), Focus::Reader);
    asked(&up)
}

#[test]
fn the_details_say_who_added_and_who_changed_the_briefing() {
    let mut state = in_git(120, 40, brief_core::Lang::En);
    let ask = open_first(&mut state).expect("opening a briefing asks for its history");
    let b = &state.corpus().unwrap().briefings[state.reader().doc.unwrap()];
    assert_eq!(ask.1, b.path, "the file of the briefing shown");
    assert_eq!(detail(&state, "Added"), None, "nothing until git answers");
    let up = answer(&mut state, ask, two_commits());
    assert!(up.redraw);
    assert_eq!(
        detail(&state, "Added").as_deref(),
        Some("Added 2024-05-02 by Alice Martin")
    );
    assert_eq!(
        detail(&state, "Changed").as_deref(),
        Some("Changed 2025-01-10 by Bob")
    );
    // Under the details heading, aligned with the other labels.
    let lines = &state.reader().lines;
    let at = lines
        .iter()
        .position(|l| l.text.starts_with("Added"))
        .unwrap();
    let heading = lines[..at]
        .iter()
        .rposition(|l| l.kind == brief::tui::state::LineKind::Heading)
        .unwrap();
    assert_eq!(lines[heading].text, "Details");
    let value_at = |l: &brief::tui::state::ReaderLine| match l.kind {
        brief::tui::state::LineKind::Meta(w) => w,
        _ => 0,
    };
    assert_eq!(value_at(&lines[at]), value_at(&lines[at - 1]));
    assert!(lines[at].text.contains("  2024-05-02"));
}

#[test]
fn in_french_too() {
    let mut state = in_git(120, 40, brief_core::Lang::Fr);
    let ask = open_first(&mut state).unwrap();
    answer(&mut state, ask, two_commits());
    assert_eq!(
        detail(&state, "Ajoutée").as_deref(),
        Some("Ajoutée 2024-05-02 par Alice Martin")
    );
    assert_eq!(
        detail(&state, "Modifiée").as_deref(),
        Some("Modifiée 2025-01-10 par Bob")
    );
}

#[test]
fn one_commit_says_only_who_added_it_and_none_says_nothing() {
    let mut state = in_git(120, 40, brief_core::Lang::En);
    let ask = open_first(&mut state).unwrap();
    answer(
        &mut state,
        ask,
        HistoryAnswer::Entries(vec![entry("Alice Martin", "2024-05-02")]),
    );
    assert!(detail(&state, "Added").is_some());
    assert_eq!(detail(&state, "Changed"), None);

    // Not committed (untracked): nothing, and not asked again.
    let up = act(&mut state, Action::NextBriefing);
    let ask = asked(&up).expect("the next briefing's history is asked for");
    let lines = state.reader().lines.clone();
    let up = answer(&mut state, ask, HistoryAnswer::Entries(Vec::new()));
    assert!(!up.redraw);
    assert_eq!(state.reader().lines, lines);
    assert_eq!(detail(&state, "Added"), None);
    let up = act(&mut state, Action::PrevBriefing);
    assert_eq!(asked(&up), None, "known already");
    let up = act(&mut state, Action::NextBriefing);
    assert_eq!(asked(&up), None, "known already: it has none");
}

/// An answer for a briefing no longer shown is dropped; the one asked for
/// last is laid out; J/K back and forth then run git no more.
#[test]
fn a_stale_history_is_dropped_and_answers_are_kept_per_file() {
    let mut state = in_git(120, 40, brief_core::Lang::En);
    let first = open_first(&mut state).unwrap();
    let second = asked(&act(&mut state, Action::NextBriefing)).unwrap();
    assert_ne!(first.1, second.1);
    assert!(second.0 > first.0);
    let up = answer(&mut state, first.clone(), two_commits());
    assert!(!up.redraw, "stale: another briefing is shown");
    assert_eq!(detail(&state, "Added"), None);
    let up = answer(
        &mut state,
        second.clone(),
        HistoryAnswer::Entries(vec![
            entry("Carol", "2025-02-01"),
            entry("Dan", "2023-03-04"),
        ]),
    );
    assert!(up.redraw);
    assert_eq!(
        detail(&state, "Added").as_deref(),
        Some("Added 2023-03-04 by Dan")
    );
    // The same answer twice: the second is stale.
    assert!(!answer(&mut state, second, two_commits()).redraw);
    assert_eq!(
        detail(&state, "Changed").as_deref(),
        Some("Changed 2025-02-01 by Carol")
    );
    // Back to the first: its answer was dropped, so it is asked again.
    let again = asked(&act(&mut state, Action::PrevBriefing)).expect("asked again");
    assert_eq!(again.1, first.1);
    answer(&mut state, again, two_commits());
    assert_eq!(
        detail(&state, "Added").as_deref(),
        Some("Added 2024-05-02 by Alice Martin")
    );
    for action in [Action::NextBriefing, Action::PrevBriefing] {
        let up = act(&mut state, action);
        assert_eq!(asked(&up), None, "J/K read git once per file");
        assert!(detail(&state, "Added").is_some());
    }
    // A resize lays the reader out again: still no git.
    let up = send(&mut state, Msg::Resize(100, 30));
    assert_eq!(asked(&up), None);
    assert!(detail(&state, "Added").is_some());
}

#[test]
fn outside_git_nothing_is_asked_again_and_git_failing_is_said_once() {
    let mut state = in_git(120, 40, brief_core::Lang::En);
    let ask = open_first(&mut state).unwrap();
    let up = answer(&mut state, ask, HistoryAnswer::NoGit);
    assert!(!up.redraw);
    assert_eq!(detail(&state, "Added"), None);
    assert_eq!(state.message(), None, "not being in git is no news");
    for action in [Action::NextBriefing, Action::PrevBriefing] {
        assert_eq!(asked(&act(&mut state, action)), None);
    }

    let mut state = in_git(120, 40, brief_core::Lang::En);
    let ask = open_first(&mut state).unwrap();
    let up = answer(
        &mut state,
        ask,
        HistoryAnswer::Failed("git log: fatal: \x1b[31mbad object\x07".into()),
    );
    assert!(up.redraw);
    let said = state
        .message()
        .expect("said on the status line")
        .to_string();
    assert!(said.contains("no history from git"), "{said}");
    assert!(!said.chars().any(|c| c.is_control()), "{said:?}");
    assert_eq!(detail(&state, "Added"), None);
    let next = asked(&act(&mut state, Action::NextBriefing)).expect("other files are asked");
    act(&mut state, Action::MoveDown);
    let up = answer(&mut state, next, HistoryAnswer::Failed("again".into()));
    assert_eq!(state.message(), None, "said once a session");
    assert!(!up.redraw);
}

#[test]
fn author_names_are_neutralised() {
    let mut state = in_git(120, 40, brief_core::Lang::En);
    let ask = open_first(&mut state).unwrap();
    answer(
        &mut state,
        ask,
        HistoryAnswer::Entries(vec![
            entry("\x1b]52;c;AAAA\x07Mallory\u{202e}", "2025-01-10"),
            entry("Eve\r\x1b[2J", "2024-05-02\x1b[1m"),
        ]),
    );
    for label in ["Added", "Changed"] {
        let line = detail(&state, label).expect("a line");
        assert!(
            !line
                .chars()
                .any(|c| c.is_control() || c == '\u{202e}' || c == '\x1b'),
            "{line:?}"
        );
    }
    assert!(detail(&state, "Changed").unwrap().contains("Mallory"));
}

#[test]
fn without_git_history_the_reader_asks_nothing() {
    let mut state = loaded(120, 40);
    let up = act(&mut state, Action::Open);
    assert_eq!(asked(&up), None);
}
