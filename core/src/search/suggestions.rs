//! "Did you mean": for a query with no result, the nearest known name.

use crate::load::Folder;
use crate::query::Query;
use crate::text::fold;

/// For a query with no result: the nearest actor, country or title word to one
/// of its words, as `Frontex (actor)`.
pub fn suggest(corpus: &Folder, query: &Query) -> Option<String> {
    let mut candidates: Vec<(String, &str)> = Vec::new();
    for a in corpus.registry.actors() {
        for n in a.names() {
            candidates.push((n.to_string(), "actor"));
        }
    }
    for c in &corpus.index().countries {
        candidates.push((c.name_fr().to_string(), "country"));
        candidates.push((c.name_en().to_string(), "country"));
    }
    // Each distinct title word once, from the index of titles and names
    // (folded), not from the titles: reading every title decoded every
    // briefing, 9.7 s for a word nothing matches at a million.
    let index = corpus.index();
    for (word, docs) in index.words.text.iter().zip(&index.title_docs) {
        if !docs.is_empty() && word.chars().count() >= 4 {
            candidates.push((word.to_string(), "title word"));
        }
    }
    for term in query.terms.iter().filter(|t| !t.negated) {
        let word = term.words.join(" ");
        if let Some(best) = crate::text::closest(&word, candidates.iter().map(|(c, _)| c.as_str()))
            && fold(best) != word
        {
            let kind = candidates
                .iter()
                .find(|(c, _)| c == best)
                .map_or("", |(_, k)| k);
            let shown = match kind {
                "title word" => as_written(corpus, best),
                _ => best.to_string(),
            };
            return Some(format!("{shown} ({kind})"));
        }
    }
    None
}

/// A title word as a title writes it, lowercased (`transfrontalière`), from
/// the first briefing whose title holds the folded `word`; the folded word
/// if none does.
fn as_written(corpus: &Folder, word: &str) -> String {
    let index = corpus.index();
    let at = index.words.text.iter().position(|w| &**w == word);
    let first = at.and_then(|w| index.title_docs.get(w)?.first().copied());
    let title = first.and_then(|d| corpus.briefings.get(d as usize));
    title
        .and_then(|b| {
            b.title
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| fold(w) == word)
                .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        })
        .unwrap_or_else(|| word.to_string())
}
