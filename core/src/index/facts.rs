//! What passes over the whole corpus read of each briefing (filters,
//! facets, id lookups, the text index's keys, a reload's stand-ins), kept
//! as records (`column::records::Records`): a corpus from the cache reads them in
//! place in the mapped file and decodes a briefing only when it is shown.

use std::path::Path;

use crate::column::records::{Record, put, span, u32_at};
use crate::model::{Briefing, CountryCode, PartialDate};

use super::packed;

/// A briefing's facts, borrowed from the briefing or from the cache.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fact<'a> {
    pub(crate) id: &'a str,
    pub(crate) path: &'a Path,
    pub(crate) date: Option<PartialDate>,
    pub(crate) end_date: Option<PartialDate>,
    /// The country of the meeting's place.
    pub(crate) place: Option<CountryCode>,
    /// The ids it points to, checked again by a reload.
    pub(crate) related: Related<'a>,
}

/// The ids a briefing points to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Related<'a> {
    Listed(&'a [String]),
    /// As the cache keeps them: each its length (`u32`), then its bytes.
    Packed(&'a [u8]),
}

impl<'a> Related<'a> {
    pub(crate) fn iter(self) -> impl Iterator<Item = &'a str> {
        let (listed, mut packed) = match self {
            Related::Listed(l) => (l, &[][..]),
            Related::Packed(p) => (&[][..], p),
        };
        let unpacked = std::iter::from_fn(move || {
            let len = u32_at(packed, 0)? as usize;
            let id = packed.get(4..4usize.checked_add(len)?)?;
            packed = packed.get(4 + len..).unwrap_or_default();
            std::str::from_utf8(id).ok()
        });
        listed.iter().map(String::as_str).chain(unpacked)
    }
}

impl<'a> Fact<'a> {
    pub(crate) fn of(b: &'a Briefing) -> Fact<'a> {
        Fact {
            id: &b.id,
            path: &b.path,
            date: b.date,
            end_date: b.end_date,
            place: b.location.country,
            related: Related::Listed(&b.related),
        }
    }

    /// A stand-in for the briefing, holding only what loading reads of a
    /// briefing it keeps from a previous corpus (id, file, dates, related):
    /// replaced by the briefing itself, undecoded, once placed.
    pub(crate) fn stand_in(&self) -> Briefing {
        Briefing {
            id: self.id.into(),
            path: self.path.to_path_buf(),
            date: self.date,
            end_date: self.end_date,
            related: self.related.iter().map(String::from).collect(),
            ..Briefing::default()
        }
    }
}

/// A fact's fixed part: its date and end date (`packed`), its place's
/// letters, two bytes unused, then where its id, path and related ids lie
/// among the chunk's strings (start, length; the three one after the other).
pub(crate) struct FactRecord;

impl Record for FactRecord {
    const WIDTH: usize = 28;
    type Ref<'a> = Fact<'a>;

    fn write(f: Fact<'_>, fixed: &mut Vec<u8>, strings: &mut Vec<u8>) {
        let (at, id) = put(strings, f.id.as_bytes());
        let (_, path) = put(strings, f.path.as_os_str().as_encoded_bytes());
        let start = strings.len();
        for r in f.related.iter() {
            put(strings, &(r.len() as u32).to_le_bytes());
            put(strings, r.as_bytes());
        }
        let related = u32::try_from(strings.len() - start).unwrap_or(u32::MAX);
        fixed.extend_from_slice(&packed::date_number(f.date).to_le_bytes());
        fixed.extend_from_slice(&packed::date_number(f.end_date).to_le_bytes());
        fixed.extend_from_slice(&packed::country_letters(f.place));
        fixed.extend_from_slice(&[0, 0]);
        for n in [at, id, path, related] {
            fixed.extend_from_slice(&n.to_le_bytes());
        }
    }

    fn read<'a>(fixed: &'a [u8], strings: &'a [u8]) -> Option<Fact<'a>> {
        let at = u32_at(fixed, 12)?;
        let (id, path, related) = (u32_at(fixed, 16)?, u32_at(fixed, 20)?, u32_at(fixed, 24)?);
        let path_at = at.checked_add(id)?;
        let related_at = path_at.checked_add(path)?;
        Some(Fact {
            id: std::str::from_utf8(span(strings, at, id)?).ok()?,
            path: crate::io::path_bytes::path_of(span(strings, path_at, path)?)?,
            date: packed::date_of(u32_at(fixed, 0)?)?,
            end_date: packed::date_of(u32_at(fixed, 4)?)?,
            place: packed::country_of([*fixed.get(8)?, *fixed.get(9)?])?,
            related: Related::Packed(span(strings, related_at, related)?),
        })
    }

    fn empty<'a>() -> Fact<'a> {
        Fact {
            id: "",
            path: Path::new(""),
            date: None,
            end_date: None,
            place: None,
            related: Related::Listed(&[]),
        }
    }
}

impl FactRecord {
    /// The date and end date of the fact whose fixed part is `fixed`,
    /// without reading its strings: what every search's facets read.
    pub(crate) fn dates_of(fixed: &[u8]) -> (Option<PartialDate>, Option<PartialDate>) {
        let date = |at| u32_at(fixed, at).and_then(packed::date_of).flatten();
        (date(0), date(4))
    }
}

/// Each briefing's facts, in corpus order.
pub(crate) type Facts = crate::column::records::Records<FactRecord>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_briefings_facts_come_back_from_their_record() {
        let b = Briefing {
            id: "2023-niamey".into(),
            path: "briefings/été/niamey.yaml".into(),
            date: PartialDate::parse("2023-03-06").ok(),
            end_date: PartialDate::parse("2023-03").ok(),
            location: crate::model::Location {
                country: CountryCode::new("NE"),
                ..Default::default()
            },
            related: vec!["2022-rabat".into(), "".into(), "2021-bamako".into()],
            ..Briefing::default()
        };
        let facts = Facts::from_values([Fact::of(&b), Fact::of(&Briefing::default())]);
        let f = facts.get(0).expect("the first");
        assert_eq!(
            (f.id, f.path, f.date, f.end_date, f.place),
            (
                b.id.as_str(),
                b.path.as_path(),
                b.date,
                b.end_date,
                b.location.country
            )
        );
        assert_eq!(
            f.related.iter().collect::<Vec<_>>(),
            ["2022-rabat", "", "2021-bamako"]
        );
        let back = f.stand_in();
        assert_eq!(
            (back.id, back.path, back.related),
            (b.id.clone(), b.path.clone(), b.related.clone())
        );
        let dates: Vec<_> = facts.fixed_parts().map(FactRecord::dates_of).collect();
        assert_eq!(dates, [(b.date, b.end_date), (None, None)]);
        let empty = facts.get(1).expect("the second");
        assert_eq!((empty.id, empty.related.iter().count()), ("", 0));
    }
}
