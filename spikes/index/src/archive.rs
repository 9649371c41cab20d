//! Today's inverted index as a zero-copy archive: rkyv structs written to a
//! file and memory-mapped, so opening parses nothing.
//!
//! One segment file holds the list data (ids, titles, paths, dates,
//! countries, actors), the sorted vocabulary and flat postings
//! (`doc << 2 | in_title_or_short_value << 1 | in_summary`). Bodies live in a
//! separate blob read on demand, where phrases are checked (no positions, as
//! today). An update writes a small delta segment (the changed briefings, and
//! the base briefings they replace) by rename, so readers see the base or the
//! base plus the new delta, never half of one.

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use rkyv::rancor;
use std::collections::HashMap;

use crate::{Error, MARKER, PHRASE, PREFIX, WORD, each_word, report};

#[derive(rkyv::Archive, rkyv::Serialize, Default)]
pub struct Segment {
    /// Number of the first briefing of this segment among all segments.
    first_doc: u32,
    ids: Vec<String>,
    titles: Vec<String>,
    paths: Vec<String>,
    dates: Vec<u32>,
    country_starts: Vec<u32>,
    countries: Vec<u16>,
    actor_starts: Vec<u32>,
    actors: Vec<u32>,
    /// Where each briefing's short values, summary and body start in the segment's bodies blob.
    body_starts: Vec<u64>,
    words: Vec<String>,
    posting_starts: Vec<u32>,
    postings: Vec<u32>,
    /// Base briefings this (delta) segment replaces.
    deleted: Vec<u32>,
}

const TITLE: u32 = 2;
const SUMMARY: u32 = 1;

/// One briefing's words with their field flags.
fn doc_words(c: &brief_core::Corpus, b: &brief_core::Briefing, body: &str) -> HashMap<String, u32> {
    let mut words: HashMap<String, u32> = HashMap::new();
    let mut buf = String::new();
    let short = crate::short_values(c, b);
    for (text, flag) in [
        (b.title.as_str(), TITLE),
        (short.as_str(), TITLE),
        (b.summary.as_deref().unwrap_or_default(), SUMMARY),
        (body, 0),
    ] {
        each_word(text, &mut buf, |w| match words.get_mut(w) {
            Some(f) => *f |= flag,
            None => {
                words.insert(w.to_string(), flag);
            }
        });
    }
    words
}

/// A segment of `briefings` (each with the body to index), plus its bodies blob.
fn segment(
    c: &brief_core::Corpus,
    briefings: &[(&brief_core::Briefing, String)],
    first_doc: u32,
    deleted: Vec<u32>,
) -> (Segment, Vec<u8>) {
    let mut s = Segment {
        first_doc,
        deleted,
        ..Segment::default()
    };
    let mut bodies = Vec::new();
    for (b, body) in briefings {
        s.ids.push(b.id.clone());
        s.titles.push(b.title.clone());
        s.paths.push(b.path.display().to_string());
        s.dates.push(crate::date_number(b));
        s.country_starts.push(s.countries.len() as u32);
        s.countries
            .extend(b.countries.iter().map(crate::country_number));
        s.actor_starts.push(s.actors.len() as u32);
        s.actors.extend(b.actors.iter().map(|a| a.actor as u32));
        s.body_starts.push(bodies.len() as u64);
        // Short values first: a phrase can be a topic or an actor's name.
        bodies.extend_from_slice(crate::short_values(c, b).as_bytes());
        bodies.extend_from_slice(b"\n\n");
        bodies.extend_from_slice(b.summary.as_deref().unwrap_or_default().as_bytes());
        bodies.extend_from_slice(b"\n\n");
        bodies.extend_from_slice(body.as_bytes());
    }
    s.country_starts.push(s.countries.len() as u32);
    s.actor_starts.push(s.actors.len() as u32);
    s.body_starts.push(bodies.len() as u64);
    // Chunks on every core, merged in order so postings stay sorted.
    const CHUNK: usize = 2048;
    let chunks: Vec<HashMap<String, Vec<u32>>> = briefings
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(n, chunk)| {
            let mut map: HashMap<String, Vec<u32>> = HashMap::new();
            for (i, (b, body)) in chunk.iter().enumerate() {
                let doc = (n * CHUNK + i) as u32;
                for (w, flags) in doc_words(c, b, body) {
                    map.entry(w).or_default().push(doc << 2 | flags);
                }
            }
            map
        })
        .collect();
    let mut all: HashMap<String, Vec<u32>> = HashMap::new();
    for map in chunks {
        for (w, p) in map {
            all.entry(w).or_default().extend(p);
        }
    }
    let mut words: Vec<(String, Vec<u32>)> = all.into_iter().collect();
    words.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (w, p) in words {
        s.words.push(w);
        s.posting_starts.push(s.postings.len() as u32);
        s.postings.extend(p);
    }
    s.posting_starts.push(s.postings.len() as u32);
    (s, bodies)
}

