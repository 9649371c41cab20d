//! The user-interface language, and THE catalogue of what the browser and the
//! CLI's human output say in it. One `Text` per language: a string missing in
//! one language is a compile error, not a gap on screen. (The keys' help texts
//! are pairs in the keymap's table, next to their keys.)

use serde::{Deserialize, Serialize};

/// One user-interface language at a time: `ui_language: fr|en` in `config.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// `fr`, `en` (any case); anything else is not a language brief speaks.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a locale asks for: `fr*` is French, anything else English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The language of the environment, as the C library picks the messages'
    /// locale: the first set and non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// `from_env` over any lookup, so it can be tested without touching the process.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|n| var(n))
            .find(|v| !v.trim().is_empty())
            .map_or(Lang::En, |v| Lang::from_locale(&v))
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// A count, grouped by thousands the language's way: `10,000` or `10 000`
    /// (French with a narrow no-break space, so it never breaks across lines).
    pub fn number(self, n: usize) -> String {
        let sep = match self {
            Lang::Fr => '\u{202f}',
            Lang::En => ',',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }
}

/// Key scopes' headings in the help: a field per scope, so the keymap picks
/// one by name and a missing one does not compile.
pub struct ScopeTitles {
    pub always: &'static str,
    pub global: &'static str,
    pub search: &'static str,
    pub list: &'static str,
    pub facets: &'static str,
    pub timeline: &'static str,
    pub reader: &'static str,
    pub article_find: &'static str,
    /// Given the name of the key that types a space once a filter is typed
    /// (from the keymap), if one does.
    pub facet_narrow: fn(Option<&str>) -> String,
    pub help: &'static str,
    pub help_find: &'static str,
    pub problems: &'static str,
    pub dossier: &'static str,
    pub dossier_choice: &'static str,
    /// The list of saved searches and named sets.
    pub saved: &'static str,
    /// Typing a name (a saved search, a set, a rename).
    pub prompt: &'static str,
}

