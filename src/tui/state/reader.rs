//! The reader: the selected briefing laid out at the pane's width, the query's
//! words highlighted, and the search in the article.
//!
//! It opens on the text: the title, a compact header (date · place ·
//! countries, the actors on at most two lines, the id), then the summary and
//! the body. The details, the related briefings and the full list of actors
//! follow the body. Related briefings are followed with a back stack;
//! `J`/`K` read the next or previous briefing of the results.

use std::ops::Range;

use brief_core::search::{find_ranges, word_ranges};
use brief_core::text::{link_target, sanitize, width};

use brief_core::MetaField;

use super::authorship::Answered;
use super::{LineEdit, State};
use crate::keys::action::Action;
use crate::keys::keymap::Scope;

/// The id line's label, the same in both languages.
const ID: &str = "id";

/// Metadata lines shown in the header or in their own section, not among the details.
const IN_HEADER: [MetaField; 4] = [
    MetaField::Date,
    MetaField::Place,
    MetaField::Countries,
    MetaField::Related,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    /// The compact header under the title: date · place · countries, actors, id.
    Header,
    /// A `label  value` line; the label takes this many cells.
    Meta(usize),
    /// A URL on a line of its own, whole, linked from its first cell.
    Link,
    Heading,
    /// A kind of actor under the actors heading.
    Subheading,
    /// A related briefing, which `r` chooses and `Enter` opens.
    Related,
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
    /// For URL lines: the address its value (after a `Meta` label's cells,
    /// else from the first cell) links to, already checked by `text::link_target`.
    pub link: Option<String>,
}

/// A related briefing as listed in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedLink {
    pub id: String,
    /// Its index in `Corpus::briefings`, when it is in the folder.
    pub doc: Option<usize>,
    /// The reader lines it takes.
    pub lines: Range<usize>,
}

/// A briefing opened from a related link, and where the one before it was scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Followed {
    pub doc: usize,
    pub from_scroll: usize,
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
    /// Related briefings followed from the list's selection: the last is shown.
    pub trail: Vec<Followed>,
    /// The related briefings listed, and the one chosen with `r`.
    pub related: Vec<RelatedLink>,
    pub chosen: Option<usize>,
    /// The line of the full list of actors.
    pub actors_at: Option<usize>,
    /// Bodies read lately, by briefing (`Corpus::briefings` index), the
    /// newest last: a resize, or going back to a briefing, reads no file.
    pub(super) bodies: Vec<(usize, std::sync::Arc<Vec<String>>)>,
    /// The body read asked for and not answered yet.
    pub(super) reading: Option<BodyRead>,
    /// How many body reads were asked for: each answer names its number,
    /// so an answer for a briefing no longer shown is dropped.
    pub(super) reads: u64,
    /// Where the reader was scrolled before it was laid out again without
    /// its body (after a reload, back from a related briefing): restored
    /// when the body comes.
    pub(super) held_scroll: Option<usize>,
}

/// Bodies kept: the briefing shown and a few it was reached from.
const BODIES_KEPT: usize = 8;

/// A read of a briefing's body, asked of the event loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BodyRead {
    pub(super) read: u64,
    pub(super) doc: usize,
    /// Handed to the loop as `Effect::ReadBody` already.
    pub(super) asked: bool,
}

impl Reader {
    /// The body of `doc`, if it was read lately.
    fn body(&self, doc: usize) -> Option<std::sync::Arc<Vec<String>>> {
        self.bodies
            .iter()
            .rev()
            .find(|(d, _)| *d == doc)
            .map(|(_, p)| p.clone())
    }

    /// Asks for `doc`'s body, unless that is asked already.
    fn want_body(&mut self, doc: usize) {
        if self.reading.is_some_and(|r| r.doc == doc) {
            return;
        }
        self.reads += 1;
        self.reading = Some(BodyRead {
            read: self.reads,
            doc,
            asked: false,
        });
    }

    /// The briefing shown is laid out without its body, which is on its way.
    pub(super) fn awaits_body(&self) -> bool {
        self.reading.is_some_and(|r| Some(r.doc) == self.doc)
    }

    /// Forgets every body read and every read under way: the files may have
    /// changed, and the corpus's numbering with them.
    pub(super) fn forget_bodies(&mut self) {
        self.bodies.clear();
        self.reading = None;
    }
}

/// The body read asked for since the last `update`, as an effect for the loop.
pub(super) fn body_to_read(state: &mut State) -> Option<super::Effect> {
    let r = state.reader.reading.as_mut().filter(|r| !r.asked)?;
    r.asked = true;
    Some(super::Effect::ReadBody {
        read: r.read,
        doc: r.doc,
    })
}

