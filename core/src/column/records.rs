//! A column of records kept as bytes, one per briefing or file (each
//! briefing's facts, each file's path and stamp): a fixed-width part per
//! value and the strings it points to, chunk by chunk. A chunk read from
//! the cache is its bytes in the mapped file, read in place: a start
//! decodes nothing per value, and every process on the folder shares the
//! pages. At a million briefings, the facts and the files decoded into
//! vectors and strings were 216 MB of every process's own memory and a
//! fifth of a warm start.
//!
//! Chunked (see `column`), so successive corpora share the chunks no value
//! changed in; a chunk written to is copied into memory first.

use std::marker::PhantomData;
use std::sync::Arc;

use super::CHUNK;

/// How one value is laid out: `WIDTH` bytes of its own, and its strings
/// among those of its chunk (the fixed part says where).
pub(crate) trait Record {
    const WIDTH: usize;
    /// The value as read, borrowing its strings.
    type Ref<'a>: Copy;
    /// Appends `value`'s fixed part to `fixed` and its strings to `strings`
    /// (`strings.len()` before is where they start).
    fn write(value: Self::Ref<'_>, fixed: &mut Vec<u8>, strings: &mut Vec<u8>);
    /// The value whose fixed part is `fixed`, its strings in `strings`:
    /// `None` when they do not hold one (a damaged chunk; the cache's
    /// checksums catch damage before, so this is the last guard).
    fn read<'a>(fixed: &'a [u8], strings: &'a [u8]) -> Option<Self::Ref<'a>>;
    /// What a value that cannot be read stands as.
    fn empty<'a>() -> Self::Ref<'a>;
}

/// A chunk's bytes: in a mapped file, or its own.
#[derive(Debug, Clone)]
enum Chunk {
    Mapped {
        map: Arc<memmap2::Mmap>,
        fixed: std::ops::Range<usize>,
        strings: std::ops::Range<usize>,
    },
    Own {
        fixed: Vec<u8>,
        strings: Vec<u8>,
    },
}

impl Chunk {
    fn parts(&self) -> (&[u8], &[u8]) {
        match self {
            Chunk::Mapped {
                map,
                fixed,
                strings,
            } => (
                map.get(fixed.clone()).unwrap_or_default(),
                map.get(strings.clone()).unwrap_or_default(),
            ),
            Chunk::Own { fixed, strings } => (fixed, strings),
        }
    }

    /// Writes to the chunk's bytes with `f`, copied into memory first
    /// when mapped.
    fn edit(&mut self, f: impl FnOnce(&mut Vec<u8>, &mut Vec<u8>)) {
        if let Chunk::Mapped { .. } = self {
            let (fixed, strings) = self.parts();
            *self = Chunk::Own {
                fixed: fixed.to_vec(),
                strings: strings.to_vec(),
            };
        }
        if let Chunk::Own { fixed, strings } = self {
            f(fixed, strings);
        }
    }
}

/// One value per briefing or file, as records of the kind `R`.
pub(crate) struct Records<R> {
    chunks: Vec<Arc<Chunk>>,
    len: usize,
    record: PhantomData<fn() -> R>,
}

impl<R> Clone for Records<R> {
    fn clone(&self) -> Records<R> {
        Records {
            chunks: self.chunks.clone(),
            len: self.len,
            record: PhantomData,
        }
    }
}

impl<R> Default for Records<R> {
    fn default() -> Records<R> {
        Records {
            chunks: Vec::new(),
            len: 0,
            record: PhantomData,
        }
    }
}

impl<R> std::fmt::Debug for Records<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Records({} values)", self.len)
    }
}

