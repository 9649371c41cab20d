//! The terminal browser: terminal lifecycle and the event loop.
//!
//! The loop blocks on one channel fed by the input thread, the loader, the
//! search worker (`brief_core::searcher`), the watch and reload threads, the
//! git history worker (`git_history`) and the signal thread. Each event becomes a message (keys through the keymap
//! into an action), `state::update` changes the state and returns effects,
//! the loop carries them out, and once the queued events are taken it draws
//! once: an idle browser uses no CPU.

pub mod body;
pub mod clipboard;
mod editor;
mod event;
mod fault;
mod git_history;
pub mod launch;
mod memory;
mod reload;
pub mod report;
pub mod saved;
pub mod state;
pub mod view;
mod watch;

/// Lowers the calling thread's priority, and so that of the threads it
/// starts (Linux keeps a nice value per thread): work that may wait, like
/// setting up the folder's watch (a visit of every folder, and with
/// `notify`, a stat of every file) or the start-up check, then leaves the
/// cores to the first screen and to typing. Without it, at a million
/// briefings, the first results came a second later.
fn lower_priority() {
    // Only a slower first screen is lost if it cannot be lowered.
    let _ = rustix::process::setpriority_process(None, 10);
}

use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event as TermEvent, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;

use crate::keys::keymap::Keymap;
use brief_core::config::ConfigFile;
use brief_core::load::{LoadOptions, load_dir};
use brief_core::searcher::Searcher;
use event::Event;
use launch::Launch;
use memory::{Memory, end, spawn_saver};
use state::{Effect, Msg, Settings, State, update};

/// How the browser is set up: how to load, the user's config, and where the
/// remembered state lives.
#[derive(Debug, Default)]
pub struct Setup {
    pub load: LoadOptions,
    pub config: ConfigFile,
    /// The state file; `None` remembers nothing.
    pub state_file: Option<std::path::PathBuf>,
    /// Start clean rather than where the last session was left.
    pub fresh: bool,
}

/// Where the briefings come from.
#[derive(Debug, Clone)]
pub enum Source {
    Dir(std::path::PathBuf),
    Embedded,
}

/// How the browser ended.
pub enum Exit {
    Quit,
    Signal(i32),
}

/// Leaves the terminal as it was found: main screen, cursor shown, raw mode off.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

fn enter_terminal() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, cursor::Hide)
}

/// Restores the terminal however `run` ends, errors included.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Runs a worker's `f` on a thread of its own; a failure (a panic: a bug)
/// never takes the screen, it is said in the status line and the browser
/// goes on.
fn spawn_worker(tx: Sender<Event>, f: impl FnOnce() + Send + 'static) {
    thread::spawn(move || {
        if let Err(said) = brief_core::io::contain::contain(f) {
            let _ = tx.send(Event::App(Msg::WorkerFailed(said)));
        }
    });
}

fn spawn_loader(source: Source, opts: LoadOptions, tx: Sender<Event>) {
    let failed = tx.clone();
    thread::spawn(move || {
        // A failure while loading leaves nothing to show: said as the load's.
        if let Err(said) = brief_core::io::contain::contain(move || load(source, opts, tx)) {
            let _ = failed.send(Event::App(Msg::LoadFailed(
                brief_core::text::sanitize(&said, false).into_owned(),
            )));
        }
    });
}

fn load(source: Source, opts: LoadOptions, tx: Sender<Event>) {
    {
        let msg = match source {
            Source::Embedded => Msg::Loaded(Arc::new(crate::demo::load_embedded())),
            Source::Dir(dir) => {
                let progress_tx = tx.clone();
                let progress = move |done: usize, total: usize| {
                    // A message per 1% is plenty for a progress count.
                    if done == total || done.is_multiple_of((total / 100).max(1)) {
                        let _ = progress_tx.send(Event::App(Msg::Progress(done, total)));
                    }
                };
                let progress_tx = std::sync::Mutex::new(progress);
                // The cache is shown at once, and compared with the files
                // beside the first query: the reload thread stats them all
                // once the corpus is loaded, and reads again what changed.
                let first = LoadOptions {
                    check_cache_after: true,
                    ..opts
                };
                match load_dir(&dir, &first, &|d, t| {
                    if let Ok(f) = progress_tx.lock() {
                        f(d, t);
                    }
                }) {
                    Ok(c) => {
                        let corpus = Arc::new(c);
                        let _ = tx.send(Event::App(Msg::Loaded(corpus.clone())));
                        // After the list is on screen: the next start reads this
                        // instead of every file. A failure only costs that.
                        let _ = corpus.store_cache();
                        return;
                    }
                    // The error quotes the folder's name: neutralised like any data.
                    Err(e) => Msg::LoadFailed(
                        brief_core::text::sanitize(&e.to_string(), false).into_owned(),
                    ),
                }
            }
        };
        let _ = tx.send(Event::App(msg));
    }
}

