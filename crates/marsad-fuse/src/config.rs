//! Fusion thresholds: a [`FusionConfig`] with documented defaults, read from TOML or JSON.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// Why a configuration cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file cannot be read.
    #[error("cannot read fusion config {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML for a [`FusionConfig`].
    #[error("fusion config {path} is not valid TOML: {source}")]
    Toml {
        /// The file.
        path: String,
        /// Why.
        source: toml::de::Error,
    },
    /// The file is not valid JSON for a [`FusionConfig`].
    #[error("fusion config {path} is not valid JSON: {source}")]
    Json {
        /// The file.
        path: String,
        /// Why.
        source: serde_json::Error,
    },
    /// A value is out of range.
    #[error("fusion config: {0}")]
    Invalid(String),
}

/// Thresholds of fusion and ceasefire tracking. Every field has a default; a file may set any subset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FusionConfig {
    /// Two reports may be one event when some place of one lies within this many kilometres of some
    /// place of the other.
    pub max_distance_km: f64,
    /// ... and their dates are at most this many days apart (both must be day-precise).
    pub date_window_days: i64,
    /// Across documents, also link reports without a precise place (only a country, or none) when
    /// both name a place in a shared country and both ends (actor and recipient) are known and shared.
    /// Off by default: a country-level place does not link reports by itself.
    pub link_without_coordinates: bool,
    /// Link reports inside one document (repeated tellings and mirror claims, A→B and B→A); an undated
    /// report there takes the document's publication day.
    pub link_within_document: bool,
    /// Events below this confidence are left out of fusion.
    pub min_confidence: f32,
    /// A ceasefire stays open this many days after its start for violation links.
    pub ceasefire_window_days: i64,
    /// Largest fused group; a group that would grow beyond it is not merged further (guards against
    /// chains of loosely similar reports).
    pub max_group_size: usize,
}

impl Default for FusionConfig {
    fn default() -> Self {
        FusionConfig {
            max_distance_km: 50.0,
            date_window_days: 1,
            link_without_coordinates: false,
            link_within_document: true,
            min_confidence: 0.0,
            ceasefire_window_days: 30,
            max_group_size: 20,
        }
    }
}

impl FusionConfig {
    /// Reads a configuration from a `.toml` or `.json` file (chosen by extension; TOML otherwise) and
    /// validates it.
    pub fn from_path(path: &Path) -> Result<Self, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: shown.clone(),
            source,
        })?;
        let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let cfg: FusionConfig = if is_json {
            serde_json::from_str(&text).map_err(|source| ConfigError::Json { path: shown, source })?
        } else {
            toml::from_str(&text).map_err(|source| ConfigError::Toml { path: shown, source })?
        };
        cfg.validate()
    }

    /// Checks every value is in range and returns the configuration.
    pub fn validate(self) -> Result<Self, ConfigError> {
        if self.max_distance_km.is_nan() || self.max_distance_km < 0.0 {
            return Err(ConfigError::Invalid("max_distance_km must be 0 or more".into()));
        }
        if self.date_window_days < 0 || self.ceasefire_window_days < 0 {
            return Err(ConfigError::Invalid("day windows must be 0 or more".into()));
        }
        if self.max_group_size < 2 {
            return Err(ConfigError::Invalid("max_group_size must be at least 2".into()));
        }
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(ConfigError::Invalid(
                "min_confidence must be between 0 and 1".into(),
            ));
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_toml_and_json_keep_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = dir.path().join("f.toml");
        std::fs::write(&t, "max_distance_km = 25.5\n").expect("write");
        let c = FusionConfig::from_path(&t).expect("valid toml");
        assert_eq!(c.max_distance_km, 25.5);
        assert_eq!(c.date_window_days, 1);
        let j = dir.path().join("f.json");
        std::fs::write(&j, r#"{"date_window_days": 3}"#).expect("write");
        assert_eq!(
            FusionConfig::from_path(&j).expect("valid json").date_window_days,
            3
        );
    }

    #[test]
    fn rejects_bad_values_and_unknown_keys() {
        assert!(
            FusionConfig {
                date_window_days: -1,
                ..Default::default()
            }
            .validate()
            .is_err()
        );
        assert!(
            FusionConfig {
                max_distance_km: f64::NAN,
                ..Default::default()
            }
            .validate()
            .is_err()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let t = dir.path().join("f.toml");
        std::fs::write(&t, "max_km = 3\n").expect("write");
        assert!(FusionConfig::from_path(&t).is_err());
    }
}
