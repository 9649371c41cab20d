//! What `brief` remembers between runs, in the state folder: read marks,
//! bookmarks, search history, and where each folder was left. The file is
//! brief's own (never in the briefings folder), written atomically, and one
//! that cannot be read is set aside as `state.json.bad`: losing it is never fatal.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use crate::model::Only;
use crate::model::Sort;
use crate::model::{Problem, Severity};

pub const FILE_NAME: &str = "state.json";

/// Queries kept in the search history.
pub const HISTORY_MAX: usize = 200;

/// Everything remembered, for every folder used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    /// Oldest first.
    pub history: Vec<String>,
    /// By folder (`folder_key`).
    pub folders: BTreeMap<String, Folder>,
}

/// What is remembered about one briefings folder. Briefings are named by id,
/// so marks survive files being renamed, added or reordered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Folder {
    pub read: BTreeSet<String>,
    pub bookmarks: BTreeSet<String>,
    pub last: LastView,
}

/// Where the browser was left: restored on the next start unless `--fresh`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastView {
    pub query: String,
    /// Country codes.
    pub countries: Vec<String>,
    /// Actor names as in the registry.
    pub actors: Vec<String>,
    /// The selected briefing's id.
    pub selected: Option<String>,
    pub sort: Option<Sort>,
    pub only: Option<Only>,
}

/// The state file in the state folder.
pub fn path() -> Option<PathBuf> {
    crate::paths::state_dir().map(|d| d.join(FILE_NAME))
}

/// How a folder is named in the state file: its absolute path, or
/// `built-in` for the corpus compiled into the binary.
pub fn folder_key(dir: Option<&Path>) -> String {
    match dir {
        None => "built-in".to_string(),
        Some(d) => std::fs::canonicalize(d)
            .or_else(|_| std::path::absolute(d))
            .unwrap_or_else(|_| d.to_path_buf())
            .display()
            .to_string(),
    }
}

/// Reads the state file. No file is a first run. A file that cannot be read or
/// decoded is set aside and reported as a warning; brief starts afresh.
pub fn load(path: &Path) -> (Remembered, Option<Problem>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Remembered::default(), None);
        }
        Err(e) => return (Remembered::default(), Some(damaged(path, &e))),
    };
    match serde_json::from_slice::<Remembered>(&bytes) {
        Ok(r) => (r, None),
        Err(e) => (Remembered::default(), Some(damaged(path, &e))),
    }
}

fn damaged(path: &Path, why: &dyn std::fmt::Display) -> Problem {
    // The cause last: on a status line, what was done matters more.
    let message = match crate::paths::set_aside(path) {
        Ok(bad) => format!(
            "the remembered state was set aside as {} and brief started afresh: it could not be read ({why})",
            bad.display()
        ),
        Err(r) => format!(
            "the remembered state could not be read ({why}) nor set aside ({r}); started afresh"
        ),
    };
    Problem {
        path: path.to_path_buf(),
        line: None,
        column: None,
        severity: Severity::Warning,
        message,
    }
}

/// Writes the state file atomically.
pub fn save(path: &Path, remembered: &Remembered) -> std::io::Result<()> {
    let json = serde_json::to_vec(remembered).map_err(std::io::Error::other)?;
    crate::atomic_write::write_atomically(path, |f| f.write_all(&json))
}

/// Saves one folder's state and the history, merged into what is on disk now,
/// so two `brief`s on different folders do not undo each other.
pub fn save_folder(
    path: &Path,
    key: &str,
    folder: Folder,
    history: Vec<String>,
) -> std::io::Result<()> {
    let mut all = match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice::<Remembered>(&bytes).unwrap_or_default(),
        Err(_) => Remembered::default(),
    };
    all.folders.insert(key.to_string(), folder);
    all.history = history;
    save(path, &all)
}

/// Adds a query to the end of `history`, once, dropping the oldest past the limit.
pub fn push_history(history: &mut Vec<String>, query: &str) {
    let q = query.trim();
    if q.is_empty() {
        return;
    }
    history.retain(|h| h != q);
    history.push(q.to_string());
    if history.len() > HISTORY_MAX {
        let extra = history.len() - HISTORY_MAX;
        history.drain(..extra);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_keeps_each_query_once_newest_last_and_bounded() {
        let mut h = Vec::new();
        push_history(&mut h, "frontex");
        push_history(&mut h, "  ");
        push_history(&mut h, "niger");
        push_history(&mut h, "frontex ");
        assert_eq!(h, vec!["niger", "frontex"]);
        for i in 0..HISTORY_MAX + 5 {
            push_history(&mut h, &format!("q{i}"));
        }
        assert_eq!(h.len(), HISTORY_MAX);
        assert_eq!(h.last().map(String::as_str), Some("q204"));
    }
}
