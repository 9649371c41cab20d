//! Plain words: found as a whole word, and scored in titles, short values and text.

use super::phrases::{accent_prefix_in, accented_docs, cased};
use super::term_scores;
use super::typos::typo_scores;
use crate::index::{Index, TextIndex};
use crate::load::Folder;
use crate::query::Term;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

/// Whether a word (or one of its forms) is a word of the corpus or the start
/// of one, in a title, a short value, a summary or a body. Typos are tried
/// for a word that is not, even when its letters are found in order inside
/// another word.
pub(in crate::search) fn found_as_word(idx: &Index, text: &TextIndex, term: &Term) -> bool {
    term.words
        .first()
        .into_iter()
        .chain(&term.forms)
        .any(|w| text.has_prefix(w) || idx.words.text.par_iter().any(|x| x.starts_with(w.as_str())))
}

/// Fuzzy score of the folded `term` in one folded `word`, with the matched
/// char positions. A match must be compact (few separate runs), so short terms
/// do not match scattered letters; whole-word and word-start matches rank higher.
pub(in crate::search) fn word_score(
    matcher: &SkimMatcherV2,
    word: &str,
    term: &str,
    max_runs: usize,
) -> Option<(i64, Vec<usize>)> {
    if word.len() < term.len() / 2 {
        return None;
    }
    let (score, idx) = matcher.fuzzy_indices(word, term)?;
    let runs = 1 + idx.windows(2).filter(|w| w[1] != w[0] + 1).count();
    if runs > max_runs {
        return None;
    }
    let bonus = if idx.first() == Some(&0) { 20 } else { 0 } + if word == term { 20 } else { 0 };
    Some((score + bonus, idx))
}

/// Score of a plain word term for every briefing: the best of its forms
/// (singular, plural); a word typed with accents only where they are found.
pub(super) fn word_scores(
    corpus: &Folder,
    wait: bool,
    matcher: &SkimMatcherV2,
    term: &Term,
    alive: &[Option<i64>],
    typos: bool,
) -> Vec<i64> {
    let n = corpus.briefings.len();
    let (idx, text) = (corpus.index(), corpus.text_index(wait));
    let Some(word) = term.words.first() else {
        return vec![0; n];
    };
    let plain = term.accented.is_none();
    let mut best = if typos {
        typo_scores(idx, text, word, term.prefix, n)
    } else {
        term_scores(idx, text, matcher, word, plain, n)
    };
    if !typos {
        for form in &term.forms {
            for (b, s) in best
                .iter_mut()
                .zip(term_scores(idx, text, matcher, form, plain, n))
            {
                *b = (*b).max(s);
            }
        }
    }
    // A typed accent is kept, unless the word is matched with typos: typos forgive.
    if let Some(accented) = term.accented.as_ref().filter(|_| !typos) {
        let in_text = accented_docs(text, word, n);
        // Short values are read once each, not once per briefing carrying them.
        let variants = cased(accented);
        let mut in_values = vec![false; n];
        for e in &idx.entries {
            if accent_prefix_in(&e.value, &variants) {
                for &d in e.docs.iter() {
                    if let Some(v) = in_values.get_mut(d as usize) {
                        *v = true;
                    }
                }
            }
        }
        best.par_iter_mut().enumerate().for_each(|(d, s)| {
            if *s > 0
                && alive[d].is_some()
                && !in_text[d]
                && !in_values[d]
                // The title alone, read without decoding the briefing: the
                // first query typed with accents (`rés`) decoded and kept
                // every briefing it checked, 0.4 s more at a million.
                && !corpus
                    .briefings
                    .title(d)
                    .is_some_and(|t| accent_prefix_in(&t, &variants))
            {
                *s = 0;
            }
        });
    }
    best
}
