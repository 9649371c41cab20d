//! Actors a text names by an office, checked against the years each was held.

use super::{ActorGuess, ActorIndex, OfficeFinds, YearFrom};
use crate::matcher::Haystack;
use brief_core::model::ActorId;

impl ActorIndex<'_> {
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
