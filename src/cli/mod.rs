//! The command line: its definition (`args.rs`), one file per subcommand,
//! and what they share: loading, outcomes, warnings.

pub mod args;
pub mod check;
pub mod config;
pub mod dossier;
pub mod draft;
pub mod edit;
pub mod export;
pub mod facets;
pub mod ids_from;
pub mod json;
pub mod list;
pub mod new;
pub mod output;
pub mod paths;
pub mod report;
pub mod saved;
pub mod search;
pub mod share;
pub mod show;
pub mod stats;
pub mod sync;

use brief_core::io::paths::Choice;
use brief_core::load::{LoadOptions, load_dir};
use brief_core::{Folder, Selection};

use args::{Cli, Command};

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
    /// Nothing can match (an unknown actor): said on stderr, exit 1.
    #[error("{0}")]
    Nothing(String),
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
        Some(Command::Report(r)) if !r.query.is_empty() => &r.query,
        Some(Command::Saved(saved::SavedArgs {
            command: Some(saved::SavedCommand::Add { query, .. }),
            ..
        })) if !query.is_empty() => query,
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
        Some(Command::Report(r)) => &r.query,
        Some(Command::Saved(saved::SavedArgs {
            command: Some(saved::SavedCommand::Add { query, .. }),
            ..
        })) => query,
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
const VALUE_OPTIONS: [&str; 16] = [
    "--ids-from",
    "--saved",
    "--output",
    "-o",
    "--title",
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
            && (matches!(&a[1..], "n" | "l" | "h" | "o")
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
            brief_core::io::paths::cache_dir()
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
        None => Ok(brief::demo::load_embedded()),
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
    index_notices(corpus);
}

/// Says, once each, what the text index met: one that could not be written
/// (a full disk, a read-only cache: the search still answers, from an index
/// in memory), one found damaged and set aside.
pub fn index_notices(corpus: &Folder) {
    static SAID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if let Ok(notices) = corpus.index.notices.lock() {
        let from = SAID.swap(notices.len(), std::sync::atomic::Ordering::Relaxed);
        for n in notices.iter().skip(from) {
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
        // As `acteur:` in a query: every actor the value names, and an
        // unknown one is an answer (nothing found), not a usage error.
        match brief_core::query::actors_named(a, &corpus.registry) {
            Ok(ids) => {
                for id in ids {
                    if !sel.actors.contains(&id) {
                        sel.actors.push(id);
                    }
                }
            }
            Err(e) if e.is_unknown_value() => {
                return Err(Failure::Nothing(format!(
                    "no briefing matches: {}",
                    e.message(brief_core::Lang::En)
                )));
            }
            Err(e) => return Err(usage(e)),
        }
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
    only: Option<brief_core::model::Only>,
) -> Option<brief_core::model::IdFilter> {
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

/// `1 briefing`, `1,234 briefings`: a count in the CLI's messages.
pub fn briefings(n: usize) -> String {
    match n {
        1 => "1 briefing".into(),
        n => format!("{} briefings", brief_core::Lang::En.number(n)),
    }
}

/// `--ids-from FILE` read, and kept within `marks` (`--bookmarked`,
/// `--unread`) when both are given.
pub fn ids_filter(
    corpus: &Folder,
    from: Option<&std::path::Path>,
    marks: Option<brief_core::model::IdFilter>,
) -> Result<Option<brief_core::model::IdFilter>, Failure> {
    use brief_core::model::IdFilter;
    let Some(from) = from else {
        return Ok(marks);
    };
    let named = ids_from::read(corpus, from)?;
    let kept = match &marks {
        None => named,
        Some(m) => std::sync::Arc::new(named.iter().filter(|id| m.keeps(id)).cloned().collect()),
    };
    Ok(Some(IdFilter::Only(kept)))
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
