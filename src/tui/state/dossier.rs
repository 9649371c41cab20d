//! Dossiers: an actor's or a country's, opened from its pane (`→`) or, in
//! the list and the reader, chosen among the briefing's actors and
//! countries (`d`, then a digit or Enter). A dossier shows three sections
//! one moves through (whom it meets, which countries, its meetings); Enter
//! on an actor or a country opens its dossier over this one, Enter on a
//! meeting opens it in the reader, and Esc goes back one step at a time:
//! the reader to the dossier, a dossier to the one before, the first one to
//! where it was opened from.

use std::sync::Arc;

use ratatui::layout::{Constraint, Layout, Rect};

use brief_core::search::dossier::{Dossier, Subject, dossier};

use super::fit::{clamp_view, moved};
use super::focus::{relayout, set_focus};
use super::related::{remember_read, say_edge, step_in};
use super::{Effect, FacetKey, Focus, Followed, State};
use crate::keys::action::Action;

/// The sections of a dossier the cursor moves through, in `Tab` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DossierSection {
    Actors,
    Countries,
    #[default]
    Meetings,
}

impl DossierSection {
    const ALL: [DossierSection; 3] = [
        DossierSection::Actors,
        DossierSection::Countries,
        DossierSection::Meetings,
    ];

    fn index(self) -> usize {
        Self::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }
}

/// One dossier on the stack: what it shows and where its cursors are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierPage {
    pub dossier: Arc<Dossier>,
    pub section: DossierSection,
    /// Per section (`DossierSection::ALL` order): the cursor, the first row shown.
    pub cursors: [usize; 3],
    pub offsets: [usize; 3],
    /// The actor's id, by which a reload finds it again.
    actor_id: Option<String>,
    /// Opened from the reader showing a meeting of the dossier below it:
    /// `Esc` goes back to that meeting (the reader's back stack was this
    /// long before it).
    over_reader: Option<usize>,
}

impl DossierPage {
    fn new(corpus: &brief_core::Folder, dossier: Dossier) -> DossierPage {
        let actor_id = match dossier.subject {
            Subject::Actor(a) => corpus.actor(a).map(|a| a.id.clone()),
            Subject::Country(_) => None,
        };
        // The meetings first, unless there are none.
        let section = if dossier.meetings.is_empty() && !dossier.actors.is_empty() {
            DossierSection::Actors
        } else {
            DossierSection::Meetings
        };
        DossierPage {
            dossier: Arc::new(dossier),
            section,
            cursors: [0; 3],
            offsets: [0; 3],
            actor_id,
            over_reader: None,
        }
    }

    /// How many rows a section lists.
    pub fn len(&self, section: DossierSection) -> usize {
        let d = &self.dossier;
        match section {
            DossierSection::Actors => d.actors.len(),
            DossierSection::Countries => d.countries.len(),
            DossierSection::Meetings => d.meetings.len(),
        }
    }

    pub fn cursor(&self, section: DossierSection) -> usize {
        self.cursors[section.index()]
    }

    pub fn offset(&self, section: DossierSection) -> usize {
        self.offsets[section.index()]
    }
}

/// The chooser of the list and the reader: the briefing's actors, then its
/// countries (its place's country too), numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chooser {
    pub doc: usize,
    pub items: Vec<Subject>,
    pub cursor: usize,
}

/// The dossiers open, the newest last, and what they were opened from.
#[derive(Debug, Default)]
pub(super) struct Dossiers {
    pub(super) stack: Vec<DossierPage>,
    /// Where `Esc` out of the first dossier goes.
    pub(super) from: Focus,
    /// A meeting is read in the reader: the reader's back stack was this
    /// long before it, so going back past it comes back to the dossier.
    pub(super) reading: Option<usize>,
    pub(super) chooser: Option<Chooser>,
}

