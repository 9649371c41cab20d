//! Where a query matched: fields and char ranges to highlight, read one
//! briefing at a time the same way the index scores the whole corpus.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::FieldMatch;
use super::scoring::{max_runs, short_values, word_score};
use crate::actors::Registry;
use crate::corpus::Corpus;
use crate::index::Field;
use crate::model::Briefing;
use crate::query::{Query, Term};
use crate::text::{Folded, fold};

/// One short text, folded, with its words' char offsets in the folded form.
#[derive(Debug, Clone, Default)]
pub(super) struct Text {
    original: String,
    folded: Folded,
    words: Vec<(usize, String)>,
}

impl Text {
    pub(super) fn new(s: &str) -> Text {
        let folded = Folded::new(s);
        let words = word_spans(&folded.text);
        Text {
            original: s.to_string(),
            folded,
            words,
        }
    }
}

/// `(char offset, word)` for each alphanumeric word.
fn word_spans(s: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in s.chars().enumerate() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            cur.push(c);
        } else if !cur.is_empty() {
            out.push((start, std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push((start, cur));
    }
    out
}

#[derive(Debug, Clone, Default)]
pub(super) struct Doc {
    title: Text,
    short: Vec<(Field, Text)>,
    summary_words: Vec<String>,
    body_words: Vec<String>,
}

fn sorted_words(s: &str) -> Vec<String> {
    let mut w = crate::query::words(s);
    w.sort_unstable();
    w.dedup();
    w
}

impl Doc {
    /// One briefing's folded fields: what `explain` reads, match by match, the
    /// same way the index scores the whole corpus.
    pub(super) fn new(b: &Briefing, registry: &Registry) -> Doc {
        let short = short_values(b, registry)
            .into_iter()
            .map(|(f, v)| (f, Text::new(v)))
            .collect();
        Doc {
            title: Text::new(&b.title),
            short,
            summary_words: sorted_words(b.summary.as_deref().unwrap_or_default()),
            body_words: sorted_words(&b.body),
        }
    }
}

/// Sorted char indices -> merged ranges.
fn to_ranges(mut idx: Vec<usize>) -> Vec<Range<usize>> {
    idx.sort_unstable();
    idx.dedup();
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in idx {
        match out.last_mut() {
            Some(r) if r.end == i => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Best fuzzy match of one folded word `term` against the words of `text`:
/// the score and the original char positions. A match stays within one word.
pub(super) fn match_words(
    matcher: &SkimMatcherV2,
    text: &Text,
    term: &str,
) -> Option<(i64, Vec<usize>)> {
    let runs = max_runs(term);
    let mut best: Option<(i64, Vec<usize>)> = None;
    for (start, word) in &text.words {
        let Some((score, idx)) = word_score(matcher, word, term, runs) else {
            continue;
        };
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            let orig = idx
                .iter()
                .filter_map(|i| text.folded.origin.get(start + i).map(|&o| o as usize))
                .collect();
            best = Some((score, orig));
        }
    }
    best
}

/// Whether one of the sorted `words` starts with `prefix`.
fn has_prefix(words: &[String], prefix: &str) -> bool {
    let at = words.partition_point(|w| w.as_str() < prefix);
    words.get(at).is_some_and(|w| w.starts_with(prefix))
}

/// Char ranges in `text` of the words starting with one of `prefixes` (folded):
/// what the reader highlights and `n`/`N` walk.
pub fn word_ranges(text: &str, prefixes: &[String]) -> Vec<Range<usize>> {
    if prefixes.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let mut out = Vec::new();
    for (start, word) in word_spans(&folded.text) {
        let best = prefixes
            .iter()
            .filter(|p| !p.is_empty() && word.starts_with(p.as_str()))
            .map(|p| p.chars().count())
            .max();
        if let Some(len) = best {
            let first = folded.origin.get(start).copied();
            let last = folded.origin.get(start + len - 1).copied();
            if let (Some(a), Some(b)) = (first, last) {
                out.push(a as usize..b as usize + 1);
            }
        }
    }
    out
}

/// Char ranges in `text` of every occurrence of `needle`, ignoring case and
/// accents: the reader's search within an article.
pub fn find_ranges(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle = fold(needle);
    if needle.trim().is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let chars: Vec<char> = folded.text.chars().collect();
    let pat: Vec<char> = needle.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + pat.len() <= chars.len() {
        if chars[i..i + pat.len()] == pat[..] {
            if let (Some(&a), Some(&b)) =
                (folded.origin.get(i), folded.origin.get(i + pat.len() - 1))
            {
                out.push(a as usize..b as usize + 1);
            }
            i += pat.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Char ranges in `text` where the folded word sequence `phrase` occurs.
pub(super) fn phrase_ranges(
    text: &str,
    phrase: &[String],
    exact: Option<&str>,
) -> Vec<Range<usize>> {
    if let Some(exact) = exact {
        let lower = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !lower.contains(exact) {
            return Vec::new();
        }
    }
    let folded = Folded::new(text);
    let spans = word_spans(&folded.text);
    let mut out = Vec::new();
    if phrase.is_empty() || spans.len() < phrase.len() {
        return out;
    }
    for w in spans.windows(phrase.len()) {
        if w.iter().zip(phrase).all(|((_, a), b)| a == b) {
            let (s, _) = &w[0];
            let (e, last) = &w[phrase.len() - 1];
            let end = e + last.chars().count() - 1;
            if let (Some(&a), Some(&b)) = (folded.origin.get(*s), folded.origin.get(end)) {
                out.push(a as usize..b as usize + 1);
            }
        }
    }
    out
}

/// Best match of a term in a briefing: score and where it matched.
pub(super) fn match_term(
    matcher: &SkimMatcherV2,
    doc: &Doc,
    b: &Briefing,
    term: &Term,
) -> Option<(i64, Vec<FieldMatch>)> {
    if term.phrase {
        let exact = term.exact.as_deref();
        let mut found: Vec<FieldMatch> = Vec::new();
        let mut push = |field: Field, value: &str| {
            let ranges = phrase_ranges(value, &term.words, exact);
            if !ranges.is_empty() {
                found.push(FieldMatch {
                    field,
                    value: value.to_string(),
                    ranges,
                });
            }
        };
        push(Field::Title, &b.title);
        for (f, t) in &doc.short {
            push(*f, &t.original);
        }
        push(Field::Summary, b.summary.as_deref().unwrap_or_default());
        push(Field::Body, &b.body);
        let tier = found.iter().map(|m| m.field.tier()).max()?;
        return Some((tier + 100 * term.words.len() as i64, found));
    }
    let word = term.words.first()?;
    if let Some((score, idx)) = match_words(matcher, &doc.title, word) {
        return Some((
            Field::Title.tier() + score,
            vec![FieldMatch {
                field: Field::Title,
                value: b.title.clone(),
                ranges: to_ranges(idx),
            }],
        ));
    }
    let mut best: Option<(i64, FieldMatch)> = None;
    for (field, text) in &doc.short {
        if let Some((score, idx)) = match_words(matcher, text, word)
            && best.as_ref().is_none_or(|(s, _)| score > *s)
        {
            best = Some((
                score,
                FieldMatch {
                    field: *field,
                    value: text.original.clone(),
                    ranges: to_ranges(idx),
                },
            ));
        }
    }
    if let Some((score, m)) = best {
        return Some((m.field.tier() + score, vec![m]));
    }
    let words = std::slice::from_ref(word);
    if has_prefix(&doc.summary_words, word) {
        let summary = b.summary.clone().unwrap_or_default();
        let ranges = word_ranges(&summary, words);
        return Some((
            Field::Summary.tier() + 10,
            vec![FieldMatch {
                field: Field::Summary,
                value: summary,
                ranges,
            }],
        ));
    }
    if has_prefix(&doc.body_words, word) {
        return Some((
            Field::Body.tier() + 10,
            vec![FieldMatch {
                field: Field::Body,
                value: String::new(),
                ranges: word_ranges(&b.body, words),
            }],
        ));
    }
    None
}

/// Where each term of `query` matched in one briefing, with char ranges to highlight.
pub fn explain(corpus: &Corpus, query: &Query, doc: usize) -> Vec<FieldMatch> {
    let Some(b) = corpus.briefings.get(doc) else {
        return Vec::new();
    };
    let matcher = SkimMatcherV2::default().ignore_case();
    let d = Doc::new(b, &corpus.registry);
    query
        .terms
        .iter()
        .filter(|t| !t.negated)
        .filter_map(|t| match_term(&matcher, &d, b, t))
        .flat_map(|(_, m)| m)
        .collect()
}

/// Char ranges of `title` that the query's terms match, for highlighting a list row.
pub fn title_ranges(query: &Query, title: &str) -> Vec<Range<usize>> {
    let matcher = SkimMatcherV2::default().ignore_case();
    let text = Text::new(title);
    let mut idx = Vec::new();
    for t in query.terms.iter().filter(|t| !t.negated) {
        if t.phrase {
            let ranges = phrase_ranges(title, &t.words, t.exact.as_deref());
            idx.extend(ranges.into_iter().flatten());
        } else if let Some(w) = t.words.first()
            && let Some((_, positions)) = match_words(&matcher, &text, w)
        {
            idx.extend(positions);
        }
    }
    to_ranges(idx)
}
