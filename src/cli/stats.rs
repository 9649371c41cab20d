//! `brief stats`: the briefings a query finds, counted by year, month,
//! country, actor, topic or place, with a bar per row. The counting is the
//! core's (`search::stats`); here only the printing.

use std::io::Write;

use brief_core::search::search;
use brief_core::search::stats::{By, Stats, stats};
use brief_core::text::{pad, sanitize, truncate, width};
use brief_core::{Folder, Lang, Query, Selection};

use super::export::{csv_field, tsv_field};
use super::output::{Out, fit_width};
use super::{Failure, Outcome};

pub const HELP: &str = "\
COUNTING:
  A briefing counts once in each row it has a value for: by year, once in
  each year its meeting touches (date to end date); by month, a date known
  only to the year has a row of its own (2019, before 2019-01). Briefings
  with no value (undated, no country...) count on a row of their own.
  Years and months are oldest first; anything else most frequent first.
  The query and its words are those of brief search (none: every briefing).
    brief stats --by year
    brief stats niger --by year --since 2019
    brief stats pays:NE --by actor --format csv";

/// What `--by` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ByArg {
    Year,
    Month,
    Country,
    Actor,
    Topic,
    Place,
}

impl From<ByArg> for By {
    fn from(b: ByArg) -> By {
        match b {
            ByArg::Year => By::Year,
            ByArg::Month => By::Month,
            ByArg::Country => By::Country,
            ByArg::Actor => By::Actor,
            ByArg::Topic => By::Topic,
            ByArg::Place => By::Place,
        }
    }
}

/// The formats of `brief stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum StatsFormat {
    /// Label, a bar of Unicode blocks, the count.
    #[default]
    Text,
    /// {"by", "total", "rows": [{"key", "label", "count"}], "none"}.
    Json,
    /// RFC 4180, header key,label,count; the row with no value has no key.
    Csv,
    /// Tab-separated, the same columns.
    Tsv,
}

/// Bar width into a pipe, where nothing is fitted.
const PIPE_BAR: usize = 40;

/// Counts the hits of `query` (with `selection`) by `by` and prints them.
pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    query: &Query,
    selection: &Selection,
    by: By,
    format: StatsFormat,
) -> Result<Outcome, Failure> {
    if !query.terms.is_empty() {
        super::index_text(corpus);
    }
    let hits = search(corpus, query, selection);
    let s = stats(corpus, &hits, by, out.lang);
    match format {
        StatsFormat::Text => text(out, &s)?,
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out.w, &s).map_err(std::io::Error::from)?;
            writeln!(out.w)?;
        }
        StatsFormat::Csv | StatsFormat::Tsv => delimited(out, &s, format)?,
    }
    Ok(if hits.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// The label of the row of hits with no value.
pub fn none_label(by: By, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match (by, fr) {
        (By::Year | By::Month, false) => "undated",
        (By::Year | By::Month, true) => "sans date",
        (By::Country, false) => "no country",
        (By::Country, true) => "sans pays",
        (By::Actor, false) => "no actor",
        (By::Actor, true) => "sans acteur",
        (By::Topic, false) => "no topic",
        (By::Topic, true) => "sans sujet",
        (By::Place, false) => "no place",
        (By::Place, true) => "sans lieu",
    }
}

/// The rows to print, the row with no value last (when any).
fn rows(s: &Stats, lang: Lang) -> Vec<(String, String, usize)> {
    let mut rows: Vec<(String, String, usize)> = s
        .rows
        .iter()
        .map(|r| (r.key.clone(), r.label.clone(), r.count))
        .collect();
    if s.none > 0 {
        rows.push((String::new(), none_label(s.by, lang).to_string(), s.none));
    }
    rows
}

/// A bar of `count` out of `most` over `cells` cells, in eighths of a
/// block; a count above 0 shows at least an eighth.
pub fn bar(count: usize, most: usize, cells: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if most == 0 || count == 0 {
        return String::new();
    }
    let eighths = (count * cells * 8).div_ceil(most).max(1);
    let mut s = "█".repeat(eighths / 8);
    if let Some(&part) = PARTS
        .get(eighths % 8)
        .filter(|_| !eighths.is_multiple_of(8))
    {
        s.push(part);
    }
    s
}

fn text<W: Write>(out: &mut Out<W>, s: &Stats) -> std::io::Result<()> {
    let rows = rows(s, out.lang);
    let most = rows.iter().map(|r| r.2).max().unwrap_or(0);
    let count_w = most.to_string().len();
    let label_w = rows
        .iter()
        .map(|r| width(&sanitize(&r.1, false)))
        .max()
        .unwrap_or(0);
    // On a terminal the row fits: the label gives way, down to 12 cells,
    // then the bar, down to 10.
    let (label_w, bar_w) = match fit_width() {
        Some(cols) => {
            let room = cols.saturating_sub(count_w + 2);
            let label_w = label_w.min(room.saturating_sub(10).max(12));
            (label_w, room.saturating_sub(label_w + 1).max(10))
        }
        None => (label_w, PIPE_BAR),
    };
    for (_, label, count) in &rows {
        let label = pad(&truncate(&sanitize(label, false), label_w), label_w);
        let bar = pad(&bar(*count, most, bar_w), bar_w);
        writeln!(
            out.w,
            "{} {} {}",
            out.bold(&label),
            out.accent(&bar),
            pad_left(&count.to_string(), count_w)
        )?;
    }
    Ok(())
}

fn pad_left(s: &str, cells: usize) -> String {
    format!("{}{s}", " ".repeat(cells.saturating_sub(width(s))))
}

fn delimited<W: Write>(out: &mut Out<W>, s: &Stats, format: StatsFormat) -> std::io::Result<()> {
    let rows = rows(s, out.lang);
    if format == StatsFormat::Tsv {
        writeln!(out.w, "key\tlabel\tcount")?;
        for (key, label, count) in &rows {
            writeln!(out.w, "{}\t{}\t{count}", tsv_field(key), tsv_field(label))?;
        }
        return Ok(());
    }
    let mut w = csv::Writer::from_writer(&mut out.w);
    let io = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    };
    w.write_record(["key", "label", "count"]).map_err(io)?;
    for (key, label, count) in &rows {
        w.write_record([csv_field(key), csv_field(label), count.to_string()])
            .map_err(io)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_are_in_eighths_and_never_empty_for_a_count() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 16, 2), "▏");
        assert_eq!(bar(3, 8, 1), "▍");
        assert_eq!(bar(1, 1000, 10), "▏");
        assert_eq!(bar(0, 10, 4), "");
    }
}
