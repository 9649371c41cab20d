//! Where a key is written in the config text, so a problem names its line.

/// The line (1-based) where `key:` is written: at the top level, or indented
/// under `parent:`. Flow mappings (`{a: 1}`) are not searched.
pub(super) fn line_of(text: &str, key: &str, parent: Option<&str>) -> Option<usize> {
    let starts = |line: &str, key: &str| {
        let rest = line.trim_start();
        let rest = rest
            .strip_prefix(key)
            .or_else(|| rest.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| rest.strip_prefix(&format!("'{key}'")));
        rest.is_some_and(|r| r.trim_start().starts_with(':'))
            || quoted_key(line).is_some_and(|k| k == key)
    };
    let indented = |line: &str| line.starts_with([' ', '\t']);
    let mut inside = parent.is_none();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match parent {
            None => {
                if !indented(line) && starts(line, key) {
                    return Some(i + 1);
                }
            }
            Some(p) => {
                if !indented(line) {
                    inside = starts(line, p);
                } else if inside && starts(line, key) {
                    return Some(i + 1);
                }
            }
        }
    }
    parent.and_then(|p| line_of(text, p, None))
}

/// The key of a `"key": value` or `'key': value` line, its escapes (`\e`,
/// `\x1b`, `\u001b`, `''`) read as YAML reads them, so a key holding a control
/// character is found on its line.
fn quoted_key(line: &str) -> Option<String> {
    let rest = line.trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let mut chars = rest.char_indices().skip(1);
    let end = loop {
        let (i, c) = chars.next()?;
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                // '' inside single quotes is one quote.
                if quote == '\'' && rest[i + 1..].starts_with('\'') {
                    chars.next();
                    continue;
                }
                break i + 1;
            }
            _ => {}
        }
    };
    if !rest[end..].trim_start().starts_with(':') {
        return None;
    }
    serde_yaml::from_str::<String>(&rest[..end]).ok()
}
