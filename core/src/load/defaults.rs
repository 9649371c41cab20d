//! The built-in registries (`core/src/registries/`): the organisations and
//! topics of the field, in French and English, applied to every folder under
//! the folder's own `actors.yaml` and `topics.yaml`, so that a new archive
//! reads `IOM`, `border` or `shipwreck` as the shipped one does.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use super::{Input, parse_registry};
use crate::actors::{Registry, name_key};
use crate::model::{Actor, Registries};
use crate::topics::{Topic, Topics};

const ACTORS: &str = include_str!("../registries/actors.yaml");
const TOPICS: &str = include_str!("../registries/topics.yaml");

/// The built-in actors, parsed once.
fn builtin_actors() -> &'static [Actor] {
    static ACTORS_PARSED: OnceLock<Vec<Actor>> = OnceLock::new();
    ACTORS_PARSED.get_or_init(|| {
        let input = Input {
            path: PathBuf::from("built-in actors.yaml"),
            bytes: Ok(ACTORS.as_bytes().to_vec()),
        };
        // Known good (a test parses it without a problem).
        let mut problems = Vec::new();
        parse_registry(input, &mut problems).actors().to_vec()
    })
}

/// The built-in topics, parsed once.
fn builtin_topics() -> &'static [Topic] {
    static TOPICS_PARSED: OnceLock<Vec<Topic>> = OnceLock::new();
    TOPICS_PARSED.get_or_init(|| {
        Topics::parse(TOPICS)
            .map(|(t, _)| t.all().to_vec())
            .unwrap_or_default()
    })
}

/// Entries of `builtin` that take neither an id nor a name of `folder`'s:
/// where both know an actor or topic, the folder's entry is the one.
fn not_taken<'a, T>(
    folder: &[T],
    builtin: &'a [T],
    id: impl Fn(&T) -> &str,
    names: impl Fn(&T) -> Vec<&str>,
) -> impl Iterator<Item = &'a T> {
    let ids: HashSet<String> = folder.iter().map(|e| id(e).to_string()).collect();
    let taken: HashSet<String> = folder
        .iter()
        .flat_map(|e| names(e).into_iter().map(name_key))
        .collect();
    builtin.iter().filter(move |e| {
        !ids.contains(id(e)) && names(e).into_iter().all(|n| !taken.contains(&name_key(n)))
    })
}

/// The registry in force for a folder: its own, with the built-in entries
/// it does not have after its own (unless `FolderOnly`).
pub fn apply(folder: Registry, registries: Registries) -> Registry {
    if registries == Registries::FolderOnly {
        return folder;
    }
    let mut actors = folder.actors().to_vec();
    let extra = not_taken(
        folder.actors(),
        builtin_actors(),
        |a| a.id.as_str(),
        |a| a.names().collect(),
    );
    actors.extend(extra.cloned());
    // The folder's own clashes were reported when it was read.
    let (mut merged, _) = Registry::new(actors);
    merged.set_topics(apply_topics(folder.topics().clone(), registries));
    merged
}

/// The topics in force: the folder's, then the built-in ones it does not
/// have (unless `FolderOnly`): for a corpus from the cache, whose topics are
/// read afresh.
pub(crate) fn apply_topics(folder: Topics, registries: Registries) -> Topics {
    if registries == Registries::FolderOnly {
        return folder;
    }
    let mut topics = folder.all().to_vec();
    let extra = not_taken(
        folder.all(),
        builtin_topics(),
        |t| t.id.as_str(),
        |t| t.names().collect(),
    );
    topics.extend(extra.cloned());
    Topics::new(topics).0
}

/// How many entries of the built-in registries a folder's registry adds to:
/// for `brief paths` and `brief check`.
pub fn builtin_counts() -> (usize, usize) {
    (builtin_actors().len(), builtin_topics().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_registries_read_without_a_problem() {
        let mut problems = Vec::new();
        let input = Input {
            path: PathBuf::from("built-in actors.yaml"),
            bytes: Ok(ACTORS.as_bytes().to_vec()),
        };
        let reg = parse_registry(input, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(reg.resolve("IOM").is_some() && reg.resolve("ICMPD").is_some());
        let (topics, clashes) = Topics::parse(TOPICS).expect("the built-in topics parse");
        assert!(clashes.is_empty(), "{clashes:?}");
        assert!(topics.resolve("shipwreck").is_some());
    }

    #[test]
    fn the_folders_entries_win_and_folder_only_keeps_them_alone() {
        let folder_actor = Actor {
            id: "mon-oim".into(),
            name: "Mon OIM à moi".into(),
            short: Some("OIM".into()),
            aliases: Vec::new(),
            kind: crate::model::ActorKind::Organisation,
            description: None,
            registered: true,
            offices: Vec::new(),
        };
        let (folder, _) = Registry::new(vec![folder_actor]);
        let merged = apply(folder.clone(), Registries::BuiltIn);
        // The folder's OIM keeps the name; the built-in OIM stays out.
        let oim = merged.resolve("OIM").and_then(|a| merged.get(a));
        assert_eq!(oim.map(|a| a.id.as_str()), Some("mon-oim"));
        assert_eq!(merged.resolve("IOM"), None);
        assert!(merged.resolve("Frontex").is_some());
        assert!(merged.topics().resolve("shipwreck").is_some());
        let alone = apply(folder, Registries::FolderOnly);
        assert_eq!(alone.resolve("Frontex"), None);
        assert_eq!(alone.actors().len(), 1);
    }
}
