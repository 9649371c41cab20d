//! Measures the browser as a user meets it, in a real pseudo-terminal:
//! time to the first frame, to a usable list, from a keystroke to the typed
//! character on screen and to the updated results, the bytes written per
//! keystroke, peak memory and idle CPU.
//!
//!     cargo run --release -p xtask --bin keystrokes -- target/release/brief DIR [COLSxROWS] [QUERIES]
//!
//! QUERIES, comma-separated, replaces the queries typed (`xtask::TYPED`).
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
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use xtask::TYPED;

const TIMEOUT: Duration = Duration::from_secs(30);

struct Screen {
    parser: vt100::Parser,
    chunks: Receiver<Vec<u8>>,
    bytes: usize,
}

impl Screen {
    /// Reads output until `cond` holds on the screen; returns when it did.
    fn wait(&mut self, what: &str, cond: impl Fn(&vt100::Screen) -> bool) -> Instant {
        let start = Instant::now();
        loop {
            if cond(self.parser.screen()) {
                return Instant::now();
            }
            let left = TIMEOUT.saturating_sub(start.elapsed());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => {
                    self.bytes += chunk.len();
                    self.parser.process(&chunk);
                }
                Err(_) => panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    self.parser.screen().contents()
                ),
            }
        }
    }
}

/// The status line: the screen's last row.
fn status(s: &vt100::Screen, _rows: u16) -> String {
    s.rows(0, u16::MAX).last().unwrap_or_default()
}

/// The search line: the screen's first row.
fn search_line(s: &vt100::Screen) -> String {
    s.rows(0, u16::MAX).next().unwrap_or_default()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit(')').next().unwrap_or_default();
    let f: Vec<&str> = rest.split_whitespace().collect();
    let n = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    n(11) + n(12) // utime + stime
}

fn peak_rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(bin), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: keystrokes BRIEF_BINARY DIR [COLSxROWS] [QUERIES]");
        std::process::exit(2);
    };
    let (cols, rows) = args
        .get(2)
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
    // The folder as given, from this folder, so the cache primed by
    // `brief check DIR` is the one the browser finds.
    if let Ok(cwd) = std::env::current_dir() {
        cmd.cwd(cwd);
    }
    cmd.args(["--dir", dir]);
    cmd.env("TERM", "xterm-256color");
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("brief starts");
    drop(pair.slave);
    let pid = child.process_id().expect("a pid");
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
        bytes: 0,
    };
    let mut key = |s: &str| {
        writer.write_all(s.as_bytes()).expect("type");
        writer.flush().expect("flush");
    };

    let first = screen.wait("the first frame", |s| !s.contents().trim().is_empty());
    let loaded = screen.wait("the loaded list", |s| {
        let st = status(s, rows);
        st.contains(" briefings") && !st.contains("loading") && !st.contains("searching")
    });
    println!("size               {cols}x{rows}");
    println!(
        "first frame        {:.0} ms",
        (first - started).as_secs_f64() * 1e3
    );
    println!(
        "usable list        {:.0} ms",
        (loaded - started).as_secs_f64() * 1e3
    );

    key("/");
    screen.wait("the search line focused", |s| s.cursor_position().0 < 3);
    // The first word typed may wait for the word index still being built.
    let t = Instant::now();
    key("z");
    let done = screen.wait("the first results", |s| {
        search_line(s).contains('z') && !status(s, rows).contains("searching")
    });
    println!(
        "first search       {:.0} ms (waits for the word index if still building)",
        (done - t).as_secs_f64() * 1e3
    );
    key("\x15");
    screen.wait("a cleared line", |s| {
        !search_line(s).contains('z') && !status(s, rows).contains("searching")
    });

    let (mut echo, mut results, mut bytes) = (Vec::new(), Vec::new(), Vec::new());
    let chosen: Option<Vec<String>> = args
        .get(3)
        .map(|q| q.split(',').map(str::to_string).collect());
    let typed_queries: Vec<String> =
        chosen.unwrap_or_else(|| TYPED.iter().map(|q| q.to_string()).collect());
    println!("queries            {}", typed_queries.join(" | "));
    for query in &typed_queries {
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let before = screen.bytes;
            let t = Instant::now();
            key(&c.to_string());
            let shown = screen.wait("the typed character", |s| search_line(s).contains(&typed));
            let settled = screen.wait("the results", |s| {
                search_line(s).contains(&typed) && !status(s, rows).contains("searching")
            });
            echo.push((shown - t).as_secs_f64() * 1e3);
            results.push((settled - t).as_secs_f64() * 1e3);
            bytes.push((screen.bytes - before) as f64);
        }
        key("\x15");
        screen.wait("a cleared line", |s| {
            !search_line(s).contains(&typed) && !status(s, rows).contains("searching")
        });
    }
    for v in [&mut echo, &mut results, &mut bytes] {
        v.sort_by(|a, b| a.total_cmp(b));
    }
    println!("keystrokes         {}", echo.len());
    println!(
        "typed char shown   median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&echo, 0.5),
        percentile(&echo, 0.99),
        echo.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "results shown      median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&results, 0.5),
        percentile(&results, 0.99),
        results.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "bytes per key      median {:.0}, p99 {:.0}, max {:.0}",
        percentile(&bytes, 0.5),
        percentile(&bytes, 0.99),
        bytes.last().copied().unwrap_or(f64::NAN)
    );

    let ticks = cpu_ticks(pid);
    let idle = Duration::from_secs(5);
    std::thread::sleep(idle); // measuring idleness: nothing is typed for 5 s
    println!(
        "idle CPU           {} ticks in {} s",
        cpu_ticks(pid) - ticks,
        idle.as_secs()
    );
    println!("peak RSS           {} MB", peak_rss_kb(pid) / 1024);

    key("\x1b");
    key("q");
    let status = child.wait().expect("exit status");
    println!("exit               {}", status.exit_code());
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}
