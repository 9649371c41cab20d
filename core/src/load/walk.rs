//! Which files of a folder are briefings, and reading them within the size limit.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Input, LoadOptions, REGISTRY_FILE, problem};
use crate::model::{Problem, Severity};

/// Lists every `*.yaml`/`*.yml` below `root` (the registry apart), following
/// symlinks but never twice into the same folder.
pub(crate) fn walk(root: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        match std::fs::canonicalize(&dir) {
            Ok(real) if !seen.insert(real.clone()) => {
                problems.push(problem(
                    &dir,
                    Severity::Warning,
                    "folder already visited (symlink loop?), skipped",
                ));
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                problems.push(problem(
                    &dir,
                    Severity::Error,
                    format!("cannot open folder: {e}"),
                ));
                continue;
            }
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push(problem(
                    &dir,
                    Severity::Error,
                    format!("cannot read folder: {e}"),
                ));
                continue;
            }
        };
        // The entry's own type costs no system call; only symlinks are followed with a stat.
        let mut names: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
            .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, kind) in names {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let is_dir = match kind {
                Some(k) if k.is_dir() => true,
                Some(k) if k.is_file() => false,
                _ => match std::fs::metadata(&path) {
                    Ok(m) => m.is_dir(),
                    Err(e) => {
                        if std::fs::symlink_metadata(&path)
                            .is_ok_and(|m| m.file_type().is_symlink())
                        {
                            problems.push(problem(
                                &path,
                                Severity::Warning,
                                format!("broken symlink skipped: {e}"),
                            ));
                        } else if is_briefing_name(&path) {
                            problems.push(problem(
                                &path,
                                Severity::Error,
                                format!("cannot read file: {e}"),
                            ));
                        }
                        continue;
                    }
                },
            };
            if is_dir {
                stack.push(path);
            } else if is_briefing_name(&path)
                && !(dir == root && (is_registry(&path) || is_topics(&path)))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn is_briefing_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// The topic registry beside the actors': not a briefing.
fn is_topics(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()) == Some(crate::topics::TOPICS_FILE)
}

pub(crate) fn is_registry(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()) == Some(REGISTRY_FILE)
}

pub(crate) fn read_input(path: &Path, opts: &LoadOptions) -> Input {
    let bytes = (|| {
        let meta = std::fs::metadata(path)
            .map_err(|e| problem(path, Severity::Error, format!("cannot read file: {e}")))?;
        if meta.len() > opts.max_file_size {
            return Err(problem(
                path,
                Severity::Error,
                format!(
                    "file is {} bytes, over the {} byte limit; not parsed",
                    meta.len(),
                    opts.max_file_size
                ),
            ));
        }
        std::fs::read(path)
            .map_err(|e| problem(path, Severity::Error, format!("cannot read file: {e}")))
    })();
    Input {
        path: path.to_path_buf(),
        bytes,
    }
}
