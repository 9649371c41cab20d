//! The status line: counts, active filters, problems, the query's error, key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use brief_core::Severity;
use brief_core::text::{sanitize, width};

use super::Theme;
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::state::State;

/// `3 of 8 briefings · pays: Tunisie · acteur: CIDPM`.
pub fn summary(state: &State) -> String {
    let t = state.text();
    let lang = state.lang();
    let Some(corpus) = &state.corpus() else {
        return match (&state.load_error(), state.loading()) {
            (Some(e), _) => (t.cannot_load)(e),
            (None, Some((done, total))) if total > 0 => {
                (t.loading_files)(&lang.number(done), &lang.number(total))
            }
            _ => t.loading.to_string(),
        };
    };
    let mut parts = vec![(t.of_briefings)(
        &lang.number(state.hits().len()),
        &lang.number(corpus.briefings.len()),
        corpus.briefings.len(),
    )];
    if !state.selection().countries.is_empty() {
        let names: Vec<&str> = state
            .selection()
            .countries
            .iter()
            .map(|c| c.name(lang))
            .collect();
        parts.push(format!(
            "{}{} {}",
            t.countries_filter,
            t.colon,
            names.join(" | ")
        ));
    }
    if !state.selection().actors.is_empty() {
        let names: Vec<&str> = state
            .selection()
            .actors
            .iter()
            .filter_map(|&a| corpus.actor(a))
            .map(|a| a.short_label())
            .collect();
        parts.push(format!(
            "{}{} {}",
            t.actors_filter,
            t.colon,
            names.join(" | ")
        ));
    }
    // On the timeline, the period under the cursor says more.
    let on_timeline = state.focus() == crate::tui::state::Focus::Timeline;
    if !state.selection().periods.is_empty() && !on_timeline {
        parts.push(format!(
            "{}{} {}",
            t.timeline.dates,
            t.colon,
            crate::tui::state::timeline::periods_label(&state.selection().periods)
        ));
    }
    // On the timeline: the period under its cursor, its count and its days.
    if on_timeline && let Some(p) = state.timeline_period() {
        use crate::tui::state::timeline::day_label;
        let strip = state.timeline();
        let count = strip.bars.iter().find(|b| b.0 == p).map_or(0, |b| b.1);
        let label = if p.month.is_none() && strip.grain == brief_core::search::periods::Grain::Month
        {
            (t.timeline.year_known_only)(&p.to_string())
        } else {
            p.to_string()
        };
        let days = p.range();
        parts.push((t.timeline.period)(
            &label,
            &lang.number(count),
            count,
            &days.from.map(day_label).unwrap_or_default(),
            &days.to.map(day_label).unwrap_or_default(),
        ));
    }
    // How the query was read, while it is typed (elsewhere the hints need
    // the room), unless a message does.
    if state.focus() == crate::tui::state::Focus::Search
        && state.message().is_none()
        && state.query_error().is_none()
    {
        parts.extend(state.reading().iter().map(|r| r.message(state.lang())));
    }
    if !state.marked().is_empty() {
        let n = state.marked().len();
        parts.push((lang.picks().count)(&lang.number(n), n));
    }
    if state.generation() != state.shown() {
        parts.push(t.searching.to_string());
    } else if state.partial() && !state.query().terms.is_empty() {
        // How far the index had got when this screen was drawn.
        let (done, total) = corpus.index.text_progress();
        parts.push((t.text_indexing)((total > 0).then(|| done * 100 / total)));
    }
    parts.join(" · ")
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let mut spans = vec![Span::styled(
        sanitize(&summary(state), false).into_owned(),
        theme.title(false),
    )];
    let t = state.text();
    if let Some(corpus) = &state.corpus() {
        // Actor names merely not in actors.yaml are no problem to count here;
        // the problems view sums them up in one line.
        let errors = corpus.count_real(Severity::Error);
        let warnings = corpus.count_real(Severity::Warning);
        if errors + warnings > 0 {
            let style = if errors > 0 {
                theme.error()
            } else {
                theme.warn()
            };
            spans.push(Span::raw(" · "));
            // The key, when one opens the problems from here (not in the search line).
            let key = state
                .keymap()
                .key_now(&state.scopes(), Action::Problems)
                .map(|k| format!(" ({k})"))
                .unwrap_or_default();
            spans.push(Span::styled(
                format!(
                    "{} {}{key}",
                    theme.warning_sign(),
                    (t.problems_count)(&state.lang().number(errors + warnings), errors + warnings),
                ),
                style,
            ));
        }
    }
    if let Some(w) = &state.watch_off() {
        spans.push(Span::raw(" · "));
        let text = (t.live_reload_off)(w);
        spans.push(Span::styled(
            sanitize(&text, false).into_owned(),
            theme.warn(),
        ));
    }
    if let Some(e) = &state.query_error() {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            sanitize(&e.message(state.lang()), false).into_owned(),
            theme.error(),
        ));
    } else if let Some(m) = &state.message() {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(sanitize(m, false).into_owned(), theme.warn()));
    }
    // The way to the help always shows; the other hints fill the room left.
    // A key that works from here: in a facet pane `?` is typed, F1 is not.
    // (None with the help open: its keys close it.)
    let help_at = spans.len();
    if let Some(help) = state.keymap().key_now(&state.scopes(), Action::Help) {
        spans.push(Span::styled(
            format!(" · {help} {}", t.help),
            theme.title(false),
        ));
    }
    fit_left(&mut spans, usize::from(area.width), help_at);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let scopes = state.scopes();
    // In a facet pane letters are typed: say so first, as the keys that act there are not letters.
    let typing = (scopes.first() == Some(&Scope::Facets)).then(|| t.type_to_filter.to_string());
    let hints: Vec<String> = typing
        .into_iter()
        .chain(
            state
                .keymap()
                .hints(&scopes)
                .into_iter()
                .filter(|(_, _, action)| *action != Action::Help)
                .map(|(k, h, _)| format!("{k} {h}")),
        )
        .collect();
    let room = usize::from(area.width).saturating_sub(used + 3);
    let mut hint_text = String::new();
    for h in hints {
        let next = if hint_text.is_empty() {
            h
        } else {
            format!("{hint_text} · {h}")
        };
        if width(&next) > room {
            break;
        }
        hint_text = next;
    }
    if !hint_text.is_empty() {
        let gap = usize::from(area.width).saturating_sub(used + width(&hint_text));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(hint_text, theme.dim()));
    }
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), area);
}

