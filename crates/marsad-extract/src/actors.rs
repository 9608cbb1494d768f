//! Actor mentions: lexicon hits joined into entities ("الجيش" + "الأذربيجاني" → AZE MIL, "رئيس
//! الوزراء الأرميني ، نيكول باشينيان" → ARM GOV), with the preposition that governs each one and a
//! mark on country names that only say where something happened ("في اليمن").

use crate::lexicons::{ActorKind, ActorRow, Lexicons};
use crate::lexmatch::{Hit, canon};
use marsad_model::{Entity, Sector, Span};
use marsad_text::{Analysis, TokenKind};
use std::collections::HashMap;
use std::ops::Range;

/// Prepositions that make a following name a place or an oblique argument, never a subject.
const PREPS: &[&str] = &[
    "من",
    "علي",
    "ضد",
    "الي",
    "مع",
    "عن",
    "في",
    "ضمن",
    "لدي",
    "عند",
    "تجاه",
    "باتجاه",
    "بين",
    "داخل",
    "قرب",
    "نحو",
    "حول",
    "لصالح",
    "بحق",
];
/// Prepositions after which a country name is a location.
const LOC_PREPS: &[&str] = &[
    "في",
    "داخل",
    "الي",
    "قرب",
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
    "وسط",
    "انحاء",
];
/// Words that may stand between an agent noun and the name or adjective that completes it.
const LINKS: &[&str] = &[
    "الموالية",
    "الموالين",
    "الموالي",
    "التابعة",
    "التابع",
    "المواليه",
    "التابعه",
];

/// One actor mention in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Ent {
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// Code-point span in the original.
    pub span: Span,
    /// Text as written.
    pub text: String,
    /// Country code.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<Sector>,
    /// English name of the most specific part.
    pub name: Option<String>,
    /// Kind of the head (first) part.
    pub kind: ActorKind,
    /// Preposition or proclitic governing it ("من", "ب", "ل"…), if any.
    pub prep: Option<String>,
    /// A country or capital that only names a location.
    pub loc: bool,
}

impl Ent {
    /// The contract entity.
    pub fn entity(&self) -> Entity {
        Entity {
            text: self.text.clone(),
            span: Some(self.span),
            country: self.country.clone(),
            sector: self.sector,
            name: self.name.clone(),
            wikidata: None,
        }
    }
}

/// Finds actor mentions and fills missing countries from context.
pub fn find_entities(a: &Analysis<'_>, lex: &Lexicons) -> Vec<Ent> {
    let hits = lex.actors.find(a);
    let mut ents = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        let (ent, used) = build(a, lex, &hits[i..]);
        ents.push(ent);
        i += used.max(1);
    }
    let main = main_country(&ents);
    fill_countries(&mut ents, main.as_deref());
    ents
}

/// The country most often named in the document (names, capitals, demonyms, groups).
pub fn main_country(ents: &[Ent]) -> Option<String> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, e) in ents.iter().enumerate() {
        if let Some(c) = e
            .country
            .as_deref()
            .filter(|c| c.len() == 3 && !["IGO", "NGO", "UNK"].contains(c))
        {
            let entry = counts.entry(c).or_insert((0, usize::MAX - i));
            entry.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, v)| *v)
        .map(|(c, _)| c.to_string())
}

/// Builds one entity from the hits starting at `hits[0]`; returns it and how many hits it used.
fn build(a: &Analysis<'_>, lex: &Lexicons, hits: &[Hit]) -> (Ent, usize) {
    let first = &hits[0];
    let row = &lex.actors.rows[first.entry];
    let mut tokens = first.tokens.clone();
    let mut country = row.country.clone();
    let mut sector = row.sector.or(match row.kind {
        ActorKind::Capital => Some(Sector::Gov),
        _ => None,
    });
    let mut name = Some(row.name.clone());
    let mut used = 1;
    let chains = matches!(row.kind, ActorKind::Agent | ActorKind::Org);
    if chains {
        while let Some(next) = hits.get(used) {
            if !joinable(a, tokens.end, next.tokens.start) {
                break;
            }
            let r = &lex.actors.rows[next.entry];
            if r.kind == ActorKind::Agent && country.is_some() {
                break;
            }
            absorb(r, &mut country, &mut sector, &mut name);
            tokens.end = next.tokens.end;
            used += 1;
        }
    }
    let prep = governing_prep(a, lex, first, row);
    let loc = matches!(row.kind, ActorKind::Country | ActorKind::Capital)
        && used == 1
        && prep
            .as_deref()
            .is_some_and(|p| LOC_PREPS.contains(&p) || p == "ب");
    let bytes = a.tokens[tokens.start].bytes.start..a.tokens[tokens.end - 1].bytes.end;
    let ent = Ent {
        span: a.index.span(bytes.clone()),
        text: a.text[bytes].to_string(),
        tokens,
        country,
        sector,
        name,
        kind: row.kind,
        prep,
        loc,
    };
    (ent, used)
}

