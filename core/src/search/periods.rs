//! Hits counted by period (year or month) from the dates the index keeps:
//! what `brief stats --by year|month` prints and a timeline draws.
//!
//! A briefing counts once in each period its meeting touches, from its
//! `date` to its `end_date`: a meeting of 2019-12-30 to 2020-01-02 counts
//! in 2019 and in 2020, one with two dates in March 2019 once in 2019.
//! By month, a date known only to the year counts in that year's own row
//! (`2019`, month unknown), which sorts before 2019-01. An undated briefing
//! counts apart, in `undated`.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Hit;
use crate::load::Folder;
use crate::model::PartialDate;
use crate::query::DateRange;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    #[default]
    Year,
    Month,
}

impl Grain {
    /// What a timeline shows for hits dated from `first` to `last`: months
    /// when they span three years or less, years otherwise.
    pub fn fitting(first: u16, last: u16) -> Grain {
        if last.saturating_sub(first) < 3 {
            Grain::Month
        } else {
            Grain::Year
        }
    }
}

/// A year, or a month of it. At the month grain, `month` is `None` for
/// dates known only to the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: u16,
    pub month: Option<u8>,
}

impl Period {
    /// The period of `grain` a date falls in.
    pub fn of(d: PartialDate, grain: Grain) -> Period {
        Period {
            year: d.year,
            month: match grain {
                Grain::Year => None,
                Grain::Month => d.month,
            },
        }
    }

    /// The whole year `year`.
    pub fn year(year: u16) -> Period {
        Period { year, month: None }
    }

    /// The month `month` of `year`.
    pub fn month(year: u16, month: u8) -> Period {
        Period {
            year,
            month: Some(month),
        }
    }

    /// The period as a date known to its year or month.
    pub fn as_date(self) -> PartialDate {
        PartialDate {
            year: self.year,
            month: self.month,
            day: None,
        }
    }

    /// Its days, first to last: a year without its month is the whole year.
    pub fn range(self) -> DateRange {
        let d = self.as_date();
        DateRange {
            from: Some(d.first_day()),
            to: Some(d.last_day()),
        }
    }

    /// Whether a meeting from `date` to `end_date` touches the period, by
    /// the rule of the date filters (`DateRange::admits`): the dates facet
    /// keeps what `année:` keeps.
    pub fn admits(self, date: Option<PartialDate>, end_date: Option<PartialDate>) -> bool {
        self.range().admits(date, end_date)
    }

    /// The period after this one at the same precision.
    pub fn next(self) -> Period {
        match self.month {
            Some(12) => Period {
                year: self.year.saturating_add(1),
                month: Some(1),
            },
            Some(m) => Period {
                year: self.year,
                month: Some(m + 1),
            },
            None => Period {
                year: self.year.saturating_add(1),
                month: None,
            },
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.month {
            Some(m) => write!(f, "{:04}-{m:02}", self.year),
            None => write!(f, "{:04}", self.year),
        }
    }
}

impl std::str::FromStr for Period {
    type Err = String;

    /// `2021` or `2021-06`, as [`Period`] writes itself.
    fn from_str(s: &str) -> Result<Period, String> {
        let bad = || format!("'{s}' is not a year (2021) or a month (2021-06)");
        let (year, month) = match s.trim().split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (s.trim(), None),
        };
        if year.len() != 4 {
            return Err(bad());
        }
        let year: u16 = year.parse().map_err(|_| bad())?;
        let month = match month {
            Some(m) => match m.parse::<u8>() {
                Ok(n @ 1..=12) if m.len() <= 2 => Some(n),
                _ => return Err(bad()),
            },
            None => None,
        };
        Ok(Period { year, month })
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Counts per period, oldest first, and the undated apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Periods {
    pub grain: Grain,
    pub counts: Vec<(Period, usize)>,
    pub undated: usize,
}

impl Periods {
    /// The counts of `self` and `other` (of the same grain, over different
    /// briefings) added.
    pub fn merge(self, other: Periods) -> Periods {
        let mut counts = self.counts;
        counts.extend(other.counts);
        counts.sort_unstable();
        let mut merged: Vec<(Period, usize)> = Vec::with_capacity(counts.len());
        for (p, n) in counts {
            match merged.last_mut() {
                Some((q, m)) if *q == p => *m += n,
                _ => merged.push((p, n)),
            }
        }
        Periods {
            grain: self.grain,
            counts: merged,
            undated: self.undated + other.undated,
        }
    }

