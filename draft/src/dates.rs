//! French and English date expressions, single days and ranges, with the
//! source text they came from. Hand-written: no crate reads "Les 27 et 28
//! octobre" or "à partir de ce lundi 6 et ce, jusqu'au mardi 7 mars 2023".
//!
//! A date needs at least a month and a day, or a month and a year: "mi-mars",
//! "lundi 6" or "2030" alone are not dates. A missing year stays missing
//! (`DateParts::year` is `None`); the caller decides what to do about it.

use std::ops::Range;

use brief_core::model::PartialDate;
use brief_core::text::{fold, fold_char};

/// Parts of a date as written; any may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateParts {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl DateParts {
    /// The date, with `year` used when the text gave none; `None` when there is
    /// still no year or the day does not exist.
    pub fn to_partial(self, year: Option<u16>) -> Option<PartialDate> {
        let y = self.year.or(year)?;
        let s = match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y:04}-{m:02}"),
            (None, _) => format!("{y:04}"),
        };
        PartialDate::parse(&s).ok()
    }
}

impl std::fmt::Display for DateParts {
    /// `2023-03-06`, `????-10-27` without a year, `2023-03` without a day.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("????")?,
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpan {
    pub start: DateParts,
    /// The last day of a range ("du 10 au 14 juillet").
    pub end: Option<DateParts>,
    /// The source text, as written.
    pub text: String,
    /// Byte range of `text` in the source.
    pub span: Range<usize>,
}

impl DateSpan {
    /// `2023-03-06..2023-03-07`, `????-07-10..????-07-14`, `2019-02-25`.
    pub fn label(&self) -> String {
        match &self.end {
            Some(e) => format!("{}..{}", self.start, e),
            None => self.start.to_string(),
        }
    }

    pub fn has_year(&self) -> bool {
        self.start.year.is_some()
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Word(String),
    Num { value: u32, digits: usize },
    Punct(char),
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut end = i;
            let mut digits = String::new();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                digits.push(d);
                end = j + d.len_utf8();
                chars.next();
            }
            let value = digits.parse::<u32>().unwrap_or(u32::MAX);
            toks.push(Tok {
                kind: Kind::Num {
                    value,
                    digits: digits.len(),
                },
                start: i,
                end,
            });
        } else if c.is_alphabetic() {
            let mut end = i;
            // The word folded as it is read: one string a word, not two.
            let mut word = String::new();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                if d.is_ascii() {
                    word.push(d.to_ascii_lowercase());
                } else {
                    fold_char(d, &mut word);
                }
                end = j + d.len_utf8();
                chars.next();
            }
            toks.push(Tok {
                kind: Kind::Word(word),
                start: i,
                end,
            });
        } else {
            let folded = fold(&c.to_string());
            let p = folded.chars().next().unwrap_or(c);
            toks.push(Tok {
                kind: Kind::Punct(p),
                start: i,
                end: i + c.len_utf8(),
            });
            chars.next();
        }
    }
    toks
}

/// The month a folded word names. Most words are not months: they are
/// turned away by their length and first letter before the table is read.
fn month_number(w: &str) -> Option<u8> {
    let first = *w.as_bytes().first()?;
    if !(3..=9).contains(&w.len()) || !b"jfmasond".contains(&first) {
        return None;
    }
    MONTHS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m)
}

const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("january", 1),
    ("jan", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("february", 2),
    ("feb", 2),
    ("mars", 3),
    ("march", 3),
    ("mar", 3),
    ("avril", 4),
    ("avr", 4),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juin", 6),
    ("june", 6),
    ("jun", 6),
    ("juillet", 7),
    ("juil", 7),
    ("july", 7),
    ("jul", 7),
    ("aout", 8),
    ("august", 8),
    ("aug", 8),
    ("septembre", 9),
    ("sept", 9),
    ("september", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct", 10),
    ("october", 10),
    ("novembre", 11),
    ("nov", 11),
    ("november", 11),
    ("decembre", 12),
    ("dec", 12),
    ("december", 12),
];

const WEEKDAYS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Ordinal suffixes after a day number: 1er, 1re, 6e, 6ème, 1st, 2nd, 3rd, 4th.
const ORDINALS: &[&str] = &["er", "re", "e", "eme", "st", "nd", "rd", "th"];

struct Parser<'a> {
    toks: &'a [Tok],
}

