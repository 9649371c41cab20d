//! `brief saved`: the saved searches of a folder with their counts, managed
//! from the shell; `brief search --saved NAME [--new]` runs one. They live in
//! the remembered state beside the bookmarks (same lock, journal, recovery),
//! and the browser shows the same counts: both run `brief_core::saved`.

use std::io::Write;
use std::path::{Path, PathBuf};

use brief_core::io::paths::Choice;
use brief_core::remembered::{self, Change, SavedSearch};
use brief_core::saved;
use brief_core::{Folder, Selection};

use super::args::ResultsArgs;
use super::export::{self, Print};
use super::output::Out;
use super::{Failure, Outcome};

/// `brief saved`'s subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum SavedCommand {
    /// Save a search under NAME (replacing one of that name): the query as
    /// for `brief search`, in either language's words.
    Add {
        name: String,
        /// The query (none: every briefing, narrowed by --country/--actor).
        #[arg(allow_hyphen_values = true, value_name = "QUERY")]
        query: Vec<String>,
        /// A country to filter on, as the countries pane (code or name); repeatable.
        #[arg(long = "country", value_name = "C")]
        countries: Vec<String>,
        /// An actor to filter on, as the actors pane (any name); repeatable.
        #[arg(long = "actor", value_name = "A")]
        actors: Vec<String>,
    },
    /// Delete the saved search NAME.
    Rm { name: String },
    /// Rename a saved search.
    Mv { from: String, to: String },
}

/// `brief saved` and its options.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SavedArgs {
    #[command(subcommand)]
    pub command: Option<SavedCommand>,
    /// Print the saved searches as YAML, for `--import` on another machine.
    #[arg(long, conflicts_with = "import")]
    pub export: bool,
    /// Add the saved searches of an export (FILE, or - for standard input);
    /// one of the same name is replaced.
    #[arg(long, value_name = "FILE|-")]
    pub import: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Where the state is, and this folder's key in it.
struct Place {
    file: PathBuf,
    key: String,
}

fn place(choice: &Choice) -> Result<Place, Failure> {
    let file = remembered::path().ok_or_else(|| {
        Failure::Usage("no state folder (set HOME or XDG_STATE_HOME) to keep saved searches".into())
    })?;
    Ok(Place {
        file,
        key: remembered::folder_key(choice.dir()),
    })
}

/// This folder's remembered state, a damaged state file said on stderr.
fn folder_state(place: &Place) -> remembered::Folder {
    let (mut all, problem) = remembered::load(&place.file);
    if let Some(p) = problem {
        super::say(format_args!("brief: {p}"));
    }
    all.folders.remove(&place.key).unwrap_or_default()
}

fn record(place: &Place, changes: &[Change]) -> Result<(), Failure> {
    if let Some(p) = remembered::record(&place.file, &place.key, changes)? {
        super::say(format_args!("brief: {p}"));
    }
    Ok(())
}

/// `brief saved …`: the commands that need no folder loaded are done here;
/// listing runs each search over `corpus`, loaded on demand.
pub fn run<W: Write>(
    out: &mut Out<W>,
    choice: &Choice,
    args: SavedArgs,
    corpus: impl FnOnce() -> Result<Folder, Failure>,
) -> Result<(Outcome, Option<Folder>), Failure> {
    let place = place(choice)?;
    if args.export {
        let state = folder_state(&place);
        out.w.write_all(saved::export(&state.saved).as_bytes())?;
        return Ok((Outcome::Found, None));
    }
    if let Some(from) = &args.import {
        return import(out, &place, from).map(|o| (o, None));
    }
    match args.command {
        Some(SavedCommand::Add {
            name,
            query,
            countries,
            actors,
        }) => {
            let name = checked_name(&name)?;
            let corpus = corpus()?;
            let query = super::join_query(&query);
            // Checked as it will be run: a typo is said now, not every Monday.
            let search = SavedSearch {
                query: query.clone(),
                countries: countries.clone(),
                actors: actors.clone(),
                ..SavedSearch::default()
            };
            let found = saved::find(&corpus, &search, &Selection::default(), &[])
                .map_err(|e| Failure::Usage(format!("not saved: {e}")))?;
            record(
                &place,
                &[Change::SaveSearch {
                    name: name.clone(),
                    query,
                    countries,
                    actors,
                    periods: Vec::new(),
                }],
            )?;
            writeln!(
                out.w,
                "saved '{}': {} now",
                name,
                super::briefings(found.hits.len())
            )?;
            Ok((Outcome::Found, Some(corpus)))
        }
        Some(SavedCommand::Rm { name }) => {
            let state = folder_state(&place);
            if !state.saved.contains_key(&name) {
                return Err(unknown(&name, &state));
            }
            record(&place, &[Change::DeleteSearch { name: name.clone() }])?;
            writeln!(out.w, "deleted the saved search '{name}'")?;
            Ok((Outcome::Found, None))
        }
        Some(SavedCommand::Mv { from, to }) => {
            let to = checked_name(&to)?;
            let state = folder_state(&place);
            if !state.saved.contains_key(&from) {
                return Err(unknown(&from, &state));
            }
            if state.saved.contains_key(&to) {
                return Err(Failure::Usage(format!(
                    "a saved search is already named '{to}': delete it first (brief saved rm)"
                )));
            }
            record(&place, &[Change::RenameSearch { from, to }])?;
            Ok((Outcome::Found, None))
        }
        None => {
            let corpus = corpus()?;
            let outcome = list(out, &corpus, &folder_state(&place), args.json)?;
            Ok((outcome, Some(corpus)))
        }
    }
}

