//! Human output: colour only on a terminal and never with NO_COLOR; every
//! string from a file is neutralised before it is printed, and every byte
//! written to stdout passes `Neutralising`, which lets through no escape
//! sequence but brief's own colours.

use std::io::{IsTerminal, Write};

use brief_core::text::{is_dangerous, pad, sanitize, truncate, width};

/// Where text goes, and whether it may be coloured.
pub struct Out<W: Write> {
    pub w: Neutralising<W>,
    pub color: bool,
    /// The language of labels in human output (`ui_language`, else the locale).
    pub lang: brief_core::Lang,
    /// Whether tables are aligned into columns: on a terminal. Into a pipe
    /// rows carry no padding (cells apart by one separator, as ripgrep
    /// writes), so `head` or `cut` get short lines.
    pub aligned: bool,
}

impl<W: Write> Out<W> {
    pub fn new(w: W, color: bool) -> Out<W> {
        Out {
            w: Neutralising::new(w),
            color,
            lang: brief_core::Lang::default(),
            aligned: false,
        }
    }
}

/// A writer that neutralises what passes through it, whatever wrote it: a
/// control character becomes its visible placeholder as `sanitize` gives it;
/// newline, tab and CR LF are kept, and so is a colour sequence (`ESC [ 1;31 m`,
/// the only sequence brief writes to stdout). Every other ESC is shown as `␛`,
/// so no value reaching stdout by any path can drive the terminal.
pub struct Neutralising<W: Write> {
    inner: W,
    /// Bytes not yet decided: an unfinished UTF-8 character, a CR, or the start
    /// of an escape sequence.
    pending: Vec<u8>,
}

/// Longest colour sequence let through; anything longer is shown, not obeyed.
const MAX_SGR: usize = 32;

impl<W: Write> Neutralising<W> {
    pub fn new(inner: W) -> Neutralising<W> {
        Neutralising {
            inner,
            pending: Vec::new(),
        }
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// Writes out what can be decided; with `end`, everything.
    fn drain(&mut self, end: bool) -> std::io::Result<()> {
        let mut out = String::with_capacity(self.pending.len());
        let mut at = 0;
        while at < self.pending.len() {
            let rest = &self.pending[at..];
            let valid = match std::str::from_utf8(rest) {
                Ok(s) => s,
                Err(e) => {
                    let good = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default();
                    if good.is_empty() {
                        match e.error_len() {
                            Some(n) => {
                                out.push('\u{fffd}');
                                at += n;
                                continue;
                            }
                            None if end => {
                                out.push('\u{fffd}');
                                at = self.pending.len();
                                continue;
                            }
                            None => break,
                        }
                    }
                    good
                }
            };
            let (used, stop) = neutralise(valid, end, &mut out);
            at += used;
            if stop {
                break;
            }
        }
        self.pending.drain(..at);
        self.inner.write_all(out.as_bytes())
    }
}

/// Neutralises `text` into `out`; returns how many bytes were used and whether
/// the rest must wait for more input (an escape sequence or CR not yet decided).
fn neutralise(text: &str, end: bool, out: &mut String) -> (usize, bool) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => match chars.peek() {
                Some((_, '\n')) => out.push('\r'),
                None if !end => return (i, true),
                _ => out.push('␍'),
            },
            '\x1b' => match sgr_len(&text[i..]) {
                Some(Some(n)) => {
                    out.push_str(&text[i..i + n]);
                    while chars.peek().is_some_and(|&(j, _)| j < i + n) {
                        chars.next();
                    }
                }
                None if !end => return (i, true),
                _ => out.push('␛'),
            },
            c if is_dangerous(c) => out.push_str(&sanitize(c.encode_utf8(&mut [0; 4]), false)),
            c => out.push(c),
        }
    }
    (text.len(), false)
}

/// At an ESC: `Some(Some(len))` for a whole colour sequence, `Some(None)` for
/// anything else, `None` when `text` ends before it can be told.
fn sgr_len(text: &str) -> Option<Option<usize>> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate().skip(1) {
        let fits = match i {
            1 => b == b'[',
            _ if b == b'm' => return Some(Some(i + 1)),
            _ => b.is_ascii_digit() || b == b';',
        };
        if !fits || i >= MAX_SGR {
            return Some(None);
        }
    }
    None
}

impl<W: Write> Write for Neutralising<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Neutralising<W> {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            let _ = self.drain(true);
        }
    }
}

pub fn color_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

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

    /// Prints rows as columns aligned by display width when `aligned` (the last
    /// column is not padded); else each cell followed by one separator.
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
        let aligned = self.aligned || fit.is_some();
        for row in &rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let text = if aligned && i + 1 < row.len() {
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
                    line.push_str(SEPARATOR);
                }
            }
            writeln!(self.w, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// Between two cells of a row.
pub const SEPARATOR: &str = "  ";

/// Plain: the identity style, for columns that keep their text as is.
pub fn plain<W: Write>(_: &Out<W>, s: &str) -> String {
    s.to_string()
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::Neutralising;

    fn through(pieces: &[&[u8]]) -> Vec<u8> {
        let mut w = Neutralising::new(Vec::new());
        for p in pieces {
            w.write_all(p).unwrap();
        }
        w.flush().unwrap();
        w.get_ref().clone()
    }

    #[test]
    fn only_colour_sequences_newlines_and_tabs_pass() {
        let out = through(&[b"\x1b[1;31mred\x1b[0m\ta\r\nb\n"]);
        assert_eq!(out, b"\x1b[1;31mred\x1b[0m\ta\r\nb\n");
        let out =
            String::from_utf8(through(&[b"x\x1b]0;PWNED\x07y\rz\x1b[2Jw\xc2\x9b\x7f"])).unwrap();
        assert_eq!(out, "x␛]0;PWNED␇y␍z␛[2Jw\u{fffd}␡");
        let out = String::from_utf8(through(&["a\u{202e}b".as_bytes()])).unwrap();
        assert_eq!(out, "a\u{fffd}b");
    }

    #[test]
    fn sequences_and_characters_split_across_writes_are_decided_whole() {
        let out = through(&[
            b"\x1b", b"[3", b"1m", b"\xc3", b"\xa9", b"\r", b"\n", b"\x1b", b"]0",
        ]);
        assert_eq!(String::from_utf8(out).unwrap(), "\x1b[31mé\r\n␛]0");
        // Unfinished at the end: shown, not obeyed.
        let out = through(&[b"a\x1b[31"]);
        assert_eq!(String::from_utf8(out).unwrap(), "a␛[31");
        let out = through(&[b"a\xc3"]);
        assert_eq!(String::from_utf8(out).unwrap(), "a\u{fffd}");
    }
}
