//! Out-of-fold evaluation of the whole coder with its sentence gate, and the choice of the gate's
//! thresholds (`data/models/gate.tsv`).
//!
//! Per category, the detection rows are split into the same stratified folds as the classifier's
//! cross-validation. For each fold a classifier is trained on the other folds (plus, when the shipped
//! configuration uses them, the other types' rows), the coder runs on the held-out rows with the gate
//! off, and every rule event of the category gets its evidence level and its sentence's out-of-fold
//! score. A row is predicted positive when one of its events passes the thresholds, exactly as
//! [`marsad_extract::gate::Gate::filter`] decides at run time. Thresholds (one per evidence level, never
//! lower for weaker evidence) are searched on a grid; the nested figure picks each fold's thresholds on
//! the other folds only, and is the honest estimate.

use marsad_classify::train::{
    Prf, TrainConfig, featurize_all, fold_training_set, prf_at, stratified_folds, train,
};
use marsad_classify::{features::SparseVec, train::Example};
use marsad_extract::gate::{Gate, LEVELS, Thresholds, level};
use marsad_extract::{Extractor, Options};
use marsad_model::{Category, DocOutput, InputDoc};

/// Candidate thresholds: 0, up to 80 quantiles of the observed event scores (the models' scores are
/// not calibrated alike, so a fixed grid is too coarse for some), and "never" (1.01).
fn candidates(rows: &[&RowPred]) -> Vec<f32> {
    let mut scores: Vec<f32> = rows.iter().flat_map(|r| r.events.iter().map(|e| e.1)).collect();
    scores.sort_by(f32::total_cmp);
    scores.dedup();
    let n = scores.len();
    let mut out = vec![0.0];
    for q in 0..80 {
        if let Some(&v) = scores.get(q * n / 80) {
            out.push(v);
        }
    }
    out.push(1.01);
    out.sort_by(f32::total_cmp);
    out.dedup();
    out
}

/// One held-out row: gold label, fold, and its rule events as (evidence level, out-of-fold score).
#[derive(Debug, Clone)]
pub struct RowPred {
    /// Gold: the row reports the category.
    pub positive: bool,
    /// Fold of the row.
    pub fold: usize,
    /// Rule events of the category.
    pub events: Vec<(usize, f32)>,
    /// The coder's output with the gate off.
    pub doc: DocOutput,
}

/// What the out-of-fold run measured for one category.
#[derive(Debug, Clone)]
pub struct GateOutcome {
    /// Category.
    pub category: Category,
    /// Upper bounds of the thresholds per level.
    pub caps: Thresholds,
    /// One threshold for every level (see [`search`]).
    pub tied: bool,
    /// Rules alone (gate off).
    pub rules: Prf,
    /// Thresholds chosen on all folds, and their (optimistic) figures.
    pub chosen: (Thresholds, Prf),
    /// Each fold's thresholds chosen on the other folds (honest).
    pub nested: Prf,
    /// Rows with their nested decision, for scoring with score.py.
    pub rows: Vec<(RowPred, bool)>,
}

/// The held-out predictions of the coder for `examples` (ids in `ids`).
pub fn oof_rows(
    category: Category,
    examples: &[Example],
    ids: &[String],
    extra: &[(SparseVec, bool)],
    config: &TrainConfig,
    folds_k: usize,
) -> Vec<RowPred> {
    let labels: Vec<bool> = examples.iter().map(|e| e.positive).collect();
    let folds = stratified_folds(&labels, folds_k, config.seed);
    let data = featurize_all(examples, config.bits);
    let coder = Extractor::new().with_gate(Gate::off());
    let mut out = Vec::with_capacity(examples.len());
    for fold in 0..folds_k {
        let train_set = fold_training_set(&data, &folds, fold, extra);
        let model = train(&train_set, category, config, 0.5).quantised();
        for i in (0..examples.len()).filter(|&i| folds[i] == fold) {
            let doc = InputDoc {
                id: Some(ids[i].clone()),
                text: examples[i].text.clone(),
                lang: Some("ar".into()),
                ..InputDoc::default()
            };
            let doc = coder.extract(&doc, Options::default());
            let events = doc
                .events
                .iter()
                .filter(|e| e.event == category)
                .map(|e| (level(e), model.probability(&e.evidence)))
                .collect();
            out.push(RowPred {
                positive: labels[i],
                fold,
                events,
                doc,
            });
        }
    }
    out
}

/// Whether a row is predicted positive under thresholds `t`.
pub fn decide(r: &RowPred, t: &Thresholds) -> bool {
    r.events.iter().any(|&(l, s)| s >= t[l.min(LEVELS - 1)])
}

fn prf(rows: &[&RowPred], t: &Thresholds) -> Prf {
    let decided: Vec<f32> = rows.iter().map(|r| f32::from(u8::from(decide(r, t)))).collect();
    let labels: Vec<bool> = rows.iter().map(|r| r.positive).collect();
    prf_at(&decided, &labels, 0.5)
}

