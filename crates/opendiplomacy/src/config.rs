//! Where the site listens and which database it keeps.

/// The embedded default: a SQLite file under `./var/`, created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://var/opendiplomacy.sqlite3";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
