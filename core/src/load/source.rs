//! Where a corpus came from: its folder and the options it was read with,
//! every file as it was when read (for live reload), whether the cache gave
//! it, and where its bodies are read from.

use std::path::PathBuf;

use super::LoadOptions;
use crate::briefings::Bodies;
use crate::stamp::{Files, Seen};

#[derive(Debug, Default)]
pub struct Source {
    /// The folder read; `None` for a corpus given in memory (the built-in one).
    pub root: Option<PathBuf>,
    /// Where it came from, for display (`briefings`, `built-in corpus`).
    pub origin: String,
    /// The options it was read with, for reading it again.
    pub(crate) opts: LoadOptions,
    /// Every file as it was when read, for live reload and the cache.
    pub(crate) seen: Option<Seen>,
    /// True when it was read from the cache rather than the files.
    pub from_cache: bool,
    /// Where bodies are read from.
    pub(crate) bodies: Bodies,
}

impl Source {
    /// The registries it was read with.
    pub fn registries(&self) -> crate::model::Registries {
        self.opts.registries
    }

    /// A corpus given in memory, not read from a folder.
    pub(crate) fn in_memory(origin: String) -> Source {
        Source {
            origin,
            ..Source::default()
        }
    }

    /// The folder `root`, read with `opts`, its files as `seen`.
    pub(crate) fn folder(root: &std::path::Path, opts: &LoadOptions, seen: Seen) -> Source {
        Source {
            root: Some(root.to_path_buf()),
            origin: root.display().to_string(),
            opts: opts.clone(),
            seen: Some(seen),
            from_cache: false,
            bodies: Bodies::InBriefings,
        }
    }

    /// Whether it is kept in a cache folder (`store_cache` writes there).
    pub fn has_cache_folder(&self) -> bool {
        self.opts.cache.is_some()
    }

    /// The stamps a cache of this corpus is checked against, in the order
    /// `load_dir` takes them (the briefings, then the registry): `None` when
    /// a file could not be stat'ed or changed too recently to be trusted.
    pub(crate) fn stamps_to_cache(&self) -> Option<Files> {
        let seen = self.seen.as_ref()?;
        let mut files = seen.files.clone();
        let registry = match (&seen.registry, &self.root) {
            (Some(stamp), Some(root)) => Some((root.join(super::REGISTRY_FILE), *stamp)),
            (Some(_), None) => return None,
            (None, _) => None,
        };
        if let Some((path, stamp)) = &registry {
            files.push((path, *stamp));
        }
        let sound = (files.iter())
            .all(|(_, s)| s.is_some_and(|s| !crate::stamp::racy(std::iter::once(&s))));
        sound.then_some(files)
    }
}
