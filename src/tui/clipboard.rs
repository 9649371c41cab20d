//! The clipboard through the terminal (OSC 52), so copying works over SSH and
//! inside tmux and GNU screen: the bytes travel with the screen output to
//! whatever terminal the user looks at.
//!
//! The text is base64-encoded, so whatever a briefing holds, nothing in it
//! can act on the terminal.

use std::io::Write;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// GNU screen keeps at most 768 bytes of a DCS string; base64 goes through
/// it in pieces well under that, like vim-oscyank does.
const SCREEN_CHUNK: usize = 76;

/// The terminal multiplexer between brief and the terminal, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Multiplexer {
    #[default]
    None,
    Tmux,
    Screen,
}

impl Multiplexer {
    /// From the environment of this process: `$TMUX`, then `$STY` or a `screen*` TERM.
    pub fn detect() -> Multiplexer {
        let var = |k: &str| std::env::var(k).ok();
        Multiplexer::from_env(
            var("TMUX").as_deref(),
            var("STY").as_deref(),
            var("TERM").as_deref(),
        )
    }

    /// `$TMUX` set means tmux, even though tmux's TERM often starts with
    /// `screen`; otherwise `$STY` or a `screen*` TERM means GNU screen.
    pub fn from_env(tmux: Option<&str>, sty: Option<&str>, term: Option<&str>) -> Multiplexer {
        let set = |v: Option<&str>| v.is_some_and(|v| !v.is_empty());
        if set(tmux) {
            Multiplexer::Tmux
        } else if set(sty) || term.is_some_and(|t| t.starts_with("screen")) {
            Multiplexer::Screen
        } else {
            Multiplexer::None
        }
    }
}

/// The bytes that put `text` on the clipboard, for the multiplexer in between.
///
/// - No multiplexer: `ESC ] 52 ; c ; <base64> BEL`.
/// - tmux: that same sequence, which tmux with `set -g set-clipboard on`
///   stores in its paste buffer and passes on to the terminal, then the
///   sequence wrapped for passthrough (`ESC P tmux; ` + the sequence with each
///   ESC doubled + `ESC \`), which reaches the terminal when tmux has
///   `allow-passthrough on`. Sending both works whichever of the two options
///   the user has; with both, the terminal gets the same text twice, which is
///   harmless. With neither, tmux drops both silently.
/// - GNU screen: the plain sequence (ignored by screen, but it is what a tmux
///   reached over SSH with a `screen` TERM understands), then the sequence cut
///   into DCS strings of `SCREEN_CHUNK` bytes (`ESC P ... ESC \`), which
///   screen passes through one by one and the terminal reads as one sequence.
pub fn osc52(text: &str, mux: Multiplexer) -> Vec<u8> {
    let b64 = STANDARD.encode(text.as_bytes());
    let mut plain = Vec::with_capacity(b64.len() + 8);
    plain.extend_from_slice(b"\x1b]52;c;");
    plain.extend_from_slice(b64.as_bytes());
    plain.push(0x07);
    match mux {
        Multiplexer::None => plain,
        Multiplexer::Tmux => {
            let mut out = plain.clone();
            out.extend_from_slice(b"\x1bPtmux;");
            for &b in &plain {
                if b == 0x1b {
                    out.push(0x1b);
                }
                out.push(b);
            }
            out.extend_from_slice(b"\x1b\\");
            out
        }
        Multiplexer::Screen => {
            let mut out = plain;
            out.extend_from_slice(b"\x1bP\x1b]52;c;");
            for (i, chunk) in b64.as_bytes().chunks(SCREEN_CHUNK).enumerate() {
                if i > 0 {
                    out.extend_from_slice(b"\x1b\\\x1bP");
                }
                out.extend_from_slice(chunk);
            }
            out.extend_from_slice(b"\x07\x1b\\");
            out
        }
    }
}

/// Writes the OSC 52 bytes for `text` to the terminal, flushed. Called by the
/// event loop between draws: the sequence prints nothing and moves no cursor,
/// so the screen ratatui believes is there stays true.
pub fn send<W: Write>(w: &mut W, text: &str, mux: Multiplexer) -> std::io::Result<()> {
    w.write_all(&osc52(text, mux))?;
    w.flush()
}

