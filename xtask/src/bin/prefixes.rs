//! What each keystroke's search costs in process, prefix by prefix: the
//! corpus loaded from its cache as the browser loads it, then each query
//! typed one character at a time, each prefix searched as the browser's
//! worker searches it (scoring, then facets), timed.
//!
//! `cargo run --release -p xtask --bin prefixes -- DIR CACHE [QUERY...]`
//! (CACHE: the `brief` folder of an XDG cache home).

// A measuring tool: it prints what it measured (denied in the crates themselves).
#![allow(clippy::print_stdout)]

use brief_core::load::{LoadOptions, load_dir};
use xtask::TYPED;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(cache)) = (args.next(), args.next()) else {
        return Err("usage: prefixes DIR CACHE [QUERY...]".into());
    };
    let queries: Vec<String> = args.collect();
    let queries: Vec<&str> = match queries.is_empty() {
        true => TYPED.to_vec(),
        false => queries.iter().map(String::as_str).collect(),
    };
    let opts = LoadOptions {
        cache: Some(cache.into()),
        check_cache_after: true,
        ..LoadOptions::default()
    };
    let corpus = load_dir(std::path::Path::new(&dir), &opts, &|_, _| {})?;
    corpus.prepare_search();
    let mut all = Vec::new();
    for query in queries {
        let mut line = String::new();
        for (end, c) in query.char_indices() {
            let prefix = &query[..end + c.len_utf8()];
            if prefix.ends_with(' ') {
                continue;
            }
            let t = std::time::Instant::now();
            let hits = match brief_core::search::parse_query(&corpus, prefix) {
                Ok(q) => {
                    let sel = brief_core::Selection::default();
                    brief_core::search::faceted(&corpus, &q, &sel).0.len()
                }
                Err(_) => 0,
            };
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            all.push(ms);
            line.push_str(&format!(" {prefix:?} {ms:.1} ms ({hits});"));
        }
        println!("{line}");
    }
    all.sort_by(f64::total_cmp);
    let at = |q: f64| {
        all.get(((all.len() - 1) as f64 * q) as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "{} prefixes: median {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        all.len(),
        at(0.5),
        at(0.9),
        at(1.0)
    );
    Ok(())
}
