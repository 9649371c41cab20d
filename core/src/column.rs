//! A column with one value per briefing or file (the index's columns, the
//! files seen), kept in chunks that successive corpora share: a live
//! reload whose briefings kept their places copies a column by its chunks
//! (a few hundred pointers at a million briefings) and only the chunks of
//! the briefings that changed, instead of every value (a million small
//! vectors and strings, a quarter of a second at a million briefings).
//!
//! Encoded as the vector it stands for, so the cache does not tell them apart.

mod lists;

pub(crate) use lists::Lists;

use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// Values per chunk: 4,096 keeps a chunk copied on write small (tens of
/// kilobytes) and the chunks of a million briefings few (245).
const CHUNK: usize = 4096;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column<T> {
    chunks: Vec<Arc<Vec<T>>>,
    len: usize,
}

impl<T> Default for Column<T> {
    fn default() -> Column<T> {
        Column {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Clone> Column<T> {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }

    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + Clone + '_ {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    pub(crate) fn push(&mut self, value: T) {
        if self.chunks.last().is_none_or(|c| c.len() == CHUNK) {
            self.chunks.push(Arc::new(Vec::with_capacity(CHUNK)));
        }
        if let Some(last) = self.chunks.last_mut() {
            Arc::make_mut(last).push(value);
            self.len += 1;
        }
    }

    /// The column of `f(value)` for each of `values`, in order, its chunks
    /// made on every core.
    pub(crate) fn par_map<U: Send>(values: Vec<U>, f: impl Fn(U) -> T + Sync + Send) -> Column<T>
    where
        T: Send + Sync,
    {
        use rayon::prelude::*;
        let len = values.len();
        let chunks = (values.into_par_iter().chunks(CHUNK))
            .map(|chunk| Arc::new(chunk.into_iter().map(&f).collect::<Vec<T>>()))
            .collect();
        Column { chunks, len }
    }

    /// As `slice::binary_search_by`, on a column sorted as `f` orders it.
    pub(crate) fn binary_search_by(
        &self,
        mut f: impl FnMut(&T) -> std::cmp::Ordering,
    ) -> Result<usize, usize> {
        use std::cmp::Ordering;
        // The first chunk whose last value is not below the one looked for.
        let c = self
            .chunks
            .partition_point(|c| c.last().is_some_and(|v| f(v) == Ordering::Less));
        match self.chunks.get(c) {
            Some(chunk) => chunk
                .binary_search_by(f)
                .map(|i| c * CHUNK + i)
                .map_err(|i| c * CHUNK + i),
            None => Err(self.len),
        }
    }

    /// As `slice::partition_point`: the first value for which `below` is
    /// false, on a column where it is true then false.
    pub(crate) fn partition_point(&self, mut below: impl FnMut(&T) -> bool) -> usize {
        use std::cmp::Ordering;
        self.binary_search_by(|v| {
            if below(v) {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        })
        .unwrap_or_else(|i| i)
    }

    /// The values from `i` on.
    pub(crate) fn iter_from(&self, i: usize) -> impl Iterator<Item = &T> + '_ {
        let (c, at) = (i / CHUNK, i % CHUNK);
        (self.chunks.iter().skip(c).enumerate())
            .flat_map(move |(k, chunk)| chunk.iter().skip(if k == 0 { at } else { 0 }))
    }

    /// Replaces the value at `i`: its chunk is copied first when another
    /// column shares it. Out of range, nothing changes.
    pub(crate) fn set(&mut self, i: usize, value: T) {
        if let Some(slot) = self
            .chunks
            .get_mut(i / CHUNK)
            .and_then(|c| Arc::make_mut(c).get_mut(i % CHUNK))
        {
            *slot = value;
        }
    }
}

impl<T: Clone> std::ops::Index<usize> for Column<T> {
    type Output = T;
    /// Out of range is a bug in the caller, as for a slice (`get` is the
    /// checked form).
    fn index(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl<'a, T: Clone> IntoIterator for &'a Column<T> {
    type Item = &'a T;
    type IntoIter = std::iter::FlatMap<
        std::slice::Iter<'a, Arc<Vec<T>>>,
        std::slice::Iter<'a, T>,
        fn(&'a Arc<Vec<T>>) -> std::slice::Iter<'a, T>,
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter().flat_map(|c| c.iter())
    }
}

impl<T: Clone> FromIterator<T> for Column<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Column<T> {
        let mut column = Column::default();
        for value in iter {
            column.push(value);
        }
        column
    }
}

impl<T: Clone> Extend<T> for Column<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for value in iter {
            self.push(value);
        }
    }
}

