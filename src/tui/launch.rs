//! What the command line (or the last session) asks the browser to show
//! first: plain data, built by `main` and applied by the state once the
//! folder is loaded.

use brief_core::model::Only;
use brief_core::model::Sort;
use brief_core::remembered::LastView;

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
