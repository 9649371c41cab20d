//! The command line: one definition per flag drives parsing and `--help`.

pub mod check;
pub mod config;
pub mod draft;
pub mod edit;
pub mod facets;
pub mod json;
pub mod list;
pub mod new;
pub mod output;
pub mod paths;
pub mod search;
pub mod show;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use brief_core::load::{LoadOptions, load_dir};
use brief_core::paths::Choice;
use brief_core::{Corpus, Selection};

pub const SEARCH_HELP: &str = "\
SEARCHING:
  Words must all match, ignoring case and accents (cooperation = coopération).
  A word matches fuzzily in titles, actor names and acronyms, countries, topics,
  place and publisher (frontx finds Frontex), and by word start in summary and
  body (naufr finds naufrage).
    \"trafic de migrants\"   the words in that order (accents typed are kept)
    pays:TN  country:Tunisia  country by code, French or English name
    acteur:OIM  actor:IOM     actor by any name, acronym or alias
    sujet:traite  topic:...    topic containing the text
    année:2023  year:2019..2021   meeting year or range
    date:2021-11               meeting in that month (or year, or day)
    lieu:Niamey  place:...     meeting place
    -word  -pays:NE            exclude
  Examples:
    brief search icmpd
    brief search 'cooperation transfrontaliere'
    brief search 'pays:NE -acteur:OIM'
    brief search '\"trafic de migrants\" année:2019..2021'";

/// Browse and search folders of YAML meeting briefings.
#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about,
    after_help = "Run without a subcommand to open the terminal browser."
)]
pub struct Cli {
    /// Briefings folder (default: $BRIEF_DIR, ./briefings, the user data folder, or the built-in corpus).
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Read every file, neither using nor writing the cache of parsed briefings.
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Settings file (default: config.yaml in the config folder; see `brief paths`).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub browse: BrowseArgs,
}

/// Options of the terminal browser (no subcommand).
#[derive(Debug, Args, Default, Clone)]
pub struct BrowseArgs {
    /// Briefings folder to browse.
    #[arg(value_name = "DIR")]
    pub path: Option<PathBuf>,
    /// Start with this search.
    #[arg(long, short = 'q', value_name = "Q")]
    pub query: Option<String>,
    /// Start with this country selected (code, French or English name); repeatable.
    #[arg(long = "country", value_name = "C")]
    pub countries: Vec<String>,
    /// Start with this actor selected (any name, acronym or alias); repeatable.
    #[arg(long = "actor", value_name = "A")]
    pub actors: Vec<String>,
    /// Start with this briefing open in the reader.
    #[arg(long, value_name = "ID")]
    pub open: Option<String>,
    /// Start clean: no search, filters or selection from the last session
    /// (read marks, bookmarks and history stay).
    #[arg(long)]
    pub fresh: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every briefing and report problems as path:line:col: severity: message.
    Check {
        /// Briefings folder (overrides --dir).
        #[arg(value_name = "DIR")]
        path: Option<PathBuf>,
        /// Also list every briefing loaded, as path: loaded as 'id'.
        #[arg(long, short = 'v')]
        verbose: bool,
    },
    /// List briefings, newest first.
    List(ListArgs),
    /// Ranked search over titles, actors, countries, topics, places, summaries and bodies.
    #[command(after_help = SEARCH_HELP)]
    Search {
        /// The query; see SEARCHING below.
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Show at most N hits.
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show one briefing: metadata, then the article wrapped to the terminal.
    Show {
        /// The briefing's id.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Print Markdown (what the browser's `y` copies) instead of text.
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
    },
    /// Actors with their briefing counts, most frequent first.
    Actors {
        #[arg(long)]
        json: bool,
    },
    /// Countries with their briefing counts, most frequent first.
    Countries {
        #[arg(long)]
        json: bool,
    },
    /// Which briefings folder is used and why; the config, state and cache folders.
    Paths,
    /// Show the settings in force and any problem with config.yaml, or print a
    /// commented default file: `brief config --default > ~/.config/brief/config.yaml`.
    Config {
        /// Print the default config.yaml, every setting explained.
        #[arg(long)]
        default: bool,
    },
    /// Print a completion script for a shell, e.g.
    /// `brief completions bash > ~/.local/share/bash-completion/completions/brief`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), generated from the same definitions as --help:
    /// `brief man | man -l -`.
    Man,
    #[command(flatten)]
    Write(new::WriteCommand),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only briefings concerning this country (code, French or English name); repeat for any of several.
    #[arg(long = "country", value_name = "C")]
    pub countries: Vec<String>,
    /// Only briefings with this actor (any name, acronym or alias); repeat for any of several.
    #[arg(long = "actor", value_name = "A")]
    pub actors: Vec<String>,
    /// Only meetings in this year or range (2021, 2019..2021).
    #[arg(long, value_name = "Y")]
    pub year: Option<String>,
    /// Only briefings bookmarked in the browser (b).
    #[arg(long, conflicts_with = "unread")]
    pub bookmarked: bool,
    /// Only briefings not yet opened in the browser.
    #[arg(long)]
    pub unread: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// How a command ended: 0 results, 1 no results (or errors found), 2 usage or load failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Found,
    Nothing,
    Failed,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Found => 0,
            Outcome::Nothing => 1,
            Outcome::Failed => 2,
        }
    }
}

