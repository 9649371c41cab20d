//! Folder -> `Corpus` + problems. The only file that speaks YAML.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use serde_yaml::Value;

use crate::actors::Registry;
use crate::cache;
use crate::corpus::Corpus;
use crate::countries;
use crate::model::{
    Actor, ActorId, ActorKind, ActorRef, Briefing, CountryCode, Location, PartialDate, Problem,
    Severity, Source,
};
use crate::text::{closest, nfc};

/// The reserved file name of the actor registry, at the top of the folder.
pub const REGISTRY_FILE: &str = "actors.yaml";

/// Files above this size are refused before parsing.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 1024 * 1024;

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_size: u64,
    /// Folder for the cache of parsed corpora; `None` reads every file each time.
    pub cache: Option<PathBuf>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            cache: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("briefings folder '{0}' does not exist")]
    Missing(PathBuf),
    #[error("'{0}' is not a folder")]
    NotADir(PathBuf),
    #[error("cannot read briefings folder '{path}': {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// One file's bytes (or why they could not be had), before parsing.
pub(crate) struct Input {
    path: PathBuf,
    bytes: Result<Vec<u8>, Problem>,
}

/// A file parsed on its own, before actors are resolved across the corpus.
pub(crate) struct Parsed {
    pub(crate) briefing: std::sync::Arc<Briefing>,
    /// Actors as written, resolved through the registry where it knows them.
    pub(crate) actors: Vec<NamedActor>,
    /// Line of the `id` key, for a duplicate id.
    pub(crate) id_line: Option<usize>,
}

/// An actor named in a briefing. Unknown names keep their kind and the
/// warning to give if the name is new to the whole corpus.
pub(crate) struct NamedActor {
    pub(crate) written: String,
    role: Option<String>,
    pub(crate) resolved: Result<ActorId, (Option<ActorKind>, Problem)>,
}

pub(crate) type ParseResult = Result<(Parsed, Vec<Problem>), Problem>;

fn problem(path: &Path, severity: Severity, message: impl Into<String>) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line: None,
        column: None,
        severity,
        message: message.into(),
    }
}

/// Lists every `*.yaml`/`*.yml` below `root` (the registry apart), following
/// symlinks but never twice into the same folder.
pub(crate) fn walk(root: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        match std::fs::canonicalize(&dir) {
            Ok(real) if !seen.insert(real.clone()) => {
                problems.push(problem(
                    &dir,
                    Severity::Warning,
                    "folder already visited (symlink loop?), skipped",
                ));
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                problems.push(problem(
                    &dir,
                    Severity::Error,
                    format!("cannot open folder: {e}"),
                ));
                continue;
            }
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push(problem(
                    &dir,
                    Severity::Error,
                    format!("cannot read folder: {e}"),
                ));
                continue;
            }
        };
        // The entry's own type costs no system call; only symlinks are followed with a stat.
        let mut names: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
            .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, kind) in names {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let is_dir = match kind {
                Some(k) if k.is_dir() => true,
                Some(k) if k.is_file() => false,
                _ => match std::fs::metadata(&path) {
                    Ok(m) => m.is_dir(),
                    Err(e) => {
                        if std::fs::symlink_metadata(&path)
                            .is_ok_and(|m| m.file_type().is_symlink())
                        {
                            problems.push(problem(
                                &path,
                                Severity::Warning,
                                format!("broken symlink skipped: {e}"),
                            ));
                        } else if is_briefing_name(&path) {
                            problems.push(problem(
                                &path,
                                Severity::Error,
                                format!("cannot read file: {e}"),
                            ));
                        }
                        continue;
                    }
                },
            };
            if is_dir {
                stack.push(path);
            } else if is_briefing_name(&path) && !(dir == root && is_registry(&path)) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn is_briefing_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn is_registry(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()) == Some(REGISTRY_FILE)
}

pub(crate) fn read_input(path: &Path, opts: &LoadOptions) -> Input {
    let bytes = (|| {
        let meta = std::fs::metadata(path)
            .map_err(|e| problem(path, Severity::Error, format!("cannot read file: {e}")))?;
        if meta.len() > opts.max_file_size {
            return Err(problem(
                path,
                Severity::Error,
                format!(
                    "file is {} bytes, over the {} byte limit; not parsed",
                    meta.len(),
                    opts.max_file_size
                ),
            ));
        }
        std::fs::read(path)
            .map_err(|e| problem(path, Severity::Error, format!("cannot read file: {e}")))
    })();
    Input {
        path: path.to_path_buf(),
        bytes,
    }
}

