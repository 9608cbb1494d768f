//! Marsad's event store: documents, events with their provenance, mentions, fused events and ceasefires,
//! behind the [`Store`] trait.
//!
//! [`SqliteStore`] is the embedded backend (one file, WAL, FTS5 over document text, an R-tree over event
//! places, versioned migrations). A PostgreSQL backend implements the same trait for scale-out: the
//! trait is `Send + Sync`, batch-oriented (one transaction per [`Store::write_batch`]) and speaks only
//! the contract types of `marsad-model` and `marsad-fuse`, so callers never see SQL.
//!
//! ```no_run
//! use marsad_store::{EventFilter, SqliteStore, Store};
//! let store = SqliteStore::open("marsad.db")?;
//! let filter = EventFilter { countries: vec!["ARM".into()], limit: Some(10), ..Default::default() };
//! for e in store.events(&filter)? {
//!     println!("{} {}", e.event.id, e.event.event);
//! }
//! # Ok::<(), marsad_store::Error>(())
//! ```

mod error;
pub mod fusion;
mod sqlite;
mod types;

pub use error::Error;
pub use sqlite::SqliteStore;
pub use types::{
    BBox, BatchReport, DocKey, DocState, Document, EventFilter, SearchHit, Stats, StoredDoc, StoredEvent,
    content_hash,
};

use marsad_fuse::{Ceasefire, FusedEvent, Fusion};

/// A result of the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Default path of the embedded database.
pub const DEFAULT_DB: &str = "marsad.db";

/// Storage of Marsad's documents, events and fusion results.
///
/// Every method is synchronous and safe to call from several threads. Writes are batched: one call, one
/// transaction; a crash loses at most the batch in flight.
pub trait Store: Send + Sync {
    /// Short name of the backend (`sqlite`, `postgres`).
    fn backend(&self) -> &'static str;

    /// What the store knows of each document key: new, unchanged, changed, or a duplicate of another id.
    /// The answer is in the order of `keys`.
    fn doc_states(&self, keys: &[DocKey]) -> Result<Vec<DocState>>;

    /// Stores a batch of extracted documents in one transaction. A document whose id is stored with the
    /// same hash is skipped; with another hash it is replaced (its events and mentions too); a document
    /// whose content is stored under another id is recorded as an alias and skipped.
    fn write_batch(&self, docs: &[StoredDoc]) -> Result<BatchReport>;

    /// Events matching `filter` (its `limit` and `offset` page them), newest last day first, undated
    /// last, then by id.
    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>>;

    /// How many events match `filter` (its page ignored), without loading them.
    fn count_events(&self, filter: &EventFilter) -> Result<u64>;

    /// One event by id.
    fn event(&self, id: &str) -> Result<Option<StoredEvent>>;

    /// One document by id.
    fn document(&self, id: &str) -> Result<Option<Document>>;

    /// Full-text search over titles and texts (FTS5 query syntax), best first.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;

    /// Replaces every fused event and ceasefire with `fusion` and empties the pending list, in one
    /// transaction.
    fn replace_fusion(&self, fusion: &Fusion) -> Result<()>;

    /// Documents written (new or changed) since fusion last took them, sorted.
    fn pending_fusion(&self) -> Result<Vec<String>>;

    /// Drops the fused events `drop` (their members become unfused), stores `add` and takes the
    /// documents `done` off the pending list, in one transaction: the write of incremental fusion.
    fn update_fused(&self, drop: &[String], add: &[FusedEvent], done: &[String]) -> Result<()>;

    /// Replaces every ceasefire, in one transaction.
    fn replace_ceasefires(&self, ceasefires: &[Ceasefire]) -> Result<()>;

    /// Fused events with a member matching `filter` (its page applies to the fused events), contested
    /// ones included, ordered by date (newest first) then id.
    fn fused_events(&self, filter: &EventFilter) -> Result<Vec<FusedEvent>>;

    /// One fused event by id.
    fn fused_event(&self, id: &str) -> Result<Option<FusedEvent>>;

    /// Ceasefires with their violations, newest first.
    fn ceasefires(&self) -> Result<Vec<Ceasefire>>;

    /// Counts for summaries and the API.
    fn stats(&self) -> Result<Stats>;

    /// A canonical, backend-independent dump of the content (sorted JSON lines, no row ids): two stores
    /// hold the same data exactly when their dumps are equal.
    fn dump(&self) -> Result<String>;
}
