//! Marsad's trained sentence classifier: does a sentence report an event of a PLOVER category?
//!
//! One binary logistic-regression model per category over hashed character n-grams (2–5) and word
//! uni- and bigrams of the normalised sentence ([`features`]). The models are trained by
//! `cargo run -p xtask --release -- train-classifier` on the Arabic PLOVER detection set (MIT licence,
//! see `data/models/LICENSE.arabic_event_gsr`) and compiled into the binary; `docs/CLASSIFIER.md` holds
//! their cross-validated figures. Models exist for ASSAULT and PROTEST; other categories return `None`.
//!
//! The rule-based coder uses [`score`] as a gate or feature:
//!
//! ```
//! use marsad_model::Category;
//! let p = marsad_classify::score("قتل ثلاثة جنود في هجوم بسيارة مفخخة", Category::Assault);
//! assert!(p.is_some_and(|p| (0.0..=1.0).contains(&p)));
//! assert_eq!(marsad_classify::score("نص", Category::Agree), None);
//! ```

pub mod features;
pub mod model;
pub mod train;

pub use model::{Model, ModelError};

use marsad_model::Category;
use std::sync::LazyLock;

static ASSAULT_BYTES: &[u8] = include_bytes!("../../../data/models/detect-assault.bin");
static PROTEST_BYTES: &[u8] = include_bytes!("../../../data/models/detect-protest.bin");

static ASSAULT: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(ASSAULT_BYTES).ok());
static PROTEST: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(PROTEST_BYTES).ok());

/// The compiled-in model for `category`, parsed on first use (`None` when there is none).
pub fn model(category: Category) -> Option<&'static Model> {
    match category {
        Category::Assault => ASSAULT.as_ref(),
        Category::Protest => PROTEST.as_ref(),
        _ => None,
    }
}

/// The probability that `text` (one sentence) reports an event of `category`, or `None` when no model
/// exists for that category.
pub fn score(text: &str, category: Category) -> Option<f32> {
    model(category).map(|m| m.probability(text))
}

/// The probability of every category that has a model, featurising `text` once: cheaper than calling
/// [`score`] per category. Categories come in [`Category::ALL`] order.
pub fn score_all(text: &str) -> Vec<(Category, f32)> {
    let models: Vec<&Model> = Category::ALL.iter().filter_map(|&c| model(c)).collect();
    let mut features: Option<(u8, features::SparseVec)> = None;
    let mut out = Vec::with_capacity(models.len());
    for m in models {
        let x = match &features {
            Some((bits, x)) if *bits == m.bits => x,
            _ => &features.insert((m.bits, features::featurize(text, m.bits))).1,
        };
        out.push((m.category, model::sigmoid(m.margin(x))));
    }
    out
}

/// The decision threshold chosen by cross-validation for `category` (best out-of-fold F1).
pub fn threshold(category: Category) -> Option<f32> {
    model(category).map(|m| m.threshold)
}

/// Whether `text` reports `category` at the model's threshold (`None` when no model exists).
pub fn detect(text: &str, category: Category) -> Option<bool> {
    model(category).map(|m| m.probability(text) >= m.threshold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_models_parse() {
        for (bytes, category) in [
            (ASSAULT_BYTES, Category::Assault),
            (PROTEST_BYTES, Category::Protest),
        ] {
            let m = Model::from_bytes(bytes).expect("shipped model parses");
            assert_eq!(m.category, category);
            assert!((0.0..=1.0).contains(&m.threshold));
        }
    }

    #[test]
    fn scores_are_probabilities() {
        for text in [
            "",
            "؟",
            "hello world",
            "تظاهر الآلاف في الساحة",
            &"هجوم ".repeat(500),
        ] {
            for c in [Category::Assault, Category::Protest] {
                let p = score(text, c).expect("model exists");
                assert!((0.0..=1.0).contains(&p), "{text:?} {c}: {p}");
            }
        }
        assert_eq!(score("هجوم", Category::Coerce), None);
        let text = "أطلق مسلحون النار على المتظاهرين";
        let all = score_all(text);
        assert_eq!(all.len(), 2);
        for (c, p) in all {
            assert_eq!(score(text, c), Some(p));
        }
    }

    #[test]
    fn clear_attack_scores_high_and_weather_low() {
        let attack =
            "قتل سبعة جنود وأصيب عشرة آخرون عندما فجر انتحاري سيارة مفخخة عند حاجز للجيش شمال المدينة.";
        let calm = "توقعت هيئة الأرصاد الجوية طقسا معتدلا مع أمطار خفيفة على المناطق الساحلية نهاية الأسبوع.";
        let (a, c) = (score(attack, Category::Assault), score(calm, Category::Assault));
        assert!(a.zip(c).is_some_and(|(a, c)| a > c), "{a:?} {c:?}");
        assert_eq!(detect(attack, Category::Assault), Some(true));
        assert_eq!(detect(calm, Category::Assault), Some(false));
    }

    #[test]
    fn clear_protest_scores_high_and_business_low() {
        let protest =
            "تظاهر آلاف المحتجين أمام مبنى البرلمان مطالبين باستقالة الحكومة ورفعوا لافتات منددة بالفساد.";
        let calm = "أعلنت الشركة عن ارتفاع أرباحها الفصلية بنسبة عشرة في المئة بفضل زيادة المبيعات.";
        assert_eq!(detect(protest, Category::Protest), Some(true));
        assert_eq!(detect(calm, Category::Protest), Some(false));
    }
}
