//! Plain data, and `update(state, msg) -> effects`: the only place state changes.

use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use brief_core::config::Theme;
use brief_core::remembered::{LastView, Only, push_history};
use brief_core::search::{Facets, Hit, IdSet, Sort, find_ranges, word_ranges};
use brief_core::text::{fold, sanitize, width};
use brief_core::{ActorId, Corpus, CountryCode, Problem, Query, Selection};

use super::action::Action;
use super::keymap::{Keymap, Scope};
use super::layout::{Areas, areas};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    Search,
    #[default]
    List,
    Actors,
    Countries,
    Reader,
}

impl Focus {
    const CYCLE: [Focus; 5] = [
        Focus::Search,
        Focus::List,
        Focus::Actors,
        Focus::Countries,
        Focus::Reader,
    ];
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
}

/// A one-line text field with a cursor counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    pub text: String,
    pub cursor: usize,
}

impl LineEdit {
    fn byte(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map_or(self.text.len(), |(b, _)| b)
    }
    fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }
    fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        let at = self.byte(self.cursor);
        self.text.remove(at);
        true
    }
    fn delete_forward(&mut self) -> bool {
        if self.cursor >= self.text.chars().count() {
            return false;
        }
        let at = self.byte(self.cursor);
        self.text.remove(at);
        true
    }
    fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
    fn set(&mut self, s: &str) {
        self.text = s.to_string();
        self.cursor = s.chars().count();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetKey {
    Actor(ActorId),
    Country(CountryCode),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    /// A `label  value` line; the label takes this many cells.
    Meta(usize),
    Heading,
    /// A kind of actor under the actors heading.
    Subheading,
    Summary,
    Body,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLine {
    pub text: String,
    pub kind: LineKind,
    /// Char ranges of the query's words, highlighted.
    pub marks: Vec<Range<usize>>,
    /// For the source URL's lines: the address its value (after the label's
    /// cells) links to, already checked by `text::link_target`.
    pub link: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reader {
    /// Index in `Corpus::briefings` of the briefing laid out.
    pub doc: Option<usize>,
    pub lines: Vec<ReaderLine>,
    pub scroll: usize,
    pub width: u16,
    /// The article search being typed, if any.
    pub find: Option<LineEdit>,
    /// The last article search, its matches (line, char range) and the current one.
    pub find_term: String,
    pub matches: Vec<(usize, Range<usize>)>,
    pub current: Option<usize>,
}

/// What the worker found for one request.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub generation: u64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    pub highlight: Vec<String>,
    /// The query the hits answer, for highlighting titles in the list.
    pub query: Query,
    pub error: Option<String>,
}

/// What to search for, tagged so stale answers can be dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub text: String,
    pub selection: Selection,
    pub sort: Sort,
}

/// What happened.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    Resize(u16, u16),
    Progress(usize, usize),
    Loaded(Arc<Corpus>),
    LoadFailed(String),
    Results(Results),
    /// Something to tell the user on the status line.
    Notice(String),
    /// A mouse click at a cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel over a cell: down (towards the end) or up.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Files of the folder changed and it was read again.
    Reloaded(Reload),
    /// Reading the folder again failed, or it cannot be watched.
    ReloadFailed(String),
    /// The folder cannot be watched: live reload is off.
    WatchFailed(String),
}

/// The folder read again while the browser runs.
#[derive(Debug)]
pub struct Reload {
    pub corpus: Arc<Corpus>,
    pub changes: brief_core::reload::Changes,
    /// For each briefing of the corpus shown until now, its index in the new one.
    pub doc_map: Vec<Option<usize>>,
}

/// What to do outside `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Search(SearchRequest),
    /// Write what is remembered between runs (off the input path).
    Remember(Snapshot),
    Suspend,
    Quit,
    /// Put this text on the clipboard (OSC 52, written by the event loop).
    Copy {
        text: String,
    },
}

/// What is remembered about the folder, as of now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub read: IdSet,
    pub bookmarks: IdSet,
    pub history: Vec<String>,
    pub last: LastView,
}

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

