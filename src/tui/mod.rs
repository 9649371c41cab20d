//! The terminal browser: terminal lifecycle and the event loop.
//!
//! The loop blocks on one channel fed by the input thread, the loader, the
//! search worker and the signal thread; it redraws only after a change, so an
//! idle browser uses no CPU.

pub mod action;
pub mod clipboard;
mod copy;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod view;
mod watch;

use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event as TermEvent, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;

use brief_core::Corpus;
use brief_core::config::ConfigFile;
use brief_core::load::{LoadOptions, load_dir};
use brief_core::query::Query;
use brief_core::remembered::{Folder, Remembered};
use brief_core::search::{Stop, faceted_until, sort_hits};
use keymap::Keymap;
use state::{Effect, Launch, Msg, Results, SearchRequest, Snapshot, State, update};

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

enum Event {
    Term(TermEvent),
    App(Msg),
    Signal(i32),
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

/// What the search worker answers to one request: the same core search the
/// CLI uses, with facet counts; a malformed query comes back as an error.
pub fn answer(corpus: &Corpus, req: &SearchRequest) -> Results {
    answer_until(corpus, req, &|| false).unwrap_or_default()
}

/// `answer`, abandoned (`None`) once `stop` says a newer request came.
fn answer_until(corpus: &Corpus, req: &SearchRequest, stop: &Stop<'_>) -> Option<Results> {
    Some(match Query::parse(&req.text, &corpus.registry) {
        Err(e) => Results {
            generation: req.generation,
            error: Some(e.0),
            ..Results::default()
        },
        Ok(q) => {
            let (mut hits, facets) = faceted_until(corpus, &q, &req.selection, stop)?;
            sort_hits(&mut hits, req.sort);
            Results {
                generation: req.generation,
                hits,
                facets,
                highlight: q.highlight_words(),
                query: q,
                error: None,
            }
        }
    })
}

/// Runs the search off the input path. Only the newest request is worked on,
/// and work on a request stops as soon as a newer one is sent (`latest`).
fn spawn_worker(
    corpus: Arc<Corpus>,
    requests: Receiver<SearchRequest>,
    latest: Arc<AtomicU64>,
    tx: Sender<Event>,
) {
    thread::spawn(move || {
        let mut warmed = false;
        while let Ok(mut req) = requests.recv() {
            while let Ok(newer) = requests.try_recv() {
                req = newer;
            }
            let generation = req.generation;
            let stop = || latest.load(Ordering::Relaxed) != generation;
            let Some(results) = answer_until(&corpus, &req, &stop) else {
                continue;
            };
            if tx.send(Event::App(Msg::Results(results))).is_err() {
                break;
            }
            if !warmed {
                // Once the first list is on screen (not before: it would wait
                // for the cores), the word index is built in the background
                // rather than on the first word typed; a search that needs it
                // meanwhile waits for it.
                warmed = true;
                let warm = corpus.clone();
                thread::spawn(move || warm.prepare_search());
            }
        }
    });
}

fn spawn_loader(source: Source, opts: LoadOptions, tx: Sender<Event>) {
    thread::spawn(move || {
        let msg = match source {
            Source::Embedded => Msg::Loaded(Arc::new(brief_core::load_embedded())),
            Source::Dir(dir) => {
                let progress_tx = tx.clone();
                let progress = move |done: usize, total: usize| {
                    // A message per 1% is plenty for a progress count.
                    if done == total || done.is_multiple_of((total / 100).max(1)) {
                        let _ = progress_tx.send(Event::App(Msg::Progress(done, total)));
                    }
                };
                let progress_tx = std::sync::Mutex::new(progress);
                match load_dir(&dir, &opts, &|d, t| {
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
                    Err(e) => Msg::LoadFailed(e.to_string()),
                }
            }
        };
        let _ = tx.send(Event::App(msg));
    });
}

/// Where the remembered state is written, and for which folder.
#[derive(Clone)]
struct Memory {
    file: std::path::PathBuf,
    key: String,
}

impl Memory {
    fn save(&self, snap: Snapshot) -> std::io::Result<()> {
        let folder = Folder {
            read: snap.read.iter().cloned().collect(),
            bookmarks: snap.bookmarks.iter().cloned().collect(),
            last: snap.last,
        };
        brief_core::remembered::save_folder(&self.file, &self.key, folder, snap.history)
    }
}

/// Writes remembered state off the input path, newest snapshot first; a
/// failure is reported back once rather than stopping anything.
fn spawn_saver(memory: Memory, tx: Sender<Event>) -> (Sender<Snapshot>, thread::JoinHandle<()>) {
    let (snap_tx, snap_rx) = channel::<Snapshot>();
    let handle = thread::spawn(move || {
        let mut warned = false;
        while let Ok(mut snap) = snap_rx.recv() {
            while let Ok(newer) = snap_rx.try_recv() {
                snap = newer;
            }
            if let Err(e) = memory.save(snap)
                && !warned
            {
                warned = true;
                let _ = tx.send(Event::App(Msg::Notice(format!(
                    "cannot remember read marks and bookmarks: {}: {e}",
                    memory.file.display()
                ))));
            }
        }
    });
    (snap_tx, handle)
}

fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Event::Term(ev)).is_err() {
                break;
            }
        }
    });
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
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    let (tx, rx) = channel::<Event>();
    spawn_signals(tx.clone())?;
    enter_terminal()?;
    let _guard = Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    let size = terminal.size()?;
    let origin = match &source {
        Source::Dir(d) => d.display().to_string(),
        Source::Embedded => "built-in corpus".to_string(),
    };
    let mut state = State::new(origin, launch, Rect::new(0, 0, size.width, size.height));
    state.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    state.plain_glyphs = std::env::var("TERM").is_ok_and(|t| t == "linux");
    state.links = view::hyperlink::supported(std::env::var("TERM").ok().as_deref());
    let mux = clipboard::Multiplexer::detect();
    let memory = state_file.map(|file| Memory {
        file,
        key: brief_core::remembered::folder_key(match &source {
            Source::Dir(d) => Some(d.as_path()),
            Source::Embedded => None,
        }),
    });
    let mut notices = configure(&mut state, config);
    if state.mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    terminal.draw(|f| view::render(f, &state))?;
    // After the first frame: a state file with many read marks takes a moment,
    // and nothing shows them before the folder is loaded anyway.
    if let Some(m) = &memory {
        notices.extend(remember(&mut state, m, fresh));
    }
    tell(&mut state, notices);
    let saver = memory.clone().map(|m| spawn_saver(m, tx.clone()));
    let (snap_tx, saver_thread) = match saver {
        Some((t, h)) => (Some(t), Some(h)),
        None => (None, None),
    };

    spawn_input(tx.clone());
    // Watching is set up beside the loading; changes made meanwhile are
    // caught by one stat pass once the folder is loaded (see `watch`).
    let watch = match &source {
        Source::Dir(dir) => Some(watch::spawn(dir.clone(), opts.clone(), tx.clone())),
        Source::Embedded => None,
    };
    spawn_loader(source, opts, tx.clone());
    let mut worker: Option<Sender<SearchRequest>> = None;
    let latest = Arc::new(AtomicU64::new(0));

    loop {
        // Block until something happens, then take everything already queued
        // so a burst of keys costs one redraw.
        let mut batch = vec![rx.recv().map_err(std::io::Error::other)?];
        while let Ok(ev) = rx.try_recv() {
            batch.push(ev);
        }
        let mut redraw = false;
        for ev in batch.into_iter().flat_map(split_alt) {
            let msg = match ev {
                Event::Signal(sig) => {
                    let exit = Exit::Signal(sig);
                    return Ok(end(&state, memory.as_ref(), snap_tx, saver_thread, exit));
                }
                Event::Term(TermEvent::Key(key)) => state
                    .keymap
                    .dispatch(&state.scopes(), &key)
                    .map(Msg::Action),
                Event::Term(TermEvent::Mouse(m)) if state.mouse => match m.kind {
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
            };
            let Some(msg) = msg else { continue };
            if let Msg::Loaded(corpus) = &msg {
                let (req_tx, req_rx) = channel();
                spawn_worker(corpus.clone(), req_rx, latest.clone(), tx.clone());
                worker = Some(req_tx);
                if let Some(w) = &watch {
                    let _ = w.send(watch::Input::Loaded(corpus.clone()));
                }
            }
            if let Msg::Reloaded(r) = &msg {
                // A worker on the new corpus; the old one ends with its channel.
                let (req_tx, req_rx) = channel();
                spawn_worker(r.corpus.clone(), req_rx, latest.clone(), tx.clone());
                worker = Some(req_tx);
            }
            let up = update(&mut state, msg);
            redraw |= up.redraw;
            for effect in up.effects {
                match effect {
                    Effect::Quit => {
                        let (m, exit) = (memory.as_ref(), Exit::Quit);
                        return Ok(end(&state, m, snap_tx, saver_thread, exit));
                    }
                    Effect::Remember(snap) => {
                        if let Some(t) = &snap_tx {
                            let _ = t.send(snap);
                        }
                    }
                    Effect::Search(req) => {
                        latest.store(req.generation, Ordering::Relaxed);
                        if let Some(w) = &worker {
                            let _ = w.send(req);
                        }
                    }
                    Effect::Suspend => {
                        suspend(&mut terminal, state.mouse)?;
                        redraw = true;
                    }
                    Effect::Copy { text } => clipboard::send(terminal.backend_mut(), &text, mux)?,
                }
            }
        }
        if redraw {
            terminal.draw(|f| view::render(f, &state))?;
        }
    }
}

