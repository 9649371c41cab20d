//! Which briefings folder to use, and where config, state and cache live.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// Environment variable naming the briefings folder.
pub const DIR_ENV: &str = "BRIEF_DIR";

/// Where the briefings come from, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Flag(PathBuf),
    Env(PathBuf),
    Config(PathBuf),
    Local(PathBuf),
    UserData(PathBuf),
    Embedded,
}

impl Choice {
    pub fn dir(&self) -> Option<&Path> {
        match self {
            Choice::Flag(p)
            | Choice::Env(p)
            | Choice::Config(p)
            | Choice::Local(p)
            | Choice::UserData(p) => Some(p),
            Choice::Embedded => None,
        }
    }

    pub fn reason(&self) -> &'static str {
        match self {
            Choice::Flag(_) => "given on the command line",
            Choice::Env(_) => "from $BRIEF_DIR",
            Choice::Config(_) => "from config.yaml (briefings:)",
            Choice::Local(_) => "./briefings in the current folder",
            Choice::UserData(_) => "the user data folder",
            Choice::Embedded => "no folder found: the corpus built into the binary",
        }
    }
}

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "brief")
}

/// Flag, else `$BRIEF_DIR`, else the config's `briefings:`, else `./briefings`,
/// else the user data folder, else built-in.
pub fn choose(flag: Option<&Path>, configured: Option<&Path>) -> Choice {
    if let Some(p) = flag {
        return Choice::Flag(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(DIR_ENV).filter(|v| !v.is_empty()) {
        return Choice::Env(PathBuf::from(p));
    }
    if let Some(p) = configured {
        return Choice::Config(p.to_path_buf());
    }
    let local = PathBuf::from("briefings");
    if local.is_dir() {
        return Choice::Local(local);
    }
    if let Some(p) = user_data_dir().filter(|p| p.is_dir()) {
        return Choice::UserData(p);
    }
    Choice::Embedded
}

pub fn user_data_dir() -> Option<PathBuf> {
    project().map(|p| p.data_dir().join("briefings"))
}

pub fn config_dir() -> Option<PathBuf> {
    project().map(|p| p.config_dir().to_path_buf())
}

pub fn state_dir() -> Option<PathBuf> {
    project().map(|p| p.state_dir().unwrap_or(p.data_local_dir()).to_path_buf())
}

pub fn cache_dir() -> Option<PathBuf> {
    project().map(|p| p.cache_dir().to_path_buf())
}

/// The folder inside an archive where it keeps its own corpus cache and text
/// index for everyone who reads it (`brief share`): derived data, never
/// walked as briefings (hidden), kept out of git by a `.gitignore` inside.
pub const SHARED_DIR: &str = ".brief";

/// Where a folder's corpus cache and text index are kept, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexHome {
    /// The archive's own `.brief/`, shared by every user who reads it.
    Shared(PathBuf),
    /// The archive is shared, but this user cannot write its `.brief/`:
    /// read while it is current, their own cache folder once it is not
    /// (said once).
    SharedNotWritable {
        shared: PathBuf,
        own: Option<PathBuf>,
    },
    /// The user's cache folder.
    Own(Option<PathBuf>),
    /// `--no-cache`: every file read each time.
    NoCache,
}

impl IndexHome {
    /// Where the index of `dir` (`None`: the built-in corpus) is kept.
    pub fn of(dir: Option<&Path>, no_cache: bool) -> IndexHome {
        if no_cache {
            return IndexHome::NoCache;
        }
        let shared = dir.map(|d| d.join(SHARED_DIR)).filter(|s| s.is_dir());
        match shared {
            Some(shared) if writable(&shared) => IndexHome::Shared(shared),
            Some(shared) => IndexHome::SharedNotWritable {
                shared,
                own: cache_dir(),
            },
            None => IndexHome::Own(cache_dir()),
        }
    }

    /// The folder the cache and index are read from: a shared index this
    /// user cannot write is read while it is current (see `LoadOptions::cache_read_only`).
    pub fn cache_dir(&self) -> Option<&Path> {
        match self {
            IndexHome::Shared(p) | IndexHome::SharedNotWritable { shared: p, .. } => Some(p),
            IndexHome::Own(own) => own.as_deref(),
            IndexHome::NoCache => None,
        }
    }

    /// Why, for `brief paths`.
    pub fn reason(&self) -> String {
        match self {
            IndexHome::Shared(_) => {
                "(shared: the archive's own, for everyone who reads it; brief share)".into()
            }
            IndexHome::SharedNotWritable { own, .. } => format!(
                "(shared, read only: you cannot write there; while it is not current, yours: {})",
                own.as_deref()
                    .map_or_else(|| "none".to_string(), |o| o.display().to_string())
            ),
            IndexHome::Own(_) => "(yours; brief share DIR gives an archive its own)".into(),
            IndexHome::NoCache => "(--no-cache: none)".into(),
        }
    }
}

/// Whether this process can create files in `dir` (tried, not guessed from
/// the modes: ACLs, read-only mounts and root all answer for themselves).
pub fn writable(dir: &Path) -> bool {
    tempfile::Builder::new()
        .prefix(".brief-probe")
        .tempfile_in(dir)
        .is_ok()
}

impl Choice {
    /// The same choice with its folder's canonical path: a shared archive's
    /// index is found under one name whoever reads it and however they spell it.
    pub fn canonical(self) -> Choice {
        let canon = |p: PathBuf| std::fs::canonicalize(&p).unwrap_or(p);
        match self {
            Choice::Flag(p) => Choice::Flag(canon(p)),
            Choice::Env(p) => Choice::Env(canon(p)),
            Choice::Config(p) => Choice::Config(canon(p)),
            Choice::Local(p) => Choice::Local(canon(p)),
            Choice::UserData(p) => Choice::UserData(canon(p)),
            Choice::Embedded => Choice::Embedded,
        }
    }
}

/// How many set-aside copies of one file are kept; older ones are pruned.
pub const SET_ASIDE_KEEP: usize = 10;

/// How many set-aside copies of one folder (the text index, megabytes each)
/// are kept.
pub const SET_ASIDE_KEEP_FOLDERS: usize = 2;

/// Moves a file brief cannot read out of the way, as `NAME.<UTC time>.bad`
/// (unique: a second damage never replaces the first copy), so it is rebuilt
/// rather than fatal and still there to look at. Only the newest
/// [`SET_ASIDE_KEEP`] copies of one file are kept. Returns where it went.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let stamp = utc_stamp(std::time::SystemTime::now());
    // After the newest copy of the same second, even one already pruned.
    let taken = |n: u32| match n {
        1 => path.with_file_name(format!("{name}.{stamp}.bad")),
        n => path.with_file_name(format!("{name}.{stamp}-{n}.bad")),
    };
    let mut n = set_aside_copies(path)
        .iter()
        .filter_map(|p| {
            let middle = p.file_name()?.to_str()?.strip_prefix(&name)?;
            let middle = middle.strip_prefix('.')?.strip_suffix(".bad")?;
            match middle.split_once('-') {
                Some((t, k)) if t == stamp => k.parse::<u32>().ok(),
                None if middle == stamp => Some(1),
                _ => None,
            }
        })
        .max()
        .map_or(1, |k| k + 1);
    let mut bad = taken(n);
    while bad.symlink_metadata().is_ok() {
        n += 1;
        bad = taken(n);
    }
    std::fs::rename(path, &bad)?;
    prune_set_aside(path, &name);
    Ok(bad)
}

