//! `brief search`: ranked hits, with why they matched in JSON.

use std::io::Write;

use brief_core::search::{search, suggest};
use brief_core::{Corpus, Query, Selection};

use super::json::{self, HitJson};
use super::output::Out;
use super::{Failure, Outcome};

pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Corpus,
    text: &str,
    limit: Option<usize>,
    as_json: bool,
) -> Result<Outcome, Failure> {
    let query = Query::parse(text, &corpus.registry)
        .map_err(|e| Failure::Usage(format!("invalid query: {e}")))?;
    let mut hits = search(corpus, &query, &Selection::default());
    if let Some(n) = limit {
        hits.truncate(n);
    }
    if as_json {
        let items: Vec<HitJson> = hits
            .iter()
            .filter_map(|h| HitJson::new(corpus, &query, h))
            .collect();
        json::print(&mut out.w, &items)?;
    } else if !hits.is_empty() {
        let mut rows = super::list::rows(corpus, &hits);
        super::list::fit_titles(&mut rows, super::output::term_width());
        out.table(
            &rows,
            &[Out::dim, Out::accent, Out::dim, super::output::plain],
        )?;
    }
    if hits.is_empty() {
        let hint = suggest(corpus, &query)
            .map(|s| format!("; did you mean {s}?"))
            .unwrap_or_default();
        eprintln!(
            "no briefing matches '{}'{hint}",
            brief_core::text::sanitize(text, false)
        );
        return Ok(Outcome::Nothing);
    }
    Ok(Outcome::Found)
}
