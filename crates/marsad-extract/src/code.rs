//! Coding one document: every trigger of every sentence becomes an event with its arguments, claim,
//! status, date, casualties, places and mappings; then reports of the same event are merged.

mod document;

use crate::actors::{Ent, find_entities_on, main_country};
use crate::args::{Args, assign};
use crate::casualties::{Num, casualties, find_numbers, own_range};
use crate::claims::{CueHit, Frame, find_cues, frame_for, status};
use crate::detect::{ModeWord, Trig, find, modes_for};
use crate::lexicons::{ActorKind, Form, Lexicons};
use crate::mapping::Mapping;
use crate::places::{GeoPlace, event_places, geocode, main_place_country};
use crate::time::{TimeExpr, find_times};
use crate::{Options, merge, words};
use jiff::civil::Date;
use marsad_model::{Category, DatePrecision, Entity, Event, Quad, Sector, Status};
use marsad_text::Analysis;
use std::ops::Range;

/// Days before publication after which a dated event is background.
const HISTORICAL_DAYS: i32 = 10;

/// Everything found in a document, ready to be coded.
#[derive(Debug)]
pub struct Context<'a> {
    a: &'a Analysis<'a>,
    lex: &'a Lexicons,
    mapping: &'a Mapping,
    pubd: Option<Date>,
    /// Actor mentions.
    pub ents: Vec<Ent>,
    /// Triggers.
    pub trigs: Vec<Trig>,
    /// Mode words.
    pub modes: Vec<ModeWord>,
    /// Cues.
    pub cues: Vec<CueHit>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Numbers.
    pub nums: Vec<Num>,
    main: Option<String>,
    /// Geocoded place mentions.
    pub geo: Vec<GeoPlace>,
    paragraph: Vec<usize>,
}

/// Paragraph-level memory: the last explicit actor and claimant.
#[derive(Debug, Default)]
struct Memory {
    paragraph: usize,
    actor: Vec<usize>,
    /// Sentence and category of the event `actor` came from.
    actor_from: Option<(usize, Category)>,
    claimant: Option<usize>,
    /// The frame of a quotation still open at the end of the last sentence.
    quote: Option<Frame>,
    /// Places of the paragraph's last material event that named one.
    places: Vec<marsad_model::Place>,
}

impl<'a> Context<'a> {
    /// Runs the finders over `a`.
    pub fn new(a: &'a Analysis<'a>, lex: &'a Lexicons, mapping: &'a Mapping, pubd: Option<Date>) -> Self {
        let ents = find_entities_on(a, lex, pubd);
        let (trigs, modes) = find(a, lex);
        let geo = geocode(a, &ents);
        let main = main_country(&ents).or_else(|| main_place_country(&geo));
        let mut ents = ents;
        for e in ents.iter_mut().filter(|e| e.country.is_none()) {
            e.country.clone_from(&main);
        }
        let times = find_times(a, lex, pubd);
        Context {
            cues: find_cues(a, lex),
            times,
            nums: find_numbers(a, lex),
            paragraph: paragraphs(a),
            a,
            lex,
            mapping,
            pubd,
            ents,
            trigs,
            modes,
            main,
            geo,
        }
    }