impl<R: Record> Records<R> {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    fn read_in(chunk: &Chunk, i: usize) -> Option<R::Ref<'_>> {
        let (fixed, strings) = chunk.parts();
        let at = i.checked_mul(R::WIDTH)?;
        R::read(fixed.get(at..at.checked_add(R::WIDTH)?)?, strings)
    }

    /// The value at `i`; `None` out of range.
    pub(crate) fn get(&self, i: usize) -> Option<R::Ref<'_>> {
        if i >= self.len {
            return None;
        }
        let chunk = self.chunks.get(i / CHUNK)?;
        Some(Self::read_in(chunk, i % CHUNK).unwrap_or_else(R::empty))
    }

    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = R::Ref<'_>> + Clone + '_ {
        self.iter_from(0)
    }

    /// The values from `i` on.
    pub(crate) fn iter_from(
        &self,
        i: usize,
    ) -> impl DoubleEndedIterator<Item = R::Ref<'_>> + Clone + '_ {
        (i.min(self.len)..self.len).map(|i| self.get(i).unwrap_or_else(R::empty))
    }

    /// Each value's fixed part, in order: what a pass over one field of
    /// every value reads (its strings left alone).
    pub(crate) fn fixed_parts(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (self.chunks.iter()).flat_map(|c| c.parts().0.chunks_exact(R::WIDTH))
    }

    pub(crate) fn push(&mut self, value: R::Ref<'_>) {
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Arc::new(Chunk::Own {
                fixed: Vec::with_capacity(CHUNK * R::WIDTH),
                strings: Vec::new(),
            }));
        }
        if let Some(last) = self.chunks.last_mut() {
            Arc::make_mut(last).edit(|fixed, strings| R::write(value, fixed, strings));
            self.len += 1;
        }
    }

    /// Replaces the value at `i`: its chunk is copied first when another
    /// column shares it or it is mapped. The value's old strings stay in
    /// the chunk until it is written out. Out of range, nothing changes.
    pub(crate) fn set(&mut self, i: usize, value: R::Ref<'_>) {
        if i >= self.len {
            return;
        }
        let Some(chunk) = self.chunks.get_mut(i / CHUNK) else {
            return;
        };
        let at = (i % CHUNK) * R::WIDTH;
        Arc::make_mut(chunk).edit(|fixed, strings| {
            let mut new = Vec::with_capacity(R::WIDTH);
            R::write(value, &mut new, strings);
            if let Some(slot) = fixed.get_mut(at..at + R::WIDTH) {
                slot.copy_from_slice(&new);
            }
        });
    }

    /// Keeps the first `len` values.
    pub(crate) fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        self.chunks.truncate(len.div_ceil(CHUNK));
        let kept = len % CHUNK;
        if let (true, Some(last)) = (kept != 0, self.chunks.last_mut()) {
            match Arc::make_mut(last) {
                Chunk::Mapped { fixed, .. } => fixed.end = fixed.start + kept * R::WIDTH,
                Chunk::Own { fixed, .. } => fixed.truncate(kept * R::WIDTH),
            }
        }
        self.len = len;
    }

    /// As `slice::binary_search_by`, on a column sorted as `f` orders it.
    pub(crate) fn binary_search_by(
        &self,
        mut f: impl FnMut(R::Ref<'_>) -> std::cmp::Ordering,
    ) -> Result<usize, usize> {
        let (mut low, mut high) = (0, self.len);
        while low < high {
            let mid = low + (high - low) / 2;
            match self.get(mid).map(&mut f) {
                Some(std::cmp::Ordering::Less) => low = mid + 1,
                Some(std::cmp::Ordering::Greater) => high = mid,
                Some(std::cmp::Ordering::Equal) => return Ok(mid),
                None => return Err(mid),
            }
        }
        Err(low)
    }

    /// As `slice::partition_point`: the first value for which `below` is
    /// false, on a column where it is true then false.
    pub(crate) fn partition_point(&self, mut below: impl FnMut(R::Ref<'_>) -> bool) -> usize {
        self.binary_search_by(|v| match below(v) {
            true => std::cmp::Ordering::Less,
            false => std::cmp::Ordering::Greater,
        })
        .unwrap_or_else(|i| i)
    }

    /// The column of `values`, in order.
    pub(crate) fn from_values<'a>(values: impl IntoIterator<Item = R::Ref<'a>>) -> Records<R> {
        let mut records = Records::default();
        for value in values {
            records.push(value);
        }
        records
    }

    /// The column as the cache keeps it (`Records::mapped` reads it back):
    /// the number of values, then each chunk of `CHUNK` as its lengths and
    /// bytes, its fixed parts then its strings. Chunks copied in are
    /// written out whole again, without the strings of values replaced.
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&(self.len as u64).to_le_bytes());
        let (mut fixed, mut strings) = (Vec::new(), Vec::new());
        for chunk in &self.chunks {
            let n = chunk.parts().0.len() / R::WIDTH;
            let clean = matches!(**chunk, Chunk::Mapped { .. });
            let (f, s) = match clean {
                true => chunk.parts(),
                false => {
                    fixed.clear();
                    strings.clear();
                    for i in 0..n {
                        R::write(
                            Self::read_in(chunk, i).unwrap_or_else(R::empty),
                            &mut fixed,
                            &mut strings,
                        );
                    }
                    (&fixed[..], &strings[..])
                }
            };
            out.extend_from_slice(&(f.len() as u64).to_le_bytes());
            out.extend_from_slice(&(s.len() as u64).to_le_bytes());
            out.extend_from_slice(f);
            out.extend_from_slice(s);
        }
        out
    }

    /// The column `encode` wrote at `at..at + len` of `map`, read in place;
    /// `None` when the bytes do not hold one.
    pub(crate) fn mapped(map: &Arc<memmap2::Mmap>, at: usize, len: usize) -> Option<Records<R>> {
        let bytes = map.get(at..at.checked_add(len)?)?;
        let word = |i: usize| -> Option<usize> {
            let b = bytes.get(i..i.checked_add(8)?)?;
            usize::try_from(u64::from_le_bytes(b.try_into().ok()?)).ok()
        };
        let count = word(0)?;
        // Each chunk takes 16 bytes at least: a damaged count cannot ask
        // for more chunks than the bytes hold.
        if count.div_ceil(CHUNK) > bytes.len() / 16 {
            return None;
        }
        let mut chunks = Vec::with_capacity(count.div_ceil(CHUNK));
        let (mut next, mut left) = (8, count);
        while left > 0 {
            let (f, s) = (word(next)?, word(next + 8)?);
            let n = left.min(CHUNK);
            if f != n.checked_mul(R::WIDTH)? {
                return None;
            }
            let fixed = next.checked_add(16)?;
            let strings = fixed.checked_add(f)?;
            let end = strings.checked_add(s)?;
            if end > bytes.len() {
                return None;
            }
            chunks.push(Arc::new(Chunk::Mapped {
                map: map.clone(),
                fixed: at + fixed..at + strings,
                strings: at + strings..at + end,
            }));
            (next, left) = (end, left - n);
        }
        (next == bytes.len()).then_some(Records {
            chunks,
            len: count,
            record: PhantomData,
        })
    }
}

