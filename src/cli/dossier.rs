//! `brief dossier NAME`: one actor or one country, everything the folder
//! says about it: its names, kind and roles seen, its meetings (how many,
//! the first and the last, a bar per year), whom and which countries it
//! meets with most, its topics and places, and its meetings newest first.
//! The counting is the core's (`search::dossier`); here only the printing.

use std::io::Write;

use serde::Serialize;

use brief_core::model::PartialDate;
use brief_core::search::Hit;
use brief_core::search::dossier::{Dossier, Subject, dossier, identity, named};
use brief_core::search::stats::Row;
use brief_core::text::{pad, sanitize, truncate, width};
use brief_core::{Folder, Lang};

use super::export::markdown_field;
use super::json::{self, CountryJson};
use super::output::{Out, fit_width, plain};
use super::stats::bar;
use super::{Failure, Outcome};

pub const HELP: &str = "\
WHICH ACTOR OR COUNTRY:
  Any name, acronym or alias of an actor (Frontex, OIM, IOM, ICMPD), a
  country's code or its name in French or English (NE, Niger, Royaume-Uni,
  United Kingdom), case and accents ignored; else an actor or a country one
  of whose names starts with what was typed (burkina, nkuru), the one with the
  most meetings. Nothing named: exit 1 with a suggestion when one is close.
  Text and Markdown list the 10 actors, countries, topics and places met most
  and the --limit newest meetings; JSON lists every count.
    brief dossier Frontex
    brief dossier niger --format markdown > niger.md
    brief dossier OIM --format json | jq '.actors[0]'";

/// The formats of `brief dossier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DossierFormat {
    /// Sections for reading, fitted to the terminal (whole rows into a pipe).
    #[default]
    Text,
    /// Every field and every count.
    Json,
    /// Headings and tables, for a report.
    Markdown,
}

/// Rows of each count shown in text and Markdown.
const TOP: usize = 10;

/// Bar width into a pipe, where nothing is fitted.
const PIPE_BAR: usize = 40;

