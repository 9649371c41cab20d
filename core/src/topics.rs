//! The topic registry: canonical topics and every name they go by, in French
//! and English, read from an optional `topics.yaml` beside `actors.yaml`.
//! Briefings' `topics:` are resolved through it at search time, and a query
//! word naming a topic (`smuggling`, `naufrage`, `Channel`) is read as it.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::model::{Problem, Severity};
use crate::text::{fold, nfc};

/// Names are compared folded, with runs of spaces and hyphens collapsed
/// (as `actors::name_key`, which sits above this module).
fn name_key(name: &str) -> String {
    fold(name)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folded alphanumeric words of `s`.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether the words of `value` start, in order and consecutively, words of
/// `name` (folded): `Nkurunziza` and `pierre nku` are in "Pierre Nkurunziza".
pub fn words_start_with(name: &str, value: &str) -> bool {
    let name = words(name);
    let value = words(value);
    if value.is_empty() || value.len() > name.len() {
        return false;
    }
    name.windows(value.len())
        .any(|w| w.iter().zip(&value).all(|(n, v)| n.starts_with(v.as_str())))
}

/// The reserved file name of the topic registry, beside `actors.yaml`.
pub const TOPICS_FILE: &str = "topics.yaml";

/// The most of `topics.yaml` read: the briefings' limit.
const MAX_BYTES: u64 = 1024 * 1024;

/// Index of a topic in its registry.
pub type TopicId = usize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    /// Canonical name, as the briefings write it.
    pub name: String,
    /// Other names in the language of `name`.
    pub aliases: Vec<String>,
    /// Names in other languages, by language code (`en: [migrant smuggling]`).
    pub translations: BTreeMap<String, Vec<String>>,
}

impl Topic {
    /// Every name of the topic: canonical, aliases, translations.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.translations.values().flatten().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    translations: BTreeMap<String, Vec<String>>,
}

/// Canonical topics plus a lookup from any folded name.
#[derive(Debug, Clone, Default)]
pub struct Topics {
    topics: Vec<Topic>,
    by_name: HashMap<String, TopicId>,
}

impl Topics {
    /// Builds the registry; returns messages for names claimed by two entries
    /// (the first entry keeps the name).
    pub fn new(entries: Vec<Topic>) -> (Topics, Vec<String>) {
        let mut reg = Topics::default();
        let mut clashes = Vec::new();
        for topic in entries {
            let id = reg.topics.len();
            for name in topic.names() {
                let key = name_key(name);
                if key.is_empty() {
                    continue;
                }
                match reg.by_name.get(&key) {
                    Some(&other) if other != id => clashes.push(format!(
                        "the name '{name}' of topic '{}' already belongs to '{}'",
                        topic.id, reg.topics[other].id
                    )),
                    Some(_) => {}
                    None => {
                        reg.by_name.insert(key, id);
                    }
                }
            }
            reg.topics.push(topic);
        }
        (reg, clashes)
    }

    /// Reads `topics.yaml` text; Err is the reason it cannot be read.
    pub fn parse(text: &str) -> Result<(Topics, Vec<String>), String> {
        let raw: Vec<RawTopic> = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let entries = raw
            .into_iter()
            .map(|r| Topic {
                id: nfc(r.id.trim()),
                name: nfc(r.name.trim()),
                aliases: r.aliases.iter().map(|a| nfc(a.trim())).collect(),
                translations: r
                    .translations
                    .into_iter()
                    .map(|(lang, names)| (lang, names.iter().map(|n| nfc(n.trim())).collect()))
                    .collect(),
            })
            .collect();
        Ok(Topics::new(entries))
    }

    pub fn all(&self) -> &[Topic] {
        &self.topics
    }

    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    pub fn get(&self, id: TopicId) -> Option<&Topic> {
        self.topics.get(id)
    }

    /// The topic that has `name` as one of its names (case, accents, hyphens ignored).
    pub fn resolve(&self, name: &str) -> Option<TopicId> {
        self.by_name.get(&name_key(name)).copied()
    }

    /// Topics one of whose names holds the words of `value` as word prefixes,
    /// in order (`passeur` finds "réseaux de passeurs"): what `sujet:` forgives.
    pub fn matching(&self, value: &str) -> Vec<TopicId> {
        if let Some(id) = self.resolve(value) {
            return vec![id];
        }
        (0..self.topics.len())
            .filter(|&i| self.topics[i].names().any(|n| words_start_with(n, value)))
            .collect()
    }

    /// The topic whose names come closest to `value`, for "did you mean".
    pub fn suggest(&self, value: &str) -> Option<&Topic> {
        let names: Vec<(&str, TopicId)> = self
            .topics
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.names().map(move |n| (n, i)))
            .collect();
        let best = crate::text::closest(value, names.iter().map(|(n, _)| *n))?;
        names
            .iter()
            .find(|(n, _)| *n == best)
            .and_then(|(_, i)| self.topics.get(*i))
    }
}

/// The topic registry at the top of the folder `dir` (`topics.yaml`, beside
/// `actors.yaml`), empty when there is none; its problems go to `problems`.
pub fn read_in(dir: &Path, problems: &mut Vec<Problem>) -> Topics {
    let path = dir.join(TOPICS_FILE);
    if !path.is_file() {
        return Topics::default();
    }
    let problem = |message: String| Problem {
        path: path.clone(),
        line: None,
        column: None,
        severity: Severity::Warning,
        message,
    };
    // Only a regular file (checked above, links followed), and at most the
    // same 1 MiB as a briefing whatever it grows to while read.
    let text = {
        use std::io::Read;
        let mut bytes = Vec::new();
        let read =
            std::fs::File::open(&path).and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes));
        if let Err(e) = read {
            problems.push(problem(format!("cannot read the topic registry: {e}")));
            return Topics::default();
        }
        if bytes.len() as u64 > MAX_BYTES {
            problems.push(problem(format!(
                "the topic registry is over the {MAX_BYTES} byte limit; not read"
            )));
            return Topics::default();
        }
        match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                problems.push(problem(format!("cannot read the topic registry: {e}")));
                return Topics::default();
            }
        }
    };
    match Topics::parse(&text) {
        Ok((topics, clashes)) => {
            problems.extend(clashes.into_iter().map(problem));
            topics
        }
        Err(e) => {
            problems.push(problem(format!("topic registry not read: {e}")));
            Topics::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = r#"
- id: trafic-de-migrants
  name: trafic de migrants
  aliases: [trafic illicite de migrants]
  translations: { en: [migrant smuggling, smuggling] }
- id: naufrage
  name: naufrage
  translations: { en: [shipwreck] }
"#;

    #[test]
    fn every_name_of_a_topic_resolves_to_it() {
        let (t, clashes) = Topics::parse(YAML).expect("parses");
        assert!(clashes.is_empty());
        for name in ["Trafic de migrants", "SMUGGLING", "migrant smuggling"] {
            assert_eq!(t.resolve(name), Some(0), "{name}");
        }
        assert_eq!(t.resolve("Shipwreck"), Some(1));
        assert_eq!(t.matching("smugg"), vec![0]);
        assert_eq!(t.matching("zzz"), Vec::<usize>::new());
        assert_eq!(
            t.suggest("shipwrek").map(|t| t.id.as_str()),
            Some("naufrage")
        );
    }

    #[test]
    fn unknown_fields_are_reported() {
        assert!(Topics::parse("- id: a\n  name: b\n  colour: red\n").is_err());
    }
}
