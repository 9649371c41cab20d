//! OSC 8 hyperlinks on cells already drawn. ratatui has no hyperlink
//! support; as in its `hyperlink` example, the text is rendered first, then
//! the cells' symbols are rewritten to carry the escape sequence. Here every
//! cell is wrapped on its own (`ESC ]8;;URL ESC \` symbol `ESC ]8;; ESC \`)
//! with its width forced to the symbol's, so:
//! - ratatui's diff never miscounts the escape bytes as cells (no cell after
//!   a link is skipped or shifted), which makes the chunk-and-skip trick of
//!   the example unneeded;
//! - no link is ever left open: a cell redrawn without a link (after a scroll)
//!   differs from the linked one, is rewritten, and loses the link.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};

/// Whether the terminal named by TERM shows OSC 8 links or at least ignores
/// them cleanly: not the Linux console, not a dumb terminal.
pub fn supported(term: Option<&str>) -> bool {
    !matches!(term, Some("linux") | Some("dumb"))
}

/// The OSC 8 form of one cell's symbol.
pub fn wrap(symbol: &str, target: &str) -> String {
    format!("\x1b]8;;{target}\x1b\\{symbol}\x1b]8;;\x1b\\")
}

/// Makes the chars of `text` from char `from` on, drawn at (`x`, `y`) and
/// clipped to `right`, a link to `target`. `target` must come from
/// `text::link_target` (no control characters): it is written as is.
pub fn link(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    right: u16,
    text: &str,
    from: usize,
    target: &str,
) {
    let mut col = x;
    for (i, c) in text.chars().enumerate() {
        let w = brief_core::text::char_width(c);
        if w == 0 {
            continue;
        }
        if i >= from
            && usize::from(col) + w <= usize::from(right)
            && !c.is_whitespace()
            && let Some(cell) = buf.cell_mut((col, y))
        {
            let symbol = wrap(cell.symbol(), target);
            cell.set_symbol(&symbol);
            if let Some(w) = NonZeroU16::new(w as u16) {
                cell.set_diff_option(CellDiffOption::ForcedWidth(w));
            }
        }
        col = col.saturating_add(w as u16);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn only_the_value_is_linked_and_widths_are_kept() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "URL  ab", ratatui::style::Style::new());
        link(&mut buf, (0, 0), 12, "URL  ab", 5, "https://x.org");
        assert_eq!(buf[(0, 0)].symbol(), "U");
        assert_eq!(buf[(4, 0)].symbol(), " ");
        assert_eq!(buf[(5, 0)].symbol(), wrap("a", "https://x.org"));
        assert_eq!(buf[(6, 0)].symbol(), wrap("b", "https://x.org"));
        assert_eq!(buf[(7, 0)].symbol(), " ");
        // The diff against a blank screen writes each linked cell once, in place.
        let blank = Buffer::empty(Rect::new(0, 0, 12, 1));
        let cells: Vec<u16> = blank.diff(&buf).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(cells, vec![0, 1, 2, 5, 6]);
    }

    #[test]
    fn links_are_off_on_the_linux_console_and_dumb_terminals() {
        assert!(supported(Some("xterm-256color")));
        assert!(supported(Some("tmux-256color")));
        assert!(supported(None));
        assert!(!supported(Some("linux")));
        assert!(!supported(Some("dumb")));
    }
}
