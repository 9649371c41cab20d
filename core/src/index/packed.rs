//! Compact encodings of what the cache keeps for every briefing (`Fact`):
//! a date as one number, a country as its two letters. At a million
//! briefings, the dates parsed again and the country codes read as strings
//! were a sixth of a warm start's work. Reading checks what parsing
//! checks: a damaged value is refused, never taken as a date that cannot be.

use crate::model::{CountryCode, PartialDate};

/// `Option<PartialDate>` as `year << 16 | month << 8 | day`, 0 for none.
pub(crate) fn date_number(d: Option<PartialDate>) -> u32 {
    d.map_or(0, |d| {
        u32::from(d.year) << 16
            | u32::from(d.month.unwrap_or(0)) << 8
            | u32::from(d.day.unwrap_or(0))
    })
}

/// The date `date_number` gave `n`; `None` for one that cannot be.
pub(crate) fn date_of(n: u32) -> Option<Option<PartialDate>> {
    if n == 0 {
        return Some(None);
    }
    let [year_high, year_low, month, day] = n.to_be_bytes();
    let part = |p: u8| (p != 0).then_some(p);
    PartialDate::from_parts(
        u16::from_be_bytes([year_high, year_low]),
        part(month),
        part(day),
    )
    .ok()
    .map(Some)
}

/// `Option<CountryCode>` as its two letters, `[0, 0]` for none.
pub(crate) fn country_letters(c: Option<CountryCode>) -> [u8; 2] {
    c.map_or([0, 0], CountryCode::bytes)
}

/// The country `country_letters` gave `letters`; `None` for letters not in
/// the table.
pub(crate) fn country_of(letters: [u8; 2]) -> Option<Option<CountryCode>> {
    match letters {
        [0, 0] => Some(None),
        _ => CountryCode::from_bytes(letters).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_countries_come_back_as_they_were() {
        for (date, place) in [
            (Some("2023-03-06"), Some("NE")),
            (Some("2024-02-29"), Some("FR")),
            (Some("2019-02"), None),
            (Some("1999"), Some("XK")),
            (Some("9999-12-31"), Some("TN")),
            (None, None),
        ] {
            let date = date.map(|d| PartialDate::parse(d).expect("a date"));
            let place = place.map(|c| CountryCode::new(c).expect("a country"));
            assert_eq!(date_of(date_number(date)), Some(date));
            assert_eq!(country_of(country_letters(place)), Some(place));
        }
    }

    #[test]
    fn a_damaged_date_or_country_is_refused() {
        // A date as `parse` would refuse it, and letters not in the table.
        for n in [
            2023u32 << 16 | 13 << 8,
            2023 << 16 | 2 << 8 | 30,
            2023 << 16 | 5,
            10_000 << 16,
        ] {
            assert_eq!(date_of(n), None, "{n:#x}");
        }
        for letters in [*b"ZZ", *b"UK", [0xff, 0xfe], [b'F', 0]] {
            assert_eq!(country_of(letters), None, "{letters:?}");
        }
    }
}
