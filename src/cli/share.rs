//! `brief share DIR`: the archive keeps its own corpus cache and text index
//! in `DIR/.brief/`, for every user who reads it (see docs/team.md).

use std::io::Write;
use std::path::Path;

use brief_core::Folder;
use brief_core::io::paths::{IndexHome, SHARED_DIR};
use brief_core::load::{self, CacheState, LoadOptions};

use super::output::Out;
use super::{Failure, Outcome};

pub fn run<W: Write>(out: &mut Out<W>, dir: &Path) -> Result<Outcome, Failure> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let meta =
        std::fs::metadata(dir).map_err(|e| Failure::Usage(format!("{}: {e}", dir.display())))?;
    if !meta.is_dir() {
        return Err(Failure::Usage(format!("{} is not a folder", dir.display())));
    }
    let shared = dir.join(SHARED_DIR);
    if shared.is_dir() {
        writeln!(
            out.w,
            "{} is shared already: its index is in {}",
            dir.display(),
            shared.display()
        )?;
        return Ok(Outcome::Found);
    }
    let made =
        |e: std::io::Error| Failure::Usage(format!("cannot create {}: {e}", shared.display()));
    std::fs::create_dir(&shared).map_err(made)?;
    // The archive's group, inherited by everything made inside (setgid),
    // and writable by it: any analyst of the group may bring it up to date.
    let _ = std::os::unix::fs::chown(&shared, None, Some(meta.gid()));
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o2775)).map_err(made)?;
    std::fs::write(
        shared.join(".gitignore"),
        "# brief's shared index: derived data\n*\n",
    )
    .map_err(made)?;
    // Made by someone outside the archive's group, it has theirs: said.
    let group = std::fs::metadata(&shared).map_or(meta.gid(), |m| m.gid());
    writeln!(
        out.w,
        "created {}: every brief reading {}, whoever runs it, keeps its cache and text index \
         there (group {group}, group-writable); `brief paths` says which index is used",
        shared.display(),
        dir.display(),
    )?;
    if group != meta.gid() {
        super::say(format_args!(
            "brief: note: {} has your group ({group}), not the archive's ({}): you are not in it; \
             `chgrp {} {}` by a member makes it the archive's",
            shared.display(),
            meta.gid(),
            meta.gid(),
            shared.display()
        ));
    }
    Ok(Outcome::Found)
}

/// The load options for the folder `dir`: its shared index when it has one
/// (files made group-writable from then on), else the user's cache. A shared
/// index this user cannot write is checked first (every file stat'ed): read
/// while it is current, else the user's own cache, said once.
pub fn load_options(dir: Option<&Path>, no_cache: bool, opts: &LoadOptions) -> LoadOptions {
    let home = IndexHome::of(dir, no_cache);
    let mut opts = LoadOptions {
        cache: home.cache_dir().map(Path::to_path_buf),
        ..opts.clone()
    };
    match (&home, dir) {
        (IndexHome::Shared(_), _) => {
            // The next writer may be another analyst of the group.
            rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o002));
        }
        (IndexHome::SharedNotWritable { shared, own }, Some(root)) => {
            match load::cache_state(shared, root, &opts) {
                CacheState::Current => {
                    opts.cache_read_only = true;
                    opts.own_cache = own.clone();
                }
                state => {
                    super::say(format_args!(
                        "brief: note: the shared index in {} is {}, and you cannot write there; using your own cache{}",
                        shared.display(),
                        describe(state),
                        own.as_deref()
                            .map(|o| format!(" ({})", o.display()))
                            .unwrap_or_default()
                    ));
                    opts.cache = own.clone();
                }
            }
        }
        _ => {}
    }
    opts
}

/// A corpus cache's state in words.
fn describe(state: CacheState) -> String {
    match state {
        CacheState::Missing => "not built yet".into(),
        CacheState::OtherBuild => {
            "not usable (another version of brief, other settings, or not readable by you)".into()
        }
        CacheState::Current => "current".into(),
        CacheState::Stale { changed: 1 } => "stale for 1 file".into(),
        CacheState::Stale { changed } => format!("stale for {changed} files"),
    }
}

/// For `brief check` on a shared archive: the state of its index (the
/// corpus cache, then the text index, or that a brief is rebuilding it).
/// `None` when the folder is not shared.
pub fn index_state(corpus: &Folder, no_cache: bool, opts: &LoadOptions) -> Option<String> {
    let root = corpus.source.root.as_deref()?;
    let home = IndexHome::of(Some(root), no_cache);
    let (IndexHome::Shared(shared) | IndexHome::SharedNotWritable { shared, .. }) = &home else {
        return None;
    };
    let whose = match home {
        IndexHome::Shared(_) => "",
        _ => " (read only for you)",
    };
    let cache = load::cache_state(shared, root, opts);
    let text = match corpus.briefings.len() < opts.persist_text_from {
        true => "in memory (a small archive)".to_string(),
        false => match corpus.text_index_stale_in(&brief_core::index::dir_for(shared, root)) {
            None => "not built yet".into(),
            Some(0) => "current".into(),
            Some(1) => "stale for 1 briefing".into(),
            Some(n) => format!("stale for {n} briefings"),
        },
    };
    let rebuilding = match load::cache_being_written(shared, root) {
        true => "; being rebuilt now",
        false => "",
    };
    Some(format!(
        "shared index{whose}: {}: corpus {}, text {text}{rebuilding}",
        shared.display(),
        describe(cache)
    ))
}
