//! Quoted phrases and accented or exact spellings: where a phrase is
//! found, in short values and in the text.

use super::{in_text, short_candidates, short_values};
use crate::actors::Registry;
use crate::index::{Field, Index, TextIndex};
use crate::load::Folder;
use crate::model::Briefing;
use crate::query::{Term, accent_words};
use crate::search::Stop;
use rayon::prelude::*;

/// Whether the folded word sequence `phrase` occurs in `text` (and, for a
/// phrase with accents, the phrase as written): what `phrase_ranges` finds,
/// in one pass and without building the ranges.
pub(super) fn phrase_in(text: &str, phrase: &[String], exact: Option<&str>) -> bool {
    let n = phrase.len();
    if n == 0 {
        return false;
    }
    let mut window: std::collections::VecDeque<String> =
        std::collections::VecDeque::with_capacity(n);
    let mut found = false;
    let mut buf = String::new();
    crate::text::each_word(text, &mut buf, |w| {
        if found {
            return;
        }
        let mut slot = if window.len() == n {
            window.pop_front().unwrap_or_default()
        } else {
            String::new()
        };
        slot.clear();
        slot.push_str(w);
        window.push_back(slot);
        found = window.len() == n && window.iter().zip(phrase).all(|(a, b)| a == b);
    });
    found && exact.is_none_or(|exact| exact_in(text, exact))
}

/// Whether the words of `exact` (accent form, space-separated) occur in
/// order in `text` with their accents as written.
pub(super) fn exact_in(text: &str, exact: &str) -> bool {
    // Most texts hold the phrase as typed, lower case or capitalised: found
    // at the speed of a substring search, without cutting the text into words.
    if cased(exact).iter().any(|e| bounded_in(text, e)) {
        return true;
    }
    let want: Vec<&str> = exact.split(' ').filter(|w| !w.is_empty()).collect();
    let have = accent_words(text);
    !want.is_empty()
        && have
            .windows(want.len())
            .any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
}

/// `s` in lower case, capitalised and in capitals: the ways text writes a word.
pub(super) fn cased(s: &str) -> [String; 3] {
    let mut chars = s.chars();
    let capital = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    [s.to_string(), capital, s.to_uppercase()]
}

/// Whether `needle` occurs in `text` starting a word and ending one.
fn bounded_in(text: &str, needle: &str) -> bool {
    !needle.is_empty()
        && text.match_indices(needle).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + needle.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}