/// Loads every briefing below `root`. Fails only when the folder itself cannot be read;
/// problems with single files are in `Corpus::problems`. `progress(done, total)` is
/// called from worker threads as files are parsed.
pub fn load_dir(
    root: &Path,
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Corpus, LoadError> {
    check_root(root)?;
    let mut problems = Vec::new();
    let mut files = walk(root, &mut problems);
    files.sort();
    let registry_path = root.join(REGISTRY_FILE);
    let has_registry = registry_path.is_file();
    let origin = root.display().to_string();
    // Stamps are taken before reading, so a file changed meanwhile looks
    // changed next time rather than cached with the wrong content; live
    // reload compares them too.
    let all_stamps = {
        let mut all = files.clone();
        all.extend(has_registry.then(|| registry_path.clone()));
        cache::stamps(&all)
    };
    let seen = crate::reload::Seen::new(&files, &all_stamps, has_registry);
    let stamps = opts.cache.as_ref().map(|_| all_stamps);
    if let (Some(dir), Some(stamps)) = (&opts.cache, &stamps) {
        match cache::read(dir, root, opts.max_file_size, stamps) {
            cache::Lookup::Hit(c) => {
                progress(files.len(), files.len());
                let mut corpus = Corpus::new(c.briefings, c.registry, c.problems, origin);
                corpus.from_cache = true;
                corpus.seen = Some(seen);
                return Ok(corpus);
            }
            cache::Lookup::Miss => {}
            cache::Lookup::Damaged(p) => problems.push(p),
        }
    }
    let registry = match has_registry {
        true => parse_registry(read_input(&registry_path, opts), &mut problems),
        false => Registry::default(),
    };
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Each file is read and parsed in one go, so its bytes are freed at once
    // and the peak memory stays near the size of the parsed corpus.
    let results: Vec<ParseResult> = files
        .par_iter()
        .map(|p| {
            let result = parse_briefing(read_input(p, opts), &registry);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, total);
            result
        })
        .collect();
    let mut corpus = build(results, registry, problems, origin);
    corpus.seen = Some(seen);
    if let (Some(dir), Some(stamps)) = (&opts.cache, stamps) {
        corpus.to_cache = stamps
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .filter(|stamps| !cache::racy(stamps))
            .map(|stamps| crate::corpus::ToCache {
                dir: dir.clone(),
                root: root.to_path_buf(),
                max_file_size: opts.max_file_size,
                stamps,
            });
    }
    Ok(corpus)
}

/// Fails when the folder itself cannot be read.
pub(crate) fn check_root(root: &Path) -> Result<(), LoadError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing(root.to_path_buf()),
        _ => LoadError::Unreadable {
            path: root.to_path_buf(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotADir(root.to_path_buf()));
    }
    std::fs::read_dir(root).map_err(|e| LoadError::Unreadable {
        path: root.to_path_buf(),
        source: e,
    })?;
    Ok(())
}

/// Loads from in-memory files: `(path, bytes)`, the registry being the one named `actors.yaml`
/// at the top.
pub fn load_files(files: Vec<(PathBuf, Vec<u8>)>, origin: String) -> Corpus {
    let mut registry = None;
    let mut inputs = Vec::new();
    for (path, bytes) in files {
        let input = Input {
            path: path.clone(),
            bytes: Ok(bytes),
        };
        if path.components().count() <= 2 && is_registry(&path) {
            registry = Some(input);
        } else {
            inputs.push(input);
        }
    }
    let mut problems = Vec::new();
    let registry = match registry {
        Some(input) => parse_registry(input, &mut problems),
        None => Registry::default(),
    };
    let results = inputs
        .into_par_iter()
        .map(|input| parse_briefing(input, &registry))
        .collect();
    build(results, registry, problems, origin)
}

