//! The briefings of a corpus, newest first: in memory, or kept in the corpus
//! cache, mapped rather than read, and each decoded the first time it is
//! asked for. A browser showing 40 rows of 100,000 briefings decodes those
//! 40 (and what it opens); whole-corpus passes (filters, facets, counts,
//! keys) read the index's columns instead. The mapped pages are the page
//! cache's: every process on the folder shares them.

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::model::Briefing;

/// Briefings kept in a cache file: the file mapped, and where each one is.
pub(crate) struct Kept {
    /// Shared with the index's postings, read in place from the same file.
    map: std::sync::Arc<memmap2::Mmap>,
    /// Each briefing's bytes in `map` (postcard), in the cache's order.
    spans: Vec<(usize, usize)>,
}

impl Kept {
    /// `spans` must lie within `map`: checked here once, so reading a span
    /// later cannot fail.
    pub(crate) fn new(
        map: std::sync::Arc<memmap2::Mmap>,
        spans: Vec<(usize, usize)>,
    ) -> Option<Kept> {
        let fits = spans
            .iter()
            .all(|&(at, len)| at.checked_add(len).is_some_and(|end| end <= map.len()));
        fits.then_some(Kept { map, spans })
    }

    fn bytes(&self, at: u32) -> &[u8] {
        self.spans
            .get(at as usize)
            .and_then(|&(from, len)| self.map.get(from..from + len))
            .unwrap_or_default()
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }
}

/// Stands for "not from the kept file".
const NONE: u32 = u32::MAX;

struct Cell {
    loaded: OnceLock<Arc<Briefing>>,
    /// Its place in the kept file, or `NONE`.
    at: u32,
}

/// One briefing of a corpus being put together (by a reload): one kept by
/// another corpus, still undecoded if it was, or one just read.
pub(crate) enum Slot<'a> {
    From(&'a Briefings, usize),
    New(Arc<Briefing>),
}

#[derive(Default)]
pub struct Briefings {
    cells: Vec<Cell>,
    kept: Option<Arc<Kept>>,
}

impl std::fmt::Debug for Briefings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Briefings")
            .field("len", &self.cells.len())
            .field("kept", &self.kept.is_some())
            .finish()
    }
}

