//! The briefings a word or a value is found in, as sorted briefing numbers.
//!
//! Built in memory, or read in place from the mapped cache file: there they
//! are plain little-endian `u32`s, so a start neither decodes nor copies
//! them (at a million briefings, 0.25 s of a core and 300 MB in every
//! process), the pages are shared between the processes reading the
//! folder, and only the lists a search reaches are ever read.

use std::sync::Arc;

use zerocopy::FromBytes;

/// Shared between the indexes of successive corpora, so a reload that
/// changed a few briefings copies only the lists those briefings are in.
#[derive(Clone, Default)]
pub(crate) struct Postings(Repr);

#[derive(Clone)]
enum Repr {
    Built(Arc<Vec<u32>>),
    /// `len` values from byte `at` of `map`: in the file, aligned and in
    /// this machine's byte order, as checked when made (`Postings::mapped`).
    Mapped {
        map: Arc<memmap2::Mmap>,
        at: usize,
        len: usize,
    },
}

impl Default for Repr {
    fn default() -> Repr {
        Repr::Built(Arc::default())
    }
}

impl Postings {
    pub(crate) fn new(docs: Vec<u32>) -> Postings {
        Postings(Repr::Built(Arc::new(docs)))
    }

    /// The `len` values written at byte `at` of `map`; `None` when they do
    /// not lie in it, or cannot be read in place on this machine (not
    /// aligned for a `u32`, or a big-endian machine): the caller then
    /// reads them with `Postings::copied`.
    pub(crate) fn mapped(map: &Arc<memmap2::Mmap>, at: usize, len: usize) -> Option<Postings> {
        if cfg!(target_endian = "big") {
            return None;
        }
        let bytes = map.get(at..at.checked_add(len.checked_mul(4)?)?)?;
        <[u32]>::ref_from_bytes(bytes).ok()?;
        Some(Postings(Repr::Mapped {
            map: map.clone(),
            at,
            len,
        }))
    }

    /// The `len` little-endian values at byte `at` of `bytes`, copied.
    pub(crate) fn copied(bytes: &[u8], at: usize, len: usize) -> Option<Postings> {
        let bytes = bytes.get(at..at.checked_add(len.checked_mul(4)?)?)?;
        let docs = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Some(Postings::new(docs))
    }

    /// Sorts the list, copying it first if it is shared or mapped and out of order.
    pub(crate) fn sort(&mut self) {
        if self.is_sorted() {
            return;
        }
        match &mut self.0 {
            Repr::Built(docs) => Arc::make_mut(docs).sort_unstable(),
            Repr::Mapped { .. } => {
                let mut docs = self.to_vec();
                docs.sort_unstable();
                *self = Postings::new(docs);
            }
        }
    }

    /// Adds `doc` at the end, copying the list first if it is shared or mapped.
    pub(crate) fn push(&mut self, doc: u32) {
        match &mut self.0 {
            Repr::Built(docs) => Arc::make_mut(docs).push(doc),
            Repr::Mapped { .. } => {
                let mut docs = Vec::with_capacity(self.len() + 1);
                docs.extend_from_slice(self);
                docs.push(doc);
                *self = Postings::new(docs);
            }
        }
    }
}

#[cfg(test)]
impl Postings {
    /// Whether the list is read in place from a mapped file.
    pub(crate) fn is_mapped(&self) -> bool {
        matches!(self.0, Repr::Mapped { .. })
    }
}

impl std::ops::Deref for Postings {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        match &self.0 {
            Repr::Built(docs) => docs,
            // Checked when made: the bytes are there and aligned.
            Repr::Mapped { map, at, len } => map
                .get(*at..at + len * 4)
                .and_then(|b| <[u32]>::ref_from_bytes(b).ok())
                .unwrap_or_default(),
        }
    }
}

impl std::fmt::Debug for Postings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Postings {
    fn eq(&self, other: &Postings) -> bool {
        **self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_of(bytes: &[u8]) -> Arc<memmap2::Mmap> {
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, bytes).unwrap();
        // Safety: the file is this test's own, unchanged while mapped.
        #[allow(unsafe_code)]
        Arc::new(unsafe { memmap2::Mmap::map(&file) }.unwrap())
    }

    #[test]
    fn mapped_lists_read_as_written_and_copy_on_push() {
        let docs: Vec<u32> = vec![3, 70_000, 1 << 31];
        let mut bytes = vec![0u8; 4];
        bytes.extend(docs.iter().flat_map(|d| d.to_le_bytes()));
        let map = map_of(&bytes);
        let copied = Postings::copied(&map, 4, 3).unwrap();
        assert_eq!(&*copied, &docs[..]);
        if cfg!(target_endian = "little") {
            let mut mapped = Postings::mapped(&map, 4, 3).unwrap();
            assert_eq!(&*mapped, &docs[..]);
            mapped.push(9);
            assert_eq!(&*mapped, &[3, 70_000, 1 << 31, 9][..]);
            // Not aligned for a u32: read by copying instead.
            assert!(Postings::mapped(&map, 1, 1).is_none());
        }
        // Past the end: neither way.
        assert!(Postings::mapped(&map, 4, 4).is_none());
        assert!(Postings::copied(&map, 4, 4).is_none());
        assert!(Postings::copied(&map, usize::MAX, 2).is_none());
    }
}
