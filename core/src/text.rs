//! Text handling shared by every face: folding for matching, display width,
//! and neutralising control characters before anything reaches a terminal.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Folds one character for matching: lowercase, accents stripped, ligatures
/// expanded, typographic apostrophes and dashes made ASCII. May yield 0..n chars.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        'a'..='z' | '0'..='9' | ' ' => out.push(c),
        // The accented letters of French, which decomposition below would give too.
        'é' | 'è' | 'ê' | 'ë' => out.push('e'),
        'à' | 'â' | 'ä' => out.push('a'),
        'ç' => out.push('c'),
        'î' | 'ï' => out.push('i'),
        'ô' | 'ö' => out.push('o'),
        'ù' | 'û' | 'ü' => out.push('u'),
        '’' | '‘' | 'ʼ' | '`' | '´' | 'ʹ' | '′' => out.push('\''),
        '«' | '»' | '“' | '”' | '„' => out.push('"'),
        '‐' | '‑' | '‒' | '–' | '—' | '―' => out.push('-'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        '\u{a0}' | '\u{202f}' | '\u{2009}' => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            let mut buf = [0u8; 4];
            for d in c.encode_utf8(&mut buf).nfd() {
                if !is_combining_mark(d) {
                    // Fold what decomposing and lowercasing yield too (ẞ -> ß -> ss,
                    // ǣ -> æ -> ae), so that folding is idempotent.
                    for l in d.to_lowercase() {
                        if l == c {
                            out.push(l);
                        } else {
                            fold_char(l, out);
                        }
                    }
                }
            }
        }
    }
}

/// Case- and accent-insensitive form of `s`: `COOPÉRATION` -> `cooperation`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Calls `f` with each folded alphanumeric word of `s`: THE word splitter,
/// of the query (`query::words`), the indexes and the highlighting alike, so
/// a word is cut the same way wherever it is read.
pub fn each_word(s: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    each_word_flagged(s, buf, |w, _| f(w));
}

/// `each_word`, also saying whether the word is written plain: without
/// accents, so that it is its own folded form up to case (what an
/// unaccented query word matches first).
pub fn each_word_flagged(s: &str, buf: &mut String, mut f: impl FnMut(&str, bool)) {
    let mut word = String::new();
    let mut plain = true;
    for c in s.chars() {
        // Most text is ASCII: fold it without the general path.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                f(&word, plain);
                word.clear();
                plain = true;
            }
            continue;
        }
        buf.clear();
        fold_char(c, buf);
        let ligature = matches!(c, 'œ' | 'Œ' | 'æ' | 'Æ' | 'ß');
        for fc in buf.chars() {
            if fc.is_alphanumeric() {
                word.push(fc);
                plain &= ligature;
            } else if !word.is_empty() {
                f(&word, plain);
                word.clear();
                plain = true;
            }
        }
    }
    if !word.is_empty() {
        f(&word, plain);
    }
}

/// Folded text plus, for every byte of the folded string, the index of the
/// original character it came from, so match positions map back for highlighting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` = char index in the original of the folded char `i`.
    pub origin: Vec<u32>,
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len());
        let mut tmp = String::new();
        for (i, c) in s.chars().enumerate() {
            tmp.clear();
            fold_char(c, &mut tmp);
            for _ in tmp.chars() {
                origin.push(i as u32);
            }
            text.push_str(&tmp);
        }
        Folded { text, origin }
    }
}

/// Unicode NFC normalisation, applied to all text at load.
pub fn nfc(s: &str) -> String {
    // Almost all text is already NFC; the quick check skips the costly recomposition.
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Display width of one character in terminal cells: 0 for controls and
/// combining marks.
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// True for characters that must never reach a terminal raw: C0/C1 controls,
/// DEL, and the bidirectional overrides and isolates.
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Replaces control characters with visible placeholders so file content can
/// never drive the terminal. One character in, one character out, so match
/// positions stay valid: C0 controls become control pictures (`␛`), DEL `␡`,
/// C1 controls and bidirectional overrides `�`, a tab a space. Newlines are
/// kept only when `keep_newlines` is set (for multi-line bodies).
pub fn sanitize(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_dangerous(c) && !(keep_newlines && c == '\n'))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let out = s
        .chars()
        .map(|c| match c {
            '\n' if keep_newlines => '\n',
            '\t' => ' ',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '␡',
            c if is_dangerous(c) => '\u{fffd}',
            c => c,
        })
        .collect();
    std::borrow::Cow::Owned(out)
}

