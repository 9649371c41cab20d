//! `brief edit ID`, and the editing session `brief new` shares: the text is
//! edited as a draft in the state folder, checked with the loader's own
//! checks when the editor closes, and only a valid text reaches the
//! briefings folder, atomically. Giving up keeps the draft and says where.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use brief_core::Severity;
use brief_core::io::paths::Choice;
use brief_core::load::{LoadOptions, REGISTRY_FILE, load_dir, load_files};

use super::{Failure, Outcome};

/// Editors that take `+LINE` before the file.
const LINE_AWARE: &[&str] = &[
    "vi",
    "vim",
    "nvim",
    "gvim",
    "view",
    "nano",
    "pico",
    "emacs",
    "emacsclient",
    "micro",
    "kak",
    "joe",
    "jed",
    "mg",
    "ne",
    "hx",
];

/// The editor command: $VISUAL, $EDITOR, else (on a terminal only) nano
/// when installed, else vi. Without a terminal no default editor is started
/// (vi would read piped input as keystrokes): `None`.
pub fn editor_command() -> Option<Vec<String>> {
    let named = named_editor();
    if named.is_some() {
        return named;
    }
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    terminal.then(default_editor)
}

/// $VISUAL, else $EDITOR, when set to something.
fn named_editor() -> Option<Vec<String>> {
    for var in ["VISUAL", "EDITOR"] {
        if let Some(v) = std::env::var_os(var) {
            let words: Vec<String> = v
                .to_string_lossy()
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if !words.is_empty() {
                return Some(words);
            }
        }
    }
    None
}

fn default_editor() -> Vec<String> {
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
    };
    vec![if on_path("nano") { "nano" } else { "vi" }.to_string()]
}

/// Runs the editor on `file`, at `line` when the editor understands it.
fn open_editor(file: &Path, line: Option<usize>, cmd: &[String]) -> Result<bool, Failure> {
    let program = &cmd[0];
    let base = Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut c = std::process::Command::new(program);
    c.args(&cmd[1..]);
    if let Some(l) = line.filter(|_| LINE_AWARE.contains(&base.as_str())) {
        c.arg(format!("+{l}"));
    }
    c.arg(file);
    let status = c
        .status()
        .map_err(|e| Failure::Usage(format!("cannot start the editor '{program}': {e}")))?;
    Ok(status.success())
}

/// Where drafts are kept: the state folder's `drafts/`.
pub fn drafts_dir() -> Result<PathBuf, Failure> {
    let dir = brief_core::io::paths::state_dir()
        .ok_or_else(|| Failure::Usage("no state folder (is $HOME set?)".into()))?
        .join("drafts");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// A fresh draft file name in the drafts folder: `ID.yaml`, `ID-2.yaml` …
pub fn draft_path(dir: &Path, stem: &str) -> PathBuf {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.yaml")
        } else {
            format!("{stem}-{n}.yaml")
        };
        let p = dir.join(name);
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

/// How the id of an edited text is found: its `id:`, else what its file
/// name will be.
pub type IdOf<'a> = &'a dyn Fn(&str, &brief_core::Briefing) -> String;

/// Whether the text gives its id itself (else the file name does).
pub fn has_id_line(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("id:"))
}

/// The problems the loader finds in `text`, shown as `shown`, with the
/// folder's registry; plus an id already used by another file of the folder.
pub fn check(
    text: &str,
    shown: &Path,
    folder: &Path,
    own_file: Option<&Path>,
    id_of: IdOf,
) -> (Vec<brief_core::Problem>, Option<String>) {
    // The loader's size limit first: a text it would refuse never replaces one it reads.
    let limit = LoadOptions::default().max_file_size;
    if text.len() as u64 > limit {
        let problem = brief_core::Problem {
            path: shown.to_path_buf(),
            line: None,
            column: None,
            severity: Severity::Error,
            message: format!(
                "the text is {} bytes, over the {limit} byte limit of a briefing file; it would not load",
                text.len()
            ),
        };
        return (vec![problem], None);
    }
    let mut files = vec![(shown.to_path_buf(), text.as_bytes().to_vec())];
    if let Ok(bytes) = std::fs::read(folder.join(REGISTRY_FILE)) {
        files.push((PathBuf::from(REGISTRY_FILE), bytes));
    }
    let corpus = load_files(files, shown.display().to_string()).corpus;
    let mut problems: Vec<brief_core::Problem> = corpus
        .problems
        .into_iter()
        // The registry's own problems belong to `brief check`.
        .filter(|p| p.path.as_path() == shown)
        .collect();
    let id = corpus.briefings.first().map(|b| id_of(text, b));
    let Ok(all) = load_dir(folder, &LoadOptions::default(), &|_, _| {}) else {
        return (problems, id);
    };
    // The text was read alone: its related ids are checked against the
    // folder, where they live.
    if let Some(b) = corpus.briefings.first() {
        let found: Vec<String> = b
            .related
            .iter()
            .filter(|r| all.position(r.as_str()).is_some())
            .map(|r| format!("related briefing '{r}' does not exist"))
            .collect();
        problems.retain(|p| !found.contains(&p.message));
    }
    if let Some(id) = &id {
        let clash = all
            .briefings
            .iter()
            .find(|b| b.id == *id && own_file.is_none_or(|own| file_in(folder, &b.path) != own));
        if let Some(b) = clash {
            problems.push(brief_core::Problem {
                path: shown.to_path_buf(),
                line: line_of(text, "id:"),
                column: Some(1),
                severity: Severity::Error,
                message: format!(
                    "id '{id}' is already used by {}; choose another id",
                    b.path.display()
                ),
            });
        }
    }
    (problems, id)
}

