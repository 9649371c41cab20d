//! ISO 3166-1 alpha-2 countries and territories, with French and English names
//! and common variants, and a forgiving resolver from what a user typed.
//!
//! Matching ignores case, accents, apostrophe style, hyphens vs spaces, dots
//! ("U.S.A." = "USA") and surrounding or repeated whitespace.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold;

mod table;
use table::COUNTRIES;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, uppercase ("TN").
    pub code: &'static str,
    /// Short name as commonly written in French ("Tunisie").
    pub name_fr: &'static str,
    /// Short name in English ("Tunisia").
    pub name_en: &'static str,
    /// Other accepted names, in either language.
    pub variants: &'static [&'static str],
}

impl Country {
    /// Every searchable name of a country: code, name_fr, name_en, variants.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        let c = *self;
        [c.code, c.name_fr, c.name_en]
            .into_iter()
            .chain(c.variants.iter().copied())
    }
}

/// All countries, sorted by code.
pub fn all() -> &'static [Country] {
    COUNTRIES
}

/// Exact alpha-2 code lookup, case-insensitive ("tn", "TN").
pub fn by_code(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // Called for every country name shown or indexed: no allocation.
    let mut upper = [0u8; 2];
    upper.copy_from_slice(code.as_bytes());
    upper.make_ascii_uppercase();
    COUNTRIES
        .binary_search_by(|c| c.code.as_bytes().cmp(&upper[..]))
        .ok()
        .map(|i| &COUNTRIES[i])
}

/// The country of these two capital letters, from a table made once: a
/// million places are read from the cache at every start.
pub fn by_letters(letters: [u8; 2]) -> Option<&'static Country> {
    static AT: std::sync::LazyLock<Vec<u16>> = std::sync::LazyLock::new(|| {
        let mut at = vec![0u16; 26 * 26];
        for (i, c) in COUNTRIES.iter().enumerate() {
            if let [a, b] = *c.code.as_bytes()
                && let Some(slot) = letter_pair(a, b).and_then(|k| at.get_mut(k))
            {
                *slot = u16::try_from(i + 1).unwrap_or(0);
            }
        }
        at
    });
    let [a, b] = letters;
    let i = *AT.get(letter_pair(a, b)?)?;
    COUNTRIES.get(usize::from(i).checked_sub(1)?)
}

/// Where two capital letters sit in a table of every pair.
fn letter_pair(a: u8, b: u8) -> Option<usize> {
    let place = |l: u8| l.is_ascii_uppercase().then(|| usize::from(l - b'A'));
    Some(place(a)? * 26 + place(b)?)
}

/// Resolves a code, a French or English name, or a variant, ignoring case, accents,
/// apostrophe style, hyphens vs spaces and surrounding whitespace.
/// Err carries the nearest country as a suggestion when one is plausible (typos like "Tunisei", "Nigr").
///
/// Also accepted as exact: a leading article ("la Tunisie", "the Gambia"), a
/// parenthesised aside ("Saint-Siège (Vatican)") and the inverted list form
/// ("Corée, République de").
pub fn resolve(input: &str) -> Result<&'static Country, Option<&'static Country>> {
    let trimmed = input.trim();
    // Two-letter inputs are codes first (`by_code` ignores anything else).
    if let Some(c) = by_code(trimmed) {
        return Ok(c);
    }
    let key = normalize(trimmed);
    if key.is_empty() {
        return Err(None);
    }
    let idx = index();
    let alts = alternatives(&key);
    for alt in &alts {
        if let Some(&i) = idx.exact.get(alt) {
            return Ok(&COUNTRIES[i]);
        }
    }
    // The most reduced form is the best basis for a suggestion.
    let core = alts.last().map_or(key.as_str(), String::as_str);
    Err(suggest(idx, core).map(|i| &COUNTRIES[i]))
}

