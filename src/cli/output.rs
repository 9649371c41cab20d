//! Human output: colour only on a terminal and never with NO_COLOR; every
//! string from a file is neutralised before it is printed.

use std::io::{IsTerminal, Write};

use brief_core::text::{pad, sanitize, truncate, width};

/// Where text goes, and whether it may be coloured.
pub struct Out<W: Write> {
    pub w: W,
    pub color: bool,
}

pub fn color_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// What an undated meeting shows in every human output of the CLI: the word
/// the core's metadata (so `brief show` and `--markdown`) already uses.
pub const UNDATED: &str = "inconnue";

/// The width lines must fit, when stdout is a terminal: `COLUMNS` when set
/// (as `ls` does), else the terminal's size. `None` into a pipe or a file,
/// where nothing is cut (as ripgrep and `ls` do).
pub fn fit_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    let size = || {
        ratatui::crossterm::terminal::size()
            .ok()
            .map(|(w, _)| usize::from(w))
            .filter(|&w| w > 0)
    };
    columns.or_else(size).map(|w| w.max(20))
}

/// Width for wrapping prose: the terminal's, or 80 when not a terminal.
pub fn term_width() -> usize {
    fit_width().unwrap_or(80)
}

impl<W: Write> Out<W> {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    pub fn bold(&self, s: &str) -> String {
        self.paint("1", &sanitize(s, false))
    }
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", &sanitize(s, false))
    }
    pub fn accent(&self, s: &str) -> String {
        self.paint("36", &sanitize(s, false))
    }
    pub fn red(&self, s: &str) -> String {
        self.paint("31", &sanitize(s, false))
    }
    pub fn yellow(&self, s: &str) -> String {
        self.paint("33", &sanitize(s, false))
    }

    /// Prints rows as columns aligned by display width; the last column is not padded.
    pub fn table(
        &mut self,
        rows: &[Vec<String>],
        styles: &[fn(&Self, &str) -> String],
    ) -> std::io::Result<()> {
        self.fitted_table(rows, styles, None)
    }

    /// As `table`, but with `fit: Some((width, columns))` the cells of those
    /// columns are cut (marked `…`) so that lines fit `width` cells: the first
    /// listed column gives way first, down to eight cells, then the next; then
    /// each down to one cell if need be.
    pub fn fitted_table(
        &mut self,
        rows: &[Vec<String>],
        styles: &[fn(&Self, &str) -> String],
        fit: Option<(usize, &[usize])>,
    ) -> std::io::Result<()> {
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| sanitize(c, false).into_owned()).collect())
            .collect();
        let column_width = |rows: &[Vec<String>], i: usize| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        };
        if let Some((room, shrink)) = fit {
            for least in [8, 1] {
                for &col in shrink {
                    let total: usize = (0..cols).map(|i| column_width(&rows, i)).sum::<usize>()
                        + 2 * cols.saturating_sub(1);
                    let excess = total.saturating_sub(room);
                    if excess == 0 {
                        break;
                    }
                    let now = column_width(&rows, col);
                    let max = now.saturating_sub(excess).max(least);
                    if max < now {
                        for cell in rows.iter_mut().filter_map(|r| r.get_mut(col)) {
                            *cell = truncate(cell, max);
                        }
                    }
                }
            }
        }
        let widths: Vec<usize> = (0..cols).map(|i| column_width(&rows, i)).collect();
        for row in &rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let text = if i + 1 < row.len() {
                    pad(cell, widths[i])
                } else {
                    cell.clone()
                };
                let styled = match styles.get(i) {
                    Some(style) => style(self, &text),
                    None => text,
                };
                line.push_str(&styled);
                if i + 1 < row.len() {
                    line.push_str("  ");
                }
            }
            writeln!(self.w, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// Plain: the identity style, for columns that keep their text as is.
pub fn plain<W: Write>(_: &Out<W>, s: &str) -> String {
    s.to_string()
}
