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
mod sides;
mod types;

pub use config::{ConfigError, FusionConfig};
pub use types::{Ceasefire, Certainty, Claim, Dispute, FusedEvent, Fusion, Report, Violation};

/// Links reports of the same real event and tracks ceasefires.
pub fn fuse(reports: &[Report<'_>], cfg: &FusionConfig) -> Fusion {
    let fused = link::groups(reports, cfg)
        .iter()
        .filter_map(|g| fused::fused_event(reports, g))
        .collect();
    Fusion {
        fused,
        ceasefires: ceasefire::track(reports, cfg),
    }
}

#[cfg(test)]
mod tests;
