//! Topics named in a text, by any name of the topic registry (canonical
//! name, aliases, translations), whole words, case and accents ignored:
//! "trafic de migrants" in a title gives the topic "trafic de migrants",
//! "smuggling" in an English article the same.

use brief_core::topics::Topics;

use super::matcher::{Haystack, Matcher};

/// Distinct topics in order of first mention: the topic's name as the
/// briefings write it, and the words of the text that named it.
pub fn find(text: &str, topics: &Topics) -> Vec<(String, String)> {
    if topics.is_empty() {
        return Vec::new();
    }
    let matcher = Matcher::new(topics.all().iter().enumerate().flat_map(|(i, t)| {
        t.names()
            .map(move |n| (n.to_string(), i))
            .collect::<Vec<_>>()
    }));
    let hay = Haystack::new(text);
    let mut seen: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (found, id) in matcher.find(&hay) {
        if seen.contains(&id) {
            continue;
        }
        if let Some(t) = topics.get(id) {
            seen.push(id);
            out.push((t.name.clone(), found.text));
        }
    }
    out
}
