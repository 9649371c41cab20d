//! The user's `keys:` from `config.yaml`, applied over the default table.

use std::path::Path;

use ratatui::crossterm::event::KeyCode;

use super::{Key, Keymap, Scope, defaults, is_input};
use crate::keys::action::Action;
use brief_core::config::KeyOverride;
use brief_core::model::{Problem, Severity};

/// What applying the user's `keys:` gave: the keymap, what was wrong, and
/// the overrides in force as they apply (for `brief config`).
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub keymap: Keymap,
    pub problems: Vec<Problem>,
    /// Each override that applies, with only its keys that are bound in the end.
    pub in_force: Vec<KeyOverride>,
}

/// The actions the user can never be left without, with their default key in
/// `Global`: a way out and a way to the list of keys.
const ESSENTIAL: [(Action, Key); 2] = [
    (Action::Quit, super::key::ch('q')),
    (Action::Help, super::key::ch('?')),
];

/// Panes whose keys are tried before `Global`: a key taken back for an
/// essential action is taken from them too, so it works wherever it is pressed.
const PANES: [Scope; 4] = [Scope::Global, Scope::List, Scope::Facets, Scope::Reader];

/// A key given by the user to an action in one scope, with the line saying so.
struct Claim {
    scope: Scope,
    key: Key,
    action: Action,
    line: Option<usize>,
}

impl Keymap {
    /// The defaults with `overrides` from `config.yaml` (at `path`) applied;
    /// see `apply`.
    pub fn with_overrides(overrides: &[KeyOverride], path: &Path) -> (Keymap, Vec<Problem>) {
        let applied = Keymap::apply(overrides, path);
        (applied.keymap, applied.problems)
    }

