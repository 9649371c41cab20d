//! HTML made safe for the parser and the readability pass, in one linear
//! pass over the page before either sees it. Both are quadratic in how deep
//! elements nest (the parser checks its stack of open elements at each tag,
//! the extractor walks each node's ancestors) and parts of them recurse, so
//! 100,000 nested `<div>` took minutes and 100,000 unclosed `<b><i>`
//! overflowed the stack. Here:
//!
//! - inline formatting tags (`<b>`, `<i>`, `<em>`, `<strong>`, `<font>`, …,
//!   not `<a>`) are left out, their text kept: they mean nothing to a draft,
//!   and unclosed ones are what the parser reopens at every paragraph;
//! - elements are followed as the parser would nest them (void elements,
//!   implied ends such as a `<p>` closing the one before, end tags it would
//!   ignore), erring on the deep side; a start tag deeper than `MAX_DEPTH`
//!   is left out with its end tag, its text kept, in the element above.
//!
//! Real pages nest a few dozen deep and pass unchanged but for the
//! formatting tags.

use std::collections::HashMap;

/// The deepest an element is kept.
pub const MAX_DEPTH: usize = 512;

/// The page as the parser gets it.
#[derive(Debug, Clone)]
pub struct Flattened {
    pub html: String,
    /// Start tags left out for being deeper than `MAX_DEPTH`.
    pub too_deep: usize,
}

/// Formatting elements, left out (`<a>` is kept: readability counts links).
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their own end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Elements past which an end tag does not reach (the parser's "scope").
const BOUNDARY: &[&str] = &[
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "svg",
    "math",
    "foreignobject",
    "desc",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "table",
    "li",
    "dd",
    "dt",
    "plaintext",
    "xmp",
];

/// The parser's special elements: an end tag of another kind stops at them.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

struct Open {
    name: String,
    kept: bool,
}

/// The parser's stack of open elements, as far as it matters for depth:
/// where the topmost element of each name is, and the boundaries and
/// special elements, so that each tag costs amortised constant time.
#[derive(Default)]
struct Stack {
    open: Vec<Open>,
    kept: usize,
    at: HashMap<String, Vec<usize>>,
    boundaries: Vec<usize>,
    specials: Vec<usize>,
    /// Special elements but `address`, `div` and `p`: a new `<li>`, `<dd>`
    /// or `<dt>` does not close an item below one of these.
    item_stops: Vec<usize>,
}

impl Stack {
    fn top_of(&self, name: &str) -> Option<usize> {
        self.at.get(name).and_then(|v| v.last().copied())
    }

    fn top_of_any(&self, names: &[&str]) -> Option<usize> {
        names.iter().filter_map(|n| self.top_of(n)).max()
    }

    fn push(&mut self, name: &str, kept: bool) {
        let i = self.open.len();
        self.at.entry(name.to_string()).or_default().push(i);
        if BOUNDARY.contains(&name) {
            self.boundaries.push(i);
        }
        if SPECIAL.contains(&name) {
            self.specials.push(i);
            if !matches!(name, "address" | "div" | "p") {
                self.item_stops.push(i);
            }
        }
        if kept {
            self.kept += 1;
        }
        self.open.push(Open {
            name: name.to_string(),
            kept,
        });
    }

    /// Pops every element from the top down to index `to`, included.
    fn pop_to(&mut self, to: usize) {
        while self.open.len() > to {
            let Some(o) = self.open.pop() else { return };
            let i = self.open.len();
            if let Some(v) = self.at.get_mut(&o.name) {
                v.pop();
            }
            if self.boundaries.last() == Some(&i) {
                self.boundaries.pop();
            }
            if self.specials.last() == Some(&i) {
                self.specials.pop();
            }
            if self.item_stops.last() == Some(&i) {
                self.item_stops.pop();
            }
            if o.kept {
                self.kept -= 1;
            }
        }
    }

    /// Whether an element at `i` is reached by an end tag from the top:
    /// no boundary (nor one of `also`) above it.
    fn in_scope(&self, i: usize, also: &[&str]) -> bool {
        let boundary = self.boundaries.last().is_some_and(|&b| b > i);
        let other = self.top_of_any(also).is_some_and(|b| b > i);
        !boundary && !other
    }

    /// Whether a new item closes the one at `i`: the parser walks down from
    /// the top and stops at the first special element but `address`, `div`
    /// and `p` (the item itself is one).
    fn item_closes(&self, i: usize) -> bool {
        self.item_stops.last() == Some(&i)
    }

    /// The start tag `name` closes what the parser would close first.
    fn implied_ends(&mut self, name: &str) {
        if CLOSES_P.contains(&name)
            && let Some(p) = self.top_of("p")
            && self.in_scope(p, &["button"])
        {
            self.pop_to(p);
        }
        match name {
            "li" => {
                if let Some(li) = self.top_of("li")
                    && self.item_closes(li)
                {
                    self.pop_to(li);
                }
            }
            "dd" | "dt" => {
                if let Some(d) = self.top_of_any(&["dd", "dt"])
                    && self.item_closes(d)
                {
                    self.pop_to(d);
                }
            }
            "tr" => {
                if let Some(tr) = self.top_of("tr")
                    && self.in_scope(tr, &["table"])
                {
                    self.pop_to(tr);
                }
            }
            "td" | "th" => {
                if let Some(cell) = self.top_of_any(&["td", "th"])
                    && self.top_of_any(&["table"]).is_none_or(|t| t < cell)
                {
                    self.pop_to(cell);
                }
            }
            "option" | "optgroup" if self.open.last().is_some_and(|o| o.name == "option") => {
                self.pop_to(self.open.len() - 1);
            }
            _ if HEADINGS.contains(&name)
                && self
                    .open
                    .last()
                    .is_some_and(|o| HEADINGS.contains(&o.name.as_str())) =>
            {
                self.pop_to(self.open.len() - 1);
            }
            _ => {}
        }
    }

    /// The end tag `name`: `Some(kept)` when it closes an element (kept or
    /// left out), `None` when the parser would ignore it.
    fn end(&mut self, name: &str) -> Option<bool> {
        let i = self.top_of(name)?;
        let reached = if SPECIAL.contains(&name) {
            let also: &[&str] = match name {
                "li" => &["ol", "ul"],
                "p" => &["button"],
                _ => &[],
            };
            BOUNDARY.contains(&name) || self.in_scope(i, also)
        } else {
            // Another kind of end tag stops at the first special element.
            self.specials.last().is_none_or(|&s| s < i)
        };
        if !reached {
            return None;
        }
        let kept = self.open.get(i).is_some_and(|o| o.kept);
        self.pop_to(i);
        Some(kept)
    }
}

/// A tag's name, lowercased, from `bytes` (just after `<` or `</`).
fn tag_name(bytes: &[u8]) -> String {
    let len = bytes
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        .unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..len]).to_ascii_lowercase()
}