    /// Codes every sentence and merges.
    pub fn events(&self, doc_id: &str, opts: Options) -> Vec<Event> {
        let mut mem = Memory::default();
        let mut events = Vec::new();
        for (si, s) in self.a.sentences.iter().enumerate() {
            let para = self.paragraph.get(si).copied().unwrap_or(0);
            if para != mem.paragraph {
                mem = Memory {
                    paragraph: para,
                    ..Memory::default()
                };
            }
            let sent = s.tokens.clone();
            let fr = self.sentence_frames(si, &sent, &mut mem);
            let mut skip: Vec<usize> = fr.iter().filter_map(|f| f.claimant).collect();
            skip.extend(self.zone_names(&sent));
            let trigs: Vec<&Trig> = self
                .trigs
                .iter()
                .filter(|t| t.sentence == si && !self.reach_word(t))
                .collect();
            let headline = self.is_headline(si);
            for t in &trigs {
                let others: Vec<Range<usize>> = trigs
                    .iter()
                    .filter(|o| o.tokens != t.tokens)
                    .map(|o| o.tokens.clone())
                    .collect();
                if let Some(e) = self.event(t, &others, &sent, &fr, &skip, &mut mem, opts) {
                    let reached = self.reached_ceasefire(&e, t, &sent);
                    for event in std::iter::once(e).chain(reached) {
                        events.push(merge::Report {
                            statement: merge::is_statement(event.event),
                            event,
                            sentence: si,
                            headline,
                            day_hint: None,
                        });
                    }
                }
            }
        }
        let mut events = self.mirror_claims(events);
        if let Some(day) = self.news_day() {
            for r in events
                .iter_mut()
                .filter(|r| r.event.event.quad() == Quad::MaterialConflict)
                .filter(|r| r.event.date.is_none() && r.event.status == Status::Asserted)
            {
                r.day_hint = Some(day.to_string());
            }
        }
        let published = self.pubd.map(|d| d.to_string());
        let mut out = merge::merge(events, published.as_deref());
        for (i, e) in out.iter_mut().enumerate() {
            e.id = format!("{doc_id}:e{}", i + 1);
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        t: &Trig,
        others: &[Range<usize>],
        sent: &Range<usize>,
        fr: &[Frame],
        skip: &[usize],
        mem: &mut Memory,
        opts: Options,
    ) -> Option<Event> {
        let row = &self.lex.triggers.rows[t.row];
        let mut args = assign(self.a, &self.ents, t, others, sent, skip);
        let mut why = vec![format!(
            "trigger {:?} {} ({})",
            row.phrase, t.category, row.source
        )];
        // Protesters are named where they protest: a protest does not inherit the last actor.
        let carries = t.category != Category::Protest
            && (t.form == Form::Verb || (t.form == Form::Noun && t.category != Category::Assault));
        let frame = frame_for(fr, &t.tokens);
        let speaker = frame.and_then(|f| f.claimant);
        if args.actor.is_empty()
            && let Some(c) = speaker
            && self.speaker_is_subject(t)
        {
            // "قال الحلف إنه قتل…": the pronoun after the reporting verb is the speaker.
            args.actor.push(c);
            why.push("the speaker is the subject of the reported act".into());
        }
        // "أطلقت القوات صاروخا فقتلت المدرس": a killing verb without a subject continues the attack
        // before it in the same sentence.
        let same_attack = t.form == Form::Kill && mem.actor_from == Some((t.sentence, Category::Assault));
        if args.actor.is_empty() && (carries || same_attack) && !mem.actor.is_empty() {
            args.actor.clone_from(&mem.actor);
            why.push("actor carried from the paragraph".into());
        }
        let verbal = matches!(t.category.quad(), Quad::VerbalCooperation | Quad::VerbalConflict);
        let mut claim = frame.and_then(|f| f.claimant);
        if verbal && let Some(c) = claim {
            let accused = t.category == Category::Accuse
                && t.form == Form::Noun
                && !args.actor.is_empty()
                && !args.actor.iter().any(|a| self.same_side(*a, c));
            if accused {
                // "أشارت الوزارة إلى أن X تتحمل المسؤولية": the speaker accuses X.
                let named = std::mem::take(&mut args.actor);
                if args.recipient.is_empty() {
                    args.recipient = named;
                }
                why.push("accusation inside the speaker's statement: the speaker accuses".into());
            }
            if args.actor.is_empty() {
                args.actor.push(c);
            }
            if args.actor.iter().any(|a| self.same_side(*a, c)) {
                claim = None;
            }
        }
        if args.actor.is_empty() && args.recipient.is_empty() && row.weight < 0.6 {
            return None;
        }
        if !args.actor.is_empty() {
            mem.actor.clone_from(&args.actor);
            mem.actor_from = Some((t.sentence, t.category));
        }
        let category = if t.category == Category::Mobilize && self.peacekeeping(sent) {
            why.push("troops sent to keep the peace: AID".into());
            Category::Aid
        } else {
            t.category
        };
        let mut e = Event::new("", category);
        self.fill_args(&mut e, &args, t);
        let (left, right) = crate::args::windows(t, others, sent);
        let (modes, mode_rows) = modes_for(self.lex, t, &self.modes, left.start..right.end);
        e.modes = modes;
        for r in mode_rows {
            why.push(format!("mode word {:?}", self.lex.triggers.rows[r].phrase));
        }
        if let Some(f) = frame.filter(|_| claim.is_some()) {
            e.claim_by = claim.map(|c| self.ents[c].entity());
            e.claim_verb = Some(f.verb.clone());
            why.push(format!("claim frame {:?}", f.verb.text));
        }
        let (st, cue) = status(self.a, &self.cues, frame, &t.tokens, sent);
        e.status = st;
        e.spans.status = cue.and_then(|c| words(self.a, &c));
        if t.category == Category::Retreat && e.modes.contains(&marsad_model::Mode::Ceasefire) {
            let fut = self
                .cues
                .iter()
                .find(|c| sent.contains(&c.tokens.start) && c.cue == crate::lexicons::Cue::Future);
            if let Some(c) = fut {
                e.status = Status::Future;
                e.spans.status = words(self.a, &c.tokens);
            }
        }
        self.fill_time(&mut e, t, sent);
        if t.category == Category::Assault {
            let attacks: Vec<Range<usize>> = self
                .trigs
                .iter()
                .filter(|o| o.category == Category::Assault && sent.contains(&o.tokens.start))
                .map(|o| o.tokens.clone())
                .collect();
            let c = casualties(self.a, &self.nums, own_range(&t.tokens, &attacks, sent));
            if let Some(f) = c.dead {
                e.dead = Some(f.count);
                e.dead_qualifier = f.qualifier;
                e.spans.dead = words(self.a, &f.tokens);
            }
            if let Some(f) = c.injured {
                e.injured = Some(f.count);
                e.injured_qualifier = f.qualifier;
                e.spans.injured = words(self.a, &f.tokens);
            }
        }
        let scope = crate::places::Scope {
            sent: sent.clone(),
            trigger: t.tokens.clone(),
            category: e.event,
        };
        e.places = event_places(self.a, &self.geo, &self.ents, &scope);
        if e.event == Category::Assault && !self.concrete_attack(&e, t) {
            return None;
        }
        let material = e.event.is_material_conflict() && e.status != Status::Historical;
        if material && e.places.is_empty() {
            // "واضافوا ان الانفجار اعقبته اشتباكات": the paragraph's scene continues (after the
            // check that the sentence itself describes a concrete attack).
            e.places.clone_from(&mem.places);
        } else if material {
            mem.places.clone_from(&e.places);
        }
        let named_recipient = !e.recipient.is_empty();
        let casualties = e.dead.is_some() || e.injured.is_some();
        if e.event == Category::Assault && e.recipient.is_empty() && (casualties || !args.mutual) {
            let mut x = self.unnamed_victims(&e.places);
            if casualties {
                // People killed or wounded whom the text does not name are counted as civilians.
                x.sector = Some(Sector::Cvl);
            }
            e.recipient.push(x);
            why.push("unnamed victims of the place's country".into());
        }
        if e.event == Category::Protest {
            self.protest_sides(&mut e, &mut why);
        }
        let grounded = e.actor.iter().any(|x| x.span.is_some())
            || named_recipient
            || e.dead.is_some()
            || e.injured.is_some()
            || !e.modes.is_empty();
        if !grounded && row.weight < 0.9 {
            return None;
        }
        self.fill_text(&mut e, t, sent);
        let mapped = self.mapping.map(e.event, &e.modes);
        e.acled = mapped.acled;
        e.cameo = mapped.cameo;
        e.confidence = report_confidence(row.weight, &e);
        if opts.explain {
            e.why = why;
        }
        Some(e)
    }

    /// Whether an attack reads as a reported incident rather than a mention of violence: it has a
    /// casualty figure, or a named actor, victim or place; a definite verbal noun ("الاغتيال", "التفجيرات")
    /// without a figure refers back to a known event unless both sides are named.
    fn concrete_attack(&self, e: &Event, t: &Trig) -> bool {
        let casualties = e.dead.is_some() || e.injured.is_some();
        if casualties {
            return true;
        }
        let key = &self.a.tokens[t.tokens.start].key;
        let definite = ["ال", "وال", "فال", "بال", "لل", "وبال", "ولل", "كال"]
            .iter()
            .any(|p| key.starts_with(p));
        let named = e.actor.iter().any(|x| x.span.is_some());
        let both_sides = !e.recipient.is_empty() || e.actor.iter().filter(|x| x.span.is_some()).count() > 1;
        if definite && !(named && both_sides) {
            return false;
        }
        named || !e.recipient.is_empty() || !e.places.is_empty()
    }

    /// Protesters are civilians unless named otherwise, and protest against the government of the
    /// place (or the story's country) when the text names no target.
    fn protest_sides(&self, e: &mut Event, why: &mut Vec<String>) {
        if e.actor.is_empty() {
            let mut x = self.unnamed_victims(&e.places);
            x.sector = Some(Sector::Cvl);
            e.actor.push(x);
            why.push("unnamed civilian protesters".into());
        }
        for x in e.actor.iter_mut().filter(|x| x.sector.is_none()) {
            x.sector = Some(Sector::Cvl);
        }
        if e.recipient.is_empty() {
            let mut x = self.unnamed_victims(&e.places);
            x.sector = Some(Sector::Gov);
            e.recipient.push(x);
            why.push("protest against the government of the place".into());
        }
    }

    /// The victims of an attack the text does not name: people of the place's (or the story's) country.
    fn unnamed_victims(&self, places: &[marsad_model::Place]) -> Entity {
        // A place's country is trusted when the text names that country elsewhere (or names none):
        // a lone place name resolved abroad is more often a homonym than the scene.
        let named =
            |c: &str| self.main.is_none() || self.ents.iter().any(|e| e.country.as_deref() == Some(c));
        let country = places
            .iter()
            .filter_map(|p| p.country.clone())
            .find(|c| named(c))
            .or_else(|| self.main.clone())
            .unwrap_or_else(|| "UNK".into());
        Entity {
            text: String::new(),
            country: Some(country),
            ..Entity::default()
        }
    }

    /// True when a pronoun complementiser ("إنه", "أنها", "بأنهم") stands just before the trigger
    /// or its verb: the reported act's subject is the speaker.
    fn speaker_is_subject(&self, t: &Trig) -> bool {
        let from = t.tokens.start.saturating_sub(2);
        // Not "وإنهم": a coordinated clause continues the last subject, not the speaker.
        self.a.tokens[from..t.tokens.start]
            .iter()
            .any(|x| !x.key.starts_with('و') && crate::args::PRONOUN_THAT.contains(&x.key.as_str()))
    }

    /// True when the sentence names a peacekeeping deployment.
    fn peacekeeping(&self, sent: &Range<usize>) -> bool {
        self.trigs.iter().any(|t| {
            sent.contains(&t.tokens.start)
                && t.category == Category::Aid
                && self.lex.triggers.rows[t.row].phrase.contains("حفظ السلام")
        })
    }

    fn same_side(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.ents[a], &self.ents[b]);
        x.country == y.country || x.tokens == y.tokens
    }

