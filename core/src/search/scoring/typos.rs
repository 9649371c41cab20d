//! Words matched with typos: the budget a word allows, the distance, and the
//! points a match with typos earns, on the title index and the text index.

use super::{above_floor, is_whole, spread_to_briefings};
use crate::index::{self, Field, Index, TextIndex};
use rayon::prelude::*;

/// Edits a word of `n` letters may have and still match: 1 from 5 letters, 2 from 9.
pub fn typo_budget(term: &str) -> usize {
    budget_for(term.chars().count())
}

pub(super) fn budget_for(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Edits from a typed word to a word of the text, if within the budget of
/// the longer of the two (so `cdre`, `cadre` less a letter, finds `cadre`);
/// for the word still being typed, to a prefix of the word within the
/// budget of the typed word.
pub fn typo_match(term: &str, word: &str, prefix: bool) -> Option<usize> {
    let (tl, wl) = (term.chars().count(), word.chars().count());
    let whole = typo_distance(term, word, budget_for(tl.max(wl)), false);
    let start = if prefix {
        typo_distance(term, word, budget_for(tl), true)
    } else {
        None
    };
    match (whole, start) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Damerau-Levenshtein (adjacent swaps) edits from `term` to `word`, or, for
/// the word still being typed, to a prefix of `word`; `None` beyond `budget`.
pub fn typo_distance(term: &str, word: &str, budget: usize, prefix: bool) -> Option<usize> {
    let (tl, wl) = (term.chars().count(), word.chars().count());
    let mut best = None;
    if tl.abs_diff(wl) <= budget {
        let d = strsim::osa_distance(term, word);
        if d <= budget {
            best = Some(d);
        }
    }
    if prefix && wl > tl {
        for len in tl.saturating_sub(budget).max(1)..=(tl + budget).min(wl - 1) {
            let p: String = word.chars().take(len).collect();
            let d = strsim::osa_distance(term, &p);
            if d <= budget && best.is_none_or(|b| d < b) {
                best = Some(d);
            }
        }
    }
    best
}

/// What a typo match of `term` to `word` adds to its field's tier: fewer
/// edits first, and at equal edits a whole word (even points) before the
/// start of a longer one (odd points; `frontxe`: Frontex before frontières). A typo is tried only for a
/// word found nowhere as a word, and scattered letters then count for less
/// (`scattered`), so these points rank above them.
pub(in crate::search) fn typo_points(term: &str, word: &str, prefix: bool) -> Option<i64> {
    let (tl, wl) = (term.chars().count(), word.chars().count());
    let whole = typo_distance(term, word, budget_for(tl.max(wl)), false).map(|d| 8 - 2 * d as i64);
    let start = prefix
        .then(|| typo_distance(term, word, budget_for(tl), true))
        .flatten()
        .map(|d| 7 - 2 * d as i64);
    whole.max(start)
}

/// The score of a fuzzy match (letters in order, scattered over a word) of
/// a word found nowhere as a word: its field's tier, below any typo there.
pub(in crate::search) fn scattered(score: i64) -> i64 {
    if score <= 0 {
        return score;
    }
    score - score.rem_euclid(10_000) + 1
}

/// The typo matches of one word in the vocabulary: title and short-field
/// words, then summary and body words, with their points.
type TypoWords = (Vec<(usize, i64)>, Vec<(usize, i64)>);

fn typo_words(idx: &Index, text: &TextIndex, term: &str, prefix: bool) -> TypoWords {
    // The most edits any word may be from `term`: that of a word one letter longer.
    let budget = budget_for(term.chars().count() + 1);
    if budget == 0 {
        return (Vec::new(), Vec::new());
    }
    let mask = index::char_mask(term);
    // Each edit brings at most one letter the word lacks.
    let near = |m: u64| (mask & !m).count_ones() as usize <= budget;
    let words = &idx.words;
    let short: Vec<(usize, i64)> = (0..words.text.len())
        .into_par_iter()
        .filter(|&w| near(words.masks[w]))
        .filter_map(|w| typo_points(term, &words.text[w], prefix).map(|p| (w, p)))
        .collect();
    let (vocabulary, masks) = text.vocabulary();
    let long: Vec<(usize, i64)> = (0..vocabulary.len())
        .into_par_iter()
        .filter(|&w| near(masks[w]))
        .filter_map(|w| typo_points(term, &vocabulary[w], prefix).map(|p| (w, p)))
        .collect();
    (short, long)
}

/// The points of the best whole-word typo match of `term` anywhere (0 when
/// none): the start of a longer word as near as that is no match then, so
/// `frontx` finds Frontex, not "frontières" too.
pub(in crate::search) fn typo_floor(
    idx: &Index,
    text: &TextIndex,
    term: &str,
    prefix: bool,
) -> i64 {
    let (short, long) = typo_words(idx, text, term, prefix);
    floor_of(&short, &long)
}

fn floor_of(short: &[(usize, i64)], long: &[(usize, i64)]) -> i64 {
    short
        .iter()
        .chain(long)
        .map(|&(_, p)| p)
        .filter(|&p| is_whole(p))
        .max()
        .unwrap_or(0)
}

/// Typo matches of one word for every briefing, 0 where none: the words of
/// the vocabulary within `typo_budget` edits, spread through their postings.
pub(super) fn typo_scores(
    idx: &Index,
    text: &TextIndex,
    term: &str,
    prefix: bool,
    n: usize,
) -> Vec<i64> {
    let mut best = vec![0i64; n];
    let (mut short, mut long) = typo_words(idx, text, term, prefix);
    let floor = floor_of(&short, &long);
    short.retain(|&(_, p)| above_floor(p, floor));
    long.retain(|&(_, p)| above_floor(p, floor));
    spread_to_briefings(idx, &short, &mut best, false);
    let (vocabulary, _) = text.vocabulary();
    for (w, s) in long {
        for p in text.exact(&vocabulary[w]) {
            let tier = if p & 1 == 1 {
                Field::Summary.tier()
            } else {
                Field::Body.tier()
            };
            let slot = &mut best[(p >> 3) as usize];
            *slot = (*slot).max(tier + s);
        }
    }
    best
}
