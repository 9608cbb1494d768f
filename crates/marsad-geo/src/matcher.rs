//! Finding candidate place mentions in an analysed text: a walk of the exact-name and skeleton maps
//! from each token, with Arabic clitics stripped, multi-word and hyphenated names, and the context
//! words (place-type nouns, prepositions, list conjunctions) the resolver's gates need.

use crate::Gazetteer;
use crate::index::Slice;
use crate::keys::name_key;
use crate::skeleton::skeleton;
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
    /// `(record index, posting flags)`.
    pub cands: Vec<(u32, u32)>,
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
    /// ISO3 codes of countries whose place names are natively Arabic.
    pub arabic_countries: HashSet<String>,
}

impl Rules {
    /// Parses the TSV files compiled into the crate.
    pub fn load() -> Self {
        let triggers_tsv = include_str!("../../../data/geo/triggers.tsv");
        let stop_tsv = include_str!("../../../data/geo/stop-ar.tsv");
        let arabic_tsv = include_str!("../../../data/geo/arabic-countries.tsv");
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
        Rules {
            triggers,
            stop,
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

/// A cursor in an fst.
struct Walk<'f> {
    fst: &'f fst::raw::Fst<Slice>,
    node: fst::raw::Node<'f>,
    out: fst::raw::Output,
}

impl<'f> Walk<'f> {
    fn new(fst: &'f fst::raw::Fst<Slice>) -> Self {
        Walk {
            fst,
            node: fst.root(),
            out: fst::raw::Output::zero(),
        }
    }

    fn feed(&mut self, bytes: &[u8]) -> bool {
        for b in bytes {
            let Some(i) = self.node.find_input(*b) else {
                return false;
            };
            let t = self.node.transition(i);
            self.out = self.out.cat(t.out);
            self.node = self.fst.node(t.addr);
        }
        true
    }

    fn value(&self) -> Option<u64> {
        self.node
            .is_final()
            .then(|| self.out.cat(self.node.final_output()).value())
    }
}

/// Longest match starting with `first` at token `i`; returns (end token, posting offset).
fn longest<'k>(
    fst: &fst::raw::Fst<Slice>,
    a: &Analysis<'_>,
    i: usize,
    first: &str,
    next_key: &dyn Fn(usize) -> Option<Cow<'k, str>>,
) -> Option<(usize, u64)> {
    let mut w = Walk::new(fst);
    if !w.feed(first.as_bytes()) {
        return None;
    }
    let mut best = w.value().map(|v| (i + 1, v));
    let mut k = i + 1;
    while k < a.tokens.len() && k < i + 6 {
        let t = &a.tokens[k];
        if t.kind == TokenKind::Punct && matches!(&a.text[t.bytes.clone()], "-" | "‐") {
            k += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            break;
        }
        let Some(key) = next_key(k) else { break };
        if !w.feed(b" ") || !w.feed(key.as_bytes()) {
            break;
        }
        if let Some(v) = w.value() {
            best = Some((k + 1, v));
        }
        k += 1;
    }
    best
}

/// All candidate mentions, left to right, non-overlapping (longest first).
pub fn find_mentions(g: &Gazetteer, a: &Analysis<'_>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let exact = g.index.exact.as_fst();
    let skel = g.index.skel.as_fst();
    let keys: Vec<String> = a
        .tokens
        .iter()
        .map(|t| name_key(&a.text[t.bytes.clone()]))
        .collect();
    let mut i = 0;
    while i < a.tokens.len() {
        let t = &a.tokens[i];
        let surface = &a.text[t.bytes.clone()];
        let latin = !crate::keys::is_arabic(surface);
        if t.kind != TokenKind::Word || (latin && !surface.chars().next().is_some_and(char::is_uppercase)) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, u64, Form<'_>, MatchKind)> = None;
        let next = |k: usize| Some(Cow::Borrowed(keys[k].as_str()));
        for f in forms(&keys[i]) {
            if let Some((end, v)) = longest(exact, a, i, &f.form, &next) {
                let kind = if f.article {
                    MatchKind::ArticleStripped
                } else {
                    MatchKind::Exact
                };
                if best.as_ref().is_none_or(|b| end > b.0) {
                    best = Some((end, v, f, kind));
                }
            }
        }
        // Skeletons are tried only where a place is expected: after a trigger word or inside a list
        // of places; elsewhere nearly every Arabic word has a skeleton twin somewhere in the world.
        // (Evaluated only when needed: the trigger check reads every clitic reading of the word before.)
        // A trigger word itself (a preposition, a place-type noun) never starts a foreign name: a
        // skeleton walk from "في" would swallow the name after it ("في المانيا").
        let expected = || {
            !g.rules.is_trigger(&keys[i])
                && (g.rules.trigger_before(keys.as_slice(), i) != Trigger::None
                    || out
                        .last()
                        .is_some_and(|p| continues_list(a, &keys, p.tokens.end, i)))
        };
        if best.is_none() && !latin && expected() {
            // Skeletons serve foreign names: never a word with the article ال.
            for f in forms(&keys[i])
                .into_iter()
                .filter(|f| !f.article && !f.form.starts_with("ال"))
            {
                let s = skeleton(&f.form);
                if s.is_empty() {
                    continue;
                }
                // Nor does a foreign name run on over a trigger word ("ضفاف بحيرة تشاد").
                let next = |k: usize| {
                    Some(skeleton(&keys[k]))
                        .filter(|s| !s.is_empty() && !g.rules.is_trigger(&keys[k]))
                        .map(Cow::Owned)
                };
                if let Some((end, v)) = longest(skel, a, i, &s, &next)
                    && best.as_ref().is_none_or(|b| end > b.0)
                {
                    best = Some((end, v, f, MatchKind::Skeleton));
                }
            }
        }
        // A trigger word alone is not a place, whatever its clitic readings spell ("ولاية" read as
        // و + "لاية", a town in Papua New Guinea); "جنوب لبنان" and other longer names still match.
        let Some((end, at, form, kind)) = best.filter(|b| b.0 > i + 1 || !g.rules.is_trigger(&keys[i]))
        else {
            i += 1;
            continue;
        };
        let m = mention(g, a, &keys, i..end, at, &form, kind, &out);
        out.push(m);
        i = end;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn mention(
    g: &Gazetteer,
    a: &Analysis<'_>,
    keys: &[String],
    tokens: Range<usize>,
    at: u64,
    form: &Form<'_>,
    kind: MatchKind,
    prev: &[Mention],
) -> Mention {
    let first = &a.tokens[tokens.start];
    let last = &a.tokens[tokens.end - 1];
    let surface = &a.text[first.bytes.clone()];
    let kt = KeyedText::new(surface);
    let clitic_bytes = kt.origin.get(form.strip).map_or(0, |o| *o as usize);
    let start = first.bytes.start + clitic_bytes;
    let mut key = form.form.to_string();
    for k in &keys[tokens.start + 1..tokens.end] {
        key.push(' ');
        key.push_str(k);
    }
    let trigger = if form.prep {
        Trigger::Prep
    } else {
        g.rules.trigger_before(keys, tokens.start)
    };
    let list_prev = prev.last().and_then(|p| {
        let gap = &a.tokens[p.tokens.end..tokens.start];
        let conj = form.strip > 0 && keys[tokens.start].starts_with('و');
        let comma = gap.len() == 1 && matches!(&a.text[gap[0].bytes.clone()], "،" | ",");
        let and = gap.len() == 1 && matches!(keys[p.tokens.end].as_str(), "and" | "و");
        ((gap.is_empty() && conj) || comma || and).then_some(prev.len() - 1)
    });
    let adjective_slot = form.strip == 0
        && tokens.len() == 1
        && trigger != Trigger::Prep
        && tokens.start.checked_sub(1).is_some_and(|p| {
            let t = &a.tokens[p];
            t.kind == TokenKind::Word && crate::keys::is_arabic(&a.text[t.bytes.clone()]) && keys[p] != "و"
        });
    Mention {
        tokens,
        bytes: start..last.bytes.end,
        cands: g.index.postings(at),
        kind,
        trigger,
        list_prev,
        // A trigger word is never a place itself ("جزيرة", "شرق" are town names somewhere).
        stop: g.rules.stop.contains(&key) || g.rules.triggers.contains_key(&key),
        adjective_slot,
        key,
    }
}

/// Whether token `i` continues a list whose previous item ends at token `end`: right after it with
/// the conjunction و ("غوريس وفاردينيس"), or after a comma or a separate "و"/"and".
fn continues_list(a: &Analysis<'_>, keys: &[String], end: usize, i: usize) -> bool {
    if end == i {
        return keys[i].starts_with('و');
    }
    end + 1 == i
        && (matches!(&a.text[a.tokens[end].bytes.clone()], "،" | ",")
            || matches!(keys[end].as_str(), "and" | "و"))
}

/// Keys of opening quotation marks (`name_key` drops ASCII quotes, leaving an empty key).
fn is_open_quote(key: &str) -> bool {
    matches!(key, "" | "«" | "“" | "„" | "‹")
}

impl Rules {
    /// Whether some clitic reading of `key` is a trigger word (preposition, place-type noun).
    pub fn is_trigger(&self, key: &str) -> bool {
        forms(key)
            .iter()
            .any(|f| self.triggers.contains_key(f.form.as_ref()))
    }

    /// The trigger announced by the token before `i` (any clitic reading of it).
    pub fn trigger_before(&self, keys: &[String], i: usize) -> Trigger {
        // An opening quote between the trigger and the name is skipped: "في منطقة «القفل»".
        let mut p = i.checked_sub(1);
        while let Some(q) = p.filter(|q| *q > 0 && keys.get(*q).is_some_and(|k| is_open_quote(k))) {
            p = Some(q - 1);
        }
        let Some(prev) = p.and_then(|p| keys.get(p)) else {
            return Trigger::None;
        };
        let mut found = Trigger::None;
        for f in forms(prev) {
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
        let keys: Vec<String> = ["في", "قرية", "كوت"].iter().map(|s| name_key(s)).collect();
        assert_eq!(r.trigger_before(&keys, 2), Trigger::Type(TypeKind::Town));
        assert_eq!(r.trigger_before(&keys, 1), Trigger::Prep);
        assert_eq!(r.trigger_before(&keys, 0), Trigger::None);
        let keys: Vec<String> = ["منطقة", "«", "القفل"].iter().map(|s| name_key(s)).collect();
        assert_eq!(r.trigger_before(&keys, 2), Trigger::Type(TypeKind::Admin));
        assert!(r.stop.contains(&name_key("السلام")));
    }
}
