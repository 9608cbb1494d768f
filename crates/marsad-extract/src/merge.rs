//! One event per category, actor side, recipient side and day (CODING_GUIDE section 1).
//!
//! The coder emits one [`Report`] per trigger; [`merge`] turns them into the document's events:
//! 1. an event whose recipients are several separately named sides is split, one event per side;
//! 2. reports of the same sentence are merged first (a victim noun and the clash it happened in);
//! 3. then reports across the document: same category, compatible status, day, claimant, figure and
//!    sides (see [`same_event`]); background mentions of the same past event are one event;
//! 4. a headline's events fold into the body event they summarise;
//! 5. statements still undated get the publication day.
//!
//! When two reports merge the richer fields win: named entities replace unnamed ones, a figure
//! replaces "unknown", a date replaces none, the most official claimant is kept. The evidence stays
//! the first report's sentence (the sentence gate scores it); `--explain` lists the merged ones.

use marsad_model::{Category, Count, DatePrecision, Entity, Event, Quad, Sector, Status};
use std::collections::BTreeSet;

/// One coded trigger, before merging.
#[derive(Debug, Clone)]
pub struct Report {
    /// The event as coded from its own sentence.
    pub event: Event,
    /// Index of its sentence in the document.
    pub sentence: usize,
    /// A statement with no date of its own: dated to the publication day after merging.
    pub statement: bool,
    /// The sentence is a headline (a one-sentence paragraph without final punctuation).
    pub headline: bool,
    /// The day an undated report most likely happened (the report's news day): it is not merged
    /// with an event dated to another day. Not written to the output.
    pub day_hint: Option<String>,
}

/// The side an entity stands for: an international organisation or NGO by its name, a non-state
/// armed group apart from the state of its country, a state by its country code.
fn side(e: &Entity) -> Option<String> {
    let c = e.country.as_deref().filter(|c| *c != "UNK")?;
    if e.text.is_empty() {
        return None;
    }
    if c == "IGO" || c == "NGO" {
        let name = e.name.clone().unwrap_or_else(|| {
            let key = marsad_text::normalize_key(&e.text);
            let key = key.strip_prefix('و').unwrap_or(&key).to_string();
            key.strip_prefix('ل').map(str::to_string).unwrap_or(key)
        });
        return Some(format!("{c}:{name}"));
    }
    match e.sector {
        Some(Sector::Reb | Sector::Uaf) => Some(format!("{c}:armed")),
        _ => Some(c.to_string()),
    }
}

fn sides(v: &[Entity]) -> BTreeSet<String> {
    v.iter().filter_map(side).collect()
}

fn countries(v: &[Entity]) -> BTreeSet<&str> {
    v.iter()
        .filter(|e| !e.text.is_empty())
        .filter_map(|e| e.country.as_deref())
        .filter(|c| *c != "UNK")
        .collect()
}

/// Sides agree when one report names no side or its sides are among the other's (a side missing
/// from one report is not a conflict).
fn compatible_sides(a: &[Entity], b: &[Entity]) -> bool {
    let (ca, cb) = (sides(a), sides(b));
    ca.is_empty() || cb.is_empty() || ca.is_subset(&cb) || cb.is_subset(&ca)
}

fn claim_country(e: &Event) -> Option<&str> {
    e.claim_by.as_ref().and_then(|c| c.country.as_deref())
}

/// Dates agree when equal or when one is a coarser form of the other ("2020" and "2020-11").
fn compatible_dates(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y || x.starts_with(y.as_str()) || y.starts_with(x.as_str()),
        _ => true,
    }
}

/// Statuses agree when equal, or when an undated report is the same as a background one.
fn compatible_status(k: &Event, e: &Event) -> bool {
    if k.status == e.status {
        return true;
    }
    let undated_asserted = |x: &Event| x.status == Status::Asserted && x.date.is_none();
    (k.status == Status::Historical && undated_asserted(e))
        || (e.status == Status::Historical && undated_asserted(k))
}