fn spawn_input(tx: Sender<Event>, gate: Arc<editor::InputGate>) {
    thread::spawn(move || {
        loop {
            // Parked while `e` has handed the terminal to the editor.
            gate.pass();
            let Ok(ev) = ratatui::crossterm::event::read() else {
                break;
            };
            if tx.send(Event::Term(ev)).is_err() {
                break;
            }
        }
    });
}

/// `e`: the terminal to `brief edit ID` and back, as around Ctrl-Z.
fn hand_to_editor(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    gate: &editor::InputGate,
    dir: &std::path::Path,
    id: &str,
    mouse: bool,
    text: &brief_core::lang::Text,
) -> std::io::Result<String> {
    if !gate.pause() {
        gate.resume();
        return Ok(text.edit_no_terminal.into());
    }
    restore_terminal();
    let said = editor::edit(dir, id, text);
    enter_terminal()?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    gate.resume();
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    Ok(said)
}

fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(Event::Signal(sig));
        }
    });
    Ok(())
}

/// Over a slow link `Esc` then a letter can arrive in one read and be parsed
/// as Alt+letter; brief binds no Alt keys, so it is taken as the two keys typed.
fn split_alt(ev: Event) -> Vec<Event> {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    match ev {
        Event::Term(TermEvent::Key(k))
            if k.modifiers.contains(KeyModifiers::ALT) && matches!(k.code, KeyCode::Char(_)) =>
        {
            let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
            let plain = KeyEvent::new(k.code, k.modifiers - KeyModifiers::ALT);
            vec![
                Event::Term(TermEvent::Key(esc)),
                Event::Term(TermEvent::Key(plain)),
            ]
        }
        other => vec![other],
    }
}

/// Stops the process like a shell's Ctrl-Z would, then takes the terminal back.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>, mouse: bool) -> std::io::Result<()> {
    restore_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter_terminal()?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    // `clear()` would ask the terminal for the cursor position, a read that
    // cannot get past the input thread; a resize to the current size clears
    // the screen and forces a full redraw without asking.
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