impl PartialEq for Briefings {
    fn eq(&self, other: &Briefings) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl From<Vec<Arc<Briefing>>> for Briefings {
    fn from(all: Vec<Arc<Briefing>>) -> Briefings {
        Briefings {
            cells: all
                .into_iter()
                .map(|b| Cell {
                    loaded: OnceLock::from(b),
                    at: NONE,
                })
                .collect(),
            kept: None,
        }
    }
}

impl FromIterator<Arc<Briefing>> for Briefings {
    fn from_iter<I: IntoIterator<Item = Arc<Briefing>>>(iter: I) -> Briefings {
        Briefings::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Briefings {
    /// The briefings of a kept file, none decoded yet.
    pub(crate) fn kept(kept: Kept) -> Briefings {
        let n = kept.len() as u32;
        Briefings {
            cells: (0..n)
                .map(|at| Cell {
                    loaded: OnceLock::new(),
                    at,
                })
                .collect(),
            kept: Some(Arc::new(kept)),
        }
    }

    /// Puts a corpus together from briefings of others and new ones; those
    /// of others stay undecoded. All the kept ones must come from one file.
    pub(crate) fn assemble(slots: Vec<Slot<'_>>) -> Briefings {
        let mut kept: Option<Arc<Kept>> = None;
        let cells = slots
            .into_iter()
            .map(|slot| match slot {
                Slot::New(b) => Cell {
                    loaded: OnceLock::from(b),
                    at: NONE,
                },
                Slot::From(from, i) => {
                    let cell = from.cells.get(i);
                    let at = cell.map_or(NONE, |c| c.at);
                    let same_file = match (&kept, &from.kept) {
                        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                        (None, Some(b)) => {
                            kept = Some(b.clone());
                            true
                        }
                        _ => false,
                    };
                    match cell.and_then(|c| c.loaded.get()) {
                        Some(b) => Cell {
                            loaded: OnceLock::from(b.clone()),
                            at: if same_file { at } else { NONE },
                        },
                        // Not decoded: decoded here from its file, or there.
                        None if same_file && at != NONE => Cell {
                            loaded: OnceLock::new(),
                            at,
                        },
                        None => Cell {
                            loaded: from
                                .get(i)
                                .cloned()
                                .map_or_else(OnceLock::new, OnceLock::from),
                            at: NONE,
                        },
                    }
                }
            })
            .collect();
        Briefings { cells, kept }
    }

    /// These briefings with some replaced (`(place, briefing)`), the others
    /// shared as they are, decoded or not: a reload whose changed files kept
    /// their places.
    pub(crate) fn replaced(&self, new: Vec<(usize, Arc<Briefing>)>) -> Briefings {
        let mut cells: Vec<Cell> = self
            .cells
            .iter()
            .map(|c| Cell {
                loaded: c.loaded.clone(),
                at: c.at,
            })
            .collect();
        for (i, b) in new {
            if let Some(cell) = cells.get_mut(i) {
                *cell = Cell {
                    loaded: OnceLock::from(b),
                    at: NONE,
                };
            }
        }
        Briefings {
            cells,
            kept: self.kept.clone(),
        }
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The briefing at `i`, decoded now if it was not yet.
    pub fn get(&self, i: usize) -> Option<&Arc<Briefing>> {
        self.cells.get(i).map(|cell| self.load(cell))
    }

    fn load<'a>(&'a self, cell: &'a Cell) -> &'a Arc<Briefing> {
        cell.loaded.get_or_init(|| self.decode(cell.at))
    }

    pub fn first(&self) -> Option<&Arc<Briefing>> {
        self.get(0)
    }

    /// Every briefing in order, each decoded as it is reached.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            of: self,
            cells: self.cells.iter(),
        }
    }

    /// `iter` on every core.
    pub fn par_iter(&self) -> impl IndexedParallelIterator<Item = &Arc<Briefing>> + '_ {
        self.cells.par_iter().map(|cell| self.load(cell))
    }

    /// The briefings decoded so far, to change in place.
    pub(crate) fn loaded_mut(&mut self) -> impl Iterator<Item = (usize, &mut Arc<Briefing>)> {
        self.cells
            .iter_mut()
            .enumerate()
            .filter_map(|(i, c)| c.loaded.get_mut().map(|b| (i, b)))
    }

    /// Whether `self[i]` is the very briefing `other[j]` (same file, same
    /// version): kept from one corpus to the next by a reload.
    pub(crate) fn same(&self, i: usize, other: &Briefings, j: usize) -> bool {
        let (Some(a), Some(b)) = (self.cells.get(i), other.cells.get(j)) else {
            return false;
        };
        let same_file =
            matches!((&self.kept, &other.kept), (Some(x), Some(y)) if Arc::ptr_eq(x, y));
        if same_file && a.at != NONE && a.at == b.at {
            return true;
        }
        matches!((a.loaded.get(), b.loaded.get()), (Some(x), Some(y)) if Arc::ptr_eq(x, y))
    }

    /// How many are decoded: what a corpus from the cache holds in memory.
    pub fn decoded(&self) -> usize {
        self.cells
            .iter()
            .filter(|c| c.loaded.get().is_some())
            .count()
    }

    /// The title of the briefing at `i`, read without decoding the rest of
    /// it (nor keeping it decoded) when it is not decoded yet: a phrase
    /// checked against the titles of most of a million briefings decoded
    /// them all (1.8 s, and their memory).
    pub fn title(&self, i: usize) -> Option<std::borrow::Cow<'_, str>> {
        let cell = self.cells.get(i)?;
        if let Some(b) = cell.loaded.get() {
            return Some(std::borrow::Cow::Borrowed(&b.title));
        }
        // The id and the title come first in a briefing's encoding.
        if let Some(kept) = self.kept.as_ref().filter(|_| cell.at != NONE)
            && let Ok((_, title)) = postcard::from_bytes::<(&str, &str)>(kept.bytes(cell.at))
        {
            return Some(std::borrow::Cow::Borrowed(title));
        }
        Some(std::borrow::Cow::Owned(self.load(cell).title.clone()))
    }

