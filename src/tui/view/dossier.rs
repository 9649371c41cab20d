//! The dossier of an actor or a country, over the panes: who it is, its
//! meetings (how many, the first and the last), a bar per year, then three
//! sections the cursor moves through: whom it meets, which countries, its
//! meetings newest first. And the chooser of the list and the reader.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use brief_core::search::dossier::{Subject, identity};
use brief_core::text::{pad, sanitize, truncate, width};

use super::Theme;
use crate::tui::state::{DossierPage, DossierSection, State, dossier_areas};

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let (Some(page), Some(corpus)) = (state.dossier(), state.corpus()) else {
        return;
    };
    let lang = state.lang();
    let t = &state.text().dossier;
    let d = &page.dossier;
    let a = dossier_areas(area);

    // Who it is, and what it did: the names; the kind, with the code or
    // the offices; the roles; the meetings; the topics; the places.
    let (name, identity) = identity(corpus, d.subject, lang);
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut kind = Vec::new();
    for (label, value) in identity {
        if label == t.names {
            lines.push((label, value));
        } else if label == t.kind {
            kind.insert(0, value);
        } else {
            kind.push(format!("{label} {value}"));
        }
    }
    lines.push((t.kind.to_string(), kind.join(" · ")));
    let roles = d.role_lines(lang);
    if !roles.is_empty() {
        lines.push((t.roles.to_string(), roles.join(" · ")));
    }
    lines.push((t.meetings.to_string(), d.summary(lang)));
    let counted = |rows: &[brief_core::search::stats::Row]| {
        if rows.is_empty() {
            return t.none.to_string();
        }
        rows.iter()
            .map(|r| format!("{} {}", r.label, r.count))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    lines.push((t.topics.to_string(), counted(&d.topics)));
    lines.push((t.places.to_string(), counted(&d.places)));
    lines.truncate(usize::from(a.header.height.saturating_sub(1)));
    let label_w = lines.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let w = usize::from(a.header.width);
    let depth = state.dossier_depth();
    let mut title = (t.title)(&sanitize(&name, false));
    if depth > 1 {
        title = format!("{title} ({depth})");
    }
    let mut out = vec![Line::from(Span::styled(
        truncate(&title, w),
        theme.title(true),
    ))];
    for (label, value) in lines {
        let value = truncate(
            &sanitize(&value, false),
            w.saturating_sub(label_w + 2).max(1),
        );
        out.push(Line::from(vec![
            Span::styled(pad(&label, label_w), theme.dim()),
            Span::raw("  "),
            Span::raw(value),
        ]));
    }
    frame.render_widget(Paragraph::new(out), a.header);

    years(frame, a.years, &d.years, theme);
    section(
        frame,
        a.actors,
        page,
        DossierSection::Actors,
        (t.actors, t.none),
        theme,
        &|i, w| {
            let (id, n) = d.actors.get(i)?;
            let actor = corpus.actor(*id)?;
            let label = match &actor.short {
                Some(s) if *s != actor.name => format!("{s} · {}", actor.name),
                _ => actor.name.clone(),
            };
            Some(count_row(&label, *n, count_width(&d.actors), w))
        },
    );
    section(
        frame,
        a.countries,
        page,
        DossierSection::Countries,
        (t.countries, t.none),
        theme,
        &|i, w| {
            let (c, n) = d.countries.get(i)?;
            Some(count_row(
                &format!("{} ({c})", c.name(lang)),
                *n,
                count_width(&d.countries),
                w,
            ))
        },
    );
    let undated = state.text().undated;
    section(
        frame,
        a.meetings,
        page,
        DossierSection::Meetings,
        (t.newest_first, t.none),
        theme,
        &|i, w| {
            let b = corpus.briefings.get(*d.meetings.get(i)?)?;
            let date = b
                .date
                .map_or_else(|| undated.to_string(), |d| d.to_string());
            let title = sanitize(&b.title, false);
            Some(format!(
                "{}  {}",
                pad(&truncate(&date, 10), 10),
                truncate(&title, w.saturating_sub(12))
            ))
        },
    );
}

/// `  3  OIM · Organisation …`: the count first, so the names line up.
fn count_row(label: &str, n: usize, cw: usize, w: usize) -> String {
    let count = format!("{n:>cw$}");
    let label = truncate(&sanitize(label, false), w.saturating_sub(cw + 2));
    format!("{count}  {label}")
}

/// Cells of the widest count of a list sorted most frequent first.
fn count_width<T>(rows: &[(T, usize)]) -> usize {
    rows.first().map_or(1, |r| r.1.to_string().len())
}

