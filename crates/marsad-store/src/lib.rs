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
//! for e in store.events(&EventFilter { country: Some("ARM".into()), ..Default::default() })? {
//!     println!("{} {}", e.event.id, e.event.event);
//! }
//! # Ok::<(), marsad_store::Error>(())
//! ```

mod error;
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

    /// Events matching `filter`, newest date first, then by id.
    fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>>;

    /// One event by id.
    fn event(&self, id: &str) -> Result<Option<StoredEvent>>;

    /// One document by id.
    fn document(&self, id: &str) -> Result<Option<Document>>;

    /// Full-text search over titles and texts (FTS5 query syntax), best first.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;

    /// Replaces every fused event and ceasefire with `fusion`, in one transaction.
    fn replace_fusion(&self, fusion: &Fusion) -> Result<()>;

    /// Fused events, contested ones included, ordered by date (newest first) then id.
    fn fused_events(&self, filter: &EventFilter) -> Result<Vec<FusedEvent>>;

    /// Ceasefires with their violations, newest first.
    fn ceasefires(&self) -> Result<Vec<Ceasefire>>;

    /// Counts for summaries and the API.
    fn stats(&self) -> Result<Stats>;

    /// A canonical, backend-independent dump of the content (sorted JSON lines, no row ids): two stores
    /// hold the same data exactly when their dumps are equal.
    fn dump(&self) -> Result<String>;
}