/// True when `e` reports the same event as `k`; `same_sentence` when both come from one sentence.
pub fn same_event(k: &Event, e: &Event, same_sentence: bool) -> bool {
    if k.event != e.event || !compatible_status(k, e) || !compatible_dates(&k.date, &e.date) {
        return false;
    }
    let (ck, ce) = (claim_country(k), claim_country(e));
    if ck.is_some() && ce.is_some() && ck != ce {
        return false;
    }
    if let (Some(Count::Number(a)), Some(Count::Number(b))) = (k.dead, e.dead)
        && a != b
    {
        return false;
    }
    let past = k.status == Status::Historical && e.status == Status::Historical;
    if past && k.date.is_some() && e.date.is_some() {
        return true;
    }
    if !compatible_sides(&k.actor, &e.actor) || !compatible_sides(&k.recipient, &e.recipient) {
        return false;
    }
    if same_sentence {
        return true;
    }
    let bare = |x: &Event| sides(&x.actor).is_empty() && sides(&x.recipient).is_empty();
    let shared = |a: &[Entity], b: &[Entity]| !sides(a).is_empty() && sides(a) == sides(b);
    let both_sides_known = shared(&k.actor, &e.actor) || shared(&k.recipient, &e.recipient);
    let same_day = k.date.is_some() && k.date == e.date;
    let same_place = k
        .places
        .iter()
        .any(|p| e.places.iter().any(|q| q.name.is_some() && q.name == p.name));
    both_sides_known || (bare(e) && ((ce.is_some() && ck == ce) || same_day || same_place))
}

/// How official a claimant is: governments and armed forces first.
fn rank(c: &Option<Entity>) -> u8 {
    match c.as_ref().map(|e| e.sector) {
        None => 0,
        Some(Some(Sector::Gov | Sector::Mil)) => 4,
        Some(Some(Sector::Cop | Sector::Jud | Sector::Igo)) => 3,
        Some(None) => 2,
        Some(Some(_)) => 1,
    }
}

/// Adds the entities of `from` not yet in `into`; unnamed stand-ins give way to named entities.
fn union(into: &mut Vec<Entity>, from: &[Entity]) {
    for e in from {
        let dup = into.iter().any(|x| {
            x.text == e.text || (x.country == e.country && x.sector == e.sector && x.country.is_some())
        });
        if !dup {
            into.push(e.clone());
        }
    }
    if into.iter().any(|x| !x.text.is_empty()) {
        into.retain(|x| !x.text.is_empty());
    }
}

/// Confidence of an event reported twice: the better report's, plus a tenth of the other's.
fn corroborated(a: f32, b: f32) -> f32 {
    (a.max(b) + 0.1 * a.min(b)).clamp(0.0, 1.0)
}

/// Merges `e` into `k`.
pub fn absorb(k: &mut Event, e: &Event) {
    union(&mut k.actor, &e.actor);
    union(&mut k.recipient, &e.recipient);
    for p in &e.places {
        if !k.places.iter().any(|x| x.text == p.text) {
            k.places.push(p.clone());
        }
    }
    for m in &e.modes {
        if !k.modes.contains(m) {
            k.modes.push(*m);
        }
    }
    k.modes.sort();
    let finer = |a: &Option<String>, b: &Option<String>| {
        b.as_ref().map_or(0, String::len) > a.as_ref().map_or(0, String::len)
    };
    if finer(&k.date, &e.date) {
        k.date.clone_from(&e.date);
        k.date_precision = e.date_precision;
        k.spans.date.clone_from(&e.spans.date);
    }
    if e.status == Status::Historical && k.status == Status::Asserted {
        k.status = Status::Historical;
        k.spans.status.clone_from(&e.spans.status);
    }
    if k.time.is_none() {
        k.time.clone_from(&e.time);
        k.tz.clone_from(&e.tz);
        k.spans.time.clone_from(&e.spans.time);
    }
    if k.dead.is_none() || (k.dead == Some(Count::UNKNOWN) && e.dead.is_some_and(|d| d.number().is_some())) {
        k.dead = e.dead;
        k.dead_qualifier = e.dead_qualifier;
        k.spans.dead.clone_from(&e.spans.dead);
    }
    if k.injured.is_none() {
        k.injured = e.injured;
        k.injured_qualifier = e.injured_qualifier;
        k.spans.injured.clone_from(&e.spans.injured);
    }
    if rank(&e.claim_by) > rank(&k.claim_by) {
        k.claim_by.clone_from(&e.claim_by);
        k.claim_verb.clone_from(&e.claim_verb);
    }
    k.confidence = corroborated(k.confidence, e.confidence);
    if !e.why.is_empty() {
        let t = e.trigger.as_ref().map_or("", |t| t.text.as_str());
        let at = e
            .sentence
            .map(|s| format!(" in sentence {}..{}", s.start, s.end))
            .unwrap_or_default();
        k.why.push(format!(
            "merged with the report of {t:?}{at}: same category, sides and day"
        ));
        k.why.extend(e.why.iter().cloned());
    }
}

