//! The actors and countries panes: values from the latest counts, narrowing, selecting.

use brief_core::search::periods::Period;
use brief_core::text::{NameMatch, best_name_match};
use brief_core::{ActorId, CountryCode};

use super::fit::clamp_view;
use super::{Effect, Focus, LineEdit, State};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetKey {
    Actor(ActorId),
    Country(CountryCode),
    /// A year (`month: None`) or a month of the dates pane.
    Period(Period),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetItem {
    pub key: FacetKey,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetPane {
    /// Values shown, after narrowing.
    pub items: Vec<FacetItem>,
    pub cursor: usize,
    pub offset: usize,
    /// Typed text narrowing the values, while narrowing.
    pub narrow: Option<LineEdit>,
}

/// Facet panes from the latest counts, selected values kept even at zero.
pub(super) fn rebuild_facets(state: &mut State) {
    let Some(corpus) = state.folder.corpus.clone() else {
        return;
    };
    // Acronym first, so a narrow pane still shows what matters.
    let actor_label = |id: ActorId| {
        corpus
            .actor(id)
            .map(|a| match &a.short {
                Some(s) if *s != a.name => format!("{s} · {}", a.name),
                _ => a.name.clone(),
            })
            .unwrap_or_default()
    };
    let mut actors: Vec<FacetItem> = state
        .results
        .facets
        .actors
        .iter()
        .map(|&(id, count)| FacetItem {
            key: FacetKey::Actor(id),
            label: actor_label(id),
            count,
            selected: state.selection.actors.contains(&id),
        })
        .collect();
    for &id in &state.selection.actors {
        if !actors.iter().any(|i| i.key == FacetKey::Actor(id)) {
            actors.push(FacetItem {
                key: FacetKey::Actor(id),
                label: actor_label(id),
                count: 0,
                selected: true,
            });
        }
    }
    let lang = state.prefs.lang;
    let country_label = |c: CountryCode| format!("{} ({c})", c.name(lang));
    let mut countries: Vec<FacetItem> = state
        .results
        .facets
        .countries
        .iter()
        .map(|&(c, count)| FacetItem {
            key: FacetKey::Country(c),
            label: country_label(c),
            count,
            selected: state.selection.countries.contains(&c),
        })
        .collect();
    for &c in &state.selection.countries {
        if !countries.iter().any(|i| i.key == FacetKey::Country(c)) {
            countries.push(FacetItem {
                key: FacetKey::Country(c),
                label: country_label(c),
                count: 0,
                selected: true,
            });
        }
    }
    // Selected values at the top, in the order chosen (as the status line
    // names them); the rest keep their order, most frequent first.
    let sel = &state.selection;
    actors.sort_by_key(|i| {
        match i.key {
            FacetKey::Actor(id) => sel.actors.iter().position(|&a| a == id),
            FacetKey::Country(_) | FacetKey::Period(_) => None,
        }
        .map_or(usize::MAX, |p| p)
    });
    countries.sort_by_key(|i| {
        match i.key {
            FacetKey::Country(c) => sel.countries.iter().position(|&x| x == c),
            FacetKey::Actor(_) | FacetKey::Period(_) => None,
        }
        .map_or(usize::MAX, |p| p)
    });
    // A value answers to every name it goes by, in both languages, as in
    // the search line: `iom` and `icmpd` find the OIM and the CIDPM.
    let names = |key: FacetKey| -> Vec<&str> {
        match key {
            FacetKey::Actor(id) => corpus
                .actor(id)
                .map(|a| a.names().collect())
                .unwrap_or_default(),
            FacetKey::Country(c) => c.country().names().collect(),
            FacetKey::Period(_) => Vec::new(),
        }
    };
    fill_pane(&mut state.actors, actors, &names);
    fill_pane(&mut state.countries, countries, &names);
    let dates = date_items(state);
    fill_pane(&mut state.dates, dates, &names);
    for f in [Focus::Actors, Focus::Countries, Focus::Dates] {
        let h = state.facet_height(f);
        if let Some(p) = state.facet_mut(f) {
            clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
        }
    }
    super::timeline::rebuild_strip(state);
}

/// The dates pane: years, most recent first, each followed by its months
/// (most recent first) when expanded or when one of them is chosen; chosen
/// periods no result falls in kept at zero.
fn date_items(state: &State) -> Vec<FacetItem> {
    let f = &state.results.facets;
    let chosen = &state.selection.periods;
    let mut years: Vec<u16> = f
        .years
        .counts
        .iter()
        .map(|(p, _)| p.year)
        .chain(chosen.iter().map(|p| p.year))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let item = |p: Period, count: usize| FacetItem {
        key: FacetKey::Period(p),
        label: match p.month {
            Some(_) => format!("  {p}"),
            None => p.to_string(),
        },
        count,
        selected: chosen.contains(&p),
    };
    let mut items = Vec::new();
    for y in years {
        items.push(item(Period::year(y), f.years.count(Period::year(y))));
        let open = state.expanded.contains(&y);
        let mut months: Vec<(Period, usize)> = f
            .months
            .counts
            .iter()
            .copied()
            .filter(|(p, _)| p.year == y && p.month.is_some())
            .filter(|(p, _)| open || chosen.contains(p))
            .collect();
        for &p in chosen {
            if p.year == y && p.month.is_some() && !months.iter().any(|m| m.0 == p) {
                months.push((p, 0));
            }
        }
        months.sort_unstable_by_key(|m| std::cmp::Reverse(m.0));
        items.extend(months.into_iter().map(|(p, n)| item(p, n)));
    }
    items
}

/// In the dates pane, `→` shows the months of the year under the cursor,
/// `←` hides them (from a month, the cursor goes back to its year).
pub(super) fn expand_year(state: &mut State, open: bool) {
    let Some(FacetKey::Period(p)) = state.dates.items.get(state.dates.cursor).map(|i| i.key) else {
        return;
    };
    if open {
        if !state.expanded.contains(&p.year) {
            state.expanded.push(p.year);
        }
    } else {
        state.expanded.retain(|&y| y != p.year);
        if let Some(at) = state
            .dates
            .items
            .iter()
            .position(|i| i.key == FacetKey::Period(Period::year(p.year)))
        {
            state.dates.cursor = at;
        }
    }
    rebuild_facets(state);
}

/// Sets a pane's items, selected values first, narrowed by its typed text,
/// keeping the cursor on the same value. While narrowing, a value one of
/// whose names is the typed text or starts with it comes before one that
/// only holds it (`rwa`: Rwanda before Norway), then the more frequent.
pub(super) fn fill_pane<'a>(
    pane: &mut FacetPane,
    items: Vec<FacetItem>,
    names: &dyn Fn(FacetKey) -> Vec<&'a str>,
) {
    let current = pane.items.get(pane.cursor).map(|i| i.key);
    let items = match &pane.narrow {
        Some(n) if !n.text.trim().is_empty() => {
            let mut ranked: Vec<(NameMatch, FacetItem)> = items
                .into_iter()
                .filter_map(|i| {
                    let label = std::iter::once(i.label.as_str());
                    let how = best_name_match(label.chain(names(i.key)), &n.text)?;
                    Some((how, i))
                })
                .collect();
            ranked.sort_by_key(|(how, i)| (*how, std::cmp::Reverse(i.count)));
            ranked.into_iter().map(|(_, i)| i).collect()
        }
        _ => items,
    };
    pane.cursor = current
        .and_then(|k| items.iter().position(|i| i.key == k))
        .unwrap_or(0);
    pane.items = items;
}

pub(super) fn toggle_facet(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(item) = state
        .facet(state.focus)
        .and_then(|p| p.items.get(p.cursor))
        .cloned()
    else {
        return;
    };
    match item.key {
        FacetKey::Actor(id) => {
            if let Some(at) = state.selection.actors.iter().position(|&a| a == id) {
                state.selection.actors.remove(at);
            } else {
                state.selection.actors.push(id);
            }
        }
        FacetKey::Country(c) => {
            if let Some(at) = state.selection.countries.iter().position(|&x| x == c) {
                state.selection.countries.remove(at);
            } else {
                state.selection.countries.push(c);
            }
        }
        FacetKey::Period(p) => {
            if let Some(at) = state.selection.periods.iter().position(|&x| x == p) {
                state.selection.periods.remove(at);
            } else {
                state.selection.periods.push(p);
            }
            // The strip extends from what it picked itself only.
            state.timeline.anchor = None;
        }
    }
    // The filter has done its work: the next name can be typed at once.
    if let Some(p) = state.facet_mut(state.focus) {
        p.narrow = None;
    }
    rebuild_facets(state);
    effects.push(state.request_new_search());
}

/// After the filter changed: the cursor on the first value it keeps that is
/// not selected yet, so Enter adds the best match.
pub(super) fn refilter(state: &mut State) {
    if let Some(p) = state.facet_mut(state.focus) {
        p.items.clear();
        p.offset = 0;
    }
    rebuild_facets(state);
    let h = state.facet_height(state.focus);
    if let Some(p) = state.facet_mut(state.focus) {
        p.cursor = p.items.iter().position(|i| !i.selected).unwrap_or(0);
        clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
    }
}