/// Writes `name` in `dir` by rename, so a reader sees the old file or the new one.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let tmp = dir.join(format!("{name}.tmp"));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, dir.join(name))?;
    Ok(())
}

fn write_segment(dir: &Path, name: &str, s: &Segment, bodies: &[u8]) -> Result<usize, Error> {
    let bytes = rkyv::to_bytes::<rancor::Error>(s)?;
    // Bodies first: a segment file never names a blob that is not there yet.
    write_atomically(dir, &format!("{name}.bodies"), bodies)?;
    write_atomically(dir, &format!("{name}.idx"), &bytes)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(bytes.len())
}

pub fn build(corpus: &Path, dir: &Path) -> Result<(), Error> {
    let start = Instant::now();
    let c = crate::load(corpus)?;
    report(
        "archive",
        "load corpus (brief-core cache)",
        start,
        c.briefings.len(),
    );
    std::fs::create_dir_all(dir)?;
    let _ = std::fs::remove_file(dir.join("delta.idx"));
    let _ = std::fs::remove_file(dir.join("delta.bodies"));
    let start = Instant::now();
    let docs: Vec<(&brief_core::Briefing, String)> =
        c.briefings.iter().map(|b| (&**b, b.body.clone())).collect();
    let (s, bodies) = segment(&c, &docs, 0, Vec::new());
    report(
        "archive",
        "build segment in memory",
        start,
        format!("{} words, {} postings", s.words.len(), s.postings.len()),
    );
    let start = Instant::now();
    let n = write_segment(dir, "base", &s, &bodies)?;
    report(
        "archive",
        "serialize + write + fsync",
        start,
        format!(
            "index {:.1} MB, bodies {:.1} MB",
            n as f64 / 1e6,
            bodies.len() as f64 / 1e6
        ),
    );
    Ok(())
}

/// A mapped segment and its bodies.
pub struct Mapped {
    _index: memmap2::Mmap,
    bodies: memmap2::Mmap,
    seg: &'static ArchivedSegment,
}

impl Mapped {
    fn open(dir: &Path, name: &str, checked: bool) -> Result<Option<Mapped>, Error> {
        let Ok(f) = std::fs::File::open(dir.join(format!("{name}.idx"))) else {
            return Ok(None);
        };
        let b = std::fs::File::open(dir.join(format!("{name}.bodies")))?;
        // SAFETY: the files are replaced by rename, never written in place, so
        // the mapped bytes do not change under us.
        let (index, bodies) = unsafe { (memmap2::Mmap::map(&f)?, memmap2::Mmap::map(&b)?) };
        let seg: &ArchivedSegment = if checked {
            rkyv::access::<ArchivedSegment, rancor::Error>(&index[..])?
        } else {
            // SAFETY: the spike trusts its own file when asked to skip the check.
            unsafe { rkyv::access_unchecked::<ArchivedSegment>(&index[..]) }
        };
        // SAFETY: the archive borrows the mapping, which lives as long as `Mapped`.
        let seg: &'static ArchivedSegment = unsafe { std::mem::transmute(seg) };
        Ok(Some(Mapped {
            _index: index,
            bodies,
            seg,
        }))
    }

