//! Actors named in a text: every name, acronym and alias of the registry
//! (whole words, after elisions such as "l'OIM"), the governments a sentence
//! designates ("ses homologues belges et néerlandais", "les gouvernements"
//! of the countries it lists), and a role only where the sentence says it
//! ("en coopération avec", "organisés par", "financé par"). Capitalised
//! organisation names that the registry does not know are only proposed.
//! A person named only by an office ("la Directrice exécutive d'Europol") is
//! its holder only when the meeting's year falls within the years held, or,
//! when the article gives no year, when the registry knows one holder only
//! (marked for checking).

use std::collections::HashMap;

use super::countries;
use super::matcher::{Haystack, Matcher, key};
use brief_core::actors::Registry;
use brief_core::model::{ActorId, ActorKind, CountryCode};

/// An actor the text names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorGuess {
    pub id: ActorId,
    /// The name to write: the registry's acronym when the text uses it, else its name.
    pub name: String,
    /// The words of the text that name it.
    pub from: String,
    /// A role, and the words that say it.
    pub role: Option<(String, String)>,
    /// How the words name it, when not by a name: "office held 2019–2024".
    pub note: Option<String>,
}

/// Actors named by an office: the holders proposed, and what the reviewer
/// should know about the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeFinds {
    pub actors: Vec<ActorGuess>,
    /// One line per office named whose holder is not proposed, naming the
    /// candidates.
    pub notes: Vec<String>,
}

/// The year an office holder is checked against: the meeting's, or failing
/// it the publication's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFrom {
    Meeting(u16),
    Published(u16),
}

impl YearFrom {
    fn year(self) -> u16 {
        match self {
            YearFrom::Meeting(y) | YearFrom::Published(y) => y,
        }
    }
}

/// Cues before an actor's name, and the role they give it.
const ROLE_CUES: &[(&str, &str)] = &[
    ("en cooperation avec", "co-organisateur"),
    ("en collaboration avec", "co-organisateur"),
    ("in cooperation with", "co-organiser"),
    ("in collaboration with", "co-organiser"),
    ("organise par", "organisateur"),
    ("organisee par", "organisateur"),
    ("organises par", "organisateur"),
    ("organisees par", "organisateur"),
    ("organised by", "organiser"),
    ("organized by", "organiser"),
    ("finance par", "bailleur"),
    ("financee par", "bailleur"),
    ("finances par", "bailleur"),
    ("financees par", "bailleur"),
    ("funded by", "funder"),
    ("mis en oeuvre par", "met en œuvre"),
    ("mise en oeuvre par", "met en œuvre"),
    ("implemented by", "implementer"),
];

/// Words before a demonym that make it a country's government: "ses
/// homologues belges", "le secrétaire d'État allemand".
const GOVERNMENT_CUES: &[&str] = &[
    "homologue",
    "secretaire d'etat",
    "ministre",
    "gouvernement",
    "counterpart",
    "minister",
];

/// Titles that name an institution through its member.
const MEMBER_OF: &[(&str, &str)] = &[
    ("commissaire europeenne", "Commission européenne"),
    ("commissaire europeen", "Commission européenne"),
    ("european commissioner", "European Commission"),
];

/// Heads of organisation names, for proposals.
const ORG_HEADS: &[&str] = &[
    "Agence",
    "Association",
    "Autorité",
    "Bureau",
    "Centre",
    "Comité",
    "Commission",
    "Conseil",
    "Direction",
    "Fédération",
    "Fonds",
    "Groupe",
    "Institut",
    "Instance",
    "Ministère",
    "Office",
    "Organisation",
    "Programme",
    "Réseau",
    "Agency",
    "Centre",
    "Council",
    "Ministry",
    "Office",
    "Organization",
    "Organisation",
];

/// Small words inside organisation names ("et" is not one: it more often
/// joins two names than it sits inside one).
const CONNECTORS: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l", "d", "pour", "en", "aux", "au", "of", "the", "for",
    "on",
];

/// The registry's names, its offices, and its governments by country.
pub struct ActorIndex<'r> {
    registry: &'r Registry,
    names: Matcher<ActorId>,
    /// Office names, each to its index in `holders`.
    offices: Matcher<usize>,
    /// For each office name (folded), who held it: actor and office index.
    holders: Vec<Vec<(ActorId, usize)>>,
    governments: HashMap<CountryCode, ActorId>,
}