/// Where a dossier's parts go in `area`: the identity lines, the bars per
/// year, and the three sections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DossierAreas {
    pub header: Rect,
    pub years: Rect,
    pub actors: Rect,
    pub countries: Rect,
    pub meetings: Rect,
}

/// The title line and six lines about who and what (names, kind, roles,
/// meetings, topics, places).
pub const HEADER_LINES: u16 = 7;

pub fn dossier_areas(area: Rect) -> DossierAreas {
    let years = if area.height >= 32 { 6 } else { 4 };
    let [header, years, rest] = Layout::vertical([
        Constraint::Length(HEADER_LINES),
        Constraint::Length(years),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [left, meetings] =
        Layout::horizontal([Constraint::Percentage(38), Constraint::Fill(1)]).areas(rest);
    let [actors, countries] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(left);
    DossierAreas {
        header,
        years,
        actors,
        countries,
        meetings,
    }
}

impl State {
    /// The dossier shown (the newest opened), if any.
    pub fn dossier(&self) -> Option<&DossierPage> {
        self.dossiers.stack.last()
    }

    /// How many dossiers are open, one over the other.
    pub fn dossier_depth(&self) -> usize {
        self.dossiers.stack.len()
    }

    /// The chooser of whose dossier to open, while it is open.
    pub fn dossier_chooser(&self) -> Option<&Chooser> {
        self.dossiers.chooser.as_ref()
    }

    /// Rows a dossier's section shows (inside its border).
    fn section_height(&self, section: DossierSection) -> usize {
        let Some(area) = self.areas().dossier else {
            return 10;
        };
        let a = dossier_areas(area);
        let r = match section {
            DossierSection::Actors => a.actors,
            DossierSection::Countries => a.countries,
            DossierSection::Meetings => a.meetings,
        };
        usize::from(r.height.saturating_sub(2)).max(1)
    }
}

/// `OpenDossier`: from a facet pane, the value under its cursor; from the
/// list or the reader, the chooser of the briefing's actors and countries
/// (or that one dossier, when it names only one).
pub(super) fn open_dossier(state: &mut State) {
    match state.focus {
        Focus::Actors | Focus::Countries => {
            let key = state
                .facet(state.focus)
                .and_then(|p| p.items.get(p.cursor))
                .map(|i| i.key);
            match key {
                Some(FacetKey::Actor(a)) => push(state, Subject::Actor(a)),
                Some(FacetKey::Country(c)) => push(state, Subject::Country(c)),
                Some(FacetKey::Period(_)) | None => {
                    state.message = Some(state.text().dossier.nothing_here.into())
                }
            }
        }
        Focus::List | Focus::Reader => {
            let doc = if state.focus == Focus::Reader {
                state.reader_doc()
            } else {
                state.selected_doc()
            };
            let Some(doc) = doc else {
                state.message = Some(state.text().dossier.nothing_here.into());
                return;
            };
            let items = subjects_of(state, doc);
            match items.as_slice() {
                [] => state.message = Some(state.text().dossier.nobody.into()),
                [one] => push(state, *one),
                _ => {
                    state.dossiers.chooser = Some(Chooser {
                        doc,
                        items,
                        cursor: 0,
                    })
                }
            }
        }
        Focus::Search | Focus::Dossier | Focus::Timeline | Focus::Dates => {}
    }
}

/// A briefing's actors (once each), then its countries and its place's.
fn subjects_of(state: &State, doc: usize) -> Vec<Subject> {
    let Some(b) = state
        .folder
        .corpus
        .as_ref()
        .and_then(|c| c.briefings.get(doc).cloned())
    else {
        return Vec::new();
    };
    let mut items: Vec<Subject> = Vec::new();
    let subjects = (b.actors.iter().map(|a| Subject::Actor(a.actor)))
        .chain(b.countries.iter().map(|&c| Subject::Country(c)))
        .chain(b.location.country.map(Subject::Country));
    for s in subjects {
        if !items.contains(&s) {
            items.push(s);
        }
    }
    items
}

/// What the chooser does with an action; it takes every key while open.
pub(super) fn on_chooser_action(state: &mut State, action: Action) {
    let Some(chooser) = state.dossiers.chooser.as_mut() else {
        return;
    };
    let n = chooser.items.len();
    match action {
        Action::Back => state.dossiers.chooser = None,
        Action::MoveDown | Action::MoveUp | Action::First | Action::Last => {
            chooser.cursor = moved(action, chooser.cursor, n, n);
        }
        Action::Open => {
            let chosen = chooser.items.get(chooser.cursor).copied();
            state.dossiers.chooser = None;
            if let Some(s) = chosen {
                push(state, s);
            }
        }
        Action::Insert(c) => {
            let chosen = c
                .to_digit(10)
                .and_then(|d| (d as usize).checked_sub(1))
                .and_then(|i| chooser.items.get(i).copied());
            if let Some(s) = chosen {
                state.dossiers.chooser = None;
                push(state, s);
            }
        }
        _ => {}
    }
}

/// Opens the dossier of `subject` over what is shown.
fn push(state: &mut State, subject: Subject) {
    let Some(corpus) = state.folder.corpus.clone() else {
        return;
    };
    let mut page = DossierPage::new(&corpus, dossier(&corpus, subject, state.prefs.lang));
    // From a meeting read from a dossier, the new one goes over both.
    let over_reader = match state.focus {
        Focus::Reader => state.dossiers.reading.take(),
        _ => None,
    };
    if state.focus != Focus::Dossier && over_reader.is_none() {
        state.dossiers.stack.clear();
        state.dossiers.reading = None;
        state.dossiers.from = state.focus;
    }
    page.over_reader = over_reader;
    state.dossiers.stack.push(page);
    set_focus(state, Focus::Dossier);
}

/// `Tab`/`Shift-Tab` in a dossier: the next or previous section.
pub(super) fn next_section(state: &mut State, forward: bool) {
    if let Some(page) = state.dossiers.stack.last_mut() {
        let n = DossierSection::ALL.len();
        let i = page.section.index();
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        page.section = DossierSection::ALL[next];
    }
}

/// The cursor keys, in the dossier's section.
pub(super) fn move_in_dossier(state: &mut State, action: Action) {
    let Some(section) = state.dossier().map(|p| p.section) else {
        return;
    };
    let h = state.section_height(section);
    if let Some(page) = state.dossiers.stack.last_mut() {
        let len = page.len(section);
        let i = section.index();
        page.cursors[i] = moved(action, page.cursors[i], len, h);
        clamp_view(&mut page.cursors[i], &mut page.offsets[i], len, h);
    }
}

/// Keeps each section's window around its cursor after a resize.
impl State {
    /// The open dossier's cursors kept in view (a method, so that the
    /// relayout in `focus.rs` needs nothing from this file: no cycle).
    pub(super) fn clamp_dossier(&mut self) {
        let heights = DossierSection::ALL.map(|s| self.section_height(s));
        if let Some(page) = self.dossiers.stack.last_mut() {
            for (i, s) in DossierSection::ALL.into_iter().enumerate() {
                let len = page.len(s);
                clamp_view(&mut page.cursors[i], &mut page.offsets[i], len, heights[i]);
            }
        }
    }
}

/// `Enter` in a dossier: the dossier of the actor or country under the
/// cursor, or the meeting in the reader.
pub(super) fn open_in_dossier(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(page) = state.dossier() else {
        return;
    };
    let at = page.cursor(page.section);
    let d = &page.dossier;
    match page.section {
        DossierSection::Actors => {
            if let Some(&(a, _)) = d.actors.get(at) {
                push(state, Subject::Actor(a));
            }
        }
        DossierSection::Countries => {
            if let Some(&(c, _)) = d.countries.get(at) {
                push(state, Subject::Country(c));
            }
        }
        DossierSection::Meetings => {
            if let Some(&doc) = d.meetings.get(at) {
                read_meeting(state, doc, effects);
            }
        }
    }
}

/// A meeting of the dossier in the reader, the dossier kept to come back to.
fn read_meeting(state: &mut State, doc: usize, effects: &mut Vec<Effect>) {
    let base = match state.dossiers.reading {
        Some(base) => base,
        None => state.reader.trail.len(),
    };
    state.reader.trail.truncate(base);
    state.reader.trail.push(Followed {
        doc,
        from_scroll: state.reader.scroll,
    });
    state.dossiers.reading = Some(base);
    set_focus(state, Focus::Reader);
    remember_read(state, doc, effects);
}

/// `J`/`K` in the reader, on a meeting read from a dossier: the next or the
/// previous of the dossier's meetings. False when not reading from one.
pub(super) fn step_meeting(state: &mut State, forward: bool, effects: &mut Vec<Effect>) -> bool {
    if state.dossiers.reading.is_none() || state.focus != Focus::Reader {
        return false;
    }
    let Some(page) = state.dossiers.stack.last_mut() else {
        return false;
    };
    let i = DossierSection::Meetings.index();
    let n = page.dossier.meetings.len();
    let at = page.cursors[i];
    let Some(next) = step_in(at, n, forward) else {
        say_edge(state, forward);
        return true;
    };
    page.cursors[i] = next;
    page.section = DossierSection::Meetings;
    if let Some(&doc) = page.dossier.meetings.get(next) {
        read_meeting(state, doc, effects);
    }
    state.clamp_dossier();
    true
}

/// `Esc` in a dossier: the meeting it was opened from, the dossier before,
/// or back where the first was opened.
pub(super) fn back_from_dossier(state: &mut State) {
    let left = state.dossiers.stack.pop();
    if let Some(base) = left.and_then(|p| p.over_reader) {
        state.dossiers.reading = Some(base);
        set_focus(state, Focus::Reader);
        return;
    }
    if state.dossiers.stack.is_empty() {
        let from = state.dossiers.from;
        state.dossiers.reading = None;
        set_focus(state, from);
    } else {
        relayout(state);
    }
}

/// After going back in the reader: the dossier again once the meeting read
/// from it is left. True when it was.
pub(super) fn back_to_dossier(state: &mut State) -> bool {
    match state.dossiers.reading {
        Some(base) if state.reader.trail.len() <= base && !state.dossiers.stack.is_empty() => {
            state.dossiers.reading = None;
            set_focus(state, Focus::Dossier);
            true
        }
        _ => false,
    }
}

/// The folder was read again: each dossier counted again on the new corpus
/// (its numbering changed), the actors found again by id.
pub(super) fn refresh_dossiers(state: &mut State) {
    state.dossiers.chooser = None;
    if state.dossiers.stack.is_empty() {
        return;
    }
    let Some(corpus) = state.folder.corpus.clone() else {
        return;
    };
    let lang = state.prefs.lang;
    let old = std::mem::take(&mut state.dossiers.stack);
    for page in old {
        let subject = match page.dossier.subject {
            Subject::Country(c) => Some(Subject::Country(c)),
            // The previous corpus's ids are gone with it: its actor is
            // found by name in the new one.
            Subject::Actor(_) => page
                .actor_id
                .as_deref()
                .and_then(|id| corpus.registry.actors().iter().position(|a| a.id == id))
                .map(Subject::Actor),
        };
        if let Some(s) = subject {
            let mut new = DossierPage::new(&corpus, dossier(&corpus, s, lang));
            new.section = page.section;
            new.cursors = page.cursors;
            new.offsets = page.offsets;
            new.over_reader = page.over_reader;
            state.dossiers.stack.push(new);
        }
    }
    if state.dossiers.stack.is_empty() && state.focus == Focus::Dossier {
        let from = state.dossiers.from;
        set_focus(state, from);
    }
    state.clamp_dossier();
}