/// The left of the status line within `cells`: without the way to the help
/// (at `help_at`) when it does not fit, then its last texts cut at a word
/// and ended with `…`, never cut mid-word by the edge of the screen.
fn fit_left(spans: &mut Vec<Span<'static>>, cells: usize, help_at: usize) {
    let used = |spans: &[Span]| spans.iter().map(|s| width(&s.content)).sum::<usize>();
    if used(spans) > cells && help_at < spans.len() {
        spans.truncate(help_at);
    }
    while used(spans) > cells {
        let Some(last) = spans.pop() else {
            return;
        };
        let room = cells.saturating_sub(used(spans));
        // A separator alone, or nothing left of the text: drop it whole.
        if room > 1 && last.content.trim() != "·" {
            let text = brief_core::text::truncate_words(&last.content, room);
            spans.push(Span::styled(text, last.style));
        }
    }
}

/// The name prompt, over the status line: what it is for, the name typed
/// with its cursor, and its keys.
pub fn prompt(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(p) = state.prompt() else {
        return;
    };
    let label = state.prompt_label();
    let text = sanitize(&p.edit.text, false).into_owned();
    let (before, after): (String, String) = {
        let at = p.edit.cursor.min(text.chars().count());
        (
            text.chars().take(at).collect(),
            text.chars().skip(at).collect(),
        )
    };
    let mut after_chars = after.chars();
    let under = after_chars.next().map_or(" ".to_string(), String::from);
    let rest: String = after_chars.collect();
    let hints: Vec<String> = state
        .keymap()
        .hints(&state.scopes())
        .into_iter()
        .map(|(k, h, _)| format!("{k} {h}"))
        .collect();
    let hints = hints.join(" · ");
    let used = width(&label) + width(&before) + width(&under) + width(&rest);
    let gap = usize::from(area.width).saturating_sub(used + width(&hints));
    let mut spans = vec![
        Span::styled(label, theme.title(false)),
        Span::raw(before),
        Span::styled(under, theme.selected()),
        Span::raw(rest),
    ];
    if gap > 0 {
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(hints, theme.dim()));
    }
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
