//! What a user can ask for. One vocabulary for the keymap, the help and the tests.
//!
//! Names for `config.yaml`'s `keys:` are derived from the variants in
//! snake_case (`ToggleBookmark` is `toggle_bookmark`); text editing has no
//! name: it keeps its keys.

use std::str::FromStr;

use strum::IntoEnumIterator;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr, strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    Quit,
    Suspend,
    Help,
    Problems,
    Back,
    FocusNext,
    FocusPrev,
    FocusSearch,
    MoveUp,
    MoveDown,
    First,
    Last,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Open,
    Toggle,
    ClearFilters,
    FindInArticle,
    NextMatch,
    PrevMatch,
    NarrowFacet,
    ToggleRead,
    ToggleBookmark,
    OnlyUnread,
    OnlyBookmarked,
    SwitchSort,
    /// In the search line: the previous query in the history.
    HistoryPrev,
    /// In the search line: the next query in the history, or the results.
    HistoryNext,
    /// Text input: the search line, the article search or a facet's narrowing.
    Insert(char),
    DeleteBack,
    DeleteForward,
    ClearLine,
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    Submit,
    /// The selected briefing as Markdown, to the clipboard (OSC 52).
    CopyMarkdown,
    /// The selected briefing's source URL, to the clipboard (OSC 52).
    CopyUrl,
    /// In the reader: the next briefing of the results, without leaving it.
    NextBriefing,
    /// In the reader: the previous briefing of the results.
    PrevBriefing,
    /// In the reader: choose the next related briefing (`Open` opens it).
    NextRelated,
    /// In the reader: choose the previous related briefing.
    PrevRelated,
    /// In the reader: the full list of actors, or back to the top.
    ShowActors,
    /// The briefing's file in the editor (`brief edit`), checked on return.
    Edit,
    /// Shows or hides the timeline over the results.
    ToggleTimeline,
    /// The focus on the timeline (shown if it was not).
    FocusTimeline,
    /// On the timeline: the period before.
    PrevPeriod,
    /// On the timeline: the period after.
    NextPeriod,
    /// In the dates pane: the year alone, its months hidden.
    CollapseYear,
    /// The dossier of an actor or a country: the value under the cursor in
    /// its pane; in the list and the reader, one of the briefing's, chosen.
    OpenDossier,
    /// Marks or unmarks the selected briefing (a working set for the session).
    Mark,
    /// Marks every current result.
    MarkAll,
    /// Unmarks every briefing.
    ClearMarks,
    /// Saves the current search (query, countries, actors) under a name.
    SaveSearch,
    /// The list of saved searches and named sets, with what is new.
    SavedSearches,
    /// Writes the report of the marked briefings (or the results) to a file.
    Report,
    /// In the saved list: renames the chosen one.
    Rename,
    /// In the saved list: deletes the chosen one.
    Delete,
    /// In the saved list: saves the marked briefings as a named set.
    SaveSet,
}

impl Action {
    /// The name `config.yaml`'s `keys:` uses (`quit`, `toggle_bookmark`);
    /// `None` for text editing, which keeps its keys.
    pub fn name(self) -> Option<&'static str> {
        (!self.is_text_editing()).then(|| self.into())
    }

    /// The action a config name stands for: case, `-` and `_` alike.
    pub fn from_name(name: &str) -> Option<Action> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        Action::from_str(&name)
            .ok()
            .filter(|a| !a.is_text_editing())
    }

    /// Typing and moving in a text field: these keep their keys.
    fn is_text_editing(self) -> bool {
        matches!(
            self,
            Action::Insert(_)
                | Action::DeleteBack
                | Action::DeleteForward
                | Action::ClearLine
                | Action::CursorLeft
                | Action::CursorRight
                | Action::LineStart
                | Action::LineEnd
                | Action::Submit
        )
    }

    /// Every action a config can name.
    pub fn named() -> impl Iterator<Item = (&'static str, Action)> {
        Action::iter().filter_map(|a| Some((a.name()?, a)))
    }
}
