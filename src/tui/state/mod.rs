//! Plain data, and `update(state, msg) -> effects`: the only place state changes.
//!
//! The types live here; `update` dispatches each message to the file of its
//! concern. Nothing here draws or imports the views.

mod access;
mod authorship;
mod copy;
mod dossier;
mod facets;
mod fit;
mod focus;
mod help;
mod history;
mod launch;
pub mod layout;
mod line_edit;
mod marks;
mod message;
mod mouse;
mod navigation;
mod notices;
mod picks;
mod reader;
mod related;
mod reload;
mod saved;
mod search;
pub mod timeline;
mod update;

use std::sync::Arc;

use ratatui::layout::Rect;

use brief_core::config::Theme;
use brief_core::model::Only;
use brief_core::model::{IdSet, Sort};
use brief_core::remembered::LastView;
use brief_core::search::{Facets, Hit};
use brief_core::{Lang, Problem, Query, Selection};

use crate::keys::keymap::{Keymap, Scope};
use crate::tui::launch::Launch;

pub use authorship::{Authorship, HistoryAnswer, Stamp};
pub use brief_core::searcher::{Results, SearchRequest};
pub use dossier::{
    Chooser, DossierAreas, DossierPage, DossierSection, HEADER_LINES, dossier_areas,
};
pub use facets::{FacetItem, FacetKey, FacetPane};
pub use help::{HelpSearch, help_matches, overlay_area};
pub use layout::{Areas, areas};
pub use line_edit::LineEdit;
pub use message::{Effect, Msg, Update};
pub use notices::Remembered;
pub use picks::ReportTo;
pub use reader::{Followed, LineKind, Reader, ReaderLine, RelatedLink};
pub use reload::Reload;
pub use saved::{Counted, Prompt, PromptFor, SavedEntry, SavedKind};
pub use update::update;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    Search,
    #[default]
    List,
    Actors,
    Countries,
    Reader,
    /// The timeline over the results.
    Timeline,
    /// The dates pane, beside actors and countries.
    Dates,
    /// The dossier of an actor or a country, over the panes (not in `Tab`'s
    /// cycle: `Tab` moves between its sections).
    Dossier,
}

impl Focus {
    const CYCLE: [Focus; 7] = [
        Focus::Search,
        Focus::List,
        Focus::Actors,
        Focus::Countries,
        Focus::Dates,
        Focus::Timeline,
        Focus::Reader,
    ];

    /// The facet panes: actors, countries, dates.
    pub fn is_facet(self) -> bool {
        matches!(self, Focus::Actors | Focus::Countries | Focus::Dates)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overlay {
    #[default]
    None,
    Help {
        scroll: usize,
    },
    Problems {
        scroll: usize,
    },
    /// The saved searches and named sets.
    Saved,
}

/// How a new browser is set up: where it looks, what the command line asked,
/// the terminal, and the user's config. Build with `..Default::default()`.
#[derive(Debug)]
pub struct Settings {
    /// Where the briefings come from, until the corpus says so itself.
    pub origin: String,
    pub launch: Launch,
    pub size: Rect,
    /// The keys in force: defaults plus the user's overrides.
    pub keymap: Arc<Keymap>,
    pub theme: Theme,
    /// False with NO_COLOR (and with `theme: monochrome`).
    pub color: bool,
    /// On the Linux console: glyphs its fonts are sure to have.
    pub plain_glyphs: bool,
    /// Source URLs as OSC 8 hyperlinks.
    pub links: bool,
    pub reader_width: Option<u16>,
    pub mouse: bool,
    pub sort: Sort,
    /// Config problems: the first goes on the status line, all in the problems view.
    pub problems: Vec<Problem>,
    /// The interface language. The default is English, whatever the machine's
    /// locale: the program resolves `ui_language` and the locale before this.
    pub lang: Lang,
    /// The folder may be in a git work tree: the reader asks for the history
    /// of the briefing it opens (`Effect::History`). Off for the built-in
    /// briefings, and by default.
    pub git_history: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            origin: String::new(),
            launch: Launch::default(),
            size: Rect::default(),
            keymap: Arc::default(),
            theme: Theme::default(),
            color: false,
            plain_glyphs: false,
            links: true,
            reader_width: None,
            mouse: false,
            sort: Sort::default(),
            problems: Vec::new(),
            lang: Lang::default(),
            git_history: false,
        }
    }
}

/// The user's settings for the session, from `Settings`.
#[derive(Debug, Default)]
struct Prefs {
    /// The keys in force: defaults plus the user's overrides.
    keymap: Arc<Keymap>,
    theme: Theme,
    /// False with NO_COLOR: styles fall back to bold, reverse and underline.
    color: bool,
    /// On the Linux console (TERM=linux): glyphs its fonts are sure to have.
    plain_glyphs: bool,
    /// Source URLs as OSC 8 hyperlinks in the reader: off on TERM=linux and
    /// TERM=dumb, and with `links: false` in the config.
    links: bool,
    /// Widest the reader's text grows; `None`: the pane's width.
    reader_width: Option<u16>,
    /// Mouse clicks and wheel are taken.
    mouse: bool,
    /// The interface language: every text on screen is in it.
    lang: Lang,
}

