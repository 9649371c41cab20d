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
    // Each distinct title word once: 100,000 titles repeat the same words.
    let mut seen: rustc_hash::FxHashSet<String> = Default::default();
    let mut lower = String::new();
    for b in corpus.briefings.iter() {
        for w in b
            .title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
        {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            if !seen.contains(&lower) {
                seen.insert(lower.clone());
                candidates.push((lower.clone(), "title word"));
            }
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
            return Some(format!("{best} ({kind})"));
        }
    }
    None
}
