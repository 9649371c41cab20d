//! THE key table (`defaults.rs`, one binding per line) with the user's
//! overrides applied (`overrides.rs`). It drives dispatch, the `?` help, the
//! status-line hints and every message that names a key, so they cannot
//! disagree.

mod defaults;
mod help;
mod key;
mod overrides;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use brief_core::Lang;

use crate::keys::action::Action;

pub use help::{HelpLine, HelpLineKind};
pub use key::Key;
pub use overrides::Applied;

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
    /// The timeline over the results, focused.
    Timeline,
    Reader,
    ArticleFind,
    FacetNarrow,
    Help,
    /// Typing a search in the help.
    HelpFind,
    Problems,
    /// The dossier of an actor or a country.
    Dossier,
    /// Choosing whose dossier to open, among a briefing's actors and countries.
    DossierChoice,
    /// The list of saved searches and named sets (an overlay).
    Saved,
    /// Typing a name: a search or a set to save, a rename.
    Prompt,
}

impl Scope {
    /// A short name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Always => "anywhere",
            Scope::Global => "everywhere",
            Scope::Search => "search line",
            Scope::List => "list",
            Scope::Facets => "actors and countries panes",
            Scope::Timeline => "timeline",
            Scope::Reader => "reader",
            Scope::ArticleFind => "search in the article",
            Scope::FacetNarrow => "filtered actors and countries panes",
            Scope::Help => "help",
            Scope::HelpFind => "search in the help",
            Scope::Problems => "problems view",
            Scope::Dossier => "dossier",
            Scope::DossierChoice => "dossier chooser",
            Scope::Saved => "saved searches list",
            Scope::Prompt => "name prompt",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Vec<Key>,
    pub action: Action,
    /// The help text in English; `help_fr` in French. `text` picks one.
    pub help: &'static str,
    pub help_fr: &'static str,
    /// Shown in the status bar when its scope is active.
    pub hint: bool,
}

impl Binding {
    /// The help text in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.help,
            Lang::Fr => self.help_fr,
        }
    }
}

/// True for scopes where unbound printable characters are typed as text. A
/// facet pane is one: letters filter its values, so a country with a `q` or a
/// `p` in its name can be typed whole.
fn is_input(scope: Scope) -> bool {
    matches!(
        scope,
        Scope::Search
            | Scope::ArticleFind
            | Scope::Facets
            | Scope::FacetNarrow
            | Scope::HelpFind
            | Scope::DossierChoice
            | Scope::Prompt
    )
}

/// The scopes in force in a facet pane once a filter is typed.
const FILTERING: &[Scope] = &[Scope::FacetNarrow, Scope::Facets, Scope::Global];

/// The keys in force: the defaults with the user's overrides applied. One
/// table drives dispatch, the `?` help and the status-line hints.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    /// The language of the help texts, hints and headings.
    pub lang: Lang,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let bindings = defaults::DEFAULTS
            .iter()
            .map(|&(scope, keys, action, help, help_fr, hint)| Binding {
                scope,
                keys: keys.to_vec(),
                action,
                help,
                help_fr,
                hint,
            })
            .collect();
        Keymap {
            bindings,
            lang: Lang::default(),
        }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The key to name in a message about `action` where `scope` is active:
    /// its first key there, else in `Global`, else anywhere; an action left
    /// without keys is named as in the config.
    pub fn key(&self, scope: Scope, action: Action) -> String {
        let first = |s: Option<Scope>| {
            self.bindings
                .iter()
                .filter(|b| b.action == action && s.is_none_or(|s| b.scope == s))
                .find_map(|b| b.keys.first())
        };
        first(Some(scope))
            .or_else(|| first(Some(Scope::Global)))
            .or_else(|| first(None))
            .map_or_else(
                || format!("<{}>", action.name().unwrap_or("unbound")),
                Key::label,
            )
    }

    /// The key to name for `action` where `scopes` are active (most specific
    /// first): the first bound key that, pressed now, does `action`. A letter
    /// that would be typed into the line in use is never named. `None` when
    /// no key does it from here.
    pub fn key_now(&self, scopes: &[Scope], action: Action) -> Option<String> {
        // The pane's own keys first; Ctrl-C and Ctrl-Z (`Always`) last.
        scopes
            .iter()
            .chain(std::iter::once(&Scope::Always))
            .flat_map(|&s| {
                self.bindings
                    .iter()
                    .filter(move |b| b.scope == s && b.action == action)
            })
            .flat_map(|b| b.keys.iter())
            .find(|k| self.dispatch(scopes, &k.event()) == Some(action))
            .map(Key::label)
    }

    /// The heading of `scope` in `?`, in the keymap's language; the keys it
    /// names are the ones in force.
    pub fn title(&self, scope: Scope) -> String {
        let t = &self.lang.text().scope_titles;
        match scope {
            Scope::Always => t.always.into(),
            Scope::Global => t.global.into(),
            Scope::Search => t.search.into(),
            Scope::List => t.list.into(),
            Scope::Facets => t.facets.into(),
            Scope::Timeline => t.timeline.into(),
            Scope::Reader => t.reader.into(),
            Scope::ArticleFind => t.article_find.into(),
            Scope::FacetNarrow => {
                let space = key::ch(' ');
                let types = self.dispatch(FILTERING, &space.event()) == Some(Action::Insert(' '));
                (t.facet_narrow)(types.then(|| space.label()).as_deref())
            }
            Scope::Help => t.help.into(),
            Scope::HelpFind => t.help_find.into(),
            Scope::Problems => t.problems.into(),
            Scope::Dossier => t.dossier.into(),
            Scope::DossierChoice => t.dossier_choice.into(),
            Scope::Saved => t.saved.into(),
            Scope::Prompt => t.prompt.into(),
        }
    }

    /// The keys that select a facet value while no filter is typed but not
    /// once one is (they type then), as `a/b`; `None` when there are none.
    pub fn select_unless_filtering(&self) -> Option<String> {
        let keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|b| b.scope == Scope::Facets && b.action == Action::Toggle)
            .flat_map(|b| b.keys.iter())
            .filter(|k| self.dispatch(FILTERING, &k.event()) != Some(Action::Toggle))
            .map(Key::label)
            .collect();
        (!keys.is_empty()).then(|| keys.join("/"))
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
            // Overlays (and the name prompt) swallow everything else.
            if matches!(
                scope,
                Scope::Help | Scope::Problems | Scope::Saved | Scope::Prompt
            ) {
                return None;
            }
        }
        None
    }

    /// `key1/key2 help` pairs for the status bar, for the active scopes,
    /// with the action each names.
    pub fn hints(&self, scopes: &[Scope]) -> Vec<(String, &'static str, Action)> {
        let mut out: Vec<(String, &'static str, Action)> = Vec::new();
        for &scope in scopes {
            for bind in self.bindings.iter().filter(|b| b.scope == scope && b.hint) {
                let help = bind.text(self.lang);
                if bind.keys.is_empty() || out.iter().any(|(_, h, _)| *h == help) {
                    continue;
                }
                let keys: Vec<String> = bind.keys.iter().map(Key::label).collect();
                out.push((keys.join("/"), help, bind.action));
            }
            if matches!(scope, Scope::Help | Scope::Problems | Scope::Saved) || is_input(scope) {
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
            Scope::Timeline,
            Scope::Reader,
            Scope::ArticleFind,
            Scope::Dossier,
            Scope::DossierChoice,
            Scope::Saved,
            Scope::Prompt,
            Scope::Problems,
            Scope::Help,
            Scope::HelpFind,
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
                            b.text(self.lang),
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
mod tests;
