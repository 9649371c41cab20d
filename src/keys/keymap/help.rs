//! The `?` help as lines at a width: generated from the keys in force, wrapped
//! so nothing is cut. The state scrolls and searches these lines; the view
//! draws them.

use brief_core::text::{pad, width};

use super::{Keymap, Scope};
use crate::keys::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpLineKind {
    /// A scope's heading.
    Title,
    /// A binding's first line: its keys take this many cells.
    Keys(usize),
    /// Anything else: a wrapped help text, a note.
    Text,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub text: String,
    pub kind: HelpLineKind,
}

fn wrap(out: &mut Vec<HelpLine>, text: &str, width: usize, indent: usize, first: HelpLineKind) {
    let pad = " ".repeat(indent);
    let opts = textwrap::Options::new(width.max(indent + 8))
        .subsequent_indent(&pad)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for (i, line) in textwrap::wrap(text, opts).into_iter().enumerate() {
        out.push(HelpLine {
            text: line.into_owned(),
            kind: match first {
                HelpLineKind::Keys(_) if i > 0 => HelpLineKind::Text,
                kind => kind,
            },
        });
    }
}

impl Keymap {
    /// The help at `width` cells: a heading, the bindings and a blank line per
    /// scope with bindings, then the notes; long lines wrap, none is cut.
    pub fn help_lines(&self, width_cells: usize) -> Vec<HelpLine> {
        let sections = self.help_sections();
        // The keys column: as wide as the widest keys, within a third of the width.
        let widest = sections
            .iter()
            .flat_map(|(_, rows)| rows.iter().map(|(k, _)| width(k)))
            .max()
            .unwrap_or(0);
        let keys_w = widest.min(22).min(width_cells / 3).max(4);
        let indent = 2 + keys_w + 2;
        let mut out = Vec::new();
        for (scope, rows) in sections {
            if rows.is_empty() {
                continue;
            }
            wrap(
                &mut out,
                &self.title(scope),
                width_cells,
                0,
                HelpLineKind::Title,
            );
            for (keys, help) in rows {
                let keys_cells = width(&keys).max(keys_w);
                let text = format!("  {}  {help}", pad(&keys, keys_w));
                wrap(
                    &mut out,
                    &text,
                    width_cells,
                    indent,
                    HelpLineKind::Keys(keys_cells + 2),
                );
            }
            out.push(HelpLine {
                text: String::new(),
                kind: HelpLineKind::Blank,
            });
        }
        // The notes after the key table.
        let t = self.lang.text();
        let facets = (t.facets_note)(
            &self.key(Scope::FacetNarrow, Action::Toggle),
            self.select_unless_filtering().as_deref(),
        );
        wrap(&mut out, &facets, width_cells, 0, HelpLineKind::Text);
        for note in t.help_notes {
            wrap(&mut out, note, width_cells, 0, HelpLineKind::Text);
        }
        out
    }
}
