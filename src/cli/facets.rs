//! `brief actors` and `brief countries`: facet values with their briefing counts.

use std::io::Write;

use serde::Serialize;

use brief_core::search::{facets, search};
use brief_core::{Corpus, Query, Selection};

use super::Outcome;
use super::json::{self, CountryJson, FacetJson};
use super::output::{Out, fit_width, plain};

#[derive(Serialize)]
struct ActorFacet {
    id: String,
    name: String,
    short: Option<String>,
    kind: &'static str,
    registered: bool,
}

pub fn actors<W: Write>(
    out: &mut Out<W>,
    corpus: &Corpus,
    unregistered: bool,
    as_json: bool,
) -> std::io::Result<Outcome> {
    let hits = search(corpus, &Query::default(), &Selection::default());
    let f = facets(corpus, &hits);
    let rows: Vec<_> = f
        .actors
        .iter()
        .filter_map(|&(id, n)| corpus.actor(id).map(|a| (a, n)))
        .filter(|(a, _)| !unregistered || !a.registered)
        .collect();
    if as_json {
        let items: Vec<FacetJson<ActorFacet>> = rows
            .iter()
            .map(|(a, n)| FacetJson {
                value: ActorFacet {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    short: a.short.clone(),
                    kind: a.kind.as_str(),
                    registered: a.registered,
                },
                count: *n,
            })
            .collect();
        json::print(&mut out.w, &items)?;
    } else {
        let table: Vec<Vec<String>> = rows
            .iter()
            .map(|(a, n)| {
                vec![
                    n.to_string(),
                    a.short.clone().unwrap_or_default(),
                    a.name.clone(),
                    a.kind.as_str().to_string(),
                ]
            })
            .collect();
        // The name gives way on a narrow terminal.
        let fit = fit_width().map(|w| (w, &[2, 1][..]));
        out.fitted_table(&table, &[Out::bold, Out::accent, plain, Out::dim], fit)?;
    }
    Ok(if rows.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

pub fn countries<W: Write>(
    out: &mut Out<W>,
    corpus: &Corpus,
    as_json: bool,
) -> std::io::Result<Outcome> {
    let hits = search(corpus, &Query::default(), &Selection::default());
    let f = facets(corpus, &hits);
    if as_json {
        let items: Vec<FacetJson<CountryJson>> = f
            .countries
            .iter()
            .map(|&(c, n)| FacetJson {
                value: c.into(),
                count: n,
            })
            .collect();
        json::print(&mut out.w, &items)?;
    } else {
        let table: Vec<Vec<String>> = f
            .countries
            .iter()
            .map(|(c, n)| {
                vec![
                    n.to_string(),
                    c.to_string(),
                    c.name_fr().to_string(),
                    c.name_en().to_string(),
                ]
            })
            .collect();
        // The English name gives way on a narrow terminal.
        let fit = fit_width().map(|w| (w, &[3, 2][..]));
        out.fitted_table(&table, &[Out::bold, Out::accent, plain, Out::dim], fit)?;
    }
    Ok(if f.countries.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
