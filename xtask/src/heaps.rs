//! A generated corpus whose vocabulary grows as real text does (issue 27):
//!
//! ```text
//! cargo run --release -p xtask --bin generate -- 100000 /tmp/heaps-100k 2026 --vocabulary heaps
//! ```
//!
//! The bench generator (`benches/support/generate.rs`, `xtask::generate`)
//! draws its text from about 200 common words, a fixed list of 38 cities, a
//! registry of at most 3,000 actors and nonsense names of 2 to 4 syllables
//! out of 35: its dictionary saturates instead of growing with the corpus.
//! Real prose follows Heaps' law: the distinct words of `n` words of text
//! number about `K·n^β`, β about 0.5–0.6 for French; new names, places,
//! derived and inflected words keep coming however much has been read.
//!
//! Here the same briefings (same fields, same common words, same topics,
//! countries and publishers) take their rarer words from three open
//! vocabularies, each a Pitman–Yor process of discount [`DISCOUNT`]: a word
//! already used comes back with a weight of its uses less the discount, and
//! a new word is made with a weight that grows with the number of words
//! made, so that the distinct words of `n` drawn grow as `n^DISCOUNT` with
//! a Zipf-like tail. The new words are made from the ones already there, as
//! a language makes them:
//! - content words (lowercase): a stem with a French prefix or suffix
//!   (`réintégr` + `ation`), an inflection (`passeur` → `passeurs`,
//!   `contrôl` → `contrôlée`), two words spliced (`surveillance` +
//!   `frontière` → `survetière`), a vowel changed or accented, or syllables;
//! - names of people and places (capitalised): names spliced (`Niamey` +
//!   `Dakar` → `Niakar`), syllables with accents and a place's ending
//!   (`Kounédiaville`), a vowel changed;
//! - the briefings' places (`location.city`): the 38 real cities first, then
//!   made places, each with a country.
//!
//! The actor registry grows too (`8·√n` actors, from 50), named from made
//! names and places. The same `(n, seed)` always gives the same files.

use std::collections::HashSet;
use std::path::Path;

use brief_core::text::{each_word, fold};

use crate::generate::{
    Briefing, CITIES, COMMON, COUNTRIES, Generated, Location, PUBLISHERS, RegistryEntry, Source,
    actor_refs, countries_and_topics, dates, registry_entry, skewed, write_folder,
};

/// The Pitman–Yor discount: the distinct words of `n` words drawn from an
/// open vocabulary grow as `n^DISCOUNT` (Heaps' β).
pub const DISCOUNT: f64 = 0.55;

/// The Pitman–Yor concentration of each open vocabulary: how many new words
/// come before the power law sets in.
const CONTENT_THETA: f64 = 1000.0;
const NAMES_THETA: f64 = 500.0;
const PLACES_THETA: f64 = 20.0;

const PREFIXES: &[&str] = &[
    "re", "ré", "dé", "pré", "sur", "sous", "inter", "co", "contre", "trans", "anti", "néo",
    "post", "auto", "multi", "para", "extra", "mé", "dis", "in", "pro", "télé", "micro",
];

const SUFFIXES: &[&str] = &[
    "ement", "age", "ation", "ité", "ique", "iste", "isme", "eur", "euse", "ier", "ière", "al",
    "ale", "aire", "oir", "ance", "ence", "ette", "able", "ible", "ois", "oise", "ien", "ienne",
    "é", "ée", "ant", "ure", "ion", "if", "ive", "erie", "iser", "ifier", "at", "ude",
];

const INFLECTIONS: &[&str] = &[
    "s", "e", "es", "x", "ent", "ait", "aient", "é", "ée", "és", "ées", "er", "ons", "ez",
];

const SYLLABLES: &[&str] = &[
    "ba", "bé", "bou", "ka", "ko", "kè", "la", "lé", "lo", "ma", "mé", "mo", "mi", "na", "né",
    "ndi", "ra", "ri", "ro", "sa", "so", "sé", "ta", "té", "tou", "va", "vi", "za", "zou", "dia",
    "mou", "kou", "fa", "fo", "gui", "ha", "ou", "ya", "yé", "da", "do", "gé", "ça", "çon", "in",
    "ar", "el", "ol", "am", "an", "ès", "ïa", "oû", "ai", "eau", "ier", "quo", "che", "gne",
];

const PLACE_ENDINGS: &[&str] = &[
    "ville", "court", "ac", "y", "ières", "ou", "ane", "ène", "ougou", "ala", "iré", "bourg",
    "mont", "ès", "ia", "ar",
];

const VOWELS: &[(char, &[&str])] = &[
    ('a', &["à", "â", "e", "o", "ai"]),
    ('e', &["é", "è", "ê", "a", "i"]),
    ('i', &["î", "ï", "e", "y"]),
    ('o', &["ô", "ou", "a", "au"]),
    ('u', &["û", "ü", "o"]),
    ('é', &["e", "è", "ê"]),
    ('è', &["é", "e"]),
];

