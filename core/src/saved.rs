//! Saved searches run against a folder, and moved between machines.
//!
//! A saved search ([`SavedSearch`], kept in the remembered state) is run the
//! same way by `brief saved`, `brief search --saved` and the browser's list
//! of saved searches: its query as typed, its countries and actors as the
//! panes' filters. What is new is what it finds now that it did not find,
//! in that version, when last opened: a briefing added since, or changed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::load::Folder;
use crate::query::{Filter, QueryError};
use crate::remembered::SavedSearch;
use crate::search::{Hit, Selection};

/// What a saved search finds now.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Ranked, best first.
    pub hits: Vec<Hit>,
    /// The fingerprint of each hit, in the same order.
    pub fingerprints: Vec<u64>,
}

impl Found {
    /// How many hits are new for `saved`.
    pub fn count_new(&self, saved: &SavedSearch) -> usize {
        saved.count_new(&self.fingerprints)
    }

    /// The hits new for `saved`, in rank order.
    pub fn new_hits(&self, saved: &SavedSearch) -> Vec<Hit> {
        self.hits
            .iter()
            .zip(&self.fingerprints)
            .filter(|(_, f)| !saved.has_seen(**f))
            .map(|(h, _)| *h)
            .collect()
    }
}

/// The panes' filters of a saved search. A country or actor the folder no
/// longer knows is an error, as typed in a query.
pub fn selection(folder: &Folder, saved: &SavedSearch) -> Result<Selection, QueryError> {
    let mut sel = Selection::default();
    for c in &saved.countries {
        let code = crate::query::parse_country(c)?;
        if !sel.countries.contains(&code) {
            sel.countries.push(code);
        }
    }
    for a in &saved.actors {
        let id = crate::query::parse_actor(a, &folder.registry)?;
        if !sel.actors.contains(&id) {
            sel.actors.push(id);
        }
    }
    for p in &saved.periods {
        let period = p.parse().map_err(|reason| QueryError::InvalidDate {
            value: p.clone(),
            reason,
        })?;
        if !sel.periods.contains(&period) {
            sel.periods.push(period);
        }
    }
    Ok(sel)
}

/// Runs `saved` over `folder` (waiting for the text index), within `also`
/// (a list of ids, say) and `filters` (dates from the command line).
pub fn find(
    folder: &Folder,
    saved: &SavedSearch,
    also: &Selection,
    filters: &[(bool, Filter)],
) -> Result<Found, QueryError> {
    let mut query = if saved.query.trim().is_empty() {
        crate::query::Query::default()
    } else {
        crate::search::parse_query(folder, &saved.query)?
    };
    query.filters.extend_from_slice(filters);
    let mut sel = selection(folder, saved)?;
    sel.ids.clone_from(&also.ids);
    sel.years = sel.years.or(also.years);
    let hits = crate::search::search(folder, &query, &sel);
    let docs: Vec<usize> = hits.iter().map(|h| h.doc).collect();
    let fingerprints = folder.fingerprints(&docs);
    Ok(Found { hits, fingerprints })
}

/// Seconds since the Unix epoch, for [`SavedSearch::opened`].
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The file `brief saved --export` writes and `--import` reads.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Exported {
    saved: Vec<ExportedSearch>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportedSearch {
    name: String,
    #[serde(default)]
    query: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    periods: Vec<String>,
}

/// Saved searches as YAML, for another machine: names, queries and
/// facets; what each has seen stays here.
pub fn export(saved: &BTreeMap<String, SavedSearch>) -> String {
    let all = Exported {
        saved: saved
            .iter()
            .map(|(name, s)| ExportedSearch {
                name: name.clone(),
                query: s.query.clone(),
                countries: s.countries.clone(),
                actors: s.actors.clone(),
                periods: s.periods.clone(),
            })
            .collect(),
    };
    let yaml = serde_yaml::to_string(&all).unwrap_or_default();
    format!("# brief's saved searches: brief saved --import FILE\n{yaml}")
}

/// Saved searches read from an export, in its order; an error says where
/// (line and column) the text stops being one.
pub fn import(text: &str) -> Result<Vec<(String, SavedSearch)>, String> {
    let all: Exported = serde_yaml::from_str(text).map_err(|e| match e.location() {
        Some(at) => format!("line {}, column {}: {e}", at.line(), at.column()),
        None => e.to_string(),
    })?;
    let mut out = Vec::new();
    for s in all.saved {
        let name = s.name.trim().to_string();
        if name.is_empty() {
            return Err("a saved search has an empty name".to_string());
        }
        out.push((
            name,
            SavedSearch {
                query: s.query,
                countries: s.countries,
                actors: s.actors,
                periods: s.periods,
                ..SavedSearch::default()
            },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_imports_back_without_what_was_seen() {
        let mut saved = BTreeMap::new();
        saved.insert(
            "Burundi: 2016".to_string(),
            SavedSearch {
                query: "pays:BI \"trafic de migrants\" # not a comment".into(),
                countries: vec!["BI".into()],
                actors: vec![],
                periods: vec!["2016".into(), "2017-03".into()],
                opened: Some(12),
                seen: vec![1, 2, 3],
            },
        );
        let text = export(&saved);
        let back = import(&text).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].0, "Burundi: 2016");
        assert_eq!(back[0].1.query, saved["Burundi: 2016"].query);
        assert_eq!(back[0].1.countries, vec!["BI".to_string()]);
        assert_eq!(back[0].1.periods, saved["Burundi: 2016"].periods);
        assert!(back[0].1.seen.is_empty() && back[0].1.opened.is_none());
    }

    #[test]
    fn a_broken_import_says_where() {
        let err = import("saved:\n  - name: x\n    query: [unclosed\n").unwrap_err();
        assert!(err.contains("line "), "{err}");
        assert!(import("saved:\n  - name: ' '\n").is_err());
        assert!(import("saved:\n  - nom: x\n").is_err());
    }
}
