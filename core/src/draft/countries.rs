//! Countries named in a text: French and English names and variants from the
//! country table, and demonyms and adjectives in all their forms ("belges",
//! "lettonnes", "néerlandais"), through one multi-pattern matcher.

use std::sync::OnceLock;

use super::matcher::{Found, Haystack, Matcher};
use crate::countries;
use crate::model::CountryCode;

const DEMONYMS: &str = include_str!("demonyms.tsv");

/// Country names that are also common words or first names in the articles'
/// languages; they are left to the reviewer.
const AMBIGUOUS: &[&str] = &["maurice", "jersey", "georgia", "jordan", "chad", "guinea"];

fn matcher() -> &'static Matcher<CountryCode> {
    static M: OnceLock<Matcher<CountryCode>> = OnceLock::new();
    M.get_or_init(|| {
        let mut names = Vec::new();
        for c in countries::all() {
            let Some(code) = CountryCode::new(c.code) else {
                continue;
            };
            for name in c.names() {
                // Codes are not names in running text ("le", "la" would match).
                if name == c.code || AMBIGUOUS.contains(&crate::text::fold(name).as_str()) {
                    continue;
                }
                names.push((name.to_string(), code));
            }
        }
        for (code, forms) in demonyms() {
            for f in forms {
                names.push((f, code));
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
    matcher()
        .find(&hay)
        .into_iter()
        // "en français" is a language, not a country.
        .filter(|(f, _)| {
            let before = text[..f.span.start].trim_end();
            let is_demonym = f.text.chars().next().is_some_and(|c| c.is_lowercase());
            !(is_demonym && before.ends_with(" en"))
        })
        .collect()
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
