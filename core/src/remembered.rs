//! What `brief` remembers between runs, in the state folder: read marks,
//! bookmarks, search history, and where each folder was left.
//!
//! Two files: `state.json`, the whole state, and `state.json.journal`, the
//! changes made since it was last written, one JSON line each. A toggle
//! appends one line under an advisory lock on the journal, so it costs the
//! same whatever the state's size, and sessions running at once keep each
//! other's marks and history item by item. Past [`COMPACT_AT`] bytes the
//! journal is folded into `state.json` (written atomically), under the same
//! lock. Replaying a change twice gives the same state, so a crash between the
//! two writes loses nothing. A `state.json` that cannot be read is set aside
//! with a unique name and reported: losing it is never fatal. A `state.json`
//! that is a symbolic link (dotfiles) is written through to its target.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Only, Sort};
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
    /// Saved searches, by name.
    pub saved: BTreeMap<String, SavedSearch>,
    /// Named sets of briefings (a dossier in progress), by name: their ids.
    pub sets: BTreeMap<String, BTreeSet<String>>,
}

/// A search kept under a name: the query as typed (in either language's
/// words), the facets chosen, and what it found when last opened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedSearch {
    pub query: String,
    /// Country codes.
    pub countries: Vec<String>,
    /// Actor names as in the registry.
    pub actors: Vec<String>,
    /// The dates facet (the timeline and the dates pane): years and months,
    /// `2021`, `2021-06`.
    pub periods: Vec<String>,
    /// When it was last opened, in seconds since the Unix epoch; `None`: never.
    pub opened: Option<u64>,
    /// The briefings it found then, each as a fingerprint of its id and the
    /// version of its file (`Folder::fingerprints`), sorted: one found now that
    /// is not among them is new (added since, or changed).
    pub seen: Vec<u64>,
}

impl SavedSearch {
    /// How many of `found` (fingerprints) are new since it was last opened.
    pub fn count_new(&self, found: &[u64]) -> usize {
        found.iter().filter(|f| !self.has_seen(**f)).count()
    }

    /// Whether the briefing of fingerprint `f` was among those found when
    /// it was last opened.
    pub fn has_seen(&self, f: u64) -> bool {
        self.seen.binary_search(&f).is_ok()
    }
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
    crate::io::paths::state_dir().map(|d| d.join(FILE_NAME))
}

/// The journal beside a state file.
pub fn journal_path(state: &Path) -> PathBuf {
    let mut name = state.file_name().unwrap_or_default().to_os_string();
    name.push(".journal");
    state.with_file_name(name)
}

/// The journal is folded into the state file once it is this big.
pub const COMPACT_AT: u64 = 256 * 1024;

/// One change to what a session remembers about its folder (the search
/// history is shared by every folder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Change {
    Read {
        id: String,
        read: bool,
    },
    Bookmark {
        id: String,
        on: bool,
    },
    Searched {
        query: String,
    },
    Left {
        last: LastView,
    },
    /// A search saved (or saved again: its query and facets replaced, what it
    /// has seen kept).
    SaveSearch {
        name: String,
        query: String,
        countries: Vec<String>,
        actors: Vec<String>,
        /// Absent from records an earlier brief wrote.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        periods: Vec<String>,
    },
    RenameSearch {
        from: String,
        to: String,
    },
    DeleteSearch {
        name: String,
    },
    /// A saved search opened at `at` (seconds since the epoch), finding `seen`.
    OpenedSearch {
        name: String,
        at: u64,
        seen: Vec<u64>,
    },
    /// A named set of briefings saved, replacing one of the same name.
    SaveSet {
        name: String,
        ids: Vec<String>,
    },
    DeleteSet {
        name: String,
    },
}

/// A journal line: a change and the folder it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    folder: String,
    #[serde(flatten)]
    change: Change,
}

