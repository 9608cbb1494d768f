//! The store's error type.

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database refused an operation.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON value cannot be read back (or a value cannot be written as JSON).
    #[error("stored JSON is invalid: {0}")]
    Json(#[from] serde_json::Error),
    /// The database was written by a newer Marsad.
    #[error("database schema version {found} is newer than this Marsad supports ({supported})")]
    SchemaTooNew {
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// The database file cannot be opened.
    #[error("cannot open database {path}: {source}")]
    Open {
        /// The path given.
        path: String,
        /// Why.
        source: rusqlite::Error,
    },
    /// A lock was poisoned by a panic in another thread.
    #[error("store lock poisoned")]
    Poisoned,
}

impl Error {
    /// True when retrying the same operation later may succeed (the database was busy or locked).
    pub fn is_retriable(&self) -> bool {
        matches!(
            self,
            Error::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if matches!(e.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }
}
