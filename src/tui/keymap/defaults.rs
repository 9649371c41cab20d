//! The default keys: one binding per line, looked up top to bottom within a
//! scope. `Keymap` applies the user's `keys:` from `config.yaml` over them.
//!
//! Columns: scope, keys, action, help text, and whether the status line
//! shows it as a hint (`HINT`) or only the `?` help lists it (`HELP`).

use ratatui::crossterm::event::KeyCode::*;

use super::Scope as S;
use super::key::{Key, ch, ctrl, k};
use crate::tui::action::Action as A;

const HINT: bool = true;
const HELP: bool = false;

#[rustfmt::skip]
pub(super) const DEFAULTS: &[(S, &[Key], A, &str, bool)] = &[
    (S::Help,        &[k(Esc), ch('?'), ch('q')], A::Back,           "close the help",                         HINT),
    (S::Help,        &[ch('j'), k(Down)],         A::MoveDown,       "scroll down",                            HELP),
    (S::Help,        &[ch('k'), k(Up)],           A::MoveUp,         "scroll up",                              HELP),
    (S::Problems,    &[k(Esc), ch('p'), ch('q')], A::Back,           "close the problems view",                HINT),
    (S::Problems,    &[ch('j'), k(Down)],         A::MoveDown,       "scroll down",                            HELP),
    (S::Problems,    &[ch('k'), k(Up)],           A::MoveUp,         "scroll up",                              HELP),
    (S::Search,      &[k(Esc)],                   A::Back,           "leave the search line",                  HINT),
    (S::Search,      &[k(Enter)],                 A::Submit,         "go to the results",                      HINT),
    (S::Search,      &[k(Up)],                    A::HistoryPrev,    "earlier search from the history",        HINT),
    (S::Search,      &[k(Down)],                  A::HistoryNext,    "later search, or go to the results",     HELP),
    (S::Search,      &[ctrl('u')],                A::ClearLine,      "clear the search",                       HINT),
    (S::Search,      &[k(Backspace)],             A::DeleteBack,     "delete before the cursor",               HELP),
    (S::Search,      &[k(Delete)],                A::DeleteForward,  "delete under the cursor",                HELP),
    (S::Search,      &[k(Left)],                  A::CursorLeft,     "cursor left",                            HELP),
    (S::Search,      &[k(Right)],                 A::CursorRight,    "cursor right",                           HELP),
    (S::Search,      &[k(Home), ctrl('a')],       A::LineStart,      "start of line",                          HELP),
    (S::Search,      &[k(End), ctrl('e')],        A::LineEnd,        "end of line",                            HELP),
    (S::ArticleFind, &[k(Esc)],                   A::Back,           "stop searching the article",             HINT),
    (S::ArticleFind, &[k(Enter)],                 A::Submit,         "keep the matches, back to reading",      HINT),
    (S::ArticleFind, &[k(Backspace)],             A::DeleteBack,     "delete a character",                     HELP),
    (S::ArticleFind, &[ctrl('u')],                A::ClearLine,      "clear",                                  HELP),
    (S::FacetNarrow, &[k(Esc)],                   A::Back,           "stop narrowing",                         HINT),
    (S::FacetNarrow, &[k(Backspace)],             A::DeleteBack,     "delete a character",                     HELP),
    (S::FacetNarrow, &[k(Enter), ch(' ')],        A::Toggle,         "select or unselect",                     HINT),
    (S::FacetNarrow, &[k(Down)],                  A::MoveDown,       "next value",                             HELP),
    (S::FacetNarrow, &[k(Up)],                    A::MoveUp,         "previous value",                         HELP),
    (S::List,        &[k(Enter)],                 A::Open,           "open in the reader",                     HINT),
    (S::List,        &[ch('y')],                  A::CopyMarkdown,   "copy the briefing as Markdown (OSC 52)", HELP),
    (S::List,        &[ch('Y')],                  A::CopyUrl,        "copy its source URL (OSC 52)",           HELP),
    (S::List,        &[ch('s')],                  A::SwitchSort,     "sort by relevance or by date",           HELP),
    (S::List,        &[ch('u')],                  A::ToggleRead,     "mark read or unread",                    HELP),
    (S::List,        &[ch('b')],                  A::ToggleBookmark, "bookmark or unbookmark",                 HELP),
    (S::List,        &[ch('U')],                  A::OnlyUnread,     "show only unread briefings, or all",     HELP),
    (S::List,        &[ch('B')],                  A::OnlyBookmarked, "show only bookmarked briefings, or all", HELP),
    (S::Reader,      &[ch('u')],                  A::ToggleRead,     "mark read or unread",                    HELP),
    (S::Reader,      &[ch('b')],                  A::ToggleBookmark, "bookmark or unbookmark",                 HELP),
    (S::Facets,      &[k(Enter), ch(' ')],        A::Toggle,         "select or unselect",                     HINT),
    (S::Facets,      &[ch('/')],                  A::NarrowFacet,    "narrow (or type any other letter)",      HINT),
    (S::Reader,      &[ch('/')],                  A::FindInArticle,  "search in the article",                  HINT),
    (S::Reader,      &[ch('n')],                  A::NextMatch,      "next match",                             HINT),
    (S::Reader,      &[ch('N')],                  A::PrevMatch,      "previous match",                         HINT),
    (S::Reader,      &[k(Esc), k(Backspace)],     A::Back,           "back to the briefing before, or close",  HINT),
    (S::Reader,      &[ch('J')],                  A::NextBriefing,   "next briefing of the results",           HINT),
    (S::Reader,      &[ch('K')],                  A::PrevBriefing,   "previous briefing of the results",       HINT),
    (S::Reader,      &[ch('r')],                  A::NextRelated,    "choose a related briefing",              HINT),
    (S::Reader,      &[ch('R')],                  A::PrevRelated,    "choose the previous related briefing",   HELP),
    (S::Reader,      &[k(Enter)],                 A::Open,           "open the chosen related briefing",       HINT),
    (S::Reader,      &[ch('a')],                  A::ShowActors,     "all the actors, or back to the top",     HELP),
    (S::Reader,      &[ch('y')],                  A::CopyMarkdown,   "copy the briefing as Markdown (OSC 52)", HELP),
    (S::Reader,      &[ch('Y')],                  A::CopyUrl,        "copy its source URL (OSC 52)",           HELP),
    (S::Always,      &[ctrl('c')],                A::Quit,           "quit, from anywhere",                    HELP),
    (S::Always,      &[ctrl('z')],                A::Suspend,        "suspend to the shell (fg to return)",    HELP),
    (S::Global,      &[ch('q')],                  A::Quit,           "quit",                                   HINT),
    (S::Global,      &[ch('?')],                  A::Help,           "help",                                   HINT),
    (S::Global,      &[ch('/')],                  A::FocusSearch,    "search",                                 HINT),
    (S::Global,      &[k(Tab)],                   A::FocusNext,      "next pane",                              HINT),
    (S::Global,      &[k(BackTab)],               A::FocusPrev,      "previous pane",                          HELP),
    (S::Global,      &[ch('j'), k(Down)],         A::MoveDown,       "down",                                   HELP),
    (S::Global,      &[ch('k'), k(Up)],           A::MoveUp,         "up",                                     HELP),
    (S::Global,      &[ch('g'), k(Home)],         A::First,          "first",                                  HELP),
    (S::Global,      &[ch('G'), k(End)],          A::Last,           "last",                                   HELP),
    (S::Global,      &[k(PageDown)],              A::PageDown,       "page down",                              HELP),
    (S::Global,      &[k(PageUp)],                A::PageUp,         "page up",                                HELP),
    (S::Global,      &[ctrl('d')],                A::HalfPageDown,   "half page down",                         HELP),
    (S::Global,      &[ctrl('u')],                A::HalfPageUp,     "half page up",                           HELP),
    (S::Global,      &[ch('x')],                  A::ClearFilters,   "clear every filter and the search",      HINT),
    (S::Global,      &[ch('p')],                  A::Problems,       "problems found while loading",           HELP),
    (S::Global,      &[k(Esc)],                   A::Back,           "back one step",                          HELP),
];
