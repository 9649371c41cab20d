//! THE key table: scope, keys, action, help text. It drives dispatch, the `?`
//! help and the status-bar hints, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use std::path::Path;

use super::action::Action;
use brief_core::config::KeyOverride;
use brief_core::model::{Problem, Severity};

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
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }

    /// A plain character, which text input scopes type rather than bind.
    fn is_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && self.mods.is_empty()
    }

    /// A key as written in `config.yaml`: `q`, `Q`, `Ctrl-d`, `C-d`, `Enter`,
    /// `Shift-Tab`, `PgDn`, `F2`. Names ignore case; single characters keep it.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text.trim();
        let mut mods = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let cut = ["ctrl-", "ctrl+", "c-", "control-"]
                .iter()
                .find(|p| lower.starts_with(*p) && rest.chars().count() > p.len());
            if let Some(p) = cut {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[p.len()..];
                continue;
            }
            let cut = ["alt-", "alt+", "m-", "meta-"]
                .iter()
                .find(|p| lower.starts_with(*p) && rest.chars().count() > p.len());
            if cut.is_some() {
                return Err(
                    "brief binds no Alt keys: over SSH Esc then a letter arrives as Alt+letter"
                        .into(),
                );
            }
            break;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err("empty".into()),
            (Some(c), None) => {
                if c.is_control() {
                    return Err("a control character".into());
                }
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" | "bs" => KeyCode::Backspace,
                "del" | "delete" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => return Err("unknown key name".into()),
                },
                _ => return Err("unknown key name".into()),
            },
        };
        Ok(Key { code, mods })
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

#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
    /// Shown in the status bar when its scope is active.
    pub hint: bool,
}

fn b(scope: Scope, keys: &[Key], action: Action, help: &'static str, hint: bool) -> Binding {
    Binding {
        scope,
        keys: keys.to_vec(),
        action,
        help,
        hint,
    }
}

use KeyCode as C;
use Scope as S;

/// The default keys. `Keymap` applies the user's overrides over these.
fn defaults() -> Vec<Binding> {
    vec![
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
            &[k(C::Enter)],
            Action::Submit,
            "go to the results",
            true,
        ),
        b(
            S::Search,
            &[k(C::Up)],
            Action::HistoryPrev,
            "earlier search from the history",
            true,
        ),
        b(
            S::Search,
            &[k(C::Down)],
            Action::HistoryNext,
            "later search, or go to the results",
            false,
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
            S::List,
            &[ch('s')],
            Action::SwitchSort,
            "sort by relevance or by date",
            false,
        ),
        b(
            S::List,
            &[ch('u')],
            Action::ToggleRead,
            "mark read or unread",
            false,
        ),
        b(
            S::List,
            &[ch('b')],
            Action::ToggleBookmark,
            "bookmark or unbookmark",
            false,
        ),
        b(
            S::List,
            &[ch('U')],
            Action::OnlyUnread,
            "show only unread briefings, or all",
            false,
        ),
        b(
            S::List,
            &[ch('B')],
            Action::OnlyBookmarked,
            "show only bookmarked briefings, or all",
            false,
        ),
        b(
            S::Reader,
            &[ch('u')],
            Action::ToggleRead,
            "mark read or unread",
            false,
        ),
        b(
            S::Reader,
            &[ch('b')],
            Action::ToggleBookmark,
            "bookmark or unbookmark",
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
    ]
}

/// True for scopes where unbound printable characters are typed as text.
fn is_input(scope: Scope) -> bool {
    matches!(
        scope,
        Scope::Search | Scope::ArticleFind | Scope::FacetNarrow
    )
}

