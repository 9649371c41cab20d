//! Layer 1, plumbing only: which folders (`paths`), crash-safe writes
//! (`atomic_write`), panics of code brief does not own caught (`contain`), paths in serde as their bytes (`path_bytes`), text set aside on disk
//! until read once (`spill`). Nothing
//! here knows briefings, settings or remembered state; those sit above and
//! use it.

pub mod atomic_write;
pub mod contain;
pub(crate) mod path_bytes;
pub mod paths;
pub mod spill;
