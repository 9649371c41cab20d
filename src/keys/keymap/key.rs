//! One key as bound, labelled and written in `config.yaml`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub(super) const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
pub(super) const fn ch(c: char) -> Key {
    k(KeyCode::Char(c))
}
pub(super) const fn ctrl(c: char) -> Key {
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
    pub(super) fn is_text(&self) -> bool {
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

    /// The event pressing this key sends.
    pub(super) fn event(&self) -> KeyEvent {
        KeyEvent::new(self.code, self.mods)
    }

    pub(super) fn matches(&self, ev: &KeyEvent) -> bool {
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        match (self.code, ev.code) {
            // Letters arrive with their case; Shift is implied by it.
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b && self.mods == mods,
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (a, b) => a == b && self.mods == mods,
        }
    }
}
