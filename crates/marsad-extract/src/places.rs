//! Event places. Until `marsad-geo` provides the gazetteer, country names that the text uses as
//! locations ("في اليمن") become country-level places; the switch to the geocoder is in this file only.

use crate::actors::Ent;
use marsad_model::{Place, Precision};
use std::ops::Range;

/// Places mentioned in the token range `range` (the event's clause).
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

    #[test]
    fn country_as_place() {
        let a = analyze("جرائم حرب في اليمن", Some(Lang::Ar));
        let ents = find_entities(&a, &Lexicons::load());
        let p = places_in(&ents, &(0..a.tokens.len()));
        assert_eq!(p[0].country.as_deref(), Some("YEM"));
    }
}
