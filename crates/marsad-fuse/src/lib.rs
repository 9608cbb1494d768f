//! Cross-article fusion of Marsad events, contested claims and ceasefire tracking.
//!
//! The principal entry point is [`fuse`]: given every stored event with its document ([`Report`]) and a
//! [`FusionConfig`], it returns a [`Fusion`]: the [`FusedEvent`]s that link reports of one real event
//! (marked contested when the reports disagree on the toll, the blame or whether it happened) and the
//! [`Ceasefire`]s with the attacks that violate them. Fusion is deterministic: the same events give the
//! same ids and the same order. The rules are documented in `docs/FUSION.md`.

mod ceasefire;
mod config;
mod fused;
mod link;
mod scope;
mod sides;
mod types;

pub use config::{ConfigError, FusionConfig};
pub use scope::{Slice, add_days, is_day, slices};
pub use types::{Ceasefire, Certainty, Claim, Dispute, FusedEvent, Fusion, Report, Violation};

/// Links reports of the same real event and tracks ceasefires.
pub fn fuse(reports: &[Report<'_>], cfg: &FusionConfig) -> Fusion {
    Fusion {
        fused: link(reports, cfg),
        ceasefires: ceasefires(reports, cfg),
    }
}

/// The fused events of `reports` (groups of two or more linked reports), sorted by id.
pub fn link(reports: &[Report<'_>], cfg: &FusionConfig) -> Vec<FusedEvent> {
    link::groups(reports, cfg)
        .iter()
        .filter_map(|g| fused::fused_event(reports, g))
        .collect()
}

/// The ceasefires opened among `reports`, with the attacks among `reports` that violate them.
pub fn ceasefires(reports: &[Report<'_>], cfg: &FusionConfig) -> Vec<Ceasefire> {
    ceasefire::track(reports, cfg)
}

#[cfg(test)]
mod tests;