impl Remembered {
    /// Applies one change to `folder`; applying it again changes nothing more.
    pub fn apply(&mut self, folder: &str, change: &Change) {
        fn entry<'a>(all: &'a mut Remembered, folder: &str) -> &'a mut Folder {
            all.folders.entry(folder.to_string()).or_default()
        }
        match change {
            Change::Read { id, read } => {
                let set = &mut entry(self, folder).read;
                if *read {
                    set.insert(id.clone());
                } else {
                    set.remove(id);
                }
            }
            Change::Bookmark { id, on } => {
                let set = &mut entry(self, folder).bookmarks;
                if *on {
                    set.insert(id.clone());
                } else {
                    set.remove(id);
                }
            }
            Change::Searched { query } => push_history(&mut self.history, query),
            Change::Left { last } => entry(self, folder).last = last.clone(),
            Change::SaveSearch {
                name,
                query,
                countries,
                actors,
                periods,
            } => {
                let saved = entry(self, folder).saved.entry(name.clone()).or_default();
                saved.query = query.clone();
                saved.countries = countries.clone();
                saved.actors = actors.clone();
                saved.periods = periods.clone();
            }
            Change::RenameSearch { from, to } => {
                let saved = &mut entry(self, folder).saved;
                // Replaying it again finds `from` gone: nothing more changes.
                if let Some(s) = saved.remove(from) {
                    saved.insert(to.clone(), s);
                }
            }
            Change::DeleteSearch { name } => {
                entry(self, folder).saved.remove(name);
            }
            Change::OpenedSearch { name, at, seen } => {
                if let Some(s) = entry(self, folder).saved.get_mut(name) {
                    s.opened = Some(*at);
                    let mut seen = seen.clone();
                    seen.sort_unstable();
                    seen.dedup();
                    s.seen = seen;
                }
            }
            Change::SaveSet { name, ids } => {
                let set = ids.iter().cloned().collect();
                entry(self, folder).sets.insert(name.clone(), set);
            }
            Change::DeleteSet { name } => {
                entry(self, folder).sets.remove(name);
            }
        }
    }

    /// Keeps the history within [`HISTORY_MAX`], newest kept.
    fn trim(&mut self) {
        if self.history.len() > HISTORY_MAX {
            let extra = self.history.len() - HISTORY_MAX;
            self.history.drain(..extra);
        }
    }
}

/// Where the state really is: a symbolic link is followed to its target, so
/// writing replaces the target and keeps the link.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    // A dangling link: write where it points.
    match std::fs::read_link(path) {
        Ok(target) if target.is_absolute() => target,
        Ok(target) => path.with_file_name(target),
        Err(_) => path.to_path_buf(),
    }
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

/// The most of the state file, or of the journal, that is read: far beyond
/// what a person's marks and history take (the journal is folded in at
/// [`COMPACT_AT`]), so a file that says otherwise (a link to `/dev/zero`)
/// costs a bounded read, not the memory of the machine.
pub const READ_MAX: u64 = 64 * 1024 * 1024;

/// Opens `path` if it is a regular file (following links), without blocking
/// on a FIFO; anything else is an error that says what it is.
fn open_regular(path: &Path, options: &std::fs::OpenOptions) -> std::io::Result<std::fs::File> {
    let not_regular = |kind: std::fs::FileType| {
        std::io::Error::other(format!(
            "{} is not a regular file but {}",
            path.display(),
            crate::load::walk::kind_name(kind)
        ))
    };
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return Err(not_regular(meta.file_type())),
        _ => {}
    }
    let mut options = options.clone();
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    // And on the handle: the path may have been replaced meanwhile.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(meta.file_type()));
    }
    Ok(file)
}