pub(crate) fn build(
    results: Vec<ParseResult>,
    mut registry: Registry,
    mut problems: Vec<Problem>,
    origin: String,
) -> Corpus {
    let mut briefings: Vec<std::sync::Arc<Briefing>> = Vec::with_capacity(results.len());
    // Each id's briefing (its index in `briefings`), to find duplicates.
    let mut first: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    first.reserve(results.len());
    // Unregistered actors already warned about: the warning goes with the
    // first file that names one (the registry may already know it, on reload).
    let mut warned: HashSet<ActorId> = HashSet::new();
    for result in results {
        let (mut parsed, file_problems) = match result {
            Ok(ok) => ok,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        problems.extend(file_problems);
        if let Some(&at) = first.get(&parsed.briefing.id) {
            problems.push(Problem {
                line: parsed.id_line,
                column: Some(1),
                ..problem(
                    &parsed.briefing.path,
                    Severity::Error,
                    format!(
                        "duplicate id '{}': already used by {}; this file is skipped",
                        parsed.briefing.id,
                        briefings[at].path.display()
                    ),
                )
            });
            continue;
        }
        first.insert(parsed.briefing.id.clone(), briefings.len());
        for named in std::mem::take(&mut parsed.actors) {
            let actor = match named.resolved {
                Ok(actor) => actor,
                Err((kind, warning)) => {
                    // Warned once, where the corpus first names it.
                    let (actor, _) = registry.resolve_or_add(&named.written, kind);
                    let unregistered = registry.get(actor).is_some_and(|a| !a.registered);
                    if unregistered && warned.insert(actor) {
                        problems.push(warning);
                    }
                    actor
                }
            };
            if !parsed.briefing.actors.iter().any(|a| a.actor == actor) {
                std::sync::Arc::make_mut(&mut parsed.briefing)
                    .actors
                    .push(ActorRef {
                        actor,
                        written: named.written,
                        role: named.role,
                    });
            }
        }
        briefings.push(parsed.briefing);
    }
    for b in &briefings {
        for r in &b.related {
            if !first.contains_key(r) {
                problems.push(problem(
                    &b.path,
                    Severity::Warning,
                    format!("related briefing '{r}' does not exist"),
                ));
            }
        }
    }
    briefings.sort_by(|a, b| crate::model::by_date_desc(a, b));
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    Corpus::new(briefings, registry, problems, origin)
}

/// Whether a problem depends on other files (a duplicate id, a missing related
/// briefing), so that a reload finds it again rather than keeping it.
pub(crate) fn is_cross_file(p: &Problem) -> bool {
    p.message.starts_with("duplicate id '") || p.message.starts_with("related briefing '")
}

/// Finds the line (1-based) and column of `needle` in the block of top-level
/// `key`, or of the key itself: semantic problems found after parsing point there.
fn locate(text: &str, key: &str, needle: Option<&str>) -> Option<(usize, usize)> {
    let prefix = format!("{key}:");
    let mut lines = text.lines().enumerate();
    let (start, first) = lines.by_ref().find(|(_, l)| l.starts_with(&prefix))?;
    let Some(needle) = needle else {
        return Some((start + 1, 1));
    };
    std::iter::once((start, first))
        .chain(lines.take_while(|(_, l)| l.is_empty() || l.starts_with([' ', '-', '#'])))
        .find_map(|(i, l)| {
            let at = if i == start { prefix.len() } else { 0 };
            l[at..]
                .find(needle)
                .map(|c| (i + 1, at + l[..at + c][at..].chars().count() + 1))
        })
        .or(Some((start + 1, 1)))
}

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
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Turns a YAML error into a problem with the parser's position, and a
/// "did you mean" for unknown fields.
fn yaml_problem(path: &Path, err: &serde_yaml::Error, fields: &[&str]) -> Problem {
    let mut message = err.to_string();
    // The location is reported separately, so drop the parser's " at line X column Y".
    if let Some(at) = message.find(" at line ") {
        message.truncate(at);
    }
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some(field) = rest.split('`').next()
    {
        message = match closest(field, fields.iter().copied()) {
            Some(s) => format!("unknown field '{field}'; did you mean '{s}'?"),
            None => format!(
                "unknown field '{field}'; known fields: {}",
                fields.join(", ")
            ),
        };
    }
    let loc = err.location();
    Problem {
        path: path.to_path_buf(),
        line: loc.as_ref().map(|l| l.line()),
        column: loc.as_ref().map(|l| l.column()),
        severity: Severity::Error,
        message,
    }
}

/// Refuses a file whose YAML aliases would expand to more nodes than it has
/// bytes (an alias bomb, "billion laughs"): the parser bounds alias jumps by
/// the number of events, not the number of nodes they produce, so an 8 KB file
/// can otherwise expand to billions of values. A file without `*` has no
/// alias and skips the check; with one, the nodes are counted, without
/// keeping them, by a first pass that stops at the limit.
pub(crate) fn check_alias_expansion(path: &Path, text: &str) -> Result<(), Problem> {
    if !text.contains('*') {
        return Ok(());
    }
    // Without aliases a file cannot hold more nodes than it has bytes.
    let limit = text.len() + 1024;
    let counter = NodeBudget {
        left: std::cell::Cell::new(limit),
    };
    let de = serde_yaml::Deserializer::from_str(text);
    match serde::de::DeserializeSeed::deserialize(&counter, de) {
        Err(e) if counter.left.get() == 0 => Err(Problem {
            line: e.location().map(|l| l.line()),
            column: e.location().map(|l| l.column()),
            ..problem(
                path,
                Severity::Error,
                format!("YAML aliases expand to over {limit} values (an alias bomb?); not parsed"),
            )
        }),
        // Other errors are reported, with their position, by the real parse.
        _ => Ok(()),
    }
}

/// Counts the nodes of a YAML document, aliases expanded, failing once
/// `left` runs out. Nesting is bounded by the parser's recursion limit.
struct NodeBudget {
    left: std::cell::Cell<usize>,
}

impl NodeBudget {
    fn take<E: serde::de::Error>(&self) -> Result<(), E> {
        match self.left.get().checked_sub(1) {
            Some(n) if n > 0 => {
                self.left.set(n);
                Ok(())
            }
            _ => {
                self.left.set(0);
                Err(E::custom("too many values"))
            }
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for &NodeBudget {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for &NodeBudget {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.take()
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.take()
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.take()
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.take()
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.take()
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.take()
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.take()
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.take()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.take()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): the tag, then the value.
        use serde::de::VariantAccess;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

/// The parser places a duplicate key at the start of its mapping; for a
/// top-level key, point at the second occurrence instead and name the first.
fn at_second_key(mut p: Problem, text: &str) -> Problem {
    let Some(field) = p
        .message
        .strip_prefix("duplicate field `")
        .and_then(|r| r.split('`').next())
        .map(str::to_string)
    else {
        return p;
    };
    let prefix = format!("{field}:");
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(&prefix))
        .map(|(i, _)| i + 1)
        .collect();
    if let [first, second, ..] = lines[..] {
        p.line = Some(second);
        p.column = Some(1);
        p.message = format!("duplicate field '{field}': already given at line {first}");
    }
    p
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

fn parse_registry(input: Input, problems: &mut Vec<Problem>) -> Registry {
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
    const FIELDS: &[&str] = &["id", "name", "short", "aliases", "kind", "description"];
    let mut actors = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let hint = entry.get("id").and_then(scalar);
        match serde_yaml::from_value::<RawRegistryEntry>(entry) {
            Ok(raw) => actors.push(Actor {
                id: nfc(&raw.id),
                name: nfc(&raw.name),
                short: raw.short.as_deref().map(nfc),
                aliases: raw.aliases.iter().map(|a| nfc(a)).collect(),
                kind: raw.kind.unwrap_or(ActorKind::Other),
                description: raw.description.as_deref().map(nfc),
                registered: true,
            }),
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
    let (registry, clashes) = Registry::new(actors);
    problems.extend(
        clashes
            .into_iter()
            .map(|c| problem(&path, Severity::Warning, c)),
    );
    registry
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

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn parse_briefing(input: Input, registry: &Registry) -> ParseResult {
    let path = input.path;
    let text = decode(&path, input.bytes?)?;
    if text.trim().is_empty() {
        return Err(problem(
            &path,
            Severity::Error,
            "empty file: no briefing in it",
        ));
    }
    check_alias_expansion(&path, &text)?;
    let raw: RawBriefing = serde_yaml::from_str(&text).map_err(|e| {
        let p = yaml_problem(&path, &e, BRIEFING_FIELDS);
        at_second_key(p, &text)
    })?;
    let mut problems = Vec::new();
    let at = |key: &str, needle: Option<&str>, severity, message: String| {
        let (line, column) = locate(&text, key, needle).unzip();
        Problem {
            line,
            column,
            ..problem(&path, severity, message)
        }
    };

    let title = nfc(raw.title.trim());
    if title.is_empty() {
        return Err(at("title", None, Severity::Error, "title is empty".into()));
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    // A bad id is reported and the briefing loads under its file name, so
    // that an id is never empty.
    let id = match raw.id.map(|i| nfc(i.trim())) {
        Some(id) if is_valid_id(&id) => id,
        Some(id) => {
            problems.push(at(
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
        return Err(problem(&path, Severity::Error, "no id and no file name"));
    }
    if !is_valid_id(&id) {
        problems.push(at(
            "id",
            None,
            Severity::Error,
            format!("id '{id}' (the file name) may only hold lowercase letters, digits and '-'"),
        ));
    }

    let date = parse_date(&path, &text, "date", raw.date, &mut problems);
    let end_date = parse_date(&path, &text, "end_date", raw.end_date, &mut problems);
    let published = parse_date(&path, &text, "published", raw.published, &mut problems);
    match (date, end_date) {
        (Some(d), Some(e)) if e < d && !d.within(&e) => problems.push(at(
            "end_date",
            None,
            Severity::Error,
            format!("end_date {e} is before date {d}"),
        )),
        (None, Some(_)) => problems.push(at(
            "end_date",
            None,
            Severity::Warning,
            "end_date without date".into(),
        )),
        _ => {}
    }

    let country = |name: &str, key: &str, problems: &mut Vec<Problem>| -> Option<CountryCode> {
        match countries::resolve(name) {
            Ok(c) => CountryCode::new(c.code),
            Err(suggestion) => {
                let hint = suggestion
                    .map(|c| format!("; did you mean {} ({})?", c.name_fr, c.code))
                    .unwrap_or_default();
                problems.push(at(
                    key,
                    Some(name),
                    Severity::Error,
                    format!("unknown country '{name}'{hint}"),
                ));
                None
            }
        }
    };
    let mut codes: Vec<CountryCode> = Vec::new();
    for v in &raw.countries {
        let Some(name) = scalar(v) else {
            problems.push(at(
                "countries",
                None,
                Severity::Error,
                "countries: expected a list of names or codes".into(),
            ));
            continue;
        };
        if let Some(code) = country(&name, "countries", &mut problems)
            && !codes.contains(&code)
        {
            codes.push(code);
        }
    }
    let location = raw
        .location
        .map(|l| Location {
            city: l
                .city
                .as_deref()
                .map(|c| nfc(c.trim()))
                .filter(|c| !c.is_empty()),
            country: l
                .country
                .as_deref()
                .and_then(|c| country(c, "location", &mut problems)),
            online: l.online,
        })
        .unwrap_or_default();

    let source = raw
        .source
        .map(|s| Source {
            publisher: s.publisher.as_deref().map(nfc),
            url: s.url.map(|u| u.trim().to_string()),
            translations: s.translations,
        })
        .unwrap_or_default();

    let actors = raw
        .actors
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
                let warning = at(
                    "actors",
                    Some(&written),
                    Severity::Warning,
                    format!("actor '{written}' is not in {REGISTRY_FILE}{hint}"),
                );
                (kind, warning)
            });
            NamedActor {
                written,
                role,
                resolved,
            }
        })
        .collect();
    let id_line = locate(&text, "id", None).map(|l| l.0);

    let briefing = Briefing {
        id,
        title,
        date,
        end_date,
        date_note: raw.date_note.as_deref().map(nfc),
        published,
        location,
        language: raw.language.unwrap_or_else(|| "fr".to_string()),
        summary: raw.summary.as_deref().map(|s| nfc(s.trim())),
        actors: Vec::new(),
        countries: codes,
        topics: raw.topics.iter().map(|t| nfc(t.trim())).collect(),
        source,
        body: nfc(raw.body.as_deref().unwrap_or_default().trim_end()),
        related: raw.related,
        path: path.clone(),
    };
    Ok((
        Parsed {
            briefing: std::sync::Arc::new(briefing),
            actors,
            id_line,
        },
        problems,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_values_inside_a_key_block() {
        let text = "title: x\ncountries:\n  - FR\n  - Tunisei\nbody: Tunisei\n";
        assert_eq!(locate(text, "countries", Some("Tunisei")), Some((4, 5)));
        assert_eq!(locate(text, "body", None), Some((5, 1)));
        assert_eq!(locate(text, "missing", None), None);
    }
}
