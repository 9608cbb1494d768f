//! The small Arabic clitic grammar the matcher uses to accept a match that starts or ends inside a token.
//!
//! Only two things are allowed: a run of proclitics before the matched stem (conjunction و/ف, then one
//! of the prepositions ب/ل/ك or the future marker س, then the article ال — with ل + ال written لل), and
//! one pronoun suffix after it. Everything works on matching keys (see `marsad_text::normalize_key`).

/// Conjunctions that may open a word.
const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
/// Prepositions (and the future marker) that may follow the conjunction.
const PARTICLES: [&str; 4] = ["ب", "ل", "ك", "س"];
/// Pronoun suffixes a match may leave behind, as keys. The first-person singular ي and the second
/// person ك are left out on purpose: news prose rarely uses them and they collide with nisba endings
/// (الروس + ي) and other stems.
const SUFFIXES: [&str; 7] = ["ه", "ها", "هم", "هما", "هن", "نا", "كم"];

/// Splits a proclitic run (as a key, e.g. `"وب"`, `"لل"`, `"وال"`) into its clitics, or `None` when it
/// is not one. `None` is also returned for the empty string; callers treat "no prefix" separately.
pub(crate) fn split_prefixes(run: &str) -> Option<Vec<&'static str>> {
    if run.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(3);
    let mut rest = run;
    if let Some(c) = CONJUNCTIONS.iter().find(|c| rest.starts_with(**c)) {
        out.push(*c);
        rest = &rest[c.len()..];
    }
    // ل + ال is written لل: the article's alef is not written.
    if rest == "لل" {
        out.extend(["ل", "ال"]);
        return Some(out);
    }
    if let Some(p) = PARTICLES.iter().find(|p| rest.starts_with(**p)) {
        // The future marker never precedes the article.
        if !(*p == "س" && rest.len() > p.len()) {
            out.push(*p);
            rest = &rest[p.len()..];
        }
    }
    if rest == "ال" {
        out.push("ال");
        rest = "";
    }
    rest.is_empty().then_some(out)
}

/// True when `s` is a pronoun suffix the matcher may strip.
pub(crate) fn is_suffix(s: &str) -> bool {
    SUFFIXES.contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_valid_runs() {
        assert_eq!(split_prefixes("و"), Some(vec!["و"]));
        assert_eq!(split_prefixes("وب"), Some(vec!["و", "ب"]));
        assert_eq!(split_prefixes("لل"), Some(vec!["ل", "ال"]));
        assert_eq!(split_prefixes("ولل"), Some(vec!["و", "ل", "ال"]));
        assert_eq!(split_prefixes("وال"), Some(vec!["و", "ال"]));
        assert_eq!(split_prefixes("بال"), Some(vec!["ب", "ال"]));
        assert_eq!(split_prefixes("ال"), Some(vec!["ال"]));
        assert_eq!(split_prefixes("فس"), Some(vec!["ف", "س"]));
    }

    #[test]
    fn rejects_other_runs() {
        assert_eq!(split_prefixes(""), None);
        assert_eq!(split_prefixes("م"), None);
        assert_eq!(split_prefixes("سال"), None);
        assert_eq!(split_prefixes("بب"), None);
        assert_eq!(split_prefixes("الو"), None);
        assert_eq!(split_prefixes("a"), None);
    }

    #[test]
    fn suffixes() {
        assert!(is_suffix("ه"));
        assert!(is_suffix("هم"));
        assert!(!is_suffix("ي"));
        assert!(!is_suffix("ين"));
    }
}