impl Parser<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        match self.toks.get(i).map(|t| &t.kind) {
            Some(Kind::Word(w)) => Some(w.as_str()),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        matches!(self.toks.get(i).map(|t| &t.kind), Some(Kind::Punct(p)) if chars.contains(p))
    }

    /// Skips optional words, returning the next index.
    fn skip(&self, mut i: usize, words: &[&str]) -> usize {
        while self.is_word(i, words) {
            i += 1;
        }
        i
    }

    fn day(&self, i: usize) -> Option<(u8, usize)> {
        match self.toks.get(i).map(|t| &t.kind) {
            Some(Kind::Num { value, digits }) if *digits <= 2 && (1..=31).contains(value) => {
                // "6ème" is one token pair with no space; "6 e" would be odd but harmless.
                let next = if self.is_word(i + 1, ORDINALS) && self.adjacent(i) {
                    i + 2
                } else {
                    i + 1
                };
                Some((*value as u8, next))
            }
            Some(Kind::Word(w)) if w == "premier" || w == "first" => Some((1, i + 1)),
            _ => None,
        }
    }

    fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn month(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.word(i)?;
        let m = month_number(w)?;
        // "mi-mars", "mi mars": the middle of a month is not a date.
        if i >= 2 && self.is_punct(i - 1, &['-']) && self.is_word(i - 2, &["mi"]) {
            return None;
        }
        if i >= 1 && self.is_word(i - 1, &["mi"]) {
            return None;
        }
        // An abbreviation may carry its dot: "janv.", "Feb.".
        let next = if self.is_punct(i + 1, &['.']) && w.len() <= 4 {
            i + 2
        } else {
            i + 1
        };
        Some((m, next))
    }

    fn year(&self, i: usize) -> Option<(u16, usize)> {
        match self.toks.get(i).map(|t| &t.kind) {
            Some(Kind::Num { value, digits: 4 }) if (1900..=2100).contains(value) => {
                Some((*value as u16, i + 1))
            }
            _ => None,
        }
    }

    fn weekday(&self, i: usize) -> usize {
        if self.is_word(i, WEEKDAYS) {
            if self.is_punct(i + 1, &[',']) {
                i + 2
            } else {
                i + 1
            }
        } else {
            i
        }
    }

    /// A year after a month, optionally after a comma.
    fn opt_year(&self, i: usize) -> (Option<u16>, usize) {
        if let Some((y, n)) = self.year(i) {
            return (Some(y), n);
        }
        if self.is_punct(i, &[','])
            && let Some((y, n)) = self.year(i + 1)
        {
            return (Some(y), n);
        }
        (None, i)
    }

    /// A full day: "lundi 6 mars 2023", "28 novembre", "1er juin", "4th of June",
    /// "Février 25, 2019", "June 2nd", "25/02/2019", "2019-02-25".
    fn single(&self, i: usize) -> Option<(DateParts, usize)> {
        let j = self.weekday(i);
        if let Some((day, k)) = self.day(j) {
            let k2 = self.skip(k, &["of"]);
            if let Some((month, n)) = self.month(k2) {
                let (year, n) = self.opt_year(n);
                return Some((
                    DateParts {
                        year,
                        month: Some(month),
                        day: Some(day),
                    },
                    n,
                ));
            }
        }
        if let Some(d) = self.numeric(j) {
            return Some(d);
        }
        // English order, and the seeds' "Février 25, 2019".
        if let Some((month, k)) = self.month(j)
            && let Some((day, n)) = self.day(k)
        {
            // "mars 2023" is month + year, not a day: day() refuses 4 digits.
            let (year, n) = self.opt_year(n);
            return Some((
                DateParts {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
                n,
            ));
        }
        None
    }

    /// `25/02/2019`, `25.02.2019`, `2019-02-25`.
    fn numeric(&self, i: usize) -> Option<(DateParts, usize)> {
        let num = |k: usize| match self.toks.get(k).map(|t| &t.kind) {
            Some(Kind::Num { value, digits }) => Some((*value, *digits)),
            _ => None,
        };
        let (a, ad) = num(i)?;
        if ad == 4 && self.is_punct(i + 1, &['-']) && self.is_punct(i + 3, &['-']) {
            let (m, _) = num(i + 2)?;
            let (d, dd) = num(i + 4)?;
            if dd <= 2 && (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some((
                    DateParts {
                        year: Some(a as u16),
                        month: Some(m as u8),
                        day: Some(d as u8),
                    },
                    i + 5,
                ));
            }
            return None;
        }
        let sep = ['/', '.'];
        if ad <= 2 && self.is_punct(i + 1, &sep) && self.is_punct(i + 3, &sep) {
            let (m, md) = num(i + 2)?;
            let (y, yd) = num(i + 4)?;
            if md <= 2 && yd == 4 && (1..=12).contains(&m) && (1..=31).contains(&a) {
                return Some((
                    DateParts {
                        year: Some(y as u16),
                        month: Some(m as u8),
                        day: Some(a as u8),
                    },
                    i + 5,
                ));
            }
        }
        None
    }

    /// A day without its month, to be completed by the end of a range: "lundi 6".
    fn first(&self, i: usize) -> Option<(DateParts, usize)> {
        if let Some(d) = self.single(i) {
            return Some(d);
        }
        let j = self.weekday(i);
        let (day, n) = self.day(j)?;
        Some((
            DateParts {
                day: Some(day),
                ..DateParts::default()
            },
            n,
        ))
    }

    /// A month with a year and no day: "mars 2023", "en juillet 2021".
    fn month_year(&self, i: usize) -> Option<(DateParts, usize)> {
        let (month, k) = self.month(i)?;
        let (year, n) = self.year(k)?;
        Some((
            DateParts {
                year: Some(year),
                month: Some(month),
                day: None,
            },
            n,
        ))
    }

    /// Every form at `i`, longest first: (start, end, next token).
    fn at(&self, i: usize) -> Option<(DateParts, Option<DateParts>, usize)> {
        // "à partir de ce lundi 6 et ce, jusqu'au mardi 7 mars 2023"
        if self.is_word(i, &["a"]) && self.is_word(i + 1, &["partir"]) {
            let mut j = i + 2;
            if self.is_word(j, &["du", "de", "d"]) {
                j += 1;
                if self.is_punct(j, &['\'']) {
                    j += 1;
                }
            }
            j = self.skip(j, &["ce", "cette", "le"]);
            if let Some((first, mut k)) = self.first(j) {
                if self.is_punct(k, &[',']) {
                    k += 1;
                }
                if self.is_word(k, &["et"]) && self.is_word(k + 1, &["ce"]) {
                    k += 2;
                }
                if self.is_punct(k, &[',']) {
                    k += 1;
                }
                if let Some(k) = self.until(k) {
                    let k = self.skip(k, &["ce", "le"]);
                    if let Some((end, n)) = self.single(k) {
                        return complete(first, end).map(|(s, e)| (s, Some(e), n));
                    }
                }
                if first.month.is_some() {
                    return Some((first, None, k));
                }
            }
        }
        // "du 10 au 14 juillet", "from 10 to 14 July", "entre le 3 et le 5 mai"
        if self.is_word(i, &["du", "from", "depuis", "entre", "between"]) {
            let j = self.skip(i + 1, &["le", "the"]);
            if let Some((first, k)) = self.first(j) {
                let sep = if self.is_word(k, &["au", "to", "until", "till", "et", "and"])
                    || self.is_punct(k, &['-'])
                {
                    Some(k + 1)
                } else {
                    self.until(k)
                };
                if let Some(k) = sep {
                    let k = self.skip(k, &["le", "the"]);
                    if let Some((end, n)) = self.single(k) {
                        return complete(first, end).map(|(s, e)| (s, Some(e), n));
                    }
                }
            }
        }
        // "February 25-26, 2019", "July 10 to 14"
        if let Some((month, k)) = self.month(i)
            && let Some((d1, k)) = self.day(k)
            && (self.is_punct(k, &['-']) || self.is_word(k, &["to", "au"]))
            && let Some((d2, n)) = self.day(k + 1)
        {
            let (year, n) = self.opt_year(n);
            let s = DateParts {
                year,
                month: Some(month),
                day: Some(d1),
            };
            let e = DateParts { day: Some(d2), ..s };
            if d1 < d2 {
                return Some((s, Some(e), n));
            }
        }
        // "Les 27 et 28 octobre", "30-31 janvier 2023", "10 au 14 juillet", "3, 4 et 5 mai"
        let j = self.skip(i, &["les", "le", "the", "on"]);
        if let Some((first, mut k)) = self.first(j) {
            if first.month.is_none() {
                // a list of days: "3, 4 et 5 mai"
                while self.is_punct(k, &[',']) && self.day(k + 1).is_some() {
                    k = self.day(k + 1).map_or(k + 1, |(_, n)| n);
                }
            }
            let sep = if self.is_word(k, &["et", "and", "au", "to"]) || self.is_punct(k, &['-']) {
                Some(k + 1)
            } else {
                None
            };
            if let Some(k) = sep {
                let k = self.skip(k, &["le", "the"]);
                if let Some((end, n)) = self.single(k)
                    && let Some((s, e)) = complete(first, end)
                {
                    return Some((s, Some(e), n));
                }
            }
            if first.month.is_some() {
                return Some((first, None, k));
            }
        }
        if let Some((d, n)) = self.month_year(self.skip(i, &["en", "in", "debut", "fin", "mi"])) {
            return Some((d, None, n));
        }
        None
    }

    /// "jusqu'au", "jusqu'à", "until": the index after it.
    fn until(&self, k: usize) -> Option<usize> {
        if self.is_word(k, &["jusqu"])
            && self.is_punct(k + 1, &['\''])
            && self.is_word(k + 2, &["au", "a"])
        {
            return Some(k + 3);
        }
        if self.is_word(k, &["until", "till"]) {
            return Some(k + 1);
        }
        None
    }
}

