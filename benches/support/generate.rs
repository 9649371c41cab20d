//! A deterministic corpus of generated briefings, in the real format, for the
//! benchmarks and `xtask/src/bin/generate.rs`. The same `(n, seed)` always gives the
//! same files, byte for byte. Its word lists are public for `xtask::heaps`,
//! the generator whose vocabulary grows with the corpus.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

use serde::Serialize;

/// Frequent French words of meeting reports, drawn with a Zipf-like skew.
pub const COMMON: &[&str] = &[
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "et",
    "en",
    "un",
    "une",
    "à",
    "au",
    "aux",
    "pour",
    "dans",
    "par",
    "sur",
    "avec",
    "a",
    "ont",
    "été",
    "est",
    "sont",
    "qui",
    "que",
    "ce",
    "cette",
    "ces",
    "leur",
    "leurs",
    "ainsi",
    "entre",
    "afin",
    "lors",
    "plus",
    "deux",
    "trois",
    "migrants",
    "migration",
    "migrations",
    "migratoires",
    "frontières",
    "frontière",
    "coopération",
    "transfrontalière",
    "trafic",
    "traite",
    "êtres",
    "humains",
    "victimes",
    "réunion",
    "atelier",
    "séminaire",
    "délégation",
    "ministre",
    "ministres",
    "directeur",
    "général",
    "services",
    "répressifs",
    "police",
    "gendarmerie",
    "douanes",
    "justice",
    "enquêtes",
    "enquêteurs",
    "réseaux",
    "criminels",
    "passeurs",
    "documents",
    "fraude",
    "documentaire",
    "identité",
    "protection",
    "assistance",
    "retour",
    "réintégration",
    "dialogue",
    "partenariat",
    "partenaires",
    "régional",
    "régionale",
    "nationale",
    "national",
    "internationale",
    "européenne",
    "union",
    "états",
    "membres",
    "pays",
    "tiers",
    "origine",
    "transit",
    "destination",
    "sahel",
    "méditerranée",
    "afrique",
    "ouest",
    "nord",
    "centrale",
    "agence",
    "programme",
    "projet",
    "financement",
    "formation",
    "renforcement",
    "capacités",
    "gestion",
    "intégrée",
    "contrôle",
    "surveillance",
    "maritime",
    "terrestre",
    "aéroport",
    "port",
    "poste",
    "frontalier",
    "échange",
    "informations",
    "renseignement",
    "analyse",
    "risques",
    "données",
    "stratégie",
    "plan",
    "action",
    "déclaration",
    "engagement",
    "accord",
    "mémorandum",
    "entente",
    "signature",
    "cadre",
    "mise",
    "œuvre",
    "suivi",
    "évaluation",
    "recommandations",
    "conclusions",
    "participants",
    "experts",
    "représentants",
    "autorités",
    "institutions",
    "organisations",
    "société",
    "civile",
    "communautés",
    "jeunes",
    "femmes",
    "enfants",
    "mineurs",
    "non",
    "accompagnés",
    "asile",
    "réfugiés",
    "déplacés",
    "visa",
    "visas",
    "mobilité",
    "légale",
    "voies",
    "irrégulière",
    "irrégulières",
    "prévention",
    "sensibilisation",
    "campagne",
    "poursuites",
    "judiciaires",
    "condamnations",
    "procureurs",
    "magistrats",
    "opérations",
    "conjointes",
    "équipes",
    "commune",
    "communes",
    "patrouilles",
    "navires",
    "sauvetage",
    "mer",
    "désert",
    "routes",
    "route",
    "centrale",
    "orientale",
    "occidentale",
    "hausse",
    "baisse",
    "arrivées",
    "départs",
    "chiffres",
    "rapport",
    "annuel",
    "semestre",
    "visite",
    "étude",
    "travail",
    "technique",
    "haut",
    "niveau",
    "conférence",
    "sommet",
    "présidence",
    "conseil",
    "commission",
    "parlement",
    "ambassade",
    "ambassadeur",
    "consulat",
];

pub const TOPICS: &[&str] = &[
    "trafic de migrants",
    "traite des êtres humains",
    "gestion des frontières",
    "fraude documentaire",
    "coopération transfrontalière",
    "protection des victimes",
    "retour et réintégration",
    "migration légale",
    "asile",
    "mineurs non accompagnés",
    "renseignement criminel",
    "coopération judiciaire",
    "sauvetage en mer",
    "formation des forces de l’ordre",
    "analyse des risques",
    "routes migratoires",
    "sensibilisation",
    "financement",
    "dialogue politique",
    "mobilité des jeunes",
    "surveillance maritime",
    "blanchiment d’argent",
    "cybercriminalité",
    "données biométriques",
    "postes-frontières",
    "partenariats de mobilité",
    "travail forcé",
    "exploitation sexuelle",
    "réseaux criminels",
    "coopération policière",
    "identification des victimes",
    "réinstallation",
    "visa",
    "diaspora",
    "développement",
    "climat et migration",
];

