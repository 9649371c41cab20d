//! `config.yaml`: the user's settings. Every setting is optional; a bad one is
//! reported with its line and value and replaced by its default, so a typo
//! never keeps `brief` from starting.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_yaml::Value;

use crate::lang::Lang;
use crate::load::defaults::Registries;
use crate::model::Sort;
use crate::model::{Problem, Severity};

/// The file name in the config folder.
pub const FILE_NAME: &str = "config.yaml";

/// Colours of the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// The 16 ANSI colours, readable on dark and light backgrounds.
    #[default]
    Default,
    /// Bold, bright and reversed: for glare, projectors and tired eyes.
    HighContrast,
    /// No colour at all: bold, reverse and underline only (what NO_COLOR gives).
    Monochrome,
}

/// Keys for one action, replacing its default keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyOverride {
    /// The action's name, as `?` and `brief config --default` list them.
    pub action: String,
    /// Keys as written: `j`, `J`, `Ctrl-d`, `Enter`, `PgDn`, `F2`.
    pub keys: Vec<String>,
    /// Where it is in the file, for error messages.
    #[serde(skip)]
    pub line: Option<usize>,
}

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Config {
    /// The briefings folder, when neither `--dir` nor `$BRIEF_DIR` says.
    pub briefings: Option<PathBuf>,
    pub keys: Vec<KeyOverride>,
    pub theme: Theme,
    /// Widest the reader's text grows, in columns; `None`: the pane's width.
    pub reader_width: Option<u16>,
    pub sort: Sort,
    pub mouse: bool,
    /// Source URLs as OSC 8 hyperlinks.
    pub links: bool,
    /// The interface language; `None`: from the environment (see `language`).
    pub ui_language: Option<Lang>,
    /// The built-in actor and topic registries under the folder's, or the folder's only.
    pub registries: Registries,
}

