//! Actor mentions: lexicon hits joined into entities ("الجيش" + "الأذربيجاني" → AZE MIL, "رئيس
//! الوزراء الأرميني ، نيكول باشينيان" → ARM GOV), with the preposition that governs each one and a
//! mark on country names that only say where something happened ("في اليمن").

use crate::lexicons::{ActorKind, ActorRow, Lexicons};
use crate::lexmatch::{Hit, longest};
use jiff::civil::Date;
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
    "جنوبي",
    "شمالي",
    "شرقي",
    "غربي",
];
/// Words that may stand between an agent noun and the name or adjective that completes it.
const LINKS: &[&str] = &[
    "تابعه",
    "تابع",
    "تابعين",
    "التابعين",
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
    /// A bare word for people ("أشخاص", "شخصا"): it says nothing of who they are.
    pub generic: bool,
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

/// One actor-lexicon hit: the row it stands for and the proclitic preposition on its first word.
#[derive(Debug, Clone)]
struct AHit {
    tokens: Range<usize>,
    row: ActorRow,
    clitic: Option<String>,
}

/// Finds actor mentions and fills missing countries from context (roles valid on any date).
pub fn find_entities(a: &Analysis<'_>, lex: &Lexicons) -> Vec<Ent> {
    find_entities_on(a, lex, None)
}

/// Finds actor mentions with `marsad-lexicon`'s actors and agent nouns; a person whose dated role
/// does not hold on `date` keeps the country but loses the role's sector.
pub fn find_entities_on(a: &Analysis<'_>, lex: &Lexicons, date: Option<Date>) -> Vec<Ent> {
    let _ = lex;
    let hits = lexicon_hits(a, date);
    let mut ents = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        let (ent, used) = build(a, &hits[i..]);
        ents.push(ent);
        i += used.max(1);
    }
    drop_generic_before_members(a, &mut ents);
    let main = main_country(&ents);
    fill_countries(&mut ents, main.as_deref());
    ents
}

/// Words for people in general (normalised keys).
const GENERIC: &[&str] = &["اشخاص", "الاشخاص", "شخص", "شخصا", "شخصان", "شخصين", "الناس"];

fn is_generic(a: &Analysis<'_>, tokens: &Range<usize>) -> bool {
    tokens.len() == 1 && {
        let k = &a.tokens[tokens.start].key;
        let k = k.strip_prefix('و').filter(|r| GENERIC.contains(r)).unwrap_or(k);
        GENERIC.contains(&k)
    }
}