#[derive(Debug, Default)]
pub struct State {
    pub corpus: Option<Arc<Corpus>>,
    pub origin: String,
    pub loading: Option<(usize, usize)>,
    pub load_error: Option<String>,
    pub focus: Focus,
    /// The facet pane shown when only one fits.
    pub facet_tab: Focus,
    pub overlay: Overlay,
    pub search: LineEdit,
    pub selection: Selection,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    pub highlight: Vec<String>,
    pub query: Query,
    pub query_error: Option<String>,
    pub generation: u64,
    /// Generation of the results on screen.
    pub shown: u64,
    pub cursor: usize,
    pub offset: usize,
    pub actors: FacetPane,
    pub countries: FacetPane,
    pub reader: Reader,
    pub size: Rect,
    pub message: Option<String>,
    pub launch: Launch,
    pub quit: bool,
    /// False with NO_COLOR: styles fall back to bold, reverse and underline.
    pub color: bool,
    /// On the Linux console (TERM=linux): glyphs its fonts are sure to have.
    pub plain_glyphs: bool,
    pub theme: Theme,
    /// The keys in force: defaults plus the user's overrides.
    pub keymap: Arc<Keymap>,
    /// Widest the reader's text grows; `None`: the pane's width.
    pub reader_width: Option<u16>,
    /// Mouse clicks and wheel are taken.
    pub mouse: bool,
    pub sort: Sort,
    pub only: Option<Only>,
    /// Ids of briefings opened (read) and bookmarked, remembered between runs.
    pub read: IdSet,
    pub bookmarks: IdSet,
    /// Earlier searches, oldest first.
    pub history: Vec<String>,
    /// While recalling: the history entry shown and the line as it was typed.
    pub recalling: Option<(usize, String)>,
    /// Config and remembered-state problems, shown with the loading problems.
    pub notices: Vec<Problem>,
    /// Source URLs as OSC 8 hyperlinks in the reader: true from `State::new`,
    /// off on TERM=linux and TERM=dumb, and with `links: false` in the config.
    pub links: bool,
    /// Why live reload is off, when it is.
    pub watch_off: Option<String>,
}

impl State {
    pub fn new(origin: String, launch: Launch, size: Rect) -> State {
        State {
            origin,
            launch,
            size,
            loading: Some((0, 0)),
            facet_tab: Focus::Actors,
            links: true,
            ..State::default()
        }
    }

    pub fn areas(&self) -> Areas {
        areas(self.size, self.focus, self.facet_tab)
    }

    /// The briefing under the list cursor.
    pub fn selected_doc(&self) -> Option<usize> {
        self.hits.get(self.cursor).map(|h| h.doc)
    }

    /// Active key scopes, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self.overlay {
            Overlay::Help { .. } => return vec![Scope::Help],
            Overlay::Problems { .. } => return vec![Scope::Problems],
            Overlay::None => {}
        }
        let mut s = Vec::new();
        match self.focus {
            Focus::Search => s.push(Scope::Search),
            Focus::List => s.push(Scope::List),
            Focus::Actors | Focus::Countries => {
                if self.facet(self.focus).is_some_and(|f| f.narrow.is_some()) {
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
        }
        s.push(Scope::Global);
        s
    }

    pub fn facet(&self, focus: Focus) -> Option<&FacetPane> {
        match focus {
            Focus::Actors => Some(&self.actors),
            Focus::Countries => Some(&self.countries),
            _ => None,
        }
    }

    fn facet_mut(&mut self, focus: Focus) -> Option<&mut FacetPane> {
        match focus {
            Focus::Actors => Some(&mut self.actors),
            Focus::Countries => Some(&mut self.countries),
            _ => None,
        }
    }

    fn request_search(&mut self) -> Effect {
        self.generation += 1;
        let mut selection = self.selection.clone();
        selection.ids = self.only.map(|o| o.filter(&self.read, &self.bookmarks));
        Effect::Search(SearchRequest {
            generation: self.generation,
            text: self.search.text.clone(),
            selection,
            sort: self.sort,
        })
    }

    /// The briefing under the list cursor, shared, so `state` can change meanwhile.
    pub fn selected_briefing(&self) -> Option<Arc<brief_core::Briefing>> {
        let doc = self.selected_doc()?;
        self.corpus.as_ref()?.briefings.get(doc).cloned()
    }

    /// The id of the briefing under the list cursor.
    pub fn selected_id(&self) -> Option<&str> {
        let doc = self.selected_doc()?;
        self.corpus
            .as_ref()?
            .briefings
            .get(doc)
            .map(|b| b.id.as_str())
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains(id)
    }

    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.bookmarks.contains(id)
    }

    /// Everything to remember, as of now.
    pub fn snapshot(&self) -> Snapshot {
        let actors = self
            .selection
            .actors
            .iter()
            .filter_map(|&a| self.corpus.as_ref()?.actor(a).map(|a| a.name.clone()))
            .collect();
        Snapshot {
            read: self.read.clone(),
            bookmarks: self.bookmarks.clone(),
            history: self.history.clone(),
            last: LastView {
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
                only: self.only,
            },
        }
    }

    /// Every problem to show: config and state first, then loading.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.notices
            .iter()
            .chain(self.corpus.iter().flat_map(|c| c.problems.iter()))
    }

    /// Rows visible in the list pane.
    fn list_height(&self) -> usize {
        self.areas()
            .list
            .map_or(10, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }

    fn reader_height(&self) -> usize {
        self.areas()
            .reader
            .map_or(10, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }

    fn facet_height(&self, focus: Focus) -> usize {
        let a = self.areas();
        let r = if focus == Focus::Actors {
            a.actors
        } else {
            a.countries
        };
        r.map_or(10, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }
}

/// Keeps `cursor` within `len` items and visible in a window of `height` rows from `offset`.
fn clamp_view(cursor: &mut usize, offset: &mut usize, len: usize, height: usize) {
    *cursor = (*cursor).min(len.saturating_sub(1));
    if *cursor < *offset {
        *offset = *cursor;
    } else if *cursor >= *offset + height {
        *offset = *cursor + 1 - height;
    }
    *offset = (*offset).min(len.saturating_sub(height));
}

/// New cursor after a movement action over `len` items with a page of `page` rows.
fn moved(action: Action, cursor: usize, len: usize, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::MoveUp => cursor.saturating_sub(1),
        Action::MoveDown => (cursor + 1).min(last),
        Action::First => 0,
        Action::Last => last,
        Action::PageUp => cursor.saturating_sub(page),
        Action::PageDown => (cursor + page).min(last),
        Action::HalfPageUp => cursor.saturating_sub((page / 2).max(1)),
        Action::HalfPageDown => (cursor + (page / 2).max(1)).min(last),
        _ => cursor,
    }
}

fn is_move(a: Action) -> bool {
    matches!(
        a,
        Action::MoveUp
            | Action::MoveDown
            | Action::First
            | Action::Last
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
    )
}

/// The result of one `update`: what to do, and whether the screen changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Update {
    pub effects: Vec<Effect>,
    pub redraw: bool,
}

