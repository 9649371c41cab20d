//! The terminal browser: terminal lifecycle and the event loop.
//!
//! The loop blocks on one channel fed by the input thread, the loader, the
//! search worker and the signal thread; it redraws only after a change, so an
//! idle browser uses no CPU.

pub mod action;
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
use ratatui::crossterm::event::{self, DisableMouseCapture, Event as TermEvent};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;

use crate::Corpus;
use crate::load::{LoadOptions, load_dir};
use crate::query::Query;
use crate::search::{Stop, faceted_until};
use state::{Effect, Launch, Msg, Results, SearchRequest, State, update};

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
    Some(match Query::parse(&req.text, corpus) {
        Err(e) => Results {
            generation: req.generation,
            error: Some(e.0),
            ..Results::default()
        },
        Ok(q) => {
            let (hits, facets) = faceted_until(corpus, &q, &req.selection, stop)?;
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
            Source::Embedded => Msg::Loaded(Arc::new(crate::load_embedded())),
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
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> std::io::Result<()> {
    restore_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter_terminal()?;
    // `clear()` would ask the terminal for the cursor position, a read that
    // cannot get past the input thread; a resize to the current size clears
    // the screen and forces a full redraw without asking.
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

pub fn run(source: Source, launch: Launch, opts: LoadOptions) -> std::io::Result<Exit> {
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
    terminal.draw(|f| view::render(f, &state))?;

    spawn_input(tx.clone());
    // Watching starts before loading, so no change is missed in between.
    let watch = match &source {
        Source::Dir(dir) => watch::spawn(dir.clone(), opts.clone(), tx.clone()),
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
                Event::Signal(sig) => return Ok(Exit::Signal(sig)),
                Event::Term(TermEvent::Key(key)) => {
                    keymap::dispatch(&state.scopes(), &key).map(Msg::Action)
                }
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
                    Effect::Quit => return Ok(Exit::Quit),
                    Effect::Search(req) => {
                        latest.store(req.generation, Ordering::Relaxed);
                        if let Some(w) = &worker {
                            let _ = w.send(req);
                        }
                    }
                    Effect::Suspend => {
                        suspend(&mut terminal)?;
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
