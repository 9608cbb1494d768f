//! Finding candidate place mentions in an analysed text: a walk of the exact-name and skeleton maps
//! from each token, with Arabic clitics stripped, multi-word and hyphenated names, and the context
//! words (place-type nouns, prepositions, list conjunctions) the resolver's gates need.

use crate::Gazetteer;
use crate::index::Slice;
use crate::keys::{TokenKeys, name_key};
use crate::skeleton::skeleton;
use crate::walks::{self, Alive, Cache, FormAt, Walk};
use marsad_text::{Analysis, KeyedText, TokenKind};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What announces a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Nothing.
    None,
    /// A locative preposition or direction word, or the clitic ب.
    Prep,
    /// A place-type noun; the kind says which.
    Type(TypeKind),
}

/// Kinds of place-type nouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeKind {
    /// Province, district, region.
    Admin,
    /// Village, town, city, neighbourhood.
    Town,
    /// Lake, island.
    Water,
    /// Port, airport.
    Site,
}

/// How the mention matched the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// A name key, as written (clitics aside).
    Exact,
    /// A name key after removing the article ال.
    ArticleStripped,
    /// A transliteration skeleton.
    Skeleton,
}

/// A candidate mention before resolution.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Token indices covered.
    pub tokens: Range<usize>,
    /// Byte range in the original text.
    pub bytes: Range<usize>,
    /// Offset of the posting list (see [`crate::index::Index::postings`]).
    pub postings: u64,
    /// How it matched.
    pub kind: MatchKind,
    /// What precedes it.
    pub trigger: Trigger,
    /// Index of the previous mention when this one continues a list ("غوريس وفاردينيس").
    pub list_prev: Option<usize>,
    /// The matched key.
    pub key: String,
    /// Whether the matched key is on the stop list.
    pub stop: bool,
    /// Whether the mention could be an adjective: one word without proclitics, right after an
    /// Arabic word that is neither a preposition nor the conjunction و ("قرى أرمينية").
    pub adjective_slot: bool,
}

/// Trigger words and the stop list, from `data/geo/`.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    triggers: HashMap<String, Trigger>,
    stop: HashSet<String>,
    /// Arabic word forms common in news (`data/geo/common-ar.tsv`): never a transliterated name.
    common: HashSet<String>,
    /// ISO3 codes of countries whose place names are natively Arabic.
    pub arabic_countries: HashSet<String>,
}

impl Rules {
    /// Parses the TSV files compiled into the crate.
    pub fn load() -> Self {
        let triggers_tsv = include_str!("../../../data/geo/triggers.tsv");
        let stop_tsv = include_str!("../../../data/geo/stop-ar.tsv");
        let arabic_tsv = include_str!("../../../data/geo/arabic-countries.tsv");
        let common_tsv = include_str!("../../../data/geo/common-ar.tsv");
        let data = |t: &'static str| t.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).skip(1);
        let mut triggers = HashMap::new();
        for l in data(triggers_tsv) {
            let mut f = l.split('\t');
            let (Some(w), Some(k)) = (f.next(), f.next()) else {
                continue;
            };
            let t = match k.trim() {
                "admin" => Trigger::Type(TypeKind::Admin),
                "town" => Trigger::Type(TypeKind::Town),
                "water" => Trigger::Type(TypeKind::Water),
                "site" => Trigger::Type(TypeKind::Site),
                _ => Trigger::Prep,
            };
            triggers.insert(name_key(w), t);
        }
        let stop = data(stop_tsv).map(|l| name_key(l.trim())).collect();
        let arabic_countries = data(arabic_tsv).map(|l| l.trim().to_string()).collect();
        let common = data(common_tsv)
            .filter_map(|l| l.split('\t').next())
            .map(|w| w.trim().to_string())
            .collect();
        Rules {
            triggers,
            stop,
            common,
            arabic_countries,
        }
    }
}

/// One way to read a token: `strip` key bytes of clitics removed, the rest is `form` (borrowed from
/// the token's key except for the ل + ال contraction).
#[derive(Debug, Clone)]
struct Form<'k> {
    strip: usize,
    form: Cow<'k, str>,
    article: bool,
    prep: bool,
}