pub fn update(state: &mut State, msg: Msg) -> Update {
    let mut effects = Vec::new();
    let redraw = match msg {
        Msg::Action(a) => {
            state.message = None;
            on_action(state, a, &mut effects);
            true
        }
        Msg::Resize(w, h) => {
            state.size = Rect::new(0, 0, w, h);
            relayout(state);
            true
        }
        Msg::Progress(done, total) => {
            state.loading = Some((done, total));
            true
        }
        Msg::LoadFailed(e) => {
            state.loading = None;
            state.load_error = Some(e);
            true
        }
        Msg::Loaded(corpus) => {
            state.loading = None;
            state.origin = corpus.origin.clone();
            state.corpus = Some(corpus);
            apply_launch(state);
            effects.push(state.request_search());
            true
        }
        Msg::Results(r) => on_results(state, r),
        Msg::Click { column, row } => {
            state.message = None;
            on_click(state, column, row, &mut effects);
            true
        }
        Msg::Wheel { column, row, down } => on_wheel(state, column, row, down),
        Msg::Notice(text) => {
            state.message = Some(text);
            true
        }
        Msg::Reloaded(r) => on_reloaded(state, r, &mut effects),
        Msg::ReloadFailed(e) => {
            state.message = Some(format!("cannot read the folder again: {e}"));
            true
        }
        Msg::WatchFailed(e) => {
            state.watch_off = Some(e);
            true
        }
    };
    if state.quit {
        effects.push(Effect::Quit);
    }
    Update { effects, redraw }
}

fn apply_launch(state: &mut State) {
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
            Err(e) => errors.push(e.0),
        }
    }
    for a in &launch.actors {
        match brief_core::query::parse_actor(a, &corpus.registry) {
            Ok(id) if !state.selection.actors.contains(&id) => state.selection.actors.push(id),
            Ok(_) => {}
            Err(e) => errors.push(e.0),
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
        match corpus.position(id) {
            Some(_) => state.launch.open = Some(id.clone()),
            None => errors.push(match corpus.suggest_id(id) {
                Some(s) => format!("no briefing '{id}'; did you mean '{s}'?"),
                None => format!("no briefing '{id}'"),
            }),
        }
    }
    if !errors.is_empty() {
        state.message = Some(errors.join("; "));
    }
}

fn on_results(state: &mut State, r: Results) -> bool {
    if r.generation != state.generation {
        return false; // stale: a newer request is on its way
    }
    state.shown = r.generation;
    state.query_error = r.error;
    if state.query_error.is_some() {
        // Keep the last good results on screen while the query is malformed.
        return true;
    }
    let before = state.selected_doc();
    state.hits = r.hits;
    state.facets = r.facets;
    state.highlight = r.highlight;
    state.query = r.query;
    let open = state.launch.open.take();
    let select = state.launch.select.take();
    let corpus = state.corpus.clone();
    let wanted = open
        .as_deref()
        .or(select.as_deref())
        .and_then(|id| corpus.as_ref().and_then(|c| c.position(id)))
        .or(before);
    state.cursor = wanted
        .and_then(|d| state.hits.iter().position(|h| h.doc == d))
        .unwrap_or(0);
    if open.is_some() && wanted.is_some() && state.hits.iter().any(|h| Some(h.doc) == wanted) {
        state.focus = Focus::Reader;
        mark_read(state);
    }
    rebuild_facets(state);
    relayout(state);
    true
}

