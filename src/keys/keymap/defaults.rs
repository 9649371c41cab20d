//! The default keys: one binding per line, looked up top to bottom within a
//! scope. `Keymap` applies the user's `keys:` from `config.yaml` over them.
//!
//! Columns: scope, keys, action, help text in English and in French, and whether the status line
//! shows it as a hint (`HINT`) or only the `?` help lists it (`HELP`).

use ratatui::crossterm::event::KeyCode::*;

use super::Scope as S;
use super::key::{Key, ch, ctrl, k};
use crate::keys::action::Action as A;

const HINT: bool = true;
const HELP: bool = false;

/// One line of the table: scope, keys, action, help in English, in French, hint.
type Row = (S, &'static [Key], A, &'static str, &'static str, bool);

#[rustfmt::skip]
pub(super) const DEFAULTS: &[Row] = &[
    (S::HelpFind,    &[k(Esc)],                   A::Back,           "stop searching the help",                "arrêter de chercher dans l’aide", HINT),
    (S::HelpFind,    &[k(Enter)],                 A::Submit,         "keep the matches, back to the help",     "garder les résultats, retour à l’aide", HINT),
    (S::HelpFind,    &[k(Backspace)],             A::DeleteBack,     "delete a character",                     "effacer un caractère", HELP),
    (S::HelpFind,    &[ctrl('u')],                A::ClearLine,      "clear",                                  "vider", HELP),
    (S::Help,        &[k(Esc), ch('?'), ch('q'), k(F(1))], A::Back,  "close the help",                         "fermer l’aide", HINT),
    (S::Help,        &[ch('/')],                  A::FocusSearch,    "search the help",                        "chercher dans l’aide", HINT),
    (S::Help,        &[ch('n')],                  A::NextMatch,      "next match",                             "résultat suivant", HINT),
    (S::Help,        &[ch('N')],                  A::PrevMatch,      "previous match",                         "résultat précédent", HELP),
    (S::Help,        &[ch('j'), k(Down)],         A::MoveDown,       "scroll down",                            "descendre", HELP),
    (S::Help,        &[ch('k'), k(Up)],           A::MoveUp,         "scroll up",                              "monter", HELP),
    (S::Help,        &[k(PageDown), ch(' ')],     A::PageDown,       "page down",                              "page suivante", HINT),
    (S::Help,        &[k(PageUp)],                A::PageUp,         "page up",                                "page précédente", HELP),
    (S::Help,        &[ch('g'), k(Home)],         A::First,          "top",                                    "début", HELP),
    (S::Help,        &[ch('G'), k(End)],          A::Last,           "bottom",                                 "fin", HELP),
    (S::Problems,    &[k(Esc), ch('p'), ch('q')], A::Back,           "close the problems view",                "fermer les problèmes", HINT),
    (S::Problems,    &[ch('j'), k(Down)],         A::MoveDown,       "scroll down",                            "descendre", HELP),
    (S::Problems,    &[ch('k'), k(Up)],           A::MoveUp,         "scroll up",                              "monter", HELP),
    (S::Problems,    &[k(PageDown), ch(' ')],     A::PageDown,       "page down",                              "page suivante", HELP),
    (S::Problems,    &[k(PageUp)],                A::PageUp,         "page up",                                "page précédente", HELP),
    (S::Problems,    &[ch('g'), k(Home)],         A::First,          "top",                                    "début", HELP),
    (S::Problems,    &[ch('G'), k(End)],          A::Last,           "bottom",                                 "fin", HELP),
    (S::Search,      &[k(Esc)],                   A::Back,           "leave the search line",                  "quitter la ligne de recherche", HINT),
    (S::Search,      &[k(Enter)],                 A::Open,           "open the selected briefing",             "ouvrir la fiche choisie", HINT),
    (S::Search,      &[ctrl('n'), ctrl('j')],     A::MoveDown,       "select the next result",                 "choisir le résultat suivant", HELP),
    (S::Search,      &[ctrl('p'), ctrl('k')],     A::MoveUp,         "select the previous result",             "choisir le résultat précédent", HELP),
    (S::Search,      &[k(Up)],                    A::HistoryPrev,    "earlier search from the history",        "recherche précédente de l’historique", HINT),
    (S::Search,      &[k(Down)],                  A::HistoryNext,    "later search, or go to the results",     "recherche suivante, ou aller aux résultats", HELP),
    (S::Search,      &[ctrl('u')],                A::ClearLine,      "clear the search",                       "vider la recherche", HINT),
    (S::Search,      &[k(Backspace)],             A::DeleteBack,     "delete before the cursor",               "effacer avant le curseur", HELP),
    (S::Search,      &[k(Delete)],                A::DeleteForward,  "delete under the cursor",                "effacer sous le curseur", HELP),
    (S::Search,      &[k(Left)],                  A::CursorLeft,     "cursor left",                            "curseur à gauche", HELP),
    (S::Search,      &[k(Right)],                 A::CursorRight,    "cursor right",                           "curseur à droite", HELP),
    (S::Search,      &[k(Home), ctrl('a')],       A::LineStart,      "start of line",                          "début de ligne", HELP),
    (S::Search,      &[k(End), ctrl('e')],        A::LineEnd,        "end of line",                            "fin de ligne", HELP),
    (S::ArticleFind, &[k(Esc)],                   A::Back,           "stop searching the article",             "arrêter de chercher dans l’article", HINT),
    (S::ArticleFind, &[k(Enter)],                 A::Submit,         "keep the matches, back to reading",      "garder les résultats, retour à la lecture", HINT),
    (S::ArticleFind, &[k(Backspace)],             A::DeleteBack,     "delete a character",                     "effacer un caractère", HELP),
    (S::ArticleFind, &[ctrl('u')],                A::ClearLine,      "clear",                                  "vider", HELP),
    (S::FacetNarrow, &[k(Enter)],                 A::Toggle,         "(un)select",                             "choisir ou retirer", HINT),
    (S::FacetNarrow, &[k(Esc)],                   A::Back,           "clear the filter",                       "vider le filtre", HINT),
    (S::FacetNarrow, &[ctrl('u')],                A::ClearLine,      "clear the filter",                       "vider le filtre", HELP),
    (S::List,        &[k(Enter)],                 A::Open,           "open in the reader",                     "ouvrir en lecture", HINT),
    (S::List,        &[ch('y')],                  A::CopyMarkdown,   "copy the briefing as Markdown (OSC 52)", "copier la fiche en Markdown (OSC 52)", HELP),
    (S::List,        &[ch('Y')],                  A::CopyUrl,        "copy its source URL (OSC 52)",           "copier son URL de source (OSC 52)", HELP),
    (S::List,        &[ch('e')],                  A::Edit,           "edit its file in $EDITOR, checked on save", "modifier son fichier dans $EDITOR, vérifié à l’enregistrement", HELP),
    (S::List,        &[ch('s')],                  A::SwitchSort,     "sort by relevance or by date",           "trier par pertinence ou par date", HELP),
    (S::List,        &[ch('u')],                  A::ToggleRead,     "mark read or unread",                    "marquer lue ou non lue", HELP),
    (S::List,        &[ch('b')],                  A::ToggleBookmark, "bookmark or unbookmark",                 "mettre ou retirer des favoris", HELP),
    (S::List,        &[ch('U')],                  A::OnlyUnread,     "show only unread briefings, or all",     "seules les fiches non lues, ou toutes", HELP),
    (S::List,        &[ch('B')],                  A::OnlyBookmarked, "show only bookmarked briefings, or all", "seuls les favoris, ou toutes", HELP),
    (S::Reader,      &[ch('u')],                  A::ToggleRead,     "mark read or unread",                    "marquer lue ou non lue", HELP),
    (S::Reader,      &[ch('b')],                  A::ToggleBookmark, "bookmark or unbookmark",                 "mettre ou retirer des favoris", HELP),
    (S::Facets,      &[k(Enter), ch(' ')],        A::Toggle,         "(un)select",                             "choisir ou retirer", HINT),
    (S::Facets,      &[k(Esc)],                   A::Back,           "back to the list",                       "retour à la liste", HINT),
    (S::Facets,      &[ch('/')],                  A::FocusSearch,    "search",                                 "chercher", HINT),
    (S::Facets,      &[k(Backspace)],             A::DeleteBack,     "delete a character of the filter",       "effacer un caractère du filtre", HELP),
    (S::Reader,      &[ctrl('f')],                A::FindInArticle,  "search in the article",                  "chercher dans l’article", HINT),
    (S::Reader,      &[ch('n')],                  A::NextMatch,      "next match",                             "résultat suivant", HINT),
    (S::Reader,      &[ch('N')],                  A::PrevMatch,      "previous match",                         "résultat précédent", HINT),
    (S::Reader,      &[k(Esc), k(Backspace)],     A::Back,           "back to the briefing before, or close",  "fiche précédente, ou fermer", HINT),
    (S::Reader,      &[ch('J')],                  A::NextBriefing,   "next briefing of the results",           "fiche suivante des résultats", HINT),
    (S::Reader,      &[ch('K')],                  A::PrevBriefing,   "previous briefing of the results",       "fiche précédente des résultats", HINT),
    (S::Reader,      &[ch('r')],                  A::NextRelated,    "choose a related briefing",              "choisir une fiche liée", HINT),
    (S::Reader,      &[ch('R')],                  A::PrevRelated,    "choose the previous related briefing",   "choisir la fiche liée précédente", HELP),
    (S::Reader,      &[k(Enter)],                 A::Open,           "open the chosen related briefing",       "ouvrir la fiche liée choisie", HINT),
    (S::Reader,      &[ch('a')],                  A::ShowActors,     "all the actors, or back to the top",     "tous les acteurs, ou retour en haut", HELP),
    (S::Reader,      &[ch('y')],                  A::CopyMarkdown,   "copy the briefing as Markdown (OSC 52)", "copier la fiche en Markdown (OSC 52)", HELP),
    (S::Reader,      &[ch('Y')],                  A::CopyUrl,        "copy its source URL (OSC 52)",           "copier son URL de source (OSC 52)", HELP),
    (S::Reader,      &[ch('e')],                  A::Edit,           "edit its file in $EDITOR, checked on save", "modifier son fichier dans $EDITOR, vérifié à l’enregistrement", HELP),
    (S::Always,      &[ctrl('c')],                A::Quit,           "quit, from anywhere",                    "quitter, de partout", HELP),
    (S::Always,      &[ctrl('z')],                A::Suspend,        "suspend to the shell (fg to return)",    "suspendre vers le shell (fg pour revenir)", HELP),
    (S::Global,      &[ch('q')],                  A::Quit,           "quit",                                   "quitter", HINT),
    (S::Global,      &[ch('?'), k(F(1))],         A::Help,           "help",                                   "aide", HINT),
    (S::Global,      &[ch('/')],                  A::FocusSearch,    "search",                                 "chercher", HINT),
    (S::Global,      &[k(Tab)],                   A::FocusNext,      "next pane",                              "volet suivant", HINT),
    (S::Global,      &[k(BackTab)],               A::FocusPrev,      "previous pane",                          "volet précédent", HELP),
    (S::Global,      &[ch('j'), k(Down)],         A::MoveDown,       "down",                                   "bas", HELP),
    (S::Global,      &[ch('k'), k(Up)],           A::MoveUp,         "up",                                     "haut", HELP),
    (S::Global,      &[ch('g'), k(Home)],         A::First,          "first",                                  "premier", HELP),
    (S::Global,      &[ch('G'), k(End)],          A::Last,           "last",                                   "dernier", HELP),
    (S::Global,      &[k(PageDown)],              A::PageDown,       "page down",                              "page suivante", HELP),
    (S::Global,      &[k(PageUp)],                A::PageUp,         "page up",                                "page précédente", HELP),
    (S::Global,      &[ctrl('d')],                A::HalfPageDown,   "half page down",                         "demi-page suivante", HELP),
    (S::Global,      &[ctrl('u')],                A::HalfPageUp,     "half page up",                           "demi-page précédente", HELP),
    (S::Global,      &[ch('x')],                  A::ClearFilters,   "clear every filter and the search",      "effacer filtres et recherche", HINT),
    (S::Global,      &[ch('p')],                  A::Problems,       "problems found while loading",           "problèmes trouvés au chargement", HELP),
    (S::Global,      &[k(Esc)],                   A::Back,           "back one step",                          "revenir d’un pas", HELP),
];
