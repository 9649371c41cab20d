//! "Did you mean": for a query with no result, the nearest known name.

use crate::corpus::Corpus;
use crate::query::Query;
use crate::text::fold;

/// For a query with no result: the nearest actor, country or title word to one
/// of its words, as `Frontex (actor)`.
pub fn suggest(corpus: &Corpus, query: &Query) -> Option<String> {
    let mut candidates: Vec<(String, &str)> = Vec::new();
    for a in corpus.registry.actors() {
        for n in a.names() {
            candidates.push((n.to_string(), "actor"));
        }
    }
    for b in &corpus.briefings {
        for c in &b.countries {
            candidates.push((c.name_fr().to_string(), "country"));
            candidates.push((c.name_en().to_string(), "country"));
        }
        for w in b
            .title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
        {
            candidates.push((w.to_lowercase(), "title word"));
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
