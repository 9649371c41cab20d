//! Organisation names the registry does not know, proposed to the reviewer.

use super::{ActorIndex, word_spans};
use crate::matcher::Haystack;

/// Heads of organisation names, for proposals.
const ORG_HEADS: &[&str] = &[
    "Agence",
    "Association",
    "Autorité",
    "Bureau",
    "Centre",
    "Comité",
    "Commission",
    "Conseil",
    "Direction",
    "Fédération",
    "Fonds",
    "Groupe",
    "Institut",
    "Instance",
    "Ministère",
    "Office",
    "Organisation",
    "Programme",
    "Réseau",
    "Agency",
    "Centre",
    "Council",
    "Ministry",
    "Office",
    "Organization",
    "Organisation",
];

/// Small words inside organisation names ("et" is not one: it more often
/// joins two names than it sits inside one).
const CONNECTORS: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l", "d", "pour", "en", "aux", "au", "of", "the", "for",
    "on",
];

impl ActorIndex<'_> {
    /// Capitalised organisation names and parenthesised acronyms that no
    /// registry name covers, for the reviewer to add or ignore.
    pub fn proposals(&self, text: &str) -> Vec<String> {
        let hay = Haystack::new(text);
        let mut covered: Vec<std::ops::Range<usize>> = self
            .names
            .find(&hay)
            .into_iter()
            .map(|(f, _)| f.span)
            .collect();
        covered.sort_by_key(|r| r.start);
        // The furthest end of the spans up to each one: `a` is inside a
        // span when one starting at or before it ends after it (a binary
        // search, not a scan of every span at every word).
        let reach: Vec<usize> = covered
            .iter()
            .scan(0, |max, r| {
                *max = (*max).max(r.end);
                Some(*max)
            })
            .collect();
        let inside = |a: usize| {
            let k = covered.partition_point(|r| r.start <= a);
            k > 0 && reach.get(k - 1).is_some_and(|&end| end > a)
        };
        let mut out: Vec<String> = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let words: Vec<(usize, &str)> = word_spans(text);
        let mut i = 0;
        while i < words.len() {
            let (start, w) = words[i];
            if ORG_HEADS.contains(&w) && !inside(start) {
                let mut j = i + 1;
                let mut last = i;
                let mut capitals = 1;
                while j < words.len() && j - i < 14 {
                    let (ws, word) = words[j];
                    // Stop at punctuation between the words.
                    let gap = &text[words[j - 1].0 + words[j - 1].1.len()..ws];
                    if gap.contains([',', '.', ';', ':', '(', ')', '«', '»', '–']) {
                        break;
                    }
                    if word.chars().next().is_some_and(char::is_uppercase) {
                        capitals += 1;
                        last = j;
                    } else if !CONNECTORS.contains(&word) {
                        break;
                    }
                    j += 1;
                }
                if capitals >= 2 {
                    let end = words[last].0 + words[last].1.len();
                    let name = text[start..end].to_string();
                    if self.registry.resolve(&name).is_none() && seen.insert(name.clone()) {
                        out.push(name);
                    }
                }
                i = last + 1;
                continue;
            }
            i += 1;
        }
        // Acronyms in the running text: "ONU", "IBG", "MRF".
        for (start, w) in &words {
            // Most words fail on their first letter; nothing is allocated.
            let letters = || w.chars().filter(|c| c.is_alphabetic());
            let is_acronym = letters().next().is_some_and(char::is_uppercase)
                && letters().count() >= 3
                && letters().all(char::is_uppercase)
                && !letters().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'));
            if is_acronym
                && !inside(*start)
                && self.registry.resolve(w).is_none()
                && seen.insert(w.to_string())
            {
                out.push(w.to_string());
            }
        }
        // "(GTTC)", "(MP)": acronyms given in parentheses.
        for (p, _) in text.match_indices('(') {
            // An acronym is short: its `)` is near, not searched to the end.
            let rest = &text[p + 1..];
            let mut near = rest.len().min(48);
            while !rest.is_char_boundary(near) {
                near -= 1;
            }
            let Some(close) = rest[..near].find(')') else {
                continue;
            };
            let inner = rest[..close].trim();
            let is_acronym = (2..=10).contains(&inner.chars().count())
                && inner
                    .chars()
                    .all(|c| c.is_uppercase() || c == '/' || c.is_ascii_digit())
                && inner.chars().filter(|c| c.is_uppercase()).count() >= 2;
            if is_acronym
                && self.registry.resolve(inner).is_none()
                && brief_core::countries::by_code(inner).is_none()
                && seen.insert(inner.to_string())
            {
                out.push(inner.to_string());
            }
        }
        out
    }
}
