//! One file -> one briefing (or the actor registry), with its problems.

use std::path::Path;

use serde::Deserialize;
use serde_yaml::Value;

use super::yaml::{at_second_key, check_alias_expansion, locate, yaml_problem};
use super::{Input, NamedActor, ParseResult, Parsed, problem};
use crate::actors::Registry;
use crate::countries;
use crate::model::{
    Actor, ActorKind, Briefing, CountryCode, Location, Office, PartialDate, Problem, Severity,
    Source,
};
use crate::text::nfc;

const BRIEFING_FIELDS: &[&str] = &[
    "id",
    "title",
    "date",
    "end_date",
    "date_note",
    "published",
    "location",
    "language",
    "summary",
    "actors",
    "countries",
    "topics",
    "source",
    "body",
    "related",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBriefing {
    id: Option<String>,
    title: String,
    date: Option<Value>,
    end_date: Option<Value>,
    date_note: Option<String>,
    published: Option<Value>,
    location: Option<RawLocation>,
    language: Option<String>,
    summary: Option<String>,
    #[serde(default)]
    actors: Vec<RawActorRef>,
    #[serde(default)]
    countries: Vec<Value>,
    #[serde(default)]
    topics: Vec<String>,
    source: Option<RawSource>,
    body: Option<String>,
    #[serde(default)]
    related: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocation {
    city: Option<String>,
    country: Option<String>,
    #[serde(default)]
    online: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActorRef {
    name: String,
    role: Option<String>,
    kind: Option<ActorKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    publisher: Option<String>,
    url: Option<String>,
    #[serde(default)]
    translations: Vec<String>,
}

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

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Bytes -> text: UTF-8 (a BOM is dropped, CRLF becomes LF), else a problem.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        Problem {
            line: Some(line),
            column: Some(column),
            ..problem(path, Severity::Error, "file is not valid UTF-8")
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    })
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

fn parse_date(
    path: &Path,
    text: &str,
    key: &str,
    value: Option<Value>,
    problems: &mut Vec<Problem>,
) -> Option<PartialDate> {
    let value = value?;
    let err = |message: String| {
        let (line, column) = locate(text, key, None).unzip();
        Problem {
            line,
            column,
            ..problem(path, Severity::Error, format!("{key}: {message}"))
        }
    };
    match scalar(&value) {
        Some(s) => PartialDate::parse(&s)
            .map_err(|m| problems.push(err(m)))
            .ok(),
        None if value.is_null() => None,
        None => {
            problems.push(err("expected a date as YYYY-MM-DD, YYYY-MM or YYYY".into()));
            None
        }
    }
}

/// A file name as text that keeps every byte and holds no control
/// character: each byte that is not part of valid UTF-8, and each byte of a
/// control character, is written `-xHH-` (`raw-\xff` -> `raw--xff-`,
/// `a\nb` -> `a-x0a-b`).
pub(crate) fn lossless_name(bytes: &[u8]) -> String {
    let mut out = String::new();
    let hex = |out: &mut String, bytes: &[u8]| {
        for b in bytes {
            out.push_str(&format!("-x{b:02x}-"));
        }
    };
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                hex(&mut out, c.encode_utf8(&mut [0; 4]).as_bytes());
            } else {
                out.push(c);
            }
        }
        hex(&mut out, chunk.invalid());
    }
    out
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn parse_briefing(input: Input, registry: &Registry) -> ParseResult {
    let path = input.path;
    let (text, raw) = read_raw(&path, input.bytes?)?;
    let mut file = BriefingFile {
        path: &path,
        text: &text,
        problems: Vec::new(),
    };
    let title = nfc(raw.title.trim());
    if title.is_empty() {
        return Err(file.at("title", None, Severity::Error, "title is empty".into()));
    }
    let id = file.id(raw.id)?;
    let [date, end_date, published] = file.dates([raw.date, raw.end_date, raw.published]);
    let countries = file.countries(&raw.countries);
    let location = raw.location.map(|l| file.location(l)).unwrap_or_default();
    let source = raw
        .source
        .map(|s| Source {
            publisher: s.publisher.as_deref().map(nfc),
            url: s.url.map(|u| u.trim().to_string()),
            translations: s.translations,
        })
        .unwrap_or_default();
    let actors = file.actors(raw.actors, registry);
    let id_line = locate(&text, "id", None).map(|l| l.0);
    let briefing = Briefing {
        id: id.into(),
        title,
        date,
        end_date,
        date_note: raw.date_note.as_deref().map(nfc),
        published,
        location,
        language: raw.language.map_or_else(|| "fr".into(), Into::into),
        summary: raw.summary.as_deref().map(|s| nfc(s.trim())),
        actors: Vec::new(),
        countries,
        topics: raw.topics.iter().map(|t| nfc(t.trim()).into()).collect(),
        source,
        body: nfc(raw.body.as_deref().unwrap_or_default().trim_end()),
        related: raw.related,
        path: path.clone(),
    };
    let parsed = Parsed {
        briefing: std::sync::Arc::new(briefing),
        actors,
        id_line,
    };
    Ok((parsed, file.problems))
}

