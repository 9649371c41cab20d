//! The command line: one definition per flag drives parsing and `--help`.

pub mod check;
pub mod config;
pub mod draft;
pub mod edit;
pub mod export;
pub mod facets;
pub mod json;
pub mod list;
pub mod new;
pub mod output;
pub mod paths;
pub mod search;
pub mod show;
pub mod stats;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use brief_core::load::{LoadOptions, load_dir};
use brief_core::paths::Choice;
use brief_core::{Folder, Selection};

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
        #[arg(required = true, allow_hyphen_values = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most N hits (0: no limit).
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        dates: DateArgs,
        #[command(flatten)]
        output: ResultsArgs,
    },
    /// Count briefings by year, month, country, actor, topic or place, with a bar per row.
    #[command(after_help = stats::HELP)]
    Stats(StatsArgs),
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
    pub fn filters(&self) -> Result<Vec<(bool, brief_core::query::Filter)>, Failure> {
        use brief_core::query::{Filter, parse_date};
        let usage =
            |e: brief_core::query::QueryError| Failure::Usage(e.message(brief_core::Lang::En));
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
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = stats::ByArg::Year)]
    pub by: stats::ByArg,
    /// Only briefings concerning this country; repeat for any of several.
    #[arg(long = "country", value_name = "C")]
    pub countries: Vec<String>,
    /// Only briefings with this actor; repeat for any of several.
    #[arg(long = "actor", value_name = "A")]
    pub actors: Vec<String>,
    /// Only meetings in this year or range (2021, 2019..2021).
    #[arg(long, value_name = "Y")]
    pub year: Option<String>,
    #[command(flatten)]
    pub dates: DateArgs,
    /// Output format. text: a table with a bar per row fitted to the
    /// terminal (whole rows into a pipe); json, csv, tsv: the counts.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = stats::StatsFormat::Text)]
    pub format: stats::StatsFormat,
}

/// How `brief list` and `brief search` print their briefings.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct ResultsArgs {
    /// Output format. text: date, title, country codes, cut to the terminal's
    /// width (never cut into a pipe). tsv, csv, markdown: a header row, then the
    /// columns date, title, countries, actors, place, id. json: every field.
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