/// Prints the dossier of the actor or country `name` names.
pub fn run<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    name: &str,
    format: DossierFormat,
    limit: usize,
    ids: bool,
) -> Result<Outcome, Failure> {
    let t = &out.lang.text().dossier;
    let subject = named(corpus, name).map_err(|hint| {
        Failure::Nothing((t.unknown)(
            &sanitize(name, false),
            hint.as_deref().map(|h| sanitize(h, false)).as_deref(),
        ))
    })?;
    let d = dossier(corpus, subject, out.lang);
    let shown: Vec<usize> = match limit {
        0 => d.meetings.clone(),
        n => d.meetings.iter().copied().take(n).collect(),
    };
    // Decoded on every core rather than one by one as they are written.
    {
        use rayon::prelude::*;
        shown.par_iter().for_each(|&doc| {
            corpus.briefings.get(doc);
        });
    }
    match format {
        DossierFormat::Text => text(out, corpus, &d, &shown, ids)?,
        DossierFormat::Json => json::print(&mut out.w, &DossierJson::new(corpus, &d, &shown))?,
        DossierFormat::Markdown => markdown(out, corpus, &d, &shown)?,
    }
    Ok(if d.meetings.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// The co-actors, co-countries, topics and places as `(label, count)`, with
/// their headings.
pub fn counts(
    corpus: &Folder,
    d: &Dossier,
    lang: Lang,
) -> Vec<(&'static str, Vec<(String, usize)>)> {
    let t = &lang.text().dossier;
    let rows = |rows: &[Row]| rows.iter().map(|r| (r.label.clone(), r.count)).collect();
    vec![
        (
            t.actors,
            d.actors
                .iter()
                .filter_map(|&(a, n)| corpus.actor(a).map(|a| (a.short_label().to_string(), n)))
                .collect(),
        ),
        (
            t.countries,
            d.countries
                .iter()
                .map(|&(c, n)| (format!("{} ({c})", c.name(lang)), n))
                .collect(),
        ),
        (t.topics, rows(&d.topics)),
        (t.places, rows(&d.places)),
    ]
}

fn pad_left(s: &str, cells: usize) -> String {
    format!("{}{s}", " ".repeat(cells.saturating_sub(width(s))))
}

fn text<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    d: &Dossier,
    shown: &[usize],
    ids: bool,
) -> std::io::Result<()> {
    let lang = out.lang;
    let t = &lang.text().dossier;
    let cols = fit_width();
    let (name, mut lines) = identity(corpus, d.subject, lang);
    for r in d.role_lines(lang) {
        lines.push((t.roles.to_string(), r));
    }
    lines.push((t.meetings.to_string(), d.summary(lang)));
    let head = match cols {
        Some(w) => truncate(&sanitize(&name, false), w),
        None => sanitize(&name, false).into_owned(),
    };
    writeln!(out.w, "{}", out.bold(&head))?;
    let rows: Vec<Vec<String>> = lines.into_iter().map(|(l, v)| vec![l, v]).collect();
    out.fitted_table(&rows, &[Out::dim, plain], cols.map(|w| (w, &[1][..])))?;

    if !d.years.is_empty() {
        writeln!(out.w)?;
        writeln!(out.w, "{}", out.bold(t.by_year))?;
        let most = d.years.iter().map(|y| y.1).max().unwrap_or(0);
        let count_w = most.to_string().len();
        let bar_w = cols.map_or(PIPE_BAR, |w| w.saturating_sub(count_w + 6).clamp(10, 60));
        for (year, n) in &d.years {
            writeln!(
                out.w,
                "{year} {} {}",
                out.accent(&pad(&bar(*n, most, bar_w), bar_w)),
                pad_left(&n.to_string(), count_w)
            )?;
        }
    }
    for (heading, rows) in counts(corpus, d, lang) {
        writeln!(out.w)?;
        writeln!(out.w, "{}", out.bold(heading))?;
        if rows.is_empty() {
            writeln!(out.w, "{}", out.dim(t.none))?;
            continue;
        }
        let table: Vec<Vec<String>> = rows
            .into_iter()
            .take(TOP)
            .map(|(l, n)| vec![n.to_string(), l])
            .collect();
        let right: Vec<Vec<String>> = {
            let w = table.iter().map(|r| width(&r[0])).max().unwrap_or(0);
            table
                .into_iter()
                .map(|mut r| {
                    r[0] = pad_left(&r[0], w);
                    r
                })
                .collect()
        };
        out.fitted_table(&right, &[Out::bold, plain], cols.map(|w| (w, &[1][..])))?;
    }
    writeln!(out.w)?;
    writeln!(out.w, "{}", out.bold(t.newest_first))?;
    let hits: Vec<Hit> = shown.iter().map(|&doc| Hit { doc, score: 0 }).collect();
    super::export::text(out, corpus, &hits, ids, cols)?;
    if shown.len() < d.meetings.len() {
        writeln!(
            out.w,
            "{}",
            out.dim(&(t.more)(d.meetings.len() - shown.len()))
        )?;
    }
    Ok(())
}

fn markdown<W: Write>(
    out: &mut Out<W>,
    corpus: &Folder,
    d: &Dossier,
    shown: &[usize],
) -> std::io::Result<()> {
    let lang = out.lang;
    let text = lang.text();
    let t = &text.dossier;
    let (name, mut lines) = identity(corpus, d.subject, lang);
    for r in d.role_lines(lang) {
        lines.push((t.roles.to_string(), r));
    }
    lines.push((t.meetings.to_string(), d.summary(lang)));
    writeln!(out.w, "# {}", markdown_field(&(t.title)(&name)))?;
    writeln!(out.w)?;
    for (label, value) in &lines {
        writeln!(
            out.w,
            "- **{}{}** {}",
            markdown_field(label),
            text.colon,
            markdown_field(value)
        )?;
    }
    if !d.years.is_empty() {
        writeln!(out.w, "\n## {}\n", t.by_year)?;
        writeln!(out.w, "| {} | {} |\n|---|---:|", t.year, t.meetings)?;
        for (year, n) in &d.years {
            writeln!(out.w, "| {year} | {n} |")?;
        }
    }
    for (heading, rows) in counts(corpus, d, lang) {
        writeln!(out.w, "\n## {heading}\n")?;
        if rows.is_empty() {
            writeln!(out.w, "{}", t.none)?;
            continue;
        }
        writeln!(out.w, "| {heading} | {} |\n|---|---:|", t.meetings)?;
        for (label, n) in rows.into_iter().take(TOP) {
            writeln!(out.w, "| {} | {n} |", markdown_field(&label))?;
        }
    }
    writeln!(out.w, "\n## {}\n", t.newest_first)?;
    writeln!(
        out.w,
        "| {} | {} | {} | id |\n|---|---|---|---|",
        text.date, t.meeting, text.countries
    )?;
    for b in shown.iter().filter_map(|&doc| corpus.briefings.get(doc)) {
        let date = b
            .date
            .map_or_else(|| text.undated.to_string(), |d| d.to_string());
        let codes: Vec<&str> = b.countries.iter().map(|c| c.as_str()).collect();
        writeln!(
            out.w,
            "| {} | {} | {} | {} |",
            markdown_field(&date),
            markdown_field(&b.title),
            codes.join(" "),
            markdown_field(&b.id)
        )?;
    }
    if shown.len() < d.meetings.len() {
        writeln!(
            out.w,
            "\n{}",
            markdown_field(&(t.more)(d.meetings.len() - shown.len()))
        )?;
    }
    Ok(())
}

/// `brief dossier --format json`: one object, every count.
#[derive(Serialize)]
struct DossierJson {
    /// `actor` or `country`.
    subject: &'static str,
    /// The actor's id, the country's code.
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    short: Option<String>,
    aliases: Vec<String>,
    /// An actor's kind (`eu-agency`...), or `country`.
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<CountryJson>,
    offices: Vec<OfficeJson>,
    roles: Vec<RoleJson>,
    meetings_total: usize,
    first: Option<PartialDate>,
    last: Option<PartialDate>,
    undated: usize,
    /// For a country: its meetings held in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    held_there: Option<usize>,
    years: Vec<YearJson>,
    actors: Vec<CoActorJson>,
    countries: Vec<CoCountryJson>,
    topics: Vec<Row>,
    places: Vec<Row>,
    /// The newest meetings, `--limit` of them.
    meetings: Vec<MeetingJson>,
}

#[derive(Serialize)]
struct OfficeJson {
    names: Vec<String>,
    from: u16,
    to: Option<u16>,
}

#[derive(Serialize)]
struct RoleJson {
    role: String,
    count: usize,
    first: Option<PartialDate>,
    last: Option<PartialDate>,
}

#[derive(Serialize)]
struct YearJson {
    year: u16,
    count: usize,
}

#[derive(Serialize)]
struct CoActorJson {
    id: String,
    name: String,
    short: Option<String>,
    kind: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct CoCountryJson {
    #[serde(flatten)]
    country: CountryJson,
    count: usize,
}

#[derive(Serialize)]
struct MeetingJson {
    id: String,
    date: Option<PartialDate>,
    end_date: Option<PartialDate>,
    title: String,
    countries: Vec<String>,
    place: String,
}

impl DossierJson {
    fn new(corpus: &Folder, d: &Dossier, shown: &[usize]) -> DossierJson {
        let mut j = DossierJson {
            subject: "actor",
            id: String::new(),
            name: String::new(),
            short: None,
            aliases: Vec::new(),
            kind: "country",
            country: None,
            offices: Vec::new(),
            roles: d
                .roles
                .iter()
                .map(|r| RoleJson {
                    role: r.role.to_string(),
                    count: r.count,
                    first: r.first,
                    last: r.last,
                })
                .collect(),
            meetings_total: d.meetings.len(),
            first: d.first,
            last: d.last,
            undated: d.undated,
            held_there: None,
            years: d
                .years
                .iter()
                .map(|&(year, count)| YearJson { year, count })
                .collect(),
            actors: d
                .actors
                .iter()
                .filter_map(|&(a, count)| {
                    corpus.actor(a).map(|a| CoActorJson {
                        id: a.id.clone(),
                        name: a.name.clone(),
                        short: a.short.clone(),
                        kind: a.kind.as_str(),
                        count,
                    })
                })
                .collect(),
            countries: d
                .countries
                .iter()
                .map(|&(c, count)| CoCountryJson {
                    country: c.into(),
                    count,
                })
                .collect(),
            topics: d.topics.clone(),
            places: d.places.clone(),
            meetings: shown
                .iter()
                .filter_map(|&doc| corpus.briefings.get(doc))
                .map(|b| MeetingJson {
                    id: b.id.to_string(),
                    date: b.date,
                    end_date: b.end_date,
                    title: b.title.clone(),
                    countries: b.countries.iter().map(|c| c.as_str().to_string()).collect(),
                    place: b.location.label(Lang::En),
                })
                .collect(),
        };
        match d.subject {
            Subject::Actor(a) => {
                if let Some(actor) = corpus.actor(a) {
                    j.id = actor.id.clone();
                    j.name = actor.name.clone();
                    j.short = actor.short.clone();
                    j.aliases = actor.aliases.clone();
                    j.kind = actor.kind.as_str();
                    j.offices = actor
                        .offices
                        .iter()
                        .map(|o| OfficeJson {
                            names: o.names.clone(),
                            from: o.from,
                            to: o.to,
                        })
                        .collect();
                }
            }
            Subject::Country(c) => {
                j.subject = "country";
                j.id = c.as_str().to_string();
                j.name = c.name_en().to_string();
                j.aliases = c.country().variants.iter().map(|v| v.to_string()).collect();
                j.country = Some(c.into());
                j.held_there = Some(d.held_there);
            }
        }
        j
    }
}
