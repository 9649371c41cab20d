//! Topics named in a text, by any name of the topic registry (canonical
//! name, aliases, translations), whole words, case and accents ignored:
//! "trafic de migrants" in a title gives the topic "trafic de migrants",
//! "smuggling" in an English article the same.

use brief_core::topics::Topics;

use super::matcher::{Haystack, Matcher};

/// The topic registry's names, matched at once: built once per draft, not
/// once per meeting (a page of a thousand meetings built a thousand
/// automata).
pub struct TopicFinder<'r> {
    topics: &'r Topics,
    matcher: Matcher<usize>,
}

impl<'r> TopicFinder<'r> {
    pub fn new(topics: &'r Topics) -> TopicFinder<'r> {
        let matcher = Matcher::new(topics.all().iter().enumerate().flat_map(|(i, t)| {
            t.names()
                .map(move |n| (n.to_string(), i))
                .collect::<Vec<_>>()
        }));
        TopicFinder { topics, matcher }
    }

    /// Distinct topics in order of first mention: the topic's name as the
    /// briefings write it, and the words of the text that named it.
    pub fn find(&self, text: &str) -> Vec<(String, String)> {
        if self.topics.is_empty() {
            return Vec::new();
        }
        let hay = Haystack::new(text);
        let mut seen: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for (found, id) in self.matcher.find(&hay) {
            if seen.contains(&id) {
                continue;
            }
            if let Some(t) = self.topics.get(id) {
                seen.push(id);
                out.push((t.name.clone(), found.text));
            }
        }
        out
    }
}
