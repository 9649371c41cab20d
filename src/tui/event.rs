//! What the event loop receives, from below it: the terminal's input, a
//! message from a worker thread (loader, searcher, watch, reload, saver), or
//! a signal. The threads that feed the loop import this, not the loop.

use ratatui::crossterm::event::Event as TermEvent;

use super::state::Msg;

pub(super) enum Event {
    Term(TermEvent),
    App(Msg),
    Signal(i32),
}
