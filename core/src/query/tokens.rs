//! A query's words: tokens as typed, elisions, accent and plural forms.

use super::errors::QueryError;
use crate::text::fold;

/// French elided articles and pronouns: `l'OIM` is read as `OIM`.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Folded alphanumeric words of `s`.
pub fn words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    crate::text::each_word(s, &mut String::new(), |w| words.push(w.to_string()));
    words
}

/// Lowercase with accents kept, ligatures and apostrophes as folding makes
/// them: the form a typed accent or a quoted word must match.
pub fn accent_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            '’' | '‘' | 'ʼ' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Alphanumeric words of `s` in `accent_form`.
pub fn accent_words(s: &str) -> Vec<String> {
    accent_form(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The other number of a folded French word, so that `passeurs` meets
/// `passeur`, `reseau` meets `reseaux` and `journal` meets `journaux`.
/// Words of fewer than 4 letters have none.
pub fn plural_forms(w: &str) -> Vec<String> {
    let n = w.chars().count();
    if n < 4 || !w.chars().all(|c| c.is_alphabetic()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(stem) = w.strip_suffix("aux") {
        out.push(format!("{stem}al"));
        out.push(format!("{stem}ail"));
        out.push(format!("{stem}au"));
    } else if let Some(stem) = w.strip_suffix("eux").or_else(|| w.strip_suffix("oux")) {
        out.push(w[..stem.len() + 2].to_string());
    } else if let Some(stem) = w.strip_suffix('s') {
        if !stem.ends_with('s') {
            out.push(stem.to_string());
        }
    } else if let Some(stem) = w.strip_suffix("al") {
        out.push(format!("{stem}aux"));
    } else if w.ends_with("au") || w.ends_with("eu") {
        out.push(format!("{w}x"));
    }
    out
}

/// `token` without a leading French elision (`l'`, `d'`, `qu'`...).
pub(super) fn without_elision(token: &str) -> &str {
    let Some((at, c)) = token
        .char_indices()
        .find(|(_, c)| matches!(c, '\'' | '’' | 'ʼ' | '‘'))
    else {
        return token;
    };
    let rest = &token[at + c.len_utf8()..];
    if !rest.is_empty() && ELISIONS.contains(&fold(&token[..at]).as_str()) {
        rest
    } else {
        token
    }
}

/// Splits on whitespace, keeping `"quoted phrases"` (possibly after `-` or `key:`) whole.
pub(super) fn tokens(input: &str) -> Result<Vec<String>, QueryError> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in input.chars() {
        match c {
            '"' | '«' | '»' | '“' | '”' => {
                quoted = !quoted;
                cur.push('"');
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if quoted {
        return Err(QueryError::UnclosedQuote);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}
