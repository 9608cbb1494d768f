//! Training: logistic regression by stochastic gradient descent (AdaGrad steps, L2 penalty), stratified
//! k-fold cross-validation and threshold choice. Deterministic: a fixed seed drives every shuffle and
//! the examples' input order is the only other input.

use crate::features::{SparseVec, featurize};
use crate::model::{Model, sigmoid};
use marsad_model::Category;

/// One labelled sentence.
#[derive(Debug, Clone)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// True when the sentence reports the category.
    pub positive: bool,
}

/// Hyper-parameters of [`train`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainConfig {
    /// Hash bits (2^bits buckets).
    pub bits: u8,
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad base step.
    pub learning_rate: f32,
    /// L2 penalty per update on the touched weights.
    pub l2: f32,
    /// Loss weight of a positive example (negatives weigh 1).
    pub positive_weight: f32,
    /// Seed of the shuffles.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 18,
            epochs: 30,
            learning_rate: 0.5,
            l2: 1e-4,
            positive_weight: 3.0,
            seed: 0x6d61_7273_6164,
        }
    }
}

/// A small deterministic generator (SplitMix64) for shuffles.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Featurises examples once, for repeated training.
pub fn featurize_all(examples: &[Example], bits: u8) -> Vec<(SparseVec, bool)> {
    examples
        .iter()
        .map(|e| (featurize(&e.text, bits), e.positive))
        .collect()
}

/// Trains a model on featurised examples (`threshold` is stored as given).
pub fn train(data: &[(SparseVec, bool)], category: Category, config: &TrainConfig, threshold: f32) -> Model {
    let size = 1usize << config.bits.clamp(1, 31);
    let mut weights = vec![0.0f32; size];
    let mut grad_sq = vec![1e-6f32; size];
    let (mut bias, mut bias_sq) = (0.0f32, 1e-6f32);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = SplitMix64::new(config.seed);
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (x, positive) = &data[k];
            let z = x.iter().fold(bias, |acc, &(i, v)| acc + weights[i as usize] * v);
            let (target, weight) = if *positive {
                (1.0, config.positive_weight)
            } else {
                (0.0, 1.0)
            };
            let g = (sigmoid(z) - target) * weight;
            for &(i, v) in x {
                let i = i as usize;
                let gi = g * v + config.l2 * weights[i];
                grad_sq[i] += gi * gi;
                weights[i] -= config.learning_rate * gi / grad_sq[i].sqrt();
            }
            bias_sq += g * g;
            bias -= config.learning_rate * g / bias_sq.sqrt();
        }
    }
    Model {
        category,
        bits: config.bits,
        threshold,
        bias,
        weights,
    }
}

/// The training rows of cross-validation fold `fold`: every row of another fold, plus `extra`.
pub fn fold_training_set(
    data: &[(SparseVec, bool)],
    folds: &[usize],
    fold: usize,
    extra: &[(SparseVec, bool)],
) -> Vec<(SparseVec, bool)> {
    data.iter()
        .zip(folds)
        .filter(|&(_, &f)| f != fold)
        .map(|(d, _)| d.clone())
        .chain(extra.iter().cloned())
        .collect()
}

/// Stratified fold of every example (0..k): positives and negatives are each shuffled with `seed` and
/// dealt round-robin.
pub fn stratified_folds(labels: &[bool], k: usize, seed: u64) -> Vec<usize> {
    let k = k.max(1);
    let mut folds = vec![0usize; labels.len()];
    let mut rng = SplitMix64::new(seed);
    for class in [true, false] {
        let mut idx: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == class).collect();
        rng.shuffle(&mut idx);
        for (rank, i) in idx.into_iter().enumerate() {
            folds[i] = rank % k;
        }
    }
    folds
}

