//! The field's engine: a tantivy index in a folder, memory-mapped segments.
//!
//! Title, short values (actors, countries, topics, place, publisher), summary
//! and body are text with positions, folded (lowercase, ASCII folding); the
//! title is stored for the list; countries, actors, date and the briefing's
//! number are fast fields for facets and sorting. Bodies are not stored: the
//! reader reads the briefing's file, as the issue asks.

use std::path::Path;
use std::time::Instant;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, BoostQuery, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{
    DocAddress, DocId, Index, ReloadPolicy, Score, SegmentReader, TantivyDocument, Term,
};

use crate::{Error, MARKER, PHRASE, PREFIX, WORD, report};

struct Fields {
    id: Field,
    ord: Field,
    path: Field,
    title: Field,
    short: Field,
    summary: Field,
    body: Field,
    countries: Field,
    actors: Field,
    date: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("fold")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        ord: b.add_u64_field("ord", FAST),
        path: b.add_text_field("path", STORED),
        title: b.add_text_field("title", text.clone().set_stored()),
        short: b.add_text_field("short", text.clone()),
        summary: b.add_text_field("summary", text.clone()),
        body: b.add_text_field("body", text),
        countries: b.add_u64_field("countries", FAST),
        actors: b.add_u64_field("actors", FAST),
        date: b.add_u64_field("date", FAST),
    };
    (b.build(), fields)
}