/// Facet panes from the latest counts, selected values kept even at zero.
fn rebuild_facets(state: &mut State) {
    let Some(corpus) = state.corpus.clone() else {
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
    let country_label = |c: CountryCode| format!("{} ({c})", c.name_fr());
    let mut countries: Vec<FacetItem> = state
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
    fill_pane(&mut state.actors, actors);
    fill_pane(&mut state.countries, countries);
    for f in [Focus::Actors, Focus::Countries] {
        let h = state.facet_height(f);
        if let Some(p) = state.facet_mut(f) {
            clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
        }
    }
}

/// Sets a pane's items, narrowed by its typed text, keeping the cursor on the same value.
fn fill_pane(pane: &mut FacetPane, mut items: Vec<FacetItem>) {
    let current = pane.items.get(pane.cursor).map(|i| i.key);
    if let Some(n) = &pane.narrow {
        let needle = fold(&n.text);
        items.retain(|i| fold(&i.label).contains(&needle));
    }
    pane.cursor = current
        .and_then(|k| items.iter().position(|i| i.key == k))
        .unwrap_or(0);
    pane.items = items;
}

/// Recomputes what depends on the layout: list and reader windows, reader lines.
fn relayout(state: &mut State) {
    let h = state.list_height();
    clamp_view(&mut state.cursor, &mut state.offset, state.hits.len(), h);
    for f in [Focus::Actors, Focus::Countries] {
        let h = state.facet_height(f);
        if let Some(p) = state.facet_mut(f) {
            clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
        }
    }
    let a = state.areas();
    if let Some(r) = a.reader {
        let pane = r.width.saturating_sub(3).max(10);
        let width = state.reader_width.map_or(pane, |w| w.min(pane));
        let doc = state.selected_doc();
        if doc != state.reader.doc || width != state.reader.width || state.reader.lines.is_empty() {
            let same = doc == state.reader.doc;
            state.reader.doc = doc;
            state.reader.width = width;
            layout_reader(state);
            if !same {
                state.reader.scroll = 0;
            }
        } else {
            mark_reader(state);
        }
    }
    let h = state.reader_height();
    state.reader.scroll = state
        .reader
        .scroll
        .min(state.reader.lines.len().saturating_sub(h));
}

fn wrap_into(out: &mut Vec<ReaderLine>, text: &str, width: usize, kind: LineKind, indent: usize) {
    let text = sanitize(text, false);
    let pad = " ".repeat(indent);
    // No splitting at hyphens: ids and compound names stay whole.
    let opts = textwrap::Options::new(width.max(indent + 8))
        .subsequent_indent(&pad)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(&text, opts) {
        out.push(ReaderLine {
            text: line.into_owned(),
            kind,
            marks: Vec::new(),
            link: None,
        });
    }
}

/// Lays out the selected briefing for the reader at its width.
fn layout_reader(state: &mut State) {
    let mut lines = Vec::new();
    let corpus = state.corpus.clone();
    let b = state.reader.doc.and_then(|d| {
        corpus
            .as_ref()
            .and_then(|c| c.briefings.get(d).map(|b| (c, b)))
    });
    if let Some((corpus, b)) = b {
        let w = usize::from(state.reader.width);
        let blank = || ReaderLine {
            text: String::new(),
            kind: LineKind::Blank,
            marks: Vec::new(),
            link: None,
        };
        wrap_into(&mut lines, &b.title, w, LineKind::Title, 0);
        lines.push(blank());
        let meta = corpus.metadata(b);
        let label_w = meta.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 2;
        for (label, value) in meta {
            let text = format!("{}{}", brief_core::text::pad(label, label_w), value);
            let first = lines.len();
            wrap_into(&mut lines, &text, w, LineKind::Meta(label_w), label_w);
            if label == "URL" {
                let target = b
                    .source
                    .url
                    .as_deref()
                    .and_then(brief_core::text::link_target);
                for line in &mut lines[first..] {
                    line.link = target.clone();
                }
            }
        }
        let groups = corpus.actors_by_kind(b);
        if !groups.is_empty() {
            lines.push(blank());
            wrap_into(&mut lines, "Acteurs", w, LineKind::Heading, 0);
            for (kind, group) in groups {
                wrap_into(&mut lines, kind.label_fr(), w, LineKind::Subheading, 0);
                for (actor, role) in group {
                    let text = match role {
                        Some(r) => format!("• {} — {r}", actor.label()),
                        None => format!("• {}", actor.label()),
                    };
                    wrap_into(&mut lines, &text, w, LineKind::Body, 2);
                }
            }
        }
        if let Some(s) = &b.summary {
            lines.push(blank());
            wrap_into(&mut lines, s, w, LineKind::Summary, 0);
        }
        for p in b.paragraphs() {
            lines.push(blank());
            wrap_into(&mut lines, &p, w, LineKind::Body, 0);
        }
    }
    state.reader.lines = lines;
    mark_reader(state);
}

/// Highlights the query's words and finds the article search's matches.
fn mark_reader(state: &mut State) {
    let words = &state.highlight;
    let mut matches = Vec::new();
    for (i, line) in state.reader.lines.iter_mut().enumerate() {
        line.marks = match line.kind {
            LineKind::Title | LineKind::Summary | LineKind::Body => word_ranges(&line.text, words),
            _ => Vec::new(),
        };
        if !state.reader.find_term.is_empty() {
            for r in find_ranges(&line.text, &state.reader.find_term) {
                matches.push((i, r));
            }
        }
    }
    state.reader.current = match (state.reader.current, matches.len()) {
        (_, 0) => None,
        (Some(c), n) => Some(c.min(n - 1)),
        (None, _) => Some(0),
    };
    state.reader.matches = matches;
}

/// Scrolls the reader so the current match is visible.
fn show_match(state: &mut State) {
    let Some((line, _)) = state
        .reader
        .current
        .and_then(|c| state.reader.matches.get(c))
    else {
        return;
    };
    let h = state.reader_height();
    if *line < state.reader.scroll || *line >= state.reader.scroll + h {
        state.reader.scroll = line.saturating_sub(h / 3);
    }
    let max = state.reader.lines.len().saturating_sub(h);
    state.reader.scroll = state.reader.scroll.min(max);
}

fn toggle_facet(state: &mut State, effects: &mut Vec<Effect>) {
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
    }
    rebuild_facets(state);
    effects.push(state.request_search());
}

