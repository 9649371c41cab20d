//! `brief search`: ranked hits, with why they matched in JSON.

use std::io::Write;

use brief_core::query::Filter;
use brief_core::search::{search, suggest};
use brief_core::{Folder, Query, Selection};

use super::args::ResultsArgs;
use super::export::{self, Print};
use super::output::Out;
use super::{Failure, Outcome};

/// Reads the query typed, saying its notices on stderr; `None` when it
/// names something unknown (an answer of no briefing, said on stderr).
/// An empty text is the empty query: every briefing.
pub fn read(corpus: &Folder, text: &str) -> Result<Option<Query>, Failure> {
    if text.trim().is_empty() {
        return Ok(Some(Query::default()));
    }
    let query = match brief_core::search::parse_query(corpus, text) {
        Ok(q) => q,
        // A filter value nothing is known by is an answer (no briefing), not a usage error.
        Err(e) if e.is_unknown_value() => {
            super::say(format_args!("no briefing matches '{text}': {e}"));
            return Ok(None);
        }
        Err(e) => return Err(Failure::Usage(format!("invalid query: {e}"))),
    };
    for notice in &query.notices {
        super::say(format_args!("note: {notice}"));
    }
    Ok(Some(query))
}

pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    text: &str,
    filters: &[(bool, Filter)],
    ids: Option<brief_core::model::IdFilter>,
    limit: Option<usize>,
    output: ResultsArgs,
) -> Result<Outcome, Failure> {
    let how = |query| Print {
        format: output.format(),
        ids: output.ids,
        query,
    };
    let Some(mut query) = read(corpus, text)? else {
        export::print(out, corpus, &[], &how(None))?;
        return Ok(Outcome::Nothing);
    };
    query.filters.extend_from_slice(filters);
    super::index_text(corpus);
    let sel = Selection {
        ids,
        ..Selection::default()
    };
    let mut hits = search(corpus, &query, &sel);
    // The text index panicked while read: it was set aside, and the search
    // is done again on the one built in its place.
    if corpus.index.text_damaged() {
        let Some(mut again) = read(corpus, text)? else {
            super::index_notices(corpus);
            export::print(out, corpus, &[], &how(None))?;
            return Ok(Outcome::Nothing);
        };
        again.filters.extend_from_slice(filters);
        hits = search(corpus, &again, &sel);
        query = again;
    }
    super::index_notices(corpus);
    super::apply_limit(&mut hits, limit);
    export::print(out, corpus, &hits, &how(Some(&query)))?;
    if hits.is_empty() {
        let hint = suggest(corpus, &query)
            .map(|s| format!("; did you mean {s}?"))
            .unwrap_or_default();
        super::say(format_args!(
            "no briefing matches '{}'{hint}",
            brief_core::text::sanitize(text, false)
        ));
        return Ok(Outcome::Nothing);
    }
    Ok(Outcome::Found)
}