impl Config {
    /// The interface language in force: `ui_language`, else the locale's
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`: `fr*` is French), else English.
    pub fn language(&self) -> Lang {
        self.ui_language.unwrap_or_else(Lang::from_env)
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            briefings: None,
            keys: Vec::new(),
            theme: Theme::default(),
            reader_width: None,
            sort: Sort::default(),
            mouse: false,
            links: true,
            ui_language: None,
            registries: Registries::default(),
        }
    }
}

/// Narrowest a reader width may be set to.
pub const MIN_READER_WIDTH: u16 = 20;

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
];

/// The config read from a file, what was wrong with it, and where it was.
#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    pub path: Option<PathBuf>,
    /// False when there is no file: the defaults apply, which is no problem.
    /// True for a file that is there, even one that cannot be read.
    pub exists: bool,
    pub config: Config,
    pub problems: Vec<Problem>,
}

/// The config file: `--config FILE`, else `config.yaml` in the config folder.
pub fn path(flag: Option<&Path>) -> Option<PathBuf> {
    match flag {
        Some(p) => Some(p.to_path_buf()),
        None => crate::io::paths::config_dir().map(|d| d.join(FILE_NAME)),
    }
}

/// Reads the config at `path`. A missing file gives the defaults, silently
/// unless it was asked for by name (`explicit`).
pub fn load(path: Option<&Path>, explicit: bool) -> ConfigFile {
    let Some(path) = path else {
        return ConfigFile::default();
    };
    let mut file = ConfigFile {
        path: Some(path.to_path_buf()),
        ..ConfigFile::default()
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if explicit {
                file.problems.push(problem(
                    path,
                    None,
                    "no such config file; running on the defaults".to_string(),
                ));
            }
            return file;
        }
        Err(e) => {
            file.exists = true;
            file.problems.push(problem(
                path,
                None,
                format!("cannot read the config ({e}); running on the defaults"),
            ));
            return file;
        }
    };
    file.exists = true;
    if bytes.len() as u64 > crate::load::DEFAULT_MAX_FILE_SIZE {
        file.problems.push(problem(
            path,
            None,
            "the config is over 1 MiB; running on the defaults".to_string(),
        ));
        return file;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        file.problems.push(problem(
            path,
            None,
            "the config is not UTF-8 text; running on the defaults".to_string(),
        ));
        return file;
    };
    let (config, problems) = parse(path, &text);
    file.config = config;
    file.problems = problems;
    file
}

/// A warning about the config. The message quotes what the user wrote, so it
/// is neutralised here, once, whatever shows it later.
fn problem(path: &Path, line: Option<usize>, message: String) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line,
        column: None,
        severity: Severity::Warning,
        message: crate::text::sanitize(&message, false).into_owned(),
    }
}

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

/// The line (1-based) where `key:` is written: at the top level, or indented
/// under `parent:`. Flow mappings (`{a: 1}`) are not searched.
fn line_of(text: &str, key: &str, parent: Option<&str>) -> Option<usize> {
    let starts = |line: &str, key: &str| {
        let rest = line.trim_start();
        let rest = rest
            .strip_prefix(key)
            .or_else(|| rest.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| rest.strip_prefix(&format!("'{key}'")));
        rest.is_some_and(|r| r.trim_start().starts_with(':'))
            || quoted_key(line).is_some_and(|k| k == key)
    };
    let indented = |line: &str| line.starts_with([' ', '\t']);
    let mut inside = parent.is_none();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match parent {
            None => {
                if !indented(line) && starts(line, key) {
                    return Some(i + 1);
                }
            }
            Some(p) => {
                if !indented(line) {
                    inside = starts(line, p);
                } else if inside && starts(line, key) {
                    return Some(i + 1);
                }
            }
        }
    }
    parent.and_then(|p| line_of(text, p, None))
}

/// The key of a `"key": value` or `'key': value` line, its escapes (`\e`,
/// `\x1b`, `\u001b`, `''`) read as YAML reads them, so a key holding a control
/// character is found on its line.
fn quoted_key(line: &str) -> Option<String> {
    let rest = line.trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let mut chars = rest.char_indices().skip(1);
    let end = loop {
        let (i, c) = chars.next()?;
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                // '' inside single quotes is one quote.
                if quote == '\'' && rest[i + 1..].starts_with('\'') {
                    chars.next();
                    continue;
                }
                break i + 1;
            }
            _ => {}
        }
    };
    if !rest[end..].trim_start().starts_with(':') {
        return None;
    }
    serde_yaml::from_str::<String>(&rest[..end]).ok()
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

/// The settings in force, as YAML a user could paste back.
pub fn to_yaml(config: &Config) -> String {
    let mut out = String::new();
    let briefings = config
        .briefings
        .as_ref()
        .map_or("null".to_string(), |p| quote(&p.display().to_string()));
    out.push_str(&format!("briefings: {briefings}\n"));
    let theme = match config.theme {
        Theme::Default => "default",
        Theme::HighContrast => "high-contrast",
        Theme::Monochrome => "monochrome",
    };
    out.push_str(&format!("theme: {theme}\n"));
    out.push_str(&format!(
        "reader_width: {}\n",
        config.reader_width.unwrap_or(0)
    ));
    out.push_str(&format!("sort: {}\n", config.sort.name()));
    out.push_str(&format!("mouse: {}\n", config.mouse));
    out.push_str(&format!("links: {}\n", config.links));
    match config.ui_language {
        Some(l) => out.push_str(&format!("ui_language: {}\n", l.as_str())),
        // Unset: the locale decides; said as a comment so the file means the same.
        None => out.push_str(&format!(
            "# ui_language: {} (from the locale: LC_ALL, LC_MESSAGES, LANG)\n",
            Lang::from_env().as_str()
        )),
    }
    if config.keys.is_empty() {
        out.push_str("keys: {}\n");
    } else {
        out.push_str("keys:\n");
        for k in &config.keys {
            let keys: Vec<String> = k.keys.iter().map(|s| quote(s)).collect();
            out.push_str(&format!("  {}: [{}]\n", k.action, keys.join(", ")));
        }
    }
    out
}

/// A YAML double-quoted string.
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// What `brief config --default` prints: every setting at its default, explained.
pub const DEFAULT_FILE: &str = include_str!("config.default.yaml");

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Config, Vec<Problem>) {
        parse(Path::new("/home/ana/.config/brief/config.yaml"), text)
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parsed(""), (Config::default(), Vec::new()));
        assert_eq!(parsed("# only comments\n"), (Config::default(), Vec::new()));
    }

    #[test]
    fn every_setting_is_read() {
        let (c, p) = parsed(
            "briefings: /data/briefings\ntheme: high-contrast\nreader_width: 72\nsort: date\nmouse: true\nlinks: false\nkeys:\n  quit: Q\n  bookmark: [m, Ctrl-b]\n",
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.briefings, Some(PathBuf::from("/data/briefings")));
        assert_eq!(c.theme, Theme::HighContrast);
        assert_eq!(c.reader_width, Some(72));
        assert_eq!(c.sort, Sort::Date);
        assert!(c.mouse);
        assert!(!c.links);
        assert_eq!(c.keys.len(), 2);
        assert_eq!(c.keys[0].action, "quit");
        assert_eq!(c.keys[0].keys, vec!["Q"]);
        assert_eq!(c.keys[0].line, Some(8));
        assert_eq!(c.keys[1].keys, vec!["m", "Ctrl-b"]);
        assert_eq!(c.keys[1].line, Some(9));
    }

    #[test]
    fn a_bad_value_names_its_line_and_value_and_the_rest_applies() {
        let (c, p) = parsed("sort: date\ntheme: purple\nmouse: yes please\n");
        assert_eq!(c.sort, Sort::Date);
        assert_eq!(c.theme, Theme::Default);
        assert!(!c.mouse);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].line, Some(2));
        assert!(p[0].message.contains("'purple'"), "{}", p[0].message);
        assert!(p[0].message.contains("high-contrast"), "{}", p[0].message);
        assert_eq!(p[1].line, Some(3));
        assert!(p[1].message.contains("'yes please'"), "{}", p[1].message);
    }

    #[test]
    fn broken_yaml_runs_on_the_defaults_with_its_position() {
        let (c, p) = parsed("theme: monochrome\nkeys: [unclosed\n");
        assert_eq!(c, Config::default());
        assert_eq!(p.len(), 1);
        assert!(p[0].line.is_some());
        assert!(p[0].message.contains("defaults"), "{}", p[0].message);
    }

    #[test]
    fn unknown_settings_get_a_suggestion() {
        let (_, p) = parsed("\n\nthem: monochrome\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, Some(3));
        assert!(
            p[0].message.contains("did you mean 'theme'"),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn a_setting_written_with_escapes_keeps_its_line_and_shows_no_raw_control() {
        let (_, p) = parsed("sort: date\n\n\"th\\e]0;x\\ame\": monochrome\n'mo\tuse': true\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].line, Some(3), "{p:?}");
        assert_eq!(p[1].line, Some(4), "{p:?}");
        for problem in &p {
            assert!(
                !problem.message.chars().any(crate::text::is_dangerous),
                "{:?}",
                problem.message
            );
        }
        assert!(p[0].message.contains("th␛]0;x␇me"), "{}", p[0].message);
        let (c, p) = parsed("keys:\n  \"qu\\x1bit\": x\n  \"he\\u001blp\": [y]\n");
        assert_eq!(c.keys[0].line, Some(2), "{:?}", c.keys);
        assert_eq!(c.keys[1].line, Some(3), "{:?}", c.keys);
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn reader_width_zero_means_the_pane_and_small_widths_are_refused() {
        assert_eq!(parsed("reader_width: 0").0.reader_width, None);
        let (c, p) = parsed("reader_width: 5");
        assert_eq!(c.reader_width, None);
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("reader_width: 5"), "{}", p[0].message);
    }

    #[test]
    fn relative_folders_are_taken_from_the_config_folder() {
        let (c, _) = parsed("briefings: notes/briefings");
        assert_eq!(
            c.briefings,
            Some(PathBuf::from("/home/ana/.config/brief/notes/briefings"))
        );
    }

    #[test]
    fn the_default_file_parses_to_the_defaults() {
        let (c, p) = parsed(DEFAULT_FILE);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c, Config::default());
    }

    #[test]
    fn settings_in_force_read_back_the_same() {
        let (c, p) = parsed(
            "briefings: /x\ntheme: monochrome\nreader_width: 90\nsort: date\nmouse: true\nlinks: false\nkeys:\n  quit: [Q, Ctrl-q]\n",
        );
        assert!(p.is_empty());
        let (again, p) = parsed(&to_yaml(&c));
        assert!(p.is_empty(), "{p:?}");
        let strip = |mut c: Config| {
            for k in &mut c.keys {
                k.line = None;
            }
            c
        };
        assert_eq!(strip(again), strip(c));
    }

    #[test]
    fn ui_language_is_fr_or_en_and_a_bad_one_is_reported() {
        let (c, p) = parsed("ui_language: fr\n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.ui_language, Some(Lang::Fr));
        assert_eq!(c.language(), Lang::Fr);
        let (c, p) = parsed("ui_language: EN\n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.ui_language, Some(Lang::En));
        let (c, p) = parsed("ui_language: de\n");
        assert_eq!(c.ui_language, None);
        assert!(
            p[0].message.contains("not a language; expected fr or en"),
            "{p:?}"
        );
        let (again, p) = parsed(&to_yaml(&Config {
            ui_language: Some(Lang::Fr),
            ..Config::default()
        }));
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(again.ui_language, Some(Lang::Fr));
    }
}