    fn fill_args(&self, e: &mut Event, args: &Args, t: &Trig) {
        e.actor = args
            .actor
            .iter()
            .map(|i| {
                let ent = &self.ents[*i];
                let mut x = ent.entity();
                if e.event == Category::Assault {
                    // "الضربات الجوية الأميركية", "قصف إسرائيلي": a nation that attacks is its military.
                    let adjective = ent.tokens.start >= t.tokens.end && ent.tokens.start <= t.tokens.end + 1;
                    if x.sector.is_none() && ent.kind == ActorKind::Demonym && adjective {
                        x.sector = Some(Sector::Mil);
                    }
                    // "هجوم شنه شخصان": people who attack are unidentified armed men.
                    if ent.generic {
                        x.sector = Some(Sector::Uaf);
                    }
                }
                x
            })
            .collect();
        e.recipient = args.recipient.iter().map(|i| self.ents[*i].entity()).collect();
        if e.actor.is_empty() && !args.mutual && e.event == Category::Assault {
            e.actor.push(Entity {
                text: String::new(),
                country: Some(self.main.clone().unwrap_or_else(|| "UNK".into())),
                sector: Some(Sector::Uaf),
                ..Entity::default()
            });
        }
    }

    fn fill_time(&self, e: &mut Event, t: &Trig, sent: &Range<usize>) {
        let clock = self
            .times
            .iter()
            .filter(|x| sent.contains(&x.tokens.start) && x.time.is_some())
            .min_by_key(|x| x.tokens.start.abs_diff(t.tokens.start));
        let dated = self
            .times
            .iter()
            .filter(|x| sent.contains(&x.tokens.start) && x.date.is_some());
        let nearest_date = dated.min_by_key(|x| x.tokens.start.abs_diff(t.tokens.start));
        if let Some(x) = nearest_date {
            e.date.clone_from(&x.date);
            e.date_precision = x.precision;
            e.spans.date = words(self.a, &x.tokens);
            if let (Some(d), Some(p)) = (x.day, self.pubd)
                && e.status == Status::Asserted
                && is_background(d, x.precision, p)
            {
                e.status = Status::Historical;
                e.spans.status.clone_from(&e.spans.date);
            }
        }
        if let Some(x) = clock {
            e.time.clone_from(&x.time);
            e.tz.clone_from(&x.tz);
            e.spans.time = words(self.a, &x.tokens);
            if e.date.is_none() {
                e.date = self.pubd.map(|d| d.to_string());
            }
            e.date_precision = Some(DatePrecision::Hour);
        }
    }

