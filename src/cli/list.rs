//! `brief list`: briefings newest first, filtered by country, actor, year.

use std::io::Write;

use brief_core::search::{Hit, search};
use brief_core::{Corpus, Query, Selection};

use super::Outcome;
use super::json::{self, BriefingJson};
use super::output::{Out, plain};

/// One row per briefing: date as written, id, country codes, title.
pub fn rows(corpus: &Corpus, hits: &[Hit]) -> Vec<Vec<String>> {
    hits.iter()
        .filter_map(|h| corpus.briefings.get(h.doc))
        .map(|b| {
            let codes: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
            let codes = if codes.len() > 5 {
                format!("{} +{}", codes[..4].join(" "), codes.len() - 4)
            } else {
                codes.join(" ")
            };
            vec![
                b.date.map_or_else(|| "—".to_string(), |d| d.to_string()),
                b.id.clone(),
                codes,
                b.title.clone(),
            ]
        })
        .collect()
}

pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Corpus,
    sel: &Selection,
    as_json: bool,
) -> std::io::Result<Outcome> {
    let hits = search(corpus, &Query::default(), sel);
    if as_json {
        let items: Vec<BriefingJson> = hits
            .iter()
            .filter_map(|h| corpus.briefings.get(h.doc))
            .map(|b| BriefingJson::new(corpus, b, false))
            .collect();
        json::print(&mut out.w, &items)?;
    } else {
        let width = super::output::term_width();
        let mut rows = rows(corpus, &hits);
        fit_titles(&mut rows, width);
        out.table(&rows, &[Out::dim, Out::accent, Out::dim, plain])?;
    }
    Ok(if hits.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// Shortens the title column (the last) so rows fit the terminal width.
pub fn fit_titles(rows: &mut [Vec<String>], width: usize) {
    use brief_core::text::{truncate, width as w};
    let col = |i: usize| {
        rows.iter()
            .filter_map(|r| r.get(i))
            .map(|c| w(c))
            .max()
            .unwrap_or(0)
    };
    let fixed = col(0) + col(1) + col(2) + 6;
    let room = width.saturating_sub(fixed).max(24);
    for r in rows.iter_mut() {
        if let Some(t) = r.get_mut(3) {
            *t = truncate(t, room);
        }
    }
}