/// The folder: its corpus once loaded, and what is known about it meanwhile.
#[derive(Debug, Default)]
struct Folder {
    corpus: Option<Arc<brief_core::Folder>>,
    origin: String,
    loading: Option<(usize, usize)>,
    load_error: Option<String>,
    /// Why live reload is off, when it is.
    watch_off: Option<String>,
    /// Config and remembered-state problems, shown with the loading problems.
    notices: Vec<Problem>,
    /// How many of the corpus's text-index notices were shown already.
    index_notices_shown: usize,
}

/// The results on screen and the list over them.
#[derive(Debug, Default)]
struct Listing {
    hits: Vec<Hit>,
    facets: Facets,
    highlight: Vec<String>,
    query: Query,
    /// Why the query was refused, said in the interface language when drawn.
    query_error: Option<brief_core::query::QueryError>,
    /// How the query was read (`Results::reading`), said while it is typed.
    reading: Vec<brief_core::search::reading::Reading>,
    /// Generation of the latest search asked for.
    generation: u64,
    /// Generation of the results on screen.
    shown: u64,
    /// The results shown do not cover the article text yet (its index is being built).
    partial: bool,
    cursor: usize,
    offset: usize,
    /// The query or a filter changed: its results show from the first, as
    /// in fzf (a reload or a sort keeps the selection).
    to_top: bool,
    /// Enter was pressed in the search line before its results came: the
    /// first of them opens in the reader when they do.
    open_first: bool,
}

/// Read marks and bookmarks, remembered between runs, and the filter on them.
#[derive(Debug, Default)]
struct Marks {
    read: IdSet,
    bookmarks: IdSet,
    only: Option<Only>,
}

/// The browser's state. Every field is private to this module: the views
/// read it through the accessors below, and `update` is the only way to
/// change it.
#[derive(Debug, Default)]
pub struct State {
    prefs: Prefs,
    folder: Folder,
    results: Listing,
    marks: Marks,
    focus: Focus,
    /// The facet pane shown when only one fits.
    facet_tab: Focus,
    overlay: Overlay,
    /// The search in the `?` help.
    help: HelpSearch,
    search: LineEdit,
    selection: Selection,
    actors: FacetPane,
    countries: FacetPane,
    /// The dates pane: years, most recent first, each expanding to its months.
    dates: FacetPane,
    /// Years of the dates pane expanded to their months.
    expanded: Vec<u16>,
    timeline: timeline::Timeline,
    reader: Reader,
    size: Rect,
    message: Option<String>,
    launch: Launch,
    /// The session is ending; `update` reports it as `Effect::Quit`.
    quit: bool,
    sort: Sort,
    /// Earlier searches, oldest first.
    history: Vec<String>,
    /// While recalling: the history entry shown and the line as it was typed.
    recalling: Option<(usize, String)>,
    /// The dossiers open, and the chooser of the list and the reader.
    dossiers: dossier::Dossiers,
    /// The marked briefings: a working set for the session.
    picks: picks::Picks,
    /// The saved searches and sets, as last listed.
    saved: saved::SavedView,
    /// A name being typed (to save a search or a set, to rename).
    prompt: Option<saved::Prompt>,
    /// Who added and who changed the briefings opened, from git's history.
    histories: authorship::Histories,
}

impl State {
    /// A browser before its folder is loaded, set up from `settings`.
    pub fn new(settings: Settings) -> State {
        let Settings {
            origin,
            launch,
            size,
            keymap,
            theme,
            color,
            plain_glyphs,
            links,
            reader_width,
            mouse,
            sort,
            problems,
            lang,
            git_history,
        } = settings;
        // The keys' help and hints speak the interface language too.
        let mut keymap = keymap;
        if keymap.lang != lang {
            Arc::make_mut(&mut keymap).lang = lang;
        }
        let mut state = State {
            prefs: Prefs {
                keymap,
                theme,
                // Monochrome means no colour, whatever the terminal can do.
                color: color && theme != Theme::Monochrome,
                plain_glyphs,
                links,
                reader_width,
                mouse,
                lang,
            },
            folder: Folder {
                origin,
                loading: Some((0, 0)),
                ..Folder::default()
            },
            launch,
            size,
            facet_tab: Focus::Actors,
            sort,
            ..State::default()
        };
        state.histories.on = git_history;
        notices::tell(&mut state, problems);
        state
    }

