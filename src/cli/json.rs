//! The JSON shapes: one documented, stable form, shared by every subcommand.

use serde::Serialize;

use brief_core::model::{Location, Source};
use brief_core::search::FieldMatch;
use brief_core::text::is_dangerous;
use brief_core::{Briefing, CountryCode, Folder, Hit, PartialDate, Query};

#[derive(Serialize)]
pub struct CountryJson {
    pub code: String,
    pub name_fr: &'static str,
    pub name_en: &'static str,
}

impl From<CountryCode> for CountryJson {
    fn from(c: CountryCode) -> Self {
        CountryJson {
            code: c.as_str().to_string(),
            name_fr: c.name_fr(),
            name_en: c.name_en(),
        }
    }
}

#[derive(Serialize)]
pub struct ActorJson {
    pub id: String,
    pub name: String,
    pub short: Option<String>,
    pub kind: &'static str,
    pub role: Option<brief_core::model::Name>,
}

#[derive(Serialize)]
pub struct BriefingJson {
    pub id: brief_core::model::Name,
    pub title: String,
    pub date: Option<PartialDate>,
    pub end_date: Option<PartialDate>,
    pub date_note: Option<String>,
    pub published: Option<PartialDate>,
    pub location: Location,
    pub language: brief_core::model::Name,
    pub summary: Option<String>,
    pub countries: Vec<CountryJson>,
    pub actors: Vec<ActorJson>,
    pub topics: Vec<brief_core::model::Name>,
    pub source: Source,
    pub related: Vec<String>,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl BriefingJson {
    pub fn new(corpus: &Folder, b: &Briefing, with_body: bool) -> BriefingJson {
        BriefingJson {
            id: b.id.clone(),
            title: b.title.clone(),
            date: b.date,
            end_date: b.end_date,
            date_note: b.date_note.clone(),
            published: b.published,
            location: b.location.clone(),
            language: b.language.clone(),
            summary: b.summary.clone(),
            countries: b.countries.iter().map(|&c| c.into()).collect(),
            actors: b
                .actors
                .iter()
                .filter_map(|r| {
                    corpus.actor(r.actor).map(|a| ActorJson {
                        id: a.id.clone(),
                        name: a.name.clone(),
                        short: a.short.clone(),
                        kind: a.kind.as_str(),
                        role: r.role.clone(),
                    })
                })
                .collect(),
            topics: b.topics.clone(),
            source: b.source.clone(),
            related: b.related.clone(),
            path: b.path.display().to_string(),
            body: with_body.then(|| {
                corpus
                    .body(b)
                    .map_or_else(|p| p.to_string(), |body| body.into_owned())
            }),
        }
    }
}

#[derive(Serialize)]
pub struct HitJson {
    #[serde(flatten)]
    pub briefing: BriefingJson,
    pub score: i64,
    pub matches: Vec<FieldMatch>,
}

impl HitJson {
    pub fn new(corpus: &Folder, query: &Query, hit: &Hit) -> Option<HitJson> {
        let b = corpus.briefings.get(hit.doc)?;
        Some(HitJson {
            briefing: BriefingJson::new(corpus, b, false),
            score: hit.score,
            matches: brief_core::search::explain(corpus, query, hit.doc),
        })
    }
}

#[derive(Serialize)]
pub struct FacetJson<T: Serialize> {
    #[serde(flatten)]
    pub value: T,
    pub count: usize,
}

/// Pretty JSON that also escapes, as `\uXXXX`, what serde_json leaves raw but
/// must never reach a terminal unseen: DEL, the C1 controls (U+0080–U+009F,
/// CSI among them) and the bidirectional overrides, isolates and marks
/// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C). The JSON means the
/// same; `jq -r` still gives the characters back.
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_dangerous(c)) {
            w.write_all(&rest.as_bytes()[..at])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    // Layout: the pretty formatter's.
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Pretty JSON and a newline.
pub fn print<T: Serialize>(w: &mut impl std::io::Write, value: &T) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *w,
        SafeFormatter(serde_json::ser::PrettyFormatter::new()),
    );
    // Keep the I/O error's kind, so a closed pipe (`brief list --json | head`) stays quiet.
    value
        .serialize(&mut ser)
        .map_err(|e| match e.io_error_kind() {
            Some(kind) => std::io::Error::new(kind, e),
            None => std::io::Error::other(e),
        })?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    #[test]
    fn bidi_and_c1_are_escaped_and_the_layout_is_serde_json_pretty() {
        let value = serde_json::json!({
            "t": "a\u{202e}b\u{2066}c\u{2069}\u{9b}d\u{7f}\u{1b}é",
            "l": [1, {"x": null}],
        });
        let mut out = Vec::new();
        super::print(&mut out, &value).expect("printed");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(
            text.contains(r#""a\u202eb\u2066c\u2069\u009bd\u007f\u001bé""#),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, value);
        assert_eq!(
            text,
            format!("{}\n", serde_json::to_string_pretty(&back).expect("pretty"))
                .replace('\u{202e}', "\\u202e")
                .replace('\u{2066}', "\\u2066")
                .replace('\u{2069}', "\\u2069")
                .replace('\u{9b}', "\\u009b")
                .replace('\u{7f}', "\\u007f")
        );
    }
}
