//! Marsad's event store: SQLite embedded, PostgreSQL at scale, behind one trait.
