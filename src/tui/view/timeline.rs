//! The timeline over the results: a bar per period in block characters
//! (`▁▂▃▄▅▆▇█`, readable without colour and over SSH), the highest count
//! and the undated beside it, the period labels under the bars.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use brief_core::search::periods::Grain;
use brief_core::text::width;

use super::Theme;
use crate::tui::state::{Focus, State};

const LEVELS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The block of a bar of `count` where the highest is `highest`: a period
/// with at least one briefing always shows.
pub fn bar(count: usize, highest: usize) -> char {
    if count == 0 || highest == 0 {
        return LEVELS[0];
    }
    let level = (count * 8).div_ceil(highest).clamp(1, 8);
    LEVELS[level]
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let strip = state.timeline();
    let t = &state.text().timeline;
    let lang = state.lang();
    let focused = state.focus() == Focus::Timeline;
    let lead = if focused { theme.marker() } else { " " };
    let mut side = Vec::new();
    if strip.highest > 0 {
        side.push((t.highest)(&lang.number(strip.highest)));
    }
    if strip.undated > 0 {
        side.push((t.undated)(&lang.number(strip.undated)));
    }
    let side = side.join(" · ");
    if strip.bars.is_empty() {
        let text = if side.is_empty() {
            t.nothing_dated.to_string()
        } else {
            format!("{} · {side}", t.nothing_dated)
        };
        let line = Line::from(vec![Span::raw(lead), Span::styled(text, theme.dim())]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let w = usize::from(area.width);
    let room = w.saturating_sub(1 + width(&side) + 2).max(1);
    let n = strip.bars.len();
    // Each bar as wide as the room allows, up to five cells (a year's label and a space).
    let bw = (room / n).clamp(1, 5);
    let fit = (room / bw).max(1);
    // More periods than room: the window keeps the cursor in view, the
    // latest periods shown by default.
    let cursor = state.timeline_cursor().unwrap_or(n - 1);
    let start = if n <= fit {
        0
    } else {
        cursor
            .saturating_sub(fit / 2)
            .min(n - fit)
            .max(cursor.saturating_sub(fit - 1))
    };
    let shown = &strip.bars[start..(start + fit).min(n)];
    let chosen = &state.selection().periods;
    let restricted = !chosen.is_empty();
    let mut bars = vec![Span::raw(lead)];
    let mut labels = vec![Span::raw(" ")];
    let mut label_end = 0; // cells of the label line used, after the lead
    for (i, &(p, count)) in shown.iter().enumerate() {
        let at = start + i;
        let c = bar(count, strip.highest);
        let cells: String = if bw >= 3 {
            std::iter::repeat_n(c, bw - 1).chain([' ']).collect()
        } else {
            std::iter::repeat_n(c, bw).collect()
        };
        // A bar is chosen with its period, or with the year holding it or
        // a month of its year (the dates pane mixes them).
        let is_chosen = chosen.iter().any(|q| {
            *q == p
                || (q.year == p.year
                    && (q.month.is_none() || (strip.grain == Grain::Year && p.month.is_none())))
        });
        let mut style = if is_chosen {
            theme.marked()
        } else if restricted {
            theme.dim()
        } else {
            Style::new()
        };
        if focused && at == cursor {
            style = style.patch(theme.selected());
        }
        bars.push(Span::styled(cells, style));
        // A label where a year begins (by month) or at each year (by
        // year), when there is room since the last one.
        let x = i * bw;
        // By month, wide bars also name their month (`03`).
        let label = match (strip.grain, p.month) {
            (Grain::Year, _) | (Grain::Month, None | Some(1)) => Some(p.year.to_string()),
            (Grain::Month, Some(_)) if i == 0 => Some(p.to_string()),
            (Grain::Month, Some(m)) if bw >= 3 => Some(format!("{m:02}")),
            _ => None,
        };
        if let Some(label) = label
            && (x >= label_end || x == 0)
            && x + width(&label) <= room
        {
            labels.push(Span::raw(" ".repeat(x - label_end.min(x))));
            let lstyle = if focused && at == cursor {
                theme.selected()
            } else {
                theme.dim()
            };
            label_end = x + width(&label) + 1;
            labels.push(Span::styled(label, lstyle));
            labels.push(Span::raw(" "));
        }
    }
    let used = 1 + shown.len() * bw;
    bars.push(Span::raw(" ".repeat(w.saturating_sub(used + width(&side)))));
    bars.push(Span::styled(side, theme.dim()));
    let mut lines = vec![Line::from(bars)];
    if area.height > 1 {
        lines.push(Line::from(labels));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
