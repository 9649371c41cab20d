//! Filters and the briefing to open from the command line (or the last
//! session), applied once the folder is loaded.

use brief_core::model::Only;
use brief_core::model::Sort;
use brief_core::remembered::LastView;

use super::State;

/// Filters and the briefing to open, from the command line.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub query: Option<String>,
    pub countries: Vec<String>,
    pub actors: Vec<String>,
    pub open: Option<String>,
    /// A briefing to select without opening it.
    pub select: Option<String>,
    pub sort: Option<Sort>,
    pub only: Option<Only>,
    /// Restored from the last session: names that no longer exist are dropped quietly.
    pub restored: bool,
}

impl Launch {
    /// True when the command line asked for nothing in particular.
    pub fn is_empty(&self) -> bool {
        self.query.is_none()
            && self.countries.is_empty()
            && self.actors.is_empty()
            && self.open.is_none()
            && self.select.is_none()
    }

    /// Where the last session was left.
    pub fn from_last(last: &LastView) -> Launch {
        Launch {
            query: (!last.query.is_empty()).then(|| last.query.clone()),
            countries: last.countries.clone(),
            actors: last.actors.clone(),
            open: None,
            select: last.selected.clone(),
            sort: last.sort,
            only: last.only,
            restored: true,
        }
    }
}

pub(super) fn apply_launch(state: &mut State) {
    let Some(corpus) = state.corpus.clone() else {
        return;
    };
    let launch = std::mem::take(&mut state.launch);
    let mut errors = Vec::new();
    if let Some(q) = &launch.query {
        state.search.set(q);
    }
    if let Some(sort) = launch.sort {
        state.sort = sort;
    }
    state.only = launch.only.or(state.only);
    for c in &launch.countries {
        match brief_core::query::parse_country(c) {
            Ok(code) if !state.selection.countries.contains(&code) => {
                state.selection.countries.push(code)
            }
            Ok(_) => {}
            Err(e) => errors.push(e.message(state.lang)),
        }
    }
    for a in &launch.actors {
        match brief_core::query::parse_actor(a, &corpus.registry) {
            Ok(id) if !state.selection.actors.contains(&id) => state.selection.actors.push(id),
            Ok(_) => {}
            Err(e) => errors.push(e.message(state.lang)),
        }
    }
    if let Some(id) = &launch.select {
        state.launch.select = Some(id.clone());
    }
    if launch.restored {
        // The folder changed since: what is gone is simply not restored.
        errors.clear();
    }
    if let Some(id) = &launch.open {
        // The same reading of an id as every command's (`brief::ids`).
        match crate::ids::resolve(&corpus, id) {
            crate::ids::Resolved::One(doc) => {
                state.launch.open = corpus.briefings.get(doc).map(|b| b.id.to_string())
            }
            crate::ids::Resolved::Many(docs) => {
                let ids: Vec<String> = docs
                    .iter()
                    .take(5)
                    .filter_map(|&d| corpus.briefings.get(d).map(|b| b.id.to_string()))
                    .chain((docs.len() > 5).then(|| "…".to_string()))
                    .collect();
                errors.push((state.text().several_briefings)(
                    id,
                    docs.len(),
                    &ids.join(", "),
                ));
            }
            crate::ids::Resolved::None => errors.push(match corpus.suggest_id(id) {
                Some(s) => (state.text().no_such_briefing_hint)(id, s),
                None => (state.text().no_such_briefing)(id),
            }),
        }
    }
    if !errors.is_empty() {
        state.message = Some(errors.join("; "));
    }
}