/// A name as typed: trimmed, not empty, on one line.
fn checked_name(name: &str) -> Result<String, Failure> {
    let name = name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Failure::Usage(
            "a saved search needs a name of one line".into(),
        ));
    }
    Ok(name.to_string())
}

fn unknown(name: &str, state: &remembered::Folder) -> Failure {
    let hint = brief_core::text::closest(name, state.saved.keys().map(String::as_str))
        .map(|s| format!("; did you mean '{s}'?"))
        .unwrap_or_default();
    Failure::Nothing(format!("no saved search is named '{name}'{hint}"))
}

/// One saved search as listed.
#[derive(serde::Serialize)]
struct Row<'a> {
    name: &'a str,
    query: &'a str,
    countries: &'a [String],
    actors: &'a [String],
    periods: &'a [String],
    results: usize,
    new: usize,
    /// Seconds since the epoch; null: never opened.
    opened: Option<u64>,
    /// Why it cannot run now (a country or actor no longer known).
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn list<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    state: &remembered::Folder,
    json: bool,
) -> Result<Outcome, Failure> {
    if !state.saved.is_empty() {
        super::index_text(corpus);
    }
    let rows: Vec<Row> = state
        .saved
        .iter()
        .map(|(name, s)| {
            let found = saved::find(corpus, s, &Selection::default(), &[]);
            Row {
                name,
                query: &s.query,
                countries: &s.countries,
                actors: &s.actors,
                periods: &s.periods,
                results: found.as_ref().map_or(0, |f| f.hits.len()),
                new: found.as_ref().map_or(0, |f| f.count_new(s)),
                opened: s.opened,
                error: found.err().map(|e| e.to_string()),
            }
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut out.w, &rows).map_err(std::io::Error::other)?;
        writeln!(out.w)?;
    } else if rows.is_empty() {
        super::say("no saved search yet: brief saved add NAME QUERY…");
    } else {
        print_table(out, &rows)?;
    }
    for (name, ids) in &state.sets {
        if !json {
            writeln!(
                out.w,
                "set {}: {}",
                brief_core::text::sanitize(name, false),
                super::briefings(ids.len())
            )?;
        }
    }
    Ok(if rows.is_empty() && state.sets.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

fn print_table<W: Write>(out: &mut Out<W>, rows: &[Row]) -> std::io::Result<()> {
    let clean = |s: &str| brief_core::text::sanitize(s, false).into_owned();
    let name_w = rows
        .iter()
        .map(|r| brief_core::text::width(&clean(r.name)))
        .max()
        .unwrap_or(4)
        .max(4);
    let pad = |s: &str, w: usize| {
        let have = brief_core::text::width(s);
        format!("{s}{}", " ".repeat(w.saturating_sub(have)))
    };
    writeln!(out.w, "{}  RESULTS    NEW  SEARCH", pad("NAME", name_w))?;
    for r in rows {
        let mut search = clean(r.query);
        for c in r.countries {
            search.push_str(&format!(" [country {}]", clean(c)));
        }
        for a in r.actors {
            search.push_str(&format!(" [actor {}]", clean(a)));
        }
        if !r.periods.is_empty() {
            let dates: Vec<String> = r.periods.iter().map(|p| clean(p)).collect();
            search.push_str(&format!(" [dates {}]", dates.join(", ")));
        }
        if let Some(e) = &r.error {
            search.push_str(&format!(" — cannot run: {}", clean(e)));
        }
        writeln!(
            out.w,
            "{}  {:>7}  {:>5}  {}",
            pad(&clean(r.name), name_w),
            r.results,
            r.new,
            search.trim()
        )?;
    }
    Ok(())
}

fn import<W: Write>(out: &mut Out<W>, place: &Place, from: &Path) -> Result<Outcome, Failure> {
    let shown = from.display().to_string();
    let text = super::ids_from::read_bounded(from)
        .map_err(|e| Failure::Usage(format!("--import {shown}: {e}")))?;
    let searches = saved::import(&text).map_err(|e| Failure::Usage(format!("{shown}: {e}")))?;
    let changes: Vec<Change> = searches
        .iter()
        .map(|(name, s)| Change::SaveSearch {
            name: name.clone(),
            query: s.query.clone(),
            countries: s.countries.clone(),
            actors: s.actors.clone(),
            periods: s.periods.clone(),
        })
        .collect();
    record(place, &changes)?;
    writeln!(out.w, "imported {} saved searches", changes.len())?;
    Ok(Outcome::Found)
}

/// `brief search --saved NAME [WORDS…] [--new]`: the saved search (narrowed
/// by any words given), or only what is new in it, then counted as seen.
pub struct RunSaved<'a> {
    pub name: &'a str,
    /// Words typed after it, added to its query.
    pub words: &'a str,
    pub new: bool,
    pub ids: Option<brief_core::model::IdFilter>,
    pub filters: Vec<(bool, brief_core::query::Filter)>,
    pub limit: Option<usize>,
    pub output: ResultsArgs,
}

pub fn search<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    choice: &Choice,
    run: RunSaved,
) -> Result<Outcome, Failure> {
    let place = place(choice)?;
    let state = folder_state(&place);
    let Some(search) = state.saved.get(run.name) else {
        return Err(unknown(run.name, &state));
    };
    let mut narrowed = search.clone();
    if !run.words.trim().is_empty() {
        narrowed.query = format!("{} {}", search.query, run.words);
    }
    super::index_text(corpus);
    let also = Selection {
        ids: run.ids,
        ..Selection::default()
    };
    let found = match saved::find(corpus, &narrowed, &also, &run.filters) {
        Ok(f) => f,
        Err(e) if e.is_unknown_value() => {
            super::say(format_args!(
                "no briefing matches the saved search '{}': {e}",
                run.name
            ));
            return Ok(Outcome::Nothing);
        }
        Err(e) => {
            return Err(Failure::Usage(format!(
                "invalid saved search '{}': {e}",
                run.name
            )));
        }
    };
    let mut hits = if run.new {
        found.new_hits(search)
    } else {
        found.hits.clone()
    };
    super::apply_limit(&mut hits, run.limit);
    let query = brief_core::search::parse_query(corpus, &narrowed.query).ok();
    let how = Print {
        format: run.output.format(),
        ids: run.output.ids,
        query: query.as_ref(),
    };
    export::print(out, corpus, &hits, &how)?;
    if run.new {
        // Seen now: everything found but what --limit left unprinted.
        let printed: std::collections::HashSet<usize> = hits.iter().map(|h| h.doc).collect();
        let seen: Vec<u64> = found
            .hits
            .iter()
            .zip(&found.fingerprints)
            .filter(|(h, f)| printed.contains(&h.doc) || search.has_seen(**f))
            .map(|(_, f)| *f)
            .collect();
        out.w.flush()?;
        record(
            &place,
            &[Change::OpenedSearch {
                name: run.name.to_string(),
                at: saved::now(),
                seen,
            }],
        )?;
    }
    Ok(if hits.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// The briefings of the saved search `name` (narrowed by `words`), for a
/// report: in rank order; opening it is not recorded.
pub fn find_named(
    corpus: &Folder,
    choice: &Choice,
    name: &str,
    words: &str,
    also: &Selection,
    filters: &[(bool, brief_core::query::Filter)],
) -> Result<Vec<usize>, Failure> {
    let state = folder_state(&place(choice)?);
    let Some(search) = state.saved.get(name) else {
        return Err(unknown(name, &state));
    };
    let mut narrowed = search.clone();
    if !words.trim().is_empty() {
        narrowed.query = format!("{} {words}", search.query);
    }
    super::index_text(corpus);
    let found = saved::find(corpus, &narrowed, also, filters)
        .map_err(|e| Failure::Usage(format!("invalid saved search '{name}': {e}")))?;
    Ok(found.hits.iter().map(|h| h.doc).collect())
}