/// Out-of-fold probabilities: each example scored by a model trained on the other folds. `extra` are
/// training-only examples (never scored) added to every fold's training set.
pub fn cross_val_scores(
    data: &[(SparseVec, bool)],
    extra: &[(SparseVec, bool)],
    category: Category,
    config: &TrainConfig,
    k: usize,
) -> Vec<f32> {
    let labels: Vec<bool> = data.iter().map(|d| d.1).collect();
    let folds = stratified_folds(&labels, k, config.seed);
    let mut scores = vec![0.0f32; data.len()];
    for fold in 0..k.max(1) {
        let train_set = fold_training_set(data, &folds, fold, extra);
        let model = train(&train_set, category, config, 0.5);
        for (i, d) in data.iter().enumerate() {
            if folds[i] == fold {
                scores[i] = sigmoid(model.margin(&d.0));
            }
        }
    }
    scores
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    /// Precision.
    pub precision: f32,
    /// Recall.
    pub recall: f32,
    /// F1.
    pub f1: f32,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

/// Scores predictions `score >= threshold` against labels.
pub fn prf_at(scores: &[f32], labels: &[bool], threshold: f32) -> Prf {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (&s, &y) in scores.iter().zip(labels) {
        match (s >= threshold, y) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => {}
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f32 / b as f32 };
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
        tp,
        fp,
        fn_,
    }
}

/// The threshold (among midpoints of adjacent distinct scores) with the best F1, and that F1's figures.
pub fn best_threshold(scores: &[f32], labels: &[bool]) -> (f32, Prf) {
    let mut sorted: Vec<f32> = scores.to_vec();
    sorted.sort_by(f32::total_cmp);
    sorted.dedup();
    let mut best = (0.5, prf_at(scores, labels, 0.5));
    for pair in sorted.windows(2) {
        let t = (pair[0] + pair[1]) / 2.0;
        let p = prf_at(scores, labels, t);
        if p.f1 > best.1.f1 {
            best = (t, p);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Vec<Example> {
        let rows = [
            ("قتل خمسة جنود في هجوم انتحاري على ثكنة", true),
            ("قصفت الطائرات مواقع المسلحين فقتلت عشرة", true),
            ("انفجرت سيارة مفخخة قرب السوق وقتل مدنيون", true),
            ("هاجم مسلحون حاجزا للشرطة واصابوا ثلاثة", true),
            ("افتتح الوزير معرضا للكتاب في العاصمة", false),
            ("ارتفعت اسعار النفط في الاسواق العالمية", false),
            ("وقع البلدان اتفاقية للتعاون التجاري", false),
            ("فاز الفريق بالمباراة النهائية للبطولة", false),
        ];
        rows.iter()
            .map(|&(t, p)| Example {
                text: t.to_string(),
                positive: p,
            })
            .collect()
    }

    #[test]
    fn training_is_deterministic_and_learns_the_fixture() {
        let config = TrainConfig {
            bits: 14,
            epochs: 20,
            ..TrainConfig::default()
        };
        let data = featurize_all(&fixture(), config.bits);
        let a = train(&data, Category::Assault, &config, 0.5);
        let b = train(&data, Category::Assault, &config, 0.5);
        assert_eq!(a.to_bytes(), b.to_bytes());
        for (x, y) in &data {
            assert_eq!(sigmoid(a.margin(x)) >= 0.5, *y);
        }
    }

    #[test]
    fn folds_are_stratified_and_deterministic() {
        let labels: Vec<bool> = (0..20).map(|i| i % 4 == 0).collect();
        let folds = stratified_folds(&labels, 5, 7);
        assert_eq!(folds, stratified_folds(&labels, 5, 7));
        for f in 0..5 {
            let pos = (0..20).filter(|&i| folds[i] == f && labels[i]).count();
            assert_eq!(pos, 1);
        }
    }

    #[test]
    fn threshold_search_finds_a_separating_cut() {
        let scores = [0.1, 0.2, 0.35, 0.6, 0.9];
        let labels = [false, false, false, true, true];
        let (t, p) = best_threshold(&scores, &labels);
        assert!(t > 0.35 && t < 0.6);
        assert_eq!((p.tp, p.fp, p.fn_), (2, 0, 0));
    }
}
