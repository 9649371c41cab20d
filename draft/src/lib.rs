//! A first draft of a briefing from the article itself. Every guessed value
//! carries the words it comes from, written as a YAML comment for review
//! (`# from "le 28 novembre"`); nothing is invented: what the text does not
//! say is left out, and a year taken from the publication date says so.

pub mod actors;
pub mod countries;
pub mod dates;
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
}

/// Drafts from an article, plain text or saved HTML.
pub fn draft(input: &str, registry: &Registry) -> Draft {
    let page = if text::is_html(input) {
        text::from_html(input)
    } else {
        text::from_plain(input)
    };
    draft_page(&page, registry)
}

/// Drafts from a page already read.
pub fn draft_page(page: &Page, registry: &Registry) -> Draft {
    let index = ActorIndex::new(registry);
    let meetings = page
        .sections
        .iter()
        .enumerate()
        .filter(|(i, s)| *i == 0 || !s.paragraphs.is_empty())
        .map(|(i, s)| meeting(page, s, i == 0, &index))
        .collect();
    Draft { meetings }
}

fn meeting(page: &Page, section: &Section, main: bool, index: &ActorIndex) -> MeetingDraft {
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
    for (name, from) in topics::find(&full, registry.topics()) {
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
    let folded = brief_core::text::fold(text);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).collect();
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

/// Characters YAML reads as line breaks or refuses (controls, NEL, the
/// Unicode line and paragraph separators, a stray byte-order mark).
fn breaks_yaml(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// `s` on one line that YAML reads as written.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if breaks_yaml(c) || c == '\n' { ' ' } else { c })
        .collect()
}

/// A YAML double-quoted string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if breaks_yaml(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `  # from "…"`, on one line and not too long.
fn from(words: &str) -> String {
    let one: String = one_line(words)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let one: String = if one.chars().count() > 90 {
        let cut: String = one.chars().take(88).collect();
        format!("{cut}…")
    } else {
        one
    };
    format!("  # from \"{one}\"")
}

impl MeetingDraft {
    /// The draft as a briefing file, every guess followed by its source.
    /// `others` are the titles of the other meetings on the same page.
    pub fn to_yaml(&self, registry: &Registry, source: &str, others: &[String]) -> String {
        let mut y = String::new();
        y.push_str(&format!(
            "# Draft by `brief draft` from {source}. Every guessed value is followed by\n\
             # the words it comes from: check each one, then fill in what is missing.\n",
            source = one_line(source)
        ));
        if !others.is_empty() {
            y.push_str("# The page announces other meetings too (`brief draft` prints a draft for each):\n");
            for t in others {
                y.push_str(&format!("#   - {}\n", one_line(t)));
            }
        }
        y.push_str(&format!("id: {}\n", self.id));
        y.push_str(&format!("title: {}\n", quote(&self.title)));
        match &self.date {
            Some((d, w)) => y.push_str(&format!("date: {d}{}\n", from(w))),
            None => y.push_str("# date: not found in the article (YYYY-MM-DD, YYYY-MM or YYYY)\n"),
        }
        if let Some((d, w)) = &self.end_date {
            y.push_str(&format!("end_date: {d}{}\n", from(w)));
        }
        if let Some(n) = &self.date_note {
            y.push_str(&format!("date_note: {}\n", quote(n)));
        }
        if let Some((d, w)) = &self.published {
            y.push_str(&format!("published: {d}{}\n", from(w)));
        }
        let p = &self.place;
        if p.city.is_some() || p.country.is_some() || p.online.is_some() {
            y.push_str("location:\n");
            if let Some((c, w)) = &p.city {
                y.push_str(&format!("  city: {}{}\n", quote(c), from(w)));
            }
            if let Some((c, w)) = &p.country {
                y.push_str(&format!("  country: {c}{}\n", from(w)));
            }
            if let Some(w) = &p.online {
                y.push_str(&format!("  online: true{}\n", from(w)));
            }
        } else {
            y.push_str("# location: { city: …, country: … } not found in the article\n");
        }
        y.push_str(&format!(
            "language: {}  # detected: {}\n",
            one_line(&self.language.0),
            self.language.1
        ));
        y.push_str("# summary: \"One to three sentences.\"\n");
        if self.actors.is_empty() {
            y.push_str("actors: []  # no registered actor found in the article\n");
        } else {
            y.push_str("actors:\n");
            for a in &self.actors {
                let name = if a.name.is_empty() {
                    registry
                        .get(a.id)
                        .map_or(a.from.clone(), |x| x.short_label().to_string())
                } else {
                    a.name.clone()
                };
                let note = a
                    .note
                    .as_ref()
                    .map_or(String::new(), |n| format!(" ({})", one_line(n)));
                y.push_str(&format!(
                    "  - name: {}{}{note}\n",
                    quote(&name),
                    from(&a.from)
                ));
                if let Some((role, w)) = &a.role {
                    y.push_str(&format!("    role: {}{}\n", quote(role), from(w)));
                }
            }
        }
        if !self.office_notes.is_empty() {
            y.push_str(
                "# Named by an office only (add the holder if the years fit the meeting):\n",
            );
            for n in &self.office_notes {
                y.push_str(&format!("#   - {}\n", one_line(n)));
            }
        }
        if !self.proposals.is_empty() {
            y.push_str("# Named in the article but not in actors.yaml (add them as actors if they took part):\n");
            for n in &self.proposals {
                y.push_str(&format!("#   - name: {}\n", quote(n)));
            }
        }
        if self.countries.is_empty() {
            y.push_str("countries: []  # none found in the article\n");
        } else {
            y.push_str("countries:\n");
            for (c, w) in &self.countries {
                y.push_str(&format!("  - {c}{}\n", from(w)));
            }
        }
        if !self.topics.is_empty() {
            y.push_str("topics:\n");
            for (t, w) in &self.topics {
                y.push_str(&format!("  - {}{}\n", quote(t), from(w)));
            }
        } else {
            y.push_str("topics: []  # to fill in\n");
        }
        if self.url.is_some() || self.publisher.is_some() || self.translations.is_some() {
            y.push_str("source:\n");
            if let Some((p, w)) = &self.publisher {
                y.push_str(&format!("  publisher: {}  # from {w}\n", quote(p)));
            }
            if let Some(u) = &self.url {
                y.push_str(&format!(
                    "  url: {}  # the page's canonical address\n",
                    quote(u)
                ));
            }
            if let Some((t, w)) = &self.translations {
                y.push_str(&format!("  translations: [{}]{}\n", t.join(", "), from(w)));
            }
        }
        if self.body.trim().is_empty() {
            y.push_str("body: \"\"\n");
        } else {
            y.push_str("body: |\n");
            for line in self.body.lines() {
                if line.trim().is_empty() {
                    y.push('\n');
                } else {
                    y.push_str("  ");
                    y.push_str(one_line(line).trim());
                    y.push('\n');
                }
            }
        }
        y
    }
}

impl Draft {
    /// The main meeting's file, with the others listed in a comment.
    pub fn main_yaml(&self, registry: &Registry, source: &str) -> Option<String> {
        let first = self.meetings.first()?;
        let others: Vec<String> = self.meetings[1..].iter().map(|m| m.title.clone()).collect();
        Some(first.to_yaml(registry, source, &others))
    }

    /// One YAML document per meeting, separated by `---`.
    pub fn all_yaml(&self, registry: &Registry, source: &str) -> String {
        let mut out = String::new();
        for (i, m) in self.meetings.iter().enumerate() {
            if i > 0 {
                out.push_str("---\n");
            }
            let others: Vec<String> = self
                .meetings
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, o)| o.title.clone())
                .collect();
            out.push_str(&m.to_yaml(registry, source, &others));
        }
        out
    }
}

