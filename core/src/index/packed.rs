//! Compact encodings of what the cache keeps for every briefing
//! (`DocFacts`): a date as one number, a country as its two letters, where a
//! briefing file writes text. At a million briefings, the dates parsed
//! again and the country codes read as strings were a sixth of a warm
//! start's work. Decoding checks what parsing checks: a damaged cache is
//! refused, never taken with a date that cannot be.

/// `Option<PartialDate>` as `year << 16 | month << 8 | day`, 0 for none.
pub(crate) mod date {
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    use crate::model::PartialDate;

    pub(crate) fn serialize<S: Serializer>(
        d: &Option<PartialDate>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let n = d.map_or(0, |d| {
            u32::from(d.year) << 16
                | u32::from(d.month.unwrap_or(0)) << 8
                | u32::from(d.day.unwrap_or(0))
        });
        n.serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<PartialDate>, D::Error> {
        let n = u32::deserialize(d)?;
        if n == 0 {
            return Ok(None);
        }
        let [year_high, year_low, month, day] = n.to_be_bytes();
        let part = |p: u8| (p != 0).then_some(p);
        PartialDate::from_parts(
            u16::from_be_bytes([year_high, year_low]),
            part(month),
            part(day),
        )
        .map(Some)
        .map_err(D::Error::custom)
    }
}

/// `Option<CountryCode>` as its two letters, `[0, 0]` for none.
pub(crate) mod country {
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    use crate::model::CountryCode;

    pub(crate) fn serialize<S: Serializer>(
        c: &Option<CountryCode>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        c.map_or([0, 0], CountryCode::bytes).serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<CountryCode>, D::Error> {
        let letters = <[u8; 2]>::deserialize(d)?;
        if letters == [0, 0] {
            return Ok(None);
        }
        CountryCode::from_bytes(letters)
            .map(Some)
            .ok_or_else(|| D::Error::custom("an unknown country code"))
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use crate::model::{CountryCode, PartialDate};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Facts {
        #[serde(with = "super::date")]
        date: Option<PartialDate>,
        #[serde(with = "super::country")]
        place: Option<CountryCode>,
    }

    fn round_trip(f: &Facts) -> Result<Facts, postcard::Error> {
        postcard::from_bytes(&postcard::to_stdvec(f)?)
    }

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
            let f = Facts {
                date: date.map(|d| PartialDate::parse(d).expect("a date")),
                place: place.map(|c| CountryCode::new(c).expect("a country")),
            };
            assert_eq!(round_trip(&f).ok(), Some(f));
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
            let bytes = postcard::to_stdvec(&(n, [0u8, 0u8])).expect("encoded");
            assert!(postcard::from_bytes::<Facts>(&bytes).is_err(), "{n:#x}");
        }
        for letters in [*b"ZZ", *b"UK", [0xff, 0xfe], [b'F', 0]] {
            let bytes = postcard::to_stdvec(&(0u32, letters)).expect("encoded");
            assert!(
                postcard::from_bytes::<Facts>(&bytes).is_err(),
                "{letters:?}"
            );
        }
    }
}
