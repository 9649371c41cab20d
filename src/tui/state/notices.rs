//! Config and remembered-state problems, and what was remembered between runs.

use std::sync::Arc;

use brief_core::Problem;
use brief_core::remembered::LastView;

use super::State;
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::launch::Launch;

/// What the state file held for this folder, read after the first frame.
#[derive(Debug, Default)]
pub struct Remembered {
    pub history: Vec<String>,
    pub read: Vec<String>,
    pub bookmarks: Vec<String>,
    /// Where the last session was left; `None` to start clean.
    pub last: Option<LastView>,
    /// Why the state file could not be read, if it could not.
    pub problem: Option<Problem>,
}

/// Problems found setting up: the first on the status line, all in the problems view.
pub(super) fn tell(state: &mut State, problems: Vec<Problem>) {
    if let Some(first) = problems.first() {
        // The file's name is enough on the status line; the view has the full path.
        let file = first.path.file_name().map_or_else(
            || first.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let line = first.line.map_or(String::new(), |l| format!(":{l}"));
        let key = state.prefs.keymap.key(Scope::Global, Action::Problems);
        let more = match problems.len() {
            1 => (state.text().more_notices_one)(&key),
            n => (state.text().more_notices)(n - 1, &key),
        };
        // Names and messages quote what the user wrote: neutralised here, and
        // again when drawn.
        let text = format!("{file}{line}: {}{more}", first.message);
        state.message = Some(brief_core::text::sanitize(&text, false).into_owned());
    }
    state.folder.notices.extend(problems);
}

/// Read marks, bookmarks, history, and unless the command line said
/// otherwise, where the last session on this folder was left.
pub(super) fn on_remembered(state: &mut State, r: Remembered) {
    state.history = r.history;
    state.marks.read = Arc::new(r.read.into_iter().collect());
    state.marks.bookmarks = Arc::new(r.bookmarks.into_iter().collect());
    if let Some(last) = r.last.filter(|_| state.launch.is_empty()) {
        state.launch = Launch::from_last(&last);
    }
    // Told together with the config's problems, as before: all of them.
    let problems = std::mem::take(&mut state.folder.notices)
        .into_iter()
        .chain(r.problem)
        .collect();
    tell(state, problems);
}
