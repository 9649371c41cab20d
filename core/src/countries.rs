//! ISO 3166-1 alpha-2 countries and territories, with French and English names
//! and common variants, and a forgiving resolver from what a user typed.
//!
//! Matching ignores case, accents, apostrophe style, hyphens vs spaces, dots
//! ("U.S.A." = "USA") and surrounding or repeated whitespace.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold;

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
    let code = code.to_ascii_uppercase();
    COUNTRIES
        .binary_search_by(|c| c.code.cmp(code.as_str()))
        .ok()
        .map(|i| &COUNTRIES[i])
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

const fn c(
    code: &'static str,
    name_fr: &'static str,
    name_en: &'static str,
    variants: &'static [&'static str],
) -> Country {
    Country {
        code,
        name_fr,
        name_en,
        variants,
    }
}

/// ISO 3166-1 alpha-2 (249 entries) plus XK Kosovo, sorted by code.
static COUNTRIES: &[Country] = &[
    c(
        "AD",
        "Andorre",
        "Andorra",
        &["Principauté d'Andorre", "Principality of Andorra"],
    ),
    c(
        "AE",
        "Émirats arabes unis",
        "United Arab Emirates",
        &["EAU", "UAE", "Émirats", "Emirates"],
    ),
    c(
        "AF",
        "Afghanistan",
        "Afghanistan",
        &[
            "République islamique d'Afghanistan",
            "Islamic Republic of Afghanistan",
            "Émirat islamique d'Afghanistan",
            "Islamic Emirate of Afghanistan",
        ],
    ),
    c(
        "AG",
        "Antigua-et-Barbuda",
        "Antigua and Barbuda",
        &["Antigua", "Antigua & Barbuda"],
    ),
    c("AI", "Anguilla", "Anguilla", &[]),
    c(
        "AL",
        "Albanie",
        "Albania",
        &["République d'Albanie", "Republic of Albania"],
    ),
    c(
        "AM",
        "Arménie",
        "Armenia",
        &["République d'Arménie", "Republic of Armenia"],
    ),
    c(
        "AO",
        "Angola",
        "Angola",
        &["République d'Angola", "Republic of Angola"],
    ),
    c("AQ", "Antarctique", "Antarctica", &["Antarctic"]),
    c(
        "AR",
        "Argentine",
        "Argentina",
        &["République argentine", "Argentine Republic"],
    ),
    c("AS", "Samoa américaines", "American Samoa", &[]),
    c(
        "AT",
        "Autriche",
        "Austria",
        &["République d'Autriche", "Republic of Austria"],
    ),
    c(
        "AU",
        "Australie",
        "Australia",
        &["Commonwealth d'Australie", "Commonwealth of Australia"],
    ),
    c("AW", "Aruba", "Aruba", &[]),
    c("AX", "Îles Åland", "Åland Islands", &["Åland", "Aaland"]),
    c(
        "AZ",
        "Azerbaïdjan",
        "Azerbaijan",
        &["République d'Azerbaïdjan", "Republic of Azerbaijan"],
    ),
    c(
        "BA",
        "Bosnie-Herzégovine",
        "Bosnia and Herzegovina",
        &[
            "Bosnie",
            "Bosnia",
            "Bosnie-et-Herzégovine",
            "Bosnia & Herzegovina",
        ],
    ),
    c("BB", "Barbade", "Barbados", &[]),
    c(
        "BD",
        "Bangladesh",
        "Bangladesh",
        &[
            "République populaire du Bangladesh",
            "People's Republic of Bangladesh",
        ],
    ),
    c(
        "BE",
        "Belgique",
        "Belgium",
        &["Royaume de Belgique", "Kingdom of Belgium"],
    ),
    c(
        "BF",
        "Burkina Faso",
        "Burkina Faso",
        &["Burkina", "Haute-Volta", "Upper Volta"],
    ),
    c(
        "BG",
        "Bulgarie",
        "Bulgaria",
        &["République de Bulgarie", "Republic of Bulgaria"],
    ),
    c(
        "BH",
        "Bahreïn",
        "Bahrain",
        &["Royaume de Bahreïn", "Kingdom of Bahrain"],
    ),
    c(
        "BI",
        "Burundi",
        "Burundi",
        &["République du Burundi", "Republic of Burundi"],
    ),
    c(
        "BJ",
        "Bénin",
        "Benin",
        &["République du Bénin", "Republic of Benin", "Dahomey"],
    ),
    c(
        "BL",
        "Saint-Barthélemy",
        "Saint Barthélemy",
        &[
            "Saint-Barth",
            "St Barthélemy",
            "St Barth",
            "St Barts",
            "St Barths",
        ],
    ),
    c("BM", "Bermudes", "Bermuda", &["Îles Bermudes", "Bermudas"]),
    c("BN", "Brunei", "Brunei", &["Brunei Darussalam", "Brunéi"]),
    c(
        "BO",
        "Bolivie",
        "Bolivia",
        &[
            "État plurinational de Bolivie",
            "Plurinational State of Bolivia",
            "Bolivia, Plurinational State of",
        ],
    ),
    c(
        "BQ",
        "Pays-Bas caribéens",
        "Caribbean Netherlands",
        &[
            "Bonaire, Saint-Eustache et Saba",
            "Bonaire, Sint Eustatius and Saba",
            "Bonaire",
            "Saint-Eustache",
            "Sint Eustatius",
            "Saba",
            "BES islands",
            "Îles BES",
        ],
    ),
    c(
        "BR",
        "Brésil",
        "Brazil",
        &[
            "République fédérative du Brésil",
            "Federative Republic of Brazil",
            "Brasil",
        ],
    ),
    c(
        "BS",
        "Bahamas",
        "Bahamas",
        &[
            "The Bahamas",
            "Commonwealth des Bahamas",
            "Commonwealth of The Bahamas",
        ],
    ),
    c(
        "BT",
        "Bhoutan",
        "Bhutan",
        &["Royaume du Bhoutan", "Kingdom of Bhutan"],
    ),
    c("BV", "Île Bouvet", "Bouvet Island", &["Bouvet"]),
    c(
        "BW",
        "Botswana",
        "Botswana",
        &["République du Botswana", "Republic of Botswana"],
    ),
    c(
        "BY",
        "Biélorussie",
        "Belarus",
        &[
            "République de Biélorussie",
            "Republic of Belarus",
            "Byelorussia",
            "Belorussia",
        ],
    ),
    c("BZ", "Belize", "Belize", &[]),
    c("CA", "Canada", "Canada", &[]),
    c(
        "CC",
        "Îles Cocos",
        "Cocos (Keeling) Islands",
        &[
            "Cocos Islands",
            "Keeling Islands",
            "Îles Cocos (Keeling)",
            "Îles Keeling",
        ],
    ),
    c(
        "CD",
        "République démocratique du Congo",
        "Democratic Republic of the Congo",
        &[
            "RDC",
            "RD Congo",
            "DR Congo",
            "DRC",
            "Congo-Kinshasa",
            "Congo, The Democratic Republic of the",
            "Congo, Democratic Republic of the",
            "Zaïre",
        ],
    ),
    c(
        "CF",
        "République centrafricaine",
        "Central African Republic",
        &["Centrafrique", "RCA", "CAR"],
    ),
    c(
        "CG",
        "Congo",
        "Congo",
        &[
            "République du Congo",
            "Republic of the Congo",
            "Congo-Brazzaville",
            "Congo Republic",
        ],
    ),
    c(
        "CH",
        "Suisse",
        "Switzerland",
        &[
            "Confédération suisse",
            "Confédération helvétique",
            "Swiss Confederation",
        ],
    ),
    c(
        "CI",
        "Côte d'Ivoire",
        "Côte d'Ivoire",
        &[
            "Ivory Coast",
            "République de Côte d'Ivoire",
            "Republic of Côte d'Ivoire",
        ],
    ),
    c("CK", "Îles Cook", "Cook Islands", &[]),
    c(
        "CL",
        "Chili",
        "Chile",
        &["République du Chili", "Republic of Chile"],
    ),
    c(
        "CM",
        "Cameroun",
        "Cameroon",
        &["République du Cameroun", "Republic of Cameroon"],
    ),
    c(
        "CN",
        "Chine",
        "China",
        &[
            "République populaire de Chine",
            "People's Republic of China",
            "RPC",
            "PRC",
            "Chine continentale",
            "Mainland China",
        ],
    ),
    c(
        "CO",
        "Colombie",
        "Colombia",
        &["République de Colombie", "Republic of Colombia"],
    ),
    c(
        "CR",
        "Costa Rica",
        "Costa Rica",
        &["République du Costa Rica", "Republic of Costa Rica"],
    ),
    c(
        "CU",
        "Cuba",
        "Cuba",
        &["République de Cuba", "Republic of Cuba"],
    ),
    c(
        "CV",
        "Cap-Vert",
        "Cape Verde",
        &[
            "Cabo Verde",
            "République du Cap-Vert",
            "Republic of Cabo Verde",
        ],
    ),
    c("CW", "Curaçao", "Curaçao", &[]),
    c("CX", "Île Christmas", "Christmas Island", &[]),
    c(
        "CY",
        "Chypre",
        "Cyprus",
        &["République de Chypre", "Republic of Cyprus"],
    ),
    c(
        "CZ",
        "Tchéquie",
        "Czechia",
        &["République tchèque", "Czech Republic"],
    ),
    c(
        "DE",
        "Allemagne",
        "Germany",
        &[
            "République fédérale d'Allemagne",
            "Federal Republic of Germany",
            "RFA",
        ],
    ),
    c(
        "DJ",
        "Djibouti",
        "Djibouti",
        &["République de Djibouti", "Republic of Djibouti"],
    ),
    c(
        "DK",
        "Danemark",
        "Denmark",
        &[
            "Royaume de Danemark",
            "Royaume du Danemark",
            "Kingdom of Denmark",
        ],
    ),
    c(
        "DM",
        "Dominique",
        "Dominica",
        &["Commonwealth de Dominique", "Commonwealth of Dominica"],
    ),
    c("DO", "République dominicaine", "Dominican Republic", &[]),
    c(
        "DZ",
        "Algérie",
        "Algeria",
        &[
            "République algérienne démocratique et populaire",
            "People's Democratic Republic of Algeria",
        ],
    ),
    c(
        "EC",
        "Équateur",
        "Ecuador",
        &["République de l'Équateur", "Republic of Ecuador"],
    ),
    c(
        "EE",
        "Estonie",
        "Estonia",
        &["République d'Estonie", "Republic of Estonia"],
    ),
    c(
        "EG",
        "Égypte",
        "Egypt",
        &["République arabe d'Égypte", "Arab Republic of Egypt"],
    ),
    c("EH", "Sahara occidental", "Western Sahara", &[]),
    c(
        "ER",
        "Érythrée",
        "Eritrea",
        &["État d'Érythrée", "State of Eritrea"],
    ),
    c(
        "ES",
        "Espagne",
        "Spain",
        &["Royaume d'Espagne", "Kingdom of Spain"],
    ),
    c(
        "ET",
        "Éthiopie",
        "Ethiopia",
        &[
            "République fédérale démocratique d'Éthiopie",
            "Federal Democratic Republic of Ethiopia",
        ],
    ),
    c(
        "FI",
        "Finlande",
        "Finland",
        &["République de Finlande", "Republic of Finland"],
    ),
    c(
        "FJ",
        "Fidji",
        "Fiji",
        &[
            "Îles Fidji",
            "Fiji Islands",
            "République des Fidji",
            "Republic of Fiji",
        ],
    ),
    c(
        "FK",
        "Îles Malouines",
        "Falkland Islands",
        &[
            "Malouines",
            "Îles Falkland",
            "Falklands",
            "Falkland Islands (Malvinas)",
            "Malvinas",
        ],
    ),
    c(
        "FM",
        "Micronésie",
        "Micronesia",
        &[
            "États fédérés de Micronésie",
            "Federated States of Micronesia",
            "Micronesia, Federated States of",
        ],
    ),
    c(
        "FO",
        "Îles Féroé",
        "Faroe Islands",
        &["Féroé", "Faroe", "Îles Féroe", "Faeroe Islands"],
    ),
    c(
        "FR",
        "France",
        "France",
        &["République française", "French Republic"],
    ),
    c(
        "GA",
        "Gabon",
        "Gabon",
        &["République gabonaise", "Gabonese Republic"],
    ),
    c(
        "GB",
        "Royaume-Uni",
        "United Kingdom",
        &[
            "UK",
            "Grande-Bretagne",
            "Great Britain",
            "Britain",
            "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
            "United Kingdom of Great Britain and Northern Ireland",
        ],
    ),
    c("GD", "Grenade", "Grenada", &[]),
    c("GE", "Géorgie", "Georgia", &[]),
    c("GF", "Guyane", "French Guiana", &["Guyane française"]),
    c(
        "GG",
        "Guernesey",
        "Guernsey",
        &["Bailliage de Guernesey", "Bailiwick of Guernsey"],
    ),
    c(
        "GH",
        "Ghana",
        "Ghana",
        &["République du Ghana", "Republic of Ghana"],
    ),
    c("GI", "Gibraltar", "Gibraltar", &[]),
    c("GL", "Groenland", "Greenland", &[]),
    c(
        "GM",
        "Gambie",
        "Gambia",
        &[
            "The Gambia",
            "République de Gambie",
            "Republic of The Gambia",
        ],
    ),
    c(
        "GN",
        "Guinée",
        "Guinea",
        &[
            "Guinée-Conakry",
            "Guinea-Conakry",
            "République de Guinée",
            "Republic of Guinea",
        ],
    ),
    c("GP", "Guadeloupe", "Guadeloupe", &[]),
    c(
        "GQ",
        "Guinée équatoriale",
        "Equatorial Guinea",
        &[
            "République de Guinée équatoriale",
            "Republic of Equatorial Guinea",
        ],
    ),
    c(
        "GR",
        "Grèce",
        "Greece",
        &["République hellénique", "Hellenic Republic"],
    ),
    c(
        "GS",
        "Géorgie du Sud-et-les îles Sandwich du Sud",
        "South Georgia and the South Sandwich Islands",
        &[
            "Géorgie du Sud",
            "South Georgia",
            "Îles Sandwich du Sud",
            "South Sandwich Islands",
        ],
    ),
    c(
        "GT",
        "Guatemala",
        "Guatemala",
        &["République du Guatemala", "Republic of Guatemala"],
    ),
    c("GU", "Guam", "Guam", &[]),
    c(
        "GW",
        "Guinée-Bissau",
        "Guinea-Bissau",
        &["République de Guinée-Bissau", "Republic of Guinea-Bissau"],
    ),
    c(
        "GY",
        "Guyana",
        "Guyana",
        &[
            "République coopérative du Guyana",
            "Co-operative Republic of Guyana",
        ],
    ),
    c(
        "HK",
        "Hong Kong",
        "Hong Kong",
        &[
            "Hongkong",
            "Hong Kong SAR",
            "RAS de Hong Kong",
            "Région administrative spéciale de Hong Kong",
            "Hong Kong Special Administrative Region",
        ],
    ),
    c(
        "HM",
        "Îles Heard-et-MacDonald",
        "Heard Island and McDonald Islands",
        &["Île Heard-et-îles MacDonald", "Heard and McDonald Islands"],
    ),
    c(
        "HN",
        "Honduras",
        "Honduras",
        &["République du Honduras", "Republic of Honduras"],
    ),
    c(
        "HR",
        "Croatie",
        "Croatia",
        &["République de Croatie", "Republic of Croatia"],
    ),
    c(
        "HT",
        "Haïti",
        "Haiti",
        &["République d'Haïti", "Republic of Haiti"],
    ),
    c("HU", "Hongrie", "Hungary", &[]),
    c(
        "ID",
        "Indonésie",
        "Indonesia",
        &["République d'Indonésie", "Republic of Indonesia"],
    ),
    c(
        "IE",
        "Irlande",
        "Ireland",
        &["République d'Irlande", "Republic of Ireland", "Éire"],
    ),
    c(
        "IL",
        "Israël",
        "Israel",
        &["État d'Israël", "State of Israel"],
    ),
    c(
        "IM",
        "Île de Man",
        "Isle of Man",
        &["Île de Man (Royaume-Uni)"],
    ),
    c(
        "IN",
        "Inde",
        "India",
        &["République de l'Inde", "Republic of India"],
    ),
    c(
        "IO",
        "Territoire britannique de l'océan Indien",
        "British Indian Ocean Territory",
        &[
            "Archipel des Chagos",
            "Chagos",
            "Chagos Islands",
            "Chagos Archipelago",
        ],
    ),
    c(
        "IQ",
        "Irak",
        "Iraq",
        &["République d'Irak", "Republic of Iraq"],
    ),
    c(
        "IR",
        "Iran",
        "Iran",
        &[
            "République islamique d'Iran",
            "Islamic Republic of Iran",
            "Iran, Islamic Republic of",
        ],
    ),
    c("IS", "Islande", "Iceland", &[]),
    c(
        "IT",
        "Italie",
        "Italy",
        &["République italienne", "Italian Republic"],
    ),
    c(
        "JE",
        "Jersey",
        "Jersey",
        &["Bailliage de Jersey", "Bailiwick of Jersey"],
    ),
    c("JM", "Jamaïque", "Jamaica", &[]),
    c(
        "JO",
        "Jordanie",
        "Jordan",
        &[
            "Royaume hachémite de Jordanie",
            "Hashemite Kingdom of Jordan",
        ],
    ),
    c("JP", "Japon", "Japan", &[]),
    c(
        "KE",
        "Kenya",
        "Kenya",
        &["République du Kenya", "Republic of Kenya"],
    ),
    c(
        "KG",
        "Kirghizistan",
        "Kyrgyzstan",
        &["Kirghizie", "République kirghize", "Kyrgyz Republic"],
    ),
    c(
        "KH",
        "Cambodge",
        "Cambodia",
        &["Royaume du Cambodge", "Kingdom of Cambodia"],
    ),
    c("KI", "Kiribati", "Kiribati", &[]),
    c(
        "KM",
        "Comores",
        "Comoros",
        &["Union des Comores", "Union of the Comoros"],
    ),
    c(
        "KN",
        "Saint-Christophe-et-Niévès",
        "Saint Kitts and Nevis",
        &[
            "Saint-Kitts-et-Nevis",
            "St Kitts and Nevis",
            "St Kitts & Nevis",
            "Saint Christopher and Nevis",
        ],
    ),
    c(
        "KP",
        "Corée du Nord",
        "North Korea",
        &[
            "République populaire démocratique de Corée",
            "Democratic People's Republic of Korea",
            "Korea, Democratic People's Republic of",
            "RPDC",
            "DPRK",
        ],
    ),
    c(
        "KR",
        "Corée du Sud",
        "South Korea",
        &[
            "République de Corée",
            "Republic of Korea",
            "Korea, Republic of",
        ],
    ),
    c(
        "KW",
        "Koweït",
        "Kuwait",
        &["État du Koweït", "State of Kuwait"],
    ),
    c(
        "KY",
        "Îles Caïmans",
        "Cayman Islands",
        &["Îles Cayman", "Caïmans"],
    ),
    c(
        "KZ",
        "Kazakhstan",
        "Kazakhstan",
        &["République du Kazakhstan", "Republic of Kazakhstan"],
    ),
    c(
        "LA",
        "Laos",
        "Laos",
        &[
            "République démocratique populaire lao",
            "Lao People's Democratic Republic",
            "RDP lao",
            "Lao PDR",
        ],
    ),
    c(
        "LB",
        "Liban",
        "Lebanon",
        &["République libanaise", "Lebanese Republic"],
    ),
    c("LC", "Sainte-Lucie", "Saint Lucia", &["St Lucia"]),
    c(
        "LI",
        "Liechtenstein",
        "Liechtenstein",
        &[
            "Principauté de Liechtenstein",
            "Principality of Liechtenstein",
        ],
    ),
    c("LK", "Sri Lanka", "Sri Lanka", &["Ceylan", "Ceylon"]),
    c(
        "LR",
        "Liberia",
        "Liberia",
        &["République du Liberia", "Republic of Liberia"],
    ),
    c(
        "LS",
        "Lesotho",
        "Lesotho",
        &["Royaume du Lesotho", "Kingdom of Lesotho"],
    ),
    c(
        "LT",
        "Lituanie",
        "Lithuania",
        &["République de Lituanie", "Republic of Lithuania"],
    ),
    c(
        "LU",
        "Luxembourg",
        "Luxembourg",
        &["Grand-Duché de Luxembourg", "Grand Duchy of Luxembourg"],
    ),
    c(
        "LV",
        "Lettonie",
        "Latvia",
        &["République de Lettonie", "Republic of Latvia"],
    ),
    c("LY", "Libye", "Libya", &["État de Libye", "State of Libya"]),
    c(
        "MA",
        "Maroc",
        "Morocco",
        &["Royaume du Maroc", "Kingdom of Morocco"],
    ),
    c(
        "MC",
        "Monaco",
        "Monaco",
        &["Principauté de Monaco", "Principality of Monaco"],
    ),
    c(
        "MD",
        "Moldavie",
        "Moldova",
        &[
            "République de Moldavie",
            "Republic of Moldova",
            "Moldova, Republic of",
        ],
    ),
    c("ME", "Monténégro", "Montenegro", &[]),
    c(
        "MF",
        "Saint-Martin",
        "Saint Martin",
        &[
            "Saint-Martin (partie française)",
            "Saint Martin (French part)",
            "St Martin",
        ],
    ),
    c(
        "MG",
        "Madagascar",
        "Madagascar",
        &["République de Madagascar", "Republic of Madagascar"],
    ),
    c(
        "MH",
        "Îles Marshall",
        "Marshall Islands",
        &[
            "République des Îles Marshall",
            "Republic of the Marshall Islands",
        ],
    ),
    c(
        "MK",
        "Macédoine du Nord",
        "North Macedonia",
        &[
            "Macédoine",
            "Macedonia",
            "République de Macédoine du Nord",
            "Republic of North Macedonia",
            "ARYM",
            "FYROM",
        ],
    ),
    c(
        "ML",
        "Mali",
        "Mali",
        &["République du Mali", "Republic of Mali"],
    ),
    c(
        "MM",
        "Birmanie",
        "Myanmar",
        &[
            "Burma",
            "République de l'Union du Myanmar",
            "Republic of the Union of Myanmar",
        ],
    ),
    c("MN", "Mongolie", "Mongolia", &[]),
    c(
        "MO",
        "Macao",
        "Macao",
        &[
            "Macau",
            "RAS de Macao",
            "Macao SAR",
            "Région administrative spéciale de Macao",
            "Macao Special Administrative Region",
        ],
    ),
    c(
        "MP",
        "Îles Mariannes du Nord",
        "Northern Mariana Islands",
        &["Mariannes du Nord"],
    ),
    c("MQ", "Martinique", "Martinique", &[]),
    c(
        "MR",
        "Mauritanie",
        "Mauritania",
        &[
            "République islamique de Mauritanie",
            "Islamic Republic of Mauritania",
        ],
    ),
    c("MS", "Montserrat", "Montserrat", &[]),
    c(
        "MT",
        "Malte",
        "Malta",
        &["République de Malte", "Republic of Malta"],
    ),
    c(
        "MU",
        "Maurice",
        "Mauritius",
        &[
            "Île Maurice",
            "République de Maurice",
            "Republic of Mauritius",
        ],
    ),
    c(
        "MV",
        "Maldives",
        "Maldives",
        &["République des Maldives", "Republic of Maldives"],
    ),
    c(
        "MW",
        "Malawi",
        "Malawi",
        &["République du Malawi", "Republic of Malawi"],
    ),
    c(
        "MX",
        "Mexique",
        "Mexico",
        &[
            "États-Unis mexicains",
            "États-Unis du Mexique",
            "United Mexican States",
        ],
    ),
    c("MY", "Malaisie", "Malaysia", &[]),
    c(
        "MZ",
        "Mozambique",
        "Mozambique",
        &["République du Mozambique", "Republic of Mozambique"],
    ),
    c(
        "NA",
        "Namibie",
        "Namibia",
        &["République de Namibie", "Republic of Namibia"],
    ),
    c("NC", "Nouvelle-Calédonie", "New Caledonia", &[]),
    c(
        "NE",
        "Niger",
        "Niger",
        &["République du Niger", "Republic of the Niger"],
    ),
    c("NF", "Île Norfolk", "Norfolk Island", &[]),
    c(
        "NG",
        "Nigeria",
        "Nigeria",
        &[
            "République fédérale du Nigeria",
            "Federal Republic of Nigeria",
        ],
    ),
    c(
        "NI",
        "Nicaragua",
        "Nicaragua",
        &["République du Nicaragua", "Republic of Nicaragua"],
    ),
    c(
        "NL",
        "Pays-Bas",
        "Netherlands",
        &[
            "The Netherlands",
            "Hollande",
            "Holland",
            "Royaume des Pays-Bas",
            "Kingdom of the Netherlands",
            "Netherlands (Kingdom of the)",
        ],
    ),
    c(
        "NO",
        "Norvège",
        "Norway",
        &["Royaume de Norvège", "Kingdom of Norway"],
    ),
    c("NP", "Népal", "Nepal", &[]),
    c("NR", "Nauru", "Nauru", &[]),
    c("NU", "Niue", "Niue", &["Niué", "Nioue"]),
    c("NZ", "Nouvelle-Zélande", "New Zealand", &["Aotearoa"]),
    c(
        "OM",
        "Oman",
        "Oman",
        &["Sultanat d'Oman", "Sultanate of Oman"],
    ),
    c(
        "PA",
        "Panama",
        "Panama",
        &["République du Panama", "Republic of Panama"],
    ),
    c(
        "PE",
        "Pérou",
        "Peru",
        &["République du Pérou", "Republic of Peru"],
    ),
    c("PF", "Polynésie française", "French Polynesia", &[]),
    c(
        "PG",
        "Papouasie-Nouvelle-Guinée",
        "Papua New Guinea",
        &["PNG"],
    ),
    c(
        "PH",
        "Philippines",
        "Philippines",
        &["République des Philippines", "Republic of the Philippines"],
    ),
    c(
        "PK",
        "Pakistan",
        "Pakistan",
        &[
            "République islamique du Pakistan",
            "Islamic Republic of Pakistan",
        ],
    ),
    c(
        "PL",
        "Pologne",
        "Poland",
        &["République de Pologne", "Republic of Poland"],
    ),
    c(
        "PM",
        "Saint-Pierre-et-Miquelon",
        "Saint Pierre and Miquelon",
        &["St Pierre and Miquelon"],
    ),
    c("PN", "Îles Pitcairn", "Pitcairn Islands", &["Pitcairn"]),
    c("PR", "Porto Rico", "Puerto Rico", &[]),
    c(
        "PS",
        "Palestine",
        "Palestine",
        &[
            "État de Palestine",
            "State of Palestine",
            "Territoires palestiniens",
            "Territoires palestiniens occupés",
            "Palestinian Territories",
            "Occupied Palestinian Territories",
            "Palestine, State of",
        ],
    ),
    c(
        "PT",
        "Portugal",
        "Portugal",
        &["République portugaise", "Portuguese Republic"],
    ),
    c("PW", "Palaos", "Palau", &["Palau (Palaos)"]),
    c(
        "PY",
        "Paraguay",
        "Paraguay",
        &["République du Paraguay", "Republic of Paraguay"],
    ),
    c("QA", "Qatar", "Qatar", &["État du Qatar", "State of Qatar"]),
    c("RE", "La Réunion", "Réunion", &["Île de la Réunion"]),
    c("RO", "Roumanie", "Romania", &[]),
    c(
        "RS",
        "Serbie",
        "Serbia",
        &["République de Serbie", "Republic of Serbia"],
    ),
    c(
        "RU",
        "Russie",
        "Russia",
        &["Fédération de Russie", "Russian Federation"],
    ),
    c(
        "RW",
        "Rwanda",
        "Rwanda",
        &[
            "République du Rwanda",
            "Republic of Rwanda",
            "République rwandaise",
            "Rwandese Republic",
        ],
    ),
    c(
        "SA",
        "Arabie saoudite",
        "Saudi Arabia",
        &[
            "Royaume d'Arabie saoudite",
            "Kingdom of Saudi Arabia",
            "KSA",
        ],
    ),
    c("SB", "Îles Salomon", "Solomon Islands", &["Salomon"]),
    c(
        "SC",
        "Seychelles",
        "Seychelles",
        &["République des Seychelles", "Republic of Seychelles"],
    ),
    c(
        "SD",
        "Soudan",
        "Sudan",
        &["République du Soudan", "Republic of the Sudan"],
    ),
    c(
        "SE",
        "Suède",
        "Sweden",
        &["Royaume de Suède", "Kingdom of Sweden"],
    ),
    c(
        "SG",
        "Singapour",
        "Singapore",
        &["République de Singapour", "Republic of Singapore"],
    ),
    c(
        "SH",
        "Sainte-Hélène, Ascension et Tristan da Cunha",
        "Saint Helena, Ascension and Tristan da Cunha",
        &[
            "Sainte-Hélène",
            "Saint Helena",
            "St Helena",
            "Île de l'Ascension",
            "Ascension Island",
            "Tristan da Cunha",
        ],
    ),
    c(
        "SI",
        "Slovénie",
        "Slovenia",
        &["République de Slovénie", "Republic of Slovenia"],
    ),
    c(
        "SJ",
        "Svalbard et Jan Mayen",
        "Svalbard and Jan Mayen",
        &["Svalbard", "Jan Mayen"],
    ),
    c(
        "SK",
        "Slovaquie",
        "Slovakia",
        &["République slovaque", "Slovak Republic"],
    ),
    c(
        "SL",
        "Sierra Leone",
        "Sierra Leone",
        &["République de Sierra Leone", "Republic of Sierra Leone"],
    ),
    c(
        "SM",
        "Saint-Marin",
        "San Marino",
        &["République de Saint-Marin", "Republic of San Marino"],
    ),
    c(
        "SN",
        "Sénégal",
        "Senegal",
        &["République du Sénégal", "Republic of Senegal"],
    ),
    c(
        "SO",
        "Somalie",
        "Somalia",
        &[
            "République fédérale de Somalie",
            "Federal Republic of Somalia",
        ],
    ),
    c(
        "SR",
        "Suriname",
        "Suriname",
        &["Surinam", "République du Suriname", "Republic of Suriname"],
    ),
    c(
        "SS",
        "Soudan du Sud",
        "South Sudan",
        &["République du Soudan du Sud", "Republic of South Sudan"],
    ),
    c(
        "ST",
        "Sao Tomé-et-Principe",
        "São Tomé and Príncipe",
        &["Sao Tomé", "São Tomé & Príncipe"],
    ),
    c(
        "SV",
        "Salvador",
        "El Salvador",
        &["République du Salvador", "Republic of El Salvador"],
    ),
    c(
        "SX",
        "Saint-Martin (partie néerlandaise)",
        "Sint Maarten (Dutch part)",
        &["Sint Maarten"],
    ),
    c(
        "SY",
        "Syrie",
        "Syria",
        &["République arabe syrienne", "Syrian Arab Republic"],
    ),
    c(
        "SZ",
        "Eswatini",
        "Eswatini",
        &["Swaziland", "Royaume d'Eswatini", "Kingdom of Eswatini"],
    ),
    c(
        "TC",
        "Îles Turques-et-Caïques",
        "Turks and Caicos Islands",
        &["Turks and Caicos", "Turks & Caicos"],
    ),
    c(
        "TD",
        "Tchad",
        "Chad",
        &["République du Tchad", "Republic of Chad"],
    ),
    c(
        "TF",
        "Terres australes et antarctiques françaises",
        "French Southern Territories",
        &[
            "TAAF",
            "French Southern and Antarctic Lands",
            "Terres australes françaises",
        ],
    ),
    c(
        "TG",
        "Togo",
        "Togo",
        &["République togolaise", "Togolese Republic"],
    ),
    c(
        "TH",
        "Thaïlande",
        "Thailand",
        &["Royaume de Thaïlande", "Kingdom of Thailand"],
    ),
    c(
        "TJ",
        "Tadjikistan",
        "Tajikistan",
        &["République du Tadjikistan", "Republic of Tajikistan"],
    ),
    c("TK", "Tokelau", "Tokelau", &[]),
    c(
        "TL",
        "Timor oriental",
        "Timor-Leste",
        &[
            "East Timor",
            "République démocratique du Timor oriental",
            "Democratic Republic of Timor-Leste",
        ],
    ),
    c("TM", "Turkménistan", "Turkmenistan", &[]),
    c(
        "TN",
        "Tunisie",
        "Tunisia",
        &["République tunisienne", "Tunisian Republic"],
    ),
    c(
        "TO",
        "Tonga",
        "Tonga",
        &["Royaume des Tonga", "Kingdom of Tonga"],
    ),
    c(
        "TR",
        "Turquie",
        "Turkey",
        &[
            "Türkiye",
            "République de Turquie",
            "Republic of Türkiye",
            "Republic of Turkey",
        ],
    ),
    c(
        "TT",
        "Trinité-et-Tobago",
        "Trinidad and Tobago",
        &["Trinidad", "Trinité", "Trinidad & Tobago"],
    ),
    c("TV", "Tuvalu", "Tuvalu", &[]),
    c(
        "TW",
        "Taïwan",
        "Taiwan",
        &[
            "Taiwan, Province of China",
            "Taipei chinois",
            "Chinese Taipei",
            "République de Chine",
            "Republic of China",
        ],
    ),
    c(
        "TZ",
        "Tanzanie",
        "Tanzania",
        &[
            "République-Unie de Tanzanie",
            "United Republic of Tanzania",
            "Tanzania, United Republic of",
        ],
    ),
    c("UA", "Ukraine", "Ukraine", &[]),
    c(
        "UG",
        "Ouganda",
        "Uganda",
        &["République de l'Ouganda", "Republic of Uganda"],
    ),
    c(
        "UM",
        "Îles mineures éloignées des États-Unis",
        "United States Minor Outlying Islands",
        &["US Minor Outlying Islands"],
    ),
    c(
        "US",
        "États-Unis",
        "United States",
        &["États-Unis d'Amérique", "United States of America", "USA"],
    ),
    c(
        "UY",
        "Uruguay",
        "Uruguay",
        &[
            "République orientale de l'Uruguay",
            "Oriental Republic of Uruguay",
        ],
    ),
    c(
        "UZ",
        "Ouzbékistan",
        "Uzbekistan",
        &["République d'Ouzbékistan", "Republic of Uzbekistan"],
    ),
    c(
        "VA",
        "Vatican",
        "Vatican City",
        &[
            "Saint-Siège",
            "Holy See",
            "Cité du Vatican",
            "État de la Cité du Vatican",
            "Vatican City State",
            "Holy See (Vatican City State)",
        ],
    ),
    c(
        "VC",
        "Saint-Vincent-et-les-Grenadines",
        "Saint Vincent and the Grenadines",
        &[
            "St Vincent and the Grenadines",
            "Saint-Vincent",
            "Saint Vincent & the Grenadines",
        ],
    ),
    c(
        "VE",
        "Venezuela",
        "Venezuela",
        &[
            "République bolivarienne du Venezuela",
            "Bolivarian Republic of Venezuela",
            "Venezuela, Bolivarian Republic of",
        ],
    ),
    c(
        "VG",
        "Îles Vierges britanniques",
        "British Virgin Islands",
        &["Virgin Islands (British)"],
    ),
    c(
        "VI",
        "Îles Vierges des États-Unis",
        "United States Virgin Islands",
        &[
            "US Virgin Islands",
            "Virgin Islands (U.S.)",
            "Virgin Islands of the United States",
            "Îles Vierges américaines",
        ],
    ),
    c(
        "VN",
        "Viêt Nam",
        "Vietnam",
        &[
            "République socialiste du Viêt Nam",
            "Socialist Republic of Vietnam",
            "Socialist Republic of Viet Nam",
        ],
    ),
    c(
        "VU",
        "Vanuatu",
        "Vanuatu",
        &["République de Vanuatu", "Republic of Vanuatu"],
    ),
    c(
        "WF",
        "Wallis-et-Futuna",
        "Wallis and Futuna",
        &["Wallis & Futuna"],
    ),
    c(
        "WS",
        "Samoa",
        "Samoa",
        &[
            "État indépendant des Samoa",
            "Independent State of Samoa",
            "Samoa occidentales",
            "Western Samoa",
        ],
    ),
    c(
        "XK",
        "Kosovo",
        "Kosovo",
        &["République du Kosovo", "Republic of Kosovo"],
    ),
    c(
        "YE",
        "Yémen",
        "Yemen",
        &["République du Yémen", "Republic of Yemen"],
    ),
    c("YT", "Mayotte", "Mayotte", &[]),
    c(
        "ZA",
        "Afrique du Sud",
        "South Africa",
        &[
            "République d'Afrique du Sud",
            "Republic of South Africa",
            "RSA",
        ],
    ),
    c(
        "ZM",
        "Zambie",
        "Zambia",
        &["République de Zambie", "Republic of Zambia"],
    ),
    c(
        "ZW",
        "Zimbabwe",
        "Zimbabwe",
        &["République du Zimbabwe", "Republic of Zimbabwe"],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

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
