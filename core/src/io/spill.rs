//! Text set aside on disk while it waits to be read once: the bodies a
//! cold load parses before the text index takes them. A million bodies
//! held in memory were 4 GB of a 9.7 GB peak; written to a file with no
//! name (gone when the last handle closes, a crash included) they cost a
//! sequential write and a read each.

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// Where a piece of text lies in the spill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    at: u64,
    len: u32,
}

/// Pieces of text appended from many threads, each read back by its place.
#[derive(Debug)]
pub struct Spill {
    /// The file and its length so far, appended under the lock.
    file: Mutex<(std::fs::File, u64)>,
    /// A handle of the same file for reading, which needs no lock.
    read: std::fs::File,
}

impl Spill {
    /// A spill in `dir`, as a file without a name.
    pub fn new_in(dir: &Path) -> std::io::Result<Spill> {
        let file = tempfile::tempfile_in(dir)?;
        let read = file.try_clone()?;
        Ok(Spill {
            file: Mutex::new((file, 0)),
            read,
        })
    }

    /// Appends `text`; where it lies. Texts over 4 GiB are not spilled.
    pub fn put(&self, text: &str) -> std::io::Result<Piece> {
        let len = u32::try_from(text.len()).map_err(std::io::Error::other)?;
        let mut held = self.file.lock().unwrap_or_else(|e| e.into_inner());
        let (file, end) = &mut *held;
        let at = *end;
        if let Err(e) = file.write_all(text.as_bytes()) {
            // A partial write leaves the file's end unknown: later pieces
            // are placed by the file's real length, this one is refused.
            *end = file.metadata().map_or(u64::MAX, |m| m.len());
            return Err(e);
        }
        *end += u64::from(len);
        Ok(Piece { at, len })
    }

    /// The text of `piece`.
    pub fn get(&self, piece: Piece) -> std::io::Result<String> {
        let mut bytes = vec![0; piece.len as usize];
        read_at(&self.read, &mut bytes, piece.at)?;
        String::from_utf8(bytes).map_err(std::io::Error::other)
    }
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &std::fs::File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_written_from_many_threads_read_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let spill = Spill::new_in(dir.path()).unwrap();
        let texts: Vec<String> = (0..200)
            .map(|i| format!("corps {i} : réunion à Niamey {}", "é".repeat(i)))
            .collect();
        use rayon::prelude::*;
        let pieces: Vec<Piece> = texts.par_iter().map(|t| spill.put(t).unwrap()).collect();
        for (t, p) in texts.iter().zip(&pieces) {
            assert_eq!(&spill.get(*p).unwrap(), t);
        }
        // The file has no name: nothing is left in the folder.
        let left = std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(left, 0);
    }
}
