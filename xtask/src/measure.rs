//! How search reads what analysts type (issue 14), measured repeatably: the
//! figures behind `measure_search` and the thresholds of `tests/search_quality.rs`.
//!
//! - typo recall: titles drawn with a fixed seed, a query of three
//!   consecutive title words with one typo (drop, add, substitute, swap of
//!   two adjacent letters) in one word of 5 letters or more; the briefing
//!   must be in the top 5 (titles whose three words typed right do not put
//!   it in the top 5 are not drawn);
//! - country queries: for every country of the folder, every form the table
//!   knows (French, English, variants, code in capitals); the hits against the
//!   briefings concerning the country or naming it in any form as whole words
//!   (precision and recall), as written and with one letter substituted.

use brief_core::lang::Lang;
use brief_core::query::words;
use brief_core::search::reading::Reading;
use brief_core::search::{parse_query, search};
use brief_core::{Folder, Selection};

/// Typo queries that found their briefing in the top 5, out of how many,
/// for each kind of `KINDS`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TypoRecall {
    pub per_kind: [(usize, usize); 4],
}

impl TypoRecall {
    /// Found, out of how many, over every kind.
    pub fn all(&self) -> (usize, usize) {
        self.per_kind
            .iter()
            .fold((0, 0), |(h, n), (hit, of)| (h + hit, n + of))
    }

    /// Percentage found, over every kind.
    pub fn percent(&self) -> f64 {
        let (hit, n) = self.all();
        100.0 * hit as f64 / n.max(1) as f64
    }
}

/// Country queries and how their hits compare with the relevant briefings.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    pub queries: usize,
    pub right: usize,
    pub wrong: usize,
    pub missed: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        100.0 * self.right as f64 / (self.right + self.wrong).max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        100.0 * self.right as f64 / (self.right + self.missed).max(1) as f64
    }
}