    fn len(&self) -> usize {
        self.seg.ids.len()
    }

    fn postings(&self, range: std::ops::Range<usize>) -> &[rkyv::Archived<u32>] {
        let starts = &self.seg.posting_starts;
        let (a, b) = (
            starts[range.start].to_native(),
            starts[range.end].to_native(),
        );
        &self.seg.postings[a as usize..b as usize]
    }

    fn exact(&self, w: &str) -> std::ops::Range<usize> {
        match self.seg.words.binary_search_by(|x| x.as_str().cmp(w)) {
            Ok(i) => i..i + 1,
            Err(_) => 0..0,
        }
    }

    fn prefixed(&self, prefix: &str) -> std::ops::Range<usize> {
        let words = &self.seg.words;
        let start = words.partition_point(|w| w.as_str() < prefix);
        let end = words.partition_point(|w| w.as_str() < prefix || w.as_str().starts_with(prefix));
        start..end
    }

    /// Short values, summary and body of local briefing `doc`, from the blob.
    fn body(&self, doc: usize) -> &str {
        let s = &self.seg.body_starts;
        let (a, b) = (s[doc].to_native() as usize, s[doc + 1].to_native() as usize);
        std::str::from_utf8(self.bodies.get(a..b).unwrap_or_default()).unwrap_or_default()
    }
}

/// The base segment and the delta, if any: what a reader searches.
pub struct Reader {
    base: Mapped,
    delta: Option<Mapped>,
    /// Base briefings replaced by the delta.
    gone: Vec<bool>,
}

/// Per country code and per actor, how many hits, most first.
type Counts = (Vec<(u16, u32)>, Vec<(u32, u32)>);

fn score_of(flags: u32) -> i32 {
    if flags & TITLE != 0 {
        30_000
    } else if flags & SUMMARY != 0 {
        10_000
    } else {
        1
    }
}

impl Reader {
    pub fn open(dir: &Path, checked: bool) -> Result<Reader, Error> {
        let base = Mapped::open(dir, "base", checked)?.ok_or("no base segment")?;
        let mut r = Reader {
            gone: vec![false; base.len()],
            base,
            delta: None,
        };
        r.reload_delta(dir)?;
        Ok(r)
    }

    fn reload_delta(&mut self, dir: &Path) -> Result<(), Error> {
        self.delta = Mapped::open(dir, "delta", false)?;
        self.gone.iter_mut().for_each(|g| *g = false);
        if let Some(d) = &self.delta {
            for n in d.seg.deleted.iter() {
                if let Some(g) = self.gone.get_mut(n.to_native() as usize) {
                    *g = true;
                }
            }
        }
        Ok(())
    }

    fn segments(&self) -> impl Iterator<Item = &Mapped> {
        std::iter::once(&self.base).chain(self.delta.as_ref())
    }

    fn total(&self) -> usize {
        self.segments().map(Mapped::len).sum()
    }

    /// Ranked hits (global doc, score) for words matched exactly or as prefixes, all required.
    pub fn words(&self, words: &[&str], prefix: bool) -> Vec<(u32, i32)> {
        let mut hits = Vec::new();
        for m in self.segments() {
            let first = m.seg.first_doc.to_native();
            // Dense scores per briefing, as today's scoring does.
            let mut scores: Vec<i32> = vec![0; m.len()];
            for (i, w) in words.iter().enumerate() {
                let range = if prefix { m.prefixed(w) } else { m.exact(w) };
                let mut best: Vec<i32> = vec![-1; m.len()];
                for p in m.postings(range) {
                    let p = p.to_native();
                    let d = (p >> 2) as usize;
                    best[d] = best[d].max(score_of(p & 3));
                }
                for (s, b) in scores.iter_mut().zip(&best) {
                    if i == 0 || *s >= 0 {
                        *s = if *b < 0 { -1 } else { (*s).max(0) + *b };
                    }
                }
            }
            for (d, s) in scores.into_iter().enumerate() {
                let global = first + d as u32;
                if s > 0 && !(first == 0 && self.gone[d]) {
                    hits.push((global, s));
                }
            }
        }
        hits.sort_unstable_by_key(|&(d, s)| (std::cmp::Reverse(s), d));
        hits
    }

