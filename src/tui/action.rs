//! What a user can ask for. One vocabulary for the keymap, the help and the tests.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}
