//! The settings of `config.yaml`, each read on its own: a bad one is reported
//! with its line and left at its default.

use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::key_line::line_of;
use super::{Config, KeyOverride, MIN_READER_WIDTH, Theme, problem};
use crate::lang::Lang;
use crate::model::Registries;
use crate::model::Sort;
use crate::model::{Problem, Severity};

const SETTINGS: &[&str] = &[
    "briefings",
    "keys",
    "theme",
    "reader_width",
    "sort",
    "mouse",
    "links",
    "ui_language",
    "registries",
    "author",
    "max_files",
    "git",
];

/// Parses config text. Each setting stands alone: a bad one is reported and
/// left at its default, the others apply.
pub fn parse(path: &Path, text: &str) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let map = match settings(path, text) {
        Ok(Some(map)) => map,
        Ok(None) => return (config, problems),
        Err(p) => {
            problems.push(p);
            return (config, problems);
        }
    };
    for (key, value) in map {
        let Some(name) = key.as_str() else {
            problems.push(problem(
                path,
                None,
                format!("a setting's name should be text, not {}", show(&key)),
            ));
            continue;
        };
        let line = line_of(text, name, None);
        if name == "keys" {
            keys(path, text, value, &mut config, &mut problems);
            continue;
        }
        match set(&mut config, path, name, value) {
            Setting::Set => {}
            Setting::Bad(what) => problems.push(problem(
                path,
                line,
                format!("{name}: {what}; using the default"),
            )),
            Setting::Unknown => {
                let hint = match crate::text::closest(name, SETTINGS.iter().copied()) {
                    Some(s) => format!("did you mean '{s}'?"),
                    None => format!("the settings are {}", SETTINGS.join(", ")),
                };
                problems.push(problem(
                    path,
                    line,
                    format!("unknown setting '{name}'; {hint}"),
                ));
            }
        }
    }
    (config, problems)
}

/// The config's settings as a mapping: `None` for an empty config, `Err`
/// when it is not YAML or not a mapping (the defaults apply).
fn settings(path: &Path, text: &str) -> Result<Option<serde_yaml::Mapping>, Problem> {
    if let Err(p) = crate::load::yaml::check_alias_expansion(path, text) {
        return Err(Problem {
            severity: Severity::Warning,
            ..p
        });
    }
    let value: Value = serde_yaml::from_str(text).map_err(|e| {
        let loc = e.location();
        let message = crate::load::yaml::error_message(&e);
        // The parser may place an error at the end of input, past the last line.
        let last = text.lines().count().max(1);
        Problem {
            line: loc.as_ref().map(|l| l.line().min(last)),
            column: loc
                .as_ref()
                .filter(|l| l.line() <= last)
                .map(|l| l.column()),
            ..problem(
                path,
                None,
                format!("not valid YAML ({message}); running on the defaults"),
            )
        }
    })?;
    match value {
        Value::Null => Ok(None),
        Value::Mapping(m) => Ok(Some(m)),
        other => Err(problem(
            path,
            Some(1),
            format!(
                "the config should be a mapping of settings (`theme: monochrome`), not {}; running on the defaults",
                kind(&other)
            ),
        )),
    }
}

/// What became of one setting.
enum Setting {
    Set,
    /// Left at its default, and why.
    Bad(String),
    /// No setting has that name.
    Unknown,
}