/// The first day of a range takes what it lacks (month, year) from the last;
/// the range must go forward.
fn complete(first: DateParts, end: DateParts) -> Option<(DateParts, DateParts)> {
    let start = DateParts {
        year: first.year.or(end.year),
        month: first.month.or(end.month),
        day: first.day,
    };
    let key = |d: &DateParts| {
        (
            d.year.unwrap_or(0),
            d.month.unwrap_or(0),
            d.day.unwrap_or(0),
        )
    };
    if first.year.is_some() && end.year.is_none() {
        return None;
    }
    if key(&start) >= key(&end) {
        return None;
    }
    Some((start, end))
}

/// Every date expression in `text`, in order, without overlaps.
pub fn find_dates(text: &str) -> Vec<DateSpan> {
    let toks = tokenize(text);
    let p = Parser { toks: &toks };
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match p.at(i) {
            Some((start, end, next)) if next > i => {
                let (a, b) = (toks[i].start, toks[next - 1].end);
                found.push(DateSpan {
                    start,
                    end,
                    text: text[a..b].to_string(),
                    span: a..b,
                });
                i = next;
            }
            _ => i += 1,
        }
    }
    found
}

/// The one date expression that `text` consists of, if it is nothing else
/// (a publication line such as "Février 25, 2019").
pub fn whole_date(text: &str) -> Option<DateSpan> {
    let t = text.trim();
    let dates = find_dates(t);
    match dates.as_slice() {
        [d] if d.span == (0..t.len()) && d.has_year() && d.end.is_none() => Some(d.clone()),
        _ => None,
    }
}
