//! THE key table: scope, keys, action, help text. It drives dispatch, the `?`
//! help and the status-bar hints, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Where a binding applies. Dispatch tries the overlay, then the text input
/// in use, then the focused pane, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Checked first, whatever is open: Ctrl-C and Ctrl-Z.
    Always,
    Global,
    Search,
    List,
    Facets,
    Reader,
    ArticleFind,
    FacetNarrow,
    Help,
    Problems,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Always => "Anywhere, even in text input and overlays",
            Scope::Global => "Everywhere",
            Scope::Search => "Search line",
            Scope::List => "Briefing list",
            Scope::Facets => "Actors and countries panes",
            Scope::Reader => "Reader",
            Scope::ArticleFind => "Search in the article",
            Scope::FacetNarrow => "Narrowing a facet pane",
            Scope::Help => "Help",
            Scope::Problems => "Problems view",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn ch(c: char) -> Key {
    k(KeyCode::Char(c))
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// `Ctrl-U`, `Shift-Tab`, `PgDn`, `g`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }

    fn matches(&self, ev: &KeyEvent) -> bool {
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        match (self.code, ev.code) {
            // Letters arrive with their case; Shift is implied by it.
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b && self.mods == mods,
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (a, b) => a == b && self.mods == mods,
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// Shown in the status bar when its scope is active.
    pub hint: bool,
}

const fn b(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        help,
        hint,
    }
}

use KeyCode as C;
use Scope as S;

pub static KEYMAP: &[Binding] = &[
    b(
        S::Help,
        &[k(C::Esc), ch('?'), ch('q')],
        Action::Back,
        "close the help",
        true,
    ),
    b(
        S::Help,
        &[ch('j'), k(C::Down)],
        Action::MoveDown,
        "scroll down",
        false,
    ),
    b(
        S::Help,
        &[ch('k'), k(C::Up)],
        Action::MoveUp,
        "scroll up",
        false,
    ),
    b(
        S::Problems,
        &[k(C::Esc), ch('p'), ch('q')],
        Action::Back,
        "close the problems view",
        true,
    ),
    b(
        S::Problems,
        &[ch('j'), k(C::Down)],
        Action::MoveDown,
        "scroll down",
        false,
    ),
    b(
        S::Problems,
        &[ch('k'), k(C::Up)],
        Action::MoveUp,
        "scroll up",
        false,
    ),
    b(
        S::Search,
        &[k(C::Esc)],
        Action::Back,
        "leave the search line",
        true,
    ),
    b(
        S::Search,
        &[k(C::Enter), k(C::Down)],
        Action::Submit,
        "go to the results",
        true,
    ),
    b(
        S::Search,
        &[ctrl('u')],
        Action::ClearLine,
        "clear the search",
        true,
    ),
    b(
        S::Search,
        &[k(C::Backspace)],
        Action::DeleteBack,
        "delete before the cursor",
        false,
    ),
    b(
        S::Search,
        &[k(C::Delete)],
        Action::DeleteForward,
        "delete under the cursor",
        false,
    ),
    b(
        S::Search,
        &[k(C::Left)],
        Action::CursorLeft,
        "cursor left",
        false,
    ),
    b(
        S::Search,
        &[k(C::Right)],
        Action::CursorRight,
        "cursor right",
        false,
    ),
    b(
        S::Search,
        &[k(C::Home), ctrl('a')],
        Action::LineStart,
        "start of line",
        false,
    ),
    b(
        S::Search,
        &[k(C::End), ctrl('e')],
        Action::LineEnd,
        "end of line",
        false,
    ),
    b(
        S::ArticleFind,
        &[k(C::Esc)],
        Action::Back,
        "stop searching the article",
        true,
    ),
    b(
        S::ArticleFind,
        &[k(C::Enter)],
        Action::Submit,
        "keep the matches, back to reading",
        true,
    ),
    b(
        S::ArticleFind,
        &[k(C::Backspace)],
        Action::DeleteBack,
        "delete a character",
        false,
    ),
    b(
        S::ArticleFind,
        &[ctrl('u')],
        Action::ClearLine,
        "clear",
        false,
    ),
    b(
        S::FacetNarrow,
        &[k(C::Esc)],
        Action::Back,
        "stop narrowing",
        true,
    ),
    b(
        S::FacetNarrow,
        &[k(C::Backspace)],
        Action::DeleteBack,
        "delete a character",
        false,
    ),
    b(
        S::FacetNarrow,
        &[k(C::Enter), ch(' ')],
        Action::Toggle,
        "select or unselect",
        true,
    ),
    b(
        S::FacetNarrow,
        &[k(C::Down)],
        Action::MoveDown,
        "next value",
        false,
    ),
    b(
        S::FacetNarrow,
        &[k(C::Up)],
        Action::MoveUp,
        "previous value",
        false,
    ),
    b(
        S::List,
        &[k(C::Enter)],
        Action::Open,
        "open in the reader",
        true,
    ),
    b(
        S::List,
        &[ch('y')],
        Action::CopyMarkdown,
        "copy the briefing as Markdown (OSC 52)",
        false,
    ),
    b(
        S::List,
        &[ch('Y')],
        Action::CopyUrl,
        "copy its source URL (OSC 52)",
        false,
    ),
    b(
        S::Facets,
        &[k(C::Enter), ch(' ')],
        Action::Toggle,
        "select or unselect",
        true,
    ),
    b(
        S::Facets,
        &[ch('/')],
        Action::NarrowFacet,
        "narrow (or type any other letter)",
        true,
    ),
    b(
        S::Reader,
        &[ch('/')],
        Action::FindInArticle,
        "search in the article",
        true,
    ),
    b(S::Reader, &[ch('n')], Action::NextMatch, "next match", true),
    b(
        S::Reader,
        &[ch('N')],
        Action::PrevMatch,
        "previous match",
        true,
    ),
    b(
        S::Reader,
        &[k(C::Esc)],
        Action::Back,
        "close the reader",
        true,
    ),
    b(
        S::Reader,
        &[ch('y')],
        Action::CopyMarkdown,
        "copy the briefing as Markdown (OSC 52)",
        false,
    ),
    b(
        S::Reader,
        &[ch('Y')],
        Action::CopyUrl,
        "copy its source URL (OSC 52)",
        false,
    ),
    b(
        S::Always,
        &[ctrl('c')],
        Action::Quit,
        "quit, from anywhere",
        false,
    ),
    b(
        S::Always,
        &[ctrl('z')],
        Action::Suspend,
        "suspend to the shell (fg to return)",
        false,
    ),
    b(S::Global, &[ch('q')], Action::Quit, "quit", true),
    b(S::Global, &[ch('?')], Action::Help, "help", true),
    b(S::Global, &[ch('/')], Action::FocusSearch, "search", true),
    b(
        S::Global,
        &[k(C::Tab)],
        Action::FocusNext,
        "next pane",
        true,
    ),
    b(
        S::Global,
        &[k(C::BackTab)],
        Action::FocusPrev,
        "previous pane",
        false,
    ),
    b(
        S::Global,
        &[ch('j'), k(C::Down)],
        Action::MoveDown,
        "down",
        false,
    ),
    b(S::Global, &[ch('k'), k(C::Up)], Action::MoveUp, "up", false),
    b(
        S::Global,
        &[ch('g'), k(C::Home)],
        Action::First,
        "first",
        false,
    ),
    b(
        S::Global,
        &[ch('G'), k(C::End)],
        Action::Last,
        "last",
        false,
    ),
    b(
        S::Global,
        &[k(C::PageDown)],
        Action::PageDown,
        "page down",
        false,
    ),
    b(S::Global, &[k(C::PageUp)], Action::PageUp, "page up", false),
    b(
        S::Global,
        &[ctrl('d')],
        Action::HalfPageDown,
        "half page down",
        false,
    ),
    b(
        S::Global,
        &[ctrl('u')],
        Action::HalfPageUp,
        "half page up",
        false,
    ),
    b(
        S::Global,
        &[ch('x')],
        Action::ClearFilters,
        "clear every filter and the search",
        true,
    ),
    b(
        S::Global,
        &[ch('p')],
        Action::Problems,
        "problems found while loading",
        false,
    ),
    b(
        S::Global,
        &[k(C::Esc)],
        Action::Back,
        "back one step",
        false,
    ),
];

/// True for scopes where unbound printable characters are typed as text.
fn is_input(scope: Scope) -> bool {
    matches!(
        scope,
        Scope::Search | Scope::ArticleFind | Scope::FacetNarrow
    )
}

/// The action for a key, given the active scopes in precedence order (most specific first).
pub fn dispatch(scopes: &[Scope], ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    for &scope in std::iter::once(&Scope::Always).chain(scopes) {
        if let Some(bind) = KEYMAP
            .iter()
            .find(|b| b.scope == scope && b.keys.iter().any(|k| k.matches(ev)))
        {
            return Some(bind.action);
        }
        if is_input(scope)
            && let KeyCode::Char(c) = ev.code
            && !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Some(Action::Insert(c));
        }
        // In a facet pane, a letter no key of the pane or of `Global` claims
        // starts narrowing: typing "niger" narrows, while j, k, q... keep their meaning.
        if scope == Scope::Facets
            && let KeyCode::Char(c) = ev.code
            && !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            && !KEYMAP
                .iter()
                .any(|b| b.scope == Scope::Global && b.keys.iter().any(|k| k.matches(ev)))
        {
            return Some(Action::Insert(c));
        }
        // Overlays swallow everything else.
        if matches!(scope, Scope::Help | Scope::Problems) {
            return None;
        }
    }
    None
}

