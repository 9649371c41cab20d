//! A first draft of a briefing from the article itself. Every guessed value
//! carries the words it comes from, written as a YAML comment for review
//! (`# from "le 28 novembre"`); nothing is invented: what the text does not
//! say is left out, and a year taken from the publication date says so.

pub mod actors;
pub mod countries;
pub mod dates;
pub mod html;
pub mod input;
pub mod matcher;
pub mod place;
pub mod text;
pub mod topics;

use actors::{ActorGuess, ActorIndex, YearFrom, sentence_around};
use brief_core::actors::Registry;
use brief_core::model::{CountryCode, PartialDate};
use dates::{DateSpan, find_dates};
use place::{Guess, PlaceGuess, is_meeting_sentence};
use text::{Page, Section};

mod yaml;

pub use yaml::{quote, template};

/// One meeting's draft.
#[derive(Debug, Clone, Default)]
pub struct MeetingDraft {
    pub id: String,
    pub title: String,
    pub date: Option<Guess<PartialDate>>,
    pub end_date: Option<Guess<PartialDate>>,
    pub date_note: Option<String>,
    pub published: Option<Guess<PartialDate>>,
    pub place: PlaceGuess,
    pub language: Guess<String>,
    pub actors: Vec<ActorGuess>,
    /// Organisation names not in the registry, for the reviewer.
    pub proposals: Vec<String>,
    /// Offices named whose holder is not proposed, with the candidates.
    pub office_notes: Vec<String>,
    pub countries: Vec<Guess<CountryCode>>,
    pub topics: Vec<Guess<String>>,
    pub url: Option<String>,
    pub publisher: Option<Guess<String>>,
    pub translations: Option<Guess<Vec<String>>>,
    pub body: String,
}

/// Every meeting a page announces: the main article first.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub meetings: Vec<MeetingDraft>,
    /// What the reader should know about how the page was read (HTML
    /// nested too deep, flattened), one sentence each.
    pub notes: Vec<String>,
}

/// Drafts from an article, plain text or saved HTML.
pub fn draft(input: &str, registry: &Registry) -> Draft {
    let page = if text::is_html(input) {
        text::from_html(input)
    } else {
        text::from_plain(input)
    };
    let mut draft = draft_page(&page, registry);
    if page.too_deep > 0 {
        draft.notes.push(format!(
            "the page nests elements over {} deep; {} tags deeper were left out, their text kept",
            html::MAX_DEPTH,
            page.too_deep
        ));
    }
    draft
}

/// Drafts from an article's bytes, as read from a file: decoded by their
/// charset (`input::decode`), refused when over `input::MAX_INPUT`, empty
/// or not text.
pub fn draft_bytes(bytes: &[u8], registry: &Registry) -> Result<Draft, input::Refusal> {
    let decoded = input::decode(bytes)?;
    Ok(draft(&decoded.text, registry))
}

/// Drafts from a page already read.
pub fn draft_page(page: &Page, registry: &Registry) -> Draft {
    let index = ActorIndex::new(registry);
    let topics = topics::TopicFinder::new(registry.topics());
    let meetings = page
        .sections
        .iter()
        .enumerate()
        .filter(|(i, s)| *i == 0 || !s.paragraphs.is_empty())
        .map(|(i, s)| meeting(page, s, i == 0, &index, &topics))
        .collect();
    Draft {
        meetings,
        notes: Vec::new(),
    }
}