/// A briefing file's text, and its YAML read as written.
fn read_raw(path: &Path, bytes: Vec<u8>) -> Result<(String, RawBriefing), Problem> {
    let text = decode(path, bytes)?;
    if text.trim().is_empty() {
        return Err(problem(
            path,
            Severity::Error,
            "empty file: no briefing in it",
        ));
    }
    check_alias_expansion(path, &text)?;
    let raw: RawBriefing = serde_yaml::from_str(&text).map_err(|e| {
        let p = yaml_problem(path, &e, BRIEFING_FIELDS);
        at_second_key(p, &text)
    })?;
    Ok((text, raw))
}

/// A briefing file being read, and the problems met so far.
struct BriefingFile<'a> {
    path: &'a Path,
    text: &'a str,
    problems: Vec<Problem>,
}

impl BriefingFile<'_> {
    /// A problem at `key` (at `needle` in its value, when given).
    fn at(&self, key: &str, needle: Option<&str>, severity: Severity, message: String) -> Problem {
        let (line, column) = locate(self.text, key, needle).unzip();
        Problem {
            line,
            column,
            ..problem(self.path, severity, message)
        }
    }

    /// The file's name as an id would hold it. A name that is not UTF-8 or
    /// holds control characters (a newline) gives an id that keeps every
    /// byte, written `-xHH-`, and a warning.
    fn stem(&mut self) -> String {
        let Some(s) = self.path.file_stem() else {
            return String::new();
        };
        let lossless = lossless_name(s.as_encoded_bytes());
        let what = match s.to_str() {
            None => Some("is not valid UTF-8"),
            Some(text) if text != lossless => Some("holds control characters"),
            Some(_) => None,
        };
        if let Some(what) = what {
            self.problems.push(problem(
                self.path,
                Severity::Warning,
                format!(
                    "the file name {what}; those bytes are written as -xHH- in the name '{lossless}'"
                ),
            ));
        }
        lossless
    }

    /// The briefing's id. A bad id is reported and the briefing loads under
    /// its file name, so that an id is never empty.
    fn id(&mut self, written: Option<String>) -> Result<String, Problem> {
        let stem = self.stem();
        let id = match written.map(|i| nfc(i.trim())) {
            Some(id) if is_valid_id(&id) => id,
            Some(id) => {
                self.problems.push(self.at(
                    "id",
                    None,
                    Severity::Error,
                    format!(
                        "id '{id}' may only hold lowercase letters, digits and '-'; the file name '{stem}' is used instead"
                    ),
                ));
                stem
            }
            None => stem,
        };
        if id.is_empty() {
            return Err(problem(
                self.path,
                Severity::Error,
                "no id and no file name",
            ));
        }
        if !is_valid_id(&id) {
            self.problems.push(self.at(
                "id",
                None,
                Severity::Error,
                format!(
                    "id '{id}' (the file name) may only hold lowercase letters, digits and '-'"
                ),
            ));
        }
        Ok(id)
    }

    /// `date`, `end_date` and `published`; an end before the start, or
    /// without one, is said.
    fn dates(&mut self, values: [Option<Value>; 3]) -> [Option<PartialDate>; 3] {
        let [date, end_date, published] = values;
        let (path, text) = (self.path, self.text);
        let date = parse_date(path, text, "date", date, &mut self.problems);
        let end_date = parse_date(path, text, "end_date", end_date, &mut self.problems);
        let published = parse_date(path, text, "published", published, &mut self.problems);
        match (date, end_date) {
            (Some(d), Some(e)) if e < d && !d.within(&e) => self.problems.push(self.at(
                "end_date",
                None,
                Severity::Error,
                format!("end_date {e} is before date {d}"),
            )),
            (None, Some(_)) => self.problems.push(self.at(
                "end_date",
                None,
                Severity::Warning,
                "end_date without date".into(),
            )),
            _ => {}
        }
        [date, end_date, published]
    }

    /// A country by name or code, under `key`; an unknown one is said.
    fn country(&mut self, name: &str, key: &str) -> Option<CountryCode> {
        match countries::resolve(name) {
            Ok(c) => CountryCode::new(c.code),
            Err(suggestion) => {
                let hint = suggestion
                    .map(|c| format!("; did you mean {} ({})?", c.name_fr, c.code))
                    .unwrap_or_default();
                self.problems.push(self.at(
                    key,
                    Some(name),
                    Severity::Error,
                    format!("unknown country '{name}'{hint}"),
                ));
                None
            }
        }
    }

    /// The `countries` list, each once.
    fn countries(&mut self, values: &[Value]) -> Vec<CountryCode> {
        let mut codes: Vec<CountryCode> = Vec::new();
        for v in values {
            let Some(name) = scalar(v) else {
                self.problems.push(self.at(
                    "countries",
                    None,
                    Severity::Error,
                    "countries: expected a list of names or codes".into(),
                ));
                continue;
            };
            if let Some(code) = self.country(&name, "countries")
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        codes
    }

    fn location(&mut self, l: RawLocation) -> Location {
        Location {
            city: l
                .city
                .as_deref()
                .map(|c| nfc(c.trim()))
                .filter(|c| !c.is_empty()),
            country: l
                .country
                .as_deref()
                .and_then(|c| self.country(c, "location")),
            online: l.online,
        }
    }

    /// The actors named, each resolved through `registry` where it knows
    /// them; an unknown one keeps the warning to give if it is new to the corpus.
    fn actors(&self, actors: Vec<RawActorRef>, registry: &Registry) -> Vec<NamedActor> {
        actors
            .into_iter()
            .map(|a| (nfc(a.name.trim()), a.kind, a.role.as_deref().map(nfc)))
            .filter(|(n, _, _)| !n.is_empty())
            .map(|(written, kind, role)| {
                let resolved = registry.resolve(&written).ok_or_else(|| {
                    let hint = registry
                        .suggest(&written)
                        .filter(|a| a.registered)
                        .map(|a| format!("; did you mean '{}'?", a.short_label()))
                        .unwrap_or_default();
                    let warning = self.at(
                        "actors",
                        Some(&written),
                        Severity::Warning,
                        format!("{UNREGISTERED_START}{written}{UNREGISTERED_END}{hint}"),
                    );
                    (kind, warning)
                });
                NamedActor {
                    written,
                    role,
                    resolved,
                }
            })
            .collect()
    }
}