/// Lines in the open overlay, so scrolling stops at its end.
fn overlay_len(state: &State) -> usize {
    match state.overlay {
        Overlay::Help { .. } => super::view::help_lines(&state.keymap).len(),
        Overlay::Problems { .. } => state.problems().count(),
        Overlay::None => 0,
    }
}

fn on_action(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    // Overlays first.
    match state.overlay {
        Overlay::Help { scroll } | Overlay::Problems { scroll } => {
            let scroll = match action {
                Action::MoveDown => (scroll + 1).min(overlay_len(state).saturating_sub(1)),
                Action::MoveUp => scroll.saturating_sub(1),
                Action::Back => {
                    state.overlay = Overlay::None;
                    return;
                }
                Action::Quit => {
                    state.quit = true;
                    return;
                }
                Action::Suspend => {
                    effects.push(Effect::Suspend);
                    return;
                }
                _ => scroll,
            };
            state.overlay = match state.overlay {
                Overlay::Help { .. } => Overlay::Help { scroll },
                _ => Overlay::Problems { scroll },
            };
            return;
        }
        Overlay::None => {}
    }
    match action {
        Action::Quit => state.quit = true,
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Help => state.overlay = Overlay::Help { scroll: 0 },
        Action::ToggleRead => toggle_mark(state, Mark::Read, effects),
        Action::ToggleBookmark => toggle_mark(state, Mark::Bookmark, effects),
        Action::OnlyUnread | Action::OnlyBookmarked => {
            let want = if action == Action::OnlyUnread {
                Only::Unread
            } else {
                Only::Bookmarked
            };
            state.only = if state.only == Some(want) {
                None
            } else {
                Some(want)
            };
            state.message = Some(match state.only {
                Some(Only::Unread) => "showing only unread briefings (U again: all)".into(),
                Some(Only::Bookmarked) => "showing only bookmarked briefings (B again: all)".into(),
                None => "showing every briefing".into(),
            });
            effects.push(state.request_search());
        }
        Action::SwitchSort => {
            state.sort = state.sort.other();
            state.message = Some(match state.sort {
                Sort::Relevance => "sorted by relevance: best match first".into(),
                Sort::Date => "sorted by date: newest meeting first".into(),
            });
            effects.push(state.request_search());
        }
        Action::HistoryPrev => recall(state, true, effects),
        Action::HistoryNext => {
            if state.recalling.is_some() {
                recall(state, false, effects);
            } else {
                submit_search(state, effects);
            }
        }
        Action::Problems => state.overlay = Overlay::Problems { scroll: 0 },
        Action::FocusSearch => {
            state.focus = Focus::Search;
            state.search.cursor = state.search.text.chars().count();
        }
        Action::FocusNext | Action::FocusPrev => {
            let i = Focus::CYCLE
                .iter()
                .position(|f| *f == state.focus)
                .unwrap_or(0);
            let n = Focus::CYCLE.len();
            let next = if action == Action::FocusNext {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            set_focus(state, Focus::CYCLE[next]);
        }
        Action::Back => back(state, effects),
        Action::ClearFilters => {
            state.search.clear();
            state.recalling = None;
            state.only = None;
            state.selection = Selection::default();
            state.actors.narrow = None;
            state.countries.narrow = None;
            state.query_error = None;
            rebuild_facets(state);
            effects.push(state.request_search());
            state.message = Some("every filter cleared".into());
        }
        Action::Submit if state.focus == Focus::Search => submit_search(state, effects),
        Action::Submit if state.focus == Focus::Reader => {
            // Keep the matches; back to reading.
            state.reader.find = None;
        }
        Action::Open if state.selected_doc().is_some() => {
            set_focus(state, Focus::Reader);
            if mark_read(state) {
                effects.push(Effect::Remember(state.snapshot()));
            }
        }
        Action::Toggle => toggle_facet(state, effects),
        Action::NarrowFacet => {
            if let Some(p) = state.facet_mut(state.focus) {
                p.narrow = Some(LineEdit::default());
            }
        }
        Action::FindInArticle => {
            let mut edit = LineEdit::default();
            edit.set(&state.reader.find_term);
            state.reader.find = Some(edit);
        }
        Action::NextMatch | Action::PrevMatch => {
            let n = state.reader.matches.len();
            if n == 0 {
                state.message = Some(if state.reader.find_term.is_empty() {
                    "no search in this article: press / to search".into()
                } else {
                    format!("'{}' is not in this article", state.reader.find_term)
                });
                return;
            }
            let c = state.reader.current.unwrap_or(0);
            state.reader.current = Some(if action == Action::NextMatch {
                (c + 1) % n
            } else {
                (c + n - 1) % n
            });
            show_match(state);
        }
        Action::Insert(c) => insert(state, c, effects),
        Action::DeleteBack | Action::DeleteForward | Action::ClearLine => {
            edit_text(state, action, effects)
        }
        Action::CursorLeft => state.search.cursor = state.search.cursor.saturating_sub(1),
        Action::CursorRight => {
            state.search.cursor = (state.search.cursor + 1).min(state.search.text.chars().count())
        }
        Action::LineStart => state.search.cursor = 0,
        Action::LineEnd => state.search.cursor = state.search.text.chars().count(),
        Action::CopyMarkdown => super::copy::markdown(state, effects),
        Action::CopyUrl => super::copy::url(state, effects),
        a if is_move(a) => move_cursor(state, a),
        _ => {}
    }
}

fn set_focus(state: &mut State, focus: Focus) {
    if matches!(focus, Focus::Actors | Focus::Countries) {
        state.facet_tab = focus;
    }
    state.focus = focus;
    relayout(state);
}

fn back(state: &mut State, effects: &mut Vec<Effect>) {
    match state.focus {
        Focus::Reader if state.reader.find.is_some() => {
            state.reader.find = None;
            state.reader.find_term.clear();
            mark_reader(state);
        }
        Focus::Search => {
            if remember_query(state) {
                effects.push(Effect::Remember(state.snapshot()));
            }
            set_focus(state, Focus::List);
        }
        Focus::Reader => set_focus(state, Focus::List),
        Focus::Actors | Focus::Countries => {
            if let Some(p) = state.facet_mut(state.focus)
                && p.narrow.take().is_some()
            {
                rebuild_facets(state);
                return;
            }
            set_focus(state, Focus::List);
        }
        Focus::List => {
            if state.query_error.is_some() {
                state.query_error = None;
            }
            let _ = effects;
        }
    }
}

fn insert(state: &mut State, c: char, effects: &mut Vec<Effect>) {
    match state.focus {
        Focus::Search => {
            state.search.insert(c);
            state.recalling = None;
            effects.push(state.request_search());
        }
        Focus::Reader => {
            if let Some(f) = &mut state.reader.find {
                f.insert(c);
                state.reader.find_term = f.text.clone();
                state.reader.current = None;
                mark_reader(state);
                show_match(state);
            }
        }
        Focus::Actors | Focus::Countries => {
            if let Some(p) = state.facet_mut(state.focus) {
                p.narrow.get_or_insert_with(LineEdit::default).insert(c);
            }
            rebuild_facets(state);
        }
        Focus::List => {}
    }
}

fn edit_text(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    let apply = |e: &mut LineEdit| match action {
        Action::DeleteBack => e.delete_back(),
        Action::DeleteForward => e.delete_forward(),
        _ => {
            let had = !e.text.is_empty();
            e.clear();
            had
        }
    };
    match state.focus {
        Focus::Search => {
            if apply(&mut state.search) {
                state.recalling = None;
                effects.push(state.request_search());
            }
        }
        Focus::Reader => {
            if let Some(f) = &mut state.reader.find {
                apply(f);
                state.reader.find_term = f.text.clone();
                mark_reader(state);
                show_match(state);
            }
        }
        Focus::Actors | Focus::Countries => {
            if let Some(p) = state.facet_mut(state.focus)
                && let Some(n) = &mut p.narrow
            {
                if n.text.is_empty() {
                    p.narrow = None;
                } else {
                    apply(n);
                }
            }
            rebuild_facets(state);
        }
        Focus::List => {}
    }
}

fn move_cursor(state: &mut State, a: Action) {
    match state.focus {
        Focus::List | Focus::Search => {
            let h = state.list_height();
            state.cursor = moved(a, state.cursor, state.hits.len(), h);
            relayout(state);
        }
        Focus::Actors | Focus::Countries => {
            let h = state.facet_height(state.focus);
            if let Some(p) = state.facet_mut(state.focus) {
                p.cursor = moved(a, p.cursor, p.items.len(), h);
                clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
            }
        }
        Focus::Reader => {
            let h = state.reader_height();
            let max = state.reader.lines.len().saturating_sub(h);
            // The reader scrolls its view: the "cursor" is the top line.
            state.reader.scroll =
                moved(a, state.reader.scroll, max + 1, h.saturating_sub(1).max(1));
        }
    }
}

/// Marks the selected briefing read; true if it was not.
fn mark_read(state: &mut State) -> bool {
    let Some(id) = state.selected_id().map(str::to_string) else {
        return false;
    };
    if state.read.contains(&id) {
        return false;
    }
    Arc::make_mut(&mut state.read).insert(id);
    true
}

/// Which remembered mark `u` and `b` toggle.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Read,
    Bookmark,
}