    /// Briefings holding the words in this order: those holding every word,
    /// then checked in their title or body read from the blob.
    pub fn phrase(&self, phrase: &[&str]) -> (Vec<(u32, i32)>, usize) {
        let mut hits = Vec::new();
        let mut candidates_total = 0;
        for m in self.segments() {
            let first = m.seg.first_doc.to_native();
            let mut seen: Vec<u8> = vec![0; m.len()];
            for (i, w) in phrase.iter().enumerate() {
                for p in m.postings(m.exact(w)) {
                    let d = (p.to_native() >> 2) as usize;
                    if seen[d] == i as u8 {
                        seen[d] += 1;
                    }
                }
            }
            let n = phrase.len() as u8;
            let candidates: Vec<usize> = (0..m.len()).filter(|&d| seen[d] == n).collect();
            candidates_total += candidates.len();
            let found: Vec<(u32, i32)> = candidates
                .par_iter()
                .filter(|&&d| !(first == 0 && self.gone[d]))
                .filter_map(|&d| {
                    let score = if holds_phrase(m.seg.titles[d].as_str(), phrase) {
                        30_000
                    } else if holds_phrase(m.body(d), phrase) {
                        // Which of the three held it is left out of the spike's ranking.
                        1
                    } else {
                        return None;
                    };
                    Some((first + d as u32, score))
                })
                .collect();
            hits.extend(found);
        }
        hits.sort_unstable_by_key(|&(d, s)| (std::cmp::Reverse(s), d));
        (hits, candidates_total)
    }

    fn locate(&self, doc: u32) -> Option<(&Mapped, usize)> {
        self.segments().find_map(|m| {
            let first = m.seg.first_doc.to_native();
            (doc >= first && ((doc - first) as usize) < m.len())
                .then(|| (m, (doc - first) as usize))
        })
    }

    pub fn title(&self, doc: u32) -> &str {
        self.locate(doc)
            .map_or("", |(m, d)| m.seg.titles[d].as_str())
    }

    /// Counts per country and per actor over `hits`, most frequent first.
    pub fn facets(&self, hits: &[(u32, i32)]) -> Counts {
        let mut countries = vec![0u32; 1 << 16];
        let mut actors: Vec<u32> = Vec::new();
        for &(doc, _) in hits {
            let Some((m, d)) = self.locate(doc) else {
                continue;
            };
            let s = &m.seg;
            let (a, b) = (
                s.country_starts[d].to_native(),
                s.country_starts[d + 1].to_native(),
            );
            for c in &s.countries[a as usize..b as usize] {
                countries[c.to_native() as usize] += 1;
            }
            let (a, b) = (
                s.actor_starts[d].to_native(),
                s.actor_starts[d + 1].to_native(),
            );
            for x in &s.actors[a as usize..b as usize] {
                let x = x.to_native() as usize;
                if actors.len() <= x {
                    actors.resize(x + 1, 0);
                }
                actors[x] += 1;
            }
        }
        let mut c: Vec<(u16, u32)> = (0..countries.len())
            .filter(|&i| countries[i] > 0)
            .map(|i| (i as u16, countries[i]))
            .collect();
        c.sort_unstable_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
        let mut a: Vec<(u32, u32)> = (0..actors.len())
            .filter(|&i| actors[i] > 0)
            .map(|i| (i as u32, actors[i]))
            .collect();
        a.sort_unstable_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
        (c, a)
    }
}

/// Whether the folded words of `text` hold `phrase` as a run.
fn holds_phrase(text: &str, phrase: &[&str]) -> bool {
    let mut buf = String::new();
    let mut matched = 0usize;
    let mut found = false;
    // A run restarts at the first word when the next one breaks it.
    each_word(text, &mut buf, |w| {
        if found {
            return;
        }
        if w == phrase[matched] {
            matched += 1;
        } else {
            matched = usize::from(w == phrase[0]);
        }
        if matched == phrase.len() {
            found = true;
        }
    });
    found
}

