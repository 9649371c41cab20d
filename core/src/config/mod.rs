//! `config.yaml`: the user's settings. Every setting is optional; a bad one is
//! reported with its line and value and replaced by its default, so a typo
//! never keeps `brief` from starting.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::lang::Lang;
use crate::model::Registries;
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
    /// Who writes the reports (`brief report`): their metadata's author.
    pub author: Option<String>,
    /// The most files a walk of the folder meets before it stops.
    pub max_files: usize,
    /// What `brief new` and `brief edit` do with git (`git: commit`).
    pub git: Git,
}

/// `git:` in config.yaml: whether `brief new` and `brief edit` commit the
/// file they wrote when the archive is in a git work tree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub enum Git {
    #[default]
    Off,
    Commit,
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
            author: None,
            max_files: crate::load::DEFAULT_MAX_FILES,
            git: Git::Off,
        }
    }
}

/// Narrowest a reader width may be set to.
pub const MIN_READER_WIDTH: u16 = 20;

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
pub(super) fn problem(path: &Path, line: Option<usize>, message: String) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line,
        column: None,
        severity: Severity::Warning,
        message: crate::text::sanitize(&message, false).into_owned(),
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
    out.push_str(&format!("max_files: {}\n", config.max_files));
    let git = match config.git {
        Git::Off => "off",
        Git::Commit => "commit",
    };
    out.push_str(&format!("git: {git}\n"));
    match &config.author {
        Some(a) => out.push_str(&format!("author: {}\n", quote(a))),
        None => out.push_str("# author: (unset: reports name no author)\n"),
    }
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
pub const DEFAULT_FILE: &str = include_str!("../config.default.yaml");

mod key_line;
mod settings;

pub use settings::parse;

#[cfg(test)]
mod tests;
