//! Loading, searching, facet and `stats` counting on generated corpora of 10,000 and
//! 100,000 briefings (`cargo bench`). The corpora are generated on demand into
//! `target/bench-corpus/N` and reused; `BRIEF_BENCH_SIZES=10000` picks sizes.

// A measuring tool: it states its assumptions with unwrap, expect and
// panic, and prints what it measured (both denied in the crates themselves).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use brief_core::load::{LoadOptions, load_dir};
use brief_core::search::stats::{By, stats};
use brief_core::search::{faceted, facets, search};
use brief_core::{Folder, Query, Selection};
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};

mod support;

fn sizes() -> Vec<usize> {
    std::env::var("BRIEF_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000])
}

/// The generated folder of `n` briefings, made once.
fn folder(n: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("bench-corpus")
        .join(n.to_string());
    if !dir.join("actors.yaml").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let g = support::generate::generate(&dir, n, 2026).expect("generate the corpus");
        eprintln!(
            "generated {} briefings ({} bytes) in {}",
            g.briefings,
            g.bytes,
            dir.display()
        );
        // Files younger than the cache's 2 s safety window are never cached.
        std::thread::sleep(Duration::from_secs(3));
    }
    dir
}

fn load(dir: &std::path::Path) -> Folder {
    load_dir(dir, &LoadOptions::default(), &|_, _| {}).expect("loads")
}

const QUERIES: &[(&str, &str)] = &[
    ("short", "m"),
    ("word", "migr"),
    ("accents", "coopération transfrontalière"),
    ("no-accents", "cooperation transfrontaliere"),
    ("fuzzy", "frontxe"),
    // An actor named in every briefing's publisher: each briefing's short
    // values are read (it once took minutes at 100k, see docs/performance.md).
    ("actor", "frontex"),
    ("long", "réunion trafic migrants frontières coopération"),
    ("filtered", "pays:NE traite"),
    ("phrase", "\"trafic de migrants\""),
    ("country", "Royaume-Uni"),
    ("typo", "nuafrage"),
    ("typo-long", "intergouvernemantale coopération"),
    ("accent", "traité"),
    ("topic", "smuggling"),
    ("since", "depuis:2021-06"),
    ("range-word", "migr année:2016..2018"),
];

fn benches(c: &mut Criterion) {
    for n in sizes() {
        let dir = folder(n);

        let mut g = c.benchmark_group(format!("load/{n}"));
        g.sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(Duration::from_secs(20));
        g.bench_function("parse", |b| b.iter_with_large_drop(|| load(&dir)));
        let cache = tempfile::tempdir().expect("tempdir");
        let opts = LoadOptions {
            cache: Some(cache.path().to_path_buf()),
            ..LoadOptions::default()
        };
        let first = load_dir(&dir, &opts, &|_, _| {}).expect("loads");
        first.store_cache().expect("cache written");
        drop(first);
        g.bench_function("cached", |b| {
            b.iter_with_large_drop(|| {
                let c = load_dir(&dir, &opts, &|_, _| {}).expect("loads");
                assert!(
                    c.source.from_cache,
                    "the generated folder is old enough to cache"
                );
                c
            })
        });
        // Both search indexes of a freshly loaded corpus, timed alone: the
        // titles' in memory, the article text's written to a new cache folder.
        g.bench_function("index", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let fresh = tempfile::tempdir().expect("tempdir");
                    let opts = LoadOptions {
                        cache: Some(fresh.path().to_path_buf()),
                        ..LoadOptions::default()
                    };
                    let c = load_dir(&dir, &opts, &|_, _| {}).expect("loads");
                    let t = Instant::now();
                    c.prepare_search();
                    total += t.elapsed();
                    drop(black_box(c));
                }
                total
            })
        });
        g.finish();

        // As the browser searches: from the cache, the text index on disk.
        let corpus = load_dir(&dir, &opts, &|_, _| {}).expect("loads");
        corpus.prepare_search();
        let mut g = c.benchmark_group(format!("search/{n}"));
        g.sample_size(30);
        for (name, text) in QUERIES {
            let q = Query::parse(text, &corpus.registry).expect("parses");
            g.bench_with_input(BenchmarkId::new("faceted", name), &q, |b, q| {
                b.iter(|| black_box(faceted(&corpus, q, &Selection::default())))
            });
        }
        g.finish();

        // The browser's keystroke with the timeline on: every briefing
        // faceted (its dates counted by year and month from the index's
        // columns), restricted to a year, and the strip built from the counts.
        let mut g = c.benchmark_group(format!("timeline/{n}"));
        g.sample_size(30);
        let empty = Query::default();
        g.bench_function("faceted-all", |b| {
            b.iter(|| black_box(faceted(&corpus, &empty, &Selection::default())))
        });
        let in_2019 = Selection {
            periods: vec![brief_core::search::periods::Period::year(2019)],
            ..Selection::default()
        };
        g.bench_function("faceted-all-2019", |b| {
            b.iter(|| black_box(faceted(&corpus, &empty, &in_2019)))
        });
        let migr = Query::parse("migr", &corpus.registry).expect("parses");
        g.bench_function("faceted-word-2019", |b| {
            b.iter(|| black_box(faceted(&corpus, &migr, &in_2019)))
        });
        let (_, counted) = faceted(&corpus, &empty, &Selection::default());
        g.bench_function("strip", |b| {
            b.iter(|| black_box(brief::tui::state::timeline::Strip::of(&counted)))
        });
        g.finish();

        let mut g = c.benchmark_group(format!("facets/{n}"));
        let all = search(&corpus, &Query::default(), &Selection::default());
        g.bench_function("count-all", |b| b.iter(|| black_box(facets(&corpus, &all))));
        g.finish();

        // `brief stats` past loading: every briefing counted by period and field.
        let mut g = c.benchmark_group(format!("stats/{n}"));
        for by in [By::Year, By::Month, By::Country, By::Topic, By::Place] {
            g.bench_with_input(BenchmarkId::new("all", format!("{by:?}")), &by, |b, &by| {
                b.iter(|| black_box(stats(&corpus, &all, by, brief_core::Lang::Fr)))
            });
        }
        g.finish();
    }
}

criterion_group!(corpus, benches);
criterion_main!(corpus);
