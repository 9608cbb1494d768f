//! Checks of the shipped lexicon files (order, keys, codes) and of matching on the seed article.

use marsad_lexicon::{
    ActorKind, CueKind, Frame, Lexicon, Row, Stance, TimeKind, TimeValue, actors, agents, cues, reporting,
    time_words, try_actors, try_agents, try_cues, try_reporting, try_time_words,
};
use marsad_model::Sector;
use marsad_text::{analyze, normalize_key};
use std::collections::HashSet;
use std::path::PathBuf;

const FILES: [&str; 5] = [
    "actors.tsv",
    "agents.tsv",
    "reporting.tsv",
    "cues.tsv",
    "time.tsv",
];

fn data_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lexicons"))
}

fn body(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(data_dir().join(file)).expect("lexicon file is readable");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_lexicon_loads() {
    assert!(try_actors().is_ok(), "{:?}", try_actors().err());
    assert!(try_agents().is_ok(), "{:?}", try_agents().err());
    assert!(try_reporting().is_ok(), "{:?}", try_reporting().err());
    assert!(try_cues().is_ok(), "{:?}", try_cues().err());
    assert!(try_time_words().is_ok(), "{:?}", try_time_words().err());
    assert!(actors().len() > 1000);
    assert!(agents().len() > 300);
}

#[test]
fn files_have_headers_and_are_sorted_with_unique_stable_keys() {
    for file in FILES {
        let text = std::fs::read_to_string(data_dir().join(file)).expect("lexicon file is readable");
        let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        let joined = header.join("\n").to_lowercase();
        assert!(joined.contains("source"), "{file}: header names no source");
        assert!(joined.contains("licence"), "{file}: header names no licence");
        let keys: Vec<String> = body(file)
            .iter()
            .map(|l| normalize_key(l.split('\t').next().unwrap_or_default()))
            .collect();
        for w in keys.windows(2) {
            assert!(
                w[0] < w[1],
                "{file}: {:?} before {:?} (unsorted or duplicate)",
                w[0],
                w[1]
            );
        }
        for k in &keys {
            assert_eq!(
                &normalize_key(k),
                k,
                "{file}: key {k:?} is not stable under normalisation"
            );
        }
    }
}

#[test]
fn country_codes_are_iso3_or_special() {
    let fixture = include_str!("fixtures/iso3.txt");
    let mut codes: HashSet<&str> = fixture.lines().filter(|l| !l.starts_with('#')).collect();
    codes.extend(["IGO", "NGO", "UNK"]);
    assert!(codes.contains("ARM") && codes.contains("YEM"));
    for (key, a) in actors().entries() {
        if let Some(c) = &a.country {
            assert!(
                codes.contains(c.as_str()),
                "actors.tsv: {key:?} has unknown country {c}"
            );
        }
        if let (Some(from), Some(to)) = (a.valid_from, a.valid_to) {
            assert!(from <= to, "actors.tsv: {key:?} ends before it starts");
        }
    }
}

#[test]
fn typed_rows_hold_what_the_files_say() {
    let pashinyan = actors().get("باشينيان").expect("باشينيان is listed");
    assert_eq!(
        (pashinyan.country.as_deref(), pashinyan.sector),
        (Some("ARM"), Some(Sector::Gov))
    );
    assert_eq!(pashinyan.kind, ActorKind::Person);
    let baku = actors().get("باكو").expect("باكو is listed");
    assert_eq!(
        (baku.country.as_deref(), baku.sector),
        (Some("AZE"), Some(Sector::Gov))
    );
    let csto = actors().get("منظمة معاهدة الأمن الجماعي").expect("CSTO is listed");
    assert_eq!(csto.country.as_deref(), Some("IGO"));
    let houthis = actors().get("الحوثيين").expect("Houthis are listed");
    assert_eq!(
        (houthis.country.as_deref(), houthis.sector),
        (Some("YEM"), Some(Sector::Reb))
    );
    assert_eq!(actors().get("داعش").and_then(|a| a.country.clone()), None);
    assert_eq!(agents().get("الجيش").map(|a| a.sector), Some(Sector::Mil));
    assert_eq!(agents().get("المدنيين").map(|a| a.sector), Some(Sector::Cvl));
    let deny = reporting().get("نفت").expect("نفت is listed");
    assert_eq!((deny.stance, deny.frame), (Stance::Deny, Frame::Verb));
    assert_eq!(reporting().get("بحسب").map(|r| r.frame), Some(Frame::Prep));
    assert_eq!(cues().get("لم").map(|c| c.kind), Some(CueKind::Negation));
    let yesterday = time_words().get("أمس").expect("أمس is listed");
    assert_eq!((yesterday.kind, yesterday.number()), (TimeKind::Day, Some(-1)));
    let moscow = time_words().get("بتوقيت موسكو").expect("بتوقيت موسكو is listed");
    assert_eq!(moscow.value, TimeValue::Zone("Europe/Moscow".into()));
    assert_eq!(time_words().get("نوفمبر").and_then(|t| t.number()), Some(11));
}

/// Surface, country, sector and stripped prefixes of one actor match.
type Found = (String, Option<String>, Option<Sector>, Vec<&'static str>);

/// Every actor match in `text`.
fn actor_matches(text: &str) -> Vec<Found> {
    let a = analyze(text, None);
    actors()
        .find(&a)
        .into_iter()
        .map(|m| {
            let by_span: String = text.chars().skip(m.span.start).take(m.span.len()).collect();
            assert_eq!(
                by_span,
                text[m.bytes.clone()],
                "span and bytes cover the same text"
            );
            (by_span, m.entry.country.clone(), m.entry.sector, m.prefixes)
        })
        .collect()
}

fn first(text: &str) -> Found {
    actor_matches(text).into_iter().next().expect("one match")
}

#[test]
fn seed_sentences() {
    let (s, c, sec, _) = first("قصف الجيش الأذربيجاني عدة بلدات");
    assert_eq!(
        (s.as_str(), c.as_deref(), sec),
        ("الجيش الأذربيجاني", Some("AZE"), Some(Sector::Mil))
    );
    let (s, c, sec, _) = first("من جهتها ، نددت باكو بـ");
    assert_eq!(
        (s.as_str(), c.as_deref(), sec),
        ("باكو", Some("AZE"), Some(Sector::Gov))
    );
    let (s, c, _, p) = first("في أسوأ لحظة بالنسبة لبوتين");
    assert_eq!((s.as_str(), c.as_deref(), p), ("بوتين", Some("RUS"), vec!["ل"]));
    let (s, c, _, _) = first("إجراء فوري من منظمة معاهدة الأمن الجماعي (ODKB)");
    assert_eq!(
        (s.as_str(), c.as_deref()),
        ("منظمة معاهدة الأمن الجماعي", Some("IGO"))
    );
    let got = actor_matches("تواجه أرمينيا وأذربيجان اشتباكات");
    let want: Vec<(&str, &str, Vec<&str>)> = vec![("أرمينيا", "ARM", vec![]), ("أذربيجان", "AZE", vec!["و"])];
    let got: Vec<(&str, &str, Vec<&str>)> = got
        .iter()
        .map(|(s, c, _, p)| (s.as_str(), c.as_deref().unwrap_or("-"), p.clone()))
        .collect();
    assert_eq!(got, want);
    let (s, c, _, _) = first("قصفت القوات الأرمينية");
    assert_eq!((s.as_str(), c.as_deref()), ("القوات الأرمينية", Some("ARM")));
    let (s, c, sec, _) = first("وقالت وزارة الخارجية الروسية");
    assert_eq!(
        (s.as_str(), c.as_deref(), sec),
        ("وزارة الخارجية الروسية", Some("RUS"), Some(Sector::Gov))
    );
    let (s, c, sec, _) = first("أصدرت وزارة الدفاع الأرمينية بيانا");
    assert_eq!(
        (s.as_str(), c.as_deref(), sec),
        ("وزارة الدفاع الأرمينية", Some("ARM"), Some(Sector::Mil))
    );
}

#[test]
fn whole_words_only() {
    let (s, c, _, p) = first("زار ألبانيا");
    assert_eq!((s.as_str(), c.as_deref(), p), ("ألبانيا", Some("ALB"), vec![]));
    let (s, c, _, _) = first("زار البانيا");
    assert_eq!((s.as_str(), c.as_deref()), ("البانيا", Some("ALB")));
    assert!(actor_matches("الهادئ").is_empty(), "no ال on a name");
    assert!(
        actor_matches("مصريك").iter().all(|(s, ..)| s != "مصر"),
        "no match inside a longer word"
    );
    assert!(actor_matches("الروسيات").iter().all(|(s, ..)| s != "الروس"));
}

#[test]
fn glued_lam_and_article() {
    let (s, c, _, p) = first("التابعة للجيش الأذربيجاني في مناطق");
    assert_eq!(
        (s.as_str(), c.as_deref(), p),
        ("لجيش الأذربيجاني", Some("AZE"), vec!["ل"])
    );
    let (s, c, _, p) = first("القوات الموالية للحوثيين");
    assert_eq!((s.as_str(), c.as_deref(), p), ("لحوثيين", Some("YEM"), vec!["ل"]));
}

#[test]
fn agents_reporting_cues_and_time_match_in_the_seed() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/seed-ar.txt"
    ));
    let Ok(text) = text else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let a = analyze(&text, None);
    let surfaces = |found: Vec<String>| found.into_iter().collect::<HashSet<_>>();
    let agent = surfaces(
        agents()
            .find(&a)
            .iter()
            .map(|m| text[m.bytes.clone()].to_owned())
            .collect(),
    );
    for w in [
        "الجيش",
        "القوات",
        "الوحدات",
        "السلطات",
        "وسائل الإعلام",
        "وزارة الدفاع",
        "الصحافة",
    ] {
        assert!(agent.contains(w), "agent {w} not found");
    }
    let rep = surfaces(
        reporting()
            .find(&a)
            .iter()
            .map(|m| text[m.bytes.clone()].to_owned())
            .collect(),
    );
    for w in ["بحسب", "تزعم", "أقرت", "وفقًا ل", "أعلنت"] {
        assert!(rep.contains(w), "reporting {w} not found in {rep:?}");
    }
    let time = surfaces(
        time_words()
            .find(&a)
            .iter()
            .map(|m| text[m.bytes.clone()].to_owned())
            .collect(),
    );
    for w in [
        "الليلة الماضية",
        "صباح اليوم",
        "اليوم",
        "صباحًا",
        "في موسكو",
        "نوفمبر",
    ] {
        assert!(time.contains(w), "time word {w} not found in {time:?}");
    }
    assert!(cues().find(&a).iter().any(|m| m.entry.kind == CueKind::Negation));
    let all = surfaces(
        actors()
            .find(&a)
            .iter()
            .map(|m| text[m.bytes.clone()].to_owned())
            .collect(),
    );
    for w in [
        "باشينيان",
        "إيمانويل ماكرون",
        "أنتوني بلينكين",
        "مجلس الأمن الدولي",
        "موسكو",
        "روسيا",
    ] {
        assert!(all.contains(w), "actor {w} not found");
    }
}

