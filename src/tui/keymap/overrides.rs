//! The user's `keys:` from `config.yaml`, applied over the default table.

use std::path::Path;

use super::{Key, Keymap, Scope, is_input};
use crate::tui::action::Action;
use brief_core::config::KeyOverride;
use brief_core::model::{Problem, Severity};

impl Keymap {
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
            map.follow_in_overlays(&before, &keys);
        }
        (map, problems)
    }

    /// The help and problems views close with the key that opened them and
    /// with the quit key: when such a key is rebound, the overlay follows.
    fn follow_in_overlays(&mut self, before: &[Key], keys: &[Key]) {
        for scope in [Scope::Help, Scope::Problems] {
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
