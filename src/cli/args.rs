//! The command line's definition: one definition per flag drives parsing,
//! `--help`, the man page and completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub const SEARCH_HELP: &str = "\
SEARCHING:
  Words must all match, ignoring case; an unaccented letter matches accented
  text too (traite finds traite and traité, the unaccented first), but a
  typed accent or a quoted word matches as written: traité, \"traite\".
  A word matches fuzzily in titles, actor names, countries, topics, place and
  publisher (frontx finds Frontex), and by word start in summary and body
  (naufr finds naufrage). Singular and plural meet (passeurs = passeur,
  réseau = réseaux, journal = journaux); l', d', qu'... are dropped (l'OIM = OIM).
  Words naming a country, actor or topic are read as it, in any form known:
  Royaume-Uni, royaume uni, United Kingdom, UK, GB all mean the United Kingdom
  (its briefings, and its names in the text, never \"Royaume\" of Maroc);
  OIM, IOM, Organisation internationale pour les migrations; smuggling =
  trafic de migrants, shipwreck = naufrage, Channel = Manche (topics.yaml).
  Names of 3 letters or fewer count in capitals (UK, NE, OIM; ne is a word).
  A word found nowhere is matched with typos: 1 edit from 5 letters, 2 from 9
  (nuafrage, naufrge, naufrege find naufrage), ranked below exact matches.
    \"trafic de migrants\"   the words in that order, accents as typed
    pays:TN  country:Tunisia  country by code, French or English name
    acteur:OIM  actor:Nkuru   actor by any name or the start of its words
    sujet:traite  topic:smuggling   topic by text or by any name in topics.yaml
    année:2023  year:2019..2021   meeting year or range
    date:2021-11               meeting in that month (or year, or day)
    depuis:2021-06  since:...  meetings from that period on, included
    avant:2022  before:...     meetings before that period, excluded
                               (--since and --until include theirs: --until
                               2022 ends on 31 December 2022; a briefing dated
                               2019 is in depuis:2019-02: it may have been)
    lieu:Niamey  place:...     meeting place
    -word  -pays:NE            exclude
  An unknown actor (acteur:UNHCR) finds nothing, with a suggestion (exit 1);
  an unknown country (pays:Narnia), a malformed query or one with nothing to
  search for (-, \"\", *) is an error (exit 2). Words over 64 letters and terms past the 32nd are
  cut, with a note on stderr. --json says how each term was read
  (\"read_as\": {\"country\": \"GB\"}; a name read with a typo, such as
  Royame-Uni or Eurpol, adds \"typo\": what was typed).
  Examples:
    brief search icmpd
    brief search 'cooperation transfrontaliere'
    brief search frontex libye
    brief search pays:NE -acteur:OIM
    brief search smuggling Royaume-Uni
    brief search '\"trafic de migrants\" année:2019..2021'
  Several words need no quotes. With several arguments, one that holds a
  space (quoted for the shell) is a phrase: brief search 'trafic de migrants' libye.
  Rules and measurements: docs/search.md.";

pub const SHOW_HELP: &str = "\
WHICH BRIEFING:
  The exact id; else the one id that starts with what you typed; else the
  words are a search and its best hit is shown when it is clearly the best
  (the only hit, or scoring at least twice the second). Otherwise the
  candidates are listed on stderr and brief exits with 2.
    brief show 2019-emsc
    brief show frontex manche";

/// Browse and search folders of YAML meeting briefings.
#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about,
    after_help = "Run without a subcommand to open the terminal browser.\n\
Exit status: 0 something found, 1 nothing found (or `brief check` found errors), 2 error.\n\
Reference, in the source: docs/cli.md (commands), docs/search.md (search syntax),\n\
docs/browser.md (the browser and its keys), docs/configuration.md (config.yaml),\n\
docs/format.md (the briefing format), docs/writing.md, docs/performance.md,\n\
docs/robustness.md, docs/architecture.md, docs/testing.md."
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
    /// Start with this briefing open in the reader (its id or a unique start of it).
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
        /// Also list every briefing loaded, as path: loaded as 'id', and every
        /// actor name not in actors.yaml one by one.
        #[arg(long, short = 'v', conflicts_with = "quiet")]
        verbose: bool,
        /// Print errors only: no warnings and no summary.
        #[arg(long, short = 'q')]
        quiet: bool,
    },
    /// List briefings, newest first.
    List(ListArgs),
    /// Ranked search over titles, actors, countries, topics, places, summaries and bodies.
    #[command(after_help = SEARCH_HELP)]
    Search {
        /// The query: every word after `search`, no quotes needed; see SEARCHING below.
        #[arg(
            required_unless_present = "saved",
            allow_hyphen_values = true,
            value_name = "QUERY"
        )]
        query: Vec<String>,
        /// Run the saved search NAME (see `brief saved`); words given as well narrow it.
        #[arg(long, value_name = "NAME")]
        saved: Option<String>,
        /// With --saved: only what is new since it was last opened, then count
        /// it as seen (a second run prints nothing until something changes).
        #[arg(long, requires = "saved")]
        new: bool,
        /// Only among the briefings named in FILE (- for standard input), one a line.
        #[arg(long, value_name = "FILE|-")]
        ids_from: Option<PathBuf>,
        /// Show at most N hits (0: no limit).
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        dates: DateArgs,
        #[command(flatten)]
        output: ResultsArgs,
    },
    /// Count briefings by year, month, country, actor, topic or place, with a bar per row.
    #[command(after_help = super::stats::HELP)]
    Stats(StatsArgs),
    /// One actor or country: names, kind and roles, meetings per year, whom it
    /// meets most, its topics and places, and its meetings newest first.
    #[command(after_help = super::dossier::HELP)]
    Dossier(DossierArgs),
    /// Show one briefing: metadata, then the article wrapped to the terminal.
    #[command(after_help = SHOW_HELP)]
    Show {
        /// The briefing's id, a unique start of it, or a query (no quotes needed).
        #[arg(required = true, allow_hyphen_values = true, value_name = "ID|QUERY")]
        id: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Print Markdown (what the browser's `y` copies) instead of text.
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
    },
    /// Actors with their briefing counts, most frequent first.
    Actors {
        /// Only the actor names not in actors.yaml (those `brief check` counts).
        #[arg(long)]
        unregistered: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Topics with their briefing counts, most frequent first: those of
    /// topics.yaml (with their names in every language), then the others.
    Topics {
        /// Only the topics not in topics.yaml.
        #[arg(long)]
        unregistered: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Countries with their briefing counts, most frequent first.
    Countries {
        /// Print JSON instead of text.
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
    /// Saved searches with their number of results and of new ones since
    /// each was last opened; `add`, `rm`, `mv`, `--export`, `--import`.
    Saved(super::saved::SavedArgs),
    /// A Markdown report of several briefings (a query, --saved NAME or
    /// --ids-from FILE) to hand on: `pandoc report.md -o report.docx`.
    Report(super::report::ReportArgs),
    /// For an archive kept in git: commit its changed briefings (their ids in
    /// the message), fetch, merge the remote's changes, push. A conflict stops
    /// it with exit 1, both versions kept; run it again once resolved.
    Sync,
    /// Give the archive its own index, in DIR/.brief/, for every user who
    /// reads it (a shared server): built once, group-writable.
    Share {
        /// The archive (default: the briefings folder in use).
        #[arg(value_name = "DIR")]
        path: Option<PathBuf>,
    },
    /// A briefing's history in git: date, commit, author, message.
    Log {
        /// The briefing's id or a unique start of it.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    #[command(flatten)]
    Write(super::new::WriteCommand),
}

/// The filters of `brief list`, `stats` and `report`, as the browser's panes.
#[derive(Debug, Args, Clone, Default)]
pub struct ListFilters {
    /// Only briefings concerning this country (code, French or English name); repeat for any of several.
    #[arg(long = "country", value_name = "C")]
    pub countries: Vec<String>,
    /// Only briefings with this actor (any name, acronym or alias); repeat for any of several.
    #[arg(long = "actor", value_name = "A")]
    pub actors: Vec<String>,
    /// Only the briefings named in FILE (- for standard input), one a line:
    /// a bare id, or a line whose first id-like word is one (as `brief list
    /// --ids` or `fzf -m` print them).
    #[arg(long, value_name = "FILE|-")]
    pub ids_from: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: ListFilters,
    /// Only meetings in this year or range (2021, 2019..2021).
    #[arg(long, value_name = "Y")]
    pub year: Option<String>,
    #[command(flatten)]
    pub dates: DateArgs,
    /// Only briefings bookmarked in the browser (b).
    #[arg(long, conflicts_with = "unread")]
    pub bookmarked: bool,
    /// Only briefings not yet opened in the browser.
    #[arg(long)]
    pub unread: bool,
    /// Show at most N briefings (0: no limit).
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub output: ResultsArgs,
}

/// The date range of `brief list`, `search` and `stats`.
#[derive(Debug, Args, Clone, Default)]
pub struct DateArgs {
    /// Only meetings from this period on, included (2021, 2021-06, 2021-06-15).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only meetings up to the end of this period, included (2022: to 31 December 2022).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

impl DateArgs {
    /// `--since`/`--until` as query filters (`depuis:` and `--until`).
    pub fn filters(&self) -> Result<Vec<(bool, brief_core::query::Filter)>, super::Failure> {
        use brief_core::query::{Filter, parse_date};
        let usage = |e: brief_core::query::QueryError| {
            super::Failure::Usage(e.message(brief_core::Lang::En))
        };
        let mut out = Vec::new();
        if let Some(d) = &self.since {
            out.push((
                false,
                Filter::Since(parse_date("--since ", d).map_err(usage)?),
            ));
        }
        if let Some(d) = &self.until {
            out.push((
                false,
                Filter::Until(parse_date("--until ", d).map_err(usage)?),
            ));
        }
        Ok(out)
    }
}

/// `brief stats`: what to count, over which briefings, printed how.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The query, as for `brief search` (none: every briefing).
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// What to count by.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = super::stats::ByArg::Year)]
    pub by: super::stats::ByArg,
    #[command(flatten)]
    pub filters: ListFilters,
    /// Only meetings in this year or range (2021, 2019..2021).
    #[arg(long, value_name = "Y")]
    pub year: Option<String>,
    #[command(flatten)]
    pub dates: DateArgs,
    /// Output format. text: a table with a bar per row fitted to the
    /// terminal (whole rows into a pipe); json, csv, tsv: the counts.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = super::stats::StatsFormat::Text)]
    pub format: super::stats::StatsFormat,
}

/// `brief dossier`: whose, printed how.
#[derive(Debug, Args)]
pub struct DossierArgs {
    /// An actor's name, acronym or alias, or a country's code or name (no quotes needed).
    #[arg(required = true, value_name = "NAME")]
    pub name: Vec<String>,
    /// Output format. text: sections fitted to the terminal (whole rows into
    /// a pipe); json: every field and count; markdown: headings and tables.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = super::dossier::DossierFormat::Text)]
    pub format: super::dossier::DossierFormat,
    /// List the N newest meetings (0: all of them).
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Text: also show each meeting's id (what `brief show` takes).
    #[arg(long, short = 'l')]
    pub ids: bool,
}

/// How `brief list` and `brief search` print their briefings.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct ResultsArgs {
    /// Output format. text: date, title, country codes, aligned and cut to the
    /// terminal's width (into a pipe: never cut, no padding). tsv, csv, markdown: a header row, then the
    /// columns date, title, countries, actors, place, id, url. json: every field.
    /// An undated meeting: `inconnue` in text and markdown, empty in tsv and csv,
    /// null in json.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Text)]
    pub format: Format,
    /// Print JSON: the same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Text: also show each briefing's id (what `brief show` takes), after the date.
    #[arg(long, short = 'l')]
    pub ids: bool,
}

impl ResultsArgs {
    pub fn format(self) -> Format {
        if self.json { Format::Json } else { self.format }
    }
}

/// The formats of a result set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Columns for reading: date, title, country codes.
    #[default]
    Text,
    /// An array of objects with every field.
    Json,
    /// Tab-separated, header row first; tab, newline, carriage return and
    /// backslash in a value written as \t, \n, \r, \\.
    Tsv,
    /// RFC 4180 comma-separated, header row first; a value starting with
    /// = + - or @ gets a leading ' so a spreadsheet never runs it as a formula.
    Csv,
    /// A Markdown table.
    Markdown,
}