/// One section: its rows from `row(index, width)`, the cursor's reversed
/// when the section is the one in use.
fn section(
    frame: &mut Frame,
    area: Rect,
    page: &DossierPage,
    which: DossierSection,
    (title, none): (&str, &str),
    theme: &Theme,
    row: &dyn Fn(usize, usize) -> Option<String>,
) {
    let active = page.section == which;
    let len = page.len(which);
    let block = theme.pane(format!("{title} ({len})"), active);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    if len == 0 {
        frame.render_widget(
            Paragraph::new(format!("  {none}")).style(theme.dim()),
            inner,
        );
        return;
    }
    let lines: Vec<Line> = (page.offset(which)..len)
        .take(usize::from(inner.height))
        .filter_map(|i| {
            let text = row(i, w.saturating_sub(2))?;
            let cursor = active && i == page.cursor(which);
            let marker = if cursor { theme.marker() } else { " " };
            let style = if cursor {
                theme.selected()
            } else {
                Style::new()
            };
            Some(Line::from(Span::styled(
                pad(&format!("{marker} {text}"), w),
                style,
            )))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A bar per year, the years under them and the counts above the years;
/// the latest years when not all fit, a `‹` saying there are more before.
fn years(frame: &mut Frame, area: Rect, years: &[(u16, usize)], theme: &Theme) {
    const COLUMN: usize = 5;
    const PARTS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    if years.is_empty() || area.height < 3 {
        return;
    }
    let room = usize::from(area.width);
    let (lead, fit) = if years.len() * COLUMN <= room {
        ("", years.len())
    } else {
        ("‹ ", (room.saturating_sub(2) / COLUMN).max(1))
    };
    let shown = &years[years.len().saturating_sub(fit)..];
    let most = shown.iter().map(|y| y.1).max().unwrap_or(0).max(1);
    let bar_rows = usize::from(area.height) - 2;
    let blank = " ".repeat(width(lead));
    let mut lines: Vec<Line> = Vec::new();
    for r in (0..bar_rows).rev() {
        let mut spans = vec![Span::raw(blank.clone())];
        for &(_, n) in shown {
            // Eighths of the bar's height; a count above 0 shows at least one.
            let eighths = if n == 0 {
                0
            } else {
                (n * bar_rows * 8).div_ceil(most).max(1)
            };
            let here = eighths.saturating_sub(r * 8).min(8);
            spans.push(Span::styled(PARTS[here].repeat(4), theme.accent()));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    let counts: String = shown
        .iter()
        .map(|&(_, n)| format!("{:>4} ", if n == 0 { String::new() } else { n.to_string() }))
        .collect();
    lines.push(Line::from(Span::raw(format!("{blank}{counts}"))));
    let labels: String = shown.iter().map(|(y, _)| format!("{y:04} ")).collect();
    lines.push(Line::from(vec![
        Span::styled(lead, theme.dim()),
        Span::styled(labels, theme.dim()),
    ]));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The chooser: the briefing's actors and countries, numbered.
pub fn chooser(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let (Some(c), Some(corpus)) = (state.dossier_chooser(), state.corpus()) else {
        return;
    };
    let lang = state.lang();
    let labels: Vec<String> = c
        .items
        .iter()
        .map(|s| match *s {
            Subject::Actor(a) => corpus
                .actor(a)
                .map(|a| match &a.short {
                    Some(s) if *s != a.name => format!("{s} · {}", a.name),
                    _ => a.name.clone(),
                })
                .unwrap_or_default(),
            Subject::Country(code) => format!("{} ({code})", code.name(lang)),
        })
        .collect();
    let widest = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 6;
    let w = (widest as u16 + 2).clamp(24, area.width.saturating_sub(4).max(10));
    let h = (labels.len() as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(3);
    let r = Rect::new(
        area.x + area.width.saturating_sub(w) / 2,
        area.y + area.height.saturating_sub(h) / 2,
        w,
        h,
    )
    .intersection(area);
    super::clear(frame, r);
    let block = theme
        .pane(state.text().dossier.choose.to_string(), true)
        .borders(Borders::ALL);
    let inner = Block::inner(&block, r);
    frame.render_widget(block, r);
    let rows = usize::from(inner.height);
    let first = c.cursor.saturating_sub(rows.saturating_sub(1));
    let iw = usize::from(inner.width);
    let lines: Vec<Line> = labels
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, l)| {
            let n = if i < 9 {
                (i + 1).to_string()
            } else {
                " ".into()
            };
            let text = pad(&truncate(&format!(" {n}  {}", sanitize(l, false)), iw), iw);
            let style = if i == c.cursor {
                theme.selected()
            } else {
                Style::new()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