/// The warning for an actor name that `actors.yaml` does not know:
/// `actor 'NAME' is not in actors.yaml[; did you mean …]`. Made here, and
/// recognised by `Problem::is_unregistered_actor` from the same pieces.
const UNREGISTERED_START: &str = "actor '";
const UNREGISTERED_END: &str = "' is not in actors.yaml";

impl crate::model::Problem {
    /// An actor name not in `actors.yaml`: every name of a folder without
    /// one. Summed up in one line rather than counted as problems one by one.
    pub fn is_unregistered_actor(&self) -> bool {
        self.severity == Severity::Warning
            && self.message.starts_with(UNREGISTERED_START)
            && self.message.contains(UNREGISTERED_END)
    }

    /// The name (and the suggested actor, if any) of an actor name not in
    /// `actors.yaml`, so it can be said in the interface language.
    pub fn unregistered_actor(&self) -> Option<(&str, Option<&str>)> {
        if !self.is_unregistered_actor() {
            return None;
        }
        let rest = self.message.strip_prefix(UNREGISTERED_START)?;
        let (name, after) = rest.rsplit_once(UNREGISTERED_END)?;
        let hint = after
            .strip_prefix("; did you mean '")
            .and_then(|h| h.strip_suffix("'?"));
        Some((name, hint))
    }
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
        let actors = corpus.registry.actors();
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
        assert_eq!(corpus.registry.actors().len(), 2);
        let p = &corpus.problems[0];
        assert_eq!((p.line, p.column), (Some(13), Some(3)), "{p:?}");
        assert!(p.message.contains("offices: expected a list"), "{p:?}");
    }
}