/// The body of a briefing, read by the loop: laid out if it is the one
/// asked for last, dropped otherwise. True when the screen changed.
pub(super) fn on_body(state: &mut State, read: u64, doc: usize, paragraphs: Vec<String>) -> bool {
    if state
        .reader
        .reading
        .is_none_or(|r| r.read != read || r.doc != doc)
    {
        return false; // stale: another briefing was asked for since
    }
    state.reader.reading = None;
    state.reader.bodies.retain(|(d, _)| *d != doc);
    state
        .reader
        .bodies
        .push((doc, std::sync::Arc::new(paragraphs)));
    if state.reader.bodies.len() > BODIES_KEPT {
        state.reader.bodies.remove(0);
    }
    if state.reader.doc != Some(doc) {
        return false;
    }
    layout_reader(state);
    if let Some(scroll) = state.reader.held_scroll.take() {
        let max = state
            .reader
            .lines
            .len()
            .saturating_sub(state.reader_height());
        state.reader.scroll = scroll.min(max);
    }
    true
}

/// A briefing's history, read by the loop: kept, and laid out when it is
/// the one asked for last and the reader shows it. True when the screen changed.
pub(super) fn on_history(
    state: &mut State,
    ask: u64,
    path: std::path::PathBuf,
    answer: super::HistoryAnswer,
) -> bool {
    let shown = state
        .reader
        .doc
        .and_then(|d| state.folder.corpus.as_ref()?.briefings.get(d))
        .is_some_and(|b| b.path == path);
    match state.histories.answer(ask, path, answer) {
        Answered::Kept { lines: true } if shown => {
            relayout_kept(state);
            true
        }
        Answered::Failed(Some(said)) => {
            state.message = Some((state.text().history_failed)(&said));
            true
        }
        _ => false,
    }
}

impl State {
    /// The briefing `y`, `Y`, `u` and `b` act on: in the reader, the one it
    /// shows (a followed related briefing too); elsewhere the list's selection.
    pub fn acted_on(&self) -> Option<std::sync::Arc<brief_core::Briefing>> {
        if self.focus != super::Focus::Reader {
            return self.selected_briefing();
        }
        let doc = self.reader_doc()?;
        self.folder.corpus.as_ref()?.briefings.get(doc).cloned()
    }

    /// The briefing the reader shows: the last related one followed, else
    /// the one under the list cursor.
    pub fn reader_doc(&self) -> Option<usize> {
        match self.reader.trail.last() {
            Some(f) => Some(f.doc),
            None => self.picks.showing.or_else(|| self.selected_doc()),
        }
    }
}

fn line(text: String, kind: LineKind) -> ReaderLine {
    ReaderLine {
        text,
        kind,
        marks: Vec::new(),
        link: None,
    }
}

pub(super) fn wrap_into(
    out: &mut Vec<ReaderLine>,
    text: &str,
    width: usize,
    kind: LineKind,
    indent: usize,
) {
    let text = sanitize(text, false);
    let pad = " ".repeat(indent);
    // No splitting at hyphens: ids and compound names stay whole.
    let opts = textwrap::Options::new(width.max(indent + 8))
        .subsequent_indent(&pad)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for l in textwrap::wrap(&text, opts) {
        out.push(line(l.into_owned(), kind));
    }
}

/// A URL in running text, without the punctuation that ends a sentence.
fn url_in(word: &str) -> Option<(&str, &str)> {
    let lower = word.get(..8).unwrap_or(word).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    let url = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '»', '"']);
    Some((url, &word[url.len()..]))
}

/// Wraps a paragraph; each URL in it gets a line of its own, whole, linked.
fn wrap_text(out: &mut Vec<ReaderLine>, text: &str, width: usize, kind: LineKind) {
    let mut words: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        match url_in(word) {
            Some((url, rest)) => {
                if !words.is_empty() {
                    wrap_into(out, &words.join(" "), width, kind, 0);
                    words.clear();
                }
                let mut l = line(sanitize(url, false).into_owned(), LineKind::Link);
                l.link = link_target(url);
                out.push(l);
                if !rest.is_empty() {
                    words.push(rest);
                }
            }
            None => words.push(word),
        }
    }
    if !words.is_empty() {
        wrap_into(out, &words.join(" "), width, kind, 0);
    }
}

