//! Event places. Place names are geocoded with `marsad-geo` in the document's country context (the
//! countries its actors name); country names that the text uses as locations ("في اليمن") become
//! country-level places. Without a gazetteer index the coder degrades to those country-level places.

use crate::actors::Ent;
use marsad_geo::{Gazetteer, GeoContext};
use marsad_model::{Category, Place, Precision, Quad};
use marsad_text::Analysis;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Once;

/// A geocoded place mention and the tokens it covers.
#[derive(Debug, Clone)]
pub struct GeoPlace {
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// The resolved place.
    pub place: Place,
}

/// Geocodes the place names of `a` in the context of the countries the actors name. Returns nothing
/// (after one warning per process) when the gazetteer index cannot be loaded.
pub fn geocode(a: &Analysis<'_>, ents: &[Ent]) -> Vec<GeoPlace> {
    static WARN: Once = Once::new();
    let g = match Gazetteer::global() {
        Ok(g) => g,
        Err(e) => {
            WARN.call_once(|| eprintln!("warning: no gazetteer ({e}); places are country-level only"));
            return Vec::new();
        }
    };
    let mut counts: HashMap<&str, f32> = HashMap::new();
    for c in ents.iter().filter_map(|e| e.country.as_deref()) {
        if c.len() == 3 && !["IGO", "NGO", "UNK"].contains(&c) {
            *counts.entry(c).or_default() += 1.0;
        }
    }
    let max = counts.values().copied().fold(1.0_f32, f32::max);
    let ctx = GeoContext {
        countries: counts
            .into_iter()
            .map(|(c, n)| (c.to_string(), n / max))
            .collect(),
    };
    let found = g.find_places(a, &ctx).into_iter().filter_map(|m| {
        let first = a.tokens.iter().position(|t| t.bytes.end > m.bytes.start)?;
        let last = a.tokens.iter().rposition(|t| t.bytes.start < m.bytes.end)?;
        (first <= last).then(|| GeoPlace {
            tokens: first..last + 1,
            place: m.place,
        })
    });
    let mut kept: Vec<GeoPlace> = Vec::new();
    for p in found {
        let listed = kept
            .last()
            .is_some_and(|k| listed_after(a, k.tokens.end, p.tokens.start));
        if !is_town(&p.place) || listed || located(a, &p) {
            kept.push(p);
        }
    }
    kept
}

/// Words after which a name is a place ("في", "قرب", "مدينة", "جنوب"…), as folded keys.
const LOC_CUES: &[&str] = &[
    "في",
    "قرب",
    "داخل",
    "الي",
    "من",
    "نحو",
    "باتجاه",
    "محيط",
    "ضواحي",
    "انحاء",
    "مدينة",
    "مدينه",
    "بلدة",
    "بلده",
    "قرية",
    "قريه",
    "منطقة",
    "منطقه",
    "محافظة",
    "محافظه",
    "اقليم",
    "ولاية",
    "ولايه",
    "حي",
    "مخيم",
    "عاصمة",
    "مدن",
    "بلدات",
    "قري",
    "مناطق",
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
    "وسط",
    "جنوبي",
    "شمالي",
    "شرقي",
    "غربي",
];

/// A town-level (or finer) place: the level where common words collide with place names.
fn is_town(p: &Place) -> bool {
    !matches!(
        p.precision,
        Some(Precision::Country | Precision::Admin1 | Precision::Region)
    )
}

/// True when a location word or a glued ب ("ببغداد") introduces the place, also across one
/// relative adjective after the location word ("قرى أرمينية غوريس").
fn located(a: &Analysis<'_>, p: &GeoPlace) -> bool {
    let cue = |i: usize| {
        let k = bare_key(a, i);
        LOC_CUES.contains(&k) || LOC_CUES.contains(&k.trim_start_matches("ال"))
    };
    let nisba = |i: usize| {
        let k = &a.tokens[i].key;
        a.tokens[i].kind == marsad_text::TokenKind::Word && k.chars().count() > 3 && k.ends_with("يه")
    };
    let prev = p.tokens.start.checked_sub(1);
    glued_b(a, p) || prev.is_some_and(|b| cue(b) || (b > 0 && nisba(b) && cue(b - 1)))
}

/// True when the place's first token carries a glued ب ("ببغداد", "بالكويت") that is not part of
/// the name itself.
fn glued_b(a: &Analysis<'_>, g: &GeoPlace) -> bool {
    let key = &a.tokens[g.tokens.start].key;
    ["ب", "وب", "فب"].iter().any(|c| key.starts_with(c)) && !g.place.text.starts_with('ب')
}

/// The key of token `i` without a leading conjunction و.
fn bare_key<'a>(a: &'a Analysis<'_>, i: usize) -> &'a str {
    let k = a.tokens[i].key.as_str();
    k.strip_prefix('و').unwrap_or(k)
}

/// True when tokens `end..start` are only list separators (، , و) — a place listed after another.
fn listed_after(a: &Analysis<'_>, end: usize, start: usize) -> bool {
    start >= end
        && start - end <= 1
        && (a.tokens[end..start]
            .iter()
            .all(|t| matches!(&a.text[t.bytes.clone()], "،" | "," | "و"))
            || a.tokens.get(start).is_some_and(|t| t.key.starts_with('و')))
}