/// Makes a new word from the words already there.
type Mint = fn(&mut fastrand::Rng, &[String]) -> String;

/// A vocabulary that new words keep joining: a Pitman–Yor process. `uses`
/// holds one entry per use of a word beyond its first, so drawing an entry
/// draws a word in proportion to its uses.
struct Open {
    words: Vec<String>,
    folded: HashSet<String>,
    uses: Vec<u32>,
    theta: f64,
}

impl Open {
    fn new(theta: f64, seed: impl IntoIterator<Item = String>) -> Open {
        let mut open = Open {
            words: Vec::new(),
            folded: HashSet::new(),
            uses: Vec::new(),
            theta,
        };
        for w in seed {
            open.add(w);
        }
        open
    }

    /// Adds `w` unless a word of the same folded form is there; its index.
    fn add(&mut self, w: String) -> Option<usize> {
        let key = fold(&w);
        if key.chars().count() < 3 || !self.folded.insert(key) {
            return None;
        }
        self.words.push(w);
        Some(self.words.len() - 1)
    }

    /// A new word made by `mint` from the words already there.
    fn fresh(&mut self, rng: &mut fastrand::Rng, mint: Mint) -> usize {
        let mut tries = 0;
        loop {
            let mut w = mint(rng, &self.words);
            tries += 1;
            // Words of French prose rarely pass 14 letters.
            if tries < 16 && w.chars().count() > 14 {
                continue;
            }
            // Crowded: a longer word (there are always more of those).
            for _ in 0..tries / 16 {
                w.push_str(SYLLABLES[rng.usize(..SYLLABLES.len())]);
            }
            if let Some(i) = self.add(w) {
                return i;
            }
        }
    }

    /// The next word of the text: a word already used, in proportion to its
    /// uses less the discount, or a new one.
    fn draw(&mut self, rng: &mut fastrand::Rng, mint: Mint) -> usize {
        let v = self.words.len() as f64;
        let drawn = v + self.uses.len() as f64;
        if v == 0.0 || rng.f64() * (self.theta + drawn) < self.theta + DISCOUNT * v {
            return self.fresh(rng, mint);
        }
        let i = if rng.f64() * (drawn - DISCOUNT * v) < self.uses.len() as f64 {
            self.uses[rng.usize(..self.uses.len())] as usize
        } else {
            rng.usize(..self.words.len())
        };
        self.uses.push(i as u32);
        i
    }

