//! `brief config`: the settings in force and what is wrong with the file, or
//! the commented default file.

use std::io::Write;

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
    let keys = match &file.path {
        Some(p) => brief::keys::keymap::Keymap::apply(&file.config.keys, p),
        None => Default::default(),
    };
    let where_ = match (&file.path, file.exists) {
        (Some(p), true) if file.problems.is_empty() => format!("# settings from {}", p.display()),
        (Some(p), true) => format!("# settings from {} (the problems below aside)", p.display()),
        (Some(p), false) => format!("# {} does not exist: the defaults apply", p.display()),
        (None, _) => "# no config folder on this system: the defaults apply".to_string(),
    };
    writeln!(out.w, "{}", sanitize(&where_, false))?;
    let problems: Vec<_> = file.problems.iter().chain(&keys.problems).collect();
    for p in &problems {
        writeln!(out.w, "# {}", sanitize(&p.to_string(), false))?;
    }
    // Only the key overrides in force: each with the keys it holds in the end.
    let mut in_force = file.config.clone();
    in_force.keys = keys.in_force;
    out.w
        .write_all(sanitize(&to_yaml(&in_force), true).as_bytes())?;
    Ok(if problems.is_empty() {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}