    /// The first and last years counted, `None` when nothing is dated.
    pub fn years(&self) -> Option<(u16, u16)> {
        Some((self.counts.first()?.0.year, self.counts.last()?.0.year))
    }

    /// How many were counted in `p`.
    pub fn count(&self, p: Period) -> usize {
        self.counts
            .binary_search_by(|(q, _)| q.cmp(&p))
            .map_or(0, |i| self.counts[i].1)
    }
}

/// Most periods one meeting counts in: a span longer than this (a typo in
/// an end date) counts in its first and last periods only.
const MAX_SPAN: usize = 120;

/// Calls `f` once with each period a meeting from `date` to `end_date` touches.
fn each_period(
    date: PartialDate,
    end_date: Option<PartialDate>,
    grain: Grain,
    mut f: impl FnMut(Period),
) {
    let first = Period::of(date, grain);
    let last = end_date.map_or(first, |e| Period::of(e, grain).max(first));
    // Only periods of one precision can be walked: by month, a date known
    // to the year only and one known to the month count each in its row.
    if first.month.is_some() != last.month.is_some() {
        f(first);
        f(last);
        return;
    }
    let mut p = first;
    for _ in 0..MAX_SPAN {
        f(p);
        if p >= last {
            return;
        }
        p = p.next();
    }
    f(last);
}

/// Counts meetings (each a `date` and an `end_date`) by period of `grain`.
pub fn count_periods(
    dates: impl IntoIterator<Item = (Option<PartialDate>, Option<PartialDate>)>,
    grain: Grain,
) -> Periods {
    let mut counts: FxHashMap<Period, usize> = FxHashMap::default();
    let mut undated = 0;
    let mut seen: Vec<Period> = Vec::new();
    let mut add = |(date, end_date): (PartialDate, Option<PartialDate>), n: usize| {
        seen.clear();
        each_period(date, end_date, grain, |p| {
            if !seen.contains(&p) {
                seen.push(p);
            }
        });
        for p in &seen {
            *counts.entry(*p).or_default() += n;
        }
    };
    // Meetings with the same dates one after the other (briefings are kept
    // newest first, so hits come in runs of one date) are counted as one
    // run: at a million hits, putting each in its periods on its own was a
    // tenth of a keystroke's search.
    let mut run: Option<((PartialDate, Option<PartialDate>), usize)> = None;
    for (date, end_date) in dates {
        let Some(date) = date else {
            undated += 1;
            continue;
        };
        match &mut run {
            Some((dates, n)) if *dates == (date, end_date) => *n += 1,
            _ => {
                if let Some((dates, n)) = run.replace(((date, end_date), 1)) {
                    add(dates, n);
                }
            }
        }
    }
    if let Some((dates, n)) = run {
        add(dates, n);
    }
    let mut counts: Vec<(Period, usize)> = counts.into_iter().collect();
    counts.sort_unstable();
    Periods {
        grain,
        counts,
        undated,
    }
}

/// The hits counted by period of `grain`, from the index's dates: no
/// briefing is decoded.
pub fn periods(corpus: &Folder, hits: &[Hit], grain: Grain) -> Periods {
    let docs = &corpus.index().docs;
    count_periods(
        hits.iter().map(|h| {
            docs.get(h.doc)
                .map_or((None, None), |f| (f.date, f.end_date))
        }),
        grain,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Meetings counted in runs of the same dates count as one by one:
    /// the same counts whatever the order.
    #[test]
    fn counts_are_the_same_in_runs_or_scattered() {
        let d = |s: &str| PartialDate::parse(s).ok();
        let mut meetings = Vec::new();
        for (date, end, n) in [
            ("2021-11-28", None, 5),
            ("2021-11", None, 3),
            ("2021-12-30", Some("2022-01-02"), 4),
            ("2019", None, 2),
        ] {
            for _ in 0..n {
                meetings.push((d(date), end.and_then(d)));
            }
            meetings.push((None, None));
        }
        let mut scattered = meetings.clone();
        // Every other meeting from the end: no two alike side by side.
        scattered.sort_by_key(|m| format!("{m:?}").len() % 3);
        scattered.reverse();
        for grain in [Grain::Year, Grain::Month] {
            let runs = count_periods(meetings.clone(), grain);
            assert_eq!(runs, count_periods(scattered.clone(), grain));
            assert_eq!(runs.undated, 4);
            if grain == Grain::Year {
                // The meeting over the new year counts in both years.
                let total: usize = runs.counts.iter().map(|(_, n)| n).sum();
                assert_eq!(total, 5 + 3 + 4 * 2 + 2);
            }
        }
    }

    #[test]
    fn a_period_reads_back_as_written() {
        for p in [
            Period::year(2021),
            Period {
                year: 2021,
                month: Some(6),
            },
        ] {
            assert_eq!(p.to_string().parse::<Period>(), Ok(p));
        }
        for bad in ["21", "2021-13", "2021-0", "2021-", "x", "2021-006"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    fn d(s: &str) -> Option<PartialDate> {
        PartialDate::parse(s).ok()
    }

    fn rows(p: &Periods) -> Vec<(String, usize)> {
        p.counts.iter().map(|(p, n)| (p.to_string(), *n)).collect()
    }

    fn owned(r: &[(&str, usize)]) -> Vec<(String, usize)> {
        r.iter().map(|(s, n)| (s.to_string(), *n)).collect()
    }

    #[test]
    fn years_count_each_briefing_once_and_the_undated_apart() {
        let p = count_periods(
            [
                (d("2019-03-01"), d("2019-03-02")),
                (d("2019"), None),
                (d("2019-12-30"), d("2020-01-02")),
                (d("2021-06"), None),
                (None, None),
                (None, d("2020")),
            ],
            Grain::Year,
        );
        assert_eq!(rows(&p), owned(&[("2019", 3), ("2020", 1), ("2021", 1)]));
        assert_eq!(p.undated, 2);
    }

    #[test]
    fn months_keep_dates_known_to_the_year_in_their_own_row() {
        let p = count_periods(
            [
                (d("2019"), None),
                (d("2019-02-10"), None),
                (d("2019-02"), None),
                (d("2019-11-30"), d("2020-01-01")),
                (d("2019-12"), d("2020")),
            ],
            Grain::Month,
        );
        assert_eq!(
            rows(&p),
            owned(&[
                ("2019", 1),
                ("2019-02", 2),
                ("2019-11", 1),
                ("2019-12", 2),
                ("2020", 1),
                ("2020-01", 1),
            ])
        );
        assert_eq!(p.undated, 0);
    }

    #[test]
    fn an_end_before_the_start_or_far_after_it_stays_bounded() {
        let p = count_periods([(d("2020"), d("2019"))], Grain::Year);
        assert_eq!(rows(&p), owned(&[("2020", 1)]));
        let p = count_periods([(d("1500"), d("9000"))], Grain::Year);
        assert_eq!(p.counts.len(), MAX_SPAN + 1);
        assert_eq!(p.counts.last().map(|(p, _)| p.year), Some(9000));
    }

    #[test]
    fn counts_merge_and_a_period_admits_what_touches_it() {
        let a = count_periods([(d("2019-03-01"), None), (None, None)], Grain::Year);
        let b = count_periods([(d("2019-05"), None), (d("2021"), None)], Grain::Year);
        let m = a.merge(b);
        assert_eq!(rows(&m), owned(&[("2019", 2), ("2021", 1)]));
        assert_eq!(m.undated, 1);
        assert_eq!(m.years(), Some((2019, 2021)));
        assert_eq!(m.count(Period::year(2021)), 1);
        assert_eq!(m.count(Period::year(2020)), 0);
        let march = Period::month(2019, 3);
        assert!(march.admits(d("2019-03-31"), None));
        assert!(march.admits(d("2019-02-27"), d("2019-03-02")));
        assert!(
            march.admits(d("2019"), None),
            "a date known to the year may be in March"
        );
        assert!(!march.admits(d("2019-04-01"), None));
        assert!(!march.admits(None, None));
        assert!(Period::year(2019).admits(d("2018-12-30"), d("2019-01-02")));
    }

    #[test]
    fn a_timeline_shows_months_over_three_years_or_less() {
        assert_eq!(Grain::fitting(2019, 2021), Grain::Month);
        assert_eq!(Grain::fitting(2018, 2021), Grain::Year);
    }
}