/// The commented template of `brief new` without a draft, in the interface
/// language (the field names are the format's, whatever the language). It
/// has no `id:`: the file name, and so the id, is made from the date and
/// title you write.
pub fn template(title: Option<&str>, lang: brief_core::Lang) -> String {
    let title = quote(title.unwrap_or(""));
    let t = match lang {
        brief_core::Lang::En => [
            "A new briefing: fill in the fields, save and close the editor.",
            "The format: docs/format.md. Lines starting with # are comments.",
            "id: defaults to the file name, made from the date and the title.",
            "Meeting date: YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source allows.",
            "Why the date is partial or missing.",
            "One to three sentences.",
            "a name, acronym or alias from actors.yaml",
            "organiser",
            "codes or names: [NE, Nigeria]",
        ],
        brief_core::Lang::Fr => [
            "Une nouvelle fiche : remplissez les champs, enregistrez et fermez l’éditeur.",
            "Le format : docs/format.md. Les lignes qui commencent par # sont des commentaires.",
            "id : par défaut le nom du fichier, fait de la date et du titre.",
            "Date de la réunion : AAAA-MM-JJ, AAAA-MM ou AAAA, aussi précise que la source.",
            "Pourquoi la date est partielle ou absente.",
            "Une à trois phrases.",
            "un nom, sigle ou alias d’actors.yaml",
            "organisatrice",
            "codes ou noms : [NE, Nigeria]",
        ],
    };
    format!(
        "# {}\n\
         # {}\n\
         # {}\n\
         title: {title}\n\
         # {}\n\
         # date: 2024-01-31\n\
         # end_date: 2024-02-01\n\
         # date_note: \"{}\"\n\
         # published: 2024-02-05\n\
         # location: {{ city: Niamey, country: NE, online: false }}\n\
         language: fr\n\
         # summary: \"{}\"\n\
         actors: []\n\
         # actors:\n\
         #   - name: OIM          # {}\n\
         #     role: {}\n\
         countries: []          # {}\n\
         topics: []\n\
         # source: {{ publisher: \"…\", url: \"https://…\" }}\n\
         body: |\n  \n",
        t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]
    )
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
