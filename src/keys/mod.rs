//! Keys: what the user can ask (`Action`) and the keymap table that binds
//! keys to it. Plain data, shared by the CLI (`brief config` shows the keys
//! in force) and the browser (dispatch, help, hints).

pub mod action;
pub mod keymap;