    /// A word drawn as `draw` does, as text.
    fn next(&mut self, rng: &mut fastrand::Rng, mint: Mint) -> String {
        let i = self.draw(rng, mint);
        self.words[i].clone()
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn pick<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

fn is_vowel(c: char) -> bool {
    "aeiouyàâäéèêëîïôöùûü".contains(c)
}

/// `w` without its final vowels and plural mark: what a suffix attaches to.
fn stem(w: &str) -> &str {
    let s = w.trim_end_matches(|c: char| is_vowel(c) || c == 's' || c == 'x');
    if s.chars().count() >= 3 { s } else { w }
}

/// Splices the head of `a` to the tail of `b`, each cut at a drawn place.
fn splice(rng: &mut fastrand::Rng, a: &str, b: &str) -> String {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let head = 2 + rng.usize(..a.len().saturating_sub(2) / 2 + 1);
    let tail = b.len() / 2 + rng.usize(..b.len().saturating_sub(b.len() / 2).max(1));
    a.iter()
        .take(head)
        .chain(b.iter().skip(tail.min(b.len().saturating_sub(2))))
        .collect()
}

/// `w` with one vowel changed (accented, or another vowel) or one consonant doubled.
fn mutate(rng: &mut fastrand::Rng, w: &str) -> String {
    let mut c: Vec<String> = w.chars().map(String::from).collect();
    let vowels: Vec<usize> = (0..c.len())
        .filter(|&i| VOWELS.iter().any(|(v, _)| c[i].starts_with(*v)))
        .collect();
    if vowels.is_empty() || rng.u8(..4) == 0 {
        let at = rng.usize(..c.len().max(1));
        if let Some(x) = c.get(at).cloned().filter(|x| !x.chars().any(is_vowel)) {
            c.insert(at, x);
        } else {
            c.push(pick(rng, &["t", "n", "r", "s", "l"]).to_string());
        }
    } else {
        let at = vowels[rng.usize(..vowels.len())];
        if let Some((_, to)) = VOWELS.iter().find(|(v, _)| c[at].starts_with(*v)) {
            c[at] = pick(rng, to).to_string();
        }
    }
    c.concat()
}

fn syllables(rng: &mut fastrand::Rng, n: usize) -> String {
    (0..n).map(|_| pick(rng, SYLLABLES)).collect()
}

/// A new content word, made from `words` as French makes words.
fn mint_word(rng: &mut fastrand::Rng, words: &[String]) -> String {
    let any = |rng: &mut fastrand::Rng| -> String {
        // Made words make more words, short ones as often as not.
        match words.get(rng.usize(..words.len().max(1))) {
            Some(w) if rng.u8(..3) != 0 && w.chars().count() <= 10 => w.clone(),
            _ => COMMON[rng.usize(..COMMON.len())].to_string(),
        }
    };
    match rng.u8(..10) {
        0..=2 => {
            let base = any(rng);
            let prefix = if rng.u8(..3) == 0 {
                pick(rng, PREFIXES)
            } else {
                ""
            };
            format!("{prefix}{}{}", stem(&base), pick(rng, SUFFIXES))
        }
        3 | 4 => {
            let base = any(rng);
            let ending = pick(rng, INFLECTIONS);
            let base = if base.chars().last().is_some_and(is_vowel) && ending.starts_with(is_vowel)
            {
                stem(&base).to_string()
            } else {
                base
            };
            base + ending
        }
        5 | 6 => {
            let (a, b) = (any(rng), any(rng));
            splice(rng, &a, &b)
        }
        7 => {
            let base = any(rng);
            mutate(rng, &base)
        }
        _ => {
            let n = 2 + rng.usize(..3);
            syllables(rng, n)
        }
    }
}

/// A new name of a person or place, capitalised, made from `names`.
fn mint_name(rng: &mut fastrand::Rng, names: &[String]) -> String {
    let any = |rng: &mut fastrand::Rng| -> String {
        if names.is_empty() {
            syllables(rng, 2)
        } else {
            names[rng.usize(..names.len())].to_lowercase()
        }
    };
    let made = match rng.u8(..8) {
        0..=2 => {
            let (a, b) = (any(rng), any(rng));
            splice(rng, &a, &b)
        }
        3 => {
            let n = 1 + rng.usize(..3);
            syllables(rng, n) + pick(rng, PLACE_ENDINGS)
        }
        4 => {
            let base = any(rng);
            mutate(rng, &base)
        }
        _ => {
            let n = 2 + rng.usize(..3);
            syllables(rng, n)
        }
    };
    capitalise(&made)
}

/// The generator's state: its draws and its open vocabularies.
struct Heaps {
    rng: fastrand::Rng,
    content: Open,
    names: Open,
    places: Open,
    /// The country of each of `places`.
    place_country: Vec<&'static str>,
    actors: Vec<RegistryEntry>,
}

/// How many actors the registry of a folder of `n` briefings holds.
pub fn actor_count(n: usize) -> usize {
    ((8.0 * (n as f64).sqrt()) as usize).max(50)
}

impl Heaps {
    fn new(n: usize, seed: u64) -> Heaps {
        let mut rng = fastrand::Rng::with_seed(seed);
        let places = Open::new(PLACES_THETA, CITIES.iter().map(|(c, _)| c.to_string()));
        let place_country = CITIES.iter().map(|(_, c)| *c).collect();
        // The names start from the cities' words.
        let names = Open::new(
            NAMES_THETA,
            CITIES
                .iter()
                .flat_map(|(c, _)| c.split([' ', '’']))
                .map(str::to_string),
        );
        let mut heaps = Heaps {
            content: Open::new(CONTENT_THETA, std::iter::empty()),
            names,
            places,
            place_country,
            actors: Vec::new(),
            rng: fastrand::Rng::with_seed(rng.u64(..)),
        };
        heaps.actors = (0..actor_count(n)).map(|i| heaps.actor(i)).collect();
        heaps
    }

    fn actor(&mut self, i: usize) -> RegistryEntry {
        let (rng, names) = (&mut self.rng, &mut self.names);
        // A new place for each actor keeps names and aliases unique.
        let fresh = names.fresh(rng, mint_name);
        let place = names.words[fresh].clone();
        registry_entry(rng, i, place, |rng| names.next(rng, mint_name))
    }

    /// A place and its country: a new place gets a country of its own.
    fn place(&mut self) -> (String, &'static str) {
        let i = self.places.draw(&mut self.rng, mint_name);
        while self.place_country.len() <= i {
            self.place_country
                .push(COUNTRIES[skewed(&mut self.rng, COUNTRIES.len())]);
        }
        (self.places.words[i].clone(), self.place_country[i])
    }

    fn sentence(&mut self, names: &[String]) -> String {
        let rng = &mut self.rng;
        let len = 8 + rng.usize(..18);
        let mut words: Vec<String> = Vec::with_capacity(len);
        for _ in 0..len {
            let w = match rng.u8(..20) {
                0 => self.names.next(rng, mint_name),
                1 if !names.is_empty() => names[rng.usize(..names.len())].clone(),
                2..=4 => self.content.next(rng, mint_word),
                _ => COMMON[skewed(rng, COMMON.len())].to_string(),
            };
            words.push(w);
        }
        let mut s = capitalise(&words.join(" "));
        s.push('.');
        s
    }

    /// The `i`th briefing, naming `actors` (the registry, held apart from
    /// the generator while its briefings are written).
    fn briefing(&mut self, i: usize, actors: &[RegistryEntry]) -> Briefing {
        let rng = &mut self.rng;
        let (date, end_date) = dates(rng);
        let (actor_refs, names) = actor_refs(rng, actors);
        let (countries, topics) = countries_and_topics(rng);
        let target = 1000 + rng.usize(..4000);
        let (city, country) = self.place();
        let mut body = String::with_capacity(target + 200);
        while body.len() < target {
            let mut para = Vec::new();
            for _ in 0..3 + self.rng.usize(..4) {
                para.push(self.sentence(&names));
            }
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(&para.join(" "));
        }
        let topic = topics.first().copied().unwrap_or("migrations");
        let kind = pick(
            &mut self.rng,
            &[
                "réunion",
                "atelier",
                "séminaire",
                "visite d’étude",
                "conférence",
                "dialogue",
            ],
        );
        // Half the titles name something new besides the topic, as real ones do.
        let also = if self.rng.bool() {
            format!(" et {}", self.content.next(&mut self.rng, mint_word))
        } else {
            String::new()
        };
        let title = format!(
            "{} : {kind} sur {topic}{also} à {city}",
            names.first().map_or("Réunion", String::as_str),
        );
        let summary = self.sentence(&names) + " " + &self.sentence(&names);
        Briefing {
            id: format!("heaps-{i:07}"),
            title,
            date,
            end_date,
            language: "fr",
            summary,
            location: Location { city, country },
            actors: actor_refs,
            countries,
            topics,
            source: Source {
                publisher: pick(&mut self.rng, PUBLISHERS),
            },
            body,
        }
    }
}

/// Writes `n` briefings whose vocabulary grows with `n` and an `actors.yaml`
/// registry into `dir` (created if needed), 100 files per subfolder.
pub fn generate(dir: &Path, n: usize, seed: u64) -> std::io::Result<Generated> {
    let mut heaps = Heaps::new(n, seed);
    let actors = std::mem::take(&mut heaps.actors);
    write_folder(dir, &actors, n, 5, |i| heaps.briefing(i, &actors))
}

/// Distinct folded words (as the text index cuts them) of the titles,
/// summaries and bodies of a folder of `n` briefings, counted after each
/// count of briefings in `at` (ascending), without writing anything.
pub fn vocabulary(n: usize, seed: u64, at: &[usize]) -> Vec<usize> {
    let mut heaps = Heaps::new(n, seed);
    let actors = std::mem::take(&mut heaps.actors);
    let mut seen = HashSet::new();
    let mut buf = String::new();
    let mut out = Vec::new();
    for i in 0..n {
        let b = heaps.briefing(i, &actors);
        for text in [&b.title, &b.summary, &b.body] {
            each_word(text, &mut buf, |w| {
                if !seen.contains(w) {
                    seen.insert(w.to_string());
                }
            });
        }
        if at.contains(&(i + 1)) {
            out.push(seen.len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_grows_as_heaps_law_says() {
        // 4× the briefings: Heaps' law with β between 0.4 and 0.7 gives
        // between 4^0.4 = 1.74 and 4^0.7 = 2.64 times the distinct words.
        let v = vocabulary(2000, 2026, &[500, 2000]);
        let ratio = v[1] as f64 / v[0] as f64;
        assert!(
            (4f64.powf(0.4)..=4f64.powf(0.7)).contains(&ratio),
            "{v:?}: ×{ratio:.2}, β {:.2}",
            ratio.ln() / 4f64.ln()
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        assert_eq!(vocabulary(50, 7, &[50]), vocabulary(50, 7, &[50]));
        let dir = tempfile::tempdir().unwrap();
        let g = generate(dir.path(), 120, 7).unwrap();
        assert_eq!((g.briefings, g.actors), (120, actor_count(120)));
        let first = std::fs::read_to_string(dir.path().join("00000/heaps-0000000.yaml")).unwrap();
        let again = tempfile::tempdir().unwrap();
        generate(again.path(), 120, 7).unwrap();
        let second =
            std::fs::read_to_string(again.path().join("00000/heaps-0000000.yaml")).unwrap();
        assert_eq!(first, second);
        assert!(dir.path().join("00001/heaps-0000119.yaml").exists());
    }
}
