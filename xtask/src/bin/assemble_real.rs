//! Assembles a folder of briefings from real, freely licensed French text,
//! for measuring search on real prose (issue 14):
//!
//!     cargo run -p xtask --bin assemble_real -- SRC OUT [--registry DIR] [--max N]
//!
//! `SRC` holds the text, already decompressed (`benches/real-text.sh` lays it
//! out from Debian packages):
//! - `SRC/books/*.txt`: books in the plain-text form of Debian's documentation
//!   (`debian-reference-fr`, `debian-faq-fr`): numbered headings at the start
//!   of a line (`1.1.3. Compte de l’administrateur (root)`), indented
//!   paragraphs. One briefing per section: its heading is the title, its
//!   French paragraphs the body.
//! - `SRC/man/*`: manual pages in roff (`manpages-fr`). One briefing per
//!   page: the description of its NOM line is the title
//!   (`Afficher le contenu de répertoires`), its French paragraphs the body.
//!
//! Nothing is invented: countries, actors and the place are what the core's
//! own draft matchers (`brief_draft`) find in the text; the date only
//! when the text gives one. Paragraphs that are not French prose (code,
//! option lists, untranslated English) are left out. `actors.yaml` and
//! `topics.yaml` are copied from the registry folder (default `briefings`).

// A measuring tool: it states its assumptions with unwrap, expect and
// panic, and prints what it measured (both denied in the crates themselves).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::path::{Path, PathBuf};

use brief_core::load::{LoadOptions, load_dir};
use brief_draft::{self as draft, text::Page, text::Section};

const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "un", "pour", "dans", "sur", "avec", "au",
    "aux", "que", "qui", "de", "ce", "ne", "pas", "vous", "sont", "par",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "for", "with", "on", "that", "which", "by", "from", "are",
    "you", "this", "be", "it",
];

/// Whether `p` reads as French prose: enough words, mostly letters, more
/// French common words than English ones.
fn french_prose(p: &str) -> bool {
    let words: Vec<String> = p
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    if words.len() < 8 {
        return false;
    }
    let letters = p.chars().filter(|c| c.is_alphabetic()).count();
    let visible = p.chars().filter(|c| !c.is_whitespace()).count();
    if letters * 10 < visible * 8 {
        return false;
    }
    let bare = |w: &String| {
        w.rsplit(['’', '\''])
            .next()
            .unwrap_or(w.as_str())
            .to_string()
    };
    let fr = words
        .iter()
        .filter(|w| FRENCH.contains(&bare(w).as_str()))
        .count();
    let en = words
        .iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .count();
    fr >= 2 && fr > 2 * en
}

/// A heading of the plain-text books: `1.2.3. Title` at the start of a line.
fn heading(line: &str) -> Option<&str> {
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let mut rest = line;
    let mut numbers = 0;
    loop {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            break;
        }
        let after = &rest[digits..];
        let after = after.strip_prefix('.')?;
        numbers += 1;
        rest = after;
    }
    // The books put a no-break space after the number in the text, a space in the contents.
    let title = rest
        .strip_prefix('\u{a0}')
        .or_else(|| rest.strip_prefix(' '))?
        .trim();
    (numbers > 0 && !title.is_empty()).then_some(title)
}

/// Sections of a plain-text book: heading, then its French paragraphs.
fn book_sections(text: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut current: Option<Section> = None;
    let mut para: Vec<&str> = Vec::new();
    let mut in_title = false;
    let flush = |para: &mut Vec<&str>, current: &mut Option<Section>| {
        if para.is_empty() {
            return;
        }
        let p = para
            .iter()
            .map(|l| l.trim().trim_start_matches("* "))
            .collect::<Vec<_>>()
            .join(" ");
        para.clear();
        if let Some(s) = current
            && french_prose(&p)
        {
            s.paragraphs.push(p);
        }
    };
    for line in text.lines() {
        if let Some(t) = heading(line) {
            flush(&mut para, &mut current);
            out.extend(current.take());
            current = Some(Section {
                title: t.to_string(),
                paragraphs: Vec::new(),
            });
            in_title = true;
            continue;
        }
        // A long heading goes on at the start of the next line.
        if in_title && !line.trim().is_empty() && !line.starts_with(char::is_whitespace) {
            if let Some(s) = current.as_mut() {
                s.title.push(' ');
                s.title.push_str(line.trim());
            }
            continue;
        }
        in_title = false;
        if line.trim().is_empty() {
            flush(&mut para, &mut current);
        } else {
            para.push(line);
        }
    }
    flush(&mut para, &mut current);
    out.extend(current);
    out
}

