//! The main text of an article, from plain text or a saved HTML page: the
//! title, the publication line, the paragraphs, and what the page's trailer
//! says ("Lire en :", "Pays couverts :", "Thématiques"), with the debris of
//! scraping left out (icon names, menus, share buttons, comment forms).

use super::dates::{DateSpan, whole_date};
use brief_core::text::fold;

/// One article (or one teaser of another meeting) on the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub paragraphs: Vec<String>,
}

impl Section {
    /// Title and paragraphs, one per line, for matching.
    pub fn text(&self) -> String {
        let mut s = self.title.clone();
        for p in &self.paragraphs {
            s.push('\n');
            s.push_str(p);
        }
        s
    }
}

/// What a page gives, before any guessing.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The main article first, then teasers of other meetings.
    pub sections: Vec<Section>,
    /// The publication date line ("Février 25, 2019") or the page's metadata.
    pub published: Option<DateSpan>,
    /// The "Lire en :" line as written, and the language codes it names.
    pub translations: Option<(String, Vec<String>)>,
    /// Items of a "Pays couverts :" list, as written.
    pub covered: Vec<String>,
    /// Items under "Thématiques", as written.
    pub themes: Vec<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    /// The page's declared language (HTML `lang`), if any.
    pub lang: Option<String>,
    /// HTML start tags left out for nesting deeper than `html::MAX_DEPTH`.
    pub too_deep: usize,
}

/// Whole lines that are never text, compared folded.
const DEBRIS: &[&str] = &[
    "partager sur",
    "partager",
    "offert",
    "imprimer",
    "share",
    "tweet",
    "soumettre un commentaire",
    "laisser un commentaire",
    "leave a comment",
    "communique de presse",
    "publicite",
    "lire aussi",
    "-",
];

/// Lines after which the article is over: what follows is the trailer.
const ENDS: &[&str] = &[
    "pour en savoir plus",
    "pour plus d'informations",
    "en savoir plus",
    "for more information",
    "read more",
    "soumettre un commentaire",
    "laisser un commentaire",
    "articles similaires",
    "a lire aussi",
];

fn folded_key(line: &str) -> String {
    let f = fold(line.trim());
    f.trim_end_matches([':', '.', ' ']).trim().to_string()
}

/// A run of icon names glued together by a scraper.
fn is_icon_run(line: &str) -> bool {
    line.matches("icon").count() >= 3 || line.contains("Created with Sketch")
}

fn is_comment_count(key: &str) -> bool {
    let mut words = key.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(n), Some("commentaire" | "commentaires" | "comments" | "comment"), None)
            if n.bytes().all(|b| b.is_ascii_digit())
    )
}

fn is_debris(line: &str) -> bool {
    let key = folded_key(line);
    is_icon_run(line)
        || DEBRIS.contains(&key.as_str())
        || is_comment_count(&key)
        || key.starts_with("votre adresse e-mail ne sera pas publiee")
        || key.starts_with("your email address will not be published")
}

fn is_end(line: &str) -> bool {
    let key = folded_key(line);
    ENDS.contains(&key.as_str())
        || is_comment_count(&key)
        || key.starts_with("votre adresse e-mail ne sera pas publiee")
        || key.starts_with("lire en ")
        || key == "lire en"
        || key.starts_with("pays couverts")
        || key == "thematiques"
}

/// Menu lines before the title: "- Structure", a word repeated on the next
/// line ("Agir" / "Agir"), or a heading glued to its blurb ("Qui sommes
/// nousL'Organisation…").
fn is_menu(lines: &[&str], i: usize) -> bool {
    let line = lines[i].trim();
    if line.starts_with("- ") || line == "-" {
        return true;
    }
    let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
    let prev = if i > 0 { lines[i - 1].trim() } else { "" };
    (!line.is_empty() && next.starts_with(line)) || (!prev.is_empty() && line.starts_with(prev))
}

fn ends_sentence(line: &str) -> bool {
    let l = line.trim_end();
    l.ends_with(['.', '!', '?', '…', '»', '"', '”']) || l.ends_with("[…]")
}

