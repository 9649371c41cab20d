//! `brief show`: one briefing for reading, body wrapped to the terminal.

use std::io::Write;

use brief_core::search::search;
use brief_core::text::{pad, sanitize, width};
use brief_core::{Briefing, Folder, Hit, Selection};

use super::json::{self, BriefingJson};
use super::output::{Out, term_width};
use super::{Failure, Outcome};

/// How many candidates an ambiguous `brief show` lists.
const CANDIDATES_SHOWN: usize = 10;

/// The briefing an id names, read as every command reads one
/// (`brief::ids`): the exact id or the one id starting with it; `Ok(None)`
/// when no id is or starts with it; several ids starting with it are a usage
/// failure that lists them (exit 2), saying how to name one (`usage`:
/// `brief edit ID`).
pub fn by_id<'a>(
    corpus: &'a Folder,
    text: &str,
    usage: &str,
) -> Result<Option<&'a Briefing>, Failure> {
    match brief::ids::resolve(corpus, text) {
        brief::ids::Resolved::One(doc) => Ok(corpus.briefings.get(doc).map(|b| &**b)),
        brief::ids::Resolved::None => Ok(None),
        brief::ids::Resolved::Many(docs) => {
            let hits: Vec<Hit> = docs.into_iter().map(|doc| Hit { doc, score: 0 }).collect();
            Err(ambiguous(corpus, text, "start with", &hits, usage))
        }
    }
}

/// The briefing an id names (`by_id`), or a usage failure suggesting the
/// closest id: what `brief edit` and every other command taking an id use.
pub fn resolve_id<'a>(
    corpus: &'a Folder,
    text: &str,
    usage: &str,
) -> Result<&'a Briefing, Failure> {
    by_id(corpus, text, usage)?.ok_or_else(|| unknown(corpus, text))
}

/// The briefing the words name: an id as `by_id` reads it; else the best
/// hit of them as a query, when it is clearly the best (the only hit, or at
/// least twice the second's score). Otherwise a usage failure listing the
/// candidates, or suggesting the closest id.
fn find<'a>(corpus: &'a Folder, words: &[String]) -> Result<&'a Briefing, Failure> {
    let text = super::join_query(words);
    if let Some(b) = by_id(corpus, &text, "brief show ID")? {
        return Ok(b);
    }
    let Ok(query) = brief_core::search::parse_query(corpus, &text) else {
        return Err(unknown(corpus, &text));
    };
    super::index_text(corpus);
    let hits = search(corpus, &query, &Selection::default());
    let best = match hits.as_slice() {
        [] => return Err(unknown(corpus, &text)),
        [one] => one,
        [first, second, ..] if first.score >= second.score.saturating_mul(2) => {
            super::say(format_args!(
                "brief: showing the best of {} briefings matching '{}'",
                hits.len(),
                sanitize(&text, false)
            ));
            first
        }
        many => return Err(ambiguous(corpus, &text, "match", many, "brief show ID")),
    };
    corpus
        .briefings
        .get(best.doc)
        .map(|b| &**b)
        .ok_or_else(|| unknown(corpus, &text))
}

/// Wrapping for reading: at spaces, and at hyphens inside words, but never
/// inside a URL or any other word longer than the line, which stays whole
/// (so it can be copied or clicked).
fn wrapping(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::Custom(split_points))
}

/// Where a word may be split: after its hyphens, unless it is an address.
fn split_points(word: &str) -> Vec<usize> {
    if is_address(word) {
        return Vec::new();
    }
    textwrap::WordSplitter::HyphenSplitter.split_points(word)
}

/// A URL, a bare `www.` address or an e-mail address.
fn is_address(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.") || word.contains('@')
}

fn unknown(corpus: &Folder, text: &str) -> Failure {
    let hint = corpus
        .suggest_id(text)
        .map(|s| format!("; did you mean '{s}'?"))
        .unwrap_or_default();
    Failure::Usage(format!("no briefing '{}'{hint}", sanitize(text, false)))
}