/// The set-aside copies of `path`, oldest first (their names sort by time).
pub fn set_aside_copies(path: &Path) -> Vec<PathBuf> {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let prefix = format!("{name}.");
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_str()?.to_string();
            let middle = n.strip_prefix(&prefix)?.strip_suffix(".bad")?;
            // `20261130T160012Z` or `20261130T160012Z-2`: brief's own naming.
            let is_stamp = middle.len() >= 16
                && middle.as_bytes()[8] == b'T'
                && middle.as_bytes()[15] == b'Z'
                && middle[..8].bytes().all(|b| b.is_ascii_digit());
            is_stamp.then(|| (middle.to_string(), e.path()))
        })
        .collect();
    found.sort_by(|a, b| {
        let key = |s: &str| {
            let (t, n) = s.split_once('-').unwrap_or((s, "1"));
            (t.to_string(), n.parse::<u32>().unwrap_or(1))
        };
        key(&a.0).cmp(&key(&b.0))
    });
    found.into_iter().map(|(_, p)| p).collect()
}

/// Keeps the newest copies: [`SET_ASIDE_KEEP`] of a file,
/// [`SET_ASIDE_KEEP_FOLDERS`] of a folder (removed whole, never through a link).
fn prune_set_aside(path: &Path, _name: &str) {
    let copies = set_aside_copies(path);
    let is_dir = |p: &PathBuf| p.symlink_metadata().is_ok_and(|m| m.is_dir());
    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = copies.into_iter().partition(is_dir);
    for (copies, keep) in [(files, SET_ASIDE_KEEP), (dirs, SET_ASIDE_KEEP_FOLDERS)] {
        if copies.len() > keep {
            for old in &copies[..copies.len() - keep] {
                let _ = if is_dir(old) {
                    std::fs::remove_dir_all(old)
                } else {
                    std::fs::remove_file(old)
                };
            }
        }
    }
}

