//! Many names at once over folded text: one `aho-corasick` automaton,
//! whole words only, match positions mapped back to the source text.

use std::cell::RefCell;
use std::rc::Rc;

use aho_corasick::{AhoCorasick, MatchKind};

use brief_core::text::fold_char;

/// The text as matched: folded, hyphens as spaces, whitespace runs as one
/// space; every byte remembers the source character it came from.
pub struct Haystack<'a> {
    pub source: &'a str,
    folded: Rc<Folded>,
}

/// Folded text, and for each of its bytes the start of the source character
/// it came from (four bytes a byte: an 8 MB article is matched without
/// 128 MB of ranges).
struct Folded {
    text: String,
    origin: Vec<u32>,
}

thread_local! {
    /// The last long texts folded, and their folding: a meeting's body and
    /// its title-and-body are matched against names, places, countries,
    /// topics and offices, each through a haystack of the same text, folded
    /// once.
    static LAST: RefCell<Vec<(String, Rc<Folded>)>> = const { RefCell::new(Vec::new()) };
}

/// Below this many bytes folding costs less than keeping a copy.
const KEPT_FROM: usize = 4096;
/// How many long texts are kept folded.
const KEPT: usize = 2;

impl<'a> Haystack<'a> {
    pub fn new(source: &'a str) -> Haystack<'a> {
        // Past 4 GiB a byte offset would not fit the origin's u32: such a text
        // is never drafted (input::MAX_INPUT), and is matched as empty.
        if u32::try_from(source.len()).is_err() {
            return Haystack {
                source: "",
                folded: Rc::new(fold("")),
            };
        }
        if source.len() < KEPT_FROM {
            return Haystack {
                source,
                folded: Rc::new(fold(source)),
            };
        }
        let hit = LAST.with(|last| {
            last.borrow()
                .iter()
                .find(|(text, _)| text == source)
                .map(|(_, folded)| folded.clone())
        });
        let folded = hit.unwrap_or_else(|| {
            let folded = Rc::new(fold(source));
            LAST.with(|last| {
                let mut last = last.borrow_mut();
                if last.len() >= KEPT {
                    last.remove(0);
                }
                last.push((source.to_string(), folded.clone()));
            });
            folded
        });
        Haystack { source, folded }
    }

    /// The folded text.
    pub fn folded(&self) -> &str {
        &self.folded.text
    }

    /// Source byte range of a folded byte range: from the start of the first
    /// byte's character to the end of the last byte's.
    pub fn source_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let len = self.source.len();
        let origin = &self.folded.origin;
        let a = origin.get(start).map_or(len, |&o| o as usize);
        let b = if end == 0 {
            a
        } else {
            origin.get(end - 1).map_or(len, |&o| {
                let o = o as usize;
                o + self.source[o..].chars().next().map_or(0, char::len_utf8)
            })
        };
        a..b.max(a)
    }
}

/// `source` folded for matching, with the source character of each byte.
fn fold(source: &str) -> Folded {
    let mut text = String::with_capacity(source.len());
    let mut origin: Vec<u32> = Vec::with_capacity(source.len());
    let mut tmp = String::new();
    let mut push = |f: char, at: u32, text: &mut String| {
        let f = if f == '-' || f.is_whitespace() {
            ' '
        } else {
            f
        };
        if f == ' ' && text.ends_with(' ') {
            return;
        }
        for _ in 0..f.len_utf8() {
            origin.push(at);
        }
        text.push(f);
    };
    for (i, c) in source.char_indices() {
        // The caller keeps sources under 4 GiB.
        let at = u32::try_from(i).unwrap_or(u32::MAX);
        // ASCII folds to its lower case (but for the backquote, an apostrophe).
        if c.is_ascii() && c != '`' {
            push(c.to_ascii_lowercase(), at, &mut text);
            continue;
        }
        tmp.clear();
        fold_char(c, &mut tmp);
        for f in tmp.chars() {
            push(f, at, &mut text);
        }
    }
    Folded { text, origin }
}

/// The matching form of a name: folded, hyphens as spaces, one space between words.
pub fn key(name: &str) -> String {
    let mut out = String::new();
    let mut tmp = String::new();
    for c in name.chars() {
        tmp.clear();
        fold_char(c, &mut tmp);
        for f in tmp.chars() {
            let f = if f == '-' || f.is_whitespace() {
                ' '
            } else {
                f
            };
            if f == ' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            out.push(f);
        }
    }
    out.trim_end().to_string()
}

/// A match: which pattern, and where in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub pattern: usize,
    pub span: std::ops::Range<usize>,
    /// The source text matched.
    pub text: String,
}

/// Names to find, each with a value; acronyms must match their case.
pub struct Matcher<T> {
    automaton: Option<AhoCorasick>,
    values: Vec<T>,
    /// The name as given, when its case must match (acronyms like "UE", "OIM").
    exact_case: Vec<Option<String>>,
}

/// Short all-capital names ("UE", "OIM", "UK") match only in capitals, so that
/// "eu" (had) or "us" are not taken for them.
fn needs_case(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

impl<T: Clone> Matcher<T> {
    pub fn new(names: impl IntoIterator<Item = (String, T)>) -> Matcher<T> {
        let mut patterns = Vec::new();
        let mut values = Vec::new();
        let mut exact_case = Vec::new();
        for (name, value) in names {
            let k = key(&name);
            if k.is_empty() {
                continue;
            }
            patterns.push(k);
            values.push(value);
            exact_case.push(needs_case(&name).then(|| name.clone()));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        Matcher {
            automaton,
            values,
            exact_case,
        }
    }

    pub fn value(&self, pattern: usize) -> Option<&T> {
        self.values.get(pattern)
    }

    /// Whole-word matches, leftmost-longest, in order.
    pub fn find(&self, hay: &Haystack) -> Vec<(Found, T)> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let text = hay.folded();
        let mut out = Vec::new();
        // Leftmost-longest: "présidence roumaine du Conseil de l'Union
        // européenne" is one actor, not three.
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if !boundary(before) || !boundary(after) {
                continue;
            }
            let span = hay.source_range(s, e);
            let written = &hay.source[span.clone()];
            let p = m.pattern().as_usize();
            if let Some(Some(name)) = self.exact_case.get(p) {
                let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).collect::<String>();
                if letters(written) != letters(name) {
                    continue;
                }
            }
            if let Some(v) = self.values.get(p) {
                out.push((
                    Found {
                        pattern: p,
                        span: span.clone(),
                        text: written.to_string(),
                    },
                    v.clone(),
                ));
            }
        }
        out
    }
}
