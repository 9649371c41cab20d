//! Writing a file brief owns (cache, state) so that a crash or a second brief
//! writing at the same time never leaves half of it: the new version goes to
//! a temporary file with a unique name in the same folder, reaches the disk,
//! and only then replaces the old one by a rename, which is then made durable.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Duration;

/// Writes `path` with what `write` produces, all or nothing. The previous
/// version (if any) stays whole until the new one is complete on disk.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_whole(path, write, true)
}

/// As [`write_atomically`], but never over a file already there (an
/// `AlreadyExists` error then, and nothing written): a report handed on
/// replaces nothing unless asked to.
pub fn write_new_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_whole(path, write, false)
}

fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    replace: bool,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    // A unique name, so two writers never share a temporary; dropped (and
    // removed) on any error below.
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // The permissions a plain `File::create` gives (the umask applies), not
    // the owner-only ones of a temporary file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder.tempfile_in(dir)?;
    // Held while writing: a temporary nobody holds is one a killed brief left.
    let _ = tmp.as_file().try_lock();
    remove_stale_temporaries(dir, name, &prefix, tmp.path());
    let mut out = BufWriter::new(tmp);
    write(&mut out)?;
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all()?;
    if replace {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    sync_folder(dir)
}

/// A temporary nobody writes to any more is removed once this old...
const STALE_UNLOCKED: Duration = Duration::from_secs(5);
/// ...and one that may be locked (or where locks do not work) once this old.
const STALE_ANYWAY: Duration = Duration::from_secs(10 * 60);

/// Whether `name` is one of the temporaries `write_atomically` makes for
/// the file whose temporaries start with `prefix`: `.NAME.` then tempfile's
/// six random letters and digits, then `.tmp`.
fn is_own_temporary(name: &std::ffi::OsStr, prefix: &std::ffi::OsStr) -> bool {
    let (name, prefix) = (name.as_encoded_bytes(), prefix.as_encoded_bytes());
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(b".tmp"))
        .is_some_and(|middle| middle.len() == 6 && middle.iter().all(u8::is_ascii_alphanumeric))
}

