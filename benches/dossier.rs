//! A dossier on a generated corpus (`cargo bench --bench dossier`): the
//! busiest actor's, a country's, and Frontex's (only a publisher in the
//! generated briefings, so a dossier of no meeting), each from a corpus
//! loaded from its cache as `brief dossier` loads it. The corpus is
//! generated into `target/bench-corpus/N` and reused (`BRIEF_BENCH_SIZES`,
//! default 100000), or read from `BRIEF_BENCH_DIR`.

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
use std::time::Duration;

use brief_core::load::{LoadOptions, load_dir};
use brief_core::search::dossier::{Subject, dossier, meetings, named};
use brief_core::{CountryCode, Lang};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

mod support;

fn folders() -> Vec<(String, PathBuf)> {
    if let Some(dir) = std::env::var_os("BRIEF_BENCH_DIR") {
        let dir = PathBuf::from(dir);
        return vec![(dir.display().to_string(), dir)];
    }
    let sizes: Vec<usize> = std::env::var("BRIEF_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000]);
    sizes
        .into_iter()
        .map(|n| {
            let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
                .join("bench-corpus")
                .join(n.to_string());
            if !dir.join("actors.yaml").exists() {
                let _ = std::fs::remove_dir_all(&dir);
                support::generate::generate(&dir, n, 2026).expect("generate the corpus");
                // Files younger than the cache's 2 s safety window are never cached.
                std::thread::sleep(Duration::from_secs(3));
            }
            (n.to_string(), dir)
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    for (name, dir) in folders() {
        let cache = tempfile::tempdir().expect("tempdir");
        let opts = LoadOptions {
            cache: Some(cache.path().to_path_buf()),
            ..LoadOptions::default()
        };
        let first = load_dir(&dir, &opts, &|_, _| {}).expect("loads");
        first.store_cache().expect("cache written");
        drop(first);
        let corpus = load_dir(&dir, &opts, &|_, _| {}).expect("loads");
        assert!(corpus.source.from_cache, "loaded from the cache");
        // The actor in the most briefings.
        let busiest = (0..corpus.registry.actors().len())
            .max_by_key(|&a| meetings(&corpus, Subject::Actor(a)).len())
            .expect("actors");
        let niger = Subject::Country(CountryCode::new("NE").expect("NE"));
        let frontex = named(&corpus, "Frontex").expect("Frontex is a built-in actor");
        let mut g = c.benchmark_group(format!("dossier/{name}"));
        g.sample_size(20);
        for (label, subject) in [
            ("busiest-actor", Subject::Actor(busiest)),
            ("niger", niger),
            ("frontex", frontex),
        ] {
            eprintln!("{label}: {} meetings", meetings(&corpus, subject).len());
            g.bench_with_input(BenchmarkId::new("dossier", label), &subject, |b, &s| {
                b.iter(|| black_box(dossier(&corpus, s, Lang::En)))
            });
        }
        g.bench_function("named/Frontex", |b| {
            b.iter(|| black_box(named(&corpus, "Frontex")))
        });
        g.bench_function("named/niger", |b| {
            b.iter(|| black_box(named(&corpus, "niger")))
        });
        g.finish();
    }
}

criterion_group!(dossier_benches, benches);
criterion_main!(dossier_benches);
