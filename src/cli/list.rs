//! `brief list`: briefings newest first, filtered by country, actor, year.

use std::io::Write;

use brief::search::{Hit, search};
use brief::{Corpus, Query, Selection};

use super::json::{self, BriefingJson};
use super::output::{Out, plain};
use super::Outcome;

/// One row per briefing: date, id, title, country codes.
pub fn rows(corpus: &Corpus, hits: &[Hit]) -> Vec<Vec<String>> {
    hits.iter()
        .filter_map(|h| corpus.briefings.get(h.doc))
        .map(|b| {
            let codes: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
            vec![
                if b.date.is_some() { b.date_label() } else { "—".to_string() },
                b.id.clone(),
                b.title.clone(),
                codes.join(" "),
            ]
        })
        .collect()
}

pub fn run<W: Write>(out: &mut Out<W>, corpus: &Corpus, sel: &Selection, as_json: bool) -> std::io::Result<Outcome> {
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
        out.table(&rows, &[Out::dim, Out::accent, plain, Out::dim])?;
    }
    Ok(if hits.is_empty() { Outcome::Nothing } else { Outcome::Found })
}

/// Shortens the title column (third) so rows fit the terminal width.
pub fn fit_titles(rows: &mut [Vec<String>], width: usize) {
    use brief::text::{truncate, width as w};
    let col = |i: usize| rows.iter().filter_map(|r| r.get(i)).map(|c| w(c)).max().unwrap_or(0);
    let fixed = col(0) + col(1) + col(3) + 6;
    let room = width.saturating_sub(fixed).max(20);
    for r in rows.iter_mut() {
        if let Some(t) = r.get_mut(2) {
            *t = truncate(t, room);
        }
    }
}
