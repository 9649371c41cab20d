//! `brief paths`: the briefings folder chosen and why, and the other folders.

use std::io::Write;

use brief_core::io::paths::{self, Choice};

use super::output::Out;

pub fn run<W: Write>(
    out: &mut Out<W>,
    choice: &Choice,
    config: &brief_core::config::ConfigFile,
) -> std::io::Result<()> {
    let show = |p: Option<std::path::PathBuf>| {
        p.map_or("(none on this system)".to_string(), |p| {
            p.display().to_string()
        })
    };
    let dir = choice
        .dir()
        .map_or("(built-in corpus)".to_string(), |d| d.display().to_string());
    let rows = vec![
        vec![
            "briefings".to_string(),
            dir,
            format!("({})", choice.reason()),
        ],
        vec![
            "user data".to_string(),
            show(paths::user_data_dir()),
            String::new(),
        ],
        vec![
            "config".to_string(),
            show(config.path.clone()),
            if config.exists {
                String::new()
            } else {
                "(not created: `brief config --default` prints one)".to_string()
            },
        ],
        vec![
            "state".to_string(),
            show(brief_core::remembered::path()),
            "(read marks, bookmarks, history)".to_string(),
        ],
        vec!["cache".to_string(), show(paths::cache_dir()), String::new()],
    ];
    out.table(&rows, &[Out::bold, super::output::plain, Out::dim])
}