impl<'r> ActorIndex<'r> {
    pub fn new(registry: &'r Registry) -> ActorIndex<'r> {
        let mut names = Vec::new();
        let mut governments = HashMap::new();
        // One pattern per office name, however many held it.
        let mut office_names: Vec<(String, usize)> = Vec::new();
        let mut holders: Vec<Vec<(ActorId, usize)>> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (id, actor) in registry.actors().iter().enumerate() {
            if !actor.registered {
                continue;
            }
            for n in actor.names() {
                names.push((n.to_string(), id));
            }
            for (o, office) in actor.offices.iter().enumerate() {
                for n in &office.names {
                    let k = key(n);
                    if k.is_empty() {
                        continue;
                    }
                    let at = *by_key.entry(k).or_insert_with(|| {
                        holders.push(Vec::new());
                        office_names.push((n.clone(), holders.len() - 1));
                        holders.len() - 1
                    });
                    if let Some(h) = holders.get_mut(at)
                        && !h.contains(&(id, o))
                    {
                        h.push((id, o));
                    }
                }
            }
            if actor.kind == ActorKind::Government
                && let Some(code) = government_country(&actor.name)
            {
                governments.entry(code).or_insert(id);
            }
        }
        ActorIndex {
            registry,
            names: Matcher::new(names),
            offices: Matcher::new(office_names),
            holders,
            governments,
        }
    }

    /// Actors the text names by an office: the holder is proposed only when
    /// the year falls within the years held and one holder alone fits;
    /// otherwise a note names the candidates. Without a year, the registry's
    /// only holder of the office is proposed with a note asking to check;
    /// with several, a note names them.
    pub fn by_office(&self, text: &str, year: Option<YearFrom>) -> OfficeFinds {
        let hay = Haystack::new(text);
        let mut out = OfficeFinds::default();
        let mut seen: Vec<usize> = Vec::new();
        for (f, at) in self.offices.find(&hay) {
            if seen.contains(&at) {
                continue;
            }
            seen.push(at);
            let words = with_article(text, f.span.start, &f.text);
            let candidates: Vec<(
                &brief_core::model::Actor,
                &brief_core::model::Office,
                ActorId,
            )> = self
                .holders
                .get(at)
                .into_iter()
                .flatten()
                .filter_map(|&(id, o)| {
                    let a = self.registry.get(id)?;
                    Some((a, a.offices.get(o)?, id))
                })
                .collect();
            let list = |c: &[(
                &brief_core::model::Actor,
                &brief_core::model::Office,
                ActorId,
            )]| {
                c.iter()
                    .map(|(a, o, _)| format!("{} (office held {})", a.name, o.years()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let Some(when) = year else {
                // No year to check against: the registry's only holder is
                // still the one the page names, but the years cannot be
                // checked, so the comment asks for it. Several holders: no
                // way to choose, only the candidates.
                match candidates.as_slice() {
                    [(a, _, id), rest @ ..] if rest.iter().all(|(_, _, other)| other == id) => {
                        let years = candidates
                            .iter()
                            .map(|(_, o, _)| o.years())
                            .collect::<Vec<_>>()
                            .join(", ");
                        out.actors.push(ActorGuess {
                            id: *id,
                            name: a.name.clone(),
                            from: words,
                            role: None,
                            note: Some(format!(
                                "the only holder of this office in the registry, {years}; the article gives no year: check"
                            )),
                        });
                    }
                    _ => out.notes.push(format!(
                        "\"{words}\": {}; no date in the article to check the years against, not added",
                        list(&candidates)
                    )),
                }
                continue;
            };
            let y = when.year();
            let fitting: Vec<_> = candidates
                .iter()
                .copied()
                .filter(|(_, o, _)| o.held_in(y))
                .collect();
            match fitting.as_slice() {
                [(a, o, id)] => {
                    let note = match when {
                        YearFrom::Meeting(_) => format!("office held {}", o.years()),
                        YearFrom::Published(_) => format!(
                            "office held {}; the publication year {y}, the meeting's being unknown",
                            o.years()
                        ),
                    };
                    out.actors.push(ActorGuess {
                        id: *id,
                        name: a.name.clone(),
                        from: words,
                        role: None,
                        note: Some(note),
                    });
                }
                [] => out.notes.push(format!(
                    "\"{words}\": {}; not in {y}, not added",
                    list(&candidates)
                )),
                several => out.notes.push(format!(
                    "\"{words}\": {} all held it in {y}; not added",
                    list(several)
                )),
            }
        }
        out
    }

    pub fn registry(&self) -> &Registry {
        self.registry
    }

    /// The registry's government entry for a country, if any.
    pub fn government(&self, code: CountryCode) -> Option<ActorId> {
        self.governments.get(&code).copied()
    }

    /// Actors the text names, in order of first mention.
    pub fn find(&self, text: &str) -> Vec<ActorGuess> {
        let hay = Haystack::new(text);
        let folded = hay.folded().to_string();
        let found = self.names.find(&hay);
        let mut out: Vec<ActorGuess> = Vec::new();
        let add = |out: &mut Vec<ActorGuess>, g: ActorGuess| match out
            .iter_mut()
            .find(|o| o.id == g.id)
        {
            Some(o) => {
                if o.role.is_none() {
                    o.role = g.role;
                }
            }
            None => out.push(g),
        };
        let mut prev_end = 0;
        for (f, id) in &found {
            let role = role_before(text, prev_end, f.span.start)
                .or_else(|| role_after(&text[f.span.end..]));
            prev_end = f.span.end;
            add(
                &mut out,
                ActorGuess {
                    name: String::new(),
                    id: *id,
                    from: f.text.clone(),
                    role,
                    note: None,
                },
            );
        }
        // Governments designated by a demonym after a title.
        for (f, code) in countries::find(text) {
            if !f.text.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let start = floor_char(text, f.span.start.saturating_sub(48));
            let before = &text[start..f.span.start];
            let before = before.rsplit(['.', ';']).next().unwrap_or(before);
            let fb = key(before);
            let Some(cue) = GOVERNMENT_CUES
                .iter()
                .filter_map(|c| fb.rfind(c).map(|p| (p, c)))
                .max()
            else {
                continue;
            };
            // "le ministre de l'Intérieur français" -> "ministère de l'Intérieur français".
            // Where the cue word starts in the text as written: the last
            // position from which the folded rest begins with it.
            let phrase_start = before
                .char_indices()
                .rev()
                .map(|(i, _)| i)
                .find(|&i| key(&before[i..]).starts_with(cue.1))
                .unwrap_or(before.len());
            let phrase = format!("{}{}", &before[phrase_start..], f.text);
            // The demonym must qualify the title: a few words at most between.
            if key(&before[phrase_start..]).split_whitespace().count()
                > cue.1.split_whitespace().count() + 4
            {
                continue;
            }
            if *cue.1 == "ministre" || *cue.1 == "minister" {
                let ministry = phrase.replacen("ministre", "ministère", 1);
                if let Some(id) = self.registry.resolve(&ministry) {
                    add(
                        &mut out,
                        ActorGuess {
                            name: String::new(),
                            id,
                            from: phrase.trim().to_string(),
                            role: None,
                            note: None,
                        },
                    );
                    continue;
                }
            }
            if let Some(id) = self.government(code) {
                add(
                    &mut out,
                    ActorGuess {
                        name: String::new(),
                        id,
                        from: phrase.trim().to_string(),
                        role: None,
                        note: None,
                    },
                );
            }
        }
        // "les gouvernements" of the countries listed in the same sentence.
        let mut from = 0;
        while let Some(p) = folded[from..].find("les gouvernements") {
            let at = from + p;
            from = at + "les gouvernements".len();
            let src = hay.source_range(at, at + "les gouvernements".len());
            let sentence = sentence_around(text, src.start);
            for (code, _) in countries::distinct(&text[sentence]) {
                if let Some(id) = self.government(code) {
                    add(
                        &mut out,
                        ActorGuess {
                            name: String::new(),
                            id,
                            from: format!("{} … {}", &text[src.clone()], code.name_fr()),
                            role: None,
                            note: None,
                        },
                    );
                }
            }
        }
        // An institution named through its member's title.
        for (title, institution) in MEMBER_OF {
            if let Some(p) = folded.find(title)
                && let Some(id) = self.registry.resolve(institution)
            {
                let src = hay.source_range(p, p + title.len());
                add(
                    &mut out,
                    ActorGuess {
                        name: String::new(),
                        id,
                        from: text[src].to_string(),
                        role: None,
                        note: None,
                    },
                );
            }
        }
        for g in &mut out {
            if let Some(a) = self.registry.get(g.id) {
                // The acronym when the text uses it, else the words of the
                // text when they are one of the actor's names ("ICMPD"),
                // else the registry's name.
                g.name = match &a.short {
                    Some(s) if has_word(text, s) => s.clone(),
                    _ if self.registry.resolve(&g.from) == Some(g.id) && g.from.len() <= 12 => {
                        g.from.clone()
                    }
                    _ => a.name.clone(),
                };
            }
        }
        out
    }

    /// Capitalised organisation names and parenthesised acronyms that no
    /// registry name covers, for the reviewer to add or ignore.
    pub fn proposals(&self, text: &str) -> Vec<String> {
        let hay = Haystack::new(text);
        let covered: Vec<std::ops::Range<usize>> = self
            .names
            .find(&hay)
            .into_iter()
            .map(|(f, _)| f.span)
            .collect();
        let inside = |a: usize| covered.iter().any(|r| r.contains(&a));
        let mut out: Vec<String> = Vec::new();
        let words: Vec<(usize, &str)> = word_spans(text);
        let mut i = 0;
        while i < words.len() {
            let (start, w) = words[i];
            if ORG_HEADS.contains(&w) && !inside(start) {
                let mut j = i + 1;
                let mut last = i;
                let mut capitals = 1;
                while j < words.len() && j - i < 14 {
                    let (ws, word) = words[j];
                    // Stop at punctuation between the words.
                    let gap = &text[words[j - 1].0 + words[j - 1].1.len()..ws];
                    if gap.contains([',', '.', ';', ':', '(', ')', '«', '»', '–']) {
                        break;
                    }
                    if word.chars().next().is_some_and(char::is_uppercase) {
                        capitals += 1;
                        last = j;
                    } else if !CONNECTORS.contains(&word) {
                        break;
                    }
                    j += 1;
                }
                if capitals >= 2 {
                    let end = words[last].0 + words[last].1.len();
                    let name = text[start..end].to_string();
                    if self.registry.resolve(&name).is_none() && !out.contains(&name) {
                        out.push(name);
                    }
                }
                i = last + 1;
                continue;
            }
            i += 1;
        }
        // Acronyms in the running text: "ONU", "IBG", "MRF".
        for (start, w) in &words {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let is_acronym = letters.len() >= 3
                && letters.iter().all(|c| c.is_uppercase())
                && !letters
                    .iter()
                    .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'));
            if is_acronym
                && !inside(*start)
                && self.registry.resolve(w).is_none()
                && !out.iter().any(|o| o == w)
            {
                out.push(w.to_string());
            }
        }
        // "(GTTC)", "(MP)": acronyms given in parentheses.
        for (p, _) in text.match_indices('(') {
            let rest = &text[p + 1..];
            let Some(close) = rest.find(')') else {
                continue;
            };
            let inner = rest[..close].trim();
            let is_acronym = (2..=10).contains(&inner.chars().count())
                && inner
                    .chars()
                    .all(|c| c.is_uppercase() || c == '/' || c.is_ascii_digit())
                && inner.chars().filter(|c| c.is_uppercase()).count() >= 2;
            if is_acronym
                && self.registry.resolve(inner).is_none()
                && brief_core::countries::by_code(inner).is_none()
                && !out.iter().any(|o| o == inner)
            {
                out.push(inner.to_string());
            }
        }
        out
    }
}

/// The words found, with the article right before them ("la Directrice
/// exécutive d'Europol"), for the comment.
fn with_article(text: &str, start: usize, found: &str) -> String {
    let before = &text[..start];
    for article in [
        "la ", "le ", "l'", "l’", "the ", "La ", "Le ", "L'", "L’", "The ",
    ] {
        if let Some(rest) = before.strip_suffix(article)
            && rest
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return format!("{article}{found}");
        }
    }
    found.to_string()
}

/// Whether `word` occurs in `text` as a whole word, case included.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(p, _)| {
        let before = text[..p].chars().next_back();
        let after = text[p + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// "l'ANLTP/TIM a organisé", "EUROMED Migration V organise": the organiser.
fn role_after(after: &str) -> Option<(String, String)> {
    let head: String = after.chars().take(24).collect();
    let k = key(&head);
    [
        "a organise",
        "ont organise",
        "organise ",
        "organisent",
        "organised",
        "organized",
    ]
    .iter()
    .find(|c| k.starts_with(*c) || k.starts_with(&format!("{} ", c.trim())))
    .map(|c| {
        let n = c.split_whitespace().count();
        let words: Vec<&str> = head.split_whitespace().take(n).collect();
        ("organisateur".to_string(), words.join(" "))
    })
}

/// "Gouvernement du Mali" -> ML.
fn government_country(name: &str) -> Option<CountryCode> {
    let k = key(name);
    let rest = k.strip_prefix("gouvernement ")?;
    let rest = ["de la ", "de l'", "du ", "des ", "de "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let c = brief_core::countries::resolve(rest).ok()?;
    CountryCode::new(c.code)
}

/// A role cue right before an actor's name: at most three words between,
/// no punctuation, and nothing after the previous actor's name.
fn role_before(text: &str, prev_end: usize, start: usize) -> Option<(String, String)> {
    let from = floor_char(text, start.saturating_sub(60)).max(prev_end.min(start));
    let before = &text[from..start];
    let fb = key(before);
    for (cue, role) in ROLE_CUES {
        if let Some(p) = fb.rfind(cue) {
            let gap = &fb[p + cue.len()..];
            let gap_words = gap.split_whitespace().count();
            if gap_words <= 3 && !gap.contains([',', '.', ';', ':']) {
                // The cue as written, for the comment.
                let words = cue.split_whitespace().count() + gap_words;
                let written: Vec<&str> = before.split_whitespace().collect();
                let from = written[written.len().saturating_sub(words)..].join(" ");
                return Some((role.to_string(), from));
            }
        }
    }
    None
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The sentence of `text` around byte `at`.
pub fn sentence_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = text[..at].rfind(is_end).map_or(0, |p| p + 1);
    let end = text[at..].find(is_end).map_or(text.len(), |p| at + p + 1);
    start..end
}

/// Words (letters, with '/' inside acronyms) and where they start.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || (c == '/' && start.is_some());
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::model::{Actor, Office};

    fn person(id: &str, name: &str, office: &[&str], from: u16, to: Option<u16>) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            short: None,
            aliases: Vec::new(),
            kind: ActorKind::Person,
            description: None,
            registered: true,
            offices: vec![Office {
                names: office.iter().map(|s| s.to_string()).collect(),
                from,
                to,
            }],
        }
    }

    fn registry() -> Registry {
        let office = [
            "directeur exécutif de l’agence Frontex",
            "Executive Director of Frontex",
        ];
        Registry::new(vec![
            person(
                "ylva-johansson",
                "Ylva Johansson",
                &[
                    "commissaire européenne aux affaires intérieures",
                    "European Commissioner for Home Affairs",
                ],
                2019,
                Some(2024),
            ),
            person(
                "fabrice-leggeri",
                "Fabrice Leggeri",
                &office,
                2015,
                Some(2022),
            ),
            person("hans-leijtens", "Hans Leijtens", &office, 2023, None),
        ])
        .0
    }

    const TEXT: &str = "Étaient présents la Commissaire européenne aux Affaires Intérieures \
        et le Directeur exécutif de l'agence Frontex.";

    fn names(found: &OfficeFinds) -> Vec<&str> {
        found.actors.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn an_office_held_in_the_meetings_year_proposes_its_holder() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2021)));
        assert_eq!(names(&found), ["Ylva Johansson", "Fabrice Leggeri"]);
        assert!(found.notes.is_empty(), "{:?}", found.notes);
        let ylva = &found.actors[0];
        assert_eq!(
            ylva.from,
            "la Commissaire européenne aux Affaires Intérieures"
        );
        assert_eq!(ylva.note.as_deref(), Some("office held 2019–2024"));
        assert_eq!(ylva.role, None);
        // The years are inclusive.
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2019)));
        assert_eq!(names(&found), ["Ylva Johansson", "Fabrice Leggeri"]);
        // In English too.
        let found = index.by_office(
            "The European Commissioner for Home Affairs spoke.",
            Some(YearFrom::Meeting(2024)),
        );
        assert_eq!(names(&found), ["Ylva Johansson"]);
    }

    #[test]
    fn an_office_outside_its_years_proposes_nobody_but_says_so() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2012)));
        assert!(found.actors.is_empty());
        assert_eq!(found.notes.len(), 2);
        assert!(
            found.notes[0].contains("Ylva Johansson (office held 2019–2024); not in 2012"),
            "{:?}",
            found.notes
        );
        // After Leggeri, his successor.
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2025)));
        assert_eq!(names(&found), ["Hans Leijtens"]);
        assert_eq!(found.actors[0].note.as_deref(), Some("office held 2023–"));
    }

    #[test]
    fn the_publication_year_stands_in_for_the_meetings_and_says_so() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, Some(YearFrom::Published(2023)));
        assert_eq!(names(&found), ["Ylva Johansson", "Hans Leijtens"]);
        assert!(
            found.actors[0]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("publication year 2023")),
            "{:?}",
            found.actors[0].note
        );
    }

    #[test]
    fn without_a_date_the_only_holder_of_an_office_is_proposed_for_checking() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(
            "Étaient présents la Commissaire européenne aux Affaires Intérieures.",
            None,
        );
        assert_eq!(names(&found), ["Ylva Johansson"]);
        assert!(found.notes.is_empty(), "{:?}", found.notes);
        let ylva = &found.actors[0];
        assert_eq!(
            ylva.from,
            "la Commissaire européenne aux Affaires Intérieures"
        );
        assert_eq!(
            ylva.note.as_deref(),
            Some(
                "the only holder of this office in the registry, 2019–2024; \
                 the article gives no year: check"
            )
        );
        assert_eq!(ylva.role, None);
        // One person holding it twice is still its only holder.
        let mut actors = registry.actors().to_vec();
        let mut again = actors[0].offices[0].clone();
        (again.from, again.to) = (2026, None);
        actors[0].offices.push(again);
        let twice = Registry::new(actors).0;
        let found = ActorIndex::new(&twice).by_office(TEXT, None);
        assert_eq!(names(&found), ["Ylva Johansson"]);
        assert!(
            found.actors[0]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("registry, 2019–2024, 2026–;")),
            "{:?}",
            found.actors[0].note
        );
    }

    #[test]
    fn without_a_date_two_holders_of_an_office_are_only_named_as_candidates() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, None);
        // The Commissioner has one holder in the registry, Frontex's
        // Executive Director two: only the first is proposed.
        assert_eq!(names(&found), ["Ylva Johansson"]);
        assert!(
            !found
                .actors
                .iter()
                .any(|a| a.name.contains("Leggeri") || a.name.contains("Leijtens"))
        );
        assert_eq!(found.notes.len(), 1, "{:?}", found.notes);
        assert!(
            found.notes[0].starts_with(
                "\"le Directeur exécutif de l'agence Frontex\": \
                 Fabrice Leggeri (office held 2015–2022), Hans Leijtens (office held 2023–); no date"
            ),
            "{:?}",
            found.notes
        );
    }

    #[test]
    fn two_holders_in_the_same_year_propose_neither() {
        let mut actors = registry().actors().to_vec();
        actors[2].offices[0].from = 2022;
        let registry = Registry::new(actors).0;
        let index = ActorIndex::new(&registry);
        let found = index.by_office(TEXT, Some(YearFrom::Meeting(2022)));
        assert_eq!(names(&found), ["Ylva Johansson"]);
        assert!(
            found.notes[0].contains("all held it in 2022"),
            "{:?}",
            found.notes
        );
    }

    #[test]
    fn an_office_is_not_a_name_and_a_word_inside_it_is_not_an_office() {
        let registry = registry();
        let index = ActorIndex::new(&registry);
        // `find` does not take an office for a name.
        assert!(index.find(TEXT).is_empty());
        // Part of an office's name is not the office.
        let found = index.by_office(
            "le directeur exécutif a parlé de l'agence Frontex",
            Some(YearFrom::Meeting(2021)),
        );
        assert_eq!(found, OfficeFinds::default());
    }
}
