//! The trained sentence gate: a rule event of a category that has a sentence classifier
//! (`marsad-classify`: ASSAULT, PROTEST) is kept only when its evidence sentence scores at least the
//! threshold of the event's evidence level. Strong evidence (a casualty figure and a named side) needs
//! a lower score than a bare trigger.
//!
//! The thresholds live in `data/models/gate.tsv`, written by `cargo run -p xtask --release --
//! train-classifier`, which chooses them on out-of-fold predictions (each sentence scored by a model
//! that did not see it) of the whole coder on the Arabic PLOVER detection set.

use marsad_classify::Model;
use marsad_model::{Category, Event};
use std::collections::HashMap;

static GATE_TSV: &str = include_str!("../../../data/models/gate.tsv");

/// How many evidence levels [`level`] distinguishes.
pub const LEVELS: usize = 4;

/// Thresholds of one category, by evidence level (0 weakest).
pub type Thresholds = [f32; LEVELS];

/// Sentence models and thresholds per category. Categories with no model or no thresholds pass.
#[derive(Debug, Clone, Default)]
pub struct Gate {
    models: HashMap<Category, Model>,
    thresholds: HashMap<Category, Thresholds>,
}

impl Gate {
    /// The shipped gate: the compiled-in `marsad-classify` models and `data/models/gate.tsv`.
    pub fn shipped() -> Self {
        let mut models = HashMap::new();
        for c in [Category::Assault, Category::Protest] {
            if let Some(m) = marsad_classify::model(c) {
                models.insert(c, m.clone());
            }
        }
        Gate {
            models,
            thresholds: parse_thresholds(GATE_TSV),
        }
    }

    /// A gate that keeps every event (it still scores them for `--explain`).
    pub fn off() -> Self {
        Gate {
            thresholds: HashMap::new(),
            ..Gate::shipped()
        }
    }

    /// Replaces the model of `model.category` (cross-validation uses models trained on other folds).
    pub fn set_model(&mut self, model: Model) {
        self.models.insert(model.category, model);
    }

    /// Sets the thresholds of `category`.
    pub fn set_thresholds(&mut self, category: Category, t: Thresholds) {
        self.thresholds.insert(category, t);
    }

    /// Replaces every threshold with those of a `gate.tsv` text (see [`thresholds_tsv`]).
    pub fn set_thresholds_tsv(&mut self, tsv: &str) {
        self.thresholds = parse_thresholds(tsv);
    }

    /// The thresholds of `category`, if it is gated.
    pub fn thresholds(&self, category: Category) -> Option<Thresholds> {
        self.thresholds.get(&category).copied()
    }

    /// The sentence score of an event under this gate's model for its category.
    pub fn score(&self, e: &Event) -> Option<f32> {
        self.models.get(&e.event).map(|m| m.probability(&e.evidence))
    }

    /// Whether `e` passes: no model or thresholds for its category, or a score at or above the
    /// threshold of its evidence level.
    pub fn keep(&self, e: &Event) -> bool {
        self.keep_scored(e, self.score(e))
    }

    fn keep_scored(&self, e: &Event, score: Option<f32>) -> bool {
        match (self.thresholds.get(&e.event), score) {
            (Some(t), Some(s)) => s >= t[level(e)],
            _ => true,
        }
    }

    /// Drops the events that do not pass (each sentence scored once); returns how many were dropped.
    /// With `explain`, a kept event's `why` gets its score and level.
    pub fn filter(&self, events: &mut Vec<Event>, explain: bool) -> usize {
        let before = events.len();
        // Without a model, or without thresholds when nothing is explained, there is nothing to score.
        let scored = |e: &Event| {
            let gated = self.thresholds.contains_key(&e.event);
            self.models.contains_key(&e.event) && (gated || explain)
        };
        // Scores first, each (category, sentence) once, keyed on the borrowed evidence.
        let mut cache: HashMap<(Category, &str), Option<f32>> = HashMap::new();
        let scores: Vec<Option<Option<f32>>> = events
            .iter()
            .map(|e| {
                scored(e).then(|| {
                    *cache
                        .entry((e.event, e.evidence.as_str()))
                        .or_insert_with(|| self.score(e))
                })
            })
            .collect();
        drop(cache);
        let mut scores = scores.into_iter();
        events.retain_mut(|e| {
            let Some(s) = scores.next().flatten() else {
                return true;
            };
            if explain && let Some(s) = s {
                e.why.push(format!(
                    "sentence classifier {s:.3} at evidence level {}",
                    level(e)
                ));
            }
            self.keep_scored(e, s)
        });
        before - events.len()
    }
}