    /// The defaults with `overrides` from `config.yaml` (at `path`) applied: an
    /// action's keys are replaced wherever it is bound (Ctrl-C and Ctrl-Z, which
    /// work from anywhere, stay as they are), and a key taken by an
    /// override is taken from whatever had it in that scope. In text input
    /// scopes, plain characters stay text. Bad names and keys are reported with
    /// their line and left out; so is an override that cannot apply. Two
    /// overrides giving one key to two actions in one scope: the later line
    /// wins, and a warning says so. An action left without any key is warned
    /// about; quit and help are never left without one: they keep their
    /// default key (`q`, `?`), with a warning.
    pub fn apply(overrides: &[KeyOverride], path: &Path) -> Applied {
        let mut map = Keymap::default();
        let mut problems = Vec::new();
        let report = |line: Option<usize>, message: String| Problem {
            path: path.to_path_buf(),
            line,
            column: None,
            severity: Severity::Warning,
            message: brief_core::text::sanitize(&message, false).into_owned(),
        };
        let mut claims: Vec<Claim> = Vec::new();
        // (scope, action that lost keys there, line of the override that took them)
        let mut losses: Vec<(Scope, Action, Option<usize>)> = Vec::new();
        // (key, action that lost it, action that won it), said once each
        let mut conflicts: Vec<(Key, Action, Action)> = Vec::new();
        let mut applied: Vec<(usize, Action)> = Vec::new();
        for (index, o) in overrides.iter().enumerate() {
            let Some(action) = Action::from_name(&o.action) else {
                let names = Action::named().map(|(n, _)| n);
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
            let name = action.name().unwrap_or(o.action.as_str());
            let mut keys = Vec::new();
            for text in &o.keys {
                match Key::parse(text) {
                    // A bidirectional override would reach the screen in the help and hints.
                    Ok(Key {
                        code: KeyCode::Char(c),
                        ..
                    }) if brief_core::text::is_dangerous(c) => problems.push(report(
                        o.line,
                        format!("keys: {name}: '{text}' is not a key (a control character)"),
                    )),
                    Ok(key) => keys.push(key),
                    Err(e) => problems.push(report(
                        o.line,
                        format!("keys: {name}: '{text}' is not a key ({e})"),
                    )),
                }
            }
            if keys.is_empty() {
                problems.push(report(
                    o.line,
                    format!("keys: {name}: no usable key; keeping its default keys"),
                ));
                continue;
            }
            // The keys this action had everywhere, which overlays borrow to close.
            let before: Vec<Key> = map
                .bindings
                .iter()
                .filter(|b| b.action == action && b.scope == Scope::Global)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            let scopes: Vec<Scope> = map
                .bindings
                .iter()
                // Ctrl-C and Ctrl-Z stay what they are everywhere: a way out.
                .filter(|b| b.action == action && b.scope != Scope::Always)
                .map(|b| b.scope)
                .collect();
            if scopes.is_empty() {
                let fixed = map.key(Scope::Always, action);
                problems.push(report(
                    o.line,
                    format!(
                        "keys: {name} stays on {fixed}, which works from anywhere and cannot be rebound; this line is ignored"
                    ),
                ));
                continue;
            }
            let mut took_effect = false;
            for scope in scopes {
                let usable: Vec<Key> = keys
                    .iter()
                    .copied()
                    .filter(|k| !(is_input(scope) && k.is_text()))
                    .collect();
                if usable.is_empty() {
                    continue; // keep the defaults where plain letters must type
                }
                took_effect = true;
                for &key in &usable {
                    for c in claims.iter().filter(|c| c.scope == scope && c.key == key) {
                        if c.action != action && !conflicts.contains(&(key, c.action, action)) {
                            conflicts.push((key, c.action, action));
                            let loser = c.action.name().unwrap_or("?");
                            problems.push(report(
                                o.line,
                                format!(
                                    "keys: {} is given to both {loser} (line {}) and {name}; {name}, the later line, wins",
                                    key.label(),
                                    c.line.map_or("?".to_string(), |l| l.to_string()),
                                ),
                            ));
                        }
                    }
                    claims.retain(|c| !(c.scope == scope && c.key == key));
                    claims.push(Claim {
                        scope,
                        key,
                        action,
                        line: o.line,
                    });
                }
                for bind in map.bindings.iter_mut().filter(|b| b.scope == scope) {
                    if bind.action == action {
                        bind.keys.clone_from(&usable);
                    } else if bind.keys.iter().any(|k| usable.contains(k)) {
                        bind.keys.retain(|k| !usable.contains(k));
                        losses.push((scope, bind.action, o.line));
                    }
                }
            }
            if !took_effect {
                problems.push(report(
                    o.line,
                    format!(
                        "keys: {name}: a plain character types text where {name} works; keeping its default keys"
                    ),
                ));
                continue;
            }
            applied.push((index, action));
            map.follow_in_overlays(&before, &keys);
        }
        for (action, default) in ESSENTIAL {
            let reachable = map
                .bindings
                .iter()
                .any(|b| b.scope == Scope::Global && b.action == action && !b.keys.is_empty());
            if reachable {
                continue;
            }
            let line = losses
                .iter()
                .rev()
                .find(|(s, a, _)| *s == Scope::Global && *a == action)
                .and_then(|(_, _, l)| *l);
            let name = action.name().unwrap_or("?");
            problems.push(report(
                line,
                format!(
                    "keys: {name} was left without a key; it keeps its default key {}",
                    default.label()
                ),
            ));
            map.restore(action, default, &mut losses);
        }
        problems.extend(map.left_without_keys(&losses, &report));
        // In the file's order: each line's warnings together.
        problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
        let in_force = applied
            .into_iter()
            .filter_map(|(index, action)| {
                let o = &overrides[index];
                let keys: Vec<String> = o
                    .keys
                    .iter()
                    .filter(|text| {
                        Key::parse(text).is_ok_and(|k| {
                            map.bindings.iter().any(|b| {
                                b.action == action
                                    && b.scope != Scope::Always
                                    && b.keys.contains(&k)
                            })
                        })
                    })
                    .cloned()
                    .collect();
                (!keys.is_empty()).then(|| KeyOverride {
                    action: action.name().unwrap_or(o.action.as_str()).to_string(),
                    keys,
                    line: o.line,
                })
            })
            .collect();
        Applied {
            keymap: map,
            problems,
            in_force,
        }
    }

    /// Gives `action` its default `key` again in `Global`, taking it from
    /// whatever had it in the panes tried before `Global`, and lets the help
    /// and problems views close with it, as they do by default.
    fn restore(
        &mut self,
        action: Action,
        key: Key,
        losses: &mut Vec<(Scope, Action, Option<usize>)>,
    ) {
        for bind in self.bindings.iter_mut() {
            if bind.scope == Scope::Global && bind.action == action {
                bind.keys = vec![key];
            } else if PANES.contains(&bind.scope) && bind.keys.contains(&key) {
                bind.keys.retain(|k| *k != key);
                losses.push((bind.scope, bind.action, None));
            }
        }
        for scope in [Scope::Help, Scope::Problems, Scope::Saved] {
            for bind in self.bindings.iter_mut().filter(|b| b.scope == scope) {
                if bind.action == Action::Back {
                    if !bind.keys.contains(&key) {
                        bind.keys.push(key);
                    }
                } else if bind.keys.contains(&key) {
                    bind.keys.retain(|k| *k != key);
                    losses.push((scope, bind.action, None));
                }
            }
        }
    }

    /// One warning per action that had keys by default and has none left in
    /// some scope, naming the scopes.
    fn left_without_keys(
        &self,
        losses: &[(Scope, Action, Option<usize>)],
        report: &dyn Fn(Option<usize>, String) -> Problem,
    ) -> Vec<Problem> {
        let mut keyless: Vec<(Action, &'static str, Vec<Scope>)> = Vec::new();
        for (bind, default) in self.bindings.iter().zip(defaults::DEFAULTS) {
            if !bind.keys.is_empty() || default.1.is_empty() {
                continue;
            }
            match keyless.iter_mut().find(|(a, _, _)| *a == bind.action) {
                Some((_, _, scopes)) => scopes.push(bind.scope),
                None => keyless.push((bind.action, bind.help, vec![bind.scope])),
            }
        }
        keyless
            .into_iter()
            .map(|(action, help, scopes)| {
                let line = losses
                    .iter()
                    .rev()
                    .find(|(s, a, _)| *a == action && scopes.contains(s))
                    .and_then(|(_, _, l)| *l);
                let name = action
                    .name()
                    .map_or_else(|| format!("'{help}'"), str::to_string);
                let where_: Vec<&str> = scopes.iter().map(|s| s.name()).collect();
                report(
                    line,
                    format!(
                        "keys: {name} is left without a key ({}): its keys went to other actions",
                        where_.join(", ")
                    ),
                )
            })
            .collect()
    }

    /// The help and problems views close with the key that opened them and
    /// with the quit key: when such a key is rebound, the overlay follows.
    fn follow_in_overlays(&mut self, before: &[Key], keys: &[Key]) {
        for scope in [Scope::Help, Scope::Problems, Scope::Saved] {
            let Some(close) = self
                .bindings
                .iter()
                .position(|b| b.scope == scope && b.action == Action::Back)
            else {
                continue;
            };
            if !self.bindings[close].keys.iter().any(|k| before.contains(k)) {
                continue;
            }
            let mut closing: Vec<Key> = Vec::new();
            for &k in &self.bindings[close].keys {
                let now: &[Key] = if before.contains(&k) { keys } else { &[k] };
                for &n in now {
                    if !closing.contains(&n) {
                        closing.push(n);
                    }
                }
            }
            for (i, bind) in self.bindings.iter_mut().enumerate() {
                if bind.scope != scope {
                    continue;
                }
                if i == close {
                    bind.keys.clone_from(&closing);
                } else {
                    bind.keys.retain(|k| !keys.contains(k));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::{Applied, Keymap, Scope};
    use crate::keys::action::Action;
    use brief_core::config::KeyOverride;

    fn apply(pairs: &[(&str, &str)]) -> Applied {
        let overrides: Vec<KeyOverride> = pairs
            .iter()
            .enumerate()
            .map(|(i, (action, key))| KeyOverride {
                action: action.to_string(),
                keys: vec![key.to_string()],
                line: Some(i + 2),
            })
            .collect();
        Keymap::apply(&overrides, Path::new("config.yaml"))
    }

    fn messages(a: &Applied) -> Vec<String> {
        a.problems.iter().map(|p| p.to_string()).collect()
    }

    fn plain(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    const LIST: &[Scope] = &[Scope::List, Scope::Global];

    #[test]
    fn every_action_on_one_key_warns_and_keeps_quit_and_help() {
        let all: Vec<(&str, &str)> = Action::named().map(|(n, _)| (n, "x")).collect();
        let a = apply(&all);
        let text = messages(&a);
        // q still quits and ? still opens the help, from the list and the reader.
        for scopes in [LIST, &[Scope::Reader, Scope::Global][..]] {
            assert_eq!(a.keymap.dispatch(scopes, &plain('q')), Some(Action::Quit));
            assert_eq!(a.keymap.dispatch(scopes, &plain('?')), Some(Action::Help));
        }
        // And the help closes with them.
        let help = [Scope::Help, Scope::Global];
        assert_eq!(a.keymap.dispatch(&help, &plain('?')), Some(Action::Back));
        assert_eq!(a.keymap.dispatch(&help, &plain('q')), Some(Action::Back));
        for essential in ["quit", "help"] {
            assert!(
                text.iter().any(|t| t.contains(&format!(
                    "keys: {essential} was left without a key; it keeps its default key"
                ))),
                "{text:#?}"
            );
        }
        assert!(
            text.iter()
                .any(|t| t.contains("keys: x is given to both")
                    && t.contains("the later line, wins")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("keys: first is left without a key (")
                    && t.contains("everywhere")),
            "{text:#?}"
        );
        // The hints never show an empty key.
        assert!(a.keymap.hints(LIST).iter().all(|(k, _, _)| !k.is_empty()));
        // Only what holds a key in the end is in force: in each scope, the
        // action of the last line that gave it x.
        let last = all.last().map(|(n, _)| *n);
        assert!(a.in_force.len() < all.len() / 2, "{:?}", a.in_force);
        assert!(
            a.in_force.iter().any(|o| Some(o.action.as_str()) == last),
            "{:?}",
            a.in_force
        );
    }

    #[test]
    fn two_actions_on_one_key_say_which_wins() {
        let a = apply(&[("toggle_bookmark", "m"), ("toggle_read", "m")]);
        let text = messages(&a);
        assert_eq!(
            a.keymap.dispatch(LIST, &plain('m')),
            Some(Action::ToggleRead)
        );
        assert!(
            text.iter().any(|t| t.starts_with("config.yaml:3:")
                && t.contains("m is given to both toggle_bookmark (line 2) and toggle_read; toggle_read, the later line, wins")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("toggle_bookmark is left without a key")),
            "{text:#?}"
        );
        let in_force: Vec<&str> = a.in_force.iter().map(|o| o.action.as_str()).collect();
        assert_eq!(in_force, ["toggle_read"]);
    }

    #[test]
    fn a_key_taken_from_a_default_leaves_that_action_keyless_with_a_warning() {
        let a = apply(&[("first", "x")]);
        let text = messages(&a);
        assert_eq!(
            text,
            [
                "config.yaml:2: warning: keys: clear_filters is left without a key (everywhere): its keys went to other actions"
            ],
        );
    }

    #[test]
    fn suspend_on_a_letter_cannot_apply_and_is_not_in_force() {
        let a = apply(&[("suspend", "q")]);
        let text = messages(&a);
        assert_eq!(text.len(), 1, "{text:?}");
        assert!(
            text[0].contains("keys: suspend stays on Ctrl-Z") && text[0].contains("ignored"),
            "{text:?}"
        );
        assert!(a.in_force.is_empty());
        assert_eq!(a.keymap.dispatch(LIST, &plain('q')), Some(Action::Quit));
    }

    #[test]
    fn a_bidirectional_override_is_not_a_key() {
        let a = apply(&[("quit", "\u{202e}")]);
        let text = messages(&a);
        assert!(
            text[0].contains("is not a key (a control character)"),
            "{text:?}"
        );
        assert!(!text[0].contains('\u{202e}'), "{text:?}");
        assert!(a.in_force.is_empty());
    }

    #[test]
    fn quit_moved_to_another_key_is_no_problem() {
        let a = apply(&[("quit", "Q"), ("help", "F1")]);
        assert!(a.problems.is_empty(), "{:?}", messages(&a));
        assert_eq!(a.in_force.len(), 2);
    }
}