/// Whether a word of `text` starts with `accented` (lower case, accents kept),
/// written in lower case, capitalised or in capitals.
pub(super) fn accent_prefix_in(text: &str, variants: &[String; 3]) -> bool {
    variants.iter().any(|v| {
        !v.is_empty()
            && text.match_indices(v.as_str()).any(|(at, _)| {
                text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
    })
}

/// Whether a plain term typed with accents finds them, as typed, in the
/// title or a short field. (In summary and body, a word written with
/// accents is enough: the index knows it without reading the text.)
pub(in crate::search) fn accent_in(b: &Briefing, registry: &Registry, accented: &str) -> bool {
    let variants = cased(accented);
    accent_prefix_in(&b.title, &variants)
        || short_values(b, registry)
            .iter()
            .any(|(_, v)| accent_prefix_in(v, &variants))
}

/// Briefings whose summary or body holds a word starting with `folded`
/// written with accents.
pub(super) fn accented_docs(text: &TextIndex, folded: &str, n: usize) -> Vec<bool> {
    let mut has = vec![false; n];
    text.each_prefixed(folded, |posts| {
        for &p in posts {
            if p & 4 != 0
                && let Some(h) = has.get_mut((p >> 3) as usize)
            {
                *h = true;
            }
        }
    });
    has
}

/// Score of a phrase term in one briefing: the best field's tier, checked from
/// the best tier down, so the body is read only when nothing else has it.
///
/// `text_exact`: whether summary and body must be checked for the accents as
/// written; not when no word of the phrase is written with accents there
/// anywhere and none was typed with them, which is then the same.
/// What a phrase's accents ask of one briefing's summary and body.
#[derive(Clone, Copy)]
struct Accents {
    /// The accents must be compared (typed, or written somewhere in the corpus).
    check: bool,
    /// The phrase was typed with accents.
    typed: bool,
    /// This briefing writes a word of the phrase with accents somewhere.
    in_text: bool,
}

/// Where a phrase may be, or is, in a briefing's short text.
#[derive(Clone, Copy)]
struct Short {
    /// Title and short fields hold every word: the title may hold the phrase.
    title: bool,
    /// One of its short values (actor, country, topic, place, publisher) holds it.
    values: bool,
}

/// Briefings with a short value holding the phrase as typed: each distinct
/// value is read once, not once per briefing that carries it.
fn short_phrase_docs(idx: &Index, term: &Term, n: usize) -> Vec<bool> {
    let ids: Option<Vec<u32>> = term
        .words
        .iter()
        .map(|w| {
            let at = idx.words.text.iter().position(|x| **x == **w)?;
            Some(at as u32)
        })
        .collect();
    let mut has = vec![false; n];
    let Some(ids) = ids else {
        return has;
    };
    for e in &idx.entries {
        if ids.iter().all(|id| e.words.contains(id))
            && phrase_in(&e.value, &term.words, term.exact.as_deref())
        {
            for &d in e.docs.iter() {
                if let Some(h) = has.get_mut(d as usize) {
                    *h = true;
                }
            }
        }
    }
    has
}

/// `in_text`: where the text index found the folded phrase (bit 0 summary,
/// bit 1 body); the body is read only to check accents there, and only
/// where the briefing writes a word of the phrase with accents (elsewhere
/// its words are written as folded, so the phrase matches exactly when it
/// was typed without accents).
///
/// The briefing `d` is decoded only to compare accents: its title is read
/// on its own.
fn phrase_score(
    corpus: &Folder,
    d: usize,
    term: &Term,
    accents: Accents,
    short: Short,
    in_text: u8,
) -> Option<i64> {
    let (words, exact) = (&term.words, term.exact.as_deref());
    let text = if accents.check { exact } else { None };
    let bonus = 100 * words.len() as i64;
    if short.title
        && (corpus.briefings.title(d)).is_some_and(|title| phrase_in(&title, words, exact))
    {
        return Some(Field::Title.tier() + bonus);
    }
    if short.values {
        return Some(Field::Actors.tier() + bonus);
    }
    let accents_in = |t: &str| text.is_none_or(|e| exact_in(t, e));
    let summary_matches = || match text {
        None => true,
        Some(_) => (corpus.briefings.get(d))
            .is_some_and(|b| accents_in(b.summary.as_deref().unwrap_or_default())),
    };
    if in_text & 1 != 0 && summary_matches() {
        return Some(Field::Summary.tier() + bonus);
    }
    let body_matches = match (text, accents.in_text) {
        (None, _) => true,
        (Some(_), false) => !accents.typed,
        (Some(_), true) => (corpus.briefings.get(d))
            .is_some_and(|b| corpus.body(b).is_ok_and(|body| accents_in(&body))),
    };
    (in_text & 2 != 0 && body_matches).then_some(Field::Body.tier() + bonus)
}

/// Largest number of separate runs a fuzzy match of `term` may have.
pub(in crate::search) fn max_runs(term: &str) -> usize {
    1 + (term.chars().count().saturating_sub(1)) / 4
}

/// Score of a phrase term for every briefing still in the running (`alive`),
/// each read where the indexes say the phrase may be.
pub(super) fn phrase_scores(
    corpus: &Folder,
    wait: bool,
    term: &Term,
    alive: &[Option<i64>],
    stop: &Stop<'_>,
) -> Vec<i64> {
    let n = corpus.briefings.len();
    let text = corpus.text_index(wait);
    let idx = corpus.index();
    let short = short_candidates(idx, &term.words, n);
    let in_values = short_phrase_docs(idx, term, n);
    let texts = in_text(text, &term.words, None);
    let typed_accents = term
        .exact
        .as_deref()
        .is_some_and(|e| e.split(' ').ne(term.words.iter().map(String::as_str)));
    // Briefings writing a word of the phrase with accents somewhere:
    // only there must the text be read to compare accents.
    let mut accented = vec![false; n];
    for w in &term.words {
        for p in text.exact(w) {
            if p & 4 != 0
                && let Some(a) = accented.get_mut((p >> 3) as usize)
            {
                *a = true;
            }
        }
    }
    let text_exact = typed_accents || accented.iter().any(|&a| a);
    let accents = |d: usize| Accents {
        check: text_exact,
        typed: typed_accents,
        in_text: accented[d],
    };
    (0..n)
        .into_par_iter()
        .map(|d| {
            let candidate = short[d] || in_values[d] || texts[d] != 0;
            match (candidate, alive[d].is_some()) {
                (true, true) if stop() => 0,
                (true, true) => {
                    let short = Short {
                        title: short[d],
                        values: in_values[d],
                    };
                    phrase_score(corpus, d, term, accents(d), short, texts[d]).unwrap_or(0)
                }
                _ => 0,
            }
        })
        .collect()
}