/// Removes what a brief killed while writing left behind: temporaries of
/// brief's own naming for this file, which no writer holds and which have not
/// changed for a while. Nothing else is touched, and failures are ignored:
/// this is tidying, never a reason for the write to fail.
/// Whether `name` is a temporary of the naming brief used before,
/// `NAME.tmpPID`: never locked, so removed only once old.
fn is_former_temporary(name: &std::ffi::OsStr, file: &std::ffi::OsStr) -> bool {
    let (name, file) = (name.as_encoded_bytes(), file.as_encoded_bytes());
    name.strip_prefix(file)
        .and_then(|rest| rest.strip_prefix(b".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.iter().all(u8::is_ascii_digit))
}

fn remove_stale_temporaries(
    dir: &Path,
    file: &std::ffi::OsStr,
    prefix: &std::ffi::OsStr,
    own: &Path,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let former = is_former_temporary(&name, file);
        if path == own || !(former || is_own_temporary(&name, prefix)) {
            continue;
        }
        // Only regular files, never through a link.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let age = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .unwrap_or_default();
        if !meta.is_file() || age < STALE_UNLOCKED {
            continue;
        }
        let unlocked = !former && std::fs::File::open(&path).is_ok_and(|f| f.try_lock().is_ok());
        if unlocked || age >= STALE_ANYWAY {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Makes the rename itself durable. Some systems cannot sync a folder; the
/// file is in place then all the same.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        match std::fs::File::open(dir).and_then(|d| d.sync_all()) {
            Err(e)
                if !matches!(
                    e.kind(),
                    std::io::ErrorKind::InvalidInput | std::io::ErrorKind::Unsupported
                ) =>
            {
                return Err(e);
            }
            _ => {}
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    const WAIT: Duration = Duration::from_secs(20);

    fn temporaries(dir: &Path) -> Vec<std::path::PathBuf> {
        let mut found: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tmp"))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("sub").join("state.json");
        write_atomically(&target, |w| w.write_all(b"first"))?;
        write_atomically(&target, |w| w.write_all(b"second"))?;
        assert_eq!(std::fs::read(&target)?, b"second");
        assert!(temporaries(&target.with_file_name("")).is_empty());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn the_file_gets_the_permissions_of_a_plain_create() -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain)?;
        let target = dir.path().join("state.json");
        write_atomically(&target, |w| w.write_all(b"{}"))?;
        let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode(&target)?, mode(&plain)?);
        Ok(())
    }

    /// Sets a file's modification time `ago` in the past.
    fn age(path: &Path, ago: Duration) -> std::io::Result<()> {
        let when = std::time::SystemTime::now() - ago;
        std::fs::File::options()
            .write(true)
            .open(path)?
            .set_modified(when)
    }

    #[test]
    fn a_write_removes_what_a_killed_writer_left_and_nothing_else() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("corpus-1.bin");
        // What a brief killed during a write leaves: a temporary nobody holds.
        let left = dir.path().join(".corpus-1.bin.AbC123.tmp");
        std::fs::write(&left, vec![0u8; 1024])?;
        age(&left, Duration::from_secs(60))?;
        // One still being written by a live writer (held), a fresh one, and
        // files that are not brief's temporaries for this file.
        let held = dir.path().join(".corpus-1.bin.Zz9Yy8.tmp");
        std::fs::write(&held, b"x")?;
        age(&held, Duration::from_secs(60))?;
        let holder = std::fs::File::open(&held)?;
        holder.lock()?;
        let fresh = dir.path().join(".corpus-1.bin.Fresh1.tmp");
        std::fs::write(&fresh, b"x")?;
        // The naming brief used before (`NAME.tmpPID`): removed once old.
        let former_old = dir.path().join("corpus-1.bin.tmp4242");
        std::fs::write(&former_old, b"x")?;
        age(&former_old, Duration::from_secs(11 * 60))?;
        let former_recent = dir.path().join("corpus-1.bin.tmp4243");
        std::fs::write(&former_recent, b"x")?;
        age(&former_recent, Duration::from_secs(60))?;
        let others = [
            dir.path().join(".corpus-2.bin.AbC123.tmp"),
            dir.path().join(".corpus-1.bin.toolong7.tmp"),
            dir.path().join("notes.tmp"),
            dir.path().join("corpus-1.bin.tmpx"),
        ];
        for o in &others {
            std::fs::write(o, b"x")?;
            age(o, Duration::from_secs(3600))?;
        }
        write_atomically(&target, |w| w.write_all(b"new"))?;
        assert!(!left.exists(), "the stale temporary is removed");
        assert!(!former_old.exists(), "an old one of the former naming too");
        assert!(
            former_recent.exists(),
            "a recent one of the former naming is kept"
        );
        assert!(held.exists(), "a held temporary is kept");
        assert!(fresh.exists(), "a fresh temporary is kept");
        for o in &others {
            assert!(o.exists(), "{} is not ours to remove", o.display());
        }
        assert_eq!(std::fs::read(&target)?, b"new");
        drop(holder);
        // Held or not, one untouched for over ten minutes goes.
        age(&held, Duration::from_secs(11 * 60))?;
        let holder = std::fs::File::open(&held)?;
        holder.lock()?;
        write_atomically(&target, |w| w.write_all(b"newer"))?;
        assert!(!held.exists());
        Ok(())
    }

    #[test]
    fn a_failed_write_keeps_the_previous_version() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("state.json");
        write_atomically(&target, |w| w.write_all(b"whole"))?;
        let failed = write_atomically(&target, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("interrupted"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&target)?, b"whole");
        assert!(temporaries(dir.path()).is_empty());
        Ok(())
    }

    #[test]
    fn concurrent_writers_never_share_a_temporary_and_one_version_wins() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("corpus.bin");
        let size = 256 * 1024;
        let (inside_tx, inside_rx) = mpsc::channel::<()>();
        let mut go = Vec::new();
        let writers: Vec<_> = [b'a', b'b']
            .into_iter()
            .map(|byte| {
                let (go_tx, go_rx) = mpsc::channel::<()>();
                go.push(go_tx);
                let inside_tx = inside_tx.clone();
                let target = target.clone();
                std::thread::spawn(move || {
                    write_atomically(&target, |w| {
                        w.write_all(&vec![byte; size / 2])?;
                        w.flush()?;
                        // Both writers are now half way, each with its temporary.
                        let _ = inside_tx.send(());
                        go_rx
                            .recv_timeout(WAIT)
                            .map_err(|_| std::io::Error::other("never told to go on"))?;
                        w.write_all(&vec![byte; size / 2])
                    })
                })
            })
            .collect();
        for _ in 0..2 {
            assert!(
                inside_rx.recv_timeout(WAIT).is_ok(),
                "a writer never started"
            );
        }
        let during = temporaries(dir.path());
        assert_eq!(during.len(), 2, "one temporary per writer: {during:?}");
        assert!(
            !target.exists(),
            "nothing replaced before a writer finished"
        );
        for g in &go {
            let _ = g.send(());
        }
        for w in writers {
            assert!(w.join().is_ok_and(|r| r.is_ok()));
        }
        let result = std::fs::read(&target)?;
        assert_eq!(result.len(), size);
        assert!(
            result.iter().all(|b| *b == b'a') || result.iter().all(|b| *b == b'b'),
            "one complete version, never a mix"
        );
        assert!(temporaries(dir.path()).is_empty());
        Ok(())
    }

    #[test]
    fn many_concurrent_writers_leave_one_complete_version() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("state.json");
        let size = 64 * 1024;
        let writers: Vec<_> = (0..8u8)
            .map(|n| {
                let target = target.clone();
                std::thread::spawn(move || {
                    (0..10).try_for_each(|_| {
                        write_atomically(&target, |w| w.write_all(&vec![b'a' + n; size]))
                    })
                })
            })
            .collect();
        for w in writers {
            assert!(w.join().is_ok_and(|r| r.is_ok()));
        }
        let result = std::fs::read(&target)?;
        assert_eq!(result.len(), size);
        assert!(result.iter().all(|b| *b == result[0]));
        assert!(temporaries(dir.path()).is_empty());
        Ok(())
    }
}
