//! `brief_core::searcher`: the search worker behind `find`, answering the
//! newest generation and dropping the ones overtaken.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Duration;

use brief_core::load::{LoadOptions, load_dir};
use brief_core::searcher::{SearchRequest, Searcher, answer};
use brief_core::{Folder, Selection};

mod support;
use support::fixtures;

fn corpus() -> Arc<Folder> {
    let dir = fixtures::briefings();
    Arc::new(load_dir(&dir, &LoadOptions::default(), &|_, _| {}).expect("the fixture folder loads"))
}

fn request(generation: u64, text: &str) -> SearchRequest {
    SearchRequest {
        generation,
        text: text.to_string(),
        selection: Selection::default(),
        sort: Default::default(),
        wait_for_text: true,
    }
}

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn the_worker_answers_like_the_direct_call() {
    let corpus = corpus();
    let (tx, rx) = channel();
    let searcher = Searcher::new(corpus.clone(), move |r| tx.send(r).is_ok());
    searcher.find(request(1, "manche"));
    assert_eq!(searcher.generation(), 1);
    let got = rx.recv_timeout(WAIT).expect("an answer");
    let direct = answer(&corpus, &request(1, "manche"));
    assert_eq!(got.generation, 1);
    assert!(!got.hits.is_empty());
    assert_eq!(got.hits, direct.hits);
    assert_eq!(got.facets, direct.facets);
}

/// Requests sent in a burst: only answers to the newest can arrive last, and
/// nothing older than a generation already delivered comes after it.
#[test]
fn a_burst_ends_with_the_newest_generation() {
    let (tx, rx) = channel();
    let searcher = Searcher::new(corpus(), move |r| tx.send(r).is_ok());
    let words = ["m", "mi", "mig", "migr", "migra", "migrants"];
    for (i, w) in words.iter().enumerate() {
        searcher.find(request(i as u64 + 1, w));
    }
    let newest = words.len() as u64;
    let mut seen = Vec::new();
    loop {
        let r = rx.recv_timeout(WAIT).expect("the newest answer arrives");
        seen.push(r.generation);
        if r.generation == newest {
            break;
        }
    }
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
}

#[test]
fn a_malformed_query_comes_back_as_an_error() {
    let (tx, rx) = channel();
    let searcher = Searcher::new(corpus(), move |r| tx.send(r).is_ok());
    searcher.find(request(7, "pays:ZZ"));
    let r = rx.recv_timeout(WAIT).expect("an answer");
    assert_eq!(r.generation, 7);
    assert!(r.error.is_some(), "{r:?}");
    assert!(r.hits.is_empty());
}

/// A corpus read again gets a new `Searcher`: the old one's worker must end
/// and let its corpus go, or every reload keeps a whole corpus in memory.
#[test]
fn a_dropped_searcher_lets_its_corpus_go() {
    let corpus = corpus();
    let (tx, rx) = channel();
    let searcher = Searcher::new(corpus.clone(), move |r| tx.send(r).is_ok());
    searcher.find(request(1, "manche"));
    rx.recv_timeout(WAIT).expect("an answer");
    drop(searcher);
    let start = std::time::Instant::now();
    // The worker, and the warm-up thread it started, end by themselves.
    while Arc::strong_count(&corpus) > 1 {
        assert!(
            start.elapsed() < WAIT,
            "the worker still holds the corpus ({} references)",
            Arc::strong_count(&corpus)
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