/// Words as brief folds them (close enough for the spike: lowercase, accents off).
fn register(index: &Index) {
    index.tokenizers().register(
        "fold",
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

fn document(
    f: &Fields,
    c: &brief_core::Corpus,
    ord: usize,
    b: &brief_core::Briefing,
    body: &str,
) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &b.id);
    d.add_u64(f.ord, ord as u64);
    d.add_text(f.path, b.path.display().to_string());
    d.add_text(f.title, &b.title);
    d.add_text(f.short, crate::short_values(c, b));
    if let Some(s) = &b.summary {
        d.add_text(f.summary, s);
    }
    d.add_text(f.body, body);
    for country in &b.countries {
        d.add_u64(f.countries, u64::from(crate::country_number(country)));
    }
    for a in &b.actors {
        d.add_u64(f.actors, a.actor as u64);
    }
    d.add_u64(f.date, u64::from(crate::date_number(b)));
    d
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|it| {
            it.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

pub fn build(corpus: &Path, dir: &Path) -> Result<(), Error> {
    let start = Instant::now();
    let c = crate::load(corpus)?;
    report(
        "tantivy",
        "load corpus (brief-core cache)",
        start,
        c.briefings.len(),
    );
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    let (schema, f) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    register(&index);
    let start = Instant::now();
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(2, 400_000_000)?;
    for (ord, b) in c.briefings.iter().enumerate() {
        writer.add_document(document(&f, &c, ord, b, &b.body))?;
    }
    writer.commit()?;
    report(
        "tantivy",
        "build: add 100k documents + commit (2 threads)",
        start,
        format!("{} segments", index.searchable_segment_ids()?.len()),
    );
    let start = Instant::now();
    let ids = index.searchable_segment_ids()?;
    if ids.len() > 1 {
        writer.merge(&ids).wait()?;
    }
    writer.wait_merging_threads()?;
    report(
        "tantivy",
        "build: merge into one segment",
        start,
        format!(
            "{} segments, {:.1} MB on disk",
            index.searchable_segment_ids()?.len(),
            dir_size(dir) as f64 / 1e6
        ),
    );
    Ok(())
}

/// Every hit, with its briefing number and score, and optionally facet counts
/// read from the fast fields, in one pass.
struct AllHits {
    facets: bool,
}

struct SegmentHits {
    segment: u32,
    ord: Column<u64>,
    countries: Column<u64>,
    actors: Column<u64>,
    facets: bool,
    fruit: Found,
}

#[derive(Default)]
struct Found {
    hits: Vec<(u64, Score, u32, DocId)>,
    countries: Vec<u32>,
    actors: Vec<u32>,
}

impl Collector for AllHits {
    type Fruit = Found;
    type Child = SegmentHits;

    fn for_segment(&self, n: u32, segment: &SegmentReader) -> tantivy::Result<SegmentHits> {
        let ff = segment.fast_fields();
        Ok(SegmentHits {
            segment: n,
            ord: ff.u64("ord")?,
            countries: ff.u64("countries")?,
            actors: ff.u64("actors")?,
            facets: self.facets,
            fruit: Found {
                hits: Vec::new(),
                countries: if self.facets {
                    vec![0; 1 << 16]
                } else {
                    Vec::new()
                },
                actors: Vec::new(),
            },
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Found>) -> tantivy::Result<Found> {
        let mut all = Found::default();
        for f in fruits {
            all.hits.extend(f.hits);
            if all.countries.len() < f.countries.len() {
                all.countries.resize(f.countries.len(), 0);
            }
            for (a, b) in all.countries.iter_mut().zip(f.countries) {
                *a += b;
            }
            if all.actors.len() < f.actors.len() {
                all.actors.resize(f.actors.len(), 0);
            }
            for (a, b) in all.actors.iter_mut().zip(f.actors) {
                *a += b;
            }
        }
        all.hits
            .sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(all)
    }
}

impl SegmentCollector for SegmentHits {
    type Fruit = Found;

    fn collect(&mut self, doc: DocId, score: Score) {
        let ord = self.ord.first(doc).unwrap_or(u64::MAX);
        self.fruit.hits.push((ord, score, self.segment, doc));
        if self.facets {
            for c in self.countries.values_for_doc(doc) {
                if let Some(n) = self.fruit.countries.get_mut(c as usize) {
                    *n += 1;
                }
            }
            for a in self.actors.values_for_doc(doc) {
                let a = a as usize;
                if self.fruit.actors.len() <= a {
                    self.fruit.actors.resize(a + 1, 0);
                }
                self.fruit.actors[a] += 1;
            }
        }
    }

    fn harvest(self) -> Found {
        self.fruit
    }
}

/// Title boosted above the short values, above the summary, above the body.
fn over_fields(f: &Fields, make: impl Fn(Field) -> Box<dyn Query>) -> BooleanQuery {
    BooleanQuery::union(vec![
        Box::new(BoostQuery::new(make(f.title), 4.0)),
        Box::new(BoostQuery::new(make(f.short), 3.0)),
        Box::new(BoostQuery::new(make(f.summary), 2.0)),
        make(f.body),
    ])
}

fn word_query(f: &Fields, w: &str) -> BooleanQuery {
    over_fields(f, |field| {
        Box::new(TermQuery::new(
            Term::from_field_text(field, w),
            IndexRecordOption::WithFreqs,
        ))
    })
}

fn prefix_query(f: &Fields, p: &str) -> Result<BooleanQuery, Error> {
    let mut queries: Vec<Box<dyn Query>> = Vec::new();
    for (field, boost) in [
        (f.title, 4.0),
        (f.short, 3.0),
        (f.summary, 2.0),
        (f.body, 1.0),
    ] {
        queries.push(Box::new(BoostQuery::new(
            Box::new(RegexQuery::from_pattern(&format!("{p}.*"), field)?),
            boost,
        )));
    }
    Ok(BooleanQuery::union(queries))
}

fn phrase_query(f: &Fields, words: &[&str]) -> BooleanQuery {
    over_fields(f, |field| {
        Box::new(PhraseQuery::new(
            words
                .iter()
                .map(|w| Term::from_field_text(field, w))
                .collect(),
        ))
    })
}

fn open(dir: &Path) -> Result<(Index, tantivy::IndexReader, Fields), Error> {
    let index = Index::open_in_dir(dir)?;
    register(&index);
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let (_, f) = schema();
    Ok((index, reader, f))
}

pub fn query(dir: &Path, rest: &[&str]) -> Result<(), Error> {
    let start = Instant::now();
    let (_index, reader, f) = open(dir)?;
    let searcher = reader.searcher();
    report(
        "tantivy",
        "open: Index::open_in_dir + reader + searcher",
        start,
        searcher.num_docs(),
    );
    let phrase = phrase_query(&f, &PHRASE);
    let word = word_query(&f, WORD);
    let prefix = prefix_query(&f, PREFIX)?;
    for round in ["cold", "warm"] {
        let start = Instant::now();
        let hits = searcher.search(&word, &AllHits { facets: false })?;
        report(
            "tantivy",
            &format!("word ({WORD}), all hits ranked, {round}"),
            start,
            hits.hits.len(),
        );
        let start = Instant::now();
        let p = searcher.search(&prefix, &AllHits { facets: false })?;
        report(
            "tantivy",
            &format!("prefix ({PREFIX}), all hits ranked, {round}"),
            start,
            p.hits.len(),
        );
        let start = Instant::now();
        let ph = searcher.search(&phrase, &AllHits { facets: false })?;
        report(
            "tantivy",
            &format!("phrase ({}), {round}", PHRASE.join(" ")),
            start,
            ph.hits.len(),
        );
        let start = Instant::now();
        let fc = searcher.search(&word, &AllHits { facets: true })?;
        let mut countries: Vec<(usize, u32)> = fc
            .countries
            .iter()
            .copied()
            .enumerate()
            .filter(|c| c.1 > 0)
            .collect();
        countries.sort_unstable_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
        let mut actors: Vec<(usize, u32)> = fc
            .actors
            .iter()
            .copied()
            .enumerate()
            .filter(|c| c.1 > 0)
            .collect();
        actors.sort_unstable_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
        report(
            "tantivy",
            &format!("word + facet counts over all hits (fast fields), {round}"),
            start,
            format!(
                "{} hits, {} countries, {} actors",
                fc.hits.len(),
                countries.len(),
                actors.len()
            ),
        );
        let start = Instant::now();
        let mut n = 0;
        for &(_, _, seg, doc) in hits.hits.iter().take(50) {
            let d: TantivyDocument = searcher.doc(DocAddress::new(seg, doc))?;
            n += d
                .get_first(f.title)
                .and_then(|v| v.as_str())
                .map_or(0, str::len);
        }
        report(
            "tantivy",
            &format!("first 50 titles from the doc store, {round}"),
            start,
            n,
        );
    }
    println!("tantivy\tmemory after open+queries\t\t{}", crate::memory());
    crate::hold_if_asked(rest);
    Ok(())
}

pub fn one_shot(dir: &Path, words: &[&str]) -> Result<(), Error> {
    let (_index, reader, f) = open(dir)?;
    let searcher = reader.searcher();
    let found = if words.len() > 1 {
        searcher.search(&phrase_query(&f, words), &AllHits { facets: false })?
    } else {
        searcher.search(
            &prefix_query(&f, words.first().copied().unwrap_or_default())?,
            &AllHits { facets: false },
        )?
    };
    for &(ord, _, seg, doc) in found.hits.iter().take(20) {
        let d: TantivyDocument = searcher.doc(DocAddress::new(seg, doc))?;
        println!(
            "{ord}\t{}",
            d.get_first(f.title)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
        );
    }
    println!("{} hits", found.hits.len());
    Ok(())
}

/// Changes one briefing (a marker word added to its body): delete + add +
/// commit by one writer, then a reader opened before (as another process's
/// would be) reloads and finds it.
pub fn update(corpus: &Path, dir: &Path) -> Result<(), Error> {
    let c = crate::load(corpus)?;
    let (_other, other_reader, _) = open(dir)?;
    let before = other_reader
        .searcher()
        .search(&word_query(&schema().1, MARKER), &AllHits { facets: false })?
        .hits
        .len();
    let target = c
        .briefings
        .get(c.briefings.len() / 3)
        .ok_or("empty corpus")?;
    let ord = c.briefings.len() / 3;
    let start = Instant::now();
    let (index, _, f) = open(dir)?;
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 50_000_000)?;
    report(
        "tantivy",
        "update one file: open the writer (takes the lock)",
        start,
        "",
    );
    let start = Instant::now();
    writer.delete_term(Term::from_field_text(f.id, &target.id));
    writer.add_document(document(
        &f,
        &c,
        ord,
        target,
        &format!("{} {MARKER}", target.body),
    ))?;
    writer.commit()?;
    report(
        "tantivy",
        "update one file: delete + add + commit",
        start,
        "",
    );
    let start = Instant::now();
    other_reader.reload()?;
    let searcher = other_reader.searcher();
    let after = searcher
        .search(&word_query(&f, MARKER), &AllHits { facets: false })?
        .hits
        .len();
    let copies = searcher
        .search(&word_query(&f, WORD), &AllHits { facets: false })?
        .hits
        .iter()
        .filter(|h| h.0 == ord as u64)
        .count();
    report(
        "tantivy",
        "update one file: other reader reloads + finds it",
        start,
        format!(
            "marker hits {before} -> {after}, copies of the briefing among word hits: {copies}, segments {}",
            searcher.segment_readers().len()
        ),
    );
    writer.wait_merging_threads()?;
    Ok(())
}
