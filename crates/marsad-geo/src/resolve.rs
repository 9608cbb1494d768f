//! Resolving candidate mentions in context: gates against common words, scoring by match quality,
//! country context, population, feature and place-type agreement, then co-mentioned places pulling
//! each other together (a list of villages is one cluster; "على بحيرة سيفان" anchors its sentence).

use crate::format::{FLAG_CURATED, FLAG_PRIMARY, KIND_ADMIN1, KIND_COUNTRY, Record};
use crate::matcher::{MatchKind, Mention, Trigger, TypeKind};
use crate::{Gazetteer, GeoContext, PlaceMatch};
use marsad_model::Place;
use marsad_text::Analysis;

/// Population above which an exact name is accepted without a trigger.
const BIG_TOWN: u32 = 100_000;
/// Candidates kept per mention.
const MAX_CANDS: usize = 400;

struct Scored {
    m: Mention,
    cands: Vec<Cand>,
    top: usize,
}

#[derive(Clone, Copy)]
struct Cand {
    idx: u32,
    flags: u32,
    rec: Record,
    base: f32,
    cluster: f32,
}

impl Cand {
    fn score(&self) -> f32 {
        self.base + self.cluster
    }
}

/// Resolves `mentions`; with `explain`, returns each match's scored candidates too.
pub fn resolve(
    g: &Gazetteer,
    a: &Analysis<'_>,
    ctx: &GeoContext,
    mentions: Vec<Mention>,
    explain: bool,
) -> Vec<(PlaceMatch, Vec<(Place, f32)>)> {
    let context = effective_context(g, ctx, &mentions);
    // A skeleton only proposes foreign places in countries the story is about.
    let foreign = Context {
        entries: context
            .entries
            .iter()
            .filter(|(iso, w)| *w >= 0.5 && !g.rules.arabic_countries.contains(iso))
            .cloned()
            .collect(),
    };
    let mut scored: Vec<Scored> = mentions
        .into_iter()
        .map(|m| {
            let cands = candidates(g, &m, &context, &foreign);
            let mut s = Scored { m, cands, top: 0 };
            s.top = argmax(&s.cands);
            s
        })
        .collect();
    // Mentions that a later mention names as its list predecessor (fixed across rounds).
    let mut continued = vec![false; scored.len()];
    for p in scored.iter().filter_map(|s| s.m.list_prev) {
        if let Some(c) = continued.get_mut(p) {
            *c = true;
        }
    }
    let gates = |scored: &[Scored]| -> Vec<bool> {
        (0..scored.len())
            .map(|i| gate(g, scored, i, &context, continued[i]))
            .collect()
    };
    let mut accepted = gates(&scored);
    for _ in 0..2 {
        cluster(a, &mut scored, &accepted);
        accepted = gates(&scored);
    }
    scored
        .iter()
        .zip(accepted)
        .filter(|(s, ok)| *ok && !s.cands.is_empty())
        .map(|(s, _)| output(g, a, s, explain))
        .collect()
}

/// The first [`MAX_CANDS`] usable candidates of a mention, scored.
///
/// Skeleton posting lists run to thousands of places worldwide, few of them in a `foreign` country:
/// those are filtered on the record's country field alone before any record is decoded.
fn candidates(g: &Gazetteer, m: &Mention, context: &Context, foreign: &Context) -> Vec<Cand> {
    let skeleton = m.kind == MatchKind::Skeleton;
    m.cands
        .iter()
        .filter_map(|&(idx, flags)| {
            if skeleton {
                let iso = g.index.str_at(g.index.country_field(idx)?, 3);
                foreign.get(iso)?;
            }
            let rec = g.index.record(idx)?;
            let iso = g.index.str_at(rec.country, 3);
            Some(Cand {
                idx,
                flags,
                rec,
                base: base_score(m, &rec, flags, iso, context),
                cluster: 0.0,
            })
        })
        .take(MAX_CANDS)
        .collect()
}

/// Country weights of a document: a handful of `(ISO3, weight)` entries, so a linear scan beats
/// hashing (this is looked up once per candidate).
#[derive(Debug, Default)]
struct Context {
    entries: Vec<(String, f32)>,
}