/// A small deterministic generator (SplitMix64): the same draws on every run.
pub struct Draw(pub u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

pub const KINDS: [&str; 4] = ["drop", "add", "substitute", "swap"];

/// `word` with one edit of `kind` at a drawn place (never the same word).
pub fn typo(word: &str, kind: usize, draw: &mut Draw) -> String {
    let mut c: Vec<char> = word.chars().collect();
    let n = c.len();
    let letters = "abcdefghijklmnopqrstuvwxyz";
    let pick = |d: &mut Draw| letters.chars().nth(d.below(26)).unwrap_or('x');
    match kind {
        0 => {
            c.remove(draw.below(n));
        }
        1 => {
            let l = pick(draw);
            c.insert(draw.below(n + 1), l);
        }
        2 => {
            let at = draw.below(n);
            let mut l = pick(draw);
            while l == c[at] {
                l = pick(draw);
            }
            c[at] = l;
        }
        _ => {
            // Two adjacent letters that differ.
            let places: Vec<usize> = (0..n - 1).filter(|&i| c[i] != c[i + 1]).collect();
            if let Some(&i) = places.get(draw.below(places.len())) {
                c.swap(i, i + 1);
            }
        }
    }
    c.into_iter().collect()
}

/// Typo recall: how many typo queries of each kind (`KINDS`) put their
/// briefing in the top 5, out of how many. With `notes`, each miss is
/// described there (with how the query was read).
pub fn typo_recall(
    corpus: &Folder,
    titles: usize,
    seed: u64,
    mut notes: Option<&mut Vec<String>>,
) -> TypoRecall {
    let mut draw = Draw(seed);
    let mut per_kind = [(0usize, 0usize); 4];
    let mut tried = 0;
    while tried < titles * 20 && per_kind[0].1 < titles {
        tried += 1;
        let doc = draw.below(corpus.briefings.len());
        let title = words(&corpus.briefings[doc].title);
        if title.len() < 3 {
            continue;
        }
        let start = draw.below(title.len() - 2);
        let three = &title[start..start + 3];
        let long: Vec<usize> = (0..3)
            .filter(|&i| three[i].chars().count() >= 5 && three[i].chars().all(char::is_alphabetic))
            .collect();
        let Some(&which) = long.get(draw.below(long.len())) else {
            continue;
        };
        // Only titles whose three words, typed right, find them: a typo
        // cannot be blamed for what the words themselves do not tell apart.
        let Ok(right) = parse_query(corpus, &three.join(" ")) else {
            continue;
        };
        let top = search(corpus, &right, &Selection::default());
        if !top.iter().take(5).any(|h| h.doc == doc) {
            continue;
        }
        for (kind, slot) in per_kind.iter_mut().enumerate() {
            let mut q: Vec<String> = three.to_vec();
            q[which] = typo(&three[which], kind, &mut draw);
            let query = match parse_query(corpus, &q.join(" ")) {
                Ok(query) => query,
                Err(_) => continue,
            };
            let hits = search(corpus, &query, &Selection::default());
            slot.1 += 1;
            if hits.iter().take(5).any(|h| h.doc == doc) {
                slot.0 += 1;
            } else if let Some(notes) = notes.as_deref_mut() {
                let read: Vec<String> = Reading::of(&query, &corpus.registry)
                    .iter()
                    .map(|r| r.message(Lang::En))
                    .collect();
                notes.push(format!(
                    "    missed: {:?} for {} ({} hits{}{})",
                    q.join(" "),
                    corpus.briefings[doc].id,
                    hits.len(),
                    if read.is_empty() { "" } else { "; read as " },
                    read.join(", ")
                ));
            }
        }
    }
    TypoRecall { per_kind }
}

/// Whether the `folded` words of a text hold the folded words of `name` in a row.
fn names(folded: &[String], name: &[String]) -> bool {
    !name.is_empty() && folded.windows(name.len()).any(|win| win == name)
}

/// Each briefing's texts that may name a country, as written (short names
/// count in capitals) and as folded words: cut once, not once per country.
fn texts(corpus: &Folder) -> Vec<Vec<(String, Vec<String>)>> {
    corpus
        .briefings
        .iter()
        .map(|b| {
            let mut texts = vec![b.title.as_str(), b.body.as_str()];
            texts.extend(b.summary.as_deref());
            texts.extend(b.topics.iter().map(|t| t.as_str()));
            texts.extend(b.location.city.as_deref());
            texts.extend(b.source.publisher.as_deref());
            texts.extend(
                b.actors
                    .iter()
                    .filter_map(|a| corpus.registry.get(a.actor))
                    .flat_map(|a| a.names()),
            );
            texts.iter().map(|t| (t.to_string(), words(t))).collect()
        })
        .collect()
}

/// Country queries, as the table writes each form (`.0`) and misspelt
/// (`.1`), against the briefings concerning the country or naming it. With
/// `notes`, the first wrong and missed hits are described there.
pub fn country_queries(
    corpus: &Folder,
    draw: &mut Draw,
    mut notes: Option<&mut Vec<String>>,
) -> (Tally, Tally) {
    let mut codes: Vec<_> = corpus
        .briefings
        .iter()
        .flat_map(|b| b.countries.iter().copied())
        .collect();
    codes.sort_by_key(|c| c.as_str().to_string());
    codes.dedup();
    // Queries, right, wrong, missed: for the forms as written, and misspelt.
    let texts = texts(corpus);
    let mut exact = Tally::default();
    let mut with_typo = Tally::default();
    for code in codes {
        let country = code.country();
        // Names of 3 letters or fewer count in capitals, as typed and as found.
        let long_names: Vec<Vec<String>> = country
            .names()
            .skip(1)
            .filter(|n| n.chars().filter(|c| c.is_alphanumeric()).count() > 3)
            .map(words)
            .collect();
        let short_names: Vec<&str> = country
            .names()
            .skip(1)
            .filter(|n| n.chars().filter(|c| c.is_alphanumeric()).count() <= 3)
            .collect();
        let relevant: Vec<bool> = corpus
            .briefings
            .iter()
            .zip(&texts)
            .map(|(b, texts)| {
                b.countries.contains(&code)
                    || b.location.country == Some(code)
                    || texts.iter().any(|(raw, folded)| {
                        long_names.iter().any(|n| names(folded, n))
                            || short_names
                                .iter()
                                .any(|s| raw.split(|c: char| !c.is_alphanumeric()).any(|w| w == *s))
                    })
            })
            .collect();
        let forms: Vec<String> = std::iter::once(country.code.to_string())
            .chain(country.names().skip(1).map(str::to_string))
            .collect();
        for form in forms {
            // The form as the table writes it, then with one substituted
            // letter in its longest word of 5 letters or more.
            let mut longest = words(&form);
            let misspelt = longest
                .iter()
                .enumerate()
                .filter(|(_, w)| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic))
                .max_by_key(|(_, w)| w.chars().count())
                .map(|(i, _)| i)
                .map(|i| {
                    longest[i] = typo(&longest[i], 2, draw);
                    // An acronym (`FYROM`) is typed in capitals, as written.
                    if form.chars().any(char::is_lowercase) {
                        longest.join(" ")
                    } else {
                        longest.join(" ").to_uppercase()
                    }
                });
            for (typed, tally) in std::iter::once((form.clone(), &mut exact))
                .chain(misspelt.map(|m| (m, &mut with_typo)))
            {
                let Ok(query) = parse_query(corpus, &typed) else {
                    continue;
                };
                tally.queries += 1;
                let hits = search(corpus, &query, &Selection::default());
                let mut got = vec![false; corpus.briefings.len()];
                for h in &hits {
                    got[h.doc] = true;
                }
                for (d, (g, r)) in got.iter().zip(&relevant).enumerate() {
                    match (g, r) {
                        (true, true) => tally.right += 1,
                        (true, false) => {
                            if let Some(notes) = notes.as_deref_mut().filter(|_| tally.wrong < 3) {
                                notes.push(format!(
                                    "    wrong: {typed} -> {}",
                                    corpus.briefings[d].id
                                ));
                            }
                            tally.wrong += 1
                        }
                        (false, true) => {
                            if let Some(notes) = notes.as_deref_mut().filter(|_| tally.missed < 3) {
                                notes.push(format!(
                                    "    missed: {typed} -> {}",
                                    corpus.briefings[d].id
                                ));
                            }
                            tally.missed += 1
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    (exact, with_typo)
}
