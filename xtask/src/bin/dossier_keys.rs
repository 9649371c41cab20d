//! Times the browser's dossier as a user meets it, in a real
//! pseudo-terminal: from `→` in the countries pane (narrowed to a country)
//! to its dossier drawn, and from `Esc` back to the pane, several times.
//!
//!     cargo run --release -p xtask --bin dossier_keys -- target/release/brief DIR [COUNTRY] [COLSxROWS]
//!
//! The screen is rebuilt with vt100 from everything the browser writes; every
//! wait is on a screen condition, with a timeout.

// A measuring tool: it states its assumptions with unwrap, expect and
// panic, and prints what it measured (both denied in the crates themselves).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(60);
const RUNS: usize = 10;

struct Screen {
    parser: vt100::Parser,
    chunks: Receiver<Vec<u8>>,
}

impl Screen {
    /// Reads output until `cond` holds on the screen's text.
    fn wait(&mut self, what: &str, cond: impl Fn(&str) -> bool) -> Instant {
        let start = Instant::now();
        loop {
            if cond(&self.parser.screen().contents()) {
                return Instant::now();
            }
            let left = TIMEOUT.saturating_sub(start.elapsed());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.parser.process(&chunk),
                Err(_) => panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    self.parser.screen().contents()
                ),
            }
        }
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(bin), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: dossier_keys BRIEF_BINARY DIR [COUNTRY] [COLSxROWS]");
        std::process::exit(2);
    };
    let country = args.get(2).map_or("niger", String::as_str);
    let (cols, rows) = args
        .get(3)
        .and_then(|s| s.split_once('x'))
        .and_then(|(c, r)| Some((c.parse().ok()?, r.parse().ok()?)))
        .unwrap_or((120u16, 40u16));
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let bin = std::fs::canonicalize(bin).expect("the brief binary exists");
    let mut cmd = CommandBuilder::new(bin);
    if let Ok(cwd) = std::env::current_dir() {
        cmd.cwd(cwd);
    }
    cmd.args(["--fresh", "--dir", dir]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("NO_COLOR", "1");
    cmd.env("LANG", "en_GB.UTF-8");
    let mut child = pair.slave.spawn_command(cmd).expect("brief starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = Screen {
        parser: vt100::Parser::new(nz(rows), nz(cols), 0),
        chunks: rx,
    };
    let mut key = |s: &str| {
        writer.write_all(s.as_bytes()).expect("type");
        writer.flush().expect("flush");
    };
    screen.wait("the loaded list", |s| {
        let st = s.lines().last().unwrap_or_default();
        st.contains(" briefings") && !st.contains("loading") && !st.contains("searching")
    });
    key("\t\t");
    screen.wait("the countries pane", |s| s.contains("Countries"));
    key(country);
    let narrowed = format!("Countries ⌕ {country}");
    screen.wait("the pane narrowed", |s| s.contains(&narrowed));
    let mut open = Vec::new();
    let mut back = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        key("\x1b[C");
        let shown = screen.wait("the dossier", |s| {
            s.contains("Dossier: ") && s.contains("Meetings, newest first")
        });
        open.push((shown - t).as_secs_f64() * 1e3);
        // Esc alone: wait long enough that it is not read with a next key.
        std::thread::sleep(Duration::from_millis(100));
        let t = Instant::now();
        key("\x1b");
        let gone = screen.wait("the pane again", |s| {
            !s.contains("Dossier: ") && s.contains(&narrowed)
        });
        back.push((gone - t).as_secs_f64() * 1e3);
        std::thread::sleep(Duration::from_millis(100));
    }
    let title = screen
        .parser
        .screen()
        .contents()
        .lines()
        .find(|l| l.contains("Countries ⌕"))
        .unwrap_or_default()
        .trim()
        .to_string();
    key("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    key("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    key("q");
    let _ = child.wait();
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let median = v[v.len() / 2];
        let max = v[v.len() - 1];
        (v[0], median, max)
    };
    let (lo, med, hi) = stats(&mut open);
    println!("size                  {cols}x{rows}, {title}");
    println!(
        "→ to the dossier      min {lo:.1} ms, median {med:.1} ms, max {hi:.1} ms ({RUNS} runs)"
    );
    let (lo, med, hi) = stats(&mut back);
    println!("Esc back to the pane  min {lo:.1} ms, median {med:.1} ms, max {hi:.1} ms");
}