/// `u` and `b`: toggles a mark on the selected briefing and remembers it at once.
fn toggle_mark(state: &mut State, mark: Mark, effects: &mut Vec<Effect>) {
    let Some(b) = state.selected_briefing() else {
        return;
    };
    let set = Arc::make_mut(match mark {
        Mark::Read => &mut state.read,
        Mark::Bookmark => &mut state.bookmarks,
    });
    let now = if set.remove(&b.id) {
        false
    } else {
        set.insert(b.id.clone());
        true
    };
    let title = brief_core::text::truncate(&sanitize(&b.title, false), 40);
    state.message = Some(match (mark, now) {
        (Mark::Read, true) => format!("'{title}' marked read"),
        (Mark::Read, false) => format!("'{title}' marked unread"),
        (Mark::Bookmark, true) => format!("bookmarked '{title}' (B shows only bookmarks)"),
        (Mark::Bookmark, false) => format!("bookmark removed from '{title}'"),
    });
    effects.push(Effect::Remember(state.snapshot()));
}

/// Adds the search line to the history; true if the history changed.
fn remember_query(state: &mut State) -> bool {
    state.recalling = None;
    let before = state.history.last().cloned();
    push_history(&mut state.history, &state.search.text);
    state.history.last() != before.as_ref()
}