/// A `"mailto:x@y">x@y` fragment becomes `x@y`.
fn clean_mailto(line: &str) -> String {
    if !line.contains("mailto:") {
        return line.to_string();
    }
    if let Some(pos) = line.rfind('>') {
        return line[pos + 1..].trim().to_string();
    }
    line.replace("mailto:", "")
        .trim_matches(['"', '\'', ' '])
        .to_string()
}

/// A teaser's "…" becomes the editorial ellipsis "[…]".
fn mark_cut(p: &str) -> String {
    let t = p.trim_end();
    if let Some(rest) = t.strip_suffix("...").or_else(|| t.strip_suffix('…'))
        && !rest.ends_with('[')
    {
        return format!("{} […]", rest.trim_end());
    }
    t.to_string()
}

/// Joins a block of lines into paragraphs: a hard-wrapped line is continued
/// by the next unless it ends a sentence; a contact block ("veuillez
/// contacter:" then a name, an office, a phone) becomes one line.
fn paragraphs_of(block: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut contact = false;
    for line in block {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if cur.is_empty() {
            cur.push_str(line);
        } else if contact {
            let sep = if cur.ends_with(':') { " " } else { ", " };
            cur.push_str(sep);
            cur.push_str(line);
        } else {
            cur.push(' ');
            cur.push_str(line);
        }
        if !contact && line.ends_with(':') && fold(line).contains("contact") {
            contact = true;
            continue;
        }
        if !contact && ends_sentence(line) {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter().map(|p| mark_cut(&p)).collect()
}

fn is_title_like(line: &str) -> bool {
    let l = line.trim();
    !l.is_empty() && l.chars().count() <= 250 && !ends_sentence(l) && !l.ends_with(':')
}

/// Language codes named on a "Lire en :" line.
fn language_codes(names: &str) -> Vec<String> {
    let mut codes = Vec::new();
    for word in names.split(|c: char| c.is_whitespace() || c == ',' || c == '|') {
        let code = match fold(word).as_str() {
            "english" | "anglais" => "en",
            "francais" | "french" => "fr",
            "عربي" | "العربية" | "arabic" | "arabe" => "ar",
            "espanol" | "spanish" | "espagnol" => "es",
            "deutsch" | "german" | "allemand" => "de",
            "italiano" | "italian" | "italien" => "it",
            "portugues" | "portuguese" | "portugais" => "pt",
            "русский" | "russian" | "russe" => "ru",
            _ => continue,
        };
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_string());
        }
    }
    codes
}

/// Reads a plain-text article.
pub fn from_plain(text: &str) -> Page {
    let text = text.replace("\r\n", "\n");
    let raw: Vec<&str> = text.lines().collect();
    let mut page = Page::default();

    // The header: menus and debris before the title.
    let mut i = 0;
    while i < raw.len() {
        let l = raw[i].trim();
        if l.is_empty() || is_debris(l) || is_menu(&raw, i) {
            i += 1;
            continue;
        }
        break;
    }
    let mut main = Section::default();
    if let Some(l) = raw.get(i)
        && is_title_like(l)
    {
        main.title = l.trim().to_string();
        i += 1;
    }
    // A publication line right after the title.
    while i < raw.len() {
        let l = raw[i].trim();
        if l.is_empty() || is_debris(l) {
            i += 1;
            continue;
        }
        if page.published.is_none()
            && let Some(d) = whole_date(l)
        {
            page.published = Some(d);
            i += 1;
            continue;
        }
        break;
    }
    // The body, block by block, until the trailer.
    let mut blocks: Vec<Vec<String>> = vec![Vec::new()];
    while i < raw.len() {
        let l = raw[i].trim();
        if is_end(l) {
            break;
        }
        if l.is_empty() {
            blocks.push(Vec::new());
        } else if !is_debris(l)
            && let Some(b) = blocks.last_mut()
        {
            b.push(clean_mailto(l));
        }
        i += 1;
    }
    main.paragraphs = blocks.iter().flat_map(|b| paragraphs_of(b)).collect();
    page.sections.push(main);

    // The trailer: metadata lines and teasers of other meetings.
    let mut pending_title: Option<String> = None;
    let mut list: Option<&str> = None;
    while i < raw.len() {
        let l = raw[i].trim();
        i += 1;
        let key = folded_key(l);
        if l.is_empty() || is_debris(l) || ENDS.contains(&key.as_str()) || is_comment_count(&key) {
            continue;
        }
        if key.starts_with("votre adresse e-mail") {
            continue;
        }
        if key.starts_with("lire en") {
            let names = l.split_once(':').map_or("", |(_, r)| r);
            page.translations = Some((l.to_string(), language_codes(names)));
            list = None;
            continue;
        }
        if key.starts_with("pays couverts") {
            list = Some("covered");
            continue;
        }
        if key == "thematiques" {
            list = Some("themes");
            continue;
        }
        if let Some(item) = l.strip_prefix('•').or_else(|| l.strip_prefix("• ")) {
            let item = item.trim().trim_end_matches('*').trim().to_string();
            if list == Some("covered") {
                page.covered.push(item);
            } else if list == Some("themes") {
                page.themes.push(item);
            }
            continue;
        }
        if list == Some("themes") && is_title_like(l) && l.chars().count() < 60 {
            page.themes.push(l.to_string());
            continue;
        }
        list = None;
        // A teaser: a title line, then an excerpt cut with "…".
        let cut = l.ends_with("...") || l.ends_with('…');
        match (&pending_title, cut) {
            (Some(t), true) => {
                page.sections.push(Section {
                    title: t.clone(),
                    paragraphs: vec![mark_cut(&clean_mailto(l))],
                });
                pending_title = None;
            }
            _ if is_title_like(l) => pending_title = Some(l.to_string()),
            _ => pending_title = None,
        }
    }
    page
}

