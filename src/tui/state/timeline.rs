//! The timeline over the results: a strip of bars, one per year (or per
//! month when the results span three years or less), counted by the core
//! with every filter but the dates' (`Facets::years`, `Facets::months`),
//! so the periods one could add stay visible. Focused, its cursor moves over
//! the periods; Enter restricts the results to one, a second one extends
//! the restriction to the range between them. The restriction is the dates
//! facet of the selection (`Selection::periods`), shared with the dates pane.

use brief_core::search::Facets;
use brief_core::search::periods::{Grain, Period};

use super::focus::set_focus;
use super::{Focus, State};

/// From this many rows the strip shows unless toggled off.
pub const SHOWN_FROM_ROWS: u16 = 30;
/// Lines the strip takes: its bars, then their labels.
pub const STRIP_HEIGHT: u16 = 2;

/// The strip's data: every period from the first to the last counted, those
/// without a briefing included (a bar of zero), so the axis is regular.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Strip {
    pub grain: Grain,
    pub bars: Vec<(Period, usize)>,
    /// Results with no date, counted apart.
    pub undated: usize,
    /// The highest bar's count.
    pub highest: usize,
}

impl Strip {
    /// The strip for the latest counts: by year, or by month when the
    /// dated results span three years or less (`Grain::fitting`).
    pub fn of(facets: &Facets) -> Strip {
        let undated = facets.years.undated;
        let Some((first, last)) = facets.years.years() else {
            return Strip {
                undated,
                ..Strip::default()
            };
        };
        let grain = Grain::fitting(first, last);
        let counts = match grain {
            Grain::Year => &facets.years,
            Grain::Month => &facets.months,
        };
        let mut bars: Vec<(Period, usize)> = Vec::new();
        match grain {
            Grain::Year => {
                for y in first..=last {
                    bars.push((Period::year(y), counts.count(Period::year(y))));
                }
            }
            Grain::Month => {
                // Every month of the span, and before each year's January
                // the row of its meetings known to the year only, if any.
                let months = counts.counts.iter().filter(|(p, _)| p.month.is_some());
                let (from, to) = (
                    months.clone().map(|(p, _)| *p).min(),
                    months.map(|(p, _)| *p).max(),
                );
                if let (Some(from), Some(to)) = (from, to) {
                    let mut p = from;
                    while p <= to {
                        bars.push((p, counts.count(p)));
                        p = p.next();
                    }
                }
                for &(p, n) in &counts.counts {
                    if p.month.is_none() {
                        bars.push((p, n));
                    }
                }
                bars.sort_unstable();
            }
        }
        let highest = bars.iter().map(|b| b.1).max().unwrap_or(0);
        Strip {
            grain,
            bars,
            undated,
            highest,
        }
    }
}

/// What the strip remembers between keystrokes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The user's toggle; `None`: shown from `SHOWN_FROM_ROWS` rows.
    pub toggled: Option<bool>,
    /// The period under the cursor while focused.
    pub cursor: Option<Period>,
    /// Where the restriction started: a second period extends from it.
    pub anchor: Option<Period>,
    /// The strip for the results shown.
    pub strip: Strip,
}

impl State {
    /// Whether the strip is on screen: toggled, or by the terminal's height.
    pub fn timeline_shown(&self) -> bool {
        self.timeline
            .toggled
            .unwrap_or(self.size.height >= SHOWN_FROM_ROWS)
    }

    /// The index of the strip's cursor among its bars.
    pub fn timeline_cursor(&self) -> Option<usize> {
        let bars = &self.timeline.strip.bars;
        let c = self.timeline.cursor?;
        bars.iter().position(|(p, _)| *p == c)
    }
}

/// The strip from the latest results, its cursor kept on its period if it
/// is still there, else on the latest period.
pub(super) fn rebuild_strip(state: &mut State) {
    state.timeline.strip = Strip::of(&state.results.facets);
    let bars = &state.timeline.strip.bars;
    let kept = state
        .timeline
        .cursor
        .filter(|c| bars.iter().any(|(p, _)| p == c));
    state.timeline.cursor = kept.or_else(|| bars.last().map(|b| b.0));
}

/// `t`: shows or hides the strip, at any size. Hidden, it loses the focus.
pub(super) fn toggle_timeline(state: &mut State) {
    state.timeline.toggled = Some(!state.timeline_shown());
    if !state.timeline_shown() && state.focus == Focus::Timeline {
        set_focus(state, Focus::List);
    } else {
        set_focus(state, state.focus);
    }
}

/// `T`: the focus on the strip, shown if it was not.
pub(super) fn focus_timeline(state: &mut State) {
    if !state.timeline_shown() {
        state.timeline.toggled = Some(true);
    }
    set_focus(state, Focus::Timeline);
}

/// `←`/`→` and the ends: the cursor over the periods.
pub(super) fn move_period(state: &mut State, step: isize) {
    let bars = &state.timeline.strip.bars;
    if bars.is_empty() {
        return;
    }
    let last = bars.len() - 1;
    let at = state.timeline_cursor().unwrap_or(last);
    let to = match step {
        isize::MIN => 0,
        isize::MAX => last,
        s => at.saturating_add_signed(s).min(last),
    };
    state.timeline.cursor = bars.get(to).map(|b| b.0);
}

/// Enter on the strip: restricts the results to the period under the
/// cursor; on a second period, to the range between the first and it; on a
/// period of a range, to that period alone; on the one period kept, lifts
/// the restriction.
pub(super) fn pick_period(state: &mut State) -> bool {
    let Some(p) = state.timeline.cursor else {
        return false;
    };
    let chosen = &state.selection.periods;
    let periods = if chosen.as_slice() == [p] {
        state.timeline.anchor = None;
        Vec::new()
    } else if chosen.is_empty() || chosen.contains(&p) {
        state.timeline.anchor = Some(p);
        vec![p]
    } else {
        let from = state
            .timeline
            .anchor
            .filter(|a| chosen.contains(a))
            .or_else(|| chosen.iter().min().copied())
            .unwrap_or(p);
        let (a, z) = if from <= p { (from, p) } else { (p, from) };
        state.timeline.anchor = Some(from);
        state
            .timeline
            .strip
            .bars
            .iter()
            .map(|b| b.0)
            .filter(|q| (a..=z).contains(q))
            .collect()
    };
    state.selection.periods = periods;
    true
}

/// The periods chosen, as the facet and status lines name them: a run of
/// consecutive periods as its ends (`2016–2018`), else each (`2016 | 2019-03`).
pub fn periods_label(periods: &[Period]) -> String {
    let mut sorted = periods.to_vec();
    sorted.sort_unstable();
    let run = sorted.len() > 1 && sorted.windows(2).all(|w| w[0].next() == w[1]);
    match (run, sorted.first(), sorted.last()) {
        (true, Some(a), Some(z)) => format!("{a}–{z}"),
        _ => sorted
            .iter()
            .map(Period::to_string)
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// A day as `2017-03-31`.
pub fn day_label((y, m, d): brief_core::model::Day) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}
