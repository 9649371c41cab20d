//! What brief needs from YAML beyond parsing: problems placed at the line and
//! column they are about, and the guard against alias bombs. Shared by the
//! briefings, the registry and the config.

use std::path::Path;

use super::problem;
use crate::model::{Problem, Severity};
use crate::text::closest;

/// Finds the line (1-based) and column of `needle` in the block of top-level
/// `key`, or of the key itself: semantic problems found after parsing point there.
pub(crate) fn locate(text: &str, key: &str, needle: Option<&str>) -> Option<(usize, usize)> {
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

/// The parser's message without its " at line X column Y": problems carry
/// the position separately.
pub(crate) fn error_message(err: &serde_yaml::Error) -> String {
    let mut message = err.to_string();
    if let Some(at) = message.find(" at line ") {
        message.truncate(at);
    }
    message
}

/// Turns a YAML error into a problem with the parser's position, and a
/// "did you mean" for unknown fields.
pub(crate) fn yaml_problem(path: &Path, err: &serde_yaml::Error, fields: &[&str]) -> Problem {
    let mut message = error_message(err);
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
pub(crate) fn at_second_key(mut p: Problem, text: &str) -> Problem {
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