/// Reads a saved HTML page through a readability extractor, with the page's
/// metadata (title, publication date, canonical URL, site name).
pub fn from_html(html: &str) -> Page {
    // Nesting bounded first: the parser and the extractor are quadratic in
    // it, and parts of them recurse.
    let flat = super::html::flatten(html, super::html::MAX_DEPTH);
    let html = flat.html.as_str();
    let doc = dom_query::Document::from(html);
    if super::html::parsed_depth(&doc) > 2 * super::html::MAX_DEPTH {
        // Still too deep for the extractor, which recurses: the page's text
        // without its tags.
        let mut page = from_plain(&super::html::strip(html));
        page.too_deep = flat.too_deep.max(1);
        return page;
    }
    let canonical = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|s| s.to_string())
        .or_else(|| {
            doc.select("meta[property=\"og:url\"]")
                .attr("content")
                .map(|s| s.to_string())
        });
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let article =
        dom_smoothie::Readability::with_document(doc, None, Some(cfg)).and_then(|mut r| r.parse());
    let mut page = match &article {
        Ok(a) => {
            // The extracted text has paragraphs separated by blank lines;
            // the plain-text reader does the rest (debris, trailer).
            let text = format!("{}\n\n{}", a.title.trim(), a.text_content);
            let mut page = from_plain(&text);
            if let Some(main) = page.sections.first_mut()
                && main.title.is_empty()
            {
                main.title = a.title.trim().to_string();
            }
            page.site_name = a.site_name.clone().filter(|s| !s.trim().is_empty());
            page.lang = a.lang.clone();
            if let Some(t) = &a.published_time {
                // ISO dates from metadata: "2019-02-25T10:00:00+00:00".
                let day: String = t.chars().take(10).collect();
                if let Ok(d) = brief_core::model::PartialDate::parse(&day) {
                    page.published = Some(DateSpan {
                        start: super::dates::DateParts {
                            year: Some(d.year),
                            month: d.month,
                            day: d.day,
                        },
                        end: None,
                        text: t.clone(),
                        span: 0..0,
                    });
                }
            }
            page
        }
        Err(_) => from_plain(&strip_tags(html)),
    };
    page.url = canonical.filter(|u| !u.trim().is_empty());
    page.too_deep = flat.too_deep;
    page
}

/// Last resort when no article is found: the text of the page without tags.
fn strip_tags(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    doc.select("body").text().to_string()
}

/// Whether the input looks like HTML rather than plain text.
pub fn is_html(input: &str) -> bool {
    let head: String = input
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<!doctype html") || head.contains("<html") || head.contains("<body")
}
