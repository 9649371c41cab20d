//! `brief list`: briefings newest first, filtered by country, actor, year, dates.

use std::io::Write;

use brief_core::search::search;
use brief_core::{Folder, Query, Selection};

use super::Outcome;
use super::args::ResultsArgs;
use super::export::{self, Print};
use super::output::Out;

pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    query: &Query,
    sel: &Selection,
    limit: Option<usize>,
    output: ResultsArgs,
) -> std::io::Result<Outcome> {
    let mut hits = search(corpus, query, sel);
    super::apply_limit(&mut hits, limit);
    let how = Print {
        format: output.format(),
        ids: output.ids,
        query: None,
    };
    export::print(out, corpus, &hits, &how)?;
    Ok(if hits.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
