//! Storage behind one interface, with an embedded SQLite and a PostgreSQL implementation.
//!
//! Rules every implementation keeps:
//! - Ports change only through revisions. An import writes a new verified revision for every port
//!   it changes and moves the port's verified pointer; the `ports` table is a projection of the
//!   verified revisions, there for filtering and paging.
//! - A dataset import is one transaction: it lands whole or not at all.
//! - Pages are cursor-paged over a total order that ends with the id, so a client walking every
//!   page sees each row exactly once even while rows change.

mod page;
mod sql;

pub use page::{Cursor, CursorError, Page, PageRequest, SortKey};
pub use sql::{PostgresStore, SqliteStore};

use async_trait::async_trait;

use crate::advisories::Snapshot;
use crate::countries::{Country, CountryCode};
use crate::orgs::{OrgData, Organization, Party, Statement};
use crate::ports::{HarborSize, Port, PortId};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL {0:?} is neither sqlite:// nor postgres://")]
    UnknownScheme(String),
    #[error("cannot prepare the database directory {path}: {source}")]
    Directory {
        path: String,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored record {what} is unreadable: {source}")]
    Corrupt {
        what: String,
        source: serde_json::Error,
    },
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Which ports a list asks for. Empty vectors and `None` mean "no condition".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PortFilter {
    pub country: Option<CountryCode>,
    /// Any of these sizes.
    pub harbor_sizes: Vec<HarborSize>,
    /// Every one of these flag fields must be "yes".
    pub facilities: Vec<String>,
}

/// What an import did, kept in the database so that `opendiplomacy import` and the site can
/// say when each dataset was last loaded.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportRun {
    pub dataset: String,
    pub source: String,
    pub rows: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub notes: Vec<String>,
}

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Which engine this is, for logs and the health check.
    fn engine(&self) -> &'static str;

    /// Creates or upgrades the schema. Safe to call on every start.
    async fn migrate(&self) -> StoreResult<()>;

    /// Whether the dataset has ever been imported.
    async fn has_dataset(&self, dataset: &str) -> StoreResult<bool>;

    /// Replaces the country list in one transaction.
    async fn import_countries(
        &self,
        countries: &[Country],
        run: ImportRun,
    ) -> StoreResult<ImportRun>;

    /// Writes a verified revision for every new or changed port in one transaction. Ports absent
    /// from `ports` are left as they are: an index edition never deletes a port by omission.
    /// `progress` is told after each port written, with how many since the last call.
    async fn import_ports(
        &self,
        ports: &[Port],
        run: ImportRun,
        progress: &(dyn Fn(u64) + Send + Sync),
    ) -> StoreResult<ImportRun>;

    async fn country(&self, code: &CountryCode) -> StoreResult<Option<Country>>;
    async fn countries(&self) -> StoreResult<Vec<Country>>;

    async fn port(&self, id: PortId) -> StoreResult<Option<Port>>;
    async fn ports(&self, filter: &PortFilter, page: &PageRequest) -> StoreResult<Page<Port>>;
    /// Every port, for the search index and nearest-port look-ups.
    async fn all_ports(&self) -> StoreResult<Vec<Port>>;

    /// Replaces the organizations dataset (organizations, their statements from the data and
    /// the cited additions, and the parties of the past) in one transaction.
    async fn import_organizations(&self, data: &OrgData, run: ImportRun) -> StoreResult<ImportRun>;

    /// Every organization, ordered by id.
    async fn organizations(&self) -> StoreResult<Vec<Organization>>;
    /// Every statement about every organization, ordered by organization and id.
    async fn org_statements(&self) -> StoreResult<Vec<Statement>>;
    /// The parties with no ISO code.
    async fn org_parties(&self) -> StoreResult<Vec<Party>>;

    /// The number of revisions a port has, oldest first; the editing issue builds on this.
    async fn port_revision_count(&self, id: PortId) -> StoreResult<u64>;

    /// A value that changes whenever the data readers see changes (a verified revision, an
    /// import), so that values derived in memory know when to rebuild.
    async fn data_version(&self) -> StoreResult<String>;

    /// The last import of each dataset.
    async fn import_runs(&self) -> StoreResult<Vec<ImportRun>>;

    /// Stores a snapshot of one source's advisories in one transaction, replacing the one of
    /// the same source and day if there is one; earlier snapshots are kept as history.
    /// Returns the run as recorded.
    async fn import_advisories(
        &self,
        snapshot: &Snapshot,
        run: ImportRun,
    ) -> StoreResult<ImportRun>;

    /// Every advisory snapshot with its advisories, ordered by id.
    async fn advisory_snapshots(&self) -> StoreResult<Vec<Snapshot>>;
}

/// Opens the store a URL names: `sqlite://PATH` or `postgres://…`.
pub async fn open(url: &str) -> StoreResult<std::sync::Arc<dyn Store>> {
    let store: std::sync::Arc<dyn Store> = if url.starts_with("sqlite:") {
        std::sync::Arc::new(SqliteStore::open(url).await?)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        std::sync::Arc::new(PostgresStore::open(url).await?)
    } else {
        return Err(StoreError::UnknownScheme(url.to_owned()));
    };
    store.migrate().await?;
    Ok(store)
}