/// Applies the config to a new browser state; returns its problems.
fn configure(state: &mut State, config: ConfigFile) -> Vec<brief_core::Problem> {
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
    state.keymap = Arc::new(keymap);
    state.theme = config.theme;
    if config.theme == brief_core::config::Theme::Monochrome {
        state.color = false;
    }
    state.reader_width = config.reader_width;
    state.mouse = config.mouse;
    state.links &= config.links;
    state.sort = config.sort;
    problems
}

/// Read marks, bookmarks, history, and unless `fresh` or the command line
/// says otherwise, where the last session on this folder was left.
fn remember(state: &mut State, memory: &Memory, fresh: bool) -> Option<brief_core::Problem> {
    let (all, problem) = brief_core::remembered::load(&memory.file);
    let Remembered { history, folders } = all;
    let folder = folders.get(&memory.key).cloned().unwrap_or_default();
    state.history = history;
    state.read = Arc::new(folder.read.into_iter().collect());
    state.bookmarks = Arc::new(folder.bookmarks.into_iter().collect());
    if !fresh && state.launch.is_empty() {
        state.launch = Launch::from_last(&folder.last);
    }
    problem
}

/// Config and state problems: the first on the status line, all in `p`.
fn tell(state: &mut State, problems: Vec<brief_core::Problem>) {
    if let Some(first) = problems.first() {
        // The file's name is enough on the status line; `p` has the full path.
        let file = first.path.file_name().map_or_else(
            || first.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let line = first.line.map_or(String::new(), |l| format!(":{l}"));
        let more = match problems.len() {
            1 => " (p shows it)".to_string(),
            n => format!(" (and {} more: p shows them)", n - 1),
        };
        state.message = Some(format!("{file}{line}: {}{more}", first.message));
    }
    state.notices = problems;
}

/// Whatever ends the session, the last word goes to the state file: the saver
/// is drained first, so an older snapshot cannot land after the final one.
fn end(
    state: &State,
    memory: Option<&Memory>,
    snap_tx: Option<Sender<Snapshot>>,
    saver: Option<thread::JoinHandle<()>>,
    exit: Exit,
) -> Exit {
    drop(snap_tx);
    if let Some(h) = saver {
        let _ = h.join();
    }
    // Before the folder is loaded nothing could change, and the last view
    // would be saved empty over the one still waiting to be restored.
    if let Some(m) = memory.filter(|_| state.corpus.is_some()) {
        let _ = m.save(state.snapshot());
    }
    exit
}