/// `label  value` wrapped under its label; a URL that does not fit beside
/// its label goes whole on the next line.
fn meta_into(
    out: &mut Vec<ReaderLine>,
    (field, label): (MetaField, &str),
    value: &str,
    label_w: usize,
    w: usize,
) {
    let text = format!("{}{}", brief_core::text::pad(label, label_w), value);
    if let Some(target) = (field == MetaField::Url)
        .then(|| link_target(value))
        .flatten()
    {
        if width(&text) <= w {
            let mut l = line(sanitize(&text, false).into_owned(), LineKind::Meta(label_w));
            l.link = Some(target);
            out.push(l);
        } else {
            out.push(line(label.to_string(), LineKind::Meta(label_w)));
            let mut l = line(sanitize(value, false).into_owned(), LineKind::Link);
            l.link = Some(target);
            out.push(l);
        }
        return;
    }
    wrap_into(out, &text, w, LineKind::Meta(label_w), label_w);
}

/// `Actors: A, B, C, +4 more · a: all` on at most two lines.
fn actors_header(
    names: &[&str],
    key: &str,
    w: usize,
    t: &brief_core::lang::Text,
) -> Vec<ReaderLine> {
    let fits = |n: usize| {
        let mut text = format!("{}{} {}", t.actors, t.colon, names[..n].join(", "));
        if n < names.len() {
            text.push_str(&format!(", +{} {}", names.len() - n, t.more));
        }
        // No break inside the hint: it reads as one unit.
        text.push_str(&format!(
            " · {key}{}\u{a0}{}",
            t.colon.replace(' ', "\u{a0}"),
            t.full_list.replace(' ', "\u{a0}")
        ));
        let mut out = Vec::new();
        wrap_into(&mut out, &text, w, LineKind::Header, 0);
        (out.len() <= 2).then_some(out)
    };
    (0..=names.len()).rev().find_map(fits).unwrap_or_default()
}