/// A custom row type works with the generic matcher (the event coder's triggers do this).
#[test]
fn custom_rows() {
    #[derive(Debug)]
    struct Trigger(String);
    impl Row for Trigger {
        fn parse(f: &[&str]) -> Result<Self, String> {
            Ok(Trigger(f.first().ok_or("missing category")?.to_string()))
        }
    }
    let lex: Lexicon<Trigger> = Lexicon::from_tsv("t", "# h\nقصف\tASSAULT\n").expect("parses");
    let a = analyze("وقصف الجيش", None);
    let m = lex.find(&a);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].entry.0, "ASSAULT");
    assert_eq!(m[0].prefixes, vec!["و"]);
}

#[test]
fn english_sentence() {
    let text =
        "Russian troops shelled Armenian villages, the Armenian defence ministry said, according to Reuters.";
    let a = analyze(text, None);
    let actors_found: Vec<(&str, Option<&str>)> = actors()
        .find(&a)
        .into_iter()
        .map(|m| (&text[m.bytes.clone()], m.entry.country.as_deref()))
        .collect();
    assert_eq!(
        actors_found,
        vec![
            ("Russian", Some("RUS")),
            ("Armenian", Some("ARM")),
            ("Armenian", Some("ARM")),
            ("Reuters", Some("GBR"))
        ]
    );
    let agents_found: Vec<&str> = agents().find(&a).into_iter().map(|m| &text[m.bytes]).collect();
    assert_eq!(agents_found, vec!["troops", "villages", "defence ministry"]);
    let said: Vec<&str> = reporting().find(&a).into_iter().map(|m| &text[m.bytes]).collect();
    assert_eq!(said, vec!["said", "according to"]);
}
