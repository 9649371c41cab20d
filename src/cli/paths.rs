//! `brief paths`: the briefings folder chosen and why, and the other folders.

use std::io::Write;

use brief_core::io::paths::{self, Choice};
use brief_core::load::REGISTRY_FILE;
use brief_core::load::defaults::builtin_counts;
use brief_core::model::Registries;
use brief_core::topics::TOPICS_FILE;

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
        {
            let home = paths::IndexHome::of(choice.dir(), false);
            vec![
                "index".to_string(),
                show(home.cache_dir().map(std::path::Path::to_path_buf)),
                home.reason(),
            ]
        },
        vec![
            "registries".to_string(),
            registries_in_force(choice.dir(), config.config.registries),
            "(registries: in config.yaml)".to_string(),
        ],
    ];
    out.table(&rows, &[Out::bold, super::output::plain, Out::dim])
}

/// Which actor and topic registries a folder is read with, in one line.
pub fn registries_in_force(dir: Option<&std::path::Path>, registries: Registries) -> String {
    let own: Vec<&str> = [REGISTRY_FILE, TOPICS_FILE]
        .into_iter()
        .filter(|f| dir.is_some_and(|d| d.join(f).is_file()))
        .collect();
    let own = match (dir, own.is_empty()) {
        (None, _) => "the shipped corpus's".to_string(),
        (Some(_), true) => "no actors.yaml or topics.yaml in the folder".to_string(),
        (Some(_), false) => format!("the folder's {}", own.join(" and ")),
    };
    match registries {
        Registries::BuiltIn => {
            let (actors, topics) = builtin_counts();
            format!("built-in ({actors} actors, {topics} topics), under {own}")
        }
        Registries::FolderOnly => format!("{own} only (folder-only)"),
    }
}