/// One event per recipient side when a (non-violent) event names several separately: a call with
/// two presidents is two CONSULT events. Attacks keep their victims together.
fn split_recipients(r: Report) -> Vec<Report> {
    let e = &r.event;
    let material = e.event.quad() == Quad::MaterialConflict;
    let named: Vec<&Entity> = e.recipient.iter().filter(|x| side(x).is_some()).collect();
    let distinct: BTreeSet<String> = named.iter().filter_map(|x| side(x)).collect();
    if material || distinct.len() < 2 {
        return vec![r];
    }
    distinct
        .into_iter()
        .map(|s| {
            let mut part = r.clone();
            part.event
                .recipient
                .retain(|x| side(x).as_deref() == Some(s.as_str()));
            part
        })
        .collect()
}

/// Similarity of two evidence texts: the share of words they have in common (a repeated sentence
/// scores near 1).
fn overlap(a: &str, b: &str) -> f32 {
    let words =
        |s: &str| -> BTreeSet<String> { s.split_whitespace().map(marsad_text::normalize_key).collect() };
    let (x, y) = (words(a), words(b));
    let union = x.union(&y).count();
    if union == 0 {
        return 0.0;
    }
    x.intersection(&y).count() as f32 / union as f32
}

/// Folds `reports` into `kept` with [`same_event`], sentence by sentence or across the document;
/// among several matching events the one whose evidence reads most alike wins.
fn fold(reports: Vec<Report>, by_sentence: bool) -> Vec<Report> {
    let mut kept: Vec<Report> = Vec::new();
    for r in reports {
        let found = kept
            .iter_mut()
            .filter(|k| {
                let same = k.sentence == r.sentence;
                let day = |x: &Report| x.event.date.clone().or_else(|| x.day_hint.clone());
                (!by_sentence || same)
                    && compatible_dates(&day(k), &day(&r))
                    && same_event(&k.event, &r.event, same)
            })
            .map(|k| (overlap(&k.event.evidence, &r.event.evidence), k))
            .fold(None, |best: Option<(f32, &mut Report)>, (s, k)| match best {
                Some((b, _)) if b >= s => best,
                _ => Some((s, k)),
            })
            .map(|(_, k)| k);
        match found {
            Some(k) => {
                absorb(&mut k.event, &r.event);
                k.statement &= r.statement;
                k.headline &= r.headline;
            }
            None => kept.push(r),
        }
    }
    kept
}

/// Merges within sentences, then across the document until nothing more merges.
fn fold_all(reports: Vec<Report>) -> Vec<Report> {
    let mut kept = fold(reports, true);
    loop {
        let n = kept.len();
        kept = fold(kept, false);
        if kept.len() == n {
            return kept;
        }
    }
}

/// A headline event restates a body event of its category that shares a side with it.
fn summarised_by(h: &Event, body: &Event) -> bool {
    let (ha, ba) = (countries(&h.actor), countries(&body.actor));
    h.event == body.event && (ha.is_empty() || !ha.is_disjoint(&ba))
}

/// Merges the reports of one document into its events, in order of first mention.
pub fn merge(reports: Vec<Report>, published: Option<&str>) -> Vec<Event> {
    let split: Vec<Report> = reports.into_iter().flat_map(split_recipients).collect();
    let (heads, body): (Vec<Report>, Vec<Report>) = split.into_iter().partition(|r| r.headline);
    let body = fold_all(body);
    let heads: Vec<Report> = fold_all(heads)
        .into_iter()
        .filter(|h| !body.iter().any(|b| summarised_by(&h.event, &b.event)))
        .collect();
    let mut kept = heads;
    kept.extend(body);
    kept.sort_by_key(|r| r.sentence);
    kept.into_iter()
        .map(|mut r| {
            if r.statement && r.event.date.is_none() && r.event.status != Status::Historical {
                r.event.date = published.map(str::to_string);
                r.event.date_precision = r.event.date.as_ref().map(|_| DatePrecision::Day);
            }
            r.event
        })
        .collect()
}