pub const CITIES: &[(&str, &str)] = &[
    ("Bruxelles", "BE"),
    ("La Haye", "NL"),
    ("Varsovie", "PL"),
    ("Vienne", "AT"),
    ("Niamey", "NE"),
    ("Dakar", "SN"),
    ("Abuja", "NG"),
    ("Rabat", "MA"),
    ("Tunis", "TN"),
    ("Alger", "DZ"),
    ("Le Caire", "EG"),
    ("Nouakchott", "MR"),
    ("Bamako", "ML"),
    ("Agadez", "NE"),
    ("La Valette", "MT"),
    ("Rome", "IT"),
    ("Madrid", "ES"),
    ("Paris", "FR"),
    ("Calais", "FR"),
    ("Athènes", "GR"),
    ("Lisbonne", "PT"),
    ("Berlin", "DE"),
    ("Genève", "CH"),
    ("Accra", "GH"),
    ("Abidjan", "CI"),
    ("Ouagadougou", "BF"),
    ("N’Djamena", "TD"),
    ("Tripoli", "LY"),
    ("Amman", "JO"),
    ("Beyrouth", "LB"),
    ("Ankara", "TR"),
    ("Lomé", "TG"),
    ("Cotonou", "BJ"),
    ("Conakry", "GN"),
    ("Banjul", "GM"),
    ("Praia", "CV"),
    ("Freetown", "SL"),
    ("Monrovia", "LR"),
];

pub const COUNTRIES: &[&str] = &[
    "NE", "NG", "SN", "ML", "MR", "MA", "DZ", "TN", "LY", "EG", "BF", "TD", "CI", "GH", "GN", "GM",
    "SL", "LR", "CV", "TG", "BJ", "CM", "SD", "ER", "ET", "SO", "JO", "LB", "SY", "IQ", "AF", "PK",
    "BD", "TR", "GR", "IT", "ES", "MT", "FR", "DE", "BE", "NL", "AT", "PL", "PT", "HU", "BG", "RO",
    "HR", "SI", "CY", "GB", "IE", "SE", "DK", "FI", "CZ", "SK", "LT", "LV", "EE", "LU", "CH", "NO",
    "AL", "RS", "BA", "MK", "ME", "UA", "MD", "GE", "AM", "AZ", "VN",
];

pub const PUBLISHERS: &[&str] = &[
    "EU Neighbours South",
    "OIM Niger",
    "OIM Bruxelles",
    "Europol",
    "Frontex",
    "CIDPM",
    "Commission européenne",
    "Conseil de l’UE",
    "ONUDC",
    "Gouvernement du Niger",
];

pub const KINDS: &[&str] = &[
    "organisation",
    "eu-agency",
    "eu-institution",
    "government",
    "person",
    "programme",
    "other",
];

const SYLLABLES: &[&str] = &[
    "ba", "bé", "ka", "ko", "la", "lé", "ma", "mo", "na", "né", "ra", "ri", "sa", "so", "ta", "té",
    "va", "vi", "za", "zou", "dia", "mou", "kou", "fa", "gui", "tou", "ndi", "sé", "ha", "ou",
    "in", "ar", "el", "ol", "am",
];

pub const ORG_HEADS: &[&str] = &[
    "Agence nationale de",
    "Direction générale de",
    "Office central de",
    "Commission nationale de",
    "Observatoire régional de",
    "Bureau international de",
    "Fonds commun pour",
    "Centre de",
    "Programme régional de",
    "Réseau africain de",
    "Brigade spéciale de",
    "Unité mixte de",
];

pub const ORG_TAILS: &[&str] = &[
    "lutte contre la traite",
    "gestion des frontières",
    "protection des migrants",
    "sécurité intérieure",
    "coopération policière",
    "renseignement",
    "statistiques migratoires",
    "assistance aux victimes",
    "contrôle des documents",
    "surveillance côtière",
    "lutte contre le trafic",
    "réintégration",
    "analyse criminelle",
    "formation judiciaire",
];

/// Deterministic random choices (fastrand seeded).
struct Draw(fastrand::Rng);

impl Draw {
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.0.usize(..items.len())]
    }
    fn pick_str(&mut self, items: &[String]) -> String {
        items[self.0.usize(..items.len())].clone()
    }
    fn skewed(&mut self, len: usize) -> usize {
        skewed(&mut self.0, len)
    }
    fn word(&mut self, len: usize) -> String {
        Draw::word_with(&mut self.0, len)
    }
    fn word_with(rng: &mut fastrand::Rng, len: usize) -> String {
        (0..len)
            .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
            .collect()
    }
}

