//! The actor registry (`actors.yaml`): each entry, and each office of an
//! entry, checked on its own.

use std::path::Path;

use serde::Deserialize;
use serde_yaml::Value;

use crate::actors::Registry;
use crate::load::yaml::{check_alias_expansion, yaml_problem};
use crate::load::{Input, problem};
use crate::model::{Actor, ActorKind, Office, Problem, Severity};
use crate::text::nfc;

use super::{decode, scalar};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegistryEntry {
    id: String,
    name: String,
    short: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    kind: Option<ActorKind>,
    description: Option<String>,
    /// Checked office by office: a bad one is reported and left out, the
    /// actor still loads.
    offices: Option<Value>,
}

const OFFICE_FIELDS: &[&str] = &["names", "from", "to"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    names: Vec<String>,
    from: Value,
    to: Option<Value>,
}

pub(crate) fn parse_registry(input: Input, problems: &mut Vec<Problem>) -> Registry {
    let path = input.path;
    let text = match input.bytes.and_then(|b| decode(&path, b)) {
        Ok(t) => t,
        Err(p) => {
            problems.push(p);
            return Registry::default();
        }
    };
    if let Err(p) = check_alias_expansion(&path, &text) {
        problems.push(p);
        return Registry::default();
    }
    let entries: Vec<Value> = match serde_yaml::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            problems.push(yaml_problem(&path, &e, &[]));
            return Registry::default();
        }
    };
    const FIELDS: &[&str] = &[
        "id",
        "name",
        "short",
        "aliases",
        "kind",
        "description",
        "offices",
    ];
    let mut actors = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let hint = entry.get("id").and_then(scalar);
        match serde_yaml::from_value::<RawRegistryEntry>(entry) {
            Ok(raw) => {
                let offices = raw
                    .offices
                    .map(|v| parse_offices(&path, &text, &raw.id, v, problems))
                    .unwrap_or_default();
                actors.push(Actor {
                    id: nfc(&raw.id),
                    name: nfc(&raw.name),
                    short: raw.short.as_deref().map(nfc),
                    aliases: raw.aliases.iter().map(|a| nfc(a)).collect(),
                    kind: raw.kind.unwrap_or(ActorKind::Other),
                    description: raw.description.as_deref().map(nfc),
                    registered: true,
                    offices,
                })
            }
            Err(e) => {
                let mut p = yaml_problem(&path, &e, FIELDS);
                let (line, column) = hint
                    .as_deref()
                    .and_then(|id| text.find(id).map(|at| text[..at].lines().count().max(1)))
                    .map(|l| (Some(l), None))
                    .unwrap_or((None, None));
                p.line = p.line.or(line);
                p.column = p.column.or(column);
                p.message = format!("actor entry {}: {}", i + 1, p.message);
                problems.push(p);
            }
        }
    }
    let (mut registry, clashes) = Registry::new(actors);
    let dir = path.parent().unwrap_or(Path::new("."));
    registry.set_topics(crate::topics::read_in(dir, problems));
    problems.extend(
        clashes
            .into_iter()
            .map(|c| problem(&path, Severity::Warning, c)),
    );
    registry
}

/// The `offices:` of the registry entry `id`: each office checked on its
/// own; a bad one is an error placed at its line and left out.
fn parse_offices(
    path: &Path,
    text: &str,
    id: &str,
    value: Value,
    problems: &mut Vec<Problem>,
) -> Vec<Office> {
    let entry = Entry { path, text, id };
    let items = match value {
        Value::Sequence(items) => items,
        Value::Null => return Vec::new(),
        _ => {
            problems.push(entry.err(
                None,
                None,
                "offices: expected a list of offices (names, from, to)".into(),
            ));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        match entry.office(i, item) {
            Ok(office) => out.push(office),
            Err(p) => problems.push(p),
        }
    }
    out
}

/// A registry entry being read, for its offices' problems.
struct Entry<'a> {
    path: &'a Path,
    text: &'a str,
    id: &'a str,
}

