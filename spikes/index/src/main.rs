//! Issue 16's spike: the same 100k corpus through three search paths, each
//! timed in its own fresh process so open times are honest.
//!
//! - `today`: brief-core as it is (load from the cache, build the index in memory).
//! - `tantivy`: a tantivy index in a folder, memory-mapped segments.
//! - `archive`: today's inverted index archived with rkyv and memory-mapped.
//!
//! Each `query` subcommand prints one line per measurement as
//! `engine<TAB>what<TAB>milliseconds<TAB>detail`, so the figures can be pasted
//! into `docs/index-spike.md` as they are.

use std::path::{Path, PathBuf};
use std::time::Instant;

mod archive;
mod engine_tantivy;
mod today;

/// The queries every engine answers, the same in each.
pub const WORD: &str = "migrants";
pub const PREFIX: &str = "migr";
pub const PHRASE: [&str; 3] = ["trafic", "de", "migrants"];
/// A word no generated briefing holds, added by the one-file update.
pub const MARKER: &str = "zyxwvutspike";

type Error = Box<dyn std::error::Error + Send + Sync>;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["lines", corpus, titles, full] => lines(Path::new(corpus), Path::new(titles), Path::new(full)),
        ["stamps", corpus] => stamps(Path::new(corpus)),
        ["today", corpus, rest @ ..] => today::run(Path::new(corpus), rest),
        ["tantivy-build", corpus, dir] => engine_tantivy::build(Path::new(corpus), Path::new(dir)),
        ["tantivy-query", dir, rest @ ..] => engine_tantivy::query(Path::new(dir), rest),
        ["tantivy-update", corpus, dir] => engine_tantivy::update(Path::new(corpus), Path::new(dir)),
        ["tantivy-one", dir, words @ ..] => engine_tantivy::one_shot(Path::new(dir), words),
        ["archive-build", corpus, dir] => archive::build(Path::new(corpus), Path::new(dir)),
        ["archive-query", dir, rest @ ..] => archive::query(Path::new(dir), rest),
        ["archive-update", corpus, dir] => archive::update(Path::new(corpus), Path::new(dir)),
        ["archive-one", dir, words @ ..] => archive::one_shot(Path::new(dir), words),
        _ => Err("usage: index-spike lines|stamps|today|tantivy-*|archive-* ... (see docs/index-spike.md)".into()),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// One measurement, printed at once.
pub fn report(engine: &str, what: &str, since: Instant, detail: impl std::fmt::Display) {
    println!(
        "{engine}\t{what}\t{:.1}\t{detail}",
        since.elapsed().as_secs_f64() * 1000.0
    );
}

/// Memory of this process from `/proc/self/smaps_rollup`, in MB.
pub fn memory() -> String {
    let Ok(text) = std::fs::read_to_string("/proc/self/smaps_rollup") else {
        return "no smaps_rollup".into();
    };
    let kb = |key: &str| -> f64 {
        text.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    let hwm = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<f64>().ok())
        })
        .unwrap_or(0.0)
        / 1024.0;
    format!(
        "Rss {:.0} MB, Pss {:.0}, Shared_Clean {:.0}, Private_Clean {:.0}, Private_Dirty {:.0}, VmHWM {hwm:.0}",
        kb("Rss:"),
        kb("Pss:"),
        kb("Shared_Clean:"),
        kb("Private_Clean:"),
        kb("Private_Dirty:"),
    )
}

/// With `--hold` among the arguments, waits for standard input to close, so a
/// second process can be measured while this one still maps the index.
pub fn hold_if_asked(rest: &[&str]) {
    if rest.contains(&"--hold") {
        let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut Vec::new());
    }
}

/// The corpus as brief-core loads it, through its cache in /tmp.
pub fn load(corpus: &Path) -> Result<brief_core::Corpus, Error> {
    let opts = brief_core::load::LoadOptions {
        cache: Some(PathBuf::from("/tmp/spike-cache")),
        ..Default::default()
    };
    let c = brief_core::load::load_dir(corpus, &opts, &|_, _| {})?;
    c.store_cache()?;
    Ok(c)
}

