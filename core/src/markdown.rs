//! A briefing as Markdown: what `brief show ID --markdown` prints and what the
//! browser's `y` copies. Deterministic, and built so that no file content can
//! break its structure (Markdown characters are escaped) or drive a terminal
//! (control characters become visible symbols, as everywhere else).

use crate::corpus::MetaField;
use crate::lang::Lang;
use crate::load::Folder;
use crate::model::Briefing;
use crate::text::{link_target, sanitize};

/// The Markdown of `b`: `# title`, a metadata list with labels in `lang`
/// (the id first, then actors grouped by kind as in the reader), the summary
/// as a blockquote, then the body paragraphs. Ends with one newline.
pub fn briefing(corpus: &Folder, b: &Briefing, lang: Lang) -> String {
    let mut out = head(corpus, b, lang, false);
    push_body(&mut out, corpus, b);
    out
}

/// A briefing in a report (`crate::report`): its dates written out, its
/// article only when `full`.
pub fn for_report(corpus: &Folder, b: &Briefing, lang: Lang, full: bool) -> String {
    let mut out = head(corpus, b, lang, true);
    if full {
        push_body(&mut out, corpus, b);
    }
    out
}

fn push_body(out: &mut String, corpus: &Folder, b: &Briefing) {
    let full = match corpus.full(b) {
        Ok(full) => full,
        Err(problem) => {
            out.push('\n');
            out.push_str(&inline(&problem.to_string()));
            out.push('\n');
            return;
        }
    };
    for p in full.paragraphs() {
        let p = inline(&p);
        if !p.is_empty() {
            out.push('\n');
            out.push_str(&p);
            out.push('\n');
        }
    }
}

/// The Markdown of `b` without its article: title, metadata, actors,
/// summary; its dates as `YYYY-MM-DD`, or `written` out (`27 octobre 2021`).
fn head(corpus: &Folder, b: &Briefing, lang: Lang, written: bool) -> String {
    let t = lang.text();
    let colon = t.colon;
    let mut out = String::new();
    out.push_str("# ");
    out.push_str(&inline(&b.title));
    out.push_str("\n\n");
    // The id: the file name, escaped like any text (`_` is common in ids).
    out.push_str(&format!("- **{}{colon}** {}\n", t.id, inline(&b.id)));
    for (field, value) in corpus.metadata(b, lang) {
        let value = match (field, written, b.date) {
            (MetaField::Date, true, Some(d)) => match b.end_date.filter(|e| *e != d) {
                Some(e) => format!("{} → {}", d.written(lang), e.written(lang)),
                None => d.written(lang),
            },
            _ => value,
        };
        out.push_str(&format!("- **{}{colon}** ", field.label(lang)));
        match (&b.source.url, field) {
            (Some(url), MetaField::Url) => out.push_str(&link(url)),
            _ => out.push_str(&inline(&value)),
        }
        out.push('\n');
    }
    let groups = corpus.actors_by_kind(b);
    if !groups.is_empty() {
        out.push_str(&format!("- **{}{colon}**\n", t.actors));
        for (kind, group) in groups {
            out.push_str(&format!("  - {}\n", inline(kind.label(lang))));
            for (actor, role) in group {
                out.push_str("    - ");
                out.push_str(&inline(&actor.label()));
                if let Some(r) = role {
                    out.push_str(" — ");
                    out.push_str(&inline(r));
                }
                out.push('\n');
            }
        }
    }
    if let Some(s) = &b.summary {
        let paragraphs = paragraphs(s);
        if !paragraphs.is_empty() {
            out.push('\n');
            let quoted: Vec<String> = paragraphs.iter().map(|p| format!("> {p}")).collect();
            out.push_str(&quoted.join("\n>\n"));
            out.push('\n');
        }
    }
    out
}

/// Paragraphs of a multi-line text (split on blank lines), each escaped and on one line.
fn paragraphs(s: &str) -> Vec<String> {
    s.split("\n\n")
        .map(inline)
        .filter(|p| !p.is_empty())
        .collect()
}

/// `text` on one line, control characters made visible, and escaped so it
/// reads as plain text wherever it is put: inside a line, or at its start.
pub fn inline(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean = sanitize(&one_line, false);
    let mut out = String::with_capacity(clean.len() + 8);
    let chars: Vec<char> = clean.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            // Emphasis, code, links, images, HTML and autolinks, headings,
            // strikethrough: special wherever they are.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' => true,
            // An entity (`&amp;`, `&#38;`) only when something could follow.
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            // List items and thematic breaks, only at the start.
            '-' | '+' | '=' if i == 0 => true,
            // `1. ` or `1) `: an ordered list, only after leading digits.
            '.' | ')' => i > 0 && chars[..i].iter().all(char::is_ascii_digit),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The source URL as a Markdown link when it is a web or mail address, else as text.
fn link(url: &str) -> String {
    let url = url.trim();
    match link_target(url) {
        Some(target) => {
            // The destination: anything that could end or break it percent-encoded.
            let mut dest = String::with_capacity(target.len());
            for c in target.chars() {
                match c {
                    '(' => dest.push_str("%28"),
                    ')' => dest.push_str("%29"),
                    '<' => dest.push_str("%3C"),
                    '>' => dest.push_str("%3E"),
                    '\\' => dest.push_str("%5C"),
                    c => dest.push(c),
                }
            }
            format!("[{}]({dest})", inline(url))
        }
        None => inline(url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_what_could_change_the_structure() {
        assert_eq!(inline("a *b* _c_ `d`"), r"a \*b\* \_c\_ \`d\`");
        assert_eq!(inline("[x](javascript:y)"), r"\[x\](javascript:y)");
        assert_eq!(inline("<script>"), r"\<script\>");
        assert_eq!(inline("# pas un titre #"), r"\# pas un titre \#");
        assert_eq!(inline("- pas une liste"), r"\- pas une liste");
        assert_eq!(inline("2023. pas une liste"), r"2023\. pas une liste");
        assert_eq!(inline("1) non"), r"1\) non");
        assert_eq!(inline("R&D &amp; co"), r"R\&D \&amp; co");
        assert_eq!(
            inline("fin - milieu. Et 3.5 + 2"),
            "fin - milieu. Et 3.5 + 2"
        );
        assert_eq!(inline("ligne\n\n# titre"), r"ligne \# titre");
        assert_eq!(inline("a\\b"), r"a\\b");
    }

    #[test]
    fn inline_makes_control_characters_visible() {
        let s = inline("a\x1b]52;c;eA==\x07b\u{202E}");
        assert!(!s.chars().any(crate::text::is_dangerous), "{s:?}");
        assert!(s.contains('␛'));
    }

    #[test]
    fn links_only_for_web_and_mail_addresses() {
        assert_eq!(
            link("https://example.org/a_(b)"),
            r"[https://example.org/a\_(b)](https://example.org/a_%28b%29)"
        );
        assert_eq!(
            link("mailto:x@example.org"),
            "[mailto:x@example.org](mailto:x@example.org)"
        );
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert!(!link("https://example.org/\x1b[2J").contains('\x1b'));
        assert!(!link("https://example.org/\x1b[2J").contains("]("));
    }
}