impl Entry<'_> {
    /// An error at office `index`'s `field` (or as near as can be found).
    fn err(&self, index: Option<usize>, field: Option<&str>, message: String) -> Problem {
        let (line, column) = locate_office(self.text, self.id, index, field).unzip();
        let which = index.map_or(String::new(), |i| format!(", office {}", i + 1));
        Problem {
            line,
            column,
            ..problem(
                self.path,
                Severity::Error,
                format!("actor '{}'{which}: {message}", self.id),
            )
        }
    }

    /// Office `i`, or the error that leaves it out.
    fn office(&self, i: usize, item: Value) -> Result<Office, Problem> {
        let raw: RawOffice = serde_yaml::from_value(item).map_err(|e| {
            let p = yaml_problem(self.path, &e, OFFICE_FIELDS);
            let field = p
                .message
                .strip_prefix("unknown field '")
                .and_then(|r| r.split('\'').next());
            self.err(Some(i), field, p.message.clone())
        })?;
        let names: Vec<String> = raw
            .names
            .iter()
            .map(|n| nfc(n.trim()))
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            let said = "names: give at least one name of the office";
            return Err(self.err(Some(i), Some("names"), said.into()));
        }
        let Some(from) = office_year(&raw.from) else {
            let said = "from: expected the year the office was taken up, such as 2019";
            return Err(self.err(Some(i), Some("from"), said.into()));
        };
        let to = match raw.to.as_ref().filter(|v| !v.is_null()) {
            None => None,
            Some(v) => match office_year(v) {
                Some(to) if to >= from => Some(to),
                Some(to) => {
                    let said = format!("to: {to} is before from {from}");
                    return Err(self.err(Some(i), Some("to"), said));
                }
                None => {
                    let said = "to: expected the last year the office was held, such as 2024 (leave it out while it is held)";
                    return Err(self.err(Some(i), Some("to"), said.into()));
                }
            },
        };
        Ok(Office { names, from, to })
    }
}

/// A year of four digits, as a number or a string.
fn office_year(v: &Value) -> Option<u16> {
    let y = match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) if s.trim().len() == 4 => s.trim().parse().ok(),
        _ => None,
    }?;
    u16::try_from(y).ok().filter(|y| (1000..=9999).contains(y))
}

/// Line and column of `field` in office `index` of the registry entry `id`
/// (or of that office, of its `offices:` key, of the entry), for problems
/// found after parsing. Block style is searched; flow style falls back to
/// the nearest enclosing line.
fn locate_office(
    text: &str,
    id: &str,
    index: Option<usize>,
    field: Option<&str>,
) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    // The entry: from its `- ` at column 0 to the next one.
    let id_line = lines.iter().position(|l| {
        let t = l.trim_start().trim_start_matches('-').trim_start();
        t.strip_prefix("id:")
            .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == id)
    })?;
    let start = (0..=id_line)
        .rev()
        .find(|&i| lines[i].starts_with('-'))
        .unwrap_or(id_line);
    let end = (start + 1..lines.len())
        .find(|&i| lines[i].starts_with('-'))
        .unwrap_or(lines.len());
    let at = |i: usize, key: &str| -> (usize, usize) {
        let l = lines[i];
        let col = l.find(key).map_or(1, |c| l[..c].chars().count() + 1);
        (i + 1, col)
    };
    let key_of = |l: &str, key: &str| {
        l.trim_start()
            .trim_start_matches('-')
            .trim_start()
            .starts_with(&format!("{key}:"))
    };
    let Some(offices) = (start..end).find(|&i| key_of(lines[i], "offices")) else {
        return Some((id_line + 1, 1));
    };
    let Some(index) = index else {
        return Some(at(offices, "offices"));
    };
    // The block ends at the next key as far left as `offices:`.
    let end = (offices + 1..end)
        .find(|&i| {
            let t = lines[i].trim_start();
            !t.is_empty()
                && !t.starts_with('#')
                && !t.starts_with('-')
                && indent(lines[i]) <= indent(lines[offices])
        })
        .unwrap_or(end);
    // The offices' items: `- ` lines at the indentation of the first one.
    let item_indent = (offices + 1..end)
        .find(|&i| lines[i].trim_start().starts_with('-'))
        .map(|i| indent(lines[i]));
    let Some(item_indent) = item_indent else {
        return Some(at(offices, "offices"));
    };
    let items: Vec<usize> = (offices + 1..end)
        .filter(|&i| indent(lines[i]) == item_indent && lines[i].trim_start().starts_with('-'))
        .collect();
    let Some(&item) = items.get(index) else {
        return Some(at(offices, "offices"));
    };
    let item_end = items.get(index + 1).copied().unwrap_or(end).min(end);
    let Some(field) = field else {
        return Some((item + 1, item_indent + 1));
    };
    (item..item_end)
        .find(|&i| key_of(lines[i], field))
        .map(|i| at(i, field))
        .or(Some((item + 1, item_indent + 1)))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::load::load_files;
    use crate::model::{Office, Severity};

    const REGISTRY: &str = "\
- id: ylva-johansson
  name: \"Ylva Johansson\"
  kind: person
  offices:
    - names:
        - \"commissaire européenne aux affaires intérieures\"
        - \"European Commissioner for Home Affairs\"
      from: 2019
      to: 2024