/// `resolve` without the suggestion: only an exact reading, and cheap for
/// any input (what reading a query word by word needs).
pub fn lookup(input: &str) -> Option<&'static Country> {
    let trimmed = input.trim();
    if let Some(c) = by_code(trimmed) {
        return Some(c);
    }
    let key = normalize(trimmed);
    if key.is_empty() {
        return None;
    }
    let idx = index();
    alternatives(&key)
        .iter()
        .find_map(|alt| idx.exact.get(alt).map(|&i| &COUNTRIES[i]))
}

/// Lookup structures, built once.
struct Index {
    /// Normalised name -> index in `COUNTRIES`.
    exact: HashMap<String, usize>,
    /// Normalised names (codes excluded) for suggestions, in table order.
    fuzzy: Vec<(String, usize)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut exact = HashMap::new();
        let mut fuzzy = Vec::new();
        for (i, c) in COUNTRIES.iter().enumerate() {
            for name in c.names() {
                let key = normalize(name);
                // Collisions are ruled out by a test; the first entry wins regardless.
                if !exact.contains_key(&key) {
                    exact.insert(key.clone(), i);
                    if name != c.code {
                        fuzzy.push((key, i));
                    }
                }
            }
        }
        Index { exact, fuzzy }
    })
}

/// Matching form: folded (case, accents, apostrophes), hyphens as spaces,
/// dots dropped, whitespace collapsed and trimmed.
fn normalize(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.replace('.', ""))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// Forms of a normalised key worth an exact lookup, from the key itself to the
/// most reduced one (no parenthesised aside, list form un-inverted, no article).
fn alternatives(key: &str) -> Vec<String> {
    let mut out = vec![key.to_string()];
    let push = |s: String, out: &mut Vec<String>| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    if key.contains('(') {
        let mut bare = String::new();
        let mut depth = 0usize;
        for ch in key.chars() {
            match ch {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                c if depth == 0 => bare.push(c),
                _ => {}
            }
        }
        push(normalize(&bare), &mut out);
    }
    for i in 0..out.len() {
        if let Some((head, tail)) = out[i].split_once(',') {
            let tail = tail.trim();
            if !tail.is_empty() && !tail.contains(',') {
                // "iran, republique islamique d'" -> "republique islamique d'iran"
                let sep = if tail.ends_with('\'') { "" } else { " " };
                push(format!("{tail}{sep}{}", head.trim()), &mut out);
            }
        }
    }
    for i in 0..out.len() {
        let s = &out[i];
        let stripped = ["the ", "la ", "le ", "les ", "l'"]
            .iter()
            .find_map(|a| s.strip_prefix(a));
        if let Some(rest) = stripped {
            push(rest.trim().to_string(), &mut out);
        }
    }
    out
}

/// Words that only dress a country name up into an official form.
const BOILERPLATE: &[&str] = &[
    "and",
    "arab",
    "arabe",
    "commonwealth",
    "d",
    "de",
    "democratic",
    "democratique",
    "des",
    "du",
    "duche",
    "duchy",
    "et",
    "etat",
    "federal",
    "federale",
    "grand",
    "independant",
    "independent",
    "islamic",
    "islamique",
    "kingdom",
    "l",
    "la",
    "le",
    "les",
    "of",
    "people",
    "popular",
    "populaire",
    "principality",
    "principaute",
    "republic",
    "republique",
    "royaume",
    "s",
    "socialist",
    "socialiste",
    "state",
    "sultanat",
    "sultanate",
    "the",
    "union",
];

