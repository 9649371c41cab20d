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
}

impl Action {
    /// Names for `config.yaml`'s `keys:`. Text editing keeps its keys.
    pub const NAMED: &[(&str, Action)] = &[
        ("quit", Action::Quit),
        ("suspend", Action::Suspend),
        ("help", Action::Help),
        ("problems", Action::Problems),
        ("back", Action::Back),
        ("focus_next", Action::FocusNext),
        ("focus_prev", Action::FocusPrev),
        ("focus_search", Action::FocusSearch),
        ("move_up", Action::MoveUp),
        ("move_down", Action::MoveDown),
        ("first", Action::First),
        ("last", Action::Last),
        ("page_up", Action::PageUp),
        ("page_down", Action::PageDown),
        ("half_page_up", Action::HalfPageUp),
        ("half_page_down", Action::HalfPageDown),
        ("open", Action::Open),
        ("toggle", Action::Toggle),
        ("clear_filters", Action::ClearFilters),
        ("find_in_article", Action::FindInArticle),
        ("next_match", Action::NextMatch),
        ("prev_match", Action::PrevMatch),
        ("narrow_facet", Action::NarrowFacet),
        ("toggle_read", Action::ToggleRead),
        ("toggle_bookmark", Action::ToggleBookmark),
        ("only_unread", Action::OnlyUnread),
        ("only_bookmarked", Action::OnlyBookmarked),
        ("switch_sort", Action::SwitchSort),
        ("history_prev", Action::HistoryPrev),
        ("history_next", Action::HistoryNext),
        ("copy_markdown", Action::CopyMarkdown),
        ("copy_url", Action::CopyUrl),
    ];

    pub fn from_name(name: &str) -> Option<Action> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        Action::NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, a)| a)
    }

    pub fn name(self) -> Option<&'static str> {
        Action::NAMED
            .iter()
            .find(|(_, a)| *a == self)
            .map(|&(n, _)| n)
    }
}