/// A failure to report on stderr with exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Load(#[from] brief_core::load::LoadError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Load options: the cache folder unless `--no-cache`.
pub fn load_options(no_cache: bool) -> LoadOptions {
    LoadOptions {
        cache: if no_cache {
            None
        } else {
            brief_core::paths::cache_dir()
        },
        ..LoadOptions::default()
    }
}

/// Loads the corpus the CLI uses.
pub fn load_corpus(choice: &Choice, opts: &LoadOptions) -> Result<Corpus, Failure> {
    match choice.dir() {
        Some(dir) => Ok(load_dir(dir, opts, &|_, _| {})?),
        None => Ok(brief_core::load_embedded()),
    }
}

/// Caches a corpus just read from files, once the command's output is out.
pub fn store_cache(corpus: &Corpus) {
    if let Err(e) = corpus.store_cache() {
        eprintln!(
            "brief: note: could not write the cache ({e}); the next start reads every file again"
        );
    }
}

/// `--country`/`--actor`/`--year` options to a selection, with clear errors.
pub fn selection(
    corpus: &Corpus,
    countries: &[String],
    actors: &[String],
    year: Option<&str>,
) -> Result<Selection, Failure> {
    let usage = |e: brief_core::query::QueryError| Failure::Usage(e.0);
    let mut sel = Selection::default();
    for c in countries {
        sel.countries
            .push(brief_core::query::parse_country(c).map_err(usage)?);
    }
    for a in actors {
        sel.actors
            .push(brief_core::query::parse_actor(a, corpus).map_err(usage)?);
    }
    if let Some(y) = year {
        sel.years = Some(brief_core::query::parse_years(y).map_err(usage)?);
    }
    Ok(sel)
}

/// Says on stderr that the folder holds no briefing, and where brief looked.
pub fn note_empty(corpus: &Corpus) {
    if corpus.briefings.is_empty() {
        eprintln!(
            "brief: no briefings in {}: brief reads the *.yaml and *.yml files there and in its sub-folders (see 'The briefing format' in the README)",
            brief_core::text::sanitize(&corpus.origin, false)
        );
    }
}

/// Warns on stderr, once, when the corpus had loading errors, so a command's
/// output is not mistaken for the whole folder.
pub fn warn_problems(corpus: &Corpus) {
    note_empty(corpus);
    let errors = corpus.count(brief_core::Severity::Error);
    if errors > 0 {
        eprintln!(
            "brief: {errors} file problem(s) while loading {}; run 'brief check' for details",
            corpus.origin
        );
    }
}

/// Says on stderr what is wrong with the config; brief goes on with the defaults.
pub fn warn_config(config: &brief_core::config::ConfigFile) {
    for p in &config.problems {
        eprintln!(
            "brief: {}",
            brief_core::text::sanitize(&p.to_string(), false)
        );
    }
}

/// The bookmarked or unread filter of `brief list`, from the remembered state.
pub fn marks_filter(
    choice: &Choice,
    only: Option<brief_core::remembered::Only>,
) -> Option<brief_core::search::IdFilter> {
    let only = only?;
    let folder = brief_core::remembered::path()
        .map(|file| {
            let (all, problem) = brief_core::remembered::load(&file);
            if let Some(p) = problem {
                eprintln!(
                    "brief: {}",
                    brief_core::text::sanitize(&p.to_string(), false)
                );
            }
            all
        })
        .unwrap_or_default()
        .folders
        .remove(&brief_core::remembered::folder_key(choice.dir()))
        .unwrap_or_default();
    let set =
        |ids: std::collections::BTreeSet<String>| std::sync::Arc::new(ids.into_iter().collect());
    Some(only.filter(&set(folder.read), &set(folder.bookmarks)))
}