/// Nearest country for a key that matched nothing exactly, tried in order:
/// a prefix (4+ characters) of names of one country only (several: no
/// suggestion); a country name found as whole words in an
/// official-looking form ("République d'Islande"); the smallest edit distance
/// within tolerance; any country name found as whole words.
fn suggest(idx: &Index, key: &str) -> Option<usize> {
    let len = key.chars().count();
    if len >= 4 {
        let mut found = None;
        let mut unique = true;
        for (name, i) in &idx.fuzzy {
            if name.starts_with(key) {
                match found {
                    None => found = Some(*i),
                    Some(j) if j != *i => unique = false,
                    Some(_) => {}
                }
            }
        }
        if found.is_some() {
            // The start of several names ("Guin", "Saint") is not a typo of another.
            return found.filter(|_| unique);
        }
    }

    let contained = contained_name(idx, key);
    if let Some((i, true)) = contained {
        return Some(i);
    }

    // Below four characters an input is an acronym ("UE", "ONU"): fuzzing it
    // against names only produces nonsense.
    let mut best: Option<(usize, usize)> = None;
    if len >= 4 {
        for (name, i) in &idx.fuzzy {
            if name.len() < 4 {
                continue;
            }
            // Optimal string alignment: swapping two adjacent characters
            // ("Tunisei") costs one edit, not two.
            let d = strsim::osa_distance(key, name);
            if best.is_none_or(|(bd, _)| d < bd) && plausible_typo(key, name, d) {
                best = Some((d, *i));
            }
        }
    }
    best.map(|(_, i)| i).or(contained.map(|(i, _)| i))
}

