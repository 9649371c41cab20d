//! Countries named in a text: French and English names and variants from the
//! country table, and demonyms and adjectives in all their forms ("belges",
//! "lettonnes", "néerlandais"), through one multi-pattern matcher.

use std::sync::OnceLock;

use super::matcher::{Found, Haystack, Matcher};
use brief_core::countries;
use brief_core::model::CountryCode;

const DEMONYMS: &str = include_str!("demonyms.tsv");

/// Country names that are also common words or first names in the articles'
/// languages; they are left to the reviewer.
const AMBIGUOUS: &[&str] = &["maurice", "jersey", "georgia", "jordan", "chad", "guinea"];

/// A country, and the name as the table writes it (`None` for a demonym).
type Entry = (CountryCode, Option<&'static str>);

fn matcher() -> &'static Matcher<Entry> {
    static M: OnceLock<Matcher<Entry>> = OnceLock::new();
    M.get_or_init(|| {
        let mut names = Vec::new();
        for c in countries::all() {
            let Some(code) = CountryCode::new(c.code) else {
                continue;
            };
            for name in c.names() {
                // Codes are not names in running text ("le", "la" would match).
                if name == c.code || AMBIGUOUS.contains(&brief_core::text::fold(name).as_str()) {
                    continue;
                }
                names.push((name.to_string(), (code, Some(name))));
            }
        }
        for (code, forms) in demonyms() {
            for f in forms {
                names.push((f, (code, None)));
            }
        }
        Matcher::new(names)
    })
}

/// The demonym table: code and every form.
pub fn demonyms() -> Vec<(CountryCode, Vec<String>)> {
    DEMONYMS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (code, forms) = l.split_once('\t')?;
            let code = CountryCode::new(code.trim())?;
            let forms = forms
                .split(',')
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty())
                .collect();
            Some((code, forms))
        })
        .collect()
}

/// Every country mention in `text`, in order (a country may come back).
pub fn find(text: &str) -> Vec<(Found, CountryCode)> {
    let hay = Haystack::new(text);
    let found = matcher()
        .find(&hay)
        .into_iter()
        .filter(|(f, (_, name))| {
            let capital = f.text.chars().next().is_some_and(char::is_uppercase);
            // Names keep their capitals: "la réunion" is not La Réunion.
            if let Some(name) = name {
                return capitals_kept(name, &f.text);
            }
            // "en français" is a language, not a country.
            let before = text[..f.span.start].trim_end();
            capital || !before.ends_with(" en")
        })
        .map(|(f, (code, _))| (f, code))
        .collect();
    with_evidence(text, found)
}

/// Whether every capitalised word of `name` is capitalised in `written`.
fn capitals_kept(name: &str, written: &str) -> bool {
    let words = |s: &str| -> Vec<bool> {
        s.split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect()
    };
    let (n, w) = (words(name), words(written));
    if n.len() != w.len() {
        return w.first().copied().unwrap_or(false);
    }
    n.iter().zip(&w).all(|(need, has)| !need || *has)
}

/// Distinct countries in order of first mention, each with its first mention.
pub fn distinct(text: &str) -> Vec<(CountryCode, String)> {
    let mut out: Vec<(CountryCode, String)> = Vec::new();
    for (f, code) in find(text) {
        if !out.iter().any(|(c, _)| *c == code) {
            out.push((code, f.text));
        }
    }
    out
}

/// Country names that are also common words or names at the start of a
/// sentence ("Réunion des ministres", "Hollande" the president, "Trinité" the
/// town): taken as the country only with evidence, a preposition before one
/// of its mentions ("à La Réunion", "en Hollande", "de la Trinité") or a
/// second mention inside a sentence.
const NEEDS_EVIDENCE: &[&str] = &["reunion", "la reunion", "hollande", "trinite"];

/// Words before a place name that make it a place.
const PREPOSITIONS: &[&str] = &[
    "a", "en", "au", "aux", "de", "d", "vers", "depuis", "in", "to", "from", "of", "at",
];

/// Words before a name that make it a person's ("François Hollande", "le
/// président Hollande", "M. Hollande").
const PERSON_TITLES: &[&str] = &["president", "m", "mr", "monsieur", "ministre", "premier"];

/// The folded words just before byte `at` of `text`, last first.
fn words_before(text: &str, at: usize) -> Vec<String> {
    // A clause's last words are enough: at most 200 bytes back, so that a
    // text without punctuation costs no more at each mention.
    let mut low = at.saturating_sub(200);
    while low > 0 && !text.is_char_boundary(low) {
        low -= 1;
    }
    let before = text.get(low..at).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '\n' | ':' | '–' | '—' | '«' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &before[start..];
    let mut words: Vec<String> = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.reverse();
    words
}

/// Whether a mention at `at` has a preposition before it ("à", "en", "de la").
fn after_preposition(text: &str, at: usize) -> bool {
    let words = words_before(text, at);
    let folded: Vec<String> = words.iter().map(|w| brief_core::text::fold(w)).collect();
    match folded.as_slice() {
        [w, ..] if PREPOSITIONS.contains(&w.as_str()) => true,
        [la, w, ..] if (la == "la" || la == "l") && PREPOSITIONS.contains(&w.as_str()) => true,
        _ => false,
    }
}

/// Whether a mention at `at` is inside a sentence, not after a first name or
/// a title ("François Hollande", "président Hollande").
fn inside_sentence(text: &str, at: usize) -> bool {
    let words = words_before(text, at);
    match words.first() {
        None => false,
        Some(w) => {
            let person = w.chars().next().is_some_and(char::is_uppercase)
                || PERSON_TITLES.contains(&brief_core::text::fold(w).as_str());
            !person
        }
    }
}

/// Drops the mentions of a name that needs evidence when the text gives none.
fn with_evidence(text: &str, found: Vec<(Found, CountryCode)>) -> Vec<(Found, CountryCode)> {
    let needs = |f: &Found| NEEDS_EVIDENCE.contains(&brief_core::text::fold(&f.text).as_str());
    // The mentions needing evidence, by country, gathered once (not again
    // at each mention: a text naming La Réunion at every line).
    let mut mentions: Vec<(CountryCode, Vec<&Found>)> = Vec::new();
    for (f, code) in &found {
        if !needs(f) {
            continue;
        }
        match mentions.iter_mut().find(|(c, _)| c == code) {
            Some((_, list)) => list.push(f),
            None => mentions.push((*code, vec![f])),
        }
    }
    let proven: Vec<CountryCode> = mentions
        .iter()
        .filter(|(_, list)| {
            list.iter().any(|f| after_preposition(text, f.span.start))
                || (list.len() >= 2 && list.iter().any(|f| inside_sentence(text, f.span.start)))
        })
        .map(|(code, _)| *code)
        .collect();
    found
        .into_iter()
        .filter(|(f, code)| !needs(f) || proven.contains(code))
        .collect()
}