/// Where the tag starting at `from` (its `<`) ends, after its `>`, with
/// quoted attribute values skipped.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from + 1;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => {
                // A quote only opens a value after `=` (and spaces).
                let before = bytes[from..i]
                    .iter()
                    .rev()
                    .find(|c| !c.is_ascii_whitespace());
                if before == Some(&b'=') {
                    quote = Some(b);
                }
            }
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Where the raw text of a `<name>` element ends: at its `</name`, else at
/// the end of the page.
fn raw_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(at) = find_from(bytes, i, b"</") {
        let rest = &bytes[at + 2..];
        if rest.len() >= name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && rest
                .get(name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return at;
        }
        i = at + 2;
    }
    bytes.len()
}

/// The page with formatting tags left out and nesting bounded by `max`.
pub fn flatten(html: &str, max: usize) -> Flattened {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut stack = Stack::default();
    let mut too_deep = 0;
    let mut i = 0;
    // Leaves out `bytes[from..to]`: a tag. Tags are ASCII-delimited, so both
    // ends are character boundaries.
    let skip = |out: &mut String, copied: &mut usize, from: usize, to: usize| {
        out.push_str(html.get(*copied..from).unwrap_or(""));
        *copied = to;
    };
    while let Some(lt) = find_from(bytes, i, b"<") {
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find_from(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            i = find_from(bytes, lt, b">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        if let Some(end) = rest.strip_prefix(b"/")
            && end.first().is_some_and(u8::is_ascii_alphabetic)
        {
            let name = tag_name(end);
            let after = tag_end(bytes, lt);
            if FORMATTING.contains(&name.as_str()) || stack.end(&name) == Some(false) {
                skip(&mut out, &mut copied, lt, after);
            }
            i = after;
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let name = tag_name(rest);
        let after = tag_end(bytes, lt);
        let name = name.as_str();
        if FORMATTING.contains(&name) {
            skip(&mut out, &mut copied, lt, after);
        } else if VOID.contains(&name) || matches!(name, "html" | "head" | "body") {
            // Nothing opened (the parser merges a repeated <html> or <body>).
        } else {
            stack.implied_ends(name);
            let kept = stack.kept < max;
            if !kept {
                too_deep += 1;
                skip(&mut out, &mut copied, lt, after);
            }
            if RAW.contains(&name) {
                // Its text, up to its end tag, is not markup; the end tag
                // is seen next and closes it (left out with its text when
                // the element is).
                stack.push(name, kept);
                i = raw_end(bytes, after, name);
                if !kept {
                    skip(&mut out, &mut copied, after, i);
                }
                continue;
            }
            if name == "plaintext" {
                break;
            }
            stack.push(name, kept);
        }
        i = after;
    }
    out.push_str(html.get(copied..).unwrap_or(""));
    Flattened {
        html: out,
        too_deep,
    }
}

/// How deep the parser nests the elements of `html`.
pub fn depth_of(html: &str) -> usize {
    parsed_depth(&dom_query::Document::from(html))
}

/// How deep the parser nested the elements of `doc` (the root's children
/// are at depth 1), in one pass.
pub fn parsed_depth(doc: &dom_query::Document) -> usize {
    let root = doc.root();
    let mut depth: HashMap<dom_query::NodeId, usize> = HashMap::new();
    depth.insert(root.id, 0);
    let mut deepest = 0;
    for node in root.descendants_it() {
        let d = node
            .parent()
            .and_then(|p| depth.get(&p.id).copied())
            .unwrap_or(0)
            + 1;
        deepest = deepest.max(d);
        depth.insert(node.id, d);
    }
    deepest
}

/// The text of a page without its tags, scripts, styles and comments, in
/// one pass and no tree: the last resort for a page the parser still nests
/// too deep. Block tags become paragraph breaks; the commonest entities are
/// decoded.
pub fn strip(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = find_from(bytes, i, b"<") {
        let rest = &bytes[lt + 1..];
        let (end, name) = if rest.starts_with(b"!--") {
            (
                find_from(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3),
                String::new(),
            )
        } else if rest.starts_with(b"!") || rest.starts_with(b"?") {
            (
                find_from(bytes, lt, b">").map_or(bytes.len(), |e| e + 1),
                String::new(),
            )
        } else if let Some(close) = rest.strip_prefix(b"/")
            && close.first().is_some_and(u8::is_ascii_alphabetic)
        {
            (tag_end(bytes, lt), tag_name(close))
        } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
            let name = tag_name(rest);
            let after = tag_end(bytes, lt);
            let end = if RAW.contains(&name.as_str()) && name != "title" && name != "textarea" {
                let close = raw_end(bytes, after, &name);
                tag_end(bytes, close.min(bytes.len().saturating_sub(1))).max(close)
            } else {
                after
            };
            (end, name)
        } else {
            i = lt + 1;
            continue;
        };
        out.push_str(html.get(copied..lt).unwrap_or(""));
        let block =
            CLOSES_P.contains(&name.as_str()) || matches!(name.as_str(), "br" | "tr" | "title");
        out.push_str(if block { "\n\n" } else { " " });
        copied = end;
        i = end;
    }
    out.push_str(html.get(copied..).unwrap_or(""));
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_page_passes_but_for_formatting_tags() {
        let page = "<html><body><div class=\"a\"><p>Un <b>mot</b> et <a href='x>y'>un lien</a>.<p>Deux<ul><li>un<li>deux</ul></div><script>if (a<b) { x = '<div>'; }</script></body></html>";
        let f = flatten(page, MAX_DEPTH);
        assert_eq!(f.too_deep, 0);
        assert_eq!(
            f.html,
            page.replace("<b>", "").replace("</b>", ""),
            "only the formatting tags go"
        );
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_and_the_text_kept() {
        for (open, close) in [
            ("<div>", "</div>"),
            ("<span>", ""),
            ("<b><i>", ""),
            ("<span><div></span>", ""),
            ("<li><ul></li>", ""),
            ("<div><table></div>", ""),
            ("<p><b id=x>", "</p>"),
            // A new item closes the open one only when no special element
            // (but address, div, p) stands between them.
            ("<ul><li><button>", ""),
            ("<li><dl><li>", ""),
            ("<dl><dd><object><dt>", ""),
            ("<li><select><option><li>", ""),
        ] {
            let n = 3000;
            let page = format!("{}texte{}", open.repeat(n), close.repeat(n));
            let f = flatten(&page, 100);
            assert!(f.html.contains("texte"), "{open}");
            let depth = depth_of(&f.html);
            assert!(depth <= 100 + 20, "{open}: {depth} deep after flattening");
        }
    }
}
