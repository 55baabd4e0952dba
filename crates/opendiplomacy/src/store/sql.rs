//! The SQLite and PostgreSQL stores.
//!
//! Both engines accept the same SQL here: `$N` placeholders numbered in order of first use
//! (SQLite reads `$N` as a named parameter and numbers it by first appearance), `ON CONFLICT`
//! upserts, and text for JSON documents and timestamps. So one body of code, stamped out for
//! each engine by [`sql_store!`], serves both; only connecting and the migrations differ.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::SystemTime;

use async_trait::async_trait;
use sqlx::Row;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use super::{
    Cursor, ImportRun, Page, PageRequest, PortFilter, SortKey, Store, StoreError, StoreResult,
};
use crate::advisories::{Advisory, Snapshot};
use crate::countries::{Country, CountryCode};
use crate::orgs::{OrgData, Organization, Party, Statement};
use crate::ports::{AttrValue, Port, PortId};

pub struct SqliteStore {
    pool: SqlitePool,
}

pub struct PostgresStore {
    pool: PgPool,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file a `sqlite://PATH` URL names.
    pub async fn open(url: &str) -> StoreResult<Self> {
        let path = url
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:");
        let in_memory = path.is_empty() || path.starts_with(":memory:");
        if !in_memory
            && let Some(dir) = std::path::Path::new(path)
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Directory {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true);
        // An in-memory database lives as long as its one connection.
        let max = if in_memory { 1 } else { 8 };
        let pool = SqlitePoolOptions::new()
            .max_connections(max)
            .min_connections(if in_memory { 1 } else { 0 })
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        Ok(Self { pool })
    }
}

impl PostgresStore {
    pub async fn open(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .connect(url)
            .await?;
        Ok(Self { pool })
    }
}

/// A bound value of a query built at run time.
enum Param {
    Text(String),
    Int(i64),
}

/// Builds a WHERE clause with placeholders numbered in order of first use.
#[derive(Default)]
struct Query {
    sql: String,
    params: Vec<Param>,
}

impl Query {
    fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// Adds a parameter and returns its placeholder.
    fn param(&mut self, param: Param) -> String {
        self.params.push(param);
        format!("${}", self.params.len())
    }
}

/// The WHERE clause of a port filter, without any cursor condition.
fn port_filter(filter: &PortFilter) -> Query {
    let mut query = Query::default();
    query.push(" WHERE 1 = 1");
    if let Some(country) = &filter.country {
        let p = query.param(Param::Text(country.as_str().to_owned()));
        query.push(&format!(" AND country = {p}"));
    }
    if !filter.harbor_sizes.is_empty() {
        let list: Vec<String> = filter
            .harbor_sizes
            .iter()
            .map(|size| query.param(Param::Text(size.code().to_owned())))
            .collect();
        query.push(&format!(" AND harbor_size IN ({})", list.join(", ")));
    }
    for facility in &filter.facilities {
        let p = query.param(Param::Text(facility.clone()));
        query.push(&format!(
            " AND id IN (SELECT port_id FROM port_facilities WHERE facility = {p})"
        ));
    }
    query
}

/// Adds the cursor condition and the order; returns the page query.
fn port_page(filter: &PortFilter, page: &PageRequest) -> Query {
    let mut query = port_filter(filter);
    let order = match page.sort {
        SortKey::Id => " ORDER BY id",
        SortKey::Name => " ORDER BY sort_name, id",
    };
    if let Some(after) = &page.after {
        match page.sort {
            SortKey::Id => {
                let id = query.param(Param::Int(after.id));
                query.push(&format!(" AND id > {id}"));
            }
            SortKey::Name => {
                let key = query.param(Param::Text(after.key.clone()));
                let id = query.param(Param::Int(after.id));
                query.push(&format!(
                    " AND (sort_name > {key} OR (sort_name = {key} AND id > {id}))"
                ));
            }
        }
    }
    query.push(order);
    let limit = query.param(Param::Int(i64::from(page.limit) + 1));
    query.push(&format!(" LIMIT {limit}"));
    query
}

/// The key ports are ordered by when sorted by name: case and accents folded, so "Ålesund"
/// sorts among the As.
fn sort_name(port: &Port) -> String {
    crate::text::normalise(&port.name)
}

fn now() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}

fn decode<T: serde::de::DeserializeOwned>(what: impl Fn() -> String, text: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|source| StoreError::Corrupt {
        what: what(),
        source,
    })
}