/// What an event's place selection needs to know about the event.
#[derive(Debug, Clone)]
pub struct Scope {
    /// Tokens of the event's sentence.
    pub sent: Range<usize>,
    /// Tokens of the trigger.
    pub trigger: Range<usize>,
    /// The event category.
    pub category: Category,
}

/// Tokens after a statement's or meeting's trigger within which "في/ب + place" says where it was made.
const STATEMENT_WINDOW: usize = 2;
/// The same window for meetings and talks ("مفاوضات سلام مباشرة قبل أسبوعين في باكستان").
const MEETING_WINDOW: usize = 8;

/// Places of an event (docs/CODING.md, "Event places"):
/// - a statement (verbal categories) keeps only a place named right after its trigger with "في/ب",
///   where it was made; a meeting (CONSULT) looks a little further for where the talks were held;
/// - other events keep the geocoded places of their sentence, except names that are an actor's
///   origin ("استنكرت باكستان"), and drop a country or province when a place inside it is kept;
/// - without a geocoded place, country names used there as locations ("في اليمن").
pub fn event_places(a: &Analysis<'_>, geo: &[GeoPlace], ents: &[Ent], scope: &Scope) -> Vec<Place> {
    let actor_name = |g: &GeoPlace| {
        !located(a, g)
            && ents
                .iter()
                .any(|e| !e.loc && e.tokens.start < g.tokens.end && g.tokens.start < e.tokens.end)
    };
    let cands: Vec<&GeoPlace> = geo
        .iter()
        .filter(|g| scope.sent.contains(&g.tokens.start) && !actor_name(g))
        .collect();
    if let Some(window) = statement_window(scope.category) {
        let end = scope.trigger.end;
        return cands
            .into_iter()
            .filter(|g| g.tokens.start >= end && g.tokens.start <= end + window && introduced(a, g))
            .map(|g| g.place.clone())
            .collect();
    }
    let found: Vec<Place> = cands.iter().map(|g| g.place.clone()).collect();
    let found = if found.is_empty() {
        places_in(ents, &scope.sent)
    } else {
        found
    };
    drop_containers(found)
}

/// The window in which a statement's place may follow its trigger; `None` for material events.
fn statement_window(c: Category) -> Option<usize> {
    match c.quad() {
        _ if c == Category::Consult => Some(MEETING_WINDOW),
        Quad::VerbalCooperation | Quad::VerbalConflict => Some(STATEMENT_WINDOW),
        Quad::MaterialCooperation | Quad::MaterialConflict => None,
    }
}

/// True when "في" or a glued ب ("ببغداد", "بالكويت") introduces the place.
fn introduced(a: &Analysis<'_>, g: &GeoPlace) -> bool {
    glued_b(a, g)
        || g.tokens
            .start
            .checked_sub(1)
            .is_some_and(|b| bare_key(a, b) == "في")
}

/// Drops a country (or first-level division) when a finer place inside it is kept — "حلب في شمال سوريا"
/// is Aleppo — and repeated mentions of the same place.
fn drop_containers(places: Vec<Place>) -> Vec<Place> {
    let rank = |p: &Place| match p.precision {
        Some(Precision::Country) => 3,
        Some(Precision::Admin1) => 2,
        _ => 1,
    };
    let inside = |outer: &Place, inner: &Place| {
        rank(inner) < rank(outer)
            && inner.country.is_some()
            && inner.country == outer.country
            && (rank(outer) == 3 || (inner.admin1.is_some() && inner.admin1 == outer.admin1))
    };
    let mut kept: Vec<Place> = Vec::new();
    for p in places.iter() {
        let contains = places.iter().any(|q| inside(p, q));
        let repeated = kept.iter().any(|k| {
            (k.geonameid.is_some() && k.geonameid == p.geonameid)
                || (k.name.is_some() && k.name == p.name && k.country == p.country)
        });
        if !contains && !repeated {
            kept.push(p.clone());
        }
    }
    kept
}

/// The country most often named by the geocoded places, if any.
pub fn main_place_country(geo: &[GeoPlace]) -> Option<String> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, g) in geo.iter().enumerate() {
        if let Some(c) = g.place.country.as_deref() {
            counts.entry(c).or_insert((0, usize::MAX - i)).0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, v)| *v)
        .map(|(c, _)| c.to_string())
}