fn meeting(
    page: &Page,
    section: &Section,
    main: bool,
    index: &ActorIndex,
    topics: &topics::TopicFinder,
) -> MeetingDraft {
    let mut m = MeetingDraft {
        title: section.title.clone(),
        body: section.paragraphs.join("\n\n"),
        ..MeetingDraft::default()
    };
    let full = section.text();
    let published = page.published.as_ref().filter(|_| main);
    if let Some(p) = published
        && let Some(d) = p.start.to_partial(None)
    {
        m.published = Some((d, p.text.clone()));
    }
    meeting_dates(&mut m, section, published);
    m.place = place::find(&section.title, &m.body, index);
    m.actors = index.find(&full);
    // People named by their office: checked against the meeting's year, or
    // failing it the publication's.
    let year = match (&m.date, &m.published) {
        (Some((d, _)), _) => Some(YearFrom::Meeting(d.year)),
        (None, Some((p, _))) => Some(YearFrom::Published(p.year)),
        (None, None) => None,
    };
    let by_office = index.by_office(&full, year);
    for g in by_office.actors {
        if !m.actors.iter().any(|a| a.id == g.id) {
            m.actors.push(g);
        }
    }
    m.office_notes = by_office.notes;
    m.proposals = index.proposals(&full);
    // Countries: the page's own list when it has one, else what the text names
    // and where its actors belong; the meeting's country either way.
    let mut countries: Vec<Guess<CountryCode>> = Vec::new();
    let mut add = |c: CountryCode, from: String| {
        if !countries.iter().any(|(x, _)| *x == c) {
            countries.push((c, from));
        }
    };
    if main && !page.covered.is_empty() {
        for item in &page.covered {
            if let Ok(c) = brief_core::countries::resolve(item)
                && let Some(code) = CountryCode::new(c.code)
            {
                add(code, format!("Pays couverts : {item}"));
            }
        }
    } else {
        for (code, from) in countries::distinct(&full) {
            add(code, from);
        }
        for g in &m.actors {
            for code in place::home_countries(index, g.id) {
                let name = index
                    .registry()
                    .get(g.id)
                    .map_or(String::new(), |a| a.short_label().to_string());
                add(code, format!("{} (actors.yaml)", name));
            }
        }
    }
    if let Some((code, from)) = &m.place.country {
        add(*code, from.clone());
    }
    m.countries = countries;
    m.language = language(&full, page.lang.as_deref());
    if main {
        m.topics = page
            .themes
            .iter()
            .map(|t| (t.to_lowercase(), format!("Thématiques : {t}")))
            .collect();
        m.url = page.url.clone();
        m.publisher = page
            .site_name
            .as_ref()
            .map(|s| (s.clone(), "the page's site name".to_string()));
        m.translations = page
            .translations
            .as_ref()
            .filter(|(_, codes)| !codes.is_empty())
            .map(|(line, codes)| (codes.clone(), line.clone()));
    }
    // Topics the title and body name, by any name of the topic registry.
    let registry = index.registry();
    for (name, from) in topics.find(&full) {
        let id = registry.topics().resolve(&name);
        let known = m
            .topics
            .iter()
            .any(|(t, _)| t == &name || (id.is_some() && registry.topics().resolve(t) == id));
        if !known {
            m.topics.push((name, from));
        }
    }
    m.id = id_for(m.date.as_ref().map(|(d, _)| d), &m.title);
    m
}

/// The meeting's date: in the title, or in a sentence about the meeting,
/// best right after its verb ("a réuni le 28 novembre"). A missing year comes
/// from the publication date, with a note; without one the date is left out.
fn meeting_dates(m: &mut MeetingDraft, section: &Section, published: Option<&DateSpan>) {
    let mut best: Option<(i32, DateSpan)> = None;
    for d in find_dates(&section.title) {
        if best.as_ref().is_none_or(|(s, _)| *s < 5) {
            best = Some((5, d));
        }
    }
    for p in &section.paragraphs {
        for d in find_dates(p) {
            let sentence = &p[sentence_around(p, d.span.start)];
            let mut score = 0;
            if is_meeting_sentence(sentence) {
                score += 2;
            }
            let lead = &p[floor(p, d.span.start.saturating_sub(30))..d.span.start];
            if is_meeting_sentence(lead) || matcher::key(lead).contains("tenu") {
                score += 3;
            }
            if score >= 2 && best.as_ref().is_none_or(|(s, _)| *s < score) {
                best = Some((score, d));
            }
        }
    }
    let dateline = match best {
        Some(_) => None,
        None => section.paragraphs.first().and_then(|p| dateline(p)),
    };
    if let Some(d) = dateline {
        if let Some(s) = d.start.to_partial(None) {
            let said = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
            m.date = Some((s, d.text.clone()));
            m.date_note = Some(format!(
                "Date de la dépêche (« {said} ») : la réunion peut être antérieure, à vérifier."
            ));
        }
        return;
    }
    let Some((_, d)) = best else { return };
    let said = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let year = if d.has_year() {
        None
    } else {
        published.and_then(|p| p.start.year)
    };
    let start = d.start.to_partial(year);
    let end = d.end.and_then(|e| e.to_partial(year));
    match (start, published) {
        (Some(s), _) => {
            m.date = Some((s, d.text.clone()));
            m.end_date = end.map(|e| (e, d.text.clone()));
            if let (Some(y), Some(p)) = (year, published) {
                m.date_note = Some(format!(
                    "L’article donne « {said} » sans l’année ; {y} est l’année de sa publication ({}), à vérifier.",
                    p.text.trim()
                ));
            }
        }
        // A year written, or taken from the publication, and still no
        // date: the day does not exist (« le 31 février 2022 »).
        (None, _) if d.has_year() || year.is_some() => {
            m.date_note = Some(format!(
                "L’article donne « {said} », une date qui n’existe pas ; date laissée vide, à vérifier."
            ));
        }
        (None, _) => {
            m.date_note = Some(format!(
                "L’article donne « {said} » sans l’année ; date laissée vide."
            ));
        }
    }
}

