//! `brief`: the terminal browser over `brief-core`.
//!
//! The core (model, loading, registries, query, search, settings) lives in the
//! `brief-core` crate, which cannot reach the terminal; this crate holds the
//! keys (actions and the keymap, shared by the CLI and the browser), the
//! reading of a briefing id (`ids`, shared the same way) and the browser, and
//! the binary adds the command line.

pub mod demo;
pub mod git;
pub mod ids;
pub mod keys;
pub mod tui;