/// Readings of an Arabic token key with its proclitics removed: و or ف, then ب ل or ك, then ال.
fn forms(key: &str) -> Vec<Form<'_>> {
    let whole = Form {
        strip: 0,
        form: Cow::Borrowed(key),
        article: false,
        prep: false,
    };
    if !crate::keys::is_arabic(key) {
        return vec![whole];
    }
    let mut stage = vec![whole];
    if let Some(rest) = strip_one(key, &['و', 'ف']) {
        stage.push(Form {
            strip: 2,
            form: Cow::Borrowed(rest),
            article: false,
            prep: false,
        });
    }
    let mut out = Vec::with_capacity(12);
    out.extend(stage.iter().cloned());
    for f in &stage {
        // Every stage form borrows from `key`.
        let Cow::Borrowed(form) = f.form else { continue };
        if let Some(rest) = strip_one(form, &['ب', 'ل', 'ك']) {
            let is_b = form.starts_with('ب');
            out.push(Form {
                strip: f.strip + 2,
                form: Cow::Borrowed(rest),
                article: false,
                prep: is_b,
            });
            // ل + ال contracts to لل: "للعراق" is ل + العراق.
            if form.starts_with("لل") {
                out.push(Form {
                    strip: f.strip + 2,
                    form: Cow::Owned(format!("ا{rest}")),
                    article: false,
                    prep: false,
                });
            }
        }
    }
    for j in 0..out.len() {
        let f = &out[j];
        let form: Cow<'_, str> = match &f.form {
            Cow::Borrowed(b) => match article_stem(b) {
                Some(stem) => Cow::Borrowed(stem),
                None => continue,
            },
            Cow::Owned(o) => match article_stem(o) {
                Some(stem) => Cow::Owned(stem.to_string()),
                None => continue,
            },
        };
        let article = Form {
            strip: f.strip + 4,
            form,
            article: true,
            prep: f.prep,
        };
        out.push(article);
    }
    out
}

/// `s` without the article ال when at least two chars remain.
fn article_stem(s: &str) -> Option<&str> {
    s.strip_prefix("ال").filter(|s| s.chars().count() >= 2)
}

/// `s` without its first char when that char is one of `set` and at least two chars remain.
fn strip_one<'s>(s: &'s str, set: &[char]) -> Option<&'s str> {
    let mut chars = s.chars();
    let c = chars.next()?;
    let rest = chars.as_str();
    (set.contains(&c) && rest.chars().count() >= 2).then_some(rest)
}

/// Longest match at token `i` from a live walk of its first word, ending where `accept` allows;
/// returns (end token, posting offset).
fn longest<'k>(
    fst: &fst::raw::Fst<Slice>,
    a: &Analysis<'_>,
    i: usize,
    alive: &Alive,
    next_key: &dyn Fn(usize) -> Option<Cow<'k, str>>,
    accept: &dyn Fn(usize) -> bool,
) -> Option<(usize, u64)> {
    let mut best = alive.value.filter(|_| accept(i + 1)).map(|v| (i + 1, v));
    // Most walks end here: no name continues with a space.
    let Some(space) = alive.space else {
        return best;
    };
    let mut w = Walk::resume(fst, space);
    let mut fed_space = true;
    let mut k = i + 1;
    while k < a.tokens.len() && k < i + 6 {
        let t = &a.tokens[k];
        if t.kind == TokenKind::Punct && matches!(&a.text[t.bytes.clone()], "-" | "‐") {
            k += 1;
            continue;
        }
        if t.kind != TokenKind::Word || !(fed_space || w.feed(b" ")) {
            break;
        }
        fed_space = false;
        let Some(key) = next_key(k) else { break };
        if !w.feed(key.as_bytes()) {
            break;
        }
        if let Some(v) = w.value().filter(|_| accept(k + 1)) {
            best = Some((k + 1, v));
        }
        k += 1;
    }
    best
}

/// The live exact-map walks of the readings of `key`.
fn exact_walks(fst: &fst::raw::Fst<Slice>, key: &str) -> Vec<Alive> {
    forms(key)
        .into_iter()
        .filter_map(|f| {
            let at = FormAt::of(key, f.strip, &f.form, f.article, f.prep);
            Alive::walk(fst, at, &f.form)
        })
        .collect()
}

