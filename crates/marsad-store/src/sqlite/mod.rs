//! The embedded SQLite backend.

mod dump;
mod read;
mod write;

#[cfg(test)]
mod tests;

use crate::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Migrations in order; migration `i` brings the schema to version `i + 1` (`PRAGMA user_version`).
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_fusion_columns_trim_mentions.sql"),
];

/// Readers kept open between calls.
const MAX_IDLE_READERS: usize = 4;

/// Marsad's store in one SQLite file (WAL mode), safe to share between threads.
///
/// Writes go through one connection under a mutex; reads use a small pool of read connections, so a
/// server keeps answering while a batch is written.
#[derive(Debug)]
pub struct SqliteStore {
    path: Option<PathBuf>,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|source| Error::Open {
            path: path.display().to_string(),
            source,
        })?;
        configure(&conn)?;
        migrate(&conn)?;
        Ok(SqliteStore {
            path: Some(path.to_path_buf()),
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
        })
    }

    /// A private in-memory database (for tests and one-shot runs).
    pub fn in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate(&conn)?;
        Ok(SqliteStore {
            path: None,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
        })
    }

    /// The schema version of this build.
    pub fn schema_version() -> i64 {
        MIGRATIONS.len() as i64
    }

    /// Runs `f` on the writer connection.
    fn with_writer<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.writer.lock().map_err(|_| Error::Poisoned)?;
        f(&mut conn)
    }

    /// Runs `f` on a read connection (the writer for in-memory databases).
    fn with_reader<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let Some(path) = &self.path else {
            return self.with_writer(|c| f(c));
        };
        let pooled = self.readers.lock().map_err(|_| Error::Poisoned)?.pop();
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Connection::open(path)?;
                configure(&c)?;
                c
            }
        };
        let out = f(&conn);
        let mut idle = self.readers.lock().map_err(|_| Error::Poisoned)?;
        if idle.len() < MAX_IDLE_READERS {
            idle.push(conn);
        }
        out
    }
}

/// Pragmas of every connection: WAL, foreign keys, a busy timeout.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // In-memory databases answer "memory"; both are fine.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Applies the migrations the file has not seen, each in its own transaction.
fn migrate(conn: &Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let supported = MIGRATIONS.len() as i64;
    if version > supported {
        return Err(Error::SchemaTooNew {
            found: version,
            supported,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

impl crate::Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn doc_states(&self, keys: &[crate::DocKey]) -> Result<Vec<crate::DocState>> {
        self.with_reader(|c| write::doc_states(c, keys))
    }

    fn write_batch(&self, docs: &[crate::StoredDoc]) -> Result<crate::BatchReport> {
        self.with_writer(|c| write::write_batch(c, docs))
    }

    fn events(&self, filter: &crate::EventFilter) -> Result<Vec<crate::StoredEvent>> {
        self.with_reader(|c| read::events(c, filter))
    }

    fn count_events(&self, filter: &crate::EventFilter) -> Result<u64> {
        self.with_reader(|c| read::count_events(c, filter))
    }

    fn event(&self, id: &str) -> Result<Option<crate::StoredEvent>> {
        self.with_reader(|c| read::event(c, id))
    }

    fn document(&self, id: &str) -> Result<Option<crate::Document>> {
        self.with_reader(|c| read::document(c, id))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<crate::SearchHit>> {
        self.with_reader(|c| read::search(c, query, limit))
    }

    fn replace_fusion(&self, fusion: &marsad_fuse::Fusion) -> Result<()> {
        self.with_writer(|c| write::replace_fusion(c, fusion))
    }

    fn pending_fusion(&self) -> Result<Vec<String>> {
        self.with_reader(read::pending_fusion)
    }

    fn update_fused(&self, drop: &[String], add: &[marsad_fuse::FusedEvent], done: &[String]) -> Result<()> {
        self.with_writer(|c| write::update_fused(c, drop, add, done))
    }

    fn replace_ceasefires(&self, ceasefires: &[marsad_fuse::Ceasefire]) -> Result<()> {
        self.with_writer(|c| write::replace_ceasefires(c, ceasefires))
    }

    fn fused_events(&self, filter: &crate::EventFilter) -> Result<Vec<marsad_fuse::FusedEvent>> {
        self.with_reader(|c| read::fused_events(c, filter))
    }

    fn fused_event(&self, id: &str) -> Result<Option<marsad_fuse::FusedEvent>> {
        self.with_reader(|c| read::fused_event(c, id))
    }

    fn ceasefires(&self) -> Result<Vec<marsad_fuse::Ceasefire>> {
        self.with_reader(read::ceasefires)
    }

    fn stats(&self) -> Result<crate::Stats> {
        self.with_reader(read::stats)
    }

    fn dump(&self) -> Result<String> {
        self.with_reader(dump::dump)
    }
}