pub fn run(source: Source, launch: Launch, setup: Setup) -> std::io::Result<Exit> {
    let Setup {
        load: opts,
        config,
        state_file,
        fresh,
    } = setup;
    let previous = std::panic::take_hook();
    let main = thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        // A worker's failure is caught on its thread and said in the status
        // line: the screen stays the browser's, and nothing is printed over it.
        if brief_core::io::contain::is_contained() || thread::current().id() != main {
            return;
        }
        restore_terminal();
        previous(info);
    }));
    let (tx, rx) = channel::<Event>();
    spawn_signals(tx.clone())?;
    // Before raw mode: the handler restores the settings it finds now.
    fault::install();
    enter_terminal()?;
    let _guard = Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    let size = terminal.size()?;
    let origin = match &source {
        Source::Dir(d) => d.display().to_string(),
        Source::Embedded => config.config.language().text().built_in_corpus.to_string(),
    };
    let author = config.config.author.clone();
    let mut state = State::new(Settings {
        // Whether the folder is in git is found on the first briefing opened.
        git_history: matches!(source, Source::Dir(_)),
        ..settings(
            origin,
            launch,
            Rect::new(0, 0, size.width, size.height),
            config,
        )
    });
    let mux = clipboard::Multiplexer::detect();
    // Said once a session: how a copy reaches the clipboard under tmux.
    let mut tmux_noted = false;
    let edit_dir = match &source {
        Source::Dir(d) => Some(d.clone()),
        Source::Embedded => None,
    };
    let memory = state_file.map(|file| Memory {
        file,
        key: brief_core::remembered::folder_key(match &source {
            Source::Dir(d) => Some(d.as_path()),
            Source::Embedded => None,
        }),
    });
    let lister = saved::Lister {
        file: memory.as_ref().map(|m| m.file.clone()),
        key: memory.as_ref().map_or_else(
            || brief_core::remembered::folder_key(None),
            |m| m.key.clone(),
        ),
        latest: Arc::default(),
    };
    if state.mouse() {
        execute!(stdout(), EnableMouseCapture)?;
    }
    terminal.draw(|f| view::render(f, &state))?;
    // After the first frame: a state file with many read marks takes a moment,
    // and nothing shows them before the folder is loaded anyway.
    if let Some(m) = &memory {
        update(&mut state, Msg::Remembered(Box::new(m.load(fresh))));
    }
    let lang = state.lang();
    let saver = memory.clone().map(|m| spawn_saver(m, tx.clone(), lang));
    let (change_tx, saver_thread) = match saver {
        Some((t, h)) => (Some(t), Some(h)),
        None => (None, None),
    };

    let gate = Arc::new(editor::InputGate::default());
    spawn_input(tx.clone(), gate.clone());
    // Watching is set up once the first results are on screen (listing
    // every folder, a million entries at a million briefings, took cores
    // from the first search); changes made meanwhile are caught by one
    // stat pass once the folder is loaded and watched (see `watch` and
    // `reload`).
    // Taken when the watch starts.
    let mut to_watch = match &source {
        Source::Dir(dir) => Some(dir.clone()),
        Source::Embedded => None,
    };
    let reloader = to_watch
        .as_ref()
        .map(|_| reload::Reloader::spawn(tx.clone()));
    // Idle until the reader opens a briefing: git is never run while the
    // list is built.
    let historian = match &source {
        Source::Dir(dir) => Some(git_history::Historian::spawn(dir.clone(), tx.clone())),
        Source::Embedded => None,
    };
    spawn_loader(source, opts, tx.clone());
    let mut searcher: Option<Searcher> = None;
    // Set when a signal ends the session, for the exit status.
    let mut signal = None;

    loop {
        // Block until something happens, then take everything already queued
        // so a burst of keys costs one redraw.
        let mut batch = vec![rx.recv().map_err(std::io::Error::other)?];
        while let Ok(ev) = rx.try_recv() {
            batch.push(ev);
        }
        let mut redraw = false;
        for ev in batch.into_iter().flat_map(split_alt) {
            let Some(msg) = message(&state, ev) else {
                continue;
            };
            if let Msg::Signal(sig) = msg {
                signal = Some(sig);
            }
            // A new corpus gets its own search worker; the old one ends with it.
            if let (Msg::WatchSettled, Some(r)) = (&msg, &reloader) {
                r.watch_settled();
            }
            if matches!(msg, Msg::Results(_))
                && let Some(dir) = to_watch.take()
            {
                watch::spawn(dir, tx.clone(), state.lang());
            }
            let corpus = match &msg {
                Msg::Loaded(corpus) => {
                    if let Some(r) = &reloader {
                        r.loaded(corpus.clone());
                    }
                    Some(corpus.clone())
                }
                Msg::Reloaded(r) => Some(r.corpus.clone()),
                _ => None,
            };
            if let Some(corpus) = corpus {
                let results = tx.clone();
                searcher = Some(Searcher::new(corpus, move |r| {
                    results.send(Event::App(Msg::Results(Box::new(r)))).is_ok()
                }));
            }
            let up = update(&mut state, msg);
            redraw |= up.redraw;
            for effect in up.effects {
                match effect {
                    Effect::Quit => {
                        let exit = signal.map_or(Exit::Quit, Exit::Signal);
                        return Ok(end(&state, memory.as_ref(), change_tx, saver_thread, exit));
                    }
                    Effect::Remember(change) => {
                        if let Some(t) = &change_tx {
                            let _ = t.send(change);
                        }
                    }
                    Effect::Search(req) => {
                        if let Some(s) = &searcher {
                            s.find(req);
                        }
                    }
                    Effect::Reload(touched) => {
                        if let Some(r) = &reloader {
                            r.reload(touched);
                        }
                    }
                    Effect::Suspend => {
                        suspend(&mut terminal, state.mouse())?;
                        redraw = true;
                    }
                    Effect::ReadBody { read, doc } => {
                        if let Some(corpus) = state.corpus() {
                            body::spawn(corpus.clone(), read, doc, tx.clone());
                        }
                    }
                    Effect::History { ask, path } => {
                        if let Some(h) = &historian {
                            h.ask(ask, path);
                        }
                    }
                    Effect::Copy { text } => {
                        clipboard::send(terminal.backend_mut(), &text, mux)?;
                        // Under tmux the sequences may be dropped (its default
                        // `set-clipboard external`): its own buffer is reachable.
                        if mux == clipboard::Multiplexer::Tmux {
                            let t = state.text();
                            let note = if clipboard::tmux_buffer(&text) {
                                t.copied_tmux_buffer
                            } else {
                                t.copied_tmux_hint
                            };
                            if !tmux_noted {
                                tmux_noted = true;
                                // The note first: the message may not fit.
                                let said = match state.message() {
                                    Some(m) => format!("{note} · {m}"),
                                    None => note.to_string(),
                                };
                                update(&mut state, Msg::Notice(said));
                                redraw = true;
                            }
                        }
                    }
                    Effect::ListSaved { ask, own } => {
                        if let Some(corpus) = state.corpus() {
                            lister.spawn(corpus.clone(), ask, own, tx.clone());
                        }
                    }
                    Effect::Report { docs, query, to } => {
                        let Some(corpus) = state.corpus().cloned() else {
                            continue;
                        };
                        let lang = state.lang();
                        let author = author.clone();
                        let n = (lang.report().count)(docs.len());
                        match to {
                            state::ReportTo::Clipboard => {
                                let text = report::markdown(&corpus, &docs, query, author, lang);
                                clipboard::send(terminal.backend_mut(), &text, mux)?;
                                if mux == clipboard::Multiplexer::Tmux {
                                    clipboard::tmux_buffer(&text);
                                }
                                let said = (lang.picks().copied)(&n, &lang.number(text.len()));
                                update(&mut state, Msg::Notice(said));
                                redraw = true;
                            }
                            state::ReportTo::File => {
                                let tx = tx.clone();
                                thread::spawn(move || {
                                    let text =
                                        report::markdown(&corpus, &docs, query, author, lang);
                                    let p = lang.picks();
                                    let said = match std::env::current_dir().and_then(|dir| {
                                        report::write_new(&dir, report::today(), &text)
                                    }) {
                                        Ok(path) => {
                                            (p.report_written)(&n, &path.display().to_string())
                                        }
                                        Err(e) => (p.report_failed)(&e.to_string()),
                                    };
                                    let _ = tx.send(Event::App(Msg::Notice(said)));
                                });
                            }
                        }
                    }
                    Effect::Edit { id } => {
                        let said = match &edit_dir {
                            Some(dir) => hand_to_editor(
                                &mut terminal,
                                &gate,
                                dir,
                                &id,
                                state.mouse(),
                                state.text(),
                            )?,
                            None => state.text().edit_built_in.to_string(),
                        };
                        update(&mut state, Msg::Notice(said));
                        redraw = true;
                    }
                }
            }
        }
        if redraw {
            terminal.draw(|f| view::render(f, &state))?;
        }
    }
}