    /// The briefing at `i` as the cache keeps it, when it comes from a kept
    /// file: its bytes there, to copy as they are.
    pub(crate) fn kept_bytes(&self, i: usize) -> Option<&[u8]> {
        match (self.cells.get(i), &self.kept) {
            (Some(c), Some(kept)) if c.at != NONE => Some(kept.bytes(c.at)),
            _ => None,
        }
    }

    fn decode(&self, at: u32) -> Arc<Briefing> {
        let bytes = match &self.kept {
            Some(kept) if at != NONE => kept.bytes(at),
            _ => &[],
        };
        // The cache's checksum was verified when it was mapped: a briefing
        // that does not decode is a bug, shown as such rather than a crash.
        Arc::new(postcard::from_bytes(bytes).unwrap_or_else(|_| Briefing {
            title: "(this briefing could not be read from the cache: brief --no-cache reads the files)".into(),
            ..Briefing::default()
        }))
    }
}

impl std::ops::Index<usize> for Briefings {
    type Output = Arc<Briefing>;
    /// Out of range is a bug in the caller, as for a slice (`get` is the
    /// checked form).
    fn index(&self, i: usize) -> &Arc<Briefing> {
        self.load(&self.cells[i])
    }
}

/// The briefings in order, each decoded as it is reached.
pub struct Iter<'a> {
    of: &'a Briefings,
    cells: std::slice::Iter<'a, Cell>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Arc<Briefing>;
    fn next(&mut self) -> Option<&'a Arc<Briefing>> {
        let cell = self.cells.next()?;
        Some(self.of.load(cell))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.cells.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let cell = self.cells.next_back()?;
        Some(self.of.load(cell))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Briefings {
    type Item = &'a Arc<Briefing>;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Where a corpus's bodies are: in its briefings, or in their files (read
/// by a function the loader gives, so a body is parsed as its briefing was).
#[derive(Clone, Default)]
pub(crate) enum Bodies {
    #[default]
    InBriefings,
    Files(Arc<BodyReader>),
}

/// Reads and parses one briefing file again.
pub(crate) type BodyReader =
    dyn Fn(&std::path::Path) -> Result<Briefing, crate::model::Problem> + Send + Sync;

impl std::fmt::Debug for Bodies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Bodies::InBriefings => "InBriefings",
            Bodies::Files(_) => "Files",
        })
    }
}

impl Bodies {
    /// A briefing's body: in memory, or read from its file.
    pub(crate) fn body<'a>(
        &self,
        b: &'a Briefing,
    ) -> Result<std::borrow::Cow<'a, str>, crate::model::Problem> {
        match self {
            Bodies::InBriefings => Ok(std::borrow::Cow::Borrowed(&b.body)),
            Bodies::Files(read) => read(&b.path).map(|full| std::borrow::Cow::Owned(full.body)),
        }
    }

    /// A briefing with its body, for reading it, showing it or exporting it.
    pub(crate) fn full<'a>(
        &self,
        b: &'a Briefing,
    ) -> Result<std::borrow::Cow<'a, Briefing>, crate::model::Problem> {
        match self {
            Bodies::InBriefings => Ok(std::borrow::Cow::Borrowed(b)),
            Bodies::Files(read) => {
                let mut full = read(&b.path)?;
                // The list's briefing is the one shown: only the body comes from the file.
                let body = std::mem::take(&mut full.body);
                Ok(std::borrow::Cow::Owned(Briefing { body, ..b.clone() }))
            }
        }
    }

    /// Whether the bodies live in the files, out of the briefings.
    pub(crate) fn in_files(&self) -> bool {
        matches!(self, Bodies::Files(_))
    }
}