/// The keys in force: the defaults with the user's overrides applied. One
/// table drives dispatch, the `?` help and the status-line hints.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The defaults with `overrides` from `config.yaml` (at `path`) applied: an
    /// action's keys are replaced wherever it is bound (Ctrl-C and Ctrl-Z, which
    /// work from anywhere, stay as they are), and a key taken by an
    /// override is taken from whatever had it in that scope. In text input
    /// scopes, plain characters stay text. Bad names and keys are reported with
    /// their line and left out.
    pub fn with_overrides(overrides: &[KeyOverride], path: &Path) -> (Keymap, Vec<Problem>) {
        let mut map = Keymap::default();
        let mut problems = Vec::new();
        let report = |line: Option<usize>, message: String| Problem {
            path: path.to_path_buf(),
            line,
            column: None,
            severity: Severity::Warning,
            message,
        };
        for o in overrides {
            let Some(action) = Action::from_name(&o.action) else {
                let names = Action::NAMED.iter().map(|(n, _)| *n);
                let hint = match brief_core::text::closest(&o.action, names) {
                    Some(s) => format!("did you mean '{s}'?"),
                    None => "`brief config --default` lists them".to_string(),
                };
                problems.push(report(
                    o.line,
                    format!("keys: '{}' is not an action; {hint}", o.action),
                ));
                continue;
            };
            let mut keys = Vec::new();
            for text in &o.keys {
                match Key::parse(text) {
                    Ok(key) => keys.push(key),
                    Err(e) => problems.push(report(
                        o.line,
                        format!("keys: {}: '{text}' is not a key ({e})", o.action),
                    )),
                }
            }
            if keys.is_empty() {
                problems.push(report(
                    o.line,
                    format!(
                        "keys: {}: no usable key; keeping its default keys",
                        o.action
                    ),
                ));
                continue;
            }
            let scopes: Vec<Scope> = map
                .bindings
                .iter()
                // Ctrl-C and Ctrl-Z stay what they are everywhere: a way out.
                .filter(|b| b.action == action && b.scope != Scope::Always)
                .map(|b| b.scope)
                .collect();
            for scope in scopes {
                let usable: Vec<Key> = keys
                    .iter()
                    .copied()
                    .filter(|k| !(is_input(scope) && k.is_text()))
                    .collect();
                if usable.is_empty() {
                    continue; // keep the defaults where plain letters must type
                }
                for bind in map.bindings.iter_mut().filter(|b| b.scope == scope) {
                    if bind.action == action {
                        bind.keys.clone_from(&usable);
                    } else {
                        bind.keys.retain(|k| !usable.contains(k));
                    }
                }
            }
        }
        (map, problems)
    }

    /// The action for a key, given the active scopes in precedence order (most specific first).
    pub fn dispatch(&self, scopes: &[Scope], ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        for &scope in std::iter::once(&Scope::Always).chain(scopes) {
            if let Some(bind) = self
                .bindings
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
                && !self
                    .bindings
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
    pub fn hints(&self, scopes: &[Scope]) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for &scope in scopes {
            for bind in self.bindings.iter().filter(|b| b.scope == scope && b.hint) {
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

    /// Every binding grouped by scope, for the `?` help: the keys in force.
    pub fn help_sections(&self) -> Vec<(Scope, Vec<(String, &'static str)>)> {
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
                let rows = self
                    .bindings
                    .iter()
                    .filter(|b| b.scope == s && !b.keys.is_empty())
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
}

/// The default keymap's dispatch, for tests and callers without a config.
pub fn dispatch(scopes: &[Scope], ev: &KeyEvent) -> Option<Action> {
    Keymap::default().dispatch(scopes, ev)
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
        let map = Keymap::default();
        for a in map.bindings() {
            for b in map.bindings() {
                if std::ptr::eq(a, b) || a.scope != b.scope {
                    continue;
                }
                for ka in &a.keys {
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

    fn overrides(pairs: &[(&str, &[&str], usize)]) -> Vec<KeyOverride> {
        pairs
            .iter()
            .map(|(action, keys, line)| KeyOverride {
                action: action.to_string(),
                keys: keys.iter().map(|k| k.to_string()).collect(),
                line: Some(*line),
            })
            .collect()
    }

    fn plain(c: char) -> KeyEvent {
        key(KeyCode::Char(c), KeyModifiers::NONE)
    }

    const LIST: &[Scope] = &[Scope::List, Scope::Global];

    #[test]
    fn an_override_replaces_the_default_keys_and_takes_its_key_from_others() {
        let (map, problems) = Keymap::with_overrides(
            &overrides(&[("toggle_bookmark", &["j"], 3)]),
            Path::new("config.yaml"),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            map.dispatch(LIST, &plain('j')),
            Some(Action::ToggleBookmark)
        );
        assert_eq!(
            map.dispatch(LIST, &plain('b')),
            None,
            "b is no longer bound"
        );
        // In the list j bookmarks and the arrow moves; where bookmarking is
        // not bound (the facet panes), j still moves.
        let down = key(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(map.dispatch(LIST, &down), Some(Action::MoveDown));
        let facets = [Scope::Facets, Scope::Global];
        assert_eq!(map.dispatch(&facets, &plain('j')), Some(Action::MoveDown));
        let help = map.help_sections();
        let list = &help.iter().find(|(s, _)| *s == Scope::List).unwrap().1;
        assert!(list.contains(&("j".to_string(), "bookmark or unbookmark")));
        assert!(!list.iter().any(|(k, _)| k.contains('b')), "{list:?}");
    }

    #[test]
    fn overrides_leave_typing_and_ctrl_c_alone() {
        let (map, _) = Keymap::with_overrides(
            &overrides(&[("quit", &["Q", "Ctrl-q"], 2)]),
            Path::new("config.yaml"),
        );
        let search = [Scope::Search, Scope::Global];
        assert_eq!(
            map.dispatch(&search, &plain('Q')),
            Some(Action::Insert('Q'))
        );
        assert_eq!(map.dispatch(LIST, &plain('Q')), Some(Action::Quit));
        assert_eq!(map.dispatch(LIST, &plain('q')), None);
        let cc = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(map.dispatch(&search, &cc), Some(Action::Quit));
        let cq = key(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(map.dispatch(LIST, &cq), Some(Action::Quit));
    }

    #[test]
    fn bad_actions_and_keys_are_reported_with_their_line_and_the_rest_applies() {
        let (map, problems) = Keymap::with_overrides(
            &overrides(&[
                ("bookmrk", &["m"], 4),
                ("quit", &["Hyper-x"], 5),
                ("help", &["F1", "Alt-h"], 6),
            ]),
            Path::new("config.yaml"),
        );
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 4, "{text:?}");
        assert!(text[0].starts_with("config.yaml:4:"), "{}", text[0]);
        assert!(text[0].contains("'bookmrk'"), "{}", text[0]);
        assert!(text[1].starts_with("config.yaml:5:") && text[1].contains("'Hyper-x'"));
        assert!(text[2].contains("keeping its default keys"), "{}", text[2]);
        assert!(text[3].starts_with("config.yaml:6:") && text[3].contains("'Alt-h'"));
        assert_eq!(map.dispatch(LIST, &plain('q')), Some(Action::Quit));
        let f1 = key(KeyCode::F(1), KeyModifiers::NONE);
        assert_eq!(map.dispatch(LIST, &f1), Some(Action::Help));
    }

    #[test]
    fn keys_parse_as_written_in_the_config() {
        let k = |s: &str| Key::parse(s).map(|k| (k.code, k.mods));
        assert_eq!(k("j"), Ok((KeyCode::Char('j'), KeyModifiers::NONE)));
        assert_eq!(k("J"), Ok((KeyCode::Char('J'), KeyModifiers::NONE)));
        assert_eq!(k("Ctrl-D"), Ok((KeyCode::Char('d'), KeyModifiers::CONTROL)));
        assert_eq!(k("C-n"), Ok((KeyCode::Char('n'), KeyModifiers::CONTROL)));
        assert_eq!(k("enter"), Ok((KeyCode::Enter, KeyModifiers::NONE)));
        assert_eq!(k("Shift-Tab"), Ok((KeyCode::BackTab, KeyModifiers::NONE)));
        assert_eq!(k("PgDn"), Ok((KeyCode::PageDown, KeyModifiers::NONE)));
        assert_eq!(k("Space"), Ok((KeyCode::Char(' '), KeyModifiers::NONE)));
        assert_eq!(k("F12"), Ok((KeyCode::F(12), KeyModifiers::NONE)));
        assert_eq!(k("-"), Ok((KeyCode::Char('-'), KeyModifiers::NONE)));
        assert!(k("F13").is_err() && k("").is_err() && k("Alt-x").is_err());
        // A key's label parses back to the key.
        for b in Keymap::default().bindings() {
            for key in &b.keys {
                let label = key.label();
                let label = match label.as_str() {
                    "↑" => "Up".to_string(),
                    "↓" => "Down".to_string(),
                    "←" => "Left".to_string(),
                    "→" => "Right".to_string(),
                    _ => label,
                };
                assert_eq!(Key::parse(&label).as_ref(), Ok(key), "{label}");
            }
        }
    }

    #[test]
    fn every_bound_action_can_be_named_in_the_config_and_is_documented() {
        let editing = [
            Action::Submit,
            Action::DeleteBack,
            Action::DeleteForward,
            Action::ClearLine,
            Action::CursorLeft,
            Action::CursorRight,
            Action::LineStart,
            Action::LineEnd,
        ];
        for b in Keymap::default().bindings() {
            if editing.contains(&b.action) {
                continue; // text editing keeps its keys
            }
            let Some(name) = b.action.name() else {
                panic!("{:?} has no config name", b.action);
            };
            assert!(
                brief_core::config::DEFAULT_FILE.contains(name),
                "{name} is not listed in the default config"
            );
            assert_eq!(Action::from_name(name), Some(b.action));
        }
    }
}
