//! The `brief` binary: the CLI, or the terminal browser when no subcommand is given.

mod cli;

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use brief_core::io::paths;
use cli::args::{Cli, Command};
use cli::output::{Out, color_wanted};
use cli::{Failure, Outcome};

/// Loading decodes on every core: glibc's per-thread arenas grow a page at a
/// time (thousands of `mprotect` calls) and free slowly; mimalloc does
/// neither. Without transparent huge pages (`no_thp`), memory is taken and
/// given back 4 KiB at a time, not 2 MiB: a browser holds 25 MB less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A panic brief catches where it happens (tantivy reading a damaged
    // index) is reported by the code that caught it, in its own words.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !brief_core::io::contain::is_contained() {
            previous(info);
        }
    }));
    let args = cli::parse();
    match run(args) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        // `brief list | head -1`: the reader went away, which is not an error.
        Err(Failure::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e @ Failure::Nothing(_)) => {
            cli::say(format_args!("brief: {e}"));
            ExitCode::from(Outcome::Nothing.code())
        }
        Err(e) => {
            cli::say(format_args!("brief: {e}"));
            ExitCode::from(Outcome::Failed.code())
        }
    }
}

fn run(args: Cli) -> Result<Outcome, Failure> {
    let stdout = std::io::stdout();
    let mut out = Out::new(BufWriter::new(stdout.lock()), color_wanted());
    // Aligned columns for a terminal; into a pipe, rows without padding.
    out.aligned = std::io::IsTerminal::is_terminal(&stdout);
    let dir = args.dir.as_deref();
    let config = brief_core::config::load(
        brief_core::config::path(args.config.as_deref()).as_deref(),
        args.config.is_some(),
    );
    let opts = brief_core::load::LoadOptions {
        registries: config.config.registries,
        max_files: config.config.max_files,
        // `brief check` reads the whole cache against its checksums.
        verify_cache: matches!(args.command, Some(Command::Check { .. })),
        ..cli::load_options(args.no_cache)
    };
    out.lang = config.config.language();
    let configured = config.config.briefings.as_deref();
    // A shared archive is named by its canonical path, whoever reads it.
    let choose = |flag: Option<&std::path::Path>| {
        let choice = paths::choose(flag, configured);
        match choice.dir().map(|d| d.join(paths::SHARED_DIR).is_dir()) {
            Some(true) => choice.canonical(),
            _ => choice,
        }
    };
    let quiet = matches!(
        args.command,
        None | Some(Command::Config { .. } | Command::Completions { .. } | Command::Man)
    );
    if !quiet {
        cli::warn_config(&config);
    }
    let load = |choice: &paths::Choice| {
        let opts = cli::share::load_options(choice.dir(), args.no_cache, &opts);
        cli::load_corpus(choice, &opts)
    };
    let mut loaded: Option<brief_core::Folder> = None;
    let outcome = match args.command {
        None => {
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                return Err(Failure::Usage(
                    "the browser needs a terminal; for scripts use 'brief list', 'brief search QUERY' or 'brief show ID'".into(),
                ));
            }
            drop(out);
            let choice = choose(args.browse.path.as_deref().or(dir));
            let setup = brief::tui::Setup {
                load: cli::share::load_options(choice.dir(), args.no_cache, &opts),
                state_file: brief_core::remembered::path(),
                fresh: args.browse.fresh,
                config,
            };
            return brief_tui(choice, args.browse, setup);
        }
        Some(Command::Check {
            path,
            verbose,
            quiet,
        }) => {
            let choice = choose(path.as_deref().or(dir));
            let corpus = &*loaded.insert(load(&choice)?);
            cli::note_empty(corpus);
            let index = cli::share::index_state(corpus, args.no_cache, &opts);
            let report = cli::check::Report {
                verbose,
                quiet,
                index,
            };
            cli::check::run(&mut out, corpus, report)?
        }
        Some(Command::List(list)) => {
            let choice = choose(dir);
            let corpus = &*loaded.insert(load(&choice)?);
            cli::warn_problems(corpus);
            let f = &list.filters;
            let mut sel = cli::selection(corpus, &f.countries, &f.actors, list.year.as_deref())?;
            use brief_core::model::Only;
            let only = match (list.bookmarked, list.unread) {
                (true, _) => Some(Only::Bookmarked),
                (_, true) => Some(Only::Unread),
                _ => None,
            };
            sel.ids = cli::ids_filter(
                corpus,
                f.ids_from.as_deref(),
                cli::marks_filter(&choice, only),
            )?;
            let query = brief_core::Query {
                filters: list.dates.filters()?,
                ..Default::default()
            };
            cli::list::run(&mut out, corpus, &query, &sel, list.limit, list.output)?
        }
        Some(Command::Search {
            query,
            saved,
            new,
            ids_from,
            limit,
            dates,
            output,
        }) => {
            let choice = choose(dir);
            let corpus = &*loaded.insert(load(&choice)?);
            cli::warn_problems(corpus);
            let query = cli::join_query(&query);
            let filters = dates.filters()?;
            let ids = cli::ids_filter(corpus, ids_from.as_deref(), None)?;
            match saved {
                Some(name) => {
                    let run = cli::saved::RunSaved {
                        name: &name,
                        words: &query,
                        new,
                        ids,
                        filters,
                        limit,
                        output,
                    };
                    cli::saved::search(&mut out, corpus, &choice, run)?
                }
                None => cli::search::run(&mut out, corpus, &query, &filters, ids, limit, output)?,
            }
        }
        Some(Command::Stats(args)) => {
            let corpus = &*loaded.insert(load(&choose(dir))?);
            cli::warn_problems(corpus);
            let f = &args.filters;
            let mut sel = cli::selection(corpus, &f.countries, &f.actors, args.year.as_deref())?;
            sel.ids = cli::ids_filter(corpus, f.ids_from.as_deref(), None)?;
            let text = cli::join_query(&args.query);
            match cli::search::read(corpus, &text)? {
                Some(mut query) => {
                    query.filters.extend(args.dates.filters()?);
                    cli::stats::run(&mut out, corpus, &query, &sel, args.by.into(), args.format)?
                }
                None => Outcome::Nothing,
            }
        }
        Some(Command::Saved(saved)) => {
            let choice = choose(dir);
            let (outcome, corpus) = cli::saved::run(&mut out, &choice, saved, || load(&choice))?;
            loaded = corpus;
            outcome
        }
        Some(Command::Share { path }) => {
            let choice = choose(path.as_deref().or(dir));
            let Some(folder) = choice.dir() else {
                return Err(Failure::Usage(
                    "the built-in briefings cannot be shared: name a folder".into(),
                ));
            };
            cli::share::run(&mut out, folder)?
        }
        Some(Command::Sync) => {
            let choice = choose(dir);
            let Some(folder) = choice.dir() else {
                return Err(Failure::Usage(
                    "the built-in briefings are not in git: name a folder (--dir DIR)".into(),
                ));
            };
            cli::sync::sync(&mut out, folder)?
        }
        Some(Command::Log { id, json }) => {
            let choice = choose(dir);
            let corpus = &*loaded.insert(load(&choice)?);
            let Some(folder) = choice.dir() else {
                return Err(Failure::Usage(
                    "the built-in briefings have no history: name a folder (--dir DIR)".into(),
                ));
            };
            cli::sync::log(&mut out, corpus, folder, &id, json)?
        }
        Some(Command::Report(report)) => {
            let choice = choose(dir);
            let corpus = &*loaded.insert(load(&choice)?);
            cli::warn_problems(corpus);
            let author = config.config.author.clone();
            cli::report::run(&mut out, corpus, &choice, report, author)?
        }
        Some(Command::Dossier(args)) => {
            let corpus = &*loaded.insert(load(&choose(dir))?);
            cli::warn_problems(corpus);
            let name = args.name.join(" ");
            cli::dossier::run(&mut out, corpus, &name, args.format, args.limit, args.ids)?
        }
        Some(Command::Show { id, json, markdown }) => {
            let corpus = &*loaded.insert(load(&choose(dir))?);
            if markdown {
                cli::show::markdown(&mut out, corpus, &id)?
            } else {
                cli::show::run(&mut out, corpus, &id, json)?
            }
        }
        Some(Command::Actors { unregistered, json }) => {
            let corpus = &*loaded.insert(load(&choose(dir))?);
            cli::note_empty(corpus);
            cli::facets::actors(&mut out, corpus, unregistered, json)?
        }
        Some(Command::Topics { unregistered, json }) => {
            let corpus = &*loaded.insert(load(&choose(dir))?);
            cli::note_empty(corpus);
            cli::facets::topics(&mut out, corpus, unregistered, json)?
        }
        Some(Command::Countries { json }) => {
            let corpus = &*loaded.insert(load(&choose(dir))?);
            cli::note_empty(corpus);
            cli::facets::countries(&mut out, corpus, json)?
        }
        Some(Command::Paths) => {
            cli::paths::run(&mut out, &choose(dir), &config)?;
            Outcome::Found
        }
        Some(Command::Completions { shell }) => {
            // Into a buffer first: the generator panics on a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "brief", &mut script);
            out.w.write_all(&script)?;
            Outcome::Found
        }
        Some(Command::Config { default }) => cli::config::run(&mut out, &config, default)?,
        Some(Command::Write(w)) => {
            let commit = config.config.git == brief_core::config::Git::Commit;
            cli::new::dispatch(&mut out, &choose(dir), w, commit)?
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(&mut out.w)?;
            Outcome::Found
        }
    };
    out.w.flush()?;
    drop(out);
    if let Some(corpus) = loaded {
        cli::store_cache(&corpus);
        // Freeing a large corpus piece by piece is wasted work at exit.
        std::mem::forget(corpus);
    }
    Ok(outcome)
}

fn brief_tui(
    choice: paths::Choice,
    args: cli::args::BrowseArgs,
    setup: brief::tui::Setup,
) -> Result<Outcome, Failure> {
    use brief::tui::launch::Launch;
    use brief::tui::{Exit, Source, run};
    let source = match choice.dir() {
        Some(dir) if dir.is_dir() => Source::Dir(dir.to_path_buf()),
        Some(dir) if !dir.exists() => {
            return Err(Failure::Load(brief_core::load::LoadError::Missing(
                dir.to_path_buf(),
            )));
        }
        Some(dir) => {
            return Err(Failure::Load(brief_core::load::LoadError::NotADir(
                dir.to_path_buf(),
            )));
        }
        None => Source::Embedded,
    };
    let launch = Launch {
        query: args.query,
        countries: args.countries,
        actors: args.actors,
        open: args.open,
        ..Launch::default()
    };
    match run(source, launch, setup)? {
        Exit::Quit => Ok(Outcome::Found),
        Exit::Signal(sig) => std::process::exit(128 + sig),
    }
}