/// What an event means to `update`: keys go through the keymap in force,
/// the mouse only when it is on.
fn message(state: &State, ev: Event) -> Option<Msg> {
    match ev {
        Event::Signal(sig) => Some(Msg::Signal(sig)),
        Event::Term(TermEvent::Key(key)) => state
            .keymap()
            .dispatch(&state.scopes(), &key)
            .map(Msg::Action),
        Event::Term(TermEvent::Mouse(m)) if state.mouse() => match m.kind {
            MouseEventKind::Down(_) => Some(Msg::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Msg::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Term(TermEvent::Resize(w, h)) => Some(Msg::Resize(w, h)),
        Event::Term(_) => None,
        Event::App(m) => Some(m),
    }
}

/// The browser's settings from the terminal (NO_COLOR, TERM) and the config;
/// the config's problems, key overrides' included, go with them.
fn settings(origin: String, launch: Launch, size: Rect, config: ConfigFile) -> Settings {
    let ConfigFile {
        path,
        config,
        mut problems,
        ..
    } = config;
    let (keymap, key_problems) = match &path {
        Some(p) => Keymap::with_overrides(&config.keys, p),
        None => (Keymap::default(), Vec::new()),
    };
    problems.extend(key_problems);
    let term = std::env::var("TERM").ok();
    Settings {
        origin,
        launch,
        size,
        keymap: Arc::new(keymap),
        theme: config.theme,
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        plain_glyphs: term.as_deref() == Some("linux"),
        links: view::hyperlink::supported(term.as_deref()) && config.links,
        reader_width: config.reader_width,
        mouse: config.mouse,
        sort: config.sort,
        lang: config.language(),
        problems,
        git_history: false,
    }
}
