//! Reading a briefing's body for the reader, off the input path: when the
//! corpus keeps bodies in their files, a slow disk delays the text, never a
//! keystroke. The answer is `Msg::Body`, which the state drops when another
//! briefing was asked for since.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use brief_core::Folder;

use super::event::Event;
use super::state::Msg;

/// The paragraphs of briefing `doc`'s body, or why it could not be read.
pub fn load_body(corpus: &Folder, doc: usize) -> Vec<String> {
    let Some(b) = corpus.briefings.get(doc) else {
        return Vec::new();
    };
    match corpus.full(b) {
        Ok(full) => full.paragraphs(),
        Err(problem) => vec![problem.to_string()],
    }
}

/// Reads the body on a thread of its own and sends it to the loop.
pub(super) fn spawn(corpus: Arc<Folder>, read: u64, doc: usize, tx: Sender<Event>) {
    let failed = tx.clone();
    super::spawn_worker(failed, move || {
        let paragraphs = load_body(&corpus, doc);
        let _ = tx.send(Event::App(Msg::Body {
            read,
            doc,
            paragraphs,
        }));
    });
}