    fn fill_text(&self, e: &mut Event, t: &Trig, sent: &Range<usize>) {
        e.trigger = words(self.a, &t.tokens);
        if let Some(s) = words(self.a, sent) {
            e.sentence = Some(s.span);
            e.evidence = s.text;
        }
    }
}

/// Confidence of one report (see docs/CODING.md): the trigger row's weight, scaled by how many
/// sides the text names (0.6 with none, 0.8 with one, 1.0 with actor and recipient), lowered for
/// hypothetical statements. Unnamed stand-ins (an unnamed attacker) do not count as named.
pub fn report_confidence(weight: f32, e: &Event) -> f32 {
    let named = |v: &[Entity]| v.iter().any(|x| x.span.is_some());
    let sides = f32::from(u8::from(named(&e.actor)) + u8::from(named(&e.recipient)));
    let status = if e.status == Status::Hypothetical {
        0.8
    } else {
        1.0
    };
    (weight * (0.6 + 0.2 * sides) * status).clamp(0.0, 1.0)
}

/// True when a date lies clearly before the publication date.
fn is_background(d: Date, precision: Option<DatePrecision>, p: Date) -> bool {
    match precision {
        Some(DatePrecision::Year) => d.year() < p.year(),
        Some(DatePrecision::Month) => (d.year(), d.month()) < (p.year(), p.month()),
        _ => p
            .since(d)
            .map(|s| s.get_days() > HISTORICAL_DAYS)
            .unwrap_or(false),
    }
}

