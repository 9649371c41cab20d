//! Where the meeting was held, where the text says it: a known city after
//! "à" in a sentence about the meeting ("se sont réunis à La Valette
//! (Malte)", "se réuniront à Bruxelles"), a city in the title, a country in
//! the title ("Visite d'étude en Italie"), or the home of a registered actor
//! the meeting went to ("… à l'ANLTP/TIM"). "En ligne" makes it online.

use std::sync::OnceLock;

use super::actors::{ActorIndex, key_before, sentence_around};
use super::countries;
use super::matcher::{Haystack, Matcher, key};
use brief_core::model::CountryCode;

const CITIES: &str = include_str!("cities.tsv");

/// Words of a sentence about the meeting itself, folded.
pub const MEETING_WORDS: &[&str] = &[
    "reuni",
    "reunion",
    "rencontre",
    "s'est tenu",
    "se sont tenu",
    "se tiendra",
    "prennent part",
    "prendront part",
    "ont pris part",
    "visite",
    "atelier",
    "conference",
    "seminaire",
    "forum",
    "sommet",
    "session",
    "evenement",
    "meeting",
    "met in",
    "held",
    "workshop",
    "gathered",
];

/// A guessed value and the words it comes from.
pub type Guess<T> = (T, String);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlaceGuess {
    pub city: Option<Guess<String>>,
    pub country: Option<Guess<CountryCode>>,
    pub online: Option<String>,
}

fn cities() -> &'static Matcher<(String, CountryCode)> {
    static M: OnceLock<Matcher<(String, CountryCode)>> = OnceLock::new();
    M.get_or_init(|| {
        Matcher::new(
            CITIES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let (name, code) = l.split_once('\t')?;
                    let code = CountryCode::new(code.trim())?;
                    Some((name.to_string(), (name.to_string(), code)))
                }),
        )
    })
}

/// Whether a sentence is about the meeting.
pub fn is_meeting_sentence(sentence: &str) -> bool {
    let k = key(sentence);
    MEETING_WORDS.iter().any(|w| k.contains(w))
}

/// The place of the meeting in a title and body.
pub fn find(title: &str, body: &str, actors: &ActorIndex) -> PlaceGuess {
    let mut place = PlaceGuess::default();
    let hay = Haystack::new(body);
    // A city after "à" in a sentence about the meeting.
    for (f, (_, code)) in cities().find(&hay) {
        let before = key_before(body, f.span.start, 64);
        let after_a = ["a", "in", "at"].iter().any(|p| ends_with_word(&before, p));
        if !after_a {
            continue;
        }
        let sentence = &body[sentence_around(body, f.span.start)];
        if !is_meeting_sentence(sentence) {
            continue;
        }
        let pre = body[..f.span.start].trim_end();
        let start = pre.rfind(char::is_whitespace).map_or(0, |p| p + 1);
        let mut from_end = f.span.end;
        let mut country = code;
        // "à La Valette (Malte)": the country said next to it.
        let rest = &body[f.span.end..];
        if let Some(inner) = rest.trim_start().strip_prefix('(')
            && let Some(close) = inner.find(')')
            && let Ok(c) = brief_core::countries::resolve(&inner[..close])
            && let Some(c) = CountryCode::new(c.code)
        {
            country = c;
            from_end = f.span.end + (rest.len() - inner.len()) + close + 1;
        }
        let from = body[start..from_end].to_string();
        place.city = Some((f.text.clone(), from.clone()));
        place.country = Some((country, from));
        if ["en ligne", "online", "visioconference", "virtuel"]
            .iter()
            .any(|w| key(sentence).contains(w))
        {
            place.online = Some(online_words(sentence));
        }
        return place;
    }
    // A city in the title.
    let title_hay = Haystack::new(title);
    if let Some((f, (_, code))) = cities().find(&title_hay).into_iter().next() {
        place.city = Some((f.text.clone(), f.text.clone()));
        place.country = Some((code, f.text));
        return place;
    }
    // A country in the title after "en", "au", "aux", "in".
    for (f, code) in countries::find(title) {
        let before = key(&title[..f.span.start]);
        if ["en", "au", "aux", "in"]
            .iter()
            .any(|p| ends_with_word(&before, p))
            && f.text.chars().next().is_some_and(char::is_uppercase)
        {
            let start = title[..f.span.start]
                .trim_end()
                .rfind(' ')
                .map_or(0, |p| p + 1);
            place.country = Some((code, title[start..f.span.end].to_string()));
            return place;
        }
    }
    // "… à l'ANLTP/TIM": the home country of the registered actor visited.
    let title_key = key(title);
    for g in actors.find(title) {
        let written = key(&g.from);
        let at = ["a l'", "a la ", "au "]
            .iter()
            .any(|p| title_key.contains(&format!("{p}{written}")));
        if !at {
            continue;
        }
        if let Some(code) = home_country(actors, g.id) {
            let actor = actors.registry().get(g.id);
            let described = actor
                .and_then(|a| a.description.clone())
                .unwrap_or_default();
            let at = title
                .find(&g.from)
                .map(|p| {
                    let start = title[..p].rfind('à').unwrap_or(p);
                    title[start..p + g.from.len()].to_string()
                })
                .unwrap_or_else(|| g.from.clone());
            place.country = Some((
                code,
                format!("{at} ; actors.yaml : « {} »", short(&described)),
            ));
            return place;
        }
    }
    place
}

/// The one country a registered actor belongs to, from its name and
/// description ("Agence nigérienne …", "(Nigeria)"), if only one is named.
pub fn home_country(actors: &ActorIndex, id: brief_core::model::ActorId) -> Option<CountryCode> {
    let found = home_countries(actors, id);
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Every country a registered actor's name and description name.
pub fn home_countries(actors: &ActorIndex, id: brief_core::model::ActorId) -> Vec<CountryCode> {
    let Some(a) = actors.registry().get(id) else {
        return Vec::new();
    };
    let text = format!("{}. {}", a.name, a.description.as_deref().unwrap_or(""));
    countries::distinct(&text)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// The words that say the meeting was also online.
fn online_words(sentence: &str) -> String {
    let k = key(sentence);
    ["en ligne", "online", "visioconference", "virtuel"]
        .iter()
        .find(|w| k.contains(*w))
        .map_or_else(String::new, |w| w.to_string())
}

/// Whether folded `text` ends with the word `word`.
fn ends_with_word(text: &str, word: &str) -> bool {
    text == word
        || text
            .strip_suffix(word)
            .is_some_and(|rest| rest.ends_with([' ', '\'']))
}

fn short(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().take(4).collect();
    let mut out = words.join(" ");
    if s.split_whitespace().count() > 4 {
        out.push_str(" …");
    }
    out
}