/// The live skeleton-map walks of the readings of `key`. Skeletons serve foreign names: never a
/// reading with the article ال, nor a common Arabic word form (the key itself or the reading).
fn skeleton_walks(fst: &fst::raw::Fst<Slice>, rules: &Rules, key: &str) -> Vec<Alive> {
    if rules.common.contains(key) {
        return Vec::new();
    }
    forms(key)
        .into_iter()
        .filter(|f| !f.article && !f.form.starts_with("ال") && !rules.common.contains(f.form.as_ref()))
        .filter_map(|f| {
            let s = skeleton(&f.form);
            if s.is_empty() {
                return None;
            }
            let at = FormAt::of(key, f.strip, &f.form, f.article, f.prep);
            Alive::walk(fst, at, &s)
        })
        .collect()
}

/// A match at a token: end token, posting offset, reading, kind.
type Found = (usize, u64, FormAt, MatchKind);

/// Whether token `k` can start a name: `Some(latin)` for an Arabic word or a capitalised Latin one.
fn name_word(a: &Analysis<'_>, k: usize) -> Option<bool> {
    let t = a.tokens.get(k)?;
    let surface = a.text.get(t.bytes.clone())?;
    let latin = !crate::keys::is_arabic(surface);
    let capital = surface.chars().next().is_some_and(char::is_uppercase);
    (t.kind == TokenKind::Word && (!latin || capital)).then_some(latin)
}

/// The longest exact (or article-stripped) name at token `i`; on a tie, the first reading.
fn exact_at(g: &Gazetteer, a: &Analysis<'_>, keys: &TokenKeys, cache: &mut Cache, i: usize) -> Option<Found> {
    let exact = g.index.exact.as_fst();
    let key = keys.get(i);
    let next = |k: usize| Some(Cow::Borrowed(keys.get(k)));
    let mut best: Option<Found> = None;
    for w in cache
        .entry(key)
        .exact
        .get_or_insert_with(|| exact_walks(exact, key))
        .iter()
    {
        if let Some((end, v)) = longest(exact, a, i, w, &next, &|_| true) {
            let kind = if w.form.article {
                MatchKind::ArticleStripped
            } else {
                MatchKind::Exact
            };
            if best.as_ref().is_none_or(|b| end > b.0) {
                best = Some((end, v, w.form, kind));
            }
        }
    }
    best
}

/// The longest skeleton (transliterated) name at token `i`; on a tie, the first reading.
///
/// A skeleton name of several words never cuts an exact name in two: it may not end inside an
/// exact name that starts after its first word ("ضفاف | بحيرة تشاد").
fn skeleton_at(
    g: &Gazetteer,
    a: &Analysis<'_>,
    keys: &TokenKeys,
    cache: &mut Cache,
    i: usize,
) -> Option<Found> {
    let skel = g.index.skel.as_fst();
    let key = keys.get(i);
    let walks = |cache: &mut Cache| -> Vec<Alive> {
        // Rebuilt if the cache was emptied meanwhile, so results never depend on its state.
        let e = cache.entry(key);
        e.skeleton
            .get_or_insert_with(|| skeleton_walks(skel, &g.rules, key))
            .clone()
    };
    let alive = walks(cache);
    let mut exact_end = [None; 5];
    if alive.iter().any(|w| w.space.is_some()) {
        for (j, e) in exact_end.iter_mut().enumerate() {
            let k = i + 1 + j;
            *e = name_word(a, k)
                .and_then(|_| exact_at(g, a, keys, cache, k))
                .map(|f| f.0);
        }
    }
    let whole = |end: usize| {
        (i + 1..end).all(|k| {
            exact_end
                .get(k - i - 1)
                .copied()
                .flatten()
                .is_none_or(|e| e <= end)
        })
    };
    // Nor does a foreign name run on over a trigger word ("ضفاف بحيرة تشاد").
    let next = |k: usize| {
        Some(skeleton(keys.get(k)))
            .filter(|s| !s.is_empty() && g.rules.trigger_of(keys.get(k)) == Trigger::None)
            .map(Cow::Owned)
    };
    let mut best: Option<Found> = None;
    for w in &alive {
        if let Some((end, v)) = longest(skel, a, i, w, &next, &whole)
            && best.as_ref().is_none_or(|b| end > b.0)
        {
            best = Some((end, v, w.form, MatchKind::Skeleton));
        }
    }
    best
}