/// Paragraph index of every sentence: a new paragraph starts after a line break.
fn paragraphs(a: &Analysis<'_>) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.sentences.len());
    let mut p = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        if i > 0 && a.text[a.sentences[i - 1].bytes.end..s.bytes.start].contains('\n') {
            p += 1;
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Options};
    use marsad_model::{Category, InputDoc, Status};

    fn run(text: &str) -> Vec<marsad_model::Event> {
        let doc = InputDoc {
            id: Some("t".into()),
            text: text.into(),
            published: Some("2022-09-13".into()),
            lang: Some("ar".into()),
            ..InputDoc::default()
        };
        Extractor::new().extract(&doc, Options::default()).events
    }

    #[test]
    fn a_later_sentence_of_the_paragraph_keeps_its_scene() {
        let ev =
            run("قصفت القوات الحكومية مواقع المتمردين في اليمن أمس. واعتقلت الشرطة عشرة أشخاص بعد القصف.");
        let arrest = ev
            .iter()
            .find(|e| e.event == Category::Coerce)
            .expect("the arrest is coded");
        assert!(!arrest.places.is_empty(), "{ev:?}");
    }

    #[test]
    fn shelling_with_claim() {
        let ev = run(
            "وبحسب السلطات الأرمينية ، قصف الجيش الأذربيجاني عدة بلدات على الجانب الأرمني صباح اليوم بطائرات مسيرة.",
        );
        let e = &ev[0];
        assert_eq!(e.event, Category::Assault);
        assert_eq!(e.actor[0].country.as_deref(), Some("AZE"));
        assert_eq!(
            e.claim_by.as_ref().and_then(|c| c.country.as_deref()),
            Some("ARM")
        );
        assert_eq!(e.date.as_deref(), Some("2022-09-13"));
    }

    #[test]
    fn background_war() {
        let ev = run(
            "بعد انتهاء الحرب الأخيرة في ناغورنو كاراباخ بين أذربيجان وأرمينيا ، في خريف عام 2020 ، ظلت القضايا معلقة.",
        );
        let e = ev.iter().find(|e| e.event == Category::Assault);
        assert_eq!(e.map(|e| e.status), Some(Status::Historical));
        assert_eq!(e.and_then(|e| e.date.clone()).as_deref(), Some("2020"));
    }

    #[test]
    fn quotation_carries_the_claim() {
        let ev = run(
            "وقال المتحدث باسم وزارة الدفاع الأذربيجانية: «إن الجيش الأرميني قصف مواقعنا في كالبجار. وقتل جنديان في القصف على المواقع».",
        );
        let claims: Vec<_> = ev
            .iter()
            .filter(|e| e.event == Category::Assault)
            .map(|e| e.claim_by.as_ref().and_then(|c| c.country.clone()))
            .collect();
        assert!(!claims.is_empty(), "{ev:?}");
        assert!(claims.iter().all(|c| c.as_deref() == Some("AZE")), "{claims:?}");
    }

    #[test]
    fn admission_without_figures_is_an_unknown_toll_of_the_admitting_side() {
        let ev = run(
            "ويؤكد الجانب العسكري الأذربيجاني أن المواقع تعرضت لقصف مكثف من قبل الوحدات الأرمينية. لكن باكو أقرت بسقوط ضحايا لكنها لم تقدم أرقاما.",
        );
        let attacks: Vec<_> = ev.iter().filter(|e| e.event == Category::Assault).collect();
        assert_eq!(attacks.len(), 1, "{attacks:?}");
        let e = attacks[0];
        assert_eq!(e.actor[0].country.as_deref(), Some("ARM"));
        assert_eq!(
            e.claim_by.as_ref().and_then(|c| c.country.as_deref()),
            Some("AZE")
        );
        assert_eq!(e.dead, Some(marsad_model::Count::UNKNOWN));
    }

    #[test]
    fn mirror_claims_split() {
        let ev = run(
            "اندلعت اشتباكات بين أرمينيا وأذربيجان على الحدود أمس، وتبادل الطرفان الاتهامات بالمسؤولية عن بدء القتال.",
        );
        let mut claims: Vec<_> = ev
            .iter()
            .filter(|e| e.event == Category::Assault)
            .filter_map(|e| e.claim_by.as_ref().and_then(|c| c.country.clone()))
            .collect();
        claims.sort();
        assert_eq!(claims, vec!["ARM".to_string(), "AZE".to_string()], "{ev:?}");
    }

    #[test]
    fn ceasefire_reached_and_in_force() {
        let ev = run(
            "أعلنت موسكو أنها توصلت إلى وقف إطلاق النار بين أرمينيا وأذربيجان ، والذي كان من المفترض أن يدخل حيز التنفيذ اليوم الساعة التاسعة صباحًا بتوقيت موسكو.",
        );
        let agree = ev.iter().find(|e| e.event == Category::Agree).expect("an AGREE");
        assert_eq!(agree.status, Status::Asserted);
        assert_eq!(agree.actor.len(), 2, "{agree:?}");
        let retreat = ev
            .iter()
            .find(|e| e.event == Category::Retreat)
            .expect("a RETREAT");
        assert_eq!(retreat.status, Status::Future);
        assert_eq!(retreat.time.as_deref(), Some("09:00"));
        assert_eq!(retreat.tz.as_deref(), Some("Europe/Moscow"));
        assert_eq!(retreat.date.as_deref(), Some("2022-09-13"));
    }

    #[test]
    fn mention_of_a_known_attack_is_not_an_event() {
        let ev = run("وحمل السياسيون الحكومة المسؤولية عن التفجيرات.");
        assert!(ev.iter().all(|e| e.event != Category::Assault), "{ev:?}");
        let ev = run("قتل 15 شخصا في انفجار سيارة مفخخة.");
        assert!(ev.iter().any(|e| e.event == Category::Assault), "{ev:?}");
    }
}
