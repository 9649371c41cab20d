//! A column of short lists, one per briefing (its actors, its countries,
//! its actors' roles), kept flat: each chunk holds its lists' values one
//! after the other and where each list ends. A million briefings' lists as
//! vectors were three million allocations, decoded one by one at every
//! start (0.17 s) and about 150 MB more than the values themselves.
//!
//! Chunked (see `column`), so successive corpora share the chunks no
//! briefing changed in; encoded as the vector of vectors it stands for.

use std::sync::Arc;

use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde::{Deserialize, de};

use super::CHUNK;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Lists<T> {
    chunks: Vec<Arc<Chunk<T>>>,
    len: usize,
}

#[derive(Debug, Clone, PartialEq)]
struct Chunk<T> {
    /// Where each list ends in `values`.
    ends: Vec<u32>,
    values: Vec<T>,
}

impl<T> Default for Chunk<T> {
    fn default() -> Chunk<T> {
        Chunk {
            ends: Vec::with_capacity(CHUNK),
            values: Vec::new(),
        }
    }
}

impl<T> Chunk<T> {
    fn get(&self, i: usize) -> Option<&[T]> {
        let end = *self.ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)? as usize,
        };
        self.values.get(start..end)
    }

    fn iter(&self) -> impl DoubleEndedIterator<Item = &[T]> + Clone + '_ {
        (0..self.ends.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// Ends the list under way, whose values were pushed.
    fn close(&mut self) {
        self.ends
            .push(u32::try_from(self.values.len()).unwrap_or(u32::MAX));
    }
}

impl<T> Default for Lists<T> {
    fn default() -> Lists<T> {
        Lists {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Clone> Lists<T> {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn get(&self, i: usize) -> Option<&[T]> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }

    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &[T]> + Clone + '_ {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    /// The chunk to add a list to.
    fn last_open(&mut self) -> &mut Chunk<T> {
        if self.chunks.last().is_none_or(|c| c.ends.len() == CHUNK) {
            self.chunks.push(Arc::default());
        }
        let last = self.chunks.len() - 1;
        Arc::make_mut(&mut self.chunks[last])
    }

    pub(crate) fn push(&mut self, list: impl IntoIterator<Item = T>) {
        let chunk = self.last_open();
        chunk.values.extend(list);
        chunk.close();
        self.len += 1;
    }

    /// Replaces the list at `i`: its chunk is copied first when another
    /// column shares it. Out of range, nothing changes.
    pub(crate) fn set(&mut self, i: usize, list: &[T]) {
        let Some(chunk) = self.chunks.get_mut(i / CHUNK) else {
            return;
        };
        let at = i % CHUNK;
        let Some(old) = chunk.get(at).map(<[T]>::len) else {
            return;
        };
        let chunk = Arc::make_mut(chunk);
        let end = chunk.ends.get(at).map_or(0, |&e| e as usize);
        let start = end - old;
        chunk.values.splice(start..end, list.iter().cloned());
        // Every list from this one on ends as much further (or nearer).
        for e in chunk.ends.iter_mut().skip(at) {
            *e = (*e as usize + list.len() - old) as u32;
        }
    }
}

impl<T: Clone + Serialize> Serialize for Lists<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        for list in self.iter() {
            seq.serialize_element(list)?;
        }
        seq.end()
    }
}

impl<'de, T: Clone + Deserialize<'de>> Deserialize<'de> for Lists<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lists<T>, D::Error> {
        struct Outer<T>(std::marker::PhantomData<T>);
        impl<'de, T: Clone + Deserialize<'de>> Visitor<'de> for Outer<T> {
            type Value = Lists<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence of sequences")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lists<T>, A::Error> {
                let mut lists = Lists::default();
                // Each list's values go straight into its chunk.
                while seq
                    .next_element_seed(OneList {
                        chunk: lists.last_open(),
                    })?
                    .is_some()
                {
                    lists.len += 1;
                }
                // A last chunk opened for a list that did not come.
                if lists.chunks.last().is_some_and(|c| c.ends.is_empty()) {
                    lists.chunks.pop();
                }
                Ok(lists)
            }
        }
        deserializer.deserialize_seq(Outer(std::marker::PhantomData))
    }
}

/// One list, read into the end of `chunk`.
struct OneList<'a, T> {
    chunk: &'a mut Chunk<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for OneList<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for OneList<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element()? {
            self.chunk.values.push(value);
        }
        if self.chunk.values.len() > u32::MAX as usize {
            return Err(de::Error::custom("too many values in one chunk of lists"));
        }
        self.chunk.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_set_and_encode_as_the_vectors_they_stand_for() {
        let mut want: Vec<Vec<u32>> = (0..10_000u32).map(|i| vec![i; (i % 4) as usize]).collect();
        let mut lists = Lists::default();
        for l in &want {
            lists.push(l.iter().copied());
        }
        assert_eq!(lists.len(), want.len());
        assert!(lists.iter().eq(want.iter().map(|l| &l[..])));
        assert_eq!(lists.get(7), Some(&[7, 7, 7][..]));
        assert_eq!(lists.get(10_000), None);

        // The same bytes as the vectors, read back the same.
        let bytes = postcard::to_stdvec(&lists).unwrap();
        assert_eq!(bytes, postcard::to_stdvec(&want).unwrap());
        let back: Lists<u32> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, lists);
        let none: Lists<u32> =
            postcard::from_bytes(&postcard::to_stdvec(&Vec::<Vec<u32>>::new()).unwrap()).unwrap();
        assert_eq!(none.len(), 0);
        assert_eq!(none.iter().count(), 0);

        // Set longer, shorter and empty, in a chunk shared with a copy.
        let shared = back.clone();
        let mut changed = back;
        for (i, l) in [
            (4_097, vec![1, 2, 3, 4, 5]),
            (4_098, vec![]),
            (4_099, vec![9]),
        ] {
            changed.set(i, &l);
            want[i] = l;
        }
        changed.set(20_000, &[1]);
        assert!(changed.iter().eq(want.iter().map(|l| &l[..])));
        assert_eq!(
            shared.get(4_097),
            Some(&[4_097][..]),
            "the copy is untouched"
        );
    }
}
