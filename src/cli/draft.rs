//! `brief draft [FILE|-]`: a draft briefing from an article, every guess
//! marked with the words it comes from.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use brief_core::actors::Registry;
use brief_core::io::paths::Choice;
use brief_core::load::REGISTRY_FILE;
use brief_core::model::Registries;

use super::output::Out;
use super::{Failure, Outcome};

/// The actor registry of the chosen folder (or of the built-in corpus).
pub fn registry_for(choice: &Choice) -> Registry {
    match choice.dir() {
        Some(dir) => registry_in(dir),
        None => brief::demo::load_embedded().corpus.registry,
    }
}

/// The registry in `dir/actors.yaml`, with the topics of `dir/topics.yaml`;
/// empty when there is none.
pub fn registry_in(dir: &Path) -> Registry {
    let mut registry = actors_in(dir);
    if registry.topics().is_empty() {
        // Problems of topics.yaml belong to `brief check`.
        registry.set_topics(brief_core::topics::read_in(dir, &mut Vec::new()));
    }
    // A draft reads names and topics as the folder will: with the built-in
    // registries under its own.
    brief_core::load::defaults::apply(registry, Registries::default())
}

fn actors_in(dir: &Path) -> Registry {
    match std::fs::read(dir.join(REGISTRY_FILE)) {
        Ok(bytes) => {
            brief_core::load::load_files(
                vec![(PathBuf::from(REGISTRY_FILE), bytes)],
                dir.display().to_string(),
            )
            .corpus
            .registry
        }
        Err(_) => Registry::default(),
    }
}

/// The article's text, from a file or standard input (`-` or nothing), and
/// a name for it. At most `MAX_INPUT` bytes are read (a regular file over it
/// is refused from its size, unread); the text is decoded by its charset
/// and refused when empty or not text: exit 1, saying why.
pub fn read_article(file: Option<&Path>) -> Result<(String, String), Failure> {
    let limit = brief_draft::input::MAX_INPUT;
    let (bytes, name) = match file {
        Some(p) if p != Path::new("-") => {
            let name = p.display().to_string();
            let f = std::fs::File::open(p)
                .map_err(|e| Failure::Usage(format!("cannot read '{name}': {e}")))?;
            if f.metadata()
                .is_ok_and(|m| m.is_file() && m.len() > limit as u64)
            {
                return Err(refused(&name, &brief_draft::input::Refusal::TooLarge));
            }
            let bytes = read_bounded(f, limit)
                .map_err(|e| Failure::Usage(format!("cannot read '{name}': {e}")))?;
            (bytes, name)
        }
        _ => (
            read_bounded(std::io::stdin().lock(), limit)?,
            "standard input".to_string(),
        ),
    };
    match brief_draft::input::decode(&bytes) {
        Ok(decoded) => Ok((decoded.text, name)),
        Err(why) => Err(refused(&name, &why)),
    }
}

/// Up to `limit` bytes and one more, so that one over the limit is seen
/// without reading on (`/dev/zero`, `yes |`).
fn read_bounded(r: impl Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn refused(name: &str, why: &brief_draft::input::Refusal) -> Failure {
    Failure::Nothing(format!("'{name}' {why}"))
}

pub fn run<W: Write>(
    out: &mut Out<W>,
    choice: &Choice,
    file: Option<&Path>,
) -> Result<Outcome, Failure> {
    let (text, name) = read_article(file)?;
    let registry = registry_for(choice);
    let draft = brief_draft::draft(&text, &registry);
    for note in &draft.notes {
        super::say(format_args!("brief: {name}: {note}"));
    }
    if draft.meetings.is_empty() {
        return Ok(Outcome::Nothing);
    }
    out.w
        .write_all(draft.all_yaml(&registry, &name).as_bytes())?;
    Ok(Outcome::Found)
}