/// Several briefings fit: say which, with their ids, so the user can pick one.
fn ambiguous(corpus: &Folder, text: &str, how: &str, hits: &[Hit], usage: &str) -> Failure {
    let mut table = Out::new(Vec::new(), false);
    // The candidates go to stderr: aligned when it is a terminal.
    table.aligned = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let shown = &hits[..hits.len().min(CANDIDATES_SHOWN)];
    let listed = super::export::text(&mut table, corpus, shown, true, super::output::fit_width());
    let mut message = format!(
        "{} briefings {how} '{}'; say which with its id ({usage}):\n{}",
        hits.len(),
        sanitize(text, false),
        listed
            .and_then(|()| table.w.flush())
            .map(|()| String::from_utf8_lossy(table.w.get_ref()).into_owned())
            .unwrap_or_default()
    );
    if hits.len() > shown.len() {
        message.push_str(&format!(
            "… and {} more (brief search lists them all)",
            hits.len() - shown.len()
        ));
    }
    Failure::Usage(message.trim_end().to_string())
}

/// `brief show ID --markdown`: the Markdown the browser's `y` copies, byte for byte.
pub fn markdown<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    id: &[String],
) -> Result<Outcome, Failure> {
    let b = find(corpus, id)?;
    // Control characters are already made visible by the core; sanitising
    // again (newlines kept) is a no-op that keeps the rule visible here.
    let md = brief_core::markdown::briefing(corpus, b, out.lang);
    out.w.write_all(sanitize(&md, true).as_bytes())?;
    Ok(Outcome::Found)
}

pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    id: &[String],
    as_json: bool,
) -> Result<Outcome, Failure> {
    let b = find(corpus, id)?;
    if as_json {
        json::print(&mut out.w, &BriefingJson::new(corpus, b, true))?;
        return Ok(Outcome::Found);
    }
    let cols = term_width().min(100);
    let lang = out.lang;
    // An undated meeting: the same word as in `brief list`.
    let mut fields: Vec<(String, String)> = corpus
        .metadata(b, lang)
        .into_iter()
        .map(|(f, v)| (f.label(lang).to_string(), v))
        .collect();
    for (kind, group) in corpus.actors_by_kind(b) {
        let names: Vec<String> = group
            .iter()
            .map(|(a, role)| match role {
                Some(r) => format!("{} ({r})", a.label()),
                None => a.label(),
            })
            .collect();
        fields.push((kind.label(lang).to_string(), names.join("; ")));
    }
    let label_w = fields.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 2;
    let indent = " ".repeat(label_w);
    let opts = wrapping(cols.saturating_sub(label_w).max(20));
    for line in textwrap::wrap(&sanitize(&b.title, false), wrapping(cols)) {
        writeln!(out.w, "{}", out.bold(&line))?;
    }
    writeln!(out.w, "{}", out.dim(&b.id))?;
    writeln!(out.w)?;
    for (label, value) in &fields {
        let value = sanitize(value, false);
        for (i, l) in textwrap::wrap(&value, &opts).iter().enumerate() {
            if i == 0 {
                writeln!(out.w, "{}{l}", out.dim(&pad(label, label_w)))?;
            } else {
                writeln!(out.w, "{indent}{l}")?;
            }
        }
    }
    if let Some(s) = &b.summary {
        writeln!(out.w)?;
        for line in textwrap::wrap(&sanitize(s, false), wrapping(cols)) {
            writeln!(out.w, "{}", out.accent(&line))?;
        }
    }
    let full = corpus
        .full(b)
        .map_err(|p| Failure::Io(std::io::Error::other(p.to_string())))?;
    for p in full.paragraphs() {
        writeln!(out.w)?;
        for line in textwrap::wrap(&sanitize(&p, false), wrapping(cols)) {
            // Only a word longer than the line (a URL) goes past it, whole.
            debug_assert!(width(&line) <= cols || !line.trim().contains(' '));
            writeln!(out.w, "{line}")?;
        }
    }
    Ok(Outcome::Found)
}
