//! Dates in the query and on the command line, and `brief stats`, on the
//! fixture folder `tests/fixtures/dates`: fifteen briefings from 2016 to
//! 2023, some dated to the year or the month only, one spanning two years,
//! two undated.
// A test states its assumptions with unwrap, expect and panic (denied in
// the crates themselves by [workspace.lints]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates")
}

/// Runs brief on the fixture in an empty home, labels in French, into a pipe.
fn brief(args: &[&str]) -> Output {
    let home = TempDir::new().expect("tempdir");
    let dir = fixture();
    let mut all = vec!["--no-cache", "--dir", dir.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(&all)
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env_remove("BRIEF_DIR")
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("brief runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The ids a `list` or `search` printed (`--format tsv`, the `id` column), in order.
fn ids(args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "tsv"]);
    let o = brief(&all);
    assert!(
        o.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = stdout(&o);
    let mut lines = text.lines();
    let at = lines
        .next()
        .and_then(|h| h.split('\t').position(|c| c == "id"))
        .unwrap_or(0);
    lines
        .filter_map(|l| l.split('\t').nth(at).map(str::to_string))
        .collect()
}

const SINCE_2021_06: [&str; 6] = [
    "2023-02-tunisie-accord",
    "2022-01-burundi-dialogue",
    "2022-niger-forum",
    "2021-06-15-frontex-atelier",
    "2021-06-niger-frontieres",
    // Dated 2021 only: it may have been in June or later, so it is in.
    "2021-rapport-annuel",
];

#[test]
fn since_includes_the_period_it_names_in_the_query_and_as_a_flag() {
    assert_eq!(ids(&["search", "depuis:2021-06"]), SINCE_2021_06);
    assert_eq!(ids(&["search", "since:2021-06"]), SINCE_2021_06);
    assert_eq!(ids(&["list", "--since", "2021-06"]), SINCE_2021_06);
    // The flag and the word agree with a query's words too.
    assert_eq!(
        ids(&["search", "niger", "--since", "2021-06"]),
        ids(&["search", "niger depuis:2021-06"])
    );
}

#[test]
fn until_includes_its_period_and_before_excludes_it() {
    // --until 2022 ends on 31 December 2022.
    assert_eq!(
        ids(&["list", "--since", "2021-06", "--until", "2022"]),
        [
            "2022-01-burundi-dialogue",
            "2022-niger-forum",
            "2021-06-15-frontex-atelier",
            "2021-06-niger-frontieres",
            "2021-rapport-annuel",
        ]
    );
    let before = ids(&["search", "avant:2022"]);
    assert_eq!(before, ids(&["search", "before:2022"]));
    assert_eq!(before.len(), 10, "{before:?}");
    assert!(before.iter().all(|id| !id.starts_with("2022")
        && !id.starts_with("2023")
        && !id.starts_with("sans-date")));
    // An exclusion keeps the undated.
    let not_before = ids(&["search", "-avant:2022"]);
    assert_eq!(not_before.len(), 5, "{not_before:?}");
    assert!(not_before.iter().any(|id| id.starts_with("sans-date")));
}

#[test]
fn years_take_a_range_and_a_meeting_spanning_two_years_is_in_both() {
    assert_eq!(
        ids(&["search", "année:2016..2018"]),
        [
            "2018-12-libye-conference",
            "2017-11-niger-passeurs",
            "2016-03-niamey-oim",
            "2016-frontex-tunis",
        ]
    );
    assert_eq!(
        ids(&["search", "year:2019"]),
        [
            "2019-02-burundi-retours",
            "2019-niger-bilan",
            "2018-12-libye-conference",
        ]
    );
    assert_eq!(
        ids(&["list", "--year", "2019"]),
        ids(&["search", "année:2019"])
    );
}

#[test]
fn a_malformed_date_is_a_usage_error() {
    for args in [
        &["search", "depuis:2021-13"][..],
        &["list", "--since", "21"],
        &["list", "--until", "2021-02-30"],
        &["stats", "--since", "x"],
    ] {
        assert_eq!(brief(args).status.code(), Some(2), "{args:?}");
    }
}

/// `brief stats --by year` in text: whole rows into a pipe, a bar each,
/// each year once per briefing, the undated on their own row.
#[test]
fn stats_by_year_counts_each_year_once_and_the_undated_apart() {
    let o = brief(&["stats", "--by", "year"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let rows: Vec<(String, usize)> = text
        .lines()
        .map(|l| {
            let label = l.split(' ').next().unwrap_or_default().to_string();
            let count = l.rsplit(' ').next().and_then(|n| n.parse().ok());
            (label, count.unwrap_or(usize::MAX))
        })
        .collect();
    let want = [
        ("2016", 2),
        ("2017", 1),
        ("2018", 1),
        ("2019", 3),
        ("2021", 4),
        ("2022", 2),
        ("2023", 1),
        ("sans", 2),
    ];
    assert_eq!(rows, want.map(|(l, n)| (l.to_string(), n)), "{text}");
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.starts_with("sans date"))
    );
    // The longest row has the full bar; every row has one; rows line up.
    let widths: Vec<usize> = text.lines().map(|l| l.chars().count()).collect();
    assert!(widths.windows(2).all(|w| w[0] == w[1]), "{text}");
    assert!(
        text.lines()
            .all(|l| l.contains(['█', '▏', '▎', '▍', '▌', '▋', '▊', '▉']))
    );
    assert!(!text.contains('\x1b'));
}

#[test]
fn stats_prints_json_csv_and_tsv() {
    let o = brief(&["stats", "--by", "month", "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["by"], "month");
    assert_eq!(v["total"], 15);
    assert_eq!(v["none"], 2);
    let rows = v["rows"].as_array().expect("rows");
    let keys: Vec<&str> = rows.iter().filter_map(|r| r["key"].as_str()).collect();
    // A date known to the year only has its own row, before the year's months.
    assert_eq!(&keys[..3], ["2016", "2016-03", "2017-11"]);
    assert!(keys.contains(&"2018-12") && keys.contains(&"2019-01"));

    let o = brief(&["stats", "--by", "country", "--format", "csv"]);
    assert_eq!(
        stdout(&o),
        "key,label,count\nNE,Niger,7\nTN,Tunisie,3\nBI,Burundi,2\nLY,Libye,1\n,sans pays,2\n"
    );
    let o = brief(&["stats", "--by", "actor", "--format", "tsv"]);
    assert_eq!(
        stdout(&o),
        "key\tlabel\tcount\noim\tOIM\t7\nfrontex\tFrontex\t6\n\tsans acteur\t2\n"
    );
    let o = brief(&["stats", "--by", "topic", "--format", "tsv"]);
    assert!(stdout(&o).contains("\tretours\t3\n"), "{}", stdout(&o));
    let o = brief(&["stats", "--by", "place", "--format", "csv"]);
    assert!(stdout(&o).starts_with("key,label,count\n"));
    assert!(stdout(&o).contains(",Bujumbura,2\n"), "{}", stdout(&o));
}

#[test]
fn stats_takes_a_query_and_the_filters_of_search_and_list() {
    let json = |args: &[&str]| -> Value {
        let mut all = vec!["stats"];
        all.extend_from_slice(args);
        all.extend(["--format", "json"]);
        serde_json::from_slice(&brief(&all).stdout).expect("json")
    };
    let v = json(&["pays:BI", "--by", "year"]);
    assert_eq!(v["total"], 2);
    assert_eq!(v["rows"][0]["key"], "2019");
    assert_eq!(v["rows"][1]["key"], "2022");
    let v = json(&["--since", "2021-06", "--until", "2022", "--by", "year"]);
    assert_eq!(v["total"], 5);
    let v = json(&["--country", "NE", "--actor", "OIM", "--by", "year"]);
    assert_eq!(v["total"], 5);
    assert_eq!(v["none"], 1);
    // Options after the words are options.
    let v = json(&["niger", "--by", "country"]);
    assert_eq!(v["by"], "country");
    // Nothing found: exit 1, an empty table.
    let o = brief(&["stats", "année:2030", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "key,label,count\n");
}