    /// What the interface says, in its language.
    pub fn text(&self) -> &'static brief_core::lang::Text {
        self.prefs.lang.text()
    }

    pub fn areas(&self) -> Areas {
        areas(self.size, self.focus, self.facet_tab, self.timeline_shown())
    }

    /// The briefing under the list cursor.
    pub fn selected_doc(&self) -> Option<usize> {
        self.results.hits.get(self.results.cursor).map(|h| h.doc)
    }

    /// Active key scopes, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.dossiers.chooser.is_some() {
            return vec![Scope::DossierChoice];
        }
        if self.prompt.is_some() {
            return vec![Scope::Prompt];
        }
        match self.overlay {
            Overlay::Saved => return vec![Scope::Saved],
            Overlay::Help { .. } if self.help.find.is_some() => {
                return vec![Scope::HelpFind, Scope::Help];
            }
            Overlay::Help { .. } => return vec![Scope::Help],
            Overlay::Problems { .. } => return vec![Scope::Problems],
            Overlay::None => {}
        }
        let mut s = Vec::new();
        match self.focus {
            Focus::Search => s.push(Scope::Search),
            Focus::List => s.push(Scope::List),
            Focus::Timeline => s.push(Scope::Timeline),
            Focus::Actors | Focus::Countries | Focus::Dates => {
                // Once a filter is typed, Space types a space ("Burkina Faso").
                if self
                    .facet(self.focus)
                    .is_some_and(|f| f.narrow.as_ref().is_some_and(|n| !n.text.is_empty()))
                {
                    s.push(Scope::FacetNarrow);
                }
                s.push(Scope::Facets);
            }
            Focus::Reader => {
                if self.reader.find.is_some() {
                    s.push(Scope::ArticleFind);
                }
                s.push(Scope::Reader);
            }
            Focus::Dossier => s.push(Scope::Dossier),
        }
        s.push(Scope::Global);
        s
    }

    pub fn facet(&self, focus: Focus) -> Option<&FacetPane> {
        match focus {
            Focus::Actors => Some(&self.actors),
            Focus::Countries => Some(&self.countries),
            Focus::Dates => Some(&self.dates),
            _ => None,
        }
    }

    fn facet_mut(&mut self, focus: Focus) -> Option<&mut FacetPane> {
        match focus {
            Focus::Actors => Some(&mut self.actors),
            Focus::Countries => Some(&mut self.countries),
            Focus::Dates => Some(&mut self.dates),
            _ => None,
        }
    }

    /// A search for a new query or new filters: its results show from the
    /// first, whatever was selected before.
    fn request_new_search(&mut self) -> Effect {
        self.results.to_top = true;
        self.request_search()
    }

    fn request_search(&mut self) -> Effect {
        self.results.generation += 1;
        let mut selection = self.selection.clone();
        selection.ids = self
            .marks
            .only
            .map(|o| o.filter(&self.marks.read, &self.marks.bookmarks));
        Effect::Search(SearchRequest {
            generation: self.results.generation,
            text: self.search.text.clone(),
            selection,
            sort: self.sort,
            // Typing never waits for the article text's index: until it is
            // ready, results cover titles and names, then come again.
            wait_for_text: false,
        })
    }

    /// The briefing under the list cursor, shared, so `state` can change meanwhile.
    pub fn selected_briefing(&self) -> Option<Arc<brief_core::Briefing>> {
        let doc = self.selected_doc()?;
        self.folder.corpus.as_ref()?.briefings.get(doc).cloned()
    }

    /// The id of the briefing under the list cursor.
    pub fn selected_id(&self) -> Option<&str> {
        let doc = self.selected_doc()?;
        self.folder
            .corpus
            .as_ref()?
            .briefings
            .get(doc)
            .map(|b| b.id.as_str())
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.marks.read.contains(id)
    }

    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.marks.bookmarks.contains(id)
    }

    /// Where the session is: remembered when it ends, restored on the next start.
    pub fn last_view(&self) -> LastView {
        let actors = self
            .selection
            .actors
            .iter()
            .filter_map(|&a| {
                self.folder
                    .corpus
                    .as_ref()?
                    .actor(a)
                    .map(|a| a.name.clone())
            })
            .collect();
        LastView {
            query: self.search.text.clone(),
            countries: self
                .selection
                .countries
                .iter()
                .map(|c| c.as_str().to_string())
                .collect(),
            actors,
            selected: self.selected_id().map(str::to_string),
            sort: Some(self.sort),
            only: self.marks.only,
        }
    }

    /// Every problem to show: config and state first, then loading.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.folder
            .notices
            .iter()
            .chain(self.folder.corpus.iter().flat_map(|c| c.problems.iter()))
    }

    /// Rows visible in the list pane.
    /// Whether the selected row shows its title on two lines.
    pub fn selected_two_lines(&self) -> bool {
        let Some(r) = self.areas().list else {
            return false;
        };
        let inner = usize::from(r.width.saturating_sub(2));
        self.selected_briefing()
            .is_some_and(|b| layout::selected_takes_two_lines(inner, &b.title))
    }

    /// One less while the selected title takes a second line.
    fn list_height(&self) -> usize {
        let Some(r) = self.areas().list else {
            return 10;
        };
        let rows = usize::from(r.height.saturating_sub(2));
        let two = self.selected_two_lines();
        rows.saturating_sub(usize::from(two && rows > 2)).max(1)
    }

    fn reader_height(&self) -> usize {
        self.areas()
            .reader
            .map_or(10, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }

    fn facet_height(&self, focus: Focus) -> usize {
        let a = self.areas();
        let r = match focus {
            Focus::Actors => a.actors,
            Focus::Dates => a.dates,
            _ => a.countries,
        };
        r.map_or(10, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }
}