/// Index skewed towards 0, roughly Zipf: frequent words stay frequent.
pub fn skewed(rng: &mut fastrand::Rng, len: usize) -> usize {
    let u = rng.f64();
    ((len as f64).powf(u) - 1.0).floor() as usize % len
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// The files' shapes, shared with the generator whose vocabulary grows
// (`xtask/src/heaps.rs`).

#[derive(Serialize)]
pub struct RegistryEntry {
    pub id: String,
    pub name: String,
    pub short: String,
    pub aliases: Vec<String>,
    pub kind: &'static str,
}

#[derive(Serialize)]
pub struct ActorRef {
    pub name: String,
    pub role: &'static str,
}

#[derive(Serialize)]
pub struct Location {
    pub city: String,
    pub country: &'static str,
}

#[derive(Serialize)]
pub struct Source {
    pub publisher: &'static str,
}

#[derive(Serialize)]
pub struct Briefing {
    pub id: String,
    pub title: String,
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    pub language: &'static str,
    pub summary: String,
    pub location: Location,
    pub actors: Vec<ActorRef>,
    pub countries: Vec<&'static str>,
    pub topics: Vec<&'static str>,
    pub source: Source,
    pub body: String,
}

/// What the generated folder holds.
pub struct Generated {
    pub briefings: usize,
    pub actors: usize,
    pub bytes: u64,
}

/// The actor registry: `count` actors, each with a name, an acronym and aliases.
fn registry(draw: &mut Draw, count: usize) -> Vec<RegistryEntry> {
    let mut places = std::collections::HashSet::new();
    (0..count)
        .map(|i| {
            // Unique places keep names and aliases unique across the registry.
            let mut place = capitalise(&draw.word(2 + i % 3));
            while !places.insert(place.clone()) {
                place = capitalise(&draw.word(3 + i % 3));
            }
            registry_entry(&mut draw.0, i, place, |rng| {
                capitalise(&Draw::word_with(rng, 2))
            })
        })
        .collect()
}

/// The `i`th actor of a registry, of `place`: a person (every fifth, first
/// name from `first`) or an organisation, with an acronym and two aliases.
pub fn registry_entry(
    rng: &mut fastrand::Rng,
    i: usize,
    place: String,
    first: impl FnOnce(&mut fastrand::Rng) -> String,
) -> RegistryEntry {
    let pick = |rng: &mut fastrand::Rng, items: &[&'static str]| items[rng.usize(..items.len())];
    let (name, kind) = if i % 5 == 4 {
        let first = first(rng);
        (format!("{first} {place}"), "person")
    } else {
        let head = pick(rng, ORG_HEADS);
        let tail = pick(rng, ORG_TAILS);
        (format!("{head} {tail} de {place}"), pick(rng, KINDS))
    };
    let short: String = name
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect::<String>()
        + &i.to_string();
    let aliases = vec![
        format!("{place} {}", pick(rng, ORG_TAILS)),
        short.to_lowercase(),
    ];
    RegistryEntry {
        id: format!("actor-{i}"),
        name,
        short,
        aliases,
        kind,
    }
}

/// A briefing's date: a year, a month, a day or two days.
pub fn dates(rng: &mut fastrand::Rng) -> (String, Option<String>) {
    let year = 2006 + rng.u16(..20);
    let month = 1 + rng.u8(..12);
    let day = 1 + rng.u8(..27);
    match rng.u8(..20) {
        0 => (format!("{year}"), None),
        1 | 2 => (format!("{year}-{month:02}"), None),
        3 | 4 => (
            format!("{year}-{month:02}-{day:02}"),
            Some(format!("{year}-{month:02}-{:02}", day + 1)),
        ),
        _ => (format!("{year}-{month:02}-{day:02}"), None),
    }
}

/// The actors a briefing names, drawn from the registry's first ones
/// mostly, each as people write them (by name, acronym or alias); and
/// those names, for its sentences.
pub fn actor_refs(
    rng: &mut fastrand::Rng,
    actors: &[RegistryEntry],
) -> (Vec<ActorRef>, Vec<String>) {
    let n_actors = 2 + rng.usize(..14);
    let mut refs: Vec<usize> = (0..n_actors).map(|_| skewed(rng, actors.len())).collect();
    refs.sort_unstable();
    refs.dedup();
    let mut names = Vec::new();
    let actor_refs = refs
        .iter()
        .map(|&a| {
            let e = &actors[a];
            let name = match rng.u8(..3) {
                0 => e.name.clone(),
                1 => e.short.clone(),
                _ => e.aliases[0].clone(),
            };
            names.push(name.clone());
            let roles = ["organisateur", "participant", "partenaire", "financeur"];
            ActorRef {
                name,
                role: roles[rng.usize(..roles.len())],
            }
        })
        .collect();
    (actor_refs, names)
}

/// A briefing's countries (1 to 10, the first ones mostly) and topics (1 to 4).
pub fn countries_and_topics(rng: &mut fastrand::Rng) -> (Vec<&'static str>, Vec<&'static str>) {
    let n_countries = 1 + rng.usize(..10);
    let mut countries: Vec<&'static str> = (0..n_countries)
        .map(|_| COUNTRIES[skewed(rng, COUNTRIES.len())])
        .collect();
    countries.sort_unstable();
    countries.dedup();
    let mut topics: Vec<&'static str> = (0..1 + rng.usize(..4))
        .map(|_| TOPICS[rng.usize(..TOPICS.len())])
        .collect();
    topics.sort_unstable();
    topics.dedup();
    (countries, topics)
}

fn sentence(draw: &mut Draw, names: &[String]) -> String {
    let len = 8 + draw.0.usize(..18);
    let mut words: Vec<String> = Vec::with_capacity(len);
    for _ in 0..len {
        let w = match draw.0.u8(..20) {
            // Rare words: place and person names that make the vocabulary large.
            0 => {
                let len = 2 + draw.0.usize(..3);
                capitalise(&draw.word(len))
            }
            1 if !names.is_empty() => draw.pick_str(names),
            _ => COMMON[draw.skewed(COMMON.len())].to_string(),
        };
        words.push(w);
    }
    let mut s = capitalise(&words.join(" "));
    s.push('.');
    s
}

fn briefing(draw: &mut Draw, i: usize, actors: &[RegistryEntry]) -> Briefing {
    let (date, end_date) = dates(&mut draw.0);
    let (actor_refs, names) = actor_refs(&mut draw.0, actors);
    let (countries, topics) = countries_and_topics(&mut draw.0);
    let (city, country) = draw.pick(CITIES);
    let target = 1000 + draw.0.usize(..4000);
    let mut body = String::with_capacity(target + 200);
    while body.len() < target {
        let mut para = Vec::new();
        for _ in 0..3 + draw.0.usize(..4) {
            para.push(sentence(draw, &names));
        }
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(&para.join(" "));
    }
    let topic = topics.first().copied().unwrap_or("migrations");
    let title = format!(
        "{} : {} sur {} à {city}",
        names.first().map_or("Réunion", String::as_str),
        draw.pick(&[
            "réunion",
            "atelier",
            "séminaire",
            "visite d’étude",
            "conférence",
            "dialogue"
        ]),
        topic,
    );
    Briefing {
        id: format!("gen-{i:06}"),
        title,
        date,
        end_date,
        language: "fr",
        summary: sentence(draw, &names) + " " + &sentence(draw, &names),
        location: Location {
            city: city.to_string(),
            country,
        },
        actors: actor_refs,
        countries,
        topics,
        source: Source {
            publisher: draw.pick(PUBLISHERS),
        },
        body,
    }
}

/// Writes `n` briefings and an `actors.yaml` registry into `dir` (created if needed),
/// 100 files per subfolder.
pub fn generate(dir: &Path, n: usize, seed: u64) -> std::io::Result<Generated> {
    let mut draw = Draw(fastrand::Rng::with_seed(seed));
    let actor_count = (n / 25).clamp(50, 3000);
    let actors = registry(&mut draw, actor_count);
    write_folder(dir, &actors, n, 4, |i| briefing(&mut draw, i, &actors))
}

/// Writes `actors` as `actors.yaml` and the `n` briefings `briefing` makes
/// into `dir` (created if needed), 100 files per subfolder named by
/// `width` digits.
pub fn write_folder(
    dir: &Path,
    actors: &[RegistryEntry],
    n: usize,
    width: usize,
    mut briefing: impl FnMut(usize) -> Briefing,
) -> std::io::Result<Generated> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    let yaml = serde_yaml::to_string(actors).map_err(std::io::Error::other)?;
    std::fs::write(dir.join("actors.yaml"), &yaml)?;
    bytes += yaml.len() as u64;
    for i in 0..n {
        let b = briefing(i);
        let sub = dir.join(format!("{:0width$}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&sub)?;
        }
        let yaml = serde_yaml::to_string(&b).map_err(std::io::Error::other)?;
        let mut f = std::fs::File::create(sub.join(format!("{}.yaml", b.id)))?;
        f.write_all(yaml.as_bytes())?;
        bytes += yaml.len() as u64;
    }
    Ok(Generated {
        briefings: n,
        actors: actors.len(),
        bytes,
    })
}
