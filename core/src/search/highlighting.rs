//! Where a query matched: fields and char ranges to highlight, read one
//! briefing at a time the same way the index scores the whole corpus.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::scoring::{
    ENTITY_BONUS, Name, above_floor, accent_in, another_countrys_name, concerns, entity_names,
    found_as_word, max_runs, scattered, short_values, title_plain_points, typo_floor, typo_points,
    typos_allowed, word_score,
};
use super::{FieldMatch, ReadAs};
use crate::actors::Registry;
use crate::index::Field;
use crate::load::Folder;
use crate::model::Briefing;
use crate::query::{Entity, Query, Term, accent_words};
use crate::text::each_word_flagged;
use crate::text::{Folded, fold};

/// One short text, folded, with its words' char offsets in the folded form.
#[derive(Debug, Clone, Default)]
pub(super) struct Text {
    original: String,
    folded: Folded,
    words: Vec<(usize, String)>,
    /// The words written plain (without accents) at least once, sorted.
    plain: Vec<String>,
}

impl Text {
    pub(super) fn new(s: &str) -> Text {
        let folded = Folded::new(s);
        let words = word_spans(&folded.text);
        let (_, plain, _) = sorted_words(s);
        Text {
            original: s.to_string(),
            folded,
            words,
            plain,
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
    /// The summary and body words written plain somewhere (see `each_word_flagged`).
    summary_plain: Vec<String>,
    body_plain: Vec<String>,
    /// The summary and body words written with accents somewhere.
    accented: Vec<String>,
}

/// The distinct folded words of `s`, those of them written plain once, and
/// those written with accents once, sorted.
fn sorted_words(s: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (mut all, mut plain, mut accented) = (Vec::new(), Vec::new(), Vec::new());
    let mut buf = String::new();
    each_word_flagged(s, &mut buf, |w, p| {
        all.push(w.to_string());
        if p {
            plain.push(w.to_string());
        } else {
            accented.push(w.to_string());
        }
    });
    for list in [&mut all, &mut plain, &mut accented] {
        list.sort_unstable();
        list.dedup();
    }
    (all, plain, accented)
}

impl Doc {
    /// One briefing's folded fields: what `explain` reads, match by match, the
    /// same way the index scores the whole corpus.
    pub(super) fn new(b: &Briefing, registry: &Registry) -> Doc {
        let short = short_values(b, registry)
            .into_iter()
            .map(|(f, v)| (f, Text::new(v)))
            .collect();
        let (summary_words, summary_plain, mut accented) =
            sorted_words(b.summary.as_deref().unwrap_or_default());
        let (body_words, body_plain, body_accented) = sorted_words(&b.body);
        accented.extend(body_accented);
        accented.sort_unstable();
        accented.dedup();
        Doc {
            title: Text::new(&b.title),
            short,
            summary_words,
            body_words,
            summary_plain,
            body_plain,
            accented,
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
    plain: bool,
) -> Option<(i64, Vec<usize>)> {
    let runs = max_runs(term);
    let mut best: Option<(i64, Vec<usize>)> = None;
    for (start, word) in &text.words {
        let Some((score, idx)) = word_score(matcher, word, term, runs) else {
            continue;
        };
        let score = score + title_plain_points(plain && text.plain.binary_search(word).is_ok());
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
    let want: Option<Vec<&str>> = exact.map(|e| e.split(' ').filter(|w| !w.is_empty()).collect());
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
                let range = a as usize..b as usize + 1;
                // A quoted or accented phrase matches its accents as written.
                let as_written = want.as_ref().is_none_or(|want| {
                    let original: String =
                        text.chars().skip(range.start).take(range.len()).collect();
                    let have = accent_words(&original);
                    have.len() == want.len() && have.iter().zip(want).all(|(a, b)| a == b)
                });
                if as_written {
                    out.push(range);
                }
            }
        }
    }
    out
}

/// Char ranges in `text` where an entity's name occurs as whole words.
fn name_ranges(text: &str, name: &Name) -> Vec<Range<usize>> {
    match &name.caps {
        None => phrase_ranges(text, &name.words, None),
        Some(caps) => {
            let chars: Vec<char> = text.chars().collect();
            let pat: Vec<char> = caps.chars().collect();
            let mut out = Vec::new();
            let mut i = 0;
            while i + pat.len() <= chars.len() {
                let bounded = (i == 0 || !chars[i - 1].is_alphanumeric())
                    && chars
                        .get(i + pat.len())
                        .is_none_or(|c| !c.is_alphanumeric());
                if chars[i..i + pat.len()] == pat[..] && bounded {
                    out.push(i..i + pat.len());
                    i += pat.len();
                } else {
                    i += 1;
                }
            }
            out
        }
    }
}

/// Best match of a term in a briefing: score and where it matched. With
/// `typos` (the corpus's `typo_floor` for the word), a plain word matches
/// within its typo budget only (what the index does for a word found
/// nowhere as a word).
pub(super) fn match_term(
    matcher: &SkimMatcherV2,
    doc: &Doc,
    b: &Briefing,
    registry: &Registry,
    term: &Term,
    typos: Option<i64>,
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
                    read_as: None,
                    typo: None,
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
    if let Some(e) = term.entity {
        return match_entity(doc, b, registry, e, &term.typo);
    }
    let word = term.words.first()?;
    let found = if let Some(floor) = typos {
        match_typo(doc, b, word, term.prefix, floor)
    } else {
        std::iter::once(word)
            .chain(&term.forms)
            .filter_map(|w| match_word(matcher, doc, b, w, term.accented.is_none()))
            .reduce(|a, b| if b.0 > a.0 { b } else { a })
    };
    match &term.accented {
        Some(accented)
            if typos.is_none()
                && !has_prefix(&doc.accented, word)
                && !accent_in(b, registry, accented) =>
        {
            None
        }
        _ => found,
    }
}

/// An entity term in one briefing: where its names occur, and its listing.
fn match_entity(
    doc: &Doc,
    b: &Briefing,
    registry: &Registry,
    e: Entity,
    typo: &Option<String>,
) -> Option<(i64, Vec<FieldMatch>)> {
    let names = entity_names(e, registry);
    let mut found: Vec<FieldMatch> = Vec::new();
    let mut push = |field: Field, value: &str| {
        let mut ranges: Vec<Range<usize>> =
            names.iter().flat_map(|n| name_ranges(value, n)).collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        ranges.dedup();
        if !ranges.is_empty() {
            found.push(FieldMatch {
                field,
                value: value.to_string(),
                ranges,
                read_as: Some(ReadAs::new(e, registry)),
                typo: typo.clone(),
            });
        }
    };
    push(Field::Title, &b.title);
    for (f, t) in &doc.short {
        if !another_countrys_name(&t.original, e) {
            push(*f, &t.original);
        }
    }
    push(Field::Summary, b.summary.as_deref().unwrap_or_default());
    push(Field::Body, &b.body);
    let listed = concerns(b, e, registry);
    let tier = found
        .iter()
        .map(|m| m.field.tier())
        .chain(listed.then(|| Field::Actors.tier()))
        .max()?;
    Some((tier + ENTITY_BONUS, found))
}

/// One folded word (or one of its forms) in one briefing, without typos: in
/// the title first, then the short fields, then the summary and the body.
fn match_word(
    matcher: &SkimMatcherV2,
    doc: &Doc,
    b: &Briefing,
    word: &String,
    plain: bool,
) -> Option<(i64, Vec<FieldMatch>)> {
    let (score, found) = match_words(matcher, &doc.title, word, plain)
        .map(|(score, idx)| {
            let m = FieldMatch::plain(Field::Title, b.title.clone(), to_ranges(idx));
            (score, m)
        })
        .or_else(|| best_short_match(matcher, doc, word))
        .or_else(|| text_match(doc, b, word))?;
    Some((found.field.tier() + score, vec![found]))
}

/// The best match of `word` among the short fields (place, countries, actors…).
fn best_short_match(matcher: &SkimMatcherV2, doc: &Doc, word: &str) -> Option<(i64, FieldMatch)> {
    let mut best: Option<(i64, FieldMatch)> = None;
    for (field, text) in &doc.short {
        if let Some((score, idx)) = match_words(matcher, text, word, false)
            && best.as_ref().is_none_or(|(s, _)| score > *s)
        {
            let m = FieldMatch::plain(*field, text.original.clone(), to_ranges(idx));
            best = Some((score, m));
        }
    }
    best
}

/// `word` as the start of a word of the summary, else of the body; its points
/// within the field's tier (2 more when written plain, as the index's postings).
fn text_match(doc: &Doc, b: &Briefing, word: &String) -> Option<(i64, FieldMatch)> {
    let words = std::slice::from_ref(word);
    // As the index's postings: a word is plain in a briefing if written plain
    // once, in the summary or the body.
    let is_plain = |w: &String| {
        doc.summary_plain.binary_search(w).is_ok() || doc.body_plain.binary_search(w).is_ok()
    };
    let plain = |list: &[String]| {
        let at = list.partition_point(|w| w.as_str() < word.as_str());
        let any = list[at..]
            .iter()
            .take_while(|w| w.starts_with(word.as_str()))
            .any(is_plain);
        if any { 2 } else { 0 }
    };
    if has_prefix(&doc.summary_words, word) {
        let summary = b.summary.clone().unwrap_or_default();
        let ranges = word_ranges(&summary, words);
        let m = FieldMatch::plain(Field::Summary, summary, ranges);
        return Some((10 + plain(&doc.summary_words), m));
    }
    if has_prefix(&doc.body_words, word) {
        let m = FieldMatch::plain(Field::Body, String::new(), word_ranges(&b.body, words));
        return Some((10 + plain(&doc.body_words), m));
    }
    None
}

/// Char ranges of the words of `text` within the typo budget of `word` (and
/// above the corpus's `floor`), and the best points.
fn typo_ranges(
    text: &str,
    word: &str,
    prefix: bool,
    floor: i64,
) -> (Option<i64>, Vec<Range<usize>>) {
    let folded = Folded::new(text);
    let mut best = None;
    let mut out = Vec::new();
    for (start, w) in word_spans(&folded.text) {
        if let Some(points) = typo_points(word, &w, prefix).filter(|&p| above_floor(p, floor)) {
            best = Some(best.map_or(points, |b: i64| b.max(points)));
            let end = start + w.chars().count() - 1;
            if let (Some(&a), Some(&z)) = (folded.origin.get(start), folded.origin.get(end)) {
                out.push(a as usize..z as usize + 1);
            }
        }
    }
    (best, out)
}

/// A word found nowhere as typed, matched with typos in one briefing.
fn match_typo(
    doc: &Doc,
    b: &Briefing,
    word: &str,
    prefix: bool,
    floor: i64,
) -> Option<(i64, Vec<FieldMatch>)> {
    let mut found: Vec<(i64, FieldMatch)> = Vec::new();
    let mut push = |field: Field, value: &str| {
        let (points, ranges) = typo_ranges(value, word, prefix, floor);
        if let Some(p) = points {
            found.push((
                field.tier() + p,
                FieldMatch {
                    field,
                    value: if field == Field::Body {
                        String::new()
                    } else {
                        value.to_string()
                    },
                    ranges,
                    read_as: None,
                    typo: None,
                },
            ));
        }
    };
    push(Field::Title, &b.title);
    for (f, t) in &doc.short {
        push(*f, &t.original);
    }
    push(Field::Summary, b.summary.as_deref().unwrap_or_default());
    push(Field::Body, &b.body);
    let (score, m) = found
        .into_iter()
        .reduce(|a, b| if b.0 > a.0 { b } else { a })?;
    Some((score, vec![m]))
}

/// Where each term of `query` matched in one briefing, with char ranges to highlight.
pub fn explain(corpus: &Folder, query: &Query, doc: usize) -> Vec<FieldMatch> {
    let Some(b) = corpus.briefings.get(doc) else {
        return Vec::new();
    };
    // Matches in the body need the body, read from its file if need be.
    let full = corpus.full(b).unwrap_or(std::borrow::Cow::Borrowed(&**b));
    let b = &*full;
    let matcher = SkimMatcherV2::default().ignore_case();
    let d = Doc::new(b, &corpus.registry);
    let registry = &corpus.registry;
    query
        .terms
        .iter()
        .filter(|t| !t.negated)
        .filter_map(|t| {
            // As in scoring: a word found nowhere as a word is matched with
            // typos too, and the better of the two readings is shown.
            let typed = match_term(&matcher, &d, b, registry, t, None);
            let (idx, text) = (corpus.index(), corpus.text_index(true));
            if !typos_allowed(t) || found_as_word(idx, text, t) {
                return typed;
            }
            let word = t.words.first()?;
            let floor = typo_floor(idx, text, word, t.prefix);
            let typo = match_term(&matcher, &d, b, registry, t, Some(floor));
            match (typed, typo) {
                (Some(a), Some(b)) if b.0 >= scattered(a.0) => Some(b),
                (a, b) => a.or(b),
            }
        })
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
        } else if t.entity.is_some() {
            let name = Name {
                words: t.words.clone(),
                caps: None,
            };
            idx.extend(name_ranges(title, &name).into_iter().flatten());
        } else if let Some(w) = t.words.first() {
            let fuzzy = std::iter::once(w)
                .chain(&t.forms)
                .find_map(|w| match_words(&matcher, &text, w, false));
            match fuzzy {
                Some((_, positions)) => idx.extend(positions),
                None => idx.extend(typo_ranges(title, w, t.prefix, 0).1.into_iter().flatten()),
            }
        }
    }
    to_ranges(idx)
}
