//! The output contract of Marsad: [`DocOutput`] and the [`Event`]s, [`Entity`]s and [`Place`]s inside it.
//!
//! This crate has no I/O and no logic beyond validation: it is the one place where the JSON shape of
//! Marsad's output (documented in `docs/EVENT_SCHEMA.md`, versioned by [`SCHEMA_VERSION`]) is defined.
//!
//! # Offsets
//! Every [`Span`] is a half-open range `[start, end)` of Unicode scalar values (code points) in the
//! **original** input text, never in a normalised copy. For every span in an output document,
//! `original.chars().skip(start).take(end - start)` equals the span's `text`. Stages that normalise text
//! keep a map back to the original and must translate before they emit a span.

mod doc;
mod event;
mod plover;
mod span;

pub use doc::{DateMention, DocOutput, InputDoc, Mention, MentionKind, NumberMention};
pub use event::{Acled, Count, Entity, Event, FieldSpans, Place, Precision, Qualifier, TextSpan};
pub use plover::{Category, DatePrecision, Mode, Quad, Sector, Status};
pub use span::Span;

/// Version of the JSON output contract. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;