impl<T: Clone + Serialize> Serialize for Column<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        for value in self.iter() {
            seq.serialize_element(value)?;
        }
        seq.end()
    }
}

impl<'de, T: Clone + Deserialize<'de>> Deserialize<'de> for Column<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Column<T>, D::Error> {
        struct Values<T>(std::marker::PhantomData<T>);
        impl<'de, T: Clone + Deserialize<'de>> Visitor<'de> for Values<T> {
            type Value = Column<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Column<T>, A::Error> {
                let mut column = Column::default();
                while let Some(value) = seq.next_element()? {
                    column.push(value);
                }
                Ok(column)
            }
        }
        deserializer.deserialize_seq(Values(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_reads_and_encodes_as_the_vector_it_stands_for() {
        let values: Vec<Vec<u32>> = (0..10_000u32).map(|i| vec![i; (i % 3) as usize]).collect();
        let column: Column<Vec<u32>> = values.iter().cloned().collect();
        assert_eq!(column.len(), values.len());
        assert!(column.iter().eq(values.iter()));
        assert!(column.iter().rev().eq(values.iter().rev()));
        assert_eq!(column.get(4097), values.get(4097));
        assert_eq!(column.get(10_000), None);
        assert_eq!(column[9_999], values[9_999]);
        assert!(column.iter_from(4_000).eq(values[4_000..].iter()));
        assert!(column.iter_from(8_192).eq(values[8_192..].iter()));
        assert_eq!(column.iter_from(10_000).count(), 0);
        let mapped = Column::par_map(values.clone(), |v| v.len());
        assert_eq!(mapped.len(), values.len());
        assert!(mapped.iter().copied().eq(values.iter().map(|v| v.len())));
        assert_eq!(mapped.get(8_191), Some(&values[8_191].len()));
        let sorted: Column<u32> = (0..10_000).map(|i| i * 2).collect();
        for probe in [0, 1, 8190, 8191, 8192, 9000, 19_998, 19_999, 30_000] {
            let plain: Vec<u32> = sorted.iter().copied().collect();
            assert_eq!(
                sorted.binary_search_by(|v| v.cmp(&probe)),
                plain.binary_search_by(|v| v.cmp(&probe)),
                "{probe}"
            );
        }
        let bytes = postcard::to_stdvec(&column).unwrap_or_default();
        assert_eq!(bytes, postcard::to_stdvec(&values).unwrap_or_default());
        let back: Column<Vec<u32>> = postcard::from_bytes(&bytes).unwrap_or_default();
        assert_eq!(back, column);
    }

    #[test]
    fn setting_a_value_copies_only_its_chunk_and_leaves_the_other_column_alone() {
        let before: Column<u32> = (0..10_000).collect();
        let mut after = before.clone();
        after.set(5_000, 7);
        assert_eq!(after[5_000], 7);
        assert_eq!(before[5_000], 5_000, "the column it came from is unchanged");
        let shared = (before.chunks.iter().zip(&after.chunks))
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count();
        assert_eq!(shared, before.chunks.len() - 1, "only chunk 1 was copied");
        after.set(10_000, 1);
        assert_eq!(after.len(), 10_000, "out of range changes nothing");
    }
}