impl Context {
    fn get(&self, iso: &str) -> Option<&f32> {
        // Byte by byte: the keys are three letters, too short for a `memcmp` call to pay.
        let iso = iso.as_bytes();
        self.entries
            .iter()
            .find(|(k, _)| {
                let k = k.as_bytes();
                k.len() == iso.len() && k.iter().zip(iso).all(|(x, y)| x == y)
            })
            .map(|(_, w)| w)
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Raises the weight of `iso` to at least `w`.
    fn raise(&mut self, iso: &str, w: f32) {
        match self.entries.iter_mut().find(|(k, _)| k == iso) {
            Some((_, e)) => *e = e.max(w),
            None => self.entries.push((iso.to_string(), 0.0f32.max(w))),
        }
    }
}

/// The caller's countries plus countries named in the text (weight 0.5), normalised to max 1.
///
/// Countries are recognised by record index (the country table), and the one-country vote reads
/// only each record's country field and stops at the first disagreement, so long posting lists
/// cost a scan of `u32`s rather than a decode of every record.
fn effective_context(g: &Gazetteer, ctx: &GeoContext, mentions: &[Mention]) -> Context {
    let mut out = Context::default();
    for (iso, w) in &ctx.countries {
        out.raise(&iso.to_ascii_uppercase(), *w);
    }
    for m in mentions.iter().filter(|m| m.kind == MatchKind::Exact) {
        for &(idx, _) in &m.cands {
            if let Some(iso) = g.index.country_iso_of(idx) {
                out.raise(iso, 0.5);
            }
        }
    }
    // Places that can only be in one country vote for it ("عدن" and "أبين" say Yemen).
    for m in mentions.iter().filter(|m| m.kind == MatchKind::Exact && !m.stop) {
        let mut countries = m.cands.iter().filter_map(|&(idx, _)| g.index.country_field(idx));
        let Some(first) = countries.next() else { continue };
        if countries.all(|c| c == first) {
            out.raise(g.index.str_at(first, 3), 0.3);
        }
    }
    let max = out.entries.iter().map(|e| e.1).fold(0.0f32, f32::max);
    if max > 0.0 {
        out.entries.iter_mut().for_each(|(_, w)| *w /= max);
    }
    out
}

fn base_score(m: &Mention, r: &Record, flags: u32, iso: &str, ctx: &Context) -> f32 {
    let mut s = match m.kind {
        MatchKind::Exact => 1.0,
        MatchKind::ArticleStripped => 0.8,
        MatchKind::Skeleton => 0.5,
    };
    if flags & FLAG_CURATED != 0 {
        s += 0.4;
    }
    if flags & FLAG_PRIMARY != 0 {
        s += 0.2;
    }
    match ctx.get(iso) {
        Some(w) => s += 1.2 * w,
        None if !ctx.is_empty() => s -= 0.4,
        None => {}
    }
    s += 0.12 * (r.population as f32 + 1.0).log10();
    s += match (r.kind, m.trigger) {
        (KIND_COUNTRY, _) => 0.6,
        (KIND_ADMIN1, Trigger::Type(TypeKind::Admin)) => 0.9,
        (KIND_ADMIN1, _) => -0.2,
        (_, Trigger::Type(TypeKind::Town)) if r.precision == 1 => 0.4,
        (_, Trigger::Type(TypeKind::Admin)) if r.precision == 2 => 0.5,
        _ => 0.0,
    };
    if crate::format::FEATURES.get(r.feature as usize) == Some(&"PPLC") {
        s += 0.4;
    }
    s
}

fn argmax(c: &[Cand]) -> usize {
    let mut best = 0;
    for (i, x) in c.iter().enumerate() {
        if x.score() > c[best].score() {
            best = i;
        }
    }
    best
}

/// Whether a mention is accepted as a place (see `docs/GEO.md`, "Gates").
fn gate(g: &Gazetteer, s: &[Scored], i: usize, ctx: &Context, continued: bool) -> bool {
    let m = &s[i].m;
    let Some(top) = s[i].cands.get(s[i].top) else {
        return false;
    };
    let typed = matches!(m.trigger, Trigger::Type(_));
    if m.stop && !typed {
        return false;
    }
    let curated = top.flags & FLAG_CURATED != 0;
    let is_country = top.rec.kind == KIND_COUNTRY;
    let nisba =
        m.key.ends_with("يه") || m.key.ends_with('ي') || m.key.ends_with("يين") || m.key.ends_with("يون");
    // "قرى أرمينية": an adjective, not the country; but not "إيران وسورية", "الأردن، السعودية" or
    // "المملكة العربية السعودية" (a name of several words).
    if is_country && m.key.ends_with("يه") && m.adjective_slot && m.list_prev.is_none() && !continued {
        return false;
    }
    if m.kind == MatchKind::ArticleStripped && (nisba || is_country) {
        return false; // "الأرمينية", "السورية"
    }
    let short = m.key.chars().filter(|c| !c.is_whitespace()).count() <= 2;
    if m.key == "ال" || (short && !(typed && (curated || top.rec.kind == KIND_ADMIN1))) {
        return false;
    }
    let iso = g.index.str_at(top.rec.country, 3);
    let weight = ctx.get(iso).copied().unwrap_or(0.0);
    let in_ctx = weight > 0.0;
    let listed = m
        .list_prev
        .is_some_and(|p| s.get(p).is_some_and(|p| p.cands.get(p.top).is_some()))
        || continued;
    let triggered = m.trigger != Trigger::None;
    match m.kind {
        MatchKind::Skeleton => {
            let strong = crate::skeleton::consonants(&crate::skeleton::skeleton(&m.key)) >= 3;
            let foreign = !g.rules.arabic_countries.contains(iso);
            strong && foreign && weight >= 0.5 && (triggered || listed) && !m.stop
        }
        _ if curated || is_country => true,
        _ => {
            triggered
                || listed
                || in_ctx
                || top.rec.population >= BIG_TOWN
                || top.rec.kind == KIND_ADMIN1 && typed
        }
    }
}

/// Proximity bonus: candidates near the current choices of other accepted mentions score higher,
/// most of all within the same sentence or list.
///
/// Every candidate of every mention is compared with every other mention's choice, so the choices are
/// sorted by latitude and only those within [`NEAR_DEGREES`] of a candidate's latitude are measured:
/// a place further north or south than that is more than 120 km away whatever its longitude.
fn cluster(a: &Analysis<'_>, s: &mut [Scored], accepted: &[bool]) {
    let mut tops: Vec<Top> = s
        .iter()
        .zip(accepted)
        .enumerate()
        .filter_map(|(j, (x, ok))| {
            let c = x.cands.get(x.top).filter(|_| *ok)?;
            // Countries say nothing about distance.
            (c.rec.precision < 4).then(|| Top {
                mention: j,
                lat: c.rec.lat,
                lon: c.rec.lon,
                cos: c.rec.lat.to_radians().cos(),
                sentence: sentence_of(a, x.m.tokens.start),
            })
        })
        .collect();
    // A NaN latitude is never near anything (every comparison with it is false): drop it.
    tops.retain(|t| t.lat.is_finite() && t.lon.is_finite());
    tops.sort_by(|x, y| x.lat.total_cmp(&y.lat));
    for (i, x) in s.iter_mut().enumerate() {
        let sent = sentence_of(a, x.m.tokens.start);
        for c in x.cands.iter_mut() {
            c.cluster = bonus(&tops, i, sent, c.rec.lat, c.rec.lon);
        }
        x.top = argmax(&x.cands);
    }
}

/// Degrees of latitude beyond which two places are certainly more than 120 km apart (1.1° of a
/// great circle is 122 km, a margin over float rounding).
const NEAR_DEGREES: f32 = 1.1;

/// The chosen place of an accepted mention, for [`cluster`].
struct Top {
    mention: usize,
    lat: f32,
    lon: f32,
    /// Cosine of the latitude (radians), computed once.
    cos: f32,
    sentence: usize,
}

/// Haversine term `h` of the two points at or beyond which they are certainly more than 120 km
/// apart: `h` for 125 km (distance grows with `h`), so [`bonus`] skips the arc sine for far pairs.
const FAR_H: f32 = 9.6e-5;

/// The best proximity bonus of a candidate at `lat`, `lon` of mention `i` (in sentence `sent`) among
/// `tops` (sorted by latitude).
fn bonus(tops: &[Top], i: usize, sent: usize, lat: f32, lon: f32) -> f32 {
    if !lat.is_finite() {
        return 0.0;
    }
    let from = tops.partition_point(|t| t.lat < lat - NEAR_DEGREES);
    let mut best: f32 = 0.0;
    let cos = lat.to_radians().cos();
    for t in tops[from..].iter().take_while(|t| t.lat <= lat + NEAR_DEGREES) {
        if t.mention == i {
            continue;
        }
        let h = haversine(lat, lon, cos, t.lat, t.lon, t.cos);
        if h >= FAR_H {
            continue; // more than 120 km: no bonus
        }
        let d = arc_km(h);
        let near = if d < 40.0 {
            1.0
        } else if d < 120.0 {
            0.5
        } else {
            0.0
        };
        let w = if t.sentence == sent { 0.8 } else { 0.3 };
        best = best.max(near * w);
        if best >= 0.8 {
            break; // the most any mention can give
        }
    }
    best
}

fn sentence_of(a: &Analysis<'_>, token: usize) -> usize {
    // Sentences are in order and do not overlap.
    let i = a.sentences.partition_point(|s| s.tokens.end <= token);
    match a.sentences.get(i) {
        Some(s) if s.tokens.contains(&token) => i,
        _ => usize::MAX,
    }
}

/// Great-circle distance in km.
#[cfg(test)]
fn km(lat1: f32, lon1: f32, lat2: f32, lon2: f32) -> f32 {
    let (c1, c2) = (lat1.to_radians().cos(), lat2.to_radians().cos());
    arc_km(haversine(lat1, lon1, c1, lat2, lon2, c2))
}

/// The haversine term of two points, given the cosines of their latitudes (in radians).
fn haversine(lat1: f32, lon1: f32, cos1: f32, lat2: f32, lon2: f32, cos2: f32) -> f32 {
    let dp = lat2.to_radians() - lat1.to_radians();
    let dl = (lon2 - lon1).to_radians();
    (dp / 2.0).sin().powi(2) + cos1 * cos2 * (dl / 2.0).sin().powi(2)
}

/// Great-circle distance in km of a haversine term.
fn arc_km(h: f32) -> f32 {
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn output(g: &Gazetteer, a: &Analysis<'_>, s: &Scored, explain: bool) -> (PlaceMatch, Vec<(Place, f32)>) {
    let top = &s.cands[s.top];
    let second = s
        .cands
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            *i != s.top && (c.rec.lat - top.rec.lat).abs() + (c.rec.lon - top.rec.lon).abs() > 0.2
        })
        .map(|(_, c)| c.score())
        .fold(f32::MIN, f32::max);
    let margin = if second == f32::MIN {
        1.5
    } else {
        top.score() - second
    };
    let base = match s.m.kind {
        MatchKind::Exact => 0.9,
        MatchKind::ArticleStripped => 0.75,
        MatchKind::Skeleton => 0.6,
    };
    let confidence = base * (0.5 + 0.5 * (margin / 1.5).clamp(0.0, 1.0));
    let mut place = g.place(top.idx);
    place.text = a.text[s.m.bytes.clone()].to_string();
    place.span = Some(a.index.span(s.m.bytes.clone()));
    place.confidence = Some((confidence * 100.0).round() / 100.0);
    let why = format!(
        "{:?} match of {:?}, trigger {:?}{}, {} candidates, score {:.2} (cluster {:.2}), margin {:.2}",
        s.m.kind,
        s.m.key,
        s.m.trigger,
        if s.m.list_prev.is_some() {
            ", in a list"
        } else {
            ""
        },
        s.cands.len(),
        top.score(),
        top.cluster,
        margin
    );
    let mut explained = Vec::new();
    if explain {
        let mut order: Vec<&Cand> = s.cands.iter().collect();
        order.sort_by(|x, y| y.score().total_cmp(&x.score()));
        explained = order
            .into_iter()
            .take(8)
            .map(|c| (g.place(c.idx), c.score()))
            .collect();
    }
    let m = PlaceMatch {
        bytes: s.m.bytes.clone(),
        place,
        candidates: s.cands.len(),
        why,
    };
    (m, explained)
}

#[cfg(test)]
mod tests {
    use super::km;

    #[test]
    fn distances_are_plausible() {
        let d = km(40.14, 45.30, 40.317, 45.35);
        assert!((15.0..25.0).contains(&d), "{d}");
        assert!(km(0.0, 0.0, 0.0, 0.0) < 1e-3);
    }

    #[test]
    fn far_threshold_is_beyond_120_km() {
        let d = super::arc_km(super::FAR_H);
        assert!((121.0..130.0).contains(&d), "{d}");
    }
}