/// Inside tmux, also puts `text` in tmux's own paste buffer with
/// `tmux load-buffer -w -` (`-w`: and on to the terminal's clipboard, which
/// tmux does itself under its default `set-clipboard external`, where the
/// sequences an application sends are ignored). Tried without `-w` for a
/// tmux before 3.2. Whether tmux took it.
pub fn tmux_buffer(text: &str) -> bool {
    let load = |args: &[&str]| {
        let child = std::process::Command::new("tmux")
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            return false;
        };
        let wrote = child
            .stdin
            .take()
            .is_some_and(|mut i| i.write_all(text.as_bytes()).is_ok());
        child.wait().is_ok_and(|s| s.success()) && wrote
    };
    load(&["load-buffer", "-w", "-"]) || load(&["load-buffer", "-"])
}

/// `2,345`: a byte count for the status line.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_osc52() {
        assert_eq!(
            osc52("hello", Multiplexer::None),
            b"\x1b]52;c;aGVsbG8=\x07".to_vec()
        );
        assert_eq!(osc52("", Multiplexer::None), b"\x1b]52;c;\x07".to_vec());
    }

    #[test]
    fn tmux_gets_the_plain_sequence_then_the_passthrough() {
        assert_eq!(
            osc52("hello", Multiplexer::Tmux),
            b"\x1b]52;c;aGVsbG8=\x07\x1bPtmux;\x1b\x1b]52;c;aGVsbG8=\x07\x1b\\".to_vec()
        );
    }

    #[test]
    fn screen_gets_the_sequence_in_short_dcs_strings() {
        assert_eq!(
            osc52("hello", Multiplexer::Screen),
            b"\x1b]52;c;aGVsbG8=\x07\x1bP\x1b]52;c;aGVsbG8=\x07\x1b\\".to_vec()
        );
        let text = "x".repeat(300);
        let out = osc52(&text, Multiplexer::Screen);
        let b64 = STANDARD.encode(&text);
        assert_eq!(b64.len(), 400);
        let plain_len = 7 + 400 + 1;
        let dcs = &out[plain_len..];
        // Every DCS string opens with ESC P and closes with ESC \, none too long.
        let parts: Vec<&[u8]> = dcs
            .split(|&b| b == b'\\')
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(parts.len(), 400usize.div_ceil(SCREEN_CHUNK));
        for p in &parts {
            assert!(p.starts_with(b"\x1bP"), "{p:?}");
            assert!(p.ends_with(b"\x1b"), "{p:?}");
            assert!(p.len() < 768);
        }
        // What screen passes on, put back together, is the plain sequence.
        let mut passed = Vec::new();
        for p in &parts {
            passed.extend_from_slice(&p[2..p.len() - 1]);
        }
        assert_eq!(passed, out[..plain_len].to_vec());
    }

    #[test]
    fn control_characters_travel_encoded() {
        for mux in [Multiplexer::None, Multiplexer::Tmux, Multiplexer::Screen] {
            let out = osc52("\x1b]0;pwned\x07\u{9b}", mux);
            assert!(!out.windows(5).any(|w| w == b"pwned"));
            assert!(!out.contains(&0x9b) && !out.windows(2).any(|w| w == "\u{9b}".as_bytes()));
        }
    }

    #[test]
    fn the_multiplexer_comes_from_the_environment() {
        use Multiplexer as M;
        let tmux = Some("/tmp/tmux-1000/default,1234,0");
        assert_eq!(M::from_env(tmux, None, Some("screen-256color")), M::Tmux);
        assert_eq!(M::from_env(tmux, None, Some("tmux-256color")), M::Tmux);
        assert_eq!(
            M::from_env(None, Some("1234.pts-0.host"), Some("xterm")),
            M::Screen
        );
        assert_eq!(
            M::from_env(None, None, Some("screen.xterm-256color")),
            M::Screen
        );
        assert_eq!(M::from_env(Some(""), None, Some("xterm-256color")), M::None);
        assert_eq!(M::from_env(None, None, None), M::None);
    }

    #[test]
    fn byte_counts_read_easily() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2345), "2,345");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