/// Sets the setting `name` (but `keys`) of `config` to `value`.
fn set(config: &mut Config, path: &Path, name: &str, value: Value) -> Setting {
    let bad = Setting::Bad;
    match name {
        "briefings" => match value {
            Value::Null => {}
            Value::String(s) if !s.trim().is_empty() => {
                config.briefings = Some(folder(path, &s));
            }
            v => return bad(format!("expected a folder, got {}", show(&v))),
        },
        "theme" => match serde_yaml::from_value::<Theme>(value.clone()) {
            Ok(t) => config.theme = t,
            Err(_) => {
                return bad(format!(
                    "{} is not a theme; expected default, high-contrast or monochrome",
                    show(&value)
                ));
            }
        },
        "registries" => match serde_yaml::from_value::<Registries>(value.clone()) {
            Ok(r) => config.registries = r,
            Err(_) => {
                return bad(format!(
                    "{} is not a choice of registries; expected built-in or folder-only",
                    show(&value)
                ));
            }
        },
        "sort" => match serde_yaml::from_value::<Sort>(value.clone()) {
            Ok(s) => config.sort = s,
            Err(_) => {
                return bad(format!(
                    "{} is not an order; expected relevance or date",
                    show(&value)
                ));
            }
        },
        "reader_width" => return reader_width(config, &value),
        "git" => match &value {
            Value::String(s) if s == "commit" => config.git = super::Git::Commit,
            Value::String(s) if s == "off" => config.git = super::Git::Off,
            Value::Bool(false) | Value::Null => config.git = super::Git::Off,
            v => {
                return bad(format!(
                    "{} is not a choice; expected commit or off",
                    show(v)
                ));
            }
        },
        "max_files" => match value.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(n) if n >= 1 => config.max_files = n,
            _ => return bad(format!("{} is not a number of files from 1", show(&value))),
        },
        "author" => match &value {
            Value::Null => config.author = None,
            Value::String(s) if !s.trim().is_empty() => {
                config.author = Some(crate::text::sanitize(s.trim(), false).into_owned());
            }
            v => return bad(format!("{} is not a name", show(v))),
        },
        "mouse" | "links" => match value {
            Value::Bool(b) if name == "mouse" => config.mouse = b,
            Value::Bool(b) => config.links = b,
            v => return bad(format!("{} is not true or false", show(&v))),
        },
        "ui_language" => match &value {
            Value::Null => {}
            Value::String(s) if Lang::parse(s).is_some() => config.ui_language = Lang::parse(s),
            v => return bad(format!("{} is not a language; expected fr or en", show(v))),
        },
        _ => return Setting::Unknown,
    }
    Setting::Set
}

/// `reader_width`: 0 (the pane's width) or a number of columns.
fn reader_width(config: &mut Config, value: &Value) -> Setting {
    match value {
        Value::Null => {}
        Value::Number(n) if n.as_u64() == Some(0) => {}
        Value::Number(n)
            if n.as_u64().is_some_and(|w| {
                (u64::from(MIN_READER_WIDTH)..=u64::from(u16::MAX)).contains(&w)
            }) =>
        {
            config.reader_width = n.as_u64().and_then(|w| u16::try_from(w).ok());
        }
        v => {
            return Setting::Bad(format!(
                "{} is not a width; expected 0 (the pane's width) or a number of columns from {MIN_READER_WIDTH}",
                show(v)
            ));
        }
    }
    Setting::Set
}

/// `keys:` is a mapping of action names to a key or a list of keys.
fn keys(path: &Path, text: &str, value: Value, config: &mut Config, problems: &mut Vec<Problem>) {
    let map = match value {
        Value::Null => return,
        Value::Mapping(m) => m,
        v => {
            problems.push(problem(
                path,
                line_of(text, "keys", None),
                format!(
                    "keys: expected action names with their keys (`quit: Q`), got {}; using the default keys",
                    show(&v)
                ),
            ));
            return;
        }
    };
    for (action, keys) in map {
        let Some(action) = action.as_str().map(str::to_string) else {
            problems.push(problem(
                path,
                line_of(text, "keys", None),
                format!(
                    "keys: an action's name should be text, not {}",
                    show(&action)
                ),
            ));
            continue;
        };
        let line = line_of(text, &action, Some("keys"));
        let list = match keys {
            Value::String(s) => vec![s],
            Value::Number(n) => vec![n.to_string()],
            Value::Sequence(seq) => {
                let mut out = Vec::new();
                for v in seq {
                    match v {
                        Value::String(s) => out.push(s),
                        Value::Number(n) => out.push(n.to_string()),
                        v => problems.push(problem(
                            path,
                            line,
                            format!("keys: {action}: {} is not a key", show(&v)),
                        )),
                    }
                }
                out
            }
            v => {
                problems.push(problem(
                    path,
                    line,
                    format!(
                        "keys: {action}: expected a key or a list of keys, got {}",
                        show(&v)
                    ),
                ));
                continue;
            }
        };
        config.keys.push(KeyOverride {
            action,
            keys: list,
            line,
        });
    }
}

/// A folder named in the config: `~/` is the home folder, and a relative path
/// is taken from the config file's folder.
fn folder(config_path: &Path, s: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    if s == "~" {
        if let Some(h) = home() {
            return h;
        }
    } else if let Some(rest) = s.strip_prefix("~/")
        && let Some(h) = home()
    {
        return h.join(rest);
    }
    let p = PathBuf::from(s);
    if p.is_relative() {
        config_path.parent().map_or(p.clone(), |d| d.join(&p))
    } else {
        p
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// A value as the user wrote it, short, for messages.
fn show(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{}'", crate::text::truncate(s, 40)),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => kind(other).to_string(),
    }
}
