//! Filters and the briefing to open from the command line (or the last
//! session), applied once the folder is loaded.

use super::State;

pub(super) fn apply_launch(state: &mut State) {
    let Some(corpus) = state.folder.corpus.clone() else {
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
    state.marks.only = launch.only.or(state.marks.only);
    for c in &launch.countries {
        match brief_core::query::parse_country(c) {
            Ok(code) if !state.selection.countries.contains(&code) => {
                state.selection.countries.push(code)
            }
            Ok(_) => {}
            Err(e) => errors.push(e.message(state.prefs.lang)),
        }
    }
    for a in &launch.actors {
        match brief_core::query::parse_actor(a, &corpus.registry) {
            Ok(id) if !state.selection.actors.contains(&id) => state.selection.actors.push(id),
            Ok(_) => {}
            Err(e) => errors.push(e.message(state.prefs.lang)),
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