/// The press dateline at the start of a dispatch: `17 mars 2018 . – En
/// Grèce, …`, `PARIS, 17 mars 2018 –`, `Paris, le 17/03/2018 -`: a whole
/// date with its year, after nothing but a place in capitals and a comma,
/// and followed by a dash, a dot or a colon.
pub fn dateline(paragraph: &str) -> Option<DateSpan> {
    let d = find_dates(paragraph).into_iter().next()?;
    if !d.has_year() || d.end.is_some() || d.start.day.is_none() {
        return None;
    }
    let before = paragraph[..d.span.start].trim_end();
    let before = before
        .strip_suffix(" le")
        .or_else(|| before.strip_suffix(" Le"))
        .unwrap_or(before)
        .trim_end();
    let place_ok = before.is_empty()
        || before.strip_suffix(',').is_some_and(|place| {
            let words: Vec<&str> = place.split_whitespace().collect();
            !words.is_empty()
                && words.len() <= 4
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !w.chars().any(|c| c.is_ascii_digit())
                })
        });
    let after = paragraph[d.span.end..].trim_start();
    let dash_ok = after.is_empty() || after.starts_with(['.', '–', '—', '-', ':', '(']);
    (place_ok && dash_ok).then_some(d)
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "un", "pour", "dans", "sur", "avec", "au",
    "aux", "que", "qui",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "for", "with", "on", "that", "which", "by", "from", "are",
];

/// The language by its commonest words; the page's declared one breaks a tie.
fn language(text: &str, declared: Option<&str>) -> Guess<String> {
    // The haystack's folding: the meeting's text is folded once for all.
    let hay = matcher::Haystack::new(text);
    let words: Vec<&str> = hay.folded().split(|c: char| !c.is_alphanumeric()).collect();
    let fr = words.iter().filter(|w| FRENCH.contains(w)).count();
    let en = words.iter().filter(|w| ENGLISH.contains(w)).count();
    let declared = declared.map(|l| l.chars().take(2).collect::<String>().to_lowercase());
    let (lang, why) = if fr > en {
        ("fr", format!("{fr} French common words, {en} English"))
    } else if en > fr {
        ("en", format!("{en} English common words, {fr} French"))
    } else if let Some(l) = declared.filter(|l| l.len() == 2) {
        return (l, "the page's declared language".to_string());
    } else {
        ("fr", "the default".to_string())
    };
    (lang.to_string(), why)
}

/// `2021-10-27-euromed-migration-v-organise-un-evenement`: the date, then
/// the first words of the title.
pub fn id_for(date: Option<&PartialDate>, title: &str) -> String {
    let mut slug = String::new();
    for word in brief_core::text::fold(title).split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if slug.len() + word.len() + 1 > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        slug.push_str("briefing");
    }
    match date {
        Some(d) => format!("{d}-{slug}"),
        None => slug,
    }
}

#[cfg(test)]
mod tests {
    use super::dateline;

    #[test]
    fn the_template_speaks_the_interface_language_and_parses() {
        let fr = super::template(Some("Atelier à Agadez"), brief_core::Lang::Fr);
        assert!(fr.starts_with("# Une nouvelle fiche"), "{fr}");
        assert!(!fr.contains("A new briefing"));
        let en = super::template(None, brief_core::Lang::En);
        assert!(en.starts_with("# A new briefing"), "{en}");
        for t in [fr, en] {
            let v: Result<serde_yaml::Value, _> = serde_yaml::from_str(&t);
            assert!(v.is_ok(), "{t}");
        }
    }

    #[test]
    fn press_datelines_and_not_dates_in_sentences() {
        for p in [
            "17 mars 2018 . – En Grèce, la police a arrêté trois passeurs.",
            "PARIS, 17 mars 2018 – Un naufrage au large de la Libye.",
            "Paris, le 17/03/2018 - Trois passeurs arrêtés.",
        ] {
            let d = dateline(p).map(|d| d.start.to_string());
            assert_eq!(d.as_deref(), Some("2018-03-17"), "{p}");
        }
        for p in [
            "La police a arrêté le 17 mars 2018 trois passeurs.",
            "mars 2018 – une année difficile.",
            "Le naufrage du 17 mars 2018 a fait des morts.",
        ] {
            assert!(dateline(p).is_none(), "{p}");
        }
    }
}
