//! `brief show`: one briefing for reading, body wrapped to the terminal.

use std::io::Write;

use brief_core::text::{pad, sanitize, width};
use brief_core::{Briefing, Corpus};

use super::json::{self, BriefingJson};
use super::output::{Out, term_width};
use super::{Failure, Outcome};

/// The briefing `id`, or a usage failure suggesting the closest id.
fn find<'a>(corpus: &'a Corpus, id: &str) -> Result<&'a Briefing, Failure> {
    corpus.get(id).ok_or_else(|| {
        let hint = corpus
            .suggest_id(id)
            .map(|s| format!("; did you mean '{s}'?"))
            .unwrap_or_default();
        Failure::Usage(format!("no briefing '{}'{hint}", sanitize(id, false)))
    })
}

/// `brief show ID --markdown`: the Markdown the browser's `y` copies, byte for byte.
pub fn markdown<W: Write>(out: &mut Out<W>, corpus: &Corpus, id: &str) -> Result<Outcome, Failure> {
    let b = find(corpus, id)?;
    // Control characters are already made visible by the core; sanitising
    // again (newlines kept) is a no-op that keeps the rule visible here.
    let md = brief_core::markdown::briefing(corpus, b);
    out.w.write_all(sanitize(&md, true).as_bytes())?;
    Ok(Outcome::Found)
}

pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Corpus,
    id: &str,
    as_json: bool,
) -> Result<Outcome, Failure> {
    let b = find(corpus, id)?;
    if as_json {
        json::print(&mut out.w, &BriefingJson::new(corpus, b, true))?;
        return Ok(Outcome::Found);
    }
    let cols = term_width().min(100);
    let mut fields: Vec<(String, String)> = corpus
        .metadata(b)
        .into_iter()
        .map(|(l, v)| (l.to_string(), v))
        .collect();
    for (kind, group) in corpus.actors_by_kind(b) {
        let names: Vec<String> = group
            .iter()
            .map(|(a, role)| match role {
                Some(r) => format!("{} ({r})", a.label()),
                None => a.label(),
            })
            .collect();
        fields.push((kind.label_fr().to_string(), names.join("; ")));
    }
    let label_w = fields.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 2;
    let indent = " ".repeat(label_w);
    let opts = textwrap::Options::new(cols.saturating_sub(label_w).max(20));
    for line in textwrap::wrap(&sanitize(&b.title, false), cols) {
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
        for line in textwrap::wrap(&sanitize(s, false), cols) {
            writeln!(out.w, "{}", out.accent(&line))?;
        }
    }
    for p in b.paragraphs() {
        writeln!(out.w)?;
        for line in textwrap::wrap(&sanitize(&p, false), cols) {
            debug_assert!(width(&line) <= cols);
            writeln!(out.w, "{line}")?;
        }
    }
    Ok(Outcome::Found)
}