/// Places mentioned in the token range `range` (the event's clause): country names used as
/// locations, at country level.
pub fn places_in(ents: &[Ent], range: &Range<usize>) -> Vec<Place> {
    ents.iter()
        .filter(|e| e.loc && range.contains(&e.tokens.start))
        .map(|e| Place {
            text: e.text.clone(),
            span: Some(e.span),
            name: e.name.clone(),
            country: e.country.clone(),
            precision: Some(Precision::Country),
            ..Place::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::find_entities;
    use crate::lexicons::Lexicons;
    use marsad_text::{Lang, analyze};

    /// A geocoded place on the tokens of `word` in `a`.
    fn geo_at(a: &Analysis<'_>, word: &str, mut place: Place) -> GeoPlace {
        let i = a
            .tokens
            .iter()
            .position(|t| a.text[t.bytes.clone()].ends_with(word))
            .expect("word in text");
        place.text = word.to_string();
        GeoPlace {
            tokens: i..i + 1,
            place,
        }
    }

    fn place(name: &str, country: &str, admin1: Option<&str>, precision: Precision) -> Place {
        Place {
            text: name.into(),
            name: Some(name.into()),
            country: Some(country.into()),
            admin1: admin1.map(str::to_string),
            precision: Some(precision),
            ..Place::default()
        }
    }

    fn names(p: &[Place]) -> Vec<&str> {
        p.iter().filter_map(|p| p.name.as_deref()).collect()
    }

    /// The scope of the whole text with the trigger on the tokens of `trigger`.
    fn scope(a: &Analysis<'_>, trigger: &str, category: Category) -> Scope {
        let t = geo_at(a, trigger, Place::default()).tokens;
        Scope {
            sent: 0..a.tokens.len(),
            trigger: t,
            category,
        }
    }

    #[test]
    fn a_country_or_province_gives_way_to_a_place_inside_it() {
        let a = analyze("قتل 18 شخصا في وسط مدينة حلب في شمال سوريا", Some(Lang::Ar));
        let geo = [
            geo_at(&a, "حلب", place("Aleppo", "SYR", Some("Aleppo"), Precision::Town)),
            geo_at(&a, "سوريا", place("Syria", "SYR", None, Precision::Country)),
        ];
        let p = event_places(&a, &geo, &[], &scope(&a, "قتل", Category::Assault));
        assert_eq!(names(&p), ["Aleppo"]);
        let a = analyze("وصول أرتال إلى زنجبار في محافظة أبين", Some(Lang::Ar));
        let geo = [
            geo_at(
                &a,
                "زنجبار",
                place("Zinjibar", "YEM", Some("Abyan"), Precision::Town),
            ),
            geo_at(
                &a,
                "أبين",
                place("Abyan", "YEM", Some("Abyan"), Precision::Admin1),
            ),
        ];
        let p = event_places(&a, &geo, &[], &scope(&a, "وصول", Category::Mobilize));
        assert_eq!(names(&p), ["Zinjibar"]);
    }

    #[test]
    fn a_country_alone_stays() {
        let a = analyze("غارات على مواقعه في شمال العراق", Some(Lang::Ar));
        let geo = [geo_at(
            &a,
            "العراق",
            place("Iraq", "IRQ", None, Precision::Country),
        )];
        let p = event_places(&a, &geo, &[], &scope(&a, "غارات", Category::Assault));
        assert_eq!(names(&p), ["Iraq"]);
    }

    #[test]
    fn the_actor_origin_is_not_the_place() {
        let a = analyze("استنكرت باكستان الهجوم على مسجد في منطقة عسير", Some(Lang::Ar));
        let ents = find_entities(&a, &Lexicons::load());
        let geo = [
            geo_at(&a, "باكستان", place("Pakistan", "PAK", None, Precision::Country)),
            geo_at(&a, "عسير", place("Asir", "SAU", Some("Asir"), Precision::Admin1)),
        ];
        let p = event_places(&a, &geo, &ents, &scope(&a, "الهجوم", Category::Assault));
        assert_eq!(names(&p), ["Asir"]);
    }

    #[test]
    fn a_statement_has_no_place_of_its_topic() {
        let a = analyze(
            "اتهمت المنظمة المتمردين بارتكاب جرائم حرب في اليمن",
            Some(Lang::Ar),
        );
        let geo = [geo_at(
            &a,
            "اليمن",
            place("Yemen", "YEM", None, Precision::Country),
        )];
        let p = event_places(&a, &geo, &[], &scope(&a, "اتهمت", Category::Accuse));
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn talks_keep_where_they_were_held() {
        let a = analyze(
            "بدأت الحكومة وطالبان مفاوضات سلام مباشرة قبل أسبوعين في باكستان",
            Some(Lang::Ar),
        );
        let geo = [geo_at(
            &a,
            "باكستان",
            place("Pakistan", "PAK", None, Precision::Country),
        )];
        let p = event_places(&a, &geo, &[], &scope(&a, "مفاوضات", Category::Consult));
        assert_eq!(names(&p), ["Pakistan"]);
    }

    #[test]
    fn a_place_after_a_location_word_and_its_adjective_is_located() {
        let a = analyze("أصاب قرى أرمينية غوريس", Some(Lang::Ar));
        let goris = GeoPlace {
            tokens: 3..4,
            place: Place::default(),
        };
        assert!(located(&a, &goris));
        let a = analyze("أصاب صاروخ أرمينية غوريس", Some(Lang::Ar));
        assert!(!located(&a, &goris));
    }

    #[test]
    fn country_as_place() {
        let a = analyze("جرائم حرب في اليمن", Some(Lang::Ar));
        let ents = find_entities(&a, &Lexicons::load());
        let p = places_in(&ents, &(0..a.tokens.len()));
        assert_eq!(p[0].country.as_deref(), Some("YEM"));
    }
}
