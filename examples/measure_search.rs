//! Measures how search reads what analysts type (issue 14), repeatably:
//!
//!     cargo run --example measure_search -- DIR [DIR...] [--titles N] [--seed S]
//!
//! For each folder:
//! - typo recall: for N titles drawn with a fixed seed, a query of three
//!   consecutive title words with one typo (drop, add, substitute, swap of
//!   two adjacent letters) in one word of 5 letters or more; the briefing
//!   must be in the top 5 (titles whose three words typed right do not put
//!   it in the top 5 are not drawn);
//! - country queries: for every country of the folder, every form the table
//!   knows (French, English, variants, code in capitals); the hits against the
//!   briefings concerning the country or naming it in any form as whole words
//!   (precision and recall).

use brief_core::lang::Lang;
use brief_core::load::{LoadOptions, load_dir};
use brief_core::query::words;
use brief_core::search::reading::Reading;
use brief_core::search::{parse_query, search};
use brief_core::{Corpus, Selection};

/// A small deterministic generator (SplitMix64): the same draws on every run.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const KINDS: [&str; 4] = ["drop", "add", "substitute", "swap"];

/// `word` with one edit of `kind` at a drawn place (never the same word).
fn typo(word: &str, kind: usize, draw: &mut Draw) -> String {
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

fn typo_recall(corpus: &Corpus, titles: usize, seed: u64) {
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
            } else if std::env::var_os("MEASURE_VERBOSE").is_some() {
                let read: Vec<String> = Reading::of(&query, &corpus.registry)
                    .iter()
                    .map(|r| r.message(Lang::En))
                    .collect();
                eprintln!(
                    "    missed: {:?} for {} ({} hits{}{})",
                    q.join(" "),
                    corpus.briefings[doc].id,
                    hits.len(),
                    if read.is_empty() { "" } else { "; read as " },
                    read.join(", ")
                );
            }
        }
    }
    let (mut ok, mut all) = (0, 0);
    for (kind, (hit, n)) in KINDS.iter().zip(per_kind) {
        println!(
            "  typo {kind:<10} {hit:>4}/{n:<4} in the top 5 ({:.1}%)",
            100.0 * hit as f64 / n.max(1) as f64
        );
        ok += hit;
        all += n;
    }
    println!(
        "  typo all        {ok:>4}/{all:<4} in the top 5 ({:.1}%)",
        100.0 * ok as f64 / all.max(1) as f64
    );
}

/// Whether `text` holds the folded words of `name` in a row.
fn names(text: &str, name: &[String]) -> bool {
    let w = words(text);
    !name.is_empty() && w.windows(name.len()).any(|win| win == name)
}

fn country_queries(corpus: &Corpus, draw: &mut Draw) {
    let mut codes: Vec<_> = corpus
        .briefings
        .iter()
        .flat_map(|b| b.countries.iter().copied())
        .collect();
    codes.sort_by_key(|c| c.as_str().to_string());
    codes.dedup();
    // Queries, right, wrong, missed: for the forms as written, and misspelt.
    let mut exact = (0usize, 0usize, 0usize, 0usize);
    let mut with_typo = (0usize, 0usize, 0usize, 0usize);
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
            .map(|b| {
                let mut texts = vec![b.title.as_str(), b.body.as_str()];
                texts.extend(b.summary.as_deref());
                texts.extend(b.topics.iter().map(|t| t.as_str()));
                texts.extend(b.location.city.as_deref());
                texts.extend(b.source.publisher.as_deref());
                let actor_names: Vec<&str> = b
                    .actors
                    .iter()
                    .filter_map(|a| corpus.registry.get(a.actor))
                    .flat_map(|a| a.names())
                    .collect();
                texts.extend(actor_names);
                b.countries.contains(&code)
                    || b.location.country == Some(code)
                    || texts.iter().any(|t| {
                        long_names.iter().any(|n| names(t, n))
                            || short_names
                                .iter()
                                .any(|s| t.split(|c: char| !c.is_alphanumeric()).any(|w| w == *s))
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
                tally.0 += 1;
                let hits = search(corpus, &query, &Selection::default());
                let mut got = vec![false; corpus.briefings.len()];
                for h in &hits {
                    got[h.doc] = true;
                }
                for (d, (g, r)) in got.iter().zip(&relevant).enumerate() {
                    match (g, r) {
                        (true, true) => tally.1 += 1,
                        (true, false) => {
                            if tally.2 < 3 && std::env::var_os("MEASURE_VERBOSE").is_some() {
                                eprintln!("    wrong: {typed} -> {}", corpus.briefings[d].id);
                            }
                            tally.2 += 1
                        }
                        (false, true) => {
                            if tally.3 < 3 && std::env::var_os("MEASURE_VERBOSE").is_some() {
                                eprintln!("    missed: {typed} -> {}", corpus.briefings[d].id);
                            }
                            tally.3 += 1
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    for (label, (queries, tp, fp, fn_)) in [("countries", exact), ("misspelt", with_typo)] {
        println!(
            "  {label}: {queries} queries, precision {:.1}%, recall {:.1}% ({tp} right, {fp} wrong, {fn_} missed)",
            100.0 * tp as f64 / (tp + fp).max(1) as f64,
            100.0 * tp as f64 / (tp + fn_).max(1) as f64
        );
    }
}

fn main() -> std::process::ExitCode {
    let mut dirs = Vec::new();
    let (mut titles, mut seed) = (200usize, 14u64);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--titles" => titles = args.next().and_then(|n| n.parse().ok()).unwrap_or(titles),
            "--seed" => seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(seed),
            _ => dirs.push(a),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: measure_search DIR [DIR...] [--titles N] [--seed S]");
        return std::process::ExitCode::from(2);
    }
    for dir in dirs {
        let corpus = match load_dir(
            std::path::Path::new(&dir),
            &LoadOptions::default(),
            &|_, _| {},
        ) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{dir}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        };
        println!("{dir}: {} briefings (seed {seed})", corpus.briefings.len());
        typo_recall(&corpus, titles, seed);
        country_queries(&corpus, &mut Draw(seed));
    }
    std::process::ExitCode::SUCCESS
}