/// The text of a roff line: font changes and escapes resolved.
fn roff_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('f') => match chars.next() {
                Some('[') => {
                    for c in chars.by_ref() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                Some('(') => {
                    chars.next();
                    chars.next();
                }
                _ => {}
            },
            Some('-') => out.push('-'),
            Some(' ') | Some('~') => out.push(' '),
            Some('e') | Some('\\') => out.push('\\'),
            Some('(') => {
                let name: String = [chars.next(), chars.next()].into_iter().flatten().collect();
                match name.as_str() {
                    "em" => out.push('—'),
                    "en" => out.push('–'),
                    "aq" => out.push('\''),
                    "lq" => out.push('“'),
                    "rq" => out.push('”'),
                    "Fo" => out.push('«'),
                    "Fc" => out.push('»'),
                    "bu" => out.push('•'),
                    "co" => out.push('©'),
                    _ => {}
                }
            }
            Some('[') => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            Some('*') => match chars.next() {
                Some('(') => {
                    chars.next();
                    chars.next();
                }
                Some('[') => {
                    for c in chars.by_ref() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                _ => {}
            },
            Some('s') => {
                if matches!(chars.peek(), Some('-') | Some('+')) {
                    chars.next();
                }
                chars.next();
            }
            // `\,` `\/` `\&` `\:` `\c` `\)` and the like print nothing.
            _ => {}
        }
    }
    out
}

