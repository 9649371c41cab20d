//! Helpers shared by the integration tests: the fixture folders
//! (`fixtures`), the folder of broken files (`broken`) and running the
//! built `brief` in a sandbox (`cli`). The browser's own helpers live in
//! `tests/tui_support`. Each test file uses only some of them.
#![allow(dead_code)]

pub mod broken;
pub mod cli;
pub mod fixtures;
