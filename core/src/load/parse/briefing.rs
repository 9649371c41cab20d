//! A briefing file -> one briefing, with its problems.

use std::path::Path;

use serde::Deserialize;
use serde_yaml::Value;

use crate::actors::Registry;
use crate::countries;
use crate::load::yaml::{at_second_key, check_alias_expansion, locate, yaml_problem};
use crate::load::{Input, NamedActor, ParseResult, Parsed, problem};
use crate::model::{
    ActorKind, Briefing, CountryCode, Location, PartialDate, Problem, Severity, Source,
};
use crate::text::nfc;

use super::{decode, scalar};

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
    check_conflict_markers(path, &text)?;
    let raw: RawBriefing = serde_yaml::from_str(&text).map_err(|e| {
        let p = yaml_problem(path, &e, BRIEFING_FIELDS);
        at_second_key(p, &text)
    })?;
    Ok((text, raw))
}

/// A file a git merge left with both versions in it (`brief sync` stopped on
/// a conflict): said as such, at the first marker, rather than as bad YAML.
fn check_conflict_markers(path: &Path, text: &str) -> Result<(), Problem> {
    let marker = |l: &str| {
        ["<<<<<<<", "=======", ">>>>>>>"].iter().any(|m| {
            l.strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    };
    let Some(at) = text.lines().position(marker) else {
        return Ok(());
    };
    Err(Problem {
        line: Some(at + 1),
        column: Some(1),
        ..problem(
            path,
            Severity::Error,
            "git conflict markers: both versions of this briefing are in the file; keep the \
             right text (between <<<<<<< and =======, or ======= and >>>>>>>), remove the \
             markers, then run brief sync again",
        )
    })
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
