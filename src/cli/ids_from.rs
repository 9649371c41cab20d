//! `--ids-from FILE|-`: a set of briefings handed on by a script or by
//! `fzf -m`, one per line. A line names a briefing by its first word that is
//! an id, so the lines `brief list --ids` prints (date, id, title) work as
//! well as bare ids; a line naming none is said on stderr and skipped.

use std::io::Read;
use std::path::Path;

use brief_core::Folder;
use brief_core::model::IdSet;

use super::Failure;

/// More than any list of ids: a link to `/dev/zero` or an endless pipe is
/// refused past it rather than read without end.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The ids named by the lines of `from` (`-`: standard input).
pub fn read(corpus: &Folder, from: &Path) -> Result<IdSet, Failure> {
    let shown = from.display().to_string();
    let text =
        read_bounded(from).map_err(|e| Failure::Usage(format!("--ids-from {shown}: {e}")))?;
    Ok(std::sync::Arc::new(
        ids_in(corpus, &text, &shown).into_iter().collect(),
    ))
}

/// A file (or standard input for `-`) read whole, refused past [`MAX_BYTES`]
/// or when it is not UTF-8 text.
pub fn read_bounded(from: &Path) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    if from == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)?;
    } else {
        let file = std::fs::File::open(from)?;
        if file.metadata()?.is_dir() {
            return Err(std::io::Error::other("is a folder, not a list of ids"));
        }
        file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(std::io::Error::other(format!(
            "longer than {} MiB: not a list of ids",
            MAX_BYTES / 1024 / 1024
        )));
    }
    String::from_utf8(bytes).map_err(|_| std::io::Error::other("not UTF-8 text"))
}

/// The ids the lines of `text` name; each line naming none is said on stderr
/// with its number.
fn ids_in(corpus: &Folder, text: &str, shown: &str) -> std::collections::HashSet<String> {
    let lines: Vec<(usize, Vec<&str>)> = text
        .lines()
        .enumerate()
        .map(|(n, line)| (n + 1, words(line)))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let all: Vec<&str> = lines.iter().flat_map(|(_, w)| w.iter().copied()).collect();
    let found = corpus.positions(all.iter().copied());
    let mut known = found.iter().zip(&all).filter(|(p, _)| p.is_some());
    let known: std::collections::HashSet<&str> = known.by_ref().map(|(_, w)| *w).collect();
    let mut out = std::collections::HashSet::default();
    for (n, words) in &lines {
        match words.iter().find(|w| known.contains(**w)) {
            Some(id) => {
                out.insert((*id).to_string());
            }
            // A bare word may be the start of one id, as `brief show` takes it.
            None => match words.as_slice() {
                [one] => match brief::ids::resolve(corpus, one) {
                    brief::ids::Resolved::One(doc) => {
                        if let Some(b) = corpus.briefings.get(doc) {
                            out.insert(b.id.to_string());
                        }
                    }
                    _ => unnamed(shown, *n, one),
                },
                _ => unnamed(shown, *n, words.first().copied().unwrap_or_default()),
            },
        }
    }
    out
}

/// The words of a line: split on white space, commas and tabs (TSV and CSV
/// rows work too), quotes taken off.
fn words(line: &str) -> Vec<&str> {
    line.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c| c == '"' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

fn unnamed(shown: &str, line: usize, first: &str) {
    super::say(format_args!(
        "brief: {shown}:{line}: no briefing has the id '{first}'; line skipped"
    ));
}
