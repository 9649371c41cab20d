//! `brief share DIR`: the archive keeps its own corpus cache and text index
//! in `DIR/.brief/`, for every user who reads it (see docs/team.md).

use std::io::Write;
use std::path::Path;

use brief_core::io::paths::{IndexHome, SHARED_DIR};

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
    writeln!(
        out.w,
        "created {}: every brief reading {}, whoever runs it, keeps its cache and text index \
         there (group {}, group-writable); `brief paths` says which index is used",
        shared.display(),
        dir.display(),
        meta.gid()
    )?;
    Ok(Outcome::Found)
}

/// The load options for `choice`'s folder: its shared index when it has one
/// (files made group-writable from then on), else the user's cache; a shared
/// index this user cannot write is said once.
pub fn cache_for(dir: Option<&Path>, no_cache: bool) -> IndexHome {
    let home = IndexHome::of(dir, no_cache);
    match &home {
        IndexHome::Shared(_) => {
            // The next writer may be another analyst of the group.
            rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o002));
        }
        IndexHome::SharedNotWritable { shared, .. } => super::say(format_args!(
            "brief: note: {} is shared but you cannot write there; using your own cache",
            shared.display()
        )),
        IndexHome::Own(_) | IndexHome::NoCache => {}
    }
    home
}
