//! The JSON shapes: one documented, stable form, shared by every subcommand.

use serde::Serialize;

use brief::model::{Location, Source};
use brief::search::FieldMatch;
use brief::{Briefing, Corpus, CountryCode, Hit, PartialDate, Query};

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
    pub role: Option<String>,
}

#[derive(Serialize)]
pub struct BriefingJson {
    pub id: String,
    pub title: String,
    pub date: Option<PartialDate>,
    pub end_date: Option<PartialDate>,
    pub date_note: Option<String>,
    pub published: Option<PartialDate>,
    pub location: Location,
    pub language: String,
    pub summary: Option<String>,
    pub countries: Vec<CountryJson>,
    pub actors: Vec<ActorJson>,
    pub topics: Vec<String>,
    pub source: Source,
    pub related: Vec<String>,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl BriefingJson {
    pub fn new(corpus: &Corpus, b: &Briefing, with_body: bool) -> BriefingJson {
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
            body: with_body.then(|| b.body.clone()),
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
    pub fn new(corpus: &Corpus, query: &Query, hit: &Hit) -> Option<HitJson> {
        let b = corpus.briefings.get(hit.doc)?;
        Some(HitJson {
            briefing: BriefingJson::new(corpus, b, false),
            score: hit.score,
            matches: brief::search::explain(corpus, query, hit.doc),
        })
    }
}

#[derive(Serialize)]
pub struct FacetJson<T: Serialize> {
    #[serde(flatten)]
    pub value: T,
    pub count: usize,
}

/// Pretty JSON and a newline.
pub fn print<T: Serialize>(w: &mut impl std::io::Write, value: &T) -> std::io::Result<()> {
    // Keep the I/O error's kind, so a closed pipe (`brief list --json | head`) stays quiet.
    serde_json::to_writer_pretty(&mut *w, value).map_err(|e| match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    })?;
    writeln!(w)
}
