//! A draft written as a briefing file: every guess followed by the words it
//! comes from, as a YAML comment; and the template of `brief new`.

use brief_core::actors::Registry;

use super::{Draft, MeetingDraft};

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

/// How many of the page's other meetings a draft names in its header.
const OTHERS_LISTED: usize = 10;

impl MeetingDraft {
    /// The draft as a briefing file, every guess followed by its source.
    /// `others` are the titles of the other meetings on the same page, the
    /// first of them (`OTHERS_LISTED`) and how many there are in all.
    pub fn to_yaml(&self, registry: &Registry, source: &str, others: (&[&str], usize)) -> String {
        let (listed, others_count) = others;
        let mut y = String::new();
        y.push_str(&format!(
            "# Draft by `brief draft` from {source}. Every guessed value is followed by\n\
             # the words it comes from: check each one, then fill in what is missing.\n",
            source = one_line(source)
        ));
        if others_count > 0 {
            y.push_str("# The page announces other meetings too (`brief draft` prints a draft for each):\n");
            // A few titles, not all: a page of a thousand meetings would
            // repeat a thousand lines in each of its thousand drafts.
            for t in listed.iter().take(OTHERS_LISTED) {
                y.push_str(&format!("#   - {}\n", one_line(t)));
            }
            let shown = listed.len().min(OTHERS_LISTED);
            if others_count > shown {
                y.push_str(&format!(
                    "#   … and {} more ({} meetings in all)\n",
                    others_count - shown,
                    others_count + 1
                ));
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
        let (listed, count) = self.others(0);
        Some(first.to_yaml(registry, source, (&listed, count)))
    }

    /// One YAML document per meeting, separated by `---`.
    pub fn all_yaml(&self, registry: &Registry, source: &str) -> String {
        let mut out = String::new();
        for (i, m) in self.meetings.iter().enumerate() {
            if i > 0 {
                out.push_str("---\n");
            }
            let (listed, count) = self.others(i);
            out.push_str(&m.to_yaml(registry, source, (&listed, count)));
        }
        out
    }

    /// The first titles of the meetings other than the `i`th, and how many
    /// other meetings there are.
    fn others(&self, i: usize) -> (Vec<&str>, usize) {
        let listed = self
            .meetings
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .take(OTHERS_LISTED)
            .map(|(_, o)| o.title.as_str())
            .collect();
        (listed, self.meetings.len().saturating_sub(1))
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
