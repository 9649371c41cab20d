//! One file -> one briefing (or the actor registry), with its problems.

use std::path::Path;

use serde_yaml::Value;

use crate::load::problem;
use crate::model::{Problem, Severity};

mod briefing;
mod registry;

pub(crate) use briefing::parse_briefing;
pub(crate) use registry::parse_registry;

pub(super) fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Bytes -> text: UTF-8 (a BOM is dropped, CRLF becomes LF), else a problem.
pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
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