/// A manual page: the description of its NOM line and its French paragraphs.
fn man_section(source: &str) -> Option<Section> {
    let mut title: Option<String> = None;
    let mut paragraphs = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut section = String::new();
    let mut literal = false;
    let mut skip_tag = false;
    let flush = |para: &mut Vec<String>, paragraphs: &mut Vec<String>| {
        let p = para
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        para.clear();
        if french_prose(&p) {
            paragraphs.push(p);
        }
    };
    for line in source.lines() {
        if line.starts_with(".\\\"") || line.starts_with("'\\\"") {
            continue;
        }
        if let Some(request) = line.strip_prefix('.') {
            let (name, args) = request
                .trim_start()
                .split_once(char::is_whitespace)
                .unwrap_or((request.trim(), ""));
            match name {
                "SH" | "SS" => {
                    flush(&mut para, &mut paragraphs);
                    if name == "SH" {
                        section = roff_text(args.trim().trim_matches('"')).to_uppercase();
                    }
                }
                "nf" | "EX" => {
                    flush(&mut para, &mut paragraphs);
                    literal = true;
                }
                "fi" | "EE" => literal = false,
                "TP" => {
                    flush(&mut para, &mut paragraphs);
                    skip_tag = true;
                }
                "B" | "I" | "SM" if !literal => para.push(roff_text(args.trim_matches('"'))),
                "BR" | "IR" | "RB" | "RI" | "BI" | "IB" if !literal => {
                    para.push(roff_text(&args.replace('"', "")).replace(' ', ""));
                }
                _ => flush(&mut para, &mut paragraphs),
            }
            continue;
        }
        if literal {
            continue;
        }
        if skip_tag {
            skip_tag = false;
            continue;
        }
        let text = roff_text(line);
        if section == "NOM" || section == "NAME" {
            if title.is_none()
                && let Some((_, description)) = text.split_once(" - ")
            {
                title = Some(description.trim().to_string());
            }
            continue;
        }
        if section == "SYNOPSIS" || section.starts_with("VOIR") || section == "TRADUCTION" {
            continue;
        }
        para.push(text);
    }
    flush(&mut para, &mut paragraphs);
    let title = title.filter(|t| !t.is_empty())?;
    Some(Section {
        title,
        paragraphs: paragraphs.into_iter().take(30).collect(),
    })
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn main() -> std::process::ExitCode {
    let mut positional = Vec::new();
    let mut registry_dir = PathBuf::from("briefings");
    let mut max = usize::MAX;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--registry" => registry_dir = args.next().map(PathBuf::from).unwrap_or(registry_dir),
            "--max" => max = args.next().and_then(|n| n.parse().ok()).unwrap_or(max),
            _ => positional.push(PathBuf::from(a)),
        }
    }
    let [src, out] = positional.as_slice() else {
        eprintln!("usage: assemble_real SRC OUT [--registry DIR] [--max N]");
        return std::process::ExitCode::from(2);
    };
    let registry = match load_dir(&registry_dir, &LoadOptions::default(), &|_, _| {}) {
        Ok(c) => c.corpus.registry,
        Err(e) => {
            eprintln!("{}: {e}", registry_dir.display());
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut sections: Vec<(String, Section)> = Vec::new();
    for file in sorted_files(&src.join("books")) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            eprintln!("{}: not UTF-8 text, skipped", file.display());
            continue;
        };
        let name = file
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        for s in book_sections(&text) {
            sections.push((format!("{name}: {}", s.title), s));
        }
    }
    for file in sorted_files(&src.join("man")) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            eprintln!("{}: not UTF-8 text, skipped", file.display());
            continue;
        };
        let name = file
            .file_name()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        if let Some(s) = man_section(&text) {
            sections.push((format!("manpages-fr: {name}"), s));
        }
    }
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}: {e}", out.display());
        return std::process::ExitCode::FAILURE;
    }
    for registry_file in ["actors.yaml", "topics.yaml"] {
        let from = registry_dir.join(registry_file);
        if from.exists()
            && let Err(e) = std::fs::copy(&from, out.join(registry_file))
        {
            eprintln!("{}: {e}", from.display());
            return std::process::ExitCode::FAILURE;
        }
    }
    let (mut written, mut with_countries, mut with_actors) = (0usize, 0usize, 0usize);
    for (origin, section) in sections {
        if written >= max {
            break;
        }
        // A section needs a title of words and some French prose.
        if section.paragraphs.is_empty() || !section.title.chars().any(char::is_alphabetic) {
            continue;
        }
        let page = Page {
            sections: vec![section],
            ..Page::default()
        };
        let Some(mut meeting) = draft::draft_page(&page, &registry)
            .meetings
            .into_iter()
            .next()
        else {
            continue;
        };
        // In technical text a short acronym in capitals is rarely a country
        // (`RPC` is a remote procedure call, `PNG` an image): left out.
        meeting.countries.retain(|(_, from)| {
            let letters = from.chars().filter(|c| c.is_alphabetic()).count();
            letters > 3 || from.chars().any(char::is_lowercase)
        });
        written += 1;
        // Titles repeat (manual pages of one family): the number keeps ids unique.
        meeting.id = format!("{written:04}-{}", draft::id_for(None, &meeting.title));
        meeting.id.truncate(64);
        while meeting.id.ends_with('-') {
            meeting.id.pop();
        }
        with_countries += usize::from(!meeting.countries.is_empty());
        with_actors += usize::from(!meeting.actors.is_empty());
        let yaml = meeting.to_yaml(&registry, &origin, (&[], 0));
        if let Err(e) = std::fs::write(out.join(format!("{}.yaml", meeting.id)), yaml) {
            eprintln!("{}: {e}", out.display());
            return std::process::ExitCode::FAILURE;
        }
    }
    println!(
        "{}: {written} briefings ({with_countries} naming countries, {with_actors} naming registry actors)",
        out.display()
    );
    std::process::ExitCode::SUCCESS
}