- id: catherine-de-bolle
  name: \"Catherine De Bolle\"
  kind: person
  offices:
    - names: [\"directrice exécutive d’Europol\", \"Executive Director of Europol\"]
      from: 2018
";

    fn load(text: &str) -> crate::Folder {
        load_files(
            vec![(PathBuf::from("actors.yaml"), text.as_bytes().to_vec())],
            "test".into(),
        )
    }

    /// The folder's own actors: the built-in registry's come after them.
    fn own_actors(corpus: &crate::Folder) -> Vec<&crate::model::Actor> {
        let own = ["ylva-johansson", "catherine-de-bolle"];
        let actors = corpus.registry.actors();
        actors
            .iter()
            .filter(|a| own.contains(&a.id.as_str()))
            .collect()
    }

    #[test]
    fn offices_are_read_with_their_years() {
        let corpus = load(REGISTRY);
        assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
        let ylva = &corpus.registry.actors()[0];
        assert_eq!(
            ylva.offices,
            [Office {
                names: vec![
                    "commissaire européenne aux affaires intérieures".into(),
                    "European Commissioner for Home Affairs".into()
                ],
                from: 2019,
                to: Some(2024),
            }]
        );
        assert_eq!(ylva.offices[0].years(), "2019–2024");
        let bolle = &corpus.registry.actors()[1];
        assert_eq!(bolle.offices[0].to, None);
        assert_eq!(bolle.offices[0].years(), "2018–");
        assert!(bolle.offices[0].held_in(2030) && !bolle.offices[0].held_in(2017));
        // An office name is not one of the actor's names.
        assert_eq!(
            corpus
                .registry
                .resolve("commissaire européenne aux affaires intérieures"),
            None
        );
    }

    /// The problems of a registry with `bad` as the second office of Ylva
    /// Johansson: the rest must still load.
    fn with_bad_office(bad: &str) -> Vec<(usize, usize, String)> {
        let text = REGISTRY.replacen("      to: 2024\n", &format!("      to: 2024\n{bad}"), 1);
        let corpus = load(&text);
        let actors = own_actors(&corpus);
        assert_eq!(actors.len(), 2, "every actor still loads");
        assert_eq!(actors[0].offices.len(), 1, "the good office still loads");
        assert_eq!(actors[1].offices.len(), 1);
        corpus
            .problems
            .iter()
            .map(|p| {
                assert_eq!(p.severity, Severity::Error);
                assert_eq!(p.path, PathBuf::from("actors.yaml"));
                (
                    p.line.unwrap_or(0),
                    p.column.unwrap_or(0),
                    p.message.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_bad_office_is_an_error_at_its_line_and_the_rest_loads() {
        // Lines: the bad office starts on line 10.
        let p = with_bad_office("    - names: [\"x\"]\n      from: 2020\n      to: 2019\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].0, p[0].1), (12, 7), "{p:?}");
        assert!(
            p[0].2
                .contains("actor 'ylva-johansson', office 2: to: 2019 is before from 2020"),
            "{p:?}"
        );

        let p = with_bad_office("    - names: [\"x\"]\n      from: next year\n");
        assert_eq!((p[0].0, p[0].1), (11, 7), "{p:?}");
        assert!(p[0].2.contains("from: expected the year"), "{p:?}");

        let p = with_bad_office("    - names: []\n      from: 2020\n");
        assert_eq!((p[0].0, p[0].1), (10, 7), "{p:?}");
        assert!(p[0].2.contains("at least one name"), "{p:?}");

        let p = with_bad_office("    - names: [\"x\"]\n      form: 2020\n");
        assert_eq!((p[0].0, p[0].1), (11, 7), "{p:?}");
        assert!(p[0].2.contains("did you mean 'from'"), "{p:?}");

        let p = with_bad_office("    - names: [\"x\"]\n");
        assert_eq!((p[0].0, p[0].1), (10, 5), "{p:?}");
        assert!(p[0].2.contains("missing field"), "{p:?}");
    }

    #[test]
    fn offices_that_are_not_a_list_are_an_error_at_the_key() {
        let text = REGISTRY.replacen(
            "  offices:\n    - names: [\"directrice",
            "  offices: 3\n  aliases:\n    - names: [\"directrice",
            1,
        );
        let text = text.replace(
            "  aliases:\n    - names: [\"directrice exécutive d’Europol\", \"Executive Director of Europol\"]\n      from: 2018\n",
            "",
        );
        let corpus = load(&text);
        assert_eq!(own_actors(&corpus).len(), 2);
        let p = &corpus.problems[0];
        assert_eq!((p.line, p.column), (Some(13), Some(3)), "{p:?}");
        assert!(p.message.contains("offices: expected a list"), "{p:?}");
    }
}