fn encode<T: serde::Serialize>(value: &T) -> String {
    // Our domain values are plain data: maps with string keys and finite numbers.
    serde_json::to_string(value).unwrap_or_default()
}

fn facilities(port: &Port) -> impl Iterator<Item = &str> {
    port.attributes
        .iter()
        .filter_map(|(key, value)| match value {
            AttrValue::Flag(true) => Some(key.as_str()),
            _ => None,
        })
}

/// Rows per multi-row INSERT: few round trips, and well under either engine's limit on bound
/// parameters.
const BATCH: usize = 500;

/// `INSERT INTO table (columns) VALUES ($1, …), (…)` for `rows` rows.
fn batch_insert(table: &str, columns: &[&str], rows: usize) -> String {
    let width = columns.len();
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let placeholders: Vec<String> = (1..=width)
                .map(|col| format!("${}", row * width + col))
                .collect();
            format!("({})", placeholders.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {table} ({}) VALUES {}",
        columns.join(", "),
        values.join(", ")
    )
}

macro_rules! sql_store {
    ($store:ty, $engine:literal, $migrations:literal) => {
        impl $store {
            async fn fetch_with(
                &self,
                query: &Query,
                select: &str,
            ) -> StoreResult<Vec<<<$store as Engine>::Db as sqlx::Database>::Row>> {
                let sql = format!("{select}{}", query.sql);
                let mut q = sqlx::query(&sql);
                for param in &query.params {
                    q = match param {
                        Param::Text(text) => q.bind(text.clone()),
                        Param::Int(int) => q.bind(*int),
                    };
                }
                Ok(q.fetch_all(&self.pool).await?)
            }

            /// Decodes the JSON of every row a query returns as `(key, data)`.
            async fn decode_all<T: serde::de::DeserializeOwned>(&self, sql: &str, what: &str) -> StoreResult<Vec<T>> {
                sqlx::query(sql)
                    .fetch_all(&self.pool)
                    .await?
                    .into_iter()
                    .map(|row| {
                        let key: String = match row.try_get::<String, _>(0) {
                            Ok(key) => key,
                            Err(_) => row.try_get::<i64, _>(0)?.to_string(),
                        };
                        decode(|| format!("{what} {key}"), &row.try_get::<String, _>(1)?)
                    })
                    .collect()
            }
        }

        #[async_trait]
        impl Store for $store {
            fn engine(&self) -> &'static str {
                $engine
            }

            async fn migrate(&self) -> StoreResult<()> {
                sqlx::migrate!($migrations).run(&self.pool).await?;
                Ok(())
            }

            async fn has_dataset(&self, dataset: &str) -> StoreResult<bool> {
                let row = sqlx::query("SELECT COUNT(*) FROM import_runs WHERE dataset = $1")
                    .bind(dataset)
                    .fetch_one(&self.pool)
                    .await?;
                Ok(row.try_get::<i64, _>(0)? > 0)
            }

            async fn import_countries(
                &self,
                countries: &[Country],
                mut run: ImportRun,
            ) -> StoreResult<ImportRun> {
                let mut tx = self.pool.begin().await?;
                let existing: HashMap<String, String> =
                    sqlx::query("SELECT code, data FROM countries")
                        .fetch_all(&mut *tx)
                        .await?
                        .into_iter()
                        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
                        .collect::<Result<_, sqlx::Error>>()?;
                for country in countries {
                    let data = encode(country);
                    match existing.get(country.code.as_str()) {
                        Some(old) if *old == data => run.unchanged += 1,
                        Some(_) => run.updated += 1,
                        None => run.inserted += 1,
                    }
                    sqlx::query(
                        "INSERT INTO countries (code, name_en, name_zh, data) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (code) DO UPDATE SET name_en = $2, name_zh = $3, data = $4",
                    )
                    .bind(country.code.as_str())
                    .bind(&country.name_en)
                    .bind(&country.name_zh)
                    .bind(&data)
                    .execute(&mut *tx)
                    .await?;
                }
                record_run(&mut tx, &run).await?;
                tx.commit().await?;
                Ok(run)
            }

            async fn import_ports(
                &self,
                ports: &[Port],
                mut run: ImportRun,
                progress: &(dyn Fn(u64) + Send + Sync),
            ) -> StoreResult<ImportRun> {
                let mut tx = self.pool.begin().await?;
                let existing: HashMap<i64, (i64, String)> =
                    sqlx::query("SELECT id, verified_revision, data FROM ports")
                        .fetch_all(&mut *tx)
                        .await?
                        .into_iter()
                        .map(|row| Ok((row.try_get(0)?, (row.try_get(1)?, row.try_get(2)?))))
                        .collect::<Result<_, sqlx::Error>>()?;
                let created_at = now();
                let author = format!("import:{}", run.dataset);
                let summary = format!("import of {}", run.source);
                for port in ports {
                    progress(1);
                    let id = i64::from(port.id.0);
                    let data = encode(port);
                    let based_on = match existing.get(&id) {
                        Some((_, old)) if *old == data => {
                            run.unchanged += 1;
                            continue;
                        }
                        Some((revision, _)) => {
                            run.updated += 1;
                            Some(*revision)
                        }
                        None => {
                            run.inserted += 1;
                            None
                        }
                    };
                    let revision: i64 = sqlx::query(
                        "INSERT INTO port_revisions (port_id, based_on, author, summary, status, created_at, data) \
                         VALUES ($1, $2, $3, $4, 'verified', $5, $6) RETURNING id",
                    )
                    .bind(id)
                    .bind(based_on)
                    .bind(&author)
                    .bind(&summary)
                    .bind(&created_at)
                    .bind(&data)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                    sqlx::query(
                        "INSERT INTO ports (id, name, sort_name, country, harbor_size, latitude, longitude, verified_revision, data) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                         ON CONFLICT (id) DO UPDATE SET name = $2, sort_name = $3, country = $4, harbor_size = $5, \
                         latitude = $6, longitude = $7, verified_revision = $8, data = $9",
                    )
                    .bind(id)
                    .bind(&port.name)
                    .bind(sort_name(port))
                    .bind(port.country.as_ref().map(|c| c.as_str().to_owned()))
                    .bind(port.harbor_size.map(|s| s.code()))
                    .bind(port.position.map(|p| p.latitude))
                    .bind(port.position.map(|p| p.longitude))
                    .bind(revision)
                    .bind(&data)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("DELETE FROM port_facilities WHERE port_id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    for facility in facilities(port) {
                        sqlx::query("INSERT INTO port_facilities (facility, port_id) VALUES ($1, $2)")
                            .bind(facility)
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                record_run(&mut tx, &run).await?;
                tx.commit().await?;
                Ok(run)
            }

            async fn country(&self, code: &CountryCode) -> StoreResult<Option<Country>> {
                let row = sqlx::query("SELECT data FROM countries WHERE code = $1")
                    .bind(code.as_str())
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(|row| decode(|| format!("country {code}"), &row.try_get::<String, _>(0)?))
                    .transpose()
            }

            async fn countries(&self) -> StoreResult<Vec<Country>> {
                sqlx::query("SELECT code, data FROM countries ORDER BY code")
                    .fetch_all(&self.pool)
                    .await?
                    .into_iter()
                    .map(|row| {
                        let code: String = row.try_get(0)?;
                        decode(|| format!("country {code}"), &row.try_get::<String, _>(1)?)
                    })
                    .collect()
            }

            async fn port(&self, id: PortId) -> StoreResult<Option<Port>> {
                let row = sqlx::query("SELECT data FROM ports WHERE id = $1")
                    .bind(i64::from(id.0))
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(|row| decode(|| format!("port {id}"), &row.try_get::<String, _>(0)?))
                    .transpose()
            }

            async fn ports(&self, filter: &PortFilter, page: &PageRequest) -> StoreResult<Page<Port>> {
                let count = self.fetch_with(&port_filter(filter), "SELECT COUNT(*) FROM ports").await?;
                let total = count.first().map(|row| row.try_get::<i64, _>(0)).transpose()?.unwrap_or(0);
                let rows = self
                    .fetch_with(&port_page(filter, page), "SELECT id, sort_name, data FROM ports")
                    .await?;
                let mut items = Vec::with_capacity(rows.len());
                let mut last = None;
                for row in rows.iter().take(page.limit as usize) {
                    let id: i64 = row.try_get(0)?;
                    let key: String = row.try_get(1)?;
                    items.push(decode(|| format!("port {id}"), &row.try_get::<String, _>(2)?)?);
                    last = Some((id, key));
                }
                let next = match last {
                    Some((id, key)) if rows.len() > page.limit as usize => Some(Cursor {
                        sort: page.sort,
                        key: if page.sort == SortKey::Name { key } else { String::new() },
                        id,
                    }),
                    _ => None,
                };
                Ok(Page {
                    items,
                    total: u64::try_from(total).unwrap_or(0),
                    next,
                })
            }

            async fn all_ports(&self) -> StoreResult<Vec<Port>> {
                sqlx::query("SELECT id, data FROM ports ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?
                    .into_iter()
                    .map(|row| {
                        let id: i64 = row.try_get(0)?;
                        decode(|| format!("port {id}"), &row.try_get::<String, _>(1)?)
                    })
                    .collect()
            }

            async fn import_organizations(
                &self,
                data: &OrgData,
                mut run: ImportRun,
            ) -> StoreResult<ImportRun> {
                let mut tx = self.pool.begin().await?;
                let existing: HashMap<String, String> =
                    sqlx::query("SELECT id, data FROM org_statements")
                        .fetch_all(&mut *tx)
                        .await?
                        .into_iter()
                        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
                        .collect::<Result<_, sqlx::Error>>()?;
                let statements: Vec<(String, String)> = data
                    .statements
                    .iter()
                    .map(|s| (s.id.clone(), encode(s)))
                    .collect();
                for (id, encoded) in &statements {
                    match existing.get(id) {
                        Some(old) if old == encoded => run.unchanged += 1,
                        Some(_) => run.updated += 1,
                        None => run.inserted += 1,
                    }
                }
                for table in ["org_statements", "org_parties", "organizations"] {
                    sqlx::query(&format!("DELETE FROM {table}"))
                        .execute(&mut *tx)
                        .await?;
                }
                for chunk in data.organizations.chunks(BATCH) {
                    let sql = batch_insert("organizations", &["id", "abbr", "data"], chunk.len());
                    let mut q = sqlx::query(&sql);
                    for org in chunk {
                        q = q.bind(i64::from(org.id.0)).bind(org.abbr.clone()).bind(encode(org));
                    }
                    q.execute(&mut *tx).await?;
                }
                for (chunk, encoded) in data.statements.chunks(BATCH).zip(statements.chunks(BATCH)) {
                    let sql = batch_insert(
                        "org_statements",
                        &["id", "org_id", "property", "party", "rank", "origin", "data"],
                        chunk.len(),
                    );
                    let mut q = sqlx::query(&sql);
                    for (statement, (id, data)) in chunk.iter().zip(encoded) {
                        q = q
                            .bind(id.clone())
                            .bind(i64::from(statement.org.0))
                            .bind(statement.property.code())
                            .bind(statement.party.clone())
                            .bind(statement.rank.code())
                            .bind(statement.origin.code())
                            .bind(data.clone());
                    }
                    q.execute(&mut *tx).await?;
                }
                for chunk in data.parties.chunks(BATCH) {
                    let sql = batch_insert("org_parties", &["key", "data"], chunk.len());
                    let mut q = sqlx::query(&sql);
                    for party in chunk {
                        q = q.bind(party.key.clone()).bind(encode(party));
                    }
                    q.execute(&mut *tx).await?;
                }
                record_run(&mut tx, &run).await?;
                tx.commit().await?;
                Ok(run)
            }

            async fn organizations(&self) -> StoreResult<Vec<Organization>> {
                self.decode_all("SELECT id, data FROM organizations ORDER BY id", "organization").await
            }

            async fn org_statements(&self) -> StoreResult<Vec<Statement>> {
                self.decode_all("SELECT id, data FROM org_statements ORDER BY org_id, id", "statement").await
            }

            async fn org_parties(&self) -> StoreResult<Vec<Party>> {
                self.decode_all("SELECT key, data FROM org_parties ORDER BY key", "party").await
            }

            async fn port_revision_count(&self, id: PortId) -> StoreResult<u64> {
                let row = sqlx::query("SELECT COUNT(*) FROM port_revisions WHERE port_id = $1")
                    .bind(i64::from(id.0))
                    .fetch_one(&self.pool)
                    .await?;
                Ok(u64::try_from(row.try_get::<i64, _>(0)?).unwrap_or(0))
            }

            async fn data_version(&self) -> StoreResult<String> {
                let row = sqlx::query(
                    "SELECT (SELECT COALESCE(MAX(id), 0) FROM port_revisions), \
                     (SELECT COALESCE(MAX(finished_at), '') FROM import_runs)",
                )
                .fetch_one(&self.pool)
                .await?;
                let revision: i64 = row.try_get(0)?;
                let imported: String = row.try_get(1)?;
                Ok(format!("{revision}/{imported}"))
            }

            async fn import_advisories(
                &self,
                snapshot: &Snapshot,
                run: ImportRun,
            ) -> StoreResult<ImportRun> {
                let mut tx = self.pool.begin().await?;
                let (source, taken) = (snapshot.source.code(), snapshot.taken.clone());
                sqlx::query(
                    "DELETE FROM advisories WHERE snapshot_id IN \
                     (SELECT id FROM advisory_snapshots WHERE source = $1 AND taken = $2)",
                )
                .bind(source)
                .bind(taken.clone())
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM advisory_snapshots WHERE source = $1 AND taken = $2")
                    .bind(source)
                    .bind(taken.clone())
                    .execute(&mut *tx)
                    .await?;
                let header = Snapshot { advisories: Vec::new(), ..snapshot.clone() };
                let row = sqlx::query(
                    "INSERT INTO advisory_snapshots (source, taken, fetched, stale, data) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(source)
                .bind(taken)
                .bind(snapshot.fetched.clone())
                .bind(snapshot.stale)
                .bind(encode(&header))
                .fetch_one(&mut *tx)
                .await?;
                let id: i64 = row.try_get(0)?;
                for chunk in snapshot.advisories.chunks(BATCH) {
                    let sql = batch_insert(
                        "advisories",
                        &["snapshot_id", "country", "level", "data"],
                        chunk.len(),
                    );
                    let mut q = sqlx::query(&sql);
                    for advisory in chunk {
                        q = q
                            .bind(id)
                            .bind(advisory.country.as_str().to_owned())
                            .bind(advisory.level.map(|level| i64::from(level.number())))
                            .bind(encode(advisory));
                    }
                    q.execute(&mut *tx).await?;
                }
                record_run(&mut tx, &run).await?;
                tx.commit().await?;
                Ok(run)
            }

            async fn advisory_snapshots(&self) -> StoreResult<Vec<Snapshot>> {
                let mut snapshots: Vec<Snapshot> = Vec::new();
                let rows = sqlx::query("SELECT id, data FROM advisory_snapshots ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?;
                for row in rows {
                    let id: i64 = row.try_get(0)?;
                    let mut snapshot: Snapshot =
                        decode(|| format!("advisory snapshot {id}"), &row.try_get::<String, _>(1)?)?;
                    snapshot.id = id;
                    snapshots.push(snapshot);
                }
                let rows = sqlx::query(
                    "SELECT snapshot_id, country, data FROM advisories ORDER BY snapshot_id, country",
                )
                .fetch_all(&self.pool)
                .await?;
                for row in rows {
                    let id: i64 = row.try_get(0)?;
                    let country: String = row.try_get(1)?;
                    let advisory: Advisory = decode(
                        || format!("advisory {id}/{country}"),
                        &row.try_get::<String, _>(2)?,
                    )?;
                    if let Ok(index) = snapshots.binary_search_by_key(&id, |s| s.id) {
                        snapshots[index].advisories.push(advisory);
                    }
                }
                Ok(snapshots)
            }

            async fn import_runs(&self) -> StoreResult<Vec<ImportRun>> {
                sqlx::query("SELECT dataset, data FROM import_runs ORDER BY dataset")
                    .fetch_all(&self.pool)
                    .await?
                    .into_iter()
                    .map(|row| {
                        let dataset: String = row.try_get(0)?;
                        decode(|| format!("import run {dataset}"), &row.try_get::<String, _>(1)?)
                    })
                    .collect()
            }
        }
    };
}

/// Ties each store to its sqlx database type, so the macro can name the row type.
trait Engine {
    type Db: sqlx::Database;
}

impl Engine for SqliteStore {
    type Db = sqlx::Sqlite;
}

impl Engine for PostgresStore {
    type Db = sqlx::Postgres;
}

sql_store!(SqliteStore, "sqlite", "migrations/sqlite");
sql_store!(PostgresStore, "postgres", "migrations/postgres");

async fn record_run<'c, DB>(tx: &mut sqlx::Transaction<'c, DB>, run: &ImportRun) -> StoreResult<()>
where
    DB: sqlx::Database,
    for<'e> &'e mut DB::Connection: sqlx::Executor<'e, Database = DB>,
    for<'q> String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
{
    sqlx::query(
        "INSERT INTO import_runs (dataset, finished_at, data) VALUES ($1, $2, $3) \
         ON CONFLICT (dataset) DO UPDATE SET finished_at = $2, data = $3",
    )
    .bind(run.dataset.clone())
    .bind(now())
    .bind(encode(run))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
