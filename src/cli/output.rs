//! Human output: colour only on a terminal and never with NO_COLOR; every
//! string from a file is neutralised before it is printed.

use std::io::{IsTerminal, Write};

use brief_core::text::{pad, sanitize, width};

/// Where text goes, and whether it may be coloured.
pub struct Out<W: Write> {
    pub w: W,
    pub color: bool,
}

pub fn color_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Terminal width for wrapping, or 80 when not a terminal.
pub fn term_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
    {
        return usize::from(w).max(20);
    }
    80
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
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| sanitize(c, false).into_owned()).collect())
            .collect();
        let widths: Vec<usize> = (0..cols)
            .map(|i| {
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| width(c))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
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
