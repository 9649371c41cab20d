//! Read-only access to the state, for the views, the event loop and the
//! tests. Nothing here changes anything: `update` does.

use std::sync::Arc;

use ratatui::layout::Rect;

use brief_core::config::Theme;
use brief_core::model::Only;
use brief_core::model::{IdSet, Sort};
use brief_core::query::QueryError;
use brief_core::search::{Facets, Hit};
use brief_core::{Lang, Query, Selection};

use super::{FacetPane, Focus, HelpSearch, LineEdit, Overlay, Reader, State};
use crate::keys::keymap::Keymap;
use crate::tui::launch::Launch;

impl State {
    /// The keys in force: defaults plus the user's overrides.
    pub fn keymap(&self) -> &Keymap {
        &self.prefs.keymap
    }

    pub fn theme(&self) -> Theme {
        self.prefs.theme
    }

    /// False with NO_COLOR (and with `theme: monochrome`).
    pub fn color(&self) -> bool {
        self.prefs.color
    }

    /// On the Linux console: glyphs its fonts are sure to have.
    pub fn plain_glyphs(&self) -> bool {
        self.prefs.plain_glyphs
    }

    /// Source URLs as OSC 8 hyperlinks.
    pub fn links(&self) -> bool {
        self.prefs.links
    }

    /// Widest the reader's text grows; `None`: the pane's width.
    pub fn reader_width(&self) -> Option<u16> {
        self.prefs.reader_width
    }

    /// Mouse clicks and wheel are taken.
    pub fn mouse(&self) -> bool {
        self.prefs.mouse
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.prefs.lang
    }

    pub fn corpus(&self) -> Option<&Arc<brief_core::Folder>> {
        self.folder.corpus.as_ref()
    }

    /// Where the briefings come from.
    pub fn origin(&self) -> &str {
        &self.folder.origin
    }

    /// Files read of all, while loading.
    pub fn loading(&self) -> Option<(usize, usize)> {
        self.folder.loading
    }

    pub fn load_error(&self) -> Option<&str> {
        self.folder.load_error.as_deref()
    }

    /// Why live reload is off, when it is.
    pub fn watch_off(&self) -> Option<&str> {
        self.folder.watch_off.as_deref()
    }

    pub fn hits(&self) -> &[Hit] {
        &self.results.hits
    }

    pub fn facets(&self) -> &Facets {
        &self.results.facets
    }

    /// The query's words, highlighted where they are found.
    pub fn highlight(&self) -> &[String] {
        &self.results.highlight
    }

    /// The query the results on screen answer.
    pub fn query(&self) -> &Query {
        &self.results.query
    }

    /// Why the query was refused, if it was.
    pub fn query_error(&self) -> Option<&QueryError> {
        self.results.query_error.as_ref()
    }

    /// How the query on screen was read: each term read as a country, actor
    /// or topic, and what was cut from it.
    pub fn reading(&self) -> &[brief_core::search::reading::Reading] {
        &self.results.reading
    }

    /// Generation of the latest search asked for.
    pub fn generation(&self) -> u64 {
        self.results.generation
    }

    /// Generation of the results on screen.
    pub fn shown(&self) -> u64 {
        self.results.shown
    }

    /// The results shown do not cover the article text yet.
    pub fn partial(&self) -> bool {
        self.results.partial
    }

    /// The list cursor: an index in `hits`.
    pub fn cursor(&self) -> usize {
        self.results.cursor
    }

    /// The first hit the list shows.
    pub fn offset(&self) -> usize {
        self.results.offset
    }

    /// Ids of the briefings read.
    pub fn read(&self) -> &IdSet {
        &self.marks.read
    }

    /// Ids of the briefings bookmarked.
    pub fn bookmarks(&self) -> &IdSet {
        &self.marks.bookmarks
    }

    /// Only unread or only bookmarked briefings, or all.
    pub fn only(&self) -> Option<Only> {
        self.marks.only
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The facet pane shown when only one fits.
    pub fn facet_tab(&self) -> Focus {
        self.facet_tab
    }

    pub fn overlay(&self) -> Overlay {
        self.overlay
    }

    /// The search in the `?` help.
    pub fn help(&self) -> &HelpSearch {
        &self.help
    }

    /// The search line.
    pub fn search(&self) -> &LineEdit {
        &self.search
    }

    /// The countries and actors selected in their panes.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn actors(&self) -> &FacetPane {
        &self.actors
    }

    /// The dates pane.
    pub fn dates(&self) -> &FacetPane {
        &self.dates
    }

    /// The timeline's bars for the results shown.
    pub fn timeline(&self) -> &super::timeline::Strip {
        &self.timeline.strip
    }

    /// The period under the timeline's cursor.
    pub fn timeline_period(&self) -> Option<brief_core::search::periods::Period> {
        self.timeline.cursor
    }

    pub fn countries(&self) -> &FacetPane {
        &self.countries
    }

    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    /// The terminal's size.
    pub fn size(&self) -> Rect {
        self.size
    }

    /// What the status line says, if anything.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// What the command line (or the last session) asked for, until applied.
    pub fn launch(&self) -> &Launch {
        &self.launch
    }

    /// The session is ending.
    pub fn quit(&self) -> bool {
        self.quit
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// Earlier searches, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// While recalling: the history entry shown and the line as it was typed.
    pub fn recalling(&self) -> Option<&(usize, String)> {
        self.recalling.as_ref()
    }
}