pub fn query(dir: &Path, rest: &[&str]) -> Result<(), Error> {
    let start = Instant::now();
    let checked = Reader::open(dir, true)?;
    report(
        "archive",
        "open: mmap + rkyv access checked (validates every byte)",
        start,
        checked.total(),
    );
    drop(checked);
    let start = Instant::now();
    let r = Reader::open(dir, false)?;
    report(
        "archive",
        "open: mmap + rkyv access unchecked",
        start,
        r.total(),
    );
    for round in ["cold", "warm"] {
        let start = Instant::now();
        let hits = r.words(&[WORD], false);
        report(
            "archive",
            &format!("word ({WORD}), all hits ranked, {round}"),
            start,
            hits.len(),
        );
        let start = Instant::now();
        let p = r.words(&[PREFIX], true);
        report(
            "archive",
            &format!("prefix ({PREFIX}), all hits ranked, {round}"),
            start,
            p.len(),
        );
        let start = Instant::now();
        let (ph, candidates) = r.phrase(&PHRASE);
        report(
            "archive",
            &format!("phrase ({}), {round}", PHRASE.join(" ")),
            start,
            format!("{} hits of {candidates} candidates", ph.len()),
        );
        let start = Instant::now();
        let (c, a) = r.facets(&hits);
        report(
            "archive",
            &format!("facet counts over all word hits, {round}"),
            start,
            format!("{} countries, {} actors", c.len(), a.len()),
        );
        let start = Instant::now();
        let titles: usize = hits.iter().take(50).map(|&(d, _)| r.title(d).len()).sum();
        report(
            "archive",
            &format!("first 50 titles, {round}"),
            start,
            titles,
        );
    }
    println!("archive\tmemory after open+queries\t\t{}", crate::memory());
    crate::hold_if_asked(rest);
    Ok(())
}

pub fn one_shot(dir: &Path, words: &[&str]) -> Result<(), Error> {
    let r = Reader::open(dir, false)?;
    let hits = if words.len() > 1 {
        r.phrase(words).0
    } else {
        r.words(words, true)
    };
    for &(d, _) in hits.iter().take(20) {
        println!("{d}\t{}", r.title(d));
    }
    println!("{} hits", hits.len());
    Ok(())
}

/// Changes one briefing (a marker word added to its body), writes the delta
/// segment, and times until an already open reader finds it.
pub fn update(corpus: &Path, dir: &Path) -> Result<(), Error> {
    let c = crate::load(corpus)?;
    let mut reader = Reader::open(dir, false)?;
    let before = reader.words(&[MARKER], false).len();
    let target = c
        .briefings
        .get(c.briefings.len() / 3)
        .ok_or("empty corpus")?;
    let start = Instant::now();
    // The writer finds the briefing's number by id in the base segment.
    let old = (0..reader.base.len())
        .find(|&d| reader.base.seg.ids[d].as_str() == target.id)
        .ok_or("briefing not in the base")? as u32;
    let body = format!("{} {MARKER}", target.body);
    let (s, bodies) = segment(
        &c,
        &[(&**target, body)],
        reader.base.len() as u32,
        vec![old],
    );
    let n = write_segment(dir, "delta", &s, &bodies)?;
    report(
        "archive",
        "update one file: write delta segment (build, serialize, fsync, rename)",
        start,
        format!("{n} bytes"),
    );
    let start = Instant::now();
    reader.reload_delta(dir)?;
    let after = reader.words(&[MARKER], false);
    let old_gone = reader.words(&[WORD], false).iter().all(|&(d, _)| d != old);
    report(
        "archive",
        "update one file: reader remaps delta + finds it",
        start,
        format!(
            "marker hits {before} -> {}, old copy hidden: {old_gone}",
            after.len()
        ),
    );
    Ok(())
}
