//! Actors a text names: registry names and aliases, governments designated by
//! a demonym or a title, and the role a sentence gives each.

use super::{ActorGuess, ActorIndex, floor_char, sentence_around};
use crate::countries;
use crate::matcher::{Haystack, key};

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

impl ActorIndex<'_> {
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
