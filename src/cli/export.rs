//! A result set (`brief list`, `brief search`) in each `--format`: text columns
//! for reading, and TSV, CSV and Markdown tables for spreadsheets and reports.
//! Every value is neutralised: no file content reaches the output raw.

use std::io::Write;

use brief_core::text::sanitize;
use brief_core::{Briefing, Folder};

use super::args::Format;
use super::json::{self, BriefingJson, HitJson};
use super::output::{Out, fit_width, plain};
use brief_core::{Hit, Query};

/// The columns of TSV, CSV and Markdown, in this order.
pub const COLUMNS: [&str; 7] = ["date", "title", "countries", "actors", "place", "id", "url"];

/// On a terminal, country codes beyond this many are counted (`FR NE +3`).
const CODES_SHOWN: usize = 4;

/// One briefing's exported values, in `COLUMNS` order: the date as written
/// (empty when undated), the title, country codes separated by spaces, actor
/// labels separated by `; `, the place, the id, the source's URL (empty when
/// none).
pub fn values(corpus: &Folder, b: &Briefing) -> [String; 7] {
    let actors: Vec<String> = b
        .actors
        .iter()
        .filter_map(|r| corpus.actor(r.actor).map(|a| a.label()))
        .collect();
    [
        b.date.map(|d| d.to_string()).unwrap_or_default(),
        b.title.clone(),
        codes(b, usize::MAX),
        actors.join("; "),
        b.location.to_string(),
        b.id.to_string(),
        b.source.url.clone().unwrap_or_default(),
    ]
}

/// Country codes separated by spaces; beyond `shown`, the rest counted.
fn codes(b: &Briefing, shown: usize) -> String {
    let codes: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
    if codes.len() > shown.saturating_add(1) {
        format!("{} +{}", codes[..shown].join(" "), codes.len() - shown)
    } else {
        codes.join(" ")
    }
}

/// What `print` needs beyond the briefings.
pub struct Print<'a> {
    pub format: Format,
    /// Text: show the id column.
    pub ids: bool,
    /// JSON of a search: the query, so each hit says why it matched.
    pub query: Option<&'a Query>,
}

/// Prints `hits` in the chosen format. JSON is always an array (`[]` when empty);
/// the tables print their header row even when empty; text prints nothing then.
pub fn print<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    hits: &[Hit],
    how: &Print,
) -> std::io::Result<()> {
    let briefings = || hits.iter().filter_map(|h| corpus.briefings.get(h.doc));
    // Briefings from the cache are decoded when first read: all of those
    // printed, on every core, rather than one by one as they are written.
    {
        use rayon::prelude::*;
        hits.par_iter().for_each(|h| {
            corpus.briefings.get(h.doc);
        });
    }
    match how.format {
        Format::Text => text(out, corpus, hits, how.ids, fit_width()),
        Format::Json => match how.query {
            Some(q) => {
                let items: Vec<HitJson> = hits
                    .iter()
                    .filter_map(|h| HitJson::new(corpus, q, h))
                    .collect();
                json::print(&mut out.w, &items)
            }
            None => {
                let items: Vec<BriefingJson> = briefings()
                    .map(|b| BriefingJson::new(corpus, b, false))
                    .collect();
                json::print(&mut out.w, &items)
            }
        },
        Format::Tsv => {
            let line = |cells: &[String]| {
                let cells: Vec<String> = cells.iter().map(|c| tsv_field(c)).collect();
                cells.join("\t")
            };
            writeln!(out.w, "{}", COLUMNS.join("\t"))?;
            for b in briefings() {
                writeln!(out.w, "{}", line(&values(corpus, b)))?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out.w);
            let io = |e: csv::Error| match e.into_kind() {
                csv::ErrorKind::Io(e) => e,
                other => std::io::Error::other(format!("{other:?}")),
            };
            w.write_record(COLUMNS).map_err(io)?;
            for b in briefings() {
                let cells = values(corpus, b).map(|c| csv_field(&c));
                w.write_record(&cells).map_err(io)?;
            }
            w.flush()
        }
        Format::Markdown => {
            writeln!(out.w, "| {} |", COLUMNS.join(" | "))?;
            writeln!(out.w, "|{}", "---|".repeat(COLUMNS.len()))?;
            for b in briefings() {
                let mut cells = values(corpus, b);
                if cells[0].is_empty() {
                    // The word the core's metadata uses (`brief show`, `--markdown`).
                    cells[0] = out.lang.text().undated.to_string();
                }
                let cells: Vec<String> = cells.iter().map(|c| markdown_field(c)).collect();
                writeln!(out.w, "| {} |", cells.join(" | "))?;
            }
            Ok(())
        }
    }
}

/// Text: date, (id,) title, country codes, aligned. On a terminal (`width`
/// given) the title is cut with `…` and long country lists counted so lines
/// fit; into a pipe nothing is cut, so `grep` finds any title whole.
pub fn text<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    hits: &[Hit],
    ids: bool,
    width: Option<usize>,
) -> std::io::Result<()> {
    let shown = if width.is_some() {
        CODES_SHOWN
    } else {
        usize::MAX
    };
    let undated = out.lang.text().undated;
    let rows: Vec<Vec<String>> = hits
        .iter()
        .filter_map(|h| corpus.briefings.get(h.doc))
        .map(|b| {
            let mut row = vec![
                b.date
                    .map_or_else(|| undated.to_string(), |d| d.to_string()),
            ];
            if ids {
                row.push(b.id.to_string());
            }
            row.push(b.title.clone());
            row.push(codes(b, shown));
            row
        })
        .collect();
    // The title gives way first, then the country codes.
    let shrink: &[usize] = if ids { &[2, 3] } else { &[1, 2] };
    let styles: &[fn(&Out<W>, &str) -> String] = if ids {
        &[Out::dim, Out::accent, plain, Out::dim]
    } else {
        &[Out::dim, plain, Out::dim]
    };
    out.fitted_table(&rows, styles, width.map(|w| (w, shrink)))
}

/// A TSV value: backslash, tab, newline and carriage return escaped as `\\`,
/// `\t`, `\n`, `\r` (so every row is one line of seven fields), then neutralised.
pub(super) fn tsv_field(s: &str) -> String {
    let mut escaped = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\t' => escaped.push_str("\\t"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            c => escaped.push(c),
        }
    }
    sanitize(&escaped, false).into_owned()
}

/// A CSV value: neutralised (newlines kept, the writer quotes them), and a
/// leading `=`, `+`, `-` or `@` prefixed with `'` so a spreadsheet reads a
/// title as text, never as a formula.
pub(super) fn csv_field(s: &str) -> String {
    let clean = sanitize(s, true);
    if clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    }
}

/// A Markdown table cell: neutralised on one line, `\` and `|` escaped.
pub(super) fn markdown_field(s: &str) -> String {
    sanitize(s, false).replace('\\', "\\\\").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_fields_stay_on_one_line_and_in_one_column() {
        assert_eq!(tsv_field("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(tsv_field("x\x1b[31my"), "x␛[31my");
    }

    #[test]
    fn csv_fields_never_start_a_formula() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("Réunion"), "Réunion");
        assert_eq!(csv_field("a\nb\x07"), "a\nb␇");
    }

    #[test]
    fn markdown_cells_escape_pipes() {
        assert_eq!(markdown_field("a|b\\c\nd"), "a\\|b\\\\c␊d");
    }
}