/// The file of a briefing of `folder` as the loader names it (`path` is
/// already under the folder as given, relative or not).
pub fn file_in(folder: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() || path.starts_with(folder) {
        path.to_path_buf()
    } else {
        folder.join(path)
    }
}

/// The 1-based line where a top-level key starts.
pub fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines().position(|l| l.starts_with(key)).map(|i| i + 1)
}

fn errors(problems: &[brief_core::Problem]) -> usize {
    problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count()
}

fn show(problems: &[brief_core::Problem]) {
    for p in problems {
        super::say(p);
    }
}

/// Asks on the terminal whether to edit again; false without a terminal.
fn again() -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    // A closed stderr is no reason to panic (`eprint!` would).
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "brief: edit again? [Y/n] ");
    let _ = err.flush();
    drop(err);
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    !matches!(
        answer.trim().to_lowercase().as_str(),
        "n" | "no" | "non" | "q"
    )
}

/// What a finished session gives: the valid text and its id.
pub struct Valid {
    pub text: String,
    pub id: String,
}

/// Edits `draft` until it is valid or the user gives up. On giving up (or
/// without a terminal) the draft stays where it is and its path is said.
/// A text left as `untouched` (the template of `brief new`) aborts.
#[allow(clippy::too_many_arguments)]
pub fn session(
    draft: &Path,
    folder: &Path,
    own_file: Option<&Path>,
    first_line: Option<usize>,
    untouched: Option<&str>,
    as_is: bool,
    id_of: IdOf,
    extra_check: &dyn Fn(&str, &str) -> Option<String>,
) -> Result<Option<Valid>, Failure> {
    let mut line = first_line;
    let editor = editor_command();
    if editor.is_none() && as_is {
        // `brief new --from FILE` in a script: the draft is checked as it is.
        let text = std::fs::read_to_string(draft)?;
        let done = checked(text, draft, folder, own_file, id_of, extra_check, false)?;
        return Ok(done.unwrap_or(None));
    }
    let Some(editor) = editor else {
        super::say(format_args!(
            "brief: no terminal to edit in and neither VISUAL nor EDITOR is set; nothing written. \
             Write the briefing in a file and use 'brief new --from FILE' ('-': standard input), \
             or set VISUAL"
        ));
        super::say(format_args!("brief: draft kept in {}", draft.display()));
        return Ok(None);
    };
    loop {
        let ok = open_editor(draft, line, &editor)?;
        let text = match std::fs::read_to_string(draft) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                super::say(format_args!(
                    "brief: the editor removed the draft {}; nothing written to {}{}",
                    draft.display(),
                    folder.display(),
                    own_file
                        .map(|f| format!(", {} is as it was", f.display()))
                        .unwrap_or_default()
                ));
                return Ok(None);
            }
            Err(e) => {
                super::say(format_args!(
                    "brief: cannot read the draft {} ({e}); nothing written to {}",
                    draft.display(),
                    folder.display()
                ));
                return Ok(None);
            }
        };
        if !ok {
            super::say(format_args!(
                "brief: the editor exited with an error; nothing written"
            ));
            super::say(format_args!("brief: draft kept in {}", draft.display()));
            return Ok(None);
        }
        // As `git commit` does with an untouched template: nothing to save.
        if untouched.is_some_and(|t| t == text) {
            let _ = std::fs::remove_file(draft);
            super::say(format_args!(
                "brief: the template was not changed; aborting, nothing written to {}",
                folder.display()
            ));
            return Ok(None);
        }
        match checked(text, draft, folder, own_file, id_of, extra_check, true)? {
            Err(at) => line = at,
            Ok(done) => return Ok(done),
        }
    }
}

