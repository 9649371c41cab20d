//! `brief config`: the settings in force and what is wrong with the file, or
//! the commented default file.

use std::io::Write;

use brief::tui::action::Action;
use brief::tui::keymap::Key;
use brief_core::config::{ConfigFile, DEFAULT_FILE, to_yaml};
use brief_core::text::sanitize;

use super::Outcome;
use super::output::Out;

pub fn run<W: Write>(
    out: &mut Out<W>,
    file: &ConfigFile,
    default: bool,
) -> std::io::Result<Outcome> {
    if default {
        out.w.write_all(DEFAULT_FILE.as_bytes())?;
        return Ok(Outcome::Found);
    }
    let (_, key_problems) = match &file.path {
        Some(p) => brief::tui::keymap::Keymap::with_overrides(&file.config.keys, p),
        None => Default::default(),
    };
    let where_ = match (&file.path, file.exists) {
        (Some(p), true) if file.problems.is_empty() => format!("# settings from {}", p.display()),
        (Some(p), true) => format!("# settings from {} (the problems below aside)", p.display()),
        (Some(p), false) => format!("# {} does not exist: the defaults apply", p.display()),
        (None, _) => "# no config folder on this system: the defaults apply".to_string(),
    };
    writeln!(out.w, "{}", sanitize(&where_, false))?;
    let problems: Vec<_> = file.problems.iter().chain(&key_problems).collect();
    for p in &problems {
        writeln!(out.w, "# {}", sanitize(&p.to_string(), false))?;
    }
    // Only the key overrides that apply: known actions, keys that parse.
    let mut in_force = file.config.clone();
    in_force.keys.retain_mut(|o| {
        o.keys.retain(|k| Key::parse(k).is_ok());
        Action::from_name(&o.action).is_some() && !o.keys.is_empty()
    });
    out.w
        .write_all(sanitize(&to_yaml(&in_force), true).as_bytes())?;
    Ok(if problems.is_empty() {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}