/// Enter in the search line: keep the query in the history, go to the results.
fn submit_search(state: &mut State, effects: &mut Vec<Effect>) {
    if remember_query(state) {
        effects.push(Effect::Remember(state.snapshot()));
    }
    set_focus(state, Focus::List);
}

/// Up (`back`) or Down in the search line: walks the history, and Down past
/// the newest entry gives back the line as it was typed.
fn recall(state: &mut State, back: bool, effects: &mut Vec<Effect>) {
    let n = state.history.len();
    if n == 0 {
        state.message = Some("no earlier search yet: Enter keeps a search in the history".into());
        return;
    }
    let next = match (state.recalling.take(), back) {
        (None, true) => Some((n - 1, state.search.text.clone())),
        (None, false) => None,
        (Some((i, draft)), true) => Some((i.saturating_sub(1), draft)),
        (Some((i, draft)), false) if i + 1 < n => Some((i + 1, draft)),
        (Some((_, draft)), false) => {
            state.search.set(&draft);
            None
        }
    };
    if let Some((i, draft)) = next {
        if let Some(q) = state.history.get(i) {
            state.search.set(&q.clone());
        }
        state.recalling = Some((i, draft));
    }
    effects.push(state.request_search());
}

/// The pane under a cell, if any, with the row inside its border (0 = first item).
fn pane_at(state: &State, column: u16, row: u16) -> Option<(Focus, usize)> {
    let a = state.areas();
    let pos = ratatui::layout::Position::new(column, row);
    if a.search.contains(pos) {
        return Some((Focus::Search, 0));
    }
    let panes = [
        (a.list, Focus::List),
        (a.actors, Focus::Actors),
        (a.countries, Focus::Countries),
        (a.reader, Focus::Reader),
    ];
    panes.into_iter().find_map(|(r, f)| {
        let r = r?;
        r.contains(pos)
            .then(|| (f, usize::from(row.saturating_sub(r.y + 1))))
    })
}