/// The little-endian `u32` at `at` of `bytes`.
pub(crate) fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The little-endian `u64` at `at` of `bytes`.
pub(crate) fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        bytes.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// `len` bytes from `at` of a chunk's strings, the span a fixed part gives.
pub(crate) fn span(strings: &[u8], at: u32, len: u32) -> Option<&[u8]> {
    let at = at as usize;
    strings.get(at..at.checked_add(len as usize)?)
}

/// Appends `bytes` to a chunk's strings; where they start, and their
/// length, as a fixed part gives them. A chunk's strings stay well below
/// 4 GiB (4,096 values); a longer one is cut, and read back as damaged.
pub(crate) fn put(strings: &mut Vec<u8>, bytes: &[u8]) -> (u32, u32) {
    let at = u32::try_from(strings.len()).unwrap_or(u32::MAX);
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    strings.extend_from_slice(bytes);
    (at, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number and a name.
    struct Named;

    impl Record for Named {
        const WIDTH: usize = 12;
        type Ref<'a> = (u32, &'a str);
        fn write(v: (u32, &str), fixed: &mut Vec<u8>, strings: &mut Vec<u8>) {
            let (at, len) = put(strings, v.1.as_bytes());
            fixed.extend_from_slice(&v.0.to_le_bytes());
            fixed.extend_from_slice(&at.to_le_bytes());
            fixed.extend_from_slice(&len.to_le_bytes());
        }
        fn read<'a>(fixed: &'a [u8], strings: &'a [u8]) -> Option<(u32, &'a str)> {
            let name = span(strings, u32_at(fixed, 4)?, u32_at(fixed, 8)?)?;
            Some((u32_at(fixed, 0)?, std::str::from_utf8(name).ok()?))
        }
        fn empty<'a>() -> (u32, &'a str) {
            (0, "")
        }
    }

    fn mapped(bytes: &[u8]) -> Arc<memmap2::Mmap> {
        let mut map = memmap2::MmapMut::map_anon(bytes.len().max(1)).expect("anonymous map");
        map[..bytes.len()].copy_from_slice(bytes);
        Arc::new(map.make_read_only().expect("read-only map"))
    }

    fn names(n: u32) -> Vec<String> {
        (0..n).map(|i| format!("name {i:05}")).collect()
    }

    #[test]
    fn values_come_back_as_pushed_and_as_written() {
        let names = names(2 * CHUNK as u32 + 5);
        let records: Records<Named> =
            Records::from_values(names.iter().zip(0..).map(|(n, i)| (i, n.as_str())));
        assert_eq!(records.len(), names.len());
        let read: Vec<(u32, &str)> = records.iter().collect();
        let want: Vec<(u32, &str)> = names
            .iter()
            .zip(0..)
            .map(|(n, i)| (i, n.as_str()))
            .collect();
        assert_eq!(read, want);
        let bytes = records.encode();
        let map = mapped(&bytes);
        let back = Records::<Named>::mapped(&map, 0, bytes.len()).expect("read back");
        assert_eq!(back.iter().collect::<Vec<_>>(), want);
        assert_eq!(back.get(CHUNK + 1), Some((CHUNK as u32 + 1, "name 04097")));
        assert_eq!(back.get(names.len()), None);
        assert_eq!(
            back.binary_search_by(|(_, n)| n.cmp("name 08000")),
            Ok(8000)
        );
        assert_eq!(back.partition_point(|(i, _)| i < 5000), 5000);
    }

    #[test]
    fn a_value_set_or_pushed_leaves_the_mapped_column_as_it_was() {
        let names = names(CHUNK as u32 + 3);
        let records: Records<Named> =
            Records::from_values(names.iter().zip(0..).map(|(n, i)| (i, n.as_str())));
        let bytes = records.encode();
        let map = mapped(&bytes);
        let before = Records::<Named>::mapped(&map, 0, bytes.len()).expect("read back");
        let mut after = before.clone();
        after.set(1, (7, "seven, longer than before"));
        after.push((9, "nine"));
        after.truncate(CHUNK + 4);
        assert_eq!(before.get(1), Some((1, "name 00001")));
        assert_eq!(before.len(), CHUNK + 3);
        assert_eq!(after.get(1), Some((7, "seven, longer than before")));
        assert_eq!(after.get(CHUNK + 3), Some((9, "nine")));
        assert_eq!(after.get(2), Some((2, "name 00002")));
        // Written out again without the strings replaced.
        let again = after.encode();
        let back = Records::<Named>::mapped(&mapped(&again), 0, again.len()).expect("again");
        assert_eq!(
            back.iter().collect::<Vec<_>>(),
            after.iter().collect::<Vec<_>>()
        );
        assert!(
            again.len() < bytes.len() + 40,
            "{} vs {}",
            again.len(),
            bytes.len()
        );
        // Only the chunk written to was copied; the others are shared.
        let shared = (before.chunks.iter().zip(&after.chunks))
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count();
        assert_eq!(shared, 0, "both chunks written to");
        let mut other = before.clone();
        other.set(CHUNK, (1, "one"));
        assert!(Arc::ptr_eq(&before.chunks[0], &other.chunks[0]));
        assert!(!Arc::ptr_eq(&before.chunks[1], &other.chunks[1]));
        after.truncate(2);
        assert_eq!(
            after.iter().collect::<Vec<_>>(),
            vec![(0, "name 00000"), (7, "seven, longer than before")]
        );
    }

    #[test]
    fn bytes_that_do_not_hold_a_column_are_refused_or_read_as_empty() {
        let names = names(10);
        let records: Records<Named> =
            Records::from_values(names.iter().zip(0..).map(|(n, i)| (i, n.as_str())));
        let bytes = records.encode();
        for cut in [0, 7, 8, 20, bytes.len() - 1] {
            assert!(
                Records::<Named>::mapped(&mapped(&bytes[..cut]), 0, cut).is_none(),
                "cut at {cut}"
            );
        }
        // A count no bytes could hold.
        let mut huge = bytes.clone();
        huge[..8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(Records::<Named>::mapped(&mapped(&huge), 0, huge.len()).is_none());
        // A name pointing outside its chunk's strings is read as empty.
        let mut damaged = bytes.clone();
        let first_fixed = 8 + 16;
        damaged[first_fixed + 4..first_fixed + 8].copy_from_slice(&u32::MAX.to_le_bytes());
        let back = Records::<Named>::mapped(&mapped(&damaged), 0, damaged.len()).expect("framed");
        assert_eq!(back.get(0), Some((0, "")));
        assert_eq!(back.get(1), Some((1, "name 00001")));
    }
}