/// The trigger token `k` is (any clitic reading of it), cached per key.
fn trigger_at(rules: &Rules, cache: &mut Cache, keys: &TokenKeys, k: usize) -> Trigger {
    let key = keys.get(k);
    let e = cache.entry(key);
    *e.trigger.get_or_insert_with(|| rules.trigger_of(key))
}

/// The trigger announced by the token before `i`; an opening quote between the trigger and the
/// name is skipped ("في منطقة «القفل»").
fn trigger_before(rules: &Rules, cache: &mut Cache, keys: &TokenKeys, i: usize) -> Trigger {
    let mut p = i.checked_sub(1);
    while let Some(q) = p.filter(|q| *q > 0 && is_open_quote(keys.get(*q))) {
        p = Some(q - 1);
    }
    match p {
        Some(p) => trigger_at(rules, cache, keys, p),
        None => Trigger::None,
    }
}

/// Whether token `i` continues a list whose previous item ends at token `end`: right after it with
/// the conjunction و ("غوريس وفاردينيس"), or after a comma or a separate "و"/"and".
fn continues_list(a: &Analysis<'_>, keys: &TokenKeys, end: usize, i: usize) -> bool {
    if end == i {
        return keys.get(i).starts_with('و');
    }
    end + 1 == i
        && (matches!(a.text.get(a.tokens[end].bytes.clone()), Some("،" | ","))
            || matches!(keys.get(end), "and" | "و"))
}

/// Keys of opening quotation marks (`name_key` drops ASCII quotes, leaving an empty key).
fn is_open_quote(key: &str) -> bool {
    matches!(key, "" | "«" | "“" | "„" | "‹")
}

/// All candidate mentions, left to right, non-overlapping (longest first).
pub fn find_mentions(g: &Gazetteer, a: &Analysis<'_>) -> Vec<Mention> {
    let keys = TokenKeys::new(a);
    walks::with_cache(g.cache_owner, |cache| scan(g, a, &keys, cache))
}