/// A click focuses the pane under it; on a list row it selects the briefing
/// (a second click opens it), on a facet value it selects or unselects it.
fn on_click(state: &mut State, column: u16, row: u16, effects: &mut Vec<Effect>) {
    if state.overlay != Overlay::None {
        state.overlay = Overlay::None;
        return;
    }
    let Some((pane, inner_row)) = pane_at(state, column, row) else {
        return;
    };
    match pane {
        Focus::Search => on_action(state, Action::FocusSearch, effects),
        Focus::List => {
            let at = state.offset + inner_row;
            if at < state.hits.len() {
                let again = state.focus == Focus::List && state.cursor == at;
                state.cursor = at;
                set_focus(state, Focus::List);
                if again {
                    on_action(state, Action::Open, effects);
                }
            } else {
                set_focus(state, Focus::List);
            }
        }
        Focus::Actors | Focus::Countries => {
            set_focus(state, pane);
            let h = state.facet_height(pane);
            let Some(p) = state.facet_mut(pane) else {
                return;
            };
            let at = p.offset + inner_row;
            if at < p.items.len() {
                p.cursor = at;
                clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
                toggle_facet(state, effects);
            }
        }
        Focus::Reader => set_focus(state, Focus::Reader),
    }
}

/// The wheel scrolls the pane under the pointer, three lines a notch.
fn on_wheel(state: &mut State, column: u16, row: u16, down: bool) -> bool {
    if state.overlay != Overlay::None {
        let mut effects = Vec::new();
        let a = if down {
            Action::MoveDown
        } else {
            Action::MoveUp
        };
        for _ in 0..3 {
            on_action(state, a, &mut effects);
        }
        return true;
    }
    let Some((pane, _)) = pane_at(state, column, row) else {
        return false;
    };
    let step = |n: usize| if down { n + 3 } else { n.saturating_sub(3) };
    match pane {
        Focus::Search => return false,
        Focus::List => {
            let last = state.hits.len().saturating_sub(1);
            state.cursor = step(state.cursor).min(last);
            relayout(state);
        }
        Focus::Actors | Focus::Countries => {
            let h = state.facet_height(pane);
            if let Some(p) = state.facet_mut(pane) {
                p.cursor = step(p.cursor).min(p.items.len().saturating_sub(1));
                clamp_view(&mut p.cursor, &mut p.offset, p.items.len(), h);
            }
        }
        Focus::Reader => {
            let h = state.reader_height();
            let max = state.reader.lines.len().saturating_sub(h);
            state.reader.scroll = step(state.reader.scroll).min(max);
        }
    }
    true
}

/// A new corpus from live reload: the search, the filters, the selected
/// briefing (by id, or its neighbour if it went), the list and reader scroll
/// are kept; the hits on screen are mapped to the new corpus until the new
/// search answers.
fn on_reloaded(state: &mut State, r: Reload, effects: &mut Vec<Effect>) -> bool {
    let Some(old) = state.corpus.clone() else {
        return false;
    };
    let map = |d: usize| r.doc_map.get(d).copied().flatten();
    // Actors are matched by their id, which a new registry may number differently.
    let actor_by_id = |id: ActorId| {
        old.actor(id)
            .and_then(|a| r.corpus.registry.actors().iter().position(|n| n.id == a.id))
    };
    state.selection.actors = state
        .selection
        .actors
        .iter()
        .filter_map(|&a| actor_by_id(a))
        .collect();
    let selected = state.selected_doc().and_then(map);
    let cursor = state.cursor;
    state.hits = std::mem::take(&mut state.hits)
        .into_iter()
        .filter_map(|mut h| {
            h.doc = map(h.doc)?;
            Some(h)
        })
        .collect();
    state.cursor = match selected {
        Some(d) => state.hits.iter().position(|h| h.doc == d).unwrap_or(0),
        // Gone: its neighbour takes its place.
        None => cursor.min(state.hits.len().saturating_sub(1)),
    };
    state.reader.doc = state.reader.doc.and_then(map);
    // The open briefing may have changed: laid out again, its scroll kept.
    state.reader.lines.clear();
    state.corpus = Some(r.corpus.clone());
    state.origin = r.corpus.origin.clone();
    if let Overlay::Problems { scroll } = state.overlay {
        state.overlay = Overlay::Problems {
            scroll: scroll.min(r.corpus.problems.len().saturating_sub(1)),
        };
    }
    state.message = Some(format!("reloaded: {}", r.changes));
    rebuild_facets(state);
    relayout(state);
    effects.push(state.request_search());
    true
}
