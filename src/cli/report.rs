//! `brief report`: a Markdown document of several briefings to hand on
//! (`brief_core::report`), from a query, a saved search or a list of ids.

use std::io::Write;
use std::path::PathBuf;

use brief_core::Folder;
use brief_core::io::paths::Choice;
use brief_core::report::Report;

use super::args::{DateArgs, ListFilters};
use super::output::Out;
use super::{Failure, Outcome};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The query, as for `brief search` (none: every briefing the filters keep).
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// The briefings of the saved search NAME (see `brief saved`).
    #[arg(long, value_name = "NAME")]
    pub saved: Option<String>,
    #[command(flatten)]
    pub filters: ListFilters,
    #[command(flatten)]
    pub dates: DateArgs,
    /// Each briefing's article too, not only its summary.
    #[arg(long)]
    pub full: bool,
    /// The report's title (default: "Fiches" / "Briefings", with the query).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Write the report to FILE (atomically) rather than to standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    choice: &Choice,
    args: ReportArgs,
    author: Option<String>,
) -> Result<Outcome, Failure> {
    let text = super::join_query(&args.query);
    let mut sel = super::selection(corpus, &args.filters.countries, &args.filters.actors, None)?;
    if let Some(from) = &args.filters.ids_from {
        sel.ids = Some(brief_core::model::IdFilter::Only(super::ids_from::read(
            corpus, from,
        )?));
    }
    let filters = args.dates.filters()?;
    let (docs, query_shown) = match &args.saved {
        Some(name) => {
            let found = super::saved::find_named(corpus, choice, name, &text, &sel, &filters)?;
            (
                found,
                Some(format!("--saved {name} {text}").trim().to_string()),
            )
        }
        None => {
            let Some(mut query) = super::search::read(corpus, &text)? else {
                return Ok(Outcome::Nothing);
            };
            query.filters.extend(filters);
            if !text.trim().is_empty() {
                super::index_text(corpus);
            }
            let hits = brief_core::search::search(corpus, &query, &sel);
            let docs = hits.iter().map(|h| h.doc).collect();
            (docs, (!text.trim().is_empty()).then_some(text.clone()))
        }
    };
    // Newest meeting first, as `brief list`: a report reads as a chronicle.
    let mut docs: Vec<usize> = docs;
    docs.sort_unstable();
    let how = Report {
        title: args.title.clone(),
        author,
        date: Some(today()),
        query: query_shown,
        full: args.full,
        lang: out.lang,
    };
    if docs.is_empty() {
        // Nothing to hand on: no file, and an exit of 1 as any empty answer.
        super::say("no briefing matches: no report written");
        return Ok(Outcome::Nothing);
    }
    let markdown = brief_core::report::write(corpus, &docs, &how);
    match &args.output {
        None => out.w.write_all(markdown.as_bytes())?,
        Some(path) => {
            let write = |w: &mut dyn Write| w.write_all(markdown.as_bytes());
            let written = if args.force {
                brief_core::io::atomic_write::write_atomically(path, write)
            } else {
                brief_core::io::atomic_write::write_new_atomically(path, write)
            };
            match written {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(Failure::Usage(format!(
                        "{} exists: not replaced (--force replaces it)",
                        path.display()
                    )));
                }
                Err(e) => return Err(Failure::Usage(format!("{}: {e}", path.display()))),
                Ok(()) => super::say(format_args!(
                    "wrote the report of {} to {}",
                    super::briefings(docs.len()),
                    path.display()
                )),
            }
        }
    }
    Ok(Outcome::Found)
}

/// Today's date (UTC), for the report's metadata.
fn today() -> brief_core::PartialDate {
    let now = time::OffsetDateTime::now_utc().date();
    brief_core::PartialDate {
        year: u16::try_from(now.year()).unwrap_or(0),
        month: Some(u8::from(now.month())),
        day: Some(now.day()),
    }
}