/// "19 شخصا من قوات الأمن": the people are members of what follows, which names them better.
fn drop_generic_before_members(a: &Analysis<'_>, ents: &mut Vec<Ent>) {
    let mut i = 0;
    while i + 1 < ents.len() {
        let (e, next) = (&ents[i], &ents[i + 1]);
        let members = e.generic
            && next.prep.as_deref() == Some("من")
            && next.tokens.start == e.tokens.end + 1
            && a.tokens[e.tokens.end].key == "من";
        if members {
            ents.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Actor and agent-noun matches, longest first among overlaps, in text order.
fn lexicon_hits(a: &Analysis<'_>, date: Option<Date>) -> Vec<AHit> {
    let mut rows = Vec::new();
    let mut hits = Vec::new();
    let mut clitics = Vec::new();
    if let Ok(lexicon) = marsad_lexicon::try_actors() {
        for m in lexicon.find(a) {
            hits.push(Hit {
                entry: rows.len(),
                tokens: m.tokens.clone(),
            });
            rows.push(actor_row(m.entry, date));
            clitics.push(clitic(&m.prefixes));
        }
    }
    if let Ok(lexicon) = marsad_lexicon::try_agents() {
        for m in lexicon.find(a) {
            hits.push(Hit {
                entry: rows.len(),
                tokens: m.tokens.clone(),
            });
            rows.push(ActorRow {
                kind: ActorKind::Agent,
                country: None,
                sector: Some(m.entry.sector),
                name: m.entry.gloss.clone(),
            });
            clitics.push(clitic(&m.prefixes));
        }
    }
    longest(hits)
        .into_iter()
        .map(|h| AHit {
            tokens: h.tokens,
            row: rows[h.entry].clone(),
            clitic: clitics[h.entry].clone(),
        })
        .collect()
}

/// The preposition among a match's stripped proclitics (ب ل ك), if any.
fn clitic(prefixes: &[&str]) -> Option<String> {
    prefixes
        .iter()
        .rev()
        .find(|p| ["ب", "ل", "ك", "لل"].contains(p))
        .map(|p| {
            if *p == "لل" {
                "ل".to_string()
            } else {
                (*p).to_string()
            }
        })
}

/// The coder's view of a lexicon actor row.
fn actor_row(r: &marsad_lexicon::Actor, date: Option<Date>) -> ActorRow {
    use marsad_lexicon::ActorKind as K;
    let kind = match r.kind {
        K::Country => ActorKind::Country,
        K::Capital => ActorKind::Capital,
        K::Demonym => ActorKind::Demonym,
        K::Org => ActorKind::Org,
        K::Person => ActorKind::Person,
        K::Group => ActorKind::Group,
        K::Agent => ActorKind::Agent,
    };
    let in_role = date.is_none_or(|d| r.valid_on(d));
    ActorRow {
        kind,
        country: r.country.clone(),
        sector: r.sector.filter(|_| in_role),
        name: r.name.clone().unwrap_or_default(),
    }
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
fn build(a: &Analysis<'_>, hits: &[AHit]) -> (Ent, usize) {
    let first = &hits[0];
    let row = &first.row;
    let mut tokens = first.tokens.clone();
    let mut country = row.country.clone();
    let mut sector = row.sector.or(match row.kind {
        ActorKind::Capital => Some(Sector::Gov),
        _ => None,
    });
    let mut name = Some(row.name.clone()).filter(|n| !n.is_empty());
    let mut used = 1;
    let chains = matches!(row.kind, ActorKind::Agent | ActorKind::Org);
    if chains {
        while let Some(next) = hits.get(used) {
            if !joinable(a, tokens.end, next.tokens.start) {
                break;
            }
            let r = &next.row;
            // Two agent nouns make one actor only as a construct ("جنود المارينز", "جنودا متمردين"):
            // after a definite noun the next one is another actor ("هاجم الجيش المسلحين").
            if r.kind == ActorKind::Agent && (country.is_some() || definite(a, tokens.end - 1)) {
                break;
            }
            absorb(r, &mut country, &mut sector, &mut name);
            tokens.end = next.tokens.end;
            used += 1;
        }
    }
    let prep = governing_prep(a, first);
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
        generic: used == 1 && row.kind == ActorKind::Agent && is_generic(a, &first.tokens),
    };
    (ent, used)
}

/// True when token `i` carries the article (with or without a proclitic).
fn definite(a: &Analysis<'_>, i: usize) -> bool {
    let k = &a.tokens[i].key;
    ["ال", "وال", "بال", "لل", "فال", "ولل", "وبال"]
        .iter()
        .any(|p| k.starts_with(p))
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
    let armed_group = matches!(r.sector, Some(Sector::Reb | Sector::Uaf)) && r.kind == ActorKind::Group;
    // "جنودا متمردين": mutinous soldiers are rebels.
    let rebels = r.sector == Some(Sector::Reb) && r.kind == ActorKind::Agent;
    if armed_group || rebels {
        *sector = r.sector;
    }
    if sector.is_none() {
        *sector = r.sector;
    }
    if matches!(r.kind, ActorKind::Person | ActorKind::Org | ActorKind::Group) && !r.name.is_empty() {
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
fn governing_prep(a: &Analysis<'_>, hit: &AHit) -> Option<String> {
    if let Some(c) = &hit.clitic {
        return Some(c.clone());
    }
    let prev = a.tokens[..hit.tokens.start].last()?;
    let known = |k: &str| PREPS.contains(&k) || LOC_PREPS.contains(&k);
    // "وفي" is "و" + "في", but "وسط" is a word of its own: strip the conjunction only when the rest
    // is a preposition and the whole is not.
    let pk = match prev.key.strip_prefix('و') {
        Some(rest) if !known(&prev.key) && known(rest) => rest,
        _ => prev.key.as_str(),
    };
    if pk == "من" && partitive(a, hit.tokens.start - 1) {
        return None;
    }
    known(pk).then(|| pk.to_string())
}

/// Quantity words that take "من" partitively ("عدد من الجنود", "أربعة من حراس الأمن").
pub(crate) const QUANTITY: &[&str] = &[
    "عدد",
    "عددا",
    "احد",
    "احدي",
    "بعض",
    "عشرات",
    "مئات",
    "الاف",
    "الالاف",
    "العشرات",
    "المئات",
    "مجموعه",
    "كثير",
    "العديد",
    "عناصر",
    "افراد",
    "اثنين",
    "اثنان",
    "ثلاثه",
    "اربعه",
    "خمسه",
    "سته",
    "سبعه",
    "ثمانيه",
    "تسعه",
    "عشره",
    "اكثر",
];

/// True when the "من" at token `i` follows a figure or a quantity word.
fn partitive(a: &Analysis<'_>, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &a.tokens[p]) else {
        return false;
    };
    let k = prev
        .key
        .strip_prefix('و')
        .filter(|r| QUANTITY.contains(r))
        .unwrap_or(&prev.key);
    prev.kind == TokenKind::Number || QUANTITY.contains(&k)
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
    fn wasat_is_a_location_word_not_a_conjunction() {
        let e = ents("تظاهروا في وسط القاهرة");
        assert!(e[0].loc, "{e:?}");
    }

    #[test]
    fn weapon_with_a_demonym_is_the_military() {
        let e = ents("اطلقت دبابة إسرائيلية قذيفة");
        assert_eq!(e[0].country.as_deref(), Some("ISR"));
        assert_eq!(e[0].sector, Some(Sector::Mil));
    }

    #[test]
    fn counted_members_are_not_governed_by_min() {
        let e = ents("قام عدد من جنود المارينز بقتل المدنيين");
        assert_eq!(e[0].prep, None, "{e:?}");
    }

    #[test]
    fn country_after_fi_is_a_location() {
        let e = ents("جرائم حرب في اليمن");
        assert!(e[0].loc);
        let e = ents("اتصل بالرئيس الروسي");
        assert!(e.iter().any(|x| x.country.as_deref() == Some("RUS")), "{e:?}");
    }
}
