//! `brief actors`, `brief countries` and `brief topics`: facet values with their briefing counts.

use std::io::Write;

use serde::Serialize;

use brief_core::search::{facets, search};
use brief_core::{Folder, Query, Selection};

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
    corpus: &Folder,
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
    corpus: &Folder,
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

#[derive(Serialize)]
struct TopicFacet {
    /// The registry's id, or none for a topic `topics.yaml` does not know.
    id: Option<String>,
    name: String,
    /// Every other name, in every language.
    names: Vec<String>,
    registered: bool,
}

/// Topics with their briefing counts, most frequent first: the registry's
/// topics (every briefing topic written in any of their names counts), then
/// the topics as written that it does not know.
pub fn topics<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    unregistered: bool,
    as_json: bool,
) -> std::io::Result<Outcome> {
    let registry = corpus.registry.topics();
    let mut known = vec![0usize; registry.all().len()];
    let mut other: std::collections::BTreeMap<String, (String, usize)> = Default::default();
    for b in &corpus.briefings {
        let mut seen_known = std::collections::HashSet::new();
        let mut seen_other = std::collections::HashSet::new();
        for t in &b.topics {
            match registry.resolve(t) {
                Some(id) => {
                    if seen_known.insert(id) {
                        known[id] += 1;
                    }
                }
                None => {
                    let key = brief_core::actors::name_key(t);
                    if seen_other.insert(key.clone()) {
                        other.entry(key).or_insert_with(|| (t.to_string(), 0)).1 += 1;
                    }
                }
            }
        }
    }
    let mut rows: Vec<(TopicFacet, usize)> = Vec::new();
    if !unregistered {
        for (topic, n) in registry.all().iter().zip(known) {
            rows.push((
                TopicFacet {
                    id: Some(topic.id.clone()),
                    name: topic.name.clone(),
                    names: topic.names().skip(1).map(str::to_string).collect(),
                    registered: true,
                },
                n,
            ));
        }
    }
    for (_, (name, n)) in other {
        rows.push((
            TopicFacet {
                id: None,
                name,
                names: Vec::new(),
                registered: false,
            },
            n,
        ));
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    if as_json {
        let items: Vec<FacetJson<&TopicFacet>> = rows
            .iter()
            .map(|(t, n)| FacetJson {
                value: t,
                count: *n,
            })
            .collect();
        json::print(&mut out.w, &items)?;
    } else {
        let table: Vec<Vec<String>> = rows
            .iter()
            .map(|(t, n)| vec![n.to_string(), t.name.clone(), t.names.join(", ")])
            .collect();
        // The other names give way on a narrow terminal.
        let fit = fit_width().map(|w| (w, &[2, 1][..]));
        out.fitted_table(&table, &[Out::bold, plain, Out::dim], fit)?;
    }
    Ok(if rows.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
