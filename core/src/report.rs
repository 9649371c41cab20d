//! A report of several briefings, to hand on: Markdown that pandoc turns
//! into a Word or PDF document (`pandoc report.md -o report.docx`).
//!
//! A YAML metadata block (title, author, date, the query) that pandoc reads,
//! a summary table (date, title, place, countries, main actors), then each
//! briefing as `brief show --markdown` writes it, one heading level down,
//! with its article only when asked. In the interface language, dates
//! written out (`27 octobre 2021`). No file content can break the structure:
//! every value is escaped as in [`crate::markdown`], the metadata written by
//! a YAML serialiser.

use serde::Serialize;

use crate::lang::Lang;
use crate::load::Folder;
use crate::markdown::inline;
use crate::model::{Briefing, PartialDate};

/// What the report says about itself.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// `None`: the language's default title.
    pub title: Option<String>,
    pub author: Option<String>,
    /// The day it is written, as `YYYY-MM-DD`'s parts.
    pub date: Option<PartialDate>,
    /// The search it was made from, as typed.
    pub query: Option<String>,
    /// With each briefing's article, not only its summary.
    pub full: bool,
    pub lang: Lang,
}

/// Actors named in the summary table's row of a briefing.
const MAIN_ACTORS: usize = 3;

#[derive(Serialize)]
struct Metadata<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    query: Option<&'a str>,
    lang: &'a str,
}

/// The report of the briefings at `docs` (positions in `folder`), in that order.
pub fn write(folder: &Folder, docs: &[usize], how: &Report) -> String {
    let lang = how.lang;
    let words = lang.report();
    let title = how.title.clone().unwrap_or_else(|| words.title.to_string());
    let clean = |s: &str| crate::text::sanitize(s, false).into_owned();
    let title = clean(&title);
    let author = how.author.as_deref().map(clean);
    let query = how.query.as_deref().map(clean);
    let meta = Metadata {
        title: &title,
        author: author.as_deref(),
        date: how.date.map(|d| d.written(lang)),
        query: query.as_deref(),
        lang: lang.as_str(),
    };
    let mut out = String::from("---\n");
    out.push_str(&serde_yaml::to_string(&meta).unwrap_or_default());
    out.push_str("---\n\n");
    let briefings: Vec<&Briefing> = docs
        .iter()
        .filter_map(|&d| folder.briefings.get(d).map(|b| &**b))
        .collect();
    out.push_str(&format!("## {}\n\n", words.summary));
    out.push_str(&format!("{}.\n\n", (words.count)(briefings.len())));
    if !briefings.is_empty() {
        out.push_str(&table(folder, &briefings, lang));
    }
    out.push_str(&format!("\n## {}\n", words.briefings));
    for b in briefings {
        out.push('\n');
        out.push_str(&section(folder, b, how));
    }
    out
}

/// The summary table, a row per briefing.
fn table(folder: &Folder, briefings: &[&Briefing], lang: Lang) -> String {
    let cols = lang.report().columns;
    let mut out = format!("| {} |\n", cols.join(" | "));
    out.push_str(&format!("|{}\n", "---|".repeat(cols.len())));
    for b in briefings {
        let date = match b.date {
            Some(d) => d.written(lang),
            None => lang.text().undated.to_string(),
        };
        let countries: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
        let mut actors: Vec<String> = Vec::new();
        for a in &b.actors {
            let name = folder
                .actor(a.actor)
                .map_or_else(|| a.written.to_string(), |x| x.short_label().to_string());
            if !actors.contains(&name) {
                actors.push(name);
            }
        }
        actors.truncate(MAIN_ACTORS);
        let cells = [
            date,
            b.title.clone(),
            b.location.label(lang),
            countries.join(", "),
            actors.join(", "),
        ];
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// A table cell: escaped as inline text, and its `|` too.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

/// One briefing as `brief show --markdown` writes it, a level down, its
/// article left out unless the report is `full`.
fn section(folder: &Folder, b: &Briefing, how: &Report) -> String {
    let md = crate::markdown::for_report(folder, b, how.lang, how.full);
    // `# title` becomes `### title`: under "The briefings".
    match md.strip_prefix("# ") {
        Some(rest) => format!("### {rest}"),
        None => md,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_in_the_language() {
        let d = PartialDate::parse("2021-10-27").unwrap();
        assert_eq!(d.written(Lang::Fr), "27 octobre 2021");
        assert_eq!(d.written(Lang::En), "27 October 2021");
        let first = PartialDate::parse("2021-10-01").unwrap();
        assert_eq!(first.written(Lang::Fr), "1er octobre 2021");
        assert_eq!(first.written(Lang::En), "1 October 2021");
        let month = PartialDate::parse("2016-02").unwrap();
        assert_eq!(month.written(Lang::Fr), "février 2016");
        assert_eq!(
            PartialDate::parse("2016").unwrap().written(Lang::En),
            "2016"
        );
    }

    #[test]
    fn a_cell_cannot_open_a_new_column() {
        assert_eq!(cell("a | b"), "a \\| b");
    }
}