/// Lays out the reader's briefing at its width.
pub(super) fn layout_reader(state: &mut State) {
    let mut lines = Vec::new();
    let mut related = Vec::new();
    let mut actors_at = None;
    let corpus = state.folder.corpus.clone();
    let b = state.reader.doc.and_then(|d| {
        corpus
            .as_ref()
            .and_then(|c| c.briefings.get(d).map(|b| (c, b)))
    });
    let (t, lang) = (state.text(), state.prefs.lang);
    let doc = state.reader.doc;
    let mut want = None;
    let mut want_history = None;
    if let Some((corpus, b)) = b {
        let w = usize::from(state.reader.width);
        let blank = || line(String::new(), LineKind::Blank);
        wrap_into(&mut lines, &b.title, w, LineKind::Title, 0);
        // The header: date · place · countries.
        let mut head = vec![match b.date_label() {
            d if d.is_empty() => t.date_unknown.to_string(),
            d => d,
        }];
        if !b.location.is_empty() {
            head.push(b.location.label(lang));
        }
        if !b.countries.is_empty() {
            let names: Vec<&str> = b.countries.iter().map(|c| c.name(lang)).collect();
            head.push(names.join(", "));
        }
        wrap_into(&mut lines, &head.join(" · "), w, LineKind::Header, 0);
        let mut names: Vec<&str> = Vec::new();
        for r in &b.actors {
            if let Some(a) = corpus.actor(r.actor)
                && !names.contains(&a.short_label())
            {
                names.push(a.short_label());
            }
        }
        let actors_key = state.prefs.keymap.key(Scope::Reader, Action::ShowActors);
        if !names.is_empty() {
            lines.extend(actors_header(&names, &actors_key, w, t));
        }
        let mut id_line = format!("{ID} {}", b.id);
        if !b.related.is_empty() {
            let key = state.prefs.keymap.key(Scope::Reader, Action::NextRelated);
            id_line.push_str(&format!(
                " · {} ({key}\u{a0}{})",
                (t.related_count)(b.related.len()),
                t.to_choose.replace(' ', "\u{a0}")
            ));
        }
        wrap_into(&mut lines, &id_line, w, LineKind::Header, 0);
        if let Some(s) = &b.summary {
            lines.push(blank());
            wrap_text(&mut lines, s, w, LineKind::Summary);
        }
        // The body is read by the loop (from its file when the corpus
        // keeps bodies there) and comes back as `Msg::Body`: until then the
        // briefing is laid out without it.
        let body = doc.and_then(|d| state.reader.body(d));
        if body.is_none()
            && let Some(d) = doc
        {
            want = Some(d);
        }
        for p in body.iter().flat_map(|p| p.iter()) {
            lines.push(blank());
            wrap_text(&mut lines, p, w, LineKind::Body);
        }
        let meta: Vec<_> = corpus
            .metadata(b, lang)
            .into_iter()
            .filter(|(f, _)| !IN_HEADER.contains(f))
            .collect();
        // Who added it and who changed it last, once git's history is read
        // (asked for below, answered off the input path).
        let mut history: Vec<(&str, String)> = Vec::new();
        match state.histories.get(&b.path) {
            Some(Some(a)) => {
                history.push((t.added, (t.by_author)(&a.added.date, &a.added.author)));
                if let Some(c) = &a.changed {
                    history.push((t.changed, (t.by_author)(&c.date, &c.author)));
                }
            }
            Some(None) => {}
            None => want_history = Some(b.path.clone()),
        }
        if !meta.is_empty() || !history.is_empty() {
            lines.push(blank());
            wrap_into(&mut lines, t.details, w, LineKind::Heading, 0);
            let label_w = meta
                .iter()
                .map(|(f, _)| width(f.label(lang)))
                .chain(history.iter().map(|(label, _)| width(label)))
                .max()
                .unwrap_or(0)
                + 2;
            for (field, value) in meta {
                meta_into(&mut lines, (field, field.label(lang)), &value, label_w, w);
            }
            for (label, value) in history {
                let text = format!("{}{value}", brief_core::text::pad(label, label_w));
                wrap_into(&mut lines, &text, w, LineKind::Meta(label_w), label_w);
            }
        }
        if !b.related.is_empty() {
            lines.push(blank());
            wrap_into(&mut lines, t.related, w, LineKind::Heading, 0);
            for id in &b.related {
                let doc = corpus.position(id);
                let text = match doc.and_then(|d| corpus.briefings.get(d)) {
                    Some(r) => format!("→ {} · {id}", r.title),
                    None => format!("→ {id} ({})", t.not_in_folder),
                };
                let first = lines.len();
                wrap_into(&mut lines, &text, w, LineKind::Related, 2);
                related.push(RelatedLink {
                    id: id.clone(),
                    doc,
                    lines: first..lines.len(),
                });
            }
        }
        let groups = corpus.actors_by_kind(b);
        if !groups.is_empty() {
            lines.push(blank());
            actors_at = Some(lines.len());
            wrap_into(&mut lines, t.actors, w, LineKind::Heading, 0);
            for (kind, group) in groups {
                wrap_into(&mut lines, kind.label(lang), w, LineKind::Subheading, 0);
                for (actor, role) in group {
                    let text = match role {
                        Some(r) => format!("• {} — {r}", actor.label()),
                        None => format!("• {}", actor.label()),
                    };
                    wrap_into(&mut lines, &text, w, LineKind::Body, 2);
                }
            }
        }
    }
    state.reader.lines = lines;
    state.reader.related = related;
    state.reader.chosen = None;
    state.reader.actors_at = actors_at;
    if let Some(d) = want {
        state.reader.want_body(d);
    }
    if let Some(p) = want_history {
        state.histories.want(&p);
    }
    mark_reader(state);
}

/// The reader laid out again for what came meanwhile (a briefing's
/// history), where it was: its scroll and the related briefing chosen kept.
pub(super) fn relayout_kept(state: &mut State) {
    let (chosen, related) = (state.reader.chosen, state.reader.related.len());
    layout_reader(state);
    if state.reader.related.len() == related {
        state.reader.chosen = chosen;
    }
    let max = state
        .reader
        .lines
        .len()
        .saturating_sub(state.reader_height());
    state.reader.scroll = state.reader.scroll.min(max);
}

/// Another briefing in the reader: the article search belongs to the one before.
pub(super) fn forget_article_search(state: &mut State) {
    state.reader.find = None;
    state.reader.find_term.clear();
    state.reader.matches.clear();
    state.reader.current = None;
}

/// Highlights the query's words and finds the article search's matches.
pub(super) fn mark_reader(state: &mut State) {
    let words = &state.results.highlight;
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

/// Scrolls the reader so `line` is visible, a third of the way down if it was not.
pub(super) fn show_line(state: &mut State, line: usize) {
    let h = state.reader_height();
    if line < state.reader.scroll || line >= state.reader.scroll + h {
        state.reader.scroll = line.saturating_sub(h / 3);
    }
    let max = state.reader.lines.len().saturating_sub(h);
    state.reader.scroll = state.reader.scroll.min(max);
}

/// Scrolls the reader so the current match is visible.
pub(super) fn show_match(state: &mut State) {
    let Some((line, _)) = state
        .reader
        .current
        .and_then(|c| state.reader.matches.get(c))
    else {
        return;
    };
    show_line(state, *line);
}