/// Everything the interface says, in one language. Fields that take values
/// are functions, so word order and plurals follow the language.
pub struct Text {
    // Metadata labels (reader, `brief show`, Markdown).
    pub date: &'static str,
    pub note: &'static str,
    pub place: &'static str,
    pub countries: &'static str,
    pub topics: &'static str,
    pub source: &'static str,
    pub published: &'static str,
    pub url: &'static str,
    pub translations: &'static str,
    pub see_also: &'static str,
    pub actors: &'static str,
    /// The briefing's id (its file name), in the copied Markdown.
    pub id: &'static str,
    /// What ends a label: `:` in English, ` :` in French.
    pub colon: &'static str,
    /// The date of an undated meeting, everywhere.
    pub undated: &'static str,
    /// The same, alone in the reader's header line.
    pub date_unknown: &'static str,
    /// `Niamey (and online)`.
    pub online: &'static str,
    pub and_online: fn(&str) -> String,
    /// Actor kinds, as headings: organisation, eu-agency, eu-institution,
    /// government, person, programme, other.
    pub actor_kinds: [&'static str; 7],

    // Panes.
    pub reader: &'static str,
    pub reader_back: &'static str,
    pub reader_empty: &'static str,
    pub briefings: &'static str,
    pub only_unread: &'static str,
    pub only_bookmarked: &'static str,
    pub by_date: &'static str,
    pub loading: &'static str,
    pub loading_files: fn(&str, &str) -> String,
    /// `(2 chosen)` after a facet pane's name.
    pub chosen: fn(usize) -> String,
    pub facet_nothing_matches: fn(&str, &str) -> String,
    pub any: &'static str,
    pub to_filter_facets: &'static str,
    pub to_change: &'static str,
    pub filters: &'static str,
    pub search_placeholder: &'static str,
    pub too_small: fn(u16, u16, u16, u16) -> String,

    // Reader.
    pub full_list: &'static str,
    pub more: &'static str,
    pub related: &'static str,
    /// `1 related`, on the reader's id line.
    pub related_count: fn(usize) -> String,
    pub details: &'static str,
    /// Among the details, from git's history: who added the briefing and
    /// who changed it last (`Added  2024-05-02 by Alice Martin`).
    pub added: &'static str,
    pub changed: &'static str,
    /// date, author
    pub by_author: fn(&str, &str) -> String,
    /// git failed on a briefing's history: what it said (once a session).
    pub history_failed: fn(&str) -> String,
    pub not_in_folder: &'static str,
    pub to_choose: &'static str,
    pub choose_first: fn(&str, &str) -> String,
    pub no_related: &'static str,
    pub first_of_results: &'static str,
    pub last_of_results: &'static str,
    pub not_in_article: fn(&str) -> String,
    pub no_article_search: fn(&str) -> String,

    // Query errors.
    pub unclosed_quote: &'static str,
    pub unknown_country: fn(&str) -> String,
    /// value, suggested name, its code
    pub unknown_country_hint: fn(&str, &str, &str) -> String,
    pub unknown_actor: fn(&str) -> String,
    pub unknown_actor_hint: fn(&str, &str) -> String,
    pub invalid_year: fn(&str) -> String,
    pub invalid_year_range: fn(&str, u16, u16) -> String,
    pub unknown_filter: fn(&str) -> String,
    /// key, example value
    pub filter_needs_value: fn(&str, &str) -> String,
    pub nothing_to_search: fn(&str) -> String,

    // Status line.
    /// `3 of 8 briefings` (the numbers already formatted).
    pub of_briefings: fn(&str, &str, usize) -> String,
    pub countries_filter: &'static str,
    pub actors_filter: &'static str,
    pub searching: &'static str,
    /// Results without the article text, while its index is being built
    /// (how far it is, as a percentage, when known). Short: it must fit
    /// beside the count at 80 columns.
    pub text_indexing: fn(Option<usize>) -> String,
    /// How a query word was read, while the query is typed: the words as
    /// typed, then the kind and code or id (`royaume uni → country GB`).
    pub read_as_country: fn(&str, &str) -> String,
    pub read_as_actor: fn(&str, &str) -> String,
    pub read_as_topic: fn(&str, &str) -> String,
    /// After a reading made despite a typo in one word.
    pub read_with_typo: &'static str,
    /// What was cut from an oversized query: terms beyond the first n, words
    /// beyond n letters.
    pub query_cut: fn(usize) -> String,
    pub words_cut: fn(usize) -> String,
    pub problems_count: fn(&str, usize) -> String,
    pub live_reload_off: fn(&str) -> String,
    pub help: &'static str,
    pub type_to_filter: &'static str,
    pub cannot_load: fn(&str) -> String,

    // Help and problems overlays.
    pub help_title: fn(&str, &str, &str, &str) -> String,
    pub help_title_search: fn(&str) -> String,
    pub help_title_matches: fn(&str, &str, &str, &str) -> String,
    /// The help's note on the facet panes, given the key that selects there
    /// and the keys that select too while no filter is typed (the keymap's).
    pub facets_note: fn(&str, Option<&str>) -> String,
    pub help_notes: [&'static str; 2],
    pub no_help_search: fn(&str) -> String,
    pub not_in_help: fn(&str) -> String,
    /// Key scopes' headings in the help, one per scope.
    pub scope_titles: ScopeTitles,
    /// The timeline over the results and the dates pane.
    pub timeline: TimelineText,
    pub problems_title: fn(&str, &str) -> String,
    pub no_problems: &'static str,
    /// The summary line of the actor names no `actors.yaml` lists.
    pub unregistered_actors: fn(&str, usize) -> String,
    /// One actor name not in `actors.yaml`, with the registered actor it may be.
    pub unregistered_actor: fn(&str, Option<&str>) -> String,
    /// `error` / `warning` before a problem's message.
    pub severity_error: &'static str,
    pub severity_warning: &'static str,

    // Empty folder, empty results.
    pub no_briefings_yet: &'static str,
    pub looked_in: &'static str,
    pub found_none: &'static str,
    pub to_add: &'static str,
    pub add_files: &'static str,
    pub add_other_folder: &'static str,
    pub reads_every: &'static str,
    pub format_pointer: &'static str,
    pub problems_while_loading: fn(&str, usize, &str) -> String,
    pub quits: fn(&str) -> String,
    pub no_match: &'static str,
    pub no_match_because: fn(&str) -> String,
    pub then: fn(&str, &str) -> String,
    pub clears_every_filter: fn(&str) -> String,
    pub clears_search_then: fn(&str, &str, &str) -> String,
    pub back_to_list_then: fn(&str, &str) -> String,

    // Messages.
    pub more_notices_one: fn(&str) -> String,
    pub more_notices: fn(usize, &str) -> String,
    pub no_history: fn(&str) -> String,
    pub marked_read: fn(&str) -> String,
    pub marked_unread: fn(&str) -> String,
    pub bookmarked: fn(&str, &str) -> String,
    pub unbookmarked: fn(&str) -> String,
    pub showing_unread: fn(&str) -> String,
    pub showing_bookmarked: fn(&str) -> String,
    pub showing_all: &'static str,
    /// The folder read again: briefings added, changed, removed.
    pub reloaded: fn(usize, usize, usize) -> String,
    pub cannot_reread: fn(&str) -> String,
    pub live_reload_back: &'static str,
    pub sorted_relevance: &'static str,
    pub sorted_date: &'static str,
    pub filters_cleared: &'static str,
    pub no_such_briefing: fn(&str) -> String,
    pub no_such_briefing_hint: fn(&str, &str) -> String,
    /// `3 briefings start with '2021-11': a, b, c`: an ambiguous `--open`.
    pub several_briefings: fn(&str, usize, &str) -> String,
    pub nothing_copied: &'static str,
    /// Under tmux, once a session: the copy is in tmux's buffer too.
    pub copied_tmux_buffer: &'static str,
    /// Under tmux, once a session, when its buffer could not be reached.
    pub copied_tmux_hint: &'static str,
    /// `copied 'title' as Markdown to the clipboard (1,234 bytes, OSC 52)`.
    pub sent_markdown: fn(&str, &str) -> String,
    pub copy_large: &'static str,
    pub no_url: &'static str,
    pub url_dangerous: &'static str,
    pub sent_url: fn(&str) -> String,
    pub cannot_remember: fn(&str) -> String,
    // Why live reload is off.
    pub cannot_watch: fn(&str) -> String,
    pub folder_replaced: &'static str,
    pub folder_gone: &'static str,
    pub watch_stopped: &'static str,
    pub built_in_corpus: &'static str,
    // `e`: the briefing in the editor, through `brief edit`.
    pub edit_saved: &'static str,
    /// With the path of the draft kept.
    pub edit_refused: fn(&str) -> String,
    pub edit_failed: fn(&str) -> String,
    pub edit_no_terminal: &'static str,
    pub edit_built_in: &'static str,
    /// The dossier of an actor or a country (`brief dossier`, the browser's view).
    pub dossier: DossierText,
    /// A worker of the browser (search, loading, reading a body) failed: what it said.
    pub worker_failed: fn(&str) -> String,
}

pub const EN: Text = Text {
    date: "Date",
    note: "Note",
    place: "Place",
    countries: "Countries",
    topics: "Topics",
    source: "Source",
    published: "Published",
    url: "URL",
    translations: "Translations",
    see_also: "See also",
    actors: "Actors",
    id: "Id",
    colon: ":",
    undated: "unknown",
    date_unknown: "date unknown",
    online: "online",
    and_online: |p| format!("{p} (and online)"),
    actor_kinds: [
        "Organisations",
        "EU agencies",
        "EU institutions",
        "Governments",
        "People",
        "Programmes",
        "Others",
    ],

    reader: "Reader",
    reader_back: "back",
    reader_empty: "Select a briefing to read it here.",
    briefings: "Briefings",
    only_unread: "unread",
    only_bookmarked: "bookmarked",
    by_date: "by date",
    loading: "loading…",
    loading_files: |d, t| format!("loading {d}/{t} files…"),
    chosen: |n| format!("({n} chosen)"),
    facet_nothing_matches: |a, b| format!("nothing matches: {a} or {b}"),
    any: "any",
    to_filter_facets: "to filter by actor or country",
    to_change: "to change",
    filters: "filters",
    search_placeholder: "search: words, \"phrases\", pays:TN acteur:OIM année:2021 -exclude",
    too_small: |w, h, mw, mh| {
        format!("terminal too small ({w}x{h}): brief needs at least {mw}x{mh}")
    },

    full_list: "full list",
    more: "more",
    related: "Related",
    related_count: |n| format!("{n} related"),
    details: "Details",
    added: "Added",
    changed: "Changed",
    by_author: |date, author| format!("{date} by {author}"),
    history_failed: |e| format!("no history from git: {e}"),
    not_in_folder: "not in this folder",
    to_choose: "to choose",
    choose_first: |k, open| format!("{k} to choose a related briefing, then {open} to open it"),
    no_related: "this briefing names no related briefing",
    first_of_results: "this is the first briefing of the results",
    last_of_results: "this is the last briefing of the results",
    not_in_article: |t| format!("'{t}' is not in this article"),
    no_article_search: |k| format!("no search in this article: press {k} to search"),

    unclosed_quote: "unclosed quote: add the closing \"",
    unknown_country: |v| format!("unknown country '{v}'"),
    unknown_country_hint: |v, name, code| {
        format!("unknown country '{v}'; did you mean {name} ({code})?")
    },
    unknown_actor: |v| format!("unknown actor '{v}'"),
    unknown_actor_hint: |v, a| format!("unknown actor '{v}'; did you mean {a}?"),
    invalid_year: |v| format!("invalid year '{v}': expected 2021 or 2019..2021"),
    invalid_year_range: |v, a, b| format!("invalid year range '{v}': {a} is after {b}"),
    unknown_filter: |k| {
        format!(
            "unknown filter '{k}:'; use pays:, acteur:, sujet:, année:, date: or lieu: (or country:, actor:, topic:, year:, place:)"
        )
    },
    filter_needs_value: |k, e| format!("'{k}:' needs a value, e.g. {k}:{e}"),
    nothing_to_search: |q| {
        format!(
            "nothing to search for in '{q}': a query needs a word, a \"phrase\" or a filter such as pays:NE"
        )
    },

    of_briefings: |n, total, count| {
        format!(
            "{n} of {total} briefing{}",
            if count == 1 { "" } else { "s" }
        )
    },
    countries_filter: "countries",
    actors_filter: "actors",
    searching: "searching…",
    text_indexing: |pct| match pct {
        Some(p) => format!("titles and names only, text indexing {p}%"),
        None => "titles and names only, text indexing".into(),
    },
    read_as_country: |typed, code| format!("{typed} → country {code}"),
    read_as_actor: |typed, id| format!("{typed} → actor {id}"),
    read_as_topic: |typed, id| format!("{typed} → topic {id}"),
    read_with_typo: " (typo)",
    query_cut: |n| format!("query cut to its first {n} terms"),
    words_cut: |n| format!("words cut to {n} letters"),
    problems_count: |n, count| format!("{n} problem{}", if count == 1 { "" } else { "s" }),
    live_reload_off: |w| format!("live reload off: {w}"),
    help: "help",
    type_to_filter: "type to filter",
    cannot_load: |e| format!("cannot load: {e}"),

    help_title: |close, down, up, search| {
        format!("Help · {close} closes · {down}/{up} scroll · {search} search")
    },
    help_title_search: |t| format!("Help · search: {t}_"),
    help_title_matches: |close, next, prev, term| {
        format!("Help · {close} closes · {next}/{prev} next/previous '{term}'")
    },
    facets_note: |k, also| {
        let also = also.map_or(String::new(), |a| {
            format!(" {a} selects too while no filter is typed.")
        });
        format!(
            "Actors and countries panes: letters, digits and spaces filter the values (type \"qatar\"); {k} selects the value under the cursor and clears the filter, so the next name can be typed at once.{also} Several values in one pane mean any of them."
        )
    },
    help_notes: [
        "Search syntax: words, \"phrases\", pays:TN acteur:OIM sujet:traite année:2019..2021 date:2021-11 lieu:Niamey, -exclude.",
        "A filter that names an unknown country or actor matches nothing: the list says why.",
    ],
    no_help_search: |k| format!("no search in the help: press {k} to search"),
    not_in_help: |t| format!("'{t}' is not in the help"),
    scope_titles: ScopeTitles {
        always: "Anywhere, even in text input and overlays",
        global: "Everywhere but where letters are typed (search line, actors and countries panes)",
        search: "Search line",
        list: "Briefing list",
        facets: "Actors and countries panes: letters filter the values",
        timeline: "Timeline",
        reader: "Reader",
        article_find: "Search in the article",
        facet_narrow: |space| match space {
            Some(k) => {
                format!("Actors and countries panes, once a filter is typed ({k} types a space)")
            }
            None => "Actors and countries panes, once a filter is typed".into(),
        },
        help: "Help",
        help_find: "Search in the help",
        problems: "Problems view",
        dossier: "Dossier of an actor or a country",
        dossier_choice: "Choosing whose dossier to open",
        saved: "Saved searches and sets",
        prompt: "Typing a name",
    },
    timeline: EN_TIMELINE,
    problems_title: |n, close| format!("Problems ({n}) · {close} closes"),
    no_problems: "No problems: every file loaded cleanly.",
    unregistered_actor: |name, hint| match hint {
        Some(h) => format!("actor '{name}' is not in actors.yaml; did you mean '{h}'?"),
        None => format!("actor '{name}' is not in actors.yaml"),
    },
    severity_error: "error",
    severity_warning: "warning",
    unregistered_actors: |n, count| {
        format!(
            "{n} actor name{} not in actors.yaml (brief actors --unregistered lists them):",
            if count == 1 { " is" } else { "s are" }
        )
    },

    no_briefings_yet: "No briefings yet",
    looked_in: "brief looked in",
    found_none: "and found no briefing there.",
    to_add: "To add briefings:",
    add_files: "put briefing files in that folder, then start brief again;",
    add_other_folder: "or open another folder: brief DIR, or set BRIEF_DIR.",
    reads_every: "It reads every *.yaml and *.yml file in that folder and its sub-folders (names starting with '.' are skipped), one meeting per file.",
    format_pointer: "The format is in docs/format.md; brief check DIR says what is wrong with a file.",
    problems_while_loading: |sign, n, k| {
        format!(
            "{sign} {n} problem{} found while loading: press {k} to see them.",
            if n == 1 { "" } else { "s" }
        )
    },
    quits: |k| format!("{k} quits."),
    no_match: "No briefing matches.",
    no_match_because: |e| format!("No briefing matches: {e}."),
    then: |a, b| format!("{a}, then {b}"),
    clears_every_filter: |k| format!("{k} clears every filter."),
    clears_search_then: |c, back, all| {
        format!("{c} clears the search; {back} goes to the list, where {all} clears every filter.")
    },
    back_to_list_then: |back, all| {
        format!("{back} goes to the list, where {all} clears every filter.")
    },

    more_notices_one: |k| format!(" ({k} shows it)"),
    more_notices: |n, k| format!(" (and {n} more: {k} shows them)"),
    no_history: |k| format!("no earlier search yet: {k} keeps a search in the history"),
    marked_read: |t| format!("'{t}' marked read"),
    marked_unread: |t| format!("'{t}' marked unread"),
    bookmarked: |t, k| format!("bookmarked '{t}' ({k} shows only bookmarks)"),
    unbookmarked: |t| format!("bookmark removed from '{t}'"),
    showing_unread: |k| format!("showing only unread briefings ({k} again: all)"),
    showing_bookmarked: |k| format!("showing only bookmarked briefings ({k} again: all)"),
    showing_all: "showing every briefing",
    reloaded: |a, c, r| format!("reloaded: {a} added, {c} changed, {r} removed"),
    cannot_reread: |e| format!("cannot read the folder again: {e}"),
    live_reload_back: "live reload back on",
    sorted_relevance: "sorted by relevance: best match first",
    sorted_date: "sorted by date: newest meeting first",
    filters_cleared: "every filter cleared",
    no_such_briefing: |id| format!("no briefing '{id}'"),
    no_such_briefing_hint: |id, s| format!("no briefing '{id}'; did you mean '{s}'?"),
    several_briefings: |id, n, ids| format!("{n} briefings start with '{id}': {ids}"),
    nothing_copied: "no briefing selected: nothing copied",
    copied_tmux_buffer: "also in tmux's buffer (prefix ])",
    copied_tmux_hint: "under tmux: set -g set-clipboard on (or allow-passthrough on) for the clipboard",
    sent_markdown: |t, n| format!("copied '{t}' as Markdown to the clipboard ({n} bytes, OSC 52)"),
    copy_large: "; over 100 KB, some terminals refuse that much",
    no_url: "this briefing has no source URL",
    url_dangerous: "this briefing's source URL holds control characters: not copied",
    sent_url: |u| format!("copied the source URL {u} to the clipboard (OSC 52)"),
    cannot_remember: |e| format!("cannot remember read marks and bookmarks: {e}"),
    cannot_watch: |e| format!("cannot watch the folder: {e}"),
    folder_replaced: "the folder was replaced; watching the new one shortly",
    folder_gone: "the folder is gone; watching for it to come back",
    watch_stopped: "the folder's watch stopped",
    built_in_corpus: "built-in corpus",
    edit_saved: "edited; the list shows what was saved",
    edit_refused: |p| format!("not saved: the file is unchanged, your text kept as a draft in {p}"),
    edit_failed: |e| format!("could not edit it: {e}"),
    edit_no_terminal: "cannot hand the terminal to the editor now; try again",
    edit_built_in: "the built-in briefings cannot be edited: open a folder (brief DIR)",
    dossier: DOSSIER_EN,
    worker_failed: |e| format!("a background task failed ({e}); the rest goes on"),
};

pub const FR: Text = Text {
    date: "Date",
    note: "Note",
    place: "Lieu",
    countries: "Pays",
    topics: "Sujets",
    source: "Source",
    published: "Publié",
    url: "URL",
    translations: "Traductions",
    see_also: "Voir aussi",
    actors: "Acteurs",
    id: "Identifiant",
    colon: " :",
    undated: "inconnue",
    date_unknown: "date inconnue",
    online: "en ligne",
    and_online: |p| format!("{p} (et en ligne)"),
    actor_kinds: [
        "Organisations",
        "Agences de l’UE",
        "Institutions de l’UE",
        "Gouvernements",
        "Personnes",
        "Programmes",
        "Autres",
    ],

    reader: "Lecture",
    reader_back: "retour",
    reader_empty: "Choisissez une fiche pour la lire ici.",
    briefings: "Fiches",
    only_unread: "non lues",
    only_bookmarked: "favoris",
    by_date: "par date",
    loading: "chargement…",
    loading_files: |d, t| format!("chargement {d}/{t} fichiers…"),
    chosen: |n| format!("({n} choisi{})", if n > 1 { "s" } else { "" }),
    facet_nothing_matches: |a, b| format!("rien ne correspond : {a} ou {b}"),
    any: "tous",
    to_filter_facets: "pour filtrer par acteur ou pays",
    to_change: "pour changer",
    filters: "filtres",
    search_placeholder: "recherche : mots, \"phrases\", pays:TN acteur:OIM année:2021 -exclure",
    too_small: |w, h, mw, mh| {
        format!("terminal trop petit ({w}x{h}) : brief demande au moins {mw}x{mh}")
    },

    full_list: "liste complète",
    more: "autres",
    related: "Voir aussi",
    related_count: |n| {
        if n > 1 {
            format!("{n} fiches liées")
        } else {
            format!("{n} fiche liée")
        }
    },
    details: "Détails",
    added: "Ajoutée",
    changed: "Modifiée",
    by_author: |date, author| format!("{date} par {author}"),
    history_failed: |e| format!("pas d’historique git : {e}"),
    not_in_folder: "absente de ce dossier",
    to_choose: "pour choisir",
    choose_first: |k, open| format!("{k} pour choisir une fiche liée, puis {open} pour l’ouvrir"),
    no_related: "cette fiche ne cite aucune fiche liée",
    first_of_results: "c’est la première fiche des résultats",
    last_of_results: "c’est la dernière fiche des résultats",
    not_in_article: |t| format!("« {t} » n’est pas dans cet article"),
    no_article_search: |k| format!("aucune recherche dans l’article : {k} pour chercher"),

    unclosed_quote: "guillemet non fermé : ajoutez le \" fermant",
    unknown_country: |v| format!("pays inconnu « {v} »"),
    unknown_country_hint: |v, name, code| {
        format!("pays inconnu « {v} » ; vouliez-vous dire {name} ({code}) ?")
    },
    unknown_actor: |v| format!("acteur inconnu « {v} »"),
    unknown_actor_hint: |v, a| format!("acteur inconnu « {v} » ; vouliez-vous dire {a} ?"),
    invalid_year: |v| format!("année invalide « {v} » : attendu 2021 ou 2019..2021"),
    invalid_year_range: |v, a, b| format!("période invalide « {v} » : {a} est après {b}"),
    unknown_filter: |k| {
        format!(
            "filtre inconnu « {k}: » ; utilisez pays:, acteur:, sujet:, année:, date: ou lieu: (ou country:, actor:, topic:, year:, place:)"
        )
    },
    filter_needs_value: |k, e| format!("« {k}: » demande une valeur, par exemple {k}:{e}"),
    nothing_to_search: |q| {
        format!(
            "rien à chercher dans « {q} » : une recherche demande un mot, une « expression » ou un filtre comme pays:NE"
        )
    },

    of_briefings: |n, total, count| {
        format!("{n} sur {total} fiche{}", if count > 1 { "s" } else { "" })
    },
    countries_filter: "pays",
    actors_filter: "acteurs",
    searching: "recherche…",
    text_indexing: |pct| match pct {
        Some(p) => format!("titres et noms seulement, indexation du texte {p}\u{202f}%"),
        None => "titres et noms seulement, indexation du texte".into(),
    },
    read_as_country: |typed, code| format!("{typed} → pays {code}"),
    read_as_actor: |typed, id| format!("{typed} → acteur {id}"),
    read_as_topic: |typed, id| format!("{typed} → sujet {id}"),
    read_with_typo: " (faute de frappe)",
    query_cut: |n| format!("requête réduite à ses {n} premiers termes"),
    words_cut: |n| format!("mots coupés à {n} lettres"),
    problems_count: |n, count| format!("{n} problème{}", if count > 1 { "s" } else { "" }),
    live_reload_off: |w| format!("rechargement automatique arrêté : {w}"),
    help: "aide",
    type_to_filter: "tapez pour filtrer",
    cannot_load: |e| format!("chargement impossible : {e}"),

    help_title: |close, down, up, search| {
        format!("Aide · {close} ferme · {down}/{up} défile · {search} cherche")
    },
    help_title_search: |t| format!("Aide · recherche : {t}_"),
    help_title_matches: |close, next, prev, term| {
        format!("Aide · {close} ferme · {next}/{prev} suivant/précédent « {term} »")
    },
    facets_note: |k, also| {
        let also = also.map_or(String::new(), |a| {
            format!(" {a} choisit aussi tant qu’aucun filtre n’est tapé.")
        });
        format!(
            "Volets acteurs et pays : lettres, chiffres et espaces filtrent les valeurs (tapez « qatar ») ; {k} choisit la valeur sous le curseur et vide le filtre, pour taper aussitôt le nom suivant.{also} Plusieurs valeurs dans un volet : l’une ou l’autre."
        )
    },
    help_notes: [
        "Syntaxe de recherche : mots, \"phrases\", pays:TN acteur:OIM sujet:traite année:2019..2021 date:2021-11 lieu:Niamey, -exclure.",
        "Un filtre qui nomme un pays ou un acteur inconnu ne trouve rien : la liste dit pourquoi.",
    ],
    no_help_search: |k| format!("aucune recherche dans l’aide : {k} pour chercher"),
    not_in_help: |t| format!("« {t} » n’est pas dans l’aide"),
    scope_titles: ScopeTitles {
        always: "Partout, même en saisie et dans les fenêtres",
        global: "Partout sauf où l’on tape du texte (ligne de recherche, volets acteurs et pays)",
        search: "Ligne de recherche",
        list: "Liste des fiches",
        facets: "Volets acteurs et pays : les lettres filtrent les valeurs",
        timeline: "Frise chronologique",
        reader: "Lecture",
        article_find: "Recherche dans l’article",
        facet_narrow: |space| match space {
            Some(k) => {
                format!("Volets acteurs et pays, une fois un filtre tapé ({k} tape une espace)")
            }
            None => "Volets acteurs et pays, une fois un filtre tapé".into(),
        },
        help: "Aide",
        help_find: "Recherche dans l’aide",
        problems: "Problèmes",
        dossier: "Profil d’un acteur ou d’un pays",
        dossier_choice: "Choix du profil à ouvrir",
        saved: "Recherches et sélections enregistrées",
        prompt: "Saisie d’un nom",
    },
    timeline: FR_TIMELINE,
    problems_title: |n, close| format!("Problèmes ({n}) · {close} ferme"),
    no_problems: "Aucun problème : chaque fichier s’est chargé proprement.",
    unregistered_actor: |name, hint| match hint {
        Some(h) => format!("l’acteur « {name} » n’est pas dans actors.yaml ; peut-être « {h} » ?"),
        None => format!("l’acteur « {name} » n’est pas dans actors.yaml"),
    },
    severity_error: "erreur",
    severity_warning: "avertissement",
    unregistered_actors: |n, count| {
        if count > 1 {
            format!(
                "{n} noms d’acteurs absents d’actors.yaml (brief actors --unregistered les liste) :"
            )
        } else {
            format!(
                "{n} nom d’acteur absent d’actors.yaml (brief actors --unregistered le liste) :"
            )
        }
    },

    no_briefings_yet: "Pas encore de fiches",
    looked_in: "brief a cherché dans",
    found_none: "et n’y a trouvé aucune fiche.",
    to_add: "Pour ajouter des fiches :",
    add_files: "mettez des fichiers de fiches dans ce dossier, puis relancez brief ;",
    add_other_folder: "ou ouvrez un autre dossier : brief DOSSIER, ou réglez BRIEF_DIR.",
    reads_every: "brief lit chaque fichier *.yaml et *.yml de ce dossier et de ses sous-dossiers (sauf les noms commençant par « . »), une réunion par fichier.",
    format_pointer: "Le format est décrit dans docs/format.md ; brief check DOSSIER dit ce qui ne va pas dans un fichier.",
    problems_while_loading: |sign, n, k| {
        format!(
            "{sign} {n} problème{} au chargement : {k} pour les voir.",
            if n > 1 { "s" } else { "" }
        )
    },
    quits: |k| format!("{k} quitte."),
    no_match: "Aucune fiche ne correspond.",
    no_match_because: |e| format!("Aucune fiche ne correspond : {e}."),
    then: |a, b| format!("{a}, puis {b}"),
    clears_every_filter: |k| format!("{k} efface tous les filtres."),
    clears_search_then: |c, back, all| {
        format!(
            "{c} efface la recherche ; {back} mène à la liste, où {all} efface tous les filtres."
        )
    },
    back_to_list_then: |back, all| {
        format!("{back} mène à la liste, où {all} efface tous les filtres.")
    },

    more_notices_one: |k| format!(" ({k} le montre)"),
    more_notices: |n, k| format!(" (et {n} autres : {k} les montre)"),
    no_history: |k| {
        format!("pas encore de recherche précédente : {k} en garde une dans l’historique")
    },
    marked_read: |t| format!("« {t} » marquée lue"),
    marked_unread: |t| format!("« {t} » marquée non lue"),
    bookmarked: |t, k| format!("« {t} » mise en favori ({k} montre les seuls favoris)"),
    unbookmarked: |t| format!("« {t} » retirée des favoris"),
    showing_unread: |k| format!("seules les fiches non lues ({k} de nouveau : toutes)"),
    showing_bookmarked: |k| format!("seuls les favoris ({k} de nouveau : toutes)"),
    showing_all: "toutes les fiches",
    // "fiche" is feminine; 0 and 1 take the singular in French.
    reloaded: |a, c, r| {
        let s = |n: usize| if n > 1 { "s" } else { "" };
        format!(
            "rechargé : {a} ajoutée{}, {c} modifiée{}, {r} supprimée{}",
            s(a),
            s(c),
            s(r)
        )
    },
    cannot_reread: |e| format!("impossible de relire le dossier : {e}"),
    live_reload_back: "rechargement automatique rétabli",
    sorted_relevance: "tri par pertinence : la meilleure d’abord",
    sorted_date: "tri par date : la réunion la plus récente d’abord",
    filters_cleared: "tous les filtres effacés",
    no_such_briefing: |id| format!("aucune fiche « {id} »"),
    no_such_briefing_hint: |id, s| format!("aucune fiche « {id} » ; vouliez-vous dire « {s} » ?"),
    several_briefings: |id, n, ids| format!("{n} fiches commencent par « {id} » : {ids}"),
    nothing_copied: "aucune fiche choisie : rien n’est copié",
    copied_tmux_buffer: "aussi dans le tampon de tmux (préfixe ])",
    copied_tmux_hint: "sous tmux : set -g set-clipboard on (ou allow-passthrough on) pour le presse-papiers",
    sent_markdown: |t, n| {
        format!("« {t} » copiée en Markdown dans le presse-papiers ({n} octets, OSC 52)")
    },
    copy_large: " ; plus de 100 Ko, certains terminaux refusent",
    no_url: "cette fiche n’a pas d’URL de source",
    url_dangerous: "l’URL de source de cette fiche contient des caractères de contrôle : non copiée",
    sent_url: |u| format!("URL de source {u} copiée dans le presse-papiers (OSC 52)"),
    cannot_remember: |e| {
        format!("impossible de garder les marques de lecture et les favoris : {e}")
    },
    cannot_watch: |e| format!("impossible de surveiller le dossier : {e}"),
    folder_replaced: "le dossier a été remplacé ; surveillance du nouveau sous peu",
    folder_gone: "le dossier a disparu ; brief attend qu’il revienne",
    watch_stopped: "la surveillance du dossier s’est arrêtée",
    built_in_corpus: "corpus intégré",
    edit_saved: "modifiée ; la liste montre ce qui a été enregistré",
    edit_refused: |p| {
        format!(
            "non enregistrée : le fichier est inchangé, votre texte gardé en brouillon dans {p}"
        )
    },
    edit_failed: |e| format!("modification impossible : {e}"),
    edit_no_terminal: "impossible de passer le terminal à l’éditeur pour l’instant ; réessayez",
    edit_built_in: "les fiches intégrées ne se modifient pas : ouvrez un dossier (brief DOSSIER)",
    dossier: DOSSIER_FR,
    worker_failed: |e| format!("une tâche de fond a échoué ({e}) ; le reste continue"),
};

/// What a dossier says: `brief dossier` and the browser's dossier view. (In
/// French a dossier is a `profil`: `dossier` is the briefings' folder.)
pub struct DossierText {
    /// `Dossier: Frontex`, the view's title.
    pub title: fn(&str) -> String,
    /// The chooser's title in the reader: whose dossier to open.
    pub choose: &'static str,
    pub names: &'static str,
    pub code: &'static str,
    pub kind: &'static str,
    /// The kind of a country.
    pub country: &'static str,
    /// Actor kinds, one each: organisation, eu-agency, eu-institution,
    /// government, person, programme, other.
    pub kinds: [&'static str; 7],
    pub offices: &'static str,
    pub roles: &'static str,
    /// `participant, 6 meetings, 2016 → 2023-02-01`.
    pub role: fn(&str, usize, Option<&str>, Option<&str>) -> String,
    pub meetings: &'static str,
    /// A column's heading: one meeting's title.
    pub meeting: &'static str,
    pub year: &'static str,
    /// `6 meetings, the first 2016, the last 2023-02-01`.
    pub summary: fn(usize, Option<&str>, Option<&str>) -> String,
    /// `1 undated`.
    pub undated: fn(usize) -> String,
    /// `4 held there`: a country's meetings in the country itself.
    pub held_there: fn(usize) -> String,
    pub by_year: &'static str,
    pub actors: &'static str,
    pub countries: &'static str,
    pub topics: &'static str,
    pub places: &'static str,
    /// The meetings' heading.
    pub newest_first: &'static str,
    pub none: &'static str,
    /// `… and 12 more meetings (--limit 0 lists them all)`.
    pub more: fn(usize) -> String,
    /// Nothing has this name: the name, a close one.
    pub unknown: fn(&str, Option<&str>) -> String,
    /// The browser, where no actor or country is chosen.
    pub nothing_here: &'static str,
    /// The chooser, for a briefing with no actor and no country.
    pub nobody: &'static str,
    /// The status line's hint in the dossier: which keys move between sections.
    pub sections: fn(&str) -> String,
}

pub const DOSSIER_EN: DossierText = DossierText {
    title: |name| format!("Dossier: {name}"),
    choose: "Dossier of",
    names: "Names",
    code: "Code",
    kind: "Kind",
    country: "country",
    kinds: [
        "organisation",
        "EU agency",
        "EU institution",
        "government",
        "person",
        "programme",
        "other",
    ],
    offices: "Offices",
    roles: "Roles seen",
    role: |role, n, first, last| {
        let meetings = if n == 1 { "meeting" } else { "meetings" };
        let n = Lang::En.number(n);
        match (first, last) {
            (Some(f), Some(l)) if f != l => format!("{role}, {n} {meetings}, {f} → {l}"),
            (Some(f), _) => format!("{role}, {n} {meetings}, {f}"),
            _ => format!("{role}, {n} {meetings}"),
        }
    },
    meetings: "Meetings",
    meeting: "Meeting",
    year: "Year",
    summary: |n, first, last| {
        let meetings = if n == 1 { "meeting" } else { "meetings" };
        let n = Lang::En.number(n);
        match (first, last) {
            (Some(f), Some(l)) if f != l => format!("{n} {meetings}, the first {f}, the last {l}"),
            (Some(f), _) => format!("{n} {meetings}, {f}"),
            _ => format!("{n} {meetings}"),
        }
    },
    undated: |n| format!("{} undated", Lang::En.number(n)),
    held_there: |n| format!("{n} held there"),
    by_year: "By year",
    actors: "Meets most with",
    countries: "Countries",
    topics: "Topics",
    places: "Places",
    newest_first: "Meetings, newest first",
    none: "none",
    more: |n| {
        format!(
            "… and {} more (--limit 0 lists them all)",
            Lang::En.number(n)
        )
    },
    unknown: |name, hint| match hint {
        Some(h) => format!("no actor or country is named '{name}'; did you mean '{h}'?"),
        None => format!("no actor or country is named '{name}'"),
    },
    nothing_here: "no actor or country here to open a dossier on",
    nobody: "this briefing names no actor and no country",
    sections: |k| format!("{k} next section"),
};

pub const DOSSIER_FR: DossierText = DossierText {
    title: |name| format!("Profil : {name}"),
    choose: "Profil de",
    names: "Noms",
    code: "Code",
    kind: "Type",
    country: "pays",
    kinds: [
        "organisation",
        "agence de l’UE",
        "institution de l’UE",
        "gouvernement",
        "personne",
        "programme",
        "autre",
    ],
    offices: "Fonctions",
    roles: "Rôles",
    role: |role, n, first, last| {
        let meetings = if n == 1 { "réunion" } else { "réunions" };
        let n = Lang::Fr.number(n);
        match (first, last) {
            (Some(f), Some(l)) if f != l => format!("{role}, {n} {meetings}, {f} → {l}"),
            (Some(f), _) => format!("{role}, {n} {meetings}, {f}"),
            _ => format!("{role}, {n} {meetings}"),
        }
    },
    meetings: "Réunions",
    meeting: "Réunion",
    year: "Année",
    summary: |n, first, last| {
        let meetings = if n == 1 { "réunion" } else { "réunions" };
        let n = Lang::Fr.number(n);
        match (first, last) {
            (Some(f), Some(l)) if f != l => {
                format!("{n} {meetings}, la première {f}, la dernière {l}")
            }
            (Some(f), _) => format!("{n} {meetings}, {f}"),
            _ => format!("{n} {meetings}"),
        }
    },
    undated: |n| {
        if n == 1 {
            "1 sans date".into()
        } else {
            format!("{n} sans date")
        }
    },
    held_there: |n| format!("{n} sur place"),
    by_year: "Par année",
    actors: "Rencontre surtout",
    countries: "Pays",
    topics: "Sujets",
    places: "Lieux",
    newest_first: "Réunions, de la plus récente",
    none: "aucun",
    more: |n| format!("… et {n} de plus (--limit 0 les liste toutes)"),
    unknown: |name, hint| match hint {
        Some(h) => {
            format!("aucun acteur ni pays ne s’appelle « {name} » ; vouliez-vous dire « {h} » ?")
        }
        None => format!("aucun acteur ni pays ne s’appelle « {name} »"),
    },
    nothing_here: "aucun acteur ni pays ici dont ouvrir le profil",
    nobody: "cette fiche ne nomme ni acteur ni pays",
    sections: |k| format!("{k} section suivante"),
};

/// What a report of several briefings says (`brief report`, the browser's
/// report key): its own table, so a report's words stay together.
pub struct ReportText {
    /// The report's title when none is given.
    pub title: &'static str,
    /// `8 briefings`.
    pub count: fn(usize) -> String,
    /// The summary table's columns: date, title, place, countries, main actors.
    pub columns: [&'static str; 5],
    pub months: [&'static str; 12],
    /// `27 October 2021`, `1er octobre 2021`: the day as written before the month.
    pub day: fn(u8) -> String,
    /// The heading over the summary table and over the briefings.
    pub summary: &'static str,
    pub briefings: &'static str,
}

impl Lang {
    pub fn report(self) -> &'static ReportText {
        match self {
            Lang::En => &REPORT_EN,
            Lang::Fr => &REPORT_FR,
        }
    }
}

pub const REPORT_EN: ReportText = ReportText {
    title: "Briefings",
    count: |n| match n {
        1 => "1 briefing".to_string(),
        n => format!("{} briefings", Lang::En.number(n)),
    },
    columns: ["Date", "Title", "Place", "Countries", "Main actors"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    day: |d| d.to_string(),
    summary: "Summary",
    briefings: "The briefings",
};

pub const REPORT_FR: ReportText = ReportText {
    title: "Fiches",
    count: |n| match n {
        1 => "1 fiche".to_string(),
        n => format!("{} fiches", Lang::Fr.number(n)),
    },
    columns: ["Date", "Titre", "Lieu", "Pays", "Principaux acteurs"],
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    day: |d| {
        if d == 1 {
            "1er".to_string()
        } else {
            d.to_string()
        }
    },
    summary: "Synthèse",
    briefings: "Les fiches",
};

/// What the timeline over the results and the dates pane say.
pub struct TimelineText {
    /// The strip's title and the dates pane's name.
    pub dates: &'static str,
    /// `47 undated`, beside the strip.
    pub undated: fn(&str) -> String,
    /// `max 123`: the highest bar's count.
    pub highest: fn(&str) -> String,
    /// The strip with nothing dated in the results.
    pub nothing_dated: &'static str,
    /// On the status line, the period under the strip's cursor: its label,
    /// its count (as written, then as a number), its first and last days.
    pub period: fn(&str, &str, usize, &str, &str) -> String,
    /// By month, the row of a year's meetings dated to the year only.
    pub year_known_only: fn(&str) -> String,
}

pub const EN_TIMELINE: TimelineText = TimelineText {
    dates: "Dates",
    undated: |n| format!("{n} undated"),
    highest: |n| format!("max {n}"),
    nothing_dated: "no dated briefing in the results",
    period: |p, n, count, from, to| {
        let s = if count == 1 { "" } else { "s" };
        format!("{p}: {n} briefing{s}, {from} to {to}")
    },
    year_known_only: |y| format!("{y}, month unknown"),
};

pub const FR_TIMELINE: TimelineText = TimelineText {
    dates: "Dates",
    undated: |n| format!("{n} sans date"),
    highest: |n| format!("max {n}"),
    nothing_dated: "aucune fiche datée dans les résultats",
    period: |p, n, count, from, to| {
        let s = if count > 1 { "s" } else { "" };
        format!("{p} : {n} fiche{s}, du {from} au {to}")
    },
    year_known_only: |y| format!("{y}, mois inconnu"),
};

/// What the browser says about marked briefings, saved searches, named sets
/// and the report key: its own table, beside `Text`, so a language missing
/// one does not compile.
pub struct PicksText {
    /// `8 marked` on the status line.
    pub count: fn(&str, usize) -> String,
    /// A briefing marked, with how many are now: `marked 'x' (3 marked)`.
    pub marked: fn(&str, &str) -> String,
    pub unmarked: fn(&str, &str) -> String,
    /// Every result marked: how many results, how many marked in all.
    pub marked_all: fn(&str, &str) -> String,
    pub cleared: fn(&str) -> String,
    pub none_to_clear: &'static str,
    /// `J`/`K` through the marked briefings, at either end.
    pub first_of_marked: &'static str,
    pub last_of_marked: &'static str,
    pub bookmarked: fn(&str) -> String,
    pub unbookmarked: fn(&str) -> String,
    pub marked_read: fn(&str) -> String,
    pub marked_unread: fn(&str) -> String,
    /// Copied as the report's Markdown: how many briefings, how many bytes.
    pub copied: fn(&str, &str) -> String,
    /// Written: how many briefings, where.
    pub report_written: fn(&str, &str) -> String,
    pub report_failed: fn(&str) -> String,
    pub report_nothing: &'static str,
    pub prompt_search: &'static str,
    pub prompt_set: fn(&str) -> String,
    pub prompt_rename: fn(&str) -> String,
    /// Saved, with the key that lists what is saved.
    pub search_saved: fn(&str, &str) -> String,
    pub set_saved: fn(&str, &str) -> String,
    pub name_taken: fn(&str) -> String,
    pub name_empty: &'static str,
    pub nothing_to_save: &'static str,
    /// The list's title: how many searches and sets.
    pub list_title: fn(&str) -> String,
    /// Nothing saved yet: the key that saves the search.
    pub list_empty: fn(&str) -> String,
    pub counting: &'static str,
    /// `12 results · 1 new`.
    pub results: fn(&str, usize) -> String,
    pub new: fn(&str, usize) -> String,
    /// A named set: how many briefings.
    pub set: fn(&str, usize) -> String,
    pub restored: fn(&str) -> String,
    pub restored_set: fn(&str, &str) -> String,
    pub renamed: fn(&str, &str) -> String,
    pub deleted: fn(&str) -> String,
    pub cannot_run: fn(&str) -> String,
}

impl Lang {
    pub fn picks(self) -> &'static PicksText {
        match self {
            Lang::En => &PICKS_EN,
            Lang::Fr => &PICKS_FR,
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n > 1 { many.into() } else { one.into() }
}

pub const PICKS_EN: PicksText = PicksText {
    count: |n, _| format!("{n} marked"),
    marked: |t, n| format!("marked '{t}' ({n} marked)"),
    unmarked: |t, n| format!("unmarked '{t}' ({n} marked)"),
    marked_all: |r, n| format!("marked the {r} results ({n} marked)"),
    cleared: |n| format!("marks cleared ({n} were marked)"),
    none_to_clear: "nothing is marked",
    first_of_marked: "this is the first marked briefing",
    last_of_marked: "this is the last marked briefing",
    bookmarked: |n| format!("bookmarked the {n} marked briefings"),
    unbookmarked: |n| format!("bookmarks removed from the {n} marked briefings"),
    marked_read: |n| format!("the {n} marked briefings marked read"),
    marked_unread: |n| format!("the {n} marked briefings marked unread"),
    copied: |n, b| format!("copied {n} as Markdown to the clipboard ({b} bytes, OSC 52)"),
    report_written: |n, p| format!("{p}: report of {n} written"),
    report_failed: |e| format!("report not written: {e}"),
    report_nothing: "no briefings to report",
    prompt_search: "Save the search as: ",
    prompt_set: |n| format!("Save the {n} marked as a set named: "),
    prompt_rename: |old| format!("Rename '{old}' to: "),
    search_saved: |name, k| format!("search saved as '{name}' ({k} lists the saved searches)"),
    set_saved: |name, k| format!("set saved as '{name}' ({k} lists it)"),
    name_taken: |name| format!("'{name}' exists already: choose another name"),
    name_empty: "a name is needed (Esc to cancel)",
    nothing_to_save: "nothing to save: type a search or choose a country or an actor first",
    list_title: |n| format!("Saved searches and sets ({n})"),
    list_empty: |k| format!("Nothing saved yet: {k} in the list saves the current search."),
    counting: "counting…",
    results: |n, c| format!("{n} {}", if c == 1 { "result" } else { "results" }),
    new: |n, _| format!("{n} new"),
    set: |n, c| {
        format!(
            "set of {n} {}",
            if c == 1 { "briefing" } else { "briefings" }
        )
    },
    restored: |name| format!("'{name}' restored"),
    restored_set: |name, n| format!("set '{name}': {n} marked"),
    renamed: |a, b| format!("'{a}' renamed '{b}'"),
    deleted: |name| format!("'{name}' deleted"),
    cannot_run: |e| format!("cannot run: {e}"),
};

pub const PICKS_FR: PicksText = PicksText {
    count: |n, c| format!("{n} {}", plural(c, "cochée", "cochées")),
    marked: |t, n| format!("« {t} » cochée ({n} en tout)"),
    unmarked: |t, n| format!("« {t} » décochée ({n} en tout)"),
    marked_all: |r, n| format!("les {r} résultats cochés ({n} en tout)"),
    cleared: |n| format!("coches retirées ({n} étaient cochées)"),
    none_to_clear: "rien n’est coché",
    first_of_marked: "c’est la première fiche cochée",
    last_of_marked: "c’est la dernière fiche cochée",
    bookmarked: |n| format!("les {n} fiches cochées mises en favoris"),
    unbookmarked: |n| format!("les {n} fiches cochées retirées des favoris"),
    marked_read: |n| format!("les {n} fiches cochées marquées lues"),
    marked_unread: |n| format!("les {n} fiches cochées marquées non lues"),
    copied: |n, b| format!("{n} copiées en Markdown dans le presse-papiers ({b} octets, OSC 52)"),
    report_written: |n, p| format!("{p} : rapport de {n} écrit"),
    report_failed: |e| format!("rapport non écrit : {e}"),
    report_nothing: "aucune fiche à mettre au rapport",
    prompt_search: "Enregistrer la recherche sous : ",
    prompt_set: |n| format!("Enregistrer les {n} cochées sous le nom : "),
    prompt_rename: |old| format!("Renommer « {old} » en : "),
    search_saved: |name, k| {
        format!("recherche enregistrée sous « {name} » ({k} liste les recherches enregistrées)")
    },
    set_saved: |name, k| format!("sélection enregistrée sous « {name} » ({k} la liste)"),
    name_taken: |name| format!("« {name} » existe déjà : choisissez un autre nom"),
    name_empty: "il faut un nom (Échap pour annuler)",
    nothing_to_save: "rien à enregistrer : tapez une recherche ou choisissez d’abord un pays ou un acteur",
    list_title: |n| format!("Recherches et sélections enregistrées ({n})"),
    list_empty: |k| {
        format!(
            "Rien d’enregistré pour l’instant : {k} dans la liste enregistre la recherche en cours."
        )
    },
    counting: "décompte…",
    results: |n, c| format!("{n} {}", plural(c, "résultat", "résultats")),
    new: |n, c| format!("{n} {}", plural(c, "nouvelle", "nouvelles")),
    set: |n, c| format!("sélection de {n} {}", plural(c, "fiche", "fiches")),
    restored: |name| format!("« {name} » rétablie"),
    restored_set: |name, n| format!("sélection « {name} » : {n} cochées"),
    renamed: |a, b| format!("« {a} » renommée « {b} »"),
    deleted: |name| format!("« {name} » supprimée"),
    cannot_run: |e| format!("impossible à lancer : {e}"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_one_way_per_language() {
        assert_eq!(Lang::En.number(10_000), "10,000");
        assert_eq!(Lang::Fr.number(10_000), "10\u{202f}000");
        assert_eq!(Lang::En.number(1_234_567), "1,234,567");
        assert_eq!(Lang::Fr.number(999), "999");
        assert_eq!(Lang::En.number(0), "0");
        assert_eq!(Lang::En.number(100_000), "100,000");
    }

    #[test]
    fn the_environment_picks_french_only_for_a_french_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |n: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == n)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_vars(env(&[("LANG", "fr_CA")])), Lang::Fr);
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
        // LC_ALL, then LC_MESSAGES, win over LANG; an empty one is skipped.
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", "fr_FR"), ("LANG", "en_US")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_MESSAGES", "en_US"), ("LANG", "fr_FR")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", ""), ("LANG", "fr_FR")])),
            Lang::Fr
        );
    }

    #[test]
    fn every_label_is_filled_in_both_languages() {
        // Missing fields do not compile; empty ones are caught here.
        for lang in Lang::ALL {
            let t = lang.text();
            let labels = [
                t.date,
                t.place,
                t.countries,
                t.topics,
                t.see_also,
                t.actors,
                t.undated,
                t.reader,
                t.briefings,
                t.any,
                t.help,
                t.no_match,
                t.no_problems,
                t.type_to_filter,
                t.nothing_copied,
            ];
            assert!(labels.iter().all(|l| !l.is_empty()), "{lang:?}");
            let s = &t.scope_titles;
            let titles = [
                s.always,
                s.global,
                s.search,
                s.list,
                s.facets,
                s.timeline,
                s.reader,
                s.article_find,
                s.help,
                s.help_find,
                s.problems,
            ];
            assert!(titles.iter().all(|l| !l.is_empty()), "{lang:?}");
            assert!(t.actor_kinds.iter().all(|l| !l.is_empty()), "{lang:?}");
            assert!(t.help_notes.iter().all(|l| !l.is_empty()), "{lang:?}");
        }
        assert_eq!((FR.of_briefings)("1", "8", 8), "1 sur 8 fiches");
        assert_eq!((EN.of_briefings)("1", "8", 8), "1 of 8 briefings");
        assert_eq!((FR.chosen)(2), "(2 choisis)");
        assert_eq!((EN.chosen)(1), "(1 chosen)");
    }

    #[test]
    fn languages_parse_from_config_values() {
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}