/// Takes the country (and, for armed groups, the sector) of a following part.
fn absorb(
    r: &ActorRow,
    country: &mut Option<String>,
    sector: &mut Option<Sector>,
    name: &mut Option<String>,
) {
    if country.is_none() {
        country.clone_from(&r.country);
    }
    if matches!(r.sector, Some(Sector::Reb | Sector::Uaf)) && r.kind == ActorKind::Group {
        *sector = r.sector;
    }
    if sector.is_none() {
        *sector = r.sector;
    }
    if matches!(r.kind, ActorKind::Person | ActorKind::Org | ActorKind::Group) {
        *name = Some(r.name.clone());
    }
}

/// True when tokens `end..start` may sit inside one entity: nothing, a comma before an apposition,
/// up to two adjectives with the article, or a "loyal to" link.
fn joinable(a: &Analysis<'_>, end: usize, start: usize) -> bool {
    if start < end || start - end > 2 {
        return false;
    }
    a.tokens[end..start].iter().all(|t| {
        let s = &a.text[t.bytes.clone()];
        if t.kind == TokenKind::Punct {
            return s == "،" || s == ",";
        }
        LINKS.contains(&t.key.as_str()) || (t.key.starts_with("ال") && t.key.chars().count() > 4)
    })
}

/// The preposition before the entity, or the proclitic on its first word.
fn governing_prep(a: &Analysis<'_>, lex: &Lexicons, hit: &Hit, row: &ActorRow) -> Option<String> {
    let _ = row;
    let key = &a.tokens[hit.tokens.start].key;
    let phrase_first = lex_first_word(lex, hit.entry);
    let bare = key.strip_prefix('و').unwrap_or(key);
    let literal = [key.as_str(), bare]
        .iter()
        .any(|k| canon(k).starts_with(&phrase_first) || k.starts_with(&phrase_first));
    if !literal {
        for p in ["لل", "ب", "ل", "ك"] {
            if bare.starts_with(p) {
                return Some(if p == "لل" { "ل".into() } else { p.into() });
            }
        }
    }
    let prev = a.tokens[..hit.tokens.start].last()?;
    let pk = prev.key.strip_prefix('و').unwrap_or(&prev.key);
    PREPS
        .contains(&pk)
        .then(|| pk.to_string())
        .or_else(|| LOC_PREPS.contains(&pk).then(|| pk.to_string()))
}

fn lex_first_word(lex: &Lexicons, entry: usize) -> String {
    lex.actors
        .phrases
        .get(entry)
        .map(|p| canon(p.split(' ').next().unwrap_or("")))
        .unwrap_or_default()
}

/// Fills missing countries: from a demonym or country later in the same clause, else the document's
/// main country. IGOs and NGOs keep theirs.
fn fill_countries(ents: &mut [Ent], main: Option<&str>) {
    for i in 0..ents.len() {
        if ents[i].country.is_some() {
            continue;
        }
        let near = ents[i + 1..]
            .iter()
            .take(2)
            .find(|e| {
                e.tokens.start <= ents[i].tokens.end + 4
                    && matches!(e.kind, ActorKind::Demonym)
                    && e.country.is_some()
            })
            .and_then(|e| e.country.clone());
        ents[i].country = near.or_else(|| main.map(str::to_string));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::{Lang, analyze};

    fn ents(text: &str) -> Vec<Ent> {
        let a = analyze(text, Some(Lang::Ar));
        find_entities(&a, &Lexicons::load())
    }

    #[test]
    fn agent_and_demonym_join() {
        let e = ents("قصف الجيش الأذربيجاني عدة بلدات");
        assert_eq!(e[0].text, "الجيش الأذربيجاني");
        assert_eq!(e[0].country.as_deref(), Some("AZE"));
        assert_eq!(e[0].sector, Some(Sector::Mil));
    }

    #[test]
    fn apposition_joins_person() {
        let e = ents("اتصل رئيس الوزراء الأرميني ، نيكول باشينيان ، اليوم");
        assert_eq!(e[0].text, "رئيس الوزراء الأرميني ، نيكول باشينيان");
        assert_eq!(e[0].country.as_deref(), Some("ARM"));
        assert_eq!(e[0].sector, Some(Sector::Gov));
    }

    #[test]
    fn loyal_forces_take_the_group() {
        let e = ents("أمطرت القوات الموالية للحوثيين مناطق");
        assert_eq!(e[0].country.as_deref(), Some("YEM"));
        assert_eq!(e[0].sector, Some(Sector::Reb));
    }

    #[test]
    fn country_after_fi_is_a_location() {
        let e = ents("جرائم حرب في اليمن");
        assert!(e[0].loc);
        let e = ents("بنظيره الروسي");
        assert_eq!(e[0].prep.as_deref(), Some("ب"));
    }
}
