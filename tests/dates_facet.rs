//! The dates facet (the browser's timeline and dates pane) on the fixture
//! folder `tests/fixtures/dates`: counted from the index's dates with every
//! filter but its own, and restricting through the same `Selection` as the
//! other facets.

// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::OnceLock;

use brief_core::load::{LoadOptions, load_dir};
use brief_core::search::periods::{Grain, Period, Periods};
use brief_core::search::{faceted, parse_query, search};
use brief_core::{Folder, Selection};

fn corpus() -> &'static Folder {
    static CORPUS: OnceLock<Folder> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates");
        load_dir(&dir, &LoadOptions::default(), &|_, _| {}).expect("the fixture folder loads")
    })
}

fn rows(p: &Periods) -> Vec<(String, usize)> {
    p.counts.iter().map(|(p, n)| (p.to_string(), *n)).collect()
}

fn ids(hits: &[brief_core::Hit]) -> Vec<String> {
    let mut v: Vec<String> = hits
        .iter()
        .map(|h| corpus().briefings[h.doc].id.to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn every_result_is_counted_by_year_and_by_month_the_undated_apart() {
    let c = corpus();
    let q = parse_query(c, "").unwrap();
    let (hits, f) = faceted(c, &q, &Selection::default());
    assert_eq!(hits.len(), 15);
    assert_eq!(f.years.grain, Grain::Year);
    assert_eq!(f.months.grain, Grain::Month);
    let years: Vec<(String, usize)> = rows(&f.years);
    assert_eq!(
        years,
        [
            ("2016", 2),
            ("2017", 1),
            ("2018", 1),
            ("2019", 3),
            ("2021", 4),
            ("2022", 2),
            ("2023", 1)
        ]
        .map(|(p, n)| (p.to_string(), n))
    );
    assert_eq!(f.years.undated, 2);
    assert_eq!(f.months.undated, 2);
    assert_eq!(f.months.count(Period::month(2021, 6)), 2);
    assert_eq!(
        f.months.count(Period::month(2019, 1)),
        1,
        "the conference spans into 2019"
    );
}

#[test]
fn periods_restrict_like_the_year_filter_and_are_counted_without_their_own_filter() {
    let c = corpus();
    let q = parse_query(c, "").unwrap();
    let sel = Selection {
        periods: vec![Period::year(2019)],
        ..Selection::default()
    };
    let (hits, f) = faceted(c, &q, &sel);
    // The same briefings as `année:2019`, and as the plain search.
    let by_word = search(
        c,
        &parse_query(c, "année:2019").unwrap(),
        &Selection::default(),
    );
    assert_eq!(ids(&hits), ids(&by_word));
    assert_eq!(ids(&hits), ids(&search(c, &q, &sel)));
    assert_eq!(hits.len(), 3);
    // Every year still counted: the dates facet leaves its own filter out.
    assert_eq!(f.years.counts.len(), 7);
    assert_eq!(f.years.undated, 2);
    // Any of several periods; a month of another year.
    let sel = Selection {
        periods: vec![Period::year(2016), Period::month(2021, 6)],
        ..Selection::default()
    };
    let (hits, _) = faceted(c, &q, &sel);
    assert_eq!(
        hits.len(),
        2 + 2 + 1,
        "2016, June 2021, and 2021 known to the year"
    );
    // The other facets are counted with the dates filter.
    let niger = brief_core::query::parse_country("NE").unwrap();
    let n = f.countries.iter().find(|(c, _)| *c == niger).map(|x| x.1);
    assert_eq!(n, Some(1), "one briefing of 2019 lists Niger");
}

#[test]
fn a_country_narrows_the_dates_counted() {
    let c = corpus();
    let q = parse_query(c, "").unwrap();
    let sel = Selection {
        countries: vec![brief_core::query::parse_country("BI").unwrap()],
        ..Selection::default()
    };
    let (_, f) = faceted(c, &q, &sel);
    assert_eq!(
        rows(&f.years),
        [("2019", 1), ("2022", 1)].map(|(p, n)| (p.to_string(), n))
    );
    assert_eq!(f.years.undated, 0);
}
