//! A mapped file cut short under the browser. The corpus cache and the text
//! index's segments are mapped, not read; brief only ever replaces them by
//! renaming a new file over the old, but another program truncating one in
//! place makes the next read of a vanished page fault with SIGBUS. Nothing
//! can go on after that fault (the read cannot be completed), so the handler
//! only gives the terminal back and says why: it restores the terminal's
//! settings saved before raw mode (`tcsetattr`), writes the sequences that
//! leave the alternate screen, turn mouse capture off and show the cursor,
//! then a one-line message, with `write(2)`, and ends with `_exit(135)`
//! (128 + SIGBUS, as a shell reports a bus error). Everything it needs is
//! prepared before the browser takes the terminal.

use std::io::{IsTerminal, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::OnceLock;

/// What `restore_terminal` writes, as bytes: mouse capture off (every mode
/// crossterm turns on), the main screen, the cursor shown.
const RESET: &[u8] = b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

/// The line said on the way out.
pub const MESSAGE: &str = "brief: a file it had mapped was cut short by another program (SIGBUS); the terminal is restored";

/// Everything the handler uses, made beforehand: it allocates nothing,
/// takes no lock, and calls only `tcsetattr`, `write` and `_exit`.
struct Restore {
    /// The terminal whose settings raw mode changes, and those settings.
    tty: Option<(OwnedFd, rustix::termios::Termios)>,
    /// Where the browser draws (standard output, duplicated).
    out: Option<std::fs::File>,
    said: Vec<u8>,
}

impl Restore {
    /// Called only from the signal handler.
    fn run(&self) -> ! {
        if let Some((fd, termios)) = &self.tty {
            let _ = rustix::termios::tcsetattr(fd, rustix::termios::OptionalActions::Now, termios);
        }
        if let Some(mut out) = self.out.as_ref() {
            let _ = out.write_all(RESET);
            let _ = out.write_all(&self.said);
        }
        signal_hook::low_level::exit(128 + libc::SIGBUS)
    }
}

/// The terminal raw mode will change: standard input when it is one, else
/// the controlling terminal (as crossterm chooses), with its settings now.
fn terminal() -> Option<(OwnedFd, rustix::termios::Termios)> {
    let fd: OwnedFd = if std::io::stdin().is_terminal() {
        std::io::stdin().as_fd().try_clone_to_owned().ok()?
    } else {
        std::fs::File::open("/dev/tty").ok()?.into()
    };
    let termios = rustix::termios::tcgetattr(&fd).ok()?;
    Some((fd, termios))
}

/// What the handler does, set once by `install`.
static RESTORE: OnceLock<Restore> = OnceLock::new();

/// The handler: `OnceLock::get` is one atomic load.
extern "C" fn on_sigbus(_: libc::c_int) {
    match RESTORE.get() {
        Some(restore) => restore.run(),
        None => signal_hook::low_level::exit(128 + libc::SIGBUS),
    }
}

/// Installs the handler: call before the terminal goes raw. It stays for the
/// rest of the process (once the browser has given the terminal back, what
/// it writes changes nothing but the message). A handler that cannot be
/// installed leaves the default action (the process ends, the terminal raw).
pub fn install() {
    let restore = Restore {
        tty: terminal(),
        out: std::io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(std::fs::File::from),
        said: format!("\r\n{MESSAGE}\r\n").into_bytes(),
    };
    if RESTORE.set(restore).is_ok() {
        let _ = register();
    }
}

/// The one unsafe call: `sigaction(SIGBUS)`. It replaces the handler std
/// installs for SIGBUS (which only tells a stack overflow, a SIGSEGV on
/// Linux, from other faults, and otherwise resets the default action: a
/// second thread faulting meanwhile would then end the process before the
/// terminal is restored). Not through signal-hook, which would call that
/// handler first.
#[allow(unsafe_code)]
fn register() -> std::io::Result<()> {
    // SAFETY: `on_sigbus` is async-signal-safe. `RESTORE` is set before the
    // handler is installed and only read by it (one atomic load); `run`
    // allocates nothing and takes no lock: `tcsetattr` (rustix: one ioctl),
    // `write` on a `File` (one write(2) per call; its errors are OS codes,
    // not allocated) and `_exit` are all on POSIX's list of
    // async-signal-safe functions. It never returns, so the faulting read is
    // not retried. The `sigaction` structure is zeroed (a valid value: no
    // flags, an empty mask) before the handler is set in it.
    let done = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigbus as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut())
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}