/// The query typed as several arguments, as one query text. A lone argument is
/// the query as written (`'pays:NE -acteur:OIM'`); among several, one holding
/// whitespace was quoted for the shell, so it becomes a phrase again.
pub fn join_query(args: &[String]) -> String {
    if let [one] = args {
        return one.clone();
    }
    args.iter()
        .map(|a| requote(a))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One argument of several, as query text: one holding whitespace (and no
/// quote of its own) is quoted again, as a phrase (`"trafic de migrants"`) or,
/// after a field, as the field's value (`lieu:"La Valette"`, `-pays:"Burkina Faso"`).
fn requote(arg: &str) -> String {
    if !arg.contains(char::is_whitespace) || arg.contains('"') {
        return arg.to_string();
    }
    match arg.split_once(':') {
        Some((field, value))
            if !field.is_empty()
                && field
                    .trim_start_matches('-')
                    .chars()
                    .all(char::is_alphabetic) =>
        {
            format!("{field}:\"{value}\"")
        }
        _ => format!("\"{arg}\""),
    }
}

/// Parses the command line. The words of `search` and `show` take every
/// argument after them, `-word` exclusions included; options typed among or
/// after them (`brief search frontex libye --limit 5`) are taken back out, and
/// the line is parsed again with the words after `--`, so the options get
/// clap's checks and errors.
pub fn parse() -> Cli {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = parse_or_exit(&argv);
    let words = match &cli.command {
        Some(Command::Search { query, .. }) => query,
        Some(Command::Show { id, .. }) => id,
        Some(Command::Stats(s)) if !s.query.is_empty() => &s.query,
        _ => return cli,
    };
    let Some(before) = argv.len().checked_sub(words.len()) else {
        return cli;
    };
    // The words are the last arguments; anything else is not ours to reorder.
    if argv[before..]
        .iter()
        .zip(words)
        .any(|(a, w)| a != w.as_str())
    {
        return cli;
    }
    let typed = words.len();
    let (options, words) = split_options(words);
    let head = &argv[..before];
    // An explicit `--` before the words means the user already said where they start.
    if (options.is_empty() && words.len() == typed) || head.last().is_some_and(|a| a == "--") {
        return cli;
    }
    let mut again: Vec<std::ffi::OsString> = head.to_vec();
    again.extend(options.iter().map(Into::into));
    again.push("--".into());
    again.extend(words.iter().map(Into::into));
    let cli = parse_or_exit(&again);
    // Clap takes an unknown option before `--` as a word: say it is unknown.
    let parsed = match &cli.command {
        Some(Command::Search { query, .. }) => query,
        Some(Command::Show { id, .. }) => id,
        Some(Command::Stats(s)) => &s.query,
        _ => return cli,
    };
    if let Some(unknown) = options.iter().find(|o| parsed.contains(o)) {
        use clap::CommandFactory as _;
        exit_on(Cli::command().error(
            clap::error::ErrorKind::UnknownArgument,
            format!("unexpected argument '{unknown}'"),
        ));
    }
    cli
}

fn parse_or_exit(argv: &[std::ffi::OsString]) -> Cli {
    use clap::Parser as _;
    Cli::try_parse_from(argv).unwrap_or_else(|e| exit_on(e))
}

/// Clap's errors quote what was typed: they go to stderr through `say`,
/// neutralised (as plain text). Help and version go to stdout as clap prints them.
fn exit_on(e: clap::Error) -> ! {
    if !e.use_stderr() {
        e.exit();
    }
    let text = e.to_string();
    say(text.trim_end());
    std::process::exit(e.exit_code());
}

/// Options that take the next argument as their value.
const VALUE_OPTIONS: [&str; 11] = [
    "--limit",
    "-n",
    "--format",
    "--dir",
    "--config",
    "--since",
    "--until",
    "--by",
    "--country",
    "--actor",
    "--year",
];

/// Splits words typed after `search` or `show` into options and query words.
/// An option is `--anything`, or `-n`, `-l`, `-h` alone, or `-n5`;
/// a value-taking option keeps the argument after it. `-word` stays a word:
/// it excludes that word from the search.
fn split_options(args: &[String]) -> (Vec<String>, Vec<String>) {
    let mut options = Vec::new();
    let mut words = Vec::new();
    let mut args = args.iter();
    while let Some(a) = args.next() {
        // `--`: only words from here on.
        if a == "--" {
            words.extend(args.by_ref().cloned());
            break;
        }
        let short = a.len() >= 2
            && a.starts_with('-')
            && !a.starts_with("--")
            && (matches!(&a[1..], "n" | "l" | "h")
                || (a.starts_with("-n") && a[2..].chars().all(|c| c.is_ascii_digit())));
        let long = a.len() > 2 && a.starts_with("--");
        if short || long {
            options.push(a.clone());
            if VALUE_OPTIONS.contains(&a.as_str())
                && let Some(value) = args.next()
            {
                options.push(value.clone());
            }
        } else {
            words.push(a.clone());
        }
    }
    (options, words)
}

/// `--limit N`: at most N; 0 means no limit.
pub fn apply_limit<T>(items: &mut Vec<T>, limit: Option<usize>) {
    if let Some(n) = limit.filter(|&n| n > 0) {
        items.truncate(n);
    }
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
pub fn load_corpus(choice: &Choice, opts: &LoadOptions) -> Result<Folder, Failure> {
    match choice.dir() {
        Some(dir) => {
            let bar = LoadBar::default();
            let corpus = load_dir(dir, opts, &|done, total| bar.show(done, total));
            bar.clear();
            Ok(corpus?)
        }
        None => Ok(brief_core::load_embedded()),
    }
}

/// Brings the article text's index up to date before a search that reads
/// it, with a progress bar on a terminal when many briefings need indexing
/// (the first search on a folder, or after many files changed).
pub fn index_text(corpus: &Folder) {
    if !corpus.text_index_outdated() {
        return;
    }
    let bar = LoadBar::labelled("indexing {pos}/{len} briefings {wide_bar} {eta}");
    corpus.index_text(&|done, total| bar.show(done, total));
    bar.clear();
    // An index that could not be written (a full disk): the search still
    // answers, from an index in memory, and says so.
    if let Ok(notices) = corpus.index.notices.lock() {
        for n in notices.iter() {
            say(format!("brief: warning: {n}"));
        }
    }
}

/// A progress bar on stderr while a large folder is read from its files:
/// only on a terminal (indicatif draws nothing elsewhere), and only from
/// [`LoadBar::FROM`] files, so a small folder or a cached one shows nothing.
struct LoadBar {
    bar: std::sync::OnceLock<Option<indicatif::ProgressBar>>,
    template: &'static str,
}

impl Default for LoadBar {
    fn default() -> LoadBar {
        LoadBar::labelled("reading {pos}/{len} files {wide_bar} {eta}")
    }
}

impl LoadBar {
    const FROM: usize = 2_000;

    fn labelled(template: &'static str) -> LoadBar {
        LoadBar {
            bar: std::sync::OnceLock::new(),
            template,
        }
    }

    fn show(&self, done: usize, total: usize) {
        let bar = self.bar.get_or_init(|| {
            // A cache hit reports everything done at once: nothing to show.
            (total >= Self::FROM
                && done < total
                && std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .then(|| {
                let bar = indicatif::ProgressBar::new(total as u64);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(self.template)
                        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                bar
            })
        });
        if let Some(bar) = bar {
            bar.set_position(done as u64);
        }
    }

    fn clear(&self) {
        if let Some(Some(bar)) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

/// Writes one line to stderr, neutralised. Every message brief writes there
/// (errors, warnings, notes) goes through here, so a path, an environment
/// variable or a value typed on the command line can never drive the terminal.
pub fn say(line: impl std::fmt::Display) {
    use std::io::Write as _;
    // A closed stderr is no reason to fail or panic.
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}",
        brief_core::text::Neutral(line)
    );
}

/// Caches a corpus just read from files, once the command's output is out.
pub fn store_cache(corpus: &Folder) {
    if let Err(e) = corpus.store_cache() {
        say(format_args!(
            "brief: note: could not write the cache ({e}); the next start reads every file again"
        ));
    }
}

/// `--country`/`--actor`/`--year` options to a selection, with clear errors.
pub fn selection(
    corpus: &Folder,
    countries: &[String],
    actors: &[String],
    year: Option<&str>,
) -> Result<Selection, Failure> {
    let usage = |e: brief_core::query::QueryError| Failure::Usage(e.message(brief_core::Lang::En));
    let mut sel = Selection::default();
    for c in countries {
        sel.countries
            .push(brief_core::query::parse_country(c).map_err(usage)?);
    }
    for a in actors {
        sel.actors
            .push(brief_core::query::parse_actor(a, &corpus.registry).map_err(usage)?);
    }
    if let Some(y) = year {
        sel.years = Some(brief_core::query::parse_years(y).map_err(usage)?);
    }
    Ok(sel)
}

/// Says on stderr that the folder holds no briefing, and where brief looked.
pub fn note_empty(corpus: &Folder) {
    if corpus.briefings.is_empty() {
        say(format_args!(
            "brief: no briefings in {}: brief reads the *.yaml and *.yml files there and in its sub-folders (see 'The briefing format' in the README)",
            brief_core::text::sanitize(&corpus.source.origin, false)
        ));
    }
}

/// Warns on stderr, once, when the corpus had loading errors, so a command's
/// output is not mistaken for the whole folder.
pub fn warn_problems(corpus: &Folder) {
    note_empty(corpus);
    let errors = corpus.count(brief_core::Severity::Error);
    if errors > 0 {
        say(format_args!(
            "brief: {errors} file problem(s) while loading {}; run 'brief check' for details",
            corpus.source.origin
        ));
    }
}

/// Says on stderr what is wrong with the config; brief goes on with the defaults.
pub fn warn_config(config: &brief_core::config::ConfigFile) {
    for p in &config.problems {
        say(format_args!(
            "brief: {}",
            brief_core::text::sanitize(&p.to_string(), false)
        ));
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
                say(format_args!(
                    "brief: {}",
                    brief_core::text::sanitize(&p.to_string(), false)
                ));
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

#[cfg(test)]
mod tests {
    use super::join_query;

    fn join(args: &[&str]) -> String {
        join_query(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn several_arguments_join_into_one_query_with_phrases_quoted_again() {
        assert_eq!(join(&["pays:NE -acteur:OIM"]), "pays:NE -acteur:OIM");
        assert_eq!(join(&["frontex", "libye"]), "frontex libye");
        assert_eq!(
            join(&["trafic de migrants", "libye"]),
            "\"trafic de migrants\" libye"
        );
        assert_eq!(
            join(&["lieu:La Valette", "euromed"]),
            "lieu:\"La Valette\" euromed"
        );
        assert_eq!(
            join(&["-pays:Burkina Faso", "x"]),
            "-pays:\"Burkina Faso\" x"
        );
        assert_eq!(join(&["\"a b\" c", "d"]), "\"a b\" c d");
    }
}
