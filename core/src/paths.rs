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

/// Moves a file brief cannot read out of the way, as `NAME.bad`, so it is
/// rebuilt rather than fatal and still there to look at. Returns where it went.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bad");
    let bad = path.with_file_name(name);
    std::fs::rename(path, &bad)?;
    Ok(bad)
}