/// `key1/key2 help` pairs for the status bar, for the active scopes.
pub fn hints(scopes: &[Scope]) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for &scope in scopes {
        for bind in KEYMAP.iter().filter(|b| b.scope == scope && b.hint) {
            if out.iter().any(|(_, h)| *h == bind.help) {
                continue;
            }
            let keys: Vec<String> = bind.keys.iter().map(Key::label).collect();
            out.push((keys.join("/"), bind.help));
        }
        if matches!(scope, Scope::Help | Scope::Problems) || is_input(scope) {
            break;
        }
    }
    out
}

/// Every binding grouped by scope, for the `?` help.
pub fn help_sections() -> Vec<(Scope, Vec<(String, &'static str)>)> {
    let order = [
        Scope::Always,
        Scope::Global,
        Scope::Search,
        Scope::List,
        Scope::Facets,
        Scope::FacetNarrow,
        Scope::Reader,
        Scope::ArticleFind,
        Scope::Problems,
        Scope::Help,
    ];
    order
        .iter()
        .map(|&s| {
            let rows = KEYMAP
                .iter()
                .filter(|b| b.scope == s)
                .map(|b| {
                    (
                        b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
                        b.help,
                    )
                })
                .collect();
            (s, rows)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn input_scopes_take_letters_before_global_keys() {
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            dispatch(&[Scope::Search, Scope::Global], &q),
            Some(Action::Insert('q'))
        );
        assert_eq!(
            dispatch(&[Scope::List, Scope::Global], &q),
            Some(Action::Quit)
        );
    }

    #[test]
    fn ctrl_u_clears_the_search_line_but_pages_elsewhere() {
        let cu = key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(
            dispatch(&[Scope::Search, Scope::Global], &cu),
            Some(Action::ClearLine)
        );
        assert_eq!(
            dispatch(&[Scope::List, Scope::Global], &cu),
            Some(Action::HalfPageUp)
        );
    }

    #[test]
    fn ctrl_c_quits_from_anywhere_but_overlays_swallow_the_rest() {
        let cc = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            dispatch(&[Scope::Search, Scope::Global], &cc),
            Some(Action::Quit)
        );
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(dispatch(&[Scope::Help, Scope::Global], &x), None);
        assert_eq!(
            dispatch(&[Scope::Help, Scope::Global], &cc),
            Some(Action::Quit)
        );
    }

    #[test]
    fn shifted_letters_and_backtab_match() {
        let n = key(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(
            dispatch(&[Scope::Reader, Scope::Global], &n),
            Some(Action::PrevMatch)
        );
        let bt = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            dispatch(&[Scope::List, Scope::Global], &bt),
            Some(Action::FocusPrev)
        );
    }

    #[test]
    fn every_action_in_a_scope_has_distinct_keys() {
        for a in KEYMAP {
            for b in KEYMAP {
                if std::ptr::eq(a, b) || a.scope != b.scope {
                    continue;
                }
                for ka in a.keys {
                    assert!(
                        !b.keys.contains(ka),
                        "{:?} bound twice in {:?}",
                        ka,
                        a.scope
                    );
                }
            }
        }
    }
}