/// Checks the text of `draft`: valid, it is the session's result; else its
/// problems are said and, when `ask` and the user wants to, `Err(line)`
/// asks for another round in the editor at that line.
#[allow(clippy::type_complexity)]
fn checked(
    text: String,
    draft: &Path,
    folder: &Path,
    own_file: Option<&Path>,
    id_of: IdOf,
    extra_check: &dyn Fn(&str, &str) -> Option<String>,
    ask: bool,
) -> Result<Result<Option<Valid>, Option<usize>>, Failure> {
    let (mut problems, id) = check(&text, draft, folder, own_file, id_of);
    if let Some(id) = &id
        && let Some(msg) = extra_check(&text, id)
    {
        problems.push(brief_core::Problem {
            path: draft.to_path_buf(),
            line: line_of(&text, "id:"),
            column: Some(1),
            severity: Severity::Error,
            message: msg,
        });
    }
    show(&problems);
    match (errors(&problems), id) {
        (0, Some(id)) => Ok(Ok(Some(Valid { text, id }))),
        (n, _) => {
            super::say(format_args!(
                "brief: {} error(s); nothing written to {}",
                n.max(1),
                folder.display()
            ));
            if ask && again() {
                return Ok(Err(problems.iter().find_map(|p| p.line)));
            }
            super::say(format_args!("brief: draft kept in {}", draft.display()));
            Ok(Ok(None))
        }
    }
}

/// Creates `target` with `text`, atomically and never over an existing file:
/// a hidden temporary file in the same folder, hard-linked to the name.
pub fn create_new(target: &Path, text: &str) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let tmp = hidden_temp(dir, target);
    std::fs::write(&tmp, text)?;
    let linked = std::fs::hard_link(&tmp, target);
    let _ = std::fs::remove_file(&tmp);
    linked
}

/// Replaces `target` with `text` atomically (temporary file, then rename).
pub fn replace(target: &Path, text: &str) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let tmp = hidden_temp(dir, target);
    let result = std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `.NAME.PID.tmp`: hidden, so the loader and live reload skip it.
fn hidden_temp(dir: &Path, target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

pub fn run(
    choice: &Choice,
    id: &str,
    line: Option<usize>,
    git_commit: bool,
) -> Result<Outcome, Failure> {
    let folder = choice.dir().ok_or_else(|| {
        Failure::Usage("brief edit needs a briefings folder (--dir DIR or $BRIEF_DIR); the built-in corpus is read-only".into())
    })?;
    let corpus = load_dir(folder, &LoadOptions::default(), &|_, _| {})?;
    let b = super::show::resolve_id(&corpus, id, "brief edit ID")?;
    let id = b.id.to_string();
    let id = id.as_str();
    let file = file_in(folder, &b.path);
    let original = std::fs::read_to_string(&file)?;
    let draft = draft_path(&drafts_dir()?, &format!("edit-{id}"));
    std::fs::write(&draft, &original)?;
    // The file's first problem if it has one, else its title.
    let first = corpus
        .problems
        .iter()
        .filter(|p| file_in(folder, &p.path) == file)
        .find_map(|p| p.line)
        .or_else(|| line_of(&original, "title:"));
    // Without an `id:` line the id is the file's name, which an edit keeps.
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id_of = |text: &str, b: &brief_core::Briefing| {
        if has_id_line(text) {
            b.id.to_string()
        } else {
            stem.clone()
        }
    };
    let Some(valid) = session(
        &draft,
        folder,
        Some(&file),
        line.or(first),
        None,
        false,
        &id_of,
        &|_, _| None,
    )?
    else {
        return Ok(Outcome::Nothing);
    };
    if valid.text == original {
        let _ = std::fs::remove_file(&draft);
        super::say(format_args!("brief: no change to {}", file.display()));
        return Ok(Outcome::Found);
    }
    // Someone else changed the file meanwhile: theirs stays, ours is kept.
    if !file.exists() {
        super::say(format_args!(
            "brief: {} was deleted while you were editing; nothing written, your version is kept in {}",
            file.display(),
            draft.display()
        ));
        return Ok(Outcome::Nothing);
    }
    if std::fs::read_to_string(&file).ok().as_deref() != Some(original.as_str()) {
        super::say(format_args!(
            "brief: {} changed while you were editing; it is left as it is, your version is kept in {}",
            file.display(),
            draft.display()
        ));
        return Ok(Outcome::Nothing);
    }
    replace(&file, &valid.text)?;
    let _ = std::fs::remove_file(&draft);
    super::say(format_args!("brief: saved {}", file.display()));
    if git_commit {
        super::sync::commit_written(&file, &format!("brief edit: {}", valid.id));
    }
    Ok(Outcome::Found)
}
