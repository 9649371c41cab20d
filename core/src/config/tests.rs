use super::*;

fn parsed(text: &str) -> (Config, Vec<Problem>) {
    parse(Path::new("/home/ana/.config/brief/config.yaml"), text)
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parsed(""), (Config::default(), Vec::new()));
    assert_eq!(parsed("# only comments\n"), (Config::default(), Vec::new()));
}

#[test]
fn every_setting_is_read() {
    let (c, p) = parsed(
        "briefings: /data/briefings\ntheme: high-contrast\nreader_width: 72\nsort: date\nmouse: true\nlinks: false\nkeys:\n  quit: Q\n  bookmark: [m, Ctrl-b]\n",
    );
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(c.briefings, Some(PathBuf::from("/data/briefings")));
    assert_eq!(c.theme, Theme::HighContrast);
    assert_eq!(c.reader_width, Some(72));
    assert_eq!(c.sort, Sort::Date);
    assert!(c.mouse);
    assert!(!c.links);
    assert_eq!(c.keys.len(), 2);
    assert_eq!(c.keys[0].action, "quit");
    assert_eq!(c.keys[0].keys, vec!["Q"]);
    assert_eq!(c.keys[0].line, Some(8));
    assert_eq!(c.keys[1].keys, vec!["m", "Ctrl-b"]);
    assert_eq!(c.keys[1].line, Some(9));
}

#[test]
fn a_bad_value_names_its_line_and_value_and_the_rest_applies() {
    let (c, p) = parsed("sort: date\ntheme: purple\nmouse: yes please\n");
    assert_eq!(c.sort, Sort::Date);
    assert_eq!(c.theme, Theme::Default);
    assert!(!c.mouse);
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(p[0].line, Some(2));
    assert!(p[0].message.contains("'purple'"), "{}", p[0].message);
    assert!(p[0].message.contains("high-contrast"), "{}", p[0].message);
    assert_eq!(p[1].line, Some(3));
    assert!(p[1].message.contains("'yes please'"), "{}", p[1].message);
}

#[test]
fn broken_yaml_runs_on_the_defaults_with_its_position() {
    let (c, p) = parsed("theme: monochrome\nkeys: [unclosed\n");
    assert_eq!(c, Config::default());
    assert_eq!(p.len(), 1);
    assert!(p[0].line.is_some());
    assert!(p[0].message.contains("defaults"), "{}", p[0].message);
}

#[test]
fn unknown_settings_get_a_suggestion() {
    let (_, p) = parsed("\n\nthem: monochrome\n");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].line, Some(3));
    assert!(
        p[0].message.contains("did you mean 'theme'"),
        "{}",
        p[0].message
    );
}

#[test]
fn a_setting_written_with_escapes_keeps_its_line_and_shows_no_raw_control() {
    let (_, p) = parsed("sort: date\n\n\"th\\e]0;x\\ame\": monochrome\n'mo\tuse': true\n");
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(p[0].line, Some(3), "{p:?}");
    assert_eq!(p[1].line, Some(4), "{p:?}");
    for problem in &p {
        assert!(
            !problem.message.chars().any(crate::text::is_dangerous),
            "{:?}",
            problem.message
        );
    }
    assert!(p[0].message.contains("th␛]0;x␇me"), "{}", p[0].message);
    let (c, p) = parsed("keys:\n  \"qu\\x1bit\": x\n  \"he\\u001blp\": [y]\n");
    assert_eq!(c.keys[0].line, Some(2), "{:?}", c.keys);
    assert_eq!(c.keys[1].line, Some(3), "{:?}", c.keys);
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn reader_width_zero_means_the_pane_and_small_widths_are_refused() {
    assert_eq!(parsed("reader_width: 0").0.reader_width, None);
    let (c, p) = parsed("reader_width: 5");
    assert_eq!(c.reader_width, None);
    assert_eq!(p.len(), 1);
    assert!(p[0].message.contains("reader_width: 5"), "{}", p[0].message);
}

#[test]
fn relative_folders_are_taken_from_the_config_folder() {
    let (c, _) = parsed("briefings: notes/briefings");
    assert_eq!(
        c.briefings,
        Some(PathBuf::from("/home/ana/.config/brief/notes/briefings"))
    );
}

#[test]
fn the_default_file_parses_to_the_defaults() {
    let (c, p) = parsed(DEFAULT_FILE);
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(c, Config::default());
}

#[test]
fn settings_in_force_read_back_the_same() {
    let (c, p) = parsed(
        "briefings: /x\ntheme: monochrome\nreader_width: 90\nsort: date\nmouse: true\nlinks: false\nkeys:\n  quit: [Q, Ctrl-q]\n",
    );
    assert!(p.is_empty());
    let (again, p) = parsed(&to_yaml(&c));
    assert!(p.is_empty(), "{p:?}");
    let strip = |mut c: Config| {
        for k in &mut c.keys {
            k.line = None;
        }
        c
    };
    assert_eq!(strip(again), strip(c));
}

#[test]
fn ui_language_is_fr_or_en_and_a_bad_one_is_reported() {
    let (c, p) = parsed("ui_language: fr\n");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(c.ui_language, Some(Lang::Fr));
    assert_eq!(c.language(), Lang::Fr);
    let (c, p) = parsed("ui_language: EN\n");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(c.ui_language, Some(Lang::En));
    let (c, p) = parsed("ui_language: de\n");
    assert_eq!(c.ui_language, None);
    assert!(
        p[0].message.contains("not a language; expected fr or en"),
        "{p:?}"
    );
    let (again, p) = parsed(&to_yaml(&Config {
        ui_language: Some(Lang::Fr),
        ..Config::default()
    }));
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(again.ui_language, Some(Lang::Fr));
}

#[test]
fn author_and_max_files_are_read_and_checked() {
    let (c, p) = parsed("author: Awa Diallo\nmax_files: 5000000\n");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(c.author.as_deref(), Some("Awa Diallo"));
    assert_eq!(c.max_files, 5_000_000);
    let (c, p) = parsed("max_files: 0\nauthor: [x]\n");
    assert_eq!(c.max_files, crate::load::DEFAULT_MAX_FILES);
    assert_eq!(c.author, None);
    assert_eq!(p.len(), 2, "{p:?}");
}