/// `20261130T160012Z`: a time as a file name part, sorting in time order.
pub fn utc_stamp(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn utc_stamps_are_calendar_times() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
        // 2024-02-29 12:34:56 UTC, a leap day.
        let t = UNIX_EPOCH + Duration::from_secs(1_709_210_096);
        assert_eq!(utc_stamp(t), "20240229T123456Z");
    }

    #[test]
    fn a_second_damage_never_replaces_the_first_copy_and_old_copies_are_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("state.json");
        for i in 0..SET_ASIDE_KEEP + 3 {
            std::fs::write(&file, format!("damage {i}")).unwrap();
            let bad = set_aside(&file).unwrap();
            assert_eq!(
                std::fs::read_to_string(&bad).unwrap(),
                format!("damage {i}")
            );
            assert!(!file.exists());
        }
        let copies = set_aside_copies(&file);
        assert_eq!(copies.len(), SET_ASIDE_KEEP);
        // The newest are kept, in order.
        let kept: Vec<String> = copies
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let want: Vec<String> = (3..SET_ASIDE_KEEP + 3)
            .map(|i| format!("damage {i}"))
            .collect();
        assert_eq!(kept, want);
        // Someone else's files are left alone.
        std::fs::write(dir.path().join("state.json.mine.bad"), "x").unwrap();
        std::fs::write(&file, "again").unwrap();
        set_aside(&file).unwrap();
        assert!(dir.path().join("state.json.mine.bad").exists());
    }

    #[test]
    fn set_aside_folders_are_pruned_whole_keeping_the_newest_few() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index-00");
        for i in 0..SET_ASIDE_KEEP_FOLDERS + 3 {
            std::fs::create_dir(&index).unwrap();
            std::fs::write(index.join("seg.term"), format!("damage {i}")).unwrap();
            set_aside(&index).unwrap();
        }
        let copies = set_aside_copies(&index);
        assert_eq!(copies.len(), SET_ASIDE_KEEP_FOLDERS);
        let newest = std::fs::read_to_string(copies[copies.len() - 1].join("seg.term")).unwrap();
        assert_eq!(newest, format!("damage {}", SET_ASIDE_KEEP_FOLDERS + 2));
    }
}
