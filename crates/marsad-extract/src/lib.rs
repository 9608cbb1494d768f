//! Marsad's event coder. The principal type is [`Extractor`]: built once (lexicons, mapping table), it
//! turns an [`InputDoc`] into a [`DocOutput`] with PLOVER events whose every field carries evidence.
//!
//! The pipeline, one module per step: [`detect`] finds trigger phrases and mode words, [`actors`] finds
//! actor mentions, [`args`] assigns actor and recipient per trigger, [`claims`] finds attribution frames
//! and the status, [`casualties`] ties figures to events, [`time`] resolves dates against publication,
//! [`places`] attaches places, [`mapping`] adds ACLED and CAMEO codes, and [`merge`] folds reports of
//! the same event into one. [`code`] puts them together per sentence; [`gate`] then drops ASSAULT and
//! PROTEST events whose sentence the trained classifier (`marsad-classify`) scores too low.

pub mod actors;
pub mod args;
pub mod casualties;
pub mod claims;
pub mod code;
pub mod detect;
pub mod gate;
pub mod lexicons;
pub mod lexmatch;
pub mod mapping;
pub mod merge;
pub mod places;
pub mod time;

use marsad_model::{DateMention, DocOutput, InputDoc, Mention, NumberMention as NumberOut, TextSpan};
use marsad_text::{Analysis, Lang, analyze};
use std::ops::Range;

/// The original words of the tokens `r` with their span (none for an empty range): the evidence of
/// triggers, claim verbs, field spans and date/number mentions.
pub(crate) fn words(a: &Analysis<'_>, r: &Range<usize>) -> Option<TextSpan> {
    let (first, last) = (a.tokens.get(r.start)?, a.tokens.get(r.end.checked_sub(1)?)?);
    let b = first.bytes.start..last.bytes.end;
    Some(TextSpan {
        text: a.text.get(b.clone())?.to_string(),
        span: a.index.span(b),
    })
}

/// Options that change what an extraction writes, not what it finds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Fill each event's `why` with the lexicon entries and rules that made it.
    pub explain: bool,
}

/// The event coder.
#[derive(Debug)]
pub struct Extractor {
    lex: lexicons::Lexicons,
    mapping: mapping::Mapping,
    gate: gate::Gate,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// Builds the coder (compiles the embedded lexicons and the mapping table).
    pub fn new() -> Self {
        Extractor {
            lex: lexicons::Lexicons::load(),
            mapping: mapping::Mapping::load(),
            gate: gate::Gate::shipped(),
        }
    }

    /// This coder with another sentence gate ([`gate::Gate::off`] keeps every rule event;
    /// cross-validation swaps in models trained on other folds).
    pub fn with_gate(mut self, gate: gate::Gate) -> Self {
        self.gate = gate;
        self
    }

    /// Codes one document. `doc.id` must be set by the caller.
    pub fn extract(&self, doc: &InputDoc, opts: Options) -> DocOutput {
        let doc_id = doc.id.clone().unwrap_or_default();
        let mut out = DocOutput::new(doc_id.clone());
        out.title = doc.title.clone();
        out.url = doc.url.clone();
        out.source = doc.source.clone();
        out.published = doc.published.as_deref().and_then(published_date);
        let pubd = out
            .published
            .as_deref()
            .and_then(|p| p.parse::<jiff::civil::Date>().ok());
        let given = doc.lang.as_deref().and_then(Lang::from_code);
        let a = analyze(&doc.text, given);
        out.lang = Some(a.lang.code().to_string());
        let ctx = code::Context::new(&a, &self.lex, &self.mapping, pubd);
        out.events = ctx.events(&doc_id, opts);
        if self.gate.filter(&mut out.events, opts.explain) > 0 {
            for (i, e) in out.events.iter_mut().enumerate() {
                e.id = format!("{doc_id}:e{}", i + 1);
            }
        }
        for e in &ctx.ents {
            out.entities.push(if e.loc {
                Mention::Place(places::places_in(std::slice::from_ref(e), &e.tokens).remove(0))
            } else {
                Mention::Actor(e.entity())
            });
        }
        for g in &ctx.geo {
            out.entities.push(Mention::Place(g.place.clone()));
        }
        for (t, w) in ctx.times.iter().filter_map(|t| Some((t, words(&a, &t.tokens)?))) {
            out.entities.push(Mention::Date(DateMention {
                text: w.text,
                span: w.span,
                value: t.date.clone(),
                time: t.time.clone(),
                tz: t.tz.clone(),
                precision: t.precision,
            }));
        }
        for (n, w) in ctx.nums.iter().filter_map(|n| Some((n, words(&a, &n.tokens)?))) {
            out.entities.push(Mention::Number(NumberOut {
                text: w.text,
                span: w.span,
                value: n.value as f64,
                qualifier: n.qualifier,
                ordinal: false,
            }));
        }
        out
    }
}

/// The `YYYY-MM-DD` date at the start of a publication date or date-time, if it is one.
pub fn published_date(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    jiff::civil::Date::strptime("%Y-%m-%d", d)
        .ok()
        .map(|d| d.to_string())
}