/// True for categories that are statements (verbal cooperation or conflict).
pub fn is_statement(c: Category) -> bool {
    matches!(c.quad(), Quad::VerbalCooperation | Quad::VerbalConflict)
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::{Category, Span};

    fn ent(country: &str, text: &str, sector: Option<Sector>) -> Entity {
        Entity {
            text: text.into(),
            country: Some(country.into()),
            sector,
            ..Entity::default()
        }
    }

    fn ev(actor: &str, claim: Option<(&str, Sector)>, sentence: usize) -> Report {
        let mut e = Event::new("d:e", Category::Assault);
        e.actor.push(ent(actor, actor, None));
        e.sentence = Some(Span::new(sentence, sentence + 1));
        e.claim_by = claim.map(|(c, s)| ent(c, c, Some(s)));
        Report {
            event: e,
            sentence,
            statement: false,
            headline: false,
            day_hint: None,
        }
    }

    #[test]
    fn same_sides_merge_keeping_official_claim() {
        let a = ev("AZE", Some(("ARM", Sector::Jrn)), 1);
        let b = ev("AZE", Some(("ARM", Sector::Gov)), 5);
        let out = merge(vec![a, b], None);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].claim_by.as_ref().and_then(|c| c.sector), Some(Sector::Gov));
    }

    #[test]
    fn contested_claims_stay_apart() {
        let a = ev("AZE", Some(("ARM", Sector::Gov)), 1);
        let b = ev("AZE", Some(("AZE", Sector::Gov)), 5);
        assert_eq!(merge(vec![a, b], None).len(), 2);
    }

    #[test]
    fn two_organisations_are_two_sides() {
        let mut a = ev("ARM", None, 1);
        a.event.event = Category::Request;
        a.event.recipient = vec![ent("IGO", "منظمة معاهدة الأمن الجماعي", None)];
        let mut b = ev("ARM", None, 2);
        b.event.event = Category::Request;
        b.event.recipient = vec![ent("IGO", "لمجلس الأمن الدولي", None)];
        assert_eq!(merge(vec![a, b], None).len(), 2);
    }

    #[test]
    fn several_recipients_split_and_statements_get_the_day() {
        let mut a = ev("ARM", None, 1);
        a.event.event = Category::Consult;
        a.event.recipient = vec![ent("FRA", "ماكرون", None), ent("USA", "بلينكين", None)];
        a.statement = true;
        let out = merge(vec![a], Some("2022-09-13"));
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].date.as_deref(), Some("2022-09-13"));
    }

    #[test]
    fn undated_report_joins_its_dated_background_mention() {
        let a = ev("RUS", None, 1);
        let mut b = ev("RUS", None, 2);
        b.event.date = Some("2020-11".into());
        b.event.status = Status::Historical;
        let out = merge(vec![a, b], Some("2022-09-13"));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].status, Status::Historical);
        assert_eq!(out[0].date.as_deref(), Some("2020-11"));
    }

    #[test]
    fn headline_folds_into_the_body() {
        let mut h = ev("AZE", None, 0);
        h.headline = true;
        let mut b = ev("AZE", None, 3);
        b.event.recipient = vec![ent("ARM", "أرمينيا", None)];
        h.event.recipient = vec![ent("RUS", "بوتين", None)];
        let out = merge(vec![h, b], None);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].recipient[0].country.as_deref(), Some("ARM"));
    }

    #[test]
    fn corroboration_raises_confidence_within_bounds() {
        assert!((corroborated(0.5, 0.4) - 0.54).abs() < 1e-6);
        assert!(corroborated(0.95, 0.9) <= 1.0);
    }

    #[test]
    fn unnamed_stand_ins_give_way() {
        let mut a = ev("ARM", None, 1);
        a.event.actor = vec![ent("ARM", "", Some(Sector::Uaf))];
        let b = ev("AZE", None, 1);
        let out = merge(vec![a, b], None);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].actor.len(), 1);
        assert_eq!(out[0].actor[0].country.as_deref(), Some("AZE"));
    }
}
