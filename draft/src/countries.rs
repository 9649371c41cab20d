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
    matcher()
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
        .collect()
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