fn scan(g: &Gazetteer, a: &Analysis<'_>, keys: &TokenKeys, cache: &mut Cache) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < a.tokens.len() {
        let Some(latin) = name_word(a, i) else {
            i += 1;
            continue;
        };
        let mut best = exact_at(g, a, keys, cache, i);
        // Skeletons are tried only where a place is expected: after a trigger word or inside a list
        // of places; elsewhere nearly every Arabic word has a skeleton twin somewhere in the world.
        // A trigger word itself (a preposition, a place-type noun) never starts a foreign name: a
        // skeleton walk from "في" would swallow the name after it ("في المانيا").
        let is_trigger = trigger_at(&g.rules, cache, keys, i) != Trigger::None;
        if best.is_none()
            && !latin
            && !is_trigger
            && (trigger_before(&g.rules, cache, keys, i) != Trigger::None
                || out
                    .last()
                    .is_some_and(|p| continues_list(a, keys, p.tokens.end, i)))
        {
            best = skeleton_at(g, a, keys, cache, i);
        }
        // A trigger word alone is not a place, whatever its clitic readings spell ("ولاية" read as
        // و + "لاية", a town in Papua New Guinea); "جنوب لبنان" and other longer names still match.
        let Some((end, at, form, kind)) = best.filter(|b| b.0 > i + 1 || !is_trigger) else {
            i += 1;
            continue;
        };
        let trigger = if form.prep {
            Trigger::Prep
        } else {
            trigger_before(&g.rules, cache, keys, i)
        };
        let m = mention(g, a, keys, i..end, at, &form, kind, trigger, &out);
        out.push(m);
        i = end;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn mention(
    g: &Gazetteer,
    a: &Analysis<'_>,
    keys: &TokenKeys,
    tokens: Range<usize>,
    at: u64,
    form: &FormAt,
    kind: MatchKind,
    trigger: Trigger,
    prev: &[Mention],
) -> Mention {
    let first = &a.tokens[tokens.start];
    let last = &a.tokens[tokens.end - 1];
    let surface = &a.text[first.bytes.clone()];
    let kt = KeyedText::new(surface);
    let clitic_bytes = kt.origin.get(form.strip).map_or(0, |o| *o as usize);
    let start = first.bytes.start + clitic_bytes;
    let mut key = form.text(keys.get(tokens.start)).into_owned();
    for k in tokens.start + 1..tokens.end {
        key.push(' ');
        key.push_str(keys.get(k));
    }
    let list_prev = prev.last().and_then(|p| {
        let gap = &a.tokens[p.tokens.end..tokens.start];
        let conj = form.strip > 0 && keys.get(tokens.start).starts_with('و');
        let comma = gap.len() == 1 && matches!(&a.text[gap[0].bytes.clone()], "،" | ",");
        let and = gap.len() == 1 && matches!(keys.get(p.tokens.end), "and" | "و");
        ((gap.is_empty() && conj) || comma || and).then_some(prev.len() - 1)
    });
    let adjective_slot = form.strip == 0
        && tokens.len() == 1
        && trigger != Trigger::Prep
        && tokens.start.checked_sub(1).is_some_and(|p| {
            let t = &a.tokens[p];
            t.kind == TokenKind::Word
                && crate::keys::is_arabic(&a.text[t.bytes.clone()])
                && keys.get(p) != "و"
        });
    Mention {
        tokens,
        bytes: start..last.bytes.end,
        postings: at,
        kind,
        trigger,
        list_prev,
        // A trigger word is never a place itself ("جزيرة", "شرق" are town names somewhere).
        stop: g.rules.stop.contains(&key) || g.rules.triggers.contains_key(&key),
        adjective_slot,
        key,
    }
}

impl Rules {
    /// The trigger a token with this key announces (any clitic reading of it).
    pub fn trigger_of(&self, key: &str) -> Trigger {
        let mut found = Trigger::None;
        for f in forms(key) {
            match self.triggers.get(f.form.as_ref()) {
                Some(t @ Trigger::Type(_)) => return *t,
                Some(Trigger::Prep) => found = Trigger::Prep,
                _ => {}
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_strip_clitics_and_article() {
        let f: Vec<String> = forms("وبالعراق")
            .into_iter()
            .map(|f| f.form.into_owned())
            .collect();
        assert!(f.contains(&"العراق".to_string()), "{f:?}");
        assert!(f.contains(&"عراق".to_string()), "{f:?}");
        let f: Vec<String> = forms("للعراق").into_iter().map(|f| f.form.into_owned()).collect();
        assert!(f.contains(&"العراق".to_string()), "{f:?}");
        assert_eq!(forms("Aden").len(), 1);
    }

    #[test]
    fn rules_load_and_find_triggers() {
        let r = Rules::load();
        assert_eq!(r.trigger_of(&name_key("قرية")), Trigger::Type(TypeKind::Town));
        assert_eq!(r.trigger_of(&name_key("وفي")), Trigger::Prep);
        assert_eq!(r.trigger_of(&name_key("كوت")), Trigger::None);
        let a = marsad_text::analyze("في منطقة «القفل»", Some(marsad_text::Lang::Ar));
        let keys = TokenKeys::new(&a);
        let name = (0..a.tokens.len())
            .find(|&k| keys.get(k) == name_key("القفل"))
            .expect("the name is a token");
        let mut cache = Cache::default();
        assert_eq!(
            trigger_before(&r, &mut cache, &keys, name),
            Trigger::Type(TypeKind::Admin)
        );
        assert_eq!(trigger_before(&r, &mut cache, &keys, 1), Trigger::Prep);
        assert_eq!(trigger_before(&r, &mut cache, &keys, 0), Trigger::None);
        assert!(r.stop.contains(&name_key("السلام")));
        assert!(r.common.contains(&name_key("ذلك")));
    }
}
