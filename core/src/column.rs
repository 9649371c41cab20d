//! Columns with one value per briefing or file, kept in chunks that
//! successive corpora share: a live reload whose briefings kept their
//! places copies a column by its chunks (a few hundred pointers at a
//! million briefings) and only the chunks of the briefings that changed,
//! instead of every value (a million small vectors and strings, a quarter
//! of a second at a million briefings).
//!
//! - `Lists`: a short list per briefing (its actors, countries, roles).
//! - `Records`: a record per briefing or file (facts, paths and stamps),
//!   read in place from the mapped cache.

mod lists;
pub(crate) mod records;

pub(crate) use lists::Lists;

/// Values per chunk: 4,096 keeps a chunk copied on write small (tens of
/// kilobytes) and the chunks of a million briefings few (245).
const CHUNK: usize = 4096;