/// Reads the state: the state file, then the journal's changes. No file is a
/// first run. A state file that cannot be read or decoded is set aside and
/// reported as a warning; the journal's changes still apply. A journal that
/// is not a regular file (a FIFO, a device, a folder) is not read, and said.
pub fn load(path: &Path) -> (Remembered, Option<Problem>) {
    let target = resolve(path);
    let journal_file = journal_path(&target);
    let (journal, journal_problem) =
        match open_regular(&journal_file, std::fs::OpenOptions::new().read(true)) {
            Ok(j) => (Some(j), None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, None),
            Err(e) => (None, Some(journal_unread(&journal_file, &e))),
        };
    // A shared lock: no compaction can fold the journal in while it is read.
    if let Some(j) = &journal {
        let _ = j.lock_shared();
    }
    let (mut all, problem) = read_state(path, &target);
    if let Some(j) = &journal {
        replay(&mut all, j);
    }
    all.trim();
    (all, problem.or(journal_problem))
}

/// The journal could not be read: its changes are not applied, and nothing
/// recorded this session is kept beyond it.
fn journal_unread(journal: &Path, e: &std::io::Error) -> Problem {
    Problem {
        path: journal.to_path_buf(),
        line: None,
        column: None,
        severity: Severity::Warning,
        message: format!(
            "the journal of remembered changes cannot be read ({e}); marks and history made now are not kept"
        ),
    }
}

fn read_state(shown: &Path, target: &Path) -> (Remembered, Option<Problem>) {
    use std::io::Read;
    let read = || -> std::io::Result<Vec<u8>> {
        let file = open_regular(target, std::fs::OpenOptions::new().read(true))?;
        let mut bytes = Vec::new();
        file.take(READ_MAX + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > READ_MAX {
            return Err(std::io::Error::other(format!(
                "over the {READ_MAX} byte limit"
            )));
        }
        Ok(bytes)
    };
    let bytes = match read() {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Remembered::default(), None);
        }
        Err(e) => return (Remembered::default(), Some(damaged(shown, target, &e))),
    };
    match serde_json::from_slice::<Remembered>(&bytes) {
        Ok(r) => (r, None),
        Err(e) => (Remembered::default(), Some(damaged(shown, target, &e))),
    }
}

/// Applies the journal's changes in order (at most [`READ_MAX`] bytes of it).
/// A line that does not parse (a write cut short by a crash) is skipped, and
/// only it: a record that an older brief appended onto such a fragment, on
/// the same line, is found after it and applied.
fn replay(all: &mut Remembered, journal: &std::fs::File) {
    use std::io::{BufRead, Read};
    let reader = std::io::BufReader::new(journal.take(READ_MAX));
    for line in reader.split(b'\n').map_while(Result::ok) {
        if let Some(e) = entry_in(&line) {
            all.apply(&e.folder, &e.change);
        }
    }
}

/// The record a journal line holds: the whole line, else the last record
/// written onto a fragment (every record starts with its folder).
fn entry_in(line: &[u8]) -> Option<Entry> {
    if let Ok(e) = serde_json::from_slice::<Entry>(line) {
        return Some(e);
    }
    const START: &[u8] = b"{\"folder\":";
    let at = line
        .windows(START.len())
        .rposition(|w| w == START)
        .filter(|&at| at > 0)?;
    serde_json::from_slice::<Entry>(&line[at..]).ok()
}

fn damaged(shown: &Path, target: &Path, why: &dyn std::fmt::Display) -> Problem {
    // The cause last: on a status line, what was done matters more.
    let message = match crate::io::paths::set_aside(target) {
        Ok(bad) => format!(
            "the remembered state was set aside as {} and brief started afresh: it could not be read ({why})",
            bad.display()
        ),
        Err(r) => format!(
            "the remembered state could not be read ({why}) nor set aside ({r}); started afresh"
        ),
    };
    Problem {
        path: shown.to_path_buf(),
        line: None,
        column: None,
        severity: Severity::Warning,
        message,
    }
}

fn open_journal(target: &Path) -> std::io::Result<std::fs::File> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    open_regular(
        &journal_path(target),
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .read(true),
    )
}