/// Displays a value neutralised: whatever it embeds (a path, a value typed on
/// the command line) shows with `sanitize`'s placeholders, newlines kept, so
/// every message printed through it is safe whatever its origin.
pub struct Neutral<T>(pub T);

impl<T: std::fmt::Display> std::fmt::Display for Neutral<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&sanitize(&self.0.to_string(), true))
    }
}

/// The address a hyperlink to `url` may point to: `Some` only for `http://`,
/// `https://` and `mailto:` addresses without control characters, spaces or
/// bidirectional overrides, at most 2,048 bytes, with non-ASCII characters
/// percent-encoded; `None` for anything else, which is then shown as text only.
pub fn link_target(url: &str) -> Option<String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find(|s| lower.starts_with(**s))
        .map(|s| &url[s.len()..])?;
    if rest.is_empty() || url.len() > 2048 {
        return None;
    }
    if url.chars().any(|c| is_dangerous(c) || c.is_whitespace()) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Some(out)
}

/// Pads `s` with spaces to `cells` display cells (never truncates).
pub fn pad(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Cuts `s` to at most `cells` display cells, marking the cut with `…`.
pub fn truncate(s: &str, cells: usize) -> String {
    if width(s) <= cells {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > cells {
            break;
        }
        out.push(c);
        w += cw;
    }
    if cells > 0 {
        out.push('…');
    }
    out
}

/// `s` in at most `cells` cells, cut after its last whole word that fits and
/// ended with `…` (mid-word only when the first word alone is too long).
pub fn truncate_words(s: &str, cells: usize) -> String {
    if width(s) <= cells {
        return s.to_string();
    }
    let cut = truncate(s, cells);
    let kept = cut.strip_suffix('…').unwrap_or(&cut);
    // The char after the kept text: a word goes on if it is not a space.
    let whole = s[kept.len()..].starts_with(char::is_whitespace);
    match kept.rfind(char::is_whitespace) {
        Some(at) if !whole && at > 0 => format!("{}…", kept[..at].trim_end()),
        _ => format!("{}…", kept.trim_end()),
    }
}

/// How typed text names a value, best first: the whole name, its start, the
/// start of one of its words, or only somewhere inside ("No**rwa**y").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameMatch {
    Exact,
    Start,
    WordStart,
    Inside,
}

