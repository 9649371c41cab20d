//! `e`: the terminal goes to `brief edit ID` (the editor, then the same
//! checks as on the command line) and comes back when it ends.
//!
//! The input thread blocks in crossterm's `read`, which would take the
//! editor's keys. It is parked first: a gate it checks between events, and
//! a SIGWINCH to wake it (crossterm turns the signal into a resize event),
//! so no thread polls while the browser is idle.

use std::path::Path;
use std::process::Command;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use brief_core::lang::Text;

/// Lets the loop take the terminal's input away from the input thread.
#[derive(Default)]
pub struct InputGate {
    state: Mutex<Gate>,
    changed: Condvar,
}

#[derive(Default)]
struct Gate {
    pause: bool,
    parked: bool,
}

impl InputGate {
    /// Called by the input thread before each read: waits while paused.
    pub fn pass(&self) {
        let Ok(mut g) = self.state.lock() else {
            return;
        };
        if !g.pause {
            return;
        }
        g.parked = true;
        self.changed.notify_all();
        while g.pause {
            g = match self.changed.wait(g) {
                Ok(g) => g,
                Err(_) => return,
            };
        }
        g.parked = false;
    }

    /// Parks the input thread; true once it no longer reads.
    pub fn pause(&self) -> bool {
        let Ok(mut g) = self.state.lock() else {
            return false;
        };
        g.pause = true;
        drop(g);
        // Wakes the read under way with a resize event.
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
        let Ok(g) = self.state.lock() else {
            return false;
        };
        match self
            .changed
            .wait_timeout_while(g, Duration::from_secs(2), |g| !g.parked)
        {
            Ok((g, _)) => g.parked,
            Err(_) => false,
        }
    }

    pub fn resume(&self) {
        if let Ok(mut g) = self.state.lock() {
            g.pause = false;
        }
        self.changed.notify_all();
    }
}

/// Runs `brief edit ID` on `dir` in the terminal (already restored) and
/// says what came of it.
pub fn edit(dir: &Path, id: &str, text: &Text) -> String {
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => return (text.edit_failed)(&e.to_string()),
    };
    let started = std::time::SystemTime::now();
    let status = Command::new(exe)
        .arg("--dir")
        .arg(dir)
        .arg("edit")
        .arg(id)
        .status();
    match status.map(|s| s.code()) {
        Ok(Some(0)) => text.edit_saved.to_string(),
        Ok(Some(1)) => {
            let drafts = brief_core::io::paths::state_dir().map(|d| d.join("drafts"));
            let kept = drafts
                .and_then(|d| kept_draft(&d, id, started))
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "?".into());
            (text.edit_refused)(&kept)
        }
        Ok(_) => (text.edit_failed)(&format!("brief edit {id}")),
        Err(e) => (text.edit_failed)(&e.to_string()),
    }
}

/// The draft `brief edit` kept for `id` in `dir` (the state folder's
/// `drafts/`, as `edit-ID….yaml`), written since `since`: the newest one.
fn kept_draft(dir: &Path, id: &str, since: std::time::SystemTime) -> Option<std::path::PathBuf> {
    let stem = format!("edit-{id}");
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(&stem) && name.ends_with(".yaml")
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .filter(|(modified, _)| *modified >= since)
        .max_by_key(|(modified, _)| *modified)
        .map(|(_, path)| path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_draft_is_the_newest_of_the_briefing_since_the_edit() {
        let dir = tempfile::tempdir().unwrap();
        let before = std::time::SystemTime::now() - Duration::from_secs(60);
        std::fs::write(dir.path().join("edit-a.yaml"), "old").unwrap();
        std::fs::write(dir.path().join("edit-b.yaml"), "other").unwrap();
        std::fs::write(dir.path().join("edit-a-2.yaml"), "new").unwrap();
        let kept = kept_draft(dir.path(), "a", before).unwrap();
        assert!(
            kept.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("edit-a"))
        );
        let future = std::time::SystemTime::now() + Duration::from_secs(60);
        assert_eq!(kept_draft(dir.path(), "a", future), None);
        assert_eq!(kept_draft(dir.path(), "c", before), None);
    }
}
