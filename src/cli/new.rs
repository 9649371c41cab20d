//! `brief new [--title T] [--from FILE|-]`: a new briefing from a commented
//! template or a draft of an article, edited, checked, then created in the
//! briefings folder as `ID.yaml`, never over an existing file.

use std::path::Path;

use brief_core::io::paths::Choice;

use super::edit::{create_new, draft_path, drafts_dir, session};
use super::output::Out;
use super::{Failure, Outcome};

/// The commands that write briefings, flattened into `brief`'s commands.
#[derive(Debug, clap::Subcommand)]
pub enum WriteCommand {
    /// Print a draft briefing from an article (plain text or a saved HTML
    /// page; `-` or nothing reads standard input). Every guessed value is
    /// followed by a comment saying where it comes from.
    Draft {
        #[arg(value_name = "FILE")]
        file: Option<std::path::PathBuf>,
    },
    /// Write a new briefing into the briefings folder, from a commented
    /// template or from a draft of an article, in $VISUAL/$EDITOR; it is
    /// checked when the editor closes and never overwrites a file.
    New {
        /// The title (and so the file name).
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// Start from a draft of this article (`-`: standard input).
        #[arg(long, value_name = "FILE")]
        from: Option<std::path::PathBuf>,
        /// Which meeting of a page that announces several (1 = the main one).
        #[arg(long, value_name = "N", requires = "from")]
        meeting: Option<usize>,
    },
    /// Edit a briefing in $VISUAL/$EDITOR; it is checked when the editor
    /// closes and replaced only when valid.
    Edit {
        /// The briefing's id, or a unique start of it (as `brief show` takes it).
        id: String,
        /// Open at this line (default: the first problem, else the title).
        #[arg(long, value_name = "N")]
        line: Option<usize>,
    },
}

/// Runs one of the writing commands.
pub fn dispatch<W: std::io::Write>(
    out: &mut Out<W>,
    choice: &Choice,
    command: WriteCommand,
    git_commit: bool,
) -> Result<Outcome, Failure> {
    match command {
        WriteCommand::Draft { file } => super::draft::run(out, choice, file.as_deref()),
        WriteCommand::New {
            title,
            from,
            meeting,
        } => {
            let new = New {
                title: title.as_deref(),
                from: from.as_deref(),
                meeting,
                lang: out.lang,
                git_commit,
            };
            run(choice, new)
        }
        WriteCommand::Edit { id, line } => super::edit::run(choice, &id, line, git_commit),
    }
}

/// What `brief new` was asked.
pub struct New<'a> {
    pub title: Option<&'a str>,
    pub from: Option<&'a Path>,
    pub meeting: Option<usize>,
    pub lang: brief_core::Lang,
    /// Commit the new file in the archive's git work tree (`git: commit`).
    pub git_commit: bool,
}

pub fn run(choice: &Choice, new: New) -> Result<Outcome, Failure> {
    let New {
        title,
        from,
        meeting,
        lang,
        git_commit,
    } = new;
    let folder = choice.dir().ok_or_else(|| {
        Failure::Usage("brief new needs a briefings folder (--dir DIR or $BRIEF_DIR); the built-in corpus is read-only".into())
    })?;
    if !folder.is_dir() {
        return Err(Failure::Load(brief_core::load::LoadError::Missing(
            folder.to_path_buf(),
        )));
    }
    let (text, stem) = match from {
        Some(file) => {
            let (article, name) = super::draft::read_article(Some(file))?;
            let registry = super::draft::registry_in(folder);
            let mut draft = brief_draft::draft(&article, &registry);
            for note in &draft.notes {
                super::say(format_args!("brief: {name}: {note}"));
            }
            let n = meeting.unwrap_or(1);
            if n == 0 || n > draft.meetings.len() {
                return Err(Failure::Usage(format!(
                    "--meeting {n}: the page has {} meeting(s)",
                    draft.meetings.len()
                )));
            }
            // The chosen meeting first, the others listed in its comment.
            let chosen = draft.meetings.remove(n - 1);
            draft.meetings.insert(0, chosen);
            if let (Some(t), Some(m)) = (title, draft.meetings.first_mut()) {
                m.title = t.to_string();
                m.id = brief_draft::id_for(m.date.as_ref().map(|(d, _)| d), t);
            }
            let id = draft
                .meetings
                .first()
                .map(|m| m.id.clone())
                .unwrap_or_default();
            let yaml = draft.main_yaml(&registry, &name).unwrap_or_default();
            (yaml, id)
        }
        None => {
            let t = brief_draft::template(title, lang);
            let fallback = match lang {
                brief_core::Lang::Fr => "nouvelle fiche",
                brief_core::Lang::En => "new briefing",
            };
            let id = brief_draft::id_for(None, title.unwrap_or(fallback));
            (t, id)
        }
    };
    let draft = draft_path(&drafts_dir()?, &stem);
    std::fs::write(&draft, &text)?;
    let exists = |_: &str, id: &str| {
        let target = folder.join(format!("{id}.yaml"));
        target.exists().then(|| {
            format!(
                "{} already exists; brief new never overwrites a file: choose another id, or use 'brief edit {id}'",
                target.display()
            )
        })
    };
    let line = super::edit::line_of(&text, "title:");
    // Without an `id:` line, the file name (and so the id) comes from the
    // date and the title as they are when the editor closes.
    let id_of = |text: &str, b: &brief_core::Briefing| {
        if super::edit::has_id_line(text) {
            b.id.to_string()
        } else {
            brief_draft::id_for(b.date.as_ref(), &b.title)
        }
    };
    // A template left as it was is not a briefing; a draft of an article is.
    let untouched = from.is_none().then_some(text.as_str());
    let Some(valid) = session(
        &draft,
        folder,
        None,
        line,
        untouched,
        from.is_some(),
        &id_of,
        &exists,
    )?
    else {
        return Ok(Outcome::Nothing);
    };
    let target = folder.join(format!("{}.yaml", valid.id));
    match create_new(&target, &valid.text) {
        Ok(()) => {
            let _ = std::fs::remove_file(&draft);
            super::say(format_args!("brief: created {}", target.display()));
            if git_commit {
                super::sync::commit_written(&target, &format!("brief new: {}", valid.id));
            }
            Ok(Outcome::Found)
        }
        Err(e) => {
            super::say(format_args!(
                "brief: cannot create {}: {e}; draft kept in {}",
                target.display(),
                draft.display()
            ));
            Ok(Outcome::Nothing)
        }
    }
}
