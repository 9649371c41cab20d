//! The report key (`E`): the report of the marked briefings (or the
//! results) written to a new file in the current folder, never over one
//! that exists (`brief-report-2026-12-07.md`, then `-2`, `-3`…), or copied.

use std::path::{Path, PathBuf};

use brief_core::report::Report;
use brief_core::{Folder, Lang, PartialDate};

/// Today's date (UTC), for the report's metadata and its file's name.
pub fn today() -> PartialDate {
    let now = time::OffsetDateTime::now_utc().date();
    PartialDate {
        year: u16::try_from(now.year()).unwrap_or(0),
        month: Some(u8::from(now.month())),
        day: Some(now.day()),
    }
}

/// The report's Markdown: the briefings at `docs`, newest meeting first as
/// `brief report` writes them.
pub fn markdown(
    corpus: &Folder,
    docs: &[usize],
    query: Option<String>,
    author: Option<String>,
    lang: Lang,
) -> String {
    let mut docs = docs.to_vec();
    docs.sort_unstable();
    docs.dedup();
    let how = Report {
        title: None,
        author,
        date: Some(today()),
        query,
        full: false,
        lang,
    };
    brief_core::report::write(corpus, &docs, &how)
}

/// Writes `text` to a new file in `dir` named for `date`, atomically, never
/// over an existing file; returns its path.
pub fn write_new(dir: &Path, date: PartialDate, text: &str) -> std::io::Result<PathBuf> {
    let stem = format!(
        "brief-report-{:04}-{:02}-{:02}",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1)
    );
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = dir.join(name);
        match brief_core::io::atomic_write::write_new_atomically(&path, |w| {
            w.write_all(text.as_bytes())
        }) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!("{stem}-*.md: too many reports today"),
    ))
}