/// How `typed` names `name`, both compared folded (case, accents and runs of
/// separators ignored); `None` when the name does not hold it.
pub fn name_match(name: &str, typed: &str) -> Option<NameMatch> {
    let key = |s: &str| {
        fold(s)
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (name, typed) = (key(name), key(typed));
    if typed.is_empty() {
        return None;
    }
    if name == typed {
        return Some(NameMatch::Exact);
    }
    if name.starts_with(&typed) {
        return Some(NameMatch::Start);
    }
    let at_word = name.match_indices(&typed).any(|(i, _)| {
        name[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    });
    if at_word {
        return Some(NameMatch::WordStart);
    }
    name.contains(&typed).then_some(NameMatch::Inside)
}

/// The best way any of `names` answers to `typed`.
pub fn best_name_match<'a>(
    names: impl IntoIterator<Item = &'a str>,
    typed: &str,
) -> Option<NameMatch> {
    names.into_iter().filter_map(|n| name_match(n, typed)).min()
}

/// The candidate closest to `word` (folded comparison), if close enough to be a plausible typo.
pub fn closest<'a, I: IntoIterator<Item = &'a str>>(word: &str, candidates: I) -> Option<&'a str> {
    let w = fold(word);
    let limit = (w.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&w, &fold(c)), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cut_on_anything_not_a_letter_or_digit_and_flagged_plain() {
        let mut words = Vec::new();
        each_word_flagged(
            "Œuvre l’été, ANLTP/TIM 2021",
            &mut String::new(),
            |w, p| {
                words.push((w.to_string(), p));
            },
        );
        let expected = [
            ("oeuvre", true),
            ("l", true),
            ("ete", false),
            ("anltp", true),
            ("tim", true),
            ("2021", true),
        ];
        assert_eq!(words, expected.map(|(w, p)| (w.to_string(), p)));
        // The same cut as splitting the folded text.
        let s = "Royaume-Uni : naufrage ǣ ẞ d’Ouagadougou";
        let split: Vec<String> = fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let mut cut = Vec::new();
        each_word(s, &mut String::new(), |w| cut.push(w.to_string()));
        assert_eq!(cut, split);
    }

    #[test]
    fn a_text_cut_at_words_ends_with_a_mark() {
        assert_eq!(
            truncate_words("tous les filtres et la recherche", 16),
            "tous les…"
        );
        assert_eq!(truncate_words("tous les filtres", 40), "tous les filtres");
        assert_eq!(truncate_words("anticonstitutionnellement", 8), "anticon…");
        assert!(width(&truncate_words("copier la fiche en Markdown", 20)) <= 20);
    }

    #[test]
    fn a_name_that_starts_with_the_typed_text_beats_one_that_holds_it() {
        assert_eq!(name_match("Rwanda", "rwa"), Some(NameMatch::Start));
        assert_eq!(name_match("Norway", "rwa"), Some(NameMatch::Inside));
        assert_eq!(
            name_match("Émirats arabes unis", "ira"),
            Some(NameMatch::Inside)
        );
        assert_eq!(name_match("Irak", "IRA"), Some(NameMatch::Start));
        assert_eq!(
            name_match("Pierre Nkurunziza", "nkurunziza"),
            Some(NameMatch::WordStart)
        );
        assert_eq!(
            name_match("Côte d’Ivoire", "cote d'ivoire"),
            Some(NameMatch::Exact)
        );
        assert_eq!(name_match("Burundi", "rwa"), None);
        assert_eq!(name_match("Burundi", "  "), None);
        assert!(NameMatch::Start < NameMatch::Inside);
        assert_eq!(
            best_name_match(["Norvège", "Norway", "NO"], "no"),
            Some(NameMatch::Exact)
        );
    }

    #[test]
    fn folding_strips_case_and_accents() {
        assert_eq!(fold("COOPÉRATION"), "cooperation");
        assert_eq!(fold("États"), "etats");
        assert_eq!(fold("cœur"), "coeur");
        assert_eq!(fold("l’UE"), "l'ue");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
    }

    #[test]
    fn folded_positions_point_back_to_original_chars() {
        let f = Folded::new("Œuvre é");
        assert_eq!(f.text, "oeuvre e");
        assert_eq!(f.origin, vec![0, 0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn neutral_displays_any_value_without_raw_controls() {
        let path = std::path::Path::new("/tmp/nope\x1b]0;PWNED\x07");
        let shown = format!("no folder '{}'\nnext", Neutral(path.display()));
        assert_eq!(shown, "no folder '/tmp/nope␛]0;PWNED␇'\nnext");
    }

    #[test]
    fn sanitize_neutralises_escapes_and_bidi() {
        let s = sanitize("a\x1b]0;pwned\x07b\u{202E}c\td", false);
        assert!(!s.chars().any(is_dangerous), "{s:?}");
        assert!(s.contains('␛'));
        assert!(s.contains('\u{fffd}'));
        assert!(s.contains("c d"));
        assert_eq!(
            s.chars().count(),
            "a\x1b]0;pwned\x07b\u{202E}c\td".chars().count()
        );
        assert_eq!(sanitize("line\nnext", true), "line\nnext");
        assert_eq!(sanitize("line\nnext", false), "line␊next");
    }

    #[test]
    fn link_targets_are_web_or_mail_addresses_only() {
        assert_eq!(
            link_target("https://example.org/a?b=1;c").as_deref(),
            Some("https://example.org/a?b=1;c")
        );
        assert_eq!(
            link_target("HTTP://example.org/é").as_deref(),
            Some("HTTP://example.org/%C3%A9")
        );
        assert!(link_target("mailto:a@example.org").is_some());
        for bad in [
            "https://example.org/\x1b[2J",
            "https://example.org/\x1b\\",
            "https://example.org/\x07",
            "https://example.org/\u{9c}",
            "https://exa mple.org",
            "https://example.org/\u{202E}",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "ftp://example.org",
            "",
        ] {
            assert_eq!(link_target(bad), None, "{bad:?}");
        }
        assert_eq!(link_target(&format!("https://{}", "a".repeat(3000))), None);
    }

    #[test]
    fn width_counts_cells() {
        assert_eq!(width("é"), 1);
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(pad("é", 3), "é  ");
    }

    #[test]
    fn closest_suggests_typos() {
        assert_eq!(
            closest("contries", ["countries", "topics"]),
            Some("countries")
        );
        assert_eq!(closest("zzzzzz", ["countries"]), None);
    }
}