/// Words of a normalised key, apostrophes splitting too ("d'islande").
fn tokens(s: &str) -> Vec<&str> {
    s.split([' ', '\''])
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The longest country name (4+ characters) appearing as whole words inside a
/// longer `key`, unless two countries tie; with whether every other word of
/// `key` is boilerplate.
fn contained_name(idx: &Index, key: &str) -> Option<(usize, bool)> {
    let words = tokens(key);
    let mut best: Option<(usize, usize, bool)> = None; // (name length, index, strong)
    let mut tied = false;
    for (name, i) in &idx.fuzzy {
        let n = name.chars().count();
        if n < 4 || best.is_some_and(|(bn, _, _)| n < bn) {
            continue;
        }
        let name_words = tokens(name);
        if name_words.is_empty() || name_words.len() >= words.len() {
            continue;
        }
        let Some(at) = words
            .windows(name_words.len())
            .position(|w| w == name_words.as_slice())
        else {
            continue;
        };
        let strong = words
            .iter()
            .enumerate()
            .filter(|(k, _)| *k < at || *k >= at + name_words.len())
            .all(|(_, w)| BOILERPLATE.contains(w));
        match best {
            Some((bn, bi, _)) if bn == n => tied |= bi != *i,
            _ => {
                best = Some((n, *i, strong));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, i, strong)| (i, strong))
}

/// Whether `name`, at edit distance `d` from `key`, is a believable typo:
/// within tolerance for the whole input (1 up to five characters, else
/// max(2, len/3)), and within max(2, n/3) of the n characters that differ once
/// a shared prefix and suffix are set aside, so shared boilerplate
/// ("République de …") cannot make two different countries look close.
fn plausible_typo(key: &str, name: &str, d: usize) -> bool {
    let a: Vec<char> = key.chars().collect();
    let b: Vec<char> = name.chars().collect();
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mid = (a.len() - pre - suf).max(b.len() - pre - suf);
    // Short words tolerate a single slip; longer ones max(2, len/3).
    let limit = if a.len() <= 5 {
        1
    } else {
        (a.len() / 3).max(2)
    };
    d <= limit && d <= (mid / 3).max(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    // clippy's allow-panic-in-tests covers #[test] functions, not their helpers.
    #[allow(clippy::panic)]
    fn code(input: &str) -> &'static str {
        match resolve(input) {
            Ok(c) => c.code,
            Err(s) => panic!("{input:?} did not resolve (suggestion: {s:?})"),
        }
    }

    #[test]
    fn table_is_complete_sorted_and_well_formed() {
        let t = all();
        assert!(t.len() >= 249, "only {} entries", t.len());
        assert_eq!(t.len(), 250, "249 ISO entries + XK");
        for w in t.windows(2) {
            assert!(
                w[0].code < w[1].code,
                "not sorted/unique: {} {}",
                w[0].code,
                w[1].code
            );
        }
        for c in t {
            assert_eq!(c.code.len(), 2, "{c:?}");
            assert!(c.code.bytes().all(|b| b.is_ascii_uppercase()), "{c:?}");
            for n in c.names() {
                assert!(
                    !n.is_empty() && n.trim() == n,
                    "bad name {n:?} in {}",
                    c.code
                );
                assert!(!n.contains('’'), "typographic apostrophe in {n:?}");
            }
        }
    }

    #[test]
    fn no_name_maps_to_two_countries() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut collisions = Vec::new();
        for c in all() {
            for n in c.names() {
                let key = normalize(n);
                assert!(!key.is_empty(), "{n:?} normalises to nothing");
                match seen.insert(key.clone(), c.code) {
                    Some(other) if other != c.code => {
                        collisions.push(format!("{key:?}: {other} / {}", c.code));
                    }
                    _ => {}
                }
            }
        }
        assert!(collisions.is_empty(), "collisions: {collisions:#?}");
    }

    #[test]
    fn every_name_resolves_to_its_country() {
        for c in all() {
            for n in c.names() {
                assert_eq!(code(n), c.code, "{n:?}");
            }
        }
    }

    #[test]
    fn by_letters_finds_every_code_of_the_table_and_nothing_else() {
        for c in all() {
            let letters: [u8; 2] = c.code.as_bytes().try_into().expect("two letters");
            assert_eq!(by_letters(letters).map(|f| f.code), Some(c.code));
        }
        for letters in [*b"UK", *b"ZZ", *b"fr", *b"F@", [0, 0], [0xc3, 0xa9]] {
            assert!(by_letters(letters).is_none(), "{letters:?}");
        }
    }

    #[test]
    fn by_code_is_case_insensitive() {
        assert_eq!(by_code("tn").map(|c| c.name_fr), Some("Tunisie"));
        assert_eq!(by_code(" TN ").map(|c| c.name_en), Some("Tunisia"));
        assert_eq!(by_code("xk").map(|c| c.name_fr), Some("Kosovo"));
        assert!(by_code("UK").is_none());
        assert!(by_code("T").is_none());
        assert!(by_code("TUN").is_none());
        assert!(by_code("é").is_none());
    }

    #[test]
    fn resolves_codes_names_and_variants() {
        for s in [
            "TN",
            "tn",
            "Tunisie",
            "tunisie",
            "Tunisia",
            "TUNISIE",
            "  Tunisie  ",
        ] {
            assert_eq!(code(s), "TN", "{s:?}");
        }
        for s in [
            "Pays-Bas",
            "pays bas",
            "PAYS  -  BAS",
            "Netherlands",
            "Holland",
            "Hollande",
        ] {
            assert_eq!(code(s), "NL", "{s:?}");
        }
        for s in [
            "Royaume-Uni",
            "royaume uni",
            "United Kingdom",
            "UK",
            "U.K.",
            "Grande-Bretagne",
        ] {
            assert_eq!(code(s), "GB", "{s:?}");
        }
        for s in ["États-Unis", "etats unis", "USA", "U.S.A.", "us"] {
            assert_eq!(code(s), "US", "{s:?}");
        }
        assert_eq!(code("Palestine"), "PS");
        assert_eq!(code("Territoires palestiniens"), "PS");
        for s in [
            "Côte d'Ivoire",
            "Cote d’Ivoire",
            "COTE D'IVOIRE",
            "Ivory Coast",
        ] {
            assert_eq!(code(s), "CI", "{s:?}");
        }
        assert_eq!(code("Egypte"), "EG");
        assert_eq!(code("Égypte"), "EG");
        assert_eq!(code("Israel"), "IL");
        assert_eq!(code("Israël"), "IL");
        assert_eq!(code("RDC"), "CD");
        assert_eq!(code("Congo"), "CG");
        assert_eq!(code("Niger"), "NE");
        assert_eq!(code("Nigéria"), "NG");
        assert_eq!(code("Saint Martin"), "MF");
        assert_eq!(code("Sint Maarten"), "SX");
        assert_eq!(code("Türkiye"), "TR");
        assert_eq!(code("turkiye"), "TR");
        assert_eq!(code("Kosovo"), "XK");
        assert_eq!(code("Saint-Siège"), "VA");
    }

    #[test]
    fn resolves_articles_asides_and_inverted_forms() {
        assert_eq!(code("la Tunisie"), "TN");
        assert_eq!(code("les Pays-Bas"), "NL");
        assert_eq!(code("l'Algérie"), "DZ");
        assert_eq!(code("L’Égypte"), "EG");
        assert_eq!(code("the Netherlands"), "NL");
        assert_eq!(code("Saint-Siège (Vatican)"), "VA");
        assert_eq!(code("Corée, République de"), "KR");
        assert_eq!(code("Iran, République islamique d'"), "IR");
        assert_eq!(code("Virgin Islands, British"), "VG");
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(strsim::osa_distance("tunisei", "tunisie"), 1);
        assert_eq!(strsim::osa_distance("nigr", "niger"), 1);
        assert_eq!(strsim::osa_distance("", "abc"), 3);
        assert_eq!(strsim::osa_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggests_on_typos() {
        assert_eq!(
            resolve("Tunisei").map_err(|s| s.map(|c| c.code)),
            Err(Some("TN"))
        );
        assert_eq!(
            resolve("Nigr").map_err(|s| s.map(|c| c.code)),
            Err(Some("NE"))
        );
        assert_eq!(
            resolve("Alemagne").map_err(|s| s.map(|c| c.code)),
            Err(Some("DE"))
        );
        // Unique prefix.
        assert_eq!(
            resolve("Mada").map_err(|s| s.map(|c| c.code)),
            Err(Some("MG"))
        );
        assert_eq!(
            resolve("Tuni").map_err(|s| s.map(|c| c.code)),
            Err(Some("TN"))
        );
        // Official-looking forms point at the country they name, not at the
        // neighbour sharing the boilerplate ("Republic of Austria").
        assert_eq!(
            resolve("Republic of Tunisia").map_err(|s| s.map(|c| c.code)),
            Err(Some("TN"))
        );
        assert_eq!(
            resolve("République d'Islande").map_err(|s| s.map(|c| c.code)),
            Err(Some("IS"))
        );
        assert_eq!(
            resolve("Republic of Guyana").map_err(|s| s.map(|c| c.code)),
            Err(Some("GY"))
        );
        // Typos inside longer names still win over a contained shorter name.
        assert_eq!(
            resolve("Soudan du Sdu").map_err(|s| s.map(|c| c.code)),
            Err(Some("SS"))
        );
        assert_eq!(
            resolve("Guinée équatorial").map_err(|s| s.map(|c| c.code)),
            Err(Some("GQ"))
        );
        // Acronyms and ambiguous beginnings get no suggestion.
        assert_eq!(resolve("UE"), Err(None));
        assert_eq!(resolve("ONU"), Err(None));
        assert_eq!(resolve("Guin"), Err(None));
        assert_eq!(resolve("Saint"), Err(None));
        assert_eq!(resolve("Corée"), Err(None));
        assert_eq!(resolve("zzzz"), Err(None));
        assert_eq!(resolve("zz"), Err(None));
        assert_eq!(resolve(""), Err(None));
        assert_eq!(resolve("   "), Err(None));
        assert_eq!(resolve("Commission européenne"), Err(None));
    }

    #[test]
    fn names_lists_code_then_names_then_variants() {
        let tn = by_code("TN").unwrap();
        let names: Vec<_> = tn.names().collect();
        assert_eq!(&names[..3], &["TN", "Tunisie", "Tunisia"]);
        assert_eq!(names.len(), 3 + tn.variants.len());
    }
}
