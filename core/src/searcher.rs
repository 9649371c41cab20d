//! Searching off the input path, modelled on television's `Matcher`: `find`
//! starts a generation, the newest answer is delivered, and work on a stale
//! generation stops as soon as a newer one is asked for.
//!
//! The browser owns one `Searcher` per corpus; a corpus read again gets a new
//! one, and the old worker ends with its `Searcher`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread;

use crate::load::Folder;
use crate::model::Sort;
use crate::search::reading::Reading;
use crate::search::{Facets, Hit, Stop, faceted_until, sort_hits};
use crate::{Query, Selection};

/// What to search for, tagged with its generation so stale answers can be dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub text: String,
    pub selection: Selection,
    pub sort: Sort,
    /// Whether the answer waits for the article text's index being built.
    /// False (the browser, while typing): until it is ready, the answer
    /// covers titles, names and places (`Results::partial`), and comes again.
    pub wait_for_text: bool,
}

/// What one request found: hits in order, facet counts, the words to
/// highlight; a malformed query comes back as `error` with nothing else.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub generation: u64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    pub highlight: Vec<String>,
    /// The query the hits answer, for highlighting titles in a list.
    pub query: Query,
    /// Why the query was refused; `message(lang)` says it.
    pub error: Option<crate::query::QueryError>,
    /// The article text was not searched: its index is still being built
    /// (the same request is answered again once it is).
    pub partial: bool,
    /// How the query was read, to show discreetly while it is typed: each
    /// term read as a country, actor or topic (`Royaume-Uni → country GB`)
    /// and what was cut from an oversized query; said in the interface
    /// language by `Reading::message`.
    pub reading: Vec<Reading>,
    /// The search itself failed (a panic, caught in the worker): what it
    /// said. The browser says it in the status line and goes on.
    pub failed: Option<String>,
}

/// The answer to one request, computed on the caller's thread.
pub fn answer(corpus: &Folder, req: &SearchRequest) -> Results {
    answer_until(corpus, req, &|| false).unwrap_or_default()
}

/// `answer`, abandoned (`None`) once `stop` says a newer request came. A
/// text index found damaged while answering (a panic reading it) is set
/// aside and built again, and the request answered again from it.
pub fn answer_until(corpus: &Folder, req: &SearchRequest, stop: &Stop<'_>) -> Option<Results> {
    let first = answer_once(corpus, req, stop)?;
    if corpus.index.text_damaged() {
        return answer_once(corpus, req, stop);
    }
    Some(first)
}

/// A test's way to make the search worker fail (debug builds only): a query
/// equal to this variable's value panics, as a bug would.
const FAIL_ON: &str = "BRIEF_TEST_SEARCH_PANIC";

fn answer_once(corpus: &Folder, req: &SearchRequest, stop: &Stop<'_>) -> Option<Results> {
    #[allow(clippy::panic, reason = "a test seam, in debug builds only")]
    if cfg!(debug_assertions)
        && std::env::var_os(FAIL_ON).is_some_and(|v| !v.is_empty() && *v == *req.text)
    {
        panic!("{FAIL_ON}: the search of '{}' fails on purpose", req.text);
    }
    Some(
        match crate::search::read_query(corpus, &req.text, req.wait_for_text) {
            // A malformed query, or a filter value nothing is known by: no
            // briefing, and why (the browser says it in the list).
            Err(e) => Results {
                generation: req.generation,
                error: Some(e),
                ..Results::default()
            },
            Ok(q) => {
                // Read before searching: an index finished meanwhile may not
                // have been used. One found current by this search was.
                let before = corpus.index.text_searched();
                let (mut hits, facets) =
                    faceted_until(corpus, &q, &req.selection, req.wait_for_text, stop)?;
                let partial = !before && corpus.index.text_deferred();
                sort_hits(&mut hits, req.sort);
                let reading = Reading::of(&q, &corpus.registry);
                Results {
                    generation: req.generation,
                    hits,
                    facets,
                    highlight: q.highlight_words(),
                    query: q,
                    error: None,
                    partial,
                    reading,
                    failed: None,
                }
            }
        },
    )
}

/// A search worker over one corpus. Dropping it ends the worker.
/// What the worker is asked: a request, or to answer again the last one
/// answered without the article text, now that its index is ready.
enum Work {
    Find(SearchRequest),
    Again,
}

pub struct Searcher {
    requests: Sender<Work>,
    latest: Arc<AtomicU64>,
}

impl Searcher {
    /// Starts the worker. `deliver` gets each answer that is still the newest
    /// when it is ready, and returns false once nobody listens any more.
    pub fn new(
        corpus: Arc<Folder>,
        deliver: impl Fn(Results) -> bool + Send + 'static,
    ) -> Searcher {
        let (requests, rx) = channel::<Work>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = latest.clone();
        // Lent to the warm-up thread only: a sender the worker kept would keep
        // its channel open after the `Searcher` is gone, and with it the
        // worker and its corpus (a corpus leaked at every reload).
        let mut again = Some(requests.clone());
        thread::spawn(move || {
            // The last request answered without the article text, to answer
            // again once its index is ready.
            let mut partial: Option<SearchRequest> = None;
            while let Ok(work) = rx.recv() {
                let mut next = match work {
                    Work::Find(req) => Some(req),
                    Work::Again => partial.take(),
                };
                while let Ok(newer) = rx.try_recv() {
                    if let Work::Find(req) = newer {
                        next = Some(req);
                    }
                }
                let Some(req) = next else { continue };
                let generation = req.generation;
                let stop = || newest.load(Ordering::Relaxed) != generation;
                // A failure (a bug: index damage is handled within) ends this
                // answer, not the worker: it is delivered as such.
                let answered = crate::io::contain::contain(|| answer_until(&corpus, &req, &stop))
                    .unwrap_or_else(|said| {
                        Some(Results {
                            generation,
                            failed: Some(said),
                            ..Results::default()
                        })
                    });
                let Some(results) = answered else {
                    continue;
                };
                if stop() {
                    continue; // finished, but a newer request is on its way
                }
                partial = results.partial.then(|| req.clone());
                if !deliver(results) {
                    break;
                }
                if let Some(again) = again.take() {
                    // Once the first answer is out (not before: it would wait
                    // for the cores), the word index is built in the background
                    // rather than on the first word typed; a search that needs
                    // it meanwhile waits for it.
                    let warm = corpus.clone();
                    thread::spawn(move || {
                        // A failure here is met again, and said, by the search that needs it.
                        let _ = crate::io::contain::contain(|| warm.prepare_search());
                        let _ = again.send(Work::Again);
                    });
                }
            }
        });
        Searcher { requests, latest }
    }

    /// Starts a generation: older ones still running stop, and their answers
    /// are not delivered.
    pub fn find(&self, req: SearchRequest) {
        self.latest.store(req.generation, Ordering::Relaxed);
        // A worker gone (it only ends when nobody listens) has nobody to answer.
        let _ = self.requests.send(Work::Find(req));
    }

    /// The generation asked for last.
    pub fn generation(&self) -> u64 {
        self.latest.load(Ordering::Relaxed)
    }
}