/// The evidence level of an event: one point each for a casualty figure, a named actor, and a named
/// recipient or a place (0 to 3).
pub fn level(e: &Event) -> usize {
    let figure = e.dead.is_some() || e.injured.is_some();
    let named = |v: &[marsad_model::Entity]| v.iter().any(|x| x.span.is_some());
    let target = named(&e.recipient) || !e.places.is_empty();
    let points = usize::from(figure) + usize::from(named(&e.actor)) + usize::from(target);
    points.min(LEVELS - 1)
}

/// Parses `category<TAB>level<TAB>threshold` rows (`#` comments, a header line).
fn parse_thresholds(tsv: &str) -> HashMap<Category, Thresholds> {
    let mut out: HashMap<Category, Thresholds> = HashMap::new();
    for cols in crate::lexicons::data_rows(tsv) {
        let [c, l, t] = cols[..] else { continue };
        let (Ok(c), Ok(l), Ok(t)) = (c.parse::<Category>(), l.parse::<usize>(), t.parse::<f32>()) else {
            continue;
        };
        if l < LEVELS {
            out.entry(c).or_insert([0.0; LEVELS])[l] = t;
        }
    }
    out
}

/// The `data/models/gate.tsv` text for these thresholds.
pub fn thresholds_tsv(rows: &[(Category, Thresholds)], note: &str) -> String {
    let mut s = String::from(
        "# Marsad gate thresholds: a rule event of a category is kept when the sentence classifier's\n\
         # probability for its evidence sentence reaches the threshold of its evidence level\n\
         # (marsad_extract::gate::level). Generated by `cargo run -p xtask --release -- train-classifier`\n\
         # from out-of-fold predictions on ar_plover_detect.dev.csv (MIT, see LICENSE.arabic_event_gsr).\n",
    );
    for l in note.lines() {
        s.push_str("# ");
        s.push_str(l);
        s.push('\n');
    }
    s.push_str("category\tlevel\tthreshold\n");
    let mut rows = rows.to_vec();
    rows.sort_by_key(|r| r.0.as_str());
    for (c, t) in rows {
        for (l, v) in t.iter().enumerate() {
            s.push_str(&format!("{}\t{l}\t{v:.3}\n", c.as_str()));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::Entity;

    #[test]
    fn shipped_thresholds_parse() {
        let t = parse_thresholds(GATE_TSV);
        for c in [Category::Assault, Category::Protest] {
            let t = t.get(&c).expect("thresholds for the category");
            assert!(t.iter().all(|v| (0.0..=1.0).contains(v)), "{t:?}");
        }
    }

    #[test]
    fn round_trip() {
        let rows = vec![
            (Category::Protest, [0.5, 0.25, 0.125, 0.0]),
            (Category::Assault, [0.3, 0.2, 0.1, 0.0]),
        ];
        let t = parse_thresholds(&thresholds_tsv(&rows, "test"));
        assert_eq!(t.get(&Category::Assault), Some(&[0.3, 0.2, 0.1, 0.0]));
        assert_eq!(t.get(&Category::Protest), Some(&[0.5, 0.25, 0.125, 0.0]));
    }

    #[test]
    fn levels_and_keep() {
        let mut e = Event::new("x", Category::Assault);
        e.evidence = "هطلت أمطار غزيرة على المدينة".into();
        assert_eq!(level(&e), 0);
        e.dead = Some(marsad_model::Count::Number(3));
        assert_eq!(level(&e), 1);
        e.actor.push(Entity {
            text: "الجيش".into(),
            span: Some(marsad_model::Span { start: 0, end: 5 }),
            ..Entity::default()
        });
        assert_eq!(level(&e), 2);
        let mut g = Gate::shipped();
        g.set_thresholds(Category::Assault, [1.0, 1.0, 0.0, 0.0]);
        assert!(g.keep(&e));
        e.dead = None;
        assert!(!g.keep(&e));
        assert!(Gate::off().keep(&e));
        let mut v = vec![e.clone(), e];
        assert_eq!(g.filter(&mut v, false), 2);
    }
}