/// Calls `f` with each folded alphanumeric word of `s`: `index::each_word` of
/// brief-core, copied because it is private to the core.
pub fn each_word(s: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                f(&word);
                word.clear();
            }
            continue;
        }
        buf.clear();
        brief_core::text::fold_char(c, buf);
        for fc in buf.chars() {
            if fc.is_alphanumeric() {
                word.push(fc);
            } else if !word.is_empty() {
                f(&word);
                word.clear();
            }
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// The short values of a briefing matched like its title: actors' names,
/// country names, topics, place, publisher.
pub fn short_values(c: &brief_core::Corpus, b: &brief_core::Briefing) -> String {
    let mut out = String::new();
    for a in &b.actors {
        if let Some(actor) = c.actor(a.actor) {
            for n in actor.names() {
                out.push_str(n);
                out.push('\n');
            }
        }
    }
    for country in &b.countries {
        for n in [country.as_str(), country.name_fr(), country.name_en()] {
            out.push_str(n);
            out.push('\n');
        }
    }
    for t in &b.topics {
        out.push_str(t);
        out.push('\n');
    }
    if let Some(city) = &b.location.city {
        out.push_str(city);
        out.push('\n');
    }
    if let Some(p) = &b.source.publisher {
        out.push_str(p);
        out.push('\n');
    }
    out
}

/// A date as a sortable number, yyyymmdd, 0 when unknown.
pub fn date_number(b: &brief_core::Briefing) -> u32 {
    b.date.map_or(0, |d| {
        u32::from(d.year) * 10_000
            + u32::from(d.month.unwrap_or(0)) * 100
            + u32::from(d.day.unwrap_or(0))
    })
}

/// A country code as a small number.
pub fn country_number(c: &brief_core::CountryCode) -> u16 {
    let b = c.as_str().as_bytes();
    u16::from(b[0]) << 8 | u16::from(b[1])
}

/// The files fzf reads: one line per briefing, titles only, and the whole
/// text (title, summary, body) flattened onto one line.
fn lines(corpus: &Path, titles: &Path, full: &Path) -> Result<(), Error> {
    use std::io::Write;
    let c = load(corpus)?;
    let mut t = std::io::BufWriter::new(std::fs::File::create(titles)?);
    let mut f = std::io::BufWriter::new(std::fs::File::create(full)?);
    let flat = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    for b in &c.briefings {
        writeln!(t, "{}\t{}", b.id, flat(&b.title))?;
        writeln!(
            f,
            "{}\t{}\t{}\t{}",
            b.id,
            flat(&b.title),
            flat(b.summary.as_deref().unwrap_or_default()),
            flat(&b.body)
        )?;
    }
    t.flush()?;
    f.flush()?;
    Ok(())
}

/// What a start that checks every file's stamp costs: walk the folder and stat
/// each file on every core (what the core's `stamp::stamps` does).
fn stamps(corpus: &Path) -> Result<(), Error> {
    use rayon::prelude::*;
    let start = Instant::now();
    let mut files = Vec::new();
    let mut dirs = vec![corpus.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d)? {
            let e = e?;
            if e.file_type()?.is_dir() {
                dirs.push(e.path());
            } else {
                files.push(e.path());
            }
        }
    }
    report("stamps", "walk", start, files.len());
    let start = Instant::now();
    let stamped: Vec<Option<(u64, std::time::SystemTime)>> = files
        .par_iter()
        .map(|p| {
            let m = std::fs::metadata(p).ok()?;
            Some((m.len(), m.modified().ok()?))
        })
        .collect();
    report(
        "stamps",
        "stat all in parallel",
        start,
        stamped.iter().flatten().count(),
    );
    Ok(())
}
