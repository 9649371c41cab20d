//! tantivy's folder on disk, as brief keeps it: an index a whole group may
//! share (a shared archive's `.brief/`, see docs/team.md).
//!
//! tantivy's own `MmapDirectory` writes `meta.json` through a temporary file
//! readable by its owner only, and takes its read lock by opening the lock
//! file for writing. Here `meta.json` gets the modes any other file gets
//! (the umask applies: group-readable, group-writable under a shared
//! archive's umask), and a reader who may not write the folder takes the
//! read lock on the lock file opened for reading (`flock` needs no write
//! access), or none when there is no lock file yet (no writer ever ran, so
//! there is nothing to protect).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

#[derive(Debug, Clone)]
pub(crate) struct IndexDir {
    inner: MmapDirectory,
    root: PathBuf,
}

impl IndexDir {
    pub(crate) fn open(root: &Path) -> std::io::Result<IndexDir> {
        let inner = MmapDirectory::open(root).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(IndexDir {
            inner,
            root: root.to_path_buf(),
        })
    }
}

/// Whether an error says this process may not write there.
fn refused(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

impl Directory for IndexDir {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    /// As tantivy's, but the file gets the modes a plain create gives.
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        let full = self.root.join(path);
        let parent = full.parent().unwrap_or(&self.root);
        let mut builder = tempfile::Builder::new();
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut tmp = builder.tempfile_in(parent)?;
        tmp.write_all(data)?;
        tmp.flush()?;
        tmp.as_file_mut().sync_data()?;
        tmp.into_temp_path().persist(&full)?;
        Ok(())
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    /// tantivy's lock; a reader who may not write the folder takes the
    /// blocking (read) lock on the lock file opened for reading.
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e)) if lock.is_blocking && refused(&e) => {
                match std::fs::File::open(self.root.join(&lock.filepath)) {
                    Ok(file) => {
                        file.lock().map_err(LockError::wrap_io_error)?;
                        // Dropping the file releases the lock.
                        Ok(DirectoryLock::from(Box::new(file)))
                    }
                    // No writer ever made it: nothing to protect from one.
                    Err(n) if n.kind() == std::io::ErrorKind::NotFound => {
                        Ok(DirectoryLock::from(Box::new(())))
                    }
                    Err(other) => Err(LockError::wrap_io_error(other)),
                }
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Whether another process holds the index's writer lock in `dir` now (it
/// is bringing the index up to date): tried without taking it for long.
pub(crate) fn being_written(dir: &Path) -> bool {
    let Ok(file) = std::fs::File::open(dir.join(".tantivy-writer.lock")) else {
        return false;
    };
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}
