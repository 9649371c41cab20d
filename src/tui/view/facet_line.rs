//! The one-line summary of the facets shown under the list while no facet
//! pane has the focus: the values chosen, or the key that reaches the panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use brief_core::text::{sanitize, truncate};

use super::Theme;
use crate::keys::action::Action;
use crate::keys::keymap::Scope;
use crate::tui::state::State;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(corpus) = &state.corpus() else {
        return;
    };
    let t = state.text();
    let colon = t.colon;
    let countries: Vec<&str> = state
        .selection()
        .countries
        .iter()
        .map(|c| c.name(state.lang()))
        .collect();
    let actors: Vec<&str> = state
        .selection()
        .actors
        .iter()
        .filter_map(|&a| corpus.actor(a))
        .map(|a| a.short_label())
        .collect();
    let key = state.keymap().key(Scope::List, Action::FocusNext);
    let periods = &state.selection().periods;
    let chosen = !countries.is_empty() || !actors.is_empty() || !periods.is_empty();
    let value = |v: &[&str]| {
        if v.is_empty() {
            t.any.to_string()
        } else {
            v.join(" | ")
        }
    };
    let mut text = format!(
        "{}{colon} {} · {}{colon} {}",
        t.countries,
        value(&countries),
        t.actors,
        value(&actors)
    );
    // The dates only once restricted: the timeline shows the rest.
    if !periods.is_empty() {
        text.push_str(&format!(
            " · {}{colon} {}",
            t.timeline.dates,
            crate::tui::state::timeline::periods_label(periods)
        ));
    }
    let w = usize::from(area.width).saturating_sub(1);
    let mut hint = format!(
        " · {key} {}",
        if chosen {
            t.to_change
        } else {
            t.to_filter_facets
        }
    );
    if brief_core::text::width(&text) + brief_core::text::width(&hint) > w {
        // Narrow: the values first, the key in few words.
        hint = format!(" · {key} {}", t.filters);
    }
    let hint_w = brief_core::text::width(&hint);
    let text = truncate(&sanitize(&text, false), w.saturating_sub(hint_w));
    let style = if chosen { theme.marked() } else { theme.dim() };
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(text, style),
        Span::styled(hint, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
