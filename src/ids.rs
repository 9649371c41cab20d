//! One reading of a briefing id, for every command and option that takes
//! one (`brief show`, `brief edit`, `--open`): the exact id, else the one id
//! that starts with what was typed; several such ids are listed, not guessed.

use brief_core::Folder;

/// What an id as typed names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// The briefing at this position: the exact id, or its only prefix.
    One(usize),
    /// Several ids start with the text, in the corpus's order (newest first).
    Many(Vec<usize>),
    /// No id is, or starts with, the text.
    None,
}

/// The briefing `text` names as an id or a unique start of one.
pub fn resolve(corpus: &Folder, text: &str) -> Resolved {
    if let Some(doc) = corpus.position(text) {
        return Resolved::One(doc);
    }
    if text.is_empty() {
        return Resolved::None;
    }
    let docs: Vec<usize> = corpus
        .briefings
        .iter()
        .enumerate()
        .filter(|(_, b)| b.id.starts_with(text))
        .map(|(doc, _)| doc)
        .collect();
    match docs.as_slice() {
        [] => Resolved::None,
        [one] => Resolved::One(*one),
        _ => Resolved::Many(docs),
    }
}