/// Whether the journal ends in the middle of a line (a write cut short):
/// the next record then starts on a line of its own.
fn ends_mid_line(journal: &std::fs::File) -> std::io::Result<bool> {
    use std::os::unix::fs::FileExt;
    let len = journal.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut last = [0u8; 1];
    journal.read_exact_at(&mut last, len - 1)?;
    Ok(last[0] != b'\n')
}

/// Records changes: appended to the journal under an exclusive lock, so
/// concurrent sessions interleave whole changes and lose none. Folds the
/// journal into the state file when it has grown past [`COMPACT_AT`]; a state
/// file found damaged then is set aside and reported in the result.
pub fn record(path: &Path, folder: &str, changes: &[Change]) -> std::io::Result<Option<Problem>> {
    if changes.is_empty() {
        return Ok(None);
    }
    let target = resolve(path);
    let mut journal = open_journal(&target)?;
    journal.lock()?;
    let mut lines = Vec::new();
    if ends_mid_line(&journal)? {
        lines.push(b'\n');
    }
    for change in changes {
        let entry = Entry {
            folder: folder.to_string(),
            change: change.clone(),
        };
        serde_json::to_writer(&mut lines, &entry).map_err(std::io::Error::other)?;
        lines.push(b'\n');
    }
    std::io::Write::write_all(&mut journal, &lines)?;
    journal.sync_data()?;
    if journal.metadata()?.len() > COMPACT_AT {
        return compact_locked(path, &target, &journal, |_| {});
    }
    Ok(None)
}

/// Folds the journal into the state file now (on quit, for one).
pub fn compact(path: &Path) -> std::io::Result<Option<Problem>> {
    let target = resolve(path);
    let journal = open_journal(&target)?;
    journal.lock()?;
    compact_locked(path, &target, &journal, |_| {})
}

/// Folds the journal into the state file, with `change` applied last; the
/// caller holds the journal's lock.
fn compact_locked(
    shown: &Path,
    target: &Path,
    journal: &std::fs::File,
    change: impl FnOnce(&mut Remembered),
) -> std::io::Result<Option<Problem>> {
    let (mut all, problem) = read_state(shown, target);
    let mut reader = journal.try_clone()?;
    std::io::Seek::seek(&mut reader, std::io::SeekFrom::Start(0))?;
    replay(&mut all, &reader);
    change(&mut all);
    all.trim();
    write_state(target, &all)?;
    // Only once the state file holds every change: replaying is harmless.
    journal.set_len(0)?;
    journal.sync_all()?;
    Ok(problem)
}

fn write_state(target: &Path, all: &Remembered) -> std::io::Result<()> {
    let json = serde_json::to_vec(all).map_err(std::io::Error::other)?;
    crate::io::atomic_write::write_atomically(target, |f| f.write_all(&json))
}

/// Writes the whole state, replacing what is there and emptying the journal.
pub fn save(path: &Path, remembered: &Remembered) -> std::io::Result<()> {
    let target = resolve(path);
    let journal = open_journal(&target)?;
    journal.lock()?;
    let mut all = remembered.clone();
    all.trim();
    write_state(&target, &all)?;
    journal.set_len(0)?;
    Ok(())
}

/// Replaces one folder's state and the history, keeping the other folders
/// as they are on disk now (read and written under the journal's lock).
pub fn save_folder(
    path: &Path,
    key: &str,
    folder: Folder,
    history: Vec<String>,
) -> std::io::Result<()> {
    let target = resolve(path);
    let journal = open_journal(&target)?;
    journal.lock()?;
    compact_locked(path, &target, &journal, |all| {
        all.folders.insert(key.to_string(), folder);
        all.history = history;
    })?;
    Ok(())
}

/// Adds a query to the end of `history`, once, dropping the oldest past the limit.
pub fn push_history(history: &mut Vec<String>, query: &str) {
    let q = query.trim();
    if q.is_empty() {
        return;
    }
    if let Some(at) = history.iter().position(|h| h == q) {
        history.remove(at);
    }
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
