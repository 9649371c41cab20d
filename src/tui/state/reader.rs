//! The reader: the selected briefing laid out at the pane's width, the query's
//! words highlighted, and the search in the article.

use std::ops::Range;

use brief_core::search::{find_ranges, word_ranges};
use brief_core::text::{sanitize, width};

use super::{LineEdit, State};

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
pub(super) fn layout_reader(state: &mut State) {
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
pub(super) fn mark_reader(state: &mut State) {
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
pub(super) fn show_match(state: &mut State) {
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
