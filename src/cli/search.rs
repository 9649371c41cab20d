//! `brief search`: ranked hits, with why they matched in JSON.

use std::io::Write;

use brief_core::search::{search, suggest};
use brief_core::{Corpus, Query, Selection};

use super::export::{self, Print};
use super::output::Out;
use super::{Failure, Outcome, ResultsArgs};

pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Corpus,
    text: &str,
    limit: Option<usize>,
    output: ResultsArgs,
) -> Result<Outcome, Failure> {
    let query = Query::parse(text, &corpus.registry)
        .map_err(|e| Failure::Usage(format!("invalid query: {e}")))?;
    let mut hits = search(corpus, &query, &Selection::default());
    super::apply_limit(&mut hits, limit);
    let how = Print {
        format: output.format(),
        ids: output.ids,
        query: Some(&query),
    };
    export::print(out, corpus, &hits, &how)?;
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