/// The thresholds with the best F1 on `rows`, each level's at most `caps[level]` and never lower for
/// weaker evidence (ties: the first found). With `tied`, one threshold serves every level (each still
/// capped): fewer free parameters, for a category with few positive rows.
pub fn search(rows: &[&RowPred], caps: &Thresholds, tied: bool) -> (Thresholds, Prf) {
    let cands = candidates(rows);
    let mut best = ([0.0; LEVELS], prf(rows, &[0.0; LEVELS]));
    if tied {
        for &v in &cands {
            let t: Thresholds = std::array::from_fn(|l| v.min(caps[l]));
            let p = prf(rows, &t);
            if p.f1 > best.1.f1 {
                best = (t, p);
            }
        }
        return best;
    }
    let under = |cap: f32, top: f32| cands.iter().copied().filter(move |&v| v <= cap && v <= top);
    for t0 in under(caps[0], f32::MAX) {
        for t1 in under(caps[1], t0) {
            for t2 in under(caps[2], t1) {
                for t3 in under(caps[3], t2) {
                    let t = [t0, t1, t2, t3];
                    let p = prf(rows, &t);
                    if p.f1 > best.1.f1 {
                        best = (t, p);
                    }
                }
            }
        }
    }
    best
}

/// Rules-only, chosen and nested figures for one category's held-out rows.
pub fn evaluate(
    category: Category,
    rows: Vec<RowPred>,
    folds_k: usize,
    caps: &Thresholds,
    tied: bool,
) -> GateOutcome {
    let all: Vec<&RowPred> = rows.iter().collect();
    let rules = prf(&all, &[0.0; LEVELS]);
    let chosen = search(&all, caps, tied);
    let mut decided = vec![false; rows.len()];
    for fold in 0..folds_k {
        let train_rows: Vec<&RowPred> = rows.iter().filter(|r| r.fold != fold).collect();
        let (t, _) = search(&train_rows, caps, tied);
        for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.fold == fold) {
            decided[i] = decide(r, &t);
        }
    }
    let labels: Vec<bool> = rows.iter().map(|r| r.positive).collect();
    let flags: Vec<f32> = decided.iter().map(|&d| f32::from(u8::from(d))).collect();
    let nested = prf_at(&flags, &labels, 0.5);
    GateOutcome {
        category,
        caps: *caps,
        tied,
        rules,
        chosen,
        nested,
        rows: rows.into_iter().zip(decided).collect(),
    }
}

/// `category, id, gold, fold, level, score, trigger` lines of every held-out rule event (rows without events
/// get one line with level and score `-`), for analysis.
pub fn oof_scores_tsv(outcomes: &[GateOutcome]) -> String {
    let mut s = String::from("category\tid\tgold\tfold\tlevel\tscore\ttrigger\n");
    for o in outcomes {
        for (r, _) in &o.rows {
            let head = format!(
                "{}\t{}\t{}\t{}",
                o.category,
                r.doc.doc_id,
                u8::from(r.positive),
                r.fold
            );
            if r.events.is_empty() {
                s.push_str(&format!("{head}\t-\t-\t-\n"));
            }
            let triggers = r
                .doc
                .events
                .iter()
                .filter(|e| e.event == o.category)
                .map(|e| e.trigger.as_ref().map_or("-", |t| t.text.as_str()));
            for ((l, sc), t) in r.events.iter().zip(triggers) {
                s.push_str(&format!("{head}\t{l}\t{sc:.4}\t{t}\n"));
            }
        }
    }
    s
}

/// Marsad JSONL of the nested decisions: each row's document keeps the category's events only when
/// the row was decided positive (other categories' events are kept as the coder found them).
pub fn oof_jsonl(outcomes: &[GateOutcome]) -> String {
    let mut s = String::new();
    for o in outcomes {
        for (r, keep) in &o.rows {
            let mut doc = r.doc.clone();
            if !keep {
                doc.events.retain(|e| e.event != o.category);
            }
            if let Ok(line) = serde_json::to_string(&doc) {
                s.push_str(&line);
                s.push('\n');
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(positive: bool, fold: usize, events: Vec<(usize, f32)>) -> RowPred {
        RowPred {
            positive,
            fold,
            events,
            doc: DocOutput::new("x"),
        }
    }

    #[test]
    fn search_separates_by_score_and_level() {
        let rows = [
            row(true, 0, vec![(0, 0.5)]),
            row(false, 0, vec![(0, 0.2)]),
            row(true, 1, vec![(2, 0.1)]),
            row(false, 1, vec![(2, 0.01)]),
            row(false, 1, vec![]),
        ];
        let refs: Vec<&RowPred> = rows.iter().collect();
        let (t, p) = search(&refs, &[1.01; LEVELS], false);
        assert!((p.f1 - 1.0).abs() < 1e-6, "{t:?} {p:?}");
        assert!(t[0] > 0.2 && t[0] <= 0.5 && t[2] > 0.01 && t[2] <= 0.1, "{t:?}");
        let (t, p) = search(&refs, &[1.01, 1.01, 0.05, 1.01], true);
        assert_eq!((t[0], t[1], t[3]), (t[1], t[3], t[0]), "{t:?}");
        assert!(t[2] <= 0.05 && p.tp >= 1, "{t:?} {p:?}");
    }
}
